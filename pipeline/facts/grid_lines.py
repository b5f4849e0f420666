"""What a line inside a column-laid-out table is, when it is no row of its own: a subtotal
with more rows after it, a group's label over its rows, a fund's name alone, running prose.
Used by :mod:`pipeline.facts.grid`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.districts import find_districts
from pipeline.facts.grid_cells import split_row_cells
from pipeline.facts.grid_header import (
    MONEY_ROLES,
    RULE,
    GridCell,
    GridColumn,
    assign_columns,
    read_header,
    split_cells,
)
from pipeline.facts.grid_model import GridRow, read_number
from pipeline.facts.owner_lines import owner_over_rows
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = [
    "TOTAL_ROW",
    "owner_group_line",
    "CO_APPLICANT",
    "lead_cells",
    "group_sums",
    "CONTINUED",
    "SOUGHT_CELL",
    "FOOTNOTE_MARK",
    "GROUP_TOTAL",
    "fund_only",
    "group_label",
    "is_prose",
    "subtotal",
    "total_after_sums",
    "total_column",
    "turned_down",
    "year_of",
]

#: a footnote under a table: "¹ Bromma, Farsta …", "* Medsökande: …"
FOOTNOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹]|\*{1,3}\s")


def year_of(header: str) -> int | None:
    """The year a column's header names ("Beviljat 2012"), or None."""
    m = re.search(rf"\b({YEAR})\b", header)
    return int(m.group(1)) if m else None


#: a wrapped cell continues the row only when it is short; longer lines after a blank are prose
_MAX_CONTINUATION_CHARS = 60


#: the sum of one owner's rows: "Summa förvaltningen (tak 450 000)", "Summa stadsdelen"
_OWNER_SUM = re.compile(
    r"summa\s+(?:forvaltningen|stadsdelen|stadsdelsforvaltningen|sdf|namnden)\b"
)


def subtotal(stripped: str, lines: Sequence[BodyLine], j: int) -> bool:
    """A "Summa <name>" row with more rows of the table after it (a subtotal per district)."""
    label = split_cells(stripped)[0].text.strip(" |") if split_cells(stripped) else ""
    if len(label.split()) < 2 or _ALL_ROWS.match(fold(label)) or fold(label).startswith("total"):
        # ("Summa studier" over "Spridning och konferens": the rows' total; "Totalt
        # fördelat" over "Reserv": the whole table's)
        return False
    label_seen = False
    end = min(len(lines), j + 4)
    k = j
    while k + 1 < end:
        k += 1
        nxt = lines[k].text.strip()
        if not nxt or RULE.match(nxt):
            end = min(len(lines), end + (1 if nxt else 0))  # (a rule between the groups)
            continue
        owner_sum = _OWNER_SUM.match(fold(label)) or _owner_named(label[5:])
        if owner_sum and (owner_label(nxt, None) or TOTAL_ROW.match(nxt)):
            # "Summa förvaltningen", "Summa Södermalm" over the next förvaltning's group of
            # rows, or over the table's total
            return True
        if owner_sum and "  " not in nxt and not re.search(r"\d", nxt) and find_districts(nxt):
            return True  # ("Socialtjänstförvaltningen, Socialjouren": an owner and its unit)
        if "  " in nxt:
            return not lines[k].heading
        if _OWNER_SUM.match(fold(label)) and find_districts(nxt):
            return True  # ("Summa förvaltningen" over the next district's row)
        if label_seen or not _GROUP_OF_KIND.fullmatch(nxt) or find_districts(nxt):
            return False
        # ("Summa föreningar" ⏎ "Förvaltningens egna verksamheter" over more rows: the
        # next group's label; a district's name over its rows ends the table, its groups
        # read as a district's)
        label_seen = True
        end = min(len(lines), k + 3)
    return False


#: a total named by what every row of the table is: "Summa studier", "Summa projekt"
_ALL_ROWS = re.compile(
    r"^\w+\s+(?:(?:\d+|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|alla|samtliga)\s+)?"
    r"(?:studier|studierna|projekt|projekten|resor|resorna|ansokningar|ansokningarna|"
    r"utvarderingar|beviljade|foreslagna|sokta)\b"
)


#: a group's own total inside a table: "Delsumma  215 000"
GROUP_TOTAL = re.compile(
    # (a spreadsheet pivot's "Bromma Summa" under Bromma's rows)
    r"^(?:delsumma|delsummor|delsum|delbelopp)\b|^\S[^\d]{0,40}?\s(?-i:Summa)(?=\s{2,}|\s*$)"
    # (a list view's sums over its rows and groups: "Summa = 229 000 kr", "v  Förvaltning :
    # Bromma (1)    Summa = 18 000 kr")
    r"|^summa\s*=\s*\d|^(?:v\s+|>\s+)?[A-ZÅÄÖ][\w/ -]{2,30}\s:\s.{1,60}\(\d{1,3}\)",
    re.IGNORECASE,
)
_MAX_GROUP_LABEL_WORDS = 6
#: a group's label of one to six words: "Förvaltningens egna verksamheter", "Järvalyftet"
_GROUP_OF_KIND = re.compile(r"[A-ZÅÄÖ][\w-]*(?:\s+[\wåäö-]+){0,5}")


def group_label(
    lines: Sequence[BodyLine], j: int, columns: list[GridColumn], money: GridColumn
) -> bool:
    """A short heading inside a table ("MUSIK", "Teater och dans") with a row of the table
    right under it: its cells in the table's columns and a sum in the money column."""
    if len(lines[j].text.split()) > _MAX_GROUP_LABEL_WORDS:
        return False
    k = j + 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    if k >= len(lines) or k > j + 2 or lines[k].heading or read_header(lines, k) is not None:
        return False  # (a header under the label: a table of its own)
    rows = [split_row_cells(" " * lines[m].indent + lines[m].text, columns) for m in (k, k + 1)]
    # (a sum in a money column, on the row's first line or, a cell wrapped, its second; a
    # comment may close the row: "… 1 200    Värdarna arbetar …")
    return len(rows[0]) >= 2 and any(
        c.end > money.start - 4 and read_number(c.text, money.multiplier) is not None
        for cells in rows
        for c in cells[1:]
    )


def fund_only(text: str) -> bool:
    """A line that names a fund and nothing else ("FoU-medel", "MUST", "Medel för utveckling
    och lärande (MUL)")."""
    funds = find_funds(text)
    if len({f[2] for f in funds}) != 1:
        return False
    rest = "".join(" " if any(a <= k < b for a, b, _ in funds) else c for k, c in enumerate(text))
    rest = re.sub(r"^\s*(?:medel|anslag)\s+(?:för|till)\b", "", rest, flags=re.I)  # "Medel för …"
    return not text.startswith("(") and not re.sub(r"[\W_]+", "", rest)


_NEXT_CAPTION = re.compile(r"^(?:tabell|tab\.|figur|diagram)\s+\d{1,2}\b", re.IGNORECASE)


#: a group's line that names who carries out the rows under it: "Utförare: FoU-enheten …"
PERFORMER_GROUP = re.compile(r"^(?:utförare|utförd av|genomförs av)\s*:\s*(?P<who>\S.*)$", re.I)


def is_prose(stripped: str, cells: list[GridCell], blank: bool) -> bool:
    """A line of running text, not laid out in columns: after a blank line any single-cell
    line longer than a wrapped cell; directly under a row, a long line that ends a sentence;
    or the next table's caption ("Tabell 2. Studier efter tillägget"): the table has ended."""
    if _NEXT_CAPTION.match(stripped):
        return True
    if len(cells) >= 2 or PERFORMER_GROUP.match(stripped):
        return False  # ("Utförare: Ersta Sköndal Bräcke högskola" over the rows it carries out)
    if blank:
        return len(stripped) > _MAX_CONTINUATION_CHARS or stripped.endswith((".", ":"))
    return len(stripped) > 70 and stripped.endswith((".", ":"))


#: a Summa row or a "Totalt" column's words
#: a total's word: "Summa" (a row or a column), "Totalt", a spreadsheet's "Totalsumma"
TOTAL_ROW = re.compile(
    r"^(?:summa|totalt?|totalsumma|slutsumma|sammanlagt|sammantaget|s:a)\b", re.IGNORECASE
)
#: a Summa row of a table whose money columns come first: "1 300   1 300   2 600   Summa"
_SUMS_THEN_TOTAL = re.compile(
    r"^(?:[\d\s.,–-]+\s{2,})(?:summa|totalt?|sammanlagt)(?:\s+\w+)?:?$", re.IGNORECASE
)


def total_column(header: str) -> bool:
    """A column of each row's whole sum after its years: "Totalt", "Summa", "2021-2024", a
    school year's after its terms ("Läsåret 2009/10")."""
    return bool(
        TOTAL_ROW.match(header)
        or _YEAR_SPAN.fullmatch(header.strip())
        or re.match(r"l[äa]s[åa]ret\b", header.strip(), re.IGNORECASE)
    )


_YEAR_SPAN = re.compile(rf"(?:totalt\s+)?{YEAR}\s*[-–]\s*(?:{YEAR}|\d\d)", re.IGNORECASE)


def total_after_sums(text: str) -> bool:
    return bool(_SUMS_THEN_TOTAL.match(text)) and any(ch.isdigit() for ch in text)


#: a sum applied for, in brackets under the sum proposed: "(sökt 62 000)"
SOUGHT_CELL = re.compile(r"^\(\s*(?:sökt|ansökt)\s*:?\s*([\dO][\dO .]*\d(?:\s*kr)?)\s*\)$", re.I)


#: a table's caption where it goes on after a page break: "Tabell 1 (forts.)", "Forts. Bilaga 2"
CONTINUED = re.compile(
    r"^(?:(?:tabell|bilaga)\s+\d{1,2}\s*[(,:.–-]?\s*\(?forts\w*\.?\)?"
    r"|\(?forts(?:\.|attning)\)?(?:\s+(?:tabell|bilaga)\s+\d{1,2})?)\s*:?$"
)


#: a money cell that says the application was turned down ("avslås", "avslag")
_VERDICT_CELL_TEXT = re.compile(r"avslas|avslag|avstyrks|ej beviljat?")


def turned_down(
    cells: Sequence[GridCell], by_col: dict[str, list[str]], money: GridColumn | None
) -> bool:
    """ "avslås   Bromma   Kapstaden, konferens …" under rows that open with their sums: a
    verdict where a row's sum would stand opens a row of its own, turned down."""
    return (
        money is not None
        and len(cells) >= 3
        and any(_VERDICT_CELL_TEXT.fullmatch(fold(t)) for t in by_col.get(money.role, []))
        and cells[0].start <= money.start + 2
    )


#: a row's number glued to its name by one space: "2 Stärkt barnrättsperspektiv"
GLUED_NUMBER = re.compile(r"\d{1,2}\s(?=[A-ZÅÄÖ])")


def next_numbered(row: GridRow | None, by_col: dict[str, list[str]]) -> bool:
    """A line whose name opens with a number by one space, under a row with its sum: the
    next row ("2 Stärkt barnrättsperspektiv", its sum printed on a wrapped line below)."""
    name = "".join(by_col.get("name", [""])[:1])
    if row is None or row.amount is None or not GLUED_NUMBER.match(name):
        return False
    above = GLUED_NUMBER.match("".join(row.cells.get("name", [""])[:1]))
    # (the number after the row's own: "1 Angered", an OCR-read "i", is no row's number)
    return above is not None and int(name.split()[0]) == int(above.group(0)) + 1


def numbers_glued_to_names(rows: Sequence[GridRow]) -> None:
    """Rows whose names all open with their number ("1 Digitala besök inom"): the number is
    the row's ordinal, the name what follows it."""
    names = [r.cells["name"][0] if r.cells.get("name") else "" for r in rows]
    if len(names) < 2 or not all(GLUED_NUMBER.match(n) for n in names):
        return
    for r in rows:
        no, r.cells["name"][0] = r.cells["name"][0].split(" ", 1)
        r.cells.setdefault("ordinal", [no])


#: a label over a table's rows turned down ("Ansökningar som avstyrks", "Avslagna ansökningar")
_REFUSED_GROUP = re.compile(
    r"(?:ansokningar|projekt|studier|insatser)(?:na)?\s+som\s+(?:avstyrks|avslas|inte\s+"
    r"(?:beviljas|tillstyrks|foreslas))|(?:avstyrkta|avslagna|ej\s+beviljade)\s+"
    r"(?:ansokningar|projekt|studier)(?:na)?"
)


def refused_after(lines: Sequence[BodyLine], i: int, columns: list[GridColumn]) -> int | None:
    """The line of a label alone ("Ansökningar som avstyrks") at or after line `i`, past blank
    lines, over rows in the ended table's `columns` with sums: the rows turned down."""
    k = i
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    money = next((c for c in columns if c.role == "cost"), None)
    if (
        k < len(lines)
        and money is not None
        and _REFUSED_GROUP.fullmatch(fold(lines[k].text).strip(" :"))
        and group_label(lines, k, columns, money)
    ):
        return k
    return None


def is_repeat_header(lines: Sequence[BodyLine], j: int, columns: list[GridColumn]) -> bool:
    """Line `j` is the table's header again (on a new page), its columns' roles the same."""
    from pipeline.facts.grid_header import read_header  # (grid_header reads these lines too)

    again = read_header(lines, j)
    return again is not None and [c.role for c in again] == [c.role for c in columns]


def border_only(lines: Sequence[BodyLine], j: int, columns: list[GridColumn]) -> bool:
    """A drawn rule at line `j` that separates no two rows: under the header (repeated on a
    new page), or over the Summa row, the table's continuation ("Bilaga 1 (forts.)") or its
    header again — the frame of a page's part of the table."""
    if j > 0 and is_repeat_header(lines, j - 1, columns):
        return True
    k = j + 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    if k >= len(lines):
        return True
    nxt = lines[k].text.strip()
    return bool(
        TOTAL_ROW.match(nxt.lstrip("| "))
        or CONTINUED.match(fold(nxt))
        or is_repeat_header(lines, k, columns)
        or FOOTNOTE_MARK.match(nxt)  # (the rule over the table's footnotes)
    )


#: a row's comment set under its cells across the table ("Kommentar: Slutrapport lämnad …")
_COMMENT_LABEL = re.compile(r"^(?:kommentar|anmarkning|notering|not|status|lage|lage\s+\w+)\s*:")


def comment_line(row: GridRow, stripped: str) -> bool:
    """Whether a wrapped line of `row` is (part of) its comment: it opens with a comment's
    label, or such a line came before it in the row; the row remembers."""
    row.comment = row.comment or bool(_COMMENT_LABEL.match(fold(stripped)))
    return row.comment


#: a list view's group line: "v  Förvaltning : Bromma (1)", "> Sökande : Farsta sdf (2)"
_LIST_GROUP = re.compile(
    r"^(?:v\s+|>\s+)?(?P<label>[A-ZÅÄÖ][\w/ -]{2,30}?)\s:\s(?P<value>.{1,60}?)\s*\(\d{1,3}\)"
)


def list_group(stripped: str) -> str | None:
    """The owner a list view's group line names over its rows (grouped by förvaltning,
    sökande or enhet), else None."""
    m = _LIST_GROUP.match(stripped)
    if m is None or not re.search(r"forvaltning|stadsdel|sokande|enhet|namnd", fold(m["label"])):
        return None
    return m["value"].strip()


def owner_label(stripped: str, columns: list[GridColumn] | None) -> str | None:
    """An owner's name alone over its group's rows ("Socialförvaltningen" over the projects
    of a "Förvaltning / projekt" column), else None (`columns` None: any table's)."""
    if columns is not None and not any(c.role == "district" for c in columns):
        return None
    return stripped.strip() if _owner_named(stripped) else None


#: a co-applicant's line under a project's name: "– medsökande: Skärholmen, Farsta"
CO_APPLICANT = re.compile(r"^[-–—]?\s*(?:medsökande|medsokande|tillsammans med)\b", re.IGNORECASE)


def group_sums(
    cells: list[GridCell], columns: list[GridColumn], money: GridColumn | None, j: int, text: str
) -> list[tuple[int, str, int, str]]:
    """The sum in the money column of a group's "Summa" row (line `j`, `text`)."""
    out = []
    for c, col in zip(cells[1:], assign_columns(columns, cells)[1:], strict=True):
        unit = col.multiplier if col.multiplier > 1 else money.multiplier if money else 1
        if money is not None and col is money and (got := read_number(c.text, unit)):
            out.append((got[0], got[1], j, text))
    return out


_ROW_NUMBER = re.compile(r"\d{1,2}[.)]?")


def lead_cells(cells: list[GridCell], columns: list[GridColumn]) -> dict[str, list[str]]:
    """A row's cells left of the first column, taken out of `cells`: a row number (the
    first column has none) or, under a nameless first column, the row's district
    ("Rinkeby-Kista    Chattbaserad …")."""
    if (
        len(cells) >= 2
        and _ROW_NUMBER.fullmatch(cells[0].text.strip())
        and cells[0].end <= columns[0].start
    ):
        return {"ordinal": [cells.pop(0).text.strip()]}
    if (
        len(cells) >= 2
        and cells[0].end < columns[0].start
        and columns[0].role == "name"
        and all(c.role != "district" for c in columns)
        and cells[0].text.strip()[:1].isupper()
    ):
        return {"district": [cells.pop(0).text.strip()]}
    return {}


def owner_group_line(
    lines: Sequence[BodyLine], j: int, columns: list[GridColumn], grouped: bool
) -> tuple[str, int] | None:
    """An owner's line at the margin over its projects set in under it ("Södermalms
    stadsdelsförvaltning" over "   Stödboende för unga vuxna    300 000"), in a table whose
    first column holds both ("Förvaltning/projekt"; `grouped`: an owner's line was seen,
    the column since read as the names): the owner and the line after it, else None."""
    if (
        columns[0].role != ("name" if grouped else "district")
        or lines[j].indent > columns[0].start + 1
    ):
        return None
    return owner_over_rows(lines, j, grouped)


def _owner_named(text: str) -> bool:
    """Whether `text` is nothing but owners' names ("Rinkeby-Kista stadsdelsförvaltning")."""
    found = find_districts(text)
    return bool(found) and sum(len(m.name_as_printed) for m in found) >= len(text.strip()) - 2


def rows_follow(lines: Sequence[BodyLine], k: int, columns: list[GridColumn]) -> bool:
    """Do a table's rows follow line `k` (past blank lines and rules)? A "Totalt" printed
    first, right under the header, is read and the rows under it too."""
    while k < len(lines) and (not lines[k].text.strip() or RULE.match(lines[k].text.strip())):
        k += 1
    if k >= len(lines):
        return False
    cells = split_row_cells(" " * lines[k].indent + lines[k].text, columns)
    return len(cells) >= 3 and any(re.search(r"\d", c.text) for c in cells[1:])


def rows_ruled(
    lines: Sequence[BodyLine],
    j: int,
    columns: list[GridColumn],
    row: GridRow | None,
    rows: Sequence[GridRow],
) -> bool:
    """Is the rule at line `j` a border between rows, so that only rules end a row? One
    under an open row that frames no page part; or the rule under the header, when the
    next rule closes one row only (a row's sums set in the middle of its wrapped lines:
    "Tidigt föräldrastöd på arabiska" over "1   och somaliska …   640 000   380 000")."""
    if row is not None:
        return not border_only(lines, j, columns)
    if rows:
        return False
    sums, k = 0, j + 1
    while k < len(lines) and lines[k].text.strip() and not RULE.match(lines[k].text.strip()):
        cells = split_row_cells(" " * lines[k].indent + lines[k].text, columns)
        sums += any(
            col.role in MONEY_ROLES and read_number(c.text, 1) is not None
            for c, col in zip(cells, assign_columns(columns, cells), strict=True)
        )
        k += 1
    ends = k < len(lines) and RULE.match(lines[k].text.strip()) is not None
    return ends and sums == 1 and k - j - 1 >= 2
