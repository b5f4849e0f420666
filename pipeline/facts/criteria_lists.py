"""The criteria of a document as lists: positions counted through one fund, year and kind,
and a summary's preview of a list that is given in full elsewhere left out."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from pipeline.facts.criteria_forms import CriterionItem
from pipeline.lang.fuzzy import fold

__all__ = ["numbered_through", "without_previews"]


def numbered_through(items: Sequence[CriterionItem]) -> list[CriterionItem]:
    """The criteria with their positions counted within one (fund, year, kind) through the
    document: a main criterion in a paragraph of its own is the first, the lettered list after
    it goes on from it."""
    at: Counter[tuple[str | None, int | None, str]] = Counter()
    out: list[CriterionItem] = []
    for c in items:
        at[(c.fund_type, c.year, c.kind)] += 1
        out.append(dataclasses.replace(c, position=at[(c.fund_type, c.year, c.kind)]))
    return out


def without_previews(items: Sequence[CriterionItem]) -> list[CriterionItem]:
    """The criteria without a summary's preview of a list given in full elsewhere
    ("Förvaltningen föreslår fyra fokusområden för FUM 2018: tidiga insatser …, våld i nära
    relationer, …" over the numbered "1. Tidiga och förebyggande insatser för barn och unga"):
    two lists of one fund, year and kind, as long as each other, each short item inside the
    long one at its place; the longer list stays."""
    lists: list[list[CriterionItem]] = []
    for c in items:
        key = (c.fund_type, c.year, c.kind)
        if (
            not lists
            or c.position == 1
            or (lists[-1][0].fund_type, lists[-1][0].year, lists[-1][0].kind) != key
        ):
            lists.append([])
        lists[-1].append(c)
    dropped: set[int] = set()
    for a, first in enumerate(lists):
        for b in range(a + 1, len(lists)):
            second = lists[b]
            if len(first) != len(second) or len(first) < 2:
                continue
            if (first[0].fund_type, first[0].year, first[0].kind) != (
                second[0].fund_type,
                second[0].year,
                second[0].kind,
            ):
                continue
            short, long = (a, b) if _total(first) < _total(second) else (b, a)
            if all(
                fuzz.partial_ratio(fold(x.text), fold(y.text)) >= _PREVIEW_MATCH
                for x, y in zip(lists[short], lists[long], strict=True)
            ):
                dropped.add(short)
    return [c for k, got in enumerate(lists) if k not in dropped for c in got]


_PREVIEW_MATCH = 85


def _total(items: Sequence[CriterionItem]) -> int:
    return sum(len(c.text) for c in items)
