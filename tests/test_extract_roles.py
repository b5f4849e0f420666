"""Amount roles, funds and years read from the wording around an amount (table-driven)."""

from __future__ import annotations

import pytest

from pipeline.facts.roles import amount_fund, amount_role, amount_year
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
