"""Committees named in text (OCR-tolerant), and a förvaltning standing for its committee."""

from __future__ import annotations

import pytest

from pipeline.understand.committees import find_committees


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
        # a letterhead in capitals
        ("VANTÖRS STADSDELSNÄMND          PROTOKOLL nr 3/2002", "Vantörs stadsdelsnämnd"),
        ("HÄSSELBY-VÄLLINGBY STADSDELSNÄMND", "Hässelby-Vällingby stadsdelsnämnd"),
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
