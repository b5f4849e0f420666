"""An owner's line at the margin over its projects set in under it.

A table (or a list) may group its projects under the förvaltning that owns them, the
owner's name alone at the margin and the projects indented under it::

    Stadsdelsnämnd / insats                                 tkr
    Rinkeby
      Språkförskolan Rinkebyslingan                        2 100
      Summa Rinkeby                                        4 850

Such a line is neither a header's second line nor a project. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.districts import find_districts
from pipeline.lang.fuzzy import fold

__all__ = ["owner_over_rows"]

_MAX_WORDS = 6


def owner_over_rows(
    lines: Sequence[BodyLine], j: int, grouped: bool = False
) -> tuple[str, int] | None:
    """(the owner, the line after it) when line `j` opens with an owner's name, holds no
    number and no column gap, and the next line is set in under it (a co-applicant in
    brackets on its own line may come between: "(medsökande Skarpnäcks …)"); else None.
    Once a table is `grouped` so, a short name of capitals is an owner too ("N. innerstaden",
    "H-Älvsjö": the finder may not know a short form)."""
    ln = lines[j]
    text = ln.text.strip()
    if (
        "  " in text
        or re.search(r"\d", text)
        or len(text.split()) > _MAX_WORDS
        or not (grouped and len(text.split()) <= 3 and text[:1].isupper() or _named(text))
    ):
        return None
    k = next((k for k in range(j + 1, min(len(lines), j + 3)) if lines[k].text.strip()), None)
    if k is not None and re.fullmatch(r"\(.+\)", lines[k].text.strip()):
        text, k = f"{text} {lines[k].text.strip()}", k + 1
    return (
        (text, k) if k is not None and k < len(lines) and lines[k].indent >= ln.indent + 2 else None
    )


def _named(text: str) -> bool:
    """Whether `text` opens with a district's or förvaltning's name."""
    found = find_districts(text)
    return bool(found) and fold(text).startswith(fold(found[0].name_as_printed)[:4])
