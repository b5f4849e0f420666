"""The money a title names by a name of its own, no fund's cue: a grant form
("Arrangörsbidrag till ideella föreningar 2013") or money it shares out ("Fördelning av
integrationsmedel för 2003", "Medel ur stadens innovationsfond"). Pure."""

from __future__ import annotations

import re

__all__ = ["MONEY_LABEL", "title_grant", "title_money"]


#: a compound naming a grant form: "arrangörsbidrag", "Hyresbidraget", "Utvecklingsstöd" (a
#: cue would read "utvecklingsstudier" loosely as it)
_GRANT_COMPOUND = re.compile(
    r"\b([a-zåäö]{3,}bidrag|(?:utvecklings|kultur)stöd)(?:et|en)?\b", re.IGNORECASE
)


def title_grant(title: str | None) -> str | None:
    """The one grant form a title names, in lower case, or None."""
    found = {m.group(1).lower() for m in _GRANT_COMPOUND.finditer(title or "")}
    found -= {"statsbidrag"}  # a state grant is a fund of its own, read by its cues
    return found.pop() if len(found) == 1 else None


#: money a title shares out under a name of its own, no fund's cue: "Fördelning av
#: integrationsmedel för 2003", "Medel ur stadens innovationsfond", "Utdelning ur
#: donationsfonder som förvaltas av socialnämnden"
_TITLE_MONEY = re.compile(
    r"(?:\b(?:fördelning|utdelning|tilldelning)\s+av\s+|\bur\s+|^)"
    r"(?:[a-zåäö]+s\s+|stockholms\s+stads\s+)?(?:särskilda\s+|statliga\s+|extra\s+)?"
    r"([a-zåäö]{3,}(?:medel|medlen|fond|fonden|fonder))\b"
)
#: a money label `title_money` gives
MONEY_LABEL = re.compile(r"[a-zåäö]{3,}(?:medel|fonden|fonder)")
#: compounds that name no money of their own: the committees' own development and research
#: money (read by `document_fund`'s other rules) and the state's
_NO_NAME_OF_ITS_OWN = ("utvecklings", "forsknings", "stats")


def title_money(title: str | None) -> str | None:
    """The money a title shares out by a name no cue knows, in lower case and the form a
    fund is called by ("innovationsfond" → "innovationsfonden", "medlen" → "medel")."""
    m = _TITLE_MONEY.search((title or "").lower())
    if m is None or m.group(1).startswith(_NO_NAME_OF_ITS_OWN):
        return None
    word = m.group(1)
    if word.endswith("medlen"):
        return word[:-2] + "el"
    return word + "en" if word.endswith("fond") else word
