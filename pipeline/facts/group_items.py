"""Items of a grants list read apart from their layout: an item's fund printed in a column
of its own before its name, and an application turned down printed as an item with its
verdict after the dash (see :mod:`pipeline.facts.district_groups`). Pure."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.item_parts import set_amount, tidy
from pipeline.facts.lists import ListRow, Place
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "GAP_SUM",
    "MAX_ITEM_LINES",
    "UNIT",
    "described_item",
    "description_end",
    "turned_down",
    "untagged",
]

#: a name's description may run on for a few lines under it
_MAX_ITEM_LINES = 6

#: an item's fund in a column of its own before its name: "LUM    Tidig samverkan …"
_FUND_TAG = re.compile(r"^(?P<tag>LUM|MUST|MUL|FUM|FoU|FOU)\s{2,}(?=\S)")


def untagged(lines: Sequence[BodyLine]) -> tuple[list[BodyLine], dict[int, str]]:
    """The lines with each item's fund column taken off (the name then starts where it is
    printed, set in like the lines under it), and the fund of each line that had one."""
    out = list(lines)
    funds: dict[int, str] = {}
    for k, ln in enumerate(lines):
        text = ln.text.strip()
        m = _FUND_TAG.match(text)
        named = find_funds(m.group("tag")) if m else []
        if m is None or len(named) != 1:
            continue
        funds[k] = named[0][2]
        out[k] = dataclasses.replace(
            ln, text=text[m.end() :], indent=ln.indent + m.end(), heading=False, level=0
        )
    return out, funds


#: an application turned down among the grants: "Kvällsöppen mottagning – avslag. Ansökan …"
_VERDICT = re.compile(
    r"^(?P<name>\S.*?)\s+[–—-]\s*(?:avslag|avslås|avstyrks|beviljas\s+(?:inte|ej))\b"
    r"[.,:;]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
#: the sum the application asked for, in the prose under it ("Ansökan om 450 000 kronor …")
_APPLIED_BEFORE = re.compile(r"(?:ansokan om|ansokt|ansoker om|soker|sokt|sokte)\b[\w\s]{0,15}$")


def turned_down(lines: Sequence[BodyLine], j: int, places: Sequence[Place]) -> ListRow | None:
    """An application turned down, printed as an item of the group (module docstring): its
    name before the dash, the verdict after it (or opening the next line), and the sum it
    applied for in the prose that follows, up to a blank line."""
    text = lines[j].text.strip()
    last = j
    if re.search(r"\s[–—-]$", text) and j + 1 < len(lines):
        last = j + 1  # "Digitalt stöd i handläggningen –" ⏎ "avslag. Ansökan om …"
        text = f"{text} {lines[last].text.strip()}"
    m = _VERDICT.match(text)
    if m is None or len(m.group("name").split()) < 2 or find_amounts(m.group("name")):
        return None
    while (
        last + 1 < len(lines)
        and last + 1 - j < _MAX_ITEM_LINES
        and lines[last + 1].text.strip()
        and not lines[last + 1].heading
    ):
        last += 1
    said = " ".join(lines[k].text.strip() for k in range(j, last + 1))
    sums = [a for a in find_amounts(said) if a.per is None]
    asked = [a for a in sums if _APPLIED_BEFORE.search(fold(said[max(0, a.start - 40) : a.start]))]
    row = ListRow(
        tidy(m.group("name")), list(places), j, last, lines[j].page_no, said, form="intro_list"
    )
    if len(asked or sums) == 1:
        set_amount(row, (asked or sums)[0], lines, j, last)
    return row


#: "Basketläger för flickor 10–15 år        85 000 kr": a name, a column gap, its sum
GAP_SUM = re.compile(
    r"^(?P<name>\S.*?)(?:\s{2,}|\s*\.{3,}\s*)"  # a column gap or dot leaders
    r"(?P<sum>(?:ca\.?\s*)?\d[\d  .,]*\s*(?:kr|kronor|tkr|:-)?\.?)$"
)
#: a sum printed with its unit ("380 000 kr", "85 tkr")
UNIT = re.compile(r"\d\s*(?:kr|kronor|tkr|:-)\.?$", re.IGNORECASE)
#: a name's description may run on for a few lines before the sum that ends the item
MAX_ITEM_LINES = 6


def described_item(lines: Sequence[BodyLine], j: int) -> bool:
    """A grant printed as a name and its sum in a column at the right, with lines of prose
    under it that describe the project, up to a blank line::

        Barnsamtal i ekonomiskt bistånd                 240 000 kr
        Projektet prövar en modell för samtal med barn i familjer som …
        … i planeringen av insatser.
    """
    if j >= len(lines):
        return False
    gap = GAP_SUM.match(lines[j].text.strip())
    if lines[j].heading and gap is None:
        return False  # (a wrapped name read as a heading holds its sum: no heading)
    words = 0
    if gap is None and not find_amounts(lines[j].text) and j + 1 < len(lines):
        words = len(lines[j].text.split())
        j += 1  # a long name wraps: "… – en fördjupad" ⏎ "kartläggning      310 000 kr"
        gap = GAP_SUM.match(lines[j].text.strip())
    if gap is None or not UNIT.search(gap.group("sum")):
        return False
    if words + len(gap.group("name").split()) < 2:
        return False
    return description_end(lines, j + 1) is not None


def description_end(lines: Sequence[BodyLine], k: int) -> int | None:
    """The blank line (or the end) after the description that starts at line `k`: lines of
    prose without a sum and no heading, the last ending its sentence; None when there is
    none."""
    n = k
    while n < len(lines) and lines[n].text.strip():
        if lines[n].heading or find_amounts(lines[n].text) or n - k >= MAX_ITEM_LINES:
            return None
        n += 1
    if n == k or not lines[n - 1].text.rstrip().endswith("."):
        return None
    return n
