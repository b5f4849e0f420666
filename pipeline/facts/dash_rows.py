"""Projects printed one per line as "Recipient – Project: sum", without bullets.

How the documents print them
----------------------------

A proposal lists its grants as plain lines under a heading or an introduction, the
recipient (a school, a förskola, an association or a district) first, a spaced dash, the
project's name, and the sum at the end after a colon or a comma::

    Bergslingans skola – Språkutvecklande NO-undervisning i årskurs 7–9: 420 000 kr
    Förskolan Tranan – Tidig språkstimulans på modersmål: 240 000 kr
    Summa: 1 600 000 kr

Two such lines in a row at least make a list. The recipient is the project's owner when it
is a district or förvaltning, else who carries the project out (its performer). A cost
breakdown ("Personalkostnader 1 920 000 kronor") has no dash and no name, and is no list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.lang.amounts import find_amounts

__all__ = ["find_dash_rows"]

#: "Recipient – Name" before the sum: a spaced dash between two parts of some length
_DASHED = re.compile(r"^(?P<who>[^–—:]{3,60}?)\s+[–—-]\s+(?P<name>\S[^:]{3,160}?)\s*[:,]?\s*$")
_MIN_ROWS = 2


def find_dash_rows(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every run of two or more "Recipient – Project: sum" lines, in document order."""
    out: list[ListRow] = []
    run: list[ListRow] = []
    for k, ln in enumerate(lines):
        row = _row(ln, k, find)
        if row is not None:
            run.append(row)
            continue
        if len(run) >= _MIN_ROWS:
            out.extend(run)
        run = []
    if len(run) >= _MIN_ROWS:
        out.extend(run)
    return out


def _row(ln: BodyLine, k: int, find: PlaceFinder) -> ListRow | None:
    text = ln.text.strip()
    if ln.heading or not text:
        return None
    sums = [a for a in find_amounts(text) if a.per is None]
    if len(sums) != 1 or text[sums[0].end :].strip(" .") or sums[0].start < 12:
        return None  # one sum, and it ends the line
    m = _DASHED.match(text[: sums[0].start])
    if m is None:
        return None
    who, name = tidy(m.group("who")), tidy(m.group("name"))
    if len(name.split()) < 2:
        return None
    places = find(who)
    owner = covered_by_places(who, places)
    row = ListRow(
        name,
        list(places) if owner else [],
        k,
        k,
        ln.page_no,
        text,
        form="intro_list",
        intro_line=k,
    )
    row.performer = None if owner else who
    set_amount(row, sums[0], [ln], 0, 0)
    row.amount_line = k
    return row
