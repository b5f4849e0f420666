"""Twenty-ninth session: layouts of the rounds opened for rules (g703–g710 and n475–n482,
last session's sealed rounds; g711–g718, n483–n490 and n491–n498, this session's sealed
rounds once measured), each on a short text written for the test (none of the rounds' names
or sums):

* a year's money in columns under one header ("Medel per år" over the years), a total
  column beside grants of earlier years and the proposal, a label of a kind of project
  inside a table, a footnote mark "1)" whose footnote stands on another page;
* who applied in a "Sökt av" column; associations and their activity one over the other
  under "Organisation och verksamhet"; a district table's stacked header, its counts of
  people and each district's "Summa"; a table of what each district spent;
* money roles: the state's standard payment, what a decision hands out "sammanlagt", a
  ceiling raised "från … till …", a ceiling called "taket";
* prose: a project whose money the second sentence after it names, an IOP agreement with
  an association, "fyra av studierna" counting studies, an item "Name, District, sökt
  belopp …";
* criteria announced by number in a series with "och" inside a part and "samt" before the
  last; an att-clause going on after a title and a comma; a meeting page's numbered items
  are no footnotes; a compound whose first part is a bound form ("föräldra-").
"""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_mm import DISTRICT_HEAD

KS_HEAD = """Stadsledningskontoret                            Tjänsteutlåtande
Avdelningen för ekonomisk styrning               Dnr KS {year}/0456
                                                 Sida 1 (3)
                                                 {year}-04-11
Handläggare                                      Till
Per Exempel                                      Kommunstyrelsen

{title}

Förslag till beslut

1. Kommunstyrelsen föreslår kommunfullmäktige att besluta enligt
   stadsledningskontorets förslag.

"""


def test_a_years_money_in_columns_under_one_header(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016, title="Stadsövergripande studier 2016–2018")
        + """
Bakgrund

Nämnden har beställt tre studier som löper över flera år.

Tabell 1. Studier 2016–2018 (mnkr)

Studie                        Utförare                 Kostnad per år       Totalt
                                                   2016    2017    2018
Hemlösa kvinnors vägar        Exempelinstitutet        0,4     0,5     0,2      1,1
Skolfrånvaro och socialtjänst Analysgruppen AB         0,3     0,3      -       0,6
Summa                                                  0,7     0,8     0,2      1,7
"""
    )
    f = facts_of(tmp_path, text)
    by_name = {p.name: p.amount_sek for p in f.projects}
    assert by_name == {
        "Hemlösa kvinnors vägar": 1_100_000,
        "Skolfrånvaro och socialtjänst": 600_000,
    }
    cells = sorted((a.sek, a.year) for a in f.amounts if a.raw in ("0,4", "0,5", "0,2", "0,3"))
    # each year's sum in its year's column (the Summa row's 0,2 of 2018 too)
    assert (400_000, 2016) in cells and (500_000, 2017) in cells and (200_000, 2018) in cells
    assert cells.count((300_000, 2016)) == 1 and cells.count((300_000, 2017)) == 1


def test_grants_of_earlier_years_beside_the_proposal_and_a_total(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Lokala utvecklingsmedel 2020")
        + """
Tabell 1. Förslag till lokala utvecklingsmedel 2020 (tkr)

Projekt                        Förvaltning          Beviljat   Beviljat   Förslag    Totalt
                                                    2018       2019       2020       2018-2020
Fortsättningsprojekt
Trygga övergångar till         Bromma                    -        210        240          450
vuxenlivet
Nya projekt
Språkstöd i hemtjänsten        Farsta                    -          -        320          320
Summa                                                    -        210        560          770
"""
    )
    f = facts_of(tmp_path, text)
    by_name = {p.name: p.amount_sek for p in f.projects}
    # the proposal is each row's sum; the label "Nya projekt" is no part of a name
    assert by_name == {
        "Trygga övergångar till vuxenlivet": 240_000,
        "Språkstöd i hemtjänsten": 320_000,
    }
    # the total beside an equal proposal is printed money all the same
    assert sum(1 for a in f.amounts if a.sek == 320_000) == 2


def test_a_footnote_mark_in_brackets_and_its_footnote_on_another_page(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Stadsövergripande studier 2018")
        + """
Bakgrund

Uppföljningen av mentorsprogrammet genomförs i tre stadsdelar1 där
programmet har pågått sedan 2015.


1 Bromma, Farsta och Skärholmen.

\f
                                                 Sida 2 (3)

Bilaga 1

Studie                                     Genomförs av            Kostnad
Uppföljning av mentorsprogrammet i         Exempelhögskolan        450 000
tre stadsdelar 1)
Barns röster i utredningar                 Analysgruppen AB        300 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert got["Uppföljning av mentorsprogrammet i tre stadsdelar"] == [
        "bromma",
        "farsta",
        "skarholmen",
    ]


def test_who_applied_in_a_sokt_av_column(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2015, title="Redovisning av studieresor 2015")
        + """
Tabell 1. Studieresor 2015

Resmål och syfte           Sökt av           Delta-   Beviljat
                                             gare     kr
Bergen – mobila team       Skarpnäck            3       18 400
Tallinn – barnahus         Farsta               2       11 900
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got == {"Bergen – mobila team": ["skarpnack"], "Tallinn – barnahus": ["farsta"]}


def test_associations_over_their_activity_in_one_column(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                    PROTOKOLLSUTDRAG
Skarpnäcks stadsdelsnämnd                          Protokoll nr 2/2003
                                                   2003-02-20

§ 9

Bidrag till ideella organisationer år 2003

Stadsdelsnämndens beslut

1. Stadsdelsnämnden beviljar bidrag enligt förvaltningens förslag.

Förvaltningen föreslår följande fördelning:

Organisation och verksamhet                      Sökt        Förslag
Föreningen Ljusglimten                            70 000      55 000
  samtalsstöd för unga vuxna
Seniorgruppen Pilen                               25 000      25 000
  promenadgrupper för äldre
Summa                                             95 000      80 000
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer, p.fund_type, p.amount_sek) for p in f.projects)
    assert got == [
        ("promenadgrupper för äldre", "Seniorgruppen Pilen", "föreningsbidrag", 25_000),
        ("samtalsstöd för unga vuxna", "Föreningen Ljusglimten", "föreningsbidrag", 55_000),
    ]
    # an association's own activity: the granting district owns none of them
    assert all(not p.districts for p in f.projects)


def test_a_district_tables_stacked_header_counts_and_sums(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2017, title="Fördelning av medel för mottagande av nyanlända 2017")
        + """
Bakgrund

Staden får under 2017 schablonersättning från Migrationsverket om
cirka 120 mnkr. Stadsdelsnämnderna tilldelas sammanlagt 9,5 mnkr
enligt bilaga 1.

Bilaga 1

Fördelning per stadsdelsnämnd
år 2017 (tkr)

                         Mottagna   Grund-      Summa
Stadsdelsnämnd           2016       belopp      tkr
Farsta                     150       3 750       4 000
Skärholmen                 210       5 250       5 500
Summa                      360       9 000       9 500
"""
    )
    f = facts_of(tmp_path, text)
    kinds = {(a.sek, a.raw): a.kind for a in f.amounts}
    assert kinds[(120_000_000, "cirka 120 mnkr")] == "state_grant"
    assert kinds[(9_500_000, "9,5 mnkr")] == "total_granted"
    assert kinds[(4_000_000, "4 000")] == "budget"  # each district's whole frame
    assert kinds[(3_750_000, "3 750")] == "budget"
    # the people received are counted, no money
    assert not any(a.raw in ("150", "210", "360") for a in f.amounts)


def test_what_each_district_spent_is_no_frame(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2013, title="Upphandling av trygghetslarm")
        + """
Tabell 1. Larm och kostnad per stadsdelsnämnd 2012

Stadsdelsnämnd             Larm 2012          Kostnad 2012, tkr
Bromma                           1 200                 2 350
Farsta                             980                 1 910
Summa                            2 180                 4 260
"""
    )
    f = facts_of(tmp_path, text)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[2_350_000] == "other"
    assert kinds[1_910_000] == "other"


def test_a_ceiling_raised_from_one_sum_to_another(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2022, title="Inriktning för lokala utvecklingsmedel 2023")
        + """
Bakgrund

Socialnämnden beslutar att det högsta belopp som ett projekt kan
beviljas höjs från 350 000 kronor till 400 000 kronor per år.
Förvaltningen föreslår också att taket för en studieresa höjs till
tjugotusen kronor.
"""
    )
    f = facts_of(tmp_path, text)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[350_000] == "max_per_application"
    assert kinds[400_000] == "max_per_application"
    assert kinds[20_000] == "max_per_application"


def test_a_projects_money_two_sentences_on(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2009, title="Uppföljning av riktade insatser 2009")
        + """
Riktade insatser

Sedan våren 2008 bedriver kulturförvaltningen projektet Läsfrämjande
fritid tillsammans med Skärholmens stadsdelsförvaltning. Barnen får
läsa med ungdomsledare två eftermiddagar i veckan. Projektet
finansieras med 0,8 mnkr ur kommunstyrelsens medel och pågår till
och med juni 2010.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {"Läsfrämjande fritid": (800_000, "pågående")}


def test_an_agreement_with_an_association_about_its_activity(tmp_path: Path) -> None:
    text = """SOLNA STAD
Sammanträdesprotokoll
Socialnämnden
2024-09-17

§ 88
Idéburet offentligt partnerskap med Föreningen Vänhuset 2025–2026

Beslut
Socialnämnden beslutar
att ingå idéburet offentligt partnerskap med Föreningen Vänhuset
avseende verksamheten Kvällsöppet Vänhuset för perioden
1 januari 2025–31 december 2026,
att bevilja föreningen bidrag med 410 000 kronor per år, totalt
820 000 kronor för avtalsperioden.
"""
    f = facts_of(tmp_path, text)
    got = [(p.name, p.performer, p.fund_type, p.amount_sek) for p in f.projects]
    assert got == [("Kvällsöppet Vänhuset", "Föreningen Vänhuset", "IOP", 820_000)]


def test_studies_counted_are_no_trip_and_an_item_with_its_sum_sought(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Fördelning av lokala utvecklingsmedel 2021")
        + """
Förvaltningen föreslår att socialnämnden tilldelas 2,1 mnkr för tre av
studierna.

Förvaltningen föreslår att följande ansökan avslås.

–  Digitala föräldragrupper, Bromma, sökt belopp 260 tkr. Projektet
   saknar en plan för uppföljning.
"""
    )
    f = facts_of(tmp_path, text)
    got = [(p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects]
    assert got == [("Digitala föräldragrupper", ["bromma"], 260_000)]


def test_focus_areas_counted_in_a_series_with_och_and_samt(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016, title="Årsrapport för forskning och utveckling 2016")
        + """
Inriktning 2016

För 2016 har förvaltningen valt tre fokusområden för de
stadsövergripande studierna: psykisk ohälsa bland unga, boende och
bostadslöshet samt äldres ensamhet. Nämnden har avsatt 2,0 mnkr.
"""
    )
    f = facts_of(tmp_path, text)
    assert [(c.kind, c.text) for c in f.criteria] == [
        ("focus_area", "psykisk ohälsa bland unga"),
        ("focus_area", "boende och bostadslöshet"),
        ("focus_area", "äldres ensamhet"),
    ]


def test_an_att_clause_goes_on_after_a_title_and_a_comma(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(
        """STOCKHOLMS STAD                                      PROTOKOLLSUTDRAG
Socialnämnden                                        Nr 4/2012
                                                     2012-04-24

§ 14

Tillägg till fördelning av lokala utvecklingsmedel 2012

Beslut

Socialnämnden beslutar

att ändra beslutet den 24 januari 2012 så att projektet
”Tidiga samtal med föräldrar”,
Skarpnäcks stadsdelsförvaltning, beviljas 280 000 kr,

att omedelbart justera paragrafen.
""",
        encoding="utf-8",
    )
    doc = understood(path)
    assert [d.text for d in doc.decisions] == [
        "att ändra beslutet den 24 januari 2012 så att projektet ”Tidiga samtal med föräldrar”, "
        "Skarpnäcks stadsdelsförvaltning, beviljas 280 000 kr,",
        "att omedelbart justera paragrafen.",
    ]


def test_a_meeting_pages_numbered_items_are_no_footnotes(tmp_path: Path) -> None:
    text = """Stockholms stad > Kungsholmens stadsdelsnämnd > Sammanträde 2018-05-17

Sammanträde 2018-05-17

Kungsholmens stadsdelsnämnd

1 Val av justerare

2 Anmälan av protokoll

Dnr: 1.1-4/2018
Handläggare: Eva Exempel Tel: 08-508 00 000

3 Verksamhetsberättelse 2017

Dnr: 1.2-40/2018
Handläggare: Eva Exempel Tel: 08-508 00 000

Förslag till beslut
1. Stadsdelsnämnden godkänner verksamhetsberättelsen.

Anmälningsärenden

12 Redovisning av idéburet offentligt partnerskap med Föreningen Solgläntan 2017

Dnr: 1.2.6-61/2018
Handläggare: Eva Exempel Tel: 08-508 00 000

Partnerskapet avser Solgläntans dagverksamhet för äldre och omfattar 640 000 sek per år under 2017–2019.

14 Protokoll från pensionärsrådet

15 Anmälan av delegationsbeslut
"""
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Solgläntans dagverksamhet"]
    assert [p.amount_sek for p in f.projects] == [640_000]


def test_a_compounds_bound_first_part_is_repaired(tmp_path: Path) -> None:
    from pipeline.understand.repair import get_repairer

    rep = get_repairer()
    assert rep.repair("foraldragrupperna") == "föräldragrupperna"
    assert rep.repair("kvinnojourerna") == "kvinnojourerna"


def test_a_reports_economic_outcome_is_no_project_of_its_count(tmp_path: Path) -> None:
    """ "bedrivit två projekt" announces projects; the "Ekonomiskt utfall" heading after it is
    the report's own part, and each block's "Beviljat totalt" is its sum."""
    text = (
        DISTRICT_HEAD.format(year=2011, title="Verksamhetsberättelse 2010")
        + """
Sammanfattning

Nämnden redovisar ett överskott för 2010. Nämnden har under året
bedrivit två projekt med extern finansiering om sammanlagt 2,5 mnkr.

Ekonomiskt utfall
Nämndens nettobudget för 2010 uppgick till 812,4 mnkr och
utfallet blev 809,9 mnkr.

Projekt med extern finansiering

Unga i arbete
Finansiär:        Europeiska socialfonden (ESF), programområde 2
Projektperiod:    2009-09-01 – 2011-08-31
Beviljat totalt:  2 150 000 kronor
Intäkt 2010:      1 020 000 kronor
Status:           pågår
Projektet ger unga arbetslösa stöd att hitta praktik.

Äldres måltider
Finansiär:        Socialstyrelsen, stimulansmedel för
                  äldreomsorgen
Projektperiod:    2010-01-01 – 2010-12-31
Beviljat totalt:  340 000 kronor
Intäkt 2010:      340 000 kronor
Status:           avslutat
Projektet har prövat gemensamma måltider på träffpunkterna.
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek) for p in f.projects)
    assert got == [("Unga i arbete", 2_150_000), ("Äldres måltider", 340_000)]


def test_a_numbered_section_over_its_parts_is_no_footnote(tmp_path: Path) -> None:
    """ "3 Förvaltningens bedömning" low on a page, over "3.1 …" and a card: a section of
    the text, not a footnote block; an owner heading whose bracket closes on the next line."""
    text = (
        HEAD.format(year=2016, title="Fördelning av lokala utvecklingsmedel 2017")
        + """
1 Bakgrund

Socialnämnden utlyser varje år lokala utvecklingsmedel för
praktiknära utvecklingsarbete. Utlysningen var öppen under hösten.
Ett projekt kan beviljas högst 450 000 kronor per år.

2 Bedömning

Ansökningarna har bedömts av FoU-rådet i oktober. Rådet har
särskilt sett till hur projekten ska följas upp och spridas.
Samtliga ansökningar har lämnats in i tid.

3 Förvaltningens bedömning av ansökningarna

3.1 Bromma stadsdelsförvaltning

Läxhjälp på fritidsgården
Projektår: 1 av 2
Sökt belopp: 240 000 kr
Förslag: 240 000 kr

Projektet erbjuder läxhjälp två kvällar i veckan.

3.2 Farsta stadsdelsförvaltning (medsökande Skarpnäck och
Älvsjö)

Gemensam mottagning för unga vuxna
Projektår: 1 av 1
Sökt belopp: 300 000 kr
Förslag: 280 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, tuple(sorted(d.district_id for d in p.districts))) for p in f.projects)
    assert got == [
        ("Gemensam mottagning för unga vuxna", ("alvsjo", "farsta", "skarpnack")),
        ("Läxhjälp på fritidsgården", ("bromma",)),
    ]


def test_a_main_criterion_then_a_lettered_list_and_preferences_counted(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Inriktning för lokala utvecklingsmedel 2018")
        + """
Bedömningsgrunder

Huvudkriteriet för lokala utvecklingsmedel är att projektet ska kunna
spridas till fler förvaltningar.

Därutöver bedöms ansökningarna utifrån om projektet

a) har stöd av en forskare,
b) har mätbara mål för brukarna,
c) har en plan för implementering.

För 2018 har nämnden också angett två inriktningar som kan ge förtur:
barn som bevittnat våld, och äldre med missbruk.
"""
    )
    f = facts_of(tmp_path, text)
    got = [(c.kind, c.position, c.text) for c in f.criteria]
    assert got[:4] == [
        (
            "criterion",
            1,
            "Huvudkriteriet för lokala utvecklingsmedel är att projektet ska kunna spridas till "
            "fler förvaltningar.",
        ),
        ("criterion", 2, "har stöd av en forskare"),
        ("criterion", 3, "har mätbara mål för brukarna"),
        ("criterion", 4, "har en plan för implementering"),
    ]
    assert got[4:] == [
        ("priority", 1, "barn som bevittnat våld"),
        ("priority", 2, "äldre med missbruk"),
    ]


def test_trips_with_a_count_of_participants_before_the_sum(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2014, title="Årsrapport för FoU-medel 2013")
        + """
Studiebesök (MUST) 2013

Fyra studiebesök beviljades medel för 2013. Samtliga har genomförts.

- Tammerfors, skolsociala team (Bromma), 3 deltagare,
  18 200 kr
- Bergen, mobila team i psykiatrin (Älvsjö), 2 deltagare, 11 400 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects)
    assert got == [
        ("Bergen, mobila team i psykiatrin", ["alvsjo"], 11_400),
        ("Tammerfors, skolsociala team", ["bromma"], 18_200),
    ]


def test_a_status_column_dated_by_month_and_a_decision_column(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016, title="Tillägg till FoU-plan 2016")
        + """
Tabell 1. Lokala utvecklingsprojekt 2015

Stadsdelsförvaltning    Projekt                            Beviljat     Status
                                                           (kr)         dec 2015
Bromma                  Tryggare skolvägar                 310 000      avslutat
Farsta                  Digitala möten med                 280 000      pågår
                        socialsekreterare

Tabell 2. Studier efter tillägget

Studie                Utförare             Beslut       Ändring     Nytt
                                           2016-02-10   (kr)        belopp
                                           (kr)                     (kr)
Unga i hemlöshet      Exempelinstitutet     500 000     +120 000      620 000
Spelberoende bland    Analysbyrån AB        400 000      -60 000      340 000
äldre
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got["Tryggare skolvägar"] == (310_000, "genomförd")
    assert got["Digitala möten med socialsekreterare"] == (280_000, "pågående")
    assert got["Unga i hemlöshet"][0] == 620_000
    assert got["Spelberoende bland äldre"][0] == 340_000
    kinds = {a.raw: a.kind for a in f.amounts}
    assert kinds["+120 000"] == "other"  # a change, no grant


def test_items_that_carry_their_own_verdict(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2023, title="Redovisning av lokala utvecklingsmedel 2023")
        + """
Utvecklingsmedel för 2024

Socialnämnden fattade den 12 december 2023 följande beslut:

1. Stödsamtal för unga anhöriga - beviljas 380 000 kr.
2. Mobil budgetrådgivning - avslås. Sökt belopp var 240 000 kr.
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.status, p.amount_sek) for p in f.projects)
    assert got == [
        ("Mobil budgetrådgivning", "ansökt", 240_000),
        ("Stödsamtal för unga anhöriga", "beviljad", 380_000),
    ]


def test_a_header_whose_first_line_names_only_the_money_columns(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2011, title="Verksamhetsberättelse 2010")
        + """
Tabell 2. Externt finansierade projekt 2010 (tkr)

                                                   Beviljat   Intäkt
Projekt                   Finansiär                totalt     2010     Period
Boende först              Socialstyrelsen           1 800       900    2010–2011
Språkcaféet               Arvsfonden                  640       640    2010
Summa                                               2 440     1 540
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek) for p in f.projects)
    assert got == [("Boende först", 1_800_000), ("Språkcaféet", 640_000)]
    kinds = {(a.sek, a.raw): a.kind for a in f.amounts}
    assert kinds[(900_000, "900")] == "other"  # what came in during the year: no grant


def test_a_status_cell_that_says_the_work_goes_on(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Redovisning av lokala utvecklingsprojekt 2019")
        + """
Tabell 1. Lokala utvecklingsprojekt 2019

Projekt                    Förvaltning       Beviljat   Status
Digitala hembesök          Bromma            310 000    avslutat
Tidiga samtal i skolan     Farsta            280 000    fortsätter
                                                        2020
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.status for p in f.projects}
    assert got == {"Digitala hembesök": "genomförd", "Tidiga samtal i skolan": "pågående"}


def test_an_agreement_with_numbered_paragraphs_and_a_years_instalments(
    tmp_path: Path,
) -> None:
    """The title of an agreement printed as its kind over "om …" above "§ 1 …"; the project
    it names; its yearly instalments are no projects."""
    path = tmp_path / "doc.txt"
    path.write_text(
        """                                                           Bilaga 2
                                                           Dnr 4.1-330/2014


AVTAL

om ekonomiskt stöd till projektet Läxhjälp i Husby
under åren 2015–2016


§ 1  Parter

Stockholms stad genom Rinkeby-Kista stadsdelsnämnd och Föreningen
Kunskapsbron har träffat följande avtal om projektet Läxhjälp i Husby.

§ 2  Stadsdelsnämndens åtaganden

Stadsdelsnämnden ska bidra till projektet med följande belopp:

     År 2015                          210 000 kronor
     År 2016                          230 000 kronor
     Totalt                           440 000 kronor
""",
        encoding="utf-8",
    )
    doc = understood(path)
    assert doc.meta.title == (
        "Avtal om ekonomiskt stöd till projektet Läxhjälp i Husby under åren 2015–2016"
    )
    f = facts_of(tmp_path, path.read_text(encoding="utf-8"))
    assert [p.name for p in f.projects] == ["Läxhjälp i Husby"]


def test_criteria_changed_from_last_year_and_areas_given_precedence(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Inriktning för lokala utvecklingsmedel 2021")
        + """
Kriterier

Förvaltningen föreslår att ansökningarna 2021 prioriteras utifrån
följande kriterier. Ändringar jämfört med 2020 anges inom parentes.

1. Projektet kan spridas till flera förvaltningar. (oförändrat)
2. Projektet har en plan för att mäta resultat för brukarna. (nytt)
3. Projektet är förankrat i förvaltningens ledning. (skärpt)

Vid lika bedömning föreslås ansökningar inom två områden ges förtur:
stöd till unga anhöriga, samt insatser mot ekonomiskt våld.
"""
    )
    f = facts_of(tmp_path, text)
    assert [(c.kind, c.text) for c in f.criteria] == [
        ("criterion", "Projektet kan spridas till flera förvaltningar."),
        ("criterion", "Projektet har en plan för att mäta resultat för brukarna."),
        ("criterion", "Projektet är förankrat i förvaltningens ledning."),
        ("priority", "stöd till unga anhöriga"),
        ("priority", "insatser mot ekonomiskt våld"),
    ]


def test_areas_whose_kind_the_tables_caption_gives(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2018, title="Medel för stadsövergripande studier 2019")
        + """
Utlysningen

Tabell 1. Prioriterade områden i 2019 års utlysning

Område                              Exempel på frågeställningar
Skolfrånvaro och socialtjänst       Hur kan socialtjänsten och skolan
                                    samarbeta kring elever som inte går
                                    till skolan?
Våld i ungas relationer             Vilka insatser når unga som utsätts
                                    för våld av en partner?
"""
    )
    f = facts_of(tmp_path, text)
    assert [c.text for c in f.criteria] == [
        "Skolfrånvaro och socialtjänst",
        "Våld i ungas relationer",
    ]


def test_applicants_over_their_activity_beside_a_district_column(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                PROTOKOLLSUTDRAG
KULTURNÄMNDEN                                  2001-05-15

§ 9

Kulturbidrag till barn och unga i ytterstaden, andra omgången 2001

Till den andra ansökningsomgången har 24 ansökningar kommit in på
sammanlagt 910 000 kr. Förvaltningen föreslår att två ansökningar
beviljas med sammanlagt 85 000 kr.

Sökande / verksamhet                             Stadsdel            Kr

Cirkusföreningen Manegen                         Skärholmen      50 000
Cirkusskola för barn 8-12 år

Farsta Filmklubb                                 Farsta          35 000
Filmverkstad för unga

Summa                                                            85 000
"""
    f = facts_of(tmp_path, text)
    got = sorted(
        (p.name, p.performer, [d.district_id for d in p.districts], p.amount_sek)
        for p in f.projects
    )
    assert got == [
        ("Cirkusskola för barn 8-12 år", "Cirkusföreningen Manegen", ["skarholmen"], 50_000),
        ("Filmverkstad för unga", "Farsta Filmklubb", ["farsta"], 35_000),
    ]
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[910_000] == "other"  # what the applications asked for
    assert kinds[50_000] == "project_cost"


def test_a_partnerships_sum_in_the_next_decision_item(tmp_path: Path) -> None:
    text = """NACKA KOMMUN
Sammanträdesprotokoll
Socialnämnden
2024-10-08

§ 101
Idéburet offentligt partnerskap med Föreningen Fyrbåken 2025–2026

Socialnämndens beslut

1. Socialnämnden godkänner att kommunen ingår ett idéburet offentligt
   partnerskap med Föreningen Fyrbåken avseende verksamheten
   Öppna Hamnen för perioden 2025-01-01 – 2026-12-31.
2. Kommunens bidrag till partnerskapet uppgår till 640 000 kronor
   per år, totalt 1 280 000 kronor för avtalsperioden.
3. Paragrafen förklaras omedelbart justerad.
"""
    f = facts_of(tmp_path, text)
    got = [(p.name, p.performer, p.amount_sek) for p in f.projects]
    assert got == [("Öppna Hamnen", "Föreningen Fyrbåken", 1_280_000)]


def test_a_project_run_by_a_district_named_after_it(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2016, title="Svar på remiss om kost i äldreomsorgen")
        + """
Bakgrund

Under 2015 genomfördes projektet Smakfulla måltider av Skarpnäcks
stadsdelsförvaltning med 260 000 kronor ur äldrenämndens
utvecklingsmedel.
"""
    )
    f = facts_of(tmp_path, text)
    got = [(p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects]
    assert got == [("Smakfulla måltider", ["skarpnack"], 260_000)]
