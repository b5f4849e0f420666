"""Forty-fifth session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* projects cut back ("Projekt | Verksamhet | Budget 2011 | Åtgärd | Besparing 2012"): each
  project's budget is its sum and the budget's year its year, the savings other money;
  its unit and what is done to it are no part of its name;
* a statute's number ("förordningen (2016:1363)") is no year of the money;
* an application form: the name section ("B. Projektets namn och period") names the one
  project, the applicant's section ("A. Uppgifter om sökande") none;
* "Första" is no Farsta (a word with å/ä/ö of its own, which OCR does not add);
* "Projekt som rekommenderas | Stadsdelsförv. | Kr" names its rows, and the rows under
  "Ansökningar som avstyrks" after its Summa are the applications turned down;
* an assessors' sheet ("Rang Nr | Förvaltning / projekt | A | B | C | Medel | Sökt kr |
  Förslag kr") over two pages: points are no money, each cell's owner over its project;
* a "Kommentar:" line under a ruled row is no part of the row's name;
* "Studie / utförare" with the performer on the cell's last line;
* "Förskola | Åtgärd | Beräknad kostnad | Sökt bidrag": each site's application;
* money from a state agency ("bidrag från Boverket") is a statsbidrag.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import document_fund, find_funds
from pipeline.facts.finders import place_finder

DISTRICT_HEAD = """Enskede-Årsta-Vantörs stadsdelsförvaltning      Tjänsteutlåtande
Avdelningen för ekonomi                         Dnr 1.2-077/{year}
                                                Sida 1 (2)
                                                {year}-10-12
Handläggare: Per Exempel                        Till
Telefon: 08-508 00 000                          Enskede-Årsta-Vantörs
                                                stadsdelsnämnd

{title}

Förslag till beslut
1. Stadsdelsnämnden godkänner förvaltningens förslag.
"""

CUTS = """
Projekt som avslutas eller minskas, tkr

Projekt                       Verksamhet      Budget   Åtgärd     Besparing
                                               2011                    2012

Nattvandring i Rågsved        IFO                 410   Minskas          200
Läxstöd på                    Barn och ungdom     360   Avslutas         360
fritidsgården
Seniorträffar i Årsta         Äldreomsorg         250   Avslutas         250

Summa                                           1 020                   810
"""


def test_projects_cut_back_keep_their_budget_as_their_sum(tmp_path: Path) -> None:
    title = "Besparingar i budget 2012 – konsekvenser"
    f = facts_of(tmp_path, DISTRICT_HEAD.format(year=2011, title=title) + CUTS)
    got = {p.name: (p.amount_sek, p.year) for p in f.projects}
    assert got == {
        "Nattvandring i Rågsved": (410_000, 2011),
        "Läxstöd på fritidsgården": (360_000, 2011),
        "Seniorträffar i Årsta": (250_000, 2011),
    }
    kinds = {(a.sek, a.kind) for a in f.amounts}
    assert {(410_000, "project_cost"), (200_000, "other"), (360_000, "other")} <= kinds
    assert (410_000, "budget") not in kinds


FORM = """Hässelby-Vällingby stadsdelsförvaltning                    Ansökan
Avdelningen för individ och familj                         Dnr 1.5-200/2020
                                                           Sida 1 (2)
                                                           2020-10-05

Handläggare
Lisa Exempel
Telefon: 08-508 00 000

                                            Länsstyrelsen i Stockholms län
                                            Enheten för social hållbarhet
                                            Box 22067
                                            104 22 Stockholm

Ansökan om medel enligt förordningen (2016:1363) om
statsbidrag för integrationsinsatser, år 2021


A. Uppgifter om sökande

Projektansvarig           Lisa Exempel, enhetschef
Firmatecknare             Karl Exempel, stadsdelsdirektör
Bankgiro                  1234-5678


B. Projektets namn och period

Vardagssvenska på biblioteket – samtalsgrupper för nyanlända i
Hässelby

Projektperiod: 2021-01-01 – 2021-12-31


C. Budget

Sökt belopp från Länsstyrelsen                                 640 000 kronor
"""


def test_an_application_forms_name_section_names_its_one_project(tmp_path: Path) -> None:
    f = facts_of(tmp_path, FORM)
    assert [p.name for p in f.projects] == [
        "Vardagssvenska på biblioteket – samtalsgrupper för nyanlända i Hässelby"
    ]
    # (the statute's number is no year: the money is for the year the title names)
    assert {a.year for a in f.amounts} == {2021}


def test_a_word_with_its_own_diacritics_is_no_district_misread() -> None:
    find = place_finder(2021)
    assert find("Första steget mot arbete") == []
    assert [p.district_id for p in find("Första året i Farsta")] == ["farsta"]
    assert [p.district_id for p in find("Farstas projekt")] == ["farsta"]


COUNCIL = """STOCKHOLMS STAD                                   PROTOKOLL nr 3/2001
SOCIALTJÄNSTFÖRVALTNINGEN                         Sid 1 (1)
FoU-RÅDET FÖR SOCIALTJÄNSTEN

§ 2  Ansökningar om FoU-medel för utvecklingsprojekt år 2001

FoU-rådet beslutade

att rekommendera socialtjänstnämnden att bevilja medel till tre projekt,
att avstyrka övriga två ansökningar.

Projekt som rekommenderas                  Stadsdelsförv.           Kr
 1. Samtalsgrupper för tonårsföräldrar     Bromma              220 000
 2. Uppsökande arbete bland äldre med      Vantör              180 000
    alkoholproblem
 3. Stöd till unga vuxna i egen            Skärholmen          150 000
    lägenhet
    Summa                                                     550 000

Ansökningar som avstyrks
 4. Datorstöd i utredningsarbetet          Kungsholmen         240 000
 5. Utbildningsdag för chefer              Norrmalm             90 000
    Summa                                                     330 000
"""


def test_projects_recommended_and_the_applications_turned_down_under_them(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, COUNCIL)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Samtalsgrupper för tonårsföräldrar": 220_000,
        "Uppsökande arbete bland äldre med alkoholproblem": 180_000,
        "Stöd till unga vuxna i egen lägenhet": 150_000,
        "Datorstöd i utredningsarbetet": 240_000,
        "Utbildningsdag för chefer": 90_000,
    }
    turned_down = {p.name for p in f.projects if p.status == "ansökt"}
    assert {"Datorstöd i utredningsarbetet", "Utbildningsdag för chefer"} <= turned_down


SHEET = """
Bilaga 1. Bedömning av ansökningarna

Rang Nr  Förvaltning / projekt              A   B   C  Medel    Sökt kr  Förslag kr
------------------------------------------------------------------------------------
  1  04  Farsta                            16  17  15   16,0    300 000     300 000
           Familjeråd i
           barnavårdsutredningar
  2  09  Kungsholmen                       14  15  15   14,7    250 000     220 000
         (medsökande Norrmalm)
           Stödgrupp för anhöriga
  3  02  Socialtjänstförvaltningen,        13  12  14   13,0    200 000     200 000
         Ungdomsjouren
           Nattöppen mottagning
------------------------------------------------------------------------------------
\f
Bilaga 1 (forts.)

Rang Nr  Förvaltning / projekt              A   B   C  Medel    Sökt kr  Förslag kr
------------------------------------------------------------------------------------
  4  11  Skarpnäck                         10  11   9   10,0    280 000           -
           Webbkurs för
           familjehem
  5  07  Bromma                             8   9   8    8,3    190 000           -
           Mentorer i skolan
------------------------------------------------------------------------------------
Summa                                                          1 220 000     720 000
"""


def test_an_assessors_sheet_over_two_pages(tmp_path: Path) -> None:
    title = "Fördelning av lokala utvecklingsmedel för år 2010"
    f = facts_of(tmp_path, HEAD.format(year=2009, title=title) + SHEET)
    got = {
        p.name: (sorted(d.name_as_printed for d in p.districts), p.amount_sek) for p in f.projects
    }
    assert got == {
        "Familjeråd i barnavårdsutredningar": (["Farsta"], 300_000),
        "Stödgrupp för anhöriga": (["Kungsholmen", "Norrmalm"], 220_000),
        "Nattöppen mottagning": (["Socialtjänstförvaltningen", "Ungdomsjouren"], 200_000),
        "Webbkurs för familjehem": (["Skarpnäck"], 280_000),
        "Mentorer i skolan": (["Bromma"], 190_000),
    }
    assert not [a for a in f.amounts if a.sek < 1_000]  # (points, no money)


STUDIES = """
Tabell 1. Studier beställda 2010

Nr  Studie                           Utförare                Klar     Kostnad kr
--------------------------------------------------------------------------------
1   Familjehemsvård för tonåringar   Institutionen för       2011-05     450 000
    i ytterstaden                    socialt arbete,
                                     Stockholms universitet
    Kommentar: Delrapport lämnad i december. Farsta och Bromma
    stadsdelsförvaltningar bidrar med arbetstid.
--------------------------------------------------------------------------------
2   Skuldsättning bland unga vuxna   Ersta Sköndal högskola  2011-09     380 000
    Kommentar: Intervjuerna pågår.
--------------------------------------------------------------------------------
    Summa                                                               830 000

Studie / utförare                 2011    2012     tkr
1. Hemlöshet bland äldre          ■■■■    ■■■■     300
   kvinnor
   Göteborgs universitet
2. Barn i skyddat boende          ■■■■             250
   Malmö universitet
"""


def test_comments_under_rows_and_performers_under_names(tmp_path: Path) -> None:
    title = "Stadsövergripande FoU-studier 2010"
    f = facts_of(tmp_path, HEAD.format(year=2010, title=title) + STUDIES)
    got = {p.name: p.performer for p in f.projects}
    assert got == {
        "Familjehemsvård för tonåringar i ytterstaden": (
            "Institutionen för socialt arbete, Stockholms universitet"
        ),
        "Skuldsättning bland unga vuxna": "Ersta Sköndal högskola",
        "Hemlöshet bland äldre kvinnor": "Göteborgs universitet",
        "Barn i skyddat boende": "Malmö universitet",
    }


SITES = """
Förskolegårdar som söks för, kronor

Förskola                Åtgärd                          Beräknad         Sökt
                                                        kostnad, kr      bidrag, kr
Förskolan Ekorren,      Ny lekutrustning och            480 000          240 000
Årsta                   fallskydd
Förskolan Tallen,       Gummiasfalt och nya             300 000          150 000
Enskede gård            grindar
"""


def test_each_site_of_a_grant_application_is_a_project(tmp_path: Path) -> None:
    title = "Ansökan om bidrag från Boverket för upprustning av förskolegårdar 2017"
    f = facts_of(tmp_path, DISTRICT_HEAD.format(year=2017, title=title) + SITES)
    # (the site's neighbourhood after its comma may be read as where it is)
    names = sorted(p.name for p in f.projects)
    assert [n.split(",")[0] for n in names] == ["Förskolan Ekorren", "Förskolan Tallen"]


def test_money_from_a_state_agency_is_a_state_grant() -> None:
    for text in (
        "Ansökan om bidrag från Boverket för upprustning av skolgårdar",
        "bidrag från Socialstyrelsen för kompetensutveckling",
        "bidrag från Folkhälsomyndigheten",
    ):
        assert [f[2] for f in find_funds(text)] == ["statsbidrag"], text


SURVEY = """
Bilaga 1. Export av enkätsvar

Svar 1 av 2
----------------------------------------------------------------------
1. Förvaltning som ansvarar för projektet
   Bromma stadsdelsförvaltning
2. Projektets namn
   Samtalsgrupper för unga pappor
3. Medsökande förvaltning (om sådan finns)
   -
4. Beviljat belopp (kronor)
   250000

Svar 2 av 2
----------------------------------------------------------------------
1. Förvaltning som ansvarar för projektet
   Farsta stadsdelsförvaltning
2. Projektets namn
   Mobil rådgivning om skulder för
   barnfamiljer
3. Medsökande förvaltning (om sådan finns)
   Skarpnäcks stadsdelsförvaltning
"""


def test_a_forms_answer_under_its_question_ends_at_the_next_question(tmp_path: Path) -> None:
    title = "Redovisning av lokala utvecklingsmedel 2015"
    f = facts_of(tmp_path, HEAD.format(year=2016, title=title) + SURVEY)
    assert sorted(p.name for p in f.projects) == [
        "Mobil rådgivning om skulder för barnfamiljer",
        "Samtalsgrupper för unga pappor",
    ]


CIRCULAR = """
Nämnden beviljade följande projekt.

VÄSTERORT

Kista stadsdelsförvaltning
     Läxhjälp med mentorer för unga i Husby
     Beviljat 2000 .................... 230 000 kr   (sökt 260 000 kr)

Bromma stadsdelsförvaltning
     Samtalsstöd för äldre med nedstämdhet
     Beviljat 2000 .................... 140 000 kr
"""


def test_a_groups_granted_sum_beside_the_sum_it_sought(tmp_path: Path) -> None:
    title = "Lokala utvecklingsmedel år 2000 - beslut"
    f = facts_of(tmp_path, HEAD.format(year=1999, title=title) + CIRCULAR)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Läxhjälp med mentorer för unga i Husby": 230_000,
        "Samtalsstöd för äldre med nedstämdhet": 140_000,
    }


LIST_VIEW = """
Bilaga 1. Utskrift ur ansökningslistan

   Titel                           Resmål       Sökt belopp    Beviljat belopp  Beslut
                                                             Summa = 43 000 kr
v  Förvaltning : Farsta (1)                                  Summa = 25 000 kr
   Ungdomsråd och delaktighet      Göteborg     25 000 kr          25 000 kr  Beviljad
v  Förvaltning : Södermalm (2)                               Summa = 18 000 kr
   Härbärgen med låga trösklar     Malmö        18 000 kr          18 000 kr  Beviljad
   Familjecentraler i              Oslo         30 000 kr                     Avslag
   samverkan
"""


def test_a_list_views_groups_name_the_owner_of_their_rows(tmp_path: Path) -> None:
    title = "Fördelning av medel för utveckling och lärande (MUL) 2021"
    f = facts_of(tmp_path, HEAD.format(year=2020, title=title) + LIST_VIEW)
    got = {p.name: [d.name_as_printed for d in p.districts] for p in f.projects}
    assert got == {
        "Ungdomsråd och delaktighet": ["Farsta"],
        "Härbärgen med låga trösklar": ["Södermalm"],
        "Familjecentraler i samverkan": ["Södermalm"],
    }


CARDS = """
Projekt med lokala utvecklingsmedel 2014


Språkcafé för nyanlända föräldrar
Rinkeby-Kista stadsdelsförvaltning  ·  Beviljat 2014: 320 000 kr
Förbrukat: 300 000 kr  ·  Avslutat

Caféet har haft öppet två kvällar i veckan.

Jourhem för unga i kris
Bromma med Kungsholmen  ·  Beviljat 2014: 410 000 kr
Förbrukat: 410 000 kr  ·  Fortsätter 2015

Sex ungdomar har bott i jourhemmen under året.
"""


def test_a_name_over_its_owner_and_sum_set_apart_by_a_dot(tmp_path: Path) -> None:
    title = "Årsrapport FoU 2014"
    f = facts_of(tmp_path, HEAD.format(year=2015, title=title) + CARDS)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {
        "Språkcafé för nyanlända föräldrar": (["rinkeby-kista"], 320_000),
        "Jourhem för unga i kris": (["bromma", "kungsholmen"], 410_000),
    }


BALANCES = """
Tabell 1. Saldo per projekt 2016, kronor

Projekt                      Ingående   Erhållet  Förbrukat   Utgående
                                saldo       2016       2016      saldo
-----------------------------------------------------------------------
Föräldrastöd på arabiska       40 000    300 000    320 000     20 000
Mobil fältgrupp i city              -    250 000    250 000          -
-----------------------------------------------------------------------
Summa                          40 000    550 000    570 000     20 000
"""


def test_a_projects_balance_its_grant_received_is_its_sum(tmp_path: Path) -> None:
    title = "Uppföljning av lokala utvecklingsmedel 2016"
    f = facts_of(tmp_path, DISTRICT_HEAD.format(year=2017, title=title) + BALANCES)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {"Föräldrastöd på arabiska": 300_000, "Mobil fältgrupp i city": 250_000}
    kinds = {(a.sek, a.kind) for a in f.amounts}
    assert {(40_000, "other"), (320_000, "other")} <= kinds


SUMMER = """
Tabell 1. Sommarlovsprogram 2019

Aktivitet                     Arrangör                  Vecka          Kostnad
                                                                            kr

Dagläger för barn 6–9 år      Vantörs fritidsgårdar     26–27          150 000
Fotbollsskola i Rågsved       Rågsveds IF               27–28           80 000
Utflykter med familjer        Familjecentralen i        29              60 000
                              Högdalen

Summa                                                                  290 000
"""


def test_a_districts_own_units_run_its_rows_associations_perform_theirs(
    tmp_path: Path,
) -> None:
    title = "Sommarlovsprogram 2019 med statsbidrag"
    f = facts_of(tmp_path, DISTRICT_HEAD.format(year=2019, title=title) + SUMMER)
    got = {p.name: (bool(p.districts), p.performer) for p in f.projects}
    assert got == {
        "Dagläger för barn 6–9 år": (True, None),
        "Fotbollsskola i Rågsved": (False, "Rågsveds IF"),
        "Utflykter med familjer": (True, None),
    }


PLAN = """
Förvaltningens förslag

Studieplanen omfattar tre studier som genomförs av FoU-enheten och
beställs hos universitet. Lokala utvecklingsmedel behandlas i ett
särskilt ärende.

Studie 1. Unga vuxna i ekonomiskt bistånd
Beräknad kostnad: 520 000 kronor.
"""


def test_a_fund_dealt_with_in_another_arende_is_not_the_documents() -> None:
    assert document_fund("Studieplan för FoU-enheten 2012", PLAN) != "LUM"


SHARED = """
FÖRESLAGNA BIDRAG

Med 20 000 kr vardera:

  Bromma          Göteborg - barnahus och samverkan kring
                  barn som utsatts för våld (4 deltagare)

  Kista           Malmö - mötesplatser för unga i
                  förorten (4 deltagare)

Med 12 000 kr vardera:

  Farsta          Uppsala - familjerådslag (3 deltagare)

  Vantör          Örebro - boendestöd för unga vuxna
"""


def test_trips_under_the_sum_they_share(tmp_path: Path) -> None:
    title = "Medel för studiebesök (MUST) 1999"
    f = facts_of(tmp_path, HEAD.format(year=1999, title=title) + SHARED)
    got = {p.name: (p.amount_sek, [d.name_as_printed for d in p.districts]) for p in f.projects}
    assert got == {
        "Göteborg - barnahus och samverkan kring barn som utsatts för våld": (20_000, ["Bromma"]),
        "Malmö - mötesplatser för unga i förorten": (20_000, ["Kista"]),
        "Uppsala - familjerådslag": (12_000, ["Farsta"]),
        "Örebro - boendestöd för unga vuxna": (12_000, ["Vantör"]),
    }
    # (each shared sum is printed once: one amount each)
    assert sorted(a.sek for a in f.amounts if a.sek in (12_000, 20_000)) == [12_000, 20_000]


GROUNDS = """
Förvaltningen har bedömt ansökningarna efter följande grunder:

  -  att studiebesöket gäller en metod som stadsdelen vill pröva,
  -  att erfarenheterna sprids genom en reseberättelse.
"""


def test_grounds_an_office_assessed_by_are_criteria(tmp_path: Path) -> None:
    title = "Medel för studiebesök (MUST) 1999"
    f = facts_of(tmp_path, HEAD.format(year=1999, title=title) + GROUNDS)
    assert len(f.criteria) == 2
    assert not f.projects


CONDITIONS = """
Förslag till lokala utvecklingsmedel 2013

1.  Stödgrupper för syskon
    Farsta stadsdelsförvaltning

    Förslag                300 000 kronor

    Särskilda villkor
    a)  En projektplan lämnas till utvecklingsenheten senast
        den 1 mars 2013.
    b)  Beloppet betalas ut i två delar.
"""


def test_a_grants_conditions_are_no_criteria(tmp_path: Path) -> None:
    title = "Lokala utvecklingsmedel 2013"
    f = facts_of(tmp_path, HEAD.format(year=2012, title=title) + CONDITIONS)
    assert not f.criteria


RUBRIC = """
Bedömningsmall

Kriterium              0 poäng             1 poäng             2 poäng
================================================================================
1. Projektet har en    Ingen forskare      En forskare ger     En forskare
   tydlig plan för     medverkar.          råd.                medverkar hela
   utvärdering                                                 tiden.
--------------------------------------------------------------------------------
2. Brukarna deltar     Brukarna deltar     Brukarna            Brukarna deltar
   i arbetet           inte.               tillfrågas.         i styrgruppen.
--------------------------------------------------------------------------------
"""


def test_a_rubrics_row_headings_are_its_criteria(tmp_path: Path) -> None:
    title = "Inriktning och kriterier för lokala utvecklingsmedel 2014"
    f = facts_of(tmp_path, HEAD.format(year=2013, title=title) + RUBRIC)
    assert [c.text for c in f.criteria] == [
        "Projektet har en tydlig plan för utvärdering",
        "Brukarna deltar i arbetet",
    ]


CALL_OFFS = """
Tabell 1. Avrop 2004

Avrop   Studie                         Timmar    Takpris  Klart
nr                                                   kr

2004:1  Hemlösa kvinnor i Stockholm       300    270 000  juni 2004
2004:2  Unga vuxna med försörjnings-      420    380 000  dec 2004
        stöd - en registerstudie

Summa                                     720    650 000
"""


def test_studies_called_off_with_their_ceiling_prices(tmp_path: Path) -> None:
    title = "FoU inom socialtjänsten - avrop enligt ramavtal 2004"
    f = facts_of(tmp_path, HEAD.format(year=2004, title=title) + CALL_OFFS)
    got = {p.name: (p.amount_sek, p.fund_type) for p in f.projects}
    assert got == {
        "Hemlösa kvinnor i Stockholm": (270_000, "FUM"),
        "Unga vuxna med försörjningsstöd - en registerstudie": (380_000, "FUM"),
    }


OWNERS_OVER_ROWS = """
Tabell 1. Externt finansierade projekt 2020, kronor

Förvaltning / projekt                   Finansiär           Period                 Belopp

Socialförvaltningen
  Stöd till våldsutsatta äldre          Statsbidrag         2020                  900 000
  Ungdomsjour på nätet                  Arvsfonden          2019-05–2022-04     3 100 000
Farsta stadsdelsförvaltning
  Mötesplats för nyanlända föräldrar    ESF                 2020-01–2021-12     2 400 000
  Läxhjälp i Hökarängen                 Postkodstiftelsen   2020                  450 000
"""


def test_an_owners_line_over_its_projects_lines(tmp_path: Path) -> None:
    title = "Externt finansierade projekt 2020 – sammanställning"
    f = facts_of(tmp_path, HEAD.format(year=2020, title=title) + OWNERS_OVER_ROWS)
    got = {p.name: [d.name_as_printed for d in p.districts] for p in f.projects}
    assert got["Ungdomsjour på nätet"] == ["Socialförvaltningen"]
    assert got["Mötesplats för nyanlända föräldrar"] == ["Farsta stadsdelsförvaltning"]
    assert got["Läxhjälp i Hökarängen"] == ["Farsta stadsdelsförvaltning"]
