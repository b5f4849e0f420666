"""Blind rounds g143–g158 and n83–n90, continued, each on a short text written for the test:
criteria whose introduction wraps, is negated, or names the grounds as "om …"-questions or
"kan projekt som … prioriteras"; grants as applicant and activity line pairs; a follow-up table
of projects with a Finansiär column; a study table with one line per year and a Summa of its
own; a money table whose header wraps ("Statligt" over "bidrag"); a table row broken by a
hyphen that keeps its columns."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_w import KS_HEAD, SN_HEAD

CRITERIA = """Lokala utvecklingsmedel 2025

Förslag till beslut
1. Socialnämnden beviljar LUM enligt förslaget.

Prioriteringar

Medlen kan sökas för ett år i taget. I årets utlysning prioriteras
ansökningar som

•  stärker samverkan mellan förvaltningar
•  bygger på kunskap om vad som fungerar i arbetet med
   FoU-enheten

Därutöver kan projekt som rör våld i nära relationer prioriteras i
urvalsprocessen.

Tre ansökningar bedömdes inte uppfylla kriterierna, främst för att
de avsåg ordinarie verksamhet.
"""


def test_a_wrapped_intro_a_hanging_bullet_a_can_be_prioritised_sentence_and_a_negation(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD + CRITERIA)
    got = [(c.kind, c.position, c.text) for c in f.criteria]
    assert got == [
        ("criterion", 1, "stärker samverkan mellan förvaltningar"),
        ("criterion", 2, "bygger på kunskap om vad som fungerar i arbetet med FoU-enheten"),
        ("priority", 1, "projekt som rör våld i nära relationer"),
    ]


QUESTIONS = """Fördelning av lokala utvecklingsmedel 2004

Förslag till beslut
1. Socialtjänstnämnden beviljar medel enligt förslaget.

Ärendet

Det kom in tolv ansökningar. Ansökningarna har bedömts utifrån om
projektet har stöd av ledningen, om det har en plan för uppföljning och
om resultaten kan användas i andra stadsdelar.

Studierna ska inriktas på följande områden:

a) unga vuxna i försörjningsstöd
b) barn i familjer med missbruk
"""


def test_grounds_as_questions_and_lettered_focus_areas(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + QUESTIONS)
    got = [(c.kind, c.text) for c in f.criteria]
    assert got == [
        ("criterion", "projektet har stöd av ledningen"),
        ("criterion", "det har en plan för uppföljning"),
        ("criterion", "resultaten kan användas i andra stadsdelar"),
        ("focus_area", "unga vuxna i försörjningsstöd"),
        ("focus_area", "barn i familjer med missbruk"),
    ]


PAIRS = """Sommarlovsaktiviteter 2011

Förslag till beslut
1. Stadsdelsnämnden beviljar bidrag enligt förvaltningens förslag.

Förvaltningen föreslår att tre ansökningar beviljas:

Föreningen Provbasket
      Basketskola för flickor, vecka 27                 70 000 kr
Kulturföreningen Exempel
      Teaterverkstad i parken                            45 000 kr
Skarpnäcks stadsdelsförvaltning
      Kvällsöppen fritidsgård                           60 000 kr
Summa                                                  175 000 kr
"""


def test_applicant_and_activity_line_pairs(tmp_path: Path) -> None:
    head = SN_HEAD.replace("Socialnämnden", "Skarpnäcks stadsdelsnämnd")
    f = facts_of(tmp_path, head + PAIRS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Basketskola för flickor, vecka 27",
        "Teaterverkstad i parken",
        "Kvällsöppen fritidsgård",
    }
    assert (
        got["Teaterverkstad i parken"].amount_sek,
        got["Teaterverkstad i parken"].performer,
    ) == (
        45_000,
        "Kulturföreningen Exempel",
    )
    assert [d.district_id for d in got["Kvällsöppen fritidsgård"].districts] == ["skarpnack"]


FOLLOW_UP = """Externt finansierade projekt 2014

Tabell 3 Externa medel 2014 (tkr)
Projekt                          Finansiär                     Budget    Utfall
Jobbstart för unga               Europeiska socialfonden        3 000     2 600
Föräldrastöd i grupp             Statens folkhälsoinstitut        800       750
                                 (statsbidrag)
Sommarjobb                       Arbetsmarknadsnämnden          2 000     2 000
"""


def test_a_follow_up_table_of_projects_with_a_funder_column(tmp_path: Path) -> None:
    head = SN_HEAD.replace("Socialnämnden", "Farsta stadsdelsnämnd")
    f = facts_of(tmp_path, head + FOLLOW_UP)
    got = {p.name: (p.amount_sek, p.fund_type) for p in f.projects}
    assert got == {
        "Jobbstart för unga": (3_000_000, "ESF"),
        "Föräldrastöd i grupp": (800_000, "statsbidrag"),
        "Sommarjobb": (2_000_000, None),
    }
    spent = sorted(a.sek for a in f.amounts if a.kind == "other")
    assert spent == [750_000, 2_000_000, 2_600_000]


YEARS = """Stadsövergripande studier 2013–2015

Förslag till beslut
1. Kommunstyrelsen beställer studierna enligt tabellen.

Studie / utförare                         År        Kronor
--------------------------------------------------------------
1. Skolresultat och boende
   (Provinstitutet för framtidsfrågor)    2013     100 000
                                          2014     200 000
                                          Summa    300 000
--------------------------------------------------------------
2. Hälsa och försörjningsstöd
   (Exempeluniversitetet)                 2013     150 000
                                          2014     250 000
                                          Summa    400 000
--------------------------------------------------------------
"""


def test_a_study_table_with_a_line_per_year_and_a_summa_of_its_own(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + YEARS)
    got = {p.name: (p.amount_sek, p.year, p.performer) for p in f.projects}
    assert got == {
        "Skolresultat och boende": (300_000, None, "Provinstitutet för framtidsfrågor"),
        "Hälsa och försörjningsstöd": (400_000, None, "Exempeluniversitetet"),
    }
    by_year = sorted((a.sek, a.year) for a in f.amounts if a.year in (2013, 2014))
    assert (200_000, 2014) in by_year and (250_000, 2014) in by_year


WRAPPED_HEADER = """Medel inom storstadssatsningen 2004

Tabell 1. Fördelning 2004 (tkr)

Stadsdelsnämnd          Statligt      Kommunal        Summa
                        bidrag        insats
Farsta                   4 000         4 200           8 200
Skärholmen               3 000         3 100           6 100
"""


def test_a_money_table_whose_header_wraps_onto_a_second_line(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + WRAPPED_HEADER)
    kinds = {a.sek: (a.kind, a.fund_type) for a in f.amounts}
    # (the state's share of the storstadssatsningen: its money, as the corpus gold labels it)
    assert kinds[4_000_000] == ("state_grant", "storstadssatsningen")
    assert kinds[4_200_000][0] == "other"


HYPHEN_ROW = """Fördelning av lokala utvecklingsmedel 1999

Förslag till beslut
1. Socialtjänstnämnden fördelar medel enligt förteckningen.

Stadsdel           Projekt                              Sökt      Förslag
                                                         kr        kr
-------------------------------------------------------------------------
Vantör             Samtalsgrupper för skol-
                   trötta elever                     200 000    150 000
Kista              Föräldrastöd i grupp              120 000    120 000
-------------------------------------------------------------------------
Summa                                                  320 000    270 000
"""


def test_a_row_broken_by_a_hyphen_keeps_its_sought_and_proposed_columns(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + HYPHEN_ROW)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {"Samtalsgrupper för skoltrötta elever": 150_000, "Föräldrastöd i grupp": 120_000}
    sought = sorted(a.sek for a in f.amounts if a.kind == "other")
    assert sought[:2] == [120_000, 200_000]


STUDY_SECTIONS = """Årsrapport för FoU-arbetet 2019

Förslag till beslut
1. Socialnämnden godkänner årsrapporten.

Stadsövergripande studier (FUM)

Budgeten för stadsövergripande studier var 1,9 miljoner kronor för 2019.

Unga vuxna i akut hemlöshet

Studien har genomförts av Provhögskolan och avslutades i maj 2019.
Kostnaden var 600 000 kronor.

Utvärdering av mobila team

Under 2019 påbörjades en utvärdering av mobila team i fyra stadsdelar.
Utvärderingen genomförs av Exempeluniversitetet och ska vara klar i juni
2021. Kostnaden beräknas till cirka 900 000 kronor.
"""


def test_a_study_named_utvardering_av_and_a_funds_heading_that_is_no_project(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD + STUDY_SECTIONS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Unga vuxna i akut hemlöshet", "Utvärdering av mobila team"}
    assert got["Utvärdering av mobila team"].amount_sek == 900_000


NO_UNIT = """Verksamhetsbidrag 2003

Förening                      Sökt 2003     Förslag 2003    Beviljat 2002
Föreningen Provjouren          200 000        180 000         170 000
Exempelföreningen Stöd         120 000        100 000          90 000
Summa                          320 000        280 000         260 000
"""


def test_a_money_table_without_a_unit_whose_columns_say_money(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + NO_UNIT)
    sums = {(a.sek, a.year) for a in f.amounts}
    assert {(200_000, 2003), (180_000, 2003), (170_000, 2002), (280_000, 2003)} <= sums


GROUPS_IN_TKR = """Fördelning av medel för lokala utvecklingsavtal 2004

Bilaga 1
Stadsdelsnämnd / insats                                 tkr
Rinkeby
  Språkstöd i förskolan                                1 100
  Föräldraträffar i centrum                              600
  Summa Rinkeby                                        1 700
Skärholmen
  Kvällsskola för vuxna                                  900
  Summa Skärholmen                                       900
Totalt                                                 2 600
"""


def test_district_groups_with_set_in_rows_in_the_headers_unit(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + GROUPS_IN_TKR)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Språkstöd i förskolan": (1_100_000, ["rinkeby"]),
        "Föräldraträffar i centrum": (600_000, ["rinkeby"]),
        "Kvällsskola för vuxna": (900_000, ["skarholmen"]),
    }
