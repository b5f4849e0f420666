"""What the text tasks send back to the main process: plain records, in a module that
imports nothing heavy.

A worker's result is unpickled in the main process, which imports the module of every class
in it. `TextPages` used to live in `text.document` and `LayerCheck` in `text.pdf`: the first
text result of a run made the main process import pdfium, pdfplumber, OpenCV, wordfreq and
pytesseract (with pandas), about a second, while the pool waited for the rest of a long
file's chunks (issue 19). They are defined here and re-exported where they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.records import PageText


@dataclass(frozen=True)
class LayerCheck:
    """The fast verdict on one page's text layer."""

    usable: bool
    chars: int  # non-space characters in the layer
    reason: str = ""  # why the layer is not usable
    dict_share: float | None = None
    rotation: int = 0  # the page's /Rotate
    unlike_words: bool = False  # rejected only for its dictionary share (OCR may do no better)


@dataclass(frozen=True)
class TextPages:
    """What one pass over a PDF found: its page count, the pages read from their text
    layer, and the pages left for OCR with their layer verdicts."""

    n_pages: int
    pages: tuple[PageText, ...]
    to_ocr: tuple[tuple[int, LayerCheck | None], ...]  # (page_no, verdict); None: not judged
