"""Roles and signatures."""

from __future__ import annotations

import pytest

from pipeline.records import CleanPage, Line
from pipeline.understand.signatories import find_signatories, role_of


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("Förvaltningschef", "förvaltningschef"),
        ("socialdirektor", "socialdirektör"),
        ("Avdelningschef", "avdelningschef"),
        ("Stadsdelsdirektör", "stadsdelsdirektör"),
        ("sekieterare", "sekreterare"),
        ("Ordförande", "ordförande"),
        ("Förvaltningen", None),
        ("Sammanfattning", None),
    ],
)
def test_role_of(word: str, role: str | None) -> None:
    assert role_of(word) == role


def _page(lines: list[str]) -> CleanPage:
    text = "\n".join(lines)
    return CleanPage(1, text, text, tuple(Line(1, i, t) for i, t in enumerate(lines)))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["Anna Andersson Bertil Berg", "Förvaltningschef Avdelningschef"],
            [("Anna Andersson", "Förvaltningschef"), ("Bertil Berg", "Avdelningschef")],
        ),
        (
            ["Karin Holm Sara Lind Ekberg", "socialdirektör avdelningschef"],
            [("Karin Holm", "socialdirektör"), ("Sara Lind Ekberg", "avdelningschef")],
        ),
        (
            ["Annika Berg Lindholm Mikael Strand", "socialdirektör avdelningschef"],
            [("Annika Berg Lindholm", "socialdirektör"), ("Mikael Strand", "avdelningschef")],
        ),
        (
            ["Olle Ek", "stadsdelsdirektör", "", "Maja Sund", "avdelningschef"],
            [("Olle Ek", "stadsdelsdirektör"), ("Maja Sund", "avdelningschef")],
        ),
        (
            ["Vid protokollet", "", "Jonas Ekström", "sekieterare"],
            [("Jonas Ekström", "sekreterare")],
        ),
        (
            [
                "Fleminggatan 4 Anna Andersson Bertil Berg",
                "Telefon 08-508 00 000 Förvaltningschef Avdelningschef",
            ],
            [("Anna Andersson", "Förvaltningschef"), ("Bertil Berg", "Avdelningschef")],
        ),
    ],
)
def test_signatories(lines: list[str], expected: list[tuple[str, str]]) -> None:
    found = find_signatories((_page(lines),), ())
    assert [(s.name, s.role) for s in found] == expected
