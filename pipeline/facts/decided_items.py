"""Projects a stadsdelsnämnd's application names in its att-satser only.

How the documents write them
----------------------------

A district's application for development money lists what it applies for in the proposed
decision, one item each, and may describe each thing later under a heading of its own that
no reader takes for a project (the heading is a trip's destination, or says the district
joins another's application)::

    1. Stadsdelsnämnden godkänner att förvaltningen ansöker om lokala utvecklingsmedel
       med 420 000 kronor för projektet Tidiga samtal – stöd till familjer.
    2. … ansöker om medel för studiebesök (MUST) med 24 500 kronor för ett studiebesök
       i Århus.
    3. … deltar som medsökande i Farsta stadsdelsförvaltnings ansökan om lokala
       utvecklingsmedel för projektet Språkstöd i ekonomiskt bistånd.

Each item that names a project ("för projektet <Name>", the name up to the item's end) or a
trip ("studiebesök i <Ort>") is a project the document applies for, unless another reader
found it already. Its sum is the item's; else the first sum of the body's paragraph that
names it. Its owner is the writing district, and the district whose application it joins
("i Farsta stadsdelsförvaltnings ansökan") before it. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from pipeline.facts.context import BodyLine, Context, find_funds
from pipeline.facts.drafts import REJECTED, Draft
from pipeline.facts.lists import Place, PlaceFinder, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.records import Decision

__all__ = ["applied_in_decisions", "granted_in_decisions"]

#: "… för projektet Språkstöd i ekonomiskt bistånd." (the name to the item's end, or to a
#: clause after it: ", som …", " under 2015", " med 350 000 kronor")
_PROJECT = re.compile(
    r"\bför\s+projektet\s+(?P<name>[A-ZÅÄÖ][^.;:]{3,140}?)"
    r"(?=\s*(?:[.;:]|$)|,\s|\s+(?:under|med|som|samt)\s+(?:\d|år|[a-zåäö]+\s+\d))"
)
#: "… för ett studiebesök i Århus", "studieresa till Oslo och Bergen"
_TRIP = re.compile(
    r"\b(?P<kind>studiebesök|studieresa)\s+(?P<to>i|till)\s+"
    r"(?P<place>[A-ZÅÄÖ][\w-]+(?:(?:\s+och\s+|,\s+|\s+)[A-ZÅÄÖ][\w-]+)*)"
)
#: "… som medsökande i Farsta stadsdelsförvaltnings ansökan": whose application it joins
_JOINS = re.compile(r"\bi\s+(?P<who>[A-ZÅÄÖ][\w-]*(?:\s+[\w-]+){0,2}?)s?\s+ansökan\b")
_FUND_BRACKET = re.compile(r"\s*\((?:LUM|MUL|MUST|FUM|FoU)\)\s*$")
_APPLIES = re.compile(r"\b(?:ansoker|ansoka|soker|medsokande|ansokan)\b")


def applied_in_decisions(
    decisions: Sequence[Decision],
    drafts: Sequence[Draft],
    lines: Sequence[BodyLine],
    ctx: Context,
    own: Sequence[Place],
    find: PlaceFinder,
) -> list[Draft]:
    """The projects and trips the att-satser apply for that no draft already names."""
    out: list[Draft] = []
    for dec in decisions:
        text = " ".join(dec.text.split())
        if not _APPLIES.search(fold(text)):
            continue
        for name, fund in _named(text, ctx):
            name = _heading_named(lines, name)
            at = _line_naming(lines, name)
            if at is None:
                continue
            amounts = [a for a in find_amounts(text) if a.per is None]
            if not amounts:
                para = _paragraph(lines, at, name)
                amounts = [a for a in find_amounts(para) if a.per is None][:1]
            cut = next((d for d in drafts if _words(name).startswith(_words(d.name) + " ")), None)
            if cut is not None and len(cut.name.split()) <= 2:
                # "projektet Läxhjälp med föräldrar i centrum" read to its "med" elsewhere
                cut.name = name
                if cut.amount_sek is None and amounts:
                    cut.amount_sek, cut.amount_raw = amounts[0].sek, amounts[0].raw
                continue
            if any(_same(name, d.name) for d in [*drafts, *out]):
                continue
            place = _TRIP.search(name[:1].lower() + name[1:])
            if place is not None and any(
                re.search(rf"\b{re.escape(fold(place.group('place').split()[0]))}\b", fold(d.name))
                for d in [*drafts, *out]
            ):
                continue  # the trip another reader found under its destination ("Aarhus kommun")
            joins = _JOINS.search(text)
            places = [*(find(joins.group("who")) if joins else []), *own]
            out.append(
                Draft(
                    name=name,
                    fund_type=fund,
                    year=ctx.year_at(at),
                    status="ansökt",
                    amount_sek=amounts[0].sek if amounts else None,
                    amount_raw=amounts[0].raw if amounts else None,
                    page_no=lines[at].page_no,
                    evidence=text[:300],
                    confidence=0.6,
                    first_line=at,
                    last_line=at,
                    places=_unique(places),
                )
            )
    return out


def _named(text: str, ctx: Context) -> list[tuple[str, str | None]]:
    """(name, fund) of the project or the trip an att-sats names."""
    funds = find_funds(text, ctx.study_fund)
    fund = funds[0][2] if funds else None
    m = _PROJECT.search(text)
    if m is not None:
        return [(m.group("name").strip(" -–,"), fund)]
    t = _TRIP.search(text)
    if t is not None:
        # (as printed: "Studieresa till Köpenhamn", "Studiebesök i Århus")
        name = f"{t.group('kind').capitalize()} {t.group('to')} {t.group('place')}"
        return [(name, fund or ctx.study_fund)]
    return []


def _words(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(name)).split())


def _same(a: str, b: str) -> bool:
    """One name the other's, or its start ("Studiebesök i Edinburgh" and "Studiebesök i
    Edinburgh, samordnat stöd …")."""
    x, y = _words(a), _words(b)
    return x.startswith(y) or y.startswith(x) or fuzz.token_set_ratio(x, y) >= 90


def _heading_named(lines: Sequence[BodyLine], name: str) -> str:
    """The heading that the item's name begins, when the body has one ("Studiebesök i
    Rotterdam – uppsökande arbete bland unga"), or that a trip's destination opens
    ("Århus – tidiga insatser för …"): the fuller name."""
    key = _words(name)
    trip = _TRIP.search(name[:1].lower() + name[1:])
    dest = _words(trip.group("place")) if trip is not None else None
    for ln in lines:
        text = " ".join(ln.text.split())
        if (
            ln.heading
            and dest is not None
            and re.match(rf"{re.escape(dest)}\s*[–—,-]\s+\w", fold(text))
            and len(text.split()) <= 16
        ):
            return _FUND_BRACKET.sub("", text).rstrip(" .:")
        if ln.heading and _words(text).startswith(key) and len(text.split()) <= 16:
            # (the fund in a bracket after it is no word of the name: "… Köpenhamn (MUL)")
            return _FUND_BRACKET.sub("", text).rstrip(" .:")
    return name


def _line_naming(lines: Sequence[BodyLine], name: str) -> int | None:
    """The first line where the name begins (its first three words), outside headings."""
    head = fold(" ".join(name.split()[:3]))
    for k, ln in enumerate(lines):
        if head in fold(" ".join(ln.text.split())):
            return k
    return None


def _paragraph(lines: Sequence[BodyLine], at: int, name: str) -> str:
    """The body's last paragraph that names the project, other than the item's own (at line
    `at`): for its sum when the item states none."""
    head = fold(" ".join(name.split()[:3]))
    found = ""
    k = 0
    while k < len(lines):
        if not lines[k].text.strip():
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and lines[end + 1].text.strip() and not lines[end + 1].heading:
            end += 1
        text = dehyphen_join([lines[j].text for j in range(k, end + 1)])
        if not k <= at <= end and head in fold(" ".join(text.split())):
            found = text
        k = end + 1
    return found


def _sum_with(lines: Sequence[BodyLine], m: re.Match[str]) -> str | None:
    """The first sentence of the body that names the applicant and the purpose with a sum
    ("Ansökan från Ungdomsforum om 75 000 kronor till ett sommarkollo …"): that sum."""
    org, purpose = fold(m.group("org").split()[0]), fold(m.group("purpose").split()[0])
    text = dehyphen_join([ln.text for ln in lines])
    for s in re.split(r"(?<=[.!?])\s+", text):
        if org in fold(s) and purpose[:5] in fold(s) and find_amounts(s):
            return find_amounts(s)[0].raw
    return None


def _unique(places: Sequence[Place]) -> list[Place]:
    seen: set[str] = set()
    out: list[Place] = []
    for p in places:
        if p.district_id not in seen:
            seen.add(p.district_id)
            out.append(p)
    return out


#: "att bevilja Eritreanska Kulturföreningen bidrag med 28 000 kr för läxhjälp …" and "att
#: avslå ansökan från Föreningen X om 15 000 kr till en resa till Tallinn": an association's
#: grant, or its application turned down, for a purpose the item names
_SUM = r"(?P<sum>\d[\d\s.,]*\s*(?:kr|kronor|tkr)\.?)"
_PURPOSE = r"\s+(?:för|till)\s+(?:en\s+|ett\s+)?(?P<purpose>[a-zåäö][^,;]{3,120}?)\s*(?:[,;.]|$)"
_GRANT_ITEM = re.compile(
    r"^(?:att\s+)?(?:bevilja|tilldela)\s+(?P<org>[A-ZÅÄÖ][^,]{2,80}?)\s+(?:ett\s+)?"
    rf"(?P<kind>\w*bidrag)\s+(?:med|om|på)\s+{_SUM}{_PURPOSE}"
)
_REJECT_ITEM = re.compile(
    r"^(?:att\s+)?avslå\s+(?:\w+\s+)?ansökan\s+(?:från|av)\s+(?P<org>[A-ZÅÄÖ][^,]{2,80}?)"
    rf"\s+om\s+{_SUM}{_PURPOSE}"
)
#: "Ansökan från föreningen X om bidrag till sommarkollo för ungdomar avslås.": turned down,
#: its sum stated where the text gives the application's
_PASSIVE_REJECT = re.compile(
    r"^ansökan\s+(?:från|av)\s+(?:föreningen\s+)?(?P<org>[A-ZÅÄÖ][^,]{2,80}?)\s+om\s+"
    r"(?:bidrag|medel)\s+(?:till|för)\s+(?:en\s+|ett\s+)?(?P<purpose>[a-zåäö][^,;]{3,120}?)"
    r"\s+avslås\.?$",
    re.IGNORECASE,
)
#: what keeps an association running, no project: "verksamhetsbidrag", "för 1998"
_RUNNING = re.compile(r"^(?:verksamhets|drift|organisations|grund|lokal|hyres)bidrag$")
_NO_PURPOSE = re.compile(
    r"^(?:år\s+)?(?:19|20)\d\d\b|^(?:sin|dess|föreningens)\s+verksamhet|^verksamhet"
)


def granted_in_decisions(
    decisions: Sequence[Decision],
    drafts: Sequence[Draft],
    lines: Sequence[BodyLine],
    ctx: Context,
    find: PlaceFinder | None = None,
) -> list[Draft]:
    """The associations' grants for a purpose the att-satser name, and the applications they
    turn down, that no draft already names: each purpose a project the association carries
    out."""
    out: list[Draft] = []
    for dec in decisions:
        text = " ".join(dec.text.split()).rstrip(" ,;")
        text = re.sub(r",?\s+(?:samt|och)$", "", text)
        m = _GRANT_ITEM.match(text) or _REJECT_ITEM.match(text) or _PASSIVE_REJECT.match(text)
        if m is None or _NO_PURPOSE.match(m.group("purpose")):
            continue
        if "kind" in m.groupdict() and _RUNNING.match(fold(m.group("kind"))):
            continue
        name = m.group("purpose").strip()
        if any(_same(name, d.name) for d in [*drafts, *out]):
            continue
        at = _line_naming(lines, name)
        at = at if at is not None else _line_naming(lines, m.group("org"))
        if at is None:
            continue
        said = m.groupdict().get("sum") or _sum_with(lines, m)
        amounts = find_amounts(said or "")
        if not amounts or (
            # (the application a table lists already, by another name: "Barcelona – …")
            m.re is _PASSIVE_REJECT and any(d.amount_sek == amounts[0].sek for d in drafts)
        ):
            continue
        org = m.group("org").strip()
        # a district's förvaltning applying ("Ansökan från Södermalms stadsdelsförvaltning om
        # medel för studiebesök i New York avslås"): its owner, no performer
        owners = [p for p in (find(org) if find else []) if p.kind == "stadsdelsförvaltning"]
        owned = bool(owners) and covered_by_places(org, owners)
        out.append(
            Draft(
                name=_TRIP_TO.sub("", name) if owned else name,
                fund_type=ctx.fund_at(at),
                year=ctx.year_at(at),
                status="beviljad" if m.re is _GRANT_ITEM else REJECTED,
                amount_sek=amounts[0].sek,
                amount_raw=amounts[0].raw,
                performer=None if owned else org,
                places=owners if owned else [],
                page_no=lines[at].page_no,
                evidence=text[:300],
                confidence=0.6,
                first_line=at,
                last_line=at,
                unowned=not owned,
            )
        )
    return out


#: a trip applied for, named by where it goes: "studiebesök i New York" is "New York"
_TRIP_TO = re.compile(r"^(?:ett\s+)?(?:studiebesök|studieresa)\s+(?:i|till)\s+(?=[A-ZÅÄÖ])")
