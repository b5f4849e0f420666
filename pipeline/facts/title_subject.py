"""The project an ärende's title is about: "Ansökan om medel för projektet X", "Idéburet
offentligt partnerskap med … om stödverksamheten X 2023–2025"."""

from __future__ import annotations

import re

from pipeline.facts.prose_names import MAX_NAME_WORDS as _MAX_NAME_WORDS
from pipeline.facts.prose_names import QUOTED as _QUOTED
from pipeline.lang.fuzzy import fold

__all__ = ["subject_project"]

_TITLE_SUBJECT = re.compile(
    r"\b(?:för|om|till|avseende)\s+(?:projektet|utvecklingsprojektet|försöksverksamheten|studien|"
    r"\w{0,12}verksamheten)\s+(?=[\"”“«]|(?-i:[A-ZÅÄÖ]))"
    # "… partnerskap med Föreningen X om Familjeträffen i …": a partnership about what it
    # names (a proper name, not "om lovverksamhet för barn")
    r"|\bpartnerskap\s+med\s+[^,;]{3,60}?\s+(?:om|avseende)\s+(?=(?-i:[A-ZÅÄÖ]))",
    re.IGNORECASE,
)


def subject_project(title: str | None) -> tuple[str, str] | None:
    """(project name, status) of the project an ärende's title is about, or None."""
    if not title:
        return None
    m = _TITLE_SUBJECT.search(title)
    if m is None:
        return None
    rest = title[m.end() :].strip()
    q = _QUOTED.match(rest)
    name = q.group(1) if q else re.split(r"\s+(?:samt|och om)\s+|[;]", rest)[0]
    name = name.strip(' .,:;"”“')
    name = re.sub(r"\s+(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?$", "", name)  # "… 2025–2027"
    # "… Steget vidare under åren", "… X för perioden": the words that led to the years
    name = re.sub(r"\s+(?:under|för|i)(?:\s+(?:åren|året|år|perioden|tiden))?$", "", name)
    name = re.sub(r"\s+(?:år|åren|perioden)$", "", name)
    if not name or not name[:1].isupper() or len(name.split()) > _MAX_NAME_WORDS:
        return None
    f = fold(title)
    status = "ansökt" if re.match(r"^\W*ansokan|.*\bansoker\b", f) else "beviljad"
    return name, status
