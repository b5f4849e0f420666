"""Repair OCR'd Swedish text: lost å/ä/ö, OCR look-alikes, bullets, odd whitespace, line breaks.

`repair_text` keeps the line structure: output line *n* comes from input line *n*, so a value
found on a clean line can be traced to the page's raw text by line number.

Rules, in the order they run on each line:

1. Characters: NBSP, thin and other odd spaces and tabs become a plain space; zero-width
   characters go; a soft hyphen inside a line goes, at the end of a line it becomes "-";
   ligatures (ﬁ ﬂ) are spelt out; trailing space is dropped.
2. Bullets at line start (•, ◦, ▪, –, -, private-use symbol-font bullets, and the OCR
   readings "e " / "o " / "¢ " / "«" / "»«" before a capital letter) become "- ".
3. "1" standing for "i" between words ("innebär 1 det dagliga"), and "|" standing for "I"
   where a sentence begins ("| dialog mellan").
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

Digits inside numbers are never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lang.hyphens import suspends
from pipeline.lang.lexicon import Lexicon, fold, get_lexicon
from pipeline.lang.numbers import MONTH_ABBREVIATIONS, MONTHS
from pipeline.understand.repair_words import WordRepairer

__all__ = ["repair_text", "repair_line", "WordRepairer", "get_repairer"]

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})
_BULLET = re.compile(
    r"^(?P<indent>\s*)(?:[•◦▪▫■□●○‣⁃∙·\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf06e\uf0e0–—-]"
    r"|[eo¢®](?=\s+[A-ZÅÄÖ0-9\"”])|[«»]{1,2}(?=\s+\w))\s+(?=\S)"
)
# Words after which a digit "1" is a real number ("Bilaga 1 och", "sida 1 av").
ONE_AFTER = _ONE_AFTER = frozenset(
    fold(w)
    for w in [
        "sida",
        "studie",
        "projekt",
        "ansökan",
        "ansökning",
        "kriterium",
        "uppdrag",
        "insats",
        "förslag",
        "mål",
        "bilaga",
        "bilagor",
        "punkt",
        "nr",
        "nummer",
        "kapitel",
        "avsnitt",
        "steg",
        "tabell",
        "figur",
        "bild",
        "klass",
        "nivå",
        "fas",
        "etapp",
        "programområde",
        "område",
        "omgång",
        "del",
        "grupp",
        "version",
        "paragraf",
        "alternativ",
        "budget",
        "ca",
        "cirka",
        "drygt",
        "knappt",
        "minst",
        "högst",
        "kl",
    ]
)
# Words before which a digit "1" is a real number ("1 miljon", "1 dag").
ONE_BEFORE = _ONE_BEFORE = frozenset(
    fold(w)
    for w in [
        "miljon",
        "miljoner",
        "milj",
        "mnkr",
        "mkr",
        "kr",
        "kronor",
        "tkr",
        "tusen",
        "dag",
        "dagar",
        "år",
        "ar",
        "månad",
        "månader",
        "vecka",
        "veckor",
        "timme",
        "timmar",
        "procent",
        "person",
        "personer",
        "st",
        "gång",
        "gånger",
        "tjänst",
        "heltid",
        "och",
        "eller",
        "till",
        "à",
        "av",
        *MONTHS,
        *MONTH_ABBREVIATIONS,
    ]
)


# --------------------------------------------------------------------------- line rules


def normalise_chars(line: str) -> str:
    """Odd spaces, zero-width characters, soft hyphens and ligatures."""
    line = _ZERO_WIDTH.sub("", line).translate(_LIGATURES)
    line = _SPACES.sub(" ", line)
    line = line.rstrip()
    if line.endswith("\u00ad"):
        line = line[:-1] + "-"
    return line.replace("\u00ad", "")


# OCR readings of a printed "•" that the plain pattern cannot tell from text by itself:
# a guillemet glued to the item's first word ("«projektet har", "«Digital ansökan"), a
# guillemet before a dash ("« - Socialjouren:"), and a "+" before the item ("+  resan").
_GLUED_GUILLEMET = re.compile(r"^(?P<indent>\s*)[«»]{1,2}(?:\s*[-–—•]\s+|(?=[^\W\d_]))")
_PLUS_BULLET = re.compile(r"^(?P<indent>\s*)\+\s+(?=[^\W\d_])")


def normalise_bullet(line: str) -> str:
    """A bullet of any printed or OCR'd shape at line start becomes "- "."""
    m = _GLUED_GUILLEMET.match(line)
    if m is not None and not any(c in line[m.end() :] for c in "«»"):
        # a quotation opened at line start closes on it ("«Citat» ur rapporten")
        return m.group("indent") + "- " + line[m.end() :].lstrip()
    m = _PLUS_BULLET.match(line)
    if m is not None and "+" not in line[m.end() :]:
        # a table's "+---+" rule or "+   +" grid has more than one
        return m.group("indent") + "- " + line[m.end() :]
    return _BULLET.sub(lambda m: m.group("indent") + "- ", line, count=1)


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
_COLUMNS = re.compile(r"\S\s{3,}\S")


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
    if not _COLUMNS.search(line):
        if line.startswith("    "):
            # a table's continuation line, indented to its column ("   (medsökande Farsta =
            # försörjningsstöd för unga"): only "=" and "¢", never a word's sign in prose
            line = _GAP_SPECK_STRICT.sub(lambda m: " " * len(m.group(0)), line)
        return line
    m = _ROW_NO_SPECK.match(line)
    if m is not None and _COLUMNS.search(line[m.end() :]):
        line = m.group("no") + " " * (m.end() - m.end("no")) + line[m.end() :]
    if len(_COLUMNS.findall(line)) >= 2:
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
    if not _COLUMNS.search(line):
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


def _fix_digit_letters(line: str, prev_line_end: str) -> str:
    """A lone "1" read for "i" between words; a "|" read for "I" where a sentence starts."""
    tokens = line.split(" ")
    # nearest non-empty token after each position, in one backward pass (linear time); the
    # one before is tracked in the loop, so it sees tokens already rewritten on this line
    next_of: list[str] = [""] * len(tokens)
    last = ""
    for i in range(len(tokens) - 1, -1, -1):
        next_of[i] = last
        last = tokens[i] or last
    prev = ""
    for k, tok in enumerate(tokens):
        if k and tokens[k - 1]:
            prev = tokens[k - 1]
        if tok not in ("1", "|"):
            continue
        nxt = next_of[k]
        nxt_core = nxt.strip("\"”'(),.;:")
        if not nxt_core or not nxt_core[0].isalpha():
            continue
        if tok == "|":
            if line.count("|") > 1:
                continue  # a table row's cell bars
            starts = (not prev and (not prev_line_end or prev_line_end in ".!?:")) or (
                prev.endswith((".", "!", "?"))
            )
            if starts:
                tokens[k] = "I"
            continue
        if fold(nxt_core) in _ONE_BEFORE or (nxt_core[0].isupper() and not prev.islower()):
            continue
        if prev[:1].isupper() and k > 1:
            continue  # "Rubrik 1 to", "Programområde 1 Kompetens…": a name with a number
        if prev:
            prev_core = prev.strip("\"”'(),;:")
            if (
                not prev_core
                or not prev_core[-1].isalpha()
                or prev.endswith((".", ":", ";"))
                or fold(prev_core) in _ONE_AFTER
            ):
                continue
        elif not (prev_line_end.isalpha() and prev_line_end.islower()):
            continue
        tokens[k] = "i"
    return " ".join(tokens)


_LINE_END_HYPHEN = re.compile(r"(?P<word>[^\W\d_][\w]*)-$")
_LINE_START_WORD = re.compile(r"^(?P<indent>\s*)(?P<frag>[^\W\d_][\w]*)(?P<punct>[.,;:!?)]*)")


_CELL_GAP = re.compile(r"\S\s{3,}\S")


def _join_hyphenated(lines: list[str], lex: Lexicon, repairer: WordRepairer) -> None:
    """Move the rest of a word broken at a line-end hyphen up onto the first line."""
    for i in range(len(lines) - 1):
        m = _LINE_END_HYPHEN.search(lines[i])
        if m is None or (m.start() > 0 and lines[i][m.start() - 1] == "-"):
            continue
        if _CELL_GAP.search(lines[i].strip()):
            continue  # a table row: the word goes on in its own column, read there
        n = _LINE_START_WORD.match(lines[i + 1])
        if n is None:
            continue
        left, frag = m.group("word"), n.group("frag")
        if suspends(lines[i + 1], lines[i][: m.end()]):
            continue
        abbreviation = sum(c.isupper() for c in left) >= 2 or left.isupper()
        if abbreviation or frag[0].isupper():
            joined = f"{left}-{frag}"
        else:
            word = left + frag
            repaired = repairer.repair(word)
            known = lex.zipf(repaired) > 0 or repairer._compound(fold(repaired)) is not None
            if not known:
                continue
            joined = repaired
        lines[i] = lines[i][: m.start()] + joined + n.group("punct")
        lines[i + 1] = lines[i + 1][n.end() :].lstrip()


_ITEM_START = re.compile(r"^(?P<indent>\s*)(?=[^\W\d_])")
_MARKED = re.compile(r"^\s*(?:-\s|\d{1,2}[.)]|[a-h][.)]\s)")
# words a line cannot end on when the next line starts a new item of a list
_RUNS_ON = frozenset(
    (
        "och",
        "eller",
        "av",
        "för",
        "i",
        "med",
        "till",
        "att",
        "en",
        "ett",
        "som",
        "på",
        "om",
        "från",
        "den",
        "det",
        "de",
        "vid",
        "inom",
        "under",
        "mot",
        "samt",
    )
)


# Letters whose capital OCR may read as the small one (they differ only in size).
LOOKALIKE_CAPITALS = frozenset("cosuvwxz")


def _block(lines: list[str], j: int) -> list[int]:
    run: list[int] = []
    while j < len(lines) and lines[j].strip():
        run.append(j)
        j += 1
    return run


def _unmarked_items(lines: list[str], run: list[int], base: int) -> int | None:
    """The depth of a block of unmarked item lines indented deeper than `base`, or None."""
    if not 1 <= len(run) <= 12:
        return None
    depths = {len(lines[k]) - len(lines[k].lstrip()) for k in run}
    if len(depths) != 1 or next(iter(depths)) < base + 2:
        return None
    texts = [lines[k].strip() for k in run]
    if any(_MARKED.match(t) or not _ITEM_START.match(t) or _CELL_GAP.search(t) for t in texts):
        return None
    if any(fold(t.split()[0]) == "att" for t in texts):
        return None
    return next(iter(depths))


def restore_lost_bullets(lines: list[str]) -> None:
    """Bullets OCR dropped: under a line that introduces a list (ends in ":"), lines indented
    deeper than the introduction, all at the same depth, each starting with a word and
    nothing marking them, are the list's items and get "- " (two or more lines; a blank
    line OCR put inside the list does not end it when the lines after it are alike).

    Which lines start an item: in a list whose items start with a capital, a line in small
    letters continues the item above when that line ran to the right margin or ends in a
    hyphen, a comma or a function word; otherwise it is an item whose capital OCR read small
    ("vägar till arbete" among "Tidiga insatser", "Jämlik skolgång") when its letter looks
    alike in both cases. In a list in small letters every line is an item, unless a line
    runs on (ends in a hyphen, a comma or a function word): a wrapped item could then not be
    told from the next one, and the block is left alone.

    Left alone: lines laid out in columns (a table), att-satser, items already marked."""
    prose = sorted(
        len(ln.rstrip()) for ln in lines if ln.strip() and not _CELL_GAP.search(ln.strip())
    )
    # the right margin: the longest lines of prose (an outlier aside, on a full page)
    margin = prose[int(0.95 * (len(prose) - 1))] if len(prose) >= 20 else max(prose, default=0)
    i = 0
    while i < len(lines):
        intro = lines[i]
        i += 1
        if not intro.rstrip().endswith(":"):
            continue
        base = len(intro) - len(intro.lstrip())
        j = i + 1 if i < len(lines) and not lines[i].strip() else i
        run = _block(lines, j)
        depth = _unmarked_items(lines, run, base)
        if depth is None:
            continue
        # the list goes on past one blank line while the lines after it are alike
        while run[-1] + 2 < len(lines) and not lines[run[-1] + 1].strip():
            more = _block(lines, run[-1] + 2)
            if _unmarked_items(lines, more, base) != depth:
                break
            run += more
        if len(run) < 2:
            continue
        texts = [lines[k].strip() for k in run]

        def runs_on(t: str) -> bool:
            return t.endswith(("-", ",")) or fold(t.split()[-1]) in _RUNS_ON

        capitals = [t[0].isupper() for t in texts]
        starts: list[bool] = []
        if not any(capitals):
            if any(runs_on(t) for t in texts[:-1]):
                continue
            starts = [True] * len(texts)
        else:
            if not capitals[0]:
                continue
            for n in range(len(texts)):
                prev = lines[run[n - 1]] if n else ""
                wrapped = bool(n) and (len(prev.rstrip()) >= 0.85 * margin or runs_on(texts[n - 1]))
                starts.append(capitals[n] or not wrapped)
        for n, k in enumerate(run):
            if not starts[n]:
                continue
            t = texts[n]
            if any(capitals) and not capitals[n] and t[0] in LOOKALIKE_CAPITALS:
                t = t[0].upper() + t[1:]
            lines[k] = " " * depth + "- " + t


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
    line = drop_table_specks(drop_number_specks(normalise_bullet(normalise_chars(line))))
    line = split_glued_cells(line, rep.lex, rep)
    prev_end = prev_line.rstrip()[-1:] if prev_line.strip() else ""
    line = _fix_digit_letters(line, prev_end)
    sentence_start = prev_end in ("", ".", "!", "?", ":") or not prev_line.strip()
    return rep.repair_words(line, sentence_start=sentence_start, intact=intact)


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
    _join_hyphenated(lines, rep.lex, rep)
    restore_lost_bullets(lines)
    return "\n".join(lines)
