"""Where on its page a value was read: its evidence → the page's words → one box in points.

A value's evidence is a span of the page's *repaired* text ("Projektet Trygg i Tensta
beviljas 450 000 kronor."), while the page keeps the words as they were read, with their boxes
(:mod:`pipeline.text.boxes`). Both are folded to letters and digits only (lower case, accents
dropped, spaces and punctuation gone), so that repair, hyphenation and OCR spacing do not
matter, and the evidence is looked up in the page's folded words: exactly first, else by the
best fuzzy alignment (rapidfuzz), in the order the words were read and in printed lines left
to right (Tesseract reads a table column by column). The words the span touches give the box:
the union of their boxes, in PDF points of the page as displayed, top-left origin.

Evidence that joins several places — a table row ("RVC Ersta Sköndal 31 december 1 miljon kr
/ Bräcke Högskola | 2021"), a project's paragraph and its table row, a list item after its
lead-in ("… följande kriterier. … Har en tydlig forskningsanknytning.") — is boxed by the part
that states the value, line by line, with the parts that stand beside it. When the value's
page does not hold its evidence well, the page that holds it clearly better gives the box
(`Box.page_no`, stored as box_page).

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
from pipeline.text.boxes import Affine, visual_order, word_box_pt

#: Below this fuzzy score (0-100) the evidence is taken as not found on the page. Measured on
#: the samples: found spans score 86-100, a sentence looked up on the wrong page < 60.
MIN_MATCH = 75.0
#: A box this good on the value's own page is taken without looking at the other pages; a box
#: on another page must be better by MARGIN.
GOOD_MATCH = 0.9
MARGIN = 0.05
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
            "box_page": self.page_no,
            "box_x0": round(self.x0, 2),
            "box_y0": round(self.y0, 2),
            "box_x1": round(self.x1, 2),
            "box_y1": round(self.y1, 2),
            "box_match": round(self.match, 3),
        }


#: the column holding the value whose evidence is boxed
VALUE_COLUMNS = {"projects": "name", "amounts": "raw", "criteria": "text", "decisions": "text"}

NO_BOX: dict[str, None] = dict.fromkeys(
    ("box_page", "box_x0", "box_y0", "box_x1", "box_y1", "box_match")
)


def fold(text: str) -> str:
    """Letters and digits only, lower case, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isalnum())


#: How evidence is written when it is not one stretch of text: " … " between a context
#: sentence and the value's own (a list's lead-in, often on another part of the page); " | "
#: between the cells of a table row, or between two mentions of a project (its paragraph and
#: its row in a table, perhaps on another page); " / " between the lines of one cell or row.
_PART = re.compile(r"\s[…|]\s")
_LINE = re.compile(r"\s/\s")
#: A part of a table row belongs to the same row when it is at most this far (points) above
#: or below the value's own part.
NEAR_PT = 40.0


def _pieces(part: str) -> list[str]:
    return [p.strip() for p in _LINE.split(part) if len(fold(p)) >= MIN_EVIDENCE_CHARS]


def evidence_pieces(evidence: str, value: str | None = None) -> list[str]:
    """The stretch of `evidence` that states the value, cut into its printed lines: of the
    parts between " … " and " | ", the first that holds `value` (else the longest), cut at
    " / ". The box must hold these; the other parts are boxed too when they stand beside them
    (the other cells of a table row)."""
    parts = [p for p in _PART.split(evidence) if p.strip()]
    if not parts:
        return []
    key = fold(value or "")
    main = next((p for p in parts if key and key in fold(p)), max(parts, key=len))
    return _pieces(main)


def _other_pieces(evidence: str, main: list[str]) -> list[str]:
    out: list[str] = []
    for part in _PART.split(evidence):
        out += [p for p in _pieces(part) if p not in main and p not in out]
    return out


_Span = tuple[int, int, int, float]  # view, start, end in its folded text; score 0-100
_Rect = tuple[float, float, float, float]


class PageIndex:
    """A page's words folded into strings — in the order they were read, and in printed lines
    left to right (a table's rows) — with the word each character came from."""

    def __init__(self, page: PageText) -> None:
        self.page = page
        self.usable = bool(page.words) and len(page.to_pdf) == 6
        self.to_pdf: Affine = tuple(page.to_pdf) if self.usable else (1, 0, 0, 0, 1, 0)  # type: ignore[assignment]
        self.views: list[tuple[str, list[int]]] = []
        if self.usable:
            read = list(range(len(page.words)))
            self.views.append(self._view(read))
            visual = visual_order(page.words)
            if visual != read:
                self.views.append(self._view(visual))
        self.usable = self.usable and bool(self.views[0][0])

    def _view(self, order: list[int]) -> tuple[str, list[int]]:
        chars: list[str] = []
        owner: list[int] = []
        for i in order:
            f = fold(self.page.words[i].text)
            chars.append(f)
            owner.extend([i] * len(f))
        return "".join(chars), owner

    def _spans(self, needle: str) -> list[_Span]:
        """Every exact place of `needle` in any view, else its best fuzzy place (none below
        MIN_MATCH)."""
        spans: list[_Span] = []
        for v, (text, _) in enumerate(self.views):
            at = text.find(needle)
            while at >= 0:
                spans.append((v, at, at + len(needle), 100.0))
                at = text.find(needle, at + 1)
        if spans:
            return spans
        best: _Span | None = None
        for v, (text, _) in enumerate(self.views):
            al = fuzz.partial_ratio_alignment(needle, text, score_cutoff=MIN_MATCH)
            if (
                al is not None
                and al.dest_end > al.dest_start
                and (best is None or al.score > best[3])
            ):
                best = (v, al.dest_start, al.dest_end, al.score)
        return [best] if best else []

    def _rect(self, span: _Span) -> _Rect:
        v, start, end, _ = span
        owner = self.views[v][1]
        words = [self.page.words[i] for i in sorted(set(owner[start:end]))]
        boxes = [word_box_pt(w, self.to_pdf) for w in words]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def locate(self, evidence: str, value: str | None = None) -> Box | None:
        """The box of `evidence` on this page, or None when it is not found. `match` says how
        much of the stretch that states the value (`evidence_pieces`) was found, and how well."""
        if not self.usable:
            return None
        needle = fold(evidence)
        if len(needle) < MIN_EVIDENCE_CHARS:
            return None
        whole = self._spans(needle)
        if whole and whole[0][3] == 100.0:
            return self._box([self._rect(whole[0])], 100.0)
        # piece by piece: table rows, lists with a lead-in, or text repaired beyond the match
        main = sorted(evidence_pieces(evidence, value), key=lambda p: -len(fold(p)))
        found: list[tuple[_Rect, float, int]] = []  # rect, score, folded length
        anchor: _Rect | None = None
        for piece in main + _other_pieces(evidence, main):
            spans = self._spans(fold(piece))
            if not spans:
                continue
            rects = [(self._rect(s), s[3]) for s in spans]
            if anchor is None:
                rect, score = max(rects, key=lambda rs: rs[1])
                anchor = rect
            else:
                a = anchor
                rect, score = min(rects, key=lambda rs: _gap(rs[0], a))
                if _gap(rect, anchor) > NEAR_PT:
                    continue
            found.append((rect, score if piece in main else 0.0, len(fold(piece))))
        if not found:
            return self._box([self._rect(whole[0])], whole[0][3]) if whole else None
        total = sum(len(fold(p)) for p in main)
        score = sum(sc * n for _, sc, n in found) / max(1, total)
        if whole and whole[0][3] > score:
            return self._box([self._rect(whole[0])], whole[0][3])
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
        box = index.locate(evidence, value) if index else None
        if box is not None and box.match >= GOOD_MATCH:
            return box
        # the value's page number may be the page of another mention (a project's paragraph
        # for the amount in its table row): the page that holds the evidence best wins
        for other in sorted(self.pages):
            if other == page_no or (idx := self._page(other)) is None:
                continue
            cand = idx.locate(evidence, value)
            if cand is not None and cand.match > (box.match if box else 0.0) + MARGIN:
                box = cand
        return box

    def anywhere(self, evidence: str | None) -> Box | None:
        """The best place of `evidence` on any page (metadata carries no page number)."""
        if not evidence:
            return None
        found = [
            b
            for n in sorted(self.pages)
            if (idx := self._page(n)) is not None and (b := idx.locate(evidence)) is not None
        ]
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
                        "evidence": ev,
                        **box.columns(),
                    }
                )
    tables["meta_boxes"] = meta_rows
