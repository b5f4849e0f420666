"""Thirty-fifth session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* a report's table whose "Status" column prints "Fortsätter" over the year it goes on to
  ("2021") on the wrapped line: the year is no sum and the wrapped line no row of its own;
* a report's part "Exempel på resultat" over "Projektet <Name> i <District> har …" names no
  project;
* the office's name and unit printed over its postal address at a page's foot are page
  furniture, not the owner of the study after the page break;
* a district's application whose summary says "…, varav N kronor söks i lokala
  utvecklingsmedel" and "…, som är medsökande": the applied project's sum and partner; its
  study visit "Studiebesök i <Ort> – <purpose>" as a title of two lines over "Förvaltningen
  söker medel …" and "Sökt belopp: N kronor";
* "Ändrade förutsättningar" and "Bedömning av de kompletterade ansökningarna" are the
  decision's own parts, no studies;
* "kan ett projekt beviljas högst N kronor" is a cap, "beräknas N kronor kunna fördelas" a
  budget;
* two tables printed side by side on a landscape page are read one after the other;
* a spreadsheet pivot's "Summa av Sökt" header, its "<District> Summa" group rows and its
  "(tom)" label;
* a header whose labels stand over their years ("Budget" over "2016", "Ombudgeteras" over
  "till 2017"), and "Total budget | Sökt stöd från ESF | Stadens medfinans.";
* "Följande utredningar föreslås." over numbered studies with "Ansvarig:" and "Kostnad"
  lines; a protocol's "Justerandes signatur" row is no project; "ansökte om N kr men
  beviljades M kronor" gives the grant;
* "teckna avtal … om studien "X" till en kostnad av högst N kr";
* a trip's heading over the fund's budget and then the sum applied for;
* a decision's grant "… enligt bilaga 1" and its section headed "<Name> (<nämnd>)" are one
  project;
* "Organisation / verksamhet | Period | Avtalat | Utbetalt": the agreed sum;
* a criteria list whose dash OCR read as "~";
* "tilldelar <utförare> uppdraget att utvärdera <X> till ett fast pris om N kronor": the
  study "Utvärdering av <X>";
* "finansierar gemensamt samverkansprojektet <Name> …": a project named after a compound
  noun.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_ss import _projects


def test_a_status_columns_year_on_the_wrapped_line_is_no_row(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021, title="Redovisning av lokala utvecklingsmedel 2020")
        + """
Lokala utvecklingsprojekt

Förvaltning              Projekt                              Beviljat    Status
                                                              2020, kr

Farsta                   Nätverk för kontaktfamiljer i         310 000    Avslutat
                         södra förorterna
Spånga-Tensta            Läxstöd i samverkan med               260 000    Fortsätter
                         biblioteket                                      2021
Norrmalm                 Samtalsgrupper för äldre              190 000    Fortsätter
                         anhörigvårdare                                   2021

Summa                                                          760 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Nätverk för kontaktfamiljer i södra förorterna": (("farsta",), 310000),
        "Läxstöd i samverkan med biblioteket": (("spanga-tensta",), 260000),
        "Samtalsgrupper för äldre anhörigvårdare": (("norrmalm",), 190000),
    }


def test_a_reports_examples_part_and_an_address_block_name_no_project(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Redovisning av medel för forskning och utveckling 2018")
        + """
Stadsövergripande studier

Under 2018 har följande studier finansierats.

Unga vuxna som lämnar samhällsvården
Högskolan i Gävle har följt 60 unga vuxna under två år efter placeringen.
Studien kostade 540 000 kronor.



Socialförvaltningen
Avdelningen för stadsövergripande sociala frågor
Box 8700
104 20 Stockholm
Telefon 08-508 00 000
\f
Skuldsanering för familjer med barn
Ett konsultföretag har utvärderat budgetrådgivningens arbete med
familjer i skuld. Studien kostade 380 000 kronor.

Exempel på resultat

Projektet Kvällsöppen mottagning i Skarpnäck har prövat längre
öppettider för unga. Arbetssättet har införts i ordinarie verksamhet.

Projektet Stödsamtal för syskon i Bromma har nått 40 familjer.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert "Exempel på resultat" not in got
    assert got["Skuldsanering för familjer med barn"] == ((), 380000)


def test_an_applications_summary_gives_its_projects_sum_and_partner(tmp_path: Path) -> None:
    text = """Skarpnäcks stadsdelsförvaltning                          Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg               Dnr 503-101/2012
                                                         Sida 1 (3)
                                                         2012-08-20
Handläggare                                              Till
Eva Exempel                                              Skarpnäcks stadsdelsnämnd
                                                         2012-09-13

Ansökan om lokala utvecklingsmedel och medel för
studiebesök för 2013

Förvaltningens förslag till beslut

1.  Skarpnäcks stadsdelsnämnd godkänner förvaltningens ansökan till
    socialnämnden om lokala utvecklingsmedel för 2013 till projektet
    Samordnat stöd till unga föräldrar.

Sammanfattning

Förvaltningen vill under 2013 pröva ett samordnat stöd till unga
föräldrar. Projektet genomförs tillsammans med Farsta
stadsdelsförvaltning, som är medsökande. Projektets kostnad för 2013
beräknas till 540 000 kronor, varav 380 000 kronor söks i lokala
utvecklingsmedel. Förvaltningen söker även 12 400 kronor i medel för
studiebesök (MUST) för ett besök i Malmö.

Projektet Samordnat stöd till unga föräldrar

Familjebehandlarna möter allt fler unga föräldrar som saknar nätverk.
Projektet ska pröva gruppverksamhet och hembesök.

Studiebesök i Malmö – stöd till unga föräldrar i
flerspråkiga områden

Förvaltningen söker medel för att tre medarbetare ska besöka Malmö
stads familjecentral i Rosengård.

Sökt belopp: 12 400 kronor.
"""
    got = _projects(facts_of(tmp_path, text))
    assert got["Samordnat stöd till unga föräldrar"] == (("farsta", "skarpnack"), 380000)
    trip = "Studiebesök i Malmö – stöd till unga föräldrar i flerspråkiga områden"
    assert got[trip] == (("skarpnack",), 12400)


def test_a_decisions_own_parts_are_no_studies(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Tillägg till fördelning av lokala utvecklingsmedel 2017")
        + """
Bakgrund

Socialnämnden återremitterade ärendet och medlen utökades med 1 mnkr.
Förvaltningen föreslår att ytterligare två projekt beviljas.

Ändrade förutsättningar

Under hösten kom fler ansökningar om stöd till nyanlända familjer.
Förvaltningen har gett de sökande möjlighet att komplettera.

Bedömning av de kompletterade ansökningarna

De kompletterade ansökningarna har bedömts utifrån samma kriterier.

Projekt                                    Förvaltning          Belopp, kr

Mottagning för nyanlända familjer          Bromma                  240 000
Språkcaféer för föräldrar                  Skärholmen              180 000

Summa                                                              420 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Mottagning för nyanlända familjer": (("bromma",), 240000),
        "Språkcaféer för föräldrar": (("skarholmen",), 180000),
    }


def test_a_cap_with_its_subject_between_and_a_sum_that_can_be_shared(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2023, title="Inriktning för lokala utvecklingsmedel 2024")
        + """
Lokala utvecklingsmedel (LUM)

Ett projekt kan beviljas högst 400 000 kronor per år. Om två förvaltningar
söker gemensamt kan ett projekt beviljas högst 650 000 kronor per år.

Studieresor (MUL)

En studieresa kan beviljas högst 25 000 kronor. Sammanlagt beräknas
220 000 kronor kunna fördelas till studieresor 2024.
"""
    )
    kinds = {a.sek: a.kind for a in facts_of(tmp_path, text).amounts}
    assert kinds[400000] == kinds[650000] == kinds[25000] == "max_per_application"
    assert kinds[220000] == "budget"


def test_two_tables_printed_side_by_side_are_read_one_after_the_other(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Lokala utvecklingsmedel och MUST 2013")
        + """
Bilaga 1

Tabell 1. Lokala utvecklingsmedel 2013                           Tabell 2. MUST 2013

Förvaltning          Projekt                          Tkr        Förvaltning          Resmål och syfte                  Kr
Farsta               Stödgrupper för unga             320        Bromma               Bergen - barnahus och          21 000
                     pappor                                                           samråd
Skarpnäck            Läxhjälp i                       280        Norrmalm             Riga - stöd till unga          18 500
                     samverkan                                                        i hemlöshet
Summa                                                 600        Summa                                               39 500

Beloppen i tabell 1 anges i tusentals kronor och i tabell 2 i kronor.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Stödgrupper för unga pappor": (("farsta",), 320000),
        "Läxhjälp i samverkan": (("skarpnack",), 280000),
        "Bergen - barnahus och samråd": (("bromma",), 21000),
        "Riga - stöd till unga i hemlöshet": (("norrmalm",), 18500),
    }


def test_a_spreadsheet_pivot_with_group_sums_and_an_empty_label(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2015, title="Fördelning av lokala utvecklingsmedel 2016")
        + """
Bilaga 1

Stadsdelsförvaltning     Projekt (kortnamn)          Summa av Sökt   Summa av Förslag
Bromma                   Stöd till tonårsföräldrar          410000             330000
Bromma Summa                                                410000             330000
Farsta                   Mobilt team unga vuxna             470000             420000
Farsta Summa                                                470000             420000
Skärholmen               (tom)                              150000
Skärholmen Summa                                            150000
Totalsumma                                                 1030000             750000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Stöd till tonårsföräldrar": (("bromma",), 330000),
        "Mobilt team unga vuxna": (("farsta",), 420000),
    }


def test_headers_of_two_lines_and_of_a_projects_whole_budget(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2018, title="Ombudgetering av projektmedel från 2017 till 2018")
        + """
Tabell 1. Stadsövergripande studier, tkr

                                                Budget  Förbrukat  Ombudgeteras
Studie                       Utförare             2017       2017     till 2018
Hemtjänst för äldre med      Ersta Sköndal          800        350           450
missbruk                     högskola
Summa                                               800        350           450

Tabell 2. Projekt med stöd ur socialfonden, kronor

                                  Total        Sökt stöd        Stadens
Projekt           Projektägare    budget       från ESF      medfinans.
Nya steg          Farsta         6 400 000     3 200 000      1 600 000
Jobbvägen         Skärholmen     5 200 000     2 600 000      1 300 000
Summa                           11 600 000     5 800 000      2 900 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Hemtjänst för äldre med missbruk": ((), 800000),
        "Nya steg": (("farsta",), 6400000),
        "Jobbvägen": (("skarholmen",), 5200000),
    }


def test_a_protocols_numbered_studies_and_a_grant_below_the_sum_applied_for(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2000, title="Beställning av utredningar 2000")
        + """
Följande utredningar föreslås.

1. Ensamstående mödrar med försörjningsstöd - en uppföljning.
   Ansvarig: docent Per Exempel. Klar juni 2001.
   Kostnad 360 000 kr.

2. Äldre med missbruk i hemtjänsten.
   Ansvarig: fil.dr Eva Exempel. Klar december 2000.
   Kostnad 290 000 kr.


Justerandes signatur
...................   ...................
\f
Socialnämnden beslutade den 10 december 1999 att bevilja Farsta
stadsdelsförvaltning lokala utvecklingsmedel för projektet
"Trygga övergångar till vuxenlivet". Förvaltningen ansökte om
650 000 kr men beviljades 480 000 kronor.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Ensamstående mödrar med försörjningsstöd - en uppföljning": ((), 360000),
        "Äldre med missbruk i hemtjänsten": ((), 290000),
        "Trygga övergångar till vuxenlivet": (("farsta",), 480000),
    }


def test_a_study_ordered_in_a_decision_at_a_cost(tmp_path: Path) -> None:
    text = """SOCIALTJÄNSTFÖRVALTNINGEN                          TJÄNSTEUTLÅTANDE
FoU-enheten                                        Dnr 406-0101/2004
                                                   Sida 1 (2)
                                                   2004-03-02
Handläggare: Eva Exempel                           Till
Telefon: 508 25 000                                Socialtjänstnämnden

Uppdrag till Stockholms universitet om en studie av unga vuxna

Förslag till beslut

1.  Socialtjänstnämnden ger förvaltningen i uppdrag att teckna avtal
    med Institutionen för socialt arbete vid Stockholms universitet om
    studien "Vägar ut ur försörjningsstöd" till en kostnad av högst
    840 000 kr.
"""
    got = _projects(facts_of(tmp_path, text))
    assert got == {"Vägar ut ur försörjningsstöd": ((), 840000)}


def test_a_trips_heading_over_the_funds_budget_and_the_sum_applied_for(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2008, title="Tillägg till fördelning av lokala utvecklingsmedel 2008")
        + """
Studiebesök i Aarhus

Socialtjänstnämnden har för 2008 avsatt 250 000 kr för studiebesök
(MUST), varav 40 000 kr återstår. Farsta stadsdelsnämnd har ansökt om
16 000 kr för att två socialsekreterare ska besöka Aarhus kommun.
Förvaltningen föreslår att ansökan beviljas.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {"Studiebesök i Aarhus": (("farsta",), 16000)}


def test_a_decisions_grant_and_its_section_named_with_the_committee_are_one(
    tmp_path: Path,
) -> None:
    text = """Stadsledningskontoret                            Tjänsteutlåtande
Avdelningen för ekonomisk styrning               Dnr KS 2018/0456
                                                 Sida 1 (3)
                                                 2018-04-11
Handläggare                                      Till
Per Exempel                                      Kommunstyrelsen

Medel ur den sociala investeringsfonden 2018

Förslag till beslut

1. Farsta stadsdelsnämnd beviljas 3,2 mnkr ur den sociala
   investeringsfonden för åren 2018–2020 för insatsen Tidiga hembesök
   – stöd till nyblivna föräldrar, som genomförs tillsammans med
   Skarpnäcks stadsdelsnämnd, enligt bilaga 1 till utlåtandet.
2. Idrottsnämnden beviljas 2,1 mnkr ur fonden för insatsen Rörelse i
   skolan enligt bilaga 1 till utlåtandet.

Insatserna

Tidiga hembesök - stöd till nyblivna föräldrar (Farsta stadsdelsnämnd)

Insatsen ska pröva hembesök av barnmorska och socialsekreterare.
Farsta beviljas 3,2 mnkr för åren 2018–2020.
"""
    got = {k.replace("–", "-"): v for k, v in _projects(facts_of(tmp_path, text)).items()}
    assert got == {
        "Tidiga hembesök - stöd till nyblivna föräldrar": (("farsta", "skarpnack"), 3200000),
        "Rörelse i skolan": ((), 2100000),
    }


def test_a_partnerships_agreed_and_paid_sums(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2022, title="Uppföljning av idéburna offentliga partnerskap 2021")
        + """
Organisation /                 Period       Avtalat        Utbetalt
verksamhet                                  2021           2021

Föreningen Nattljus            2020–2022    1 600 000      1 600 000
Mötesplats för unga
vuxna

Stiftelsen Bron                2021–2023      900 000        675 000
Stödsamtal för anhöriga

Summa                                       2 500 000      2 275 000
"""
    )
    f = facts_of(tmp_path, text)
    assert {(p.name, p.amount_sek, p.performer) for p in f.projects} == {
        ("Mötesplats för unga vuxna", 1600000, "Föreningen Nattljus"),
        ("Stödsamtal för anhöriga", 900000, "Stiftelsen Bron"),
    }


def test_criteria_whose_dash_ocr_read_as_a_tilde(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2002, title="Fördelning av lokala FoU-medel 2002")
        + """
Vid bedömningen av ansökningarna har förvaltningen tagit särskild
hänsyn till om projektet

-   har en plan för dokumentation och uppföljning,
~   genomförs tillsammans med en högskola,
-   omfattar flera stadsdelsnämnder.
"""
    )
    assert [c.text for c in facts_of(tmp_path, text).criteria] == [
        "har en plan för dokumentation och uppföljning",
        "genomförs tillsammans med en högskola",
        "omfattar flera stadsdelsnämnder",
    ]


def test_a_project_named_after_a_compound_noun(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Gemensam finansiering av ett samverkansprojekt 2018–2020")
        + """
Bakgrund

Landstinget och staden finansierar gemensamt samverkansprojektet Mobilt
team för unga med samsjuklighet under perioden 2018–2020.
Projektets kostnad, högst 9,6 mnkr för hela perioden, fördelas lika
mellan parterna.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {"Mobilt team för unga med samsjuklighet": ((), 9600000)}


def test_a_study_commissioned_by_what_it_is_to_do(tmp_path: Path) -> None:
    text = """Stadsledningskontoret                            Tjänsteutlåtande
Socialt hållbar utveckling                       Dnr KS 2014/0312
                                                 Sida 1 (2)
                                                 2014-03-11
Handläggare                                      Till
Per Exempel                                      Kommunstyrelsen

Tilldelning av uppdrag att utvärdera arbetet med nattvandrare

Förslag till beslut

1.  Kommunstyrelsen tilldelar Malmö universitet uppdraget att
    utvärdera stadens stöd till nattvandrande föreningar till ett fast
    pris om 640 000 kronor exklusive mervärdesskatt.
"""
    got = _projects(facts_of(tmp_path, text))
    assert got == {"Utvärdering av stadens stöd till nattvandrande föreningar": ((), 640000)}
