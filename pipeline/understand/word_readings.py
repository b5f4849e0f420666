"""One word read without its context: the context repair's evidence and its heavy-damage readings.

:class:`WordReadings` holds the Swedish list (wordfreq) and the domain lexicon, and reads a word
no lexicon knows through OCR-weighted edits of known words (:func:`ocr_edits.ocr_cost`):
"Bestka" → "Besöka", "forskningssnknything" → "forskningsanknytning", a compound with a damaged
part ("Lidgesbeskriviing" → "Lägesbeskrivning"), a damaged compound head ("gruppstod" →
"gruppstöd"), two words printed as one ("attarbetet"), and a rare known word that is OCR's
reading of a far commoner one ("atf" → "att"). The context repair
(:class:`pipeline.understand.context_repair.ContextRepairer`) builds on it.
"""

from __future__ import annotations

import math

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from pipeline.lang.domain import DomainLexicon
from pipeline.lang.lexicon import Lexicon, fold
from pipeline.understand.ocr_edits import (
    _ENDINGS,
    _SWEDISH,
    _adds_diacritics,
    _max_cost,
    _split,
    ocr_cost,
)
from pipeline.understand.repair_words import ABBREVIATIONS

__all__ = ["WordReadings"]

# ------------------------------------------------------------------------------ thresholds

MIN_CANDIDATE_ZIPF = 3.0  # a heavy-damage reading must be an ordinary word ...
MIN_DOMAIN_COUNT = 2  # ... or one the domain text uses
LONG_WORD = 9  # from this length on (compounds, inflected forms) ...
MIN_LONG_ZIPF = 2.0  # ... a rarer word is a candidate too
MIN_PART_ZIPF = 3.0  # the known part of a damaged compound
RARE_ZIPF = 3.0  # a known word rarer than this may still be damage of a far commoner one
RARE_MARGIN = 3.0  # ... when the commoner one is this many Zipf units more frequent
REAL_WORD_MIN_PAIRS = 2  # domain pairs supporting the other reading of a real word
PART_MIN = 5  # domain uses of the other spelling of a compound part ...
PART_RATIO = 4  # ... and how many times more often than the printed spelling
DOMAIN_HEAD_MIN = 20  # domain uses of a short compound head read through damage
SWAP_HEADS = 5  # domain compounds ending in the other of å/ä/ö before one is swapped
HEAD_MIN = 2  # domain compounds headed by the other reading of a compound head (times
# 1 + 4 x those headed by the printed part)
AMBIGUITY_GAP = 0.15  # the best reading must beat the next by this much
GLUED_ZIPF = 5.5  # both halves of two words printed as one must be this common ...
GLUED_PART_ZIPF = 3.5  # ... or a function word and a word of 4+ letters this common
# function words that never begin / end a Swedish compound (unlike "till-", "för-", "av-",
# "på-", "in-", "del-"), so that a known word glued to one is two words
GLUE_FIRST = frozenset(
    {"att", "och", "som", "är", "det", "den", "ett", "en", "inte", "de", "vi", "hur"}
)
GLUE_LAST = frozenset(
    {"att", "och", "som", "är", "det", "den", "ett", "inte", "till", "med", "även"}
)
GLUED_RARE_ZIPF = 1.5  # a known word rarer than this may be two words glued ("äratt")
CHEAP_EDIT = 0.9  # a reading this cheap of a word this common ...
CHEAP_ZIPF = 3.5  # ... beats reading an unknown word as a compound of rare parts
UNSURE_SCALE = 1.3  # the edit readings of a word OCR was unsure of may cost this many times more
DAMAGED_SCALE = 1.5  # ... and those of a word on a heavily damaged page
SCALES = {"unsure": UNSURE_SCALE, "damaged": DAMAGED_SCALE}
DAMAGED_RARE_MARGIN = 2.5  # on a damaged page a rare known word is damage of one this much
# (Zipf) commoner within the length's edit budget ("Viren" → "våren", "detts" → "detta")
RARE_CHEAP = 0.45  # ... or, for a reading this cheap (one of OCR's usual confusions) ...
DAMAGED_RARE_CHEAP_MARGIN = 1.5  # ... this much ("förbittring" → "förbättring")
DAMAGED_RARE_COST = 0.85  # ... and at most this dear (OCR's confusions, not any letter)
DAMAGED_WIDE_LEN = 7  # on a damaged page the rarer known words from this length on are readings
DAMAGED_REACH = 3  # on a damaged page a word this many plain edits away may be a reading ...
DAMAGED_REACH_LEN = 7  # ... of a word (or damaged compound part) this long
LONG_ANCHOR = 8  # a known part this long anchors a damaged rest however rare it is
SOLID_SHORT_ZIPF = 5.0  # a three-letter compound part this common is a real part
DAMAGED_KNOWN_COST = 0.6  # a word that splits into known parts: only a reading this cheap


class WordReadings:
    """Reads one word without its context, with the Swedish and domain lexicons."""

    def __init__(self, lexicon: Lexicon, domain: DomainLexicon) -> None:
        self.lex = lexicon
        self.dom = domain
        self._cache: dict[tuple[str, str], tuple[str, str] | None] = {}
        # pure functions of the word and the lexicons, remembered (the same words come back
        # on every page): `_candidates`, `_compound_known`
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

    def _compound_known(self, word: str) -> bool:
        """Whether an unknown word is a known word with an ending, or splits into two or three
        common known parts (a linking s allowed), so that it is a real word, not damage."""
        hit = self._compound_cache.get(word)
        if hit is None:
            hit = (
                self._inflected(word)
                or _split(word, self._part_ok) is not None
                or self._stem_compound(word)
            )
            if len(self._compound_cache) < 100_000:
                self._compound_cache[word] = hit
        return hit

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

    # -------------------------------------------------------------- heavy damage

    def _candidates(
        self, low: str, limit: float | None = None, reach: int = 2, wide: bool = False
    ) -> list[tuple[float, str]]:
        """(score, word) for known words within `reach` edits of `low` (letters folded), best
        first; score is the OCR cost less a small bonus for frequency. `wide` (a damaged
        page) adds the rarer words of seven and eight letters. (Remembered: callers only
        read it.)"""
        ck = (low, limit, reach, wide)
        hit = self._cand_cache.get(ck)
        if hit is None:
            hit = self._find_candidates(low, limit, reach, wide)
            if len(self._cand_cache) < 100_000:
                self._cand_cache[ck] = hit
        return hit

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

    def _heavy(self, low: str, scale: float = 1.0) -> tuple[str, str] | None:
        """(reading, reason) for an unknown word, or None; `scale` widens (an unsure OCR
        word) the cost a reading may have."""
        if len(low) < 3:
            return None
        if any(low.startswith(w) for w in GLUE_FIRST) or any(low.endswith(w) for w in GLUE_LAST):
            glued = self._glued(low)
            if glued is not None:
                return glued, "split"
        if self._compound_known(low):
            # a "compound" of two rare parts ("hes|lut", "skin|dal") that one cheap edit makes
            # a common word ("beslut", "sköndal") is that word
            cheap = None if self._inflected(low) else self._unambiguous(low, CHEAP_EDIT)
            if cheap is not None and self._common(cheap[1]):
                return cheap[1], "ocr-edit"
            return None
        cands = self._candidates(low, _max_cost(len(low)) * scale)
        if cands:
            best = cands[0]
            rival = next((c for c in cands[1:] if fold(c[1]) != fold(best[1])), None)
            if rival is None or rival[0] - best[0] >= AMBIGUITY_GAP:
                return best[1], "ocr-edit"
            return None
        glued = self._glued(low)
        if glued is not None:
            return glued, "split"
        # a compound whose first part is known and whose rest is damaged
        if len(low) < 10:
            return None
        for cut in range(len(low) - 5, 3, -1):
            left, rest = low[:cut], low[cut:]
            link = ""
            if left.endswith("s") and self.lex.zipf(left[:-1]) >= MIN_PART_ZIPF:
                left, link = left[:-1], "s"
            if self.lex.zipf(left) < MIN_PART_ZIPF and self.dom.count(left) < MIN_DOMAIN_COUNT:
                continue
            if len(rest) < 7 or self.known(rest):
                continue
            cands = self._candidates(rest)
            if not cands:
                continue
            best = cands[0]
            rival = next((c for c in cands[1:] if fold(c[1]) != fold(best[1])), None)
            if rival is None or rival[0] - best[0] >= AMBIGUITY_GAP:
                return left + link + best[1], "ocr-compound"
        return self._domain_head(low) or self._two_damaged(low)

    def _domain_head(self, low: str) -> tuple[str, str] | None:
        """A known first part and a short damaged head that is a cheap reading of a word the
        domain uses very often, its first letter perhaps shared with the first part as Swedish
        writes three equal consonants as two ("processtdd" → "process|stöd" → "processtöd")."""
        for cut in range(len(low) - 3, 3, -1):
            left, rest = low[:cut], low[cut:]
            if self.lex.zipf(left) < MIN_PART_ZIPF and self.dom.count(left) < MIN_DOMAIN_COUNT:
                continue
            for head, shared in ((rest, ""), (left[-1] + rest, left[-1])):
                for _, word in self._candidates(head, limit=0.45):
                    if self.dom.count(word) >= DOMAIN_HEAD_MIN and word.startswith(shared):
                        return left + word[len(shared) :], "compound-head"
        return None

    def _two_damaged(self, low: str) -> tuple[str, str] | None:
        """A compound of two parts both damaged ("lidges|beskriviing" → "läges|beskrivning"):
        each part a cheap, unambiguous reading of a common word."""
        if len(low) < 12:
            return None
        best: tuple[float, str] | None = None
        for cut in range(5, len(low) - 5):
            left, rest = low[:cut], low[cut:]
            link = ""
            if left.endswith("s"):
                left, link = left[:-1], "s"
            if len(left) < 4 or self.known(left) or self.known(rest):
                continue
            a = self._unambiguous(left, 0.5)
            b = self._unambiguous(rest, 0.8) if a else None
            if a and b and (best is None or a[0] + b[0] < best[0]):
                best = (a[0] + b[0], a[1] + link + b[1])
        if best is not None and best[0] <= _max_cost(len(low)):
            return best[1], "ocr-compound"
        return None

    def _damaged(self, low: str) -> tuple[str, str] | None:
        """On a heavily damaged page: the cheapest reading of an unknown word as a known word
        or as a compound of a known part and a damaged one ("resultatstyrming" → "resultat|
        styrning", "socjalfonden" → "social|fonden"), even where the printed word splits into
        known parts of its own ("styr|ming"); the reading must be cheap for the word's length
        and clearly cheaper than any other."""
        if len(low) < 6 or any(low.startswith(w) for w in GLUE_FIRST):
            return None
        limit = _max_cost(len(low)) * DAMAGED_SCALE
        solid = self._inflected(low) or _split(low, self._solid_part) is not None
        if solid:
            limit = min(limit, DAMAGED_KNOWN_COST)
        found: dict[str, float] = {}
        # OCR's confusions of several letters each ("ndnm" for "nämn") are more than two
        # plain edits apart: a long word is matched within three
        reach = DAMAGED_REACH if len(low) >= DAMAGED_REACH_LEN else 2
        for score, word in self._candidates(low, limit, reach, wide=True):
            found[word] = min(found.get(word, 9.0), score)
        for cut in range(3, len(low) - 2):
            left, rest = low[:cut], low[cut:]
            for part, other, first in ((left, rest, True), (rest, left, False)):
                stem = part[:-1] if first and part.endswith("s") else part
                if not (self._anchor(stem, solid) or self._anchor(part, solid)):
                    continue
                # after a known part, an s stays ("resultat|styrming"), never read as another
                # letter ("organisation|sniv" is no "kniv")
                keep_s = first and other.startswith("s")
                # a damaged first part keeps its linking s ("stvecklings|arbeten")
                link = "s" if not first and other.endswith("s") and len(other) > 5 else ""
                core = other[:-1] if link else other
                if len(core) < 4 or self.known(core):
                    continue
                part_limit = _max_cost(len(core)) * DAMAGED_SCALE
                core_reach = DAMAGED_REACH if len(core) >= DAMAGED_REACH_LEN else 2
                for score, word in self._candidates(core, part_limit, core_reach)[:3]:
                    if keep_s and not word.startswith("s"):
                        continue
                    if len(word) >= 4 and self._common(word):
                        joined = part + word if first else word + link + part
                        found[joined] = min(found.get(joined, 9.0), score)
        ranked = sorted((v, k) for k, v in found.items() if k != low)
        if not ranked:
            return None
        best = ranked[0]
        rival = next((r for r in ranked[1:] if fold(r[1]) != fold(best[1])), None)
        if rival is not None and rival[0] - best[0] < AMBIGUITY_GAP:
            return None
        if ocr_cost(low, best[1]) > limit:
            return None
        return best[1], "ocr-damaged"

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

    def _common(self, word: str) -> bool:
        return self.lex.zipf(word) >= CHEAP_ZIPF or self.dom.count(word) >= MIN_DOMAIN_COUNT

    def _unambiguous(self, part: str, limit: float) -> tuple[float, str] | None:
        cands = [c for c in self._candidates(part) if ocr_cost(part, c[1]) <= limit]
        if not cands:
            return None
        rival = next((c for c in cands[1:] if fold(c[1]) != fold(cands[0][1])), None)
        if rival is not None and rival[0] - cands[0][0] < AMBIGUITY_GAP:
            return None
        return ocr_cost(part, cands[0][1]), cands[0][1]

    def _glued(self, low: str) -> str | None:
        """Two words OCR printed without the space between: two very common ones ("haett"),
        or a function word that never begins (`GLUE_FIRST`) or ends (`GLUE_LAST`) a Swedish
        compound and a known word of four letters or more ("attarbetet", "kopplattill");
        of several splits the one whose rarer half is commonest."""
        best: tuple[float, str] | None = None
        for cut in range(2, len(low) - 1):
            a, b = low[:cut], low[cut:]
            za, zb = self.lex.zipf(a), self.lex.zipf(b)
            low_z = min(za, zb)
            if low_z < GLUED_ZIPF:
                part = b if a in GLUE_FIRST else a if b in GLUE_LAST else ""
                if len(part) < 4 or self.lex.zipf(part) < GLUED_PART_ZIPF:
                    continue
            if best is None or low_z > best[0]:
                best = (low_z, f"{a} {b}")
        return best[1] if best else None

    def _glued_candidate(self, low: str) -> bool:
        """A known word so rare, and unused in the domain, that it may be two glued words."""
        return len(low) >= 4 and self.lex.zipf(low) < GLUED_RARE_ZIPF and self.dom.count(low) == 0

    def _rare(self, low: str) -> tuple[str, str] | None:
        """A rare known word that is OCR's reading of a far commoner one ("atf" → "att")."""
        z = self.lex.zipf(low)
        if z >= RARE_ZIPF or self.dom.count(low) > 0 or len(low) < 3:
            return None
        for _score, word in self._candidates(low):
            if word == low:
                continue
            if ocr_cost(low, word) <= 0.45 and self.lex.zipf(word) - z >= RARE_MARGIN:
                return word, "ocr-rare"
        return None

    def _damaged_rare(self, low: str) -> tuple[str, str] | None:
        """On a heavily damaged page: a rare known word the domain never uses, read as a far
        commoner word (`DAMAGED_RARE_MARGIN`) within the edit budget of its length ("hven" →
        "även", "milet" → "målet", "detts" → "detta"): on such a page a rare word is likelier
        a common one damaged than itself. Of several such readings the cheapest must be clearly
        cheaper than the next; another form of the printed word ("stads" → "stad") is none."""
        z = self.lex.zipf(low)
        if z >= RARE_ZIPF or self.dom.count(low) > 0 or len(low) < 4:
            return None
        limit = min(_max_cost(len(low)), DAMAGED_RARE_COST)
        ranked = sorted(
            (cost, word)
            for _score, word in self._candidates(low, limit)
            if word != low
            and not (word.startswith(low) or low.startswith(word))
            and (cost := ocr_cost(low, word)) <= limit
            and self.lex.zipf(word) - z
            >= (DAMAGED_RARE_CHEAP_MARGIN if cost <= RARE_CHEAP else DAMAGED_RARE_MARGIN)
        )
        if not ranked:
            return None
        rival = next((r for r in ranked[1:] if fold(r[1]) != fold(ranked[0][1])), None)
        if rival is not None and rival[0] - ranked[0][0] < AMBIGUITY_GAP:
            return None
        return ranked[0][1], "damaged-rare"

    def _head(self, low: str) -> tuple[str, str] | None:
        """A compound whose head part ("…stod") reads better as a domain head ("…stöd")."""
        if len(low) < 7:
            return None
        for k in range(3, min(8, len(low) - 3) + 1):
            head, left = low[-k:], low[:-k]
            stem = left[:-1] if left.endswith("s") and len(left) > 4 else left
            if len(stem) < 4 or (
                self.lex.zipf(stem) < MIN_PART_ZIPF and self.dom.count(stem) < MIN_DOMAIN_COUNT
            ):
                continue
            for alt, _ in self.lex.candidates(fold(head)):
                if alt == head or len(alt) != len(head) or not _adds_diacritics(head, alt):
                    continue
                if self.dom.heads(alt) >= HEAD_MIN * (1 + 4 * self.dom.heads(head)):
                    return left + alt, "compound-head"
        return None

    def _parts(self, low: str) -> tuple[str, str] | None:
        """A compound with a part that the domain spells with å/ä/ö far more often
        ("relationsvaldscentrum", "processtodsprogram": "våld" and "stöd" are the domain's
        words, "vald" and "stod" are not). The part must stand at part boundaries: before it
        the word's start or a known part (a linking s, or a consonant shared with the part as
        in "process|töd"), after it the word's end, an inflection or a known part."""
        n = len(low)
        for i in range(0, n - 3):
            if i and not self._left_ok(low[:i], low[i]):
                continue
            for j in range(n, i + 3, -1):
                sub, right = low[i:j], low[j:]
                if right and not (
                    right in _ENDINGS
                    or self._part_ok(right)
                    or (right[0] == "s" and self._part_ok(right[1:]))
                ):
                    continue
                alt = self._domain_spelling(sub, head=not right and len(sub) >= 5)
                if alt is not None:
                    return low[:i] + alt + right, "compound-part"
        return None

    def _left_ok(self, left: str, nxt: str) -> bool:
        return (
            self._part_ok(left)
            or (left.endswith("s") and self._part_ok(left[:-1]))
            or self._part_ok(left + nxt)
        )

    def _domain_spelling(self, part: str, head: bool = False) -> str | None:
        """The spelling with å/ä/ö added that the domain uses far more often than `part`; as
        the head of a compound also one with another of å/ä/ö ("…värden" → "…vården") when
        many domain compounds end in it and none in the printed part."""
        for alt, _ in self.lex.candidates(fold(part)):
            if len(alt) != len(part) or alt == part:
                continue
            if not _adds_diacritics(part, alt):
                swap = head and all(
                    p == a or (p in _SWEDISH and a in _SWEDISH)
                    for p, a in zip(part, alt, strict=True)
                )
                unused = not self.dom.heads(part) and not self.dom.count(part)
                if swap and unused and self.dom.heads(alt) >= SWAP_HEADS:
                    return alt
                continue
            n_alt, n_part = self.dom.count(alt), self.dom.count(part)
            if n_alt >= PART_MIN and n_alt >= PART_RATIO * (n_part + 1):
                return alt
        return None

    def word(self, low: str, band: str = "") -> tuple[str, str] | None:
        """(reading, reason) for one lower-case word seen without its context, or None.
        `band` is the word's OCR confidence: "unsure", "sure" or "" (none, or in between).
        A sure word is read again only for å/ä/ö lost in a compound part, never through
        edits; an unsure one through dearer edits."""
        ck = (low, band)
        if ck in self._cache:
            return self._cache[ck]
        found: tuple[str, str] | None = None
        if not self.known(low):
            heavy = None
            if band != "sure":
                heavy = self._heavy(low, SCALES.get(band, 1.0))
            if band == "damaged" and heavy is None:
                heavy = self._damaged(low)
            found = heavy or self._head(low) or self._parts(low)
        elif band != "sure":
            found = self._rare(low)
            if found is None and band == "damaged":
                found = self._damaged_rare(low)
            if found is None and self._glued_candidate(low):
                glued = self._glued(low)
                found = (glued, "split") if glued else None
        if len(self._cache) < 100_000:
            self._cache[ck] = found
        return found


def _inner_damage(printed: str) -> bool:
    """A lower-case word with a capital OCR read for ö inside ("socialfSrvaltningen")."""
    rest = printed[1:]
    caps = [c for c in rest if c.isupper()]
    return len(caps) == 1 and caps[0] in "SB" and sum(c.islower() for c in rest) >= 4


def _mode(printed: str, sentence_start: bool) -> str:
    """ "skip" (left as printed), "name" (a capitalised word inside a sentence: perhaps a name)
    or "word"."""
    if len(printed) < 2 or len(printed) > 48 or printed.lower() in ABBREVIATIONS:
        return "skip"
    inner = [c for c in printed[1:] if c.isupper()]
    if printed.isupper() or (inner and not _inner_damage(printed)):
        return "skip"  # acronyms, codes, mixed case
    if printed[:1].isupper() and not sentence_start:
        return "name"
    return "word"
