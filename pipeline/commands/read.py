"""`namnd query`, `namnd export` and `namnd schema`: read the warehouse."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.commands.common import DB_HELP, friendly_errors
from pipeline.config import Settings
from pipeline.errors import NamndError
from pipeline.output import FORMATS, format_rows


@click.command()
@click.argument("sql")
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="table",
    show_default=True,
    help="table: aligned, long values wrapped in their column; markdown: a pipe table.",
)
@click.option("--wide", is_flag=True, help="Table with one line per row: nothing wrapped.")
@friendly_errors
def query(sql: str, db: Path | None, fmt: str, wide: bool) -> None:
    """Run a read-only SQL query against the warehouse. Values are never cut: long ones wrap
    inside their column (or use --wide, --format markdown/csv/json); NULL shows as nothing.

    \b
    Example:
      namnd query "SELECT fund_type, year, sum(total_sek) FROM v_funding_by_district_year GROUP BY ALL"
      namnd query "SELECT name, evidence FROM v_projects" --format markdown
    """
    import duckdb

    from pipeline import warehouse

    settings = Settings.from_env(None, db)
    con = warehouse.connect_read(settings.db_path)
    try:
        try:
            cur = con.execute(sql)
        except duckdb.Error as exc:
            msg = str(exc).splitlines()[0]
            if "read-only" in msg or "read only" in msg:
                msg = f"the warehouse is opened read-only by `namnd query`; {msg}"
            raise NamndError(f"query failed: {msg}") from None
        cols = [d[0] for d in cur.description or []]
        rows = cur.fetchall()
    finally:
        con.close()
    click.echo(format_rows(cols, rows, fmt, wide=wide), nl=False)


@click.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv", "xlsx"]),
    default="parquet",
    show_default=True,
    help="xlsx: one Excel workbook per view and table.",
)
@click.option(
    "--excel",
    is_flag=True,
    help="CSV for Excel with Swedish settings: UTF-8 with BOM, ';' between fields, decimal comma.",
)
@friendly_errors
def export(out_dir: Path, db: Path | None, fmt: str, excel: bool) -> None:
    """Write the analysts' views to OUT_DIR and the raw tables to OUT_DIR/tables/, one file
    each, with a README.txt saying which is which and what one row of each means.

    \b
    Examples:
      namnd export exports/                 # Parquet
      namnd export exports/ --excel         # CSV that Excel opens with å/ä/ö intact
      namnd export exports/ --format xlsx
    """
    from pipeline import warehouse

    if excel and fmt not in ("parquet", "csv"):
        raise click.UsageError("--excel writes CSV; leave out --format xlsx")
    settings = Settings.from_env(None, db)
    paths = warehouse.export(settings.db_path, out_dir, "excel-csv" if excel else fmt)  # type: ignore[arg-type]
    n_tables = sum(1 for p in paths if p.parent.name == "tables" and p.parent.parent == out_dir)
    click.echo(
        f"wrote {len(paths) - n_tables} views to {out_dir} and {n_tables} tables to "
        f"{out_dir / 'tables'}; {out_dir / 'README.txt'} says which is which"
    )


@click.command()
@click.argument("name", required=False)
@friendly_errors
def schema(name: str | None) -> None:
    """Every table, view and macro with what one row means; with NAME, its columns and types.

    Taken from the SQL files themselves (the header comment of each view, the grain of each
    table in pipeline/sql/tables.sql, the comment after each column in the migrations).

    \b
    Examples:
      namnd schema
      namnd schema v_funding_by_district_year
    """
    from pipeline.warehouse import schema as dictionary

    if name is None:
        click.echo(dictionary.render_list(), nl=False)
    else:
        click.echo(dictionary.render_object(dictionary.find(name)), nl=False)
