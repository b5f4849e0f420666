"""The body of an understood document as the fact readers see it.

``body_lines`` gives the body (page furniture removed) as a list of lines with their
headings marked, ``footnotes`` the footnotes of each page, and ``document_year`` the year the
document is about. Pure.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.facts.context import BodyLine
from pipeline.facts.pipe_tables import align_pipe_tables
from pipeline.facts.sheet_print import unprint_sheets
from pipeline.facts.side_boxes import set_boxes_apart
from pipeline.facts.text_units import dehyphen_join
from pipeline.facts.twin_tables import set_twin_tables_apart
from pipeline.lang.amounts import find_amounts
from pipeline.lang.numbers import YEAR
from pipeline.records import CleanPage, Line, UnderstoodDocument


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
        lines = [ln for ln in page.lines if ln.furniture is None and not _emptied(page, ln)]
        skip = -1
        for k, ln in enumerate(lines):
            if k == skip:
                continue
            key = (ln.page_no, ln.line_no)
            text = ln.text.strip()
            head = heads.get((ln.page_no, _norm(text))) if text and key not in where else None
            if head is None and text and key not in where and k + 1 < len(lines):
                # a heading printed over two lines is one heading line of the body
                both = f"{text} {lines[k + 1].text.strip()}"
                head = heads.get((ln.page_no, _norm(both)))
                if head is not None:
                    text, skip = both, k + 1
            indent = len(ln.text) - len(ln.text.lstrip(" "))
            if head is not None:
                current = head[0]
                heads.pop((ln.page_no, _norm(text)), None)
                out.append(BodyLine(text, ln.page_no, True, head[1], current, indent))
                continue
            if key in where:
                current = where[key]
            out.append(BodyLine(text, ln.page_no, False, 0, current, indent))
    return set_twin_tables_apart(set_boxes_apart(unprint_sheets(align_pipe_tables(out))))


def _emptied(page: CleanPage, ln: Line) -> bool:
    """A line the repair emptied: its printed text was the rest of a word broken at the line
    above's hyphen ("barnavårds-" ⏎ "utredningar"), joined up there. No gap of the body."""
    if ln.text.strip():
        return False
    raw = page.raw_text.split("\n")
    return len(raw) == len(page.lines) and bool(raw[ln.line_no].strip())


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def document_year(doc: UnderstoodDocument, text: str) -> int | None:
    """The year the document is about: its title's year (the latest named), else the year of
    its date or meeting, else of its dnr, else the commonest year in the text (the first named of equals)."""
    subject = doc.meta.subject or doc.meta.title
    if subject:
        # (not a statute's number: "förordningen (2010:1122) om …, år 2019")
        years = [int(y) for y in re.findall(rf"\b({YEAR})\b(?!:\d{{3}})", subject)]
        if years:
            return years[0] if len(years) == 1 else _title_year(subject, years)
    dated = doc.meta.doc_date or doc.meta.meeting_date
    money_for = _decided_money_year(doc)
    if dated is not None and money_for == dated.year + 1:
        # an autumn decision about next year's money ("medfinansiera projektet med 185 000
        # kronor under 2018"), its title naming no year
        return money_for
    if dated is not None:
        return dated.year
    if doc.meta.dnr:
        m = re.search(rf"({YEAR})\b", doc.meta.dnr)
        if m:
            return int(m.group(1))
    named = Counter(re.findall(rf"\b({YEAR})\b", text))
    if not named:
        return None
    # the commonest; of years named equally often, the one named first
    return int(named.most_common(1)[0][0])


def _decided_money_year(doc: UnderstoodDocument) -> int | None:
    """The one year the decision items that move money name, else None."""
    years = {
        int(y)
        for d in doc.decisions
        if find_amounts(d.text)
        for y in re.findall(rf"\b({YEAR})\b", d.text)
    }
    return years.pop() if len(years) == 1 else None


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
            if re.match(r"^(?:\S{1,2}|\*{3,4})\s", ln.text) and cur:  # ("***  statsbidrag")
                out.append((page.page_no, dehyphen_join(cur)))
                cur = []
            cur.append(ln.text)
        if cur:
            out.append((page.page_no, dehyphen_join(cur)))
    return out
