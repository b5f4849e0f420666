"""Projects described under their own headings, and how they join the table rows.

How the documents write them: an introducing sentence ("Följande stadsövergripande
projekt finansierade med FUM har pågått under året.") and then one sub-heading per study with
a paragraph that says who carries it out ("… har genomförts av <institution> vid <universitet>",
"<Konsult> har genomfört studien") and when it ends ("ska avslutas den 30 juni 2019").
The run of study headings ends at a heading that names another fund, at a standard part
("Ärendet", "Förvaltningens synpunkter"), or after the study table. A heading that matches
a row of a project table is a study too, with or without an introduction.

Status: the end date against the document's date (ended → genomförd, later → pågående),
else the paragraph's status cues ("slutrapporterades" → genomförd, "pågår" → pågående).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.facts.context import BodyLine, Context, find_funds, sentence_year
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.end_in_text import end_date_in
from pipeline.facts.finders import place_finder
from pipeline.facts.intro_status import decided_status
from pipeline.facts.lists import covered_by_places
from pipeline.facts.performers import (  # re-exported: the readers import them from here
    OrgFinder,
    canonical_org,
    performer_in,
    research_body_in,
)
from pipeline.facts.tables import TableRow, header_columns
from pipeline.facts.text_units import (
    dehyphen_join,
    generic_heading,
    run_in_name,
    section_heading,
)
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "OrgFinder",
    "Study",
    "canonical_org",
    "find_studies",
    "match_row",
    "performer_in",
    "research_body_in",
    "status_from",
]


_MATCH_MIN = 78.0
_AFTER_TABLE_MATCH = 85.0


@dataclass
class Study:
    name: str
    heading_line: int
    last_line: int
    page_no: int
    text: str
    performer: str | None
    end_date: dt.date | None
    status: str | None
    fund_type: str | None
    year: int | None
    aliases: tuple[str, ...] = ()


def _names_row(heading: str, r: TableRow) -> bool:
    """A heading after the table names a row when it is the row's name, near enough letter
    for letter (a loose match would take "Ekonomi" for "Digital ekonomisk rådgivning")."""
    h, n = fold(heading).strip(" .:"), fold(r.name)
    return fuzz.ratio(h, n) >= _AFTER_TABLE_MATCH


def status_from(text: str, end: dt.date | None, ref: dt.date | None) -> str | None:
    if end is not None and ref is not None:
        return "genomförd" if end <= ref else "pågående"
    score = strongest(cue_hits(text, "status"))
    score.pop("beviljad", None)
    score.pop("ansökt", None)
    if not score:
        return None
    return max(score.items(), key=lambda kv: kv[1])[0]


#: the name of a city unit alone ("Socialförvaltningen" over its address)
_UNIT_NAME = re.compile(r"(?:forvaltning\w*|kontoret|namnd\w*)$")


def _is_intro(text: str) -> bool:
    f = fold(text)
    if _COUNTED_GRANT.search(f) or _COUNTED_RUN.search(f):
        return True  # "… föreslagit att fyra av dem beviljas medel", "har drivit tre projekt"
    return bool(cue_hits(text, "list_intro")) and bool(
        re.search(r"projekt|studie|uppdrag|utvardering|utredningar|kartlaggning", f)
    )


#: a sentence that says how many of the applications are granted: what follows are they
_COUNTED_GRANT = re.compile(
    r"\b(?:tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|\d{1,2})\s+"
    r"(?:av\s+(?:dem|dessa|ansokningarna|projekten)|projekt|studier|ansokningar)\b"
    r"[^.]{0,60}\b(?:beviljas|tilldelas|far medel|foreslas)\b"
)


#: a heading over studies or projects that follow under headings of their own ("Föreslagna studier")
_KIND_HEADING = re.compile(
    r"^(?:(?:de\s+)?(?:foreslagna|beviljade|planerade|pagaende|avslutade|genomforda|nya|"
    r"bestallda|sokta)\s+(?:studier(?:na)?|projekt(?:en)?|utvarderingar(?:na)?|uppdrag(?:en)?))"
    r"(?:\s+(?:19|20)\d\d)?\s*:?$"
)
#: a report's count of the projects it ran: "har bedrivit tre utvecklingsprojekt"
_COUNTED_RUN = re.compile(
    r"\b(?:bedrivit|drivit|genomfort|haft|startat|bedrivits|drivits|genomforts)\s+"
    r"(?:tva|tre|fyra|fem|sex|sju|atta|nio|tio|\d{1,2})\s+\w*(?:projekt|studier)\b"
)


#: "3. Föreningsbidrag", "2.1 Projekt med extern finansiering": a report's numbered section
_NUMBERED_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÅÄÖ][^.]{0,60}$")


def _soft_heads(lines: Sequence[BodyLine]) -> set[int]:
    """Lines set as headings that the layout reading missed, in a run of sections under a
    kind heading ("Projekten" over one section per project): a short line after a blank
    line, no full stop and no sum, with its paragraph right under it."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if not _KIND_HEADING.match(fold(ln.text.strip())):
            continue
        for k in range(i + 1, len(lines)):
            text = lines[k].text.strip()
            if lines[k].heading and (lines[k].level == 1 or section_heading(text)):
                break
            if (
                not lines[k].heading
                and text
                and not lines[k - 1].text.strip()
                and _paragraph_under(lines, k)
                and len(text.split()) <= _MAX_SOFT_HEAD_WORDS
                and text[:1].isupper()
                and not text.endswith((".", ":", ","))
                and not find_amounts(text)
                and not _under_heading(lines, k, out)
            ):
                out.add(k)
    return out


def _paragraph_under(lines: Sequence[BodyLine], k: int) -> bool:
    """Whether a paragraph opens right under line `k` (or after one blank line): a line
    that starts a sentence."""
    for j in (k + 1, k + 2):
        if j < len(lines) and lines[j].text.strip():
            return lines[j].text.strip()[:1].isupper() and (
                j == k + 1 or not lines[k + 1].text.strip()
            )
    return False


def _under_heading(lines: Sequence[BodyLine], k: int, soft: set[int]) -> bool:
    """Whether the nearest line with text above line `k` is a heading: `k` opens its
    paragraph."""
    j = next((j for j in range(k - 1, -1, -1) if lines[j].text.strip()), None)
    return j is not None and (lines[j].heading or j in soft)


_MAX_SOFT_HEAD_WORDS = 12
#: a line that ends in a sum set in a column at the right: an item of a list, no heading
_SUM_AT_RIGHT = re.compile(r"\s{2,}\d{1,3}(?:[ \u00a0]\d{3})*\s*(?:kr|kronor|tkr)\.?$", re.I)


def find_studies(
    lines: Sequence[BodyLine],
    ctx: Context,
    table_rows: Sequence[TableRow] = (),
    find_orgs: OrgFinder | None = None,
    ref_date: dt.date | None = None,
) -> list[Study]:
    """Studies under their own headings: after an introducing sentence, or naming a row."""
    heads = sorted({i for i, ln in enumerate(lines) if ln.heading} | _soft_heads(lines))
    chosen: list[int] = []
    intro_of: dict[int, int] = {}
    # 1. runs of headings after an introducing sentence
    for i, ln in enumerate(lines):
        kind_heading = bool(_KIND_HEADING.match(fold(ln.text.strip())))
        if not (kind_heading or (not ln.heading and _is_intro(ln.text))):
            continue
        nxt = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].text.strip()), None)
        if nxt is None or not lines[nxt].heading and not _next_is_heading(lines, i):
            continue
        if kind_heading and not lines[nxt].heading:
            continue  # a heading of the kind ("Beviljade projekt") over a list, not sections
        fund = _fund_near(lines, i, ctx)
        table_at = min((r.first_line for r in table_rows if r.first_line > i), default=len(lines))
        caps: bool | None = None  # whether the run's studies have capital headings
        for h in heads:
            if h <= i:
                continue
            if h > table_at:
                break  # the study table closes the run
            hl = lines[h]
            if hl.level == 1 or header_columns(hl.text) or section_heading(hl.text):
                break  # (the document's own part: "Bidrag till föreningar", "Personal")
            if caps is False and hl.text.isupper():
                break  # "INRIKTNING AV ARBETET" after mixed-case studies: the next part
            f = find_funds(hl.text, ctx.study_fund)
            if f and fund and f[0][2] != fund:
                break
            if (
                _is_table_line(lines, h, table_rows)
                or generic_heading(hl.text)
                or _district_row(hl.text)  # "Bromma     Name": a two-column list's row
                or _SUM_AT_RIGHT.search(hl.text)  # "Name   340 000 kr": a list's item
            ):
                continue
            if len(hl.text.split()) <= 3 and _UNIT_NAME.search(fold(hl.text.strip(" .,:"))):
                continue  # a förvaltning's name over its address, not a study
            chosen.append(h)
            intro_of[h] = i
            caps = hl.text.isupper() if caps is None else caps
    # 2. headings that name a table row, before the table or after it (a table, then a
    #    section on each of its projects)
    for r in table_rows:
        for h in heads:
            if (
                h not in chosen
                and not _is_table_line(lines, h, table_rows)
                and not section_heading(lines[h].text)  # "Uppföljning": the document's part
                and match_row(lines[h].text, r, "") >= _MATCH_MIN
                and (h < r.first_line or (h > r.last_line and _names_row(lines[h].text, r)))
            ):
                chosen.append(h)
    out: list[Study] = []
    # a numbered section the layout did not set as a heading ("3. Föreningsbidrag") ends one
    sections = {
        k
        for k, ln in enumerate(lines)
        if _NUMBERED_SECTION.match(ln.text.strip()) and (k == 0 or not lines[k - 1].text.strip())
    }
    seen: set[str] = set()
    for h in sorted(set(chosen)):
        if fold(_heading_name(lines[h].text)) in seen:
            continue  # the same study's heading again (over its costs in a Bilaga)
        end = next((k for k in sorted(set(heads) | sections) if k > h), len(lines))
        end = min([end] + [r.first_line - 1 for r in table_rows if r.first_line > h])
        body = [lines[k].text for k in range(h + 1, end) if lines[k].text.strip()]
        # a header line of a table ends the paragraph
        for k, t in enumerate(body):
            if header_columns(t):
                body = body[:k]
                break
        text = dehyphen_join(body)
        if not text:
            continue
        intro = intro_of.get(h)
        if (
            intro is not None
            and not find_amounts(text)
            and not cue_hits(text, "performer_verb")
            and section_heading(lines[h].text)
        ):
            # a section of the report itself after its studies ("Pågående arbete",
            # "Spridning av resultaten"): no sum, nobody who carries anything out
            continue
        if intro is not None and len(lines[h].text.split()) == 1 and section_heading(lines[h].text):
            continue  # "Ekonomi" after the studies: the document's own section, sums or not
        fund = _fund_near(lines, intro, ctx) if intro is not None else ctx.fund_at(h)
        year = sentence_year(lines[intro].text) if intro is not None else None
        end_date = end_date_in(text)
        seen.add(fold(_heading_name(lines[h].text)))
        out.append(
            Study(
                name=_heading_name(lines[h].text),
                heading_line=h,
                last_line=end - 1,
                page_no=lines[h].page_no,
                text=text,
                performer=performer_in(text, find_orgs)
                or research_body_in(text, find_orgs, supporting=False),
                end_date=end_date,
                status=decided_status(
                    lines[intro].text if intro is not None else "",
                    status_from(text, end_date, ref_date),
                ),
                fund_type=fund,
                year=year or ctx.year_at(h),
                aliases=tuple(re.findall(r"\(([A-ZÅÄÖ]{2,8})\)", text)),
            )
        )
    return out


def _next_is_heading(lines: Sequence[BodyLine], i: int) -> bool:
    k = i + 1
    while k < len(lines) and lines[k].text.strip() and not lines[k].heading:
        k += 1  # the introduction may wrap
        if k - i > 2:
            return False
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    return k < len(lines) and lines[k].heading


def _is_table_line(lines: Sequence[BodyLine], h: int, rows: Sequence[TableRow]) -> bool:
    return any(r.first_line <= h <= r.last_line for r in rows)


def _district_row(text: str) -> bool:
    """A line whose first cell, a column gap before the rest, is a district or förvaltning
    ("Bromma                      Kvalitetssäkrad utredning av …"): a list's row."""
    cells = re.split(r"\s{3,}", text.strip(), maxsplit=1)
    if len(cells) < 2:
        return False
    places = place_finder(None)(cells[0])
    return bool(places) and covered_by_places(cells[0], places)


def _fund_near(lines: Sequence[BodyLine], i: int, ctx: Context) -> str | None:
    f = find_funds(lines[i].text, ctx.study_fund)
    if f:
        return f[-1][2]
    return ctx.fund_before(i)


#: "Studie 2: ", "Projekt B – " before a project's name in its heading
_LABEL_PREFIX = re.compile(
    r"^(?:(?:delprojekt|projekt|studie|utvärdering|uppdrag)\s+(?:\d{1,2}|[A-H])\s*[:.–-]|"
    # "Nytt projekt: Name", "Pågående studie: Name": what kind of project, then its name
    r"(?:nytt|nya|ny|pågående|fortsatt|avslutat|avslutad)\s+(?:projekt|studie|uppdrag)\s*:)"
    r"\s*(?=\S)",
    re.IGNORECASE,
)


def _heading_name(heading: str) -> str:
    """A study's name from its heading line; a run-in heading ("Studie 1. Name. Studien
    följer …") ends at its first full stop."""
    return _tidy_name(run_in_name(_LABEL_PREFIX.sub("", heading.strip())))


def _tidy_name(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" .,:;")


def match_row(heading: str, row: TableRow, text: str) -> float:
    """How well a table row's name (or an acronym in it) matches a study heading."""
    a = fold(row.name)
    b = fold(heading)
    if not a or not b:
        return 0.0
    # a short heading ("Ärendet") aligns somewhere inside any long name: partial only when
    # both are names
    partial = fuzz.partial_ratio(a, b) if min(len(a), len(b)) >= 8 else 0.0
    score = max(fuzz.ratio(a, b), partial)
    # a row name cut short by the table: compare with the heading's first words
    head_words = b.split()
    row_words = a.split()
    prefix = " ".join(head_words[: len(row_words)])
    score = max(score, fuzz.ratio(a, prefix) - (0 if len(row_words) >= 2 else 15))
    # the table's short name, its words in another order in the heading ("Registerstudie
    # ekonomiskt bistånd" for "Ekonomiskt bistånd till barnfamiljer – en registerstudie")
    content = {w[:6] for w in re.findall(r"\w{4,}", a)}
    said = {w[:6] for w in re.findall(r"\w{4,}", b)}
    if len(content) >= 2 and content <= said:
        score = max(score, 90.0)
    elif len(said) >= 2 and said <= content:
        score = max(score, 88.0)  # a short heading, the study the table names in full
    first = row.name.split()[0] if row.name.split() else ""
    if re.fullmatch(r"[A-ZÅÄÖ]{2,8}", first) and re.search(rf"\({re.escape(first)}\)", text):
        score = max(score, 95.0)
    return float(score)
