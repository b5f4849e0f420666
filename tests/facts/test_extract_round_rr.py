"""Thirty-third session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* a unit's heading ("Stadsbiblioteket") before the headed projects of a table whose rows it
  carries: each row goes to the heading that names it best, not to the first near it;
* "Studie 2. <name>" whose name wraps onto a short line right above "Studien …": the name
  goes on;
* slides (or sheets) that print a project's title alone, then its owner and "Beviljat: …";
* a final report's numbered parts ("4. Genomförande", "6. Ekonomisk redovisning") and an
  application's "1. Sökande" over its fields are no projects;
* a nämnd's own call of utvecklingsmedel or verksamhetsbidrag states criteria ("Enligt
  kriterierna ska insatsen", "prioriteras föreningar som", "Ansökningar prioriteras om de");
* what a member moves ("X (M) yrkar att … beviljas 90 000 kronor") is not granted;
* "Socialnämnden" in a table's "Ansvarig nämnd" column owns the row as Socialförvaltningen,
  while another facknämnd ("Kulturnämnden") gives no district.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_mm import DISTRICT_HEAD
from test_extract_round_nn import KS_HEAD

from pipeline.records import Facts


def _projects(f: Facts) -> dict[str, tuple[tuple[str, ...], int | None]]:
    return {
        p.name: (tuple(sorted(d.name_as_printed for d in p.districts)), p.amount_sek)
        for p in f.projects
    }


def test_a_units_heading_does_not_take_the_row_of_the_project_that_names_it_best(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2016, title="Verksamhetsberättelse 2015 för biblioteken")
        + """
Verksamheten

Stadsarkivet
Stadsarkivet tog emot 9 000 besökare under året.

Projekt med extern finansiering

Förvaltningen har drivit följande projekt med extern finansiering.

Projekt                 Ansvarig enhet     Finansiär           Bidrag 2015, kr

Läsglädje i förskolan   Stadsarkivet       Statens kulturråd          310 000
Jobbsök på              Stadsarkivet       Europeiska                 940 000
stadsarkivet                               socialfonden

Läsglädje i förskolan
Projektet genomförs tillsammans med Farsta stadsdelsförvaltning.

Jobbsök på stadsarkivet
Projektet har drivits med Bromma stadsdelsförvaltning och avslutades
i december 2015.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Jobbsök på stadsarkivet"][1] == 940_000
    assert got.get("Stadsarkivet", ((), None))[1] is None  # the unit's heading takes no row


def test_a_study_label_whose_name_wraps_above_its_first_sentence(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2005, title="Stadsövergripande studier 2006")
        + """
Studierna

Stadsledningskontoret föreslår att följande studier genomförs.

Studie 1. Barn som bor i jourhem längre än sex
månader
Studien kartlägger hur länge barn bor i jourhem och varför.
Beräknad kostnad 700 tkr.

Studie 2. Äldre med hemtjänst och ensamhet i
ytterstaden
Studien beskriver hur ensamhet bland äldre med hemtjänst kan mätas.
Beräknad kostnad 450 tkr.
"""
    )
    names = set(_projects(facts_of(tmp_path, text)))
    assert "Barn som bor i jourhem längre än sex månader" in names
    assert "Äldre med hemtjänst och ensamhet i ytterstaden" in names


def test_slides_with_a_title_over_its_owner_and_sum(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2011, title="Redovisning av lokala utvecklingsprojekt 2010")
        + """
Bilaga 1. Bilder från redovisningsdagen


    Samtal med pappor i förskolan

    Kungsholmen
    Beviljat: 260 tkr

    • Tio pappagrupper under året


    Läxstöd på fritidsgården

    Farsta (medsökande Skarpnäck)
    Beviljat: 310 tkr

    • 45 elever deltog
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Samtal med pappor i förskolan"] == (("Kungsholmen",), 260_000)
    assert got["Läxstöd på fritidsgården"] == (("Farsta", "Skarpnäck"), 310_000)


def test_a_reports_numbered_parts_are_no_projects(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2013, title="Slutrapport – Tidigt stöd i skolan")
        + """
1. Bakgrund

Projektet Tidigt stöd i skolan beviljades 380 000 kronor i lokala
utvecklingsmedel för 2012.

4. Genomförande

Två skolkuratorer arbetade i projektet. Ett studiebesök i Malmö
kostade 14 000 kronor.

6. Ekonomisk redovisning

Projektets budget var 520 000 kronor, varav 380 000 kronor lokala
utvecklingsmedel.
"""
    )
    names = set(_projects(facts_of(tmp_path, text)))
    assert "Genomförande" not in names
    assert "Ekonomisk redovisning" not in names


def test_an_applications_numbered_part_over_its_fields_is_no_project(tmp_path: Path) -> None:
    text = """SOCIALTJÄNSTFÖRVALTNINGEN                                ANSÖKAN
                                                         2005-03-01

Ansökan om utvecklingsmedel för vården av unga vuxna 2005–2006


1. Sökande

Organisation          Stockholms stad, Socialtjänstnämnden
Projektägare          Socialtjänstförvaltningen
Kontaktperson         Eva Exempel

2. Bakgrund

Socialtjänstnämnden söker 900 000 kronor för att pröva en samordnad
vårdkedja i söderort.
"""
    names = set(_projects(facts_of(tmp_path, text)))
    assert "Sökande" not in names


def test_a_nämnds_own_calls_state_criteria(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2019, title="Verksamhetsbidrag till föreningar 2020")
        + """
Bedömning

Verksamhetsbidrag lämnas till föreningens löpande verksamhet med högst
100 000 kronor per förening.

Vid bedömningen av ansökningarna för 2020 prioriteras föreningar som

-  ordnar läxhjälp för barn i stadsdelsområdet,
-  bjuder in äldre till gemensamma måltider,
-  arbetar med unga som inte deltar i annan fritidsverksamhet.
"""
    )
    texts = [c.text for c in facts_of(tmp_path, text).criteria]
    assert texts == [
        "ordnar läxhjälp för barn i stadsdelsområdet",
        "bjuder in äldre till gemensamma måltider",
        "arbetar med unga som inte deltar i annan fritidsverksamhet",
    ]


def test_another_municipalitys_utvecklingsmedel_criteria(tmp_path: Path) -> None:
    text = """SUNDSBERGS KOMMUN                                   PROTOKOLLSUTDRAG
Omsorgsnämndens arbetsutskott                       Sida 1 (2)

Sammanträdesdatum: 2018-03-06


§ 21     Fördelning av utvecklingsmedel 2018

Beslut

Omsorgsnämndens arbetsutskott beslutar

1. att bevilja Föreningen Kvällsljus 150 000 kronor för projektet
   Nattcafé i centrum,

2. att avslå övriga ansökningar.


Ärendebeskrivning

Ansökningarna har bedömts utifrån nämndens kriterier för utvecklings-
medel. Enligt kriterierna ska insatsen

-  nå barn eller unga som riskerar att fara illa,
-  genomföras tillsammans med en förening,
-  följas upp med mätbara mål.

Ansökningar prioriteras om de

-  når flickor,
-  pågår under sommarlovet.
"""
    f = facts_of(tmp_path, text)
    texts = [c.text for c in f.criteria]
    assert "nå barn eller unga som riskerar att fara illa" in texts
    assert "genomföras tillsammans med en förening" in texts
    assert "når flickor" in texts


def test_what_a_member_moves_is_not_granted(tmp_path: Path) -> None:
    text = """SUNDSBERGS KOMMUN                                   PROTOKOLLSUTDRAG
Omsorgsnämndens arbetsutskott                       Sida 1 (2)

Sammanträdesdatum: 2018-03-06


§ 22     Fördelning av utvecklingsmedel 2018, andra omgången

Beslut

Omsorgsnämndens arbetsutskott beslutar

1. att bevilja Föreningen Kvällsljus 150 000 kronor för projektet
   Nattcafé i centrum,

2. att avslå ansökan från Studiecirkeln Väst om medel för projektet
   Surfplatta för nybörjare.


Yrkanden

Karin Exempel (M) yrkar att beslutspunkt 2 ändras så att Studiecirkeln
Väst beviljas 60 000 kronor för projektet Surfplatta för nybörjare.
"""
    f = facts_of(tmp_path, text)
    assert not [p for p in f.projects if p.status == "beviljad" and p.amount_sek == 60_000]
    assert not [a for a in f.amounts if a.sek == 60_000 and a.kind == "project_cost"]


def test_socialnamnden_as_the_responsible_namnd_of_a_row(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2016, title="Medel för social hållbarhet 2016")
        + """
Fördelning

Tabell 1. Pilotprojekt 2016

Projekt                          Ansvarig nämnd            Sökt, kr   Beviljas, kr

Familjestöd i                    Farsta                     820 000        800 000
Hökarängen
Stödboende för unga efter        Socialnämnden              640 000        640 000
placering
Läsfrämjande i                   Kulturnämnden              300 000        250 000
Husby
Summa                                                     1 760 000      1 690 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Stödboende för unga efter placering"][0] == ("Socialförvaltningen",)
    assert got["Läsfrämjande i Husby"][0] == ()
    assert got["Familjestöd i Hökarängen"][0] == ("Farsta",)
