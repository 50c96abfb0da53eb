# lit configuration for pincheck's check and tool tests.
import os
import lit.formats

config.name = "pincheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unit", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.pincheck_obj_root, "test")

obj = config.pincheck_obj_root
src = config.pincheck_src_root
tidy_plugin = os.path.join(obj, "lib", "pincheck-tidy.so")
compiler_plugin = os.path.join(obj, "lib", "pincheck-plugin.so")
pincheck = os.path.join(obj, "bin", "pincheck")
check_script = os.path.join(src, "test", "check_pincheck.py")

config.substitutions.append(
    ("%check_pincheck",
     f"{config.python} {check_script} --clang-tidy={config.clang_tidy} "
     f"--plugin={tidy_plugin} --pincheck={pincheck} "
     f"--compiler-plugin={compiler_plugin} "
     f"--filecheck={config.filecheck} --clangxx={config.clangxx} "
     f"--llvm-version={config.llvm_version} "
     f"-I{os.path.join(src, 'include')}"))
config.substitutions.append(
    ("%clang_tidy_plugin", f"{config.clang_tidy} --load={tidy_plugin}"))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(
    ("%clang_plugin", f"{config.clangxx} -fplugin={compiler_plugin}"))
config.substitutions.append(("%pincheck_obj", obj))
config.substitutions.append(("%pincheck_include", os.path.join(src, "include")))
config.substitutions.append(("%pincheck", pincheck))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%llvm_version", config.llvm_version))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%cpack", config.cpack))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%chromium", "/usr/bin/chromium"))
config.substitutions.append(("%clang_format", config.clang_format))
# Before %pincheck, of which it starts like.
config.substitutions.insert(0, ("%pincheck_src", src))
config.substitutions.append(("%examples", os.path.join(src, "examples")))
config.substitutions.append(
    ("%expect_exit", f"{config.python} {os.path.join(src, 'test', 'expect_exit.py')}"))
config.substitutions.append(
    ("%make_compdb", f"{config.python} {os.path.join(src, 'test', 'make_compdb.py')}"))
config.substitutions.append(
    ("%verify_fixes",
     f"{config.python} {os.path.join(src, 'test', 'verify_fixes.py')} "
     f"--pincheck={pincheck} --clangxx={config.clangxx}"))

# pincheck-clangd's tests: the real clangd of the same LLVM major, the
# scripted LSP client, and Neovim for the end-to-end test.
import shutil
clangd_dir = os.path.join(src, "test", "tools", "pincheck-clangd")
# Before %pincheck, of which %pincheck_clangd starts like.
config.substitutions.insert(
    0, ("%pincheck_clangd", os.path.join(obj, "bin", "pincheck-clangd")))
config.substitutions.append(
    ("%lsp_client", f"{config.python} {os.path.join(clangd_dir, 'lsp_client.py')}"))
config.substitutions.append(("%clangd_inputs", os.path.join(clangd_dir, "Inputs")))
clangd = shutil.which(f"clangd-{config.llvm_version}") or shutil.which(
    "clangd", path=f"/usr/lib/llvm-{config.llvm_version}/bin")
if clangd:
    config.available_features.add("clangd")
    config.substitutions.append(("%clangd", clangd))
nvim = shutil.which("nvim")
if nvim:
    config.available_features.add("nvim")
    config.substitutions.append(("%nvim", nvim))

# Tests of files that cannot be written: root writes any file, so as root
# the command runs as nobody (setpriv, from util-linux).
if os.geteuid() == 0:
    config.substitutions.append(
        ("%unprivileged", "setpriv --reuid=65534 --regid=65534 --clear-groups"))
else:
    config.substitutions.append(("%unprivileged", ""))

if config.gxx:
    config.available_features.add("gxx")
    config.substitutions.append(("%gxx", config.gxx))

# The standard libraries and libraries some tests compile against.
llvm_root = os.path.dirname(os.path.dirname(config.filecheck))
config.substitutions.append(("%llvm_include", os.path.join(llvm_root, "include")))
if os.path.isdir(os.path.join(llvm_root, "include", "c++", "v1")):
    config.available_features.add("libcxx")
for feature, header in [("qt6", "/usr/include/x86_64-linux-gnu/qt6/QtCore/qtypeinfo.h"),
                        ("qt5", "/usr/include/x86_64-linux-gnu/qt5/QtCore/qtypeinfo.h"),
                        ("asio", "/usr/include/asio.hpp"),
                        ("chromium", "/usr/bin/chromium"),
                        ("distcc", "/usr/bin/distccd")]:
    if os.path.exists(header):
        config.available_features.add(feature)

# llvm-19 or llvm-22: for tests whose commands differ with the library code
# of the LLVM (libc++'s headers).
config.available_features.add(f"llvm-{config.llvm_version}")

# The other supported LLVM's clang-tidy and clang++, for the version-mismatch
# tests (`other-llvm`), which load this build's plugins into them. With
# --param=pincheck_other_llvm=required (make test-all) their absence is an
# error instead of a reason to skip those tests.
other_llvm = None
for version in config.supported_llvm_versions:
    if version == config.llvm_version:
        continue
    tools = [os.path.join("/usr/lib", f"llvm-{version}", "bin", name)
             for name in ("clang-tidy", "clang++")]
    if all(os.access(tool, os.X_OK) for tool in tools):
        other_llvm = version
        config.available_features.add("other-llvm")
        config.substitutions.append(("%other_llvm_version", version))
        config.substitutions.append(("%other_clang_tidy", tools[0]))
        config.substitutions.append(("%other_clangxx", tools[1]))
        break
if other_llvm is None and lit_config.params.get("pincheck_other_llvm") == "required":
    lit_config.fatal("the version-mismatch tests need the clang-tidy and clang++ "
                     "of another supported LLVM than " + config.llvm_version)

# JSON Schemas: pincheck's own (docs/schemas/) and the official SARIF one.
config.substitutions.append(("%schemas", os.path.join(src, "docs", "schemas")))
sarif_schema = os.path.join(obj, "test-deps", "sarif-2.1.0.json")
try:
    import jsonschema  # noqa: F401
    config.available_features.add("jsonschema")
    if os.path.exists(sarif_schema):
        config.available_features.add("sarif-schema")
        config.substitutions.append(("%sarif_schema", sarif_schema))
except ImportError:
    pass

# FileCheck, not, split-file and clang-apply-replacements of the same LLVM.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), config.environment.get("PATH", os.environ["PATH"])])

# Tests must not depend on the user's environment or configuration files.
config.environment["HOME"] = "/nonexistent"

# clangd's user configuration for the tests: no standard library or
# background index, which would cost seconds per session (clangd waits for
# them when it exits) and test nothing of pincheck's.
clangd_config = os.path.join(obj, "test", "xdg-config")
os.makedirs(os.path.join(clangd_config, "clangd"), exist_ok=True)
with open(os.path.join(clangd_config, "clangd", "config.yaml"), "w") as f:
    f.write("Index:\n  StandardLibrary: No\n  Background: Skip\n")
config.environment["XDG_CONFIG_HOME"] = clangd_config

# The split-layout equivalence (test/split/): the splitter, and the harness
# with this build's tools and the features above, for the REQUIRES lines of
# the check tests it splits. `whole-program`: pincheck analyses a project
# across its translation units (its --help offers --no-whole-program); the
# equivalence over test/checks/ needs it.
import subprocess
config.substitutions.insert(
    0, ("%pincheck_split", os.path.join(obj, "bin", "pincheck-split")))
try:
    pincheck_help = subprocess.run([pincheck, "--help"], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT,
                                   universal_newlines=True).stdout
except OSError:
    pincheck_help = ""
if "--no-whole-program" in pincheck_help:
    config.available_features.add("whole-program")
# The whole equivalence sweep runs in the newest LLVM's tree only (its
# cost, docs/decisions.md); the others run the tests that need facts.
if config.llvm_version == config.supported_llvm_versions[0]:
    config.available_features.add("newest-llvm")
config.substitutions.append(
    ("%split_equivalence",
     f"{config.python} {os.path.join(src, 'test', 'split_equivalence.py')} "
     f"--build={obj} --features={','.join(sorted(config.available_features))}"))
