"""Rows whose sum stands on their last line: cells that wrap upwards.

How the documents print them
----------------------------

Most tables print a row's sum on its first line and wrap its long cells onto the lines
below. Some word processors align a row's cells at the bottom instead: the first part of a
long name stands on the line above the one that carries the sum::

    Insats                          Organisation              Kronor
    Språkcafé för nyanlända         Svenska kyrkan i Husby     380 000
    Samhällsguider på arabiska,
    dari och tigrinja               Kulturbryggan Järva        520 000
    Läxhjälp för unga i             Studieförbundet
    anläggningsboende               Nordljus                   445 000

Read top-down, "Samhällsguider på arabiska," would go on the row above and "dari och
tigrinja" would open a row in lower case. A table reads bottom-up when every line that
would go on a row above starts in upper case, and the line with a sum under it starts in
lower case, at least once and never the other way round. Then those lines open the row
below. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_bands import status_bands
from pipeline.facts.grid_cells import split_row_cells
from pipeline.facts.grid_header import MONEY_ROLES, GridCell, GridColumn, assign_columns
from pipeline.facts.grid_lines import PERFORMER_GROUP
from pipeline.facts.grid_model import GridRow, GridTable, read_number
from pipeline.lang.amounts import find_amounts

__all__ = [
    "bottom_aligned_rows",
    "goes_on",
    "open_period",
    "lift_wrapped_heads",
    "lone_sums",
    "starts_row",
    "sum_opens_below",
    "tidy_rows",
]


def lone_sums(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """A table with no money column whose rows each end in a sum on a line of its own, set
    under the last column ("Sökande | Resmål och syfte | Delt." over "… 24 000 kronor"):
    each row's sum. Only sums printed with their unit count."""
    if any(c.role in ("cost", "applied") for c in table.columns):
        return
    for row in table.rows:
        if row.amount is not None:
            continue
        for k in range(row.last_line, row.first_line, -1):
            found = find_amounts(lines[k].text)
            text = lines[k].text.strip()
            if len(found) == 1 and found[0].unit_explicit and found[0].raw.strip() == text:
                row.amount, row.amount_raw, row.amount_line = found[0].sek, found[0].raw, k
                row.amount_approx = found[0].approximate
                for cells in row.cells.values():
                    if text in cells:
                        cells.remove(text)
                break


def lift_wrapped_heads(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """Move the lines that open a bottom-aligned row from the row above into it (see the
    module's docstring); a table that reads top-down is left as it is."""
    rows = table.rows
    pairs = list(zip(rows, rows[1:], strict=False))
    moves = 0
    for above, row in pairs:
        tail = [
            k for k in range(above.first_line + 1, above.last_line + 1) if lines[k].text.strip()
        ]
        opens_low = _first_letter(lines[row.first_line].text).islower()
        if not tail:
            if opens_low:
                return  # a lower-case row start with nothing above to join: not this layout
            continue
        if not all(_first_letter(lines[k].text).isupper() for k in tail):
            return  # a wrapped cell in lower case under its row: the table reads top-down
        if not opens_low or not _sum_above(above, tail[0]) or row.amount_line != row.first_line:
            return
        moves += 1
    if not moves:
        return
    tails = [
        [k for k in range(above.first_line + 1, above.last_line + 1) if lines[k].text.strip()]
        for above, _row in pairs
    ]
    for (above, row), tail in zip(pairs, tails, strict=True):
        if not tail:
            continue
        lifted = _cells(lines, tail, table.columns)
        for role, texts in lifted.items():
            kept = above.cells.get(role, [])
            if kept[len(kept) - len(texts) :] == texts:
                above.cells[role] = kept[: len(kept) - len(texts)]
        above.last_line = tail[0] - 1
        above.evidence = " ".join(
            lines[k].text.strip() for k in range(above.first_line, above.last_line + 1)
        ).strip()
        for role, texts in row.cells.items():
            lifted.setdefault(role, []).extend(texts)
        row.cells = lifted
        row.evidence = " ".join(lines[k].text.strip() for k in tail) + " " + row.evidence
        row.first_line = tail[0]
        row.page_no = lines[tail[0]].page_no


def _first_letter(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")


def _sum_above(row: GridRow, line: int) -> bool:
    """The row's sum stands above `line` (the lines from `line` on carry none)."""
    return row.amount_line is not None and row.amount_line < line


def _cells(
    lines: Sequence[BodyLine], ks: Sequence[int], columns: list[GridColumn]
) -> dict[str, list[str]]:
    """The text cells of lines `ks`, by column role."""
    out: dict[str, list[str]] = {}
    for k in ks:
        text = " " * lines[k].indent + lines[k].text
        cells = split_row_cells(text, columns)
        for c, col in zip(cells, assign_columns(columns, cells), strict=True):
            t = c.text.strip(" |")
            if t and t not in ("-", "–", "—"):
                out.setdefault(col.role, []).append(t)
    return out


def sum_opens_below(
    lines: Sequence[BodyLine],
    j: int,
    columns: list[GridColumn],
    cells: list[GridCell],
    money: GridColumn,
) -> bool:
    """Line `j` fills the first column and another in capitals, without a sum, and the next
    line carries a sum with its first column empty: the row's cells wrap down to its sum."""
    lead = cells[0].text.strip(" |")[:1] if cells else ""
    if not cells or cells[0].start > columns[0].start + 1 or not lead.isupper():
        return False
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    if nxt is None or not nxt.text.strip():
        return False
    below = split_row_cells(" " * nxt.indent + nxt.text, columns)
    if not below:
        return False
    roles = assign_columns(columns, below)
    # the line below goes on with this one: its first column is empty, or its first or name
    # cell starts in lower case ("Kanotklubb  vid Mälaren  45 000")
    goes_on = below[0].start > columns[0].start + 1 or any(
        c.text.strip(" |")[:1].islower()
        for c, col in zip(below, roles, strict=True)
        if col.role == "name" or c is below[0]
    )
    return goes_on and any(
        col is money and read_number(c.text, money.multiplier) is not None
        for c, col in zip(below, roles, strict=True)
    )


#: a word no name ends on: the name goes on on the next line
_OPEN_WORD = re.compile(r"\s(?:av|för|i|och|med|till|om|på|mot|vid|inom|samt|som|hos|från)$")


_NUMBER_CELL = re.compile(r"[+−–-]?\s?\d[\d\s.,]*(?:\s*\([^()]*\))?")


def starts_row(
    cells: list[GridCell],
    columns: list[GridColumn],
    amount: tuple[int, str, bool] | None,
    money: GridColumn | None,
    row: GridRow | None,
    indent: int,
    stripped: str,
    blank: bool = False,
) -> bool:
    """Does this line start a new row (rather than continue the row above)? (`blank`: a blank
    line stands between them)"""
    if not cells:
        return False
    if row is None or PERFORMER_GROUP.match(stripped):  # ("Utförare: X" over its group)
        return row is not None or amount is not None or cells[0].start <= columns[0].start + 1
    if row.evidence.count("(") > row.evidence.count(")"):
        return False  # "Kista sdf (medsökande" / "Spånga-Tensta)": inside the row's bracket
    left = row.cells.get(columns[0].role) or [""]
    group = PERFORMER_GROUP.match(left[0].strip()) is not None  # ("Utförare: -", no name)
    if left[-1].rstrip().endswith(("-", ",")) and amount is None:
        return False  # "Hägersten-" / "Liljeholmen", "Socialförvaltningen," / "Socialjouren"
    if re.search(r"\s[–—-]$", left[-1].rstrip()) and row.amount is None and not group:
        return False  # "Studieresa Oslo –" over "Ungdomslosen  22 000 kr": the name goes on
    if amount is None and any(v and re.search(r"\w-$", v[-1].rstrip()) for v in row.cells.values()):
        return False  # a word broken in another column ("Hägersten-" beside the name)
    if amount is None and not blank and _OPEN_WORD.search((row.cells.get("name") or [""])[-1]):
        return False  # "Utvärdering av" over "Västertorps familjecentral": the name goes on
    at_left = cells[0].start <= columns[0].start + 1
    lead = cells[0].text.strip(" |")[:1]
    looks_new = at_left and (lead.isupper() or lead.isdigit()) and lead not in "–-"
    if money is not None and amount is not None and row.amount is None and row.applied is None:
        named = [
            c
            for c, col in zip(cells, assign_columns(columns, cells), strict=True)
            if col.role == "name"
        ]
        if named and named[0].text.strip(" |")[:1].islower():
            return False  # "Simskola för barn som inte" over "klarat …  52 000": one row
    numbers = [c.text.strip() for c in cells if _NUMBER_CELL.fullmatch(c.text.strip(" |"))]
    if amount is not None and row.amount is not None and [n[:1] for n in numbers] == ["+"]:
        return False  # "+ 120 000 (tillägg)" alone under the row's sum: an addition to it
    if money is not None and amount is not None:
        # rows are top-aligned: a second amount means a new row
        return row.amount is not None or row.applied is not None or looks_new
    rest = [c.text.strip(" |")[:1] for c in cells[1:]]
    if (
        amount is None
        and (row.amount is not None or row.applied is not None)
        and all(t.islower() or t.isdigit() for t in rest)
        and (not rest or any(t.islower() for t in rest))
    ):
        # "Sverige  statsbidrag" under "Föräldraskap i nya  Länsstyrelsen,  950 000": the
        # row's sum stands on its first line; its other cells go on in lower case (a date's
        # year beside them: "Järva  universitet  2025" under "… 31 december  900 000")
        return False
    # a capitalised line at the left edge that fills two or more columns is a row of its own
    # (a wrapped name or district fills one column, or starts in lower case or indented)
    return looks_new and len(cells) >= 2


def open_period(row: GridRow) -> bool:
    """The row's period cell ends in a dash: its end is on the next line."""
    return row.text("end").rstrip().endswith(("–", "-", "—"))


def goes_on(nxt: Sequence[BodyLine], columns: list[GridColumn]) -> bool:
    """The first line under a repeated header goes on with the row above the page break: it
    starts in lower case, right of the first column, with no sum."""
    if not nxt:
        return False
    text = nxt[0].text.strip()
    return (
        text[:1].islower()
        and nxt[0].indent > columns[0].start + 1
        and not find_amounts(text)
        and not nxt[0].heading
    )


def bottom_aligned_rows(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """A spreadsheet's rows, its cells aligned at the bottom: every row's sums on its last
    line, so the first row's opening lines stand right under the header, with no sum, and
    each row's name goes on over the next row's sums::

        Doktorandprojekt                     2016      2017     Totalt
        Barnets delaktighet i utredningar
        om våld i nära relationer
        (Spånga-Tensta sdf)                150 000   450 000    600 000
        Vräkningsförebyggande arbete ...

    Read top-down, the opening lines fall away and each name is split between two rows.
    Each row is then the lines after the row above's sums, up to its own."""
    rows = table.rows
    first = rows[0] if rows else None
    if (
        first is None
        or table.ruled  # (rows between rules: each row is its rules' lines)
        or len(rows) < 2
        or first.amount_line is None
        or any(r.amount_line != r.first_line for r in rows[1:])
    ):
        return
    lead = [k for k in range(first.first_line, first.amount_line) if lines[k].text.strip()]
    if not lead or len(lead) > _MAX_LEAD or not _first_letter(lines[lead[0]].text).isupper():
        return
    for k in lead:
        cells = split_row_cells(" " * lines[k].indent + lines[k].text, table.columns)
        roles = {col.role for col in assign_columns(table.columns, cells)}
        if roles & {*MONEY_ROLES, "year"} or re.search(r"\d", lines[k].text):
            return  # (a row of its own)
    if any(r.last_line == r.amount_line for r in rows[:-1]):
        return  # a row with nothing under its sums: the table reads top-down
    numbers = {*MONEY_ROLES, "year", "count", "ordinal"}
    start = first.first_line
    for r in rows:
        at = r.amount_line if r.amount_line is not None else r.first_line
        span = [k for k in range(start, at + 1) if lines[k].text.strip()]
        texts = _cells(lines, span, table.columns)
        r.cells = {role: t for role, t in texts.items() if role not in numbers}
        r.first_line, r.last_line = span[0], span[-1]
        r.evidence = " ".join(lines[k].text.strip() for k in span)
        r.page_no = lines[span[0]].page_no
        start = at + 1


_MAX_LEAD = 4  # lines of a name over its row's sums


def tidy_rows(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """A table's rows as its layout wrote them: names wrapped upwards, sums alone, bands of
    what became of the rows and of who carries them out no rows (`grid_bands`)."""
    for tidy in (lift_wrapped_heads, bottom_aligned_rows, lone_sums, status_bands):
        tidy(table, lines)
