"""Loading documents into a real DuckDB warehouse, the views' answers, and the check queries.

Documents are built by hand (tests.samples): the 2015 FoU decision of
Socialnämnden as three files (transcript, scan, born-digital PDF), decisions from 2019 and
2021 naming districts that later merged, and one failed file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from pipeline.errors import UsageError
from pipeline.records import DocumentResult, Facts, Project, ProjectDistrict
from pipeline.warehouse import (
    connect_read,
    connect_write,
    load_document,
    loaded_state,
    log_attempt,
    prune,
    run_checks,
)
from pipeline.warehouse.districts import DistrictDataError
from pipeline.warehouse.load import criterion_id
from pipeline.warehouse.migrate import check_queries
from tests.samples import (
    failed_result,
    fou_2015_copy,
    lum_2021,
    mul_2019,
    sample_corpus,
    write_sample_districts,
)

VERSION = "test-1"
PER_DOC_TABLES = (
    "documents",
    "pages",
    "decisions",
    "signatories",
    "projects",
    "project_districts",
    "amounts",
    "criteria",
    "district_mentions",
)


@pytest.fixture
def gazetteer(tmp_path: Path) -> dict[str, Path]:
    districts, aliases = write_sample_districts(tmp_path / "data")
    return {"districts_csv": districts, "aliases_csv": aliases}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse" / "namnd.duckdb"


def load_all(db: Path, gazetteer: dict[str, Path], results: list[DocumentResult]) -> None:
    with connect_write(db, **gazetteer) as con:
        for r in results:
            load_document(con, r, VERSION)


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every per-document table's rows (without loaded_at), sorted."""
    out = {}
    for table in PER_DOC_TABLES:
        cols = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                "AND column_name <> 'loaded_at' ORDER BY column_index",
                [table],
            ).fetchall()
        ]
        rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in PER_DOC_TABLES}


# --------------------------------------------------------------------------- loading


def test_load_one_document_fills_every_table(db: Path, gazetteer: dict[str, Path]) -> None:
    doc = fou_2015_copy("text-layer")
    load_all(db, gazetteer, [doc])
    con = connect_read(db)
    assert counts(con) == {
        "documents": 1,
        "pages": 2,
        "decisions": 1,
        "signatories": 1,
        "projects": 2,
        "project_districts": 3,
        "amounts": 4,  # 2 project costs, the total, the max per application
        "criteria": 3,
        "district_mentions": 3,
    }
    row = con.execute(
        "SELECT doc_id, source_path, text_source, n_pages, committee, doc_type, dnr, doc_date, "
        "meeting_date, title, handlaggare, pipeline_version, status, meta_evidence FROM documents"
    ).fetchall()[0]
    assert row == (
        doc.source.doc_id,
        "digital/fou_2015.pdf",
        "text-layer",
        2,
        "Socialnämnden",
        "tjänsteutlåtande",
        "3.1-0421/2014",
        dt.date(2014, 11, 20),
        dt.date(2014, 12, 16),
        "FoU-plan för 2015",
        "Denise Melin",
        VERSION,
        "ok",
        '{"dnr": "Dnr 3.1-0421/2014"}',
    )
    page = con.execute(
        "SELECT page_no, text_source, quality, method, clean_text IS NOT NULL FROM pages "
        "ORDER BY page_no"
    ).fetchall()
    assert page == [(1, "text-layer", "good", "pdfplumber", True)] * 1 + [
        (2, "text-layer", "good", "pdfplumber", True)
    ]
    crit = con.execute("SELECT criterion_id, position, text FROM criteria ORDER BY position")
    first = crit.fetchall()[0]
    assert first == (
        criterion_id(
            doc.source.doc_id, "bidra till bättre resultat för brukarna", "LUM", "criterion"
        ),
        1,
        "bidra till bättre resultat för brukarna",
    )
    amount = con.execute(
        "SELECT sek, raw, approximate, kind, fund_type, year, confidence FROM amounts "
        "WHERE kind = 'max_per_application'"
    ).fetchall()
    assert amount == [(300_000, "300 000 kronor", False, "max_per_application", "LUM", 2015, 0.9)]
    con.close()


def test_loading_twice_gives_identical_rows(db: Path, gazetteer: dict[str, Path]) -> None:
    corpus = sample_corpus()
    load_all(db, gazetteer, corpus)
    con = connect_read(db)
    first = snapshot(con)
    con.close()
    load_all(db, gazetteer, corpus)
    con = connect_read(db)
    assert snapshot(con) == first
    assert run_checks(con)["duplicate_keys"] == 0
    con.close()


def test_reloading_a_document_replaces_its_rows(db: Path, gazetteer: dict[str, Path]) -> None:
    doc = fou_2015_copy("text-layer")
    other = mul_2019()
    load_all(db, gazetteer, [doc, other])
    assert doc.facts is not None
    fewer = dataclasses.replace(
        doc,
        facts=Facts(
            doc.source.doc_id,
            projects=(
                dataclasses.replace(
                    doc.facts.projects[0],
                    amount_sek=260_000,
                    districts=(ProjectDistrict("jarva", "Järva"),),
                ),
            ),
        ),
    )
    load_all(db, gazetteer, [fewer])
    con = connect_read(db)
    rows = con.execute(
        "SELECT project_id, amount_sek FROM projects WHERE doc_id = ?", [doc.source.doc_id]
    ).fetchall()
    assert rows == [(doc.facts.projects[0].project_id, 260_000)]
    links = con.execute(
        "SELECT district_id FROM project_districts WHERE doc_id = ?", [doc.source.doc_id]
    ).fetchall()
    assert links == [("jarva",)]
    for table in ("amounts", "criteria", "district_mentions"):
        n = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc.source.doc_id])
        assert n.fetchall() == [(0,)], table
    # the other document is untouched
    n_other = con.execute("SELECT count(*) FROM projects WHERE doc_id = ?", [other.source.doc_id])
    assert n_other.fetchall() == [(2,)]
    assert set(run_checks(con).values()) == {0}
    con.close()


def test_a_failed_load_rolls_back_and_keeps_the_old_rows(
    db: Path, gazetteer: dict[str, Path]
) -> None:
    doc = fou_2015_copy("text-layer")
    load_all(db, gazetteer, [doc])
    assert doc.facts is not None
    clash = doc.facts.projects[0]
    broken = dataclasses.replace(
        doc, facts=dataclasses.replace(doc.facts, projects=(clash, clash))
    )  # the same project_id twice violates the primary key
    with connect_write(db, **gazetteer) as con:
        before = snapshot(con)
        with pytest.raises(duckdb.ConstraintException):
            load_document(con, broken, VERSION)
        assert snapshot(con) == before


def test_failed_document_is_recorded_with_its_error(db: Path, gazetteer: dict[str, Path]) -> None:
    bad = failed_result("scans/trasig.pdf")
    load_all(db, gazetteer, [bad])
    con = connect_read(db)
    row = con.execute("SELECT status, stage, error, n_pages, committee FROM documents").fetchall()
    assert row == [("failed", "text", "PDF could not be opened: trailer not found", None, None)]
    assert con.execute("SELECT count(*) FROM v_documents_canonical").fetchall() == [(0,)]
    con.close()


def test_loaded_state_has_what_skip_decisions_need(db: Path, gazetteer: dict[str, Path]) -> None:
    corpus = sample_corpus()
    load_all(db, gazetteer, corpus)
    con = connect_read(db)
    state = loaded_state(con)
    con.close()
    assert set(state) == {r.source.doc_id for r in corpus}
    failed = corpus[-1]
    entry = state[failed.source.doc_id]
    assert entry.source_path == "scans/trasig.pdf"
    assert entry.sha256 == failed.source.sha256
    assert entry.pipeline_version == VERSION
    assert entry.status == "failed"


def test_log_attempt_appends_and_latest_view_picks_the_last(
    db: Path, gazetteer: dict[str, Path]
) -> None:
    t0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    with connect_write(db, **gazetteer) as con:
        for i, (status, error) in enumerate([("failed", "timeout on page 3"), ("ok", None)]):
            log_attempt(
                con,
                source_path="scans/a.pdf",
                sha256="ab" * 32,
                status=status,
                stage="text",
                error=error,
                started_at=t0 + dt.timedelta(hours=i),
                finished_at=t0 + dt.timedelta(hours=i, minutes=5),
                pipeline_version=VERSION,
            )
        assert con.execute("SELECT count(*) FROM ingest_log").fetchall() == [(2,)]
        latest = con.execute(
            "SELECT status, error, n_attempts, doc_id, finished_at FROM v_ingest_latest"
        ).fetchall()
    assert latest == [("ok", None, 2, "ab" * 8, dt.datetime(2024, 5, 1, 13, 5))]


def test_prune_removes_documents_not_kept(db: Path, gazetteer: dict[str, Path]) -> None:
    keep, drop = fou_2015_copy("text-layer"), mul_2019()
    load_all(db, gazetteer, [keep, drop])
    with connect_write(db, **gazetteer) as con:
        assert prune(con, {keep.source.doc_id}) == 1
        assert prune(con, {keep.source.doc_id}) == 0
        for table in PER_DOC_TABLES:
            ids = {r[0] for r in con.execute(f"SELECT DISTINCT doc_id FROM {table}").fetchall()}
            assert ids <= {keep.source.doc_id}, table
        assert set(run_checks(con).values()) == {0}


# --------------------------------------------------------------------------- views


@pytest.fixture
def sample_db(db: Path, gazetteer: dict[str, Path]) -> Path:
    load_all(db, gazetteer, sample_corpus())
    return db


def views(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
            "ORDER BY 1"
        ).fetchall()
    ]


def test_every_view_is_queryable_and_every_check_passes(sample_db: Path) -> None:
    con = connect_read(sample_db)
    names = views(con)
    assert {
        "v_funding_by_district_year",
        "v_criteria_by_year",
        "v_max_amounts",
        "v_documents_timeline",
        "v_documents_canonical",
        "v_document_copies",
        "v_projects",
        "v_project_series",
        "v_district_lineage",
        "v_ingest_latest",
    } <= set(names)
    for name in names:
        con.execute(f"SELECT * FROM {name}").fetchall()
    assert run_checks(con) == {name: 0 for name in check_queries()}
    con.close()


def test_three_copies_of_one_decision_count_once(sample_db: Path) -> None:
    con = connect_read(sample_db)
    fou = {k: fou_2015_copy(k).source.doc_id for k in ("transcript", "ocr", "text-layer")}
    copies = con.execute(
        "SELECT doc_id, canonical_doc_id, copy_rank, n_copies FROM v_document_copies "
        "WHERE list_contains(?, doc_id) ORDER BY copy_rank",
        [list(fou.values())],
    ).fetchall()
    best = fou["text-layer"]
    assert copies == [
        (fou["text-layer"], best, 1, 3),
        (fou["transcript"], best, 2, 3),
        (fou["ocr"], best, 3, 3),
    ]
    assert con.execute("SELECT count(*) FROM v_documents_canonical").fetchall() == [(3,)]
    timeline = con.execute(
        "SELECT doc_date, n_projects, total_amount_sek, total_granted_sek, n_copies "
        "FROM v_documents_timeline"
    ).fetchall()
    assert timeline == [
        (dt.date(2014, 11, 20), 2, 650_001, 650_001, 3),
        (dt.date(2019, 3, 12), 2, 249_000, 200_000, 1),
        (dt.date(2021, 2, 23), 2, 350_000, 350_000, 1),
    ]
    con.close()


def test_funding_view_sums_to_the_canonical_projects(sample_db: Path) -> None:
    """Internal consistency: the funding view's total is the canonical projects' total."""
    con = connect_read(sample_db)
    total_view = con.execute("SELECT sum(total_sek) FROM v_funding_by_district_year").fetchall()
    total_projects = con.execute(
        "SELECT sum(p.amount_sek) FROM projects p "
        "JOIN v_document_copies c ON c.doc_id = p.doc_id AND c.copy_rank = 1 "
        "WHERE p.status IS DISTINCT FROM 'ansökt'"
    ).fetchall()
    assert total_view == total_projects == [(250_000 + 400_001 + 150_000 + 300_000 + 50_000,)]
    per_year = con.execute(
        "SELECT fund_type, year, sum(total_sek) FROM v_funding_by_district_year "
        "GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    per_year_projects = con.execute(
        "SELECT fund_type, year, sum(amount_sek) FROM v_projects "
        "WHERE status IS DISTINCT FROM 'ansökt' GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert per_year == per_year_projects
    n_docs = con.execute("SELECT sum(n_projects) FROM v_funding_by_district_year").fetchall()
    assert n_docs == [(6,)]  # the shared 2015 project counts in both of its districts
    con.close()


def test_funding_follows_districts_to_today(sample_db: Path) -> None:
    con = connect_read(sample_db)
    rows = con.execute(
        "SELECT district_as_named, district_today, fund_type, year, n_projects, total_sek, "
        "total_sek_undivided FROM v_funding_by_district_year WHERE district_today_id = 'jarva' "
        "ORDER BY year, district_as_named"
    ).fetchall()
    assert rows == [
        ("Rinkeby-Kista", "Järva", "LUM", 2015, 1, 200_001, 400_001),  # split, remainder first
        ("Spånga-Tensta", "Järva", "LUM", 2015, 1, 200_000, 400_001),
        ("Rinkeby-Kista", "Järva", "MUL", 2019, 1, 150_000, 150_000),
        ("Järva", "Järva", "LUM", 2021, 1, 300_000, 300_000),
    ]
    no_district = con.execute(
        "SELECT year, total_sek FROM v_funding_by_district_year WHERE district_id IS NULL"
    ).fetchall()
    assert no_district == [(2021, 50_000)]  # no stated year: the document's year
    con.close()


def test_district_lineage_and_macros(sample_db: Path) -> None:
    con = connect_read(sample_db)
    lineage = dict(
        con.execute("SELECT district_id, district_today_id FROM v_district_lineage").fetchall()
    )
    assert lineage["hagersten-liljeholmen"] == "hagersten-alvsjo"
    assert lineage["rinkeby-kista"] == "jarva"
    assert lineage["jarva"] == "jarva"
    got = con.execute(
        "SELECT district_in_year('Hägersten', 2015), district_in_year('HAGERSTEN', 2021), "
        "district_in_year('Rinkeby-Kista stadsdelsförvaltning', 2012), "
        "district_in_year('Rinkeby', 2021), district_today('rinkeby-kista'), "
        "district_today('nowhere')"
    ).fetchall()
    assert got == [
        ("hagersten-liljeholmen", "hagersten-alvsjo", "rinkeby-kista", None, "jarva", None)
    ]
    con.close()


def test_criteria_max_amounts_and_series(sample_db: Path) -> None:
    con = connect_read(sample_db)
    crit = con.execute(
        "SELECT fund_type, year, kind, criteria, n_criteria FROM v_criteria_by_year"
    ).fetchall()
    assert crit[0] == (
        "LUM",
        2015,
        "criterion",
        [
            "bidra till bättre resultat för brukarna",
            "bedrivas nära praktiken",
            "ha ett tydligt Stockholmsperspektiv",
        ],
        3,
    )  # once, although three copies state them
    assert len(crit) == 3
    maxes = con.execute(
        "SELECT fund_type, year, max_per_application_sek, n_statements FROM v_max_amounts"
    ).fetchall()
    assert maxes == [
        ("LUM", 2015, 300_000, 1),
        ("LUM", 2021, 350_000, 1),
        ("MUL", 2019, 200_000, 1),
    ]
    series = con.execute(
        "SELECT name, years, n_projects, fund_types, district_today_ids FROM v_project_series "
        "WHERE n_years > 1"
    ).fetchall()
    assert series == [
        (
            "Motiverande samtal i försörjningsstödet",
            [2015, 2019, 2021],
            3,
            ["LUM", "MUL"],
            ["hagersten-alvsjo", "jarva"],
        )
    ]
    con.close()


def test_projects_view_has_districts_and_provenance(sample_db: Path) -> None:
    con = connect_read(sample_db)
    doc = fou_2015_copy("text-layer")
    row = con.execute(
        "SELECT districts, district_ids, district_today, source_path, page_no, evidence, "
        "confidence, origin, n_copies FROM v_projects WHERE project_id = ?",
        [f"{doc.source.doc_id}-p2"],
    ).fetchall()
    assert row == [
        (
            "Rinkeby-Kista, Spånga-Tensta",
            ["rinkeby-kista", "spanga-tensta"],
            "Järva",
            "digital/fou_2015.pdf",
            2,
            "Barnsamtal i familjehemsvården 400001 kr",
            0.9,
            "extracted",
            3,
        )
    ]
    assert con.execute("SELECT count(*) FROM v_projects").fetchall() == [(6,)]
    con.close()


# --------------------------------------------------------------------------- checks


@pytest.mark.parametrize(
    ("check", "sql"),
    [
        ("orphan_rows", "INSERT INTO pages (doc_id, page_no) VALUES ('nosuchdoc', 1)"),
        (
            "project_districts_without_project",
            "INSERT INTO project_districts (project_id, district_id) VALUES ('nope', 'jarva')",
        ),
        (
            "unknown_district_ids",
            "UPDATE project_districts SET district_id = 'atlantis' WHERE district_id = 'jarva'",
        ),
        ("duplicate_keys", "INSERT INTO criteria SELECT * FROM criteria LIMIT 1"),
        (
            "amounts_without_documents",
            "UPDATE amounts SET project_id = 'gone' WHERE kind = 'budget' OR amount_id = (SELECT min(amount_id) FROM amounts)",
        ),
        (
            "projects_exceed_total",
            "UPDATE projects SET amount_sek = amount_sek + 1000000 WHERE year = 2021",
        ),
        (
            "district_successor_cycles",
            "UPDATE districts SET successor_id = 'rinkeby-kista' WHERE district_id = 'jarva'",
        ),
    ],
)
def test_each_check_finds_what_it_is_for(sample_db: Path, check: str, sql: str) -> None:
    con = duckdb.connect(str(sample_db))
    assert run_checks(con)[check] == 0
    con.execute(sql)
    assert run_checks(con)[check] > 0
    con.close()


# --------------------------------------------------------------------------- districts & opening


def test_districts_reload_when_the_files_change(db: Path, gazetteer: dict[str, Path]) -> None:
    with connect_write(db, **gazetteer) as con:
        assert con.execute("SELECT count(*) FROM districts").fetchall() == [(7,)]
    with gazetteer["districts_csv"].open("a", encoding="utf-8") as fh:
        fh.write("bromma,Bromma,stadsdelsförvaltning,1997,,,sample\n")
    with connect_write(db, **gazetteer) as con:
        rows = con.execute(
            "SELECT name, valid_from, valid_to FROM districts WHERE district_id = 'bromma'"
        ).fetchall()
        assert rows == [("Bromma", dt.date(1997, 1, 1), None)]
        assert con.execute("SELECT count(*) FROM district_aliases").fetchall() == [(8,)]


def test_district_files_may_have_comment_lines(db: Path, gazetteer: dict[str, Path]) -> None:
    text = gazetteer["districts_csv"].read_text(encoding="utf-8").splitlines()
    text.insert(1, "# Stadsdelsförvaltningar; dates from the city's reorganisations")
    text.insert(3, "")
    gazetteer["districts_csv"].write_text("\n".join(text) + "\n", encoding="utf-8")
    with connect_write(db, **gazetteer) as con:
        assert con.execute("SELECT count(*) FROM districts").fetchall() == [(7,)]


def test_malformed_district_file_is_refused(db: Path, gazetteer: dict[str, Path]) -> None:
    gazetteer["districts_csv"].write_text(
        "district_id,name,kind,valid_from,valid_to,successor_id,source\n"
        "jarva,Järva,stadsdelsförvaltning,sometime,,,x\n",
        encoding="utf-8",
    )
    with (
        pytest.raises(DistrictDataError, match=r"districts.csv:2: 'sometime' is not a date"),
        connect_write(db, **gazetteer),
    ):
        pass


def test_missing_gazetteer_files_give_empty_districts(db: Path, tmp_path: Path) -> None:
    with connect_write(
        db, districts_csv=tmp_path / "none.csv", aliases_csv=tmp_path / "none2.csv"
    ) as con:
        load_document(con, mul_2019(), VERSION)
        assert con.execute("SELECT count(*) FROM districts").fetchall() == [(0,)]
        rows = con.execute(
            "SELECT district_as_named, district_today_id FROM v_funding_by_district_year"
        ).fetchall()
        assert rows == [("rinkeby-kista", "rinkeby-kista")]


def test_connect_read_without_a_warehouse_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no warehouse at .*run `namnd run` first"):
        connect_read(tmp_path / "nothing.duckdb")


def test_project_without_amount_or_districts_loads(db: Path, gazetteer: dict[str, Path]) -> None:
    doc = lum_2021()
    assert doc.facts is not None
    bare = Project(
        project_id=f"{doc.source.doc_id}-p9",
        name="Okänt belopp",
        fund_type=None,
        year=None,
        status=None,
        amount_sek=None,
        performer=None,
        end_date=None,
        description=None,
        page_no=1,
        evidence="Okänt belopp",
        confidence=0.3,
    )
    doc = dataclasses.replace(
        doc, facts=dataclasses.replace(doc.facts, projects=(*doc.facts.projects, bare))
    )
    load_all(db, gazetteer, [doc])
    con = connect_read(db)
    row = con.execute(
        "SELECT n_projects_without_amount, total_sek FROM v_funding_by_district_year "
        "WHERE fund_type IS NULL"
    ).fetchall()
    assert row == [(1, None)]  # unknown, not 0 kr
    assert set(run_checks(con).values()) == {0}
    con.close()


# --------------------------------------------------------------------------- the bundled samples


@pytest.mark.slow
def test_views_are_consistent_on_the_bundled_samples(samples_warehouse: object) -> None:
    """raw/ holds 5 decisions in 12+ files (transcript, scan, born-digital, mixed copies).

    Copies share the file-name stem (000_…, 001_…), so the views must find one decision per
    stem, and the funding view must add up to the canonical copies' projects.
    """
    db = samples_warehouse.db  # type: ignore[attr-defined]
    con = connect_read(db)
    try:
        groups = con.execute(
            "SELECT decision_key, list(split_part(split_part(d.source_path, '/', -1), '.', 1)) "
            "FROM v_document_copies JOIN documents d USING (doc_id) GROUP BY decision_key"
        ).fetchall()
        stems = {
            r[0].split("/")[-1].split(".")[0]
            for r in con.execute(
                "SELECT source_path FROM documents WHERE status IN ('ok', 'partial')"
            ).fetchall()
        }
        assert all(len(set(members)) == 1 for _, members in groups), groups
        assert len(groups) == len(stems)
        n_canonical = con.execute("SELECT count(*) FROM v_documents_canonical").fetchall()
        assert n_canonical == [(len(stems),)]

        funded = "status IS DISTINCT FROM 'ansökt'"
        total_view = con.execute(
            "SELECT coalesce(sum(total_sek), 0) FROM v_funding_by_district_year"
        ).fetchall()
        total_canonical = con.execute(
            "SELECT coalesce(sum(p.amount_sek), 0) FROM projects p JOIN v_document_copies c "
            f"ON c.doc_id = p.doc_id AND c.copy_rank = 1 WHERE p.{funded}"
        ).fetchall()
        assert total_view == total_canonical
        n_projects = con.execute(
            "SELECT count(*) FROM projects p JOIN v_document_copies c "
            "ON c.doc_id = p.doc_id AND c.copy_rank = 1"
        ).fetchall()
        assert con.execute("SELECT count(*) FROM v_project_mentions").fetchall() == n_projects
        # v_projects: one row per project and year (a grant and its later report are one)
        assert (
            con.execute("SELECT count(*) FROM v_projects").fetchall()
            == con.execute(
                "SELECT count(*) FROM (SELECT DISTINCT series_id, year FROM v_project_mentions)"
            ).fetchall()
        )
        timeline = con.execute(
            "SELECT coalesce(sum(n_projects), 0) FROM v_documents_timeline"
        ).fetchall()
        assert timeline == n_projects

        checks = run_checks(con)
        for guaranteed in (
            "orphan_rows",
            "duplicate_keys",
            "project_districts_without_project",
            "amounts_without_documents",
            "district_successor_cycles",
        ):
            assert checks[guaranteed] == 0, guaranteed
        for name in views(con):
            con.execute(f"SELECT * FROM {name}").fetchall()
    finally:
        con.close()
