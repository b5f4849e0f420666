"""A table that marks each row's money by a code its legend explains.

    Nr  Förvaltning  Projekt / studiebesök        Medel   Sökt kr  Förslag kr
     1  Bromma       Gemensam bedömningsmall …      U     420 000     400 000
     2  Bromma       Köpenhamn - …                  S      22 000      22 000
        Summa U                                          2 930 000   2 350 000

    Medel: U = lokala utvecklingsmedel, S = medel för studiebesök (MUST).

The legend ("U = lokala utvecklingsmedel") says which fund each code stands for; a row whose
cell is the code is that fund's, and so is a "Summa U" row. :func:`fund_codes` reads the
legends of a document, :func:`decoded` spells a row's codes out for the fund readers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pipeline.facts.context import FOU_FUNDS, GENERIC_FUNDS, find_funds
from pipeline.facts.districts import find_districts
from pipeline.lang.fuzzy import fold
from pipeline.understand.context_places import neighbourhood_homes

__all__ = ["coded_funds", "decoded", "district_money", "fund_codes", "projects_fund"]

#: one entry of a legend: "U = lokala utvecklingsmedel", "S = medel för studiebesök (MUST)"
_ENTRY = re.compile(
    r"(?<![\w-])([A-ZÅÄÖ]{1,3})\s*=\s*([^=;]+?)(?=,\s*[A-ZÅÄÖ]{1,3}\s*=|[;.]?\s*$|;)"
)


def fund_codes(texts: Sequence[str], study_fund: str = "MUL") -> dict[str, str]:
    """The codes a document's legends give funds: {"U": "LUM", "S": "MUST"}."""
    return dict(_codes(tuple(texts), study_fund))


@lru_cache(maxsize=16)
def _codes(texts: tuple[str, ...], study_fund: str) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    for text in texts:
        if "=" not in text:
            continue
        for m in _ENTRY.finditer(text):
            funds = {f for _s, _e, f in find_funds(m.group(2), study_fund)}
            if len(funds) == 1:
                out.setdefault(m.group(1), funds.pop())
    # (one code alone is no legend of a table's funds: "A = antal deltagare")
    return tuple(out.items()) if len(out) >= 2 else ()


def decoded(text: str, codes: dict[str, str]) -> str:
    """`text` (a row's cells) with each code standing alone as a cell or a label's last word
    spelled out as its fund ("… U  420 000" → "… LUM  420 000", "Summa U" → "Summa LUM")."""
    if not codes:
        return text
    return re.sub(
        r"(?<![^\s|])(" + "|".join(map(re.escape, codes)) + r")(?=\s{2,}|\s*\||\s*$)",
        lambda m: codes[m.group(1)],
        text,
    )


def coded_funds(text: str, codes: dict[str, str], study_fund: str = "MUL") -> set[str]:
    """The funds `text` names, its codes spelled out."""
    return {f for _s, _e, f in find_funds(decoded(text, codes), study_fund)}


#: a district's money for its own development: what associations do with it is the district's
_DISTRICT_MONEY = re.compile(r"utvecklingsmedel|stadsdelsfornyelse")


def district_money(fund: str | None) -> bool:
    """Whether `fund` is money a district spends on its own development (FoU funds, local
    development money), as against grants to associations for their own activities."""
    if fund is None:
        return False
    return fund in FOU_FUNDS or fund in GENERIC_FUNDS or bool(_DISTRICT_MONEY.search(fold(fund)))


#: a table of projects: "Projekt | Huvudsökande | Sökt 2022" (not "Resmål | Deltagare | …")
_PROJECTS_HEADER = re.compile(r"\s*(?:nr\s+)?(?:projekt|projektnamn|utvecklingsprojekt)\b")


def projects_fund(
    fund: str | None, header: str, paired: bool, study_fund: str, row: Any = None
) -> str | None:
    """In a paper on both the local development money and the study-visit money, a table
    whose first column is its projects is the local money's, though the sentence before it
    ends on the study visits ("… och en ansökan om MUL högst 25 000 kronor."); a row of it
    named by a town abroad and what is studied there ("Köpenhamn - Københavns Kommunes
    misbrugscenter", a trip's sum) is a study visit."""
    if paired and fund == study_fund and _PROJECTS_HEADER.match(fold(header)):
        return "LUM"
    trip = _TRIP_NAME.match(row.name) if row is not None else None
    small = row is not None and row.cost is not None and row.cost <= _MOST_FOR_A_TRIP
    if paired and fund in (None, "LUM") and trip and small and _abroad(trip.group(1)):
        return study_fund
    return fund


#: the most a study visit is granted (the study-visit money's cap is 25 000–30 000 kronor)
_MOST_FOR_A_TRIP = 60_000
#: a trip's name: the town, a dash, what is studied there
_TRIP_NAME = re.compile(r"([A-ZÅÄÖ][\wåäöøæ]+(?:\s[A-ZÅÄÖ][\wåäöøæ]+)?)\s[–—-]\s\S")


def _abroad(town: str) -> bool:
    """A town no district, neighbourhood or unit of the city is named after."""
    return not find_districts(town) and town not in neighbourhood_homes()
