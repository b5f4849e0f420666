"""Line rules for heavily damaged pages (see `ContextRepairer.damaged`): how a poor scan breaks
Swedish text between words rather than inside them.

* a hyphen read for the space before or after a function word ("utarbeta-en",
  "tillämpningen-av", "av-professionell", "tre-olika") — on a clean page only after a common
  word, on a damaged page after any known word;
* a full stop read inside a sentence, after a word no sentence ends with ("på. den",
  "och. traineeprogram") or before one that begins none ("arbetet. med");
* a comma read for the full stop that ends a paragraph (the line before a blank line or the
  page's end), or a comma or semicolon for one that ends a sentence (before a capitalised
  common word on the next line);
* a word broken by a stray space ("evidensbaser ad" → "evidensbaserad", "feed- back"): two
  pieces of which the first is no word, whose join is a known word.

* a speck before a word that no closing quote answers ("‘Målet");
* a "[" or "|" read for the pronoun "I" where a sentence begins ("[ärendet beskrivs",
  "[ den"), a hyphen read for the space between a day and its month ("15-maj"), and a
  semicolon read for the colon after a line's first word ("Tema; att leda").

They run only where damage is certain, so that clean text (which never has these shapes
outside abbreviations, "bl.a. och") is left as printed.
"""

from __future__ import annotations

import re

from pipeline.lang.numbers import MONTHS
from pipeline.records import Repair
from pipeline.understand.context_lines import _PROTECTED
from pipeline.understand.ocr_edits import _split, inflected, ocr_cost
from pipeline.understand.word_readings import WordReadings

__all__ = [
    "bracket_i",
    "broken_words",
    "day_months",
    "damaged_joins",
    "inner_stops",
    "lead_colons",
    "lead_specks",
    "paragraph_stops",
    "short_words",
]

# function words that a damaged page joins to their neighbour with a hyphen
FUNCTION_WORDS = frozenset(
    {
        "en",
        "ett",
        "av",
        "den",
        "det",
        "de",
        "och",
        "att",
        "som",
        "är",
        "till",
        "även",
        "dock",
        "med",
        "om",
        "på",
        "för",
        "tre",
        "två",
        "sig",
    }
)
# words a Swedish sentence does not end with: a full stop after one is OCR's speck
NO_END = frozenset(
    {"och", "på", "som", "att", "av", "för", "med", "en", "ett", "den", "det", "de", "till"}
)
BROKEN_TAIL_ZIPF = 5.0  # a short piece this common after a word is a word of its own
NEXT_CAP_ZIPF = 4.5  # a capitalised word this common (as a lower-case word) begins a sentence
_HYPHENED = re.compile(r"(?<![\w.@/-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w.@/-])")
_STOP_LOWER = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.(?= +([a-zåäö][a-zåäö]+)\b|$)")
_END_COMMA = re.compile(r"(?<=[^\W_])[,;]\s*$")
_BROKEN = re.compile(r"(?<![\w.@/-])([^\W\d_]{2,})(-?) (?=([a-zåäö]{2,})(?![\w.@/-]))")


def damaged_joins(rep: WordReadings, line: str, line_no: int, changes: list[Repair]) -> str:
    """Two words joined by a hyphen where one is a function word and the other a known word
    of three letters or more, the hyphenated form unknown: a space. Not between numbers,
    in e-mail addresses or URLs, nor a ranges of number words ("två-tre")."""
    protected = [m.span() for m in _PROTECTED.finditer(line)]

    def sub(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if any(a <= m.start() < b for a, b in protected):
            return m.group()
        lo, ro = left.lower(), right.lower()
        if lo in FUNCTION_WORDS and ro in FUNCTION_WORDS:
            return m.group()  # "två-tre"
        word = ro if lo in FUNCTION_WORDS else lo if ro in FUNCTION_WORDS else ""
        if len(word) < 3 or not rep.known(word) or rep.known(f"{lo}-{ro}"):
            return m.group()
        if left[:1].isupper() and lo not in FUNCTION_WORDS:
            return m.group()  # a name before: "Rose-Marie", "Anna-Karin"
        changes.append(Repair(line_no, m.group(), f"{left} {right}", "split"))
        return f"{left} {right}"

    return _HYPHENED.sub(sub, line)


def inner_stops(rep: WordReadings, lines: list[str], changes: list[Repair]) -> None:
    """A full stop after a word no sentence ends with, or after a known lower-case word and
    before a word no sentence begins with in lower case ("arbetet. med"): the stop goes.
    Abbreviations ("milj. kr", "bl.a. och") are left alone."""
    for i, line in enumerate(lines):
        nxt_line = lines[i + 1] if i + 1 < len(lines) else ""

        def sub(m: re.Match[str], i: int = i, nxt_line: str = nxt_line) -> str:
            word, follow = m.group(1), m.group(2)
            if follow is None:  # the stop ends the line: the next line's first word
                first = re.match(r"\s*([a-zåäö][a-zåäö]+)\b", nxt_line)
                follow = first.group(1) if first else None
            if follow is None:
                return m.group()
            low = word.lower()
            if low not in NO_END and not (
                len(low) >= 4 and rep.known(low) and follow in NO_END and word.islower()
            ):
                return m.group()
            changes.append(Repair(i, m.group(), word, "stop"))
            return word

        lines[i] = _STOP_LOWER.sub(sub, line)


def paragraph_stops(rep: WordReadings, lines: list[str], changes: list[Repair]) -> None:
    """A comma at a line's end before a blank line or the page's end, or a comma or
    semicolon before a line that begins with a capitalised common word, is the full stop
    that ends the sentence ("ca;" before a list of sums stays)."""
    for i, line in enumerate(lines):
        m = _END_COMMA.search(line)
        if m is None or line.lstrip().startswith(("-", "•", "|")):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt.strip() or m.group().startswith(";"):
            first = re.match(r"\s*([A-ZÅÄÖ][a-zåäö]+)\b", nxt)
            if first is None or rep.lex.zipf(first.group(1).lower()) < NEXT_CAP_ZIPF:
                continue
        changes.append(Repair(i, m.group().strip(), ".", "stop"))
        lines[i] = line[: m.start()] + "."


def broken_words(rep: WordReadings, line: str, line_no: int, changes: list[Repair]) -> str:
    """Two pieces parted by a stray space (or "- "), the first no word and the second a short
    one that is no common word, whose join is a known word or a compound of known parts: one
    word ("evidensbaser ad")."""

    def sub(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(3)
        lo = left.lower()
        if rep.known(lo) or len(right) > 3 or rep.lex.zipf(right) >= BROKEN_TAIL_ZIPF:
            return m.group()  # a word, then a word of its own ("praktik och", "inom barn")
        joined = lo + right
        if not (rep.known(joined) or rep._inflected(joined) or _split(joined, rep._solid_part)):
            return m.group()
        changes.append(Repair(line_no, m.group() + right, left + right, "join"))
        return left  # the space goes; the second piece follows as printed

    return _BROKEN.sub(sub, line)


# the commonest short words of the domain, which a poor scan damages most ("fr", "fof",
# "f61", "{61" for "för"; "it", "åt" for "är"; "sont", "s0m" for "som"; "nied" for "med")
SHORT_WORDS = (
    "för",
    "är",
    "och",
    "att",
    "som",
    "samt",
    "med",
    "från",
    "på",
    "till",
    "ett",
    "en",
    "det",
    "den",
    "man",
    "hur",
    "mer",
    "gå",
    "kunna",
    "finns",
)
SHORT_DOMAIN_COUNT = 20  # ... and the short words the domain text uses this often
SHORT_MAX_COST = 1.3  # a reading of a damaged short word may cost this much ...
SHORT_PAIRS = 1  # ... and a domain pair with a neighbour must support it
KNOWN_PAIRS = 2  # a known word is read as another only with this many supporting pairs
UNSUPPORTED_COST = 0.8  # an unknown short word without pairs: a reading this cheap ...
UNSUPPORTED_GAP = 0.3  # ... and this much cheaper than any other
_LOOK = str.maketrans({"0": "o", "6": "ö", "8": "ö", "3": "ö", "1": "i", "{": "f", "[": "i"})
_CHUNK_CORE = re.compile(r"^([(\"“”']*)(.*?)([.,;:!?)\"”']*)$")
_WORDISH = re.compile(r"^[a-zåäöé0-9{\[¢]{1,6}$")


def _short_words(rep: WordReadings) -> tuple[str, ...]:
    """The listed short words and every short word the domain text uses very often."""
    cached = getattr(rep, "_short_words_cache", None)
    if cached is None:
        common = sorted(
            w
            for w, n in rep.dom.unigrams.items()
            if n >= SHORT_DOMAIN_COUNT and 2 <= len(w) <= 6 and w.isalpha()
        )
        cached = tuple(dict.fromkeys((*SHORT_WORDS, *common)))
        rep._short_words_cache = cached  # type: ignore[attr-defined]
    return cached


def short_words(rep: WordReadings, lines: list[str], changes: list[Repair]) -> None:
    """A short damaged word (letters OCR read as digits or symbols allowed: "f61", "s0m")
    that is no common word where it stands, read as one of the domain's commonest short
    words that a domain pair with a neighbour supports and the printed word has none of."""
    for i, line in enumerate(lines):
        chunks = line.split(" ")
        cores = [_CHUNK_CORE.match(c) for c in chunks]
        words = [m.group(2).lower() if m else "" for m in cores]
        for k, m in enumerate(cores):
            if m is None or not _WORDISH.match(words[k]) or words[k].isdigit():
                continue
            core = m.group(2)
            if core[:1].isupper() and len(core) > 1:
                continue  # a name or an acronym
            prev = words[k - 1] if k and not cores[k - 1].group(3) else None  # type: ignore[union-attr]
            nxt = words[k + 1] if k + 1 < len(words) and not m.group(3) else None
            low = words[k]
            here = rep.dom.pair(prev, low) + rep.dom.pair(low, nxt)
            known = low.isalpha() and rep.known(low)
            if here or (known and rep.lex.zipf(low) >= 4.0 and rep.dom.count(low) >= 20):
                continue
            reading = low.translate(_LOOK).replace("¢", "f")
            best: tuple[int, float, str] | None = None
            costs: list[tuple[float, str]] = []
            for word in _short_words(rep):
                if word == low or (known and inflected(low, word)):
                    continue  # "stads" is no damaged "stad"
                cost = ocr_cost(reading, word)
                if cost > SHORT_MAX_COST:
                    continue
                costs.append((cost, word))
                support = rep.dom.pair(prev, word) + rep.dom.pair(word, nxt)
                if support < (KNOWN_PAIRS if known else SHORT_PAIRS):
                    continue
                if best is None or (support, -cost) > (best[0], -best[1]):
                    best = (support, cost, word)
            costs.sort()
            # no pair either way: an unknown short word one cheap reading from exactly one
            alone = len(costs) == 1 or (
                len(costs) > 1 and costs[1][0] - costs[0][0] >= UNSUPPORTED_GAP
            )
            if best is None and not known and alone and costs[0][0] <= UNSUPPORTED_COST:
                best = (0, costs[0][0], costs[0][1])
            if best is None:
                continue
            word = best[2]
            if core[:1].isupper():
                word = word.capitalize()
            changes.append(Repair(i, core, word, "context-short"))
            chunks[k] = m.group(1) + word + m.group(3)
        lines[i] = " ".join(chunks)


_LEAD_SPECK = re.compile(r"(?<!\S)[‘'`´_]+(?=[^\W\d_])(?![^\s]*[’'`´])")


def lead_specks(line: str, line_no: int, changes: list[Repair]) -> str:
    """A speck before a word (‘, ', `, ´ or _) that no closing quote answers goes
    ("‘Målet", "‘brukardelaktighet.")."""

    def sub(m: re.Match[str]) -> str:
        changes.append(Repair(line_no, m.group(), "", "speck"))
        return ""

    return _LEAD_SPECK.sub(sub, line)


# "[" or "|" where a sentence begins (the line's start, or after . ! ? and a space), before a
# lower-case word, glued to it or not
_BRACKET_I = re.compile(r"(?:^|(?<=[.!?] ))(\s*)[\[|] ?(?=([a-zåäö]+)\b)")
_DAY_MONTH = re.compile(rf"(?<![\d-])(\d{{1,2}})-({'|'.join(MONTHS)})\b")


def bracket_i(rep: WordReadings, line: str, line_no: int, changes: list[Repair]) -> str:
    """A "[" or "|" before a known lower-case word where a sentence begins is the pronoun "I"
    ("[ärendet beskrivs" → "I ärendet beskrivs"); never in a table row (two bars or more)."""
    if line.count("|") > 1:
        return line

    def sub(m: re.Match[str]) -> str:
        if not rep.known(m.group(2)):
            return m.group()
        changes.append(Repair(line_no, m.group().strip(), "I", "context-i"))
        return m.group(1) + "I "

    return _BRACKET_I.sub(sub, line)


def day_months(line: str, line_no: int, changes: list[Repair]) -> str:
    """A day joined to its month by a hyphen ("daterat 15-maj 2013") is "15 maj"."""

    def sub(m: re.Match[str]) -> str:
        changes.append(Repair(line_no, m.group(), f"{m.group(1)} {m.group(2)}", "split"))
        return f"{m.group(1)} {m.group(2)}"

    return _DAY_MONTH.sub(sub, line)


_LEAD_SEMICOLON = re.compile(r"^(\s*[A-ZÅÄÖ][a-zåäö]+);(?= \S)")


def lead_colons(line: str, line_no: int, changes: list[Repair]) -> str:
    """A semicolon after a line's first word, before more text, is the colon of a label
    ("Tema; att kommunicera", "Avslutningsdag; januari 2015"): Swedish sets no semicolon
    after a single word."""
    m = _LEAD_SEMICOLON.match(line)
    if m is None:
        return line
    changes.append(Repair(line_no, m.group(1) + ";", m.group(1) + ":", "stop"))
    return m.group(1) + ":" + line[m.end() :]
