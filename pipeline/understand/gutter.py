"""Text set in two columns, flattened line by line by a text layer, read column by column.

A report or an attachment may set its running text in two newspaper columns. A text layer (or
a transcript of one) then gives each line of the page as the left column's line, a gap, and
the right column's line::

    1. Bromma stadsdelsförvaltning             4. Rinkeby-Kista stadsdels-
    Hemmaplanslösningar för ungdomar           förvaltning
    Beviljas: 350 000 kronor                   Stödsamtal för barn som bevittnat

Read as printed, every sentence is interleaved with another. A run of lines that all part at
one gutter (or stop before it, or start at it), whose two sides are both running text (several
words, one cell each side, the left side filling its column), is read as the left column and
then the right.

A table is no such run: its rows part at several gaps, or its left cells are short labels.
Cards of labelled fields side by side (one applicant's "Resmål:", "Syfte:", "Beviljat
belopp:" in each column) are read column by column too: the same labels run down both sides.
"""

from __future__ import annotations

import re
from statistics import median

__all__ = ["unfold_columns"]

_MIN_RUN = 8  # lines of a run (blank lines included)
_MIN_BOTH = 5  # lines with text on both sides of the gutter
_MIN_GUTTER = 24  # the left column's least width
_FILL = 0.6  # the left column's lines reach this share of its width (median)
_MIN_WORDS = 2.5  # mean words of a side's lines
_GAP = re.compile(r"\S {2,}(?=\S)")
_LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäö -]{0,25}:\s")
_MAX_MARKED = 0.4  # the share of a side's lines with digits or a label
_MIN_CARD_LABELS = 2  # labels both sides of a run of cards share
_CARD_SHARE = 0.75  # the share of a card's labels the card beside it has too
_HEADER_WORDS = 3  # the most words of a column heading
_OWNER = re.compile(r"(?:förvaltning|nämnd|kontoret|\bsdf)\b", re.IGNORECASE)


def _parts(line: str, c: int) -> tuple[str, str] | None:
    """The left and right parts of `line` at gutter `c`, or None when the line crosses it."""
    if not line.strip():
        return "", ""
    if len(line) <= c - 2 or not line[c - 2 :].strip():
        return line.rstrip(), ""  # the left column only
    if line[c - 2 : c] != "  " or line[c] == " ":
        return None
    return line[:c].rstrip(), line[c:].rstrip()


def _prose_side(texts: list[str]) -> bool:
    filled = [t.strip() for t in texts if t.strip()]
    if not filled:
        return False
    if any(_GAP.search(t) for t in filled):
        return False  # a side with gaps of its own: cells of a table
    # sums ("400 000 kr") or labelled fields ("Beviljat: 280 000 kr") down a side: a list's
    # or a sidebar's, each line belonging to the line beside it
    marked = sum(1 for t in filled if re.search(r"\d", t) or _LABEL.match(t))
    if marked > _MAX_MARKED * len(filled):
        return False
    return sum(len(t.split()) for t in filled) / len(filled) >= _MIN_WORDS


def _labels(texts: list[str]) -> list[str]:
    return [t.strip().split(":", 1)[0].lower() for t in texts if _LABEL.match(t.strip())]


def _cards(lefts: list[str], rights: list[str]) -> bool:
    """Cards of labelled fields side by side ("Resmål: …", "Syfte: …", "Beviljat belopp: …"
    down each column, one card per applicant): the same labels, two or more, down both
    sides, each side's labels repeating (several cards), or both sides with the same
    labels in the same order (one card each). A form's labels stand on one side only."""
    left, right = _labels(lefts), _labels(rights)
    shared = set(left) & set(right)
    if len(shared) < _MIN_CARD_LABELS:
        return False
    if len(left) > len(set(left)) and len(right) > len(set(right)):
        return True
    # one card each: the labels they share in the same order, most of each side's (one card
    # may have a field the other lacks: "Medsökande: …")
    in_order = [x for x in left if x in shared] == [x for x in right if x in shared]
    return in_order and len(shared) >= _CARD_SHARE * max(len(left), len(right))


def _gutters(lines: list[str]) -> list[int]:
    """Candidate gutters: where a line's text resumes after a gap, most often first."""
    seen: dict[int, int] = {}
    for ln in lines:
        for m in _GAP.finditer(ln):
            c = m.end()
            if c >= _MIN_GUTTER:
                seen[c] = seen.get(c, 0) + 1
    return [c for c, n in sorted(seen.items(), key=lambda kv: -kv[1]) if n >= _MIN_BOTH]


def _run_at(lines: list[str], i: int, c: int) -> int:
    """The end of the run of lines from `i` that part at gutter `c`."""
    j = i
    while j < len(lines) and _parts(lines[j], c) is not None:
        j += 1
    return j


def _headed(run: list[tuple[str, str]]) -> bool:
    """Does the run open with a table's column headings ("Kriterium    Förvaltningens
    kommentar", "Prioriterat område    Exempel") set off by a blank line? A two-column table
    of criteria and their explanations: its rows belong together."""
    filled = [k for k, (lft, rgt) in enumerate(run) if lft.strip() or rgt.strip()]
    if not filled:
        return False
    k = filled[0]
    lft, rgt = run[k][0].strip(), run[k][1].strip()
    return (
        bool(lft and rgt)
        and all(
            len(t.split()) <= _HEADER_WORDS
            and not re.search(r"[\d.,:;]$|\d", t)
            and not _OWNER.search(t)  # ("Rinkeby stadsdelsförvaltning" over its card)
            for t in (lft, rgt)
        )
        and k + 1 < len(run)
        and not (run[k + 1][0].strip() or run[k + 1][1].strip())
    )


def _unfolds(run: list[tuple[str, str]], c: int) -> bool:
    both = [(lft, rgt) for lft, rgt in run if lft.strip() and rgt.strip()]
    if len(run) < _MIN_RUN or len(both) < _MIN_BOTH:
        return False
    lefts = [lft for lft, _ in run if lft.strip()]
    rights = [rgt for _, rgt in run if rgt.strip()]
    if _cards(lefts, rights):
        return True
    if median(len(lft) for lft in lefts) < _FILL * c:
        return False  # short labels on the left: a form or a table
    return _prose_side(lefts) and _prose_side(rights)


def unfold_columns(text: str) -> str:
    """`text` with each run of two-column lines read column by column (module docstring)."""
    lines = text.split("\n")
    if len(lines) < _MIN_RUN:
        return text
    out: list[str] = []
    i = 0
    gutters = _gutters(lines)
    while i < len(lines):
        done = False
        for c in gutters:
            j = _run_at(lines, i, c)
            run = [p for p in (_parts(ln, c) for ln in lines[i:j]) if p is not None]
            # the run starts and ends on lines with text
            while run and not (run[-1][0].strip() or run[-1][1].strip()):
                run.pop()
            if len(run) >= _MIN_RUN and _headed(run):
                out += lines[i : i + len(run)]  # a table under its headings stays as printed
                i += len(run)
                done = True
                break
            if _unfolds(run, c):
                lefts = [lft for lft, _ in run]
                rights = [rgt for _, rgt in run]
                while rights and not rights[0]:
                    rights.pop(0)
                out += [*lefts, "", *rights]
                i += len(run)
                done = True
                break
        if not done:
            out.append(lines[i])
            i += 1
    return "\n".join(out)
