"""Table rows OCR damaged: specks between a row's cells, doubled full stops after an item
number, and two cells read as one word where a narrow column gap closed.

A scanned table keeps its columns as runs of three or more spaces (`CELL_GAP`), and the
readers of stage 3 split its rows at them; OCR's damage to that layout is repaired here, in
place, so that every cell keeps its column:

* a lone dash read between a row's number and its first cell ("3 — Stöd till") or glued to
  the left of a header cell ("Antal  — Beviljat (kr)") becomes blank space; a dash standing
  for an empty cell ("340 000     –     ") has a column gap on both sides and stays;
* a speck where a column gap closed up ("Digitala tjänster inom = Social-") becomes the gap;
* an item number's full stop doubled by specks ("2...  Outnyttjade medel") is one full stop;
* two known words glued where a gap closed ("(medsökandeMotiverande samtal") are two cells.

Lines not laid out in columns are left as printed (prose has "-" and "=" of its own).
"""

from __future__ import annotations

import re

from pipeline.lang.lexicon import Lexicon, fold
from pipeline.understand.repair_words import WordRepairer

__all__ = ["CELL_GAP", "drop_number_specks", "drop_table_specks", "split_glued_cells"]

# the gap between two cells of a row laid out in columns
CELL_GAP = re.compile(r"\S\s{3,}\S")

# A speck OCR reads between a table row's number and its first cell ("3 — Stöd till",
# "4 - Barnrättsbaserad", "3  - Långvarigt", "5   -Kvinnojourernas"), or glued to the left
# of a header cell ("Antal  — Beviljat (kr)"): a lone dash with a column gap on one side and
# a single space on the other, in a line laid out in columns. A dash standing for an empty
# cell ("340 000     –     ") has a column gap on both sides (or ends the line).
_ROW_NO_SPECK = re.compile(
    r"^(?P<no>\s*\d{1,2}[.)]?)(?P<gap>\s+)[-–—](?:\s(?=[A-ZÅÄÖ])|(?=[A-ZÅÄÖ]))"
)
_CELL_SPECK = re.compile(r"(?<=\S)(?P<gap>\s{2,})[-–—](?=\s[A-ZÅÄÖ][^\W\d_])")
_GAP_SPECK = re.compile(r"(?<=[^\W\d_]) [=~_¢«»] (?=[^\W\d_])")
_GAP_SPECK_STRICT = re.compile(r"(?<=[^\W\d_]) [=¢] (?=[^\W\d_])")


# specks OCR reads after an item's number ("2...  Outnyttjade medel", "3,.  Nämnden"): the
# number's full stop stands alone before a capital
_NUMBER_SPECKS = re.compile(r"^(?P<no>\s*\d{1,2})(?P<specks>[.,:;]{2,3})(?=\s+[A-ZÅÄÖ])")


def drop_number_specks(line: str) -> str:
    """An item number's full stop doubled by specks ("2...") is one full stop."""
    m = _NUMBER_SPECKS.match(line)
    if m is None or "." not in m.group("specks"):
        return line
    return m.group("no") + "." + " " * (len(m.group("specks")) - 1) + line[m.end() :]


def drop_table_specks(line: str) -> str:
    """Dashes that are OCR specks between a table row's cells become blank space (so every
    cell keeps its column)."""
    if not CELL_GAP.search(line):
        if line.startswith("    "):
            # a table's continuation line, indented to its column ("   (medsökande Farsta =
            # försörjningsstöd för unga"): only "=" and "¢", never a word's sign in prose
            line = _GAP_SPECK_STRICT.sub(lambda m: " " * len(m.group(0)), line)
        return line
    m = _ROW_NO_SPECK.match(line)
    if m is not None and CELL_GAP.search(line[m.end() :]):
        line = m.group("no") + " " * (m.end() - m.end("no")) + line[m.end() :]
    if len(CELL_GAP.findall(line)) >= 2:
        line = _CELL_SPECK.sub(lambda m: " " * len(m.group(0)), line)
        # a speck standing where a column gap closed up ("Digitala tjänster inom = Social-
        # förvaltningen    Institutet för    480"): the gap it stands in
        line = _GAP_SPECK.sub(lambda m: " " * len(m.group(0)), line)
    return line


_GLUED_CELLS = re.compile(
    r"(?<![\w-])(?P<left>\(?[A-ZÅÄÖ]?[a-zåäö]{5,})(?P<right>[A-ZÅÄÖ][a-zåäö]{2,})"
)


def split_glued_cells(line: str, lex: Lexicon, repairer: WordRepairer | None = None) -> str:
    """Two cells OCR read as one word where a narrow column gap closed ("Södermalm
    (medsökandeMotiverande samtal    360 000"): in a line laid out in columns, a word in
    small letters glued to a capitalised one, both known words, is two cells again."""
    if not CELL_GAP.search(line):
        return line

    def known(word: str) -> bool:
        low = word.lower()
        if lex.zipf(low) > 0:
            return True
        return repairer is not None and len(low) >= 8 and repairer._compound(fold(low)) is not None

    def split(m: re.Match[str]) -> str:
        left, right = m.group("left").lstrip("("), m.group("right")
        if known(left) and known(right):
            return m.group("left") + "  " + right
        return m.group(0)

    return _GLUED_CELLS.sub(split, line)
