"""Thirty-eighth session: layouts of the rounds opened for rules, each on a short text
written for the test (none of the rounds' names or sums):

* a fuzzy cue is no match on its long first word alone: "ett stadsövergripande
  familjestöd" names no city-wide FoU money (the last word of "stadsövergripande FoU" is
  three letters: read loosely it matches anything that starts with an f);
* a stadsdelsnämnd's verksamhets- and projektbidrag to local associations are its
  föreningsbidrag (Socialnämnden's keep their names);
* a decision item that turns down an application for a quoted project ("avslår … ansökan
  … för projektet ”X”") gives X applied for, and takes neither the next item's sum nor the
  decision list's; a later sentence that says what was asked ("för vilken nämnden begärt
  0,8 mnkr") gives its sum;
* a header "Ungdomar 16–18 år" counts people (no year's money), and a unit printed
  right-aligned under a wrapped header ("Tilldelning," over "kr") is that column's;
* a table header "Förening   Sökt   Beviljat" that the page reading took for a heading
  still opens a money table;
* the money for summer jobs ("feriejobb") is a fund of its own;
* "Studien ska genomföras av Centrum för X vid Y universitet": the whole centre performs it;
* a project's cost calculation under its caption ("KALKYL PROJEKT 1   kr", "+ …", "= Summa
  kostnader") is no list of projects, and the caption's "1   kr" no sum;
* a table's unit given in the paragraph that introduces it ("… Belopp i tkr. …").
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import find_funds
from pipeline.facts.grant_forms import grant_forms_of
from pipeline.facts.header_roles import header_role
from pipeline.facts.local_money import own_local_money
from pipeline.facts.money_headers import wrapped_header
from pipeline.lang.amounts import find_amounts


def test_a_fuzzy_cue_needs_its_short_last_word() -> None:
    said = "Nämnden tilldelas 2 mnkr för att bygga upp ett stadsövergripande familjestöd."
    assert find_funds(said) == []
    # (the cue itself, and its OCR-damaged forms the vowel classes allow, still match)
    assert [f[2] for f in find_funds("medel för stadsövergripande FoU 2014")] == ["FUM"]
    assert [f[2] for f in find_funds("medel for stadsovergripande FoU 2014")] == ["FUM"]


def test_a_districts_grants_to_associations_are_its_foreningsbidrag() -> None:
    names = own_local_money("Farsta stadsdelsnämnd", [], [])
    assert names["verksamhetsbidrag"] == "föreningsbidrag"
    assert names["projektbidrag"] == "föreningsbidrag"
    assert names["organisationsbidrag"] == "föreningsbidrag"
    assert own_local_money("Socialnämnden", [], []) == {}


def test_an_application_turned_down_in_a_decision_item(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2023, title="Lokala utvecklingsmedel och MUL 2024 – tillägg").replace(
            "1. Socialnämnden beviljar medel enligt förvaltningens förslag.\n",
            """1. Socialnämnden beviljar lokala utvecklingsmedel (LUM) 2024
   till sex projekt med sammanlagt 2 140 000 kronor.
2. Socialnämnden avslår Kungsholmens stadsdelsnämnds ansökan om
   lokala utvecklingsmedel för projektet ”Trygg väg hem efter
   skolan”.
3. Socialnämnden beviljar medel för utveckling och lärande (MUL)
   2024 med sammanlagt 186 000 kronor.
""",
        )
        + """
Förvaltningens synpunkter

Kungsholmens ansökan om projektet ”Trygg väg hem efter skolan”, för
vilket nämnden begärt 0,6 mnkr, bedöms kunna rymmas i stadsdelens
egen budget.
"""
    )
    projects = {p.name: (p.status, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert projects["Trygg väg hem efter skolan"] == ("ansökt", 600_000)


def test_age_range_headers_count_people_and_units_stand_right_aligned() -> None:
    assert header_role("Ungdomar 16–18 år") == "count"
    assert header_role("Beviljat år") == "year"  # (a year's column is still one)
    header = "Stadsdelsnämnd          Ungdomar      Antal    Tilldelning,"
    below = "                        13–15 år    platser              kr"
    assert wrapped_header(header, below) == [
        "Stadsdelsnämnd",
        "Ungdomar 13–15 år",
        "Antal platser",
        "Tilldelning, kr",
    ]


def test_a_summer_jobs_table_shares_money_not_counts(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Fördelning av medel för feriejobb 2020")
        + """
Ärendet

Nämnden fördelar medel för feriejobb till stadsdelsnämnderna.

Stadsdelsnämnd          Ungdomar      Antal    Tilldelning,
                        13–15 år    platser              kr

Skarpnäck                  2 610        240       2 136 000
Älvsjö                     1 480        130       1 157 000
Kungsholmen                1 950        170       1 513 000

Summa                      6 040        540       4 806 000
"""
    )
    amounts = facts_of(tmp_path, text).amounts
    raws = {a.raw for a in amounts}
    assert {"2 136 000", "1 157 000", "1 513 000"} <= raws
    assert not raws & {"2 610", "240", "1 480", "130", "6 040", "540"}
    cells = [a for a in amounts if a.raw in ("2 136 000", "1 157 000", "1 513 000")]
    assert {(a.kind, a.fund_type) for a in cells} == {("budget", "feriejobb")}


def test_a_header_read_as_a_heading_still_opens_a_money_table(tmp_path: Path) -> None:
    text = """BROMMA STADSDELSNÄMND                                BILAGA 1
                                                     Protokoll nr 2/2003

LOKALA FÖRENINGSBIDRAG 2003

Sammanställning över sökta och beviljade bidrag. Belopp i kronor.

A. Verksamhetsbidrag

Förening                                    Sökt      Beviljat

Riksby Seniorklubb                        14 000        12 000
Ulvsunda Båtklubb                         21 500        16 000
Nockeby Kammarkör                          9 000         9 000

Summa verksamhetsbidrag                   44 500        37 000
"""
    amounts = facts_of(tmp_path, text).amounts
    kinds = {a.raw: a.kind for a in amounts}
    assert kinds["12 000"] == "project_cost" and kinds["16 000"] == "project_cost"
    assert kinds["14 000"] == "other" and kinds["21 500"] == "other"


def test_a_study_to_be_carried_out_by_a_centre_of_a_university(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2015, title="Stadsövergripande FoU-studier 2016")
        + """
Ärendet

Förvaltningen föreslår att studien ”Kvarboende efter vräkningshot”
beviljas 900 000 kronor.
Studien ska genomföras av Institutet för bostadsforskning vid
Uppsala universitet och slutrapporteras i maj 2017.
"""
    )
    projects = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert projects["Kvarboende efter vräkningshot"] == (
        "Institutet för bostadsforskning vid Uppsala universitet"
    )


def test_a_calculation_under_its_caption_is_no_list_of_projects(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=1999, title="Ansökan om lokala utvecklingsmedel för år 2000")
        + """
PROJEKT 1. FAMILJESTÖD I SKOLAN

Projektet erbjuder stöd till familjer i samverkan med skolan.

KALKYL PROJEKT 1                                         kr

Projektledare 50 %, 12 man                          150 000
+ lönebikostnader 40 %                               60 000
+ handledning                                        25 000
                                                   --------
= Summa kostnader                                   235 000
./. egen insats                                      55 000
                                                   --------
= Sökt belopp                                       180 000
"""
    )
    projects = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    # (the cost lines are no projects; the caption's "1   kr" is no sum)
    assert list(projects) == ["FAMILJESTÖD I SKOLAN"]
    assert projects["FAMILJESTÖD I SKOLAN"] in (None, 180_000)


def test_a_tables_unit_in_the_paragraph_that_introduces_it(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Tertialrapport 1 2012")
        + """
Projekt med extern finansiering

Förvaltningen driver tre projekt med medel utanför budgetramen.
Tabellen visar finansiär och beviljade medel för 2012. Belopp i
tkr. Avvikelsen är den prognos som lämnas vid tertialets slut.

Projekt                   Finansiär               Beviljat   Avvikelse
                                                      2012     prognos

Språkstöd i förskolan     Skolverket                   420           –
Unga vuxna i arbete       Europeiska                 1 300        +110
                          socialfonden
Trygga trappuppgångar     Allmänna arvsfonden          760         -40
"""
    )
    projects = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert projects["Språkstöd i förskolan"] == 420_000
    assert projects["Unga vuxna i arbete"] == 1_300_000
    assert projects["Trygga trappuppgångar"] == 760_000


def test_a_thousands_comma_before_kronor() -> None:
    # an English spreadsheet's "12,500 kr" is twelve thousand five hundred kronor (no sum in
    # kronor has three decimals); in millions or thousands the comma stays a decimal comma
    read = {a.raw: a.sek for a in find_amounts("12,500 kr; 2,125 tkr; 1,250 mnkr; 12,50 kr")}
    assert read == {
        "12,500 kr": 12_500,
        "2,125 tkr": 2_125,
        "1,250 mnkr": 1_250_000,
        "12,50 kr": 13,
    }


def test_an_association_over_its_activity_and_comma_thousands(tmp_path: Path) -> None:
    # "Förening" over "  Verksamhet" in the header: each row the association, its activity
    # on the lines under it; cells of an English sheet print "95,000"
    text = (
        HEAD.format(year=2021, title="Stöd till föreningars verksamhet för unga 2021")
        + """
Tabell 1. Föreslaget stöd 2021

Förening                              Stadsdelsområde           Sökt,   Beviljas,
  Verksamhet                                                       kr          kr

Föreningen Ljudvågen                  Bromma                  120,000      95,000
  Musikverkstad för unga 12–16 år
  i Abrahamsberg
Teaterföreningen Ridån                Farsta                   80,000      80,000
  Improvisationsteater på lovdagar
"""
    )
    projects = {
        p.name: (p.performer, p.amount_sek, tuple(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert projects == {
        "Musikverkstad för unga 12–16 år i Abrahamsberg": (
            "Föreningen Ljudvågen",
            95_000,
            ("bromma",),
        ),
        "Improvisationsteater på lovdagar": ("Teaterföreningen Ridån", 80_000, ("farsta",)),
    }


def test_the_kinds_of_grant_under_a_title_of_foreningsbidrag() -> None:
    forms = grant_forms_of("Fördelning av föreningsbidrag hösten 2003")
    assert forms["verksamhetsbidrag"] == "föreningsbidrag"
    assert forms["lokalbidrag"] == "föreningsbidrag"
    # (a title that names another grant beside it keeps each kind's name)
    assert grant_forms_of("Föreningsbidrag och projektbidrag 2003") == {}
    assert grant_forms_of("Organisationsbidrag 2015 till ideella organisationer") == {}


def test_a_categorised_view_of_applications_per_district(tmp_path: Path) -> None:
    # a database's view printed as a table: each district's line with its count and sums,
    # its applications set in under it; "Ansökan nr" is the application's number
    text = (
        HEAD.format(year=2011, title="Lokala utvecklingsmedel 2012")
        + """
Bilaga 1

Förvaltning / Projekt                  Ansökan nr    Sökt   Förslag   Bedömn.

Kungsholmen (2)                                    610000    330000
   Samtalsgrupper för unga pappor      LUM-12-04   330000    330000   Bifall
   Digital uppföljning av placerade    LUM-12-09   280000             Avslag
   barn
Älvsjö (1)                                         240000    200000
   Stödgrupper för syskon till barn    LUM-12-02   240000    200000   Delvis
   med funktionsnedsättning

                                                   850000    530000
"""
    )
    projects = {
        p.name: (tuple(d.district_id for d in p.districts), p.amount_sek)
        for p in facts_of(tmp_path, text).projects
    }
    assert projects["Samtalsgrupper för unga pappor"] == (("kungsholmen",), 330_000)
    assert projects["Stödgrupper för syskon till barn med funktionsnedsättning"] == (
        ("alvsjo",),
        200_000,
    )
    assert not [n for n in projects if n.startswith(("Kungsholmen", "Älvsjö", "LUM-"))]


def test_numbered_items_headed_by_their_district_and_sum(tmp_path: Path) -> None:
    # a typed list: "1.  DISTRICT   sum" over the project's name set in under it
    text = (
        HEAD.format(year=1998, title="Lokalt utvecklingsarbete 1998, andra omgången")
        + """
FÖRSLAG TILL FÖRDELNING

Förvaltningen föreslår att följande tre projekt beviljas medel.


1.  SPÅNGA                                           180 000 kr
    Samtalsgrupper för föräldrar till barn i
    familjehem

2.  KISTA (tillsammans med Rinkeby)                  145 000 kr
    Uppsökande arbete bland unga vuxna utan
    sysselsättning

3.  FARSTA                                           120 000 kr
    Stöd till anhöriga inom socialpsykiatrin
                                                 -------------
    Summa                                            445 000 kr
"""
    )
    projects = {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in facts_of(tmp_path, text).projects
    }
    assert projects["Samtalsgrupper för föräldrar till barn i familjehem"][1] == 180_000
    assert projects["Uppsökande arbete bland unga vuxna utan sysselsättning"][1] == 145_000
    assert len(projects["Uppsökande arbete bland unga vuxna utan sysselsättning"][0]) == 2
    assert projects["Stöd till anhöriga inom socialpsykiatrin"] == (("farsta",), 120_000)


def test_a_committees_whole_budget_table_is_no_funds_money(tmp_path: Path) -> None:
    # a district's budget per area in a document that also speaks of its LUM project: the
    # table's cells (a total of over a billion) are no LUM money
    text = (
        HEAD.format(year=2005, title="Verksamhetsplan med budget för år 2006")
        + """
Budget per verksamhetsområde

Nettobudget per verksamhetsområde (mnkr)

Verksamhetsområde                       Budget 2005     Budget 2006

Förskola                                    214,5           221,0
Äldreomsorg                                 386,2           392,7
Individ- och familjeomsorg                   92,7            95,4
Summa                                       693,4           709,1

Lokala utvecklingsmedel

Förvaltningen söker lokala utvecklingsmedel för 2006 till projektet
Föräldrasteget med 320 000 kronor.
"""
    )
    funds = {a.raw: a.fund_type for a in facts_of(tmp_path, text).amounts}
    assert funds["214,5"] is None and funds["709,1"] is None


def test_funds_named_as_the_documents_name_them() -> None:
    # the state's inheritance fund keeps the name the documents (and the analysts' gold) give
    # it; the city's social investment fund is named as the fund, the realdocs' "sociala
    # investeringar" (no fund printed) as the investments
    said = "med medel ur Arvsfonden och ur stadens sociala investeringsfond"
    assert [f[2] for f in find_funds(said)] == ["Allmänna arvsfonden", "sociala investeringsfonden"]
    assert [f[2] for f in find_funds("finansiera sociala investeringar")] == [
        "sociala investeringar"
    ]
