"""An organisation named before the work it does with the money ("Bandhagens IF, fotbollsskola
för flickor", "Föreningen X; Name", "Akalla schackklubb – Schack i parken", "Sofiagårdens
fritidsförening: Kolloveckor på Vindö"): it carries the project out. Pure."""

from __future__ import annotations

import re

__all__ = ["ORG_FIRST", "ORG_LAST", "organisation_first", "without_details"]

#: "Organisation; project": an organisation's name before a semicolon (a förening, a
#: company, a foundation, a congregation …) is who carries the project out
ORG_FIRST = re.compile(
    r"^([^;]{3,80}?\b(?:förening\w*|forening\w*|förbund\w*|forbund\w*|AB|stiftelse\w*|"
    r"församling\w*|forsamling\w*|kyrka\w*|klubb\w*|IF|BK|FF|organisation\w*|råd\w*|"
    r"akademi\w*|universitet\w*|högskola\w*)\b[^;]{0,40});\s*"
    # "Akalla schackklubb – Schack i parken": an association, a spaced dash, the project
    r"|^([^;–—]{0,60}?\w*(?i:föreningen|förening|klubben|klubb|nätverket|nätverk|alliansen|"
    r"allians|jouren|jour|förbundet|förbund|sällskapet|sällskap|scouterna|folkets hus|"
    r"församling|rådet)\b[^;–—]{0,30}?)\s[–—-]\s+"
    # "Ekerö kommun, individ- och familjeomsorgen – Motiverande samtal …": another
    # municipality (and its unit) carries out the project named after the dash
    r"|^((?!Stockholms\s)(?:[A-ZÅÄÖ][\w-]*\s+){1,2}(?:kommun|stad)(?:,\s+[a-zåäö][\w -]{2,50}?)?)"
    r"\s[–—-]\s+(?=[A-ZÅÄÖ])"
    # "Sätra IK Ungdom – kvällsfotboll …", "PRO Sätra – digital vardag …": a club or a
    # pensioners' association by its initials, what it does in lower case after the dash
    r"|^((?:[A-ZÅÄÖ][\w-]*\s+){0,3}?(?:IF|IK|BK|FF|SK|PRO|SPF|KFUM|KFUK)"
    r"(?:\s+[A-ZÅÄÖ][\w-]*){0,3})\s[–—-]\s+(?=[a-zåäö])"
    # "Brottsofferjouren Sigtunabygden, stödsamtal för brottsutsatta": the association, a
    # comma, what it does with the money
    r"|^((?:[A-ZÅÄÖ0][\w-]*\s+){0,3}?(?:[\w-]*(?i:föreningen|förening|klubben|klubb|jouren|"
    r"förbundet|sällskapet|scouterna|nätverket|stiftelsen|gille|gillet|vänner|scoutkår|"
    r"scoutkåren)|IF|IK|BK|FF|SK)(?:\s+[A-ZÅÄÖ][\w-]*|\s+(?:i|på)\s+[A-ZÅÄÖ][\w-]*){0,3}),\s+"
    # (a project's name after it in lower case, or of two words or more)
    # (or "1ovaktiviteter": a lower-case l that OCR read as 1)
    r"(?=[a-zåäö]|[A-ZÅÄÖ][\w-]*\s+\w|1[a-zåäö]{2})"
    # "Sofiagårdens fritidsförening: Kolloveckor på Vindö": an association, a colon, its work
    r"|^([^:;.]{0,40}?(?i:förening|forening|klubb|jour|förbund|forbund|sällskap|sallskap)"
    r"\w*(?:\s+[A-ZÅÄÖ][\w-]*){0,2}):\s+(?=[A-ZÅÄÖ])"
    # "SPF Sankt Matteus: måndagsmusik …", "Röda Korset, Vasastadens krets: besöksvänner …":
    # a name of two words or more before a colon, what it does in lower case after it
    r"|^((?!(?:projekt|delprojekt|studie|studiebesök|resa|insats|område|tema|del|bilaga)\b)"
    r"[A-ZÅÄÖ][^:;.]{0,30}\s[^:;.]{1,40}?):\s+(?=[a-zåäö])"
    # "Spelfri Framtid Stockholm: Spelstopp – …": a proper name, every word capitalised (as
    # Swedish writes no project title), before a colon
    r"|^((?!(?:Projekt|Delprojekt|Studie|Studiebesök|Resa|Insats|Område|Tema|Del|Bilaga)\b)"
    r"[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,4}):\s+(?=[A-ZÅÄÖ])"
    # "Fritidsgården Vita Bergen, kvällsöppet …", "Sofia församlings ungdomsverksamhet, vuxna
    # på stan": a body that runs activities, then what it does in lower case
    r"|^([A-ZÅÄÖ][^,;:]{0,50}?(?i:gården|församling\w*|föreningarna|verksamheten|"
    r"ungdomsverksamhet|fältgrupp\w*|kyrka\w*|stiftelse\w*)\b[^,;:]{0,40}?),\s+(?=[a-zåäö])"
)


#: when and for whom, after the activity's name: ", barn 10-13 år", ", 28 juni - 13 augusti",
#: ", tre veckor i juli", ", fyra veckor var"
_DETAIL = (
    r"(?:\d{1,2}\s+(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*|"
    r"\b(?:en|två|tre|fyra|fem|sex|\d{1,2})\s+(?:veckor|vecka|dagar|kvällar|helger)\b|"
    r"\d{1,2}\s*[-–]\s*\d{1,2}\s+[åaä]r\b)"
)
_DETAIL_TAIL = re.compile(rf"(?:,\s*[^,]*{_DETAIL}[^,]*)+$", re.IGNORECASE)


def without_details(name: str) -> str:
    """An activity's name without the dates, ages and weeks printed after it."""
    cut = _DETAIL_TAIL.search(name)
    return name[: cut.start()].strip() if cut and cut.start() > 0 else name


def organisation_first(name: str) -> tuple[str, str | None]:
    """ "Bandhagens IF, fotbollsskola för flickor": (the project, the association named
    before it, which carries it out); else (name, None)."""
    org = ORG_FIRST.match(name)
    if org is None or not name[org.end() :].strip():
        return name, None
    who = next(g for g in org.groups() if g)
    # "Föreningen Trygga Tyresö, projektet Vuxna på stan": the project by its name
    work = re.sub(r"^(?:projektet|projekt)\s+(?=[A-ZÅÄÖ])", "", name[org.end() :].strip())
    return without_details(work), who.strip()


#: the date a delegation list's item opens with ("–  2004-06-14  Föreningen X, …"): when it
#: was decided, no part of the item's name
LEAD_DATE = re.compile(r"^\s*(?:19|20)\d\d-[01]\d-[0-3]\d\s+(?=[A-ZÅÄÖ])")


#: an association named after the project, behind its last comma
ORG_LAST = re.compile(
    r",\s*((?:[A-ZÅÄÖ][\w-]*\s+){0,4}?\w*(?i:föreningen|förening|klubben|klubb|"
    r"sällskapet|sällskap|vänner|förbundet|förbund|stiftelsen|nätverket|scouterna|jouren|"
    r"alliansen|allians|vårdcentralen|vårdcentral|församling|kyrka|trygghetsråd|trygghetsrådet)"
    r"(?:\s+(?:i\s+|på\s+)?[A-ZÅÄÖ][\w-]*){0,3}"  # ("Föreningen Unga i Bagarmossen")
    # a company: "AB Svenska Bostäder", "Exempel Konsult AB"
    r"|AB(?:\s+[A-ZÅÄÖ][\w-]*){1,3}|(?:[A-ZÅÄÖ][\w-]*\s+){1,3}AB"
    # a sports club: "IK Strandvalla", "Hässelby SK"
    r"|(?:IK|IF|BK|FK|IBK)(?:\s+[A-ZÅÄÖ][\w-]*){1,2}|[A-ZÅÄÖ][\w-]*\s+(?:IK|IF|BK|FK|SK|IBK))\s*$"
)
