"""Spreadsheets printed as they are: column letters over the sheet, row numbers in a gutter.

How the documents print them
----------------------------

An appendix printed straight from Excel with "print headings" on carries the sheet's column
letters over its first row and each row's number in a gutter on the left; a sheet too wide for
its paper goes on over the next page with the remaining columns, tied to the first page's rows
only by their numbers::

           A                        B                      C
       1   Studier 2012
       3   Studie                   Utförare               2012 (kr)
       4   Skolresultat och         Stockholms                450000
           föräldrasamverkan        universitet
    (next page)
           D             E
       3   2013 (kr)     Totalt (kr)
       4      350000          800000

The letters and the row numbers are no cells. The letters' line is blanked and each row's
number goes (its text keeps its column: the indent grows by the gutter). The columns printed on
a later page whose letters go on from the last page's ("D" after "C") are set beside the rows of
the same numbers, after the widest line of the first part, so that a row reads as one line of
the table. Their own lines are blanked. The lines keep their place and page. Pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine

__all__ = ["unprint_sheets"]

#: the column letters over a sheet: "A      B      C      D"
_LETTERS = re.compile(r"^[A-Z](?:\s{2,}[A-Z])+$")
#: a row's number in the gutter, then its cells (or nothing, an empty row)
_ROW = re.compile(r"^(?P<no>\d{1,3})(?:\s{2,}(?P<cells>\S.*))?$")
_MIN_ROWS = 3
_GAP = 4  # spaces between the first part's widest line and the columns set beside it


@dataclasses.dataclass
class _Sheet:
    letters: list[str]
    rows: dict[int, int]  # row number: the line of its first cells
    lines: list[int]  # every line of the sheet part (letters line first)


def unprint_sheets(lines: Sequence[BodyLine]) -> list[BodyLine]:
    """`lines` with the print headings of every printed sheet removed (module docstring)."""
    out = list(lines)
    sheets: list[_Sheet] = []
    for i, ln in enumerate(out):
        letters = ln.text.split() if _LETTERS.match(ln.text) else None
        if letters is None or not _consecutive(letters):
            continue
        sheet = _read_part(out, i, letters)
        if sheet is not None:
            sheets.append(sheet)
    done: set[int] = set()
    for k, sheet in enumerate(sheets):
        if k in done:
            continue
        for m in range(k + 1, len(sheets)):
            nxt = sheets[m]
            if (
                ord(nxt.letters[0]) == ord(sheets[k].letters[-1]) + 1
                and nxt.rows.keys() & sheet.rows.keys()
            ):
                _set_beside(out, sheet, nxt)
                done.add(m)
                sheet.letters += nxt.letters
        _strip_gutter(out, sheet)
    return out


def _consecutive(letters: list[str]) -> bool:
    return all(ord(b) == ord(a) + 1 for a, b in zip(letters, letters[1:], strict=False))


def _read_part(lines: Sequence[BodyLine], i: int, letters: list[str]) -> _Sheet | None:
    """The sheet part under the letters' line `i`: numbered rows in rising order and the
    lines that wrap their cells, up to the first line that is neither, on the same page."""
    rows: dict[int, int] = {}
    part = [i]
    last = 0
    gutter: int | None = None
    for k in range(i + 1, len(lines)):
        ln = lines[k]
        if ln.page_no != lines[i].page_no or ln.heading:
            break
        if not ln.text:
            part.append(k)
            continue
        m = _ROW.match(ln.text)
        if (
            m is not None
            and int(m.group("no")) > last
            and (gutter is None or ln.indent <= gutter + 2)
        ):
            last = int(m.group("no"))
            gutter = ln.indent if gutter is None else gutter
            rows[last] = k
            part.append(k)
        elif gutter is not None and ln.indent > gutter + len(str(last)):
            part.append(k)  # a cell wrapped under its row
        else:
            break
    while part and not lines[part[-1]].text:
        part.pop()
    return _Sheet(letters, rows, part) if len(rows) >= _MIN_ROWS else None


def _cells_at(ln: BodyLine) -> tuple[int, str] | None:
    """The column where a row's cells start and their text (without the row number)."""
    m = _ROW.match(ln.text)
    if m is None:
        return None
    if m.group("cells") is None:
        return None
    return ln.indent + m.start("cells"), m.group("cells")


def _set_beside(out: list[BodyLine], first: _Sheet, later: _Sheet) -> None:
    """The later part's cells of each row set after the first part's widest line."""
    width = max(out[k].indent + len(out[k].text) for k in first.lines)
    cells = {no: _cells_at(out[k]) for no, k in later.rows.items()}
    starts = [c[0] for c in cells.values() if c is not None]
    if not starts:
        return
    base = min(starts)
    for no, got in cells.items():
        if got is None or no not in first.rows:
            continue
        k = first.rows[no]
        ln = out[k]
        pad = width + _GAP + got[0] - base - (ln.indent + len(ln.text))
        out[k] = dataclasses.replace(ln, text=f"{ln.text}{' ' * pad}{got[1]}")
    for k in later.lines:
        out[k] = dataclasses.replace(out[k], text="")


def _strip_gutter(out: list[BodyLine], sheet: _Sheet) -> None:
    out[sheet.lines[0]] = dataclasses.replace(out[sheet.lines[0]], text="")
    for k in sheet.rows.values():
        ln = out[k]
        got = _cells_at(ln)
        if got is None:
            out[k] = dataclasses.replace(ln, text="")
        else:
            out[k] = dataclasses.replace(ln, text=got[1], indent=got[0])
