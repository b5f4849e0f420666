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
  activity, the activity the project.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import find_funds
from pipeline.facts.end_dates import parse_end_cell

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
    got = {p.name: (tuple(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
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
    got = {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek, p.fund_type)
        for p in f.projects
    }
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
    got = {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek, p.performer)
        for p in f.projects
    }
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
    got = {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    }
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
    got = {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek, p.performer)
        for p in f.projects
    }
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
