"""Projects printed as cards: a title over one line of facts set apart by dots.

How the documents print them
----------------------------

A printout of a förvaltning's project portal or intranet gives each project a card: its name
(often in capitals, wrapping onto a second line), then one line of facts, each set apart by a
middle dot or a bullet — the owning districts, the fund and its year, the sum, the
status — then the project's text::

    SAMORDNAD INDIVIDUELL PLAN FÖR ÄLDRE MED MISSBRUK
    Farsta · Skarpnäck · LUM 2018 · 410 000 kr · Pågår till juni 2019
    Projektledare: Anders Kvist, beställarenheten äldreomsorg

A facts line names a sum in one of its parts and opens with parts that are nothing but
places ("Farsta stadsdelsförvaltning · Beviljat 2012: 420 000 kr": two parts will do); the title is the one or two lines right above it, after a blank line or a rule. A
fund named in a part is the card's fund. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.item_parts import PlaceFinder, set_amount
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts

__all__ = ["find_fact_cards"]

#: what sets a card's facts apart: a middle dot or a bullet with spaces around it (bars set a
#: table's cells apart, "Stadsdel | Projekt | Belopp")
_PARTS = re.compile(r"\s+[·•]\s+")
_RULE = re.compile(r"^[_\-–—=.]{8,}$")
_MAX_TITLE_WORDS = 16


def find_fact_cards(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every card of the module docstring, in document order."""
    out: list[ListRow] = []
    for i, ln in enumerate(lines):
        parts = [p.strip() for p in _PARTS.split(ln.text.strip())]
        if len(parts) < 2 or not any(_one_sum(p) for p in parts):
            continue
        owners: list[Place] = []
        for part in parts:
            # ("Spånga-Tensta med Rinkeby-Kista": the owner with its partner)
            part = re.sub(r"\s+(?:tillsammans\s+med|med|och|samt)\s+", ", ", part)
            found = find(part)
            if not found or not covered_by_places(part, found):
                break
            owners += found
        title = _title_above(lines, i)
        if not owners or title is None:
            continue
        first, name = title
        row = ListRow(
            name,
            owners,
            first,
            i,
            lines[first].page_no,
            f"{name} {ln.text.strip()}",
            form="intro_list",
            intro_line=first,
        )
        funds = [f for p in parts for f in find_funds(p)]
        row.fund = funds[0][2] if funds else None
        amount = next(a for p in parts if (a := _one_sum(p)) is not None)
        set_amount(row, amount, lines, i, i)
        out.append(row)
    return out


def _one_sum(part: str) -> AmountMatch | None:
    """The one sum a part of the facts names, or None."""
    found = [a for a in find_amounts(part) if a.per is None]
    return found[0] if len(found) == 1 else None


def _title_above(lines: Sequence[BodyLine], i: int) -> tuple[int, str] | None:
    """(first line, name) of the one or two lines right above line `i`, after a blank line or
    a rule, that name the card."""
    k = i - 1
    while (
        k >= 0 and i - k <= 2 and lines[k].text.strip() and not _RULE.match(lines[k].text.strip())
    ):
        k -= 1
    if k == i - 1:
        return None
    if k >= 0 and lines[k].text.strip() and not _RULE.match(lines[k].text.strip()):
        return None  # (three lines or more above: a paragraph, no title)
    texts = [lines[j].text.strip() for j in range(k + 1, i)]
    name = dehyphen_join(texts)
    if (
        len(name.split()) > _MAX_TITLE_WORDS
        or name.endswith((".", ":"))
        or find_amounts(name)
        or _PARTS.search(name)
    ):
        return None
    return k + 1, name
