"""One run at a time, readers read-only: DuckDB allows one writing process XOR many readers.

The competing holders run in real separate processes, because the rules are per process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.errors import WarehouseBusy
from pipeline.warehouse import connect_read, connect_write, lock_path, write_lock
from tests.samples import write_sample_districts

REPO = Path(__file__).resolve().parents[2]

HOLD_LOCK = """
import sys
from pathlib import Path
from pipeline.warehouse import write_lock
with write_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""

HOLD_WRITE_CONNECTION = """
import sys, time
import duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
print("released", flush=True)
"""


HOLD_WRITE_CONNECTION_UNTIL_TOLD = """
import sys
import duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
sys.stdin.readline()
con.close()
"""


def start(script: str, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    districts, aliases = write_sample_districts(tmp_path / "data")
    path = tmp_path / "warehouse" / "namnd.duckdb"
    with connect_write(path, districts_csv=districts, aliases_csv=aliases):
        pass
    return path


def test_a_second_run_is_refused_with_a_clear_message(db: Path) -> None:
    other = start(HOLD_LOCK, str(db))
    try:
        # The holder lets go only after this refusal (finally: below), so a lock that waited
        # instead of refusing would never return: the test proves "at once" without a clock.
        # How long the refusal takes is measured in tests/bench/bench_guards.py.
        with pytest.raises(WarehouseBusy) as err, write_lock(db):
            pass
        assert err.value.message == (
            f"warehouse {db} is in use by another run (lock {lock_path(db)}); wait for it to finish"
        )
        assert err.value.exit_code == 2
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.close()
        other.wait(timeout=30)
    with write_lock(db):  # released when the other run ends
        pass


def test_the_lock_is_released_even_when_the_holder_dies(db: Path) -> None:
    other = start(HOLD_LOCK, str(db))
    other.kill()
    other.wait(timeout=30)
    with write_lock(db):
        pass


FORK_WORKER_THEN_HOLD = """
import os, sys, time
from pathlib import Path
from pipeline.warehouse import write_lock
with write_lock(Path(sys.argv[1])):
    child = os.fork()  # like a pool worker: inherits the lock file's descriptor
    if child == 0:
        time.sleep(60)
        os._exit(0)
    print(child, flush=True)
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_killed_runs_orphaned_workers_do_not_keep_the_lock(db: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", FORK_WORKER_THEN_HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    orphan = int(proc.stdout.readline())
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(WarehouseBusy), write_lock(db):
            pass
        proc.kill()
        proc.wait(timeout=30)
        with write_lock(db):  # the worker still lives, but the lock went with its parent
            pass
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(orphan, signal.SIGKILL)


def test_the_lock_is_exclusive_within_one_process_too(db: Path) -> None:
    with write_lock(db):
        with pytest.raises(WarehouseBusy), write_lock(db):
            pass
        # the refused second attempt must not have released the first holder's lock
        probe = subprocess.run(
            [sys.executable, "-c", HOLD_LOCK, str(db)],
            input="\n",
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=60,
        )
        assert "is in use by another run" in probe.stderr


def test_a_read_only_connection_cannot_change_anything(db: Path) -> None:
    con = connect_read(db)
    try:
        for sql in (
            "INSERT INTO documents (doc_id, source_path, sha256) VALUES ('x', 'y', 'z')",
            "DROP TABLE documents",
            "DELETE FROM districts",
            "CREATE TABLE scratch (i INTEGER)",
        ):
            with pytest.raises(duckdb.Error, match="read-only mode"):
                con.execute(sql)
        assert con.execute("SELECT count(*) FROM districts").fetchall() == [(7,)]
    finally:
        con.close()


def test_many_readers_at_once(db: Path) -> None:
    readers = [connect_read(db) for _ in range(3)]
    try:
        assert {r.execute("SELECT count(*) FROM documents").fetchall()[0][0] for r in readers} == {
            0
        }
    finally:
        for r in readers:
            r.close()


def test_a_reader_waits_for_a_write_window_then_reads(db: Path) -> None:
    writer = start(HOLD_WRITE_CONNECTION, str(db), "0.8")
    try:
        con = connect_read(db, wait_s=20)
        assert con.execute("SELECT count(*) FROM documents").fetchall() == [(0,)]
        con.close()
    finally:
        writer.wait(timeout=30)


def test_a_reader_gives_up_with_a_clear_message(db: Path) -> None:
    # the writer holds on until told to let go, however slow the machine
    writer = start(HOLD_WRITE_CONNECTION_UNTIL_TOLD, str(db))
    try:
        with pytest.raises(
            WarehouseBusy, match="a run is writing to it. DuckDB allows one writing"
        ):
            connect_read(db, wait_s=0.3)
    finally:
        writer.kill()
        writer.wait(timeout=30)


def test_an_open_reader_delays_the_write_window(db: Path, tmp_path: Path) -> None:
    reader = start(
        "import sys, duckdb\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print('held', flush=True)\n"
        "sys.stdin.readline()\n",
        str(db),
    )
    try:
        with (
            pytest.raises(WarehouseBusy, match="another process has it open"),
            connect_write(db, wait_s=0.3),
        ):
            pass
    finally:
        assert reader.stdin is not None
        reader.stdin.write("\n")
        reader.stdin.close()
        reader.wait(timeout=30)
    with connect_write(db, wait_s=10):
        pass
