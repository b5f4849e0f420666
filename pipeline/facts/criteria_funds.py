"""Where a list of criteria stands in its document: the paragraph it belongs to, and the fund
and year of the call it states them for (its introduction, its paragraph, the fund in force
at the line, the words of the introduction, or a fund the paragraph before names). Read by
:mod:`pipeline.facts.criteria` and :mod:`pipeline.facts.criteria_forms`. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, Context, find_funds, sentence_year
from pipeline.facts.sum_kinds import PROCURES
from pipeline.facts.text_units import dehyphen_join
from pipeline.facts.title_money import title_money
from pipeline.lang.fuzzy import fold

__all__ = ["fund_by_subject", "fund_year", "of_a_call", "paragraph_start", "starts_lower"]


def starts_lower(s: str) -> bool:
    s = s.lstrip(" \"”“'(")
    return s[:1].islower()


def paragraph_start(lines: Sequence[BodyLine], i: int) -> int:
    """First line of the paragraph that line `i` belongs to."""
    j = i
    while j > 0:
        prev = lines[j - 1]
        if prev.heading:
            break
        if not prev.text.strip():
            k = j - 2
            while k >= 0 and not lines[k].text.strip():
                k -= 1
            if k < 0 or lines[k].heading:
                break
            if not starts_lower(lines[j].text) or lines[k].text.rstrip()[-1:] in ".!?:":
                break
            j = k
            continue
        j -= 1
    return j


_FUND_LOOKBACK = 12


def fund_year(
    lines: Sequence[BodyLine], i: int, end: int, ctx: Context
) -> tuple[str | None, int | None]:
    intro = dehyphen_join([lines[k].text for k in range(i, end + 1)])
    start = paragraph_start(lines, i)
    para = dehyphen_join([lines[k].text for k in range(start, end + 1)])
    funds = find_funds(intro, ctx.study_fund) or find_funds(para, ctx.study_fund)
    fund = funds[-1][2] if funds else ctx.fund_at(i)
    if fund == ctx.study_fund and not find_funds(intro, ctx.study_fund):
        # a paragraph of both the local money and the study visits over an intro that names
        # neither ("prioriteras ansökningar utifrån hur väl de"): the projects' criteria,
        # unless the intro speaks of trips
        fund = fund_by_subject(intro, ctx) or (
            "LUM" if {"LUM", fund} <= {f for _s, _e, f in funds} else fund
        )
    if fund is None:
        fund = fund_by_subject(intro, ctx)
    if fund is None:
        # "Lokala utvecklingsmedel ska stödja …" in the paragraph before, under the same heading
        k = start - 1
        while k >= 0 and start - k <= _FUND_LOOKBACK and not lines[k].heading:
            k -= 1
        before = find_funds(dehyphen_join([ln.text for ln in lines[k + 1 : start]]), ctx.study_fund)
        named = [f for _s, _e, f in before if f != "FoU"]  # a named fund, not "FoU-medel"
        fund = named[-1] if named else None
    year = sentence_year(intro) or sentence_year(para, near=len(para)) or ctx.year_at(i)
    return fund, year


def fund_by_subject(intro: str, ctx: Context) -> str | None:
    """In a call for both local projects and study trips, criteria that speak of "projektet"
    are the local development money's, those that speak of a trip the study money's."""
    named = {f for _s, _e, f in find_funds("\n".join(ln.text for ln in ctx.lines), ctx.study_fund)}
    if not {"LUM", ctx.study_fund} <= named:
        return None
    if {"LUM", ctx.study_fund} <= {f for _s, _e, f in find_funds(intro, ctx.study_fund)}:
        return None  # ("Sju ansökningar om lokala utvecklingsmedel och fyra om studiebesök")
    f = fold(intro)
    trip = bool(re.search(r"\bstudie(?:resa|resor|resan|besok\w*)\b|\bres(?:an|or|a)\b", f))
    project = bool(re.search(r"\bprojekt(?:et|en)?\b", f))
    if project == trip:
        return None
    return "LUM" if project else ctx.study_fund


#: the funds whose calls state criteria: the FoU money, state grants, project grants, the
#: social investment fund, trygghetsmedel, a nämnd's förenings- and organisationsbidrag,
#: stimulansmedel, support to events (arrangemangsstöd), a nämnd's own utvecklingsmedel,
#: kulturstöd, utvecklingsstöd and verksamhetsbidrag (and what `of_a_call` adds)
_CALL_FUNDS = frozenset(
    {
        "LUM",
        "MUL",
        "MUST",
        "FUM",
        "FoU",
        "statsbidrag",
        "projektbidrag",
        "projektstöd",
        "föreningsstöd",
        "aktivitetsbidrag",
        "sociala investeringar",
        "sociala investeringsfonden",
        "sociala investeringsmedel",
        "sociala utvecklingsmedel",
        "trygghetsmedel",
        "föreningsbidrag",
        "organisationsbidrag",
        "stimulansmedel",
        "arrangemangsstöd",
        "arrangemangsbidrag",
        "arrangörsstöd",
        "arrangörsbidrag",
        "utvecklingsmedel",
        "kulturstöd",
        "kulturbidrag",
        "utvecklingsstöd",
        "utvecklingsbidrag",
        "verksamhetsbidrag",
        "IOP",  # a call for partnerships ("Enligt utlysningen skulle verksamheten …")
    }
)


def of_a_call(fund: str | None, evidence: str, subject: str | None) -> bool:
    """Are criteria of `fund` (read from `evidence`, in a document about `subject`) a call's?
    Another fund's conditions (a school's utvecklingsmedel) and a procurement's award
    criteria are none."""
    if fund is None:
        return not PROCURES.search(fold(f"{subject or ''} {evidence}"))
    # ... or the money the subject shares out by a name of its own ("Fördelning av medel ur
    # folkhälsofonden 2023")
    return fund in _CALL_FUNDS or fund == title_money(subject)
