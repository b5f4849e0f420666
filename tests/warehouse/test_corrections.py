"""Guarded corrections: `expect` keeps a correction from landing on the wrong row.

Real DuckDB warehouses loaded with the sample decisions (tests/samples.py); the CLI commands
through click's runner, asserting on their exact output.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.records import DocumentResult
from pipeline.warehouse import (
    apply_overrides,
    connect_write,
    load_document,
    read_overrides,
    run_checks,
)
from pipeline.warehouse.overrides import HEADER, HEADER_EXPECT, Override
from tests.warehouse.test_overrides import DOC, OTHER, VERSION, D, env, query, run

__all__ = ["env"]  # the fixture, shared with test_overrides

P1, P2 = f"{D}-p1", f"{D}-p2"
NAME1 = "Motiverande samtal i försörjningsstödet"
NAME2 = "Barnsamtal i familjehemsvården"


def write(path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...] = HEADER_EXPECT) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def swapped(doc: DocumentResult) -> DocumentResult:
    """`doc` as a later run reads it: its two projects come out under each other's keys."""
    assert doc.facts is not None
    p1, p2 = doc.facts.projects[:2]
    projects = (replace(p1, name=p2.name), replace(p2, name=p1.name), *doc.facts.projects[2:])
    return replace(doc, facts=replace(doc.facts, projects=projects))


def reload(env: dict[str, Path], doc: DocumentResult) -> None:
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        load_document(con, doc, VERSION)
        apply_overrides(con, env["overrides"])


def amount(env: dict[str, Path], pid: str) -> object:
    return query(env, "SELECT amount_sek FROM projects WHERE project_id = ?", [pid])[0][0]


# --------------------------------------------------------------------------- applying


def test_b_a_correction_whose_row_changed_is_stale_and_not_applied(env: dict[str, Path]) -> None:
    write(
        env["overrides"] / "corrections.csv",
        [("projects", P2, "amount_sek", "400000", "set", "scan says 400 000", NAME2)],
    )
    first = run(env, docs=(DOC,))
    assert (len(first.applied), first.stale) == (1, [])
    assert amount(env, P2) == 400_000

    reload(env, swapped(DOC))  # a rule change: P2 is now the other project
    assert query(env, "SELECT name, amount_sek FROM projects WHERE project_id = ?", [P2]) == [
        (NAME1, 400_001)  # the extracted value of the row now under P2: not corrected
    ]
    with connect_write(
        env["db"], districts_csv=env["districts_csv"], aliases_csv=env["aliases_csv"]
    ) as con:
        report = apply_overrides(con, env["overrides"])
        assert run_checks(con)["overrides_stale"] == 1
    assert [(o.key, found) for o, found in report.stale] == [(P2, NAME1)]
    assert report.applied == []
    assert report.lines()[:2] == [
        "corrections: 0 applied, 1 stale, 0 matching nothing",
        f"  stale, not applied: corrections.csv:2: set projects.amount_sek = '400000' where key "
        f"'{P2}' (scan says 400 000) — expected '{NAME2}', found '{NAME1}'",
    ]
    assert query(
        env, "SELECT state, expect, found, rows_matched, source FROM overrides_applied"
    ) == [("stale", NAME2, NAME1, 0, "corrections.csv:2")]
    assert amount(env, P2) == 400_001


def test_e_an_old_file_without_expect_still_applies_with_a_warning(env: dict[str, Path]) -> None:
    write(
        env["overrides"] / "old.csv",
        [("projects", P2, "amount_sek", "400000", "set", "")],
        header=HEADER,
    )
    report = run(env, docs=(DOC,))
    assert [o.key for o in report.applied] == [P2]
    assert [o.key for o in report.unguarded] == [P2]
    assert amount(env, P2) == 400_000
    assert (
        "  no expect, applied unchecked (fill it with `namnd correct --upgrade`): old.csv:2: "
        f"set projects.amount_sek = '400000' where key '{P2}'"
    ) in report.lines()


def test_a_vanished_id_is_found_again_by_its_expect_name(env: dict[str, Path]) -> None:
    gone = f"{D}-p-0badc0de"
    write(
        env["overrides"] / "corrections.csv",
        [
            ("projects", gone, "amount_sek", "400000", "set", "", NAME2),
            ("projects", f"{D}-p-feedf00d", "amount_sek", "1", "set", "", "Inget sådant projekt"),
        ],
    )
    report = run(env, docs=(DOC,))
    assert report.rematched == [(report.applied[0], P2)]
    assert [o.key for o in report.unmatched] == [f"{D}-p-feedf00d"]
    assert amount(env, P2) == 400_000
    assert query(env, "SELECT state, matched_key FROM overrides_applied ORDER BY seq") == [
        ("rematched", P2),
        ("unmatched", None),
    ]
    reload(env, DOC)  # re-applied on reload, to the row found by name
    assert amount(env, P2) == 400_000


def test_a_name_that_fits_two_rows_matches_nothing(env: dict[str, Path]) -> None:
    assert DOC.facts is not None
    twins = replace(
        DOC,
        facts=replace(
            DOC.facts, projects=tuple(replace(p, name=NAME2) for p in DOC.facts.projects)
        ),
    )
    write(
        env["overrides"] / "corrections.csv",
        [("projects", f"{D}-p-0badc0de", "amount_sek", "5", "set", "", NAME2)],
    )
    report = run(env, docs=(twins,))
    assert report.applied == [] and len(report.unmatched) == 1
    assert query(env, "SELECT found FROM overrides_applied") == [(f"2 rows named '{NAME2}'",)]


# --------------------------------------------------------------------------- CLI


def cli(env: dict[str, Path], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        [*args, "--db", str(env["db"])],
        env={"NAMND_OVERRIDES": str(env["overrides"])},
        catch_exceptions=False,
    )
    return result.exit_code, result.output


@pytest.fixture
def loaded(env: dict[str, Path]) -> dict[str, Path]:
    run(env, docs=(DOC, OTHER))
    return env


def test_correct_refuses_an_unknown_id_with_the_closest(loaded: dict[str, Path]) -> None:
    code, out = cli(loaded, "correct", "projects", f"{D}-p9", "amount_sek", "5")
    assert code == 2
    assert out == (
        f"namnd: override not added: no projects row has the key '{D}-p9'; closest: "
        f"{P1} ({NAME1}), {P2} ({NAME2}), "
        f"{OTHER.source.doc_id}-p1 ({NAME1}!)\n"
    )
    code, out = cli(loaded, "correct", "projects", P1, "belopp", "5")
    assert (code, out) == (
        2,
        "namnd: override not added: column must be one of name, fund_type, year, status, "
        "amount_sek, performer, end_date, description, page_no, evidence, confidence\n",
    )
    assert not (loaded["overrides"] / "corrections.csv").exists()


def test_correct_fills_expect_and_corrections_lists_every_state(loaded: dict[str, Path]) -> None:
    env = loaded
    code, out = cli(env, "correct", "projects", P2, "amount_sek", "400000", "--note", "bilaga 1")
    assert code == 0
    path = env["overrides"] / "corrections.csv"
    assert out == f"recorded in {path} (expect '{NAME2}'); run `namnd run` to apply it\n"
    assert path.read_text(encoding="utf-8") == (
        "table,key,column,value,action,note,expect\n"
        f"projects,{P2},amount_sek,400000,set,bilaga 1,{NAME2}\n"
    )
    # a stale line and a line that matches nothing, written by hand, then a run
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"projects,{P1},amount_sek,1,set,,Fel namn\n")
        fh.write(f"amounts,{D}-a-00000000,,,delete,,999 kronor\n")
    run(env, docs=(DOC, OTHER))
    code, out = cli(env, "correct", "documents", D, "title", "Rättad titel")
    assert code == 0
    ids = [o.override_id[:8] for o in read_overrides(env["overrides"])]
    code, out = cli(env, "corrections")
    assert code == 0
    assert out == (
        f"{ids[0]}  applied           corrections.csv:2: set projects.amount_sek = '400000' "
        f"where key '{P2}' (bilaga 1)\n"
        f"{ids[1]}  stale             corrections.csv:3: set projects.amount_sek = '1' "
        f"where key '{P1}' — expected 'Fel namn', found '{NAME1}'\n"
        f"{ids[2]}  matching nothing  corrections.csv:4: delete amounts row '{D}-a-00000000'\n"
        f"{ids[3]}  pending           corrections.csv:5: set documents.title = 'Rättad titel' "
        f"where key '{D}' — not applied yet: run `namnd run`\n"
        "corrections: 1 applied, 1 stale, 1 matching nothing, 1 pending\n"
    )


def test_correct_undo_removes_one_line_and_says_what_it_was(loaded: dict[str, Path]) -> None:
    env = loaded
    cli(env, "correct", "projects", P1, "name", "Motiverande samtal")
    cli(env, "correct", "projects", P2, "--delete", "--note", "inte ett projekt")
    first, second = read_overrides(env["overrides"])
    code, out = cli(env, "correct", "--undo", second.override_id[:8])
    assert code == 0
    assert out == (
        f"removed corrections.csv:3: delete projects row '{P2}' (inte ett projekt)\n"
        "run `namnd run` to restore the extracted value\n"
    )
    assert [o.override_id for o in read_overrides(env["overrides"])] == [first.override_id]
    code, out = cli(env, "correct", "--undo", "corrections.csv:9")
    assert code == 2
    assert out == (
        "namnd: no correction matches 'corrections.csv:9'; give an id or file:line from "
        "`namnd corrections`\n"
    )


def test_correct_upgrade_fills_expect_in_old_files(loaded: dict[str, Path]) -> None:
    env = loaded
    old = env["overrides"] / "old.csv"
    write(
        old,
        [
            ("projects", P2, "amount_sek", "400000", "set", "a note"),
            ("documents", D, "title", "Ny titel", "set", ""),
            ("projects", f"{D}-p7", "", "", "delete", ""),
        ],
        header=HEADER,
    )
    code, out = cli(env, "correct", "--upgrade")
    assert code == 0
    assert out == (
        f"upgraded 1 line(s) in {env['overrides']}\n"
        f"  not upgraded: old.csv:4: no projects row has the key '{D}-p7'\n"
    )
    assert old.read_text(encoding="utf-8") == (
        "table,key,column,value,action,note,expect\n"
        f"projects,{P2},amount_sek,400000,set,a note,{NAME2}\n"
        f"documents,{D},title,Ny titel,set,\n"
        f"projects,{D}-p7,,,delete,\n"
    )
    assert [o.expect for o in read_overrides(env["overrides"])] == [NAME2, None, None]


def test_run_summary_and_status_count_the_corrections(loaded: dict[str, Path]) -> None:
    """Through the warehouse only (no raw files): what `status` prints about corrections."""
    env = loaded
    write(
        env["overrides"] / "corrections.csv",
        [
            ("projects", P2, "amount_sek", "400000", "set", "", NAME2),
            ("projects", P1, "amount_sek", "1", "set", "", "Fel namn"),
        ],
    )
    run(env, docs=(DOC, OTHER))
    raw = env["db"].parent / "raw"
    raw.mkdir()
    result = CliRunner().invoke(
        main,
        ["status", "--raw", str(raw), "--db", str(env["db"])],
        env={"NAMND_OVERRIDES": str(env["overrides"])},
        catch_exceptions=False,
    )
    stale = Override("projects", P1, "amount_sek", "1", "set", None, "corrections.csv:3")
    assert result.output.endswith(
        "corrections: 1 applied, 1 stale, 0 matching nothing\n"
        f"  stale: {stale.describe()} — expected 'Fel namn', found '{NAME1}'\n"
    )


def test_the_stale_state_is_in_the_warehouse(loaded: dict[str, Path]) -> None:
    write(
        loaded["overrides"] / "corrections.csv",
        [("projects", P1, "amount_sek", "1", "set", "", "Fel namn")],
    )
    run(loaded, docs=(DOC, OTHER))
    con = duckdb.connect(str(loaded["db"]), read_only=True)
    try:
        rows = con.execute("SELECT source, expect, found FROM overrides_applied").fetchall()
    finally:
        con.close()
    assert rows == [("corrections.csv:2", "Fel namn", NAME1)]
