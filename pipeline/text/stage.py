"""Stage 2: text from every page — text layer, OCR, or an existing transcript.

The per-page work (`read_page`) runs in worker processes; this module holds the pure parts:
cache keys, assembling a document from its pages, and the transcript path.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from pipeline.config import OcrSettings
from pipeline.records import DocumentText, PageText, SourceFile, TextSource

#: 3: pages keep their word boxes and the transform to PDF points (the review page)
TEXT_VERSION = 5


def text_key(source: SourceFile, ocr: OcrSettings) -> str:
    """Cache key of a document's text: content, stage version and the OCR settings that matter."""
    relevant = {k: v for k, v in asdict(ocr).items() if k in {"dpi", "lang", "retry"}}
    settings_hash = hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:12]
    return f"text{TEXT_VERSION}:{source.sha256}:{settings_hash}"


def document_text_source(pages: tuple[PageText, ...]) -> TextSource:
    """`text-layer`, `ocr`, `transcript` when every page agrees; `mixed` otherwise."""
    kinds = {p.source for p in pages if p.source != "none"}
    if not kinds:
        return "none"
    if len(kinds) == 1:
        return next(iter(kinds))
    return "mixed"


def assemble(source: SourceFile, pages: list[PageText]) -> DocumentText:
    ordered = tuple(sorted(pages, key=lambda p: p.page_no))
    return DocumentText(
        doc_id=source.doc_id,
        sha256=source.sha256,
        source_path=source.source_path,
        media_type=source.media_type,
        text_source=document_text_source(ordered),
        pages=ordered,
    )


def transcript_document(source: SourceFile, page_texts: list[str]) -> DocumentText:
    pages = [
        PageText(page_no=i, text=t, source="transcript", method="transcript")
        for i, t in enumerate(page_texts, start=1)
    ]
    return assemble(source, pages)
