"""A statsbidrag's money: the grant itself, the part a decision shares out and the projects'
sums paid from it. See :func:`state_money`."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import find_funds
from pipeline.lang.fuzzy import fold
from pipeline.records import Amount

__all__ = ["STATE_FUNDER", "state_money"]

#: a body of the state that grants a statsbidrag itself
_STATE_BODY = re.compile(r"lansstyrelse|socialstyrelse|myndighet|verket\b|regering|departement")
#: a funder that is the state: its money is a state grant ("Statens kulturråd", "Skolverket")
STATE_FUNDER = re.compile(
    r"\b(?:statens\s+\w+|lansstyrelse\w*|socialstyrelse\w*|\w+myndighet\w*|\w+verket|"
    r"regeringen|statsbidrag\w*|statliga\s+medel|kulturradet|brottsforebyggande\s+radet)\b"
)
#: a report whose subject also shares money out ("redovisning och fördelning till projekt")
_SHARES_OUT = re.compile(r"\bfordelning\b")
_STATE_GRANTS = re.compile(
    r"\b(?:lansstyrelsen|socialstyrelsen|\w+myndigheten|\w+verket)\s+(?:beviljar|beslutar)\b"
)


def on_state_grant(
    subject: str | None, default_fund: str | None, applying: bool, text: str
) -> bool:
    """Is the document a decision on a statsbidrag (not an application for one, nor a
    project financed several ways), about that money only? Its subject names the grant, or,
    with no subject line read, its body is about it."""
    named = any(f == "statsbidrag" for _s, _e, f in find_funds(subject or ""))
    return (
        (named or (subject is None and default_fund == "statsbidrag"))
        and not applying
        and not re.search(r"medfinansier", fold(text))
    )


def state_money(
    amounts: Sequence[Amount],
    granted_state: bool,
    report: bool,
    committee: str | None,
    text: str,
    subject: str | None = None,
) -> list[Amount]:
    """The amounts of a decision that grants a statsbidrag (`granted_state`), each with the
    grant's fund and kind (:func:`_state_money`). A state grant shared out among named
    projects keeps each project's sum its cost and the sum shared out the round's total; a
    district's share stays the grant, and so does the money in the state's own decision
    granting a district its project's money or in a report of the grants a förvaltning
    received (unless its `subject` shares money out too)."""
    shared = {a.project_id for a in amounts if a.project_id and a.kind == "project_cost"}
    to_projects = (
        granted_state
        and (not report or bool(_SHARES_OUT.search(fold(subject or ""))))
        and len(shared) >= 2
        and not _STATE_BODY.search(fold(committee or ""))
        and not _STATE_GRANTS.search(fold(text))
    )
    return [_state_money(a, granted_state, to_projects) for a in amounts]


def _state_money(a: Amount, granted_state: bool, to_projects: bool = False) -> Amount:
    """A state grant's money is a state grant: in a decision that grants a statsbidrag
    (`granted_state`) every sum without a fund of its own is that grant's, and a district's
    share or a total paid from it is the grant (kind ``state_grant``). When the grant is
    shared out among named projects (`to_projects`), a project's sum stays its cost and the
    sum shared out stays the total granted. (Elsewhere a project's cost that a statsbidrag
    only helped pay stays its cost.)"""
    if a.kind == "state_grant" and a.fund_type is None:
        return dataclasses.replace(a, fund_type="statsbidrag")  # state money is a statsbidrag
    fund = a.fund_type or ("statsbidrag" if granted_state else None)
    if fund != "statsbidrag" or not granted_state:
        return a
    # the grant shared out ("fördelar 18 000 000 kronor av statsbidraget", a district's
    # share in its table) is the grant too
    shared = ("project_cost", "total_granted") if to_projects else ()
    kind = (
        "state_grant"
        if a.kind in ("project_cost", "total_granted", "budget") and a.kind not in shared
        else a.kind
    )
    return dataclasses.replace(a, fund_type=fund, kind=kind)
