"""Checks over a run of list items (`pipeline.facts.items`): items that name an association
before its activity, a district förvaltning's own unit as performer, and items each
described by a paragraph that names its applicant and sum."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.item_orgs import without_details
from pipeline.facts.lists import ListRow, PlaceFinder, covered_by_places
from pipeline.facts.text_units import sentences
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["applications_described", "carriers_first", "own_unit"]


#: an item's head of a proper name before a comma and an activity in lower case after it
_NAME_FIRST = re.compile(
    r"^(?!(?:Övriga|Övrigt|Resterande|Samtliga|Alla|Summa|Totalt|Varav)\b)"
    r"([A-ZÅÄÖ][\w.-]*(?:\s+[\w.-]+){0,4}),\s+(?=[a-zåäö])"
)


def carriers_first(rows: Sequence[ListRow | None], find: PlaceFinder) -> int:
    """In a run whose items mostly name an association before its activity ("Rinkeby
    Bollklubb, fotbollsskola …"), the other items of that shape name one too ("Kista Basket,
    basketläger …"): each such item's carrier is split off (a place in its name owns
    nothing). How many items were split."""
    split = 0
    for r in rows:
        if r is None or r.performer is not None:
            continue
        m = _NAME_FIRST.match(r.name)
        if m is None or covered_by_places(m.group(1), find(m.group(1))):
            continue  # "Farsta, läxhjälp …": a district's item
        r.performer, r.name = m.group(1), without_details(r.name[m.end() :].strip())
        # (a partner after the sum stays: "…, 120 000 kr, i samverkan med Spånga-Tensta sdf")
        elsewhere = {p.district_id for p in find(r.evidence.replace(r.performer, " ", 1))}
        r.places = [p for p in r.places if p.district_id in elsewhere]
        split += 1
    return split


def own_unit(performer: str, find: PlaceFinder) -> bool:
    """ "Katarina-Sofia stadsdelsförvaltnings fältgrupp": a unit of a district's förvaltning."""
    return bool(re.search(r"forvaltning|\bsdf\b", fold(performer))) and bool(find(performer))


def applications_described(rows: Sequence[ListRow | None], find: PlaceFinder) -> bool:
    """Items of a title line each, every one followed by a paragraph whose first sentence
    names a district or förvaltning and which states a sum: applications or projects
    described one by one."""
    if len(rows) < 2 or any(r is None or not r.description for r in rows):
        return False
    for r in rows:
        assert r is not None and r.description is not None
        first = sentences(r.description.split("\n"))
        if not first or not find(first[0].text) or not find_amounts(r.description):
            return False
    return True
