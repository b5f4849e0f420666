"""A money table's cells and the header lines set over or under its header line: a sum in
a cell ("1 200 000", "ca 350", "−1,2"), and the words of a header that wraps onto the line
under it or stands over its money columns on the line above."""

from __future__ import annotations

import re

from pipeline.facts.money_roles import YEAR_CELL

__all__ = [
    "DASH_CELL",
    "MONEY_CELL",
    "cells",
    "column_units",
    "money_cells",
    "stacked_header",
    "wrapped_header",
]

_CELL_SPLIT = re.compile(r"\s{2,}|\s*\|\s*")

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


#: a column's unit printed under its header: of money ("tkr", "(kr)") or of a count ("antal")
_UNIT_CELL = re.compile(
    r"\(?\s*(?P<u>tkr|ksek|tusentals?\s+kronor|mkr|mnkr|msek|kr|kronor|sek|antal|st\.?|"
    r"personer|tillfällen|timmar|procent|%)\s*\)?",
    re.IGNORECASE,
)


def column_units(line: str) -> list[int] | None:
    """The unit each money column's header gives on the line under it ("Tilldelat
    Förbrukat  Aktiviteter" over "tkr   tkr   antal"): a sum's multiplier, or 0 for a column
    of counts; None when the line holds anything but units."""
    cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
    found = [_UNIT_CELL.fullmatch(c) for c in cells]
    if not cells or not all(found):
        return None
    out: list[int] = []
    for m in found:
        u = m.group("u").lower() if m else ""
        if u in ("tkr", "ksek") or u.startswith("tusen"):
            out.append(1000)
        elif u in ("mkr", "mnkr", "msek"):
            out.append(1_000_000)
        else:
            out.append(1 if u in ("kr", "kronor", "sek") else 0)
    return out


def cells(line: str) -> list[str]:
    """A table line's cells, set apart by runs of spaces or rules (a sum run into its
    label by OCR split off)."""
    cells = [c for c in _CELL_SPLIT.split(line.strip()) if c]
    out: list[str] = []
    for c in cells:
        run_in = _RUN_IN_SUM.match(c) if out else None
        if run_in is not None and not _QUALIFIER_END.search(run_in.group(1)):
            # "Socialstyrelsen 1 150 000": the gap before a sum closed to one space
            out += [run_in.group(1), run_in.group(2)]
        else:
            out.append(c)
    return out


#: a sum's own qualifier before it ("ca 110 000"): no label
_QUALIFIER_END = re.compile(
    r"(?:^|\s)(?:ca\.?|cirka|drygt|knappt|omkring|ungefär|närmare|högst|minst)$", re.IGNORECASE
)
#: a label cell with a sum run into its end ("Socialstyrelsen 1 150 000")
_RUN_IN_SUM = re.compile(r"^(.*[^\W\d_]\w*)\s((?:−|-)?\d{1,3}(?:[ \u00a0]\d{3})+)$")


def money_cells(cells: list[str]) -> int:
    """How many cells at the end of a row are money (a number or a dash)."""
    n = 0
    for c in reversed(cells):
        m = MONEY_CELL.match(c)
        if DASH_CELL.match(c) or (m and not YEAR_CELL.match(c)):
            n += 1
        else:
            break
    return n
