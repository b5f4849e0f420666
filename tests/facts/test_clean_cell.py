"""A table cell's wrapped lines joined (pipeline.facts.rows._clean_cell): dashes as printed,
suspended compounds kept, words broken at a hyphen made whole."""

from __future__ import annotations

import pytest

from pipeline.facts.rows import _clean_cell


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        # a hyphen between words stays a hyphen, inside a line or at its end
        (["Unga mammor i Tensta -", "stödgrupper"], "Unga mammor i Tensta - stödgrupper"),
        (
            ["Hemmasittare - kartläggning", "och metodutveckling"],
            "Hemmasittare - kartläggning och metodutveckling",
        ),
        ("Familjecentral Östberga - uppföljning", "Familjecentral Östberga - uppföljning"),
        # a dash opening a continuation line is the printed "–" the repair read as a bullet
        (
            ["Barn som bevittnat våld", "- gruppverksamhet och utvärdering"],
            "Barn som bevittnat våld – gruppverksamhet och utvärdering",
        ),
        # suspended compounds of every language the archive names partners in
        (
            ["Köpenhamns Kommune,", "Børne- og", "Ungdomsforvaltningen"],
            "Köpenhamns Kommune, Børne- og Ungdomsforvaltningen",
        ),
        (["Amsterdam, Ouder- en", "Kindteams"], "Amsterdam, Ouder- en Kindteams"),
        (
            ["Tammerfors, kris- och", "jourarbete nattetid"],
            "Tammerfors, kris- och jourarbete nattetid",
        ),
        # a word broken at a hyphen is whole again; a place name keeps its hyphen
        (["Brukarråd inom social-", "psykiatrin"], "Brukarråd inom socialpsykiatrin"),
        ("Hägersten- Liljeholmen", "Hägersten-Liljeholmen"),
        # a dash that stands for "nothing" stays as it is
        ("-", "-"),
        ("–", "–"),
        ([], ""),
    ],
)
def test_clean_cell(cell: str | list[str], text: str) -> None:
    assert _clean_cell(cell) == text
