"""Thirty-seventh session: layouts of the rounds opened for rules, each on a short text
written for the test (none of the rounds' names or sums):

* an appendix table whose header prints its columns' names, then their years, then their
  unit on three lines ("Beviljat / 2018 / tkr"): each cell in thousands, of its column's
  year and role (last year's grants and this year's proposals are the associations' sums, the
  sums sought other);
* a table a web page's copy ran into one line with its page ("… Stadsdelsnämnd Projekt Tkr
  <District> <Name> 1 800 <Name> 1 200 … Summa …"): its rows are projects, a row without
  a district cell the district's above;
* a table without a header whose first column names associations ("<Ort>s Scoutkår
  <purpose>  8500:-"): each row a project the association carries out;
* a partnership "med Föreningen X om mötesplatsen Y" in the title: the project Y, carried out
  by Föreningen X;
* "… i uppdrag att beställa en utvärdering av X från <institution>" and "Kostnaden för
  utvärderingen, N kr, …": the evaluation X at N, by the institution;
* Kommunstyrelsen's "Socialnämnden tilldelas N för projektet X": Socialförvaltningen's X;
* a study under a heading of its own whose paragraph ends "Studien kostade N kr." (after a
  page, the next heading a period: "Föreslagna studier 2006–2007");
* a timetable "Aktivitet  Datum" is no project's form;
* the roles of "att fördela … med totalt N", "föreningar som beviljas mer än N", "en ökning
  med N" and "Ingen enhet kan beviljas mer än N".
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_ss import _projects

from pipeline.facts.roles import amount_role
from pipeline.lang.amounts import find_amounts


def test_a_three_line_header_of_names_years_and_units(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Föreningsbidrag 2021")
        + """
Ärendet

Nämnden har tagit emot fyra ansökningar om föreningsbidrag för 2021.

Bilaga 1  Förslag till föreningsbidrag 2021

Förening                          Beviljat    Sökt      Förslag
                                  2020        2021      2021
                                  tkr         tkr       tkr

Brottsofferjouren i Norrort         410         450        430
Länkarna i Solby                    220         260        240
Föreningen Stöd till anhöriga       130         150        130

Summa                               760         860        800
"""
    )
    amounts = facts_of(tmp_path, text).amounts
    cells = {(a.raw, a.year): a.kind for a in amounts}
    sums = {(a.raw, a.year): a.sek for a in amounts}
    assert sums[("410", 2020)] == 410_000
    assert cells[("410", 2020)] == "project_cost"
    assert cells[("450", 2021)] == "other"
    assert cells[("430", 2021)] == "project_cost"
    assert cells[("800", 2021)] == "total_granted"
    assert cells[("860", 2021)] == "other"


def test_a_table_run_into_one_line_with_its_page(tmp_path: Path) -> None:
    page = (
        "4 Bilaga 1 Projekt inom trygghetssatsningen 2012 Stadsdelsnämnd Projekt Tkr "
        "Skärholmen Läxhjälp i Vårberg 1 100 Nattvandring i Bredäng 600 Farsta Fältarbete "
        "kvällstid i Hökarängen 900 Mötesplats för unga i Farsta strand 750 Summa 3 350 4"
    )
    text = (
        "1 Utlåtande 2012:40 RI (Dnr 101-200/2012) Trygghetssatsningen – fördelning av medel "
        "för 2012 Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande. 1. "
        "Skärholmens stadsdelsnämnd tilldelas 1 700 tkr och Farsta stadsdelsnämnd 1 650 tkr "
        "enligt bilaga 1. Föredragande borgarrådet Anna Exempel anför följande. Ärendet "
        "Kommunfullmäktige har avsatt 5 mnkr för trygghetssatsningen. 1\n\f\n" + page + "\n"
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Läxhjälp i Vårberg"] == (("skarholmen",), 1_100_000)
    assert got["Nattvandring i Bredäng"] == (("skarholmen",), 600_000)
    assert got["Fältarbete kvällstid i Hökarängen"] == (("farsta",), 900_000)
    assert got["Mötesplats för unga i Farsta strand"] == (("farsta",), 750_000)


def test_a_headerless_table_of_associations_and_their_activities(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=1999, title="Föreningsbidrag 1999, andra omgången")
        + """
Ärendet

Förvaltningen föreslår att fyra föreningar beviljas bidrag med
sammanlagt 26 000 kr enligt följande.

Solby Hembygdsförening         Midsommarfest på Solby äng          9000:-
Solby Scoutkår                 Hajk för barn från                  7500:-
                               Solby och Norrby
Norrby PRO                     Träffar för ensamma äldre           5000:-
Schacksällskapet Springaren    Schack för nybörjare                4500:-
"""
    )
    f = facts_of(tmp_path, text)
    performers = {p.name: (p.performer, p.amount_sek) for p in f.projects}
    assert performers["Hajk för barn från Solby och Norrby"] == ("Solby Scoutkår", 7500)
    assert performers["Träffar för ensamma äldre"] == ("Norrby PRO", 5000)
    assert len(performers) == 4


def test_a_partnership_about_a_named_meeting_place(tmp_path: Path) -> None:
    text = (
        HEAD.format(
            year=2021,
            title="Idéburet offentligt partnerskap med Föreningen Grannkraft om\n"
            "mötesplatsen Solrummet 2022–2024",
        )
        + """
Ärendet

Föreningen Grannkraft driver sedan 2017 mötesplatsen Solrummet. Förvaltningen
föreslår att nämnden avsätter 500 000 kronor per år för partnerskapet, sammanlagt
1 500 000 kronor för perioden.
"""
    )
    got = {p.name: (p.performer, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert got == {"Solrummet": ("Föreningen Grannkraft", 1_500_000)}


def test_an_evaluation_ordered_and_costed_in_the_next_item(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                             PROTOKOLL 3/2009
Kommunstyrelsen                             UTDRAG
                                            Sammanträdesdag
                                            2009-02-11

§ 8

Utvärdering av fältassistenternas arbete

Kommunstyrelsen beslutar följande

1.  Stadsledningskontoret ges i uppdrag att beställa en
    utvärdering av fältassistenternas arbete från Institutionen
    för kriminologi vid Stockholms universitet enligt
    stadsledningskontorets tjänsteutlåtande.

2.  Kostnaden för utvärderingen, 720 000 kr, finansieras ur
    kommunstyrelsens medel för forsknings- och utvecklingsprojekt.
"""
    got = {p.name: (p.performer, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Utvärdering av fältassistenternas arbete": (
            "Institutionen för kriminologi vid Stockholms universitet",
            720_000,
        )
    }


def test_a_social_nämnd_granted_a_project_by_kommunstyrelsen(tmp_path: Path) -> None:
    text = """Stadsledningskontoret                         Tjänsteutlåtande
                                              Dnr KS 2024/0100
                                              Sida 1 (2)
                                              2024-03-05
Till
Kommunstyrelsen

Insatser för unga under sommaren 2024

Förslag till beslut

1. Farsta stadsdelsnämnd tilldelas 2,0 mnkr för sommarinsatser för
   barn och unga 2024.

2. Socialnämnden tilldelas 1,2 mnkr för projektet Nattljus,
   förstärkt fältarbete under juni–augusti 2024.
"""
    got = _projects(facts_of(tmp_path, text))
    assert got["Nattljus"] == (("socialforvaltningen",), 1_200_000)


def test_a_study_under_its_heading_costed_at_its_paragraphs_end(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2010, title="Forsknings- och utvecklingsstudier 2010")
        + """
Redovisning av avslutade studier

Två studier avslutades under 2009.


Hemlösa kvinnors vägar till eget boende – en uppföljning

Ersta Sköndal högskola har följt fyrtio kvinnor under två år. Studien
visar att stödboende gav fler av dem ett eget kontrakt. Studien
kostade 560 000 kr.


Föreslagna studier 2010–2011

Barn i skyddat boende är en kartläggning av barnens skolgång.
"""
    )
    got = {p.name: (p.performer, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert got["Hemlösa kvinnors vägar till eget boende – en uppföljning"] == (
        "Ersta Sköndal högskola",
        560_000,
    )


def test_a_timetable_is_no_projects_form(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Inriktning för lokala utvecklingsmedel 2020")
        + """
Bilaga
Tidplan för lokala utvecklingsmedel 2020

Aktivitet                                   Datum

Utlysningen öppnar                          3 juni 2019
Informationsmöten                           19 juni och 21 augusti 2019
Sista dag för ansökan                       13 september 2019
FoU-rådet bereder ansökningarna             oktober 2019
Beslut i socialnämnden                      december 2019
Utbetalning av medel                        februari 2020
Slutrapport från 2020 års projekt           26 februari 2021
"""
    )
    assert [p.name for p in facts_of(tmp_path, text).projects] == []


def _role(sentence: str) -> str:
    (a,) = find_amounts(sentence)
    return amount_role(sentence, "", "", a.per, (a.start, a.end), []).kind


def test_the_roles_of_a_distribution_a_threshold_a_rise_and_a_cap() -> None:
    assert _role("att fördela föreningsbidrag för 2021 med totalt 1 980 tkr enligt bilaga 1,") == (
        "total_granted"
    )
    assert _role("avtal tecknas med de föreningar som beviljas mer än 250 tkr,") == "other"
    assert _role("Föreningen föreslås få en ökning med 30 tkr jämfört med 2020.") == "other"
    assert _role("Ingen enhet kan beviljas mer än 80 000 kr.") == "max_per_application"


def test_sums_in_kkr_and_a_counts_table_without_money(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016, title="Uppföljning av lokala utvecklingsprojekt 2015")
        + """
Ärendet

Projekten beviljades sammanlagt 1 210 kkr och utfallet blev 1 150 kkr.

Tabell 1. Antal deltagare per projekt 2014 och 2015

Projekt                                 2014     2015   Förändring

Läxhjälp i Vårberg                       112      131          19
Föräldragrupper i Sätra                   64       58          -6
"""
    )
    amounts = facts_of(tmp_path, text).amounts
    assert {a.raw: a.sek for a in amounts} == {"1 210 kkr": 1_210_000, "1 150 kkr": 1_150_000}


def test_an_exports_mojibake_read_back_in_its_columns(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Lokala utvecklingsmedel 2020")
        + """
Bilaga 1. Export från ansökningssystemet

FÃ¶rvaltning                 Projekt                                       Beviljat kr
Bromma                       SamtalsstÃ¶d fÃ¶r unga                              380 000
SkÃ¤rholmen                   FrÃ¥n placering till eget boende                   450 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Från placering till eget boende"] == (("skarholmen",), 450_000)
    assert got["Samtalsstöd för unga"] == (("bromma",), 380_000)


def test_the_storstadssatsning_and_the_organisations_grants_are_named(tmp_path: Path) -> None:
    storstad = HEAD.format(year=2002, title="Lokala utvecklingsavtal 2002") + (
        "\nÄrendet\n\nInom storstadssatsningen fördelas 12,5 mnkr till stadsdelarna år 2002.\n"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    got = {a.fund_type for a in facts_of(tmp_path / "a", storstad).amounts}
    assert got == {"storstadssatsningen"}
    social = HEAD.format(year=2015, title="Organisationsbidrag 2016") + (
        "\nÄrendet\n\nSocialnämnden fördelar organisationsbidrag om 42 mnkr för 2016.\n"
    )
    assert {a.fund_type for a in facts_of(tmp_path / "b", social).amounts} == {
        "organisationsbidrag"
    }


def test_a_districts_grants_to_organisations_are_its_föreningsbidrag(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 1.4-100/2015
                                                 2015-10-02
Till
Farsta stadsdelsnämnd

Bidrag till ideella organisationer 2016

Förvaltningens förslag till beslut
1. Stadsdelsnämnden beviljar bidrag till ideella organisationer med
   sammanlagt 640 000 kr för 2016.
"""
    assert {a.fund_type for a in facts_of(tmp_path, text).amounts} == {"föreningsbidrag"}


def test_places_and_their_cost_per_activity_are_no_projects(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016, title="Feriejobb sommaren 2016")
        + """
Tabell 1. Planerade platser och kostnader sommaren 2016
Verksamhet                                   Antal      Kostnad,
                                           platser           tkr

Förskolor                                      120         1 150
Äldreomsorg                                     90           860
Parkarbetslag                                   60           570

Summa                                          270         2 580
"""
    )
    assert [p.name for p in facts_of(tmp_path, text).projects] == []


def test_a_report_table_with_a_status_column_of_its_month(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2008, title="Redovisning av lokala utvecklingsprojekt 2007")
        + """
Tabell 1. Lokala utvecklingsprojekt 2007

Stadsdelsförvaltning   Projekt                           Beviljat    Läge mars 2008
                                                         2007, kr

Farsta                 Familjesamtal i praktiken          260 000    Avslutat
Södermalm              Boendestöd med                     240 000    Pågår t.o.m.
                       brukarinflytande                              juni 2008

Summa                                                       500 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.status, p.amount_sek) for p in f.projects}
    assert got == {
        "Familjesamtal i praktiken": ("genomförd", 260_000),
        "Boendestöd med brukarinflytande": ("pågående", 240_000),
    }


def test_a_letterhead_and_a_part_of_the_text_costed_are_no_studies(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Ansökan om lokala utvecklingsmedel 2006")
        + """
SOCIALTJÄNSTNÄMNDEN                     Sida 2

Föreningen Trapphuset driver rådgivning för hemlösa. Projektet beräknas
kosta 480 000 kr.

Studier som föreslås finansieras 2006

Den första studien, "Barn i väntan", följer barn i jourhem. Studien
kostar 600 000 kr.
"""
    )
    names = [p.name for p in facts_of(tmp_path, text).projects]
    assert not any("SOCIALTJÄNSTNÄMNDEN" in n or n.startswith("Studier som") for n in names)


def test_an_exports_reference_and_kind_columns_beside_its_projects(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Lokala utvecklingsmedel och MUL 2020")
        + """
Bilaga 1

Diarienr     Förvaltning           Typ  Projektnamn/resmål                        Beviljat kr

LUM-2020-03  Farsta                LUM  Föräldrastöd i grupp                           310000
LUM-2020-08  Norrmalm              LUM  Boendestöd för unga vuxna                      280000
MUL-2020-02  Skarpnäck             MUL  Oslo – uppsökande arbete                        21000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Föräldrastöd i grupp"] == (("farsta",), 310_000)
    assert got["Oslo – uppsökande arbete"] == (("skarpnack",), 21_000)


def test_a_state_and_city_share_table_under_a_hyphenated_header(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2001, title="Lokala utvecklingsavtal 2002")
        + """
Bilaga 1. Fördelning av medel inom de lokala utvecklingsavtalen år 2002 (tkr)

Stadsdels-       Område             Statligt     Kommunalt       Summa
nämnd                               bidrag       bidrag

Rinkeby          Rinkeby            12 100       12 100         24 200
Kista            Husby               7 400        7 400         14 800

Summa                               19 500       19 500         39 000
"""
    )
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == []
    kinds = {(a.sek, a.kind) for a in f.amounts}
    assert (12_100_000, "state_grant") in kinds
    assert (24_200_000, "budget") in kinds


def test_criteria_set_in_under_a_bullet_that_introduces_them(tmp_path: Path) -> None:
    text = """Socialtjänstförvaltningen                        Pressmeddelande
                                                 2005-03-10

Lokala utvecklingsmedel 2005

FAKTA

•  Socialtjänstnämnden har 2,5 miljoner kronor för lokala utvecklingsmedel 2005.
•  Ansökningarna bedöms efter om projektet
   –  bygger på samverkan med andra verksamheter,
   –  har en plan för att följa upp resultaten,
   –  kan leva vidare efter projekttiden.
•  Resterande 60 000 kronor används till handledning.
"""
    got = [(c.text, c.kind) for c in facts_of(tmp_path, text).criteria]
    assert got == [
        ("bygger på samverkan med andra verksamheter", "criterion"),
        ("har en plan för att följa upp resultaten", "criterion"),
        ("kan leva vidare efter projekttiden", "criterion"),
    ]


def test_the_roles_of_changed_costs_an_average_and_one_associations_grant() -> None:
    assert _role("Åtgärderna beräknas minska kostnaderna med ca 2 mnkr under året.") == "other"
    assert _role("En plats på ett HVB-hem kostar i genomsnitt 1,2 mnkr per år.") == "other"
    assert _role("Kostnaden för försörjningsstödet ökade med 3 mnkr jämfört med 2015.") == "other"
    assert _role("Vi anser att ytterligare 8 mnkr borde ha avsatts för insatserna.") == "other"
    assert _role("Förvaltningen föreslår ett bidrag om 180 000 kronor.") == "project_cost"
    assert _role("Klubben beviljas därför 45 000 kronor.") == "project_cost"
    assert _role("Föreningarna får ett bidrag om sammanlagt 900 000 kronor.") == "total_granted"


def test_a_study_named_in_a_report_and_costed_in_the_next_sentence(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Tertialrapport 1 2017 för socialnämnden")
        + """
Forskning och utveckling

Den stadsövergripande studien Unga vuxna i försörjningsstöd genomförs på
uppdrag av förvaltningen av Ersta Sköndal Bräcke högskola. Studien kostar
850 000 kronor och slutrapporten beräknas vara klar i december 2018.
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {"Unga vuxna i försörjningsstöd": 850_000}
