"""The gazetteer as the readers' finders: ``place_finder(year)`` (districts and
förvaltningar in a text, as :class:`~pipeline.facts.lists.Place`) and ``org_finder()``
(organisations, as ``(start, end, name)``). The gazetteer loads once per process.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.facts.districts import DistrictMatch
from pipeline.facts.lists import Place, covered_by_places
from pipeline.facts.spacy_pipeline import gazetteer
from pipeline.lang.fuzzy import fold


def place_finder(year: int | None, written: int | None = None) -> Callable[[str], list[Place]]:
    """Districts and förvaltningar in a text, as of `year` (the money's). A name that is
    a district's own name in `written` (the year the document was written) is that
    district: "Älvsjö" in a proposal of 2019 for 2020's money is Älvsjö, not the
    Hägersten-Älvsjö of 2020."""
    gaz = gazetteer()
    found: dict[str, tuple[Place, ...]] = {}  # a document's readers ask about the same lines

    def find(text: str) -> list[Place]:
        if text not in found:
            hits = gaz.find_districts(text, year)
            if written is not None and written != year:
                then = {(m.start, m.end): m for m in gaz.find_districts(text, written)}
                hits = [_own_name(m, then.get((m.start, m.end))) for m in hits]
            found[text] = tuple(
                Place(m.start, m.end, m.district_id, m.name_as_printed, m.kind, m.score)
                for m in hits
            )
        return list(found[text])

    return find


def _own_name(now: DistrictMatch, then: DistrictMatch | None) -> DistrictMatch:
    """Of two readings of one printed name, the one whose district is called so."""
    if then is None or then.district_id == now.district_id:
        return now
    printed = fold(then.name_as_printed)
    return then if fold(then.name) == printed and fold(now.name) != printed else now


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


def office_of_committee(cell: str, year: int | None) -> str | None:
    """The förvaltning of the social nämnd a table's owner column names ("Socialnämnden" in
    an "Ansvarig nämnd" column: Socialförvaltningen, the city's own social services, which
    own projects as the districts do), when the gazetteer knows it in `year`. (Another
    facknämnd's office, a kulturförvaltning, is no district.)"""
    m = re.fullmatch(r"(Social[\wåäö-]*?)(?:s)?nämnden", cell.strip())
    if m is None:
        return None
    office = fold(f"{m.group(1)}förvaltningen")
    hits = [
        d.name
        for d in gazetteer().districts.values()
        if d.kind == "fackförvaltning"
        and (year is None or d.valid_in(year))
        and fold(d.name) == office
    ]
    return hits[0] if len(hits) == 1 else None


#: a legend's entry "EÅV = Enskede-Årsta-Vantör": capitals, "=", a name up to the next
#: comma, full stop or semicolon
_LEGEND = re.compile(
    r"(?<![\w])([A-ZÅÄÖ]{2,4})\s*=\s*([A-ZÅÄÖa-zåäö][^,.;=\n]{1,60}?)\s*(?=[,.;]|$)"
)


def with_legend(find: Callable[[str], list[Place]], text: str) -> Callable[[str], list[Place]]:
    """`find` that also knows the abbreviations a legend of the document defines
    ("Förkortningar i tabell 1: BR = Bromma, FA = Farsta, …"): a table's "FA (SK)" then
    names Farsta and Skarpnäck. Only a capitals abbreviation standing for places alone
    counts, and only where it is printed as a whole word in capitals."""
    if "=" not in text:
        return find
    joined = re.sub(r"-\n(?=[A-ZÅÄÖ])", "-", text).replace("\n", " ")
    known: dict[str, Place] = {}
    for m in _LEGEND.finditer(joined):
        name = m.group(2).strip()
        places = find(name)
        if len(places) == 1 and covered_by_places(name, places):
            known[m.group(1)] = places[0]
    if len(known) < 2:
        return find
    word = re.compile(r"(?<![\wÅÄÖåäö])(" + "|".join(map(re.escape, known)) + r")(?![\wÅÄÖåäö])")

    def found(line: str) -> list[Place]:
        base = find(line)
        extra = [
            Place(
                m.start(), m.end(), known[m.group()].district_id, m.group(), known[m.group()].kind
            )
            for m in word.finditer(line)
            if not any(p.start < m.end() and m.start() < p.end for p in base)
        ]
        return sorted(base + extra, key=lambda p: p.start) if extra else base

    return found


def document_places(
    year: int | None, written: int | None, text: str, head: str
) -> Callable[[str], list[Place]]:
    """The place finder of one document: its era's names, the abbreviations its legend
    defines, and — in another municipality's paper ("GÄVLE KOMMUN" in its `head`, the first
    page's first lines) — no Stockholm office: its "Socialförvaltningen" is its own."""
    find = with_legend(place_finder(year, written), text)
    if not elsewhere(head):
        return find
    return lambda line: [p for p in find(line) if p.kind == "stadsdelsförvaltning"]


def elsewhere(head: str) -> bool:
    """Whether a paper's head (its first page's first lines) names another municipality
    than Stockholm ("GÄVLE KOMMUN", "Tyresö kommun", "Göteborgs Stad")."""
    # (the county's bodies are not the city: "Kommunförbundet Stockholms län", "Region
    # Stockholm", "Stockholms läns landsting")
    if re.search(r"stockholm(?!s\s+l[aä]n)", re.sub(r"(?i)region\s+stockholm", "", head), re.I):
        return False
    if _COUNTY.search("\n".join([t for t in head.splitlines() if t.strip()][:3])):
        return True  # (in the letterhead, not a title's "avtal med Region Stockholm")
    # (not Stockholm's own name OCR damaged: "ST0CKHOLMS  STAD", "S TOCKHOLMS  STAD")
    named = (
        re.sub(r"[^a-z]", "", fold(m.group(0)).replace("0", "o"))
        for m in _OTHER_MUNICIPALITY.finditer(head)
    )
    return any("tockholm" not in name for name in named)


_COUNTY = re.compile(r"stockholms\s+l[aä]ns?\b|region\s+stockholm|landsting|kommunf[oö]rbund", re.I)
#: another municipality named in a paper's head: "GÄVLE KOMMUN", "Tyresö kommun"
_OTHER_MUNICIPALITY = re.compile(r"\b[A-ZÅÄÖ][\wåäöÅÄÖ-]+\s+(?:KOMMUN|kommun|STAD|[Ss]tad)\b")
