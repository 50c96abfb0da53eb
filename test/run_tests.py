#!/usr/bin/env python3
"""Runs the whole test suite (lit tests and GoogleTest unit tests, through
lit) of one or more build trees and ends with the line `N passed, N failed`
that CI reads; with several trees, the counts are their sums.

Usage: run_tests.py [--before-tree=COMMAND] BUILD_DIR [BUILD_DIR...]
                    [-- LIT_ARGS...]

COMMAND runs through the shell before each tree's tests, with {llvm}
replaced by the tree's LLVM major (make test-all installs that LLVM's libc++
with it); if it fails, the tree counts one failure and its tests do not run.
"""
import os
import re
import subprocess
import sys


def cache_value(build, name):
    with open(os.path.join(build, "CMakeCache.txt")) as f:
        match = re.search(rf"^{name}:\w+=(.*)$", f.read(), re.M)
    return match.group(1) if match else None


def run_tree(build, lit_args):
    """Runs lit on one tree; returns (passed, failed)."""
    lit = cache_value(build, "PINCHECK_LIT")
    if not lit:
        print(f"run_tests.py: {build} has no PINCHECK_LIT; configure it with tests")
        return 0, 1
    cmd = [sys.executable, lit, "-sv", *lit_args,
           os.path.join(build, "test"), os.path.join(build, "test", "unit")]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    counts = {}
    for line in proc.stdout:
        sys.stdout.write(line)
        match = re.match(r"^\s+([A-Za-z ]+):\s+(\d+)", line)
        if match:
            counts[match.group(1).strip()] = int(match.group(2))
    status = proc.wait()
    passed = counts.get("Passed", 0) + counts.get("Expectedly Failed", 0)
    failed = sum(counts.get(k, 0) for k in
                 ("Failed", "Unresolved", "Timed Out", "Unexpectedly Passed"))
    if status != 0 and failed == 0:
        failed = 1  # lit itself failed (no tests found, bad configuration).
    return passed, failed


def main():
    args = sys.argv[1:]
    lit_args = []
    if "--" in args:
        split = args.index("--")
        args, lit_args = args[:split], args[split + 1:]
    before = None
    if args and args[0].startswith("--before-tree="):
        before = args.pop(0).split("=", 1)[1]
    builds = [os.path.abspath(b) for b in (args or ["build"])]
    totals = []
    for build in builds:
        version = cache_value(build, "PINCHECK_LLVM_VERSION")
        print(f"== {os.path.basename(build)} (LLVM {version})", flush=True)
        if before and subprocess.call(before.replace("{llvm}", version),
                                      shell=True) != 0:
            print(f"run_tests.py: '{before}' failed for {build}")
            totals.append((build, version, 0, 1))
            continue
        totals.append((build, version, *run_tree(build, lit_args)))
    if len(totals) > 1:
        for build, version, passed, failed in totals:
            print(f"== {os.path.basename(build)} (LLVM {version}) had "
                  f"{passed} passed and {failed} failed")
    passed = sum(t[2] for t in totals)
    failed = sum(t[3] for t in totals)
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 and passed > 0 else 1)


if __name__ == "__main__":
    main()
