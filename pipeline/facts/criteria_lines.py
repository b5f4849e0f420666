"""Shapes of the lines around a list of criteria: short lines that are each an item, a table's
sums (no criteria), and an introduction whose cue stands in an earlier sentence. Pure; used
by :mod:`pipeline.facts.criteria`."""

from __future__ import annotations

import re

from pipeline.facts.cues import cue_hits
from pipeline.lang.fuzzy import fold

__all__ = ["TABLE_SUM", "cue_in_earlier_sentence", "one_line_items"]

#: a sum in a table's column: a gap, then a number in groups of thousands
TABLE_SUM = re.compile(
    r"\S\s{2,}[−-]?\d{1,3}(?:[ .\u00a0]\d{3})+(?:\s|$)"
    # a row whose gaps a scan closed: a sum of hundreds of thousands at the line's end
    r"|\s\d{1,3}(?:[ .\u00a0]\d{3}){1,2}\s*$"
)


#: a line that wraps does not end on one of these words
_OPEN_WORDS = {
    "och",
    "eller",
    "samt",
    "i",
    "på",
    "för",
    "av",
    "med",
    "till",
    "om",
    "från",
    "vid",
    "inom",
    "mot",
    "att",
    "som",
    "den",
    "det",
    "de",
    "en",
    "ett",
    "under",
    "mellan",
}
_SHORT_LINE = 60


def one_line_items(line: str, nxt: str) -> bool:
    """Two lines of a list that are each an item although the second starts in lower case
    ("Barn och unga som placeras utanför det egna hemmet" over "våld i nära relationer"):
    both short of a full line, the first not ending on a word that carries on."""
    words = line.split()
    return (
        len(line.strip()) < _SHORT_LINE
        and len(nxt.strip()) < _SHORT_LINE
        and bool(words)
        and words[-1].lower() not in _OPEN_WORDS
        and not line.rstrip().endswith("-")
    )


def cue_in_earlier_sentence(intro: str) -> bool:
    """Whether the intro's cue stands in a sentence before the one that opens the list, and
    that last sentence (a long one, not "Dessa är:") has no cue of its own."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", intro.strip())
    last = parts[-1]
    # ("… bedömts utifrån de kriterier som anges i fondens riktlinjer. En insats som
    # finansieras ur fonden ska" ⏎ "• vara …": the criteria named, then what they require)
    required = bool(re.search(r"\b(?:ska|skall|bör|måste)$", last.rstrip())) and bool(
        re.search(r"kriteri", fold(" ".join(parts[:-1])))
    )
    return (
        len(parts) > 1
        and len(last.split()) >= 6
        and not last.rstrip().endswith(":")
        and not cue_hits(last, "criteria_intro")
        and not required
    )
