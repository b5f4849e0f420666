"""Helpers for the extraction tests: understood documents from transcripts, gazetteer finders."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from pipeline.facts.context import BodyLine
from pipeline.records import DocumentText, PageText, UnderstoodDocument
from pipeline.text.transcript import read_transcript
from pipeline.understand.stage import understand

REPO = Path(__file__).resolve().parent.parent
TRANSCRIPTS = REPO / "raw" / "transcripts"
GOLD = REPO / "tests" / "gold"
GENRE = REPO / "tests" / "resources" / "genre_extract"


@cache
def understood(path: Path) -> UnderstoodDocument:
    """A transcript through the real understanding stage (cached per test session)."""
    pages = read_transcript(path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    doc = DocumentText(
        doc_id=sha[:16],
        sha256=sha,
        source_path=path.name,
        media_type="text/plain",
        text_source="transcript",
        pages=tuple(PageText(i + 1, t, "transcript") for i, t in enumerate(pages)),
    )
    return understand(doc)


def body(text: str, headings: tuple[int, ...] = ()) -> list[BodyLine]:
    """Body lines from a plain text; the lines whose index is in `headings` are headings."""
    return [
        BodyLine(t.strip(), 1, i in headings, 2 if i in headings else 0)
        for i, t in enumerate(text.strip("\n").split("\n"))
    ]
