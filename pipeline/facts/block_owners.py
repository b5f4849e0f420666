"""Field blocks grouped under their owners' names.

A distribution may print each förvaltning's name on a line of its own, set out to the left of
(or as a heading over) the blocks of fields that follow it::

    Farsta stadsdelsförvaltning
      Lokala utvecklingsmedel
      Projekt: Tidiga insatser för familjer …
      Sökt belopp: 520 000 kronor            Förslag: 480 000 kronor
      …
      Studiebesök (MUST)
      Resmål: Århus, Danmark
    Södermalms stadsdelsförvaltning
      …

Each block with no owner field of its own belongs to the nearest such name above it, and a
block's text ends where the next owner's name stands. Also what an owner field names
(`owners_of`), the owner fields printed right over a block's name field ("Sökande   Järva
sdf" over "Projekt   Name": `owner_preface`, `preface_of_next`) and a trip block's name from
its destination and purpose (`with_purpose`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from pipeline.facts.context import BodyLine, Context
from pipeline.facts.cues import cue_hits
from pipeline.facts.drafts import Draft, cued_status
from pipeline.facts.field_lines import (
    CO_OWNER,
    DESTINATION,
    FIELD,
    GAP_FIELD,
    NAME,
    OWNER,
    PURPOSE,
    field_of,
    known_gap_field,
)
from pipeline.facts.lists import Place, PlaceFinder, covered_by_places
from pipeline.facts.performer_tails import ANOTHER_TOWN, applying_body
from pipeline.facts.text_units import sentences, unit_at
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "LABEL_GAP",
    "applicant_body",
    "numbered_owner",
    "end_at_other_projects",
    "district_heading",
    "owner_preface",
    "preface_of_next",
    "intro_status",
    "is_owner_line",
    "own_by_owner_lines",
    "owner_on_top",
    "owners_of",
    "with_purpose",
]

_MAX_OWNER_WORDS = 8


def is_owner_line(lines: Sequence[BodyLine], k: int, find: PlaceFinder, indent: int) -> bool:
    """Line `k` is only a förvaltning's name, a heading or set out left of `indent` (the
    blocks' own indent)."""
    line = lines[k]
    text = line.text.strip()
    if not text or ":" in text or len(text.split()) > _MAX_OWNER_WORDS or find_amounts(text):
        return False
    if not (line.heading or line.indent < indent or _alone(lines, k)):
        return False
    return covered_by_places(text, find(text))


_SECTION_NO = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")


def _wrapped_owner(lines: Sequence[BodyLine], k: int, find: PlaceFinder) -> list[Place] | None:
    """An owner line wrapped inside its bracket ("Enskede-Årsta-Vantörs stadsdelsförvaltning
    (medsökande Skarpnäcks" ⏎ "stadsdelsförvaltning)"), line `k` its end and a paragraph of
    its own: the places of both lines, else None."""
    if k == 0 or not lines[k].text.strip().endswith(")"):
        return None
    first = lines[k - 1].text.strip()
    if first.count("(") <= first.count(")") or (k > 1 and lines[k - 2].text.strip()):
        return None
    if k + 1 < len(lines) and lines[k + 1].text.strip():
        return None
    # ("3.2 Farsta stadsdelsförvaltning (medsökande …": the section's number is no word of it)
    text = _SECTION_NO.sub("", f"{first} {lines[k].text.strip()}")
    if len(text.split()) > 2 * _MAX_OWNER_WORDS or find_amounts(text):
        return None
    places = find(text)
    return list(places) if places and covered_by_places(text, places) else None


def _alone(lines: Sequence[BodyLine], k: int) -> bool:
    """Line `k` is a paragraph of its own: a blank line (or the page's top) above it and a
    blank line under it ("Spånga-Tensta stadsdelsförvaltning" between its neighbours' cards,
    not taken for a heading where a short name follows)."""
    above = k == 0 or not lines[k - 1].text.strip() or lines[k - 1].page_no != lines[k].page_no
    return above and (k + 1 >= len(lines) or not lines[k + 1].text.strip())


def owner_on_top(lines: Sequence[BodyLine], i: int, find: PlaceFinder) -> int | None:
    """The first line of an owner's name printed right on top of a block's first field
    (line `i`), with no blank line between, maybe over two lines and with a bracket under it
    ("Enskede-Årsta-Vantörs" ⏎ "stadsdelsförvaltning" ⏎ "(gemensam ansökan)" over
    "Resmål: …"): a card of fields with its owner as its title. None when there is none."""
    if i >= len(lines) or not FIELD.match(lines[i].text.strip()):
        return None
    k = i - 1
    if k >= 0 and _BRACKET.fullmatch(lines[k].text.strip()):
        k -= 1  # "(gemensam ansökan)", "(medsökande Skarpnäck)"
    for start in (k - 1, k):  # (the longer first: "Socialförvaltningen," ⏎ "socialjouren")
        if start < 0 or any(not lines[x].text.strip() for x in range(start, k + 1)):
            continue
        text = " ".join(lines[x].text.strip() for x in range(start, k + 1))
        if ":" in text or len(text.split()) > _MAX_OWNER_WORDS or find_amounts(text):
            continue
        if covered_by_places(text, find(text)):
            return start
    return None


_BRACKET = re.compile(r"\([^()]{2,60}\)")


def own_by_owner_lines(
    drafts: Sequence[Draft], lines: Sequence[BodyLine], find: PlaceFinder
) -> None:
    """Each draft with no owner takes the owner line above it (module docstring): the lines
    between hold only blocks and their captions at the blocks' indent."""
    for d in drafts:
        lead, dash, rest = d.name.partition(" - ")
        found = find(lead) if dash and rest[:1].isupper() and not d.places else []
        if found and covered_by_places(lead, found):
            # "Enskede-Årsta-Vantör och Farsta - Oslo, familjeråd …" over "Deltagare: 6":
            # the applicants, then the trip's name
            d.name, d.places = rest.strip(), list(found)
        if not d.places:
            _own_by_owner_line(d, lines, find)
        if d.partners:
            d.places = [*d.places, *(p for p in d.partners if p not in d.places)]
            d.partners = []


def _own_by_owner_line(d: Draft, lines: Sequence[BodyLine], find: PlaceFinder) -> None:
    """`d` takes the owner on top of its first field, or the owner line above it."""
    top = owner_on_top(lines, d.first_line, find)
    if top is not None:
        d.places = list(find(" ".join(lines[k].text.strip() for k in range(top, d.first_line))))
        return
    indent = lines[d.first_line].indent
    for k in range(d.first_line - 1, -1, -1):
        if is_owner_line(lines, k, find, indent):
            d.places = list(find(lines[k].text.strip()))
            return
        if (wrapped := _wrapped_owner(lines, k, find)) is not None:
            d.places = wrapped
            return
        if lines[k].heading and lines[k].indent >= indent and cue_hits(lines[k].text, "fund"):
            continue  # "Lokala utvecklingsmedel" over the group's blocks of that fund
        if lines[k].heading or (lines[k].text.strip() and lines[k].indent < indent):
            return  # another heading or paragraph: the block is no group's


def applicant_body(
    fields: dict[str, tuple[int, str]],
    owner: tuple[int, str] | None,
    places: list[Place],
    find: PlaceFinder,
    own: Sequence[Place],
) -> tuple[str | None, list[Place]]:
    """Who applies when the owner field names a body of its own (another municipality's
    office, an association, a club): it carries the work out; the districts are those the
    field names beside it, else the block's area field ("Stadsdelsområde: Farsta")."""
    body = applying_body(owner, places)
    if body is None or owner is None:
        return None, places
    if ANOTHER_TOWN.match(owner[1]):
        return body, []
    kept = [p for p in places if p.name_as_printed not in body and p not in own]
    area = next((v for k, v in fields.items() if OWNER.match(k) and v != owner), None)
    # (else the deciding nämnd's own district, as the field's person or unit gave it)
    return body, kept or (list(find(area[1])) if area else []) or list(own)


def owners_of(value: str, find: PlaceFinder, own: Sequence[Place]) -> list[Place]:
    """The places an owner field names; a person or unit naming no place ("Lena Exempel,
    enheten för barn och familj") is the nämnd's own förvaltning, also beside a partner
    ("…, ungdomsenheten, i samarbete med Rinkeby stadsdelsförvaltning")."""
    found = list(find(value))
    if own and not found:
        return list(own)  # "Lisa Exempel, öppna förskolan": someone of the nämnd's own
    unit = unit_at(value)
    if own and unit is not None and unit < found[0].start:
        return [*own, *(p for p in found if p not in own)]
    return found


#: a purpose told as what the visitors will do ("Ta del av …", "Studera hur …", "Besöka …"):
#: a description of the trip, not part of its name
_DOING = re.compile(
    r"^(?:att\s+)?(?:ta|se|fa|lara|besoka|jamfora|undersoka|traffa|delta|utbyta|hamta|inhamta|"
    r"utveckla|fordjupa|oka|kartlagga|granska|folja|knyta|samla|bygga|skaffa|vidga|\w+era)\b"
)
#: the dates after a trip's destination: ", 12-14 maj 2004", ", oktober 2004", ", v. 38"
_TRIP_DATES = re.compile(
    r",\s*(?:(?:\d{1,2}\s*[-–]\s*)?\d{1,2}\s+)?(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)"
    r"[a-zåäö]*\.?\s+(?:19|20)\d\d\s*$|,\s*(?:v\.|vecka)\s*\d{1,2}(?:\s+(?:19|20)\d\d)?\s*$",
    re.IGNORECASE,
)
_NAME_WORDS = 10  # a purpose longer than this is a description, whatever its first word


def with_purpose(name: str, fields: dict[str, tuple[int, str]]) -> str:
    """ "Resmål: Oslo, Norge" over "Syfte: Samordnade insatser …": a bare destination (a
    place and maybe its country) is named with what the trip is about, as a trip table's
    destination and purpose columns are — when the purpose is a subject ("barnahus och
    samverkan vid våld mot barn"), not a sentence of what the visitors will do there."""
    purpose = field_of(fields, PURPOSE)
    if purpose is not None and field_of(fields, DESTINATION) is not None:
        # "Resmål: Århus, Danmark, 12-14 maj 2004": the destination without the trip's dates
        name = _TRIP_DATES.sub("", name)
    if (
        purpose is None
        or field_of(fields, DESTINATION) is None
        or len(name.split()) > 3
        or re.search(r"\s[–—-]\s", name)
        or _DOING.match(fold(purpose[1].strip()))
        or len(purpose[1].split()) > _NAME_WORDS
    ):
        return name
    return f"{name} – {purpose[1].rstrip(' .')}"


def intro_status(lines: Sequence[BodyLine], first: int) -> str | None:
    """What the sentence before the first block says its projects are ("föreslagit följande
    fördelning": granted); granted unless it names applications."""
    k = first - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    above: list[str] = []
    while k >= 0 and lines[k].text.strip() and not lines[k].heading and len(above) < 4:
        above.insert(0, lines[k].text.strip())
        k -= 1
    heading = next((lines[h].text for h in range(first, -1, -1) if lines[h].heading), "")
    said = sentences(above)
    return cued_status(f"{heading}. {said[-1].text if said else ''}", "beviljad")


def district_heading(
    ctx: Context,
    lines: Sequence[BodyLine],
    i: int,
    find: PlaceFinder,
    names: Collection[int] = (),
) -> list[Place]:
    """The district whose name alone heads the section of line `i` ("Enskede-Årsta-Vantör"
    over '”Tidiga insatser …” beviljas 300 000 kronor.'): the owner of what it grants. The
    headings on lines `names` are projects' names (a district's second project stands
    under its first one's heading): the district's heading is the first above them."""
    above = [h for h in ctx.headings_above(i) if h not in names][:1]
    text = lines[above[0]].text.strip() if above else ""
    found = find(text) if text else []
    return list(found) if found and covered_by_places(text, found) else []


def _owner_fields_from(lines: Sequence[BodyLine], j: int) -> int:
    """The line after a run of owner and co-applicant fields (and their wrapped lines) from
    line `j`."""
    while j < len(lines):
        text = lines[j].text.strip()
        m = FIELD.match(text) or known_gap_field(text)
        if m is None and (gap := GAP_FIELD.match(text)) and _FUND.match(fold(gap["label"]).strip()):
            m = gap
        label = fold(m.group("label")).strip() if m is not None else ""
        if m is not None and (OWNER.match(label) or CO_OWNER.match(label) or _FUND.match(label)):
            j += 1  # ("Förvaltning  Skärholmen" ⏎ "Medsökande  Farsta" over "Projekt  …")
        elif m is None and lines[j].text.strip() and lines[j].indent >= 8:
            j += 1  # a value wrapped under itself
        else:
            return j
    return j


#: the fund a card's money is from, among its owner's fields ("Fond      MUL")
_FUND = re.compile(r"^(?:fond|fonden|typ av medel|medel)$")


def owner_preface(lines: Sequence[BodyLine], i: int) -> int | None:
    """The first line of the owner fields right above a name field on line `i`, or None
    (all of them: "Förvaltning  Skärholmen" over "Medsökande  Farsta")."""
    first = None
    for start in range(i - 1, max(-1, i - 4), -1):
        if not lines[start].text.strip():
            break
        if start < i and _owner_fields_from(lines, start) == i:
            m = FIELD.match(lines[start].text.strip()) or known_gap_field(lines[start].text.strip())
            if m is not None:
                first = start
    return first


def preface_of_next(lines: Sequence[BodyLine], j: int) -> bool:
    """Whether line `j` opens the owner fields of the next block (its name field after them)."""
    k = _owner_fields_from(lines, j)
    if k == j or k >= len(lines):
        return False
    m = FIELD.match(lines[k].text.strip()) or known_gap_field(lines[k].text.strip())
    return m is not None and bool(NAME.match(fold(m.group("label")).strip()))


def end_at_other_projects(drafts: Sequence[Draft], lines: Sequence[BodyLine]) -> None:
    """A block's text ends before a paragraph about another block's project ("Projektet
    Tidiga insatser … genomförs tillsammans med …" after the last block)."""
    names = [fold(d.name)[:30] for d in drafts]
    for n, d in enumerate(drafts):
        if d.desc_lines is None:
            continue
        start, stop = d.desc_lines
        others = [x for m, x in enumerate(names) if m != n and len(x) >= 12]
        for k in range(start + 1, stop + 1):
            para = k > start and not lines[k - 1].text.strip()
            if para and any(o in fold(lines[k].text) for o in others):
                kept = "\n".join(lines[j].text for j in range(start, k)).strip()
                d.description = kept or None
                d.desc_lines = (start, k - 1) if kept else None
                d.last_line = max(d.first_line, k - 1)
                break


#: "Resa 1  Glasgow, Skottland – Housing First", "Studie B. Unga i …": a numbered or lettered
#: label, a gap or a full stop, the name
LABEL_GAP = re.compile(
    r"^(?P<label>[A-ZÅÄÖ][a-zåäö]+\s+(?:\d{1,2}|[A-Z]))(?:\s{2,}|[.:]\s+)(?P<value>\S.*)$"
)


def numbered_owner(
    lines: Sequence[BodyLine], i: int, find: PlaceFinder
) -> dict[str, tuple[int, str]]:
    """ "Nr 1  Bromma stadsdelsförvaltning, IFO" right over the block's first field: the
    numbered line gives the applicant (its place first), the fields the name."""
    if i == 0 or lines[i - 1].heading:
        return {}
    gap = LABEL_GAP.match(lines[i - 1].text.strip())
    if gap is None or not re.search(r"\d", gap.group("label")):
        return {}
    value = gap.group("value").strip()
    lead = find(value)
    return {"sokande": (i - 1, value)} if lead and lead[0].start == 0 else {}
