"""The review queue: every project, amount and criterion of the warehouse, in the order an
analyst should look at them.

Order: values that a check flags first (`pipeline/sql/checks`: a row that names the value's
key, or its document with the same fund and year), then values whose confidence is below
`LOW_CONFIDENCE` by rising confidence, then the rest in a shuffled order that stays the same
from request to request (by a digest of the key), so that reviewing from the top samples
them at random. The order does not depend on what was reviewed; the page skips what is done.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import duckdb

from pipeline.review.store import fingerprint
from pipeline.warehouse.migrate import check_queries
from pipeline.warehouse.override_apply import CorrectionState

#: Values below this confidence are reviewed before the random sample (facts' confidences
#: are 0.5-0.95 on the samples; 0.8 puts the rule-of-thumb reads first).
LOW_CONFIDENCE = 0.8

KINDS: dict[str, tuple[str, str]] = {
    # table -> (field label, key column)
    "projects": ("project", "project_id"),
    "amounts": ("amount", "amount_id"),
    "criteria": ("criterion", "criterion_id"),
}

_SQL = {
    "projects": """
        SELECT p.*, p.name AS value_text, d.source_path, d.media_type,
               pg.text_source AS page_source,
               (SELECT string_agg(pd.name_as_printed, ', ' ORDER BY pd.district_id)
                  FROM project_districts pd WHERE pd.project_id = p.project_id) AS districts
        FROM projects p JOIN documents d USING (doc_id)
        LEFT JOIN pages pg ON pg.doc_id = p.doc_id AND pg.page_no = p.page_no""",
    "amounts": """
        SELECT a.*, a.raw AS value_text, d.source_path, d.media_type,
               pg.text_source AS page_source
        FROM amounts a JOIN documents d USING (doc_id)
        LEFT JOIN pages pg ON pg.doc_id = a.doc_id AND pg.page_no = a.page_no""",
    "criteria": """
        SELECT c.*, c.text AS value_text, d.source_path, d.media_type,
               pg.text_source AS page_source
        FROM criteria c JOIN documents d USING (doc_id)
        LEFT JOIN pages pg ON pg.doc_id = c.doc_id AND pg.page_no = c.page_no""",
}


@dataclass
class Item:
    """One value to review."""

    table: str
    key: str
    field: str  # project | amount | criterion
    row: dict[str, Any]
    checks: list[str] = dc_field(default_factory=list)  # names of the checks that flag it
    accepted: bool = False  # accepted, and unchanged since
    corrections: list[CorrectionState] = dc_field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return str(self.row["doc_id"])

    @property
    def value(self) -> str:
        return str(self.row.get("value_text") or "")

    @property
    def confidence(self) -> float:
        c = self.row.get("confidence")
        return 1.0 if c is None else float(c)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.row, self.table)

    @property
    def box(self) -> tuple[float, float, float, float] | None:
        b = [self.row.get(c) for c in ("box_x0", "box_y0", "box_x1", "box_y1")]
        if any(v is None for v in b):
            return None
        return (float(b[0]), float(b[1]), float(b[2]), float(b[3]))  # type: ignore[arg-type]

    @property
    def box_page(self) -> int:
        """The page the evidence box is on (the value's page unless found elsewhere)."""
        return int(self.row.get("box_page") or self.row["page_no"])

    @property
    def from_pdf(self) -> bool:
        return self.row.get("media_type") == "application/pdf"

    @property
    def reviewed(self) -> bool:
        return self.accepted or any(c.state in ("applied", "pending") for c in self.corrections)

    @property
    def status(self) -> str:
        if any(c.state == "pending" for c in self.corrections):
            return "correction pending"
        if any(c.state == "stale" for c in self.corrections):
            return "correction stale"
        if any(c.state == "applied" for c in self.corrections):
            return "corrected"
        return "accepted" if self.accepted else "to review"


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _flags(con: duckdb.DuckDBPyConnection) -> list[tuple[str, dict[str, Any]]]:
    """(check name, row) for every row any check returns."""
    out: list[tuple[str, dict[str, Any]]] = []
    for name, sql in check_queries().items():
        try:
            out += [(name, r) for r in _rows(con, sql)]
        except duckdb.Error:
            continue  # a check over a table this warehouse lacks is no reason to fail
    return out


def _flagged(item: Item, flags: list[tuple[str, dict[str, Any]]]) -> list[str]:
    hit: list[str] = []
    key_col = KINDS[item.table][1]
    for name, r in flags:
        if key_col in r:
            match = r[key_col] == item.key
        elif "doc_id" in r:
            match = r["doc_id"] == item.doc_id and all(
                r[c] == item.row.get(c) for c in ("fund_type", "year") if c in r
            )
        else:
            match = False
        if match and name not in hit:
            hit.append(name)
    return hit


def _shuffle_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def order_key(item: Item) -> tuple[int, float, str]:
    if item.checks:
        return (0, item.confidence, item.key)
    if item.confidence < LOW_CONFIDENCE:
        return (1, item.confidence, item.key)
    return (2, 0.0, _shuffle_key(item.key))


def load_items(
    con: duckdb.DuckDBPyConnection,
    accepted: dict[tuple[str, str], str],
    corrections: list[CorrectionState],
) -> list[Item]:
    """Every value of the warehouse as a queue item, in queue order."""
    by_key: dict[tuple[str, str], list[CorrectionState]] = {}
    for c in corrections:
        table = c.override.table
        key = c.override.key.split("|")[0] if table == "project_districts" else c.override.key
        by_key.setdefault(("projects" if table == "project_districts" else table, key), []).append(
            c
        )
    flags = _flags(con)
    items: list[Item] = []
    for table, sql in _SQL.items():
        label, key_col = KINDS[table]
        for row in _rows(con, sql):
            item = Item(table, str(row[key_col]), label, row)
            item.checks = _flagged(item, flags)
            item.accepted = accepted.get((table, item.key)) == item.fingerprint
            item.corrections = by_key.get((table, item.key), [])
            items.append(item)
    # corrections of deleted rows: their rows are gone from the warehouse; nothing to show
    items.sort(key=order_key)
    return items


@dataclass(frozen=True)
class Filters:
    doc: str = ""
    year: str = ""
    fund: str = ""
    table: str = ""
    todo: bool = False  # only values not reviewed yet

    def keep(self, item: Item) -> bool:
        r = item.row
        return (
            (not self.doc or item.doc_id == self.doc)
            and (not self.year or str(r.get("year") or "") == self.year)
            and (not self.fund or str(r.get("fund_type") or "") == self.fund)
            and (not self.table or item.table == self.table)
            and (not self.todo or not item.reviewed)
        )

    def query(self) -> str:
        parts = [
            f"{k}={v}"
            for k, v in (
                ("doc", self.doc),
                ("year", self.year),
                ("fund", self.fund),
                ("table", self.table),
            )
            if v
        ]
        if self.todo:
            parts.append("todo=1")
        return "&".join(parts)


def same_sentence(items: list[Item], item: Item) -> list[Item]:
    """The other values read from the same evidence sentence of the same document."""
    ev = item.row.get("evidence")
    if not ev:
        return []
    return [
        o
        for o in items
        if o is not item and o.doc_id == item.doc_id and o.row.get("evidence") == ev
    ]


def progress(items: list[Item]) -> list[dict[str, Any]]:
    """Reviewed / total per document and field."""
    table: dict[tuple[str, str, str], list[int]] = {}
    for it in items:
        k = (it.doc_id, str(it.row.get("source_path") or ""), it.field)
        cell = table.setdefault(k, [0, 0])
        cell[0] += int(it.reviewed)
        cell[1] += 1
    return [
        {"doc_id": d, "source_path": s, "field": f, "reviewed": r, "total": t}
        for (d, s, f), (r, t) in sorted(table.items(), key=lambda kv: (kv[0][1], kv[0][2]))
    ]
