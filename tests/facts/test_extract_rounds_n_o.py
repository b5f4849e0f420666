"""Layout families of blind rounds N and O and of the neighbouring kinds, each on a short text
written for the test: a table header repeated over a page break, sub-numbered items under a
fund's heading, trips labelled in a margin column, quoted projects listed in one sentence,
tables flattened one cell per line, an application's own project, and the roles of sums
applied for and of a city's budget."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

from pipeline.facts.roles import amount_role
from pipeline.lang.amounts import find_amounts
from pipeline.records import Facts

HEAD = """Socialförvaltningen                                 Tjänsteutlåtande
Avdelningen för stadsövergripande sociala frågor    Dnr 3.1-0200/2021
                                                    Sida 1 (3)
                                                    2021-02-01
Handläggare                                         Till
Anna Prov                                           Socialnämnden
Telefon: 08-508 00 000                              2021-02-23
"""


def projects(f: Facts) -> dict[str, object]:
    return {p.name: p for p in f.projects}


def role(sentence: str, raw: str) -> str:
    found = find_amounts(sentence)
    a = next(m for m in found if m.raw == raw)
    others = [(m.start, m.end) for m in found if m is not a]
    return amount_role(sentence, "", "", a.per, (a.start, a.end), others).kind


def test_a_table_header_repeated_on_the_next_page_is_read_as_the_table(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD
        + """
Fördelning av lokala utvecklingsmedel 2021

Förslag till beslut
1. Socialnämnden fördelar medel enligt förteckningen.

Förvaltningen föreslår att följande projekt beviljas medel för år 2021.
\f
Socialförvaltningen                                 Tjänsteutlåtande
                                                    Sida 2 (3)

Stadsdelsnämnd      Projekt                          Utförare                     Kronor

Bromma              Stöd i skolan – en               Prov högskola                110 000
                    uppföljning

Farsta              Mentorer för unga                Testinstitutet               120 000
\f
Socialförvaltningen                                 Tjänsteutlåtande
                                                    Sida 3 (3)

Stadsdelsnämnd      Projekt                          Utförare                     Kronor

Vantör              Familjestöd i hemmet             Prov högskola                130 000

Summa                                                                             360 000
""",
    )
    got = projects(f)
    assert set(got) == {
        "Stöd i skolan – en uppföljning",
        "Mentorer för unga",
        "Familjestöd i hemmet",
    }
    assert got["Familjestöd i hemmet"].amount_sek == 130000  # type: ignore[attr-defined]
    assert got["Mentorer för unga"].performer == "Testinstitutet"  # type: ignore[attr-defined]


def test_sub_numbered_items_under_a_funds_heading_are_its_projects(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD
        + """
Årsrapport om utvecklingsmedel 2020

Förslag till beslut
1. Socialnämnden godkänner årsrapporten.

Ärendet

2 Lokala utvecklingsmedel (LUM)

2.1 Läsande familjer, Bromma stadsdelsförvaltning. Projektet beviljades
300 000 kronor och har genomförts.

2.2 Trygga kvällar, Farsta stadsdelsförvaltning. Projektet beviljades
250 000 kronor för 2020 och pågår under 2021.
""",
    )
    got = projects(f)
    assert set(got) == {"Läsande familjer", "Trygga kvällar"}
    assert got["Läsande familjer"].status == "genomförd"  # type: ignore[attr-defined]
    assert got["Trygga kvällar"].status == "pågående"  # type: ignore[attr-defined]
    assert got["Trygga kvällar"].amount_sek == 250000  # type: ignore[attr-defined]
    assert got["Trygga kvällar"].fund_type == "LUM"  # type: ignore[attr-defined]


def test_trips_labelled_in_a_margin_take_their_total(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD
        + """
Studieresor 2021

Förslag till beslut
1. Socialnämnden beviljar medel för studieresor (MUL) enligt förteckningen.

Resa 1   Bergen, kommunens familjecenter – tidiga insatser
         (barnenheten)
         3 deltagare à 7 000 kr                          totalt 21 000 kr

Resa 2   Tallinn, uppsökande arbete bland äldre
         2 deltagare à 6 500 kr                          totalt 13 000 kr
""",
    )
    got = projects(f)
    assert set(got) == {
        "Bergen, kommunens familjecenter – tidiga insatser",
        "Tallinn, uppsökande arbete bland äldre",
    }
    assert got["Tallinn, uppsökande arbete bland äldre"].amount_sek == 13000  # type: ignore[attr-defined]


def test_quoted_projects_in_one_sentence_name_who_runs_them(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD
        + """
Lokala utvecklingsmedel 2021

Förslag till beslut
1. Socialnämnden beviljar medel enligt förvaltningens förslag.

Förvaltningen föreslår att två projekt beviljas medel: ”Schack i parken”, Provklubben, 40 000 kr, och ”Kvällsfika för äldre”, Föreningen Testgården, 25 000 kr, sammanlagt 65 000 kr.
""",
    )
    got = projects(f)
    assert set(got) == {"Schack i parken", "Kvällsfika för äldre"}
    assert got["Schack i parken"].performer == "Provklubben"  # type: ignore[attr-defined]
    assert got["Kvällsfika för äldre"].amount_sek == 25000  # type: ignore[attr-defined]


def test_a_table_flattened_one_cell_per_line_is_read_with_its_caption(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD
        + """
Budget för 2022

Förslag till beslut
1. Socialnämnden fastställer budgeten.

Budget 2022 (mnkr)
Förebyggande arbete
12,5
Ekonomiskt bistånd
40,1
Summa
52,6
""",
    )
    sums = {a.sek: a.kind for a in f.amounts}
    assert sums == {12_500_000: "budget", 40_100_000: "budget", 52_600_000: "budget"}


def test_an_applications_own_project_is_applied_for_by_its_own_district(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        """Skarpnäcks stadsdelsförvaltning                     Tjänsteutlåtande
                                                    Dnr 1.2-100/2008
                                                    2008-03-01
Handläggare                                         Till
Per Prov                                            Skarpnäcks stadsdelsnämnd
"""
        + """
Ansökan om lokala utvecklingsmedel för projektet ”Prova på”

Förvaltningens förslag till beslut

Stadsdelsnämnden beslutar

att  ansöka om 200 000 kronor i lokala utvecklingsmedel för år 2008 hos
     Socialtjänstförvaltningens FoU-enhet för projektet ”Prova på”.

Utvärdering

Projektet utvärderas av Provstads högskola. Förvaltningen står själv för resterande
50 000 kr.
""",
    )
    (p,) = f.projects
    assert p.status == "ansökt"
    assert [d.name_as_printed for d in p.districts][0].startswith("Skarpnäck")
    assert p.performer == "Provstads högskola"
    kinds = {a.raw: a.kind for a in f.amounts}
    assert kinds["200 000 kronor"] == "other"  # the sum applied for
    assert kinds["50 000 kr"] == "other"  # the district's own money, no fund
    assert next(a for a in f.amounts if a.raw == "50 000 kr").fund_type is None


def test_roles_of_sums_applied_for_and_of_a_city_budget() -> None:
    assert role("För studien söks 300 000 kronor.", "300 000 kronor") == "other"
    assert role("Av projektets totala kostnad söks 150 000 kronor.", "150 000 kronor") == "other"
    s = "Medlen fördelas enligt följande: Rinkeby 1,2 mnkr, Kista 0,8 mnkr och Vantör 0,5 mnkr."
    assert [role(s, r) for r in ("1,2 mnkr", "0,8 mnkr", "0,5 mnkr")] == ["budget"] * 3
    s = "Efter beslutet har 900 000 kronor av årets ram fördelats och 100 000 kronor återstår."
    assert role(s, "900 000 kronor") == "total_granted"
    assert role(s, "100 000 kronor") == "budget"
    assert role("Dygnskostnaden uppgår i genomsnitt till 3 900 kronor.", "3 900 kronor") == "other"


def test_unit_before_the_number_and_the_definite_plural() -> None:
    assert [(a.raw, a.sek) for a in find_amounts("andel till kr 80.000 och")] == [
        ("kr 80.000", 80000)
    ]
    assert [a.sek for a in find_amounts("av de beviljade 420 000 kronorna har")] == [420000]
    # the unit of the number before is no unit of the year after it
    assert [a.sek for a in find_amounts("hela 90 000 kr 2019 och")] == [90000]
