"""Batched loading and the one-pass text path (issue 19): whole documents after a kill inside
a batch, the warehouse prepared once per run, each PDF opened once per worker and each
page's text layer judged once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import pikepdf
import pytest

from pipeline.config import Settings
from pipeline.run import loader as loader_mod
from pipeline.run import pool
from pipeline.run.pool import process_documents
from pipeline.text import document, page, pdf
from tests.conftest import REPO, build_warehouse
from tests.helpers import letter_text, scanned_pdf, snapshot, text_pdf

# The child loads two transcripts in one batch, then three more in a second batch and is
# killed (SIGKILL, the whole process group) inside that batch, after the third document's
# rows went in: nothing of the second batch may remain, the first must be whole.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pipeline import warehouse
    from pipeline.config import Settings
    from pipeline.run.discover import discover
    from pipeline.run.pool import process_documents
    from pipeline.run.workers import LocalPool

    raw, db, ex = (Path(a) for a in sys.argv[1:4])
    settings = Settings(raw_dir=raw, db_path=db, extracted_dir=ex, overrides_dir=db.parent / "o", jobs=1)
    files = sorted(discover(raw).files, key=lambda f: f.source_path)
    results = sorted(
        process_documents(files, settings, workers=LocalPool(1)),
        key=lambda r: r.source.source_path,
    )
    with warehouse.connect_write(db) as con:
        warehouse.load_batch(con, results[:2], "v", "f")
    import os
    os.environ["NAMND_KILL_AT"] = "load:3"
    with warehouse.connect_write(db, prepared=True) as con:
        warehouse.load_batch(con, results[2:], "v", "f")
    """
)


def test_kill_inside_a_batch_leaves_whole_documents(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(5):
        (raw / f"t{i}.txt").write_text(letter_text(i) + "\f" + letter_text(20 + i), "utf-8")
    db = tmp_path / "w" / "n.duckdb"
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(raw), str(db), str(tmp_path / "ex")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        start_new_session=True,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("SELECT source_path, n_pages FROM documents ORDER BY 1").fetchall()
    assert [d[0] for d in docs] == ["t0.txt", "t1.txt"]  # the killed batch left nothing
    for path, n_pages in docs:  # and the first batch is whole
        got = con.execute(
            "SELECT count(*) FROM pages JOIN documents USING (doc_id) WHERE source_path = ?",
            [path],
        ).fetchone()
        assert got == (n_pages,) and n_pages == 2
    logged = con.execute("SELECT source_path FROM ingest_log ORDER BY 1").fetchall()
    assert logged == [("t0.txt",), ("t1.txt",)]


def test_run_prepares_the_warehouse_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many files, several batches, one `prepare` (migrations, districts, views) per run."""
    from pipeline.warehouse import db as db_mod

    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(4):
        (raw / f"t{i}.txt").write_text(letter_text(i), "utf-8")
    calls: list[str] = []

    def counting(name: str) -> None:
        real = getattr(db_mod, name)

        def count(*a: Any, **kw: Any) -> Any:
            calls.append(name)
            return real(*a, **kw)

        monkeypatch.setattr(db_mod, name, count)

    # `prepare` and what it does on the warehouse: migrations, districts, views
    for name in ("prepare", "migrate", "load_districts", "ensure_views"):
        counting(name)
    monkeypatch.setattr(loader_mod, "MAX_BATCH_DOCS", 1)  # a batch per file
    from pipeline.run.recipe import run

    settings = Settings(
        raw_dir=raw,
        db_path=tmp_path / "w" / "n.duckdb",
        extracted_dir=tmp_path / "ex",
        overrides_dir=tmp_path / "w" / "overrides",
        expected_dir=tmp_path / "w" / "expected",
        jobs=1,
    )
    summary = run(settings)
    assert summary.ok == 4
    assert sorted(calls) == ["ensure_views", "load_districts", "migrate", "prepare"]
    assert snapshot(settings.db_path)["documents"]


class InProcess:
    """One worker thread in this process, so that calls inside the tasks can be counted."""

    poll_s: float | None = None

    def executor(self, isolating: bool) -> Executor:
        return ThreadPoolExecutor(max_workers=1)

    def lost(self, exc: BaseException) -> bool:
        return False

    def news(self) -> list[str]:
        return []


def _mixed_pdf(tmp_path: Path) -> Path:
    """Three text-layer pages and one scanned page between them."""
    text = text_pdf(tmp_path / "text.pdf", [letter_text(1), letter_text(2), letter_text(3)])
    scan = scanned_pdf(tmp_path / "scan.pdf", [letter_text(4)])
    out = tmp_path / "raw" / "mixed.pdf"
    out.parent.mkdir()
    with pikepdf.open(text) as t, pikepdf.open(scan) as s:
        t.pages.insert(2, s.pages[0])
        t.save(out)
    return out


@pytest.mark.parametrize("chunk", [32, 1])
def test_pdf_opened_once_and_each_layer_judged_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Whether the file is one text task or one per page (`TEXT_CHUNK`), each worker opens
    it once and each page's layer is judged once."""
    monkeypatch.setattr(pool, "TEXT_CHUNK", chunk)
    src = _mixed_pdf(tmp_path)
    opened: list[Path] = []
    judged: list[int] = []
    real_open, real_check = pdf._open, pdf.check_text_layer

    def counting_open(path: Path) -> Any:
        opened.append(path)
        return real_open(path)

    def counting_check(p: Any, settings: Any, *textpage: Any) -> Any:
        judged.append(1)
        return real_check(p, settings, *textpage)

    monkeypatch.setattr(pdf, "_open", counting_open)
    monkeypatch.setattr(document, "check_text_layer", counting_check)
    monkeypatch.setattr(page, "check_text_layer", counting_check)
    pdf.release_worker_pdf()
    from pipeline.run.discover import discover

    settings = Settings(
        raw_dir=src.parent,
        db_path=tmp_path / "n.duckdb",
        extracted_dir=tmp_path / "ex",
        overrides_dir=tmp_path / "overrides",
        jobs=1,
    )
    files = discover(src.parent).files
    [result] = process_documents(files, settings, workers=InProcess())
    pdf.release_worker_pdf()
    assert result.status == "ok", result.error
    assert result.text is not None
    assert [p.source for p in result.text.pages] == [
        "text-layer",
        "text-layer",
        "ocr",
        "text-layer",
    ]
    assert "Farsta" in result.text.pages[2].text  # the scanned page was read, by OCR
    assert len(opened) == 1  # one worker: the file opened once for all four pages
    assert len(judged) == 4  # each page's text layer judged once


def test_code_versions_read_from_source_match_the_modules() -> None:
    """A no-op rerun reads the stage versions from source (no spaCy import): the figures
    must be the ones the modules define."""
    import importlib

    from pipeline.run import fingerprint

    for stage, (module, name) in fingerprint.VERSION_CONSTANTS.items():
        path = REPO / (module.replace(".", "/") + ".py")
        from_source = fingerprint._source_constant(str(path), path.stat().st_mtime_ns, name)
        assert from_source == getattr(importlib.import_module(module), name), stage


def test_a_no_op_rerun_imports_neither_spacy_nor_pandas(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "t.txt").write_text(letter_text(1), "utf-8")
    assert build_warehouse(raw, tmp_path).exit_code == 0
    code = (
        "import sys\n"
        "from pipeline.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print(sorted(m for m in ('spacy', 'pandas', 'pytesseract') if m in sys.modules))\n"
    )
    db = tmp_path / "warehouse" / "namnd.duckdb"
    out = subprocess.run(
        [sys.executable, "-c", code, "run", "--raw", str(raw), "--db", str(db), "--plain"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NAMND_EXTRACTED": str(tmp_path / "extracted")},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "1 up to date" in out.stderr + out.stdout
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_windows_are_spaced_by_how_long_loading_takes(tmp_path: Path) -> None:
    """A batch whose files have waited `max_wait_s` is still held while the last window is
    less than `WINDOW_SPACING` times its duration behind; `flush` loads it regardless, and
    every file is loaded once."""
    from tests.samples import failed_result

    db = tmp_path / "w" / "n.duckdb"
    loaded: list[str] = []
    bl = loader_mod.BatchLoader(db, "v", "f", lambda r: loaded.append(r.source.source_path))
    bl.max_wait_s = 0.0
    bl.add(failed_result("a.pdf"))  # no window before: loaded at once
    assert (bl.windows, loaded) == (1, ["a.pdf"])
    bl._last_took = 3600.0  # as if that window had taken an hour: the next one waits
    bl.add(failed_result("b.pdf"))
    bl.add(failed_result("c.pdf"))
    assert (bl.windows, loaded) == (1, ["a.pdf"])
    bl._last_took = 0.0  # a quick window: the pending batch goes in at the next tick
    bl.tick()
    assert (bl.windows, loaded) == (2, ["a.pdf", "b.pdf", "c.pdf"])
    bl._last_took = 3600.0
    bl.add(failed_result("d.pdf"))
    bl.flush()  # the end of a run loads what is pending, spacing or not
    assert (bl.windows, loaded[-1]) == (3, "d.pdf")
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM ingest_log").fetchone() == (4,)
