"""What a block of labelled fields says of its project's standing: granted, applied for or
turned down (`block_status`), whether a proposal field gives a sum (`proposed_sum`), and a
card of a name and the sum granted, nothing more (`name_and_grant`). Pure.
"""

from __future__ import annotations

import re

from pipeline.facts.drafts import REJECTED, cued_status
from pipeline.facts.field_lines import AMOUNT
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["block_status", "name_and_grant", "proposed_sum"]

#: a sum labelled as applied for ("Belopp: 160 000 kr (sökt)")
_SOUGHT = re.compile(r"\((?:an)?sokt\)|\b(?:an)?sokt belopp\b")


def block_status(
    status: tuple[int, str] | None,
    amount: tuple[int, str] | None,
    evidence: str,
    description: str | None,
    proposed: bool = False,
) -> str | None:
    if status is not None:
        said = cued_status(status[1].split(".")[0], None)
        if said is None and re.match(
            r"(?:uppskjut|avbrut|installd|stoppad|vilande)", fold(status[1])
        ):
            return "beviljad"  # "Läge: Uppskjuten till 2008", "Avbruten": granted, not done
        return said
    if re.search(r"\bforslag:?\s+0(?:\s*kr)?(?:\s|$)|\bavslas\.", fold(evidence)):
        return REJECTED  # "Förslag: 0 kr", "Kommentar: Avslås. …": turned down
    if proposed:
        return "beviljad"  # "Förslag 2019: 320 000 kronor": granted by the document's decision
    if amount is not None and _SOUGHT.search(fold(amount[1])):
        # "Belopp: 160 000 kr (sökt)": applied for; turned down when its text says so
        return REJECTED if cued_status(description or "", None) == REJECTED else "ansökt"
    # "Beviljas: 24 800 kr": the block grants its sum
    return "beviljad" if "bevilja" in fold(evidence) and amount else None


def proposed_sum(fields: dict[str, tuple[int, str]]) -> bool:
    """The block's proposal field gives a sum ("Förslag 2019: 320 000 kronor")."""
    return any(
        re.match(r"(?:forvaltningens |kontorets )?(?:forslag|foresla)", label)
        and AMOUNT.match(label)
        and any(a.sek > 0 for a in find_amounts(value))  # ("Förslag: 0 kr": turned down)
        for label, (_, value) in fields.items()
    )


def name_and_grant(fields: dict[str, tuple[int, str]]) -> bool:
    """A card of a name and the sum granted, nothing more ("Projekt: …" ⏎ "Beviljas: …")."""
    return len(fields) == 2 and any(
        AMOUNT.match(label) and find_amounts(value) for label, (_, value) in fields.items()
    )
