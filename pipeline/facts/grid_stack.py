"""A table header whose later columns are named in a stack under it, one label to a line.

How the documents print them
----------------------------

A table whose narrow columns carry rotated labels (a spreadsheet's "Kriterium 1" … set on
end over columns of crosses) comes out of text extraction as the header's upright cells on
one line and the rotated labels under it, each on a line of its own at one column::

    Nr  Förvaltning        Projekt
                                                   Kriterium 1
                                                   Kriterium 2
                                                   Sökt, kr
                                                   Förslag, kr

    1   Rinkeby-Kista      Mentorskap för unga          x  x   450 000   400 000

The stacked labels name, in order, the cells the rows print right of the header's own
columns: the first row's last cells give each label its column. Also the lines set over a
header (`set_over`), and "Enhet/projekt" over units' labels whose projects' rows stand flush
under them: a column of projects (`units_over_projects`). And labels turned on end over the
header, one letter to a line (`rotated_above`): "2006 tkr" read down its column. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_columns import MONEY_IN_CELL, GridCell, GridColumn
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = [
    "stacked_above",
    "under",
    "money_heads_above",
    "rotated_above",
    "set_over",
    "stacked_below",
    "units_over_projects",
]

_GAP = re.compile(r"\s{2,}")
_MIN_LABELS = 2
_MAX_LABELS = 10
_SLACK = 1


def stacked_below(
    lines: Sequence[BodyLine], i: int, head: list[GridCell], split: Callable[[str], list[GridCell]]
) -> tuple[list[GridCell], int]:
    """`head` with the stacked labels under header line `i` as cells at their rows' columns,
    and the number of lines the stack takes (0 when there is none)."""
    if len(head) < 2:
        return head, 0
    right = max(c.end for c in head)
    labels: list[str] = []
    column: int | None = None
    k = i + 1
    while k < len(lines) and len(labels) < _MAX_LABELS:
        ln = lines[k]
        text = ln.text.strip()
        if not text or ln.heading or _GAP.search(text) or ln.indent <= right:
            break
        if column is not None and abs(ln.indent - column) > _SLACK:
            break
        column = ln.indent if column is None else column
        labels.append(text)
        k += 1
    if len(labels) < _MIN_LABELS:
        return head, 0
    stack_end = k
    while k < len(lines) and not lines[k].text.strip() and k - stack_end < 2:
        k += 1
    if k >= len(lines):
        return head, 0
    row = split(" " * lines[k].indent + lines[k].text)
    if len(row) < len(head) + len(labels):
        return head, 0
    tail = row[-len(labels) :]
    if tail[0].start <= head[-1].start:
        return head, 0
    stacked = [GridCell(c.start, c.start + len(t), t) for c, t in zip(tail, labels, strict=True)]
    return [*head, *stacked], stack_end - i - 1


def units_over_projects(lines: Sequence[BodyLine], i: int, columns: list[GridColumn]) -> None:
    """ "Enhet/projekt" over units' labels whose projects' rows are set flush under them, not
    indented: the column names the projects (the labels are group rows)."""
    first = columns[0]
    if first.role != "district" or not _UNIT_PROJECT.fullmatch(fold(first.header).strip()):
        return
    below = [ln for ln in lines[i + 1 : i + 12] if ln.text.strip() and not ln.heading]
    sums = [ln for ln in below if MONEY_IN_CELL.search(ln.text) or _LAST_NUMBER.search(ln.text)]
    if sums and all(ln.indent <= first.start + 1 for ln in sums):
        first.role = "name"


#: a row's last cell a number ("Tidiga samtal  Socialnämnden   420   250")
_LAST_NUMBER = re.compile(r"\s{2,}\d{1,3}(?:[ \u00a0]\d{3})*\s*$")
_UNIT_PROJECT = re.compile(r"(?:enhet|avdelning|verksamhet)\s*/\s*(?:projekt|studie|insats)")


def set_over(lines: Sequence[BodyLine], i: int) -> list[str]:
    """The (at most two) lines of words set right over the header, no blank line between."""
    out: list[str] = []
    for k in range(i - 1, max(-1, i - 3), -1):
        if not lines[k].text.strip() or lines[k].text.rstrip().endswith("."):
            break
        out.insert(0, " " * lines[k].indent + lines[k].text)
    return out


_LETTERS = re.compile(r"(?:\s*\S(?=\s|$))+\s*")
_MIN_ROTATED = 3


def rotated_above(lines: Sequence[BodyLine], i: int, head: list[GridCell]) -> list[GridCell]:
    """The labels set on end over header line `i`, right of its cells: lines above it that
    hold single characters at fixed columns (a blank line is a space between words), each
    column read top-down ("2" "0" "0" "6" "" "t" "k" "r" is "2006 tkr")."""
    block: list[str] = []
    k = i - 1
    while k >= 0:
        text = " " * lines[k].indent + lines[k].text
        if text.strip() and not (_LETTERS.fullmatch(text) and max(map(len, text.split())) == 1):
            break
        if not text.strip() and (not block or not block[0].strip()):
            break  # (two blank lines: the stack has ended)
        block.insert(0, text)
        k -= 1
    if sum(1 for t in block if t.strip()) < _MIN_ROTATED:
        return []
    right = max((c.end for c in head), default=0)
    starts = sorted({j for t in block for j, ch in enumerate(t) if ch.strip() and j > right})
    out: list[GridCell] = []
    for j in starts:
        word = "".join(t[j] if j < len(t) and t[j].strip() else " " for t in block)
        label = " ".join(word.split())
        # a column reaches back to the one before it (its numbers are set flush right)
        start = out[-1].end + 1 if out else max(right + 1, j - _FIRST_REACH)
        out.append(GridCell(start, j + 1, label))
    return out


_FIRST_REACH = 4


def money_heads_above(
    lines: Sequence[BodyLine], i: int, cells: list[GridCell], split: Callable[[str], list[GridCell]]
) -> list[GridCell]:
    """A header whose own line names only the label columns ("Utvärdering   Anbudsgivare")
    under the money columns' names set on the one or two lines above it, right of the labels
    ("Pris" over "exkl. moms   Moms 25 %   inkl. moms"): the label cells, then one cell per
    column of the line right above, the words over it joined in front."""
    if not cells or i < 1 or not lines[i - 1].text.strip():
        return cells
    right = cells[-1].end + 2
    stack: list[list[GridCell]] = []
    for k in range(i - 1, max(-1, i - 3), -1):
        if not lines[k].text.strip() or lines[k].heading:
            break
        got = split(" " * lines[k].indent + lines[k].text)
        if not got or any(c.start < right or not re.search(r"[^\W\d]{3}", c.text) for c in got):
            break  # (not letters set on end, one to a line: `rotated_above`)
        stack.insert(0, got)
    if not stack or len(stack[-1]) < 2:
        return cells
    out = list(stack[-1])
    for row in stack[:-1]:
        for t in row:
            for k, c in enumerate(out):
                if t.start <= c.end + _SLACK and c.start <= t.end + _SLACK:
                    out[k] = GridCell(c.start, c.end, f"{t.text.strip()} {c.text.strip()}")
    return [*cells, *out]


#: a column named by its year or as the row's sum
_YEAR_OR_SUM = re.compile(rf"^(?:{YEAR}|summa|totalt?|sammanlagt)\b")


def under(cell: GridCell, head: GridCell) -> bool:
    """Does a cell sit under a header cell (left-aligned, right-aligned or centred)?"""
    return cell.start < head.end + 2 and cell.end > head.start - 2


def stacked_above(
    lines: Sequence[BodyLine],
    i: int,
    cells: list[GridCell],
    split_cells: Callable[[str], list[GridCell]],
) -> list[GridCell]:
    """The header's cells with the words set over its money columns on the line above
    ("Beviljat   Intäkt" over "Projekt   Finansiär   totalt   2004"): one header over two
    lines whose first names only some columns."""
    if i == 0 or not lines[i - 1].text.strip() or not cells:
        return cells
    above = lines[i - 1]
    tops = split_cells(" " * above.indent + above.text)
    # (words set in over columns, taken for a heading; "Beräknad" alone over "besparing")
    lone = len(tops) == 1 and tops[0].start >= cells[-1].start - 2 and cells[-1].text[:1].islower()
    if above.heading and "  " not in above.text.strip() and not lone:
        return cells
    if (
        (len(tops) < 2 and not lone)
        or above.indent <= cells[0].start + 2
        or any(ch.isdigit() for t in tops for ch in t.text)
        or any(len(t.text.split()) > 2 for t in tops)
    ):
        return cells
    out = list(cells)
    for t in tops:
        at = [k for k, c in enumerate(out) if abs(c.start - t.start) <= 2 or under(t, c)]
        at = [k for k in at if abs(out[k].start - t.start) <= 2] or at if lone else at
        # ("Antal" over "delt." at the end of a long name's column: the one its letters are over)
        at = [k for k in at if min(t.end, out[k].end) > max(t.start, out[k].start)] or at
        if not at and t.start > out[-1].end + 1 and t.text[:1].isupper():
            out.append(GridCell(t.start, t.end, t.text.strip()))  # a last column named above only
            continue
        if not at or 0 in at or (len(at) > 1 and t.text.rstrip().endswith("-")):
            return cells
        if len(at) > 1 and any(_YEAR_OR_SUM.match(fold(out[k].text.strip())) for k in at):
            # "Kostnad (tkr)" over "2014   2015   Summa": the year columns' group, read by
            # `units_above` and `sought_groups`
            continue
        # ("Del-" over "tagare": one word broken over the two lines; "Belopp (kr)" set over
        # "sökt" and "förslag": a group's label over each of its columns)
        for k in at:
            c = out[k]
            out[k] = GridCell(c.start, c.end, dehyphen_join([t.text.strip(), c.text.strip()]))
    return out
