"""OCR-tolerant normalisation helpers shared by the gazetteer and amount matchers.

``fold``, ``skeleton`` and ``loose`` are *length-preserving*: character ``i`` of the
output stems from character ``i`` of the input.  Matchers can therefore run their regexes on a folded
copy of a text and report spans that index the original text directly.

Three levels of normalisation, from strict to loose:

``fold(s)``
    Lower-case and strip diacritics (å, ä → a; ö, ø → o; é → e; ü → u …), then repair
    OCR symbols that stand for a vowel *inside an alphabetic token* (see below).

``skeleton(s)``
    Like ``fold`` but every character that OCR commonly confuses with å/ä/ö collapses to
    the vowel class ``*``: the letters a, o, å, ä, ö, à, á, â, ò, ó, ô, ø, æ, é, è, ê and
    the repaired OCR symbols.  "Skarpnäck", "Skarpnack" and "Skarpnéck" all become
    ``sk*rpn*ck``; "Södermalm" and "Sodermalm" become ``s*derm*lm``.  The plain letters
    e, i, u, y stay distinct, so an exact skeleton match is still a strong signal.

``loose(s)``
    Like ``skeleton`` but *all* vowels (a e i o u y and their accented forms) collapse to
    ``*``.  Only used to *score* fuzzy candidates ("Villingby" for "Vällingby",
    "Stidermalm" for "Södermalm"), never for exact look-ups.

OCR symbol repair (``fold``/``skeleton``/``loose``) is conservative and only fires inside
alphabetic tokens, so numbers, dates and "Ernst & Young" are left alone:

====================  ==========================================  =====================
symbol                context                                     examples
====================  ==========================================  =====================
``6``, ``0``          between two letters                         f6r, ans0ka
``6``, ``0``          word-initial before a typical ö-stem        6ver, 6kar, 6ppnar
                      (v, k+vowel, pp, ns, st+letter, g+a/o, r+a/e)
``4``                 between two letters                         l4n
``1``                 between two letters (read as ``i``)         V1llingby, soc1al
``&``, ``#``          word-initial before a letter, or between    &r, #rendet
                      two letters unless both are upper case      (H&M, R&D untouched)
====================  ==========================================  =====================

``6``/``0``/``4`` become ``o``/``o``/``a`` in ``fold`` and ``*`` in ``skeleton``; ``1``
becomes ``i`` in ``fold``/``skeleton`` (``*`` in ``loose``).
``&``/``#`` become ``a`` in ``fold`` and ``*`` in ``skeleton``.  The letter ``d``, which
OCR also produces for ä/å ("ndmnden", "frdn"), is a real consonant and is never rewritten;
``token_variants`` offers a ``d``→vowel variant and fuzzy scoring absorbs the rest.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = [
    "VOWEL",
    "compact",
    "fold",
    "loose",
    "similarity",
    "skeleton",
    "token_variants",
]

VOWEL = "*"

# Letters that OCR confuses with å/ä/ö (and that Swedish spells with a/o when diacritics
# are lost).  Collapsed to VOWEL by `skeleton`.
_SKELETON_VOWELS = frozenset("aoåäöàáâãòóôõøæéèê")
# Everything that is a vowel for `loose`.
_LOOSE_VOWELS = _SKELETON_VOWELS | frozenset("eiuyëìíîïùúûüýÿ")

_L = r"[^\W\d_]"  # one letter, any script
# OCR digits/symbols that stand for a vowel.  Each alternative is a single character
# match with look-around, so the substitution is length-preserving and linear.
_OCR_SYMBOL = re.compile(
    rf"(?<={_L})[6041](?={_L})"  # f6r, ans0ka, l4n, V1llingby
    rf"|(?<![\w&#])[60](?=(?:v|k[aeiouy]|pp|ns|st{_L}|g[ao]|r[ae]){_L}?)"  # 6ver, 6kar, 6ppnar
    rf"|(?<![\w&#])[&#](?={_L})"  # &r, #rendet
    rf"|(?<=[a-zåäöéèü])[&#](?={_L})|(?<={_L})[&#](?=[a-zåäöéèü])"  # m&nga; not H&M/R&D
)
_SYMBOL_FOLD = {"6": "o", "0": "o", "4": "a", "1": "i", "&": "a", "#": "a"}


def _fold_char(c: str) -> str:
    """Lower-case and strip diacritics from one character; always returns one character."""
    low = c.lower()
    if len(low) != 1:
        low = c
    if low.isascii():
        return low
    special = {"ø": "o", "æ": "a", "œ": "o", "ł": "l", "đ": "d", "ß": "ß", "ı": "i"}
    if low in special:
        return special[low]
    base = unicodedata.normalize("NFKD", low)[:1]
    if base and base.isascii() and base.isalpha():
        return base
    return low


class _Table(dict[int, str]):
    """A lazily filled `str.translate` table."""

    def __init__(self, func: object) -> None:
        super().__init__()
        self._func = func

    def __missing__(self, key: int) -> str:
        value: str = self._func(chr(key))  # type: ignore[operator]
        self[key] = value
        return value


def _skeleton_char(c: str) -> str:
    low = _fold_char(c)
    if c.lower() in _SKELETON_VOWELS or low in "ao":
        return VOWEL
    return low


def _loose_char(c: str) -> str:
    low = _fold_char(c)
    if c.lower() in _LOOSE_VOWELS or low in "aeiouy":
        return VOWEL
    return low


_FOLD_TABLE = _Table(_fold_char)
_SKELETON_TABLE = _Table(_skeleton_char)
_LOOSE_TABLE = _Table(_loose_char)


# The symbols `_OCR_SYMBOL` may rewrite. Every alternative of it matches one of these
# characters, so scanning for them and asking `_OCR_SYMBOL.match` at each (its look-behinds
# see the text before the position) rewrites exactly what `_OCR_SYMBOL.sub` would, without
# trying the look-arounds at every position of a long text (4.5x faster on page texts).
_SYMBOL = re.compile(r"[6041&#]")


def _repair(s: str, vowel: str | None) -> str:
    if not any(ch in s for ch in "6041&#"):
        return s

    def sub(m: re.Match[str]) -> str:
        c = m.group()
        if _OCR_SYMBOL.match(s, m.start()) is None:
            return c
        if vowel is None or c == "1":
            return _SYMBOL_FOLD[c]
        return vowel

    return _SYMBOL.sub(sub, s)


def fold(s: str) -> str:
    """Lower-case, strip diacritics and repair in-word OCR symbols (length-preserving)."""
    if len(s) <= _FOLD_CACHED:
        return _fold_short(s)
    return _repair(s, None).translate(_FOLD_TABLE)


#: cells and lines are folded again and again by the table readers (issue 19); whole
#: pages are not remembered, so the cache stays small
_FOLD_CACHED = 120


@lru_cache(maxsize=16384)
def _fold_short(s: str) -> str:
    return _repair(s, None).translate(_FOLD_TABLE)


def skeleton(s: str) -> str:
    """`fold` with a/o/å/ä/ö/é and repaired OCR symbols collapsed to ``*``."""
    return _repair(s, VOWEL).translate(_SKELETON_TABLE)


def loose(s: str) -> str:
    """`skeleton` with every vowel collapsed to ``*`` (for fuzzy scoring only)."""
    return _repair(s, VOWEL).translate(_LOOSE_TABLE)


_SEPARATORS = re.compile(r"[\s\-‐‑‒–—/.,:;'’´`()\"”“&|+]+")


def compact(s: str) -> str:
    """Drop separators (white space, hyphens, dashes, slashes, punctuation)."""
    return _SEPARATORS.sub("", s)


_D_BETWEEN_CONSONANTS = re.compile(r"(?<=[b-df-hj-np-tv-xz])d(?=[b-df-hj-np-tv-xz])")


@lru_cache(maxsize=65536)
def token_variants(token: str) -> tuple[str, ...]:
    """Look-up keys for one printed token, most specific first.

    ``fold``, ``skeleton``, the skeleton with a ``d`` between two consonants read as a
    vowel (OCR for ä/å: "ndmnden" → ``n*mnden``), and the Swedish genitive (final ``s``
    dropped) of each.  Duplicates are removed; order is stable.
    """
    folded = fold(token)
    skel = skeleton(token)
    out = [folded, skel, _D_BETWEEN_CONSONANTS.sub(VOWEL, skel)]
    out += [v[:-1] for v in out if len(v) > 3 and v.endswith("s")]
    seen: dict[str, None] = {}
    for v in out:
        seen.setdefault(v, None)
    return tuple(seen)


def similarity(a: str, b: str) -> float:
    """OCR-tolerant similarity 0..1 of two names: Indel ratio of their `loose` compact keys."""
    return fuzz.ratio(loose(compact(a)), loose(compact(b))) / 100.0
