"""A grant proposed after the application it answers, in one paragraph.

How the documents write it
--------------------------

A proposal written as prose gives each application a paragraph: who applies for how much for
which project, what the project does, and then what the office proposes::

    Hägerstens stadsdelsförvaltning ansöker om 260 000 kronor för projektet "Tidig
    upptäckt …". Projektet ska pröva … Förvaltningen bedömer projektet som angeläget men
    anser att kostnaderna för utvärderingen kan hållas nere och föreslår att projektet
    beviljas 220 000 kronor.

The project is the one the paragraph opened with; its sum is the one proposed, and it is
granted (the sum it applied for stays an amount of its own, applied for).

A report may also say when all its projects ended in one sentence ("Projekten har avslutats
under år 2001", "Samtliga projekt avslutades i december 2012"), a decision when they must
("Projekten ska vara avslutade senast den 15 december 2009"): the end of each project whose
own text gives none (`ends_for_all`). Pure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from pipeline.facts.end_dates import RUNS_YEAR, parse_end_date
from pipeline.facts.prose import TURNED_DOWN
from pipeline.facts.text_units import sentences, sum_line
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["ends_for_all", "granted_after_applied"]

#: a sentence that proposes or grants the paragraph's project a sum
_PROPOSED = re.compile(
    r"\b(?:foreslar att (?:projektet|studien|ansokan|forvaltningen|de) \w*\s*(?:beviljas|far)|"
    r"(?:projektet|studien|ansokan) foreslas (?:beviljas|fa)|foreslas (?:projektet|studien) "
    r"(?:beviljas|fa)|(?:projektet|studien) beviljas|"
    # "Projektet uppfyller samtliga kriterier och föreslås beviljas 400 000 kronor"
    r"^(?:projektet|studien|ansokan)\b[^.]*\b(?:och|samt) foreslas (?:beviljas|fa))\b"
)
#: the sum proposed is the one applied for ("… föreslår att projektet beviljas sökt belopp")
_AS_SOUGHT = re.compile(r"\b(?:(?:hela )?(?:det )?(?:sokta|ansokta) beloppet|(?:an)?sokt belopp)\b")


def granted_after_applied(drafts: Sequence[Any], texts: Sequence[str]) -> None:
    """Each project applied for whose paragraph ends in a proposal for it (module docstring)
    takes the proposed sum and is granted."""
    taken = {k for d in drafts for k in range(d.first_line, d.last_line + 1)}
    by_line = sorted(sentences(list(texts)), key=lambda s: s.first)
    for d in drafts:
        if d.status != "ansökt" or d.amount_line is None:
            continue
        for s in by_line:
            if s.first <= d.amount_line:
                continue
            if any(not texts[k].strip() for k in range(d.amount_line, s.first + 1)):
                break  # the paragraph ended
            if s.first in taken and not d.first_line <= s.first <= d.last_line:
                break  # another project's lines
            f = fold(s.text)
            sums = [a for a in find_amounts(s.text) if a.per is None]
            if not _PROPOSED.search(f) or TURNED_DOWN.search(f):
                continue
            if not sums and _AS_SOUGHT.search(f):
                d.amount_kind, d.status = "project_cost", "beviljad"  # granted what it sought
                break
            if len(sums) != 1:
                continue
            a = sums[0]
            d.amount_sek, d.amount_raw, d.amount_approx = a.sek, a.raw, a.approximate
            d.amount_evidence, d.amount_kind, d.status = s.text, "project_cost", "beviljad"
            d.amount_line = sum_line(texts, s, a.raw)
            break


#: all the projects, as one subject: "Projekten", "Samtliga projekt", "Alla tre projekten"
_ALL_OF_THEM = re.compile(
    r"\b(?:(?:de|alla|samtliga)\s+(?:\w+\s+)?)?(?:projekten|projekt|studierna|studier)\s+"
    r"(?:har\s+|hade\s+|blev\s+|ska\s+(?:vara\s+)?|skall\s+(?:vara\s+)?)?"
    r"(?:avslutats|avslutades|slutforts|slutfordes|avslutade|avslutas|slutforda|klara)\b"
    r"(?!\s+med\b)"  # (not "Studierna avslutas med en slutrapport enligt följande: …")
)


def ends_for_all(drafts: Sequence[Any], texts: Sequence[str]) -> None:
    """Every project without an end of its own ends when a sentence about them all says."""
    if len(drafts) < 2:
        return
    for s in sentences(texts):
        f = fold(s.text.strip())
        m = _ALL_OF_THEM.search(f)
        if m is None or len(f) != len(s.text.strip()):
            continue
        if f[: m.start()].strip() and not re.search(
            r"\d\s*(?:kr|kronor|tkr)\.?\s*$", f[: m.start()]
        ):
            continue  # ("Fem av projekten avslutades …": some of them; after a list's last sum)
        said = s.text.strip()[m.start() :]  # (to the clause's end: not "… och redovisas i …")
        said = (
            said[: m.end() - m.start()]
            + re.split(r",|\s(?:och|samt|utom)\s", said[m.end() - m.start() :])[0]
        )
        got = parse_end_date(said)
        end = got[3] if got is not None else None
        if end is None and (year := RUNS_YEAR.search(f[m.start() :].replace("ats ", "as "))):
            end = dt.date(int(year.group(1)), 12, 31)
        granted = any(d.status == "beviljad" for d in drafts)
        for d in drafts if end is not None else []:
            if not (granted and d.status in ("ansökt", "avslagen")):  # (not one turned down)
                d.end_date = d.end_date or end
        return
