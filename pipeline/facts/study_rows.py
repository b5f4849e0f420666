"""Which table row a study described under its own heading is: each row goes to the heading
that names it best (`projects.match_row`), not to the first heading that comes near it; a
study whose name no row matches may still be the one row that names its performer. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from pipeline.facts.projects import Study, match_row
from pipeline.facts.tables import TableRow
from pipeline.lang.fuzzy import fold

__all__ = ["ROW_MATCH", "best_rows", "same_performer_row"]

ROW_MATCH = 78.0  # how well a table row's name must match a study heading or listed project


def best_rows(
    studies: Sequence[Study], rows: Sequence[TableRow], own: Sequence[int], used: set[int]
) -> dict[int, tuple[float, int]]:
    """The row each of the studies `own` (indices) names, with the match's score: the best
    pairs first (a unit's heading "Stadsbiblioteket" before the project "Jobbspår på
    biblioteket" takes no row of the project's), a tie to the heading that spells the row's
    whole name, then to the earlier heading. The rows taken are added to `used`."""
    pairs = sorted(
        (
            (score, fuzz.ratio(fold(r.name), fold(studies[i].name)), -i, k)
            for i in own
            for k, r in enumerate(rows)
            if k not in used
            and (score := match_row(studies[i].name, r, studies[i].text)) >= ROW_MATCH
        ),
        reverse=True,
    )
    matched: dict[int, tuple[float, int]] = {}
    for score, _whole, i, k in pairs:
        if -i not in matched and k not in used:
            matched[-i] = (score, k)
            used.add(k)
    return matched


def same_performer_row(
    name: str, performer: str | None, rows: Sequence[TableRow], used: set[int]
) -> int:
    """The one unused row that names a study's performer and shares two content words with
    its name ("Effektutvärdering av mottagningsteam …" beside "Mottagningsteam för …"), or -1."""
    if not performer:
        return -1
    words = {w[:6] for w in re.findall(r"\w{4,}", fold(name))}
    hits = [
        k
        for k, r in enumerate(rows)
        if k not in used
        and r.performer
        and fuzz.token_set_ratio(fold(r.performer), fold(performer)) >= 90
        and len(words & {w[:6] for w in re.findall(r"\w{4,}", fold(r.name))}) >= 2
    ]
    return hits[0] if len(hits) == 1 else -1
