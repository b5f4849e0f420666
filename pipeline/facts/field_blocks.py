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

A value may wrap onto lines set in under it. The name field opens the block; its sum, period
(its last day the end, its first year the grant's), status, performer and owner are fields;
the paragraphs up to the next block or heading describe it (`describe.complete_from_text`).

A block may also open with a numbered heading over its fields ("Studiebesök 2: Köpenhamn",
"2. Name" over "Genomförd av:"; a "Namn:" field under "Ansökan 1" names it), or with its owner
and quoted name ('Farsta – "Hundassisterade samtal"' over "Sökt belopp:" and "Skäl:", turned
down). Without a granted sum its cost or sum sought is its sum, the project an application."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.bare_names import bare_name_over_fields
from pipeline.facts.block_owners import (
    LABEL_GAP,
    applicant_body,
    end_at_other_projects,
    intro_status,
    is_owner_line,
    numbered_owner,
    own_by_owner_lines,
    owner_on_top,
    owner_preface,
    owners_of,
    preface_of_next,
    with_purpose,
)
from pipeline.facts.block_status import block_status, name_and_grant, proposed_sum
from pipeline.facts.context import BodyLine, Context, find_funds, find_years
from pipeline.facts.drafts import REJECTED, Draft, cued_status
from pipeline.facts.end_dates import ENDED, dated, status_end
from pipeline.facts.field_lines import (
    AMOUNT,
    CO_OWNER,
    COST,
    END,
    FIELD,
    MIN_FIELDS,
    NAME,
    NOT_YET,
    OWNER,
    PERFORMER,
    PERIOD,
    REPORT_DUE,
    STATUS,
    TOTAL,
    YEAR_COST,
    YEAR_FIELD,
    activity_block,
    field_of,
    gap_name_field,
    is_field,
    known_gap_field,
    name_like,
    read_fields,
)
from pipeline.facts.field_money import (
    SOUGHT_LABEL,
    funded,
    funding_label,
    granted_for_sought,
    years_total,
)
from pipeline.facts.form_names import FORM_SECTION, section_box_name
from pipeline.facts.lists import Place, PlaceFinder, covered_by_places
from pipeline.facts.performer_tails import block_performer
from pipeline.facts.tables import parse_end_cell, parse_end_date
from pipeline.facts.text_units import dehyphen_join, run_in_name, section_heading
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_field_blocks"]

#: an owner and a quoted name over a block: 'Farsta – "Hundassisterade samtal med äldre"'
_WHO_NAME = re.compile(
    r'^(?P<who>[^–—"”“:]{3,50}?)\s+[–—-]\s+["”“](?P<name>[^"”“]{3,150})["”“]\s*$'
)
#: a numbered item whose fields follow on lines of their own: "2. Hemlösa kvinnors vägar"
_NUMBERED_HEAD = re.compile(
    r"^(?P<label>\d{1,2}|[IVX]{1,5}|[A-Ha-h])[.)]\s+(?P<value>[A-ZÅÄÖ].{3,150})$"
    r"|^(?P<sub>\d{1,2}\.\d{1,2})\.?\s+(?P<subvalue>[A-ZÅÄÖ].{3,150})$"
)
#: a numbered heading over a block ("Studiebesök 2", "Ansökan 1"), named by a field of its own
_HEADED = re.compile(
    r"^(?:studiebesok|studieresa|resa|projekt|studie|ansokan|delprojekt|uppdrag)\s+(?:\d{1,2}|[a-z])$"
)
_SPAN = re.compile(r"[-–]|\btill\b")
_NAMING = ("namn", "projektnamn", "verksamhet", "insats", "aktivitet", "titel", "projekt")


def find_field_blocks(
    lines: Sequence[BodyLine], ctx: Context, find: PlaceFinder, own: Sequence[Place] = ()
) -> list[Draft]:
    """Every project printed as a block of labelled fields (module docstring). `own` are the
    places of the deciding nämnd (an owner field naming one of its units is its förvaltning)."""
    out, i = [], 0
    while i < len(lines):
        head = None if preface_of_next(lines, i) else _block_at(lines, i, find)
        if head is None:
            i += 1
            continue
        fields, after = head
        name_field = section_box_name(lines, i, field_of(fields, NAME))  # (not "Ekonomi  kr")
        if name_field and _HEADED.match(fold(name_field[1]).strip()):
            name_field = next((fields[k] for k in _NAMING if k in fields), name_field)
            if "organisation" in fields:  # (the association applying carries it out)
                fields.setdefault("utforare", fields["organisation"])
        if (
            name_field is None
            or (len(fields) < MIN_FIELDS + 1 and not name_and_grant(fields))
            or _TABLE_ROW.search(name_field[1])  # "4. Name      3      1     300 000"
        ):
            i = after
            continue
        end = after
        while end < len(lines) and not lines[end].heading:
            nxt = FIELD.match(lines[end].text.strip())
            if nxt and NAME.match(fold(nxt.group("label")).strip()):
                break
            if _WHO_NAME.match(lines[end].text.strip()):
                break  # the next owner's block
            if gap_name_field(lines[end].text):
                break  # the next block's name field, set as two columns ("Resmål    Oslo")
            gap = LABEL_GAP.match(lines[end].text.strip())
            if gap and _HEADED.match(fold(gap.group("label")).strip()):
                break  # the next numbered block ("Resa 3  Århus …")
            if _NUMBERED_HEAD.match(lines[end].text.strip()) and _fields_below(lines, end):
                break  # the next numbered item over its fields
            if bare_name_over_fields(lines, end) is not None:
                break  # the next name over its fields
            if not lines[end].heading and preface_of_next(lines, end):
                break  # the next block's applicant, over its name field
            if is_owner_line(lines, end, find, lines[i].indent):
                break  # the next owner's name over its blocks
            if any(owner_on_top(lines, k, find) == end for k in range(end + 1, end + 4)):
                break  # the next card's owner on top of its first field
            end += 1
        description = "\n".join(lines[k].text for k in range(after, end)).strip() or None
        out.append(_draft(lines, i, after, end, fields, name_field[1], description, ctx, find, own))
        i = end
    end_at_other_projects(out, lines)
    own_by_owner_lines(out, lines, find)
    intro = intro_status(lines, out[0].first_line) if out else None
    for d in out:
        if d.status is None:
            d.status = cued_status(d.description or "", None) if d.description else None
            if d.status != REJECTED:
                d.status = intro
    return out


#: a table's row read as a name: counts and a sum in columns after it
_TABLE_ROW = re.compile(r"\S\s{3,}\d[\d ]*\s{3,}\d")
_FIRST_SENTENCE = re.compile(r"(?<=[a-zåäö)])\.\s+(?=[A-ZÅÄÖ])")


def _block_at(
    lines: Sequence[BodyLine], i: int, find: PlaceFinder
) -> tuple[dict[str, tuple[int, str]], int] | None:
    """`_block_fields`, with the owner fields printed right above the block's name field
    ("Sökande   Järva sdf" over "Projekt   Name …")."""
    got = _block_fields(lines, i, find)
    start = owner_preface(lines, i) if got is not None else None
    if got is None or start is None:
        return got
    fields = {**read_fields(lines, start)[0], **got[0]}
    for label, (k, value) in list(fields.items()):
        gap = known_gap_field(value) if NAME.match(label) else None
        if gap is not None and NAME.match(fold(gap.group("label")).strip()):
            fields[label] = (k, gap.group("value").strip())  # "Projekt    Name": the name
    return fields, got[1]


def _block_fields(
    lines: Sequence[BodyLine], i: int, find: PlaceFinder
) -> tuple[dict[str, tuple[int, str]], int] | None:
    """The fields of a block that starts at line `i` and the line after them, or None. A block
    opens with a name field ("Projekt: …"), a numbered heading ("Studiebesök 2: Köpenhamn",
    "Resa 1  Glasgow …", "2. Name" over field lines), or an owner and a quoted name
    ('Farsta – "Name"')."""
    text = lines[i].text.strip()
    if FORM_SECTION.fullmatch(fold(text)):
        return None  # "A. Uppgifter om sökande" over the applicant's fields: no project
    owned = _WHO_NAME.match(text)
    if owned is not None and covered_by_places(owned.group("who"), find(owned.group("who"))):
        fields, after = read_fields(lines, i + 1)
        if fields:
            named = {"projekt": (i, owned.group("name")), "sokande": (i, owned.group("who"))}
            return {**named, **fields}, after
    if gap_name_field(text) and not FIELD.match(text):
        # "Resmål         Aarhus kommun, Danmark" over its fields
        fields, after = read_fields(lines, i)
        return {**numbered_owner(lines, i, find), **fields}, after
    lone = re.fullmatch(r"(?P<label>[^:]{3,30}):", text)  # "Projektnamn:" over the name
    if lone and NAME.match(fold(lone.group("label")).strip()):
        fields, after = read_fields(lines, i)
        return ({**numbered_owner(lines, i, find), **fields}, after) if fields else None
    m = FIELD.match(text) or LABEL_GAP.match(text)
    numbered = False
    if m is None:
        m = _NUMBERED_HEAD.match(text)  # "2. Hemlösa kvinnors vägar" over "Kostnad: …"
        below = _fields_below(lines, i) if m is not None else None
        numbered = below is not None
        if below is not None and gap_name_field(lines[below].text):
            return None  # "Projekt 2" over "Projekt      Stödgrupper …": the field names it
        if not numbered:
            if i > 0 and lines[i - 1].text.strip() and owner_on_top(lines, i + 1, find) == i:
                # "Name" over "Bromma stadsdelsförvaltning" over "Beviljat belopp: …": the
                # card's owner under its name is no name of its own (`owner_heads` reads it)
                return None
            return bare_name_over_fields(lines, i)
    if m is None:
        return None
    label = fold(m.group("label") or m.group("sub") if numbered else m.group("label")).strip()
    if not (numbered or _HEADED.match(label)):
        if not NAME.match(label):
            return None
        fields, after = read_fields(lines, i)
        return {**numbered_owner(lines, i, find), **fields}, after
    # "Studiebesök 2: Köpenhamn" over its fields (after a blank line), the name maybe wrapped
    k = i + 1
    while k < len(lines) and not lines[k].text.strip() and k - i <= 2:
        k += 1
    name = (m.group("value") or m.group("subvalue")).strip()
    if numbered and (name.isupper() or section_heading(name)):
        return None  # "1. SÖKANDE", "5. BUDGET 2016": a form's part over its fields
    first = name
    # (a line set in under a numbered heading wraps its name; after a blank line it is a box's
    # caption or the text: "3.1 Name" ⏎ ⏎ "Fakta" over the study's fields)
    wraps = numbered and k == i + 1
    while k < len(lines) and (
        lines[k].text.strip()[:1].islower()
        or (wraps and lines[k].indent > lines[i].indent and not is_field(lines[k].text))
    ):
        name = dehyphen_join([name, lines[k].text.strip()])  # the name wrapped, set in
        k += 1
    lead = find(first)
    applicant: dict[str, tuple[int, str]] = {}
    if (
        numbered
        and name != first
        and lead
        and lead[0].start == 0
        and not re.search(r":\s|\s[–—-]\s", first)
    ):
        # "1. Bromma sdf, IFO" over "Tammerfors – …": the applicant, the name under it
        name, applicant = name[len(first) :].strip(), {"sokande": (i, first)}
    before: list[str] = []
    start = _fields_below(lines, k - 1) if numbered else k
    if numbered and start is not None:
        # "3.3 Name" ⏎ "Studien genomförs …" ⏎ "   Utförare   …": the text describes it
        before = [lines[x].text.strip() for x in range(k, start) if lines[x].text.strip()]
        k = start
    fields, after = read_fields(lines, k)
    kinds = (AMOUNT, COST, PERFORMER, OWNER, TOTAL, YEAR_COST)
    if numbered and not any(p.match(lab) for lab in fields for p in kinds):
        return None  # a numbered item over lines of another kind
    while before and before[0].startswith("(") and before[0].endswith(")"):
        name = f"{name} {before.pop(0)}"  # "(medsökande Skarpnäck)" under the owner's name
    if (
        before
        and name.count("(") > name.count(")")
        and before[0].endswith(")")
        and "(" not in before[0]
    ):
        # "3.3 Farsta stadsdelsförvaltning (medsökande Älvsjö och" ⏎ "Skarpnäck)": the
        # owner's bracket closes on the next line
        name = f"{name} {before.pop(0)}"
    bare = re.sub(r"\s*\([^)]*\)$", "", name)
    if numbered and before and not applicant and covered_by_places(bare, find(bare)):
        # "1. Bromma stadsdelsförvaltning" over "Hemmaplanslösningar för ungdomar" over
        # "Beviljas: …": the owner on the numbered line, the project's name under it
        name, applicant, before = dehyphen_join(before), {"sokande": (i, name)}, []
    if before:
        fields = {**fields, _BEFORE: (k, " ".join(before))}
    district = covered_by_places(bare, find(bare))
    if numbered and not applicant and (got := activity_block(fields, i, name, district)):
        return got, after
    return {"projekt": (i, name), **applicant, **fields}, after


#: the fields' key of the text between a numbered heading and its fields
_BEFORE = "\u00a7before"
_MAX_LINES_BEFORE_FIELDS = 6


def _fields_below(lines: Sequence[BodyLine], i: int) -> int | None:
    """The first field line within a few lines under line `i` (no heading, numbered head or
    blank line pair between), or None."""
    blanks = 0
    texts = 0  # lines of text between the head and line k
    for k in range(i + 1, min(len(lines), i + 2 + _MAX_LINES_BEFORE_FIELDS)):
        text = lines[k].text.strip()
        if not text:
            blanks += 1
            if blanks > 1:
                return None
            continue
        blanks = 0
        if is_field(text):
            return k
        # (a name set as a heading right over its fields is the block's name)
        named = k + 1 < len(lines) and is_field(lines[k + 1].text)
        if (lines[k].heading and not named) or _NUMBERED_HEAD.match(text) or _another_block(text):
            return None
        if named and texts and name_like(text):
            # "1. Projektblad, …" over a caption over "Trygga barn i skolan" over
            # "Avdelning: …": the name under the caption heads a block of its own
            return None
        if lines[i].text.rstrip().endswith("."):
            return None  # a sentence ("1. Nämnden beställer …"), not a heading, over text
        texts += 1
    return None


def _another_block(text: str) -> bool:
    """ "Studie B. Name", "Resa 2  Oslo": the head of a block of its own."""
    gap = LABEL_GAP.match(text)
    return gap is not None and bool(_HEADED.match(fold(gap.group("label")).strip()))


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
    own: Sequence[Place],
) -> Draft:
    evidence = " | ".join(lines[k].text.strip() for k in range(i, after))
    before = fields.pop(_BEFORE, None)
    if before is not None:
        description = f"{before[1]}\n{description}" if description else before[1]
    # ("Sökt belopp" beside "Total kostnad": what it asks; "Beviljat 2004  190 000 kr": a year's)
    year_costs = {k for k in fields if YEAR_COST.match(k)}
    one_year = fields[next(iter(year_costs))] if len(year_costs) == 1 else None
    amount = (
        field_of(fields, AMOUNT)
        or funded(fields)
        or granted_for_sought(fields, year_costs)
        or field_of(fields, SOUGHT_LABEL)
        or one_year
        or field_of(fields, TOTAL)
    )
    period = field_of(fields, PERIOD)
    if period is not None and period is fields.get("tid") and not _SPAN.search(period[1]):
        period = None  # "Tid: mars 2011": when a trip is made, no period of work
    # ("Beslut: KS 2005-06-15" over "Läge: Avslutad": the field that says how it stands)
    status = next((v for k, v in fields.items() if STATUS.match(k) and k != "beslut"), None)
    status = status or field_of(fields, STATUS)
    performer = field_of(fields, PERFORMER)
    owner = field_of(fields, OWNER)
    years = find_years(period[1]) if period else []
    funds = find_funds(evidence, ctx.study_fund)
    d = Draft(
        name=with_purpose(run_in_name(name).rstrip(" ."), fields),
        fund_type=funds[-1][2] if funds else funding_label(fields) or ctx.fund_before(i),
        # costs printed for two or more years: a multi-year study, no single year
        year=None if len(year_costs) >= 2 else years[0][2] if years else ctx.year_at(i),
        status=block_status(status, amount, evidence, description, proposed_sum(fields)),
        performer=block_performer(
            performer and performer[1], fields.get("utvardering", (0, ""))[1]
        ),
        description=description,
        page_no=lines[i].page_no,
        evidence=evidence,
        confidence=0.8,
        first_line=i,
        last_line=max(i, end - 1),
        # (the field's first sentence names the owners: "A och B. C bidrar med …", C helps)
        places=owners_of(_FIRST_SENTENCE.split(owner[1])[0], find, own) if owner else [],
        desc_lines=(after, end - 1) if description else None,
    )
    partner = field_of(fields, CO_OWNER)
    partners = [p for p in find(partner[1]) if p not in d.places] if partner else []
    if partners and (owner is not None or own):
        d.places = [*(d.places or own), *partners]
    elif partners:
        d.partners = partners  # ("Medsökande: X" in a card: its owner from the line above)
    body, by_body = applicant_body(fields, owner, d.places, find, own)  # "Sökande: X IF"
    d.performer, d.places = (body, by_body) if body else (d.performer, d.places)
    granted_year = field_of(fields, YEAR_FIELD)
    if granted_year is not None and find_years(granted_year[1]):
        d.year = find_years(granted_year[1])[0][2]  # "Beviljat år: 2009"
    if status is not None and NOT_YET.search(fold(status[1])):
        d.status = "pågående"  # "Status: pågår, slutrapport i juni 2011"
    due = status if status is not None and REPORT_DUE.search(fold(status[1])) else None
    # ("Status: Pågår. Klar juni 2014", "Avbrutet 2017-06-16"; "Uppskjuten till 2010": no end)
    later = status is not None and re.match(r"uppskjut|framskjut", fold(status[1]))
    ended = status is not None and not later and (not period or ENDED.match(fold(status[1])))
    # (a finished project's report date is no end beside its period: "Slutrapport lämnad …")
    done_report = bool(period and ended and status and "rapport" in fold(status[1]))
    said = status_end(status[1]) if ended and status is not None and not done_report else None
    dated_due = status if said or (due and not done_report and parse_end_date(due[1])) else None
    ends = dated(field_of(fields, END)) or dated_due or period or due
    if ends is not None:
        got = said if ends is dated_due and said else parse_end_cell(ends[1])
        d.end_date = got[3] if got is not None else None  # ("Projekttid: 2017–2018": its end)
        if status is None and NOT_YET.search(fold(ends[1])):
            d.status = "pågående"  # "Klar: pågår, slutrapport december 2004"
    if (
        status is not None
        and find_amounts(status[1])
        and cued_status(status[1].split(".")[0], None) == "beviljad"
        and field_of(fields, AMOUNT) is None
    ):
        amount = status  # "Sökt: 27 500 kr" over "Beslut: Beviljas 25 000 kr": the grant
    cost = field_of(fields, COST)
    if cost is not None and not (amount and find_amounts(amount[1])):
        # "Kostnad: 41 500 kronor" / "Förvaltningens förslag: Avslås.": the sum sought
        if amount is not None and cued_status(amount[1], None) == REJECTED:
            d.status, d.amount_kind = "ansökt", "other"
        amount = cost
    if amount is not None:
        sums = [a for a in find_amounts(amount[1]) if a.per is None]
        whole = years_total(amount[1], sums)  # a sum for each year: their total, no one year
        sums, d.year = ([whole], None) if whole else (sums, d.year)
        if sums:
            d.amount_sek, d.amount_raw, d.amount_approx = (
                sums[0].sek,
                sums[0].raw,
                sums[0].approximate,
            )
            d.amount_line = None if whole else amount[0]  # (a total printed nowhere: no amount)
            d.amount_evidence = lines[amount[0]].text.strip()
    return d
