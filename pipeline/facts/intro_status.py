"""The status a sentence that introduces projects gives them: one that grants or applies
("Förvaltningen föreslår att följande fyra projekt beviljas medel") decides it whatever their
end dates; one that reports them done ("Följande projekt har genomförts") makes a project its
own text only granted done. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.facts.cues import cue_hits, strongest
from pipeline.lang.fuzzy import fold

if TYPE_CHECKING:
    from pipeline.facts.context import BodyLine

__all__ = ["decided_status", "table_grants"]


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


def table_grants(status: str | None, header: str, priced: bool, lines: Sequence[BodyLine]) -> bool:
    """Whether a table row's project (`status` from its heading and introduction) is granted:
    an application's row priced in a "Beviljat (kr)" column or in a table the decision grants
    ("beviljar … enligt tabell 1"); an ongoing project's row priced in a "Förslag 1998" column
    of a table the decision grants "enligt förvaltningens förslag i tabell 1" (this year's
    instalment of a multi-year project)."""
    if not priced:
        return False
    column = bool(_GRANTED_COLUMN.search(fold(header)))
    if status == "ansökt":
        return column or _granted_by_table(lines)
    return status == "pågående" and column and _granted_by_table(lines)


_GRANTED_COLUMN = re.compile(r"\bbevilja(?:t|de|s)\b|\bforslag\b|\bforeslas\b|\bforeslaget\b")


def _granted_by_table(lines: Sequence[BodyLine]) -> bool:
    return bool(_TABLE_GRANTED.search(fold(" ".join(ln.text for ln in lines))))


_TABLE_GRANTED = re.compile(
    r"\bbevilja(?:s|r|des)\b[^.]{0,120}\benligt\s+(?:\w+s\s+forslag\s+i\s+)?"
    r"(?:tabell|sammanstallning)"
)
