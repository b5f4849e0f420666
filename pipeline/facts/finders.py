"""The gazetteer as the readers' finders: ``place_finder(year)`` (districts and
förvaltningar in a text, as :class:`~pipeline.facts.lists.Place`) and ``org_finder()``
(organisations, as ``(start, end, name)``). The gazetteer loads once per process.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.facts.lists import Place
from pipeline.facts.spacy_pipeline import gazetteer
from pipeline.lang.fuzzy import fold


def place_finder(year: int | None) -> Callable[[str], list[Place]]:
    gaz = gazetteer()
    found: dict[str, tuple[Place, ...]] = {}  # a document's readers ask about the same lines

    def find(text: str) -> list[Place]:
        if text not in found:
            found[text] = tuple(
                Place(m.start, m.end, m.district_id, m.name_as_printed, m.kind, m.score)
                for m in gaz.find_districts(text, year)
            )
        return list(found[text])

    return find


def org_finder() -> Callable[[str], list[tuple[int, int, str]]]:
    gaz = gazetteer()

    def find(text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.name) for m in gaz.find_orgs(text)]

    return find


def short_district(cell: str, year: int | None) -> str | None:
    """The district a table's district column names by the first part of its name alone
    ("Maria" for Maria-Gamla stan, "Katarina" for Katarina-Sofia in a 1999 table): the one
    stadsdelsförvaltning of `year` whose name starts with that word, else None."""
    word = fold(cell.strip())
    if not word or " " in word:
        return None
    hits = [
        d.name
        for d in gazetteer().districts.values()
        if d.kind == "stadsdelsförvaltning"
        and (year is None or d.valid_in(year))
        and fold(d.name).split("-")[0] == word
        and "-" in d.name
    ]
    return hits[0] if len(hits) == 1 else None
