"""Cue vocabularies: how these documents are worded, compiled and applied.

Everything the extractor knows about *how these documents are worded* lives in
``data/cues.csv`` and ``data/amount_roles.csv``; this module only compiles and applies it.
Cue matching is OCR tolerant: both the cue and the text are reduced with
:func:`pipeline.lang.fuzzy.skeleton` (lower case, å/ä/ö/a/o/é collapsed, in-word OCR symbols
repaired) and a vowel of the cue also accepts the ``d`` that OCR prints for ä/å ("ndmnden")
and ``1``/``l`` for ``i``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from pipeline import data
from pipeline.lang.fuzzy import VOWEL, loose, skeleton

__all__ = [
    "Cue",
    "CueHit",
    "cue_hits",
    "cues",
    "load_rows",
    "strongest",
]


_WORD = r"[\w*]"
_FUZZY_MIN_LEN = 14


_FUZZY_MIN_SCORE = 90.0


@dataclass(frozen=True)
class Cue:
    """One phrase of a vocabulary, compiled to an OCR-tolerant regex over `skeleton` text."""

    group: str
    phrase: str
    value: str
    weight: float
    scope: str = "sentence"
    case_sensitive: bool = False
    pattern: re.Pattern[str] = field(default=re.compile(""), compare=False, repr=False)
    loose: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    start: int
    end: int

    @property
    def value(self) -> str:
        return self.cue.value


def _char_class(c: str) -> str:
    if c == VOWEL:
        return r"[*d]"
    if c == "i":
        return r"[i1l|]"
    if c == "l":
        return r"[l1i|]"
    if c.isspace():
        return r"\s+"
    if c == "-":
        return r"\s*-\s*"
    if c == ".":
        return r"\.?\s*"
    return re.escape(c)


def _compile(phrase: str, case_sensitive: bool) -> re.Pattern[str]:
    words = phrase.split()
    parts: list[str] = []
    for w in words:
        if w == "*":  # any one word
            parts.append(rf"{_WORD}+")
            continue
        prefix = w.endswith("*")
        core = w.rstrip("*")
        if case_sensitive:
            body = re.escape(core)
        else:
            body = "".join(_char_class(c) for c in skeleton(core))
        parts.append(body + (rf"{_WORD}*" if prefix else ""))
    body = r"\s+".join(parts)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w*]){body}(?![\w*])", flags)


def load_rows(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in ``pipeline/data`` (the one loader's rules: ``pipeline.data``)."""
    return [r.cells for r in data.rows(name)]


@cache
def _all_cues() -> dict[str, tuple[Cue, ...]]:
    out: dict[str, list[Cue]] = {}
    for row in load_rows("cues.csv"):
        out.setdefault(row["group"], []).append(_make_cue(row["group"], row))
    for row in load_rows("amount_roles.csv"):
        out.setdefault("role", []).append(
            _make_cue("role", {**row, "value": row["kind"]}, scope=row.get("scope") or "sentence")
        )
    return {k: tuple(v) for k, v in out.items()}


def _make_cue(group: str, row: dict[str, str], scope: str = "sentence") -> Cue:
    phrase = row["cue"].strip()
    letters = [c for c in phrase if c.isalpha()]
    case_sensitive = len(letters) <= 5 and bool(letters) and all(c.isupper() for c in letters)
    return Cue(
        group=group,
        phrase=phrase,
        value=(row.get("value") or "").strip(),
        weight=float(row.get("weight") or 1),
        scope=scope,
        case_sensitive=case_sensitive,
        pattern=_compile(phrase, case_sensitive),
        loose=loose(phrase.replace("*", "")),
    )


def cues(group: str) -> tuple[Cue, ...]:
    """The compiled cues of one vocabulary group (``fund``, ``status``, ``role`` …)."""
    return _all_cues().get(group, ())


def cue_hits(text: str, group: str, scope: str | None = None) -> list[CueHit]:
    """Every match of a group's cues in `text`, in text order (longest first on ties)."""
    skel = skeleton(text)
    lo: str | None = None
    hits: list[CueHit] = []
    for cue in cues(group):
        if scope is not None and cue.scope != scope:
            continue
        target = text if cue.case_sensitive else skel
        found = False
        for m in cue.pattern.finditer(target):
            hits.append(CueHit(cue, m.start(), m.end()))
            found = True
        if not found and _fuzzy_ok(cue):
            # OCR damage beyond the vowel classes (a letter read as another): one fuzzy look.
            lo = loose(text) if lo is None else lo
            al = (
                fuzz.partial_ratio_alignment(cue.loose, lo, score_cutoff=_FUZZY_MIN_SCORE)
                if len(lo) >= len(cue.loose)
                else None
            )
            if (
                al is not None
                and al.dest_end - al.dest_start >= 0.85 * len(cue.loose)
                and _word_edges(lo, al.dest_start, al.dest_end)
            ):
                hits.append(CueHit(cue, al.dest_start, al.dest_end))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def _fuzzy_ok(cue: Cue) -> bool:
    """May the cue be looked for fuzzily (OCR damage beyond the vowel classes)? Only long
    phrases; for amount roles not phrases with a wildcard or a short word ("ansökningar* om"
    would otherwise take "ansökningar med"), whose few letters carry the meaning."""
    if cue.case_sensitive or len(cue.phrase) < _FUZZY_MIN_LEN:
        return False
    if cue.group == "role":
        return "*" not in cue.phrase and all(len(w) >= 4 for w in cue.phrase.split())
    return True


def _word_edges(text: str, start: int, end: int) -> bool:
    """The fuzzy span starts and ends near word edges (not deep inside a word)."""
    ok_start = start == 0 or not text[start - 1].isalnum() or not text[start].isalnum()
    ok_end = end >= len(text) or not text[end].isalnum() or not text[end - 1].isalnum()
    return ok_start or ok_end


def strongest(hits: Iterable[CueHit], factor: float = 1.0) -> dict[str, float]:
    """Summed weight per value; one phrase counts once however often it occurs."""
    seen: set[str] = set()
    score: dict[str, float] = {}
    for h in hits:
        if h.cue.phrase in seen:
            continue
        seen.add(h.cue.phrase)
        score[h.value] = score.get(h.value, 0.0) + h.cue.weight * factor
    return score
