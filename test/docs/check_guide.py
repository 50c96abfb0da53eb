#!/usr/bin/env python3
"""Checks the C++ examples of a Markdown page against pincheck.

Every ```cpp block is a translation unit. It must compile, and pincheck's
warnings must be exactly the lines marked `// warning: <check-name>`. A
block is C++17 unless its first line says otherwise (`// C++20`).

Usage: check_guide.py --pincheck=P --clangxx=C -I DIR page.md
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

WARNING = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):\d+: warning: .* \[(?P<check>[a-z-]+)\]$")
MARKER = re.compile(r"//\s*warning:\s*(?P<check>[a-z-]+)")


def blocks(page):
    lines = open(page).read().split("\n")
    code, start = None, 0
    for number, line in enumerate(lines, 1):
        if code is None and line.strip() == "```cpp":
            code, start = [], number
        elif code is not None and line.strip() == "```":
            yield start, "\n".join(code) + "\n"
            code = None
        elif code is not None:
            code.append(line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pincheck", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("-I", dest="include", required=True)
    parser.add_argument("page")
    args = parser.parse_args()
    flags = ["-std=c++17", f"-I{args.include}"]
    failures, count = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for start, code in blocks(args.page):
            count += 1
            path = os.path.join(tmp, f"block{count}.cpp")
            with open(path, "w") as f:
                f.write(code)
            where = f"{args.page}:{start}"
            block_flags = flags
            if code.startswith("// C++20"):
                block_flags = ["-std=c++20"] + flags[1:]
            compiled = subprocess.run([args.clangxx, "-fsyntax-only", path] + block_flags,
                                      capture_output=True, text=True)
            if compiled.returncode != 0:
                print(f"{where}: block does not compile\n{compiled.stderr}")
                failures += 1
                continue
            expected = {(n, m.group("check"))
                        for n, line in enumerate(code.split("\n"), 1)
                        for m in [MARKER.search(line)] if m}
            run = subprocess.run([args.pincheck, "--checks=-*,pin-*", path, "--"] + block_flags,
                                 capture_output=True, text=True)
            found = set()
            for line in (run.stdout + run.stderr).split("\n"):
                m = WARNING.match(line)
                if m and m.group("file") == path:
                    found.add((int(m.group("line")), m.group("check")))
            if found != expected:
                failures += 1
                for line, check in sorted(expected - found):
                    print(f"{args.page}:{start + line}: expected {check}, not reported")
                for line, check in sorted(found - expected):
                    print(f"{args.page}:{start + line}: unexpected {check}")
    print(f"{count} blocks checked, {failures} failed")
    sys.exit(1 if failures or count == 0 else 0)


if __name__ == "__main__":
    main()
