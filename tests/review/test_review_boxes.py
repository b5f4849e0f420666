"""Every value read from a PDF has a box on its page, and the box holds its evidence.

On the samples' warehouse (built by the real pipeline, real Tesseract), each project, amount
and criterion of a PDF page gets its box from its evidence (pipeline/warehouse/
evidence_boxes.py). The test re-reads the page inside each box independently of the words
the box came from — pdfplumber's characters within the box on text-layer pages, a fresh
Tesseract pass over the crop rendered from the PDF on scanned pages — and compares the text
with the evidence. The acceptance floor is 95 % of values.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pypdfium2 as pdfium
import pytesseract
import pytest
from PIL import Image
from rapidfuzz import fuzz

from pipeline.records import PageText, Word
from pipeline.text import boxes
from pipeline.warehouse.evidence_boxes import (
    VALUE_COLUMNS,
    DocumentBoxes,
    evidence_pieces,
    fold,
)
from tests.review_helpers import samples_root

REPO = Path(__file__).resolve().parents[2]
#: the issue's acceptance floor
MIN_SHARE = 0.95
#: a re-read matches when the evidence is found in it at this fuzzy score (0-100) …
MIN_SCORE = 85.0
#: … and the re-read holds at least this share of the evidence's characters (a box cut short
#: would otherwise match as a piece of the evidence)
MIN_LENGTH = 0.9
#: room around the box for the re-read (points): OCR needs a little white around glyphs
PAD_PT = 3.0
OCR_DPI = 300
#: white between the crops stacked for one Tesseract pass (pixels)
STACK_GAP_PX = 60


@dataclass(frozen=True)
class Value:
    table: str
    key: str
    source_path: str
    page_no: int
    page_source: str
    evidence: str
    value: str
    box: tuple[float, float, float, float] | None


@pytest.fixture(scope="module")
def pdf_values(request: pytest.FixtureRequest) -> list[Value]:
    if os.environ.get("NAMND_TEST_SAMPLES_ROOT"):
        db = samples_root(Path()) / "warehouse" / "namnd.duckdb"
    else:
        built = request.getfixturevalue("samples_warehouse")
        assert built.exit_code == 0, built.output
        db = built.db
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: list[Value] = []
        for table, key in (
            ("projects", "project_id"),
            ("amounts", "amount_id"),
            ("criteria", "criterion_id"),
        ):
            value = VALUE_COLUMNS[table]
            rows = con.execute(
                f"SELECT t.{key}, d.source_path, coalesce(t.box_page, t.page_no), pg.text_source, "
                f"t.evidence, t.{value}, "
                "t.box_x0, t.box_y0, t.box_x1, t.box_y1 "
                f"FROM {table} t JOIN documents d USING (doc_id) "
                "JOIN pages pg ON pg.doc_id = t.doc_id "
                "AND pg.page_no = coalesce(t.box_page, t.page_no) "
                "WHERE d.media_type = 'application/pdf' AND t.evidence IS NOT NULL"
            ).fetchall()
            for k, src, page_no, page_source, ev, val, *box in rows:
                b = None if box[0] is None else (box[0], box[1], box[2], box[3])
                out.append(Value(table, k, src, page_no, page_source, ev, str(val), b))
        return out
    finally:
        con.close()


def _padded(value: Value) -> tuple[float, float, float, float]:
    assert value.box is not None
    x0, y0, x1, y1 = value.box
    return (max(0.0, x0 - PAD_PT), max(0.0, y0 - PAD_PT), x1 + PAD_PT, y1 + PAD_PT)


def reread_layer(value: Value) -> str:
    """The text layer inside the box, read by poppler's pdftotext (not pdfplumber, which made
    the words the box came from)."""
    x0, y0, x1, y1 = _padded(value)
    path = REPO / "raw" / value.source_path
    cmd = ["pdftotext", "-f", str(value.page_no), "-l", str(value.page_no), "-r", "72"]
    cmd += ["-x", str(int(x0)), "-y", str(int(y0)), "-W", str(int(x1 - x0) + 1)]
    cmd += ["-H", str(int(y1 - y0) + 1), "-layout", str(path), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def reread_scans(values: list[Value]) -> dict[Value, str]:
    """The text inside each box of OCR'd pages, by a fresh Tesseract pass over the crops
    rendered from the PDF: the crops of one page stacked into one image (one pass a page),
    each word given to the crop it stands in."""
    out: dict[Value, str] = {}
    by_page: dict[tuple[str, int], list[Value]] = {}
    for v in values:
        by_page.setdefault((v.source_path, v.page_no), []).append(v)
    k = OCR_DPI / 72
    for (source_path, page_no), group in by_page.items():
        doc = pdfium.PdfDocument(str(REPO / "raw" / source_path))
        try:
            page = doc[page_no - 1]
            image = page.render(scale=k, grayscale=True).to_pil().convert("L")
        finally:
            doc.close()
        crops, ranges, y = [], [], 0
        for v in group:
            x0, y0, x1, y1 = _padded(v)
            crop = image.crop((int(x0 * k), int(y0 * k), int(x1 * k), int(y1 * k)))
            crops.append(crop)
            ranges.append((y, y + crop.height))
            y += crop.height + STACK_GAP_PX
        sheet = Image.new("L", (max(c.width for c in crops), y), 255)
        for crop, (top, _) in zip(crops, ranges, strict=True):
            sheet.paste(crop, (0, top))
        data = pytesseract.image_to_data(
            sheet,
            lang="swe",
            config=f"--psm 6 --dpi {OCR_DPI}",
            output_type=pytesseract.Output.DICT,
        )
        texts: list[list[str]] = [[] for _ in group]
        for i, word in enumerate(data["text"]):
            if not str(word).strip():
                continue
            mid = int(data["top"][i]) + int(data["height"][i]) / 2
            for n, (top, bottom) in enumerate(ranges):
                if top <= mid < bottom:
                    texts[n].append(str(word))
        for v, words in zip(group, texts, strict=True):
            out[v] = " ".join(words)
    return out


def matches(value: Value, text: str) -> bool:
    """Each piece of the evidence is in the re-read text: the evidence itself, or for a table
    row its lines and cells, for a list item its own line without the lead-in that " … "
    joins to it (`evidence_pieces`)."""
    pieces = evidence_pieces(value.evidence, value.value)
    got = fold(text)
    for piece in pieces:
        ev = fold(piece)
        if len(got) < MIN_LENGTH * len(ev):
            return False
        al = fuzz.partial_ratio_alignment(ev, got)
        if al is None or al.score < MIN_SCORE:
            return False
    return bool(pieces)


@pytest.mark.timeout(2400)  # run alone, its fixture first builds the samples (real OCR)
def test_every_pdf_value_has_a_box_that_holds_its_evidence(pdf_values: list[Value]) -> None:
    assert len(pdf_values) >= 50, "the samples' PDFs should give dozens of values"
    misses: list[str] = []
    scans = reread_scans([v for v in pdf_values if v.box is not None and v.page_source == "ocr"])
    for v in pdf_values:
        if v.box is None:
            misses.append(f"{v.table} {v.key} ({v.page_source}): no box for {v.evidence[:60]!r}")
            continue
        text = scans[v] if v.page_source == "ocr" else reread_layer(v)
        if not matches(v, text):
            misses.append(
                f"{v.table} {v.key} ({v.page_source}): box reads {text[:80]!r}, "
                f"evidence {v.evidence[:80]!r}"
            )
    share = 1 - len(misses) / len(pdf_values)
    report = "\n".join(misses)
    print(f"boxes holding their evidence: {share:.3f} of {len(pdf_values)}")
    assert share >= MIN_SHARE, f"{share:.3f} < {MIN_SHARE}:\n{report}"


# ------------------------------------------------------------------ the transform, exactly


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("skew", [0.0, 1.7, -2.4])
def test_ocr_transform_maps_a_point_back_to_where_it_was_rendered(
    rotation: int, skew: float
) -> None:
    """A point pushed through turn, deskew and upscale (the ladder's image steps, done with
    the same OpenCV calls) comes back to its PDF position through `ocr_to_pdf`."""
    import cv2
    import numpy as np

    from pipeline.text import quality

    h, w = 660, 510  # a page of 612 × 792 pt rendered at 60 dpi
    dpi = 60
    image = np.full((h, w), 255, np.uint8)
    px, py = 122, 400  # a dark dot here, in rendered pixels
    image[py - 2 : py + 3, px - 2 : px + 3] = 0
    turned = quality.turn(image, rotation)
    done = quality.deskew(turned, skew) if skew else turned
    read = cv2.resize(done, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_NEAREST)
    ys, xs = np.nonzero(read < 128)
    cx, cy = float(xs.mean()) + 0.5, float(ys.mean()) + 0.5  # pixel centres
    aff = boxes.ocr_to_pdf((h, w), dpi, rotation, skew, round(dpi * 1.5))
    a, b, c, d, e, f = aff
    x_pt, y_pt = a * cx + b * cy + c, d * cx + e * cy + f
    want = ((px + 0.5) * 72 / dpi, (py + 0.5) * 72 / dpi)
    assert abs(x_pt - want[0]) < 1.5 and abs(y_pt - want[1]) < 1.5, (x_pt, y_pt, want)


def test_evidence_is_boxed_from_the_words_it_spans() -> None:
    """Invented words on two lines; evidence repaired (hyphen joined, spaces changed)."""
    words = (
        Word("Projektet", 100, 100, 90, 20, 96.0, line=1),
        Word("Trygg", 200, 100, 50, 20, 96.0, line=1),
        Word("i", 260, 100, 10, 20, 96.0, line=1),
        Word("Ten-", 280, 100, 40, 20, 96.0, line=1),
        Word("sta", 100, 130, 30, 20, 96.0, line=2),
        Word("beviljas", 140, 130, 80, 20, 96.0, line=2),
        Word("450", 230, 130, 30, 20, 96.0, line=2),
        Word("000", 265, 130, 30, 20, 96.0, line=2),
        Word("kronor.", 300, 130, 60, 20, 96.0, line=2),
        Word("Annat", 100, 160, 60, 20, 96.0, line=3),
    )
    page = PageText(page_no=1, text="", source="ocr", words=words, to_pdf=boxes.layer_to_pdf(300))
    from pipeline.records import DocumentText

    doc = DocumentText("d", "s", "x.pdf", "application/pdf", "ocr", (page,))
    got = DocumentBoxes(doc).on_page(1, "Trygg i Tensta beviljas 450000 kronor")
    assert got is not None
    k = 72 / 300
    assert (got.x0, got.y0) == pytest.approx((100 * k, 100 * k))
    assert (got.x1, got.y1) == pytest.approx((360 * k, 150 * k))
    assert got.match == 1.0
    assert DocumentBoxes(doc).on_page(1, "Helt annan mening om budgeten") is None
    # a page number the words are not on: the page that holds them gives the box
    elsewhere = DocumentBoxes(doc).on_page(2, "Trygg i Tensta")
    assert elsewhere is not None and elsewhere.page_no == 1


def test_a_table_row_read_column_by_column_is_boxed_whole() -> None:
    """Tesseract reads a table as blocks, one column after the other; the evidence is the row
    with its cells joined (" | ") and its second line (" / "). Invented row, another row
    below it that must stay out of the box."""
    words = (
        # column 1, then column 2, then column 3 (block order), two rows
        Word("RVC", 100, 100, 40, 20, 96.0, block=1, line=1),
        Word("Skolteam", 100, 200, 80, 20, 96.0, block=1, line=2),
        Word("Ersta", 300, 100, 50, 20, 96.0, block=2, line=1),
        Word("Sköndal", 355, 100, 70, 20, 96.0, block=2, line=1),
        Word("Bräcke", 300, 125, 60, 20, 96.0, block=2, line=2),
        Word("Högskola", 365, 125, 80, 20, 96.0, block=2, line=2),
        Word("Ersta", 300, 200, 50, 20, 96.0, block=2, line=3),
        Word("1", 600, 100, 10, 20, 96.0, block=3, line=1),
        Word("miljon", 615, 100, 60, 20, 96.0, block=3, line=1),
        Word("kr", 680, 100, 20, 20, 96.0, block=3, line=1),
        Word("2", 600, 200, 10, 20, 96.0, block=3, line=2),
        Word("miljoner", 615, 200, 70, 20, 96.0, block=3, line=2),
    )
    page = PageText(page_no=3, text="", source="ocr", words=words, to_pdf=(1, 0, 0, 0, 1, 0))
    from pipeline.records import DocumentText

    doc = DocumentText("d", "s", "x.pdf", "application/pdf", "ocr", (page,))
    got = DocumentBoxes(doc).on_page(
        3, "RVC | Ersta Sköndal 1 miljon kr / Bräcke Högskola", "1 miljon kr"
    )
    assert got is not None
    assert (got.x0, got.y0, got.x1, got.y1) == (100, 100, 700, 145)
    assert got.match == 1.0
