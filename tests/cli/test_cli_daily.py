"""The analyst's daily use, through click's runner, on exact output (issue 21).

Real runs over small transcripts and a file that is not a PDF (no OCR, so each run takes
seconds), the hand-built sample warehouse for query/export/schema, real DuckDB and openpyxl.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import duckdb
import openpyxl
import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.facts import stage as extract_stage
from pipeline.records import DocumentMeta, DocumentResult
from pipeline.warehouse import connect_write, load_document
from pipeline.warehouse.migrate import VIEWS_DIR
from pipeline.warehouse.schema import current_readme_section, header_lines, render_markdown
from tests.conftest import REPO
from tests.helpers import letter_text
from tests.samples import (
    SampleProject,
    decision_result,
    sample_corpus,
    write_sample_districts,
)

RETRY = "`namnd run --retry-failed` retries it"
NOT_A_PDF = "text: not a PDF (looks like HTML)"


def invoke(args: list[str], **env: str) -> Result:
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False)


@pytest.fixture
def raw_db(tmp_path: Path) -> tuple[Path, Path]:
    """raw/ with two transcripts and an HTML page saved as .pdf; a warehouse path beside."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(letter_text(1), encoding="utf-8")
    (raw / "b.txt").write_text(letter_text(2), encoding="utf-8")
    (raw / "bad.pdf").write_text("<!DOCTYPE html><html>login page</html>", encoding="utf-8")
    return raw, tmp_path / "warehouse" / "namnd.duckdb"


def run(raw: Path, db: Path, *extra: str) -> Result:
    return invoke(
        ["run", "--raw", str(raw), "--db", str(db), "--plain", "--jobs", "1", *extra],
        NAMND_EXTRACTED=str(db.parent.parent / "extracted"),
    )


def status(raw: Path, db: Path, *extra: str) -> Result:
    return invoke(["status", "--raw", str(raw), "--db", str(db), *extra])


def summary(result: Result) -> list[str]:
    """The run summary (stdout) without the last line, which has the elapsed time, and without
    the corrections line (none are made here; tests/warehouse/test_corrections.py covers it)."""
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("warehouse: ")
    assert "corrections: 0 applied, 0 stale, 0 matching nothing" in lines
    return [ln for ln in lines[:-1] if not ln.startswith("corrections: ")]


def attempts(db: Path, path: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(
            con.execute("SELECT count(*) FROM ingest_log WHERE source_path = ?", [path]).fetchall()[
                0
            ][0]
        )
    finally:
        con.close()


def test_first_run_results_on_stdout_progress_on_stderr(raw_db: tuple[Path, Path]) -> None:
    raw, db = raw_db
    first = run(raw, db)
    assert first.exit_code == 1
    assert summary(first) == [
        "files: 2 ok, 0 partial, 1 failed, 0 unsupported, 0 up to date",
        "this run: 3 new",
        "pages: 0 text layer, 0 OCR, 2 transcript; 0 PDF page(s) read this run",
        "  failed: bad.pdf: not a PDF (looks like HTML)",
    ]
    head, *progress = first.stderr.splitlines()
    assert head == "3 file(s) to process, 0 up to date"
    # one line per file as it finishes; the workers finish in any order
    assert sorted(progress) == [
        "FAILED   bad.pdf: not a PDF (looks like HTML)",
        "ok       a.txt (1 page)",
        "ok       b.txt (1 page)",
    ]


def test_renamed_file_is_relinked_and_said_so(raw_db: tuple[Path, Path]) -> None:
    raw, db = raw_db
    run(raw, db)
    (raw / "2020").mkdir()
    (raw / "b.txt").rename(raw / "2020" / "b.txt")
    st = status(raw, db)
    assert st.exit_code == 0
    assert st.stdout.splitlines() == [
        "renamed      2020/b.txt  was b.txt; same bytes: only the path is updated, nothing is "
        "read again",
        "up to date   a.txt",
        f"failed       bad.pdf     {NOT_A_PDF}; bytes unchanged since, so not retried ({RETRY})",
        "1 failed, 1 renamed, 1 up to date",
    ]
    again = run(raw, db)
    assert again.exit_code == 0
    assert summary(again) == [
        "files: 0 ok, 0 partial, 0 failed, 0 unsupported, 1 up to date",
        "this run: 1 renamed (path updated, not read again), 1 still failing (unchanged, not "
        "retried)",
        "pages: 0 text layer, 0 OCR, 0 transcript; 0 PDF page(s) read this run",
        "  renamed: b.txt -> 2020/b.txt (same bytes; not read again)",
        f"  still failing: bad.pdf: {NOT_A_PDF}; bytes unchanged since, so not retried ({RETRY})",
    ]
    con = duckdb.connect(str(db), read_only=True)
    paths = con.execute("SELECT source_path FROM documents ORDER BY 1").fetchall()
    con.close()
    assert paths == [("2020/b.txt",), ("a.txt",)]
    assert status(raw, db).stdout.splitlines()[0] == "up to date   2020/b.txt"


def test_failed_file_is_retried_only_when_changed_or_asked(raw_db: tuple[Path, Path]) -> None:
    raw, db = raw_db
    run(raw, db)
    assert attempts(db, "bad.pdf") == 1
    again = run(raw, db)
    assert again.exit_code == 0, again.output
    assert attempts(db, "bad.pdf") == 1  # not tried again: its bytes did not change
    assert status(raw, db, "--failed").stdout.splitlines() == [
        f"failed       bad.pdf  {NOT_A_PDF}; bytes unchanged since, so not retried ({RETRY})",
        "1 failed",
    ]
    retried = run(raw, db, "--retry-failed")
    assert retried.exit_code == 1
    assert summary(retried)[1] == "this run: 1 failed before, retried"
    assert attempts(db, "bad.pdf") == 2
    (raw / "bad.pdf").write_text("<html>still not a PDF, but other bytes</html>")
    assert status(raw, db).stdout.splitlines()[2] == (
        "changed      bad.pdf  other bytes than last time at this path; read anew"
    )
    changed = run(raw, db)
    assert changed.exit_code == 1
    assert attempts(db, "bad.pdf") == 3


def test_a_file_that_failed_under_older_rules_is_tried_again_once(
    raw_db: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, db = raw_db
    run(raw, db)
    assert attempts(db, "bad.pdf") == 1
    old = extract_stage.EXTRACT_VERSION
    monkeypatch.setattr(extract_stage, "EXTRACT_VERSION", old + 1)
    lines = [ln for ln in status(raw, db).stdout.splitlines() if "bad.pdf" in ln]
    assert lines[0].startswith(f"outdated     bad.pdf  failed before ({NOT_A_PDF}) under pipeline ")
    assert re.search(rf"\.x{old}\.s\d+, now t\d+\.u\d+\.x{old + 1}\.s\d+: tried again$", lines[0])
    again = run(raw, db)
    assert again.exit_code == 1  # the new rules cannot read an HTML page either
    assert attempts(db, "bad.pdf") == 2
    run(raw, db)
    assert attempts(db, "bad.pdf") == 2  # failed under these rules: not tried again


def test_rules_changed_names_the_stage_and_what_is_redone(
    raw_db: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, db = raw_db
    (raw / "bad.pdf").unlink()
    run(raw, db)
    old = extract_stage.EXTRACT_VERSION
    monkeypatch.setattr(extract_stage, "EXTRACT_VERSION", old + 1)
    why = (
        f"rules changed: extract {old} → {old + 1} (projects, amounts, criteria): "
        "redone from the cached page text, no OCR"
    )
    assert status(raw, db).stdout.splitlines() == [
        f"outdated     a.txt  {why}",
        f"outdated     b.txt  {why}",
        "2 outdated",
        f"facts rules changed (version {old} → {old + 1}): 2 documents will be re-read "
        "(facts; no OCR)",
    ]
    again = run(raw, db)
    assert again.exit_code == 0
    assert summary(again)[1:] == [
        "this run: 2 redone for changed rules",
        "pages: 0 text layer, 0 OCR, 2 transcript; 0 PDF page(s) read this run",
        f"  2 file(s) {why}",
    ]


# --------------------------------------------------------------------------- query, export


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("daily")
    districts, aliases = write_sample_districts(tmp / "data")
    db = tmp / "namnd.duckdb"
    with connect_write(db, districts_csv=districts, aliases_csv=aliases) as con:
        for r in [*sample_corpus(), _socialforvaltningen_2022()]:
            load_document(con, r, "test-1")
    return db


def _socialforvaltningen_2022() -> DocumentResult:
    """A decision with a project of Socialförvaltningen (a fackförvaltning, not a district)
    and one shared by Järva and Socialförvaltningen."""
    return decision_result(
        "born/lum_2022.pdf",
        text_source="text-layer",
        meta=DocumentMeta(
            committee="Socialnämnden",
            doc_type="tjänsteutlåtande",
            dnr="3.2-100/2022",
            doc_date=dt.date(2022, 3, 1),
            title="Lokala utvecklingsmedel 2022",
        ),
        pages=["Lokala utvecklingsmedel 2022"],
        projects=[
            SampleProject(
                "Socialjour i samverkan",
                "LUM",
                2022,
                120_000,
                [("socialforvaltningen", "Socialförvaltningen")],
            ),
            SampleProject(
                "Gemensamt föräldrastöd",
                "LUM",
                2022,
                80_000,
                [("jarva", "Järva"), ("socialforvaltningen", "Socialförvaltningen")],
            ),
        ],
    )


LONG = (
    "Utvärdering av ett förebyggande arbete med föräldrastöd i Rinkeby-Kista och Spånga-Tensta "
    "stadsdelsförvaltningar under åren 2019 till 2021, med särskilt fokus på tidiga insatser "
    "för alla barn och unga"
)


def test_query_shows_a_long_value_whole_and_null_as_nothing(sample_db: Path) -> None:
    assert len(LONG) == 200
    sql = f"SELECT 'p01' AS id, '{LONG}' AS title, NULL AS note, [2020, NULL] AS years"
    table = invoke(["query", sql, "--db", str(sample_db)])
    assert table.exit_code == 0
    assert table.stdout == (
        "id  | title                                                        | note | years\n"
        "----+--------------------------------------------------------------+------+-------\n"
        "p01 | Utvärdering av ett förebyggande arbete med föräldrastöd i    |      | 2020;\n"
        "    | Rinkeby-Kista och Spånga-Tensta stadsdelsförvaltningar under |      |\n"
        "    | åren 2019 till 2021, med särskilt fokus på tidiga insatser   |      |\n"
        "    | för alla barn och unga                                       |      |\n"
        "(1 row)\n"
    )
    wide = invoke(["query", sql, "--db", str(sample_db), "--wide"])
    assert wide.stdout.splitlines()[2] == f"p01 | {LONG} |      | 2020;"
    md = invoke(["query", sql, "--db", str(sample_db), "--format", "markdown"])
    assert md.stdout == (
        f"| id | title | note | years |\n|---|---|---|---|\n| p01 | {LONG} |  | 2020;  |\n"
    )


def test_export_puts_views_first_and_tables_apart(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(["export", str(out), "--db", str(sample_db)])
    assert result.exit_code == 0
    views = sorted(p.stem for p in VIEWS_DIR.glob("v_*.sql"))
    con = duckdb.connect(str(sample_db), read_only=True)
    n_tables = len(con.execute("SHOW TABLES").fetchall()) - len(views)
    con.close()
    assert result.stdout == (
        f"wrote {len(views)} views to {out} and {n_tables} tables to {out / 'tables'}; "
        f"{out / 'README.txt'} says which is which\n"
    )
    assert sorted(p.name for p in out.glob("*.parquet")) == [f"{v}.parquet" for v in views]
    assert (out / "tables" / "projects.parquet").exists()
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "START HERE: the files in this folder are the analysts' views." in readme
    con = duckdb.connect(str(sample_db), read_only=True)
    n_view, n_table = (
        con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in ("v_projects", "projects")
    )
    con.close()
    assert n_view < n_table  # the table keeps every copy of each decision
    lines = readme.splitlines()
    assert any(
        ln.startswith("  v_projects.parquet ") and f" {n_view} rows  one row per project and" in ln
        for ln in lines
    )
    assert any(
        ln.startswith("  tables/projects.parquet ")
        and f" {n_table} rows  one row per project" in ln
        for ln in lines
    )
    assert "EVERY COPY" in readme


def test_excel_csv_and_xlsx_keep_swedish_letters(sample_db: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(sample_db), read_only=True)
    expected = con.execute(
        "SELECT district_today, district_kind, n_projects, total_sek FROM "
        "v_funding_by_district_year ORDER BY ALL"
    ).fetchall()
    con.close()
    assert any("ä" in (r[0] or "") for r in expected)

    csv_out = tmp_path / "csv"
    assert invoke(["export", str(csv_out), "--db", str(sample_db), "--excel"]).exit_code == 0
    raw = (csv_out / "v_funding_by_district_year.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    with (csv_out / "v_funding_by_district_year.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    got = [
        (
            r["district_today"] or None,
            r["district_kind"] or None,
            int(r["n_projects"]),
            int(r["total_sek"]) if r["total_sek"] else None,
        )
        for r in rows
    ]
    assert sorted(got, key=str) == sorted(expected, key=str)

    xlsx_out = tmp_path / "xlsx"
    assert (
        invoke(["export", str(xlsx_out), "--db", str(sample_db), "--format", "xlsx"]).exit_code == 0
    )
    wb = openpyxl.load_workbook(xlsx_out / "v_funding_by_district_year.xlsx", read_only=True)
    sheet = wb["v_funding_by_district_year"]
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    picked = sorted(
        (
            tuple(
                r[header.index(c)]
                for c in ("district_today", "district_kind", "n_projects", "total_sek")
            )
            for r in values[1:]
        ),
        key=str,
    )
    assert picked == sorted(expected, key=str)
    assert (xlsx_out / "tables" / "documents.xlsx").exists()


# --------------------------------------------------------------------------- schema


def test_schema_of_a_view_is_its_sql_header_then_its_columns(sample_db: Path) -> None:
    result = invoke(["schema", "v_funding_by_district_year"])
    assert result.exit_code == 0
    sql = (VIEWS_DIR / "v_funding_by_district_year.sql").read_text(encoding="utf-8")
    header = header_lines(sql)[1:]
    con = duckdb.connect(str(sample_db), read_only=True)
    cols = con.execute("DESCRIBE v_funding_by_district_year").fetchall()
    con.close()
    w_name = max(len(c[0]) for c in cols)
    w_type = max(len(c[1]) for c in cols)
    assert result.stdout.splitlines() == [
        "v_funding_by_district_year (view, pipeline/sql/marts/v_funding_by_district_year.sql)",
        "",
        *header,
        "",
        f"{'column':<{w_name}}  {'type':<{w_type}}  note".rstrip(),
        *[f"{c[0]:<{w_name}}  {c[1]:<{w_type}}".rstrip() for c in cols],
    ]


def test_schema_lists_everything_and_refuses_unknown_names() -> None:
    listing = invoke(["schema"]).stdout.splitlines()
    assert listing[0] == "Tables: every copy of every decision, as loaded (pipeline/sql/tables.sql)"
    assert any(line.startswith("  v_district_lineage ") for line in listing)
    assert "(not described)" not in "\n".join(listing)
    wrong = invoke(["schema", "v_project"])
    assert wrong.exit_code == 2
    assert wrong.stderr == (
        "namnd: no table, view or macro named 'v_project'; did you mean v_projects, projects, "
        "v_project_series?\n"
    )


def test_readme_list_of_tables_and_views_is_generated_from_the_sql() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert current_readme_section(readme) == render_markdown(), (
        "README's list of tables and views is stale: run "
        "`python -m pipeline.devtools.schema_doc --write README.md`"
    )


# --------------------------------------------------------------------------- district kind


def test_views_say_which_units_are_districts(sample_db: Path) -> None:
    con = duckdb.connect(str(sample_db), read_only=True)
    kinds = dict(
        con.execute(
            "SELECT DISTINCT district_today, district_kind FROM v_funding_by_district_year"
        ).fetchall()
    )
    projects = con.execute(
        "SELECT district_kind, district_kinds FROM v_projects WHERE districts IS NOT NULL"
    ).fetchall()
    con.close()
    assert kinds["Järva"] == "stadsdelsförvaltning"
    assert kinds["Socialförvaltningen"] == "fackförvaltning"
    assert ("fackförvaltning", ["fackförvaltning"]) in projects
    assert (
        "fackförvaltning, stadsdelsförvaltning",
        ["fackförvaltning", "stadsdelsförvaltning"],
    ) in (projects)
    others = [p for p in projects if "fackförvaltning" not in p[0]]
    assert len(others) == len(projects) - 2 > 0
    assert all(p == ("stadsdelsförvaltning", ["stadsdelsförvaltning"]) for p in others)
