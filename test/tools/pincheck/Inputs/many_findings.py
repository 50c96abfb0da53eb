#!/usr/bin/env python3
"""Writes a C++ file with N self-referential classes, each a finding of
pin-self-referential-type, for the bounded-cost test.

Usage: many_findings.py N --one-line|--line-each

--one-line puts them all on one line (about 80 bytes each), --line-each one
per line. Each class's user-written copy constructor copies the interior
pointer, so its finding has no fix-it: the fix-it of an implicit copy is
indented to the class's column, which on one long line makes it as long as
the line (a cost of the check in lib/, docs/performance.md).
"""
import sys

CLASS = "struct S{0} {{ S{0}(); S{0}(const S{0} &o) : p(o.p) {{}} char b[2]; char *p = b; }};"


def main():
    count = int(sys.argv[1])
    separator = " " if sys.argv[2] == "--one-line" else "\n"
    sys.stdout.write(separator.join(CLASS.format(i) for i in range(count)) + "\n")


if __name__ == "__main__":
    main()
