"""Applying the overrides: `apply_overrides` (every run: read the files, store the valid ones
in ``overrides_applied``, apply them and report), `apply_stored_overrides` (after a document is
reloaded), `unmatched_overrides`, and each correction's state for the review page
(`correction_states`).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import duckdb

from pipeline.warehouse.migrate import first_row, utcnow
from pipeline.warehouse.override_match import (
    _add_row,
    _apply_one,
    _check_values,
    _columns,
    _key_doc,
    _stored,
    _where,
    resolve,
    schema_columns,
    validate,
)
from pipeline.warehouse.overrides import LABELS, Override, OverrideReport, read_overrides


def apply_stored_overrides(con: duckdb.DuckDBPyConnection, *, doc_id: str) -> int:
    """Re-apply the stored overrides to one freshly loaded document (inside its transaction).

    Each is checked against its `expect` first (see `resolve`). Returns how many overrides
    matched rows of the document.
    """
    columns = _columns(con)
    now = utcnow()
    n = 0
    for st in _stored(con).values():
        ov = st.override
        res = resolve(con, ov, doc_id)
        if res.state == "stale":
            if st.doc_id == doc_id or _key_doc(ov) == doc_id:
                con.execute(
                    "UPDATE overrides_applied SET rows_matched = 0, state = 'stale', found = ?, "
                    "doc_id = ?, applied_at = ? WHERE override_id = ?",
                    [res.found, doc_id, now, ov.override_id],
                )
            continue
        matched, matched_doc, old = (0, None, None)
        if res.state != "unmatched":
            matched, matched_doc, old = _apply_one(con, res.override, columns, doc_id)
        if matched:
            n += 1
            con.execute(
                "UPDATE overrides_applied SET rows_matched = ?, doc_id = ?, old_value = ?, "
                "state = ?, matched_key = ?, found = NULL, applied_at = ? WHERE override_id = ?",
                [
                    matched,
                    matched_doc,
                    old if old is not None else st.old_value,
                    "rematched" if res.state == "rematched" else "applied",
                    res.override.key,
                    now,
                    ov.override_id,
                ],
            )
        elif st.doc_id == doc_id:  # used to match this document, no longer does
            con.execute(
                "UPDATE overrides_applied SET rows_matched = 0, state = 'unmatched', "
                "found = ?, applied_at = ? WHERE override_id = ?",
                [res.found, now, ov.override_id],
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
            prev = stored.get(ov.override_id)
            res = resolve(con, ov, None)
            matched, doc_id, old = 0, None, None
            if res.state in ("ok", "rematched"):
                matched, doc_id, old = _apply_one(con, res.override, columns, None)
            state = "rematched" if res.state == "rematched" else "applied"
            matched_key = res.override.key
            if prev is not None:
                old = old if old is not None else prev.old_value
                doc_id = doc_id or prev.doc_id
                if (
                    not matched
                    and res.state == "unmatched"
                    and ov.action == "delete"
                    and prev.rows_matched
                    and _loaded(con, prev.doc_id)
                ):  # deleted before, document not reloaded since
                    matched = prev.rows_matched
                    state = prev.state or "applied"
                    matched_key = prev.matched_key or ov.key
                if (
                    res.state == "stale"
                    and prev.rows_matched
                    and prev.state in (None, "applied", "rematched")
                    and prev.doc_id
                ):
                    report.needs_reload.add(prev.doc_id)  # undo what it changed before
            if res.state == "stale":
                state, doc_id = "stale", doc_id or _key_doc(ov)
                report.stale.append((ov, res.found))
            elif not matched:
                state = "unmatched"
                report.unmatched.append(ov)
            else:
                report.applied.append(ov)
                if res.state == "rematched":
                    report.rematched.append((ov, res.override.key))
                if _unguarded(ov):
                    report.unguarded.append(ov)
            con.execute(
                "INSERT OR REPLACE INTO overrides_applied (override_id, seq, source, table_name, "
                "key, column_name, action, value, note, doc_id, old_value, rows_matched, "
                "first_applied_at, applied_at, expect, found, state, matched_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "coalesce((SELECT first_applied_at FROM overrides_applied WHERE override_id = ?), ?), "
                "?, ?, ?, ?, ?)",
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
                    matched if state != "stale" else 0,
                    ov.override_id,
                    now,
                    now,
                    ov.expect,
                    res.found,
                    state,
                    matched_key if state in ("applied", "rematched") else None,
                ],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report


def _unguarded(ov: Override) -> bool:
    """A line that names a row but does not say which row the analyst saw."""
    return ov.expect is None and ov.action != "add" and ov.table in LABELS


def _loaded(con: duckdb.DuckDBPyConnection, doc_id: str | None) -> bool:
    row = first_row(con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]))
    return bool(row and row[0])


class CorrectionState(NamedTuple):
    """One line of the overrides files and what it does now (for `namnd corrections`)."""

    override: Override
    state: str  # applied | matched by name | stale | matching nothing | pending | invalid
    detail: str


def correction_states(
    con: duckdb.DuckDBPyConnection | None, overrides_dir: Path
) -> list[CorrectionState]:
    """Every line in force with its state at the last run (read-only).

    `pending` is a line no run has applied yet (added since, or changed). Lines are in
    file-name then line order.
    """
    columns = _columns(con) if con is not None else schema_columns()
    stored = _stored(con) if con is not None and "overrides_applied" in columns else {}
    out: list[CorrectionState] = []
    seen: set[str] = set()
    for ov in read_overrides(overrides_dir):
        problem = validate(ov, columns)
        if problem is None and ov.override_id in seen:
            problem = "same as an earlier line"
        seen.add(ov.override_id)
        if problem:
            out.append(CorrectionState(ov, "invalid", problem))
            continue
        st = stored.get(ov.override_id)
        if st is None or (st.override.expect or None) != (ov.expect or None):
            out.append(CorrectionState(ov, "pending", "not applied yet: run `namnd run`"))
        elif st.state == "stale":
            out.append(CorrectionState(ov, "stale", f"expected {ov.expect!r}, found {st.found!r}"))
        elif st.state == "unmatched" or not st.rows_matched:
            out.append(CorrectionState(ov, "matching nothing", st.found or ""))
        elif st.state == "rematched":
            out.append(
                CorrectionState(ov, "applied", f"key gone; matched by name: {st.matched_key}")
            )
        else:
            out.append(CorrectionState(ov, "applied", "no expect" if _unguarded(ov) else ""))
    return out
