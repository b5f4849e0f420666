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
granted (the sum it applied for stays an amount of its own, applied for). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.facts.prose import TURNED_DOWN
from pipeline.facts.text_units import sentences, sum_line
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["granted_after_applied"]

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
