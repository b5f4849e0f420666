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

Where the tasks run is a `Workers` (`run.workers`): by default `LocalPool`, a
`ProcessPoolExecutor` on this machine; with `--scheduler`, `cluster.ClusterWorkers`, a Dask
cluster's executor. The loop below is the same for both. The task functions and types live
in `run.tasks` (they take fsspec-style path strings, `tasks.local_path`, never page
images); what happens when a worker dies, in `run.isolation`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.lang.domain import LexiconRef, needs_learned
from pipeline.layout import ExtractedStore
from pipeline.records import (
    DocumentResult,
    DocumentText,
    PageText,
    SourceFile,
    UnderstoodDocument,
    from_jsonable,
    to_jsonable,
)
from pipeline.run import isolation, tasks
from pipeline.run.fingerprint import StageFingerprint, stage_fingerprints
from pipeline.run.tasks import Doc, Task, parse_keys
from pipeline.run.workers import LocalPool, Workers
from pipeline.text import stage as text_stage

EventHandler = Callable[..., None]

#: Pages per text task: a long born-digital file is read by all workers, a chunk each
#: (pdfplumber takes ~20–50 ms a page, so a chunk is a second or two of work).
TEXT_CHUNK = 32


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
    fps = fingerprints or stage_fingerprints(settings.ocr.lang, settings.ocr.engine)

    def parse_args(d: Doc, learned: LexiconRef | None = None) -> tuple[Any, ...]:
        return (d.text, str(store.root), *parse_keys(d.tkey, fps, learned), learned)

    ocr = settings.ocr
    ready: list[DocumentResult] = []
    initial: list[Task] = []
    # every document of the run that the learned lexicon counts: its text, and its
    # understanding once parsed (a born-digital document is counted as repaired)
    learned_from: dict[str, tuple[DocumentText, UnderstoodDocument | None]] = {}
    waiting: list[Doc] = []  # documents whose parse waits for the learned lexicon

    def parse_task(d: Doc) -> Task | None:
        """The parse task of a document whose text is in, or None when it must wait."""
        assert d.text is not None
        if learner is not None and needs_learned(d.text.pages):
            learned_from[d.source.doc_id] = (d.text, None)
            waiting.append(d)
            return None
        return Task("parse", d, tasks.parse_task, parse_args(d))

    def release() -> list[Task]:
        """Once nothing else is outstanding: the waiting parse tasks, with the learned
        lexicon."""
        if not waiting or learner is None:
            return []
        ref = learner([learned_from[k] for k in sorted(learned_from)])
        # longest first: they all start at once, and the run ends with the last one
        waiting.sort(key=_parse_size, reverse=True)
        out = [Task("parse", d, tasks.parse_task, parse_args(d, ref)) for d in waiting]
        waiting.clear()
        return out

    def finish(d: Doc, status: str, stage: str, error: str | None, **parts: Any) -> None:
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
        d = Doc(src, _now(), f"{text_stage.text_key(src, ocr)}:{fps['text'].key}")
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
                initial.append(Task("page", d, tasks.page_task, (src.path, page_no, ocr)))
            continue
        initial.append(Task("text", d, tasks.text_task, (src.path, ocr, 1, TEXT_CHUNK)))

    yield from ready
    ready.clear()
    if not initial:
        initial += release()  # every document waits, and every text came from the cache
    if not initial:
        return

    pool = workers.executor(isolating=False)
    pending: dict[Future[Any], Task] = {}

    seq = itertools.count()
    isolating = False

    refused: list[Task] = []  # submitted after a worker died, before the pool was replaced
    # the parse tasks' own pool, forked from the warmed main process at the first parse
    # (`LocalPool.parse_after`); None: they go to `pool` like the others
    parse_pool: Executor | None = None

    def target(task: Task) -> Executor:
        nonlocal parse_pool
        if task.kind != "parse" or isolating:
            return pool
        if parse_pool is None:
            make = getattr(workers, "parse_executor", None)
            parse_pool = (make() if make is not None else None) or pool
        return parse_pool

    def submit(task: Task) -> None:
        task.seq = next(seq)
        try:
            pending[target(task).submit(task.fn, *task.args)] = task
        except BrokenProcessPool:  # handled with the other tasks of the broken pool below
            refused.append(task)

    def handle_page(d: Doc, page: PageText) -> None:
        d.pages[page.page_no] = page
        on_event("page_done", source=d.source.source_path, page=page)
        if d.n_pages is None or len(d.pages) < d.n_pages:
            return
        d.text = text_stage.assemble(d.source, list(d.pages.values()))
        if all(p.quality == "failed" for p in d.text.pages):
            reason = d.text.pages[0].error or "no page could be read"
            finish(d, "failed", "text", f"no page could be read ({reason})", text=d.text)
        elif (t := parse_task(d)) is not None:
            submit(t)  # before the text is cached: a worker starts on it meanwhile
        store.write(d.source.doc_id, "text", d.tkey, to_jsonable(d.text))

    try:
        for task in initial:
            submit(task)
        while pending or refused:  # refused: the pool broke before it took a task
            done: set[Future[Any]] = set()
            if pending:
                done, _ = wait(list(pending), timeout=workers.poll_s, return_when=FIRST_COMPLETED)
            for line in workers.news():
                on_event("message", text=line)
            broken: list[Task] = []
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
                        isolation.fail_crashed(task, finish, handle_page, submit)
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
                            submit(Task("text", d, tasks.text_task, chunk))
                    for page_no, check in value.to_ocr:
                        submit(
                            Task("page", d, tasks.page_task, (d.source.path, page_no, ocr, check))
                        )
                    for page in value.pages:
                        handle_page(d, page)
                elif task.kind == "count":
                    d.n_pages = int(value)
                    on_event("pages", source=d.source.source_path, n=d.n_pages, done=False)
                    for page_no in range(1, d.n_pages + 1):
                        submit(Task("page", d, tasks.page_task, (d.source.path, page_no, ocr)))
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
            if broken or refused or isolation.pool_broken(pending):
                # A worker died (a crashing PDF library, the OOM killer). Every unfinished task
                # is rerun in a one-worker pool, where tasks run in submission order: when it
                # dies again, the oldest unfinished task is the culprit. Only that page (or
                # file) fails; then the full pool takes over again.
                culprit, outstanding = isolation.after_crash(
                    [*broken, *refused, *pending.values()], isolating
                )
                pending.clear()
                refused.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                if parse_pool is not None and parse_pool is not pool:
                    parse_pool.shutdown(wait=False, cancel_futures=True)
                parse_pool = None  # a new one (when not isolating) at the next parse
                isolating = culprit is None
                pool = workers.executor(isolating)
                if culprit is not None:
                    isolation.fail_crashed(culprit, finish, handle_page, submit)
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
        if parse_pool is not None and parse_pool is not pool:
            parse_pool.shutdown(wait=True, cancel_futures=True)


def _parse_size(d: Doc) -> int:
    """How long a document's parse will take, roughly: its text's length."""
    return sum(len(p.text) for p in d.text.pages) if d.text is not None else 0


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
