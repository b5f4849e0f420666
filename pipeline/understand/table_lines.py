"""Lines of tables that repeat at the top or foot of pages without being running lines:
a table's header repeated on each page it runs over, and the header cells and Summa rows of
tables a text export read one cell per line (`furniture` asks before it labels a line)."""

from __future__ import annotations

import re

__all__ = ["flat_table_line", "table_header"]


def table_header(line: str) -> bool:
    """A table's header repeated at the top of each page it runs over ("Stadsdelsnämnd
    Projekt  Utförare  Kronor") is part of the table, not a running header: three or more
    cells, at least two of them naming a column."""
    from pipeline.facts.grid_header import header_role  # the cue vocabulary, on first use

    cells = [c for c in re.split(r"\s{2,}|\s*\|\s*", line.strip()) if c]
    if len(cells) < 3 or any(ch.isdigit() for ch in line):
        return False
    return sum(header_role(c) is not None for c in cells) >= 2


#: a table's Summa row: its word, the sum on the next line when a table is read a cell a line
_SUM_WORD = re.compile(r"^(?:summa|totalt|s:a)$", re.IGNORECASE)
_CELL_GAP = re.compile(r"\S\s{3,}\S")
_BARE_NUMBER = re.compile(r"^\d{1,3}(?:[ \u00a0]\d{3})*(?:\s*(?:kr|kronor|tkr))?$")


def flat_table_line(lines: list[str], i: int) -> bool:
    """Two tables a text export read one cell per line, on two pages: their header cells
    ("Förvaltning" over "Projekt" over "Beviljat") and their Summa rows ("Summa" over
    "2 750 000") repeat at the same place without being running lines."""
    from pipeline.facts.grid_header import header_role  # the cue vocabulary, on first use

    text = lines[i].strip()
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if _SUM_WORD.match(text):
        return bool(_BARE_NUMBER.match(nxt))
    return (
        len(text.split()) <= 3
        and len(nxt.split()) <= 3
        # (one cell a line: "Spånga-Tensta stadsdelsförvaltning      Ansökan" over its
        # "Dnr …" is a letterhead's two cells)
        and not _CELL_GAP.search(text)
        and not _CELL_GAP.search(nxt)
        and header_role(text) is not None
        and header_role(nxt) is not None
    )
