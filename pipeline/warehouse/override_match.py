"""An override against the warehouse: the columns it may set (`validate`), the row its key
or its `expect` name finds (`resolve`, `row_label`, `closest_keys`), applying one
(`_apply_one`), and the overrides stored in ``overrides_applied`` (`_stored`).
"""

from __future__ import annotations

import functools
import json
from dataclasses import replace
from typing import Any, NamedTuple

import duckdb

from pipeline.warehouse.migrate import PER_DOCUMENT_TABLES, first_row, migrate
from pipeline.warehouse.overrides import (
    _PROTECTED,
    ACTIONS,
    EXPECT_MAX,
    KEY_SEPARATOR,
    KEYS,
    LABELS,
    REMATCH,
    Override,
)


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
            settable = [c for c in cols if c not in _PROTECTED and c not in KEYS[ov.table]]
            return f"column must be one of {', '.join(settable)}"
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


def expect_matches(expect: str, label: str | None) -> bool:
    """The row's name is the one the analyst saw: equal after folding, or a prefix ending "…"."""
    from pipeline.facts.ids import fold_key

    if label is None:
        return False
    if expect.endswith("…"):
        return fold_key(label).startswith(fold_key(expect[:-1]))
    return fold_key(label) == fold_key(expect)


def _key_doc(ov: Override) -> str | None:
    """The document a key belongs to: every content id begins with "<doc_id>-"."""
    parts = _key_parts(ov)
    if not parts:
        return None
    return parts[0] if ov.table == "decisions" else parts[0].split("-", 1)[0]


class Resolved(NamedTuple):
    """What an override finds now: state, the override to apply (its key may have moved)."""

    state: str  # ok | stale | rematched | unmatched
    override: Override
    found: str | None  # the row's name now (stale) or why nothing fits (unmatched)


def resolve(con: duckdb.DuckDBPyConnection, ov: Override, doc_id: str | None) -> Resolved:
    """Check `ov` against the row its key finds (only rows of `doc_id` when given).

    * the row's name equals `expect` (or there is no `expect`, or the table has no name): ok;
    * it differs: stale — the row under this key is not the one the analyst corrected;
    * the key finds no row: the document's rows are searched for the `expect` name, and when
      exactly one fits the override is applied to it (rematched); otherwise unmatched.
    """
    label_col = LABELS.get(ov.table)
    if ov.action == "add" or _key_parts(ov) is None:
        return Resolved("ok", ov, None)
    where, params = _where(ov, doc_id)
    sel = f'CAST("{label_col}" AS VARCHAR)' if label_col else "NULL"
    rows = con.execute(f'SELECT {sel} FROM "{ov.table}" WHERE {where}', params).fetchall()
    if rows:
        label = rows[0][0]
        if ov.expect is None or label_col is None or expect_matches(ov.expect, label):
            return Resolved("ok", ov, label)
        if ov.action == "set" and ov.column == label_col and expect_matches(ov.value or "", label):
            return Resolved("ok", ov, label)  # the set renamed it already
        return Resolved("stale", ov, label)
    if ov.expect is None or label_col is None or ov.table not in REMATCH:
        return Resolved("unmatched", ov, None)
    key_doc = _key_doc(ov)
    if key_doc is None or (doc_id is not None and key_doc != doc_id):
        return Resolved("unmatched", ov, None)
    keys = KEYS[ov.table]
    expr = " || '|' || ".join(f'CAST("{k}" AS VARCHAR)' for k in keys)
    candidates = con.execute(
        f'SELECT {expr}, CAST("{label_col}" AS VARCHAR) FROM "{ov.table}" WHERE doc_id = ?',
        [key_doc],
    ).fetchall()
    fits = [k for k, label in candidates if expect_matches(ov.expect, label)]
    if len(fits) == 1:
        return Resolved("rematched", replace(ov, key=fits[0]), None)
    why = f"{len(fits)} rows named {ov.expect!r}" if fits else None
    return Resolved("unmatched", ov, why)


class _Stored(NamedTuple):
    override: Override
    doc_id: str | None
    old_value: str | None
    rows_matched: int
    state: str | None
    matched_key: str | None
    found: str | None


def _stored(con: duckdb.DuckDBPyConnection) -> dict[str, _Stored]:
    """override_id -> the override in force, in order of application."""
    have = _columns(con).get("overrides_applied", {})
    new = ", ".join(c if c in have else "NULL" for c in ("expect", "state", "matched_key", "found"))
    rows = con.execute(
        "SELECT override_id, source, table_name, key, column_name, action, value, note, "
        f"doc_id, old_value, rows_matched, {new} FROM overrides_applied ORDER BY seq"
    ).fetchall()
    return {
        r[0]: _Stored(
            Override(r[2], r[3], r[4], r[6], r[5], r[7], r[1], r[11]),
            r[8],
            r[9],
            r[10],
            r[12],
            r[13],
            r[14],
        )
        for r in rows
    }


def row_label(con: duckdb.DuckDBPyConnection, table: str, key: str) -> tuple[bool, str | None]:
    """(the row exists, its name) for `key` in `table`; name None for documents."""
    probe = Override(table, key, None, None, "delete")
    if _key_parts(probe) is None:
        return False, None
    where, params = _where(probe, None)
    label = LABELS.get(table)
    sel = f'CAST("{label}" AS VARCHAR)' if label else "NULL"
    row = first_row(con.execute(f'SELECT {sel} FROM "{table}" WHERE {where}', params))
    return row is not None, (row[0] if row else None)


def expect_text(label: str | None) -> str | None:
    """A row's name as written in `expect`: cut to EXPECT_MAX characters, ending in "…"."""
    if label is None:
        return None
    label = " ".join(label.split())
    return label if len(label) <= EXPECT_MAX else label[: EXPECT_MAX - 1] + "…"


def closest_keys(con: duckdb.DuckDBPyConnection, table: str, key: str, n: int = 3) -> list[str]:
    """The `n` keys of `table` most like `key`, each with its row's name."""
    from rapidfuzz import process

    keys = KEYS[table]
    label = LABELS.get(table)
    expr = " || '|' || ".join(f'CAST("{k}" AS VARCHAR)' for k in keys)
    sel = f', CAST("{label}" AS VARCHAR)' if label else ", NULL"
    rows = con.execute(f'SELECT {expr}{sel} FROM "{table}"').fetchall()
    names = {r[0]: r[1] for r in rows}
    best = process.extract(key, list(names), limit=n)
    return [f"{k} ({names[k]})" if names[k] else k for k, _score, _i in best]
