#!/usr/bin/env python3
"""Writes DIR/compile_commands.json for the multi-file tests: one entry per
`.cpp` file of DIR (sorted), compiled in DIR with -std=c++17 and FLAGS.

Usage: make_compdb.py DIR [FLAGS...]
"""
import json
import os
import sys


def main():
    directory = os.path.abspath(sys.argv[1])
    flags = sys.argv[2:]
    entries = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".cpp"):
            entries.append({
                "directory": directory,
                "file": os.path.join(directory, name),
                "arguments": ["clang++", "-std=c++17", *flags, "-c", name],
            })
    with open(os.path.join(directory, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=1)


if __name__ == "__main__":
    main()
