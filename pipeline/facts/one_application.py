"""An application for one project is all about it: who the document says will carry it out
or evaluate it, and when it says the work ends, are that project's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.drafts import Draft
from pipeline.facts.performers import RESEARCH_BODY, OrgFinder
from pipeline.facts.projects import end_date_in, performer_in
from pipeline.facts.text_units import sentences
from pipeline.lang.fuzzy import fold

__all__ = ["one_application"]

#: a sentence that says when the work ends ("Projektet … avslutas den 31 december 2025")
_ENDS = re.compile(r"\b(?:avslutas|slutfors|ska vara klart|ska vara avslutat|pagar till)\b")
#: ... not when a report of it is due
_REPORTED = re.compile(r"\b(?:rapport\w*|redovis\w*|slutrapport\w*)\b")


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
