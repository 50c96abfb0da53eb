"""Waits for FILE to name a process id, then for that process to end.

Exits 0 when it ends within the time given, 1 when it is still running.
"""
import os
import sys
import time


def main():
    pid_file, seconds = sys.argv[1], float(sys.argv[2])
    deadline = time.monotonic() + seconds
    pid = None
    while time.monotonic() < deadline:
        if pid is None and os.path.exists(pid_file):
            text = open(pid_file).read().strip()
            pid = int(text) if text else None
        if pid is not None:
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    state = stat.read().rsplit(")", 1)[1].split()[0]
            except FileNotFoundError:
                print(f"background facts process {pid}: gone")
                return 0
            if state == "Z":
                print(f"background facts process {pid}: gone")
                return 0
        time.sleep(0.1)
    if pid is None:
        print(f"no process id in {pid_file}")
    else:
        print(f"background facts process {pid}: still running")
        os.kill(pid, 15)
    return 1


if __name__ == "__main__":
    sys.exit(main())
