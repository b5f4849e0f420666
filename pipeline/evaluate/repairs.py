"""How many words the repair changed in a document, and how many of those it got right.

A word is *changed* when the page's ``clean_text`` differs from its ``text`` there (both as
stored in the warehouse; words compared lower case, without the punctuation around them). A
change is *right* when the changed word equals the word the reference reading has at that place
(the gold file's ``clean_reference``: a careful reading of a damaged text) and the printed word
did not. Changes are judged only in documents with such a reading (``judged``); a plain
``reference`` is the text a variant was made from, damaged for the seeds, so it cannot judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = ["RepairCount", "count_repairs", "words"]

_EDGE = re.compile(r"^\W+|\W+$")


def words(text: str) -> list[str]:
    """Lower-case words without surrounding punctuation (pure punctuation dropped)."""
    out = []
    for tok in text.split():
        w = _EDGE.sub("", tok.lower())
        if w:
            out.append(w)
    return out


@dataclass(frozen=True)
class RepairCount:
    changed: int = 0
    judged: int = 0  # changes in documents with a careful reading to judge them by
    right: int = 0

    def __add__(self, other: RepairCount) -> RepairCount:
        return RepairCount(
            self.changed + other.changed, self.judged + other.judged, self.right + other.right
        )

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else 1.0


def _matched(a: list[str], b: list[str]) -> dict[int, int]:
    """Index in `a` → index in `b` for the words the two texts share in order."""
    out: dict[int, int] = {}
    for block in SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            out[block.a + k] = block.b + k
    return out


def count_repairs(text: str, clean_text: str, reference: str | None) -> RepairCount:
    """Words changed from `text` to `clean_text`, and how many of them now read as in
    `reference` while they did not before (0 right when there is no reference)."""
    printed, clean = words(text), words(clean_text)
    kept = _matched(clean, printed)  # clean word -> the printed word it was left as
    changed = [i for i in range(len(clean)) if i not in kept]
    if not changed or reference is None:
        return RepairCount(len(changed), 0, 0)
    ref = words(reference)
    ref_set_printed = set(_matched(printed, ref))
    in_ref = _matched(clean, ref)
    right = 0
    for i in changed:
        if i in in_ref:
            # the printed word at this place: the nearest kept word before, plus the offset
            before = max((k for k in kept if k < i), default=-1)
            p = kept[before] + (i - before) if before >= 0 else i
            if p not in ref_set_printed:
                right += 1
    return RepairCount(len(changed), len(changed), right)
