"""The warehouse's SQL files: migrations applied once, views re-created, checks run.

* ``pipeline/sql/migrations/NNNN_name.sql`` — applied in order, each in its own transaction,
  and recorded in ``schema_migrations`` with the sha256 of its text. An applied migration whose
  file has since changed is an error (add a new migration instead).
* ``pipeline/sql/marts/<object>.sql`` — one view or macro per file, named like the file;
  re-created on every write connection. Views may use each other: files are created in
  rounds until all bind, so no ordering prefixes are needed.
* ``pipeline/sql/checks/<check>.sql`` — one SELECT per file returning the rows that break a
  rule; ``run_checks`` counts them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline.errors import NamndError

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
MIGRATIONS_DIR = SQL_DIR / "migrations"
VIEWS_DIR = SQL_DIR / "marts"
CHECKS_DIR = SQL_DIR / "checks"

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class MigrationError(NamndError):
    """The warehouse's schema history does not match this code's migrations."""

    exit_code = 2


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def discover_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Migration files in version order; a gap or a duplicate version is a programming error."""
    found: list[Migration] = []
    for path in sorted(directory.glob("*.sql")):
        m = _MIGRATION_NAME.match(path.name)
        if not m:
            raise MigrationError(f"migration file {path.name} is not named NNNN_name.sql")
        found.append(Migration(int(m.group(1)), m.group(2), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise MigrationError(f"migration versions must be 1..n without gaps, found {versions}")
    return found


SCHEMA_VERSION: int = len(discover_migrations())


def first_row(result: duckdb.DuckDBPyConnection) -> Any:
    """The first row of an executed query, or None; reads the result to the end.

    DuckDB 2 refuses further `con.sql(...)` work while a result is only partly fetched, so
    never leave a `fetchone()` behind on a connection handed to callers.
    """
    rows = result.fetchall()
    return rows[0] if rows else None


def utcnow() -> dt.datetime:
    """Naive UTC timestamp (the warehouse stores TIMESTAMP columns in UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def files_unchanged(con: duckdb.DuckDBPyConnection, key: str, digest: str) -> bool:
    """The files recorded under `key` in ``warehouse_meta`` had this digest when loaded."""
    row = first_row(con.execute("SELECT value FROM warehouse_meta WHERE key = ?", [key]))
    return bool(row and row[0] == digest)


def replace_tables(
    con: duckdb.DuckDBPyConnection, tables: dict[str, list[list[object]]], key: str, digest: str
) -> None:
    """Replace every row of each table (rows in the table's column order) and record the
    files' `digest` under `key`, in one transaction: all or nothing."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table, rows in tables.items():
            con.execute(f"DELETE FROM {table}")
            insert_values(con, table, rows)
        con.execute(
            "INSERT OR REPLACE INTO warehouse_meta VALUES (?, ?, ?)", [key, digest, utcnow()]
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


#: Rows per INSERT statement in `insert_values`.
VALUES_CHUNK = 500


def insert_values(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[object]]) -> None:
    """Insert `rows` (in the table's column order) in statements of `VALUES_CHUNK` rows, each
    value cast to its column's type as a one-row ``INSERT … VALUES (?, …)`` would cast it:
    DuckDB's `executemany` binds and runs the statement once per row, which made a new
    warehouse's 988 district and alias rows a fifth of a second (issue 19)."""
    if not rows:
        return
    types = [
        str(r[0])
        for r in con.execute(
            "SELECT data_type FROM duckdb_columns() WHERE table_name = ? "
            "AND database_name = current_database() AND schema_name = 'main' "
            "ORDER BY column_index",
            [table],
        ).fetchall()
    ]
    one = "(" + ", ".join(f"CAST(? AS {t})" for t in types) + ")"
    for start in range(0, len(rows), VALUES_CHUNK):
        chunk = rows[start : start + VALUES_CHUNK]
        con.execute(
            f"INSERT INTO {table} VALUES " + ", ".join([one] * len(chunk)),
            [v for row in chunk for v in row],
        )


def _applied(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL, checksum VARCHAR NOT NULL)"
    )
    rows = con.execute("SELECT version, checksum FROM schema_migrations").fetchall()
    return {int(v): str(c) for v, c in rows}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Highest applied migration (0 for an empty database)."""
    exists = first_row(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations' "
            "AND database_name = current_database() AND schema_name = 'main'"
        )
    )
    if not exists or not exists[0]:
        return 0
    row = first_row(con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations"))
    return int(row[0]) if row else 0


def migrate(
    con: duckdb.DuckDBPyConnection,
    *,
    target: int | None = None,
    migrations: list[Migration] | None = None,
) -> list[int]:
    """Apply pending migrations up to `target` (default: all); return the versions applied."""
    migrations = discover_migrations() if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    target = latest if target is None else target
    applied = _applied(con)
    newer = sorted(v for v in applied if v > latest)
    if newer:
        raise MigrationError(
            f"the warehouse has schema version {max(newer)} but this namndarkiv knows only up "
            f"to {latest}; upgrade namndarkiv or rebuild with `namnd run --rebuild-warehouse`"
        )
    done: list[int] = []
    for mig in migrations:
        if mig.version in applied:
            if applied[mig.version] != mig.checksum:
                raise MigrationError(
                    f"migration {mig.path.name} was changed after it was applied to this "
                    "warehouse; put schema changes in a new migration file, or rebuild with "
                    "`namnd run --rebuild-warehouse`"
                )
            continue
        if mig.version > target:
            break
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(mig.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                [mig.version, mig.name, utcnow(), mig.checksum],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        done.append(mig.version)
    return done


# --------------------------------------------------------------------------- views


def _sql_objects(directory: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.sql"))}


def _creation_order(objects: dict[str, str]) -> dict[str, str]:
    """`objects` (name -> SQL) reordered so that each comes after the objects whose names its
    text (comments aside) mentions as a word, in name order otherwise; of objects that
    mention each other, the first in name order goes first. Only an order to try first:
    `install_views` still tries in rounds."""
    mentions = {
        name: [
            other
            for other in objects
            if other != name and re.search(rf"\b{re.escape(other)}\b", _code(sql), re.IGNORECASE)
        ]
        for name, sql in objects.items()
    }
    order: dict[str, str] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order or name in visiting:
            return
        visiting.add(name)
        for other in mentions[name]:
            visit(other)
        order[name] = objects[name]

    for name in objects:
        visit(name)
    return order


def _code(sql: str) -> str:
    """SQL without its ``--`` comments."""
    return re.sub(r"--[^\n]*", "", sql)


def install_views(con: duckdb.DuckDBPyConnection, directory: Path = VIEWS_DIR) -> list[str]:
    """(Re)create every view and macro in `directory`; drop `v_*` views no longer there.

    Files are tried in rounds so that a view may use views defined in other files; a file is
    tried after the files whose names its text mentions (`_creation_order`), so that a new
    warehouse's views mostly bind at the first try (each failed try is a bind, issue 19).
    """
    pending = _creation_order(_sql_objects(directory))
    existing = {
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal "
            "AND database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
    }
    for stale in sorted(existing - set(pending)):
        if stale.startswith("v_"):
            con.execute(f'DROP VIEW IF EXISTS "{stale}"')
    created: list[str] = []
    while pending:
        progress = False
        errors: dict[str, Exception] = {}
        for name, sql in list(pending.items()):
            try:
                con.execute(sql)
            except (duckdb.CatalogException, duckdb.BinderException) as exc:  # may use an object
                # not created yet, or an older version of one (a column added since)
                errors[name] = exc
                continue
            created.append(name)
            del pending[name]
            progress = True
        if not progress:
            failed, error = next(iter(errors.items()))
            raise MigrationError(f"view file {failed}.sql does not bind: {error}") from error
    return created


def ensure_views(con: duckdb.DuckDBPyConnection, directory: Path = VIEWS_DIR) -> bool:
    """`install_views` unless the view files and schema are the same as last time.

    Returns True when the views were (re)created. Keeps each write window short.
    """
    h = hashlib.sha256(f"schema {current_version(con)}".encode())
    for name, sql in _sql_objects(directory).items():
        h.update(f"\0{name}\0{sql}".encode())
    digest = h.hexdigest()
    recorded = first_row(con.execute("SELECT value FROM warehouse_meta WHERE key = 'views_sha256'"))
    present = {
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal "
            "AND database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
    }
    wanted = {p.stem for p in directory.glob("v_*.sql")}
    if recorded and recorded[0] == digest and wanted <= present:
        return False
    install_views(con, directory)
    con.execute(
        "INSERT OR REPLACE INTO warehouse_meta VALUES ('views_sha256', ?, ?)", [digest, utcnow()]
    )
    return True


# --------------------------------------------------------------------------- checks


def check_queries(directory: Path = CHECKS_DIR) -> dict[str, str]:
    """Check name -> SELECT returning the offending rows."""
    return {name: sql.strip().rstrip(";") for name, sql in _sql_objects(directory).items()}


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Check name -> number of offending rows (0 everywhere = a consistent warehouse)."""
    counts: dict[str, int] = {}
    for name, sql in check_queries().items():
        row = first_row(con.execute(f"SELECT count(*) FROM (\n{sql}\n)"))
        counts[name] = int(row[0]) if row else 0
    return counts


# --------------------------------------------------------------------------- table roles

#: Tables whose rows belong to one document (all have doc_id). Loading a document replaces
#: its rows in all of them; `prune` and document-level overrides act on all of them.
PER_DOCUMENT_TABLES: tuple[str, ...] = (
    "domain_terms",
    "pages",
    "meta_boxes",
    "decisions",
    "signatories",
    "project_districts",
    "amounts",
    "criteria",
    "district_mentions",
    "projects",
    "documents",
)
