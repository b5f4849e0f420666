"""Project tables whose cells a text export put one per line.

How the documents print them
----------------------------

A web page or a PDF's text layer flattens a table into one cell per line: the header cells,
then each row's cells in turn, then the Summa row::

    Projekt
    Sökande
    Bidrag, kr
    Föräldrakraft i Tjärna ängar
    Föreningen Grannstöd Dalarna
    310 000
    …
    Summa
    760 000

A run of two to five short header lines that name a project column and, last, a money
column (``header_role``), followed by at least two groups of as many lines each ending in a
bare number, is such a table. The project column gives the name; a district or förvaltning
column the owner (else whoever the applicant column names carries the project out); the money
cell the project's sum, in the unit of its header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_header import header_role, unit_multiplier
from pipeline.facts.inline_tables import find_inline_tables
from pipeline.facts.item_parts import PlaceFinder, tidy, with_own_unit
from pipeline.facts.lists import ListRow, covered_by_places
from pipeline.facts.tables import parse_end_date
from pipeline.facts.text_units import dehyphen_join

__all__ = ["find_flat_tables"]

_MAX_COLUMNS = 5
_MAX_CELL_WORDS = 12
_MIN_ROWS = 2
#: columns whose cells are sums besides the last one ("Sökt (kr)" before "Föreslås (kr)")
_MONEY_ROLES = ("applied", "spent")
#: a bare money cell: "310 000", "1 250", "45 000 kr"
_NUMBER_CELL = re.compile(r"^\d{1,3}(?:[ \u00a0.]\d{3})*(?:,\d{1,2})?(?:\s*(?:kr|kronor|tkr|:-))?$")


def find_flat_tables(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every project table flattened one cell per line, its rows as list rows (and those of
    tables run into one line with their page, `find_inline_tables`)."""
    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        got = _table(lines, i, find) or _column_table(lines, i, find)
        if got is None:
            i += 1
            continue
        rows, after = got
        out.extend(rows)
        i = after
    return out + find_inline_tables(lines, find)


def _table(
    lines: Sequence[BodyLine], i: int, find: PlaceFinder
) -> tuple[list[ListRow], int] | None:
    roles: list[str | None] = []
    j = i
    while j < len(lines) and len(roles) < _MAX_COLUMNS:
        text = lines[j].text.strip()
        role = header_role(text) if text and len(text.split()) <= 4 else None
        if role is None:
            break
        roles.append(role)
        j += 1
        if role == "cost":
            break
    n = len(roles)
    if n < 2 or roles[-1] != "cost" or "name" not in roles:
        return None
    if j < len(lines) and _HEADER_GOES_ON.match(lines[j].text.strip()):
        j += 1  # "Beviljat" ⏎ "belopp (kr)": the money column's name wraps
    unit = unit_multiplier(lines[j - 1].text)
    rows: list[ListRow] = []
    while j + n <= len(lines):
        cells = [lines[k].text.strip() for k in range(j, j + n)]
        if not all(cells) or not _NUMBER_CELL.match(cells[-1]):
            wrapped = _wrapped_row(lines, j, roles, find)
            if wrapped is None:
                break
            cells, height = wrapped
            row = _row(cells, roles, j, lines, unit, find)
            if row is not None:
                row.last_line = row.amount_line = j + height - 1
                rows.append(row)
            j += height
            continue
        if any(
            (_NUMBER_CELL.match(c) and role not in _MONEY_ROLES) or len(c.split()) > _MAX_CELL_WORDS
            for c, role in zip(cells[:-1], roles[:-1], strict=True)
        ):
            break
        row = _row(cells, roles, j, lines, unit, find)
        if row is not None:
            rows.append(row)
        j += n
    if len(rows) < _MIN_ROWS:
        return None
    return rows, j


#: the second line of the money column's name: "belopp (kr)" under "Beviljat"
_HEADER_GOES_ON = re.compile(r"^[a-zåäö][\w-]*(?:\s+\((?:kr|kronor|tkr|sek)\))?$")
#: the most lines a row's text cells may take when they wrap
_MAX_ROW_LINES = 7


def _wrapped_row(
    lines: Sequence[BodyLine], j: int, roles: list[str | None], find: PlaceFinder
) -> tuple[list[str], int] | None:
    """A row whose text cells wrap, from line `j` to its money cell, the first bare number
    (a table with one money column, last): its lines joined where a cell goes on
    ("Föräldrastöd för familjer med barn i" ⏎ "riskzon"; "Socialförvaltningen," ⏎
    "socialjouren"; "(medsökande Skärholmen)" under the district), and when that leaves more
    cells than columns, the district the first cell names and the rest as the name (a trip's
    destination over two lines). Returns the cells and the row's number of lines."""
    if any(r in _MONEY_ROLES for r in roles[:-1]) or roles[-2] != "name":
        return None
    k = j
    while k < len(lines) and k - j < _MAX_ROW_LINES:
        text = lines[k].text.strip()
        if not text or lines[k].heading or _TOTAL.match(text):
            return None
        if _NUMBER_CELL.match(text):
            break
        if len(text.split()) > _MAX_CELL_WORDS:
            return None
        k += 1
    else:
        return None
    if k == j or k >= len(lines):
        return None
    cells: list[str] = []
    for m in range(j, k):
        text = lines[m].text.strip()
        if cells and (_wraps(cells[-1], text) or text.startswith("(") or cells[-1].endswith(",")):
            cells[-1] = dehyphen_join([cells[-1], text])
        else:
            cells.append(text)
    width = len(roles) - 1
    if len(cells) > width and width == 2 and roles[0] == "district":
        if not covered_by_places(cells[0], find(cells[0])):
            return None
        cells = [cells[0], " ".join(cells[1:])]
    if len(cells) != width:
        return None
    return [*cells, lines[k].text.strip()], k - j + 1


#: the Summa row that ends a table
_TOTAL = re.compile(r"^(?:summa|totalt|total|s:a)\b", re.IGNORECASE)


def _row(
    cells: list[str],
    roles: list[str | None],
    j: int,
    lines: Sequence[BodyLine],
    unit: int,
    find: PlaceFinder,
    money: bool = True,
) -> ListRow | None:
    name = tidy(cells[roles.index("name")])
    if not name:
        return None
    places = []
    performer = None
    for cell, role in zip(cells, roles, strict=True):
        if role == "district":
            found = find(cell)
            if covered_by_places(cell, found) or with_own_unit(cell, found):
                places = list(found)  # (and "Socialförvaltningen, <its unit>")
            else:
                performer = tidy(cell)  # an association applying: it carries the project out
        elif role == "performer":
            performer = tidy(cell)
    last = j + len(cells) - 1
    if not money:
        row = ListRow(name, places, j, last, lines[j].page_no, " | ".join(cells), form="intro_list")
        row.performer = performer
        return row
    raw = cells[-1]
    digits = re.sub(r"[^\d,]", "", raw)
    whole, _, dec = digits.partition(",")
    sek = int(whole) * unit + (int(dec.ljust(3, "0")[:3]) * unit // 1000 if dec else 0)
    row = ListRow(
        name,
        places,
        j,
        last,
        lines[j].page_no,
        " | ".join(cells),
        form="intro_list",
        intro_line=j,
    )
    row.performer = performer
    row.amount, row.amount_raw, row.amount_approx, row.amount_line = sek, raw, False, last
    return row


def _column_table(
    lines: Sequence[BodyLine], i: int, find: PlaceFinder
) -> tuple[list[ListRow], int] | None:
    """A table flattened column by column: a header cell, then every row's cell of that
    column, then the next header and its cells (an export that reads a table down its
    columns). A text cell may wrap onto a line that goes on in lower case; once joined,
    every column holds as many cells as the money column, the last."""
    columns: list[tuple[str, list[list[int]]]] = []
    j = i
    while j < len(lines) and len(columns) < _MAX_COLUMNS:
        text = lines[j].text.strip()
        role = header_role(text) if text and len(text.split()) <= 4 else None
        if role is None:
            break
        k = j + 1
        cells: list[list[int]] = []
        while k < len(lines) and lines[k].text.strip() and not lines[k].heading:
            cell = lines[k].text.strip()
            if len(cell.split()) <= 4 and header_role(cell) is not None and not find(cell):
                break  # the next column's header
            if cells and role not in ("cost", "end") and _wraps(lines[cells[-1][-1]].text, cell):
                cells[-1].append(
                    k
                )  # "Stockholms universitet, Institutionen för" ⏎ "socialt arbete"
            else:
                cells.append([k])
            k += 1
        if len(cells) < _MIN_ROWS:
            break
        columns.append((role, cells))
        j = k
        if role == "cost":
            break
        while j < len(lines) and not lines[j].text.strip() and j - k < 2:
            j += 1  # a blank line between two columns
    roles = [r for r, _ in columns]
    if len(columns) < 2 or "name" not in roles:
        return None
    # no money column: a district column and a name column only, three rows or more, each
    # district cell a place ("Stadsdelsförvaltning" ⏎ "Bromma" … ⏎ "Projekt" ⏎ names)
    money = roles[-1] == "cost"
    if not money and (
        sorted(roles) != ["district", "name"]
        or len(columns[0][1]) < _MIN_ROWS + 1
        or not all(_places_cell(lines, c, find) for c in columns[roles.index("district")][1])
    ):
        return None
    n_rows = len(columns[-1][1])
    if any(len(cells) != n_rows for _, cells in columns):
        return None
    if money and not all(_NUMBER_CELL.match(lines[c[0]].text.strip()) for c in columns[-1][1]):
        return None
    unit = unit_multiplier(lines[columns[-1][1][0][0] - 1].text) if money else 1
    rows: list[ListRow] = []
    for n in range(n_rows):
        at = [cells[n] for _, cells in columns]
        cells_text = [dehyphen_join([lines[k].text.strip() for k in cell]) for cell in at]
        row = _row(cells_text, list(roles), at[0][0], lines, unit, find, money=money)
        if row is not None:
            row.first_line = row.last_line = at[0][0]  # the rows interleave: each its first cell
            if money:
                row.amount_line = at[-1][0]
            if "end" in roles:
                got = parse_end_date(cells_text[roles.index("end")])
                row.end_date = got[3] if got else None
            rows.append(row)
    return (rows, j) if len(rows) >= _MIN_ROWS else None


def _wraps(cell: str, nxt: str) -> bool:
    """Does a cell go on in the next line: it starts in lower case, the cell ends on a
    word that carries on or a hyphen, or a parenthesis it opened is still open."""
    # ("Socialförvaltningen," ⏎ "Stödcentrum för unga" ⏎ "brottsoffer": a unit under its
    # förvaltning goes on after the comma; "Kungsholmen (medsökande" ⏎ "Norrmalm)")
    return (
        nxt[:1].islower()
        or cell.rstrip().endswith(("-", ",", " för", " och", " i", " av"))
        or cell.count("(") > cell.count(")")
    )


def _places_cell(lines: Sequence[BodyLine], cell: list[int], find: PlaceFinder) -> bool:
    """Does a district column's cell (its lines) begin with a place?"""
    text = dehyphen_join([lines[k].text.strip() for k in cell])
    return bool(find(text.split("(")[0].split(",")[0]))
