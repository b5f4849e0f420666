"""The words around a number that decide whether it is one end of a range of money, a year
beside a table's unit, or a sum written twice (in words, then in digits in brackets). Read by
:mod:`pipeline.lang.amounts` on the folded skeleton of a text (vowels as "*") or on the text.
"""

from __future__ import annotations

import re

__all__ = [
    "RANGE_BETWEEN",
    "RANGE_OPENS",
    "WORDS_BEFORE_BRACKET",
    "YEARISH",
    "YEAR_COLUMNS",
    "YEAR_HEAD",
    "YEAR_OR_MONTH_BEFORE",
    "range_start",
]

#: between a range's two ends ("250 000 och 400 000", "1,5 till 2", "250 000–400 000"),
#: and what opens a range written in words (in the skeleton: vowels are "*")
RANGE_BETWEEN = re.compile(r"\s+(?:\*ch|till)\s+|\s*[-–]\s*")
RANGE_OPENS = re.compile(r"(?:mell\*n|fr\*n)\s+$")


def range_start(sk: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether `first` is the lower end of a range whose upper end `second` carries the
    unit: "mellan A och B kr", "från A till B mnkr", "A–B kr"."""
    between = sk[first.end() : second.start()]
    if RANGE_BETWEEN.fullmatch(between) is None:
        return False
    dashed = not between.strip(" -–")
    return dashed or bool(RANGE_OPENS.search(sk, max(0, first.start() - 12), first.start()))


#: the word of a table header before its year ("Kostnader 2006", "Budget 2019")
YEAR_HEAD = re.compile(
    r"(?:kostnad\w*|budget\w*|belopp|finansiering|utfall|prognos)\s+$", re.IGNORECASE
)
#: a year or a month right before a year: "2004   2005" (year columns), "april 2011" (a date)
YEAR_OR_MONTH_BEFORE = re.compile(
    r"(?:(?:19|20)\d\d|\b(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zé]*\.?)\s+$",
    re.IGNORECASE,
)
#: a table header of year columns with their unit: "2021 kr     2022 kr"
YEAR_COLUMNS = re.compile(r"(?:19|20)\d\d\s?(?:t?kr|kronor)\s+(?:19|20)\d\d\s?(?:t?kr|kronor)\b")
#: a sum in words right before the same sum in digits in brackets ("fyrahundrafemtiotusen (")
WORDS_BEFORE_BRACKET = re.compile(
    r"\b[a-zåäö]*(?:tusen|hundra|miljon|miljoner|miljard|miljarder)\s*\($", re.IGNORECASE
)
#: a year alone, no sum of money even with "kr" after it
YEARISH = re.compile(r"19[5-9]\d|20(?:0[1-9]|[123]\d)")
