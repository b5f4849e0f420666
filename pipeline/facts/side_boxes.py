"""Fact boxes set beside the running text, as a report prints a study's key facts.

How the documents print them
----------------------------

A report may give each study a paragraph and, beside it in a column of its own, a box of
labelled facts; text extraction then prints each line of the paragraph and of the box on one
line, the box after a wide gap::

    3.1  Barn som placeras akut

    Studien har följt 212 barn som placerades      Fakta
    akut under 2011 och 2012 i fyra stadsdels-     Utförare: Institutionen för
    förvaltningar. Syftet var att beskriva         socialt arbete
    vad som hände före placeringen.                Kostnad: 780 000 kr
                                                   Status: Avslutad

Such a run — three or more lines whose right part starts at one column, two or more of those
parts labelled fields ("Utförare: …") — is read as the box first, then the paragraph: the box's
lines (its caption, fields and wrapped values) come first, each at its column, then a blank
line, then the paragraph's lines. A reader of labelled blocks then finds the study's fields
right under its heading. A table's rows (cells in several columns) and two cards of fields
side by side are no box. Pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine

__all__ = ["set_boxes_apart"]

_RIGHT = re.compile(r"\s{3,}(?P<box>\S(?:\S| \S)*)$")
_FIELD = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[\wåäöÅÄÖ-]+){0,2}\s*:\s+\S")
_MIN_LINES = 3
_MIN_FIELDS = 2
_MIN_COLUMN = 30
_SLACK = 1  # columns a box's line may stray from the box's column


def set_boxes_apart(lines: Sequence[BodyLine]) -> list[BodyLine]:
    """`lines` with every side box moved before the text it stands beside (module
    docstring)."""
    out: list[BodyLine] = []
    i = 0
    while i < len(lines):
        run = _box_run(lines, i)
        if run is None:
            out.append(lines[i])
            i += 1
            continue
        end, column = run
        box: list[BodyLine] = []
        text: list[BodyLine] = []
        for ln in lines[i:end]:
            left, right = _split(ln, column)
            if right is not None:
                box.append(dataclasses.replace(ln, text=right, indent=column, heading=False))
            if left:
                text.append(dataclasses.replace(ln, text=left))
            elif right is None:
                text.append(ln)
        blank = dataclasses.replace(lines[i], text="", indent=0, heading=False)
        out.extend([*box, blank, *text])
        i = end
    return out


def _split(ln: BodyLine, column: int) -> tuple[str, str | None]:
    """The line's text left of the box and the box's part (None when it has none)."""
    if ln.text and abs(ln.indent - column) <= _SLACK:
        return "", ln.text  # a box's line with nothing beside it
    m = _RIGHT.search(ln.text)
    if m is not None and abs(ln.indent + m.start("box") - column) <= _SLACK:
        return ln.text[: m.start()].rstrip(), m.group("box")
    return ln.text, None


def _box_run(lines: Sequence[BodyLine], i: int) -> tuple[int, int] | None:
    """The end of a side box's run starting at line `i` and the box's column, or None."""
    m = _RIGHT.search(lines[i].text)
    if m is None or lines[i].heading or lines[i].indent > 8:
        return None
    column = lines[i].indent + m.start("box")
    if column < _MIN_COLUMN or re.search(r"\S\s{3,}\S", lines[i].text[: m.start()]):
        return None
    end = i
    boxed = fields = lefts = 0
    for k in range(i, len(lines)):
        ln = lines[k]
        if ln.page_no != lines[i].page_no or ln.heading:
            break
        if not ln.text:
            break
        left, right = _split(ln, column)
        if right is None:
            break
        if re.search(r"\S\s{3,}\S", left):
            return None  # cells in several columns: a table
        if _FIELD.match(left):
            return None  # fields on the left too: two cards side by side, no box by a text
        boxed += 1
        fields += bool(_FIELD.match(right))
        lefts += bool(left)
        end = k + 1
    if boxed < _MIN_LINES or fields < _MIN_FIELDS or lefts < 2:
        return None
    return end, column
