"""Thirty-sixth session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* a study described under its full name ("<X> i tre stadsdelar") and costed in the
  appendix's narrow table row as "<X> (tre sdf)": one study, with the row's cost;
* a district's application whose "Projekt 1: <Name>" section says what the project was
  granted the year before ("beviljades då N kronor") and ends in a cost table under
  "Kostnadspost          Kronor" with "Sökt belopp LUM   M": the project's sum is M, the
  table's header row is no project, and "<District> stadsdelsförvaltning är medsökande" in
  the section makes that district a partner;
* a decision's grant whose own section says "<District> stadsdelsförvaltning är medsökande";
* a summary table by fund whose row label wraps its fund's short name onto the next line
  ("Medel för utveckling och" ⏎ "lärande (MUL)");
* an association's running grant in a decision's list ("<Förening>, verksamhetsbidrag") is
  no project, its "<Förening>, projektet <Name>" is the project <Name>;
* a decision item's grant list set in under "enligt följande:" belongs to it, and the next
  item "Ansökan från föreningen X om bidrag till <purpose> avslås." is an application turned
  down, its sum where the text states it (a district's trip so turned down is its
  destination's, the district its owner);
* an association table whose "Verksamhetsbidrag" rows stand among rows of named activities:
  the activities stay projects;
* "prioriteras föreningar vars verksamhet" over a bullet list, and "prioriterar
  socialtjänstnämnden projekt som" over a dash list: criteria;
* another municipality's paper ("HAGBY KOMMUN" at its head): its "socialförvaltningen" is no
  Stockholm office;
* "Av medlen föreslås N användas till insatser som …:" over a dash list with sums, and
  "… till tre projekt:" over three bullets "<District> - <Name>": projects;
* a net budget ("mot nämndens nettobudget om …"), money moved to the next year ("få föra
  över N av årets överskott") and costs that rise ("kostnaderna ökar med sammanlagt …");
* a body's budget per area ("Budget 2021 per verksamhetsområde, tkr"): frames, no fund from
  the text before;
* a word set in over the last column ("Beräknad" over "besparing"); "Följande försök
  föreslås." over numbered pilots; a project label right under a heading;
* criteria-mark columns ("K1  K2  K3") and their points' "Summa" beside a project table; a
  "Summa studier" row closes the studies (the rows after it are no studies); a table of sums
  applied for only lists applications; rows named by a letter take the name the appendix
  sets out for it;
* column labels set on end over the header, one letter to a line ("2008 tkr" read down);
* a heading run into the sentence under it ("… för unga familjer" ⏎ "Socialnämnden
  beviljade …") ends the name there.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_ss import _projects

from pipeline.facts.roles import amount_role
from pipeline.lang.amounts import find_amounts


def test_a_study_described_in_full_and_costed_in_a_narrow_row(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2008, title="Förslag till FoU-studier 2008")
        + """
Föreslagna studier

Hemtjänstens stöd till äldre med demens i tre stadsdelar. Studien
jämför hur hemtjänsten i Bromma, Farsta och Vantör möter äldre med
demens. Studien genomförs av Karolinska institutet.

Placerade barns skolgång. Studien följer skolresultaten för barn i
familjehem. Studien genomförs av Stockholms universitet.

Bilaga 1. Föreslagna studier

Studie                     Utförare                   Kostnad, kr

Hemtjänstens stöd till     Karolinska institutet          640 000
äldre med demens (tre sdf)
Placerade barns skolgång   Stockholms universitet         510 000

Summa                                                   1 150 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Hemtjänstens stöd till äldre med demens i tre stadsdelar"][1] == 640_000
    assert got["Placerade barns skolgång"][1] == 510_000
    assert len(got) == 2


_APPLICATION = """Farsta stadsdelsförvaltning                            Tjänsteutlåtande
Avdelningen för individ- och                           Dnr 6.1-300/2018
familjeomsorg                                          Sida 1 (2)
                                                       2018-08-28
Handläggare                                            Till
Eva Exempel                                            Farsta
Telefon: 08-508 00 000                                 stadsdelsnämnd

Ansökan till socialnämnden om lokala utvecklingsmedel 2019

Förvaltningens förslag till beslut

1. Farsta stadsdelsnämnd godkänner förvaltningens ansökan om lokala
   utvecklingsmedel 2019 för projektet ”Trygga övergångar – stöd
   till unga som lämnar familjehem”, år två.

2. Beslutet justeras omedelbart.

Ärendet

Projekt 1: Trygga övergångar – stöd till unga som lämnar familjehem

Projektet startade i februari 2018 och beviljades då 310 000 kronor i
lokala utvecklingsmedel. Under året har fjorton ungdomar fått stöd av
en utslussningscoach. Skarpnäcks stadsdelsförvaltning är medsökande
även för år två.

Budget för år två

Kostnadspost                                              Kronor

Utslussningscoach 50 procent                             290 000
Handledning                                               60 000

Summa kostnader                                          350 000
Avgår egen finansiering                                   20 000
Sökt belopp LUM                                          330 000
"""


def test_an_applications_section_with_last_years_grant_and_a_cost_table(
    tmp_path: Path,
) -> None:
    got = _projects(facts_of(tmp_path, _APPLICATION))
    assert got == {
        "Trygga övergångar – stöd till unga som lämnar familjehem": (
            ("farsta", "skarpnack"),
            330_000,
        )
    }


def test_a_decisions_grant_whose_section_names_a_co_applicant(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Tillägg till lokala utvecklingsmedel 2021").replace(
            "1. Socialnämnden beviljar medel enligt förvaltningens förslag.",
            "1. Socialnämnden beviljar Bromma stadsdelsförvaltning 240 000 kronor\n"
            "   i lokala utvecklingsmedel 2021 för projektet ”Läxstöd i\n"
            "   biblioteken”.\n"
            "2. Socialnämnden beviljar Farsta stadsdelsförvaltning 180 000 kronor\n"
            "   i lokala utvecklingsmedel 2021 för projektet ”Äldre i rörelse”.",
        )
        + """
Ärendet

Farsta – ”Äldre i rörelse”

Projektet ska erbjuda gruppträning på två träffpunkter för äldre.
Förvaltningen föreslår att projektet beviljas sökta 180 000 kronor.

Bromma – ”Läxstöd i biblioteken”

Projektet ska pröva läxstöd på tre bibliotek i samverkan med
skolornas elevhälsa. Hässelby-Vällingby stadsdelsförvaltning är
medsökande. Förvaltningen föreslår att projektet beviljas 240 000
kronor.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Läxstöd i biblioteken"] == (("bromma", "hasselby-vallingby"), 240_000)
    assert got["Äldre i rörelse"] == (("farsta",), 180_000)


def test_a_fund_tables_row_label_wraps_its_funds_name(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Tillägg till LUM och MUL 2021")
        + """
Sammanställning efter tillägget, kronor

                              Huvudärendet      Tillägget        Totalt
Lokala utvecklingsmedel          2 400 000        210 000     2 610 000
(LUM)
Medel för utveckling och           190 000         12 000       202 000
lärande (MUL)
Summa                            2 590 000        222 000     2 812 000
"""
    )
    funds = {a.sek: a.fund_type for a in facts_of(tmp_path, text).amounts}
    assert funds[2_400_000] == funds[2_610_000] == "LUM"
    assert funds[190_000] == funds[12_000] == funds[202_000] == "MUL"
    assert funds[2_812_000] is None


def test_an_associations_running_grant_in_a_decisions_list(tmp_path: Path) -> None:
    text = """HAGBY KOMMUN                           SAMMANTRÄDESPROTOKOLL
Socialnämnden                          2016-11-15                 1 (2)

§ 71                   Dnr SOC 2016/90

Bidrag till ideella föreningar 2017

Socialnämndens beslut
1. Socialnämnden beviljar bidrag för 2017 enligt följande:

   Hagby Kvinnojour, verksamhetsbidrag                   240 000 kr
   Föreningen Trygga Hagby, projektet Nattvandring i
   centrum fredagskvällar                                 28 000 kr
   Anhörigföreningen i Hagby, samtalsgrupper för
   anhöriga till äldre med demens                         21 000 kr

Sammanfattning av ärendet
Nämnden har i budget 2017 avsatt 400 000 kronor för bidrag till
ideella föreningar.
"""
    got = _projects(facts_of(tmp_path, text))
    assert set(got) == {
        "Nattvandring i centrum fredagskvällar",
        "samtalsgrupper för anhöriga till äldre med demens",
    }


def test_running_grants_among_named_activities_of_an_association_table(
    tmp_path: Path,
) -> None:
    text = """Vantörs stadsdelsnämnd                                PROTOKOLLSUTDRAG
                                                      2017-03-16
                                                      Sida 1 (1)
§ 12
Föreningsbidrag 2017
Dnr 1.5-80/2017
Stadsdelsnämndens beslut
1. Vantörs stadsdelsnämnd beviljar föreningsbidrag enligt
   förvaltningens förslag.

Enligt nämndens riktlinjer för föreningsbidrag prioriteras
föreningar vars verksamhet
   •  vänder sig till barn och unga,
   •  bryter isolering bland äldre, och
   •  är öppen för alla boende.

Förening                   Verksamhet                       Sökt, kr    Förslag, kr
Rågsveds IF                Fotbollsskola för                  40 000         30 000
                           nybörjare
Högdalens Seniorträff      Verksamhetsbidrag                  18 000         14 000
Schackklubben Vantör       Schack på fritidsgården            22 000         16 000
Hembygdsföreningen         Verksamhetsbidrag                  12 000         10 000
Vantör
Föreningen Läsfrämjarna    Högläsning för barn på             25 000         20 000
                           biblioteket
Summa                                                        117 000         90 000
"""
    f = facts_of(tmp_path, text)
    assert set(_projects(f)) == {
        "Fotbollsskola för nybörjare",
        "Schack på fritidsgården",
        "Högläsning för barn på biblioteket",
    }
    assert [c.text for c in f.criteria] == [
        "vänder sig till barn och unga",
        "bryter isolering bland äldre",
        "är öppen för alla boende",
    ]


def _role(sentence: str, raw: str) -> str:
    at = sentence.index(raw)
    others = [(a.start, a.end) for a in find_amounts(sentence) if a.start != at]
    return amount_role(sentence, span=(at, at + len(raw)), others=others).kind


def test_a_net_budget_money_moved_on_and_costs_that_rise() -> None:
    s = "Förvaltningen prognostiserar ett underskott om 3,2 mnkr mot nämndens nettobudget om 912,4 mnkr."
    assert _role(s, "912,4 mnkr") == "budget"
    assert _role(s, "3,2 mnkr") == "other"
    s = "Nämnden begär att få föra över 2,6 mnkr av årets överskott till 2020 för lokalerna."
    assert _role(s, "2,6 mnkr") == "budget"
    s = "Förvaltningen bedömer att nämndens kostnader ökar med sammanlagt ca 2,3 mnkr per år."
    assert _role(s, "ca 2,3 mnkr") == "other"


def test_a_bodys_budget_per_area_takes_no_fund_from_the_text_before(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Verksamhetsplan 2021, avsnitt ekonomi")
        + """
Nämndens intäkter består främst av avgifter, statsbidrag och hyror.

Tabell 4.1 Budget 2021 per verksamhetsområde, tkr

Verksamhetsområde                        Kostnader      Intäkter    Nettokostnad

Nämnd och förvaltningsledning               41 300         1 200          40 100
Barn och unga                              508 900       122 400         386 500
Stöd till vuxna                            211 600        60 100         151 500

Summa                                      761 800       183 700         578 100
"""
    )
    table = [a for a in facts_of(tmp_path, text).amounts if "Tabell 4.1" in a.evidence]
    assert len(table) == 12
    assert {(a.kind, a.fund_type) for a in table} == {("budget", None)}


def test_a_word_set_in_over_the_last_column_of_a_project_table(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Ansökan om medel ur sociala investeringsfonden")
        + """
Tabell 1. Sökta medel per projekt och år, tkr

                                                            Beräknad
Projekt                     2020     2021     2022    Summa  besparing
                                                       sökt    10 år
Mentorer i skolan            900      950      900    2 750     7 100
Familjestöd i hemmet         700      700      650    2 050     5 300
Summa                      1 600    1 650    1 550    4 800    12 400
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Mentorer i skolan"][1] == 2_750_000
    assert got["Familjestöd i hemmet"][1] == 2_050_000
    assert len(got) == 2


def test_pilot_schemes_listed_under_foljande_forsok(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=1998, title="Försöksverksamhet inom individ- och familjeomsorgen")
        + """
Förvaltningen föreslår att nämnden startar två försök under 1998.

Följande försök föreslås.

1. Kvällsöppen rådgivning för unga föräldrar. Rådgivningen ska ha
   öppet en kväll i veckan. Kostnad för 1998: 210 000 kr.
2. Hembesök hos äldre som bor ensamma. Två undersköterskor gör
   förebyggande hembesök. Kostnad för 1998: 160 000 kr.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Kvällsöppen rådgivning för unga föräldrar"][1] == 210_000
    assert got["Hembesök hos äldre som bor ensamma"][1] == 160_000


def test_a_project_label_right_under_the_heading(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2014, title="Ansökan om lokala utvecklingsmedel 2015")
        + """
Ärendet
Projekt 1. Hembesök vid oro för barn
Projektet ska pröva tidiga hembesök när en orosanmälan har kommit in.
Sökt belopp: 410 000 kronor

Projekt 2. Språkstöd i föräldragrupper
Projektet ska erbjuda föräldragrupper med tolk.
Sökt belopp: 230 000 kronor
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Hembesök vid oro för barn"][1] == 410_000
    assert got["Språkstöd i föräldragrupper"][1] == 230_000


def test_criteria_mark_columns_beside_a_project_table(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2018, title="Lokala utvecklingsmedel 2019")
        + """
Bilaga 1. Bedömning och förslag

Nr  Förvaltning             Projekt                           K1  K2  K3    Sökt, kr  Förslag, kr
-----------------------------------------------------------------------------------------------
1   Farsta                  Läxhjälp på fritidsgården         ü   ü   ¡      300 000      280 000
2   Skärholmen              Stöd till unga föräldrar          ü   û   ü      250 000      250 000
3   Bromma                  Seniorträffar med digital         û   û   ü      120 000            –
                            guide
-----------------------------------------------------------------------------------------------
    Summa                                                                    670 000      530 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Läxhjälp på fritidsgården"] == (("farsta",), 280_000)
    assert got["Stöd till unga föräldrar"] == (("skarholmen",), 250_000)
    assert got["Seniorträffar med digital guide"][0] == ("bromma",)


def test_rows_after_a_summa_of_the_studies_are_no_studies(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2015, title="Studier om våld i nära relationer 2015–2016")
        + """
Tabell 1. Kostnad per studie och år, tkr

Studie                     Ansvarig             2015     2016    Totalt
________________________________________________________________________
1. Unga förövare           Socialförvalt-        300      200       500
                           ningen
2. Äldre och våld          Äldreförvalt-         250        -       250
                           ningen
________________________________________________________________________
Summa studier                                    550      200       750
Seminarier och spridning                           -      150       150
Totalt                                           550      350       900
"""
    )
    assert set(_projects(facts_of(tmp_path, text))) == {"Unga förövare", "Äldre och våld"}


def test_a_table_of_sums_applied_for_only_lists_applications(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Lägesrapport och ansökan om medel för 2025")
        + """
Tabell 1. Ansökan om LUM och MUL för 2025

Projekt/studieresa                    Medel   Sökt belopp,   Egen insats,
                                                        kr             kr
Trygga trappuppgångar                 LUM          360 000        120 000
Studieresa till Malmö                 MUL           18 000              -
Summa                                              378 000        120 000
"""
    )
    got = {p.name: (p.status, p.amount_sek) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Trygga trappuppgångar": ("ansökt", 360_000),
        "Studieresa till Malmö": ("ansökt", 18_000),
    }


def test_rows_named_by_a_letter_the_appendix_sets_out(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2005, title="Förslag till stadsövergripande studier 2006")
        + """
Poängsättning
Förslag  K1  K2  K3  Summa   Sökt kr     Förslag kr
A         3   3   2      8   300 000        280 000
B         2   3   3      8   240 000        240 000
Totalt                       540 000        520 000

Bilaga 1. Förslagen

A   Unga vuxna utan sysselsättning – en uppföljning
    Utförare: Stockholms universitet               Klar: dec 2006
B   Barn som placeras nära hemmet
    Utförare: Ersta Sköndal högskola               Klar: juni 2006
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Unga vuxna utan sysselsättning – en uppföljning": ((), 280_000),
        "Barn som placeras nära hemmet": ((), 240_000),
    }


def test_priorities_the_nämnd_states_over_a_dash_list(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Ansökan om lokala utvecklingsmedel 2007")
        + """
Enligt utlysningen prioriterar socialtjänstnämnden projekt
som

-   bygger på samverkan mellan flera stadsdelsnämnder,
-   har en tydlig koppling till forskning,
-   kan ge kunskap som är användbar i hela staden.
"""
    )
    assert [c.text for c in facts_of(tmp_path, text).criteria] == [
        "bygger på samverkan mellan flera stadsdelsnämnder",
        "har en tydlig koppling till forskning",
        "kan ge kunskap som är användbar i hela staden",
    ]


def test_another_municipalitys_socialforvaltning_is_no_stockholm_office(tmp_path: Path) -> None:
    text = """                                                  SAMMANTRÄDESPROTOKOLL
HAGBY KOMMUN                                      Sammanträdesdatum       Sida
Socialnämnden                                     2019-03-21              1 (2)

§ 38                   Dnr SN 2019/41

Ansökan om statsbidrag för projektet Tidigt stöd i skolan

Socialnämndens beslut
1. Socialnämnden godkänner att socialförvaltningen ansöker hos
   Socialstyrelsen om 900 000 kronor i statsbidrag för projektet
   ”Tidigt stöd i skolan”.

Ärendet
Socialförvaltningen har tagit fram projektet ”Tidigt stöd i skolan”
tillsammans med skolorna. Projektet ska pågå i två år.
"""
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Tidigt stöd i skolan"]
    assert [d.district_id for p in f.projects for d in p.districts] == []


def test_a_grant_list_set_in_under_an_item_and_an_application_turned_down(
    tmp_path: Path,
) -> None:
    text = """HAGBY KOMMUN                           SAMMANTRÄDESPROTOKOLL
Socialnämnden                          2016-11-15                 1 (2)

§ 72                   Dnr SOC 2016/91

Bidrag till ideella föreningar 2017

Socialnämndens beslut
1. Socialnämnden beviljar bidrag för 2017 enligt följande:

   Hagby Brottsofferjour, verksamhetsbidrag              50 000 kr
   Föreningen Unga Hagby, läxhjälp på biblioteket         24 000 kr

2. Ansökan från föreningen Hagby Ungdomsråd om bidrag till
   lägerveckor för unga avslås.

Sammanfattning av ärendet
Sex föreningar har ansökt om bidrag. Ansökan från Hagby Ungdomsråd om
42 000 kronor till lägerveckor föreslås avslås, eftersom verksamheten
ryms inom fritidsnämndens bidrag.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.status, p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "läxhjälp på biblioteket": ("beviljad", 24_000, "Föreningen Unga Hagby"),
        "lägerveckor för unga": ("ansökt", 42_000, "Hagby Ungdomsråd"),
    }


def test_a_dash_list_of_what_the_money_is_used_for(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2004, title="Fördelning av stimulansmedel 2004")
        + """
Förvaltningens egna utvecklingsinsatser

Av stimulansmedlen föreslås 2,4 mkr användas till insatser som
kommer samtliga stadsdelsförvaltningar till del:

-  Utbildning i återfallsprevention för
   stadsdelsförvaltningarnas personal                  1 300 000 kr
-  Kartläggning av unga med missbruk                   1 100 000 kr
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Utbildning i återfallsprevention för stadsdelsförvaltningarnas personal"][1] == (
        1_300_000
    )
    assert got["Kartläggning av unga med missbruk"][1] == 1_100_000


def test_column_labels_set_on_end_over_the_header(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2008, title="Förslag till studier 2008–2009")
        + """
Tabell 1. Föreslagna studier 2008–2009

                                                             T
                                                 2      2    o
                                                 0      0    t
                                                 0      0    a
                                                 8      9    l
                                                             t
                                                 t      t
                                                 k      k    t
                                                 r      r    k
                                                             r
Studie                         Utförare
--------------------------------------------------------------
1. Unga vuxna i hemlöshet      Ersta Sköndal         250    150   400
2. Placerade tonåringar        Stockholms            300      –   300
                               universitet
--------------------------------------------------------------
Summa                                                550    150   700
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {"Unga vuxna i hemlöshet": ((), 400_000), "Placerade tonåringar": ((), 300_000)}


def test_a_districts_trip_turned_down_in_a_decision_item(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2014, title="Medel för studiebesök 2015").replace(
            "1. Socialnämnden beviljar medel enligt förvaltningens förslag.",
            "1. Socialnämnden beviljar medel för studiebesök till åtta ansökningar.\n"
            "2. Ansökan från Farsta stadsdelsförvaltning om medel för\n"
            "   studiebesök i Chicago avslås.",
        )
        + """
Ansökningar som inte föreslås beviljas

Farsta stadsdelsförvaltning har sökt 52 000 kronor för ett studiebesök i
Chicago för sex deltagare. Resan avser i huvudsak en konferens.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Chicago"] == (("farsta",), 52_000)


def test_a_heading_run_into_the_sentence_under_it_ends_the_name(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2025, title="Redovisning av lokala utvecklingsmedel 2025")
        + """
Det lokala utvecklingsprojektet Stöd i hemmet för unga familjer
Socialnämnden beviljade i december 2024 lokala utvecklingsmedel
(LUM) med 380 000 kronor för 2025 till projektet Stöd i hemmet för
unga familjer. Projektet startade i februari 2025.
"""
    )
    assert set(_projects(facts_of(tmp_path, text))) == {"Stöd i hemmet för unga familjer"}


def test_a_list_as_long_as_the_projects_its_intro_counts(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2022, title="Sök utvecklingsmedel för 2023")
        + """
Projekt som fick LUM för 2022

Socialnämnden beviljade i december 2021 lokala utvecklingsmedel med
sammanlagt 1 200 000 kronor till tre projekt:

  •  Farsta - Läxhjälp på fritidsgården
  •  Bromma - Seniorträffar med digital guide
  •  Skärholmen - Stöd till unga föräldrar
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got == {
        "Läxhjälp på fritidsgården": (("farsta",), None),
        "Seniorträffar med digital guide": (("bromma",), None),
        "Stöd till unga föräldrar": (("skarholmen",), None),
    }
