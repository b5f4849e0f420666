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

from collections.abc import Sequence

from pipeline.facts.context import GENERIC_FUNDS, BodyLine, find_funds
from pipeline.facts.drafts import REJECTED, Draft
from pipeline.facts.text_units import sentences
from pipeline.lang.amounts import find_amounts

__all__ = ["fund_totals", "funds_from_totals"]

#: a total of fewer projects is too likely to match by chance
_MIN_PROJECTS = 2


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


def fund_totals(lines: Sequence[BodyLine], study_fund: str) -> dict[int, str]:
    """Each sum printed after a fund's name in its sentence ("beviljar lokala
    utvecklingsmedel … om sammanlagt 2 310 000 kronor"), with the last fund named before it."""
    out: dict[int, str] = {}
    clash: set[int] = set()
    for s in sentences([ln.text for ln in lines]):
        funds = [f for f in find_funds(s.text, study_fund) if f[2] not in GENERIC_FUNDS]
        for m in find_amounts(s.text):
            before = [f for f in funds if f[1] <= m.start]
            if m.per is not None or not before:
                continue
            fund = before[-1][2]
            if out.get(m.sek, fund) != fund:
                clash.add(m.sek)
            out[m.sek] = fund
    return {sek: f for sek, f in out.items() if sek not in clash}
