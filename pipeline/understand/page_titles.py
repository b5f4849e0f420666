"""Titles of papers that are not a nämnd's own layout: a web page printed from a browser
(the page title in the print header), and a meeting portal's cover over one item's papers
("Ärende 9" over the item's subject). Pure."""

from __future__ import annotations

import re

from pipeline.records import CleanPage
from pipeline.understand.dates import ISO_DATE
from pipeline.understand.decisions import _join
from pipeline.understand.letterhead import _Field

__all__ = ["ONE_ITEM", "item_cover_title", "print_header_title"]

#: a browser's print header: "2022-05-09 14:37      <page title> - Intranätet"
_PRINT_HEADER = re.compile(
    rf"^\s*(?:{ISO_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}),?\s+\d{{1,2}}[:.]\d\d\s{{2,}}"
    r"(?P<title>\S.*?)\s+[-–|]\s+[^-–|]{2,40}$"
)
#: one item of a meeting, its number alone on a line at the left margin: "Ärende 9" (not a
#: letterhead's reference to the agenda set in its right-hand column)
ONE_ITEM = re.compile(r"^\s{0,4}Ärende\s+(?:nr\.?\s*)?\d{1,3}\s*$")
_HEAD_LINES = 12
_MAX_SUBJECT_LINES = 3


def print_header_title(p1: CleanPage) -> _Field | None:
    """A web page printed from a browser: the page's title in the print header, when the page
    prints it again as its heading ("Sök utvecklingsmedel för 2023 - LUM och MUL")."""
    if not p1.lines:
        return None
    m = _PRINT_HEADER.match(p1.lines[0].text)
    if m is None:
        return None
    title = " ".join(m.group("title").split())
    shown = any(" ".join(ln.text.split()) == title for ln in p1.lines[1:])
    return _Field(title, p1.lines[0].text.strip(), 0.7) if shown else None


def item_cover_title(p1: CleanPage) -> _Field | None:
    """A meeting portal's cover over one item's papers: "Ärende 9" over a blank line over the
    item's subject (up to three lines)."""
    lines = [ln.text for ln in p1.lines[:_HEAD_LINES]]
    for k, text in enumerate(lines):
        if ONE_ITEM.match(text) is None or k + 2 >= len(lines) or lines[k + 1].strip():
            continue
        first = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
        if first is None:
            return None
        parts = [t.strip() for t in lines[first : first + _MAX_SUBJECT_LINES]]
        parts = parts[: next((n for n, t in enumerate(parts) if not t), len(parts))]
        return _Field(_join(parts), " / ".join([text.strip(), *parts]), 0.7)
    return None
