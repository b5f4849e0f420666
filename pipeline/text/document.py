"""`read_text_pages`: a whole PDF's text layers in one worker task.

Born-digital documents have a text layer on every page. Reading them one page per task
cost a process round-trip, a reopening of the file and a second judgement of the layer per
page. Instead, one task per file (per `run.pool.TEXT_CHUNK` pages of a long file, so
that the workers share it) opens it once (`pdf.worker_pdf`), judges every page's
layer once (`pdf.check_text_layer`), reads the usable ones (pdfplumber opened once for the
whole file), and returns the numbers of the pages that need OCR, with their verdicts, for
the pool to spread over its workers as page tasks (`page.read_page`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.config import OcrSettings
from pipeline.errors import PageError
from pipeline.records import PageText
from pipeline.text import quality
from pipeline.text.page import _failed, layer_boxes
from pipeline.text.pdf import check_text_layer, text_layer, worker_pdf
from pipeline.text.results import LayerCheck, TextPages


def read_text_pages(
    path: Path,
    settings: OcrSettings,
    first: int = 1,
    last: int | None = None,
    before_page: Callable[[int], None] = lambda n: None,
    after_page: Callable[[int], None] = lambda n: None,
) -> TextPages:
    """Judge the text layer of pages `first`..`last` (default: to the end) once each and read
    the usable ones; see the module docstring. `n_pages` is the whole file's page count.

    A page pdfium cannot load is left for `read_page`, which reports it as failed.
    `before_page` / `after_page` are the pool's fault-injection hooks (tests only).
    """
    with worker_pdf(Path(path)) as pdf:
        pages: list[PageText] = []
        to_ocr: list[tuple[int, LayerCheck | None]] = []
        end = len(pdf) if last is None else min(last, len(pdf))
        for page_no in range(first, end + 1):
            started = time.perf_counter()
            try:
                page = pdf.doc[page_no - 1]
            except pdfium.PdfiumError:
                to_ocr.append((page_no, None))
                continue
            textpage = page.get_textpage()  # judged and read from one text page
            try:
                check = check_text_layer(page, settings, textpage)
                if not check.usable:
                    to_ocr.append((page_no, check))
                    continue
                before_page(page_no)
                try:
                    text, method, words = text_layer(pdf, page_no, check, page, textpage)
                    read = PageText(
                        page_no=page_no,
                        text=text,
                        source="text-layer",
                        method=method,
                        dict_share=quality.dictionary_share(text),
                        **layer_boxes(words, settings),
                    )
                except PageError as exc:
                    read = _failed(page_no, exc.message)
                except Exception as exc:  # one odd page must not take the document down
                    read = _failed(page_no, f"unexpected {type(exc).__name__}: {exc}"[:300])
            finally:
                textpage.close()
                page.close()
            pages.append(replace(read, seconds=round(time.perf_counter() - started, 3)))
            after_page(page_no)
        return TextPages(len(pdf), tuple(pages), tuple(to_ocr))
