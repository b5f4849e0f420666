"""Years, months and number words: the one home of the Swedish number vocabulary.

Years
    The documents are about the years ``MIN_YEAR``..``MAX_YEAR`` (1980–2049: the archive
    starts in the 1990s; later years are plans). ``YEAR`` is the regular expression of such a
    year (no groups, no anchors; wrap it as needed). Where the shape of the text already says
    a number is a year (an ISO date "2015-03-04", a dnr's "-2015-", "mars 2015" after a
    month name, a year column) any year of the 1900s and 2000s is read: ``PRINTED_YEAR``
    (``MIN_PRINTED_YEAR``..``MAX_PRINTED_YEAR``, 1900–2099).
Months
    ``MONTHS`` maps the Swedish month names to their numbers, ``MONTH_ABBREVIATIONS`` the
    abbreviations printed in tables and dates ("jan", "febr", "sept", "okt" …).
Number words
    ``ONES`` (noll … nitton) and ``TENS`` (tjugo … nittio) are the words of the numbers below
    100; :func:`format_swedish_words` writes an integer in words (3500000 → "tre miljoner
    femhundratusen"). Reading them: :data:`NUMBER_WORDS` are the morphemes of numbers written
    in words (one word per value, scale words as markers), :func:`decompose` splits one
    (skeleton) token into morphemes ("tvåhundrafemtio" → 2, H, 50), and :func:`feed` applies
    one morpheme to the running value of a run of number words, refusing what Swedish does not
    say ("tre tjugo", "miljoner" alone). ``pipeline.lang.amounts`` finds amounts written in
    words with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lang.fuzzy import skeleton

__all__ = [
    "HALF_WORDS",
    "MAX_PRINTED_YEAR",
    "MAX_YEAR",
    "MIN_PRINTED_YEAR",
    "MIN_YEAR",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MORPHEMES",
    "NUMBER_WORDS",
    "OCH",
    "OCH_WORD",
    "ONE_WORDS",
    "ONES",
    "PRINTED_YEAR",
    "START",
    "TENS",
    "YEAR",
    "decompose",
    "feed",
    "feed_all",
    "format_swedish_words",
    "sought_after",
]

MIN_YEAR, MAX_YEAR = 1980, 2049
YEAR = r"(?:19[89]|20[0-4])\d"
MIN_PRINTED_YEAR, MAX_PRINTED_YEAR = 1900, 2099
PRINTED_YEAR = r"(?:19|20)\d\d"


MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}

ONES = (
    "noll",
    "ett",
    "två",
    "tre",
    "fyra",
    "fem",
    "sex",
    "sju",
    "åtta",
    "nio",
    "tio",
    "elva",
    "tolv",
    "tretton",
    "fjorton",
    "femton",
    "sexton",
    "sjutton",
    "arton",
    "nitton",
)
TENS = {
    20: "tjugo",
    30: "trettio",
    40: "fyrtio",
    50: "femtio",
    60: "sextio",
    70: "sjuttio",
    80: "åttio",
    90: "nittio",
}


HUNDRA, TUSEN, MILJON, MILJARD, HALF, OCH = "H", "T", "M", "G", "½", "&"
Item = int | str

NUMBER_WORDS: dict[str, tuple[Item, ...]] = {
    "en": (1,),
    **{w: (n,) for n, w in enumerate(ONES) if n},
    "tjugo": (20,),
    "tjugu": (20,),
    **{w: (n,) for n, w in TENS.items() if n > 20},
    "hundra": (HUNDRA,),
    "tusen": (TUSEN,),
    "ettusen": (1, TUSEN),
    "miljon": (MILJON,),
    "miljoner": (MILJON,),
    "miljonet": (MILJON,),
    "miljard": (MILJARD,),
    "miljarder": (MILJARD,),
    "miljardet": (MILJARD,),
    "halv": (HALF,),
    "halvt": (HALF,),
}
MORPHEMES = {skeleton(w): v for w, v in NUMBER_WORDS.items()}
_MORPH_BY_FIRST: dict[str, list[str]] = {}
for _m in sorted(MORPHEMES, key=len, reverse=True):
    _MORPH_BY_FIRST.setdefault(_m[0], []).append(_m)
ONE_WORDS = frozenset({skeleton("en"), skeleton("ett")})
HALF_WORDS = frozenset({skeleton("halv"), skeleton("halvt")})
OCH_WORD = skeleton("och")
_MAX_WORD_LEN = 48


@lru_cache(maxsize=4096)
def decompose(token: str) -> tuple[Item, ...] | None:
    """Split one (skeleton) token into number morphemes; None when it is not a number word."""
    if len(token) > _MAX_WORD_LEN or token[0] not in _MORPH_BY_FIRST:
        return None
    n = len(token)
    # best[i]: decomposition of token[i:], preferring long morphemes first (femtio, not fem+tio)
    best: list[tuple[Item, ...] | None] = [None] * (n + 1)
    best[n] = ()
    for i in range(n - 1, -1, -1):
        for m in _MORPH_BY_FIRST.get(token[i], ()):
            rest = best[i + len(m)] if token.startswith(m, i) else None
            if rest is not None:
                best[i] = MORPHEMES[m] + rest
                break
    return best[0]


# State of a number-word run, values in *half* units so that "en halv" stays integral:
# (total2, pending2, last_scale, last_item, last_was_one, has_big_scale)
State = tuple[int, int, int, "Item | None", bool, bool]
START: State = (0, 0, 0, None, False, False)
_SCALES = {TUSEN: 10**3, MILJON: 10**6, MILJARD: 10**9}


def feed(st: State, item: Item) -> State | None:
    """Apply one morpheme; None when the sequence would be ungrammatical."""
    total2, p2, last_scale, last, last_one, big = st
    if isinstance(item, int):
        if last == HALF or (last == OCH and item != 1):
            return None
        if p2 and last != OCH and (p2 % 2 or (p2 // 2) % (10 if item < 10 else 100)):
            return None  # "tre tjugo", "tretton fem"
        return (total2, p2 + 2 * item, last_scale, item, item == 1, big)
    if item == HUNDRA:
        if p2 >= 200 or p2 % 2 or last in (HUNDRA, HALF):
            return None
        return (total2, (p2 or 2) * 100, last_scale, item, False, big)
    if item in _SCALES:
        scale = _SCALES[item]
        if p2 >= 2000 or (last_scale and last_scale <= scale):
            return None
        if item != TUSEN and not p2:
            return None  # "miljoner" alone is not "one million"
        return (total2 + (p2 or 2) * scale, 0, scale, item, False, big or item != TUSEN)
    if item == HALF:
        if last_one:
            p2 -= 2
        elif last is not None and last != OCH:
            return None
        return (total2, p2 + 1, last_scale, item, False, big)
    if item == OCH and p2:
        return (total2, p2, last_scale, item, False, big)
    return None


def feed_all(st: State | None, items: tuple[Item, ...]) -> State | None:
    for it in items:
        if st is None:
            return None
        st = feed(st, it)
    return st


def _below_100(n: int) -> str:
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t * 10] + (ONES[o] if o else "")


def _below_1000(n: int) -> str:
    h, r = divmod(n, 100)
    head = "" if h == 0 else ("etthundra" if h == 1 else ONES[h] + "hundra")
    return head + (_below_100(r) if r else "")


def _below_million(n: int) -> str:
    t, r = divmod(n, 1000)
    head = "" if t == 0 else ("ettusen" if t == 1 else _below_1000(t) + "tusen")
    return head + (_below_1000(r) if r else "")


def _count(n: int) -> str:
    """A count before miljon(er)/miljard(er): common gender ('en', 'tjugoen')."""
    w = _below_million(n)
    return w[:-3] + "en" if w.endswith("ett") else w


def format_swedish_words(n: int) -> str:
    """Swedish words for 0 <= n < 10**12: 3500000 → 'tre miljoner femhundratusen'."""
    if n < 0 or n >= 10**12:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "noll"
    g, rest = divmod(n, 10**9)
    m, rest = divmod(rest, 10**6)
    parts = []
    if g:
        parts.append(f"{_count(g)} {'miljard' if g == 1 else 'miljarder'}")
    if m:
        parts.append(f"{_count(m)} {'miljon' if m == 1 else 'miljoner'}")
    if rest:
        parts.append(_below_million(rest))
    return " ".join(parts)


#: between a sum and the bare sum applied for in brackets after it: " (sökt ", " (ansökt: "
#: (skeleton form: vowels read as "*")
_SOUGHT_BRACKET = re.compile(r"\s*\(\s*(?:an)?s\*kt\s*:?\s*")
#: a sum in kronor (not tkr or mnkr): the bracket's bare sum is in kronor too
_KRONOR_END = re.compile(r"(?:kr\*n\*r|kr)\.?$")


def sought_after(sk: str, sum_end: int, number: re.Match[str]) -> bool:
    """Is `number` (in the skeleton `sk`) the bare sum applied for in brackets right after a
    sum in kronor that ends at `sum_end`: "220 000 kronor (sökt 250 000)"?"""
    return (
        _KRONOR_END.search(sk, 0, sum_end) is not None
        and _SOUGHT_BRACKET.fullmatch(sk, sum_end, number.start()) is not None
        and sk[number.end() : number.end() + 1] == ")"
    )
