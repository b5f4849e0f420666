"""An application for one project is all about it: who the document says will carry it out
or evaluate it, and when it says the work ends, are that project's. An application's summary
says what it seeks from each fund: a project of that fund without a sum of its own seeks it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.co_applicants import partners_in
from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.drafts import Draft
from pipeline.facts.end_in_text import end_date_in
from pipeline.facts.lists import Place
from pipeline.facts.performers import RESEARCH_BODY, OrgFinder
from pipeline.facts.projects import performer_in
from pipeline.facts.text_units import sentences, sum_line
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["one_application", "sought_by_fund"]

#: a sentence that says when the work ends ("Projektet … avslutas den 31 december 2025")
_ENDS = re.compile(
    r"\b(?:avslutas|slutfors|ska vara klart|ska vara avslutat|pagar (?:till|fran|under)|lop"
    r"er till)\b"
)
#: ... not when a report of it is due, nor when a trip is made
_REPORTED = re.compile(r"\b(?:rapport\w*|redovis\w*|slutrapport\w*|studiebes\w*|resa|resan)\b")


def one_application(d: Draft, lines: Sequence[BodyLine], orgs: OrgFinder) -> None:
    """Complete the one project an application is for: its performer ("Projektet utvärderas
    av …"), when it has none, and its end ("Projektet startar i januari 2025 och avslutas den
    31 december 2025")."""
    if d.performer is None:
        found = performer_in("\n".join(ln.text for ln in lines), orgs)
        if found is not None and (orgs(found) or RESEARCH_BODY.search(fold(found))):
            d.performer = found
    if d.end_date is None:
        said = [
            t.text
            for t in sentences([ln.text for ln in lines])
            if _ENDS.search(fold(t.text)) and not _REPORTED.search(fold(t.text))
        ]
        d.end_date = end_date_in("\n".join(said)) if said else None


#: the sum an application seeks: "varav 460 000 kronor söks i lokala utvecklingsmedel",
#: "Förvaltningen söker även 14 600 kronor i medel för studiebesök"
_SEEKS = re.compile(r"\b(?:soks|ansoks|soker|ansoker om)\b")
_SOUGHT_AFTER = re.compile(r"^\s*(?:kronor|kr\.?)?\s*(?:söks|ansöks)\b")
_SEEKS_BEFORE = re.compile(r"\b(?:söker|ansöker om)(?:\s+(?:även|också|därför))?\s*$")


def sought_by_fund(
    drafts: Sequence[Draft],
    lines: Sequence[BodyLine],
    study_fund: str,
    find: Callable[[str], list[Place]],
    own: Sequence[Place],
) -> None:
    """An application's project without a sum seeks the one sum the document seeks from its
    fund ("Projektets kostnad … 645 000 kronor, varav 460 000 kronor söks i lokala
    utvecklingsmedel"), and its paragraph's co-applicants ("…, som är medsökande") are its."""
    texts = [ln.text for ln in lines]
    sought: dict[str, list[tuple[int, str, str, int]]] = {}
    for s in sentences(texts):
        if not _SEEKS.search(fold(s.text)):
            continue
        funds = {f for _a, _b, f in find_funds(s.text, study_fund)}
        sums = [a for a in find_amounts(s.text) if a.per is None]
        if len(sums) > 1:
            sums = [
                a
                for a in sums
                if _SOUGHT_AFTER.match(s.text[a.end :]) or _SEEKS_BEFORE.search(s.text[: a.start])
            ]
        if len(funds) != 1 or len(sums) != 1 or sums[0].approximate:
            continue  # ("knappt 400 000 kronor": the exact sum stands in its budget)
        start = s.first
        while start > 0 and texts[start - 1].strip():
            start -= 1
        end = s.last
        while end + 1 < len(texts) and texts[end + 1].strip():
            end += 1
        para = "\n".join(texts[start : end + 1])
        at = sum_line(texts, s, sums[0].raw)
        sought.setdefault(funds.pop(), []).append((sums[0].sek, sums[0].raw, para, at))
    for fund, got in sought.items():
        bare = [d for d in drafts if d.fund_type == fund and d.amount_sek is None]
        if (
            len(got) != 1
            or len(bare) != 1
            or any(d.fund_type == fund and d.amount_sek == got[0][0] for d in drafts)
        ):
            continue
        d = bare[0]
        d.amount_sek, d.amount_raw, d.amount_line = got[0][0], got[0][1], got[0][3]
        d.amount_evidence = " ".join(got[0][2].split())
        known = {p.district_id for p in d.places}
        d.places += [p for p in partners_in(got[0][2], find, own) if p.district_id not in known]
