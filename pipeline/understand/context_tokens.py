"""A page's words as the context repair reads them: where each stands, whether it begins a
sentence, which words are its neighbours, and whether it may be changed at all.

A word is a run of letters (with "&", "#", "@" and "é", which OCR reads for å/ä/ö), outside
e-mail addresses and URLs. It begins a sentence at the start of a line after a line that ends
one (or a blank line), and inside a line after ".", "!", "?", ":", "(" or an item number
("2. projektet"). Its neighbours are the words next to it with only spaces (or one line break)
between: a punctuation mark or a blank line ends the context ("anser ait deét").

A word's mode (`token_mode`): acronyms, codes and mixed case ("SDN", "FoU", "iPad") and the
district abbreviations are left as printed ("skip"); a capitalised word inside a sentence may
be a name ("name"); the others are words ("word"). A lower-case word with one capital S or B
inside ("socialfSrvaltningen") is a word: OCR read the capital for ö.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.understand.context_lines import _PROTECTED
from pipeline.understand.repair_words import ABBREVIATIONS

__all__ = ["Tok", "after_lower_word", "neighbour", "page_tokens", "token_mode"]

_TOKEN = re.compile(r"(?<![\w&#@{.\-/])(?:[^\W\d_]|[&#@é])+(?![\w&#@/])")
_SENTENCE_END = re.compile(r"[.!?:]\s*$|^\s*(?:-\s*)?$")


class Tok:
    """One printed word: its line, its span on the line, its text, and whether a sentence
    begins with it."""

    __slots__ = ("line", "start", "end", "text", "sentence_start")

    def __init__(self, line: int, start: int, end: int, text: str, sentence_start: bool):
        self.line, self.start, self.end, self.text = line, start, end, text
        self.sentence_start = sentence_start


#: what before a word on its line makes it open a sentence: a stop, a bracket, an item number
_OPENS_AFTER = re.compile(r"[.!?:]\s*$|\(\s*$|^\s*\d+[.)]\s*$")


def page_tokens(lines: Sequence[str]) -> list[Tok]:
    """The words of a page's lines, in reading order."""
    toks: list[Tok] = []
    prev_line = ""
    for i, line in enumerate(lines):
        protected = [m.span() for m in _PROTECTED.finditer(line)]
        start_of_line = bool(_SENTENCE_END.search(prev_line)) or not prev_line.strip()
        for m in _TOKEN.finditer(line):
            if any(a <= m.start() < b for a, b in protected):
                continue
            before = line[: m.start()]
            if before.strip() in ("", "-"):
                at_start = start_of_line
            else:
                at_start = bool(_OPENS_AFTER.search(before))
            toks.append(Tok(i, m.start(), m.end(), m.group(), at_start))
        if line.strip():
            prev_line = line
    return toks


def neighbour(
    toks: list[Tok], k: int, step: int, lines: Sequence[str], seen: Sequence[str]
) -> str | None:
    """The word next to token k (step -1: before, 1: after) as `seen` (read out of context),
    None across punctuation."""
    j = k + step
    if not 0 <= j < len(toks):
        return None
    a, b = (toks[j], toks[k]) if step < 0 else (toks[k], toks[j])
    if a.line == b.line:
        gap = lines[a.line][a.end : b.start]
    elif b.line == a.line + 1:
        gap = lines[a.line][a.end :] + "\n" + lines[b.line][: b.start]
    else:
        return None
    if gap.strip(" \n") or "\n\n" in gap:
        return None
    return seen[j]


def after_lower_word(toks: list[Tok], k: int, lines: Sequence[str]) -> bool:
    """Whether token k follows a lower-case word on its own line with only spaces between."""
    if k == 0 or toks[k - 1].line != toks[k].line:
        return False
    prev = toks[k - 1]
    gap = lines[prev.line][prev.end : toks[k].start]
    return prev.text.islower() and not gap.strip()


def token_mode(printed: str, sentence_start: bool) -> str:
    """ "skip" (left as printed), "name" (a capitalised word inside a sentence: perhaps a name)
    or "word"."""
    if len(printed) < 2 or len(printed) > 48 or printed.lower() in ABBREVIATIONS:
        return "skip"
    inner = [c for c in printed[1:] if c.isupper()]
    if printed.isupper() or (inner and not _inner_damage(printed)):
        return "skip"  # acronyms, codes, mixed case
    if printed[:1].isupper() and not sentence_start:
        return "name"
    return "word"


def _inner_damage(printed: str) -> bool:
    """A lower-case word with a capital OCR read for ö inside ("socialfSrvaltningen")."""
    rest = printed[1:]
    caps = [c for c in rest if c.isupper()]
    return len(caps) == 1 and caps[0] in "SB" and sum(c.islower() for c in rest) >= 4
