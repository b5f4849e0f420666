"""Projects printed as blocks of labelled fields, one block per project.

How the documents write them
----------------------------

A follow-up of a district's grants often gives each project a form-like block, then a
paragraph about it::

    Projektnamn:          Läxhjälp i samverkan
    Beviljat belopp:      360 000 kr
    Projektperiod:        2013-04-01 - 2014-03-31
    Projektledare:        Maja Exempel, socialsekreterare
    Status:               Avslutat. Slutrapport bifogas.
    Utvärderas av:        Södertörns högskola

    Projektet har infört strukturerade samtal med barn …

A value may wrap onto lines set in under it. The block's name field opens it; its sum, period
(the end date is the period's last day, its first year the grant's year), status, performer and
owner come from the fields, and the paragraphs up to the next block or heading are the
project's description (its partners, `describe.complete_from_text`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, Context, find_funds, find_years
from pipeline.facts.drafts import Draft, cued_status
from pipeline.facts.lists import PlaceFinder
from pipeline.facts.tables import parse_end_date
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_field_blocks"]

#: "Label:   value" (a label of at most four words)
_FIELD = re.compile(
    r"^(?P<label>[A-ZÅÄÖ][\wåäöÅÄÖ.-]*(?:\s+[\wåäöÅÄÖ.-]+){0,3})\s*:\s+(?P<value>\S.*)$"
)
_NAME = re.compile(
    r"^(?:projektnamn|projektets namn|namn pa projektet|projekt|studie|studiens namn|resmal|"
    r"studiebesok|studieresa)$"
)
_AMOUNT = re.compile(
    r"^(?:beviljat belopp|beviljade medel|beviljat|belopp|tilldelat belopp|beviljas|forslag)$"
)
_PERIOD = re.compile(r"^(?:projektperiod|period|tidsperiod|projekttid|genomforandeperiod)$")
_STATUS = re.compile(r"^(?:status|lage|projektstatus)$")
_PERFORMER = re.compile(r"^(?:utforare|utvarderas av|utvarderare|genomfors av|forskare)$")
_OWNER = re.compile(r"^(?:projektagare|sokande|stadsdel|stadsdelsforvaltning|forvaltning)$")
_INTERNAL = re.compile(r"^\s*(?:internt|intern|egen|ingen|nej|-)\b", re.IGNORECASE)
_MIN_FIELDS = 2


def _fields(lines: Sequence[BodyLine], i: int) -> tuple[dict[str, tuple[int, str]], int]:
    """The labelled fields from line `i` on ({folded label: (line, value)}) and the line
    after the block."""
    out: dict[str, tuple[int, str]] = {}
    last: str | None = None
    j = i
    while j < len(lines):
        text = lines[j].text.strip()
        m = _FIELD.match(text)
        if m and not (out and _NAME.match(fold(m.group("label")))):
            last = fold(m.group("label")).strip()
            out[last] = (j, m.group("value").strip())
        elif text and last is not None and lines[j].indent >= 8:
            k, value = out[last]
            out[last] = (k, f"{value} {text}")  # a value wrapped under itself
        else:
            break
        j += 1
    return out, j


def _field(fields: dict[str, tuple[int, str]], pattern: re.Pattern[str]) -> tuple[int, str] | None:
    return next((v for k, v in fields.items() if pattern.match(k)), None)


def find_field_blocks(lines: Sequence[BodyLine], ctx: Context, find: PlaceFinder) -> list[Draft]:
    """Every project printed as a block of labelled fields (module docstring)."""
    out: list[Draft] = []
    i = 0
    while i < len(lines):
        m = _FIELD.match(lines[i].text.strip())
        if m is None or not _NAME.match(fold(m.group("label")).strip()):
            i += 1
            continue
        fields, after = _fields(lines, i)
        name_field = _field(fields, _NAME)
        if name_field is None or len(fields) < _MIN_FIELDS + 1:
            i = after
            continue
        end = after
        while end < len(lines) and not lines[end].heading:
            nxt = _FIELD.match(lines[end].text.strip())
            if nxt and _NAME.match(fold(nxt.group("label")).strip()):
                break
            end += 1
        description = "\n".join(lines[k].text for k in range(after, end)).strip() or None
        out.append(_draft(lines, i, after, end, fields, name_field[1], description, ctx, find))
        i = end
    return out


def _draft(
    lines: Sequence[BodyLine],
    i: int,
    after: int,
    end: int,
    fields: dict[str, tuple[int, str]],
    name: str,
    description: str | None,
    ctx: Context,
    find: PlaceFinder,
) -> Draft:
    evidence = " | ".join(lines[k].text.strip() for k in range(i, after))
    amount = _field(fields, _AMOUNT)
    period = _field(fields, _PERIOD)
    status = _field(fields, _STATUS)
    performer = _field(fields, _PERFORMER)
    owner = _field(fields, _OWNER)
    years = find_years(period[1]) if period else []
    funds = find_funds(evidence, ctx.study_fund)
    d = Draft(
        name=name.rstrip(" ."),
        fund_type=funds[-1][2] if funds else ctx.fund_before(i),
        year=years[0][2] if years else ctx.year_at(i),
        status=cued_status(status[1].split(".")[0], None)
        if status
        # "Beviljas: 24 800 kr": the block grants its sum
        else ("beviljad" if "bevilja" in fold(evidence) and amount else None),
        performer=None if performer is None or _INTERNAL.match(performer[1]) else performer[1],
        description=description,
        page_no=lines[i].page_no,
        evidence=evidence,
        confidence=0.8,
        first_line=i,
        last_line=max(i, end - 1),
        places=find(owner[1]) if owner else [],
        desc_lines=(after, end - 1) if description else None,
    )
    if period is not None:
        got = parse_end_date(period[1])
        d.end_date = got[3] if got is not None else None
    if amount is not None:
        sums = [a for a in find_amounts(amount[1]) if a.per is None]
        if sums:
            d.amount_sek, d.amount_raw, d.amount_approx = (
                sums[0].sek,
                sums[0].raw,
                sums[0].approximate,
            )
            d.amount_line, d.amount_evidence = amount[0], lines[amount[0]].text.strip()
    return d
