"""Blind rounds g327–g342 and n235–n242, second part, on short texts written for the test:
dashed items each under its own förvaltning's name; a "Nämnd" column of districts; the sum
applied for in brackets under a "Förslag" cell; an application whose parts print their cost
over the years before the sum they apply for."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

HEAD = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0444/{year}
                                                 {year}-03-02

"""


def test_dashed_items_each_under_its_own_owner(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2013)
        + """Lokala utvecklingsmedel 2013

Förvaltningen föreslår att följande projekt beviljas medel:

Bromma stadsdelsförvaltning
–  Läsfrämjande hembesök, 210 000 kr
Farsta stadsdelsförvaltning
–  Jobbcoacher för unga vuxna, 260 000 kr
Norrmalms stadsdelsförvaltning
–  Stöd till anhöriga med missbruk i
   familjen, 190 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got == {
        "Läsfrämjande hembesök": ["bromma"],
        "Jobbcoacher för unga vuxna": ["farsta"],
        "Stöd till anhöriga med missbruk i familjen": ["norrmalm"],
    }


def test_a_column_of_committees_gives_the_districts(tmp_path: Path) -> None:
    text = """Stadsledningskontoret                            Utlåtande
                                                 Dnr 300-410/2005
                                                 2005-05-11

Medel för brottsförebyggande insatser 2005

Bilaga 1. Fördelning (tkr)

Nämnd                   Insats                                  tkr
Vantörs sdn             Fältgrupp i Rågsved                       600
Spånga-Tensta sdn       Nattvandring med                          450
                        föräldrar
Summa                                                           1 050
"""
    f = facts_of(tmp_path, text)
    got = {p.name: ([d.district_id for d in p.districts], p.amount_sek) for p in f.projects}
    assert got == {
        "Fältgrupp i Rågsved": (["vantor"], 600_000),
        "Nattvandring med föräldrar": (["spanga-tensta"], 450_000),
    }


def test_sums_applied_for_in_brackets_under_the_proposal(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019)
        + """Medel för utbyte och lärande 2019

Tabell. Ansökningar om MUL 2019. Förslag i kronor, sökt belopp
inom parentes.

Sökande           Resmål och syfte             Förslag
Farsta sdf        Malmö - mottagning för       30 000
                  unga i kris                  (sökt 42 000)
Bromma sdf        Tallinn - digitala           avslås
                  möten med klienter           (sökt 35 000)
Summa förslag                                  30 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Malmö - mottagning för unga i kris": (30_000, "beviljad"),
        "Tallinn - digitala möten med klienter": (35_000, "ansökt"),
    }
    assert sorted(a.sek for a in f.amounts if a.kind == "other") == [35_000, 42_000]


def test_an_applications_part_applies_for_less_than_its_cost(tmp_path: Path) -> None:
    text = """Skarpnäcks stadsdelsförvaltning                  Tjänsteutlåtande
                                                 Dnr 2.1-090/2004
                                                 2004-02-10

Ansökan om lokala utvecklingsmedel 2004-2005

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner ansökan.

Ärendet

Delprojekt A
"Samtalsgrupper för syskon"
Grupperna leds av två familjebehandlare och följs upp av enheten.
Kostnad: 2004 80 000 kr; 2005 50 000 kr; totalt 130 000 kr.
Sökt belopp: 100 000 kr.

Delprojekt B
"Boendestöd för unga vuxna"
Två boendestödjare arbetar med unga som flyttat från familjehem.
Kostnad: 2004 120 000 kr; 2005 90 000 kr; totalt 210 000 kr.
Sökt belopp: 160 000 kr.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Samtalsgrupper för syskon": (100_000, "ansökt"),
        "Boendestöd för unga vuxna": (160_000, "ansökt"),
    }


def test_run_in_names_before_paragraphs_that_state_their_money(tmp_path: Path) -> None:
    text = """Kungsholmens stadsdelsförvaltning                Tjänsteutlåtande
                                                 Dnr 102-044/2008
                                                 2008-02-12

Verksamhetsberättelse 2007

Förslag till beslut
1. Stadsdelsnämnden godkänner verksamhetsberättelsen.

Externt finansierade projekt
Följande projekt har under 2007 finansierats med externa medel.

Trygga trapphus. Ett samarbete med bostadsbolagen om
grannsamverkan, finansierat av Brottsofferfonden med 300 000 kronor.
Projektet avslutades i december 2007.

Språkstöd i hemtjänsten. Utbildning för undersköterskor med
statsbidrag om 450 000 kronor för 2007 och 2008.

Under 2007 avslutades två projekt. De kostade sammanlagt 750 000 kronor.
"""
    f = facts_of(tmp_path, text)
    assert sorted(p.name for p in f.projects) == ["Språkstöd i hemtjänsten", "Trygga trapphus"]


def test_a_form_head_of_gap_labelled_fields_is_no_title(tmp_path: Path) -> None:
    text = """                                               Socialförvaltningen
                                               Enheten för hemlöshetsfrågor

                                               DELEGATIONSBESLUT
                                               Dnr 3.1-700/2016
                                               Sida 1 (1)


Bidrag till härbärgen under jul och nyår 2016

Beslutsfattare        Maria Exempel, avdelningschef
Beslutsdatum          2016-12-01
Delegation            Socialnämndens delegationsordning, punkt 2.7
Anmäls till           Socialnämnden 2016-12-15


Beslut
1. Socialförvaltningen beviljar bidrag med sammanlagt 200 000 kronor.
"""
    p = tmp_path / "doc.txt"
    p.write_text(text, encoding="utf-8")
    assert understood(p).meta.title == "Bidrag till härbärgen under jul och nyår 2016"


def test_an_application_table_grouped_under_fund_labels(tmp_path: Path) -> None:
    text = """Bromma stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 501-077/2006
                                                 2006-02-07

Ansökan om medel hos socialtjänstnämnden 2006

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner ansökningarna.

Tabell 1. Ansökningar (kr)

                                      Total       Egen          Sökt
Ansökan                               kostnad     finansiering  belopp
-----------------------------------------------------------------------
MUST
Studiebesök i Malmö, mottagning       24 000           –        24 000
för unga i kris
LUM
Läxhjälp med föräldrar i Ulvsunda     300 000     100 000       200 000
-----------------------------------------------------------------------
Summa                                 324 000     100 000       224 000

Under 2005 anmäldes fler unga än tidigare till mottagningen.
Projektet Läxhjälp med föräldrar i Ulvsunda ska pröva en ny modell.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.fund_type) for p in f.projects}
    assert got == {
        "Studiebesök i Malmö, mottagning för unga i kris": (24_000, "MUST"),
        "Läxhjälp med föräldrar i Ulvsunda": (200_000, "LUM"),
    }


def test_a_column_of_those_responsible_gives_districts(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016)
        + """Utvärderingar 2016

Tabell 1. Utvärderingar (tkr)

Utvärdering                  Ansvarig                 Utförare                    tkr
-------------------------------------------------------------------------------------
Fritidsgårdar på             Farsta stadsdels-        Stockholms                  400
sommaren                     förvaltning              universitet
Boendestöd i                 Socialförvaltningen      Ersta Sköndal               350
Bromma                       och Bromma sdf           högskola
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert got["Fritidsgårdar på sommaren"] == ["farsta"]
    assert "bromma" in got["Boendestöd i Bromma"]


def test_criteria_to_be_judged_by_and_areas_proposed_as_priorities(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012)
        + """Lokala utvecklingsmedel 2012

I utlysningen angavs att ansökningarna skulle bedömas efter om
projektet

•  omfattar flera enheter,
•  följs upp av en forskare.

Följande två områden föreslås bli prioriterade för studier 2012:

- unga vuxna utan arbete,
- äldre med missbruk.
"""
    )
    f = facts_of(tmp_path, text)
    assert [(c.kind, c.position) for c in f.criteria] == [
        ("criterion", 1),
        ("criterion", 2),
        ("focus_area", 1),
        ("focus_area", 2),
    ]


def test_numbered_associations_over_their_activity_and_sum(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Delegationsbeslut
                                                 Dnr 406-311/2010
                                                 2010-09-21

Föreningsbidrag hösten 2010

Beslut
Farsta stadsdelsförvaltning beslutar att bevilja föreningsbidrag enligt nedan.

Beviljade bidrag

1. Hökarängens Boulesällskap
   Boule för seniorer på torget ........................  9 000 kr
2. Föreningen Sportlovskul Farsta
   Prova-på-dagar under sportlovet .....................  14 000 kr

Summa                                                    23 000 kr
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Boule för seniorer på torget": (9_000, "Hökarängens Boulesällskap"),
        "Prova-på-dagar under sportlovet": (14_000, "Föreningen Sportlovskul Farsta"),
    }


def test_a_title_repeated_as_the_running_head_of_later_pages(tmp_path: Path) -> None:
    text = """Utlåtande 2007:12 RI (Dnr 314-100/2007)                                 1


Medel för fältarbete bland unga
år 2007

Kommunstyrelsen föreslår att kommunfullmäktige beslutar
följande.

1. Stadsdelsnämnderna tilldelas 4 mnkr för fältarbete 2007.

Ärendet
Medlen fördelas efter antalet unga i varje stadsdel.
\f
Medel för fältarbete bland unga 2007

Beredning
Ärendet har beretts av stadsledningskontoret.
"""
    p = tmp_path / "doc.txt"
    p.write_text(text, encoding="utf-8")
    assert understood(p).meta.title == "Medel för fältarbete bland unga år 2007"
