"""The project an ärende's title is about: "Ansökan om medel för projektet X", "Idéburet
offentligt partnerskap med … om stödverksamheten X 2023–2025"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.named import _all_sentences
from pipeline.facts.prose_names import MAX_NAME_WORDS as _MAX_NAME_WORDS
from pipeline.facts.prose_names import QUOTED as _QUOTED
from pipeline.facts.text_units import Sentence
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["partnership_total", "subject_partner", "subject_project"]

_TITLE_SUBJECT = re.compile(
    r"\b(?:för|om|till|avseende)\s+(?:projektet|utvecklingsprojektet|försöksverksamheten|studien|programmet|satsningen|"
    r"\w{0,12}verksamheten)\s+(?=[\"”“«]|(?-i:[A-ZÅÄÖ]))"
    # "… partnerskap med Föreningen X om Familjeträffen i …": a partnership about what it
    # names (a proper name, not "om lovverksamhet för barn")
    # ("… om mötesplatsen Kvinnorummet": the kind of place or activity, then its name)
    r"|\bpartnerskap\s+med\s+[^,;]{3,60}?\s+(?:om|avseende)\s+(?:(?-i:[a-zåäö]{3,20}(?:en|et))\s+)?"
    r"(?=(?-i:[A-ZÅÄÖ]))",
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
    status = "ansökt" if re.match(r"^\W*(?:gemensam\s+)?ansokan|.*\bansoker\b", f) else "beviljad"
    return name, status


_PARTNER = re.compile(
    r"\bpartnerskap\s+med\s+(?P<who>(?-i:[A-ZÅÄÖ])[^,;]{2,60}?)\s+(?:om|avseende)\s", re.IGNORECASE
)


def subject_partner(title: str | None) -> str | None:
    """The association a partnership in the title is made with ("Idéburet offentligt
    partnerskap med Föreningen Kvinnokraft Tensta om …"): it carries the work out."""
    m = _PARTNER.search(title or "")
    return m.group("who").strip() if m else None


def partnership_total(lines: Sequence[BodyLine]) -> tuple[AmountMatch, Sentence] | None:
    """The whole sum of a partnership the ärende is about: the first sentence on it that
    states one ("… 780 000 kronor per år för partnerskapet, sammanlagt 2 340 000 kronor för
    perioden")."""
    for s in _all_sentences(lines):
        f = fold(s.text)
        if "partnerskap" not in f:
            continue
        for a in find_amounts(s.text):
            if a.per is None and re.search(r"(?:sammanlagt|totalt)\W*$", fold(s.text[: a.start])):
                return a, s
    return None
