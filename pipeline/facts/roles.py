"""What an amount is (its *role*), which fund it belongs to and which year it is for.

Role
----
The role is read from cue phrases in ``data/amount_roles.csv``. Each cue has a kind, a weight
and a scope, and counts with a factor that says how closely it belongs to *this* amount:

* ``clause`` cues describe the amount they stand next to ("kostar", "ansöker om", "högst",
  "återstår"). They count fully in the amount's own clause (the stretch of the sentence
  between commas, semicolons, brackets, dashes and words such as "varav", "vilket"),
  at half weight elsewhere in the sentence, and at a quarter when another amount of the
  sentence stands nearer to them (in "kostar 380 000 kronor, varav förvaltningen ansöker
  om 230 000 kronor" the cost word belongs to the first amount, "ansöker om" to the second);
* ``sentence`` cues name what the whole sentence is about ("projektet": one project's
  money) and count fully anywhere in it;
* ``paragraph`` cues count at 0.4 from elsewhere in the paragraph, the section heading's
  cues at 0.5.

The kind with the highest total wins; under 1.0 nothing is said and the amount is ``other``
(``Role.cued`` is then False, so a caller may still know better from the layout: a list
item's amount is that project's). ``applied`` is a kind of the vocabulary for sums applied
for, offered as co-financing or not distributed: it is reported as ``other`` — unless state
money is named in the sentence or paragraph, for a state grant applied for is a
``state_grant`` (SCHEMA.md). A per-unit that is not a year or an application ("11 500 per
person") makes the amount ``other``: it is a unit price, not a sum of money for the work.

Fund type: the fund named nearest to the amount in its sentence; else in its paragraph
(nearest before it first); else the caller's running context (the last fund named earlier
in the section, then the heading). A sentence that splits a cost over several funders
("finansieras med … socialfonden … statsbidrag") gives no single fund. A state grant with
no fund in its sentence is ``statsbidrag``.

Year: the year the sentence names ("för år 2018", "2017 års", "under 2018"), else the
context year; none when the sentence says the amount recurs ("årligen").

List items: :func:`is_list_item_amount` tells whether an amount ends an enumerated or
bulleted item ("3. Namn, Farsta stadsdelsförvaltning, 350 000 kr"; "– Dublin, …, 20 000
kronor"): such an amount, when no cue says otherwise, is the item's (a project's) sum.

Amounts in tables without a project column are read in :mod:`pipeline.facts.money_tables`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.facts.clauses import AGGREGATE, clause, in_partitive, in_whole_after
from pipeline.facts.context import find_funds, sentence_year
from pipeline.facts.cues import CueHit, cue_hits, strongest
from pipeline.facts.item_amounts import is_list_item_amount, list_item_text
from pipeline.facts.spent_sums import spent_after_grant
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "Role",
    "amount_fund",
    "amount_role",
    "amount_year",
    "is_list_item_amount",
    "list_item_text",
    "paired_subject",
]

KINDS = ("max_per_application", "total_granted", "project_cost", "budget", "state_grant", "other")
_PARAGRAPH_FACTOR = 0.4
_HEADING_FACTOR = 0.5
_OTHER_CLAUSE_FACTOR = 0.5  # a clause cue elsewhere in the sentence
_OWNED_FACTOR = 0.25  # a clause cue that stands nearer to another amount
_MIN_SCORE = 1.0
#: a "per" that keeps the amount's role ("högst 75 000 kronor per stadsdel": the most one
#: applicant can be granted)
_PER_KEEPS_ROLE = frozenset(
    re.findall(
        r"\S+",
        "år ar ansökan ansokan projekt application stadsdel stadsdelsnämnd stadsdelsnamnd "
        "förvaltning forvaltning sökande sokande resa studieresa",
    )
)
_COORDINATED = re.compile(
    r"^\s*(?:kronor|kr|sek)?\.?\s*(?:,\s*)?(?:och|samt|respektive)\b"
    # the next items of a list of sums: ", Kista § , Spånga-Tensta " (§ = another sum),
    # "… för föreningsbidrag och "
    r"|^(?:\s+(?:för|till|avser)\s+[^\d,;.§]{1,60}?)?"
    r"(?:\s*(?:,|och|samt|respektive)\s+(?:[^\W\d_§][\w-]*\s+){0,3}§?)+\s*$",
    re.I,
)
_CHANGED_TO = re.compile(r"^\s*(?:kronor|kr|sek|tkr|mnkr)?\.?\s+till\s+$", re.I)
_APPLIED = "applied"  # vocabulary kind reported as "other" (see the module docstring)
_OWNED_MOST = 0.9  # the most a cue owned by another amount adds (under _MIN_SCORE)


@dataclass(frozen=True)
class Role:
    kind: str
    confidence: float
    scores: tuple[tuple[str, float], ...] = ()
    cued: bool = False  # decided by cue words (not the fallback "other")


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def _factor(
    hit: CueHit,
    span: tuple[int, int],
    clause: tuple[int, int],
    others: Sequence[tuple[int, int]],
    sentence: str,
    cues: Sequence[tuple[int, int]] = (),
) -> float:
    if hit.cue.scope != "clause":
        return 1.0
    cue = (hit.start, hit.end)
    if (
        _owned_by_other(cue, span, others, sentence, cues)
        or in_partitive(cue, span, sentence)
        or in_whole_after(cue, span, sentence)
    ):
        return _OWNED_FACTOR
    if clause[0] <= hit.start and hit.end <= clause[1]:
        return 1.0
    return _OTHER_CLAUSE_FACTOR


def _reach(cue: tuple[int, int], amount: tuple[int, int]) -> float:
    """How far a cue is from an amount: a cue before its amount ("beviljas 300 000",
    "återstår 50 000") binds more closely than one after it."""
    if cue[1] <= amount[0]:
        return amount[0] - cue[1]
    return 2 * _gap(cue, amount) + 5


_CLAUSE_CLOSED = re.compile(r"^\s*(?:,\s*)?(?:och|samt|men|medan)\s", re.IGNORECASE)


def _masked(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> str:
    """sentence[start:end] with the other amounts inside it written as "§"."""
    out, pos = [], start
    for a, b in sorted(others):
        if start <= a and b <= end:
            out.append(sentence[pos:a] + "§")
            pos = b
    return "".join(out) + sentence[pos:end]


def _owned_by_other(
    cue: tuple[int, int],
    span: tuple[int, int],
    others: Sequence[tuple[int, int]],
    sentence: str,
    cues: Sequence[tuple[int, int]] = (),
) -> bool:
    """Does the cue belong to another amount of the sentence? When another amount stands
    between the cue and this one — unless this amount is coordinated with it ("ansökan om …
    om 420 000 kronor och … om 385 000 kronor": the verb governs both) — or when the cue
    stands between the two and binds the other more closely. (`cues`: where the sentence's
    clause cues stand; a coordinated amount with a cue of its own does not share.)"""
    for o in others:
        between = (cue[1] <= o[0] and o[1] <= span[0]) or (span[1] <= o[0] and o[1] <= cue[0])
        if between:
            if (
                o[1] <= span[0]
                and _COORDINATED.match(_masked(sentence, o[1], span[0], others))
                and not any(o[1] <= c[0] and c[1] <= span[0] for c in cues)
            ):
                continue
            if (
                o[1] <= span[0]
                and re.search(r"\bfrån\s+$", sentence[: o[0]], re.I)
                and _CHANGED_TO.match(sentence[o[1] : span[0]])
            ):
                continue  # "höjs från 450 000 kronor till 500 000 kronor": the same sum, changed
            return True
        opposite = (cue[1] <= span[0] and o[1] <= cue[0]) or (span[1] <= cue[0] and cue[1] <= o[0])
        if (
            opposite
            and _reach(cue, o) < _reach(cue, span)
            # "har X kronor fördelats och Y kronor återstår": a conjunction after the cue
            # closes its clause; the cue is not the next amount's
            and not (cue[1] <= o[0] and _CLAUSE_CLOSED.match(sentence[cue[1] : o[0]]))
            and not _gapped(cue, span, sentence, others)
        ):
            return True
    return False


#: "… att 112 000 kr fördelas till åtta studiebesök och 265 000 kr till tre projekt": the
#: verb left out of the second of two parallel clauses, each a sum and what it goes to
_GAP_BEFORE = re.compile(r"^\s+(?:(?:till|för|åt)\s+)?[^\d§.;:]{1,60}?\s(?:och|samt)\s*$", re.I)
_GAP_AFTER = re.compile(r"^\s*(?:kronor|kr)?\.?\s+(?:till|för|åt)\s", re.I)


def _gapped(
    cue: tuple[int, int], span: tuple[int, int], sentence: str, others: Sequence[tuple[int, int]]
) -> bool:
    """Is the amount at `span` the second of two parallel clauses whose verb, the cue, only
    the first prints?"""
    return (
        cue[1] <= span[0]
        and bool(_GAP_BEFORE.match(_masked(sentence, cue[1], span[0], others)))
        and bool(_GAP_AFTER.match(sentence[span[1] :]))
    )


def _sentence_scores(
    sentence: str, span: tuple[int, int] | None, others: Sequence[tuple[int, int]]
) -> dict[str, float]:
    hits = [h for h in cue_hits(sentence, "role") if h.cue.scope in ("clause", "sentence")]
    if span is None:
        return strongest(hits)
    cue_spans = [(h.start, h.end) for h in hits if h.cue.scope == "clause"]
    marks = [(h.start, h.end, h.cue.phrase in AGGREGATE) for h in hits if h.cue.scope == "clause"]
    own = clause(sentence, span[0], span[1], marks)
    best: dict[str, tuple[str, float]] = {}  # phrase -> (kind, weight)
    for h in hits:
        factor = _factor(h, span, own, others, sentence, cue_spans)
        w = h.cue.weight * factor
        if factor == _OWNED_FACTOR:
            # a cue another amount owns never decides alone ("… beslut om 58,4 mnkr och …
            # 21,6 mnkr återstår 120,0 mnkr": what remains is the last sum only)
            w = min(w, _OWNED_MOST)
        if h.cue.phrase not in best or best[h.cue.phrase][1] < w:
            best[h.cue.phrase] = (h.value, w)
    score: dict[str, float] = {}
    for kind, w in best.values():
        score[kind] = score.get(kind, 0.0) + w
    return score


def amount_role(
    sentence: str,
    paragraph: str = "",
    heading: str = "",
    per: str | None = None,
    span: tuple[int, int] | None = None,
    others: Sequence[tuple[int, int]] = (),
) -> Role:
    """The role of an amount printed in `sentence` (see the module docstring).

    `span` is the amount's position in `sentence` and `others` the positions of the other
    amounts of the sentence; without `span` every cue of the sentence counts fully.
    """
    if per is not None and per.lower() not in _PER_KEEPS_ROLE:
        return Role("other", 0.7, (), True)
    score = _sentence_scores(sentence, span, others)
    # a state grant the sentence or the text before it speaks of ("… ansöka om statsbidrag.
    # Förvaltningen ansöker om fyra miljoner"), not one a later sentence names ("… som redan
    # finansieras med statsbidrag")
    own_state_grant = score.get("state_grant", 0.0) > 0 or _state_grant_before(paragraph, sentence)
    if paragraph and paragraph != sentence:
        for k, v in strongest(
            cue_hits(paragraph, "role", scope="paragraph"), _PARAGRAPH_FACTOR
        ).items():
            score[k] = score.get(k, 0.0) + v
    if heading and not heading.rstrip().endswith("?"):
        # (a question to the reader tells no sum's role: "Söker du medel till en studieresa?")
        for k, v in strongest(
            [h for h in cue_hits(heading, "role") if h.cue.scope != "paragraph"], _HEADING_FACTOR
        ).items():
            score[k] = score.get(k, 0.0) + v
    before = fold(sentence[: span[0]]) if span is not None else fold(sentence)
    if span is not None and spent_after_grant(sentence, span, paragraph):
        return Role("other", 0.6, tuple(score.items()), True)  # "… av beviljade 25 000"
    if _APPLIED in score and _GRANTED_APPLICATIONS.search(before):
        # "beviljar medel till sex ansökningar om sammanlagt 143 700 kronor": the applications
        # are what was granted, the sum is the grant
        score["total_granted"] = score.get("total_granted", 0.0) + score.pop(_APPLIED)
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < _MIN_SCORE:
        return Role("other", 0.4, tuple(ranked))
    best, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    conf = min(0.95, 0.45 + 0.12 * top) - (0.2 if top - runner_up < 0.5 else 0.0)
    if best == _APPLIED:
        other_fund = any(f != "statsbidrag" for _s, _e, f in find_funds(sentence))
        # an application for a state grant ("ansökan om statsbidrag om 2,5 mnkr"); a
        # neighbouring sentence's state grant is another matter ("… som redan finansieras
        # med statsbidrag")
        best = "state_grant" if own_state_grant and not other_fund else "other"
    return Role(best, round(max(conf, 0.3), 2), tuple(ranked), True)


def _state_grant_before(paragraph: str, sentence: str) -> bool:
    """Does the paragraph make the sentence's application one for a state grant: a state
    grant named before it, or one the paragraph says is applied for ("Statsbidrag söks
    årligen")? Not a state grant that finances something else ("… en verksamhet som redan
    finansieras med statsbidrag")."""
    if not paragraph:
        return False
    at = paragraph.find(sentence[:40])
    if at > 0 and any(h.value == "state_grant" for h in cue_hits(paragraph[:at], "role")):
        return True
    after = paragraph[at + len(sentence) :] if at >= 0 else paragraph
    return any(h.value == "state_grant" for h in cue_hits(after, "role")) and bool(
        _APPLYING.search(fold(after))
    )


_APPLYING = re.compile(r"\b(?:soks|sokas|soker|ansok\w*|sokt)\b")


#: a grant verb, then the applications it grants ("beviljades till sex ansökningar om")
_GRANTED_APPLICATIONS = re.compile(
    r"\b(?:bevilja|beviljar|beviljas|beviljades|beviljats|tilldela\w*)\b[^.;]*"
    r"\bansokning(?:ar|arna)?\s+om\b[^.;]*$"
)


def amount_fund(
    sentence: str,
    pos: int,
    paragraph: str = "",
    para_pos: int | None = None,
    context_fund: str | None = None,
    kind: str = "other",
    study_fund: str = "MUL",
    others: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The fund an amount at `pos` of `sentence` belongs to (see the module docstring).
    `others`: the spans of the sentence's other amounts; a fund named nearer to one of them
    is that amount's ("högst 500 000 kronor per år och en studieresa högst 25 000 kr")."""
    named = find_funds(sentence, study_fund)
    funds = [f for f in named if _nearest_amount(sentence, named, f, pos, others)]
    paired = bool(paragraph) and {"LUM", study_fund} <= {
        f[2] for f in find_funds(paragraph, study_fund)
    }
    if named and not funds:
        # the sentence's funds are its other amounts' ("… högst 400 000 kronor per projekt
        # och ett studiebesök högst 25 000 kronor": the project's is the local money)
        return (paired_subject(sentence, pos, study_fund, True) if paired else None) or context_fund
    if funds:
        distinct = {f for _s, _e, f in funds}
        if len(distinct) > 1 and cue_hits(sentence, "cofinance"):
            return None
        return min(funds, key=lambda f: _distance(f[0], f[1], pos))[2]
    if kind == "state_grant":
        return "statsbidrag"
    if paragraph:
        pfunds = find_funds(paragraph, study_fund)
        before_funds = {f[2] for f in pfunds if para_pos is None or f[1] <= para_pos}
        if paired and (subject := paired_subject(sentence, pos, study_fund)):
            # a paragraph of both the local money and the study visits: what the sentence
            # says the sum is for ("beviljades 310 000 kronor för projektet …") ...
            return subject
        if paired and before_funds == {"LUM", study_fund}:
            return None  # ... else both ("avsatt cirka 3,5 miljoner kronor")
        if pfunds:
            if para_pos is None:
                return pfunds[0][2]
            before = [f for f in pfunds if f[1] <= para_pos]
            if before:
                return before[-1][2]
            return min(pfunds, key=lambda f: _distance(f[0], f[1], para_pos))[2]
    return context_fund


_PROJECT_WORD = re.compile(r"\bprojekt(?:et|en)?\b")
_TRIP_WORD = re.compile(r"\bstudie(?:resa|resor|resan|besok\w*)\b|\bres(?:an|or|a)\b")


def paired_subject(
    sentence: str, pos: int, study_fund: str, only_before: bool = False
) -> str | None:
    """The fund of the project or trip the sentence names nearest before the amount at `pos`
    ("ett projekt … 400 000 kronor och ett studiebesök … 25 000"), else first after it
    ("beviljades 240 000 kronor för projektet …"), else None."""
    f = fold(sentence)
    words = [(m.start(), "LUM") for m in _PROJECT_WORD.finditer(f)]
    if only_before:  # (a project named before the sum: the trips' words are funds' names)
        return "LUM" if any(w[0] < pos for w in words) else None
    words += [(m.start(), study_fund) for m in _TRIP_WORD.finditer(f)]
    before = [w for w in words if w[0] < pos]
    if before:
        return max(before)[1]
    # ("… 240 000 kronor för projektet …"; a trip's word after the sum names a fund's money:
    # "…, varav 3,8 mnkr … för lokala utvecklingsprojekt (LUM) och studieresor (MUL)")
    return "LUM" if any(w[1] == "LUM" for w in words) else None


def amount_year(sentence: str, pos: int, context_year: int | None) -> int | None:
    """The year an amount is for (see the module docstring)."""
    if cue_hits(sentence, "year_none"):
        return None
    own = next((a for a in find_amounts(sentence) if a.start == pos), None)
    if own is not None:
        after = _YEAR_AFTER.match(sentence, own.end)
        if after is not None:
            return int(after.group(1))  # "… 1 150 000 kronor år 2010 och 1 200 000 kronor år 2011"
    return sentence_year(sentence, near=pos) or context_year


#: the year printed right after an amount: "… kronor år 2011", "… kr för 2012", "… under 2019"
_YEAR_AFTER = re.compile(r"\s+(?:för\s+år|för|år|under\s+år|under)\s+((?:19|20)\d\d)\b(?!-\d)")


def _nearest_amount(
    sentence: str,
    named: Sequence[tuple[int, int, str]],
    fund: tuple[int, int, str],
    pos: int,
    others: Sequence[tuple[int, int]],
) -> bool:
    """May the amount at `pos` (not one of `others`) take this fund: is the fund named in
    the amount's own clause, or, named in a clause with no amount of its own, is the amount
    the nearest? ("2,6 miljoner kronor fördelas till tre stadsövergripande studier och att
    2 160 000 kronor …"; "högst 500 000 kronor per år och en studieresa högst 25 000 kr")"""
    if not others:
        return True
    spans = [(f[0], f[1]) for f in named] + [(pos, pos + 1), *others]
    bounds = [
        m.start()
        for m in _CLAUSE_BREAK.finditer(sentence)
        if not any(a <= m.start() < b for a, b in spans)
    ]

    def clause(at: int) -> int:
        return sum(1 for b in bounds if b < at)

    mine = clause(fund[0])
    if clause(pos) == mine:
        return True
    if any(clause(o[0]) == mine for o in others):
        return False  # the fund names another amount's money, in a clause of its own
    everyone = [pos, *(o[0] for o in others)]
    return min(everyone, key=lambda a: _distance(fund[0], fund[1], a)) == pos


#: where one clause of a sentence ends and the next begins
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s(?:och|samt|medan)\s")


def _distance(start: int, end: int, pos: int) -> int:
    if start <= pos < end:
        return 0
    return start - pos if start > pos else pos - end
