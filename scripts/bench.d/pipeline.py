#!/usr/bin/env python3
"""Durable messages per second from form drop to queue file, against the raw fsync'd write rate
of the same disk, measured in the same run. Run through `scripts/bench pipeline`."""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
fsync_rate = __import__("fsync-rate")

CONFIG = """[router]
state = state
queues = queues
fallback = KCC

[team KCC]

[team Stadsbeheer]
signals = lantaarnpaal:4, stoeptegel:4

[source forms]
type = form-drop
path = in/forms
"""


def peak_rss_mb(pid):
    """The peak resident set size of a running process (VmHWM), in MB."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_for(condition, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def main():
    binary = os.environ["WEGWIJZER_BIN"]
    count = int(os.environ.get("BENCH_MESSAGES", "5000"))
    base = tempfile.mkdtemp(prefix=".bench-pipeline-", dir=os.getcwd())
    try:
        raw = fsync_rate.rate(os.path.join(base, "raw"), 2000)
        with open(os.path.join(base, "routing.conf"), "w") as handle:
            handle.write(CONFIG)
        staging = os.path.join(base, "staging")
        drops = os.path.join(base, "state", "in", "forms")
        os.makedirs(staging)
        os.makedirs(drops)
        for index in range(count):
            body = {"subject": f"melding {index}", "text": f"De lantaarnpaal bij huisnummer {index} is kapot. " * 8,
                    "postcode": "2221 AB"}
            with open(os.path.join(staging, f"form-{index}.json"), "w") as handle:
                json.dump(body, handle)
        log = open(os.path.join(base, "daemon.log"), "w")
        daemon = subprocess.Popen([binary, "run", "--config", "routing.conf", "--state", "state"],
                                  cwd=base, stderr=log)
        queue = os.path.join(base, "state", "queues", "stadsbeheer", "new")
        wait_for(lambda: "started" in open(os.path.join(base, "daemon.log")).read(), 20)
        start = time.perf_counter()
        for name in os.listdir(staging):
            os.rename(os.path.join(staging, name), os.path.join(drops, name))
        done = wait_for(lambda: os.path.isdir(queue) and len(os.listdir(queue)) >= count, 600)
        elapsed = time.perf_counter() - start
        rss = peak_rss_mb(daemon.pid)
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=15)
        if not done:
            print("pipeline: not every message arrived", file=sys.stderr)
            sys.exit(1)
        rate = count / elapsed
        print(f"pipeline: {count} form drops to queue files, same disk, same run")
        print(f"  durable messages/s (drop → queue)   {rate:10.1f}  ({elapsed:.2f} s)")
        print(f"  raw fsync'd writes/s                {raw:10.1f}  (write, fsync, rename, fsync dir)")
        print(f"  ratio                               {rate / raw:10.2f}   (target >= 0.5)")
        print(f"  daemon peak RSS                     {rss:10.1f} MB")
        print(f"summary\tpipeline\t{rate / raw:.2f}\t× raw durable writes (target ≥ 0.5)\t{rate:.0f} msg/s; raw {raw:.0f} writes/s\t{rss:.0f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
