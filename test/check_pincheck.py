#!/usr/bin/env python3
"""Runs one pincheck check on a test file through one frontend and checks the
result, in the manner of clang-tidy's own check tests.

  %check_pincheck [--frontend=tidy|cli|plugin] [--check-suffix=S]
                  [--config-file=F] [--fix-notes]
                  FILE CHECK-NAME TEMP [-- COMPILER-FLAGS...]

* The frontends: the clang-tidy plugin in clang-tidy (`tidy`), the pincheck
  CLI (`cli`), and the compiler plugin in `clang++ -fsyntax-only` (`plugin`),
  with `-fplugin-arg-pincheck-checks=-*,CHECK-NAME` and the compiler's own
  warnings off (`-Wno-everything`). The compiler plugin has
  no --config-file: the file is written as the `.clang-tidy` beside the copy
  of FILE, which the plugin reads as clang-tidy would. It applies fix-its
  with clang's own `-Xclang -fixit`, which applies the fix-its of warnings
  and never those of notes, as --fix does; --fix-notes has no equivalent
  there and is refused.

* Lines with the prefix followed by -LLVM<N> (CHECK-MESSAGES-LLVM22:) apply
  only when pincheck is built against LLVM N, for output that differs
  between the supported LLVMs (Clang's type printing, for one).

* The diagnostics are matched with FileCheck against the CHECK-MESSAGES lines
  of FILE; every warning, error and note must be matched, so a file without
  CHECK-MESSAGES (or CHECK-FIXES) lines asserts that the check stays quiet.
* If FILE has CHECK-FIXES lines, the check runs with --fix on a copy (with the
  CHECK lines blanked), the fixed copy is matched against them, and the fixed
  copy must still compile.
* Through the CLI, every fix-it offered (those of warnings together, each
  note's alone) is applied and the file compiled again (verify_fixes.py):
  it must compile except at the sites the finding's notes announce.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

import verify_fixes


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    return proc.returncode, proc.stdout


def fail(message, output=""):
    sys.stderr.write(output)
    sys.stderr.write(f"check_pincheck.py: {message}\n")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--pincheck", required=True)
    parser.add_argument("--compiler-plugin", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--llvm-version", required=True,
                        help="the LLVM major pincheck is built against")
    parser.add_argument("-I", dest="includes", action="append", default=[])
    parser.add_argument("--frontend", choices=["tidy", "cli", "plugin"], default="tidy")
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("--config-file")
    parser.add_argument("--fix-notes", action="store_true",
                        help="apply the fix-its of notes too")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        split = argv.index("--")
        argv, flags = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)
    if args.frontend == "plugin" and args.fix_notes:
        fail("the compiler plugin cannot apply the fix-its of notes "
             "(clang's -fixit applies only those of warnings)")
    if not any(f.startswith("-std=") for f in flags):
        flags.append("-std=c++17")
    flags += [f"-I{path}" for path in args.includes]

    suffix = f"-{args.check_suffix}" if args.check_suffix else ""
    messages_prefix = f"CHECK-MESSAGES{suffix}"
    fixes_prefix = f"CHECK-FIXES{suffix}"
    with open(args.input) as f:
        source = f.read()
    version_suffix = f"-LLVM{args.llvm_version}"
    has_messages = re.search(rf"\b{messages_prefix}({version_suffix})?:",
                             source) is not None
    has_fixes = re.search(rf"\b{fixes_prefix}({version_suffix})?:",
                          source) is not None

    # The copy keeps every line (so [[@LINE]] still matches) but loses the
    # CHECK comments, which would otherwise match themselves.
    os.makedirs(os.path.dirname(os.path.abspath(args.temp)), exist_ok=True)
    temp_source = args.temp + ".cpp"
    if args.frontend == "cli":
        # A directory of its own, which verify_fixes copies to try fix-its.
        temp_dir = args.temp + ".cli"
        shutil.rmtree(temp_dir, ignore_errors=True)
        os.makedirs(temp_dir)
        temp_source = os.path.join(temp_dir, os.path.basename(args.temp) + ".cpp")
    if args.frontend == "plugin":
        # A directory of its own, for the configuration beside the source.
        temp_dir = args.temp + ".plugin"
        os.makedirs(temp_dir, exist_ok=True)
        temp_source = os.path.join(temp_dir, os.path.basename(args.temp) + ".cpp")
        config = os.path.join(temp_dir, ".clang-tidy")
        if args.config_file:
            with open(args.config_file) as src, open(config, "w") as dst:
                dst.write(src.read())
        elif os.path.exists(config):
            os.remove(config)
    pristine = re.sub(r"//\s*CHECK-[A-Z0-9-]+:.*", "", source)
    with open(temp_source, "w") as f:
        f.write(pristine)

    checks = f"--checks=-*,{args.check}"
    common = [checks]
    if has_fixes:
        common.append("--fix-notes" if args.fix_notes else "--fix")
    if args.config_file:
        common.append(f"--config-file={args.config_file}")
    if args.frontend == "tidy":
        cmd = [args.clang_tidy, f"--load={args.plugin}"] + common
        cmd += [temp_source, "--"] + flags
        ok_status = {0}
    elif args.frontend == "cli":
        fixes_yaml = args.temp + ".fixes.yaml"
        if os.path.exists(fixes_yaml):
            os.remove(fixes_yaml)
        cmd = [args.pincheck] + common + [f"--export-fixes={fixes_yaml}",
                                          temp_source, "--"] + flags
        ok_status = {0, 1}
    else:
        # -Wno-everything: the compiler's own warnings are not pincheck's
        # (clang-tidy leaves them out unless a clang-diagnostic-* check is
        # enabled); the plugin's are not in any warning group and stay.
        cmd = [args.clangxx, "-fsyntax-only", "-Wno-everything",
               f"-fplugin={args.compiler_plugin}",
               f"-fplugin-arg-pincheck-checks=-*,{args.check}"]
        if has_fixes:
            cmd += ["-Xclang", "-fixit"]
        cmd += flags + [temp_source]
        ok_status = {0}
    status, output = run(cmd)
    if status not in ok_status:
        fail(f"{' '.join(cmd)} exited with {status}", output)

    # With --fix, the engine adds a note per applied fix-it; the fixed file
    # is what checks those.
    output = re.sub(r"^.*note: FIX-IT applied suggested code changes\n(.*\n)*?(?=\S+:\d+:\d+: |\d+ warning|clang-tidy applied|$)",
                    "", output, flags=re.M)
    messages_file = args.temp + ".msg"
    with open(messages_file, "w") as f:
        f.write(output)
    if has_messages:
        status, fc_output = run([args.filecheck, f"-input-file={messages_file}",
                                 args.input,
                                 f"--check-prefixes={messages_prefix},"
                                 f"{messages_prefix}{version_suffix}",
                                 "--allow-unused-prefixes",
                                 "-implicit-check-not={{warning|error|note}}:"])
        if status != 0:
            fail("diagnostics do not match", fc_output + "\n--- output ---\n" + output)
    elif not has_fixes and re.search(r"\b(warning|error|note):", output):
        fail("expected no diagnostics", output)

    if has_fixes:
        status, fc_output = run([args.filecheck, f"-input-file={temp_source}",
                                 args.input,
                                 f"--check-prefixes={fixes_prefix},"
                                 f"{fixes_prefix}{version_suffix}",
                                 "--allow-unused-prefixes",
                                 "-strict-whitespace"])
        if status != 0:
            with open(temp_source) as f:
                fail("fixed file does not match", fc_output + "\n--- fixed ---\n" + f.read())
        status, cc_output = run([args.clangxx, "-fsyntax-only", temp_source] + flags)
        if status != 0:
            fail("the fixed file does not compile", cc_output)

    # Every fix-it the CLI offers, of warnings and of notes, must leave the
    # file compiling except where the finding said it would not.
    if args.frontend == "cli":
        with open(temp_source, "w") as f:
            f.write(pristine)
        failures = verify_fixes.verify(verify_fixes.load_fixes(fixes_yaml),
                                       temp_dir, args.temp + ".verify",
                                       [(temp_dir, temp_source, flags)],
                                       args.clangxx)
        if failures:
            fail("a fix-it breaks the build:\n" + "\n".join(failures))


if __name__ == "__main__":
    main()
