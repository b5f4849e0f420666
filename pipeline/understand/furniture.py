"""Page furniture: the lines of a page that are not body text.

Labels (`Line.furniture`): ``header`` / ``footer`` (running lines repeated on several pages,
the document type and dnr block of page 1), ``page_number``, ``letterhead`` (logo, the
förvaltning's name block, Handläggare/Till), ``address`` (street, Box, postal code,
telephone, e-mail, web address), ``field_error`` (Word's "Error! Use the Home tab…"),
``url`` and ``footnote``. Furniture is kept (metadata reads the letterhead); it is only
left out of the body text.

Line patterns live in ``patterns/furniture.json``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from pipeline.lang.amounts import find_amounts
from pipeline.lang.lexicon import fold
from pipeline.understand.address_blocks import ORGANISATION, extend_address_blocks
from pipeline.understand.dates import ISO_DATE
from pipeline.understand.footnote_blocks import mark_footnotes
from pipeline.understand.handouts import mark_slide_footers, run_key
from pipeline.understand.sections import heading_kind
from pipeline.understand.table_lines import flat_table_line, table_header

__all__ = [
    "classify_pages",
    "classify_line",
    "mark_page_one_header",
    "running_prose",
    "FURNITURE_LABELS",
]

FURNITURE_LABELS = (
    "header",
    "footer",
    "page_number",
    "letterhead",
    "address",
    "field_error",
    "url",
    "footnote",
)
EDGE_LINES = 6  # a running header/footer sits within this many lines of the page edge
_DOC_TYPE_WORDS = ("tjansteutlatande", "tjansteskrivelse", "protokollsutdrag", "protokoll")
_DNR_LINE = re.compile(r"^(?:.*\s)?(?:d\s?[il1]?\s?nr|diarienummer)\b", re.IGNORECASE)
#: a lone date, in a protokoll's running header with its paragraph ("1999-05-18  § 14")
_DATE_ONLY = re.compile(rf"^\s*{ISO_DATE}(?:\s+§\s*\d{{1,3}})?\s*$")
_DNR_ONLY = re.compile(
    # (a register's letters are capitals: "åren 2009-2010" is the end of a title)
    r"^\(?\s*(?:(?:d\s?[il1]?\s?nr|diarienummer)\b\.?\s*:?\s*)?(?-i:[A-ZÅÄÖ]{0,5})[\s-]?[\dOo][\d.:\s]*[/–-][\d.:/\s–-]*\)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    text = (
        resources.files("pipeline.understand")
        .joinpath("patterns/furniture.json")
        .read_text("utf-8")
    )
    data = json.loads(text)
    return {
        label: [re.compile(p, re.IGNORECASE) for p in pats]
        for label, pats in data.items()
        if isinstance(pats, list)
    }


def _continuation_pattern() -> re.Pattern[str]:
    text = (
        resources.files("pipeline.understand")
        .joinpath("patterns/furniture.json")
        .read_text("utf-8")
    )
    return re.compile(json.loads(text)["field_error_continuation"], re.IGNORECASE)


@lru_cache(maxsize=65536)
def classify_line(line: str) -> str | None:
    """The furniture label a line gets on its own pattern (no page context), or None."""
    text = line.strip()
    if not text:
        return None
    for label in ("field_error", "url", "page_number", "address", "letterhead"):
        if any(p.search(text) for p in _patterns()[label]):
            return label
    return None


def _doc_type_line(line: str) -> bool:
    words = fold(line).split()
    return bool(words) and all(
        any(w.startswith(d[:9]) or _close(w, d) for d in _DOC_TYPE_WORDS) for w in words[:1]
    )


def _close(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    return abs(len(a) - len(b)) <= 2 and Levenshtein.distance(a, b) <= 2


def classify_pages(pages: list[list[str]]) -> list[list[str | None]]:
    """Furniture labels for every line of every page (repaired lines in)."""
    labels = [[classify_line(ln) for ln in lines] for lines in pages]
    for lines, labs in zip(pages, labels, strict=True):
        _logo_only_at_edges(lines, labs)
        _cells_are_no_page_numbers(lines, labs)
    _mark_field_error_continuations(pages, labels)
    _mark_running_lines(pages, labels)
    mark_slide_footers(pages, labels)
    for lines, labs in zip(pages, labels, strict=True):
        _mark_top_block(lines, labs)
        _mark_around_page_numbers(lines, labs)
        extend_address_blocks(lines, labs)
        mark_footnotes(lines, labs)
    return labels


_LOGO = re.compile(r"^\W{0,3}\s*stockholms\s*$", re.IGNORECASE)


def _logo_only_at_edges(lines: list[str], labs: list[str | None]) -> None:
    """A lone "Stockholms" is the city's logo only at the top or bottom of a page; in the
    middle it is a wrapped table cell ("Stockholms" / "universitet")."""
    top, bottom = _edge_indices(lines)
    edges = set(top) | set(bottom)
    for i, lab in enumerate(labs):
        if lab == "letterhead" and i not in edges and _LOGO.match(lines[i]):
            labs[i] = None


_NUMBER_CELL = re.compile(r"^\s*\d[\d\s.,]*\s*$")


def _cells_are_no_page_numbers(lines: list[str], labs: list[str | None]) -> None:
    """A lone number with a number on the line above or below is a cell of a table printed
    one cell per line ("Stadsdelsnämnden" / "350" / "1 050" / …), not the page's number."""
    for i, lab in enumerate(labs):
        if lab != "page_number" or not _NUMBER_CELL.match(lines[i]):
            continue
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any(_NUMBER_CELL.match(t) for t in near):
            labs[i] = None


def _mark_field_error_continuations(pages: list[list[str]], labels: list[list[str | None]]) -> None:
    cont = _continuation_pattern()
    for lines, labs in zip(pages, labels, strict=True):
        for i in range(1, len(lines)):
            if labs[i - 1] == "field_error" and labs[i] is None and cont.search(lines[i].strip()):
                labs[i] = "field_error"


def _edge_indices(lines: list[str]) -> tuple[list[int], list[int]]:
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return filled[:EDGE_LINES], filled[-3:]


_TABLE_NUMBER = re.compile(r"\s{2,}\d{1,3}(?:[ \u00a0]\d{3})+\b")
_MONEY_UNIT = re.compile(r"\d\s*(?:kr\b|kronor|tkr|mkr|mnkr)", re.IGNORECASE)


def _mark_running_lines(pages: list[list[str]], labels: list[list[str | None]]) -> None:
    """Lines repeated near the top (bottom) of two or more pages are headers (footers)."""
    if len(pages) < 2:
        return
    seen: Counter[tuple[str, str]] = Counter()
    exact: Counter[str] = Counter()
    for lines in pages:
        top, bottom = _edge_indices(lines)
        keys = {("header", run_key(lines[i])) for i in top} | {
            ("footer", run_key(lines[i])) for i in bottom
        }
        seen.update(k for k in keys if len(k[1].partition(":")[2]) >= 4)
        exact.update({lines[i].strip() for i in (*top, *bottom)})
    for lines, labs in zip(pages, labels, strict=True):
        top, bottom = _edge_indices(lines)
        for where, idx in (("header", top), ("footer", bottom[::-1])):
            for n, i in enumerate(idx):
                if labs[i] is not None or seen[(where, run_key(lines[i]))] < 2:
                    continue
                if any(labs[k] is None and seen[(where, run_key(lines[k]))] < 2 for k in idx[:n]):
                    # "Projekttid: 2007-05-01 – 2008-04-30" under each page's own heading and
                    # name: a running line is printed at the page's edge, nothing of the
                    # page's own between it and the edge
                    continue
                money = find_amounts(lines[i])
                if (exact[lines[i].strip()] < 2 and (money or _TABLE_NUMBER.search(lines[i]))) or (
                    money and _MONEY_UNIT.search(lines[i])
                ):
                    # "Sökt belopp: 240 000 kr" / "… 285 000 kr", a table's row "Sökt från
                    # SOTN   120 000   100 000": each page's own sums, also when two pages
                    # end on the same sum in kronor
                    continue
                if exact[lines[i].strip()] < 2 and _NUMBERED_CAPTION.match(lines[i].strip()):
                    continue  # "Tabell 1. Belopp i tkr" / "Tabell 2. …": each table's caption
                if i + 1 < len(lines) and lines[i + 1].strip()[:1].islower():
                    continue  # a title the next line goes on ("… arbete" / "år 2005")
                if flat_table_line(lines, i):
                    continue
                if heading_kind(lines[i]) is None and not table_header(lines[i]):
                    if i > 0 and table_header(lines[i - 1]):
                        continue  # a repeated table header's wrapped second line ("(tkr)")
                    labs[i] = where


#: a numbered caption: "Tabell 2. Belopp i tkr", "Bilaga 3", "Figur 1"
_NUMBERED_CAPTION = re.compile(r"^(?:tabell|bilaga|figur|diagram)\s+\d{1,2}\b", re.IGNORECASE)


def _mark_around_page_numbers(lines: list[str], labs: list[str | None]) -> None:
    """A page header read into the middle of a page: the document type, dnr and date lines
    next to a "Sida n (m)" line."""
    for i, lab in enumerate(labs):
        if lab != "page_number":
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and abs(j - i) <= 4:
                text = lines[j].strip()
                if not text:
                    j += step
                    continue
                if labs[j] is None and (
                    _doc_type_line(text) or _DNR_LINE.match(text) or _DATE_ONLY.match(text)
                ):
                    labs[j] = "header"
                elif labs[j] is None:
                    break
                j += step


def _mark_top_block(lines: list[str], labs: list[str | None]) -> None:
    """At the top of a page: the document-type word, a dnr line and a lone date."""
    top, _ = _edge_indices(lines)
    for i in top:
        if labs[i] is not None:
            continue
        text = lines[i].strip()
        if (
            _doc_type_line(text)
            and len(text.split()) <= 4
            or _DNR_LINE.match(text)
            and len(text) <= 60
            or _named_kind(text)
        ):
            labs[i] = "header"


def _named_kind(text: str) -> bool:
    """ "SOCIALTJÄNSTNÄMNDEN      PROTOKOLLSUTDRAG": the committee (or office) in capitals and
    the document's kind in the right column, at the top of a later page."""
    cells = [c for c in re.split(r"\s{2,}", text) if c]
    return (
        len(cells) == 2
        and len(cells[1].split()) <= 2
        and _doc_type_line(cells[1])
        and (cells[0].isupper() or bool(ORGANISATION.search(fold(cells[0]))))
    )


def mark_page_one_header(
    lines: list[str], labs: list[str | None], first_heading: int | None
) -> list[int]:
    """On page 1, everything above the first standard heading except the title paragraph is
    letterhead. Returns the line indices of the title paragraph (possibly empty)."""
    if first_heading is None:
        return []
    # running prose above the first heading (a meeting page's items, each a paragraph with
    # its sums) is body: the letterhead and the title stand above the first sentence
    prose = next(
        (i for i in range(first_heading) if labs[i] is None and running_prose(lines[i])), None
    )
    # (or a paragraph of short lines, typed in a narrow column: "Socialtjänstnämnden beslutade
    # vid sitt sammanträde den" ⏎ "26 september 2000 att …" ⏎ "… inom sin budgetram.")
    para: list[int] = []
    for i in range(prose if prose is not None else first_heading):
        if lines[i].strip() and labs[i] is None:
            para.append(i)
            continue
        joined = " ".join(lines[k].strip() for k in para)
        # (three lines and twenty words at least: a title on two lines "… föreningsbidrag.
        # Svar på remiss från kommunstyrelsen" is no paragraph of prose)
        if len(para) >= 3 and len(joined.split()) >= 20 and running_prose(joined):
            prose = para[0]
            break
        para = []
    if prose is not None:
        # (the sentence's paragraph begins on the lines above it, up to a blank line)
        while prose > 0 and lines[prose - 1].strip() and labs[prose - 1] is None:
            prose -= 1
        first_heading = prose
    body = [i for i in range(first_heading) if lines[i].strip() and labs[i] is None]
    fields = _head_fields(lines, first_heading)
    body = [i for i in body if not _header_like(lines[i]) and i not in fields]
    if any(_SUBJECT_FIELD.match(lines[i]) for i in fields):
        body = []  # "Ärende:   Ansökan om …": the head names the subject in a field of its own
    # a page printed (or OCR'd) with a blank line after every line: one blank is no gap
    filled = [i for i in range(first_heading) if lines[i].strip()]
    steps = [b - a for a, b in zip(filled, filled[1:], strict=False)]
    gap = 2 if steps and sum(d == 2 for d in steps) > 0.6 * len(steps) else 1
    title: list[int] = []
    # "Beslut fattat med stöd av punkt 7.2 i … delegationsordning." between the subject and
    # the first heading: a sentence of the body, not the title
    while body and _FORMULA.match(lines[body[-1]].strip()):
        body = body[:-1]
    while body:
        # "Delegation" over "Beslutet fattas med stöd av … delegationsordning, punkt 2.14: …"
        # (a paragraph of several lines): the formula's paragraph and its label go too
        start = len(body) - 1
        while start > 0 and body[start] - body[start - 1] <= gap:
            start -= 1
        if not _FORMULA.match(lines[body[start]].strip()):
            break
        body = body[:start]
    for i in reversed(body):
        # (the remiss a subject answers, "Remiss från …, KS dnr …", read as a dnr line
        # inside the paragraph, is no gap)
        inside = (
            [k for k in range(i + 1, title[0]) if not _REFERRAL.match(lines[k])] if title else []
        )
        # (a title found so far that is only the remiss it answers goes on above a gap)
        if title and len(inside) >= gap and not all(_REFERRAL.match(lines[k]) for k in title):
            break
        title.insert(0, i)
    while (
        title
        and _DNR_ONLY.match(lines[title[-1]].strip())
        and not _YEARS_ONLY.match(lines[title[-1]])
    ):
        title.pop()  # the dnr under the heading ("Dnr 123/2015", "(KS-2015-00039-6)")
    if title and lines[title[0]].strip()[:1].islower():
        # "ÖVERENSKOMMELSE" over a gap over "om samverkan och …": the kind opens the title
        above = [k for k in body if k < title[0] and title[0] - k <= 3]
        if above and 1 <= len(lines[above[-1]].split()) <= 2:
            title.insert(0, above[-1])
    if len(title) > 4:
        title = []
    for i in range(first_heading):
        if lines[i].strip() and labs[i] is None and i not in title and not _MONEY.search(lines[i]):
            # (a labelled head's "Sökt belopp:   52 000 kr" is money of the body)
            labs[i] = "letterhead"
    return title


#: the formula a delegated decision opens with, on the lines under its subject
_FORMULA = re.compile(
    r"^(?:\S+\s+){0,8}(?:delegationsordning\w*|delegation\w*)\s*\.?$|^beslut(?:et)?\s+(?:fattat|fattas)\s",
    re.IGNORECASE,
)


#: a sum in kronor on a line
_MONEY = re.compile(r"\d[\d  .]*(?:,\d+)?\s*(?:kr\b|kronor|tkr|mnkr|mkr|:-)", re.IGNORECASE)


#: a labelled line of a form's head: "Beslutsfattare:      Per Exempel, avdelningschef"
_HEAD_FIELD = re.compile(r"^\s*[A-ZÅÄÖ][\wåäö-]*(?:\s[\wåäö-]+)?:\s{2,}\S")


def _head_fields(lines: list[str], end: int) -> set[int]:
    """The lines of a form's labelled head above line `end`: "Label:   value" lines and the
    value's lines wrapped under it, set in."""
    out: set[int] = set()
    for i in range(end):
        if _HEAD_FIELD.match(lines[i]) or (i - 1 in out and lines[i].startswith(" " * 8)):
            out.add(i)
    # "Beslutsfattare      Helena Exempel" without a colon: a run of three such lines at least
    run: list[int] = []
    for i in range(end + 1):
        if i < end and _GAP_FIELD.match(lines[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


_GAP_FIELD = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*(?:\s[\wåäö-]+)?\s{4,}\S")


_SUBJECT_FIELD = re.compile(r"^\s*(?:ärende|ämne|angående|avser)\s*:", re.IGNORECASE)
_REFERRAL = re.compile(
    r"^\s*(?:remiss|motion|skrivelse)\s+(?:från|av)\s"
    # "Svar på remiss från kommunstyrelsen, KS 2022/514": the answer's referral with its dnr
    # ("Svar på skrivelse från … om …" with no dnr is a subject of its own)
    r"|^\s*svar\s+på\s+(?:remiss|motion|skrivelse)\s+(?:från|av)\s[^\n]*?"
    r"(?:\b(?:KS|dnr)\b|\d+/(?:19|20)\d\d)",
    re.IGNORECASE,
)
_DAY_OR_YEAR = r"(?:19|20)\d\d(?:-\d\d-\d\d)?"  # the years or days a title spans: no dnr
_YEARS_ONLY = re.compile(rf"^\s*{_DAY_OR_YEAR}\s*[–-]\s*{_DAY_OR_YEAR}\s*$")


def running_prose(line: str) -> bool:
    """A line of sentences: at least ten words, mostly lower case, with a full stop inside
    or at its end (no title, address or letterhead line is written so)."""
    words = line.split()
    if len(words) < 10 or not re.search(r"\w[.!?](?:\s|$)", line):
        return False
    return sum(w[:1].islower() for w in words) >= 0.6 * len(words)


def _header_like(line: str) -> bool:
    text = line.strip()
    return bool(
        _DATE_ONLY.match(text)
        or _DNR_LINE.match(text)
        or _doc_type_line(text)
        # the "Handläggare" and "Till" labels (capitalised; a lower-case "till enheterna"
        # goes on the title above it)
        or re.match(r"^(?:[Hh]andläggare|HANDLÄGGARE|Till|TILL)\b", text)
        or re.match(r"^\W{0,3}$", text)
    )
