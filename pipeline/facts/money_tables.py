"""Amounts in tables without a project column: budgets, financing and allocations per
district, whose unit is printed in a caption, header or unit line.

The role of a cell comes from the cue words of its row label and column header when they say
something; else from the kind of table — a breakdown of one project's budget or financing
has ``other`` items and a ``project_cost`` total; a table of amounts per district or unit
allots frames (``budget``). See :func:`find_money_tables`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.facts.flat_money import unflatten
from pipeline.facts.grid_header import followup_header, header_role
from pipeline.facts.money_headers import MONEY_CELL as _MONEY_CELL
from pipeline.facts.money_headers import (
    aligned_header,
    column_units,
    counts_caption,
    header_block,
    stacked_header,
    wrapped_header,
    years_under,
)
from pipeline.facts.money_headers import cells as _cells
from pipeline.facts.money_headers import money_cells as _money_cells
from pipeline.facts.money_lines import (
    MONEY_ROLES as _MONEY_ROLES,
)
from pipeline.facts.money_lines import (
    UNIT_CELL as _UNIT_CELL,
)
from pipeline.facts.money_lines import (
    UNIT_WORDS as _UNIT_WORDS,
)
from pipeline.facts.money_lines import (
    group_label as _group_label,
)
from pipeline.facts.money_lines import (
    header_follows as _header_follows,
)
from pipeline.facts.money_lines import (
    money_header as _money_header,
)
from pipeline.facts.money_lines import (
    part_follows as _part_follows,
)
from pipeline.facts.money_lines import (
    row_follows as _row_follows,
)
from pipeline.facts.money_lines import (
    shares_follow as _shares_follow,
)
from pipeline.facts.money_lines import (
    unlabelled_money_header as _unlabelled_money_header,
)
from pipeline.facts.money_roles import (
    BREAKDOWN,
    TOTAL_LABEL,
    YEAR_CELL,
    breakdown_heading,
    cost_item,
    spent_columns,
    table_kind,
    table_type,
)
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.fuzzy import fold

__all__ = ["TableAmount", "find_money_tables"]

_UNIT_ONLY = re.compile(rf"\(?\s*(?:{_UNIT_WORDS})\s*\)?", re.IGNORECASE)
_MAX_CAPTION_WORDS = 12
_MAX_ROW_GAP = 2  # blank lines inside a table
_COUNT_COLUMN = re.compile(r"medlemmar|antal(?:\s+[\w.]+)?|deltagare|delt\.?|platser|personer")
#: a column of people counted, whatever follows ("Mottagna 2015", "Placerade ensamkomm.")
_PEOPLE_COLUMN = re.compile(r"(?:mottagna|placerade|anvisade|invanare|elever|hushall)\b")
#: a column of scores or of a tender's lots beside the prices: "Prispoäng", "Delområde"
_SCORE_COLUMN = re.compile(r"poang\b|^\s*(?:del-?\s?)?omrade\s*$|\bbetyg\b")
_UNIT_IN_HEAD = re.compile(
    rf"(?:^|[\s,(])(?:{_UNIT_WORDS})\b(?:\s+per\s+\w+)?\)?\s*$|\((?:{_UNIT_WORDS})\)", re.I
)
#: a column of shares: "Andel, %", "Procent"
_SHARE_COLUMN = re.compile(r"%|\bandel\b|\bprocent\b")
_SECTION_NO = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?")  # a caption's section number


@dataclass(frozen=True)
class TableAmount:
    """A number in the money column of a table without a project column: a project's budget
    ("Budget för projektet (kronor)"), its financing, an allocation per district (tkr)."""

    line: int
    raw: str
    sek: int
    approximate: bool
    kind: str
    confidence: float
    year: int | None
    evidence: str
    #: read under a sentence that announces a cost or financing breakdown ("… enligt
    #: följande:"): the reading of these rows that knows what they are
    announced: bool = False
    #: the header of the cell's column ("Egen insats", "Sökt LUM", "2019")
    column: str = ""
    #: the line of the table's caption or header
    anchor: int = -1
    #: a cell of a body's budget ("Budget 2019 per verksamhetsområde"): no one fund's money
    frame: bool = False


def _multiplier(unit: str) -> int:
    u = unit.lower()
    if u in ("tkr", "kkr", "ksek") or u.startswith("tusen"):
        return 1000
    if u in ("mkr", "mnkr", "msek"):
        return 1_000_000
    return 1


def find_money_tables(lines: Sequence[str], headings: Sequence[bool] = ()) -> list[TableAmount]:
    """Numbers in the money columns of tables whose unit is printed in a caption, header or
    unit line ("Budget för projektet år 2001 (kronor)", "Finansiering 2010   Kronor",
    "Sökt LUM  Egen insats" over "(kr)  (kr)", "Tabell 1. … per stadsdelsnämnd (tkr)").

    The role of a cell: the cue words of its row label and column header when they say
    something ("Statsbidrag …" → state_grant, a "Sökt" column → applied, "Egen insats" →
    other); else by the kind of table — a breakdown of one project's budget or financing
    (caption or header says budget, kostnad, finansiering) has ``other`` items and a
    ``project_cost`` total; a table of amounts per district or unit (first column
    "Stadsdelsnämnd", "Förvaltning" …) allots frames: ``budget``.
    """
    out: list[TableAmount] = []
    lines, consumed, flat_headers = unflatten(lines)
    n = len(lines)
    i = 0
    while i < n:
        u = _UNIT_CELL.search(lines[i])
        text = lines[i].strip()
        if u is None and i in flat_headers:
            # a flattened table's header, no unit printed ("Stadsdel" / "Belopp"): kronor
            found, end = _read_money_table(lines, headings, i, 1, consumed)
            if found:
                out += found
                i = end + 1
                continue
        if (
            u is None
            and (_money_header(text) or _unlabelled_money_header(lines, i))
            # (three cells are a header, even one read as a heading: "Förening  Sökt  Beviljat")
            and not (headings and headings[i] and len(re.findall(r"\S\s{2,}(?=\S)", text)) < 2)
            # ("Budget 2014   Prognos" over "tkr   helår tkr": read at its unit line)
            and not _thousands_below(lines, i)
            and not counts_caption(lines, i)
        ):
            # "Förening   Sökt 2002   Förslag 2002   Beviljat 2001": sums of money in
            # columns that say so, no unit printed: kronor (or what the line under the header
            # gives each column, "(tkr)   (tkr)")
            found, end = _read_money_table(lines, headings, i, 1, consumed)
            if found:
                out += found
                i = end + 1
                continue
        said = _UNIT_SENTENCE.search(text)
        if said is not None and _header_follows(lines, i):
            # "… framgår av följande sammanställning (kronor)." / "Belopp i tkr." over the
            # table's header: the unit of its bare numbers
            found, end = _read_money_table(
                lines, headings, i, _multiplier(said.group("u")), consumed
            )
            if found:
                out += found
                i = end + 1
                continue
        if u is None and (
            _breakdown_intro(text)
            or (
                bool(headings)
                and headings[i]
                and breakdown_heading(text)
                and _row_follows(lines, i)
            )
        ):
            # "Projektets kostnader för 2018 beräknas enligt följande:" over rows whose cells
            # carry their unit ("Personal   390 000 kr" … "Totalt   645 000 kr")
            found, end = _read_money_table(lines, headings, i, 1, consumed)
            if found:
                out += [dataclasses.replace(ta, announced=True) for ta in found]
                i = end + 1
                continue
        if (
            u is None
            or (headings and headings[i] and len(text.split()) > _MAX_CAPTION_WORDS)
            or len(text.split()) > _MAX_CAPTION_WORDS
            or text.endswith(".")
            or _money_cells(_cells(text))
        ):
            i += 1
            continue
        found, end = _read_money_table(lines, headings, i, _multiplier(u.group("u")), consumed)
        out += found
        i = end + 1 if found else i + 1
    return out


#: a sentence that ends by giving the unit of the table under it
_UNIT_SENTENCE = re.compile(
    rf"(?:\bbelopp(?:en)?\s+(?:anges\s+)?i\s+|\()(?P<u>{_UNIT_WORDS})\)?\.\s*$", re.IGNORECASE
)


def _thousands_below(lines: Sequence[str], i: int) -> bool:
    """The line under header line `i` gives its columns a unit of thousands or millions."""
    u = _UNIT_CELL.search(lines[i + 1]) if i + 1 < len(lines) else None
    return u is not None and _multiplier(u.group("u")) > 1


def _breakdown_intro(text: str) -> bool:
    """A short line that announces a breakdown of costs or financing and ends in a colon."""
    return (
        text.endswith(":")
        and len(text.split()) <= _MAX_CAPTION_WORDS
        and bool(BREAKDOWN.search(text))
    )


#: a row printed with one space before its value: "Rinkeby 2,4", "Summa 11,6"
_LABEL_VALUE = re.compile(
    r"^(?P<label>[^\d].*?[^\W\d_)])\s+(?P<value>(?:ca\.?\s+)?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d{1,3})?)$"
)


def _read_money_table(
    lines: Sequence[str],
    headings: Sequence[bool],
    anchor: int,
    mult: int,
    consumed: frozenset[int] = frozenset(),
) -> tuple[list[TableAmount], int]:
    n = len(lines)
    caption = lines[anchor].strip()
    header_cells = _cells(caption)
    if len(header_cells) == 2 and _SECTION_NO.fullmatch(header_cells[0]):  # "2  Utfall (tkr)"
        header_cells = header_cells[1:]
    if anchor > 0 and len(header_cells) >= 3:
        # "Beviljat  Sökt  Förslag" over "Organisation  2021, kr  2022, kr  2022, kr"
        header_cells = stacked_header(lines[anchor - 1], lines[anchor]) or header_cells
    # a unit line under the header ("(kr)  (kr)"): the header is the line above it
    if all(_UNIT_ONLY.fullmatch(c) for c in header_cells):
        j = anchor - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j < 0:
            return [], anchor
        caption = lines[j].strip()
        header_cells = _cells(caption)
    start = anchor + 1
    top = anchor - 1
    block = (
        header_block(lines, top)
        if top >= 0 and lines[top].strip() and not lines[top].startswith(" ")
        else None
    )
    if block is not None and block[1] > anchor and len(block[0]) >= 3:
        # the unit on a middle line of a header printed over several lines
        # ("Stadsdelsnämnd   Antal barn i   Tilldelning" / "familjer med   tkr" / "bistånd")
        header_cells, start = block
        caption = " ".join(lines[x].strip() for x in range(top, start))
    # a header line after a one-cell caption: cells that are words or years, no money
    k = start
    while k < n and not lines[k].strip():
        k += 1
    if k < n and len(header_cells) <= 1:
        cells = _cells(lines[k])
        if (
            len(cells) >= 2
            and not _money_cells(cells)
            or (len(cells) >= 2 and all(YEAR_CELL.match(c) for c in cells[1:]))
        ):
            header_cells = cells
            caption = f"{caption} {lines[k].strip()}"
            start = k + 1
            if start < n and lines[start].strip():
                wrapped = wrapped_header(lines[k], lines[start])
                stacked = (
                    stacked_header(lines[k], lines[start])
                    if wrapped is None and not _money_cells(_cells(lines[start]))
                    else None
                )
                if wrapped is not None:
                    # "Statligt  Kommunal" over "bidrag    insats": one header in two lines
                    header_cells, start = wrapped, start + 1
                elif stacked is not None and (
                    followup_header(stacked)
                    or header_role(stacked[0]) in ("district", "name", "performer")
                ):
                    # "Budget   Prognos" over "Verksamhetsområde   2018   2018   Avvikelse";
                    # "Mottagna   Grund-" over "Stadsdelsnämnd   2015   belopp": one header
                    header_cells, start = [dehyphen_join(c.split()) for c in stacked], start + 1
    if (
        start == anchor + 1
        and start + 1 < n
        and (dated := years_under(lines[anchor], lines[start])) is not None
        and column_units(lines[start + 1]) is not None
    ):
        header_cells, start = dated, start + 1  # the money columns' years, then their units
    # "tkr   tkr   antal" under the header: each money column's own unit, a count no money
    units = column_units(lines[start]) if start < n and start > anchor else None
    start += units is not None
    rows: list[tuple[int, list[str], int]] = []
    blanks = 0
    last = anchor
    label_line: str | None = None  # a label alone on its line, its value on the next
    for j in range(start, n):
        if j in consumed:
            continue  # a cell of a flattened row, joined onto the row's first line
        line = lines[j].strip()
        if not line:
            blanks += 1
            if blanks > _MAX_ROW_GAP:
                break
            continue
        if _group_label(lines, j, line):
            # "Våld i nära relationer" over its rows: a group of the table (or a row's
            # label over its sums)
            blanks, label_line = 0, line
            continue
        if headings and headings[j]:
            break
        cells = _cells(line)
        if len(cells) == 1 and (tail := _LABEL_VALUE.match(line)) is not None:
            cells = [tail.group("label"), tail.group("value")]  # "Rinkeby 2,4"
        money = _money_cells(cells)
        if money == len(cells) and label_line is not None:
            # a table flattened one cell per line: "Förskoleverksamhet" / "511,9"; a label
            # joined over its hyphen whose sums were left on the next line
            cells = [label_line, *cells]
        elif label_line is not None and money and cells[0].startswith("("):
            # "Föreningen Sommarljus" over "(projektbidrag)   210 000": one label
            cells = [f"{label_line} {cells[0]}", *cells[1:]]
        label_line = line if money == 0 and len(line.split()) <= 8 else None
        if money == 0 or money >= len(cells):
            if rows and (line.endswith(".") or len(line.split()) > 6 or blanks):
                break
            if not rows and len(line.split()) > 8:
                break
            blanks = 0
            continue  # a label wrapped onto the next line
        blanks = 0
        rows.append((j, cells, money))
        last = j
        if (
            TOTAL_LABEL.match(cells[0])
            and len(rows) > 1  # (a total that opens the table: its parts follow)
            and not (_part_follows(lines, j, money) or _shares_follow(lines, j))
        ):
            break
    if len(rows) < 2:
        return [], anchor
    out: list[TableAmount] = []
    ncols = max(m for _j, _c, m in rows)
    if start < n and lines[start].strip() and len(header_cells) >= 3:
        wrapped = wrapped_header(lines[start - 1], lines[start]) or aligned_header(
            lines[start - 1], lines[start]
        )
        if wrapped is not None and len(wrapped) == len(header_cells):
            # "Beviljat  Sökt  Förslag" over "2012  2013  2013": the columns' years
            header_cells, start = wrapped, start + 1
    table = table_type(header_cells, ncols, caption)
    items = [" ".join(c[: len(c) - m]) for _j, c, m in rows]
    items = [x for x in items if not TOTAL_LABEL.match(x)]
    if table == "breakdown" and 2 * sum(1 for x in items if cost_item(x)) > len(items):
        # "Budget 2024 (kronor)" over "Projektledare 50 procent", "Handledning …": one
        # project's costs (their Summa its cost), not a nämnd's budget
        table = "project_budget"
    # (a header of the money columns alone, over unlabelled row labels, names them all)
    named_all = len(header_cells) > ncols or len(header_cells) == ncols >= 2
    col_heads = spent_columns(header_cells[-ncols:]) if named_all else [""] * ncols
    # a unit printed in some money columns' headers ("Tilldelning, kr"): those are the money
    # (only where the header has a cell for the labels and one over each money column)
    unit_marked = len(header_cells) == ncols + 1 and any(_UNIT_IN_HEAD.search(c) for c in col_heads)
    for j, cells, money in rows:
        label = " ".join(cells[: len(cells) - money])
        total = bool(TOTAL_LABEL.match(label)) or fold(label).startswith("delsumm")  # (a group's)
        for c_idx, cell in enumerate(cells[len(cells) - money :]):
            m = _MONEY_CELL.match(cell)
            if m is None:
                continue
            at = ncols - money + c_idx
            col = col_heads[at] if at < len(col_heads) else ""
            # (the units line's cells stand over the last money columns)
            unit = units[at - ncols + len(units)] if units and at >= ncols - len(units) else mult
            if unit == 0:
                continue  # "antal" under "Aktiviteter": a count
            if (
                col
                and unit_marked
                and not _UNIT_IN_HEAD.search(col)
                and (header_role(col) not in _MONEY_ROLES or _SHARE_COLUMN.search(fold(col)))
            ):
                continue  # "Kvinnor 18–64 år", "Andel, %" beside "Tilldelning, kr": no money
            if (
                _COUNT_COLUMN.fullmatch(fold(col).strip())
                or fold(col).startswith("antal ")
                or _PEOPLE_COLUMN.match(fold(col).strip())
                or _SCORE_COLUMN.search(fold(col))
            ):
                continue  # "Medlemmar", "Antal platser", "Kvalitetspoäng": no money
            whole = int(re.sub(r"\D", "", m.group("num")))
            dec = m.group("dec")
            value = whole * unit + (int(dec.ljust(3, "0")[:3]) * unit // 1000 if dec else 0)
            if value <= 0:
                continue
            if m.group("neg"):
                value = -value  # a deficit or a reduction, as printed
            told = caption if ncols == 1 or YEAR_CELL.fullmatch(col.strip()) else ""  # (its rows)
            kind, conf = table_kind(label, col, total, table, told, ncols > 1)
            # (not "Förbrukat t.o.m. 2010": a running sum up to that year)
            col_year = re.search(r"(?<!t\.o\.m\. )(?<!tom )\b(?:19|20)\d\d\b", col)
            year = (
                int(col[:4])
                if YEAR_CELL.match(col)
                # "Beviljat 2001" beside "Förslag 2002": the column's own year
                else int(col_year.group())
                if col_year
                # a table of years: the row's label is its year ("2019   1 800   1 420")
                else int(label.strip()[:4])
                if YEAR_CELL.fullmatch(label.strip())
                else None
            )
            out.append(
                TableAmount(
                    j,
                    cell[: m.start("mark")] if m.group("mark") else cell,  # (no footnote's mark)
                    value,
                    bool(m.group("approx")),
                    kind,
                    conf,
                    year,
                    f"{caption} | {lines[j].strip()}",
                    column=col,
                    anchor=anchor,
                    frame=table == "frame",
                )
            )
    return out, last
