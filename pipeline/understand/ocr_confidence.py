"""Tesseract's confidence in each word of an OCR page, as the context repair weighs it.

A word Tesseract was unsure of (below `UNSURE_CONF`) is easier to change, one it was sure of
(`SURE_CONF` or more) harder; see :mod:`pipeline.understand.context_repair`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.records import PageText

__all__ = ["SURE_CONF", "UNSURE_CONF", "line_confidences"]


UNSURE_CONF = 93.0  # a word Tesseract read below this confidence is easier to change ...
SURE_CONF = 96.0  # a word read at this confidence or more is harder to change


_CORE = re.compile(r"^[^\w&#@]+|[^\w&#@]+$")


def line_confidences(raw_text: str, page: PageText) -> list[dict[str, float]]:
    """For each line of an OCR page's text, its words (lower case, punctuation around them
    dropped) with the confidence Tesseract gave them; empty without words. The page's words
    are matched to the text's in reading order, so a word printed twice on a line gets the
    lower of its confidences."""
    lines = raw_text.split("\n")
    out: list[dict[str, float]] = [{} for _ in lines]
    words = page.words if page.source == "ocr" else ()
    at = 0
    for i, line in enumerate(lines):
        for chunk in line.split():
            for j in range(at, min(at + 8, len(words))):
                if words[j].text == chunk:
                    core = _CORE.sub("", chunk).lower()
                    if core:
                        out[i][core] = min(out[i].get(core, 101.0), words[j].conf)
                    at = j + 1
                    break
    return out


def _band(confidences: Sequence[dict[str, float]], line: int, low: str) -> str:
    if line >= len(confidences):
        return ""
    conf = confidences[line].get(low)
    if conf is None:
        return ""
    return "unsure" if conf < UNSURE_CONF else "sure" if conf >= SURE_CONF else ""
