"""Twenty-sixth session: layouts of the blind round g607–g614 (opened for rules once a new
sealed genre round was written), each on a short text written for the test (none of the
round's names or sums):

* a district | project table that a text layer flattened column by column, with no money
  column: the districts' cells (one with its co-applicant wrapped inside a parenthesis, one
  a förvaltning with its unit after a comma), then the projects' cells, wrapped in lower
  case; above it a criteria list without bullets that ends before the next paragraph;
* a damaged-OCR trip table whose column gaps closed on some rows: a row whose every gap is
  one space, a row whose two sums ran into its text, a Summa row whose two sums ran
  together, a sum with a speck before it;
* a sum with a speck between it and "kr", and two sums of one verb in parallel clauses
  ("… att X kr fördelas till A och Y kr till B");
* study visits granted in one sentence of "att"-clauses, one for each applicant;
* a name written without quotation marks that goes on with "inom", a quoted name granted
  in the sentence that an earlier reader took for an ongoing project;
* projects under district headings, two under one district; a study title over its
  paragraph whose first word would have fitted on the title's line; a "FUM-projekt"
  heading and an "Inriktning" heading that name no project;
* a förvaltning's unit counted among the districts mentioned only where it owns a project;

and of the blind rounds g639–g654 and n451–n458, opened for rules once measured:

* a report ordered by förvaltning, each project headed "Name (FUND, sum)", the bracket
  wrapped with the name, one project "drivs tillsammans med" another district, and a
  summary table of one row per fund ("Lokala utvecklingsprojekt (LUM) | 7 | 3 000 000");
* a trip table captioned "Tabell 1. …" after a list of applications turned down;
* a "Sökt mnkr" column beside a "Förslag mnkr" column;
* "Förslag t1l1 beslut" in damaged OCR over the numbered decisions;
* co-financing "med sammanlagt …", and a remainder after two earlier sums in one sentence;
* project cards in an appendix, two side by side: the owner, the name, a description and
  "Beviljat belopp: …"; a headerless trip list whose sum stands at the end of a row's first
  line; a district named only in a table cell broken at its hyphen, still mentioned;
* an owner followed by its former name in brackets; a district's own share of its project
  ("som egen insats"); the state's money shared out among districts and given to the city;
* studies under short headings that a table names in full, a department's name before the
  verb after its university, a long "Sammanställning av …" heading over the table;
* a budget follow-up headed by the nämnd's fields of activity, one project among them;
* the social investment fund's criteria: "… bedömts utifrån de kriterier som anges i
  fondens riktlinjer. En insats som finansieras ur fonden ska" over its bullets;
* a priority told after the criteria in a sentence of its own over two lines ("I
  bedömningen har projekt som rör … prioriterats.").
"""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD, _projects

from pipeline.facts.drafts import field_of_activity, names_a_project
from pipeline.records import Facts


def _roles(f: Facts) -> list[tuple[int, str]]:
    return sorted((a.sek, a.kind) for a in f.amounts)


def test_district_and_project_columns_flattened_one_after_the_other(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2013, title="Redovisning av utvecklingsarbetet år 2012")
        + """
Lokala utvecklingsmedel
Projekten bedömdes utifrån hur väl de uppfyllde följande kriterier:
Nytta för många brukare
Samverkan med högskola
Plan för spridning av resultaten

Följande projekt beviljades lokala utvecklingsmedel för år 2012.

Stadsdelsförvaltning
Farsta
Skärholmen (medsökande
Älvsjö)
Kungsholmen
Socialförvaltningen,
Uppsökarenheten
Projekt
Samtalsgrupper för
mor- och farföräldrar
Läxhjälp i samverkan med
fritidsgården
Digitala besök hos äldre
Boendecoacher för unga
med missbruk

De beviljade ansökningarna omfattade sammanlagt 1 200 000 kronor.
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Boendecoacher för unga med missbruk", ("socialforvaltningen", "uppsokarenheten"), None),
        ("Digitala besök hos äldre", ("kungsholmen",), None),
        ("Läxhjälp i samverkan med fritidsgården", ("alvsjo", "skarholmen"), None),
        ("Samtalsgrupper för mor- och farföräldrar", ("farsta",), None),
    ]
    assert [c.text for c in f.criteria] == [
        "Nytta för många brukare",
        "Samverkan med högskola",
        "Plan för spridning av resultaten",
    ]
    # the unit owns a project: it is among the districts mentioned
    assert "uppsokarenheten" in {m.district_id for m in f.mentions}


def test_trip_table_whose_gaps_ocr_closed(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=1999, title="Medel för studiebesök (MUST) 1999")
        + """
Tabell 1. Förslag till fördelning av MUST våren 1999

Resmål        Sökande            Inriktning                       Sökt      Förslag
              stadsdelsnämnd                                      kr        kr
Bergen        Farsta             Mottagning av unga i kris        17 000    15 000
Turku Bromma Familjestöd i grupp 12 000 12 000
Lund          Vantör             Uppsökande arbete bland äldre 9 500 9 500
                                 med missbruk
Summa                                                          38 500 36 500

Tabell 2. Förslag till lokala utvecklingsmedel 1999

Stadsdelsnämnd   Projekt                                        Belopp kr
Kista            Metodstöd i ekonomiskt bistånd                    70 000
Skarpnäck        Kartläggning av unga utan sysselsättning          60 000
Summa                                                            .130 000
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Bergen, Mottagning av unga i kris", ("farsta",), 15000),
        ("Kartläggning av unga utan sysselsättning", ("skarpnack",), 60000),
        ("Lund, Uppsökande arbete bland äldre med missbruk", ("vantor",), 9500),
        ("Metodstöd i ekonomiskt bistånd", ("kista",), 70000),
        ("Turku, Familjestöd i grupp", ("bromma",), 12000),
    ]
    roles = _roles(f)
    assert (38500, "other") in roles and (36500, "total_granted") in roles
    assert (130000, "total_granted") in roles
    assert not any(sek > 10_000_000 for sek, _ in roles)  # no "38 500 36 500" as one sum


def test_a_speck_before_kr_and_a_verb_shared_by_two_clauses(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2000, title="Lokala utvecklingsmedel och MUST 2000")
        + """
Sammanfattning

Efter vårens omgång föreslår förvaltningen att 96 000 kr fördelas till sex
studiebesök och 310 000 kr till fyra utvecklingsprojekt.

Ansökan från Norrmalm avser ett studiebesök i Rom till en kostnad av
27 000 . kr. Förvaltningen bedömer att kostnaden är för hög.
"""
    )
    roles = _roles(facts_of(tmp_path, text))
    assert (96000, "total_granted") in roles
    assert (310000, "total_granted") in roles
    assert 27000 in {sek for sek, _ in roles}


def test_study_visits_granted_in_one_sentence_of_att_clauses(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2007, title="Medel för studiebesök (MUST) 2007")
        + """
Medel för studiebesök (MUST)

Sex ansökningar har inkommit. Förvaltningen föreslår att Farsta
stadsdelsnämnd beviljas 16 000 kr för ett studiebesök i Århus om
familjerådslag, att Bromma stadsdelsnämnd beviljas 11 000 kr för ett
besök i Oslo om hemtjänst för unga med funktionsnedsättning samt att
Kista stadsdelsnämnd beviljas 19 000 kr för att besöka fältgrupper i
Glasgow.
"""
    )
    assert _projects(facts_of(tmp_path, text)) == [
        ("Besök i Oslo om hemtjänst för unga med funktionsnedsättning", ("bromma",), 11000),
        ("Besöka fältgrupper i Glasgow", ("kista",), 19000),
        ("Studiebesök i Århus om familjerådslag", ("farsta",), 16000),
    ]


def test_names_in_prose_with_inom_and_over_a_line_break(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2005, title="Lokala utvecklingsmedel 2005")
        + """
Förvaltningens bedömning

Bromma stadsdelsnämnd föreslås få 140 000 kr för projektet
Anhörigstöd inom missbruksvården, vilket är 30 000 kr mindre än sökt
belopp.

Vantörs stadsdelsnämnd föreslås få 120 000 kr för projektet ”Trygga
övergångar mellan förskola och skola”.

Samtliga projekt ska redovisas till förvaltningen. De lokala
utvecklingsmedlen ska stimulera ett kunskapsbaserat utvecklingsarbete.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.status, p.amount_sek) for p in f.projects}
    assert got["Anhörigstöd inom missbruksvården"] == ("beviljad", 140000)
    assert got["Trygga övergångar mellan förskola och skola"] == ("beviljad", 120000)


def test_projects_under_district_headings_and_headings_that_name_none(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Årsrapport om forsknings- och utvecklingsmedel 2023")
        + """
Forsknings- och utvecklingsmedel (FUM)
Följande stadsövergripande projekt har finansierats via FUM under 2023.

Handläggares bedömningar av barns behov
Malmö universitet studerar sedan våren 2022 hur handläggarna bedömer
barns behov i utredningar om försörjningsstöd. Studien kostar 700 000
kronor och ska slutrapporteras i december 2024.

Sammanställning av FUM-projekt 2023
Projektet redovisas också i kunskapsbanken. Rapporterna från FUM-projekten
publiceras där.

Lokala utvecklingsmedel (LUM)
Under 2023 beviljades följande projekt LUM. Projekten redovisas nedan
under respektive förvaltning.

Farsta stadsdelsförvaltning

Stöd till unga pappor
Medsökande: Skarpnäcks stadsdelsförvaltning
Beviljat belopp: 210 000 kronor
Projektet har erbjudit samtalsgrupper.

Mötesplats för ensamma äldre
Beviljat belopp: 180 000 kronor
Projektet pågår under 2024.

Bromma stadsdelsförvaltning

Digitalt stöd i hemtjänsten
Beviljat belopp: 160 000 kronor
Projektet avslutades i december 2023.

Inriktning för 2024
Inför utlysningen för 2024 prioriterades ansökningar som
- stärker barnets perspektiv,
- har en plan för uppföljning.

Uppsökarenheten har deltagit i förvaltningens seminarier under året.
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Digitalt stöd i hemtjänsten", ("bromma",), 160000),
        ("Handläggares bedömningar av barns behov", (), 700000),
        ("Mötesplats för ensamma äldre", ("farsta",), 180000),
        ("Stöd till unga pappor", ("farsta", "skarpnack"), 210000),
    ]
    # a unit named in passing, owning no project, is no district mentioned
    assert "uppsokarenheten" not in {m.district_id for m in f.mentions}


def test_projects_headed_by_name_fund_and_sum_under_each_forvaltning(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Redovisning av lokala utvecklingsmedel och MUST 2016")
        + """
Redovisning per förvaltning

Nedan redovisas de projekt och studiebesök som beviljades medel för
2016, ordnade efter förvaltning.

Farsta stadsdelsförvaltning

Föräldragrupper på lätt svenska (LUM, 280 000 kr)
Projektet avslutades i december 2016.

Studiebesök i Tammerfors om mobila team för unga (MUST,
18 000 kr)

Skarpnäcks stadsdelsförvaltning

Gemensam mottagning för unga vuxna med missbruk och
psykisk ohälsa (LUM, 350 000 kr)
Projektet drivs tillsammans med Farsta stadsdelsförvaltning och
pågår under 2017.

Sammanställning

                                  Antal     Beviljat      Förbrukat
                                            (kronor)      (kronor)
Lokala utvecklingsprojekt (LUM)     2         630 000       610 000
Studiebesök (MUST)                  1          18 000        18 000
Totalt                              3         648 000       628 000
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Föräldragrupper på lätt svenska", ("farsta",), 280000),
        (
            "Gemensam mottagning för unga vuxna med missbruk och psykisk ohälsa",
            ("farsta", "skarpnack"),
            350000,
        ),
        ("Studiebesök i Tammerfors om mobila team för unga", ("farsta",), 18000),
    ]
    roles = _roles(f)
    assert (630000, "total_granted") in roles and (18000, "total_granted") in roles


def test_a_captioned_trip_table_after_the_applications_turned_down(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2014, title="Fördelning av lokala utvecklingsmedel och MUST 2014")
        + """
Ansökningar som föreslås avslås

Förvaltningen föreslår att följande ansökningar avslås:

•   Hemtjänst på distans, Bromma stadsdelsförvaltning (sökt belopp
    200 000 kronor). Ansökan saknar en plan för uppföljning.

Tabell 1. Förslag till fördelning av medel för MUST 2014

Stadsdelsförvaltning     Studiebesök                          Belopp (kr)

Kungsholmen              Oslo, uppsökande arbete bland              21 000
                         unga vuxna
Farsta                   Tallinn, familjestöd i hemmet              16 000
Summa                                                               37 000

Samtliga medfinansierar sina projekt med sammanlagt 120 000 kronor.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.status, p.amount_sek) for p in f.projects}
    assert got["Oslo, uppsökande arbete bland unga vuxna"] == ("beviljad", 21000)
    assert got["Tallinn, familjestöd i hemmet"] == ("beviljad", 16000)
    roles = _roles(f)
    assert (21000, "project_cost") in roles and (37000, "total_granted") in roles
    assert (120000, "other") in roles  # co-financing, however summed


def test_sought_in_millions_beside_the_proposal_and_a_remainder(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Sociala investeringsfonden – ansökningar 2017")
        + """
Inkomna ansökningar

Sökande nämnd        Projekt                       Sökt      Förslag
                                                   mnkr      mnkr
Farsta               Trygg skolväg                  3,4       3,0
stadsdelsnämnd
Bromma               Aktiv fritid för unga          2,2       2,2
stadsdelsnämnd

Efter tidigare beslut om 40,5 mnkr och föreslagna beviljanden om 5,2 mnkr
återstår 54,3 mnkr.
"""
    )
    roles = _roles(facts_of(tmp_path, text))
    assert (3400000, "other") in roles and (3000000, "project_cost") in roles
    assert (54300000, "budget") in roles
    assert (40500000, "budget") not in roles and (5200000, "budget") not in roles


def test_a_decision_heading_damaged_by_ocr(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD
SOCIALTJANSTFORVALTNINGEN                                  TJANSTEUTLATANDE
FOU-ENHETEN                                                Sida 1 (2)
                                                           2003-03-11
Handlaggare: Eva Exempel                                   DNR 407-0101/2003
                                                           Till
                                                           Socialtjanstnamnden


FORDELNING AV MEDEL FOR STUDIEBESOK (MUST) AR 2003


Förslag t1l1 beslut

1. Socialtjanstnamnden beviljar medel for studiebesok (MUST) ar 2003 till
   sex stadsdelsnamnder med sammanlagt 140 000 kr.

2. Socialtjanstnamnden avslar ansokan fran Bromma stadsdelsnamnd.


SAMMANFATTNING

Socialtjanstnamnden har i budget 2003 avsatt 200 000 kr for studiebesok.
"""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    u = understood(path)
    assert [d.item_no for d in u.decisions] == [1, 2]
    assert u.meta.title is not None and "STUDIEBES" in u.meta.title.upper()


def test_owner_cards_side_by_side_and_a_trip_list_with_sums_mid_row(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2009, title="Lokala utvecklingsmedel och MUST 2009")
        + """
Studiebesök (MUST)
Förvaltningen föreslår att följande studiebesök beviljas medel.

                   Skarpnäck      Oslo, mottagning för unga     18 000 kr
                                  vuxna med missbruk
                   Bromma         Vilnius, barnskydd            12 000 kr
                                  i samverkan med skolan
\f
Bilaga
Beviljade lokala utvecklingsmedel år 2009

Farsta                                   Skärholmen
Läxhjälp med föräldrasamtal för          Trygg hemgång från sjukhuset för
elever i årskurs sju till nio            äldre med hemtjänst
Eleverna får stöd två kvällar i          Biståndshandläggare möter den
veckan och föräldrarna bjuds in.         äldre redan på sjukhuset.
Beviljat belopp: 120 000 kr              Beviljat belopp: 90 000 kr

Kungsholmen (medsökande                  Norrmalm
Östermalm)                               Boendestöd för unga vuxna med
Digitala samtal med familjehem           psykisk ohälsa i egen bostad
under det första placeringsåret          Stödet ges i den egna bostaden
Uppföljning sker via video varje         under högst ett år i taget.
månad under hela året.                   Beviljat belopp: 150 000 kr
Beviljat belopp: 110 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert ("Oslo, mottagning för unga vuxna med missbruk", ("skarpnack",), 18000) in got
    assert ("Vilnius, barnskydd i samverkan med skolan", ("bromma",), 12000) in got
    assert (
        "Läxhjälp med föräldrasamtal för elever i årskurs sju till nio",
        ("farsta",),
        120000,
    ) in got
    assert ("Trygg hemgång från sjukhuset för äldre med hemtjänst", ("skarholmen",), 90000) in got
    assert (
        "Boendestöd för unga vuxna med psykisk ohälsa i egen bostad",
        ("norrmalm",),
        150000,
    ) in got
    assert (
        "Digitala samtal med familjehem under det första placeringsåret",
        ("kungsholmen", "ostermalm"),
        110000,
    ) in got


def test_a_district_broken_at_its_hyphen_in_a_table_cell_is_mentioned(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Lokala utvecklingsmedel 2012")
        + """
Bilaga 1

Nr  Stadsdels-           Projekt                               Sökt    Förslag
    förvaltning                                                Tkr     Tkr

1   Bromma               Systematisk uppföljning av             420      380
                         insatser för unga
2   Hässelby-            Föräldrastöd i grupp för               280      250
    Vällingby            familjer med ekonomiskt
                         bistånd

    Summa                                                       700      630
"""
    )
    f = facts_of(tmp_path, text)
    assert (
        "Föräldrastöd i grupp för familjer med ekonomiskt bistånd",
        ("hasselby-vallingby",),
        250000,
    ) in _projects(f)
    assert "hasselby-vallingby" in {m.district_id for m in f.mentions}


def test_a_former_name_an_own_share_and_the_states_money(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Lokala utvecklingsmedel – redovisning 2023")
        + """
Följande projekt har genomförts under 2023:

1. Läxhjälp i samverkan med biblioteket, Norra innerstadens
   stadsdelsförvaltning (tidigare Östermalm)
2. Stöd till unga föräldrar, Farsta stadsdelsförvaltning

Farsta stadsdelsnämnd avsätter 60 000 kr inom avdelningens budget som egen
insats i projektet.

Statliga medel inom satsningen för år 2023, totalt 12,5 mnkr, fördelas till
stadsdelsnämnderna i Farsta och Skärholmen. Regeringen har i beslut den
14 december 2022 tilldelat staden 12,5 mnkr för år 2023.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: tuple(sorted(d.district_id for d in p.districts)) for p in f.projects}
    assert got["Läxhjälp i samverkan med biblioteket"] == ("norra-innerstaden",)
    roles = _roles(f)
    assert (60000, "other") in roles
    assert roles.count((12500000, "state_grant")) == 2


def test_short_study_headings_and_their_table_of_full_names(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Årsrapport om forsknings- och utvecklingsmedel 2023")
        + """
Forsknings- och utvecklingsmedel (FUM)
Följande stadsövergripande studier har finansierats via FUM under 2023.

Unga vuxna i hemlöshet

Institutionen för socialt arbete vid Göteborgs universitet kartlägger
sedan 2022 unga vuxna som saknar egen bostad. Studien avslutas i juni 2024.

Familjehem i förändring

Kvalitetsbyrån Exempel AB har studerat hur familjehemmen rekryteras.
Slutrapporten lämnades i december 2023.

Sammanställning av studier finansierade med FUM 2023

Studie                              Utförare                  Kostnad (kr)
Unga vuxna i hemlöshet - en         Göteborgs universitet          640 000
kartläggning
Rekrytering av familjehem i         Kvalitetsbyrån Exempel         410 000
förändring                          AB
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert set(got) == {"Unga vuxna i hemlöshet", "Familjehem i förändring"}
    assert got["Unga vuxna i hemlöshet"] == (
        640000,
        "Institutionen för socialt arbete vid Göteborgs universitet",
    )
    assert got["Familjehem i förändring"][0] == 410000


def test_a_namnds_fields_of_activity_name_no_project() -> None:
    """The headings of a budget follow-up ("Individ- och familjeomsorg", "Ekonomiskt
    bistånd") name the nämnd's fields of activity (a heading so named heads no project); a
    project may begin with those words, and a table may shorten its name to them."""
    assert field_of_activity("Individ- och familjeomsorg")
    assert field_of_activity("Ekonomiskt bistånd")
    assert field_of_activity("Äldreomsorg")
    assert not field_of_activity("Ekonomiskt bistånd till unga vuxna")
    assert not field_of_activity("Äldreomsorg på distans")
    assert names_a_project("Ekonomiskt bistånd")  # a table row's short name stays


def test_the_social_investment_funds_criteria_after_a_sentence_naming_them(
    tmp_path: Path,
) -> None:
    text = """Stadsledningskontoret                                    Tjänsteutlåtande
Ekonomiavdelningen                                       Dnr 1.1-0101/2019
                                                         2019-03-12
Handläggare: Eva Exempel                                 Till
                                                         Kommunstyrelsen

Ansökningar om medel ur den sociala investeringsfonden 2019

Förslag till beslut
1. Kommunstyrelsen beviljar Farsta stadsdelsnämnd 3,0 mnkr ur den sociala
   investeringsfonden för projektet Trygg skolväg.

Bedömning av ansökningarna

Ansökningarna har bedömts utifrån de kriterier som anges i
fondens riktlinjer. En insats som finansieras ur fonden ska

•  rikta sig till en tydligt avgränsad målgrupp,
•  bygga på beprövad erfarenhet,
•  ha en plan för utvärdering.
"""
    f = facts_of(tmp_path, text)
    assert [c.text for c in f.criteria] == [
        "rikta sig till en tydligt avgränsad målgrupp",
        "bygga på beprövad erfarenhet",
        "ha en plan för utvärdering",
    ]


def test_a_priority_in_a_sentence_after_the_numbered_criteria(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2020, title="Lokala utvecklingsmedel 2021 – fördelning")
        + """
Bedömning

Ansökningarna har bedömts utifrån följande kriterier:
1. Betydelse för socialtjänsten i hela staden
2. Plan för uppföljning

I bedömningen har projekt som rör stöd till äldre med missbruk
prioriterats.
"""
    )
    f = facts_of(tmp_path, text)
    assert [(c.kind, c.text) for c in f.criteria] == [
        ("criterion", "Betydelse för socialtjänsten i hela staden"),
        ("criterion", "Plan för uppföljning"),
        (
            "priority",
            "I bedömningen har projekt som rör stöd till äldre med missbruk prioriterats.",
        ),
    ]
