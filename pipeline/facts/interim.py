"""A follow-up of projects made while the year of their money runs: the work it reports on
is under way. Pure."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from pipeline.lang.fuzzy import fold

__all__ = ["interim_report", "under_way_heading"]


def interim_report(
    title: str | None, year: int | None, ref: dt.date | None, fund: str | None
) -> bool:
    """The title names a follow-up of projects made while the year runs ("Uppföljning per
    augusti 2025 av utvecklingsprojekt", "Lägesrapport") and the project's
    money is that year's: work granted for it is under way (not a study trip's, made or not)."""
    return bool(
        ref
        and year == ref.year
        and ref.month <= 10
        and fund not in ("MUST", "MUL")
        and _INTERIM.search(fold(title or ""))
    )


_INTERIM = re.compile(
    r"\buppfoljning\b.*\b(?:\w*projekt\w*|utvecklingsmedel|lum)\b|\blagesrapport\b"
)


def under_way_heading(
    status: str | None, ctx: Any, lines: Sequence[Any], first: int, description: str | None
) -> bool:
    """A decision's project granted before, told under "Pågående studier" in a paragraph that
    grants it nothing now ("Studien … genomförs av … och slutrapporten lämnas i mars 2005"):
    under way. Not when the text between the heading and the project grants ("Tabell 1.
    Pågående projekt som föreslås beviljas fortsatta medel 2017")."""
    heads = ctx.headings_above(first)
    if (
        status != "beviljad"
        or not heads
        or _UNDER_WAY_HEAD.match(fold(lines[heads[0]].text)) is None
    ):
        return False
    between = " ".join(ln.text for ln in lines[heads[0] + 1 : first])
    return not _GRANTS_NOW.search(fold(f"{between} {description or ''}"))


_UNDER_WAY_HEAD = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?pagaende\s+(?:studier|projekt|utvarderingar|uppdrag|fou-projekt)\b"
)
_GRANTS_NOW = re.compile(r"\b(?:foreslas|foreslar|beviljas|tilldelas|soker|ansoker|sokt)\b")
