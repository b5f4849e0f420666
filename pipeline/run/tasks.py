"""The worker tasks of `pool.process_documents`, and what it keeps of each document.

Each task is a plain function of picklable arguments (fsspec-style path strings, never page
images), run in a worker process:

    text_task   a PDF's text-layer pages first..last, read in one pass (`text.document`)
    page_task   one page left for OCR (`text.page.read_page`)
    count_task  only the page count, after a text task killed its worker
    parse_task  understanding and extraction, each cached under its own versioned key

`Task` is one submission (its kind, document, function and arguments); `Doc` is what the
loop collects of one document (its pages so far, its text once all are in). The cache keys
of a parse (`parse_keys`) chain each stage's fingerprint onto the text key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import OcrSettings
from pipeline.lang.domain import LexiconRef
from pipeline.layout import ExtractedStore
from pipeline.records import (
    DocumentText,
    Facts,
    PageText,
    SourceFile,
    UnderstoodDocument,
    from_jsonable,
    to_jsonable,
)
from pipeline.run.faults import crash_point, kill_point
from pipeline.run.fingerprint import StageFingerprint, code_versions

# --------------------------------------------------------------------------- versions & keys


def stage_versions() -> dict[str, int]:
    """Each stage's code version (read from source: spaCy is not imported for it)."""
    v = code_versions()
    return {"text": v["text"], "understand": v["understand"], "extract": v["facts"]}


def parse_keys(
    tkey: str, fps: dict[str, StageFingerprint], learned: LexiconRef | None = None
) -> tuple[str, str]:
    """Cache keys of understanding and facts: each stage's fingerprint chained onto the text
    key, and the digest of the learned lexicon the repair read, when it read one."""
    ukey = f"{fps['understand'].key}:{tkey}"
    if learned is not None:
        ukey += f":lex-{learned.digest}"
    return ukey, f"{fps['facts'].key}:{ukey}"


def local_path(ref: str) -> Path:
    """A task's file reference as a local path: plain and ``file://`` paths as they are; other
    fsspec URLs (``s3://…``, with their fsspec package installed) as a local cached copy."""
    if "://" not in ref or ref.startswith("file://"):
        return Path(ref.removeprefix("file://"))
    import fsspec

    return Path(fsspec.open_local(f"simplecache::{ref}"))


# --------------------------------------------------------------------------- worker tasks


def text_task(path: str, ocr: OcrSettings, first: int, last: int) -> Any:
    """A PDF's text-layer pages `first`..`last`, read in one pass (`text.document`)."""
    from pipeline.text.document import read_text_pages

    name = Path(path).name
    return read_text_pages(
        local_path(path),
        ocr,
        first,
        last,
        before_page=lambda n: crash_point(f"page:{name}:{n}"),  # crash-isolation tests only
        after_page=lambda n: kill_point("ocr"),  # crash-safety tests only
    )


def count_task(path: str, ocr: OcrSettings) -> int:
    """Only the page count: the fallback after a file's text task killed its worker."""
    from pipeline.text.pdf import open_pdf

    with open_pdf(local_path(path)) as pdf:
        return len(pdf)


def page_task(path: str, page_no: int, ocr: OcrSettings, check: Any = None) -> PageText:
    from pipeline.text.page import read_page

    crash_point(f"page:{Path(path).name}:{page_no}")  # crash-isolation tests only
    page = read_page(local_path(path), page_no, ocr, check)
    kill_point("ocr")  # crash-safety tests only
    return page


def parse_task(
    doc: DocumentText, store_root: str, ukey: str, ekey: str, learned: LexiconRef | None = None
) -> tuple[UnderstoodDocument, Facts]:
    """Understanding and extraction, each cached under its own versioned key."""
    from pipeline.facts.stage import extract
    from pipeline.understand.stage import understand

    kill_point("parse")  # crash-safety tests only
    store = ExtractedStore(local_path(store_root))
    cached_u = store.read(doc.doc_id, "understand", ukey)
    if cached_u is not None:
        understood = from_jsonable(UnderstoodDocument, cached_u)
    else:
        understood = understand(doc, learned)
        store.write(doc.doc_id, "understand", ukey, to_jsonable(understood))
    cached_f = store.read(doc.doc_id, "extract", ekey)
    if cached_f is not None:
        facts = from_jsonable(Facts, cached_f)
    else:
        facts = extract(understood)
        store.write(doc.doc_id, "extract", ekey, to_jsonable(facts))
    return understood, facts


# --------------------------------------------------------------------------- documents and tasks


@dataclass
class Doc:
    source: SourceFile
    started: dt.datetime
    tkey: str
    n_pages: int | None = None
    pages: dict[int, PageText] = field(default_factory=dict)
    text: DocumentText | None = None
    finished: bool = False


@dataclass
class Task:
    kind: str  # "text" (a PDF's text layers) | "count" | "page" (one page) | "parse"
    doc: Doc
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    seq: int = 0  # submission order
