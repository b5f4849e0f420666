"""A table's rows grouped under lines that say what became of them: a band across the table
in capitals, or a label, with no cell but its words.

How the documents write it
--------------------------

A follow-up sets its finished and its running projects in one table, each group under a
line of its own::

    Projekt                        Finansiering     Projektperiod
    AVSLUTADE UNDER 2023
    Trygg i skolan …               LUM 2023, …      2023-01-01–2023-12-31
    PÅGÅR UNDER 2024
    Familjebehandling med …        LUM 2023, …      2023-03-01–2024-02-29

The band is no row: each row under it that has no status of its own takes the band's words
as its status cell, so the table readers read it as any status word. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_lines import PERFORMER_GROUP
from pipeline.facts.grid_model import GridRow, GridTable
from pipeline.lang.fuzzy import fold

__all__ = ["status_bands"]

#: the words of a band: "AVSLUTADE UNDER 2023", "PÅGÅR UNDER 2024", "Pågående projekt:"
_BAND = re.compile(
    r"^(?:avslutade|avslutat|genomforda|genomfort|pagaende|pagar|fortsatter|fortsattande|"
    r"avbrutna|avbrutet)\b"
)


def _band_words(text: str) -> str | None:
    """The words of a band line: few, in capitals or as a label, saying what became of the
    rows under it."""
    text = text.strip()
    if not text or len(text.split()) > 5 or not (text.isupper() or text.endswith(":")):
        return None
    return text if _BAND.match(fold(text)) else None


def _band(row: GridRow) -> str | None:
    """The row's words when it is a band: its name only."""
    filled = {role for role, texts in row.cells.items() if any(t.strip() for t in texts)}
    if filled - {"name"} or row.amount is not None or row.applied is not None:
        return None
    return _band_words(row.text("name"))


def _performer_band(row: GridRow) -> str | None:
    """The row's performer when it is a group's line "Utförare: X" ("" for "Utförare: -")."""
    filled = {role for role, texts in row.cells.items() if any(t.strip() for t in texts)}
    group = PERFORMER_GROUP.match(" ".join(row.text(r) for r in filled).strip())
    if group is None or row.amount is not None or row.applied is not None:
        return None
    who = group.group("who").strip()
    return "" if who.startswith(("-", "–")) else who


def status_bands(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """Drop the bands of the table's rows, giving the rows under each its status (a band the
    table read as a group's label stands between the rows), and the group lines that name
    who carries out the rows under them ("Utförare: X"), giving each row its performer."""
    kept: list[GridRow] = []
    band: str | None = None
    who: str | None = None
    after = table.header_line
    for row in table.rows:
        between = (_band_words(lines[k].text) for k in range(after + 1, row.first_line))
        band = next((b for b in between if b is not None), band)
        after = row.last_line
        if (words := _band(row)) is not None:
            band = words
            continue
        if (named := _performer_band(row)) is not None:
            who = named
            continue
        if band is not None and not row.text("status"):
            row.cells["status"] = [band]
        if who and not row.text("performer"):
            row.cells["performer"] = [who]
        kept.append(row)
    if band is not None or who is not None:
        table.rows[:] = kept
