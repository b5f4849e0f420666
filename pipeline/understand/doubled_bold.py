"""Bold set by overstriking, as some printers' text and old PDF producers give it: every letter
of a bold line printed twice ("FFöörrvvaallttnniinngg  RReessmmååll"). Such a line reads as
its letters once. See :func:`undoubled`. Pure."""

from __future__ import annotations

import re

__all__ = ["undoubled"]

_WORD = re.compile(r"\S+")
#: a doubled word has at least this many letters once undoubled ("FFöörr" → "För")
_MIN_HALF = 2
#: this share of a line's words of four characters or more must be doubled
_SHARE = 0.6


def _doubled(word: str, least: int = _MIN_HALF) -> bool:
    half = word[0::2]
    if len(word) < 2 * least or len(word) % 2 or half != word[1::2]:
        return False
    # (a rule of one repeated mark, "______" or "......", is no doubled word)
    return len(half) == 1 or len(set(half)) > 1 or half.isdigit()


def undoubled(text: str) -> str:
    """`text` with each line whose words are mostly doubled letter by letter read once."""
    if not re.search(r"([^\W\d_])\1([^\W\d_])\2([^\W\d_])\3", text):
        return text  # (cheap test: no three doubled letters in a row anywhere)
    return "\n".join(_line(ln) for ln in text.split("\n"))


def _line(line: str) -> str:
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if not words or sum(_doubled(w) for w in words) < _SHARE * len(words):
        return line
    # each word once ("§§  1111" → "§ 11"); in running text a doubled space is one space, in a
    # table's header each cell keeps its column (a word in lower case after a doubled space
    # goes on the cell before it: "Resmål och syfte")
    out = ""
    table = "   " in line.strip()  # (a table's header: its words stay over their columns)
    for m in _WORD.finditer(line):
        start = m.start()
        before = line[:start]
        spaces = len(before) - len(before.rstrip(" "))
        if not out:
            out = " " * start
        elif table and (spaces >= 3 or (spaces == 2 and not m.group()[:1].islower())):
            out = out.ljust(max(start, len(out) + 1))
        else:
            out += " "
        word = m.group()
        out += word[0::2] if _doubled(word, 1) else word
    return out
