"""The districts dimension, loaded from the gazetteer CSV files in ``pipeline/data/``.

``districts.csv``: district_id,name,kind,valid_from,valid_to,successor_id,source
``district_aliases.csv``: alias,district_id

Lines whose first cell starts with "#" are comments. Dates are ISO (``2020-01-01``) or a bare year (``2020`` = 1 January for valid_from,
31 December for valid_to); empty cells are NULL. The tables are replaced only when the
files' combined hash differs from the one recorded in ``warehouse_meta``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.warehouse.migrate import first_row, utcnow

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DISTRICTS_CSV = DATA_DIR / "districts.csv"
ALIASES_CSV = DATA_DIR / "district_aliases.csv"

DISTRICT_COLUMNS = (
    "district_id",
    "name",
    "kind",
    "valid_from",
    "valid_to",
    "successor_id",
    "source",
)
ALIAS_COLUMNS = ("alias", "district_id")
_META_KEY = "districts_sha256"


class DistrictDataError(ValueError):
    """A gazetteer file is malformed (the message names file, line and problem)."""


@dataclass(frozen=True)
class DistrictRow:
    district_id: str
    name: str
    kind: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_id: str | None
    source: str | None


def _cell(row: dict[str, str | None], col: str) -> str | None:
    value = (row.get(col) or "").strip()
    return value or None


def _date(value: str | None, *, end: bool, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DistrictDataError(f"{where}: {value!r} is not a date (YYYY-MM-DD or YYYY)") from None


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str | None]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DistrictDataError(f"{path}: missing column(s) {', '.join(missing)}")
        out = []
        for row in reader:
            first = (row.get(reader.fieldnames[0]) or "").lstrip() if reader.fieldnames else ""
            if first.startswith("#") or not any((v or "").strip() for v in row.values()):
                continue  # comment or blank line
            out.append((reader.line_num, row))
        return out


def read_districts(path: Path) -> list[DistrictRow]:
    out: list[DistrictRow] = []
    seen: set[str] = set()
    for line, row in _rows(path, DISTRICT_COLUMNS[:2]):
        where = f"{path.name}:{line}"
        district_id, name = _cell(row, "district_id"), _cell(row, "name")
        if not district_id or not name:
            raise DistrictDataError(f"{where}: district_id and name are required")
        if district_id in seen:
            raise DistrictDataError(f"{where}: district_id {district_id!r} appears twice")
        seen.add(district_id)
        out.append(
            DistrictRow(
                district_id=district_id,
                name=name,
                kind=_cell(row, "kind"),
                valid_from=_date(_cell(row, "valid_from"), end=False, where=where),
                valid_to=_date(_cell(row, "valid_to"), end=True, where=where),
                successor_id=_cell(row, "successor_id"),
                source=_cell(row, "source"),
            )
        )
    return out


def read_aliases(path: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for line, row in _rows(path, ALIAS_COLUMNS):
        alias, district_id = _cell(row, "alias"), _cell(row, "district_id")
        if not alias or not district_id:
            raise DistrictDataError(f"{path.name}:{line}: alias and district_id are required")
        out.append((alias, district_id))
    return out


def data_hash(districts_csv: Path, aliases_csv: Path) -> str:
    h = hashlib.sha256()
    for p in (districts_csv, aliases_csv):
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.is_file() else b"<missing>")
    return h.hexdigest()


def load_districts(
    con: duckdb.DuckDBPyConnection,
    districts_csv: Path = DISTRICTS_CSV,
    aliases_csv: Path = ALIASES_CSV,
    *,
    force: bool = False,
) -> bool:
    """Replace `districts` and `district_aliases` from the files when they changed.

    Returns True when the tables were (re)loaded. Missing files load as empty tables (the
    gazetteer may not exist yet); a malformed file raises DistrictDataError and leaves the
    tables as they were.
    """
    digest = data_hash(districts_csv, aliases_csv)
    row = first_row(con.execute("SELECT value FROM warehouse_meta WHERE key = ?", [_META_KEY]))
    if row and row[0] == digest and not force:
        return False
    districts = read_districts(districts_csv) if districts_csv.is_file() else []
    aliases = read_aliases(aliases_csv) if aliases_csv.is_file() else []
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM district_aliases")
        con.execute("DELETE FROM districts")
        if districts:
            con.executemany(
                "INSERT INTO districts (district_id, name, kind, valid_from, valid_to, "
                "successor_id, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    [
                        d.district_id,
                        d.name,
                        d.kind,
                        d.valid_from,
                        d.valid_to,
                        d.successor_id,
                        d.source,
                    ]
                    for d in districts
                ],
            )
        if aliases:
            con.executemany(
                "INSERT INTO district_aliases VALUES (?, ?)", [list(a) for a in aliases]
            )
        con.execute(
            "INSERT OR REPLACE INTO warehouse_meta VALUES (?, ?, ?)", [_META_KEY, digest, utcnow()]
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True
