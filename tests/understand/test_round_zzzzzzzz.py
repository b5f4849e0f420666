"""Sixtieth session: neither part of a word broken at a line-end hyphen is a word of its own.
On a page that lost its å/ä/ö, "an-" over "svar" is not "än" + "svar": the first part is
left as printed until the two are joined and repaired whole ("ansvar"), or repaired alone
where they are not joined. A hyphen after the rest goes up with it ("indi-" over "vid- och
familjeomsorg" is "individ- och")."""

from __future__ import annotations

import pytest

from pipeline.understand.repair import repair_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Namnden har enligt sitt reglemente ett sarskilt an-\nsvar for arbetet i stadsdelarna.",
            "ett särskilt ansvar",
        ),
        (
            "Medlen ska anvandas inom stadsdelsnamndernas indi-\nvid- och familjeomsorg under aret.",
            "individ-",
        ),
        # (not joined: a name of its own after the hyphen; the first part repaired alone)
        (
            "Projektet drivs av forvaltningen for Sodermalm och Hagersten-\nLiljeholmen.",
            "Hägersten-",
        ),
    ],
)
def test_both_parts_of_a_broken_word_wait_for_the_join(text: str, expected: str) -> None:
    assert expected in repair_text(text)


def test_a_hyphen_after_the_rest_goes_up_with_it() -> None:
    got = repair_text("inom stadsdelsnamndernas indi-\nvid- och familjeomsorg.").split("\n")
    assert got[0].endswith("individ-") and got[1].strip() == "och familjeomsorg."
