"""The words around a Swedish amount that decide what it is: the nouns that make a count of
millions no money ("fyra miljoner invånare"), and the units of a per-unit phrase ("per år",
"/person", "per ansökan"), with their printed and damaged forms folded to one spelling.
Read by :mod:`pipeline.lang.amounts`.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from pipeline.lang.fuzzy import loose, skeleton

__all__ = ["COUNT_NOUNS", "PER_INTHE", "canon_per"]

COUNT_NOUNS = frozenset(
    skeleton(w)
    for w in [
        "invånare",
        "människor",
        "personer",
        "individer",
        "besök",
        "besökare",
        "användare",
        "elever",
        "barn",
        "ungdomar",
        "kvinnor",
        "män",
        "deltagare",
        "anställda",
        "medarbetare",
        "timmar",
        "ton",
        "liter",
        "kilometer",
        "kvadratmeter",
        "exemplar",
        "kunder",
        "resenärer",
        "patienter",
        "brukare",
        "hushåll",
        "bostäder",
        "lägenheter",
        "år",
        "stockholmare",
        "svenskar",
    ]
)

_PER_CANON = [
    "år",
    "månad",
    "vecka",
    "dag",
    "timme",
    "person",
    "deltagare",
    "ansökan",
    "projekt",
    "elev",
    "barn",
    "tillfälle",
    "studieresa",
    "resa",
    "plats",
    "anställd",
    "medarbetare",
    "ledningsgrupp",
    "stadsdel",
    "förvaltning",
    "verksamhet",
    "kurs",
    "invånare",
    "brukare",
    "familj",
]
_PER_BY_SKELETON = {skeleton(w): w for w in _PER_CANON} | {
    skeleton("pers"): "person",
    skeleton("mån"): "månad",
    skeleton("st"): "styck",
}
PER_INTHE = {skeleton("året"): "år", skeleton("månaden"): "månad", skeleton("veckan"): "vecka"}


def canon_per(word_sk: str, printed: str) -> str:
    if word_sk in _PER_BY_SKELETON:
        return _PER_BY_SKELETON[word_sk]
    if len(word_sk) >= 5:
        lw = loose(printed)
        best = max(_PER_CANON, key=lambda c: fuzz.ratio(lw, loose(c)))
        if fuzz.ratio(lw, loose(best)) >= 80:
            return best
    return printed.lower()
