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

import re
from pathlib import Path

from extract_helpers import understood
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


NEWS = """2015-06-02 10:21        Utvecklingsmedel till föreningarnas sommar

Gå direkt till sidans innehåll
Stockholms stad
Sök
Du är här: Startsida / Stadsdelsområden / Farsta / Nyheter

Utvecklingsmedel till föreningarnas sommar

Publicerad 2015-06-01

Farsta stadsdelsnämnd beslutade den 21 maj att dela ut 180 000 kronor
till fyra föreningar. Så här fördelades pengarna:

•  Hökarängens IK Ungdom – kvällsbasket för tjejer i Hökarängen, 60 000
   kronor
•  Föreningen Gubbängens Odlare – odlingskurser vid skolan, 30 000 kronor
•  PRO Farsta – surfplattor för seniorer, 40 000 kronor
•  Tallkrogens Schacksällskap – schackskola på biblioteket, 50 000 kronor

– Flera av föreningarna har aldrig sökt pengar från oss förut, säger
stadsdelsdirektör Per Prov.

http://www.stockholm.se/Farsta/Nyheter/Utvecklingsmedel-2015/       1/1
"""


def test_a_news_page_lists_associations_work_and_quotes_are_no_items(tmp_path: Path) -> None:
    f = facts_of(tmp_path, NEWS)
    assert (
        understood(tmp_path / "doc.txt").meta.title == "Utvecklingsmedel till föreningarnas sommar"
    )
    got = {p.name: (p.performer, p.amount_sek) for p in f.projects}
    assert got == {
        "kvällsbasket för tjejer i Hökarängen": ("Hökarängens IK Ungdom", 60_000),
        "odlingskurser vid skolan": ("Föreningen Gubbängens Odlare", 30_000),
        "surfplattor för seniorer": ("PRO Farsta", 40_000),
        "schackskola på biblioteket": ("Tallkrogens Schacksällskap", 50_000),
    }


PLAN_BUDGET = """
Tabell 4. Budget för individ- och familjeomsorg {year}, tkr

Verksamhet                              Kostnader    Intäkter      Netto

Barn och ungdom                            52 300      -3 100     49 200
Vuxna                                      27 800      -1 900     25 900

Summa                                      80 100      -5 000     75 100

Bilaga 2

Fältassistenter i stadsdelsförvaltningen {year}

Enhet                       Årsarbetare   Kostnad {year},
                             april {year}            tkr
Norra fältgruppen                   3,0           1 620
Södra fältgruppen                   2,0           1 080
Summa                               5,0           2 700
"""


def test_a_budget_by_activity_and_staff_counted_beside_costs(tmp_path: Path) -> None:
    title = "Verksamhetsplan med budget {year}"
    f = facts_of(
        tmp_path,
        HEAD.format(year=2012, title=title.format(year=2012)) + PLAN_BUDGET.format(year=2012),
    )
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[52_300_000] == kinds[-3_100_000] == kinds[75_100_000] == "budget"
    assert 1_620_000 in kinds and 2_700_000 in kinds
    assert not {3_000, 2_000, 5_000, 2_012_000} & set(kinds)  # staff counts, "april 2012 tkr"


BOUGHT = """
Tabell 1. Anbud som föreslås antas (kronor)
                                                                 Pris                   Pris
                                                           exkl. moms  Moms 25 %  inkl. moms
Utvärdering                     Anbudsgivare
--------------------------------------------------------------------------------------------
1. Hembesök till äldre med      Analyshuset Norr AB           360 000     90 000     450 000
   psykisk ohälsa
   (Bromma, Kungsholmen;
   klar maj 2013)
2. Stöd till unga föräldrar     Barnforum i Uppsala           320 000     80 000     400 000
   (Farsta; klar dec 2013)
--------------------------------------------------------------------------------------------
Summa                                                         680 000    170 000     850 000
"""


def test_bought_studies_priced_without_and_with_vat(tmp_path: Path) -> None:
    title = "Tilldelning av uppdrag att utvärdera två insatser 2012–2013"
    f = facts_of(tmp_path, HEAD.format(year=2012, title=title) + BOUGHT)
    got = {
        p.name: (
            sorted(d.district_id for d in p.districts),
            p.performer,
            p.amount_sek,
            str(p.end_date),
        )
        for p in f.projects
    }
    assert got == {
        "Hembesök till äldre med psykisk ohälsa": (
            ["bromma", "kungsholmen"],
            "Analyshuset Norr AB",
            360_000,
            "2013-05-01",
        ),
        "Stöd till unga föräldrar": (["farsta"], "Barnforum i Uppsala", 320_000, "2013-12-01"),
    }
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[90_000] == kinds[450_000] == "other"


def test_vat_headers_and_own_share_and_a_funds_sum_sought() -> None:
    assert header_role("Pris exkl. moms") == "cost"
    assert header_role("Moms 25 %") == header_role("Pris inkl. moms") == "spent"
    assert header_role("Anbudsgivare") == "performer"
    assert header_role("Egen") == "spent"
    assert header_role("Sökt LUM 2005 kr") == "applied"
    assert header_role("Planeras sökas 2024 kronor") == "spent"  # to be applied for later


APPLICATION = """
Förvaltningens ansökan

Projekt                                    Total        Egen       Sökt
                                           kostnad kr   insats kr  LUM 2006 kr

1.  Läsande familjer - stöd till föräldrar   360 000    120 000    240 000
    med små barn

2.  Nattvandrare i centrum                   210 000     70 000    140 000

Summa                                        570 000    190 000    380 000
"""


def test_a_header_wrapped_onto_a_funds_year_and_unit(tmp_path: Path) -> None:
    title = "Ansökan om lokala utvecklingsmedel för 2006"
    f = facts_of(tmp_path, HEAD.format(year=2005, title=title) + APPLICATION)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got["Läsande familjer - stöd till föräldrar med små barn"] == (240_000, "ansökt")
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[360_000] == "project_cost" and kinds[120_000] == "other"


def test_state_money_of_a_named_programme_is_the_programmes() -> None:
    text = "Statliga medel inom storstadssatsningen för år 2003, 50,0 mnkr, fördelas"
    assert [f for *_, f in find_funds(text)] == ["storstadssatsningen"]


CONDITIONS = """
Fakta: Utvecklingsmedel

Nämnden har i verksamhetsplanen för {year} avsatt 300 000 kronor. En förening
kan få högst 60 000 kronor per år. För att få pengar ska aktiviteten

•  vara öppen för alla och avgiftsfri för deltagarna
•  genomföras i stadsdelsområdet
•  bygga på samverkan mellan flera föreningar
"""


def test_a_grants_conditions_after_for_att_fa_pengar_ska(tmp_path: Path) -> None:
    title = "Utvecklingsmedel till föreningar {year}"
    f = facts_of(
        tmp_path,
        HEAD.format(year=2016, title=title.format(year=2016)) + CONDITIONS.format(year=2016),
    )
    assert [(c.kind, c.text) for c in f.criteria] == [
        ("criterion", "vara öppen för alla och avgiftsfri för deltagarna"),
        ("criterion", "genomföras i stadsdelsområdet"),
        ("criterion", "bygga på samverkan mellan flera föreningar"),
    ]


STUDIES = """
Tabell 1. Studier i programmet {year}

Nr  Studie                          Genomförs av             Klart    Kostnad, kr

1   Hemlösa familjers vägar till    Malmö universitet        dec {year}     450 000
    eget boende
2   Förebyggande hembesök i tre     Mittuniversitetet        juni {year}    380 000
    stadsdelar 1)

    Summa                                                               830 000

1) Bromma, Älvsjö och
   Hägersten-Liljeholmens stadsdelsförvaltningar.
"""


def test_a_numbered_footnote_names_the_districts_a_row_counts(tmp_path: Path) -> None:
    title = "Forskningsprogram i samverkan med högskolor {year}"
    f = facts_of(
        tmp_path, HEAD.format(year=2011, title=title.format(year=2011)) + STUDIES.format(year=2011)
    )
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert got["Förebyggande hembesök i tre stadsdelar"] == [
        "alvsjo",
        "bromma",
        "hagersten-liljeholmen",
    ]


AREAS = """
Tabell 1. Beviljade lokala utvecklingsmedel {year} per område

Område                                     Antal         Antal     Beviljat,
                                          ansök-     beviljade        kronor
                                          ningar
----------------------------------------------------------------------------
1. Barn och unga                              7             3       910 000
2. Vuxna med missbruk                         4             2       540 000
----------------------------------------------------------------------------
Summa                                        11             5     1 450 000
"""


def test_sums_of_groups_of_grants_counted_beside_them(tmp_path: Path) -> None:
    title = "Lokala utvecklingsmedel {year}"
    f = facts_of(
        tmp_path, HEAD.format(year=2018, title=title.format(year=2018)) + AREAS.format(year=2018)
    )
    assert not f.projects
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[910_000] == kinds[540_000] == kinds[1_450_000] == "total_granted"


CALL = """
Projekten ska

   –  ha en tydlig plan för uppföljning,
   –  kunna spridas till flera stadsdelar.

För år {next} ges dessutom företräde åt projekt som rör

   –  unga vuxna med långvarigt ekonomiskt bistånd,
   –  äldre med missbruk.

Ett studiebesök ska

   –  avse en metod som kan prövas i den egna förvaltningen,
   –  redovisas i en reseberättelse senast två månader efter resan.
"""


def test_a_trips_conditions_and_a_priority_given_besides(tmp_path: Path) -> None:
    title = "Utlysning av lokala utvecklingsmedel och medel för studiebesök (MUST) {next}"
    f = facts_of(
        tmp_path,
        HEAD.format(year=2007, title=title.format(next=2008)) + CALL.format(next=2008),
    )
    got = [(c.kind, c.fund_type, c.text) for c in f.criteria]
    assert ("priority", "LUM", "äldre med missbruk") in got
    assert ("criterion", "MUST", "avse en metod som kan prövas i den egna förvaltningen") in got
    assert (
        "criterion",
        "MUST",
        "redovisas i en reseberättelse senast två månader efter resan",
    ) in got


def test_the_parts_a_cost_is_split_into_after_varav() -> None:
    from pipeline.facts.cost_parts import cost_part

    def parts(s: str) -> list[tuple[str, bool]]:
        found = re.finditer(r"\d[\d ,]*\d (?:kronor|miljoner kronor|kr)", s)
        return [(m.group(), cost_part(s, m.start(), m.end())) for m in found]

    assert parts(
        "Resan beräknas kosta 31 000 kronor, varav resor 12 400 kronor och logi 9 800 kronor."
    ) == [
        ("31 000 kronor", False),
        ("12 400 kronor", True),
        ("9 800 kronor", True),
    ]
    assert parts(
        "Projektets kostnad beräknas till 410 000 kr, varav 250 000 kr söks hos nämnden och"
        " 160 000 kr finansieras inom förvaltningens budget."
    ) == [("410 000 kr", False), ("250 000 kr", True), ("160 000 kr", True)]
    # a year's share stays the project's money
    assert parts("Kostnad: 460 000 kr, varav 260 000 kr 2003 och 200 000 kr 2004.") == [
        ("460 000 kr", False),
        ("260 000 kr", False),
        ("200 000 kr", False),
    ]
    assert (
        parts("Studien kostade 1,3 miljoner kronor, varav 700 000 kr belastade 2015.")[1][1]
        is False
    )


def test_an_owning_committee_column_is_the_owner() -> None:
    assert header_role("Ägande nämnd") == "district"


REPORT = """
Avslutade studier

Hemlösa unga vuxna - en kartläggning

Studien beviljades 420 000 kronor år {year}. Norrbacka Analys AB har
intervjuat unga vuxna på stadens härbärgen och kartlagt deras vägar
till eget boende. Rapporten lämnades i december {year}.

Föräldrastöd i grupp - en utvärdering

Studien beviljades 380 000 kronor år {year}. Utredningsföretaget Holm &
Berg Utredning AB följer under två år fyra föräldragrupper.
"""


def test_a_company_that_opens_a_sentence_of_a_projects_text_performs_it(tmp_path: Path) -> None:
    title = "Redovisning av stadsövergripande FoU-studier {year}"
    f = facts_of(
        tmp_path, HEAD.format(year=2012, title=title.format(year=2012)) + REPORT.format(year=2012)
    )
    got = {p.name: p.performer for p in f.projects}
    assert got == {
        "Hemlösa unga vuxna - en kartläggning": "Norrbacka Analys AB",
        "Föräldrastöd i grupp - en utvärdering": "Holm & Berg Utredning AB",
    }
