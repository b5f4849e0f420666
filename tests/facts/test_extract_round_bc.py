"""Forty-third session: rules from the corpora's project districts and the rounds opened for
them, each on a short text written for the test (none of the rounds' names or sums):

* a sentence that opens with a listed project's name, the head of its name before a dash, or
  a one-word name ("Stödsteget är ett samverkansprojekt mellan …", "Nattkompis påbörjades …
  och genomförs tillsammans med …") adds the districts it names as taking part;
* "Projektet genomförs i samverkan med …" right after a sentence that opened with a project's
  name speaks of that project;
* a partner in brackets under a name whose district name the table's next column splits
  ("(tillsammans med Farsta" ⏎ "stadsdelsförvaltning)") takes part beside the writing
  district.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

SDF_HEAD = """Vantörs stadsdelsförvaltning                       Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg         Dnr 1.2-88/{year}
                                                   Sida 1 (3)
                                                   {year}-09-12
Handläggare                                        Till
Per Prov                                           Vantörs stadsdelsnämnd

Uppföljning av externt finansierade projekt {year}

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner uppföljningen.

Ärendet
"""

TABLE = """
Tabell 1. Externt finansierade projekt {year}, tkr

Projekt                        Finansiär                     Tkr

Stödsteget                     Europeiska socialfonden       1 400
Nattkompis – vuxna på          Länsstyrelsen i Stockholms      520
stan kvällstid                 län
Läsglädje i förskolan          Socialnämnden, lokala           310
                               utvecklingsmedel
Summa                                                        2 230

"""


def _districts(tmp_path: Path, year: int, body: str) -> dict[str, set[str]]:
    f = facts_of(tmp_path, SDF_HEAD.format(year=year) + TABLE.format(year=year) + body)
    return {p.name: {d.district_id for d in p.districts} for p in f.projects}


def test_a_sentence_opening_with_a_listed_name_adds_its_partners(tmp_path: Path) -> None:
    body = """Stödsteget är ett samverkansprojekt mellan Vantörs stadsdelsförvaltning och
Skarpnäcks stadsdelsförvaltning som finansieras av Europeiska socialfonden.
Nattkompis påbörjades i mars 2019 och genomförs tillsammans med Farsta
stadsdelsförvaltning, som ansvarar för kvällarna i Hökarängen. Läsglädje i
förskolan riktar sig till förskolorna i Rågsved.
"""
    got = _districts(tmp_path, 2019, body)
    stod = next(v for k, v in got.items() if k.startswith("Stödsteget"))
    natt = next(v for k, v in got.items() if k.startswith("Nattkompis"))
    las = next(v for k, v in got.items() if k.startswith("Läsglädje"))
    assert stod == {"vantor", "skarpnack"}
    assert natt == {"vantor", "farsta"}
    assert las == {"vantor"}


def test_the_project_a_paragraph_opened_with_is_the_next_sentences_projektet(
    tmp_path: Path,
) -> None:
    body = """Nattkompis ger stöd till unga som rör sig ute sent på helgerna. Projektet
genomförs i samverkan med Farsta och Skarpnäcks stadsdelsförvaltningar, som
bidrar med fältassistenter. Läsglädje i förskolan vänder sig till förskolorna
i Rågsved. Projektet genomförs av förskolans egna pedagoger.
"""
    got = _districts(tmp_path, 2019, body)
    natt = next(v for k, v in got.items() if k.startswith("Nattkompis"))
    las = next(v for k, v in got.items() if k.startswith("Läsglädje"))
    assert natt == {"vantor", "farsta", "skarpnack"}
    assert las == {"vantor"}


def test_a_bracketed_partner_split_by_the_next_column_takes_part_beside_the_writer(
    tmp_path: Path,
) -> None:
    table = """
Tabell 1. Projekt med extern finansiering {year}

Projekt                          Finansiär                      Tkr

Trygga vägar hem                 Länsstyrelsen i Stockholms     300
(tillsammans med Farsta          län
stadsdelsförvaltning)
Läxhjälp på biblioteket          Allmänna arvsfonden            450
Summa                                                           750
"""
    f = facts_of(tmp_path, SDF_HEAD.format(year=2010) + table.format(year=2010))
    got = {p.name: {d.district_id for d in p.districts} for p in f.projects}
    trygga = next(v for k, v in got.items() if k.startswith("Trygga vägar hem"))
    assert trygga == {"vantor", "farsta"}
