"""Swedish money amounts in running (OCR'd) text.

One parser for the concept: ``find_amounts`` finds every SEK amount in a text and returns
character spans of the original text; ``parse_amount`` reads one amount string (a table
cell); ``format_swedish_words`` (from ``pipeline.lang.numbers``, the home of the number
words this module reads) writes an integer in Swedish words (used by the property tests and
handy for fixtures).

How amounts are written in Swedish municipal documents, and the rules used here
--------------------------------------------------------------------------------

*Numbers* are written with digits — thousands grouped by a space, NBSP (U+00A0), thin
space (U+202F/U+2009) or a dot ("1.500.000"), one separator kind per number, decimal
comma ("3,5"); a dot followed by one or two digits is read as a decimal point ("1.5
mkr") — or with Swedish number words, compounds written as one word
("tvåhundrafemtiotusen") and scale words apart ("en miljard femtiotusen", "tre och en
halv miljon").  Number words are also recognised when OCR lost the diacritics ("tva",
"atta") or replaced them with é/6/&/# (see ``pipeline.lang.fuzzy``).

*A number is money* when one of these follows it (white space between, at most one line
break):

1. a currency unit: kr, kr., kronor, krona, SEK, ":-", or OCR damage of "kronor" that
   keeps its consonant frame (kronot, krouor, kr0nor); possibly after a scale word
   (tusen kronor, miljoner kronor, milj. kr);
2. a unit with built-in scale: tkr, KSEK (×1 000), mkr, Mkr, mnkr, MSEK, mn kr (×10⁶),
   mdkr, md kr, mdr kr (×10⁹);
3. ``miljon(er)``/``miljard(er)``/``milj.``/``mdr`` with no currency word ("fyra
   miljoner för år 2015"): in these documents a count of millions is money unless the
   next word is a counted noun (invånare, personer, besökare … see ``COUNT_NOUNS``).
   "tusen" alone is *not* enough ("tusen deltagare");
4. no unit at all but an explicit per-unit right after the number ("4600 per deltagare",
   "11 500 per/person"), *and* the number is at least 100, *and* a cost word occurs in
   the 120 characters before it (kost-, avgift, pris, ersättning, bidrag, budget, belopp,
   finansier-, medel, kr/kronor).  Such matches have ``unit_explicit=False``.

Everything else is not an amount: percentages, years and year ranges, dates, phone
numbers, dnr, page references, counts of people, scores, postal codes, credits.

*Approximate* (``approximate=True``) when the number is directly preceded by ca, ca.,
ca:, c:a, cirka/circa, omkring, ungefär, ung., knappt, drygt, dryga, runt, närmare,
uppemot, över, nästan (also OCR-folded: ungefar, narmare, 6ver).  Bounds that are
exact figures — "upp till", "högst", "maximalt", "minst" — are *not* approximate.

*Spans*: ``start``/``end`` cover the qualifier (if approximate), the number and its unit
("ca: 1 milj. kr"); a per-unit phrase after it ("per år", "/person", "årligen") is
reported in ``per`` but is not part of the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from pipeline.lang.amount_context import (
    WORDS_BEFORE_BRACKET,
    YEAR_COLUMNS,
    YEAR_HEAD,
    YEAR_OR_MONTH_BEFORE,
    YEARISH,
    range_start,
)
from pipeline.lang.amount_ocr import ocr_digits
from pipeline.lang.amount_words import COUNT_NOUNS, PER_INTHE, canon_per
from pipeline.lang.fuzzy import VOWEL, skeleton
from pipeline.lang.numbers import (
    HALF_WORDS,
    MORPHEMES,
    OCH,
    OCH_WORD,
    ONE_WORDS,
    START,
    decompose,
    feed,
    feed_all,
    format_swedish_words,
    sought_after,
)

__all__ = ["AmountMatch", "find_amounts", "format_swedish_words", "parse_amount"]


@dataclass(frozen=True)
class AmountMatch:
    start: int
    end: int
    raw: str
    sek: int
    approximate: bool
    per: str | None
    unit_explicit: bool


def _sk(*words: str) -> str:
    """Regex alternation of words written in `skeleton` form (longest first)."""
    forms = sorted({re.escape(skeleton(w)) for w in words}, key=len, reverse=True)
    return "|".join(forms)


_V = re.escape(VOWEL)
_HS = r"[ \t\u00a0\u202f\u2009]"  # horizontal white space
_GAP = rf"{_HS}*(?:\r?\n{_HS}*)?"  # white space with at most one line break
_END = rf"(?![a-z{_V}\d])"  # the word ends here (text is folded: lower-case)

# A number written with digits (linear: each quantifier bounded or before a disjoint class).
_DIGITS = re.compile(
    # (never from a date's day: "2024-12-31 675 000 kr" is a date, then a sum)
    r"(?<![\w.,])(?<!\d{4}-\d\d-)"
    r"(?:(?P<grp>\d{1,3}(?P<sep>[ \u00a0\u202f\u2009.])\d{3}(?:(?P=sep)\d{3}){0,5})"
    r"(?:,(?P<gdec>\d{1,3}))?"
    r"|(?P<plain>\d{1,15})(?:,(?P<cdec>\d{1,3})|\.(?P<ddec>\d{1,2}))?)"
    r"(?![\d])(?![.,]\d)"
)

# Currency words.  "kronor" with OCR damage that keeps the k-r-(vowel)-n/u-(vowel)-r/t/n
# frame: kronor, kronot, krouor, krona, kronan, kr0nor; and the definite "kronorna".
_CUR = rf"(?:kr(?:{_V}[nu]{_V}[rtn]?(?:n{_V})?)?|lcr|k1|[1l]<r|sek|:-){_END}"  # OCR: lcr, k1, 1<r
_SCALED = (
    rf"(?P<g>(?:mdkr|mdsek|md\.?{_HS}?kr|mdr\.?{_HS}?kr){_END})"
    rf"|(?P<m>(?:mkr|mnkr|msek|mn\.?{_HS}?kr|mio\.?{_HS}?kr){_END})"
    rf"|(?P<k>(?:tkr|t[1l]<r|kkr|ksek|t\.?{_HS}?kr){_END})"
)
_SCALE_WORD = (
    rf"(?P<sg>milj{_V}rd(?:e[rt])?{_END}|mdr\.?{_END})"
    rf"|(?P<sm>milj{_V}n(?:e[rt])?{_END}|milj\.|milj{_END})"
    rf"|(?P<sk>tusen{_END})"
)
# Between a number and its unit: a few spaces (further off is a column header: "Finansiering
# 2010       Kronor"), one line break, or a speck OCR read between spaces ("38 000 . kr").
_UGAP = rf"(?:{_HS}{{0,3}}(?:(?<=\s)[.,'`]{_HS}{{1,2}})?(?:\r?\n{_HS}*)?)"
_UNIT = re.compile(
    rf"{_UGAP}(?:{_SCALED}|(?:{_SCALE_WORD})(?P<scur>{_GAP}{_CUR})?|(?P<cur>{_CUR}))"
)
_PER = re.compile(
    rf"{_GAP}(?:(?:per{_END}|pr\.){_HS}*/?{_HS}*|/{_HS}*)(?P<per>[a-z{_V}]{{1,20}}){_END}"
    rf"|{_GAP}(?P<yearly>{_sk('årligen', 'årsvis')}){_END}"
    rf"|{_GAP}(?:i|om){_HS}+(?P<inthe>{_sk('året', 'månaden', 'veckan')}){_END}"
)
_APPROX_WORDS = (
    _sk("cirka", "circa", "omkring", "ungefär", "knappt", "drygt", "dryga", "runt")
    + "|"
    + _sk("närmare", "uppemot", "över", "nästan")
    + rf"|dver|[c¢]{_V}[.:]?|c:{_V}|ung\."
)
_APPROX = re.compile(rf"(?<![a-z{_V}])(?:{_APPROX_WORDS})[ \t\u00a0\u202f:.;]*(?:\r?\n{_HS}*)?$")
_LEADING_APPROX = re.compile(rf"\s*(?:{_APPROX_WORDS})[ \t\u00a0\u202f:.;]*")
_COST_CONTEXT = re.compile(
    "|".join(
        re.escape(skeleton(w))
        for w in [
            "kost",
            "avgift",
            "pris",
            "ersättning",
            "bidrag",
            "budget",
            "belopp",
            "finansi",
            "medel",
            "kronor",
        ]
    )
    + rf"|(?<![a-z{_V}])(?:kr|sek){_END}"
)
_NEXT_WORD = re.compile(rf"{_GAP}([a-z{_V}]+)")

# Candidate number-word tokens (possessive `++`: linear time; `decompose` splits exactly).
_WORD_TOKEN = re.compile(
    rf"(?<![a-z{_V}])(?:(?:{'|'.join(map(re.escape, sorted(MORPHEMES, key=len, reverse=True)))})++"
    rf"|{re.escape(OCH_WORD)})(?![a-z{_V}])"
)
_GAP_ONLY = re.compile(rf"{_GAP}")


@dataclass(frozen=True)
class _Core:
    start: int
    end: int
    value: int
    big_scale: bool


def _word_cores(sk: str, taken: list[tuple[int, int]]) -> list[_Core]:
    """Maximal grammatical runs of number words in the skeleton text."""
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD_TOKEN.finditer(sk)]
    taken_iter = iter(sorted(taken))
    cur_taken = next(taken_iter, None)
    cores: list[_Core] = []
    i, n = 0, len(tokens)
    while i < n:
        s, e, tok = tokens[i]
        while cur_taken is not None and cur_taken[1] <= s:
            cur_taken = next(taken_iter, None)
        if cur_taken is not None and cur_taken[0] < e:
            i += 1
            continue
        items = decompose(tok)
        if items is None or tok == OCH_WORD:
            i += 1
            continue
        st = feed_all(START, items)
        if st is None:
            i += 1
            continue
        end, j = e, i + 1
        while j < n:
            s2, e2, tok2 = tokens[j]
            if not _GAP_ONLY.fullmatch(sk, end, s2) or (cur_taken and cur_taken[0] < e2):
                break
            if tok2 == OCH_WORD:
                # only "X och en halv"
                och = feed(st, OCH)
                if (
                    och is not None
                    and j + 2 < n
                    and tokens[j + 1][2] in ONE_WORDS
                    and tokens[j + 2][2] in HALF_WORDS
                ):
                    st, end, j = och, e2, j + 1
                    continue
                break
            more = decompose(tok2)
            trial = None if more is None else feed_all(st, more)
            if trial is None:
                break
            st, end, j = trial, e2, j + 1
        value2 = st[0] + st[1]
        if value2 > 0 and value2 % 2 == 0:
            cores.append(_Core(s, end, value2 // 2, st[5]))
        i = j
    return cores


def _digits_value(m: re.Match[str]) -> Decimal:
    if m.group("grp"):
        whole = re.sub(r"\D", "", m.group("grp"))
        dec = m.group("gdec")
    else:
        whole = m.group("plain")
        dec = m.group("cdec") or m.group("ddec")
        if dec and len(dec) == 3 and m.group("cdec") and _KRONOR_AFTER.match(m.string, m.end()):
            whole, dec = whole + dec, None  # "12,500 kr": a thousands comma (an English sheet)
    return Decimal(f"{whole}.{dec}") if dec else Decimal(whole)


#: kronor right after a number (no thousands, no millions: "1,250 mnkr" is 1.25 millions)
_KRONOR_AFTER = re.compile(r"\s{0,2}(?:kr\b|kronor\b|sek\b)", re.I)


def _to_int(v: Decimal) -> int:
    return int(v.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _per_after(sk: str, text: str, pos: int) -> str | None:
    m = _PER.match(sk, pos)
    if m is None:
        return None
    if m.group("per"):
        return canon_per(m.group("per"), text[m.start("per") : m.end("per")])
    if m.group("yearly"):
        return "år"
    return PER_INTHE.get(m.group("inthe"))


def _approx_start(sk: str, start: int) -> int | None:
    window_start = max(0, start - 40)
    m = _APPROX.search(sk, window_start, start)
    return m.start() if m else None


def _next_is_count_noun(sk: str, pos: int) -> bool:
    m = _NEXT_WORD.match(sk, pos)
    if m is None:
        return False
    w = m.group(1)
    return w in COUNT_NOUNS or (w.endswith("n") and w[:-1] in COUNT_NOUNS)


def _unit(sk: str, pos: int) -> tuple[int, int, bool, bool] | None:
    """(end, multiplier, currency present, big scale present) of a unit starting at pos."""
    u = _UNIT.match(sk, pos)
    if u is None:
        return None
    for group, mult in (("g", 10**9), ("m", 10**6), ("k", 10**3)):
        if u.group(group):
            return u.end(), mult, True, group != "k"
    for group, mult in (("sg", 10**9), ("sm", 10**6), ("sk", 10**3)):
        if u.group(group):
            return u.end(), mult, bool(u.group("scur")), group != "sk"
    return u.end(), 1, True, False


#: a currency word right before a grouped number ("kr 90.000"), not one after ("… kr 2019")
_CUR_BEFORE = re.compile(
    rf"(?<![\d{_HS}]){_HS}*(?<![\d.,]{_HS})(?P<cur>\bkr\.?|\bsek){_HS}{{1,2}}$"
)


def find_amounts(text: str) -> list[AmountMatch]:
    """Every SEK amount in `text`, in order, as spans of `text` (see the module doc)."""
    return list(_find_amounts(text))


@lru_cache(maxsize=8192)  # the readers of a document ask about the same sentences and lines
def _find_amounts(text: str) -> tuple[AmountMatch, ...]:
    if not text:
        return ()
    sk = ocr_digits(text, skeleton(text))
    out: list[AmountMatch] = []
    taken: list[tuple[int, int]] = []

    def emit(start: int, core_end: int, end: int, sek: int, explicit: bool) -> None:
        if sek <= 0:
            return  # "0 kr" is no sum of money
        a = _approx_start(sk, start)
        s = a if a is not None else start
        out.append(
            AmountMatch(
                start=s,
                end=end,
                raw=text[s:end],
                sek=sek,
                approximate=a is not None,
                per=_per_after(sk, text, end),
                unit_explicit=explicit,
            )
        )
        taken.append((start, end))

    prev: re.Match[str] | None = None  # the number before, if it had no unit
    for m in _DIGITS.finditer(sk):
        value = _digits_value(m)
        unit = _unit(sk, m.end())
        first, prev = prev, None
        said = None  # "fyrahundrafemtiotusen (450 000) kronor": the sum in words before it
        if (
            unit is None
            and sk[m.start() - 1 : m.start()] == "("
            and sk[m.end() : m.end() + 1] == ")"
            and m.group("grp")  # (a year or a count in brackets is no sum: "(2005) kronor")
        ):
            unit = _unit(sk, m.end() + 1)
            said = WORDS_BEFORE_BRACKET.search(text, 0, m.start())
        if unit is not None and sk[m.end() : m.end() + 1] == ")":
            end, mult, explicit, _big = unit
            if explicit:  # ("(450 000) kronor" alone: from its bracket)
                at = said.start() if said is not None else m.start() - 1
                emit(at, m.end(), end, _to_int(value * mult), True)
            continue
        if unit is not None:
            end, mult, explicit, big = unit
            if not explicit and not big:
                continue  # "tusen" without a currency word
            if (
                mult == 1
                and not m.group("grp")
                and YEARISH.fullmatch(m.group())
                and (
                    YEAR_HEAD.search(text[max(0, m.start() - 30) : m.start()])
                    or YEAR_COLUMNS.search(text)
                )
            ):
                # "Kostnader 2006   kr": a table's year beside its unit (not a round "2000 kr")
                continue
            if (
                not m.group("grp")
                and YEARISH.fullmatch(m.group())
                and YEAR_OR_MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
            ):
                continue  # "2004   2005" over "Tkr   Tkr"; "april 2011  tkr": a date's year
            if not explicit and _next_is_count_noun(sk, end):
                continue
            low = _digits_value(first) if first is not None else 0
            if first is not None and range_start(sk, first, m) and value / 20 <= low < value:
                # "mellan 250 000 och 400 000 kronor": the range's first end shares the unit
                emit(
                    first.start(),
                    first.end(),
                    first.end(),
                    _to_int(_digits_value(first) * mult),
                    explicit,
                )
            emit(m.start(), m.end(), end, _to_int(value * mult), explicit)
            continue
        prev = m
        before = (
            _CUR_BEFORE.search(sk, max(0, m.start() - 12), m.start())
            if value >= 1000 and m.group("grp")
            else None
        )
        if before is not None:
            # the unit before the number, as older documents print it: "kr 75.000"
            emit(before.start("cur"), m.end(), m.end(), _to_int(value), True)
            continue
        if m.group("grp") and out and out[-1].unit_explicit and sought_after(sk, out[-1].end, m):
            # "220 000 kronor (sökt 250 000)": the sum applied for, in the unit before it
            emit(m.start(), m.end(), m.end(), _to_int(value), False)
            continue
        if _ORE_CELL.fullmatch(m.group()) and not _SHARE_AFTER.match(text, m.end()):
            # "210000,00": kronor and öre, as an accounts printout prints money
            emit(m.start(), m.end(), m.end(), _to_int(value), False)
            continue
        per = _PER.match(sk, m.end()) if value >= 100 else None
        if (
            per is not None
            # "bidrag 2018 per bidragsform": a year, not a rate
            and not (re.fullmatch(r"(?:19[5-9]|20[0-3])\d", m.group()))
            and (per.group("per") or per.group("yearly"))
            and _COST_CONTEXT.search(sk, max(0, m.start() - 120), m.start())
        ):
            emit(m.start(), m.end(), m.end(), _to_int(value), False)

    for core in _word_cores(sk, taken):
        unit = _unit(sk, core.end)
        end, mult, explicit, big = (core.end, 1, False, False) if unit is None else unit
        if unit is not None and not explicit and not big:
            continue  # "fem tusen" without currency
        if not explicit and (not (core.big_scale or big) or _next_is_count_noun(sk, end)):
            continue
        emit(core.start, core.end, end, core.value * mult, explicit)

    out.sort(key=lambda a: (a.start, a.end))
    return tuple(out)


#: a sum in kronor and öre: a thousand or more, two decimals (no count or share)
_ORE_CELL = re.compile(r"(?:\d{4,}|\d{1,3}(?:[ .]\d{3})+),\d\d")
_SHARE_AFTER = re.compile(r"\s*(?:%|procent|promille)", re.IGNORECASE)


def parse_amount(s: str) -> int | None:
    """The SEK value of one amount string (e.g. a table cell), or None.

    A string holding exactly one amount ("950 000 kr", "1 miljon kr", "ca 3,5 mkr") gives
    that amount; several different amounts give None.  A string that is nothing but a
    number ("950 000", "ca 1 200") is read as kronor: the caller has already decided the
    cell holds money.
    """
    found = find_amounts(s)
    values = {a.sek for a in found}
    if len(values) == 1:
        return values.pop()
    if found:
        return None
    sk = skeleton(s).strip()
    q = _LEADING_APPROX.match(sk)
    m = _DIGITS.fullmatch(sk, q.end() if q else 0)
    return None if m is None else _to_int(_digits_value(m))
