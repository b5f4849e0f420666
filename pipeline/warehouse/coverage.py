"""Coverage accounts for `namnd coverage`: the grid, the grouping by template, suggestions.

* `grid` — years × committees (or × document template) with counts of expected, present,
  partial, unreadable, missing and known-gap decisions from `v_coverage`, and the reading
  quality behind them (mean OCR confidence, doubtful and failed pages, failed checks).
* `suggest` — sentences in the archive's documents that refer to earlier decisions
  (`pipeline.facts.references`), each with a register line ready to be accepted into
  ``warehouse/expected/`` and whether the register and the archive already have it.

Everything here reads the warehouse; nothing writes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from pipeline.facts.references import Reference, find_references
from pipeline.lang.lexicon import fold
from pipeline.lang.numbers import PRINTED_YEAR, YEAR
from pipeline.warehouse.expected import REGISTER_COLUMNS, read_series
from pipeline.warehouse.migrate import check_queries

_GRID_SQL = """
SELECT
    year,
    coalesce(committee, '(unknown)') AS committee,
    CASE
        WHEN bool_or(coverage = 'incomplete') THEN 'incomplete'
        WHEN bool_or(coverage = 'partial') THEN 'partial'
        WHEN bool_or(coverage = 'known gap') THEN 'known gap'
        WHEN bool_or(coverage = 'complete') THEN 'complete'
        WHEN bool_or(coverage = 'no expectation recorded') THEN 'no expectation recorded'
        ELSE 'not expected'
    END AS coverage,
    sum(n_expected) AS expected,
    sum(n_present) AS present,
    sum(n_partial) AS partial,
    sum(n_unreadable) AS unreadable,
    sum(n_missing) AS missing,
    sum(n_known_gap) AS known_gap,
    coalesce(sum(n_documents) FILTER (WHERE expectation = 'no expectation recorded'), 0)
        AS unregistered,
    round(avg(mean_ocr_confidence), 1) AS mean_ocr_confidence,
    sum(n_doubtful_pages) AS doubtful_pages,
    sum(n_failed_pages) AS failed_pages,
    list_distinct(flatten(list(doc_ids))) AS _docs
FROM v_coverage
GROUP BY ALL
ORDER BY year NULLS LAST, committee
"""

#: Document generations, from what the text stage measured (text source, OCR confidence,
#: share of dictionary words) and the year. The samples' scans read at a mean word confidence
#: of 93.2 (samples run of 2026-11-30); 80 as the line below which a scan counts as typewriter
#: or poor copy is a judgement, not a measurement — the samples hold no such scan.
POOR_SCAN_CONFIDENCE = 80.0
EARLY_EXPORT_BEFORE = 2010

_TEMPLATE_SQL = f"""
WITH doc_pages AS (
    SELECT doc_id, avg(dict_share) AS dict_share FROM pages GROUP BY doc_id
),
docs AS (
    SELECT
        s.year,
        d.doc_id,
        CASE
            WHEN d.text_source = 'transcript' THEN 'transcript (earlier OCR)'
            WHEN d.text_source IN ('ocr', 'mixed')
                AND (d.ocr_confidence < {POOR_SCAN_CONFIDENCE} OR p.dict_share < 0.6)
                THEN 'typewriter or poor scan'
            WHEN d.text_source = 'ocr' THEN 'clean scan'
            WHEN d.text_source = 'mixed' THEN 'mixed PDF (text and scanned pages)'
            WHEN s.year < {EARLY_EXPORT_BEFORE} THEN 'early Word export'
            ELSE 'modern PDF'
        END AS template
    FROM v_documents_canonical AS d
    JOIN (SELECT doc_id, min(year) AS year FROM v_document_series GROUP BY doc_id) AS s
        USING (doc_id)
    LEFT JOIN doc_pages AS p USING (doc_id)
),
cov AS (
    SELECT year, unnest(doc_ids) AS doc_id, expectation, state, mean_ocr_confidence,
        n_doubtful_pages, n_failed_pages
    FROM v_coverage
)
SELECT
    d.year,
    d.template,
    count(DISTINCT d.doc_id) AS documents,
    count(DISTINCT d.doc_id) FILTER (WHERE c.expectation <> 'no expectation recorded')
        AS expected_present,
    count(DISTINCT d.doc_id) FILTER (WHERE c.state = 'partial') AS partial,
    count(DISTINCT d.doc_id) FILTER (WHERE c.state = 'unreadable') AS unreadable,
    round(avg(doc.ocr_confidence), 1) AS mean_ocr_confidence,
    sum(q.n_doubtful) AS doubtful_pages,
    sum(q.n_failed) AS failed_pages,
    list(DISTINCT d.doc_id) AS _docs
FROM docs AS d
JOIN documents AS doc USING (doc_id)
LEFT JOIN (SELECT DISTINCT doc_id, expectation, state FROM cov) AS c USING (doc_id)
LEFT JOIN (
    SELECT doc_id,
        count(*) FILTER (WHERE quality = 'doubtful') AS n_doubtful,
        count(*) FILTER (WHERE quality = 'failed') AS n_failed
    FROM pages GROUP BY doc_id
) AS q USING (doc_id)
GROUP BY ALL
ORDER BY d.year NULLS LAST, d.template
"""


def grid(con: duckdb.DuckDBPyConnection, by: str = "committee") -> tuple[list[str], list[tuple]]:
    """(columns, rows) of the coverage grid, by committee or by template.

    failed_checks counts the rows of the warehouse's check queries (pipeline/sql/checks/)
    that name a document of the row.
    """
    sql = _TEMPLATE_SQL if by == "template" else _GRID_SQL
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description or []]
    rows = cur.fetchall()
    per_doc = failed_checks_by_document(con)
    k = cols.index("_docs")
    out = [(*r[:k], sum(per_doc.get(d, 0) for d in (r[k] or [])), *r[k + 1 :]) for r in rows]
    return [*cols[:k], "failed_checks", *cols[k + 1 :]], out


def failed_checks_by_document(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """doc_id -> number of rows the check queries return for it (checks without doc_id are
    about the warehouse as a whole and count for no document)."""
    counts: dict[str, int] = {}
    for sql in check_queries().values():
        cols = [d[0] for d in con.execute(f"SELECT * FROM (\n{sql}\n) LIMIT 0").description or []]
        if "doc_id" not in cols:
            continue
        for doc_id, n in con.execute(
            f"SELECT doc_id, count(*) FROM (\n{sql}\n) WHERE doc_id IS NOT NULL GROUP BY doc_id"
        ).fetchall():
            counts[str(doc_id)] = counts.get(str(doc_id), 0) + int(n)
    return counts


def unreadable_files(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Files whose latest load failed (they cannot be placed in a year or committee)."""
    return [
        (str(p), str(e or ""))
        for p, e in con.execute(
            "SELECT source_path, error FROM v_ingest_latest WHERE status = 'failed' "
            "ORDER BY source_path"
        ).fetchall()
    ]


# --------------------------------------------------------------------------- suggestions


@dataclass(frozen=True)
class Suggestion:
    """A reference found in a document, with the register line it suggests."""

    doc_id: str
    source_path: str
    reference: Reference
    year: int | None
    committee: str | None
    series: str
    registered: bool  # the register already has a line for it
    in_archive: bool  # a document of that committee and date is in the warehouse

    def register_line(self) -> dict[str, str]:
        r = self.reference
        return {
            "year": str(self.year or ""),
            "committee": self.committee or "",
            "series": self.series,
            "status": "expected",
            "decided": r.date.isoformat() if r.date else "",
            "dnr": "",
            "file": "",
            "source_kind": "reference",
            "source": f"{self.source_path} p.{r.page_no}",
            "evidence": r.evidence,
            "reason": "",
            "note": f"{r.kind}, {r.when or 'no date'}"
            + (f", {r.paragraph}" if r.paragraph else ""),
        }


_YEAR = re.compile(rf"\b({YEAR})\b")


def _series_of(subject: str | None, patterns: list[tuple[str, re.Pattern[str]]]) -> str:
    f = fold(subject or "")
    for name, pattern in patterns:
        if pattern.search(f):
            return name
    return "other"


def suggest(con: duckdb.DuckDBPyConnection) -> list[Suggestion]:
    """References to earlier decisions in every canonical document, in document order."""
    patterns = [(s.series, re.compile(s.title_pattern)) for s in read_series() if s.title_pattern]
    docs = con.execute(
        """
        SELECT d.doc_id, d.source_path, d.committee, d.meeting_date, d.doc_date,
            coalesce(year(d.meeting_date), year(d.doc_date),
                TRY_CAST(regexp_extract(d.dnr, ?, 1) AS INTEGER)) AS y
        FROM v_documents_canonical AS d
        ORDER BY coalesce(d.meeting_date, d.doc_date), d.source_path
        """,
        [rf"({PRINTED_YEAR})\s*$"],  # a dnr's year at its end: "KS 2015/123-2015"
    ).fetchall()
    registered = con.execute(
        "SELECT year, committee, series, decided FROM expected_decisions"
    ).fetchall()
    dated = {(str(c), d) for _, c, _, d in registered if d is not None}
    keyed = {(int(y), str(c), str(s)) for y, c, s, _ in registered}
    have = {
        (str(c), d)
        for c, m, t in con.execute(
            "SELECT committee, meeting_date, doc_date FROM v_documents_canonical"
        ).fetchall()
        for d in (m, t)
        if d is not None
    }
    out: list[Suggestion] = []
    for doc_id, path, committee, meeting, doc_date, year in docs:
        pages = con.execute(
            "SELECT page_no, coalesce(clean_text, text, '') FROM pages WHERE doc_id = ? "
            "ORDER BY page_no",
            [doc_id],
        ).fetchall()
        own = [d for d in (meeting, doc_date) if isinstance(d, dt.date)]
        refs = find_references(
            [(int(p), str(t)) for p, t in pages],
            own_committee=committee,
            own_dates=own,
            default_year=year,
        )
        for r in refs:
            who = r.decider or committee
            series = _series_of(r.subject or r.evidence, patterns)
            years = _YEAR.findall(r.subject or "")
            for_year = int(years[0]) if years else r.year
            is_registered = (who, r.date) in dated or (
                for_year is not None and (for_year, str(who), series) in keyed
            )
            out.append(
                Suggestion(
                    doc_id=doc_id,
                    source_path=path,
                    reference=r,
                    year=for_year,
                    committee=who,
                    series=series,
                    registered=is_registered,
                    in_archive=r.date is not None and (str(who), r.date) in have,
                )
            )
    return out


def suggestion_rows(found: list[Suggestion]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The suggestions as a table for the terminal."""
    cols = [
        "document",
        "page",
        "kind",
        "decider",
        "when",
        "suggested",
        "registered",
        "in_archive",
        "evidence",
    ]
    rows = [
        (
            s.source_path,
            s.reference.page_no,
            s.reference.kind,
            s.committee or "",
            s.reference.when + (f" {s.reference.paragraph}" if s.reference.paragraph else ""),
            f"{s.year or '?'} {s.series}",
            "yes" if s.registered else "no",
            "yes" if s.in_archive else "no",
            s.reference.evidence,
        )
        for s in found
    ]
    return cols, rows


def register_lines(found: list[Suggestion]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The suggestions not yet registered, as register lines (columns of the CSV files)."""
    cols = list(REGISTER_COLUMNS)
    rows = [tuple(s.register_line()[c] for c in cols) for s in found if not s.registered]
    return cols, rows
