"""Line rules of the context repair: OCR damage read from a line's characters rather than from
one word — a number glued to "ar" ("0-2ar" → "0-2 år"), a comma read for a full stop, a lone
"1" read for "i", two words joined by a hyphen or a full stop ("avser-en"), and OCR's specks
between and inside words ("im_plememerings'strategi").
"""

from __future__ import annotations

import re

from pipeline.lang.lexicon import Lexicon, fold
from pipeline.records import Repair
from pipeline.understand.context_readings import REAL_WORD_MIN_PAIRS
from pipeline.understand.ocr_edits import _apply_case
from pipeline.understand.repair_digits import ONE_AFTER, ONE_BEFORE
from pipeline.understand.word_readings import WordReadings

__all__ = ["digit_one", "joined", "junk", "number_years", "sentence_stops"]

GLUE_JOINED = frozenset(
    {"en", "ett", "av", "den", "det", "och", "att", "som", "i", "är", "till", "även", "dock"}
)
JOINED_LEFT_ZIPF = 3.0  # the word before a hyphen-joined function word must be this common
STOP_NEXT_ZIPF = 6.0  # a comma before a capitalised word this common is a full stop
_PROTECTED = re.compile(
    r"(?<![^\s(<\[\"'])(?:[^\s@]++@\S++|(?:https?://|www\.)\S++"
    r"|[^\s.]++(?:\.[^\s.]++)*?\.(?:se|nu|com|org|eu)\b\S*+)"
)
_DIGIT_ONE = re.compile(r"(?<![\w-])([^\W\d_]{3,}) 1 ([a-zåäö]{3,})\b")
_JUNK_CHARS = re.compile(r"[_'‘’`´\\{}|]")
_JUNK_ONLY = re.compile(r"[_'‘’`´\\{}~]{1,2}")
_JUNK_INSIDE = re.compile(r"[^\W\d_][_'‘’`´\\{}|]+[^\W\d_]")
_CHUNK = re.compile(r"(?<!\S)\S+(?!\S)")
_PUNCT_AROUND = re.compile(r"([\"“”(\[]*)(.*?)([.,;:!?)\]”\"]*)", re.DOTALL)
_JOINED = re.compile(r"(?<![\w.@/-])([^\W\d_]{3,})([-.])([a-zåäö]{1,5})(?![\w.@/-])")
_NUMBER_AR = re.compile(r"(?<=\d)(ar|år)\b")


def number_years(line: str, line_no: int, changes: list[Repair]) -> str:
    """A number glued to "ar" or "år" ("0-2ar") is the number and "år"."""
    if not _NUMBER_AR.search(line):
        return line
    for m in _NUMBER_AR.finditer(line):
        changes.append(Repair(line_no, m.group(), " år", "number-year"))
    return _NUMBER_AR.sub(" år", line)


def junk(rep: WordReadings, line: str, line_no: int, changes: list[Repair]) -> str:
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
            return "\x00"  # (the gap it leaves is closed below)
        lead, core, tail = _PUNCT_AROUND.fullmatch(chunk).groups()  # type: ignore[union-attr]
        if not _JUNK_INSIDE.search(core):
            return chunk
        word = _JUNK_CHARS.sub("", core)
        if not word.isalpha() or len(word) < 3:
            return chunk
        low = word.lower()
        if not rep.known(low) and not rep._compound_known(low):
            found = rep.word(low)
            if found is None or " " in found[0]:
                return chunk
            word = _apply_case(found[0], word)
        changes.append(Repair(line_no, core, word, "speck"))
        return lead + word + tail

    fixed = _CHUNK.sub(sub, line)
    if fixed == line:
        return line
    # a speck's own gap closes; the gaps between a table's columns stay as printed
    return re.sub(r" ?\x00 ?", " ", fixed).replace("\x00", "").strip()


def joined(rep: WordReadings, line: str, line_no: int, changes: list[Repair]) -> str:
    """Two words OCR joined with a hyphen or a full stop where the space was ("avser-en",
    "tillämpningen-av", "Ett.antal"): a known word, then a function word that no
    hyphenated compound ends in (`GLUE_JOINED`), the pair unknown as one word. Not in
    e-mail addresses and URLs, nor before a full stop ("bl.a.")."""
    protected = [m.span() for m in _PROTECTED.finditer(line)]

    def sub(m: re.Match[str]) -> str:
        left, mark, right = m.group(1), m.group(2), m.group(3)
        if any(a <= m.start() < b for a, b in protected):
            return m.group()
        if right.lower() not in GLUE_JOINED or rep.lex.zipf(left.lower()) < JOINED_LEFT_ZIPF:
            return m.group()
        if mark == "." and right.lower() in ("är", "i"):
            return m.group()  # "fil.dr" read "fil.är" by the lexicon pass
        if rep.known(f"{left}{mark}{right}".lower()):
            return m.group()
        changes.append(Repair(line_no, m.group(), f"{left} {right}", "split"))
        return f"{left} {right}"

    return _JOINED.sub(sub, line)


def digit_one(rep: WordReadings, line: str, line_no: int, changes: list[Repair]) -> str:
    """A lone "1" that the lexicon pass kept after a capitalised word ("Språkstöd 1
    utredningar") is "i" when the domain pairs "i" with the next word and neither
    neighbour counts ("Bilaga 1", "1 dag")."""

    def sub(m: re.Match[str]) -> str:
        prev, nxt = m.group(1), m.group(2)
        if fold(prev) in ONE_AFTER or fold(nxt) in ONE_BEFORE:
            return m.group()
        if rep.dom.pair("i", nxt) < REAL_WORD_MIN_PAIRS:
            return m.group()
        changes.append(Repair(line_no, "1", "i", "context-digit"))
        return f"{prev} i {nxt}"

    return _DIGIT_ONE.sub(sub, line)


_COMMA_CAPITAL = re.compile(r"(?<=[^\W\d_]{2})[,;](?=[ ]+([A-ZÅÄÖ][a-zåäö]+)\b|$)")


def sentence_stops(lines: list[str], changes: list[Repair], lex: Lexicon) -> None:
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
