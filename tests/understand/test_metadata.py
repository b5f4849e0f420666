"""Committees, roles, signatures and handläggare."""

from __future__ import annotations

import pytest

from pipeline.records import CleanPage, Line
from pipeline.understand.metadata import find_committees, find_signatories, role_of


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Till Socialnämnden", "Socialnämnden"),
        ("Socialnämndens beslut", "Socialnämnden"),
        ("Lisa Svensson Socialnamnden", "Socialnämnden"),
        ("Socialtjänstnämnden", "Socialtjänstnämnden"),
        ("Socialtjanstndmnden", "Socialtjänstnämnden"),
        ("SOTN 2008-03-18", "Socialtjänstnämnden"),
        ("Till Spånga-Tensta stadsdelsnämnd", "Spånga-Tensta stadsdelsnämnd"),
        ("vid Farsta stadsdelsnämnds sammanträde", "Farsta stadsdelsnämnd"),
        ("Kommunstyrelsen", "Kommunstyrelsen"),
        ("Äldrenämnden", "Äldrenämnden"),
        ("SAMMANTRÄDESPROTOKOLL Kommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskott"),
        ("Till Socialtjänst- och arbetsmarknadsnämnden", "Socialnämnden"),
        ("Miljö- och hälsoskyddsnämnden", "Miljö- och hälsoskyddsnämnden"),
        ("Till Farsta stadsdelshämnd", "Farsta stadsdelsnämnd"),
    ],
)
def test_find_committees(text: str, canonical: str) -> None:
    assert [c.canonical for c in find_committees(text)] == [canonical]


@pytest.mark.parametrize(
    "text",
    [
        "samtliga stadsdelsnämnder",
        "till stadsdelsnämnderna",
        "nämnden beslutade",
        "Stockholms stad",
    ],
)
def test_not_a_committee(text: str) -> None:
    assert find_committees(text) == []


def test_administration_maps_to_its_committee() -> None:
    (c,) = find_committees("Socialförvaltningen Tjänsteutlåtande", administrations=True)
    assert c.canonical == "Socialnämnden"
    (d,) = find_committees("Skärholmens stadsdelsförvaltning", administrations=True)
    assert d.canonical.endswith("stadsdelsnämnd")


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
