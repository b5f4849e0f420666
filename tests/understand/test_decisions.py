"""Decisions: numbered items and att-clauses of the förslag-till-beslut and beslut sections."""

from __future__ import annotations

import pytest

from pipeline.understand.decisions import find_decisions
from pipeline.understand.sections import find_headings, split_sections
from tests.understand.test_sections import BODY, _page


def test_numbered_decisions_join_continuation_lines() -> None:
    page = _page(1, BODY)
    sections = split_sections((page,), find_headings([BODY], [[None] * len(BODY)]))
    decisions = find_decisions(sections)
    assert [(d.item_no, d.text) for d in decisions] == [
        (1, "Socialnämnden godkänner förslag till plan för forskning och utveckling 2015."),
        (2, "Socialnämnden delger samtliga stadsdelsnämnder ärendet."),
    ]


@pytest.mark.parametrize(
    ("after", "expected_last"),
    [
        # a text layer: no blank line before the signatures
        (["Karin Lund Per Ek", "Förvaltningschef Avdelningschef"], "ärendet."),
        # a new sentence after a finished item ends the list
        (["Sammanfattningsvis föreslås att medlen fördelas."], "ärendet."),
        # one capitalised word after a stray period is OCR damage: it continues the item
        (["Lagesbeskrivningen"], "ärendet. Lagesbeskrivningen"),
        # a lower-case line continues the item
        (["och kommunstyrelsen."], "ärendet. och kommunstyrelsen."),
    ],
)
def test_numbered_items_end_without_blank_lines(after: list[str], expected_last: str) -> None:
    lines = [
        "Förvaltningens förslag till beslut",
        "1. Stadsdelsnämnden godkänner redovisningen.",
        "2. Stadsdelsnämnden överlämnar ärendet.",
        *after,
    ]
    page = _page(1, lines)
    sections = split_sections((page,), find_headings([lines], [[None] * len(lines)]))
    decisions = find_decisions(sections)
    assert [d.item_no for d in decisions] == [1, 2]
    assert decisions[-1].text == "Stadsdelsnämnden överlämnar " + expected_last


def test_att_clauses_of_a_decision() -> None:
    lines = [
        "Beslut",
        "Stadsdelsnämnden beslutar",
        "att godkänna förvaltningens förslag till fördelning av",
        "utvecklingsmedel för år 2018,",
        "att uppdra åt förvaltningen att återrapportera.",
        "",
        "Beslutsgång",
        "Ordföranden föreslog att nämnden skulle besluta enligt förslaget.",
    ]
    page = _page(1, lines)
    sections = split_sections((page,), find_headings([lines], [[None] * len(lines)]))
    assert [(d.item_no, d.text) for d in find_decisions(sections)] == [
        (1, "att godkänna förvaltningens förslag till fördelning av utvecklingsmedel för år 2018,"),
        (2, "att uppdra åt förvaltningen att återrapportera."),
    ]


def test_att_clauses_after_a_proposal_heading_that_leads_them() -> None:
    """The heading itself leads the att-clauses ("… föreslår att kommunstyrelsen beslutar
    följande"); a blank line between two clauses does not end the list."""
    lines = [
        "Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande",
        "att  ge socialnämnden i uppdrag att genomföra studien A inom en ram om 1,2 mnkr,",
        "",
        "att  återstående ram disponeras av socialnämnden,",
        "",
        "att  resultaten redovisas senast i juni 2018.",
        "",
        "Ärendet",
        "Text om ärendet.",
    ]
    page = _page(1, lines)
    sections = split_sections((page,), find_headings([lines], [[None] * len(lines)]))
    assert [d.item_no for d in find_decisions(sections)] == [1, 2, 3]


def test_numbered_items_across_decision_sections_restart() -> None:
    lines = [
        "Socialnämndens beslut",
        "1. Socialnämnden godkänner lägesbeskrivningen.",
        "Ärendet",
        "Text om ärendet.",
        "Förvaltningens förslag till beslut",
        "1. Socialnämnden beslutar att godkänna",
        "lägesbeskrivningen",
        "2. Socialnämnden beslutar att överlämna ärendet.",
    ]
    page = _page(1, lines)
    sections = split_sections((page,), find_headings([lines], [[None] * len(lines)]))
    assert [(d.item_no, d.text) for d in find_decisions(sections)] == [
        (1, "Socialnämnden godkänner lägesbeskrivningen."),
        (1, "Socialnämnden beslutar att godkänna lägesbeskrivningen"),
        (2, "Socialnämnden beslutar att överlämna ärendet."),
    ]


def test_an_item_whose_number_a_page_break_lost_stays_in_the_list() -> None:
    lines = [
        "Beslut",
        "1. Bromma stadsdelsnämnd medges budgetjustering med 1,0 mnkr.",
        "2. Farsta stadsdelsnämnd medges budgetjustering med 2,0 mnkr.",
        "",
        "Idrottsnämnden medges budgetjustering med 3,0 mnkr för belysning.",
        "4. Stadsdirektören ges i uppdrag att följa upp insatserna.",
        "",
        "Ärendet",
        "Kommunstyrelsen har tidigare beslutat om ramarna.",
    ]
    page = _page(1, lines)
    sections = split_sections((page,), find_headings([lines], [[None] * len(lines)]))
    assert [d.item_no for d in find_decisions(sections)] == [1, 2, 3, 4]
    assert find_decisions(sections)[2].text.startswith("Idrottsnämnden")


def test_an_att_clause_that_wraps_before_a_name_goes_on() -> None:
    lines = [
        "Beslut",
        "Stadsdelsnämnden beslutar",
        "att ansöka om 100 000 kronor hos",
        "Socialtjänstförvaltningens FoU-enhet för projektet Prov,",
        "att omedelbart justera beslutet.",
    ]
    page = _page(1, lines)
    sections = split_sections((page,), find_headings([lines], [[None] * len(lines)]))
    assert [d.text for d in find_decisions(sections)] == [
        "att ansöka om 100 000 kronor hos Socialtjänstförvaltningens FoU-enhet för projektet Prov,",
        "att omedelbart justera beslutet.",
    ]
