"""One word read without its context: the context repair's readings of heavy OCR damage.

:class:`WordReadings` reads a word no lexicon knows through OCR-weighted edits of known words
(:func:`pipeline.understand.ocr_edits.ocr_cost`), and a rare known word as damage of a far
commoner one:

* **heavy damage** — "Bestka" → "Besöka", "forskningssnknything" → "forskningsanknytning": the
  cheapest known word within the edit budget of the word's length, clearly cheaper than the
  next (:func:`pipeline.understand.word_evidence.clear_lead`); a compound with a known first
  part and a damaged rest ("Lidgesbeskriviing" → "Lägesbeskrivning"), and the damaged
  compounds of :mod:`pipeline.understand.compound_readings`;
* **two words printed as one** ("attarbetet", "kopplattill", "haett"): a function word that
  never begins (`GLUE_FIRST`) or ends (`GLUE_LAST`) a Swedish compound, or two very common
  words;
* **rare known words** that are OCR's reading of a far commoner one ("atf" → "att"; on a
  heavily damaged page also "Viren" → "våren", "detts" → "detta");
* **heavily damaged pages** (see `ContextRepairer.damaged`): a word is read as a known word or
  as a compound of a known and a damaged part even where it splits into known parts of its own
  ("resultatstyrming" → "resultat|styrning"), within three plain edits when it is long.

A word's OCR confidence (its band: "unsure", "sure", "damaged" or "") scales what a reading may
cost (`SCALES`); a word Tesseract was sure of is never read through edits. The readings chosen
by the neighbouring words are :class:`pipeline.understand.context_readings.ContextReadings`'.
"""

from __future__ import annotations

from pipeline.lang.domain import DomainLexicon
from pipeline.lang.lexicon import Lexicon
from pipeline.understand.compound_readings import MIN_PART_ZIPF, CompoundReadings
from pipeline.understand.ocr_edits import _max_cost, _split, ocr_cost
from pipeline.understand.word_evidence import REMEMBERED, clear_lead, short_head_compound

__all__ = ["WordReadings"]

# ------------------------------------------------------------------------------ thresholds

RARE_ZIPF = 3.0  # a known word rarer than this may still be damage of a far commoner one
RARE_MARGIN = 3.0  # ... when the commoner one is this many Zipf units more frequent
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
CHEAP_EDIT = 0.9  # a reading this cheap of a common word (`_common`) beats reading an
# unknown word as a compound of rare parts
UNSURE_SCALE = 1.3  # the edit readings of a word OCR was unsure of may cost this many times more
DAMAGED_SCALE = 1.5  # ... and those of a word on a heavily damaged page
SCALES = {"unsure": UNSURE_SCALE, "damaged": DAMAGED_SCALE}
DAMAGED_RARE_MARGIN = 2.5  # on a damaged page a rare known word is damage of one this much
# (Zipf) commoner within the length's edit budget ("Viren" → "våren", "detts" → "detta")
RARE_CHEAP = 0.45  # ... or, for a reading this cheap (one of OCR's usual confusions) ...
DAMAGED_RARE_CHEAP_MARGIN = 1.5  # ... this much ("förbittring" → "förbättring")
DAMAGED_RARE_COST = 0.85  # ... and at most this dear (OCR's confusions, not any letter)
DAMAGED_REACH = 3  # on a damaged page a word this many plain edits away may be a reading ...
DAMAGED_REACH_LEN = 7  # ... of a word (or damaged compound part) this long
DAMAGED_KNOWN_COST = 0.6  # a word that splits into known parts: only a reading this cheap


class WordReadings(CompoundReadings):
    """Reads one word without its context, with the Swedish and domain lexicons."""

    def __init__(self, lexicon: Lexicon, domain: DomainLexicon) -> None:
        super().__init__(lexicon, domain)
        self._cache: dict[tuple[str, str], tuple[str, str] | None] = {}

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
        if len(self._cache) < REMEMBERED:
            self._cache[ck] = found
        return found

    def _heavy(self, low: str, scale: float = 1.0) -> tuple[str, str] | None:
        """(reading, reason) for an unknown word, or None; `scale` widens (an unsure OCR
        word) the cost a reading may have."""
        if len(low) < 3:
            return None
        if any(low.startswith(w) for w in GLUE_FIRST) or any(low.endswith(w) for w in GLUE_LAST):
            glued = self._glued(low)
            if glued is not None:
                return glued, "split"
        if short_head_compound(low, self._common):
            return None  # "projekt|år": a common word and a short head, no damage
        if self._compound_known(low):
            # a "compound" of two rare parts ("hes|lut", "skin|dal") that one cheap edit makes
            # a common word ("beslut", "sköndal") is that word
            cheap = None if self._inflected(low) else self._unambiguous(low, CHEAP_EDIT)
            if cheap is not None and self._common(cheap[1]):
                return cheap[1], "ocr-edit"
            return None
        cands = self._candidates(low, _max_cost(len(low)) * scale)
        if cands:
            return (cands[0][1], "ocr-edit") if clear_lead(cands) else None
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
            if not self._known_part(left) or len(rest) < 7 or self.known(rest):
                continue
            cands = self._candidates(rest)
            if cands and clear_lead(cands):
                return left + link + cands[0][1], "ocr-compound"
        return self._domain_head(low) or self._two_damaged(low)

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
        if not ranked or not clear_lead(ranked) or ocr_cost(low, ranked[0][1]) > limit:
            return None
        return ranked[0][1], "ocr-damaged"

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
        if not ranked or not clear_lead(ranked):
            return None
        return ranked[0][1], "damaged-rare"
