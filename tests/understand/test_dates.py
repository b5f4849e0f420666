"""Swedish dates: table cases, things that are not dates, and a round-trip property."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.understand.dates import MONTHS, find_dates, month_number, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013-05-15", dt.date(2013, 5, 15)),
        ("15 maj 2013", dt.date(2013, 5, 15)),
        ("daterat 15-maj 2013", dt.date(2013, 5, 15)),
        ("den 15:e maj 2013", dt.date(2013, 5, 15)),
        ("15/5 2013", dt.date(2013, 5, 15)),
        ("den 18/1-05", dt.date(2005, 1, 18)),
        ("2013.05.15", dt.date(2013, 5, 15)),
        ("31 decernber 2021", dt.date(2021, 12, 31)),
        ("den 5 jun1 2014", dt.date(2014, 6, 5)),
        ("1 Februari 2011", dt.date(2011, 2, 1)),
        ("den 3 okt. 2016", dt.date(2016, 10, 3)),
        ("2O13-05-16", dt.date(2013, 5, 16)),
        ("Telefon: 08 508 25 246 2021-02-16", dt.date(2021, 2, 16)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dnr 3.2.1-792/2020",
        "Dnr 3.2:275/2013",
        "Telefon 08-508 25 248",
        "under åren 2012-2014",
        "årsskiftet 2013/2014",
        "i januari 2021",
        "1 miljon kr",
        "750 000 kronor",
        "Sida 1 (11)",
        "1/3 av medlen",
        "2013-02-30",  # no such day
        "i nov- dec 2013",
        "7,5 poängs utbildning",
    ],
)
def test_not_dates(text: str) -> None:
    assert [m for m in find_dates(text) if m.date is not None] == []


def test_year_from_context_or_default() -> None:
    text = "behandlades den 10 februari. Rådet hade möjlighet den 11 februari 2021."
    found = find_dates(text)
    assert [m.date for m in found] == [dt.date(2021, 2, 10), dt.date(2021, 2, 11)]
    assert parse_date("den 17 juni", default_year=2013) == dt.date(2013, 6, 17)


def test_unreadable_is_none_not_a_guess() -> None:
    (m,) = find_dates("senast den 17 juni")
    assert m.raw == "17 juni" and m.date is None
    assert parse_date("den 5 jxyz 2014") is None


def test_spans_point_at_the_printed_text() -> None:
    text = "Beslut ska fattas 22 januari 2015 och 2015-02-01."
    for m in find_dates(text):
        assert text[m.start : m.end] == m.raw


@pytest.mark.parametrize(
    ("word", "month"),
    [("maj", 5), ("Juni", 6), ("jun1", 6), ("decernber", 12), ("septernber", 9), ("Augusti", 8)],
)
def test_month_names(word: str, month: int) -> None:
    assert month_number(word) == month


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_round_trip(day: dt.date) -> None:
    names = {n: w for w, n in MONTHS.items()}
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"den {day.day} {names[day.month]} {day.year}") == day
    assert parse_date(f"{day.day}/{day.month} {day.year}") == day
