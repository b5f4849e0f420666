"""Thirty-first session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* criteria lettered "a." … "d." after an introduction that ends in a modal ("Ett projekt
  bör"), the list's joining "och" no part of an item; a priority the committee "har angett"
  in a sentence of its own;
* studies under mixed-case headings after an introduction, then a part of the document under
  a capital heading: the part is no study; the districts a study's text says take part
  ("har anmält att de vill delta", "som … startade");
* a wrapped name cell that ends in a series of district names ("från Farsta, Bromma och
  Kista") keeps the series: it is the name's, no owner's;
* an application's att-satser that name a trip ("för ett studiebesök i Bergen") and a project
  the district joins as co-applicant ("i Bromma stadsdelsförvaltnings ansökan … för
  projektet …"), each described later under a heading no reader takes for a project;
* "Owner: Destination – purpose" rows each followed by a paragraph about the trip, the
  paragraph's "Beviljat:" sum the trip's;
* studies a report names in running text ("slutrapporterades studien <Titel>",
  "Utvärderingen av <…> pågår och genomförs av …") with performer and cost;
* focus areas after "… följande fokusområden." as short lines each over its own paragraph;
* an application form set as two columns under numbered capital parts ("1. SÖKANDE",
  "2. PROJEKTET"): the parts are no projects, a label the form's vocabulary lacks
  ("Projektår") is still a field, and the project named short in the text ("Projektet
  Stegvis") and its trip's heading ("Studiebesök i Göteborg") are the form's projects;
* a citizens' budget's table "Nr | Förslag | Röster | Uppskattad kostnad (kr) |
  Förvaltningens förslag": the proposals are its rows, "Genomförs ej" turns one down;
* "Projektet <Name>" as a heading over a paragraph about an association's grant for it;
* att-satser that grant an association money "för <ändamål>" or turn down its application
  "om … kr till en resa …": each purpose a project the association carries out, a
  "verksamhetsbidrag … för 1998" none;
* numbered items whose applicants stand on the line under the name ("Exempelskolan och
  Farsta stadsdelsförvaltning"): the förvaltning's district owns the item;
* "Sökt" and "Förslag" set over two groups of money columns: the years under "Sökt" are
  sums applied for, no project's cost;
* a header over three lines with a decision's date in it ("Beviljat" over "23 feb" over
  "2010, tkr") and "Belopp efter tillägg": the sums before the change and after it;
* a caption's "Tabell." read as a heading is no study;
* "Ansökan hos socialtjänstnämnden om …" is an application: its project's sum, asked for in
  an att-sats beside another that speaks of the grant ("om ansökan beviljas"), is applied
  for.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_mm import DISTRICT_HEAD
from test_extract_round_nn import KS_HEAD

from pipeline.facts.drafts import names_a_project


def test_lettered_criteria_after_a_modal_and_a_decided_priority(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Fördelning av lokala utvecklingsmedel 2006")
        + """
Bedömningsgrunder

Ansökningarna har prövats mot de villkor som nämnden fastställde i
januari 2006. Ett projekt bör

  a.  utgå från en fråga som förvaltningen själv har formulerat,
  b.  ha stöd av en handledare med forskarutbildning,
  c.  redovisas skriftligt inom ett år, och
  d.  vara möjligt att sprida till andra stadsdelar.

För 2006 har nämnden dessutom angett att projekt som gäller unga
vuxna utan arbete ska ges företräde.

Beslut

Förvaltningen föreslår att medlen fördelas enligt bilaga.
"""
    )
    f = facts_of(tmp_path, text)
    crit = [(c.kind, c.position, c.text) for c in f.criteria]
    assert [c for c in crit if c[0] == "criterion"] == [
        ("criterion", 1, "utgå från en fråga som förvaltningen själv har formulerat"),
        ("criterion", 2, "ha stöd av en handledare med forskarutbildning"),
        ("criterion", 3, "redovisas skriftligt inom ett år"),
        ("criterion", 4, "vara möjligt att sprida till andra stadsdelar"),
    ]
    prio = [c[2] for c in crit if c[0] == "priority"]
    assert prio == ["projekt som gäller unga vuxna utan arbete ska ges företräde"]


def test_studies_under_headings_end_at_a_capital_part(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2001, title="STADSÖVERGRIPANDE STUDIER 2001")
        + """
BAKGRUND

Nämnden beställer varje år studier som är av intresse för flera
stadsdelsnämnder.

FÖRSLAG TILL NYA STUDIER

Förvaltningen föreslår att följande två studier beställs under år 2001.

Hemtjänst för äldre med demens

Studien ska beskriva hur hemtjänsten planerar insatser för äldre med
demens. Bromma och Farsta stadsdelsnämnder har anmält att de vill
delta. Kostnaden beräknas till 380 000 kronor.

Unga som lämnar familjehem

Studien ska följa upp de unga som Kista och Vantörs
stadsdelsnämnder placerade i familjehem och som startade egna
hushåll 1999. Kostnaden får uppgå till högst 260 tkr.


INRIKTNING AV ARBETET ÅR 2002

Förvaltningen föreslår att arbetet inriktas mot följande områden:

  –  barn i familjer med ekonomiskt bistånd
  –  äldres psykiska hälsa
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert "INRIKTNING AV ARBETET ÅR 2002" not in got
    assert got["Hemtjänst för äldre med demens"] == ["bromma", "farsta"]
    assert set(got) == {"Hemtjänst för äldre med demens", "Unga som lämnar familjehem"}


def test_a_name_cell_ending_in_a_series_of_districts_keeps_it(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2003, title="Redovisning av avslutade studier 2002")
        + """
Tabell 1. Avslutade studier 2002

Kostnad   Studie                            Utförare                       Klar
(tkr)
  380     Nätverksmöten i barnavårds-       Stockholms universitet         maj
          utredningar – erfarenheter från                                  2002
          Farsta, Bromma och Kista
  240     Boendestöd för unga vuxna         Ersta Sköndal högskola         juni
                                                                           2002
  620     Summa
"""
    )
    f = facts_of(tmp_path, text)
    names = [p.name for p in f.projects]
    assert (
        "Nätverksmöten i barnavårdsutredningar – erfarenheter från Farsta, Bromma och Kista"
        in names
    )


def test_an_applications_att_satser_name_a_trip_and_a_joined_project(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2016, title="Ansökan om lokala utvecklingsmedel och MUST 2017")
        .replace(
            "1. Stadsdelsnämnden godkänner förvaltningens ansökan om medel för\n"
            "studiebesök enligt detta tjänsteutlåtande.",
            "1. Stadsdelsnämnden godkänner att förvaltningen ansöker om medel för\n"
            "   studiebesök (MUST) med 21 000 kronor för ett studiebesök i Bergen.\n"
            "2. Stadsdelsnämnden godkänner att förvaltningen deltar som medsökande\n"
            "   i Bromma stadsdelsförvaltnings ansökan om lokala utvecklingsmedel\n"
            "   för projektet Läxhjälp med föräldrar i centrum.",
        )
        .replace("2. Paragrafen", "3. Paragrafen")
        + """
Bakgrund

Socialnämnden har utlyst lokala utvecklingsmedel och medel för
studiebesök för 2017.

Studiebesök i Bergen – mobila team för unga

Två socialsekreterare vill besöka Bergens kommun, som arbetar med
mobila team för unga. Kostnaden beräknas till 21 000 kronor.

Medsökande i Brommas ansökan

Bromma stadsdelsförvaltning har bjudit in förvaltningen att delta i
projektet Läxhjälp med föräldrar i centrum. Bromma söker 310 000
kronor och svarar för redovisningen.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got["Studiebesök i Bergen – mobila team för unga"] == (["skarpnack"], 21_000)
    assert got["Läxhjälp med föräldrar i centrum"] == (["bromma", "skarpnack"], 310_000)


def test_owner_destination_rows_with_a_paragraph_each(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2008, title="Redovisning av studiebesök 2007")
        + """
Genomförda studiebesök 2007

Bromma: Tallinn – mottagning för unga missbrukare
Två socialsekreterare besökte stadens mottagning för unga med
missbruk under tre dagar i april. Beviljat: 18 000 kr. Förbrukat: 16 400 kr.

Farsta: Bergen – skolsocialt arbete i grundskolan
Fyra medarbetare från fältgruppen studerade hur skolan och
socialtjänsten samarbetar. Beviljat: 26 500 kr. Förbrukat: 26 500 kr.

Skärholmen: Malmö – boendestöd för unga vuxna
Besöket ställdes in när värden fick förhinder.
Skärholmens stadsdelsförvaltning har återbetalat beviljade 12 000 kr.

Av de beviljade medlen har 42 900 kr förbrukats.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: ([d.district_id for d in p.districts], p.amount_sek) for p in f.projects}
    assert got == {
        "Tallinn – mottagning för unga missbrukare": (["bromma"], 18_000),
        "Bergen – skolsocialt arbete i grundskolan": (["farsta"], 26_500),
        "Malmö – boendestöd för unga vuxna": (["skarholmen"], 12_000),
    }


def test_studies_named_in_running_text_and_focus_areas_over_paragraphs(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2022, title="Inriktning för forskningsmedel 2023")
        + """
Stadsövergripande forskning 2021–2022

Under 2021 slutrapporterades studien Unga vuxna som lämnar
institutionsvård – boende och sysselsättning. Studien har genomförts av
Institutionen för socialt arbete vid Exempelhögskolan och kostade 640 tkr.

Utvärderingen av Farstas mottagning för unga med spelproblem pågår
och genomförs av Exempel Analys AB. Kostnaden är drygt 0,9 mnkr och
rapporten väntas i juni 2023.

Fokusområden 2023

Förvaltningen föreslår att nya studier 2023 ska ligga inom något av
följande fokusområden.

Äldres ensamhet och psykiska hälsa
Allt fler äldre bor ensamma och kontakten med vården är bristfällig.

Barn som anhöriga till föräldrar med missbruk
Barnens behov uppmärksammas sällan när föräldern får stöd.

Förvaltningen beräknar att två nya studier kan påbörjas
under 2023.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: ([d.district_id for d in p.districts], p.amount_sek) for p in f.projects}
    assert got == {
        "Unga vuxna som lämnar institutionsvård – boende och sysselsättning": ([], 640_000),
        "Utvärderingen av Farstas mottagning för unga med spelproblem": (["farsta"], 900_000),
    }
    areas = [(c.kind, c.text) for c in f.criteria]
    assert areas == [
        ("focus_area", "Äldres ensamhet och psykiska hälsa"),
        ("focus_area", "Barn som anhöriga till föräldrar med missbruk"),
    ]


def test_an_application_form_in_two_columns_under_numbered_capital_parts(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2018, title="Ansökan om lokala utvecklingsmedel och MUST 2019")
        + """
Ärendet

Projektet Trygga steg

Projektet ska pröva ett stöd i hemmet för familjer med små barn. Bromma
stadsdelsförvaltning är medsökande. Förvaltningen söker 380 000 kr.

Studiebesök i Malmö

Förvaltningen ansöker även om medel för ett studiebesök i Malmö.
Kostnaden beräknas till 12 600 kr.

Bilaga 1

ANSÖKAN OM LOKALA UTVECKLINGSMEDEL (LUM) 2019

1. SÖKANDE

Förvaltning                  Skarpnäcks stadsdelsförvaltning
Medsökande förvaltning       Bromma stadsdelsförvaltning
Kontaktperson                Per Exempel

2. PROJEKTET

Projektets namn              Trygga steg – stöd i hemmet för
                             familjer med små barn
Projektår                    År 1 av 2
Projektperiod                2019-01-01 – 2020-06-30
Sökt belopp 2019             380 000 kr

Bilaga 2

ANSÖKAN OM MEDEL FÖR STUDIEBESÖK (MUST) 2019

Förvaltning                  Skarpnäcks stadsdelsförvaltning
Resmål                       Malmö stad, stadsområde Norr,
                             familjecentralen
Antal deltagare              3
Kostnad                      12 600 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {
        "Trygga steg – stöd i hemmet för familjer med små barn": (["bromma", "skarpnack"], 380_000),
        "Malmö stad, stadsområde Norr, familjecentralen": (["skarpnack"], 12_600),
    }


def test_a_citizens_budget_table_of_proposals_with_a_verdict_column(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2022, title="Medborgarbudget 2022")
        + """
Tabell 1. Förslag som gått till omröstning

Nr  Förslag                                  Röster   Uppskattad     Förvaltningens
                                                      kostnad (kr)   förslag
1   Belysning längs strandpromenaden            540   ca 380 000     Genomförs
2   Boulebana vid Exempelparken                 431   ca 90 000      Genomförs
3   Ny konstgräsplan vid skolan                 399   ca 950 000     Genomförs ej
4   Bänkar och planteringar vid                 305   ca 120 000     Genomförs
    torget
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Belysning längs strandpromenaden": (380_000, "beviljad"),
        "Boulebana vid Exempelparken": (90_000, "beviljad"),
        "Ny konstgräsplan vid skolan": (950_000, "ansökt"),
        "Bänkar och planteringar vid torget": (120_000, "beviljad"),
    }
    # the proposal turned down: its sum is what it would have cost, no project's cost
    assert {a.kind for a in f.amounts if a.sek == 950_000} == {"other"}


def test_a_project_heading_over_an_associations_grant(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2004, title="Redovisning av bidrag till frivilligorganisationer 2003")
        + """
Redovisningen

Organisationerna har lämnat verksamhetsberättelser för 2003.

Projektet Läger för unga anhöriga

Föreningen Exempelgården beviljades 2003 ett projektbidrag om 185 000 kr
för att ordna läger för unga som har en förälder med psykisk ohälsa.
Projektet har avslutats och redovisats.

Förvaltningens synpunkter

Förvaltningen bedömer att bidragen har använts för avsett ändamål.
"""
    )
    f = facts_of(tmp_path, text)
    assert [(p.name, p.amount_sek) for p in f.projects] == [("Läger för unga anhöriga", 185_000)]


def test_att_satser_granting_associations_money_for_a_purpose(tmp_path: Path) -> None:
    text = """VANTÖRS STADSDELSNÄMND              PROTOKOLLSUTDRAG        Sid 1 (1)
Sammanträdesdag 1999-03-18

§ 8  Föreningsbidrag, andra fördelningen 1999
     Dnr 506-42/99

Beslut

att bevilja Pensionärsföreningen Exempelgården verksamhetsbidrag
med 38 000 kr för 1999,

att bevilja Somaliska Föräldraföreningen bidrag med 22 000 kr för
läxhjälp och föräldraträffar,

att avslå ansökan från Föreningen Exempeldans om 12 000 kr
till en resa till Riga, samt

att bidragen belastar nämndens anslag för föreningsbidrag 1999.

Ärendet

Förvaltningen har tagit emot tre ansökningar om föreningsbidrag.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.performer, p.status) for p in f.projects}
    assert got == {
        "läxhjälp och föräldraträffar": (22_000, "Somaliska Föräldraföreningen", "beviljad"),
        "resa till Riga": (12_000, "Föreningen Exempeldans", "ansökt"),
    }


def test_numbered_items_with_their_applicants_under_the_name(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Projektmedel för samverkan mellan skola och socialtjänst")
        + """
Projekt som föreslås beviljas medel

1.  Närvarolotsar i Exempelby
    Exempelskolan och Farsta stadsdelsförvaltning
    Sökt belopp 500 000 kronor. Förslag 450 000 kronor.

2.  Föräldracafé i skolan
    Provskolan och Hägersten-Liljeholmens
    stadsdelsförvaltning
    Sökt och föreslaget belopp 300 000 kronor.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got == {
        "Närvarolotsar i Exempelby": ["farsta"],
        "Föräldracafé i skolan": ["hagersten-liljeholmen"],
    }


def test_sought_and_proposed_labels_over_groups_of_money_columns(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2021, title="Förstärkning av medel för stadsövergripande studier")
        + """
Tabell 1. Sökta och föreslagna medel per studie

                                          Sökt                 Förslag
                                  -------- mnkr --------        mnkr
Studie                            2022   2023   2024  Totalt   Totalt

Boendestöd för unga vuxna i        1,3    1,1    0,7    3,1      2,9
Exempelstad
Ekonomiskt bistånd och arbete      0,4    0,6     –     1,0      1,0

Summa                             1,7    1,7    0,7    4,1      3,9
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Boendestöd för unga vuxna i Exempelstad": 2_900_000,
        "Ekonomiskt bistånd och arbete": 1_000_000,
    }
    kinds = {a.sek: a.kind for a in f.amounts}
    # the years applied for are no project's cost
    assert kinds[1_300_000] == "other" and kinds[400_000] == "other"


def test_a_three_line_header_with_a_decisions_date(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Tillägg till fördelning av lokala utvecklingsmedel 2012")
        + """
Tabell. Ändrade beviljanden 2012

Stadsdels-            Projekt                          Beviljat      Belopp
nämnd                                                  14 mars       efter
                                                       2012, tkr     tillägg, tkr
Farsta                Samtalsgrupper för unga            300           200
                      vuxna
Bromma                Stöd till anhöriga vid              180           260
                      spelproblem
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: ([d.district_id for d in p.districts], p.amount_sek) for p in f.projects}
    assert got == {
        "Samtalsgrupper för unga vuxna": (["farsta"], 200_000),
        "Stöd till anhöriga vid spelproblem": (["bromma"], 260_000),
    }
    assert {a.sek for a in f.amounts} >= {300_000, 200_000, 180_000, 260_000}


def test_a_captions_label_is_no_project() -> None:
    assert not names_a_project("Tabell")
    assert not names_a_project("Bilaga 2")
    assert names_a_project("Tabellverktyg för budgetuppföljning")


def test_an_application_hos_a_committee_and_its_sum_asked_for(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                         PROTOKOLLSUTDRAG
FARSTA STADSDELSNÄMND                                   Nr 8/2006
                                                        Sammanträdesdag
                                                        2006-09-21

§ 14
Ansökan hos socialtjänstnämnden om lokala utvecklingsmedel år 2007
Dnr 612-211/2006

Stadsdelsnämndens beslut

Stadsdelsnämnden beslutar

att   ansöka hos socialtjänstnämnden om lokala utvecklingsmedel för år
      2007 med trehundratusen (300 000) kronor för projektet
      Trygga kvällar – fältarbete i Hökarängen,

att   stadsdelsnämnden, om ansökan beviljas, svarar för projektets
      övriga kostnader inom individ- och familjeomsorgens budget, samt

att   omedelbart justera paragrafen.
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.status, p.amount_sek) for p in f.projects] == [
        ("Trygga kvällar – fältarbete i Hökarängen", "ansökt", 300_000)
    ]
    assert {a.kind for a in f.amounts if a.sek == 300_000} == {"other"}
