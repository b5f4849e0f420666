"""Forty-second session: rules from the rounds opened for them and from the corpora's end
dates, each on a short text written for the test (none of the rounds' names or sums):

* a table column headed as a card's end field is ("Beräknas klart", "Redovisas") dates each
  row's end;
* a status cell that dates its end after its word of ending ("Avslutad dec 2023", "Pågår till
  aug 2024") dates the row's end, a status without one none;
* a card's "Projekttid: 2017–2018" ends with its last year, and its "Status: Pågår. Klar juni
  2014" dates the end more precisely than its period;
* a name column headed "Insats och sökande": the applicant on the lines under each name is
  the performer (a district the owner, another municipality's förvaltning nobody), and that
  municipality's "utvecklingsmedel" are its own, not Stockholm's LUM;
* "Projekt" over "Förvaltning": each name's owner on the line under it, a district's name
  alone; a column headed by the fund's name ("Lokala utvecklingsmedel | Sökt kr |
  Förvaltningens förslag kr") whose rows give the district on the first line, the project
  under it;
* a numbered item whose title ends its sentence: the next line opens its description, no
  part of the title;
* a delegation list's items opening with the date decided ("–  2004-06-14  Förening, …");
* "Förslag till beslut - kommunstyrelsen": a proposal's heading to one of two committees;
* a fact box of one column drawn with box characters ("Ärendet i korthet") read as plain
  text, the subject above it the title; a landsting's case code under the subject no part of
  it;
* a project's heading that ends in its year in brackets ("Ungdomslotsar i Hökarängen
  (2015)") heads its paragraph, the year its year and no part of its name, and an
  introduction that reports the projects done ("Följande projekt har genomförts") makes them
  done;
* "Total budget | varav ESF | varav staden": the payers' shares of each row's whole sum, the
  whole sum the project's (one "varav" column stays the deciding body's part), the owner
  wrapped over two lines under the name;
* a performer without what follows its name (a sum, a date after a semicolon, the next
  sentence, a note in brackets, a partner), and a research group's name that runs past its
  "och" to "vid" and its university;
* a table's header word or a label read as a name ("Kronor", "Villkor", "d:o") is no project;
* an application for one project and a study trip: the project's own sentence "Projektet
  pågår från januari till december 2011" is its end;
* an abbreviated performer ("IKV") by the name the document prints it after ("Institutet
  för kvalitativ välfärdsforskning (IKV)");
* a title whose last line is the period it covers ("… UNDER PERIODEN" over "2004-06-01 –
  2004-08-31") keeps that line;
* "Hägerstens stadsdelsnämnds beslut" heads a decision list; under a bare "Beslut", the
  deciding body's own short paragraph ("Stadsdelsnämnden lägger anmälan till handlingarna.")
  is the decision;
* a money table's row whose last cell is the verdict ("avslag") where a refused row's sum
  would stand goes on into the next group, and a group's "Delsumma" is a total;
* an owner under a name with its unit after a comma ("Socialförvaltningen, familjerätten").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.acronyms import expanded
from pipeline.facts.drafts import Draft, tidy_names
from pipeline.facts.end_dates import status_end
from pipeline.facts.header_roles import header_role
from pipeline.facts.money_tables import find_money_tables
from pipeline.facts.performer_tails import bare_performer
from pipeline.facts.performers import performer_in
from pipeline.understand.sections import heading_kind
from pipeline.understand.tabs import plain_box_drawing


def _ends_of(tmp_path: Path, year: int, title: str, body: str) -> dict[str, dt.date | None]:
    """Each project's end in a document of `year` under `title` with `body`."""
    f = facts_of(tmp_path, HEAD.format(year=year, title=title) + body)
    return {p.name: p.end_date for p in f.projects}


PLANNED = """
Ärendet

Stadsövergripande studier föreslås för {year} enligt tabell 1.

Tabell 1. Föreslagna studier {year}

                                   Utförare             Beräknas    Kostnad
Studie                                                  klart       (tkr)
------------------------------------------------------------------------------
Hyresskulder hos barnfamiljer      Malmö universitet    okt {next}        720
Sammanbrott i familjehem           Upphandlas           mars {next}       540
------------------------------------------------------------------------------
Summa                                                                1 260
"""


def test_a_column_headed_as_an_end_field_dates_each_row(tmp_path: Path) -> None:
    assert header_role("Beräknas klart") == "end"
    assert header_role("Redovisas") == "end"
    title = "Förslag till stadsövergripande studier 2019"
    ends = _ends_of(tmp_path, 2019, title, PLANNED.format(year=2019, next=2020))
    assert ends["Hyresskulder hos barnfamiljer"] == dt.date(2020, 10, 1)
    assert ends["Sammanbrott i familjehem"] == dt.date(2020, 3, 1)


def test_a_status_cell_dates_the_end_after_its_word_of_ending() -> None:
    for cell, day in (
        ("Avslutad dec 2023", dt.date(2023, 12, 1)),
        ("Pågår till aug 2024", dt.date(2024, 8, 1)),
        ("Pågår, klar juni 2008", dt.date(2008, 6, 1)),
        ("Avslutad 2018-06-30", dt.date(2018, 6, 30)),
    ):
        got = status_end(cell)
        assert got is not None and got[3] == day, cell
    for cell in ("Beviljad 2019-03-12", "Pågår", "Avslutad"):
        assert status_end(cell) is None, cell


STATUS_TABLE = """
Ärendet

Tabell 1. Utvecklingsarbete {year}

Insats                 Syfte                      Status
---------------------  -------------------------  -------------
Läxhjälp i             Fler elever med            Avslutad
biblioteket            godkända betyg             dec {year}
Sommarjobb med         Arbetslivserfarenhet       Pågår till
handledare             för unga                   aug {next}
"""


def test_a_status_column_that_dates_the_end(tmp_path: Path) -> None:
    title = "Uppföljning av utvecklingsarbete 2023"
    ends = _ends_of(tmp_path, 2024, title, STATUS_TABLE.format(year=2023, next=2024))
    assert ends["Läxhjälp i biblioteket"] == dt.date(2023, 12, 1)
    assert ends["Sommarjobb med handledare"] == dt.date(2024, 8, 1)


CARDS = """
Ärendet

Ansökningar och förslag

Enskede-Årsta-Vantörs stadsdelsförvaltning

Stödgrupp för unga anhöriga
Projekttid:              2017–2018
Sökt belopp 2017:        300 000 kronor
Förslag 2017:            250 000 kronor

Gruppen ska ge unga anhöriga stöd i grupp under två terminer.


Farsta stadsdelsförvaltning

Tidiga hembesök hos nyblivna föräldrar
Projekttid:              2016–2017
Sökt belopp 2017:        200 000 kronor
Förslag 2017:            200 000 kronor
Status:                  Pågår. Klar juni 2017

Hembesöken görs tillsammans med barnavårdscentralen.
"""


def test_a_cards_period_and_its_dated_status(tmp_path: Path) -> None:
    title = "Lokala utvecklingsmedel (LUM) 2017 – fördelning av medel"
    ends = _ends_of(tmp_path, 2017, title, CARDS)
    assert ends["Stödgrupp för unga anhöriga"] == dt.date(2018, 12, 31)
    assert ends["Tidiga hembesök hos nyblivna föräldrar"] == dt.date(2017, 6, 1)


ELSEWHERE = """VÄXJÖ KOMMUN                                          PROTOKOLLSUTDRAG
Socialnämnden                                         2019-03-20

§ 22  Utvecklingsmedel för områdesarbete 2019
Dnr SN 2019-0042

Beslut
1. Socialnämnden fördelar utvecklingsmedel för 2019 enligt bilaga 1.

Ärendet
Nämnden har avsatt 900 000 kronor i utvecklingsmedel för arbete i
stadsdelarna Araby och Dalbo. Utvecklingsmedlen fördelas efter ansökan.

Bilaga 1

Nr  Område   Insats och sökande                         Sökt      Beviljas

1   Araby    Kvällsöppen mötesplats för unga i        300 000     250 000
             Araby
             Föreningen Araby Ungdom
2   Dalbo    Uppsökande familjestöd på                400 000     350 000
             kvällstid
             Socialförvaltningen, familjeenheten
"""


def test_a_name_column_with_its_applicant_under_each_name(tmp_path: Path) -> None:
    f = facts_of(tmp_path, ELSEWHERE)
    got = {p.name: (p.performer, p.amount_sek, p.fund_type) for p in f.projects}
    assert got == {
        "Kvällsöppen mötesplats för unga i Araby": (
            "Föreningen Araby Ungdom",
            250000,
            "utvecklingsmedel",
        ),
        "Uppsökande familjestöd på kvällstid": (None, 350000, "utvecklingsmedel"),
    }


OWNER_UNDER = """
Ärendet

Tabell 1. Lokala utvecklingsmedel {year}, förbrukning

Projekt                               Beviljat    Förbrukat per
   Förvaltning                              kr    31 december {year}
---------------------------------------------------------------------------
Hembesök hos äldre som lever          300 000        280 000
ensamma
   Bromma

Sommarläger för barn i familjer       250 000        250 000
med försörjningsstöd
   Skärholmen (medsökande Farsta)
"""

FUND_COLUMN = """
Ärendet

Förvaltningen föreslår att nämnden beviljar medel enligt följande.

Lokala utvecklingsmedel             Sökt kr   Förvaltningens
                                              förslag kr
------------------------------------------------------------------
Bromma                              220 000        200 000
Språkcafé för föräldrar i
familjehemsvården

Skarpnäck                           180 000        150 000
Uppsökande arbete bland äldre
med spelproblem
------------------------------------------------------------------
Summa                               400 000        350 000
"""


def test_an_owner_under_each_name_and_a_district_over_each(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    title = "Årsrapport om lokala utvecklingsmedel 2015"
    f = facts_of(
        tmp_path / "a", HEAD.format(year=2016, title=title) + OWNER_UNDER.format(year=2015)
    )
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert got["Hembesök hos äldre som lever ensamma"] == ["bromma"]
    assert got["Sommarläger för barn i familjer med försörjningsstöd"] == ["farsta", "skarholmen"]
    title = "Lokala utvecklingsmedel 2011 - andra ansökningsomgången"
    f = facts_of(tmp_path / "b", HEAD.format(year=2011, title=title) + FUND_COLUMN)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {
        "Språkcafé för föräldrar i familjehemsvården": (["bromma"], 200000),
        "Uppsökande arbete bland äldre med spelproblem": (["skarpnack"], 150000),
    }


NUMBERED_THEN_DESCRIBED = """
Ärendet

Utvärderingarna
1. Föräldrastöd i öppenvården - effekter efter ett år.
Utvärderingen omfattar Farsta och Skärholmens stadsdelsförvaltningar
och genomförs av Malmö universitet. Kostnaden är 600 000 kronor.
2. Hemtjänst för äldre med missbruk - en kartläggning.
Utvärderingen omfattar Bromma stadsdelsförvaltning och genomförs av
Södertörns högskola. Kostnaden är 400 000 kronor.
"""


def test_a_numbered_title_that_ends_its_sentence(tmp_path: Path) -> None:
    title = "Stadsövergripande utvärderingar 2019"
    f = facts_of(tmp_path, HEAD.format(year=2019, title=title) + NUMBERED_THEN_DESCRIBED)
    names = {p.name for p in f.projects}
    assert not any("Utvärderingen omfattar" in n for n in names), names


DELEGATION = """
Ärendet

D. Bidrag till föreningar (avsnitt 7)

-  2004-06-14  SPF Hornstulls Seniorklubb, sommarutflykt till Sandhamn för
   medlemmar över 75 år. Beviljas 5 000 kr.
-  2004-06-22  Tantolundens Boulesällskap, boulecup för seniorer i
   Tantolunden. Beviljas 3 500 kr.
-  2004-08-24  Liljeholmens Kanotklubb, prova-på-paddling för barn.
   Beviljas 8 000 kr.
"""


def test_a_delegation_lists_dated_items(tmp_path: Path) -> None:
    title = "Anmälan av delegationsbeslut juni – augusti 2004"
    f = facts_of(tmp_path, HEAD.format(year=2004, title=title) + DELEGATION)
    got = {p.performer: p.amount_sek for p in f.projects}
    assert got == {
        "SPF Hornstulls Seniorklubb": 5000,
        "Tantolundens Boulesällskap": 3500,
        "Liljeholmens Kanotklubb": 8000,
    }
    assert not any(p.name[:4].isdigit() for p in f.projects)


def test_a_proposal_to_one_of_two_committees() -> None:
    for heading in (
        "Förslag till beslut - kommunstyrelsen",
        "Förslag till beslut till socialnämnden",
        "Stadsledningskontorets förslag till beslut",
    ):
        assert heading_kind(heading) == "forslag_till_beslut", heading
    assert heading_kind("Alla förslag till beslut") is None


BOXED = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
Avdelningen för individ- och                     Dnr FA 2024/0311
familjeomsorg                                    Sida 1 (3)
                                                 2024-09-10
Handläggare                                      Till
Eva Exempel                                      Farsta stadsdelsnämnd


Ansökan om lokala utvecklingsmedel (LUM) 2025


┌────────────────────────────────────────────────────────────┐
│ Ärendet i korthet                                          │
│                                                            │
│ Vad föreslås?                                              │
│ Att förvaltningen söker medel hos socialnämnden för två    │
│ utvecklingsprojekt under 2025.                             │
└────────────────────────────────────────────────────────────┘


Förvaltningens förslag till beslut

1.  Farsta stadsdelsnämnd godkänner förvaltningens ansökan.
"""


def test_a_fact_box_read_as_text_under_the_title(tmp_path: Path) -> None:
    plain = plain_box_drawing(BOXED)
    assert "│" not in plain and "|" not in plain and "┌" not in plain
    assert "\nÄrendet i korthet\n" in plain
    assert "\nAtt förvaltningen söker medel hos socialnämnden för två\n" in plain
    # a table drawn with boxes keeps its columns
    table = "┌──────────┬──────────┐\n│ Projekt  │ Belopp   │\n└──────────┴──────────┘"
    assert "| Projekt  | Belopp   |" in plain_box_drawing(table)
    path = tmp_path / "doc.txt"
    path.write_text(BOXED, encoding="utf-8")
    assert understood(path).meta.title == "Ansökan om lokala utvecklingsmedel (LUM) 2025"


LANDSTING = """STOCKHOLMS LÄNS LANDSTING                         PROTOKOLLSUTDRAG
Hälso- och sjukvårdsnämnden                       Sammanträdesdatum
                                                  2012-03-13
                                                  § 41


Samfinansiering av projektet Tidigt stöd i Farsta 2012–2014
HSN 1201-0145


Ärendet

Nämnden och Farsta stadsdelsförvaltning har tagit fram ett projekt.
"""


def test_a_landstings_case_code_under_the_subject(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(LANDSTING, encoding="utf-8")
    assert (
        understood(path).meta.title == "Samfinansiering av projektet Tidigt stöd i Farsta 2012–2014"
    )


DATED_HEADINGS = """
Ärendet

Följande projekt har genomförts med lokala utvecklingsmedel under
perioden.

Ungdomslotsar i Hökarängen (2015)
Två ungdomslotsar arbetade kvällstid med unga som riskerade att dras
in i kriminalitet. Projektet beviljades 600 000 kronor.

Digital granskning av utredningar inom barn och unga (2016)
Projektet tog fram en modell för granskning av utredningar inom
barn och unga. Projektet beviljades 480 000 kronor, som användes.
"""


def test_headings_that_end_in_their_year(tmp_path: Path) -> None:
    title = "Uppföljning av lokala utvecklingsmedel 2015–2016"
    f = facts_of(tmp_path, HEAD.format(year=2017, title=title) + DATED_HEADINGS)
    got = {p.name: (p.year, p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Ungdomslotsar i Hökarängen": (2015, 600000, "genomförd"),
        "Digital granskning av utredningar inom barn och unga": (2016, 480000, "genomförd"),
    }


SHARES = """
Ärendet

Tabell 1. Projekt med stöd ur Europeiska socialfonden, kronor

Projekt                                           Total        varav        varav
Projektägare                       Period         budget         ESF       staden

1. Vägen till jobb i Rinkeby       2011-01-01–    4 000 000    2 000 000    2 000 000
   Rinkeby-Kista stadsdelsnämnd    2012-12-31
2. Språkstöd i hemtjänsten         2011-03-01–    3 000 000    1 600 000    1 400 000
   Hässelby-Vällingby stadsdels-   2013-02-28
   nämnd

Summa                                             7 000 000    3 600 000    3 400 000
"""


def test_payers_shares_beside_the_whole_sum(tmp_path: Path) -> None:
    title = "Stadens medfinansiering av projekt inom Europeiska socialfonden 2011–2013"
    f = facts_of(tmp_path, HEAD.format(year=2011, title=title) + SHARES)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got["Vägen till jobb i Rinkeby"] == (["rinkeby-kista"], 4000000)
    assert got["Språkstöd i hemtjänsten"] == (["hasselby-vallingby"], 3000000)


def test_a_performer_without_what_follows_its_name() -> None:
    for printed, name in (
        ("Lindgren Analys AB 640 000", "Lindgren Analys AB"),
        ("Umeå universitet; december 2024", "Umeå universitet"),
        ("Malmö universitet. Studien genomfördes under våren", "Malmö universitet"),
        ("FoU-enheten (egen studie)", "FoU-enheten"),
        ("Stiftelsen Barnens Bästa i samarbete med Farsta sdf", "Stiftelsen Barnens Bästa"),
        ("Berg & Holm Utredning AB Kostnaden avser hela studien", "Berg & Holm Utredning AB"),
        ("Institutet för social forskning (SOFI)", "Institutet för social forskning (SOFI)"),
        ("Inst. för socialt arbete, SU", "Inst. för socialt arbete, SU"),
    ):
        assert bare_performer(printed) == name, printed
    text = "Studien genomförs av Forskargruppen för boende och hälsa vid Umeå universitet."
    assert performer_in(text) == "Forskargruppen för boende och hälsa vid Umeå universitet"
    text = "Studien genomförs av Institutionen för socialt arbete och Farsta sdf."
    assert performer_in(text) == "Institutionen för socialt arbete"


def test_a_header_word_is_no_projects_name() -> None:
    def draft(name: str, line: int) -> Draft:
        return Draft(
            name=name,
            first_line=line,
            last_line=line,
            page_no=1,
            evidence=name,
            fund_type="LUM",
            year=2011,
            status="beviljad",
            confidence=0.8,
        )

    kept = tidy_names(
        [draft("Kronor", 1), draft("Familjeråd i Farsta", 5), draft("d:o", 9)], lambda _: []
    )
    assert [d.name for d in kept] == ["Familjeråd i Farsta"]


APPLICATION = """Södermalms stadsdelsförvaltning                    Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg          Dnr SÖ 2010/0412
                                                   Sida 1 (3)
                                                   2010-09-14
Handläggare                                        Till
Eva Exempel                                        Södermalms stadsdelsnämnd


Ansökan om lokala utvecklingsmedel och medel för studiebesök (MUST) 2011


Förvaltningens förslag till beslut

1.  Stadsdelsnämnden ansöker hos socialtjänstnämnden om 400 000 kronor i
    lokala utvecklingsmedel 2011 för projektet ”Närvarocoacher i
    skolan”.
2.  Stadsdelsnämnden ansöker om 24 000 kronor i medel för studiebesök
    (MUST) 2011 för ett studiebesök i Gent.


Ärendet

Genomförande
Projektet pågår från januari till december 2011 på två högstadie-
skolor. Studiebesöket i Gent görs under våren 2011.
"""


def test_an_applications_project_ends_beside_its_trip(tmp_path: Path) -> None:
    f = facts_of(tmp_path, APPLICATION)
    ends = {p.name: p.end_date for p in f.projects}
    assert ends["Närvarocoacher i skolan"] == dt.date(2011, 12, 1)


def test_an_abbreviation_by_the_name_printed_before_it() -> None:
    text = (
        "Studien genomförs av Institutet för kvalitativ\nvälfärdsforskning (IKV) och "
        "kostar 300 000 kronor. Norrbacka Analys Konsult (NAK) svarar för enkäten."
    )
    assert expanded("IKV", text) == "Institutet för kvalitativ välfärdsforskning"
    assert expanded("NAK", text) == "Norrbacka Analys Konsult"
    assert expanded("ABC", text) is None


PERIOD_TITLE = """STOCKHOLMS STAD                                   TJÄNSTEUTLÅTANDE
SÖDERMALMS STADSDELSFÖRVALTNING                   SID 1 (2)
Kansliet                                          2004-09-02
                                                  DNR 100-0512/2004

Handläggare: Eva Exempel                          Till
Tfn 08-508 00 000                                 Södermalms stadsdelsnämnd


ANMÄLAN AV DELEGATIONSBESLUT FATTADE UNDER PERIODEN
2004-06-01 – 2004-08-31


Förslag till beslut

Stadsdelsnämnden godkänner anmälan av delegationsbeslut.
"""


def test_a_title_that_ends_in_its_period(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(PERIOD_TITLE, encoding="utf-8")
    title = understood(path).meta.title
    assert title is not None and title.endswith("UNDER PERIODEN 2004-06-01 – 2004-08-31")


PROTOCOL = """Norrmalms stadsdelsnämnd                                 Protokoll nr 7/2014
Sammanträdesdatum 2014-06-19                             Sida 2 (5)


§ 3
Anmälan av delegationsbeslut inom individ- och familjeomsorgen
Dnr 1.1.3-040/2014

Under perioden april–maj 2014 har 412 beslut fattats på delegation.

Beslut
Stadsdelsnämnden lägger anmälan till handlingarna.


§ 4
Bidrag till föreningar 2014
Dnr 1.1.3-041/2014

Bromma stadsdelsnämnds beslut

1. Stadsdelsnämnden beviljar Föreningen Gläntan 20 000 kronor.

2. Paragrafen förklaras omedelbart justerad.
"""


def test_a_bare_decision_and_a_district_committees_decisions(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(PROTOCOL, encoding="utf-8")
    got = [d.text for d in understood(path).decisions]
    assert got == [
        "Stadsdelsnämnden lägger anmälan till handlingarna.",
        "Stadsdelsnämnden beviljar Föreningen Gläntan 20 000 kronor.",
        "Paragrafen förklaras omedelbart justerad.",
    ]


SHELTERS = """Tabell 1. Organisationsbidrag till jourer, kronor

Organisation                         Beviljat 2010    Sökt 2011   Förslag 2011

Kvinnojourer
Kvinnojouren Ankaret                      900 000      980 000        950 000
Föreningen Trygga Rum                           –      300 000         avslag
Delsumma                                  900 000    1 280 000        950 000

Tjejjourer
Tjejjouren Fyren                          200 000      240 000        220 000
Delsumma                                  200 000      240 000        220 000

Summa                                   1 100 000    1 520 000      1 170 000
"""


def test_a_refused_rows_verdict_and_a_groups_subtotal() -> None:
    found = find_money_tables(SHELTERS.splitlines())
    sums = [a.sek for a in found]
    assert 240000 in sums and 1170000 in sums  # (the group after the refused row is read)
    subtotals = [a.kind for a in found if a.evidence.split("|")[-1].strip().startswith("Delsumma")]
    assert subtotals and "project_cost" not in subtotals


def test_an_owner_with_its_unit_after_a_comma(tmp_path: Path) -> None:
    body = OWNER_UNDER.replace("   Bromma\n", "   Socialförvaltningen, familjerätten\n")
    f = facts_of(tmp_path, HEAD.format(year=2016, title="Årsrapport 2015") + body.format(year=2015))
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert got["Hembesök hos äldre som lever ensamma"] == ["socialforvaltningen"]
