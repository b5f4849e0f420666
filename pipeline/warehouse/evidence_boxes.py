"""Where on its page a value was read: its evidence → the page's words → one box in points.

A value's evidence is a span of the page's *repaired* text ("Projektet Trygg i Tensta
beviljas 450 000 kronor."), while the page keeps the words as they were read, with their boxes
(:mod:`pipeline.text.boxes`). Both are folded to letters and digits only (lower case, accents
dropped, spaces and punctuation gone), so that repair, hyphenation and OCR spacing do not
matter, and the evidence is looked up in the page's folded words: exactly first, else by the
best fuzzy alignment (rapidfuzz). The words the span touches give the box: the union of their
boxes, in PDF points of the page as displayed, top-left origin.

Transcripts, pages read by pdftotext and evidence found nowhere get no box.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from pipeline.records import DocumentText, PageText
from pipeline.text.boxes import Affine, word_box_pt

#: Below this fuzzy score (0-100) the evidence is taken as not found on the page. Measured on
#: the samples: found spans score 86-100, a sentence looked up on the wrong page < 60.
MIN_MATCH = 75.0
#: Evidence shorter than this (folded characters) is too short to place reliably.
MIN_EVIDENCE_CHARS = 3


@dataclass(frozen=True)
class Box:
    """A value's place: page, box in PDF points (x0, y0, x1, y1 from the top left), match 0-1."""

    page_no: int
    x0: float
    y0: float
    x1: float
    y1: float
    match: float

    def columns(self) -> dict[str, float]:
        return {
            "box_x0": round(self.x0, 2),
            "box_y0": round(self.y0, 2),
            "box_x1": round(self.x1, 2),
            "box_y1": round(self.y1, 2),
            "box_match": round(self.match, 3),
        }


NO_BOX: dict[str, None] = dict.fromkeys(("box_x0", "box_y0", "box_x1", "box_y1", "box_match"))


def fold(text: str) -> str:
    """Letters and digits only, lower case, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isalnum())


class PageIndex:
    """A page's words folded into one string, with the word each character came from."""

    def __init__(self, page: PageText) -> None:
        self.page = page
        chars: list[str] = []
        owner: list[int] = []
        for i, w in enumerate(page.words):
            f = fold(w.text)
            chars.append(f)
            owner.extend([i] * len(f))
        self.text = "".join(chars)
        self.owner = owner

    def locate(self, evidence: str) -> Box | None:
        """The box of `evidence` on this page, or None when it is not found."""
        page = self.page
        if not page.words or len(page.to_pdf) != 6:
            return None
        needle = fold(evidence)
        if len(needle) < MIN_EVIDENCE_CHARS or not self.text:
            return None
        start = self.text.find(needle)
        if start >= 0:
            end, score = start + len(needle), 100.0
        else:
            al = fuzz.partial_ratio_alignment(needle, self.text, score_cutoff=MIN_MATCH)
            if al is None:
                return None
            start, end, score = al.dest_start, al.dest_end, al.score
        if end <= start:
            return None
        first, last = self.owner[start], self.owner[end - 1]
        to_pdf: Affine = tuple(page.to_pdf)  # type: ignore[assignment]
        boxes = [word_box_pt(w, to_pdf) for w in page.words[first : last + 1]]
        return Box(
            page_no=page.page_no,
            x0=min(b[0] for b in boxes),
            y0=min(b[1] for b in boxes),
            x1=max(b[2] for b in boxes),
            y1=max(b[3] for b in boxes),
            match=score / 100.0,
        )


class DocumentBoxes:
    """Box lookups for one document's values (one index per page, built when first needed)."""

    def __init__(self, text: DocumentText | None) -> None:
        self.pages = {p.page_no: p for p in text.pages} if text else {}
        self._index: dict[int, PageIndex] = {}

    def _page(self, page_no: int) -> PageIndex | None:
        if page_no not in self.pages:
            return None
        if page_no not in self._index:
            self._index[page_no] = PageIndex(self.pages[page_no])
        return self._index[page_no]

    def on_page(self, page_no: int | None, evidence: str | None) -> Box | None:
        if page_no is None or not evidence:
            return None
        index = self._page(page_no)
        return index.locate(evidence) if index else None

    def anywhere(self, evidence: str | None) -> Box | None:
        """The best place of `evidence` on any page (metadata carries no page number)."""
        if not evidence:
            return None
        found = [b for n in sorted(self.pages) if (b := self.on_page(n, evidence)) is not None]
        return max(found, key=lambda b: (b.match, -b.page_no), default=None)


def add_boxes(
    tables: dict[str, list[dict[str, Any]]], text: DocumentText | None, doc_id: str
) -> None:
    """Give every row of projects, amounts, criteria and decisions in `tables` its evidence
    box columns, and fill ``meta_boxes`` from the documents row's metadata evidence."""
    boxes = DocumentBoxes(text)
    for table in ("projects", "amounts", "criteria", "decisions"):
        for row in tables.get(table, []):
            box = boxes.on_page(row.get("page_no"), row.get("evidence"))
            row.update(box.columns() if box else NO_BOX)
    meta_rows: list[dict[str, Any]] = []
    for doc in tables.get("documents", []):
        evidence = json.loads(doc["meta_evidence"]) if doc.get("meta_evidence") else {}
        for field_name, ev in sorted(evidence.items()):
            box = boxes.anywhere(ev)
            if box is not None:
                meta_rows.append(
                    {
                        "doc_id": doc_id,
                        "field": field_name,
                        "page_no": box.page_no,
                        "evidence": ev,
                        **box.columns(),
                    }
                )
    tables["meta_boxes"] = meta_rows
