"""What a performer's cell or clause carries after the performer's name and is no part of it:
the study's sum ("Nordanvik Analys AB 640 000"), its date after a semicolon ("Karolinska
Institutet; december 2024"), the next sentence ("Lärarhögskolan i Stockholm. Studien
genomfördes …"), a note in brackets ("FoU-enheten (egen studie)"), a partner or the person
who does the work ("… i samarbete med Skarpnäcks sdf", "… genom docent X"); the researcher
printed before the organisation ("Docent Gunnar Ehn Institutionen för …", "Margit Sjöberg
(Institutionen för socialt arbete, Stockholms universitet)"): a performer is the
organisation. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.lists import Place, covered_by_places
from pipeline.lang.fuzzy import fold

__all__ = [
    "ACADEMIC_TITLE",
    "NOBODY",
    "NOT_CHOSEN",
    "applying_body",
    "applicants_in_name",
    "bare_performer",
    "block_performer",
    "organisation_of",
]

_TAILS = (
    re.compile(r";\s.*$"),
    re.compile(r",\s+som\s+[a-zåäö].*$"),  # "… Utredning AB, som har ramavtal med staden"
    re.compile(r"\s+[A-ZÅÄÖ][a-zåäö]+:\s.*$"),  # the next field: "… AB Period: maj 2006 …"
    re.compile(r"\.\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö]).*$"),  # a sentence, not "Inst. SU"
    re.compile(r"\s+(?:ca\.?\s+)?\d{1,3}(?:[ \u00a0]\d{3})*(?:\s*(?:kr|kronor|tkr|mnkr))?\.?$"),
    re.compile(r"\s*\((?:[a-zåäö0-9]+\s*){1,4}\)$"),  # "(upphandlat 2006)", "(egen studie)"
    re.compile(r"\s+(?:och|samt)\s+(?:egen|egna)\s+(?:personal|medarbetare|regi)\b.*$"),
    re.compile(r"(?<=\sAB)\s+[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö].*$"),  # "… AB Kostnaden avser …"
    re.compile(r",?\s+(?:i\s+samarbete\s+med|i\s+samverkan\s+med|tillsammans\s+med|genom)\s.*$"),
)


#: the researcher after a research body: "Ersta Sköndal högskola, Malin Tidblad, fil.dr",
#: "FoU Nordväst (Tove Rignell Sahlin)"
_PERSON_TAIL = re.compile(
    r"((?i:högskola|universitet|institutet|\bAB|\bFoU\s+\w+))(?:,\s+(?i:docent\s+|professor\s+)?"
    r"[A-ZÅÄÖ][a-zåäöé-]+(?:\s+[A-ZÅÄÖ][a-zåäöé-]+){1,3}(?:,\s*(?i:fil\.?\s?dr|docent|"
    r"professor|fil\.?\s?lic)\.?)?|\s*\([A-ZÅÄÖ][a-zåäöé-]+(?:\s+[A-ZÅÄÖ][a-zåäöé-]+){1,3}\))$"
)
#: a word that makes a text an organisation's name
_ORG_WORD = re.compile(
    r"institut|universitet|högskola|hogskola|centrum|centret|stiftelse|byrå|byran|\bAB\b|"
    r"FoU|analys|kunskaps|akademi|forskning",
    re.IGNORECASE,
)
#: the researcher before the organisation: "fil. dr Lars Öhman och fil. dr Åsa Berg Karolinska
#: institutet, …", "Docent Gunnar Ehn Institutionen för …"
#: a researcher's academic title ("docent", "fil. dr")
ACADEMIC_TITLE = r"(?:docent|professor|fil\.?\s*dr|fil\.?\s*lic\.?|med\.?\s*dr)"
_TITLED = re.compile(
    rf"^(?:(?:{ACADEMIC_TITLE}|dr\.?)\s+"
    r"[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ][\w-]+,?\s+(?:och\s+)?)+",
    re.IGNORECASE,
)
#: the researcher in brackets after the organisation: "Ersta Sköndal högskola (fil. dr X)",
#: or after a comma: "FoU-centrum Väst, fil. dr Sara Ek"
_RESEARCHER_AFTER = re.compile(
    rf"\s*(?:\(\s*{ACADEMIC_TITLE}\s[^()]*\)|,\s+{ACADEMIC_TITLE}\s+[A-ZÅÄÖ][\w-]+"
    r"(?:\s+[A-ZÅÄÖ][\w-]+){1,3})$",
    re.IGNORECASE,
)
#: "Margit Sjöberg (Institutionen för socialt arbete, Stockholms universitet)"
_PERSON_BRACKET = re.compile(r"^[A-ZÅÄÖ][^()]{2,60}?\s*\((?P<org>[^()]{4,})\)?$")


_OWN_STAFF = re.compile(
    r"(?:egen|eget|egna|förvaltningens\s+egn?a?)\b"
    # its people named by their part in the work: "projektledaren Jenny A", "projektgruppen"
    r"|(?:projektledar(?:en|na)|projektgrupp(?:en)?|arbetsgrupp(?:en)?|styrgrupp(?:en)?|"
    r"personalen|medarbetarna|socialsekreterarna|handläggarna)(?:\s|,|$)",
    re.IGNORECASE,
)


#: a performer field that names nobody yet: "Ej upphandlad", "Upphandlas", "Ej klart"
NOT_CHOSEN = re.compile(r"(?:ej|inte|annu ej)\s+(?:upphandla|klar|bestam|utsedd)|upphandlas|saknas")


#: a line of a researcher's title and name under a project's name in its cell ("Docent Lena
#: Åkerberg Said", "Fil.dr Hamid Rostampour"): who leads it, no part of the name
RESEARCHER_LINE = re.compile(
    r"^(?:docent|professor|fil\.?\s?dr|med\.?\s?dr|fil\.?\s?lic|universitetslektor|lektor|"
    r"doktorand|forskare)\s+[A-ZÅÄÖ]\w+(?:[\s-]+[A-ZÅÄÖ]\w+)+$",
    re.IGNORECASE,
)


#: an applicant that is a body of its own, not a district or a unit of the city: another
#: municipality, a region, an association, a company, a seat of learning ("RFSU Stockholm")
OTHER_BODY = re.compile(
    r"\b(?:\w+\s+kommun|(?i:landsting\w*|region\s+\w+|\w*förening\w*|\w*förbund\w*|"
    r"stiftelse\w*|\w*universitet\w*|\w*högskola|\w*klubb\w*|\w*allians\w*)|AB|IF|IK|BK)\b"
    r"|^[A-ZÅÄÖ]{3,6}\b"
)


def applying_body(owner: tuple[int, str] | None, places: Sequence[object]) -> str | None:
    """The body an owner field names when it is one of its own ("Sökande: Botkyrka kommun,
    socialförvaltningen": another municipality's office, no district of the city's): it
    carries the work out; else None."""
    if owner is None or not OTHER_BODY.search(owner[1]):
        return None
    head = re.split(
        # (or a field run on after it: "Husby IF - Stadsdelsområde: Järva")
        r",|\s+(?:tillsammans|i samverkan|i samarbete)\s+med\s|\s[-–]\s(?=[A-ZÅÄÖ][\w ]*:)",
        owner[1],
    )[0].strip()
    # (a district's unit, or a body beside the districts it works with: "BTK Farsta Strand,
    # i samverkan med Farsta och Skarpnäcks stadsdelsförvaltningar")
    # (not a body named after its place: "Husby Stjärnor IF")
    if (
        places
        and not ANOTHER_TOWN.match(owner[1])
        and (not OTHER_BODY.search(head) or _CITY_UNIT.search(head))
    ):
        return None
    return head or None


_CITY_UNIT = re.compile(r"stadsdel|förvaltning|nämnd|\bsdf\b|\benhet", re.IGNORECASE)
ANOTHER_TOWN = re.compile(r"^[A-ZÅÄÖ][\w-]+\s+kommun\b")
#: a performer cell that names nobody yet ("Upphandlas", "Ej klart", "–"), or the work done
#: in the unit's own charge ("Vuxenenheten (egen regi)")
NOBODY = re.compile(
    r"^(?:upphandlas|upphandling\b.*|ej (?:klart|bestamt|utsedd)|annu (?:ej|inte) \w+|"
    r"utses senare|saknas|-|–|—|.*\(?i? ?egen regi\)?)$"
)


def organisation_of(performer: str) -> str:
    """The organisation of a performer printed with its researcher (before it, or with the
    organisation in brackets); `performer` without an unbalanced bracket else."""
    # ("Uppdrag till USK", "Uppdras åt …": the body the work is given to)
    out = re.sub(r"^(?:uppdrag|uppdras)\s+(?:till|åt|at)\s+", "", performer.strip(), flags=re.I)
    if _OWN_STAFF.match(out) or NOT_CHOSEN.match(fold(out)):
        return ""  # "Egen uppföljning": the förvaltning's own staff; "Ej upphandlad": nobody
    if (m := _PERSON_BRACKET.match(out)) and _ORG_WORD.search(m.group("org")):
        return m.group("org").strip(" ,")
    titled = _TITLED.match(out)
    if titled and _ORG_WORD.search(out[titled.end() :]):
        return out[titled.end() :].strip(" ,")
    if out.endswith(")") and "(" not in out:
        return out[:-1].strip()
    return out


def bare_performer(performer: str) -> str:
    """`performer` without what follows its name; as it is when nothing would be left."""
    out = organisation_of(performer)
    if not out:
        return out
    for tail in (_RESEARCHER_AFTER, *_TAILS):
        cut = tail.sub("", out).strip(" ,")
        out = cut or out
    return _PERSON_TAIL.sub(r"\1", out)


#: a performer field that names the förvaltning's own staff or nobody: "Egen personal, två
#: familjebehandlare", "Fältassistenterna (egen personal)", "Internt", "Ingen extern …"
_INTERNAL = re.compile(
    r"^\s*(?:internt|intern|egen|egna|ingen|nej|-)\b|\((?:egen|egna)\s+(?:personal|regi)\)"
    # "Familjeenheten med egen personal", "… i egen regi": the förvaltning's own staff
    r"|\b(?:med|i)\s+(?:egen|egna)\s+(?:personal|regi)\b"
    # "fältgruppen", "mottagningen för barn och unga": an own unit, named in lower case
    r"|^(?!institution|högskol|universitet|förening|stiftelse|kommun)(?-i:[a-zåäö]+(?:en|na|et))\b",
    re.IGNORECASE,
)


def own_staff(said: str) -> bool:
    """A performer's field that names the förvaltning's own staff or unit ("egen personal",
    "fältgruppen", "Familjeenheten med egen personal")."""
    return bool(_INTERNAL.search(said))


def block_performer(said: str | None, evaluation: str | None) -> str | None:
    """Who carries out a project of a block of fields: its "Genomförs av:"/"Utförare:" field
    (`said`), or, when that names the förvaltning's own staff, the organisation its
    "Utvärdering:" field names (an outside evaluator of work done by the staff)."""
    if said and not _INTERNAL.search(said):
        return bare_performer(said.rstrip(" .")) or None
    if evaluation and not _INTERNAL.search(evaluation) and _ORG_WORD.search(evaluation):
        return bare_performer(evaluation.rstrip(" .")) or None
    return None


#: the applicants printed inside a project's name cell: "Huvudsökande: Huddinge kommun,
#: socialförvaltningen" ⏎ "Medsökande: Psykiatri Sydväst" under the project's title
_APPLICANT_LABEL = re.compile(r"\s*\b(?:Huvudsökande|Medsökande|Sökande)\s*:\s*")


def applicants_in_name(name: str) -> tuple[str, str, str | None, str] | None:
    """(the project's title, the text of its applicants' lines, the main applicant as printed,
    the main applicant's text), the texts without other municipalities' units, when a name
    cell carries labelled applicants after the title, else None."""
    m = _APPLICANT_LABEL.search(name)
    if m is None or m.start() == 0:
        return None
    told = name[m.start() :]
    main = _MAIN_APPLICANT.match(told)
    printed = main.group(1).strip(" ,;") if main else None
    # (another municipality's units are no Stockholm district: "Huddinge kommun,
    # socialförvaltningen")
    local = _ELSEWHERE_UNIT.sub(" ", told)
    title = name[: m.start()].strip(" ,;–-")
    return title, local, printed, _ELSEWHERE_UNIT.sub(" ", printed or "")


_MAIN_APPLICANT = re.compile(r"\s*Huvudsökande\s*:\s*(.*?)(?=\s*\b(?:Medsökande|Sökande)\s*:|$)")
_ELSEWHERE_UNIT = re.compile(
    r"\b[A-ZÅÄÖ][\wåäö-]+\s+(?:kommun|kommuns|region)\b[^:;]*?"
    r"(?=\s*\b(?:Medsökande|Sökande)\s*:|;|$)"
)


def places_apart(performer: str, found: Sequence[Place]) -> tuple[str | None, str | None]:
    """A performer cell that names the city's own districts or förvaltningar beside an outside
    body ("Karolinska Institutet, sektionen för fysioterapi, och Farsta
    stadsdelsförvaltning"): (the outside body or None, the places' text or None). The city's
    units take part in the project; they do not carry it out for it."""
    # (only a unit named as such: not "Vantör" in "IK Vantör Ungdom", nor "USK", an office
    # that carries out studies)
    units = [p for p in found if _UNIT.search(performer[p.start : p.end])]
    if units and covered_by_places(performer, found):
        return None, performer  # "Skärholmens stadsdelsförvaltning": the city's own unit
    found = units
    if not found:
        return performer, None
    spans = sorted(found, key=lambda p: p.start)
    told = " ".join(performer[p.start : p.end] for p in spans)
    rest = performer
    for p in reversed(spans):
        rest = f"{rest[: p.start]} {rest[p.end :]}"
    rest = _JOINER_END.sub("", _JOINER_START.sub("", " ".join(rest.split())))
    return (rest if len(rest) >= 4 and rest[:1].isupper() else None), told


_UNIT = re.compile(r"(?:förvaltning|nämnd|\bsdf\b)", re.IGNORECASE)
_JOINER_START = re.compile(r"^(?:[\s,;–-]|och\b|samt\b)+")
_JOINER_END = re.compile(r"(?:[\s,;–-]|\boch|\bsamt|\bmed|\bi samarbete)+$")
