"""The evaluation report: every warehouse document against the gold file of its stem, summed
per variant and overall, fuzzy and strict; as JSON and as plain-text tables."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pipeline.evaluate.gold import load_gold_dir, match_stem
from pipeline.evaluate.matching import TextQuality, compare
from pipeline.evaluate.repairs import RepairCount, count_repairs
from pipeline.evaluate.schema import (
    FIELDS,
    METADATA_FIELDS,
    Annotation,
    FieldScore,
    GoldDocument,
    sum_scores,
)
from pipeline.evaluate.warehouse import read_warehouse

# --------------------------------------------------------------------------------------------
# Report


@dataclass(frozen=True)
class DocumentResult:
    """One warehouse document (or one gold file with no document: doc_id None) and its scores."""

    gold: str
    doc_id: str | None
    source_path: str | None
    variant: str | None
    scores: Mapping[str, FieldScore]
    text_quality: TextQuality | None = None
    #: the same fields counted strictly (see the package docstring)
    strict_scores: Mapping[str, FieldScore] | None = None
    #: words the repair changed, and how many now read as the reference does
    repairs: RepairCount | None = None

    def to_dict(self) -> dict[str, Any]:
        tq = self.text_quality
        strict = self.strict_scores or {}
        return {
            "gold": self.gold,
            "doc_id": self.doc_id,
            "source_path": self.source_path,
            "variant": self.variant,
            "fields": {name: score.to_dict() for name, score in self.scores.items()},
            "strict_fields": {name: score.to_dict() for name, score in strict.items()},
            "ocr": None if tq is None else {"cer": tq.cer, "wer": tq.wer},
            "repairs": None
            if self.repairs is None
            else {
                "changed": self.repairs.changed,
                "judged": self.repairs.judged,
                "right": self.repairs.right,
            },
        }


@dataclass(frozen=True)
class EvalReport:
    gold_dir: str
    db_path: str
    documents: tuple[DocumentResult, ...]
    unmatched_documents: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def fields(self) -> dict[str, FieldScore]:
        """Overall scores per field, over every document and every missing gold file."""
        return sum_scores(d.scores for d in self.documents)

    @property
    def strict_fields(self) -> dict[str, FieldScore]:
        """Overall strict scores per field (letter-exact values; see the package docstring)."""
        return sum_scores(d.strict_scores or {} for d in self.documents)

    @property
    def missing(self) -> tuple[str, ...]:
        """Gold stems with no document in the warehouse."""
        return tuple(d.gold for d in self.documents if d.doc_id is None)

    @property
    def by_variant(self) -> dict[str, dict[str, FieldScore]]:
        variants = sorted({d.variant for d in self.documents if d.variant is not None})
        return {v: sum_scores(d.scores for d in self.documents if d.variant == v) for v in variants}

    @property
    def strict_by_variant(self) -> dict[str, dict[str, FieldScore]]:
        variants = sorted({d.variant for d in self.documents if d.variant is not None})
        return {
            v: sum_scores(d.strict_scores or {} for d in self.documents if d.variant == v)
            for v in variants
        }

    def select(self, keep: Callable[[str], bool]) -> EvalReport:
        """The same report restricted to the gold stems for which ``keep(stem)`` is true (a
        held-out part of a corpus, say)."""
        return replace(self, documents=tuple(d for d in self.documents if keep(d.gold)))

    @property
    def ocr_by_variant(self) -> dict[str, TextQuality]:
        result: dict[str, TextQuality] = {}
        for d in self.documents:
            if d.text_quality is not None and d.variant is not None:
                previous = result.get(d.variant, TextQuality(0, 0, 0, 0))
                result[d.variant] = previous + d.text_quality
        return result

    @property
    def repairs_by_variant(self) -> dict[str, RepairCount]:
        """Words the repair changed per variant, and how many were right."""
        result: dict[str, RepairCount] = {}
        for d in self.documents:
            if d.repairs is not None and d.variant is not None:
                result[d.variant] = result.get(d.variant, RepairCount()) + d.repairs
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_dir": self.gold_dir,
            "db": self.db_path,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "strict_fields": {name: score.to_dict() for name, score in self.strict_fields.items()},
            "by_variant": {
                v: {name: s.to_dict() for name, s in scores.items()}
                for v, scores in self.by_variant.items()
            },
            "strict_by_variant": {
                v: {name: s.to_dict() for name, s in scores.items()}
                for v, scores in self.strict_by_variant.items()
            },
            "ocr_by_variant": {
                v: {"cer": tq.cer, "wer": tq.wer} for v, tq in self.ocr_by_variant.items()
            },
            "repairs_by_variant": {
                v: {"changed": r.changed, "judged": r.judged, "right": r.right}
                for v, r in self.repairs_by_variant.items()
            },
            "documents": [d.to_dict() for d in self.documents],
            "missing": list(self.missing),
            "unmatched_documents": list(self.unmatched_documents),
            "warnings": list(self.warnings),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def evaluate(gold_dir: Path, db_path: Path) -> EvalReport:
    """Compare every warehouse document with the gold file of the same stem."""
    golds = load_gold_dir(gold_dir)
    documents, warnings = read_warehouse(db_path)
    results: list[DocumentResult] = []
    unmatched: list[str] = []
    seen: set[str] = set()
    for doc in sorted(documents, key=lambda d: (d.source_path, d.doc_id)):
        match = match_stem(doc.source_path, golds)
        if match is None:
            unmatched.append(doc.source_path)
            continue
        stem, variant = match
        seen.add(stem)
        gold = golds[stem]
        results.append(
            DocumentResult(
                gold=stem,
                doc_id=doc.doc_id,
                source_path=doc.source_path,
                variant=variant,
                scores=compare(gold.annotation, doc.annotation),
                text_quality=_text_quality(gold, doc.text, warnings),
                strict_scores=compare(gold.annotation, doc.annotation, strict=True),
                repairs=_repairs(gold, doc.text, doc.clean_text, warnings),
            )
        )
    for stem in sorted(set(golds) - seen):
        missed = compare(golds[stem].annotation, Annotation())
        results.append(DocumentResult(stem, None, None, None, missed, strict_scores=missed))
    return EvalReport(
        gold_dir=str(gold_dir),
        db_path=str(db_path),
        documents=tuple(results),
        unmatched_documents=tuple(unmatched),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _repairs(gold: GoldDocument, text: str, clean: str, warnings: list[str]) -> RepairCount:
    path = gold.clean_reference
    reference = None
    if path is not None:
        try:
            reference = path.read_text(encoding="utf-8")
        except OSError:
            warnings.append(f"{gold.path.name}: reference {path} not readable; repairs not judged")
    return count_repairs(text, clean or text, reference)


def _text_quality(gold: GoldDocument, text: str, warnings: list[str]) -> TextQuality | None:
    if gold.reference is None:
        return None
    try:
        reference = gold.reference.read_text(encoding="utf-8")
    except OSError:
        warnings.append(f"{gold.path.name}: reference {gold.reference} not readable; no CER/WER")
        return None
    return TextQuality.measure(text, reference)


# --------------------------------------------------------------------------------------------
# Plain-text rendering

_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meta", tuple(f"documents.{name}" for name in METADATA_FIELDS)),
    ("decis", ("decisions.text",)),
    ("projs", ("projects.name",)),
    ("p.attr", tuple(f for f in FIELDS if f.startswith("projects.") and "name" not in f)),
    ("amnts", ("amounts.value_kind",)),
    ("crit", ("criteria.text",)),
    ("distr", ("district_mentions.name",)),
)


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def format_report(report: EvalReport) -> str:
    """The report as plain-text tables: overall, F1 by variant, and per document."""
    n_docs = sum(1 for d in report.documents if d.doc_id)
    lines = [
        f"Extraction quality: {len({d.gold for d in report.documents})} gold files,"
        f" {n_docs} warehouse documents evaluated, {len(report.missing)} gold files without a"
        f" document, {len(report.unmatched_documents)} documents without a gold file",
        f"gold: {report.gold_dir}   warehouse: {report.db_path}",
        "",
        "Overall (micro; missing gold files count as not found). fuzzy: titles, names and"
        " list items matched as in the docs; strict: letter-exact values (case and whitespace"
        " aside)",
        f"{'field':<26}{'tp':>6}{'fp':>6}{'fn':>6}{'prec':>8}{'recall':>8}{'f1':>8}"
        f"{'strict p':>10}{'strict r':>10}{'strict f1':>10}",
    ]
    strict = report.strict_fields
    for name, s in report.fields.items():
        t = strict.get(name, FieldScore())
        lines.append(
            f"{name:<26}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            f"{_fmt(s.precision):>8}{_fmt(s.recall):>8}{_fmt(s.f1):>8}"
            f"{_fmt(t.precision):>10}{_fmt(t.recall):>10}{_fmt(t.f1):>10}"
        )

    by_variant = report.by_variant
    strict_by_variant = report.strict_by_variant
    if by_variant:
        lines += [
            "",
            "F1 by variant, fuzzy / strict",
            f"{'field':<26}" + "".join(f"{v:>14}" for v in by_variant),
        ]
        for name in FIELDS:
            cells = "".join(
                f"{_fmt(by_variant[v][name].f1) + ' / ' + _fmt(strict_by_variant[v][name].f1):>14}"
                for v in by_variant
            )
            lines.append(f"{name:<26}{cells}")
        ocr = report.ocr_by_variant
        if ocr:
            for label, attr in (("ocr.cer", "cer"), ("ocr.wer", "wer")):
                cells = "".join(
                    f"{_fmt(getattr(ocr[v], attr)) if v in ocr else '-':>14}" for v in by_variant
                )
                lines.append(f"{label:<26}{cells}")

    lines += [
        "",
        "Per document (F1; meta = documents.* fields, p.attr = projects.* attributes; MISSING = no document)",
        f"{'gold':<22}{'variant':<9}{'doc_id':<18}"
        + "".join(f"{label:>7}" for label, _ in _GROUPS)
        + f"{'cer':>7}{'wer':>7}",
    ]
    for d in report.documents:
        cells = "".join(
            f"{sum((d.scores.get(f, FieldScore()) for f in names), FieldScore()).f1:>7.3f}"
            for _, names in _GROUPS
        )
        tq = d.text_quality
        ocr_cells = f"{tq.cer:>7.3f}{tq.wer:>7.3f}" if tq else f"{'-':>7}{'-':>7}"
        lines.append(
            f"{d.gold[:21]:<22}{(d.variant or 'MISSING')[:8]:<9}{(d.doc_id or '-')[:17]:<18}"
            + cells
            + ocr_cells
        )
    repairs = report.repairs_by_variant
    if repairs:
        lines += [
            "",
            "Repair: words changed from text to clean_text; of the changes in documents with a"
            " careful reading (gold clean_reference), how many now read as it does",
        ]
        for v, r in repairs.items():
            lines.append(
                f"  {v:<8}{r.changed:>7} changed{r.judged:>7} judged{r.right:>7} right"
                f"  precision {_fmt(r.precision)}"
            )
    if report.missing:
        lines += ["", "Gold files with no warehouse document (counted as not found):"]
        lines += [f"  {stem}" for stem in report.missing]
    if report.unmatched_documents:
        lines += ["", "Warehouse documents without a gold file:"]
        lines += [f"  {p}" for p in report.unmatched_documents]
    if report.warnings:
        lines += ["", "Warnings:"]
        lines += [f"  {w}" for w in report.warnings]
    return "\n".join(lines)
