"""Every vocabulary and gazetteer the stages read, and the one loader for them.

The files (described in ``README.md`` here): the gazetteer (``districts.csv``,
``district_aliases.csv``, ``orgs.csv``), the cue vocabularies (``cues.csv``,
``amount_roles.csv``; the ``fund`` rows of ``cues.csv`` are the one list of how each fund is
printed), the series of decisions (``decision_series.csv``), the fund types and what each is
(``fund_types.csv``), the criterion concepts (``criterion_concepts.csv``) and the domain
lexicon (``domain_lexicon.tsv``).

One rule for every CSV file, whoever reads it:

* UTF-8, comma separated, RFC 4180 quoting, a header line first;
* a line whose first character (after spaces) is ``#`` is a comment, and blank lines are
  skipped, anywhere in the file (before the header too);
* a date cell is ISO (``2020-01-01``) or a bare year (``2020``: 1 January where the date
  starts something, 31 December where it ends something) — :func:`parse_date`;
* a cell missing at the end of a line reads as empty.

:func:`digest` is the hash that tells the warehouse whether files changed since they were
loaded.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DATA_DIR",
    "DataFileError",
    "Row",
    "digest",
    "parse_date",
    "parse_rows",
    "read_rows",
    "rows",
]

DATA_DIR = Path(__file__).resolve().parent


class DataFileError(ValueError):
    """A data file is malformed; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Row:
    """One data line: its cells by column name, and where it stands (``file:line``)."""

    cells: dict[str, str]
    where: str

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def get(self, column: str, default: str | None = None) -> str | None:
        return self.cells.get(column, default)


def read_rows(path: Path, required: Sequence[str] = ()) -> list[Row]:
    """The data lines of a CSV file (comments and blank lines skipped); `required` columns
    must be in the header."""
    return parse_rows(path.read_text(encoding="utf-8"), path.name, required)


def parse_rows(text: str, name: str, required: Sequence[str] = ()) -> list[Row]:
    """The data lines of a CSV text read from the file `name` (for messages and `where`):
    the one comment rule and header rule of every data file."""
    # comment lines become blank lines, so that line numbers stay those of the file
    lines = ["" if ln.lstrip().startswith("#") else ln for ln in text.splitlines()]
    reader = csv.reader(lines)
    header: list[str] | None = None
    out: list[Row] = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(f"{name}: missing column(s) {', '.join(missing)}")
            continue
        padded = [*cells, *[""] * (len(header) - len(cells))]
        out.append(Row(dict(zip(header, padded, strict=False)), f"{name}:{reader.line_num}"))
    if header is None and required:
        raise DataFileError(f"{name}: no header line")
    return out


def rows(name: str, required: Sequence[str] = ()) -> list[Row]:
    """The data lines of ``pipeline/data/<name>``."""
    return read_rows(DATA_DIR / name, required)


def parse_date(value: str | None, *, end: bool = False, where: str = "") -> dt.date | None:
    """A date cell: ISO or a bare year (1 January, or 31 December with `end`); empty: None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        prefix = f"{where}: " if where else ""
        raise DataFileError(f"{prefix}{value!r} is not a date (YYYY-MM-DD or YYYY)") from None


def digest(paths: Iterable[Path]) -> str:
    """SHA-256 over each file's name and bytes (``<missing>`` for a file that is not there)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.is_file() else b"<missing>")
    return h.hexdigest()
