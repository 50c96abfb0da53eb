#!/usr/bin/env python3
"""Split-layout equivalence: a single-file check test and the same code laid
out as a project must get the same findings (issue 14; docs/decisions.md,
"Split-layout equivalence").

  split_equivalence.py --build=BUILD [options] TEST.cpp|DIR...

For each test and each configuration of its `--frontend=cli` RUN lines (the
check, --check-suffix, --config-file and the compiler flags after `--`):

1. the test is analysed as it is, one file, by each frontend;
2. pincheck-split lays it out as NAME.h, NAME_members.cpp and NAME_rest.cpp
   with a compile_commands.json and a line map (tools/test-split);
3. the split form is analysed: `pincheck -p DIR` (whole-program when
   pincheck has it), and, given the fact store that `pincheck -p DIR
   --facts-only` builds, clang-tidy with the tidy plugin (the FactStore
   option) and clang++ with the compiler plugin
   (-fplugin-arg-pincheck-facts);
4. every finding of the split form is mapped back to the original's line
   (and column, where the text was copied) and compared with the single
   file's, frontend by frontend: each warning (check, level, message, line,
   column) must be in both. Notes may differ where they point into another
   file; their differences are printed as information;
5. every fix-it the CLI offers on the split form is applied and its units
   compiled again (verify_fixes.py).

A test that cannot be split (pincheck-split says why) or whose difference is
known is an exception: test/split/exceptions.txt lists them with their
reasons, and they are printed. Exit status: 0 when every difference is
explained, 1 otherwise, 2 for usage errors.

Options:
  --build=DIR        the build tree (tools and settings from its CMakeCache)
  --frontends=LIST   cli,tidy,plugin (the default: all three)
  --work-dir=DIR     where the copies, splits and reports go
  --exceptions=FILE  the exceptions (default: test/split/exceptions.txt)
  --split-dir=DIR    with one test: a ready split (NAME.h, NAME_*.cpp,
                     linemap.json) instead of pincheck-split's
  --features=LIST    lit's features, for REQUIRES lines (by default, found
                     as test/lit.cfg.py finds them)
  -j N               tests in parallel (default: the number of cores)
  -v                 every warning of the split form, not only the
                     differences
  --verify-split DIR only check a split's line map against its text
"""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

import verify_fixes

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
FRONTENDS = ("cli", "tidy", "plugin")
DIAGNOSTIC = re.compile(
    r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<level>warning|error|note|fatal error): (?P<message>.*?)"
    r"(?: \[(?P<check>[\w.,-]+)\])?$")


# --- Configuration -------------------------------------------------------

def cache_value(build, name):
    with open(os.path.join(build, "CMakeCache.txt")) as f:
        match = re.search(rf"^{name}:\w+=(.*)$", f.read(), re.M)
    return match.group(1) if match else None


class Tools:
    """The build's tools, and what its pincheck can do."""

    def __init__(self, build):
        self.build = os.path.abspath(build)
        self.pincheck = os.path.join(self.build, "bin", "pincheck")
        self.splitter = os.path.join(self.build, "bin", "pincheck-split")
        self.tidy_plugin = os.path.join(self.build, "lib", "pincheck-tidy.so")
        self.compiler_plugin = os.path.join(self.build, "lib", "pincheck-plugin.so")
        self.clang_tidy = cache_value(self.build, "PINCHECK_CLANG_TIDY")
        self.clangxx = cache_value(self.build, "PINCHECK_CLANGXX")
        self.llvm_version = cache_value(self.build, "PINCHECK_LLVM_VERSION")
        filecheck = cache_value(self.build, "PINCHECK_FILECHECK")
        self.llvm_root = os.path.dirname(os.path.dirname(filecheck))
        help_text = subprocess.run([self.pincheck, "--help"], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT,
                                   universal_newlines=True).stdout
        # The lead's whole-program analysis brings --no-whole-program.
        self.whole_program = "--no-whole-program" in help_text

    def default_features(self):
        """The lit features the check tests require, found as lit.cfg.py
        finds them."""
        features = {f"llvm-{self.llvm_version}"}
        if os.path.isdir(os.path.join(self.llvm_root, "include", "c++", "v1")):
            features.add("libcxx")
        for feature, header in [
                ("qt6", "/usr/include/x86_64-linux-gnu/qt6/QtCore/qtypeinfo.h"),
                ("qt5", "/usr/include/x86_64-linux-gnu/qt5/QtCore/qtypeinfo.h")]:
            if os.path.exists(header):
                features.add(feature)
        return features


class Variant:
    """One configuration of a test: the check and the flags of a
    `--frontend=cli` RUN line."""

    def __init__(self, test, check, suffix, config_file, flags):
        self.test = test
        self.check = check
        self.suffix = suffix
        self.config_file = config_file
        self.flags = flags
        stem = os.path.splitext(os.path.basename(test))[0]
        self.name = stem + (f"[{suffix}]" if suffix else "")
        self.stem = stem


def read_variants(test, tools):
    """The test's configurations, from its RUN lines; and its REQUIRES."""
    with open(test) as f:
        text = f.read()
    # RUN lines continue with a trailing backslash.
    commands, current = [], ""
    for match in re.finditer(r"^\s*//\s*RUN:(.*)$", text, re.M):
        line = match.group(1).strip()
        current += " " + line.rstrip("\\")
        if not line.endswith("\\"):
            commands.append(current.strip())
            current = ""
    requires = []
    for match in re.finditer(r"^\s*//\s*REQUIRES:(.*)$", text, re.M):
        requires += [r.strip() for r in match.group(1).split(",") if r.strip()]

    substitutions = {"%s": test, "%S": os.path.dirname(test),
                     "%llvm_include": os.path.join(tools.llvm_root, "include")}
    variants, seen = [], set()
    for command in commands:
        words = shlex.split(command)
        if not words or words[0] != "%check_pincheck" or "--frontend=cli" not in words:
            continue
        words = [re.sub(r"%\w+", lambda m: substitutions.get(m.group(0), m.group(0)), w)
                 for w in words[1:]]
        flags = []
        if "--" in words:
            split = words.index("--")
            words, flags = words[:split], words[split + 1:]
        options = {}
        positional = []
        for word in words:
            if word.startswith("--") and "=" in word:
                key, value = word[2:].split("=", 1)
                options[key] = value
            elif not word.startswith("--"):
                positional.append(word)
        check = positional[1]
        # As check_pincheck.py runs them.
        if not any(f.startswith("-std=") for f in flags):
            flags.append("-std=c++17")
        flags.append("-I" + os.path.join(SRC, "include"))
        key = (check, options.get("check-suffix", ""), options.get("config-file"),
               tuple(flags))
        if key in seen:
            continue
        seen.add(key)
        variants.append(Variant(test, check, options.get("check-suffix", ""),
                                options.get("config-file"), flags))
    return variants, requires


def read_exceptions(path):
    """{test or test[SUFFIX]: reason}; lines `NAME: reason`, # comments."""
    exceptions = {}
    if not path or not os.path.exists(path):
        return exceptions
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, reason = line.partition(":")
            if not sep or not reason.strip():
                sys.exit(f"split_equivalence.py: {path}:{number}: expected "
                         "'TEST: reason'")
            exceptions[name.strip()] = reason.strip()
    return exceptions


def merged_config(config_file, fact_store=None):
    """The test's configuration with every header's findings shown and,
    for the tidy plugin, the fact store: the YAML of the test's
    configuration is extended as text (its CheckOptions are a block
    mapping)."""
    text = ""
    if config_file:
        with open(config_file) as f:
            text = f.read()
    lines = text.splitlines()
    if not any(re.match(r"HeaderFilterRegex\s*:", l) for l in lines):
        lines.append("HeaderFilterRegex: '.*'")
    if fact_store:
        entry = f"FactStore: '{fact_store}'"
        for i, line in enumerate(lines):
            if re.match(r"CheckOptions\s*:\s*$", line):
                indent = "  "
                if i + 1 < len(lines):
                    indent = re.match(r"\s*", lines[i + 1]).group(0) or "  "
                if i + 1 < len(lines) and lines[i + 1].lstrip().startswith("- "):
                    lines[i + 1:i + 1] = [f"{indent}- key: FactStore",
                                          f"{indent}  value: '{fact_store}'"]
                else:
                    lines.insert(i + 1, indent + entry)
                break
            if re.match(r"CheckOptions\s*:", line):
                raise ValueError(f"{config_file}: CheckOptions in flow style")
        else:
            lines += ["CheckOptions:", "  " + entry]
    return "\n".join(lines) + "\n"


# --- Findings ------------------------------------------------------------

class Finding:
    """A warning with its notes, at a place: ('original' or a path, line,
    column); a column of None where the split form's text was generated."""

    def __init__(self, check, level, message, place, notes, shown_at=None):
        self.check = check
        self.level = level
        self.message = message
        self.place = place
        self.notes = notes  # [(message, place)]
        self.shown_at = shown_at  # where the split form reported it

    def key(self):
        return (self.check, self.level, self.message, self.place)

    def describe(self, original_name):
        file, line, column = self.place
        where = f"{original_name if file == 'original' else file}:{line}"
        if column is not None:
            where += f":{column}"
        text = f"{where}: {self.level}: {self.message} [{self.check}]"
        if self.shown_at:
            text += f"  (split: {self.shown_at})"
        return text


class LineMap:
    """Positions of the split form back to the original (linemap.json)."""

    def __init__(self, split_dir):
        with open(os.path.join(split_dir, "linemap.json")) as f:
            data = json.load(f)
        self.dir = os.path.realpath(split_dir)
        self.files = {}
        for name, info in data["files"].items():
            segments = {}
            for line, column, length, orig_line, orig_column in info.get("segments", []):
                segments.setdefault(line, []).append((column, length, orig_line,
                                                      orig_column))
            self.files[name] = (info["lines"], segments)

    def split_file(self, path):
        path = os.path.realpath(path)
        if os.path.dirname(path) == self.dir and os.path.basename(path) in self.files:
            return os.path.basename(path)
        return None

    def map(self, path, line, column):
        """(file, line, column) in the original's terms."""
        name = self.split_file(path)
        if name is None:
            return (os.path.realpath(path), line, column)
        lines, segments = self.files[name]
        for seg_column, length, orig_line, orig_column in segments.get(line, []):
            if seg_column <= column < seg_column + length:
                return ("original", orig_line, orig_column + column - seg_column)
        origin = lines[line - 1] if 0 < line <= len(lines) else None
        return ("original", origin, None)


def place_of_single(path, line, column, single_file):
    if os.path.realpath(path) == os.path.realpath(single_file):
        return ("original", line, column)
    return (os.path.realpath(path), line, column)


def parse_text(output, place, base):
    """Warnings and their notes from clang's text output; relative paths are
    relative to base, the directory the compile ran in."""
    findings, errors = [], []
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line)
        if not match:
            continue
        level = match.group("level")
        at = place(os.path.join(base, match.group("file")), int(match.group("line")),
                   int(match.group("column")))
        shown = f"{os.path.basename(match.group('file'))}:{match.group('line')}:" \
                f"{match.group('column')}"
        if level == "note":
            if findings:
                findings[-1].notes.append((match.group("message"), at))
            continue
        if level in ("error", "fatal error") and not (match.group("check") or "").startswith("pin-"):
            errors.append(line)
            continue
        findings.append(Finding(match.group("check") or "", level,
                                match.group("message"), at, [], shown))
    return findings, errors


def parse_json(path, place):
    with open(path) as f:
        report = json.load(f)
    findings, errors = [], []
    for f in report["findings"]:
        if f["check"].startswith("clang-diagnostic"):
            errors.append(f"{f['file']}:{f['line']}:{f['column']}: {f['level']}: "
                          f"{f['message']}")
            continue
        notes = [(n["message"], place(n["file"], n["line"], n["column"]))
                 for n in f["notes"]]
        shown = f"{os.path.basename(f['file'])}:{f['line']}:{f['column']}"
        findings.append(Finding(f["check"], f["level"], f["message"],
                                place(f["file"], f["line"], f["column"]), notes,
                                shown))
    return findings, errors


def dedupe(findings):
    """One finding per key: a header's finding comes from each unit that
    includes it."""
    unique = {}
    for f in findings:
        unique.setdefault(f.key(), f)
    return list(unique.values())


# The site a note of whole-program analysis ends with.
FACT_SITE = re.compile(r" \([^()]+\.(?:cpp|h):[0-9]+\)$")


def compare(single, split):
    """(missing from the split form, only in the split form, note
    differences). A split warning at generated text (no column) matches a
    single-file warning on its line at any column."""
    missing, remaining = [], dedupe(split)
    notes = []
    for want in dedupe(single):
        check, level, message, (file, line, column) = want.key()
        match = None
        for got in remaining:
            g_check, g_level, g_message, (g_file, g_line, g_column) = got.key()
            if (g_check, g_level, g_message, g_file, g_line) == \
                    (check, level, message, file, line) and \
                    (g_column == column or g_column is None):
                match = got
                break
        if match is None:
            missing.append(want)
            continue
        remaining.remove(match)
        lost = sorted(set(want.notes), key=repr)
        added = []
        for note in sorted(set(match.notes), key=repr):
            message, (file, line, column) = note
            # Whole-program analysis names where a fact of another unit was
            # found, "(NAME_members.cpp:7)": a note of the single form with
            # the site, or one more note that only the split form has.
            site = FACT_SITE.search(message)
            if site:
                message = message[:site.start()]
            same = [n for n in lost if n[0] == message and n[1][:2] == (file, line)
                    and (column is None or n[1][2] == column)]
            if same:
                lost.remove(same[0])
            elif not site:
                added.append(note)
        if lost or added:
            notes.append((want, lost, added))
    return missing, remaining, notes


# --- Runs ----------------------------------------------------------------

def run(cmd, cwd=None):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


class Result:
    def __init__(self, variant):
        self.variant = variant
        self.status = "equal"  # equal, differs, exception, stale, error
        self.lines = []        # the report
        self.seconds = 0.0


def write_compile_commands(split_dir, variant, tools):
    """For a ready split, copied to split_dir: its commands moved there,
    or, without any, each .cpp file with the test's flags."""
    path = os.path.join(split_dir, "compile_commands.json")
    if os.path.exists(path):
        with open(path) as f:
            commands = json.load(f)
        for command in commands:
            command["directory"] = split_dir
    else:
        commands = [{"directory": split_dir, "file": name,
                     "arguments": [tools.clangxx] + variant.flags +
                     ["-iquote", os.path.dirname(variant.test), "-c", name]}
                    for name in sorted(os.listdir(split_dir)) if name.endswith(".cpp")]
    with open(path, "w") as f:
        json.dump(commands, f, indent=2)


def verify_split(split_dir):
    """The line map's promises, checked against the text: each copied
    segment is the original's text at the place it names, and each line's
    origin is that of its first segment. Returns the errors."""
    with open(os.path.join(split_dir, "linemap.json")) as f:
        data = json.load(f)
    with open(data["original"]) as f:
        original = f.read().split("\n")
    errors = []
    for name, info in data["files"].items():
        with open(os.path.join(split_dir, name)) as f:
            text = f.read().split("\n")
        first = {}
        for line, column, length, orig_line, orig_column in info["segments"]:
            got = text[line - 1][column - 1:column - 1 + length]
            want = original[orig_line - 1][orig_column - 1:orig_column - 1 + length]
            if got != want or len(got) != length:
                errors.append(f"{name}:{line}:{column}: '{got}' is not "
                              f"{orig_line}:{orig_column} '{want}'")
            first.setdefault(line, orig_line)
        for line, orig_line in first.items():
            if info["lines"][line - 1] != orig_line:
                errors.append(f"{name}:{line}: its origin is line "
                              f"{info['lines'][line - 1]}, its text comes from {orig_line}")
        if len(info["lines"]) != len(text) - (text[-1] == ""):
            errors.append(f"{name}: {len(info['lines'])} lines mapped, "
                          f"{len(text) - (text[-1] == '')} written")
    return errors


def analyse_single(variant, tools, frontend, work):
    source = os.path.join(work, "single", variant.stem + ".cpp")
    place = lambda p, l, c: place_of_single(p, l, c, source)
    findings, errors = analyse_single_raw(variant, tools, frontend, source, place)
    for f in findings or []:
        f.shown_at = None
    return findings, errors


def analyse_single_raw(variant, tools, frontend, source, place):
    # The header filter is given on the command line too: clang-tidy 19
    # takes it from the configuration of the working directory, not of the
    # file. The compiler plugin runs in the file's directory.
    checks = f"--checks=-*,{variant.check}"
    header_filter = "--header-filter=.*"
    if frontend == "cli":
        report = os.path.join(os.path.dirname(source), os.pardir, "single-cli.json")
        status, out, err = run([tools.pincheck, checks, header_filter, "--format=json",
                                f"--output={report}", source, "--"] + variant.flags)
        if status not in (0, 1):
            return None, [err or out]
        return parse_json(report, place)
    if frontend == "tidy":
        status, out, err = run([tools.clang_tidy, f"--load={tools.tidy_plugin}", checks,
                                header_filter, source, "--"] + variant.flags)
    else:
        status, out, err = run([tools.clangxx, "-fsyntax-only", "-Wno-everything",
                                f"-fplugin={tools.compiler_plugin}",
                                f"-fplugin-arg-pincheck-checks=-*,{variant.check}"]
                               + variant.flags + [os.path.basename(source)],
                               cwd=os.path.dirname(source))
    findings, errors = parse_text(out + err, place, os.path.dirname(source))
    if status != 0 and not errors:
        errors = [err or out]
    return findings, errors


def analyse_split(variant, tools, frontend, split_dir, linemap, fact_store):
    place = linemap.map
    checks = f"--checks=-*,{variant.check}"
    header_filter = "--header-filter=.*"
    with open(os.path.join(split_dir, "compile_commands.json")) as f:
        commands = json.load(f)
    if frontend == "cli":
        report = os.path.join(split_dir, os.pardir, "split-cli.json")
        fixes = os.path.join(split_dir, os.pardir, "split-fixes.yaml")
        status, out, err = run([tools.pincheck, "-p", split_dir, checks, header_filter,
                                "--format=json", f"--output={report}",
                                f"--export-fixes={fixes}"])
        if status not in (0, 1):
            # Compile errors are in the report, with the findings.
            errors = parse_json(report, place)[1] if os.path.exists(report) else []
            return None, errors + [err or out]
        return parse_json(report, place)
    findings, errors = [], []
    if frontend == "tidy":
        cmd = [tools.clang_tidy, f"--load={tools.tidy_plugin}", checks, header_filter,
               "-p", split_dir]
        if fact_store:
            config = os.path.join(split_dir, os.pardir, "tidy-facts.yaml")
            with open(config, "w") as f:
                f.write(merged_config(variant.config_file, fact_store))
            cmd.append(f"--config-file={config}")
        cmd += [os.path.join(split_dir, c["file"]) for c in commands]
        status, out, err = run(cmd)
        findings, errors = parse_text(out + err, place, split_dir)
        if status != 0 and not errors:
            errors = [err or out]
        return findings, errors
    for command in commands:
        args = [a for a in command["arguments"][1:] if a != "-c"]
        cmd = [tools.clangxx, "-fsyntax-only", "-Wno-everything",
               f"-fplugin={tools.compiler_plugin}",
               f"-fplugin-arg-pincheck-checks=-*,{variant.check}"]
        if fact_store:
            cmd.append(f"-fplugin-arg-pincheck-facts={fact_store}")
        status, out, err = run(cmd + args, cwd=command["directory"])
        more, more_errors = parse_text(out + err, place, command["directory"])
        findings += more
        errors += more_errors
        if status != 0 and not more_errors:
            errors.append(err or out)
    return findings, errors


def check_variant(variant, tools, args, exceptions, work_root):
    result = Result(variant)
    start = time.monotonic()
    say = result.lines.append
    original = os.path.basename(variant.test)
    work = os.path.join(work_root, variant.name.replace("[", "-").replace("]", ""))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "single"))
    split_dir = os.path.join(work, "split")
    exception = exceptions.get(variant.name, exceptions.get(variant.stem))

    # Both forms read the test's configuration from a .clang-tidy beside
    # them (as the compiler plugin must), with every header's findings shown.
    config = merged_config(variant.config_file)
    shutil.copy(variant.test, os.path.join(work, "single", variant.stem + ".cpp"))

    if args.split_dir:
        shutil.copytree(args.split_dir, split_dir)
        write_compile_commands(split_dir, variant, tools)
    else:
        status, out, err = run([tools.splitter, f"--out-dir={split_dir}",
                                f"--compiler={tools.clangxx}",
                                os.path.join(work, "single", variant.stem + ".cpp"),
                                "--"] + variant.flags)
        if status == 1:
            reason = out.strip().split(": ", 2)[-1]
            if exception:
                result.status = "exception"
                say(f"exception: cannot split: {reason} (listed: {exception})")
            else:
                result.status = "error"
                say(f"cannot split, and not listed as an exception: {reason}")
            result.seconds = time.monotonic() - start
            return result
        if status != 0:
            result.status = "error"
            say(f"pincheck-split failed ({status}):\n{out}{err}")
            result.seconds = time.monotonic() - start
            return result
    for directory in ("single", "split"):
        with open(os.path.join(work, directory, ".clang-tidy"), "w") as f:
            f.write(config)
    if not args.split_dir:
        map_errors = verify_split(split_dir)
        if map_errors:
            result.status = "error"
            say("the line map does not match the split text:")
            result.lines += ["  " + e for e in map_errors[:20]]
            result.seconds = time.monotonic() - start
            return result
    linemap = LineMap(split_dir)

    fact_store = None
    differs = False
    for frontend in args.frontends:
        if frontend != "cli" and tools.whole_program and fact_store is None:
            fact_store = os.path.join(split_dir, ".pincheck")
            status, out, err = run([tools.pincheck, "-p", split_dir,
                                    f"--checks=-*,{variant.check}", "--facts-only"])
            if status != 0:
                result.status = "error"
                say(f"pincheck --facts-only failed ({status}):\n{out}{err}")
                break
        single, single_errors = analyse_single(variant, tools, frontend, work)
        split, split_errors = analyse_split(variant, tools, frontend, split_dir,
                                            linemap, fact_store)
        if single_errors or single is None:
            result.status = "error"
            say(f"[{frontend}] the single file does not analyse:")
            result.lines += ["  " + e for e in single_errors]
            continue
        if split_errors or split is None:
            result.status = "error"
            say(f"[{frontend}] the split form does not compile or analyse:")
            result.lines += ["  " + e for e in split_errors]
            continue
        missing, extra, notes = compare(single, split)
        equal = len(dedupe(single)) - len(missing)
        summary = f"[{frontend}] {equal} of {len(dedupe(single))} warnings equal"
        if missing:
            summary += f", {len(missing)} missing from the split form"
        if extra:
            summary += f", {len(extra)} only in the split form"
        if notes:
            summary += f"; notes differ on {len(notes)}"
        say(summary)
        for f in missing:
            say(f"  missing from split: {f.describe(original)}")
        for f in extra:
            say(f"  only in split:      {f.describe(original)}")
        # Notes are information: they may point into another file.
        for want, lost, added in notes:
            say(f"  notes of {want.describe(original)}:")
            for message, (file, line, column) in lost:
                say(f"    single only: {line}:{column}: note: {message}"
                    + ("" if file == "original" else f" ({file})"))
            for message, (file, line, column) in added:
                say(f"    split only:  {line}:{column}: note: {message}"
                    + ("" if file == "original" else f" ({file})"))
        if args.verbose:
            for f in dedupe(split):
                say(f"  split: {f.describe(original)}")
        differs |= bool(missing or extra)
        if frontend == "cli":
            # The fix-its in the project layout (a header shared by two
            # units) must leave every unit compiling, as in the single file.
            failures = verify_fixes.verify(
                verify_fixes.load_fixes(os.path.join(work, "split-fixes.yaml")),
                split_dir, os.path.join(work, "fixes"),
                verify_fixes.project_units(split_dir), tools.clangxx)
            if failures:
                result.status = "error"
                say("[cli] a fix-it breaks the split form's build:")
                result.lines += ["  " + f for f in failures]

    if result.status != "error":
        if differs and exception:
            result.status = "exception"
            say(f"known difference: {exception}")
        elif differs:
            result.status = "differs"
        elif exception:
            # An exception that no longer applies is stale: say so, so that
            # the table stays true.
            result.status = "stale"
            say(f"listed as an exception but equal: {exception}")
    result.seconds = time.monotonic() - start
    return result


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build")
    parser.add_argument("--frontends", default=",".join(FRONTENDS))
    parser.add_argument("--work-dir")
    parser.add_argument("--exceptions",
                        default=os.path.join(HERE, "split", "exceptions.txt"))
    parser.add_argument("--split-dir")
    parser.add_argument("--features")
    parser.add_argument("-j", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--verify-split", metavar="DIR",
                        help="only check a split's line map against its text")
    parser.add_argument("tests", nargs="*")
    args = parser.parse_args()
    if args.verify_split:
        errors = verify_split(args.verify_split)
        for e in errors:
            print(f"split_equivalence.py: {e}")
        if not errors:
            print("split_equivalence.py: the line map matches the text")
        sys.exit(1 if errors else 0)
    if not args.build or not args.tests:
        parser.error("--build and test files are required")
    args.frontends = [f for f in args.frontends.split(",") if f]
    if any(f not in FRONTENDS for f in args.frontends) or not args.frontends:
        parser.error(f"--frontends: expected some of {','.join(FRONTENDS)}")
    if args.split_dir and len(args.tests) != 1:
        parser.error("--split-dir goes with one test")
    if args.split_dir:
        args.split_dir = os.path.abspath(args.split_dir)

    tools = Tools(args.build)
    features = (set(args.features.split(",")) if args.features is not None
                else tools.default_features())
    exceptions = read_exceptions(args.exceptions)
    work_root = os.path.abspath(args.work_dir or os.path.join(
        tools.build, "test", "split-equivalence"))
    os.makedirs(work_root, exist_ok=True)

    if not tools.whole_program:
        print("split_equivalence.py: this pincheck has no whole-program analysis "
              "(no --no-whole-program in its --help): the split form is analysed "
              "unit by unit, and the plugins get no fact store")
    if os.path.exists(args.exceptions):
        print(f"exceptions ({os.path.relpath(args.exceptions, SRC)}):"
              + ("" if exceptions else " none"))
        for name, reason in sorted(exceptions.items()):
            print(f"  {name}: {reason}")

    tests = []
    for test in args.tests:
        if os.path.isdir(test):
            tests += sorted(os.path.join(test, name) for name in os.listdir(test)
                            if name.endswith(".cpp"))
        else:
            tests.append(test)
    variants, unsupported = [], []
    for test in tests:
        test = os.path.abspath(test)
        found, requires = read_variants(test, tools)
        missing = [r for r in requires if r not in features]
        if missing:
            unsupported.append((os.path.basename(test), missing))
            continue
        if not found:
            unsupported.append((os.path.basename(test), ["a --frontend=cli RUN line"]))
            continue
        variants += found

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as pool:
        futures = [pool.submit(check_variant, v, tools, args, exceptions, work_root)
                   for v in variants]
        results = [f.result() for f in futures]
    wall = time.monotonic() - start

    counts = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
        print(f"== {r.variant.name} ({r.variant.check}): {r.status.upper()} "
              f"({r.seconds:.1f} s)")
        for line in r.lines:
            print("   " + line)
    for name, missing in unsupported:
        print(f"== {name}: UNSUPPORTED (requires {', '.join(missing)})")
    order = ["equal", "exception", "differs", "stale", "error"]
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in order)
    plural = "" if len(results) == 1 else "s"
    print(f"split equivalence: {len(results)} configuration{plural}: {summary}; "
          f"{len(unsupported)} unsupported; {wall:.1f} s")
    failed = sum(counts.get(s, 0) for s in ("differs", "stale", "error"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
