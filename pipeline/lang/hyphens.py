"""Suspended compounds: a hyphen that stands for the second part of a compound, "barn- och
ungdomsvården", "hälso- och sjukvården", "Børne- og Ungdomsforvaltningen", "Ouder- en
Kindteams", "sosiaali- ja terveystoimi".

Where such a hyphen ends a line or a wrapped table cell, the next line starts with the
conjunction; joining the two as a word broken at a hyphen ("Borneog") loses both the hyphen
and the space. The conjunctions are those of the languages the archive's documents name
places and partners in (Swedish, Danish and Norwegian, Finnish, Dutch, German, English). A
few of them are also what is left of a Swedish word broken at a line end
("stadsdelsförvaltning-" / "en"): those suspend a compound only between capitalised words
("Ouder- en Kindteams"), as a name is written.
"""

from __future__ import annotations

import re

__all__ = ["AMBIGUOUS", "SUSPENDED_NEXT", "SUSPENDED_NEXT_RE", "suspends"]

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

#: conjunctions that are also the rest of a Swedish word broken at a line end ("-en", "-ja")
AMBIGUOUS = frozenset({"en", "ja", "of", "or", "and"})

#: a regular expression alternation of the unambiguous words (longest first), for a
#: lookahead such as ``(?!(?:SUSPENDED_NEXT_RE)\b)``
SUSPENDED_NEXT_RE = "|".join(
    re.escape(w)
    for w in sorted(SUSPENDED_NEXT - AMBIGUOUS, key=lambda w: (-len(w), w))
    if w.isalpha()
)

_FIRST = re.compile(r"^\s*(&|[^\W\d_]+)(?![\w-])\.?\s*(\S?)")


def suspends(rest: str, left: str = "") -> bool:
    """Whether the text that follows a line-end hyphen starts with a conjunction of a
    suspended compound ("og Ungdomsforvaltningen", "resp. ungdomar", "& Co"); `left` is the
    text before the hyphen. An ambiguous conjunction (`AMBIGUOUS`) suspends only where the
    word before the hyphen or the word after the conjunction is capitalised ("Ouder- en
    Kindteams"), never in running Swedish ("stadsdelsförvaltning- en")."""
    m = _FIRST.match(rest)
    if m is None or m.group(1).lower() not in SUSPENDED_NEXT:
        return False
    if m.group(1).lower() in AMBIGUOUS:
        words = left.split()
        return bool(words and words[-1][:1].isupper()) or m.group(2).isupper()
    return True
