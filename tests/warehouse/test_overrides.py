"""Analysts' corrections: set / delete / add survive reloads, show in the views, and anything
that matches nothing (or cannot be applied) is reported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from pipeline.errors import UsageError
from pipeline.warehouse import (
    OverrideReport,
    add_override,
    apply_overrides,
    connect_write,
    load_document,
    prune,
    read_overrides,
    run_checks,
    unmatched_overrides,
)
from pipeline.warehouse.load import criterion_id
from pipeline.warehouse.overrides import HEADER
from tests.samples import fou_2015_copy, mul_2019, write_sample_districts

VERSION = "test-1"
DOC = fou_2015_copy("text-layer")
D = DOC.source.doc_id
OCR_COPY = fou_2015_copy("ocr")
OTHER = mul_2019()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, Path]:
    districts, aliases = write_sample_districts(tmp_path / "data")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    return {
        "db": tmp_path / "namnd.duckdb",
        "overrides": overrides,
        "districts_csv": districts,
        "aliases_csv": aliases,
    }


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)


def run(env: dict[str, Path], docs: tuple[object, ...] = (DOC, OCR_COPY, OTHER)) -> OverrideReport:
    """What a `namnd run` does: (re)load the documents, then apply the override files."""
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        for d in docs:
            load_document(con, d, VERSION)  # type: ignore[arg-type]
        return apply_overrides(con, env["overrides"])


def query(
    env: dict[str, Path], sql: str, params: list[object] | None = None
) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(env["db"]), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


CORRECTIONS = [
    ("projects", f"{D}-p2", "amount_sek", "400000", "set", "scan says 400 000"),
    ("projects", f"{D}-p1", "", "", "delete", "not a project"),
    (
        "projects",
        f"{D}-manual-1",
        "",
        json.dumps(
            {"doc_id": D, "name": "Handledning i MI", "fund_type": "LUM", "year": 2015,
             "amount_sek": 120000, "page_no": 3, "status": "beviljad"},
            ensure_ascii=False,
        ),
        "add",
        "missed by the table parser",
    ),
    (
        "project_districts",
        f"{D}-manual-1|jarva",
        "",
        '{"name_as_printed": "Järva"}',
        "add",
        "",
    ),
    ("criteria", criterion_id(D, "bedrivas nära praktiken", "LUM", "criterion"), "text", "bedrivas nära praktiken i stadsdelarna", "set", ""),
]  # fmt: skip


def test_set_delete_add_show_in_the_views_and_survive_reloads(env: dict[str, Path]) -> None:
    write_csv(env["overrides"] / "corrections.csv", CORRECTIONS)
    report = run(env)
    assert report.unmatched == [] and report.invalid == []
    assert len(report.applied) == len(CORRECTIONS)

    def state() -> list[tuple[object, ...]]:
        return query(
            env,
            "SELECT project_id, name, amount_sek, district_ids, origin FROM v_projects "
            "WHERE doc_id = ? ORDER BY project_id",
            [D],
        )

    expected = [
        (f"{D}-manual-1", "Handledning i MI", 120000, ["jarva"], "override"),
        (f"{D}-p2", "Barnsamtal i familjehemsvården", 400000, ["rinkeby-kista", "spanga-tensta"], "corrected"),
    ]  # fmt: skip
    assert state() == expected
    # a rerun, a --force reload of the document alone, and another apply change nothing
    run(env)
    assert state() == expected
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        load_document(con, DOC, VERSION)
    assert state() == expected
    crit = query(env, "SELECT criteria[2] FROM v_criteria_by_year WHERE year = 2015")
    assert crit == [("bedrivas nära praktiken i stadsdelarna",)]
    funding = query(
        env,
        "SELECT district_id, total_sek FROM v_funding_by_district_year WHERE year = 2015 "
        "ORDER BY district_id",
    )
    assert funding == [("jarva", 120000), ("rinkeby-kista", 200000), ("spanga-tensta", 200000)]
    audit = query(
        env,
        "SELECT source, action, rows_matched, doc_id, old_value FROM overrides_applied ORDER BY seq",
    )
    assert audit[0] == ("corrections.csv:2", "set", 1, D, "400001")
    assert [a[2] for a in audit] == [1, 1, 1, 1, 1]
    assert set(query(env, "SELECT count(*) FROM overrides_applied")[0]) == {5}


def test_applying_twice_is_idempotent(env: dict[str, Path]) -> None:
    write_csv(env["overrides"] / "corrections.csv", CORRECTIONS)
    run(env)
    tables = ("projects", "project_districts", "criteria", "amounts")
    before = {t: sorted(query(env, f"SELECT * FROM {t}"), key=repr) for t in tables}
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        again = apply_overrides(con, env["overrides"])
        assert set(run_checks(con).values()) == {0}
    assert len(again.applied) == len(CORRECTIONS)
    assert {t: sorted(query(env, f"SELECT * FROM {t}"), key=repr) for t in tables} == before


def test_an_override_that_matches_nothing_is_reported(env: dict[str, Path]) -> None:
    write_csv(
        env["overrides"] / "corrections.csv",
        [
            ("projects", "0000000000000000-p1", "amount_sek", "5", "set", "typo in the id"),
            ("amounts", "nope", "", "", "delete", ""),
        ],
    )
    report = run(env)
    assert [o.key for o in report.unmatched] == ["0000000000000000-p1", "nope"]
    assert report.applied == []
    assert any("matched nothing: corrections.csv:2" in line for line in report.lines())
    con = duckdb.connect(str(env["db"]), read_only=True)
    assert run_checks(con)["overrides_unmatched"] == 2
    con.close()


def test_an_override_applies_once_its_document_arrives(env: dict[str, Path]) -> None:
    write_csv(
        env["overrides"] / "corrections.csv",
        [("projects", f"{OTHER.source.doc_id}-p1", "amount_sek", "175000", "set", "")],
    )
    assert len(run(env, docs=(DOC,)).unmatched) == 1
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        load_document(con, OTHER, VERSION)  # a later run loads the new file: applied in the load
    assert query(
        env, "SELECT amount_sek FROM projects WHERE project_id = ?", [f"{OTHER.source.doc_id}-p1"]
    ) == [(175000,)]
    assert query(env, "SELECT rows_matched FROM overrides_applied") == [(1,)]


def test_a_delete_whose_document_was_pruned_is_reported(env: dict[str, Path]) -> None:
    write_csv(env["overrides"] / "corrections.csv", [("projects", f"{D}-p1", "", "", "delete", "")])
    assert len(run(env).applied) == 1
    assert len(run(env).applied) == 1  # still deleted: applied, not "matched nothing"
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        prune(con, {OTHER.source.doc_id})
        report = apply_overrides(con, env["overrides"])
        assert [o.key for o in report.unmatched] == [f"{D}-p1"]
        assert [o.key for o in unmatched_overrides(con, env["overrides"])] == [f"{D}-p1"]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (("projekt", "x", "name", "y", "set", ""), "table must be one of"),
        (("projects", f"{D}-p1", "name", "y", "replace", ""), "action must be set, delete or add"),
        (("projects", f"{D}-p1", "colour", "red", "set", ""), "column must be one of"),
        (("projects", f"{D}-p1", "project_id", "x", "set", ""), "identifies the row"),
        (("projects", f"{D}-p1", "amount_sek", "fyra tusen", "set", ""), "is not a valid BIGINT"),
        (("projects", f"{D}-p1", "end_date", "2015-13-45", "set", ""), "is not a valid DATE"),
        (("projects", f"{D}-x", "", "{not json", "add", ""), "must be a JSON object"),
        (("projects", f"{D}-x", "", '{"name": "a"}', "add", ""), "needs a doc_id"),
        (
            ("project_districts", f"{D}-p1", "", "{}", "add", ""),
            "key must be project_id|district_id",
        ),
        (("documents", D, "", "{}", "add", ""), "cannot be added"),
        (("amounts", "a1", "kind", "", "delete", ""), "leave column empty"),
    ],
)
def test_invalid_overrides_are_reported_not_applied(
    env: dict[str, Path], row: tuple[str, ...], reason: str
) -> None:
    write_csv(env["overrides"] / "corrections.csv", [row])
    report = run(env)
    assert len(report.invalid) == 1 and reason in report.invalid[0][1]
    assert report.applied == [] and report.unmatched == []
    assert query(env, "SELECT count(*) FROM overrides_applied") == [(0,)]


def test_removed_overrides_are_retired(env: dict[str, Path]) -> None:
    write_csv(env["overrides"] / "corrections.csv", CORRECTIONS)
    run(env)
    (env["overrides"] / "corrections.csv").write_text(",".join(HEADER) + "\n", encoding="utf-8")
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        report = apply_overrides(con, env["overrides"])
    assert len(report.retired) == len(CORRECTIONS)
    assert report.needs_reload == {D}
    assert query(env, "SELECT count(*) FROM projects WHERE project_id = ?", [f"{D}-manual-1"]) == [
        (0,)
    ]
    assert query(env, "SELECT count(*) FROM overrides_applied") == [(0,)]
    # reloading the listed documents restores the extracted values
    run(env, docs=(DOC,))
    rows = query(
        env, "SELECT project_id, amount_sek, origin FROM projects WHERE doc_id = ? ORDER BY 1", [D]
    )
    assert rows == [(f"{D}-p1", 250000, "extracted"), (f"{D}-p2", 400001, "extracted")]


def test_deleting_a_document_excludes_it_everywhere(env: dict[str, Path]) -> None:
    write_csv(
        env["overrides"] / "corrections.csv",
        [("documents", OTHER.source.doc_id, "", "", "delete", "duplicate")],
    )
    run(env)
    assert query(env, "SELECT status FROM documents WHERE doc_id = ?", [OTHER.source.doc_id]) == [
        ("excluded",)
    ]
    assert query(env, "SELECT count(*) FROM projects WHERE doc_id = ?", [OTHER.source.doc_id]) == [
        (0,)
    ]
    assert query(env, "SELECT count(*) FROM v_documents_canonical") == [(1,)]
    run(env)  # reloading it keeps it excluded
    assert query(env, "SELECT count(*) FROM pages WHERE doc_id = ?", [OTHER.source.doc_id]) == [
        (0,)
    ]


def test_setting_a_misread_dnr_merges_the_copies(env: dict[str, Path]) -> None:
    ocr = OCR_COPY.source.doc_id
    write_csv(
        env["overrides"] / "corrections.csv",
        [("documents", ocr, "dnr", "3.1-9999/2014", "set", "")],
    )
    run(env)
    assert query(env, "SELECT n_copies FROM v_document_copies WHERE doc_id = ?", [ocr]) == [(1,)]
    assert query(env, "SELECT count(*) FROM v_documents_canonical") == [(3,)]
    write_csv(
        env["overrides"] / "corrections.csv",
        [("documents", ocr, "dnr", "3.1-0421/2014", "set", "")],
    )
    run(env)
    assert query(env, "SELECT n_copies FROM v_document_copies WHERE doc_id = ?", [ocr]) == [(2,)]
    assert query(env, "SELECT count(*) FROM v_documents_canonical") == [(2,)]


def test_add_override_appends_a_valid_line(env: dict[str, Path]) -> None:
    added = add_override(
        env["overrides"], "projects", f"{D}-p2", "amount_sek", "400000", "set", "checked p. 3"
    )
    path = env["overrides"] / added.source.split(":")[0]
    value = json.dumps({"doc_id": D, "name": 'Nytt, med "citat"', "amount_sek": 1})
    add_override(env["overrides"], "projects", f"{D}-new", None, value, "add", None)
    read = read_overrides(env["overrides"])
    assert [(o.table, o.key, o.column, o.value, o.action, o.note) for o in read] == [
        ("projects", f"{D}-p2", "amount_sek", "400000", "set", "checked p. 3"),
        ("projects", f"{D}-new", None, value, "add", None),
    ]
    assert path == env["overrides"] / "corrections.csv"
    assert [o.source for o in read] == ["corrections.csv:2", "corrections.csv:3"]
    report = run(env)
    assert len(report.applied) == 2
    with pytest.raises(UsageError, match="column must be one of"):
        add_override(env["overrides"], "projects", f"{D}-p2", "belopp", "1", "set")
    assert len(read_overrides(env["overrides"])) == 2


def test_status_lists_unmatched_overrides_read_only(env: dict[str, Path]) -> None:
    write_csv(
        env["overrides"] / "corrections.csv",
        [
            *CORRECTIONS,
            ("projects", "0000000000000000-p1", "amount_sek", "5", "set", "typo"),
            ("projects", "0000000000000000-p9", "", '{"doc_id": "0000000000000000"}', "add", ""),
        ],
    )
    run(env)
    con = duckdb.connect(str(env["db"]), read_only=True)
    try:
        unmatched = unmatched_overrides(con, env["overrides"])
    finally:
        con.close()
    assert [o.key for o in unmatched] == ["0000000000000000-p1", "0000000000000000-p9"]
    assert str(unmatched[0]).startswith("corrections.csv:7: set projects.amount_sek = '5'")


def test_comment_and_blank_lines_are_skipped_and_header_is_checked(env: dict[str, Path]) -> None:
    (env["overrides"] / "a.csv").write_text(
        ",".join(HEADER) + "\n# a comment,,,,,\n\n" + f"projects,{D}-p1,name,Nytt namn,set,\n",
        encoding="utf-8",
    )
    assert [o.source for o in read_overrides(env["overrides"])] == ["a.csv:4"]
    (env["overrides"] / "b.csv").write_text("tabell,nyckel\n", encoding="utf-8")
    with pytest.raises(UsageError, match="b.csv: the first line must be table,key,column"):
        read_overrides(env["overrides"])


def test_duplicate_lines_are_reported_once(env: dict[str, Path]) -> None:
    line = ("projects", f"{D}-p1", "name", "X", "set", "")
    write_csv(env["overrides"] / "corrections.csv", [line, line])
    report = run(env)
    assert len(report.applied) == 1
    assert report.invalid[0][1] == "same as corrections.csv:2"
