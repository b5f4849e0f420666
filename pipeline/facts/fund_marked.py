"""Projects headed by their name with the fund and the sum in a bracket at its end.

How the documents print them
----------------------------

A report on the year's grants, ordered by förvaltning, may give each project or study visit
a paragraph headed by its name, the bracket after the name saying which fund paid and how
much; the name may wrap, the bracket with it; a description may follow, or nothing::

    Bromma stadsdelsförvaltning

    Tidiga insatser för barn i förskoleålder (LUM, 450 000 kr)
    Projektet har prövat en modell där …

    Studiebesök i Göteborg om arbetet med utsatta
    EU-medborgare (MUST, 14 500 kr)

The head is one to three lines after a blank line or a heading, with no full stop before
the bracket; the bracket holds a fund of the vocabulary and one sum. The owner is the
förvaltning whose name stands alone on a line above, over this project and the ones
before it ("Socialförvaltningen, <its unit>" included). Two such heads at least make the
layout. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.item_parts import PlaceFinder, tidy, with_own_unit
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts

__all__ = ["find_fund_marked", "names_a_fund"]

#: the bracket that ends a head: "(LUM, 450 000 kr)", "(MUST, 14 500 kronor)"
_BRACKET = re.compile(r"\((?P<fund>[^(),]{2,40}),\s*(?P<sum>[^()]{3,30})\)\s*$")
_MAX_HEAD_LINES = 3
_MIN_HEADS = 2


def find_fund_marked(
    lines: Sequence[BodyLine], find: PlaceFinder, study_fund: str = "MUST"
) -> list[ListRow]:
    """Every project headed "Name (FUND, sum)" (module docstring), in reading order."""
    rows: list[ListRow] = []
    i = 0
    while i < len(lines):
        head = _head(lines, i, study_fund)
        if head is None:
            i += 1
            continue
        last, name, fund, amount = head
        row = ListRow(
            name,
            _owner(lines, i, find),
            i,
            last,
            lines[i].page_no,
            " ".join(lines[k].text.strip() for k in range(i, last + 1)),
            description=_description(lines, last + 1) or None,
            form="intro_list",
        )
        row.fund = fund
        row.amount, row.amount_raw, row.amount_approx = amount.sek, amount.raw, amount.approximate
        row.amount_line = last
        rows.append(row)
        i = last + 1
    return rows if len(rows) >= _MIN_HEADS else []


def _head(
    lines: Sequence[BodyLine], i: int, study_fund: str
) -> tuple[int, str, str, AmountMatch] | None:
    """(last line, name, fund, sum) of a head starting on line `i`, or None."""
    first = lines[i].text.strip()
    if not first[:1].isupper() or (
        i > 0 and lines[i - 1].text.strip() and not lines[i - 1].heading
    ):
        return None  # a head opens a paragraph
    parts: list[str] = []
    for k in range(i, min(len(lines), i + _MAX_HEAD_LINES)):
        text = lines[k].text.strip()
        if not text or (k > i and lines[k].heading):
            return None
        parts.append(text)
        m = _BRACKET.search(" ".join(parts))  # (the bracket may wrap: "(LUM," ⏎ "520 000 kr)")
        if m is None:
            if re.search(r"[.:;]$", text):
                return None  # a sentence ended before any bracket: prose
            continue
        funds = find_funds(m.group("fund"), study_fund)
        sums = [a for a in find_amounts(m.group("sum")) if a.per is None]
        if not funds or len(sums) != 1:
            return None
        joined = dehyphen_join(parts)
        name = tidy(joined[: joined.rfind("(")])
        if not name or "." in name.rstrip("."):
            return None
        return k, name, funds[0][2], sums[0]
    return None


def _owner(lines: Sequence[BodyLine], i: int, find: PlaceFinder) -> list[Place]:
    """The förvaltning whose name stands alone on a line above line `i` (between blank
    lines or as a heading), before any heading that is not one."""
    for k in range(i - 1, -1, -1):
        text = lines[k].text.strip()
        if not text:
            continue
        alone = (k == 0 or not lines[k - 1].text.strip() or lines[k - 1].heading) and (
            k + 1 >= len(lines) or not lines[k + 1].text.strip()
        )
        if alone or lines[k].heading:
            found = find(text)
            if found and (covered_by_places(text, found) or with_own_unit(text, found)):
                return list(found)
            if lines[k].heading and _BRACKET.search(text) is None:
                return []  # another part of the document
    return []


def _description(lines: Sequence[BodyLine], j: int) -> str:
    """The paragraph under a head: its lines up to a blank line or a heading."""
    out: list[str] = []
    while j < len(lines) and lines[j].text.strip() and not lines[j].heading:
        if _BRACKET.search(lines[j].text.strip()):
            break
        out.append(lines[j].text.strip())
        j += 1
    return dehyphen_join(out)


def names_a_fund(name: str) -> bool:
    """Is `name` a fund's name with at most a year ("Lokala utvecklingsmedel 2010", "MUST
    2009"), the heading of a fund's part, not a project?"""
    funds = find_funds(name)
    if not funds:
        return False
    rest = "".join(c for k, c in enumerate(name) if not any(s <= k < e for s, e, _f in funds))
    return not re.sub(r"\b(?:år|för|och|medel|(?:19|20)\d\d)\b|[\W\d_]", "", rest, flags=re.I)
