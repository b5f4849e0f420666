"""A listed project described in a paragraph that opens with its applicant.

How the documents write it
--------------------------

A decision list names each project with its district and sum; the "Ärendet" section then
gives each application a paragraph of its own that opens with the applying district, not the
project's name::

    1. Socialnämnden beviljar Spånga-Tensta stadsdelsnämnd 195 000 kronor för projektet
       Språkombud i försörjningsstödet.
    ...
    Spånga-Tensta stadsdelsförvaltning har ansökt om 240 000 kronor för att utbilda
    medarbetare till språkombud. ... Projektet avslutas den 31 mars 2021.

When the opening district is the only district of exactly one project, and the paragraph is
about an application or grant, the paragraph tells that project's end date, performer and
the partners it runs with. What the list already gave is kept. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.facts.describe import PlaceFinder, describe
from pipeline.facts.projects import OrgFinder
from pipeline.facts.text_units import paragraphs
from pipeline.lang.fuzzy import fold

__all__ = ["describe_by_applicant"]

#: the opening sentence speaks of an application or a grant, or of running the project
_ABOUT_APPLICATION = re.compile(r"\b(?:ansok\w*|soker|sokt|bevilja\w*|driver|bedriver|startar)\b")
#: partners named as such ("genomförs tillsammans med Skärholmens stadsdelsförvaltning")
_PARTNERS = re.compile(r"\b(?:tillsammans med|i samverkan med|i samarbete med|medsokande)\b")
#: the applicant opens the paragraph: at most this many characters before its name
_OPENING = 3


def describe_by_applicant(
    drafts: Sequence[Any],
    texts: Sequence[str],
    headings: Sequence[bool],
    find: PlaceFinder,
    find_orgs: OrgFinder | None = None,
) -> None:
    """Complete each listed project from the one paragraph elsewhere that opens with its
    only district (see the module docstring)."""
    owners: dict[str, list[Any]] = {}
    for d in drafts:
        ids = {p.district_id for p in d.places}
        if len(ids) == 1:
            owners.setdefault(ids.pop(), []).append(d)
    for para in paragraphs(list(texts), None, headings):
        if not para.sentences or len(para.sentences) < 2:
            continue  # one sentence is a list row or a heading, not a description
        opening = para.sentences[0].text
        if not _ABOUT_APPLICATION.search(fold(opening)):
            continue
        first = next(iter(find(opening)), None)
        if first is None or first.start > _OPENING or first.kind == "unit":
            continue
        mine = owners.get(first.district_id, [])
        if len(mine) != 1:
            continue
        d = mine[0]
        if d.first_line <= para.last and para.first <= d.last_line:
            continue  # the project's own lines
        desc = describe(para.text, find, find_orgs)
        if d.end_date is None:
            d.end_date = desc.end_date
        if d.performer is None:
            d.performer = desc.performer
        if _PARTNERS.search(fold(para.text)):
            have = {p.district_id for p in d.places}
            d.places += [p for p in desc.places if p.district_id not in have]
