"""Comparison of one document with its gold: normalisation, one-to-one matching of list items,
per-field counts (fuzzy and strict), and OCR text quality (CER/WER)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Levenshtein

from pipeline.evaluate.schema import (
    METADATA_FIELDS,
    NAME_MIN_RATIO,
    PERFORMER_MIN_RATIO,
    PROJECT_MIN_RATIO,
    TEXT_MIN_RATIO,
    TITLE_MIN_RATIO,
    Annotation,
    Criterion,
    Decision,
    FieldScore,
    Project,
    Signatory,
)

# --------------------------------------------------------------------------------------------
# Normalisation and fuzzy comparison

_WHITESPACE = re.compile(r"\s+")
_ENUMERATOR = re.compile(r"^(?:\d+\s*[.)]|[-–—•·*])\s*")


def _clean(text: str) -> str:
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _key(text: str | None) -> str | None:
    """Case- and whitespace-insensitive form of a short value; None for empty."""
    if text is None:
        return None
    cleaned = _clean(str(text)).casefold()
    return cleaned or None


def _item_text(text: str) -> str:
    """List item text without its enumerator and trailing punctuation, for fuzzy comparison."""
    cleaned = _ENUMERATOR.sub("", _clean(text).casefold())
    return cleaned.rstrip(" .,;:")


def _dnr_key(dnr: str | None) -> str | None:
    return None if dnr is None else (_WHITESPACE.sub("", str(dnr)).casefold() or None)


def _date_key(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text[:10] or None


def _date_matches(gold: str, pred: str) -> bool:
    """A gold date of YYYY, YYYY-MM or YYYY-MM-DD matches a prediction with that prefix."""
    return pred[: len(gold)] == gold


def _ratio(a: str, b: str) -> float:
    return float(fuzz.ratio(a, b))


def strict_key(text: str | None) -> str:
    """The form strict figures compare: NFC, case-folded, whitespace collapsed, without a
    leading list enumerator (``1.``, ``2)``, ``–``, ``•``) or trailing ``.,;:``. Every letter,
    digit and inner punctuation mark counts."""
    return _item_text(text or "")


def _strict_ratio(a: str, b: str) -> float:
    """100 for values equal under :func:`strict_key`, else 0 (the strict stand-in for ratio)."""
    return 100.0 if strict_key(a) == strict_key(b) else 0.0


def _project_ratio(gold: Project, pred: Project) -> float:
    """``token_sort_ratio`` of the names (best over the gold name and its aliases): word order
    is free, but every extra or missing word lowers the score, unlike ``token_set_ratio``,
    which scores a name with junk appended as 100."""
    return max(
        float(fuzz.token_sort_ratio(name, pred.name, processor=utils.default_process))
        for name in (gold.name, *gold.aliases)
    )


def _project_strict(gold: Project, pred: Project) -> float:
    return max(_strict_ratio(name, pred.name) for name in (gold.name, *gold.aliases))


# --------------------------------------------------------------------------------------------
# Matching


def match_best_first(
    gold: Sequence[Any],
    pred: Sequence[Any],
    score: Callable[[Any, Any], float],
    threshold: float,
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) with score >= threshold, highest score first."""
    candidates = [
        (s, i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if (s := score(g, p)) >= threshold
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def match_in_order(
    gold: Sequence[str], pred: Sequence[str], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one pairs that keep both sequences' order: most pairs, then highest total score."""
    n, m = len(gold), len(pred)
    scores = [[_ratio(g, p) for p in pred] for g in gold]
    # best[i][j] = (pairs, total score) for gold[i:], pred[j:]
    best = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if scores[i][j] >= threshold:
                pairs, total = best[i + 1][j + 1]
                options.append((pairs + 1, total + scores[i][j]))
            best[i][j] = max(options)
    pairs_out = []
    i = j = 0
    while i < n and j < m:
        if scores[i][j] >= threshold:
            pairs, total = best[i + 1][j + 1]
            if best[i][j] == (pairs + 1, total + scores[i][j]):
                pairs_out.append((i, j))
                i, j = i + 1, j + 1
                continue
        if best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs_out


def _scalar(gold: object, pred: object, equal: Callable[[Any, Any], bool]) -> FieldScore:
    if gold is None and pred is None:
        return FieldScore()
    if gold is None:
        return FieldScore(fp=1)
    if pred is None:
        return FieldScore(fn=1)
    return FieldScore(tp=1) if equal(gold, pred) else FieldScore(fp=1, fn=1)


def _exact(a: object, b: object) -> bool:
    return a == b


def _sets(gold: Iterable[str], pred: Iterable[str]) -> FieldScore:
    g = {k for k in map(_key, gold) if k}
    p = {k for k in map(_key, pred) if k}
    return FieldScore(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def _multisets(gold: Iterable[object], pred: Iterable[object]) -> FieldScore:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return FieldScore(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def _pairs_score(n_gold: int, n_pred: int, n_pairs: int) -> FieldScore:
    return FieldScore(tp=n_pairs, fp=n_pred - n_pairs, fn=n_gold - n_pairs)


# --------------------------------------------------------------------------------------------
# Comparison of one document with its gold


def compare(gold: Annotation, pred: Annotation, *, strict: bool = False) -> dict[str, FieldScore]:
    """Scores of one extracted document against its gold annotation, for every field in FIELDS
    that the gold annotates. ``strict``: every fuzzy comparison (titles, list items' text,
    project and signatory names, performers) becomes equality under :func:`strict_key`."""
    scores: dict[str, FieldScore] = {}
    scores.update(_compare_metadata(gold.metadata, pred.metadata, strict))
    scores.update(_compare_decisions(gold.decisions, pred.decisions, strict))
    scores.update(_compare_signatories(gold.signatories, pred.signatories, strict))
    scores["amounts.value"] = _multisets(
        (a.sek for a in gold.amounts), (a.sek for a in pred.amounts)
    )
    scores["amounts.value_kind"] = _multisets(
        ((a.sek, _key(a.kind)) for a in gold.amounts),
        ((a.sek, _key(a.kind)) for a in pred.amounts),
    )
    scores["amounts.fund_type"] = _multisets(
        ((a.sek, _key(a.fund_type)) for a in gold.amounts),
        ((a.sek, _key(a.fund_type)) for a in pred.amounts),
    )
    scores["amounts.year"] = _multisets(
        ((a.sek, a.year) for a in gold.amounts), ((a.sek, a.year) for a in pred.amounts)
    )
    scores.update(_compare_projects(gold.projects, pred.projects, strict))
    scores.update(_compare_criteria(gold.criteria, pred.criteria, strict))
    scores["district_mentions.name"] = _sets(gold.districts_mentioned, pred.districts_mentioned)
    return {name: score for name, score in scores.items() if name not in gold.unscored}


def _compare_metadata(
    gold: Mapping[str, str | None], pred: Mapping[str, str | None], strict: bool = False
) -> dict[str, FieldScore]:
    def title_equal(a: str, b: str) -> bool:
        if strict:
            return strict_key(a) == strict_key(b)
        return _ratio(a, b) >= TITLE_MIN_RATIO

    keyers: dict[str, Callable[[Any], str | None]] = {
        "committee": _key,
        "doc_type": _key,
        "dnr": _dnr_key,
        "doc_date": _date_key,
        "meeting_date": _date_key,
        "title": _key,
        "handlaggare": _key,
    }
    scores = {}
    for name in METADATA_FIELDS:
        keyer = keyers[name]
        equal = title_equal if name == "title" else _exact
        scores[f"documents.{name}"] = _scalar(keyer(gold.get(name)), keyer(pred.get(name)), equal)
    return scores


def _attribute_scores(
    gold: Sequence[Any],
    pred: Sequence[Any],
    pairs: Sequence[tuple[int, int]],
    empty: Any,
    attributes: Mapping[str, Callable[[Any, Any], FieldScore]],
) -> dict[str, FieldScore]:
    """End-to-end scores of the attributes of matched items.

    Matched pairs compare their attribute; an attribute of a gold item that was not found counts
    as missed and one of an extracted item that matches no gold item as wrong, so an attribute's
    recall is never better than the recall of the items it belongs to.
    """
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    triples = [
        *((gold[i], pred[j]) for i, j in pairs),
        *((g, empty) for i, g in enumerate(gold) if i not in matched_gold),
        *((empty, p) for j, p in enumerate(pred) if j not in matched_pred),
    ]
    return {
        name: sum((attribute(g, p) for g, p in triples), FieldScore())
        for name, attribute in attributes.items()
    }


def _compare_decisions(
    gold: Sequence[Decision], pred: Sequence[Decision], strict: bool = False
) -> dict[str, FieldScore]:
    pairs = match_in_order(
        [_item_text(d.text) for d in gold],
        [_item_text(d.text) for d in pred],
        100.0 if strict else TEXT_MIN_RATIO,
    )
    return {
        "decisions.text": _pairs_score(len(gold), len(pred), len(pairs)),
        **_attribute_scores(
            gold,
            pred,
            pairs,
            Decision(None, ""),
            {"decisions.item_no": lambda g, p: _scalar(g.item_no, p.item_no, _exact)},
        ),
    }


def _compare_signatories(
    gold: Sequence[Signatory], pred: Sequence[Signatory], strict: bool = False
) -> dict[str, FieldScore]:
    pairs = match_best_first(
        gold,
        pred,
        lambda g, p: _ratio(_key(g.name) or "", _key(p.name) or ""),
        100.0 if strict else NAME_MIN_RATIO,
    )
    return {
        "signatories.name": _pairs_score(len(gold), len(pred), len(pairs)),
        **_attribute_scores(
            gold,
            pred,
            pairs,
            Signatory("", None),
            {"signatories.role": lambda g, p: _scalar(_key(g.role), _key(p.role), _exact)},
        ),
    }


def _performer_equal(a: str, b: str) -> bool:
    return _ratio(a, b) >= PERFORMER_MIN_RATIO


def _performer_strict(a: str, b: str) -> bool:
    return strict_key(a) == strict_key(b)


PROJECT_ATTRIBUTES: Mapping[str, Callable[[Project, Project], FieldScore]] = {
    "projects.districts": lambda g, p: _sets(g.districts, p.districts),
    "projects.amount_sek": lambda g, p: _scalar(g.amount_sek, p.amount_sek, _exact),
    "projects.performer": lambda g, p: _scalar(
        _key(g.performer), _key(p.performer), _performer_equal
    ),
    "projects.fund_type": lambda g, p: _scalar(_key(g.fund_type), _key(p.fund_type), _exact),
    "projects.year": lambda g, p: _scalar(g.year, p.year, _exact),
    "projects.status": lambda g, p: _scalar(_key(g.status), _key(p.status), _exact),
    "projects.end_date": lambda g, p: _scalar(
        _date_key(g.end_date), _date_key(p.end_date), _date_matches
    ),
}

#: the same attributes, with the performer compared strictly
PROJECT_ATTRIBUTES_STRICT: Mapping[str, Callable[[Project, Project], FieldScore]] = {
    **PROJECT_ATTRIBUTES,
    "projects.performer": lambda g, p: _scalar(
        _key(g.performer), _key(p.performer), _performer_strict
    ),
}

CRITERION_ATTRIBUTES: Mapping[str, Callable[[Criterion, Criterion], FieldScore]] = {
    "criteria.fund_type": lambda g, p: _scalar(_key(g.fund_type), _key(p.fund_type), _exact),
    "criteria.year": lambda g, p: _scalar(g.year, p.year, _exact),
    "criteria.kind": lambda g, p: _scalar(_key(g.kind), _key(p.kind), _exact),
    "criteria.position": lambda g, p: _scalar(g.position, p.position, _exact),
}


def _compare_projects(
    gold: Sequence[Project], pred: Sequence[Project], strict: bool = False
) -> dict[str, FieldScore]:
    if strict:
        pairs = match_best_first(gold, pred, _project_strict, 100.0)
    else:
        pairs = match_best_first(gold, pred, _project_ratio, PROJECT_MIN_RATIO)
    attributes = PROJECT_ATTRIBUTES_STRICT if strict else PROJECT_ATTRIBUTES
    matched_listed = sum(1 for i, _ in pairs if gold[i].listed)
    return {
        "projects.name": _pairs_score(len(gold), len(pred), len(pairs)),
        "projects.name_listed": FieldScore(
            tp=matched_listed,
            fp=len(pred) - len(pairs),
            fn=sum(1 for g in gold if g.listed) - matched_listed,
        ),
        **_attribute_scores(gold, pred, pairs, Project(name=""), attributes),
    }


def _compare_criteria(
    gold: Sequence[Criterion], pred: Sequence[Criterion], strict: bool = False
) -> dict[str, FieldScore]:
    pairs = match_best_first(
        gold,
        pred,
        lambda g, p: _ratio(_item_text(g.text), _item_text(p.text)),
        100.0 if strict else TEXT_MIN_RATIO,
    )
    return {
        "criteria.text": _pairs_score(len(gold), len(pred), len(pairs)),
        **_attribute_scores(gold, pred, pairs, Criterion(text=""), CRITERION_ATTRIBUTES),
    }


# --------------------------------------------------------------------------------------------
# OCR text quality


def cer(hyp: str, ref: str) -> float:
    """Character error rate: Levenshtein distance / reference length (no normalisation)."""
    if not ref:
        return 0.0 if not hyp else 1.0
    return Levenshtein.distance(hyp, ref) / len(ref)


def wer(hyp: str, ref: str) -> float:
    """Word error rate: Levenshtein distance over whitespace-separated words / reference words."""
    ref_words, hyp_words = ref.split(), hyp.split()
    if not ref_words:
        return 0.0 if not hyp_words else 1.0
    return Levenshtein.distance(hyp_words, ref_words) / len(ref_words)


@dataclass(frozen=True)
class TextQuality:
    """Edit counts of a document's text against its reference (whitespace collapsed)."""

    char_edits: int
    chars: int
    word_edits: int
    words: int

    @classmethod
    def measure(cls, hyp: str, ref: str) -> TextQuality:
        hyp, ref = _clean(hyp), _clean(ref)
        hyp_words, ref_words = hyp.split(), ref.split()
        return cls(
            char_edits=Levenshtein.distance(hyp, ref),
            chars=len(ref),
            word_edits=Levenshtein.distance(hyp_words, ref_words),
            words=len(ref_words),
        )

    def __add__(self, other: TextQuality) -> TextQuality:
        return TextQuality(
            self.char_edits + other.char_edits,
            self.chars + other.chars,
            self.word_edits + other.word_edits,
            self.words + other.words,
        )

    @property
    def cer(self) -> float:
        return self.char_edits / self.chars if self.chars else 0.0

    @property
    def wer(self) -> float:
        return self.word_edits / self.words if self.words else 0.0
