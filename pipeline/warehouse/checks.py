"""Arithmetic and consistency checks on the extracted figures: the `checks` table.

Decisions state their money several times: a total in the text ("totalt 3 115 000
kronor"), a table of projects, a Summa row under it; a later report restates what was
granted; copies of one decision (a scan and a transcript) print the same figures. When two
of these disagree, either the document is inconsistent or a value was misread. Each query
in ``pipeline/sql/reconcile/<kind>.sql`` returns one row per comparison with both figures
and their pages, and its outcome:

    rows_vs_total        the sum of project rows against the total stated in the text
    summa_vs_total       the total stated in the text against the table's Summa row
    rows_vs_summa        the project rows against the Summa row
    granted_vs_reported  a series' granted amount against the later report's amount
    read_twice           one amount read in two copies of a decision
    above_max            a project's amount against the maximum per application

A failed check lowers the confidence of the values it names (`value_ids`: project and
amount ids) by ``FAILED_CHECK_FACTOR``; the extracted confidence is kept in
`confidence_extracted` so that the lowering is undone when the check passes again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.warehouse.db import insert_rows
from pipeline.warehouse.migrate import SQL_DIR

RECONCILE_DIR = SQL_DIR / "reconcile"

#: A value named by a failed check keeps this share of its confidence (one failed check
#: halves it; two leave a quarter) — low enough to sort it to the top of a review.
FAILED_CHECK_FACTOR = 0.5

COLUMNS = (
    "kind",
    "doc_id",
    "other_doc_id",
    "fund_type",
    "year",
    "subject",
    "stated_sek",
    "found_sek",
    "pages",
    "other_pages",
    "evidence",
    "value_ids",
    "outcome",
)


@dataclass(frozen=True)
class FailedCheck:
    kind: str
    source_path: str
    subject: str
    stated_sek: int | None
    found_sek: int | None
    pages: str | None
    other_pages: str | None
    other_path: str | None

    def line(self) -> str:
        """One line: what was compared, the stated figure and where, the other and where."""
        other = self.other_path or self.source_path
        return (
            f"failed check {self.kind}: {self.subject}: stated {_kr(self.stated_sek)} "
            f"({self.source_path} p.{self.pages or '?'}), found {_kr(self.found_sek)} "
            f"({other} p.{self.other_pages or '?'})"
        )


@dataclass
class CheckReport:
    passed: int = 0
    failed: list[FailedCheck] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The failed checks, one line each, under a count (nothing when none failed)."""
        if not self.failed:
            return []
        out = [f"checks: {self.passed} passed, {len(self.failed)} failed"]
        return out + [f"  {f.line()}" for f in self.failed]


def _kr(v: int | None) -> str:
    return "?" if v is None else f"{v:,}".replace(",", " ") + " kr"


def reconcile_queries(directory: Path = RECONCILE_DIR) -> dict[str, str]:
    """Check kind -> its SELECT (one file per kind)."""
    return {
        p.stem: p.read_text(encoding="utf-8").strip().rstrip(";")
        for p in sorted(directory.glob("*.sql"))
    }


def _check_id(row: tuple[object, ...]) -> str:
    ids = sorted(str(v) for v in (row[11] or []))  # type: ignore[attr-defined]
    key = "\x1f".join(str(v) for v in (*row[:6], ids))
    return "c-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def run_reconciliation(con: duckdb.DuckDBPyConnection) -> CheckReport:
    """Rebuild `checks`, re-derive confidences, and return what failed."""
    cols = ", ".join(COLUMNS)
    rows: dict[str, tuple[object, ...]] = {}
    for sql in reconcile_queries().values():
        for r in con.execute(f"SELECT {cols} FROM (\n{sql}\n)").fetchall():
            rows[_check_id(r)] = r
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM checks")
        if rows:
            insert_rows(
                con,
                "checks",
                ["check_id", *COLUMNS, "difference_sek"],
                [
                    (cid, *r, (r[7] - r[6]) if r[6] is not None and r[7] is not None else None)  # type: ignore[operator]
                    for cid, r in rows.items()
                ],
            )
        _lower_confidence(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return read_report(con)


def _lower_confidence(con: duckdb.DuckDBPyConnection) -> None:
    for table, key in (("projects", "project_id"), ("amounts", "amount_id")):
        con.execute(
            f"UPDATE {table} SET confidence = confidence_extracted, confidence_extracted = NULL "
            "WHERE confidence_extracted IS NOT NULL"
        )
        con.execute(
            f"""
            UPDATE {table} SET confidence_extracted = t.confidence,
                confidence = t.confidence * pow(?, f.n_failed)
            FROM (
                SELECT v AS id, count(*) AS n_failed
                FROM (SELECT unnest(value_ids) AS v FROM checks WHERE outcome = 'failed')
                GROUP BY v
            ) AS f, {table} AS t
            WHERE f.id = {table}.{key} AND t.{key} = {table}.{key}
              AND {table}.confidence IS NOT NULL
            """,
            [FAILED_CHECK_FACTOR],
        )


def read_report(con: duckdb.DuckDBPyConnection) -> CheckReport:
    """The checks as they stand in the warehouse (for `namnd status` and the run summary)."""
    report = CheckReport()
    row = con.execute("SELECT count(*) FROM checks WHERE outcome = 'passed'").fetchall()
    report.passed = int(row[0][0]) if row else 0
    for r in con.execute(
        """
        SELECT c.kind, d.source_path, c.subject, c.stated_sek, c.found_sek, c.pages,
               c.other_pages, o.source_path
        FROM checks AS c
        LEFT JOIN documents AS d ON d.doc_id = c.doc_id
        LEFT JOIN documents AS o ON o.doc_id = c.other_doc_id
        WHERE c.outcome = 'failed'
        ORDER BY d.source_path, c.kind, c.subject, c.stated_sek, c.found_sek, c.pages,
                 o.source_path, c.other_pages
        """
    ).fetchall():
        report.failed.append(FailedCheck(*r))
    return report
