"""What the context repair knows of one word: the Swedish list, the domain lexicon and the known
words an OCR-damaged word may be a reading of.

Every repair reading of :mod:`pipeline.understand.compound_readings`,
:mod:`pipeline.understand.word_readings` and :mod:`pipeline.understand.context_readings`
weighs the same evidence, held here by :class:`WordEvidence`:

* whether a word is *known* (wordfreq lists it, or the domain text uses it), or is a real word
  the lists miss: a known word with an ending ("nämnd|s"), a compound of two or three known
  parts ("tillgänglighets|arbete"), or one whose first part is a word's compound stem
  ("föräldra|träffar" of "föräldrar");
* its *candidates*: the known words within two plain edits of it (letters folded), scored by
  :func:`pipeline.understand.ocr_edits.ocr_cost` less a small bonus for frequency, so that
  "Bestka" finds "besöka" and "sammanhaéllen" "sammanhållen";
* whether the best of several readings is *clearly* the best (`AMBIGUITY_GAP` ahead of the
  next one that is no other spelling of it): "bsta" is "bästa" or "böta", and stays as printed.

The candidate pool is the ordinary words (Zipf `MIN_CANDIDATE_ZIPF`, from `LONG_WORD` letters
`MIN_LONG_ZIPF`) and the words the domain uses (`MIN_DOMAIN_COUNT`); a heavily damaged page
may also read the rarer words of seven and eight letters ("utförare", "arbetas").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from pipeline.lang.domain import DomainLexicon
from pipeline.lang.lexicon import Lexicon, fold
from pipeline.understand.ocr_edits import _ENDINGS, _max_cost, _split, ocr_cost

__all__ = ["WordEvidence", "clear_lead", "remembered"]

# ------------------------------------------------------------------------------ thresholds

MIN_CANDIDATE_ZIPF = 3.0  # a heavy-damage reading must be an ordinary word ...
MIN_DOMAIN_COUNT = 2  # ... or one the domain text uses
LONG_WORD = 9  # from this length on (compounds, inflected forms) ...
MIN_LONG_ZIPF = 2.0  # ... a rarer word is a candidate too
DAMAGED_WIDE_LEN = 7  # on a damaged page the rarer known words from this length on are readings
AMBIGUITY_GAP = 0.15  # the best reading must beat the next by this much
CHEAP_ZIPF = 3.5  # a word this common (or used by the domain) is a common word
LONG_ANCHOR = 8  # a known part this long anchors a damaged rest however rare it is
SOLID_SHORT_ZIPF = 5.0  # a three-letter compound part this common is a real part
REMEMBERED = 100_000  # the most answers a repairer remembers per question

_K = TypeVar("_K")
_V = TypeVar("_V")


def remembered(cache: dict[_K, _V], key: _K, compute: Callable[[], _V]) -> _V:
    """`cache[key]`, computed once (a pure function of the word and the lexicons: the same
    words come back on every page); at most `REMEMBERED` answers are kept."""
    hit = cache.get(key)
    if hit is None:
        hit = compute()
        if len(cache) < REMEMBERED:
            cache[key] = hit
    return hit


def clear_lead(ranked: Sequence[tuple[float, str]]) -> bool:
    """Whether the first of `ranked` ((score, word), best first) beats by `AMBIGUITY_GAP` the
    first reading after it that is no other spelling of it (letters folded)."""
    best = ranked[0]
    rival = next((r for r in ranked[1:] if fold(r[1]) != fold(best[1])), None)
    return rival is None or rival[0] - best[0] >= AMBIGUITY_GAP


class WordEvidence:
    """The Swedish and domain lexicons, and what they say of one word."""

    def __init__(self, lexicon: Lexicon, domain: DomainLexicon) -> None:
        self.lex = lexicon
        self.dom = domain
        self._cand_cache: dict[tuple[str, float | None, int, bool], list[tuple[float, str]]] = {}
        self._compound_cache: dict[str, bool] = {}
        by_len: dict[int, list[str]] = {}
        pool: set[str] = set()
        for word, z in lexicon._zipf.items():
            floor = MIN_CANDIDATE_ZIPF if len(word) < LONG_WORD else MIN_LONG_ZIPF
            if z >= floor and word.isalpha() and word.islower():
                pool.add(word)
        for word, n in domain.unigrams.items():
            if n >= MIN_DOMAIN_COUNT and word.isalpha():
                pool.add(word)
        for word in sorted(pool):
            by_len.setdefault(len(word), []).append(word)
        self._by_len = by_len
        self._folded = {k: [fold(w) for w in v] for k, v in by_len.items()}
        # the rarer words of seven and eight letters ("utförare", "arbetas"): readings on a
        # damaged page only, where a damaged word is likelier than a rare one as printed
        wide: dict[int, list[str]] = {}
        for word, z in lexicon._zipf.items():
            if (
                DAMAGED_WIDE_LEN <= len(word) < LONG_WORD
                and MIN_LONG_ZIPF <= z < MIN_CANDIDATE_ZIPF
                and word.isalpha()
                and word.islower()
                and word not in pool
            ):
                wide.setdefault(len(word), []).append(word)
        self._wide = {k: sorted(v) for k, v in wide.items()}
        self._wide_folded = {k: [fold(w) for w in v] for k, v in self._wide.items()}

    # -------------------------------------------------------------- word knowledge

    def known(self, word: str) -> bool:
        return self.lex.zipf(word) > 0 or self.dom.count(word) > 0

    def _prior(self, word: str) -> float:
        """How likely a reading is a priori: Swedish frequency plus domain use."""
        return self.lex.zipf(word) + 0.5 * math.log1p(self.dom.count(word))

    def _common(self, word: str) -> bool:
        return self.lex.zipf(word) >= CHEAP_ZIPF or self.dom.count(word) >= MIN_DOMAIN_COUNT

    def _compound_known(self, word: str) -> bool:
        """Whether an unknown word is a known word with an ending, or splits into two or three
        common known parts (a linking s allowed), so that it is a real word, not damage."""
        return remembered(
            self._compound_cache,
            word,
            lambda: (
                self._inflected(word)
                or _split(word, self._part_ok) is not None
                or self._stem_compound(word)
            ),
        )

    def _stem_compound(self, word: str) -> bool:
        """A compound whose first part is a known word's compound stem, its last letter
        dropped ("föräldra|träffar" of "föräldrar", "flick|grupp" of "flicka"), and whose
        head is a common known word of four letters or more."""
        for cut in range(4, len(word) - 3):
            left, rest = word[:cut], word[cut:]
            if not self._part_ok(rest) or len(rest) < 4:
                continue
            if any(self.lex.zipf(left + c) >= 2.3 for c in "rnae"):
                return True
        return False

    def _inflected(self, word: str) -> bool:
        """A known word of four letters or more with an ending ("nämnd|s")."""
        for ending in _ENDINGS:
            stem = word.removesuffix(ending)
            if stem != word and len(stem) >= 4 and self.known(stem):
                return True
        return False

    def _part_ok(self, part: str) -> bool:
        return len(part) >= 3 and (self.lex.zipf(part) >= 2.3 or self.dom.count(part) >= 2)

    def _solid_part(self, part: str) -> bool:
        """A compound part that is no accident of damage: four letters or more and known
        (three for a common word: "dag", "tid")."""
        if len(part) >= 4:
            return self._part_ok(part)
        return len(part) == 3 and self.lex.zipf(part) >= SOLID_SHORT_ZIPF

    def _anchor(self, part: str, solid: bool = False) -> bool:
        """A known compound part to read a damaged rest against: eight letters or more and
        known, five or more and common, or a very common short word ("dag", "tid")."""
        if len(part) >= LONG_ANCHOR and not solid:
            # a long known part is no accident ("seminarie|tilifille"), unless the printed
            # word is itself a compound of known parts ("implementerings|strategi")
            return self._part_ok(part)
        if len(part) >= 5:
            return self._common(part)
        return len(part) >= 3 and self.lex.zipf(part) >= SOLID_SHORT_ZIPF

    # -------------------------------------------------------------- candidates

    def _candidates(
        self, low: str, limit: float | None = None, reach: int = 2, wide: bool = False
    ) -> list[tuple[float, str]]:
        """(score, word) for known words within `reach` edits of `low` (letters folded), best
        first; score is the OCR cost less a small bonus for frequency. `wide` (a damaged
        page) adds the rarer words of seven and eight letters. (Remembered: callers only
        read it.)"""
        return remembered(
            self._cand_cache,
            (low, limit, reach, wide),
            lambda: self._find_candidates(low, limit, reach, wide),
        )

    def _find_candidates(
        self, low: str, limit: float | None, reach: int, wide: bool
    ) -> list[tuple[float, str]]:
        out: list[tuple[float, str]] = []
        query = fold(low.replace("é", "a"))
        limit = _max_cost(len(low)) if limit is None else limit
        pools = [(self._by_len, self._folded)]
        if wide:
            pools.append((self._wide, self._wide_folded))
        for length in range(max(1, len(low) - 2), len(low) + 2):
            for by_len, folded in pools:
                words = by_len.get(length)
                if not words:
                    continue
                hits = process.extract(
                    query,
                    folded[length],
                    scorer=Levenshtein.distance,
                    score_cutoff=reach,
                    limit=40 if len(low) > 5 else 400,
                )
                for _, _, idx in hits:
                    word = words[idx]
                    cost = ocr_cost(low, word)
                    if cost <= limit:
                        out.append((cost - 0.1 * (self._prior(word) - 4.0), word))
        out.sort()
        return out

    def _unambiguous(self, part: str, limit: float) -> tuple[float, str] | None:
        """(cost, word): the clearly best candidate of `part` that costs at most `limit`."""
        cands = [c for c in self._candidates(part) if ocr_cost(part, c[1]) <= limit]
        if not cands or not clear_lead(cands):
            return None
        return ocr_cost(part, cands[0][1]), cands[0][1]


#: two-letter words that end many compounds: "projektår", "budgetår", "läsår"
_SHORT_HEADS = frozenset({"år"})


def short_head_compound(word: str, common: Callable[[str], bool]) -> bool:
    """A common word with a short head ("projekt|år", "budget|år"): a real compound, which
    no cheap edit should turn into another word ("projektor")."""
    return any(
        word.endswith(head) and len(word) - len(head) >= 4 and common(word[: -len(head)])
        for head in _SHORT_HEADS
    )
