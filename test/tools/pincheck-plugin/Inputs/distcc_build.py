"""Compiles a file with the compiler plugin locally and through distcc, with
a distccd started on the loopback address for the purpose, and says what
happened:

  distcc_build.py CLANGXX PLUGIN SOURCE WORKDIR

prints
  local: N warnings
  distcc: N warnings (the same as local | DIFFERENT)
  distccd: refused -fplugin= | compiled it
  without the plugin: distributed | not distributed
and exits 0 when every command ran.
"""
import os
import re
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def diagnostics(text):
    """The warning and note lines, with the file's directory left out."""
    lines = []
    for line in text.splitlines():
        match = re.search(r"([^/\s]+:\d+:\d+: (warning|note|error): .*)", line)
        if match:
            lines.append(match.group(1))
    return lines


def main():
    clangxx, plugin, source, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    port = free_port()
    log = os.path.join(work, "distccd.log")
    state = os.path.join(work, "distcc-state")
    os.makedirs(state, exist_ok=True)
    with open(log, "w") as log_file:
        server = subprocess.Popen(
            ["distccd", "--daemon", "--no-detach", "--listen", "127.0.0.1",
             "--port", str(port), "--allow", "127.0.0.1", "--jobs", "2",
             "--enable-tcp-insecure", "--log-stderr", "--log-level", "info"],
            stdout=log_file, stderr=subprocess.STDOUT, cwd="/",
            # Run as root, distccd drops to its own user, which must reach
            # its temporary directory (lit's own is private).
            env=dict(os.environ, TMPDIR="/tmp"))
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("distccd did not start")
                time.sleep(0.1)
        def env(name):
            # Each its own state: a refused job puts the host in back-off.
            directory = os.path.join(state, name)
            os.makedirs(directory, exist_ok=True)
            return dict(os.environ, DISTCC_HOSTS=f"127.0.0.1:{port}/2",
                        DISTCC_DIR=directory, DISTCC_VERBOSE="1")
        flags = ["-std=c++17", "-c", source]
        plain = subprocess.run(
            ["distcc", clangxx, *flags, "-o", os.path.join(work, "plain.o")],
            capture_output=True, text=True, env=env("plain"))
        local = subprocess.run(
            [clangxx, f"-fplugin={plugin}", *flags, "-o",
             os.path.join(work, "local.o")],
            capture_output=True, text=True)
        remote = subprocess.run(
            ["distcc", clangxx, f"-fplugin={plugin}", *flags, "-o",
             os.path.join(work, "remote.o")],
            capture_output=True, text=True, env=env("plugin"))
    finally:
        server.terminate()
        server.wait(timeout=10)
    with open(log) as f:
        server_log = f.read()
    local_lines = diagnostics(local.stderr)
    remote_lines = diagnostics(remote.stderr)
    warnings = lambda lines: sum(" warning: " in line for line in lines)
    print(f"local: {warnings(local_lines)} warnings")
    print(f"distcc: {warnings(remote_lines)} warnings "
          f"({'the same as local' if remote_lines == local_lines else 'DIFFERENT'})")
    print("distccd: " + ("refused -fplugin=" if "-fplugin= " in server_log and
                         "not supported" in server_log else "compiled it"))
    distributed = re.search(rf"compile \S+ on 127\.0\.0\.1:{port}\S* completed ok",
                            plain.stderr)
    print("without the plugin: " + ("distributed" if distributed else "not distributed"))
    return 0 if local.returncode == remote.returncode == plain.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
