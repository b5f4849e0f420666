"""Two tables printed side by side on a landscape page, read one after the other.

How the documents print them
----------------------------

An appendix may set two tables beside each other, a fund's projects on the left and another
fund's trips on the right; text extraction then prints a row of each on one line, and the
rows drift apart as their names wrap differently::

    Tabell 1. Lokala utvecklingsmedel     Tabell 2. Medel för studiebesök (MUST)

    Förvaltning   Projekt          Tkr    Förvaltning   Resmål och syfte       Kr
    Bromma        Mobila team för  350    Bromma        Oslo - uppsökande   18 000
                  unga vuxna                            arbete bland unga
    Summa                        2 860    Farsta        Köpenhamn - …       24 000

A header line whose cells name the same kind of column twice (a district or a name first, a
sum among each half's columns) is two headers; its second half starts the right table's
column. From the captions above it down to the last line that leaves that column free (not
a sentence running across it), each line is cut there: the left parts are set first, then a
blank line, then the right parts at their own columns. Pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.header_roles import header_role

__all__ = ["set_twin_tables_apart"]

_CELL = re.compile(r"\S(?:\S| (?! ))*")
_FIRST_ROLES = ("district", "name")
_SUM_ROLES = ("cost", "applied")
_MIN_COLUMN = 30
_CAPTION_LINES = 3


def set_twin_tables_apart(lines: Sequence[BodyLine]) -> list[BodyLine]:
    """`lines` with each pair of side-by-side tables set one after the other (module
    docstring)."""
    out: list[BodyLine] = []
    i = 0
    while i < len(lines):
        column = _twin_header(lines[i])
        if column is None:
            out.append(lines[i])
            i += 1
            continue
        start = i
        # (the captions over both tables: "Tabell 1. …      Tabell 2. …")
        while (
            start > 0
            and i - start < _CAPTION_LINES
            and lines[start - 1].page_no == lines[i].page_no
            and not lines[start - 1].heading
            and (cut := _cut(lines[start - 1], column)) is not None
            and (not lines[start - 1].text or cut[1])
        ):
            start -= 1
        while start < i and not lines[start].text:
            start += 1
        end = i + 1
        while (
            end < len(lines)
            and lines[end].page_no == lines[i].page_no
            and not lines[end].heading
            and _cut(lines[end], column) is not None
            and not _ends_block(lines, end)
        ):
            end += 1
        del out[len(out) - (i - start) :]
        left: list[BodyLine] = []
        right: list[BodyLine] = []
        for ln in lines[start:end]:
            a, b = _cut(ln, column) or ("", "")
            left.append(_line(ln, a))
            right.append(_line(ln, b))
        blank = dataclasses.replace(lines[i], text="", indent=0, heading=False)
        out.extend([*left, blank, *right])
        i = end
    return out


def _twin_header(ln: BodyLine) -> int | None:
    """The column where the second of two headers on the line starts, or None."""
    if ln.heading or not ln.text:
        return None
    full = " " * ln.indent + ln.text
    cells = [(m.start(), m.group()) for m in _CELL.finditer(full)]
    if len(cells) < 4:
        return None
    roles = [header_role(text) for _at, text in cells]
    if roles[0] not in _FIRST_ROLES:
        return None
    for j in range(2, len(cells) - 1):
        halves_alike = abs((len(cells) - j) - j) <= 1 and cells[j][1][:1].isupper()
        sums_in_both = any(r in _SUM_ROLES for r in roles[1:j]) and any(
            r in _SUM_ROLES for r in roles[j + 1 :]
        )
        if roles[j] == roles[0] and cells[j][0] >= _MIN_COLUMN and halves_alike and sums_in_both:
            return cells[j][0]
    return None


def _cut(ln: BodyLine, column: int) -> tuple[str, str] | None:
    """The line's parts left and right of the column, or None when its text runs across it
    (a sentence under the tables)."""
    full = " " * ln.indent + ln.text
    if len(full) <= column:
        return full, ""
    if full[column - 1] != " ":
        return None
    return full[:column].rstrip(), full[column:]


def _ends_block(lines: Sequence[BodyLine], k: int) -> bool:
    """A sentence under the tables, or two blank lines: the tables are over."""
    text = lines[k].text
    if not text:
        return k + 1 < len(lines) and not lines[k + 1].text
    return text.endswith(".") and len(text.split()) >= 5 and "  " not in text


def _line(ln: BodyLine, part: str) -> BodyLine:
    text = part.strip()
    indent = len(part) - len(part.lstrip(" ")) if text else 0
    return dataclasses.replace(ln, text=text, indent=indent, heading=False)
