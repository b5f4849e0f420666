"""Project series, the analysts' link judgements: ``warehouse/overrides/project_links.csv``.

One line a judgement (``same`` / ``different``, keyed by two project ids, with the names
they had as ``expect_a`` / ``expect_b``): `read_judgements` reads them, `record_judgement`
appends one (`namnd links same|different`), `check_judgement` says why one no longer
applies (orphaned). `warehouse.series` applies them over the score on every run.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.errors import UsageError
from pipeline.warehouse.overrides import LINKS_FILE
from pipeline.warehouse.series_pairs import Mention, name_key

LINKS_HEADER = ("a", "b", "judgement", "expect_a", "expect_b", "note", "recorded_at")


@dataclass(frozen=True)
class Judgement:
    a: str
    b: str
    judgement: str  # same | different
    expect_a: str | None
    expect_b: str | None
    note: str
    source: str  # "project_links.csv:<line>"


# --------------------------------------------------------------------------- judgements


def read_judgements(overrides_dir: Path) -> list[Judgement]:
    """The analysts' link judgements; a malformed line is a UsageError naming it."""
    path = overrides_dir / LINKS_FILE
    if not path.exists():
        return []
    out: list[Judgement] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ())[:3] != LINKS_HEADER[:3]:
            raise UsageError(f"{path}: the first line must be {','.join(LINKS_HEADER)}")
        for row in reader:
            a, b = (row.get("a") or "").strip(), (row.get("b") or "").strip()
            judgement = (row.get("judgement") or "").strip().lower()
            if not a or a.startswith("#"):
                continue
            if judgement not in ("same", "different") or not b:
                raise UsageError(
                    f"{path.name}:{reader.line_num}: needs two project ids and the "
                    f"judgement 'same' or 'different', got {judgement!r}"
                )
            out.append(
                Judgement(
                    a,
                    b,
                    judgement,
                    (row.get("expect_a") or "").strip() or None,
                    (row.get("expect_b") or "").strip() or None,
                    (row.get("note") or "").strip(),
                    f"{path.name}:{reader.line_num}",
                )
            )
    return out


def record_judgement(
    overrides_dir: Path,
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    judgement: str,
    note: str = "",
) -> Judgement:
    """Append one judgement (checked against the warehouse, with both names as `expect`)."""
    names = dict(
        con.execute(
            "SELECT project_id, name FROM projects WHERE project_id IN (?, ?)", [a, b]
        ).fetchall()
    )
    for pid in (a, b):
        if pid not in names:
            raise UsageError(f"no project {pid!r} in the warehouse; see `namnd links`")
    if a == b:
        raise UsageError("give two different project ids")
    path = overrides_dir / LINKS_FILE
    overrides_dir.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        if new:
            w.writerow(LINKS_HEADER)
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        w.writerow([a, b, judgement, names[a], names[b], note, now])
    return Judgement(a, b, judgement, names[a], names[b], note, f"{LINKS_FILE}:new")


def check_judgement(j: Judgement, by_id: dict[str, Mention]) -> str:
    """'' when the judgement applies, else why it is orphaned."""
    for pid, expect in ((j.a, j.expect_a), (j.b, j.expect_b)):
        m = by_id.get(pid)
        if m is None:
            return f"no project {pid} any more"
        if expect and name_key(expect) != m.key:
            return f"project {pid} is now {m.name!r}, the judgement was about {expect!r}"
    return ""
