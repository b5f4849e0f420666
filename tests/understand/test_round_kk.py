"""Repair rules of the blind rounds g639–g654 (twenty-sixth session), on short texts written
for the test: a "1" inside or at the start of a word read as whichever of "l" and "i" makes
a known word, and a word after a table's column gap that opens its cell (repaired as a
sentence's first word is, not kept as a name)."""

from __future__ import annotations

import pytest

from pipeline.understand.repair import repair_text


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        ("bidrag t1ll föreningar", "bidrag till föreningar"),
        ("för 1angvarigt bidragsberoende", "för långvarigt bidragsberoende"),
        ("stöd t1ll personer med f1ygande start", "stöd till personer med flygande start"),
        ("under 1a kvartalet", "under 1a kvartalet"),  # a number and a letter stay
        ("beviljas 11 000 kr", "beviljas 11 000 kr"),
        (
            "Alvsjo             Natverksarbete med aldre              95      75",
            "Älvsjö             Nätverksarbete med äldre              95      75",
        ),
    ],
)
def test_ones_read_for_letters_and_a_cell_that_opens_after_a_gap(
    printed: str, repaired: str
) -> None:
    assert repair_text(printed) == repaired
