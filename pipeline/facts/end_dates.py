"""When a project ends, as a table cell or a sentence prints it: a date, a month and year
("juni 2024"), a season or term ("hösten 2008", "vt 2020"), a quarter or tertial ("Q2 2022",
"T2 2009"), a month of a year ("2013-12", "12/2019") or a year or period of years ("2018–2019"). Pure.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import PRINTED_YEAR, YEAR
from pipeline.understand.dates import find_dates, month_number

__all__ = [
    "ENDED",
    "RUNS_YEAR",
    "TURN_OF_YEAR",
    "row_end",
    "dated",
    "parse_end_cell",
    "parse_end_date",
    "season_end",
    "status_end",
]

_MONTH_YEAR = re.compile(rf"(?<!\d\s)\b([A-Za-zÅÄÖåäöé]{{3,10}})\s+({PRINTED_YEAR})\b")


def parse_end_date(
    text: str, default_year: int | None = None
) -> tuple[int, int, str, dt.date | None] | None:
    """The last date in a cell text: ``(start, end, raw, date)``; a month and year ("Januari
    2021") is read as the month's first day; a day and month without a year give None."""
    best: tuple[int, int, str, dt.date | None] | None = None
    for d in find_dates(text, default_year):
        best = (d.start, d.end, d.raw, d.date)
    for m in _MONTH_YEAR.finditer(text):
        mon = month_number(m.group(1))
        if mon is None:
            continue
        if best is not None and best[0] <= m.start() < best[1]:
            continue
        year = int(m.group(2))
        if best is None or m.start() > best[0]:
            best = (m.start(), m.end(), m.group(0), dt.date(year, mon, 1))
    return best


def season_end(text: str) -> dt.date | None:
    """ "hösten 2008", "under våren 2015": the season's last day (the year is what is sure)."""
    best = None
    for m in _SEASON_YEAR.finditer(text):
        word = m.group(1).lower()
        mon, day = _SEASON_END[word if word in ("vt", "ht") else word[:3]]
        best = dt.date(int(m.group(2)), mon, day)
    for m in _QUARTER_YEAR.finditer(text):
        best = _quarter_end(m)
    return best


def _quarter_end(m: re.Match[str]) -> dt.date:
    word = m.group("n") or m.group("nk") or m.group("ord") or m.group("t") or m.group("tord") or ""
    word = word.lower()
    if m.group("half"):
        return (
            dt.date(int(m.group("year")), 6, 30)
            if m.group("half")[0] in "fF"
            else dt.date(int(m.group("year")), 12, 31)
        )
    mon = (4 if m.group("t") or m.group("tord") else 3) * (
        int(word) if word.isdigit() else _ORDINALS[word[:3]]
    )  # a tertial ("T2 2009") ends with its fourth month
    return dt.date(int(m.group("year")), mon, 30 if mon in (4, 6, 9) else 31)


_SEASON_YEAR = re.compile(
    r"\b(våren|sommaren|hösten|vintern|vt|ht|vårterminen|höstterminen)\s+((?:19|20)\d\d)\b", re.I
)
#: a quarter: "Q2 2022", "kv. 3 2021", "kvartal 4 2020", "andra kvartalet 2022", or a tertial:
#: "T2 2009", "tredje tertialet 2019"
_QUARTER_YEAR = re.compile(
    r"(?:\b(?:Q|kv\.?|kvartal)\s*(?P<n>[1-4])|\b(?P<ord>första|andra|tredje|fjärde)\s+kvartalet"
    r"|\b(?P<nk>[1-4])(?::a|:e)?\s+(?:kv\.?|kvartalet)"  # "1 kv 2000", "2:a kvartalet 2021"
    r"|\b(?:T|tertial)\s*(?P<t>[1-3])|\b(?P<tord>första|andra|tredje)\s+tertialet"
    r"|\b(?P<half>första|andra)\s+halvåret)"  # "första halvåret 2024": to the end of June
    r"\s+(?:år\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ORDINALS = {"för": 1, "and": 2, "tre": 3, "fjä": 4}
#: a term ("vt 2020" = vårterminen, "ht" = höstterminen) ends with its season
_SEASON_END = {
    "vår": (6, 30),
    "vt": (6, 30),
    "som": (8, 31),
    "hös": (12, 31),
    "ht": (12, 31),
    "vin": (12, 31),
}


_YM = r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])"  # "2013-12"; a period "2020-05 – 2022-12": its end
_YEAR_MONTH = re.compile(rf"^\s*(?:{_YM}\s*[-–—]\s*)?((?:19|20)\d\d)-(0[1-9]|1[0-2])\s*$")
#: a month and year with a slash, as a table cell prints it: "12/2019", "06/ 2019"
_MONTH_SLASH_YEAR = re.compile(r"^\s*(0?[1-9]|1[0-2])\s*/\s*((?:19|20)\d\d)\s*$")
#: a bracket that names another end than the cell's: the earlier one, the one asked for
_OTHER_END = re.compile(
    r"\(\s*(?:tid\.|tidigare|urspr\.|ursprungl\w*|f\.\s?d\.|fd\.?|förut|begärt|begärd|"
    r"sökt|enl\.\s+beslut)[^()]*\)",
    re.IGNORECASE,
)
#: a month or a term with its year's last two digits after a dash: "dec -99", "hösten -99"
_SHORT_YEAR = re.compile(
    r"(?i)\b((?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?|vår(?:en)?|"
    r"höst(?:en)?|vt|ht|sommaren)\s+-\s?(\d\d)\b(?![-\d])"
)
#: a date as the typed era wrote it in a cell, year, month and day in six digits (ÅÅMMDD),
#: perhaps a period's end: "991231", "940401-941231"
_YYMMDD = re.compile(r"^\s*(?:\d{6}\s*[-–—]\s*)?(\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$")
#: a typed-era period of months, its last or its extension's: "0302-0406", "0309-0406 förl. 0412"
_YYMM = re.compile(
    r"^\s*(?:\d{4}\s*[-–—]\s*)?(\d\d)(0[1-9]|1[0-2])"
    r"(?:\s+(?:förl\.?|forl\.?|förlängt|ny)\s+(\d\d)(0[1-9]|1[0-2]))?\s*$",
    re.IGNORECASE,
)
_CELL_YEARS = re.compile(rf"^\s*(?:{YEAR}\s*[-–—/]+\s*)?({YEAR})\s*$")


def parse_end_cell(
    text: str, default_year: int | None = None
) -> tuple[int, int, str, dt.date | None] | None:
    """An end-date cell: a date or month as :func:`parse_end_date` reads it, else a year or a
    period of years ("2018–2019"), read as its last year's last day. An earlier or a requested
    end in brackets beside it ("2011-03-31 (tid. 2010-12-31)", "(begärt 991231)") is not it."""
    text = _OTHER_END.sub(lambda m: " " * len(m.group(0)), text)
    bare = re.sub(r"\([^()]*\)?", lambda m: " " * len(m.group(0)), text)
    if bare != text and parse_end_date(bare, default_year) is not None:
        text = bare  # "2017-12-31 (förlängning medgiven 2017-05-23)": the remark's date is not it
    if (short := _SHORT_YEAR.search(text)) is not None:  # "dec -99", "hösten -99": 1999
        yy = int(short.group(2))
        full = _SHORT_YEAR.sub(rf"\g<1> {(1900 if yy >= 50 else 2000) + yy}", text)
        got = parse_end_cell(full, default_year)
        return None if got is None else (0, len(text), text.strip(), got[3])
    got = parse_end_date(text, default_year)
    if got is not None:
        return got
    if (school := _SCHOOL_YEAR.search(text)) is not None:  # "läsåret 2017/18": to June 2018
        second = school.group(2)
        end = int(school.group(1)[:2] + second) if len(second) == 2 else int(second)
        return school.start(), school.end(), school.group(0), dt.date(end, 6, 30)
    if (turn := TURN_OF_YEAR.search(text)) is not None:  # "årsskiftet 2011/2012": 2011's end
        return turn.start(), turn.end(), turn.group(0), dt.date(int(turn.group(1)), 12, 31)
    term = _SEASON_YEAR.search(text) or _QUARTER_YEAR.search(text)
    season = season_end(text)
    if term is not None and season is not None:  # "vt 2020", "hösten 2019"
        return term.start(), term.end(), term.group(0), season
    # "2013-12", "12/2019": that month
    for pattern, year, month in ((_YEAR_MONTH, 1, 2), (_MONTH_SLASH_YEAR, 2, 1)):
        if (ym := pattern.match(text)) is not None:
            day = dt.date(int(ym.group(year)), int(ym.group(month)), 1)
            return ym.start(1), ym.end(2), ym.group(0).strip(), day
    if (short := _YYMMDD.match(text)) is not None:  # "981231", "940401-941231": typed-era
        yy, mm, dd = (int(g) for g in short.groups())
        try:
            day = dt.date((1900 if yy >= 50 else 2000) + yy, mm, dd)
        except ValueError:
            return None
        return short.start(1), short.end(3), short.group(0).strip(), day
    m = _CELL_YEARS.match(text)
    if m is None and (ym2 := _YYMM.match(text)) is not None:  # "0309-0406 förl. 0412": ÅÅMM
        yy, mo = (int(g) for g in (ym2.groups()[2:] if ym2.group(3) else ym2.groups()[:2]))
        return (
            ym2.start(),
            ym2.end(),
            ym2.group(0).strip(),
            dt.date(2000 + yy - 100 * (yy >= 50), mo, 1),
        )
    if m is None:
        return None
    return m.start(1), m.end(1), m.group(1), dt.date(int(m.group(1)), 12, 31)


#: the turn of a year: "årsskiftet 2011/2012", "årsskiftet 98/99"
TURN_OF_YEAR = re.compile(r"\b[åa]rsskiftet\s+((?:19|20)\d\d)\s*[/–-]\s*(?:19|20)?\d\d\b", re.I)
#: a school year: "läsåret 2017/18", "läsår 2006/2007"
_SCHOOL_YEAR = re.compile(r"\bl[aä]s[aå]r(?:et)?\s+((?:19|20)\d\d)\s*/\s*((?:19|20)?\d\d)\b", re.I)
#: the word of a status cell after which its end stands: "Avslutad dec 2023", "Pågår till aug
#: 2024", "Pågår, klar juni 2008", "Slutrapport vt 2019"
_STATUS_END = re.compile(
    r"\b(?:klar[t]?|avslut\w*|avbrut\w*|slutf\w*|slutrapport\w*|fardig\w*|till(?:\s+och\s+med)?"
    r"|t(?:\.\s?|\s)o(?:\.\s?|\s)m\.?)(?!\w)"  # ("Förlängs t o m 2002-06-30")
)
#: a remark's word of ending: "Slutrapport februari 2016", "Ny sluttid december 2016" (not
#: "till": "Överförs till 2017" moves money)
_REMARK_END = re.compile(
    r"\b(?:klar[t]?|avslut\w*|slutf\w*|slutrapport\w*|fardig\w*|(?:ny\s+)?slut(?:tid|datum))(?!\w)"
)


def status_end(
    text: str, default_year: int | None = None, remark: bool = False
) -> tuple[int, int, str, dt.date | None] | None:
    """The end a status cell dates after its word of ending ("Avslutad dec 2023"); a status
    without one ("Beviljad 2019-03-12", "Pågår") dates nothing. A remark (``remark``) dates
    only after a word of ending or a new end ("Ny sluttid december 2016")."""
    m = (_REMARK_END if remark else _STATUS_END).search(fold(text))
    if m is None:
        return None
    got = parse_end_cell(text[m.end() :].strip(" ,:."), default_year)
    if got is None:
        return None
    return got[0] + m.end(), got[1] + m.end(), got[2], got[3]


#: a status that says the work has ended, perhaps with its date ("Avbrutet 2017-06-16")
ENDED = re.compile(r"^(?:avbrut\w*|avbr\.|avslut\w*)")


def row_end(
    planned: tuple[int, int, str, dt.date | None] | None,
    status: str,
    remark: str,
    year: int | None,
) -> tuple[int, int, str, dt.date | None] | None:
    """A table row's end: the day its status cell says the work ended or was broken off
    ("Avslutat 990226" under a "T o m 990228" column: it ended two days early), else its end
    column's (`planned`), else a status's or a remark's dated end ("Avslutad dec 2023", "Ny
    sluttid juni 2016")."""
    if status and ENDED.match(fold(status).strip()):
        ended = status_end(status, year)
        if ended is not None and ended[3] is not None:
            return ended
    for text, is_remark in ((status, False), (remark, True)):
        planned = planned or (status_end(text, year, is_remark) if text else None)
    return planned


def dated(field: tuple[int, str] | None) -> tuple[int, str] | None:
    """A field (line, value) whose value dates an end ("Ny slutpunkt: -" dates none)."""
    return field if field is not None and parse_end_cell(field[1]) is not None else None


#: the year the work ends in: "avslutas under 2012", "ska vara klart 2020" (not a year's
#: budget: "för 2019")
RUNS_YEAR = re.compile(
    r"\b(?:(?:avslutas|slutfors|ska vara (?:klart|avslutat|slutfort))\s+(?:under\s+(?:hela\s+)?)?"
    r"|pagar\s+(?:till och med|t\.?\s?o\.?\s?m\.?|till)\s+)(?:ar\s+|utgangen av\s+)?"
    r"((?:19|20)\d\d)(?![-\d])"
)
