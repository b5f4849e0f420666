"""A table whose rows are named by a key alone ("A", "B"), the key set out elsewhere in
the document over the name ("A   Arbetslinjen i försörjningsstödet – uppföljning …",
"Bilaga 1. Förslagen"): each row takes the name its key stands for. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_model import GridTable

__all__ = ["named_by_key"]

#: a row's name that is only a key: a capital letter (a number is a list's item number, which
#: `numbered_rows` reads)
_KEY = re.compile(r"[A-H]")


def named_by_key(table: GridTable, lines: Sequence[BodyLine]) -> None:
    """Rename each row of `table` named by a key alone with the name printed after that key
    on a line of its own outside the table (a key, a gap, the name; its wrapped line)."""
    for row in table.rows:
        key = " ".join(row.cells.get("name", [])).strip(" .):")
        if not _KEY.fullmatch(key):
            continue
        pattern = re.compile(rf"^{re.escape(key)}(?:[.)]\s+|\s{{2,}})(?P<name>[A-ZÅÄÖ].{{5,}})$")
        for k, ln in enumerate(lines):
            if table.header_line <= k <= table.last_line:
                continue
            m = pattern.match(ln.text.strip())
            if m is None:
                continue
            name = m.group("name").strip()
            nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
            if nxt[:1].islower() and ":" not in nxt:
                name = f"{name} {nxt}"  # the name wraps ("… en jämförelse mellan" ⏎ "stadsdelar")
            row.cells["name"] = [name]
            break
