"""Money tables flattened one cell per line, joined back into rows.

A text layer (or OCR) may print a table one cell per line: "Stadsdel" / "Belopp" /
"Bromma" / "250 000" / …. :func:`unflatten` finds such a run under a header of money
columns and joins each row's cells onto the row's first line, so that the table readers of
:mod:`pipeline.facts.money_tables` see columns. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.grid_header import header_role

__all__ = ["unflatten"]


_MAX_FLAT_COLUMNS = 7  # a label, four years and a total
_MAX_LABEL_WORDS = 10
#: a flattened cell under a money column: a sum, a dash, or one word printed instead ("IOP")
_FLAT_VALUE = re.compile(
    r"^(?:[\dl][\dOol]{0,2}(?:[ \u00a0.][\dOo]{3})*(?:,\d+)?|[-–—]|[A-ZÅÄÖa-zåäö]{1,6})$"
)
#: a sum, OCR's O for 0 and l for 1 allowed ("25O 000", "l80 000")
_FLAT_NUMBER = re.compile(r"^(?=.*\d)[\dl][\dOol]{0,2}(?:[ \u00a0.][\dOo]{3})*(?:,\d+)?$")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1"})


def unflatten(lines: Sequence[str]) -> tuple[list[str], frozenset[int], frozenset[int]]:
    """A table a text export put one cell per line ("Förening" / "Ansökt" / "Förslag" /
    "Länkarna" / "160 000" / "150 000" …) joined back into rows, each on its first line;
    the other lines of a row are returned as consumed. A header is two to seven short lines
    without digits whose last ones name money columns; each row is a label and as many value
    cells (a sum, a dash, a short word such as "IOP" — read as an empty cell). Also returns
    the lines of the joined headers."""
    out = list(lines)
    consumed: set[int] = set()
    headers: set[int] = set()
    i = 0
    while i < len(lines):
        used, header = _flat_header(lines, i)
        m = len(header)
        if m < 2:
            i += 1
            continue
        j = i + used
        rows: list[int] = []
        while j + m <= len(lines):
            cells = [lines[k].strip() for k in range(j, j + m)]
            label, values = cells[0], cells[1:]
            if (
                not label
                or _FLAT_NUMBER.match(label)
                or len(label.split()) > _MAX_LABEL_WORDS
                or not all(_FLAT_VALUE.match(v) for v in values)
                or not any(_FLAT_NUMBER.match(v) for v in values)
            ):
                break
            rows.append(j)
            j += m
        if len(rows) < 2:
            i += 1
            continue
        out[i] = "  ".join(header)
        consumed.update(range(i + 1, i + used))
        headers.add(i)
        for r in rows:
            cells = [lines[k].strip() for k in range(r, r + m)]
            values = [v.translate(_OCR_DIGITS) if _FLAT_NUMBER.match(v) else "–" for v in cells[1:]]
            out[r] = "  ".join([cells[0], *values])
            consumed.update(range(r + 1, r + m))
        i = j
    return out, frozenset(consumed), frozenset(headers)


#: a header cell over money: "Ansökt", "Förslag", "Budget 2015", "Budgetjustering", "2019"
_MONEY_HEADER = re.compile(
    r"budget|belopp|kostnad|justering|utfall|anslag|\bram\b|tkr|mnkr|\bkr\b|kronor|summa|"
    r"bidrag|bevilja|sökt|ansökt|förslag|medel|^\s*(?:19|20)\d\d\s*$",
    re.IGNORECASE,
)


def _flat_header(lines: Sequence[str], i: int) -> tuple[int, list[str]]:
    """The header of a flattened table from line `i` on: (lines used, header cells); a cell
    wrapped at a hyphen ("Budget-" / "justering") is one cell. (0, []) when there is none."""
    cells: list[str] = []
    used = 0
    k = i
    while k < min(len(lines), i + _MAX_FLAT_COLUMNS + 3):
        t = lines[k].strip()
        if not t and cells and k + 1 < len(lines) and lines[k + 1].strip():
            k += 1  # the line a hyphenated cell was joined from ("Budget-" / "justering")
            continue
        digits = re.sub(r"\b(?:19|20)\d\d\b", "", t)  # a year is a column's name
        if (
            not t
            or len(t.split()) > 4
            or any(c.isdigit() for c in digits)
            or t.endswith((".", ":"))
        ):
            break
        if cells and cells[-1].endswith("-") and t[:1].islower():
            cells[-1] = cells[-1][:-1] + t  # "Budget-" / "justering"
        else:
            cells.append(t)
        k += 1
        used = k - i
    while cells and not _money_header(cells[-1]):
        cells.pop()
    money = 0
    for c in reversed(cells):
        if _money_header(c):
            money += 1
        else:
            break
    if not money or len(cells) <= money or len(cells) > _MAX_FLAT_COLUMNS:
        return 0, []
    # the lines of the cells kept (a dropped trailing cell is no header)
    kept, joined = 0, 0
    for k in range(i, i + used):
        if joined == len(cells):
            break
        kept += 1
        if lines[k].strip() and not lines[k].strip().endswith("-"):
            joined += 1
    return kept, cells


def _money_header(cell: str) -> bool:
    return header_role(cell) in ("cost", "applied", "spent") or bool(_MONEY_HEADER.search(cell))
