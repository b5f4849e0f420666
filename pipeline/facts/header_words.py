"""How a grid's lines part into cells, and a header's words beyond the two-space rule. Pure.

Typed tables often set their column labels one space apart over right-aligned numbers::

    Rad Stadsdelsnämnd  Projekt            Beviljat Förbrukat Överförs Återbe-  Status
    1   Enskede-Årsta   Tidiga insatser      240,0     240,0      -        -    Avslutat

The four labels are one run of text, but each stands over a column of its own in the rows
below: they are four cells. A unit after a label ("Sökt kr") and a criterion's code ("K1 K2
K3") are no words of a sentence when a header's words are counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_columns import GridCell
from pipeline.lang.numbers import YEAR

__all__ = ["header_word_count", "split_cells", "split_header_cells", "split_over_columns"]

_GAP = re.compile(r"\s*\|\s*|\s{2,}")

#: no word of a header's: a column's unit ("Sökt kr") or a criterion's code ("K1 K2 K3")
_NO_WORD = re.compile(r"\(?(?:kr|tkr|kronor|mkr|mnkr|sek)\)?|[A-Z]\d{1,2}")
_WORD = re.compile(r"\S+")
_ROWS_LOOKED_AT = 12
_ROWS_AGREEING = 2


def split_cells(line: str) -> list[GridCell]:
    """The cells of a line laid out in columns: text runs separated by two or more spaces
    or by ``|``; offsets include the indentation."""
    cells: list[GridCell] = []
    pos = 0
    for m in _GAP.finditer(line):
        if m.start() > pos:
            cells.append(GridCell(pos, m.start(), line[pos : m.start()]))
        pos = m.end()
    if pos < len(line.rstrip()):
        end = len(line.rstrip())
        cells.append(GridCell(pos, end, line[pos:end]))
    return [c for c in cells if c.text.strip(" |")]


#: a year and the next header word run together: OCR (and narrow columns) close the gap between
#: a year's money column and the column beside it ("2017 Totalt", "2016 2017"), or read the
#: gap as a speck ("2014 = Totalt")
_YEAR_THEN_COLUMN = re.compile(rf"(?<=\b{YEAR}) (?:[=|:;~_»«-]+ )?(?=(?:{YEAR}\b|[A-ZÅÄÖ]))")


_SPECK_GAP = re.compile(r"(?<=\w) [=~»«]+ (?=\w)")


def split_header_cells(line: str) -> list[GridCell]:
    """A header line's cells: as `split_cells`, with a year followed by another column's name
    (a capitalised word or a year) after one space split off as its own cell. A year after
    its label ("Beviljat 2016") and a unit after a year ("2016 (tkr)") stay one cell."""
    out: list[GridCell] = []
    # a speck where the gap was ("Beviljat 2013 = Förbrukat") parts two columns
    line = _SPECK_GAP.sub(lambda m: " " * len(m.group(0)), line)
    for c in split_cells(line):
        pos = c.start
        for m in _YEAR_THEN_COLUMN.finditer(c.text):
            head = c.text[: m.start()].split()
            if len(head) != 1:  # only a cell that starts with the year ("2017 Totalt")
                break
            out.append(GridCell(pos, c.start + m.start(), line[pos : c.start + m.start()]))
            pos = c.start + m.end()
        out.append(GridCell(pos, c.end, line[pos : c.end]))
    return out


def header_word_count(text: str) -> int:
    """The words of a header line, its units, codes and rules ("|", "/") left out."""
    return len([w for w in text.split() if w.strip("|/") and not _NO_WORD.fullmatch(w)])


def split_over_columns(lines: Sequence[BodyLine], i: int, cells: list[GridCell]) -> list[GridCell]:
    """Header line `i`'s cells, a cell of capitalised words set one space apart split into
    one cell per word where, in at least two rows below, each word stands over a cell of its
    own."""
    rows: list[list[GridCell]] = []
    for ln in lines[i + 1 : i + 1 + _ROWS_LOOKED_AT]:
        found = split_cells(" " * ln.indent + ln.text)
        rows += [found] if len(found) >= 3 else []
    out: list[GridCell] = []
    for c in cells:
        words = [
            GridCell(c.start + m.start(), c.start + m.end(), m.group())
            for m in _WORD.finditer(c.text)
        ]
        capitals = all(w.text[:1].isupper() for w in words)
        if 2 <= len(words) <= 6 and capitals and _each_over_own(words, rows):
            out += words
        else:
            out.append(c)
    return out


def _each_over_own(words: list[GridCell], rows: list[list[GridCell]]) -> bool:
    agreeing = 0
    for row in rows:
        owners = []
        for w in words:
            under = [k for k, d in enumerate(row) if d.start < w.end and w.start < d.end]
            if len(under) != 1:
                break
            owners.append(under[0])
        else:
            agreeing += len(set(owners)) == len(words)
    return agreeing >= _ROWS_AGREEING
