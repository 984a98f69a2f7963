#!/usr/bin/env python3
"""Disk-full scenario: state and queues on a small tmpfs made by this script. When it is full,
intake stops acknowledging (drops stay where they are, webhooks get 503 with Retry-After), no
half-written file is visible in a queue's new/, and everything resumes by itself when space
returns, with nothing lost. Skips, with the reason, where mounting is not allowed.
Usage: disk_full.py (WEGWIJZER_BIN names the binary)."""
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def post(port, index):
    body = json.dumps({"text": f"De lantaarnpaal is kapot, webhook {index}"}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/messages", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "webhook-id": f"disk-{index}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers.get("Retry-After")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After")


def main():
    binary = os.environ["WEGWIJZER_BIN"]
    base = tempfile.mkdtemp(prefix=".disk-full-", dir=os.getcwd())
    small = os.path.join(base, "small")
    os.makedirs(small)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", small],
                             stderr=subprocess.PIPE, text=True)
    if mounted.returncode != 0:
        print(f"disk-full: skipped: cannot mount a small tmpfs here ({mounted.stderr.strip()})")
        shutil.rmtree(base, ignore_errors=True)
        return 0
    daemon = None
    try:
        port = free_port()
        drops = os.path.join(base, "drops")
        os.makedirs(drops)
        open(os.path.join(base, "routing.conf"), "w").write(f"""[router]
state = {small}/state
queues = queues
fallback = KCC

[team KCC]

[team Stadsbeheer]
signals = lantaarnpaal:4

[source forms]
type = form-drop
path = {drops}

[source hook]
type = webhook
listen = 127.0.0.1:{port}
""")
        log = open(os.path.join(base, "daemon.log"), "w")
        daemon = subprocess.Popen([binary, "run", "--config", os.path.join(base, "routing.conf")], stderr=log)
        queue = os.path.join(small, "state", "queues", "stadsbeheer", "new")
        count = lambda: len(glob.glob(os.path.join(queue, "*.json")))
        if not wait_for(lambda: "started" in open(os.path.join(base, "daemon.log")).read(), 20):
            raise SystemExit("disk-full: the daemon did not start")

        def drop(index):
            temporary = os.path.join(drops, f".form-{index}.tmp")
            with open(temporary, "w") as handle:
                json.dump({"text": f"De lantaarnpaal is kapot, formulier {index} " + "x" * 2000}, handle)
            os.rename(temporary, os.path.join(drops, f"form-{index}.json"))

        for index in range(20):
            drop(index)
        assert wait_for(lambda: count() == 20, 20), "the first 20 forms were not routed"

        filler = os.path.join(small, "filler")
        with open(filler, "wb") as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
        for index in range(20, 50):
            drop(index)
        answers = [post(port, index) for index in range(5)]
        time.sleep(4)
        waiting = [n for n in os.listdir(drops) if n.endswith(".json")]
        refused = [a for a in answers if a[0] == 503 and a[1]]
        checks = {
            "drops left where they are while full": len(waiting) == 30,
            "webhooks answered 503 with Retry-After while full": len(refused) == 5,
            "no new message while full": count() == 20,
        }
        for path in glob.glob(os.path.join(queue, "*.json")):
            try:
                json.load(open(path))
            except ValueError:
                checks["no half-written file in new/"] = False

        os.remove(filler)
        retried = [post(port, index) for index in range(5)]
        resumed = wait_for(lambda: count() == 55 and not any(n.endswith(".json") for n in os.listdir(drops)), 60)
        checks["webhooks accepted when space returned"] = all(a[0] == 202 for a in retried)
        checks["everything resumed by itself, nothing lost"] = resumed and count() == 55
        failed = [name for name, ok in checks.items() if not ok]
        print(f"disk-full: 3 MB tmpfs; while full: {len(waiting)} drops waiting, {len(refused)}/5 webhooks 503; "
              f"after space returned: {count()} of 55 messages in the queue; " + ("ok" if not failed else "FAILED: " + "; ".join(failed)))
        return 1 if failed else 0
    finally:
        if daemon and daemon.poll() is None:
            daemon.terminate()
            daemon.wait(timeout=15)
        subprocess.run(["umount", small])
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
