"""Who applies or works with a project's owner, as its own text says: partners named after
"tillsammans med" in a stadsdelsnämnd's own document, co-applicants in a sentence that opens
"Gemensam ansökan med …"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pipeline.facts.lists import Place
from pipeline.facts.text_units import sentences, template_question
from pipeline.lang.fuzzy import fold

__all__ = [
    "PARTNERS",
    "a_cue",
    "co_applicants",
    "own_application",
    "partners_in",
    "partners_of_own",
    "with_partners",
]

PlaceFinder = Callable[[str], list[Place]]


def with_partners(places: Sequence[Place], text: str, own: Sequence[Place]) -> list[Place]:
    """A stadsdelsnämnd's project run "tillsammans med Spånga-Tensta stadsdelsförvaltning":
    the writing district takes part beside the partners its text names."""
    mine = {o.district_id for o in own}
    if not own or not places or any(p.district_id in mine for p in places):
        return list(places)
    m = PARTNERS.search(fold(text))
    if m is None:
        return list(places)
    # only partners named: every place stands after "tillsammans med" (the owner, unnamed,
    # is the writer); a place before it is the owner
    at = [_found_at(text, p.name_as_printed) for p in places]
    if any(a < m.start() for a in at):
        return list(places)
    return [*own, *places]


def _found_at(text: str, printed: str) -> int:
    """Where a place stands in the text; a cell's wrapped name ("Skarpnäcks ⏎ … stadsdels-
    förvaltning" read row by row) by its first word."""
    at = text.find(printed)
    return at if at >= 0 or not printed.split() else text.find(printed.split()[0])


#: others named as partners of the project's owner, not as its owner
PARTNERS = re.compile(
    r"\b(?:tillsammans med|i samverkan med|i samarbete med|medsokande|gemensam med|"
    r"gemensamt med)\b"
)


def a_cue(name: str) -> bool:
    """A row's 'name' that only cues what follows: a co-applicant's cue ("Kungsholmen
    (medsökande" ⏎ "Norrmalm)") or a report template's question over a sum ("Vad kostar
    projektet?")."""
    return PARTNERS.fullmatch(fold(name.strip(" ():"))) is not None or template_question(name)


#: a co-applicant the sentence's subject names: "Rinkeby-Kista stadsdelsförvaltning är medsökande"
_IS_CO_APPLICANT = re.compile(r"\b(?:ar|blir|star som)\s+medsokande\b")


#: a co-applicant introduced in a project's own text ("Gemensam ansökan med …", "Medsökande:")
_CO_APPLICANT = re.compile(
    r"\b(?:gemensam(?:ma)? ansokan (?:med|fran)|ansoker tillsammans med|medsokande:?"
    # "Projektet drivs tillsammans med Skärholmens stadsdelsförvaltning …": run by both
    r"|(?:projektet\s+)?(?:drivs|bedrivs)\s+(?:gemensamt\s+)?tillsammans med)\s+"
)
#: a joint project said to be so anywhere in its sentence: "Jobbspåret är ett
#: samverkansprojekt mellan Farsta stadsdelsförvaltning och Skarpnäcks stadsdelsförvaltning"
_BETWEEN = re.compile(r"\b(?:samverkans|samarbets)projekt\s+mellan\s+")


def co_applicants(text: str, find: PlaceFinder) -> list[Place]:
    """The districts a project's text names as applying with its owner, in a sentence that
    opens by saying so, after the words that say it."""
    out: list[Place] = []
    for s in sentences(text.split("\n")):
        m = _CO_APPLICANT.search(fold(s.text))
        if m is None or m.start() > 2:  # the sentence says so (not another's heading)
            m = _BETWEEN.search(fold(s.text))
        if m is not None:
            out += [p for p in find(s.text) if p.start >= m.start() and p.kind != "unit"]
            continue
        subject = _IS_CO_APPLICANT.search(fold(s.text))
        if subject is not None:
            # "Spånga-Tensta stadsdelsförvaltning är medsökande.": the sentence's subject
            out += [
                p
                for p in find(s.text)
                if p.start <= 2 and p.end <= subject.start() and p.kind == "stadsdelsförvaltning"
            ]
    return out


def partners_in(text: str, find: PlaceFinder, own: Sequence[Place]) -> list[Place]:
    """The districts a project's own text names after "tillsammans med", "i samverkan med"
    … ("Projektet genomförs tillsammans med Skärholmens stadsdelsförvaltning"), not the
    writer's own and no city office."""
    mine = {o.district_id for o in own}
    out: list[Place] = []
    for s in sentences(text.split("\n")):
        m = PARTNERS.search(fold(s.text))
        subject = _IS_CO_APPLICANT.search(fold(s.text))
        if m is None and subject is None:
            continue
        for p in find(s.text):
            # (districts only: an office named as a partner is no co-owner)
            named = (m is not None and p.start >= m.start()) or (
                # "Rinkeby-Kista stadsdelsförvaltning är medsökande": the subject
                subject is not None and p.end <= subject.start()
            )
            if named and p.kind == "stadsdelsförvaltning" and p.district_id not in mine:
                mine.add(p.district_id)  # (each district once)
                out.append(p)
    return out


def partners_of_own(d: Any, own: Sequence[Place], find: PlaceFinder) -> list[Place]:
    """The districts a project of the writer's own ("genomförs tillsammans med Skärholmens
    …") names as partners in its text, beside those it already has."""
    known = {p.district_id for p in d.places}
    if not own or not {o.district_id for o in own} & known:
        return []
    told = f"{d.evidence}\n{d.description or ''}"
    return [p for p in partners_in(told, find, own) if p.district_id not in known]


def own_application(drafts: Sequence[Any], own: Sequence[Place], find: PlaceFinder) -> None:
    """A stadsdelsnämnd's own application: what it applies for is its own (a study trip with
    no owner printed too), with the partners each project's text names."""
    if not own:
        return
    for d in drafts:
        if not d.places and not d.unowned:
            told = f"{d.evidence}\n{d.description or ''}"
            d.places = [*own, *partners_in(told, find, own)]
