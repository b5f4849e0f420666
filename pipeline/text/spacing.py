"""Columns kept as columns: the spacing of a line rebuilt from the positions of its words.

A table cell, a tab stop or an indented continuation line is printed with a wide gap; text
extraction (pdfplumber's plain text, Tesseract's lines) joins words with one space and loses
it. Here a gap of one and a half average character widths or more becomes a run of spaces as
long as the gap (at least two), and a line that starts well right of the page's text margin
gets the same indentation, so that a transcript-like page comes out: ``Projekt   Farsta
350 000`` stays three cells, and readers downstream can split cells at two or more spaces.
Ordinary word spacing (also in justified text, up to about one character width) stays one
space. A cell after a wide gap starts at the column its position on the page gives (counted
from the text margin), so the cells of one table column line up from row to row even in a
proportional font, as they do on the printed page; and a vertical gap clearly wider than the
page's line pitch is a blank line, as between paragraphs and around tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

__all__ = ["char_width", "join_rows", "spaced_line"]

#: a gap this many average character widths wide separates cells, not words
CELL_GAP_CHARS = 1.5
#: a vertical gap this many line pitches tall or more is a blank line between paragraphs
BLANK_LINE_PITCHES = 1.6
#: an indentation below this many characters is noise (skew, kerning), not layout
MIN_INDENT_CHARS = 2

Box = tuple[float, float, str]  # (left, right, text) of one word


def char_width(words: Sequence[Box]) -> float:
    """The median width of one character over the page's words (0 when there are none)."""
    widths = [(r - left) / len(t) for left, r, t in words if len(t) >= 2 and r > left]
    return median(widths) if widths else 0.0


def spaced_line(words: Sequence[Box], cw: float, margin: float | None = None) -> str:
    """The words of one line (left to right) joined with spacing that keeps wide gaps."""
    if not words:
        return ""
    if cw <= 0:
        return " ".join(t for _, _, t in words)
    out: list[str] = []
    if margin is not None:
        indent = round((words[0][0] - margin) / cw)
        if indent >= MIN_INDENT_CHARS:
            out.append(" " * indent)
    prev_right: float | None = None
    for left, right, text in words:
        if prev_right is not None:
            gap = left - prev_right
            if gap < CELL_GAP_CHARS * cw:
                out.append(" ")
            else:
                width = round(gap / cw)
                if margin is not None:  # the cell's own column, not the previous text's width
                    width = round((left - margin) / cw) - sum(len(x) for x in out)
                out.append(" " * max(2, width))
        out.append(text)
        prev_right = right
    return "".join(out)


def join_rows(rows: Sequence[tuple[float, float, str]]) -> str:
    """Printed lines (top, bottom, text), top to bottom, joined with a blank line wherever the
    gap to the next line is clearly taller than the page's usual line pitch."""
    if not rows:
        return ""
    pitches = [b[0] - a[0] for a, b in zip(rows, rows[1:], strict=False) if b[0] > a[0]]
    heights = [bottom - top for top, bottom, _ in rows if bottom > top]
    pitch = median(pitches) if pitches else 0.0
    if heights:  # on a page of mostly blank-separated lines the median gap is two pitches:
        # a line's pitch is about 1.2 times its letters' height, so cap it there
        pitch = min(pitch, 1.25 * median(heights)) if pitch else 1.25 * median(heights)
    out = [rows[0][2]]
    for prev, row in zip(rows, rows[1:], strict=False):
        if pitch and row[0] - prev[0] >= BLANK_LINE_PITCHES * pitch:
            out.append("")
        out.append(row[2])
    return "\n".join(out)
