"""Forty-ninth session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* ongoing multi-year projects under a "Pågående" heading whose "Förslag 1999" column the
  decision grants "enligt förvaltningens förslag i tabell 1" are granted this year;
* a table under the repeated letterhead of an appendix page ("… stadsdelsnämnd   Protokoll
  nr 2/2024"), its header "Beviljad till | Söks 2025" and a former name in brackets under
  a project's name ("(tidigare …)");
* a two-column list introduced by "… beviljats följande projekt." and two more sentences;
* a study table whose performers stand under "Ansvarig för genomförandet", its rows
  numbered in the name's column, and a section "Upphandling" that is no project;
* an association's line over its project's quoted name ("Förening" over '"Projekt"'), the
  call's criteria "utifrån i vilken utsträckning projektet" and its money "utvecklingsstöd";
* a remarks column holding each row's proposal ("Tillstyrks delvis … Förslag 18 000 kr",
  "Avstyrks");
* a list of district | project rows that runs into the next fund's lettered heading;
* a checklist's priorities "ansökningar som gäller" ⏎ boxes ⏎ "kan ges företräde";
* a cap "Sökt belopp är högst …" and a sum under a question to the reader.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD


def test_ongoing_projects_granted_by_the_table_the_decision_names(tmp_path: Path) -> None:
    text = """SOCIALTJÄNSTFÖRVALTNINGEN                            TJÄNSTEUTLÅTANDE
                                                     1999-03-02
                                                     Dnr 106-0077/99
Till Socialtjänstnämnden

Fortsatta lokala utvecklingsmedel år 1999

Förslag till beslut

1. Socialtjänstnämnden beviljar fortsatta lokala utvecklingsmedel för år
   1999 till två pågående projekt med sammanlagt 410 000 kr enligt
   förvaltningens förslag i tabell 1.

Pågående flerårsprojekt

Tabell 1. Projekt som beviljades medel 1998, belopp i kr

Projekt och stadsdelsnämnd          Beviljat    Förslag     Beräknat
                                    1998        1999        2000

Läxhjälp i samverkan med            190 000     210 000     150 000
biblioteket
Farsta

Mötesplats för unga pappor          220 000     200 000     180 000
Kungsholmen

Summa                               410 000     410 000     330 000
"""
    got = {p.name: (p.status, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp i samverkan med biblioteket": ("beviljad", 210_000),
        "Mötesplats för unga pappor": ("beviljad", 200_000),
    }


def test_an_appendix_table_under_its_letterhead_with_recipients_and_a_year_sought(
    tmp_path: Path,
) -> None:
    text = """Farsta stadsdelsnämnd                                    Protokollsutdrag
                                                         Protokoll nr 2/2024
                                                         2024-02-15

§ 9
Lokala utvecklingsprojekt – ansökan om fortsatta medel för 2025

Beslut

Farsta stadsdelsnämnd ansöker hos socialnämnden om fortsatta lokala
utvecklingsmedel för 2025 enligt bilaga 1.

\f
Farsta stadsdelsnämnd                                    Protokoll nr 2/2024
                                                         Bilaga 1 till § 9


LUM-projekt, belopp i tkr

Projekt                         Beviljad      Period        2023    2024    Söks
                                till                                        2025
Samtalsstöd för unga            Farsta        2023–2025      210     190     170
(tidigare Samtalsstöd i
Hökarängen)
Hembesök hos nyblivna           Farsta        2023–2025      260     240     220
föräldrar
Summa                                                        470     430     390
"""
    names = {p.name for p in facts_of(tmp_path, text).projects}
    assert names == {"Samtalsstöd för unga", "Hembesök hos nyblivna föräldrar"}


def test_a_two_column_list_after_an_introduction_of_three_sentences(tmp_path: Path) -> None:
    text = HEAD.format(year=2013, title="Årsrapport om FoU-medel 2012") + (
        """
Lokala utvecklingsmedel 2012

Lokala utvecklingsmedel har under 2012 beviljats följande projekt.
Projekten genomförs av förvaltningarnas egen personal. I några fall
har förvaltningen själv anlitat en forskare som stöd, och i ett fall
har två förvaltningar sökt tillsammans.

Farsta                     Samtal med äldre om ensamhet

Skarpnäck                  Gruppstöd för syskon till barn med
                           funktionsnedsättning

Bromma                     Digital väg in till försörjningsstöd

De beviljade projekten fick sammanlagt 1,2 mnkr.
"""
    )
    got = {
        p.name: tuple(d.name_as_printed for d in p.districts)
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Samtal med äldre om ensamhet": ("Farsta",),
        "Gruppstöd för syskon till barn med funktionsnedsättning": ("Skarpnäck",),
        "Digital väg in till försörjningsstöd": ("Bromma",),
    }


def test_numbered_studies_their_performers_responsible_and_a_procurement_section(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2006, title="Stadsövergripande FoU-studier 2006") + (
        """
Pågående studier

Studie                      Ansvarig för genomförandet     Klar        Kostnad, kr
1  Nattvandrare i           Institutionen för socialt      dec 2007        620 000
   ytterstaden              arbete, Göteborgs
                            universitet
2  Tolk i                   Malmö högskola                 jun 2007        410 000
   barnavårdsutredningar

Upphandling

Studie 2 har upphandlats. Tre anbud kom in. Uppdraget har tilldelats
Malmö högskola, vars anbud om 410 000 kr bedömdes vara det mest
fördelaktiga.
"""
    )
    got = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Nattvandrare i ytterstaden": "Institutionen för socialt arbete, Göteborgs universitet",
        "Tolk i barnavårdsutredningar": "Malmö högskola",
    }


def test_associations_over_their_quoted_projects_and_the_calls_criteria(
    tmp_path: Path,
) -> None:
    text = """IDROTTSNÄMNDEN                                    Protokollsutdrag
                                                  2021-03-16
§ 7
Utvecklingsstöd till idrottsföreningar 2021

Beslut
Idrottsnämnden beviljar utvecklingsstöd om sammanlagt 330 000 kronor
till de två föreningsprojekt som anges i bilagan.

Ärendet
Förvaltningen har bedömt ansökningarna utifrån i vilken utsträckning
projektet

– når barn som i dag inte idrottar i en förening,
– bygger på samverkan med skolan,
– kan leva vidare när stödet upphör.

Bilaga

Nr  Förening                                             Sökt     Förslag
    "Projekt"

 1  Gubbängens Bordtennisklubb                        200 000     180 000
    "Pingis efter skolan"

 2  Bagarmossens Orienteringsklubb                    170 000     150 000
    "Kartläsning för nybörjare i
    naturreservatet"
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.fund_type) for p in f.projects}
    assert got == {
        "Pingis efter skolan": (180_000, "utvecklingsstöd"),
        "Kartläsning för nybörjare i naturreservatet": (150_000, "utvecklingsstöd"),
    }
    assert [(c.kind, c.fund_type) for c in f.criteria] == [("criterion", "utvecklingsstöd")] * 3


def test_a_remarks_column_holds_each_rows_proposal(tmp_path: Path) -> None:
    text = HEAD.format(year=2004, title="Medel för studiebesök (MUST) 2004") + (
        """
Förvaltningens förslag står i kolumnen Anmärkning.

Nr  Sökande               Resmål och syfte                 Sökt kr  Anmärkning

1.  Bromma sdf, IFO       Bergen. Mottagning för unga       21 000  Tillstyrks.
                          vuxna                                     Förslag 21 000 kr

2.  Farsta sdf,           Vilnius. Boende för hemlösa       36 000  Tillstyrks delvis,
    vuxenenheten          kvinnor                                   två deltagare.
                                                                    Förslag 18 000 kr

3.  Vantör sdf,           Wien. Konferens om                30 000  Avstyrks. Avser
    missbruksenheten      beroendevård                              en konferens.
"""
    )
    got = {
        p.name.split(".")[0]: (p.status, p.amount_sek) for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Bergen": ("beviljad", 21_000),
        "Vilnius": ("beviljad", 18_000),
        "Wien": ("ansökt", 30_000),
    }


def test_a_district_project_list_ends_at_the_next_funds_lettered_heading(tmp_path: Path) -> None:
    text = HEAD.format(year=2001, title="Fördelning av FoU-medel och studiebesöksmedel 2001") + (
        """
A. Utvecklingsprojekt (FoU-medel)

   Farsta            Läsfrämjande i förskolan           210 000 kr
   Bromma            Stöd till unga anhöriga            190 000 kr

B. Studiebesök (MUST)

   Vantör            Tallinn, familjecentral             31 000 kr
   Skarpnäck         Riga, uppsökande arbete             27 000 kr
"""
    )
    got = {p.name: p.fund_type for p in facts_of(tmp_path, text).projects}
    assert got["Tallinn, familjecentral"] == "MUST"
    assert got["Riga, uppsökande arbete"] == "MUST"
    assert got["Läsfrämjande i förskolan"] != "MUST"


def test_a_checklists_priorities_closed_by_their_preference(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                  Dnr 3.2-111/2021
                                                     2021-09-01


CHECKLISTA FÖR SÖKANDE
Lokala utvecklingsmedel (LUM) 2022


A. Förutsättningar

☐  Ansökan avser utvecklingsarbete som genomförs under 2022.
☐  Avdelningschefen har godkänt ansökan.


B. Bedömning

Ansökningarna rangordnas efter hur väl de uppfyller kriterierna nedan.

☐  1. bygger på kunskap om vad som fungerar,
☐  2. involverar brukarna i arbetet.

Socialnämnden har dessutom angett att ansökningar som gäller

☐  unga vuxna som lämnar samhällsvård, eller
☐  personer med spelberoende

kan ges företräde när två ansökningar bedöms som likvärdiga.


C. Ekonomi

☐  Sökt belopp är högst 450 000 kronor.


Söker du medel till en studieresa?

Högsta belopp per resa är 25 000 kronor och ansökan kan lämnas när som helst.
"""
    f = facts_of(tmp_path, text)
    got = [(c.kind, c.fund_type, c.text) for c in f.criteria]
    assert got == [
        ("criterion", "LUM", "bygger på kunskap om vad som fungerar"),
        ("criterion", "LUM", "involverar brukarna i arbetet"),
        ("priority", "LUM", "unga vuxna som lämnar samhällsvård"),
        ("priority", "LUM", "personer med spelberoende"),
    ]
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[450_000] == "max_per_application"
    assert kinds[25_000] == "max_per_application"


def test_a_period_beside_the_report_due_and_a_time_column_of_school_terms(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2020, title="Årsrapport om FoU-medel 2019") + (
        """
Tabell 1. Stadsövergripande studier 2019

Studie                 Utförare          Period        Slut-       Kostnad,
                                                       rapport     tkr

Skolfrånvaro och       Västra            2018-08 –     okt 2020        760
socialtjänst           högskolan         2020-06

Tabell 2. Projekt med lokala utvecklingsmedel 2019

Förvaltning            Projekt                        Tid              Beviljat,
                                                                       kr

Bromma                 Läxhjälp på fritidsgården      läsåret          300 000
                                                      2018/19

Farsta                 Stöd till unga pappor          vt 2019          250 000
"""
    )
    ends = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends["Skolfrånvaro och socialtjänst"] == dt.date(2020, 6, 1)
    assert ends["Läxhjälp på fritidsgården"] == dt.date(2019, 6, 30)
    assert ends["Stöd till unga pappor"] == dt.date(2019, 6, 30)


def test_a_rows_own_fund_beside_the_section_on_its_project(tmp_path: Path) -> None:
    text = HEAD.format(year=2024, title="Uppföljning av projekt 2022–2024") + (
        """
Tabell 1. Medel från socialnämnden (tkr)

Projekt/studieresa           Medel    2022     2023     Summa   Beviljat till
Boendestöd för unga          LUM       400      380       780   Bromma
vuxna
Studieresa Bergen –          MUL      21,5        –      21,5   Bromma
mötesplatser för äldre

Studieresor

Resan till Bergen gjordes i maj 2022.

Boendestöd för unga vuxna

Projektet avslutades i december 2023.
"""
    )
    funds = {p.name: p.fund_type for p in facts_of(tmp_path, text).projects}
    assert funds["Boendestöd för unga vuxna"] == "LUM"


def test_a_list_introduced_by_a_sentence_that_wraps_before_its_verb(tmp_path: Path) -> None:
    text = HEAD.format(year=2003, title="Lokala utvecklingsmedel, andra omgången 2003") + (
        """
Fem ansökningar har kommit in. En ansökan om 90 000 kr har återkallats av
sökanden. Förvaltningen föreslår att följande tre
projekt beviljas bidrag för år 2003:

Bromma             Läsombud i förskolan                          140 000 kr

Farsta             Samtalsgrupper för unga                       120 000 kr
                   pappor

Vantör             Stöd till barn i skuldsatta familjer          110 000 kr
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läsombud i förskolan": 140_000,
        "Samtalsgrupper för unga pappor": 120_000,
        "Stöd till barn i skuldsatta familjer": 110_000,
    }


def test_an_agreements_clauses_and_a_studys_parts_are_no_projects(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                           AVTAL
SOCIALTJÄNSTFÖRVALTNINGEN                                 Dnr 406-0311/2004
                                                          2004-02-02

UPPDRAGSAVTAL

om studien "Hemlöshet bland unga vuxna – en kartläggning"


1. Parter

Beställare     Stockholms stad genom socialtjänstförvaltningen,
               FoU-enheten

Utförare       Norrviks högskola, Institutionen för socialt arbete


2. Uppdrag

Studien omfattar
- en enkät till samtliga härbärgen i staden
- intervjuer med cirka 30 unga vuxna
- en genomgång av akter i två stadsdelar.


3. Ersättning

För uppdraget betalar beställaren ett fast pris om 640 000 kronor.
"""
    names = [p.name for p in facts_of(tmp_path, text).projects]
    assert names == ["Hemlöshet bland unga vuxna – en kartläggning"]


def test_criteria_the_assessors_looked_to(tmp_path: Path) -> None:
    text = HEAD.format(year=1999, title="Lokala utvecklingsmedel 1999") + (
        """
Bedömning

Vid genomgången av ansökningarna har förvaltningen särskilt
sett till att projektet

a) gäller barn eller familjer med sammansatta problem,
b) har en plan för hur arbetet ska följas upp,
c) kan ha betydelse även för andra stadsdelar.

Alla ansökningar har inte kunnat prioriteras.
"""
    )
    got = [(c.kind, c.text) for c in facts_of(tmp_path, text).criteria]
    assert got == [
        ("criterion", "gäller barn eller familjer med sammansatta problem"),
        ("criterion", "har en plan för hur arbetet ska följas upp"),
        ("criterion", "kan ha betydelse även för andra stadsdelar"),
    ]
