"""Word-by-word repair of OCR'd Swedish (the lexicon pass's word rule, see `repair`).

A word is replaced only by a *known* Swedish word that is clearly more frequent than the word
as printed. Lost diacritics (a/o for å/ä/ö) are restored whenever the restored word is at least
`DIACRITIC_MARGIN` Zipf units (≈ 8×) more frequent; OCR look-alikes (d, i, é, 6, 4, &, #, @, {
for å/ä/ö/f) only in words that are themselves rare or unknown. Unknown compounds are split
into known parts and each part restored. The case pattern of the printed word is kept.
One context rule: "ar" is "år" after a word that counts or delimits years ("för ar 2015",
"tre ar", "under ar") or before a year, and "är" elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.lang.lexicon import Lexicon, fold
from pipeline.lang.numbers import ONES, YEAR

__all__ = ["WordRepairer"]

# a page with at least this many words printed with å/ä/ö, and no unknown word that is a known
# word with its å/ä/ö restored, has lost none (`WordRepairer.diacritics_intact`)
INTACT_MIN_WORDS = 8
DIACRITIC_MARGIN = 0.9  # restored word must be this much more frequent (Zipf units)
OCR_MARGIN = 1.2  # same for look-alike substitutions
KNOWN_ZIPF = 3.0  # a word at least this frequent is never re-spelt by look-alike rules
MIN_RESULT_ZIPF = 1.0
MAX_VARIANTS = 96
# Longer "words" are not Swedish words (the longest compounds in use are ~40 letters): they are
# left as printed, which also keeps repair linear on adversarial input.
MAX_WORD_LEN = 48
STRONG_MARGIN = 2.5  # look-alike reading of a common word
PART_ZIPF = 2.3  # a compound part must be at least this common

# OCR look-alikes: printed character -> folded letters it may stand for. A look-alike
# reading other than the plain one must land on å, ä or ö in the restored word.
_LOOKALIKES: dict[str, str] = {
    "6": "o",
    "0": "o",  # ("Studiebes0k": a zero for ö, between letters)
    "4": "a",
    "&": "a",
    "#": "a",
    "é": "eao",
    "d": "dao",
    "i": "ia",
}
_SYMBOLS = set("604&#@{é")
#: a capital and the digit after it, a code ("K4", "A4"), no letter read as a digit
_CODE = re.compile(r"[A-ZÅÄÖ][046]")
_TOKEN = re.compile(r"(?<![\w&#@{])\{?(?:[^\W\d_]|[64&#@]|(?<=[^\W\d_])0(?=[^\W\d_]))+(?![\w])")
# E-mail addresses, URLs and domains start at a token start and use possessive runs, so a
# long token without "@" or "." is scanned once, not from every character (linear time).
_PROTECTED = re.compile(
    r"(?<![^\s(<\[\"'])(?:[^\s@]++@\S++|(?:https?://|www\.)\S++"
    r"|[^\s.]++(?:\.[^\s.]++)*?\.(?:se|nu|com|org|eu)\b\S*+)"
    r"|\b(?:[A-Za-zåäö]\.){1,3}"
)
_YEAR = re.compile(rf"^{YEAR}\b")
# Words after which "ar" is the noun "år": prepositions and determiners that count or
# delimit years. Kept short on purpose; everything else gives the verb "är".
_AR_BEFORE = frozenset(
    fold(w)
    for w in [
        "för",
        "per",
        "varje",
        "samma",
        "nästa",
        "förra",
        "föregående",
        "kommande",
        "innevarande",
        "ett",
        "under",
        "inom",
        "hela",
        "halvt",
        *ONES[2:11],  # två … tio
        "tolv",
        "femton",
        "tjugo",
        "några",
        "många",
        "flera",
        "fem",
        "tidigare",
        "senaste",
        "första",
        "andra",
        "efter",
    ]
)
# abbreviations the archive writes without vowels, that a look-alike reading would turn into
# a word ("Farsta sdn" read "Farsta sån" hid the district of a table row)
ABBREVIATIONS = frozenset({"sdn", "sdf", "sdnr", "sdfs"})
# letters of the other Nordic alphabets: Swedish OCR does not make them, so a word that has one
# is a Danish or Norwegian name as printed ("Børne- og Ungdomsforvaltningen"), not damage
_FOREIGN_LETTERS = frozenset("æø")
_SUFFIXES = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "en", "et", "s")


def _apply_case(word: str, model: str) -> str:
    if sum(c.isalpha() for c in model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper() or (model[:1] in _SYMBOLS and model[1:2].isupper()):
        return word[:1].upper() + word[1:]
    return word


def _agrees(candidate: str, token: str) -> bool:
    """A restoration may add å/ä/ö but never change one that is printed."""
    if len(candidate) != len(token):
        return True  # look-alike variants of another length: nothing printed to protect
    return all(t not in "åäö" or c == t for c, t in zip(candidate, token, strict=True))


class WordRepairer:
    """Decides, word by word, whether a printed word is a damaged known Swedish word."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._cache: dict[str, str] = {}
        #: `repair.repair_line`'s answers: (line, the previous line's last character,
        #: diacritics intact) -> the repaired line; letterheads and footers come back
        self.lines: dict[tuple[str, str, bool], str] = {}

    # ----------------------------------------------------------------- single words

    def repair(
        self, token: str, *, proper_noun_position: bool = False, diacritics_intact: bool = False
    ) -> str:
        """The repaired spelling of one printed word (its case pattern kept). With
        `diacritics_intact` (the page shows no lost å/ä/ö, `diacritics_intact`), a known word
        keeps its printed a/o ("Öppen hall" is no "håll")."""
        ck = ("P" if proper_noun_position else "w") + ("I" if diacritics_intact else "-") + token
        cached = self._cache.get(ck)
        if cached is None:
            cached = self._repair(token, proper_noun_position, diacritics_intact)
            if len(self._cache) < 200_000:
                self._cache[ck] = cached
        return cached

    def _repair(self, token: str, proper: bool, intact: bool = False) -> str:
        if len(token) > MAX_WORD_LEN:
            return token
        lower = token.lower()
        if lower in ABBREVIATIONS or _FOREIGN_LETTERS.intersection(lower):
            return token  # "Børne", "Økland": a Danish or Norwegian word is spelt as printed
        damaged = any(c in _SYMBOLS for c in lower)
        if sum(c.isalpha() for c in lower) == 0 or (len(lower) == 1 and not damaged):
            return token
        z_tok = 0.0 if damaged else self.lex.zipf(lower)
        # 1. lost diacritics: the same letters with å/ä/ö restored
        if not damaged:
            best = self._best(fold(lower), lower, ())
            if (
                best is not None
                and best[0] != lower
                and best[1] - z_tok >= DIACRITIC_MARGIN
                and not (intact and z_tok > 0)
            ):
                return _apply_case(best[0], token)
            if intact and z_tok > 0:
                return token
            if proper and z_tok > 0:
                return token
            if z_tok >= KNOWN_ZIPF:
                # a common word is re-read only for a far more common one ("dr" → "är")
                best = self._best_reading(lower)
                if best is not None and best[1] - z_tok >= STRONG_MARGIN:
                    return _apply_case(best[0], token)
                return token
        if not damaged and z_tok == 0.0 and _short_head(lower, self.lex.zipf):
            return token  # "projektår", "budgetår": a common word and a short head
        # 2. OCR look-alikes in a rare or unknown word
        best = self._best_reading(lower)
        if (
            best is not None
            and best[0] != lower
            and best[1] >= MIN_RESULT_ZIPF
            and best[1] - z_tok >= (OCR_MARGIN if z_tok > 0 else 0.0)
        ):
            return _apply_case(best[0], token)
        # 3. "rn" read for "m" in an unknown word ("sarnrnanlagt", "Ungdornsmottagning")
        if z_tok == 0.0 and "rn" in lower:
            read = self._m_reading(lower, proper, intact)
            if read is not None:
                return _apply_case(read, token)
        # 4. an unknown compound: restore its known parts
        if z_tok == 0.0 and (not proper or damaged) and len(lower) >= 8:
            joined = self._compound(lower)
            if joined is not None and joined != lower:
                return _apply_case(joined, token)
        return token

    def _m_reading(self, lower: str, proper: bool, intact: bool) -> str | None:
        """The known word an unknown word is when some of its "rn" are an "m" OCR split in
        two (a word of the lexicon, or a compound of known parts), else None."""
        spots = [m.start() for m in re.finditer("rn", lower)][:3]
        best: tuple[float, str] | None = None
        for mask in range(1, 1 << len(spots)):
            chars = list(lower)
            for bit, at in enumerate(spots):
                if mask >> bit & 1:
                    chars[at : at + 2] = ["m", ""]
            cand = "".join(chars)
            read = self._repair(cand, proper, intact)
            z = self.lex.zipf(read)
            if z == 0.0 and self._compound(fold(read)) is None:
                continue
            if best is None or z > best[0]:
                best = (z, read)
        return best[1] if best else None

    def _best(self, key: str, printed: str, need: tuple[int, ...]) -> tuple[str, float] | None:
        """Most frequent word spelt `key` when folded that keeps the printed å/ä/ö and has
        å/ä/ö at the positions in `need` (where a look-alike was read as one)."""
        for word, z in self.lex.candidates(key):
            if len(word) != len(printed):
                continue
            if all(word[i] in "åäö" for i in need) and _agrees(word, printed):
                return word, z
        return None

    def _readings(self, lower: str, limit: int = MAX_VARIANTS) -> list[tuple[str, tuple[int, ...]]]:
        """(folded key, positions read as å/ä/ö) for every look-alike reading of a word."""
        readings: list[tuple[str, tuple[int, ...]]] = [("", ())]
        for pos, ch in enumerate(lower):
            alts = _LOOKALIKES.get(ch)
            if alts is None:
                readings = [(k + fold(ch), need) for k, need in readings]
                continue
            plain = fold(ch) if ch.isalpha() else None
            if ch == "é" and not _real_e_acute(lower, pos):
                alts, plain = "ao", None
            nxt: list[tuple[str, tuple[int, ...]]] = []
            for k, need in readings:
                for a in alts:
                    if a == plain:
                        nxt.append((k + a, need))
                    else:
                        nxt.append((k + a, (*need, pos)))
            readings = nxt[: limit * 4]
        return readings[:limit]

    def _best_reading(self, lower: str) -> tuple[str, float] | None:
        lower = lower.replace("é&", "&").replace("@", "")
        bases = [lower]
        if lower.startswith("{"):
            bases = ["f" + lower[1:], lower[1:]]
        best: tuple[str, float] | None = None
        for base in bases:
            if "{" in base:
                continue
            for key, need in self._readings(base):
                found = self._best(key, base, need)
                if found is not None and (best is None or found[1] > best[1]):
                    best = found
        return best

    # ----------------------------------------------------------------- compounds

    def _part(self, sub: str) -> tuple[str, float] | None:
        """Best known word for one compound part (a look-alike reading allowed)."""
        if len(sub) < 4:
            return None
        readings = self._readings(sub, limit=16)
        best: tuple[str, float] | None = None
        for key, need in readings:
            if len(need) > 1 + len(sub) // 6:
                continue
            found = self._best(key, sub, need)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
        if (best is None or best[1] < PART_ZIPF) and sub[-1] in "aou":
            # a compound's bound form, the plural without its -r ("föräldra-" in
            # "föräldravandringar", "kvinno-" in "kvinnojour")
            for key, need in readings:
                found = self._best(key + "r", sub + "r", need)
                if (
                    found is not None
                    and found[1] >= PART_ZIPF
                    and (best is None or found[1] > best[1])
                ):
                    best = (found[0][:-1], found[1])
        if best is None or best[1] < PART_ZIPF:
            return None
        z_plain = self.lex.zipf(sub) if not any(c in _SYMBOLS for c in sub) else 0.0
        if z_plain > 0 and best[1] - z_plain < DIACRITIC_MARGIN:
            return sub, z_plain
        if best[0] != sub and len(sub) < 5 and best[1] < 4.0:
            return None  # a short, rare restored part ("åhus" in "barnahus") is a guess
        return best

    def _compound(self, lower: str) -> str | None:
        """Split an unknown word into known parts (a linking -s- and a final inflection
        allowed), fewest and longest parts first, and spell each part as the lexicon does."""
        lower = lower.replace("é&", "&").replace("@", "")
        n = len(lower)
        # best[i] = (parts, -shortest part, -frequency, spelling) for lower[:i]
        best: list[tuple[int, int, float, str] | None] = [None] * (n + 1)
        best[0] = (0, -99, 0.0, "")
        for i in range(n):
            here = best[i]
            if here is None or here[0] >= 3:
                continue
            for j in range(i + 4, n + 1):
                sub = lower[i:j]
                part, tail = None, ""
                if j < n and sub.endswith("s"):
                    # the linking -s- of a compound ("behov-s-bedömning") before a word
                    # that merely ends in s ("behövs")
                    part, tail = self._part(sub[:-1]), "s"
                if part is None:
                    part, tail = self._part(sub), ""
                if part is None and j == n:
                    for suffix in _SUFFIXES:
                        if sub.endswith(suffix) and len(sub) - len(suffix) >= 4:
                            part = self._part(sub[: -len(suffix)])
                            if part is not None:
                                tail = suffix
                                break
                if part is None:
                    continue
                cand = (
                    here[0] + 1,
                    max(here[1], -(j - i)),
                    here[2] - min(part[1], 5.0),
                    here[3] + part[0] + tail,
                )
                cur = best[j]
                if cur is None or cand[:3] < cur[:3]:
                    best[j] = cand
        final = best[n]
        if final is None or len(final[3]) != n:
            return None
        return final[3]

    # ----------------------------------------------------------------- lines

    def diacritics_intact(self, text: str) -> bool:
        """Whether a page shows no loss of å/ä/ö: at least `INTACT_MIN_WORDS` of its words
        are printed with å/ä/ö and not one of its unknown words is a known word once its
        å/ä/ö are restored ("forvaltningen", "sammantaget" aside). On such a page a known
        word is as printed: "hall", "for", "gar" are words there, not damage."""
        with_marks = 0
        for m in _TOKEN.finditer(text):
            low = m.group().lower()
            if not low.isalpha() or len(low) < 3:
                continue
            if any(c in "åäö" for c in low):
                with_marks += 1
                continue
            if self.lex.zipf(low) > 0:
                continue
            best = self._best(fold(low), low, ())
            if best is not None and best[0] != low:
                return False
        return with_marks >= INTACT_MIN_WORDS

    def repair_words(self, line: str, *, sentence_start: bool, intact: bool = False) -> str:
        """Repair every word of one line; `sentence_start` says whether the line begins a
        sentence (the previous line ended one), which tells names from sentence starts;
        `intact`: the page shows no lost å/ä/ö (`diacritics_intact`)."""
        protected = [m.span() for m in _PROTECTED.finditer(line)]
        allcaps = _is_allcaps_line(line)
        out: list[str] = []
        pos = 0
        prev_word = ""
        for m in _TOKEN.finditer(line):
            start, end = m.span()
            token = m.group()
            if any(a <= start < b for a, b in protected):
                continue
            out.append(line[pos:start])
            pos = end
            if token.isupper() and len(token) <= 4 and not allcaps and token.isalpha():
                out.append(token)  # an acronym
                prev_word = token
                continue
            if _CODE.fullmatch(token):
                out.append(token)  # a code: a criterion's "K4", a paper's "A4"
                prev_word = token
                continue
            before = line[:start].rstrip()
            at_start = (
                (not before and sentence_start)
                or before.endswith((".", "!", "?", ":"))
                or (len(line[:start]) - len(before) >= _CELL_GAP and bool(before))
            )  # (a word after a table's column gap opens its cell)
            proper = token[:1].isupper() and not token.isupper() and not at_start
            fixed = self.repair(token, proper_noun_position=proper, diacritics_intact=intact)
            if fold(fixed) == "ar":
                prev_chunk = before.split()[-1] if before.split() else prev_word
                fixed = _ar(fixed, token, prev_chunk.strip("(,;:”\"'"), line[end:])
            out.append(fixed)
            prev_word = fixed
        out.append(line[pos:])
        return "".join(out)


#: the spaces between two cells of a table row
_CELL_GAP = 3


def _real_e_acute(word: str, pos: int) -> bool:
    """Whether an "é" may be a real é (idé, armé, idéer, entrén) rather than OCR's å/ä/ö:
    only at the end of a word of three letters or more, or before a plural/definite ending."""
    rest = word[pos + 1 :]
    return (
        word.count("é") == 1
        and pos >= 2
        and rest in ("", "n", "ns", "er", "erna", "ernas", "ens", "s")
    )


def _ar(fixed: str, printed: str, prev_word: str, rest: str) -> str:
    """The context rule for a printed "ar" (or a look-alike of it): "år" or "är"."""
    if "ä" in printed.lower() or "å" in printed.lower():
        return printed
    year_next = bool(_YEAR.match(rest.lstrip()))
    prev = fold(prev_word)
    number = bool(re.fullmatch(r"[\d–-]+", prev)) and not _YEAR.match(prev)
    counted = prev in _AR_BEFORE or number
    return _apply_case("år" if year_next or counted else "är", fixed)


def _is_allcaps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


#: two-letter words that end many compounds ("projekt|år", "budget|år", "läs|år")
_SHORT_HEADS = ("år",)
_SHORT_HEAD_STEM_ZIPF = 3.0


def _short_head(lower: str, zipf: Callable[[str], float]) -> bool:
    """A common word of four letters or more with a short head: a real compound."""
    return any(
        lower.endswith(h)
        and len(lower) - len(h) >= 4
        and zipf(lower[: -len(h)]) >= _SHORT_HEAD_STEM_ZIPF
        for h in _SHORT_HEADS
    )
