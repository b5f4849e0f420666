"""The fields a project's own section prints ("Beviljat belopp: 0,82 mnkr", "Utförare: …",
"Status: pågår"), and the sum a trip's section applies for, read by
:mod:`pipeline.facts.prose_headed`. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.text_units import Sentence, sentences
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["FIELD", "section_fields", "sought_sum"]

#: a line that prints one field of a project: "Beviljat belopp: 0,82 mnkr", "Status: pågår"
FIELD = re.compile(
    r"^(?P<key>beviljat belopp|beviljat|belopp|beviljade medel|status|utförare|beviljat år)"
    r"\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)


def section_fields(lines: Sequence[BodyLine], k: int, end: int) -> dict[str, Sentence]:
    """The field lines of a project's section: its grant ("amount") and its status."""
    out: dict[str, Sentence] = {}
    for j in range(k, end):
        m = FIELD.match(lines[j].text.strip())
        if m is None:
            continue
        key = m.group("key").lower()
        sent = Sentence(lines[j].text.strip(), j, j, lines[j].page_no)
        if key == "status":
            out.setdefault("status", Sentence(m.group("value"), j, j, lines[j].page_no))
        elif key == "utförare":
            value = m.group("value")
            nxt = j + 1  # the name may wrap onto a line that is no field of its own
            while (
                nxt < end and lines[nxt].text.strip() and not FIELD.match(lines[nxt].text.strip())
            ):
                value += " " + lines[nxt].text.strip()
                nxt += 1
            # "… universitet. Klar: juni 2000", "… arbete        Klar: juni 2003"
            value = re.split(r"\.\s+(?=[A-ZÅÄÖ]\w+:)|\s{2,}(?=[A-ZÅÄÖ]\w*:)", value)[0]
            out.setdefault("performer", Sentence(value.strip(" ."), j, nxt - 1, lines[j].page_no))
        elif key == "beviljat år":
            out.setdefault("year", Sentence(m.group("value"), j, j, lines[j].page_no))
        elif key != "utförare" and key != "beviljat år" and find_amounts(m.group("value")):
            out.setdefault("amount", sent)
    return out


def sought_sum(lines: Sequence[BodyLine], k: int, end: int) -> tuple[AmountMatch, str] | None:
    """The one sum of the first sentence under a trip's heading that applies for money or
    grants it ("Kista stadsdelsnämnd har ansökt om 18 000 kr för att …")."""
    for s in sentences([lines[j].text for j in range(k, end)]):
        sums = [a for a in find_amounts(s.text) if a.per is None]
        if len(sums) == 1 and _SOUGHT_OR_GRANTED.search(fold(s.text)):
            return sums[0], s.text
    return None


_SOUGHT_OR_GRANTED = re.compile(
    r"\b(?:ansokt om|ansoker om|soker|sokt belopp|beviljas|beviljades)\b"
)
