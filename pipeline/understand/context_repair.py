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

**Where each part lives.** This module runs a page's passes in order (:meth:`ContextRepairer.
repair_lines`) and decides which reading a capitalised word may take. The readings build on
each other, one class a module: the lexicons' evidence (`word_evidence`), damaged compounds
(`compound_readings`), one word without its context (`word_readings`), the readings its
neighbours choose (`context_readings`). The page's words and their neighbours are
`context_tokens`'; place names restored from the gazetteer `context_places`'; the line rules
`context_lines` (every page) and `damaged_lines` (heavily damaged pages); the layout repairs
that need OCR confidences `scan_layout`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from pipeline.lang.domain import DomainLexicon, LexiconRef, get_domain_lexicon, load_learned
from pipeline.lang.lexicon import Lexicon, fold, get_lexicon
from pipeline.records import PageText, Repair
from pipeline.understand.context_lines import digit_one, joined, junk, number_years, sentence_stops
from pipeline.understand.context_places import (
    at_home,
    gazetteer_names,
    gazetteer_reading,
    neighbourhood_homes,
    place_index,
)
from pipeline.understand.context_readings import ContextReadings
from pipeline.understand.context_tokens import (
    Tok,
    after_lower_word,
    neighbour,
    page_tokens,
    token_mode,
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
from pipeline.understand.ocr_edits import _adds_diacritics, _apply_case, ocr_cost
from pipeline.understand.scan_layout import (
    capital_lookalikes,
    close_inner_blanks,
    thousands_spaces,
)
from pipeline.understand.word_evidence import MIN_CANDIDATE_ZIPF

__all__ = [
    "ContextRepairer",
    "context_repair_pages",
    "get_context_repairer",
    "learned_repairer",
]

# ------------------------------------------------------------------------------ thresholds

NAME_MAX_COST = 0.75  # a capitalised word inside a sentence: only a cheap reading ...
NAME_MIN_ZIPF = 4.0  # ... of a common word
NAME_DAMAGED_LEN = 7  # on a damaged page, a capitalised word this long: any common reading
DAMAGED_SHARE = 0.06  # a page whose words are this often unknown is heavily damaged ...
DAMAGED_MIN = 10  # ... (and at least this many): its words are weighed as unsure


class _Page:
    """A page in the word pass: its lines, its words, each word as read out of context, its
    OCR confidences and its text folded (for the gazetteer's districts)."""

    def __init__(
        self,
        lines: list[str],
        toks: list[Tok],
        seen: list[str],
        confidences: Sequence[dict[str, float]],
        default: str,
        folded: str,
    ) -> None:
        self.lines, self.toks, self.seen = lines, toks, seen
        self.confidences, self.default, self.folded = confidences, default, folded

    def band(self, k: int) -> str:
        """Token k's OCR confidence band ("unsure", "sure"), else the page's ("damaged", "")."""
        tok = self.toks[k]
        return _band(self.confidences, tok.line, tok.text.lower()) or self.default

    def around(self, k: int) -> tuple[str | None, str | None]:
        """The words before and after token k, as read out of context."""
        return (
            neighbour(self.toks, k, -1, self.lines, self.seen),
            neighbour(self.toks, k, 1, self.lines, self.seen),
        )


class ContextRepairer(ContextReadings):
    """Repairs a page's lines with the Swedish and domain lexicons."""

    def __init__(
        self,
        lexicon: Lexicon,
        domain: DomainLexicon,
        places: Iterable[str] = (),
        homes: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(lexicon, domain)
        self.places: dict[str, list[str]] = place_index(places)
        self._nordic_page = False  # the page being repaired has Danish or Norwegian words
        #: a neighbourhood -> the folded names of the district it belongs to (and of the
        #: districts that district was made of): "Vårberg" -> ("skarholmen",)
        self.homes: dict[str, tuple[str, ...]] = homes or {}

    # -------------------------------------------------------------- pages

    def repair_lines(
        self, lines: Sequence[str], confidences: Sequence[dict[str, float]] = ()
    ) -> tuple[list[str], list[Repair]]:
        """Repaired lines (one per input line) and the changes made; `confidences` (of an
        OCR page, see :func:`line_confidences`) gives per line each printed word's (lower
        case) OCR confidence."""
        out = list(lines)
        changes: list[Repair] = []
        toks = page_tokens(out)
        damaged = self.damaged(toks)
        self._nordic_page = any(c in "æøÆØ" for line in out for c in line)
        self._line_rules(out, changes, damaged)
        # the line rules seldom change a page: its words are then the ones just found
        known_toks = toks if out == list(lines) else None
        self._word_pass(out, changes, confidences, "damaged" if damaged else "", known_toks)
        if damaged:
            # a hyphen beside a function word, once the word on its other side is read
            # ("stodjei-den" → "stödjer-den" → "stödjer den")
            for i, line in enumerate(out):
                out[i] = lead_colons(damaged_joins(self, line, i, changes), i, changes)
            short_words(self, out, changes)
            inner_stops(self, out, changes)  # "somm. hunnits" → "som. hunnits" → "som hunnits"
        return out, changes

    def damaged(self, toks: Sequence[Tok]) -> bool:
        """Whether a page is heavily damaged: at least `DAMAGED_SHARE` of its lower-case words
        of three letters or more (and `DAMAGED_MIN` of them) are neither known nor compounds of
        known parts. OCR damage clusters by page (a poor scan, a bad font); every word of such
        a page is weighed as a word OCR was unsure of."""
        words = [t.text for t in toks if len(t.text) >= 3 and t.text.isalpha() and t.text.islower()]
        unknown = sum(1 for w in words if not self.known(w) and not self._compound_known(w))
        return unknown >= DAMAGED_MIN and unknown >= DAMAGED_SHARE * len(words)

    def _line_rules(self, out: list[str], changes: list[Repair], damaged: bool) -> None:
        """The line rules that run before the word pass (`context_lines`; on a heavily
        damaged page `damaged_lines` too)."""
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

    def _word_pass(
        self,
        out: list[str],
        changes: list[Repair],
        confidences: Sequence[dict[str, float]],
        default: str,
        toks: list[Tok] | None = None,
    ) -> None:
        """Each word read alone, then with its neighbours; the readings written into `out`
        (`toks`: the words of `out`, when already found)."""
        toks = page_tokens(out) if toks is None else toks
        folded = fold("\n".join(out)) if self.homes else ""
        page = _Page(out, toks, [], confidences, default, folded)
        # neighbours are read as repaired out of context ("anser ait deét" → "ait" between
        # "anser" and "det"), so that a damaged neighbour does not hide the context
        for k, tok in enumerate(toks):
            low = tok.text.lower()
            found = self.word(low, page.band(k)) if low.isalpha() else None
            page.seen.append(found[0] if found and " " not in found[0] else low)
        new_text: dict[int, str] = {}
        for k, tok in enumerate(toks):
            printed, low = tok.text, tok.text.lower()
            found = self._reading(page, k)
            if found is None or found[0] == low:
                continue
            after, reason = found
            new_text[k] = _apply_case(after, printed)
            if (
                token_mode(printed, tok.sentence_start) == "name"
                and (reason == "damaged-rare" or fold(after[0]) != fold(low[0]))
                and after_lower_word(toks, k, out)
            ):
                # after a lower-case word on its line, a capital the reading replaces was
                # damage ("en Hrande organisation" → "en lärande organisation"), as is
                # that of a rare word read as a common one ("för Viren" → "för våren")
                new_text[k] = after
            changes.append(Repair(tok.line, printed, new_text[k], reason))
        by_line: dict[int, list[tuple[Tok, str]]] = {}
        for k, text in new_text.items():
            by_line.setdefault(toks[k].line, []).append((toks[k], text))
        for li, edits in by_line.items():
            line = out[li]
            for tok, text in sorted(edits, key=lambda e: -e[0].start):
                line = line[: tok.start] + text + line[tok.end :]
            out[li] = line

    def _reading(self, page: _Page, k: int) -> tuple[str, str] | None:
        """(reading, reason) for token k of the page, or None to leave it as printed: the
        word read alone (a name only cheaply), else an unknown word read with its
        neighbours, or a known word whose neighbours prefer another reading."""
        tok = page.toks[k]
        printed = tok.text
        low = printed.lower()
        mode = token_mode(printed, tok.sentence_start)
        if mode == "skip" or not (
            printed.isalpha() or all(c.isalpha() or c in "&#@" for c in printed)
        ):
            return None
        dot = page.lines[tok.line][tok.end : tok.end + 1] == "."
        if len(printed) <= 6 and dot and not self.known(low):
            return None  # an abbreviation ("Stadsd.")
        band = page.band(k)
        found = self._alone(printed, mode, band, page.folded)
        if found is not None:
            return found
        if not self.known(low):
            if mode != "word":
                return None
            prev, nxt = page.around(k)
            after = self.short(low, prev, nxt, band)
            if after is not None:
                return after, "context-short"
            after = self.contextual(low, prev, nxt, band)
            return (after, "context-edit") if after is not None else None
        if mode == "name" and self.lex.zipf(low) < MIN_CANDIDATE_ZIPF:
            return None  # a rare word written with a capital: a name
        prev, nxt = page.around(k)
        # a real-word error is read as surely as the word ("stod" at 96+ in the
        # samples' scans): OCR's certainty does not protect a known word
        after = self.real_word(low, prev, nxt, "" if band == "sure" else band)
        if after is not None:
            return after, "context"
        if mode == "word" and not dot:
            after = self.rare_short(low, prev, nxt, band)
            if after is not None:
                return after, "context-short"
        return None

    def _alone(self, printed: str, mode: str, band: str, folded: str) -> tuple[str, str] | None:
        """(reading, reason) for a printed word read without its context: a capitalised word
        inside a sentence only cheaply or as a gazetteer name, a Danish or Norwegian name as
        printed."""
        low = printed.lower()
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
            place = gazetteer_reading(self.places, printed)
            # a printed word the Swedish list knows ("Varberg", a town) is read as the
            # neighbourhood ("Vårberg") only where the page has lost its å/ä/ö or names
            # the neighbourhood's district
            if place is not None and (
                band in ("damaged", "unsure")
                or not self.known(low)
                or at_home(self.homes, place, folded)
            ):
                found = (place.lower(), "gazetteer")
        return found

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


@lru_cache(maxsize=1)
def get_context_repairer() -> ContextRepairer:
    """The process-wide repairer (Swedish list and the shipped domain lexicon)."""
    return ContextRepairer(
        get_lexicon(), get_domain_lexicon(), gazetteer_names(), neighbourhood_homes()
    )


@lru_cache(maxsize=2)
def learned_repairer(ref: LexiconRef) -> ContextRepairer:
    """A repairer over the seed plus a learned lexicon (one per process and digest)."""
    return ContextRepairer(
        get_lexicon(),
        load_learned(ref.path, ref.digest),
        gazetteer_names(),
        neighbourhood_homes(),
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
