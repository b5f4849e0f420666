"""Shared fixtures: the samples' warehouse (built once per session by the real pipeline)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"


@dataclass(frozen=True)
class Built:
    """A warehouse built by `namnd run` over a raw folder."""

    raw: Path
    db: Path
    extracted: Path
    exit_code: int
    output: str
    seconds: float


def run_cli(args: list[str], *, extracted: Path | None = None, **env: str) -> tuple[int, str]:
    """Invoke `namnd` in-process through click's runner; returns (exit code, stdout+stderr)."""
    full_env = {"NAMND_EXTRACTED": str(extracted)} if extracted else {}
    full_env.update(env)
    result = CliRunner().invoke(main, args, env=full_env, catch_exceptions=False)
    return result.exit_code, result.output  # click >= 8.2: stdout and stderr interleaved


def build_warehouse(raw: Path, root: Path, *extra: str, **env: str) -> Built:
    db = root / "warehouse" / "namnd.duckdb"
    extracted = root / "extracted"
    t0 = time.perf_counter()
    code, out = run_cli(
        ["run", "--raw", str(raw), "--db", str(db), "--plain", *extra], extracted=extracted, **env
    )
    return Built(raw, db, extracted, code, out, time.perf_counter() - t0)


@pytest.fixture(scope="session")
def samples_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The bundled samples in raw/, processed once for the whole test session."""
    root = tmp_path_factory.mktemp("samples")
    # the samples' expectations register (written by reading the seeds), as `make run` uses it
    built = build_warehouse(RAW, root, NAMND_EXPECTED=str(REPO / "warehouse" / "expected"))
    os.environ.setdefault("NAMND_SAMPLES_DB", str(built.db))
    return built
