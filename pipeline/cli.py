"""The `namnd` command: a thin click layer that parses options, calls a stage and prints.

The group (`main`, the console script's entry point) lives here; the subcommands live in
``pipeline.commands`` by group (`running`: run, status; `read`: query, export, schema;
`quality`: eval, coverage; `corrections`: correct, corrections) and are added below.
"""

from __future__ import annotations

import click

from pipeline.commands.common import DB_HELP, RAW_HELP, friendly_errors
from pipeline.commands.corrections import correct, corrections
from pipeline.commands.links import links
from pipeline.commands.quality import coverage, eval_cmd
from pipeline.commands.read import export, query, schema
from pipeline.commands.review import review
from pipeline.commands.running import run, status

__all__ = ["DB_HELP", "RAW_HELP", "friendly_errors", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="namndarkiv")
def main() -> None:
    """namndarkiv: committee decisions on FoU money, from PDFs to a DuckDB warehouse.

    \b
    Typical use:
      namnd run                       # process new files in raw/ into warehouse/namnd.duckdb
      namnd status                    # what the next run would do, and what failed
      namnd query "SELECT * FROM v_funding_by_district_year"
    """


for _command in (
    run,
    status,
    query,
    export,
    schema,
    eval_cmd,
    correct,
    corrections,
    coverage,
    links,
    review,
):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
