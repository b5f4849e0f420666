"""Tables printed with pipes, as a Markdown or wiki export writes them, laid out in columns.

How the documents print them
----------------------------

A text exported from a web page or a word processor's Markdown view prints a table as rows of
cells between pipes, each row as wide as its own cells, with a rule row under the header and
bold markers around a total::

    | Förening | Verksamhet | Belopp |
    |---|---|---|
    | IF Exempel | Simträning för barn | 210 000 kr |
    | **Summa** | | **1 140 000 kr** |

The table readers find columns by where cells start on the line, so such a run of rows is
rewritten with every column padded to its widest cell: the rule row becomes a blank line and
the bold markers go. The lines keep their place (and page); only their text is laid out. A row of a list or table
whose name and sum are joined by dot leaders ("Boendestöd för unga .... 290 tkr") gets a column
gap instead; a table of contents (three or more such lines ending in page numbers that never
fall: "3.1  Barn som placeras akut ........ 4") names the document's parts, not projects or
sums, and its lines are blanked. Pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine

__all__ = ["align_pipe_tables"]

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE_ROW = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$")
_BOLD = re.compile(r"\*\*(.*?)\*\*")
_GAP = 3  # spaces between two columns
_MIN_ROWS = 2


#: dot leaders between a name and its sum ("Boendestöd för unga .... 290 tkr")
_LEADER = re.compile(r"\s*\.{4,}\s*|\s+\.{2,3}\s+(?=\d[\d  ]*(?:kr|kronor|tkr)\b)")


def align_pipe_tables(lines: Sequence[BodyLine]) -> list[BodyLine]:
    """`lines` with every run of pipe rows laid out in columns (module docstring), and dot
    leaders turned into a column gap."""
    contents = _contents(lines)
    out = [
        dataclasses.replace(ln, text="")
        if k in contents
        else dataclasses.replace(ln, text=_LEADER.sub("   ", ln.text))
        if ".." in ln.text
        else ln
        for k, ln in enumerate(lines)
    ]
    i = 0
    while i < len(out):
        if not _PIPE_ROW.match(out[i].text):
            i += 1
            continue
        j = i
        rows = []
        while j < len(out) and _PIPE_ROW.match(out[j].text):
            rows.append(j)
            j += 1
            if j + 1 < len(out) and not out[j].text.strip() and _PIPE_ROW.match(out[j + 1].text):
                j += 1  # a blank line between two rows of one table
        if len(rows) >= _MIN_ROWS and not _aligned([out[k].text for k in rows]):
            _align(out, rows)
        i = j
    return out


#: a line of a table of contents: a heading, dot leaders, its page ("3.1 Name ...... 4")
_CONTENTS_LINE = re.compile(r"\S.*?\.{4,}\s*(?P<page>\d{1,3})$")
_MIN_CONTENTS = 3
_MAX_PAGE = 300


def _contents(lines: Sequence[BodyLine]) -> set[int]:
    """The lines of a table of contents: a run of three or more lines with dot leaders to
    page numbers that never fall (blank lines and wrapped headings between). They name the
    document's parts, not its projects or sums, and read as nothing."""
    out: set[int] = set()
    run: list[int] = []
    pages: list[int] = []

    def close() -> None:
        if len(run) >= _MIN_CONTENTS and pages == sorted(pages) and pages[-1] <= _MAX_PAGE:
            out.update(range(run[0], run[-1] + 1))
        run.clear()
        pages.clear()

    for k, ln in enumerate(lines):
        m = _CONTENTS_LINE.match(ln.text)
        if m is not None:
            run.append(k)
            pages.append(int(m.group("page")))
        elif ln.text.strip() and not (run and ln.indent > lines[run[-1]].indent):
            close()
    close()
    return out


def _cells(text: str) -> list[str]:
    inner = text.strip()[1:-1]
    return [_BOLD.sub(r"\1", c).strip() for c in inner.split("|")]


def _aligned(texts: list[str]) -> bool:
    """Whether the rows' pipes already stand in the same places (a table drawn with pipes
    in a fixed-width layout, its wrapped cells on lines of their own)."""
    places = {tuple(m.start() for m in re.finditer(r"\|", t)) for t in texts}
    return len(places) == 1


def _align(out: list[BodyLine], rows_at: list[int]) -> None:
    rows = {k: _cells(out[k].text) for k in rows_at if not _RULE_ROW.match(out[k].text)}
    ncols = max(len(r) for r in rows.values())
    widths = [
        max((len(r[c]) for r in rows.values() if c < len(r)), default=0) for c in range(ncols)
    ]
    for k in rows_at:
        cells = rows.get(k)
        if cells is None:
            text = ""  # the rule under the header
        else:
            parts = [cell.ljust(widths[c]) for c, cell in enumerate(cells)]
            text = (" " * _GAP).join(parts).rstrip()
        out[k] = dataclasses.replace(out[k], text=text, indent=0)
