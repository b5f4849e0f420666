"""The pure text helpers of ``notebooks/criteria_over_time.py``: a criterion's comparison key,
the changes between two years' criteria, and content words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is an optional ("notebooks") dependency
    pass


# Characters OCR confuses, folded the same way on both sides of a comparison.
_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s", "€": "e"})
_LEADING_FILLER = re.compile(r"^(?:\d+[.)]?\s+|[-–•*]\s*)?(?:att|är|har|ska|som|och)\s+", re.I)


def criterion_key(text: str) -> str:
    """A comparison key for a criterion: case, accents, punctuation, spacing and common OCR
    confusions (0/o, 1/l, rn/m, hyphenated line breaks) do not matter."""
    t = unicodedata.normalize("NFKC", text).strip()
    t = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", t)  # "forsknings-\nanknytning"
    t = _LEADING_FILLER.sub("", t.lower())
    t = unicodedata.normalize("NFKD", t)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.translate(_OCR_FOLD).replace("rn", "m")
    return re.sub(r"[^a-z0-9]+", "", t)


@dataclass(frozen=True)
class CriteriaChange:
    """How the criteria of one fund type and kind changed from one year to the next."""

    kept: list[tuple[str, str]]  # (earlier text, later text), fuzzy-equal
    appeared: list[str]
    disappeared: list[str]


def compare_criteria(
    before: Iterable[str], after: Iterable[str], threshold: float = 85.0
) -> CriteriaChange:
    """Pair criteria of two years one-to-one by fuzzy similarity of :func:`criterion_key`.

    Pairs are taken best first; a pair counts as the same criterion when the similarity
    (rapidfuzz ``ratio``, 0-100) reaches `threshold`. What is left over appeared or disappeared.
    """
    from rapidfuzz import fuzz

    old, new = list(before), list(after)
    scored = sorted(
        (
            (fuzz.ratio(criterion_key(a), criterion_key(b)), i, j)
            for i, a in enumerate(old)
            for j, b in enumerate(new)
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    kept: list[tuple[int, int]] = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            kept.append((i, j))
    return CriteriaChange(
        kept=[(old[i], new[j]) for i, j in sorted(kept)],
        appeared=[b for j, b in enumerate(new) if j not in used_new],
        disappeared=[a for i, a in enumerate(old) if i not in used_old],
    )


_WORD = re.compile(r"[a-zåäöéü]+(?:-[a-zåäöéü]+)*", re.I)
# Words too common in these documents to say anything about a year's priorities.
DOMAIN_STOP_WORDS = frozenset(
    {"projekt", "projektet", "staden", "stadens", "inom", "samt", "även", "genom", "utifrån"}
)


def swedish_stop_words() -> frozenset[str]:
    """spaCy's Swedish stop words plus a few that are noise in these documents."""
    from spacy.lang.sv.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | DOMAIN_STOP_WORDS


def content_words(texts: Iterable[str], min_len: int = 3) -> Counter[str]:
    """Counts of lower-cased content words (no stop words, no short words) in `texts`."""
    stop = swedish_stop_words()
    counts: Counter[str] = Counter()
    for text in texts:
        for word in _WORD.findall(unicodedata.normalize("NFKC", text).lower()):
            if len(word) >= min_len and word not in stop:
                counts[word] += 1
    return counts
