"""`namnd status`: what each file under raw/ would get from the next run, and why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline import warehouse
from pipeline.config import Settings
from pipeline.run import fingerprint as fp
from pipeline.run.discover import discover
from pipeline.run.recipe import make_plan, pipeline_version


@dataclass(frozen=True)
class FileStatus:
    source_path: str
    state: str  # new | changed | up to date | outdated | failed | partial | unsupported |
    # skipped | removed | duplicate
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
    now = fp.stage_fingerprints(settings.ocr.lang)
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


def file_statuses(settings: Settings) -> list[FileStatus]:
    found = discover(settings.raw_dir, settle_seconds=0)
    loaded: dict[str, warehouse.LoadedDoc] = {}
    last: dict[str, tuple[str, str | None, str | None]] = {}
    doubtful: dict[str, list[int]] = {}
    if Path(settings.db_path).exists():
        con = warehouse.connect_read(settings.db_path)
        try:
            loaded = warehouse.loaded_state(con)
            for path, sha, status, stage, error in con.execute(
                """SELECT source_path, sha256, status, stage, error FROM ingest_log
                   QUALIFY row_number() OVER (PARTITION BY source_path, sha256
                                              ORDER BY finished_at DESC, started_at DESC) = 1"""
            ).fetchall():
                last[f"{path}\0{sha}"] = (status, stage, error)
            for doc_id, page_no in con.execute(
                "SELECT doc_id, page_no FROM pages WHERE quality = 'doubtful' ORDER BY 1, 2"
            ).fetchall():
                doubtful.setdefault(doc_id, []).append(page_no)
        finally:
            con.close()
    version = pipeline_version()
    fingerprint = fp.combined(fp.stage_fingerprints(settings.ocr.lang))
    plan = make_plan(found.files, loaded, version, force=False, fingerprint=fingerprint)
    by_path_loaded = {d.source_path: (doc_id, d) for doc_id, d in loaded.items()}
    out: list[FileStatus] = []
    fresh = {f.doc_id for f in plan.up_to_date}
    for f in found.files:
        attempt = last.get(f"{f.source_path}\0{f.sha256}")
        if f.media_type == "unsupported":
            out.append(FileStatus(f.source_path, "unsupported", "only .pdf and .txt are read"))
        elif any(d is f for d, _ in plan.duplicates):
            first = next(o for d, o in plan.duplicates if d is f)
            out.append(
                FileStatus(
                    f.source_path, "duplicate", f"same bytes as {first.source_path}", f.doc_id
                )
            )
        elif f.doc_id in fresh:
            pages = doubtful.get(f.doc_id)
            note = f"doubtful pages: {', '.join(map(str, pages))}" if pages else ""
            out.append(FileStatus(f.source_path, "up to date", note, f.doc_id))
        elif attempt and attempt[0] in ("failed", "partial"):
            out.append(
                FileStatus(
                    f.source_path,
                    attempt[0],
                    f"{attempt[1]}: {attempt[2] or 'unknown error'}",
                    f.doc_id,
                )
            )
        elif f.doc_id in loaded:
            have = loaded[f.doc_id]
            if have.pipeline_version != version:
                why = f"loaded by {have.pipeline_version}, now {version}"
            elif have.fingerprint != fingerprint:
                why = "rules, data files or tools changed since it was loaded"
            else:
                why = f"loaded from {have.source_path}"
            out.append(FileStatus(f.source_path, "outdated", why, f.doc_id))
        elif f.source_path in by_path_loaded:
            out.append(
                FileStatus(
                    f.source_path, "changed", "content differs from the loaded copy", f.doc_id
                )
            )
        else:
            out.append(FileStatus(f.source_path, "new", "", f.doc_id))
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
