#!/usr/bin/env python3
"""`wegwijzer report` over a large archive, and the cost of archiving to the pipeline.

1. Writes BENCH_ARCHIVED (default 1,000,000) archive records over 90 days, 2 % of them
   corrected, in the archive's own line format, and times `report --json` and the HTML page,
   with the peak RSS of each run.
2. Runs the pipeline benchmark's form drops (BENCH_MESSAGES, default 3000) with the archive
   off and on, alternately, BENCH_ROUNDS times (default 3), and takes the median of the rounds' on/off pairs.
Run through `scripts/bench report`."""
import datetime
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
pipeline = __import__("pipeline")

TEAMS = ["Stadsbeheer", "Milieu", "Wmo", "Burgerzaken", "Handhaving", "KCC"]
CHANNELS = ["form", "email", "call", "webhook"]
WORDS = ["lantaarnpaal", "stoeptegel", "zwerfvuil", "stankoverlast", "rolstoel", "paspoort", "parkeren", "asbest"]


def write_archive(state, count):
    """Writes `count` message records and 2 % corrections into STATE/archive/, 90 days."""
    archive = os.path.join(state, "archive")
    os.makedirs(archive)
    rng = random.Random(20261206)
    start = datetime.date(2026, 9, 1)
    per_day = count // 90 + 1
    written = 0
    for day_index in range(90):
        day = (start + datetime.timedelta(days=day_index)).isoformat()
        lines = []
        for n in range(min(per_day, count - written)):
            ident = f"{day_index:02d}{n:024d}"
            team = rng.choice(TEAMS)
            fallback = "1" if team == "KCC" else "0"
            word = rng.choice(WORDS)
            lines.append("\t".join([
                "M", ident, f"{day}T10:{n % 60:02d}:00.000Z", f"{day}T10:{n % 60:02d}:00.020Z", str(rng.randint(5, 400)),
                rng.choice(CHANNELS), "bron", team, "urgent" if n % 50 == 0 else "normal", fallback, "4",
                rng.choice(["Noord", "Zuid", ""]), word, "melding",
                f"De {word} bij huisnummer {n} is kapot, al een week. Graag snel iets doen."]) + "\n")
            if n % 50 == 1:
                lines.append("\t".join(["R", ident, team, rng.choice(TEAMS), f"{day}T12:00:00Z", ""]) + "\n")
        written += min(per_day, count - written)
        with open(os.path.join(archive, day + ".log"), "w", encoding="utf-8") as handle:
            handle.writelines(lines)
    return written


def timed(arguments):
    """Runs a command; (seconds, peak RSS in MB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(after, before) / 1024


def pipeline_rate(binary, base, count, archive_days):
    """Durable messages/s of `count` form drops with `archive-days` as given."""
    run = os.path.join(base, f"run-{archive_days}-{time.time_ns()}")
    os.makedirs(run)
    with open(os.path.join(run, "routing.conf"), "w") as handle:
        handle.write(pipeline.CONFIG.replace("fallback = KCC", f"fallback = KCC\narchive-days = {archive_days}"))
    staging = os.path.join(run, "staging")
    drops = os.path.join(run, "state", "in", "forms")
    os.makedirs(staging)
    os.makedirs(drops)
    for index in range(count):
        with open(os.path.join(staging, f"form-{index}.json"), "w") as handle:
            handle.write('{"subject": "melding %d", "text": "%s", "postcode": "2221 AB"}'
                         % (index, f"De lantaarnpaal bij huisnummer {index} is kapot. " * 8))
    log = open(os.path.join(run, "daemon.log"), "w")
    daemon = subprocess.Popen([binary, "run", "--config", "routing.conf", "--state", "state"], cwd=run, stderr=log)
    queue = os.path.join(run, "state", "queues", "stadsbeheer", "new")
    pipeline.wait_for(lambda: "started" in open(os.path.join(run, "daemon.log")).read(), 20)
    start = time.perf_counter()
    for name in os.listdir(staging):
        os.rename(os.path.join(staging, name), os.path.join(drops, name))
    done = pipeline.wait_for(lambda: os.path.isdir(queue) and len(os.listdir(queue)) >= count, 600)
    elapsed = time.perf_counter() - start
    daemon.terminate()
    daemon.wait(timeout=15)
    archived = os.path.isdir(os.path.join(run, "state", "archive")) and os.listdir(os.path.join(run, "state", "archive"))
    shutil.rmtree(run, ignore_errors=True)
    if not done or bool(archived) != (archive_days > 0):
        sys.exit("report: the pipeline run did not finish as expected")
    return count / elapsed


def main():
    binary = os.environ["WEGWIJZER_BIN"]
    count = int(os.environ.get("BENCH_ARCHIVED", "1000000"))
    messages = int(os.environ.get("BENCH_MESSAGES", "3000"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    # BENCH_STATE_PARENT=/dev/shm puts the state on tmpfs: fsyncs cost nothing, and what is
    # left of archiving's cost is its CPU.
    base = tempfile.mkdtemp(prefix=".bench-report-", dir=os.environ.get("BENCH_STATE_PARENT", os.getcwd()))
    try:
        state = os.path.join(base, "state")
        written = write_archive(state, count)
        size = sum(os.path.getsize(os.path.join(state, "archive", n)) for n in os.listdir(os.path.join(state, "archive")))
        json_time, json_rss = timed([binary, "report", "--state", state, "--json", "--output", os.path.join(base, "r.json")])
        html_time, html_rss = timed([binary, "report", "--state", state, "--output", os.path.join(base, "index.html")])
        off, on = [], []
        for _ in range(rounds):
            off.append(pipeline_rate(binary, base, messages, 0))
            on.append(pipeline_rate(binary, base, messages, 90))
        # Rounds alternate off and on; the disk's rate drifts between rounds far more than
        # archiving costs, so each round's pair is compared and the median of those taken.
        ratios = sorted(b / a for a, b in zip(off, on))
        cost = 1 - ratios[len(ratios) // 2]
        print(f"report: {written} archived messages over 90 days ({size / 1e6:.0f} MB of segments)")
        print(f"  report --json                        {json_time:8.2f} s   peak RSS {json_rss:6.0f} MB   (targets <= 20 s, <= 500 MB)")
        print(f"  report (HTML page)                   {html_time:8.2f} s   peak RSS {html_rss:6.0f} MB")
        print(f"  pipeline, archive off (best of {rounds})    {max(off):8.1f} msg/s   runs: {', '.join(f'{r:.0f}' for r in off)}")
        print(f"  pipeline, archive on (best of {rounds})     {max(on):8.1f} msg/s   runs: {', '.join(f'{r:.0f}' for r in on)}")
        print(f"  cost of archiving                    {cost * 100:8.1f} %      (median of the rounds' on/off pairs; "
              f"best against best {(1 - max(on) / max(off)) * 100:.1f} %; target <= 10 %)")
        print(f"summary\treport\t{json_time:.1f} s\tfor {written} archived messages (target ≤ 20 s); archiving costs "
              f"{cost * 100:.1f} % of the durable rate (target ≤ 10 %)\t{max(on):.0f} msg/s archived, {max(off):.0f} without\t{max(json_rss, html_rss):.0f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
