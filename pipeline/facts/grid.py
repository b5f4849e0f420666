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
  a second district, the rest of a performer's name. An owner's line at the margin over
  its projects set in ("Södermalms stadsdelsförvaltning" in a "Förvaltning/projekt" column)
  owns the rows under it, to its "Summa Södermalm" (a subtotal).
* The table **ends** at a ``Summa``/``Totalt`` row (its amount is the table's total), at a
  heading, or at prose: a line after a blank line that is not laid out in the table's
  columns. A header repeated on the next page (or in a Bilaga) continues the same table.

Only a header of two cells or more, one naming the row or its owner, opens a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_cells import split_row_cells
from pipeline.facts.grid_columns import none_granted
from pipeline.facts.grid_groups import counted_groups
from pipeline.facts.grid_header import (
    MONEY_ROLES,
    ROW_ROLES,
    RULE,
    GridCell,
    GridColumn,
    assign_columns,
    continuation_cells,
    read_header,
    split_cells,
    unit_line,
)
from pipeline.facts.grid_lines import (
    CO_APPLICANT,
    CONTINUED,
    FOOTNOTE_MARK,
    GROUP_TOTAL,
    SOUGHT_CELL,
    TOTAL_ROW,
    comment_line,
    fund_only,
    group_label,
    group_sums,
    is_prose,
    is_repeat_header,
    lead_cells,
    list_group,
    next_numbered,
    numbers_glued_to_names,
    owner_group_line,
    owner_label,
    refused_after,
    rows_follow,
    rows_ruled,
    subtotal,
    total_after_sums,
    total_column,
    turned_down,
    year_of,
)
from pipeline.facts.grid_model import (
    GridRow,
    GridTable,
    activity_list,
    caption_paid_back,
    caption_unit,
    header_goes_on,
    instalments,
    money_column,
    read_number,
    remark_verdicts,
    row_total,
    table_lines,
    verdict_column,
    words_in_money,
)
from pipeline.facts.grid_pages import rows_after_footnotes
from pipeline.facts.grid_wrap import goes_on, open_period, starts_row, sum_opens_below, tidy_rows
from pipeline.facts.keyed_rows import named_by_key
from pipeline.facts.status_colours import colour_statuses
from pipeline.facts.text_units import kind_label
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = ["GridCell", "GridRow", "GridTable", "find_grid_tables", "split_cells", "table_lines"]

_VERDICT = re.compile(r"^(?:beviljas|beviljat|avslas|bifalls|tillstyrks|avstyrks)\b")
_YYMMDD = re.compile(r"^\s*\d\d(?:0[1-9]|1[0-2])(?:(?:0[1-9]|[12]\d|3[01]))?\s*$")  # ÅÅMM(DD)
_YEARISH = re.compile(rf"^\s*{YEAR}(?:\s*[-–—/]+\s*(?:19[89]|20[0-4])?\d{{2,4}})?\s*$")


def find_grid_tables(lines: Sequence[BodyLine]) -> list[GridTable]:
    """Every column-laid-out project table in the body, in order."""
    tables: list[GridTable] = []
    i = 0
    while i < len(lines):
        columns = read_header(lines, i)
        if columns is None or caption_paid_back(lines, i) or header_goes_on(lines, i, columns):
            i += 1
            continue
        caption_unit(lines, i, columns)
        table = _read_table(lines, i, columns)
        for check, role in (
            (verdict_column, "status"),
            (words_in_money, "other"),
            (verdict_column, "status"),  # (a column of words in money read again as verdicts)
        ):
            if (col := check(table)) is not None:  # (a money column of words: read again)
                col.role = role
                table = _read_table(lines, i, columns)
        for tidy in (tidy_rows, named_by_key, counted_groups, remark_verdicts, colour_statuses):
            tidy(table, lines)
        tables += [table] if table.rows and not activity_list(table) else []
        i = table.last_line + 1 if table.rows else i + 1
        if table.rows and (k := refused_after(lines, i, columns)) is not None:
            # "Ansökningar som avstyrks" under the Summa, over rows in the same columns
            tables.append(_read_table(lines, k, columns, lines[k].text.strip()))
            i = tables[-1].last_line + 1
    return tables


def _read_table(
    lines: Sequence[BodyLine], h: int, columns: list[GridColumn], group_verdict: str | None = None
) -> GridTable:  # (`group_verdict`: the label over rows turned down)
    table = GridTable(header_line=h, columns=columns, last_line=h)
    money = money_column(columns)
    decided_before = any(c.role == "granted_before" for c in columns)
    applied = next((c for c in columns if c.role == "applied"), None)
    row: GridRow | None = None
    blank, group_owner, grouped = False, None, False  # (the owner a group line names)
    after_rule = False
    continued = False  # a caption said the table goes on: the next header is its own again
    j, head_end = h + 1, h
    while j < len(lines):
        ln = lines[j]
        text = " " * ln.indent + ln.text
        stripped = ln.text.strip()
        if RULE.match(stripped):  # a drawn border between rows (+----+----+, ====)
            if rows_ruled(lines, j, columns, row, table.rows):
                table.ruled = True  # rows are separated by rules: only a rule ends a row
            after_rule = True
            j += 1
            continue
        if not stripped:
            blank, j = True, j + 1
            continue
        if FOOTNOTE_MARK.match(stripped):  # "¹ Bromma, Farsta och …": a footnote, no row
            if (j := rows_after_footnotes(lines, j, columns) or -1) < 0:
                break  # (its rows may go on on the next page, under a header taken away)
            keep = row is not None and goes_on(lines[j : j + 1], columns)
            blank, row = False, row if keep else None
            continue
        if (
            j <= h + 2
            and j == head_end + 1
            and (unit_line(lines, j, columns) or continuation_cells(lines, h, j))
        ):
            head_end = j  # the header's wrapped second (and third) line
            j += 1
            continue
        if not ln.heading and CONTINUED.match(fold(stripped)):  # "Tabell 1 (forts.)"
            continued, j = True, j + 1
            continue
        if is_repeat_header(lines, j, columns) or (continued and read_header(lines, j)):
            continued = False  # the header again on a new page, its columns a little moved
            again = read_header(lines, j) or columns
            if len(again) == len(columns):
                for col, new_col in zip(columns, again, strict=True):
                    col.start = new_col.start
            blank = False
            k, j = j, j + 1
            while (
                j < len(lines)
                and j - k <= (2 if row is None else head_end - h)
                and (continuation_cells(lines, k, j) or unit_line(lines, j, columns))
            ):
                j += 1  # its wrapped lines ("nämnd   belopp   tkr"), as many as the first's
            # a row the page break split goes on under the header ("i Husby och Akalla")
            row = row if row is not None and goes_on(lines[j : j + 1], columns) else None
            continue
        # "MUST" (a fund's group) or "Nya projekt" (a group of kind) over its rows
        fund_label = ln.indent <= 2 and len(stripped.split()) <= 3 and fund_only(stripped)
        fund_label = fund_label or (ln.indent <= 2 and kind_label(stripped))
        if (grouped or not table.rows) and (
            owner := owner_group_line(lines, j, columns, grouped)
        ):  # (over its projects, set in)
            row, blank, (group_owner, j), grouped = None, False, owner, True
            columns[0].role = "name"  # (the owners' lines aside, the column names projects)
            continue
        if (ln.heading or fund_label) and "  " not in stripped and "|" not in stripped:
            if money is None or not group_label(lines, j, columns, money):
                break
            row = None  # "TEATER OCH DANS" over the next group of rows: the table goes on
            blank, group_owner = False, owner_label(stripped, columns) or group_owner
            j += 1
            continue
        cells = split_row_cells(text, columns)
        if (
            TOTAL_ROW.match(stripped.lstrip("| ")) and subtotal(stripped, lines, j)
        ) or GROUP_TOTAL.match(stripped.lstrip("| ")):
            # "Summa Bromma" under Bromma's rows: a subtotal (what the group was granted)
            table.subtotals += group_sums(cells, columns, money, j, stripped)
            row, blank, group_owner = None, False, list_group(stripped) or group_owner
            j += 1
            continue
        year_col = next((c for c in columns if c.role == "year"), None)
        if (
            TOTAL_ROW.match(stripped.lstrip("| "))
            and row is not None
            and money is not None
            and year_col is not None
            and ln.indent >= year_col.start - 2
            and not after_rule
            and len(row.cells.get("year", [])) >= 2  # (under its years, not one year's row)
        ):
            # "Summa  800 000" inside a ruled row under its years' sums: the row's own total
            got = next((g for c in cells[1:] if (g := read_number(c.text, money.multiplier))), None)
            if got is not None:
                row_total(row, got, j)
                row.last_line = table.last_line = j
                j += 1
                continue
        if TOTAL_ROW.match(stripped.lstrip("| ")) or total_after_sums(stripped):
            if money is not None:
                summed = []
                for c, col in zip(cells[1:], assign_columns(columns, cells)[1:], strict=True):
                    unit = col.multiplier if col.multiplier > 1 else money.multiplier
                    got = read_number(c.text, unit) if col.role != "count" else None
                    if got is None:
                        continue  # (a count of participants is no money)
                    summed.append(col)
                    table.total_line = j
                    table.total_evidence = stripped
                    if applied is not None and col is applied:
                        table.applied_total, table.applied_total_raw, _ = got
                        continue
                    # money spent or paid back, or the whole cost; another year's grants
                    if col.role == "granted_before":  # the Summa of the grants decided before
                        table.total_extra.append((got[0], got[1], "total_granted", None))
                        continue
                    other = col.role == "spent" or (col is not money and "kostnad" in col.header)
                    if other or (table.total is not None and col is not money):
                        kind = "other" if other else "total_granted"
                        table.total_extra.append((got[0], got[1], kind, year_of(col.header)))
                        continue
                    table.total, table.total_raw, _ = got
                if summed and not any(total_column(c.header) for c in summed):
                    instalments(table)
            table.last_line = j
            if table.rows or row is not None or not rows_follow(lines, j + 1, columns):
                break
            j += 1  # "Totalt" printed first, right under the header: its rows follow
            continue
        by_col = lead_cells(cells, columns)  # (a row number or district left of the columns)
        if grouped and CO_APPLICANT.match(stripped):  # ("– medsökande: Skärholmen")
            by_col, cells = {"district": [stripped]}, []
        extra: list[tuple[int, str, int | None, str]] = []
        first_year: int | None = None
        instalment: tuple[int, str, bool, int | None] | None = None
        amount: tuple[int, str, bool] | None = None
        applied_amount: tuple[int, str, bool] | None = None
        sought_below: tuple[int, str, bool] | None = None
        for c, col in zip(cells, assign_columns(columns, cells), strict=True):
            # a money column's own unit first ("Kostnad 2013 (tkr)" beside a "Medel" column)
            unit = col.multiplier if col.multiplier > 1 else (money or col).multiplier
            sought = SOUGHT_CELL.match(c.text.strip())
            if sought and money is not None and col is money:
                # "(sökt 62 000)" under a row's proposed sum: the sum it applied for
                sought_below = read_number(sought.group(1), unit)
                continue
            num = read_number(c.text, unit) if money else None
            if (
                col is not money
                and col.role in ("end", "year", "status", "other")
                and (_YEARISH.match(c.text) or _YYMMDD.match(c.text))
            ):
                num = None  # a period's or status's year ("Fortsätter 2020", "990226") is no sum
            if col.role == "count":
                num = None  # "Delt.", "Poäng": a count beside the money
            if (
                money is not None
                and num is not None
                and (c is cells[-1] or c.end > money.start - 4 or col.role in MONEY_ROLES)
            ):
                if applied is not None and col is applied:
                    applied_amount = read_number(c.text, applied.multiplier) or num
                elif col.role in ("spent", "group_total"):  # (the money used; a group's sum)
                    got = read_number(c.text, col.multiplier if col.multiplier > 1 else unit)
                    kind = "other" if col.role == "spent" else "total_granted"
                    if got is not None:
                        extra.append((got[0], got[1], year_of(col.header), kind))
                elif col.role == "granted_before":  # (read as a project_cost, see amounts)
                    extra.append((num[0], num[1], year_of(col.header), "granted_before"))
                elif total_column(col.header) and amount is not None and decided_before:
                    # "Beviljat 2021 | Förslag 2022 | Totalt": the proposal is the row's sum,
                    # the total over the years another sum of it
                    extra.append((num[0], num[1], None, "project_cost"))
                elif total_column(col.header) and amount is not None:
                    # a "Totalt" column after the years: the row's whole grant is its sum
                    extra.append((amount[0], amount[1], first_year, "project_cost"))
                    instalment = (*amount, first_year)
                    amount, first_year = num, first_year
                elif amount is None:
                    amount, first_year = num, year_of(col.header)
                elif col is money:  # "Total kostnad | varav KS": the part paid is the sum
                    extra.append((amount[0], amount[1], first_year, "project_cost"))
                    amount, first_year = num, year_of(col.header)
                else:
                    extra.append((num[0], num[1], year_of(col.header), "project_cost"))
                continue
            if c.text.strip(" |") not in ("-", "–", "—"):  # a dash: the cell is empty
                by_col.setdefault(col.role, []).append(c.text.strip(" |"))
        if amount and applied_amount and none_granted(cells, columns, money):  # (a cost only)
            extra.append((amount[0], amount[1], first_year, "project_cost"))
            amount = None
        if row is not None and _VERDICT.match(fold(stripped)) and len(cells) < 3:
            # the decision printed under a row: "Beviljas: 12 000 kr", "Avslås (sökt …)"
            row.verdict = stripped
            row.last_line = table.last_line = j
            row.evidence += " " + stripped
            blank, j = False, j + 1
            continue
        if is_prose(stripped, cells, blank):
            break
        # under rows with their sums on their first line, a line goes on with the row
        top_aligned = (
            money is not None
            and row is not None
            and not blank
            and amount is None
            and applied_amount is None
            and all(r.amount is not None and r.amount_line == r.first_line for r in table.rows)
            # only text cells (a row of its own fills its count or money column), or a period's end
            and all(
                col.role in ("name", "district", "performer", "funder", "purpose")
                or (col.role == "end" and open_period(row))
                for col in assign_columns(columns, cells)
            )
        )
        # "Liljeholmen  Mötesplats …" over "  annan språkbakgrund  600" under a row with its sum
        opens_below = (
            money is not None
            and amount is None
            and row is not None
            and (row.amount is not None or row.applied is not None)
            and sum_opens_below(lines, j, columns, cells, money)
        )
        # "2014   400 000" under a row's first year: the same row's next year
        year_only = (
            row is not None
            and amount is not None
            and bool(by_col.get("year"))
            and set(by_col) <= {"year"}
        )
        starts = not year_only and (
            after_rule or row is None
            if table.ruled
            else not top_aligned
            # a sum applied for starts a row as a granted one does ("310 000   –")
            and starts_row(
                cells, columns, amount or applied_amount, money, row, ln.indent, stripped, blank
            )
        )
        # "avslås   Bromma   Kapstaden, konferens …" under rows that open with their sums
        refused = amount is None and row is not None and turned_down(cells, by_col, money)
        refused = refused and not table.ruled
        # ("2 Stärkt …" under a row with its sum: the next row, its number glued to its name)
        glued = next_numbered(row, by_col)
        starts = starts or refused or (not table.ruled and (opens_below or glued))
        starts = starts or (grouped and row is None)  # (a project's first line, its owner's over)
        after_rule = False
        if not starts:
            if row is None:  # ("Socialförvaltningen" alone over its group's first row)
                group_owner = owner_label(stripped, columns) or group_owner
                j += 1
                continue
            if blank and row.amount is not None and ln.page_no != lines[row.last_line].page_no:
                break  # the next page's first line with no sum: the next slide's or section's
            for role, texts in by_col.items() if not comment_line(row, stripped) else ():
                row.cells.setdefault(role, []).extend(texts)
            row.last_line = j
            row.evidence += " " + stripped
            if amount is not None and row.amount is None:
                row.amount, row.amount_raw, row.amount_approx = amount
                row.amount_line = j
            elif amount is not None and _YEARISH.match(" ".join(by_col.get("year", []))):
                # "2014   400 000" under the row's first year: the next year's sum
                year_cell = int(re.sub(r"\D", "", by_col["year"][0])[:4])
                row.extra.append((amount[0], amount[1], j, year_cell, "project_cost"))
            applied_amount = applied_amount or sought_below
            if applied_amount is not None and row.applied is None:
                # the sums on the last line of a wrapped row: the one applied for too
                row.applied, row.applied_raw = applied_amount[0], applied_amount[1]
                row.applied_line = j
            row.extra += [(sek, raw, j, yr, kind) for sek, raw, yr, kind in extra]
            table.last_line = j
            blank = False
            j += 1
            continue
        row = GridRow(
            cells=by_col, first_line=j, last_line=j, page_no=ln.page_no, evidence=stripped
        )
        if group_owner and ("district" not in by_col or grouped):  # ("v  Förvaltning : …")
            row.cells["district"] = [group_owner, *by_col.get("district", [])]
        elif group_owner and not table.rows:  # (the owner's line over a stacked column's row)
            row.cells["district"] = [group_owner, *row.cells["district"]]
        if refused or group_verdict:  # "avslås" in the money column, or over the rows
            row.verdict = cells[0].text.strip() if refused else group_verdict
        if amount is not None:
            row.amount, row.amount_raw, row.amount_approx = amount
            row.amount_line, row.amount_year = j, first_year
        row.instalment = instalment
        row.extra = [(sek, raw, j, yr, kind) for sek, raw, yr, kind in extra]
        if applied_amount is not None:
            row.applied, row.applied_raw = applied_amount[0], applied_amount[1]
            row.applied_line = j
        table.rows.append(row)
        table.last_line = j
        blank = False
        j += 1
    table.rows = [r for r in table.rows if any(r.text(role) for role in ROW_ROLES)]
    numbers_glued_to_names(table.rows)
    return table
