"""Every warehouse document as an :class:`~pipeline.evaluate.schema.Annotation`, read-only and
tolerant of missing tables or columns (the contract's tables, CONTRACT.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline.evaluate.schema import (
    METADATA_FIELDS,
    Amount,
    Annotation,
    Criterion,
    Decision,
    EvalError,
    Project,
    Signatory,
)

# --------------------------------------------------------------------------------------------
# Warehouse


@dataclass(frozen=True)
class WarehouseDocument:
    doc_id: str
    source_path: str
    annotation: Annotation
    text: str
    clean_text: str = ""  # the pages' clean_text (after repair), "" when not understood


class _Reader:
    """Read-only access to the contract tables, tolerating missing tables or columns."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.warnings: list[str] = []
        rows = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'main'"
        ).fetchall()
        self.columns: dict[str, set[str]] = {}
        for table, column in rows:
            self.columns.setdefault(str(table), set()).add(str(column))

    def rows(self, table: str, columns: Sequence[str]) -> list[dict[str, Any]]:
        if table not in self.columns:
            self.warnings.append(f"table {table} is missing; treated as empty")
            return []
        have = self.columns[table]
        absent = [c for c in columns if c not in have]
        if absent:
            self.warnings.append(f"{table} lacks columns {absent}; treated as NULL")
        exprs = [f'"{c}"' if c in have else f'NULL AS "{c}"' for c in columns]
        order = " ORDER BY rowid" if self._has_rowid(table) else ""
        result = self.con.execute(f'SELECT {", ".join(exprs)} FROM "{table}"{order}').fetchall()
        return [dict(zip(columns, row, strict=True)) for row in result]

    def _has_rowid(self, table: str) -> bool:
        try:
            self.con.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
        except duckdb.Error:
            return False
        return True


def _grouped(
    rows: Iterable[dict[str, Any]], key: str = "doc_id"
) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(str(row[key]), []).append(row)
    return groups


def _int(value: object) -> int | None:
    if value is None:
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def read_warehouse(db_path: Path) -> tuple[list[WarehouseDocument], list[str]]:
    """Every document in the warehouse as an Annotation, plus warnings about missing tables."""
    if not db_path.is_file():
        raise EvalError(f"warehouse {db_path} does not exist; run `namnd run` first or pass --db")
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise EvalError(f"cannot open warehouse {db_path} read-only: {exc}") from exc
    try:
        reader = _Reader(con)
        if "documents" not in reader.columns:
            raise EvalError(f"warehouse {db_path} has no documents table; is it a namnd warehouse?")
        documents = reader.rows("documents", ("doc_id", "source_path", *METADATA_FIELDS))
        decisions = _grouped(reader.rows("decisions", ("doc_id", "item_no", "text")))
        signatories = _grouped(reader.rows("signatories", ("doc_id", "name", "role")))
        amounts = _grouped(reader.rows("amounts", ("doc_id", "sek", "kind", "fund_type", "year")))
        criteria = _grouped(
            reader.rows("criteria", ("doc_id", "fund_type", "year", "position", "text", "kind"))
        )
        projects = _grouped(
            reader.rows(
                "projects",
                (
                    "project_id",
                    "doc_id",
                    "name",
                    "fund_type",
                    "year",
                    "status",
                    "amount_sek",
                    "performer",
                    "end_date",
                ),
            )
        )
        names = {
            str(r["district_id"]): str(r["name"])
            for r in reader.rows("districts", ("district_id", "name"))
            if r["name"] is not None
        }

        def district_name(row: dict[str, Any]) -> str | None:
            return names.get(str(row["district_id"])) or _str(row["name_as_printed"])

        project_districts: dict[str, set[str]] = {}
        for row in reader.rows(
            "project_districts", ("project_id", "district_id", "name_as_printed")
        ):
            if (name := district_name(row)) is not None:
                project_districts.setdefault(str(row["project_id"]), set()).add(name)
        mentions: dict[str, set[str]] = {}
        for row in reader.rows("district_mentions", ("doc_id", "district_id", "name_as_printed")):
            if (name := district_name(row)) is not None:
                mentions.setdefault(str(row["doc_id"]), set()).add(name)
        pages = _grouped(reader.rows("pages", ("doc_id", "page_no", "text", "clean_text")))
    finally:
        con.close()

    result = []
    for doc in documents:
        doc_id = str(doc["doc_id"])
        annotation = Annotation(
            metadata={name: _str(doc[name]) for name in METADATA_FIELDS},
            decisions=tuple(
                Decision(_int(r["item_no"]), str(r["text"]))
                for r in decisions.get(doc_id, [])
                if r["text"]
            ),
            signatories=tuple(
                Signatory(str(r["name"]), _str(r["role"]))
                for r in signatories.get(doc_id, [])
                if r["name"]
            ),
            amounts=tuple(
                Amount(sek, _str(r["kind"]), _str(r["fund_type"]), _int(r["year"]))
                for r in amounts.get(doc_id, [])
                if (sek := _int(r["sek"])) is not None
            ),
            projects=tuple(
                Project(
                    name=str(r["name"]),
                    districts=frozenset(project_districts.get(str(r["project_id"]), ())),
                    fund_type=_str(r["fund_type"]),
                    year=_int(r["year"]),
                    status=_str(r["status"]),
                    amount_sek=_int(r["amount_sek"]),
                    performer=_str(r["performer"]),
                    end_date=_str(r["end_date"]),
                )
                for r in projects.get(doc_id, [])
                if r["name"]
            ),
            criteria=tuple(
                Criterion(
                    text=str(r["text"]),
                    fund_type=_str(r["fund_type"]),
                    year=_int(r["year"]),
                    position=_int(r["position"]),
                    kind=_str(r["kind"]),
                )
                for r in criteria.get(doc_id, [])
                if r["text"]
            ),
            districts_mentioned=frozenset(mentions.get(doc_id, ())),
        )
        doc_pages = sorted(pages.get(doc_id, []), key=lambda r: _int(r["page_no"]) or 0)
        text = "\n".join(str(r["text"] or "") for r in doc_pages)
        clean = "\n".join(str(r.get("clean_text") or r["text"] or "") for r in doc_pages)
        result.append(
            WarehouseDocument(doc_id, str(doc["source_path"] or ""), annotation, text, clean)
        )
    return result, reader.warnings
