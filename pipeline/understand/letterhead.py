"""The head of page 1, where a document's metadata is printed: its first lines (`_top`), the
labels printed there ("Till", "Handläggare", "sammanträde", "§ 12"), and a field read from
it (`_Field`: value, the line it came from, confidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.records import CleanPage
from pipeline.understand.flat import FLAT_LINE_CHARS

__all__ = ["HEAD_CHARS", "TOP_LINES"]


TOP_LINES = 18  # lines of page 1 read as "the top"

HEAD_CHARS = 400  # of a page flattened to one line, the part read as its top

# "Till" of the letterhead's address block: followed by the committee (capitalised) or by
# nothing (the committee on the next line); "Till kommunstyrelsens förfogande" is prose
_TILL = re.compile(
    r"(?:^|\s)(?:T[i1lI|]ll|T[i1lI|][l1I|]|TILL)(?=\s*$|\s+[A-ZÅÄÖ])"
)  # (OCR: "T1ll")
_HANDLAGGARE = re.compile(r"^\s*Handl[äa]ggare\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_SAMMANTRADE = re.compile(r"sammantr[äa]de(?:t|s{1,2}datum|sdag)?\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"^[§$]\s*\d+\s*")  # OCR reads "§" as "$"


@dataclass
class _Field:
    value: object
    evidence: str
    confidence: float


def _top(page: CleanPage, n: int = TOP_LINES) -> list[str]:
    """The first non-empty lines; of a page flattened to one line only its beginning."""
    filled = [
        ln.text if len(ln.text) < FLAT_LINE_CHARS else ln.text[:HEAD_CHARS]
        for ln in page.lines
        if ln.text.strip()
    ]
    return filled[:n]
