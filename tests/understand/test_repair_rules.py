"""General rules of the context repair for split, joined and specked words and OCR's stops
(issue 20): what each repairs, and what it must leave alone. Invented sentences, the real
lexicons (wordfreq's Swedish list and the shipped domain seed)."""

from __future__ import annotations

import pytest

from pipeline.understand.context_repair import get_context_repairer
from pipeline.understand.context_tokens import page_tokens
from pipeline.understand.repair import repair_text


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


# A page a poor scan damaged: a tenth of its words are no words ("pabdrjats", "tjdnst"), so the
# repair weighs every word of it as unsure and runs the rules for damage between words.
_NOISE = [
    "Arendet avser redovigriing av projekten som pabdriats inom soctala tjdnsten,",
    "kentinuertig forbitiring och atipassning av vetksamheten 1 stadsdelsfdrvaltning",
    "med stéd av medel. Shutligen handlar uppfElining om kuriskap och prakiik pd",
    "alla nivier i organisationern och ufiftdn de krav som stills pd verksamheten.",
]


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        # a hyphen read for the space beside a function word
        ("Förvaltningen ska utarbeta-en strategi.", "Förvaltningen ska utarbeta en strategi."),
        ("Det gäller tre-olika kunskapskällor.", "Det gäller tre olika kunskapskällor."),
        # a full stop after a word no sentence ends with
        ("Arbetet sker på. den lokala nivån.", "Arbetet sker på den lokala nivån."),
        # a word broken by a stray space
        ("En evidensbaser ad praktik.", "En evidensbaserad praktik."),
        # a speck before a word that no quote closes
        ("Syftet är ‘brukardelaktighet i arbetet.", "Syftet är brukardelaktighet i arbetet."),
        # a compound whose known part anchors the reading of its damaged part
        (
            "Projektet gäller resultatstyrming i staden.",
            "Projektet gäller resultatstyrning i staden.",
        ),
    ],
)
def test_damage_between_words_on_a_damaged_page(printed: str, repaired: str) -> None:
    rep = get_context_repairer()
    lines, _ = rep.repair_lines([*_NOISE, printed])
    assert rep.damaged(page_tokens(_NOISE))
    assert lines[-1] == repaired
    # the same line on a clean page is left as printed: these rules need certain damage
    assert rep.repair_lines([printed])[0] == [printed]


def test_a_comma_that_ends_a_paragraph_of_a_damaged_page_is_a_full_stop() -> None:
    lines, _ = get_context_repairer().repair_lines([*_NOISE, "Projektet avslutas 2015,", ""])
    assert lines[-2] == "Projektet avslutas 2015."
    clean = ["Projektet avslutas 2015,", ""]
    assert get_context_repairer().repair_lines(clean)[0] == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Förvaltningen föreslår två-tre nya projekt, bl.a. och främst i Rinkeby.",
        "Kostnaden är 1 milj. kr för hela perioden.",
        "Anna-Karin och Rose-Marie leder arbetet.",
    ],
)
def test_damaged_page_rules_leave_clean_shapes_alone(clean: str) -> None:
    lines, _ = get_context_repairer().repair_lines([*_NOISE, clean])
    assert lines[-1] == clean


def test_abbreviations_and_table_bars_are_not_words() -> None:
    row = "  Farsta sdn      Föräldragrupper i Hökarängen              60.000:-"
    assert get_context_repairer().repair_lines([repair_text(row)])[0] == [row]
    bars = "| Södermalms sdf | Glasgow City Council | 30 000 kr |"
    assert repair_text(bars) == bars
