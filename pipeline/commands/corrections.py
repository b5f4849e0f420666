"""`namnd correct` and `namnd corrections`: analysts' corrections in warehouse/overrides/."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.commands.common import (
    DB_HELP,
    correction_states,
    detail_suffix,
    friendly_errors,
    states_summary,
)
from pipeline.config import Settings


@click.command()
@click.argument(
    "table",
    type=click.Choice(
        ["documents", "projects", "amounts", "criteria", "project_districts", "decisions"]
    ),
    required=False,
)
@click.argument("key", required=False)
@click.argument("column", required=False)
@click.argument("value", required=False)
@click.option("--delete", is_flag=True, help="Delete the row with this key.")
@click.option("--add", "add_json", help="Add a row: a JSON object of its columns.")
@click.option("--note", default="", help="Why; kept with the correction.")
@click.option(
    "--upgrade",
    is_flag=True,
    help="Fill `expect` in every overrides file from the warehouse (and move keys that were "
    "matched again by name to their new id).",
)
@click.option("--undo", "undo", metavar="ID", help="Remove one correction (id or file:line).")
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@friendly_errors
def correct(
    table: str | None,
    key: str | None,
    column: str | None,
    value: str | None,
    delete: bool,
    add_json: str | None,
    note: str,
    upgrade: bool,
    undo: str | None,
    db: Path | None,
) -> None:
    """Record an analyst's correction in warehouse/overrides/ (applied on every run).

    The key and column are checked against the warehouse first; an unknown key is refused
    with the closest ones. The row's name is written in the `expect` column, so the
    correction is not applied if a later run finds another row under that key.

    \b
    Examples:
      namnd correct projects 3f2a…-p-1c9e07aa amount_sek 450000 --note "per bilaga 1"
      namnd correct amounts 3f2a…-a-5b0d2e41 --delete --note "not an amount"
      namnd correct --undo 8e1f2c3d           # an id from `namnd corrections`
      namnd correct --upgrade                 # fill expect in old files
    """
    from pipeline import warehouse

    settings = Settings.from_env(None, db)
    if undo:
        ov = warehouse.remove_override(settings.overrides_dir, undo)
        click.echo(f"removed {ov.describe()}")
        click.echo("run `namnd run` to restore the extracted value")
        return
    if upgrade:
        con = warehouse.connect_read(settings.db_path)
        try:
            n, problems = warehouse.upgrade_files(con, settings.overrides_dir)
        finally:
            con.close()
        click.echo(f"upgraded {n} line(s) in {settings.overrides_dir}")
        for p in problems:
            click.echo(f"  not upgraded: {p}", err=True)
        return
    if not table or not key:
        raise click.UsageError("give TABLE and KEY (or --undo ID, or --upgrade)")
    if delete:
        action, column, value = "delete", column or "", ""
    elif add_json:
        action, column, value = "add", column or "", add_json
    else:
        if not column or value is None:
            raise click.UsageError("give COLUMN and VALUE, or --delete, or --add JSON")
        action = "set"
    con = warehouse.connect_read(settings.db_path)
    try:
        ov = warehouse.add_override(
            settings.overrides_dir,
            table,
            key,
            column or "",
            value or "",
            action,
            note,
            con=con,
        )
    finally:
        con.close()
    path = settings.overrides_dir / ov.source.rsplit(":", 1)[0]
    seen = f" (expect {ov.expect!r})" if ov.expect else ""
    click.echo(f"recorded in {path}{seen}; run `namnd run` to apply it")


@click.command()
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@friendly_errors
def corrections(db: Path | None) -> None:
    """Every correction in warehouse/overrides/ with its state at the last run.

    States: applied, stale (the row under the key is not the one the analyst saw; not
    applied), matching nothing, pending (not applied by a run yet), invalid.

    \b
    Example:
      namnd corrections
    """
    settings = Settings.from_env(None, db)
    states = correction_states(settings)
    if not states:
        click.echo(f"no corrections in {settings.overrides_dir}")
        return
    width = max(len(st.state) for st in states)
    for st in states:
        click.echo(
            f"{st.override.override_id[:8]}  {st.state:<{width}}  {st.override.describe()}"
            + detail_suffix(st.detail)
        )
    click.echo(states_summary(states))
