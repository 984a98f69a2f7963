"""Compose one report: pick what it is about, pick a writer's voice, put the text together,
then apply the writer's habits (case, punctuation, typos)."""

import re

import places
import voices as V
from pools import Picker, split, view
from grammar import agree
from typos import add_typos

ARTICLES = ("de ", "het ", "een ")

# Topics where "someone will fall" and the like make sense.
RISKY = ("Straatverlichting", "Verkeerslichten", "Wegen", "Verkeersborden", "Straatmeubilair - palen", "Groen - bomen",
         "Groen - omgevallen", "Gladheid", "Speelvoorzieningen", "Parkeer", "Verkeersoverlast", "Vuurwerk", "Honden",
         "Bruggen", "Zwerfafval", "Groen - snoeien", "Riolering", "Fietswrakken", "Objecten")


def risky(t):
    return t["cat"].startswith(RISKY)


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def sentence(s):
    s = s.strip()
    if not s:
        return s
    s = cap(s)
    return s if s[-1] in ".!?:" else s + "."


class Writer:
    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.pk = Picker(rng, pool)

    # ---- filling placeholders -------------------------------------------------------------
    def fill(self, s):
        rng, pk = self.rng, self.pk
        if "{" not in s:
            return s
        vals = {
            "nr": str(rng.choice([rng.randint(1, 40), rng.randint(1, 180)])) + rng.choice(["", "", "", "a", "b", "-2"]),
            "num": rng.choice(["", "", "LP", "nr. "]) + str(rng.randint(100, 9999)),
            "plate": "%s-%03d-%s" % ("".join(rng.choice("GHJKLNPRSTXZ") for _ in range(2)), rng.randint(1, 999),
                                     rng.choice("BDFGHJKLNPRSTVXZ")),
            "time": rng.choice(["half 2", "kwart over 1", "3 uur 's nachts", "middernacht", "half 12", "2 uur"]),
            "street": pk.one(places.STREETS), "street2": pk.one(places.STREETS),
            "village": pk.one(places.VILLAGES), "wijk": pk.one(places.WIJKEN), "mark": pk.one(places.LANDMARKS),
            "pc": "%d %s" % (rng.randint(1000, 9999), "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))),
            "name": pk.one(V.NAMES), "ref": "%d-%05d" % (rng.choice([2022, 2023, 2024]), rng.randint(1, 99999)),
            "tel": "%08d" % rng.randint(0, 99999999), "mail": pk.one(V.MAILS), "domain": pk.one(V.DOMAINS),
        }
        return re.sub(r"\{(\w+)\}", lambda m: vals.get(m.group(1), m.group(0)), s)

    def loc(self, terse=False, t=None, p=0.6):
        """A place, or (as in reports made with a map pin) nothing."""
        if t is not None and (t["team"] == "KCC" or self.rng.random() > p):
            return ""
        return self.fill(self.pk.one(places.SHORT_LOC if terse else places.LOC_FORMS))

    # ---- the core statement of a topic ----------------------------------------------------
    def core(self, t, terse=False):
        pk = self.pk
        objs, probs = t["objs"], t["probs"]
        r = self.rng.random()
        if terse and t["short"] and r < 0.55:
            return self.fill(pk.one(t["short"]))
        if objs and probs and (r < 0.55 or not t["sents"]):
            obj = self.fill(pk.one(objs))
            if terse and obj.startswith(ARTICLES) and self.rng.random() < 0.7:
                obj = obj.split(" ", 1)[1]
            return cap(obj + " " + agree(obj, pk.one(probs)))
        s = pk.one(t["sents"])
        if "{obj}" in s:
            obj = self.fill(pk.one(objs)) if objs else "het"
            if s.startswith("{obj}"):
                obj = cap(obj)
            s = s.replace("{obj}", obj)
        return self.fill(s)

    def extra(self, t, key):
        return self.fill(self.pk.one(t[key])) if t[key] else ""

    def timesent(self):
        s = self.pk.one(V.TIME_SENT)
        t = self.pk.one(V.TIME)
        s = s.replace("{time}", t).replace("{Time}", cap(t))
        return s.replace("al al ", "al ").replace("nu sinds", "sinds")

    # ---- voices ---------------------------------------------------------------------------
    def terse(self, t):
        c = self.core(t, terse=True)
        r = self.rng.random()
        if r < 0.3:
            c = (c + " " + self.loc(terse=True, t=t, p=1)).strip()
        elif r < 0.38:
            c = (self.loc(terse=True, t=t, p=1) + " " + c).strip()
        elif r < 0.52:
            c = c + " " + self.pk.one(V.TIME)
        if len(c.split()) < 2:
            c = c + " " + (self.loc(terse=True, t=t, p=1) or self.pk.one(V.TIME))
        if self.rng.random() < 0.6:
            c = c.lower() if self.rng.random() < 0.5 else c
        elif self.rng.random() < 0.5:
            c = c + self.rng.choice([".", "!", "!!", "..", " !"])
        return c

    def brief(self, t):
        pk, rng = self.pk, self.rng
        c = self.core(t)
        place = self.loc(t=t, p=0.65)
        if place and rng.random() < 0.25:
            parts = [cap(place) + ":", sentence(c)]
        else:
            parts = [sentence(c + " " + place)]
        r = rng.random()
        if r < 0.3:
            parts.append(sentence(cap(pk.one(V.TIME))))
        elif r < 0.55:
            parts.append(self.extra(t, "asks") or pk.one(V.REQUEST))
        elif r < 0.7:
            parts.append(self.extra(t, "details"))
        return " ".join(sentence(p) for p in parts if p)

    def normal(self, t, angry=False):
        pk, rng = self.pk, self.rng
        parts = []
        if rng.random() < 0.3:
            parts.append(pk.one(V.GREET))
        parts.append(sentence(self.core(t) + " " + self.loc(t=t)))
        pool = [lambda: self.extra(t, "details"), self.timesent, lambda: pk.one(V.REPEAT),
                lambda: self.extra(t, "asks"), lambda: pk.one(V.CONTEXT)]
        if risky(t):
            pool.append(lambda: pk.one(V.DANGER))
        for f in rng.sample(pool, rng.choice([1, 1, 2, 2, 3])):
            parts.append(self.fill(f()))
        if angry:
            parts.append(pk.one(V.ANGER))
        if rng.random() < 0.3:
            parts.append(self.fill(pk.one(V.CLOSE)))
        return " ".join(p for p in parts if p)

    def chatty(self, t, angry=False, formal=False):
        pk, rng = self.pk, self.rng
        parts = [pk.one(V.GREET_FORMAL if formal else V.GREET)]
        if rng.random() < 0.6:
            parts.append(pk.one(V.INTRO))
        parts.append(sentence(self.core(t) + " " + self.loc(t=t)))
        if rng.random() < 0.6:
            parts.append(self.timesent())
        for key in ("details", "details"):
            if rng.random() < 0.6:
                parts.append(self.extra(t, key))
        if rng.random() < 0.5:
            parts.append(pk.one(V.CONTEXT))
        if rng.random() < 0.4:
            parts.append(self.fill(pk.one(V.REPEAT)))
        if risky(t) and rng.random() < 0.35:
            parts.append(pk.one(V.DANGER))
        if angry:
            parts.extend(pk.some(V.ANGER, rng.choice([1, 2])))
        parts.append(self.extra(t, "asks") or pk.one(V.REQUEST))
        if rng.random() < 0.25:
            parts.append(self.fill(pk.one(V.CONTACT)))
        parts.append(self.fill(pk.one(V.CLOSE)))
        seen, out = set(), []
        for p in parts:
            if p and p not in seen:
                seen.add(p)
                out.append(sentence(p) if not p.endswith(",") else p)
        return " ".join(out)

    def elderly(self, t):
        pk, rng = self.pk, self.rng
        parts = [pk.one(V.GREET_FORMAL if rng.random() < 0.6 else V.GREET), pk.one(V.ELDERLY_INTRO),
                 sentence(self.core(t) + " " + self.loc(t=t))]
        if rng.random() < 0.7:
            parts.append(self.extra(t, "details"))
        if rng.random() < 0.5:
            parts.append(self.timesent())
        parts.append(pk.one(V.ELDERLY_END))
        parts.append(self.fill("Met vriendelijke groet, {name}"))
        return " ".join(sentence(p) if not p.endswith(",") else p for p in parts if p)

    def nonnative(self, t):
        pk, rng = self.pk, self.rng
        body = sentence(self.core(t) + " " + self.loc(t=t))
        if rng.random() < 0.6:
            body += " " + sentence(self.extra(t, "details"))
        body = " " + body + " "
        for a, b in rng.sample(V.NONNATIVE_SWAP, 3):
            if a in body and rng.random() < 0.7:
                body = body.replace(a, b, 1)
        parts = []
        if rng.random() < 0.7:
            parts.append(self.fill(pk.one(V.NONNATIVE_INTRO)))
        parts.append(body.strip())
        if rng.random() < 0.7:
            parts.append(pk.one(V.NONNATIVE_END))
        return " ".join(parts)

    def speech(self, t):
        pk, rng = self.pk, self.rng
        bits = [pk.one(V.SPEECH_START), self.core(t).lower(), pk.one(V.SPEECH_FILL), self.loc(t=t)]
        if rng.random() < 0.6:
            bits += [pk.one(V.SPEECH_FILL), self.extra(t, "details")]
        if rng.random() < 0.4:
            bits.append(self.timesent())
        if rng.random() < 0.4:
            bits.append(self.extra(t, "asks"))
        text = " ".join(b for b in bits if b).lower()
        text = re.sub(r"[.,!?:;()]", "", text)
        text = re.sub(r"\b(\d+)\b", lambda m: V.NUMBER_WORDS.get(m.group(1), m.group(1)), text)
        for a, b in (("lantaarnpaal", "lantaarn paal"), ("wordt", "word"), ("stoep", "stoep"), ("ij", "ei")):
            if rng.random() < 0.3:
                text = text.replace(a, b)
        return text

    def youth(self, t):
        pk, rng = self.pk, self.rng
        c = self.core(t, terse=rng.random() < 0.5)
        if rng.random() < 0.5:
            c += " " + self.loc(terse=True, t=t, p=1)
        words = [V.YOUTH_WORDS.get(w, w) if rng.random() < 0.6 else w for w in c.lower().split()]
        out = " ".join(words)
        for _ in range(rng.choice([1, 1, 2])):
            out = out + " " + pk.one(V.YOUTH_ADD) if rng.random() < 0.6 else pk.one(V.YOUTH_ADD) + " " + out
        if rng.random() < 0.3:
            out += " " + self.extra(t, "asks").lower()
        return out


STYLES = [("terse", 28), ("brief", 19), ("normal", 23), ("chatty", 13), ("formal", 4), ("elderly", 3),
          ("nonnative", 4), ("speech", 3), ("youth", 4)]


def write_report(rng, pool, topic, second=None):
    w = Writer(rng, pool)
    style = rng.choices([s for s, _ in STYLES], weights=[x for _, x in STYLES])[0]
    angry = rng.random() < 0.12
    if style == "terse":
        text = w.terse(topic)
    elif style == "brief":
        text = w.brief(topic)
        if angry:
            text += " " + w.pk.one(V.ANGER)
    elif style == "normal":
        text = w.normal(topic, angry)
    elif style == "chatty":
        text = w.chatty(topic, angry)
    elif style == "formal":
        text = w.chatty(topic, False, formal=True)
    else:
        text = getattr(w, style)(topic)
    if second is not None and style not in ("terse", "youth"):
        extra = w.core(second)
        text += " " + rng.choice(["En ", "Ook ", "Verder: ", "Daarnaast: ", "PS "]) + extra[:1].lower() + extra[1:] + "."
    text = " ".join(text.split()).replace(" .", ".").replace(" :", ":")
    if rng.random() < 0.33:
        n = rng.choices([1, 2, 3, 4], weights=[55, 27, 12, 6])[0]
        text = add_typos(rng, pool, text, n)
    r = rng.random()
    if r < 0.03 or (angry and r < 0.15):
        text = text.upper()
    elif r < 0.13 and style not in ("speech", "youth"):
        text = text.lower()
    return text
