"""Columns a header's words alone do not settle, settled by their neighbours: a names'
column with no header of its own, a unit's column beside the work's, one column of words the
vocabulary does not know beside a district column. Used by :mod:`pipeline.facts.grid_header`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = [
    "ROW_ROLES",
    "GridCell",
    "GridColumn",
    "unheaded_names",
    "unit_beside_name",
    "unnamed_column",
]

ROW_ROLES = ("name", "district", "performer_name")


@dataclass(frozen=True)
class GridCell:
    start: int  # character offset in the line, indentation included
    end: int
    text: str


@dataclass
class GridColumn:
    role: str  # name | district | performer | end | cost | applied | spent | status | year | count | performer_name | ordinal | other
    start: int
    header: str
    multiplier: int = 1


def unheaded_names(columns: list[GridColumn]) -> None:
    """ "Sökt LUM 2013 | Sökt LUM 2014 | Totalt" over rows that begin with their names far to
    the left: money columns only, one of them the money applied for or granted; the names'
    column has no header of its own."""
    roles = {c.role for c in columns}
    if (
        columns[0].start >= _UNHEADED_INDENT
        and roles <= {"cost", "applied", "year"}
        and "applied" in roles
        and not any(r in ROW_ROLES for r in roles)
    ):
        columns.insert(0, GridColumn("name", 0, "", 1))


_UNHEADED_INDENT = 20  # the room a names' column takes left of the first money column

#: a name column of the unit or activity that carries the work, not of the work itself
_UNIT_NAME = re.compile(r"(?:verksamhet|verksamhetsomrade|aktivitet|avdelning|enhet|arbetsplats)")


def unit_beside_name(columns: list[GridColumn]) -> None:
    """ "Verksamhet | Utvecklingsarbete | Beviljas kr": two name columns, one of them the unit
    that carries each row's work; the other names the work, the unit is no part of it."""
    names = [c for c in columns if c.role == "name"]
    if len(names) == 2:
        units = [c for c in names if _UNIT_NAME.fullmatch(fold(c.header).strip())]
        if len(units) == 1:
            units[0].role = "other"


#: headers of a column that comments on a row, never names it
_REMARK_HEADER = re.compile(
    r"(?:kommentar|anmarkning|motivering|bedomning|notering|beslut|status|ovrigt|forslag)"
)


def unnamed_column(columns: list[GridColumn]) -> None:
    """ "Stadsdelsnämnd | Mötesplats | Sökt | Förslag": a district column, one column of
    words the vocabulary does not know and money columns; the words name each row."""
    others = [c for c in columns if c.role == "other"]
    roles = {c.role for c in columns}
    if (
        len(others) == 1
        and not any(c.header.endswith(":") for c in columns)  # "Stadsdel:  Vantör" labels
        and "name" not in roles
        and "performer" not in roles
        and "district" in roles
        and roles & {"cost", "applied"}
        and not _REMARK_HEADER.match(fold(others[0].header))
        # "Statsbidrag 2005" over bare numbers: a money column whose unit the row gives
        and not re.search(rf"\b{YEAR}\b|bidrag|medel|anslag|budget", fold(others[0].header))
        and columns.index(others[0]) == [c.role for c in columns].index("district") + 1
    ):
        others[0].role = "name"
