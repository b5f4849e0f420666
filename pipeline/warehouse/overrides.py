"""Analysts' corrections: ``warehouse/overrides/*.csv`` applied on top of extracted rows.

Each CSV has the header ``table,key,column,value,action,note`` (see
``warehouse/overrides/README.md``). `apply_overrides` reads the files, stores the valid
overrides in ``overrides_applied`` and applies them; `load_document` re-applies the stored
ones for the document it just reloaded, so corrections survive reruns and ``--force``.
Applying is idempotent. An override that matches nothing is reported, never dropped.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from pipeline.errors import UsageError
from pipeline.layout import atomic_write_text
from pipeline.warehouse.migrate import PER_DOCUMENT_TABLES, first_row, migrate, utcnow

HEADER = ("table", "key", "column", "value", "action", "note")
ACTIONS = ("set", "delete", "add")
KEY_SEPARATOR = "|"
DEFAULT_FILE = "corrections.csv"

#: Tables an override may touch and the column(s) its `key` names (composite keys joined by "|").
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "projects": ("project_id",),
    "amounts": ("amount_id",),
    "criteria": ("criterion_id",),
    "project_districts": ("project_id", "district_id"),
    "decisions": ("doc_id", "item_no"),
    "signatories": ("doc_id", "name"),
}
_PROTECTED = {"doc_id", "origin"}


@dataclass(frozen=True)
class Override:
    """One line of an overrides file."""

    table: str
    key: str
    column: str | None
    value: str | None
    action: str
    note: str | None = None
    source: str = ""  # "<file>:<line>"

    @property
    def override_id(self) -> str:
        """Identity of what the override does (not of its note or position)."""
        ident = json.dumps([self.table, self.key, self.column, self.action, self.value])
        return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]

    def describe(self) -> str:
        what = {
            "set": f"set {self.table}.{self.column} = {self.value!r} where key {self.key!r}",
            "delete": f"delete {self.table} row {self.key!r}",
            "add": f"add {self.table} row {self.key!r}",
        }.get(self.action, f"{self.action} {self.table} {self.key!r}")
        return f"{self.source or '?'}: {what}" + (f" ({self.note})" if self.note else "")

    def __str__(self) -> str:
        return self.describe()


@dataclass
class OverrideReport:
    """What `apply_overrides` did; the CLI prints `lines()`."""

    applied: list[Override] = field(default_factory=list)
    unmatched: list[Override] = field(default_factory=list)
    invalid: list[tuple[Override, str]] = field(default_factory=list)
    retired: list[Override] = field(default_factory=list)  # removed from the files
    needs_reload: set[str] = field(default_factory=set)  # docs to reload to undo retired ones

    def lines(self) -> list[str]:
        out = [f"overrides: {len(self.applied)} applied"]
        out += [f"  matched nothing: {o.describe()}" for o in self.unmatched]
        out += [f"  invalid, not applied: {o.describe()} — {why}" for o, why in self.invalid]
        out += [f"  removed from the files: {o.describe()}" for o in self.retired]
        if self.needs_reload:
            out.append(
                f"  reload to undo removed overrides: {', '.join(sorted(self.needs_reload))}"
            )
        return out


# --------------------------------------------------------------------------- files


def read_overrides(overrides_dir: Path) -> list[Override]:
    """Every override in ``overrides_dir/*.csv``, in file-name then line order.

    Blank lines and lines whose `table` cell starts with "#" are skipped.
    """
    found: list[Override] = []
    if not overrides_dir.is_dir():
        return found
    for path in sorted(overrides_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ())[: len(HEADER)] != HEADER:
                raise UsageError(
                    f"overrides file {path}: the first line must be {','.join(HEADER)}"
                )
            for row in reader:
                cells = {k: (row.get(k) or "").strip() for k in HEADER}
                if not any(cells.values()) or cells["table"].startswith("#"):
                    continue
                found.append(
                    Override(
                        table=cells["table"],
                        key=cells["key"],
                        column=cells["column"] or None,
                        value=(row.get("value") or "") or None,
                        action=cells["action"].lower(),
                        note=cells["note"] or None,
                        source=f"{path.name}:{reader.line_num}",
                    )
                )
    return found


def add_override(
    overrides_dir: Path,
    table: str,
    key: str,
    column: str | None,
    value: str | None,
    action: str,
    note: str | None = None,
    *,
    file_name: str = DEFAULT_FILE,
) -> Path:
    """Validate one correction and append it to ``overrides_dir/<file_name>``; return that file.

    Raises UsageError with the reason when the override is malformed. Apply it with
    `apply_overrides` (the next `namnd run` does so).
    """
    path = overrides_dir / file_name
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    n_lines = existing.count("\n") + (0 if existing.endswith("\n") or not existing else 1)
    ov = Override(
        table,
        key,
        column or None,
        value or None,
        action.lower(),
        note or None,
        f"{file_name}:{max(n_lines, 1) + 1}",
    )
    problem = validate(ov, schema_columns())
    if problem is None:
        problem = _check_values(duckdb.connect(), ov, schema_columns())
    if problem:
        raise UsageError(f"override not added: {problem}")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if not existing:
        writer.writerow(HEADER)
    elif not existing.endswith("\n"):
        buf.write("\n")
    writer.writerow([ov.table, ov.key, ov.column or "", ov.value or "", ov.action, ov.note or ""])
    atomic_write_text(path, existing + buf.getvalue())
    return path


# --------------------------------------------------------------------------- validation


@functools.cache
def schema_columns() -> dict[str, dict[str, str]]:
    """table -> column -> DuckDB type, from an in-memory warehouse at the latest schema."""
    con = duckdb.connect()
    try:
        migrate(con)
        return _columns(con)
    finally:
        con.close()


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table, col, typ in con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall():
        out.setdefault(table, {})[col] = typ
    return out


def _key_parts(ov: Override) -> list[str] | None:
    n = len(KEYS[ov.table])
    parts = ov.key.split(KEY_SEPARATOR, n - 1)
    return parts if len(parts) == n and all(parts) else None


def _add_row(ov: Override) -> dict[str, Any]:
    """The new row of an `add`: the JSON value plus the key columns."""
    row = dict(json.loads(ov.value or "{}"))
    row.update(zip(KEYS[ov.table], _key_parts(ov) or [], strict=False))
    return row


def validate(ov: Override, columns: dict[str, dict[str, str]]) -> str | None:
    """Why `ov` cannot be applied (None when it is well-formed)."""
    if ov.table not in KEYS:
        return f"table must be one of {', '.join(KEYS)}, not {ov.table!r}"
    if ov.action not in ACTIONS:
        return f"action must be set, delete or add, not {ov.action!r}"
    if not ov.key or _key_parts(ov) is None:
        return f"key must be {KEY_SEPARATOR.join(KEYS[ov.table])}"
    cols = columns.get(ov.table, {})
    if ov.action == "set":
        if ov.column not in cols:
            return f"column must be one of {', '.join(c for c in cols if c not in _PROTECTED)}"
        if ov.column in KEYS[ov.table] or ov.column in _PROTECTED:
            return f"{ov.column} identifies the row and cannot be set; delete and add instead"
        return None
    if ov.column:
        return f"leave column empty for {ov.action}"
    if ov.action == "add":
        if ov.table == "documents":
            return "documents cannot be added by an override; put the file in raw/"
        try:
            row = json.loads(ov.value or "")
        except ValueError:
            return 'value must be a JSON object for add, e.g. {"doc_id": "...", "name": "..."}'
        if not isinstance(row, dict):
            return "value must be a JSON object for add"
        unknown = sorted(set(row) - set(cols))
        if unknown:
            return f"unknown column(s) {', '.join(unknown)} for {ov.table}"
        if ov.table != "project_districts" and "doc_id" not in _add_row(ov):
            return "the new row needs a doc_id (the document it comes from)"
        clash = [
            c
            for c, v in zip(KEYS[ov.table], _key_parts(ov) or [], strict=False)
            if c in row and str(row[c]) != v
        ]
        if clash:
            return f"value disagrees with key on {', '.join(clash)}"
    return None


def _check_values(
    con: duckdb.DuckDBPyConnection, ov: Override, columns: dict[str, dict[str, str]]
) -> str | None:
    """Values that do not convert to their column's type (TRY_CAST: never aborts a transaction)."""
    cols = columns[ov.table]
    if ov.action == "set" and ov.column:
        pairs: dict[str, Any] = {ov.column: ov.value}
    elif ov.action == "add":
        pairs = _add_row(ov)
    else:
        return None
    for col, val in pairs.items():
        if val is None:
            continue
        if isinstance(val, dict | list):
            return f"{col}: nested JSON values are not supported"
        row = first_row(con.execute(f"SELECT TRY_CAST(? AS {cols[col]}) IS NULL", [val]))
        if row and row[0]:
            return f"{col}: {val!r} is not a valid {cols[col]}"
    return None


# --------------------------------------------------------------------------- applying


def _where(ov: Override, doc_id: str | None) -> tuple[str, list[Any]]:
    keys = KEYS[ov.table]
    sql = " AND ".join(f'CAST("{k}" AS VARCHAR) = ?' for k in keys)
    params: list[Any] = list(_key_parts(ov) or [])
    if doc_id is not None:
        sql += " AND doc_id = ?"
        params.append(doc_id)
    return sql, params


def _apply_one(
    con: duckdb.DuckDBPyConnection,
    ov: Override,
    columns: dict[str, dict[str, str]],
    doc_id: str | None,
) -> tuple[int, str | None, str | None]:
    """Apply `ov` (only to rows of `doc_id` when given): (rows matched, their doc_id, old value)."""
    table = f'"{ov.table}"'
    cols = columns[ov.table]
    if ov.action == "add":
        return _apply_add(con, ov, cols, doc_id)
    where, params = _where(ov, doc_id)
    if ov.action == "set":
        assert ov.column is not None
        found = con.execute(
            f'SELECT doc_id, CAST("{ov.column}" AS VARCHAR) FROM {table} WHERE {where}', params
        ).fetchall()
        if not found:
            return 0, None, None
        new = first_row(
            con.execute(f"SELECT CAST(CAST(? AS {cols[ov.column]}) AS VARCHAR)", [ov.value])
        )
        old = next((r[1] for r in found if new is None or r[1] != new[0]), None)
        origin = ", origin = 'corrected'" if "origin" in cols else ""
        con.execute(
            f'UPDATE {table} SET "{ov.column}" = CAST(? AS {cols[ov.column]}){origin} WHERE {where}',
            [ov.value, *params],
        )
        return len(found), found[0][0], old
    # delete
    found = con.execute(f"SELECT doc_id FROM {table} WHERE {where}", params).fetchall()
    if not found:
        return 0, None, None
    if ov.table == "documents":
        for t in PER_DOCUMENT_TABLES:
            if t != "documents":
                con.execute(f'DELETE FROM "{t}" WHERE doc_id = ?', [ov.key])
        con.execute("UPDATE documents SET status = 'excluded' WHERE doc_id = ?", [ov.key])
    else:
        if ov.table == "projects":
            con.execute("DELETE FROM project_districts WHERE project_id = ?", [ov.key])
            con.execute("UPDATE amounts SET project_id = NULL WHERE project_id = ?", [ov.key])
        con.execute(f"DELETE FROM {table} WHERE {where}", params)
    return len(found), found[0][0], None


def _apply_add(
    con: duckdb.DuckDBPyConnection, ov: Override, cols: dict[str, str], doc_id: str | None
) -> tuple[int, str | None, str | None]:
    row = _add_row(ov)
    if ov.table == "project_districts":
        owner = first_row(
            con.execute("SELECT doc_id FROM projects WHERE project_id = ?", [row["project_id"]])
        )
        if owner is None:
            return 0, None, None
        row["doc_id"] = owner[0]
    if doc_id is not None and row["doc_id"] != doc_id:
        return 0, None, None
    exists = first_row(
        con.execute(
            "SELECT count(*) FROM documents WHERE doc_id = ? AND coalesce(status, '') <> 'excluded'",
            [row["doc_id"]],
        )
    )
    if not exists or not exists[0]:
        return 0, None, None
    if "origin" in cols:
        row["origin"] = "override"
    where, params = _where(ov, None)
    con.execute(f'DELETE FROM "{ov.table}" WHERE {where}', params)
    names = list(row)
    con.execute(
        f'INSERT INTO "{ov.table}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in names)}) '
        f"VALUES ({', '.join(f'CAST(? AS {cols[c]})' for c in names)})",
        [row[c] for c in names],
    )
    return 1, str(row["doc_id"]), None


class _Stored(NamedTuple):
    override: Override
    doc_id: str | None
    old_value: str | None
    rows_matched: int


def _stored(con: duckdb.DuckDBPyConnection) -> dict[str, _Stored]:
    """override_id -> the override in force, in order of application."""
    rows = con.execute(
        "SELECT override_id, source, table_name, key, column_name, action, value, note, "
        "doc_id, old_value, rows_matched FROM overrides_applied ORDER BY seq"
    ).fetchall()
    return {
        r[0]: _Stored(Override(r[2], r[3], r[4], r[6], r[5], r[7], r[1]), r[8], r[9], r[10])
        for r in rows
    }


def apply_stored_overrides(con: duckdb.DuckDBPyConnection, *, doc_id: str) -> int:
    """Re-apply the stored overrides to one freshly loaded document (inside its transaction).

    Returns how many overrides matched rows of the document.
    """
    columns = _columns(con)
    now = utcnow()
    n = 0
    for st in _stored(con).values():
        ov = st.override
        matched, matched_doc, old = _apply_one(con, ov, columns, doc_id)
        if matched:
            n += 1
            con.execute(
                "UPDATE overrides_applied SET rows_matched = ?, doc_id = ?, old_value = ?, "
                "applied_at = ? WHERE override_id = ?",
                [
                    matched,
                    matched_doc,
                    old if old is not None else st.old_value,
                    now,
                    ov.override_id,
                ],
            )
        elif st.doc_id == doc_id:  # used to match this document, no longer does
            con.execute(
                "UPDATE overrides_applied SET rows_matched = 0, applied_at = ? WHERE override_id = ?",
                [now, ov.override_id],
            )
    return n


def unmatched_overrides(con: duckdb.DuckDBPyConnection, overrides_dir: Path) -> list[Override]:
    """Valid overrides in the files that would match nothing now (read-only; for `status`)."""
    columns = _columns(con)
    has_log = "overrides_applied" in columns
    stored = _stored(con) if has_log else {}
    out: list[Override] = []
    for ov in read_overrides(overrides_dir):
        if ov.table not in columns or validate(ov, columns) is not None:
            continue
        if ov.action == "add":
            row = _add_row(ov)
            if ov.table == "project_districts":
                owner = first_row(
                    con.execute(
                        "SELECT doc_id FROM projects WHERE project_id = ?", [row["project_id"]]
                    )
                )
                row["doc_id"] = owner[0] if owner else None
            found = first_row(
                con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [row.get("doc_id")])
            )
        else:
            where, params = _where(ov, None)
            found = first_row(
                con.execute(f'SELECT count(*) FROM "{ov.table}" WHERE {where}', params)
            )
            st = stored.get(ov.override_id)
            if ov.action == "delete" and st is not None and st.rows_matched:
                loaded = first_row(
                    con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [st.doc_id])
                )
                if loaded and loaded[0]:
                    continue  # deleted already
        if not found or not found[0]:
            out.append(ov)
    return out


def apply_overrides(con: duckdb.DuckDBPyConnection, overrides_dir: Path) -> OverrideReport:
    """Make the warehouse reflect exactly the overrides in ``overrides_dir``; idempotent.

    Valid overrides are (re)applied in file order and recorded in ``overrides_applied``;
    invalid ones are reported and skipped; ones that match nothing are recorded with
    rows_matched = 0 and reported. Overrides removed from the files are retired: rows they
    added are deleted; documents they changed are listed in `needs_reload` (reloading a
    document restores its extracted values).
    """
    columns = _columns(con)
    report = OverrideReport()
    valid: list[Override] = []
    seen: dict[str, Override] = {}
    for ov in read_overrides(overrides_dir):
        problem = validate(ov, columns) or _check_values(con, ov, columns)
        if problem is None and ov.override_id in seen:
            problem = f"same as {seen[ov.override_id].source}"
        if problem:
            report.invalid.append((ov, problem))
            continue
        seen[ov.override_id] = ov
        valid.append(ov)

    now = utcnow()
    con.execute("BEGIN TRANSACTION")
    try:
        stored = _stored(con)
        current_sets = {(o.table, o.key, o.column) for o in valid if o.action == "set"}
        for oid, st in stored.items():
            if oid in seen:
                continue
            ov = st.override
            report.retired.append(ov)
            if ov.action == "add":
                where, params = _where(ov, None)
                con.execute(f'DELETE FROM "{ov.table}" WHERE {where}', params)
            elif st.doc_id and (ov.table, ov.key, ov.column) not in current_sets:
                report.needs_reload.add(st.doc_id)
            con.execute("DELETE FROM overrides_applied WHERE override_id = ?", [oid])
        for seq, ov in enumerate(valid):
            matched, doc_id, old = _apply_one(con, ov, columns, None)
            prev = stored.get(ov.override_id)
            if prev is not None:
                old = old if old is not None else prev.old_value
                doc_id = doc_id or prev.doc_id
                if not matched and ov.action == "delete" and prev.rows_matched:
                    still_loaded = first_row(
                        con.execute(
                            "SELECT count(*) FROM documents WHERE doc_id = ?", [prev.doc_id]
                        )
                    )
                    if still_loaded and still_loaded[0]:
                        matched = prev.rows_matched  # deleted before, document not reloaded since
            con.execute(
                "INSERT OR REPLACE INTO overrides_applied (override_id, seq, source, table_name, "
                "key, column_name, action, value, note, doc_id, old_value, rows_matched, "
                "first_applied_at, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "coalesce((SELECT first_applied_at FROM overrides_applied WHERE override_id = ?), ?), ?)",
                [
                    ov.override_id,
                    seq,
                    ov.source,
                    ov.table,
                    ov.key,
                    ov.column,
                    ov.action,
                    ov.value,
                    ov.note,
                    doc_id,
                    old,
                    matched,
                    ov.override_id,
                    now,
                    now,
                ],
            )
            (report.applied if matched else report.unmatched).append(ov)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report
