"""OCR edit costs: how far a printed (damaged) word is from a candidate word, each edit
weighed by how often OCR makes it (a → ä is cheap, rn → m, li → h, fi → ä, f → t cost little;
an arbitrary letter costs 1), and the small string helpers the context repair shares.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.lang.lexicon import fold

__all__ = ["inflected", "ocr_cost"]

_SWEDISH = "åäö"
# (printed, meant) -> cost; single characters and short sequences OCR confuses
_CONFUSIONS: dict[tuple[str, str], float] = {
    ("a", "ä"): 0.2,
    ("a", "å"): 0.2,
    ("o", "ö"): 0.2,
    ("e", "é"): 0.3,
    ("é", "ä"): 0.3,
    ("é", "å"): 0.3,
    ("é", "ö"): 0.3,
    ("é", "e"): 0.5,
    ("d", "ä"): 0.4,
    ("d", "å"): 0.4,
    ("d", "ö"): 0.4,
    ("6", "ö"): 0.2,
    ("&", "ä"): 0.3,
    ("#", "ä"): 0.3,
    ("i", "ä"): 0.4,
    ("i", "l"): 0.4,
    ("l", "i"): 0.4,
    ("1", "i"): 0.3,
    ("1", "l"): 0.3,
    ("l", "1"): 0.5,
    ("f", "t"): 0.4,
    ("t", "f"): 0.4,
    ("h", "n"): 0.5,
    ("n", "h"): 0.5,
    ("c", "e"): 0.5,
    ("e", "c"): 0.5,
    ("s", "a"): 0.7,
    ("t", "ö"): 0.7,
    ("o", "ä"): 0.5,
    ("i", "r"): 0.5,
    ("t", "r"): 0.5,
    ("m", "n"): 0.5,
    ("n", "m"): 0.5,
    ("p", "g"): 0.5,
    ("b", "h"): 0.5,
    ("h", "b"): 0.5,
    ("ti", "ö"): 0.5,
    ("éi", "å"): 0.3,
    ("éi", "ä"): 0.3,
    ("ia", "ä"): 0.3,
    ("di", "ä"): 0.3,
    ("da", "ä"): 0.3,
    ("ii", "ni"): 0.4,
    ("s", "ö"): 0.5,
    ("b", "ö"): 0.5,
    ("rn", "m"): 0.3,
    ("in", "m"): 0.5,  # "m" read as two thin strokes ("iner", "nied")
    ("ni", "m"): 0.5,
    ("m", "rn"): 0.4,
    ("li", "h"): 0.4,
    ("h", "li"): 0.4,
    ("h", "lä"): 0.5,  # "l" and the dots of "ä" run together ("Hrande", "Hirande": lärande)
    ("hi", "lä"): 0.4,
    ("fi", "ä"): 0.4,
    ("fi", "å"): 0.5,
    ("id", "ä"): 0.4,
    ("aé", "å"): 0.2,
    ("éa", "ä"): 0.2,
    ("ae", "ä"): 0.4,
    ("ii", "n"): 0.4,
    ("ii", "in"): 0.4,
    ("cl", "d"): 0.4,
    ("vv", "w"): 0.4,
    # thin upright glyphs OCR swaps ("syfle"/"syfie" for "syfte", "tifl" for "till")
    ("l", "t"): 0.6,
    ("i", "t"): 0.6,
    ("f", "l"): 0.6,
}
_ENDINGS = frozenset(
    {"s", "en", "et", "er", "ar", "or", "na", "ns", "ens", "ets", "erna", "arna", "ernas", "arnas"}
)
_MULTI = [(a, b, c) for (a, b), c in _CONFUSIONS.items() if len(a) > 1 or len(b) > 1]
_INS_DEL = 1.0
_LOST = 0.7  # an å/ä/ö OCR dropped
_STRAY = 0.5  # a stray mark OCR adds: é ' . , ´ `


def _sub(p: str, w: str) -> float:
    if p == w:
        return 0.0
    cost = _CONFUSIONS.get((p, w))
    if cost is not None:
        return cost
    if w in _SWEDISH and p.isalpha():
        return 0.8  # any letter may be OCR's reading of å/ä/ö
    return 1.0


_MULTI_BY_FIRST: dict[str, list[tuple[str, str, float]]] = {}
for _a, _b, _c in _MULTI:
    _MULTI_BY_FIRST.setdefault(_a[0], []).append((_a, _b, _c))


@lru_cache(maxsize=1 << 14)
def _multi_starts(printed: str) -> list[list[tuple[int, str, int, float]]]:
    """Per position of `printed` (and one past its end): the multi-letter confusions whose
    printed side starts there, as (its length, meant, meant's length, cost), in `_MULTI`'s
    order."""
    return [
        [
            (len(a), b, len(b), c)
            for a, b, c in _MULTI_BY_FIRST.get(ch, ())
            if printed.startswith(a, i)
        ]
        for i, ch in enumerate(printed)
    ] + [[]]


@lru_cache(maxsize=1 << 17)
def ocr_cost(printed: str, word: str) -> float:
    """Weighted edit distance from a printed (damaged) word to a candidate, both lower case:
    OCR's usual confusions cost less than 1; a printed å/ä/ö that the candidate lacks costs 1.

    (Remembered per pair: the repair asks the same pairs again and again. The multi-letter
    confusions are matched against `printed` once per position, not once per cell.)"""
    n, m = len(printed), len(word)
    inf = float("inf")
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    multi = _multi_starts(printed)
    for i in range(n + 1):
        row, starts = d[i], multi[i]
        if i < n:
            p = printed[i]
            doubled = i > 0 and p == printed[i - 1]
            dele = _STRAY if p in "é'.,´`" or doubled else _INS_DEL
            if p in _SWEDISH:
                dele = 1.5  # a printed å/ä/ö is evidence, not noise
            below = d[i + 1]
        for j in range(m + 1):
            here = row[j]
            if here == inf:
                continue
            if i < n:
                below[j] = min(below[j], here + dele)
            if j < m:
                ins = _LOST if word[j] in _SWEDISH else _INS_DEL
                row[j + 1] = min(row[j + 1], here + ins)
                if i < n:
                    below[j + 1] = min(below[j + 1], here + _sub(p, word[j]))
            for la, b, lb, c in starts:
                if word.startswith(b, j):
                    ii, jj = i + la, j + lb
                    d[ii][jj] = min(d[ii][jj], here + c)
    return d[n][m]


def _max_cost(length: int) -> float:
    if length <= 3:
        return 0.45
    if length <= 5:
        return 0.85
    if length <= 8:
        return 1.05
    return 1.45


def _apply_case(word: str, model: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _adds_diacritics(printed: str, word: str) -> bool:
    """Same letters, the candidate only adding å/ä/ö where a/o is printed (a candidate of
    another length adds or drops letters: no such reading)."""
    return len(printed) == len(word) and all(
        p == w or (w in _SWEDISH and fold(w) == p) for p, w in zip(printed, word, strict=True)
    )


def _split(word: str, ok: object) -> tuple[str, ...] | None:
    """Two or three parts each accepted by `ok` (a linking s allowed between parts)."""
    check = ok  # typed loosely to keep the helper small

    def parts(rest: str, depth: int) -> tuple[str, ...] | None:
        if check(rest):  # type: ignore[operator]
            return (rest,)
        if depth == 0:
            return None
        for cut in range(len(rest) - 3, 2, -1):
            left = rest[:cut]
            tail = rest[cut:]
            for head in (left, left[:-1] if left.endswith("s") else None):
                if head and check(head):  # type: ignore[operator]
                    more = parts(tail, depth - 1)
                    if more is not None:
                        return (head, *more)
        return None

    return parts(word, 2)


def inflected(low: str, word: str) -> bool:
    """`low` is `word` with a Swedish ending ("stads" of "stad", "staden", "ären"): another
    form of the same word, which the context may prefer but the print does not say is
    damage."""
    return low != word and low.startswith(word) and low[len(word) :] in _ENDINGS


_ENDINGS = frozenset({"s", "en", "et", "n", "t", "na", "ns", "ts", "ens", "ets", "er", "ar"})
