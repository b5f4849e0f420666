"""Forty-ninth session: a lettered section's heading ("A. Förutsättningar") over its text or
its boxes; a paper's kind in capitals over one line of its subject as its title; a web
page's heading that goes on after the print header's shorter title; a sum under a question
to the reader takes no role from the question."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood

from pipeline.facts.roles import amount_role
from pipeline.understand.sections import find_headings


def _headings(text: str) -> list[str]:
    lines = text.split("\n")
    return [h.text for h in find_headings([lines], [[None] * len(lines)])]


def test_lettered_section_headings_over_text_and_over_boxes() -> None:
    text = """Inledande text om ansökan.


A. Förutsättningar

☐  Sökande är en stadsdelsförvaltning.
☐  Ansökan är undertecknad.


B. Bedömning

Ansökningarna rangordnas efter hur väl de uppfyller kriterierna nedan.
"""
    assert _headings(text) == ["A. Förutsättningar", "B. Bedömning"]


def test_lettered_items_in_a_run_are_no_headings() -> None:
    text = """Följande gäller:

A. Barn och unga
B. Äldre
C. Personer med funktionsnedsättning

Ansökningarna ska vara inlämnade den 1 mars.
"""
    assert _headings(text) == []


def _title(tmp_path: Path, name: str, text: str) -> str | None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return understood(path).meta.title


def test_a_kind_in_capitals_over_its_subject_is_the_title(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                     Socialförvaltningen
                                                    Dnr 3.2-77/2023
                                                    2023-08-30


ANVISNINGAR FÖR SÖKANDE
Medel för utveckling och lärande (MUL) 2024


Läs anvisningarna innan du fyller i ansökan. Ansökan ska vara inne senast
den 1 oktober 2023.
"""
    assert _title(tmp_path, "a.txt", text) == (
        "Anvisningar för sökande – Medel för utveckling och lärande (MUL) 2024"
    )


def test_a_body_in_capitals_over_its_unit_is_no_title(tmp_path: Path) -> None:
    text = """FARSTA STADSDELSFÖRVALTNING
Individ- och familjeomsorgen

DELEGATIONSBESLUT                                 2006-03-04
                                                  Dnr 520-061/2006

Beslut om bidrag till pensionärsföreningar 2006

Med stöd av delegationsordningen beslutar jag att bevilja bidrag till
fyra föreningar med sammanlagt 31 000 kronor.
"""
    assert _title(tmp_path, "b.txt", text) == "Beslut om bidrag till pensionärsföreningar 2006"


def test_a_web_pages_heading_goes_on_after_the_print_headers_title(tmp_path: Path) -> None:
    text = """2024-11-04 14:20          Stöd till sociala föreningar - Stockholms stad

Hoppa till huvudinnehållet
Stockholms stad

Stöd till sociala föreningar
för arbete med unga i
ytterstaden

Socialnämnden fördelar varje år stöd till föreningar som arbetar med unga.
"""
    assert _title(tmp_path, "c.txt", text) == (
        "Stöd till sociala föreningar för arbete med unga i ytterstaden"
    )


def test_a_question_to_the_reader_gives_a_sum_no_role() -> None:
    s = "Högsta belopp per resa är 30 000 kronor och ansökan kan lämnas löpande."
    at = s.find("30 000")
    para = "Resor söks inte med denna ansökan. Använd ansökan för resor. " + s
    role = amount_role(s, para, "Söker du medel till en studieresa?", span=(at, at + 13))
    assert role.kind == "max_per_application"
