"""Cue vocabularies: how these documents are worded, compiled and applied.

Everything the extractor knows about *how these documents are worded* lives in
``data/cues.csv`` and ``data/amount_roles.csv``; this module only compiles and applies it.
Cue matching is OCR tolerant: both the cue and the text are reduced with
:func:`pipeline.lang.fuzzy.skeleton` (lower case, å/ä/ö/a/o/é collapsed, in-word OCR symbols
repaired) and a vowel of the cue also accepts the ``d`` that OCR prints for ä/å ("ndmnden")
and ``1``/``l`` for ``i``.

Applying a group is kept cheap because readers ask about every sentence: a cue's regex runs
only where the literal runs it cannot match without are in the text, a fuzzy look only where
the text shares enough of the cue's letters in order (one LCS bound for the whole group),
and the answer for a (text, group, scope) is remembered. None of this changes what is found
(``tests/facts/test_cues.py`` compares with trying every cue on every text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

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

#: A cheap bound that rules most fuzzy looks out before the alignment is searched: a window
#: w of the text scores 2·LCS(cue, w) / (|cue| + |w|) ≤ 2L / (|cue| + L) with L = LCS(cue, text)
#: (|w| ≥ LCS), so a score of 90 needs L ≥ 0.818·|cue|; 0.8 leaves room for rounding.
#: Measured: 64 % of the fuzzy looks of a 204-page document and the genre corpus end here.
_LCS_FLOOR = 0.8


@dataclass(frozen=True)
class Cue:
    """One phrase of a vocabulary, compiled to an OCR-tolerant regex over `skeleton` text."""

    group: str
    phrase: str
    value: str
    weight: float
    scope: str = "sentence"
    case_sensitive: bool = False
    source: str = field(default="", compare=False, repr=False)  # the regex, compiled on use
    loose: str = field(default="", compare=False, repr=False)

    @property
    def pattern(self) -> re.Pattern[str]:
        """`source` compiled, once per process and only when a text asks for it: a cue is
        tried only where its literals are (`_required_literals`), and compiling the thousand
        cues up front cost every parse worker a third of a second (issue 19)."""
        return _regex(self.source, self.case_sensitive)


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


@cache
def _regex(source: str, case_sensitive: bool) -> re.Pattern[str]:
    return re.compile(source, 0 if case_sensitive else re.IGNORECASE)


def _compile(phrase: str, case_sensitive: bool) -> str:
    """The OCR-tolerant regex of a cue's phrase, as source (`Cue.pattern` compiles it)."""
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
    return rf"(?<![\w*]){body}(?![\w*])"


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
        source=_compile(phrase, case_sensitive),
        loose=loose(phrase.replace("*", "")),
    )


def cues(group: str) -> tuple[Cue, ...]:
    """The compiled cues of one vocabulary group (``fund``, ``status``, ``role`` …)."""
    return _all_cues().get(group, ())


@dataclass(frozen=True)
class _Plan:
    """A group's cues for one scope, ready to apply. Cues are named by their place in the
    group; their regexes are tried only where the literal they cannot match without is in the
    text (`_required_literal`: in the lower-cased skeleton, or in the text for case-sensitive
    cues; `always` have none), and the cues that may be looked for fuzzily come with their
    loose forms and LCS floors (see `_LCS_FLOOR`)."""

    cues: tuple[Cue, ...]
    skel_needs: tuple[tuple[str, int], ...]
    text_needs: tuple[tuple[str, int], ...]
    more_needs: dict[int, tuple[str, ...]]  # the other literals, by cue
    always: tuple[int, ...]
    fuzzy: tuple[int, ...]
    fuzzy_loose: tuple[str, ...]
    fuzzy_floor: tuple[float, ...]


@cache
def _plan(group: str, scope: str | None) -> _Plan:
    chosen = [c for c in cues(group) if scope is None or c.scope == scope]
    fuzzy = tuple(i for i, c in enumerate(chosen) if _fuzzy_ok(c))
    needs = [(_required_literals(c), i, c.case_sensitive) for i, c in enumerate(chosen)]
    return _Plan(
        cues=tuple(chosen),
        skel_needs=tuple((n[0], i) for n, i, cs in needs if n and not cs),
        text_needs=tuple((n[0], i) for n, i, cs in needs if n and cs),
        more_needs={i: n[1:] for n, i, _cs in needs if len(n) > 1},
        always=tuple(i for n, i, _cs in needs if not n),
        fuzzy=fuzzy,
        fuzzy_loose=tuple(chosen[i].loose for i in fuzzy),
        fuzzy_floor=tuple(_LCS_FLOOR * len(chosen[i].loose) for i in fuzzy),
    )


#: Skeleton characters that `_char_class` turns into a literal that IGNORECASE matches only
#: in its own lower-case letter (``i`` and ``l`` are classes, and the one other letter with
#: an extra case, ``s`` ~ ``ſ``, is handled in `cue_hits`): runs of these are the literals.
_PLAIN = frozenset("abcdefghjkmnopqrstuvwxyz0123456789/&+:,;'()%§")


def _required_literals(cue: Cue) -> tuple[str, ...]:
    """The runs of characters that every match of `cue.pattern` contains as is (in the
    lower-cased skeleton, or in the text for a case-sensitive cue), longest first.

    A cue's regex is tried only when all of them are in the text: a substring test is far
    cheaper than a regex scan, and most cues of a group are absent from most sentences."""
    runs: list[str] = []
    for w in cue.phrase.split():
        core = w.rstrip("*")
        if w == "*" or not core:
            continue
        if cue.case_sensitive:
            runs.append(core)
            continue
        run = ""
        for c in skeleton(core):
            if c in _PLAIN:
                run += c
            else:
                runs.append(run)
                run = ""
        runs.append(run)
    return tuple(sorted({r for r in runs if r}, key=lambda r: (-len(r), r)))


@lru_cache(maxsize=256)
def _skeleton(text: str) -> str:
    """`skeleton` of a text; a sentence is asked about for several groups in a row."""
    return skeleton(text)


@lru_cache(maxsize=256)
def _loose(text: str) -> str:
    return loose(text)


def cue_hits(text: str, group: str, scope: str | None = None) -> list[CueHit]:
    """Every match of a group's cues in `text`, in text order (longest first on ties)."""
    return list(_cue_hits(text, group, scope))


@lru_cache(maxsize=512)
def _cue_hits(text: str, group: str, scope: str | None) -> tuple[CueHit, ...]:
    """`cue_hits`, remembered: the same sentence is asked about by several readers."""
    plan = _plan(group, scope)
    skel = _skeleton(text)
    low = skel.lower()
    if "ſ" in low:  # IGNORECASE matches "s" to the long s
        low = low.replace("ſ", "s")
    # (start, -length, cue's place, hit): the order of a stable sort of the hits collected
    # cue by cue, which is how ties were always broken.
    found: list[tuple[int, int, int, CueHit]] = []
    matched: set[int] = set()
    more = plan.more_needs
    to_try = [i for need, i in plan.skel_needs if need in low]
    to_try = [i for i in to_try if i not in more or all(n in low for n in more[i])]
    for need, i in plan.text_needs:
        if need in text and all(n in text for n in more.get(i, ())):
            to_try.append(i)
    for i in (*to_try, *plan.always):
        cue = plan.cues[i]
        for m in cue.pattern.finditer(text if cue.case_sensitive else skel):
            found.append((m.start(), m.start() - m.end(), i, CueHit(cue, m.start(), m.end())))
            matched.add(i)
    if plan.fuzzy:
        # OCR damage beyond the vowel classes (a letter read as another): a cue no regex
        # found gets one fuzzy look, if the text has enough of its letters in order.
        lo = _loose(text)
        lcs = process.extract(lo, plan.fuzzy_loose, scorer=LCSseq.similarity, limit=None)
        for _choice, common, k in lcs:
            i = plan.fuzzy[k]
            if common < plan.fuzzy_floor[k] or i in matched:
                continue
            cue = plan.cues[i]
            hit = _fuzzy_hit(cue, lo)
            if hit is not None:
                found.append((hit.start, hit.start - hit.end, i, hit))
    found.sort(key=lambda f: f[:3])
    return tuple(f[3] for f in found)


def _fuzzy_hit(cue: Cue, lo: str) -> CueHit | None:
    """The span of `cue` in the loose text `lo` by fuzzy alignment, or None."""
    n = len(cue.loose)
    if len(lo) < n:
        return None
    al = fuzz.partial_ratio_alignment(cue.loose, lo, score_cutoff=_FUZZY_MIN_SCORE)
    if (
        al is not None
        and al.dest_end - al.dest_start >= 0.85 * n
        and _word_edges(lo, al.dest_start, al.dest_end)
        and _same_ending(cue, lo, al.dest_end)
        # (a criteria introduction read loosely ends where a word ends: "följande utredn…"
        # of "Följande utredningar föreslås" is no "följande områden")
        and (cue.group != "criteria_intro" or _ends_word(lo, al.dest_end))
    ):
        return CueHit(cue, al.dest_start, al.dest_end)
    return None


def _ends_word(text: str, end: int) -> bool:
    """The loose text's word ends at `end` or a letter or two after it (an alignment may
    stop short of a word's last letters; its vowels are "*")."""
    return any(
        end + d >= len(text) or not (text[end + d].isalnum() or text[end + d] == "*")
        for d in (-1, 0, 1, 2)
    )


#: letters of a cue's last word that must survive in the text: the end of a Swedish compound
#: carries its meaning ("utvecklingsmedel" is money, "utvecklingsprojekt" and
#: "utvecklingsarbete" are not), and a match by the shared first part alone is no match
_ENDING = 5
#: how alike (rapidfuzz ratio) the loose endings must be: "*dr*g" and "sb*r*" (60) are not
_ENDING_FLOOR = 70


def _same_ending(cue: Cue, lo: str, end: int) -> bool:
    """Does the fuzzy span end like the cue? For a cue whose last word is a wildcard stem
    ("verksamhetsbidrag*") the stem's end is what must match: the ending after it is free,
    but "verksamhetsberättelse" is no "verksamhetsbidrag"."""
    want = cue.loose[-_ENDING:]
    return fuzz.ratio(want, lo[max(0, end - _ENDING) : end]) >= _ENDING_FLOOR


def _fuzzy_ok(cue: Cue) -> bool:
    """May the cue be looked for fuzzily (OCR damage beyond the vowel classes)? Only long
    phrases; for amount roles not phrases with a wildcard or a short word ("ansökningar* om"
    would otherwise take "ansökningar med"), and no phrase that ends in one, whose few letters
    carry the meaning ("ansökningarna utifrån att" would take "… utifrån om")."""
    if cue.case_sensitive or len(cue.phrase) < _FUZZY_MIN_LEN:
        return False
    if len(cue.phrase.split()[-1].rstrip("*")) < 4:
        # a last word of three letters or fewer ("… FoU*") carries the meaning in a few letters:
        # read loosely, "stadsövergripande familjestöd" would be "stadsövergripande FoU"
        return False
    if cue.group == "role":
        return "*" not in cue.phrase and all(len(w) >= 4 for w in cue.phrase.split())
    # a fund named by a short last word ("statliga medel"): read loosely it would be
    # "statliga myndigheter"
    return not (cue.group == "fund" and "*" not in cue.phrase and len(cue.phrase.split()[-1]) <= 6)


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
