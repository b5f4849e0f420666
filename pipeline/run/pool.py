"""Process documents in a pool of worker processes, pages and documents in parallel.

`process_documents` yields one `DocumentResult` per input file as soon as that file is done,
so the caller can load it while other files are still being read. All CPU work runs in
workers; this module only schedules, caches and collects. The tasks:

    text   one per PDF (per 32 pages of a long one): every page's text layer judged once,
           the usable ones read (`text.document`); the pages left for OCR come back with
           their verdicts
    page   one per page left for OCR (`text.page.read_page`); each worker keeps the PDF
           it last read open (`text.pdf.worker_pdf`), so a file is opened once per worker
    count  only after a text task killed its worker: the page count, then one page task
           per page, so that a crash fails one page and not the file
    parse  understanding and extraction of a document whose pages are all in; with a
           `learner` (the domain lexicon learned from the archive, `warehouse.lexicon`), a
           document with OCR or transcript pages waits until every other task of the run is
           done (all texts read, born-digital documents understood: they are counted as
           repaired), so that all are repaired with the same lexicon, whatever order the
           workers finish in

Nothing here prints: progress goes to an `on_event` callback.

Where the tasks run is a `Workers`: by default `LocalPool`, a `ProcessPoolExecutor` on this
machine; with `--scheduler`, `cluster.ClusterWorkers`, a Dask cluster's executor. The loop
below is the same for both. Tasks take fsspec-style path strings (`local_path`), never page
images.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pipeline.config import OcrSettings, Settings
from pipeline.lang.domain import LexiconRef, needs_learned
from pipeline.layout import ExtractedStore
from pipeline.records import (
    DocumentResult,
    DocumentText,
    Facts,
    PageText,
    SourceFile,
    UnderstoodDocument,
    from_jsonable,
    to_jsonable,
)
from pipeline.run.faults import crash_point, kill_point
from pipeline.run.fingerprint import StageFingerprint, code_versions, stage_fingerprints
from pipeline.text import stage as text_stage

EventHandler = Callable[..., None]

#: Pages per text task: a long born-digital file is read by all workers, a chunk each
#: (pdfplumber takes ~20–50 ms a page, so a chunk is a second or two of work).
TEXT_CHUNK = 32


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


# --------------------------------------------------------------------------- where tasks run


class Workers(Protocol):
    """Where the tasks run: the local pool, or a Dask cluster (`cluster.ClusterWorkers`)."""

    poll_s: float | None  # look at `news` at least this often (None: only when a task ends)

    def executor(self, isolating: bool) -> Executor:
        """An executor for the tasks; `isolating`: one worker, in submission order."""
        ...

    def lost(self, exc: BaseException) -> bool:
        """True when a task failed because the workers running it died (beyond retries)."""
        ...

    def news(self) -> list[str]:
        """Lines for the progress output since the last call (workers lost, …)."""
        ...


class LocalPool:
    """Worker processes on this machine; a crash breaks the whole pool (handled below)."""

    poll_s: float | None = None

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)

    def executor(self, isolating: bool) -> Executor:
        return ProcessPoolExecutor(
            max_workers=1 if isolating else self.jobs, initializer=init_worker
        )

    def lost(self, exc: BaseException) -> bool:
        return False

    def news(self) -> list[str]:
        return []


def init_worker() -> None:
    """Set up a worker process (not at import time, so importing the pool changes nothing):
    Tesseract's own threading fights the process pool on few cores, and PIL's limit on image
    size (decompression bombs) is set by importing `text.render`."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import pipeline.text.render  # noqa: F401


def forks() -> bool:
    """Do the local pool's workers start as forks of this process (Linux's default)?"""
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=True) in (None, "fork") and hasattr(
        os, "fork"
    )


def preload(parse: bool = True) -> None:
    """Import in this process what every worker would otherwise import and build on its own
    first task — the text path (pdfium, pdfplumber, pikepdf, OpenCV, wordfreq) and, with
    `parse`, understanding and extraction (spaCy, the entity pipeline, the lexicons, loaded
    by understanding a few lines) — so that workers forked afterwards inherit it (issue 19:
    this was several seconds per worker per run, before the first page of a small batch).
    Only worth it when the pool forks (`forks`); failures are left for the tasks to report."""
    try:
        import pipeline.text.document
        import pipeline.text.page  # noqa: F401

        if parse:
            from pipeline.facts.stage import extract
            from pipeline.understand.stage import understand

            page = PageText(page_no=1, text=_WARM_TEXT, source="transcript", method="transcript")
            doc = DocumentText(
                doc_id="preload",
                sha256="0" * 64,
                source_path="preload.txt",
                media_type="text/plain",
                text_source="transcript",
                pages=(page,),
            )
            extract(understand(doc))
    except Exception:  # noqa: BLE001 — a warm-up only: the real task reports what fails
        pass


_WARM_TEXT = """Socialnämnden
Tjänsteutlåtande 2019-03-12
Förslag till beslut
Socialnämnden beviljar Farsta stadsdelsförvaltning 350 000 kronor för projektet
Trygg start i vuxenlivet, ur medel för lokalt utvecklingsarbete.
Projekt            Stadsdel      Tkr
Läxhjälp           Rinkeby         120
"""


def local_path(ref: str) -> Path:
    """A task's file reference as a local path: plain and ``file://`` paths as they are; other
    fsspec URLs (``s3://…``, with their fsspec package installed) as a local cached copy."""
    if "://" not in ref or ref.startswith("file://"):
        return Path(ref.removeprefix("file://"))
    import fsspec

    return Path(fsspec.open_local(f"simplecache::{ref}"))


# --------------------------------------------------------------------------- worker tasks


def _text_task(path: str, ocr: OcrSettings, first: int, last: int) -> Any:
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


def _count_task(path: str, ocr: OcrSettings) -> int:
    """Only the page count: the fallback after a file's text task killed its worker."""
    from pipeline.text.pdf import open_pdf

    with open_pdf(local_path(path)) as pdf:
        return len(pdf)


def _page_task(path: str, page_no: int, ocr: OcrSettings, check: Any = None) -> PageText:
    from pipeline.text.page import read_page

    crash_point(f"page:{Path(path).name}:{page_no}")  # crash-isolation tests only
    page = read_page(local_path(path), page_no, ocr, check)
    kill_point("ocr")  # crash-safety tests only
    return page


def _parse_task(
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


# --------------------------------------------------------------------------- scheduling


@dataclass
class _Doc:
    source: SourceFile
    started: dt.datetime
    tkey: str
    n_pages: int | None = None
    pages: dict[int, PageText] = field(default_factory=dict)
    text: DocumentText | None = None
    finished: bool = False


@dataclass
class _Task:
    kind: str  # "text" (a PDF's text layers) | "count" | "page" (one page) | "parse"
    doc: _Doc
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    seq: int = 0  # submission order


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message, for a one-line failure reason."""
    msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    first = msg.strip().splitlines()[0] if msg.strip() else type(exc).__name__
    if not getattr(exc, "message", None) and type(exc).__name__ not in first:
        first = f"{type(exc).__name__}: {first}"
    return first[:300]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def process_documents(
    sources: Iterable[SourceFile],
    settings: Settings,
    on_event: EventHandler = lambda *a, **k: None,
    workers: Workers | None = None,
    fingerprints: dict[str, StageFingerprint] | None = None,
    tick: Callable[[], None] = lambda: None,
    learner: Callable[[list[tuple[DocumentText, UnderstoodDocument | None]]], LexiconRef]
    | None = None,
) -> Iterator[DocumentResult]:
    """Text, understanding and extraction for every source; yields results as docs finish.

    `fingerprints` (computed now when not given) key the caches in extracted/; `workers` is
    the local pool by default, or a Dask cluster. `tick` is called each time tasks finish
    (the caller loads a waiting batch then, see `run.loader`). `learner` makes the learned
    lexicon from every text of the run (see the module docstring).
    """
    workers = workers or LocalPool(settings.jobs)
    store = ExtractedStore(settings.extracted_dir)
    fps = fingerprints or stage_fingerprints(settings.ocr.lang)

    def parse_args(d: _Doc, learned: LexiconRef | None = None) -> tuple[Any, ...]:
        return (d.text, str(store.root), *parse_keys(d.tkey, fps, learned), learned)

    ocr = settings.ocr
    ready: list[DocumentResult] = []
    initial: list[_Task] = []
    # every document of the run that the learned lexicon counts: its text, and its
    # understanding once parsed (a born-digital document is counted as repaired)
    learned_from: dict[str, tuple[DocumentText, UnderstoodDocument | None]] = {}
    waiting: list[_Doc] = []  # documents whose parse waits for the learned lexicon

    def parse_task(d: _Doc) -> _Task | None:
        """The parse task of a document whose text is in, or None when it must wait."""
        assert d.text is not None
        if learner is not None and needs_learned(d.text.pages):
            learned_from[d.source.doc_id] = (d.text, None)
            waiting.append(d)
            return None
        return _Task("parse", d, _parse_task, parse_args(d))

    def release() -> list[_Task]:
        """Once nothing else is outstanding: the waiting parse tasks, with the learned
        lexicon."""
        if not waiting or learner is None:
            return []
        ref = learner([learned_from[k] for k in sorted(learned_from)])
        out = [_Task("parse", d, _parse_task, parse_args(d, ref)) for d in waiting]
        waiting.clear()
        return out

    def finish(d: _Doc, status: str, stage: str, error: str | None, **parts: Any) -> None:
        if d.finished:
            return
        d.finished = True
        ready.append(
            DocumentResult(
                source=d.source,
                status=status,  # type: ignore[arg-type]
                stage=stage,
                error=error,
                started_at=d.started,
                finished_at=_now(),
                **parts,
            )
        )

    for src in sources:
        d = _Doc(src, _now(), f"{text_stage.text_key(src, ocr)}:{fps['text'].key}")
        if src.media_type == "text/plain":
            try:
                from pipeline.text.transcript import read_transcript

                d.text = text_stage.transcript_document(src, read_transcript(Path(src.path)))
            except Exception as exc:  # one bad file never stops the batch
                finish(d, "failed", "text", one_line(exc))
                continue
            on_event("pages", source=src.source_path, n=len(d.text.pages), done=True)
            if (t := parse_task(d)) is not None:
                initial.append(t)
            continue
        cached = store.read(src.doc_id, "text", d.tkey)
        if cached is not None and not settings.force:
            cached_doc = from_jsonable(DocumentText, cached)
            good = [p for p in cached_doc.pages if p.quality != "failed"]
            d.n_pages = len(cached_doc.pages)
            d.pages = {p.page_no: p for p in good}
            retry = [p.page_no for p in cached_doc.pages if p.quality == "failed"]
            on_event("pages", source=src.source_path, n=d.n_pages, done=not retry)
            if not retry:
                d.text = _with_source(cached_doc, src)
                if (t := parse_task(d)) is not None:
                    initial.append(t)
            for page_no in retry:
                initial.append(_Task("page", d, _page_task, (src.path, page_no, ocr)))
            continue
        initial.append(_Task("text", d, _text_task, (src.path, ocr, 1, TEXT_CHUNK)))

    yield from ready
    ready.clear()
    if not initial:
        initial += release()  # every document waits, and every text came from the cache
    if not initial:
        return

    pool = workers.executor(isolating=False)
    pending: dict[Future[Any], _Task] = {}

    seq = itertools.count()
    isolating = False

    refused: list[_Task] = []  # submitted after a worker died, before the pool was replaced

    def submit(task: _Task) -> None:
        task.seq = next(seq)
        try:
            pending[pool.submit(task.fn, *task.args)] = task
        except BrokenProcessPool:  # handled with the other tasks of the broken pool below
            refused.append(task)

    def handle_page(d: _Doc, page: PageText) -> None:
        d.pages[page.page_no] = page
        on_event("page_done", source=d.source.source_path, page=page)
        if d.n_pages is None or len(d.pages) < d.n_pages:
            return
        d.text = text_stage.assemble(d.source, list(d.pages.values()))
        store.write(d.source.doc_id, "text", d.tkey, to_jsonable(d.text))
        if all(p.quality == "failed" for p in d.text.pages):
            reason = d.text.pages[0].error or "no page could be read"
            finish(d, "failed", "text", f"no page could be read ({reason})", text=d.text)
        elif (t := parse_task(d)) is not None:
            submit(t)

    try:
        for task in initial:
            submit(task)
        while pending:
            done, _ = wait(list(pending), timeout=workers.poll_s, return_when=FIRST_COMPLETED)
            for line in workers.news():
                on_event("message", text=line)
            broken: list[_Task] = []
            for fut in done:
                task = pending.pop(fut)
                d = task.doc
                if d.finished:
                    continue
                try:
                    value = fut.result()
                except BrokenProcessPool:
                    broken.append(task)
                    continue
                except Exception as exc:
                    if workers.lost(exc):  # a cluster task that killed two workers
                        _fail_crashed(task, finish, handle_page, submit)
                        continue
                    if task.kind == "page":  # a page-level crash fails that page only
                        value = PageText(
                            page_no=task.args[1],
                            text="",
                            source="none",
                            quality="failed",
                            error=one_line(exc),
                        )
                    else:
                        stage = "parse" if task.kind == "parse" else "text"
                        finish(d, "failed", stage, one_line(exc))
                        continue
                if task.kind == "text":
                    if d.n_pages is None:  # the first chunk: the rest of a long file follows
                        d.n_pages = value.n_pages
                        on_event("pages", source=d.source.source_path, n=d.n_pages, done=False)
                        for start in range(1 + TEXT_CHUNK, d.n_pages + 1, TEXT_CHUNK):
                            chunk = (d.source.path, ocr, start, start + TEXT_CHUNK - 1)
                            submit(_Task("text", d, _text_task, chunk))
                    for page_no, check in value.to_ocr:
                        submit(_Task("page", d, _page_task, (d.source.path, page_no, ocr, check)))
                    for page in value.pages:
                        handle_page(d, page)
                elif task.kind == "count":
                    d.n_pages = int(value)
                    on_event("pages", source=d.source.source_path, n=d.n_pages, done=False)
                    for page_no in range(1, d.n_pages + 1):
                        submit(_Task("page", d, _page_task, (d.source.path, page_no, ocr)))
                elif task.kind == "page":
                    handle_page(d, value)
                else:
                    understood, facts = value
                    assert d.text is not None
                    if learner is not None and not needs_learned(d.text.pages):
                        learned_from[d.source.doc_id] = (d.text, understood)
                    failed = d.text.failed_pages
                    status = "partial" if failed else "ok"
                    error = (
                        f"{len(failed)} of {len(d.text.pages)} pages failed: "
                        f"page {failed[0].page_no}: {failed[0].error}"
                        if failed
                        else None
                    )
                    finish(
                        d, status, "extract", error, text=d.text, understood=understood, facts=facts
                    )
            if broken or refused or _pool_broken(pending):
                # A worker died (a crashing PDF library, the OOM killer). Every unfinished task
                # is rerun in a one-worker pool, where tasks run in submission order: when it
                # dies again, the oldest unfinished task is the culprit. Only that page (or
                # file) fails; then the full pool takes over again.
                outstanding = sorted(
                    {id(t): t for t in [*broken, *refused, *pending.values()]}.values(),
                    key=lambda t: t.seq,
                )
                pending.clear()
                refused.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                culprit = outstanding.pop(0) if isolating and outstanding else None
                isolating = culprit is None
                pool = workers.executor(isolating)
                if culprit is not None:
                    _fail_crashed(culprit, finish, handle_page, submit)
                for task in outstanding:
                    if not task.doc.finished:
                        submit(task)
            if waiting and not pending:
                for t in release():
                    submit(t)
            yield from ready
            ready.clear()
            tick()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


CRASHED = "a worker process crashed"


def _fail_crashed(
    task: _Task,
    finish: Callable[..., None],
    on_page: Callable[[_Doc, PageText], None],
    submit: Callable[[_Task], None],
) -> None:
    """Record the task that killed its worker: a page fails alone, otherwise the file.

    A file's text task reads all its text-layer pages, so its crash does not say which
    page: the file is read again one page per task (after a page count), where a crash
    fails that page only."""
    if task.kind == "page":
        page_no = task.args[1]
        on_page(
            task.doc,
            PageText(
                page_no=page_no,
                text="",
                source="none",
                quality="failed",
                error=f"{CRASHED} reading this page",
            ),
        )
    elif task.kind == "text":
        path, ocr, first, last = task.args
        n_pages = task.doc.n_pages
        if n_pages is None:  # the first chunk: the page count is not known yet
            submit(_Task("count", task.doc, _count_task, (path, ocr)))
        for page_no in range(first, min(last, n_pages or 0) + 1):
            submit(_Task("page", task.doc, _page_task, (path, page_no, ocr)))
    else:
        stage = "parse" if task.kind == "parse" else "text"
        finish(task.doc, "failed", stage, f"{CRASHED} on this file")


def _pool_broken(pending: dict[Future[Any], _Task]) -> bool:
    return any(f.done() and isinstance(f.exception(), BrokenProcessPool) for f in pending)


def _with_source(doc: DocumentText, src: SourceFile) -> DocumentText:
    """A cached text keyed by content, relabelled with the path it has now (renames)."""
    if doc.source_path == src.source_path:
        return doc
    return DocumentText(
        doc_id=doc.doc_id,
        sha256=doc.sha256,
        source_path=src.source_path,
        media_type=doc.media_type,
        text_source=doc.text_source,
        pages=doc.pages,
    )
