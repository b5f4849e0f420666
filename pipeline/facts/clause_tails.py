"""A list item's name followed by a clause on who runs the project: ", som genomförs av IK
Rinkeby", ", som drivs tillsammans med Kista stadsdelsförvaltning och arbetsförmedlingen",
", tillsammans med bostadsbolaget". The clause is no part of the name; the districts it
names take part in the project and the organisation that carries it out is its performer.
See :func:`cut_clause_tail`."""

from __future__ import annotations

import re
from typing import Any

from pipeline.facts.lists import covered_by_places
from pipeline.facts.performer_tails import bare_performer

__all__ = ["cut_clause_tail"]

#: ", som genomförs av X", ", som drivs tillsammans med X", ", i samarbete med X"
_CLAUSE = re.compile(
    r",\s+(?:som\s+(?:genomförs|drivs|bedrivs|utförs|leds|arrangeras|anordnas)\s+"
    r"(?:(?P<by>av)|i\s+samarbete\s+med|i\s+samverkan\s+med|tillsammans\s+med)|"
    r"i\s+samarbete\s+med|i\s+samverkan\s+med|tillsammans\s+med)\s+(?P<who>[^,;()]{3,90})$"
)
#: the name before the clause has at least two words
_NAME = re.compile(r"\S+\s+\S+")


def cut_clause_tail(row: Any, find: Any) -> None:
    """Cut a clause on who runs the project off the end of `row`'s name (a ``ListRow``):
    its districts join the row's places, and the one that carries the project out ("som
    genomförs av …"), when no district, becomes its performer."""
    m = _CLAUSE.search(row.name)
    if m is None or not _NAME.match(row.name[: m.start()].strip()):
        return
    who = m.group("who").strip(" .")
    places = find(who)
    row.name = row.name[: m.start()].strip()
    if m.group("by") and not (places and covered_by_places(who, places)):
        # "som genomförs av IK Rinkeby": an association, though it bears a district's name
        row.performer = row.performer or bare_performer(who)
        return
    have = {p.district_id for p in row.places}
    row.places += [p for p in places if p.district_id not in have]
