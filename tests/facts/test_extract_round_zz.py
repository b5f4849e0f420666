"""Forty-first session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* a title that shares out money by a name of its own, no fund's cue ("Fördelning av
  samverkansmedel 2012", "Utdelning ur stadens stipendiefond"): the document's money carries
  that name ("stipendiefond" → "stipendiefonden"), and the call's criteria are kept as its;
* "sociala utvecklingsmedel" is a fund by its name, and a loose reading of that name never
  overrides the printed "lokala utvecklingsmedel";
* a "Klart" cell "12/2019" is that month;
* a table header whose last cell is broken over two lines in its own column ("Slut-" over
  "redovisat") keeps its first column's name ("Projekt" is not joined to "Slut-");
* cards of a web page printed in its mobile view, values flush right ("Fond         LUM"),
  the owner and co-applicant fields over the name, a trip's "Resmål" opening a card of its
  own, "Beviljat 2027" the grant beside "Sökt belopp";
* a decision's item "uppdras beställa studien <Titel> av <Body>." is a study with its
  performer and sum; lettered items "<Titel>, som <Body> genomför i X för 310 000 kr" too;
* a catalogue's paragraphs "<Name>, <District>, 280 000 kronor. …": each a project;
* "Organisation" over "verksamhet" in a table of year columns: the association over its
  activity, the activity the project;
* criteria numbered "Kriterium 1." and the fund their items speak of ("Projektet …" under an
  intro that named the study visits' cap last);
* headings set in a left margin beside their paragraphs ("Farsta   Samtalsgrupper … Sökt
  belopp 260 000 kr. Förslag 220 000 kr."), lifted over them (understand/side_headings); a
  protocol's head and a form's fields keep their labels;
* a funding field "Finansiering: <fund>, <sum>" gives a block's grant and fund;
* in a paragraph of both LUM and the study visits, each sum takes the fund of what its
  sentence names (a project, a trip) and the pot of both none; an intro that names neither
  gives the call's criteria to the projects; "samma huvudkriterium som tidigare år" states
  no criterion;
* decision items numbered "I." … "V."; every paragraph's decisions under "Nämnden beslöt";
  "… som redovisas i oktober 2004" is when a study ends.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import find_funds
from pipeline.facts.end_dates import parse_end_cell
from pipeline.records import Facts
from pipeline.understand.side_headings import lift_side_headings


def _projects(f: Facts, attr: str | None = None) -> dict[str, tuple[object, ...]]:
    """Each project's name: its districts (sorted), its sum and, if asked, one attribute."""
    return {
        p.name: (
            tuple(sorted(d.district_id for d in p.districts)),
            p.amount_sek,
            *((getattr(p, attr),) if attr else ()),
        )
        for p in f.projects
    }


SHARED_OUT = """
Ärendet

Nämnden har för år {year} avsatt 900 000 kronor. Ansökningarna har bedömts
utifrån följande kriterier:

- insatsen ska nå barn och unga i socioekonomiskt utsatta områden
- insatsen ska genomföras i samverkan med minst en förening

Förvaltningen föreslår att 350 000 kronor beviljas Föreningen Gläntan för
läxläsning på lördagar och att 400 000 kronor beviljas Idrottsalliansen
för spontanidrott på kvällstid.
"""


def test_a_title_that_shares_out_money_by_a_name_of_its_own(tmp_path: Path) -> None:
    for k, (title, label) in enumerate(
        (
            ("Fördelning av samverkansmedel 2012", "samverkansmedel"),
            ("Utdelning ur stadens stipendiefond 2012", "stipendiefonden"),
        )
    ):
        (tmp_path / str(k)).mkdir()
        text = HEAD.format(year=2012, title=title) + SHARED_OUT.format(year=2012)
        f = facts_of(tmp_path / str(k), text)
        funds = {a.sek: a.fund_type for a in f.amounts}
        assert funds[900000] == label, title
        assert funds[350000] == label, title
        assert [c.fund_type for c in f.criteria] == [label, label], title


def test_social_development_money_by_its_name_and_the_printed_local_money() -> None:
    assert [f[2] for f in find_funds("Fördelning av sociala utvecklingsmedel 2018")] == [
        "sociala utvecklingsmedel"
    ]
    # one letter from the longer name, read loosely: the printed name is the fund
    assert [f[2] for f in find_funds("lokala utvecklingsmedel.")] == ["LUM"]


def test_a_month_with_a_slash_in_an_end_cell() -> None:
    got = parse_end_cell("12/2019")
    assert got is not None and got[3] == dt.date(2019, 12, 1)
    got = parse_end_cell(" 06/2021 ")
    assert got is not None and got[3] == dt.date(2021, 6, 1)
    assert parse_end_cell("13/2019") is None


AUDIT = """
Tabell 2. Granskade projekt, kronor

                                                                              Slut-
Projekt                               Stadsdelsförvaltning  År     Beviljat   redovisat

Hembesök hos äldre med                Bromma                2011    210 000   ja
missbruk
Samtalsgrupper för pappor             Farsta                2011    190 000   nej

Summa                                                               400 000
"""


def test_a_header_cell_broken_in_its_own_column(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2012, title="Granskning av lokala utvecklingsmedel 2011") + AUDIT,
    )
    got = _projects(f)
    assert got["Hembesök hos äldre med missbruk"] == (("bromma",), 210000)
    assert got["Samtalsgrupper för pappor"] == (("farsta",), 190000)


CARDS = """
Bilaga 1. Beviljade ansökningar 2027

▾ Enskede-Årsta-Vantör                     2 beviljade · 395 000 kr

  Förvaltning                                 Enskede-Årsta-Vantör
  Medsökande                                               Farsta
  Projekt                             Mentorer för unga som lämnar
                                                       familjehem
  Fond                                                         LUM
  Sökt belopp                                           450 000 kr
  Beviljat 2027                                         370 000 kr
  ----------------------------------------------------------------
  Förvaltning                                 Enskede-Årsta-Vantör
  Fond                                                         MUL
  Resmål                                                    Aarhus
  Syfte                                   familjecentraler i skolan
  Beviljat 2027                                          25 000 kr
  ----------------------------------------------------------------

▾ Kungsholmen                              1 beviljad · 300 000 kr

  Förvaltning                                          Kungsholmen
  Projekt                          Stöd till äldre med spelproblem
  Fond                                                         LUM
  Sökt belopp                                           300 000 kr
  Beviljat 2027                                         300 000 kr
  ----------------------------------------------------------------
"""


def test_cards_whose_values_stand_flush_right(tmp_path: Path) -> None:
    title = "Fördelning av lokala utvecklingsmedel och medel för utveckling och lärande 2027"
    f = facts_of(tmp_path, HEAD.format(year=2026, title=title) + CARDS)
    got = _projects(f, "fund_type")
    assert got["Mentorer för unga som lämnar familjehem"] == (
        ("enskede-arsta-vantor", "farsta"),
        370000,
        "LUM",
    )
    assert got["Aarhus – familjecentraler i skolan"] == (("enskede-arsta-vantor",), 25000, "MUL")
    assert got["Stöd till äldre med spelproblem"] == (("kungsholmen",), 300000, "LUM")
    assert len(got) == 3


ORDERED = """
Kommunstyrelsens beslut

1.  Stadsledningskontoret uppdras beställa studien
    Hemtjänst för äldre med demens av Institutet för
    äldreforskning. Studien omfattar hemtjänsten i
    Farsta och Skarpnäck och ska vara klar i maj 2003.      420 000 kr

2.  Stadsledningskontoret uppdras beställa studien Unga
    vuxna i akutboende - en utvärdering av Institutionen
    för socialt arbete. Studien ska vara klar i mars 2004.  510 000 kr

3.  Paragrafen förklaras omedelbart justerad.
"""


def test_studies_ordered_from_a_body_in_decision_items(tmp_path: Path) -> None:
    title = "Beställning av stadsövergripande studier inom socialtjänsten 2002"
    f = facts_of(tmp_path, HEAD.format(year=2002, title=title) + ORDERED)
    got = _projects(f, "performer")
    assert got["Hemtjänst för äldre med demens"] == (
        ("farsta", "skarpnack"),
        420000,
        "Institutet för äldreforskning",
    )
    assert got["Unga vuxna i akutboende - en utvärdering"] == (
        (),
        510000,
        "Institutionen för socialt arbete",
    )


CATALOGUE = """
Avslutade projekt

Läsombud i förskolan, Bromma,
280 000 kronor. Förskolorna utbildade sex läsombud som
träffade föräldrar varje månad.

Stöd till unga pappor, Farsta och
Skarpnäck, 340 000 kronor.

Pågående projekt

Seniorträffar på distans, Norrmalm, 190 000 kronor.
"""


def test_a_catalogues_entries_name_owner_and_sum(tmp_path: Path) -> None:
    title = "Årsrapport för lokala utvecklingsmedel 2019"
    f = facts_of(tmp_path, HEAD.format(year=2020, title=title) + CATALOGUE)
    got = _projects(f)
    assert got == {
        "Läsombud i förskolan": (("bromma",), 280000),
        "Stöd till unga pappor": (("farsta", "skarpnack"), 340000),
        "Seniorträffar på distans": (("norrmalm",), 190000),
    }


LETTERED = """
Övergångsbestämmelser

Följande studier som beställts under 2003 fortsätter enligt tidigare
beslut:

    a)  Boendestöd för unga med neuropsykiatriska diagnoser, som
        Institutionen för psykologi genomför för 310 000 kr och som
        redovisas i april 2004,

    b)  Familjerådgivning på distans, som FoU Söderort genomför i
        Skarpnäck och Farsta för 260 000 kr och som redovisas i
        oktober 2004.
"""


def test_lettered_items_that_name_a_study_and_its_body(tmp_path: Path) -> None:
    title = "Riktlinjer för stadsövergripande forskning och utveckling 2004"
    f = facts_of(tmp_path, HEAD.format(year=2003, title=title) + LETTERED)
    got = _projects(f, "performer")
    assert got["Boendestöd för unga med neuropsykiatriska diagnoser"] == (
        (),
        310000,
        "Institutionen för psykologi",
    )
    assert got["Familjerådgivning på distans"] == (
        ("farsta", "skarpnack"),
        260000,
        "FoU Söderort",
    )
    # "… och som redovisas i oktober 2004": when the study reports, its end
    ends = {p.name: p.end_date for p in f.projects}
    assert ends["Familjerådgivning på distans"] == dt.date(2004, 10, 1)


PARTNERS = """
Tabell 1. Ersättning inom partnerskapen 2026–2028, kronor

Organisation                              2026        2027        2028       Totalt
  verksamhet

Föreningen Vandringen                  500 000     500 000     500 000    1 500 000
  Nattkafé för unga vuxna
Stiftelsen Hamnen                      320 000     330 000     340 000      990 000
  Stödboende för kvinnor

Summa                                  820 000     830 000     840 000    2 490 000
"""


def test_an_organisation_over_its_activity_in_a_table_of_year_columns(tmp_path: Path) -> None:
    title = "Idéburet offentligt partnerskap med två organisationer 2026–2028"
    f = facts_of(tmp_path, HEAD.format(year=2025, title=title) + PARTNERS)
    got = {p.name: (p.performer, p.amount_sek) for p in f.projects}
    assert got == {
        "Nattkafé för unga vuxna": ("Föreningen Vandringen", 1500000),
        "Stödboende för kvinnor": ("Stiftelsen Hamnen", 990000),
    }


NAMED_CRITERIA = """
Lokala utvecklingsmedel och studiebesök

Ett projekt kan beviljas högst 350 000 kr och ett studiebesök 20 000 kr.
Ansökningarna har bedömts utifrån hur väl de uppfyller följande kriterier.

Kriterium 1.  Projektet engagerar fler än en enhet.
Kriterium 2.  Projektet har en plan för hur det ska följas upp och
              tas till vara.
"""


def test_criteria_named_by_number_and_the_fund_their_items_speak_of(tmp_path: Path) -> None:
    title = "Fördelning av lokala utvecklingsmedel och medel för studiebesök (MUST) 2010"
    f = facts_of(tmp_path, HEAD.format(year=2010, title=title) + NAMED_CRITERIA)
    assert [(c.text, c.fund_type) for c in f.criteria] == [
        ("Projektet engagerar fler än en enhet.", "LUM"),
        ("Projektet har en plan för hur det ska följas upp och tas till vara.", "LUM"),
    ]


SIDE_HEADINGS = """
Bakgrund           Nämnden har avsatt 1 200 000 kr till lokala
                   utvecklingsmedel för 1999. Nio ansökningar har
                   kommit in från sju stadsdelsförvaltningar.

Farsta             Samtalsgrupper för unga pappor. Grupperna
                   leds av två familjebehandlare. Sökt belopp
                   260 000 kr. Förslag 220 000 kr.

Liljeholmen        Hembesök hos äldre med missbruk. Besöken
och Hägersten      görs av en sjuksköterska och en socionom.
                   Sökt belopp 300 000 kr. Förslag 300 000 kr.

Skärholmen         Läxhjälp för placerade barn. Familjehemmen
                   får stöd av en lärare. Sökt belopp 180 000
                   kr. Förslag 150 000 kr.
"""


def test_headings_in_the_margin_over_their_paragraphs(tmp_path: Path) -> None:
    title = "Fördelning av lokala utvecklingsmedel för 1999"
    f = facts_of(tmp_path, HEAD.format(year=1999, title=title) + SIDE_HEADINGS)
    got = _projects(f)
    assert got == {
        "Samtalsgrupper för unga pappor": (("farsta",), 220000),
        "Hembesök hos äldre med missbruk": (("hagersten", "liljeholmen"), 300000),
        "Läxhjälp för placerade barn": (("skarholmen",), 150000),
    }


def test_a_protocols_head_and_a_forms_fields_keep_their_labels() -> None:
    head = """
Plats och tid     Stadsdelsförvaltningens sessionssal, kl. 18.30–20.05

Beslutande        Anna Exempel (s), ordförande
                  Bo Exempel (m), vice ordförande

Justering         Protokollet justeras av ordföranden och Cecilia Exempel
                  (fp) torsdagen den 28 mars 2002.
"""
    form = """
Projekt 1: Tidiga samtal i hemmet

Syfte          Att erbjuda familjer med barn som aktualiseras för första
               gången ett hembesök inom två veckor och fånga upp behov.

Medsökande     Farsta stadsdelsförvaltning

Målgrupp       Familjer med barn 0-6 år

Kostnad        Projektet beräknas kosta 300 000 kr under ett år, varav
               250 000 kr söks hos nämnden.
"""
    assert lift_side_headings(head) == head
    assert lift_side_headings(form) == form
    assert lift_side_headings(SIDE_HEADINGS) != SIDE_HEADINGS


FUNDED = """
Avslutade projekt

Föräldraträffar på arabiska

Finansiering:  statsbidrag från Socialstyrelsen, 300 000 kr
Kostnad:       287 000 kr
Period:        januari–december 2015

Trygg skolväg i Högdalen

Finansiering:  kommunstyrelsens trygghetsmedel, 240 000 kr
Kostnad:       251 000 kr
Period:        april–oktober 2015

Lässtund på biblioteket

Finansiering:  nämndens utvecklingsreserv, 90 000 kr
Kostnad:       86 500 kr
Period:        september–december 2015
"""


def test_a_funding_field_names_each_projects_fund_and_grant(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD.format(year=2016, title="Verksamhetsberättelse 2015") + FUNDED)
    got = {p.name: (p.fund_type, p.amount_sek) for p in f.projects}
    assert got == {
        "Föräldraträffar på arabiska": ("statsbidrag", 300000),
        "Trygg skolväg i Högdalen": ("trygghetsmedel", 240000),
        "Lässtund på biblioteket": ("utvecklingsreserv", 90000),
    }


PAIRED = """
Bakgrund

Socialnämnden fördelar varje år lokala utvecklingsmedel (LUM) och
medel för studiebesök (MUST) till stadsdelsförvaltningarna. För
2016 har nämnden avsatt cirka 2,8 miljoner kronor. Ett projekt kan
beviljas högst 300 000 kronor och ett studiebesök högst 20 000
kronor. Enligt socialnämndens inriktning prioriteras ansökningar
utifrån hur väl de

•   leder till kunskap som kan användas i fler förvaltningar,
•   involverar brukarna i planering och uppföljning.
"""


def test_a_paragraph_of_both_funds_gives_each_sum_the_fund_it_speaks_of(tmp_path: Path) -> None:
    title = "Ansökan om lokala utvecklingsmedel (LUM) och medel för studiebesök (MUST) för 2016"
    f = facts_of(tmp_path, HEAD.format(year=2015, title=title) + PAIRED)
    funds = {a.sek: a.fund_type for a in f.amounts}
    assert funds[300000] == "LUM"
    assert funds[20000] == "MUST"
    assert funds[2800000] is None  # the pot of both
    assert [c.fund_type for c in f.criteria] == ["LUM", "LUM"]


MAIN_CRITERION = """
Sammanfattning

Inriktningen för 2024 bygger på samma huvudkriterium som tidigare år.

Bakgrund

Socialnämnden beslutade den 20 april 2023 om inriktningen för LUM och
MUL 2024. Huvudkriteriet är att projektet ska ha betydelse för
socialtjänsten i hela staden.
"""


def test_the_main_criterion_stated_not_named_and_its_fund(tmp_path: Path) -> None:
    title = "Inriktning för lokala utvecklingsmedel (LUM) och MUL 2024"
    f = facts_of(tmp_path, HEAD.format(year=2023, title=title) + MAIN_CRITERION)
    assert [(c.text, c.fund_type) for c in f.criteria] == [
        (
            "Huvudkriteriet är att projektet ska ha betydelse för socialtjänsten i hela staden.",
            "LUM",
        )
    ]


ROMAN = """Socialnämnden                                    PROTOKOLLSUTDRAG
                                                 Protokoll nr 4/2012
                                                 Sammanträde 2012-04-17

§ 9

Lokala utvecklingsmedel 2012 – andra omgången
Dnr 3.2-0210/2012

Socialnämndens beslut

I.     Socialnämnden beviljar lokala utvecklingsmedel med sammanlagt
       820 000 kronor enligt bilaga 1.

II.    Övriga ansökningar avslås.

III.   Paragrafen justeras omedelbart.

Ärendet

Förvaltningen har lämnat förslag till fördelning.
"""


def test_decision_items_numbered_in_roman_numerals(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(ROMAN, encoding="utf-8")
    assert [(d.item_no, d.text) for d in understood(path).decisions] == [
        (
            1,
            "Socialnämnden beviljar lokala utvecklingsmedel med sammanlagt 820 000 kronor enligt bilaga 1.",
        ),
        (2, "Övriga ansökningar avslås."),
        (3, "Paragrafen justeras omedelbart."),
    ]


PROTOCOL = """Socialtjänstnämnden                              PROTOKOLL 6/2001
                                                 Sammanträde 2001-06-12

§ 4
Ansökan om statsbidrag för eftervård
Dnr 405-0411/2001

Socialtjänstnämnden beslöt

att hos länsstyrelsen ansöka om 900 000 kr i statsbidrag,

att paragrafen förklaras omedelbart justerad.

Ärendet

Förvaltningen har föreslagit att nämnden ansöker om statsbidrag.

§ 5
Bidrag ur reserven för frivilliga organisationer
Dnr 413-0502/2001

Socialtjänstnämnden beslöt

att bevilja Föreningen Nattljuset 60 000 kr.

Ärendet

En ansökan har kommit in.
"""


def test_every_paragraphs_decision_under_a_past_tense_heading(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(PROTOCOL, encoding="utf-8")
    assert [d.text for d in understood(path).decisions] == [
        "att hos länsstyrelsen ansöka om 900 000 kr i statsbidrag,",
        "att paragrafen förklaras omedelbart justerad.",
        "att bevilja Föreningen Nattljuset 60 000 kr.",
    ]


BUDGET_SHARES = """
Tabell 1. Budget för projektet 2015–2016, kronor

                                             2015        2016       Summa

Uppsökande arbete                         410 000     450 000     860 000
Handledning                                40 000      60 000     100 000

Summa kostnader                           450 000     510 000     960 000

varav sökt från länsstyrelsen             330 000     380 000     710 000
varav egen finansiering                   120 000     130 000     250 000
"""


def test_a_totals_shares_after_a_blank_line(tmp_path: Path) -> None:
    title = "Ansökan om utvecklingsmedel från Länsstyrelsen 2015–2016"
    f = facts_of(tmp_path, HEAD.format(year=2015, title=title) + BUDGET_SHARES)
    sums = {a.sek for a in f.amounts}
    assert {330000, 380000, 710000, 120000, 130000, 250000} <= sums
