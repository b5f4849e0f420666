"""The notebooks in notebooks/ run top to bottom against a warehouse, and their helpers work.

Each ``notebooks/*.py`` (jupytext percent format) is converted to a notebook in memory and
executed with nbclient on this venv's ``python3`` kernel, with ``NAMND_DB`` pointing at:

* the samples' warehouse (session fixture ``sample_warehouse``), built once per session;
* an empty warehouse (schema, no rows) and a path with no file: the notebooks must say
  "Ingen data" and not crash.

A cell that raises fails the test; the notebooks' own assertion cells check that their
tables add up to the views' totals.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path

import duckdb
import jupytext
import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from pipeline import notebook_support as ns
from pipeline.warehouse import load_districts, migrate
from pipeline.warehouse.districts import ALIASES_CSV, DISTRICTS_CSV

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.py"))
GOLD = REPO / "tests" / "gold"
CELL_TIMEOUT_S = 120

# --------------------------------------------------------------------------- warehouses


def _slug(name: str) -> str:
    t = name.lower().translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


# District dimension for the fallback warehouse: today's districts plus the one that was
# merged away in 2020 (Hägersten-Liljeholmen → Hägersten-Älvsjö).
_DISTRICTS = [
    ("Hägersten-Liljeholmen", "stadsdelsförvaltning", None, "2019-12-31", "hagersten-alvsjo"),
    ("Hägersten-Älvsjö", "stadsdelsförvaltning", "2020-01-01", None, None),
    ("Enskede-Årsta-Vantör", "stadsdelsförvaltning", None, None, None),
    ("Farsta", "stadsdelsförvaltning", None, None, None),
    ("Hässelby-Vällingby", "stadsdelsförvaltning", None, None, None),
    ("Kungsholmen", "stadsdelsförvaltning", None, None, None),
    ("Norrmalm", "stadsdelsförvaltning", None, None, None),
    ("Rinkeby-Kista", "stadsdelsförvaltning", None, None, None),
    ("Skarpnäck", "stadsdelsförvaltning", None, None, None),
    ("Skärholmen", "stadsdelsförvaltning", None, None, None),
    ("Spånga-Tensta", "stadsdelsförvaltning", None, None, None),
    ("Södermalm", "stadsdelsförvaltning", None, None, None),
    ("Östermalm", "stadsdelsförvaltning", None, None, None),
    ("Socialförvaltningen", "fackförvaltning", None, None, None),
    ("Socialjouren", "unit", None, None, None),
    ("Framtid Stockholm", "unit", None, None, None),
]


def _end_date(text: str | None) -> dt.date | None:
    """Gold end dates are "YYYY-MM-DD" or "YYYY-MM" (then the month's last day)."""
    if not text:
        return None
    if len(text) == 7:
        y, m = int(text[:4]), int(text[5:])
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date.fromisoformat(text)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if rows:
        frame = pd.DataFrame(rows)  # noqa: F841 (read by DuckDB's replacement scan)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame")


def build_gold_warehouse(db: Path, views_dir: Path | None = None) -> Path:
    """A warehouse with the real schema and rows taken from the gold annotations.

    Stand-in for ``namnd run`` on the samples: every gold document is loaded as its
    transcript, and seed 001 a second time as a scan (another doc_id, same decision), as the
    samples hold it, so the canonical-document views are exercised.
    """
    con = duckdb.connect(str(db))
    migrate(con)
    docs, projects, links, amounts, criteria = [], [], [], [], []
    copies = [(p, "transcripts", "transcript") for p in sorted(GOLD.glob("*.json"))]
    copies.append((sorted(GOLD.glob("001_*.json"))[0], "scanned", "ocr"))
    for path, folder, source in copies:
        g = json.loads(path.read_text(encoding="utf-8"))
        stem = Path(g["source"]).stem
        doc_id = stem.split("_", 1)[1] if source == "transcript" else "5ca2" + stem[-12:]
        suffix = ".txt" if source == "transcript" else ".scan.pdf"
        docs.append(
            {
                "doc_id": doc_id,
                "source_path": f"{folder}/{stem}{suffix}",
                "sha256": doc_id * 4,
                "media_type": "text/plain" if source == "transcript" else "application/pdf",
                "text_source": source,
                "n_pages": 5,
                "ocr_confidence": 91.5 if source == "ocr" else None,
                "committee": g["committee"],
                "committee_as_printed": g["committee"],
                "doc_type": g["doc_type"],
                "dnr": g["dnr"],
                "dnr_as_printed": g["dnr"],
                "doc_date": g["doc_date"],
                "meeting_date": g["meeting_date"],
                "title": g["title"],
                "handlaggare": g["handlaggare"],
                "pipeline_version": "test",
                "status": "ok",
            }
        )
        for i, p in enumerate(g["projects"], start=1):
            project_id = f"{doc_id}-{i:03d}"
            projects.append(
                {
                    "project_id": project_id,
                    "doc_id": doc_id,
                    "name": p["name"],
                    "fund_type": p["fund_type"],
                    "year": p["year"],
                    "status": p["status"],
                    "amount_sek": p["amount_sek"],
                    "performer": p["performer"],
                    "end_date": _end_date(p["end_date"]),
                    "page_no": 2,
                    "evidence": p["name"],
                    "confidence": 0.9,
                }
            )
            links += [
                {"project_id": project_id, "district_id": _slug(d), "name_as_printed": d}
                for d in p["districts"]
            ]
        for i, a in enumerate(g["amounts"], start=1):
            amounts.append(
                {
                    "amount_id": f"{doc_id}-a{i:03d}",
                    "doc_id": doc_id,
                    **{k: a[k] for k in ("sek", "raw", "approximate", "kind", "fund_type", "year")},
                    "page_no": 1,
                    "evidence": a.get("note") or a["raw"],
                }
            )
        criteria += [{"doc_id": doc_id, **c} for c in g["criteria"]]
    _insert(con, "documents", docs)
    _insert(con, "projects", projects)
    _insert(con, "project_districts", links)
    _insert(con, "amounts", amounts)
    _insert(con, "criteria", criteria)
    if DISTRICTS_CSV.is_file():
        load_districts(con, DISTRICTS_CSV, ALIASES_CSV)
    else:
        _insert(
            con,
            "districts",
            [
                {
                    "district_id": _slug(name),
                    "name": name,
                    "kind": kind,
                    "valid_from": start,
                    "valid_to": end,
                    "successor_id": successor,
                }
                for name, kind, start, end, successor in _DISTRICTS
            ],
        )
    ns.create_schema(con, views_dir)
    # Names as printed → the gazetteer's ids, the way the loader resolves them.
    for (name,) in con.execute("SELECT DISTINCT name_as_printed FROM project_districts").fetchall():
        found = con.execute("SELECT district_in_year(?, 2020)", [name]).fetchone()
        if found and found[0]:
            con.execute(
                "UPDATE project_districts SET district_id = ? WHERE name_as_printed = ?",
                [found[0], name],
            )
    con.close()
    return db


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples' warehouse, built once per session and shared by every test that needs it."""
    return build_gold_warehouse(tmp_path_factory.mktemp("samples") / "namnd.duckdb")


@pytest.fixture(scope="session")
def empty_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("empty") / "namnd.duckdb"
    con = duckdb.connect(str(db))
    ns.create_schema(con)
    con.close()
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


def test_render_chart_writes_png(sample_warehouse: Path, tmp_path: Path) -> None:
    from pipeline.devtools import render_chart

    out = tmp_path / "img" / "chart.png"
    assert render_chart.main(["--db", str(sample_warehouse), "--out", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
