"""Blind rounds g295–g310 and n203–n218, on short texts written for the test: a budget table
under a numbered caption; unit costs and limits in one sentence; a protocol named in two
stacked letterhead cells; "§" and "ll" as damaged OCR prints them; a remiss whose subject has
its answer's deadline under it; a report's chapter under the report's letterhead; trips as
records of labelled fields run together with dashes; a district printed left of a table's
first, unnamed column; and a "Sökande" column of associations beside a district column."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of


def _meta_title(tmp_path: Path, text: str) -> str | None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path).meta.title


def test_a_budget_table_under_a_numbered_caption(tmp_path: Path) -> None:
    text = """Farsta stadsdelsnämnd                            Verksamhetsberättelse 2006
                                                 Sida 12 (30)

Ekonomi

Nämnden redovisar ett överskott.

3  Ekonomiskt utfall per verksamhetsområde (tkr)

Verksamhetsområde               Budget 2006   Utfall 2006   Avvikelse
Förskoleverksamhet                  201 400       199 900       1 500
Äldreomsorg                         288 100       290 300      -2 200
"""
    f = facts_of(tmp_path, text)
    got = {(a.sek, a.kind) for a in f.amounts}
    assert {(201_400_000, "budget"), (199_900_000, "other"), (288_100_000, "budget")} <= got


def test_unit_costs_and_limits_in_one_sentence(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0102/2018
                                                 2018-02-06

Medel för utveckling och lärande (MUL) 2018

Ärendet
Kostnaden per deltagare blir därmed cirka 14 200 kronor. En ansökan får
omfatta högst 50 000 kronor och kostnaden per deltagare bör inte
överstiga 11 000 kronor.
"""
    f = facts_of(tmp_path, text)
    assert [(a.sek, a.kind) for a in f.amounts] == [
        (14_200, "other"),
        (50_000, "max_per_application"),
        (11_000, "max_per_application"),
    ]


PROTOCOL = """                                                   PROTOKOLL
FARSTA STADSDELSNÄMND                              Nr 4/2012
                                                   Sida 1 (4)

Sammanträdesdag       2012-04-19

Plats                 Farsta stadsdelsförvaltning

Ledamöter             Anna Berglund (m), ordförande

§ 30
Justering

Ordföranden utser Bo Lind (s) att justera protokollet.

§ 31
Verksamhetsplan 2012, uppföljning

Beslut
1. Nämnden godkänner uppföljningen.

§ 32
Föreningsbidrag 2012

Beslut
1. Nämnden beviljar föreningsbidrag enligt förvaltningens förslag.
"""


def test_a_protocol_named_in_two_stacked_letterhead_cells(tmp_path: Path) -> None:
    assert _meta_title(tmp_path, PROTOCOL) == "Protokoll nr 4/2012"


def test_a_paragraph_sign_and_double_l_as_damaged_ocr_prints_them(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                   PROTOKOLLSUTDRAG
BROMMA STADSDELSNAMND                             Sammantradesdatum
                                                  2OO1-O3-15

S 22   Bidrag ti11 pensionarsforeningar 2OO1
       Dnr 5O2-088/2OO1


Namnden har i budgeten avsatt 8O OOO kr f6r bidrag ti11 f6reningar.
"""
    assert _meta_title(tmp_path, text) == "Bidrag till pensionärsföreningar 2001"


def test_a_remiss_subject_over_its_deadline(tmp_path: Path) -> None:
    text = """SKÄRHOLMENS                                       TJÄNSTEUTLÅTANDE
STADSDELSFÖRVALTNING                              Dnr 1.6-210/2016
Avdelningen för äldreomsorg                       Sida 1 (2)
                                                  2016-03-08

Handläggare: Eva Lund                             Till
                                                  Skärholmens
                                                  stadsdelsnämnd


Remiss av förslag till äldreplan för Stockholms
stad 2017–2020
Remiss från kommunstyrelsen, KS dnr 124-301/2016
Svar senast den 15 april 2016


Förvaltningens förslag till beslut

1. Stadsdelsnämnden godkänner tjänsteutlåtandet som svar på remissen.
"""
    assert (
        _meta_title(tmp_path, text)
        == "Remiss av förslag till äldreplan för Stockholms stad 2017–2020"
    )


def test_a_chapter_under_the_letterhead_of_its_report(tmp_path: Path) -> None:
    text = """Skarpnäcks stadsdelsnämnd                           Verksamhetsberättelse 2017
                                                                 Sida 31 (48)

5.2 Föreningsbidrag och sommarlovsmedel

Nämnden har under 2017 fördelat föreningsbidrag till 21 föreningar.
Bidragen har främst gått till läxhjälp, mötesplatser för äldre och
lovaktiviteter. Sommarlovsmedlen har använts till dagkollo, simskola
och utflykter tillsammans med fritidsgårdarna i Bagarmossen och
Skarpnäcksfältet.
"""
    assert _meta_title(tmp_path, text) == "Verksamhetsberättelse 2017"


def test_trips_as_records_of_fields_run_together_with_dashes(tmp_path: Path) -> None:
    text = """Socialnämnden                  Protokollsutdrag           Sida 1 (1)
2010-05-18                     § 9

Medel för studiebesök (MUST) 2010

Beslut
1. Socialnämnden beviljar medel för studiebesök enligt förslaget.

Ärendet
Förvaltningen föreslår följande:

Sökande: Farsta sdf – Resmål: Bergen – Syfte: barnahus och
     samverkan med polisen – Delt.: 3 – Beviljas: 24 000 kr
Sökande: Bromma sdf – Resmål: Tallinn – Syfte: mottagning för
     unga med missbruk – Delt.: 2 – Beviljas: 17 500 kr
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Bergen – barnahus och samverkan med polisen": (24_000, ["farsta"]),
        "Tallinn – mottagning för unga med missbruk": (17_500, ["bromma"]),
    }


def test_a_district_left_of_the_first_unnamed_column(tmp_path: Path) -> None:
    text = """Utlåtande 2017:22 RI (Dnr 123-0410/2017)

Medel ur stadens innovationsfond 2017

Förslag till beslut

1. Kommunstyrelsen beviljar medel ur innovationsfonden enligt
   stadsledningskontorets förslag.

Ärendet
Stadsledningskontoret föreslår att två projekt beviljas sammanlagt 1 700 tkr.

                                   Projekt                             tkr
Kungsholmen                        Digitala nycklar i                  900
                                   hemtjänsten
Skärholmen                         Robotstöd för läxhjälp              800
Summa                                                                1 700
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Digitala nycklar i hemtjänsten": (900_000, ["kungsholmen"]),
        "Robotstöd för läxhjälp": (800_000, ["skarholmen"]),
    }


def test_applicants_beside_a_district_column(tmp_path: Path) -> None:
    text = """Kulturförvaltningen                              Tjänsteutlåtande
                                                 Dnr 4.1-0120/2016
                                                 2016-03-01

Projektbidrag till barn- och ungdomskultur 2016

Förslag till beslut
1. Kulturnämnden beviljar projektbidrag enligt bilagan.

Bilaga

Nr  Sökande               Projekt                 Stadsdels-     Sökt kr  Förslag kr
                                                  område
1   Teatergruppen         Rollspel om             Skarpnäck      90 000     80 000
    Spegeln               grupptryck
2   Föreningen Klang      Kör för nyanlända       Kista          70 000     60 000
"""
    f = facts_of(tmp_path, text)
    got = {
        p.name: (p.amount_sek, p.performer, [d.district_id for d in p.districts])
        for p in f.projects
    }
    assert got == {
        "Rollspel om grupptryck": (80_000, "Teatergruppen Spegeln", ["skarpnack"]),
        "Kör för nyanlända": (60_000, "Föreningen Klang", ["rinkeby-kista"]),
    }


def test_a_table_of_recipients_and_their_grants(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                               Bilaga
ÄLVSJÖ STADSDELSNÄMND                         Dnr 504-041/2001
                                              Sida 2 (2)

Bidrag till pensionärsföreningar 2001

Förening                                          Kr
PRO Älvsjö                                    31 000
SPF Solberga                                  24 500
Långbro Hembygdsförening                       8 000
Summa                                         63 500
"""
    f = facts_of(tmp_path, text)
    assert [(a.sek, a.kind) for a in f.amounts] == [
        (31_000, "project_cost"),
        (24_500, "project_cost"),
        (8_000, "project_cost"),
        (63_500, "total_granted"),
    ]


def test_a_heading_over_a_paragraph_that_applies_for_what_it_names(tmp_path: Path) -> None:
    text = """FARSTA STADSDELSFÖRVALTNING                      TJÄNSTEUTLÅTANDE
                                                 Dnr 502-077/2007
                                                 2007-03-06

Ansökan om medel för studiebesök (MUST) 2007

Förslag till beslut

1.  Stadsdelsnämnden godkänner förvaltningens ansökan om medel för
    studiebesök i Tammerfors om 18 000 kronor.

Ärendet

Studiebesök i Tammerfors

Förvaltningen ansöker om medel för ett studiebesök i Tammerfors
hösten 2007 för att ta del av det finska arbetet med familjecentraler.
I resan deltar tre medarbetare. Kostnaden beräknas till 6 000 kronor
per deltagare, sammanlagt 18 000 kronor.

Förvaltningens synpunkter

Resan ligger i linje med nämndens verksamhetsplan.
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.amount_sek) for p in f.projects] == [("Studiebesök i Tammerfors", 18_000)]
