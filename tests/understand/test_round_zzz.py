"""Forty-eighth session: a checklist's empty boxes ("☐") at a line's start are its items'
bullets, and a box before an item's own number leaves the number to mark it; a box ticked
("☒", "☑") is a form's answer among its options, no bullet."""

from __future__ import annotations

import pytest

from pipeline.understand.repair_bullets import normalise_bullet


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("☐  1. leder till att resultaten följs upp,", "1. leder till att resultaten följs upp,"),
        ("  ☐ 2) omfattar två förvaltningar", "  2) omfattar två förvaltningar"),
        ("☐  Ansökan är undertecknad.", "- Ansökan är undertecknad."),
        ("☑ Budgeten visar egen insats", "☑ Budgeten visar egen insats"),
        ("☒  Intyg bifogas", "☒  Intyg bifogas"),
        ("Rutan ☐ kryssas i", "Rutan ☐ kryssas i"),
    ],
)
def test_checklist_boxes_are_bullets(line: str, want: str) -> None:
    assert normalise_bullet(line) == want
