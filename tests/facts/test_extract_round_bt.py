"""Sixtieth session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* a table of applications scored per criterion ("K1 K2 K3 K4  Prio  Poäng  Sökt kr  Förslag
  kr"): the codes and units are no words of a sentence, the codes' column counts points;
  the rows are the projects, those marked "avslag" applied for;
* a study named after its kind at the start of a sentence, before who carries it out
  ("Studien <Titel> genomförs av …"), and told under "Pågående studier" in a decision that
  grants it nothing now: under way;
* a typed settlement table whose column labels stand one space apart over right-aligned
  numbers ("Beviljat Förbrukat Överförs Återbe-"): one column per label; a status cell
  "Förlängs t o m 2003-06-30" is under way until that day; "Rad 2. …" remarks under the
  table name no project;
* an application's "Aktivitet | Ansvarig | Plats | Tid" plan under each project: steps of the
  project, no projects; a project's heading wrapped after an open word ("… i Husby och" ⏎
  "Akalla") is one name;
* a cost table's cells with footnote marks ("302 450 1)") are still sums;
* a report's bullets grouped under "Pågående projekt", each "Name (Funder, sum) – who,
  period", the bracket wrapped onto the next line: the group's projects, named without it;
* grants in running prose where an association applies ("Teater X söker 140 000 kronor för
  Name i Place, …") and the office proposes a sum of its own ("Förvaltningen föreslår
  80 000 kronor."): the association carries it out, the proposal is the grant.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_bn import SDF_HEAD
from test_extract_round_ii import HEAD


def _sum_status_performer(tmp_path: Path, text: str) -> dict[str, tuple[object, ...]]:
    """Each project's sum, status and performer, by its name."""
    got = facts_of(tmp_path, text).projects
    return {p.name: (p.amount_sek, p.status, p.performer) for p in got}


def test_a_table_scored_per_criterion_lists_its_applications(tmp_path: Path) -> None:
    text = HEAD.format(year=2024, title="Fördelning av lokala utvecklingsmedel 2025") + (
        """
Bedömning av ansökningarna

Tabell 1. Ansökningar om LUM 2025

Nr Sökande         Projekt                     K1 K2 K3  Prio  Poäng    Sökt kr  Förslag kr

1  Farsta          Läxhjälp i samverkan med      2  2  1  P1        5    310 000     280 000
                   biblioteket
2  Bromma          Stödgrupp för unga            1  2  2  -         5    240 000     240 000
                   anhöriga
3  Skarpnäck       Kvällsöppen mottagning        0  1  1  -         2    200 000      avslag

   Summa                                                                 750 000     520 000
"""
    )
    got = {
        p.name: (p.amount_sek, p.status, [d.district_id for d in p.districts])
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Läxhjälp i samverkan med biblioteket": (280_000, "beviljad", ["farsta"]),
        "Stödgrupp för unga anhöriga": (240_000, "beviljad", ["bromma"]),
        "Kvällsöppen mottagning": (200_000, "ansökt", ["skarpnack"]),
    }


def test_a_study_named_before_who_carries_it_out_under_way(tmp_path: Path) -> None:
    text = HEAD.format(year=2012, title="Inriktning för stadsövergripande FoU-studier 2013") + (
        """
Pågående studier

Två studier som beställdes under 2012 pågår fortfarande.

Studien Ensamkommande unga vuxna efter 21 år genomförs av Institutionen
för socialt arbete vid Göteborgs universitet. Studien kostar 460 000 kr
och slutrapporten lämnas i maj 2013.

Studien Hembesök hos äldre - vad ger de? genomförs av Ersta Sköndal Bräcke
högskola. Den kostar 290 000 kr och avslutas i december 2012.
"""
    )
    assert _sum_status_performer(tmp_path, text) == {
        "Ensamkommande unga vuxna efter 21 år": (
            460_000,
            "pågående",
            "Institutionen för socialt arbete vid Göteborgs universitet",
        ),
        "Hembesök hos äldre - vad ger de?": (290_000, "pågående", "Ersta Sköndal Bräcke högskola"),
    }


def test_labels_one_space_apart_over_their_own_columns(tmp_path: Path) -> None:
    text = HEAD.format(year=2003, title="Avräkning av utvecklingsmedel 2002") + (
        """
Tabell 1. Utvecklingsmedel 2002, avräkning per 2002-12-31 (tkr)

Rad Stadsdelsnämnd  Projekt                  Beviljat Förbrukat Återbe-  Status
                                                                talas
1   Bromma          Samtalsgrupper för         210,0     210,0      -    Avslutat
                    unga pappor
2   Farsta          Uppsökande arbete i        280,0     190,5      -    Förlängs t o m
                    Farsta strand                                        2003-06-30
3   Vantör          Stöd till anhöriga         150,0     101,0    49,0   Avslutat

    Summa                                    640,0     501,5    49,0

Kommentarer till tabell 1

Rad 2. Projektet kom i gång först i maj 2002. Farsta stadsdelsnämnd ansöker
om att få använda återstående 89 500 kronor till och med den 30 juni 2003.
"""
    )
    got = {p.name: (p.amount_sek, p.status, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Samtalsgrupper för unga pappor": (210_000, "genomförd", None),
        "Uppsökande arbete i Farsta strand": (280_000, "pågående", dt.date(2003, 6, 30)),
        "Stöd till anhöriga": (150_000, "genomförd", None),
    }


def test_a_plan_of_activities_under_each_project_is_no_project(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=611, year=2016, title="Ansökan om lokala utvecklingsmedel 2017") + (
        """
Projekt 1. Läxhjälp och föräldramöten i Hjulsta och
Tensta

Föreningen Provläsarna ansvarar för läxhjälpen. Förvaltningen söker
310 000 kronor.

Aktivitet                    Ansvarig                  Plats                Tid

Rekrytering av volontärer    Föreningen Provläsarna    Tensta träff         jan-feb 2017

Läxhjälp två kvällar         Föreningen Provläsarna    Hjulsta skola        mar-dec 2017
i veckan


Projekt 2. Digital bokning av samtal

Enheten för ekonomiskt bistånd utvecklar bokningen. Förvaltningen söker
190 000 kronor.

Aktivitet                    Ansvarig                  Plats                Tid

Upphandling av               Enheten för ekonomiskt    Förvaltningens       jan-mar 2017
verktyget                    bistånd                   kontor
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp och föräldramöten i Hjulsta och Tensta": 310_000,
        "Digital bokning av samtal": 190_000,
    }


def test_a_cost_cell_with_a_footnote_mark_is_a_sum(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=77, year=2005, title="Slutrapport för projektet Boendestöd i city"
    ) + (
        """
Tabell 2. Budget och utfall per kostnadsslag, kr

                         Budget      Utfall      Budget      Utfall
                          2003        2003        2004        2004
Projektledare 50 %      280 000     276 500     280 000     291 300 1)
Resor och material       20 000      18 250      15 000       9 900
Summa                   300 000     294 750     295 000     301 200

1) Överskridandet 2004 har täckts med överskott från 2003.
"""
    )
    sums = {(a.raw, a.year) for a in facts_of(tmp_path, text).amounts}
    assert {("291 300", 2004), ("276 500", 2003), ("301 200", 2004)} <= sums


def test_bullets_under_a_heading_of_how_they_stand(tmp_path: Path) -> None:
    text = HEAD.format(year=2021, title="Redovisning av projekt med extern finansiering 2021") + (
        """
Pågående projekt

• Grön bussgata i Västberga (Trafikverket, statlig medfinansiering,
  1,4 miljoner kronor) – trafikkontoret tillsammans med Storstockholms
  Lokaltrafik, 2021-03-01–2022-12-31.
• Cykelparkering vid infartsparkeringar (Naturvårdsverket, 620 000 kronor) –
  utförs av Provplan Analys AB på uppdrag av förvaltningen, t.o.m. juni 2022.
• Solceller på parkeringshus (Energimyndigheten, 900 000 kronor) –
  förvaltningen i egen regi, 2021-09-01 till och med den 31 augusti 2022.
"""
    )
    got = {p.name: (p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Grön bussgata i Västberga": (1_400_000, "pågående"),
        "Cykelparkering vid infartsparkeringar": (620_000, "pågående"),
        "Solceller på parkeringshus": (900_000, "pågående"),
    }


def test_associations_apply_in_prose_and_the_office_proposes(tmp_path: Path) -> None:
    text = HEAD.format(
        year=2007, title="Projektstöd till kultur för barn och unga, andra omgången"
    ) + (
        """
Förvaltningens bedömning

Teater Provscenen söker 130 000 kronor för Sagostunder på biblioteken i
Rinkeby och Tensta, en serie föreställningar för barn i förskoleklass.
Förvaltningen föreslår 90 000 kronor.

Föreningen Rytmverkstan har sökt 70 000 kronor för Trumskola för unga i
Hagsätra, som pågår under tolv lördagar. Förvaltningen föreslår att det
sökta beloppet beviljas.
"""
    )
    assert _sum_status_performer(tmp_path, text) == {
        "Sagostunder på biblioteken i Rinkeby och Tensta": (
            90_000,
            "beviljad",
            "Teater Provscenen",
        ),
        "Trumskola för unga i Hagsätra": (70_000, "beviljad", "Föreningen Rytmverkstan"),
    }
