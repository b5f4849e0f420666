"""Amount roles, funds and years read from the wording around an amount (table-driven)."""

from __future__ import annotations

import pytest

from pipeline.facts.money_tables import find_money_tables
from pipeline.facts.roles import amount_fund, amount_role, amount_year, is_list_item_amount
from pipeline.lang.amounts import find_amounts

ROLE_CASES = [
    # (sentence, paragraph, heading, expected kind)
    (
        "Maximalt belopp som en ansökan kan beviljas är 600 000 kronor.",
        "",
        "",
        "max_per_application",
    ),
    (
        "Maximalt belopp som en ansdkan kan beviljas dr 600 000 kronor.",
        "",
        "",
        "max_per_application",
    ),  # OCR
    ("Det högsta beloppet att söka per år är 300 000 kronor.", "", "", "max_per_application"),
    ("Ett projekt kan maximalt beviljas 450 000 kr per år.", "", "", "max_per_application"),
    ("Högsta belopp att söka är 15 000 kronor.", "", "", "max_per_application"),
    (
        "De beviljade ansökningarna omfattar 2,1 miljoner kronor för år 2018.",
        "",
        "",
        "total_granted",
    ),
    (
        "Lokala utvecklingsmedel för totalt 4 miljoner kronor har beviljats till sju förvaltningar.",
        "",
        "",
        "total_granted",
    ),
    ("Satsningen kostar cirka 2 miljoner kronor.", "", "", "project_cost"),
    ("Omkring fem miljoner kan fördelas till lokala utvecklingsprojekt.", "", "", "budget"),
    ("I budgeten avsätts 3 miljoner kronor för forskning.", "", "", "budget"),
    ("Verksamheten har en omslutning på ca 2 mdkr.", "", "", "budget"),
    ("Nämnden har tilldelats 6 miljoner kronor i statsbidrag för 2017.", "", "", "state_grant"),
    (
        "Staden kan ansöka om knappt tre miljoner för statsbidrag till kompetensutveckling.",
        "",
        "",
        "state_grant",
    ),
    (
        "Projektet ansöker om två miljoner för år 2019.",
        "Statsbidrag söks årligen.",
        "",
        "state_grant",
    ),
    ("Fonden omfattar omkring 20 miljoner för hela landet.", "", "", "other"),
    ("Kostnaden för internatet är 3 200 per deltagare.", "", "", "other"),  # a unit price
    ("Summan är 80 000 kronor.", "", "Budget", "other"),  # a heading alone is not enough
]


@pytest.mark.parametrize(("sentence", "paragraph", "heading", "kind"), ROLE_CASES)
def test_role(sentence: str, paragraph: str, heading: str, kind: str) -> None:
    m = find_amounts(sentence)[0]
    assert amount_role(sentence, paragraph, heading, m.per).kind == kind


FUND_CASES = [
    # (sentence, paragraph, context fund, kind, study money, expected fund)
    (
        "Lokala utvecklingsmedel för totalt 4 miljoner kronor har beviljats.",
        "",
        None,
        "total_granted",
        "MUL",
        "LUM",
    ),
    (
        "Omkring fem miljoner kan fördelas till lokala utvecklingsprojekt, där MUST också ingår.",
        "",
        None,
        "budget",
        "MUST",
        "LUM",
    ),
    (
        "Maximalt belopp är 25 000 kronor.",
        "Medel för MUST utlyses årligen. Maximalt belopp är 25 000 kronor.",
        None,
        "max_per_application",
        "MUST",
        "MUST",
    ),
    ("Högsta belopp är 20 000 kronor.", "", "MUL", "max_per_application", "MUL", "MUL"),
    (
        "En studieresa kan maximalt beviljas 20 000 kronor.",
        "",
        None,
        "max_per_application",
        "MUL",
        "MUL",
    ),
    (
        "En studieresa kan maximalt beviljas 20 000 kronor.",
        "",
        None,
        "max_per_application",
        "MUST",
        "MUST",
    ),
    ("Projektet ansöker om två miljoner.", "", None, "state_grant", "MUL", "statsbidrag"),
    # a cost split over several funders has no single fund
    (
        "Satsningen kostar 1 milj. kr och finansieras med medel från socialfonden och statsbidrag.",
        "",
        None,
        "project_cost",
        "MUL",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "paragraph", "context", "kind", "study", "fund"), FUND_CASES)
def test_fund(
    sentence: str, paragraph: str, context: str | None, kind: str, study: str, fund: str | None
) -> None:
    m = find_amounts(sentence)[0]
    pos = paragraph.find(sentence) + m.start if paragraph else None
    assert amount_fund(sentence, m.start, paragraph, pos, context, kind, study) == fund


YEAR_CASES = [
    ("De beviljade ansökningarna omfattar 500 000 kronor för år 2017.", 2016, 2017),
    ("För 2019 års medel kan 3 miljoner kronor fördelas.", 2018, 2019),
    ("Under 2012 beviljades 400 000 kronor.", 2013, 2012),
    ("Maximalt belopp är 25 000 kronor.", 2015, 2015),  # context year
    ("Fonden omfattar omkring 10 miljoner årligen.", 2015, None),  # recurring: no year
    (
        "Beslut fattas den 22 januari 2016 om 2 miljoner kronor.",
        2015,
        2015,
    ),  # a date is no year cue
]


@pytest.mark.parametrize(("sentence", "context", "year"), YEAR_CASES)
def test_year(sentence: str, context: int, year: int | None) -> None:
    m = find_amounts(sentence)[0]
    assert amount_year(sentence, m.start, context) == year


# Sentences with several amounts: each cue belongs to the amount of its own clause (or the
# nearer amount); an apposition ("…, totalt … kronor") takes the clause before it.
CLAUSE_CASES = [
    (
        "Satsningen beräknas kosta 900 000 kronor, varav nämnden söker 600 000 kronor ur fonden.",
        ["project_cost", "other"],
    ),
    ("Förvaltningen ansöker om 250 000 kronor för projektet.", ["other"]),
    ("Nämnden beviljar medel till nio projekt, sammanlagt 1 950 000 kronor.", ["total_granted"]),
    ("Bromma stadsdelsförvaltning beviljas 300 000 kronor för projektet Lotsen.", ["project_cost"]),
    ("Efter fördelningen återstår 40 000 kronor av årets medel.", ["budget"]),
    ("Resterande 80 000 kronor finansieras inom enhetens budget.", ["other"]),
    (
        "Under våren fördelades 1,1 miljoner kronor och det återstår 90 000 kronor.",
        ["total_granted", "budget"],
    ),
    (
        "Nämnden fördelar utvecklingsmedel till verksamheterna, totalt omkring 4 miljoner kronor.",
        ["budget"],
    ),
    ("Enheten bidrar med egen personal till ett värde av 60 000 kronor.", ["other"]),
    ("De fyra ansökningarna omfattade sammanlagt 1,3 miljoner kronor.", ["other"]),
    ("Landstinget har ansökt om 2 miljoner kronor i statsbidrag.", ["state_grant"]),
    (
        "Medlen som beviljats för de tre projekten, sammanlagt 600 000 kronor, har återförts.",
        ["other"],
    ),
    ("Resterande medel, cirka 2 miljoner kronor, reserveras för uppföljning.", ["budget"]),
    (
        "I mars beviljades nio projekt sammanlagt 2 100 000 kronor, och 300 000 kronor återstod.",
        ["total_granted", "budget"],
    ),
    # one project granted its sum is the project's money; the plural with a total is a round's
    ("Projektet beviljades 230 000 kronor för 2006.", ["project_cost"]),
    ("Projekten beviljades sammanlagt 1 200 000 kronor.", ["total_granted"]),
    # one application's cost per participant and its total
    (
        "Kostnaden är 6 000 kronor per deltagare, totalt 18 000 kronor.",
        ["other", "project_cost"],
    ),
    # what a year was charged with, what a project used, the sum a decision changed
    (
        "Studien kostar 900 000 kronor, varav 300 000 kronor belastade 2019.",
        ["project_cost", "other"],
    ),
    ("Projektet har använt 212 400 kronor.", ["other"]),
    (
        "Nämnden beslutar att, med ändring av förvaltningens förslag om 150 000 kronor, "
        "bevilja Skarpnäck 200 000 kronor för projektet.",
        ["other", "project_cost"],
    ),
]


@pytest.mark.parametrize(("sentence", "kinds"), CLAUSE_CASES)
def test_role_by_clause(sentence: str, kinds: list[str]) -> None:
    found = find_amounts(sentence)
    assert len(found) == len(kinds)
    got = []
    for m in found:
        others = [(o.start, o.end) for o in found if o is not m]
        got.append(amount_role(sentence, "", "", m.per, (m.start, m.end), others).kind)
    assert got == kinds


def test_uncued_role_is_not_cued() -> None:
    role = amount_role("Summan är 80 000 kronor.", "", "", None, (10, 24), [])
    assert role.kind == "other" and not role.cued


LIST_ITEM_CASES = [
    (["1. Läxhjälp i skolan, Farsta stadsdelsförvaltning, 120 000 kr"], 0, "120 000 kr", True),
    (["2) Språkcafé, Bromma – 45 000 kronor."], 0, "45 000 kronor", True),
    (
        ["– Oslo, familjeråd i praktiken, Skärholmens", "stadsdelsförvaltning, 18 000 kronor"],
        1,
        "18 000 kronor",
        True,
    ),
    (["3. Mötesplats för föräldrar, Bromma – 95 000", "kronor"], 1, "95 000 kronor", True),
    (["Nämnden har avsatt 500 000 kronor."], 0, "500 000 kronor", False),
    (["1. Nämnden avsätter 500 000 kronor till projekt under året"], 0, "500 000 kronor", False),
    (
        ["Förvaltningen föreslår följande.", "Projektet får 30 000 kr"],
        1,
        "30 000 kr",
        False,
    ),
]


@pytest.mark.parametrize(("lines", "k", "raw", "expected"), LIST_ITEM_CASES)
def test_list_item_amount(lines: list[str], k: int, raw: str, expected: bool) -> None:
    assert is_list_item_amount(lines, k, raw) is expected


def test_money_tables_take_the_unit_from_the_header() -> None:
    lines = [
        "Kostnader för projektet år 2019 (kronor)",
        "",
        "Samordnare, 25 procent               ca 110 000",
        "Handledning                              35 000",
        "Summa                                   145 000",
        "",
        "Finansiering                 Sökt LUM   Egen insats",
        "                                 (kr)          (kr)",
        "Personal                       80 000        40 000",
        "Resor och kurser               30 000             –",
        "Summa                         110 000        40 000",
        "",
        "Tabell 2. Medel per stadsdel (tkr)",
        "Stadsdelsnämnd          2004      2005",
        "Farsta                   120       110",
        "Bromma                    90        95",
        "Summa                    210       205",
    ]
    got = [(a.line, a.sek, a.kind, a.year, a.approximate) for a in find_money_tables(lines)]
    assert got == [
        (2, 110_000, "other", None, True),
        (3, 35_000, "other", None, False),
        (4, 145_000, "project_cost", None, False),
        (8, 80_000, "other", None, False),
        (8, 40_000, "other", None, False),
        (9, 30_000, "other", None, False),
        (10, 110_000, "other", None, False),
        (10, 40_000, "other", None, False),
        (14, 120_000, "budget", 2004, False),
        (14, 110_000, "budget", 2005, False),
        (15, 90_000, "budget", 2004, False),
        (15, 95_000, "budget", 2005, False),
        (16, 210_000, "budget", 2004, False),
        (16, 205_000, "budget", 2005, False),
    ]


def test_money_table_rows_read_their_label() -> None:
    lines = [
        "Finansiering 2019                                  Kronor",
        "",
        "Statsbidrag, länsstyrelsen                         30 000",
        "Egen finansiering, Farsta stadsdelsförvaltning     20 000",
        "Summa                                              50 000",
        "",
        "Förvaltningen bedömer att finansieringen är säkrad.",
    ]
    got = [(a.line, a.sek, a.kind) for a in find_money_tables(lines)]
    assert got == [(2, 30_000, "state_grant"), (3, 20_000, "other"), (4, 50_000, "project_cost")]
