"""Analysts' corrections: ``warehouse/overrides/*.csv`` applied on top of extracted rows.

Each CSV has the header ``table,key,column,value,action,note`` (see
``warehouse/overrides/README.md``). `apply_overrides` reads the files, stores the valid
overrides in ``overrides_applied`` and applies them; `load_document` re-applies the stored
ones for the document it just reloaded, so corrections survive reruns and ``--force``.
Applying is idempotent. An override that matches nothing is reported, never dropped.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import functools
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from pipeline.errors import UsageError
from pipeline.layout import atomic_write_text
from pipeline.warehouse.migrate import PER_DOCUMENT_TABLES, first_row, migrate, utcnow

HEADER = ("table", "key", "column", "value", "action", "note")
#: The header `namnd correct` writes: `expect` holds the row's name as the analyst saw it.
HEADER_EXPECT = (*HEADER, "expect")
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
#: Columns a correction may not set: identity, provenance, what every run derives anew
#: (series_id from the linker, confidence_extracted from the checks), and where its evidence
#: is on the page (computed at load: pipeline/warehouse/evidence_boxes.py).
_PROTECTED = {
    "doc_id",
    "origin",
    "series_id",
    "confidence_extracted",
    "box_page",
    "box_x0",
    "box_y0",
    "box_x1",
    "box_y1",
    "box_match",
}

#: The column that names a row, compared with `expect` before an override is applied.
#: Documents have none: a doc_id is the hash of the file's bytes and cannot drift.
LABELS: dict[str, str] = {
    "projects": "name",
    "amounts": "raw",
    "criteria": "text",
    "project_districts": "name_as_printed",
    "decisions": "text",
    "signatories": "name",
}
#: Tables whose rows may be found again by their `expect` name when their key has vanished.
REMATCH = ("projects", "amounts", "criteria", "decisions")
EXPECT_MAX = 80  # longer names are written cut, ending in "…" (matched as a prefix)


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
    expect: str | None = None  # the row's name as the analyst saw it (not part of the identity)

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
    stale: list[tuple[Override, str | None]] = field(default_factory=list)  # (override, found)
    rematched: list[tuple[Override, str]] = field(default_factory=list)  # (override, new key)
    unguarded: list[Override] = field(default_factory=list)  # applied without an expect

    def lines(self) -> list[str]:
        out = [
            f"corrections: {len(self.applied)} applied, {len(self.stale)} stale, "
            f"{len(self.unmatched)} matching nothing"
            + (f", {len(self.invalid)} invalid" if self.invalid else "")
        ]
        out += [
            f"  stale, not applied: {o.describe()} — expected {o.expect!r}, found {found!r}"
            for o, found in self.stale
        ]
        out += [
            f"  key gone, matched by its expect name: {o.describe()} — now {key}"
            for o, key in self.rematched
        ]
        out += [f"  matched nothing: {o.describe()}" for o in self.unmatched]
        out += [
            f"  no expect, applied unchecked (fill it with `namnd correct --upgrade`): "
            f"{o.describe()}"
            for o in self.unguarded
        ]
        out += [f"  invalid, not applied: {o.describe()} — {why}" for o, why in self.invalid]
        out += [f"  removed from the files: {o.describe()}" for o in self.retired]
        if self.needs_reload:
            out.append(
                f"  reload to undo removed overrides: {', '.join(sorted(self.needs_reload))}"
            )
        return out


# --------------------------------------------------------------------------- files

#: the lock file that serialises writers of the overrides folder (`namnd correct`, the review
#: page's tabs): each rewrites a file whole, so two at once would lose a line
LOCK_FILE = ".lock"


@contextlib.contextmanager
def overrides_lock(overrides_dir: Path) -> Iterator[None]:
    """Hold the overrides folder for one read-modify-write (an exclusive ``flock``)."""
    overrides_dir.mkdir(parents=True, exist_ok=True)
    with (overrides_dir / LOCK_FILE).open("a") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


#: Judgements on project links (pipeline/warehouse/series.py), not corrections of rows.
LINKS_FILE = "project_links.csv"


def correction_files(overrides_dir: Path) -> list[Path]:
    """The corrections files of `overrides_dir`, in name order (every *.csv but LINKS_FILE)."""
    return [p for p in sorted(overrides_dir.glob("*.csv")) if p.name != LINKS_FILE]


def read_overrides(overrides_dir: Path) -> list[Override]:
    """Every override in ``overrides_dir/*.csv``, in file-name then line order.

    Blank lines and lines whose `table` cell starts with "#" are skipped.
    """
    found: list[Override] = []
    if not overrides_dir.is_dir():
        return found
    for path in correction_files(overrides_dir):
        found += read_overrides_file(path)
    return found


def read_overrides_file(path: Path) -> list[Override]:
    """The overrides of one file, in line order."""
    found: list[Override] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ())[: len(HEADER)] != HEADER:
            raise UsageError(f"overrides file {path}: the first line must be {','.join(HEADER)}")
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
                    expect=(row.get("expect") or "").strip() or None,
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
