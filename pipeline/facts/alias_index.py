"""How printed names are matched to the gazetteer's aliases: the alias index and the scan
over running text that :class:`~pipeline.facts.districts.Gazetteer` uses.

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
  chosen from the damaged/near-miss tables in ``tests/facts/test_districts.py``.
* ``score`` is 1.0 for a key match and the loose ratio (0..1) for a fuzzy one.

"""

from __future__ import annotations

import itertools
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from pipeline.lang.fuzzy import VOWEL, compact, loose, skeleton

FUZZY_THRESHOLD = 0.86
MIN_FUZZY_LEN = 8
KNOWN_WORD_ZIPF = 2.0


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


def _other_word(printed: str, alias: str, genitive: bool) -> bool:
    """A printed word with å/ä/ö of its own that the name has not, itself a Swedish word:
    "Första" is no "Farsta" (OCR loses those letters, it does not add them)."""
    core = printed[:-1] if genitive else printed
    return (
        any(c in "åäöÅÄÖ" for c in core)
        and fold_vowels(compact(core)) != fold_vowels(compact(alias))
        and _all_known_words(core)
    )


def fold_vowels(s: str) -> str:
    return s.lower().translate(_DIACRITICS)


_DIACRITICS = str.maketrans("åäöé", "aaoe")


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
    toks: Sequence[tuple[int, int]],
    joinable: Sequence[bool],
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


@lru_cache(maxsize=16)
def _prepared(
    text: str,
) -> tuple[str, str, tuple[tuple[int, int], ...], tuple[bool, ...]]:
    """A text's skeleton, loose form, word tokens and which neighbours may join; the same
    text is scanned for districts and then for organisations."""
    sk = skeleton(text)
    lo = loose(text)
    toks = tuple((m.start(), m.end()) for m in _TOKEN.finditer(sk))
    joinable = tuple(
        bool(_JOINABLE.fullmatch(text, toks[k][1], toks[k + 1][0])) for k in range(len(toks) - 1)
    )
    return sk, lo, toks, joinable


def _scan(text: str, index: _Index, lowercase_ok: set[str]) -> Iterator[_Hit]:
    """Greedy left-to-right longest matches of `index` aliases in `text`.

    Targets in `lowercase_ok` may be printed in lower case; all others need a word with an
    upper-case initial.
    """
    sk, lo, toks, joinable = _prepared(text)
    n = len(toks)
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
                    and not _other_word(text[start:end], en.alias, genitive)
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
