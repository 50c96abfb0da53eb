#!/usr/bin/env python3
"""Runs a command and succeeds only if it exits with the given status.

Usage: expect_exit.py STATUS COMMAND [ARGS...]

The command's output passes through, so a RUN line can pipe it to FileCheck.
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: expect_exit.py STATUS COMMAND [ARGS...]")
    expected = int(sys.argv[1])
    status = subprocess.call(sys.argv[2:])
    if status != expected:
        sys.stderr.write(f"expect_exit.py: '{sys.argv[2]}' exited with {status}, "
                         f"expected {expected}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
