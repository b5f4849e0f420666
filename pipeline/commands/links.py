"""`namnd links`: candidate links between mentions of one project, and the analysts'
judgements on them (warehouse/overrides/project_links.csv). Registered in pipeline/cli.py.

The linker (pipeline/warehouse/series.py) links sure pairs and rejects unlikely ones on
every run; the pairs in between are listed here with their evidence, for an analyst to
judge. A judgement is keyed by the two content-derived project ids, written with both
names as seen (so a later change of either row orphans it instead of misapplying it), and
applied by the next `namnd run`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from pipeline.config import Settings
from pipeline.errors import NamndError
from pipeline.output import format_rows

DB_HELP = "Warehouse file (default: warehouse/namnd.duckdb, or $NAMND_DB)."

_LIST_SQL = """
SELECT l.score, l.decision, l.decided_by,
       l.project_a, pa.name AS name_a, da.source_path AS file_a, pa.page_no AS page_a,
       l.project_b, pb.name AS name_b, db.source_path AS file_b, pb.page_no AS page_b,
       l.evidence
FROM project_links AS l
JOIN projects AS pa ON pa.project_id = l.project_a
JOIN projects AS pb ON pb.project_id = l.project_b
JOIN documents AS da ON da.doc_id = pa.doc_id
JOIN documents AS db ON db.doc_id = pb.doc_id
WHERE l.decision IN ({decisions})
ORDER BY l.score DESC, l.project_a, l.project_b
"""


def _evidence(text: str | None) -> str:
    if not text:
        return ""
    ev: dict[str, Any] = json.loads(text)
    return "; ".join(
        f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in ev.items()
    )


def candidate_rows(con: Any, show: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The pairs to show: 'review' (default), 'same', 'different' or 'all'."""
    wanted = {"all": ("review", "same", "different")}.get(show, (show,))
    sql = _LIST_SQL.format(decisions=", ".join(f"'{w}'" for w in wanted))
    cols = [
        "score",
        "decision",
        "by",
        "a",
        "name_a",
        "where_a",
        "b",
        "name_b",
        "where_b",
        "evidence",
    ]
    rows = [
        (
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            f"{r[5]} p.{r[6] or '?'}",
            r[7],
            r[8],
            f"{r[9]} p.{r[10] or '?'}",
            _evidence(r[11]),
        )
        for r in con.execute(sql).fetchall()
    ]
    return cols, rows


@click.command()
@click.argument("judgement", required=False, type=click.Choice(["same", "different"]))
@click.argument("project_a", required=False)
@click.argument("project_b", required=False)
@click.option(
    "--show",
    type=click.Choice(["review", "same", "different", "all"]),
    default="review",
    show_default=True,
    help="Which pairs to list: the grey zone to review, the links made, those rejected, all.",
)
@click.option("--note", default="", help="Why; kept with the judgement.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
def links(
    judgement: str | None,
    project_a: str | None,
    project_b: str | None,
    show: str,
    note: str,
    fmt: str,
    db: Path | None,
) -> None:
    """Candidate links between mentions of one project across documents, with their
    evidence; or record a judgement on two project ids (applied by the next `namnd run`).

    Without arguments: the pairs whose score lies between the reject and link thresholds,
    for review. Judgements go to warehouse/overrides/project_links.csv; one whose ids no
    longer name the rows the analyst saw is reported as orphaned by `namnd run` and here.

    \b
    Examples:
      namnd links                                  # pairs to review, with evidence
      namnd links --show same                      # the links made
      namnd links same 3f2a…-p-1c9e07aa 8b1d…-p-77f0a2c1 --note "renamed, see bilaga"
      namnd links different 3f2a…-p-1c9e07aa 5e0c…-p-0b3e9d12
    """
    from pipeline import warehouse
    from pipeline.warehouse.series_judgements import (
        check_judgement,
        read_judgements,
        record_judgement,
    )
    from pipeline.warehouse.series_pairs import read_mentions

    try:
        settings = Settings.from_env(None, db)
        if not settings.db_path.exists():
            raise NamndError(f"warehouse {settings.db_path} does not exist; run `namnd run` first")
        con = warehouse.connect_read(settings.db_path)
        try:
            if judgement:
                if not project_a or not project_b:
                    raise click.UsageError("give two project ids: namnd links same A B")
                j = record_judgement(
                    settings.overrides_dir, con, project_a, project_b, judgement, note
                )
                click.echo(
                    f"recorded in {settings.overrides_dir / 'project_links.csv'}: "
                    f"{j.judgement}: {j.expect_a!r} and {j.expect_b!r}; run `namnd run` to apply it"
                )
                return
            cols, rows = candidate_rows(con, show)
            by_id = {m.project_id: m for m in read_mentions(con)}
            orphans = [
                (j, why)
                for j in read_judgements(settings.overrides_dir)
                if (why := check_judgement(j, by_id))
            ]
        finally:
            con.close()
    except NamndError as exc:
        click.echo(f"namnd: {exc.message}", err=True)
        raise SystemExit(exc.exit_code) from None
    if rows:
        click.echo(format_rows(cols, rows, fmt), nl=False)
    elif fmt == "table":
        click.echo(f"no pairs with decision {show!r}")
    for j, why in orphans:
        click.echo(f"orphaned judgement {j.source}: {j.judgement} {j.a} {j.b}: {why}", err=True)


def status_lines(settings: Settings) -> list[str]:
    """For `namnd status`: the checks that failed at the last run, and link judgements that
    no longer apply."""
    from pipeline import warehouse
    from pipeline.warehouse.checks import read_report

    if not settings.db_path.exists():
        return []
    con = warehouse.connect_read(settings.db_path)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "checks" not in tables:
            return []
        report = read_report(con)
    finally:
        con.close()
    return report.lines()
