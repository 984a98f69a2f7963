"""Typing errors as citizens make them: known misspellings of common words, split and joined
compounds, ei/ij and d/t confusion, dropped, swapped, doubled and mistyped letters."""

from pools import view

# Known misspellings: word -> variants. The variants split over the pools like other material.
KNOWN = {
    "lantaarnpaal": "lantaarpaal|lantaarn paal|lantarenpaal|lantaarnpal|lantaarnpaaal|lantaren paal|lantaanpaal",
    "lantaarn": "lantaren|lantarn|lantaarm|lanteern",
    "straatlantaarn": "straat lantaarn|straatlantaren|straatlantarn",
    "container": "kontainer|contianer|containter|conteiner|kontener|contaijner",
    "containers": "kontainers|conteiners|containters|contaners",
    "prullenbak": "prullen bak|prullebak|prullebak|prullenback|prulenbak",
    "prullenbakken": "prullen bakken|prullebakken|prulenbakken",
    "hondenpoep": "honden poep|hondepoep|hondenpoop|hondepoef|honden-poep",
    "stoeptegel": "stoep tegel|stoeptegl|stoepteegel",
    "stoeptegels": "stoep tegels|stoeptegel|stoeptegles",
    "vuilniszakken": "vuilnis zakken|vuilniszakke|vuilnisszakken|vuilnizakken",
    "geparkeerd": "geparkeert|geparkert|geparkeed|geparkeerdt",
    "gemeld": "gemelt|gemeldt|gemeld.",
    "wordt": "word|wort|wodt",
    "gebeurd": "gebeurt|gebeur",
    "gebeurt": "gebeurd|gebeurdt",
    "glasbak": "glas bak|glasback",
    "fietspad": "fiets pad|fietpad|fietspat",
    "speeltuin": "speel tuin|speeltuyn|speltuin",
    "vuurwerk": "vuur werk|vuurwek|vuuwerk",
    "kapot": "kappot|kapod|kaput|kpot",
    "verlichting": "verligting|verlichtig|verlicting",
    "ondergrondse": "ondergrondsche|ondergronse|onder grondse",
    "graag": "graach|grag|graaag",
    "trottoir": "trotoir|trottior|totoir|trottoire",
    "parkeerplaats": "parkeer plaats|parkeerplaas|parkerplaats",
    "gehandicaptenparkeerplaats": "gehandicapte parkeerplaats|gehandicapten parkeerplaats|gehandicaptenparkeer plaats",
    "invalidenparkeerplaats": "invaliden parkeerplaats|invalide parkeerplaats|invalideparkeerplaats",
    "kliko": "klieko|cliko|klikko",
    "asbest": "absest|asbestos",
    "onkruid": "onkruit|onkuid",
    "eikenprocessierups": "eiken processie rups|eikeprocessierups|eikenprocesie rups",
    "afvalbak": "afval bak|afvalback|afvalbk",
    "vuilnisbak": "vuilnis bak|vuilinsbak|vuilnissbak",
    "fietswrak": "fiets wrak|fietsrak|fietswak",
    "verkeersbord": "verkeers bord|verkeesbord|verkeerbord",
    "zwerfafval": "zwerf afval|zwerfafal",
    "jongeren": "jongere|jongren|jonguren",
    "overlast": "overlats|overlas|overlaast",
    "alsjeblieft": "alsjeblief|asjeblieft|alstublief",
    "gesloopt": "gesloopd|geslopt",
    "gedumpt": "gedumped|gedumt|gedump",
    "helemaal": "heleemaal|helemal|hele maal",
    "gevaarlijk": "gevaarlek|gevaalijk|geverlijk",
    "stinkt": "stinkd|stikt",
    "geluidsoverlast": "geluids overlast|geluidoverlast|geluidsoverlaast",
    "warmtepomp": "warmte pomp|warmtepmp|warmtenpomp",
    "houtkachel": "hout kachel|houtkagel",
    "stankoverlast": "stank overlast|stankoverlats",
    "verstopt": "verstopd|versopt",
    "schommel": "schommmel|schomel",
    "riool": "rioll|rijool",
    "weken": "weeken|wekne",
    "auto's": "autos|auto,s|auto`s",
    "stoep": "stoop|stope|stoeb",
    "brandt": "brand|brant",
    "vind": "vindt",
    "bijna": "bina|beina",
    "rijden": "reiden|rijde",
    "tijd": "teid|tijt",
    "wijk": "weik|wyk",
}
KNOWN = {k: v.split("|") for k, v in KNOWN.items()}

NEAR = {"a": "sqz", "e": "wrd", "i": "uok", "o": "ipl", "u": "yij", "n": "bm", "m": "n", "r": "et", "t": "ry",
        "s": "ad", "l": "k", "k": "jl", "g": "fh", "d": "sf", "p": "o", "b": "vn", "h": "gj", "v": "cb"}


def _generic(rng, word):
    if len(word) < 4 or not word.isalpha():
        return word
    low = word.lower()
    kind = rng.random()
    i = rng.randrange(1, len(word) - 1)
    if kind < 0.14 and ("ij" in low or "ei" in low):
        return word.replace("ij", "ei", 1) if "ij" in low else word.replace("ei", "ij", 1)
    if kind < 0.24 and low.endswith("dt"):
        return word[:-2] + rng.choice(["t", "d"])
    if kind < 0.30 and low.endswith("d"):
        return word[:-1] + "t"
    if kind < 0.50:
        return word[:i] + word[i + 1:]                  # dropped letter
    if kind < 0.68:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # swapped letters
    if kind < 0.82:
        return word[:i] + word[i] + word[i:]            # doubled letter
    c = word[i].lower()
    if c in NEAR:
        return word[:i] + rng.choice(NEAR[c]) + word[i + 1:]  # neighbouring key
    return word[:i] + word[i + 1:]


def add_typos(rng, pool, text, count):
    """Put `count` typing errors into `text`."""
    words = text.split(" ")
    for _ in range(count):
        if not words:
            break
        known = [k for k, w in enumerate(words) if w.lower().strip(".,!?") in KNOWN]
        if known and rng.random() < 0.6:
            k = rng.choice(known)
            core = words[k].strip(".,!?")
            tail = words[k][len(core):] if words[k].startswith(core) else ""
            repl = rng.choice(view(KNOWN[core.lower()], pool))
            if core[:1].isupper():
                repl = repl[:1].upper() + repl[1:]
            words[k] = repl + tail
            continue
        r = rng.random()
        if r < 0.08 and len(words) > 2:
            k = rng.randrange(len(words) - 1)                # two words run together
            if words[k][-1:].isalpha():
                words[k:k + 2] = [words[k] + words[k + 1]]
                continue
        if r < 0.12:
            k = rng.randrange(len(words))                    # missing capital / stray punctuation
            words[k] = words[k].lower()
            continue
        k = rng.randrange(len(words))
        words[k] = _generic(rng, words[k])
    return " ".join(words)
