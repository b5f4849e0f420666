"""`namnd status`: what each file under raw/ would get from the next run, and why.

It reads the same plan the run follows (run/plan.py), so the words here are what the run will
do: `renamed  scan/2020/b.pdf  was scan/b.pdf; same bytes: only the path is updated, nothing
is read again`, `outdated  a.pdf  rules changed: extract 7 → 8 (…): redone from the cached
page text, no OCR`, `failed  x.pdf  text: encrypted …; bytes unchanged since, so not retried`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline import warehouse
from pipeline.config import Settings
from pipeline.run import fingerprint as fp
from pipeline.run.discover import discover
from pipeline.run.plan import make_plan, still_failing_line
from pipeline.run.recipe import pipeline_version


@dataclass(frozen=True)
class FileStatus:
    source_path: str
    state: str  # new | changed | renamed | up to date | outdated | failed | partial |
    # unsupported | skipped | removed | duplicate
    detail: str = ""
    doc_id: str | None = None


@dataclass(frozen=True)
class Changes:
    """What changed in the stages' inputs since the last run, and what the next run redoes."""

    what: tuple[tuple[str, str], ...]  # (stage, "district_aliases.csv changed")
    n_reread: int  # loaded documents whose rows were made with other stage keys

    def lines(self) -> list[str]:
        out = []
        for stage, what in self.what:
            if stage == "all":
                out.append(f"{what}: {self.n_reread} document(s) will be re-read")
                continue
            how = "read again from their pages (OCR)" if stage == "text" else "re-read"
            out.append(
                f"{what}: {self.n_reread} document{'s' if self.n_reread != 1 else ''} "
                f"will be {how} ({stage}{'' if stage == 'text' else '; no OCR'})"
            )
        return out


def changes_since_last_run(settings: Settings) -> Changes:
    """Compare the stage fingerprints of now with those the last run recorded."""
    if not Path(settings.db_path).exists():
        return Changes((), 0)
    now = fp.stage_fingerprints(settings.ocr.lang, settings.ocr.engine)
    current = fp.combined(now)
    con = warehouse.connect_read(settings.db_path)
    try:
        last = warehouse.last_run(con)
        loaded = warehouse.loaded_state(con)
    finally:
        con.close()
    n = sum(1 for d in loaded.values() if d.status != "excluded" and d.fingerprint != current)
    if last is None:
        older = (("all", "no run recorded by this version yet"),) if n else ()
        return Changes(older, n)
    if last.get("fingerprint") == current:
        return Changes((), n)
    return Changes(tuple(fp.changes(last["fingerprints"], now)), n)


#: The status word for each reason a file is in the run's todo list.
_STATE_OF = {
    "new": "new",
    "changed": "changed",
    "rules changed": "outdated",
    "partial": "partial",
    "retry": "failed",
    "forced": "outdated",
}


def file_statuses(settings: Settings, *, retry_failed: bool = False) -> list[FileStatus]:
    found = discover(settings.raw_dir, settle_seconds=0)
    loaded: dict[str, warehouse.LoadedDoc] = {}
    failed: dict[str, warehouse.FailedAttempt] = {}
    doubtful: dict[str, list[int]] = {}
    errors: dict[str, str] = {}
    if Path(settings.db_path).exists():
        con = warehouse.connect_read(settings.db_path)
        try:
            loaded = warehouse.loaded_state(con)
            failed = warehouse.failed_state(con)
            for doc_id, page_no in con.execute(
                "SELECT doc_id, page_no FROM pages WHERE quality = 'doubtful' ORDER BY 1, 2"
            ).fetchall():
                doubtful.setdefault(doc_id, []).append(page_no)
            for doc_id, stage, error in con.execute(
                "SELECT doc_id, stage, error FROM documents WHERE status = 'partial'"
            ).fetchall():
                errors[doc_id] = f"{stage}: {error or 'unknown error'}"
        finally:
            con.close()
    version = pipeline_version()
    fingerprint = fp.combined(fp.stage_fingerprints(settings.ocr.lang, settings.ocr.engine))
    plan = make_plan(
        found.files, loaded, version, False, failed, retry_failed, fingerprint=fingerprint
    )
    out: list[FileStatus] = []
    for f in plan.unsupported:
        out.append(FileStatus(f.source_path, "unsupported", "only .pdf and .txt are read"))
    for dup, kept in plan.duplicates:
        out.append(
            FileStatus(
                dup.source_path, "duplicate", f"same bytes as {kept.source_path}", dup.doc_id
            )
        )
    for f in plan.up_to_date:
        pages = doubtful.get(f.doc_id)
        note = f"doubtful pages: {', '.join(map(str, pages))}" if pages else ""
        out.append(FileStatus(f.source_path, "up to date", note, f.doc_id))
    for f, old in plan.renamed:
        out.append(
            FileStatus(
                f.source_path,
                "renamed",
                f"was {old}; same bytes: only the path is updated, nothing is read again",
                f.doc_id,
            )
        )
    for f, attempt in plan.still_failing:
        out.append(FileStatus(f.source_path, "failed", still_failing_line(attempt), f.doc_id))
    for f in plan.todo:
        why = plan.why[f.doc_id]
        detail = why.detail
        if why.kind == "partial":
            detail = f"{errors.get(f.doc_id, 'some pages failed')}; {detail}"
        out.append(FileStatus(f.source_path, _STATE_OF[why.kind], detail, f.doc_id))
    for s in found.skipped:
        out.append(FileStatus(s.source_path, "skipped", s.reason))
    for doc_id in plan.removed:
        out.append(
            FileStatus(
                loaded[doc_id].source_path,
                "removed",
                "no longer under raw/; rows kept (namnd run --prune deletes them)",
                doc_id,
            )
        )
    return sorted(out, key=lambda s: s.source_path)
