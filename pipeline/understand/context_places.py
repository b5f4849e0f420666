"""Place names printed without their å/ä/ö, restored from the gazetteer.

A scan often loses the å/ä/ö of a place name ("Ostberga", "Skarholmen", "Varberg"), and a name
is no word the lexicons vouch for, so the word readings leave it as printed. The gazetteer
(`pipeline/data`: districts, their aliases and the neighbourhoods) knows the names with their
letters: a capitalised word that is such a name with its å/ä/ö lost reads as the name
("Ostberga" → "Östberga").

A name the Swedish list knows as printed ("Varberg", a town) is read as the neighbourhood
("Vårberg") only where the page has lost its å/ä/ö, or names the district the neighbourhood
belongs to: "Varberg" beside "Skärholmens stadsdelsförvaltning" is Vårberg, "Studiebesök i
Varberg" elsewhere stays the town. A district's names include those of the districts it was
made of (Hägersten-Liljeholmen: Hägersten, Liljeholmen).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline import data
from pipeline.lang.lexicon import fold
from pipeline.understand.ocr_edits import _SWEDISH, _adds_diacritics

__all__ = ["at_home", "gazetteer_names", "gazetteer_reading", "neighbourhood_homes", "place_index"]


def gazetteer_names() -> list[str]:
    """District names and aliases and the neighbourhoods of the shipped gazetteer
    (pipeline/data, its one loader)."""
    names: list[str] = []
    for file, column in (
        ("districts.csv", "name"),
        ("district_aliases.csv", "alias"),
        ("neighbourhoods.csv", "name"),
    ):
        if (data.DATA_DIR / file).is_file():
            names += [row[column] for row in data.rows(file) if row.get(column)]
    return names


def neighbourhood_homes() -> dict[str, tuple[str, ...]]:
    """Each neighbourhood of ``neighbourhoods.csv`` -> the folded names of its district:
    the district's name and aliases and those of the districts it was made of (Skärholmen;
    Hägersten-Älvsjö, Hägersten-Liljeholmen, Hägersten, Liljeholmen, Älvsjö)."""
    if not (data.DATA_DIR / "neighbourhoods.csv").is_file():
        return {}
    names: dict[str, set[str]] = {}
    made_of: dict[str, set[str]] = {}
    for row in data.rows("districts.csv"):
        names.setdefault(row["district_id"], set()).add(fold(row["name"]))
        if row.get("successor_id"):
            made_of.setdefault(row["successor_id"] or "", set()).add(row["district_id"])
    for row in data.rows("district_aliases.csv"):
        names.setdefault(row["district_id"], set()).add(fold(row["alias"]))

    def family(district: str, seen: frozenset[str] = frozenset()) -> set[str]:
        out = {district}
        for older in made_of.get(district, ()):
            if older not in seen:
                out |= family(older, seen | {district})
        return out

    homes: dict[str, tuple[str, ...]] = {}
    for row in data.rows("neighbourhoods.csv"):
        district = row.get("district_id") or ""
        if district:
            found = {n for d in family(district) for n in names.get(d, ()) if len(n) >= 4}
            # "skarholmen" finds "skarholmens sdf" too: keep the names no other one is in
            homes[row["name"]] = tuple(
                sorted(n for n in found if not any(m != n and m in n for m in found))
            )
    return homes


def place_index(places: Iterable[str]) -> dict[str, list[str]]:
    """The names written with å/ä/ö (one word of letters), by their folded spelling."""
    index: dict[str, list[str]] = {}
    for place in places:
        if any(c in _SWEDISH for c in place.lower()) and place.isalpha():
            index.setdefault(fold(place), []).append(place)
    return index


def gazetteer_reading(index: dict[str, list[str]], printed: str) -> str | None:
    """A name the gazetteer knows with å/ä/ö, printed without them ("Ostberga" →
    "Östberga", "Varberg" → "Vårberg" in a Stockholm document)."""
    for name in index.get(fold(printed), ()):
        same_length = name != printed and len(name) == len(printed)
        if same_length and _adds_diacritics(printed.lower(), name.lower()):
            return name
    return None


def at_home(homes: dict[str, tuple[str, ...]], place: str, page: str) -> bool:
    """Whether the page (folded) names the district a neighbourhood belongs to: "Varberg"
    beside "Skärholmens stadsdelsförvaltning" is the neighbourhood Vårberg, not the
    town."""
    return any(re.search(rf"\b{re.escape(d)}", page) for d in homes.get(place, ()))
