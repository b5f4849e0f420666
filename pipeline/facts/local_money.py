"""A committee's own names for money the readers call by a fund's: a stadsdelsnämnd's
"lokala utvecklingsmedel" handed to associations, another municipality's development money,
and the renaming of projects' and amounts' funds by those names. Pure."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from pipeline.lang.fuzzy import fold
from pipeline.records import Amount, Project

__all__ = ["own_local_money", "renamed_funds"]


#: the organisations of civil society a stadsdelsnämnd gives money to
_ASSOCIATION = re.compile(
    r"(?:forening|foreningen|klubb|klubben|sallskap|sallskapet|vanner|stiftelsen|forbund)\b|"
    r"\b(?:if|ik|bk|ff)\b"
)


def own_local_money(
    committee: str | None,
    funds: Sequence[str | None],
    performers: Sequence[str | None],
    other_town: bool = False,
) -> dict[str | None, str]:
    """A stadsdelsnämnd that hands its own "lokala utvecklingsmedel" to associations
    (Solberga Bollklubb, Föreningen Herrängens Vänner) hands out money of its own programme,
    not Socialnämnden's FoU fund LUM, which goes to the förvaltningar: its label is the
    programme's name as printed. Another municipality's (`other_town`) "lokala
    utvecklingsmedel" are its own "utvecklingsmedel", its FoU money "FoU-medel". `funds` and `performers` are the
    projects', in one order."""
    if other_town:  # (and its FoU money is no city-wide FUM of Stockholm's)
        return {"LUM": "utvecklingsmedel", "FUM": "FoU-medel", "FoU": "FoU-medel"}
    if "stadsdelsnamnd" not in fold(committee or ""):
        return {}
    # (its grants to organisations are its föreningsbidrag, whatever kind of grant a line
    # names: "verksamhetsbidrag" and "projektbidrag" to the local associations are both;
    # "organisationsbidrag" is the name of Socialnämnden's)
    out: dict[str | None, str] = dict.fromkeys(
        ("organisationsbidrag", "verksamhetsbidrag", "projektbidrag"), "föreningsbidrag"
    )
    lum = [who for fund, who in zip(funds, performers, strict=True) if fund == "LUM"]
    civil = [who for who in lum if _ASSOCIATION.search(fold(who or ""))]
    if len(civil) >= 2 and 2 * len(civil) > len(lum):
        out["LUM"] = "lokala utvecklingsmedel"
    return out


def renamed_funds(
    projects: Sequence[Project], amounts: Sequence[Amount], names: Mapping[str | None, str]
) -> tuple[list[Project], list[Amount]]:
    """Projects and amounts with their funds renamed by `names` (`own_local_money`)."""
    return [
        dataclasses.replace(p, fund_type=names[p.fund_type]) if p.fund_type in names else p
        for p in projects
    ], [
        dataclasses.replace(a, fund_type=names[a.fund_type]) if a.fund_type in names else a
        for a in amounts
    ]
