"""Twenty-second session: layouts of the blind round g551–g558 and of g531, each on a short
text written for the test (none of the round's names or sums):

* grants grouped under district headings in capitals, each a name with its sum in a column
  at the right and a paragraph that describes the project under it;
* a table a text export flattened one cell per line, with a wrapped money header, wrapped
  cells and a co-applicant in brackets, on two pages that both start with such a table;
* a three-line header naming a "Projektår" column and a "Förslag till beslut 2016 (kr)"
  column (a year and unit are no words of a column's name);
* a study's wrapped row whose date goes on with its year beside a lower-case cell.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

HEAD = """Socialförvaltningen                              Tjänsteutlåtande
Utvecklingsenheten                               Dnr 3.2-101/2016
                                                 Sida 1 (3)
                                                 2016-02-10
Handläggare: Eva Exempel                         Till
Telefon: 08-508 00 000                           Socialnämnden

Lokala utvecklingsmedel 2016

Förvaltningens förslag till beslut
1. Socialnämnden beviljar lokala utvecklingsmedel enligt förvaltningens förslag.
"""


def _names(text: str, tmp_path: Path) -> list[tuple[str, tuple[str, ...], int | None]]:
    f = facts_of(tmp_path, text)
    return sorted(
        (p.name, tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    )


def test_grants_under_district_headings_with_a_description_each(tmp_path: Path) -> None:
    text = (
        HEAD
        + """
Förvaltningen föreslår att följande projekt beviljas medel. Projekten redovisas per
stadsdelsförvaltning.


FARSTA STADSDELSFÖRVALTNING

Läsfrämjande hembesök hos småbarnsfamiljer               210 000 kr
Bibliotekarier och socialsekreterare gör gemensamma hembesök hos
familjer med små barn. Projektet följer upp hur många som kommer tillbaka.

Trygghetsvärdar i centrum                                 180 000 kr
Unga vuxna anställs som värdar kvällstid. Effekterna mäts i en enkät.


BROMMA STADSDELSFÖRVALTNING
(medsökande Kungsholmens stadsdelsförvaltning)

Gemensam familjebehandling för tonårsfamiljer med
långvarig konflikt                                        340 000 kr
Två förvaltningar bygger upp ett gemensamt behandlingsteam som följs
av en forskare.


Ansökningar som inte föreslås beviljas

Tre ansökningar föreslås avslås.
"""
    )
    assert _names(text, tmp_path) == [
        (
            "Gemensam familjebehandling för tonårsfamiljer med långvarig konflikt",
            ("bromma", "kungsholmen"),
            340000,
        ),
        ("Läsfrämjande hembesök hos småbarnsfamiljer", ("farsta",), 210000),
        ("Trygghetsvärdar i centrum", ("farsta",), 180000),
    ]


def test_a_table_flattened_one_cell_per_line_with_wrapped_cells(tmp_path: Path) -> None:
    """Two such tables, one on each page: their header cells and Summa rows repeat at the
    top and foot of the pages and are still the tables' own lines, not running lines."""
    text = (
        HEAD
        + """
Bilagor
1. Beviljade projekt och studieresor
\fBilaga 1
Tabell 1. Lokala utvecklingsmedel 2016
Förvaltning
Projekt
Beviljat
belopp (kr)
Farsta
Läsfrämjande hembesök hos
småbarnsfamiljer
210 000
Bromma
(medsökande Kungsholmen)
Gemensam familjebehandling för
tonårsfamiljer
340 000
Skärholmen
Trygghetsvärdar i centrum
180 000
Summa
730 000
\fBilaga 1
Tabell 2. Studieresor 2016
Förvaltning
Resmål
Beviljat
belopp (kr)
Skarpnäck
Tammerfors stad, familjecentralen
Tesoma, Finland
21 000
Älvsjö
Bergens kommune, Norge
18 500
Summa
39 500
"""
    )
    got = _names(text, tmp_path)
    assert ("Läsfrämjande hembesök hos småbarnsfamiljer", ("farsta",), 210000) in got
    assert (
        "Gemensam familjebehandling för tonårsfamiljer",
        ("bromma", "kungsholmen"),
        340000,
    ) in got
    assert ("Trygghetsvärdar i centrum", ("skarholmen",), 180000) in got
    assert ("Tammerfors stad, familjecentralen Tesoma, Finland", ("skarpnack",), 21000) in got
    assert ("Bergens kommune, Norge", ("alvsjo",), 18500) in got
    assert len(got) == 5


def test_a_three_line_header_with_project_year_and_proposal_columns(tmp_path: Path) -> None:
    text = (
        HEAD
        + """
Tabell 1. Ansökningar 2016

Nr  Sökande           Projekt                      Projekt-  Sökt        Förslag till
    förvaltning                                    år        belopp      beslut
                                                             2016 (kr)   2016 (kr)

1   Farsta            Läsfrämjande hembesök hos    1 av 2    250 000     210 000
                      småbarnsfamiljer
2   Bromma            Trygghetsvärdar i centrum    2 av 3    300 000     180 000
3   Skärholmen        Språkstöd i                  1 av 1    150 000     Avslag
                      försörjningsstödet

    Summa                                                    700 000     390 000
"""
    )
    got = _names(text, tmp_path)
    assert [(n, d) for n, d, _ in got] == [
        ("Läsfrämjande hembesök hos småbarnsfamiljer", ("farsta",)),
        ("Språkstöd i försörjningsstödet", ("skarholmen",)),
        ("Trygghetsvärdar i centrum", ("bromma",)),
    ]
    sums = {n: s for n, _, s in got}
    assert sums["Läsfrämjande hembesök hos småbarnsfamiljer"] == 210000
    assert sums["Trygghetsvärdar i centrum"] == 180000


def test_a_wrapped_row_whose_date_goes_on_beside_a_lower_case_cell(tmp_path: Path) -> None:
    text = (
        HEAD
        + """
Sammanställning av studier 2016

Studie               Utförare             Status     Klar         Kostnad
                                                                  (kr)
Familjehem i         Ersta Sköndal        Pågår      31 mars      800 000
Skärholmen           högskola                        2017
Hemtjänst och        Nordisk              Avslutad   30 juni      450 000
ensamhet             Analys AB                       2016
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer, p.amount_sek) for p in f.projects)
    assert got == [
        ("Familjehem i Skärholmen", "Ersta Sköndal högskola", 800000),
        ("Hemtjänst och ensamhet", "Nordisk Analys AB", 450000),
    ]


def test_a_row_split_by_a_page_break_goes_on_under_the_repeated_header(tmp_path: Path) -> None:
    text = (
        HEAD
        + """
Bilaga 1. Beviljade projekt 2016

Förvaltning            Projekt                              Projekt-   Belopp
                                                            år         (kr)
Farsta                 Läsfrämjande hembesök hos            1 av 2    210 000
                       småbarnsfamiljer
Bromma                 Trygghetsvärdar i centrum och        2 av 3    180 000
\fBilaga 1, forts.                                 Dnr 3.2-101/2016
                                                 Sida 2 (2)

Förvaltning            Projekt                              Projekt-   Belopp
                                                            år         (kr)
                       på Brommaplan
Skärholmen             Språkstöd i försörjningsstödet       1 av 1    150 000
"""
    )
    assert _names(text, tmp_path) == [
        ("Läsfrämjande hembesök hos småbarnsfamiljer", ("farsta",), 210000),
        ("Språkstöd i försörjningsstödet", ("skarholmen",), 150000),
        ("Trygghetsvärdar i centrum och på Brommaplan", ("bromma",), 180000),
    ]


def test_cards_of_trip_fields_side_by_side_are_read_card_by_card(tmp_path: Path) -> None:
    """Two columns of cards, each a förvaltning's name on top of its labelled fields, the
    text layer giving both columns' lines side by side; a value wraps onto a line of its own
    between two fields, an owner over two lines."""
    text = (
        HEAD
        + """
Bilaga 1. Beviljade studiebesök 2016

Farsta stadsdelsförvaltning                   Socialförvaltningen,
Resmål: Tammerfors stad,                      socialjouren
familjecentralen Tesoma,                      Resmål: City of Aberdeen
Finland                                       Council, Skottland
Syfte: Familjecentral med                     Syfte: Akut socialt arbete
öppen förskola och socialtjänst.              nattetid.
Deltagare: 3                                  Deltagare: 2
Beviljat belopp: 21 000 kr                    Beviljat belopp: 24 500 kr


Bromma stadsdelsförvaltning                   Skärholmens
Resmål: Bergens kommune,                      stadsdelsförvaltning
Norge                                         Resmål: Malmö stad, Rosengård
Syfte: Uppsökande arbete bland                Syfte: Föräldrastöd på
unga i stadskärnan.                           arabiska och somaliska.
Deltagare: 4                                  Deltagare: 3
Beviljat belopp: 18 500 kr                    Beviljat belopp: 12 000 kr
"""
    )
    got = _names(text, tmp_path)

    def card(destination: str) -> tuple[tuple[str, ...], int | None]:
        # (a bare destination is named with its purpose, as a trip table's columns are)
        (found,) = [(d, s) for n, d, s in got if n.startswith(destination)]
        return found

    assert card("Tammerfors stad, familjecentralen Tesoma, Finland") == (("farsta",), 21000)
    assert card("Bergens kommune, Norge") == (("bromma",), 18500)
    assert card("City of Aberdeen Council, Skottland") == (
        ("socialforvaltningen", "socialjouren"),
        24500,
    )
    assert card("Malmö stad, Rosengård") == (("skarholmen",), 12000)
    assert len(got) == 4


def test_grants_in_prose_applied_then_proposed_and_turned_down(tmp_path: Path) -> None:
    """One paragraph per application: the sum applied for, then what the office proposes
    (the project's sum, granted; the sum applied for stays an amount applied for), or that
    the application is turned down (applied for, its sum applied for)."""
    text = (
        HEAD
        + """
Ärendet

Till årets utlysning inkom nio ansökningar från sju förvaltningar med sammanlagt
2 150 000 kronor.

Kungsholmens stadsdelsförvaltning söker 310 000 kronor för projektet
"Samtalsgrupper för unga pappor". Gruppträffarna leds av två socialsekreterare. Förvaltningen
föreslår att projektet beviljas 260 000 kronor.

Östermalms stadsdelsförvaltnings ansökan om 190 000 kronor för "Digital
rådgivning om skulder" föreslås avslås. Ansökan avser ordinarie verksamhet.
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.status) for p in f.projects)
    assert got == [
        ("Digital rådgivning om skulder", 190000, "ansökt"),
        ("Samtalsgrupper för unga pappor", 260000, "beviljad"),
    ]
    kinds = sorted((a.sek, a.kind) for a in f.amounts)
    assert (310000, "other") in kinds and (260000, "project_cost") in kinds
    assert (190000, "other") in kinds and (190000, "project_cost") not in kinds
    assert (2150000, "other") in kinds
