"""The same inputs give the same warehouse, whatever Python's string-hash seed.

Python salts the hashes of strings per process, so a set of strings is iterated in another
order by every run: a rule that picks "the commonest year" with ``max(set(...))`` or joins
pages with an unordered aggregate gives another answer on a tie. Such a rule once flipped the
year of 23 amounts of one born-digital document from run to run. Here the CLI runs as a
subprocess under two fixed seeds on a spread of the genre corpus's transcripts (one in
every thirty documents, plus a document whose text names two years equally often and whose
title names none), and every per-document table, the checks and the run's longitudinal
summary must be equal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from pipeline.facts.body import document_year
from tests.conftest import REPO
from tests.extract_helpers import understood
from tests.helpers import snapshot

GENRE = REPO / "tests" / "resources" / "corpus" / "genre" / "docs"
#: one in every this many of the genre corpus's transcripts
_STRIDE = 30

TIED_YEARS = """Norrmalms stadsdelsförvaltning                  Verksamhetsberättelse
Avdelningen för socialtjänst                    Sida 1 (1)

Externt finansierade projekt

Förvaltningen har under 2011 drivit två projekt med statsbidrag.

•  Läxhjälp i parken – statsbidrag om 240 000 kronor. Projektet pågår
   till och med juni 2012.

•  Seniorer på nätet – statsbidrag om 120 000 kronor. Projektet
   avslutades i december 2011, och en uppföljning görs under 2012.
"""


def _run(raw: Path, root: Path, seed: int) -> Path:
    db = root / "warehouse" / "namnd.duckdb"
    env = {
        **os.environ,
        "PYTHONHASHSEED": str(seed),
        "NAMND_EXTRACTED": str(root / "extracted"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--db", str(db)]
        + ["--plain"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return db


def _checks_and_summary(db: Path) -> tuple[list[tuple[object, ...]], str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        checks = sorted(con.execute("SELECT * EXCLUDE (check_id) FROM checks").fetchall(), key=repr)
        summary = con.execute(
            "SELECT value FROM warehouse_meta WHERE key = 'longitudinal_lines'"
        ).fetchall()
        return checks, repr(summary)
    finally:
        con.close()


def test_a_tie_of_years_goes_to_the_year_named_first(tmp_path: Path) -> None:
    path = tmp_path / "tied.txt"
    path.write_text(TIED_YEARS, encoding="utf-8")
    doc = understood(path)
    text = "\n".join(ln.text for page in doc.pages for ln in page.lines)
    assert text.count("2011") == text.count("2012") == 2
    assert document_year(doc, text) == 2011


def test_two_hash_seeds_build_the_same_warehouse(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    docs = sorted(GENRE.glob("*.txt"))[::_STRIDE]
    assert len(docs) >= 20
    for p in docs:
        shutil.copy(p, raw / p.name)
    (raw / "tied_years.txt").write_text(TIED_YEARS, encoding="utf-8")
    first = _run(raw, tmp_path / "a", seed=1)
    second = _run(raw, tmp_path / "b", seed=7)
    a, b = snapshot(first), snapshot(second)
    assert a["projects"], "the documents yield projects"
    for table in a:
        assert a[table] == b[table], table
    assert _checks_and_summary(first) == _checks_and_summary(second)
