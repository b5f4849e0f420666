"""Analysts' corrections: ``warehouse/overrides/*.csv`` applied on top of extracted rows.

Each CSV has the header ``table,key,column,value,action,note`` (see
``warehouse/overrides/README.md``). `apply_overrides` reads the files, stores the valid
overrides in ``overrides_applied`` and applies them; `load_document` re-applies the stored
ones for the document it just reloaded, so corrections survive reruns and ``--force``.
Applying is idempotent. An override that matches nothing is reported, never dropped.

This module holds what an override is and reads the files; ``override_match.py`` finds an
override's row, ``override_apply.py`` applies them, ``override_files.py`` edits the files.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import UsageError

HEADER = ("table", "key", "column", "value", "action", "note")
#: The header `namnd correct` writes: `expect` holds the row's name as the analyst saw it.
HEADER_EXPECT = (*HEADER, "expect")
ACTIONS = ("set", "delete", "add")
KEY_SEPARATOR = "|"
DEFAULT_FILE = "corrections.csv"

#: Tables an override may touch and the column(s) its `key` names (composite keys joined by "|").
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "projects": ("project_id",),
    "amounts": ("amount_id",),
    "criteria": ("criterion_id",),
    "project_districts": ("project_id", "district_id"),
    "decisions": ("doc_id", "item_no"),
    "signatories": ("doc_id", "name"),
}
#: Columns a correction may not set: identity, provenance, what every run derives anew
#: (series_id from the linker, confidence_extracted from the checks), and where its evidence
#: is on the page (computed at load: pipeline/warehouse/evidence_boxes.py).
_PROTECTED = {
    "doc_id",
    "origin",
    "series_id",
    "confidence_extracted",
    "box_page",
    "box_x0",
    "box_y0",
    "box_x1",
    "box_y1",
    "box_match",
}

#: The column that names a row, compared with `expect` before an override is applied.
#: Documents have none: a doc_id is the hash of the file's bytes and cannot drift.
LABELS: dict[str, str] = {
    "projects": "name",
    "amounts": "raw",
    "criteria": "text",
    "project_districts": "name_as_printed",
    "decisions": "text",
    "signatories": "name",
}
#: Tables whose rows may be found again by their `expect` name when their key has vanished.
REMATCH = ("projects", "amounts", "criteria", "decisions")
EXPECT_MAX = 80  # longer names are written cut, ending in "…" (matched as a prefix)


@dataclass(frozen=True)
class Override:
    """One line of an overrides file."""

    table: str
    key: str
    column: str | None
    value: str | None
    action: str
    note: str | None = None
    source: str = ""  # "<file>:<line>"
    expect: str | None = None  # the row's name as the analyst saw it (not part of the identity)

    @property
    def override_id(self) -> str:
        """Identity of what the override does (not of its note or position)."""
        ident = json.dumps([self.table, self.key, self.column, self.action, self.value])
        return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]

    def describe(self) -> str:
        what = {
            "set": f"set {self.table}.{self.column} = {self.value!r} where key {self.key!r}",
            "delete": f"delete {self.table} row {self.key!r}",
            "add": f"add {self.table} row {self.key!r}",
        }.get(self.action, f"{self.action} {self.table} {self.key!r}")
        return f"{self.source or '?'}: {what}" + (f" ({self.note})" if self.note else "")

    def __str__(self) -> str:
        return self.describe()


@dataclass
class OverrideReport:
    """What `apply_overrides` did; the CLI prints `lines()`."""

    applied: list[Override] = field(default_factory=list)
    unmatched: list[Override] = field(default_factory=list)
    invalid: list[tuple[Override, str]] = field(default_factory=list)
    retired: list[Override] = field(default_factory=list)  # removed from the files
    needs_reload: set[str] = field(default_factory=set)  # docs to reload to undo retired ones
    stale: list[tuple[Override, str | None]] = field(default_factory=list)  # (override, found)
    rematched: list[tuple[Override, str]] = field(default_factory=list)  # (override, new key)
    unguarded: list[Override] = field(default_factory=list)  # applied without an expect

    def lines(self) -> list[str]:
        out = [
            f"corrections: {len(self.applied)} applied, {len(self.stale)} stale, "
            f"{len(self.unmatched)} matching nothing"
            + (f", {len(self.invalid)} invalid" if self.invalid else "")
        ]
        out += [
            f"  stale, not applied: {o.describe()} — expected {o.expect!r}, found {found!r}"
            for o, found in self.stale
        ]
        out += [
            f"  key gone, matched by its expect name: {o.describe()} — now {key}"
            for o, key in self.rematched
        ]
        out += [f"  matched nothing: {o.describe()}" for o in self.unmatched]
        out += [
            f"  no expect, applied unchecked (fill it with `namnd correct --upgrade`): "
            f"{o.describe()}"
            for o in self.unguarded
        ]
        out += [f"  invalid, not applied: {o.describe()} — {why}" for o, why in self.invalid]
        out += [f"  removed from the files: {o.describe()}" for o in self.retired]
        if self.needs_reload:
            out.append(
                f"  reload to undo removed overrides: {', '.join(sorted(self.needs_reload))}"
            )
        return out


#: the lock file that serialises writers of the overrides folder (`namnd correct`, the review
#: page's tabs): each rewrites a file whole, so two at once would lose a line
LOCK_FILE = ".lock"


@contextlib.contextmanager
def overrides_lock(overrides_dir: Path) -> Iterator[None]:
    """Hold the overrides folder for one read-modify-write (an exclusive ``flock``)."""
    overrides_dir.mkdir(parents=True, exist_ok=True)
    with (overrides_dir / LOCK_FILE).open("a") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


#: Judgements on project links (pipeline/warehouse/series_judgements.py), not corrections of rows.
LINKS_FILE = "project_links.csv"


def correction_files(overrides_dir: Path) -> list[Path]:
    """The corrections files of `overrides_dir`, in name order (every *.csv but LINKS_FILE)."""
    return [p for p in sorted(overrides_dir.glob("*.csv")) if p.name != LINKS_FILE]


def read_overrides(overrides_dir: Path) -> list[Override]:
    """Every override in ``overrides_dir/*.csv``, in file-name then line order.

    Blank lines and lines whose `table` cell starts with "#" are skipped.
    """
    found: list[Override] = []
    if not overrides_dir.is_dir():
        return found
    for path in correction_files(overrides_dir):
        found += read_overrides_file(path)
    return found


def read_overrides_file(path: Path) -> list[Override]:
    """The overrides of one file, in line order."""
    found: list[Override] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ())[: len(HEADER)] != HEADER:
            raise UsageError(f"overrides file {path}: the first line must be {','.join(HEADER)}")
        for row in reader:
            cells = {k: (row.get(k) or "").strip() for k in HEADER}
            if not any(cells.values()) or cells["table"].startswith("#"):
                continue
            found.append(
                Override(
                    table=cells["table"],
                    key=cells["key"],
                    column=cells["column"] or None,
                    value=(row.get("value") or "") or None,
                    action=cells["action"].lower(),
                    note=cells["note"] or None,
                    source=f"{path.name}:{reader.line_num}",
                    expect=(row.get("expect") or "").strip() or None,
                )
            )
    return found
