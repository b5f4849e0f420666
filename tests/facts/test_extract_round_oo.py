"""Thirtieth session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* a money table whose unit stands on the line under its header ("Bidrag 2019" over
  "(tkr)");
* grants to associations' running activity ("Verksamhetsbidrag" in a row's grant-form
  cell, a table captioned "Verksamhetsbidrag till föreningar") are money but no projects,
  while project grants in the same table, and another grant's table after them, are;
* projects named in one sentence as "<owner> för projektet <name>" items after a colon,
  the sentence's total no project's sum;
* a name over its fields with a blank line between, what the section brings of it ("– ny
  ansökan") and its fund in brackets ("(MUL)") no part of the name; in an application for
  both LUM and MUL, a block that no fund names is a trip's or else the local money's;
* a unit set over a group of money columns ("nämnden (tusental kr)");
* a summary's preview of the focus areas listed in full later is no second list; a study
  in a table row and under a short heading later is one project;
* a report's paragraphs under "Projekt med extern finansiering", each opening with a short
  name, what the report says became of each ("pågår enligt plan", "är nu avslutad");
* a project that "har fått" its sum in the sentence that names it; a follow-up's section
  about an organisation ("Föreningen beviljades …") is no project.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_mm import DISTRICT_HEAD
from test_extract_round_nn import KS_HEAD


def test_a_money_tables_unit_on_the_line_under_its_header(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2020, title="Uppföljning av bidrag till organisationer")
        + """
Bakgrund

Tabellen visar bidragen de två senaste åren.

Organisation                       Bidrag 2019    Bidrag 2020
                                         (tkr)          (tkr)
Föreningen Exempelgården                 1 240          1 310
Stödcentrum Exempel                        860            905
Summa                                    2 100          2 215
"""
    )
    f = facts_of(tmp_path, text)
    sums = sorted(a.sek for a in f.amounts)
    # every cell in thousands of kronor, none read as a few kronor
    assert {1_240_000, 1_310_000, 860_000, 905_000, 2_100_000, 2_215_000} <= set(sums)
    assert not any(a.sek < 10_000 for a in f.amounts)


def test_running_activity_grants_are_no_projects(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2014, title="Föreningsbidrag 2015, första fördelningen")
        + """
Bakgrund

Föreningar kan söka verksamhetsbidrag för sin ordinarie verksamhet och
projektbidrag för en avgränsad insats.

Tabell 3. Föreningsbidrag 2015 (kronor)

Förening / projekt                   Bidragsform          Ansökt    Beviljat
Exempelbygdens Hembygdsförening      Verksamhetsbidrag    52 000      48 000
Seniorföreningen Exempel             Verksamhetsbidrag    27 000      25 000
Exempelby Bollklubb                  Projektbidrag       110 000      90 000
  Fotbollsskola för flickor
Föreningen Läsfrämjarna              Projektbidrag        70 000      65 000
  Läsecirklar för nyanlända

Tabell 4. Verksamhetsbidrag till föreningar 2015 (kronor)

Förening                        Ändamål                        Förslag 2015
Exempelorten PRO                Träffar och utflykter                32 000
Stödföreningen Ankaret          Samtalsgrupper för anhöriga          74 000

Tabell 5. Utvecklingsbidrag 2015 (kronor)

Organisation / projekt                     Ansökt      Förslag
Föreningen Nattljus                       150 000      120 000
  Digital stödlinje för unga
"""
    )
    f = facts_of(tmp_path, text)
    assert {p.name for p in f.projects} == {
        "Fotbollsskola för flickor",
        "Läsecirklar för nyanlända",
        "Digital stödlinje för unga",
    }
    # the running activities' sums stay, as money of no project
    running = [a for a in f.amounts if a.sek in (48_000, 25_000, 32_000, 74_000)]
    assert len(running) == 4
    assert all(a.project_id is None and a.kind != "project_cost" for a in running)


def test_units_under_each_column_a_count_and_a_label_over_its_sums(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2019, title="Redovisning av statsbidrag för lovaktiviteter")
        + """
Bakgrund

Statsbidrag för lovaktiviteter 2019 per enhet

Enhet                  Tilldelat   Förbrukat   Aktiviteter
                             tkr         tkr         antal
Fritidsgården Exempel      1 240       1 180            64
Parklek Exempelby            860         845            37
Kulturhuset Syd-
Exempelby                    520         498            21
Summa                      2 620       2 523           122
"""
    )
    f = facts_of(tmp_path, text)
    sums = {a.sek for a in f.amounts}
    # each money column in thousands, the row whose label wrapped keeps its sums, and the
    # column of counts is no money
    assert {1_240_000, 1_180_000, 520_000, 498_000, 2_620_000, 2_523_000} <= sums
    assert not sums & {64, 37, 21, 122, 64_000, 122_000}


def test_owners_and_names_in_one_sentence_after_a_colon(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Årsrapport för FoU-verksamheten 2018")
        + """
Lokala utvecklingsmedel 2018

Under 2018 beviljades fyra projekt lokala utvecklingsmedel med sammanlagt
1,6 mnkr: Farsta för projektet Läsglädje i förskoleklass, Bromma och Älvsjö
gemensamt för Tidigt stöd till unga föräldrar, Skärholmen för Seniorer i
samtal samt socialförvaltningens socialjour för Trygga nätter.

Två av projekten avslutades under året.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {
        "Läsglädje i förskoleklass": (["farsta"], None),
        "Tidigt stöd till unga föräldrar": (["alvsjo", "bromma"], None),
        "Seniorer i samtal": (["skarholmen"], None),
        "Trygga nätter": (["socialforvaltningen", "socialjouren"], None),
    }


def test_named_blocks_of_an_application_for_two_funds(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(
            year=2023,
            title="Ansökan om lokala utvecklingsmedel (LUM) och medel för utveckling "
            "och lärande (MUL) 2024",
        )
        + """
Ärendet

Familjestöd på hemmaplan – redovisning 2023 och ansökan för 2024

  Sökande förvaltning:  Skarpnäck
  Projektår:            2 av 3
  Sökt belopp 2024:     410 000 kr

Projektet ger stöd i hemmet till familjer med tonåringar.

Tolkstöd i utredningar – ny ansökan

  Sökande förvaltning:  Skarpnäck
  Projektår:            1 av 2
  Sökt belopp 2024:     0,38 mnkr

I projektet prövas tolkstöd vid hembesök.

Studieresa till Bergen (MUL)

  Sökande förvaltning:  Skarpnäck
  Deltagare:            4 socialsekreterare
  Sökt belopp:          24 000 kronor

Förvaltningen vill besöka Bergen.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.fund_type, p.amount_sek) for p in f.projects}
    assert got == {
        "Familjestöd på hemmaplan": ("LUM", 410_000),
        "Tolkstöd i utredningar": ("LUM", 380_000),
        "Studieresa till Bergen": ("MUL", 24_000),
    }


def test_a_unit_over_a_group_of_money_columns(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2006, title="Ansökan om lokala FoU-medel 2007")
        + """
Sammanställning av sökta medel

                                  Sökt hos socialtjänst-     Egen
                                  nämnden (tusental kr)      insats
Projekt                            2007    2008    Summa     (tkr)

Samtalsgrupper för unga             180      90      270       120
Hembesök hos nyblivna föräldrar     210     210      420       150
"""
    )
    f = facts_of(tmp_path, text)
    sums = {a.sek for a in f.amounts}
    assert {180_000, 90_000, 270_000, 210_000, 420_000, 120_000, 150_000} <= sums
    assert not sums & {180, 90, 270, 210, 420}


def test_a_monthly_reports_projects_under_their_heading(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2021, title="Månadsrapport september 2021")
        + """
Ekonomiskt utfall

Nämnden prognostiserar ett överskott om 2,1 mnkr för helåret.

Projekt med extern finansiering

Läsfrämjande Bagarmossen. Projektet har beviljats 310 000 kronor i lokala
utvecklingsmedel av socialnämnden för 2021 och pågår enligt plan.

Kvällsöppet i Skarpnäcks centrum. Under sommaren hölls en mötesplats öppen
tre kvällar i veckan. Satsningen finansierades med 400 tkr i trygghetsmedel
och är nu avslutad.

Personal

Sjukfrånvaron har minskat.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.status, p.amount_sek) for p in f.projects}
    assert got == {
        "Läsfrämjande Bagarmossen": ("pågående", 310_000),
        "Kvällsöppet i Skarpnäcks centrum": ("genomförd", 400_000),
    }


def test_money_received_and_an_organisations_section(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Uppföljning av bidrag till organisationer 2023")
        + """
Ärendet

Ett exempel är projektet Unga röster i Husby, som Rinkeby-Kista
stadsdelsnämnd driver tillsammans med två föreningar och som i år har
fått 650 000 kronor ur satsningen.

Föreningen Exempelgården

Föreningen beviljades 480 000 kronor för 2023 för läxhjälp och
föräldraträffar. Verksamhetsberättelsen visar att verksamheten har
bedrivits i den omfattning som angavs i ansökan.

Stödcentrum Exempel

Organisationen har lämnat fullständiga handlingar i tid och har även
fått 90 000 kronor från Farsta stadsdelsförvaltning för en samtalsgrupp.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {"Unga röster i Husby": (["rinkeby-kista"], 650_000)}


def test_a_state_bodys_priority_areas_are_no_criteria(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Fördelning av stimulansmedel 2012")
        + """
Bakgrund

Socialstyrelsen anger fyra prioriterade områden för medlen år 2012:

- Demensvård
- Mat och måltider
- Läkemedelsanvändning
- Rehabilitering

Förvaltningen har bedömt ansökningarna utifrån följande kriterier. Insatsen ska

- komma de äldre direkt till del,
- ha mätbara mål som kan följas upp under året.
"""
    )
    f = facts_of(tmp_path, text)
    texts = [c.text for c in f.criteria]
    assert not any(t in ("Demensvård", "Mat och måltider") for t in texts)
    assert any(t.startswith("ha mätbara mål") for t in texts)


def test_district_frames_beside_the_districts_projects(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2004, title="Lokala utvecklingsavtal – fördelning av medel 2004")
        + """
Ärendet

Inom avtalen genomförs bland annat följande projekt:

Projekt                          Stadsdelsnämnd        Belopp, kr
Jobbcentrum Husby                Kista                  2 100 000
Språkförskolan Rinkeby           Rinkeby                1 900 000

Fördelning av medel för lokala utvecklingsavtal år 2004

Stadsdelsnämnd         Statliga medel    Kommunala medel      Summa
                                  tkr                tkr        tkr

Kista                           7 400              7 400     14 800
Rinkeby                         9 100              9 100     18 200

Summa                          16 500             16 500     33 000
"""
    )
    f = facts_of(tmp_path, text)
    frames = [a for a in f.amounts if a.sek in (7_400_000, 14_800_000, 9_100_000, 18_200_000)]
    # each district's frame, more than all its projects: no project's cost — the state's
    # share a state grant, the city's share and the whole a budget (as the corpus gold has it)
    kinds = sorted((a.sek, a.kind) for a in frames)
    assert kinds == [
        (7_400_000, "budget"),
        (7_400_000, "state_grant"),
        (9_100_000, "budget"),
        (9_100_000, "state_grant"),
        (14_800_000, "budget"),
        (18_200_000, "budget"),
    ]


def test_a_numbered_programme_under_a_funders_name_is_no_sum(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2006, title="Delårsrapport per augusti 2006")
        + """
EKONOMISKT UTFALL OCH PROGNOS

Utfallet till och med augusti uppgår till 412,5 mnkr.

Tabell 3. Externt finansierade projekt (tkr)

Projekt                    Finansiär                      Beviljat   Förbrukat    Projekttid
                                                          2006       t.o.m. aug
Språkstöd i Bagarmossen    Allmänna arvsfonden                 540         320    2005–2007
Vägen till jobb för        Europeiska socialfonden,            980         610    2005–2007
unga 18–24 år              Mål 3
Summa                                                        1 520         930
"""
    )
    f = facts_of(tmp_path, text)
    assert {p.name: p.amount_sek for p in f.projects} == {
        "Språkstöd i Bagarmossen": 540_000,
        "Vägen till jobb för unga 18–24 år": 980_000,
    }
    assert not any(a.sek in (3, 3_000) for a in f.amounts)


def test_a_preview_of_the_areas_and_a_study_under_its_short_name(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="FUM-studier 2019 och fokusområden för 2020")
        + """
Sammanfattning

Förvaltningen föreslår tre fokusområden för FUM 2020: skolnärvaro, ekonomiskt
bistånd till barnfamiljer samt äldres psykiska hälsa.

Pågående studier

Studie                                        Utförare                 Kostnad (kr)
Unga utan skolgång – omfattning och insatser  Exempelinstitutet             840 000
Barnfamiljer i långvarigt bistånd             Analysgruppen AB              610 000

Unga utan skolgång

Studien kartlägger unga som inte går i skolan. Tre stadsdelsförvaltningar
deltar i studien: Farsta, Bromma och Skärholmen. Studien pågår till och med
juni 2020 och kostar 840 000 kronor.

Barnfamiljer i bistånd

Studien följer barnfamiljer med bistånd i mer än tre år. Den genomförs av
Analysgruppen AB och kostar 610 000 kronor.

Fokusområden 2020

Förvaltningen föreslår följande fokusområden för FUM år 2020:

1. Skolnärvaro och tidiga insatser för barn som inte går i skolan
2. Ekonomiskt bistånd till barnfamiljer och vägar till arbete
3. Äldres psykiska hälsa och ensamhet
"""
    )
    f = facts_of(tmp_path, text)
    assert [c.text for c in f.criteria] == [
        "Skolnärvaro och tidiga insatser för barn som inte går i skolan",
        "Ekonomiskt bistånd till barnfamiljer och vägar till arbete",
        "Äldres psykiska hälsa och ensamhet",
    ]
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert got == {
        "Unga utan skolgång – omfattning och insatser": ["bromma", "farsta", "skarholmen"],
        "Barnfamiljer i långvarigt bistånd": [],
    }
