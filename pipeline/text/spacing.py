"""Columns kept as columns: the spacing of a line rebuilt from the positions of its words.

A table cell, a tab stop or an indented continuation line is printed with a wide gap; text
extraction (pdfplumber's plain text, Tesseract's lines) joins words with one space and loses
it. Here a gap of one and a half average character widths or more becomes a run of spaces as
long as the gap (at least two), and a line that starts well right of the page's text margin
gets the same indentation, so that a transcript-like page comes out: ``Projekt   Farsta
350 000`` stays three cells, and readers downstream can split cells at two or more spaces.
Ordinary word spacing (also in justified text, up to about one character width) stays one
space.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

__all__ = ["char_width", "spaced_line"]

#: a gap this many average character widths wide separates cells, not words
CELL_GAP_CHARS = 1.5
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
            out.append(" " * max(2, round(gap / cw)) if gap >= CELL_GAP_CHARS * cw else " ")
        out.append(text)
        prev_right = right
    return "".join(out)
