"""Where the worker tasks run, and how a worker process is set up.

A `Workers` is the local pool by default (`LocalPool`, a `ProcessPoolExecutor` on this
machine) or, with `--scheduler`, `cluster.ClusterWorkers` (a Dask cluster's executor);
`pool.process_documents` drives both with one loop. `init_worker` sets up each local
worker process.

Start-up (issue 19): a run with documents to read starts the pool early (`LocalPool.start`):
on a new warehouse before preparing it, so that the workers import the text path (in
their initializer, `text`) while the main process migrates and plans. A run with two or
more documents to understand first imports and warms understanding and extraction in the
main process (`preload`, in a thread while the warehouse is prepared) and forks the workers
after: they inherit it, instead of each paying seconds of CPU for it on their first parse.
A run that will OCR pages does not make its pages wait for that warm-up: the reading
workers fork first, the main process warms in a thread after, and the parse tasks go to
a second pool forked from it once warmed (`LocalPool.parse_after`, `parse_executor`).
A run of one born-digital document (or one transcript) is understood by one worker: that
worker forks first, from the main process before it prepares the warehouse, and warms
understanding and extraction in its initializer while one reading worker fewer reads the
text (`LocalPool.parse_first`); the parse no longer starts with seconds of imports after
the last page.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import types
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any, Protocol

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
    """Worker processes on this machine; a crash breaks the whole pool (handled below).

    `text`: the workers import the text path before their first task (see the module
    docstring); by default each task imports what it needs."""

    poll_s: float | None = None

    def __init__(self, jobs: int, *, text: bool = False) -> None:
        self.jobs = max(1, jobs)
        self.text = text
        self._started: ProcessPoolExecutor | None = None
        self._warm: threading.Thread | None = None
        self._parse_started: ProcessPoolExecutor | None = None  # `parse_first`

    def parse_after(self, warm: threading.Thread) -> None:
        """Understanding and extraction go to their own workers, forked from this process
        once `warm` (its `preload` of them, started after this pool forked) is done; the
        reading workers started meanwhile, without waiting for it."""
        global _preloading
        self._warm = _preloading = warm

    def parse_first(self) -> None:
        """The parse tasks go to one worker of their own, forked now, which imports and warms
        understanding and extraction in its initializer (`init_worker(parse=True)`) while the
        reading workers start (one fewer: `start(readers=...)`). For a run of one document,
        whose parse is one task: its warm-up no longer waits for the last page."""
        if self._parse_started is None:
            self._parse_started = self._new(1, text=False, parse=True)

    def parse_executor(self) -> Executor | None:
        """The pool for the parse tasks: `parse_first`'s, or a new one forked from this warmed
        process (it waits for the warm-up), or None: parse tasks go to `executor`'s pool, as
        the text and page tasks."""
        if self._parse_started is not None:
            pool, self._parse_started = self._parse_started, None
            return pool
        if self._warm is None:
            return None
        return self._new(self.jobs, text=False)

    def start(self, readers: int | None = None) -> None:
        """Start the worker processes now (they import while this process goes on); the next
        `executor(isolating=False)` returns this pool. `readers`: how many (default `jobs`;
        after a crash the pools have `jobs` again)."""
        if self._started is None:
            self._started = self._new(readers or self.jobs)

    def executor(self, isolating: bool) -> Executor:
        if self._started is not None and not isolating:
            pool, self._started = self._started, None
            return pool
        return self._new(1 if isolating else self.jobs)

    def _new(
        self, workers: int, text: bool | None = None, parse: bool = False
    ) -> ProcessPoolExecutor:
        """A pool whose workers are forked now. This process's objects are frozen for the
        garbage collector meanwhile: a worker then never collects (finalises) what it
        inherited — garbage of earlier runs in a long-lived process such as the tests', which
        crashed a worker importing in a thread — and the pages stay shared."""
        forking()
        pool = ProcessPoolExecutor(
            max_workers=workers,
            initializer=init_worker,
            initargs=(self.text if text is None else text, parse),
        )
        gc.freeze()
        try:
            started: Future[int] = pool.submit(os.getpid)  # forks every worker
        finally:
            gc.unfreeze()
        del started
        return pool

    def close(self) -> None:
        """Stop a started pool that no task used (a run with nothing to do after all)."""
        for pool in (self._started, self._parse_started):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._started = self._parse_started = None

    def lost(self, exc: BaseException) -> bool:
        return False

    def news(self) -> list[str]:
        return []


def init_worker(text: bool = False, parse: bool = False) -> None:
    """Set up a worker process (not at import time, so importing the pool changes nothing):
    Tesseract's own threading fights the process pool on few cores, and PIL's limit on image
    size (decompression bombs) is set by importing `text.render`. `text`: import the text
    path now (see the module docstring). `parse`: a worker that only understands and
    extracts (`LocalPool.parse_first`): it warms them now, and never renders a page."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if parse:
        preload(parse=True, text=False, render=False)
        return
    import pipeline.text.render  # noqa: F401

    if text:
        preload(parse=False)


_main_warming: threading.Thread | None = None  # the main process's warm-up of loading
_preloading: threading.Thread | None = None  # its warm-up of parsing (`LocalPool.parse_after`)


def warm_loading() -> None:
    """Import, in a background thread of the main process, what loading the first batch
    imports (pyarrow, which imports pandas, and the evidence boxes' numpy): the main process
    mostly waits for the workers, and the first load came after the last parse (issue 19).
    `forking` waits for it before any pool forks."""
    global _main_warming

    def imports() -> None:
        try:
            import pyarrow as pa

            import pipeline.warehouse.evidence_boxes  # noqa: F401

            pa.array([0])  # pyarrow imports pandas on its first conversion
        except Exception:  # noqa: BLE001 — a warm-up only: loading reports what fails
            pass

    if _main_warming is None:
        _main_warming = threading.Thread(target=imports, name="namnd-warm-load", daemon=True)
        _main_warming.start()


def forking() -> None:
    """Called before a local pool forks: never fork while a thread of ours may be importing
    (the child would inherit a held import lock)."""
    for warming in (_main_warming, _preloading):
        if warming is not None:
            warming.join()


def forks() -> bool:
    """Do the local pool's workers start as forks of this process (Linux's default)?"""
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=True) in (None, "fork") and hasattr(
        os, "fork"
    )


def preload(parse: bool = True, text: bool = True, render: bool = True) -> None:
    """Import in this process what a worker would otherwise import and build on its first
    tasks — with `text`, the text path (pdfium, pdfplumber, pikepdf, OpenCV, wordfreq); with
    `parse`, understanding and extraction (spaCy, the entity pipeline, the lexicons, loaded
    by understanding a few lines). Issue 19: this was seconds per worker per run, after the
    last page of a document was in. `render`: also what `init_worker` imports in every
    reading worker (numpy, OpenCV, pdfium). Failures are left for the tasks to report."""
    try:
        if render:
            import pipeline.text.render  # noqa: F401

        if text:
            import pipeline.text.document
            import pipeline.text.page  # noqa: F401

        if parse:
            import_spacy()
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


def import_spacy() -> None:
    """Import spaCy without its command-line package, unless it is imported already.

    spaCy's ``__init__`` imports ``spacy.cli`` for one name, ``spacy.info``, and with it
    typer, rich, httpx, requests, weasel and their dependencies: about 360 modules and a
    quarter of a second of every parse worker's start (issue 19; nothing else in spaCy
    imports it). Stand-ins for ``spacy.cli`` and ``spacy.cli.info`` are in ``sys.modules``
    while spaCy imports, and removed after: a later ``import spacy.cli`` imports the real
    package, and ``spacy.info()`` calls the real one. A spaCy whose ``__init__`` wants more
    of its command line than ``info`` is imported as usual."""
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that ``spacy.cli.info`` is looked up under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    try:
        for name, module in stand_ins.items():
            sys.modules.setdefault(name, module)
        try:
            import spacy  # noqa: F401
        except ImportError:
            for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
                del sys.modules[name]
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "cli", None) is cli:
            del spacy_module.cli


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` after `import_spacy`: the real one, imported when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


_WARM_TEXT = """Socialnämnden
Tjänsteutlåtande 2019-03-12
Förslag till beslut
Socialnämnden beviljar Farsta stadsdelsförvaltning 350 000 kronor för projektet
Trygg start i vuxenlivet, ur medel för lokalt utvecklingsarbete.
Projekt            Stadsdel      Tkr
Läxhjälp           Rinkeby         120
"""
