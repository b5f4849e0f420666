"""Twenty-third session: layouts of the blind rounds g559–g566 and n427–n434, each on a short
text written for the test (none of the rounds' names or sums):

* study visits as blocks of labelled fields whose purpose is a sentence of what the visitors
  will do: the trip is named by its destination;
* grants under district headings in capitals over blocks whose labelled period repeats at the
  top of two pages (no running header), a co-applicant in the project's text, a performer
  named "Institutet för …";
* a table whose money header "Kostnad, tkr" stands over a rule over two year columns, that
  goes on after a "Tabell 1 (forts.)" caption, with commentary paragraphs that shorten the
  rows' names;
* one project's budget under "Budget 2024   Kronor": cost items, a Summa and its "varav"
  parts;
* a proposal column "Föreslagen fördelning, kr" beside the sum applied for, a footnote that
  names a co-applicant, and a list of a funder's areas that are no projects;
* a tender's table of prices beside columns of points;
* an application turned down "eftersom det sökta beloppet överstiger det som kan beviljas";
* criteria in past tense ("gavs företräde åt ansökningar som") and "Det övergripande
  kriteriet".
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

from pipeline.records import Facts

HEAD = """Socialtjänstförvaltningen                        Tjänsteutlåtande
Utvecklingsenheten                               Dnr 406-0101/2006
                                                 Sida 1 (3)
                                                 2006-03-14
Handläggare: Eva Exempel                         Till
Telefon: 08-508 00 000                           Socialtjänstnämnden

{title}

Förvaltningens förslag till beslut
1. Socialtjänstnämnden beviljar medel enligt förvaltningens förslag.
"""


def _projects(f: Facts) -> list[tuple[str, tuple[str, ...], int | None]]:
    return sorted(
        (p.name, tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    )


def _kinds(f: Facts) -> list[tuple[int, str]]:
    return sorted((a.sek, a.kind) for a in f.amounts)


def test_a_trip_whose_purpose_says_what_the_visitors_will_do_is_named_by_its_destination(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(title="Studiebesöksmedel (MUST) 2006")
        + """
Förslag till fördelning

Studiebesök 1
Resmål:      Tammerfors, Finland
Sökande:     Farsta stadsdelsförvaltning
Syfte:       Studera hur kommunen samordnar hembesök till äldre som bor ensamma.
Förslag:     21 000 kr

Studiebesök 2
Resmål:      Kiel, Tyskland
Sökande:     Bromma stadsdelsförvaltning
Syfte:       familjecentraler i bostadsområden
Förslag:     17 500 kr
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert ("Tammerfors, Finland", ("farsta",), 21000) in got
    assert ("Kiel, Tyskland – familjecentraler i bostadsområden", ("bromma",), 17500) in got


def test_grants_under_district_headings_whose_period_repeats_at_the_top_of_two_pages(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(title="Lokala utvecklingsmedel 2006")
        + """
Förvaltningens förslag till fördelning

Nedan redovisas de projekt som föreslås beviljas medel.
\f                                                          Sida 2 (3)

FARSTA STADSDELSFÖRVALTNING

Läxhjälp i samverkan med biblioteket
Projekttid: 2006-05-01 – 2007-04-30
Beviljas: 230 000 kronor
Läxhjälp två kvällar i veckan för elever i årskurs 4–9.

Kvällsöppen rådgivning
Projekttid: 2006-06-01 – 2007-05-31
Beviljas: 160 000 kronor
Gemensam ansökan med Skarpnäcks stadsdelsförvaltning. Rådgivningen hålls
växelvis i de två stadsdelarna.
\f                                                          Sida 3 (3)

BROMMA STADSDELSFÖRVALTNING

Familjeråd i barnavården
Projekttid: 2006-05-01 – 2007-04-30
Beviljas: 190 000 kronor
Projektet genomförs av Institutet för familjeråd på uppdrag av förvaltningen.
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Familjeråd i barnavården", ("bromma",), 190000),
        ("Kvällsöppen rådgivning", ("farsta", "skarpnack"), 160000),
        ("Läxhjälp i samverkan med biblioteket", ("farsta",), 230000),
    ]
    by_name = {p.name: p for p in f.projects}
    assert by_name["Familjeråd i barnavården"].performer == "Institutet för familjeråd"


def test_a_cost_header_over_a_rule_over_two_years_and_a_table_that_goes_on(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(title="Stadsövergripande FoU-projekt 2011")
        + """
Föreslagna projekt

                                                                   Kostnad, tkr
Projekt                     Ansvarig            Utförare          ------------
                            förvaltning                           2011    2012
----------------------------------------------------------------------------------
1. Hemtjänst för äldre      Socialförvaltningen Lunds              410     220
   med missbruk – en                            universitet
   kartläggning

2. Unga vuxna i             Farsta,             Göteborgs          330       –
   försörjningsstöd         Vantör              universitet
\f
Tabell 1 (forts.)
                                                                   Kostnad, tkr
Projekt                     Ansvarig            Utförare          ------------
                            förvaltning                           2011    2012
----------------------------------------------------------------------------------
3. Våld i äldres            Socialförvaltningen Umeå               290     150
   relationer                                   universitet
----------------------------------------------------------------------------------
Summa                                                            1 030     370


Kommentarer till projekten

Hemtjänst för äldre med missbruk. Studien beskriver hur hemtjänsten möter äldre
med alkoholproblem. Slutrapport i december 2012.

Unga vuxna. Projektet följer unga vuxna under ett år. Klart i december 2011.
"""
    )
    assert _projects(facts_of(tmp_path, text)) == [
        ("Hemtjänst för äldre med missbruk – en kartläggning", ("socialforvaltningen",), 410000),
        ("Unga vuxna i försörjningsstöd", ("farsta", "vantor"), 330000),
        ("Våld i äldres relationer", ("socialforvaltningen",), 290000),
    ]


def test_one_projects_budget_with_its_items_summa_and_parts(tmp_path: Path) -> None:
    text = (
        HEAD.format(title="Ansökan om lokala utvecklingsmedel 2024")
        + """
Projekt 1: Samordnad uppföljning av placerade barn
Projektet ska pröva en gemensam modell för uppföljning av placerade barn.

Budget 2024                                      Kronor
Samordnare 50 %                                  310 000
Utbildning                                        60 000
Summa                                            370 000
  varav egen insats                               90 000
  varav sökta LUM                                280 000
"""
    )
    kinds = _kinds(facts_of(tmp_path, text))
    assert (310000, "other") in kinds
    assert (60000, "other") in kinds
    assert (370000, "project_cost") in kinds
    assert (90000, "other") in kinds
    assert (280000, "other") in kinds
    assert not any(kind == "budget" for _sek, kind in kinds)


def test_a_proposal_column_a_footnoted_co_applicant_and_a_funders_areas(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(title="Fördelning av statsbidrag 2021")
        + """
Bakgrund
Bidraget får användas inom följande utvecklingsområden:

- bättre skolresultat och högre utbildningsnivå
- minskad arbetslöshet bland unga vuxna

Tabell 1. Föreslagen fördelning

Stadsdelsnämnd        Insats                              Sökt           Föreslagen
                                                          belopp, kr     fördelning, kr

Farsta                Läxhjälp i Hökarängen                 700 000        600 000
Skärholmen            Föräldracafé i Vårberg*               900 000        900 000

Summa                                                     1 600 000      1 500 000

* Insatsen genomförs tillsammans med Hägersten-Älvsjö stadsdelsförvaltning, som är
medsökande.
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Föräldracafé i Vårberg", ("hagersten-alvsjo", "skarholmen"), 900000),
        ("Läxhjälp i Hökarängen", ("farsta",), 600000),
    ]
    assert {p.status for p in f.projects} == {"beviljad"}


def test_a_tenders_prices_beside_columns_of_points(tmp_path: Path) -> None:
    text = (
        HEAD.format(title="Upphandling av stödboende")
        + """
Tabell 1. Utvärdering av anbud

Anbudsgivare            Del-    Pris per    Pris-  Kvalitets-  Summa
                        område  dygn, kr    poäng  poäng       poäng
Stiftelsen Exempel      1       1 520        36     48          84
Omsorg Exempel AB       2       1 380        39     40          79
"""
    )
    sums = {a.sek for a in facts_of(tmp_path, text).amounts}
    assert not sums & {1, 2, 36, 48, 84, 39, 40, 79}


def test_an_application_turned_down_because_it_asks_more_than_can_be_granted(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(title="Lokala utvecklingsmedel 1999")
        + """
Förvaltningens förslag till fördelning

Kista stadsdelsnämnd föreslås 180 000 kronor för projektet ”Läxhjälp i Husby”.

Ansökan från Norrmalms stadsdelsnämnd om 420 000 kronor för projektet ”Nattvandring i
city” avslås, eftersom det sökta beloppet överstiger det som kan beviljas per projekt.
"""
    )
    status = {p.name: p.status for p in facts_of(tmp_path, text).projects}
    assert status["Läxhjälp i Husby"] == "beviljad"
    assert status["Nattvandring i city"] == "ansökt"


def test_criteria_said_in_past_tense_and_an_overall_criterion(tmp_path: Path) -> None:
    text = (
        HEAD.format(title="Lokala utvecklingsmedel 2025")
        + """
Bedömning

Det övergripande kriteriet i utlysningen var att projektet ska ge kunskap som kan
användas i flera förvaltningar.

Därutöver gavs företräde åt ansökningar som

-  prövar insatser för unga i riskmiljöer,
-  stärker samverkan med skolan.
"""
    )
    got = {(c.kind, c.text.rstrip(".,")) for c in facts_of(tmp_path, text).criteria}
    assert ("priority", "prövar insatser för unga i riskmiljöer") in got
    assert ("priority", "stärker samverkan med skolan") in got
    assert any(k == "criterion" and t.startswith("Det övergripande kriteriet") for k, t in got)


def test_grants_in_prose_under_each_districts_name_in_every_word_order(tmp_path: Path) -> None:
    text = (
        HEAD.format(title="Lokala utvecklingsmedel 2008")
        + """
Förvaltningens förslag per stadsdelsförvaltning

Nedan redovisas förvaltningens förslag för varje sökande stadsdelsförvaltning.

Farsta

Farsta stadsdelsförvaltning beviljas 210 000 kronor för projektet
”Läxhjälp i Hökarängen”. Läxhjälpen ges två kvällar i veckan.

Skarpnäck

Skarpnäcks stadsdelsförvaltning har sökt medel för två projekt. ”Trygga
skolvägar” beviljas 150 000 kronor. Projektet ”Öppen förskola på lördagar”
beviljas 120 000 kronor.

Bromma

För projektet ”Stöd till unga anhöriga” beviljas
Bromma stadsdelsförvaltning 190 000 kronor.
"""
    )
    assert _projects(facts_of(tmp_path, text)) == [
        ("Läxhjälp i Hökarängen", ("farsta",), 210000),
        ("Stöd till unga anhöriga", ("bromma",), 190000),
        ("Trygga skolvägar", ("skarpnack",), 150000),
        ("Öppen förskola på lördagar", ("skarpnack",), 120000),
    ]


def test_a_districts_application_for_two_projects_in_one_sentence(tmp_path: Path) -> None:
    text = """Bromma stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr BR 2021/412
                                                 2021-08-20
Handläggare: Per Prov                            Till
                                                 Bromma stadsdelsnämnd

Ansökan om lokala utvecklingsmedel 2022

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner att förvaltningen ansöker om lokala utvecklingsmedel.

Sammanfattning
Förvaltningen vill söka 410 000 kronor för projektet Vägen vidare – stöd till unga
vuxna utan sysselsättning och, tillsammans med Spånga-Tensta stadsdelsförvaltning,
260 000 kronor för projektet Läsa tillsammans – språkstöd i förskolan.
"""
    got = {(n, s) for n, _d, s in _projects(facts_of(tmp_path, text))}
    assert got == {
        ("Vägen vidare – stöd till unga vuxna utan sysselsättning", 410000),
        ("Läsa tillsammans – språkstöd i förskolan", 260000),
    }
