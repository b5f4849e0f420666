"""Headings (OCR-tolerant), sub-headings and sections."""

from __future__ import annotations

import pytest

from pipeline.records import CleanPage, Line
from pipeline.understand.sections import find_headings, heading_kind, split_sections


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Förvaltningens förslag till beslut", "forslag_till_beslut"),
        ("Forvaltningens forslag till beslut", "forslag_till_beslut"),
        ("Förslag till beslut", "forslag_till_beslut"),
        ("Socialnämndens beslut", "beslut"),
        ("Nocialndmndens Heslut", "beslut"),
        ("Farsta stadsdelsnämnds beslut", "beslut"),  # a district's nämnd named before it
        ("Stadsdelsnämndens beslut", "beslut"),
        ("Kommunstyrelsens beslut", "beslut"),
        ("Beslut", "beslut"),
        ("Sammanfattning", "sammanfattning"),
        ("Sammanfatining", "sammanfattning"),
        ("Bakgrund", "bakgrund"),
        ("Ärendets beredning", "beredning"),
        ("Arendets beredning", "beredning"),
        ("Ärendet", "arendet"),
        ("Ärendet: FoU-plan för 2015", "arendet"),
        ("Förvaltningens synpunkter och förslag", "synpunkter"),
        ("Förvaltningens synpunkter", "synpunkter"),
        ("Beslutsgång", "beslutsgang"),
        ("Beslutsging _ _", "beslutsgang"),
        ("Särskilt uttalande", "sarskilt_uttalande"),
        ("Siivskilt uttalande _", "sarskilt_uttalande"),
        ("Reservation", "sarskilt_uttalande"),
        ("Bilagor", "bilagor"),
        ("Bilaga", "bilagor"),
        ("Beslut om fördelning av medel för år 2015 fattades", None),
        ("Förvaltningen föreslår att socialnämnden godkänner FoU-planen.", None),
        ("Stadsdelsnämnden beslutar", None),
        ("Bilaga 1 - Beviljade projekt", None),
        ("Lokala utvecklingsmedel", None),
        ("Stadsdelsförvaltningens förslag till beslut", "forslag_till_beslut"),
        ("Arbetsmarknadskontorets förslag till beslut", "forslag_till_beslut"),
        ("Deltar ej i beslutet", "end_of_list"),
        ("Justerandes signatur", "end_of_list"),
        ("Sammanfattning och revisionell bedömning", "sammanfattning"),
        ("Bakgrund och syfte", "bakgrund"),
        ("Sammanfattning och slutsatser av en lång rad uppföljningar", None),
    ],
)
def test_heading_kind(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def _page(no: int, lines: list[str]) -> CleanPage:
    return CleanPage(
        no, "\n".join(lines), "\n".join(lines), tuple(Line(no, i, t) for i, t in enumerate(lines))
    )


BODY = [
    "Förvaltningens förslag till beslut",
    "1. Socialnämnden godkänner förslag till plan för",
    "forskning och utveckling 2015.",
    "",
    "2. Socialnämnden delger samtliga stadsdelsnämnder ärendet.",
    "",
    "Anna Andersson Bertil Berg",
    "Förvaltningschef Avdelningschef",
    "Sammanfattning",
    "Detta ärende är en plan för forskning och utveckling med syfte att stödja",
    "utvecklingen av en evidensbaserad praktik inom socialtjänsten.",
    "",
    "Lokala utvecklingsmedel",
    "",
    "Socialnämnden har årligen utlyst lokala utvecklingsmedel för forskning.",
    "Forsknings- och utvecklingsarbetet inom socialtjänsten i",
    "Stockholms stad ska bidra till bättre resultat.",
    "",
    "Rekvirering av statsbidrag för kompetensutveckling inom",
    "barn- och ungdomsområdet",
    "",
    "Socialstyrelsen fördelar statsbidrag till kommunerna.",
    "",
    "Strategisk betydelse för staden",
    "Innovation",
    "Jämställdhet",
]


def test_sections_and_subheadings() -> None:
    page = _page(1, BODY)
    headings = find_headings([BODY], [[None] * len(BODY)])
    kinds = [(h.kind, h.text) for h in headings]
    assert kinds == [
        ("forslag_till_beslut", "Förvaltningens förslag till beslut"),
        ("sammanfattning", "Sammanfattning"),
        ("subheading", "Lokala utvecklingsmedel"),
        (
            "subheading",
            "Rekvirering av statsbidrag för kompetensutveckling inom barn- och ungdomsområdet",
        ),
    ]
    sections = split_sections((page,), headings)
    assert [s.kind for s in sections] == [
        "forslag_till_beslut",
        "sammanfattning",
        "subheading",
        "subheading",
    ]
    assert sections[2].parent == "sammanfattning" and sections[2].level == 2
    assert sections[1].lines[0].text.startswith("Detta ärende")


def test_a_committee_deciding_on_a_line_of_its_own_opens_a_decision_section() -> None:
    lines = [
        "§ 4",
        "FoU-medel 2002",
        "Dnr 603-112/2001",
        "",
        "Stadsdelsnämnden beslutar",
        "1. att godkänna redovisningen",
        "2. att ansöka om medel",
    ]
    heads = find_headings([lines], [[None] * len(lines)])
    assert [(h.index, h.kind) for h in heads if h.kind != "subheading"] == [(4, "beslut")]
