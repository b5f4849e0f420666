"""Stage 4: projects, amounts, criteria and district mentions from an understood document.

The stage reads the body (page furniture removed) as a list of lines with their headings,
then applies one reader per form the documents use (see the modules in ``pipeline.facts``):

* ``lists``     numbered "Name, District" lists and two-column district | project lists
* ``tables``    project tables (Studie | Genomförs av | Klart | Kostnad …)
* ``projects``  studies under their own headings, joined to their table rows
* ``roles``     every amount of the body with its role, fund and year
* ``criteria``  criteria, priorities and focus areas of a call
* district mentions through the spaCy pipeline's DISTRICT entities.

Pure: no I/O except loading the gazetteer and the spaCy pipeline once per process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.facts import ids
from pipeline.facts.context import (
    GENERIC_FUNDS,
    BodyLine,
    Context,
    Paragraph,
    cue_hits,
    dehyphen_join,
    document_fund,
    find_funds,
    paragraphs,
    sentence_year,
    sentences,
    strongest,
    study_fund_of,
)
from pipeline.facts.criteria import find_criteria
from pipeline.facts.describe import complete_from_text
from pipeline.facts.districts import counts_city_offices as offices_counted
from pipeline.facts.grid import GridTable, find_grid_tables
from pipeline.facts.items import find_item_projects, split_owner
from pipeline.facts.lists import (
    ListRow,
    Place,
    find_intro_lists,
    find_numbered_projects,
    find_two_column_lists,
    lead_places,
)
from pipeline.facts.projects import (
    NamedProject,
    Study,
    _all_sentences,
    canonical_org,
    find_named_projects,
    find_studies,
    match_row,
)
from pipeline.facts.prose import (
    ProseProject,
    find_headed_projects,
    find_prose_grants,
    subject_project,
)
from pipeline.facts.roles import (
    Role,
    amount_fund,
    amount_role,
    amount_year,
    find_money_tables,
    list_item_text,
)
from pipeline.facts.spacy_pipeline import gazetteer, get_nlp
from pipeline.facts.tables import TableRow, find_tables, parse_end_date
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.records import (
    Amount,
    Criterion,
    DistrictMention,
    Facts,
    Project,
    ProjectDistrict,
    UnderstoodDocument,
)

EXTRACT_VERSION = 11

__all__ = ["EXTRACT_VERSION", "body_lines", "extract"]

_STATUS_ORDER = ("genomförd", "pågående", "beviljad", "ansökt")
_ROW_MATCH = 78.0  # how well a table row's name must match a study heading or listed project


def extract(doc: UnderstoodDocument) -> Facts:
    """Every fact the extraction rules find in one understood document."""
    lines = body_lines(doc)
    all_text = "\n".join(ln.text for ln in lines)
    year = _document_year(doc, all_text)
    study = study_fund_of(all_text)
    ctx = Context(
        lines,
        default_year=year,
        study_fund=study,
        default_fund=document_fund(doc.meta.title, all_text, study),
    )
    ref = doc.meta.doc_date or doc.meta.meeting_date or (dt.date(year, 12, 31) if year else None)
    places = _place_finder(year)
    orgs = _org_finder()

    grids = find_grid_tables(lines)
    in_grid = {k for t in grids for k in range(t.header_line, t.last_line + 1)}
    own = [p for p in places(doc.meta.committee_as_printed or doc.meta.committee or "")]
    drafts: list[_Draft] = [
        _from_list_row(r, lines, ctx)
        for r in find_item_projects(lines, places, own)
        if r.first_line not in in_grid
    ]
    in_grid |= {k for d in drafts for k in range(d.first_line, d.last_line + 1)}
    drafts += [
        _from_list_row(r, lines, ctx)
        for r in find_numbered_projects(lines, places)
        if r.first_line not in in_grid
    ]
    drafts += [
        _from_list_row(r, lines, ctx)
        for r in find_two_column_lists(lines, places)
        if r.first_line not in in_grid
    ]
    taken = {k for d in drafts for k in range(d.first_line, d.last_line + 1)} | in_grid
    drafts += [
        _from_list_row(r, lines, ctx)
        for r in find_intro_lists(lines, places, own)
        if r.first_line not in taken
    ]
    rows = [
        r
        for r in find_tables(lines, orgs, lambda t: lead_places(t, places)[1])
        if r.first_line not in in_grid
    ]
    rows += [r for t in grids for r in _grid_rows(t, year, places, own)]
    _continue_tables(grids, rows)
    rows.sort(key=lambda r: r.first_line)
    studies = find_studies(lines, ctx, rows, orgs, ref)
    drafts += _join_studies(studies, rows, lines, ctx, ref, drafts, places)
    for n in find_named_projects(lines, ctx, places, orgs, ref):
        if any(fuzz.ratio(fold(n.name), fold(d.name)) >= 90 for d in drafts):
            continue
        drafts.append(_from_named(n))
    drafts += _prose_drafts(lines, ctx, places, drafts)
    drafts += _subject_draft(doc.meta.title, lines, ctx, own, drafts, year)
    notes = footnotes(doc)
    for d in drafts:
        if not d.places and d.desc_lines is not None:
            d.places = _footnote_places(d, lines, notes, places)
    own_district = [p for p in own if p.kind == "stadsdelsförvaltning"]
    for d in drafts:
        if d.description:
            complete_from_text(d, d.description, places, orgs, own_district)
    for d in drafts:
        d.fund_type = _specific_fund(d.fund_type, ctx)
    for d in drafts:
        # money for a year after the document's date is granted (or applied for), not yet
        # under way or carried out: a plan's new studies
        later = ref is not None and d.year is not None and d.year > ref.year
        if later and d.status in ("pågående", "genomförd"):
            d.status = "beviljad"
    drafts.sort(key=lambda d: d.first_line)
    projects = _number(doc.doc_id, drafts)

    amounts = [
        dataclasses.replace(a, fund_type=_specific_fund(a.fund_type, ctx))
        for a in _amounts(doc.doc_id, lines, ctx, drafts, projects, grids)
    ]
    criteria = tuple(
        Criterion(
            c.fund_type, c.year, c.position, c.text, c.kind, c.page_no, c.evidence, c.confidence
        )
        for c in find_criteria(lines, ctx)
    )
    return Facts(
        doc_id=doc.doc_id,
        projects=tuple(projects),
        amounts=tuple(amounts),
        criteria=criteria,
        mentions=tuple(
            _mentions(lines, notes, _mention_years(doc, year), offices_counted(all_text))
        ),
    )


# --------------------------------------------------------------------------- body


def body_lines(doc: UnderstoodDocument) -> list[BodyLine]:
    """The body lines of a document in reading order, with headings marked."""
    where: dict[tuple[int, int], int] = {}
    for si, s in enumerate(doc.sections):
        for ln in s.lines:
            where[(ln.page_no, ln.line_no)] = si
    heads: dict[tuple[int, str], tuple[int, int]] = {}
    for si, s in enumerate(doc.sections):
        if s.heading.strip():
            heads.setdefault((s.page_no, _norm(s.heading)), (si, s.level))
    out: list[BodyLine] = []
    current = -1
    for page in doc.pages:
        for ln in page.lines:
            if ln.furniture is not None:
                continue
            key = (ln.page_no, ln.line_no)
            text = ln.text.strip()
            head = heads.get((ln.page_no, _norm(text))) if text and key not in where else None
            if head is not None:
                current = head[0]
                heads.pop((ln.page_no, _norm(text)), None)
                out.append(BodyLine(text, ln.page_no, True, head[1], current))
                continue
            if key in where:
                current = where[key]
            indent = len(ln.text) - len(ln.text.lstrip(" "))
            out.append(BodyLine(text, ln.page_no, False, 0, current, indent))
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def _document_year(doc: UnderstoodDocument, text: str) -> int | None:
    """The year the document is about: its title's year (the latest named), else the year of
    its date or meeting, else of its dnr, else the commonest year in the text."""
    if doc.meta.title:
        years = [int(y) for y in re.findall(r"\b((?:19[89]|20[0-4])\d)\b", doc.meta.title)]
        if years:
            return years[0] if len(years) == 1 else _title_year(doc.meta.title, years)
    for d in (doc.meta.doc_date, doc.meta.meeting_date):
        if d is not None:
            return d.year
    if doc.meta.dnr:
        m = re.search(r"((?:19[89]|20[0-4])\d)\b", doc.meta.dnr)
        if m:
            return int(m.group(1))
    years = re.findall(r"\b((?:19[89]|20[0-4])\d)\b", text)
    if not years:
        return None
    return int(max(set(years), key=years.count))


def _title_year(title: str, years: list[int]) -> int:
    """A title naming several years ("Inriktning … 2019 samt redovisning … 2017"): the first."""
    return years[0]


def footnotes(doc: UnderstoodDocument) -> list[tuple[int, str]]:
    """The footnotes of each page, ``(page_no, text)``; a footnote starts with its number."""
    out: list[tuple[int, str]] = []
    for page in doc.pages:
        cur: list[str] = []
        for ln in page.lines:
            if ln.furniture != "footnote" or not ln.text.strip():
                continue
            if re.match(r"^\S{1,2}\s", ln.text) and cur:
                out.append((page.page_no, dehyphen_join(cur)))
                cur = []
            cur.append(ln.text)
        if cur:
            out.append((page.page_no, dehyphen_join(cur)))
    return out


_COUNT_WORDS = {
    "tva": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "atta": 8,
    "nio": 9,
    "tio": 10,
}
_FOOTNOTE_START = re.compile(r"^\d{1,2}\s+[A-ZÅÄÖ]")
_DISTRICT_COUNT = re.compile(
    r"\b(tva|tre|fyra|fem|sex|sju|atta|nio|tio|\d{1,2})\s+(?:stadsdel\w*|sdf)\b"
)


def _footnote_places(
    d: _Draft,
    lines: Sequence[BodyLine],
    notes: Sequence[tuple[int, str]],
    find: Callable[[str], list[Place]],
) -> list[Place]:
    """Districts of a project named in a footnote: the text counts them ("tre stadsdelar",
    "(tre sdf)") and a footnote on the same pages lists exactly that many."""
    text = fold(f"{d.description or ''} {d.evidence}")
    m = _DISTRICT_COUNT.search(text)
    if m is None or d.desc_lines is None:
        return []
    word = m.group(1)
    n = int(word) if word.isdigit() else _COUNT_WORDS[word]
    pages = {ln.page_no for ln in lines[d.first_line : d.last_line + 1]}
    # footnotes that the layout reader left in the body: a numbered line on the same pages
    in_body = [
        (ln.page_no, dehyphen_join([ln.text, lines[k + 1].text if k + 1 < len(lines) else ""]))
        for k, ln in enumerate(lines)
        if ln.page_no in pages and _FOOTNOTE_START.match(ln.text)
    ]
    for page, note in [*notes, *in_body]:
        if page not in pages:
            continue
        found = [p for p in find(note) if p.kind == "stadsdelsförvaltning"]
        ids = list(dict.fromkeys(p.district_id for p in found))
        if len(ids) == n:
            return [next(p for p in found if p.district_id == i) for i in ids]
    return []


# --------------------------------------------------------------------------- gazetteer


def _place_finder(year: int | None) -> Callable[[str], list[Place]]:
    gaz = gazetteer()

    def find(text: str) -> list[Place]:
        return [
            Place(m.start, m.end, m.district_id, m.name_as_printed, m.kind, m.score)
            for m in gaz.find_districts(text, year)
        ]

    return find


def _org_finder() -> Callable[[str], list[tuple[int, int, str]]]:
    gaz = gazetteer()

    def find(text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.name) for m in gaz.find_orgs(text)]

    return find


# --------------------------------------------------------------------------- projects


@dataclass(kw_only=True)
class _Draft:
    name: str
    fund_type: str | None
    year: int | None
    status: str | None
    amount_sek: int | None = None
    performer: str | None = None
    end_date: dt.date | None = None
    description: str | None = None
    page_no: int
    evidence: str
    confidence: float
    first_line: int
    last_line: int
    places: list[Place] = field(default_factory=list)
    amount_raw: str | None = None
    amount_approx: bool = False
    amount_line: int | None = None
    amount_evidence: str = ""
    desc_lines: tuple[int, int] | None = None
    amount_kind: str = "project_cost"


def _intro_text(lines: Sequence[BodyLine], i: int, before: bool = False) -> str:
    """The sentence that introduces a list: the one that line `i` is part of (with a wrapped
    short last line), or with `before` the last two sentences ending just above line `i`."""
    first = i
    while (
        first > 0
        and lines[first - 1].text.strip()
        and not lines[first - 1].heading
        and i - first < 4
        and (before or lines[first - 1].text.rstrip()[-1:] not in ".!?:")
    ):
        first -= 1
    last = i - 1 if before else i
    if not before and i + 1 < len(lines) and len(lines[i + 1].text.split()) <= 3:
        last = i + 1
    sents = sentences([lines[k].text for k in range(first, last + 1)])
    if not sents:
        return ""
    return " ".join(x.text for x in sents[-2:]) if before else sents[-1].text


def _status(text: str, default: str | None) -> str | None:
    score = strongest(cue_hits(text, "status"))
    if not score:
        return default
    best = max(score.items(), key=lambda kv: (kv[1], -_STATUS_ORDER.index(kv[0])))
    return best[0]


def _from_list_row(r: ListRow, lines: Sequence[BodyLine], ctx: Context) -> _Draft:
    intro_line = r.intro_line if r.intro_line is not None else r.first_line
    intro = _intro_text(lines, intro_line, before=r.form == "numbered")
    heading = next((lines[h].text for h in ctx.headings_above(intro_line)), "")
    funds = find_funds(intro, ctx.study_fund)
    fund = funds[-1][2] if funds else ctx.fund_before(intro_line)
    year = sentence_year(intro) or sentence_year(heading) or ctx.year_at(intro_line)
    status = _status(f"{heading}. {intro}", "beviljad")
    d = _Draft(
        name=r.name,
        fund_type=fund,
        year=year,
        status=status,
        performer=r.performer,
        description=r.description,
        page_no=r.page_no,
        evidence=r.evidence,
        confidence=0.85 if r.places else 0.6,
        first_line=r.first_line,
        last_line=r.last_line,
        places=list(r.places),
        desc_lines=(r.first_line + 1, r.last_line) if r.description else None,
    )
    if r.amount is not None:
        d.amount_sek, d.amount_raw, d.amount_approx = r.amount, r.amount_raw, r.amount_approx
        d.amount_line = r.amount_line
        d.amount_evidence = r.evidence
    return d


def _join_studies(
    studies: Sequence[Study],
    rows: Sequence[TableRow],
    lines: Sequence[BodyLine],
    ctx: Context,
    ref: dt.date | None,
    listed: Sequence[_Draft],
    places: Callable[[str], list[Place]],
) -> list[_Draft]:
    """Studies joined to their table rows; a row that names a listed project completes that
    project; the other rows are projects of their own."""
    out: list[_Draft] = []
    used: set[int] = set()
    for st in studies:
        best = max(
            ((match_row(st.name, r, st.text), k) for k, r in enumerate(rows) if k not in used),
            default=(0.0, -1),
        )
        row = rows[best[1]] if best[0] >= _ROW_MATCH else None
        d = _Draft(
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
        out.append(d)
    for k, r in enumerate(rows):
        if k in used:
            continue
        same = [d for d in listed if match_row(d.name, r, "") >= _ROW_MATCH]
        if same:
            _apply_row(same[0], r, ref)
            continue
        fund = ctx.fund_before(r.first_line)
        anchor = r.header_line if r.header_line is not None else r.first_line
        heading = next((lines[h].text for h in ctx.headings_above(anchor)), "")
        intro = _intro_text(lines, r.header_line, before=True) if r.header_line else ""
        funds = find_funds(intro, ctx.study_fund) if intro else []
        if funds:
            fund = funds[-1][2]
        d = _Draft(
            name=r.name,
            fund_type=fund,
            year=sentence_year(intro) or sentence_year(heading) or ctx.year_at(r.first_line),
            status=_status(f"{heading}. {intro}", "beviljad" if r.header_line else None),
            page_no=r.page_no,
            evidence=r.evidence,
            confidence=0.6,
            first_line=r.first_line,
            last_line=r.last_line,
            places=places(r.district_text) if r.district_text else [],
        )
        _apply_row(d, r, ref)
        out.append(d)
    return out


def _continue_tables(grids: Sequence[GridTable], rows: list[TableRow]) -> None:
    """A table that stopped without its Summa row and one with the same columns further on
    (in a Bilaga, "tabellen fortsätter i bilaga 1") are one table: the later rows are read in
    the light of the first one's introduction."""
    for prev, nxt in zip(grids, grids[1:], strict=False):
        if prev.total is None and prev.roles == nxt.roles:
            for r in rows:
                if r.header_line == nxt.header_line:
                    r.header_line = prev.header_line


def _specific_fund(fund: str | None, ctx: Context) -> str | None:
    """The generic "FoU-medel" names no fund of its own: it is the fund the document is
    about when it is about one, else unknown."""
    if fund not in GENERIC_FUNDS:
        return fund
    return ctx.default_fund if ctx.default_fund not in GENERIC_FUNDS else None


def _same_draft(name: str, drafts: Sequence[_Draft]) -> _Draft | None:
    f = fold(name)
    return next((d for d in drafts if fuzz.ratio(f, fold(d.name)) >= 85 or f in fold(d.name)), None)


def _complete(d: _Draft, pp: ProseProject, lines: Sequence[BodyLine]) -> None:
    """A project found by another reader (a study heading) gets what the sentence about its
    money says and it lacks: the owner, the sum and the status."""
    if not d.places and pp.places:
        d.places = list(pp.places)
    if d.status is None:
        d.status = pp.status
    if d.amount_sek is None and pp.amount is not None:
        _set_amount(d, pp, lines)


def _set_amount(d: _Draft, pp: ProseProject, lines: Sequence[BodyLine]) -> None:
    a, s = pp.amount, pp.sentence
    if a is None:
        return
    d.amount_sek, d.amount_raw, d.amount_approx = a.sek, a.raw, a.approximate
    head = a.raw.split()[0]
    d.amount_line = next((k for k in range(s.first, s.last + 1) if head in lines[k].text), s.first)
    d.amount_evidence = s.text


def _prose_drafts(
    lines: Sequence[BodyLine],
    ctx: Context,
    places: Callable[[str], list[Place]],
    drafts: Sequence[_Draft],
) -> list[_Draft]:
    """Projects granted or carried out with a sum in one sentence of running text."""
    out: list[_Draft] = []
    sents = _all_sentences(lines)
    heads = [ln.heading for ln in lines]
    para_of: dict[int, str] = {}
    for p in paragraphs([ln.text for ln in lines], [ln.page_no for ln in lines], heads):
        for s in p.sentences:
            para_of.setdefault(s.first, p.text)
    found = find_headed_projects(lines, sents, places) + find_prose_grants(sents, places, para_of)
    shared = Counter(para_of.get(pp.sentence.first) for pp in found)
    for pp in found:
        same = _same_draft(pp.name, [*drafts, *out])
        if same is not None:
            _complete(same, pp, lines)
            continue
        s = pp.sentence
        funds = find_funds(s.text, ctx.study_fund)
        d = _Draft(
            name=pp.name,
            fund_type=funds[-1][2] if funds else ctx.fund_before(s.first),
            year=sentence_year(s.text) or ctx.year_at(s.first),
            status=pp.status,
            page_no=s.page_no,
            evidence=s.text,
            confidence=0.6,
            first_line=s.first,
            last_line=s.last,
            places=list(pp.places),
            # its own paragraph describes it, unless the paragraph names other projects too
            description=(para_of.get(s.first) if shared[para_of.get(s.first)] == 1 else s.text),
        )
        _set_amount(d, pp, lines)
        out.append(d)
    return out


def _subject_draft(
    title: str | None,
    lines: Sequence[BodyLine],
    ctx: Context,
    own: Sequence[Place],
    drafts: Sequence[_Draft],
    year: int | None,
) -> list[_Draft]:
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
        known.year = sentence_year(title) or known.year
        return []
    funds = find_funds(title, ctx.study_fund)
    first = next((k for k, ln in enumerate(lines) if fold(name) in fold(ln.text)), 0)
    return [
        _Draft(
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
        )
    ]


def _grid_rows(
    t: GridTable,
    year: int | None,
    places: Callable[[str], list[Place]],
    own: Sequence[Place] = (),
) -> list[TableRow]:
    """The rows of a column-laid-out table, in the shape of the other table readers' rows.
    A row whose district cell ran into its name (a gap too narrow to see) is split at the
    trailing run of district names. In a table without a district column (a stadsdelsnämnd's
    own projects) the owner is the committee's district, with any "(medsökande …)" printed
    under the name."""
    out: list[TableRow] = []
    for r in t.rows:
        district = r.text("district") or None
        name_only, owners = split_owner(r.text("name"), places)
        if district is None and owners:
            r.cells["name"] = [name_only]
            district = " ".join(p.name_as_printed for p in owners)
        if district is None and "district" not in t.roles and own and "performer" not in t.roles:
            district = " ".join(p.name_as_printed for p in own)
        end = parse_end_date(r.text("end"), year) if r.text("end") else None
        amount, raw, approx = r.amount, r.amount_raw, r.amount_approx
        kind = "project_cost"
        if amount is None and r.applied is not None:
            amount, raw, approx, kind = r.applied, r.applied_raw, False, "other"
        name = _clean_cell(r.text("name"))
        if not name:
            continue
        out.append(
            TableRow(
                name=name,
                performer=_clean_cell(r.text("performer")) or None,
                end_date=end[3] if end else None,
                end_raw=end[2] if end else None,
                cost=amount,
                cost_raw=raw,
                approximate=approx,
                first_line=r.first_line,
                last_line=r.last_line,
                page_no=r.page_no,
                evidence=r.evidence,
                header=" | ".join(c.header for c in t.columns),
                district_text=_clean_cell(district) if district else None,
                header_line=t.header_line,
                amount_kind=kind,
            )
        )
    return out


def _clean_cell(s: str) -> str:
    """A cell's text with its wrapped lines joined: "- " that a wrapped dash became is a dash
    again, a word broken at a hyphen is whole again, a trailing full stop goes."""
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"(\w)- (?=[a-zåäö])", r"\1", s)
    s = re.sub(r"(\w)- (?=[A-ZÅÄÖ])", r"\1-", s)  # "Hägersten- Liljeholmen"
    s = re.sub(r"\s+-\s+", " – ", s)
    return s.rstrip(" .,;")


def _from_named(n: NamedProject) -> _Draft:
    amounts = find_amounts(n.text)
    return _Draft(
        name=n.name,
        fund_type=n.fund_type,
        year=n.year,
        status=n.status,
        amount_sek=amounts[0].sek if amounts else None,
        performer=n.performer,
        end_date=n.end_date,
        description=n.text,
        page_no=n.page_no,
        evidence=n.text,
        confidence=0.5,
        first_line=n.first_line,
        last_line=n.last_line,
        places=list(n.places),
        desc_lines=(n.first_line, n.last_line),
    )


def _apply_row(d: _Draft, row: TableRow, ref: dt.date | None) -> None:
    d.amount_sek = row.cost
    d.amount_raw = row.cost_raw
    d.amount_approx = row.approximate
    d.amount_line = row.first_line
    d.amount_evidence = row.evidence
    d.amount_kind = row.amount_kind
    if row.end_date is not None:
        d.end_date = row.end_date
        if ref is not None:
            d.status = "genomförd" if row.end_date <= ref else "pågående"
    if row.performer:
        # the table's performer column decides; the running text spells the same name in
        # full, so its spelling wins when the two agree
        perf = row.performer
        if d.performer is not None and _same(d.performer, perf) and len(d.performer) >= len(perf):
            perf = d.performer
        d.performer = canonical_org(perf, _org_finder())
    d.evidence = f"{d.evidence} | {row.evidence}"


def _same(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(fold(a), fold(b)) >= 80


def _number(doc_id: str, drafts: Sequence[_Draft]) -> list[Project]:
    out: list[Project] = []
    seen: set[str] = set()
    pids = ids.project_ids(doc_id, [(d.name, d.fund_type) for d in drafts])
    for d, pid in zip(drafts, pids, strict=True):
        districts: list[ProjectDistrict] = []
        for p in d.places:
            if p.district_id not in seen:
                districts.append(ProjectDistrict(p.district_id, p.name_as_printed))
            seen.add(p.district_id)
        seen.clear()
        out.append(
            Project(
                project_id=pid,
                name=d.name,
                fund_type=d.fund_type,
                year=d.year,
                status=d.status,
                amount_sek=d.amount_sek,
                performer=d.performer,
                end_date=d.end_date,
                description=d.description,
                page_no=d.page_no,
                evidence=d.evidence,
                confidence=d.confidence,
                districts=tuple(districts),
            )
        )
    return out


# --------------------------------------------------------------------------- amounts


def _amounts(
    doc_id: str,
    lines: Sequence[BodyLine],
    ctx: Context,
    drafts: Sequence[_Draft],
    projects: Sequence[Project],
    grids: Sequence[GridTable] = (),
) -> list[Amount]:
    out: list[Amount] = []
    row_lines: set[tuple[int, int]] = set()  # (line, sek) of amounts printed in list/table rows
    found: list[tuple[int, Amount]] = []
    for t in grids:
        for r in t.rows:
            owner = next(
                (p for d, p in zip(drafts, projects, strict=True) if d.first_line == r.first_line),
                None,
            )
            for sek, raw, line, yr in r.extra:
                row_lines.add((line, sek))
                found.append(
                    (
                        line,
                        Amount(
                            amount_id="",
                            sek=sek,
                            raw=raw,
                            approximate=False,
                            kind="project_cost",
                            fund_type=owner.fund_type if owner else ctx.fund_before(line),
                            year=yr or (owner.year if owner else ctx.year_at(line)),
                            project_id=owner.project_id if owner else None,
                            page_no=lines[line].page_no,
                            evidence=r.evidence,
                            confidence=0.75,
                        ),
                    )
                )
        if t.total is None or t.total_line is None:
            continue
        row_lines.add((t.total_line, t.total))
        statuses = {d.status for d in drafts if t.header_line <= d.first_line <= t.last_line}
        funds = [d.fund_type for d in drafts if t.header_line <= d.first_line <= t.last_line]
        years = [d.year for d in drafts if t.header_line <= d.first_line <= t.last_line]
        found.append(
            (
                t.total_line,
                Amount(
                    amount_id="",
                    sek=t.total,
                    raw=t.total_raw or str(t.total),
                    approximate=False,
                    kind="other" if statuses == {"ansökt"} else "total_granted",
                    fund_type=funds[0] if funds else ctx.fund_before(t.total_line),
                    year=years[0] if years else ctx.year_at(t.total_line),
                    project_id=None,
                    page_no=lines[t.total_line].page_no,
                    evidence=t.total_evidence,
                    confidence=0.8,
                ),
            )
        )
    for d, p in zip(drafts, projects, strict=True):
        if d.amount_sek is None or d.amount_line is None:
            continue
        row_lines.add((d.amount_line, d.amount_sek))
        found.append(
            (
                d.amount_line,
                Amount(
                    amount_id="",
                    sek=d.amount_sek,
                    raw=d.amount_raw or str(d.amount_sek),
                    approximate=d.amount_approx,
                    kind=d.amount_kind,
                    fund_type=d.fund_type,
                    year=d.year,
                    project_id=p.project_id,
                    page_no=d.page_no,
                    evidence=d.amount_evidence,
                    confidence=0.85,
                ),
            )
        )
    heads = [ln.heading for ln in lines]
    in_grid = {k for t in grids for k in range(t.header_line, t.last_line + 1)}
    for ta in find_money_tables([ln.text for ln in lines], heads):
        # budget, financing and per-district tables (no project column): unit from the header
        if ta.line in in_grid or (ta.line, ta.sek) in row_lines:
            continue
        row_lines.add((ta.line, ta.sek))
        found.append(
            (
                ta.line,
                Amount(
                    amount_id="",
                    sek=ta.sek,
                    raw=ta.raw,
                    approximate=ta.approximate,
                    kind=ta.kind,
                    fund_type=ctx.fund_before(ta.line),
                    year=ta.year or ctx.year_at(ta.line),
                    project_id=None,
                    page_no=lines[ta.line].page_no,
                    evidence=ta.evidence,
                    confidence=ta.confidence,
                ),
            )
        )
    for para in paragraphs([ln.text for ln in lines], [ln.page_no for ln in lines], heads):
        found += _paragraph_amounts(para, lines, ctx, drafts, projects, row_lines)
    found.sort(key=lambda t: t[0])
    aids = ids.amount_ids(doc_id, [(a.page_no, a.raw, a.evidence) for _line, a in found])
    out += [
        dataclasses.replace(a, amount_id=aid) for (_line, a), aid in zip(found, aids, strict=True)
    ]
    return out


def _paragraph_amounts(
    para: Paragraph,
    lines: Sequence[BodyLine],
    ctx: Context,
    drafts: Sequence[_Draft],
    projects: Sequence[Project],
    row_lines: set[tuple[int, int]],
) -> list[tuple[int, Amount]]:
    out: list[tuple[int, Amount]] = []
    heading = next((lines[h].text for h in ctx.headings_above(para.first)), "")
    offset = 0
    for s in para.sentences:
        pos_in_para = para.text.find(s.text, offset)
        offset = max(offset, pos_in_para) if pos_in_para >= 0 else offset
        found = find_amounts(s.text)
        for m in found:
            if _in_row(m.raw, m.sek, s.first, s.last, lines, row_lines):
                continue
            owner = _owner(s.first, drafts, projects)
            spans = [(o.start, o.end) for o in found if o is not m]
            role = amount_role(s.text, para.text, heading, m.per, (m.start, m.end), spans)
            item = _list_item(m.raw, s.first, s.last, lines)
            if item is not None and m.per is None:
                # an amount that ends a list item: read from the item alone; uncued, it is
                # the item's (a project's) sum
                at = item.rfind(m.raw.strip())
                role = amount_role(item, "", "", None, (at, at + len(m.raw.strip())), [])
                if not role.cued:
                    role = Role("project_cost", 0.6, role.scores, False)
            kind = role.kind
            if owner is not None and kind == "other" and not role.cued and m.per is None:
                kind = "project_cost"
            fund = amount_fund(
                s.text,
                m.start,
                para.text,
                (pos_in_para + m.start) if pos_in_para >= 0 else None,
                # an amount in running text takes no document-wide fund: a city-wide budget
                # in a LUM decision is not LUM money
                _list_fund_before(s.first, drafts)
                or ctx.fund_before(s.first, with_default=False)
                or (owner.fund_type if owner is not None else None)
                # ... but the cost of a study or project the document is about is its money
                or (ctx.default_fund if _ABOUT_PROJECT.search(fold(s.text)) else None),
                kind,
                ctx.study_fund,
            )
            year = amount_year(s.text, m.start, ctx.year_at(s.first))
            out.append(
                (
                    s.first,
                    Amount(
                        amount_id="",
                        sek=m.sek,
                        raw=m.raw,
                        approximate=m.approximate,
                        kind=kind,
                        fund_type=fund,
                        year=year,
                        project_id=owner.project_id if owner is not None else None,
                        page_no=s.page_no,
                        evidence=s.text,
                        confidence=role.confidence,
                    ),
                )
            )
    return out


#: a sentence about one of the document's studies or projects (its cost is that fund's money)
_ABOUT_PROJECT = re.compile(
    r"\b(?:studien|studierna|projektet|projekten|utvarderingen|kartlaggningen|forstudien)\b"
)


def _list_item(raw: str, first: int, last: int, lines: Sequence[BodyLine]) -> str | None:
    """The text of the enumerated or bulleted list item that the amount ends, on one of the
    lines first..last, if any."""
    texts = [ln.text for ln in lines]
    for k in range(first, last + 1):
        item = list_item_text(texts, k, raw)
        if item is not None:
            return item
    return None


def _in_row(
    raw: str, sek: int, first: int, last: int, lines: Sequence[BodyLine], rows: set[tuple[int, int]]
) -> bool:
    """The amount is a row's own (already recorded with its project)."""
    return any(
        (k, sek) in rows and (raw in lines[k].text or raw.split()[0] in lines[k].text)
        for k in range(first, last + 1)
    )


def _list_fund_before(line: int, drafts: Sequence[_Draft]) -> str | None:
    """The fund of a project list that ends just above `line` (its closing sentence)."""
    for d in drafts:
        if d.desc_lines is None and 0 < line - d.last_line <= 4 and d.fund_type:
            return d.fund_type
    return None


def _owner(line: int, drafts: Sequence[_Draft], projects: Sequence[Project]) -> Project | None:
    """The project whose description paragraph holds line `line`, if any."""
    for d, p in zip(drafts, projects, strict=True):
        if d.desc_lines is not None and d.desc_lines[0] <= line <= d.desc_lines[1]:
            return p
    return None


# --------------------------------------------------------------------------- mentions


def _mention_years(doc: UnderstoodDocument, year: int | None) -> tuple[int, ...]:
    """The years a document is of: its subject year, its date's and its meeting's."""
    dates = (doc.meta.doc_date, doc.meta.meeting_date)
    return tuple(sorted({y for y in (year, *(d.year for d in dates if d)) if y is not None}))


def _mentions(
    lines: Sequence[BodyLine],
    notes: Sequence[tuple[int, str]],
    years: Sequence[int] = (),
    city_offices: bool = True,
) -> list[DistrictMention]:
    """Every district, förvaltning or unit named in the body or its footnotes that is a
    mention of it (``Gazetteer.mention``)."""
    gaz = gazetteer()
    nlp = get_nlp()
    out: list[DistrictMention] = []
    seen: set[tuple[str, str, int]] = set()
    heads = [ln.heading for ln in lines]
    texts = [
        (s.text, s.page_no)
        for para in paragraphs([ln.text for ln in lines], [ln.page_no for ln in lines], heads)
        for s in para.sentences
    ] + list((t, p) for p, t in notes)
    docs = nlp.pipe((t for t, _p in texts), disable=["money_entities", "date_entities"])
    for (_text, page), sdoc in zip(texts, docs, strict=True):
        for ent in sdoc.ents:
            if ent.label_ != "DISTRICT" or not ent._.district_id:
                continue
            unit = gaz.mention(
                sdoc.text, ent.start_char, ent.end_char, ent._.district_id, years, city_offices
            )
            if unit is None:
                continue
            key = (unit.id, ent.text, page)
            if key in seen:
                continue
            seen.add(key)
            out.append(DistrictMention(unit.id, ent.text, page, ent._.score))
    return out
