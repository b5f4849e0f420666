"""The CI quality gate: extraction quality per test set and per variant must not drop below the
floors in tests/quality_thresholds.json (fuzzy and strict F1, within 0.01-0.02 of the figures
measured when they were set; CER ceilings at twice today's). See pipeline/evaluate/gate.py.

Sets: the samples (raw/: transcripts, scans, born-digital and mixed PDFs), the 15 realdocs, the
1354 documents of neighbouring kinds and the genre corpus (dev g01-g18 and held-out g19-g1974,
reported apart), each rendered into PDFs by the project's own renderer and processed by the
real pipeline once per session.

Then the gate is shown to bite: five small mutations of the code, each applied in-process (the
run's workers are forked after the patch) to a few documents that run without OCR, must each
fail it, while the same documents unmutated pass.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import pipeline.facts.districts as districts_mod
import pipeline.facts.stage as facts_stage
import pipeline.understand.stage as understand_stage
from pipeline.devtools.corpus import render_corpus
from pipeline.evaluate import evaluate
from pipeline.evaluate.gate import gate_failures, get_set, thresholds_from
from pipeline.evaluate.report import DocumentResult, EvalReport
from pipeline.evaluate.schema import FieldScore
from pipeline.facts.spacy_pipeline import gazetteer
from pipeline.records import DocumentText, Facts, UnderstoodDocument
from tests.conftest import CORPORA, RAW, REPO, Built, BuiltCorpus, build_warehouse

GOLD = REPO / "tests" / "gold"
THRESHOLDS: dict[str, Any] = json.loads(
    (REPO / "tests" / "quality_thresholds.json").read_text(encoding="utf-8")
)


def _check(
    name: str,
    gold: Path,
    db: Path,
    variants: tuple[str, ...] | None = None,
    per_document_only: bool = False,
) -> list[str]:
    """Gate failures of one set; ``variants`` limits the check to those variants;
    ``per_document_only`` keeps only the per-document check (for a few documents of a set,
    whose floors on the whole set's F1 say nothing of a part)."""
    test_set = get_set(name)
    report = evaluate(gold, db).select(test_set.keep)
    assert not report.missing, report.missing
    floors = {
        v: {"per_document": entry["per_document"]} if per_document_only else entry
        for v, entry in THRESHOLDS[name].items()
        if not v.startswith("_") and (variants is None or v in variants)
    }
    assert floors, f"no floors for {name} {variants}"
    return gate_failures(report, floors, name)


# --------------------------------------------------------------------------- the gate


@pytest.mark.slow
def test_samples_meet_the_floors(samples_warehouse: Built) -> None:
    assert samples_warehouse.exit_code == 0, samples_warehouse.output
    assert _check("samples", GOLD, samples_warehouse.db) == []


@pytest.mark.slow
def test_realdocs_meet_the_floors(realdocs_warehouse: BuiltCorpus) -> None:
    built = realdocs_warehouse.built
    assert built.exit_code == 0, built.output
    gated = tuple(v for v in realdocs_warehouse.variants if v in THRESHOLDS["realdocs"])
    assert _check("realdocs", realdocs_warehouse.gold, built.db, gated) == []


@pytest.mark.slow
# (its fixture runs 677 of the 1354 transcripts, 113 born-digital PDFs and 43 scans: the longest setup)
@pytest.mark.timeout(2400)
def test_neighbouring_kinds_meet_the_floors(neighbours_warehouse: BuiltCorpus) -> None:
    built = neighbours_warehouse.built
    assert built.exit_code == 0, built.output
    gated = tuple(v for v in neighbours_warehouse.variants if v in THRESHOLDS["neighbours"])
    assert _check("neighbours", neighbours_warehouse.gold, built.db, gated) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ["genre_dev", "genre_heldout"])
def test_genre_corpus_meets_the_floors(genre_warehouse: BuiltCorpus, name: str) -> None:
    built = genre_warehouse.built
    assert built.exit_code == 0, built.output
    gated = tuple(v for v in genre_warehouse.variants if v in THRESHOLDS[name])
    assert _check(name, genre_warehouse.gold, built.db, gated) == []


def test_every_set_and_variant_has_floors() -> None:
    expected = {
        "samples": {"txt", "born", "mixed", "scan"},
        "realdocs": {"txt", "born", "scan"},
        "neighbours": {"txt", "born", "scan"},
        "genre_dev": {"txt", "born"},
        "genre_heldout": {"txt", "born"},
    }
    for name, variants in expected.items():
        entry = THRESHOLDS[name]
        assert variants <= set(entry), (name, set(entry))
        for variant in variants:
            assert entry[variant]["fuzzy"], (name, variant)
            assert "max_cer" in entry[variant], (name, variant)
    # amount fund and year are gated wherever today's extraction finds them
    assert {"amounts.fund_type", "amounts.year"} <= set(THRESHOLDS["samples"]["born"]["fuzzy"])


def _report(*docs: tuple[str, int, int, int]) -> EvalReport:
    """A report of txt documents: (gold stem, districts found, missed, added)."""
    return EvalReport(
        "gold",
        "db",
        tuple(
            DocumentResult(
                stem,
                stem,
                f"{stem}.txt",
                "txt",
                {"district_mentions.name": FieldScore(tp=tp, fp=fp, fn=fn)},
                strict_scores={},
            )
            for stem, tp, fn, fp in docs
        ),
    )


def test_one_district_lost_or_added_in_a_large_set_fails_the_gate() -> None:
    """200 documents with 4 districts each: one mention lost or added moves the set's F1 by
    under 0.001, far inside a floor's margin, but that document is worse than before."""
    today = _report(*((f"d{i:03}", 4, 0, 0) for i in range(200)), ("d200", 1, 1, 2))
    floors = thresholds_from(today)
    recorded = floors["txt"]["per_document"]["district_mentions.name"]
    assert len(recorded) == 201 and recorded["d000"] == [0, 0] and recorded["d200"] == [1, 2]
    assert gate_failures(today, floors) == []
    worse = _report(
        *((f"d{i:03}", 4 - (i == 7), int(i == 7), int(i == 9)) for i in range(200)),
        ("d200", 2, 0, 2),  # better than before: not a failure
    )
    assert gate_failures(worse, floors) == [
        "txt district_mentions.name d007: 1 missed, 0 added (at most 0 and 0 when the floors "
        "were set)",
        "txt district_mentions.name d009: 0 missed, 1 added (at most 0 and 0 when the floors "
        "were set)",
    ]


def test_floors_of_a_large_corpus_come_from_the_documents_its_gate_reads(tmp_path: Path) -> None:
    """README counts every transcript of the neighbours; the gate reads the odd-numbered ones,
    so its set floors are theirs (an even-numbered document's misses would set a floor the
    gate cannot reach), while each document's recorded errors are kept for all of them (a
    mutation test runs an even-numbered document alone)."""
    from pipeline.devtools.quality_report import write_floors

    every = _report(("n01", 4, 0, 0), ("n02", 0, 4, 0), ("n03", 3, 1, 0), ("n04", 4, 0, 0))
    floors = tmp_path / "floors.json"
    write_floors(floors, {"neighbours": every, "realdocs": every})
    data = json.loads(floors.read_text("utf-8"))
    gated = data["neighbours"]["txt"]
    assert (
        gated["fuzzy"]["district_mentions.name"]
        == thresholds_from(_report(("n01", 4, 0, 0), ("n03", 3, 1, 0)))["txt"]["fuzzy"][
            "district_mentions.name"
        ]
    )
    assert (
        gated["fuzzy"]["district_mentions.name"]
        > thresholds_from(every)["txt"]["fuzzy"]["district_mentions.name"]
    )
    assert gated["per_document"]["district_mentions.name"]["n02"] == [4, 0]
    # a corpus the gate reads whole: every document sets its floors
    assert data["realdocs"]["txt"]["fuzzy"] == thresholds_from(every)["txt"]["fuzzy"]


# --------------------------------------------------------------------------- mutations


def _raw_of(tmp: Path, parts: dict[Path, str]) -> Path:
    raw = tmp / "raw"
    for src, sub in parts.items():
        shutil.copytree(src, raw / sub)
    return raw


@pytest.fixture(scope="module")
def samples_text_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples that need no OCR: the five transcripts and the two born-digital PDFs."""
    return _raw_of(
        tmp_path_factory.mktemp("samples_text"),
        {RAW / "transcripts": "transcripts", RAW / "born": "born"},
    )


@pytest.fixture(scope="module")
def realdocs_text_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The realdocs' transcripts (``../gold`` beside it: their gold, with references)."""
    root = tmp_path_factory.mktemp("realdocs_text")
    render_corpus(CORPORA / "realdocs", root, ("txt",))
    return root / "raw"


#: a genre document (held out, g19-g48) whose project districts depend on one alias: the old
#: district name "Rinkeby" (district_aliases.csv: Rinkeby -> rinkeby-kista), printed in the
#: 2025 LUM decision's description of a Järva project. Measured 2026-11-30: of the 99
#: aliases whose removal changes what a bare mention resolves to, this is the only one that
#: changes a gated document's figures on the transcripts of the samples, the realdocs and
#: the genre corpus (no document-level district set hangs on one alias: genitives, "sdf"
#: forms and fuzzy matching recover every other one).
ALIAS_DOCUMENT = "g24_2025_sn_lum_prosa"


@pytest.fixture(scope="module")
def genre_alias_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The transcript of :data:`ALIAS_DOCUMENT` (``../gold`` beside it: its gold)."""
    root = tmp_path_factory.mktemp("genre_alias")
    render_corpus(CORPORA / "genre", root, ("txt",), stems=(ALIAS_DOCUMENT,))
    return root / "raw"


@pytest.fixture
def fresh_gazetteer() -> Iterator[None]:
    """The gazetteer is cached per process (and inherited by forked workers): rebuild it
    around a test that changes its data."""
    districts_mod.load_gazetteer.cache_clear()
    yield
    districts_mod.load_gazetteer.cache_clear()
    gazetteer()  # warm again, unmutated


TRUNCATED = "Systematisk översikt av ekonomiskt bistånd"  # seed 001's FUM study


def drop_a_decision_from_born_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed 001's born-digital PDF loses its last decision."""
    understand = understand_stage.understand

    def mutated(doc: DocumentText, *args: Any, **kwargs: Any) -> UnderstoodDocument:
        result = understand(doc, *args, **kwargs)
        if doc.source_path.endswith(".born.pdf") and "001_" in doc.source_path:
            result = dataclasses.replace(result, decisions=result.decisions[:-1])
        return result

    monkeypatch.setattr(understand_stage, "understand", mutated)


def _mutate_facts(monkeypatch: pytest.MonkeyPatch, change: Callable[[Facts], Facts]) -> None:
    extract = facts_stage.extract

    def mutated(understood: UnderstoodDocument, *args: Any, **kwargs: Any) -> Facts:
        return change(extract(understood, *args, **kwargs))

    monkeypatch.setattr(facts_stage, "extract", mutated)


def truncate_a_project_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """One study's name loses its last word (fuzzy matching still pairs it: strict must not)."""

    def change(facts: Facts) -> Facts:
        projects = tuple(
            dataclasses.replace(p, name=p.name.rsplit(" ", 1)[0]) if p.name == TRUNCATED else p
            for p in facts.projects
        )
        return dataclasses.replace(facts, projects=projects)

    _mutate_facts(monkeypatch, change)


def change_an_amount_role(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 174 300 kr granted in MUL 2020 (seed 001) is read as 'other'."""

    def change(facts: Facts) -> Facts:
        amounts = tuple(
            dataclasses.replace(a, kind="other")
            if a.sek == 174_300 and a.kind == "total_granted"
            else a
            for a in facts.amounts
        )
        return dataclasses.replace(facts, amounts=amounts)

    _mutate_facts(monkeypatch, change)


def remove_a_district_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    """The alias 'Rinkeby' (of Rinkeby-Kista, 1997-2019) is gone from the gazetteer: the
    2025 document's "Rinkeby" then names the pre-1997 unit Rinkeby, a district added to a
    project (see :data:`ALIAS_DOCUMENT`)."""
    read_csv = districts_mod._read_csv

    def mutated(name: str) -> list[dict[str, str]]:
        rows = read_csv(name)
        if name == "district_aliases.csv":
            rows = [r for r in rows if r["alias"] != "Rinkeby"]
        return rows

    monkeypatch.setattr(districts_mod, "_read_csv", mutated)
    districts_mod.load_gazetteer.cache_clear()


def turn_off_ocr_repair(monkeypatch: pytest.MonkeyPatch) -> None:
    """Understanding reads the OCR text as it is, unrepaired (neither the lexicon pass nor the
    context pass)."""
    monkeypatch.setattr(understand_stage, "repair_text", lambda text, *a, **k: text)
    monkeypatch.setattr(
        understand_stage,
        "context_repair_pages",
        lambda pages, *a, **k: (list(pages), [() for _ in pages]),
    )


#: mutation -> (raw fixture, set, variants gated, a failure line it must cause)
MUTATIONS: dict[
    str, tuple[Callable[[pytest.MonkeyPatch], None], str, str, tuple[str, ...], str]
] = {
    "decision dropped from born PDFs": (
        drop_a_decision_from_born_pdfs,
        "samples_text_raw",
        "samples",
        ("born",),
        "born fuzzy decisions.text",
    ),
    "project name truncated": (
        truncate_a_project_name,
        "samples_text_raw",
        "samples",
        ("txt", "born"),
        "strict projects.name",
    ),
    "amount role changed": (
        change_an_amount_role,
        "samples_text_raw",
        "samples",
        ("txt", "born"),
        "fuzzy amounts.value_kind",
    ),
    "district alias removed": (
        remove_a_district_alias,
        "genre_alias_raw",
        "genre_heldout",
        ("txt",),
        # (any number added beyond the floor's: the floor moves with the rules)
        f"txt projects.districts {ALIAS_DOCUMENT}: 0 missed, ",
    ),
    "OCR repair turned off": (
        turn_off_ocr_repair,
        "samples_text_raw",
        "samples",
        ("txt",),
        "txt ",
    ),
}


def _gold_of(name: str, raw: Path) -> Path:
    return GOLD if name == "samples" else raw.parent / "gold"


#: raw fixture -> (set, variants gated, only the per-document check: a part of the set)
UNMUTATED: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "samples_text_raw": ("samples", ("txt", "born"), False),
    "realdocs_text_raw": ("realdocs", ("txt",), False),
    "genre_alias_raw": ("genre_heldout", ("txt",), True),
}


@pytest.mark.parametrize("raw_fixture", sorted(UNMUTATED))
def test_unmutated_code_passes_the_gate(
    raw_fixture: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    raw: Path = request.getfixturevalue(raw_fixture)
    built = build_warehouse(raw, tmp_path)
    assert built.exit_code == 0, built.output
    name, variants, part = UNMUTATED[raw_fixture]
    assert _check(name, _gold_of(name, raw), built.db, variants, part) == []


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_small_mutation_fails_the_gate(
    mutation: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    fresh_gazetteer: None,
    tmp_path: Path,
) -> None:
    mutate, raw_fixture, name, variants, expected = MUTATIONS[mutation]
    raw: Path = request.getfixturevalue(raw_fixture)
    mutate(monkeypatch)
    built = build_warehouse(raw, tmp_path)  # a fresh extracted/: no cached results
    assert built.exit_code == 0, built.output
    part = UNMUTATED[raw_fixture][2]
    failures = _check(name, _gold_of(name, raw), built.db, variants, part)
    assert any(expected in f for f in failures), failures
