"""The municipality's categories: which team each goes to, and how often each occurs.

Teams and their share of all reports: Stadsbeheer about 58 %, Handhaving 33 %, Milieu 5 %,
KCC (questions, complaints about handling, other) 4 %. Within a team the topic weights of the
topic files set the mix.
"""

import topics_beheer
import topics_handhaving
import topics_milieu
from pools import split

TEAM_SHARE = {"Stadsbeheer": 58.0, "Handhaving": 33.0, "Milieu": 5.0, "KCC": 4.0}

FIELDS = ("objs", "probs", "sents", "short", "details", "asks")


def _prepare(topic, team):
    t = dict(topic)
    for f in FIELDS:
        t[f] = split(t.get(f, "") or "")
    t["team"] = team
    return t


def load():
    groups = [("Stadsbeheer", topics_beheer.TOPICS), ("Handhaving", topics_handhaving.TOPICS),
              ("Milieu", topics_milieu.TOPICS), ("KCC", topics_milieu.KCC_TOPICS)]
    topics = []
    for team, group in groups:
        total = sum(t["w"] for t in group)
        for t in group:
            p = _prepare(t, team)
            p["share"] = TEAM_SHARE[team] * t["w"] / total
            topics.append(p)
    return topics


def category_map(topics):
    seen = {}
    for t in topics:
        seen.setdefault(t["cat"], t["team"])
    return seen
