"""The kinds of grant one grant programme hands out, and a title that makes them all
föreningsbidrag. Pure."""

from __future__ import annotations

import re

from pipeline.lang.fuzzy import fold

__all__ = ["PROGRAM_FUNDS", "grant_forms_of"]

#: grant forms of any committee (the label of money that is not an FoU fund)
PROGRAM_FUNDS = frozenset(
    {
        "föreningsbidrag",
        "organisationsbidrag",
        "verksamhetsbidrag",
        "projektbidrag",
        "verksamhetsstöd",
        "projektstöd",
        "föreningsstöd",
        "utvecklingsmedel",
        "aktivitetsbidrag",
        "lokalbidrag",
        "trygghetsmedel",
        "stadsdelsförnyelse",
        "sociala investeringar",
        "sociala investeringsfonden",
        "sociala investeringsmedel",
        "sociala utvecklingsmedel",
        "IOP",
        "feriejobb",
        "brottsförebyggande medel",
    }
)


#: the kinds of grant one grant programme hands out ("verksamhetsbidrag", "lokalbidrag" …)
_GRANT_FORMS = (
    "verksamhetsbidrag",
    "projektbidrag",
    "lokalbidrag",
    "aktivitetsbidrag",
    "verksamhetsstöd",
    "projektstöd",
)


def grant_forms_of(title: str | None) -> dict[str | None, str]:
    """A title that names föreningsbidrag and no other grant ("Föreningsbidrag 2019",
    "Fördelning av föreningsbidrag hösten 1999"): every kind of grant it hands out is
    föreningsbidrag (not so under "Föreningsbidrag och projektbidrag …", nor Socialnämndens
    "Organisationsbidrag …", whose projektbidrag keep their name)."""
    grants = set(re.findall(r"\b\w+(?:bidrag|stod)\b", fold(title or "")))
    return dict.fromkeys(_GRANT_FORMS, "föreningsbidrag") if grants == {"foreningsbidrag"} else {}
