#!/usr/bin/env python3
"""Prints the signal terms of a routing.conf as plain words (one per line), for grep -F -f,
or writes a synthetic routing.conf with N signal terms: terms.py --synthetic N."""
import random
import re
import sys


def config_terms(path):
    terms = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        match = re.match(r"^(signals|urgent)\s*=\s*(.*)$", line)
        if not match:
            continue
        for entry in re.findall(r'"[^"]*"(?::-?\d+)?|[^,]+', match.group(2)):
            entry = entry.strip()
            if not entry or entry.startswith("#"):
                continue
            entry = re.sub(r":-?\d+$", "", entry).strip('"').strip("=*")
            if entry:
                terms.append(entry.lower())
    return terms


def synthetic(count):
    rng = random.Random(7)
    letters = "abcdefghijklmnoprstuvwz"
    teams = ["Stadsbeheer", "Milieu", "Wmo", "Burgerzaken"]
    real = ["lantaarnpaal", "stoeptegel", "stankoverlast", "rolstoel", "paspoort", "zwerfvuil",
            "geluidsoverlast", "scootmobiel", "rijbewijs", "asbest"]
    words = set(real)
    while len(words) < count:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(6, 12))))
    words = sorted(words)
    print("[router]\nstate = var\nfallback = KCC\nmin-score = 3\nmin-margin = 2\n")
    print("[team KCC]\n")
    for index, team in enumerate(teams):
        print(f"[team {team}]")
        chunk = words[index::len(teams)]
        for start in range(0, len(chunk), 50):
            print("signals = " + ", ".join(f"{w}:3" for w in chunk[start:start + 50]))
        print()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--synthetic":
        synthetic(int(sys.argv[2]))
    else:
        print("\n".join(sorted(set(config_terms(sys.argv[1] if len(sys.argv) > 1 else "routing.conf")))))
