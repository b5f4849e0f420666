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

from pipeline.facts.context import find_funds
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
        "med medel från Länsstyrelsen i Stockholms län",
        "bidrag från Folkhälsomyndigheten",
    ):
        assert [f[2] for f in find_funds(text)] == ["statsbidrag"], text
