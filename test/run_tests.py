#!/usr/bin/env python3
"""Runs the whole test suite (lit tests and GoogleTest unit tests, through
lit) and ends with the line `N passed, N failed` that CI reads.

Usage: run_tests.py BUILD_DIR [LIT_ARGS...]
"""
import os
import re
import subprocess
import sys


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
    with open(os.path.join(build, "CMakeCache.txt")) as f:
        version = re.search(r"^PINCHECK_LLVM_VERSION:\w+=(\d+)", f.read(), re.M).group(1)
    lit = f"/usr/lib/llvm-{version}/build/utils/lit/lit.py"
    cmd = [sys.executable, lit, "-sv", *sys.argv[2:],
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
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 and passed > 0 else 1)


if __name__ == "__main__":
    main()
