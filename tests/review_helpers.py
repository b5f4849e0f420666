"""Shared by the review page's tests: the samples' warehouse copied to a scratch folder, so a
test may write overrides and rerun `namnd run` (from the copied cache: no OCR) without
touching the session's warehouse."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def samples_root(db: Path) -> Path:
    """The folder holding warehouse/ and extracted/ of the samples' build.

    ``NAMND_TEST_SAMPLES_ROOT`` names an existing build instead (for working on these tests
    without rebuilding the samples; the session fixture is used otherwise)."""
    given = os.environ.get("NAMND_TEST_SAMPLES_ROOT")
    return Path(given) if given else db.parent.parent


def copy_samples(root: Path, dest: Path) -> dict[str, Path]:
    """Copy the warehouse and the cache of `root` into `dest`; return the paths to use."""
    (dest / "warehouse").mkdir(parents=True)
    shutil.copy2(root / "warehouse" / "namnd.duckdb", dest / "warehouse" / "namnd.duckdb")
    shutil.copytree(root / "extracted", dest / "extracted")
    (dest / "warehouse" / "overrides").mkdir()
    return {
        "db": dest / "warehouse" / "namnd.duckdb",
        "extracted": dest / "extracted",
        "overrides": dest / "warehouse" / "overrides",
    }
