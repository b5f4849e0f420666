"""A project's own text saying it was partly paid from another fund. See
:func:`mixed_funding`."""

from __future__ import annotations

import re

from pipeline.facts.context import find_funds
from pipeline.lang.fuzzy import fold

__all__ = ["mixed_funding"]

#: "har delvis finansierats med statsbidrag": money of two funds, so of none
#: "… varav 575 000 kronor utgjordes av statsbidrag"
_PARTLY_FUNDED = re.compile(
    r"\bdelvis\s+(?:har\s+)?(?:finansier|bekost)\w*\s+(?:med|av|genom|ur)\b"
    r"|\bvarav\b[^.]{0,40}?\b(?:utgjordes|utgors|utgjorde|kom|kommer|finansierades|finansieras|"
    r"bekostades)\s+(?:av|fran|med|genom|ur)\b"
)


def mixed_funding(description: str | None, fund: str | None = None) -> bool:
    """Does a project's own text say it was partly paid from another fund? ("varav 300 000
    kronor finansierades med statsbidrag"; its own fund named there is its own part)"""
    if not description:
        return False
    for m in _PARTLY_FUNDED.finditer(fold(description)):
        named = {f for _s, _e, f in find_funds(description[m.end() : m.end() + 80])}
        if named and named != {fund}:
            return True
    return False
