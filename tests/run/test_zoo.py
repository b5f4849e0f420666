"""The hostile-file zoo in one batch: every file loads or fails with its one-line reason, and
the batch's other files are always loaded."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests import zoo
from tests.conftest import build_warehouse

# builder -> (expected outcome, a word the one-line reason must contain)
EXPECTED: dict[str, tuple[str, str]] = {
    "good_text_pdf": ("ok", ""),
    "rotate90_text_pdf": ("ok", ""),
    "ccitt_g4_pdf": ("ok", ""),
    "bilevel_pdf": ("ok", ""),
    "many_pages_pdf": ("ok", ""),
    "unicode_name_pdf": ("ok", ""),
    "encrypted_owner_only": ("ok", ""),
    "broken_xref_pdf": ("ok", ""),
    "encrypted_user_password": ("failed", "password"),
    "truncated_pdf": ("failed", "PDF"),
    "zero_byte": ("failed", "empty"),
    "garbage_bytes": ("failed", "not a PDF"),
    "html_as_pdf": ("failed", "HTML"),
    "png_as_pdf": ("failed", "PNG"),
    "zero_pages_pdf": ("failed", "no pages"),
    "decompression_bomb_pdf": ("failed", "pixels"),
}


@pytest.fixture(scope="module")
def zoo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], object]:
    root = tmp_path_factory.mktemp("zoo")
    raw = root / "raw"
    raw.mkdir()
    distinct = {"unicode_name_pdf", "good_text_pdf"}
    built = {name: zoo.BUILDERS[name](raw) for name in EXPECTED if name not in distinct}
    built["good_text_pdf"] = zoo.good_text_pdf(raw, text=zoo.SAMPLE_TEXT + "\nBilaga 1")
    # different text, so it is not a byte-identical duplicate of good_text_pdf
    built["unicode_name_pdf"] = zoo.unicode_name_pdf(
        raw, text=zoo.SAMPLE_TEXT.replace("2021-04-27", "2021-05-04")
    )
    zoo.symlink_loop(raw)
    zoo.symlink_dir_cycle(raw)
    return built, build_warehouse(raw, root)


def _rel(path: Path) -> str:
    return path.name


def test_zoo_batch_exit_status_and_lines(zoo_run: tuple[dict[str, Path], object]) -> None:
    built, run = zoo_run
    assert run.exit_code == 1, run.output  # type: ignore[attr-defined]
    out: str = run.output  # type: ignore[attr-defined]
    for name, (outcome, word) in EXPECTED.items():
        fname = _rel(built[name])
        lines = [ln for ln in out.splitlines() if fname in ln and not ln.startswith("  ")]
        if outcome == "ok":
            assert any(ln.startswith("ok ") for ln in lines), (name, lines)
        else:
            failed = [ln for ln in lines if ln.startswith("FAILED")]
            assert len(failed) == 1, (name, lines)
            assert word.lower() in failed[0].lower(), (name, failed[0])
    assert "SKIPPED loop_a.pdf" in out or "SKIPPED loop_b.pdf" in out


def test_zoo_failures_are_logged_and_good_files_loaded(
    zoo_run: tuple[dict[str, Path], object],
) -> None:
    built, run = zoo_run
    con = duckdb.connect(str(run.db), read_only=True)  # type: ignore[attr-defined]
    loaded = {r[0] for r in con.execute("SELECT source_path FROM documents").fetchall()}
    failed = {
        r[0]
        for r in con.execute(
            "SELECT source_path FROM ingest_log WHERE status = 'failed'"
        ).fetchall()
    }
    for name, (outcome, _) in EXPECTED.items():
        rel = built[name].name
        if outcome == "ok":
            assert rel in loaded, name
        else:
            assert rel in failed and rel not in loaded, name
    n_pages = con.execute(
        "SELECT n_pages FROM documents WHERE source_path = ?", [built["many_pages_pdf"].name]
    ).fetchone()
    assert n_pages == (300,)
    assert con.execute(
        "SELECT count(*) FROM pages JOIN documents USING (doc_id) WHERE source_path = ?",
        [built["many_pages_pdf"].name],
    ).fetchone() == (300,)
    # the cycle's PDF is read once, not forever
    assert sum(1 for p in loaded if p.startswith("cycle/")) == 1


def test_growing_file_is_skipped_then_picked_up(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    zoo.good_text_pdf(raw, "settled.pdf")
    growing = zoo.growing_file(raw, "arriving.pdf", seconds=4.0, chunks=40)
    first = build_warehouse(raw, tmp_path)
    assert "SKIPPED arriving.pdf: still being written" in first.output
    assert first.exit_code == 0
    growing.wait()
    second = build_warehouse(raw, tmp_path)
    assert "ok       arriving.pdf" in second.output, second.output
