#!/usr/bin/env python3
"""Writes N short generated Dutch reports about the public space, one per line (deterministic):
5 to 40 words, median 16, as citizens type them into a form or an app."""
import math
import random
import sys

OBJECTS = ("de lantaarnpaal", "de straatlantaarn", "een stoeptegel", "de stoeptegels", "het fietspad",
           "de container", "de glasbak", "de papiercontainer", "het riool", "de put", "de kolk",
           "een boom", "de takken", "het bankje", "de prullenbak", "het speeltoestel", "de schommel",
           "het verkeersbord", "het stoplicht", "de brug", "de kademuur", "de berm", "het grasveld",
           "de heg", "de stoep", "het wegdek", "een gat in de weg", "de drempel", "het hek")
PROBLEMS = ("is kapot", "brandt niet", "ligt los", "is vol", "zit verstopt", "is omgewaaid",
            "hangt scheef", "is beschadigd", "staat al weken vol", "is omgevallen", "stinkt",
            "is besmeurd met graffiti", "blijft de hele nacht aan", "knippert steeds", "is weggezakt",
            "ligt over het pad", "steekt uit", "is gevaarlijk", "wordt niet geleegd", "lekt")
EXTRAS = ("er ligt veel zwerfvuil", "iemand heeft grofvuil neergezet", "er liggen glasscherven",
          "er is een dode kat gevonden", "er zitten ratten", "het ruikt naar riool",
          "er staat water op straat", "er is stankoverlast", "er wordt asbest gestort",
          "de buren stoken veel hout", "er is veel geluidsoverlast", "er staat een fietswrak",
          "er is een auto tegen aan gereden", "kinderen kunnen zich bezeren")
OTHER = ("ik wil mijn paspoort verlengen", "mijn rijbewijs is verlopen", "ik heb een scootmobiel nodig",
         "mijn moeder heeft huishoudelijke hulp nodig", "ik ben verhuisd", "ik vraag een uittreksel aan")
PLACES = ("in de Dorpsstraat", "bij Dorpsstraat 12", "aan de Zeeweg", "op de hoek van de Voorstraat",
          "bij het winkelcentrum", "voor de school", "in Katwijk", "in Rijnsburg", "in Valkenburg",
          "bij 2221 AB", "naast de kerk", "bij de bushalte", "achter de sporthal", "in het park",
          "bij nummer 4", "aan de Noordwijkerweg 7", "in Oegstgeest")
TIMES = ("al een week", "sinds gisteren", "al drie dagen", "vanochtend", "al maanden", "elke avond",
         "sinds het weekend", "weer", "opnieuw", "nog steeds")
ASKS = ("graag snel oplossen", "kunt u hier iets aan doen", "wilt u dit laten maken",
        "wanneer wordt dit opgelost", "het is gevaarlijk voor fietsers", "alvast bedankt",
        "ik heb het al eerder gemeld", "met vriendelijke groet", "dit is niet de eerste keer",
        "bel mij gerust terug", "foto is bijgevoegd")


def clause(rng):
    roll = rng.random()
    if roll < 0.55:
        parts = [rng.choice(OBJECTS), rng.choice(PLACES), rng.choice(PROBLEMS)]
        if rng.random() < 0.5:
            parts.insert(2, rng.choice(TIMES))
        return " ".join(parts)
    if roll < 0.75:
        return rng.choice(EXTRAS) + " " + rng.choice(PLACES)
    if roll < 0.82:
        return rng.choice(OTHER)
    return rng.choice(ASKS)


def report(rng):
    target = min(40, max(5, round(rng.lognormvariate(math.log(16), 0.45))))
    words = []
    while len(words) < target:
        part = clause(rng).split()
        if not words or words[-1][-1] in ".!":
            part[0] = part[0].capitalize()
        words += part
        words[-1] += rng.choice((".", ".", ",", "!"))
    words = words[:target]
    line = " ".join(words).rstrip(",.!")
    return line + "."


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    rng = random.Random(20261130)
    out = sys.stdout
    for _ in range(count):
        out.write(report(rng) + "\n")


if __name__ == "__main__":
    main()
