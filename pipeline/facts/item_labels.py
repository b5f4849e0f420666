"""What an item's name ends with that is no part of the name: the writing committee's own
förvaltning ("Läxhjälp i skolan, stadsdelsförvaltningen") or the label of the money it gets
("Fältvärdar i Högdalens centrum, kommunstyrelsens trygghetsmedel", "Våldsteam i
familjebehandlingen, statsbidrag från Socialstyrelsen"). The money's label is the item's fund:
a fund the cues know, or another nämnd's own "utvecklingsmedel". The years a project ran may
close the item after its owner ("Sommarskola i Sätra, Skärholmens stadsdelsnämnd,
2004–2005"): the last is its end. Pure."""

from __future__ import annotations

import re

from pipeline.facts.context import find_funds

__all__ = ["DONE_BY_CLAUSE", "item_label", "item_period", "performed_by"]

_LABEL_LAST = re.compile(
    r",\s*(?:stadsdelsförvaltningen|förvaltningen)\s*$|"
    # "…, kommunstyrelsens trygghetsmedel", "…, statsbidrag från Socialstyrelsen"
    r",\s*(?:[a-zåäö]+s\s+[a-zåäö-]*(?:medel|medlen|bidrag|bidraget)|"
    r"[a-zåäö-]*(?:medel|bidrag)\s+(?:från|ur)\s+[^,]{3,40})\s*$"
)

#: another nämnd's development money, named as its own ("äldrenämndens utvecklingsmedel")
_OTHERS_DEVELOPMENT = re.compile(
    r"\b(?!social)\w+(?:nämndens|styrelsens)\s+utvecklingsmedel", re.IGNORECASE
)


def item_label(name: str) -> tuple[str, str | None]:
    """(the name without its closing label, the fund the label names or None)."""
    label = _LABEL_LAST.search(name)
    if label is None or label.start() == 0:
        return name, None
    funds = find_funds(label.group(0))
    fund = funds[0][2] if funds else None
    if fund is None and _OTHERS_DEVELOPMENT.search(label.group(0)):
        fund = "utvecklingsmedel"
    return name[: label.start()].strip(), fund


#: the years a project ran, closing its item: ", 2004–2005", ", 2005"
_PERIOD_LAST = re.compile(r",\s*(?:(?:19|20)\d\d\s*[–-]\s*)?((?:19|20)\d\d)\s*,?\s*$")


def item_period(name: str) -> tuple[str, int] | None:
    """(the name without the years that close it, the last year), or None."""
    m = _PERIOD_LAST.search(name)
    if m is None or m.start() == 0:
        return None
    return name[: m.start()].strip(), int(m.group(1))


#: the body that carries the item's study out, in a relative clause after its name: "Skolgång
#: och hälsa hos barn i biståndshushåll, som Institutionen för … genomför för 540 000 kr"
#: (the clause itself, shared with `named_studies`' lettered items)
DONE_BY_CLAUSE = (
    r",\s+som\s+(?P<body>[A-ZÅÄÖ][^,;:]{3,120}?)\s+(?:genomför|genomförde|utför|utförde"
)
_DONE_BY = re.compile(DONE_BY_CLAUSE + r")\b")


def performed_by(name: str) -> tuple[str, str | None]:
    """An item's name and the body its relative clause says carries it out, else None."""
    m = _DONE_BY.search(name)
    if m is None or m.start() == 0:
        return name, None
    return name[: m.start()].strip(), m.group("body").strip()
