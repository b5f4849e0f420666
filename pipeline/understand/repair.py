"""Repair OCR'd Swedish text: lost å/ä/ö, OCR look-alikes, bullets, odd whitespace, line breaks.

`repair_text` keeps the line structure: output line *n* comes from input line *n*, so a value
found on a clean line can be traced to the page's raw text by line number.

Rules, in the order they run on each line:

1. Characters: NBSP, thin and other odd spaces and tabs become a plain space; zero-width
   characters go; a soft hyphen inside a line goes, at the end of a line it becomes "-";
   ligatures (ﬁ ﬂ) are spelt out; trailing space is dropped.
2. Bullets at line start (•, ◦, ▪, –, -, private-use symbol-font bullets, and the OCR
   readings "e " / "o " / "¢ " / "«" / "»«" before a capital letter) become "- "
   (`repair_bullets`); specks in a table row and cells glued where a column gap closed are
   undone (`repair_tables`).
3. "1" standing for "i" between words ("innebär 1 det dagliga"), and "|" standing for "I"
   where a sentence begins ("| dialog mellan") (`repair_digits`).
4. Words (`repair_words.WordRepairer`): a word is replaced only by a *known* Swedish word that
   is clearly more frequent than the word as printed. Lost diacritics (a/o for å/ä/ö) are
   restored whenever the restored word is at least `DIACRITIC_MARGIN` Zipf units (≈ 8×)
   more frequent; OCR look-alikes (d, i, é, 6, 4, &, #, @, { for å/ä/ö/f) only in words
   that are themselves rare or unknown. Unknown compounds are split into known parts and
   each part restored. The case pattern of the printed word is kept.
   One context rule: "ar" is "år" after a word that counts or delimits years ("för ar 2015",
   "tre ar", "under ar") or before a year, and "är" elsewhere.
5. Hyphenated line breaks: when a line ends in "word-" and the next line starts with the
   rest of the word, the rest is *moved up* onto the first line (the second line loses its
   first word), keeping one output line per input line. The hyphen is dropped when the
   joined word is a known Swedish word (or a compound of known words), and kept when the
   first part is an abbreviation ("FoU-\\narbetet" → "FoU-arbetet") or the second part is
   capitalised. Otherwise, and before a conjunction of a suspended compound ("forsknings-
   och", "Børne- og"; `pipeline.lang.hyphens`), nothing moves.
6. Bullets OCR dropped, over the page: the unmarked lines under a line that introduces a list
   get "- " (`repair_bullets.restore_lost_bullets`).

Digits inside numbers are never changed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy

from pipeline.lang.hyphens import suspends
from pipeline.lang.lexicon import Lexicon, fold, get_lexicon
from pipeline.understand.repair_bullets import (
    normalise_bullet,
    number_onto_item,
    restore_lost_bullets,
    restore_owner_items,
)
from pipeline.understand.repair_digits import (
    fix_digit_letters,
    fix_number_letters,
    fix_paragraph_sign,
)
from pipeline.understand.repair_tables import (
    CELL_GAP,
    drop_number_specks,
    drop_table_specks,
    split_glued_cells,
)
from pipeline.understand.repair_words import WordRepairer
from pipeline.understand.word_evidence import remembered

__all__ = ["get_repairer", "repair_line", "repair_text"]

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})


#: an accent a typesetter (TeX) drew as a glyph of its own before its letter, as text
#: extraction gives it: "f¨or", "p˚a", "¨ alder" (U+00A8, U+02DA, U+00B4 before a vowel)
_LOOSE_ACCENT = re.compile(r"([\u00a8\u02da\u00b4]) ?([aouAOUeE])")
_COMBINING = {"\u00a8": "\u0308", "\u02da": "\u030a", "\u00b4": "\u0301"}


def _accented(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", m.group(2) + _COMBINING[m.group(1)])


def normalise_chars(line: str) -> str:
    """Odd spaces, zero-width characters, soft hyphens, ligatures and accents set loose."""
    line = _ZERO_WIDTH.sub("", line).translate(_LIGATURES)
    line = _LOOSE_ACCENT.sub(_accented, line)
    line = _SPACES.sub(" ", line)
    line = line.rstrip()
    # (a soft hyphen some extractors show as "¬": "utveck¬" at a line's end, "sam¬ordning")
    line = _SHOWN_SOFT_HYPHEN.sub("\u00ad", line)
    if line.endswith("\u00ad"):
        line = line[:-1] + "-"
    # a Wingdings bullet extracted as the letter of its code ("Ø  våld i nära relationer",
    # "§  Unga vuxna …"; not "§ 12")
    line = _SYMBOL_BULLET.sub("\\1•", line)
    return line.replace("\u00ad", "")


_SHOWN_SOFT_HYPHEN = re.compile(r"(?<=[^\W\d_])¬(?=[^\W\d_]|$)")
# (one text after it: "§  Ärende  Beslut" is a protocol table's header)
_SYMBOL_BULLET = re.compile(r"^(\s*)[Ø§](?=\s{2,}[^\W\d_](?:\S| (?! ))*$)")


#: Swedish 7-bit ASCII (ISO 646-SE) of a mainframe printout: "[", "\\", "]" for Ä, Ö, Å
_SEVEN_BIT = re.compile(r"(?<=[A-Z])[][\\]|[][\\](?=[A-Z])")
_SEVEN_BIT_LETTERS = {"[": "Ä", "\\": "Ö", "]": "Å"}


def seven_bit(line: str) -> str:
    """A line in capitals from a mainframe that printed Swedish in 7-bit ASCII
    ("SOCIALTJ[NSTF\\RVALTNINGEN", "P] LISTAN"): its Ä, Ö and Å."""
    if not _SEVEN_BIT.search(line) or any(c.islower() for c in line):
        return line
    return _SEVEN_BIT.sub(lambda m: _SEVEN_BIT_LETTERS[m.group()], line)


#: the marks of UTF-8 read as Windows-1252 ("FÃ¶rvaltning", "â€“"): an export's mojibake
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€")


def unmojibaked(line: str) -> str:
    """A line of an export whose UTF-8 was read as Windows-1252 ("FÃ¶rvaltning  SkÃ¤rholmen")
    with its characters back (`ftfy.fix_encoding`), each cell where it started, so that a
    table's columns stay where they were printed."""
    if not _MOJIBAKE.search(line):
        return line
    out = ""
    for m in re.finditer(r"\S+(?: \S+)*", line):
        cell = ftfy.fix_encoding(m.group())
        gap = m.start() - len(out)
        out += " " * (gap if gap > 0 else int(bool(out))) + cell
    return out


def undoubled(line: str) -> str:
    """Bold type printed twice, as text extraction gives it ("SSoocciiaallttjjäännsstt",
    "§§  1111"): each cell whose every character stands twice, read once — on a line where
    at least one such cell has words (a number alone may well be "1100")."""
    parts = re.split(r"(\s{3,})", line)
    twice = [
        len(p) >= 4 and len(p) % 2 == 0 and p[0::2] == p[1::2] and p.strip() != "" for p in parts
    ]
    worded = any(t and sum(c.isalpha() for c in p) >= 6 for p, t in zip(parts, twice, strict=True))
    if not worded and not (twice == [True] and line.startswith("§§  ")):  # "§§  1111"
        return line
    return "".join(p[0::2] if t else p for p, t in zip(parts, twice, strict=True))


_LINE_END_HYPHEN = re.compile(r"(?P<word>[^\W\d_][\w]*)-$")
#: (a hyphen after the rest goes up with it: "indi-" ⏎ "vid- och familjeomsorg")
_LINE_START_WORD = re.compile(
    r"^(?P<indent>\s*)(?P<frag>[^\W\d_][\w]*)(?P<punct>-(?=\s)|[.,;:!?)]*)"
)


def join_hyphenated(
    lines: list[str], lex: Lexicon, repairer: WordRepairer, intact: bool = False
) -> None:
    """Move the rest of a word broken at a line-end hyphen up onto the first line. The first
    part was left as printed (`_repair_line`): repaired with its rest, or alone where the two
    do not join ("an-" ⏎ "svar" is "ansvar", not "än" + "svar")."""
    for i in range(len(lines) - 1):
        m = _LINE_END_HYPHEN.search(lines[i])
        if m is None or (m.start() > 0 and lines[i][m.start() - 1] == "-"):
            continue
        left = m.group("word")
        alone = repairer.repair_words(left, sentence_start=False, intact=intact)
        n = _LINE_START_WORD.match(lines[i + 1])
        if (
            CELL_GAP.search(lines[i].strip())  # a table row: the word goes on in its own column
            or n is None
            or _column_below(lines[i], m.start(), lines[i + 1], n.end("indent"))
            or suspends(lines[i + 1], lines[i][: m.end()])
        ):
            lines[i] = lines[i][: m.start()] + alone + "-"
            continue
        frag = n.group("frag")
        abbreviation = sum(c.isupper() for c in left) >= 2 or left.isupper()
        if abbreviation or frag[0].isupper():
            joined = f"{alone}-{frag}"
        else:
            word = left + frag
            repaired = repairer.repair(word)
            known = lex.zipf(repaired) > 0 or repairer._compound(fold(repaired)) is not None
            if not known:
                lines[i] = lines[i][: m.start()] + alone + "-"
                continue
            joined = repaired
        lines[i] = lines[i][: m.start()] + joined + n.group("punct")
        rest = lines[i + 1][n.end() :]
        # a table row keeps its columns where they stand ("elever      280 000    250 000"),
        # an indented line its indent (a wrapped cell: "funktions-" / "nedsättningar i eget
        # boende" under a name column goes on in that column)
        if CELL_GAP.search(rest.strip()):
            lines[i + 1] = " " * n.end() + rest
        else:
            indent = len(lines[i + 1]) - len(lines[i + 1].lstrip(" "))
            lines[i + 1] = " " * indent + rest.lstrip() if rest.strip() else ""


def _column_below(line: str, at: int, below: str, below_start: int) -> bool:
    """Is a word broken at a line-end hyphen alone on its line, far right of where the next
    line starts, with a word of the next line right under it? A table header's cell broken in
    its own column ("Slut-" over "redovisat"), the next line's first word another column's."""
    alone = not line[:at].strip()
    under = re.search(r"(?<!\S)\S", below[max(0, at - 2) : at + 3]) is not None
    return alone and at >= below_start + 8 and under


@lru_cache(maxsize=1)
def get_repairer() -> WordRepairer:
    """The process-wide repairer over the Swedish lexicon."""
    return WordRepairer(get_lexicon())


def repair_line(
    line: str, *, prev_line: str = "", repairer: WordRepairer | None = None, intact: bool = False
) -> str:
    """Repair one line (without the cross-line hyphen join); `intact`: the page shows no
    lost å/ä/ö, so known words keep their printed a/o (`WordRepairer.diacritics_intact`)."""
    rep = repairer or get_repairer()
    prev_end = prev_line.rstrip()[-1:] if prev_line.strip() else ""
    return remembered(
        rep.lines, (line, prev_end, intact), lambda: _repair_line(line, prev_end, rep, intact)
    )


def _repair_line(line: str, prev_end: str, rep: WordRepairer, intact: bool) -> str:
    """`repair_line`, computed: all it depends on is the line, the last character of the
    line before ("" after a blank line) and `intact`."""
    line = normalise_chars(seven_bit(undoubled(unmojibaked(line))))
    line = fix_paragraph_sign(fix_number_letters(normalise_bullet(line)))
    line = drop_table_specks(drop_number_specks(line))
    line = split_glued_cells(line, rep.lex, rep)
    line = fix_digit_letters(line, prev_end)
    sentence_start = prev_end in ("", ".", "!", "?", ":")
    cont = _LINE_START_WORD.match(line) if prev_end == "-" else None
    # "univer-" ⏎ "sitet, vilket …", "ett särskilt an-" ⏎ "svar": the two parts of a broken
    # word are no words of their own (not "sätet", not "än"); they are repaired whole when
    # `join_hyphenated` moves the rest up
    cut = cont.end("frag") if cont is not None and cont.group("frag")[:1].islower() else 0
    end = _LINE_END_HYPHEN.search(line, cut)
    stop = end.start() if end is not None and end.start() > cut else len(line)
    if not cut and stop == len(line):
        return rep.repair_words(line, sentence_start=sentence_start, intact=intact)
    mid = rep.repair_words(line[cut:stop], sentence_start=sentence_start and not cut, intact=intact)
    return line[:cut] + mid + line[stop:]


def repair_text(text: str, repairer: WordRepairer | None = None) -> str:
    """Repair a page of OCR'd Swedish; one output line for every input line."""
    rep = repairer or get_repairer()
    raw_lines = text.split("\n")
    lines: list[str] = []
    prev = ""
    intact = rep.diacritics_intact(text)
    for raw in raw_lines:
        fixed = repair_line(raw.rstrip("\r"), prev_line=prev, repairer=rep, intact=intact)
        lines.append(fixed)
        prev = fixed
    join_hyphenated(lines, rep.lex, rep, intact)
    restore_lost_bullets(lines)
    restore_owner_items(lines)
    number_onto_item(lines)
    return "\n".join(lines)
