"""Document metadata: committee, document type, dnr, dates, title, handläggare, signatories.

Each field records the line it came from (`evidence`) and a confidence. Where a field can be
read from several places the most specific wins:

committee     "Till <nämnd>" in the page-1 header > "<Nämnd>s beslut" heading >
              "Protokoll(sutdrag) … <nämnd>" at the top > "<ABBR> <date>" in the header
              (SOTN 2005-04-19) > the committee named in the first decision > the
              förvaltning of the letterhead (Socialförvaltningen → Socialnämnden) > the
              committee named most often.
doc_type      weighted signals of ``patterns/doc_types.csv`` read at the top of page 1, on
              the first two pages and from the kinds of page-1 sections.
dnr           a labelled dnr on page 1 > a labelled dnr in a header > an unlabelled one of
              dnr shape on page 1 > a labelled one anywhere; a whole protocol's is its FoU §'s.
meeting_date  the date beside or under the committee in the "Till" block, beside a committee
              abbreviation, or after "sammanträde" at the top of page 1.
doc_date      another date of the page-1 header; for a protokoll(sutdrag) the meeting date.
title         the paragraph just above the first standard heading of page 1, else the text
              of an "Ärendet: <title>" heading; a whole protocol's, its FoU §'s heading or
              else its number ("Protokoll 6/2009").
handlaggare   the name after "Handläggare", on the same line or the next, with a committee
              read from the neighbouring letterhead column split off.

Readers: committees, signatories (and handläggare), titles, protocol_titles; letterhead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold
from pipeline.records import CleanPage, DocumentMeta, Section
from pipeline.understand.committees import _columns_joined, _committee, find_committees
from pipeline.understand.dates import ISO_DATE, find_dates
from pipeline.understand.dnr import find_dnrs
from pipeline.understand.flat import FLAT_LINE_CHARS, FlatPage
from pipeline.understand.letterhead import _SAMMANTRADE, _TILL, HEAD_CHARS, TOP_LINES, _Field, _top
from pipeline.understand.meeting_pages import agenda, meeting_page, meeting_page_fields
from pipeline.understand.page_titles import (
    NAVIGATION,
    PUBLISHED,
    cover_title,
    headline_over_date,
    item_cover_title,
    print_header_title,
    report_cover_title,
)
from pipeline.understand.protocol_titles import genre_paragraph, protocol_title
from pipeline.understand.sections import HeadingLine
from pipeline.understand.signatories import _handlaggare
from pipeline.understand.titles import (
    _PARAGRAPH_MARK,
    _flat_title,
    _title,
    caps_over_subtitle,
    kind_over_subject,
    labelled_subject,
    lone_subject,
    paragraph_title,
)
from pipeline.understand.vocabulary import pattern_rows

__all__ = ["extract_meta"]


def extract_meta(
    pages: tuple[CleanPage, ...],
    sections: tuple[Section, ...],
    headings: list[HeadingLine],
    title_lines: list[int],
    flat: list[FlatPage] | None = None,
) -> DocumentMeta:
    """Metadata from the repaired pages, their sections and the page-1 title lines; `flat`
    are the pages flattened to one line each (`flat.flat_pages`), if any."""
    if not pages:
        return DocumentMeta()
    p1 = pages[0]
    fields: dict[str, _Field] = {}
    page = meeting_page(p1) or agenda(p1)
    if page is not None:
        meeting_page_fields(fields, page, pages, sections, headings)
    else:
        _document_fields(fields, pages, sections, headings, title_lines, flat or [])

    def val(name: str) -> object:
        f = fields.get(name)
        return f.value if f is not None else None

    comm = val("committee")
    dnr_v = val("dnr")
    return DocumentMeta(
        committee=comm[0] if isinstance(comm, tuple) else None,
        committee_as_printed=comm[1] if isinstance(comm, tuple) else None,
        doc_type=str(val("doc_type")) if val("doc_type") else None,
        dnr=dnr_v[0] if isinstance(dnr_v, tuple) else None,
        dnr_as_printed=dnr_v[1] if isinstance(dnr_v, tuple) else None,
        doc_date=_as_date(val("doc_date")),
        meeting_date=_as_date(val("meeting_date")),
        title=str(val("title")) if val("title") else None,
        handlaggare=str(val("handlaggare")) if val("handlaggare") else None,
        subject=str(val("subject")) if val("subject") else None,
        evidence={k: f.evidence for k, f in fields.items()},
        confidence={k: f.confidence for k, f in fields.items()},
    )


def _document_fields(
    fields: dict[str, _Field],
    pages: tuple[CleanPage, ...],
    sections: tuple[Section, ...],
    headings: list[HeadingLine],
    title_lines: list[int],
    flat: list[FlatPage],
) -> None:
    p1 = pages[0]
    committee = _committee(pages, sections, headings)
    if committee is not None:
        fields["committee"] = committee
    meeting = _meeting_date(p1, committee)
    if meeting is not None:
        fields["meeting_date"] = meeting
    doc_type = _doc_type(pages, headings)
    fields["doc_type"] = doc_type
    dnr = _dnr(pages, flat)
    if dnr is not None:
        fields["dnr"] = dnr
    doc_date = _doc_date(p1, headings, meeting) or _signed_date(pages)
    if doc_type.value in ("protokollsutdrag", "protokoll") and meeting is not None:
        doc_date = _Field(meeting.value, meeting.evidence, meeting.confidence)
    if doc_date is not None:
        fields["doc_date"] = doc_date
    title = (
        print_header_title(p1)
        or item_cover_title(p1)
        or cover_title(p1)
        or report_cover_title(p1)
        or labelled_subject(p1)
        or _title(p1, title_lines, sections)
    )
    if title is not None and _below_paragraph_mark(p1, title_lines):
        # a protokollsutdrag's subject is its §'s heading; the lines the layout took for the
        # subject stand under it ("Kulturförvaltningen har i tjänsteutlåtande …")
        title = paragraph_title(pages) or title
    sentence = title is not None and title.evidence.rstrip().endswith(".")
    if title is not None and (str(title.value)[:1].islower() or sentence):
        # "föreningen, har träffat följande överenskommelse." is no title: an agreement's
        # kind over its subject is, or a line alone over the meeting's time and place
        title = (
            kind_over_subject(p1) or (lone_subject(p1, head=True) if sentence else None) or title
        )
    if title is None and flat:
        title = _flat_title(flat[0].text)
    if title is None:
        # "AVTAL" ⏎ "om bidrag till …" over "§ 1  Parter": the agreement's own title, not the
        # heading of its first clause
        title = kind_over_subject(p1) or paragraph_title(pages)
    if title is None:
        title = _named_in_letterhead(p1) or caps_over_subtitle(p1) or lone_subject(p1)
    elif _CHAPTER.match(str(title.value)):
        # "4.6 Föreningsbidrag" under "… stadsdelsnämnd   Verksamhetsberättelse 2019": a
        # chapter of the report the letterhead names
        title = _named_in_letterhead(p1) or title
    if title is None or PUBLISHED.match(str(title.value)) or NAVIGATION.match(str(title.value)):
        # "Nyhet  |  12 mars 2019": a web page's headline stands over its publication line
        title = headline_over_date(p1) or title
    if title is not None and _AGENDA.fullmatch(str(title.value)):
        title = lone_subject(p1, head=True) or title  # a notice's subject over its agenda
    named, own = protocol_title(pages), genre_paragraph(pages)  # (its § on FoU money)
    if named is not None and title is not None:
        fields["subject"] = own.title if own and own.main else title  # what the facts are about
    title = own.title if own else named or title
    fields.update({"dnr": own.dnr} if own and own.dnr and "dnr" not in fields else {})
    if title is not None:
        fields["title"] = title
    handl = _handlaggare(pages)
    if handl is not None:
        fields["handlaggare"] = handl


#: the heading of a notice's agenda, no title of its own: "Föredragningslista", "Dagordning"
_AGENDA = re.compile(r"\s*(?:föredragningslista|dagordning|ärendelista)\s*", re.IGNORECASE)

#: a plan's or report's name printed in the letterhead ("Verksamhetsplan 2016")
_KIND_WITH_YEAR = re.compile(
    r"^(?:verksamhetsplan|verksamhetsberättelse|årsrapport|årsredovisning|delårsrapport|"
    r"tertialrapport\s+\d|budget|verksamhetsplan och budget)\s+(?:för\s+)?(?:år\s+)?(?:19|20)\d\d$",
    re.IGNORECASE,
)


#: a numbered chapter's heading: "4.6 Föreningsbidrag och trygghetsmedel"
_CHAPTER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZÅÄÖ]|^\d{1,2}\s+[A-ZÅÄÖ][a-zåäö]")


def _named_in_letterhead(p1: CleanPage) -> _Field | None:
    """A document without a subject line is named by the plan or report its letterhead
    says it is ("Hässelby-Vällingby stadsdelsnämnd      Verksamhetsplan 2016")."""
    for ln in p1.lines[:3]:
        for cell in re.split(r"\s{2,}", ln.text.strip()):
            if _KIND_WITH_YEAR.match(cell):
                return _Field(cell, ln.text.strip(), 0.5)
    return None


def _below_paragraph_mark(p1: CleanPage, title_lines: list[int]) -> bool:
    """Does a "§ 14" line stand on page 1 above the lines read as the subject?"""
    if not title_lines:
        return False
    return any(_PARAGRAPH_MARK.match(p1.lines[k].text) for k in range(title_lines[0]))


def _as_date(v: object) -> dt.date | None:
    return v if isinstance(v, dt.date) else None


def _meeting_date(p1: CleanPage, committee: _Field | None) -> _Field | None:
    top = _top(p1)
    for text in top:
        if len(text) >= HEAD_CHARS:  # a flattened head: "… Till Socialnämnden 2019-05-21 …"
            for m in re.finditer(r"\bTill\s+(?=[A-ZÅÄÖ])", text):
                found = find_committees(text[m.end() : m.end() + 60])
                if found and found[0].start == 0:
                    rest = text[m.end() + found[0].end : m.end() + found[0].end + 30]
                    beside = [d for d in find_dates(rest) if d.date is not None]
                    if beside and beside[0].start <= 2:
                        return _Field(beside[0].date, text[m.start() : m.end() + 90], 0.8)
    joined = _columns_joined(top)
    for k, text in enumerate(top):
        if _TILL.search(text) and len(text) < 120:
            for j in range(k, min(k + 6, len(top))):
                cand = top[j]
                dates = [d for d in find_dates(cand) if d.date is not None]
                near = joined[max(0, j - 2) : j + 1]  # the committee above, perhaps wrapped
                if dates and (find_committees(cand) or any(find_committees(t) for t in near)):
                    return _Field(dates[-1].date, cand, 0.9)
    for k, text in enumerate(top):
        found = find_committees(text)
        dates = [d for d in find_dates(text) if d.date is not None]
        if found and dates and found[0].as_printed.isupper():
            return _Field(dates[0].date, text, 0.85)
        label = _SAMMANTRADE.search(text)
        if label is None:
            continue
        if k + 1 < len(top) and not [d for d in dates if d.start >= label.end()]:
            # the sentence wraps: "… sammanträde torsdagen den 18 april" / "2013 i …"
            text = f"{text} {top[k + 1].strip()}"
            dates = [d for d in find_dates(text) if d.date is not None]
        after = [d for d in dates if label.end() <= d.start <= label.end() + 60]
        if after:
            # "… sammanträde onsdagen den 17 juni", "Sammanträdesdatum 2015-06-22"
            return _Field(after[0].date, text, 0.85)
        if dates and len(text) < 80:
            return _Field(dates[0].date, text, 0.8)
        if len(text.split()) <= 2:
            # a header table flattened one cell per line: the label, then its value below
            for below in top[k + 1 : k + 4]:
                value = [d for d in find_dates(below) if d.date is not None]
                if value and len(below.split()) <= 2:
                    return _Field(value[0].date, f"{text} / {below}", 0.75)
    return None


def _doc_date(p1: CleanPage, headings: list[HeadingLine], meeting: _Field | None) -> _Field | None:
    first = next(
        (h.index for h in headings if h.page_no == p1.page_no and h.kind != "subheading"), None
    )
    limit = first if first is not None else TOP_LINES
    for ln in p1.lines[:limit]:
        if meeting is not None and ln.text == meeting.evidence:
            continue
        if ln.furniture is None and not re.match(rf"^\s*(?:Datum:?\s+)?{ISO_DATE}\s*$", ln.text):
            continue  # a date alone, or labelled ("Datum:   2015-01-27")
        if _SAMMANTRADE.search(ln.text):
            continue
        head = ln.text[:HEAD_CHARS] if len(ln.text) >= FLAT_LINE_CHARS else ln.text
        for d in find_dates(head):
            if d.date is not None and (meeting is None or d.date != meeting.value):
                return _Field(d.date, head, 0.8)
    return None


#: the place and date over a signature ("Stockholm den 15 oktober 2008")
_SIGNED = re.compile(r"^\s*[A-ZÅÄÖ][a-zåäö]+\s+den\s+(\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)\s*$")


def _signed_date(pages: tuple[CleanPage, ...]) -> _Field | None:
    """A document with no date in its head is dated where it is signed."""
    for page in pages:
        for ln in page.lines:
            m = _SIGNED.match(ln.text)
            if m is None:
                continue
            for d in find_dates(m.group(1)):
                if d.date is not None:
                    return _Field(d.date, ln.text.strip(), 0.6)
    return None


def _doc_type(pages: tuple[CleanPage, ...], headings: list[HeadingLine]) -> _Field:
    scores: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    top = _top(pages[0])
    early = [ln.text for p in pages[:2] for ln in p.lines]
    # the first lines, and each cell of them: the type is printed in the letterhead's right
    # column ("Socialförvaltningen      Bilaga 1")
    first = [c for t in top[:3] for c in [t, *re.split(r"\s{2,}", t.strip())[1:]]]
    for row in pattern_rows("doc_types.csv"):
        signal, where, weight = row["signal"], row["where"], int(row["weight"])
        if where == "heading":
            hit = next((h.text for h in headings if _norm_eq(h.text, signal)), None)
        else:
            pool = {"top": top, "any": early, "first": first}[where]
            hit = next(
                (t for t in pool if _has_phrase(t, signal, start_only=where == "first")), None
            )
        if hit is not None:
            scores[row["doc_type"]] += weight
            evidence.setdefault(row["doc_type"], hit)
    page1 = [h for h in headings if h.page_no == pages[0].page_no]
    if any(h.kind == "beslut" for h in page1):
        scores["protokollsutdrag"] += 2
        evidence.setdefault("protokollsutdrag", "beslut heading on page 1")
    if any(h.kind == "forslag_till_beslut" for h in page1):
        scores["tjänsteutlåtande"] += 2
        evidence.setdefault("tjänsteutlåtande", "förslag till beslut on page 1")
    paragraphs = {
        m.group(1) for p in pages for ln in p.lines if (m := _PARAGRAPH_HEAD.match(ln.text))
    }
    if len(paragraphs) >= _WHOLE_MEETING:
        # "§ 98" … "§ 102", each ärende under its own §: the meeting's whole protocol (an
        # utdrag carries one §, its letterhead's "Utdragsbestyrkande" notwithstanding)
        scores["protokoll"] += 6
        evidence.setdefault("protokoll", f"{len(paragraphs)} §§")
    if not scores:
        return _Field("other", "", 0.3)
    order = ["tjänsteutlåtande", "protokollsutdrag", "protokoll", "bilaga"]
    best = max(scores, key=lambda t: (scores[t], -order.index(t)))
    conf = min(0.95, 0.4 + 0.1 * scores[best])
    return _Field(best, evidence.get(best, ""), conf)


#: a § opening a line: the head of one ärende of a meeting
_PARAGRAPH_HEAD = re.compile(r"^\s*§\s*(\d{1,3})\b")
#: distinct §§ that make a document the meeting's whole protocol
_WHOLE_MEETING = 3


def _norm_eq(a: str, b: str) -> bool:
    return Levenshtein.distance(fold(a), fold(b), score_cutoff=1) <= 1


def _has_phrase(text: str, phrase: str, *, start_only: bool = False) -> bool:
    words = fold(text).split()
    target = fold(phrase).split()
    n = len(target)
    spots = range(1) if start_only else range(len(words) - n + 1)
    for i in spots:
        window = words[i : i + n]
        if len(window) < n:
            break
        joined, goal = " ".join(window).strip(".,:;"), " ".join(target)
        allowed = 0 if len(goal) < 7 else 1 if len(goal) < 12 else 2
        if Levenshtein.distance(joined, goal, score_cutoff=allowed) <= allowed:
            return True
    return False


#: a labelled dnr whose digit groups were lost ("(Dnr /2015)"): printed, but unreadable
_TRUNCATED_DNR = re.compile(r"\b(?:d\s?nr|diarienummer)\b\.?\s*:?\s*/\s*\d{2,4}\b", re.IGNORECASE)


def _dnr_alone(text: str, raw: str) -> bool:
    """Whether a line holds nothing but the dnr (in brackets, with its label)."""
    rest = text.replace(raw, " ")
    rest = re.sub(r"(?i)\b(?:d\s?[il1]?\s?nr|diarienummer)\b\.?:?", " ", rest)
    rest = re.sub(r"^\s*[§$]\s*\d+", " ", rest)  # "§ 31 KS 212/19": the paragraph's own dnr
    return not re.sub(r"[\s()\[\].,:;]", "", rest)


_LABEL_ALONE = re.compile(
    r"^\s*(?:d\s?[il1]?\s?nr|diarienummer|diarienr)\.?\s*:?\s*$", re.IGNORECASE
)


def _value_below(line: str, nxt: str) -> str | None:
    """A "Dnr" cell of a header row and the value in the same column of the row below, as
    one labelled text, or None."""
    for m in re.finditer(r"(?:^|(?<=\s\s))(?:Dnr|DNR|Diarienummer)\s*(?=\s\s|$)", line):
        start = m.start()
        cell = (
            re.match(r"\s*(\S+(?:\s\S+)*)", nxt[max(0, start - 2) :]) if len(nxt) > start else None
        )
        if cell is not None and abs(len(nxt[: max(0, start - 2)]) + cell.start(1) - start) <= 3:
            return f"Dnr {cell.group(1)}"
    return None


def _dnr(pages: tuple[CleanPage, ...], flat: list[FlatPage] | None = None) -> _Field | None:
    """The document's own dnr. None when the one printed in its head is truncated."""
    p1 = pages[0]
    head = [ln.text for ln in p1.lines[:TOP_LINES] if len(ln.text) < FLAT_LINE_CHARS]
    if flat:
        head.append(flat[0].text[:HEAD_CHARS])
    complete = [d for t in head for d in find_dnrs(t) if d.labelled]
    if not complete and any(_TRUNCATED_DNR.search(t) for t in head):
        return None
    paragraphs = {
        m.group(1) for p in pages for ln in p.lines if (m := re.match(r"^\s*§\s*(\d+)", ln.text))
    }
    numbers = {d.normalized for p in pages for ln in p.lines for d in find_dnrs(ln.text)}
    if len(paragraphs) >= 2 and len(numbers) >= 2:
        return None  # a whole protocol: every paragraph has a dnr of its own
    if flat:
        found = find_dnrs(flat[0].text[:HEAD_CHARS])
        if found:
            d = found[0]
            return _Field((d.normalized, d.raw), flat[0].text[:HEAD_CHARS], 0.8)
    cands: list[tuple[float, str, str, str]] = []
    for rank, page in enumerate(pages):
        for i, ln in enumerate(page.lines):
            if len(ln.text) >= FLAT_LINE_CHARS:
                continue
            text = ln.text
            if _LABEL_ALONE.match(text) and i + 1 < len(page.lines):
                # a header flattened one value per line: "Dnr" alone, its number below
                text = f"{text.strip()} {page.lines[i + 1].text.strip()}"
            elif i + 1 < len(page.lines) and (below := _value_below(text, page.lines[i + 1].text)):
                text = below  # "Datum   Dnr" over "2017-10-09   VRSA 2017-01188"
            for d in find_dnrs(text):
                if page is p1 and d.labelled:
                    score = 0.95
                elif d.labelled and ln.furniture is not None:
                    score = 0.85
                elif page is p1 and ln.furniture is not None:
                    score = 0.75
                elif page is p1 and i < 2 * TOP_LINES and _dnr_alone(ln.text, d.raw):
                    score = 0.7  # "(KS-2015-00039-6)" on its own line under the heading
                elif d.labelled:
                    score = 0.5
                else:
                    continue
                cands.append((score - 0.001 * rank, d.normalized, d.raw, text))
    if not cands:
        return None
    score, norm, raw, line = max(cands, key=lambda c: c[0])
    return _Field((norm, raw), line, round(score, 2))
