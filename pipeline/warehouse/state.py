"""What the warehouse already holds, as a run's plan reads it: each loaded document (to skip
what is unchanged), each file whose last attempt failed (to retry or report it), and a
renamed file's new path."""

from __future__ import annotations

from typing import NamedTuple

import duckdb

from pipeline.warehouse.migrate import first_row

__all__ = ["FailedAttempt", "LoadedDoc", "failed_state", "loaded_state", "relink"]


class LoadedDoc(NamedTuple):
    """What the warehouse holds for one document: enough to decide whether to skip it."""

    source_path: str
    sha256: str
    pipeline_version: str | None
    status: str | None
    fingerprint: str | None = None  # digest of the stage keys that made the rows (0003)


def loaded_state(con: duckdb.DuckDBPyConnection) -> dict[str, LoadedDoc]:
    """doc_id -> (source_path, sha256, pipeline_version, status, fingerprint) of every document."""
    has_fp = first_row(
        con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'documents' "
            "AND column_name = 'fingerprint' AND database_name = current_database()"
        )
    )
    fp = "fingerprint" if has_fp and has_fp[0] else "NULL"
    rows = con.execute(
        f"SELECT doc_id, source_path, sha256, pipeline_version, status, {fp} FROM documents"
    ).fetchall()
    return {r[0]: LoadedDoc(r[1], r[2], r[3], r[4], r[5]) for r in rows}


class FailedAttempt(NamedTuple):
    """The last attempt at a file's bytes, when it failed and nothing of it is loaded."""

    source_path: str
    stage: str | None
    error: str | None
    pipeline_version: str | None = None  # the version that failed: new rules try again


def failed_state(con: duckdb.DuckDBPyConnection) -> dict[str, FailedAttempt]:
    """sha256 -> the failed last attempt, for bytes whose last attempt failed.

    Bytes that are loaded (a later attempt succeeded, or a copy at another path did) are not
    listed. Whether to retry such a file is the run's decision (see `pipeline.run.plan`).
    """
    rows = con.execute(
        """SELECT sha256, source_path, status, stage, error, pipeline_version FROM ingest_log
           WHERE sha256 IS NOT NULL AND sha256 NOT IN (SELECT sha256 FROM documents)
           QUALIFY row_number() OVER (PARTITION BY sha256
                                      ORDER BY finished_at DESC NULLS LAST, started_at DESC) = 1"""
    ).fetchall()
    return {r[0]: FailedAttempt(r[1], r[3], r[4], r[5]) for r in rows if r[2] == "failed"}


def relink(con: duckdb.DuckDBPyConnection, doc_id: str, source_path: str) -> None:
    """Record that a loaded document's bytes now live at `source_path` (a renamed file)."""
    con.execute("UPDATE documents SET source_path = ? WHERE doc_id = ?", [source_path, doc_id])
