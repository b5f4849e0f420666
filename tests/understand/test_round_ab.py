"""Understanding rules of blind rounds g141–g158 and n83–n90, on short texts written for the
test: numbers OCR printed partly in letters and "rn" read for "m"; a whole protocol named by
its letterhead while its first § stays the subject; a labelled head's "Ärende:"; a head line
with a sum that stays body; a numbered table row that is no decision item."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import understood

from pipeline.facts.stage import body_lines, extract
from pipeline.understand.repair import repair_text


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        ("Sammantradesdatum 2OOO-O5-16", "2000-05-16"),
        ("Dnr 4O7-0198/2OOO", "Dnr 407-0198/2000"),
        ("högst 4O OOO kr per ansökan", "högst 40 000 kr per ansökan"),
        ("sammanlagt l l5O OOO kr.", "1 150 000 kr."),
        ("Farsta   Ungdomsmottagning     l95 OOO kr", "195 000 kr"),
        ("fa1tarbete i Kungsho1men", "fältarbete i Kungsholmen"),
        ("beviljas sarnrnanlagt", "beviljas sammanlagt"),
        ("&1   Val av justerare", "§ 1   Val av justerare"),
        ("$ 3  Fördelning av medel", "§ 3  Fördelning av medel"),
        ("Liljeholmen   Missbruksvård, Tallinn     16 000 ki", "16 000 kr"),
    ],
)
def test_numbers_printed_partly_in_letters_and_m_read_as_rn(printed: str, repaired: str) -> None:
    assert repaired in repair_text(printed)


@pytest.mark.parametrize(
    "kept",
    [
        "Bilaga I och H2O",
        "I 2015 beviljades",
        "IOP-avtal med Olle",
        "barnen i Hjorthagen",
        "Jansson & Co 12 kr",
    ],
)
def test_words_and_numbers_that_are_no_damage_are_kept(kept: str) -> None:
    assert repair_text(kept) == kept


PROTOCOL = """SKARPNÄCKS STADSDELSNÄMND                          PROTOKOLL 4/2011
                                                    Sammanträdesdatum
                                                    2011-04-14

Tid och plats    Torsdagen den 14 april 2011 kl. 18.30, Skarpnäcks allé 2
Beslutande       Anna Prov (s) ordförande, Bo Exempel (m)
Justerare        Bo Exempel

§ 1  Val av justerare
Bo Exempel utses att justera protokollet.

§ 2  Bidrag till föreningar 2011
     Dnr 1.2-100/2011

Stadsdelsnämndens beslut
1. Föreningsbidrag beviljas med sammanlagt 120 000 kronor.

§ 3  Budgetuppföljning per mars 2011
     Dnr 1.1-80/2011

Stadsdelsnämndens beslut
1. Nämnden godkänner uppföljningen.

§ 4  Anmälan av delegationsbeslut
Anmälan läggs till handlingarna.
"""


def test_a_whole_protocol_is_named_by_its_letterhead(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text(PROTOCOL, encoding="utf-8")
    meta = understood(path).meta
    assert meta.title == "Protokoll 4/2011"
    assert meta.subject == "Bidrag till föreningar 2011"


def test_an_extract_of_one_paragraph_keeps_its_heading(tmp_path: Path) -> None:
    one = PROTOCOL.split("§ 3")[0].replace(
        "§ 1  Val av justerare\nBo Exempel utses att justera protokollet.\n", ""
    )
    path = tmp_path / "utdrag.txt"
    path.write_text(one.replace("Tid och plats", "").replace("Beslutande", ""), encoding="utf-8")
    assert understood(path).meta.title == "Bidrag till föreningar 2011"


def test_one_arende_beside_procedural_paragraphs_keeps_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "ett_arende.txt"
    path.write_text(PROTOCOL.split("§ 3")[0], encoding="utf-8")
    assert understood(path).meta.title == "Bidrag till föreningar 2011"


DELEGATION = """SKARPNÄCKS STADSDELSFÖRVALTNING                BESLUT ENLIGT DELEGATION
Avdelningen för barn och ungdom                  Datum 2004-05-03
                                                 Dnr 520-100/2004

Ärende:            Ansökan om bidrag till sommarläger för barn
                   och unga 2004

Sökande:           Föreningen Provlägret

Sökt belopp:       30 000 kr


BESLUT

Föreningen Provlägret beviljas 25 000 kr för sommarläger.
"""


def test_a_labelled_head_names_the_subject_and_its_sum_stays_body(tmp_path: Path) -> None:
    path = tmp_path / "delegation.txt"
    path.write_text(DELEGATION, encoding="utf-8")
    doc = understood(path)
    assert doc.meta.title == "Ansökan om bidrag till sommarläger för barn och unga 2004"
    assert any("30 000 kr" in ln.text for ln in body_lines(doc))
    assert {a.sek for a in extract(doc).amounts} >= {30_000, 25_000}


TABLE_UNDER_PROPOSAL = """Fördelning av statsbidrag 2023

Förslag till beslut
1. Socialnämnden fördelar statsbidraget enligt förvaltningens förslag.

Förvaltningens förslag
Nr  Mottagare                    Insats                                  Belopp, kr
1   Farsta stadsdels-            Mobilt team för tidig upptäckt           1 200 000
    förvaltning
2   Skärholmens stadsdels-       Gruppverksamhet för unga                   800 000
    förvaltning
"""


def test_a_numbered_table_row_is_no_decision_item(tmp_path: Path) -> None:
    head = (
        "Socialförvaltningen                                Tjänsteutlåtande\n"
        "                                                   Dnr 3.1-100/2023\n"
        "                                                   2023-03-01\n"
        "Handläggare                                        Till\n"
        "Eva Prov                                           Socialnämnden\n\n"
    )
    path = tmp_path / "tabell.txt"
    path.write_text(head + TABLE_UNDER_PROPOSAL, encoding="utf-8")
    doc = understood(path)
    assert [d.text for d in doc.decisions] == [
        "Socialnämnden fördelar statsbidraget enligt förvaltningens förslag."
    ]
    got = {p.name: [d.district_id for d in p.districts] for p in extract(doc).projects}
    assert got == {
        "Mobilt team för tidig upptäckt": ["farsta"],
        "Gruppverksamhet för unga": ["skarholmen"],
    }
