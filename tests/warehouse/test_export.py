"""Exports: one Parquet or CSV file per table and view, readable back with the same rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.warehouse import connect_read, connect_write, export, load_document
from pipeline.warehouse.export import exportable_objects
from tests.samples import sample_corpus, write_sample_districts


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("export")
    districts, aliases = write_sample_districts(tmp / "data")
    db = tmp / "namnd.duckdb"
    with connect_write(db, districts_csv=districts, aliases_csv=aliases) as con:
        for r in sample_corpus():
            load_document(con, r, "test-1")
    return db


def objects(db: Path) -> list[str]:
    con = connect_read(db)
    try:
        return exportable_objects(con)
    finally:
        con.close()


def row_count(db: Path, name: str) -> int:
    con = connect_read(db)
    try:
        return int(con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])
    finally:
        con.close()


def place(out: Path, name: str, ext: str) -> Path:
    """Views at the top of the export, raw tables under tables/."""
    return out / f"{name}.{ext}" if name.startswith("v_") else out / "tables" / f"{name}.{ext}"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "excel-csv", "xlsx"])
def test_every_table_and_view_becomes_one_file(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    ext = {"excel-csv": "csv"}.get(fmt, fmt)
    written = export(sample_db, out, fmt)  # type: ignore[arg-type]
    names = objects(sample_db)
    assert {"documents", "projects", "schema_migrations", "v_funding_by_district_year"} <= set(
        names
    )
    views = [n for n in names if n.startswith("v_")]
    tables = [n for n in names if not n.startswith("v_")]
    assert written == [place(out, n, ext) for n in views + tables]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["README.txt", "tables", *(f"{n}.{ext}" for n in views)]
    )
    assert sorted(p.name for p in (out / "tables").iterdir()) == sorted(
        f"{n}.{ext}" for n in tables
    )
    for name in names:
        assert _rows_in(place(out, name, ext), fmt) == row_count(sample_db, name), name


def _rows_in(path: Path, fmt: str) -> int:
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True)
        n = sum(1 for _ in wb.worksheets[0].iter_rows()) - 1
        wb.close()
        return n
    con = duckdb.connect()
    if fmt == "excel-csv":
        sql = "SELECT count(*) FROM read_csv(?, delim=';', header=true)"
    else:
        sql = f"SELECT count(*) FROM {'read_parquet' if fmt == 'parquet' else 'read_csv'}(?)"
    return int(con.execute(sql, [str(path)]).fetchall()[0][0])


def test_parquet_keeps_types_and_swedish_letters(sample_db: Path, tmp_path: Path) -> None:
    export(sample_db, tmp_path, "parquet")
    con = duckdb.connect()
    rows = con.execute(
        "SELECT district_today, total_sek, year FROM read_parquet(?) "
        "WHERE district_id = 'rinkeby-kista' ORDER BY year",
        [str(tmp_path / "v_funding_by_district_year.parquet")],
    ).fetchall()
    assert rows == [("Järva", 200_001, 2015), ("Järva", 150_000, 2019)]
    types = dict(
        con.execute(
            "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
            [str(tmp_path / "tables" / "documents.parquet")],
        ).fetchall()
    )
    assert types["doc_date"] == "DATE" and types["n_pages"] == "INTEGER"


def test_export_overwrites_and_leaves_no_temporary_files(sample_db: Path, tmp_path: Path) -> None:
    export(sample_db, tmp_path, "csv")
    export(sample_db, tmp_path, "csv")
    assert not [p for p in tmp_path.rglob(".*")]


def test_unknown_format_is_refused(sample_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet, csv, excel-csv, xlsx"):
        export(sample_db, tmp_path, "ods")  # type: ignore[arg-type]
