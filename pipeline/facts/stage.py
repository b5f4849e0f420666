"""Stage 3: projects, amounts, criteria and district mentions from an understood document.

``extract`` is the recipe. It reads the body (page furniture removed) as a list of lines
with their headings (``body``), then applies one reader per form the documents use (see the
modules in ``pipeline.facts``):

* ``items``       enumerated and bulleted project items
* ``lists``       numbered "Name, District" lists and introduced lists
* ``two_column``  two-column district | project lists
* ``blocks``      a block per owner (owner line, project line), sums in an owner | amount list
* ``grid``        column-laid-out tables (``rows`` gives their rows the shape of the others)
* ``tables``      project tables (Studie | Genomförs av | Klart | Kostnad …)
* ``projects``    studies under their own headings, joined to their table rows
* ``named``       projects the text names without a list or table
* ``prose``       grants in one sentence of running text, and the project a title is about
* ``describe``    what a described project's own text says: owner, performer, end, sum
* ``criteria``    criteria, priorities and focus areas of a call

Each finding becomes a draft (``drafts``); ``merge`` joins drafts that are one project,
``drafts.number_projects`` mints their ids (``ids``); ``amounts`` gives every amount of the
body its role, fund and year (``roles``); ``mentions`` finds the district mentions through the
spaCy pipeline's DISTRICT entities.

Pure: no I/O except loading the gazetteer and the spaCy pipeline once per process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from pipeline.facts.amounts import all_amounts
from pipeline.facts.applicant_paragraphs import describe_by_applicant
from pipeline.facts.block_owners import district_heading
from pipeline.facts.blocks import find_block_projects
from pipeline.facts.body import body_lines, document_year, footnotes
from pipeline.facts.bracketed_names import find_bracketed_names
from pipeline.facts.co_applicants import (
    a_cue,
    own_application,
    partners_of_own,
    with_partners,
)
from pipeline.facts.context import (
    OPERATING_FUNDS,
    BodyLine,
    Context,
    document_fund,
    paired_funds,
    specific_fund,
    study_fund_of,
)
from pipeline.facts.criteria import find_criteria
from pipeline.facts.criteria_funds import of_a_call
from pipeline.facts.criteria_lists import numbered_through, without_previews
from pipeline.facts.dash_rows import find_dash_rows
from pipeline.facts.dashed_fields import find_dashed_field_records
from pipeline.facts.decided_items import applied_in_decisions, granted_in_decisions
from pipeline.facts.describe import (
    also_applies,
    complete_from_text,
    heading_over,
    is_application,
    is_report,
    says_ongoing,
    sums_named_later,
)
from pipeline.facts.district_groups import find_applicant_pairs, find_district_groups
from pipeline.facts.districts import counts_city_offices as offices_counted
from pipeline.facts.draft_repeats import completed_by
from pipeline.facts.drafts import (
    REJECTED,
    Draft,
    field_of_activity,
    from_list_row,
    from_named,
    names_a_project,
    number_projects,
    own_fund,
    reported_status,
    tidy_names,
)
from pipeline.facts.end_named import ends_named_later
from pipeline.facts.fact_cards import find_fact_cards
from pipeline.facts.field_blocks import find_field_blocks
from pipeline.facts.field_flow import find_field_flows
from pipeline.facts.finders import document_places, elsewhere, org_finder
from pipeline.facts.flat_tables import find_flat_tables
from pipeline.facts.footnote_places import footnote_places, footnoted_performer, marked_footnote
from pipeline.facts.fund_marked import find_fund_marked
from pipeline.facts.fund_totals import funds_from_totals
from pipeline.facts.grant_forms import grant_forms_of
from pipeline.facts.granted_heads import find_granted_heads, find_priced_heads
from pipeline.facts.granted_later import ends_for_all, granted_after_applied
from pipeline.facts.grid import find_grid_tables, table_lines
from pipeline.facts.headless_rows import find_headless_rows
from pipeline.facts.inline_list import find_inline_lists
from pipeline.facts.interim import interim_report, under_way_heading
from pipeline.facts.items import find_item_projects
from pipeline.facts.joint import joint_listings, short_names_merged
from pipeline.facts.keyed_owner_rows import find_keyed_owner_rows
from pipeline.facts.labelled_items import find_labelled_items
from pipeline.facts.lists import (
    ListRow,
    covered_by_places,
    find_intro_lists,
    find_numbered_projects,
    lead_places,
)
from pipeline.facts.local_money import own_local_money, renamed_funds
from pipeline.facts.mentions import mention_years, mentions, owned_units
from pipeline.facts.merge import join_studies, prose_drafts, subject_draft
from pipeline.facts.mixed_funding import mixed_funding
from pipeline.facts.named import (
    find_framed_studies,
    find_named_projects,
    find_one_named_project,
)
from pipeline.facts.numbered_rows import (
    describe_headed,
    describe_named_rows,
    describe_numbered_rows,
    told_of,
)
from pipeline.facts.one_application import one_application, sought_by_fund
from pipeline.facts.owner_cards import find_owner_cards
from pipeline.facts.owner_for_lists import find_owner_for_lists
from pipeline.facts.owner_heads import find_owner_heads
from pipeline.facts.owner_records import find_owner_records
from pipeline.facts.partner_performer import partner_performer
from pipeline.facts.partners import partners_named_later
from pipeline.facts.performers import spelled_out
from pipeline.facts.priced_blocks import cost_rows, find_priced_blocks
from pipeline.facts.projects import find_studies
from pipeline.facts.quoted_blocks import find_quoted_blocks
from pipeline.facts.register_rows import find_register_rows
from pipeline.facts.rows import continue_tables, grid_rows
from pipeline.facts.run_in import find_run_in_projects, short_name_of
from pipeline.facts.shared_sums import find_shared_sum_rows
from pipeline.facts.state_money import on_state_grant, state_money
from pipeline.facts.sum_kinds import (
    co_financed_costs,
    operating_grants,
    procured_amounts,
    running_activity,
    sought_amounts,
)
from pipeline.facts.tables import find_tables
from pipeline.facts.text_units import year_label
from pipeline.facts.two_column import find_two_column_lists
from pipeline.lang.fuzzy import fold
from pipeline.records import Criterion, Facts, UnderstoodDocument

EXTRACT_VERSION = 125

__all__ = ["EXTRACT_VERSION", "body_lines", "extract"]


def extract(doc: UnderstoodDocument) -> Facts:
    """Every fact the extraction rules find in one understood document."""
    lines = body_lines(doc)
    subject = doc.meta.subject or doc.meta.title  # what the document is about
    all_text = "\n".join(ln.text for ln in lines)
    year = document_year(doc, all_text)
    study = study_fund_of(all_text, year)
    head = "\n".join(ln.text for ln in doc.pages[0].lines[:12]) if doc.pages else ""
    away = elsewhere(head)  # (another municipality's paper)
    doc_fund = document_fund(subject, all_text, study, doc.meta.committee, away)
    ctx = Context(lines, year, study, doc_fund, paired=paired_funds(subject, study))
    ref = doc.meta.doc_date or doc.meta.meeting_date or (dt.date(year, 12, 31) if year else None)
    # a district named as when written ("Älvsjö" in 2019, not 2020's Hägersten-Älvsjö)
    written = doc.meta.doc_date or doc.meta.meeting_date
    places = document_places(year, written.year if written else None, all_text, head)
    orgs = org_finder()
    own = [p for p in places(doc.meta.committee_as_printed or doc.meta.committee or "")]
    grids = find_grid_tables(lines)
    rows_of_grid = [grid_rows(t, year, places, own) for t in grids]
    # the lines of a table read into project rows (a table of no projects leaves its lines)
    in_grid = {
        k for t, got in zip(grids, rows_of_grid, strict=True) if got for k in table_lines(t, lines)
    }

    def listed(rows: Sequence[ListRow]) -> list[Draft]:
        # (a row named by a place alone, "(Skärholmen, medsökande Farsta)" under a wrapped
        # name, or a co-applicant's cue, "Kungsholmen (medsökande" ⏎ "Norrmalm)", is none)
        return [
            from_list_row(r, lines, ctx)
            for r in rows
            if not covered_by_places(r.name.strip(" ()"), places(r.name.strip(" ()")))
            and not a_cue(r.name)
        ]

    drafts: list[Draft] = [
        d for d in listed(find_item_projects(lines, places, own)) if d.first_line not in in_grid
    ]
    in_grid |= _lines_of(drafts)
    # a table without a header is a table: its rows are no two-column list
    drafts += [d for d in listed(find_headless_rows(lines, places)) if d.first_line not in in_grid]
    in_grid |= _lines_of(drafts)
    # numbered and two-column lists give way to tables and item lists only
    for early in (
        listed(find_numbered_projects(lines, places)),
        listed(find_two_column_lists(lines, places)),
    ):
        drafts += [d for d in early if d.first_line not in in_grid]
    # each later reader gives way to every project read before it
    taken = _lines_of(drafts) | in_grid
    readers: tuple[Callable[[], list[Draft]], ...] = (
        lambda: listed(find_applicant_pairs(lines, places)),
        lambda: listed(find_fund_marked(lines, places, ctx.study_fund)),
        lambda: listed(find_owner_cards(lines, places)),
        lambda: listed(find_intro_lists(lines, places, own)),
        lambda: listed(find_inline_lists(lines, places, own)),
        lambda: listed(find_owner_for_lists(lines, places)),
        lambda: listed(find_block_projects(lines, places)),
        lambda: listed(find_field_flows(lines, places)),
        lambda: find_field_blocks(lines, ctx, places, own),
        lambda: listed(find_labelled_items(lines, places, own)),
        lambda: listed(find_dash_rows(lines, places, own)),
        lambda: listed(find_keyed_owner_rows(lines, places) + find_register_rows(lines, places)),
        lambda: listed(find_fact_cards(lines, places)),
        lambda: listed(find_shared_sum_rows(lines, places)),
        lambda: listed(find_bracketed_names(lines, places)),
        lambda: listed(find_granted_heads(lines, places, own)),
        lambda: listed(find_district_groups(lines, places)),
        lambda: listed(find_flat_tables(lines, places)),
        lambda: listed(find_priced_blocks(lines, places, own)),
        lambda: listed(find_owner_heads(lines, places, own)),
        lambda: listed(find_owner_records(lines, places)),
        lambda: listed(find_quoted_blocks(lines, places, own)),
        lambda: listed(find_dashed_field_records(lines, places, own)),
        lambda: listed(find_priced_heads(lines, places, own)),
    )
    for read in readers:
        completed_by(drafts, got := read())  # (what an earlier reader of its lines left out)
        drafts += [d for d in got if d.first_line not in taken]
        taken |= _lines_of(drafts)
    gone = cost_rows(lines, [d.first_line for d in drafts], [d.name for d in drafts])
    drafts = [d for d in drafts if d.first_line not in gone]  # ("Budget" over cost items)
    rows = [
        r
        for r in find_tables(lines, orgs, lambda t: lead_places(t, places)[1])
        if r.first_line not in in_grid
    ]
    rows += [r for got in rows_of_grid for r in got]
    costs = cost_rows(lines, [r.first_line for r in rows], [r.name for r in rows])
    rows = [r for r in rows if r.first_line not in costs]
    continue_tables(grids, rows)
    rows.sort(key=lambda r: r.first_line)
    studies = find_studies(lines, ctx, rows, orgs, ref)
    drafts += join_studies(studies, rows, lines, ctx, ref, drafts, places)
    for n in find_named_projects(lines, ctx, places, orgs, ref):
        if any(fuzz.ratio(fold(n.name), fold(d.name)) >= 90 for d in drafts):
            continue
        drafts.append(from_named(n))
    # a district's name heading its grants ("Bromma" over "Bromma sdf beviljas …"): no project
    drafts = [d for d in drafts if not covered_by_places(d.name, places(d.name))]
    drafts += prose_drafts(lines, ctx, places, drafts, is_report(subject))
    taken = _lines_of(drafts)
    drafts += [
        d
        for d in find_run_in_projects(lines, ctx, is_report(subject), places)
        if d.first_line not in taken
        and not any(fuzz.ratio(fold(d.name), fold(o.name)) >= 90 for o in drafts)
        and not short_name_of(d.name, drafts)
        # (a paragraph under a heading that repeats a listed project's name describes it)
        and not told_of(lines, d.first_line, drafts)
    ]
    # who carries out a listed project is no project of its own ("Föreningen X" over its sum)
    performers = {fold(d.performer) for d in drafts if d.performer}
    drafts = [d for d in drafts if d.amount_sek is not None or fold(d.name) not in performers]
    # a list of questions ("Följs beviljade bidrag upp?"), a review's, names no projects
    asked = [d for d in drafts if d.name.rstrip().endswith("?") and d.amount_sek is None]
    drafts = [
        d
        for d in drafts
        if names_a_project(d.name)
        # (a heading that names a field of activity heads a budget follow-up's part)
        and not (field_of_activity(d.name) and _headed_by_name(d, lines, ctx))
        and not (len(asked) > 1 and d in asked)
        and not covered_by_places(d.name, places(d.name))
    ]
    drafts = tidy_names(drafts, places)
    drafts += subject_draft(subject, lines, ctx, own, drafts, year)
    if not drafts:
        # studies a decision names with their cost's frame; else the one project named
        drafts += [from_named(n) for n in find_framed_studies(lines, ctx, places, orgs, ref)]
    if not drafts and (one := find_one_named_project(lines, ctx, places, orgs, ref)):
        drafts.append(from_named(one))
    describe_numbered_rows(drafts, grids, lines)
    describe_named_rows(drafts, grids, lines)
    describe_headed(drafts, lines)
    notes = footnotes(doc)
    for d in drafts:
        # "… stödboenden*" ⏎ "* … Bromma"
        marked = marked_footnote(d, lines, notes, places, first_only=bool(d.places))
        if not d.places:  # ("… i fyra stadsdelar¹" with a footnote that names four)
            d.places = marked or footnote_places(d, lines, notes, places)
        else:  # "Riksby*" ⏎ "* … tillsammans med Hässelby-Vällingby, som är medsökande"
            d.places += [
                p for p in marked if p.district_id not in {q.district_id for q in d.places}
            ]
    own_district = [p for p in own if p.kind == "stadsdelsförvaltning"]
    named_at = {d.first_line for d in drafts}  # (headings that are projects' names)
    for d in drafts:
        if d.description:
            complete_from_text(d, d.description, places, orgs, own_district)
        d.performer = partner_performer(d.evidence, d.performer, places)
        if not d.places:
            d.places = district_heading(ctx, lines, d.first_line, places, named_at)
        d.places = with_partners(d.places, f"{d.evidence}\n{d.description or ''}", own_district)
        d.places += partners_of_own(d, own_district, places)
        fund = specific_fund(own_fund(d, ctx.study_fund) or d.fund_type, ctx, d.evidence)
        d.fund_type = None if mixed_funding(d.description, fund) else fund
    funds_from_totals(drafts, lines, ctx.study_fund)
    for d in drafts:  # "USK" in a table, "Utrednings- och statistikkontoret" in the text
        p = footnoted_performer(d, lines, notes)  # ("Karin Ahl¹": the footnote's organisation)
        d.performer = (spelled_out(p, all_text, places) or None) if p else None
    texts, heads = [ln.text for ln in lines], [ln.heading for ln in lines]
    describe_by_applicant(drafts, texts, heads, places, orgs)
    partners_named_later(drafts, texts, heads, places)
    sums_named_later(drafts, texts)
    granted_after_applied(drafts, texts)
    ends_named_later(drafts, texts)  # "… att studien X förlängs till och med juni 2007"
    ends_for_all(drafts, texts)  # "Projekten har avslutats under år 2001"
    report = is_report(subject)
    applying = is_application(subject)
    if applying or also_applies(subject):
        own_application(drafts, own_district, places)
    if applying:
        drafts += applied_in_decisions(doc.decisions, drafts, lines, ctx, own_district, places)
        sought_by_fund(drafts, lines, ctx.study_fund, places, own_district)
    drafts += granted_in_decisions(doc.decisions, drafts, lines, ctx, places)
    if applying and len(works := [d for d in drafts if d.fund_type not in ("MUST", "MUL")]) == 1:
        one_application(works[0], lines, orgs)  # (the project, beside any study trips)
    for d in drafts:
        # money for a year after the document's date is granted or applied for: new studies
        if ref and d.year and d.year > ref.year and d.status in ("pågående", "genomförd"):
            d.status = "beviljad"
        # a decision's studies that end later are granted now, not under way, unless their
        # own text (or heading: "Pågående studier") says they go on
        if (
            not report
            and d.status == "pågående"
            and d.end_date is not None
            and not says_ongoing(d.evidence, d.description, heading_over(ctx, lines, d.first_line))
        ):
            d.status = "beviljad"
        if applying and d.status in (None, "beviljad", "pågående"):
            d.status = "ansökt"  # an application's projects are applied for
        elif not report and under_way_heading(d.status, ctx, lines, d.first_line, d.description):
            d.status = "pågående"  # (told under "Pågående studier", granted nothing now)
        elif report and d.status == "beviljad":
            # a report's project granted earlier is what its own text says it now is
            # ("Projektet avslutades i december 2023"), else what the title or a heading
            # over it says ("Genomförda studiebesök 2011")
            told = fold(f"{subject} {heading_over(ctx, lines, d.first_line, said=True)}")
            done = "genomförd" if _DONE_TITLE.search(told) else d.status
            d.status = reported_status(d.description or "", d.end_date, ref) or done
            if d.status == "beviljad" and interim_report(subject, d.year, ref, d.fund_type):
                d.status = "pågående"  # (a follow-up in the year of the money: under way)
    # "År 2010   620 000 kronor" under "… följande belopp:": a year's instalment, no project
    drafts = [d for d in drafts if not year_label(d.name)]
    drafts.sort(key=lambda d: d.first_line)
    drafts = short_names_merged(joint_listings(drafts))
    own_money = grant_forms_of(subject) | own_local_money(
        doc.meta.committee, [d.fund_type for d in drafts], [d.performer for d in drafts], away
    )
    for d in drafts:
        if d.fund_type not in OPERATING_FUNDS:  # (those tell running activities, below)
            d.fund_type = own_money.get(d.fund_type, d.fund_type)
    projects = number_projects(doc.doc_id, drafts)
    rejected = {p.project_id for d, p in zip(drafts, projects, strict=True) if d.status == REJECTED}

    amounts = [
        dataclasses.replace(a, fund_type=specific_fund(a.fund_type, ctx))
        if a.project_id not in rejected
        # the sum of an application turned down was applied for
        else dataclasses.replace(
            a, fund_type=specific_fund(a.fund_type, ctx), project_id=None, kind="other"
        )
        for a in all_amounts(doc.doc_id, lines, ctx, drafts, projects, grids)
    ]
    granted_state = on_state_grant(subject, ctx.default_fund, applying, all_text)
    amounts = state_money(amounts, granted_state, report, doc.meta.committee, all_text, subject)
    if applying:
        amounts = co_financed_costs(amounts, all_text)
    amounts = procured_amounts(amounts, subject)
    # an application turned down is still a project applied for, with the sum it asked for
    projects = [
        dataclasses.replace(p, status="ansökt") if p.project_id in rejected else p for p in projects
    ]
    amounts = sought_amounts(amounts, projects)
    running = {
        p.project_id for d, p in zip(drafts, projects, strict=True) if running_activity(d, lines)
    }
    projects, amounts = renamed_funds(*operating_grants(projects, amounts, running), own_money)
    called = [c for c in find_criteria(lines, ctx) if of_a_call(c.fund_type, c.evidence, subject)]
    criteria = tuple(
        Criterion(
            own_money.get(c.fund_type, c.fund_type) if away else c.fund_type,
            *(c.year, c.position, c.text, c.kind, c.page_no, c.evidence, c.confidence),
        )
        for c in numbered_through(without_previews(called))
    )
    return Facts(
        doc_id=doc.doc_id,
        projects=tuple(projects),
        amounts=tuple(amounts),
        criteria=criteria,
        mentions=owned_units(
            projects,
            own_district,
            mentions(
                lines,
                notes,
                mention_years(doc, year),
                # the social committees' own tjänsteutlåtanden name the city's offices as
                # actors (their meeting pages list items, where only districts count)
                offices_counted(all_text)
                or (
                    doc.meta.committee in _SOCIAL_COMMITTEES
                    and doc.meta.doc_type == "tjänsteutlåtande"
                ),
            ),
        ),
    )


#: a report's title that says its projects are done ("… projekt som genomförts under 2023")
_DONE_TITLE = re.compile(r"\b(?:genomforts|genomforda|avslutats|avslutade|slutforda)\b")


def _headed_by_name(d: Draft, lines: Sequence[BodyLine], ctx: Context) -> bool:
    """Is the draft's name the heading of its own section?"""
    return any(
        fold(lines[h].text.strip()) == fold(d.name) for h in ctx.headings_above(d.first_line)[:1]
    )


def _lines_of(drafts: Sequence[Draft]) -> set[int]:
    """The body lines the drafts were read from."""
    return {k for d in drafts for k in range(d.first_line, d.last_line + 1)}


_SOCIAL_COMMITTEES = frozenset({"Socialnämnden", "Socialtjänstnämnden"})
