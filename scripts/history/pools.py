"""Split every list of phrase material into a TUNE and a SCORE pool.

Position decides, so the split is stable and needs no bookkeeping in the data files:
item 0 of a list is shared (the plain, common way of saying it), and from item 1 on the
items go tune, score, shared, tune, score, shared, ...  A score-pool report therefore draws
about half of its phrasings from material the tune pool never sees.
"""

POOLS = ("tune", "score", "all")

_cache = {}


def owner(index):
    if index == 0 or index % 3 == 0:
        return "shared"
    return "tune" if index % 3 == 1 else "score"


def view(items, pool):
    """The items of `items` that `pool` may use (all of them for pool 'all')."""
    if pool == "all":
        return items
    key = (id(items), pool)
    hit = _cache.get(key)
    if hit is not None and hit[0] is items:
        return hit[1]
    chosen = [x for i, x in enumerate(items) if owner(i) in ("shared", pool)]
    if not chosen:
        chosen = list(items)
    _cache[key] = (items, chosen)
    return chosen


def split(text):
    """'a|b|c' -> ['a', 'b', 'c'] (phrase lists are written this way to keep them compact)."""
    return [s.strip() for s in text.split("|") if s.strip()]


class Picker:
    """Random choice restricted to one pool."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool

    def one(self, items):
        return self.rng.choice(view(items, self.pool))

    def chance(self, p):
        return self.rng.random() < p

    def some(self, items, k):
        opts = view(items, self.pool)
        return self.rng.sample(opts, min(k, len(opts)))
