"""The fund of a list of projects whose own text names none, read from the total it adds
up to.

A proposal prints the list of projects with their sums under a heading that names no fund
("Ansökningar från stadsdelsförvaltningar") and states the fund elsewhere with the list's
total: in a decision ("beviljar lokala utvecklingsmedel (LUM) för år 2023 om sammanlagt
2 310 000 kronor till sex projekt") or in a closing line ("Summa föreslagna lokala
utvecklingsmedel 2023: 2 310 000 kr"). When the sums of the projects without a fund add up
to an amount printed after a fund's name in its sentence, they are that fund's projects. (A rejected application's sum is no part of the total, but its project belongs to
the same call.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import GENERIC_FUNDS, BodyLine, find_funds
from pipeline.facts.drafts import REJECTED, Draft
from pipeline.facts.text_units import sentences
from pipeline.lang.amounts import find_amounts

__all__ = ["fund_totals", "funds_from_totals"]

#: a total of fewer projects is too likely to match by chance
_MIN_PROJECTS = 2
#: a fund named after a sum speaks of it only within its clause
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s(?:och|samt|medan)\s")


def funds_from_totals(drafts: Sequence[Draft], lines: Sequence[BodyLine], study_fund: str) -> None:
    """Give the fundless projects of a list the fund whose printed total their sums make."""
    ordered = sorted(drafts, key=lambda d: d.first_line)
    groups: list[list[Draft]] = [[d for d in ordered if d.fund_type is None]]
    run: list[Draft] = []
    for d in ordered:  # and each run of fundless projects between projects with a fund
        if d.fund_type is None:
            run.append(d)
        else:
            groups.append(run)
            run = []
    groups.append(run)
    totals = fund_totals(lines, study_fund)
    for group in groups:
        priced = [d for d in group if d.amount_sek is not None and d.status != REJECTED]
        if len(priced) < _MIN_PROJECTS or any(d.fund_type is not None for d in group):
            continue
        fund = totals.get(sum(d.amount_sek or 0 for d in priced))
        if fund is not None:
            for d in group:
                d.fund_type = fund
    _table_funds(ordered, totals, study_fund)


def _table_funds(ordered: Sequence[Draft], totals: dict[int, str], study_fund: str) -> None:
    """A run of projects that took the fund named somewhere above them ("… fördelas som
    lokala utvecklingsmedel" before a table of stadsövergripande studies) takes instead the
    fund of the total their sums make, when no row names its fund itself."""
    k = 0
    while k < len(ordered):
        fund = ordered[k].fund_type
        run = [ordered[k]]
        while (
            k + len(run) < len(ordered)
            and ordered[k + len(run)].fund_type == fund
            and ordered[k + len(run)].first_line - run[-1].last_line <= 3
        ):
            run.append(ordered[k + len(run)])
        k += len(run)
        priced = [d for d in run if d.amount_sek is not None and d.status != REJECTED]
        if fund is None or len(priced) < _MIN_PROJECTS or len(priced) != len(run):
            continue
        total = totals.get(sum(d.amount_sek or 0 for d in priced))
        if total is None or total == fund:
            continue
        if any(fund in {f for _a, _b, f in find_funds(d.evidence, study_fund)} for d in run):
            continue  # a row names its fund
        for d in run:
            d.fund_type = total


def fund_totals(lines: Sequence[BodyLine], study_fund: str) -> dict[int, str]:
    """Each sum printed with a fund's name in its sentence ("beviljar lokala utvecklingsmedel
    … om sammanlagt 2 310 000 kronor"), with that fund."""
    out: dict[int, str] = {}
    clash: set[int] = set()
    for s in sentences([ln.text for ln in lines]):
        funds = [f for f in find_funds(s.text, study_fund) if f[2] not in GENERIC_FUNDS]
        found = find_amounts(s.text)
        bounds = [
            c.start()
            for c in _CLAUSE_BREAK.finditer(s.text)
            if not any(f[0] <= c.start() < f[1] for f in funds)
        ]

        def clause(at: int, bounds: list[int] = bounds) -> int:
            return sum(1 for x in bounds if x < at)

        for m in found:
            if m.per is not None:
                continue
            # the fund named in the sum's own clause, before it ("Summa föreslagna lokala
            # utvecklingsmedel: 2 310 000 kr") or else after it ("… och att 2 160 000 kronor
            # fördelas till fem lokala utvecklingsprojekt", "anvisar 3,2 mnkr ur … medel för
            # stadsövergripande FoU"); else the last one named before it
            own = [f for f in funds if clause(f[0]) == clause(m.start)]
            before = [f for f in funds if f[1] <= m.start]
            own_before = [f for f in own if f[1] <= m.start]
            if own_before:
                fund = own_before[-1][2]
            elif own:
                fund = own[0][2]
            elif before:
                fund = before[-1][2]
            else:
                continue
            if out.get(m.sek, fund) != fund:
                clash.add(m.sek)
            out[m.sek] = fund
    return {sek: f for sek, f in out.items() if sek not in clash}
