"""The expectations register: which decisions the archive should hold (warehouse/expected/).

Analysts keep ``warehouse/expected/*.csv`` (format in that folder's README): one line per
decision that should exist for a year, committee and series — or that is known not to exist
(``known_gap``, with its reason) or not to be expected (``not_expected``). The register and the
series vocabulary (``pipeline/data/decision_series.csv``) are copied into the warehouse
(`expected_decisions`, `decision_series`) whenever their files change; `v_coverage` compares
them with the documents that are there.

A malformed line stops the load with one message naming the file, line and problem; the
tables then keep their previous contents.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline import data
from pipeline.data import DATA_DIR, read_rows
from pipeline.errors import NamndError
from pipeline.lang.numbers import MAX_PRINTED_YEAR, MIN_PRINTED_YEAR
from pipeline.warehouse.migrate import files_unchanged, replace_tables

SERIES_CSV = DATA_DIR / "decision_series.csv"

REGISTER_COLUMNS = (
    "year",
    "committee",
    "series",
    "status",
    "decided",
    "dnr",
    "file",
    "source_kind",
    "source",
    "evidence",
    "reason",
    "note",
)
REQUIRED = ("year", "committee", "series", "status")
STATUSES = ("expected", "not_expected", "known_gap")
SOURCE_KINDS = ("agenda", "reference", "practice", "document", "")
_META_KEY = "expected_sha256"
_SERIES_KEY = "decision_series_sha256"


class RegisterError(NamndError):
    """A line of the expectations register or the series file cannot be read."""

    exit_code = 2


@dataclass(frozen=True)
class Series:
    series: str
    label: str
    fund_types: tuple[str, ...]
    title_pattern: str | None
    position: int
    description: str


@dataclass(frozen=True)
class Expectation:
    year: int
    committee: str
    series: str
    status: str
    decided: dt.date | None
    dnr: str | None
    file: str | None
    source_kind: str | None
    source: str | None
    evidence: str | None
    reason: str | None
    note: str | None
    origin: str

    @property
    def expectation_id(self) -> str:
        """Identity from content, so that a line moved within or between files keeps it."""
        key = "\0".join(
            [
                str(self.year),
                self.committee,
                self.series,
                self.decided.isoformat() if self.decided else "",
                self.dnr or "",
                self.file or "",
                self.evidence or "",
            ]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def read_series(path: Path = SERIES_CSV) -> list[Series]:
    """The series vocabulary, in order of trial."""
    out: list[Series] = []
    for i, row in enumerate(read_rows(path), start=1):
        name = (row.get("series") or "").strip()
        if not name:
            raise RegisterError(f"{row.where}: empty series name")
        out.append(
            Series(
                series=name,
                label=(row.get("label") or name).strip(),
                fund_types=tuple(f for f in (row.get("fund_types") or "").split("|") if f),
                title_pattern=(row.get("title_pattern") or "").strip() or None,
                position=i,
                description=(row.get("description") or "").strip(),
            )
        )
    return out


def _register_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.csv")) if directory.is_dir() else []


def read_register(directory: Path, known_series: set[str] | None = None) -> list[Expectation]:
    """Every line of ``directory/*.csv`` (file-name order, then line order)."""
    known = known_series if known_series is not None else {s.series for s in read_series()}
    out: list[Expectation] = []
    for path in _register_files(directory):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = tuple(reader.fieldnames or ())
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise RegisterError(
                    f"{path.name}:1: header lacks {', '.join(missing)}; expected "
                    f"{','.join(REGISTER_COLUMNS)}"
                )
            for row in reader:
                where = f"{path.name}:{reader.line_num}"
                if (row.get("year") or "").lstrip().startswith("#"):
                    continue
                out.append(_expectation(row, where, known))
    return out


def _expectation(row: dict[str, str | None], where: str, known: set[str]) -> Expectation:
    def cell(name: str) -> str | None:
        v = (row.get(name) or "").strip()
        return v or None

    for name in REQUIRED:
        if cell(name) is None:
            raise RegisterError(f"{where}: {name} is empty")
    year_text = cell("year") or ""
    if not (year_text.isdigit() and MIN_PRINTED_YEAR <= int(year_text) <= MAX_PRINTED_YEAR):
        raise RegisterError(f"{where}: year {year_text!r} is not a year like 2015")
    series = cell("series") or ""
    if series not in known:
        raise RegisterError(
            f"{where}: unknown series {series!r}; one of {', '.join(sorted(known))} "
            "(pipeline/data/decision_series.csv)"
        )
    status = cell("status") or ""
    if status not in STATUSES:
        raise RegisterError(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
    if status != "expected" and not cell("reason"):
        raise RegisterError(f"{where}: a {status} line needs a reason")
    kind = cell("source_kind") or ""
    if kind not in SOURCE_KINDS:
        raise RegisterError(
            f"{where}: source_kind {kind!r} is not one of {', '.join(k for k in SOURCE_KINDS if k)}"
        )
    decided: dt.date | None = None
    if cell("decided"):
        try:
            decided = dt.date.fromisoformat(cell("decided") or "")
        except ValueError:
            raise RegisterError(f"{where}: decided {cell('decided')!r} is not YYYY-MM-DD") from None
    return Expectation(
        year=int(year_text),
        committee=cell("committee") or "",
        series=series,
        status=status,
        decided=decided,
        dnr=cell("dnr"),
        file=cell("file"),
        source_kind=kind or None,
        source=cell("source"),
        evidence=cell("evidence"),
        reason=cell("reason"),
        note=cell("note"),
        origin=where,
    )


def load_series(con: duckdb.DuckDBPyConnection, series_csv: Path = SERIES_CSV) -> bool:
    """Replace `decision_series` from the vocabulary file when it changed (True if so)."""
    digest = data.digest([series_csv])
    if files_unchanged(con, _SERIES_KEY, digest):
        return False
    rows: list[list[object]] = [
        [s.series, s.label, list(s.fund_types), s.title_pattern, s.position, s.description]
        for s in read_series(series_csv)
    ]
    replace_tables(con, {"decision_series": rows}, _SERIES_KEY, digest)
    return True


def load_expected(
    con: duckdb.DuckDBPyConnection,
    directory: Path,
    series_csv: Path = SERIES_CSV,
    *,
    force: bool = False,
) -> bool:
    """Replace `expected_decisions` from ``directory/*.csv`` when the files changed.

    Returns True when the table was (re)loaded; raises RegisterError (table unchanged) for a
    malformed line. A missing folder is an empty register.
    """
    load_series(con, series_csv)
    digest = data.digest([series_csv, *_register_files(directory)])
    if files_unchanged(con, _META_KEY, digest) and not force:
        return False
    register = check_register(directory, series_csv)
    rows: list[list[object]] = [
        [
            e.expectation_id,
            e.year,
            e.committee,
            e.series,
            e.status,
            e.decided,
            e.dnr,
            e.file,
            e.source_kind,
            e.source,
            e.evidence,
            e.reason,
            e.note,
            e.origin,
        ]
        for e in register
    ]
    replace_tables(con, {"expected_decisions": rows}, _META_KEY, digest)
    return True


def register_is_current(
    con: duckdb.DuckDBPyConnection, directory: Path, series_csv: Path = SERIES_CSV
) -> bool:
    """Whether the warehouse holds the register as its files are now (else `namnd run`)."""
    return files_unchanged(con, _META_KEY, data.digest([series_csv, *_register_files(directory)]))


def check_register(directory: Path, series_csv: Path = SERIES_CSV) -> list[Expectation]:
    """The register, read and checked (RegisterError on the first bad line)."""
    register = read_register(directory, {s.series for s in read_series(series_csv)})
    ids: dict[str, str] = {}
    for e in register:
        if e.expectation_id in ids:
            raise RegisterError(f"{e.origin}: the same expectation as {ids[e.expectation_id]}")
        ids[e.expectation_id] = e.origin
    return register
