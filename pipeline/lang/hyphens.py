"""Suspended compounds: a hyphen that stands for the second part of a compound, "barn- och
ungdomsvården", "hälso- och sjukvården", "Børne- og Ungdomsforvaltningen", "Ouder- en
Kindteams", "sosiaali- ja terveystoimi".

Where such a hyphen ends a line or a wrapped table cell, the next line starts with the
conjunction; joining the two as a word broken at a hyphen ("Borneog") loses both the hyphen
and the space. The conjunctions are those of the languages the archive's documents name
places and partners in (Swedish, Danish and Norwegian, Finnish, Dutch, German, English): a
word-break continuation never is one of them (a Swedish word is broken before a consonant,
"förvalt-ningen", so its second part does not start a word of its own such as "en" or "ja").
"""

from __future__ import annotations

import re

__all__ = ["SUSPENDED_NEXT", "SUSPENDED_NEXT_RE", "suspends"]

#: the words after which a line-end (or cell-end) hyphen is a suspended compound's
SUSPENDED_NEXT = frozenset(
    {
        # Swedish
        "och",
        "eller",
        "samt",
        "respektive",
        "resp",
        "till",
        "som",
        "&",
        # Danish and Norwegian
        "og",
        # Finnish
        "ja",
        "tai",
        # Dutch, German, English
        "en",
        "of",
        "und",
        "oder",
        "and",
        "or",
    }
)

#: a regular expression alternation of the words (longest first), for a lookahead such as
#: ``(?!(?:SUSPENDED_NEXT_RE)\b)``
SUSPENDED_NEXT_RE = "|".join(
    re.escape(w) for w in sorted(SUSPENDED_NEXT, key=lambda w: (-len(w), w)) if w.isalpha()
)

_FIRST = re.compile(r"^\s*(&|[^\W\d_]+)(?![\w-])")


def suspends(rest: str) -> bool:
    """Whether the text that follows a line-end hyphen starts with a conjunction of a
    suspended compound ("og Ungdomsforvaltningen", "resp. ungdomar", "& Co")."""
    m = _FIRST.match(rest)
    return m is not None and m.group(1).lower() in SUSPENDED_NEXT
