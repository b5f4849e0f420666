"""A categorised view of a database printed as a table (Lotus Notes, a case system's list).

How the documents print them
----------------------------

Each category's line carries its name, the number of rows under it in brackets and the
category's sums; its rows follow, set in under it::

    Förvaltning / Projekt                  Ansökan nr    Sökt   Förslag
    Bromma (2)                                         570000    350000
       Stöd till barn i familjer med       LUM-10-03   380000    350000
       långvarigt ekonomiskt bistånd
       Anhöriggrupper för föräldrar till   LUM-10-10   190000
       unga med missbruk
    Farsta (1)                                         450000    400000
       Strukturerad uppföljning av         LUM-10-01   450000    400000

The category is the rows' owner (the district column the view has not), its line no row of
its own, its sum a subtotal. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_model import GridRow, GridTable

__all__ = ["counted_groups"]

#: a category's name and its count of rows: "Bromma (2)", "Enskede-Årsta-Vantör (1)"
_COUNTED = re.compile(r"^(?P<label>[A-ZÅÄÖ][\w .-]{1,60}?)\s*\((?P<n>\d{1,2})\)$")


def counted_groups(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """Rows under the lines of their categories ("Bromma (2)"), set in under them: each row
    takes its category as its district; the category's line leaves the rows for the table's
    subtotals."""
    # ("Förvaltning / Projekt": the column of the categories' lines and their rows' names)
    key = "name" if "name" in table.roles else "district"
    if key not in table.roles or (key == "name" and "district" in table.roles):
        return
    heads = [r for r in table.rows if _category(r, lines, key) is not None]
    if len(heads) < 2:
        return
    if key == "district":
        for col in table.columns:
            col.role = "name" if col.role == "district" else col.role
        for r in table.rows:
            r.cells["name"] = r.cells.pop("district", [])
    rows: list[GridRow] = []
    label: str | None = None
    for r in table.rows:
        got = _category(r, lines, "name")
        if got is not None:
            label = got
            if r.amount is not None and r.amount_raw is not None:
                table.subtotals.append((r.amount, r.amount_raw, r.first_line, r.evidence))
            continue
        if label is not None:
            r.cells.setdefault("district", [label])
        rows.append(r)
    table.rows = rows


def _category(r: GridRow, lines: Sequence[BodyLine], key: str) -> str | None:
    """The category a row's line names in its `key` cell, when it is one: its count in
    brackets, one line, and the next line set in deeper than it."""
    m = _COUNTED.match(" ".join(r.cells.get(key, [])).strip())
    if m is None or r.first_line != r.last_line:
        return None
    k = r.last_line + 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    deeper = k < len(lines) and lines[k].indent > lines[r.first_line].indent
    return m.group("label") if deeper else None
