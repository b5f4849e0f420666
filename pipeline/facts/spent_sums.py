"""Sums a report says the work cost beside the sum granted for it: money spent, not the
grant ("Socialnämnden beviljade 18 500 kronor, och resan kostade 18 500 kr")."""

from __future__ import annotations

import re

from pipeline.lang.fuzzy import fold

__all__ = ["spent_after_grant"]


#: a sum a report says the work cost: "Resan kostade 21 800 kr", "kostade totalt 132 600 kronor"
_COST_WAS = re.compile(r"\bkostade\s+(?:(?:totalt|sammanlagt|ca|cirka|drygt|knappt)\s+)?$")
_GRANTED_SUM = re.compile(r"\bbevilja\w*\b[^.]{0,60}?\d|\d[^.]{0,30}\bbevilja\w*")


def spent_after_grant(sentence: str, span: tuple[int, int], paragraph: str = "") -> bool:
    """Is the sum at `span` what the work cost beside a sum granted for it ("Socialnämnden
    beviljade 18 500 kronor, och resan kostade 18 500 kr", "Resan kostade 23 600 kronor av
    beviljade 25 000 kronor"): money spent, not the grant."""
    if not _COST_WAS.search(fold(sentence[: span[0]])):
        return False
    rest = sentence[: span[0]] + " " + sentence[span[1] :]
    at = paragraph.find(sentence[:40]) if paragraph else -1
    before = paragraph[max(0, at - 300) : at] if at > 0 else ""
    last = re.split(r"(?<=[.!?])\s+", before.strip())[-1] if before.strip() else ""
    return bool(_GRANTED_SUM.search(fold(rest)) or _GRANTED_SUM.search(fold(last)))
