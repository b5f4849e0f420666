"""The rules of a scanned ruled table, read back as the column gaps and rules they are.

A table printed with borders keeps its rules through the scan, but OCR reads a thin vertical
line as whatever looks like it — "|", "I", "l", "1", "]", "[" or "!" — and a horizontal one
as a word of "e"s and "n"s, or only as the crossings' bars. A row such as::

    | Rinkeby   | Hembesök hos nyanlända barn-   | 280 000 | 250 000 |

comes back as::

    I Rinkeby       I Hembes6k hos nyanlanda barn-   1280 0001 250 000 I
    foeseeenennnnnnn |------          I      I      I

where "1280 0001 250 000" is no sum at all. In a run of three or more lines that each hold two
or more rule-like marks, two lines at least with a true "|" and two with a look-alike, every
vertical mark becomes the blank it stands for (a "1" glued to a sum where no Swedish number
has it too: "1280 000", "0001 250 000"), and a line of rule words or of bars alone becomes a
dashed rule; the readers of positioned columns then see the table as printed. A clean "|"
table (no look-alikes) and lines outside such runs are left as they are. Pure.
"""

from __future__ import annotations

import re

__all__ = ["ruled_bars"]

_ALONE = frozenset("|Il][!")  # ("1" alone between spaces is a number)
_MIN_RUN = 3
_MIN_TRUE_BARS = 2


def ruled_bars(text: str) -> str:
    """`text` with the rules of its OCR-read ruled tables as blanks and dashes (module doc)."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    marks = [_marks(ln) for ln in lines]
    k = 0
    while k < len(lines):
        if len(marks[k]) < 2:
            k += 1
            continue
        end = k
        while end < len(lines) and len(marks[end]) >= 2:
            end += 1
        run = range(k, end)
        true_bars = sum("|" in lines[j] for j in run)
        # (a clean "|" table, printed or typed, has no look-alikes: it stays as it is)
        look_alikes = sum(any(lines[j][i] != "|" for i in marks[j]) for j in run)
        if len(run) >= _MIN_RUN and true_bars >= _MIN_TRUE_BARS and look_alikes >= _MIN_TRUE_BARS:
            for j in run:
                lines[j] = _barred(lines[j])
        k = end
    return "\n".join(lines)


def _marks(line: str) -> list[int]:
    """Where a line holds a rule or a letter standing alone as one."""
    out = []
    for i, ch in enumerate(line):
        if ch == "|" or (ch in _ALONE and _alone(line, i)):
            out.append(i)
    return out


def _alone(line: str, i: int) -> bool:
    return (i == 0 or line[i - 1] == " ") and (i + 1 == len(line) or line[i + 1] == " ")


#: a rule read as "1" glued to the front of a sum ("1280 000" for "|280 000"): a first group
#: of four digits is no Swedish way to write a number
_BAR_BEFORE_SUM = re.compile(r"(?<![\d\S])1(?=\d{3} \d{3}\b)")
#: … or glued to the end of one ("280 0001 250 000" for "280 000|250 000")
_BAR_AFTER_SUM = re.compile(r"(?<= \d{3})1(?=\s?\d{1,3}(?: \d{3})+\b)")


#: a word OCR made of a horizontal rule: runs of "e", "n", "s" and dashes ("foeseeenennnnnnn")
_RULE_WORD = re.compile(r"[-—_=+.:|eénsorfJj]{4,}")
_RULE_LETTERS = re.compile(r"[eén\-—_=]")
_NO_MARKS = str.maketrans(dict.fromkeys("|Il][!-—_=", " "))


def _rule_read(line: str) -> bool:
    """A horizontal rule OCR read as letters: most of the line's letters in rule-like words,
    and most of those an "e", "n" or a dash; no digits."""
    if any(ch.isdigit() for ch in line):
        return False
    if not line.translate(_NO_MARKS).strip():
        return True  # "|          |      I      I      I": a rule whose dashes faded
    words = [w for w in line.replace("|", " ").split() if len(w) > 1]
    letters = sum(len(w) for w in words)
    ruled = [w for w in words if _RULE_WORD.fullmatch(w)]
    mass = sum(len(w) for w in ruled)
    return (
        bool(ruled)
        and mass >= 0.7 * letters
        and len(_RULE_LETTERS.findall("".join(ruled))) >= 0.5 * mass
    )


def _barred(line: str) -> str:
    if _rule_read(line):
        return "-" * len(line.strip())
    chars = list(line)
    for i, ch in enumerate(chars):
        if ch in _ALONE and ch != "|" and _alone(line, i):
            chars[i] = " "
    line = "".join(chars)
    return _BAR_BEFORE_SUM.sub(" ", _BAR_AFTER_SUM.sub(" ", line)).replace("|", " ")
