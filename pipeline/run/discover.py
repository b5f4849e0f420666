"""Stage 1: find the input files under the raw root and give each its content id."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.layout import (
    doc_id_from_sha,
    media_type_for,
    sha256_file,
    source_path_of,
    walk_raw,
)
from pipeline.records import SourceFile

# A file modified this recently may still be being copied in.
SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class Skipped:
    """A file that was seen but not taken this run, with the reason."""

    source_path: str
    reason: str


@dataclass(frozen=True)
class Discovery:
    files: tuple[SourceFile, ...]  # supported and unsupported, each with its content id
    skipped: tuple[Skipped, ...]  # unreadable or still growing


def discover(raw_root: Path, *, settle_seconds: float = SETTLE_SECONDS) -> Discovery:
    """Every file under `raw_root` with its SHA-256, sorted by path.

    A file whose size or modification time changes while it is hashed, or that was modified
    within the last `settle_seconds`, is still being written: it is skipped with a reason and
    picked up by the next run.
    """
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    first: dict[Path, tuple[int, int]] = {}
    for path in walk_raw(raw_root):
        try:
            st = path.stat()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            skipped.append(Skipped(source_path_of(path, raw_root), f"cannot be read ({reason})"))
            continue
        first[path] = (st.st_size, st.st_mtime_ns)
    recent = [p for p, (_, m) in first.items() if time.time() - m / 1e9 < settle_seconds]
    if recent and settle_seconds:
        time.sleep(settle_seconds)  # once for all recent files: are they still growing?
    for path, before in first.items():
        rel = source_path_of(path, raw_root)
        try:
            if path in recent and _stamp(path) != before:
                skipped.append(Skipped(rel, "still being written; it will be read next run"))
                continue
            sha = sha256_file(path)
            after = path.stat()
        except OSError as exc:
            skipped.append(Skipped(rel, f"cannot be read ({exc.strerror or exc})"))
            continue
        if (after.st_size, after.st_mtime_ns) != before:
            skipped.append(Skipped(rel, "still being written; it will be read next run"))
            continue
        files.append(
            SourceFile(
                path=str(path.resolve()),
                source_path=rel,
                sha256=sha,
                doc_id=doc_id_from_sha(sha),
                size=after.st_size,
                media_type=media_type_for(path),
            )
        )
    skipped.sort(key=lambda s: s.source_path)
    return Discovery(tuple(files), tuple(skipped))


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns)
