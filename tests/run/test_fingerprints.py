"""Caches keyed by what they depend on: editing a data file redoes facts, never OCR.

Real processes: `namnd run` runs as a subprocess on a copy of the `pipeline` package (so the
test can edit *its* district_aliases.csv without touching the repository), with real
Tesseract behind a wrapper on PATH that logs every recognition call.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.run import fingerprint as fp
from tests.conftest import REPO
from tests.helpers import letter_text, scanned_pdf

PLACE = "Bergsgården"  # in no gazetteer file: a mention only once the alias is added


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Path]:
    pkg = tmp_path / "pkg"
    shutil.copytree(
        REPO / "pipeline", pkg / "pipeline", ignore=shutil.ignore_patterns("__pycache__")
    )
    real = shutil.which("tesseract")
    assert real, "Tesseract is required"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "tesseract_calls.log"
    wrapper = bin_dir / "tesseract"
    wrapper.write_text(
        "#!/bin/sh\n"
        'case "$1" in --version|--list-langs) ;; *) echo "$@" >> ' + str(log) + " ;; esac\n"
        f'exec {real} "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    raw = tmp_path / "raw"
    scanned_pdf(
        raw / "scan.pdf",
        [letter_text(4) + f"\nProjektet genomförs av {PLACE} stadsdelsförvaltning.\n"],
    )
    return {"pkg": pkg, "bin": bin_dir, "log": log, "raw": raw, "root": tmp_path}


def namnd(sb: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(sb["pkg"]),
        "PATH": f"{sb['bin']}{os.pathsep}{os.environ['PATH']}",
        "NAMND_EXTRACTED": str(sb["root"] / "extracted"),
        "NAMND_OCR_ENGINE": "cli",  # the wrapper on PATH counts the CLI's recognitions
    }
    db = sb["root"] / "warehouse" / "namnd.duckdb"
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args, "--raw", str(sb["raw"]), "--db", str(db)],
        env=env,
        cwd=sb["root"],
        capture_output=True,
        text=True,
        timeout=600,
    )


def ocr_calls(sb: dict[str, Path]) -> int:
    log = sb["log"]
    return len(log.read_text().splitlines()) if log.exists() else 0


def mtimes(root: Path, name: str) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in root.rglob(name)}


def test_c_d_editing_aliases_redoes_facts_without_ocr_and_a_plain_rerun_does_nothing(
    sandbox: dict[str, Path],
) -> None:
    sb = sandbox
    db = sb["root"] / "warehouse" / "namnd.duckdb"
    first = namnd(sb, "run", "--plain")
    assert first.returncode == 0, first.stderr
    assert ocr_calls(sb) >= 1
    assert _rows(
        db, f"SELECT count(*) FROM district_mentions WHERE name_as_printed = '{PLACE}'"
    ) == [(0,)]
    ext = sb["root"] / "extracted"
    text_before, facts_before = mtimes(ext, "text.json"), mtimes(ext, "extract.json")

    # (d) nothing changed: nothing is read, nothing rewritten, Tesseract not called
    calls = ocr_calls(sb)
    second = namnd(sb, "run", "--plain")
    assert second.returncode == 0, second.stderr
    assert "files: 0 ok, 0 partial, 0 failed, 0 unsupported, 1 up to date" in second.stdout
    assert ocr_calls(sb) == calls
    assert (mtimes(ext, "text.json"), mtimes(ext, "extract.json")) == (text_before, facts_before)

    # (c) an analyst adds an alias
    aliases = sb["pkg"] / "pipeline" / "data" / "district_aliases.csv"
    with aliases.open("a", encoding="utf-8") as fh:
        fh.write(f"{PLACE},rinkeby-kista\n")
    status = namnd(sb, "status")
    assert status.returncode == 0, status.stderr
    assert "district_aliases.csv changed: 1 document will be re-read (facts; no OCR)" in (
        status.stdout.splitlines()
    )
    assert "rules, data files or tools changed since it was loaded" in status.stdout
    third = namnd(sb, "run", "--plain")
    assert third.returncode == 0, third.stderr
    assert "files: 1 ok, 0 partial, 0 failed, 0 unsupported, 0 up to date" in third.stdout
    assert ocr_calls(sb) == calls  # Tesseract was not called
    assert mtimes(ext, "text.json") == text_before  # the text cache was reused
    assert mtimes(ext, "extract.json") != facts_before  # facts were redone
    assert _rows(
        db, f"SELECT district_id FROM district_mentions WHERE name_as_printed = '{PLACE}'"
    ) == [("rinkeby-kista",)]

    # the runs table: one row per run, with what made the warehouse
    runs = _rows(
        db,
        "SELECT processed, pages_read, data_digests, tool_versions, fingerprint FROM runs "
        "ORDER BY started_at",
    )
    assert [(r[0], r[1]) for r in runs] == [(1, 1), (0, 0), (1, 0)]
    digests = [json.loads(str(r[2]))["data/district_aliases.csv"] for r in runs]
    assert digests[0] == digests[1] != digests[2]
    tools = json.loads(str(runs[0][3]))
    assert tools["tesseract"].startswith("tesseract ") and len(tools["swe.traineddata"]) == 16
    assert {"spacy", "wordfreq", "rapidfuzz"} <= set(tools)
    assert runs[0][4] == runs[1][4] != runs[2][4]
    assert "changed" not in namnd(sb, "status").stdout  # up to date again


def test_fingerprint_changes_name_the_file_and_stage(tmp_path: Path) -> None:
    root = tmp_path / "pipeline"
    (root / "data").mkdir(parents=True)
    (root / "data" / "cues.csv").write_text("a\n", encoding="utf-8")
    (root / "data" / "README.md").write_text("docs are not data\n", encoding="utf-8")
    before = fp.data_digests("facts", root)
    assert list(before) == ["data/cues.csv"]
    (root / "data" / "cues.csv").write_text("b\n", encoding="utf-8")
    now = fp.stage_fingerprints()
    recorded = json.loads(fp.to_json(now))
    recorded["facts"]["data"] = {**now["facts"].data, "data/old.csv": "0"}
    recorded["understand"]["code_version"] = now["understand"].code_version - 1
    assert fp.changes(recorded, now) == [
        (
            "understand",
            f"understand rules changed (version {now['understand'].code_version - 1} → "
            f"{now['understand'].code_version})",
        ),
        ("facts", "old.csv removed"),
    ]


def test_tesseract_answers_are_kept_across_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: a no-op rerun does not ask Tesseract again nor hash its models: the answers
    are kept by file path, size and mtime; a model file that changed is hashed again."""
    monkeypatch.setenv("NAMND_CACHE_DIR", str(tmp_path))
    asked: list[list[str]] = []
    real_run = subprocess.run

    def counting(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
        asked.append(args)  # a spy: the real Tesseract answers
        return real_run(args, **kw)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(fp.subprocess, "run", counting)
    first = fp.tesseract_versions("swe")
    assert first["tesseract"].startswith("tesseract ") and len(asked) == 2
    assert fp.tesseract_versions("swe") == first and len(asked) == 2  # from the cache
    path = fp.tool_cache_path()
    data = json.loads(path.read_text())
    for entry in data["files"].values():
        entry[2] = "stale"
        entry[0] += 1  # as if the model file had changed since
    path.write_text(json.dumps(data))
    assert fp.tesseract_versions("swe") == first and len(asked) == 2
    assert "stale" not in path.read_text()
