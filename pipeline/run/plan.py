"""What a run does with each file under raw/, and why, in words.

`namnd status` shows the plan before a run; `namnd run` follows it and its summary says what
it did. Every supported file lands in exactly one bucket:

    up to date     these bytes were loaded from this path by this pipeline version
    renamed        these bytes were loaded from another path: only the path is updated,
                   nothing is read again (a file moved from scan/b.pdf to scan/2020/b.pdf)
    todo           read, or redone from the cache in extracted/, for one reason:
                     new            never seen
                     changed        other bytes than the copy loaded from this path
                     rules changed  a stage's version differs from the one that loaded it
                                    ("extract 7 → 8"): that stage and the later ones are
                                    redone from the cache, OCR only when the text stage changed
                     partial        some pages failed last time: those pages are read again
                     retry          failed before, retried by --retry-failed
                     forced         --force
                     (also a file that failed under an older version of the rules)
    still failing  these bytes failed before and nothing changed: not retried, so a scheduled
                   run does not fail again for the same encrypted PDF (exit 0); changing the
                   file, --retry-failed or --force tries again

Duplicates (the same bytes at two paths) keep the path that is loaded, else the first path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pipeline import warehouse
from pipeline.records import SourceFile

#: The parts of a pipeline version ("t1.u3.x7.s2"): letter, stage name, what the stage finds.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("t", "text", "page text, OCR"),
    ("u", "understand", "metadata, sections, decisions"),
    ("x", "extract", "projects, amounts, criteria"),
    ("s", "schema", "warehouse tables"),
)

RETRY_HINT = "`namnd run --retry-failed` retries it"


@dataclass(frozen=True)
class Why:
    """Why a file is in the todo list: a category and the words that explain it."""

    kind: str  # new | changed | rules changed | partial | retry | forced
    detail: str = ""


@dataclass(frozen=True)
class Plan:
    todo: tuple[SourceFile, ...]
    up_to_date: tuple[SourceFile, ...]
    unsupported: tuple[SourceFile, ...]
    duplicates: tuple[tuple[SourceFile, SourceFile], ...]  # (file, kept file with same bytes)
    superseded: tuple[str, ...]  # doc_ids whose path now holds other content
    removed: tuple[str, ...]  # doc_ids whose file is gone
    renamed: tuple[tuple[SourceFile, str], ...] = ()  # (file, path it was loaded from)
    still_failing: tuple[tuple[SourceFile, warehouse.FailedAttempt], ...] = ()
    why: Mapping[str, Why] = field(default_factory=dict)  # doc_id of a todo file -> why


def parse_version(version: str | None) -> dict[str, int]:
    """{"t": 1, "u": 3, ...} from a pipeline version string such as "t1.u3.x7.s2"."""
    return {k: int(v) for k, v in re.findall(r"([a-z])(\d+)", version or "")}


def rules_changed(old: str | None, new: str) -> str:
    """Which stages changed between two pipeline versions, and what is redone, in words."""
    was, now = parse_version(old), parse_version(new)
    if not was:
        return f"loaded by an older pipeline ({old or 'unknown version'}); redone"
    changed = [(k, name, what) for k, name, what in STAGES if was.get(k) != now.get(k)]
    if not changed:  # a part this code does not name
        return f"loaded by pipeline {old}, now {new}; redone"
    parts = "; ".join(
        f"{name} {was.get(k, '?')} → {now.get(k, '?')} ({what})" for k, name, what in changed
    )
    keys = {k for k, _, _ in changed}
    if "t" in keys:
        effect = "pages read again"
    elif keys & {"u", "x"}:
        effect = "redone from the cached page text, no OCR"
    else:
        effect = "reloaded from the cached results, nothing read again"
    return f"rules changed: {parts}: {effect}"


def make_plan(
    files: tuple[SourceFile, ...],
    loaded: dict[str, warehouse.LoadedDoc],
    version: str,
    force: bool,
    failed: Mapping[str, warehouse.FailedAttempt] | None = None,
    retry_failed: bool = False,
    fingerprint: str | None = None,
) -> Plan:
    """Decide what this run must do from what the warehouse already holds.

    `failed`: sha256 -> last failed attempt of bytes that are not loaded
    (`warehouse.failed_state`).
    """
    failed = failed or {}
    todo: list[SourceFile] = []
    fresh: list[SourceFile] = []
    unsupported: list[SourceFile] = []
    duplicates: list[tuple[SourceFile, SourceFile]] = []
    renamed: list[tuple[SourceFile, str]] = []
    still_failing: list[tuple[SourceFile, warehouse.FailedAttempt]] = []
    why: dict[str, Why] = {}
    kept: dict[str, SourceFile] = {}
    for f in files:  # the copy to keep: the loaded path if it is still there, else the first
        if f.media_type == "unsupported":
            continue
        have = loaded.get(f.doc_id)
        if f.doc_id not in kept or (have is not None and have.source_path == f.source_path):
            kept[f.doc_id] = f
    loaded_paths = {d.source_path for d in loaded.values()}
    failed_paths = {a.source_path for a in failed.values()}
    for f in files:
        if f.media_type == "unsupported":
            unsupported.append(f)
            continue
        if kept[f.doc_id] is not f:
            duplicates.append((f, kept[f.doc_id]))
            continue
        have = loaded.get(f.doc_id)
        attempt = failed.get(f.sha256)
        done = have is not None and have.status in ("ok", "excluded")
        if force:
            todo.append(f)
            why[f.doc_id] = Why("forced", "--force: every stage redone")
        elif (
            done
            and have is not None
            and have.pipeline_version == version
            and (fingerprint is None or have.fingerprint == fingerprint)
        ):
            if have.source_path == f.source_path:
                fresh.append(f)
            else:
                renamed.append((f, have.source_path))
        elif have is not None:
            todo.append(f)
            moved = (
                "" if have.source_path == f.source_path else f"renamed from {have.source_path}; "
            )
            if have.status == "partial" and have.pipeline_version == version:
                why[f.doc_id] = Why("partial", f"{moved}the pages that failed are read again")
            elif have.pipeline_version == version:
                why[f.doc_id] = Why(
                    "rules changed",
                    moved + "rules, data files or tools changed since it was loaded",
                )
            else:
                why[f.doc_id] = Why(
                    "rules changed", moved + rules_changed(have.pipeline_version, version)
                )
        elif (
            attempt is not None
            and attempt.pipeline_version not in (None, version)
            and not retry_failed
        ):
            # it failed under other rules: the new ones may read it
            todo.append(f)
            why[f.doc_id] = Why(
                "rules changed",
                f"failed before ({_reason(attempt)}) under pipeline {attempt.pipeline_version}, "
                f"now {version}: tried again",
            )
        elif attempt is not None and not retry_failed:
            still_failing.append((f, attempt))
        elif attempt is not None:
            todo.append(f)
            why[f.doc_id] = Why("retry", f"failed before ({_reason(attempt)}); --retry-failed")
        elif f.source_path in loaded_paths or f.source_path in failed_paths:
            todo.append(f)
            why[f.doc_id] = Why("changed", "other bytes than last time at this path; read anew")
        else:
            todo.append(f)
            why[f.doc_id] = Why("new")
    paths_now = {f.source_path: f.doc_id for f in files}
    superseded = tuple(
        doc_id
        for doc_id, have in loaded.items()
        if doc_id not in kept and paths_now.get(have.source_path) not in (None, doc_id)
    )
    removed = tuple(doc_id for doc_id in loaded if doc_id not in kept and doc_id not in superseded)
    return Plan(
        todo=tuple(todo),
        up_to_date=tuple(fresh),
        unsupported=tuple(unsupported),
        duplicates=tuple(duplicates),
        superseded=superseded,
        removed=removed,
        renamed=tuple(renamed),
        still_failing=tuple(still_failing),
        why=why,
    )


def _reason(attempt: warehouse.FailedAttempt) -> str:
    return f"{attempt.stage or 'unknown stage'}: {attempt.error or 'unknown error'}"


def still_failing_line(attempt: warehouse.FailedAttempt) -> str:
    """The words for a failure that is not retried because nothing changed."""
    return f"{_reason(attempt)}; bytes unchanged since, so not retried ({RETRY_HINT})"


def count_words(plan: Plan) -> str:
    """ "1 new, 2 changed, 1 renamed, ..." for the categories that occur, in a fixed order."""
    kinds = [w.kind for w in plan.why.values()]
    parts = [
        f"{kinds.count(k)} {label}"
        for k, label in (
            ("new", "new"),
            ("changed", "changed"),
            ("rules changed", "redone for changed rules"),
            ("partial", "partial (failed pages read again)"),
            ("retry", "failed before, retried"),
            ("forced", "forced"),
        )
        if k in kinds
    ]
    if plan.renamed:
        parts.append(f"{len(plan.renamed)} renamed (path updated, not read again)")
    if plan.still_failing:
        parts.append(f"{len(plan.still_failing)} still failing (unchanged, not retried)")
    return ", ".join(parts)
