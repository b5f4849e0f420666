"""Tables whose columns are columns: rows read by the position of their cells.

How the documents print them
----------------------------

A word processor's table, exported to text or typed with tab stops, keeps its columns as
runs of blank space (or ``|`` rules)::

    Projekt                          Stadsdelsförvaltning     Belopp (kr)
    Läxhjälp på biblioteket          Bromma                       240 000
      – en uppföljning                                                        (a wrapped name)
    Mötesplats för föräldrar         Farsta och                   180 000
                                     Skarpnäck                                (a wrapped cell)
    Summa                                                          420 000

* The **header** is a short line of two or more cells, each a column name of the
  ``table_header`` vocabulary (Projekt, Studie, Resmål, Stadsdel, Sökande, Genomförs av,
  Klart, Belopp, Kostnad, Kronor, Tkr …). Its unit, when printed ("Belopp (kr)", "Kostnad
  (tkr)", "Tkr", "Mkr"), is the unit of every bare number in that column; a unit may stand
  alone on the line under the header ("(tkr)").
* Each cell of a row belongs to the column whose header starts nearest to the left of it
  (numbers are right-aligned, so a number belongs to the money column wherever it starts).
* A row **starts** at a line that carries its own amount (tables with a money column) or whose
  first cell starts at the left edge with a capital letter (tables without one). Lines that
  do not start a row continue the row above: a wrapped name (indented, lower case, a dash),
  a second district, the rest of a performer's name.
* The table **ends** at a ``Summa``/``Totalt`` row (its amount is the table's total), at a
  heading, or at prose: a line after a blank line that is not laid out in the table's
  columns. A header repeated on the next page (or in a Bilaga) continues the same table.

A table is read only when its header has at least two cells, one of them naming the row
(project, study, trip) or its owner; tables printed with single spaces (OCR without layout)
are left to :mod:`pipeline.facts.tables`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = ["GridCell", "GridRow", "GridTable", "find_grid_tables", "split_cells"]

_GAP = re.compile(r"\s*\|\s*|\s{2,}")
_MAX_HEADER_WORDS = 12
#: a header cell holds a column name and at most a unit or a qualifier
_MAX_HEADER_CELL_WORDS = 4
#: a wrapped cell continues the row only when it is short; longer lines after a blank are prose
_MAX_CONTINUATION_CHARS = 60
_TOTAL_ROW = re.compile(r"^(?:summa|totalt?|sammanlagt|sammantaget|s:a)\b", re.IGNORECASE)
_UNIT_THOUSAND = re.compile(r"\b(?:tkr|tusental\s+kronor|tusen\s+kronor|ksek|tsek)\b", re.I)
_UNIT_MILLION = re.compile(r"\b(?:mkr|mnkr|msek|miljoner\s+kronor|miljoner)\b", re.I)
_UNIT_ONLY = re.compile(r"^\(?\s*(?:tkr|kr|kronor|sek|mkr|mnkr|tusental kronor)\s*\)?$", re.I)
_BARE_NUMBER = re.compile(
    r"^(?P<approx>(?:ca|cirka|drygt|knappt|omkring)\.?\s+)?"
    r"(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+|\d+(?:,\d+)?)"
    r"(?:\s*(?:kr|kronor|sek|:-))?\.?$",
    re.IGNORECASE,
)
_ROW_ROLES = ("name", "district")
_ROW_NUMBER = re.compile(r"\d{1,2}[.)]?")
#: a header word followed by a second one it is paired with ("Resmål och syfte")
_LEADS = re.compile(r"^\s*(?:och|samt|/|&)\s+\w+\s*$", re.IGNORECASE)
#: money used, left or paid back ("Förbrukat (kr)", "Återbetalas", "Ej förbrukat")
_SPENT_HEADER = re.compile(
    r"(?:forbruka\w*|ej forbruka\w*|aterbetala\w*|aterbetalt|aterford\w*|utfall|"
    r"anvant|anvanda|kvar|outnyttja\w*|overskott)\b"
)
_STATUS_HEADER = re.compile(r"(?:status|lage|lagesrapport)")
#: the header of a column of row numbers ("Nr", "Löpnr", "#")
_ORDINAL_HEADER = re.compile(r"(?:nr|nr\.|lopnr|lopnummer|#|no\.?|ordning)")
_RULE = re.compile(r"^[+|=\-–—_\s]{3,}$")


@dataclass(frozen=True)
class GridCell:
    start: int  # character offset in the line, indentation included
    end: int
    text: str


@dataclass
class GridColumn:
    role: str  # name | district | performer | end | cost | applied | spent | status | year | other
    start: int
    header: str
    multiplier: int = 1


@dataclass
class GridRow:
    """One row: the text of each column (wrapped lines joined), and its money."""

    cells: dict[str, list[str]]
    first_line: int
    last_line: int
    page_no: int
    evidence: str
    amount: int | None = None
    amount_raw: str | None = None
    amount_approx: bool = False
    amount_line: int | None = None
    applied: int | None = None  # an "Ansökt belopp" column
    applied_raw: str | None = None
    applied_line: int | None = None
    #: the row's other money cells (a second year's grant; money spent or paid back):
    #: (kronor, raw, line, year, kind)
    extra: list[tuple[int, str, int, int | None, str]] = field(default_factory=list)

    def text(self, role: str) -> str:
        return dehyphen_join(self.cells.get(role, []))


@dataclass
class GridTable:
    header_line: int
    columns: list[GridColumn]
    rows: list[GridRow] = field(default_factory=list)
    last_line: int = 0
    total: int | None = None
    total_raw: str | None = None
    total_line: int | None = None
    total_evidence: str = ""
    applied_total: int | None = None  # the Summa row's cell in the "Ansökt belopp" column
    applied_total_raw: str | None = None
    #: the Summa row's other money cells: (kronor, raw, kind, the column's year)
    total_extra: list[tuple[int, str, str, int | None]] = field(default_factory=list)
    ruled: bool = False  # rows separated by drawn borders

    @property
    def roles(self) -> list[str]:
        return [c.role for c in self.columns]


def _split_spanning(cells: list[GridCell], columns: list[GridColumn]) -> list[GridCell]:
    """A cell that runs on into the next column with a single space between the two texts
    (a narrow column: "Socialförvaltningen Institutionen för") split where that column
    starts."""
    out: list[GridCell] = []
    for c in cells:
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
                if spaces:
                    cut = min(spaces, key=lambda k: abs(k - rel))
                    break
        if cut is None:
            out.append(c)
            continue
        out.append(GridCell(c.start, c.start + cut, c.text[:cut]))
        rest = c.text[cut + 1 :]
        out.append(GridCell(c.start + cut + 1, c.end, rest))
    return out


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


def _header_role(cell: str) -> str | None:
    """The column role a header cell names, or None."""
    if len(cell.split()) > _MAX_HEADER_CELL_WORDS:
        return None
    folded = fold(cell)
    if _ORDINAL_HEADER.fullmatch(folded.strip()):
        return "ordinal"
    if _SPENT_HEADER.match(folded.strip()):
        return "spent"  # money used or paid back: amounts, but not the grant
    if _STATUS_HEADER.fullmatch(folded.strip()):
        return "status"
    if re.search(r"\b(?:ar|år)\b", folded) and not re.search(r"belopp|kr\b|kronor|tkr|sek", folded):
        return "year"  # "Beviljat år", "År"
    if re.search(r"\bansokt\b|\bsokt belopp\b|\bansokan\b", folded) and re.search(
        r"belopp|kr|kronor|tkr|sek", folded
    ):
        return "applied"
    if re.fullmatch(r"(?:an)?sokt(?:\s*\(\w+\))?", folded.strip()):
        return "applied"  # "Sökt" beside "Beviljat"
    if _UNIT_ONLY.match(cell.strip()) or _UNIT_THOUSAND.search(cell) or _UNIT_MILLION.search(cell):
        return "cost"
    if re.fullmatch(rf"{YEAR}(?:\s*\((?:tkr|kr|kronor|mkr|mnkr)\))?", cell.strip()):
        return "cost"  # a year's money column ("1999", unit on the line below)
    if re.fullmatch(r"(?:ar|år|period|tidsperiod|projektperiod)", folded.strip()):
        return "year" if folded.strip() in ("ar", "år") else "end"
    hits = cue_hits(cell, "table_header")
    if not hits:
        return None
    letters = sum(1 for c in cell if c.isalpha())
    covered = sum(h.end - h.start for h in hits)
    if letters and covered < 0.5 * letters and not _LEADS.match(cell[hits[0].end :]):
        return None
    return {"cost": "cost", "district": "district"}.get(hits[0].value, hits[0].value)


def _multiplier(cell: str) -> int:
    if _UNIT_THOUSAND.search(cell):
        return 1000
    if _UNIT_MILLION.search(cell):
        return 1_000_000
    return 1


def _header(lines: Sequence[BodyLine], i: int) -> list[GridColumn] | None:
    ln = lines[i]
    if ln.heading and "|" not in ln.text and "  " not in ln.text.strip():
        return None
    text = " " * ln.indent + ln.text
    if len(text.split()) > _MAX_HEADER_WORDS:
        return None
    cells = _with_continuation(split_cells(text), lines, i)
    if len(cells) < 2:
        return None
    columns: list[GridColumn] = []
    unknown = 0
    for c in cells:
        role = _header_role(c.text)
        if role is None:
            # one column the vocabulary does not know ("Syfte", "Kommentar") is still a column
            if len(c.text.split()) > 2 or not c.text.strip()[:1].isupper():
                return None
            unknown += 1
            role = "other"
        columns.append(GridColumn(role, c.start, c.text.strip(), _multiplier(c.text)))
    roles = [c.role for c in columns]
    known = [r for r in roles if r not in ("other", "ordinal")]
    if unknown > 1 or not any(r in _ROW_ROLES for r in roles) or len(set(known)) < 2:
        return None
    return columns


def _continuation_cells(lines: Sequence[BodyLine], i: int) -> list[GridCell]:
    """The cells of a header's second line, when the header wraps ("Ansökt" over "belopp"):
    the line right under it, words only, each cell under a cell of the header."""
    j = i + 1
    if j >= len(lines) or not lines[j].text.strip() or lines[j].heading:
        return []
    text = " " * lines[j].indent + lines[j].text
    if any(ch.isdigit() for ch in text) or _RULE.match(text.strip()):
        return []
    cells = split_cells(text)
    head = split_cells(" " * lines[i].indent + lines[i].text)
    if not cells or len(cells) > len(head):
        return []
    for c in cells:
        if len(c.text.split()) > 2 or not any(_under(c, h) for h in head):
            return []
    return cells


def _under(cell: GridCell, head: GridCell) -> bool:
    """Does a cell sit under a header cell (left-aligned, right-aligned or centred)?"""
    return cell.start < head.end + 2 and cell.end > head.start - 2


def _with_continuation(cells: list[GridCell], lines: Sequence[BodyLine], i: int) -> list[GridCell]:
    """Header cells with the words of a wrapped second header line appended."""
    more = _continuation_cells(lines, i)
    if not more:
        return cells
    out = []
    for c in cells:
        below = [m.text.strip(" |") for m in more if _under(m, c)]
        out.append(GridCell(c.start, c.end, " ".join([c.text.strip(), *below])))
    return out


def _unit_line(lines: Sequence[BodyLine], j: int, columns: list[GridColumn]) -> bool:
    """A line under the header that only gives units ("(tkr)"): applied to its column."""
    text = " " * lines[j].indent + lines[j].text
    cells = split_cells(text)
    if not cells or not all(_UNIT_ONLY.match(c.text.strip()) for c in cells):
        return False
    for c in cells:
        col = _column_at(columns, c)
        col.multiplier = _multiplier(c.text)
    return True


def _column_at(columns: list[GridColumn], cell: GridCell) -> GridColumn:
    """The column a cell belongs to: the column whose header starts nearest to the cell.
    Text extracted from a page with a proportional font puts a column's cells a few
    characters left or right of its header, so nearest beats "starts at or before"."""
    return min(columns, key=lambda col: abs(col.start - cell.start))


def _assign(columns: list[GridColumn], cells: list[GridCell]) -> list[GridColumn]:
    """Columns of a row's cells: in order when the row fills every column, else nearest."""
    if len(cells) == len(columns):
        return list(columns)
    return [_column_at(columns, c) for c in cells]


_YEARISH = re.compile(rf"^\s*{YEAR}(?:\s*[-–—/]+\s*(?:19[89]|20[0-4])?\d{{2,4}})?\s*$")


def _subtotal(stripped: str, lines: Sequence[BodyLine], j: int) -> bool:
    """A "Summa <name>" row with more rows of the table after it (a subtotal per district)."""
    label = split_cells(stripped)[0].text.strip(" |") if split_cells(stripped) else ""
    if len(label.split()) < 2:
        return False
    for k in range(j + 1, min(len(lines), j + 4)):
        nxt = lines[k].text.strip()
        if not nxt:
            continue
        return "  " in nxt and not lines[k].heading
    return False


def _money_column(columns: list[GridColumn]) -> GridColumn | None:
    return next((c for c in columns if c.role == "cost"), None)


def _year_of(header: str) -> int | None:
    m = re.search(rf"\b({YEAR})\b", header)
    return int(m.group(1)) if m else None


def _read_number(text: str, multiplier: int) -> tuple[int, str, bool] | None:
    """A money cell: (kronor, raw, approximate). A bare number takes the column's unit."""
    s = text.strip()
    m = _BARE_NUMBER.match(s)
    if m:
        digits = re.sub(r"[ \u00a0.]", "", m.group("num"))
        value = float(digits.replace(",", ".")) if "," in digits else int(digits)
        has_unit = bool(re.search(r"kr|kronor|sek", s, re.I))
        sek = int(round(value * (1 if has_unit and multiplier == 1 else multiplier)))
        if sek <= 0:
            return None
        return sek, s, bool(m.group("approx"))
    found = find_amounts(s)
    if len(found) == 1 and len(found[0].raw) >= len(s) - 6:
        a = found[0]
        return a.sek, a.raw, a.approximate
    return None


def find_grid_tables(lines: Sequence[BodyLine]) -> list[GridTable]:
    """Every column-laid-out project table in the body, in order."""
    tables: list[GridTable] = []
    i = 0
    while i < len(lines):
        columns = _header(lines, i)
        if columns is None:
            i += 1
            continue
        _caption_unit(lines, i, columns)
        table = _read_table(lines, i, columns)
        if table.rows:
            tables.append(table)
            i = table.last_line + 1
        else:
            i += 1
    return tables


#: a caption's statement of the table's unit ("Belopp i tkr", "Tabell 2 (mnkr)")
_CAPTION_UNIT = re.compile(
    r"(?:belopp|summor|kostnad\w*)\s+(?:anges\s+)?i\s+\w+|\(\s*\w+\s*\)\s*\.?$", re.I
)


def _caption_unit(lines: Sequence[BodyLine], h: int, columns: list[GridColumn]) -> None:
    """A table whose unit is given in its caption above the header ("Belopp i tkr"): bare
    numbers in its money columns are in that unit, unless a column names its own."""
    seen = 0
    for k in range(h - 1, max(-1, h - 5), -1):
        text = lines[k].text.strip()
        if not text:
            continue
        seen += 1
        if seen > 2 or len(text) > 90:
            return
        unit = _multiplier(text) if _CAPTION_UNIT.search(text) else 1
        if unit > 1:
            for col in columns:
                own_unit = re.search(r"\bkr\b|kronor|sek", col.header, re.I)
                if (
                    col.role in ("cost", "applied", "spent")
                    and col.multiplier == 1
                    and not own_unit
                ):
                    col.multiplier = unit
            return


def _is_repeat_header(lines: Sequence[BodyLine], j: int, columns: list[GridColumn]) -> bool:
    again = _header(lines, j)
    return again is not None and [c.role for c in again] == [c.role for c in columns]


def _read_table(lines: Sequence[BodyLine], h: int, columns: list[GridColumn]) -> GridTable:
    table = GridTable(header_line=h, columns=columns, last_line=h)
    money = _money_column(columns)
    applied = next((c for c in columns if c.role == "applied"), None)
    row: GridRow | None = None
    blank = False
    after_rule = False
    j = h + 1
    while j < len(lines):
        ln = lines[j]
        text = " " * ln.indent + ln.text
        stripped = ln.text.strip()
        if _RULE.match(stripped):  # a drawn border between rows (+----+----+, ====)
            if row is not None:
                table.ruled = True  # rows are separated by rules: only a rule ends a row
            after_rule = True
            j += 1
            continue
        if not stripped:
            blank = True
            j += 1
            continue
        if j == h + 1 and (_unit_line(lines, j, columns) or _continuation_cells(lines, h)):
            j += 1
            continue
        if _is_repeat_header(lines, j, columns):
            # the header repeated on a new page: its columns may sit a little differently
            again = _header(lines, j) or columns
            for col, new_col in zip(columns, again, strict=True):
                col.start = new_col.start
            blank = False
            row = None
            j += 1
            continue
        if ln.heading and "  " not in stripped and "|" not in stripped:
            break
        cells = _split_spanning(split_cells(text), columns)
        if _TOTAL_ROW.match(stripped.lstrip("| ")) and _subtotal(stripped, lines, j):
            # "Summa Bromma" under Bromma's rows: a subtotal, the table goes on
            row = None
            blank = False
            j += 1
            continue
        if _TOTAL_ROW.match(stripped.lstrip("| ")):
            if money is not None:
                for c, col in zip(cells[1:], _assign(columns, cells)[1:], strict=True):
                    got = _read_number(c.text, money.multiplier)
                    if got is None:
                        continue
                    table.total_line = j
                    table.total_evidence = stripped
                    if applied is not None and col is applied:
                        table.applied_total, table.applied_total_raw, _ = got
                        continue
                    if col.role == "spent" or (table.total is not None and col is not money):
                        # money spent or paid back; another year's (or all years') grants
                        kind = "other" if col.role == "spent" else "total_granted"
                        table.total_extra.append((got[0], got[1], kind, _year_of(col.header)))
                        continue
                    table.total, table.total_raw, _ = got
            table.last_line = j
            break
        lead_no = None
        if (
            len(cells) >= 2
            and _ROW_NUMBER.fullmatch(cells[0].text.strip())
            and cells[0].end <= columns[0].start
        ):
            lead_no = cells.pop(0)  # a row number left of the first column, which has none
        by_col: dict[str, list[str]] = {}
        if lead_no is not None:
            by_col["ordinal"] = [lead_no.text.strip()]
        extra: list[tuple[int, str, int | None, str]] = []
        first_year: int | None = None
        amount: tuple[int, str, bool] | None = None
        applied_amount: tuple[int, str, bool] | None = None
        for c, col in zip(cells, _assign(columns, cells), strict=True):
            num = _read_number(c.text, (money or col).multiplier) if money else None
            if col is not money and col.role in ("end", "year") and _YEARISH.match(c.text):
                num = None  # a period column's year is no sum of money
            if (
                money is not None
                and num is not None
                and (
                    c is cells[-1]
                    or c.end > money.start - 4
                    or col.role in ("applied", "spent", "cost")
                )
            ):
                if applied is not None and col is applied:
                    applied_amount = _read_number(c.text, applied.multiplier) or num
                elif col.role == "spent":
                    spent = _read_number(
                        c.text, col.multiplier if col.multiplier > 1 else money.multiplier
                    )
                    if spent is not None:
                        extra.append((spent[0], spent[1], _year_of(col.header), "other"))
                elif _TOTAL_ROW.match(col.header) and amount is not None:
                    # a "Totalt" column after the years: the row's whole grant is its sum
                    extra.append((amount[0], amount[1], first_year, "project_cost"))
                    amount, first_year = num, first_year
                elif amount is None:
                    amount, first_year = num, _year_of(col.header)
                else:
                    extra.append((num[0], num[1], _year_of(col.header), "project_cost"))
                continue
            by_col.setdefault(col.role, []).append(c.text.strip(" |"))
        if _is_prose(stripped, cells, blank):
            break
        starts = (
            after_rule or row is None
            if table.ruled
            else _starts_row(cells, columns, amount, money, row, ln.indent, stripped)
        )
        after_rule = False
        if not starts:
            if row is None:
                j += 1
                continue
            for role, texts in by_col.items():
                row.cells.setdefault(role, []).extend(texts)
            row.last_line = j
            row.evidence += " " + stripped
            if amount is not None and row.amount is None:
                row.amount, row.amount_raw, row.amount_approx = amount
                row.amount_line = j
            row.extra += [(sek, raw, j, yr, kind) for sek, raw, yr, kind in extra]
            table.last_line = j
            blank = False
            j += 1
            continue
        row = GridRow(
            cells=by_col,
            first_line=j,
            last_line=j,
            page_no=ln.page_no,
            evidence=stripped,
        )
        if amount is not None:
            row.amount, row.amount_raw, row.amount_approx = amount
            row.amount_line = j
        row.extra = [(sek, raw, j, yr, kind) for sek, raw, yr, kind in extra]
        if applied_amount is not None:
            row.applied, row.applied_raw = applied_amount[0], applied_amount[1]
            row.applied_line = j
        table.rows.append(row)
        table.last_line = j
        blank = False
        j += 1
    table.rows = [r for r in table.rows if any(r.text(role) for role in _ROW_ROLES)]
    return table


def _is_prose(stripped: str, cells: list[GridCell], blank: bool) -> bool:
    """A line of running text, not laid out in columns: after a blank line any single-cell
    line longer than a wrapped cell; directly under a row, a long line that ends a sentence."""
    if len(cells) >= 2:
        return False
    if blank:
        return len(stripped) > _MAX_CONTINUATION_CHARS or stripped.endswith((".", ":"))
    return len(stripped) > 70 and stripped.endswith((".", ":"))


def _starts_row(
    cells: list[GridCell],
    columns: list[GridColumn],
    amount: tuple[int, str, bool] | None,
    money: GridColumn | None,
    row: GridRow | None,
    indent: int,
    stripped: str,
) -> bool:
    """Does this line start a new row (rather than continue the row above)?"""
    if not cells:
        return False
    if row is None:
        return amount is not None or cells[0].start <= columns[0].start + 1
    at_left = cells[0].start <= columns[0].start + 1
    lead = cells[0].text.strip(" |")[:1]
    looks_new = at_left and (lead.isupper() or lead.isdigit()) and lead not in "–-"
    if money is not None and amount is not None:
        # rows are top-aligned: a second amount means a new row
        return row.amount is not None or looks_new
    # a capitalised line at the left edge that fills two or more columns is a row of its own
    # (a wrapped name or district fills one column, or starts in lower case or indented)
    return looks_new and len(cells) >= 2
