"""Row identities, minted here and nowhere else: an id says what a row *is*, not where it sits.

An analyst's correction is keyed by an id, so an id must keep meaning the same row when a
rule improves and finds one more project near the top of a decision. Every id is therefore
built from the row's own content, never from its position among the other rows:

    project    <doc_id>-p-<h>   document + folded name + fund + occurrence among equal names
    amount     <doc_id>-a-<h>   document + page + raw text + its role's context (the three
                                words printed before it: "kan maximalt beviljas") +
                                occurrence among equal (raw, context) on that page
    criterion  <doc_id>-c-<h>   document + folded text + fund + kind (+ occurrence if repeated)
    decision   <doc_id>-d<n>    document + printed item number ("3." → -d3)

An amount's id does not use its role (`kind`) itself: a better role rule reclassifies an
amount without making it another amount. The words before it are what the role is read
from, and they stay when the rules change.

``<h>`` is the first 8 hex characters of the SHA-1 of the parts joined by ``|``. Folding
(lower case, no diacritics, OCR symbols repaired, runs of white space and punctuation
collapsed) means that a project printed "Barnsamtal " on one run and "barnsamtal" on the
next keeps its id. Inserting, removing or reordering *other* rows never changes an id, and
neither does OCR noise elsewhere in the document. "Occurrence" counts only rows with the same
identifying parts, in document order: two projects both called "Läxhjälp" under LUM get
``…-p-<h(läxhjälp|LUM|1)>`` and ``…-p-<h(läxhjälp|LUM|2)>``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Hashable

from pipeline.lang.fuzzy import fold

__all__ = [
    "Occurrences",
    "amount_context",
    "amount_id",
    "amount_ids",
    "criterion_id",
    "criterion_ids",
    "decision_id",
    "fold_key",
    "project_id",
    "project_ids",
]

_PUNCT_RUNS = re.compile(r"[\W_]+", re.UNICODE)


def fold_key(text: str | None) -> str:
    """`text` folded for identity: lower case, no diacritics, punctuation/space runs → one space."""
    return _PUNCT_RUNS.sub(" ", fold(text or "")).strip()


def _digest(*parts: object) -> str:
    joined = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:8]


class Occurrences:
    """Counts rows with equal identifying parts, in the order they are minted (1, 2, …)."""

    def __init__(self) -> None:
        self._seen: Counter[Hashable] = Counter()

    def next(self, key: Hashable) -> int:
        self._seen[key] += 1
        return self._seen[key]


def project_id(doc_id: str, name: str, fund_type: str | None, occurrence: int = 1) -> str:
    """``<doc_id>-p-<h>`` from the folded name, the fund and the occurrence among equal names."""
    return f"{doc_id}-p-{_digest(fold_key(name), fund_type or '', occurrence)}"


CONTEXT_WORDS = 3  # words before an amount that name its role ("kan maximalt beviljas")


def amount_context(evidence: str, raw: str) -> str:
    """The folded words printed just before `raw` in its sentence ("" when it opens it)."""
    at = evidence.find(raw)
    before = evidence[:at] if at >= 0 else ""
    return " ".join(fold_key(before).split()[-CONTEXT_WORDS:])


def amount_id(doc_id: str, page_no: int, raw: str, context: str, occurrence: int = 1) -> str:
    """``<doc_id>-a-<h>`` from the page, the amount as printed, the words before it, occurrence."""
    return f"{doc_id}-a-{_digest(page_no, fold_key(raw), context, occurrence)}"


def criterion_id(
    doc_id: str, text: str, fund_type: str | None, kind: str, occurrence: int = 1
) -> str:
    """``<doc_id>-c-<h>`` from the folded text, the fund and the kind (criterion, priority …)."""
    parts: tuple[object, ...] = (fold_key(text), fund_type or "", kind)
    if occurrence > 1:
        parts += (occurrence,)
    return f"{doc_id}-c-{_digest(*parts)}"


def decision_id(doc_id: str, item_no: int) -> str:
    """``<doc_id>-d<n>``: a decision is identified by its printed item number."""
    return f"{doc_id}-d{item_no}"


def project_ids(doc_id: str, names_and_funds: list[tuple[str, str | None]]) -> list[str]:
    """Ids of a document's projects, given (name, fund) in document order."""
    seen = Occurrences()
    return [
        project_id(doc_id, name, fund, seen.next((fold_key(name), fund or "")))
        for name, fund in names_and_funds
    ]


def amount_ids(doc_id: str, amounts: list[tuple[int, str, str]]) -> list[str]:
    """Ids of a document's amounts, given (page_no, raw, evidence sentence) in document order."""
    seen = Occurrences()
    out = []
    for page, raw, evidence in amounts:
        ctx = amount_context(evidence, raw)
        out.append(amount_id(doc_id, page, raw, ctx, seen.next((page, fold_key(raw), ctx))))
    return out


def criterion_ids(doc_id: str, criteria: list[tuple[str, str | None, str]]) -> list[str]:
    """Ids of a document's criteria, given (text, fund, kind) in document order."""
    seen = Occurrences()
    return [
        criterion_id(doc_id, text, fund, kind, seen.next((fold_key(text), fund or "", kind)))
        for text, fund, kind in criteria
    ]
