"""The fields a project's own section prints ("Beviljat belopp: 0,82 mnkr", "Utförare: …",
"Status: pågår"), the sentence that states its cost ("Studien kostade 650 000 kr."), and
the sum a trip's section applies for, read by
:mod:`pipeline.facts.prose_headed`. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.text_units import Sentence, section_heading, sentences
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["FIELD", "its_cost", "paragraph_at", "section_fields", "sought_sum"]

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


#: a sentence in a section that gives the cost of the study or project the heading names
_ITS_COST = re.compile(
    r"^(?:(?:projektet|studien|utvarderingen|kartlaggningen)\s+(?:kostade|kostar|kommer\s+att\s+"
    r"kosta|beraknas\s+kosta)|kostnaden(?:\s+for\s+(?:projektet|studien|utvarderingen|"
    r"kartlaggningen))?\s+(?:var|ar|blev|beraknas|uppgick|uppgar))\b"
)
#: a heading that names a part of a text about one project ("Projektet", "Studien 2006")
#: (or a group of them: "Studier som föreslås finansieras 2022", "Avslutade projekt")
_ITS_PART = re.compile(
    r"^(?:projektet|studien|utvarderingen|satsningen|insatsen|redovisning|rapport|studier|"
    r"projekt|utvarderingar|insatser|ovriga)\b|\b(?:som|foreslas|beviljade|avslutade|pagaende)\b"
)


#: a paragraph that names its study or project itself ("studien Unga vuxna …", '"X"')
_NAMES_ITS_OWN = re.compile(r"\b(?:studien|projektet|utvärderingen)\s+[A-ZÅÄÖ\"”“]|[”“\"][A-ZÅÄÖ]")


def its_cost(
    sents: Sequence[Sentence], lines: Sequence[BodyLine], k: int, heading: str
) -> Sentence | None:
    """The sentence of the paragraph under a heading (from line `k`) that states the cost of
    the project its `heading` names — none under a label ("Pågående studie: X"), a section's
    heading ("Ekonomi") or a part of one project's text ("Projektet 2006")."""
    if (
        ":" in heading
        or "  " in heading  # (a letterhead's cells: "SOCIALNÄMNDEN      Sida 2")
        or any(w.isupper() and len(w) > 3 for w in heading.split())
        or section_heading(heading)
        or _ITS_PART.search(fold(heading))
    ):
        return None
    end = _paragraph_end(lines, k)
    if _NAMES_ITS_OWN.search(paragraph_at(lines, k)):
        return None  # "Den stadsövergripande studien Unga vuxna i …": the paragraph's own name
    return next(
        (
            s
            for s in sents
            if k <= s.first < end
            and _ITS_COST.match(fold(s.text.strip()))
            and any(a.per is None for a in find_amounts(s.text))
        ),
        None,
    )


def _paragraph_end(lines: Sequence[BodyLine], k: int) -> int:
    return next((j for j in range(k, len(lines)) if not lines[j].text.strip()), len(lines))


def paragraph_at(lines: Sequence[BodyLine], k: int) -> str:
    """The text of the paragraph that begins at line `k`."""
    return " ".join(lines[j].text.strip() for j in range(k, _paragraph_end(lines, k)))
