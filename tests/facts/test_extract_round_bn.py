"""Fifty-fourth session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* an application's "Projekt 1. …" parts, each with its own sub-headings, say when each
  project ends ("pågår från 1 mars till 30 november", "Löptid: 18 månader från start i …");
* a column of fund codes explained by a legend under the table ("U = lokala
  utvecklingsmedel, S = medel för studiebesök");
* a follow-up table whose columns split each project's outcome into kinds of cost;
* a list introduced over two lines, its items "Name: beviljat … kr, utfall … kr";
* numbered studies described before the Ekonomi table that sums them ("pågår t.o.m.
  2002-05-31": no sentence ends at the abbreviation);
* a table header OCR misread by one letter ("Forsleg");
* "Ansökan 1" blocks named by their "Verksamhet:" field, the association its performer;
* att-satser and "Ansökan 1–6" are no project names; "Uppdrag till …" no part of a performer;
* another municipality's FoU money is its "FoU-medel", not the city's FUM.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

SDF_HEAD = """Norrbacka stadsdelsförvaltning                        Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg            Dnr 1.5.1-{no}/{year}
                                                      Sida 1 (3)
                                                      {year}-09-12
Handläggare: Pia Provsson                             Till
Telefon: 08-508 00 000                                Farsta stadsdelsnämnd

{title}

Förvaltningens förslag till beslut

1. Stadsdelsnämnden ansöker hos socialnämnden om lokala
   utvecklingsmedel för de projekt som beskrivs i ärendet.

"""


def test_project_parts_with_sub_headings_say_when_each_project_ends(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=402, year=2020, title="Ansökan om lokala utvecklingsmedel 2021") + (
        """Sammanfattning

Förvaltningen ansöker om 310 000 kronor för projektet ”Läsfrämjande
samtal med föräldrar – en pilot i Farsta strand” och om 240 000
kronor för projektet ”Trygga övergångar – stöd när unga byter skola”.

Projekt 1. Läsfrämjande samtal med föräldrar

Bakgrund och syfte
Föräldrar med kort utbildning deltar sällan i skolans läsprojekt.
Syftet är att pröva samtalsgrupper på biblioteket.

Genomförande och uppföljning
Projektet pågår från 1 mars till 30 november 2021. Gruppernas
ledare dokumenterar varje träff.

Projekt 2. Trygga övergångar

Bakgrund och syfte
Många unga tappar kontakten med elevhälsan när de byter skola.

Genomförande
Löptid: 18 månader från start i april 2021. Projektet leds av en
socialsekreterare på halvtid.

Förvaltningens synpunkter

Förvaltningen bedömer att båda projekten svarar mot nämndens
inriktning. Ansökan ska vara inlämnad senast den 31 oktober 2020.
"""
    )
    ends = {p.name.split(" –")[0]: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends == {
        "Läsfrämjande samtal med föräldrar": dt.date(2021, 11, 30),
        "Trygga övergångar": dt.date(2022, 9, 1),
    }


def test_a_column_of_fund_codes_explained_under_the_table(tmp_path: Path) -> None:
    text = HEAD.format(
        year=2016, title="Fördelning av utvecklingsmedel och medel för studiebesök 2017"
    ) + (
        """
Tabell 1. Ansökningar och förslag 2017

Nr  Förvaltning        Projekt / studiebesök            Medel   Sökt kr  Förslag kr

 1  Farsta             Samtalsgrupper för unga fäder       U     400 000     350 000
 2  Bromma             Aarhus - uppsökande arbete          S      21 000      21 000
 3  Kungsholmen        Brukarråd i socialpsykiatrin        U     300 000     300 000
 4  Älvsjö             Tallinn - digitalt bistånd          S      24 000      24 000

    Summa U                                                      700 000     650 000

Medel: U = lokala utvecklingsmedel, S = medel för studiebesök (MUST).
"""
    )
    funds = {p.name: p.fund_type for p in facts_of(tmp_path, text).projects}
    assert funds == {
        "Samtalsgrupper för unga fäder": "LUM",
        "Aarhus - uppsökande arbete": "MUST",
        "Brukarråd i socialpsykiatrin": "LUM",
        "Tallinn - digitalt bistånd": "MUST",
    }


def test_outcome_split_into_kinds_of_cost_beside_the_grant(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=118, year=2011, title="Uppföljning av lokala utvecklingsmedel 2010"
    ) + (
        """Lokala utvecklingsprojekt 2010

Tabell 1. Beviljat och utfall per kostnadsslag 2010, kronor

                       Beviljat                         Hand-     Summa
Projekt                2010       Lön       Material    ledning   utfall
Läxhjälp i             250 000    190 000     21 000    30 000    241 000
samverkan med skolan
Pappagrupper i         180 000    150 000      9 500    12 000    171 500
Hökarängen
Summa                  430 000    340 000     30 500    42 000    412 500

Båda projekten avslutades i december 2010.
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Läxhjälp i samverkan med skolan", 250_000),
        ("Pappagrupper i Hökarängen", 180_000),
    ]
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[190_000] == "other" and kinds[21_000] == "other"
    assert kinds[250_000] == "project_cost"


def test_a_list_introduced_over_two_lines_with_the_grant_after_a_colon(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=77, year=2013, title="Uppföljning av medel för studiebesök 2012") + (
        """Medel för studiebesök (MUST) 2012

Förvaltningen beviljades medel för två studiebesök, sammanlagt
46 000 kronor:
-  Aarhus, boendestöd för unga vuxna: beviljat 23 000 kr,
   utfall 19 800 kr, återbetalas 3 200 kr.
-  Bergen, barnahus och samverkan: beviljat 23 000 kr,
   inställt, återbetalas 23 000 kr.

Studiebesöket i Aarhus genomfördes i maj 2012.
"""
    )
    got = sorted((p.name, p.amount_sek) for p in facts_of(tmp_path, text).projects)
    assert got == [
        ("Aarhus, boendestöd för unga vuxna", 23_000),
        ("Bergen, barnahus och samverkan", 23_000),
    ]


def test_numbered_studies_described_before_the_table_that_sums_them(tmp_path: Path) -> None:
    text = HEAD.format(year=2001, title="Stadsövergripande FoU-studier 2001") + (
        """
Studierna

1. Unga vuxna med långvarigt bistånd
Studien genomförs av Institutionen för socialt arbete vid Tallby
högskola. Studien pågår t.o.m. 2002-05-31.

2. Familjehem för tonåringar
Förvaltningens utredare går igenom akterna. Studien redovisas till
nämnden i mars 2002.

Ekonomi
                                                        kr
Studie 1   Unga vuxna med långvarigt bistånd         380 000
Studie 2   Familjehem för tonåringar                 160 000
           Summa                                     540 000
"""
    )
    got = {p.name: (p.amount_sek, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got["Unga vuxna med långvarigt bistånd"] == (380_000, dt.date(2002, 5, 31))
    assert got["Familjehem för tonåringar"][0] == 160_000


def test_a_header_word_misread_by_one_letter(tmp_path: Path) -> None:
    text = HEAD.format(year=2009, title="Lokala utvecklingsmedel 2010") + (
        """
Nr Stadsdelsförvaltning   Projekt                              Sökt        Forsleg

1   Farsta                 Samtalsstöd för unga pappor          300 000     250 000
2   Bromma                 Nätverksmöten i äldreomsorgen        200 000     200 000
3   Kungsholmen            Brukarråd i socialpsykiatrin         150 000     120 000
4   Enskede-Årsta-Vantör Skuldrådgivning som tidig insats 360 000 300 000
    Summa                                                     1 010 000     870 000
"""
    )
    got = sorted((p.name, p.amount_sek) for p in facts_of(tmp_path, text).projects)
    assert got == [
        ("Brukarråd i socialpsykiatrin", 120_000),
        ("Nätverksmöten i äldreomsorgen", 200_000),
        ("Samtalsstöd för unga pappor", 250_000),
        ("Skuldrådgivning som tidig insats", 300_000),
    ]


def test_application_blocks_named_by_their_activity_field(tmp_path: Path) -> None:
    text = HEAD.format(year=2019, title="Bidrag till idéburna organisationer 2019") + (
        """
Ansökan 1
Organisation:      Föreningen Provbron
Verksamhet:        Läxhjälp och läsfrämjande för barn
                   i årskurs 3–6
Samverkan:         Skärholmens stadsdelsförvaltning
Sökt belopp:       300 000 kronor
Förslag:           250 000 kronor

Ansökan 2
Organisation:      Idrottsföreningen Provlöparna
Verksamhet:        Kvällsidrott för tjejer
Samverkan:         –
Sökt belopp:       180 000 kronor
Förslag:           150 000 kronor

Sammanställning
Ansökan 1–2                     480 000 kr     400 000 kr
"""
    )
    got = sorted(
        (p.name, p.performer, tuple(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    )
    assert got == [
        ("Kvällsidrott för tjejer", "Idrottsföreningen Provlöparna", ()),
        (
            "Läxhjälp och läsfrämjande för barn i årskurs 3–6",
            "Föreningen Provbron",
            ("skarholmen",),
        ),
    ]


def test_att_satser_are_no_project_names(tmp_path: Path) -> None:
    text = """PROVSTADS KOMMUN                               SAMMANTRÄDESPROTOKOLL
Socialnämnden                                  Sammanträdesdatum
                                               2012-03-14

Sn § 41          Dnr Sn2012:88

Utvecklingsmedel 2012

Socialnämnden har i budget 2012 avsatt 600 000 kr för utvecklingsmedel.

Yrkanden
Per Provsson (S) yrkar bifall till förvaltningens förslag.

Socialnämndens beslut
Socialnämnden beslutar

1.  att bevilja utvecklingsmedel 2012 till följande projekt:
    a) Barn och ungdom: "Tidiga samtal med tonårsföräldrar",
       160 000 kr,
    b) Vuxenenheten: "Återfall efter avslutad behandling",
       190 000 kr,

2.  att avslå ansökningarna från enheten för ensamkommande barn
    och från familjerätten,

3.  att projekten ska redovisas skriftligt till socialnämnden
    senast den 31 mars 2013.
"""
    names = {p.name for p in facts_of(tmp_path, text).projects}
    assert names == {"Tidiga samtal med tonårsföräldrar", "Återfall efter avslutad behandling"}


def test_another_municipalitys_fou_money_is_its_own(tmp_path: Path) -> None:
    text = """GÄVLEBO KOMMUN                                 SAMMANTRÄDESPROTOKOLL
Socialnämnden                                  Sammanträdesdatum
                                               2010-03-17

Sn § 58          Dnr Sn2010:112

FoU-medel 2010

Socialnämnden har i budget 2010 avsatt 750 000 kr för FoU-medel. Studierna
genomförs av forskare vid FoU-centrum Provdalen efter uppdrag från nämnden.

Socialnämnden beslutar

1.  att bevilja FoU-medel 2010 till följande studier:
    a) Utredningsgruppen: "Tidiga samtal med tonårsföräldrar",
       160 000 kr,
    b) Missbruksenheten: "Återfall efter öppenvård",
       190 000 kr.
"""
    f = facts_of(tmp_path, text)
    assert {p.fund_type for p in f.projects} == {"FoU-medel"}
    assert "FUM" not in {a.fund_type for a in f.amounts}


def test_the_body_a_study_is_commissioned_from_is_its_performer() -> None:
    from pipeline.facts.performer_tails import bare_performer

    assert bare_performer("Uppdrag till Provstads högskola") == "Provstads högskola"
    assert bare_performer("Uppdras åt Utvärderingsbyrån Prov AB") == "Utvärderingsbyrån Prov AB"


def test_a_decision_column_in_kronor_grants_the_rows(tmp_path: Path) -> None:
    text = HEAD.format(year=1999, title="Lokala utvecklingsmedel 1999, andra omgången") + (
        """
Bilaga 1

Lokala utvecklingsmedel 1999, andra omgången – ansökningar och beslut

Sökande           Projekt                              Sökt kr    Beslut kr

Kista             Läxhjälp i samverkan med skolan      280 000      250 000
Vantör            Pappagrupper på somaliska            215 000      215 000
Bromma            Nätverksmöten kring unga             190 000     Återremiss
"""
    )
    got = {p.name: (p.status, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert got["Läxhjälp i samverkan med skolan"] == ("beviljad", 250_000)
    assert got["Pappagrupper på somaliska"] == ("beviljad", 215_000)


def test_a_districts_own_table_with_a_co_applicant_column(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=214, year=2024, title="Redovisning av lokala utvecklingsmedel 2023"
    ) + (
        """Tabell 1. Projekt 2023

Projekt                      Medsökande    Beviljat     Förbrukat    Status
                                           2023 (kr)    2023 (kr)
Tidiga samtal vid            –              420 000      420 000     Avslutat
orosanmälan
Stöd till äldre som          Skärholmen     360 000      301 000     Pågår
utsätts för våld (inställd)
"""
    )
    got = {
        p.name: tuple(sorted(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Tidiga samtal vid orosanmälan": ("farsta",),
        "Stöd till äldre som utsätts för våld": ("farsta", "skarholmen"),
    }


def test_a_paper_on_both_funds_gives_its_project_table_the_local_money(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=1731,
        year=2021,
        title="Ansökan om lokala utvecklingsmedel (LUM) och medel för utveckling och lärande (MUL) 2022",
    ) + (
        """Ärendet

Socialnämnden fördelar lokala utvecklingsmedel 2022. Ett projekt kan
beviljas högst 500 000 kronor och en ansökan om MUL högst 25 000 kronor.

Projekt                          Huvudsökande/      Sökt 2022
                                 medsökande         (kr)
Familjebehandling via            Farsta               380 000
videosamtal
Tidiga samtal med äldre          Farsta/Skarpnäck     450 000
Summa                                                 830 000
"""
    )
    assert {p.fund_type for p in facts_of(tmp_path, text).projects} == {"LUM"}


def test_a_districts_ranked_applications_for_fou_money(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                  PROTOKOLLSUTDRAG
Farsta stadsdelsnämnd                            Sammanträdesdatum
                                                 2017-09-21

§ 12
Ansökan om FoU-medel från socialnämnden för 2018
Dnr 1.2.1-478/2017

Stadsdelsnämndens beslut

Stadsdelsnämnden ansöker hos socialnämnden om FoU-medel för 2018
och rangordnar ansökningarna så här:

Prio  Ansökan                               Avdelning          Sökt 2018 kr

1     Läxhjälp i samverkan med skolan       Barn och ungdom         450 000
2     Nätverksmöten för äldre               Äldreomsorg             300 000
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.fund_type) for p in f.projects)
    assert got == [
        ("Läxhjälp i samverkan med skolan", 450_000, "LUM"),
        ("Nätverksmöten för äldre", 300_000, "LUM"),
    ]


def test_a_period_of_days_in_a_projects_own_section(tmp_path: Path) -> None:
    text = HEAD.format(year=2025, title="Ansökan om statsbidrag för lovskola 2025") + (
        """
Tabell 1. Insatser och sökt belopp

Insats                                  Sökt belopp
Lovskola åk 8–9                          960 000
Sommarskola åk 6–7                       520 000
Summa                                  1 480 000

Lovskola åk 8–9
Lovskolan anordnas på tolv skolor under sommarlovet, 16 juni–4 juli
2025, med högst tolv elever per lärare.

Sommarskola åk 6–7
Sommarskolan anordnas på fyra skolor 9–27 juni 2025.
"""
    )
    ends = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends == {
        "Lovskola åk 8–9": dt.date(2025, 7, 4),
        "Sommarskola åk 6–7": dt.date(2025, 6, 27),
    }
