"""The OCR-symbol repair of `fold`/`skeleton`/`loose` rewrites exactly what one
`_OCR_SYMBOL.sub` over the text rewrites (it scans for the symbols and asks the pattern at
each, which is faster on long texts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lang import fuzzy


def _reference(s: str, vowel: str | None) -> str:
    def sub(m):  # type: ignore[no-untyped-def]
        c = m.group()
        return fuzzy._SYMBOL_FOLD[c] if vowel is None or c == "1" else vowel

    return fuzzy._OCR_SYMBOL.sub(sub, s)


_TEXT = st.text(alphabet="6041&#abcdefgklnoprstvåäöAHMRÅ _-.7", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_repair_rewrites_what_the_pattern_rewrites(s: str) -> None:
    for vowel in (None, "*"):
        assert fuzzy._repair(s, vowel) == _reference(s, vowel)


def test_repair_examples() -> None:
    assert fuzzy.fold("f6r ans0ka l4n V1llingby 6ver &r H&M 2006") == (
        "for ansoka lan villingby over ar h&m 2006"
    )
    assert fuzzy.skeleton("f6r m&nga R&D") == "f*r m*ng* r&d"
