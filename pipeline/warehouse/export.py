"""Export the warehouse to files an analyst can open: the views first, the raw tables apart.

    out/README.txt                  which file is which, and what one row of each means
    out/v_projects.parquet          the analysts' views (each decision counted once)
    out/tables/projects.parquet     the raw tables (every copy of every decision)

Formats: ``parquet`` (types kept), ``csv`` (UTF-8, comma), ``excel-csv`` (UTF-8 with a BOM,
``;`` between fields and a decimal comma: what Excel with Swedish settings opens directly,
å/ä/ö intact) and ``xlsx`` (one workbook per view or table, read with openpyxl). Each file is
written under a temporary name and renamed, so an interrupted export never leaves half a
file. The descriptions in README.txt come from `pipeline.warehouse.schema` (the SQL headers).
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import duckdb

from pipeline.warehouse.db import connect_read

ExportFormat = Literal["parquet", "csv", "excel-csv", "xlsx"]
FORMATS: tuple[str, ...] = ("parquet", "csv", "excel-csv", "xlsx")
TABLES_DIR = "tables"
_EXTENSION = {"parquet": "parquet", "csv": "csv", "excel-csv": "csv", "xlsx": "xlsx"}
_COPY_OPTIONS: dict[str, str] = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}

#: Excel keeps at most this many characters in a cell; longer text (a page's OCR text) is cut
#: there with a marker, in xlsx only.
XLSX_CELL_MAX = 32_767
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BATCH = 2_000


def exportable_objects(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the user tables and views in the warehouse, tables first, each sorted."""
    return [name for name, _ in _objects(con)]


def _objects(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    rows = con.execute(
        "SELECT table_name, 'table' FROM duckdb_tables() WHERE NOT internal AND NOT temporary "
        "AND database_name = current_database() AND schema_name = 'main' "
        "UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE NOT internal "
        "AND NOT temporary AND database_name = current_database() AND schema_name = 'main' "
        "ORDER BY 2, 1"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def export(db_path: Path, out_dir: Path, fmt: ExportFormat = "parquet") -> list[Path]:
    """Write every view to ``out_dir`` and every table to ``out_dir/tables``, plus README.txt.

    Returns the data files written (views first). Reads through a read-only connection.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "xlsx":
        import openpyxl  # noqa: F401  (fail before writing anything when it is missing)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / TABLES_DIR).mkdir(exist_ok=True)
    con = connect_read(db_path)
    written: list[tuple[str, str, Path, int]] = []
    try:
        objects = _objects(con)
        for name, kind in sorted(objects, key=lambda o: (o[1] != "view", o[0])):
            folder = out_dir if kind == "view" else out_dir / TABLES_DIR
            target = folder / f"{name}.{_EXTENSION[fmt]}"
            tmp = folder / f".{target.name}.tmp"
            if fmt in _COPY_OPTIONS:
                quoted = str(tmp).replace("'", "''")
                con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{quoted}' ({_COPY_OPTIONS[fmt]})")
            else:
                cols, batches = _rows(con, name)
                if fmt == "xlsx":
                    _write_xlsx(tmp, name, cols, batches)
                else:
                    _write_excel_csv(tmp, cols, batches)
            os.replace(tmp, target)
            n_rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
            written.append((name, kind, target, int(n_rows)))
    finally:
        con.close()
    _write_readme(out_dir, db_path, fmt, written)
    return [p for _, _, p, _ in written]


def _rows(
    con: duckdb.DuckDBPyConnection, name: str
) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    cur = con.execute(f'SELECT * FROM "{name}"')
    cols = [d[0] for d in cur.description or []]

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        while rows := cur.fetchmany(_BATCH):
            yield rows

    return cols, batches()


def _text(v: Any) -> str:
    """A list, map or other non-scalar value as text: lists joined with "; ", NULL empty."""
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return "; ".join(_text(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def _excel_csv_cell(v: Any) -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float | decimal.Decimal):
        return repr(float(v)).replace(".", ",") if v == v else ""
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return _text(v)


def _write_excel_csv(path: Path, cols: list[str], batches: Iterator[list[tuple[Any, ...]]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(cols)
        for rows in batches:
            w.writerows([[_excel_csv_cell(v) for v in r] for r in rows])


def _xlsx_cell(v: Any) -> Any:
    if v is None or isinstance(v, bool | int | float | dt.date):
        if isinstance(v, dt.datetime) and v.tzinfo is not None:
            return v.astimezone(dt.UTC).replace(tzinfo=None)
        return v
    if isinstance(v, decimal.Decimal):
        return float(v)
    text = _ILLEGAL_XML.sub("", _text(v))
    if len(text) > XLSX_CELL_MAX:
        marker = " … [cut: Excel keeps 32,767 characters per cell]"
        text = text[: XLSX_CELL_MAX - len(marker)] + marker
    return text


def _write_xlsx(
    path: Path, name: str, cols: list[str], batches: Iterator[list[tuple[Any, ...]]]
) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=name[:31])
    ws.freeze_panes = "A2"
    ws.append(cols)
    for rows in batches:
        for r in rows:
            ws.append([_xlsx_cell(v) for v in r])
    with path.open("wb") as fh:
        wb.save(fh)


def _write_readme(
    out_dir: Path, db_path: Path, fmt: str, written: list[tuple[str, str, Path, int]]
) -> None:
    from pipeline.warehouse.schema import describe_all

    grains = {o.name: o.grain for o in describe_all()}
    views = [(n, p, r) for n, k, p, r in written if k == "view"]
    tables = [(n, p, r) for n, k, p, r in written if k == "table"]

    def listing(items: list[tuple[str, Path, int]]) -> list[str]:
        rels = [p.relative_to(out_dir).as_posix() for _, p, _ in items]
        width = max((len(r) for r in rels), default=0)
        return [
            f"  {rel:<{width}}  {r:>7} rows  {grains.get(n) or '(not described)'}"
            for (n, _, r), rel in zip(items, rels, strict=True)
        ]

    lines = [
        f"Export of the warehouse {db_path.name} ({fmt}).",
        "",
        "START HERE: the files in this folder are the analysts' views. Each counts every",
        "decision once (the best copy of it: see v_documents_canonical) and follows districts",
        "to today's. Each file, its number of rows, and what one row is:",
        "",
        *listing(views),
        "",
        f"{TABLES_DIR}/ holds the raw tables the views are built from. They keep EVERY COPY of",
        "every decision (a decision that arrived as transcript, scan and PDF is three",
        "documents, each with its projects), so summing them counts decisions more than once.",
        "Use them to trace a value to its page and source text. Each file, its number of rows,",
        "and what one row is:",
        "",
        *listing(tables),
        "",
        "Every column, its type and what it means: `namnd schema NAME`.",
        "For Excel: `namnd export DIR --excel` (semicolons, UTF-8 with BOM, decimal comma) or",
        "`--format xlsx`.",
    ]
    target = out_dir / "README.txt"
    tmp = out_dir / ".README.txt.tmp"
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, target)
