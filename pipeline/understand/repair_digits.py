"""Letters OCR read as a digit or a bar: a lone "1" for the word "i" ("innebär 1 det dagliga"
→ "innebär i det dagliga"), and "|" for the pronoun "I" where a sentence begins ("| dialog
mellan" → "I dialog mellan").

A "1" is a number, and stays, after a word that numbers or counts (`ONE_AFTER`: "Bilaga 1 och",
"sida 1 av", "ca 1 miljon"), before a unit, a month or a conjunction (`ONE_BEFORE`: "1 miljon",
"1 dag", "1 och 2"), after a capitalised name ("Programområde 1 Kompetens"), after punctuation,
and before a capital that begins no sentence. A "|" stays in a table row with more than one.
"""

from __future__ import annotations

import re
from itertools import product

from pipeline.lang.lexicon import fold, get_lexicon
from pipeline.lang.numbers import MONTH_ABBREVIATIONS, MONTHS

__all__ = [
    "ONE_AFTER",
    "ONE_BEFORE",
    "fix_digit_letters",
    "fix_number_letters",
    "fix_paragraph_sign",
]

# Words after which a digit "1" is a real number ("Bilaga 1 och", "sida 1 av").
ONE_AFTER = frozenset(
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
ONE_BEFORE = frozenset(
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


#: "l. Nämnden …", "l) att …": the enumerator 1 read as a lower-case L
_FIRST_ENUMERATOR = re.compile(r"^(\s*)l([.)]\s+(?:[A-ZÅÄÖ]|att\s))")


#: words that open a phrase only "i" leads ("i samverkan med", "i enlighet med"): a "1" before
#: them at a line's start is the word (after a comma too: "…, ⏎ 1 samverkan med Kista sdf")
_ONLY_AFTER_I = frozenset(
    fold(w) for w in ("samverkan", "samarbete", "enlighet", "huvudsak", "stället", "övrigt")
)


def fix_digit_letters(line: str, prev_line_end: str) -> str:
    """A lone "1" read for "i" between words; a "|" read for "I" where a sentence starts;
    a list's first number read as "l" ("l. Socialnämnden överlämnar …")."""
    line = _FIRST_ENUMERATOR.sub(r"\g<1>1\g<2>", line)
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
        if tok == "1" and 0 < k < len(tokens) - 1 and not tokens[k - 1] and not tokens[k + 1]:
            continue  # "Mobila team i tre      1      Upphandlas": a table's cell of its own
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
        if fold(nxt_core) in ONE_BEFORE or (nxt_core[0].isupper() and not prev.islower()):
            continue
        if prev[:1].isupper() and k > 1 and not _common_words(prev, nxt_core):
            continue  # "Rubrik 1 to", "Programområde 1 Kompetens…": a name with a number
        if prev:
            prev_core = prev.strip("\"”'(),;:")
            if (
                not prev_core
                or not prev_core[-1].isalpha()
                or prev.endswith((".", ":", ";"))
                or fold(prev_core) in ONE_AFTER
            ):
                continue
        elif not (prev_line_end.isalpha() and prev_line_end.islower()) and (
            fold(nxt_core) not in _ONLY_AFTER_I
        ):
            continue
        tokens[k] = "i"
    return " ".join(tokens)


def _common_words(prev: str, nxt: str) -> bool:
    """Is the word after a "1" that follows a capitalised word a common word of the language
    in lower case, of five letters or more ("Språkstöd 1 utredningsarbetet" in a table's
    name cell)? Then the "1" is "i", no name's number (the words that number or count,
    "Steg 1 innebär", are kept by `ONE_AFTER`)."""
    prev_core = prev.strip("\"”'(),;:")
    if len(nxt) < 5 or not nxt.islower() or not prev_core.isalpha():
        return False
    return fold(nxt) in get_lexicon()


#: a number OCR printed partly in letters: "2OOO", "24O", "l95", "4O7-0198/2OOO", "2OOO-O5-16"
#: (O for 0, l or I for 1), at least one real digit in it
_NUMBER_WITH_LETTERS = re.compile(
    r"(?<![\wåäöÅÄÖ])(?=[0-9OIl]*(?:[-/.,:][0-9OIl]+)*(?![\wåäöÅÄÖ]))"
    r"(?=[-/.,:OIl]*\d)[0-9OIl]+(?:[-/.,:][0-9OIl]+)*(?![\wåäöÅÄÖ])"
)
#: a thousands group all in letters after a number: "925 OOO kr", "1 O4O OOO kr", a table
#: cell's "25O OOO  " (a column gap or rule after it)
_LETTER_GROUP = re.compile(
    r"(?<=\d) ((?=[0-9OIl]{0,2}[0O])[0-9OIl]{3})(?=(?: [0-9OIl]{3})*(?:\s*(?:kr\b|kronor|tkr|:-|$|\|)| \d|\s{2,}))"
)
#: the leading "1" of a sum read as "l": "l 150 000 kr", "l OOO OOO kr", a cell's "l 2lO OOO  "
_LEADING_ONE = re.compile(
    r"(?<![\wåäöÅÄÖ])[lI](?= [\dO]{3}(?: [\dO]{3})*(?:\s*(?:kr\b|kronor|:-|\|)|\s{2,}|\s*$))"
)
#: a "1" between lower-case letters is an "l": "fa1tarbete", "Kungsho1men"
#: ("a11a"), and "11" ending a word is "ll" ("ti11", "ska11")
_TO_DIGITS = str.maketrans({"O": "0", "I": "1", "l": "1"})


#: "kr" read as "ki" or "k1" after a sum at the end of a cell or line ("16 000 ki")
_KR_READ = re.compile(r"(?<=\d{3}) k[i1](?=\s*$|\s{2,}|[.,;)])")


def fix_number_letters(line: str) -> str:
    """Numbers OCR printed partly in letters get their digits back ("24O OOO kr" → "240 000
    kr", "2OOO-O5-16" → "2000-05-16"), a sum's "kr" read as "ki" its "kr", and a "1"
    inside a word (or ending one that then is a word: "til1") its "l" ("fa1tarbete")."""
    if " k" in line:
        line = _KR_READ.sub(" kr", line)
    if not any(c in line for c in "OIl1"):
        return line
    line = _NUMBER_WITH_LETTERS.sub(lambda m: m.group().translate(_TO_DIGITS), line)
    line = _LEADING_ONE.sub("1", line)
    for _ in range(3):
        fixed = _LETTER_GROUP.sub(lambda m: " " + m.group(1).translate(_TO_DIGITS), line)
        if fixed == line:
            break
        line = fixed
    return _WORD_WITH_ONE.sub(lambda m: _one_as_letter(m.group()), line)


#: a word with a "1" inside it ("fa1tarbete", "t1ll"), or opening it ("1angvarigt")
_WORD_WITH_ONE = re.compile(
    r"(?<![\w])(?:\w*[a-zåäö]1+[a-zåäö]\w*|\w*[a-zåäö]11|1[a-zåäö]{4,}|[a-zåäö]\w*[a-zåäö]{2}1)(?![\w])"
)
_MAX_ONES = 3


def _one_as_letter(word: str) -> str:
    """The word with each "1" read as the "l" or "i" that makes the most frequent known word
    (its diacritics still to restore: "1angvarigt" → "langvarigt"); "l" when none is known,
    and a word opening with "1" unchanged then."""
    # (the ones between letters, or opening the word; a digit among digits is a digit)
    ones = [
        k
        for k, c in enumerate(word)
        if c == "1"
        and (k == 0 or word[k - 1].isalpha() or word[k - 1] == "1")
        and (k + 1 == len(word) or word[k + 1].isalpha() or word[k + 1] == "1")
    ]
    if not ones:
        return word
    lexicon = get_lexicon()
    if ones == [len(word) - 1] and word[-2].isalpha():
        # "til1": a word whose last "l" OCR read as "1", when it then is a known word
        # ("kap1", "bilaga1": a number run into its word)
        as_l = f"{word[:-1]}l"
        known = max((z for _w, z in lexicon.candidates(fold(as_l))), default=0.0)
        return as_l if known > 0.0 else word
    if len(ones) > _MAX_ONES:
        return "".join("l" if k in ones else c for k, c in enumerate(word))
    best, score = "".join("l" if k in ones else c for k, c in enumerate(word)), -1.0
    for letters in product("li", repeat=len(ones)):
        chars = list(word)
        for k, c in zip(ones, letters, strict=True):
            chars[k] = c
        variant = "".join(chars)
        got = max((z for _w, z in lexicon.candidates(fold(variant))), default=0.0)
        if got > score:
            best, score = variant, got
    if score <= 0.0 and word.startswith("1"):
        return word  # ("1a", a number and a letter: no word known either way)
    return best


#: "§" read by OCR as "&", "$" or "&$" where a line opens a protocol's paragraph ("&1   Val av
#: justerare", "$ 3  Fördelning …"), or as "S" before a number and a heading ("S 47   Bidrag")
_PARAGRAPH_SIGN = re.compile(r"^(\s*)(?:&\$?|\$|S(?=\s?\d{1,3}\s{2,}[A-ZÅÄÖ]))\s*(\d{1,3})(?=\s|$)")


def fix_paragraph_sign(line: str) -> str:
    """A protocol's "§ N" that OCR read as "& N" or "$N" at the start of a line."""
    return _PARAGRAPH_SIGN.sub(r"\1§ \2", line)
