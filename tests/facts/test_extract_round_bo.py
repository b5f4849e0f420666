"""Fifty-fifth session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* a dash list "Name – genomförs av …", its clause of who does the work wrapped onto a line
  that opens with a dash, under a heading "Ansökningarna i korthet";
* a remarks column that dates each row's end ("Ny sluttid oktober 2016");
* what a trip cost beside what was granted for it ("Resan kostade 21 800 kr av beviljade
  25 000 kr"), and a "Kostnad" column beside "Beviljat" and "Återbetalas": money spent;
* a typed-era table whose columns are "Best." (the year ordered), "Avtal" and years with a
  footnote's mark, its rows described by numbered comments under it;
* another municipality before a dash is the project's performer;
* a district's heading over its lettered applications is no two-column list;
* a trip named by a town abroad in a paper on both funds is a study visit;
* "Utvärdering av" at the end of a name cell goes on on the next line; "Nytt slut" beside
  "Ursprungligt slut"; "(egen regi)" names no performer;
* a researcher's line under a project's name in its cell is no part of the name;
* an applicant's line that goes on to a quoted title;
* one sentence that ends all the projects ("Projekten har avslutats under år 2001"), or says
  when they must be done ("Projekten ska vara avslutade senast …");
* "Tabellen fortsätter på nästa sida" is page furniture; another municipality's FoU-anslag
  is its "FoU-medel", its criteria's too;
* a legend's marks after the sums ("400 000 kr *") give each project's fund, and the
  paragraph after the legend is the body's again;
* "(Umeå universitet, klart oktober 2018)" after a name: who and when;
* a research body before its verb ("X högskola utvärderar …") carries the study out; the
  researcher after a body ("…, Anna Prov, fil.dr") is no part of it;
* studies lettered "A.", "B.", "C." under their own headings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_bn import SDF_HEAD
from test_extract_round_ii import HEAD


def test_dash_items_with_who_does_the_work_after_the_name(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=233, year=2018, title="Ansökan om lokala utvecklingsmedel 2019") + (
        """Bakgrund

Socialnämnden fördelar varje år lokala utvecklingsmedel till
stadsdelsförvaltningarna.

Ansökningarna i korthet

–  Läxcafé för nyanlända familjer – genomförs av den ideella
   föreningen Läsvänner Syd i samarbete med skolan, klart
   höstterminen 2019. Sökt belopp: 260 000 kr.

–  Samtal med äldre om ensamhet i Högdalen och Rågsved – en
   kartläggning (medsökande Skarpnäcks stadsdelsförvaltning)
   – genomförs av en forskare vid Institutionen för socialt arbete;
   rapport lämnas senast den 15 november 2019. Sökt belopp: 190 000 kr.

Ekonomi

Förvaltningen bidrar med personaltid.
"""
    )
    got = {
        p.name: (p.amount_sek, p.performer, p.end_date) for p in facts_of(tmp_path, text).projects
    }
    assert got["Läxcafé för nyanlända familjer"] == (
        260_000,
        "Läsvänner Syd",
        dt.date(2019, 12, 31),
    )
    survey = "Samtal med äldre om ensamhet i Högdalen och Rågsved – en kartläggning"
    assert got[survey][0] == 190_000
    assert got[survey][2] == dt.date(2019, 11, 15)


def test_a_remarks_column_dates_each_rows_end(tmp_path: Path) -> None:
    text = HEAD.format(year=2017, title="Uppföljning av lokala utvecklingsprojekt 2016") + (
        """
Tabell 1. Projektens läge i mars 2017

Nr  Förvaltning      Projekt                       Beviljat, kr  Läge      Kommentar

1   Bromma           Stöd till unga pappor              310 000  Klart     Slutrapport
                                                                           januari 2017
2   Farsta           Digital ekonomisk rådgivning       280 000  Försenat  Ny sluttid
                                                                           oktober 2017
3   Kungsholmen      Samtalsgrupper för syskon          240 000  Pågår     Överförs till
                                                                           2017 års medel
"""
    )
    ends = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends == {
        "Stöd till unga pappor": dt.date(2017, 1, 1),
        "Digital ekonomisk rådgivning": dt.date(2017, 10, 1),
        "Samtalsgrupper för syskon": None,
    }


def test_what_a_trip_cost_beside_its_grant_is_money_spent(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=61, year=2015, title="Redovisning av studiebesök 2014") + (
        """Studiebesök i Aarhus

Socialnämnden beviljade 25 000 kr för resan. Resan kostade 21 800 kr
och resterande 3 200 kr har betalats tillbaka.

Sammanställning

                    Beviljat      Kostnad     Återbetalas
Aarhus 2014           25 000       21 800           3 200
Tallinn 2014          18 000       17 100             900
Summa                 43 000       38 900           4 100
"""
    )
    kinds = {(a.raw, a.kind) for a in facts_of(tmp_path, text).amounts}
    assert ("21 800 kr", "other") in kinds
    assert ("17 100", "other") in kinds
    assert ("21 800", "other") in kinds
    assert ("18 000", "project_cost") in kinds


def test_a_typed_table_of_ordered_studies_described_by_numbered_comments(tmp_path: Path) -> None:
    text = HEAD.format(year=2003, title="Stadsövergripande FoU-studier, redovisning 2003") + (
        """
Tabell 1. FoU-studier, avtal och utbetalningar, tkr

Nr  Studie                        Best.   Avtal    2002   2003 1)   Totalt

1   Unga som lämnar familjehem    2002     480     240      240       480
    - en uppföljning
2   Skuldsättning bland äldre     2002     360     180      180       360

    Summa                                  840     420      420       840

1) Beräknat.

Kommentarer till tabellen

1. Unga som lämnar familjehem. Studien har genomförts av
Institutionen för socialt arbete vid Umeå universitet. Slutrapporten
lämnades i september 2003.

2. Skuldsättning bland äldre. Studien genomförs av Institutet för
hushållsekonomi och pågår enligt plan. Slutrapport väntas i
mars 2004.
"""
    )
    got = {
        p.name.split(" –")[0]: (p.year, p.amount_sek, p.end_date)
        for p in facts_of(tmp_path, text).projects
    }
    assert got["Unga som lämnar familjehem"] == (2002, 480_000, dt.date(2003, 9, 1))
    assert got["Skuldsättning bland äldre"] == (2002, 360_000, dt.date(2004, 3, 1))


def test_another_municipality_before_a_dash_carries_the_project_out(tmp_path: Path) -> None:
    text = HEAD.format(year=2010, title="Fördelning av utvecklingsmedel 2010") + (
        """
Följande projekt föreslås få medel:

•  Tyresö kommun, socialtjänsten – Familjeråd i barnavården,
   180 000 kr
•  Värmdö kommun, äldreomsorgen – Måltidsvänner på
   servicehusen, 140 000 kr
"""
    )
    got = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Familjeråd i barnavården": "Tyresö kommun, socialtjänsten",
        "Måltidsvänner på servicehusen": "Värmdö kommun, äldreomsorgen",
    }


def test_a_districts_heading_over_its_lettered_applications(tmp_path: Path) -> None:
    text = HEAD.format(year=2008, title="Lokala utvecklingsmedel 2009") + (
        """
Förvaltningens förslag redovisas per sökande stadsdelsnämnd på
följande sida. Under varje nämnd anges ansökans namn, sökt belopp och
förslaget: beviljas, beviljas delvis eller avslås.

FÖRSLAG PER SÖKANDE

FARSTA STADSDELSNÄMND

   a) Mentorer för unga i Hökarängen
      Utvecklingsmedel. Sökt: 280 000 kr
      Förslag:  BEVILJAS

   b) Familjestöd på lördagar
      Utvecklingsmedel. Sökt: 190 000 kr
      Förslag:  AVSLÅS

BROMMA STADSDELSNÄMND

   a) Boendestöd för unga vuxna
      Utvecklingsmedel. Sökt: 350 000 kr
      Förslag:  BEVILJAS DELVIS med 300 000 kr.
"""
    )
    names = sorted(p.name for p in facts_of(tmp_path, text).projects)
    assert names == [
        "Boendestöd för unga vuxna",
        "Familjestöd på lördagar",
        "Mentorer för unga i Hökarängen",
    ]


def test_a_trip_named_by_a_town_abroad_is_a_study_visit(tmp_path: Path) -> None:
    text = HEAD.format(
        year=2013, title="Fördelning av lokala utvecklingsmedel och medel för studiebesök 2014"
    ) + (
        """
Tabell 1. Ansökningar och förslag, kronor

Förvaltning          Projekt                                 Sökt       Förslag
Skarpnäck            Familjecoacher i skolan                 380 000     350 000
Bromma               Anhörigstöd vid spelproblem             300 000     300 000
Farsta               Tammerfors - uppsökande arbete           24 000      24 000
                     bland unga
Kungsholmen          Bergen - bostad först för unga           21 000      20 000

Summa                                                        725 000     694 000
"""
    )
    funds = {p.name: p.fund_type for p in facts_of(tmp_path, text).projects}
    assert funds == {
        "Familjecoacher i skolan": "LUM",
        "Anhörigstöd vid spelproblem": "LUM",
        "Tammerfors - uppsökande arbete bland unga": "MUST",
        "Bergen - bostad först för unga": "MUST",
    }


def test_a_follow_up_with_a_new_end_and_work_in_its_own_charge(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=77, year=2021, title="Uppföljning av lokala utvecklingsmedel 2021"
    ) + (
        """Tabell 1. Projekten och deras slut

Projekt               Ansvarig enhet   Utförare              Beviljat    Ursprungligt   Nytt slut
                                                             2021, kr    slut

Utvärdering av        Barn och unga    Exempelanalys AB       260 000    2021-06-30     2021-12-31
Farsta familjehus
Samtalsstöd för       Vuxenenheten     Vuxenenheten           140 000    2021-09-30     2021-11-30
anhöriga                               (egen regi)
"""
    )
    got = {p.name: (p.performer, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Utvärdering av Farsta familjehus": ("Exempelanalys AB", dt.date(2021, 12, 31)),
        "Samtalsstöd för anhöriga": (None, dt.date(2021, 11, 30)),
    }


def test_a_researchers_line_under_the_name_in_its_cell(tmp_path: Path) -> None:
    text = HEAD.format(year=2022, title="Forskningsmedel 2022") + (
        """
Nr  Förvaltning          Projekt och forskare                     Sökt   2022   2023  Totalt
1   Socialförvalt-       Hemlöshet bland äldre kvinnor            450    220    230     450
    ningen               Docent Karin Exempelsson
2   Äldreförvalt-        Digital tillsyn nattetid                 380    190    190     380
    ningen               Fil.dr Per Provberg Ek
    Summa                                                         830    410    420     830
"""
    )
    names = sorted(p.name for p in facts_of(tmp_path, text).projects)
    assert names == ["Digital tillsyn nattetid", "Hemlöshet bland äldre kvinnor"]


def test_an_applicants_line_going_on_to_its_quoted_title(tmp_path: Path) -> None:
    text = HEAD.format(year=2023, title="Fördelning av utvecklingsmedel 2023") + (
        """
Följande projekt föreslås få medel:
•  Sollentuna kommun, socialkontoret, tillsammans med BUP
   Norrort: ”Tidiga samtal med familjer i kris” – 700 000 kronor
•  Täby kommun, elevhälsan, tillsammans med Ungdomsmottagningen
   Täby: ”Skolnära stöd vid frånvaro” – 650 000 kronor
"""
    )
    got = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Tidiga samtal med familjer i kris": "Sollentuna kommun, socialkontoret",
        "Skolnära stöd vid frånvaro": "Täby kommun, elevhälsan",
    }


def test_one_sentence_ends_all_the_projects(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=12, year=2005, title="Slutredovisning av lokala FoU-projekt 2004") + (
        """Sammanfattning

Stadsdelsnämnden beviljades 560 000 kr för två projekt. Projekten
har avslutats under år 2004 och har redovisats till nämnden.

Tabell 1. Beviljat och utfall 2004 (kr)

Projekt                                 Beviljat    Utfall
Föräldragrupper i Sätra                  300 000   284 000
Uppsökande arbete bland unga             260 000   260 000
Summa                                    560 000   544 000
"""
    )
    ends = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends == {
        "Föräldragrupper i Sätra": dt.date(2004, 12, 31),
        "Uppsökande arbete bland unga": dt.date(2004, 12, 31),
    }


def test_a_note_that_the_table_goes_on_is_no_part_of_a_row(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=90, year=2010, title="Redovisning av lokala utvecklingsmedel 2009"
    ) + (
        """Tabell 1. Beviljat och förbrukat 2009

Projekt                             Beviljat   Förbrukat   Återbetalt

Stödgrupper för unga anhöriga        210 000     210 000            -

Digitalt stöd i ekonomiskt           180 000     152 000       28 000
bistånd - förstudie

Tabellen fortsätter på nästa sida
\f
Tabell 1 (forts.)

Projekt                             Beviljat   Förbrukat   Återbetalt

Mötesplats för äldre i Fagersjö      240 000     240 000            -
"""
    )
    names = {p.name for p in facts_of(tmp_path, text).projects}
    assert "Digitalt stöd i ekonomiskt bistånd - förstudie" in names


def test_another_municipalitys_fou_grant_and_its_criteria(tmp_path: Path) -> None:
    text = """SOLLIDA KOMMUN                                SAMMANTRÄDESPROTOKOLL
                                              Sammanträdesdatum      Sida
Socialnämnden                                 1999-03-17              4

SN § 31                                       Dnr SN 99/044

FÖRDELNING AV FoU-ANSLAGET FÖR 1999

Socialnämnden har i budget för 1999 avsatt 500.000 kr för forsknings-
och utvecklingsarbete (FoU-anslaget). Ansökningarna bedöms efter om
projektet

- prövar nya arbetsformer inom socialtjänsten,
- sker i samarbete med högskola.

Sju ansökningar om sammanlagt 730.000 kr har kommit in.
"""
    f = facts_of(tmp_path, text)
    assert {a.raw: a.fund_type for a in f.amounts}["500.000 kr"] == "FoU-medel"
    assert {c.fund_type for c in f.criteria} == {"FoU-medel"}


def test_a_decision_says_when_all_the_projects_must_be_done(tmp_path: Path) -> None:
    text = HEAD.format(year=2011, title="Fördelning av medel till upprustning av lekplatser") + (
        """
Förvaltningen föreslår att följande projekt beviljas medel:

1. Ny belysning vid Fagersjö bollplan, 420 000 kr
2. Sittplatser och scen i Bagarmossens park, 380 000 kr

Projekten ska vara avslutade senast den 30 november 2011.
"""
    )
    ends = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends == {
        "Ny belysning vid Fagersjö bollplan": dt.date(2011, 11, 30),
        "Sittplatser och scen i Bagarmossens park": dt.date(2011, 11, 30),
    }


def test_a_legends_marks_after_the_sums_give_each_projects_fund(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=40, year=2016, title="Redovisning av externt finansierat arbete 2015"
    ) + (
        """Insatserna 2015

Insatserna redovisas nedan per område med det belopp som beviljades
för 2015. Finansieringskällan anges med tecken efter beloppet.

Barn och unga
  Föräldrastöd i öppna förskolan i Hökarängen ..........   350 000 kr *
  Aarhus - uppsökande arbete bland unga ................    22 000 kr **

Vuxna
  Stöd till unga vuxna med skulder .....................   260 000 kr *
  Jobbcoacher i försörjningsstödet ..................... 1 100 000 kr ***

*     lokala utvecklingsmedel (LUM), socialnämnden
**    medel för studiebesök (MUST), socialnämnden
***   Europeiska socialfonden (ESF)

Föräldrastöd i öppna förskolan i Hökarängen
En familjebehandlare har erbjudit samtal i öppna förskolan. Projektet
avslutades i december 2015.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.fund_type for p in f.projects}
    assert got == {
        "Föräldrastöd i öppna förskolan i Hökarängen": "LUM",
        "Aarhus - uppsökande arbete bland unga": "MUST",
        "Stöd till unga vuxna med skulder": "LUM",
        "Jobbcoacher i försörjningsstödet": "ESF",
    }
    ends = {p.name: p.end_date for p in f.projects}
    assert ends["Föräldrastöd i öppna förskolan i Hökarängen"] == dt.date(2015, 12, 1)


def test_who_does_a_study_and_when_it_is_done_in_a_bracket_after_its_name(tmp_path: Path) -> None:
    text = HEAD.format(year=2017, title="FoU-studier 2017") + (
        """
Nya studier 2017

  » Unga vuxna i hemlöshet – en kartläggning
    (Umeå universitet, klart oktober 2018): 420 000 kr
  » Äldres ensamhet i särskilt boende
    (Exempelanalys AB, klart mars 2018): 260 000 kr
"""
    )
    got = {p.name: (p.performer, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Unga vuxna i hemlöshet – en kartläggning": ("Umeå universitet", dt.date(2018, 10, 1)),
        "Äldres ensamhet i särskilt boende": ("Exempelanalys AB", dt.date(2018, 3, 1)),
    }


def test_a_research_body_named_before_its_verb_does_the_study() -> None:
    from pipeline.facts.projects import performer_in

    assert performer_in("Norrviks högskola utvärderar stödet till barn i skyddat boende.") == (
        "Norrviks högskola"
    )
    assert performer_in("Exempelanalys Norden AB analyserar hur länge hushållen får bistånd.") == (
        "Exempelanalys Norden AB"
    )
    assert performer_in("Studien analyserar hur många som får bistånd.") is None
    assert performer_in("Förvaltningen utvärderar projektet under hösten.") is None


def test_studies_lettered_a_b_c_under_their_own_headings(tmp_path: Path) -> None:
    text = HEAD.format(year=1999, title="FoU-program 1999") + (
        """
Förvaltningen föreslår följande studier.

A.  Unga som avbryter gymnasiet i Farsta

Studien följer de unga som avbröt gymnasiet 1997 och 1998. Studien
beviljas 90 000 kr.

B.  Äldre med missbruk i hemtjänsten

Hemtjänstens personal har påtalat att fler äldre dricker för mycket.
Studien beviljas 160 000 kr.

C.  Familjerådslag i Vantör - en uppföljning

Studien följer upp de familjerådslag som hölls 1997. Studien beviljas
210 000 kr.
"""
    )
    names = sorted(p.name for p in facts_of(tmp_path, text).projects)
    assert names == [
        "Familjerådslag i Vantör - en uppföljning",
        "Unga som avbryter gymnasiet i Farsta",
        "Äldre med missbruk i hemtjänsten",
    ]


def test_the_researcher_after_a_research_body_is_no_part_of_the_performer() -> None:
    from pipeline.facts.performer_tails import bare_performer

    assert (
        bare_performer("Norrviks högskola, Karin Exempelsson Berg, fil.dr") == "Norrviks högskola"
    )
    assert bare_performer("FoU Söderort (Per Provberg)") == "FoU Söderort"
    assert bare_performer("Exempelanalys AB, Anna Prov") == "Exempelanalys AB"
    assert (
        bare_performer("Institutet för social praktik (ISP)")
        == "Institutet för social praktik (ISP)"
    )


def test_numbered_applications_named_by_their_project_field(tmp_path: Path) -> None:
    text = HEAD.format(year=2014, title="Utvecklingsmedel inom äldreomsorgen 2015") + (
        """
Bilaga 1. Ansökningar om utvecklingsmedel 2015

Ansökan 1
Stadsdelsnämnd:      Farsta
Projekt:             Sångstunder på vård- och omsorgsboende
Sökt belopp:         380 000 kr
Förslag:             380 000 kr
Kommentar:           Tillstyrks.

Ansökan 2
Stadsdelsnämnd:      Bromma
Projekt:             Surfplattor för alla i hemtjänsten
Sökt belopp:         640 000 kr
Förslag:             0 kr
Kommentar:           Avslås. Avser i huvudsak inköp av utrustning.
"""
    )
    got = {p.name: p.status for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Sångstunder på vård- och omsorgsboende": "beviljad",
        "Surfplattor för alla i hemtjänsten": "ansökt",
    }
