"""Second repair pass: heavy OCR damage, real-word errors and damaged compound heads, chosen
with the domain lexicon's word and word-pair counts.

`repair.repair_text` restores lost å/ä/ö and OCR look-alikes word by word. What it cannot see:

* **Heavier damage** — a word no lexicon knows and no look-alike reading explains
  ("Bestka", "sammanhaéllen", "forskningssnknything", "Lidgesbeskriviing"). Candidates are the
  known words within two edits; :func:`ocr_cost` weighs each edit by how often OCR makes it
  (a → ä is cheap, rn → m, li → h, fi → ä, f → t cost little; an arbitrary letter costs 1).
  A candidate must be cheap for the word's length, common, and clearly better than the next.
* **Real-word errors** — the damaged form is itself a word ("stod" for "stöd", "vald" for
  "våld", "fin" for "än", "na" for "nå", "atf" for "att"). The other reading is taken only when
  the neighbouring words strongly prefer it: the domain lexicon holds the pair with the other
  reading ("tidigt stöd", "våld i", "fler än") and never the pair with the printed word; the
  printed word stays otherwise ("han stod").
* **Damaged compound heads** — "gruppstod": a compound whose last part has a reading that
  heads many domain compounds ("metodstöd", "processtöd") while the printed part heads none.
* A number glued to "ar" ("0-2ar") is "0-2 år".

**OCR confidence.** On an OCR page each word's Tesseract confidence is looked up (the text
cache keeps every word with its confidence): a word Tesseract was unsure of (below
`UNSURE_CONF`) is easier to change — its heavy-damage readings may cost more, and one domain
pair suffices to read a real word the other way — while a word it was sure of (`SURE_CONF` or
more) is harder: an unknown sure word is not re-read through edits (it is a rare word or a
name, not damage), while a known one is judged by its context as any other (real-word errors
such as "stod" for "stöd" are read at 96+ as surely as the word). Measured on the sample
scans (003, 000): every word read at 96 or more was a Swedish word as printed; a third of the
words read at 90–92 were damaged ("Lidgesbeskriviing" 91), and those below 75 nearly all.
Transcripts and text layers have no confidences: their words are weighed as before.

**Which lexicon.** Born-digital (text-layer) pages are repaired with the shipped seed only;
OCR and transcript pages with the seed plus the domain lexicon learned from the archive's
trustworthy pages (`pipeline.warehouse.lexicon`), handed over as a :class:`LexiconRef`.

Never touched: numbers, amounts, dnr, dates (no letters, or protected), e-mail addresses and
URLs, acronyms and mixed-case codes, and capitalised words inside a sentence (names: the
gazetteers are not asked to vouch for them, so they are left as printed).

Every change is returned as a :class:`pipeline.records.Repair` (line, before, after, reason).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from pipeline import data
from pipeline.lang.domain import DomainLexicon, LexiconRef, get_domain_lexicon, load_learned
from pipeline.lang.lexicon import Lexicon, fold, get_lexicon
from pipeline.records import PageText, Repair
from pipeline.understand.repair import ONE_AFTER, ONE_BEFORE

__all__ = [
    "ContextRepairer",
    "context_repair_pages",
    "get_context_repairer",
    "learned_repairer",
    "line_confidences",
    "ocr_cost",
]

# ------------------------------------------------------------------------------ edit costs

_SWEDISH = "åäö"
# (printed, meant) -> cost; single characters and short sequences OCR confuses
_CONFUSIONS: dict[tuple[str, str], float] = {
    ("a", "ä"): 0.2,
    ("a", "å"): 0.2,
    ("o", "ö"): 0.2,
    ("e", "é"): 0.3,
    ("é", "ä"): 0.3,
    ("é", "å"): 0.3,
    ("é", "ö"): 0.3,
    ("é", "e"): 0.5,
    ("d", "ä"): 0.4,
    ("d", "å"): 0.4,
    ("d", "ö"): 0.4,
    ("6", "ö"): 0.2,
    ("&", "ä"): 0.3,
    ("#", "ä"): 0.3,
    ("i", "ä"): 0.4,
    ("i", "l"): 0.4,
    ("l", "i"): 0.4,
    ("1", "i"): 0.3,
    ("1", "l"): 0.3,
    ("l", "1"): 0.5,
    ("f", "t"): 0.4,
    ("t", "f"): 0.4,
    ("h", "n"): 0.5,
    ("n", "h"): 0.5,
    ("c", "e"): 0.5,
    ("e", "c"): 0.5,
    ("s", "a"): 0.7,
    ("t", "ö"): 0.7,
    ("o", "ä"): 0.5,
    ("i", "r"): 0.5,
    ("t", "r"): 0.5,
    ("m", "n"): 0.5,
    ("n", "m"): 0.5,
    ("p", "g"): 0.5,
    ("b", "h"): 0.5,
    ("h", "b"): 0.5,
    ("ti", "ö"): 0.5,
    ("éi", "å"): 0.3,
    ("éi", "ä"): 0.3,
    ("ia", "ä"): 0.3,
    ("di", "ä"): 0.3,
    ("da", "ä"): 0.3,
    ("ii", "ni"): 0.4,
    ("s", "ö"): 0.5,
    ("b", "ö"): 0.5,
    ("rn", "m"): 0.3,
    ("m", "rn"): 0.4,
    ("li", "h"): 0.4,
    ("h", "li"): 0.4,
    ("fi", "ä"): 0.4,
    ("fi", "å"): 0.5,
    ("id", "ä"): 0.4,
    ("aé", "å"): 0.2,
    ("éa", "ä"): 0.2,
    ("ae", "ä"): 0.4,
    ("ii", "n"): 0.4,
    ("ii", "in"): 0.4,
    ("cl", "d"): 0.4,
    ("vv", "w"): 0.4,
    # thin upright glyphs OCR swaps ("syfle"/"syfie" for "syfte", "tifl" for "till")
    ("l", "t"): 0.6,
    ("i", "t"): 0.6,
    ("f", "l"): 0.6,
}
_ENDINGS = frozenset(
    {"s", "en", "et", "er", "ar", "or", "na", "ns", "ens", "ets", "erna", "arna", "ernas", "arnas"}
)
_MULTI = [(a, b, c) for (a, b), c in _CONFUSIONS.items() if len(a) > 1 or len(b) > 1]
_INS_DEL = 1.0
_LOST = 0.7  # an å/ä/ö OCR dropped
_STRAY = 0.5  # a stray mark OCR adds: é ' . , ´ `


def _sub(p: str, w: str) -> float:
    if p == w:
        return 0.0
    cost = _CONFUSIONS.get((p, w))
    if cost is not None:
        return cost
    if w in _SWEDISH and p.isalpha():
        return 0.8  # any letter may be OCR's reading of å/ä/ö
    return 1.0


def ocr_cost(printed: str, word: str) -> float:
    """Weighted edit distance from a printed (damaged) word to a candidate, both lower case:
    OCR's usual confusions cost less than 1; a printed å/ä/ö that the candidate lacks costs 1."""
    n, m = len(printed), len(word)
    inf = float("inf")
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = d[i][j]
            if here == inf:
                continue
            if i < n:
                doubled = i > 0 and printed[i] == printed[i - 1]
                dele = _STRAY if printed[i] in "é'.,´`" or doubled else _INS_DEL
                if printed[i] in _SWEDISH:
                    dele = 1.5  # a printed å/ä/ö is evidence, not noise
                d[i + 1][j] = min(d[i + 1][j], here + dele)
            if j < m:
                ins = _LOST if word[j] in _SWEDISH else _INS_DEL
                d[i][j + 1] = min(d[i][j + 1], here + ins)
            if i < n and j < m:
                d[i + 1][j + 1] = min(d[i + 1][j + 1], here + _sub(printed[i], word[j]))
            for a, b, c in _MULTI:
                if printed.startswith(a, i) and word.startswith(b, j):
                    ii, jj = i + len(a), j + len(b)
                    d[ii][jj] = min(d[ii][jj], here + c)
    return d[n][m]


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
COMMON_DOMAIN = 5  # one supporting pair suffices for a reading the domain uses this often ...
ZIPF_LEAD = 0.8  # ... or that Swedish uses this much more often (Zipf) than the printed word
SWAP_HEADS = 5  # domain compounds ending in the other of å/ä/ö before one is swapped
HEAD_MIN = 2  # domain compounds headed by the other reading of a compound head (times
# 1 + 4 x those headed by the printed part)
NAME_MAX_COST = 0.75  # a capitalised word inside a sentence: only a cheap reading ...
NAME_MIN_ZIPF = 4.0  # ... of a common word
LINE_START_DOMAIN = 10  # at a cell or line start with no word before: domain uses of the
# other reading of a real word (the printed one unused in the domain)
AMBIGUITY_GAP = 0.15  # the best reading must beat the next by this much
SHORT_MAX_COST = 0.8  # a short unknown word: a reading this cheap ...
SHORT_MIN_ZIPF = 4.5  # ... of a word this common, that a domain pair supports
GLUED_ZIPF = 5.5  # both halves of two words printed as one must be this common ...
GLUED_PART_ZIPF = 3.5  # ... or a function word and a word of 4+ letters this common
# function words that never begin / end a Swedish compound (unlike "till-", "för-", "av-",
# "på-", "in-", "del-"), so that a known word glued to one is two words
GLUE_FIRST = frozenset({"att", "och", "som", "är", "det", "den", "ett", "en", "inte", "de", "vi"})
GLUE_JOINED = frozenset(
    {"en", "ett", "av", "den", "det", "och", "att", "som", "i", "är", "till", "även", "dock"}
)
JOINED_LEFT_ZIPF = 3.0  # the word before a hyphen-joined function word must be this common
GLUE_LAST = frozenset({"att", "och", "som", "är", "det", "den", "ett", "inte", "till", "med"})
GLUED_RARE_ZIPF = 1.5  # a known word rarer than this may be two words glued ("äratt")
CHEAP_EDIT = 0.9  # a reading this cheap of a word this common ...
CHEAP_ZIPF = 3.5  # ... beats reading an unknown word as a compound of rare parts
STOP_NEXT_ZIPF = 6.0  # a comma before a capitalised word this common is a full stop
RARE_SHORT_COST = 1.0  # a rare short word: a reading one plain edit away ...
RARE_SHORT_ZIPF = 5.5  # ... of a very common word ...
RARE_SHORT_PAIRS = 1  # ... that the domain pairs with a neighbour this often
UNSURE_CONF = 93.0  # a word Tesseract read below this confidence is easier to change ...
UNSURE_SCALE = 1.3  # ... its edit readings may cost this many times more
SURE_CONF = 96.0  # a word read at this confidence or more is harder to change


def _max_cost(length: int) -> float:
    if length <= 3:
        return 0.45
    if length <= 5:
        return 0.85
    if length <= 8:
        return 1.05
    return 1.45


_TOKEN = re.compile(r"(?<![\w&#@{.\-/])(?:[^\W\d_]|[&#@é])+(?![\w&#@/])")
_PROTECTED = re.compile(
    r"(?<![^\s(<\[\"'])(?:[^\s@]++@\S++|(?:https?://|www\.)\S++"
    r"|[^\s.]++(?:\.[^\s.]++)*?\.(?:se|nu|com|org|eu)\b\S*+)"
)
# personal pronouns: a word after one is read as the verb it is printed as
_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "man", "hen"})
_DIGIT_ONE = re.compile(r"(?<![\w-])([^\W\d_]{3,}) 1 ([a-zåäö]{3,})\b")
_JUNK_CHARS = re.compile(r"[_'‘’`´\\{}|]")
_JUNK_ONLY = re.compile(r"[_'‘’`´\\{}~]{1,2}")
_JUNK_INSIDE = re.compile(r"[^\W\d_][_'‘’`´\\{}|]+[^\W\d_]")
_CHUNK = re.compile(r"(?<!\S)\S+(?!\S)")
_PUNCT_AROUND = re.compile(r"([\"“”(\[]*)(.*?)([.,;:!?)\]”\"]*)", re.DOTALL)
_JOINED = re.compile(r"(?<![\w.@/-])([^\W\d_]{3,})([-.])([a-zåäö]{1,5})(?![\w.@/-])")
_NUMBER_AR = re.compile(r"(?<=\d)(ar|år)\b")
_BOUNDARY = re.compile(r"[.;:!?()\[\]\"”“•|]|\d|\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?:]\s*$|^\s*(?:-\s*)?$")


class _Tok:
    __slots__ = ("line", "start", "end", "text", "sentence_start")

    def __init__(self, line: int, start: int, end: int, text: str, sentence_start: bool):
        self.line, self.start, self.end, self.text = line, start, end, text
        self.sentence_start = sentence_start


def _apply_case(word: str, model: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class ContextRepairer:
    """Repairs a page's lines with the Swedish and domain lexicons."""

    def __init__(self, lexicon: Lexicon, domain: DomainLexicon, places: Iterable[str] = ()) -> None:
        self.lex = lexicon
        self.dom = domain
        self.places: dict[str, list[str]] = {}
        for place in places:
            if any(c in _SWEDISH for c in place.lower()) and place.isalpha():
                self.places.setdefault(fold(place), []).append(place)
        self._cache: dict[tuple[str, str], tuple[str, str] | None] = {}
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

    # -------------------------------------------------------------- word knowledge

    def known(self, word: str) -> bool:
        return self.lex.zipf(word) > 0 or self.dom.count(word) > 0

    def _prior(self, word: str) -> float:
        """How likely a reading is a priori: Swedish frequency plus domain use."""
        return self.lex.zipf(word) + 0.5 * math.log1p(self.dom.count(word))

    def _compound_known(self, word: str) -> bool:
        """Whether an unknown word is a known word with an ending, or splits into two or three
        common known parts (a linking s allowed), so that it is a real word, not damage."""
        return self._inflected(word) or _split(word, self._part_ok) is not None

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

    def _candidates(self, low: str, limit: float | None = None) -> list[tuple[float, str]]:
        """(score, word) for known words within two edits of `low`, best first; score is the
        OCR cost less a small bonus for frequency."""
        out: list[tuple[float, str]] = []
        query = fold(low.replace("é", "a"))
        limit = _max_cost(len(low)) if limit is None else limit
        for length in range(max(1, len(low) - 2), len(low) + 2):
            words = self._by_len.get(length)
            if not words:
                continue
            hits = process.extract(
                query,
                self._folded[length],
                scorer=Levenshtein.distance,
                score_cutoff=2,
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

    def short(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """A short unknown word ("fr", "tie", "tifl") read as a common word that fits both
        the OCR damage and the neighbouring words ("fr att" → "för att"); never a word OCR
        was sure of."""
        if not 2 <= len(low) <= 4 or self.known(low) or band == "sure":
            return None
        limit = SHORT_MAX_COST * (UNSURE_SCALE if band == "unsure" else 1.0)
        best: tuple[int, float, str] | None = None
        for _, word in self._candidates(low, limit=limit):
            if self.lex.zipf(word) < SHORT_MIN_ZIPF:
                continue
            support = self.dom.pair(prev, word) + self.dom.pair(word, nxt)
            if support < 1:
                continue
            key = (support, -ocr_cost(low, word), word)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

    def rare_short(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """A short word that wordfreq knows but rarely ("ait", "elt", "somm", "samir": OCR
        readings of "att", "ett", "som", "samt" are common enough on the web to be listed) and
        the domain text never uses, read as a very common word one edit away that a domain
        pair with a neighbour supports."""
        if not 2 <= len(low) <= 5 or band == "sure" or self.dom.count(low) > 0:
            return None
        if self.lex.zipf(low) >= RARE_ZIPF:
            return None
        best: tuple[int, float, str] | None = None
        for _, word in self._candidates(low, limit=RARE_SHORT_COST):
            if word == low or self.lex.zipf(word) < RARE_SHORT_ZIPF:
                continue
            support = self.dom.pair(prev, word) + self.dom.pair(word, nxt)
            if support < RARE_SHORT_PAIRS:
                continue
            key = (support, -ocr_cost(low, word), word)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

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
                heavy = self._heavy(low, UNSURE_SCALE if band == "unsure" else 1.0)
            found = heavy or self._head(low) or self._parts(low)
        elif band != "sure":
            found = self._rare(low)
            if found is None and self._glued_candidate(low):
                glued = self._glued(low)
                found = (glued, "split") if glued else None
        if len(self._cache) < 100_000:
            self._cache[ck] = found
        return found

    # -------------------------------------------------------------- real words

    def _name_ok(self, low: str, after: str, reason: str) -> bool:
        """Whether a capitalised word inside a sentence may be read as `after`: a damaged
        compound part, or a cheap reading of a common word, so that names the lexicons do not
        know stay as printed."""
        if reason in ("compound-part", "compound-head"):
            return True
        return ocr_cost(low, after) <= NAME_MAX_COST and self.lex.zipf(after) >= NAME_MIN_ZIPF

    def gazetteer(self, printed: str) -> str | None:
        """A name the gazetteer knows with å/ä/ö, printed without them ("Varberg" → "Vårberg"
        in a Stockholm document)."""
        for name in self.places.get(fold(printed), ()):
            same_length = name != printed and len(name) == len(printed)
            if same_length and _adds_diacritics(printed.lower(), name.lower()):
                return name
        return None

    def real_word(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """The other reading of a known word when its neighbours strongly prefer it; at the
        start of a line or cell (no word before) also when the domain text uses the other
        reading very often and the printed word never. A word OCR was unsure of needs one
        supporting pair, one it was sure of twice the usual and a reading the domain uses
        far more often."""
        here = self.dom.pair(prev, low) + self.dom.pair(low, nxt)
        if here > 0 or prev in _SUBJECTS:
            return None  # "han stod": a subject before keeps the verb
        need = {"unsure": 1, "sure": 2 * REAL_WORD_MIN_PAIRS}.get(band, REAL_WORD_MIN_PAIRS)
        best: tuple[int, str] | None = None
        for alt in self._alternatives(low):
            support = self.dom.pair(prev, alt) + self.dom.pair(alt, nxt)
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

    # -------------------------------------------------------------- pages

    def repair_lines(
        self, lines: Sequence[str], confidences: Sequence[dict[str, float]] = ()
    ) -> tuple[list[str], list[Repair]]:
        """Repaired lines (one per input line) and the changes made; `confidences` (of an
        OCR page, see :func:`line_confidences`) gives per line each printed word's (lower
        case) OCR confidence."""
        out = list(lines)
        changes: list[Repair] = []
        for i, line in enumerate(out):
            if _NUMBER_AR.search(line):
                fixed = _NUMBER_AR.sub(" år", line)
                for m in _NUMBER_AR.finditer(line):
                    changes.append(Repair(i, m.group(), " år", "number-year"))
                out[i] = fixed
        _sentence_stops(out, changes, self.lex)
        for i, line in enumerate(out):
            out[i] = self._digit_one(line, i, changes)
            out[i] = self._joined(out[i], i, changes)
            out[i] = self._junk(out[i], i, changes)
        toks = self._tokens(out)
        new_text: dict[int, str] = {}
        # neighbours are read as repaired out of context ("anser ait deét" → "ait" between
        # "anser" and "det"), so that a damaged neighbour does not hide the context
        seen: list[str] = []
        for tok in toks:
            low = tok.text.lower()
            found = self.word(low, _band(confidences, tok.line, low)) if low.isalpha() else None
            seen.append(found[0] if found and " " not in found[0] else low)
        for k, tok in enumerate(toks):
            printed = tok.text
            low = printed.lower()
            mode = _mode(printed, tok.sentence_start)
            if mode == "skip" or not all(c.isalpha() or c in "&#@" for c in printed):
                continue
            dot = out[tok.line][tok.end : tok.end + 1] == "."
            if len(printed) <= 6 and dot and not self.known(low):
                continue  # an abbreviation ("Stadsd.")
            band = _band(confidences, tok.line, low)
            found = self.word(low, band)
            if found is not None and mode == "name" and not self._name_ok(low, *found):
                found = None
            if found is None and printed[:1].isupper():
                place = self.gazetteer(printed)
                if place is not None:
                    found = (place.lower(), "gazetteer")
            reason = found[1] if found else ""
            after = found[0] if found else None
            if after is None and not self.known(low) and mode == "word":
                prev = _neighbour(toks, k, -1, out, seen)
                nxt = _neighbour(toks, k, 1, out, seen)
                after = self.short(low, prev, nxt, band)
                reason = "context-short"
            if after is None and self.known(low):
                if mode == "name" and self.lex.zipf(low) < MIN_CANDIDATE_ZIPF:
                    continue  # a rare word written with a capital: a name
                prev = _neighbour(toks, k, -1, out, seen)
                nxt = _neighbour(toks, k, 1, out, seen)
                # a real-word error is read as surely as the word ("stod" at 96+ in the
                # samples' scans): OCR's certainty does not protect a known word
                after = self.real_word(low, prev, nxt, "" if band == "sure" else band)
                reason = "context"
                if after is None and mode == "word" and not dot:
                    after = self.rare_short(low, prev, nxt, band)
                    reason = "context-short"
            if after is not None and after != low:
                new_text[k] = _apply_case(after, printed)
                changes.append(Repair(tok.line, printed, new_text[k], reason))
        if new_text:
            by_line: dict[int, list[tuple[_Tok, str]]] = {}
            for k, text in new_text.items():
                by_line.setdefault(toks[k].line, []).append((toks[k], text))
            for li, edits in by_line.items():
                line = out[li]
                for tok, text in sorted(edits, key=lambda e: -e[0].start):
                    line = line[: tok.start] + text + line[tok.end :]
                out[li] = line
        return out, changes

    def _junk(self, line: str, line_no: int, changes: list[Repair]) -> str:
        """OCR's specks: a chunk of one or two specks (_ ' ‘ ’ { } …; never "|", which may
        part table cells) between words goes (a signature line "_____" stays);
        specks inside a word go when what is left is a known word or compound, or reads as
        one ("im_plememerings'strategi" → "implementeringsstrategi")."""
        if not _JUNK_CHARS.search(line):
            return line

        def sub(m: re.Match[str]) -> str:
            chunk = m.group()
            if _JUNK_ONLY.fullmatch(chunk):
                changes.append(Repair(line_no, chunk, "", "speck"))
                return ""
            lead, core, tail = _PUNCT_AROUND.fullmatch(chunk).groups()  # type: ignore[union-attr]
            if not _JUNK_INSIDE.search(core):
                return chunk
            word = _JUNK_CHARS.sub("", core)
            if not word.isalpha() or len(word) < 3:
                return chunk
            low = word.lower()
            if not self.known(low) and not self._compound_known(low):
                found = self.word(low)
                if found is None or " " in found[0]:
                    return chunk
                word = _apply_case(found[0], word)
            changes.append(Repair(line_no, core, word, "speck"))
            return lead + word + tail

        fixed = _CHUNK.sub(sub, line)
        return re.sub(r"(?<=\S)  +(?=\S)", " ", fixed).strip() if fixed != line else line

    def _joined(self, line: str, line_no: int, changes: list[Repair]) -> str:
        """Two words OCR joined with a hyphen or a full stop where the space was ("avser-en",
        "tillämpningen-av", "Ett.antal"): a known word, then a function word that no
        hyphenated compound ends in (`GLUE_JOINED`), the pair unknown as one word. Not in
        e-mail addresses and URLs, nor before a full stop ("bl.a.")."""
        protected = [m.span() for m in _PROTECTED.finditer(line)]

        def sub(m: re.Match[str]) -> str:
            left, mark, right = m.group(1), m.group(2), m.group(3)
            if any(a <= m.start() < b for a, b in protected):
                return m.group()
            if right.lower() not in GLUE_JOINED or self.lex.zipf(left.lower()) < JOINED_LEFT_ZIPF:
                return m.group()
            if mark == "." and right.lower() in ("är", "i"):
                return m.group()  # "fil.dr" read "fil.är" by the lexicon pass
            if self.known(f"{left}{mark}{right}".lower()):
                return m.group()
            changes.append(Repair(line_no, m.group(), f"{left} {right}", "split"))
            return f"{left} {right}"

        return _JOINED.sub(sub, line)

    def _digit_one(self, line: str, line_no: int, changes: list[Repair]) -> str:
        """A lone "1" that the lexicon pass kept after a capitalised word ("Språkstöd 1
        utredningar") is "i" when the domain pairs "i" with the next word and neither
        neighbour counts ("Bilaga 1", "1 dag")."""

        def sub(m: re.Match[str]) -> str:
            prev, nxt = m.group(1), m.group(2)
            if fold(prev) in ONE_AFTER or fold(nxt) in ONE_BEFORE:
                return m.group()
            if self.dom.pair("i", nxt) < REAL_WORD_MIN_PAIRS:
                return m.group()
            changes.append(Repair(line_no, "1", "i", "context-digit"))
            return f"{prev} i {nxt}"

        return _DIGIT_ONE.sub(sub, line)

    def _tokens(self, lines: Sequence[str]) -> list[_Tok]:
        toks: list[_Tok] = []
        prev_line = ""
        for i, line in enumerate(lines):
            protected = [m.span() for m in _PROTECTED.finditer(line)]
            start_of_line = bool(_SENTENCE_END.search(prev_line)) or not prev_line.strip()
            for m in _TOKEN.finditer(line):
                if any(a <= m.start() < b for a, b in protected):
                    continue
                before = line[: m.start()]
                if before.strip() in ("", "-"):
                    at_start = start_of_line
                else:
                    at_start = bool(re.search(r"[.!?:]\s*$|\(\s*$|^\s*\d+[.)]\s*$", before))
                toks.append(_Tok(i, m.start(), m.end(), m.group(), at_start))
            if line.strip():
                prev_line = line
        return toks


_COMMA_CAPITAL = re.compile(r"(?<=[^\W\d_]{2})[,;](?=[ ]+([A-ZÅÄÖ][a-zåäö]+)\b|$)")


def _sentence_stops(lines: list[str], changes: list[Repair], lex: Lexicon) -> None:
    """A comma or semicolon OCR read for a full stop: before a capitalised word that is one
    of Swedish's commonest ("…praktik, Det", "…pågår; För"), which begins a sentence and is
    no name; at a line's end the next line's first word decides."""
    for i, line in enumerate(lines):

        def sub(m: re.Match[str], i: int = i) -> str:
            nxt = m.group(1)
            if nxt is None:  # end of the line: the first word of the next one
                follow = lines[i + 1] if i + 1 < len(lines) else ""
                first = re.match(r"\s*([A-ZÅÄÖ][a-zåäö]+)\b", follow)
                nxt = first.group(1) if first else None
            if nxt is None or lex.zipf(nxt.lower()) < STOP_NEXT_ZIPF:
                return m.group()
            changes.append(Repair(i, m.group(), ".", "stop"))
            return "."

        lines[i] = _COMMA_CAPITAL.sub(sub, line)


def _neighbour(
    toks: list[_Tok], k: int, step: int, lines: Sequence[str], seen: Sequence[str]
) -> str | None:
    """The word next to token k (step -1: before, 1: after) as `seen` (read out of context),
    None across punctuation."""
    j = k + step
    if not 0 <= j < len(toks):
        return None
    a, b = (toks[j], toks[k]) if step < 0 else (toks[k], toks[j])
    if a.line == b.line:
        gap = lines[a.line][a.end : b.start]
    elif b.line == a.line + 1:
        gap = lines[a.line][a.end :] + "\n" + lines[b.line][: b.start]
    else:
        return None
    if gap.strip(" \n") or "\n\n" in gap:
        return None
    return seen[j]


def _adds_diacritics(printed: str, word: str) -> bool:
    """Same letters, the candidate only adding å/ä/ö where a/o is printed."""
    return all(
        p == w or (w in _SWEDISH and fold(w) == p) for p, w in zip(printed, word, strict=True)
    )


def _inner_damage(printed: str) -> bool:
    """A lower-case word with a capital OCR read for ö inside ("socialfSrvaltningen")."""
    rest = printed[1:]
    caps = [c for c in rest if c.isupper()]
    return len(caps) == 1 and caps[0] in "SB" and sum(c.islower() for c in rest) >= 4


def _mode(printed: str, sentence_start: bool) -> str:
    """ "skip" (left as printed), "name" (a capitalised word inside a sentence: perhaps a name)
    or "word"."""
    if len(printed) < 2 or len(printed) > 48:
        return "skip"
    inner = [c for c in printed[1:] if c.isupper()]
    if printed.isupper() or (inner and not _inner_damage(printed)):
        return "skip"  # acronyms, codes, mixed case
    if printed[:1].isupper() and not sentence_start:
        return "name"
    return "word"


def _split(word: str, ok: object) -> tuple[str, ...] | None:
    """Two or three parts each accepted by `ok` (a linking s allowed between parts)."""
    check = ok  # typed loosely to keep the helper small

    def parts(rest: str, depth: int) -> tuple[str, ...] | None:
        if check(rest):  # type: ignore[operator]
            return (rest,)
        if depth == 0:
            return None
        for cut in range(len(rest) - 3, 2, -1):
            left = rest[:cut]
            tail = rest[cut:]
            for head in (left, left[:-1] if left.endswith("s") else None):
                if head and check(head):  # type: ignore[operator]
                    more = parts(tail, depth - 1)
                    if more is not None:
                        return (head, *more)
        return None

    return parts(word, 2)


@lru_cache(maxsize=1)
def get_context_repairer() -> ContextRepairer:
    """The process-wide repairer (Swedish list and the shipped domain lexicon)."""
    return ContextRepairer(get_lexicon(), get_domain_lexicon(), _gazetteer_names())


def _gazetteer_names() -> list[str]:
    """District names and aliases of the shipped gazetteer (pipeline/data, its one loader)."""
    names: list[str] = []
    for file, column in (("districts.csv", "name"), ("district_aliases.csv", "alias")):
        if (data.DATA_DIR / file).is_file():
            names += [row[column] for row in data.rows(file) if row.get(column)]
    return names


@lru_cache(maxsize=2)
def learned_repairer(ref: LexiconRef) -> ContextRepairer:
    """A repairer over the seed plus a learned lexicon (one per process and digest)."""
    return ContextRepairer(get_lexicon(), load_learned(ref.path, ref.digest), _gazetteer_names())


_CORE = re.compile(r"^[^\w&#@]+|[^\w&#@]+$")


def line_confidences(raw_text: str, page: PageText) -> list[dict[str, float]]:
    """For each line of an OCR page's text, its words (lower case, punctuation around them
    dropped) with the confidence Tesseract gave them; empty without words. The page's words
    are matched to the text's in reading order, so a word printed twice on a line gets the
    lower of its confidences."""
    lines = raw_text.split("\n")
    out: list[dict[str, float]] = [{} for _ in lines]
    words = page.words if page.source == "ocr" else ()
    at = 0
    for i, line in enumerate(lines):
        for chunk in line.split():
            for j in range(at, min(at + 8, len(words))):
                if words[j].text == chunk:
                    core = _CORE.sub("", chunk).lower()
                    if core:
                        out[i][core] = min(out[i].get(core, 101.0), words[j].conf)
                    at = j + 1
                    break
    return out


def _band(confidences: Sequence[dict[str, float]], line: int, low: str) -> str:
    if line >= len(confidences):
        return ""
    conf = confidences[line].get(low)
    if conf is None:
        return ""
    return "unsure" if conf < UNSURE_CONF else "sure" if conf >= SURE_CONF else ""


def context_repair_pages(
    pages: Sequence[list[str]],
    texts: Sequence[PageText] = (),
    learned: LexiconRef | None = None,
) -> tuple[list[list[str]], list[tuple[Repair, ...]]]:
    """Each page's lines after the context pass, and each page's changes. With `texts` (the
    pages as read), OCR words are weighed by their confidence, and pages that are not
    born-digital are repaired with the `learned` lexicon too."""
    shipped = get_context_repairer()
    out: list[list[str]] = []
    changes: list[tuple[Repair, ...]] = []
    for k, lines in enumerate(pages):
        page = texts[k] if k < len(texts) else None
        rep, conf = shipped, []
        if page is not None:
            conf = line_confidences(page.text.replace("\r\n", "\n"), page)
            if learned is not None and page.source != "text-layer":
                rep = learned_repairer(learned)
        fixed, ch = rep.repair_lines(lines, conf)
        out.append(fixed)
        changes.append(tuple(ch))
    return out, changes
