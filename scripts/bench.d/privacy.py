#!/usr/bin/env python3
"""Privacy at scale. BENCH_MESSAGES (default 1,000,000) messages are written straight into the
team queues (half waiting in new/, half claimed in cur/), with journal lines, dead letters,
noise and rejected input; two citizens have 20 of them each. Measured:

- `wegwijzer find --email` and `wegwijzer forget --email` (target <= 30 s each), with a cold
  page cache (`sync; echo 3 > /proc/sys/vm/drop_caches`, where the machine allows it) and a
  warm one: find the first citizen cold, then warm; forget the first citizen cold, then the
  second warm;
- intake (form drops to queue files per second) in alternating rounds, BENCH_ROUNDS (default
  5) pairs of one round without the sweep and one while the retention sweep removes every
  claimed message, dead letter, noise and rejected file, all aged past retention (target: the
  median ratio of the pairs no lower than 0.9); a round in which the sweep finished before
  intake did is marked and left out of the median;
- the sweep's rate under that load and with no intake (BENCH_IDLE seconds, default 10).

Run through `scripts/bench privacy`."""
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TEAMS = ["KCC", "Stadsbeheer", "Milieu", "Wmo"]
CITIZENS = ["Johanna.deWit@voorbeeld.nl", "P.Bakker@voorbeeld.nl"]
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


def message(index, citizen=None):
    sender = {"name": "Johanna de Wit", "email": citizen, "phone": "06-87654321"} if citizen else \
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
    chosen = random.sample(range(count), 40)
    citizen = {index: CITIZENS[position % 2] for position, index in enumerate(chosen)}
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
        write(path, message(index, citizen.get(index)))
        if folder == "cur":
            aged.append(path)
        key = f"\t<{index}@voorbeeld.nl>" if index in citizen else (f"\t<{index}@mail.example>" if index % 5 == 0 else "")
        journal.write(f"C\tm{index:08d}\t{team}\t{os.path.dirname(os.path.dirname(path))}\t2026-11-29T10:15:00Z{key}\nP\tm{index:08d}\n")
    journal.close()
    for index in range(min(1000, count // 100)):
        for folder, name in (("dead", f"d{index:06d}.json"), ("noise", f"{index}.mail"), ("in/forms/rejected", f"{index}.json")):
            path = os.path.join(base, "state", folder, name)
            write(path, message(count + index))
            aged.append(path)
    return aged


def timed(command, cwd, cold=False):
    if cold:
        drop_caches()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - start, result


def can_drop_caches():
    try:
        drop_caches()
        return True
    except OSError:
        return False


def drop_caches():
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as handle:
        handle.write("3\n")


def claimed_files(base):
    return sum(len(os.listdir(os.path.join(base, "state", "queues", team.lower(), "cur"))) for team in TEAMS)


class Daemon:
    """The daemon on the bench's state, with or without retention."""

    def __init__(self, binary, base, retention):
        with open(os.path.join(base, "routing.conf"), "w") as handle:
            handle.write(CONFIG.format(retention=retention))
        self.log_path = os.path.join(base, "daemon.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([binary, "run", "--config", "routing.conf", "--state", "state"], cwd=base,
                                        stderr=self.log)
        deadline = time.time() + 120
        while '"started"' not in self.text() and time.time() < deadline:
            time.sleep(0.01)

    def text(self):
        return open(self.log_path).read()

    def swept(self):
        return '"event":"retention-swept"' in self.text()

    def stop(self):
        start = time.perf_counter()
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()
        return time.perf_counter() - start


def first_removal(base, started):
    """Waits until the sweep has removed a file in a claim folder; the seconds that took."""
    folders = [os.path.join(base, "state", "queues", team.lower(), "cur") for team in TEAMS]
    before = [os.stat(folder).st_mtime_ns for folder in folders]
    while [os.stat(folder).st_mtime_ns for folder in folders] == before and time.time() < started + 900:
        time.sleep(0.05)
    return time.time() - started


def intake(binary, base, count, retention):
    """Form drops per second into the team Intake, with the daemon just started (and, with
    retention, once the sweep removes)."""
    staging = os.path.join(base, "staging")
    drops = os.path.join(base, "state", "in", "forms")
    queue = os.path.join(base, "state", "queues", "intake", "new")
    shutil.rmtree(queue, ignore_errors=True)
    os.makedirs(staging, exist_ok=True)
    tag = time.time_ns()
    for index in range(count):
        write(os.path.join(staging, f"form-{tag}-{index}.json"),
              json.dumps({"subject": f"meting {index}", "text": f"benchmeting nummer {index} van {tag}"}))
    os.sync()  # the staged forms are not written back during the measurement
    started = time.time()
    daemon = Daemon(binary, base, retention)
    round_ = {"rate": 0.0, "time": 0.0}
    if retention:
        round_["listing"] = first_removal(base, started)
        round_["claimed_before"] = claimed_files(base)
    start = time.perf_counter()
    for name in os.listdir(staging):
        os.rename(os.path.join(staging, name), os.path.join(drops, name))
    while (not os.path.isdir(queue) or len(os.listdir(queue)) < count) and time.time() < started + 1200:
        time.sleep(0.01)
    round_["time"] = time.perf_counter() - start
    round_["rate"] = count / round_["time"]
    if retention:
        round_["swept"] = daemon.swept()
        round_["removed"] = round_["claimed_before"] - claimed_files(base)
    round_["stop"] = daemon.stop()
    return round_


def idle_sweep(binary, base, seconds):
    """The sweep's rate with no intake: claimed files removed per second."""
    started = time.time()
    daemon = Daemon(binary, base, "retention = 1d")
    first_removal(base, started)
    before = claimed_files(base)
    start = time.perf_counter()
    time.sleep(seconds)
    removed = before - claimed_files(base)
    elapsed = time.perf_counter() - start
    swept = daemon.swept()
    daemon.stop()
    return removed / elapsed, swept


def main():
    binary = os.environ["WEGWIJZER_BIN"]
    count = int(os.environ.get("BENCH_MESSAGES", "1000000"))
    forms = int(os.environ.get("BENCH_FORMS", "6000"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    idle = float(os.environ.get("BENCH_IDLE", "10"))
    base = tempfile.mkdtemp(prefix=".bench-privacy-", dir=os.getcwd())
    try:
        start = time.perf_counter()
        aged = generate(base, count)
        os.sync()  # what was written is on disk before anything is measured
        generated = time.perf_counter() - start
        with open(os.path.join(base, "routing.conf"), "w") as handle:
            handle.write(CONFIG.format(retention=""))
        cold = can_drop_caches()
        find = ["find", "--config", "routing.conf", "--email"]
        forget = ["forget", "--config", "routing.conf", "--email"]
        find_cold, found_cold = timed([binary] + find + [CITIZENS[0]], base, cold=cold)
        find_warm, found = timed([binary] + find + [CITIZENS[0]], base)
        forget_cold, forgot_cold = timed([binary] + forget + [CITIZENS[0]], base, cold=cold)
        forget_warm, forgot = timed([binary] + forget + [CITIZENS[1]], base)
        items = len(found.stdout.splitlines())
        for result in (found_cold, found, forgot_cold, forgot):
            if result.returncode != 0:
                print(f"privacy: {result.args[1]} exit {result.returncode}: {result.stderr}", file=sys.stderr)
                sys.exit(1)
        if found_cold.stdout != found.stdout:
            print("privacy: find listed different items cold and warm", file=sys.stderr)
            sys.exit(1)

        old = time.time() - 3 * 86400
        for path in aged:
            try:
                os.utime(path, (old, old))
            except FileNotFoundError:
                pass  # forgotten
        os.sync()  # the changed times are written back before intake is measured
        pairs = []
        for _ in range(rounds):
            pairs.append((intake(binary, base, forms, ""), intake(binary, base, forms, "retention = 1d")))
        idle_rate, idle_finished = idle_sweep(binary, base, idle)

        cache = "cold" if cold else "cold not possible here (drop_caches not writable), so again"
        print(f"privacy: {count} stored messages ({count // 2} claimed), {len(aged) - count // 2} dead letters, "
              f"noise and rejected files; written in {generated:.0f} s")
        print(f"  find --email (20 messages, {items} items), {cache:5}  {find_cold:8.2f} s  (target <= 30 s)")
        print(f"  find --email, warm                           {find_warm:8.2f} s")
        print(f"  forget --email, {cache:5}                        {forget_cold:8.2f} s")
        print(f"  forget --email (the other citizen), warm     {forget_warm:8.2f} s")
        ratios = []
        for number, (off, on) in enumerate(pairs, 1):
            ratio = on["rate"] / off["rate"]
            note = "sweep FINISHED before intake did: left out" if on["swept"] else "sweep still removing at the end"
            if not on["swept"]:
                ratios.append(ratio)
            print(f"  round {number}: intake {off['rate']:7.1f} msg/s without sweep, {on['rate']:7.1f} while it removes "
                  f"(ratio {ratio:.2f}); sweep under load {on['removed'] / on['time']:6.1f} files/s "
                  f"({on['removed']} in {on['time']:.1f} s, first removal {on['listing']:.1f} s after start; {note}); "
                  f"stop {on['stop']:.2f} s")
        median = statistics.median(ratios) if ratios else float("nan")
        print(f"  intake ratio, median of {len(ratios)} rounds            {median:8.2f}   (target >= 0.90; "
              f"{forms} forms a round)")
        print(f"  sweep with no intake                         {idle_rate:8.0f} files/s"
              f"{' (finished meanwhile)' if idle_finished else ''}")
        load_rates = [on["removed"] / on["time"] for _, on in pairs]
        print(f"summary\tprivacy\t{median:.2f}\t× intake without sweep, median of {len(ratios)} rounds (target ≥ 0.9); "
              f"find/forget ≤ 30 s\tfind {find_cold:.1f} s {'cold' if cold else 'again'}, {find_warm:.1f} s warm, "
              f"forget {forget_cold:.1f} s {'cold' if cold else 'again'}, {forget_warm:.1f} s warm over {count} messages; "
              f"sweep {statistics.median(load_rates):.0f} files/s under intake, {idle_rate:.0f} idle\t-")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
