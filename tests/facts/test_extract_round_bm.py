"""Fifty-third session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* the social committee's own "utvecklingsmedel" are LUM, also when a footnote says one project
  has a state grant besides;
* numbered trip applications whose cost calculation ends in a "Summa" set in under the item,
  over the item's "Sökt: … Förslag: …" line;
* a table with a column of where each project came from and one of the decision's date
  beside the known columns;
* project cells whose title stands over "Huvudsökande:" and "Medsökande:" lines.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

OLD_HEAD = """SOCIALTJÄNSTFÖRVALTNINGEN                          TJÄNSTEUTLÅTANDE
Avdelningen för utveckling                         {year}-04-02
                                                   Dnr 401-0212/{short}
Handläggare: Lars Provsson                         Till
                                                   Socialtjänstnämnden

{title}

FÖRSLAG TILL BESLUT

1.  Socialtjänstnämnden beviljar utvecklingsmedel för {year} till
    tre projekt med sammanlagt 330.000 kr.

"""


def test_the_social_committees_development_money_is_lum_despite_a_footnoted_state_grant(
    tmp_path: Path,
) -> None:
    text = OLD_HEAD.format(
        year=1998,
        short=98,
        title="FÖRDELNING AV UTVECKLINGSMEDEL FÖR INDIVID- OCH FAMILJEOMSORGEN 1998",
    ) + (
        """
BAKGRUND

Utvecklingsmedlen ska ge stadsdelarna möjlighet att pröva nya
arbetssätt. Ett projekt kan beviljas högst 150.000 kr. Förvaltningen
föreslår att utvecklingsmedlen fördelas enligt tabellen.

Stadsdel     Projekt                          Förslag

Vantör       Samtalsstöd för unga fäder 1)    120.000
Kista        Läxhjälp i samverkan med skolan  100.000
Bromma       Nätverksmöten för äldre          110.000

Summa                                         330.000

1) Projektet har även fått statsbidrag från Socialstyrelsen
   med 40.000 kr.
"""
    )
    f = facts_of(tmp_path, text)
    funds = {a.sek: a.fund_type for a in f.amounts}
    assert funds[330_000] == "LUM"
    assert funds[150_000] == "LUM"
    assert {p.fund_type for p in f.projects} == {"LUM"}


def test_trip_items_whose_calculation_ends_in_a_summa_over_the_proposal(tmp_path: Path) -> None:
    text = HEAD.format(year=2008, title="MUST 2008 – andra fördelningen") + (
        """
Ansökningar och förslag

1. Farsta stadsdelsförvaltning
   Resmål:     Bergen, Norge
   Syfte:      Barnahus och samverkan kring barn som far illa
   Deltagare:  2
   Kalkyl:     Flyg        2 x 1 800 kr                 =   3 600 kr
               Hotell      2 x 2 nätter à 1 100 kr      =   4 400 kr
               Summa                                        8 000 kr
   Sökt: 8 000 kr                           Förslag: 7 000 kr

2. Bromma stadsdelsförvaltning
   Resmål:     Aarhus, Danmark
   Syfte:      Mötesplatser för unga vuxna med psykisk ohälsa
   Deltagare:  3
   Kalkyl:     Tåg         3 x 1 300 kr                 =   3 900 kr
               Hotell      3 x 2 nätter à 950 kr        =   5 700 kr
               Summa                                        9 600 kr
   Sökt: 9 600 kr                           Förslag: 9 600 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.status) for p in f.projects)
    assert got == [("Aarhus, Danmark", 9_600, "beviljad"), ("Bergen, Norge", 7_000, "beviljad")]


def test_a_table_with_the_projects_origin_and_the_decisions_date(tmp_path: Path) -> None:
    text = HEAD.format(year=2008, title="Beviljade lokala utvecklingsmedel 2008") + (
        """
Projekt                          Ursprung         SOTN-beslut   Beviljat    Egen
                                                                kr          insats kr

Läsfrämjande för barn i          f.d. Skarpnäck   2008-02-12     180 000     40 000
Bagarmossen
Skuldrådgivning för unga         Farsta           2008-02-12     210 000     60 000
vuxna

Summa                                                            390 000    100 000
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek) for p in f.projects)
    assert got == [
        ("Läsfrämjande för barn i Bagarmossen", 180_000),
        ("Skuldrådgivning för unga vuxna", 210_000),
    ]


def test_project_cells_with_main_and_co_applicant_lines(tmp_path: Path) -> None:
    text = HEAD.format(year=2021, title="FoU-medel 2021") + (
        """
Tabell 1. Föreslagna projekt (tkr)

Nr     Projekt, huvudsökande och medsökande     Projekttid     2021   2022   Totalt

21-02  Stöd till unga anhöriga                  2021-03 –       300    300      600
       Huvudsökande: Solna kommun,              2022-06
       socialförvaltningen
       Medsökande: Stockholms stad, Spånga-
       Tensta stadsdelsförvaltning

21-05  Digital vägledning för föräldrar         2021-05 –       250    250      500
       Huvudsökande: Ersta Sköndal Bräcke       2022-12
       högskola
       Medsökande: Stockholms stad, Skarpnäcks
       stadsdelsförvaltning

       Summa                                                    550    550    1 100
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted(
        (p.name, tuple(d.district_id for d in p.districts), p.performer, p.amount_sek)
        for p in f.projects
    )
    assert got == [
        (
            "Digital vägledning för föräldrar",
            ("skarpnack",),
            "Ersta Sköndal Bräcke högskola",
            500_000,
        ),
        (
            "Stöd till unga anhöriga",
            ("spanga-tensta",),
            "Solna kommun, socialförvaltningen",
            600_000,
        ),
    ]


def test_report_blocks_named_in_a_field_under_a_numbered_label_and_their_evaluators(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2012, title="Redovisning av lokala utvecklingsmedel 2011") + (
        """
Projekten 2011

Projekt 1
Namn:             Läxstöd i samverkan med biblioteket
Ansvarig enhet:   Barn- och ungdomsenheten
Genomförs av:     Egen personal, två fältassistenter
Utvärdering:      Marieberg Utvärdering AB (fil. dr Jonas Ek)
Beviljat:         240 000 kr
Status:           Avslutat.

Projekt 2
Namn:             Budgetrådgivning för unga vuxna
Ansvarig enhet:   Enheten för ekonomiskt bistånd
Genomförs av:     Lindvik Kompetens AB (upphandlat 2011)
Utvärdering:      Ingen extern utvärdering.
Beviljat:         310 000 kr
Status:           Pågår.
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.performer) for p in f.projects)
    assert got == [
        ("Budgetrådgivning för unga vuxna", 310_000, "Lindvik Kompetens AB"),
        ("Läxstöd i samverkan med biblioteket", 240_000, "Marieberg Utvärdering AB"),
    ]


def test_a_responsible_researcher_column_whose_footnotes_name_the_organisations(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2004, title="Studier som föreslås beställas 2004") + (
        """
Tabell 1. Studier som föreslås beställas 2004

Studie                          Ansvarig forskare/       Klart       Kostnad,
                                utförare                                  tkr

Ensamkommande unga i            Docent Maja              kv 3 2005        480
familjehem                      Lindqvist¹
Skuldsanering och               Per Holmström²           kv 1 2005        300
försörjningsstöd

Summa                                                                     780

¹ Institutionen för socialt arbete, Stockholms universitet.
² Fil. lic., Holmström & Berg Analys AB, som har ramavtal med
  staden om utredningstjänster.
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer) for p in f.projects)
    assert got == [
        (
            "Ensamkommande unga i familjehem",
            "Institutionen för socialt arbete, Stockholms universitet",
        ),
        ("Skuldsanering och försörjningsstöd", "Holmström & Berg Analys AB"),
    ]


def test_a_study_table_with_the_funds_part_of_each_cost_beside_it(tmp_path: Path) -> None:
    text = HEAD.format(year=2005, title="Studier 2005") + (
        """
Tabell 2. Studier som beställs 2005

Nr  Studie                  Utförare            Klar      Kostnad,    därav FoU-
                                                          kr          medel, kr
--------------------------------------------------------------------------------
1   Hemtjänst för äldre     Lunds universitet   dec 2006    520 000      300 000
    med missbruk
2   Unga vuxna i            Ersta Sköndal       jun 2006    280 000      280 000
    långvarigt bistånd      högskola
--------------------------------------------------------------------------------
    Summa                                                   800 000      580 000
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer, p.amount_sek) for p in f.projects)
    assert got == [
        ("Hemtjänst för äldre med missbruk", "Lunds universitet", 520_000),
        ("Unga vuxna i långvarigt bistånd", "Ersta Sköndal högskola", 280_000),
    ]


def test_a_deep_set_summa_after_a_blank_line_still_ends_the_list(tmp_path: Path) -> None:
    text = HEAD.format(year=2010, title="Projektstöd 2010") + (
        """
Förvaltningen föreslår följande projekt.

1.  Föreningen Klangen: "Körverkstad i Hagsätra"
    Enskede-Årsta-Vantör .................................... 60 000 kr

2.  Teaterföreningen Scenen: "Forumteater om mobbning"
    Hässelby-Vällingby och Spånga-Tensta .................... 45 000 kr

                                                  Summa  105 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Forumteater om mobbning", 45_000),
        ("Körverkstad i Hagsätra", 60_000),
    ]
    assert [a.kind for a in f.amounts if a.sek == 105_000] == ["total_granted"]
