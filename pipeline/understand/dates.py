"""Swedish dates as printed in municipal documents, OCR damage included.

Read: ISO ``2013-05-15`` (also ``2013.05.15``), ``15 maj 2013``, ``den 15-maj 2013``,
``15:e maj 2013``, ``den 17 juni`` (year from a nearby full date or `default_year`),
``15/5 2013`` / ``15/5-13``, and month names damaged by OCR (``decernber``, ``jun1``,
``febmari``). Letters read for digits (``2O13``) are accepted only when the result is a
valid date. Not dates: dnr (``3.2.1-123/2021``), amounts, phone numbers, year ranges
(``2012-2014``) and month-year phrases without a day (``januari 2021``).

A date that cannot be read is ``None``, never a guess.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold
from pipeline.lang.numbers import MAX_YEAR, MIN_YEAR, MONTH_ABBREVIATIONS, MONTHS, PRINTED_YEAR

__all__ = ["ISO_DATE", "DateMatch", "find_dates", "parse_date", "month_number"]

#: a date printed the ISO way, "2015-03-04" (no groups, no anchors)
ISO_DATE = rf"{PRINTED_YEAR}-\d\d-\d\d"

CONTEXT_CHARS = 400  # how far a day-month date looks for its year

_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_OCR_LETTERS = str.maketrans({"1": "i", "0": "o", "3": "e", "5": "s"})

_D = r"[0-9OoIl]"
_ISO = re.compile(
    rf"(?<![\w/.:-])(?P<y>[12]{_D}{{3}})(?P<sep>[-.])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}})"
    r"(?![\w/-]|\.\d)"
)
_TEXTUAL = re.compile(
    r"(?<![\w/.,-])(?P<d>[0-3]?[0-9Il])(?::[ea])?\s*(?:-\s*|\s+)"
    r"(?P<mon>[A-Za-zÅÄÖåäöé][A-Za-zÅÄÖåäöé0-9]{2,10})(?P<dot>\.?)"
    r"(?:\s*[,-]?\s*(?P<y>(?:19|20)[0-9O]{2})(?![\d]))?"
)
_NUMERIC = re.compile(
    r"(?<![\w/.,-])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)"
    rf"(?:(?:\s+|\s*-\s*)(?P<y>{PRINTED_YEAR})|-(?P<yy>\d\d))?(?![\d/])"
)
_DEN_BEFORE = re.compile(r"\bden\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: its span, the printed text and the date (None if unreadable)."""

    start: int
    end: int
    raw: str
    date: dt.date | None


def month_number(word: str) -> int | None:
    """The month a (possibly OCR-damaged) Swedish month name stands for, else None."""
    w = fold(word.strip(".")).translate(_OCR_LETTERS).replace("rn", "m")
    if not w.isalpha():
        return None
    if w in MONTHS:
        return MONTHS[w]
    if w in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[w]
    if len(w) < 5:
        return None
    allowed = 1 if len(w) <= 7 else 2
    scored = sorted((Levenshtein.distance(w, name), n) for name, n in MONTHS.items())
    (best, month), (second, _) = scored[0], scored[1]
    if best <= allowed and second > best:
        return month
    return None


def _digits(s: str) -> int | None:
    t = s.translate(_OCR_DIGITS)
    return int(t) if t.isdigit() else None


def _make(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    if y is None or m is None or d is None or not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_from_context(
    text: str,
    pos: int,
    dated: list[DateMatch],
    default_year: int | None,
    starts: list[int] | None = None,
) -> int | None:
    if starts is None:
        starts = [m.start for m in dated]  # `dated` is sorted by start: look only near `pos`
    lo = bisect.bisect_left(starts, pos - CONTEXT_CHARS)
    hi = bisect.bisect_right(starts, pos + CONTEXT_CHARS)
    near = [m for m in dated[lo:hi] if m.date is not None]
    if near:
        return min(near, key=lambda m: abs(m.start - pos)).date.year  # type: ignore[union-attr]
    return default_year


class _Spans:
    """Non-overlapping taken spans, kept sorted: overlap checks in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1  # the last span starting before b
        return i < 0 or self.ends[i] <= a

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every date in `text`, in order of appearance."""
    found: list[DateMatch] = []
    taken = _Spans()
    pending: list[tuple[int, int, str, int, int]] = []  # day-month dates awaiting a year
    free = taken.free

    for m in _ISO.finditer(text):
        raw = m.group()
        if raw.count(".") and not all(c.isdigit() or c == "." for c in raw):
            continue
        date = _make(_digits(m.group("y")), _digits(m.group("m")), _digits(m.group("d")))
        if date is None:
            continue
        found.append(DateMatch(m.start(), m.end(), raw, date))
        taken.append(m.span())
    for m in _TEXTUAL.finditer(text):
        month = month_number(m.group("mon"))
        day = _digits(m.group("d"))
        if month is None or day is None or not free(*m.span()):
            continue
        end = m.end() if m.group("y") else m.end("mon") + len(m.group("dot"))
        raw = text[m.start() : end]
        if m.group("y"):
            found.append(DateMatch(m.start(), end, raw, _make(_digits(m.group("y")), month, day)))
        else:
            if not 1 <= day <= 31:
                continue
            pending.append((m.start(), end, raw, month, day))
        taken.append((m.start(), end))
    for m in _NUMERIC.finditer(text):
        if not free(*m.span()):
            continue
        day, month = int(m.group("d")), int(m.group("m"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if m.group("y"):
            year: int | None = int(m.group("y"))
        elif m.group("yy"):
            year = (
                2000 + int(m.group("yy")) if int(m.group("yy")) < 40 else 1900 + int(m.group("yy"))
            )
        else:
            if not _DEN_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            pending.append((m.start(), m.end(), m.group(), month, day))
            taken.append(m.span())
            continue
        found.append(DateMatch(m.start(), m.end(), m.group(), _make(year, month, day)))
        taken.append(m.span())
    dated = sorted(found, key=lambda x: x.start)
    dated_starts = [m.start for m in dated]
    for start, end, raw, month, day in pending:
        year = _year_from_context(text, start, dated, default_year, dated_starts)
        found.append(DateMatch(start, end, raw, _make(year, month, day)))
    return sorted(found, key=lambda x: x.start)


def parse_date(s: str, default_year: int | None = None) -> dt.date | None:
    """The date `s` consists of (surrounding words like "den" allowed), else None."""
    matches = [m for m in find_dates(s, default_year) if m.date is not None]
    return matches[0].date if len(matches) == 1 else None
