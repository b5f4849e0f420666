"""Shared fixtures: the samples' warehouse (built once per session by the real pipeline)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.devtools.corpus import render_gate_corpus

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
CORPORA = REPO / "tests" / "resources" / "corpus"

#: The variants of each test corpus that the quality gate runs. Scans cost OCR: the 15
#: one-page realdocs are cheap; the genre corpus's ~75 pages are scanned only when
#: NAMND_GATE_GENRE_SCANS=1 (README, Development: the cost is measured there).
CORPUS_VARIANTS: dict[str, tuple[str, ...]] = {
    "realdocs": ("txt", "born", "scan"),
    "neighbours": ("txt", "born", "scan"),
    "genre": ("txt", "born", *(("scan",) if os.environ.get("NAMND_GATE_GENRE_SCANS") else ())),
}


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


@dataclass(frozen=True)
class BuiltCorpus:
    """A test corpus rendered by the project's own renderer and processed by `namnd run`;
    ``gold`` is its gold with ``reference`` set, so CER is measured too."""

    built: Built
    gold: Path
    variants: tuple[str, ...]


def build_corpus(name: str, root: Path, variants: tuple[str, ...]) -> BuiltCorpus:
    render_gate_corpus(CORPORA / name, root, variants)
    return BuiltCorpus(build_warehouse(root / "raw", root), root / "gold", variants)


@pytest.fixture(scope="session")
def realdocs_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltCorpus:
    """tests/resources/corpus/realdocs as transcripts, born-digital PDFs and scans, once."""
    return build_corpus(
        "realdocs", tmp_path_factory.mktemp("realdocs"), CORPUS_VARIANTS["realdocs"]
    )


@pytest.fixture(scope="session")
def neighbours_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltCorpus:
    """tests/resources/corpus/neighbours as transcripts, born-digital PDFs and scans, once."""
    return build_corpus(
        "neighbours", tmp_path_factory.mktemp("neighbours"), CORPUS_VARIANTS["neighbours"]
    )


@pytest.fixture(scope="session")
def genre_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltCorpus:
    """tests/resources/corpus/genre (dev and held-out documents alike), once per session."""
    return build_corpus("genre", tmp_path_factory.mktemp("genre"), CORPUS_VARIANTS["genre"])
