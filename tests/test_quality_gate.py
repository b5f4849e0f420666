"""The CI quality gate: extraction quality on the samples must not drop below the floors in
tests/quality_thresholds.json (set just under today's figures; raise them as quality improves).

A second test proves the gate has teeth: with one real extraction rule disabled (the
two-column district | project lists), the same gate fails.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.evaluate import FieldScore, evaluate
from pipeline.facts import stage as extract_stage
from tests.conftest import RAW, REPO, Built, build_warehouse

GOLD = REPO / "tests" / "gold"
THRESHOLDS = json.loads((REPO / "tests" / "quality_thresholds.json").read_text(encoding="utf-8"))


def gate_failures(fields: dict[str, FieldScore], floors: dict[str, float]) -> list[str]:
    """Fields whose F1 is below its floor (a field missing from the report fails too)."""
    out = []
    for name, floor in floors.items():
        score = fields.get(name)
        f1 = score.f1 if score is not None else 0.0
        if f1 < floor:
            out.append(f"{name}: F1 {f1:.3f} < {floor:.2f}")
    return out


@pytest.mark.slow
def test_samples_meet_the_quality_floors(samples_warehouse: Built) -> None:
    assert samples_warehouse.exit_code == 0, samples_warehouse.output
    report = evaluate(GOLD, samples_warehouse.db)
    assert not report.missing
    assert gate_failures(report.fields, THRESHOLDS["overall"]) == []
    for variant, max_cer in THRESHOLDS["max_cer"].items():
        quality = report.ocr_by_variant[variant]
        assert quality.cer <= max_cer, (variant, quality.cer)


@pytest.fixture(scope="module")
def transcripts_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("transcripts") / "raw"
    shutil.copytree(RAW / "transcripts", raw)
    return raw


def test_gate_passes_on_transcripts(transcripts_raw: Path, tmp_path: Path) -> None:
    built = build_warehouse(transcripts_raw, tmp_path)
    assert built.exit_code == 0, built.output
    report = evaluate(GOLD, built.db)
    assert gate_failures(report.fields, THRESHOLDS["txt"]) == []


def test_gate_fails_when_a_rule_is_broken(
    transcripts_raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fault injection: the two-column list rule finds nothing. Workers are forked after the
    # patch, so they run the broken rule too; a fresh extracted/ keeps caches apart.
    monkeypatch.setattr(extract_stage, "find_two_column_lists", lambda *a, **k: [])
    built = build_warehouse(transcripts_raw, tmp_path)
    assert built.exit_code == 0, built.output
    report = evaluate(GOLD, built.db)
    failures = gate_failures(report.fields, THRESHOLDS["txt"])
    assert any(f.startswith("projects.name") for f in failures), failures
