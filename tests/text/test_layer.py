"""The pdfium text-layer path (`text.layer`) gives pdfplumber's words, boxes and page text.

Real PDFs (reportlab, the project's renderer), real pdfium, real pdfplumber: every page is
read both ways and compared; pages the module does not model must say so (None) rather
than differ, and the plain pages must really take the fast path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from pipeline.config import OcrSettings
from pipeline.devtools.render import born_digital_bytes
from pipeline.text import pdf as pdf_mod
from pipeline.text.boxes import layer_words
from pipeline.text.layer import CidText, pdfium_words
from tests.helpers import FONT, letter_text, text_pdf

TABLE_PAGE = [
    "Socialtjänstnämnden                                  Tjänsteutlåtande",
    "",
    "Projekt                     Stadsdel            Tkr      Beviljas",
    "Trygg start i vuxenlivet    Farsta              350      ja",
    "Läxhjälp för alla           Rinkeby-Kista     1 200      nej",
    "          Summa                                1 550",
    "",
    "Förvaltningen föreslår att nämnden beviljar medel till projek-",
    "tet enligt bilagan; beslutet fattas den 12 mars 2019.",
    "• en punkt i en lista",
]


def _fonts_pdf(path: Path) -> Path:
    """Pages other producers write: an embedded TrueType font (integer widths, as most
    producers write them) beside standard fonts of three families and sizes, a line in
    three fonts; character spacing, word spacing, text rise, Tz and a scaled matrix, a
    page each."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800.0
    for size, font in [(11, "DejaVu"), (14, "Helvetica-Bold"), (10, "Times-Roman"), (8, "Courier")]:
        c.setFont(font, size)
        for line in ["Projekt Farsta   350 000 kr  Beviljas", "Tkr      2019     2020"]:
            c.drawString(60, y, line)
            y -= size * 1.4
    t = c.beginText(60, y)
    t.setFont("Helvetica", 11)
    t.textOut("Belopp: ")
    t.setFont("Helvetica-Bold", 11)
    t.textOut("350 000")
    t.setFont("DejaVu", 11)
    t.textOut(" kr totalt")
    c.drawText(t)
    c.showPage()
    for setup, words in [
        (lambda t: t.setCharSpace(0.5), "Spärrad text med teckenavstånd"),
        (lambda t: t.setWordSpace(4), "Ord med stort ordavstånd"),
        (lambda t: t.setRise(4), "Upphöjd text"),
        (lambda t: t.setHorizScale(80), "Hopträngd text"),
    ]:
        t = c.beginText(60, 700)
        t.setFont("Helvetica", 11)
        setup(t)
        t.textOut(words)
        c.drawText(t)
        c.showPage()
    c.saveState()
    c.scale(1.2, 1.2)
    c.setFont("Helvetica", 10)
    c.drawString(60, 500, "Skalad text i en cm-matris")
    c.restoreState()
    c.showPage()
    c.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:  # integer widths
        for page in pdf.pages:
            fonts: Any = page.resources.get("/Font", {})
            for _, f in fonts.items():
                if "/Widths" in f:
                    f.Widths = pikepdf.Array([round(float(w)) for w in f.Widths])
        pdf.save(path)
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("layer")
    table = d / "table.pdf"
    table.write_bytes(born_digital_bytes([TABLE_PAGE, letter_text(3).splitlines()]))
    return {
        "letters": text_pdf(d / "letters.pdf", [letter_text(i) for i in range(3)]),
        "table": table,
        "fonts": _fonts_pdf(d / "fonts.pdf"),
    }


def _plumber_words(path: Path, i: int) -> list[dict[str, Any]]:
    with pdfplumber.open(path) as pl:
        page = pl.pages[i]
        return page.extract_words(keep_blank_chars=False, use_text_flow=False)


def _both(path: Path) -> list[tuple[list[dict[str, Any]] | None, list[dict[str, Any]]]]:
    out = []
    doc, pk = pdfium.PdfDocument(str(path)), pikepdf.open(path)
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                fast = pdfium_words(page, pk.pages[i])
            except CidText:
                fast = None
            page.close()
            out.append((fast, _plumber_words(path, i)))
    finally:
        pk.close()
        doc.close()
    return out


KEYS = ("x0", "x1", "top", "bottom")


@pytest.mark.parametrize("name", ["letters", "table", "fonts"])
def test_words_and_boxes_are_pdfplumbers(pdfs: dict[str, Path], name: str) -> None:
    fast_pages = 0
    for fast, ref in _both(pdfs[name]):
        if fast is None:
            continue  # not modelled: pdfplumber reads it
        fast_pages += 1
        assert [w["text"] for w in fast] == [w["text"] for w in ref]
        for a, b in zip(fast, ref, strict=True):
            assert all(abs(a[k] - b[k]) < 1e-3 for k in KEYS), (a, b)
        # the boxes the review page stores: pixels at the OCR resolution, rounded
        assert layer_words(fast, 300) == layer_words(ref, 300)
    assert fast_pages >= {"letters": 3, "table": 1, "fonts": 1}[name]


def test_unmodelled_pages_fall_back(pdfs: dict[str, Path]) -> None:
    """Embedded fonts, character and word spacing, Tz and scaled matrices are read by
    pdfplumber (None here); text rise on a page of its own is modelled."""
    fast = [f is not None for f, _ in _both(pdfs["fonts"])]
    assert fast == [False, False, False, True, False, False]


def test_bullet_byte_0x7f_goes_where_pdfplumber_went(pdfs: dict[str, Path]) -> None:
    """The renderer draws '•' as WinAnsi byte 0x7F, which pdfminer writes as (cid:127):
    the pdfium path declines the page, and pdfplumber's reading takes the lone glyph for
    the bullet it is (the page keeps its blank lines and cell spacing)."""
    doc, pk = pdfium.PdfDocument(str(pdfs["table"])), pikepdf.open(pdfs["table"])
    with pytest.raises(CidText):
        pdfium_words(doc[0], pk.pages[0])
    assert "(cid:127)" in " ".join(w["text"] for w in _plumber_words(pdfs["table"], 0))
    from pipeline.text.document import read_text_pages

    pdf_mod.release_worker_pdf()
    page = read_text_pages(pdfs["table"], OcrSettings()).pages[0]
    assert page.method == "pdfplumber"
    assert "(cid:" not in page.text and "• en punkt i en lista" in page.text


@pytest.mark.parametrize("name", ["letters", "table", "fonts"])
def test_page_text_is_unchanged(
    pdfs: dict[str, Path], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`text_layer` gives the same text, method and words with and without the pdfium path
    (the spacing of table cells and indents included)."""
    from pipeline.text.document import read_text_pages

    settings = OcrSettings()
    pdf_mod.release_worker_pdf()
    fast = read_text_pages(pdfs[name], settings)
    monkeypatch.setattr(pdf_mod, "_pdfium_layer", lambda *a, **k: None)
    pdf_mod.release_worker_pdf()
    slow = read_text_pages(pdfs[name], settings)
    pdf_mod.release_worker_pdf()
    assert fast.to_ocr == slow.to_ocr
    assert len(fast.pages) == len(slow.pages) > 0
    for a, b in zip(fast.pages, slow.pages, strict=True):
        assert (a.page_no, a.text, a.method, a.words, a.to_pdf) == (
            b.page_no,
            b.text,
            b.method,
            b.words,
            b.to_pdf,
        )
