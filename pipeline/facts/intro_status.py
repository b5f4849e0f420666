"""The status a sentence that introduces projects gives them: one that grants or applies
("Förvaltningen föreslår att följande fyra projekt beviljas medel") decides it whatever their
end dates; one that reports them done ("Följande projekt har genomförts") makes a project its
own text only granted done. Pure."""

from __future__ import annotations

import re

from pipeline.facts.cues import cue_hits, strongest
from pipeline.lang.fuzzy import fold

__all__ = ["decided_status"]


def decided_status(intro: str, own: str | None = None) -> str | None:
    """What an introduction that grants or applies ("Förvaltningen föreslår att följande
    fyra projekt beviljas medel") makes of the studies after it, whatever their end dates:
    ``beviljad`` or ``ansökt``; one that reports them done ("Följande projekt har
    genomförts") makes a study granted by its own text done; else the study's `own`."""
    score = strongest(cue_hits(intro, "status"))
    if set(score) == {"genomförd"} and own in (None, "beviljad"):
        return "genomförd"
    if not score or "genomförd" in score or "pågående" in score:
        return own
    f = fold(intro)
    if _GRANTING.search(f):
        return "beviljad"
    last = re.split(r"(?<=[.:])\s+(?=[A-ZÅÄÖ])", intro.strip())[-1]
    if _PROPOSAL_SHOWN.search(fold(last)):
        # "Sju ansökningar har kommit in. Förvaltningens förslag framgår av sammanställningen
        # nedan": what the table shows is the proposal, not the applications
        return "beviljad"
    if _APPLYING.search(f):
        return "ansökt"
    return "beviljad" if _PROPOSING.search(f) else own


#: the present or future of granting (a past "beviljades" reports on earlier grants); an
#: application the nämnd sends; a proposal that is neither (the förvaltning's to the nämnd)
_GRANTING = re.compile(r"\b(?:beviljas|tilldelas|fordelas)\b")
_APPLYING = re.compile(r"\b(?:soker|ansoker|soks|ansokan|ansokningar|ansokningarna)\b")
_PROPOSING = re.compile(r"\b(?:foreslas|foreslar)\b")
_PROPOSAL_SHOWN = re.compile(
    r"\bforslag\w*\b.{0,40}\b(?:framgar|redovisas|anges|visas|finns)\b.{0,40}"
    r"\b(?:nedan|tabell\w*|sammanstallning\w*|bilaga\w*|foljande)"
)
