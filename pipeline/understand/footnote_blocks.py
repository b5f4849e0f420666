"""Footnote blocks at a page's foot: a line that starts with a small number (or an OCR'd
superscript) after a blank line, running to the page end (or to a paragraph of the body
after a blank line) — not a numbered list's next item,
a section over its sub-sections, a meeting page's agenda item or a table's caption. Used by
:mod:`pipeline.understand.furniture`."""

from __future__ import annotations

import re

__all__ = ["mark_footnotes"]

_FOOTNOTE_START = re.compile(
    r"^\s*(?P<mark>\d{1,2}|[!*'’>\"“”^°])\s+(?P<text>[A-ZÅÄÖa-zåäö(\"”].*)"
)

#: a running header flattened into a line of text: a page number or a protokoll's number
_RUNNING_HEAD = re.compile(r"\bSida\s+\d+\s*\(\d+\)|\bProtokoll\s+nr\b", re.IGNORECASE)


def mark_footnotes(lines: list[str], labs: list[str | None]) -> None:
    """A footnote block: at the bottom of the page, after a blank line, a line that starts
    with a small number (or an OCR'd superscript) and text, running to the page end."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 8:
        return
    lower_bound = filled[int(len(filled) * 0.55)]
    for i in filled:
        if i < lower_bound or labs[i] is not None:
            continue
        m = _FOOTNOTE_START.match(lines[i])
        if m is None or (i > 0 and lines[i - 1].strip()):
            continue
        if _RUNNING_HEAD.search(lines[i]):
            continue  # "2 Kommunstyrelsen Protokoll nr 13 Sida 2 (5) …": a page's head run in

        mark = m.group("mark")
        if mark.isdigit() and _numbered_list_before(lines, i, int(mark)):
            continue
        if mark.isdigit() and any(re.match(rf"\s*{mark}\.\d", lines[j]) for j in filled if j > i):
            continue  # "3 Förvaltningens bedömning" over "3.1 …": a section and its parts
        if (
            mark.isdigit()
            and int(mark) >= 10
            and not any(re.search(rf"[^\W\d_]{mark}\b", ln) for ln in lines[:i])
        ):
            continue  # "12 Redovisning av …" on a meeting page: an agenda item, no note
        rest = [j for j in filled if j >= i]
        if len(rest) > 12 or sum(1 for j in rest if _TABLE_ROW.search(lines[j])) >= 2:
            continue  # (a numbered table caption over its rows: "3  Utfall (tkr)")
        marks = [f.group("mark") for ln in lines if (f := _FOOTNOTE_START.match(ln))]
        if not mark.isdigit() and marks.count(mark) >= 2:
            continue  # "*  Name" on line after line: a list's bullets, not a note's mark
        for j in rest:
            if (
                j > i
                and not lines[j - 1].strip()
                and labs[j] is None
                and not lines[j].startswith(" ")
                and not re.match(r"\s*(?:\d{1,2}|[!*'’>\"“”^°]+)\s", lines[j])
            ):
                break  # a paragraph of the body after the notes, its text going on
            if labs[j] is None:
                labs[j] = "footnote"
        return


#: a table row: a number in a column of its own after a gap
_TABLE_ROW = re.compile(r"\S\s{3,}-?\d[\d ]*(?:,\d+)?(?:\s{2,}|\s*$)")


def _numbered_list_before(lines: list[str], i: int, n: int) -> bool:
    """Whether line `i` ("n text") continues a numbered list ("n-1 text") above it."""
    prev = re.compile(rf"^\s*{n - 1}[.)]?\s")
    return n > 1 and any(prev.match(ln) for ln in lines[max(0, i - 15) : i])
