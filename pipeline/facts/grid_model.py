"""The rows and tables a column-laid-out table is read into (by :mod:`pipeline.facts.grid`):
each row's text per column role and its money, the table's columns, Summa row and subtotals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.facts.grid_header import GridColumn
from pipeline.facts.text_units import dehyphen_join

__all__ = ["GridRow", "GridTable"]


@dataclass
class GridRow:
    """One row: the text of each column (wrapped lines joined), and its money."""

    cells: dict[str, list[str]]
    first_line: int
    last_line: int
    page_no: int
    evidence: str
    amount: int | None = None
    amount_raw: str | None = None
    amount_approx: bool = False
    amount_line: int | None = None
    multi_year: bool = False  # the row sums its years' sums in a "Summa" line of its own
    applied: int | None = None  # an "Ansökt belopp" column
    applied_raw: str | None = None
    applied_line: int | None = None
    #: the row's other money cells (a second year's grant; money spent or paid back):
    #: (kronor, raw, line, year, kind)
    extra: list[tuple[int, str, int, int | None, str]] = field(default_factory=list)
    #: the row's sum came from a "Totalt" column after the years: (kronor, raw, approximate,
    #: year) of the year's cell it replaced
    instalment: tuple[int, str, bool, int | None] | None = None
    amount_year: int | None = None  # the year its money column names ("2015")
    verdict: str | None = None  # a decision line under the row ("Beviljas: 12 000 kr")

    def text(self, role: str) -> str:
        return dehyphen_join(self.cells.get(role, []))


@dataclass
class GridTable:
    header_line: int
    columns: list[GridColumn]
    rows: list[GridRow] = field(default_factory=list)
    last_line: int = 0
    total: int | None = None
    total_raw: str | None = None
    total_line: int | None = None
    total_evidence: str = ""
    applied_total: int | None = None  # the Summa row's cell in the "Ansökt belopp" column
    applied_total_raw: str | None = None
    #: the Summa row's other money cells: (kronor, raw, kind, the column's year)
    total_extra: list[tuple[int, str, str, int | None]] = field(default_factory=list)
    #: "Summa <group>" rows inside the table: (kronor, raw, line, evidence)
    subtotals: list[tuple[int, str, int, str]] = field(default_factory=list)
    ruled: bool = False  # rows separated by drawn borders

    @property
    def roles(self) -> list[str]:
        return [c.role for c in self.columns]
