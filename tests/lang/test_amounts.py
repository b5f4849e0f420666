"""Swedish money amounts: table-driven examples, non-amounts and property tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.lang.amounts import AmountMatch, find_amounts, format_swedish_words, parse_amount

NBSP, THIN = "\u00a0", "\u202f"

# (text, [(raw, sek, approximate, per, unit_explicit), ...])
AMOUNTS: list[tuple[str, list[tuple[str, int, bool, str | None, bool]]]] = [
    ("Maximalt belopp är 750 000 kronor.", [("750 000 kronor", 750_000, False, None, True)]),
    ("7 168 325 kr exklusive moms", [("7 168 325 kr", 7_168_325, False, None, True)]),
    ("totalt 3,5 miljoner kronor har", [("3,5 miljoner kronor", 3_500_000, False, None, True)]),
    (
        "omfattar tre och en halv miljon kronor för",
        [("tre och en halv miljon kronor", 3_500_000, False, None, True)],
    ),
    ("Kostnad 1 miljon kr", [("1 miljon kr", 1_000_000, False, None, True)]),
    ("kostar ca: 1 milj. kr totalt", [("ca: 1 milj. kr", 1_000_000, True, None, True)]),
    ("budget om 24,1 mnkr", [("24,1 mnkr", 24_100_000, False, None, True)]),
    ("2 119 671 sek", [("2 119 671 sek", 2_119_671, False, None, True)]),
    ("en omslutning på ca 6 mdkr.", [("ca 6 mdkr", 6_000_000_000, True, None, True)]),
    (
        "en miljard femtiotusen kronor",
        [("en miljard femtiotusen kronor", 1_000_050_000, False, None, True)],
    ),
    ("söka knappt fem miljoner för", [("knappt fem miljoner", 5_000_000, True, None, False)]),
    (
        "kommunen bekostar internatet med ca: 3200 per deltagare.",
        [("ca: 3200", 3200, True, "deltagare", False)],
    ),
    ("beviljas 500 000 kr per år.", [("500 000 kr", 500_000, False, "år", True)]),
    ("beviljas 500 000 kr/år.", [("500 000 kr", 500_000, False, "år", True)]),
    ("tilldelats 4\nmiljoner kronor", [("4\nmiljoner kronor", 4_000_000, False, None, True)]),
    ("är 500 000\nkronor.", [("500 000\nkronor", 500_000, False, None, True)]),
    (f"1{NBSP}500{NBSP}000 kr", [(f"1{NBSP}500{NBSP}000 kr", 1_500_000, False, None, True)]),
    (f"1{THIN}500{THIN}000 kr", [(f"1{THIN}500{THIN}000 kr", 1_500_000, False, None, True)]),
    ("1.500.000 kr", [("1.500.000 kr", 1_500_000, False, None, True)]),
    ("1.5 mkr", [("1.5 mkr", 1_500_000, False, None, True)]),
    ("350 tkr", [("350 tkr", 350_000, False, None, True)]),
    ("350 tusen kronor", [("350 tusen kronor", 350_000, False, None, True)]),
    ("5 MSEK", [("5 MSEK", 5_000_000, False, None, True)]),
    (
        "5 mkr och 2 Mkr",
        [("5 mkr", 5_000_000, False, None, True), ("2 Mkr", 2_000_000, False, None, True)],
    ),
    ("ansöker om fyra miljoner för år 2015", [("fyra miljoner", 4_000_000, False, None, False)]),
    ("ansöker om fyra miljoner for &r 2015", [("fyra miljoner", 4_000_000, False, None, False)]),
    ("300 kronot", [("300 kronot", 300, False, None, True)]),
    ("400 krouor", [("400 krouor", 400, False, None, True)]),
    ("2 miljonet kronor", [("2 miljonet kronor", 2_000_000, False, None, True)]),
    ("500:-", [("500:-", 500, False, None, True)]),
    ("ungefar 300 000 kr", [("ungefar 300 000 kr", 300_000, True, None, True)]),
    ("ungefär 300 000 kr", [("ungefär 300 000 kr", 300_000, True, None, True)]),
    ("narmare 2 miljoner kr", [("narmare 2 miljoner kr", 2_000_000, True, None, True)]),
    (
        "drygt 1,5 miljarder kronor",
        [("drygt 1,5 miljarder kronor", 1_500_000_000, True, None, True)],
    ),
    ("6ver 2 miljoner kronor", [("6ver 2 miljoner kronor", 2_000_000, True, None, True)]),
    ("runt 40 000 kr", [("runt 40 000 kr", 40_000, True, None, True)]),
    ("c:a 40 000 kr", [("c:a 40 000 kr", 40_000, True, None, True)]),
    ("uppemot 40 000 kr", [("uppemot 40 000 kr", 40_000, True, None, True)]),
    # ceilings and floors are exact figures, not approximations
    ("upp till 500 000 kr", [("500 000 kr", 500_000, False, None, True)]),
    ("högst 25 000 kronor", [("25 000 kronor", 25_000, False, None, True)]),
    ("minst 25 000 kronor", [("25 000 kronor", 25_000, False, None, True)]),
    (
        "omkring 10 miljoner\narligen för hela landet",
        [("omkring 10 miljoner", 10_000_000, True, "år", False)],
    ),
    ("Omkring tre miljoner kan fördelas", [("Omkring tre miljoner", 3_000_000, True, None, False)]),
    (
        "totalt cirka tre miljoner kronor.",
        [("cirka tre miljoner kronor", 3_000_000, True, None, True)],
    ),
    ("tvåhundrafemtiotusen kronor", [("tvåhundrafemtiotusen kronor", 250_000, False, None, True)]),
    (
        "två hundra femtio tusen kronor",
        [("två hundra femtio tusen kronor", 250_000, False, None, True)],
    ),
    ("femtiotusen kronor", [("femtiotusen kronor", 50_000, False, None, True)]),
    ("tva miljoner kronor", [("tva miljoner kronor", 2_000_000, False, None, True)]),
    ("sjuttiofem tusen kronor", [("sjuttiofem tusen kronor", 75_000, False, None, True)]),
    ("fyrtio tusen kronor", [("fyrtio tusen kronor", 40_000, False, None, True)]),
    ("atta miljoner kronor", [("atta miljoner kronor", 8_000_000, False, None, True)]),
    ("en halv miljon kr", [("en halv miljon kr", 500_000, False, None, True)]),
    ("halv miljon kronor", [("halv miljon kronor", 500_000, False, None, True)]),
    (
        "en och en halv miljon kronor",
        [("en och en halv miljon kronor", 1_500_000, False, None, True)],
    ),
    (
        "tre miljoner femhundratusen kronor",
        [("tre miljoner femhundratusen kronor", 3_500_000, False, None, True)],
    ),
    ("12,50 kr", [("12,50 kr", 13, False, None, True)]),  # rounded half up to whole kronor
    ("högst 2000 kr per deltagare", [("2000 kr", 2_000, False, "deltagare", True)]),  # round
    (
        "Satsningen kostar 2 milj. kr (12 400 per/person) totalt",
        [("2 milj. kr", 2_000_000, False, None, True), ("12 400", 12_400, False, "person", False)],
    ),
    (
        "Studie | Klart | Kostnad\nRVC | 31 december 2021 | 1 miljon kr\nÖversikt | 31 januari 2022 | 975 000 kr",
        [("1 miljon kr", 1_000_000, False, None, True), ("975 000 kr", 975_000, False, None, True)],
    ),
    (
        "under 2020 500 000 kr och år 2015 750 000 kronor",
        [
            ("500 000 kr", 500_000, False, None, True),
            ("750 000 kronor", 750_000, False, None, True),
        ],
    ),
    ("avgiften är 250 kr i månaden", [("250 kr", 250, False, "månad", True)]),
    # OCR read the zeros as the letter O
    (
        "Lotsen, Bromma stadsdelsförvaltning, 4OO 000 kr",
        [("4OO 000 kr", 400_000, False, None, True)],
    ),
    ("bidraget om 1.250.000 kronor", [("1.250.000 kronor", 1_250_000, False, None, True)]),
    ("knappt 2,6 Mkr", [("knappt 2,6 Mkr", 2_600_000, True, None, True)]),
    # OCR glued the unit to the next sentence's first word
    ("med 80 000 sekFöreningen har", [("80 000 sek", 80_000, False, None, True)]),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS, ids=[t for t, _ in AMOUNTS])
def test_find_amounts_table(
    text: str, expected: list[tuple[str, int, bool, str | None, bool]]
) -> None:
    got = find_amounts(text)
    assert [(a.raw, a.sek, a.approximate, a.per, a.unit_explicit) for a in got] == expected
    for a in got:
        assert text[a.start : a.end] == a.raw


NOT_AMOUNTS = [
    "95 %",
    "ca:25 % av kostnaden",
    "50 procent",
    "under åren 2012-2014",
    "år 2015",
    "beslut 2014-12-16",
    "senast den 31 mars 2022",
    "Telefon 08-508 25 246",
    "Telefon: 08 508 25 246",
    "Dnr 3.2.1-792/2020",
    "DNR 0066/2008",
    "Sida 4 (11)",
    "med nära 7000 anställda",
    "medelvärdet 2,41 och 4,1",
    "106 64 Stockholm",
    "12321 Farsta",
    "en 7,5 poängs högskoleutbildning",
    "2 miljoner invånare",
    "tusen deltagare",
    "femtiotusen besökare",
    "om 5 till 10 deltagare",
    "projekt under 1-3 år",
    "14 studier pågår",
    "fem stadsdelar",
    "tre delar",
    "fem tusen",
    "Två gånger per år",
    "2 dagar per seminarium",  # below 100: not a price
    "3200 per deltagare",  # no cost word in sight
    "miljoner kronor",  # no number
    "flera miljoner kronor",
    "Kravet 500",
    "2012/2013",
    "Finansiering 2012                                 Kronor",  # a column header far off
    "Kostnader 2006 kr Projektledare 50 %",  # the same header, its gap closed in a sentence
    "Besöksadress Sveavägen 12, 3 tr",
    "0 kr",
    "Projektet 2O16 startar",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


PARSE = [
    ("950 000 kr", 950_000),
    ("1 miljon kr", 1_000_000),
    ("950 000", 950_000),
    ("ca 1 200", 1_200),
    ("  500 000 kr per år ", 500_000),
    ("3,5 mkr", 3_500_000),
    ("tre miljoner", 3_000_000),
    ("fem", None),
    ("", None),
    ("okänt", None),
    ("500 000 kr + 25 000 kr", None),
]


@pytest.mark.parametrize(("cell", "sek"), PARSE)
def test_parse_amount(cell: str, sek: int | None) -> None:
    assert parse_amount(cell) == sek


WORDS = [
    (1, "ett"),
    (21, "tjugoett"),
    (100, "etthundra"),
    (101, "etthundraett"),
    (1000, "ettusen"),
    (25_000, "tjugofemtusen"),
    (250_000, "tvåhundrafemtiotusen"),
    (3_500_000, "tre miljoner femhundratusen"),
    (21_000_000, "tjugoen miljoner"),
    (1_000_050_000, "en miljard femtiotusen"),
    (10_000_000_000, "tio miljarder"),
]


@pytest.mark.parametrize(("n", "words"), WORDS)
def test_format_swedish_words(n: int, words: str) -> None:
    assert format_swedish_words(n) == words


def test_format_out_of_range() -> None:
    with pytest.raises(ValueError):
        format_swedish_words(-1)


def _one(text: str) -> AmountMatch:
    found = find_amounts(text)
    assert len(found) == 1, (text, found)
    a = found[0]
    assert (a.start, a.end) == (0, len(text)), (text, a)
    return a


def _group(n: int, sep: str) -> str:
    s = str(n)
    head, rest = s[: len(s) % 3 or 3], s[len(s) % 3 or 3 :]
    return sep.join([head] + [rest[i : i + 3] for i in range(0, len(rest), 3)])


@given(
    n=st.integers(1, 10**10),
    sep=st.sampled_from([" ", NBSP, THIN, ".", ""]),
    unit=st.sampled_from(["kr", "kronor", "SEK", "kr."]),
)
@example(n=1000, sep=".", unit="kr")
@example(n=10**10, sep=NBSP, unit="kronor")
def test_roundtrip_digits(n: int, sep: str, unit: str) -> None:
    text = f"{_group(n, sep)} {unit}"
    a = find_amounts(text)
    assert [x.sek for x in a] == [n]
    assert a[0].raw == text.removesuffix(".")
    assert a[0].unit_explicit


@given(n=st.integers(1, 10**10))
@example(n=3_500_000)
@example(n=1_000_050_000)
@example(n=2_000_000_001)
def test_roundtrip_words(n: int) -> None:
    a = _one(format_swedish_words(n) + " kronor")
    assert a.sek == n and not a.approximate


@given(tenths=st.integers(1, 100_000))
def test_roundtrip_decimal_millions(tenths: int) -> None:
    whole, dec = divmod(tenths, 10)
    a = _one(f"{whole},{dec} miljoner kronor")
    assert a.sek == tenths * 100_000


@given(
    before=st.text(alphabet=st.sampled_from(list("abc xyz.,\n")), max_size=30),
    n=st.integers(100, 10**9),
    after=st.text(alphabet=st.sampled_from(list("abc xyz.,\n")), max_size=30),
)
def test_amount_embedded_in_text(before: str, n: int, after: str) -> None:
    text = f"{before} {_group(n, ' ')} kronor {after}"
    found = find_amounts(text)
    assert [a.sek for a in found] == [n]
    assert text[found[0].start : found[0].end] == found[0].raw


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    for a in find_amounts(text):
        assert 0 <= a.start < a.end <= len(text)
        assert a.raw == text[a.start : a.end]
        assert a.sek >= 0
    parse_amount(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "1",
                "2",
                "500",
                "000",
                "kr",
                "kronor",
                "miljoner",
                "miljon",
                "tre",
                "och",
                "en",
                "halv",
                "ca",
                "per",
                "år",
                "%",
                ",",
                ".",
                "-",
                "\n",
            ]
        ),
        max_size=60,
    )
)
def test_amount_vocabulary_soup_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    for a in find_amounts(text):
        assert a.raw == text[a.start : a.end]


ADVERSARIAL = {
    "ones": "1 " * 50_000,
    "ca": "ca " * 30_000,
    "digits": "1" * 100_000,
    "groups": "1 000 " * 20_000,
    "en": "en " * 30_000,
    "compound": "femtio" * 16_000 + "x",
    "tusen": "tusen " * 20_000,
    "och": "tre och en halv " * 6_000,
    "separators": "1." * 50_000,
    "ocr": "6ver&r#" * 15_000,
}


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_long_adversarial_line_returns(name: str) -> None:
    # Linear-time regexes: each of these 100 kB lines takes well under a second; the
    # timeout only guards against catastrophic backtracking.
    assert find_amounts(ADVERSARIAL[name]) == []


def test_long_line_with_amounts() -> None:
    text = "500 000 kr per år, " * 5_000
    found = find_amounts(text)
    assert len(found) == 5_000 and {a.sek for a in found} == {500_000}


@pytest.mark.parametrize(
    ("text", "sums"),
    [
        # a period's last date, then the sum in the next cell: the day is no part of it
        ("2024-04-01 - 2024-12-31 675 000 kr", [675_000]),
        ("perioden 2025-01-01--2025-12-31 920 000 kronor", [920_000]),
        # a sum of millions printed as such stays whole
        ("31 675 000 kr", [31_675_000]),
        ("300 000-400 000 kronor", [300_000, 400_000]),
    ],
)
def test_a_dates_day_never_opens_a_sum(text: str, sums: list[int]) -> None:
    assert [a.sek for a in find_amounts(text)] == sums


def test_a_sum_in_words_with_its_digits_in_brackets_is_one_amount() -> None:
    """ "fyrahundrafemtiotusen (450 000) kronor": the sum in words, the same sum in digits
    in brackets, one unit after both — one amount; a year in brackets is no sum."""
    got = [(a.raw, a.sek) for a in find_amounts("med trehundratusen (300 000) kronor för")]
    assert got == [("trehundratusen (300 000) kronor", 300_000)]
    assert [(a.raw, a.sek) for a in find_amounts("beviljas (120 000) kr")] == [
        ("(120 000) kr", 120_000)
    ]
    assert find_amounts("Kostnad (2005) kronor") == []
