#!/usr/bin/env python3
"""A stand-in for clangd that runs the real one and records the bytes that
pass: what it reads from pincheck-clangd goes to $TEE_LOG_DIR/server-received,
what the real clangd writes to $TEE_LOG_DIR/server-sent. The real clangd is
$TEE_SERVER; the arguments are passed on to it. Used as
`pincheck-clangd --clangd=tee_server.py` to compare the streams on both sides
of pincheck-clangd."""
import os
import subprocess
import sys
import threading


def copy(source, sink, log_path):
    with open(log_path, "wb") as log:
        while True:
            data = os.read(source.fileno(), 65536)
            if not data:
                break
            log.write(data)
            log.flush()
            sink.write(data)
            sink.flush()
    sink.close()


def main():
    log_dir = os.environ["TEE_LOG_DIR"]
    proc = subprocess.Popen([os.environ["TEE_SERVER"]] + sys.argv[1:],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    to_server = threading.Thread(target=copy, args=(
        sys.stdin.buffer, proc.stdin, os.path.join(log_dir, "server-received")))
    to_server.daemon = True
    to_server.start()
    copy(proc.stdout, sys.stdout.buffer, os.path.join(log_dir, "server-sent"))
    sys.exit(proc.wait())


if __name__ == "__main__":
    main()
