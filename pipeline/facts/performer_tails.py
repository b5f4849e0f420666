"""What a performer's cell or clause carries after the performer's name and is no part of it:
the study's sum ("Nordanvik Analys AB 640 000"), its date after a semicolon ("Karolinska
Institutet; december 2024"), the next sentence ("Lärarhögskolan i Stockholm. Studien
genomfördes …"), a note in brackets ("FoU-enheten (egen studie)"), a partner or the person
who does the work ("… i samarbete med Skarpnäcks sdf", "… genom docent X"). Pure."""

from __future__ import annotations

import re

__all__ = ["bare_performer"]

_TAILS = (
    re.compile(r";\s.*$"),
    re.compile(r"\.\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö]).*$"),  # a sentence, not "Inst. SU"
    re.compile(r"\s+(?:ca\.?\s+)?\d{1,3}(?:[ \u00a0]\d{3})*(?:\s*(?:kr|kronor|tkr|mnkr))?\.?$"),
    re.compile(r"\s*\((?:[a-zåäö]+\s*){1,4}\)$"),
    re.compile(r"(?<=\sAB)\s+[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö].*$"),  # "… AB Kostnaden avser …"
    re.compile(r",?\s+(?:i\s+samarbete\s+med|i\s+samverkan\s+med|tillsammans\s+med|genom)\s.*$"),
)


def bare_performer(performer: str) -> str:
    """`performer` without what follows its name; as it is when nothing would be left."""
    out = performer.strip()
    for tail in _TAILS:
        cut = tail.sub("", out).strip(" ,")
        out = cut or out
    return out
