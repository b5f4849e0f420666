"""The vocabularies of ``patterns/`` (headings, committees, administrations, roles, document
types), read through the one data loader (:func:`pipeline.data.read_rows`: ``#`` comment lines
and blank lines skipped anywhere, errors naming ``file:line``)."""

from __future__ import annotations

from pathlib import Path

from pipeline import data

__all__ = ["PATTERNS", "pattern_rows"]

PATTERNS = Path(__file__).resolve().parent / "patterns"


def pattern_rows(name: str) -> list[data.Row]:
    """The data lines of ``patterns/<name>``."""
    return data.read_rows(PATTERNS / name)
