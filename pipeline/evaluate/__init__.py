"""Extraction quality of the warehouse measured against gold annotations (``namnd eval``).

Gold files (``tests/gold/<stem>.json``, format in ``tests/gold/SCHEMA.md``) hold what a careful
reader finds in one source document. Every warehouse document whose ``source_path`` has that stem
(``x.txt``, ``x.pdf``, ``x.scan.pdf``, ``x.born.pdf``, ``x.mixed.pdf`` ...) is compared with it on
its own, so each variant of a document gets its own figures; they are also summed per variant and
overall. A gold file with no warehouse document counts as entirely missed.

Counting rules (``tp``/``fp``/``fn`` per field, summed over documents, micro-averaged):

* single-valued fields (committee, doc_type, dnr, dates, title, handläggare, and the attributes of
  a matched project/criterion/decision/signatory): equal -> tp; gold value but none extracted ->
  fn; extracted but gold is empty -> fp; both present and different -> fp + fn; both empty ->
  nothing. committee/doc_type/handläggare compare case- and whitespace-insensitively, dnr also
  ignores spaces, dates compare as ISO dates (a gold ``YYYY-MM`` matches any day of that month),
  titles match when rapidfuzz ``ratio`` >= 90. Diacritics always matter.
* decisions: one-to-one alignment in document order, ``ratio`` >= 85 on normalised text.
* criteria and signatories: one-to-one, best score first (criteria ``ratio`` >= 85, names >= 90);
  the order of criteria is measured by ``criteria.position`` on the matched pairs, because
  positions restart for every list and a single document order is not stored.
* projects: one-to-one, best first, ``token_set_ratio`` >= 80 on the name (or a gold alias); then
  on matched pairs districts (set), amount_sek, performer (``ratio`` >= 85), fund_type, year,
  status and end_date. ``projects.name_listed`` is the same match restricted to gold projects
  that come from a printed list or table.
* attributes of list items (``decisions.item_no``, ``signatories.role``, ``projects.*``,
  ``criteria.*``) are end-to-end: compared on matched pairs, while the attributes of an unfound
  gold item count as missed and those of an unmatched extracted item as wrong.
* amounts: multiset of values (``amounts.value``) and of (value, kind) (``amounts.value_kind``).
* district mentions: sets of canonical names (``districts.name``).

OCR quality: when a gold file names a ``reference`` text, the document's page text (``pages.text``,
pages in order) is compared with it after collapsing whitespace: CER and WER are Levenshtein
distances over characters / words divided by the reference length.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import duckdb
from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Levenshtein

from pipeline.errors import UsageError

TITLE_MIN_RATIO = 90.0
TEXT_MIN_RATIO = 85.0
PROJECT_MIN_RATIO = 80.0
PERFORMER_MIN_RATIO = 85.0
NAME_MIN_RATIO = 90.0

DOC_TYPES = frozenset({"tjänsteutlåtande", "protokollsutdrag", "protokoll", "bilaga", "other"})
AMOUNT_KINDS = frozenset(
    {"max_per_application", "total_granted", "project_cost", "budget", "state_grant", "other"}
)
CRITERION_KINDS = frozenset({"criterion", "priority", "focus_area"})
PROJECT_STATUSES = frozenset({"ansökt", "beviljad", "pågående", "genomförd"})

METADATA_FIELDS = (
    "committee",
    "doc_type",
    "dnr",
    "doc_date",
    "meeting_date",
    "title",
    "handlaggare",
)
FIELDS: tuple[str, ...] = (
    *(f"documents.{name}" for name in METADATA_FIELDS),
    "decisions.text",
    "decisions.item_no",
    "signatories.name",
    "signatories.role",
    "amounts.value",
    "amounts.value_kind",
    "projects.name",
    "projects.name_listed",
    "projects.districts",
    "projects.amount_sek",
    "projects.performer",
    "projects.fund_type",
    "projects.year",
    "projects.status",
    "projects.end_date",
    "criteria.text",
    "criteria.fund_type",
    "criteria.year",
    "criteria.kind",
    "criteria.position",
    "district_mentions.name",
)


class EvalError(UsageError):
    """A gold directory, gold file or warehouse that cannot be evaluated; the message says why."""


# --------------------------------------------------------------------------------------------
# Scores


@dataclass(frozen=True)
class FieldScore:
    """Counts for one field; precision/recall/F1 follow from them.

    With nothing expected and nothing extracted every figure is 1.0; with nothing extracted but
    something expected precision is 0.0 (not undefined), so an empty warehouse scores 0.
    Also readable as a mapping: ``score["recall"]``.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def __getitem__(self, key: str) -> int | float:
        if key not in ("tp", "fp", "fn", "precision", "recall", "f1"):
            raise KeyError(key)
        value: int | float = getattr(self, key)
        return value

    def to_dict(self) -> dict[str, int | float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def sum_scores(score_maps: Iterable[Mapping[str, FieldScore]]) -> dict[str, FieldScore]:
    """Field-wise sum of several per-document score maps (every field in FIELDS present)."""
    total = {name: FieldScore() for name in FIELDS}
    for scores in score_maps:
        for name, score in scores.items():
            total[name] = total.get(name, FieldScore()) + score
    return total


# --------------------------------------------------------------------------------------------
# One document's content, from a gold file or from the warehouse


@dataclass(frozen=True)
class Decision:
    item_no: int | None
    text: str


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str | None


@dataclass(frozen=True)
class Amount:
    sek: int
    kind: str | None


@dataclass(frozen=True)
class Project:
    name: str
    aliases: tuple[str, ...] = ()
    districts: frozenset[str] = frozenset()
    fund_type: str | None = None
    year: int | None = None
    status: str | None = None
    amount_sek: int | None = None
    performer: str | None = None
    end_date: str | None = None
    listed: bool = True


@dataclass(frozen=True)
class Criterion:
    text: str
    fund_type: str | None = None
    year: int | None = None
    position: int | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Annotation:
    """What one document says, in the terms the evaluation compares."""

    metadata: Mapping[str, str | None] = field(default_factory=dict)
    decisions: tuple[Decision, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    amounts: tuple[Amount, ...] = ()
    projects: tuple[Project, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    districts_mentioned: frozenset[str] = frozenset()
    #: fields the gold does not annotate (the realdocs' gold has no doc_type or signatories,
    #: decisions without item numbers, projects without status): not scored at all, rather
    #: than counted as misses
    unscored: frozenset[str] = frozenset()


#: gold keys that may be absent; every other key of the schema is required
OPTIONAL_GOLD_KEYS = frozenset({"doc_type", "signatories"})


@dataclass(frozen=True)
class GoldDocument:
    stem: str
    path: Path
    annotation: Annotation
    reference: Path | None


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


def _project_ratio(gold: Project, pred: Project) -> float:
    return max(
        float(fuzz.token_set_ratio(name, pred.name, processor=utils.default_process))
        for name in (gold.name, *gold.aliases)
    )


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


def compare(gold: Annotation, pred: Annotation) -> dict[str, FieldScore]:
    """Scores of one extracted document against its gold annotation, for every field in FIELDS."""
    scores: dict[str, FieldScore] = {}
    scores.update(_compare_metadata(gold.metadata, pred.metadata))
    scores.update(_compare_decisions(gold.decisions, pred.decisions))
    scores.update(_compare_signatories(gold.signatories, pred.signatories))
    scores["amounts.value"] = _multisets(
        (a.sek for a in gold.amounts), (a.sek for a in pred.amounts)
    )
    scores["amounts.value_kind"] = _multisets(
        ((a.sek, _key(a.kind)) for a in gold.amounts),
        ((a.sek, _key(a.kind)) for a in pred.amounts),
    )
    scores.update(_compare_projects(gold.projects, pred.projects))
    scores.update(_compare_criteria(gold.criteria, pred.criteria))
    scores["district_mentions.name"] = _sets(gold.districts_mentioned, pred.districts_mentioned)
    return {name: score for name, score in scores.items() if name not in gold.unscored}


def _compare_metadata(
    gold: Mapping[str, str | None], pred: Mapping[str, str | None]
) -> dict[str, FieldScore]:
    def title_equal(a: str, b: str) -> bool:
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


def _compare_decisions(gold: Sequence[Decision], pred: Sequence[Decision]) -> dict[str, FieldScore]:
    pairs = match_in_order(
        [_item_text(d.text) for d in gold], [_item_text(d.text) for d in pred], TEXT_MIN_RATIO
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
    gold: Sequence[Signatory], pred: Sequence[Signatory]
) -> dict[str, FieldScore]:
    pairs = match_best_first(
        gold, pred, lambda g, p: _ratio(_key(g.name) or "", _key(p.name) or ""), NAME_MIN_RATIO
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

CRITERION_ATTRIBUTES: Mapping[str, Callable[[Criterion, Criterion], FieldScore]] = {
    "criteria.fund_type": lambda g, p: _scalar(_key(g.fund_type), _key(p.fund_type), _exact),
    "criteria.year": lambda g, p: _scalar(g.year, p.year, _exact),
    "criteria.kind": lambda g, p: _scalar(_key(g.kind), _key(p.kind), _exact),
    "criteria.position": lambda g, p: _scalar(g.position, p.position, _exact),
}


def _compare_projects(gold: Sequence[Project], pred: Sequence[Project]) -> dict[str, FieldScore]:
    pairs = match_best_first(gold, pred, _project_ratio, PROJECT_MIN_RATIO)
    matched_listed = sum(1 for i, _ in pairs if gold[i].listed)
    return {
        "projects.name": _pairs_score(len(gold), len(pred), len(pairs)),
        "projects.name_listed": FieldScore(
            tp=matched_listed,
            fp=len(pred) - len(pairs),
            fn=sum(1 for g in gold if g.listed) - matched_listed,
        ),
        **_attribute_scores(gold, pred, pairs, Project(name=""), PROJECT_ATTRIBUTES),
    }


def _compare_criteria(
    gold: Sequence[Criterion], pred: Sequence[Criterion]
) -> dict[str, FieldScore]:
    pairs = match_best_first(
        gold, pred, lambda g, p: _ratio(_item_text(g.text), _item_text(p.text)), TEXT_MIN_RATIO
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


# --------------------------------------------------------------------------------------------
# Gold files


def _require(condition: bool, path: Path, message: str) -> None:
    if not condition:
        raise EvalError(f"{path}: {message} (see tests/gold/SCHEMA.md)")


def _opt_int(value: object, path: Path, where: str) -> int | None:
    if value is None:
        return None
    _require(
        isinstance(value, int) and not isinstance(value, bool), path, f"{where} must be an integer"
    )
    assert isinstance(value, int)
    return value


def _opt_str(value: object, path: Path, where: str) -> str | None:
    _require(value is None or isinstance(value, str), path, f"{where} must be a string or null")
    return value if isinstance(value, str) else None


def _one_of(value: object, allowed: frozenset[str], path: Path, where: str) -> str | None:
    if value is None:
        return None
    _require(value in allowed, path, f"{where} {value!r} is not one of {sorted(allowed)}")
    return str(value)


def load_gold(path: Path) -> GoldDocument:
    """Read and check one gold file; raises EvalError naming the file and the bad field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from exc
    _require(isinstance(data, dict), path, "top level must be an object")
    try:
        return _parse_gold(data, path)
    except (KeyError, TypeError, AttributeError) as exc:
        raise EvalError(f"{path}: malformed gold file ({type(exc).__name__}: {exc})") from exc


def _parse_gold(data: dict[str, Any], path: Path) -> GoldDocument:
    required = (*METADATA_FIELDS, "decisions", "signatories", "amounts", "projects", "criteria")
    absent = frozenset(name for name in (*required, "districts_mentioned") if name not in data)
    missing = sorted(absent - OPTIONAL_GOLD_KEYS)
    _require(not missing, path, f"missing keys {missing}")
    metadata = {name: _opt_str(data.get(name), path, name) for name in METADATA_FIELDS}
    _one_of(metadata["doc_type"], DOC_TYPES, path, "doc_type")

    decisions = tuple(
        Decision(None, d)
        if isinstance(d, str)
        else Decision(_opt_int(d.get("item_no"), path, f"decisions[{n}].item_no"), str(d["text"]))
        for n, d in enumerate(data["decisions"])
    )
    signatories = tuple(
        Signatory(str(s["name"]), _opt_str(s.get("role"), path, f"signatories[{n}].role"))
        for n, s in enumerate(data.get("signatories") or ())
    )
    amounts = []
    for n, a in enumerate(data["amounts"]):
        sek = _opt_int(a.get("sek"), path, f"amounts[{n}].sek")
        _require(sek is not None, path, f"amounts[{n}].sek is required")
        assert sek is not None
        kind = _one_of(a.get("kind"), AMOUNT_KINDS, path, f"amounts[{n}].kind")
        amounts.append(Amount(sek, kind))
    projects = []
    for n, p in enumerate(data["projects"]):
        where = f"projects[{n}]"
        _require(bool(p.get("name")), path, f"{where}.name is required")
        projects.append(
            Project(
                name=str(p["name"]),
                aliases=tuple(str(a) for a in p.get("aliases") or ()),
                districts=frozenset(str(d) for d in p.get("districts") or ()),
                fund_type=_opt_str(p.get("fund_type"), path, f"{where}.fund_type"),
                year=_opt_int(p.get("year"), path, f"{where}.year"),
                status=_one_of(p.get("status"), PROJECT_STATUSES, path, f"{where}.status"),
                amount_sek=_opt_int(p.get("amount_sek"), path, f"{where}.amount_sek"),
                performer=_opt_str(p.get("performer"), path, f"{where}.performer"),
                end_date=_opt_str(p.get("end_date"), path, f"{where}.end_date"),
                listed=bool(p.get("listed", True)),
            )
        )
    criteria = tuple(
        Criterion(
            text=str(c["text"]),
            fund_type=_opt_str(c.get("fund_type"), path, f"criteria[{n}].fund_type"),
            year=_opt_int(c.get("year"), path, f"criteria[{n}].year"),
            position=_opt_int(c.get("position"), path, f"criteria[{n}].position"),
            kind=_one_of(c.get("kind"), CRITERION_KINDS, path, f"criteria[{n}].kind"),
        )
        for n, c in enumerate(data["criteria"])
    )
    reference = data.get("reference")
    return GoldDocument(
        stem=path.stem,
        path=path,
        annotation=Annotation(
            metadata=metadata,
            decisions=decisions,
            signatories=signatories,
            amounts=tuple(amounts),
            projects=tuple(projects),
            criteria=criteria,
            districts_mentioned=frozenset(str(d) for d in data["districts_mentioned"]),
            unscored=_unscored_fields(data, absent),
        ),
        reference=(path.parent / reference) if isinstance(reference, str) else None,
    )


def _unscored_fields(data: dict[str, Any], absent: frozenset[str]) -> frozenset[str]:
    """Fields a gold file leaves unannotated: absent optional keys, decisions written as bare
    strings (no item numbers), and project attributes that none of its projects carries."""
    unscored = {
        name
        for name in FIELDS
        for key in absent
        if name == f"documents.{key}" or name.startswith(f"{key}.")
    }
    if any(isinstance(d, str) for d in data["decisions"]):
        unscored.add("decisions.item_no")
    projects = data["projects"]
    if projects:
        for name in PROJECT_ATTRIBUTES:
            attribute = name.removeprefix("projects.")
            if not any(attribute in p for p in projects):
                unscored.add(name)
    return frozenset(unscored)


def load_gold_dir(gold_dir: Path) -> dict[str, GoldDocument]:
    """Every ``*.json`` in gold_dir, keyed by file stem."""
    if not gold_dir.is_dir():
        raise EvalError(f"gold directory {gold_dir} does not exist")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise EvalError(f"no gold files (*.json) in {gold_dir}")
    return {path.stem: load_gold(path) for path in files}


def match_stem(source_path: str, stems: Iterable[str]) -> tuple[str, str] | None:
    """(gold stem, variant) for a warehouse source_path, or None when no gold file fits.

    The longest dot-separated prefix of the file name that is a gold stem wins; the variant is
    what lies between the stem and the extension (``scan`` for ``x.scan.pdf``), else the
    extension (``txt`` for ``x.txt``, ``pdf`` for ``x.pdf``).
    """
    known = set(stems)
    name = PurePosixPath(source_path.replace("\\", "/")).name
    parts = name.split(".")
    if len(parts) == 1:
        return (name, "") if name in known else None
    for cut in range(len(parts) - 1, 0, -1):
        stem = ".".join(parts[:cut])
        if stem in known:
            variant = ".".join(parts[cut:-1]) or parts[-1]
            return stem, variant.lower()
    return None


# --------------------------------------------------------------------------------------------
# Warehouse


@dataclass(frozen=True)
class WarehouseDocument:
    doc_id: str
    source_path: str
    annotation: Annotation
    text: str


class _Reader:
    """Read-only access to the contract tables, tolerating missing tables or columns."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.warnings: list[str] = []
        rows = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'main'"
        ).fetchall()
        self.columns: dict[str, set[str]] = {}
        for table, column in rows:
            self.columns.setdefault(str(table), set()).add(str(column))

    def rows(self, table: str, columns: Sequence[str]) -> list[dict[str, Any]]:
        if table not in self.columns:
            self.warnings.append(f"table {table} is missing; treated as empty")
            return []
        have = self.columns[table]
        absent = [c for c in columns if c not in have]
        if absent:
            self.warnings.append(f"{table} lacks columns {absent}; treated as NULL")
        exprs = [f'"{c}"' if c in have else f'NULL AS "{c}"' for c in columns]
        order = " ORDER BY rowid" if self._has_rowid(table) else ""
        result = self.con.execute(f'SELECT {", ".join(exprs)} FROM "{table}"{order}').fetchall()
        return [dict(zip(columns, row, strict=True)) for row in result]

    def _has_rowid(self, table: str) -> bool:
        try:
            self.con.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
        except duckdb.Error:
            return False
        return True


def _grouped(
    rows: Iterable[dict[str, Any]], key: str = "doc_id"
) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(str(row[key]), []).append(row)
    return groups


def _int(value: object) -> int | None:
    if value is None:
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def read_warehouse(db_path: Path) -> tuple[list[WarehouseDocument], list[str]]:
    """Every document in the warehouse as an Annotation, plus warnings about missing tables."""
    if not db_path.is_file():
        raise EvalError(f"warehouse {db_path} does not exist; run `namnd run` first or pass --db")
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise EvalError(f"cannot open warehouse {db_path} read-only: {exc}") from exc
    try:
        reader = _Reader(con)
        if "documents" not in reader.columns:
            raise EvalError(f"warehouse {db_path} has no documents table; is it a namnd warehouse?")
        documents = reader.rows("documents", ("doc_id", "source_path", *METADATA_FIELDS))
        decisions = _grouped(reader.rows("decisions", ("doc_id", "item_no", "text")))
        signatories = _grouped(reader.rows("signatories", ("doc_id", "name", "role")))
        amounts = _grouped(reader.rows("amounts", ("doc_id", "sek", "kind")))
        criteria = _grouped(
            reader.rows("criteria", ("doc_id", "fund_type", "year", "position", "text", "kind"))
        )
        projects = _grouped(
            reader.rows(
                "projects",
                (
                    "project_id",
                    "doc_id",
                    "name",
                    "fund_type",
                    "year",
                    "status",
                    "amount_sek",
                    "performer",
                    "end_date",
                ),
            )
        )
        names = {
            str(r["district_id"]): str(r["name"])
            for r in reader.rows("districts", ("district_id", "name"))
            if r["name"] is not None
        }

        def district_name(row: dict[str, Any]) -> str | None:
            return names.get(str(row["district_id"])) or _str(row["name_as_printed"])

        project_districts: dict[str, set[str]] = {}
        for row in reader.rows(
            "project_districts", ("project_id", "district_id", "name_as_printed")
        ):
            if (name := district_name(row)) is not None:
                project_districts.setdefault(str(row["project_id"]), set()).add(name)
        mentions: dict[str, set[str]] = {}
        for row in reader.rows("district_mentions", ("doc_id", "district_id", "name_as_printed")):
            if (name := district_name(row)) is not None:
                mentions.setdefault(str(row["doc_id"]), set()).add(name)
        pages = _grouped(reader.rows("pages", ("doc_id", "page_no", "text")))
    finally:
        con.close()

    result = []
    for doc in documents:
        doc_id = str(doc["doc_id"])
        annotation = Annotation(
            metadata={name: _str(doc[name]) for name in METADATA_FIELDS},
            decisions=tuple(
                Decision(_int(r["item_no"]), str(r["text"]))
                for r in decisions.get(doc_id, [])
                if r["text"]
            ),
            signatories=tuple(
                Signatory(str(r["name"]), _str(r["role"]))
                for r in signatories.get(doc_id, [])
                if r["name"]
            ),
            amounts=tuple(
                Amount(sek, _str(r["kind"]))
                for r in amounts.get(doc_id, [])
                if (sek := _int(r["sek"])) is not None
            ),
            projects=tuple(
                Project(
                    name=str(r["name"]),
                    districts=frozenset(project_districts.get(str(r["project_id"]), ())),
                    fund_type=_str(r["fund_type"]),
                    year=_int(r["year"]),
                    status=_str(r["status"]),
                    amount_sek=_int(r["amount_sek"]),
                    performer=_str(r["performer"]),
                    end_date=_str(r["end_date"]),
                )
                for r in projects.get(doc_id, [])
                if r["name"]
            ),
            criteria=tuple(
                Criterion(
                    text=str(r["text"]),
                    fund_type=_str(r["fund_type"]),
                    year=_int(r["year"]),
                    position=_int(r["position"]),
                    kind=_str(r["kind"]),
                )
                for r in criteria.get(doc_id, [])
                if r["text"]
            ),
            districts_mentioned=frozenset(mentions.get(doc_id, ())),
        )
        doc_pages = sorted(pages.get(doc_id, []), key=lambda r: _int(r["page_no"]) or 0)
        text = "\n".join(str(r["text"] or "") for r in doc_pages)
        result.append(WarehouseDocument(doc_id, str(doc["source_path"] or ""), annotation, text))
    return result, reader.warnings


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

    def to_dict(self) -> dict[str, Any]:
        tq = self.text_quality
        return {
            "gold": self.gold,
            "doc_id": self.doc_id,
            "source_path": self.source_path,
            "variant": self.variant,
            "fields": {name: score.to_dict() for name, score in self.scores.items()},
            "ocr": None if tq is None else {"cer": tq.cer, "wer": tq.wer},
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
    def missing(self) -> tuple[str, ...]:
        """Gold stems with no document in the warehouse."""
        return tuple(d.gold for d in self.documents if d.doc_id is None)

    @property
    def by_variant(self) -> dict[str, dict[str, FieldScore]]:
        variants = sorted({d.variant for d in self.documents if d.variant is not None})
        return {v: sum_scores(d.scores for d in self.documents if d.variant == v) for v in variants}

    @property
    def ocr_by_variant(self) -> dict[str, TextQuality]:
        result: dict[str, TextQuality] = {}
        for d in self.documents:
            if d.text_quality is not None and d.variant is not None:
                previous = result.get(d.variant, TextQuality(0, 0, 0, 0))
                result[d.variant] = previous + d.text_quality
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_dir": self.gold_dir,
            "db": self.db_path,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "by_variant": {
                v: {name: s.to_dict() for name, s in scores.items()}
                for v, scores in self.by_variant.items()
            },
            "ocr_by_variant": {
                v: {"cer": tq.cer, "wer": tq.wer} for v, tq in self.ocr_by_variant.items()
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
            )
        )
    for stem in sorted(set(golds) - seen):
        results.append(
            DocumentResult(stem, None, None, None, compare(golds[stem].annotation, Annotation()))
        )
    return EvalReport(
        gold_dir=str(gold_dir),
        db_path=str(db_path),
        documents=tuple(results),
        unmatched_documents=tuple(unmatched),
        warnings=tuple(dict.fromkeys(warnings)),
    )


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
        "Overall (micro; missing gold files count as not found)",
        f"{'field':<26}{'tp':>6}{'fp':>6}{'fn':>6}{'prec':>8}{'recall':>8}{'f1':>8}",
    ]
    for name, s in report.fields.items():
        lines.append(
            f"{name:<26}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            f"{_fmt(s.precision):>8}{_fmt(s.recall):>8}{_fmt(s.f1):>8}"
        )

    by_variant = report.by_variant
    if by_variant:
        lines += ["", "F1 by variant", f"{'field':<26}" + "".join(f"{v:>9}" for v in by_variant)]
        for name in FIELDS:
            lines.append(
                f"{name:<26}" + "".join(f"{_fmt(s[name].f1):>9}" for s in by_variant.values())
            )
        ocr = report.ocr_by_variant
        if ocr:
            for label, attr in (("ocr.cer", "cer"), ("ocr.wer", "wer")):
                cells = "".join(
                    f"{_fmt(getattr(ocr[v], attr)) if v in ocr else '-':>9}" for v in by_variant
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
