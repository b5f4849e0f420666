"""A follow-up of projects made while the year of their money runs: the work it reports on
is under way. Pure."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.lang.fuzzy import fold

__all__ = ["interim_report"]


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
