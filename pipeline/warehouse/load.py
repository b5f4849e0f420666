"""Loading documents: one transaction replaces all of a batch of documents' rows, then
re-applies their overrides.

A rerun never duplicates rows because every per-document table is cleared for the doc_id
before the new rows go in; the analysts' overrides for that document are re-applied in the
same transaction, so a reload (or `--force`) never loses a correction.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from pipeline.facts import ids
from pipeline.layout import doc_id_from_sha
from pipeline.records import DocumentResult, DocumentText, Facts, UnderstoodDocument
from pipeline.run.faults import kill_point
from pipeline.warehouse.lexicon import document_rows
from pipeline.warehouse.migrate import PER_DOCUMENT_TABLES, first_row, utcnow
from pipeline.warehouse.override_apply import apply_stored_overrides


def _utc(ts: dt.datetime | None) -> dt.datetime | None:
    if ts is None or ts.tzinfo is None:
        return ts
    return ts.astimezone(dt.UTC).replace(tzinfo=None)


def _json(d: dict[str, Any]) -> str | None:
    return json.dumps(d, ensure_ascii=False, sort_keys=True) if d else None


def criterion_id(doc_id: str, text: str, fund_type: str | None, kind: str) -> str:
    """Id of a document's first criterion with this text, fund and kind (`pipeline.facts.ids`)."""
    return ids.criterion_id(doc_id, text, fund_type, kind)


def legacy_criterion_id(
    doc_id: str, kind: str | None, fund_type: str | None, year: int | None, position: int
) -> str:
    """The positional id migration 0002 back-filled (rows loaded before 0003 keep it)."""
    return f"{doc_id}-{kind or 'x'}-{fund_type or 'x'}-{'x' if year is None else year}-{position}"


# --------------------------------------------------------------------------- rows


def _document_row(
    result: DocumentResult, pipeline_version: str, fingerprint: str | None
) -> dict[str, Any]:
    src, text, und = result.source, result.text, result.understood
    meta = und.meta if und else None
    return {
        "doc_id": src.doc_id,
        "source_path": src.source_path,
        "sha256": src.sha256,
        "media_type": src.media_type,
        "text_source": text.text_source if text else None,
        "n_pages": len(text.pages) if text else None,
        "ocr_confidence": text.ocr_confidence if text else None,
        "committee": meta.committee if meta else None,
        "committee_as_printed": meta.committee_as_printed if meta else None,
        "doc_type": meta.doc_type if meta else None,
        "dnr": meta.dnr if meta else None,
        "dnr_as_printed": meta.dnr_as_printed if meta else None,
        "doc_date": meta.doc_date if meta else None,
        "meeting_date": meta.meeting_date if meta else None,
        "title": meta.title if meta else None,
        "handlaggare": meta.handlaggare if meta else None,
        "pipeline_version": pipeline_version,
        "fingerprint": fingerprint,
        "loaded_at": utcnow(),
        "status": result.status,
        "stage": result.stage,
        "error": result.error,
        "meta_evidence": _json(meta.evidence) if meta else None,
        "meta_confidence": _json(meta.confidence) if meta else None,
        "lexicon_digest": (und.lexicon or None) if und else None,
    }


def _page_rows(
    doc_id: str, text: DocumentText | None, und: UnderstoodDocument | None
) -> list[dict[str, Any]]:
    if text is None:
        return []
    clean = {p.page_no: p.clean_text for p in und.pages} if und else {}
    return [
        {
            "doc_id": doc_id,
            "page_no": p.page_no,
            "text": p.text,
            "clean_text": clean.get(p.page_no),
            "text_source": p.source,
            "ocr_confidence": p.confidence,
            "quality": p.quality,
            "method": p.method or None,
            "retries": p.retries,
            "dict_share": p.dict_share,
            "ink_ratio": p.ink_ratio,
            "rotation": p.rotation,
            "dpi": p.dpi,
            "seconds": p.seconds,
            "n_words": len(p.words),
            "error": p.error,
        }
        for p in text.pages
    ]


def _understood_rows(
    doc_id: str, und: UnderstoodDocument | None
) -> dict[str, list[dict[str, Any]]]:
    if und is None:
        return {}
    return {
        "decisions": [
            {
                "decision_id": ids.decision_id(doc_id, d.item_no),
                "doc_id": doc_id,
                "item_no": d.item_no,
                "text": d.text,
                "page_no": d.page_no,
                "evidence": d.evidence or None,
            }
            for d in und.decisions
        ],
        "signatories": [
            {"doc_id": doc_id, "name": s.name, "role": s.role, "page_no": s.page_no}
            for s in und.signatories
        ],
    }


def _fact_rows(doc_id: str, facts: Facts | None) -> dict[str, list[dict[str, Any]]]:
    if facts is None:
        return {}
    projects, links = [], []
    for p in facts.projects:
        projects.append(
            {
                "project_id": p.project_id,
                "doc_id": doc_id,
                "name": p.name,
                "fund_type": p.fund_type,
                "year": p.year,
                "status": p.status,
                "amount_sek": p.amount_sek,
                "performer": p.performer,
                "end_date": p.end_date,
                "description": p.description,
                "page_no": p.page_no,
                "evidence": p.evidence,
                "confidence": p.confidence,
                "origin": "extracted",
            }
        )
        seen: set[str] = set()
        for d in p.districts:
            if d.district_id in seen:
                continue
            seen.add(d.district_id)
            links.append(
                {
                    "project_id": p.project_id,
                    "district_id": d.district_id,
                    "name_as_printed": d.name_as_printed,
                    "doc_id": doc_id,
                    "origin": "extracted",
                }
            )
    amounts = [
        {
            "amount_id": a.amount_id,
            "doc_id": doc_id,
            "sek": a.sek,
            "raw": a.raw,
            "approximate": a.approximate,
            "kind": a.kind,
            "fund_type": a.fund_type,
            "year": a.year,
            "project_id": a.project_id,
            "page_no": a.page_no,
            "evidence": a.evidence,
            "confidence": a.confidence,
            "origin": "extracted",
        }
        for a in facts.amounts
    ]
    criteria = []
    cids = ids.criterion_ids(doc_id, [(c.text, c.fund_type, c.kind) for c in facts.criteria])
    for c, cid in zip(facts.criteria, cids, strict=True):
        criteria.append(
            {
                "criterion_id": cid,
                "doc_id": doc_id,
                "fund_type": c.fund_type,
                "year": c.year,
                "position": c.position,
                "text": c.text,
                "kind": c.kind,
                "page_no": c.page_no,
                "evidence": c.evidence,
                "confidence": c.confidence,
                "origin": "extracted",
            }
        )
    mentions = [
        {
            "doc_id": doc_id,
            "district_id": m.district_id,
            "name_as_printed": m.name_as_printed,
            "page_no": m.page_no,
            "confidence": m.confidence,
        }
        for m in facts.mentions
    ]
    return {
        "projects": projects,
        "project_districts": links,
        "amounts": amounts,
        "criteria": criteria,
        "district_mentions": mentions,
    }


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """All `rows` in one statement, through an Arrow table (DuckDB reads it without copying)."""
    if not rows:
        return
    import pyarrow as pa

    cols = list(rows[0])
    batch = pa.Table.from_pydict({c: [r[c] for r in rows] for c in cols})
    name = f"_load_{table}"
    con.register(name, batch)  # replaces an earlier one of the same name
    quoted = ", ".join(f'"{c}"' for c in cols)
    con.execute(f'INSERT INTO "{table}" ({quoted}) SELECT {quoted} FROM "{name}"')
    con.unregister(name)  # not after a failed INSERT: the aborted transaction refuses it


def _delete_document_rows(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    for table in PER_DOCUMENT_TABLES:
        con.execute(f'DELETE FROM "{table}" WHERE list_contains(?::VARCHAR[], doc_id)', [doc_ids])


def _document_tables(
    result: DocumentResult, pipeline_version: str, fingerprint: str | None
) -> dict[str, list[dict[str, Any]]]:
    doc_id = result.source.doc_id
    tables: dict[str, list[dict[str, Any]]] = {
        "documents": [_document_row(result, pipeline_version, fingerprint)],
        "pages": _page_rows(doc_id, result.text, result.understood),
        "domain_terms": document_rows(doc_id, result.text, result.understood),
        **_understood_rows(doc_id, result.understood),
        **_fact_rows(doc_id, result.facts),
    }
    # imported here: its geometry needs numpy, which a run with nothing to load never does
    from pipeline.warehouse.evidence_boxes import add_boxes

    add_boxes(tables, result.text, doc_id)  # where on its page each value was read
    return {t: tables.get(t, []) for t in PER_DOCUMENT_TABLES}


# --------------------------------------------------------------------------- API


def load_document(
    con: duckdb.DuckDBPyConnection,
    result: DocumentResult,
    pipeline_version: str,
    fingerprint: str | None = None,
) -> None:
    """Replace every row of `result`'s document, then re-apply its overrides; one transaction.

    Works for failed documents too (`text`/`understood`/`facts` may be None): the documents
    row then records status and error with whatever is known.
    """
    _load(con, [result], [], pipeline_version, fingerprint)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    results: list[DocumentResult],
    pipeline_version: str,
    fingerprint: str | None = None,
) -> None:
    """Load a batch of finished files in ONE transaction: every ok or partial document's rows
    replaced (one DELETE and one Arrow INSERT per table for the whole batch), its overrides
    re-applied, and one ingest_log row per file. A run killed inside leaves the warehouse as
    it was before the batch: whole documents only.
    """
    latest = {r.source.doc_id: r for r in results}  # a document twice: its last result
    docs = [r for r in latest.values() if r.status in ("ok", "partial")]
    _load(con, docs, results, pipeline_version, fingerprint)


def _load(
    con: duckdb.DuckDBPyConnection,
    docs: list[DocumentResult],
    attempts: list[DocumentResult],
    pipeline_version: str,
    fingerprint: str | None,
) -> None:
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in PER_DOCUMENT_TABLES}
    for r in docs:
        for table, rows in _document_tables(r, pipeline_version, fingerprint).items():
            tables[table].extend(rows)
    con.execute("BEGIN TRANSACTION")
    try:
        _delete_document_rows(con, [r.source.doc_id for r in docs])
        for table in reversed(PER_DOCUMENT_TABLES):  # documents first, then its children
            _insert(con, table, tables[table])
        for r in docs:
            apply_stored_overrides(con, doc_id=r.source.doc_id)
            kill_point("load")  # crash-safety tests only: dies here, mid-transaction
        _log_attempts(con, attempts, pipeline_version)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _log_attempts(
    con: duckdb.DuckDBPyConnection, results: list[DocumentResult], pipeline_version: str
) -> None:
    if not results:
        return
    con.executemany(
        "INSERT INTO ingest_log (source_path, sha256, status, stage, error, started_at, "
        "finished_at, pipeline_version, doc_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                r.source.source_path,
                r.source.sha256,
                r.status,
                r.stage,
                r.error,
                _utc(r.started_at),
                _utc(r.finished_at),
                pipeline_version,
                doc_id_from_sha(r.source.sha256) if r.source.sha256 else None,
            ]
            for r in results
        ],
    )


def log_attempt(
    con: duckdb.DuckDBPyConnection,
    *,
    source_path: str,
    sha256: str | None,
    status: str,
    stage: str | None,
    error: str | None,
    started_at: dt.datetime | None,
    finished_at: dt.datetime | None,
    pipeline_version: str,
) -> None:
    """Append one ingest_log row (one per file and run attempt)."""
    con.execute(
        "INSERT INTO ingest_log (source_path, sha256, status, stage, error, started_at, "
        "finished_at, pipeline_version, doc_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            source_path,
            sha256,
            status,
            stage,
            error,
            _utc(started_at),
            _utc(finished_at),
            pipeline_version,
            doc_id_from_sha(sha256) if sha256 else None,
        ],
    )


def prune(con: duckdb.DuckDBPyConnection, keep_doc_ids: set[str]) -> int:
    """Delete every document not in `keep_doc_ids` with all its rows; return how many."""
    keep = sorted(keep_doc_ids)
    row = first_row(
        con.execute(
            "SELECT count(*) FROM documents WHERE NOT list_contains(?::VARCHAR[], doc_id)", [keep]
        )
    )
    n = int(row[0]) if row else 0
    con.execute("BEGIN TRANSACTION")
    try:
        for table in PER_DOCUMENT_TABLES:
            con.execute(
                f'DELETE FROM "{table}" WHERE NOT list_contains(?::VARCHAR[], doc_id)', [keep]
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n
