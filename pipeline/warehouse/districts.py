"""The districts dimension, loaded from the gazetteer CSV files in ``pipeline/data/``.

``districts.csv``: district_id,name,kind,valid_from,valid_to,successor_id,source
``district_aliases.csv``: alias,district_id

Read with the one data loader (``pipeline.data``): comment lines (``#``) and blank lines are
skipped, dates are ISO (``2020-01-01``) or a bare year (``2020`` = 1 January for valid_from,
31 December for valid_to); empty cells are NULL. The tables are replaced only when the
files' combined hash differs from the one recorded in ``warehouse_meta``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.data import DATA_DIR, DataFileError, Row, digest, parse_date, read_rows
from pipeline.warehouse.migrate import files_unchanged, replace_tables

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


#: A gazetteer file is malformed (the message names file, line and problem).
DistrictDataError = DataFileError


@dataclass(frozen=True)
class DistrictRow:
    district_id: str
    name: str
    kind: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_id: str | None
    source: str | None


def _cell(row: Row, col: str) -> str | None:
    value = (row.get(col) or "").strip()
    return value or None


def read_districts(path: Path) -> list[DistrictRow]:
    out: list[DistrictRow] = []
    seen: set[str] = set()
    for row in read_rows(path, DISTRICT_COLUMNS[:2]):
        where = row.where
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
                valid_from=parse_date(_cell(row, "valid_from"), where=where),
                valid_to=parse_date(_cell(row, "valid_to"), end=True, where=where),
                successor_id=_cell(row, "successor_id"),
                source=_cell(row, "source"),
            )
        )
    return out


def read_aliases(path: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for row in read_rows(path, ALIAS_COLUMNS):
        alias, district_id = _cell(row, "alias"), _cell(row, "district_id")
        if not alias or not district_id:
            raise DistrictDataError(f"{row.where}: alias and district_id are required")
        out.append((alias, district_id))
    return out


def data_hash(districts_csv: Path, aliases_csv: Path) -> str:
    return digest([districts_csv, aliases_csv])


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
    if files_unchanged(con, _META_KEY, digest) and not force:
        return False
    districts = read_districts(districts_csv) if districts_csv.is_file() else []
    aliases = read_aliases(aliases_csv) if aliases_csv.is_file() else []
    rows: list[list[object]] = [
        [d.district_id, d.name, d.kind, d.valid_from, d.valid_to, d.successor_id, d.source]
        for d in districts
    ]
    replace_tables(
        con,
        {"district_aliases": [list(a) for a in aliases], "districts": rows},
        _META_KEY,
        digest,
    )
    return True
