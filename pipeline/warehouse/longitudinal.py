"""What the warehouse derives across documents after loading: concepts, series, checks.

Run at the end of every `namnd run` (pipeline/run/recipe.py), after the analysts'
corrections are applied, in this order — the checks use the series:

1. criterion_concepts — every criterion mapped to concepts (pipeline/lang/concepts.py);
2. project series — mentions of one project linked (pipeline/warehouse/series.py),
   analysts' link judgements re-applied;
3. checks — arithmetic and consistency (pipeline/warehouse/checks.py); failed checks lower
   the confidence of the values involved.

All three are rebuilt from the loaded rows each time (a few seconds for thousands of
projects), so they never lag behind a reloaded document or a new judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.lang.concepts import load_vocabulary, match_concepts
from pipeline.warehouse.checks import CheckReport, run_reconciliation
from pipeline.warehouse.series import SeriesReport, link_projects


@dataclass
class LongitudinalReport:
    series: SeriesReport
    checks: CheckReport
    n_concepts: int
    n_other: int

    def lines(self) -> list[str]:
        """For the run summary: only what needs someone's attention — pairs to review,
        orphaned link judgements, failed checks (nothing when all is well)."""
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
            con.executemany("INSERT INTO criterion_concepts VALUES (?, ?, ?, ?, ?, ?)", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    n_other = sum(1 for r in rows if r[2] == "other")
    return len(rows) - n_other, n_other


def refresh(con: duckdb.DuckDBPyConnection, overrides_dir: Path) -> LongitudinalReport:
    """Concepts, series and checks, rebuilt from the warehouse's rows."""
    n_concepts, n_other = map_concepts(con)
    series = link_projects(con, overrides_dir)
    checks = run_reconciliation(con)
    return LongitudinalReport(series, checks, n_concepts, n_other)
