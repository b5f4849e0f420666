"""Forty-fourth session: rules from the rounds opened for them and from the weakest
documents of the last session's sealed rounds, each on a short text written for the test
(none of the rounds' names or sums):

* a table whose first column is headed "Delprojekt" lists the plan's parts as projects (a
  column headed "Delprojekt A" names one part, no column of names);
* a sentence that opens with one listed project and names another further on ("X prövas i
  Bromma, Y i Kista") gives each the districts named up to the next;
* an item's name followed by who runs it (", som genomförs av …", ", som drivs tillsammans
  med …", ", tillsammans med …"): the clause is no part of the name, an association named
  there is its performer and a district named there takes part;
* "statliga medel" are a statsbidrag ("statliga myndigheter" are not);
* a report whose subject also shares a state grant out among projects ("redovisning och
  fördelning till projekt") keeps each project's sum its cost.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import find_funds
from pipeline.facts.header_roles import header_role

PLAN = """
Planen omfattar fyra delprojekt. Mentorskap för nya chefer prövas i Bromma och
Kungsholmen, lärande nätverk i Farsta och Skarpnäck och ett gemensamt
introduktionsprogram i Älvsjö.

                                                             Bilaga 1

Delprojekt och fördelning av medel, tkr

Delprojekt                    Ansvarig              2011    2012   Summa

Mentorskap för nya            Bromma och              400     500     900
chefer                        Kungsholmen
Lärande nätverk               Farsta och              300     300     600
                              Skarpnäck
Gemensamt introduktions-      Älvsjö                  250     150     400
program

Summa                                               950     950   1 900
"""


def test_a_delprojekt_column_lists_the_plans_parts_as_projects(tmp_path: Path) -> None:
    title = "Statsbidrag för kompetensutveckling 2011–2012 – plan och fördelning"
    f = facts_of(tmp_path, HEAD.format(year=2011, title=title) + PLAN)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {
        "Mentorskap för nya chefer": (["bromma", "kungsholmen"], 900_000),
        "Lärande nätverk": (["farsta", "skarpnack"], 600_000),
        "Gemensamt introduktionsprogram": (["alvsjo"], 400_000),
    }


def test_a_column_named_after_one_part_is_no_column_of_names() -> None:
    assert header_role("Delprojekt") == "name"
    assert header_role("Delprojekt A") != "name"
    assert header_role("Budget delprojekt B") != "name"


LIST = """
Förvaltningen föreslår att följande projekt finansieras under {year}.

1. Lekstugan i centrum, öppen förskola för nyanlända familjer, 240 000 kr.

2. Basket på lovet, som genomförs av BK Vantörs Vänner, 130 000 kr.

3. Vägen vidare - praktik för unga vuxna, som drivs tillsammans med Farsta
   stadsdelsförvaltning och arbetsförmedlingen, 380 000 kr.

4. Grannträffar i Rågsved, tillsammans med bostadsbolaget, 90 000 kr.
"""

SDF = """STOCKHOLMS STAD                                 PROTOKOLLSUTDRAG
Vantörs stadsdelsnämnd                          Nr 4/{year}
                                                Sammanträdesdag {year}-04-20
                                                Sid 1 (2)

§ 9

{title}

Stadsdelsnämnden beslöt

att fördela 840 000 kr av de statliga medlen till de fyra projekt som anges
i tjänsteutlåtandet.

Ärendet

Stadsdelsnämnden har för åren {before}-{year} tilldelats statliga medel för
insatser i utsatta bostadsområden.
"""


def test_who_runs_an_item_is_no_part_of_its_name(tmp_path: Path) -> None:
    title = "Statliga medel för insatser i bostadsområden {year} - redovisning och fördelning till projekt"
    head = SDF.format(year=1999, before=1997, title=title.format(year=1999))
    f = facts_of(tmp_path, head + LIST.format(year=1999))
    got = {
        p.name: (sorted(d.district_id for d in p.districts), p.performer, p.fund_type)
        for p in f.projects
    }
    assert got["Basket på lovet"] == (["vantor"], "BK Vantörs Vänner", "statsbidrag")
    assert got["Vägen vidare - praktik för unga vuxna"] == (
        ["farsta", "vantor"],
        None,
        "statsbidrag",
    )
    assert got["Grannträffar i Rågsved"] == (["vantor"], None, "statsbidrag")
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[130_000] == kinds[380_000] == "project_cost"


def test_statliga_medel_are_a_state_grant_and_state_agencies_are_not() -> None:
    assert [f for *_, f in find_funds("av de statliga medlen för 1999")] == ["statsbidrag"]
    assert [f for *_, f in find_funds("Statliga medel för insatser")] == ["statsbidrag"]
    assert find_funds("sådant som inte redan görs av statliga myndigheter") == []
