#!/usr/bin/env python3
"""Applies every fix-it pincheck offers and compiles the result again
(issue 19: a fix-it that breaks the build is worse than none).

The fix-its come from pincheck's --export-fixes YAML. Two kinds of edit are
checked, each on a fresh copy of the sources:

* all the warnings' fix-its together (what --fix applies);
* each note's fix-its on its own (a note offers an alternative, so notes are
  never combined).

Every affected unit is compiled again with -fsyntax-only. A compile error is
accepted only at a site the finding announced: a note "... here will not
compile once the fix-it ..." (the copies and moves that were the bug), or,
after a note "and N more copies or moves of 'T'", up to N further errors
about a deleted copy or move of T. Any other error fails, naming the fix-it.

Usage as a library: check_pincheck.py calls verify() after its CLI run, so
every single-file test's fix-its are verified; as a program it verifies a
multi-file project:

  verify_fixes.py --pincheck P --clangxx C [--fixes YAML]
                  PROJECT-DIR WORK-DIR [PINCHECK-ARGS...]

copies PROJECT-DIR to WORK-DIR, writes its compilation database (every .cpp,
-std=c++17), runs `pincheck -p WORK-DIR --header-filter=.* PINCHECK-ARGS`
(or reads --fixes, to test the harness itself) and verifies its fix-its on
every unit. With --database=BUILD, PROJECT-DIR is a real project's source
tree and BUILD its compilation database (docs/precision.md). Exit status 1
when a fix-it breaks the build.
"""
import argparse
import concurrent.futures
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import yaml

# The notes that announce where the fix-it will stop the program compiling.
ANNOUNCED_SITE = re.compile(r"will not compile once the fix-it")
ANNOUNCED_MORE = re.compile(r"^and (\d+) more copies or moves of '([^']+)'")
DIAGNOSTIC_LINE = re.compile(
    r"^(.+?):(\d+):(\d+): (fatal error|error|warning|note): (.*)$")


class Fix:
    """One edit to try: the replacements and the sites where it may break."""

    def __init__(self, label, replacements):
        self.label = label
        self.replacements = replacements
        self.sites = set()  # (real path, 1-based line) in the original
        self.more = []  # [count, type name] per "and N more" note


def line_of(path, offset, cache):
    if path not in cache:
        with open(path, "rb") as f:
            data = f.read()
        cache[path] = [i for i, byte in enumerate(data) if byte == ord("\n")]
    newlines = cache[path]
    return sum(1 for n in newlines if n < offset) + 1


def load_fixes(yaml_path, base=None):
    """The edits to try, from an --export-fixes file; relative paths are
    resolved against each finding's BuildDirectory, else `base`."""
    if not os.path.exists(yaml_path):
        return []
    with open(yaml_path) as f:
        document = yaml.safe_load(f) or {}
    lines = {}
    warnings = Fix("the warnings' fix-its", [])
    note_fixes = []
    for diagnostic in document.get("Diagnostics") or []:
        message = diagnostic["DiagnosticMessage"]
        notes = diagnostic.get("Notes") or []
        # Paths as the unit spelled them are relative to its directory, as
        # clang-apply-replacements reads them.
        directory = diagnostic.get("BuildDirectory") or base or os.getcwd()
        for entry in [message, *notes]:
            for r in [entry, *(entry.get("Replacements") or [])]:
                if r.get("FilePath"):
                    r["FilePath"] = os.path.join(directory, r["FilePath"])
        sites = set()
        more = []
        for note in notes:
            if ANNOUNCED_SITE.search(note["Message"]):
                path = os.path.realpath(note["FilePath"])
                sites.add((path, line_of(path, note["FileOffset"], lines)))
            counted = ANNOUNCED_MORE.match(note["Message"])
            if counted:
                more.append([int(counted.group(1)), counted.group(2)])
        if message.get("Replacements"):
            warnings.replacements += message["Replacements"]
            warnings.sites |= sites
            warnings.more += more
        for note in notes:
            if note.get("Replacements"):
                fix = Fix(f"the fix-it of note '{note['Message']}' "
                          f"({diagnostic['DiagnosticName']})",
                          note["Replacements"])
                fix.sites, fix.more = set(sites), [list(m) for m in more]
                note_fixes.append(fix)
    return ([warnings] if warnings.replacements else []) + note_fixes


def apply(fix, root, copy_root):
    """Writes the edited files of `fix` under copy_root (a copy of root);
    returns {original real path: edited path}, or raises on overlaps."""
    by_file = {}
    for r in fix.replacements:
        path = os.path.realpath(r["FilePath"])
        key = (r["Offset"], r["Length"], r["ReplacementText"])
        edits = by_file.setdefault(path, [])
        if key not in edits:  # a header's fix-it comes once per unit
            edits.append(key)
    edited = {}
    for path, edits in by_file.items():
        rel = os.path.relpath(path, root)
        if rel.startswith(".."):
            raise RuntimeError(f"{fix.label} edits {path}, outside {root}")
        with open(path, "rb") as f:
            data = f.read()
        edits.sort()
        for (o1, l1, _), (o2, _l2, _t2) in zip(edits, edits[1:]):
            if o1 + l1 > o2:
                raise RuntimeError(f"{fix.label}: overlapping edits in {rel}")
        for offset, length, text in reversed(edits):
            data = data[:offset] + text.encode() + data[offset + length:]
        target = os.path.join(copy_root, rel)
        with open(target, "wb") as f:
            f.write(data)
        edited[path] = target
    return edited


def line_map(original, edited):
    """{edited line: original line} for the lines an edit left unchanged."""
    with open(original) as f:
        before = f.read().splitlines()
    with open(edited) as f:
        after = f.read().splitlines()
    mapping = {}
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for i in range(size):
            mapping[b + i + 1] = a + i + 1
    # An edited line maps to the first original line it replaced.
    for tag, a1, _a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            for b in range(b1, b2):
                mapping.setdefault(b + 1, a1 + 1)
    return mapping


def errors_with_sites(output, copy_root):
    """(path, line, message) per compile error, placed in the project: an
    error in a library header is placed at the last "requested here" note in
    the project, the user's code that made the library instantiate it (or,
    without a backtrace of its own, where the error before it was).""" 
    found = []
    current = None
    placed = None  # Where the last library error was placed.
    for line in output.splitlines():
        match = DIAGNOSTIC_LINE.match(line)
        if not match:
            continue
        path, number, kind, message = (os.path.realpath(match.group(1)),
                                       int(match.group(2)), match.group(4),
                                       match.group(5))
        inside = not os.path.relpath(path, copy_root).startswith("..")
        if kind in ("error", "fatal error"):
            current = [path, number, message, inside]
            # Clang prints an instantiation's backtrace once, for its first
            # error; the next ones in the same instantiation have none.
            if not inside and placed:
                current[0], current[1] = placed
            found.append(current)
        elif current and not current[3] and inside and \
                message.endswith("requested here"):
            current[0], current[1] = placed = (path, number)
    return [(path, number, message) for path, number, message, _ in found]


def unexpected_errors(fix, output, root, copy_root, edited):
    """The compile errors of `output` that `fix` did not announce."""
    back = {os.path.realpath(target): path for path, target in edited.items()}
    maps = {}
    found = []
    for path, number, message in errors_with_sites(output, copy_root):
        original = back.get(path)
        if original is None:
            rel = os.path.relpath(path, copy_root)
            original = os.path.realpath(os.path.join(root, rel)) \
                if not rel.startswith("..") else path
        else:
            if original not in maps:
                maps[original] = line_map(original, path)
            number = maps[original].get(number, number)
        if (original, number) in fix.sites:
            continue
        counted = next((m for m in fix.more if m[0] > 0 and
                        "deleted" in message and m[1] in message), None)
        if counted:
            counted[0] -= 1
            continue
        found.append(f"{os.path.relpath(original, root)}:{number}: "
                     f"error: {message}")
    return found


def dependencies(units, root, clangxx):
    """{source: the real paths of the files it includes}, from `clang -M`,
    so that a fix-it recompiles only the units it can affect."""
    deps = {}
    for directory, source, flags in units:
        proc = subprocess.run([clangxx, "-M", "-w", *flags, source],
                              cwd=directory, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL,
                              universal_newlines=True)
        if proc.returncode != 0:
            continue  # Unknown: compiled after every fix-it.
        names = proc.stdout.replace("\\\n", " ").split()[1:]
        deps[source] = {os.path.realpath(os.path.join(directory, name))
                        for name in names}
    return deps


def compile_unit(clangxx, unit, root, copy_root):
    """Compiles one unit of `root` in its copy; (status, output)."""
    directory, source, flags = unit

    def moved(path):
        rel = os.path.relpath(path, root)
        return path if rel.startswith("..") else os.path.join(copy_root, rel)

    # Include paths into the tree read the copy.
    flags = [flag.replace(root, copy_root) for flag in flags]
    cmd = [clangxx, "-fsyntax-only", "-fno-caret-diagnostics",
           "-fno-color-diagnostics", "-ferror-limit=0", "-w", *flags,
           moved(source)]
    proc = subprocess.run(cmd, cwd=moved(directory), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    return proc.returncode, proc.stdout


def verify(fixes, root, work, units, clangxx, jobs=1):
    """Applies each fix in `fixes` to a copy of the tree `root` made in
    `work` and compiles the units of `units` ([(directory, source, flags)])
    it can affect there. Returns the failures (strings)."""
    if not fixes:
        return []
    copy_root = os.path.join(work, "fixed")
    shutil.rmtree(copy_root, ignore_errors=True)
    shutil.copytree(root, copy_root, symlinks=True,
                    ignore=shutil.ignore_patterns(".pincheck"))
    # Small projects are compiled whole; large ones by what they include.
    deps = dependencies(units, root, clangxx) if len(units) > 8 else {}
    failures = []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
    for fix in fixes:
        try:
            edited = apply(fix, root, copy_root)
        except RuntimeError as error:
            failures.append(str(error))
            continue
        affected = [unit for unit in units
                    if unit[1] not in deps or deps[unit[1]] & set(edited)]
        results = pool.map(
            lambda unit: compile_unit(clangxx, unit, root, copy_root),
            affected)
        for unit, (status, output) in zip(affected, results):
            if status == 0:
                continue
            errors = unexpected_errors(fix, output, root, copy_root, edited)
            if errors or not fix.sites and not fix.more:
                failures.append(
                    f"after {fix.label}, {os.path.relpath(unit[1], root)} "
                    "does not compile:\n  " +
                    "\n  ".join(errors or output.splitlines()[:5]))
        # Back to the original for the next fix-it.
        for original, target in edited.items():
            shutil.copyfile(original, target)
    pool.shutdown()
    shutil.rmtree(copy_root, ignore_errors=True)
    return failures


def project_units(directory):
    """[(directory, source, flags)] of a compilation database, the flags
    without the compiler, the source, -c and -o."""
    with open(os.path.join(directory, "compile_commands.json")) as f:
        entries = json.load(f)
    units = []
    for entry in entries:
        args = entry.get("arguments") or shlex.split(entry["command"])
        source = os.path.realpath(os.path.join(entry["directory"],
                                               entry["file"]))
        flags = []
        skip = False
        for arg in args[1:]:
            if skip:
                skip = False
            elif arg == "-o":
                skip = True
            elif arg != "-c" and not (
                    os.path.realpath(os.path.join(entry["directory"], arg))
                    == source):
                flags.append(arg)
        units.append((entry["directory"], source, flags))
    return units


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pincheck", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--fixes", help="verify the fix-its of this YAML "
                        "(paths relative to PROJECT-DIR) instead of pincheck's")
    parser.add_argument("--database", help="a real project: its compilation "
                        "database's directory; PROJECT-DIR is its source tree, "
                        "used in place (the fix-its go to a copy)")
    parser.add_argument("-j", dest="jobs", type=int, default=1,
                        help="units compiled in parallel")
    parser.add_argument("project")
    parser.add_argument("work")
    parser.add_argument("pincheck_args", nargs="*")
    args, more = parser.parse_known_args()
    args.pincheck_args += more
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if args.database:
        root = os.path.realpath(args.project)
        database = os.path.abspath(args.database)
    else:
        root = os.path.join(work, "project")
        shutil.copytree(args.project, root)
        root = database = os.path.realpath(root)
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run([sys.executable, os.path.join(here, "make_compdb.py"),
                        root], check=True)
    yaml_path = os.path.join(work, "fixes.yaml")
    if args.fixes:
        shutil.copy(args.fixes, yaml_path)
    else:
        proc = subprocess.run(
            [args.pincheck, "-p", database, "--header-filter=.*",
             "-j", str(args.jobs),
             f"--fact-store={os.path.join(work, 'facts')}",
             f"--export-fixes={yaml_path}", *args.pincheck_args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True)
        if proc.returncode not in (0, 1):
            sys.stderr.write(proc.stdout)
            sys.exit(f"verify_fixes.py: pincheck exited with {proc.returncode}")
    fixes = load_fixes(yaml_path, root)
    failures = verify(fixes, root, work, project_units(database),
                      args.clangxx, args.jobs)
    for failure in failures:
        print(f"verify_fixes.py: {failure}")
    print(f"verify_fixes.py: {os.path.basename(os.path.normpath(args.project))}:"
          f" {len(fixes)} fix-its, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
