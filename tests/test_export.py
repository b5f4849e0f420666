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


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_every_table_and_view_becomes_one_file(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    written = export(sample_db, out, fmt)  # type: ignore[arg-type]
    names = objects(sample_db)
    assert {"documents", "projects", "schema_migrations", "v_funding_by_district_year"} <= set(
        names
    )
    assert written == [out / f"{n}.{fmt}" for n in names]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in names)
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    con = duckdb.connect()
    for name in names:
        n = con.execute(
            f"SELECT count(*) FROM {reader}(?)", [str(out / f"{name}.{fmt}")]
        ).fetchall()
        assert n[0][0] == row_count(sample_db, name), name


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
            [str(tmp_path / "documents.parquet")],
        ).fetchall()
    )
    assert types["doc_date"] == "DATE" and types["n_pages"] == "INTEGER"


def test_export_overwrites_and_leaves_no_temporary_files(sample_db: Path, tmp_path: Path) -> None:
    export(sample_db, tmp_path, "csv")
    export(sample_db, tmp_path, "csv")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_unknown_format_is_refused(sample_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet or csv"):
        export(sample_db, tmp_path, "xlsx")  # type: ignore[arg-type]
