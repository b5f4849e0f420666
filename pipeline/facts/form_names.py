"""A project named in an application form's own section: a section headed by the name's
label ("B. Projektets namn och period", "1. Projektnamn") with the name on the lines under it
("Första steget – tidiga insatser för …" / "Spånga-Tensta"), as forms sent to Länsstyrelsen,
ESF or the nämnd lay out one project. Used by :mod:`pipeline.facts.named`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.text_units import dehyphen_join, section_heading, template_question
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["FORM_SECTION", "form_name", "section_box_name"]

#: the label of the name's section, with the form's letter or number before it
_NAME_SECTION = re.compile(
    r"(?:[a-z]|\d{1,2})?[.)]?\s*"
    r"(?:projektets\s+namn|projektnamn|namn\s+pa\s+projektet)"
    r"(?:\s+(?:och|samt)\s+(?:period|projektperiod|tid|omfattning))?\s*:?"
)
#: a form's section about who applies, never a project's name ("A. Uppgifter om sökande")
FORM_SECTION = re.compile(
    r"(?:[a-z]|\d{1,2})?[.)]?\s*(?:uppgifter\s+om\s+(?:den\s+)?sokande\w*|kontaktuppgifter|"
    r"sokande(?:\s+(?:kommun|forvaltning|organisation))?)\s*:?"
)
#: the next numbered or lettered question of a form
_NEXT_QUESTION = re.compile(r"(?:[A-Z]|\d{1,2})[.)]\s+[A-ZÅÄÖ]")
_MAX_NAME_LINES = 3
_MAX_NAME_WORDS = 20


def form_name(lines: Sequence[BodyLine], i: int) -> tuple[str, int] | None:
    """(name, last line) when line `i` is the name section's label alone and the lines under
    it (one blank line may stand between) are the name: no sum, no label of another field,
    no sentence."""
    if not _NAME_SECTION.fullmatch(fold(lines[i].text).strip()):
        return None
    k = i + 1
    if k < len(lines) and not lines[k].text.strip():
        k += 1
    parts: list[str] = []
    last = k
    answer = k < len(lines) and lines[k].indent > lines[i].indent  # (a form's indented answer)
    while k < len(lines) and lines[k].text.strip() and len(parts) < _MAX_NAME_LINES:
        text = lines[k].text.strip()
        if ":" in text or find_amounts(text) or re.search(r"\S\s{3,}\S", text):
            break  # "Projektperiod: 2019-01-01 – …", a field set beside its label
        if _NEXT_QUESTION.match(text) or (answer and lines[k].indent <= lines[i].indent):
            break  # "3. Medsökande förvaltning": the form's next question
        parts.append(text)
        last = k
        k += 1
    name = dehyphen_join(parts)
    if not name or len(name.split()) > _MAX_NAME_WORDS or name.endswith("."):
        return None
    return name, last


#: a unit after a box's caption: "Ekonomi     kr", "Budget (tkr)"
_UNIT_AFTER = re.compile(r"\s*\(?\b(?:kr|kronor|tkr|mnkr|sek)\)?\.?\s*$", re.IGNORECASE)
#: the numbered heading of a project's section: "1. Tonårsföräldrar i samtal"
_NUMBERED_NAME = re.compile(r"^\d{1,2}[.)]?\s+([A-ZÅÄÖ][^.:]{3,120})$")


def section_box_name(
    lines: Sequence[BodyLine], i: int, field: tuple[int, str] | None
) -> tuple[int, str] | None:
    """A block's name field, or, for a box captioned by a report's section word ("Ekonomi
    kr" over "Beviljat 2003  240 000"), the numbered heading of the project's section above
    it; None when there is none, or when the 'name' is a report template's question ("Vad
    kostar projektet?" over "Beviljat 420 000 kronor.")."""
    if field is not None and template_question(field[1]):
        return None
    if field is None or not _UNIT_AFTER.search(field[1]):
        return field
    if not section_heading(_UNIT_AFTER.sub("", field[1])):
        return field
    for k in range(i - 1, max(-1, i - 40), -1):
        m = _NUMBERED_NAME.match(lines[k].text.strip())
        if m is not None and not section_heading(m.group(1)):
            return k, m.group(1).strip()
    return None
