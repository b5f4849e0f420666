"""Line numbers in the margin of a draft sent out for comment (a remissversion): "   6    1.
Socialnämnden godkänner …", every line numbered or every fifth, so that comments can point
at "raderna 43–50". They are no part of the text: `drop_line_numbers` takes them away and
sets the text back to the margin. Pure.

A page is line-numbered when lines start with a number in the margin that grows with the
line's place on the page (number − line index the same for all of them, as both count lines):
ten or more, some of them alone on a blank line, or five or more, every one a multiple of
five. A table's numbered rows do neither.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["drop_line_numbers"]

#: a line number in the margin, then the line's text (or nothing: a blank line numbered)
_NUMBERED = re.compile(r"^\s{0,4}(?P<n>\d{1,4})(?:(?P<gap>\s{2,})(?=\S)|\s*$)")
_MIN_NUMBERED = 10
_MIN_FIFTHS = 5  # (every fifth line numbered: a page of 30 lines has six)


def drop_line_numbers(text: str) -> str:
    """The page without the line numbers in its margin (module docstring)."""
    lines = text.split("\n")
    found = [(k, m) for k, ln in enumerate(lines) if (m := _NUMBERED.match(ln))]
    if len(found) < _MIN_FIFTHS:
        return text
    offsets = Counter(int(m.group("n")) - k for k, m in found)
    offset, count = offsets.most_common(1)[0]
    numbered = [(k, m) for k, m in found if int(m.group("n")) - k == offset]
    alone = sum(1 for _k, m in numbered if m.group("gap") is None)
    fifths = all(int(m.group("n")) % 5 == 0 for _k, m in numbered)
    if count < 0.8 * len(found) or not (
        (fifths and count >= _MIN_FIFTHS) or (alone >= 2 and count >= _MIN_NUMBERED)
    ):
        return text
    column = Counter(m.end() for _k, m in numbered if m.group("gap")).most_common(1)[0][0]
    marked = {k: m for k, m in numbered}
    for k in range(len(lines)):
        if (m := marked.get(k)) is not None:
            # (the number and the margin's spaces up to the text's column)
            lines[k] = (
                " " * max(0, m.end() - column) + lines[k][m.end() :] if m.group("gap") else ""
            )
        else:  # (a line left unnumbered, a table's row: set back as far as its spaces allow)
            room = len(lines[k]) - len(lines[k].lstrip(" "))
            lines[k] = lines[k][min(room, column) :]
    return "\n".join(lines)
