"""Applications printed as numbered records: the applicant and the sum it applies for on the
record's first line, the project under a label, the proposal at the right margin.

How the documents print them
----------------------------

A proposal may give every application a record of its own, numbered in the margin (with or
without a full stop after the number), the applicant first and the sum applied for at the
right of the same line; the project follows under a label ("Resmål:", "Projekt:", "Studie:"),
and the proposal or decision stands at the right margin of the record's last line::

    1  Skärholmens sdf                       sökt 58 000 kr
       Resmål: Köpenhamn, Københavns kommune - uppsökande arbete
       bland hemlösa missbrukare.            Förslag 58 000 kr

    5  Östermalms sdf                        sökt 36 000 kr
       Resmål: Oslo - dagverksamhet för äldre med missbruk
                                             Förslag avslås

Each record is a project: its name is the labelled text, without the right-margin column;
its owners are the districts of the first line ("Vantör och Farsta (gemensam ansökan)"); its
sum is the one proposed or granted, else (an application turned down) the one applied for.
Two records in a row at least make a list. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy
from pipeline.facts.lists import ListRow, covered_by_places, in_runs
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts

__all__ = ["find_owner_records"]

#: a record's first line: its number, the applicant, the sum applied for after a gap
_HEAD = re.compile(r"^(?P<no>\d{1,2})[.)]?\s{2,}(?P<owner>\S.*?)(?:\s{2,}(?P<sum>\S.*))?$")
#: the label the project's name stands under
_NAME_LABEL = re.compile(
    r"^(?:Resmål|Resa|Studieresa|Projekt|Projektnamn|Studie|Insats|Aktivitet)\s*:\s*(?P<text>.*)$",
    re.IGNORECASE,
)
#: the proposal or decision at a record's right margin: "Förslag 58 000 kr", "Beviljas: avslag"
_VERDICT = re.compile(
    r"^(?:förslag|föreslås|beviljas|beviljat|beslut)\b\s*:?\s*(?P<what>.*)$", re.IGNORECASE
)
_MIN_RECORDS = 2
_MAX_RECORD_LINES = 6


def find_owner_records(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every run of two or more owner records (module docstring), in document order."""
    found: list[ListRow | None] = []
    i = 0
    while i < len(lines):
        row, end = _record(lines, i, find)
        if row is None:
            if lines[i].text.strip() and (not found or found[-1] is not None):
                found.append(None)  # prose between records ends a run (blank lines do not)
            i += 1
            continue
        found.append(row)
        i = end + 1
    return in_runs(found, _MIN_RECORDS)


def _record(lines: Sequence[BodyLine], a: int, find: PlaceFinder) -> tuple[ListRow | None, int]:
    head = _HEAD.match(lines[a].text.strip())
    if head is None:
        return None, a
    owner = re.sub(r"\s*\([^()]*\)\s*$", "", head.group("owner")).strip()
    places = find(owner)
    if not places or not covered_by_places(owner, places):
        return None, a
    applied = [x for x in find_amounts(head.group("sum") or "") if x.per is None]
    b = a + 1
    while (
        b < len(lines)
        and b - a < _MAX_RECORD_LINES
        and lines[b].text.strip()
        and _HEAD.match(lines[b].text.strip()) is None
    ):
        b += 1
    body = [lines[k].text for k in range(a + 1, b)]
    label = next((k for k, t in enumerate(body) if _NAME_LABEL.match(t.strip())), None)
    if label is None:
        return None, a
    name_parts: list[str] = []
    verdict: str | None = None
    for t in body[label:]:
        cells = re.split(r"\s{3,}", t.strip())
        if _VERDICT.match(cells[-1]):
            verdict = cells[-1]
            cells = cells[:-1]
        name_parts += [c for c in cells if c]
    first = _NAME_LABEL.match(name_parts[0]) if name_parts else None
    if first is None:
        return None, a
    name = tidy(dehyphen_join([first.group("text"), *name_parts[1:]])).rstrip(" .")
    if len(name.split()) < 2:
        return None, a
    granted = [x for x in find_amounts(verdict or "") if x.per is None]
    row = ListRow(
        name,
        list(places),
        a,
        b - 1,
        lines[a].page_no,
        " ".join(lines[k].text.strip() for k in range(a, b)),
        form="intro_list",
        intro_line=a - 1 if a else None,
    )
    money = granted or applied
    if money:
        set_amount(row, money[0], lines, a, b - 1)
    return row, b - 1
