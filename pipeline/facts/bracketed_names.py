"""Projects named in a sentence as a series, each with its district in brackets.

How the documents print them
----------------------------

Applications turned down, or projects only mentioned, are often named in running text
rather than listed: each name with the applying district in brackets, the names parted by
commas and a last "och"::

    Bland dem finns Lärplattor i hemtjänstens biståndsbedömning (Älvsjö), Öppen förskola
    med föräldrastöd på arabiska (Spånga-Tensta) och Hemma-tryggt (Östermalm), som …

Two such names at least in one sentence make a series; each bracket must hold districts or
förvaltningar only, and each name must start with a capital. The sentence's own words
(the status cue, "Bland dem finns") are not part of the first name: it starts at the last
capital before its bracket that follows a clause word or the sentence start.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, tidy
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import sentences
from pipeline.lang.amounts import find_amounts

__all__ = ["find_bracketed_names"]

#: "Name (District)" followed by a comma, "och"/"samt", or the end of the series
_NAMED = re.compile(r"(?P<name>[A-ZÅÄÖ][^()]{3,120}?)\s*\((?P<who>[^()]{3,60})\)")
#: the words that open a series before its first name ("Bland dem finns", "… avser")
_LEAD = re.compile(
    r"^.*\b(?:finns|är|var|avser|avsåg|gäller|gällde|nämligen|bland annat|t\.ex\.|däribland)"
    r"\s+(?=[A-ZÅÄÖ])"
)
_MIN_NAMES = 2


def find_bracketed_names(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every series of two or more "Name (District)" in one sentence, in document order."""
    out: list[ListRow] = []
    texts = [ln.text for ln in lines]
    for s in sentences(texts, [ln.page_no for ln in lines]):
        text = s.text
        if text.count("(") < _MIN_NAMES:
            continue
        found: list[tuple[str, list[Place]]] = []
        pos = 0
        for m in _NAMED.finditer(text):
            between = text[pos : m.start()].strip()
            if found and between not in ("", ",", "och", ", och", "samt", ", samt"):
                break  # the series ended
            who = m.group("who")
            places = find(who)
            if not covered_by_places(who, places) or find_amounts(who):
                break
            name = m.group("name")
            if not found:
                lead = _LEAD.match(name)
                if lead is None and m.start() > 0:
                    break  # the first name must follow the words that open the series
                name = name[lead.end() :] if lead else name
            name = tidy(re.sub(r"^(?:och|samt)\s+", "", name))
            if len(name.split()) < 1 or not name[:1].isupper():
                break
            found.append((name, list(places)))
            pos = m.end()
        if len(found) < _MIN_NAMES:
            continue
        for name, places in found:
            out.append(
                ListRow(
                    name,
                    places,
                    s.first,
                    s.last,
                    s.page_no,
                    text,
                    form="intro_list",
                    intro_line=s.first,
                )
            )
    return out
