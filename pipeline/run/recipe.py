"""The whole pipeline, in order. This is the recipe `namnd run` follows.

    discover  → every file under raw/ with its content id (sha256)
    plan      → which files are new, changed, renamed, processed by an older stage version,
                or failed before and unchanged (run/plan.py)
    text      → text of every page (text layer, OCR, or transcript)       ┐ in a pool of
    understand→ repaired text, page furniture, sections, metadata         │ worker processes,
    extract   → projects, amounts, criteria, district mentions            ┘ cached in extracted/
    load      → one transaction per batch of documents into the DuckDB warehouse, overrides
                re-applied (run/loader.py)

The run holds the warehouse lock from start to end, and a write connection only while
loading (the warehouse is prepared in the first window only). Every file gets an `ingest_log` row; one bad file never stops the batch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline import warehouse
from pipeline.config import Settings
from pipeline.layout import ExtractedStore
from pipeline.records import DocumentResult, SourceFile
from pipeline.run import fingerprint as fp
from pipeline.run.discover import Skipped, discover
from pipeline.run.loader import BatchLoader
from pipeline.run.plan import Plan, make_plan
from pipeline.run.pool import EventHandler, process_documents
from pipeline.run.tasks import stage_versions
from pipeline.run.workers import LocalPool, Workers, forks, preload, warm_loading
from pipeline.warehouse import longitudinal
from pipeline.warehouse.lexicon import Learner
from pipeline.warehouse.runs import record_run


def pipeline_version() -> str:
    v = stage_versions()
    return f"t{v['text']}.u{v['understand']}.x{v['extract']}.s{warehouse.SCHEMA_VERSION}"


@dataclass
class RunSummary:
    files_seen: int = 0
    up_to_date: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    unsupported: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source_path, reason)
    pages_by_source: Counter[str] = field(default_factory=Counter)
    pages_read: int = 0  # pages whose text was extracted this run (not reused from the cache)
    ocr_confidences: list[float] = field(default_factory=list)
    doubtful_pages: list[tuple[str, int, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # in the warehouse, gone from raw/
    pruned: int = 0
    unmatched_overrides: list[str] = field(default_factory=list)
    overrides: warehouse.OverrideReport | None = None
    elapsed_s: float = 0.0
    cluster: str | None = None  # the Dask scheduler's address, when the run used one
    workers: int = 0  # cluster workers seen during the run
    workers_lost: int = 0
    tasks_retried: int = 0  # tasks rerun elsewhere because their worker was lost
    plan: Plan | None = None  # what the run set out to do, and why (see run/plan.py)
    longitudinal: longitudinal.LongitudinalReport | None = None  # series, checks, concepts

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    @property
    def mean_ocr_confidence(self) -> float | None:
        c = self.ocr_confidences
        return sum(c) / len(c) if c else None


def run(settings: Settings, on_event: EventHandler = lambda *a, **k: None) -> RunSummary:
    """Run the pipeline over `settings.raw_dir` into `settings.db_path`."""
    t0 = time.perf_counter()
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    summary = RunSummary()
    version = pipeline_version()
    # chosen once, here, and the workers are told which: the text key names the engine
    engine, why = fp.settled_engine(settings.ocr.engine, settings.ocr.lang)
    if why:
        on_event("message", text=why)
    settings = replace(settings, ocr=replace(settings.ocr, engine=engine))
    fps = fp.stage_fingerprints(settings.ocr.lang, settings.ocr.engine)
    fingerprint = fp.combined(fps)
    settings.db_path.parent.mkdir(parents=True, exist_ok=True)
    with warehouse.write_lock(settings.db_path), contextlib.ExitStack() as cleanup:
        if settings.rebuild_warehouse:
            _remove_db(settings.db_path)
        warehouse.check_register(settings.expected_dir)  # a bad line stops before any work
        found = discover(settings.raw_dir)
        summary.files_seen = len(found.files) + len(found.skipped)
        summary.skipped = list(found.skipped)
        for s in found.skipped:
            on_event("message", text=f"SKIPPED {s.source_path}: {s.reason}")

        # A new warehouse: everything found is to do, so the start-up begins now, while this
        # process prepares the warehouse and plans (issue 19): the workers start and import
        # the text path, or, with two or more documents to understand, this process imports
        # and warms understanding and extraction for the workers to inherit (`run.workers`;
        # in a run that will OCR, after the reading workers forked: see `_workers`).
        # Otherwise the start-up waits for the plan.
        workers: Workers | None = None
        warm: threading.Thread | None = None
        readable = [f for f in found.files if f.media_type != "unsupported"]
        if readable and not settings.db_path.exists():
            if _preloads(settings, readable) and not _scans(readable):
                warm = _preload()
            else:
                workers = _workers(settings, readable, None)
                cleanup.callback(_close, workers, summary)

        def loaded(result: DocumentResult) -> None:
            _tally(summary, result)
            on_event("doc_done", result=result)

        def finish(con: object, report: warehouse.OverrideReport) -> None:
            warehouse.load_expected(con, settings.expected_dir)  # type: ignore[arg-type]
            # project series, criterion concepts and checks over the whole warehouse
            summary.longitudinal = longitudinal.refresh(con, settings.overrides_dir)  # type: ignore[arg-type]
            summary.unmatched_overrides = [o.describe() for o in report.unmatched] + [
                f"{o.describe()} (invalid, not applied: {why})" for o, why in report.invalid
            ]
            summary.overrides = report
            summary.elapsed_s = time.perf_counter() - t0
            _record(con, summary, started, version, fps)

        report: warehouse.OverrideReport | None = None
        loader = BatchLoader(settings.db_path, version, fingerprint, on_loaded=loaded)
        with loader.window() as con:
            plan = make_plan(
                found.files,
                warehouse.loaded_state(con),
                version,
                settings.force,
                fingerprint=fingerprint,
                failed=warehouse.failed_state(con),
                retry_failed=settings.retry_failed,
            )
            for f, _old in plan.renamed:  # same bytes at a new path: nothing to read again
                warehouse.relink(con, f.doc_id, f.source_path)
                _log(con, f, "ok", "rename", "", version)
            logged = _logged_unsupported(con)
            for f in plan.unsupported:
                summary.unsupported += 1
                if f.sha256 not in logged:
                    _log(con, f, "unsupported", "discover", _unsupported_reason(f), version)
            if plan.superseded:
                keep = set(warehouse.loaded_state(con)) - set(plan.superseded)
                warehouse.prune(con, keep)
            if settings.prune and plan.removed:
                keep = set(warehouse.loaded_state(con)) - set(plan.removed)
                summary.pruned = warehouse.prune(con, keep)
            # the learned domain lexicon: stored counts of the documents not redone
            redo = {f.doc_id for f in plan.todo} | set(plan.removed) | set(plan.superseded)
            learner = Learner.from_warehouse(
                con, redo, settings.overrides_dir, settings.extracted_dir / "lexicon"
            )
            summary.up_to_date = len(plan.up_to_date)
            summary.plan = plan
            summary.removed = [] if settings.prune else list(plan.removed)
            if not plan.todo:  # nothing to read: the end of the run in this same window
                report = warehouse.apply_overrides(con, settings.overrides_dir)
                if not report.needs_reload:
                    finish(con, report)
        for dup, first in plan.duplicates:
            on_event(
                "message", text=f"DUPLICATE {dup.source_path}: same bytes as {first.source_path}"
            )
        for f, old in plan.renamed:
            on_event("message", text=f"renamed  {old} -> {f.source_path} (not read again)")
        on_event(
            "plan",
            todo=len(plan.todo),
            up_to_date=len(plan.up_to_date),
            renamed=len(plan.renamed),
            still_failing=len(plan.still_failing),
        )
        if workers is None:
            if warm is None and _preloads(settings, plan.todo) and not _scans(plan.todo):
                warm = _preload()
            workers = _workers(settings, plan.todo, warm)
            cleanup.callback(_close, workers, summary)
        if plan.todo:
            warm_loading()  # while the workers work (the pool has forked: see `forking`)

        def count_pages(event: str, **data: object) -> None:
            if event == "page_done":
                summary.pages_read += 1
            on_event(event, **data)

        for result in process_documents(
            plan.todo,
            settings,
            count_pages,
            workers,
            fingerprints=fps,
            tick=loader.tick,
            learner=learner.snapshot,
        ):
            loader.add(result)

        if report is None:
            with loader.window() as con:
                loader.flush(con)  # the last batch, in the window that ends the run
                report = warehouse.apply_overrides(con, settings.overrides_dir)
                if not report.needs_reload:
                    finish(con, report)
        else:
            loader.flush()
        if report.needs_reload:
            # A correction was removed from the overrides files, or became stale: reload the
            # documents it had changed (from the cache in extracted/) so their extracted
            # values come back.
            again = [f for f in found.files if f.doc_id in report.needs_reload]
            reload = BatchLoader(settings.db_path, version, fingerprint)
            reload.prepared = True
            with loader.window() as con:
                learner = Learner.from_warehouse(
                    con, report.needs_reload, settings.overrides_dir, learner.lexicon_dir
                )
            for result in process_documents(
                again,
                settings,
                count_pages,
                workers,
                fingerprints=fps,
                tick=reload.tick,
                learner=learner.snapshot,
            ):
                reload.add(result)
            reload.flush()
            with loader.window() as con:
                finish(con, warehouse.apply_overrides(con, settings.overrides_dir))
    return summary


def _preloads(settings: Settings, todo: Sequence[SourceFile]) -> bool:
    """Warm understanding and extraction in this process for the workers forked from it?
    Only when two or more documents will be understood by two or more workers: one document
    is understood by one worker, and this process would only delay its pages (and a worker
    forked from a process holding everything peaks higher in memory)."""
    if settings.jobs < 2 or settings.scheduler or not forks():
        return False
    store = ExtractedStore(settings.extracted_dir)
    return sum(settings.force or not store.path(f.doc_id, "extract").is_file() for f in todo) > 1


def _solo(settings: Settings, todo: Sequence[SourceFile]) -> bool:
    """A run of one document (born-digital or a transcript), by two or more local workers:
    one worker warms understanding and extraction from the start while the others read
    (`LocalPool.parse_first`)."""
    return len(todo) == 1 and settings.jobs >= 2 and not settings.scheduler and forks()


#: PDFs whose first page `_scans` looks at (a millisecond or two each, in the main process)
SCAN_PROBES = 8


def _scans(todo: Sequence[SourceFile]) -> bool:
    """Will the run OCR pages? Guessed from the first page of the first `SCAN_PROBES` PDFs
    (no text on it): only the start-up depends on this guess (`_workers`), never what is
    read."""
    pdfs = [f for f in todo if f.media_type == "application/pdf"][:SCAN_PROBES]
    if not pdfs:
        return False
    from pipeline.text.probe import first_page_blank

    return any(first_page_blank(Path(f.path)) for f in pdfs)


def _preload(text: bool = True) -> threading.Thread:
    warm = threading.Thread(target=preload, args=(True, text), name="namnd-preload", daemon=True)
    warm.start()
    return warm


def _workers(
    settings: Settings, todo: Sequence[SourceFile], warm: threading.Thread | None
) -> Workers:
    """The local pool (Tesseract checked here), started at once when there is work, or a
    Dask cluster (Tesseract checked on each worker). `warm`: the preload to wait for before
    the pool forks.

    A run that will OCR pages (issue 19) does not wait for a warm-up before its first page:
    the reading workers fork at once, then this process warms understanding and extraction
    in a thread (`preload`), and the parse tasks go to workers forked from it once that is
    done (`LocalPool.parse_after`); they come at the end of such a run, after the learned
    lexicon. A born-digital run is read in seconds: its workers are forked after the warm-up
    (`warm`), and inherit it, without a second pool's start and memory."""
    try:
        need_ocr = any(f.media_type == "application/pdf" for f in todo)
        if settings.scheduler:
            from pipeline.run.cluster import ClusterWorkers

            return ClusterWorkers(settings, need_ocr)
        store = ExtractedStore(settings.extracted_dir)
        pool = LocalPool(
            settings.jobs,
            # the workers import the text path first when there are PDFs to read
            text=any(
                f.media_type == "application/pdf"
                and (settings.force or not store.path(f.doc_id, "text").is_file())
                for f in todo
            ),
        )
        solo = bool(todo) and warm is None and _solo(settings, todo) and not _scans(todo)
        try:
            if solo:
                # before the reading workers (it has the longest start-up), and before
                # Tesseract is checked (two subprocesses: a twentieth of a second)
                pool.parse_first()
            if need_ocr:
                from pipeline.text.tesseract_check import check_tesseract

                check_tesseract(settings.ocr.lang)
        except BaseException:
            pool.close()  # the parse worker forked above: a missing Tesseract stops the run
            raise
    finally:
        if warm is not None:
            warm.join()  # never fork while a thread may hold the import lock
    if todo:
        pool.start(readers=settings.jobs - 1 if solo else None)
        if warm is None and _preloads(settings, todo) and _scans(todo):
            # after the fork: never fork while a thread imports
            pool.parse_after(_preload(text=False))
    return pool


def _close(workers: Workers, summary: RunSummary) -> None:
    """Disconnect from a cluster, keeping what it reports for the summary."""
    stats = getattr(workers, "stats", None)
    if stats is not None and stats.workers:
        summary.cluster = stats.address
        summary.workers, summary.workers_lost = stats.workers, stats.lost
        summary.tasks_retried = stats.retried
    close = getattr(workers, "close", None)
    if close is not None:
        close()


def _record(
    con: object,
    summary: RunSummary,
    started: dt.datetime,
    version: str,
    fps: dict[str, fp.StageFingerprint],
) -> None:
    """One `runs` row: versions, data digests, counts and elapsed time of this run."""
    import json

    report = summary.overrides
    tools: dict[str, str] = {}
    data: dict[str, str] = {}
    for f in fps.values():
        tools.update(f.tools)
        data.update(f.data)
    record_run(
        con,  # type: ignore[arg-type]
        {
            "run_id": started.isoformat(timespec="microseconds"),
            "started_at": started,
            "finished_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
            "elapsed_s": round(summary.elapsed_s, 3),
            "pipeline_version": version,
            "fingerprint": fp.combined(fps),
            "fingerprints": fp.to_json(fps),
            "tool_versions": json.dumps(tools, sort_keys=True),
            "data_digests": json.dumps(data, sort_keys=True),
            "files_seen": summary.files_seen,
            "processed": summary.ok + summary.partial + summary.failed,
            "ok": summary.ok,
            "partial": summary.partial,
            "failed": summary.failed,
            "unsupported": summary.unsupported,
            "up_to_date": summary.up_to_date,
            "pages_read": summary.pages_read,
            "corrections_applied": len(report.applied) if report else 0,
            "corrections_stale": len(report.stale) if report else 0,
            "corrections_unmatched": len(report.unmatched) if report else 0,
            "exit_code": summary.exit_code,
        },
    )


def _log(
    con: object, f: SourceFile, status: str, stage: str, error: str | None, version: str
) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    warehouse.log_attempt(
        con,  # type: ignore[arg-type]
        source_path=f.source_path,
        sha256=f.sha256,
        status=status,
        stage=stage,
        error=error or None,
        started_at=now,
        finished_at=now,
        pipeline_version=version,
    )


def _logged_unsupported(con: object) -> set[str]:
    rows = con.execute(  # type: ignore[attr-defined]
        "SELECT DISTINCT sha256 FROM ingest_log WHERE status = 'unsupported'"
    ).fetchall()
    return {r[0] for r in rows}


def _unsupported_reason(f: SourceFile) -> str:
    suffix = Path(f.source_path).suffix or "(no extension)"
    return f"unsupported file type {suffix}; only .pdf and .txt are read"


def _tally(summary: RunSummary, result: DocumentResult) -> None:
    if result.status == "ok":
        summary.ok += 1
    elif result.status == "partial":
        summary.partial += 1
    else:
        summary.failed += 1
    if result.status in ("partial", "failed"):
        summary.failures.append((result.source.source_path, result.error or "unknown error"))
    if result.text is not None:
        for p in result.text.pages:
            summary.pages_by_source[p.source] += 1
            if p.source == "ocr" and p.confidence is not None:
                summary.ocr_confidences.append(p.confidence)
            if p.quality == "doubtful":
                why = (
                    f"confidence {p.confidence:.0f}" if p.confidence is not None else "low quality"
                )
                summary.doubtful_pages.append((result.source.source_path, p.page_no, why))


def _remove_db(db_path: Path) -> None:
    for p in (db_path, db_path.with_name(db_path.name + ".wal")):
        p.unlink(missing_ok=True)
