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
import re
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


#: the column holding the value whose evidence is boxed
VALUE_COLUMNS = {"projects": "name", "amounts": "raw", "criteria": "text", "decisions": "text"}

NO_BOX: dict[str, None] = dict.fromkeys(("box_x0", "box_y0", "box_x1", "box_y1", "box_match"))


def fold(text: str) -> str:
    """Letters and digits only, lower case, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isalnum())


#: How evidence is written when it is not one stretch of text: " … " between a context
#: sentence and the value's own (a list's lead-in, often on another part of the page), " / "
#: between the lines and " | " between the cells of a table row.
_GAP = re.compile(r"\s…\s")
_JOIN = re.compile(r"\s[/|]\s")
#: A piece of a table row belongs to the same row when it is at most this far (points) above
#: or below the piece found first.
NEAR_PT = 40.0


def evidence_pieces(evidence: str, value: str | None = None) -> list[str]:
    """The stretches of `evidence` that stand on the value's place on the page: of the parts
    between " … ", the one holding `value` (else the last), cut at " / " and " | "; repeated
    pieces once."""
    parts = [p for p in _GAP.split(evidence) if p.strip()]
    if not parts:
        return []
    key = fold(value or "")
    main = next((p for p in parts if key and key in fold(p)), parts[-1])
    out: list[str] = []
    for piece in _JOIN.split(main):
        if len(fold(piece)) >= MIN_EVIDENCE_CHARS and piece.strip() not in out:
            out.append(piece.strip())
    return out


_Span = tuple[int, int, float]  # start, end in the folded page text; score 0-100
_Rect = tuple[float, float, float, float]


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
        self.usable = bool(page.words) and len(page.to_pdf) == 6 and bool(self.text)
        self.to_pdf: Affine = tuple(page.to_pdf) if self.usable else (1, 0, 0, 0, 1, 0)  # type: ignore[assignment]

    def _spans(self, needle: str) -> list[_Span]:
        """Every exact place of `needle`, else its best fuzzy place (none below MIN_MATCH)."""
        spans: list[_Span] = []
        at = self.text.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle), 100.0))
            at = self.text.find(needle, at + 1)
        if spans:
            return spans
        al = fuzz.partial_ratio_alignment(needle, self.text, score_cutoff=MIN_MATCH)
        if al is None or al.dest_end <= al.dest_start:
            return []
        return [(al.dest_start, al.dest_end, al.score)]

    def _rect(self, span: _Span) -> _Rect:
        first, last = self.owner[span[0]], self.owner[span[1] - 1]
        boxes = [word_box_pt(w, self.to_pdf) for w in self.page.words[first : last + 1]]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def locate(self, evidence: str, value: str | None = None) -> Box | None:
        """The box of `evidence` on this page, or None when it is not found."""
        if not self.usable:
            return None
        needle = fold(evidence)
        if len(needle) < MIN_EVIDENCE_CHARS:
            return None
        whole = self._spans(needle)
        if whole and whole[0][2] == 100.0:
            return self._box([self._rect(whole[0])], 100.0)
        # piece by piece: table rows, lists with a lead-in, or text repaired beyond the match
        pieces = sorted(evidence_pieces(evidence, value), key=lambda p: -len(fold(p)))
        found: list[tuple[_Rect, float, int]] = []  # rect, score, folded length
        anchor: _Rect | None = None
        for piece in pieces:
            spans = self._spans(fold(piece))
            if not spans:
                continue
            rects = [(self._rect(s), s[2]) for s in spans]
            if anchor is None:
                rect, score = max(rects, key=lambda rs: rs[1])
                anchor = rect
            else:
                a = anchor
                rect, score = min(rects, key=lambda rs: _gap(rs[0], a))
                if _gap(rect, anchor) > NEAR_PT:
                    continue
            found.append((rect, score, len(fold(piece))))
        if not found:
            return self._box([self._rect(whole[0])], whole[0][2]) if whole else None
        total = sum(len(fold(p)) for p in pieces)
        score = sum(sc * n for _, sc, n in found) / max(1, total)
        if whole and whole[0][2] > score:
            return self._box([self._rect(whole[0])], whole[0][2])
        return self._box([r for r, _, _ in found], score)

    def _box(self, rects: list[_Rect], score: float) -> Box:
        return Box(
            page_no=self.page.page_no,
            x0=min(r[0] for r in rects),
            y0=min(r[1] for r in rects),
            x1=max(r[2] for r in rects),
            y1=max(r[3] for r in rects),
            match=score / 100.0,
        )


def _gap(a: _Rect, b: _Rect) -> float:
    """Vertical distance between two boxes (0 when they share a line)."""
    return max(0.0, max(a[1], b[1]) - min(a[3], b[3]))


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

    def on_page(
        self, page_no: int | None, evidence: str | None, value: str | None = None
    ) -> Box | None:
        if page_no is None or not evidence:
            return None
        index = self._page(page_no)
        return index.locate(evidence, value) if index else None

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
    for table, value_column in VALUE_COLUMNS.items():
        for row in tables.get(table, []):
            box = boxes.on_page(row.get("page_no"), row.get("evidence"), row.get(value_column))
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
