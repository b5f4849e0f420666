"""The parts of a project list item (read by :mod:`pipeline.facts.items`): its owner at
the end or the start of its head, a project title in quotation marks, labelled field lines
under its name (:mod:`pipeline.facts.item_fields`), and the sum granted when it follows the sum
applied for ("sökt belopp 190 000 kronor. Bifalls delvis med 120 000 kronor").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.clause_tails import cut_clause_tail
from pipeline.facts.context import BodyLine
from pipeline.facts.item_tails import genitive_trip
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "association_before",
    "ITEM",
    "PlaceFinder",
    "associations",
    "granted_instead",
    "quoted_name",
    "set_amount",
    "split_owner",
    "tidy",
    "tidy_tail",
]

PlaceFinder = Callable[[str], list[Place]]

#: a list item's mark: "1." / "1)", a sub-number "2.3" (group 2), or a bullet
ITEM = re.compile(r"^\s*(?:(\d{1,2})\s*[.)]|\d{1,2}\.(\d{1,2})\.?|[-–—•·*▪■●]|[a-h]\))\s+(?=\S)")
#: words that may stand in an owner phrase besides the district names themselves
_OWNER_FILLER = re.compile(
    r"^(?:[\s,;&/()–-]|och\b|samt\b|med\b|medsokande\w*|gemensam\w*|ansokan\b|"
    r"stadsdelsforvaltning\w*|stadsdelsnamnd\w*|stadsdelsomrade\w*|sdf\b|forvaltning\w*|"
    r"s\b|i\b|som\b|projektagare\b|huvudman\b|tillsammans\b|samverkan\b|samarbete\b|"
    r"beviljat\b|beviljad\w*\b|"
    r"beviljades\b|huvudsokande\b|sokande\b|tidigare\b|f\.\s?d\.|"
    # the förvaltning's own unit printed after it ("Socialförvaltningen, avdelningen för …")
    r"\w*(?:avdelning|enhet|sektion|byra|kansli)\w*\b)*$"
)


def with_own_unit(text: str, places: Sequence[Place]) -> bool:
    """`text` is a förvaltning and, after a comma, a unit of its own by name
    ("Socialförvaltningen, Stödcentrum för unga brottsutsatta", "…, enheten för …")."""
    first, comma, unit = text.partition(",")
    return bool(comma) and _owner_covered(first, places, 0) and bool(_UNIT_NAME.fullmatch(unit))


_UNIT_NAME = re.compile(r"\s*(?:[A-ZÅÄÖ]|enhete?n?\b|avdelningen\b|sektionen\b)[\w\s-]{2,60}")


#: a former name before a place: "(tidigare Rinkeby-Kista)", "f.d. Kista"
_FORMER = re.compile(r"\b(?:tidigare|f\.\s?d\.)\s*$", re.IGNORECASE)


def _owner_covered(text: str, places: Sequence[Place], offset: int) -> bool:
    """`text` (starting at `offset` of the head) holds places and owner filler only."""
    inside = [p for p in places if p.start >= offset and p.end <= offset + len(text)]
    if not inside:
        return False
    rest: list[str] = []
    pos = offset
    for p in sorted(inside, key=lambda p: p.start):
        rest.append(text[max(0, pos - offset) : max(0, p.start - offset)])
        pos = max(pos, p.end)
    rest.append(text[max(0, pos - offset) :])
    return all(_OWNER_FILLER.match(fold(r)) for r in rest)


def owner_only(text: str, find: PlaceFinder) -> bool:
    """`text` names a district or förvaltning and nothing else ("Kista stadsdelsförvaltning")."""
    return _owner_covered(text.strip().rstrip("."), find(text.strip().rstrip(".")), 0)


def split_owner(head: str, find: PlaceFinder) -> tuple[str, list[Place]]:
    """(name, owner places) of an item head without its amount."""
    # ("…, Bromma stadsdelsförvaltning." before its sum: the sentence's full stop)
    head = re.sub(r"(?<=[a-zåäö]{4})\.\s*$", "", head)
    places = find(head)
    if not places:
        return tidy(head), []
    if (gen := genitive_trip(head)) and _owner_covered(gen[0], places, 0):
        return tidy(gen[1]), [p for p in places if p.end <= len(gen[0])]  # "Xs resa till Y"
    # owner at the end: after the leftmost comma, dash or bracket whose tail is only places
    for m in re.finditer(r",|\s[–—-]\s|\(", head):
        tail_start = m.start() if m.group(0) == "(" else m.end()
        tail = head[tail_start:]
        if _series_goes_on(head, m.start(), places):
            continue  # "… erfarenheter från Vantör, Skärholmen och Rinkeby": one series
        # ("…, Södermalms stadsdelsförvaltning i samarbete med Institutionen för …": the
        # owner, then its partners, districts or not)
        joint = _JOINT.search(tail)
        owner_part = tail[: joint.start()] if joint and tail[: joint.start()].strip() else tail
        if _owner_covered(owner_part, places, tail_start):
            name = head[: m.start()]
            if tidy(name):
                # (a former name in brackets, "(tidigare Rinkeby-Kista)", owns nothing)
                return tidy(name), [
                    p
                    for p in places
                    if p.start >= tail_start and not _FORMER.search(head[: p.start])
                ]
    # owner first: "Farsta stadsdelsförvaltning: Name" / "Farsta – Name"
    lead = re.match(r"^(.*?)(?::\s|\s[–—-]\s)", head)
    # ("Socialförvaltningen, Stödcentrum för unga brottsutsatta: Name": and its own unit)
    # ("Hässelby-Vällingby, Oslo: mottagning av …": owner, comma, a trip's name; see below)
    city = lead.group(1).rsplit(",", 1)[1].strip() if lead and "," in lead.group(1) else ""
    trip = bool(_CITY.fullmatch(city)) and not find(city)
    if (
        lead
        and not trip
        and (_owner_covered(lead.group(1), places, 0) or with_own_unit(lead.group(1), places))
    ):
        return tidy(head[lead.end() :]), [p for p in places if p.end <= lead.end()]
    # "Norrmalm, Digital ansökan om ekonomiskt bistånd": the owners, a comma, the name (the
    # longest run of places before a comma)
    owners_end = 0
    for m in re.finditer(r",\s", head):
        if not _owner_covered(head[: m.start()], places, 0):
            break
        owners_end = m.end()
    if owners_end and tidy(head[owners_end:]) and not find(head[owners_end:]):
        return tidy(head[owners_end:]), [p for p in places if p.end <= owners_end]
    return tidy(head), []


_JOINT = re.compile(r"\s+(?:i\s+(?:samarbete|samverkan)|tillsammans)\s+med\s+\S")


def _series_goes_on(head: str, comma: int, places: Sequence[Place]) -> bool:
    """Is the comma at `comma` one of a series of bare district names that began before it
    ("från Vantör, Skärholmen och Rinkeby"), not the gap before an owner ("i Tensta, …")?"""
    if head[comma] != "," or not any(p.end == len(head[:comma].rstrip()) for p in places):
        return False
    tail = fold(head[comma + 1 :])
    return " och " in f" {tail} " and not re.search(r"forvaltning|namnd|\bsdf\b|\bsdn\b", tail)


#: a project's title in quotation marks inside an item ("Fältgruppen, ”Trygga helger”, …")
_QUOTED = re.compile(r"[”“\"«»]([^”“\"«»]{3,160})[”“\"«»]")


def quoted_name(head: str) -> re.Match[str] | None:
    """The one quoted title of an item's head, when it has exactly one of two words or more."""
    found = [m for m in _QUOTED.finditer(head) if len(m.group(1).split()) >= 2]
    return found[0] if len(found) == 1 else None


def tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,;:|–—-").rstrip(".").strip()


#: a line of an item that gives one of its fields ("Sökande: Farsta stadsdelsförvaltning.")
def set_amount(row: ListRow, m: AmountMatch, lines: Sequence[BodyLine], a: int, b: int) -> None:
    """Give a list row its sum, and the line of lines a..b that prints it (a wrapped item
    prints it on a later line)."""
    row.amount, row.amount_raw, row.amount_approx = m.sek, m.raw, m.approximate
    digits = re.sub(r"\D", "", m.raw)[:3]
    row.amount_line = next(
        (k for k in range(a, b + 1) if digits and digits in re.sub(r"\D", "", lines[k].text)), a
    )


_SOUGHT_BEFORE = re.compile(r"(?:sokt|sokte|ansokt|soker|ansoker)\b[\w\s:]{0,20}$")
#: ("Sökt: 27 600 kr   Förslag: 24 500 kr": the sum proposed after the one applied for)
_GRANTED_BEFORE = re.compile(
    r"(?:bevilja\w*|bifall\w*|tilldela\w*|forslag|foreslas|foreslaget)\b[\w\s:]{0,20}$"
)


def granted_instead(text: str, amount: AmountMatch | None) -> AmountMatch | None:
    """An item that prints the sum applied for and then the sum granted ("sökt belopp
    190 000 kronor. Bifalls delvis med 120 000 kronor"): the project's sum is the one granted."""
    if amount is None:
        return None
    found = [a for a in find_amounts(text) if a.per is None]
    this = next((a for a in found if a.raw == amount.raw), None)
    if this is None or not _SOUGHT_BEFORE.search(fold(text[max(0, this.start - 30) : this.start])):
        return amount
    for a in found:
        if a.start > this.start and _GRANTED_BEFORE.search(
            fold(text[max(0, a.start - 30) : a.start])
        ):
            return a
    return amount


def associations(rows: Sequence[ListRow | None]) -> bool:
    """Do most items name an association (a grant to its activities, no project)?"""
    named = [r for r in rows if r is not None and _ASSOCIATION.search(fold(r.name))]
    return 2 * len(named) >= len(rows)


_ASSOCIATION = re.compile(r"forening|klubb|sallskap|scout|forbund|stiftelse|\b(?:if|ik|bk)\b")


def association_before(before: str, max_words: int) -> str | None:
    """The association named before an item's quoted title ("Husby Basketförening, ”Tjej-
    basket efter skolan”, Husby"): it carries the project out, and the places it and the
    title name own nothing (:func:`partner_office`); None when no association stands there."""
    who = before.strip(" ,:;–-")
    f = fold(who)
    if re.match(r"(?!stockholms\s)(?:[a-z-]+\s+){1,2}(?:kommun|stad)\b", f):
        # "Huddinge kommun, socialförvaltningen, tillsammans med …": another municipality
        who = re.split(r",?\s+(?:tillsammans|i samarbete|i samverkan)\s+med\b", who)[0]
        return who if len(who.split()) <= max_words else None
    named = _ASSOCIATION.search(f) or re.search(r"\b(?:ifk|ff|sk)\b|allians", f)
    return who if named and len(who.split()) <= max_words else None


def partner_office(place: Place) -> bool:
    """A place printed as a förvaltning ("Järva stadsdelsförvaltning"), not a place name."""
    return re.search(r"forvaltning|\bsdf\b", fold(place.name_as_printed)) is not None


#: a period in brackets after an item's name: "(planerad start februari 2023, avslutas …)"
_DATED_BRACKET = re.compile(r"\s*\((?=[^()]*\b(?:19|20)\d\d\b)[^()]*\)\s*$")
#: a destination's name: one or two capitalised words ("Oslo", "Nya Delhi")
_CITY = re.compile(r"[A-ZÅÄÖ][\wåäöü-]+(?: [A-ZÅÄÖ][\wåäöü-]+)?")
#: a count in brackets after an item's name: votes, participants ("(Hagsätra, 274 röster)")
_COUNT_BRACKET = re.compile(
    r"\s*\((?:[^()]*,\s*)?\d[\d ]*\s+(?:röster|deltagare|personer|platser)\)(?:,\s*beräknad)?\s*$"
)
#: a partner after an item's name: ", i samarbete med Hägersten-Älvsjö"
_PARTNER_TAIL = re.compile(
    r",?\s+(?:i\s+(?:samarbete|samverkan)\s+med|med|på\s+uppdrag\s+av)\s+(?P<who>[^,()]{3,80}?)"
    # "…, med Södermalms och Skärholmens stadsdelsförvaltningar som försöksområden"
    r"(?:\s+som\s+\w+)?$"
)


#: a bracket at the end of an item's name
_UNIT_BRACKET = re.compile(r"\s*\(([^()]{4,120})\)\s*$")


#: words that make a bracket the project's owner or partners
_UNIT_WORDS = re.compile(
    r"enhet|avdelning|sektion|gemensam\w* (?:projekt|ansokan)|tillsammans med|"
    r"i samarbete med|i samverkan med|medsokande|stadsdelsforvaltning|forvaltningen\b"
)


_VERDICT_TAIL = re.compile(
    r"\s[–—-]\s+(?:beviljas|avslås|avslas|bifalls|tillstyrks|avstyrks)\.?$", re.IGNORECASE
)


def tidy_tail(r: ListRow, find: PlaceFinder) -> None:
    """An item's name without the period in brackets after it; a partner district named
    after it ("…, i samarbete med Hägersten-Älvsjö") takes part in the project; a unit in
    brackets after it ("(enheten för ekonomiskt bistånd)", "(gemensamt projekt med Skarpnäcks
    stadsdelsförvaltning)") is its owner, not part of its name."""
    r.name = _DATED_BRACKET.sub("", r.name).strip() or r.name
    r.name = _COUNT_BRACKET.sub("", r.name).strip() or r.name  # "(Rågsved, 301 röster)"
    # "Name - avslås": the verdict after the name is no part of it
    r.name = _VERDICT_TAIL.sub("", r.name).strip() or r.name
    cut_clause_tail(r, find)  # ", som genomförs av IK Rinkeby": who runs it
    unit = _UNIT_BRACKET.search(r.name)
    if unit is not None and _UNIT_WORDS.search(fold(unit.group(1))):
        r.name = r.name[: unit.start()].strip() or r.name
        have = {p.district_id for p in r.places}
        r.places += [p for p in find(unit.group(1)) if p.district_id not in have]
    m = _PARTNER_TAIL.search(r.name)
    if m is None and r.amount_raw and r.amount_raw in r.evidence:
        # "– Name, 350 000 kronor, i samarbete med Kungsholmens sdf": the partner after the sum
        tail = " ".join(r.evidence[r.evidence.index(r.amount_raw) + len(r.amount_raw) :].split())
        after = _PARTNER_TAIL.search(tail)
        who = after.group("who") if after is not None and r.performer is None else ""
        partners = find(who) if who else []
        if partners and covered_by_places(who, partners):
            have = {p.district_id for p in r.places}
            r.places += [p for p in partners if p.district_id not in have]
    if m is None or (
        r.performer is not None
        and not re.search(r"universitet|hogskola|institut|consult|management", fold(r.performer))
    ):
        # (an association's activity "i samarbete med …" is how it is described; a study's
        # partner districts are not part of its name)
        return
    partners = find(m.group("who"))
    if partners and covered_by_places(m.group("who"), partners):
        r.name = r.name[: m.start()].strip()
        have = {p.district_id for p in r.places}
        r.places += [p for p in partners if p.district_id not in have]
