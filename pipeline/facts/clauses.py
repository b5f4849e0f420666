"""Clauses of a sentence, as the amount-role reader needs them: the clause that holds an
amount (an apposition or a list of "name sum" items belongs to the clause around it), and the
partitive phrases whose words describe a whole rather than the amount that is its part
("Av projektets totala kostnad söks …", "… kronor av årets ram fördelats")."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["AGGREGATE", "clause", "in_partitive", "in_whole_after"]

_QUOTED = re.compile(r"[”“\"][^”“\"]{1,200}[”“\"]")
_APPOSITION_WORDS = 2  # words besides the amount in a clause that is an apposition
AGGREGATE = frozenset({"totalt", "sammanlagt"})  # words an apposition may hold
# Clause boundaries inside a sentence: ", " (not a decimal comma), ";", ":", brackets, a
# spaced dash, and conjunctions that open a clause about another sum.
_CLAUSE_BREAK = re.compile(
    r",\s|;|:\s|[()]|\s[–—-]\s|\s(?:varav|vilket|vilka|medan|men|därav|varefter|och att)\s",
    re.IGNORECASE,
)


def clause(
    sentence: str, start: int, end: int, cues: Sequence[tuple[int, int, bool]] = ()
) -> tuple[int, int]:
    """The clause of `sentence` that holds the span start..end.

    An apposition — a clause of at most a few words besides the amount and no cue of its
    own but an aggregate word ("… fördelar medel till …, totalt cirka tre miljoner kronor";
    "De medel som beviljats …, sammanlagt 410 000 kronor, har återförts") — belongs to the
    clauses around it. `cues`: (start, end, is_aggregate) of the sentence's clause cues.
    """
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(sentence)]
    breaks = [
        m
        for m in _CLAUSE_BREAK.finditer(sentence)
        if not any(a < m.start() < b for a, b in quoted)  # a quoted title is one clause
    ]
    lo, hi, prev_lo, next_hi = 0, len(sentence), 0, len(sentence)
    for n, m in enumerate(breaks):
        if m.end() <= start:
            prev_lo, lo = lo, m.end()
        elif m.start() >= end:
            hi = m.start()
            later = [b for b in breaks[n + 1 :] if b.start() >= hi]
            next_hi = later[0].start() if later else len(sentence)
            break
    rest = sentence[lo:start] + " " + sentence[end:hi]
    own_cue = any(lo <= a and b <= hi and not agg for a, b, agg in cues)
    if _words(rest) <= _APPOSITION_WORDS and not own_cue:
        return _list_start(sentence, breaks, prev_lo), next_hi
    return lo, hi


#: words that do not count in a short clause: units and list conjunctions
_LIGHT_WORDS = frozenset({"och", "samt", "respektive", "kr", "kronor", "tkr", "mkr", "mnkr", "sek"})


def _words(text: str) -> int:
    return sum(1 for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in _LIGHT_WORDS)


def _list_start(sentence: str, breaks: Sequence[re.Match[str]], lo: int) -> int:
    """Where a list of short "name sum" items that ends at `lo` began, with the clause that
    introduces it ("fördelas enligt följande: Rinkeby 3,2 mnkr, Kista 1,5 mnkr och …")."""
    starts = [0] + [b.end() for b in breaks]
    while lo > 0:
        k = max(i for i, s in enumerate(starts) if s <= lo)
        if starts[k] < lo:
            break
        prev = starts[k - 1] if k > 0 else 0
        segment = sentence[prev:lo]
        if not (re.search(r"\d", segment) and _words(segment) <= 4):
            return prev
        lo = prev
    return lo


#: a sentence that opens with a partitive "Av <whole> <verb> <part>": "Av projektets totala
#: kostnad söks 450 000 kronor", "Av ramen återstår 40 000 kronor" — the words of the whole
#: describe the whole, not the part the sentence is about
_PARTITIVE = re.compile(
    r"^\s*av\s+(?P<whole>[^,.;:]{3,120}?)\s+"
    r"(?:söks|sökes|finansieras|föreslås|beviljas|beviljades|används|avses|avser|återstår|"
    r"kvarstår|går|utgör|utgörs|har|är|var|blir|fördelas|fördelades|betalas|täcks|bekostas|"
    r"står|ska|skall|kan|bör|beräknas|läggs|avsätts|avsattes)\b",
    re.IGNORECASE,
)


def in_partitive(cue: tuple[int, int], span: tuple[int, int], sentence: str) -> bool:
    """Does the cue stand in the whole of a partitive opening whose part is the amount?"""
    m = _PARTITIVE.match(sentence)
    if m is None or span[0] < m.end():
        return False
    return m.start("whole") <= cue[0] and cue[1] <= m.end("whole")


#: "… 3 425 000 kronor av årets ram fördelats": the words after "av" name the whole the
#: amount is part of
_WHOLE_AFTER = re.compile(r"^\s*av\s+(?:[\w-]+\s+)?[\w-]+", re.IGNORECASE)


def in_whole_after(cue: tuple[int, int], span: tuple[int, int], sentence: str) -> bool:
    m = _WHOLE_AFTER.match(sentence, span[1])
    return m is not None and span[1] <= cue[0] and cue[1] <= m.end()
