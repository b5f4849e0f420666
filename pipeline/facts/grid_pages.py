"""A table's rows going on over a page break: its footnotes at the foot of one page, its rows
at the top of the next, the header repeated there taken away as the page's furniture. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_cells import split_row_cells
from pipeline.facts.grid_header import GridColumn
from pipeline.facts.grid_lines import FOOTNOTE_MARK

__all__ = ["rows_after_footnotes"]


def rows_after_footnotes(
    lines: Sequence[BodyLine], j: int, columns: list[GridColumn]
) -> int | None:
    """The table's footnotes at line `j` at the foot of a page, its rows going on at the top
    of the next (the header repeated there was taken for page furniture): the line they go
    on at, or None when the table ends with its footnotes."""
    k = j
    while k < len(lines) and lines[k].page_no == lines[j].page_no:
        text = lines[k].text.strip()
        footnote = FOOTNOTE_MARK.match(text) or re.fullmatch(r"[_-]{4,}", text)
        if text and not footnote and (k - j > 3 or not lines[k - 1].text.strip()):
            return None  # (text after the footnotes on their page: the table has ended)
        k += 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    wide = [
        m
        for m in range(k, min(len(lines), k + 3))
        if len(split_row_cells(" " * lines[m].indent + lines[m].text, columns)) >= 3
    ]
    return k if k < len(lines) and wide else None
