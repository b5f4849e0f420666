"""Fiftieth session: the "k" of "kr" read as "1<" or "l<" by OCR ("45 000 1<r", "312 t1<r")."""

from __future__ import annotations

from pipeline.lang.amounts import find_amounts


def test_kronor_whose_k_ocr_read_as_one_and_a_bracket() -> None:
    assert [(a.raw, a.sek) for a in find_amounts("beviljas 45 000 1<r för resan")] == [
        ("45 000 1<r", 45_000)
    ]
    assert [(a.raw, a.sek) for a in find_amounts("ca 7 000 l<r per deltagare")][0] == (
        "ca 7 000 l<r",
        7_000,
    )
    assert [a.sek for a in find_amounts("förra året 312 t1<r")] == [312_000]
    # (a number and a bracket that is no unit stays no sum)
    assert find_amounts("rad 12 1< r") == []
