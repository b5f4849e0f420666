"""Blind rounds g183–g198 and n107–n122, on short texts written for the test: lists of short
blocks that end in their sum (after leader dots, or alone on the next line), grouped under a
year or a destination; district groups whose rows end in a sum at the right margin;
paragraphs headed by a project and its owner; table columns that hold two things, areas,
counts, and the date of an earlier decision; grants "för investeringen X"."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of
from test_extract_round_w import SN_HEAD

SDF_HEAD = """Bromma stadsdelsförvaltning                        Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg         Dnr 1.2-300/2014
                                                   Sida 1 (2)
                                                   2014-04-02
Handläggare                                        Till
Ola Prov                                           Bromma stadsdelsnämnd

"""

LEADERS = """Förvaltningens utvecklingsmedel 2014 – fördelning
till enheterna

Förslag till beslut
1. Bromma stadsdelsnämnd fördelar 300 000 kr enligt förvaltningens förslag.

Förvaltningens förslag
Förvaltningen föreslår att följande projekt beviljas medel
(ansvarig enhet inom parentes).

Stödgrupp för syskon till barn
med funktionsnedsättning (Barnenheten) .............. 120 000 kr

Språkcafé för nyanlända föräldrar (Öppna
förskolan) ........................................... 70 000 kr

Samordnad mottagning, tillsammans med Spånga-Tensta
stadsdelsförvaltning (Mottagningen) .................. 110 000 kr

Summa ................................................ 300 000 kr

Kostnader för projektet med syskongrupper:

    Gruppledare, 20 %                          90 000 kr
    Material och lokal                         30 000 kr
    Summa                                     120 000 kr
"""


def test_blocks_that_end_in_their_sum_after_leader_dots(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SDF_HEAD + LEADERS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Stödgrupp för syskon till barn med funktionsnedsättning",
        "Språkcafé för nyanlända föräldrar",
        "Samordnad mottagning",
    }
    assert got["Språkcafé för nyanlända föräldrar"].amount_sek == 70_000
    shared = got["Samordnad mottagning"]
    assert {d.district_id for d in shared.districts} == {"bromma", "spanga-tensta"}
    assert {d.district_id for d in got["Språkcafé för nyanlända föräldrar"].districts} == {"bromma"}


def test_a_title_that_goes_on_with_a_lower_case_till_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(SDF_HEAD + LEADERS, encoding="utf-8")
    title = understood(path).meta.title
    assert title == "Förvaltningens utvecklingsmedel 2014 – fördelning till enheterna"


REPORT = """Redovisning av lokala utvecklingsmedel 2012–2013

Förslag till beslut
1. Bromma stadsdelsnämnd godkänner redovisningen.

Ärendet

Beviljade projekt 2012

Motiverande samtal i mottagningen
                                                   210 000 kr
Föräldrastöd i grupp för pappor
(tillsammans med Kungsholmens stadsdelsförvaltning)
                                                   180 000 kr

Beviljade projekt 2013

Digital bokning av hembesök
                                                   150 000 kr
Uppsökande arbete bland äldre
                                                    95 000 kr

Motiverande samtal i mottagningen
Metoden används nu i hela mottagningen. Projektet avslutades i
december 2012.

Uppsökande arbete bland äldre
Projektet pågår till och med juni 2014.
"""


def test_blocks_with_the_sum_on_the_next_line_under_year_headings_and_described_later(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SDF_HEAD + REPORT)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Motiverande samtal i mottagningen",
        "Föräldrastöd i grupp för pappor",
        "Digital bokning av hembesök",
        "Uppsökande arbete bland äldre",
    }
    assert (
        got["Motiverande samtal i mottagningen"].year,
        got["Digital bokning av hembesök"].year,
    ) == (
        2012,
        2013,
    )
    assert {d.district_id for d in got["Föräldrastöd i grupp för pappor"].districts} == {
        "bromma",
        "kungsholmen",
    }
    assert got["Motiverande samtal i mottagningen"].status == "genomförd"
    assert got["Uppsökande arbete bland äldre"].status == "pågående"


TRIPS = """Fördelning av medel för studieresor 2010

Förslag till beslut
1. Socialnämnden beviljar resorna enligt förslaget.

Förslag till fördelning

Resorna redovisas per resmål. Sökande förvaltning inom parentes.
Belopp i kronor.

BERGEN
  Familjeråd i skolan (Farsta)                              21 000
  Bostadssociala kontrakt
  (Hägersten-Liljeh.)                                       18 000

TAMPERE
  Öppenvård för unga (Bromma, medsökande Älvsjö)            24 500

Summa                                                       63 500

Ekonomi
Medlen belastar nämndens budget för 2010.
"""


def test_blocks_grouped_under_destinations_with_bare_sums_in_the_captions_unit(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2010") + TRIPS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Familjeråd i skolan", "Bostadssociala kontrakt", "Öppenvård för unga"}
    assert got["Öppenvård för unga"].amount_sek == 24_500
    assert {d.district_id for d in got["Öppenvård för unga"].districts} == {"bromma", "alvsjo"}
    # a cut-off name of 2010 is the district of 2010 that it begins
    assert [d.district_id for d in got["Bostadssociala kontrakt"].districts] == [
        "hagersten-liljeholmen"
    ]


MONEY_SECTION = """Tillägg till fördelning av lokala utvecklingsmedel 2019

Förslag till beslut
1. Socialnämnden beviljar två projekt medel.

Ekonomiska konsekvenser

De två projekten finansieras med återförda medel och med utrymme i årets ram:

  Återförda medel från ett avslutat projekt            200 000 kr
  Outnyttjat utrymme i årets ram                        90 000 kr
  Summa att fördela                                    290 000 kr
"""


def test_the_sums_of_a_money_section_are_no_projects(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + MONEY_SECTION)
    assert not [p for p in f.projects if "ram" in p.name or "medel" in p.name]


GROUPS = """Lokala utvecklingsmedel 2019

Förslag till beslut
1. Socialnämnden beviljar projekten medel enligt förslaget.

Följande projekt föreslås få medel:

Farsta stadsdelsförvaltning
Språkstöd i utredningsarbetet                               300 000 kr

Älvsjö stadsdelsförvaltning
(medsökande Skarpnäcks stadsdelsförvaltning)
Samordnat stöd till äldre - våld
i nära relationer                                           250 000 kr

Bromma stadsdelsförvaltning
Föräldragrupper för tonårsföräldrar                         200 000 kr
"""


def test_district_groups_whose_rows_end_in_a_sum_at_the_margin(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2019") + GROUPS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Språkstöd i utredningsarbetet",
        "Samordnat stöd till äldre - våld i nära relationer",
        "Föräldragrupper för tonårsföräldrar",
    }
    shared = got["Samordnat stöd till äldre - våld i nära relationer"]
    assert shared.amount_sek == 250_000
    assert {d.district_id for d in shared.districts} == {"alvsjo", "skarpnack"}


SHARES = """Lokala utvecklingsmedel 2021

Förslag till beslut
1. Socialnämnden beviljar tre projekt sammanlagt 610 000 kronor.

Förvaltningens förslag per projekt

Tidiga insatser i förskolan, Farsta stadsdelsförvaltning
Projektets totala kostnad är 500 000 kronor. Förvaltningen föreslår
att LUM finansierar hälften, 250 000 kronor.

Stöd till anhöriga, Kungsholmens stadsdelsförvaltning (medsökande
Norrmalms stadsdelsförvaltning)
Den totala kostnaden är 600 000 kronor. Föreslagen andel är 40
procent (240 000 kronor).

Samtalsmottagning för unga, Skarpnäcks stadsdelsförvaltning
Projektet kostar 240 000 kronor och föreslås få halva kostnaden
täckt, 120 000 kronor.
"""


def test_paragraphs_headed_by_a_project_and_its_owner_state_the_share_granted(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2021") + SHARES)
    got = {p.name: p for p in f.projects}
    assert {n: p.amount_sek for n, p in got.items()} == {
        "Tidiga insatser i förskolan": 250_000,
        "Stöd till anhöriga": 240_000,
        "Samtalsmottagning för unga": 120_000,
    }
    assert {d.district_id for d in got["Stöd till anhöriga"].districts} == {
        "kungsholmen",
        "norrmalm",
    }


RANKED = """Projektbidrag till ideella organisationer 2020

Förslag till beslut
1. Nämnden beviljar projektbidrag enligt tabell 1.

Tabell 1. Ansökningar i rangordning

Nr  Organisation / Insats              Område               Poäng   Sökt (kr)   Förslag (kr)
1   Föreningen Provgården              Farsta                  24     300 000        280 000
    Läxhjälp i samverkan
2   Idrottsrådet Syd                   Skarpnäck               21     250 000        250 000
    Ledarutbildning för unga
3   Stiftelsen Provbacken              Bromma                  12     200 000              –
    Kvällsöppet i parken
"""


def test_a_column_of_organisations_over_their_projects_and_a_column_of_areas(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2020") + RANKED)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Läxhjälp i samverkan",
        "Ledarutbildning för unga",
        "Kvällsöppet i parken",
    }
    first = got["Läxhjälp i samverkan"]
    assert (first.performer, first.amount_sek) == ("Föreningen Provgården", 280_000)
    assert [d.district_id for d in first.districts] == ["farsta"]


CHANGED = """Ändring av beslut om lokala utvecklingsmedel 2018

Förslag till beslut
1. Socialnämnden ändrar beloppen enligt tabell 1.

Tabell 1. Ändrade belopp (kronor)
Projekt                        Förvaltning       Beslut        Nytt
                                                 2018-02-20    belopp
Mentorer för unga vuxna        Farsta            300 000  →   200 000
Kvällsmottagning för           Bromma            250 000  →   310 000
familjer
"""


def test_a_table_of_sums_changed_from_an_earlier_decisions_date(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2018") + CHANGED)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {"Mentorer för unga vuxna": 200_000, "Kvällsmottagning för familjer": 310_000}


TRIP_TABLE = """Studieresor 2012

Förslag till beslut
1. Socialnämnden beviljar resorna enligt tabellen.

Nr  Förvaltning     Resmål      Syfte                     Delt.  Belopp, kr
1   Farsta          Bergen      Familjeråd i skolan          4     20 000
2   Bromma          Tampere     Öppenvård för unga           3     16 000
"""


def test_a_trip_table_with_a_column_of_participants(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2012") + TRIP_TABLE)
    assert sorted(p.amount_sek or 0 for p in f.projects) == [16_000, 20_000]
    assert {d.district_id for p in f.projects for d in p.districts} == {"farsta", "bromma"}


INVESTMENT = """Sociala investeringar, andra omgången 2017

Beslut
1. Farsta stadsdelsnämnd beviljas 3,5 mnkr ur den sociala
   investeringsfonden för investeringen Familjestöd i Hökarängen
   under åren 2017–2019.
2. Bromma stadsdelsnämnd beviljas 2,1 mnkr ur den sociala
   investeringsfonden för investeringen Språklek i förskolan
   under åren 2017–2018.
"""


def test_grants_for_named_investments(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2017") + INVESTMENT)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {"Familjestöd i Hökarängen": 3_500_000, "Språklek i förskolan": 2_100_000}


RAN = """Verksamhetsberättelse 2011, individ- och familjeomsorg

Utvecklingsarbete

Under 2011 har förvaltningen bedrivit två utvecklingsprojekt med
extern finansiering.

Stöd till unga föräldrar i Rågsved
Projektet har erbjudit unga föräldrar samtal i grupp. Projektet
finansierades med 300 000 kronor i lokala utvecklingsmedel och
avslutades i december 2011.

Träffpunkt för äldre i Högdalen
Med stimulansmedel från Socialstyrelsen om 250 000 kronor har
förvaltningen anställt en samordnare. Projektet pågår till och med
juni 2012.
"""


def test_a_report_counts_the_projects_it_ran_and_gives_each_a_section(tmp_path: Path) -> None:
    head = SDF_HEAD.replace("Bromma", "Enskede-Årsta-Vantörs").replace("2014", "2012")
    f = facts_of(tmp_path, head + RAN)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Stöd till unga föräldrar i Rågsved": 300_000,
        "Träffpunkt för äldre i Högdalen": 250_000,
    }


STUDIES = """Stadsövergripande studier 2006

Förslag till beslut
1. Kommunstyrelsen beställer studierna enligt förslaget.

Föreslagna studier

Barn i skyddat boende
Studien följer trettio barn under ett år och genomförs av
Provhögskolan. Kostnaden beräknas till 600 tkr. Studien ska vara
klar i juni 2007.

Köp av platser i familjehem
Utredningsgruppen Prov AB kartlägger köpen. Uppdraget har
upphandlats för 350 tkr och ska vara klart i oktober 2006.

Ekonomi

De två studierna kostar tillsammans 950 tkr.
"""


def test_studies_each_under_a_heading_below_a_heading_that_names_their_kind(
    tmp_path: Path,
) -> None:
    head = SN_HEAD.replace("Socialnämnden", "Kommunstyrelsen").replace("2016", "2006")
    f = facts_of(tmp_path, head + STUDIES)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {"Barn i skyddat boende": 600_000, "Köp av platser i familjehem": 350_000}


PLAN_TABLE = """Bidrag till idéburna organisationer 2024

Förvaltningen redovisar nedan bidragen i budget 2023 och förslaget för
2024. Belopp i tkr.

Organisation                        Budget 2023   Förslag 2024   Förändring
Boende
Stiftelsen Provhemmet                     1 200          1 300          100
Föreningen Provtaket                        800            800            –

Våld i nära relationer
Provjouren Syd                              500            450          −50
"""


def test_a_budget_plan_in_the_unit_a_sentence_gives_with_groups_of_rows(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2023") + PLAN_TABLE)
    got = {(a.sek, a.kind, a.year) for a in f.amounts}
    assert {
        (1_200_000, "budget", 2023),
        (1_300_000, "budget", 2024),
        (450_000, "budget", 2024),
    } <= got
    assert (-50_000, "other") in {(a.sek, a.kind) for a in f.amounts}


SPLIT = """Lokala utvecklingsavtal 2001

Fördelningen mellan stadsdelarna framgår av följande sammanställning (kronor).

Stadsdelsområde      Statligt bidrag     Stadens insats         Summa
Rinkeby                  5 000 000          5 000 000      10 000 000
Kista                    3 000 000          3 000 000       6 000 000
"""


def test_a_table_whose_unit_ends_the_sentence_above_it(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2001") + SPLIT)
    got = {(a.sek, a.kind) for a in f.amounts}
    assert {(5_000_000, "state_grant"), (3_000_000, "state_grant"), (3_000_000, "budget")} <= got


MOTIONS = """Föreningsbidrag 2012

Beslut
1. Nämnden beviljar föreningsbidrag enligt förvaltningens förslag.

Ärendet
Totalt inkom sju ansökningar från fem föreningar om sammanlagt 410 000 kr.
Ansökningarna från två idrottsföreningar om sammanlagt 95 000 kr föreslås avslås.
Per Prov (V) yrkar att Provgårdens förening beviljas 30 000 kronor.
"""


def test_sums_applied_for_turned_down_and_moved_by_a_member_are_no_grants(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2012") + MOTIONS)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert (kinds[410_000], kinds[95_000], kinds[30_000]) == ("other", "other", "other")


COSTS = """Ansökan om lokala utvecklingsmedel 2006

Förslag till beslut
1. Stadsdelsnämnden godkänner ansökan om 200 000 kr för projektet Kvällsmottagning.

Kostnadsberäkning, projektet Kvällsmottagning

    Socialsekreterare, 30 %                     150 000 kr
    Handledning                                  50 000 kr
    Summa som söks                              200 000 kr

"""


def test_a_heading_over_a_projects_costs_makes_its_rows_cost_items(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SDF_HEAD.replace("2014", "2006") + COSTS)
    kinds = {a.sek: a.kind for a in f.amounts if a.sek in (150_000, 50_000)}
    assert kinds == {150_000: "other", 50_000: "other"}


TWO_COLUMNS = """Studiebesök 2004

Förslag till beslut
1. Socialtjänstnämnden beviljar resorna enligt förslaget.

Förvaltningen föreslår att följande resor beviljas:

Farsta            Mentorer för unga, Malmö                   20 000 kr
Bromma            Brukarråd i socialpsykiatrin,
                  Göteborg                                   18 000 kr
Kista             Familjeråd, Oslo                           22 000 kr
"""


def test_a_right_cell_that_goes_on_under_its_column_keeps_the_list_going(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2004") + TWO_COLUMNS)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Mentorer för unga, Malmö": 20_000,
        "Brukarråd i socialpsykiatrin, Göteborg": 18_000,
        "Familjeråd, Oslo": 22_000,
    }


RANKED_BY = """Lokala utvecklingsmedel 2027

Lokala utvecklingsmedel (LUM) 2027
En ansökan kan omfatta högst 600 000 kronor. Ansökningarna rangordnas
efter hur väl de
  - bygger på ett beskrivet behov,
  - har stöd av en forskare.

Kommunstyrelsen beslutade att studierna under 2027 ska inriktas på
1) äldres ensamhet, 2) unga utan sysselsättning och 3) skuldsatta familjer.
"""


def test_criteria_ranked_by_how_well_and_focus_areas_numbered_inline(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "2026") + RANKED_BY)
    got = {(c.kind, c.text.rstrip(".")) for c in f.criteria}
    assert {
        ("criterion", "bygger på ett beskrivet behov"),
        ("criterion", "har stöd av en forskare"),
        ("focus_area", "äldres ensamhet"),
        ("focus_area", "skuldsatta familjer"),
    } <= got


UNITS = """Lokala utvecklingsmedel 2019 – fördelning till enheterna

Förslag till beslut
1. Stadsdelsnämnden fördelar medlen enligt tabellen.

Nr  Enhet                      Utvecklingsarbete                  Beviljas, kr
1   Enheten för ekonomiskt     Digitala möten i                        120 000
    bistånd                    försörjningsstödet
2   Fältgruppen                Kvällsvandringar med unga                60 000
"""


def test_a_nämnds_table_of_its_own_units_and_their_development_work(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SDF_HEAD.replace("2014", "2019") + UNITS)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Digitala möten i försörjningsstödet": (120_000, ["bromma"]),
        "Kvällsvandringar med unga": (60_000, ["bromma"]),
    }


SECTIONS = """Ansökan om lokala utvecklingsmedel 2007

Förslag till beslut
1. Stadsdelsnämnden godkänner ansökan om två projekt.

De sökta projekten

Läxhjälp med föräldrar
Skolans kuratorer och socialsekreterare bjuder in föräldrar till
läxkvällar.
   Sökt belopp:                 150 000 kr
   Total projektkostnad:        300 000 kr

Föräldragrupper enligt Komet för familjer med tonåringar
Unga vuxna med skulder erbjuds samtal med en budgetrådgivare.
   Sökt belopp:                 120 000 kr
   Total projektkostnad:        250 000 kr

Förvaltningens synpunkter

Projekten stärker arbetet med tidiga insatser.
"""


def test_sections_under_a_heading_that_names_their_kind_with_labelled_sums(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SDF_HEAD.replace("2014", "2006") + SECTIONS)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Läxhjälp med föräldrar": 150_000,
        "Föräldragrupper enligt Komet för familjer med tonåringar": 120_000,
    }


QUOTED_UNDER = """Fördelning av FoU-medel 1999

Förslag till beslut
1. Socialtjänstnämnden beviljar projekten bidrag enligt förslaget.

Förvaltningen föreslår att följande projekt beviljas bidrag:

1.   Vantörs sdf                                          150.000:-
     "Samtalsgrupper för föräldrar med
     små barn"

2.   Farsta sdf                                           120.000:-
     "Dokumentation i familjebehandlingen"
"""


def test_items_whose_title_in_quotation_marks_stands_under_owner_and_sum(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD.replace("2016", "1999") + QUOTED_UNDER)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Samtalsgrupper för föräldrar med små barn": (150_000, ["vantor"]),
        "Dokumentation i familjebehandlingen": (120_000, ["farsta"]),
    }
