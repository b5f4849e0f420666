"""The cells of a table row under its header's columns: a cell that runs on into the next
column with a single space between the two texts is split where that column starts, and a
sum run into the text before it (OCR closes gaps) is moved into the money column. Pure.
"""

from __future__ import annotations

import re

from pipeline.facts.grid_header import MONEY_ROLES, GridCell, GridColumn, split_cells

__all__ = ["split_row_cells"]


#: a sum alone, "kr" before it as typed-era documents print it, OCR's O for a zero
_SUM_ONLY = re.compile(
    r"^(?:kr\.?\s*)?(?=\d)[\dO]{1,3}(?:[ .][\dO]{3})*(?:,\d+)?\s*(?:kr|kronor)?\s*$"
)
#: how far left of a money column a sum run into the cell before may start (OCR closes gaps)
_SUM_REACH = 10


def split_row_cells(line: str, columns: list[GridColumn]) -> list[GridCell]:
    """The cells of a table row (`split_cells`), with a cell that runs on into the next
    column with a single space between the two texts (a narrow column: "Socialförvaltningen
    Institutionen för", a sum one space after a district) split where that column starts."""
    collapsed = _collapsed_row(line, columns)
    if collapsed is not None:
        return collapsed
    out: list[GridCell] = []
    for c in split_cells(line):
        under = [
            col for col in columns if col.role in _MONEY and c.start - 3 <= col.start < c.end + 3
        ]
        if len(under) > 1 and not _one_sum(c.text) and (sums := split_sums(c.text, len(under))):
            # "157 500 112 000" across "Sökt | Förslag": a sum for each column
            out += [
                GridCell(col.start, col.start + len(t), t)
                for col, t in zip(under, sums, strict=True)
            ]
            continue
        cut = None
        for col in columns:
            if c.start + 3 < col.start < c.end - 2:
                rel = col.start - c.start
                # the space nearest the column's start, within two characters
                spaces = [
                    k
                    for k in range(max(1, rel - 2), min(len(c.text) - 1, rel + 2))
                    if c.text[k] == " " and c.text[k + 1].isupper()  # a cell starts capitalised
                ]
                if not spaces and col.role in MONEY_ROLES:
                    # "Södermalm 300 000": a sum under a money column, one space
                    # after the text of the column before (numbers sit a little left or right)
                    spaces = [
                        k
                        for k in range(max(1, rel - _SUM_REACH), min(len(c.text) - 1, rel + 6))
                        if c.text[k] == " "
                        and c.text[k - 1].isalpha()
                        and _SUM_ONLY.match(c.text[k + 1 :])
                    ][:1]
                if spaces:
                    cut = min(spaces, key=lambda k: abs(k - rel))
                    break
        if cut is None:
            out.append(c)
            continue
        out.append(GridCell(c.start, c.start + cut, c.text[:cut]))
        rest = c.text[cut + 1 :]
        out.append(GridCell(c.start + cut + 1, c.end, rest))
    return _sum_run_in(out, columns)


_MONEY = MONEY_ROLES
#: sums at the end of a text, each "14 000" or a decision word in a money column
_TRAILING_SUM = re.compile(
    r"\s((?=[\dO])[\dO]{1,3}(?:[ .][\dO]{3})*|avslag|avslås)\s*$", re.IGNORECASE
)


def _trailing_sums(text: str, most: int) -> tuple[str, list[str]]:
    """`text` without the sums (at most `most`) it ends in, and those sums in order."""
    sums: list[str] = []
    while len(sums) < most and (m := _TRAILING_SUM.search(text)):
        sums.insert(0, m.group(1))
        text = text[: m.start()].rstrip()
    if 0 < len(sums) < most and (split := split_sums(sums[0], most - len(sums) + 1)):
        sums = [*split, *sums[1:]]  # "157 500 112 000": two sums whose gap OCR closed
    return text, sums


def _one_sum(text: str) -> bool:
    """Can `text` be one sum as printed: one to three digits, then at most two groups of
    three ("1 250 000")? ("38 500 36 500", "157 500 112 000" cannot.)"""
    return re.fullmatch(r"[\dO]{1,3}(?: [\dO]{3}){0,2}", text.strip()) is not None


def split_sums(text: str, n: int) -> list[str] | None:
    """A run of digit groups read as `n` sums side by side ("157 500 112 000" under "Sökt |
    Förslag"): each sum a group of one to three digits and then groups of three, the cut
    that makes the sums most alike in size (the columns of one row are of one order). None
    when the groups cannot make `n` sums."""
    groups = text.split()
    if n < 2 or not all(g.isdigit() for g in groups):
        return None
    best: tuple[float, list[str]] | None = None

    def cuts(at: int, left: int) -> list[list[int]]:
        if left == 1:
            return [[at]]
        return [[at, *rest] for k in range(at + 1, len(groups)) for rest in cuts(k, left - 1)]

    for starts in cuts(0, n):
        parts = [groups[a:b] for a, b in zip(starts, [*starts[1:], len(groups)], strict=True)]
        if any(
            len(p[0]) > 3 or p[0].startswith("0") or any(len(g) != 3 for g in p[1:]) for p in parts
        ):
            continue
        values = [int("".join(p)) for p in parts]
        spread = max(values) / max(1, min(values))
        if best is None or spread < best[0]:
            best = (spread, [" ".join(p) for p in parts])
    return best[1] if best else None


def _collapsed_row(line: str, columns: list[GridColumn]) -> list[GridCell] | None:
    """A row whose gaps OCR closed to single spaces ("Oslo Skärholmen Samverkan
    skola-socialtjänst 14 000 14 000" under "Resmål | Sökande | Inriktning | Sökt | Förslag"):
    one sum for each money column at its end, and before them as many capitalised words as
    text columns from where the line starts, each the first word of its cell. None when the
    line is not so read."""
    body = line.strip()
    start = len(line) - len(line.lstrip())
    money = [c for c in columns if c.role in _MONEY]
    if not money or "  " in body or "|" in body:
        return None
    texts = [c for c in columns if c.role not in _MONEY and c.start < money[0].start]
    texts = [c for i, c in enumerate(texts) if i + 1 == len(texts) or texts[i + 1].start > start]
    if len(texts) < 2 or (len(money) < 2 and start + len(body) < money[0].start - 2):
        return None  # (one sum that ends before its column may be a number in the text)
    rest, sums = _trailing_sums(body, len(money))
    if len(sums) != len(money):
        return None
    words = rest.split(" ")
    firsts = [i for i, w in enumerate(words) if w[:1].isupper()]
    if len(firsts) != len(texts) or firsts[0] != 0:
        return None
    out: list[GridCell] = []
    for col, a, b in zip(texts, firsts, [*firsts[1:], len(words)], strict=True):
        cell = " ".join(words[a:b])
        out.append(GridCell(col.start, col.start + len(cell), cell))
    out += [GridCell(col.start, col.start + len(t), t) for col, t in zip(money, sums, strict=True)]
    return out


def _sum_run_in(cells: list[GridCell], columns: list[GridColumn]) -> list[GridCell]:
    """A row with nothing under its money column whose last cell ends in a sum one space
    after its text ("Samordnad hemtjänst för äldre kr 9O.000": OCR closed the gap, and the
    sum stands left of its column): the sum is split off into the money column."""
    money = next((col for col in columns if col.role == "cost"), None)
    if money is None or not cells or cells[-1].start >= money.start - 2:
        return cells
    last = cells[-1]
    # ("Stöd till anhöriga till 8 000 8 000": as many sums as money columns, all run in)
    right = [c for c in columns if c.role in _MONEY and c.start > last.start + 2]
    if len(right) > 1:
        text, sums = _trailing_sums(last.text, len(right))
        if len(sums) == len(right) and text[-1:].isalpha():
            return [
                *cells[:-1],
                GridCell(last.start, last.start + len(text), text),
                *(GridCell(c.start, c.start + len(t), t) for c, t in zip(right, sums, strict=True)),
            ]
    # (a cell that runs into the money column, "Läxhjälp i Råcksta, vårterminen 50 000":
    # its sum stands in that column, one space after the text)
    across = last.end >= money.start - 2
    # the leftmost space after which all is the sum ("kr 9O.000", not "9O.000")
    k = next(
        (
            i
            for i, ch in enumerate(last.text)
            if ch == " " and i > 0 and _SUM_ONLY.match(last.text[i + 1 :])
        ),
        -1,
    )
    if k <= 0 or not last.text[:k].rstrip()[-1:].isalpha():
        return cells
    if sum(ch.isdigit() for ch in last.text[k + 1 :]) < 2:
        return cells  # ("Europeiska socialfonden," ⏎ "Mål 3": a numbered programme, no sum)
    if across and last.start + k + 1 < money.start - 2:
        return cells  # the number stands in the text's own column
    sum_text = last.text[k + 1 :]
    return [
        *cells[:-1],
        GridCell(last.start, last.start + k, last.text[:k]),
        GridCell(money.start, money.start + len(sum_text), sum_text),
    ]
