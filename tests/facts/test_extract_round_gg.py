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
