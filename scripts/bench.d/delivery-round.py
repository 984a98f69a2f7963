#!/usr/bin/env python3
"""Runs `wegwijzer run` until it has delivered COUNT messages; prints deliveries per second and
the daemon's CPU time per delivery in microseconds, both from READY=1 to the last delivery.

usage: delivery-round.py WEGWIJZER CONFIG STATE COUNT LOG
"""
import os
import socket
import subprocess
import sys
import time


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    binary, config, state, count, log = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    notify = os.path.join(state, "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(notify)
    sock.settimeout(120)
    with open(log, "w") as errors:
        daemon = subprocess.Popen([binary, "run", "--config", config], stderr=errors,
                                  env=dict(os.environ, NOTIFY_SOCKET=notify))
        while b"READY=1" not in sock.recv(4096):
            pass

        def cpu_seconds():  # user + system time of the daemon so far
            fields = open("/proc/%d/stat" % daemon.pid).read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        cpu_start = cpu_seconds()
        start = time.perf_counter()
        delivered = 0
        pending = b""
        with open(log, "rb") as reader:  # the daemon logs one "delivered" line per message
            while delivered < count and time.perf_counter() - start < 600:
                pending += reader.read()
                complete = pending.rfind(b"\n") + 1
                delivered += pending[:complete].count(b'"event":"delivered"')
                pending = pending[complete:]
                time.sleep(0.002)
        elapsed = time.perf_counter() - start
        cpu = (cpu_seconds() - cpu_start) * 1e6 / count
        daemon.terminate()
        daemon.wait(timeout=15)
    left = [name for name in os.listdir(os.path.join(state, "outbox")) if name.endswith((".json", ".batch"))]
    if delivered != count or left:
        sys.exit("delivery: %d of %d delivered, %d files left in the outbox, see %s" % (delivered, count, len(left), log))
    print("%.1f %.0f" % (count / elapsed, cpu))


if __name__ == "__main__":
    main()
