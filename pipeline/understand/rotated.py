"""A label printed sideways in the margin ("Stadsledningskontoret 2014-03-18" turned 90°), as a
text layer gives it: one character per line, a run of lines that hold a single character
each. No text of the page: the lines are blanked (the page keeps its line count). Pure."""

from __future__ import annotations

__all__ = ["blank_rotated_labels"]

_MIN_RUN = 5  # lines of one character in a row


def blank_rotated_labels(text: str) -> str:
    """`text` with each run of at least five lines of one character blanked (blank lines,
    the label's spaces, inside the run)."""
    lines = text.split("\n")
    single = [len(ln.strip()) == 1 for ln in lines]
    i = 0
    while i < len(lines):
        if not single[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and (single[j] or not lines[j].strip()):
            j += 1
        if sum(single[i:j]) >= _MIN_RUN:
            for k in range(i, j):
                lines[k] = ""
        i = j
    return "\n".join(lines)
