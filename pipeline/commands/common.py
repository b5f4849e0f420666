"""What every `namnd` subcommand shares: the help texts of the common options, the error
wrapper that turns known errors into one line on stderr, and the corrections' state lines
(shown by `status` and `corrections`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from pipeline.config import Settings
from pipeline.errors import NamndError

__all__ = [
    "DB_HELP",
    "RAW_HELP",
    "correction_states",
    "detail_suffix",
    "friendly_errors",
    "states_summary",
]

F = TypeVar("F", bound=Callable[..., Any])

RAW_HELP = "Input folder, scanned recursively (default: raw/, or $NAMND_RAW)."
DB_HELP = "Warehouse file (default: warehouse/namnd.duckdb, or $NAMND_DB)."


def friendly_errors(fn: F) -> F:
    """Turn known errors into one line on stderr and their exit code (no stack trace)."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NamndError as exc:
            click.echo(f"namnd: {exc.message}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


def correction_states(settings: Settings) -> list[Any]:
    from pipeline import warehouse

    if not settings.db_path.exists():
        return warehouse.correction_states(None, settings.overrides_dir)
    con = warehouse.connect_read(settings.db_path)
    try:
        return warehouse.correction_states(con, settings.overrides_dir)
    finally:
        con.close()


_STATE_ORDER = ("applied", "stale", "matching nothing", "pending", "invalid")


def states_summary(states: list[Any]) -> str:
    counts = {k: sum(1 for s in states if s.state == k) for k in _STATE_ORDER}
    shown = [f"{counts[k]} {k}" for k in _STATE_ORDER if counts[k] or k in _STATE_ORDER[:3]]
    return "corrections: " + ", ".join(shown)


def detail_suffix(detail: str) -> str:
    return f" — {detail}" if detail else ""
