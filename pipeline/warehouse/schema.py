"""The data dictionary: every table, view and macro, its columns and what one row means.

One source, so that `namnd schema`, the README's list and the README.txt of an export cannot
drift from the SQL:

* views and macros: the header comment of their file in `pipeline/sql/marts/` (its
  "Grain:" paragraph says what one row is);
* tables: their block in `pipeline/sql/tables.sql`, and the comment after each column in
  the migrations (`pipeline/sql/migrations/`);
* column types: DuckDB itself, from an in-memory database built by the same migrations and
  view files (so no warehouse is needed to read the dictionary).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb

from pipeline.errors import UsageError
from pipeline.warehouse.migrate import (
    MIGRATIONS_DIR,
    SQL_DIR,
    VIEWS_DIR,
    install_views,
    migrate,
)

TABLES_SQL = SQL_DIR / "tables.sql"
README_START = "<!-- schema:start -->"
README_END = "<!-- schema:end -->"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    note: str = ""


@dataclass(frozen=True)
class SchemaObject:
    name: str
    kind: str  # table | view | macro
    signature: str  # the header's first line (a macro's call form; else the name)
    grain: str  # the "Grain:" paragraph, without the label ("" when not described)
    header: str  # the whole header comment after its first line, "-- " removed
    source: str  # file it is described in, relative to the repository
    columns: tuple[Column, ...] = ()


# --------------------------------------------------------------------------- comments


def header_lines(sql: str) -> list[str]:
    """The leading comment lines of a SQL text, without their "--" and one space."""
    out: list[str] = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        out.append(line[3:] if line.startswith("-- ") else line[2:])
    return out


def grain_of(lines: list[str]) -> str:
    """The "Grain:" paragraph of a header, joined into one line, without the label."""
    out: list[str] = []
    for line in lines:
        if out and (not line.strip() or re.match(r"^[A-Z][\w ]*:", line) or line[:1] in "*-"):
            break
        if out or line.startswith("Grain:"):
            out.append(line.removeprefix("Grain:").strip())
    return " ".join(out)


def _rel(path: Path) -> str:
    return path.relative_to(SQL_DIR.parent.parent).as_posix()


def _mart_headers() -> dict[str, tuple[str, list[str], Path]]:
    """name -> (first line, the rest of the header, file) for every file in marts/."""
    out = {}
    for path in sorted(VIEWS_DIR.glob("*.sql")):
        lines = header_lines(path.read_text(encoding="utf-8"))
        first = lines[0] if lines else path.stem
        out[path.stem] = (first, lines[1:], path)
    return out


def _table_headers() -> dict[str, list[str]]:
    """table -> its header block in tables.sql (without the name line)."""
    out: dict[str, list[str]] = {}
    for block in re.split(r"\n\s*\n", TABLES_SQL.read_text(encoding="utf-8")):
        lines = header_lines(block.strip())
        if lines and re.fullmatch(r"[a-z_][a-z0-9_]*", lines[0].strip()):
            out[lines[0].strip()] = lines[1:]
    return out


_CREATE = re.compile(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)\s*\((.*?)\n\);", re.S)
_COLUMN = re.compile(r"^\s+(\w+)\s+[A-Z][^-]*?(?:--\s*(.*))?$")
_ADD = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)[^;]*;[ \t]*(?:--\s*(.*))?")


def column_notes(directory: Path = MIGRATIONS_DIR) -> dict[tuple[str, str], str]:
    """(table, column) -> the comment after the column in the migration that made it."""
    notes: dict[tuple[str, str], str] = {}
    for path in sorted(directory.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        for table, body in _CREATE.findall(sql):
            for line in body.splitlines():
                m = _COLUMN.match(line)
                if m and m.group(1).upper() not in {"PRIMARY", "UNIQUE", "FOREIGN", "CHECK"}:
                    notes[(table, m.group(1))] = _note(m.group(2))
        for table, column, note in _ADD.findall(sql):
            notes[(table, column)] = _note(note)
    return notes


def _note(text: str | None) -> str:
    text = (text or "").strip()
    return re.sub(r"^added\b:?\s*", "", text)


# --------------------------------------------------------------------------- objects


@lru_cache(maxsize=1)
def describe_all() -> tuple[SchemaObject, ...]:
    """Every table, view and macro of a warehouse built by this code, tables first."""
    con = duckdb.connect()
    try:
        migrate(con)
        install_views(con)
        types: dict[str, list[Column]] = {}
        for table, column, dtype in con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE NOT internal AND schema_name = 'main' ORDER BY table_name, column_index"
        ).fetchall():
            types.setdefault(table, []).append(Column(column, dtype))
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE NOT internal "
                "AND schema_name = 'main' ORDER BY 1"
            ).fetchall()
        ]
    finally:
        con.close()
    notes = column_notes()
    table_headers = _table_headers()
    objects: list[SchemaObject] = []
    for t in tables:
        lines = table_headers.get(t, [])
        cols = tuple(Column(c.name, c.type, notes.get((t, c.name), "")) for c in types[t])
        objects.append(
            SchemaObject(t, "table", t, grain_of(lines), "\n".join(lines), _rel(TABLES_SQL), cols)
        )
    for name, (first, lines, path) in _mart_headers().items():
        kind = "macro" if "(macro)" in first else "view"
        signature = first.replace("(macro)", "").strip() if kind == "macro" else name
        cols = tuple(types.get(name, [])) if kind == "view" else ()
        objects.append(
            SchemaObject(name, kind, signature, grain_of(lines), "\n".join(lines), _rel(path), cols)
        )
    order = {"table": 0, "view": 1, "macro": 2}
    return tuple(sorted(objects, key=lambda o: (order[o.kind], o.name)))


def find(name: str) -> SchemaObject:
    """The object called `name`; an unknown name is refused with the closest names."""
    objects = {o.name: o for o in describe_all()}
    if name in objects:
        return objects[name]
    close = difflib.get_close_matches(name, list(objects), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `namnd schema` lists them all"
    raise UsageError(f"no table, view or macro named {name!r}{hint}")


# --------------------------------------------------------------------------- text


_HEADINGS = {
    "table": "Tables: every copy of every decision, as loaded ({src})",
    "view": "Views: what analysts query; each decision counted once ({src})",
    "macro": "Macros ({src})",
}


def render_list(objects: tuple[SchemaObject, ...] | None = None) -> str:
    """`namnd schema`: every object with what one row means, one line each."""
    objects = describe_all() if objects is None else objects
    width = max(len(o.name) for o in objects)
    out: list[str] = []
    for kind in ("table", "view", "macro"):
        group = [o for o in objects if o.kind == kind]
        if not group:
            continue
        src = "pipeline/sql/tables.sql" if kind == "table" else "pipeline/sql/marts/"
        out.append(_HEADINGS[kind].format(src=src))
        for o in group:
            out.append(f"  {o.name:<{width}}  {o.grain or '(not described)'}")
    out.append("`namnd schema NAME` shows one of them with its columns and types.")
    return "\n".join(out) + "\n"


def render_object(o: SchemaObject) -> str:
    """`namnd schema NAME`: the header comment as written, then the columns with types."""
    out = [f"{o.signature} ({o.kind}, {o.source})", ""]
    out += o.header.splitlines() or ["(not described)"]
    if o.columns:
        w_name = max(len("column"), *(len(c.name) for c in o.columns))
        w_type = max(len("type"), *(len(c.type) for c in o.columns))
        out += ["", f"{'column':<{w_name}}  {'type':<{w_type}}  note".rstrip()]
        for c in o.columns:
            out.append(f"{c.name:<{w_name}}  {c.type:<{w_type}}  {c.note}".rstrip())
    return "\n".join(out) + "\n"


def render_markdown(objects: tuple[SchemaObject, ...] | None = None) -> str:
    """README's list of tables, views and macros (between the schema markers)."""
    objects = describe_all() if objects is None else objects
    out = [
        "Generated from the SQL files by `python -m pipeline.devtools.schema_doc --write README.md`"
        " (the same source as `namnd schema`; a test checks that this list is current).",
        "",
        "| name | kind | one row is |",
        "| --- | --- | --- |",
    ]
    for o in objects:
        grain = (o.grain or "(not described)").replace("|", "\\|")
        out.append(f"| `{o.signature}` | {o.kind} | {grain} |")
    return "\n".join(out) + "\n"


def current_readme_section(readme: str) -> str:
    """The text between the schema markers of README.md ("" when they are missing)."""
    if README_START not in readme or README_END not in readme:
        return ""
    return readme.split(README_START, 1)[1].split(README_END, 1)[0].strip("\n") + "\n"


def write_readme(readme_path: Path) -> None:
    """Rewrite README's list of tables and views between its markers."""
    text = readme_path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise SystemExit(f"{readme_path} has no {README_START} … {README_END} markers")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme_path.write_text(
        f"{head}{README_START}\n{render_markdown()}{README_END}{tail}", encoding="utf-8"
    )
