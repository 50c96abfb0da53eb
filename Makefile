# pincheck: `make demo` and `make test` do all the set-up on Debian 12.
#
#   make demo      install what is missing, build, run pincheck on examples/
#   make test      install what is missing, build, run the whole test suite:
#                  for every supported LLVM, each in build-N (what CI runs),
#                  or with LLVM=N for that one only, in BUILD
#   make build     configure and build only
#
# Variables: LLVM (the LLVM major to build against), BUILD (the build tree).

# The LLVM majors pincheck supports, newest first.
SUPPORTED_LLVM := 22 19

BUILD ?= build
CMAKE_BUILD_TYPE ?= Release

# The default LLVM is the newest supported one installed (its Clang CMake
# package, from libclang-N-dev, is there), else the newest supported one,
# which `setup` then installs.
LLVM_GIVEN := $(filter-out undefined,$(origin LLVM))
ifeq ($(LLVM_GIVEN),)
LLVM := $(firstword $(foreach v,$(SUPPORTED_LLVM),$(if $(wildcard \
  /usr/lib/llvm-$(v)/lib/cmake/clang/ClangConfig.cmake),$(v))) $(SUPPORTED_LLVM))
endif
# The LLVM majors whose packages `setup` installs.
LLVMS ?= $(LLVM)

# The sources are formatted by this clang-format, whatever LLVM a tree is
# built against (majors format some constructs differently); `make test`
# checks them with it.
CLANG_FORMAT_LLVM := 22

# Everything the build, the tests and the demo use, from Debian's archive.
llvm_packages = clang-$(1) clang-tidy-$(1) llvm-$(1)-dev llvm-$(1)-tools \
  libclang-$(1)-dev libclang-cpp$(1)-dev clangd-$(1)
PACKAGES := $(foreach v,$(LLVMS),$(call llvm_packages,$(v))) \
  cmake ninja-build g++ libgtest-dev python3 zlib1g-dev libuv1-dev \
  libcurl4-openssl-dev qt6-base-dev qtbase5-dev python3-jsonschema \
  python3-yaml time git chromium distcc \
  libabsl-dev libfmt-dev libboost-dev libasio-dev dpkg-dev file neovim \
  clang-format-$(CLANG_FORMAT_LLVM)
# The tests also compile against the libc++ of the LLVM under test. Debian's
# libc++-N-dev packages conflict with each other: installing one removes
# another LLVM's.
TEST_PACKAGES := libc++-$(LLVM)-dev libc++abi-$(LLVM)-dev

.PHONY: all setup setup-test configure build demo test test-one test-deps fuzz \
  test-all bench clean

all: build

# $(call install,PACKAGES) installs the missing packages when run as root;
# otherwise it prints the command that would.
define install
	@missing=$$(for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "pincheck: installing" $$missing; \
	    apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "pincheck: missing packages; install them with:"; \
	    echo "  sudo apt-get install --no-install-recommends" $$missing; \
	    exit 1; \
	  fi; \
	fi
endef

setup:
	$(call install,$(PACKAGES))

setup-test:
	$(call install,$(TEST_PACKAGES))

# A tree configured for another LLVM is configured afresh (and rebuilt).
configure: setup
	@configured=$$(sed -n 's/^PINCHECK_LLVM_VERSION:[A-Z]*=//p' \
	  $(BUILD)/CMakeCache.txt 2>/dev/null); fresh=; \
	if [ -n "$$configured" ] && [ "$$configured" != "$(LLVM)" ]; then \
	  echo "pincheck: $(BUILD)/ is configured for LLVM $$configured;" \
	    "configuring it afresh for LLVM $(LLVM)"; \
	  fresh=--fresh; \
	fi; \
	if [ ! -f $(BUILD)/build.ninja ] || [ -n "$$fresh" ]; then \
	  cmake $$fresh -S . -B $(BUILD) -G Ninja \
	    -DCMAKE_BUILD_TYPE=$(CMAKE_BUILD_TYPE) \
	    -DCMAKE_CXX_COMPILER=clang++-$(LLVM) \
	    -DPINCHECK_LLVM_VERSION=$(LLVM); \
	fi

build: configure
	ninja -C $(BUILD)

# Findings are the point of the demo: pincheck's exit status 1 is success.
demo: build
	@cmake -S examples -B $(BUILD)/examples -G Ninja \
	  -DCMAKE_CXX_COMPILER=clang++-$(LLVM) >/dev/null
	@echo "== pincheck -p $(BUILD)/examples"
	@$(BUILD)/bin/pincheck -p $(BUILD)/examples; status=$$?; \
	  echo "== pincheck exit status $$status (0: no findings, 1: findings)"; \
	  [ $$status -le 1 ]

# The official SARIF 2.1.0 schema, for validating pincheck's SARIF output in
# the tests. It ships in an npm package; it is fetched into the build tree,
# never committed. Without npm the SARIF schema test is reported unsupported.
SARIF_SCHEMA := $(BUILD)/test-deps/sarif-2.1.0.json
SARIF_SCHEMA_PACKAGE := @microsoft/jest-sarif@1.0.0-beta.0

$(SARIF_SCHEMA):
	@mkdir -p $(BUILD)/test-deps
	@if command -v npm >/dev/null 2>&1; then \
	  cd $(BUILD)/test-deps && \
	  npm pack --silent $(SARIF_SCHEMA_PACKAGE) >/dev/null 2>&1 && \
	  tar xzf microsoft-jest-sarif-*.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json && \
	  mv package/lib/schemas/sarif-2.1.0-rtm.5.json sarif-2.1.0.json && \
	  rm -rf package microsoft-jest-sarif-*.tgz || \
	  echo "pincheck: could not fetch the SARIF schema; its test will be skipped"; \
	fi

test-deps: $(SARIF_SCHEMA)

ifeq ($(LLVM_GIVEN),)
test: test-all
else
test: test-one
endif

test-one: build setup-test test-deps
	@python3 test/run_tests.py $(BUILD)

# Each supported LLVM in its own tree, build-N; the trees are built before
# any is tested, and each tree's tests run with its LLVM's libc++ installed.
# The version-mismatch tests load each build's plugins into the other LLVM's
# clang-tidy and clang++; `pincheck_other_llvm=required` makes them fail
# instead of being skipped when that LLVM is missing.
test-all:
	@$(MAKE) --no-print-directory setup LLVMS="$(SUPPORTED_LLVM)"
	@for v in $(SUPPORTED_LLVM); do \
	  $(MAKE) --no-print-directory build test-deps LLVM=$$v BUILD=build-$$v \
	    || exit 1; \
	done
	@python3 test/run_tests.py \
	  --before-tree='$(MAKE) --no-print-directory setup-test LLVM={llvm}' \
	  $(foreach v,$(SUPPORTED_LLVM),build-$(v)) \
	  -- --param=pincheck_other_llvm=required

# Timings are noisy: the benchmark is not part of `make test`.
# BENCH_ARGS passes options to bench/run (see bench/run --help).
bench: build
	python3 bench/run --build $(BUILD) -p $(BUILD) --llvm $(LLVM) $(BENCH_ARGS)

# The fuzzing harness (test/fuzz/fuzz.py), for as long as asked:
# FUZZ_ARGS="--seconds 3600" or "--count 5000"; findings go to fuzz-findings/.
# `make test` runs a fixed, seeded sample of it (test/fuzz/sample.test).
FUZZ_ARGS ?= --count 1000
fuzz: build
	python3 test/fuzz/fuzz.py --build $(BUILD) --llvm $(LLVM) $(FUZZ_ARGS)

clean:
	rm -rf $(BUILD) $(foreach v,$(SUPPORTED_LLVM),build-$(v))
