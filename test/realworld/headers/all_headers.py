#!/usr/bin/env python3
"""Writes a translation unit that includes every public header of one
library, as installed by Debian's packages, for the header precision tests.

  all_headers.py LIBRARY OUTPUT.cpp [--llvm-include DIR] [--copy-to DIR]

Libraries and what "public" means for each (docs/precision.md):
  llvm-adt   llvm/ADT/*.h
  abseil     absl/**/*.h, except internal/ directories, tests, mocks,
             benchmarks and absl/flags (which needs its generated parts)
  fmt        fmt/*.h, except format-inl.h (included by format.h when asked)
  boost      boost/container/*.hpp and boost/intrusive/*.hpp, the two Boost
             libraries whose self-referential types the suite covers
  qt6        QtCore/QtCore, Qt's own umbrella of QtCore's public headers
  libstdcxx  every standard header of GCC 12's libstdc++; the headers are
             copied to --copy-to without '#pragma GCC system_header', which
             would otherwise hide them from the checks
  libcxx     every standard header of libc++
"""
import argparse
import glob
import os
import re
import shutil

STANDARD_HEADERS = """
algorithm any array atomic barrier bit bitset charconv chrono codecvt compare
complex concepts condition_variable deque exception execution filesystem
forward_list fstream functional future initializer_list iomanip ios iosfwd
iostream istream iterator latch limits list locale map memory memory_resource
mutex new numbers numeric optional ostream queue random ranges ratio regex
scoped_allocator semaphore set shared_mutex source_location span sstream stack
stdexcept stop_token streambuf string string_view syncstream system_error
thread tuple type_traits typeindex typeinfo unordered_map unordered_set
utility valarray variant vector
""".split()


def relative(root, pattern):
    return sorted(os.path.relpath(p, root)
                  for p in glob.glob(os.path.join(root, pattern), recursive=True))


def headers(library, args):
    if library == "llvm-adt":
        return relative(args.llvm_include, "llvm/ADT/*.h")
    if library == "abseil":
        return [h for h in relative("/usr/include", "absl/**/*.h")
                if not re.search(r"internal|test|mock|benchmark|^absl/flags/", h)]
    if library == "fmt":
        return [h for h in relative("/usr/include", "fmt/*.h")
                if not h.endswith("format-inl.h")]
    if library == "boost":
        return (relative("/usr/include", "boost/container/*.hpp") +
                relative("/usr/include", "boost/intrusive/*.hpp"))
    if library == "qt6":
        return ["QtCore/QtCore"]
    if library == "libstdcxx":
        return STANDARD_HEADERS
    if library == "libcxx":
        return sorted(STANDARD_HEADERS + ["format"])  # Not in GCC 12.
    raise SystemExit(f"all_headers.py: unknown library '{library}'")


def copy_without_system_header_pragma(source, destination):
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(source, destination, symlinks=True)
    pragma = re.compile(r"^\s*#\s*pragma\s+GCC\s+system_header\s*$", re.M)
    for directory, _, files in os.walk(destination):
        for name in files:
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
            if pragma.search(text):
                with open(path, "w", encoding="utf-8",
                          errors="surrogateescape") as f:
                    f.write(pragma.sub("", text))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("output")
    parser.add_argument("--llvm-include", default="/usr/lib/llvm-19/include")
    parser.add_argument("--copy-to")
    args = parser.parse_args()
    if args.library == "libstdcxx":
        if not args.copy_to:
            raise SystemExit("all_headers.py: libstdcxx needs --copy-to")
        copy_without_system_header_pragma("/usr/include/c++/12",
                                          os.path.join(args.copy_to, "c++"))
        copy_without_system_header_pragma(
            "/usr/include/x86_64-linux-gnu/c++/12",
            os.path.join(args.copy_to, "arch"))
    names = headers(args.library, args)
    if not names:
        raise SystemExit(f"all_headers.py: no headers found for {args.library}")
    with open(args.output, "w") as out:
        out.write(f"// Every public header of {args.library}; generated.\n")
        for name in names:
            out.write(f"#include <{name}>\n")


if __name__ == "__main__":
    main()
