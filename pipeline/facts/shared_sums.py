"""Projects listed under a sum they share: a line that gives one sum to each item under it
("Med 18 000 kr vardera:", "Följande beviljas 25 000 kronor var:") over rows of a district and
the project set in a column beside it, its name wrapped under itself::

    Med 18 000 kr vardera:

      Högalid         Oslo - boendestöd till personer med psykiska
                      funktionshinder (4 deltagare)

      Tensta          Aalborg - familjerådslag i barnavården

Each row is a project of its district with the shared sum; the sum is printed once, on the
line over the rows. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, set_amount
from pipeline.facts.lists import ListRow, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_shared_sum_rows"]

#: the sum's line: one sum to each ("vardera", "var", "per resa") and a colon at its end
_SHARED = re.compile(r"\b(?:vardera|var(?:dera)?|per\s+(?:resa|projekt|ansokan))\b[^:]*:\s*$")
#: a row: the district, a gap, the project's name
_ROW = re.compile(r"^(?P<who>\S.*?\S)\s{3,}(?P<name>\S.*)$")
#: an owner cell of one to three capitalised words ("Rågsved", "Maria-Gamla stan")
_OWNER_WORDS = re.compile(r"[A-ZÅÄÖ][\w-]+(?:\s[\w-]+){0,2}")
#: a participants' count closing the name ("(4 deltagare)")
_COUNT = re.compile(r"\s*\(\d{1,3}\s+(?:deltagare|personer|pers\.?)\)\s*$")


def find_shared_sum_rows(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every row under a shared sum's line (module docstring), in document order."""
    out: list[ListRow] = []
    for i, ln in enumerate(lines):
        if not _SHARED.search(fold(ln.text.strip())):
            continue
        sums = [a for a in find_amounts(ln.text) if a.per is None]
        if len(sums) != 1:
            continue
        out += _rows(lines, i, sums[0], find)
    return out


def _rows(
    lines: Sequence[BodyLine], head: int, shared: AmountMatch, find: PlaceFinder
) -> list[ListRow]:
    rows: list[ListRow] = []
    row: ListRow | None = None
    col = -1
    blanks = 0
    j = head + 1
    while j < len(lines) and blanks < 2:
        ln = lines[j]
        text = ln.text.rstrip()
        if not text.strip():
            blanks += 1
            j += 1
            continue
        blanks = 0
        m = _ROW.match(text.strip())
        who = m["who"] if m else ""
        places = find(who) if m else []
        # (an owner the gazetteer does not know, a neighbourhood or an old district's name,
        # is still the row's owner column under a shared sum)
        if m and (covered_by_places(who, places) or _OWNER_WORDS.fullmatch(who)):
            row = ListRow(
                m["name"].strip(), list(places), j, j, ln.page_no, text.strip(), form="intro_list"
            )
            set_amount(row, shared, lines, head, head)
            # (the shared sum is printed once, over the rows: one amount, the first row's)
            row.amount_line = None if rows else head
            col = ln.indent + m.start("name")
            rows.append(row)
        elif row is not None and col >= 0 and ln.indent >= col - 1 and row.last_line >= j - 1:
            row.name = dehyphen_join([row.name, text.strip()])
            row.last_line = j
            row.evidence += " " + text.strip()
        else:
            break
        j += 1
    for row in rows:
        row.name = _COUNT.sub("", row.name).strip()
    return rows
