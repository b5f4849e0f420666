"""Fifty-ninth session: the rest of a word broken at a line-end hyphen is no word of its own.
"sitet" under "Stockholms univer-" is not to be read as a word that lost its "ä" ("sätet"):
it is repaired whole, with the part above it, when it is moved up."""

from __future__ import annotations

import pytest

from pipeline.understand.repair import repair_text


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (
            "utvärderas av institutionen för socialt arbete vid Stockholms univer-\n"
            "sitet, vilket ingår i det sökta beloppet",
            "Stockholms universitet,",
        ),
        ("Projektet följs av en forskare vid univer-\nsitetet i Örebro.", "universitetet"),
    ],
)
def test_the_rest_of_a_broken_word_is_repaired_with_its_first_part(text: str, joined: str) -> None:
    assert joined in repair_text(text)
