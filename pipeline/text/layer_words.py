"""pdfplumber's words for `text.layer`: line clustering and word splitting, on runs.

pdfplumber clusters all characters into lines by ``top`` (3 pt), sorts each line by ``x0``
and starts a new word at a blank character, at a gap over 3 pt, at a step back or at a
change of ``top`` over 3 pt (``extract_words`` with its default tolerances). `group_words`
does the same on the runs `text.layer` reads (the characters between two blanks from one
text object), and `Fallback` where runs would interleave.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.text.layer_pdfminer import EPS, Fallback

X_TOLERANCE = 3.0  # pdfplumber's defaults
Y_TOLERANCE = 3.0

#: pdfplumber's ``expand_ligatures`` (on by default)
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb06": "st",
    "\ufb05": "st",
}


_LIGATURE = re.compile("[\ufb00-\ufb06]")


def group_words(runs: list[list[Any]], extra_tops: set[float]) -> list[dict[str, Any]]:
    """pdfplumber's line clustering and word splitting, applied to runs (content order).

    `extra_tops`: tops of text objects holding only blanks, which pdfplumber clusters too."""
    tops = sorted({r[2] for r in runs} | extra_tops)
    cluster: dict[float, int] = {}
    k, last = 0, tops[0]
    for t in tops:
        if t > last + Y_TOLERANCE:
            k += 1
        cluster[t] = k
        last = t
    lines: dict[int, list[int]] = {}
    for idx, r in enumerate(runs):
        lines.setdefault(cluster[r[2]], []).append(idx)
    words: list[dict[str, Any]] = []
    for key in sorted(lines):
        word: list[Any] | None = None
        prev = -1
        for idx in lines[key]:
            r = runs[idx]
            if word is None:
                word = [r[0], r[1], r[2], r[3], r[4]]
                prev = idx
                continue
            a = runs[prev]
            # pdfplumber sorts the line's characters by x0: the runs must already be in that
            # order and must not overlap, or it would interleave them
            if r[0] < a[0] or r[0] < a[1] - EPS:
                raise Fallback("runs interleave")
            if idx == prev + 1:
                blank = r[6]
            elif any(runs[m][6] for m in range(prev + 1, idx + 1)):
                raise Fallback(
                    "blank between runs of one line"
                )  # a blank between them in content order, of unknown line
            else:
                blank = False
            # char_begins_new_word between the last char of `a` and the first of `r`
            # (its cx < ax cannot hold: r starts at or after a's end)
            if blank or r[0] > a[1] + X_TOLERANCE or abs(r[2] - a[2]) > Y_TOLERANCE:
                words.append(_word(word))
                word = [r[0], r[1], r[2], r[3], r[4]]
            else:
                word[1] = max(word[1], r[1])
                word[2] = min(word[2], r[2])
                word[3] = max(word[3], r[3])
                word[4] += r[4]
            prev = idx
        if word is not None:
            words.append(_word(word))
    return words


def _word(w: list[Any]) -> dict[str, Any]:
    x0, x1, top, bottom, text = w
    return {
        "text": "".join(_LIGATURES.get(c, c) for c in text) if _LIGATURE.search(text) else text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top,
        "bottom": bottom,
        "upright": True,
        "height": bottom - top,
        "width": x1 - x0,
        "direction": "ltr",
    }
