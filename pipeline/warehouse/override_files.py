"""Editing the overrides files: `add_override` and `remove_override` (used by ``namnd correct``
and the review page, under the folder's lock), and `upgrade_files` (fill the `expect` column
of old lines). Each rewrites a file whole, through a temporary file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import duckdb

from pipeline.errors import UsageError
from pipeline.layout import atomic_write_text
from pipeline.warehouse.override_match import (
    _check_values,
    _columns,
    _stored,
    closest_keys,
    expect_text,
    row_label,
    schema_columns,
    validate,
)
from pipeline.warehouse.overrides import (
    DEFAULT_FILE,
    HEADER,
    HEADER_EXPECT,
    KEYS,
    LABELS,
    Override,
    correction_files,
    overrides_lock,
    read_overrides,
    read_overrides_file,
)


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
    expect: str | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> Override:
    """Validate one correction and append it to ``overrides_dir/<file_name>``; return it.

    With `con` (the warehouse) the key and column are checked against it first: an unknown
    key is refused with the closest keys, and `expect` is filled with the row's name. Raises
    UsageError with the reason when the override is malformed. Apply it with
    `apply_overrides` (the next `namnd run` does so).
    """
    with overrides_lock(overrides_dir):
        return _add_override(
            overrides_dir, table, key, column, value, action, note, file_name, expect, con
        )


def _add_override(
    overrides_dir: Path,
    table: str,
    key: str,
    column: str | None,
    value: str | None,
    action: str,
    note: str | None,
    file_name: str,
    expect: str | None,
    con: duckdb.DuckDBPyConnection | None,
) -> Override:
    path = overrides_dir / file_name
    lines = _file_lines(path)
    ov = Override(
        table,
        key,
        column or None,
        value or None,
        action.lower(),
        note or None,
        f"{file_name}:{max(len(lines), 1) + 1}",
        expect or None,
    )
    columns = _columns(con) if con is not None else schema_columns()
    problem = validate(ov, columns)
    if problem is None:
        problem = _check_values(duckdb.connect(), ov, columns)
    if problem:
        raise UsageError(f"override not added: {problem}")
    if con is not None:
        ov = _check_in_warehouse(con, ov)
    if not lines:
        lines = [_csv_line(HEADER_EXPECT)]
    elif tuple(next(csv.reader([lines[0]]), [])) == HEADER:
        lines[0] = _csv_line(HEADER_EXPECT)  # an old file gains the expect column
    lines.append(_csv_line(_cells(ov)))
    atomic_write_text(path, "\n".join(lines) + "\n")
    return ov


def _file_lines(path: Path) -> list[str]:
    """The physical lines of an overrides file (a quoted value never spans lines here)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return text.splitlines()


def _csv_line(cells: tuple[str, ...] | list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    return buf.getvalue().rstrip("\n")


def _cells(ov: Override) -> list[str]:
    return [
        ov.table,
        ov.key,
        ov.column or "",
        ov.value or "",
        ov.action,
        ov.note or "",
        ov.expect or "",
    ]


def _check_in_warehouse(con: duckdb.DuckDBPyConnection, ov: Override) -> Override:
    """`ov` with `expect` filled from the warehouse; UsageError for an unknown key."""
    if ov.action == "add":
        return ov
    exists, label = row_label(con, ov.table, ov.key)
    if not exists:
        near = closest_keys(con, ov.table, ov.key)
        hint = f"; closest: {', '.join(near)}" if near else f"; {ov.table} is empty"
        raise UsageError(f"override not added: no {ov.table} row has the key {ov.key!r}{hint}")
    if ov.expect is None:
        ov = replace(ov, expect=expect_text(label))
    return ov


def upgrade_files(con: duckdb.DuckDBPyConnection, overrides_dir: Path) -> tuple[int, list[str]]:
    """Fill `expect` (and move re-matched keys to their new id) in every overrides file.

    A line without `expect` gets the name of the row its key finds now; a line whose key was
    matched again by its expect name at the last run gets that row's key. Returns (lines
    changed, why each other line could not be upgraded).
    """
    stored = _stored(con) if "overrides_applied" in _columns(con) else {}
    changed, problems = 0, []
    for path in correction_files(overrides_dir) if overrides_dir.is_dir() else []:
        by_source = {o.source: o for o in read_overrides_file(path)}
        lines = _file_lines(path)
        touched = False
        for i in range(1, len(lines)):
            ov = by_source.get(f"{path.name}:{i + 1}")
            if ov is None or ov.table not in KEYS or ov.action == "add":
                continue
            new = ov
            st = stored.get(ov.override_id)
            if st is not None and st.matched_key and st.matched_key != ov.key:
                new = replace(new, key=st.matched_key)
            if new.expect is None and LABELS.get(ov.table):
                exists, label = row_label(con, ov.table, new.key)
                if exists:
                    new = replace(new, expect=expect_text(label))
                else:
                    problems.append(f"{ov.source}: no {ov.table} row has the key {ov.key!r}")
            if new != ov:
                lines[i] = _csv_line(_cells(new))
                changed += 1
                touched = True
        if touched:
            lines[0] = _csv_line(HEADER_EXPECT)
            atomic_write_text(path, "\n".join(lines) + "\n")
    return changed, problems


def remove_override(overrides_dir: Path, ident: str) -> Override:
    """Delete the line `ident` (an override id, a unique prefix of one, or ``file.csv:LINE``)."""
    with overrides_lock(overrides_dir):
        return _remove_override(overrides_dir, ident)


def _remove_override(overrides_dir: Path, ident: str) -> Override:
    found = read_overrides(overrides_dir)
    hits = [o for o in found if o.source == ident or o.override_id.startswith(ident)]
    if len(ident) < 4 and ":" not in ident:
        hits = []
    if len(hits) != 1:
        what = "no correction" if not hits else f"{len(hits)} corrections"
        raise UsageError(
            f"{what} matches {ident!r}; give an id or file:line from `namnd corrections`"
        )
    ov = hits[0]
    file_name, line_no = ov.source.rsplit(":", 1)
    path = overrides_dir / file_name
    lines = _file_lines(path)
    del lines[int(line_no) - 1]
    atomic_write_text(path, "\n".join(lines) + "\n")
    return ov
