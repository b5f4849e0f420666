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

from pipeline.lang.fuzzy import fold

__all__ = ["ACADEMIC_TITLE", "NOBODY", "NOT_CHOSEN", "bare_performer", "organisation_of"]

_TAILS = (
    re.compile(r";\s.*$"),
    re.compile(r"\s+[A-ZÅÄÖ][a-zåäö]+:\s.*$"),  # the next field: "… AB Period: maj 2006 …"
    re.compile(r"\.\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö]).*$"),  # a sentence, not "Inst. SU"
    re.compile(r"\s+(?:ca\.?\s+)?\d{1,3}(?:[ \u00a0]\d{3})*(?:\s*(?:kr|kronor|tkr|mnkr))?\.?$"),
    re.compile(r"\s*\((?:[a-zåäö]+\s*){1,4}\)$"),
    re.compile(r"(?<=\sAB)\s+[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö].*$"),  # "… AB Kostnaden avser …"
    re.compile(r",?\s+(?:i\s+samarbete\s+med|i\s+samverkan\s+med|tillsammans\s+med|genom)\s.*$"),
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
    r"[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ][\w-]+\s+(?:och\s+)?)+",
    re.IGNORECASE,
)
#: "Margit Sjöberg (Institutionen för socialt arbete, Stockholms universitet)"
_PERSON_BRACKET = re.compile(r"^[A-ZÅÄÖ][^()]{2,60}?\s*\((?P<org>[^()]{4,})\)?$")


_OWN_STAFF = re.compile(r"(?:egen|eget|egna|förvaltningens\s+egn?a?)\b", re.IGNORECASE)


#: a performer field that names nobody yet: "Ej upphandlad", "Upphandlas", "Ej klart"
NOT_CHOSEN = re.compile(r"(?:ej|inte|annu ej)\s+(?:upphandla|klar|bestam|utsedd)|upphandlas|saknas")


#: a performer cell that names nobody yet ("Upphandlas", "Ej klart", "–")
NOBODY = re.compile(
    r"^(?:upphandlas|upphandling\b.*|ej (?:klart|bestamt|utsedd)|annu (?:ej|inte) \w+|"
    r"utses senare|saknas|-|–|—)$"
)


def organisation_of(performer: str) -> str:
    """The organisation of a performer printed with its researcher (before it, or with the
    organisation in brackets); `performer` without an unbalanced bracket else."""
    out = performer.strip()
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
    for tail in _TAILS:
        cut = tail.sub("", out).strip(" ,")
        out = cut or out
    return out
