"""What the warehouse derives across documents after loading: concepts, series, checks.

Run at the end of every `namnd run` (pipeline/run/recipe.py), after the analysts'
corrections are applied, in this order — the checks use the series:

1. criterion_concepts — every criterion mapped to concepts (pipeline/lang/concepts.py);
2. project series — mentions of one project linked (pipeline/warehouse/series.py),
   analysts' link judgements re-applied;
3. checks — arithmetic and consistency (pipeline/warehouse/checks.py); failed checks lower
   the confidence of the values involved.

All three are rebuilt from the loaded rows whenever anything they are computed from changed
(a few seconds for thousands of projects), so they never lag behind a reloaded document or a
new judgement. A run that changed none of it (a rerun with nothing new) skips the rebuild:
the digest of the inputs — the loaded documents, the analysts' files, the expectations, the
data files and this code — is kept in ``warehouse_meta`` (key ``longitudinal_sha256``) with
the summary lines of the last rebuild (``longitudinal_lines``), which the run reports again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

import pipeline
from pipeline.lang.concepts import load_vocabulary, match_concepts
from pipeline.warehouse.checks import CheckReport, run_reconciliation
from pipeline.warehouse.db import insert_rows
from pipeline.warehouse.migrate import files_unchanged, first_row, utcnow
from pipeline.warehouse.series import SeriesReport, link_projects


@dataclass
class LongitudinalReport:
    series: SeriesReport | None
    checks: CheckReport | None
    n_concepts: int
    n_other: int
    #: nothing changed since the last rebuild: these are its summary lines
    unchanged_lines: list[str] | None = field(default=None)

    @property
    def rebuilt(self) -> bool:
        return self.unchanged_lines is None

    def lines(self) -> list[str]:
        """For the run summary: only what needs someone's attention — pairs to review,
        orphaned link judgements, failed checks (nothing when all is well)."""
        if self.unchanged_lines is not None:
            return list(self.unchanged_lines)
        assert self.series is not None and self.checks is not None
        return [*self.series.lines(), *self.checks.lines()]


def map_concepts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Rebuild criterion_concepts; returns (concept rows, criteria mapped to 'other')."""
    vocab = load_vocabulary()
    rows = []
    for criterion_id, doc_id, text in con.execute(
        "SELECT criterion_id, doc_id, text FROM criteria WHERE text IS NOT NULL"
    ).fetchall():
        for m in match_concepts(text, vocab):
            rows.append(
                (
                    criterion_id,
                    doc_id,
                    m.concept,
                    vocab.labels.get(m.concept, m.concept),
                    m.evidence,
                    m.cue,
                )
            )
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM criterion_concepts")
        if rows:
            insert_rows(con, "criterion_concepts", None, rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    n_other = sum(1 for r in rows if r[2] == "other")
    return len(rows) - n_other, n_other


_DIGEST = "longitudinal_sha256"
_LINES = "longitudinal_lines"
_PACKAGE = Path(pipeline.__file__).parent
#: the code and data the layer is derived with (a change to any of them rebuilds it)
_SOURCES = (
    "warehouse/longitudinal.py",
    "warehouse/series.py",
    "warehouse/series_*.py",
    "warehouse/checks.py",
    "lang/concepts.py",
    "sql/reconcile/*.sql",
    "data/*",
)


def inputs_digest(con: duckdb.DuckDBPyConnection, overrides_dir: Path) -> str:
    """The digest of everything concepts, series and checks are computed from."""
    h = hashlib.sha256()
    for row in con.execute(
        "SELECT doc_id, CAST(loaded_at AS VARCHAR), status FROM documents ORDER BY doc_id"
    ).fetchall():
        h.update(repr(row).encode())
    for row in con.execute("SELECT * FROM expected_decisions ORDER BY ALL").fetchall():
        h.update(repr(row).encode())
    files = sorted(p for p in Path(overrides_dir).rglob("*") if p.is_file())
    files += sorted(p for pattern in _SOURCES for p in _PACKAGE.glob(pattern) if p.is_file())
    for p in files:
        h.update(str(p.name).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def refresh(
    con: duckdb.DuckDBPyConnection, overrides_dir: Path, *, force: bool = False
) -> LongitudinalReport:
    """Concepts, series and checks, rebuilt from the warehouse's rows — unless nothing they
    are computed from changed since the last rebuild (`force` rebuilds anyway)."""
    digest = inputs_digest(con, overrides_dir)
    lines = first_row(con.execute("SELECT value FROM warehouse_meta WHERE key = ?", [_LINES]))
    if lines is not None and files_unchanged(con, _DIGEST, digest) and not force:
        return LongitudinalReport(None, None, 0, 0, unchanged_lines=json.loads(lines[0]))
    n_concepts, n_other = map_concepts(con)
    series = link_projects(con, overrides_dir)
    checks = run_reconciliation(con)
    report = LongitudinalReport(series, checks, n_concepts, n_other)
    for key, value in ((_LINES, json.dumps(report.lines(), ensure_ascii=False)), (_DIGEST, digest)):
        con.execute(
            "INSERT OR REPLACE INTO warehouse_meta VALUES (?, ?, ?)", [key, value, utcnow()]
        )
    return report
