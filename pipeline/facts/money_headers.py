"""A money table's cells and the header lines set over or under its header line: a sum in
a cell ("1 200 000", "ca 350", "−1,2"), and the words of a header that wraps onto the line
under it or stands over its money columns on the line above."""

from __future__ import annotations

import re

from pipeline.facts.money_roles import YEAR_CELL

__all__ = ["DASH_CELL", "MONEY_CELL", "stacked_header", "wrapped_header"]

MONEY_CELL = re.compile(
    r"^(?P<approx>(?:ca|c:a|cirka|drygt|knappt|omkring|ungefär)\.?\s+)?"
    r"(?P<neg>[−-](?=\d))?"  # a deficit: "−1,2" (a lone dash is an empty cell)
    r"(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(?P<dec>\d{1,3}))?"
    r"(?:\s*(?:kr|kronor|sek|:-))?\.?$",
    re.IGNORECASE,
)
DASH_CELL = re.compile(r"^[-–—]$")


def wrapped_header(header: str, below: str) -> list[str] | None:
    """The header's cells with the words of the line under it added to the cells they stand
    under, when that line is the header wrapped (words only, each under a header cell)."""
    tail = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", below)]
    years = bool(tail) and all(YEAR_CELL.match(t) for _s, t in tail)
    if not tail or (not years and any(MONEY_CELL.match(t) or DASH_CELL.match(t) for _s, t in tail)):
        return None
    heads = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", header)]
    if len(tail) >= len(heads) or not below.startswith(" "):
        return None  # a row label opens at the margin: a row, not the header's second line
    cells = [t for _s, t in heads]
    for start, text in tail:
        at = min(range(len(heads)), key=lambda x: abs(heads[x][0] - start))
        if abs(heads[at][0] - start) > 4:
            return None
        cells[at] = f"{cells[at]} {text}"
    return cells


def stacked_header(above: str, header: str) -> list[str] | None:
    """The header's cells with the words set over them on the line above added in front,
    when that line holds only words, each over a money cell of the header."""
    heads = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", header)]
    tops = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", above)]
    if len(tops) < 2 or not above.startswith(" ") or any(MONEY_CELL.match(t) for _s, t in tops):
        return None
    cells = [t for _s, t in heads]
    for start, text in tops:
        at = min(range(len(heads)), key=lambda x: abs(heads[x][0] - start))
        if at == 0 or abs(heads[at][0] - start) > 4:
            return None
        cells[at] = f"{text} {cells[at]}"
    return cells
