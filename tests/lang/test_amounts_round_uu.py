"""Thirty-sixth session: kronor and öre as an accounts printout prints money."""

from __future__ import annotations

from pipeline.lang.amounts import find_amounts


def test_kronor_and_ore_without_a_unit() -> None:
    assert [(a.raw, a.sek) for a in find_amounts("FAMILJESTÖD I GRUPP     210000,00")] == [
        ("210000,00", 210_000)
    ]
    assert [a.sek for a in find_amounts("Summa   1 250 000,00")] == [1_250_000]
    assert find_amounts("ökningen blev 1250,50 procent") == []
    assert find_amounts("Andel 12,50") == []
