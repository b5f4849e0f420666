"""The `runs` table: per `namnd run`, what made the warehouse and what the run did.

One row per run: the pipeline version, every stage's fingerprint (code version, digests of
the data files it read, versions of Tesseract and its traineddata, spaCy, wordfreq,
rapidfuzz), the file and page counts, the corrections' states and the elapsed time.
`namnd status` compares the last row with the fingerprints of now to say what changed.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from pipeline.warehouse.migrate import first_row

COLUMNS = (
    "run_id",
    "started_at",
    "finished_at",
    "elapsed_s",
    "pipeline_version",
    "fingerprint",
    "fingerprints",
    "tool_versions",
    "data_digests",
    "files_seen",
    "processed",
    "ok",
    "partial",
    "failed",
    "unsupported",
    "up_to_date",
    "pages_read",
    "corrections_applied",
    "corrections_stale",
    "corrections_unmatched",
    "exit_code",
)


def record_run(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> None:
    """Insert one `runs` row (missing columns are NULL)."""
    con.execute(
        f"INSERT INTO runs ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})",
        [row.get(c) for c in COLUMNS],
    )


def last_run(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The most recent `runs` row as a dict (JSON columns decoded), or None."""
    exists = first_row(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'runs' "
            "AND database_name = current_database()"
        )
    )
    if not exists or not exists[0]:
        return None
    cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM runs ORDER BY started_at DESC LIMIT 1")
    row = first_row(cur)
    if row is None:
        return None
    out = dict(zip(COLUMNS, row, strict=True))
    for c in ("fingerprints", "tool_versions", "data_digests"):
        out[c] = json.loads(out[c]) if out[c] else {}
    return out
