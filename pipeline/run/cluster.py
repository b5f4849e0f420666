"""The same run on a Dask distributed cluster, when one machine is not enough.

`namnd run --scheduler tcp://HOST:8786` (or ``NAMND_SCHEDULER``) sends the page text,
understanding and extraction tasks to the workers of a running Dask scheduler instead of the
local process pool. The driver — the machine running `namnd run` — still discovers, plans,
collects and loads: DuckDB keeps a single writer. `client.get_executor()` is a plain
`concurrent.futures` executor, so `pool.process_documents` drives both with one loop.

Tasks carry references, never page images: a page task is ``(path, page number, OCR
settings)``, a parse task the document's text and the cache key. Paths are fsspec-style
strings (`tasks.local_path`); today they are absolute paths on storage that every worker mounts
at the same place (NFS, CephFS, …): workers read ``raw/`` there and write ``extracted/`` there,
content-addressed and atomically, so a task that runs twice (a retry, a lost worker) is
harmless.

What the cluster changes, and what it keeps:

* A lost worker (killed, out of memory, machine gone): the scheduler reruns the tasks it was
  running elsewhere. namnd sets the scheduler to allow one such rerun (``allowed-failures``
  1) and to hand a worker only the task it is running (``worker-saturation`` 1.0), so when a
  task kills a second worker the blame is exact: Dask reports it as ``KilledWorker`` and only
  that page fails (its file loads as partial), as in the local pool's isolation.
* Page timeouts stay inside the task (Tesseract is killed after ``page_timeout_s``): Dask has
  no per-task timeout.
* At connect time every worker reports its package version, stage versions, a digest of its
  code, its Python, its Tesseract languages and whether it sees the shared folders. Any
  difference from the driver is one error naming the worker (exit status 2).

``--scheduler local`` starts a `LocalCluster` of ``--jobs`` single-threaded worker processes
on this machine (the benchmark in ``tests/bench/bench_cluster.py`` compares it with the pool).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import platform
import queue
import socket
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.errors import EnvironmentProblem

PACKAGE = "namndarkiv"
CONNECT_TIMEOUT_S = 20.0
WAIT_FOR_WORKERS_S = 30.0  # how long a scheduler without workers is given to get one
NO_WORKERS_GIVE_UP_S = 300.0  # all workers gone for this long mid-run: stop with a message
POLL_S = 2.0  # how often the wait loop looks at cluster news (lost workers)

# One rerun after a lost worker; a task that kills a second worker is the culprit.
ALLOWED_FAILURES = 1
# With nthreads 1, a worker holds only the task it runs, so a lost worker blames only it.
WORKER_SATURATION = 1.0

HOW_TO_FIX = "install the same namndarkiv (same commit) on the driver and every worker"


# --------------------------------------------------------------------------- identity


def code_digest() -> str:
    """SHA-256 (12 hex) over the package's files: two installs agree only on the same code."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if not p.is_file() or "__pycache__" in p.parts or p.suffix in {".pyc", ".pyo"}:
            continue
        h.update(p.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def identity() -> dict[str, str]:
    """What must be equal on the driver and every worker."""
    from pipeline.run.recipe import pipeline_version

    try:
        version = importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        version = "not installed"
    return {
        "package": version,
        "pipeline": pipeline_version(),
        "code": code_digest(),
        "python": ".".join(platform.python_version_tuple()[:2]),
    }


def describe(ident: dict[str, str]) -> str:
    return (
        f"{PACKAGE} {ident.get('package')}, pipeline {ident.get('pipeline')}, "
        f"code {ident.get('code')}, Python {ident.get('python')}"
    )


def worker_report(lang: str | None, read: list[str], write: str, probe: str) -> dict[str, Any]:
    """Runs on each worker at connect time: its identity and what it lacks. `read` are the
    shared folders it reads, `write` the one it writes, `probe` a file the driver put there."""
    from pipeline.text.tesseract_check import check_tesseract

    problems: list[str] = []
    if lang:
        try:
            check_tesseract(lang)
        except EnvironmentProblem as exc:
            problems.append(exc.message)
    for folder in [*read, write]:
        if not os.path.isdir(folder):
            problems.append(f"cannot see the shared folder {folder}")
    if os.path.isdir(write) and not os.access(write, os.W_OK | os.X_OK):
        problems.append(f"cannot write to the shared folder {write}")
    elif os.path.isdir(write) and not os.path.exists(probe):
        problems.append(
            f"sees {os.path.dirname(probe)} but not the driver's file in it: "
            "a different disk is mounted at that path"
        )
    return {**identity(), "host": socket.gethostname(), "problems": problems}


def check_reports(
    driver: dict[str, str], reports: dict[str, Any], names: dict[str, str]
) -> list[str]:
    """One line per worker that cannot run this pipeline (empty when all can)."""
    lines = []
    for address, report in sorted(reports.items()):
        name = names.get(address)
        who = f"worker {address}" + (f" ({name})" if name and name != address else "")
        if isinstance(report, BaseException):
            lines.append(
                f"{who} cannot run namnd's code ({type(report).__name__}: {report}); {HOW_TO_FIX}"
            )
            continue
        diff = [k for k in ("package", "pipeline", "code", "python") if report.get(k) != driver[k]]
        if diff:
            lines.append(
                f"{who} on {report.get('host')} runs {describe(report)}, but this driver runs "
                f"{describe(driver)} (differs: {', '.join(diff)}); {HOW_TO_FIX}"
            )
        for problem in report.get("problems", []):
            lines.append(f"{who} on {report.get('host')}: {problem}")
    return lines


# --------------------------------------------------------------------------- the executor


class ClusterExecutor(Executor):
    """`client.get_executor()` with the local pool's `shutdown(cancel_futures=…)` signature."""

    def __init__(self, client: Any) -> None:
        self._inner = client.get_executor(pure=False)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return self._inner.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait and not cancel_futures)


@dataclass
class ClusterStats:
    address: str
    workers: int = 0  # workers seen during the run
    lost: int = 0  # workers that left unexpectedly
    retried: int = 0  # tasks rerun because their worker was lost


class ClusterWorkers:
    """Tasks on a Dask cluster; connects on first use (a run with nothing to do never does)."""

    poll_s: float | None = POLL_S

    def __init__(self, settings: Settings, need_ocr: bool) -> None:
        self.settings = settings
        self.need_ocr = need_ocr
        self.stats = ClusterStats(settings.scheduler or "")
        self._client: Any = None
        self._cluster: Any = None
        self._news: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        self._seen: set[str] = set()
        self._no_workers_since: float | None = None
        self._last_look = 0.0
        self._subscribed = False

    # -- the Workers protocol (workers.py)

    def executor(self, isolating: bool) -> Executor:
        if self._client is None:
            self._connect()
        return ClusterExecutor(self._client)

    def lost(self, exc: BaseException) -> bool:
        """True when `exc` says the task's workers died (twice) while running it."""
        from distributed.scheduler import KilledWorker

        return isinstance(exc, KilledWorker)

    def news(self) -> list[str]:
        """Lines for the progress output: workers lost, tasks rerun, workers joined."""
        lines = []
        while not self._news.empty():
            msg = self._news.get()
            action, worker = msg.get("action"), str(msg.get("worker"))
            if action == "add-worker" and worker not in self._seen:
                self._seen.add(worker)
                self.stats.workers += 1
                lines.append(f"worker joined: {worker}")
            elif action == "remove-worker" and not msg.get("expected"):
                mine = set(msg.get("processing-tasks") or ()) & set(self._client.futures)
                self.stats.lost += 1
                self.stats.retried += len(mine)
                lines.append(f"worker lost: {worker}; {len(mine)} task(s) to rerun elsewhere")
        now = time.monotonic()
        if self._client is None or now - self._last_look < POLL_S:
            return lines
        self._last_look = now
        if self._client.scheduler_info(n_workers=-1)["workers"]:
            self._no_workers_since = None
        elif self._no_workers_since is None:
            self._no_workers_since = now
        elif now - self._no_workers_since > NO_WORKERS_GIVE_UP_S:
            raise EnvironmentProblem(
                f"every worker of the Dask cluster at {self.stats.address} has been gone for "
                f"{NO_WORKERS_GIVE_UP_S:g} s; start workers and run again (finished work is kept)"
            )
        return lines

    # -- connecting

    def _connect(self) -> None:
        from distributed import Client

        address = self.settings.scheduler or ""
        try:
            if address == "local":
                self._cluster = _local_cluster(self.settings.jobs)
                address = self._cluster.scheduler_address
            self._client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise EnvironmentProblem(
                f"cannot reach the Dask scheduler at {address} ({exc}); start it with "
                "`dask scheduler` and check the address and port"
            ) from None
        self.stats.address = address
        try:
            self._client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_S)
        except TimeoutError:
            self.close()
            raise EnvironmentProblem(
                f"no worker has joined the Dask scheduler at {address} within "
                f"{WAIT_FOR_WORKERS_S:g} s; start workers with "
                f"`dask worker {address} --nworkers N --nthreads 1`"
            ) from None
        try:
            self._check_workers()
        except BaseException:
            self.close()
            raise
        self._tune_scheduler()
        self._client.subscribe_topic("all", lambda event: self._news.put(event[1]))
        self._subscribed = True
        workers = self._client.scheduler_info(n_workers=-1)["workers"]
        self._seen = set(workers)
        self.stats.workers = len(workers)

    def _check_workers(self) -> None:
        s = self.settings
        read = [str(s.raw_dir.absolute())] if s.raw_dir.exists() else []
        s.extracted_dir.mkdir(parents=True, exist_ok=True)
        probe = s.extracted_dir.absolute() / f".namnd-probe-{uuid.uuid4().hex}"
        probe.write_text("namnd\n", encoding="utf-8")
        try:
            reports = self._client.run(
                worker_report,
                s.ocr.lang if self.need_ocr else None,
                read,
                str(s.extracted_dir.absolute()),
                str(probe),
                on_error="return",
            )
        finally:
            probe.unlink(missing_ok=True)
        info = self._client.scheduler_info(n_workers=-1)["workers"]
        names = {a: str(w.get("name", "")) for a, w in info.items()}
        lines = check_reports(identity(), reports, names)
        if lines:
            many = f"{len(lines)} problems on the cluster's workers:\n  " if len(lines) > 1 else ""
            raise EnvironmentProblem(many + "\n  ".join(lines))

    def _tune_scheduler(self) -> None:
        failures, saturation = ALLOWED_FAILURES, WORKER_SATURATION

        def tune(dask_scheduler: Any) -> None:  # a local function: pickled by value
            dask_scheduler.allowed_failures = failures
            dask_scheduler.WORKER_SATURATION = saturation

        self._client.run_on_scheduler(tune)

    def close(self) -> None:
        if self._client is not None:
            if self._subscribed:  # else the scheduler logs a closed comm at ERROR level
                self._client.unsubscribe_topic("all")
                self._subscribed = False
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _local_cluster(jobs: int) -> Any:
    import dask
    from distributed import LocalCluster

    with dask.config.set(
        {
            "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
            "distributed.scheduler.worker-saturation": WORKER_SATURATION,
        }
    ):
        return LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
