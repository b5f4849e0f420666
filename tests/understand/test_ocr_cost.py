"""`ocr_edits.ocr_cost` (remembered per pair, multi-letter confusions matched once per
position) equals the plain weighted edit distance it replaced, cell for cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.understand import ocr_edits
from pipeline.understand.ocr_edits import _CONFUSIONS, _SWEDISH, _sub, ocr_cost

_MULTI = [(a, b, c) for (a, b), c in _CONFUSIONS.items() if len(a) > 1 or len(b) > 1]


def plain_cost(printed: str, word: str) -> float:
    """The dynamic programme as first written: every confusion tried at every cell."""
    n, m = len(printed), len(word)
    inf = float("inf")
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = d[i][j]
            if here == inf:
                continue
            if i < n:
                doubled = i > 0 and printed[i] == printed[i - 1]
                dele = 0.5 if printed[i] in "é'.,´`" or doubled else 1.0
                if printed[i] in _SWEDISH:
                    dele = 1.5
                d[i + 1][j] = min(d[i + 1][j], here + dele)
            if j < m:
                ins = 0.7 if word[j] in _SWEDISH else 1.0
                d[i][j + 1] = min(d[i][j + 1], here + ins)
            if i < n and j < m:
                d[i + 1][j + 1] = min(d[i + 1][j + 1], here + _sub(printed[i], word[j]))
            for a, b, c in _MULTI:
                if printed.startswith(a, i) and word.startswith(b, j):
                    ii, jj = i + len(a), j + len(b)
                    d[ii][jj] = min(d[ii][jj], here + c)
    return d[n][m]


# the letters the confusions are made of, and a few others
_LETTERS = st.text(alphabet="aäåoöeéditlfhncsrmpgbvw1#&6'.,´`kx", max_size=9)


@settings(max_examples=400, deadline=None)
@given(_LETTERS, _LETTERS)
def test_ocr_cost_is_the_plain_distance(printed: str, word: str) -> None:
    assert ocr_cost(printed, word) == plain_cost(printed, word)
    assert ocr_cost.__wrapped__(printed, word) == plain_cost(printed, word)


def test_known_costs() -> None:
    assert ocr_cost("forvaltning", "förvaltning") == 0.2
    assert ocr_cost("rnöte", "möte") == 0.3
    assert ocr_cost("tifl", "till") == 0.6  # f read for l
    assert ocr_edits.ocr_cost("", "") == 0.0
