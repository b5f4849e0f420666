"""Headings set in a left margin, beside their text, read as headings over it.

An older tjänsteutlåtande may set its headings in a margin column of their own, the text in a
wider column to the right, each heading on the line where its text begins::

    Kriterier för      Förvaltningen har vid bedömningen prioriterat
    bedömningen        projekt som
                       - har en extern forskare …

    Vantör             Nätverksmöten i utredningar om barn som far
                       illa. … Sökt belopp 340 000 kr.

Read as printed, the heading runs into the first line of its text ("Vantör Nätverksmöten i
…"). A page whose running text starts at one column, with two or more labels in the margin
before it that each stand beside running text (a sentence's end, eight words or more), is
read with each label (its lines joined) on the blank line above it, over its text: the page
keeps its number of lines. A table is no such page (its rows part at further gaps, its
right-hand cells are short), nor a protocol's head or a form (most of its labels stand beside
a name or a short value). Pure.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["lift_side_headings"]

_MIN_COLUMN, _MAX_COLUMN = 12, 30  # where the text column may start
_MIN_LABELS = 2  # margin labels on a page
_MIN_TEXT_LINES = 8  # lines of the text column (labelled or not)
_MAX_LABEL_WORDS = 4
_MAX_FIELD_SHARE = 0.25  # of the labels, those beside a short value (a form's fields)
_SLACK = 6  # how far right of the column a label's second line's text may start
_MIN_RIGHT_WORDS = 4.0  # mean words of the text column's lines: running text
_CELLS = re.compile(r"\S\s{3,}\S")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _label_at(line: str, col: int, slack: int = 0) -> tuple[str, str] | None:
    """The margin label and the text of a line whose text starts at `col` (or up to `slack`
    columns right of it: a numbered item's wrapped line) after a label."""
    m = re.match(r"^ {0,2}\S.*?(?= {2,}\S)", line)
    start = len(line) - len(line[m.end() :].lstrip(" ")) if m else -1
    if m is None or not col <= start <= col + slack or start >= len(line):
        return None
    left, right = line[:start].strip(), " " * (start - col) + line[start:].rstrip()
    if not left or len(left.split()) > _MAX_LABEL_WORDS or _CELLS.search(right):
        return None
    if re.search(r"\d{3}", left):
        return None  # a sum in the margin: a table's cell, no heading
    return left, right


def _running_text(
    lines: list[str], run: list[int], col: int, labels: dict[int, tuple[str, str]]
) -> bool:
    """Is the text beside a label (to its paragraph's end) running text: eight words or
    more, ending a sentence?"""
    words: list[str] = []
    j = run[0]
    while j < len(lines) and lines[j].strip() and (j in run or _indent(lines[j]) >= col):
        if j > run[-1] and j in labels:
            break
        words += (labels[j][1] if j in labels else lines[j]).split()
        j += 1
    return len(words) >= 8 and words[-1].endswith(".")


def lift_side_headings(text: str) -> str:
    """The page with its margin headings on lines of their own (module docstring)."""
    lines = text.split("\n")
    indents = Counter(_indent(ln) for ln in lines if ln.strip())
    cols = [c for c, _n in indents.most_common() if _MIN_COLUMN <= c <= _MAX_COLUMN]
    if not cols:
        return text
    col = cols[0]
    labels = {k: got for k, ln in enumerate(lines) if (got := _label_at(ln, col))}
    for k in sorted(labels):  # a label's next line in lower case, its text set in further
        j = k + 1
        while j < len(lines) and (got := _label_at(lines[j], col, _SLACK)) and got[0][:1].islower():
            labels[j] = got
            j += 1
    body = [ln[col:] for ln in lines if ln.strip() and _indent(ln) == col]
    rights = [r for _l, r in labels.values()] + body
    if len(labels) < _MIN_LABELS or len(rights) < _MIN_TEXT_LINES:
        return text
    if sum(len(r.split()) for r in rights) / len(rights) < _MIN_RIGHT_WORDS:
        return text  # short cells down the right side: a list or a table, not running text
    if any(_CELLS.search(r.strip()) for r in body):
        return text
    runs, fields = [], 0
    for k in sorted(labels):
        if k - 1 in labels and labels[k][0][:1].islower():
            continue  # ("Liljeholmen" ⏎ "och Hägersten": the label's second line)
        run = [k]
        while run[-1] + 1 in labels and labels[run[-1] + 1][0][:1].islower():
            run.append(run[-1] + 1)
        if _running_text(lines, run, col, labels):
            runs.append(run)
        else:
            fields += 1
    if len(runs) < _MIN_LABELS or fields > _MAX_FIELD_SHARE * (len(runs) + fields):
        # (a protocol's head: "Beslutande", "Justerare" over names, no prose; a form's
        # fields, "Syfte" beside "Medsökande      Skärholmens stadsdelsförvaltning")
        return text
    out = list(lines)
    for run in runs:
        k = run[0]
        if k == 0 or lines[k - 1].strip():
            continue  # (a label with no blank line above keeps its place)
        # the blank line above takes the label, each line keeps its text: the page keeps
        # its number of lines (its words' boxes stay on theirs)
        out[k - 1] = " ".join(labels[j][0] for j in run)
        for j in run:
            out[j] = " " * col + labels[j][1]
    return "\n".join(out)
