"""Where the worker tasks run, and how a worker process is set up.

A `Workers` is the local pool by default (`LocalPool`, a `ProcessPoolExecutor` on this
machine) or, with `--scheduler`, `cluster.ClusterWorkers` (a Dask cluster's executor);
`pool.process_documents` drives both with one loop. `init_worker` sets up each local
worker process; `preload` warms this process before the pool forks (`forks`), so that the
workers inherit what they would each import on their first task.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Protocol

from pipeline.records import DocumentText, PageText


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
