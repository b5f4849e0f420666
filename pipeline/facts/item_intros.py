"""Whether the line over a run of list items introduces projects ("Följande utredningar
föreslås.", "Ansökningar som föreslås beviljas", "Förslag: beviljas"), read by
:mod:`pipeline.facts.items`. Pure."""

from __future__ import annotations

import re

from pipeline.facts.cues import cue_hits
from pipeline.lang.fuzzy import fold

__all__ = ["GRANT_WORD", "POINTER", "PROJECT_WORD", "criteria_intro", "introduces_projects"]

PROJECT_WORD = re.compile(
    r"projekt|ansokning|ansokan|insats|studiebesok|studieresor|resor|satsning|utvecklingsarbete|"
    r"studie|utvardering|bidrag|utredningar|kartlaggning|forsok\b|forsoken\b|forsoksverksamhet"
)
POINTER = re.compile(
    r"\bfoljande\b|\bnedan|\bdessa\b|\bde\s+\w+\s+projekt|\b\d+\s+\w*\s*projekt"
    # "Av medlen föreslås 3,2 mkr användas till insatser som …:": the money's uses listed
    r"|\banvandas\s+till\b"
    # "… till åtta projekt:": as many as listed
    r"|\b(?:tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv)\s+(?:\w+\s+)?projekt"
)
GRANT_WORD = re.compile(r"bevilja|tilldela|fordela|redovis|genomfor|fatt|fick|foresla")

#: a label that gives the verdict on the items under it: "Förslag: beviljas", "Avslås:"
_VERDICT_LABEL = re.compile(
    r"(?:(?:forslag|beslut)\s*:\s*)?(?:beviljas|bevilja|tillstyrks|avslas|avslag|avstyrks)\s*:?"
)


def criteria_intro(intro: str) -> bool:
    """The introduction announces criteria ("… utifrån följande områden:")."""
    return bool(cue_hits(intro, "criteria_intro"))


#: one study's or project's parts listed under it
_PARTS_OF_ONE = re.compile(
    r"^(?:studien|projektet|uppdraget|utvarderingen|insatsen)\s+"
    r"(?:omfattar|innehaller|bestar\s+av|ska\s+omfatta)\b"
)


_HOW_THEY_STAND = re.compile(  # (and "Pågående projekt", "Avbrutna studier" over theirs)
    r"(?:installd|uppskjut|avbrut|pagaende|avslutad|genomford)\w*\s+"
    r"(?:(?:studie)?res(?:a|or)|studiebesok(?:en)?|projekt(?:en)?|studier(?:na)?|"
    r"utvarderingar(?:na)?)"
)


def introduces_projects(intro: str, heading: str) -> bool:
    if criteria_intro(intro) or re.search(r"priorit|kriteri", fold(intro)):
        return False
    f = fold(intro)
    if _PARTS_OF_ONE.match(f):
        return False  # "Studien omfattar" ⏎ "- en aktstudie …": one study's parts
    if re.search(r"\b\w*omraden\b|\binriktningar\b|\bteman\b", f) and f.rstrip().endswith(":"):
        return False  # "… inom följande utvecklingsområden:": areas, not projects
    if (
        not intro.rstrip().endswith((".", ";"))
        and 2 <= len(intro.split()) <= 8
        and re.match(rf"^(?:[a-zåäö]+\s+)?(?:{PROJECT_WORD.pattern})", f)
        and (
            GRANT_WORD.search(f)
            or re.search(r"avsla|\bforslag\b|\bi (?:korthet|sammandrag)$", f)
            or f.startswith("planerade ")
        )
    ):
        # a line of its own over the items: "Ansökningar som föreslås beviljas",
        # "Föreslagna studier", "Planerade ansökningar", "Ansökningar och förvaltningens förslag",
        # "Ansökningarna i korthet"
        return True
    if (
        intro.rstrip().endswith(":")
        and POINTER.search(f)
        and PROJECT_WORD.search(f)
        and GRANT_WORD.search(f)
    ):
        return True
    if _HOW_THEY_STAND.fullmatch(f.strip()):
        return True  # a report's "Inställd resa", "Uppskjutna studiebesök" over their items
    if _VERDICT_LABEL.fullmatch(f.strip()):
        return True  # "Förslag: beviljas" / "Förslag: avslås" over the applications of each
    return bool(cue_hits(intro, "list_intro")) and bool(PROJECT_WORD.search(f))
