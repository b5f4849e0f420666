"""Merging the readers' drafts: one project found by several readers becomes one draft.

* ``join_studies``: a study under its own heading joins the table row that names it (at
  ``ROW_MATCH`` or better; the row's amount, end date and performer win, ``_apply_row``); a
  row that names a listed project completes it; the other rows are projects of their own.
* ``prose_drafts``: projects granted or carried out with a sum in one sentence of running
  text; one that another reader found already only completes it (owner, sum, status).
* ``subject_draft``: the project an ärende's title is about, unless already found.
* ``footnote_places``: the districts of a project that the text counts ("tre stadsdelar")
  and a footnote on the same pages lists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from pipeline.facts.commissioned import find_commissioned_studies
from pipeline.facts.context import BodyLine, Context, find_funds, sentence_year
from pipeline.facts.drafts import (
    LEAST_SUM,
    REJECTED,
    Draft,
    called_off,
    cued_status,
    intro_text,
)
from pipeline.facts.finders import org_finder
from pipeline.facts.fund_codes import decoded, fund_codes, projects_fund
from pipeline.facts.grid_lines import fund_only
from pipeline.facts.intro_status import decided_status, table_grants
from pipeline.facts.lists import Place
from pipeline.facts.named import _all_sentences
from pipeline.facts.named_studies import find_named_studies
from pipeline.facts.opening_names import find_opening_names
from pipeline.facts.projects import Study, canonical_org, match_row
from pipeline.facts.prose import ProseProject, find_prose_grants
from pipeline.facts.prose_headed import find_headed_projects, numbered_title, unlabelled
from pipeline.facts.sections import find_section_projects
from pipeline.facts.state_money import STATE_FUNDER
from pipeline.facts.study_rows import ROW_MATCH, best_rows, same_performer_row
from pipeline.facts.subject_grants import unread_subject_grants
from pipeline.facts.tables import TableRow
from pipeline.facts.text_units import kind_label, paragraphs, turned_down_part
from pipeline.facts.theme_headings import without_theme_headings
from pipeline.facts.title_subject import partnership_total, subject_partner, subject_project
from pipeline.facts.trip_prose import find_trip_grants, listed_trip
from pipeline.lang.fuzzy import fold


def join_studies(
    studies: Sequence[Study],
    rows: Sequence[TableRow],
    lines: Sequence[BodyLine],
    ctx: Context,
    ref: dt.date | None,
    listed: Sequence[Draft],
    places: Callable[[str], list[Place]],
) -> list[Draft]:
    """Studies joined to their table rows; a row naming a listed project completes it."""
    out: list[Draft] = []
    used: set[int] = set()
    codes = fund_codes([ln.text for ln in lines], ctx.study_fund)  # "U = lokala utv…"
    # (its heading is another reader's project: a name over its fields)
    own = [
        i
        for i, st in enumerate(studies)
        if not any(d.first_line <= st.heading_line <= d.last_line for d in listed)
    ]
    matched = best_rows(studies, rows, own, used)
    for i in own:
        st = studies[i]
        best = matched.get(i, (0.0, -1))
        row = rows[best[1]] if best[1] >= 0 else None
        if row is None and (k := same_performer_row(st.name, st.performer, rows, used)) >= 0:
            best, row = (best[0], k), rows[k]
        d = Draft(
            name=st.name,
            fund_type=st.fund_type,
            year=st.year,
            status=st.status,
            performer=st.performer,
            end_date=st.end_date,
            description=st.text,
            page_no=st.page_no,
            evidence=f"{st.name}: {st.text[:300]}",
            confidence=0.7,
            first_line=st.heading_line,
            last_line=st.last_line,
            desc_lines=(st.heading_line + 1, st.last_line),
        )
        if row is not None:
            used.add(best[1])
            _apply_row(d, row, ref)
            d.confidence = 0.85
            if not d.places and row.district_text:
                d.places = places(row.district_text)  # the table's district column
            intro = intro_text(lines, row.header_line, before=True) if row.header_line else ""
            d.year = row.year or sentence_year(intro) or d.year  # the table's year
            d.fund_type = row_fund(decoded(row.evidence, codes), ctx.study_fund) or d.fund_type
        out.append(d)
    for k, r in enumerate(rows):
        if k in used:
            continue
        # row "2" ("B  Short name") of a table of "Projekt 2"'s ("Studie B"'s) sums
        titled = numbered_title(lines, r.name, r.evidence.split(" | ")[-1])
        r = dataclasses.replace(r, name=titled) if titled else r
        same = [d for d in listed if match_row(d.name, r, "") >= ROW_MATCH] or [
            o
            for o in out
            if (o.amount_sek is None) != (r.cost is None) and _same(o.name, r.name, True)
        ]  # (or the same project in another table, one of the two without sums)
        if same:
            if same[0] in listed or r.cost is not None or same[0].amount_sek is None:
                _apply_row(same[0], r, ref)  # (a row without sums repeats a study's)
            continue
        fund = ctx.fund_before(r.first_line)
        anchor = r.header_line if r.header_line is not None else r.first_line
        heading = next((lines[h].text for h in ctx.headings_above(anchor)), "")
        intro = intro_text(lines, r.header_line, before=True) if r.header_line else ""
        if _CAPTION.match(intro) and turned_down_part(heading):
            heading = ""  # a table under its own caption, after the part on the refusals
        funds = find_funds(intro, ctx.study_fund) if intro else []
        if funds:
            fund = funds[-1][2]
        group = _group_fund(lines, r, ctx)  # ("MUST" over its rows; a paper on both: LUM)
        fund = group or projects_fund(fund, lines[anchor].text, ctx.paired, ctx.study_fund, r)
        if (named_fund := row_fund(decoded(r.evidence, codes), ctx.study_fund)) is not None:
            fund = named_fund  # the row names its fund ("… | LUM | Pågår | 385")
        elif r.funder is not None and STATE_FUNDER.search(fold(r.funder)):
            fund = "statsbidrag"  # "Statens kulturråd", "Länsstyrelsen i Stockholms län"
        elif r.funder is not None:
            fund = None  # its "Finansiär" cell names no fund of the vocabulary: not the table's
        d = Draft(
            name=r.name,
            fund_type=fund,
            year=sentence_year(intro) or sentence_year(heading) or ctx.year_at(r.first_line),
            status=cued_status(f"{heading}. {intro}", "beviljad" if r.header_line else None),
            page_no=r.page_no,
            evidence=r.evidence,
            confidence=0.6,
            first_line=r.first_line,
            last_line=r.last_line,
            places=places(r.district_text) if r.district_text else [],
        )
        _apply_row(d, r, ref)
        # an introduction that grants or applies decides, whatever the period; a row that
        # prints both the sum applied for and the sum granted decides for itself
        d.status = (r.decided or None) if r.decided is not None else decided_status(intro, d.status)
        if r.decided is None and table_grants(d.status, r.header, r.cost is not None, lines):
            d.status = "beviljad"
        if (
            d.status == "ansökt"
            and d.amount_kind == "project_cost"
            and re.search(r"\b(?:ansoker|soker)\s+(?:om|medel)\b", fold(intro))
            and not re.search(r"forslag|bevilja", fold(intro))
            and "kostnad" not in fold(r.header)  # (a cost column: what each project costs)
        ):
            # "Förvaltningen ansöker om medel för följande studieresor:": each row's sum sought
            d.amount_kind = "state_grant" if d.fund_type == "statsbidrag" else "other"
        out.append(d)
    return out


def _group_fund(lines: Sequence[BodyLine], r: TableRow, ctx: Context) -> str | None:
    """The fund of the label line nearest above a table row, inside its table, or None."""
    if r.header_line is None:
        return None
    for k in range(r.first_line - 1, r.header_line, -1):
        text = lines[k].text.strip()
        if lines[k].indent > 2 or text.startswith("(") or re.search(r"\d", text):
            continue  # a row above, or a wrapped cell
        funds = find_funds(text, ctx.study_fund)
        # ("Socialnämnden, lokala utvecklingsmedel (LUM)" set as a heading over its rows)
        over_row = k + 1 < len(lines) and _NUMBER_CELL.search(lines[k + 1].text)
        short = len(text.split()) <= (6 if lines[k].heading and over_row else 3)
        below = next((ln.text for ln in lines[k + 1 : r.first_line + 1] if ln.text.strip()), "")
        if len({f[2] for f in funds}) == 1 and (
            short or fund_only(text) and _NUMBER_CELL.search(below)
        ):
            return funds[0][2]  # ("Medel för utveckling och lärande (MUL)" too)
    return None


#: a cell of a number in a row: "Nätverksmöten inom      380       190"
_NUMBER_CELL = re.compile(r"\S\s{2,}\d{1,3}(?:[ .]\d{3})*(?:\s{2,}|\s*$)")


def _same_draft(name: str, drafts: Sequence[Draft]) -> Draft | None:
    """A draft with the same name, or whose name this one continues: it takes the full name."""
    f = fold(name)
    same = next((d for d in drafts if fuzz.ratio(f, fold(d.name)) >= 85 or f in fold(d.name)), None)
    if same is not None:
        return same
    for d in drafts:
        short = fold(d.name)
        if (
            len(short) >= _MIN_PREFIX_NAME
            and f.startswith(short)
            and f[len(short) : len(short) + 3].strip(" -–:,")[:1] == ""
        ):
            d.name = name
            return d
        if (
            len(short) >= _MIN_PREFIX_NAME
            and f.startswith(short)
            and _PLACE_TAIL.match(f[len(short) :])
        ):
            # "Projektet <Name> i Spånga-Tensta sökte …": the listed project, where it runs
            return d
    return None


#: where the project runs, or whom it is for ("Ljuspunkten för kvinnor i hemlöshet")
_PLACE_TAIL = re.compile(r"^\s+(?:i|for)\s+\S")


_MIN_PREFIX_NAME = 10


#: a table's own caption: "Tabell 1. Förslag till fördelning …"
_CAPTION = re.compile(r"^\s*tabell\s+\d{1,2}\b", re.IGNORECASE)
#: a grant proposed or made in the sentence itself
_DECIDED_NOW = re.compile(r"\b(?:foreslas|beviljas|tilldelas)\b")


def _complete(d: Draft, pp: ProseProject, lines: Sequence[BodyLine]) -> None:
    """A project found by another reader (a study heading) gets what the sentence about its
    money says and it lacks: the owner, the sum and the status."""
    if not d.places and pp.places and not d.unowned:
        d.places = list(pp.places)
    if (
        d.status is None
        or pp.status == REJECTED
        or (
            # (a sentence that turns it down has the last word)
            # a quoted name read with no word of its state; the sentence proposes or grants it
            # now ("… föreslås få 160 000 kr för projektet ”X”"; not "har tilldelats")
            d.status == "pågående"
            and d.end_date is None
            and pp.status == "beviljad"
            and _DECIDED_NOW.search(fold(pp.sentence.text))
        )
    ):
        # (its own section says it was called off: granted, never carried out)
        d.status = "beviljad" if d.description and called_off(d.description) else pp.status
    if d.amount_sek is None and pp.amount is not None:
        _set_amount(d, pp, lines)
    if d.performer is None and pp.performer:
        d.performer = pp.performer
    if pp.description and (d.description is None or d.description == d.evidence):
        # its own section: performer, end date, sum, co-applicants (not the naming sentence)
        d.description = pp.description


def _set_amount(d: Draft, pp: ProseProject, lines: Sequence[BodyLine]) -> None:
    a, s = pp.amount, pp.sentence
    if a is None:
        return
    d.amount_sek, d.amount_raw, d.amount_approx = a.sek, a.raw, a.approximate
    head = a.raw.split()[0]
    # the sum stands in the sentence, or later in its paragraph ("… en studie kallad ”X”.
    # … föreslår att studien beviljas 350 000:-")
    end = s.last
    while end + 1 < len(lines) and lines[end + 1].text.strip() and not lines[end + 1].heading:
        end += 1
    d.amount_line = next((k for k in range(s.first, end + 1) if head in lines[k].text), s.first)
    d.amount_evidence = s.text


def prose_drafts(
    lines: Sequence[BodyLine],
    ctx: Context,
    places: Callable[[str], list[Place]],
    drafts: Sequence[Draft],
    report: bool = False,
) -> list[Draft]:
    """Projects granted or carried out with a sum in one sentence of running text, and
    projects reported one per sub-heading (`sections`)."""
    out: list[Draft] = []
    sents = _all_sentences(lines)
    heads = [ln.heading for ln in lines]
    para_of: dict[int, str] = {}
    for p in paragraphs([ln.text for ln in lines], [ln.page_no for ln in lines], heads):
        for s in p.sentences:
            para_of.setdefault(s.first, p.text)
    taken = {k for d in drafts for k in range(d.first_line, d.last_line + 1)}
    found = find_headed_projects(lines, sents, places)
    named = {fold(pp.name) for pp in found}
    found += [
        pp
        for pp in find_section_projects(lines, sents, places, taken, report)
        if fold(pp.name) not in named
    ]
    found += find_prose_grants(sents, places, para_of)
    found += unread_subject_grants(found, sents, lines, places)
    found += find_commissioned_studies(sents, places)
    found += find_named_studies(sents, places, para_of) + find_opening_names(sents, places, para_of)
    read = {(pp.sentence.first, pp.amount.start if pp.amount else -1) for pp in found}
    found += [
        pp
        for pp in find_trip_grants(sents, places, ctx.fund_before, ctx.study_fund)
        if pp.sentence.first not in {first for first, _at in read} and not listed_trip(pp, drafts)
    ]
    shared = Counter(para_of.get(pp.sentence.first) for pp in found)
    for pp in [pp for pp in found if not kind_label(pp.name)]:  # ("Nya projekt": a group)
        pp.name = unlabelled(pp.name)  # "Projekt 1: Name" read as a section's heading
        if pp.amount is not None and pp.amount.sek < LEAST_SUM:
            pp.amount = None  # ("KALKYL PROJEKT 1   kr": a caption's number and unit)
        same = _same_draft(pp.name, [*drafts, *out])
        s = pp.sentence
        funds = find_funds(pp.fund_text or s.text, ctx.study_fund)
        if same is not None:
            many = sum(1 for d in [*drafts, *out] if d.name and fold(d.name) in fold(s.text)) > 1
            _complete(same, dataclasses.replace(pp, amount=None) if many else pp, lines)
            if same.fund_type is None:
                same.fund_type = funds[-1][2] if funds else ctx.fund_before(s.first)
            continue
        d = Draft(
            name=pp.name,
            fund_type=funds[-1][2] if funds else ctx.fund_before(s.first),
            year=pp.year
            # the year nearest the project's sum ("föreslås få 250 tkr …, som påbörjades
            # 2024"): the year that sum is for, when the sentence names several
            or sentence_year(s.text, near=_sum_at(pp, s.text))
            or ctx.year_at(s.first),
            status=pp.status,
            performer=pp.performer,
            page_no=s.page_no,
            evidence=s.text,
            confidence=0.6,
            first_line=s.first,
            last_line=s.last,
            places=list(pp.places),
            desc_lines=pp.body,
            # its own paragraph describes it, unless the paragraph names other projects too
            description=pp.description
            or (para_of.get(s.first) if shared[para_of.get(s.first)] == 1 else s.text),
        )
        _set_amount(d, pp, lines)
        if d.status in ("genomförd", "pågående") and called_off(d.description or ""):
            d.status = "beviljad"  # ("Resan … ställdes in": granted, never carried out)
        if d.status == "ansökt":
            # the sum applied for, not yet the project's money (a state grant's is one)
            d.amount_kind = "state_grant" if d.fund_type == "statsbidrag" else "other"
        out.append(d)
    return without_theme_headings(out)


def _sum_at(pp: ProseProject, text: str) -> int | None:
    """Where the project's sum stands in its sentence, if it does."""
    if pp.amount is None:
        return None
    at = text.find(pp.amount.raw)
    return at if at >= 0 else None


def subject_draft(
    title: str | None,
    lines: Sequence[BodyLine],
    ctx: Context,
    own: Sequence[Place],
    drafts: Sequence[Draft],
    year: int | None,
) -> list[Draft]:
    """The project an ärende's title is about ("Ansökan om … för projektet X")."""
    got = subject_project(title)
    if got is None or title is None:
        return []
    name, status = got
    known = _same_draft(name, drafts)
    if known is not None:
        # the title says what the ärende does with the project another reader found
        known.status = status if status == "ansökt" else known.status or status
        known.places = known.places or list(own)
        if known.status == "ansökt" and known.amount_kind == "project_cost":
            # the sum applied for, not yet the project's money (a state grant's is one)
            known.amount_kind = "state_grant" if known.fund_type == "statsbidrag" else "other"
        known.year = sentence_year(title) or known.year or year
        return []
    funds = find_funds(title, ctx.study_fund)
    first = next((k for k, ln in enumerate(lines) if fold(name) in fold(ln.text)), 0)
    whole = partnership_total(lines) if subject_partner(title) else None
    return [
        Draft(
            amount_sek=whole[0].sek if whole else None,
            amount_raw=whole[0].raw if whole else None,
            amount_line=whole[1].first if whole else None,
            amount_evidence=whole[1].text if whole else "",
            name=name,
            fund_type=funds[0][2] if len(funds) == 1 else None,
            year=sentence_year(title) or year,
            status=status,
            page_no=lines[first].page_no if lines else 1,
            evidence=title,
            confidence=0.6,
            first_line=first,
            last_line=first,
            places=list(own),
            performer=subject_partner(title),
        )
    ]


def row_fund(evidence: str, study_fund: str = "MUL") -> str | None:
    """The one fund a table row names itself ("… | LUM | Pågår | 385"), or None."""
    named = {f for _s, _e, f in find_funds(evidence, study_fund)}
    return named.pop() if len(named) == 1 else None


def _apply_row(d: Draft, row: TableRow, ref: dt.date | None) -> None:
    d.amount_sek = row.cost
    d.amount_raw = row.cost_raw
    d.amount_approx = row.approximate
    d.amount_line = row.first_line
    d.amount_evidence = row.evidence
    d.amount_kind = row.amount_kind
    d.fund_type = d.fund_type or row_fund(row.evidence)
    if row.funder is not None and STATE_FUNDER.search(fold(row.funder)):
        # "Statens kulturråd", "Länsstyrelsen …" in its "Finansiär" cell: the state's grant
        d.fund_type = "statsbidrag"
        if d.amount_kind == "project_cost":
            d.amount_kind = "state_grant"
    if row.decided is not None:
        d.status = row.decided or None
    if row.year is not None:
        d.year = row.year
    if row.multi_year:
        d.year = None  # a study's sums over several years: no single year
    if row.end_date is not None:
        d.end_date = row.end_date
        if ref is not None:
            d.status = "genomförd" if row.end_date <= ref else "pågående"
    if row.performer:
        # the table's performer column decides (the text's fuller spelling, when they agree)
        perf = row.performer
        if d.performer is not None and _same(d.performer, perf) and len(d.performer) >= len(perf):
            perf = d.performer
        d.performer = canonical_org(perf, org_finder())
    d.evidence = f"{d.evidence} | {row.evidence}"


def _same(a: str, b: str, strict: bool = False) -> bool:
    return (fuzz.ratio if strict else fuzz.token_set_ratio)(fold(a), fold(b)) >= 80 + 10 * strict
