"""The `namnd` command: a thin click layer that parses options, calls a stage and prints."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from pipeline.config import Settings
from pipeline.errors import NamndError
from pipeline.output import FORMATS, format_rows
from pipeline.output import cell as _cell

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
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Also retry files that failed before although their bytes did not change.",
)
@click.option("--plain", is_flag=True, help="Plain progress lines even on a terminal.")
@click.option(
    "--scheduler",
    envvar="NAMND_SCHEDULER",
    metavar="ADDRESS",
    help="Run the tasks on a Dask cluster: its scheduler's address (tcp://HOST:8786), or "
    "'local' for a LocalCluster of --jobs workers ($NAMND_SCHEDULER).",
)
@click.option(
    "--extracted",
    type=click.Path(path_type=Path),
    help="Cache folder, shared by every worker on a cluster (default: extracted/ beside "
    "warehouse/, or $NAMND_EXTRACTED).",
)
@friendly_errors
def run(
    raw: Path | None,
    db: Path | None,
    jobs: int | None,
    force: bool,
    prune: bool,
    rebuild_warehouse: bool,
    retry_failed: bool,
    plain: bool,
    scheduler: str | None,
    extracted: Path | None,
) -> None:
    """Process new or changed files and load them into the warehouse.

    Only files that are new, changed, or were processed by an older pipeline version are
    read; text already extracted is reused from extracted/; a renamed file only gets its new
    path. A file that failed is retried when its bytes change (or with --retry-failed);
    until then the summary lists it as "still failing".

    Progress and warnings go to stderr, the summary to stdout. Exit status: 0 when every
    file read this run loaded (old, unchanged failures do not count), 1 when any failed (the
    others are still loaded), 2 for usage or setup problems.

    \b
    Examples:
      namnd run --raw raw/ --db warehouse/namnd.duckdb --jobs 2
      namnd run --scheduler tcp://10.0.0.1:8786 --raw /shared/raw --extracted /shared/extracted
    """
    from pipeline.run.progress import make_progress
    from pipeline.run.recipe import run as run_pipeline

    extra: dict[str, Any] = {
        "force": force,
        "prune": prune,
        "rebuild_warehouse": rebuild_warehouse,
        "retry_failed": retry_failed,
    }
    if jobs:
        extra["jobs"] = jobs
    settings = Settings.from_env(raw, db, **extra)
    if extracted:
        settings = replace(settings, extracted_dir=extracted)
    if scheduler:  # workers see the same absolute paths on the shared storage
        settings = replace(
            settings,
            scheduler=scheduler,
            raw_dir=settings.raw_dir.absolute(),
            extracted_dir=settings.extracted_dir.absolute(),
        )
    if not settings.raw_dir.is_dir():
        raise click.UsageError(f"input folder {settings.raw_dir} does not exist")
    with make_progress(force_plain=plain) as progress:
        summary = run_pipeline(settings, progress)
    _print_summary(summary, settings)
    sys.exit(summary.exit_code)


def _print_summary(s: Any, settings: Settings) -> None:
    """The run's result on stdout; what needs someone's attention on stderr."""
    from pipeline.run.plan import count_words, still_failing_line

    pages = s.pages_by_source
    conf = s.mean_ocr_confidence
    lines = [
        f"files: {s.ok} ok, {s.partial} partial, {s.failed} failed, {s.unsupported} unsupported, "
        f"{s.up_to_date} up to date",
    ]
    plan = s.plan
    if plan is not None:
        lines.append(f"this run: {count_words(plan) or 'nothing new'}")
    lines.append(
        f"pages: {pages.get('text-layer', 0)} text layer, {pages.get('ocr', 0)} OCR, "
        f"{pages.get('transcript', 0)} transcript"
        + (f"; mean OCR confidence {conf:.1f}" if conf is not None else "")
        + f"; {s.pages_read} PDF page(s) read this run"
    )
    if plan is not None:
        for f, old in plan.renamed:
            lines.append(f"  renamed: {old} -> {f.source_path} (same bytes; not read again)")
        rules: dict[str, int] = {}
        for why in plan.why.values():
            if why.kind == "rules changed":
                rules[why.detail] = rules.get(why.detail, 0) + 1
        for detail, n in sorted(rules.items()):
            lines.append(f"  {n} file(s) {detail}")
    for path, reason in s.failures:
        lines.append(f"  failed: {path}: {reason}")
    if plan is not None:
        for f, attempt in plan.still_failing:
            lines.append(f"  still failing: {f.source_path}: {still_failing_line(attempt)}")
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
    if s.cluster:
        lines.append(
            f"cluster: {s.cluster}: {s.workers} worker(s), {s.workers_lost} lost, "
            f"{s.tasks_retried} task(s) retried"
        )
    lines.append(f"warehouse: {settings.db_path}  ({s.elapsed_s:.1f} s)")
    click.echo("\n".join(lines))
    for u in s.unmatched_overrides:
        click.echo(f"override matches nothing: {u}", err=True)


@main.command()
@click.option("--raw", type=click.Path(path_type=Path), help=RAW_HELP)
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option("--failed", "only_failed", is_flag=True, help="Only failed and partial files.")
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Show what `namnd run --retry-failed` would do with files that failed before.",
)
@friendly_errors
def status(raw: Path | None, db: Path | None, only_failed: bool, retry_failed: bool) -> None:
    """Per file, what the next run will do and why: new / changed / renamed / outdated (rules
    changed: which stage) / up to date / failed or partial (with the reason) / unsupported /
    duplicate / skipped / removed. The table goes to stdout, warnings to stderr.

    \b
    Example:
      namnd status --failed
    """
    from pipeline.run.status import file_statuses

    settings = Settings.from_env(raw, db)
    if not settings.raw_dir.is_dir():
        raise click.UsageError(f"input folder {settings.raw_dir} does not exist")
    rows = file_statuses(settings, retry_failed=retry_failed)
    if only_failed:
        rows = [r for r in rows if r.state in ("failed", "partial")]
    width = max((len(r.source_path) for r in rows), default=10)
    for r in rows:
        detail = f"  {r.detail}" if r.detail else ""
        click.echo(f"{r.state:<12} {r.source_path:<{width}}{detail}".rstrip())
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


@main.command()
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


@main.command()
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


@main.command()
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


_COVERAGE_STYLE = {
    "complete": "green",
    "incomplete": "bold red",
    "partial": "yellow",
    "known gap": "magenta",
    "no expectation recorded": "dim",
    "not expected": "dim",
}


@main.command()
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


if __name__ == "__main__":  # pragma: no cover
    main()
