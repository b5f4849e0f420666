"""The quality gate: floors per test set and variant, fuzzy and strict, and CER ceilings.

``tests/quality_thresholds.json`` holds, for every set (``samples``, ``realdocs``,
``genre_dev``, ``genre_heldout``) and every variant measured on it (``txt``, ``born``,
``mixed``, ``scan``)::

    {"fuzzy": {field: floor, ...}, "strict": {field: floor, ...}, "max_cer": ceiling,
     "per_document": {field: {gold stem: [missed, added], ...}, ...}}

:func:`gate_failures` lists every field whose F1 (fuzzy or strict) is below its floor, every
variant whose CER is above its ceiling, and every document that misses or adds more values
of a field than when the floors were set (``per_document``: the check of
:data:`PER_DOCUMENT_FIELDS`, which sees one district lost or added in a set of hundreds,
where a floor on the set's F1 cannot), one line each. :func:`thresholds_from` writes floors from
measured figures: ``floor(F1 - margin)`` to two decimals (so within 0.01-0.02 of today with the
default margin), only for fields that were measured (a field nothing was expected or extracted
for has no floor, and neither has an F1 of 0: a floor of 0 could not fail); and a CER ceiling of
twice today's, rounded up to five decimals.
"""

from __future__ import annotations

import math
import re
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


#: fields checked document by document: no document may miss or add more of the field's values
#: than when the floors were set (one district lost or added moves a large set's F1 by less
#: than a floor's margin; per document it is a failure)
PER_DOCUMENT_FIELDS: tuple[str, ...] = ("district_mentions.name", "projects.districts")


@dataclass(frozen=True)
class TestSet:
    """One set of the gate: its gold folder (relative to the repository) and, for a set that
    is part of a corpus, which gold stems belong to it."""

    name: str
    gold: str
    keep: Callable[[str], bool] = lambda stem: True
    note: str = ""


def _held_out(stem: str) -> bool:
    """g19-g358: the documents written blind in forty-seven later rounds. Each round was
    measured blind once (README, "Generality"); the rules have been looked at against all of
    them since, so the held-out figures are no longer an unseen-document estimate (the blind
    ones are)."""
    m = re.match(r"g(\d+)_", stem)
    return m is not None and int(m.group(1)) >= 19


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
        note="genre g19-g358, written blind later (first measured blind; see README)",
    ),
    TestSet(
        "neighbours",
        "tests/resources/corpus/neighbours/gold",
        note="266 documents of neighbouring kinds, written blind (first measured blind)",
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
        per_document = document_errors(report, variant)
        if per_document:
            entry["per_document"] = per_document
        out[variant] = entry
    return out


def document_errors(report: EvalReport, variant: str) -> dict[str, dict[str, list[int]]]:
    """Per field of :data:`PER_DOCUMENT_FIELDS`, each measured document of ``variant`` (gold
    stem) with its ``[missed, added]`` counts (fn, fp)."""
    out: dict[str, dict[str, list[int]]] = {}
    for name in PER_DOCUMENT_FIELDS:
        per = {
            d.gold: [s.fn, s.fp]
            for d in sorted(report.documents, key=lambda d: d.gold)
            if d.variant == variant and (s := d.scores.get(name)) is not None and _measured(s)
        }
        if per:
            out[name] = per
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
        out += _worse_documents(report, variant, entry.get("per_document", {}), prefix)
    return out


def _worse_documents(
    report: EvalReport,
    variant: str,
    recorded: Mapping[str, Mapping[str, list[int]]],
    prefix: str,
) -> list[str]:
    """One line per recorded document that now misses or adds more values of a field."""
    out = []
    for name, per in recorded.items():
        for d in report.documents:
            if d.variant != variant or d.gold not in per:
                continue
            score = d.scores.get(name)
            if score is None:
                continue
            missed, added = per[d.gold]
            if score.fn > missed or score.fp > added:
                out.append(
                    f"{prefix}{variant} {name} {d.gold}: {score.fn} missed, {score.fp} added "
                    f"(at most {missed} and {added} when the floors were set)"
                )
    return out
