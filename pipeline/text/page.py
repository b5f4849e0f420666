"""`read_page`: the text of one PDF page, from its text layer or by OCR.

Runs in worker processes. Trouble with the page (render refused, OCR timed out, a page
object pdfium cannot load) never raises: the page comes back with ``quality="failed"`` and
the reason in ``error``. Only a file that cannot be opened at all raises `InputError`.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from pipeline.config import OcrSettings
from pipeline.errors import PageError
from pipeline.records import PageText
from pipeline.text import boxes, ladder, quality
from pipeline.text.pdf import LayerCheck, OpenPdf, check_text_layer, text_layer, worker_pdf
from pipeline.text.render import bilevel_scan, render_gray


def read_page(
    path: Path, page_no: int, settings: OcrSettings, check: LayerCheck | None = None
) -> PageText:
    """Text of page `page_no` (1-based) of the PDF at `path`.

    `check`: the page's text layer as already judged (`text.document.read_text_pages`), so
    it is not judged twice. The file stays open in this worker for its next page
    (`pdf.worker_pdf`)."""
    started = time.perf_counter()
    with worker_pdf(Path(path)) as pdf:
        if not 1 <= page_no <= len(pdf):
            raise ValueError(f"page {page_no} out of range 1..{len(pdf)}")
        try:
            result = _read(pdf, page_no, settings, check)
        except PageError as exc:
            result = _failed(page_no, exc.message)
        except Exception as exc:  # one odd page must not take the document down
            result = _failed(page_no, f"unexpected {type(exc).__name__}: {exc}"[:300])
    return replace(result, seconds=round(time.perf_counter() - started, 3))


def _failed(page_no: int, error: str, method: str = "", retries: int = 0) -> PageText:
    return PageText(
        page_no=page_no,
        text="",
        source="none",
        quality="failed",
        method=method,
        retries=retries,
        error=error,
    )


def _read(
    pdf: OpenPdf, page_no: int, settings: OcrSettings, check: LayerCheck | None = None
) -> PageText:
    try:
        page = pdf.doc[page_no - 1]
    except pdfium.PdfiumError as exc:
        raise PageError(f"page cannot be loaded ({exc})") from exc
    try:
        if check is None:
            check = check_text_layer(page, settings)
        if check.usable:
            text, method, words = text_layer(pdf, page_no, check, page)
            return PageText(
                page_no=page_no,
                text=text,
                source="text-layer",
                method=method,
                dict_share=quality.dictionary_share(text),
                **layer_boxes(words, settings),
            )
        gray = render_gray(page, settings)
        bilevel = bilevel_scan(page)
    finally:
        page.close()
    result = ocr_page(gray, page_no, settings, bilevel=bilevel)
    # A layer rejected only for looking unlike words is kept if OCR does no better.
    if (
        check.unlike_words
        and result.quality != "good"
        and (result.dict_share or 0.0) <= (check.dict_share or 0.0)
    ):
        text, method, words = text_layer(pdf, page_no, check)
        return PageText(
            page_no=page_no,
            text=text,
            source="text-layer",
            method=method,
            quality="doubtful",
            retries=result.retries + 1,
            dict_share=check.dict_share,
            **layer_boxes(words, settings),
        )
    return result


def layer_boxes(words: list[dict], settings: OcrSettings) -> dict:
    """`words` and `to_pdf` of a text-layer page (none when pdftotext read it)."""
    if not words:
        return {}
    return {
        "words": boxes.layer_words(words, settings.dpi),
        "to_pdf": boxes.layer_to_pdf(settings.dpi),
    }


def ocr_page(
    gray: np.ndarray, page_no: int, settings: OcrSettings, *, bilevel: bool = False
) -> PageText:
    """OCR a rendered page image (greyscale, at `settings.dpi`) into a `PageText`."""
    outcome = ladder.ocr_image(gray, settings.dpi, settings, bilevel=bilevel)
    best, ink = outcome.best, outcome.ink
    if best is None or best.run.n_chars == 0:
        method = best.method if best else ""
        if ink.blank and outcome.error is None:
            return PageText(
                page_no=page_no,
                text="",
                source="ocr",
                method=method,
                retries=outcome.tries,
                dpi=settings.dpi,
            )
        reason = outcome.error or f"no text recognised on a page with ink ({ink.glyphs} glyphs)"
        return _failed(page_no, reason, method, outcome.tries)
    if best.invented:
        reason = (
            f"OCR text ({best.run.n_chars} characters) does not fit the ink ({ink.glyphs} glyphs)"
        )
        return _failed(page_no, reason, best.method, outcome.tries)
    return PageText(
        page_no=page_no,
        text=best.run.text,
        source="ocr",
        confidence=best.run.confidence,
        quality="good" if best.trustworthy else "doubtful",
        method=best.method,
        retries=outcome.tries,
        dict_share=best.dict_share,
        ink_ratio=best.coverage,
        rotation=best.rotation,
        error=outcome.error,
        words=best.run.words,
        dpi=best.dpi,
        to_pdf=boxes.ocr_to_pdf(gray.shape, settings.dpi, best.rotation, best.skew, best.dpi),
    )
