"""Two pages printed side by side on one sheet ("2 sidor per ark"), as a scan or text layer
gives the sheet: each line holds the left page's line, a gap, and the right page's line.
The sheet is read as its left page and then its right page.

Such a sheet is known by its two page numbers ("Sida 1 (6)" on the left, "Sida 2 (6)" on the
right) and by a band of columns blank on every line between them: the gutter. Only then
are the lines cut; a page with one page number, or no blank band, is left as it is. Pure.
"""

from __future__ import annotations

import re

__all__ = ["sheet_halves"]

_PAGE_NO = re.compile(r"\bSid(?:a)?\s+(\d{1,3})\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3})", re.I)
_MIN_BAND = 2  # blank columns of the gutter
_MIN_SIDE = 30  # the least width of a page


def sheet_halves(text: str) -> str:
    """`text` read as its left page, then its right page, when it is two pages side by side
    (module docstring); else `text` as it is."""
    lines = text.split("\n")
    marks = [(m.start(), m.end(), int(m.group(1))) for ln in lines for m in _PAGE_NO.finditer(ln)]
    if len({no for _s, _e, no in marks}) < 2:
        return text
    width = max(len(ln) for ln in lines)
    blank = [all(c >= len(ln) or ln[c] == " " for ln in lines) for c in range(width)]
    for start in range(_MIN_SIDE, width - _MIN_SIDE):
        if not blank[start] or blank[start - 1]:
            continue
        end = start
        while end < width and blank[end]:
            end += 1
        left = [no for s, _e, no in marks if s < start]
        right = [no for s, _e, no in marks if s >= end]
        if end - start >= _MIN_BAND and left and right and min(right) > max(left):
            return _read_halves(lines, end)
    return text


def _read_halves(lines: list[str], cut: int) -> str:
    lefts = [ln[:cut].rstrip() for ln in lines]
    rights = [ln[cut:].rstrip() for ln in lines]
    shift = min((len(r) - len(r.lstrip()) for r in rights if r.strip()), default=0)
    return "\n".join([*lefts, "", *(r[shift:] for r in rights)])
