"""``namnd review``: the review page (pipeline/review/)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.commands.common import DB_HELP, RAW_HELP, friendly_errors
from pipeline.config import Settings


@click.command()
@click.option(
    "--port", type=int, default=8765, show_default=True, help="Port on 127.0.0.1 (0: any free one)."
)
@click.option("--no-browser", is_flag=True, help="Print the URL only; do not open a browser.")
@click.option("--raw", type=click.Path(path_type=Path), help=RAW_HELP)
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@friendly_errors
def review(port: int, no_browser: bool, raw: Path | None, db: Path | None) -> None:
    """Review extracted values in the browser, beside the page they were read from.

    Serves a local page on 127.0.0.1: a queue (failed checks first, then low confidence,
    then a random sample), each value with its evidence and a crop of its page. Keys: a
    accept, e edit, d delete, s skip, u undo, j/k next/previous. Corrections are written to
    warehouse/overrides/ as `namnd correct` writes them and take effect at the next run.

    \b
    Example:
      namnd review --port 8765 --no-browser
    """
    from pipeline.review.app import ReviewSettings
    from pipeline.review.server import serve

    settings = Settings.from_env(raw, db)
    serve(
        ReviewSettings(settings.db_path, settings.raw_dir, settings.overrides_dir),
        port,
        open_browser=not no_browser,
        say=click.echo,
    )
