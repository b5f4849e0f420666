"""Projects printed as one record of labelled fields run together in a line, the fields set
apart by dashes or semicolons, the record wrapped under itself::

    Sökande: Farsta sdf – Resmål: Bergen – Syfte: barnahus och
         samverkan med polisen – Delt.: 3 – Beviljas: 24 000 kr
    Sökande: Bromma sdf – Resmål: Tallinn – Syfte: ungdomsmottagning
         – Delt.: 2 – Sökt: 18 000 kr – Förslag: avslag

A record names its project (a project field, or a trip's destination with its purpose), who
applies (a district, else a unit of the city) and the sum granted or proposed; without one,
the sum applied for. Two such records in a row at least make a list. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.field_lines import AMOUNT, COST, FIELD, NAME, OWNER, PERFORMER
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy
from pipeline.facts.lists import ListRow, Place, in_runs
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_dashed_field_records"]

#: the dash or semicolon before the next field's label: " – Resmål: "
_NEXT_FIELD = re.compile(r"\s*(?:\s[–—-]|;)\s+(?=[A-ZÅÄÖ][\wåäöÅÄÖ.-]*(?:\s[\wåäö.-]+){0,2}:\s)")
_MIN_FIELDS = 3
_MIN_RECORDS = 2
_PURPOSE = re.compile(r"^(?:syfte|inriktning|tema|amne)$")
_DESTINATION = re.compile(r"^(?:resmal|resa|destination|ort)$")


def find_dashed_field_records(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every run of two or more records of dashed fields (see the module's docstring)."""
    return in_runs(_records(lines, find, own), _MIN_RECORDS)


def _records(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place]
) -> Iterator[ListRow | None]:
    """Each record in order, None for a line that opens none."""
    i = 0
    while i < len(lines):
        end = _record_end(lines, i)
        row = _record(lines, i, end, find, own) if end is not None else None
        yield row
        i = end + 1 if row is not None and end is not None else i + 1


def _record_end(lines: Sequence[BodyLine], i: int) -> int | None:
    """The last line of a record that opens at line `i` (a field at its start and its
    wrapped lines set in under it), or None."""
    text = lines[i].text.strip()
    if lines[i].heading or FIELD.match(text) is None or not _NEXT_FIELD.search(text):
        return None
    end = i
    while (
        end + 1 < len(lines)
        and lines[end + 1].text.strip()
        and lines[end + 1].indent > lines[i].indent
        and not lines[end + 1].heading
    ):
        end += 1
    return end


def _record(
    lines: Sequence[BodyLine], a: int, b: int, find: PlaceFinder, own: Sequence[Place]
) -> ListRow | None:
    text = dehyphen_join([lines[k].text.strip() for k in range(a, b + 1)])
    fields: dict[str, str] = {}
    for part in _NEXT_FIELD.split(text):
        m = FIELD.match(part.strip())
        if m is None:
            return None
        fields[fold(m.group("label")).strip()] = m.group("value").strip(" .;")
    if len(fields) < _MIN_FIELDS:
        return None
    name = _name(fields)
    granted = _sum(fields, AMOUNT)
    amount = granted or _sum(fields, COST)
    if not name or amount is None:
        return None
    owner = next((v for k, v in fields.items() if OWNER.match(k)), "")
    places = find(owner) if owner else []
    row = ListRow(
        tidy(name),
        places or list(own),
        a,
        b,
        lines[a].page_no,
        text,
        form="intro_list",
        performer=next((v for k, v in fields.items() if PERFORMER.match(k)), None),
        unit_applicant=bool(owner) and not places,
    )
    set_amount(row, amount, lines, a, b)
    return row


def _name(fields: dict[str, str]) -> str | None:
    """The project field, or a trip's destination with what the trip is about."""
    named = next(
        (v for k, v in fields.items() if NAME.match(k) and not _DESTINATION.match(k)), None
    )
    if named:
        return named
    where = next((v for k, v in fields.items() if _DESTINATION.match(k)), None)
    why = next((v for k, v in fields.items() if _PURPOSE.match(k)), None)
    return f"{where} – {why}" if where and why else where


def _sum(fields: dict[str, str], label: re.Pattern[str]) -> AmountMatch | None:
    found = [
        a for k, v in fields.items() if label.match(k) for a in find_amounts(v) if a.per is None
    ]
    return found[0] if found else None
