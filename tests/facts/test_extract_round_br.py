"""Fifty-eighth session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* an end said away from the project's row: a decision that extends a study of the table
  ("… att studien X förlängs till och med juni 2009"), a later paragraph that names the
  project and then says "Projektet avslutades i …", a permission to use what is left
  "under första halvåret 2021", a project "som pågick från februari till november 2018";
* a study's block of fields with "Titel:" and "Tid: oktober 2006 - maj 2007";
* a report whose list of projects is repeated by a block per project further on: each
  project once; its report "skriven av projektledaren …" or "sammanställd av
  projektgruppen" names nobody outside;
* a typed follow-up table "Nr | Projekt | Medel | Period (ÅÅMM-ÅÅMM) | Läge 0630 | Anm." with
  the fund and its sum stacked in one cell, "förl. 0412" under a period, and "Vilande"
  (paused work, still going on);
* "Total kostnad | Egen fin. | Sökt | Förslag": the proposal is the grant, a dash in it an
  application not granted;
* a follow-up "Beviljat | Överfört från 2007 | Förbrukat | Överförs till 2009 | Återbe-
  talas" whose rows stand under the funds' labels ("Medel för studiebesök").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_bn import SDF_HEAD
from test_extract_round_ii import HEAD

from pipeline.facts.end_dates import parse_end_cell, season_end
from pipeline.facts.end_in_text import end_date_in


def test_an_extension_decided_for_a_study_of_the_table_gives_its_end(tmp_path: Path) -> None:
    text = HEAD.format(year=2008, title="Studier inom FoU-medlen 2008-2009").replace(
        "1. Socialnämnden beviljar medel enligt förvaltningens förslag.",
        "1. Socialnämnden beviljar medel enligt förvaltningens förslag.\n"
        "2. Socialnämnden godkänner att studien Skolgång för barn i\n"
        "   jourhem förlängs till och med juni 2009 inom given ram.",
    ) + (
        """
Studier

Studie                                  Utförare                    Kostnad
Skolgång för barn i jourhem             Provhögskolan                 340 000
Äldre anhörigvårdare i ytterstaden      Exempelinstitutet             410 000
"""
    )
    got = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert got["Skolgång för barn i jourhem"] == dt.date(2009, 6, 1)
    assert got["Äldre anhörigvårdare i ytterstaden"] is None


def test_a_reports_paragraph_names_the_project_then_says_when_it_ended(tmp_path: Path) -> None:
    text = HEAD.format(year=2015, title="Årsrapport för lokala utvecklingsmedel 2014") + (
        """
Projekten

Projekt                                 Stadsdel                    Belopp
Läxhjälp med föräldrar i Norrbacka      Farsta                      260 000
Mötesplats för unga pappor              Bromma                      310 000

Kommentarer

Projektet Läxhjälp med föräldrar i Norrbacka beviljades 260 000 kronor.
Tolv familjer har deltagit under året. Projektet avslutades i oktober
2014 och rapporten finns hos förvaltningen.

Mötesplats för unga pappor har haft svårt att nå deltagare. Socialnämnden
har medgett att återstående 90 000 kronor får användas under första
halvåret 2015.
"""
    )
    got = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp med föräldrar i Norrbacka": dt.date(2014, 10, 1),
        "Mötesplats för unga pappor": dt.date(2015, 6, 30),
    }


def test_months_a_project_ran_and_the_halves_of_a_year() -> None:
    assert end_date_in(
        "Förvaltningen fick 300 000 kronor för projektet Provsteget, som pågick från "
        "februari till november 2018."
    ) == dt.date(2018, 11, 1)
    assert season_end("under andra halvåret 2019") == dt.date(2019, 12, 31)
    assert season_end("under första halvåret 2019") == dt.date(2019, 6, 30)


def test_a_study_block_with_a_title_and_a_time_field(tmp_path: Path) -> None:
    text = HEAD.format(year=2006, title="Beställning av studier 2006-2007") + (
        """
Studie 1

Titel:             Unga vuxna i Norrbacka och deras
                   vägar till arbete
Förslagsställare:  Farsta stadsdelsförvaltning
Utförare:          Provhögskolan, institutionen för socialt arbete
Tid:               oktober 2006 - maj 2007
Kostnad:           320 tkr

Studien följer trettio unga vuxna under ett år.
"""
    )
    got = [(p.name, p.end_date, p.amount_sek) for p in facts_of(tmp_path, text).projects]
    assert got == [
        ("Unga vuxna i Norrbacka och deras vägar till arbete", dt.date(2007, 5, 1), 320_000)
    ]


def test_a_listed_project_repeated_by_its_block_is_one_and_own_staff_do_no_work(
    tmp_path: Path,
) -> None:
    text = SDF_HEAD.format(no=88, year=2012, title="Avslutade utvecklingsprojekt 2011") + (
        """Inledning

Följande två projekt avslutades under 2011:

  •  Samtalsgrupper för syskon
  •  Ekonomisk vägledning för unga vuxna

1. Samtalsgrupper för syskon

Beviljat: 240 000 kronor (LUM 2011)

Syfte och genomförande
Grupperna har träffats varannan vecka under året.

Om rapporten
Rapporten är skriven av projektledaren Sara Provsson, socialsekreterare.


2. Ekonomisk vägledning för unga vuxna

Beviljat: 180 000 kronor (LUM 2011)

Syfte och genomförande
Tjugo unga vuxna har fått vägledning om sin ekonomi.

Om rapporten
Slutrapporten har sammanställts av projektgruppen.
"""
    )
    got = sorted((p.name, p.amount_sek, p.performer) for p in facts_of(tmp_path, text).projects)
    assert got == [
        ("Ekonomisk vägledning för unga vuxna", 180_000, None),
        ("Samtalsgrupper för syskon", 240_000, None),
    ]


def test_a_typed_follow_up_with_periods_in_yymm_and_a_state_column(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=398, year=2004, title="Halvårsrapport om utvecklingsprojekt").replace(
        "1. Stadsdelsnämnden ansöker hos socialnämnden om lokala\n"
        "   utvecklingsmedel för de projekt som beskrivs i ärendet.",
        "1. Stadsdelsnämnden godkänner rapporten.",
    ) + (
        """Projektöversikt

Nr  Projekt                         Medel       Period      Läge 0630    Anm.
                                    kr          ÅÅMM-ÅÅMM
------------------------------------------------------------------------------
1   Läsfrämjande i familjerna       LUM 2003    0303-0405   Klart        1)
                                    280 000
2   Stödgrupper för unga            LUM 2003    0308-0405   Pågår        2)
    anhöriga                        190 000     förl. 0411
3   Rådgivning i skolorna           LUM 2004    0402-0503   Vilande
                                    230 000
4   Studiebesök Bergen,             MUST 2004   0409        Ej genomfört
    barnahuset                      14 000
------------------------------------------------------------------------------

1) Rapporten lämnas i september.
2) Förlängning medgiven i mars 2004.
"""
    )
    got = {p.name: (p.amount_sek, p.end_date, p.status) for p in facts_of(tmp_path, text).projects}
    assert got["Läsfrämjande i familjerna"] == (280_000, dt.date(2004, 5, 1), "genomförd")
    assert got["Stödgrupper för unga anhöriga"] == (190_000, dt.date(2004, 11, 1), "pågående")
    assert got["Rådgivning i skolorna"] == (230_000, dt.date(2005, 3, 1), "pågående")
    assert got["Studiebesök Bergen, barnahuset"][:2] == (14_000, dt.date(2004, 9, 1))
    assert parse_end_cell("0309-0406 förl. 0412") == (
        0,
        20,
        "0309-0406 förl. 0412",
        dt.date(2004, 12, 1),
    )


def test_the_proposal_beside_cost_and_sought_is_the_grant(tmp_path: Path) -> None:
    text = HEAD.format(year=1999, title="Fördelning av utvecklingsmedel år 2000") + (
        """
Tabell 1. Ansökningar om utvecklingsmedel år 2000

Stadsdelsnämnd     Projekt                              Total       Egen       Sökt    Förslag
                                                      kostnad       fin.

Farsta             Läxhjälp i samverkan med            450.000    150.000    300.000    260.000
                   biblioteken
Bromma             Uppsökande arbete bland äldre       220.000          -    220.000          -
Vantör             Familjeråd i utredningar            330.000    130.000    200.000    200.000

Summa                                                1.000.000    280.000    720.000    460.000
"""
    )
    got = {p.name: (p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp i samverkan med biblioteken": (260_000, "beviljad"),
        "Uppsökande arbete bland äldre": (220_000, "ansökt"),
        "Familjeråd i utredningar": (200_000, "beviljad"),
    }


def test_a_follow_up_with_money_carried_over_under_the_funds_labels(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=512, year=2008, title="Medelsläge för utvecklingsprojekt 2008") + (
        """Medelsläge per den 30 september 2008

Projekt                       Beviljat   Överfört  Förbrukat   Överförs    Återbe-
                                  2008       från     t.o.m.       till      talas
                                             2007       30/9       2009

Lokala utvecklingsmedel
1 Språkstöd i förskolan        320 000     40 000    210 000     30 000          -
  i Norrbacka
2 Nattvandring med föräldrar   180 000          -     90 000          -          -

Medel för studiebesök
3 Bergen - barnahuset           16 000          -     15 200          -        800
4 Tammerfors - fältarbete       22 000          -          -          -     22 000

Summa                          538 000     40 000    315 200     30 000     22 800
"""
    )
    got = {p.name: (p.amount_sek, p.fund_type) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Språkstöd i förskolan i Norrbacka": (320_000, "LUM"),
        "Nattvandring med föräldrar": (180_000, "LUM"),
        "Bergen - barnahuset": (16_000, "MUST"),
        "Tammerfors - fältarbete": (22_000, "MUST"),
    }


def test_an_association_applying_carries_out_its_project(tmp_path: Path) -> None:
    text = HEAD.format(year=2024, title="Bidrag till idrottsprojekt för unga 2025") + (
        """
Bilaga 1  Förslag till bidrag 2025

1.  Kvällsbasket i Norrbacka
    Sökande: Norrbacka Basket IF
    Stadsdelsområde: Farsta
    Förslag: 240 000 kronor

2.  Simskola för nyanlända
    Sökande: Simklubben Provsjön, i samverkan med Bromma
    stadsdelsförvaltning
    Stadsdelsområde: Bromma
    Förslag: 180 000 kronor

3.  Läxhjälp på fritidsgården
    Sökande: Farsta stadsdelsförvaltning, fritidsenheten
    Stadsdelsområde: Farsta
    Förslag: 120 000 kronor
"""
    )
    got = {
        p.name: (p.performer, tuple(sorted(d.district_id for d in p.districts)))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Kvällsbasket i Norrbacka": ("Norrbacka Basket IF", ("farsta",)),
        "Simskola för nyanlända": ("Simklubben Provsjön", ("bromma",)),
        "Läxhjälp på fritidsgården": (None, ("farsta",)),
    }
