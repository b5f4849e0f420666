"""Run start-up (issue 19): what the main process imports to read the workers' results, what
a worker imports before its first task, and a pool that breaks before its first task."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import OcrSettings, Settings
from pipeline.run import workers
from pipeline.run.discover import discover
from pipeline.run.pool import process_documents
from pipeline.text.document import read_text_pages
from tests.conftest import REPO
from tests.helpers import letter_text, text_pdf

HEAVY = ("pypdfium2", "pdfplumber", "cv2", "pandas", "pytesseract", "spacy")


def _fresh(code: str, stdin: bytes = b"") -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], input=stdin, capture_output=True, cwd=REPO, timeout=300
    )
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    return out.stdout.decode().strip().splitlines()[-1]


def test_a_text_result_unpickles_without_the_text_path(tmp_path: Path) -> None:
    """The main process unpickles every text task's result: its classes must live in light
    modules (the first result used to import pdfium, OpenCV and pandas there, ~1 s)."""
    src = text_pdf(tmp_path / "a.pdf", [letter_text(1), ""])  # page 2: left for OCR
    got = read_text_pages(src, OcrSettings())
    assert [p.page_no for p in got.pages] == [1]
    assert [n for n, _check in got.to_ocr] == [2] and got.to_ocr[0][1] is not None
    code = (
        "import pickle, sys\n"
        "r = pickle.loads(sys.stdin.buffer.read())\n"
        f"assert r.n_pages == 2 and r.to_ocr[0][1].usable is False\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    assert _fresh(code, pickle.dumps(got)) == "[]"


def test_a_worker_imports_the_text_path_without_pandas() -> None:
    code = (
        "import sys\n"
        "from pipeline.run import workers\n"
        "workers.init_worker(text=True)\n"
        "print(['pipeline.text.document' in sys.modules, 'pandas' in sys.modules])\n"
    )
    # pytesseract (and with it pandas) is imported at the first OCR call only
    assert _fresh(code) == "[True, False]"


def _broken_init(*args: object) -> None:
    raise RuntimeError("worker set-up failed")


def test_the_parse_warm_up_imports_spacy_without_its_command_line() -> None:
    """`workers.import_spacy`: spaCy's command-line package (typer, rich, httpx, …) is not
    imported by the warm-up, and is the real one when imported later; `spacy.info` works."""
    code = (
        "import sys\n"
        "from pipeline.run import workers\n"
        "workers.preload(parse=True, text=False, render=False)\n"
        "import spacy\n"
        "before = ['spacy.cli' in sys.modules, 'typer' in sys.modules, hasattr(spacy, 'cli')]\n"
        "from pipeline.facts.spacy_pipeline import get_nlp\n"
        "ents = [e.label_ for e in get_nlp()('Bromma stadsdelsförvaltning beviljas').ents]\n"
        "import spacy.cli\n"
        "real = spacy.cli.__file__.endswith('__init__.py') and callable(spacy.cli.download)\n"
        "print([*before, ents, real, spacy.info()['spacy_version'] == spacy.__version__])\n"
    )
    assert _fresh(code) == "[False, False, False, ['DISTRICT'], True, True]"


def test_a_pool_broken_before_its_first_task_fails_every_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool started early (`LocalPool.start`) can break before it takes a task: every
    document must still come back, failed, and none vanish from the run."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(3):
        (raw / f"t{i}.txt").write_text(letter_text(i), "utf-8")
    monkeypatch.setattr(workers, "init_worker", _broken_init)  # the workers fork: they see it
    settings = Settings(
        raw_dir=raw,
        db_path=tmp_path / "w" / "n.duckdb",
        extracted_dir=tmp_path / "ex",
        overrides_dir=tmp_path / "o",
        jobs=2,
    )
    pool = workers.LocalPool(2)
    pool.start()
    files = discover(raw).files
    results = list(process_documents(files, settings, workers=pool))
    assert sorted(r.source.source_path for r in results) == ["t0.txt", "t1.txt", "t2.txt"]
    assert {r.status for r in results} == {"failed"}


def test_a_no_op_rerun_opens_the_warehouse_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to read: the end of the run (overrides, refresh, the `runs` row) happens in
    the plan's write window, and the rerun is still recorded."""
    import duckdb

    from pipeline.warehouse import db as db_mod
    from tests.conftest import build_warehouse

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "t.txt").write_text(letter_text(1), "utf-8")
    assert build_warehouse(raw, tmp_path).exit_code == 0
    opened: list[bool] = []
    real_open = db_mod._open

    def spy(path: Path, *, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
        opened.append(read_only)
        return real_open(path, read_only=read_only, wait_s=wait_s)

    monkeypatch.setattr(db_mod, "_open", spy)
    again = build_warehouse(raw, tmp_path)
    assert again.exit_code == 0 and "1 up to date" in again.output
    assert opened == [False]
    con = duckdb.connect(str(again.db), read_only=True)
    try:
        assert con.execute("SELECT count(*), min(up_to_date) FROM runs").fetchone() == (2, 0)
    finally:
        con.close()


_RECORDED = r"""
import json, os, sys
from pipeline.run import tasks
seen = []
def recorded(fn):  # pickled by name: the forked workers look it up in `tasks`
    def wrapper(*a, **k):
        with open(sys.argv[1], "a") as fh:
            doc = getattr(a[0], "source_path", None)  # a parse task's document
            fh.write(json.dumps([fn.__name__, os.getpid(), "spacy" in sys.modules, doc]) + "\n")
        return fn(*a, **k)
    wrapper.__name__, wrapper.__qualname__, wrapper.__module__ = (
        fn.__name__, fn.__qualname__, fn.__module__)
    return wrapper
for name in ("text_task", "parse_task"):
    setattr(tasks, name, recorded(getattr(tasks, name)))
from pipeline.cli import main
try:
    main(sys.argv[2:], standalone_mode=False)
except SystemExit as exc:
    assert not exc.code, exc.code
print("ok")
"""


def _recorded_run(tmp_path: Path, raw: Path, jobs: int) -> list[list[object]]:
    """`namnd run` over `raw` in a fresh process; one row per worker task started: the task,
    the worker's pid, whether spaCy was imported there before it, the parse's document."""
    log = tmp_path / "tasks.jsonl"
    db = tmp_path / "w" / "n.duckdb"
    args = ["run", "--raw", str(raw), "--db", str(db), "--plain", "--jobs", str(jobs)]
    out = subprocess.run(
        [sys.executable, "-c", _RECORDED, str(log), *args],
        capture_output=True,
        cwd=REPO,
        timeout=300,
        env={**os.environ, "NAMND_EXTRACTED": str(tmp_path / "ex")},
    )
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_ocr_pages_do_not_wait_for_the_parse_warm_up(tmp_path: Path) -> None:
    """Issue 19: in a run that will OCR (a PDF whose first page has no text), the reading
    workers fork before the main process warms understanding and extraction (they never
    hold spaCy), and the parse tasks run in workers forked from it once warmed (spaCy is
    there before their first task)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(2):  # page 1 blank: left for OCR (blank pages are read fast)
        text_pdf(raw / f"d{i}.pdf", ["", letter_text(i)])
    rows = _recorded_run(tmp_path, raw, jobs=2)
    text = [r for r in rows if r[0] == "text_task"]
    parse = [r for r in rows if r[0] == "parse_task"]
    assert text and parse
    assert not any(spacy for _, _, spacy, _ in text)
    assert all(spacy for _, _, spacy, _ in parse)
    assert not {r[1] for r in text} & {r[1] for r in parse}


def test_one_document_is_parsed_by_a_worker_warmed_from_the_start(tmp_path: Path) -> None:
    """Issue 19: a run of one born-digital document forks a parse worker first, which warms
    understanding and extraction while another worker reads the text: spaCy is there before
    the parse task, and the reading worker never imports it."""
    raw = tmp_path / "raw"
    raw.mkdir()
    text_pdf(raw / "long.pdf", [letter_text(i) for i in range(40)])  # two text chunks
    rows = _recorded_run(tmp_path, raw, jobs=2)
    text = [r for r in rows if r[0] == "text_task"]
    parse = [r for r in rows if r[0] == "parse_task"]
    assert len(text) == 2 and len(parse) == 1
    assert parse[0][2] is True and not any(r[2] for r in text)
    assert len({r[1] for r in text}) == 1 and parse[0][1] != text[0][1]  # one reader


def test_documents_waiting_for_the_learned_lexicon_are_parsed_longest_first(
    tmp_path: Path,
) -> None:
    """Issue 19: the parses held back for the learned lexicon all start at the end of the
    run, which ends with the last of them: the longest goes first (one worker: in order)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, n in (("a.txt", 1), ("b.txt", 6), ("c.txt", 3)):
        (raw / name).write_text("\n\n".join(letter_text(i) for i in range(n)), "utf-8")
    rows = _recorded_run(tmp_path, raw, jobs=1)
    assert [r[3] for r in rows if r[0] == "parse_task"] == ["b.txt", "c.txt", "a.txt"]


def test_a_pdf_whose_first_page_has_no_text_is_guessed_a_scan(tmp_path: Path) -> None:
    from pipeline.text.probe import first_page_blank

    assert first_page_blank(text_pdf(tmp_path / "a.pdf", ["", letter_text(1)]))
    assert not first_page_blank(text_pdf(tmp_path / "b.pdf", [letter_text(1), ""]))
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4 not really")
    assert not first_page_blank(tmp_path / "c.pdf")


def test_a_worker_crash_in_a_run_with_parse_workers_fails_only_that_page(
    tmp_path: Path,
) -> None:
    """With the parse tasks in their own pool (a run that OCRs), a reading worker that dies
    still fails one page only: the rerun in one worker, then both pools again."""
    import duckdb

    from tests.conftest import run_cli

    raw = tmp_path / "raw"
    raw.mkdir()
    for i, name in enumerate(("a.pdf", "b.pdf")):
        text_pdf(raw / name, ["", letter_text(i)])
    db = tmp_path / "w" / "n.duckdb"
    code, out = run_cli(
        ["run", "--raw", str(raw), "--db", str(db), "--plain", "--jobs", "2"],
        extracted=tmp_path / "ex",
        NAMND_CRASH_AT="page:b.pdf:1",
    )
    assert code == 0, out
    assert "PARTIAL  b.pdf: 1 of 2 pages failed: page 1: a worker process crashed" in out
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT source_path, count(*) FROM documents JOIN pages USING (doc_id) "
            "GROUP BY ALL ORDER BY 1"
        ).fetchall()
    finally:
        con.close()
    assert rows == [("a.pdf", 2), ("b.pdf", 2)]


def test_a_reader_crash_in_a_one_document_run_fails_only_that_page(tmp_path: Path) -> None:
    """A one-document run has its parse worker forked first (`LocalPool.parse_first`): a
    reading worker that dies still fails one page only, and the document is understood."""
    import duckdb

    from tests.conftest import run_cli

    raw = tmp_path / "raw"
    text_pdf(raw / "b.pdf", [letter_text(2), letter_text(3), letter_text(4)])
    db = tmp_path / "w" / "n.duckdb"
    code, out = run_cli(
        ["run", "--raw", str(raw), "--db", str(db), "--plain", "--jobs", "2"],
        extracted=tmp_path / "ex",
        NAMND_CRASH_AT="page:b.pdf:2",
    )
    assert code == 0, out
    assert "PARTIAL  b.pdf: 1 of 3 pages failed: page 2: a worker process crashed" in out
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT page_no, quality FROM pages ORDER BY page_no").fetchall()
        docs = con.execute("SELECT source_path FROM documents").fetchall()
    finally:
        con.close()
    assert rows == [(1, "good"), (2, "failed"), (3, "good")]
    assert docs == [("b.pdf",)]  # understood and extracted (loaded after the parse)
