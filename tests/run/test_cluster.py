"""`namnd run --scheduler` on a real Dask cluster: a `dask scheduler` and `dask worker`
processes on the loopback interface, real Tesseract, real DuckDB.

The input is a small subset of the samples (two transcripts and a four-page scan) so that
OCR stays short; the warehouse a cluster run makes must equal the local pool's, also when a
worker is killed with SIGKILL mid-run. A worker with other code, or without Tesseract's
Swedish data, gives one clear error naming it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from distributed import Client

from tests.conftest import RAW, REPO, Built, build_warehouse, run_cli
from tests.helpers import snapshot

DASK = str(Path(sys.executable).parent / "dask")
START_TIMEOUT_S = 120.0  # generous: the test machine may be busy

pytestmark = [pytest.mark.slow]

SUBSET = [
    "transcripts/000_008b215ddad01cfe.txt",
    "transcripts/002_a6dff5252f235419.txt",
    "scanned/002_a6dff5252f235419.scan.pdf",
]


class Cluster:
    """A real scheduler and worker processes on 127.0.0.1, each in its own process group."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.workers: dict[str, subprocess.Popen[bytes]] = {}
        file = root / "scheduler.json"
        self.scheduler = self._start(
            "scheduler",
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"],
            ["--scheduler-file", str(file)],
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while not file.exists() or not file.read_text().strip():
            assert time.monotonic() < deadline, (root / "scheduler.log").read_text()
            time.sleep(0.2)
        self.address: str = json.loads(file.read_text())["address"]
        self.client = Client(self.address, timeout=START_TIMEOUT_S, set_as_default=False)

    def _start(
        self, name: str, cmd: list[str], extra: list[str], env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
        log = (self.root / f"{name}.log").open("wb")
        return subprocess.Popen(
            [*cmd, *extra],
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a kill of its group takes the nanny and its worker
        )

    def add_worker(self, name: str, **env: str) -> None:
        self.workers[name] = self._start(
            name,
            [DASK, "worker", self.address, "--nworkers", "1", "--nthreads", "1"],
            ["--name", name, "--host", "127.0.0.1", "--no-dashboard"],
            env,
        )
        self.wait_for(lambda names: name in names)

    def kill_worker(self, name: str) -> None:
        proc = self.workers.pop(name)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        self.wait_for(lambda names: name not in names)

    def names(self) -> dict[str, str]:
        """Worker name -> address, as the scheduler sees them now."""
        info = self.client.scheduler_info(n_workers=-1)["workers"]
        return {str(w["name"]): a for a, w in info.items()}

    def wait_for(self, ok: object) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not ok(self.names()):  # type: ignore[operator]
            assert time.monotonic() < deadline, self.names()
            time.sleep(0.2)

    def close(self) -> None:
        self.client.close()
        for proc in [*self.workers.values(), self.scheduler]:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def subset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("subset") / "raw"
    for rel in SUBSET:
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(RAW / rel, raw / rel)
    # bad input must behave exactly as locally: one line each, the rest loads
    (raw / "bad").mkdir()
    (raw / "bad" / "page.pdf").write_bytes(b"<!DOCTYPE html><html><body>login</body></html>")
    (raw / "bad" / "empty.pdf").write_bytes(b"")
    return raw


@pytest.fixture(scope="module")
def local_run(subset: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The warehouse today's local pool makes of the subset."""
    built = build_warehouse(subset, tmp_path_factory.mktemp("local"), "--jobs", "2")
    assert built.exit_code == 1, built.output  # the two bad files
    assert len(_failed(built.output)) == 2, built.output
    return built


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        c.add_worker("w1")
        c.add_worker("w2")
        yield c
    finally:
        c.close()


def test_cluster_run_equals_local_run(cluster: Cluster, local_run: Built, tmp_path: Path) -> None:
    built = build_warehouse(local_run.raw, tmp_path, "--scheduler", cluster.address)
    assert built.exit_code == 1, built.output
    assert _failed(built.output) == _failed(local_run.output)
    assert f"cluster: {cluster.address}: 2 worker(s), 0 lost, 0 task(s) retried" in built.output
    assert len(list(built.extracted.glob("*/extract.json"))) == 3  # written by the workers
    assert snapshot(built.db) == snapshot(local_run.db)


def test_worker_with_other_code_is_one_clear_error(
    cluster: Cluster, subset: Path, tmp_path: Path
) -> None:
    """A worker running another version (its own copy of the package, version 0.0.9 and a
    bumped text stage) is named, with what differs; nothing is processed."""
    old = tmp_path / "old"
    shutil.copytree(
        REPO / "pipeline", old / "pipeline", ignore=shutil.ignore_patterns("__pycache__")
    )
    stage = old / "pipeline" / "text" / "stage.py"
    stage.write_text(stage.read_text().replace("TEXT_VERSION = ", "TEXT_VERSION = 90 + "))
    meta = old / "namndarkiv-0.0.9.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: namndarkiv\nVersion: 0.0.9\n")
    cluster.add_worker("old", PYTHONPATH=str(old))
    try:
        code, out = run_cli(
            ["run", "--raw", str(subset), "--db", str(tmp_path / "w" / "n.duckdb"), "--plain"],
            extracted=tmp_path / "ex",
            NAMND_SCHEDULER=cluster.address,
        )
        address = cluster.names()["old"]
    finally:
        cluster.kill_worker("old")
    assert code == 2, out
    errors = [line for line in out.splitlines() if line.startswith("namnd:")]
    assert len(errors) == 1, out
    assert f"worker {address} (old)" in errors[0]
    assert "namndarkiv 0.0.9" in errors[0] and "namndarkiv 0.1.0" in errors[0]
    assert "differs: package, pipeline, code" in errors[0]
    assert "w1" not in out and "w2" not in out
    assert not list((tmp_path / "ex").glob("*/text.json"))


def test_worker_without_swedish_data_is_named(
    cluster: Cluster, subset: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "tessdata"
    empty.mkdir()
    cluster.add_worker("noswe", TESSDATA_PREFIX=str(empty))
    try:
        code, out = run_cli(
            ["run", "--raw", str(subset), "--db", str(tmp_path / "w" / "n.duckdb"), "--plain"],
            extracted=tmp_path / "ex",
            NAMND_SCHEDULER=cluster.address,
        )
        address = cluster.names()["noswe"]
    finally:
        cluster.kill_worker("noswe")
    assert code == 2, out
    errors = [line for line in out.splitlines() if line.startswith("namnd:")]
    assert len(errors) == 1, out
    assert f"worker {address} (noswe)" in errors[0]
    assert "Tesseract language data missing: swe, osd" in errors[0]
    assert "tesseract-ocr-swe" in errors[0]


def test_killed_worker_mid_run_same_warehouse(
    local_run: Built, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """SIGKILL one of two workers (its nanny too) while it reads a page: its tasks run again
    on the other worker, the run completes, and the warehouse is the local run's."""
    c = Cluster(tmp_path_factory.mktemp("kill"))
    try:
        c.add_worker("w1")
        c.add_worker("w2")
        db = tmp_path / "warehouse" / "namnd.duckdb"
        driver = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "run", "--raw", str(local_run.raw)]
            + ["--db", str(db), "--plain", "--scheduler", c.address],
            env=dict(os.environ, PYTHONPATH=str(REPO), NAMND_EXTRACTED=str(tmp_path / "ex")),
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        victim = _worker_reading_a_page(c)
        c.kill_worker(victim)
        out = driver.communicate(timeout=600)[0].decode()
    finally:
        c.close()
    assert driver.returncode == 1, out  # the two bad files, as locally
    lost = [line for line in out.splitlines() if line.startswith("worker lost:")]
    assert len(lost) == 1 and "task(s) to rerun elsewhere" in lost[0], out
    summary = next(line for line in out.splitlines() if line.startswith("cluster:"))
    assert "2 worker(s), 1 lost" in summary and "0 task(s) retried" not in summary, out
    assert snapshot(db) == snapshot(local_run.db)


def _failed(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.startswith("FAILED"))


def _worker_reading_a_page(c: Cluster) -> str:
    """The name of a worker that is running a page task right now."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        by_address = {a: n for n, a in c.names().items()}
        for address, keys in c.client.processing().items():
            if any(str(k).startswith("page_task") for k in keys):
                time.sleep(0.2)  # inside the page: its OCR takes seconds
                return by_address[address]
        time.sleep(0.1)
    raise AssertionError("no worker started a page")


def test_page_that_kills_two_workers_fails_alone(subset: Path, tmp_path: Path) -> None:
    """A page that kills every worker that reads it (fault injection, as a segfaulting PDF
    library would): Dask reruns it once elsewhere; when that worker dies too, only that page
    fails and its file loads as partial. The nannies restart the workers; the rest loads."""
    scan = Path(SUBSET[2]).name
    c = Cluster(tmp_path / "cluster")
    try:
        for name in ("w1", "w2"):
            c.add_worker(name, NAMND_CRASH_AT=f"page:{scan}:2")
        built = build_warehouse(subset, tmp_path, "--scheduler", c.address)
    finally:
        c.close()
    assert built.exit_code == 1, built.output  # the two bad files
    assert (
        f"PARTIAL  scanned/{scan}: 1 of 4 pages failed: page 2: a worker process crashed "
        "reading this page" in built.output
    )
    summary = next(line for line in built.output.splitlines() if line.startswith("cluster:"))
    assert ", 2 lost," in summary, built.output
    con = duckdb.connect(str(built.db), read_only=True)
    try:
        quality = con.execute(
            "SELECT page_no, quality FROM pages JOIN documents USING (doc_id) "
            "WHERE source_path = ? ORDER BY page_no",
            [f"scanned/{scan}"],
        ).fetchall()
        n_docs = con.execute(
            "SELECT count(*) FROM documents WHERE source_path LIKE 'transcripts/%'"
        ).fetchone()
    finally:
        con.close()
    assert quality == [(1, "good"), (2, "failed"), (3, "good"), (4, "good")]
    assert n_docs == (2,)
