"""Blind rounds g327–g342 and n235–n242, on short texts written for the test: a table whose
unknown column name wraps over two header lines; a district's own units, each over a
paragraph that opens with its work and ends in "Sökt: … Förslag: …"; trips run in after
their applicant and a dash; numbered application records with a "Resmål:" line and the
proposal at the right margin; a project's cost items under "Projektets kostnader"; "Total
kostnad | varav KS" tables; "Utbetalt"/"Återstår" columns and a bracket naming performer and
end; follow-up paragraphs whose owner stands on a line of its own; a protocol's § subject
giving its year; a closed column gap before the sum; operating grants; a delegated
decision's formula and a "BESLUT  date" head; a title that ends in a range of years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

HEAD = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0333/{year}
                                                 {year}-04-02

"""


def test_an_unknown_column_whose_name_wraps_is_still_a_column(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021)
        + """Beställning av studier 2021

Förslag till beslut
1. Socialnämnden godkänner att förvaltningen beställer studierna nedan.

Studier (kostnad i tkr)

Studie                      Följs upp      Utförare         Klar      Kostnad
                            av enheten
Unga vuxna i                Barn och       Lunds            2022-05      420
eftervården                 ungdom         universitet
Tolkning i                  Vuxen          Ersta Sköndal    2022-11      380
socialtjänsten                             högskola
Summa                                                                    800
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Unga vuxna i eftervården": (420_000, "Lunds universitet"),
        "Tolkning i socialtjänsten": (380_000, "Ersta Sköndal högskola"),
    }


def test_units_over_their_work_and_a_line_of_sought_and_proposed(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 2.4-117/2012
                                                 2012-02-14

Fördelning av lokala utvecklingsmedel 2012 inom socialtjänsten

Förvaltningens förslag

Ungdomsenheten
Gruppsamtal för unga som skolkar. Två socialsekreterare leder
grupperna under höstterminen.
Sökt: 80 000 kr                    Förslag: 60 000 kr

Vuxenenheten
Boendeträning i egen lägenhet. Enheten prövar stöd i hemmet.
Sökt: 70 000 kr                    Förslag: 70 000 kr
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, tuple(d.district_id for d in p.districts)) for p in f.projects}
    assert got == {
        "Gruppsamtal för unga som skolkar": (60_000, ("farsta",)),
        "Boendeträning i egen lägenhet": (70_000, ("farsta",)),
    }


def test_trips_run_in_after_their_applicant_and_a_dash(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2003)
        + """Studiebesök 2003

Förvaltningen föreslår att följande studiebesök beviljas.

Bromma stadsdelsförvaltning - Tallinn. Arbete med unga i
riskzon.                                              24 000 kr

Farsta stadsdelsförvaltning - Bergen. Boendestöd för äldre
med missbruk.                                         19 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Tallinn. Arbete med unga i riskzon": 24_000,
        "Bergen. Boendestöd för äldre med missbruk": 19_000,
    }


def test_numbered_records_with_a_labelled_destination_and_a_verdict(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006)
        + """Studiebesök 2006

Nedan redovisas varje ansökan.

1  Bromma sdf                            sökt 40 000 kr
   Resmål: Aarhus - barnahus och
   samverkan med polisen.                Förslag 35 000 kr

2  Vantör och Farsta (gemensam ansökan)  sökt 52 000 kr
   Resmål: Oslo - bostad för unga vuxna.
                                         Förslag avslås
"""
    )
    f = facts_of(tmp_path, text)
    got = {
        p.name: (p.amount_sek, p.status, sorted(d.district_id for d in p.districts))
        for p in f.projects
    }
    assert got == {
        "Aarhus - barnahus och samverkan med polisen": (35_000, "beviljad", ["bromma"]),
        "Oslo - bostad för unga vuxna": (52_000, "ansökt", ["farsta", "vantor"]),
    }


def test_a_projects_cost_items_are_no_projects(tmp_path: Path) -> None:
    text = """Enskede-Årsta-Vantörs stadsdelsförvaltning        Tjänsteutlåtande
                                                 Dnr 1.5-210/2018
                                                 2018-09-04

Ansökan om lokala utvecklingsmedel för 2019

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner ansökan om medel för projektet
   Trygga övergångar.

Trygga övergångar

Projektet ska stödja unga som lämnar familjehem.

Projektets kostnader 2019

Socionom, halvtid                                     250 000 kr
Forskare, uppföljning                                  60 000 kr
Handledning                                            40 000 kr
Material                                               10 000 kr
Summa                                                 360 000 kr
"""
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Trygga övergångar"]


def test_the_part_the_deciding_body_pays_is_the_rows_sum(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2010)
        + """Stadsövergripande studier 2010

Förslag till beslut
1. Socialnämnden beviljar medel till studierna i bilaga 1.

Studier 2010 (kr)

Studie                     Utförare          Total       varav      Medfin.     Klart
                                             kostnad     SN
Barn i skyddat boende      Lunds             700 000     500 000    200 000     T1 2011
                           universitet
Äldre med missbruk         Ramböll           400 000     400 000    -           T3 2011
Summa                                        1 100 000   900 000    200 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.end_date) for p in f.projects}
    assert got == {
        "Barn i skyddat boende": (500_000, dt.date(2011, 4, 30)),
        "Äldre med missbruk": (400_000, dt.date(2011, 12, 31)),
    }


def test_paid_and_remaining_columns_and_a_bracket_of_performer_and_end(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2023)
        + """Uppföljning av fleråriga studier

Tabell 1. Studier, belopp i kronor

Studie, utförare         Beviljat  Beviljat   Utbetalt     Återstår
och slutdatum            år        totalt     hittills
Hemlöshet bland          2021      900 000    900 000      0
unga kvinnor
(Umeå universitet,
maj 2023)
Tolkade samtal           2022      600 000    250 000      350 000
(Ramböll,
oktober 2024)
Summa                              1 500 000  1 150 000    350 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.performer, p.end_date) for p in f.projects}
    assert got == {
        "Hemlöshet bland unga kvinnor": (900_000, "Umeå universitet", dt.date(2023, 5, 1)),
        "Tolkade samtal": (600_000, "Ramböll", dt.date(2024, 10, 1)),
    }


def test_follow_up_paragraphs_with_the_owner_on_a_line_of_its_own(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2014)
        + """Redovisning av lokala utvecklingsmedel som beviljats för
åren 2012-2013

Förvaltningens förslag till beslut
1. Socialnämnden godkänner redovisningen.

Redovisning per projekt

Mentorer för unga föräldrar
Skärholmens sdf
Projektet har matchat unga föräldrar med erfarna mentorer.
Beviljat 2012: 150 000 kr; beviljat 2013: 120 000 kr; förbrukat:
270 000 kr.

Digitalt stöd i hemtjänsten
Norrmalms stadsdelsförvaltning
Projektet har prövat surfplattor hos tolv brukare.
Beviljat 2012: 90 000 kr; beviljat 2013: 60 000 kr; förbrukat:
150 000 kr.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Mentorer för unga föräldrar": (150_000, ["skarholmen"]),
        "Digitalt stöd i hemtjänsten": (90_000, ["norrmalm"]),
    }
    assert understood_title(tmp_path, text) == (
        "Redovisning av lokala utvecklingsmedel som beviljats för åren 2012-2013"
    )


def understood_title(tmp_path: Path, text: str) -> str | None:
    p = tmp_path / "doc.txt"
    p.write_text(text, encoding="utf-8")
    return understood(p).meta.title


def test_a_protocols_paragraph_subject_gives_its_year_and_a_closed_gap(tmp_path: Path) -> None:
    text = """Bromma stadsdelsnämnd                                PROTOKOLL 3/2015
                                                     Sida 1 (2)
Sammanträdesdatum 2015-03-19

§ 4
Årsberättelse 2014

Beslut
1. Stadsdelsnämnden godkänner årsberättelsen för 2014.


§ 5
Föreningsbidrag till projekt, våren 2015

Beslut
1. Stadsdelsnämnden beviljar bidrag enligt förvaltningens förslag.

Ärendet
Fem ansökningar har kommit in. Förvaltningens förslag framgår av
sammanställningen nedan.

Förening                  Projekt                          Kronor
Ulvsunda Schackklubb      Schack för nybörjare             12 000
Åkeshovs Roddklubb*       Rodd för seniorer                18 000
Alviks Musikförening Vår  Sommarkonserter vid Alvik strand 25 000
Summa                                                      55 000

* Klubben har sin verksamhet i Bromma.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.year, p.status, p.performer) for p in f.projects}
    assert got == {
        "Schack för nybörjare": (12_000, 2015, "beviljad", "Ulvsunda Schackklubb"),
        "Rodd för seniorer": (18_000, 2015, "beviljad", "Åkeshovs Roddklubb"),
        "Sommarkonserter vid Alvik strand": (25_000, 2015, "beviljad", "Alviks Musikförening Vår"),
    }


def test_operating_grants_to_organisations_are_no_projects(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020)
        + """Bidrag till idéburna organisationer 2020

Förvaltningen föreslår följande organisationsbidrag:

  – Jourföreningen Exempla                        500 000 kr
  – Stödlinjen Prov                               300 000 kr

Förvaltningen föreslår följande projektbidrag:

  – Projektet "Tryggare hem", samtalsgrupper för barn, 150 000 kr
  – Projektet "Språkvänner i Rinkeby", 90 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted(p.name for p in f.projects) == ["Språkvänner i Rinkeby", "Tryggare hem"]


def test_a_delegated_decisions_head_and_formula_are_no_title(tmp_path: Path) -> None:
    text = """                                             Kungsholmens stadsdelsförvaltning
                                             Kulturenheten

BESLUT                                       2012-08-20
Delegationsbeslut                            Dnr 5.1-301/2012
                                             Sida 1 (1)


Bidrag till sommarteater i Rålambshovsparken
2012

Beslut fattat med stöd av punkt 4.3 i stadsdelsnämndens
delegationsordning.

Beslut
Förvaltningen beviljar Teaterföreningen Exempla 20 000 kr.
"""
    assert understood_title(tmp_path, text) == "Bidrag till sommarteater i Rålambshovsparken 2012"
