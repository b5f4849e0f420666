"""The `namnd` command: a thin click layer that parses options, calls a stage and prints."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from pipeline.config import Settings
from pipeline.errors import NamndError

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


@main.command()
@click.option("--raw", type=click.Path(path_type=Path), help=RAW_HELP)
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: CPU count)."
)
@click.option("--force", is_flag=True, help="Redo every stage of every file, ignoring caches.")
@click.option(
    "--prune", is_flag=True, help="Delete rows of documents whose file is gone from raw/."
)
@click.option(
    "--rebuild-warehouse",
    is_flag=True,
    help="Recreate the warehouse from extracted/ (no OCR is redone).",
)
@click.option("--plain", is_flag=True, help="Plain progress lines even on a terminal.")
@friendly_errors
def run(
    raw: Path | None,
    db: Path | None,
    jobs: int | None,
    force: bool,
    prune: bool,
    rebuild_warehouse: bool,
    plain: bool,
) -> None:
    """Process new or changed files and load them into the warehouse.

    Only files that are new, changed, or were processed by an older pipeline version are
    read; text already extracted is reused from extracted/. Exit status: 0 when every file
    loaded, 1 when any failed (the others are still loaded), 2 for usage or setup problems.

    \b
    Example:
      namnd run --raw raw/ --db warehouse/namnd.duckdb --jobs 2
    """
    from pipeline.run.progress import make_progress
    from pipeline.run.recipe import run as run_pipeline

    extra: dict[str, Any] = {"force": force, "prune": prune, "rebuild_warehouse": rebuild_warehouse}
    if jobs:
        extra["jobs"] = jobs
    settings = Settings.from_env(raw, db, **extra)
    if not settings.raw_dir.is_dir():
        raise click.UsageError(f"input folder {settings.raw_dir} does not exist")
    with make_progress(force_plain=plain) as progress:
        summary = run_pipeline(settings, progress)
    _print_summary(summary, settings)
    sys.exit(summary.exit_code)


def _print_summary(s: Any, settings: Settings) -> None:
    pages = s.pages_by_source
    conf = s.mean_ocr_confidence
    lines = [
        f"files: {s.ok} ok, {s.partial} partial, {s.failed} failed, {s.unsupported} unsupported, "
        f"{s.up_to_date} up to date",
        f"pages: {pages.get('text-layer', 0)} text layer, {pages.get('ocr', 0)} OCR, "
        f"{pages.get('transcript', 0)} transcript"
        + (f"; mean OCR confidence {conf:.1f}" if conf is not None else "")
        + f"; {s.pages_read} PDF page(s) read this run",
    ]
    for path, reason in s.failures:
        lines.append(f"  failed: {path}: {reason}")
    for path, page_no, why in s.doubtful_pages:
        lines.append(f"  doubtful page: {path} p.{page_no} ({why})")
    for sk in s.skipped:
        lines.append(f"  skipped: {sk.source_path}: {sk.reason}")
    if s.removed:
        lines.append(
            f"  {len(s.removed)} document(s) no longer in {settings.raw_dir}; rows kept "
            "(use --prune to delete them)"
        )
    if s.pruned:
        lines.append(f"  pruned {s.pruned} document(s) no longer in {settings.raw_dir}")
    if s.overrides is not None:
        lines += s.overrides.lines()
    lines.append(f"warehouse: {settings.db_path}  ({s.elapsed_s:.1f} s)")
    click.echo("\n".join(lines))


@main.command()
@click.option("--raw", type=click.Path(path_type=Path), help=RAW_HELP)
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option("--failed", "only_failed", is_flag=True, help="Only failed and partial files.")
@friendly_errors
def status(raw: Path | None, db: Path | None, only_failed: bool) -> None:
    """Per file: new / changed / up to date / failed (with the reason) / unsupported / removed.

    \b
    Example:
      namnd status --failed
    """
    from pipeline.run.status import file_statuses

    settings = Settings.from_env(raw, db)
    if not settings.raw_dir.is_dir():
        raise click.UsageError(f"input folder {settings.raw_dir} does not exist")
    rows = file_statuses(settings)
    if only_failed:
        rows = [r for r in rows if r.state in ("failed", "partial")]
    width = max((len(r.source_path) for r in rows), default=10)
    for r in rows:
        detail = f"  {r.detail}" if r.detail else ""
        click.echo(f"{r.state:<12} {r.source_path:<{width}}{detail}")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.state] = counts.get(r.state, 0) + 1
    click.echo(", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no files")
    from pipeline.run.status import changes_since_last_run

    for line in changes_since_last_run(settings).lines():
        click.echo(line)
    states = _correction_states(settings)
    if states:
        click.echo(_states_summary(states))
        for st in states:
            if st.state in ("stale", "matching nothing", "invalid"):
                click.echo(f"  {st.state}: {st.override.describe()}" + _detail(st.detail))


def _correction_states(settings: Settings) -> list[Any]:
    from pipeline import warehouse

    if not settings.db_path.exists():
        return warehouse.correction_states(None, settings.overrides_dir)
    con = warehouse.connect_read(settings.db_path)
    try:
        return warehouse.correction_states(con, settings.overrides_dir)
    finally:
        con.close()


_STATE_ORDER = ("applied", "stale", "matching nothing", "pending", "invalid")


def _states_summary(states: list[Any]) -> str:
    counts = {k: sum(1 for s in states if s.state == k) for k in _STATE_ORDER}
    shown = [f"{counts[k]} {k}" for k in _STATE_ORDER if counts[k] or k in _STATE_ORDER[:3]]
    return "corrections: " + ", ".join(shown)


def _detail(detail: str) -> str:
    return f" — {detail}" if detail else ""


@main.command()
@click.argument("sql")
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@friendly_errors
def query(sql: str, db: Path | None, fmt: str) -> None:
    """Run a read-only SQL query against the warehouse.

    \b
    Example:
      namnd query "SELECT fund_type, year, sum(total_sek) FROM v_funding_by_district_year GROUP BY ALL"
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
    click.echo(format_rows(cols, rows, fmt), nl=False)


def _plain(v: Any) -> Any:
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    return v


def format_rows(cols: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    """Rows as an aligned text table, CSV or JSON (a list of objects)."""
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(cols, map(_plain, r), strict=True)) for r in rows],
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
    if fmt == "csv":
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows([[_cell(v) for v in r] for r in rows])
        return buf.getvalue()
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [min(len(r[i]), 60) for r in cells]) for i, c in enumerate(cols)]
    out = [
        " | ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)),
        "-+-".join("-" * w for w in widths),
    ]
    for r in cells:
        out.append(" | ".join(_clip(c, w).ljust(w) for c, w in zip(r, widths, strict=True)))
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cell(v: Any) -> str:
    v = _plain(v)
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    return str(v).replace("\n", " ")


def _clip(s: str, w: int) -> str:
    return s if len(s) <= w else s[: w - 1] + "…"


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option(
    "--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True
)
@friendly_errors
def export(out_dir: Path, db: Path | None, fmt: str) -> None:
    """Write every table and view to OUT_DIR, one file each.

    \b
    Example:
      namnd export exports/ --format csv
    """
    from pipeline import warehouse

    settings = Settings.from_env(None, db)
    paths = warehouse.export(settings.db_path, out_dir, fmt)  # type: ignore[arg-type]
    click.echo(f"wrote {len(paths)} files to {out_dir}")


@main.command(name="eval")
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


@main.command()
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


@main.command()
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
    states = _correction_states(settings)
    if not states:
        click.echo(f"no corrections in {settings.overrides_dir}")
        return
    width = max(len(st.state) for st in states)
    for st in states:
        click.echo(
            f"{st.override.override_id[:8]}  {st.state:<{width}}  {st.override.describe()}"
            + _detail(st.detail)
        )
    click.echo(_states_summary(states))


if __name__ == "__main__":  # pragma: no cover
    main()
