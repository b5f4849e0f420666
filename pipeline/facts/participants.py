"""Who takes part in a project, read from its own text.

``participants`` reads the districts and förvaltningar a project's text names as taking part:
those of a sentence with a participation cue ("tillsammans med", "deltar", "genomförs i …"),
and the förvaltning the text opens with, which does what it tells. A funder ("medel från
socialtjänstförvaltningen") takes no part, nor does a city office that carries the work out
("Utrednings- och statistikkontoret (USK) granskar …", "genomförs av USK"): it is the
performer.

``counted_districts``: a study or project whose name or text says how many districts it works
in ("Boendetrappan i fyra stadsdelar", "… i tre stadsdelsförvaltningar") and whose text names
exactly that many ("… genom socialtjänsten i Katarina-Sofia, Farsta, Skärholmen och
Hässelby-Vällingby") takes part in those districts, though none is printed as its owner. A
count the text does not bear out (two named for "fyra") gives nothing. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.facts.cues import cue_hits
from pipeline.facts.lists import Place
from pipeline.facts.text_units import sentences
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import ONES

__all__ = ["counted_districts", "participants"]

_COUNT = re.compile(
    rf"\bi\s+(?P<n>\d|{'|'.join(fold(w) for w in ONES[2:11])})\s+"
    r"(?:olika\s+)?(?:stadsdel|stadsdelar|stadsdelsforvaltning|stadsdelsforvaltningar|"
    r"stadsdelsomraden)\b"
)


def counted_districts(name: str, text: str, find: Callable[[str], list[Place]]) -> list[Place]:
    """The districts `text` names when `name` or `text` counts exactly that many, else []."""
    m = _COUNT.search(fold(name)) or _COUNT.search(fold(text))
    if m is None:
        return []
    n = m.group("n")
    want = int(n) if n.isdigit() else [fold(w) for w in ONES].index(n)
    out: list[Place] = []
    for p in find(text):
        if p.kind == "stadsdelsförvaltning" and p.district_id not in {q.district_id for q in out}:
            out.append(p)
    return out if len(out) == want else []


PlaceFinder = Callable[[str], list[Place]]

_FOOTNOTE = re.compile(r"(?:^|\s)[¹²³⁴⁵⁶⁷⁸⁹]\s")


def participants(text: str, find: PlaceFinder) -> list[Place]:
    """The districts and förvaltningar a project's own text names as taking part, in order
    of first mention, each once."""
    text = _FOOTNOTE.split(text, maxsplit=1)[0]  # a footnote printed below belongs elsewhere
    out: list[Place] = _district_field(text, find)
    seen: set[str] = {p.district_id for p in out}
    for k, s in enumerate(sentences(text.split("\n"))):
        named_in = _IN_DISTRICTS.search(s.text)  # "… i fyra stadsdelsförvaltningar: Farsta, …"
        if _STUDY_SUBJECT.match(s.text) or (k == 0 and _BODY_STUDIES.match(s.text)):
            # "Studien följer 350 hushåll … i Rinkeby, Skärholmen och Hässelby-Vällingby":
            # the districts the study is made in take part in it
            for p in find(s.text):
                in_list = _IN_LIST.search(s.text[: p.start])
                if p.kind == "stadsdelsförvaltning" and in_list and p.district_id not in seen:
                    seen.add(p.district_id)
                    out.append(p)
        if (not cue_hits(s.text, "participation") and not named_in) or cue_hits(
            s.text, "participation_not"
        ):
            if k == 0:
                # the förvaltning the text opens with does what it tells ("Skarpnäcks
                # stadsdelsförvaltning förbrukade hela det beviljade beloppet")
                for p in find(s.text)[:1]:
                    if (_office(p) and _STUDIES.match(s.text[p.end :])) or (
                        p.kind == "fackförvaltning" and _WRITES.match(s.text[p.end :])
                    ):
                        continue  # "Utrednings- och statistikkontoret (USK) granskar …": who
                        # carries the study out, not whose project it is
                    if p.start <= 1 and p.kind != "unit" and p.district_id not in seen:
                        seen.add(p.district_id)
                        out.append(p)
            continue
        for p in find(s.text):
            if _FUNDER.search(s.text[: p.start]):
                continue  # "fick 350 000 kronor från socialtjänstförvaltningen": who paid
            if _office(p) and _DONE_BY.search(s.text[: p.start]):
                continue  # "genomförs av Utrednings- och statistikkontoret": who does it
            if p.district_id not in seen:
                seen.add(p.district_id)
                out.append(p)
    return out


#: a research verb after a city office that opens a study's text (its abbreviation between)
_STUDIES = re.compile(
    r"\s*(?:\([^()]{1,12}\)\s*)?(?:granskar|kartlägger|intervjuar|undersöker|studerar|"
    r"analyserar|utvärderar|följer\s+upp|sammanställer|genomför|går\s+igenom)\b",
    re.IGNORECASE,
)

#: a study as the subject of its research verb, opening a sentence
_STUDY_SUBJECT = re.compile(
    r"^(?:Studien|Kartläggningen|Utvärderingen|Undersökningen|Uppföljningen)\s+"
    r"(?:följer|kartlägger|granskar|intervjuar|undersöker|jämför|beskriver|omfattar|"
    r"analyserar|studerar)\b"
)
#: a body or office opening the study's text with its research verb ("USK granskar …")
_BODY_STUDIES = re.compile(
    r"^[A-ZÅÄÖ][^.]{2,80}?\s+(?:\([^()]{1,12}\)\s+)?(?:granskar|kartlägger|intervjuar|"
    r"undersöker|går\s+igenom|följer)\b"
)
#: the place stands in a list after "i" ("i Rinkeby, Skärholmen och …")
_IN_LIST = re.compile(r"\bi\s+(?:[A-ZÅÄÖ][\w-]*(?:,\s+|\s+och\s+))*$")

_IN_DISTRICTS = re.compile(
    r"\bi\s+(?:två|tre|fyra|fem|sex|sju|åtta|\d{1,2})\s+stadsdel\w*\s*:", re.IGNORECASE
)


def _office(p: Place) -> bool:
    """A city office that carries out studies ("Utrednings- och statistikkontoret", "USK"),
    not a förvaltning that runs an insats with the districts."""
    printed = p.name_as_printed.strip()
    return p.kind == "fackförvaltning" and (fold(printed).endswith("kontoret") or printed.isupper())


#: a writer's verb after the office that opens a text ("Stadsledningskontoret föreslår att
#: 260 000 kr används till en ny studie …"): it proposes, it owns nothing
_WRITES = re.compile(r"\s*(?:föreslår|bedömer|anser|tillstyrker|avstyrker|konstaterar)\b")
#: the words before a place that name it as the one who carries the work out
_DONE_BY = re.compile(r"\b(?:genomförs|genomförts|genomfördes|utförs|utförts|görs)\s+av\s+$")
#: the words before a place that name it as the one who paid, not one who took part
_FUNDER = re.compile(r"\b(?:medel|kronor|kr|bidrag|utvecklingsmedel)\s+från\s+$", re.IGNORECASE)


#: a field that names the taking-part districts: "Stadsdelar:    Bromma, Farsta och …"
_DISTRICT_LABEL = re.compile(
    r"^\s*(?:deltagande\s+|medverkande\s+)?(?:stadsdel\w*|stadsdelsförvaltning\w*)\s*:\s*(.+)$",
    re.IGNORECASE,
)
#: the next field's label
_LABEL = re.compile(r"^\s*[A-ZÅÄÖ][\w -]{1,30}:\s")


def _district_field(text: str, find: PlaceFinder) -> list[Place]:
    """The districts a "Stadsdelar:" field names (its value may wrap onto the next lines)."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        m = _DISTRICT_LABEL.match(line)
        if m is None:
            continue
        value = [m.group(1)]
        for nxt in lines[k + 1 : k + 3]:
            if not nxt.strip() or _LABEL.match(nxt):
                break
            value.append(nxt)
        return [p for p in find(" ".join(value)) if p.kind != "unit"]
    return []
