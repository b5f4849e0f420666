"""The cells of a table row under its header's columns: a cell that runs on into the next
column with a single space between the two texts is split where that column starts, and a
sum run into the text before it (OCR closes gaps) is moved into the money column. Pure.
"""

from __future__ import annotations

import re

from pipeline.facts.grid_header import GridCell, GridColumn, split_cells

__all__ = ["split_row_cells"]


#: a sum alone, "kr" before it as typed-era documents print it, OCR's O for a zero
_SUM_ONLY = re.compile(
    r"^(?:kr\.?\s*)?(?=\d)[\dO]{1,3}(?:[ .][\dO]{3})*(?:,\d+)?\s*(?:kr|kronor)?\s*$"
)
#: how far left of a money column a sum run into the cell before may start (OCR closes gaps)
_SUM_REACH = 10


def split_row_cells(line: str, columns: list[GridColumn]) -> list[GridCell]:
    """The cells of a table row (`split_cells`), with a cell that runs on into the next
    column with a single space between the two texts (a narrow column: "Socialförvaltningen
    Institutionen för", a sum one space after a district) split where that column starts."""
    out: list[GridCell] = []
    for c in split_cells(line):
        cut = None
        for col in columns:
            if c.start + 3 < col.start < c.end - 2:
                rel = col.start - c.start
                # the space nearest the column's start, within two characters
                spaces = [
                    k
                    for k in range(max(1, rel - 2), min(len(c.text) - 1, rel + 2))
                    if c.text[k] == " " and c.text[k + 1].isupper()  # a cell starts capitalised
                ]
                if not spaces and col.role in ("cost", "applied", "spent"):
                    # "Södermalm 300 000": a sum under a money column, one space
                    # after the text of the column before (numbers sit a little left or right)
                    spaces = [
                        k
                        for k in range(max(1, rel - _SUM_REACH), min(len(c.text) - 1, rel + 6))
                        if c.text[k] == " "
                        and c.text[k - 1].isalpha()
                        and _SUM_ONLY.match(c.text[k + 1 :])
                    ][:1]
                if spaces:
                    cut = min(spaces, key=lambda k: abs(k - rel))
                    break
        if cut is None:
            out.append(c)
            continue
        out.append(GridCell(c.start, c.start + cut, c.text[:cut]))
        rest = c.text[cut + 1 :]
        out.append(GridCell(c.start + cut + 1, c.end, rest))
    return _sum_run_in(out, columns)


def _sum_run_in(cells: list[GridCell], columns: list[GridColumn]) -> list[GridCell]:
    """A row with nothing under its money column whose last cell ends in a sum one space
    after its text ("Samordnad hemtjänst för äldre kr 9O.000": OCR closed the gap, and the
    sum stands left of its column): the sum is split off into the money column."""
    money = next((col for col in columns if col.role == "cost"), None)
    if money is None or not cells or cells[-1].start >= money.start - 2:
        return cells
    last = cells[-1]
    # (a cell that runs into the money column, "Läxhjälp i Råcksta, vårterminen 50 000":
    # its sum stands in that column, one space after the text)
    across = last.end >= money.start - 2
    # the leftmost space after which all is the sum ("kr 9O.000", not "9O.000")
    k = next(
        (
            i
            for i, ch in enumerate(last.text)
            if ch == " " and i > 0 and _SUM_ONLY.match(last.text[i + 1 :])
        ),
        -1,
    )
    if k <= 0 or not last.text[:k].rstrip()[-1:].isalpha():
        return cells
    if across and last.start + k + 1 < money.start - 2:
        return cells  # the number stands in the text's own column
    sum_text = last.text[k + 1 :]
    return [
        *cells[:-1],
        GridCell(last.start, last.start + k, last.text[:k]),
        GridCell(money.start, money.start + len(sum_text), sum_text),
    ]
