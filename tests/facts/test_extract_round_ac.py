"""Blind rounds g159–g174 and n91–n98, on short texts written for the test: a study table with
two columns the vocabulary does not know and a counted footnote that names the districts; a
header whose first word breaks at a hyphen; a table flattened column by column whose cells
wrap."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_w import KS_HEAD, SN_HEAD

STUDY_TABLE = """Stadsövergripande FoU-studier 2023

Förslag till beslut
1. Socialnämnden beställer studierna enligt tabellen.

Nr  Studie                            Fokus-   Genomförande        Klar        Beräknad
                                      område                                   kostnad, kr
1   Mobila team i tre                 1        Upphandlas          maj 2024    700 000
    stadsdelar¹
2   Unga i försörjningsstöd           2        Provhögskolan       juni 2024   500 000

¹ Farsta, Skärholmens och Bromma stadsdelsförvaltningar.
"""


def test_a_study_table_with_unknown_columns_and_districts_in_a_counted_footnote(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD + STUDY_TABLE)
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Mobila team i tre stadsdelar", "Unga i försörjningsstöd"}
    teams = got["Mobila team i tre stadsdelar"]
    assert {d.district_id for d in teams.districts} == {"farsta", "skarholmen", "bromma"}
    young = got["Unga i försörjningsstöd"]
    assert (young.amount_sek, young.performer, str(young.end_date)) == (
        500_000,
        "Provhögskolan",
        "2024-06-01",
    )


HYPHEN_HEADER = """Fördelning av FoU-medel 1999

Förslag till beslut
1. Socialtjänstnämnden fördelar medlen enligt tabellen.

 Nr   Stadsdels-     Projekt                                  Beviljas
      nämnd                                                   1999, kr
 ---------------------------------------------------------------------
 1    Vantör         Samtalsgrupper för unga                  120 000
 ---------------------------------------------------------------------
 2    Katarina-      Boendestöd för äldre                     90 000
      Sofia
 ---------------------------------------------------------------------
"""


def test_a_header_word_broken_at_its_hyphen_names_the_district_column(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + HYPHEN_HEADER)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got == {
        "Samtalsgrupper för unga": ["vantor"],
        "Boendestöd för äldre": ["katarina-sofia"],
    }


COLUMNS_WRAPPED = """Beställning av FoU-studier 2008

Förslag till beslut
1. Kommunstyrelsen beställer studierna i tabell 1.

Tabell 1. Föreslagna studier 2008
Studie
Hemlöshet bland unga vuxna
Effekter av öppenvård för unga
lagöverträdare
Genomförs av
Provuniversitetet, Institutionen för
socialt arbete
Exempelhögskolan
Klart
juni 2009
december 2008
Kostnad (kr)
620 000
480 000
"""


def test_a_table_flattened_column_by_column_with_wrapped_cells(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + COLUMNS_WRAPPED)
    got = {p.name: (p.amount_sek, p.performer, str(p.end_date)) for p in f.projects}
    assert got == {
        "Hemlöshet bland unga vuxna": (
            620_000,
            "Provuniversitetet, Institutionen för socialt arbete",
            "2009-06-01",
        ),
        "Effekter av öppenvård för unga lagöverträdare": (
            480_000,
            "Exempelhögskolan",
            "2008-12-01",
        ),
    }


APPLICATION_TABLE = """Ansökan om FoU-medel 2006

Förslag till beslut
1. Stadsdelsnämnden ansöker om FoU-medel enligt förvaltningens förslag.

Projekt                              Total       Egen        Sökt
                                     kostnad     insats      belopp
-------------------------------------------------------------------
1. Läxhjälp i Bagarmossen            300 000      80 000     220 000
2. Föräldragrupper i Skarpnäck       150 000      30 000     120 000
-------------------------------------------------------------------
Summa                                450 000     110 000     340 000
"""


def test_an_applications_table_of_cost_own_money_and_sum_sought(tmp_path: Path) -> None:
    head = SN_HEAD.replace("Socialnämnden", "Skarpnäcks stadsdelsnämnd")
    f = facts_of(tmp_path, head + APPLICATION_TABLE)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Läxhjälp i Bagarmossen": (220_000, "ansökt"),
        "Föräldragrupper i Skarpnäck": (120_000, "ansökt"),
    }
    kinds = sorted((a.sek, a.kind) for a in f.amounts if a.sek in (300_000, 80_000, 220_000))
    assert kinds == [(80_000, "other"), (220_000, "other"), (300_000, "project_cost")]


ONE_MONEY_COLUMN = """Bidrag till föreningar 2011

Förening                                    Förslag 2011
Provjouren i Haninge                          210 000
Exempelföreningen Vägen                        95 000
Summa                                         305 000
"""


def test_a_two_column_table_whose_money_column_names_its_year(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + ONE_MONEY_COLUMN)
    assert {(a.sek, a.year) for a in f.amounts} >= {
        (210_000, 2011),
        (95_000, 2011),
        (305_000, 2011),
    }


YEARS_UNDER_HEADER = """Organisationsbidrag 2014

Organisation                       Beviljat     Sökt         Förslag
                                   2013         2014         2014
Provföreningen Stöd                 300 000      360 000      320 000
Exempeljouren                       200 000      240 000      200 000
Summa                               500 000      600 000      520 000
"""


def test_a_money_tables_columns_take_the_years_printed_under_their_header(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD + YEARS_UNDER_HEADER)
    got = {(a.sek, a.year, a.kind) for a in f.amounts}
    assert {
        (300_000, 2013, "project_cost"),
        (360_000, 2014, "other"),
        (320_000, 2014, "project_cost"),
    } <= got


DECISION_LETTERS = """Beslut om medel för utvecklande lärande (MUL) 2025

Förslag till beslut
1. Socialnämnden lägger anmälan av delegationsbesluten till handlingarna.

Beslut om medel för utvecklande lärande (MUL)

Ansökan:          Konferens om uppsökande arbete i Oslo
Sökt belopp:      30 000 kronor
Beslut:           Beviljas
Beviljat belopp:  30 000 kronor

Beslut om medel för utvecklande lärande (MUL)

Ansökan:          Kurs i samtalsmetodik
Sökt belopp:      40 000 kronor
Beslut:           Avslås
"""


def test_decision_letters_of_labelled_fields_each_a_project(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + DECISION_LETTERS)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Konferens om uppsökande arbete i Oslo": (30_000, "beviljad"),
        "Kurs i samtalsmetodik": (40_000, "ansökt"),
    }


RANKED = """Fördelning av MUST 2018

Förslag till beslut
1. Socialnämnden beviljar medel enligt rangordningen.

Rang  Nr      Sökande            Resmål och syfte               Poäng    Sökt,    Förslag,
                                                                          kr       kr
 1    M18-02  Bromma             Oslo: mobila team                14    40 000    40 000
 2    M18-05  Farsta             Malmö: barnahus                  12    50 000    45 000
- - - - - - - - - - - gräns för tillgängliga medel - - - - - - - - - - - - -
 3    M18-01  Kista              Bergen: fältarbete                9    30 000         –
"""


def test_a_ranked_table_with_points_and_a_cut_off_line(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + RANKED)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Oslo: mobila team": (40_000, "beviljad"),
        "Malmö: barnahus": (45_000, "beviljad"),
        "Bergen: fältarbete": (30_000, "ansökt"),
    }


FOLLOW_UP_STATE = """Uppföljning av statsbidrag 2024

Statsbidrag                      Bidragsgivare    Beviljat   Förbrukat   Avvikelse
Feriejobb för ungdomar           Provverket        900 000     900 000           –
Förebyggande arbete              Socialstyrelsen 1 150 000     872 500    −277 500
Summa                                            2 050 000   1 772 500    −277 500
"""


def test_equal_cells_of_one_row_and_a_sum_run_into_its_label_are_all_read(tmp_path: Path) -> None:
    head = SN_HEAD.replace("Socialnämnden", "Farsta stadsdelsnämnd")
    f = facts_of(tmp_path, head + FOLLOW_UP_STATE)
    sums = sorted(a.sek for a in f.amounts)
    assert sums.count(900_000) == 2
    assert 1_150_000 in sums and -277_500 in sums


CRITERIA_FORMS = """Lokala utvecklingsmedel 2023

Förslag till beslut
1. Socialnämnden beviljar LUM enligt förslaget.

Ansökningarna har rangordnats utifrån följande kriterier, som
nämnden beslutade om i utlysningen:
1. Projektet riktar sig till unga i utsatta miljöer.
2. Projektet använder en metod med stöd i forskning.

2. Fokusområden 2023–2024
2.1 Ekonomiskt bistånd och arbete
2.2 Barn i riskmiljöer

3. Föreslagna projekt
3.1 Läxhjälp i Husby
"""


def test_an_intro_that_goes_on_after_som_and_sub_numbered_focus_areas(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + CRITERIA_FORMS)
    got = [(c.kind, c.text) for c in f.criteria]
    assert got == [
        ("criterion", "Projektet riktar sig till unga i utsatta miljöer."),
        ("criterion", "Projektet använder en metod med stöd i forskning."),
        ("focus_area", "Ekonomiskt bistånd och arbete"),
        ("focus_area", "Barn i riskmiljöer"),
    ]
