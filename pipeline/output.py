"""Query results as text: an aligned table, Markdown, CSV or JSON. Nothing is ever cut.

The table keeps each column at most `WRAP_AT` characters wide; a longer value is wrapped onto
continuation lines inside its column (like psql's wrapped format), so a 200-character title
shows whole:

    name                  | criteria
    ----------------------+----------------------------------------------
    Skolsociala team      | Strategisk betydelse för staden som helhet;
                          | Innovation; Jämställdhet

`wide` puts every row on one line instead. NULL is an empty place everywhere, also inside
lists (`2020; ` rather than `2020; None`); lists are joined with "; ".
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
from typing import Any

#: Widest a table column grows before its values wrap (characters).
WRAP_AT = 60

FORMATS = ("table", "markdown", "csv", "json")


def plain(v: Any) -> Any:
    """A value as JSON-friendly Python: dates as ISO strings, decimals as floats."""
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, list | tuple):
        return [plain(x) for x in v]
    return v


def cell(v: Any) -> str:
    """A value as one line of text: NULL empty, lists joined with "; ", newlines as spaces."""
    v = plain(v)
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v).replace("\r\n", " ").replace("\n", " ")


def format_rows(
    cols: list[str], rows: list[tuple[Any, ...]], fmt: str = "table", *, wide: bool = False
) -> str:
    """Rows as an aligned text table, Markdown, CSV or JSON (a list of objects)."""
    if fmt == "json":
        objs = [dict(zip(cols, map(plain, r), strict=True)) for r in rows]
        return json.dumps(objs, ensure_ascii=False, indent=1) + "\n"
    cells = [[cell(v) for v in r] for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows(cells)
        return buf.getvalue()
    if fmt == "markdown":
        esc = [[c.replace("|", "\\|") for c in r] for r in [cols, *cells]]
        out = ["| " + " | ".join(esc[0]) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in esc[1:]]
        return "\n".join(out) + "\n"
    if fmt != "table":
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return _table(cols, cells, wide) + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def _table(cols: list[str], cells: list[list[str]], wide: bool) -> str:
    limit = None if wide else WRAP_AT
    widths = [max([len(c)] + [_fit(len(r[i]), limit) for r in cells]) for i, c in enumerate(cols)]
    lines = [
        " | ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip(),
        "-+-".join("-" * w for w in widths),
    ]
    for r in cells:
        pieces = [_wrap(c, w) for c, w in zip(r, widths, strict=True)]
        for k in range(max(len(p) for p in pieces) if pieces else 1):
            parts = [
                (p[k] if k < len(p) else "").ljust(w) for p, w in zip(pieces, widths, strict=True)
            ]
            lines.append(" | ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


def _fit(n: int, limit: int | None) -> int:
    return n if limit is None else min(n, limit)


def _wrap(text: str, width: int) -> list[str]:
    """`text` cut into lines of at most `width` characters, at spaces where possible.

    Joining the lines with single spaces where a space was cut (or directly where a word was
    split) gives the text back: nothing is dropped.
    """
    if len(text) <= width:
        return [text]
    out: list[str] = []
    rest = text
    while len(rest) > width:
        cut = rest.rfind(" ", 1, width + 1)
        if cut <= 0:  # one word longer than the column: split it
            out.append(rest[:width])
            rest = rest[width:]
        else:
            out.append(rest[:cut])
            rest = rest[cut + 1 :]
    out.append(rest)
    return out
