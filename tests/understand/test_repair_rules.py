"""General rules of the context repair for split, joined and specked words and OCR's stops
(issue 20): what each repairs, and what it must leave alone. Invented sentences, the real
lexicons (wordfreq's Swedish list and the shipped domain seed)."""

from __future__ import annotations

import pytest

from pipeline.understand.context_repair import get_context_repairer


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        # a function word glued to a known word
        ("Vi vill attarbetet ska bli bättre.", "Vi vill att arbetet ska bli bättre."),
        ("Projektet är kopplattill skolan.", "Projektet är kopplat till skolan."),
        ("Målet äratt nå fler.", "Målet är att nå fler."),
        # a hyphen OCR read for the space before a function word
        ("Förvaltningen avser-en ny satsning.", "Förvaltningen avser en ny satsning."),
        # a comma read for a full stop before a common capitalised word
        ("Arbetet pågår, Det blir bra.", "Arbetet pågår. Det blir bra."),
        # specks between and inside words
        ("Vi ska _ arbeta vidare.", "Vi ska arbeta vidare."),
        (
            "Detta är im_plementerings'strategin för året.",
            "Detta är implementeringsstrategin för året.",
        ),
        # a "compound" of rare parts one cheap edit from a common word
        ("Socialnämndens Heslut om medel", "Socialnämndens Beslut om medel"),
        # a rare short word a domain pair reads as a common one
        ("Vi anser ait det behövs.", "Vi anser att det behövs."),
    ],
)
def test_damage_is_repaired(printed: str, repaired: str) -> None:
    assert get_context_repairer().repair_lines([printed])[0] == [repaired]


@pytest.mark.parametrize(
    "clean",
    [
        "Kontakta oss på info@stadsdel-en.se eller bl.a. fil.dr Ek.",
        "Stockholm, Farsta och Skärholmen.",  # a comma before names
        "| Namn | Belopp |",  # a table row keeps its bars
        "Underskrift ______________",  # a signature line
        "Genom delprojektet och förstudien.",  # compounds are not glued words
        "De nämnds ledamöter.",  # an inflected known word is not damage
        "Rose-Marie och Anna-Karin.",
    ],
)
def test_clean_text_is_left_alone(clean: str) -> None:
    assert get_context_repairer().repair_lines([clean]) == ([clean], [])
