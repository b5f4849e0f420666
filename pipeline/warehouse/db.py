"""Opening the warehouse: the run lock, short write windows, read-only readers.

DuckDB's rule: a database file is open either by ONE process that reads and writes, or by
any number of processes that only read — never both at once (the writer takes an exclusive
file lock, readers a shared one). So:

* a `namnd run` holds `write_lock` (a POSIX record lock on ``<db>.lock``) for its whole duration, which
  keeps a second run out with a clear message instead of a lock error deep inside DuckDB;
* it opens the database read-write only in short windows (`connect_write` per batch of
  loads), so `namnd query`, exports and notebooks can read in between;
* readers use `connect_read` (read_only=True); it retries for a few seconds while a write
  window is open, then says who to wait for. A notebook that keeps a connection open blocks
  the next write window the same way, so `connect_write` retries too.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from pipeline.errors import UsageError, WarehouseBusy
from pipeline.warehouse.districts import ALIASES_CSV, DISTRICTS_CSV, load_districts
from pipeline.warehouse.expected import load_series
from pipeline.warehouse.migrate import ensure_views, migrate


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


_HELD: set[str] = set()  # lock files held by this process (record locks don't see these)
_HELD_GUARD = threading.Lock()


def _busy(db_path: Path, lock: Path) -> WarehouseBusy:
    return WarehouseBusy(
        f"warehouse {db_path} is in use by another run (lock {lock}); wait for it to finish"
    )


@contextlib.contextmanager
def write_lock(db_path: Path) -> Iterator[None]:
    """Hold the warehouse for one run; a second holder gets WarehouseBusy at once.

    The lock is a POSIX record lock (``lockf``) on ``<db>.lock``, released by the kernel when
    the process exits, so a crashed run never leaves a stale lock behind. Unlike ``flock``, a
    record lock belongs to the process and is not inherited by forked pool workers: a killed
    run's orphaned workers cannot keep the warehouse locked. Record locks do not exclude the
    process that holds them (and closing any descriptor of the file would drop them), so a
    second holder inside the same process is refused by a registry before the file is opened.
    The file is left in place.
    """
    lock = lock_path(db_path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    key = str(lock.resolve())
    with _HELD_GUARD:
        if key in _HELD:
            raise _busy(db_path, lock)
        _HELD.add(key)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                raise _busy(db_path, lock) from None
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            try:
                yield
            finally:
                fcntl.lockf(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    finally:
        with _HELD_GUARD:
            _HELD.discard(key)


def _is_lock_conflict(exc: Exception) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def _open(db_path: Path, *, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_conflict(exc):
                raise
            if time.monotonic() >= deadline:
                who = "a run is writing to it" if read_only else "another process has it open"
                raise WarehouseBusy(
                    f"warehouse {db_path} is busy: {who}. DuckDB allows one writing process "
                    "or many reading ones, not both; close notebooks or `namnd query` "
                    f"sessions using it, or wait and retry. ({exc})"
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def prepare(
    con: duckdb.DuckDBPyConnection,
    *,
    districts_csv: Path = DISTRICTS_CSV,
    aliases_csv: Path = ALIASES_CSV,
) -> None:
    """Bring an open read-write connection to the current schema, districts and views."""
    migrate(con)
    load_districts(con, districts_csv, aliases_csv)
    load_series(con)
    ensure_views(con)


@contextlib.contextmanager
def connect_write(
    db_path: Path,
    *,
    districts_csv: Path = DISTRICTS_CSV,
    aliases_csv: Path = ALIASES_CSV,
    wait_s: float = 10.0,
    prepared: bool = False,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-write window: migrate, refresh districts and views, yield, close.

    `prepared`: this process has already prepared the database in an earlier window of the
    same run (and holds `write_lock`, so nobody else changed it since): skip `prepare`.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(db_path, read_only=False, wait_s=wait_s)
    try:
        if not prepared:
            prepare(con, districts_csv=districts_csv, aliases_csv=aliases_csv)
        yield con
    finally:
        con.close()


def connect_read(db_path: Path, *, wait_s: float = 5.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection; INSERT/DROP on it fail with DuckDB's "read-only mode" error."""
    if not db_path.is_file():
        raise UsageError(
            f"no warehouse at {db_path}; run `namnd run` first, or point --db / NAMND_DB "
            "at an existing warehouse"
        )
    return _open(db_path, read_only=True, wait_s=wait_s)


def drop_all(db_path: Path) -> None:
    """Delete the warehouse file (and its WAL) so the next run rebuilds it from extracted/.

    Call it while holding `write_lock`. Overrides live in CSV files and are re-applied.
    """
    for p in (db_path, db_path.with_name(db_path.name + ".wal")):
        p.unlink(missing_ok=True)


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str] | None,
    rows: Sequence[Sequence[Any]],
) -> None:
    """``INSERT INTO table [(columns)] VALUES (?, …)`` for every row, in one statement through
    an Arrow table: DuckDB's `executemany` binds and runs the statement row by row (4,560
    check rows took 10 s, issue 19). Values are converted as the statement would convert
    them (DuckDB casts the Arrow column to the table's type); a column whose values Arrow
    cannot hold in one type (mixed str and int, …) falls back to `executemany`."""
    if not rows:
        return
    import pyarrow as pa

    width = len(rows[0])
    names = [f"c{i}" for i in range(width)]
    try:
        batch = pa.table([pa.array(list(col)) for col in zip(*rows, strict=True)], names=names)
    except (pa.ArrowException, ValueError, OverflowError):
        target = f"{table} ({', '.join(columns)})" if columns else table
        con.executemany(
            f"INSERT INTO {target} VALUES ({', '.join('?' for _ in range(width))})", rows
        )
        return
    view = f"_insert_rows_{table}"
    con.register(view, batch)
    target = f"{table} ({', '.join(columns)})" if columns else table
    con.execute(f"INSERT INTO {target} SELECT {', '.join(names)} FROM {view}")
    con.unregister(view)  # not after a failed INSERT: the aborted transaction refuses it
