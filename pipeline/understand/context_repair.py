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

**Heavily damaged pages.** OCR damage clusters by page. A page on which `DAMAGED_SHARE` of
the lower-case words are neither known nor compounds of known parts (seed 003: 12.5%; clean
documents: at most 3.3%) is read as damaged: its words without a confidence are weighed as
unsure ones, unknown words may be read as compounds of a known and a damaged part
(`WordReadings._damaged`), long capitalised words as common words, and the line rules of
`pipeline.understand.damaged_lines` read the damage between words. None of this runs on a
clean page.

**Which lexicon.** Born-digital (text-layer) pages are repaired with the shipped seed only;
OCR and transcript pages with the seed plus the domain lexicon learned from the archive's
trustworthy pages (`pipeline.warehouse.lexicon`), handed over as a :class:`LexiconRef`.

Never touched: numbers, amounts, dnr, dates (no letters, or protected), e-mail addresses and
URLs, acronyms and mixed-case codes, and capitalised words inside a sentence (names: the
gazetteers are not asked to vouch for them, so they are left as printed).

Every change is returned as a :class:`pipeline.records.Repair` (line, before, after, reason).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from pipeline import data
from pipeline.lang.domain import DomainLexicon, LexiconRef, get_domain_lexicon, load_learned
from pipeline.lang.lexicon import Lexicon, fold, get_lexicon
from pipeline.records import PageText, Repair
from pipeline.understand.context_lines import (
    _PROTECTED,
    digit_one,
    joined,
    junk,
    number_years,
    sentence_stops,
)
from pipeline.understand.damaged_lines import (
    bracket_i,
    broken_words,
    damaged_joins,
    day_months,
    inner_stops,
    lead_colons,
    lead_specks,
    paragraph_stops,
    short_words,
)
from pipeline.understand.ocr_confidence import _band, line_confidences
from pipeline.understand.ocr_edits import (
    _CONFUSIONS,
    _MULTI,
    _SWEDISH,
    _adds_diacritics,
    _apply_case,
    _max_cost,
    _split,
    inflected,
    ocr_cost,
)
from pipeline.understand.scan_layout import (
    capital_lookalikes,
    close_inner_blanks,
    thousands_spaces,
)
from pipeline.understand.word_readings import (
    MIN_CANDIDATE_ZIPF,
    RARE_ZIPF,
    REAL_WORD_MIN_PAIRS,
    SCALES,
    WordReadings,
    _mode,
)

__all__ = [
    "ContextRepairer",
    "context_repair_pages",
    "get_context_repairer",
    "learned_repairer",
    "line_confidences",
    "ocr_cost",
]

# ------------------------------------------------------------------------------ thresholds

COMMON_DOMAIN = 5  # one supporting pair suffices for a reading the domain uses this often ...
ZIPF_LEAD = 0.8  # ... or that Swedish uses this much more often (Zipf) than the printed word
NAME_MAX_COST = 0.75  # a capitalised word inside a sentence: only a cheap reading ...
NAME_MIN_ZIPF = 4.0  # ... of a common word
NAME_DAMAGED_LEN = 7  # on a damaged page, a capitalised word this long: any common reading
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
DAMAGED_SHARE = 0.06  # a page whose words are this often unknown is heavily damaged ...
DAMAGED_MIN = 10  # ... (and at least this many): its words are weighed as unsure


_TOKEN = re.compile(r"(?<![\w&#@{.\-/])(?:[^\W\d_]|[&#@é])+(?![\w&#@/])")
# personal pronouns: a word after one is read as the verb it is printed as
_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "man", "hen"})
_SENTENCE_END = re.compile(r"[.!?:]\s*$|^\s*(?:-\s*)?$")


class _Tok:
    __slots__ = ("line", "start", "end", "text", "sentence_start")

    def __init__(self, line: int, start: int, end: int, text: str, sentence_start: bool):
        self.line, self.start, self.end, self.text = line, start, end, text
        self.sentence_start = sentence_start


class ContextRepairer(WordReadings):
    """Repairs a page's lines with the Swedish and domain lexicons."""

    def __init__(
        self,
        lexicon: Lexicon,
        domain: DomainLexicon,
        places: Iterable[str] = (),
        homes: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(lexicon, domain)
        self._alt_cache: dict[str, list[str]] = {}
        self.places: dict[str, list[str]] = {}
        for place in places:
            if any(c in _SWEDISH for c in place.lower()) and place.isalpha():
                self.places.setdefault(fold(place), []).append(place)
        self._nordic_page = False  # the page being repaired has Danish or Norwegian words
        #: a neighbourhood -> the folded names of the district it belongs to (and of the
        #: districts that district was made of): "Vårberg" -> ("skarholmen",)
        self.homes: dict[str, tuple[str, ...]] = homes or {}

    # -------------------------------------------------------------- short words

    def short(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """A short unknown word ("fr", "tie", "tifl") read as a common word that fits both
        the OCR damage and the neighbouring words ("fr att" → "för att"); never a word OCR
        was sure of."""
        if not 2 <= len(low) <= 4 or self.known(low) or band == "sure":
            return None
        limit = SHORT_MAX_COST * SCALES.get(band, 1.0)
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
            if word == low or self.lex.zipf(word) < RARE_SHORT_ZIPF or inflected(low, word):
                continue
            support = self.dom.pair(prev, word) + self.dom.pair(word, nxt)
            if support < RARE_SHORT_PAIRS:
                continue
            key = (support, -ocr_cost(low, word), word)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

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
        support = sorted(
            ((self.dom.pair(prev, w) + self.dom.pair(w, nxt), w) for w in close), reverse=True
        )
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

    def _name_ok(self, low: str, after: str, reason: str, band: str = "") -> bool:
        """Whether a capitalised word inside a sentence may be read as `after`: a damaged
        compound part, or a cheap reading of a common word, so that names the lexicons do not
        know stay as printed."""
        if reason in ("compound-part", "compound-head"):
            return True
        if len(after) == len(low) and _adds_diacritics(low, after) and self._common(after):
            return True  # å/ä/ö lost in a word the domain uses ("Anhörigstod" → "Anhörigstöd")
        if (
            band == "damaged"
            and len(low) >= NAME_DAMAGED_LEN
            and (self._common(after) or self.lex.zipf(after) > 0 or reason == "ocr-compound")
        ):
            return True  # on a damaged page a long capitalised word is far likelier damage
        if band == "damaged" and reason == "damaged-rare" and self.lex.zipf(after) >= NAME_MIN_ZIPF:
            return True  # a rare word a cheap edit from a common one ("Viren" → "våren")
        return ocr_cost(low, after) <= NAME_MAX_COST and self.lex.zipf(after) >= NAME_MIN_ZIPF

    def gazetteer(self, printed: str) -> str | None:
        """A name the gazetteer knows with å/ä/ö, printed without them ("Ostberga" →
        "Östberga", "Varberg" → "Vårberg" in a Stockholm document)."""
        for name in self.places.get(fold(printed), ()):
            same_length = name != printed and len(name) == len(printed)
            if same_length and _adds_diacritics(printed.lower(), name.lower()):
                return name
        return None

    def at_home(self, place: str, page: str) -> bool:
        """Whether the page (folded) names the district a neighbourhood belongs to: "Varberg"
        beside "Skärholmens stadsdelsförvaltning" is the neighbourhood Vårberg, not the
        town."""
        return any(re.search(rf"\b{re.escape(d)}", page) for d in self.homes.get(place, ()))

    def real_word(self, low: str, prev: str | None, nxt: str | None, band: str = "") -> str | None:
        """The other reading of a known word when its neighbours strongly prefer it; at the
        start of a line or cell (no word before) also when the domain text uses the other
        reading very often and the printed word never. A word OCR was unsure of needs one
        supporting pair, one it was sure of twice the usual and a reading the domain uses
        far more often."""
        here = self.dom.pair(prev, low) + self.dom.pair(low, nxt)
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
        """The other readings of a known word (remembered: callers only read them)."""
        hit = self._alt_cache.get(low)
        if hit is None:
            hit = self._find_alternatives(low)
            if len(self._alt_cache) < 100_000:
                self._alt_cache[low] = hit
        return hit

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

    # -------------------------------------------------------------- pages

    def repair_lines(
        self, lines: Sequence[str], confidences: Sequence[dict[str, float]] = ()
    ) -> tuple[list[str], list[Repair]]:
        """Repaired lines (one per input line) and the changes made; `confidences` (of an
        OCR page, see :func:`line_confidences`) gives per line each printed word's (lower
        case) OCR confidence."""
        out = list(lines)
        changes: list[Repair] = []
        damaged = self.damaged(self._tokens(out))
        self._nordic_page = any(c in "æøÆØ" for line in out for c in line)
        for i, line in enumerate(out):
            out[i] = number_years(line, i, changes)
        sentence_stops(out, changes, self.lex)
        for i, line in enumerate(out):
            out[i] = digit_one(self, line, i, changes)
            out[i] = joined(self, out[i], i, changes)
            out[i] = junk(self, out[i], i, changes)
        if damaged:
            for i, line in enumerate(out):
                out[i] = damaged_joins(self, lead_specks(line, i, changes), i, changes)
                out[i] = day_months(bracket_i(self, out[i], i, changes), i, changes)
                out[i] = broken_words(self, out[i], i, changes)
            inner_stops(self, out, changes)
            paragraph_stops(self, out, changes)
        toks = self._tokens(out)
        default = "damaged" if damaged else ""
        page_folded = fold("\n".join(out)) if self.homes else ""
        new_text: dict[int, str] = {}
        # neighbours are read as repaired out of context ("anser ait deét" → "ait" between
        # "anser" and "det"), so that a damaged neighbour does not hide the context
        seen: list[str] = []
        for tok in toks:
            low = tok.text.lower()
            band = _band(confidences, tok.line, low) or default
            found = self.word(low, band) if low.isalpha() else None
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
            band = _band(confidences, tok.line, low) or default
            found = self.word(low, band)
            if found is not None and mode == "name" and not self._name_ok(low, *found, band):
                found = None
            if (
                found is not None
                and self._nordic_page
                and printed[:1].isupper()
                and len(found[0]) == len(low)
                and _adds_diacritics(low, found[0])
            ):
                found = None  # a Danish or Norwegian name ("Ungdomsforvaltningen") as printed
            if found is None and printed[:1].isupper():
                place = self.gazetteer(printed)
                # a printed word the Swedish list knows ("Varberg", a town) is read as the
                # neighbourhood ("Vårberg") only where the page has lost its å/ä/ö or names
                # the neighbourhood's district
                if place is not None and (
                    band in ("damaged", "unsure")
                    or not self.known(low)
                    or self.at_home(place, page_folded)
                ):
                    found = (place.lower(), "gazetteer")
            reason = found[1] if found else ""
            after = found[0] if found else None
            if after is None and not self.known(low) and mode == "word":
                prev = _neighbour(toks, k, -1, out, seen)
                nxt = _neighbour(toks, k, 1, out, seen)
                after = self.short(low, prev, nxt, band)
                reason = "context-short"
                if after is None:
                    after = self.contextual(low, prev, nxt, band)
                    reason = "context-edit"
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
                if (
                    mode == "name"
                    and (reason == "damaged-rare" or fold(after[0]) != fold(low[0]))
                    and _after_lower_word(toks, k, out)
                ):
                    # after a lower-case word on its line, a capital the reading replaces was
                    # damage ("en Hrande organisation" → "en lärande organisation"), as is
                    # that of a rare word read as a common one ("för Viren" → "för våren")
                    new_text[k] = after
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
        if damaged:
            # a hyphen beside a function word, once the word on its other side is read
            # ("stodjei-den" → "stödjer-den" → "stödjer den")
            for i, line in enumerate(out):
                out[i] = lead_colons(damaged_joins(self, line, i, changes), i, changes)
            short_words(self, out, changes)
            inner_stops(self, out, changes)  # "somm. hunnits" → "som. hunnits" → "som hunnits"
        return out, changes

    def damaged(self, toks: Sequence[_Tok]) -> bool:
        """Whether a page is heavily damaged: at least `DAMAGED_SHARE` of its lower-case words
        of three letters or more (and `DAMAGED_MIN` of them) are neither known nor compounds of
        known parts. OCR damage clusters by page (a poor scan, a bad font); every word of such
        a page is weighed as a word OCR was unsure of."""
        words = [t.text for t in toks if len(t.text) >= 3 and t.text.isalpha() and t.text.islower()]
        unknown = sum(1 for w in words if not self.known(w) and not self._compound_known(w))
        return unknown >= DAMAGED_MIN and unknown >= DAMAGED_SHARE * len(words)

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


def _vowel_swaps(low: str) -> list[str]:
    """The word with one of its å/ä/ö read as another of them: on a damaged page OCR confuses
    the three ("får" for "för", "träd" for "tråd")."""
    out: list[str] = []
    for i, ch in enumerate(low):
        if ch in _SWEDISH:
            out += [low[:i] + o + low[i + 1 :] for o in _SWEDISH if o != ch]
    return out


def _after_lower_word(toks: list[_Tok], k: int, lines: Sequence[str]) -> bool:
    """Whether token k follows a lower-case word on its own line with only spaces between."""
    if k == 0 or toks[k - 1].line != toks[k].line:
        return False
    prev = toks[k - 1]
    gap = lines[prev.line][prev.end : toks[k].start]
    return prev.text.islower() and not gap.strip()


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


@lru_cache(maxsize=1)
def get_context_repairer() -> ContextRepairer:
    """The process-wide repairer (Swedish list and the shipped domain lexicon)."""
    return ContextRepairer(
        get_lexicon(), get_domain_lexicon(), _gazetteer_names(), _neighbourhood_homes()
    )


def _gazetteer_names() -> list[str]:
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


def _neighbourhood_homes() -> dict[str, tuple[str, ...]]:
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


@lru_cache(maxsize=2)
def learned_repairer(ref: LexiconRef) -> ContextRepairer:
    """A repairer over the seed plus a learned lexicon (one per process and digest)."""
    return ContextRepairer(
        get_lexicon(),
        load_learned(ref.path, ref.digest),
        _gazetteer_names(),
        _neighbourhood_homes(),
    )


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
        ch = [*ch, *capital_lookalikes(fixed, conf), *thousands_spaces(fixed, conf)]
        ch = [*ch, *close_inner_blanks(fixed, conf)]
        out.append(fixed)
        changes.append(tuple(ch))
    return out, changes
