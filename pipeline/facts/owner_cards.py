"""Projects printed as cards: the owner, the name, a description, the sum granted.

How the documents print them
----------------------------

An appendix may describe each granted project on a card of its own (often two cards side
by side, which the text stage reads column by column): the förvaltning that owns it on
the first line (a co-applicant in brackets, wrapped or not), the project's name on the
next line or two, a few sentences about it, and a labelled sum on the last line::

    Rinkeby-Kista
    Pappagrupper – föräldrastöd för
    fäder med utländsk bakgrund
    Gruppverksamhet för fäder med barn i förskoleåldern. Utvärderingen
    görs av forskare vid Ersta Sköndal högskola.
    Beviljat belopp: 180 000 kr

The name is the lines after the owner up to the first line that opens a sentence of the
description (a capital after a line that did not break a word or a phrase); a card's lines
are those between blank lines. Two cards at least make the layout. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, tidy, with_own_unit
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts

__all__ = ["find_owner_cards"]

#: the card's last line: "Beviljat belopp: 180 000 kr", "Beviljas: 95 000 kronor"
_SUM_LINE = re.compile(
    r"^(?:beviljat(?:\s+belopp)?|beviljas|belopp|bidrag|förslag|föreslås)\s*:\s*(?P<sum>.+)$",
    re.IGNORECASE,
)
#: a labelled field line: "Resmål: …", "Syfte: …"
_FIELD = re.compile(r"^[A-ZÅÄÖ][\wåäö -]{0,25}:\s")
_MIN_CARDS = 2
_MAX_CARD_LINES = 12
_MAX_NAME_LINES = 3


def find_owner_cards(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every project printed as an owner card (module docstring), in reading order."""
    rows: list[ListRow] = []
    i = 0
    while i < len(lines):
        if lines[i].text.strip() and (i == 0 or not lines[i - 1].text.strip()):
            end = i
            while end + 1 < len(lines) and lines[end + 1].text.strip():
                end += 1
            row = _card(lines, i, end, find)
            if row is not None:
                rows.append(row)
            i = end + 1
            continue
        i += 1
    return rows if len(rows) >= _MIN_CARDS else []


def _card(lines: Sequence[BodyLine], first: int, last: int, find: PlaceFinder) -> ListRow | None:
    texts = [lines[k].text.strip() for k in range(first, last + 1)]
    if not 3 <= len(texts) <= _MAX_CARD_LINES:
        return None
    m = _SUM_LINE.match(texts[-1])
    sums = [a for a in find_amounts(m.group("sum")) if a.per is None] if m else []
    if len(sums) != 1:
        return None
    owner_lines = 1
    if texts[0].count("(") > texts[0].count(")"):
        owner_lines = 2  # "Södermalm (medsökande" ⏎ "Enskede-Årsta-Vantör)"
    owner = " ".join(texts[:owner_lines])
    places: list[Place] = find(owner)
    if not places or not (covered_by_places(owner, places) or with_own_unit(owner, places)):
        return None
    body = texts[owner_lines:-1]
    if not body or not body[0][:1].isupper() or any(_FIELD.match(t) for t in body):
        return None  # (a card of labelled fields is a form: `field_blocks` reads it)
    n = 1
    while n < min(len(body), _MAX_NAME_LINES) and (
        body[n][:1].islower() or body[n - 1].endswith(("-", "–"))
    ):
        n += 1  # the name wraps in lower case, or after a hyphen
    name = tidy(dehyphen_join(body[:n]))
    if not name or name.endswith(".") or len(name.split()) > 16:
        return None
    row = ListRow(
        name,
        list(places),
        first,
        last,
        lines[first].page_no,
        " / ".join(texts),
        description=dehyphen_join(body[n:]) or None,
        form="intro_list",
    )
    a = sums[0]
    row.amount, row.amount_raw, row.amount_approx, row.amount_line = (
        a.sek,
        a.raw,
        a.approximate,
        last,
    )
    return row
