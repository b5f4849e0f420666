"""Suspended compounds (pipeline.lang.hyphens): the hyphen before a conjunction stands for
the second part of a compound and keeps its space, in the languages the archive names
partners in."""

from __future__ import annotations

import pytest

from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.hyphens import suspends


@pytest.mark.parametrize(
    ("left", "rest"),
    [
        ("inom barn-", "och ungdomsvården"),
        ("Köpenhamns Kommune, Børne-", "og Ungdomsforvaltningen"),
        ("Amsterdam, Ouder-", "en Kindteams"),
        ("Helsingin kaupunki, Sosiaali-", "ja terveystoimi"),
        ("för barn", "resp. unga"),
        ("Svensson", "& Co"),
    ],
)
def test_a_conjunction_after_a_line_end_hyphen_suspends_a_compound(left: str, rest: str) -> None:
    assert suspends(rest, left)


@pytest.mark.parametrize(
    ("left", "rest"),
    [
        ("Socialförvalt-", "ningen"),
        ("FoU-", "enheten"),
        ("barn-", "ochs"),
        ("barn-", "och-"),
        ("ja-", ""),
        # "en", "ja" … are also the rest of a Swedish word broken at a line end
        ("inom stadsdelsförvaltning-", "en och nämnden"),
    ],
)
def test_a_word_broken_at_a_hyphen_is_no_suspended_compound(left: str, rest: str) -> None:
    assert not suspends(rest, left)


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (
            ["Köpenhamns Kommune,", "Børne- og", "Ungdomsforvaltningen"],
            "Köpenhamns Kommune, Børne- og Ungdomsforvaltningen",
        ),
        (["Amsterdam, Ouder- en", "Kindteams"], "Amsterdam, Ouder- en Kindteams"),
        (["inom barn-", "och ungdomsvården"], "inom barn- och ungdomsvården"),
        (["Socialförvalt-", "ningen"], "Socialförvaltningen"),
    ],
)
def test_wrapped_lines_join_with_suspended_compounds_kept(parts: list[str], joined: str) -> None:
    assert dehyphen_join(parts) == joined
