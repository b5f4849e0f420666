"""The notebooks in notebooks/ run top to bottom against a warehouse, and their helpers work.

Each ``notebooks/*.py`` (jupytext percent format) is converted to a notebook in memory and
executed with nbclient on this venv's ``python3`` kernel, with ``NAMND_DB`` pointing at:

* the samples' warehouse: ``namnd run`` over ``raw/`` (conftest's session fixture
  ``samples_warehouse``, real OCR, built once per session and shared with other tests);
* an empty warehouse (schema, no rows) and a path with no file: the notebooks must say
  "Ingen data" and not crash.

A cell that raises fails the test; the notebooks' own assertion cells check that their
tables add up to the views' totals.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import jupytext
import nbformat
import pandas as pd
import pytest
from click.testing import CliRunner
from nbclient import NotebookClient

from pipeline import notebook_support as ns
from pipeline.cli import main

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.py"))
CELL_TIMEOUT_S = 120
F = TypeVar("F")

# --------------------------------------------------------------------------- warehouses


@pytest.fixture(scope="session")
def sample_warehouse(samples_warehouse: Any) -> Path:
    """The samples' warehouse: conftest's `samples_warehouse`, built once per session by
    `namnd run --raw raw/` (real OCR, so minutes), shared with the other end-to-end tests."""
    built = samples_warehouse
    assert built.exit_code == 0, f"namnd run on raw/ failed:\n{built.output[-4000:]}"
    return Path(built.db)


def needs_samples(test: F) -> F:
    """Mark a test that uses the samples' warehouse: slow (real OCR), and a timeout long
    enough for whichever test first needs it to pay for building it."""
    return pytest.mark.slow(pytest.mark.timeout(2400)(test))


@pytest.fixture(scope="session")
def empty_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `namnd run` makes of an empty raw folder: the schema, districts, no documents."""
    root = tmp_path_factory.mktemp("empty")
    (root / "raw").mkdir()
    db = root / "warehouse" / "namnd.duckdb"
    result = CliRunner().invoke(
        main,
        ["run", "--raw", str(root / "raw"), "--db", str(db), "--plain"],
        env={"NAMND_EXTRACTED": str(root / "extracted")},
    )
    assert result.exit_code == 0, result.output
    return db


# --------------------------------------------------------------------------- running notebooks


def run_notebook(path: Path, db: Path) -> nbformat.NotebookNode:
    """Convert a jupytext .py to a notebook in memory and execute it; a failing cell raises."""
    nb = jupytext.read(path)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    client.execute(env={**env, "NAMND_DB": str(db)})
    return nb


def text_output(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts.append(data.get("text/plain", ""))
    return "\n".join(parts)


def n_images(nb: nbformat.NotebookNode) -> int:
    return sum("image/png" in out.get("data", {}) for c in nb.cells for out in c.get("outputs", []))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_are_notebooks() -> None:
    names = {p.stem for p in NOTEBOOKS}
    assert {"funding_by_year", "criteria_over_time", "projects_and_performers"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_source_conventions(path: Path) -> None:
    nb = jupytext.read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.lstrip().startswith("#")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged `parameters`"
    assert 'os.environ.get("NAMND_DB"' in tagged[0].source
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "open_warehouse(db_path)" in code
    for forbidden in ("read_only=False", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "DROP "):
        assert forbidden not in code, f"notebooks only read the warehouse ({forbidden.strip()})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
@needs_samples
def test_notebook_runs_on_samples(path: Path, sample_warehouse: Path) -> None:
    before = sha256(sample_warehouse)
    nb = run_notebook(path, sample_warehouse)
    assert text_output(nb).lstrip().startswith("Lager:"), "the samples' warehouse looked empty"
    assert n_images(nb) >= 1
    assert sha256(sample_warehouse) == before, "a notebook changed the warehouse"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_empty_warehouse(path: Path, empty_warehouse: Path) -> None:
    nb = run_notebook(path, empty_warehouse)
    assert ns.NO_DATA in text_output(nb)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_without_warehouse_file(path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "namnd.duckdb"
    nb = run_notebook(path, missing)
    assert "finns inte" in text_output(nb)
    assert not missing.exists(), "opening a missing warehouse must not create it"


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234567, "1 234 567 kr"),
        (750000, "750 000 kr"),
        (25000, "25 000 kr"),
        (999, "999 kr"),
        (0, "0 kr"),
        (-4600, "\u22124 600 kr"),
        (3500000.0, "3 500 000 kr"),
        (None, "–"),
        (float("nan"), "–"),
        (pd.NA, "–"),
    ],
)
def test_fmt_kr(value: object, expected: str) -> None:
    assert ns.fmt_kr(value) == expected


def test_fmt_int() -> None:
    assert ns.fmt_int(12345) == "12 345"
    assert ns.fmt_int(12345, "projekt") == "12 345 projekt"


def test_resolve_db_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NAMND_DB", raising=False)
    assert ns.resolve_db_path() == REPO / "warehouse" / "namnd.duckdb"
    monkeypatch.setenv("NAMND_DB", str(tmp_path / "x.duckdb"))
    assert ns.resolve_db_path() == tmp_path / "x.duckdb"
    monkeypatch.setenv("NAMND_DB", "elsewhere/y.duckdb")
    assert ns.resolve_db_path() == REPO / "elsewhere" / "y.duckdb"
    assert ns.resolve_db_path(tmp_path / "z.duckdb") == tmp_path / "z.duckdb"


@needs_samples
def test_open_warehouse_is_read_only(sample_warehouse: Path) -> None:
    wh = ns.open_warehouse(sample_warehouse)
    try:
        assert wh.exists and not wh.is_empty
        with pytest.raises(duckdb.Error):
            wh.con.execute("DELETE FROM documents")
    finally:
        wh.close()


def test_open_missing_warehouse_is_empty_with_schema(tmp_path: Path) -> None:
    wh = ns.open_warehouse(tmp_path / "none.duckdb")
    assert not wh.exists and wh.is_empty
    assert list(ns.funding_by_fund_year(wh).columns) == [
        "fund_type",
        "year",
        "n_projects",
        "n_with_amount",
        "total_sek",
        "n_documents",
    ]
    money = ns.fund_money_by_year(wh, ns.funding_by_fund_year(wh))
    assert money.empty and list(money.columns) == [
        "fund_type",
        "year",
        "sek",
        "source",
        "approximate",
    ]
    assert ns.NO_DATA in wh.describe()
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Har en tydlig forskningsanknytning.", "har tydlig forsknings-\nanknytning"),
        (
            "är av strategisk betydelse för staden som helhet",
            "Strategisk betydelse för staden som helhet",
        ),
        ("Innovation", "lnnovation"),
        ("Jämställdhet", "Jamstalldhet"),
        ("Omfattar flera stadsdelsförvaltningar.", "0mfattar flera stadsdels förvaltningar"),
        ("Tidiga insatser", "Tidiga insatser,"),
    ],
)
def test_ocr_variants_are_the_same_criterion(a: str, b: str) -> None:
    change = ns.compare_criteria([a], [b])
    assert change.kept == [(a, b)] and not change.appeared and not change.disappeared


def test_different_criteria_appear_and_disappear() -> None:
    before = ["Omfattar flera stadsdelsförvaltningar.", "Har en tydlig forskningsanknytning."]
    after = ["Har en tydlig forskningsanknytning", "Innovation", "Jämställdhet"]
    change = ns.compare_criteria(before, after)
    assert change.kept == [(before[1], after[0])]
    assert change.appeared == ["Innovation", "Jämställdhet"]
    assert change.disappeared == [before[0]]


def test_content_words_skip_stop_words() -> None:
    counts = ns.content_words(["Har en tydlig forskningsanknytning och är av strategisk betydelse"])
    assert counts["forskningsanknytning"] == 1 and counts["strategisk"] == 1
    assert "och" not in counts and "har" not in counts and "en" not in counts


# --------------------------------------------------------------------------- the README chart


@needs_samples
def test_render_chart_writes_png(sample_warehouse: Path, tmp_path: Path) -> None:
    from pipeline.devtools import render_chart

    out = tmp_path / "img" / "chart.png"
    assert render_chart.main(["--db", str(sample_warehouse), "--out", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
