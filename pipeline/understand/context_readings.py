"""Readings the neighbouring words choose: real-word errors and short or ambiguous damaged words.

:class:`ContextReadings` weighs a word's readings by the domain lexicon's word pairs with the
words before and after it (read out of context first, so that a damaged neighbour does not
hide the context):

* **Real-word errors** — the damaged form is itself a word ("stod" for "stöd", "vald" for
  "våld", "fin" for "än", "na" for "nå", "atf" for "att"). The other reading is taken only when
  the neighbouring words strongly prefer it: the domain lexicon holds the pair with the other
  reading ("tidigt stöd", "våld i", "fler än") and never the pair with the printed word; the
  printed word stays otherwise ("han stod"). At the start of a line or cell, where no word
  stands before, a reading the domain uses very often and the printed word never is taken.
* **Short unknown words** ("fr att" → "för att", "tifl" → "till") and short rare words the
  domain never uses ("ait", "elt", "somm": OCR readings of "att", "ett", "som" common enough on
  the web to be listed): a common word a cheap edit away that a domain pair supports.
* **Ambiguous unknown words** with two or more near-equal readings ("bsta": "bästa" or "böta";
  "hgsten": "hösten" or "hästen"), which the word alone leaves as printed: the one reading a
  domain pair supports ("till bästa möjliga", "under hösten"); on a heavily damaged page, where
  no pair supports any, the one far commoner than the others.

A word Tesseract was sure of is never read through edits here; a known word it was sure of
needs twice the pairs (`REAL_WORD_MIN_PAIRS`), one it was unsure of a single pair.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.lang.domain import DomainLexicon
from pipeline.lang.lexicon import Lexicon, fold
from pipeline.understand.ocr_edits import (
    _CONFUSIONS,
    _MULTI,
    _SWEDISH,
    _adds_diacritics,
    _max_cost,
    _split,
    inflected,
    ocr_cost,
)
from pipeline.understand.word_evidence import MIN_CANDIDATE_ZIPF, remembered
from pipeline.understand.word_readings import RARE_ZIPF, SCALES, WordReadings

__all__ = ["REAL_WORD_MIN_PAIRS", "ContextReadings"]

# ------------------------------------------------------------------------------ thresholds

REAL_WORD_MIN_PAIRS = 2  # domain pairs supporting the other reading of a real word
COMMON_DOMAIN = 5  # one supporting pair suffices for a reading the domain uses this often ...
ZIPF_LEAD = 0.8  # ... or that Swedish uses this much more often (Zipf) than the printed word
LINE_START_DOMAIN = 10  # at a cell or line start with no word before: domain uses of the
# other reading of a real word (the printed one unused in the domain)
SHORT_MAX_COST = 0.8  # a short unknown word: a reading this cheap ...
SHORT_MIN_ZIPF = 4.5  # ... of a word this common, that a domain pair supports
RARE_SHORT_COST = 1.0  # a rare short word: a reading one plain edit away ...
RARE_SHORT_ZIPF = 5.5  # ... of a very common word ...
RARE_SHORT_PAIRS = 1  # ... that the domain pairs with a neighbour this often
CONTEXT_CANDIDATES = 6  # an unknown word's near-equal readings that the context may choose ...
CONTEXT_GAP = 0.3  # ... among: those this close to the best
CONTEXT_ZIPF_LEAD = 2.0  # without pairs, on a damaged page: a reading this much commoner ...
CONTEXT_SHORT = 7  # ... of a word this short that is no inflection or compound of known parts

# personal pronouns: a word after one is read as the verb it is printed as
_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "man", "hen"})


class ContextReadings(WordReadings):
    """Reads a word with its neighbours, with the Swedish and domain lexicons."""

    def __init__(self, lexicon: Lexicon, domain: DomainLexicon) -> None:
        super().__init__(lexicon, domain)
        self._alt_cache: dict[str, list[str]] = {}

    def _support(self, prev: str | None, word: str, nxt: str | None) -> int:
        """The domain pairs `word` makes with the words before and after it."""
        return self.dom.pair(prev, word) + self.dom.pair(word, nxt)

    def _best_supported(
        self, low: str, words: Iterable[str], prev: str | None, nxt: str | None, need: int
    ) -> str | None:
        """Of `words`, the one with the most domain pairs with its neighbours (at least
        `need`); of equally supported ones the cheapest reading of `low`, the first found."""
        best: tuple[int, float, str] | None = None
        for word in words:
            support = self._support(prev, word, nxt)
            if support < need:
                continue
            key = (support, -ocr_cost(low, word), word)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

    # -------------------------------------------------------------- short words

    def short(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """A short unknown word ("fr", "tie", "tifl") read as a common word that fits both
        the OCR damage and the neighbouring words ("fr att" → "för att"); never a word OCR
        was sure of."""
        if not 2 <= len(low) <= 4 or self.known(low) or band == "sure":
            return None
        limit = SHORT_MAX_COST * SCALES.get(band, 1.0)
        words = (
            w for _, w in self._candidates(low, limit=limit) if self.lex.zipf(w) >= SHORT_MIN_ZIPF
        )
        return self._best_supported(low, words, prev, nxt, 1)

    def rare_short(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """A short word that wordfreq knows but rarely ("ait", "elt", "somm", "samir": OCR
        readings of "att", "ett", "som", "samt" are common enough on the web to be listed) and
        the domain text never uses, read as a very common word one edit away that a domain
        pair with a neighbour supports."""
        if not 2 <= len(low) <= 5 or band == "sure" or self.dom.count(low) > 0:
            return None
        if self.lex.zipf(low) >= RARE_ZIPF:
            return None
        words = (
            w
            for _, w in self._candidates(low, limit=RARE_SHORT_COST)
            if not (w == low or self.lex.zipf(w) < RARE_SHORT_ZIPF or inflected(low, w))
        )
        return self._best_supported(low, words, prev, nxt, RARE_SHORT_PAIRS)

    def contextual(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """An unknown word with two or more near-equal readings ("bsta": "bästa" or "böta";
        "hgsten": "hösten" or "hästen"), which the word alone leaves as printed: the one
        reading a domain pair with a neighbour supports ("till bästa möjliga", "under hösten"),
        when no other close reading has support; on a damaged page, where no pair supports any,
        the one far commoner than the others. A word that splits into known parts is read so
        only on a damaged page; never a word OCR was sure of."""
        if len(low) < 4 or band == "sure" or self.known(low):
            return None
        if band != "damaged" and self._compound_known(low):
            return None
        limit = _max_cost(len(low)) * SCALES.get(band, 1.0)
        cands = self._candidates(low, limit)
        if not cands:
            return None
        close = [w for score, w in cands[:CONTEXT_CANDIDATES] if score - cands[0][0] < CONTEXT_GAP]
        support = sorted(((self._support(prev, w, nxt), w) for w in close), reverse=True)
        if support[0][0] >= 1 and (len(support) == 1 or support[1][0] == 0):
            return support[0][1]
        if (
            band == "damaged"
            and not any(n for n, _ in support)
            and len(low) <= CONTEXT_SHORT
            and not self._inflected(low)
            and _split(low, self._solid_part) is None
        ):
            # no pair either way: on a damaged page a far commoner reading ("samit": "samt",
            # not the name "samir") is taken
            ranked = sorted(close, key=self.lex.zipf, reverse=True)
            lead = self.lex.zipf(ranked[0]) - max((self.lex.zipf(w) for w in ranked[1:]), default=0)
            if lead >= CONTEXT_ZIPF_LEAD:
                return ranked[0]
        return None

    # -------------------------------------------------------------- real words

    def real_word(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """The other reading of a known word when its neighbours strongly prefer it; at the
        start of a line or cell (no word before) also when the domain text uses the other
        reading very often and the printed word never. A word OCR was unsure of needs one
        supporting pair, one it was sure of twice the usual and a reading the domain uses
        far more often."""
        here = self._support(prev, low, nxt)
        if here > 0 or prev in _SUBJECTS:
            return None  # "han stod": a subject before keeps the verb
        need = {"unsure": 1, "damaged": 1, "sure": 2 * REAL_WORD_MIN_PAIRS}.get(
            band, REAL_WORD_MIN_PAIRS
        )
        best: tuple[int, str] | None = None
        alts = self._alternatives(low)
        swaps = [w for w in _vowel_swaps(low) if w not in alts and self.known(w)]
        if band == "damaged":
            alts, swaps = alts + swaps, []
        for alt in alts + swaps:
            if alt in swaps:
                # another of å/ä/ö than the one printed (or restored by the lexicon pass,
                # "Vagar" → "Vågar" where the domain writes "Vägar"): off a damaged page
                # only where no word stands before and the domain uses it, never the print
                line_start = prev is None and best is None and band != "sure"
                used = self.dom.count(alt) >= LINE_START_DOMAIN and self.dom.count(low) == 0
                if line_start and used:
                    best = (0, alt)
                continue
            support = self._support(prev, alt, nxt)
            n_alt, n_low = self.dom.count(alt), self.dom.count(low)
            strong = support >= need and n_alt > 3 * n_low
            lead = self.lex.zipf(alt) - self.lex.zipf(low)
            common = (
                band != "sure"
                and support >= 1
                and n_low == 0
                and (n_alt >= COMMON_DOMAIN or (n_alt >= 1 and lead >= ZIPF_LEAD))
            )
            if strong or common:
                if best is None or support > best[0]:
                    best = (support, alt)
            elif (
                band != "sure"
                and prev is None
                and _adds_diacritics(low, alt)
                and self.dom.count(alt) >= LINE_START_DOMAIN
                and self.dom.count(low) == 0
                and best is None
            ):
                best = (0, alt)
        return best[1] if best else None

    def _alternatives(self, low: str) -> list[str]:
        """The other readings of a known word (remembered: callers only read them)."""
        return remembered(self._alt_cache, low, lambda: self._find_alternatives(low))

    def _find_alternatives(self, low: str) -> list[str]:
        alts = [
            w
            for w, _ in self.lex.candidates(fold(low))
            if w != low and len(w) == len(low) and _adds_diacritics(low, w)
        ]
        for a, b, _ in _MULTI:
            at = low.find(a)
            if at >= 0:
                w = low[:at] + b + low[at + len(a) :]
                if w != low and self.known(w) and w not in alts:
                    alts.append(w)
        for i, ch in enumerate(low):
            for (p, w_ch), cost in _CONFUSIONS.items():
                if p == ch and len(w_ch) == 1 and cost <= 0.4:
                    w = low[:i] + w_ch + low[i + 1 :]
                    if w != low and self.lex.zipf(w) >= MIN_CANDIDATE_ZIPF and w not in alts:
                        alts.append(w)
        return alts


def _vowel_swaps(low: str) -> list[str]:
    """The word with one of its å/ä/ö read as another of them: on a damaged page OCR confuses
    the three ("får" for "för", "träd" for "tråd")."""
    out: list[str] = []
    for i, ch in enumerate(low):
        if ch in _SWEDISH:
            out += [low[:i] + o + low[i + 1 :] for o in _SWEDISH if o != ch]
    return out
