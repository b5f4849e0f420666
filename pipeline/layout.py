"""Every path rule in one place: raw files, extracted/<doc_id>/…, doc ids from content."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SUPPORTED_SUFFIXES = {".pdf": "application/pdf", ".txt": "text/plain"}
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def doc_id_from_sha(sha256: str) -> str:
    """A document's id: the first 16 hex characters of the SHA-256 of its bytes."""
    return sha256[:16]


def media_type_for(path: Path) -> str:
    return SUPPORTED_SUFFIXES.get(path.suffix.lower(), "unsupported")


def source_path_of(path: Path, raw_root: Path) -> str:
    """Path relative to the raw root with "/" separators (the warehouse's `source_path`)."""
    return path.relative_to(raw_root).as_posix()


def walk_raw(raw_root: Path) -> Iterator[Path]:
    """Files under the raw root, recursively, sorted; symlink loops and dot-files are skipped."""
    seen_dirs: set[tuple[int, int]] = set()

    def _walk(d: Path) -> Iterator[Path]:
        try:
            st = d.stat()
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return
        seen_dirs.add(key)
        try:
            entries = sorted(d.iterdir(), key=lambda p: p.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name in IGNORED_NAMES:
                continue
            try:
                if entry.is_dir():
                    yield from _walk(entry)
                elif entry.is_file() or entry.is_symlink():
                    yield entry  # a broken or looping link is reported by the caller
            except OSError:
                yield entry

    yield from _walk(raw_root)


class ExtractedStore:
    """Content-addressed stage outputs: extracted/<doc_id>/<stage>.json, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, doc_id: str, stage: str) -> Path:
        return self.root / doc_id / f"{stage}.json"

    def read(self, doc_id: str, stage: str, key: str) -> Any | None:
        """The cached payload when present and computed with the same key, else None."""
        p = self.path(doc_id, stage)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return data.get("payload")

    def write(self, doc_id: str, stage: str, key: str, payload: Any) -> None:
        p = self.path(doc_id, stage)
        atomic_write_text(p, json.dumps({"key": key, "payload": payload}, ensure_ascii=False))


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
