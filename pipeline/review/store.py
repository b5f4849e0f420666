"""What the review page writes: corrections (the overrides files) and acceptances (a reviews
file), both in ``warehouse/overrides/`` and nowhere else, under the folder's lock.

- A correction is one line appended by `add_override`, exactly as `namnd correct` writes it
  (checked against the warehouse, with `expect`), so it takes effect at the next `namnd run`.
- An acceptance is one JSON line in ``reviews.jsonl`` (not ``*.csv``: the overrides reader
  reads every CSV in the folder) with a fingerprint of the value as it was accepted. When a
  rerun changes the value, its fingerprint changes and the value is back in the queue.
- Undo takes back the last action of this server: the override line is removed, or the
  acceptance is withdrawn by a later line (the file is append-only).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline.warehouse.override_files import add_override, remove_override
from pipeline.warehouse.overrides import Override, overrides_lock

REVIEWS_FILE = "reviews.jsonl"

#: The columns whose values an acceptance vouches for, per table.
FINGERPRINT_COLUMNS: dict[str, tuple[str, ...]] = {
    "projects": ("name", "fund_type", "year", "status", "amount_sek", "performer", "end_date"),
    "amounts": ("sek", "raw", "kind", "fund_type", "year", "project_id"),
    "criteria": ("text", "kind", "fund_type", "year", "position"),
}


def fingerprint(row: dict[str, Any], table: str) -> str:
    """A digest of the values an acceptance vouches for."""
    values = [None if row.get(c) is None else str(row[c]) for c in FINGERPRINT_COLUMNS[table]]
    return hashlib.sha256(json.dumps([table, *values]).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Action:
    """One thing the page did, for undo: an override line, or an acceptance."""

    kind: str  # "override" | "accept"
    table: str
    key: str
    override_id: str = ""
    describe: str = ""


class Store:
    """The review page's writes into one overrides folder."""

    def __init__(self, overrides_dir: Path) -> None:
        self.dir = overrides_dir
        self._undo: list[Action] = []
        self._guard = threading.Lock()

    # ------------------------------------------------------------------ reviews file

    @property
    def reviews_path(self) -> Path:
        return self.dir / REVIEWS_FILE

    def _append_review(self, record: dict[str, Any]) -> None:
        record = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **record}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with overrides_lock(self.dir), self.reviews_path.open("a", encoding="utf-8") as fh:
            fh.write(line)

    def accepted(self) -> dict[tuple[str, str], str]:
        """(table, key) -> the fingerprint accepted last (withdrawn acceptances left out)."""
        out: dict[tuple[str, str], str] = {}
        if not self.reviews_path.is_file():
            return out
        for line in self.reviews_path.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
                k = (str(rec["table"]), str(rec["key"]))
            except (ValueError, KeyError, TypeError):
                continue  # a damaged line is skipped, never fatal
            if rec.get("verdict") == "accepted":
                out[k] = str(rec.get("fingerprint"))
            elif rec.get("verdict") == "withdrawn":
                out.pop(k, None)
        return out

    # ------------------------------------------------------------------ actions

    def accept(self, table: str, key: str, print_: str) -> None:
        self._append_review(
            {"table": table, "key": key, "verdict": "accepted", "fingerprint": print_}
        )
        self._push(Action("accept", table, key, describe=f"accepted {table} {key}"))

    def correct(
        self,
        con: duckdb.DuckDBPyConnection,
        table: str,
        key: str,
        column: str,
        value: str,
        action: str,
        note: str,
    ) -> Override:
        """Append one correction as `namnd correct` would (raises UsageError when invalid)."""
        ov = add_override(self.dir, table, key, column, value, action, note, con=con)
        self._push(Action("override", table, key, ov.override_id, ov.describe()))
        return ov

    def _push(self, action: Action) -> None:
        with self._guard:
            self._undo.append(action)

    def undo(self) -> Action | None:
        """Take back the last action of this server; None when there is none."""
        with self._guard:
            if not self._undo:
                return None
            action = self._undo.pop()
        if action.kind == "override":
            remove_override(self.dir, action.override_id)
        else:
            self._append_review({"table": action.table, "key": action.key, "verdict": "withdrawn"})
        return action
