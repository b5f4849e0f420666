"""Numbers as OCR prints them inside a text about money: an O read for a zero ("3OO 000 kr"),
an l for a one where a number starts ("l50 000"), a unit glued to the next word ("150 000
sekSpånga"). :func:`ocr_digits` gives the skeleton the amount finder reads
(:mod:`pipeline.lang.amounts`). Pure."""

from __future__ import annotations

import re

__all__ = ["ocr_digits"]

# OCR reads a zero as the letter O inside a number ("3OO 000 kr"): a run of digits and o's
# that starts with a digit and holds no other letter is a number.
_OCR_ZERO = re.compile(r"(?<![^\W_])[\dOo]++(?![^\W_])")  # possessive: linear time
#: ... and a one as the letter l where a number starts: "l50 000", "l,5 mnkr", "l 350 000"
_OCR_ONE = re.compile(r"(?<![^\W_])l(?=\d|[Oo]\d|,\d|\s\d{3}(?!\d))")

_GLUED_UNIT = re.compile(r"(?<=\d)\s?(?:kr|kronor|sek|SEK)(?=[A-ZÅÄÖ])")


def ocr_digits(text: str, sk: str) -> str:
    """`sk` (the skeleton of `text`, same length) with the O's of such numbers read as 0,
    and a unit that OCR glued to the next word ("150 000 sekSpånga") ended there."""
    if len(sk) != len(text):
        return sk
    chars = list(sk)
    for m in _GLUED_UNIT.finditer(text):
        chars[m.end()] = " "
    for m in _OCR_ONE.finditer(text):
        chars[m.start()] = "1"  # "l50 000 kr", "l,5 mnkr", "l 350 000 kr"
    prev_end = -2
    for m in _OCR_ZERO.finditer(text):
        token = m.group()
        # a group of three after a number's first group ("1 49O OOO kr"): zeros too
        group = (
            len(token) == 3
            and prev_end >= 0
            and m.start() - prev_end == 1
            and text[prev_end] in " \u00a0"
        )
        number_start = token[0].isdigit()
        prev_end = m.end() if number_start or group else -2
        if not (number_start or group) or not ("O" in token or "o" in token):
            continue
        for k in range(m.start(), m.end()):
            if text[k] in "Oo":
                chars[k] = "0"
    return "".join(chars)
