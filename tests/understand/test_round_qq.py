"""Thirty-second session: a "1" read for "i" after a capitalised word in a table's name
cell ("Språkstöd 1 utredningsarbetet"), while a number after a word that numbers ("Steg 1
innebär") or before a capital stays a number."""

from __future__ import annotations

import pytest

from pipeline.understand.repair_digits import fix_digit_letters


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        (
            "Bromma             Läxhjälp 1 skolbiblioteken        250.000   Pågår",
            "Bromma             Läxhjälp i skolbiblioteken        250.000   Pågår",
        ),
        ("Stöd 1 föräldraskapet för unga pappor", "Stöd i föräldraskapet för unga pappor"),
        # a word that numbers keeps its number; so does a name before a capital
        ("Steg 1 innebär att gruppen träffas", "Steg 1 innebär att gruppen träffas"),
        ("Programområde 1 Kompetens", "Programområde 1 Kompetens"),
        ("Kapitel 1 beskriver bakgrunden", "Kapitel 1 beskriver bakgrunden"),
    ],
)
def test_a_one_after_a_capitalised_word_before_a_common_word(printed: str, repaired: str) -> None:
    assert fix_digit_letters(printed, "") == repaired
