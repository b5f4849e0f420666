"""End-to-end behaviour of `namnd run` / `namnd status` on small real inputs.

Real Tesseract, real PDFs, real DuckDB files; inputs are made in each test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.facts import stage as extract_stage
from tests.conftest import REPO, Built, build_warehouse, run_cli
from tests.helpers import letter_text, scanned_pdf, snapshot, text_pdf


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute(sql).fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


@pytest.fixture
def small_raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    text_pdf(
        raw / "born" / "a.pdf",
        [letter_text(1), "Sida 2\nBilaga: Redovisning av lokala utvecklingsprojekt under året"],
    )
    scanned_pdf(raw / "scan" / "b.pdf", [letter_text(2)])
    (raw / "c.txt").write_text(" " + letter_text(3) + "\n Sida 2 av brevet\n", encoding="utf-8")
    (raw / "notes.docx").write_bytes(b"PK\x03\x04 not a supported file")
    return raw


def test_run_loads_every_file_and_page(small_raw: Path, tmp_path: Path) -> None:
    built = build_warehouse(small_raw, tmp_path / "w")
    assert built.exit_code == 0, built.output
    db = built.db
    rows = (
        duckdb.connect(str(db), read_only=True)
        .execute("SELECT source_path, text_source, n_pages FROM documents ORDER BY 1")
        .fetchall()
    )
    assert rows == [
        ("born/a.pdf", "text-layer", 2),
        ("c.txt", "transcript", 2),
        ("scan/b.pdf", "ocr", 1),
    ]
    assert _count(db, "SELECT count(*) FROM pages") == 5
    # the OCR'd page reads the Swedish letters
    ocr_text = (
        duckdb.connect(str(db), read_only=True)
        .execute(
            "SELECT text FROM pages JOIN documents USING (doc_id) WHERE source_path = 'scan/b.pdf'"
        )
        .fetchone()[0]
    )  # type: ignore[index]
    assert "Förvaltningens förslag till beslut" in ocr_text
    assert (
        "unsupported" in built.output
        or _count(db, "SELECT count(*) FROM ingest_log WHERE status = 'unsupported'") == 1
    )
    assert "files: 3 ok, 0 partial, 0 failed, 1 unsupported, 0 up to date" in built.output


def test_rerun_with_nothing_new_does_nothing(small_raw: Path, tmp_path: Path) -> None:
    first = build_warehouse(small_raw, tmp_path / "w")
    before = snapshot(first.db)
    second = build_warehouse(small_raw, tmp_path / "w")
    assert second.exit_code == 0, second.output
    assert "0 file(s) to process, 3 up to date" in second.output
    assert "files: 0 ok, 0 partial, 0 failed, 1 unsupported, 3 up to date" in second.output
    assert snapshot(second.db) == before
    # one ingest_log row per file and attempt: the rerun attempted nothing
    assert _count(second.db, "SELECT count(*) FROM ingest_log WHERE status = 'ok'") == 3


def test_renamed_file_is_not_ocred_again(small_raw: Path, tmp_path: Path) -> None:
    first = build_warehouse(small_raw, tmp_path / "w")
    text_mtime = {p: p.stat().st_mtime_ns for p in first.extracted.rglob("text.json")}
    (small_raw / "scan" / "b.pdf").rename(small_raw / "scan" / "renamed.pdf")
    again = build_warehouse(small_raw, tmp_path / "w")
    assert again.exit_code == 0, again.output
    assert "renamed  scan/b.pdf -> scan/renamed.pdf (not read again)" in again.output
    assert "this run: 1 renamed (path updated, not read again)" in again.output
    con = duckdb.connect(str(again.db), read_only=True)
    paths = [r[0] for r in con.execute("SELECT source_path FROM documents ORDER BY 1").fetchall()]
    assert paths == ["born/a.pdf", "c.txt", "scan/renamed.pdf"]
    # no OCR: the cached text of the renamed file was reused, not rewritten
    assert {p: p.stat().st_mtime_ns for p in again.extracted.rglob("text.json")} == text_mtime
    assert "0 PDF page(s) read this run" in again.output


def test_changed_file_replaces_old_rows(small_raw: Path, tmp_path: Path) -> None:
    build_warehouse(small_raw, tmp_path / "w")
    text_pdf(small_raw / "born" / "a.pdf", [letter_text(7)])
    again = build_warehouse(small_raw, tmp_path / "w")
    assert again.exit_code == 0, again.output
    assert _count(again.db, "SELECT count(*) FROM documents WHERE source_path = 'born/a.pdf'") == 1
    assert _count(again.db, "SELECT n_pages FROM documents WHERE source_path = 'born/a.pdf'") == 1


def test_stage_version_bump_redoes_only_that_stage(
    small_raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_warehouse(small_raw, tmp_path / "w")
    text_mtime = {p: p.stat().st_mtime_ns for p in first.extracted.rglob("text.json")}
    monkeypatch.setattr(extract_stage, "EXTRACT_VERSION", extract_stage.EXTRACT_VERSION + 100)
    again = build_warehouse(small_raw, tmp_path / "w")
    assert again.exit_code == 0, again.output
    assert "3 file(s) to process, 0 up to date" in again.output
    # the text stage's outputs were not rewritten: no OCR was redone
    assert {p: p.stat().st_mtime_ns for p in again.extracted.rglob("text.json")} == text_mtime
    versions = {
        r[0]
        for r in duckdb.connect(str(again.db), read_only=True)
        .execute("SELECT pipeline_version FROM documents")
        .fetchall()
    }
    assert len(versions) == 1 and f"x{extract_stage.EXTRACT_VERSION}" in versions.pop()


def test_force_redoes_everything(small_raw: Path, tmp_path: Path) -> None:
    first = build_warehouse(small_raw, tmp_path / "w")
    cached = list(first.extracted.rglob("text.json"))
    for p in cached:  # back-date them: a rewrite then shows whatever the clock's resolution
        os.utime(p, ns=(0, 0))
    mtimes = {p: p.stat().st_mtime_ns for p in cached}
    again = build_warehouse(small_raw, tmp_path / "w", "--force")
    assert again.exit_code == 0
    assert "3 file(s) to process" in again.output
    changed = [p for p in mtimes if p.stat().st_mtime_ns != mtimes[p]]
    assert changed, "--force must rewrite the text stage outputs of PDFs"


def test_status_reports_each_file(small_raw: Path, tmp_path: Path) -> None:
    db = tmp_path / "w" / "warehouse" / "namnd.duckdb"
    code, out = run_cli(["status", "--raw", str(small_raw), "--db", str(db)])
    assert code == 0
    assert "new          born/a.pdf" in out and "unsupported  notes.docx" in out
    build_warehouse(small_raw, tmp_path / "w")
    (small_raw / "c.txt").unlink()
    code, out = run_cli(["status", "--raw", str(small_raw), "--db", str(db)])
    assert "up to date   born/a.pdf" in out
    assert "removed      c.txt" in out
    again = build_warehouse(small_raw, tmp_path / "w", "--prune")
    assert again.exit_code == 0
    assert _count(db, "SELECT count(*) FROM documents") == 2


def test_missing_swedish_data_exits_2_with_the_fix(small_raw: Path, tmp_path: Path) -> None:
    empty = tmp_path / "tessdata"
    empty.mkdir()
    code, out = run_cli(
        ["run", "--raw", str(small_raw), "--db", str(tmp_path / "w" / "x.duckdb"), "--plain"],
        extracted=tmp_path / "ex",
        TESSDATA_PREFIX=str(empty),
    )
    assert code == 2, out
    assert "apt-get install" in out and "tesseract-ocr-swe" in out


def _cli_proc(raw: Path, db: Path, extracted: Path, **env: str) -> subprocess.Popen[bytes]:
    full_env = dict(os.environ, NAMND_EXTRACTED=str(extracted), **env)
    return subprocess.Popen(
        [
            str(REPO / ".venv" / "bin" / "namnd"),
            "run",
            "--raw",
            str(raw),
            "--db",
            str(db),
            "--plain",
            "--jobs",
            "2",
        ],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


@pytest.fixture(scope="module")
def kill_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Built]:
    """Seven small files and the warehouse an uninterrupted run makes of them."""
    root = tmp_path_factory.mktemp("kill")
    raw = root / "raw"
    for i in range(4):
        scanned_pdf(raw / f"s{i}.pdf", [letter_text(i)])
    for i in range(3):
        text_pdf(raw / f"t{i}.pdf", [letter_text(10 + i)])
    reference = build_warehouse(raw, root / "ref")
    assert reference.exit_code == 0, reference.output
    return raw, reference


@pytest.mark.parametrize("kill_at", ["ocr:2", "parse:1", "parse:4", "load:1", "load:5"])
def test_killed_run_then_rerun_equals_uninterrupted(
    kill_inputs: tuple[Path, Built], tmp_path: Path, kill_at: str
) -> None:
    """SIGKILL at a point of the run (during OCR, during parsing, inside a document's load
    transaction); the rerun must yield exactly the warehouse an uninterrupted run yields."""
    raw, reference = kill_inputs
    db = tmp_path / "warehouse" / "namnd.duckdb"
    proc = _cli_proc(raw, db, tmp_path / "extracted", NAMND_KILL_AT=kill_at)
    out, _ = proc.communicate(timeout=600)
    assert proc.returncode == -signal.SIGKILL, out.decode()
    rerun = build_warehouse(raw, tmp_path)
    assert rerun.exit_code == 0, rerun.output
    ref = snapshot(reference.db)
    got = snapshot(rerun.db)
    for table in ref:
        assert got[table] == ref[table], table


def test_killed_mid_ocr_from_outside(kill_inputs: tuple[Path, Built], tmp_path: Path) -> None:
    """The same, with the kill coming from outside while a page is being read: a worker that
    is about to run Tesseract on the second page it reads says so and waits
    (``NAMND_PAUSE_AT``), and the test kills the whole run there -- not after a guessed sleep."""
    raw, reference = kill_inputs
    proc = _cli_proc(
        raw,
        tmp_path / "warehouse" / "namnd.duckdb",
        tmp_path / "extracted",
        NAMND_PAUSE_AT="tesseract:2",
    )
    assert proc.stdout is not None
    seen = []
    while line := proc.stdout.readline().decode():
        seen.append(line)
        if "namnd: paused at tesseract" in line:
            break
    assert "namnd: paused at tesseract" in seen[-1], "".join(seen)  # inside OCR, not after it
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    rerun = build_warehouse(raw, tmp_path)
    assert rerun.exit_code == 0, rerun.output
    assert snapshot(rerun.db) == snapshot(reference.db)


def test_lock_file_left_by_killed_run_does_not_block(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    text_pdf(raw / "t.pdf", [letter_text(1)])
    db = tmp_path / "w" / "warehouse" / "namnd.duckdb"
    db.parent.mkdir(parents=True)
    (db.parent / (db.name + ".lock")).write_text("12345\n")  # stale: nobody holds the flock
    built = build_warehouse(raw, tmp_path / "w")
    assert built.exit_code == 0, built.output


def test_cli_help_has_examples() -> None:
    for cmd in ("run", "status", "query", "export", "eval", "correct"):
        code, out = run_cli([cmd, "--help"])
        assert code == 0 and "Example" in out, cmd


def test_query_is_read_only(small_raw: Path, tmp_path: Path) -> None:
    built = build_warehouse(small_raw, tmp_path / "w")
    code, out = run_cli(["query", "DROP TABLE documents", "--db", str(built.db)])
    assert code == 1 and "read-only" in out
    code, out = run_cli(
        ["query", "SELECT count(*) AS n FROM documents", "--db", str(built.db), "--format", "csv"]
    )
    assert code == 0 and out == "n\n3\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


def test_worker_crash_fails_only_that_page(tmp_path: Path) -> None:
    """A worker dies on one page (fault injection, as a segfaulting PDF library would): that
    page fails with the reason, its document loads as partial, every other file loads."""
    raw = tmp_path / "raw"
    text_pdf(raw / "a.pdf", [letter_text(1)])
    text_pdf(raw / "b.pdf", [letter_text(2), letter_text(3), letter_text(4)])
    text_pdf(raw / "c.pdf", [letter_text(5), letter_text(6)])
    code, out = run_cli(
        ["run", "--raw", str(raw), "--db", str(tmp_path / "w" / "n.duckdb"), "--plain"],
        extracted=tmp_path / "ex",
        NAMND_CRASH_AT="page:b.pdf:2",
    )
    assert code == 0, out
    assert "ok       a.pdf (1 page)" in out and "ok       c.pdf (2 pages)" in out
    assert "PARTIAL  b.pdf: 1 of 3 pages failed: page 2: a worker process crashed" in out
    con = duckdb.connect(str(tmp_path / "w" / "n.duckdb"), read_only=True)
    rows = con.execute(
        "SELECT page_no, quality FROM pages JOIN documents USING (doc_id) "
        "WHERE source_path = 'b.pdf' ORDER BY page_no"
    ).fetchall()
    assert rows == [(1, "good"), (2, "failed"), (3, "good")]


def test_correction_survives_force_and_shows_in_views(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    text_pdf(raw / "a.pdf", [letter_text(1)])
    db = tmp_path / "w" / "warehouse" / "namnd.duckdb"
    assert build_warehouse(raw, tmp_path / "w").exit_code == 0
    con = duckdb.connect(str(db), read_only=True)
    doc_id = con.execute("SELECT doc_id FROM documents").fetchone()[0]  # type: ignore[index]
    con.close()
    code, out = run_cli(
        ["correct", "documents", doc_id, "title", "Rättad titel", "--note", "test", "--db", str(db)]
    )
    assert code == 0, out
    forced = build_warehouse(raw, tmp_path / "w", "--force")
    assert forced.exit_code == 0, forced.output
    con = duckdb.connect(str(db), read_only=True)
    for sql in (
        "SELECT title FROM documents",
        "SELECT title FROM v_documents_timeline",
        "SELECT title FROM v_documents_canonical",
        "SELECT document_title FROM v_projects UNION ALL SELECT 'Rättad titel'",
    ):
        assert {r[0] for r in con.execute(sql).fetchall()} == {"Rättad titel"}, sql
