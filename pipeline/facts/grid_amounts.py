"""Amounts of a column-laid-out project table (`pipeline.facts.grid`): each row's sums with
its project, the sums of rows no project was read from (by their label's words), subtotals
and the Summa row. A table of districts and sums that shares a fund out among them
allots frames: budget. Used by :func:`pipeline.facts.amounts.all_amounts`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.facts.context import BodyLine, Context
from pipeline.facts.drafts import Draft
from pipeline.facts.grid import GridTable
from pipeline.facts.roles import amount_role
from pipeline.lang.fuzzy import fold
from pipeline.records import Amount, Project

__all__ = ["grid_amounts"]


def _district_frames(
    t: GridTable,
    projects: Sequence[Project],
    fund: str | None,
    drafts: Sequence[Draft] = (),
    lines: Sequence[BodyLine] = (),
) -> str | None:
    """A table of districts and sums with no project column, most of whose districts own no
    project of the document, shares a fund out among the districts ("Lokala FoU-medel per
    stadsdelsnämnd"): each row is that district's frame, a budget. (When the districts are
    the owners of the document's projects of the table's fund, the rows are those projects'
    grants.)"""
    if "name" in t.roles or "performer_name" in t.roles or "district" not in t.roles:
        return None
    if "performer" in t.roles:
        return None  # "Förening | Stadsdel | Bidrag, kr": each association's grant
    if any(t.header_line <= d.first_line <= t.last_line for d in drafts):
        return None  # projects read from the table's own lines ("Enhet / projekt")
    money = [c for c in t.columns if c.role == "cost"]
    if money and all(_SPENT.match(fold(c.header)) for c in money):
        # "Stadsdelsnämnd | Portioner | Kostnad 2011, tkr": what each district spent
        return "other"
    # each owner with the sums of its projects (None: a project of no sum read)
    owners: dict[str, set[int | None]] = {}
    for p in projects:
        if fund is None or p.fund_type in (None, fund):
            for d in p.districts:
                owners.setdefault(fold(d.name_as_printed), set()).add(p.amount_sek)
    owned = 0
    for r in t.rows:
        printed = fold(r.text("district"))
        least = min((x for x in (r.amount, *(e[0] for e in r.extra)) if x), default=0)
        # (a row whose sums are more than all its district's projects' is that district's
        # frame: "Kista   9 800   9 800   19 600" beside Kista's projects of 3,1 and 1,8 mnkr;
        # a year's part of a project's grant is less)
        if any(
            o
            and (o in printed or printed in o)
            and (None in got or least <= sum(x for x in got if x is not None))
            for o, got in owners.items()
            if printed
        ):
            owned += 1
    # (one district of fourteen that also runs a project of its own is no table of grants)
    if owned and 2 * owned >= len(t.rows):
        return None
    return "total_granted" if _granted_years(t, lines) else "budget"


#: a caption naming money already granted or paid ("Beviljade medel per stadsdelsnämnd")
_GRANTED_CAPTION = re.compile(r"\b(?:beviljade?|beviljats|utbetalda|erhallna)\b")


def _granted_years(t: GridTable, lines: Sequence[BodyLine]) -> bool:
    """A table of districts by year captioned as what was granted ("Tabell 1. Beviljade
    lokala utvecklingsmedel per stadsdelsnämnd och år"): a compilation of past grants, each
    cell a district's granted sum of its year, no frame to share out."""
    years = {y for r in t.rows for _s, _r, _l, y, _k in r.extra if y} | {
        r.amount_year for r in t.rows if r.amount_year
    }
    if len(years) < 2:
        return False
    above = " ".join(ln.text for ln in lines[max(0, t.header_line - 4) : t.header_line])
    return bool(_GRANTED_CAPTION.search(fold(above)))


_SPENT = re.compile(r"\s*(?:kostnad\w*|utfall|forbruk\w*)\b")


def _row_kind(evidence: str, raw: str | None) -> str:
    """The role of a table row's sum when no project owns the row: what its label's cue
    words say (budget, money left), else a project's cost."""
    at = evidence.find(raw) if raw else -1
    if at < 0:
        return "project_cost"
    role = amount_role(evidence[:at], "", "", None, (at, at + len(raw or "")), [])
    return role.kind if role.cued and role.kind in ("budget", "other") else "project_cost"


def grid_amounts(
    t: GridTable,
    lines: Sequence[BodyLine],
    ctx: Context,
    drafts: Sequence[Draft],
    projects: Sequence[Project],
) -> list[tuple[int, Amount]]:
    """The amounts a column-laid-out table prints besides its rows' own sums: sums applied
    for beside sums granted, a second year's grant, money spent or paid back, and the Summa
    row's cells."""
    out: list[tuple[int, Amount]] = []
    frames = _district_frames(t, projects, ctx.fund_before(t.header_line), drafts, lines)

    def cell(
        line: int,
        sek: int,
        raw: str | None,
        kind: str,
        owner: Project | None,
        year: int | None,
        evidence: str,
        confidence: float = 0.75,
        of: Draft | None = None,
    ) -> None:
        # `of`: the draft whose fund and year the amount takes as they are (a Summa row's)
        out.append(
            (
                line,
                Amount(
                    amount_id="",
                    sek=sek,
                    raw=raw or str(sek),
                    approximate=False,
                    kind=frames or kind,
                    fund_type=of.fund_type
                    if of
                    else (owner.fund_type if owner else ctx.fund_before(line)),
                    year=of.year if of else year or (owner.year if owner else ctx.year_at(line)),
                    project_id=owner.project_id if owner else None,
                    page_no=lines[line].page_no,
                    evidence=evidence,
                    confidence=confidence,
                ),
            )
        )

    for r in t.rows:
        owner = next(
            (p for d, p in zip(drafts, projects, strict=True) if d.first_line == r.first_line),
            None,
        ) or next(  # (a draft a later section's heading re-anchored: its sum's line is the row's)
            (
                p
                for d, p in zip(drafts, projects, strict=True)
                if r.amount_line is not None and d.amount_line == r.amount_line
            ),
            None,
        )
        if (
            r.applied is not None
            and r.applied_line is not None
            and "cost" in t.roles
            # (an application's row whose sum is the one it seeks: that sum is the project's)
            and not (owner is not None and owner.amount_sek == r.applied != r.amount)
        ):
            # the sum applied for, printed beside the sum granted
            cell(r.applied_line, r.applied, r.applied_raw, "other", owner, None, r.evidence)
        for sek, raw, line, yr, kind in r.extra:
            cell(line, sek, raw, kind, owner, yr, r.evidence)
        if (
            r.amount is not None
            and r.amount_line is not None
            and not any(d.amount_line == r.amount_line for d in drafts)
            and not (owner is not None and owner.amount_sek == r.amount)
        ):
            # a row no project was read from (a district's row of a table of districts by
            # year): its sum is still printed money, a project's unless its label says
            # otherwise ("Avsatt för år 2000", "Ej fördelat" under the Summa row)
            cell(
                r.amount_line,
                r.amount,
                r.amount_raw,
                _row_kind(r.evidence, r.amount_raw) if owner is None else "project_cost",
                owner,
                r.amount_year,
                r.evidence,
            )
    for sek, raw, line, evidence in t.subtotals:
        cell(line, sek, raw, "total_granted", None, None, evidence, confidence=0.7)
    total_line = t.total_line
    if total_line is None:
        return out
    rows = [
        d
        for d in drafts
        if t.header_line <= d.first_line <= t.last_line
        or (d.amount_line is not None and t.header_line <= d.amount_line <= t.last_line)
    ]
    # a Summa over rows of two funds or more (LUM and MUL) is no one fund's money
    start = len(out) if len({d.fund_type for d in rows}) > 1 else None
    for sek, raw, kind, col_year in t.total_extra:
        cell(total_line, sek, raw, kind, None, col_year, t.total_evidence)
    if t.applied_total is not None:  # the sum of what was applied for
        cell(
            total_line, t.applied_total, t.applied_total_raw, "other", None, None, t.total_evidence
        )
    if t.total is not None:
        inside = [d for d in drafts if t.header_line <= d.first_line <= t.last_line]
        statuses = {d.status for d in inside}
        cell(
            total_line,
            t.total,
            t.total_raw,
            "other" if statuses == {"ansökt"} else "total_granted",
            None,
            None,
            t.total_evidence,
            confidence=0.8,
            of=inside[0] if inside else None,
        )
    if start is not None:
        out[start:] = [(line, replace(a, fund_type=None)) for line, a in out[start:]]
    return out
