#!/usr/bin/env python3
"""Example queue consumer for Wegwijzer: claims messages from a team queue and handles them.

    consume.py [--cur DIR] [--once] [--interval SECONDS] [--not-ours WORD] QUEUE

A message is claimed by renaming QUEUE/new/ID.json to CUR/ID.json (default CUR:
QUEUE/cur). rename(2) is atomic: when several consumers race for one message, exactly
one rename succeeds and the others get ENOENT, which means "someone else has it".
CUR must be on the same file system as QUEUE, and each consumer process needs its own
CUR: on start a consumer first finishes what is left in its CUR from an earlier run.

Handling here means printing one line per message (ID, team, priority, subject) on
standard output; put your own work in handle(). A handled message is removed from CUR;
one whose handling fails stays there and is tried again on the next start.

A message that is not the team's is handed back: handle() raises NotOurs(note), and the
message is renamed from CUR into QUEUE/misrouted/ (its note first, as misrouted/ID.note).
Wegwijzer routes it again without this team and learns from the correction. Here
--not-ours WORD hands back every message whose text holds WORD, as an example rule.
"""

import argparse
import errno
import json
import os
import sys
import time


class NotOurs(Exception):
    """Raised by handle() for a message meant for another team; its text is the note."""


NOT_OURS = None  # --not-ours WORD


def handle(queue, message):
    """Does the team's work for one message; raise to leave it in CUR for a later run,
    or NotOurs to hand it back."""
    if NOT_OURS and NOT_OURS in message.get("text", ""):
        raise NotOurs(f"'{NOT_OURS}' is not for {message.get('routing', {}).get('team', 'us')}")
    routing = message.get("routing", {})
    subject = message.get("subject") or message.get("text", "")[:60]
    attachments = [os.path.join(queue, a["path"]) for a in message.get("attachments", [])]
    print("\t".join([message["id"], routing.get("team", ""), routing.get("priority", ""),
                     " ".join(subject.split())] + attachments), flush=True)


def waiting(new):
    """Complete messages in new/, oldest name first (names are IDs, not times)."""
    try:
        names = os.listdir(new)
    except FileNotFoundError:
        return []
    return sorted(n for n in names if n.endswith(".json") and not n.startswith("."))


def claim(new, cur, name):
    """Moves new/NAME into CUR; False when another consumer took it first."""
    try:
        os.rename(os.path.join(new, name), os.path.join(cur, name))
        return True
    except FileNotFoundError:
        return False  # ENOENT: lost the race, or the file was claimed before we listed it


def hand_back(queue, path, note):
    """Hands the claimed message at PATH back: the note first, then the message itself is
    renamed into QUEUE/misrouted/ (the same gesture as a claim)."""
    misrouted = os.path.join(queue, "misrouted")
    name = os.path.basename(path)
    if note:
        temporary = os.path.join(misrouted, "." + name[:-5] + ".note")
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(note + "\n")
        os.rename(temporary, os.path.join(misrouted, name[:-5] + ".note"))
    os.rename(path, os.path.join(misrouted, name))


def finish(queue, cur, name):
    """Handles CUR/NAME and removes it; on failure it stays in CUR."""
    path = os.path.join(cur, name)
    try:
        with open(path, encoding="utf-8") as file:
            message = json.load(file)
        handle(queue, message)
    except NotOurs as why:
        hand_back(queue, path, str(why))
        print(f"consume.py: {name[:-5]} handed back: {why}", file=sys.stderr)
        return True
    except Exception as error:  # a bad message must not stop the others
        print(f"consume.py: {path}: {error}; left in {cur}", file=sys.stderr)
        return False
    os.unlink(path)
    return True


def main():
    parser = argparse.ArgumentParser(description="Claim and handle messages of a Wegwijzer team queue.")
    parser.add_argument("queue", help="the team's queue directory, e.g. /var/lib/wegwijzer/queues/wmo")
    parser.add_argument("--cur", help="this consumer's own folder for claimed messages (default QUEUE/cur)")
    parser.add_argument("--once", action="store_true", help="handle what is waiting, then exit")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between looks at new/ (default 2)")
    parser.add_argument("--not-ours", metavar="WORD", help="hand back messages whose text holds WORD (an example rule)")
    args = parser.parse_args()
    global NOT_OURS
    NOT_OURS = args.not_ours

    new = os.path.join(args.queue, "new")
    cur = args.cur or os.path.join(args.queue, "cur")
    os.makedirs(cur, exist_ok=True)
    if os.stat(cur).st_dev != os.stat(args.queue).st_dev:
        sys.exit(f"consume.py: {cur} is on another file system than {args.queue}: rename cannot claim")

    for name in sorted(os.listdir(cur)):  # left over from an earlier run
        if name.endswith(".json"):
            finish(args.queue, cur, name)
    while True:
        for name in waiting(new):
            if claim(new, cur, name):
                finish(args.queue, cur, name)
        if args.once:
            return
        time.sleep(args.interval)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
    except OSError as error:
        sys.exit(f"consume.py: {error.filename or ''}: {os.strerror(error.errno or errno.EIO)}")
