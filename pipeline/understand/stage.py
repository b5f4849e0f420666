"""Stage: understand a document's text — repair it, mark furniture, split sections, read
metadata, decisions and signatories.

Pure: no I/O, no printing. The Swedish lexicon is loaded once per process, on first use.
"""

from __future__ import annotations

import re

from pipeline.lang.domain import LexiconRef
from pipeline.records import CleanPage, DocumentText, Line, UnderstoodDocument
from pipeline.understand.balloons import drop_markup_balloons
from pipeline.understand.context_repair import context_repair_pages
from pipeline.understand.dates import ISO_DATE
from pipeline.understand.decisions import find_decisions
from pipeline.understand.doubled_bold import undoubled
from pipeline.understand.flat import flat_decisions, flat_pages
from pipeline.understand.furniture import classify_pages, mark_page_one_header, running_prose
from pipeline.understand.gutter import unfold_columns
from pipeline.understand.handouts import fax_cover
from pipeline.understand.line_numbers import drop_line_numbers
from pipeline.understand.metadata import extract_meta
from pipeline.understand.quoted_printable import quoted_printable_decoded
from pipeline.understand.repair import repair_text
from pipeline.understand.rotated import blank_rotated_labels
from pipeline.understand.ruled_bars import ruled_bars
from pipeline.understand.sections import find_headings, split_sections
from pipeline.understand.side_headings import lift_side_headings
from pipeline.understand.signatories import find_signatories
from pipeline.understand.tabs import (
    align_tab_columns,
    close_letter_spacing,
    formatting_marks_hidden,
    plain_box_drawing,
    read_rules,
)
from pipeline.understand.two_up import sheet_halves

__all__ = ["UNDERSTAND_VERSION", "understand"]

#: a heading word with a date after a column gap: the kind of the document in its head
_DATED_KIND = re.compile(rf"^\s*\S+\s{{3,}}{ISO_DATE}\s*$")

UNDERSTAND_VERSION = 79


_SECTION_PARAGRAPH = re.compile(r"^\s*§\s*\d{1,2}\s+[A-ZÅÄÖ][a-zåäö]")


#: the head of a tjänsteutlåtande (or its correction) addressed to a nämnd: the kind in the
#: letterhead's right column, "Till" over the nämnd
_UTLATANDE_KIND = re.compile(r"(?:^|\s{2,})(?:tjänsteutlåtande|rättelse)\s*$", re.IGNORECASE)
_TILL_CELL = re.compile(r"\s{2,}Till\s*$")


_MAX_HEAD_TAIL = 6  # lines between "Till" and the first sentence: the nämnd, a date, the subject


def _subject_over_prose(lines: list[str]) -> bool:
    """An utlåtande's head (its kind in the letterhead's right column, "Till" over the
    nämnd) with only its subject between it and a paragraph of prose."""
    head = lines[:12]
    if not any(_UTLATANDE_KIND.search(ln) for ln in head[:6]):
        return False
    till = next((k for k, ln in enumerate(head) if _TILL_CELL.search(ln)), None)
    if till is None:
        return False
    prose = next((k for k in range(till + 1, len(lines)) if running_prose(lines[k])), None)
    if prose is None:
        return False
    while prose > till + 1 and lines[prose - 1].strip():
        prose -= 1  # (the sentence's paragraph begins above it)
    return sum(1 for ln in lines[till + 1 : prose] if ln.strip()) <= _MAX_HEAD_TAIL


def understand(doc: DocumentText, learned: LexiconRef | None = None) -> UnderstoodDocument:
    """Repaired pages, sections, metadata, decisions and signatories of one document.
    `learned`: the domain lexicon learned from the archive, for its OCR and transcript pages
    (`pipeline.warehouse.lexicon`)."""
    pages = sorted(doc.pages, key=lambda p: p.page_no)
    raw = [p.text.replace("\r\n", "\n") for p in pages]
    lines = [
        repair_text(
            lift_side_headings(
                unfold_columns(
                    sheet_halves(
                        align_tab_columns(
                            read_rules(
                                close_letter_spacing(
                                    plain_box_drawing(
                                        drop_markup_balloons(
                                            blank_rotated_labels(
                                                drop_line_numbers(
                                                    ruled_bars(
                                                        formatting_marks_hidden(
                                                            quoted_printable_decoded(undoubled(t))
                                                        )
                                                    )
                                                )
                                            )
                                        )
                                    )
                                )
                            )
                        )
                    )
                )
            )
        ).split("\n")
        for t in raw
    ]
    clean, repairs = context_repair_pages(lines, pages, learned)
    labels = classify_pages(clean)
    headings = find_headings(clean, labels)
    title_lines: list[int] = []
    # a fax's cover sheet ("TELEFAX", "Till:", "Från:", "Antal sidor inkl. denna") is no
    # part of the document it carries: its head is on the next page
    cover = int(len(clean) > 1 and fax_cover(clean[0]))
    if cover:
        labels[0] = [
            "letterhead" if ln.strip() else lab for ln, lab in zip(clean[0], labels[0], strict=True)
        ]
        headings = [h for h in headings if h.page_no != pages[0].page_no]
    head_no = pages[cover].page_no if clean else 1
    if clean:
        first = next(
            (
                h.index
                for h in headings
                if h.page_no == head_no
                and h.kind != "subheading"
                # "Bilaga: 1" over the letterhead: the attachments it has, part of the head
                and not (h.kind == "bilagor" and re.search(r"\d", h.text))
                # "BESLUT      2009-05-12" in the head: the document's kind and date
                and not _DATED_KIND.search(clean[cover][h.index])
                # "                 BESLUT" over the letterhead: the kind in its right corner
                and not (h.index <= 3 and re.match(r"\s{30}", clean[cover][h.index]))
            ),
            None,
        )
        if first is None:
            # an agreement or a set of rules with no standard heading ("ÖVERENSKOMMELSE" over
            # "om …" over "§ 1  Parter"): its first numbered paragraph ends the head
            # (not a protocol's list of contents: "§ 1   Justering av protokollet .... 1")
            protocol = any(re.search(r"protokoll", ln, re.I) for ln in clean[cover][:12])
            first = next(
                (
                    i
                    for i, ln in enumerate(clean[cover])
                    if _SECTION_PARAGRAPH.match(ln) and not re.search(r"\.{4,}", ln)
                ),
                None,
            )
            first = None if protocol else first
            if first is None and _subject_over_prose(clean[cover]):
                # an utlåtande's head with no standard heading under it ("Rättelse – …" over
                # a paragraph of prose): the head ends at the first running sentence
                first = len(clean[cover])
        title_lines = mark_page_one_header(clean[cover], labels[cover], first)
        # headings that fell inside the page-1 letterhead are not headings
        headings = [
            h
            for h in headings
            if h.page_no != head_no
            or (labels[cover][h.index] is None and h.index not in title_lines)
        ]
    clean_pages = tuple(
        CleanPage(
            page_no=p.page_no,
            raw_text=text,
            clean_text="\n".join(lines),
            repairs=reps,
            lines=tuple(
                Line(p.page_no, i, ln, lab)
                for i, (ln, lab) in enumerate(zip(lines, labs, strict=True))
            ),
        )
        for p, text, lines, labs, reps in zip(pages, raw, clean, labels, repairs, strict=True)
    )
    sections = split_sections(clean_pages, headings)
    flat = flat_pages(clean_pages, headings)
    decisions = find_decisions(sections)
    if not decisions:
        decisions = tuple(flat_decisions(flat))
    meta = extract_meta(clean_pages[cover:], sections, headings, title_lines, flat)
    return UnderstoodDocument(
        doc_id=doc.doc_id,
        pages=clean_pages,
        sections=sections,
        meta=meta,
        decisions=decisions,
        signatories=tuple(find_signatories(clean_pages, sections)),
        lexicon=learned.digest if learned is not None else "",
    )
