"""A word processor's markup balloons printed in the right margin, taken out of the text.

How the documents show them
---------------------------

A draft printed with its changes shown carries, in a column of its own at the right, a
balloon for each change or comment: "Borttaget: 15", "Formaterat: Teckensnitt: 14 pt",
"Kommentar [TS1]: Stämmer summan …", "Flyttat (infogning) [1]". Text extraction sets each on
the line of the text it belongs to, after a wide gap, and a balloon of several lines goes on
under itself at the same column::

    Förvaltningen föreslår att nio ansökningar beviljas medel med       Borttaget: 183 100
    sammanlagt 178 100 kronor. En ansökan föreslås avslås.              Kommentar [TS1]: Stämmer
                                                                        summan nu?

Each balloon, from its label to its last line at that column, is cut off its lines; the text
of the document stays where it stood (a line that held only a balloon's words is left
empty, so that lines keep their places). Pure.
"""

from __future__ import annotations

import re

__all__ = ["drop_markup_balloons"]

#: a balloon's label after a wide gap
_BALLOON = re.compile(
    r"\s{3,}(?=(?:Formaterat|Borttaget|Infogat|Kommentar(?:erad)?\s*\[[^\]]{1,8}\]"
    r"|Flyttat\s*\((?:infogning|insättning|borttagning)\)|Flyttat\s+(?:uppåt|nedåt))"
    r"(?:\s*\[\d{1,3}\])?\s*:?(?:\s|$))"
)
_MIN_COLUMN = 40
_SLACK = 2  # columns a balloon's next line may stray from its label's


def drop_markup_balloons(text: str) -> str:
    """`text` (one page) without the margin balloons (module docstring)."""
    if not any(w in text for w in ("Formaterat", "Borttaget", "Infogat", "Kommentar", "Flyttat")):
        return text
    lines = text.split("\n")
    column: int | None = None
    for i, line in enumerate(lines):
        m = _BALLOON.search(line)
        if m is not None and m.end() >= _MIN_COLUMN:
            lines[i], column = line[: m.start()].rstrip(), m.end()
            continue
        if column is None:
            continue
        # the balloon goes on on this line: words at its column after a wide gap, or alone
        rest = line[column - _SLACK :] if len(line) > column - _SLACK else ""
        left = line[: column - _SLACK]
        if rest.strip() and (not left.strip() or left.endswith("   ")):
            lines[i] = left.rstrip()
        else:
            column = None
    return "\n".join(lines)
