"""Schema migrations: applied once and recorded, older warehouses upgraded with data kept,
the CONTRACT's tables present, and every SQL file documented."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.warehouse import SCHEMA_VERSION, MigrationError, connect_write, migrate, run_checks
from pipeline.warehouse.load import legacy_criterion_id
from pipeline.warehouse.migrate import (
    CHECKS_DIR,
    MIGRATIONS_DIR,
    VIEWS_DIR,
    _creation_order,
    current_version,
    discover_migrations,
    ensure_views,
    insert_values,
    install_views,
)
from tests.samples import write_sample_districts

# The tables and columns CONTRACT.md promises (names must never change; columns may be added).
CONTRACT: dict[str, set[str]] = {
    "documents": {
        "doc_id", "source_path", "sha256", "media_type", "text_source", "n_pages",
        "ocr_confidence", "committee", "committee_as_printed", "doc_type", "dnr",
        "dnr_as_printed", "doc_date", "meeting_date", "title", "handlaggare",
        "pipeline_version", "loaded_at",
    },
    "pages": {"doc_id", "page_no", "text", "clean_text", "text_source", "ocr_confidence", "quality"},
    "ingest_log": {
        "source_path", "sha256", "status", "stage", "error", "started_at", "finished_at",
        "pipeline_version",
    },
    "decisions": {"doc_id", "item_no", "text"},
    "signatories": {"doc_id", "name", "role"},
    "projects": {
        "project_id", "doc_id", "name", "fund_type", "year", "status", "amount_sek", "performer",
        "end_date", "description", "page_no", "evidence", "confidence",
    },
    "project_districts": {"project_id", "district_id", "name_as_printed"},
    "amounts": {
        "amount_id", "doc_id", "sek", "raw", "approximate", "kind", "fund_type", "year",
        "project_id", "page_no", "evidence",
    },
    "criteria": {"doc_id", "fund_type", "year", "position", "text", "kind"},
    "districts": {"district_id", "name", "kind", "valid_from", "valid_to", "successor_id"},
    "district_aliases": {"alias", "district_id"},
    "district_mentions": {"doc_id", "district_id", "name_as_printed", "page_no"},
}  # fmt: skip

CONTRACT_VIEWS = {
    "v_funding_by_district_year": {
        "district_as_named", "district_id", "district_today_id", "district_today", "fund_type",
        "year", "n_projects", "total_sek", "n_documents",
    },
    "v_criteria_by_year": {"fund_type", "year", "kind", "criteria", "n_criteria"},
    "v_max_amounts": {"fund_type", "year", "max_per_application_sek", "raw", "doc_id"},
    "v_documents_timeline": {
        "committee", "doc_type", "doc_date", "meeting_date", "title", "dnr", "n_projects",
        "total_amount_sek", "doc_id",
    },
}  # fmt: skip


def test_schema_version_is_the_last_migration_file() -> None:
    migrations = discover_migrations()
    assert [m.version for m in migrations] == list(range(1, SCHEMA_VERSION + 1))
    assert SCHEMA_VERSION >= 2
    assert migrations[0].path.name == "0001_initial.sql"


def test_fresh_warehouse_gets_every_migration_once(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert migrate(con) == list(range(1, SCHEMA_VERSION + 1))
    assert migrate(con) == []
    rows = con.execute(
        "SELECT version, name, checksum FROM schema_migrations ORDER BY 1"
    ).fetchall()
    assert rows == [(m.version, m.name, m.checksum) for m in discover_migrations()]
    assert current_version(con) == SCHEMA_VERSION


def test_contract_tables_and_views_exist_with_their_columns(tmp_path: Path) -> None:
    districts, aliases = write_sample_districts(tmp_path / "data")
    with connect_write(tmp_path / "w.duckdb", districts_csv=districts, aliases_csv=aliases) as con:
        for table, cols in {**CONTRACT, **CONTRACT_VIEWS}.items():
            missing = cols - {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
            assert not missing, f"{table} lacks {missing}"
        pk = con.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
            "WHERE constraint_type = 'PRIMARY KEY' AND table_name IN ('documents', 'projects', "
            "'amounts', 'districts') ORDER BY 1"
        ).fetchall()
        assert pk == [
            ("amounts", ["amount_id"]),
            ("districts", ["district_id"]),
            ("documents", ["doc_id"]),
            ("projects", ["project_id"]),
        ]


def test_an_older_warehouse_is_upgraded_with_its_data(tmp_path: Path) -> None:
    """A warehouse built when only 0001 existed: rows survive, new columns are back-filled."""
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    assert migrate(con, target=1) == [1]
    con.execute(
        "INSERT INTO documents (doc_id, source_path, sha256, committee, doc_date, status) "
        "VALUES ('d1', 'a.pdf', 'ff', 'Socialnämnden', DATE '2015-03-01', 'ok')"
    )
    con.execute(
        "INSERT INTO projects (project_id, doc_id, name, fund_type, year, amount_sek) "
        "VALUES ('d1-p1', 'd1', 'Barnsamtal', 'LUM', 2015, 120000)"
    )
    con.execute(
        "INSERT INTO criteria (doc_id, fund_type, year, position, text, kind) VALUES "
        "('d1', 'LUM', 2015, 1, 'nära praktiken', 'criterion'), "
        "('d1', NULL, NULL, 2, 'Stockholmsperspektiv', 'priority')"
    )
    con.execute(
        "INSERT INTO amounts (amount_id, doc_id, sek, kind) VALUES ('d1-a1', 'd1', 5, 'other')"
    )
    assert current_version(con) == 1
    con.close()

    districts, aliases = write_sample_districts(tmp_path / "data")
    with connect_write(db, districts_csv=districts, aliases_csv=aliases) as con:
        assert current_version(con) == SCHEMA_VERSION
        assert con.execute("SELECT name, amount_sek, origin FROM projects").fetchall() == [
            ("Barnsamtal", 120000, "extracted")
        ]
        assert con.execute("SELECT origin FROM amounts").fetchall() == [("extracted",)]
        crit = con.execute("SELECT criterion_id, text FROM criteria ORDER BY position").fetchall()
        assert crit == [
            (legacy_criterion_id("d1", "criterion", "LUM", 2015, 1), "nära praktiken"),
            (legacy_criterion_id("d1", "priority", None, None, 2), "Stockholmsperspektiv"),
        ]
        assert con.execute("SELECT count(*) FROM overrides_applied").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM v_projects").fetchall() == [(1,)]
        assert set(run_checks(con).values()) == {0}


def test_a_failing_migration_leaves_the_warehouse_as_it_was(tmp_path: Path) -> None:
    mig_dir = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, mig_dir)
    (mig_dir / f"{SCHEMA_VERSION + 1:04d}_broken.sql").write_text(
        "ALTER TABLE projects ADD COLUMN ok_column INTEGER;\nSELECT * FROM no_such_table;\n"
    )
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    with pytest.raises(duckdb.CatalogException):
        migrate(con, migrations=discover_migrations(mig_dir))
    assert current_version(con) == SCHEMA_VERSION
    assert "ok_column" not in {r[0] for r in con.execute("DESCRIBE projects").fetchall()}


def test_an_edited_applied_migration_is_refused(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    con.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
    with pytest.raises(MigrationError, match="0001_initial.sql was changed after it was applied"):
        migrate(con)


def test_a_warehouse_from_newer_code_is_refused(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    con.execute("INSERT INTO schema_migrations VALUES (99, 'future', now()::TIMESTAMP, 'x')")
    with pytest.raises(MigrationError, match="schema version 99 .* --rebuild-warehouse"):
        migrate(con)


def test_migration_files_are_named_and_never_edited_in_place() -> None:
    for mig in discover_migrations():
        assert re.fullmatch(r"\d{4}_[a-z0-9_]+\.sql", mig.path.name)
        assert mig.sql.startswith(f"-- {mig.path.stem}:"), "start with '-- NNNN_name: what'"


@pytest.mark.parametrize("path", sorted(VIEWS_DIR.glob("*.sql")), ids=lambda p: p.stem)
def test_each_view_file_states_its_grain_and_defines_its_name(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = "\n".join(ln for ln in text.splitlines() if ln.startswith("--"))
    assert text.startswith("--"), "begin with a header comment"
    assert "Grain:" in header and "Used by:" in header
    assert re.search(rf"CREATE OR REPLACE (VIEW|MACRO) {path.stem}\b", text)


@pytest.mark.parametrize("path", sorted(CHECKS_DIR.glob("*.sql")), ids=lambda p: p.stem)
def test_each_check_file_says_what_it_returns(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"-- {path.stem}:")


def test_views_from_a_removed_file_are_dropped(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    con.execute("CREATE VIEW v_old_name AS SELECT 1 AS x")
    install_views(con)
    names = {
        r[0]
        for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    }
    assert "v_old_name" not in names
    assert {p.stem for p in VIEWS_DIR.glob("v_*.sql")} <= names


def test_a_view_that_does_not_bind_names_its_file(tmp_path: Path) -> None:
    views = tmp_path / "views"
    views.mkdir()
    (views / "v_broken.sql").write_text("CREATE OR REPLACE VIEW v_broken AS SELECT * FROM nowhere;")
    con = duckdb.connect()
    migrate(con)
    with pytest.raises(MigrationError, match=r"v_broken.sql does not bind"):
        install_views(con, views)


def test_views_are_tried_after_the_views_they_use(tmp_path: Path) -> None:
    views = tmp_path / "views"
    views.mkdir()
    (views / "v_a.sql").write_text("CREATE OR REPLACE VIEW v_a AS SELECT x + 1 AS y FROM v_b;")
    (views / "v_b.sql").write_text(
        "-- uses v_a? no: only this comment names it\nCREATE OR REPLACE VIEW v_b AS SELECT 1 AS x;"
    )
    (views / "v_c.sql").write_text("CREATE OR REPLACE VIEW v_c AS SELECT 2 AS z;")
    con = duckdb.connect()
    migrate(con)
    tried: list[str] = []

    class Recording:
        def execute(self, sql: str, *args: object) -> duckdb.DuckDBPyConnection:
            tried.append(sql.split("VIEW ")[1].split()[0] if "CREATE" in sql else "")
            return con.execute(sql, *args)

    assert sorted(install_views(Recording(), views)) == ["v_a", "v_b", "v_c"]  # type: ignore[arg-type]
    assert [t for t in tried if t] == ["v_b", "v_a", "v_c"]  # no failed try before v_b
    assert con.execute("SELECT y FROM v_a").fetchall() == [(2,)]
    # objects naming each other: name order for the first, no error
    cycle = {"b": "SELECT * FROM a", "a": "SELECT * FROM b"}
    assert list(_creation_order(cycle)) == ["a", "b"]


def test_inserted_values_are_cast_as_a_one_row_insert_casts_them() -> None:
    con = duckdb.connect()
    columns = "(d DATE, n INTEGER, f DOUBLE, s VARCHAR, l VARCHAR[], t TIMESTAMP)"
    con.execute(f"CREATE TABLE one {columns}")
    con.execute(f"CREATE TABLE many {columns}")
    rows: list[list[object]] = [
        ["2019-03-12", 7, 1, "x", ["a", "b"], None],
        [None, None, 2.5, None, [], "2020-01-02 03:04:05"],
        ["2020-02-29", "12", "3", 4, None, None],
    ]
    for row in rows:
        con.execute("INSERT INTO one VALUES (?, ?, ?, ?, ?, ?)", row)
    insert_values(con, "many", rows)
    assert (
        con.execute("SELECT * FROM many").fetchall() == con.execute("SELECT * FROM one").fetchall()
    )


def test_views_are_recreated_only_when_their_files_change(tmp_path: Path) -> None:
    views = tmp_path / "views"
    shutil.copytree(VIEWS_DIR, views)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    assert ensure_views(con, views) is True
    assert ensure_views(con, views) is False
    path = views / "v_max_amounts.sql"
    path.write_text(path.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    assert ensure_views(con, views) is True
    con.execute("DROP VIEW v_projects CASCADE")
    assert ensure_views(con, views) is True
