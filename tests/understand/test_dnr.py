"""Diarienummer: the printed forms of different years and committees."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.understand.dnr import find_dnrs, normalize_dnr


@pytest.mark.parametrize(
    ("text", "raw", "normalized"),
    [
        ("Dnr 3.2.1-792/2020", "3.2.1-792/2020", "3.2.1-792/2020"),
        ("(KS-2019-00112-4)", "KS-2019-00112-4", "KS-2019-00112-4"),
        ("Dnr O318/2000", "O318/2000", "0318/2000"),
        ("DNR 0066/2008", "0066/2008", "0066/2008"),
        ("Dnr 106-0412/2007", "106-0412/2007", "106-0412/2007"),
        ("Dnr: 1.6-0543/2008", "1.6-0543/2008", "1.6-0543/2008"),
        ("D nr 008 – 121 / 05", "008 – 121 / 05", "008-121/05"),
        ("Dinr 3.2:275/2013 .", "3.2:275/2013", "3.2-275/2013"),
        ("Dnr 3.2:275/2013", "3.2:275/2013", "3.2-275/2013"),
        ("Diarienummer 2.1.1—1O45/2016", "2.1.1—1O45/2016", "2.1.1-1045/2016"),
        (
            "Avdelningen för stadsövergripande Dnr 3.2.1-792/2020",
            "3.2.1-792/2020",
            "3.2.1-792/2020",
        ),
        ("KS 155/18", "KS 155/18", "KS 155/18"),
        # another municipality's year and running number; a classification before them
        ("Dnr KS 2020/00815", "KS 2020/00815", "KS 2020/00815"),
        ("Dnr 4.1/0231/2005", "4.1/0231/2005", "4.1/0231/2005"),
    ],
)
def test_find_dnr(text: str, raw: str, normalized: str) -> None:
    (found,) = find_dnrs(text)
    assert (found.raw, found.normalized) == (raw, normalized)
    assert text[found.start : found.end] == raw


@pytest.mark.parametrize(
    "text",
    [
        "SOTN 2008-03-18",
        "Telefon 08-508 25 246",
        "under åren 2012-2014 och 2013/2014",
        "Protokoll nr 8/2017",
        "750 000 kronor",
        "15/5 2013",
    ],
)
def test_not_dnr(text: str) -> None:
    assert find_dnrs(text) == []


def test_labelled_flag() -> None:
    (a,) = find_dnrs("Dnr 1.6-0543/2008")
    (b,) = find_dnrs("se ärende 1.6-0543/2008")
    assert a.labelled and not b.labelled


@given(
    st.lists(st.integers(1, 9), min_size=1, max_size=3),
    st.integers(1, 9999),
    st.integers(1990, 2030),
)
def test_normalization_is_idempotent(classes: list[int], serial: int, year: int) -> None:
    printed = ".".join(map(str, classes)) + f" – {serial:04d} / {year}"
    norm = normalize_dnr(f"Dnr {printed}")
    assert norm == ".".join(map(str, classes)) + f"-{serial:04d}/{year}"
    assert normalize_dnr(norm) == norm
