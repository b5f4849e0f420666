"""Districts a footnote names for a project: a name marked for a footnote ("…stödboenden*"
over "* Studien genomförs i samarbete med Bromma och Farsta"), and a count of districts
("i fyra stadsdelar¹") whose footnote names them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.drafts import Draft
from pipeline.facts.lists import Place
from pipeline.facts.performer_tails import ACADEMIC_TITLE
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.fuzzy import fold

__all__ = ["footnote_places", "marked_footnote"]

_COUNT_WORDS = {
    "tva": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "atta": 8,
    "nio": 9,
    "tio": 10,
}

_FOOTNOTE_START = re.compile(r"^(?:\d{1,2}\)?\s+|[¹²³⁴⁵⁶⁷⁸⁹]+\s*|\*\s*)[A-ZÅÄÖ]")
_DISTRICT_COUNT = re.compile(
    r"\b(tva|tre|fyra|fem|sex|sju|atta|nio|tio|\d{1,2})\s+(?:stadsdel\w*|sdf)\b"
)


def footnote_places(
    d: Draft,
    lines: Sequence[BodyLine],
    notes: Sequence[tuple[int, str]],
    find: Callable[[str], list[Place]],
) -> list[Place]:
    """Districts of a project named in a footnote: the text counts them ("tre stadsdelar",
    "(tre sdf)") and a footnote on the same pages lists exactly that many."""
    text = fold(f"{d.name} {d.description or ''} {d.evidence}")
    m = _DISTRICT_COUNT.search(text)
    if m is None:
        return []
    word = m.group(1)
    n = int(word) if word.isdigit() else _COUNT_WORDS[word]
    pages = {ln.page_no for ln in lines[d.first_line : d.last_line + 1]}
    # footnotes that the layout reader left in the body: a numbered line
    every = [
        (ln.page_no, dehyphen_join([ln.text, lines[k + 1].text if k + 1 < len(lines) else ""]))
        for k, ln in enumerate(lines)
        if _FOOTNOTE_START.match(ln.text)
    ]
    # the footnote on the project's own pages; else one elsewhere in the document (a table in
    # an appendix whose row refers back to the footnote of the text)
    for near in (True, False):
        for page, note in [*notes, *every]:
            if (page in pages) != near:
                continue
            found = [p for p in find(note) if p.kind == "stadsdelsförvaltning"]
            ids = list(dict.fromkeys(p.district_id for p in found))
            if len(ids) == n:
                return [next(p for p in found if p.district_id == i) for i in ids]
    return []


#: a project's name marked for a footnote: "stödboenden*", "Läxhjälp¹"
_MARK = re.compile(r"(\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹]|(?<=[a-zåäö] )\d\))$")


#: a legend's mark after a listed project's sum: "… 400 000 kr *"
_STARRED = re.compile(r"\d\s*(?:kr|kronor|tkr)\.?\s+(\*{1,4})\s*$")


def marked_footnote(
    d: Draft,
    lines: Sequence[BodyLine],
    notes: Sequence[tuple[int, str]],
    find: Callable[[str], list[Place]],
    first_only: bool = False,
) -> list[Place]:
    """A name that ends in a footnote mark ("Brukarnas erfarenheter av stödboenden*"): the
    mark comes off the name, and the districts the footnote with that mark names ("* Studien
    genomförs i samarbete med Bromma och Farsta") take part in the project. `first_only`:
    those of the footnote's first sentence only (the text after a short note goes on)."""
    starred = _STARRED.search(d.evidence)
    stars = re.escape(starred.group(1)) if starred else ""
    for t in [t for _p, t in notes] + [ln.text for ln in lines] if stars else []:
        # "… 650 000 kr ***" over the legend "***   statsbidrag, Socialstyrelsen": the fund
        if re.match(rf"{stars}\s", t.strip()):
            said = re.split(r",|\n", t.strip())[0]
            funds = {f for _s, _e, f in find_funds(said)}
            funds = {f for f in funds if f in said} if len(funds) > 1 else funds  # ("… (MUST)")
            d.fund_type = funds.pop() if len(funds) == 1 else d.fund_type
    mark = _MARK.search(d.name.strip())
    if mark is None:
        return []
    d.name = d.name.strip()[: mark.start()].rstrip()
    texts = [t for _p, t in notes] + [_with_wrapped(lines, k) for k in range(len(lines))]
    for t in texts:
        if t.strip().startswith(mark.group(1)) and t.strip()[len(mark.group(1)) :][:1].isspace():
            if first_only:
                t = re.split(r"(?<=[a-zåäö)])\.(?:\s|$)", t, maxsplit=1)[0]
            found = [p for p in find(t) if p.kind == "stadsdelsförvaltning"]
            return [
                next(p for p in found if p.district_id == i)
                for i in dict.fromkeys(p.district_id for p in found)
            ]
    return []


def _with_wrapped(lines: Sequence[BodyLine], k: int) -> str:
    """Line `k` with the lines set in under it that wrap it ("1) Bromma, Älvsjö och" over
    "   Hägersten-Liljeholmens stadsdelsförvaltningar.")."""
    parts = [lines[k].text]
    for ln in lines[k + 1 : k + 4]:
        if not ln.text.strip() or ln.indent <= lines[k].indent:
            break
        parts.append(ln.text)
    return dehyphen_join(parts) if len(parts) > 1 else parts[0]


#: a researcher's title and post before the organisation in a footnote: "Docent, …",
#: "Fil. dr, …"
_TITLE = re.compile(rf"^(?:{ACADEMIC_TITLE}|forskare|doktorand)\.?,\s*", re.IGNORECASE)
#: a footnote about the city's own staff: "Utredare vid socialförvaltningens FoU-enhet."
_OWN_STAFF = re.compile(r"^\w+\s+(?:vid|på|inom)\s+(?:social|stads|förvaltning)\w*", re.I)


def footnoted_performer(
    d: Draft, lines: Sequence[BodyLine], notes: Sequence[tuple[int, str]]
) -> str | None:
    """The organisation of a performer cell whose researchers carry footnote marks ("Karin
    Ahl¹" ⏎ "¹ Docent, Institutionen för socialt arbete, Östersjö universitet."): each
    footnote's organisation, joined with "och"; None when the footnote names the city's
    own staff; the performer as it is when no mark follows it."""
    if not d.performer:
        return d.performer
    words = set(d.performer.split())
    marks = [m[2] for m in re.finditer(r"(\w+)([¹²³⁴⁵⁶⁷⁸⁹])", d.evidence) if m[1] in words]
    if not marks:
        return d.performer
    texts = [t for _p, t in notes] + [_with_wrapped(lines, k) for k in range(len(lines))]
    orgs: list[str] = []
    for mark in dict.fromkeys(marks):
        note = next((t.strip()[1:].strip() for t in texts if t.strip().startswith(mark)), "")
        if _OWN_STAFF.match(note):
            return None
        org = re.split(r"\.(?:\s|$)|,\s+anlita", _TITLE.sub("", note), maxsplit=1)[0].strip()
        if org:
            orgs.append(org)
    return " och ".join(orgs) if orgs else d.performer
