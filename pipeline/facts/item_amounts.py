"""An amount that ends an enumerated or bulleted list item ("1. Name, Farsta, 310 000 kr"):
the item's text, whose words say what the amount is. Used by :mod:`pipeline.facts.roles`
and :mod:`pipeline.facts.amounts`. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine

__all__ = ["is_list_item_amount", "list_item_over", "list_item_text"]

_ITEM_START = re.compile(r"^\s*(?:\d{1,2}\s?[.)]|[a-h][.)]|[-–—•·▪■*])\s+\S")
_MAX_ITEM_LINES = 4


_TRAILING_YEAR = re.compile(r"\s+(?:år\s+)?(?:19|20)\d\d$")


def is_list_item_amount(lines: Sequence[str], k: int, raw: str) -> bool:
    """Does the amount `raw` end an enumerated or bulleted list item that ends on line `k`?
    (See :func:`list_item_text`.)"""
    return list_item_text(lines, k, raw) is not None


def list_item_text(lines: Sequence[str], k: int, raw: str) -> str | None:
    """The text of the enumerated or bulleted list item that the amount `raw` ends on line
    `k`, or None when it ends no item.

    The amount (which may wrap: "– 310 000" / "kronor") is the last thing of the item's
    lines up to `k` (a full stop or comma may follow), and line `k` or one of the few lines
    above it that the item wraps over starts with "1.", "1)", "a)", "–" or "•".
    """
    if not 0 <= k < len(lines) or not raw.strip():
        return None
    after = lines[k + 1].strip() if k + 1 < len(lines) else ""
    if after[:1].islower() and not _ITEM_START.match(lines[k + 1]):
        return None  # the item goes on ("… om sammanlagt 200 000 kr" / "till två projekt.")
    want = " ".join(raw.split())
    parts: list[str] = []
    for j in range(k, max(-1, k - _MAX_ITEM_LINES), -1):
        line = lines[j]
        if not line.strip():
            return None
        if j < k and line.rstrip().endswith((".", ":")):
            return None  # the sentence above ended: no item starts here
        parts.insert(0, line.strip())
        if _ITEM_START.match(line):
            text = " ".join(" ".join(parts).split())
            end = _TRAILING_YEAR.sub("", text.rstrip(".,;"))  # "0,8 mnkr 2018": that year's
            return text if end.endswith(want) else None
    return None


def list_item_over(raw: str, first: int, last: int, lines: Sequence[BodyLine]) -> str | None:
    """The text of the enumerated or bulleted list item that the amount ends, on one of the
    lines first..last, if any."""
    texts = [ln.text for ln in lines]
    for k in range(first, last + 1):
        item = list_item_text(texts, k, raw)
        if item is not None:
            return item
    return None
