"""`namnd run` and `namnd status`: process raw/ into the warehouse, and say what the next
run will do."""

from __future__ import annotations

import atexit
import gc
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from pipeline.commands.common import (
    DB_HELP,
    RAW_HELP,
    correction_states,
    detail_suffix,
    friendly_errors,
    states_summary,
)
from pipeline.config import Settings


@click.command()
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
    _exit_without_collecting()
    sys.exit(summary.exit_code)


def _exit_without_collecting() -> None:
    """At this process's exit, no last garbage collection over everything the run imported
    (pandas, pyarrow, DuckDB …): it took 0.15–0.2 s after every run, a tenth of a born-digital
    run's (issue 19). Everything the run writes is closed by then (warehouse windows, cache
    files); Python still flushes stdout and stderr and runs the other exit handlers; objects
    are still freed as their last reference goes. Registered once per process (the tests
    run many commands in one)."""
    global _EXIT_REGISTERED
    if not _EXIT_REGISTERED:
        atexit.register(gc.freeze)
        _EXIT_REGISTERED = True


_EXIT_REGISTERED = False


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
    if getattr(s, "longitudinal", None) is not None:
        lines += s.longitudinal.lines()
    if s.cluster:
        lines.append(
            f"cluster: {s.cluster}: {s.workers} worker(s), {s.workers_lost} lost, "
            f"{s.tasks_retried} task(s) retried"
        )
    lines.append(f"warehouse: {settings.db_path}  ({s.elapsed_s:.1f} s)")
    click.echo("\n".join(lines))
    for u in s.unmatched_overrides:
        click.echo(f"override matches nothing: {u}", err=True)


@click.command()
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
    from pipeline.commands.links import status_lines

    for line in status_lines(settings):  # failed checks, links to review
        click.echo(line)
    states = correction_states(settings)
    if states:
        click.echo(states_summary(states))
        for st in states:
            if st.state in ("stale", "matching nothing", "invalid"):
                click.echo(f"  {st.state}: {st.override.describe()}" + detail_suffix(st.detail))
