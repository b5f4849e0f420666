"""The words a run and `namnd status` use for a pipeline version change (run/plan.py)."""

from __future__ import annotations

import pytest

from pipeline.run.plan import parse_version, rules_changed


def test_parse_version() -> None:
    assert parse_version("t1.u3.x7.s2") == {"t": 1, "u": 3, "x": 7, "s": 2}
    assert parse_version(None) == {}


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "t1.u3.x7.s2",
            "t1.u3.x8.s2",
            "rules changed: extract 7 → 8 (projects, amounts, criteria): "
            "redone from the cached page text, no OCR",
        ),
        (
            "t1.u3.x7.s2",
            "t1.u4.x8.s2",
            "rules changed: understand 3 → 4 (metadata, sections, decisions); "
            "extract 7 → 8 (projects, amounts, criteria): redone from the cached page text, "
            "no OCR",
        ),
        (
            "t1.u3.x7.s2",
            "t2.u3.x7.s2",
            "rules changed: text 1 → 2 (page text, OCR): pages read again",
        ),
        (
            "t1.u3.x7.s2",
            "t1.u3.x7.s3",
            "rules changed: schema 2 → 3 (warehouse tables): "
            "reloaded from the cached results, nothing read again",
        ),
        ("test-1", "t1.u3.x7.s2", "loaded by an older pipeline (test-1); redone"),
    ],
)
def test_rules_changed_says_which_stage_and_what_is_redone(old: str, new: str, words: str) -> None:
    assert rules_changed(old, new) == words
