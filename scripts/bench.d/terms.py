#!/usr/bin/env python3
"""Prints the signal terms of a routing.conf as plain words (one per line), for grep -F -f,
or writes a synthetic routing.conf with N signal terms: terms.py --synthetic N,
or a copy of a routing.conf with N extra weighted terms spread over its teams, as a file of
learned terms would add them: terms.py --learned N CONFIG [SHARE], SHARE (default 0.2) of
them words of the reports that gen-reports.py writes."""
import importlib.util
import os
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


def report_words():
    """The words of the short reports that gen-reports.py writes."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen-reports.py")
    spec = importlib.util.spec_from_file_location("gen_reports", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    phrases = module.OBJECTS + module.PROBLEMS + module.EXTRAS + module.OTHER + module.PLACES + module.TIMES + module.ASKS
    return [phrase.lower().split() for phrase in phrases]


def learned(count, path, matching=0.2):
    """The configuration at `path` with `count` extra signals: a share `matching` of them words
    and word pairs of the reports (they match, as learned terms do), the rest made-up words;
    weights from -2 to 3, no 0."""
    rng = random.Random(11)
    terms = set()
    phrases = report_words()
    for words in phrases:
        for word in words:
            if len(word) > 3:
                terms.add(word)
        for first, second in zip(words, words[1:]):
            terms.add(f'"{first} {second}"')
    terms = sorted(terms)
    rng.shuffle(terms)
    terms = terms[:int(count * matching)]
    letters = "abcdefghijklmnoprstuvwz"
    made_up = set()
    while len(terms) + len(made_up) < count:
        made_up.add("".join(rng.choice(letters) for _ in range(rng.randint(6, 12))))
    terms += sorted(made_up)
    rng.shuffle(terms)
    lines = open(path, encoding="utf-8").read().splitlines()
    teams = [index for index, line in enumerate(lines) if re.match(r"^\[team [^]]+\]", line)]
    extra = {index: [] for index in teams}
    for position, term in enumerate(terms):
        extra[teams[position % len(teams)]].append(f"{term}:{rng.choice([-2, -1, 1, 1, 2, 2, 3])}")
    out = []
    for index, line in enumerate(lines):
        out.append(line)
        for start in range(0, len(extra.get(index, [])), 40):
            out.append("signals = " + ", ".join(extra[index][start:start + 40]))
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--synthetic":
        synthetic(int(sys.argv[2]))
    elif len(sys.argv) > 3 and sys.argv[1] == "--learned":
        learned(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 0.2)
    else:
        print("\n".join(sorted(set(config_terms(sys.argv[1] if len(sys.argv) > 1 else "routing.conf")))))
