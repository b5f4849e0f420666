"""The warehouse as the notebooks open it: read-only, or an empty one with the real schema
when the file is missing (so that every notebook runs and says "Ingen data")."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from pipeline.config import REPO_ROOT

if TYPE_CHECKING:  # matplotlib is an optional ("notebooks") dependency
    pass
from pipeline.notebook_support.style import NO_DATA, fmt_int

DEFAULT_DB = "warehouse/namnd.duckdb"


def resolve_db_path(db_path: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file: the argument, else ``$NAMND_DB``, else the default.

    A relative path is taken relative to the repo root, so a notebook (whose kernel runs in
    ``notebooks/``) and a shell in the repo root mean the same file.
    """
    raw = db_path or os.environ.get("NAMND_DB") or DEFAULT_DB
    path = Path(raw).expanduser()
    return path if path.is_absolute() else REPO_ROOT / path


@dataclass
class Warehouse:
    """A read-only connection plus what a reader should know about it."""

    path: Path
    con: duckdb.DuckDBPyConnection
    exists: bool

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a read query and return a DataFrame (empty, with its columns, when no rows)."""
        return self.con.execute(query, params or []).df()

    def count(self, relation: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {relation}").fetchone()
        return int(row[0]) if row else 0

    @property
    def is_empty(self) -> bool:
        return self.count("v_documents_canonical") == 0

    def describe(self) -> str:
        """One line for the top of a notebook: which file, how much is in it, or why nothing."""
        if not self.exists:
            return (
                f"{NO_DATA}: filen {self.path} finns inte. Kör `namnd run` (eller sätt NAMND_DB "
                "till ett befintligt lager). Tabeller och diagram nedan blir tomma."
            )
        if self.is_empty:
            return (
                f"{NO_DATA}: {self.path} har inga inlästa dokument ännu. Kör `namnd run`. "
                "Tabeller och diagram nedan blir tomma."
            )
        n_files, n_decisions = self.count("documents"), self.count("v_documents_canonical")
        n_projects = self.count("v_projects")
        return (
            f"Lager: {self.path} — {fmt_int(n_files)} filer med {fmt_int(n_decisions)} olika "
            f"beslut/dokument och {fmt_int(n_projects)} projekt."
        )

    def close(self) -> None:
        self.con.close()


def open_warehouse(db_path: str | os.PathLike[str] | None = None) -> Warehouse:
    """Open the warehouse read-only; a missing file gives an empty in-memory warehouse.

    An open read-only connection keeps `namnd run` from writing; call ``wh.close()`` (or
    restart the kernel) before the next run.
    """
    from pipeline.warehouse import connect_read

    path = resolve_db_path(db_path)
    if path.is_file():
        return Warehouse(path=path, con=connect_read(path), exists=True)
    con = duckdb.connect(":memory:")
    create_schema(con)
    return Warehouse(path=path, con=con, exists=False)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the warehouse's tables and views (no rows) in `con`, from the package's SQL."""
    from pipeline.warehouse.migrate import install_views, migrate

    migrate(con)
    install_views(con)
