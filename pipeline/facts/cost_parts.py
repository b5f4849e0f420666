"""The parts a sentence splits a cost into after "varav": "Kostnaden beräknas till 28 000
kronor, varav resor 9 600 kronor och logi 12 800 kronor", "…, varav 420 000 kronor söks i
lokala utvecklingsmedel och 190 000 kronor finansieras av förvaltningarna". A part is other
money (a cost item, the share applied for, someone's share), not the project's sum; a year's
share of it is ("varav 300 000 kr 1999", "varav 650 000 kr belastade 2014"). Pure."""

from __future__ import annotations

import re

from pipeline.lang.fuzzy import fold

__all__ = ["cost_part"]

#: "varav" after a sum: what follows splits it
_SPLIT = re.compile(
    r"\d\s*(?:kr|kronor|tkr|mnkr|miljoner\s+kronor)\b[^.;]*?,?\s+\b(?:varav|darav)\b"
)
#: a year's share: a year or "belastade" in the part's own clause
_YEARS_SHARE = re.compile(r"(?:19|20)\d\d|\bbelast")
#: where a part's clause ends
_CLAUSE_END = re.compile(r",|;|\.(?:\s|$)|\boch\b")


def cost_part(sentence: str, start: int, end: int) -> bool:
    """Is the amount at `start`–`end` of `sentence` a part of a cost split after "varav",
    other than a year's share?"""
    folded = fold(sentence)
    splits = [m.end() for m in _SPLIT.finditer(folded[:start])]
    if not splits:
        return False
    # the part's own clause: from the last comma, "och" or "varav" before it to the next one
    begins = [m.end() for m in _CLAUSE_END.finditer(folded[:start])]
    stop = _CLAUSE_END.search(folded, end)
    own = folded[max([splits[-1], *begins]) : stop.start() if stop else None]
    return not _YEARS_SHARE.search(own)
