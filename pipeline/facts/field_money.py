"""Which field of a block states its money: the grant beside the sum sought ("Beviljat 2026"
under "Sökt belopp"), the funding field that names the fund and the grant ("Finansiering:
kommunstyrelsens trygghetsmedel, 350 000 kr") and the money it names by its own word. Pure."""

from __future__ import annotations

import re

from pipeline.facts.field_lines import field_of
from pipeline.lang.amounts import AmountMatch, find_amounts

__all__ = [
    "FUNDING",
    "SOUGHT_LABEL",
    "funded",
    "funding_label",
    "granted_for_sought",
    "years_total",
]

#: the money the project is financed with, its fund and sum: "Finansiering: kommunstyrelsens
#: trygghetsmedel, 350 000 kr" (its grant, beside what it cost)
FUNDING = re.compile(r"^(?:finansiering|finansierat av|finansierad av|finansierades med)$")

#: the sum an application asks for: "Sökt belopp", "Ansökt 2025"
SOUGHT_LABEL = re.compile(
    r"^(?:sokt belopp|sokt|ansokt belopp|ansokt|begart belopp)(?:\s+(?:ar\s+)?(?:19|20)\d\d)?$"
)


def funded(fields: dict[str, tuple[int, str]]) -> tuple[int, str] | None:
    """The funding field, when it states a sum: the grant."""
    got = field_of(fields, FUNDING)
    return got if got is not None and find_amounts(got[1]) else None


def granted_for_sought(
    fields: dict[str, tuple[int, str]], year_costs: set[str]
) -> tuple[int, str] | None:
    """A year's grant beside the sum sought ("Beviljat 2026" under "Sökt belopp"): the
    grant, unless an earlier year's ("Beviljat 2024" over "Sökt belopp 2025")."""
    granted = [k for k in year_costs if k.startswith("beviljat")]
    sought = [k for k in fields if SOUGHT_LABEL.match(k)]
    if len(granted) != 1 or not sought:
        return None
    if any(k[-4:].isdigit() and k[-4:] > granted[0][-4:] for k in sought):
        return None
    return fields[granted[0]]


#: the money a funding field names when no fund's cue does: "nämndens utvecklingsreserv",
#: "utvecklingsmedel från äldrenämnden"
_MONEY_NAMED = re.compile(
    r"^(?:[a-zåäö]+s\s+)?(?P<money>[a-zåäö]{3,}(?:medel|medlen|reserv|reserven|fond|fonden))\b"
)


def funding_label(fields: dict[str, tuple[int, str]]) -> str | None:
    """The money a "Finansiering:" field names by its own word, in the form a fund is called
    by ("utvecklingsreserven" → "utvecklingsreserv"), else None."""
    got = field_of(fields, FUNDING)
    m = _MONEY_NAMED.match(got[1].lower()) if got is not None else None
    if m is None:
        return None
    word = m.group("money")
    return word[:-2] + "el" if word.endswith("medlen") else word.removesuffix("en")


#: a sum followed by the year it is for: "820 000 kronor 2022"
_YEAR_AFTER = re.compile(r"^\s*(?:för\s+|år\s+)?((?:19|20)\d\d)\b")


def years_total(value: str, sums: list[AmountMatch]) -> AmountMatch | None:
    """ "Ersättning: 820 000 kronor 2022, 840 000 kronor 2023 och 860 000 kronor 2024": a sum
    for each of two or more years, the project's whole sum their total (None otherwise)."""
    years = [_YEAR_AFTER.match(value[a.end :]) for a in sums]
    if len(sums) < 2 or any(y is None for y in years):
        return None
    if len({y.group(1) for y in years if y is not None}) != len(sums):
        return None
    total = sum(a.sek for a in sums)
    return AmountMatch(sums[0].start, sums[-1].end, value.strip(), total, False, None, True)
