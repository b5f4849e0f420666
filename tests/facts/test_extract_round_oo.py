"""Thirtieth session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* a money table whose unit stands on the line under its header ("Bidrag 2019" over
  "(tkr)");
* grants to associations' running activity ("Verksamhetsbidrag" in a row's grant-form
  cell, a table captioned "Verksamhetsbidrag till föreningar") are money but no projects,
  while project grants in the same table, and another grant's table after them, are.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_mm import DISTRICT_HEAD


def test_a_money_tables_unit_on_the_line_under_its_header(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2020, title="Uppföljning av bidrag till organisationer")
        + """
Bakgrund

Tabellen visar bidragen de två senaste åren.

Organisation                       Bidrag 2019    Bidrag 2020
                                         (tkr)          (tkr)
Föreningen Exempelgården                 1 240          1 310
Stödcentrum Exempel                        860            905
Summa                                    2 100          2 215
"""
    )
    f = facts_of(tmp_path, text)
    sums = sorted(a.sek for a in f.amounts)
    # every cell in thousands of kronor, none read as a few kronor
    assert {1_240_000, 1_310_000, 860_000, 905_000, 2_100_000, 2_215_000} <= set(sums)
    assert not any(a.sek < 10_000 for a in f.amounts)


def test_running_activity_grants_are_no_projects(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2014, title="Föreningsbidrag 2015, första fördelningen")
        + """
Bakgrund

Föreningar kan söka verksamhetsbidrag för sin ordinarie verksamhet och
projektbidrag för en avgränsad insats.

Tabell 3. Föreningsbidrag 2015 (kronor)

Förening / projekt                   Bidragsform          Ansökt    Beviljat
Exempelbygdens Hembygdsförening      Verksamhetsbidrag    52 000      48 000
Seniorföreningen Exempel             Verksamhetsbidrag    27 000      25 000
Exempelby Bollklubb                  Projektbidrag       110 000      90 000
  Fotbollsskola för flickor
Föreningen Läsfrämjarna              Projektbidrag        70 000      65 000
  Läsecirklar för nyanlända

Tabell 4. Verksamhetsbidrag till föreningar 2015 (kronor)

Förening                        Ändamål                        Förslag 2015
Exempelorten PRO                Träffar och utflykter                32 000
Stödföreningen Ankaret          Samtalsgrupper för anhöriga          74 000

Tabell 5. Utvecklingsbidrag 2015 (kronor)

Organisation / projekt                     Ansökt      Förslag
Föreningen Nattljus                       150 000      120 000
  Digital stödlinje för unga
"""
    )
    f = facts_of(tmp_path, text)
    assert {p.name for p in f.projects} == {
        "Fotbollsskola för flickor",
        "Läsecirklar för nyanlända",
        "Digital stödlinje för unga",
    }
    # the running activities' sums stay, as money of no project
    running = [a for a in f.amounts if a.sek in (48_000, 25_000, 32_000, 74_000)]
    assert len(running) == 4
    assert all(a.project_id is None and a.kind != "project_cost" for a in running)


def test_units_under_each_column_a_count_and_a_label_over_its_sums(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2019, title="Redovisning av statsbidrag för lovaktiviteter")
        + """
Bakgrund

Statsbidrag för lovaktiviteter 2019 per enhet

Enhet                  Tilldelat   Förbrukat   Aktiviteter
                             tkr         tkr         antal
Fritidsgården Exempel      1 240       1 180            64
Parklek Exempelby            860         845            37
Kulturhuset Syd-
Exempelby                    520         498            21
Summa                      2 620       2 523           122
"""
    )
    f = facts_of(tmp_path, text)
    sums = {a.sek for a in f.amounts}
    # each money column in thousands, the row whose label wrapped keeps its sums, and the
    # column of counts is no money
    assert {1_240_000, 1_180_000, 520_000, 498_000, 2_620_000, 2_523_000} <= sums
    assert not sums & {64, 37, 21, 122, 64_000, 122_000}
