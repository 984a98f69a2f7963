#!/usr/bin/env python3
"""Start-up time of `wegwijzer run` on the shipped routing.conf: from exec to READY=1 on the
notify socket, best of 5. Run through `scripts/bench startup`."""
import os
import shutil
import socket
import subprocess
import tempfile
import time


def main():
    binary = os.environ["WEGWIJZER_BIN"]
    base = tempfile.mkdtemp(prefix=".bench-startup-", dir=os.getcwd())
    try:
        path = os.path.join(base, "notify.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.bind(path)
        listener.settimeout(30)
        times = []
        rss = 0.0
        for _ in range(5):
            start = time.perf_counter()
            daemon = subprocess.Popen(
                [binary, "run", "--config", "routing.conf", "--state", os.path.join(base, "state")],
                env={**os.environ, "NOTIFY_SOCKET": path}, stderr=subprocess.DEVNULL)
            while b"READY=1" not in listener.recv(4096):
                pass
            times.append(time.perf_counter() - start)
            for line in open(f"/proc/{daemon.pid}/status"):
                if line.startswith("VmHWM:"):
                    rss = max(rss, int(line.split()[1]) / 1024)
            daemon.terminate()
            daemon.wait(timeout=15)
        best = min(times)
        print("startup: wegwijzer run on the shipped routing.conf, exec to READY=1, best of 5")
        print(f"  start-up time                     {best * 1000:10.1f} ms")
        print(f"  peak RSS when ready               {rss:10.1f} MB")
        print(f"summary\tstartup\t-\ttime to READY=1\t{best * 1000:.0f} ms\t{rss:.0f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
