"""What an amount is (its *role*), which fund it belongs to and which year it is for.

The role is read from cue phrases in ``data/amount_roles.csv``: the sentence around the
amount counts fully, the paragraph (for cues marked ``paragraph``) at 0.4 and the section
heading at 0.5. The kind with the highest total wins; under 1.0 nothing is said and the
amount is ``other``. A per-unit that is not a year or an application ("11 500 per person")
makes the amount ``other``: it is a unit price, not a sum of money for the work.

Fund type: the fund named nearest to the amount in its sentence; else in its paragraph
(nearest before it first); else the caller's running context (the last fund named earlier
in the section, then the heading). A sentence that splits a cost over several funders
("finansieras med … socialfonden … statsbidrag") gives no single fund. A state grant with
no fund in its sentence is ``statsbidrag``.

Year: the year the sentence names ("för år 2018", "2017 års", "under 2018"), else the
context year; none when the sentence says the amount recurs ("årligen").
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.facts.context import cue_hits, find_funds, sentence_year, strongest

__all__ = ["Role", "amount_fund", "amount_role", "amount_year"]

KINDS = ("max_per_application", "total_granted", "project_cost", "budget", "state_grant", "other")
_PARAGRAPH_FACTOR = 0.4
_HEADING_FACTOR = 0.5
_MIN_SCORE = 1.0
_PER_KEEPS_ROLE = {"år", "ar", "ansökan", "ansokan", "projekt", "application"}


@dataclass(frozen=True)
class Role:
    kind: str
    confidence: float
    scores: tuple[tuple[str, float], ...] = ()


def amount_role(
    sentence: str,
    paragraph: str = "",
    heading: str = "",
    per: str | None = None,
) -> Role:
    """The role of an amount printed in `sentence` (see the module docstring)."""
    if per is not None and per.lower() not in _PER_KEEPS_ROLE:
        return Role("other", 0.7)
    score = strongest(cue_hits(sentence, "role", scope="sentence"))
    if paragraph and paragraph != sentence:
        for k, v in strongest(
            cue_hits(paragraph, "role", scope="paragraph"), _PARAGRAPH_FACTOR
        ).items():
            score[k] = score.get(k, 0.0) + v
    if heading:
        for k, v in strongest(cue_hits(heading, "role", scope="sentence"), _HEADING_FACTOR).items():
            score[k] = score.get(k, 0.0) + v
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < _MIN_SCORE:
        return Role("other", 0.4, tuple(ranked))
    best, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    conf = min(0.95, 0.45 + 0.12 * top) - (0.2 if top - runner_up < 0.5 else 0.0)
    return Role(best, round(max(conf, 0.3), 2), tuple(ranked))


def amount_fund(
    sentence: str,
    pos: int,
    paragraph: str = "",
    para_pos: int | None = None,
    context_fund: str | None = None,
    kind: str = "other",
    study_fund: str = "MUL",
) -> str | None:
    """The fund an amount at `pos` of `sentence` belongs to (see the module docstring)."""
    funds = find_funds(sentence, study_fund)
    if funds:
        distinct = {f for _s, _e, f in funds}
        if len(distinct) > 1 and cue_hits(sentence, "cofinance"):
            return None
        return min(funds, key=lambda f: _distance(f[0], f[1], pos))[2]
    if kind == "state_grant":
        return "statsbidrag"
    if paragraph:
        pfunds = find_funds(paragraph, study_fund)
        if pfunds:
            if para_pos is None:
                return pfunds[0][2]
            before = [f for f in pfunds if f[1] <= para_pos]
            if before:
                return before[-1][2]
            return min(pfunds, key=lambda f: _distance(f[0], f[1], para_pos))[2]
    return context_fund


def amount_year(sentence: str, pos: int, context_year: int | None) -> int | None:
    """The year an amount is for (see the module docstring)."""
    if cue_hits(sentence, "year_none"):
        return None
    return sentence_year(sentence, near=pos) or context_year


def _distance(start: int, end: int, pos: int) -> int:
    if start <= pos < end:
        return 0
    return start - pos if start > pos else pos - end
