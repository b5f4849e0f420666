"""The quality gate: floors per test set and variant, fuzzy and strict, and CER ceilings.

``tests/quality_thresholds.json`` holds, for every set (``samples``, ``realdocs``,
``genre_dev``, ``genre_heldout``) and every variant measured on it (``txt``, ``born``,
``mixed``, ``scan``)::

    {"fuzzy": {field: floor, ...}, "strict": {field: floor, ...}, "max_cer": ceiling}

:func:`gate_failures` lists every field whose F1 (fuzzy or strict) is below its floor and every
variant whose CER is above its ceiling, one line each. :func:`thresholds_from` writes floors from
measured figures: ``floor(F1 - margin)`` to two decimals (so within 0.01-0.02 of today with the
default margin), only for fields that were measured (a field nothing was expected or extracted
for has no floor, and neither has an F1 of 0: a floor of 0 could not fail); and a CER ceiling of
twice today's, rounded up to five decimals.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.evaluate.report import EvalReport
from pipeline.evaluate.schema import FIELDS, FieldScore

#: fields whose strict figure differs from the fuzzy one (the others compare exactly anyway)
STRICT_FIELDS: tuple[str, ...] = (
    "documents.title",
    "decisions.text",
    "signatories.name",
    "projects.name",
    "projects.name_listed",
    "projects.districts",
    "projects.performer",
    "criteria.text",
)


@dataclass(frozen=True)
class TestSet:
    """One set of the gate: its gold folder (relative to the repository) and, for a set that
    is part of a corpus, which gold stems belong to it."""

    name: str
    gold: str
    keep: Callable[[str], bool] = lambda stem: True
    note: str = ""


def _held_out(stem: str) -> bool:
    """g19-g48: the documents written blind in five later rounds. Each round was measured
    blind once (README, "Generality"); the rules have been looked at against all but the last
    round (g43-g48) since."""
    return stem[:1] == "g" and stem[1:3].isdigit() and int(stem[1:3]) >= 19


SETS: tuple[TestSet, ...] = (
    TestSet("samples", "tests/gold", note="the five seeds"),
    TestSet("realdocs", "tests/resources/corpus/realdocs/gold", note="15 real documents"),
    TestSet(
        "genre_dev",
        "tests/resources/corpus/genre/gold",
        lambda stem: not _held_out(stem),
        note="genre g01-g18",
    ),
    TestSet(
        "genre_heldout",
        "tests/resources/corpus/genre/gold",
        _held_out,
        note="genre g19-g48, written blind later (first measured blind; see README)",
    ),
)


def get_set(name: str) -> TestSet:
    for s in SETS:
        if s.name == name:
            return s
    raise KeyError(f"unknown set {name!r}; known: {', '.join(s.name for s in SETS)}")


def _measured(score: FieldScore) -> bool:
    return bool(score.tp or score.fp or score.fn)


def _floor(f1: float, margin: float) -> float:
    return max(0.0, math.floor(round((f1 - margin) * 100, 6)) / 100)


def thresholds_from(
    report: EvalReport, margin: float = 0.01, variants: tuple[str, ...] | None = None
) -> dict[str, dict[str, Any]]:
    """Floors and CER ceilings per variant from the figures of ``report`` (see the module
    docstring)."""
    fuzzy, strict, ocr = report.by_variant, report.strict_by_variant, report.ocr_by_variant
    out: dict[str, dict[str, Any]] = {}
    for variant in sorted(fuzzy):
        if variants is not None and variant not in variants:
            continue
        entry: dict[str, Any] = {
            "fuzzy": {
                name: floor
                for name in FIELDS
                if _measured(s := fuzzy[variant][name]) and (floor := _floor(s.f1, margin)) > 0
            },
            "strict": {
                name: floor
                for name in STRICT_FIELDS
                if _measured(s := strict[variant][name]) and (floor := _floor(s.f1, margin)) > 0
            },
        }
        if variant in ocr:
            entry["max_cer"] = math.ceil(round(2 * ocr[variant].cer * 1e5, 6)) / 1e5
        out[variant] = entry
    return out


def gate_failures(
    report: EvalReport, thresholds: Mapping[str, Mapping[str, Any]], label: str = ""
) -> list[str]:
    """One line per field below its floor, per CER above its ceiling, and per gated variant
    with no document in the report. ``thresholds`` is one set's entry: variant -> floors."""
    fuzzy, strict, ocr = report.by_variant, report.strict_by_variant, report.ocr_by_variant
    prefix = f"{label} " if label else ""
    out = []
    for variant, entry in thresholds.items():
        if variant not in fuzzy:
            out.append(f"{prefix}{variant}: no document of this variant was evaluated")
            continue
        for kind, scores in (("fuzzy", fuzzy[variant]), ("strict", strict[variant])):
            for name, floor in entry.get(kind, {}).items():
                f1 = scores[name].f1 if name in scores else 0.0
                if f1 < floor:
                    out.append(f"{prefix}{variant} {kind} {name}: F1 {f1:.3f} < {floor:.2f}")
        ceiling = entry.get("max_cer")
        if ceiling is not None:
            cer = ocr[variant].cer if variant in ocr else math.inf
            if cer > ceiling:
                out.append(f"{prefix}{variant} CER {cer:.5f} > {ceiling:.5f}")
    return out
