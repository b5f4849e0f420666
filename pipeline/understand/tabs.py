"""Tab-separated columns laid out as printed: a run of lines whose cells are separated by tabs
(a table typed with tabs, a letterhead "ÄLDRENÄMNDEN<tab><tab>PROTOKOLL 3/2009") is padded
so that each column starts at one position in every line of the run, two spaces at least
after the widest cell before it. The readers of positioned columns (tables, letterheads)
then see the columns the writer set with tabs; a tab read as one space would join them.
A line set letter-spaced ("B a k g r u n d") is set solid.
"""

from __future__ import annotations

import re

__all__ = [
    "align_tab_columns",
    "close_letter_spacing",
    "formatting_marks_hidden",
    "plain_box_drawing",
    "read_rules",
]

_GAP = 2


#: box-drawing characters of a table drawn with lines: the verticals part columns ("|"),
#: the horizontals, corners and crossings are rules ("-")
_BOX = str.maketrans(
    {**{c: "|" for c in "│┃║╎╏┆┇┊┋"}, **{c: "-" for c in "─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫"}}
)


def plain_box_drawing(text: str) -> str:
    """`text` with a table's box-drawing characters as the "|" and "-" of a plain table, and a
    box of one column (a fact box, "Ärendet i korthet" framed on its own) as plain text: its
    frame gone, its lines as they stand inside it."""
    text = text.translate(_BOX)
    if "|" not in text or "--" not in text:
        return text
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        if not _FRAME.fullmatch(lines[k]):
            k += 1
            continue
        end = k + 1
        while end < len(lines) and (inner := _BOXED.fullmatch(lines[end])) and "|" not in inner[2]:
            end += 1
        if end > k + 1 and end < len(lines) and _FRAME.fullmatch(lines[end]):
            for j in range(k + 1, end):
                m = _BOXED.fullmatch(lines[j])
                assert m is not None
                lines[j] = (m[1] + m[2][1:]).rstrip()
            lines[k] = lines[end] = ""
        k = end
    return "\n".join(lines)


#: a box's top or bottom rule, and a line inside it between its two walls
_FRAME = re.compile(r"\s*[-+]{10,}\s*")
_BOXED = re.compile(r"(\s*)\|(.*)\|\s*")


#: a rule of a table typed with "|" and "-" as OCR reads it: dashes, the crossings read as
#: "l", "I", "1", "!" or "+" ("l-------l-----l")
_RULE = re.compile(r"\s*[lI|1!+]?(?:[-=_]{2,}+[lI|1!+]?)++\s*")  # possessive: no backtracking
#: what OCR makes of a table's vertical rule
_BAR = "lI|1!"


def read_rules(text: str) -> str:
    """`text` with a ruled table whose rules OCR read as letters ("I Rinkeby   I 25O OOO  I"
    between "l-----l-----l" lines) written as the "|" and "-" of a plain table. A column
    is a rule where the rule lines have a crossing, or where every row between them has a
    bar character standing alone; letters elsewhere are left as read."""
    if "--" not in text:
        return text
    lines = text.split("\n")
    rules = [i for i, ln in enumerate(lines) if ln.count("-") >= 8 and _RULE.fullmatch(ln)]
    read = list(lines)  # the rules as read: their crossings, before they become dashes
    for a, b in zip(rules, rules[1:], strict=False):
        rows = [k for k in range(a + 1, b) if lines[k].strip()]
        if not rows or b - a > 12 or any("|" in lines[k] for k in rows):
            continue  # (a table already ruled with "|" is read as it is)
        cols = _bars(lines, rows)
        cross = {c for k in (a, b) for c, ch in enumerate(read[k]) if ch in _BAR + "+"}
        if len(cross) > 2:  # the rules mark the columns: a bar elsewhere is a letter ("l 2lO")
            cols = [c for c in cols if cross & {c - 1, c, c + 1}]
        elif len(rows) < 2:
            continue  # one row and rules without crossings: no columns to go by ("1 610 000")
        if len(cols) < 2:
            continue
        for k in rows:
            ln = list(lines[k])
            for c in cols:
                if c < len(ln) and ln[c] in _BAR:
                    ln[c] = "|"
            lines[k] = "".join(ln)
        for k in (a, b):
            lines[k] = re.sub(r"[^\s]", "-", lines[k])
    return "\n".join(lines)


def _bars(lines: list[str], rows: list[int]) -> list[int]:
    """The columns at which every row has a bar character with a space (or the line's
    edge) on each side: the table's vertical rules."""

    def alone(ln: str, c: int) -> bool:
        return (
            c < len(ln)
            and ln[c] in _BAR
            and (c == 0 or ln[c - 1] == " ")
            and (c + 1 >= len(ln.rstrip()) or ln[c + 1] == " ")
        )

    first = lines[rows[0]]
    return [c for c in range(len(first)) if all(alone(lines[k], c) for k in rows)]


def align_tab_columns(text: str) -> str:
    """`text` with every run of consecutive tab-holding lines aligned; other lines as they
    are, and as many lines as before."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        if "\t" in line.strip(" \t") or (run and "\t" in line):
            run.append(line)
            continue
        out += _aligned(run)
        run = []
        out.append(line.replace("\t", "  "))
    out += _aligned(run)
    return "\n".join(out)


def _aligned(run: list[str]) -> list[str]:
    if not run:
        return []
    rows = [line.rstrip().split("\t") for line in run]
    widths: list[int] = []
    for cells in rows:
        for k, cell in enumerate(cells[:-1]):
            w = len(cell.rstrip())
            if k < len(widths):
                widths[k] = max(widths[k], w)
            else:
                widths.append(w)
    out: list[str] = []
    for cells in rows:
        parts = [
            cell.rstrip().ljust(widths[k] + _GAP) if k < len(cells) - 1 else cell
            for k, cell in enumerate(cells)
        ]
        out.append("".join(parts).rstrip())
    return out


#: a line set letter-spaced, as a typewriter emphasised a heading: "F ö r s l a g   t i l l
#: b e s l u t", "V A L L I N G B Y   S D N" (letters one space apart, words three or more)
_SPACED_WORD = r"\S(?: \S)+"
_SPACED_LINE = re.compile(
    rf"^(?P<pad>\s*)(?P<spaced>{_SPACED_WORD}(?:\s{{2,}}{_SPACED_WORD})*)(?P<rest>\s{{3,}}\S.*)?\s*$"
)
_MIN_SPACED_LETTERS = 5


def close_letter_spacing(text: str) -> str:
    """`text` with each letter-spaced line set solid: the letters of a word joined, the
    words one space apart ("B a k g r u n d" → "Bakgrund"). A line of single cells ("x  x
    x", a sheet's column letters "A   B   C") is no spaced word."""
    out = []
    for line in text.split("\n"):
        m = _SPACED_LINE.match(line)
        if m is None or sum(c.isalpha() for c in m.group("spaced")) < _MIN_SPACED_LETTERS:
            out.append(line)
            continue
        # ("S K A R H Ö L M E N S   S D N   (tillsammans med …)": plain text after it)
        words = [w.replace(" ", "") for w in re.split(r"\s{2,}", m.group("spaced"))]
        out.append(m.group("pad") + " ".join(words) + (m.group("rest") or "").rstrip())
    return "\n".join(out)


#: a page printed from a word processor with its formatting marks shown: "¶" ends each
#: paragraph, "¤" each table cell, "→" stands for a tab and "·" for a space
_PILCROW_LINE = re.compile(r"¶\s*$", re.MULTILINE)
_MIN_PILCROWS = 3
#: the mark of a manual page break ("·····Sidbrytning·····", "-----Page Break-----")
_BREAK_MARK = re.compile(
    r"^[\s·.\-]*(?:Sidbrytning|Page Break|Avsnittsbrytning)[\s·.\-()\w]*$", re.M
)


def formatting_marks_hidden(text: str) -> str:
    """A page printed with its formatting marks shown, as printed without them: each mark
    becomes the blank it stands for, so columns keep their places. A page with fewer than three
    paragraph marks at line ends is left as it is ("→" and "·" may be text of their own)."""
    if len(_PILCROW_LINE.findall(text)) < _MIN_PILCROWS:
        return text
    text = _BREAK_MARK.sub("", _PILCROW_LINE.sub("", text))
    return text.replace("¶", " ").replace("¤", " ").replace("→", " ").replace("·", " ")
