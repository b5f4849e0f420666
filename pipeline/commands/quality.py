"""`namnd eval` and `namnd coverage`: extraction quality against gold, and what the archive
should hold against what it holds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from pipeline.commands.common import DB_HELP, friendly_errors
from pipeline.config import Settings
from pipeline.errors import NamndError
from pipeline.output import cell as _cell
from pipeline.output import format_rows


@click.command(name="eval")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    required=True,
    help="Folder of gold JSON files (one per document stem).",
)
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option(
    "--json",
    "json_out",
    type=click.Path(path_type=Path),
    help="Also write the full report as JSON here.",
)
@friendly_errors
def eval_cmd(gold_dir: Path, db: Path | None, json_out: Path | None) -> None:
    """Extraction quality against gold annotations: precision, recall, F1 per field.

    \b
    Example:
      namnd eval --gold tests/gold --json eval.json
    """
    from pipeline.evaluate import evaluate, format_report

    settings = Settings.from_env(None, db)
    if not settings.db_path.exists():
        raise NamndError(f"warehouse {settings.db_path} does not exist; run `namnd run` first")
    report = evaluate(gold_dir, settings.db_path)
    click.echo(format_report(report))
    if json_out:
        json_out.write_text(report.to_json(), encoding="utf-8")


_COVERAGE_STYLE = {
    "complete": "green",
    "incomplete": "bold red",
    "partial": "yellow",
    "known gap": "magenta",
    "no expectation recorded": "dim",
    "not expected": "dim",
}


@click.command()
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv"]),
    default="table",
    show_default=True,
    help="A table (coloured on a terminal) or CSV.",
)
@click.option(
    "--suggest",
    is_flag=True,
    help="List references to earlier decisions found in the documents, with evidence; "
    "with --format csv, as register lines to accept into warehouse/expected/.",
)
@click.option(
    "--by",
    type=click.Choice(["committee", "template"]),
    default="committee",
    show_default=True,
    help="Group years by committee, or by document generation (template).",
)
@friendly_errors
def coverage(db: Path | None, fmt: str, suggest: bool, by: str) -> None:
    """What the archive should hold, what it holds, and what could not be read.

    A grid of years × committees from v_coverage: decisions expected by the register in
    warehouse/expected/, and how many are present, partial (doubtful or failed pages),
    unreadable, missing or known gaps, with the reading quality behind them. "complete" is
    only ever shown where something was expected.

    \b
    Examples:
      namnd coverage
      namnd coverage --by template
      namnd coverage --suggest
      namnd coverage --suggest --format csv > warehouse/expected/suggested.csv
    """
    from pipeline import warehouse
    from pipeline.warehouse import coverage as cov
    from pipeline.warehouse.expected import register_is_current

    settings = Settings.from_env(None, db)
    if not settings.db_path.exists():
        raise NamndError(f"warehouse {settings.db_path} does not exist; run `namnd run` first")
    con = warehouse.connect_read(settings.db_path)
    try:
        stale = not register_is_current(con, settings.expected_dir)
        if suggest:
            found = cov.suggest(con)
            if fmt == "csv":
                cols, rows = cov.register_lines(found)
            else:
                cols, rows = cov.suggestion_rows(found)
            failed: list[tuple[str, str]] = []
            title = "References to earlier decisions"
        else:
            cols, rows = cov.grid(con, by)
            failed = cov.unreadable_files(con)
            title = f"Coverage by year and {by}"
    finally:
        con.close()
    if fmt == "csv" or not sys.stdout.isatty():
        click.echo(format_rows(cols, rows, fmt), nl=False)
    else:
        _rich_table(title, cols, rows)
    if failed and fmt != "csv":
        click.echo(f"{len(failed)} file(s) could not be read and are in no row:")
        for path, error in failed:
            click.echo(f"  {path}: {error}")
    if stale:
        click.echo(
            f"note: the register in {settings.expected_dir} changed since the last run; "
            "`namnd run` loads it",
            err=True,
        )


def _rich_table(title: str, cols: list[str], rows: list[tuple[Any, ...]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for c in cols:
        table.add_column(c, overflow="fold", max_width=70 if c == "evidence" else None)
    k = cols.index("coverage") if "coverage" in cols else None
    for r in rows:
        style = _COVERAGE_STYLE.get(str(r[k])) if k is not None else None
        table.add_row(*(_cell(v) for v in r), style=style)
    Console().print(table)
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
