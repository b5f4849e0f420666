"""Project tables a text export ran into one line with the rest of their page.

How the documents print them
----------------------------

A web page's copy of a PDF prints each page as one long line, and a table's cells follow
each other there with single spaces::

    … Bilaga 1 Lokala projekt 2008 Stadsdelsnämnd Projekt Tkr Rinkeby-Kista Läxhjälp i
    Husby 1 800 Trygghetsvandringar i Kista centrum 1 200 Spånga-Tensta Tensta ungdomsråd
    900 … Summa 14 000 …

Such a table is still found by its header: one-word column names the vocabulary knows
(``header_role``) — a project column, perhaps a district or applicant column before it — and
last a money column or its unit ("Tkr", "Kronor", "Belopp"). Each row ends in a bare sum;
the words before it are the row's cells. A district column's cell opens a row when the row
names its district; a row that does not belongs to the district above it (the group's first
row alone prints it, as a merged cell does). The Summa row ends the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_header import header_role, unit_multiplier
from pipeline.facts.item_parts import PlaceFinder, tidy
from pipeline.facts.lists import ListRow, Place, lead_places

__all__ = ["find_inline_tables"]

#: a one-word column name, capitalised as a header cell is ("Projekt", "Tkr")
_HEAD_WORD = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+")
#: a row: its cells, then its sum, a bare number another number does not follow
_ROW = re.compile(
    r"\s*(?P<cells>\S.*?)\s(?P<sum>\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d{1,2})?)(?=\s+[^\d\s]|\s*$)"
)
_TOTAL = re.compile(r"(?:summa|totalt|total|s:a)\b", re.IGNORECASE)
_MAX_CELL_WORDS = 16
_MIN_ROWS = 2


def find_inline_tables(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """The rows of every project table run into one line with its page."""
    out: list[ListRow] = []
    for j, ln in enumerate(lines):
        text = ln.text
        for head in _headers(text):
            rows = _rows(text, head, j, ln.page_no, find)
            if len(rows) >= _MIN_ROWS:
                out += rows
                break
    return out


def _headers(text: str) -> list[tuple[list[str | None], int, int]]:
    """Each header in the line: its columns' roles, its money column's unit, where it ends."""
    words = list(re.finditer(r"\S+", text))
    found = []
    for k, w in enumerate(words):
        if header_role(w.group()) != "name" or not _HEAD_WORD.fullmatch(w.group()):
            continue
        if k + 1 >= len(words) or header_role(words[k + 1].group()) != "cost":
            continue
        money = words[k + 1].group()
        if not _HEAD_WORD.fullmatch(money):
            continue
        roles: list[str | None] = ["name", "cost"]
        if k > 0 and _HEAD_WORD.fullmatch(words[k - 1].group()):
            before = header_role(words[k - 1].group())
            if before in ("district", "performer"):
                roles.insert(0, before)
        found.append((roles, unit_multiplier(money), words[k + 1].end()))
    return found


def _rows(
    text: str, head: tuple[list[str | None], int, int], j: int, page_no: int, find: PlaceFinder
) -> list[ListRow]:
    roles, unit, pos = head
    rows: list[ListRow] = []
    district: list[Place] = []
    while (m := _ROW.match(text, pos)) is not None:
        cells = m.group("cells").strip()
        if _TOTAL.match(cells) or len(cells.split()) > _MAX_CELL_WORDS:
            break
        name = cells
        if roles[0] == "district":
            places, end, _comma = lead_places(cells, find)
            rest = cells[end:].strip()
            if places and rest[:1].isupper():
                district, name = places, rest  # the row's own district cell
            elif not rows:
                break  # (a district column whose first row names no district)
        raw = m.group("sum")
        whole, _, dec = re.sub(r"[^\d,]", "", raw).partition(",")
        sek = int(whole) * unit + (int(dec.ljust(3, "0")[:3]) * unit // 1000 if dec else 0)
        row = ListRow(
            tidy(name),
            list(district),
            j,
            j,
            page_no,
            f"{cells} | {raw}",
            form="intro_list",
            intro_line=j,
        )
        row.amount, row.amount_raw, row.amount_approx, row.amount_line = sek, raw, False, j
        rows.append(row)
        pos = m.end()
    return rows
