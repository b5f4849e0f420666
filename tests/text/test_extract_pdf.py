"""PDF probing and text layers: which pages have usable text, hostile files, rotated pages,
the render bomb guard. Real PDFs built in the test (reportlab, pikepdf, img2pdf, tests/zoo)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import img2pdf
import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from pipeline.config import OcrSettings
from pipeline.errors import InputError
from pipeline.text.page import read_page
from pipeline.text.pdf import PdfProbe, probe_pdf
from tests import zoo

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SETTINGS = OcrSettings()
LINES = [
    "Socialnämnden beslutar att godkänna förslaget om",
    "fördelning av lokala utvecklingsmedel för år 2015.",
    "Ärendet har beretts vid avdelningen för stads-",
    "övergripande sociala frågor. Förvaltningen föreslår",
    "att nämnden överlämnar ärendet till kommunstyrelsen",
    "och till samtliga stadsdelsnämnder i Stockholm.",
]
REFERENCE = "\n".join(LINES)
PAGE = (420.0, 300.0)  # points: small pages keep the tests fast


def cer(reference: str, text: str) -> float:
    ref, hyp = (re.sub(r"\s+", " ", s).strip() for s in (reference, text))
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def text_pdf_bytes(
    lines: list[str] = LINES, *, font: str = "Helvetica", invisible: bool = False
) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=PAGE, invariant=1)
    text = c.beginText(36, PAGE[1] - 48)
    text.setFont(font, 11, leading=16)
    if invisible:
        text.setTextRenderMode(3)  # neither fill nor stroke: an OCR layer
    for line in lines:
        text.textLine(line)
    c.drawText(text)
    c.showPage()
    c.save()
    return buf.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def page_image(lines: list[str] = LINES, dpi: int = 300) -> Image.Image:
    w, h = round(PAGE[0] * dpi / 72), round(PAGE[1] * dpi / 72)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, size=round(11 * dpi / 72))
    for i, line in enumerate(lines):
        draw.text((36 * dpi / 72, (48 + 16 * i) * dpi / 72), line, fill=0, font=font, anchor="ls")
    return img


def image_pdf_bytes(img: Image.Image, dpi: int = 300) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(dpi, dpi))
    data = img2pdf.convert(buf.getvalue())
    assert isinstance(data, bytes)
    return data


def merge(*pdfs: bytes) -> bytes:
    out = pikepdf.Pdf.new()
    for data in pdfs:
        src = pikepdf.open(io.BytesIO(data))
        out.pages.extend(src.pages)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ triage


def test_text_layer_page_is_read_from_its_layer(tmp_path: Path) -> None:
    path = write(tmp_path, "born.pdf", text_pdf_bytes())
    assert probe_pdf(path, SETTINGS) == PdfProbe(n_pages=1, text_pages=(True,))
    page = read_page(path, 1, SETTINGS)
    assert (page.source, page.method, page.quality) == ("text-layer", "pdfplumber", "good")
    assert page.text == REFERENCE
    assert page.confidence is None
    # its words keep their boxes, for the review page (in OCR-resolution pixels + transform)
    assert [w.text for w in page.words] == REFERENCE.split()
    assert page.to_pdf == (72 / SETTINGS.dpi, 0.0, 0.0, 0.0, 72 / SETTINGS.dpi, 0.0)


def test_image_page_has_no_text_layer_and_is_ocrd(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", image_pdf_bytes(page_image()))
    assert probe_pdf(path, SETTINGS).text_pages == (False,)
    page = read_page(path, 1, SETTINGS)
    assert page.source == "ocr" and page.quality == "good", page
    assert cer(REFERENCE, page.text) <= 0.01
    assert page.words and page.dpi == SETTINGS.dpi and page.confidence is not None


def test_mixed_document_is_triaged_page_by_page(tmp_path: Path) -> None:
    path = write(tmp_path, "mixed.pdf", merge(text_pdf_bytes(), image_pdf_bytes(page_image())))
    assert probe_pdf(path, SETTINGS) == PdfProbe(n_pages=2, text_pages=(True, False))


def test_unmapped_glyphs_make_a_garbage_layer_that_is_ocrd(tmp_path: Path) -> None:
    """An embedded font without /ToUnicode: å, ä, ö come out as control codes."""
    pdfmetrics.registerFont(TTFont("DejaVuTest", FONT))
    pdf = pikepdf.open(io.BytesIO(text_pdf_bytes(font="DejaVuTest")))
    for _, font in pdf.pages[0].Resources.Font.items():
        if "/ToUnicode" in font:
            del font["/ToUnicode"]
    buf = io.BytesIO()
    pdf.save(buf)
    path = write(tmp_path, "cid.pdf", buf.getvalue())

    assert probe_pdf(path, SETTINGS).text_pages == (False,)
    page = read_page(path, 1, SETTINGS)
    assert page.source == "ocr"
    assert "Socialnämnden" in page.text and cer(REFERENCE, page.text) <= 0.01


def test_invisible_junk_layer_over_a_scan_is_replaced_by_ocr(tmp_path: Path) -> None:
    """A scan carrying an old, useless OCR layer (render mode 3, not words)."""
    scan = pikepdf.open(io.BytesIO(image_pdf_bytes(page_image())))
    junk_lines = ["Xqzv Brtk Wlpn Qjxr Zvbk " * 2, "Kxq Pzvt Jrwn Yqlz " * 2] * 3
    junk = pikepdf.open(io.BytesIO(text_pdf_bytes(junk_lines, invisible=True)))
    scan.pages[0].add_overlay(junk.pages[0])
    buf = io.BytesIO()
    scan.save(buf)
    path = write(tmp_path, "junk_layer.pdf", buf.getvalue())

    assert probe_pdf(path, SETTINGS).text_pages == (False,)
    page = read_page(path, 1, SETTINGS)
    assert page.source == "ocr" and cer(REFERENCE, page.text) <= 0.01


def test_rotate90_text_layer_is_read_in_order(tmp_path: Path) -> None:
    """/Rotate 90 on a page of horizontal text: pdfplumber and pdfium scramble the line
    order, pdftotext reads it as displayed."""
    pdf = pikepdf.open(io.BytesIO(text_pdf_bytes()))
    pdf.pages[0].Rotate = 90
    buf = io.BytesIO()
    pdf.save(buf)
    path = write(tmp_path, "rot90.pdf", buf.getvalue())

    assert probe_pdf(path, SETTINGS).text_pages == (True,)
    page = read_page(path, 1, SETTINGS)
    assert page.source == "text-layer" and page.method == "pdftotext"
    assert cer(REFERENCE, page.text) <= 0.005, page.text


def test_scan_with_a_short_text_stamp_is_ocrd_whole(tmp_path: Path) -> None:
    stamp = text_pdf_bytes(["Inkom 2015-03-02 Dnr 1.2-345/2015 Socialförvaltningen"])
    scan = pikepdf.open(io.BytesIO(image_pdf_bytes(page_image(LINES[2:]))))
    overlay = pikepdf.open(io.BytesIO(stamp))
    scan.pages[0].add_overlay(overlay.pages[0])
    buf = io.BytesIO()
    scan.save(buf)
    path = write(tmp_path, "stamped.pdf", buf.getvalue())
    assert probe_pdf(path, SETTINGS).text_pages == (False,)


# ------------------------------------------------------------------ hostile files


@pytest.mark.parametrize(
    ("builder", "reason"),
    [
        (zoo.html_as_pdf, "not a PDF (looks like HTML)"),
        (zoo.png_as_pdf, "not a PDF (PNG image)"),
        (zoo.garbage_bytes, "not a PDF"),
        (zoo.zero_byte, "empty file (0 bytes)"),
        (zoo.encrypted_user_password, "encrypted (password required)"),
        (zoo.zero_pages_pdf, "PDF has no pages"),
        (zoo.truncated_pdf, "corrupt PDF"),
    ],
)
def test_probe_rejects_with_a_one_line_reason(tmp_path: Path, builder, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = builder(tmp_path)
    with pytest.raises(InputError) as err:
        probe_pdf(path, SETTINGS)
    assert reason in err.value.message and "\n" not in err.value.message


def test_truncated_beyond_repair(tmp_path: Path) -> None:
    path = write(tmp_path, "stub.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Cat")
    with pytest.raises(InputError, match="corrupt PDF"):
        probe_pdf(path, SETTINGS)


@pytest.mark.parametrize("builder", [zoo.encrypted_owner_only, zoo.broken_xref_pdf])
def test_owner_only_encryption_and_broken_xref_are_read(tmp_path: Path, builder) -> None:  # type: ignore[no-untyped-def]
    path = builder(tmp_path)
    assert probe_pdf(path, SETTINGS) == PdfProbe(n_pages=1, text_pages=(True,))
    page = read_page(path, 1, SETTINGS)
    assert page.source == "text-layer" and "Socialnämnden godkänner" in page.text


def test_file_pdfium_cannot_open_is_repaired_by_qpdf(tmp_path: Path) -> None:
    data = bytearray(text_pdf_bytes())
    # break the trailer's /Root and the xref: pdfium gives up, qpdf reconstructs
    start = data.rindex(b"xref")
    data[start:] = b"xrof garbage\n%%EOF\n"
    path = write(tmp_path, "no_xref.pdf", bytes(data))
    probe = probe_pdf(path, SETTINGS)
    assert probe.n_pages == 1
    page = read_page(path, 1, SETTINGS)
    assert page.quality != "failed" and "Socialnämnden" in page.text


# ------------------------------------------------------------------ bomb guard


@pytest.mark.parametrize("huge_mediabox", [True, False])
def test_bomb_guard_refuses_before_rendering(tmp_path: Path, huge_mediabox: bool) -> None:
    path = zoo.decompression_bomb_pdf(tmp_path, huge_mediabox=huge_mediabox)
    assert probe_pdf(path, SETTINGS).text_pages == (False,)
    page = read_page(path, 1, SETTINGS)
    assert page.quality == "failed" and page.source == "none"
    # refused from the page size alone, before any pixel was rendered (the error says so);
    # how quickly is measured in tests/bench/bench_guards.py
    assert page.error and page.error.startswith("render refused") and "pixels" in page.error


def test_bomb_guard_limit_comes_from_settings(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", image_pdf_bytes(page_image()))
    page = read_page(path, 1, OcrSettings(max_render_pixels=1_000_000))
    assert page.quality == "failed" and "limit 1 MP" in (page.error or "")


def test_page_out_of_range_is_a_programming_error(tmp_path: Path) -> None:
    path = write(tmp_path, "born.pdf", text_pdf_bytes())
    with pytest.raises(ValueError):
        read_page(path, 2, SETTINGS)
