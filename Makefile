# pincheck: `make demo` and `make test` do all the set-up on Debian 12.
#
#   make demo    install what is missing, build, run pincheck on examples/
#   make test    install what is missing, build, run the whole test suite
#   make build   configure and build only
#
# Variables: LLVM (the LLVM major to build against), BUILD (the build tree).

LLVM ?= 19
BUILD ?= build
CMAKE_BUILD_TYPE ?= Release

# Everything the build, the tests and the demo use, from Debian's archive.
PACKAGES := clang-$(LLVM) clang-tidy-$(LLVM) llvm-$(LLVM)-dev \
  llvm-$(LLVM)-tools libclang-$(LLVM)-dev libclang-cpp$(LLVM)-dev \
  cmake ninja-build g++ libgtest-dev python3 zlib1g-dev libuv1-dev \
  libcurl4-openssl-dev libc++-$(LLVM)-dev libc++abi-$(LLVM)-dev \
  qt6-base-dev qtbase5-dev python3-jsonschema time \
  libabsl-dev libfmt-dev libboost-dev clangd-$(LLVM) neovim

.PHONY: all setup configure build demo test bench clean

all: build

# Installs the missing packages when run as root; otherwise prints the
# command that would.
setup:
	@missing=$$(for p in $(PACKAGES); do \
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

configure: setup
	@if [ ! -f $(BUILD)/build.ninja ]; then \
	  cmake -S . -B $(BUILD) -G Ninja \
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

test: build $(SARIF_SCHEMA)
	@python3 test/run_tests.py $(BUILD)

# Timings are noisy: the benchmark is not part of `make test`.
# BENCH_ARGS passes options to bench/run (see bench/run --help).
bench: build
	python3 bench/run --build $(BUILD) -p $(BUILD) $(BENCH_ARGS)

clean:
	rm -rf $(BUILD)
