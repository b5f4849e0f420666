"""Thirty-fourth session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* a delegation decision's numbered applications ("Nr 2  <District> stadsdelsförvaltning,
  <unit>" over "Resmål:", "Syfte:", "Sökt:", "Beslut: Beviljas …"): each trip is named by its
  destination (without the trip's dates) and purpose, owned by the numbered line's district,
  with the sum its decision grants;
* a sheet printed from a spreadsheet with its column letters and row numbers, too wide for
  one page: the columns on the next page are read beside the rows of the same numbers;
* a report's table of contents ("3.1  <Study> ........ 4") names no project;
* a fact box set beside a study's paragraph ("Fakta" ⏎ "Utförare: …" ⏎ "Kostnad: …") gives
  the study's fields;
* a slide's table that ends at the page's foot does not take the next slide's title as its
  last row's wrapped name;
* a typewritten list under letter-spaced district headings ("V A N T Ö R S   S D N") whose
  project names break at a hyphen over "Sökt … Förslag …" lines;
* "Studiebesök 2 - Oslo: <purpose>" over the trip's paragraph;
* a study's title standing as a paragraph of two lines over "Studien …";
* a table's "Bidrag 1998" beside "Förslag 1999": last year's grants, the proposal the sum;
* "bedömts utifrån de kriterier som …: A, B och C" and "Enligt … anvisningar ska
  studiebesöket" over dashed items state criteria;
* "<District>s projekt ”Name”, som beviljades N kronor" in an answer's prose;
* a report's economic table "Budget 2004 | Utfall 2004 | Avvikelse" in kronor and öre, a
  deficit in brackets ("(18 640,00)"): every cell an amount;
* "Enhet/projekt" over units' labels and the projects' rows flush under them (their names
  wrapping): the projects are the rows;
* "… ansökan om 300 000 kr för projektet <Name> avser …": the name ends at its verb.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_nn import KS_HEAD

from pipeline.records import Facts


def _projects(f: Facts) -> dict[str, tuple[tuple[str, ...], int | None]]:
    return {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    }


def test_numbered_applications_of_labelled_trip_fields(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Medel för studiebesök, höstens omgång 2006")
        + """
Sammanställning av ansökningarna

Nr 1  Farsta stadsdelsförvaltning, enheten för unga vuxna
      Resmål:     Tammerfors, Finland, 3-5 oktober 2006
      Syfte:      Boendestöd för unga med psykisk ohälsa
      Deltagare:  3
      Sökt:       19 400 kr
      Beslut:     Beviljas 17 000 kr

Nr 2  Vantörs stadsdelsförvaltning, socialbyrån
      Resmål:     Bergen, Norge, november 2006
      Syfte:      Familjeråd i barnavården
      Deltagare:  2
      Sökt:       12 800 kr
      Beslut:     Avslås. Ansökan kom in för sent.
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert got["Tammerfors, Finland – Boendestöd för unga med psykisk ohälsa"] == (
        ("farsta",),
        17_000,
    )
    assert got["Bergen, Norge – Familjeråd i barnavården"] == (("vantor",), 12_800)
    status = {p.name.split(",")[0]: p.status for p in f.projects}
    assert status == {"Tammerfors": "beviljad", "Bergen": "ansökt"}


def test_a_spreadsheet_printout_whose_columns_go_on_over_the_next_page(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2015, title="Utvärderingar inom trygghetssatsningen 2015–2016")
        + """
Ärendet

Kontoret föreslår tre utvärderingar enligt bilaga 1.

Bilaga 1

       A                          B                         C
   1   Utvärderingar 2015-2016
   2
   3   Utvärdering                Utförare                  Ansvarig
   4   Grannsamverkan i           Malmö universitet         Farsta
       Hökarängen
   5   Trygga skolvägar           Karolinska institutet     Skärholmen
   6   Nattvandrare och           Stockholms universitet    Bromma
       fältassistenter
   7   Summa
\f
       D             E             F
   3   2015 (kr)     2016 (kr)     Totalt (kr)
   4      210000        190000          400000
   5      150000        150000          300000
   6      120000         80000          200000
   7      480000        420000          900000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Grannsamverkan i Hökarängen"] == (("farsta",), 400_000)
    assert got["Trygga skolvägar"] == (("skarholmen",), 300_000)
    assert got["Nattvandrare och fältassistenter"] == (("bromma",), 200_000)
    assert not any(name.startswith(("4 ", "Summa")) for name in got)


def test_a_reports_contents_and_its_studies_fact_boxes(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2011, title="Årsrapport FoU 2010")
        + """
Innehåll

1    Inledning ........................................... 2
2    Studier ............................................. 2
     2.1  Unga som lämnar vården ......................... 3
     2.2  Äldre och ensamhet ............................. 3

Studier

2.1  Unga som lämnar vården

Studien följer 80 unga som lämnat             Fakta
familjehem eller institution i Farsta         Utförare: Institutionen för
och Vantör och beskriver deras första         socialt arbete
år som vuxna. Intervjuerna görs under         Kostnad: 520 000 kr
hösten.                                       Status: Pågår

2.2  Äldre och ensamhet

Studien beskriver hur hemtjänsten             Fakta
upptäcker ensamhet hos äldre och vad          Utförare: Ersta Sköndal
som görs åt den. Den bygger på en             högskola
enkät till 300 medarbetare.                   Kostnad: 310 000 kr
                                              Status: Avslutad
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert got["Unga som lämnar vården"][1] == 520_000
    assert got["Äldre och ensamhet"][1] == 310_000
    assert len(got) == 2  # the contents' lines are no projects
    performers = {p.name: p.performer for p in f.projects}
    assert performers["Äldre och ensamhet"] == "Ersta Sköndal högskola"


def test_a_slides_table_ends_at_its_pages_foot(tmp_path: Path) -> None:
    text = """Bromma stadsdelsnämnd – ärende 9, bilaga                        2019-03-14

    Utvecklingsprojekt i Bromma 2018

    Information till stadsdelsnämnden 14 mars 2019

    BROMMA STADSDELSFÖRVALTNING                                  1



    Våra projekt 2018

    Projekt                              År     Medel    Beviljat

    Läxhjälp i Riksby                    2018   LUM       310 tkr
    Stöd till unga med                   2018   LUM       280 tkr
    neuropsykiatriska diagnoser

    BROMMA STADSDELSFÖRVALTNING                                  2
\f
Bromma stadsdelsnämnd – ärende 9, bilaga                        2019-03-14


    Familjecentralen i Ulvsunda

    •  Öppen förskola och föräldrastöd
    •  Startade i maj 2018

    BROMMA STADSDELSFÖRVALTNING                                  3




    Framåt

    •  Ansökan om nya medel lämnas i september

    BROMMA STADSDELSFÖRVALTNING                                  4
"""
    names = set(_projects(facts_of(tmp_path, text)))
    assert "Stöd till unga med neuropsykiatriska diagnoser" in names
    assert not any("Familjecentralen" in n and "diagnoser" in n for n in names)
    assert not any("STADSDELSFÖRVALTNING" in n for n in names)


def test_letter_spaced_district_headings_over_hyphen_broken_names(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=1999, title="Lokala FoU-medel 1999")
        + """
F ö r s l a g   t i l l   f ö r d e l n i n g
_____________________________________________

F A R S T A   S D N
Tidiga samtal med föräldrar till barn i för-
skolan
Sökt 150.000 kr                                 Förslag 120.000 kr

V A N T Ö R S   S D N   (tillsammans med Farsta sdn)
Uppföljning av placerade ungdomar i familje-
hem
Sökt 190.000 kr                                 Förslag 160.000 kr
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Tidiga samtal med föräldrar till barn i förskolan"] == (("farsta",), 120_000)
    assert got["Uppföljning av placerade ungdomar i familjehem"][1] == 160_000


def test_a_numbered_study_visit_over_its_paragraph(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2004, title="Ansökan om medel för studiebesök hösten 2004")
        + """
Förvaltningens ansökan

Studiebesök 1 - Tammerfors: mobila team för unga i kris
Fältgruppen vill studera hur staden organiserar sina mobila team.
Tre fältassistenter deltar i oktober. Beräknad kostnad är 16 500 kr,
som i sin helhet söks från socialtjänstnämnden.

Studiebesök 2 - Bergen: boendestöd för unga vuxna med
missbruk
Vuxenenheten vill besöka kommunens boendestödsteam i november.
Beräknad kostnad är 14 000 kr.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Tammerfors: mobila team för unga i kris"][1] == 16_500
    assert got["Bergen: boendestöd för unga vuxna med missbruk"][1] == 14_000


def test_a_two_line_title_paragraph_over_studien(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2007, title="FoU-studier 2007–2008")
        + """
Ärendet

Barn i familjer med långvarigt ekonomiskt bistånd - en studie i
Farsta och Vantör

Studien följer 120 familjer under två år. Den genomförs av
Institutionen för socialt arbete. Kostnaden är 640 000 kronor och
slutrapport lämnas i juni 2008.

Rapportens disposition

Rapporten redovisar först metoden och sedan resultaten.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    name = "Barn i familjer med långvarigt ekonomiskt bistånd - en studie i Farsta och Vantör"
    assert got[name][1] == 640_000
    assert "Rapportens disposition" not in got


def test_last_years_grant_column_beside_the_proposal(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2001, title="Bidrag till kvinnojourer 2001")
        + """
Bilaga 1

Organisation              Verksamhet                  Bidrag     Ansökt    Förslag
                                                        2000       2001       2001
Kvinnojouren Exempel      Jourtelefon och skyddat    500.000    620.000    540.000
                          boende
Tjejjouren Exempel        Chatt för flickor          110.000    160.000    130.000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Jourtelefon och skyddat boende"][1] == 540_000
    assert got["Chatt för flickor"][1] == 130_000


def test_criteria_after_a_colon_and_a_nämnds_anvisningar(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Lokala utvecklingsmedel 2013")
        + """
Ärendet

Socialnämnden har avsatt 3 miljoner kronor för lokala utvecklingsmedel
2013. Ansökningarna har bedömts utifrån de kriterier som nämnden
beslutade om i mars 2012: nytta för hela staden, samverkan mellan
förvaltningar och tydlig uppföljning. Tolv ansökningar kom in.

Studiebesök

Enligt socialnämndens anvisningar ska studiebesöket
- ha koppling till ett pågående utvecklingsarbete,
- omfatta flera yrkesgrupper,
- redovisas skriftligt efter resan.
"""
    )
    texts = [c.text for c in facts_of(tmp_path, text).criteria]
    assert "tydlig uppföljning" in texts
    assert "nytta för hela staden" in texts
    assert "omfatta flera yrkesgrupper" in texts


def test_a_districts_quoted_project_in_an_answer(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Frågor och svar om lokala utvecklingsmedel 2020")
        + """
Frågor och svar

Fråga: Finns det exempel på tidigare projekt?
Svar: Ja. Ett exempel är Bromma stadsdelsförvaltnings projekt ”Trygga
skolvägar”, som beviljades 320 000 kronor för 2019. Slutrapporten
finns på intranätet.
"""
    )
    assert _projects(facts_of(tmp_path, text))["Trygga skolvägar"] == (("bromma",), 320_000)


def test_a_budget_and_outcome_table_in_kronor_and_öre(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2005, title="Årsrapport FoU 2004")
        + """
Ekonomisk redovisning

                                  Budget 2004     Utfall 2004     Avvikelse
Stadsövergripande studier          900 000,00      912 300,00    (12 300,00)
Lokala utvecklingsmedel          1 400 000,00    1 250 000,00    150 000,00
Summa                            2 300 000,00    2 162 300,00    137 700,00

Förvaltningen föreslår att överskottet förs över till 2005.
"""
    )
    got = {a.sek for a in facts_of(tmp_path, text).amounts}
    assert {900_000, 912_300, -12_300, 1_250_000, 2_162_300} <= got  # the deficit below 0


def test_units_labels_over_their_projects_rows(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016, title="Tertialrapport 2 2016")
        + """
Utvecklingsprojekt

Tabell 4. Projekt med särskild finansiering, tkr

Enhet/projekt               Finansiär                Budget     Utfall
                                                       2016    jan–aug

Barn och ungdom
Tidiga samtal med           Socialnämnden, lokala       420        250
föräldrar                   utvecklingsmedel

Vuxenenheten
Stöd till anhöriga          Länsstyrelsen,              310        190
i hemmet                    statsbidrag

Summa                                                   730        440
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Tidiga samtal med föräldrar"][1] == 420_000
    assert got["Stöd till anhöriga i hemmet"][1] == 310_000


def test_a_refused_projects_name_ends_at_its_verb(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=1999, title="Lokala utvecklingsmedel 1999")
        + """
Ansökningar som föreslås avslås

Vantörs stadsdelsnämnds ansökan om 240 000 kr för projektet
Digital journalföring i öppenvården avser i första hand inköp av
programvara. Sådana kostnader ryms inte inom riktlinjerna.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Digital journalföring i öppenvården"][1] == 240_000
