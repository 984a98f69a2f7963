#!/usr/bin/env python3
"""Writes N generated Dutch citizen messages of about SIZE bytes, one per line (deterministic)."""
import random
import sys

FILLER = ("de het een en van in op met voor naar bij mijn wij zij is zijn was heeft hebben niet ook al nog "
          "graag vandaag gisteren morgen week maand buurt straat huis deur tuin hoek kant weg gemeente "
          "vraag melding bericht bellen mailen sinds lang erg heel veel weinig goed slecht snel").split()
TOPICS = ("lantaarnpaal kapot stoeptegel los zwerfvuil grofvuil container vol boom omgewaaid riool verstopt "
          "stank stankoverlast geluidsoverlast asbest bodemvervuiling rook houtstook "
          "rolstoel scootmobiel huishoudelijke hulp traplift mantelzorg wmo indicatie "
          "paspoort identiteitskaart rijbewijs verhuizing uittreksel geboorteaangifte huwelijk").split()
PLACES = ["Katwijk", "Rijnsburg", "Valkenburg", "Leiden", "2221 AB", "2224 KL", "Dorpsstraat 12"]


def message(rng, size):
    words = []
    length = 0
    while length < size:
        pool = TOPICS if rng.random() < 0.08 else (PLACES if rng.random() < 0.02 else FILLER)
        word = rng.choice(pool)
        words.append(word)
        length += len(word) + 1
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(20261129)
    out = sys.stdout
    for _ in range(count):
        out.write(message(rng, size) + "\n")


if __name__ == "__main__":
    main()
