"""Loading a run's results in batches, through write windows that prepare the warehouse once.

DuckDB lets one process write or many read (see `pipeline.warehouse.db`), so a run opens the
database read-write only in short windows and readers get in between. This module gives a
run its windows:

* `window()`: a write connection; the first of the run migrates and refreshes districts,
  series and views (`warehouse.prepare`), later ones skip that (the run holds `write_lock`
  from start to end, so nobody changed the schema in between);
* `add(result)`: a finished file joins the pending batch, loaded in ONE transaction
  (`warehouse.load_batch`) when it holds `max_docs` files or its oldest file has waited
  `max_wait_s` — and, when tasks finish faster than the warehouse loads, not before
  `WINDOW_SPACING` times the last window's duration has passed since it closed, so that
  opening, loading and closing (DuckDB checkpoints on close) stay a small share of a run
  (issue 19: 100 transcripts opened 25–40 windows); `tick()` (called by the pool between
  task completions) and `flush()` (at the end) load what is pending too.

A run killed inside a batch loses that batch's transaction only: the warehouse keeps whole
documents, and the next run reloads the rest from the caches in extracted/.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from pipeline import warehouse
from pipeline.records import DocumentResult

#: A batch is loaded when it holds this many files ...
MAX_BATCH_DOCS = 200
#: ... or when its oldest file has waited this long (seconds), so a file read early is in
#: the warehouse (and in `namnd query`) soon even while slow OCR of others goes on.
MAX_BATCH_WAIT_S = 2.0
#: ... and at least this many times the last window's duration after it closed.
WINDOW_SPACING = 10.0


class BatchLoader:
    """Write windows and batched loading for one run (see the module docstring)."""

    def __init__(
        self,
        db_path: Path,
        version: str,
        fingerprint: str,
        on_loaded: Callable[[DocumentResult], None] = lambda r: None,
        *,
        max_docs: int | None = None,
        max_wait_s: float | None = None,
    ) -> None:
        self.db_path = db_path
        self.version = version
        self.fingerprint = fingerprint
        self.on_loaded = on_loaded
        self.max_docs = MAX_BATCH_DOCS if max_docs is None else max_docs
        self.max_wait_s = MAX_BATCH_WAIT_S if max_wait_s is None else max_wait_s
        self.prepared = False
        self.windows = 0  # write windows opened (for tests and benchmarks)
        self.batches = 0
        self._pending: list[DocumentResult] = []
        self._oldest = 0.0
        self._last_closed = 0.0  # monotonic time the last load window closed
        self._last_took = 0.0  # ... and how long it was open

    @contextlib.contextmanager
    def window(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A write connection; the warehouse is prepared in the run's first window only."""
        with warehouse.connect_write(self.db_path, prepared=self.prepared) as con:
            self.prepared = True
            self.windows += 1
            yield con

    def add(self, result: DocumentResult) -> None:
        if not self._pending:
            self._oldest = time.monotonic()
        self._pending.append(result)
        if len(self._pending) >= self.max_docs:
            self.flush()
        else:
            self.tick()

    def tick(self) -> None:
        """Load the pending batch if its oldest file has waited long enough (and the last
        window is far enough behind, see the module docstring)."""
        now = time.monotonic()
        if (
            self._pending
            and now - self._oldest >= self.max_wait_s
            and now - self._last_closed >= WINDOW_SPACING * self._last_took
        ):
            self.flush()

    def flush(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        """Load every pending file now, in one transaction: in a window of its own, or through
        `con`, an open window of this loader (the end of a run loads its last batch in the
        window that ends the run: one open and close, a checkpoint, fewer)."""
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        opened = time.monotonic()
        with contextlib.nullcontext(con) if con is not None else self.window() as window:
            warehouse.load_batch(window, batch, self.version, self.fingerprint)
        self._last_closed = time.monotonic()
        self._last_took = self._last_closed - opened
        self.batches += 1
        for r in batch:
            self.on_loaded(r)
