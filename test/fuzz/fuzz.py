#!/usr/bin/env python3
"""pincheck's fuzzing harness: mutated and generated C++ through every
frontend, looking for crashes, hangs and exit statuses a user must never
see.

Inputs are the project's own test inputs and examples (test/checks,
test/realworld, examples), mutated with a seeded random generator:
truncated at a random point, tokens, lines or braces deleted, lines
duplicated or swapped, random bytes inserted; and generated ones: class
templates that recurse through their members, deep nesting, many
self-referential classes on one long line. Each input goes through one
frontend in turn (the pincheck CLI, clang-tidy with pincheck-tidy.so, the
compiler plugin) with a time limit, and the inputs given to the CLI also go,
in batches, through one pincheck-clangd session, which must survive them
all.

A run reports, per frontend, how many inputs ran, and every finding:

  crash       a signal, a "PLEASE submit a bug report" stack dump, or
              pincheck's own "internal error analysing" (a crash it
              recovered from)
  hang        the time limit was reached
  status      an exit status other than 0, 1 or 2
  session     pincheck-clangd ended or stopped answering

Each finding's input is written to --out as finding-N.cpp with the command
beside it; --minimise FILE --frontend F shrinks such an input line by line
while it still fails the same way, for a regression test.

Usage:
  fuzz.py --build DIR [--count N | --seconds S] [--seed N] [-j N]
          [--frontends cli,tidy,plugin,clangd] [--timeout S] [--out DIR]
  fuzz.py --build DIR --minimise FILE --frontend F [--include DIR]...

Exit status: 0 with no finding, 1 with findings, 2 on bad usage.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FRONTENDS = ("cli", "tidy", "plugin", "clangd")
CRASH_TEXT = re.compile(r"PLEASE submit a bug report|Stack dump:|internal error analysing|"
                        r"frontend command failed due to signal")


def corpus():
    """The texts to mutate, each with the include directories it needs
    (its own directory and the Inputs beside it)."""
    files = []
    for pattern in ("test/checks/*.cpp", "test/realworld/**/*.cpp", "test/realworld/**/*.h",
                    "examples/*.cpp", "examples/*.h", "test/tools/pincheck/Inputs/**/*.cpp"):
        files += glob.glob(os.path.join(ROOT, pattern), recursive=True)
    texts = []
    for path in sorted(set(files)):
        with open(path, encoding="utf-8", errors="replace") as f:
            directory = os.path.dirname(path)
            includes = [d for d in (directory, os.path.join(directory, "Inputs"))
                        if os.path.isdir(d)]
            texts.append((f.read(), includes))
    return texts


TOKEN = re.compile(r"[A-Za-z_]\w*|\d+|\S")


def mutate(text, rng):
    """One mutation of `text`, chosen at random."""
    kind = rng.choice(("truncate", "tokens", "lines", "braces", "bytes", "duplicate", "swap"))
    if kind == "truncate":
        return text[:rng.randrange(len(text) + 1)]
    if kind == "tokens":
        tokens = list(TOKEN.finditer(text))
        for match in sorted(rng.sample(tokens, min(len(tokens), rng.randint(1, 8))),
                            key=lambda m: -m.start()):
            text = text[:match.start()] + text[match.end():]
        return text
    lines = text.split("\n")
    if kind == "lines":
        for _ in range(rng.randint(1, 6)):
            if lines:
                del lines[rng.randrange(len(lines))]
        return "\n".join(lines)
    if kind == "braces":
        positions = [i for i, c in enumerate(text) if c in "{}()<>;"]
        for i in sorted(rng.sample(positions, min(len(positions), rng.randint(1, 4))),
                        reverse=True):
            text = text[:i] + text[i + 1:]
        return text
    if kind == "bytes":
        data = bytearray(text.encode("utf-8", errors="replace"))
        for _ in range(rng.randint(1, 16)):
            data.insert(rng.randrange(len(data) + 1), rng.randrange(256))
        return data.decode("utf-8", errors="replace")
    if kind == "duplicate" and lines:
        i = rng.randrange(len(lines))
        lines[i:i] = lines[i:rng.randint(i, min(len(lines), i + 20))]
        return "\n".join(lines)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def generated(rng):
    """A deep or wide input: what real code rarely writes by hand but
    templates and generators produce."""
    kind = rng.choice(("recursive", "deep-instantiation", "nesting", "wide-line", "chain",
                       "member-pointer"))
    if kind == "member-pointer":
        # A member call whose callee is not a member expression.
        return ("struct R { int *kept; void keep(int *p) { kept = p; } };\n"
                "template <void (R::*F)(int *)> void via(R &r, int *p) { (r.*F)(p); }\n"
                "struct H { int v; H(R &r) { via<&R::keep>(r, &v); } };\n"
                "void f(R &r) { H h(r); H g = static_cast<H &&>(h); (void)g; }\n")
    if kind == "recursive":
        return ("template <int N> struct S { S<N - 1> in; char buf[2]; char *p = buf; };\n"
                + ("S<3> s;\n" if rng.random() < 0.5 else ""))
    if kind == "deep-instantiation":
        depth = rng.randint(10, 900)
        return ("template <int N> struct S { S<N - 1> in; char buf[2]; char *p = buf; };\n"
                "template <> struct S<0> { char buf[2]; char *p = buf; };\n"
                f"S<{depth}> deep;\n")
    if kind == "nesting":
        depth = rng.randint(10, 200)
        opening = "".join(f"struct N{i} {{ char b{i}[4]; char *p{i} = b{i}; " for i in range(depth))
        return opening + "};" * depth + "\n"
    if kind == "wide-line":
        count = rng.randint(100, 3000)
        return " ".join(f"struct W{i} {{ char b[4]; char *p = b; }};" for i in range(count)) + "\n"
    count = rng.randint(10, 400)
    body = "".join(f"struct C{i} {{ C{i - 1 if i else 0} *up; char b[2]; char *p = b; }};\n"
                   if i else "struct C0 { char b[2]; char *p = b; };\n" for i in range(count))
    return body + "void f() { C%d c; C%d d = c; (void)d; }\n" % (count - 1, count - 1)


FLAGS = ["-std=c++20", "-I" + os.path.join(ROOT, "include")]


def command(frontend, build, llvm, path, includes=()):
    flags = FLAGS + ["-I" + d for d in includes]
    if frontend == "cli":
        return [os.path.join(build, "bin", "pincheck"), path, "--"] + flags
    if frontend == "tidy":
        return [f"clang-tidy-{llvm}", "--load=" + os.path.join(build, "lib", "pincheck-tidy.so"),
                "--checks=-*,pin-*", "--quiet", path, "--"] + flags
    return [f"clang++-{llvm}", "-fsyntax-only",
            "-fplugin=" + os.path.join(build, "lib", "pincheck-plugin.so")] + flags + [path]


def judge(frontend, status, output):
    """The finding for one run, or None."""
    if status is None:
        return "hang"
    if status < 0 or status >= 128 or CRASH_TEXT.search(output):
        return "crash"
    allowed = (0, 1, 2) if frontend == "cli" else (0, 1)
    if status not in allowed:
        return "status"
    return None


def run_one(frontend, build, llvm, path, timeout, includes=()):
    cmd = command(frontend, build, llvm, path, includes)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout, cwd=os.path.dirname(path))
        output = proc.stdout.decode("utf-8", errors="replace")
        return judge(frontend, proc.returncode, output), proc.returncode, cmd
    except subprocess.TimeoutExpired:
        return "hang", None, cmd


def clangd_session(build, llvm, directory, names, includes, timeout):
    """Opens every input in one pincheck-clangd session; None when the
    session survived them all, else what happened."""
    clangd = shutil.which(f"clangd-{llvm}") or f"/usr/lib/llvm-{llvm}/bin/clangd"
    script = ["initialize"]
    for name in names:
        script += [f"open {name}", f"wait-diagnostics {name}", f"close {name}"]
    script += ["shutdown", "exit"]
    script_path = os.path.join(directory, "session.lsp")
    with open(script_path, "w") as f:
        f.write("\n".join(script) + "\n")
    with open(os.path.join(directory, "compile_flags.txt"), "w") as f:
        f.write("\n".join(FLAGS + ["-I" + d for d in includes]) + "\n")
    client = os.path.join(ROOT, "test", "tools", "pincheck-clangd", "lsp_client.py")
    try:
        proc = subprocess.run([sys.executable, client, "--root", directory, "--script",
                               script_path, "--timeout", str(timeout), "--",
                               os.path.join(build, "bin", "pincheck-clangd"),
                               "--clangd=" + clangd],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout * (len(names) + 2))
    except subprocess.TimeoutExpired:
        return "session: no answer"
    output = proc.stdout.decode("utf-8", errors="replace")
    if proc.returncode != 0 or "exit status 0" not in output:
        return "session: " + (output.strip().splitlines() or ["no output"])[-1]
    return None


def make_inputs(rng, count, texts):
    for index in range(count):
        if rng.random() < 0.15:
            yield index, generated(rng), []
        else:
            text, includes = rng.choice(texts)
            for _ in range(rng.randint(1, 3)):
                text = mutate(text, rng)
            yield index, text, includes


def fuzz(args):
    rng = random.Random(args.seed)
    texts = corpus()
    frontends = [f for f in args.frontends.split(",") if f != "clangd"]
    os.makedirs(args.out, exist_ok=True)
    counts = {f: 0 for f in args.frontends.split(",")}
    findings = []
    deadline = time.monotonic() + args.seconds if args.seconds else None
    count = args.count if not deadline else 10 ** 9
    work = tempfile.mkdtemp(prefix="pincheck-fuzz-")
    clangd_batch = []

    def report(kind, frontend, text, cmd):
        path = os.path.join(args.out, f"finding-{len(findings)}.cpp")
        with open(path, "w") as f:
            f.write(text)
        with open(path + ".cmd", "w") as f:
            f.write(" ".join(cmd) + "\n")
        findings.append((kind, frontend, path))
        print(f"fuzz.py: {kind} in {frontend}: {path}", flush=True)

    def flush_clangd():
        if "clangd" not in counts or not clangd_batch:
            return
        session = tempfile.mkdtemp(dir=work)
        names = []
        includes = sorted({d for _, _, dirs in clangd_batch for d in dirs})
        for i, text, _ in clangd_batch:
            name = f"input{i}.cpp"
            with open(os.path.join(session, name), "w") as f:
                f.write(text)
            names.append(name)
        outcome = clangd_session(args.build, args.llvm, session, names, includes,
                                 args.timeout)
        counts["clangd"] += len(names)
        if outcome:
            report(outcome, "clangd", "\n// ---\n".join(t for _, t, _ in clangd_batch),
                   ["pincheck-clangd session over", session])
        clangd_batch.clear()

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        pending = {}
        inputs = make_inputs(rng, count, texts)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < 2 * args.jobs:
                if deadline and time.monotonic() > deadline:
                    exhausted = True
                    break
                try:
                    index, text, includes = next(inputs)
                except StopIteration:
                    exhausted = True
                    break
                frontend = frontends[index % len(frontends)]
                path = os.path.join(work, f"input{index}.cpp")
                with open(path, "w") as f:
                    f.write(text)
                future = pool.submit(run_one, frontend, args.build, args.llvm, path,
                                     args.timeout, includes)
                pending[future] = (frontend, text, path)
                if frontend == "cli" and "clangd" in counts and index % 5 == 0:
                    clangd_batch.append((index, text, includes))
            done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                frontend, text, path = pending.pop(future)
                kind, _, cmd = future.result()
                counts[frontend] += 1
                if kind:
                    report(kind, frontend, text, cmd)
                os.remove(path)
            if len(clangd_batch) >= 20:
                flush_clangd()
    flush_clangd()
    shutil.rmtree(work, ignore_errors=True)
    total = sum(counts[f] for f in frontends)
    ran = ", ".join(f"{f}: {n}" for f, n in counts.items())
    kinds = {k: sum(1 for f in findings if f[0].split(":")[0] == k)
             for k in ("crash", "hang", "status", "session")}
    print(f"fuzz.py: {total} inputs ({ran}); {kinds['crash']} crashes, {kinds['hang']} hangs, "
          f"{kinds['status']} unexpected exit statuses, {kinds['session']} lost sessions")
    return 1 if findings else 0


def minimise(args):
    """Line-based delta debugging: the smallest set of lines found that
    still fails the same way."""
    with open(args.minimise, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    work = tempfile.mkdtemp(prefix="pincheck-minimise-")
    path = os.path.join(work, "input.cpp")

    def fails(candidate):
        with open(path, "w") as f:
            f.write("\n".join(candidate))
        return run_one(args.frontend, args.build, args.llvm, path, args.timeout,
                       args.include)[0] == want

    want = None
    with open(path, "w") as f:
        f.write("\n".join(lines))
    want = run_one(args.frontend, args.build, args.llvm, path, args.timeout, args.include)[0]
    if not want:
        print(f"fuzz.py: error: '{args.minimise}': does not fail in {args.frontend}",
              file=sys.stderr)
        return 2
    chunk = len(lines) // 2
    while chunk >= 1:
        start = 0
        while start < len(lines):
            candidate = lines[:start] + lines[start + chunk:]
            if candidate and fails(candidate):
                lines = candidate
            else:
                start += chunk
        chunk //= 2
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True, help="pincheck's build tree")
    parser.add_argument("--llvm", help="LLVM major (default: the build tree's)")
    parser.add_argument("--count", type=int, default=100, help="inputs to run (default 100)")
    parser.add_argument("--seconds", type=float, help="run this long instead of --count")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--frontends", default="cli,tidy,plugin,clangd")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per run")
    parser.add_argument("--out", default="fuzz-findings", help="where findings are written")
    parser.add_argument("--minimise", metavar="FILE")
    parser.add_argument("--frontend", choices=FRONTENDS[:3], default="cli")
    parser.add_argument("--include", action="append", default=[], metavar="DIR",
                        help="with --minimise: an include directory the input needs")
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    if not os.path.isfile(os.path.join(args.build, "bin", "pincheck")):
        print(f"fuzz.py: error: --build '{args.build}': no bin/pincheck in it", file=sys.stderr)
        return 2
    unknown = set(args.frontends.split(",")) - set(FRONTENDS)
    if unknown:
        print(f"fuzz.py: error: --frontends '{args.frontends}': unknown "
              f"{', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    if not args.llvm:
        with open(os.path.join(args.build, "CMakeCache.txt")) as f:
            match = re.search(r"^PINCHECK_LLVM_VERSION:\w+=(\d+)", f.read(), re.M)
        args.llvm = match.group(1) if match else "22"
    return minimise(args) if args.minimise else fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
