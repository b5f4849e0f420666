"""Gazetteer of Stockholm districts, förvaltningar and the organisations that do FoU work.

Data lives in ``pipeline/data/`` (``districts.csv``, ``district_aliases.csv``,
``orgs.csv``; see the README there).  This module loads it once and matches names in
OCR'd running text:

``Gazetteer.resolve(name, year)``
    One printed name (a table cell, a heading) → the district it denotes.
``Gazetteer.find_districts(text, year)`` / ``Gazetteer.find_orgs(text)``
    Every mention in running text, as character spans of ``text`` (ready to become
    spaCy entities): ``name_as_printed == text[start:end]``.
``Gazetteer.successor_today(district_id)``
    Follows merges (Rinkeby → Rinkeby-Kista → Järva) to the district that exists today.

How names are matched (the alias index, OCR tolerance, fuzzy thresholds) is described in
:mod:`pipeline.facts.alias_index`; which found names are *mentions* of a unit
(``Gazetteer.mention``) in :mod:`pipeline.facts.mention_rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipeline import data
from pipeline.facts.alias_index import (
    FUZZY_THRESHOLD,
    MIN_FUZZY_LEN,
    _all_known_words,
    _Entry,
    _Index,
    _key,
    _key_variants,
    _printed_ok,
    _scan,
    _sk_words,
)
from pipeline.facts.mention_rules import (
    _AREA_WORD,
    _administrative,
    _in_contact_block,
    _longer_name,
    counts_city_offices,
)
from pipeline.lang.fuzzy import fold, loose

__all__ = [
    "FUZZY_THRESHOLD",
    "MIN_FUZZY_LEN",
    "District",
    "DistrictMatch",
    "Gazetteer",
    "Org",
    "OrgMatch",
    "counts_city_offices",
    "find_districts",
    "find_orgs",
    "load_gazetteer",
    "resolve",
    "successor_today",
]

DISTRICT_KINDS = ("stadsdelsförvaltning", "fackförvaltning", "unit")


@dataclass(frozen=True)
class District:
    id: str
    name: str
    kind: str  # stadsdelsförvaltning | fackförvaltning | unit
    valid_from: dt.date | None  # None: not known
    valid_to: dt.date | None  # None: still exists (or end not known, see the CSV's source)
    successor_id: str | None

    def valid_in(self, year: int) -> bool:
        """True when the district existed at some point during `year`."""
        starts = self.valid_from is None or self.valid_from.year <= year
        ends = self.valid_to is None or self.valid_to.year >= year
        return starts and ends

    def distance_to(self, year: int) -> int:
        """Years between `year` and the district's validity (0 when valid)."""
        if self.valid_from is not None and year < self.valid_from.year:
            return self.valid_from.year - year
        if self.valid_to is not None and year > self.valid_to.year:
            return year - self.valid_to.year
        return 0


@dataclass(frozen=True)
class DistrictMatch:
    district_id: str
    name: str  # canonical name
    kind: str
    score: float  # 0..1
    start: int
    end: int
    name_as_printed: str


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class OrgMatch:
    org_id: str
    name: str
    kind: str
    score: float
    start: int
    end: int
    name_as_printed: str


# --------------------------------------------------------------------------- gazetteer


def _read_csv(name: str) -> list[dict[str, str]]:
    return [r.cells for r in data.rows(name)]


class Gazetteer:
    """Districts, förvaltningar, units and organisations, with their alias indexes."""

    def __init__(
        self,
        districts: Iterable[District],
        district_aliases: Iterable[tuple[str, str]],
        orgs: Iterable[Org],
    ) -> None:
        self.districts: dict[str, District] = {d.id: d for d in districts}
        for d in self.districts.values():
            if d.kind not in DISTRICT_KINDS:
                raise ValueError(f"{d.id}: unknown kind {d.kind!r}")
            if d.successor_id and d.successor_id not in self.districts:
                raise ValueError(f"{d.id}: unknown successor {d.successor_id!r}")
        aliases = [(d.name, d.id) for d in self.districts.values()]
        for alias, did in district_aliases:
            if did not in self.districts:
                raise ValueError(f"alias {alias!r}: unknown district {did!r}")
            aliases.append((alias, did))
        self._district_index = _Index(aliases, [d.name for d in self.districts.values()])
        self.orgs: dict[str, Org] = {o.id: o for o in orgs}
        self._org_index = _Index(
            [(o.name, o.id) for o in self.orgs.values()]
            + [(a, o.id) for o in self.orgs.values() for a in o.aliases],
            [o.name for o in self.orgs.values()],
        )
        # förvaltningar and units are written in lower case in running text
        self._lowercase_ok = {
            d.id for d in self.districts.values() if d.kind != "stadsdelsförvaltning"
        }

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer shipped in ``pipeline/data``."""
        districts = [
            District(
                id=r["district_id"].strip(),
                name=r["name"].strip(),
                kind=r["kind"].strip(),
                valid_from=data.parse_date(r["valid_from"]),
                valid_to=data.parse_date(r["valid_to"], end=True),
                successor_id=(r["successor_id"] or "").strip() or None,
            )
            for r in _read_csv("districts.csv")
        ]
        aliases = [
            (r["alias"], r["district_id"].strip()) for r in _read_csv("district_aliases.csv")
        ]
        orgs = [
            Org(
                id=r["org_id"].strip(),
                name=r["name"].strip(),
                kind=r["kind"].strip(),
                aliases=tuple(a.strip() for a in (r["aliases"] or "").split("|") if a.strip()),
            )
            for r in _read_csv("orgs.csv")
        ]
        return cls(districts, aliases, orgs)

    # ------------------------------------------------------------------ districts

    def district(self, district_id: str) -> District:
        return self.districts[district_id]

    def _pick(self, entries: Iterable[_Entry], year: int | None, printed: str) -> District:
        """One district among an alias's targets: the one valid in `year`.

        Without a year: the district whose own name is printed, else the earliest.
        """
        ids = list(dict.fromkeys(e.target for e in entries))
        cands = [self.districts[i] for i in ids]
        if len(cands) == 1:
            return cands[0]

        def start(d: District) -> dt.date:
            return d.valid_from or dt.date.min

        if year is None:
            own = [d for d in cands if _key(d.name) == _key(printed).removesuffix("s")]
            own = own or [d for d in cands if _key(d.name) == _key(printed)]
            return own[0] if own else min(cands, key=start)
        return min(cands, key=lambda d: (d.distance_to(year), -start(d).toordinal()))

    def _abbreviated(self, printed: str, year: int | None) -> District | None:
        """The one district whose name a cut-off form begins ("Hägersten-Liljeh." for
        Hägersten-Liljeholmen, which a near spelling would read as Hägersten-Älvsjö)."""
        key = fold(printed).rstrip(". ")
        if "-" not in key or len(key) < 8 or len(key.rsplit("-", 1)[1]) < 2:
            return None
        named = [d for d in self.districts.values() if d.kind == "stadsdelsförvaltning"]
        if any(fold(d.name) == key for d in named):
            return None  # a whole name ("Enskede-Årsta", a district of its own until 2006)
        hits = [
            d for d in named if (year is None or d.valid_in(year)) and fold(d.name).startswith(key)
        ]
        return hits[0] if len(hits) == 1 else None

    def resolve(self, name_as_printed: str, year: int | None = None) -> DistrictMatch | None:
        """The district a printed name denotes (picking the one valid in `year`)."""
        name = name_as_printed.strip()
        if not name:
            return None
        words = _sk_words(name)
        if not words:
            return None
        hit: tuple[float, list[_Entry]] | None = None
        for variant, genitive in _key_variants(tuple(words)):
            entries = [
                e
                for e in self._district_index.lookup(variant)
                if _printed_ok(name, e, False, genitive)
            ]
            if entries:
                hit = (1.0, entries)
                break
        if hit is None:
            lw = [loose(w) for w in words]
            candidates = [lw]
            if lw[-1].endswith("s") and len(lw[-1]) > 3:
                candidates.append(lw[:-1] + [lw[-1][:-1]])
            for cand in candidates:
                found = self._district_index.fuzzy_lookup(cand)
                if found is not None and (hit is None or found[0] > hit[0]):
                    hit = found
            if hit is not None and hit[0] < 1 and _all_known_words(name):
                hit = None
        if hit is None:
            return None
        d = self._pick(hit[1], year, name)
        return DistrictMatch(d.id, d.name, d.kind, hit[0], 0, len(name), name)

    def successor_today(self, district_id: str) -> str:
        """Follow successors to the district that exists today (itself if it still exists)."""
        seen = {district_id}
        current = self.districts[district_id]
        while current.successor_id and current.successor_id not in seen:
            seen.add(current.successor_id)
            current = self.districts[current.successor_id]
        return current.id

    def mention(
        self,
        text: str,
        start: int,
        end: int,
        district_id: str,
        years: Iterable[int] = (),
        city_offices: bool = True,
    ) -> District | None:
        """The unit a name found at text[start:end] mentions, or None when it is not a
        mention (see :mod:`pipeline.facts.mention_rules`). `years`: the
        years the document is of (its date, its subject year); none known: no year check."""
        d = self.districts.get(district_id)
        if d is None:
            return None
        if d.kind != "stadsdelsförvaltning":
            if not city_offices or _in_contact_block(text, start, end):
                return None
            return d
        if _in_contact_block(text, start, end) or _longer_name(text, end):
            return None
        printed = text[start:end]
        if printed.rstrip().endswith("-"):
            return None  # a compound broken at its hyphen: the name goes on elsewhere
        # a token wider than the name: "Kista-Husby-Akalla" is not Kista
        if (
            "-" in printed
            and not self._is_alias(printed)
            and any(self._is_alias(printed[: h.start()]) for h in re.finditer("-", printed))
        ):
            return None
        if _administrative(text, start, end):
            return d
        return self._bare_name_unit(text[start:end], d, tuple(years))

    def _is_alias(self, name: str) -> bool:
        words = tuple(_sk_words(name))
        return bool(words) and any(self._district_index.lookup(k) for k, _g in _key_variants(words))

    def _bare_name_unit(
        self, printed: str, found: District, years: tuple[int, ...]
    ) -> District | None:
        """The unit whose own name is printed bare, if one existed in `years`."""
        key = _key(_AREA_WORD.sub("", printed))
        own = [
            d
            for d in self.districts.values()
            if d.kind == "stadsdelsförvaltning" and _key(d.name) in (key, key.removesuffix("s"))
        ]
        if not own:
            return None  # an area that never was a unit of its own name
        if not years or "-" in own[0].name:
            # a name formed by a merger ("Hägersten-Liljeholmen") names the unit, never an
            # area, so it is a mention in any year (a report may name last year's units)
            return found if found in own else own[0]
        valid = [d for d in own if any(d.valid_in(y) for y in years)]
        return valid[0] if valid else None

    def find_districts(self, text: str, year: int | None = None) -> list[DistrictMatch]:
        """Every mention of a district, förvaltning or unit in running text."""
        out = []
        for hit in _scan(text, self._district_index, self._lowercase_ok):
            printed = text[hit.start : hit.end]
            d = self._abbreviated(printed, year) or self._pick(hit.entries, year, printed)
            out.append(DistrictMatch(d.id, d.name, d.kind, hit.score, hit.start, hit.end, printed))
        return out

    # ------------------------------------------------------------------ organisations

    def find_orgs(self, text: str) -> list[OrgMatch]:
        """Every mention of a known university, FoU-miljö, agency or consultancy."""
        out = []
        for hit in _scan(text, self._org_index, set()):
            org = self.orgs[hit.entries[0].target]
            out.append(
                OrgMatch(
                    org.id,
                    org.name,
                    org.kind,
                    hit.score,
                    hit.start,
                    hit.end,
                    text[hit.start : hit.end],
                )
            )
        return out


# --------------------------------------------------------------------------- module API


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.load()


def resolve(name_as_printed: str, year: int | None = None) -> DistrictMatch | None:
    return load_gazetteer().resolve(name_as_printed, year)


def successor_today(district_id: str) -> str:
    return load_gazetteer().successor_today(district_id)


def find_districts(text: str, year: int | None = None) -> list[DistrictMatch]:
    return load_gazetteer().find_districts(text, year)


def find_orgs(text: str) -> list[OrgMatch]:
    return load_gazetteer().find_orgs(text)
