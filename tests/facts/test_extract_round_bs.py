"""Fifty-ninth session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* a list of projects whose items carry dash-marked sub-items ("–  Sökande: …", "–  Belopp:
  …", "–  Tid: 2026-02-01 – 2026-12-31", "–  Utförare: …"): the name stops at the first
  sub-item, the period's end is the project's, an own unit named in lower case
  ("fältgruppen") or "… med egen personal" carries out nothing;
* a report with a "Roll | Namn | Organisation" table under each project: people in their
  parts, no projects;
* a report's project whose work "fortsätter inom ordinarie budget" is done, not going on;
* cards of gap-set fields with labels the vocabulary did not know ("Tidigare namn",
  "Finansiering") and values wrapped under their column; a finished card's "Slutrapport
  lämnad …" date is no end beside its "Projekttid";
* a landscape follow-up table whose status column is headed "Status 31/12 2001";
* a "Genomförs av" cell naming an outside body and a stadsdelsförvaltning: the body carries
  the project out, the district takes part.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_bn import SDF_HEAD
from test_extract_round_ii import HEAD


def test_dash_marked_sub_items_are_the_items_fields(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=518, year=2023, title="Ansökan om lokala utvecklingsmedel 2024") + (
        """Ansökningar

Förvaltningen ansöker om medel för följande projekt.

    •  Samtalsstöd för syskon - grupper för barn
       vars syskon har en funktionsnedsättning
          –  Sökande: Norrbacka stadsdelsförvaltning, avdel-
             ningen för individ- och familjeomsorg
          –  Belopp: 310 000 kronor
          –  Tid: 2024-02-01 – 2025-06-30
          –  Utförare: Föreningen Provsyskon

    •  Uppsökande arbete vid Provtorget
          –  Sökande: Norrbacka stadsdelsförvaltning, fält-
             gruppen
          –  Belopp: 180 000 kronor
          –  Tid: januari-november 2024
          –  Utförare: fältgruppen

    •  Föräldrakurs på lätt svenska
          –  Sökande: Norrbacka stadsdelsförvaltning
          –  Belopp: 95 000 kronor
          –  Utförare: Familjeenheten med egen personal
"""
    )
    got = {p.name: p for p in facts_of(tmp_path, text).projects}
    first = got["Samtalsstöd för syskon - grupper för barn vars syskon har en funktionsnedsättning"]
    assert (first.amount_sek, first.end_date) == (310_000, dt.date(2025, 6, 30))
    assert first.performer == "Föreningen Provsyskon"
    second = got["Uppsökande arbete vid Provtorget"]
    assert (second.amount_sek, second.end_date, second.performer) == (
        180_000,
        dt.date(2024, 11, 1),
        None,
    )
    assert got["Föräldrakurs på lätt svenska"].performer is None


def test_a_table_of_people_in_their_parts_names_no_project(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=77, year=2010, title="Slutredovisning av lokala utvecklingsmedel") + (
        """Redovisning

1. Språkstöd i förskolans föräldramöten

Projekttid: 2009-01-01 - 2009-12-31
Beviljat: 240 000 kr        Förbrukat: 236 000 kr

Förskolorna har prövat tolkade föräldramöten. Arbetet fortsätter
från 2010 inom förskoleavdelningens budget.

Projektorganisation

Roll              Namn                     Organisation
Projektägare      Petra Provsson           Norrbacka sdf, avdelningschef
Projektledare     Olle Exempel             Norrbacka sdf, förskolan
Utvärderare       Nora Testlund            Provhögskolan, institutionen
                                           för pedagogik
"""
    )
    got = {p.name: p for p in facts_of(tmp_path, text).projects}
    assert list(got) == ["Språkstöd i förskolans föräldramöten"]
    assert got["Språkstöd i förskolans föräldramöten"].status == "genomförd"


def test_cards_of_gap_set_fields_with_wrapped_values(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=9, year=2008, title="Redovisning av övertagna projekt") + (
        """Projekten

Föräldracafé i Provbacken
Tidigare namn     Föräldracafé Norra Provbacken
Finansiering      Socialtjänstnämnden, utvecklingsmedel för
                  IFO-projekt 2006-2007
Beviljat          210 000 kr
Projekttid        2006-03-01 -- 2007-12-31
Status            Avslutat. Slutrapport lämnad till
                  socialtjänstnämnden 2008-02-14.

Caféet har haft öppet två kvällar i veckan.

Stödgrupp för unga pappor
Finansiering      Socialtjänstnämnden, lokala utvecklingsmedel
                  2007
Beviljat          160 000 kr
Projekttid        2007-01-01 -- 2008-06-30
Status            Pågår
"""
    )
    got = {p.name: p for p in facts_of(tmp_path, text).projects}
    assert set(got) == {"Föräldracafé i Provbacken", "Stödgrupp för unga pappor"}
    cafe = got["Föräldracafé i Provbacken"]
    assert (cafe.amount_sek, cafe.end_date) == (210_000, dt.date(2007, 12, 31))
    assert got["Stödgrupp för unga pappor"].amount_sek == 160_000


def test_a_status_column_headed_with_its_date(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=31, year=2002, title="Redovisning av utvecklingsmedel 2001") + (
        """Bilaga 1. Projekt med medel från socialtjänstnämnden 2001 (kronor)

                                            Bevil-      Förbru-     Återbe-
Projekt                           Period    jat         kat         talas       Status 31/12 2001
                                            2001        t.o.m.
                                                        011231

Läxläsning med                    jan-dec   210 000     204 500       5 500     Avslutat
mentorer i Provbacken             2001
Nattvandring för                  mar 2001- 150 000     118 000          -      Pågår t.o.m.
föräldrar i Norrbacka             jun 2002                                      juni 2002

Summa                                       360 000     322 500       5 500
"""
    )
    got = {p.name: p for p in facts_of(tmp_path, text).projects}
    assert set(got) == {
        "Läxläsning med mentorer i Provbacken",
        "Nattvandring för föräldrar i Norrbacka",
    }
    assert got["Läxläsning med mentorer i Provbacken"].amount_sek == 210_000
    assert got["Nattvandring för föräldrar i Norrbacka"].status == "pågående"


def test_a_performer_cell_naming_a_body_and_a_district(tmp_path: Path) -> None:
    text = HEAD.format(year=2019, title="Lägesrapport för utvecklingsprojekt 2019") + (
        """
Tabell 1. Pågående projekt

Projekt            Genomförs av          Belopp, kr   Period         Status
Balansträning      Provhögskolan,           800 000   2018-01-01 -   Pågår
för äldre          sektionen för                      2020-12-31
                   fysioterapi, och
                   Farsta stads-
                   delsförvaltning

Måltidsvänner      Skärholmens              300 000   2019-02-01 -   Pågår
                   stadsdelsförvalt-                  2020-06-30
                   ning
"""
    )
    got = {p.name: p for p in facts_of(tmp_path, text).projects}
    balance = got["Balansträning för äldre"]
    assert balance.performer == "Provhögskolan, sektionen för fysioterapi"
    assert [d.district_id for d in balance.districts] == ["farsta"]
    meals = got["Måltidsvänner"]
    assert meals.performer is None
    assert [d.district_id for d in meals.districts] == ["skarholmen"]


def test_a_caption_of_granted_money_over_a_row_per_fund_and_a_column_per_year(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2020, title="Ny inriktning för utvecklingsmedlen 2021") + (
        """
Bakgrund

Tabell 2. Beviljade medel för utveckling 2017-2019, tkr

Medel                                   2017     2018     2019
Lokala utvecklingsmedel (LUM)          2 450    2 600    2 750
Medel för studiebesök (MUST)             140      155      120
Summa                                  2 590    2 755    2 870

Medlen har använts till mellan sju och elva projekt per år.
"""
    )
    kinds = {(a.raw, a.year): a.kind for a in facts_of(tmp_path, text).amounts}
    assert kinds[("2 600", 2018)] == "total_granted"
    assert kinds[("155", 2018)] == "total_granted"
    assert kinds[("2 870", 2019)] == "total_granted"


def test_trip_cards_headed_by_their_applicants_then_the_destination(tmp_path: Path) -> None:
    text = HEAD.format(year=2016, title="Redovisning av studiebesök (MUST) 2015") + (
        """
Studiebesöken

Skarpnäck och Farsta - Bergen, samverkan kring unga i
riskzon
Deltagare: 5
Beviljat: 24 000 kr          Förbrukat: 23 100 kr
Besöket gav idéer om gemensamma fältgrupper.

Socialförvaltningen, Socialjouren - Åbo, krisstöd nattetid
Deltagare: 3
Beviljat: 19 000 kr          Förbrukat: 17 400 kr
Resan blev billigare än beräknat.
"""
    )
    got = {p.name: p for p in facts_of(tmp_path, text).projects}
    assert set(got) == {
        "Bergen, samverkan kring unga i riskzon",
        "Åbo, krisstöd nattetid",
    }
    assert [d.district_id for d in got["Åbo, krisstöd nattetid"].districts] == [
        "socialforvaltningen",
        "socialjouren",
    ]
    assert got["Bergen, samverkan kring unga i riskzon"].amount_sek == 24_000


def test_a_sub_item_of_the_sum_applied_for_beside_the_whole_cost(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=64, year=2005, title="Ansökan om lokala utvecklingsmedel 2006") + (
        """Ansökningar

a)  Samtal med föräldrar till barn i förskoleålder
    Familjeenheten i samarbete med barnavårdscentralen.
    –  Ansvarig: enhetschef Sara Prov
    –  Tid: mars 2006 – februari 2007
    –  Total kostnad: 280 000 kr, varav egen finansiering
       60 000 kr
    –  Sökt belopp: 220 000 kr

b)  Stöd till unga vuxna med skulder
    Mottagningsenheten erbjuder budgetrådgivning.
    –  Tid: april–december 2006
    –  Sökt belopp: 140 000 kr
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Samtal med föräldrar till barn i förskoleålder": 220_000,
        "Stöd till unga vuxna med skulder": 140_000,
    }


def test_a_follow_up_made_while_the_year_runs_has_its_projects_under_way(
    tmp_path: Path,
) -> None:
    text = SDF_HEAD.format(
        no=211, year=2024, title="Uppföljning av utvecklingsprojekt per augusti 2024"
    ).replace("1. Stadsdelsnämnden ansöker hos socialnämnden om lokala\n", "").replace(
        "   utvecklingsmedel för de projekt som beskrivs i ärendet.\n",
        "1. Stadsdelsnämnden godkänner uppföljningen.\n",
    ) + (
        """Uppföljning per projekt, tkr

Nr  Projekt                       Finansiär     Beviljat   Utfall jan-aug   Prognos helår
1   Läxhjälp med föräldrar        LUM              320,0            190,5           320,0
2   Stöd till unga pappor         LUM              260,0            141,0           250,0

Projekten följer sina planer.
"""
    )
    got = {p.name: p.status for p in facts_of(tmp_path, text).projects}
    assert got == {"Läxhjälp med föräldrar": "pågående", "Stöd till unga pappor": "pågående"}
