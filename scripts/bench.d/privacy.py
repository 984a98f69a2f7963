#!/usr/bin/env python3
"""Privacy at scale. BENCH_MESSAGES (default 1,000,000) messages are written straight into the
team queues (half waiting in new/, half claimed in cur/), with journal lines, dead letters,
noise and rejected input; one citizen has 20 of them. Measured:

- `wegwijzer find --email` and `wegwijzer forget --email` for that citizen (target <= 30 s each);
- intake (form drops to queue files per second) with no sweep, then while the retention sweep
  removes every claimed message, dead letter, noise and rejected file, all aged past retention
  (target: no more than 10 % slower).

Run through `scripts/bench privacy`. The page cache is warm (the files were just written)."""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TEAMS = ["KCC", "Stadsbeheer", "Milieu", "Wmo"]
CITIZEN = "Johanna.deWit@voorbeeld.nl"
CONFIG = """[router]
state = state
queues = queues
fallback = KCC
{retention}

[team KCC]

[team Stadsbeheer]
signals = lantaarnpaal:4

[team Milieu]
signals = asbest:4

[team Wmo]
signals = rolstoel:4

[team Intake]
signals = benchmeting:4

[source forms]
type = form-drop
path = in/forms
"""


def write(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    os.write(fd, text.encode())
    os.close(fd)


def message(index, citizen):
    sender = {"name": "Johanna de Wit", "email": CITIZEN, "phone": "06-87654321"} if citizen else \
        {"name": f"Inwoner {index}", "email": f"inwoner{index}@example.org", "phone": f"06-{10000000 + index}"}
    return json.dumps({
        "id": f"m{index:08d}", "schema": "wegwijzer.message/1", "receivedAt": "2026-11-29T10:15:00Z",
        "channel": "form", "source": {"name": "forms", "ref": f"form-{index}.json"}, "sender": sender,
        "subject": f"melding {index}", "text": f"De lantaarnpaal bij huisnummer {index} is kapot. " * 6,
        "location": {"postcode": "2221AB", "houseNumber": str(index % 200)},
        "routing": {"team": "Stadsbeheer", "score": 4, "confidence": 1, "fallback": False, "priority": "normal",
                    "reason": "signals", "signals": [{"term": "lantaarnpaal", "team": "Stadsbeheer", "weight": 4}]}})


def generate(base, count):
    """Writes the state; returns the paths whose age the sweep judges."""
    random.seed(7)
    citizen = set(random.sample(range(count), 20))
    aged = []
    for team in TEAMS:
        for folder in ("new", "cur"):
            os.makedirs(os.path.join(base, "state", "queues", team.lower(), folder))
    for folder in ("journal", "dead", "noise", "in/forms/rejected", "outbox"):
        os.makedirs(os.path.join(base, "state", folder), exist_ok=True)
    journal = open(os.path.join(base, "state", "journal", "journal-00000001.log"), "w")
    for index in range(count):
        team = TEAMS[index % len(TEAMS)]
        folder = "cur" if index % 2 else "new"
        path = os.path.join(base, "state", "queues", team.lower(), folder, f"m{index:08d}.json")
        write(path, message(index, index in citizen))
        if folder == "cur":
            aged.append(path)
        key = f"\t<{index}@voorbeeld.nl>" if index in citizen else (f"\t<{index}@mail.example>" if index % 5 == 0 else "")
        journal.write(f"C\tm{index:08d}\t{team}\t{os.path.dirname(os.path.dirname(path))}\t2026-11-29T10:15:00Z{key}\nP\tm{index:08d}\n")
    journal.close()
    for index in range(min(1000, count // 100)):
        for folder, name in (("dead", f"d{index:06d}.json"), ("noise", f"{index}.mail"), ("in/forms/rejected", f"{index}.json")):
            path = os.path.join(base, "state", folder, name)
            write(path, message(count + index, False))
            aged.append(path)
    return aged


def timed(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - start, result


def intake(binary, base, count, retention):
    """Form drops per second into the team Intake, with the daemon just started."""
    with open(os.path.join(base, "routing.conf"), "w") as handle:
        handle.write(CONFIG.format(retention=retention))
    staging = os.path.join(base, "staging")
    drops = os.path.join(base, "state", "in", "forms")
    queue = os.path.join(base, "state", "queues", "intake", "new")
    shutil.rmtree(queue, ignore_errors=True)
    os.makedirs(staging, exist_ok=True)
    tag = time.time_ns()
    for index in range(count):
        write(os.path.join(staging, f"form-{tag}-{index}.json"),
              json.dumps({"subject": f"meting {index}", "text": f"benchmeting nummer {index} van {tag}"}))
    log_path = os.path.join(base, "daemon.log")
    log = open(log_path, "w")
    daemon = subprocess.Popen([binary, "run", "--config", "routing.conf", "--state", "state"], cwd=base, stderr=log)
    deadline = time.time() + 120
    while '"started"' not in open(log_path).read() and time.time() < deadline:
        time.sleep(0.01)
    started = time.time()
    if retention:
        # Measure while the sweep removes: wait for its first removal in a claim folder.
        folders = [os.path.join(base, "state", "queues", team.lower(), "cur") for team in TEAMS]
        before = [os.stat(folder).st_mtime_ns for folder in folders]
        while [os.stat(folder).st_mtime_ns for folder in folders] == before and time.time() < deadline + 600:
            time.sleep(0.05)
        started = time.time()
    start = time.perf_counter()
    for name in os.listdir(staging):
        os.rename(os.path.join(staging, name), os.path.join(drops, name))
    while (not os.path.isdir(queue) or len(os.listdir(queue)) < count) and time.time() < deadline + 600:
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    ended = time.time()
    swept = '"event":"retention-swept"' in open(log_path).read()
    claimed = sum(len(os.listdir(os.path.join(base, "state", "queues", team.lower(), "cur"))) for team in TEAMS)
    stop = time.perf_counter()
    daemon.send_signal(signal.SIGTERM)
    daemon.wait(timeout=30)
    return count / elapsed, elapsed, ended - started, swept, claimed, time.perf_counter() - stop


def main():
    binary = os.environ["WEGWIJZER_BIN"]
    count = int(os.environ.get("BENCH_MESSAGES", "1000000"))
    forms = int(os.environ.get("BENCH_FORMS", "6000"))
    base = tempfile.mkdtemp(prefix=".bench-privacy-", dir=os.getcwd())
    try:
        start = time.perf_counter()
        aged = generate(base, count)
        os.sync()  # what was written is on disk before anything is measured
        generated = time.perf_counter() - start
        with open(os.path.join(base, "routing.conf"), "w") as handle:
            handle.write(CONFIG.format(retention=""))
        find_time, found = timed([binary, "find", "--config", "routing.conf", "--email", CITIZEN], base)
        items = len(found.stdout.splitlines())
        forget_time, forgot = timed([binary, "forget", "--config", "routing.conf", "--email", CITIZEN], base)
        if found.returncode != 0 or forgot.returncode != 0:
            print(f"privacy: find exit {found.returncode}, forget exit {forgot.returncode}: {found.stderr}{forgot.stderr}",
                  file=sys.stderr)
            sys.exit(1)

        old = time.time() - 3 * 86400
        for path in aged:
            try:
                os.utime(path, (old, old))
            except FileNotFoundError:
                pass  # forgotten
        os.sync()  # the changed times are written back before either intake is measured
        baseline, baseline_time, _, _, claimed_before, _ = intake(binary, base, forms, "")
        during, during_time, running, swept, claimed_after, stop_time = intake(binary, base, forms, "retention = 1d")
        removed = claimed_before - claimed_after
        sweep = f"{removed / running:.0f} files/s"
        print(f"privacy: {count} stored messages ({count // 2} claimed), {len(aged) - count // 2} dead letters, "
              f"noise and rejected files; written in {generated:.0f} s")
        print(f"  find --email (20 messages, {items} items)      {find_time:10.2f} s  (target <= 30 s)")
        print(f"  forget --email                               {forget_time:10.2f} s  (target <= 30 s)")
        print(f"  intake, no sweep                             {baseline:10.1f} msg/s ({forms} forms, {baseline_time:.2f} s)")
        print(f"  intake while the sweep removes {len(aged)} files {during:10.1f} msg/s ({during_time:.2f} s)")
        print(f"  intake ratio                                 {during / baseline:10.2f}   (target >= 0.90)")
        print(f"  sweep: claimed files removed meanwhile       {removed:10d}   in {running:.1f} s, {sweep} "
              f"({'finished before intake did: ratio not valid' if swept else 'still sweeping when intake ended'})")
        print(f"  daemon stop (SIGTERM) during the sweep       {stop_time:10.2f} s")
        print(f"summary\tprivacy\t{during / baseline:.2f}\t× intake without sweep (target ≥ 0.9); find/forget ≤ 30 s\t"
              f"find {find_time:.1f} s, forget {forget_time:.1f} s over {count} messages; sweep {sweep}\t-")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
