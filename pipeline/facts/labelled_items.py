"""Items set under a label and a number in a margin column, the text in a column of its own:

    Resa 1   Köpenhamn, Københavns Kommune – uppsökande arbete bland unga
             på Nørrebro (ungdomsenheten)
             4 deltagare à 5 900 kr                          totalt 23 600 kr

    Resa 2   Glasgow, …

Each item is a project (a trip, a study): its name is the text up to the line that states its
money, without a trailing bracket naming the unit that travels; its sum is the item's total
("totalt 23 600 kr"), else its only sum. Two or more such items in a row make a list; the
owner is the committee's own district unless the item names another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, split_owner, tidy
from pipeline.facts.lists import ListRow, Place
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_labelled_items"]

#: "Resa 1", "Studieresa 2", "Projekt 3", "Studie 4", "Ansökan 5" in the margin, then the text
_LABEL = re.compile(
    r"^(?P<label>(?:Studie)?[Rr]esa|Projekt|Studie|Ansökan|Delprojekt)\s+(?P<no>\d{1,2})"
    r"(?P<gap>\s{2,}|:\s+)(?P<text>\S.*)$"
)
_MIN_ITEMS = 2
_WORD = re.compile(r"[^\W\d_]{2}")
#: the sum of the whole item, not one participant's
_TOTAL = re.compile(r"\b(?:totalt|sammanlagt|summa)\s*$", re.IGNORECASE)
#: a bracket at the end of the name that names who goes ("(ungdomsenheten)")
_UNIT_BRACKET = re.compile(r"\s*\((?:[^()]*?(?:enhet|avdelning|verksamhet)\w*[^()]*)\)\s*$")


def find_labelled_items(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every run of two or more labelled, numbered items (see the module docstring)."""
    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        run = _run(lines, i)
        if len(run) >= _MIN_ITEMS:
            rows = [_row(lines, a, b, col, find, own) for a, b, col in run]
            out += [r for r in rows if r is not None]
            i = run[-1][1] + 1
        else:
            i += 1
    return out


def _full(ln: BodyLine) -> str:
    return " " * ln.indent + ln.text


def _run(lines: Sequence[BodyLine], i: int) -> list[tuple[int, int, int]]:
    """(first line, last line, text column) of each item of the run starting at line i."""
    items: list[tuple[int, int, int]] = []
    label: str | None = None
    expected = 1
    j = i
    while j < len(lines):
        m = _LABEL.match(lines[j].text.strip())
        if m is None or int(m.group("no")) != expected or (label and m.group("label") != label):
            break
        if not _WORD.search(m.group("text")):
            break  # "Projekt 1   180 000   130 000": a table's row naming an item, not an item
        label = m.group("label")
        col = _full(lines[j]).index(m.group("text"))
        k = j + 1
        while k < len(lines):
            t = _full(lines[k])
            if not t.strip():
                k += 1
                continue
            if _LABEL.match(t.strip()) or len(t) - len(t.lstrip()) < col - 1:
                break  # the next item, or text back at the margin
            k += 1
        last = k - 1
        while last > j and not lines[last].text.strip():
            last -= 1
        items.append((j, last, col))
        expected += 1
        j = k
        while j < len(lines) and not lines[j].text.strip():
            j += 1
    return items


def _row(
    lines: Sequence[BodyLine],
    a: int,
    b: int,
    col: int,
    find: PlaceFinder,
    own: Sequence[Place],
) -> ListRow | None:
    texts = [
        _full(lines[k])[col:].strip() if k > a else lines[k].text.strip() for k in range(a, b + 1)
    ]
    m = _LABEL.match(texts[0])
    if m is None:
        return None
    texts[0] = m.group("text")
    name_lines: list[str] = []
    money_line = None
    cell = _SUM_CELL.match(texts[0])  # "Unga mödrar med socialbidrag      420 000" under "kr"
    if cell is not None:
        texts[0] = cell.group("name")
    for n, t in enumerate(texts):
        if find_amounts(t):
            money_line = n
            break
        if n and cell is not None and (_SUM_CELL.match(t) or re.match(r"(?i)summa|totalt", t)):
            break  # (the table's Summa under its last row)
        name_lines.append(t)
    if not name_lines:
        return None
    joined = re.sub(r"\s+", " ", " ".join(name_lines)).strip()
    joined = re.sub(r"(\w)- (\w)", r"\1\2", joined)
    name, places = split_owner(_UNIT_BRACKET.sub("", joined), find)
    row = ListRow(
        tidy(name),
        places or list(own),
        a,
        b,
        lines[a].page_no,
        " ".join(texts),
        form="intro_list",
        intro_line=a,
    )
    if money_line is not None:
        text = texts[money_line]
        sums = [s for s in find_amounts(text)]
        total = next((s for s in sums if _TOTAL.search(text[: s.start])), None)
        pick = total or (sums[0] if len(sums) == 1 else None)
        if pick is not None:
            row.amount, row.amount_raw, row.amount_approx = pick.sek, pick.raw, pick.approximate
            row.amount_line = a + money_line
    if cell is not None and money_line is None:
        unit = 1000 if _TKR.search(lines[max(a - 3, 0)].text if a else "") else 1
        row.amount, row.amount_raw = int(re.sub(r"\D", "", cell["sum"])) * unit, cell["sum"]
        row.amount_approx, row.amount_line = False, a
    if not fold(row.name):
        return None
    return row


#: a sum in a column of its own after the name, its unit over the column
_SUM_CELL = re.compile(r"(?P<name>.*?\S)\s{3,}(?P<sum>\d{1,3}(?:[ .]\d{3})+|\d{1,6})\s*$")
_TKR = re.compile(r"^\s*(?:tkr|tusental kronor)\s*$", re.IGNORECASE)
