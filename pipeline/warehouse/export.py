"""Export every table and view of the warehouse to Parquet or CSV files (one per object)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import duckdb

from pipeline.warehouse.db import connect_read

ExportFormat = Literal["parquet", "csv"]
_COPY_OPTIONS: dict[str, str] = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


def exportable_objects(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the user tables and views in the warehouse, tables first, each sorted."""
    rows = con.execute(
        "SELECT table_name, 0 FROM duckdb_tables() WHERE NOT internal AND NOT temporary "
        "AND database_name = current_database() AND schema_name = 'main' "
        "UNION ALL SELECT view_name, 1 FROM duckdb_views() WHERE NOT internal AND NOT temporary "
        "AND database_name = current_database() AND schema_name = 'main' ORDER BY 2, 1"
    ).fetchall()
    return [r[0] for r in rows]


def export(db_path: Path, out_dir: Path, fmt: ExportFormat = "parquet") -> list[Path]:
    """Write ``<out_dir>/<name>.<fmt>`` for every table and view; return the paths written.

    Reads through a read-only connection. Each file is written under a temporary name and
    renamed, so an interrupted export never leaves a truncated file.
    """
    if fmt not in _COPY_OPTIONS:
        raise ValueError(f"format must be parquet or csv, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    con = connect_read(db_path)
    try:
        for name in exportable_objects(con):
            target = out_dir / f"{name}.{fmt}"
            tmp = out_dir / f".{name}.{fmt}.tmp"
            quoted = str(tmp).replace("'", "''")
            con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{quoted}' ({_COPY_OPTIONS[fmt]})")
            os.replace(tmp, target)
            written.append(target)
    finally:
        con.close()
    return written
