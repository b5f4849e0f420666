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

Matching rules
--------------
* Names are compared on ``fuzzy.skeleton`` keys with separators removed, so case,
  diacritics, å/ä/ö read as a/o/é/6/&/#, hyphen-or-space variants ("Hässelby Vällingby"),
  hyphenated line breaks and run-together words ("EnskedeÅrsta-Vantörs") cost nothing.
* The Swedish genitive ``-s`` is accepted on the last word ("Skarpnäcks",
  "Östermalms stadsdelsförvaltning"); a ``d`` between consonants may stand for ä/å.
* Longest alias wins ("Farsta stadsdelsförvaltning" over "Farsta").
* A mention must contain a word with an upper-case initial (proper noun), except for
  förvaltningar and units (kind ``fackförvaltning``/``unit``), which running text writes
  in lower case ("representanter för socialförvaltningen").
* Acronym aliases (``SKR``, ``KI``, ``PwC``: no more than six characters with two or more
  capitals) match only exactly, case included, and never fuzzily.
* Fuzzy matching (for OCR damage beyond the vowel class: "Hésselby-Villingby",
  "Stidermalm", "dldreförvaltningen") compares ``fuzzy.loose`` keys with rapidfuzz's
  Indel ratio and accepts ``>= FUZZY_THRESHOLD``.  It only applies to keys of at least
  ``MIN_FUZZY_LEN`` characters (short names like "Farsta" vs the word "fasta" are too
  close to tell apart), requires the same first letter, and only compares windows with
  as many words as the alias (or one fewer, for run-together words).  The threshold was
  chosen from the damaged/near-miss tables in ``tests/test_districts.py``.
* ``score`` is 1.0 for a key match and the loose ratio (0..1) for a fuzzy one.

Which names are *mentions* (``Gazetteer.mention``)
---------------------------------------------------
The matcher finds names; a document's ``districts_mentioned`` holds only the units it names
(tests/gold/SCHEMA.md and the realdocs conventions). A found name is a mention when:

* it names the unit with an administrative word — "Vantörs stadsdelsförvaltning",
  "stadsdelsförvaltningen i Skärholmen", "Kista och Rinkeby stadsdelsförvaltningar",
  "Södermalms sdf" — whatever the year (a document may speak of units of the past); or
* it is a bare name ("Farsta", "Rinkeby Kista", "Hässelby Vällingby") and a unit of that
  very name existed in the document's year. Otherwise the bare name is an area: "Södermalm"
  in 1998, "Järva" or "Rinkeby" in 2008, "Hässelby" in 2020, "Spånga" or "Tensta" at any
  time (no unit ever had that name alone);
* it is not the first part of a longer proper name: a hyphenated compound ("Kista-Husby-
  Akalla", "Tensta-Hjulsta") or a name followed by a place or club word ("Skarpnäcks
  kulturhus", "Farsta strand", "Vällingby Centrum", "Farsta Bandy"; group ``place_word``
  of ``data/cues.csv``);
* it does not stand in a contact block (a letterhead or footer with Box, postcode,
  Besöksadress, Telefon, e-mail or web address);
* it is a stadsdelsförvaltning, or a city office (fackförvaltning, kontor, unit) in a
  document about FoU money (``counts_city_offices``): the FoU decisions' gold counts the
  förvaltningar that apply for and own projects, the gold of other documents (meeting
  pages, Kommunstyrelsen's utlåtanden, other municipalities) only stadsdelsnämnder and
  -förvaltningar.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from pipeline.facts.context import cue_hits
from pipeline.lang.fuzzy import VOWEL, compact, loose, skeleton

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

FUZZY_THRESHOLD = 0.86
MIN_FUZZY_LEN = 8
KNOWN_WORD_ZIPF = 2.0
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


# --------------------------------------------------------------------------- alias index

_TOKEN = re.compile(rf"(?:[^\W\d_]|{re.escape(VOWEL)})+")
_HS = r"[ \t\u00a0\u202f\u2009]"
# What may stand between two words of one name: spaces, one hyphen/dash/ampersand, one
# line break.  Commas, brackets, full stops end a name.
_JOINABLE = re.compile(rf"{_HS}*(?:[-‐‑–—&]{_HS}*)?(?:\r?\n{_HS}*)?")
_SOFT_JOIN = re.compile(r"[-‐‑][ \t]*\r?\n")  # a hyphenated line break joins one word
# OCR writes ä/å as "d": between two consonants, or word-initially before a consonant
# that cannot start a Swedish word after d- ("Dldreförvaltningen", "Hdgersten").
_D_MEDIAL = re.compile(r"(?<=[b-df-hj-np-tv-xz])d(?=[b-df-hj-np-tv-xz])")
_D_INITIAL = re.compile(r"^d(?=[bcdfghklmnpstxz])")
_ACRONYM = re.compile(r"^(?=(?:.*[A-ZÅÄÖ]){2})\S{1,6}$")
# Head nouns that end Swedish organisation names written as one compound.  For a fuzzy
# match the head noun must be the same ("socialtjänstavdelning" is not
# "socialtjänstförvaltningen") and only the specific first part may be damaged.
_HEAD_NOUNS = sorted(
    {
        loose(w)
        for w in [
            "förvaltningen",
            "förvaltning",
            "förvaltningar",
            "avdelningen",
            "avdelning",
            "nämnden",
            "nämnd",
            "kontoret",
            "kontor",
            "enheten",
            "enhet",
            "området",
            "område",
            "högskolan",
            "högskola",
            "universitetet",
            "universitet",
            "institutet",
            "institut",
            "myndigheten",
            "myndighet",
            "styrelsen",
            "styrelse",
            "rådet",
            "råd",
            "jouren",
            "centrum",
            "akademin",
            "förbundet",
        ]
    },
    key=len,
    reverse=True,
)
_WORD_MIN_RATIO = 60  # each word of a multi-word alias must be recognisable on its own


@dataclass(frozen=True)
class _Entry:
    target: str
    alias: str
    case_sensitive: bool
    n_words: int


@dataclass
class _FuzzyAlias:
    key: str  # loose, compact
    words: tuple[str, ...]  # loose words
    specific_len: int  # characters outside generic words
    generic_words: frozenset[int]  # positions of generic words
    head_noun: str  # generic compound ending ('' when none)
    entries: list[_Entry]


@lru_cache(maxsize=65536)
def _dvars(word_sk: str) -> list[str]:
    """The word as printed plus readings of a d as an OCR'd ä/å (initial, medial, both)."""
    out = [word_sk]
    for rx in (_D_INITIAL, _D_MEDIAL):
        out += [rx.sub(VOWEL, w) for w in out]
    return list(dict.fromkeys(out))


def _sk_words(s: str) -> list[str]:
    return _TOKEN.findall(skeleton(s))


def _key(s: str) -> str:
    return "".join(_sk_words(s))


def _loose_words(s: str) -> list[str]:
    return [loose(w) for w in _sk_words(s)]


@lru_cache(maxsize=65536)
def _key_variants(words_sk: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Exact look-up keys for a run of skeleton words: as printed, with d→vowel, genitive."""
    keys = ["".join(words_sk)]
    if any("d" in w for w in words_sk):
        options = [_dvars(w) for w in words_sk]
        if math.prod(len(o) for o in options) <= 8:
            keys += ["".join(ws) for ws in itertools.product(*options)][1:]
        else:
            keys.append("".join(o[-1] for o in options))
    out = [(k, False) for k in dict.fromkeys(keys)]
    out += [(k[:-1], True) for k in keys if k.endswith("s") and len(k) > 3]
    return out


class _Index:
    """Aliases of one kind of target, keyed for exact and fuzzy look-up."""

    def __init__(self, aliases: Iterable[tuple[str, str]], canonical: Iterable[str]) -> None:
        self.exact: dict[str, list[_Entry]] = {}
        self.max_words = 1
        pairs = [(a.strip(), t) for a, t in aliases if a.strip()]
        # Generic words: used in aliases of three or more targets but in no canonical name
        # ("stadsdelsförvaltning", "sdf", "i"): they carry no identity.
        targets_by_word: dict[str, set[str]] = {}
        for alias, target in pairs:
            for w in _loose_words(alias):
                targets_by_word.setdefault(w, set()).add(target)
        in_names = {w + g for name in canonical for w in _loose_words(name) for g in ("", "s")}
        self.generic = {w for w, ts in targets_by_word.items() if len(ts) >= 3} - in_names
        entries: list[_Entry] = []
        for alias, target in pairs:
            entry = _Entry(target, alias, bool(_ACRONYM.match(alias)), len(_sk_words(alias)))
            bucket = self.exact.setdefault(_key(alias), [])
            if all(e.target != target or e.alias != alias for e in bucket):
                bucket.append(entry)
                entries.append(entry)
            self.max_words = max(self.max_words, entry.n_words)
        fuzzy: dict[str, _FuzzyAlias] = {}
        for entry in entries:
            alias = entry.alias
            words = tuple(_loose_words(alias))
            lk = "".join(words)
            if entry.case_sensitive or len(lk) < MIN_FUZZY_LEN:
                continue
            if lk.endswith("s") and _key(alias)[:-1] in self.exact:
                continue  # a genitive alias: windows are tried without their -s anyway
            specific = sum(len(w) for w in words if w not in self.generic)
            head = next((h for h in _HEAD_NOUNS if lk.endswith(h) and len(lk) - len(h) >= 3), "")
            generic = frozenset(i for i, w in enumerate(words) if w in self.generic)
            fa = fuzzy.setdefault(lk, _FuzzyAlias(lk, words, specific, generic, head, []))
            fa.entries.append(entry)
        # (first character, number of words) -> aliases
        self.fuzzy: dict[tuple[str, int], list[_FuzzyAlias]] = {}
        for fa in fuzzy.values():
            if fa.specific_len:
                self.fuzzy.setdefault((fa.key[0], len(fa.words)), []).append(fa)
        self._keys = {b: [fa.key for fa in group] for b, group in self.fuzzy.items()}

        self.prefixes = {k[:j] for k in self.exact for j in range(1, len(k) + 1)}

    def lookup(self, key: str) -> list[_Entry]:
        return self.exact.get(key, [])

    def fuzzy_lookup(self, words: list[str]) -> tuple[float, list[_Entry]] | None:
        """Best fuzzy alias for a run of loose words (see the module doc for the rules)."""
        lk = "".join(words)
        if len(lk) < MIN_FUZZY_LEN:
            return None
        best: tuple[float, list[_Entry]] | None = None
        firsts = (lk[0], VOWEL) if lk[0] == "d" else (lk[0],)
        for first in firsts:
            for n in (len(words), len(words) + 1):
                group = self.fuzzy.get((first, n))
                if not group:
                    continue
                hits = process.extract(
                    lk,
                    self._keys[(first, n)],
                    scorer=fuzz.ratio,
                    score_cutoff=FUZZY_THRESHOLD * 100,
                    limit=5,
                )
                for _, score, idx in hits:
                    fa = group[idx]
                    if _fuzzy_ok(words, lk, fa, score) and (best is None or score / 100 > best[0]):
                        best = (score / 100, fa.entries)
        return best


def _fuzzy_ok(words: list[str], lk: str, fa: _FuzzyAlias, score: float) -> bool:
    # Same extent: at most one extra character, and not the alias with its ending cut off
    # ("Liljeholmsbron", "Kungsholms" are other names built on the stem).
    if not len(fa.key) - max(1, len(fa.key) // 8) <= len(lk) <= len(fa.key) + 1:
        return False
    common = len(os.path.commonprefix([lk, fa.key]))
    if len(fa.key) - common >= 2 and lk[common:] in ("", "s"):
        return False  # the alias cut short: "Kungsholm(s)" is not "Kungsholmen"
    # Edits must fit in the alias's specific part, not be absorbed by generic words.
    distance = (1 - score / 100) * (len(lk) + len(fa.key))
    if distance > (1 - FUZZY_THRESHOLD) * 2 * fa.specific_len + 1e-9:
        return False
    if fa.generic_words and len(words) != len(fa.words):
        return False  # "Farsta sdf" must be printed as two words to be recognised fuzzily
    if len(words) == len(fa.words) and len(words) > 1:
        for i, (w, a) in enumerate(zip(words, fa.words, strict=True)):
            floor = FUZZY_THRESHOLD * 100 if i in fa.generic_words else _WORD_MIN_RATIO
            if fuzz.ratio(w, a) < floor:
                return False
    if fa.head_noun:
        cut = len(fa.head_noun)
        # the window's ending may be one character shorter or longer than the head noun
        tail_len = min(
            (cut, cut - 1, cut + 1), key=lambda c: Levenshtein.distance(lk[-c:], fa.head_noun)
        )
        if Levenshtein.distance(lk[-tail_len:], fa.head_noun) > max(1, cut // 5):
            return False
        head, alias_head = lk[:-tail_len], fa.key[:-cut]
        if len(alias_head) < 4:
            return head == alias_head
        if fuzz.ratio(head, alias_head) < FUZZY_THRESHOLD * 100:
            return False
    return True


@lru_cache(maxsize=65536)
def _known_word(word: str) -> bool:
    return zipf_frequency(word, "sv") >= KNOWN_WORD_ZIPF


def _all_known_words(printed: str) -> bool:
    """True when every word is a correctly spelled Swedish word (so not OCR damage)."""
    words = re.findall(r"[^\W_]+", printed.lower())
    return (
        bool(words)
        and not any(ch.isdigit() for w in words for ch in w)
        and all(_known_word(w) for w in words)
    )


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    entries: tuple[_Entry, ...]
    score: float


def _printed_ok(printed: str, entry: _Entry, needs_capital: bool, genitive: bool) -> bool:
    if entry.case_sensitive:
        core = printed[:-1] if genitive else printed
        return compact(core) == compact(entry.alias)
    if needs_capital:
        return any(m.group()[:1].isupper() for m in re.finditer(r"[^\W\d_]+", printed))
    return True


def _windows(
    text: str,
    sk: str,
    lo: str,
    toks: list[tuple[int, int]],
    joinable: list[bool],
    i: int,
    size: int,
) -> Iterator[tuple[int, tuple[str, ...], tuple[str, ...]]]:
    """Runs of words starting at token i: (last token, skeleton words, loose words).

    A hyphenated line break joins two tokens into one word.
    """
    sk_words: list[str] = []
    lo_words: list[str] = []
    for k in range(i, min(len(toks), i + size)):
        s, e = toks[k]
        if k > i:
            if not joinable[k - 1]:
                return
            if _SOFT_JOIN.search(text, toks[k - 1][1], s):
                sk_words[-1] += sk[s:e]
                lo_words[-1] += lo[s:e]
                yield k, tuple(sk_words), tuple(lo_words)
                continue
        sk_words.append(sk[s:e])
        lo_words.append(lo[s:e])
        yield k, tuple(sk_words), tuple(lo_words)


def _scan(text: str, index: _Index, lowercase_ok: set[str]) -> Iterator[_Hit]:
    """Greedy left-to-right longest matches of `index` aliases in `text`.

    Targets in `lowercase_ok` may be printed in lower case; all others need a word with an
    upper-case initial.
    """
    sk = skeleton(text)
    lo = loose(text)
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(sk)]
    n = len(toks)
    joinable = [bool(_JOINABLE.fullmatch(text, toks[k][1], toks[k + 1][0])) for k in range(n - 1)]
    size = index.max_words + 1
    i = 0
    while i < n:
        start = toks[i][0]
        best: _Hit | None = None
        best_words = 0
        # exact: grow the window while it is still the beginning of some alias
        for k, sw, _lw in _windows(text, sk, lo, toks, joinable, i, size):
            end = toks[k][1]
            variants = _key_variants(sw)
            for variant, genitive in variants:
                entries = [
                    en
                    for en in index.lookup(variant)
                    if _printed_ok(text[start:end], en, en.target not in lowercase_ok, genitive)
                ]
                if entries:
                    best, best_words = _Hit(start, end, tuple(entries), 1.0), len(sw)
                    break
            if not any(v in index.prefixes for v, genitive in variants if not genitive):
                break
        # fuzzy: capitalised names, or a single lower-case förvaltning word; only where it
        # covers more words than the exact match
        first_upper = text[start].isupper()
        fuzzy_best: _Hit | None = None
        fuzzy_size = size if first_upper else 1
        if not first_upper and (not lowercase_ok or toks[i][1] - start < 12):
            fuzzy_size = 0
        for k, _sw, lw in _windows(text, sk, lo, toks, joinable, i, fuzzy_size):
            if not first_upper and (not lowercase_ok or len(lw) > 1 or len(lw[0]) < 12):
                break
            if best is not None and len(lw) <= best_words:
                continue
            candidates = [list(lw)]
            if lw[-1].endswith("s") and len(lw[-1]) > 3:
                candidates.append([*lw[:-1], lw[-1][:-1]])
            window_best: _Hit | None = None
            for cand in candidates:
                found = index.fuzzy_lookup(cand)
                if found is None or (window_best and found[0] <= window_best.score):
                    continue
                score, entries = found
                if score < 1 and _all_known_words(text[start : toks[k][1]]):
                    continue  # correctly spelled other words ("Söderholm", "Konsolen")
                allowed = [en for en in entries if first_upper or en.target in lowercase_ok]
                if allowed:
                    window_best = _Hit(start, toks[k][1], tuple(allowed), score)
            if window_best is not None:  # windows grow: a later hit covers more words
                fuzzy_best = window_best
        if fuzzy_best is not None:
            best = fuzzy_best
        if best is None:
            i += 1
            continue
        yield best
        while i < n and toks[i][0] < best.end:
            i += 1


# --------------------------------------------------------------------------- gazetteer


def _date(s: str) -> dt.date | None:
    s = (s or "").strip()
    return dt.date.fromisoformat(s) if s else None


def _read_csv(name: str) -> list[dict[str, str]]:
    data = resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(data)))


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
                valid_from=_date(r["valid_from"]),
                valid_to=_date(r["valid_to"]),
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
        mention (see "Which names are mentions" in the module docstring). `years`: the
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
            d = self._pick(hit.entries, year, printed)
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


# --------------------------------------------------------------------------- mentions

_ADMIN = r"(?i:stadsdels(?:förvaltning|forvaltning|nämnd|namnd)\w*|sdf|sdn)"
_ADMIN_AFTER = re.compile(
    rf"^s?(?:\s*(?:,|och|samt|&)\s*[A-ZÅÄÖ][\w-]*(?:\s[a-zåäö]+)?){{0,4}}\s+{_ADMIN}\b"
)
_ADMIN_BEFORE = re.compile(rf"\b{_ADMIN}\s+(?:i\s+|för\s+)?$")
_ADMIN_IN = re.compile(rf"(?<![^\W\d_]){_ADMIN}\b")
_AREA_WORD = re.compile(r"(?i:\s*\bstadsdels(?:område|omrade)\w*)")  # "Vantörs stadsdelsområde"
_CONTACT = re.compile(
    # a postal or visiting address, phone, e-mail, web
    r"\bBox\s+\d+|\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+|Besöksadress|Postadress|Telefon\b|"
    r"\bTel\.?\s*:?\s*\d|\bFax\b|E-post|www\.|\.se\b|@|"
    # a letterhead: the document type or page number beside the sender's name (not a dnr:
    # meeting pages print one under every item)
    r"(?-i:Tjänsteutlåtande|TJÄNSTEUTLÅTANDE|Protokollsutdrag|PROTOKOLLSUTDRAG)|"
    r"\bSida\s+\d+\s*\(\s*\d+\s*\)",
    re.IGNORECASE,
)
_CONTACT_REACH = 120  # characters between a name and its address in one contact block


def _administrative(text: str, start: int, end: int) -> bool:
    """The name is printed with an administrative word (see the module docstring)."""
    if _ADMIN_IN.search(text, start, end):
        return True
    if _ADMIN_AFTER.match(text[end : end + 120]):
        return True
    return bool(_ADMIN_BEFORE.search(text[max(0, start - 40) : start]))


def _longer_name(text: str, end: int) -> bool:
    """The name is the first part of a longer proper name (see the module docstring)."""
    if re.match(r"-(?:[^\W\d_]|\s*$|\s)", text[end : end + 2]):
        return True  # "Kista-Husby-Akalla", or a compound broken at its hyphen
    m = re.match(r"s?[ \t]+([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)", text[end : end + 40])
    return m is not None and any(h.start == 0 for h in cue_hits(m.group(1), "place_word"))


# A sender block (letterhead or footer: the förvaltning on one line, its avdelning on the
# next) read as one sentence: the name runs into a capitalised sub-unit without punctuation.
_SENDER_NEXT = re.compile(
    r"^s?[ \t]*\r?\n?[ \t]*(?:Avdelningen|Avdelning|Enheten|Staben|Kansliet|Sektionen|"
    r"[A-ZÅÄÖ][a-zåäö]+enheten|[A-ZÅÄÖ][a-zåäö]+avdelningen)\b"
)


def _in_contact_block(text: str, start: int, end: int) -> bool:
    """The name stands in a letterhead or a footer's contact block (Box, postcode, Telefon,
    Tjänsteutlåtande, Dnr, Sida 1 (3) …): such a marker follows within a short reach, with
    no sentence end in between."""
    window = text[end : end + _CONTACT_REACH]
    if _SENDER_NEXT.match(window):
        return True
    m = _CONTACT.search(window)
    if m is None:
        return False
    between = window[: m.start()]
    if re.search(r"Handläggare|Dnr|Föredragande", between):
        return False  # an item of a meeting page: its handläggare's phone, not an address
    return not re.search(r"[.!?]\s+[A-ZÅÄÖ]", between)


_CITY_OFFICE_FUNDS = frozenset({"LUM", "MUL", "MUST", "FUM", "FoU", "STUDY"})
_FOU_WORD = re.compile(r"\bFoU|forskning", re.IGNORECASE)
MIN_FOU_CUES = 3


def counts_city_offices(text: str) -> bool:
    """Is this a document about FoU money, whose gold counts city offices (fackförvaltningar,
    kontor, units) as mentions? Yes when it names FoU funds or research at least
    ``MIN_FOU_CUES`` times (the genre's decisions name them dozens of times; a meeting page
    or Kommunstyrelsen's utlåtande about something else at most once or twice)."""
    funds = sum(1 for h in cue_hits(text, "fund") if h.value in _CITY_OFFICE_FUNDS)
    return funds + len(_FOU_WORD.findall(text)) >= MIN_FOU_CUES


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
