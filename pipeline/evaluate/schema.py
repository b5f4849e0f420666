"""The evaluation's schema: field names, value vocabularies, scores and the content of one
document as the evaluation compares it (from a gold file or from the warehouse)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

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
    "amounts.fund_type",
    "amounts.year",
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
    fund_type: str | None = None
    year: int | None = None


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
    #: a careful reading of a damaged reference text, for judging the repair's changes
    clean_reference: Path | None = None
