#!/usr/bin/env python3
"""Files 10,000 e-mails from a Maildir into team queues with Wegwijzer and, on the same machine in
the same run, with procmail using equivalent keyword recipes into Maildir folders.
Run through `scripts/bench email`."""
import mailbox
import os
import shutil
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pipeline  # noqa: E402  (peak_rss_mb)

TEAMS = {
    "stadsbeheer": ["lantaarnpaal", "stoeptegel", "zwerfvuil", "grofvuil", "riool", "speeltuin"],
    "milieu": ["stankoverlast", "asbest", "bodemvervuiling", "houtrook", "geluidsoverlast"],
    "wmo": ["rolstoel", "scootmobiel", "traplift", "huishoudelijke hulp", "mantelzorg"],
    "burgerzaken": ["paspoort", "rijbewijs", "identiteitskaart", "verhuizing", "uittreksel"],
}
FILLER = ("Beste gemeente, ik wil graag iets melden over de situatie bij ons in de buurt. Het is al een "
          "tijdje zo en ik hoop dat u er snel iets aan kunt doen. ").split()


def write_config(path, maildir):
    lines = ["[router]", "state = state", "queues = queues", "fallback = KCC", "", "[team KCC]", ""]
    for team, words in TEAMS.items():
        lines += [f"[team {team.capitalize()}]", "signals = " + ", ".join(
            (f'"{w}"' if " " in w else w) + ":4" for w in words), ""]
    lines += ["[source mail]", "type = maildir", f"path = {maildir}", ""]
    open(path, "w").write("\n".join(lines))


def write_procmailrc(path, base):
    lines = ["VERBOSE=off", "LOGFILE=/dev/null", f"MAILDIR={base}/procmail", ""]
    for team, words in TEAMS.items():
        lines += [":0 HB", "* " + "|".join(words), f"{team}/", ""]
    lines += [":0", "kcc/", ""]
    open(path, "w").write("\n".join(lines))


def generate(maildir, count):
    box = mailbox.Maildir(maildir, create=True)
    teams = list(TEAMS.items())
    for index in range(count):
        team, words = teams[index % len(teams)]
        message = EmailMessage()
        message["From"] = "Burger <burger@example.nl>"
        message["To"] = "kcc@gemeente.example"
        message["Subject"] = f"Melding {index}"
        message["Message-ID"] = f"<bench-{index}@example.nl>"
        message.set_content(" ".join(FILLER * 3) + f" Het gaat om {words[index % len(words)]}. Nummer {index}.")
        box.add(message)


def count_files(directory):
    return len(os.listdir(directory)) if os.path.isdir(directory) else 0


def main():
    binary = os.environ["WEGWIJZER_BIN"]
    count = int(os.environ.get("BENCH_MESSAGES", "10000"))
    if shutil.which("procmail") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "procmail"], check=True, stdout=subprocess.DEVNULL)
    base = tempfile.mkdtemp(prefix=".bench-email-", dir=os.getcwd())
    try:
        source = os.path.join(base, "source")
        generate(source, count)
        names = sorted(os.listdir(os.path.join(source, "new")))

        # procmail: one delivery per message, as a mail server runs it.
        write_procmailrc(os.path.join(base, "procmailrc"), base)
        for team in list(TEAMS) + ["kcc"]:
            os.makedirs(os.path.join(base, "procmail", team), exist_ok=True)
        start = time.perf_counter()
        for name in names:
            with open(os.path.join(source, "new", name), "rb") as handle:
                subprocess.run(["procmail", "-m", os.path.join(base, "procmailrc")], stdin=handle, check=True)
        procmail_seconds = time.perf_counter() - start
        procmail_total = sum(count_files(os.path.join(base, "procmail", t, "new")) for t in list(TEAMS) + ["kcc"])

        # wegwijzer: the daemon watches a Maildir; the messages are moved into its new/ at once.
        watched = os.path.join(base, "state", "in", "mail")
        for folder in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(watched, folder))
        write_config(os.path.join(base, "routing.conf"), "in/mail")
        log = open(os.path.join(base, "daemon.log"), "w")
        daemon = subprocess.Popen([binary, "run", "--config", "routing.conf", "--state", "state"], cwd=base, stderr=log)
        deadline = time.time() + 20
        while time.time() < deadline and "started" not in open(os.path.join(base, "daemon.log")).read():
            time.sleep(0.01)
        start = time.perf_counter()
        for name in names:
            os.rename(os.path.join(source, "new", name), os.path.join(watched, "new", name))
        queues = [os.path.join(base, "state", "queues", t, "new") for t in list(TEAMS) + ["kcc"]]
        deadline = time.time() + 900
        while time.time() < deadline and sum(count_files(q) for q in queues) < count:
            time.sleep(0.01)
        ours_seconds = time.perf_counter() - start
        ours_total = sum(count_files(q) for q in queues)
        rss = pipeline.peak_rss_mb(daemon.pid)
        daemon.terminate()
        daemon.wait(timeout=15)
        if ours_total < count or procmail_total < count:
            print(f"email: incomplete (wegwijzer {ours_total}, procmail {procmail_total} of {count})", file=sys.stderr)
            sys.exit(1)
        ours, theirs = count / ours_seconds, count / procmail_seconds
        print(f"email: {count} messages from a Maildir into team folders, same machine, same run")
        print(f"  wegwijzer (durable, routed)       {ours:10.1f} msg/s  ({ours_seconds:.2f} s)")
        print(f"  procmail (keyword recipes)        {theirs:10.1f} msg/s  ({procmail_seconds:.2f} s)")
        print(f"  ratio wegwijzer/procmail          {ours / theirs:10.2f}   (target > 1)")
        print(f"  daemon peak RSS                   {rss:10.1f} MB")
        print(f"summary\temail\t{ours / theirs:.2f}\t× procmail (target > 1)\t{ours:.0f} msg/s; procmail {theirs:.0f} msg/s\t{rss:.0f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
