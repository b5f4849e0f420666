"""Criterion concepts: what a criterion of a call asks for, independent of its wording.

Calls for LUM, MUL, MUST and FUM money list their criteria in words that change from year
to year while the idea stays: "Omfattar flera stadsdelsförvaltningar" (2015) and
"involverar fler än en stadsdelsförvaltning" (2013) are one criterion kept, not one dropped
and one added. The vocabulary of concepts and their Swedish cue phrases is data
(``pipeline/data/criterion_concepts.csv``); this module matches the cues:

    "Projektet har en tydlig forskningsanknytning och en plan för uppföljning."
        → research_link ("forskningsanknytning"), follow_up ("uppföljning")
    "Projektet ska vara roligt."  → other (no cue)

The text and the cues are folded alike (lower case, å/ä → a, ö → o, OCR symbols inside
words repaired), so OCR-damaged criteria ("forskningsanknytnlng" aside) still match. A cue
matches at the start of a word; a word of a cue ending in ``*`` takes any ending; the
words of a cue may be separated by any run of spaces, hyphens and line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from pipeline import data
from pipeline.lang.fuzzy import fold

__all__ = ["OTHER", "ConceptMatch", "Vocabulary", "load_vocabulary", "match_concepts"]

VOCABULARY_FILE = "criterion_concepts.csv"

#: The concept of a criterion that no cue matches; kept visible, never dropped.
OTHER = "other"


@dataclass(frozen=True)
class ConceptMatch:
    """One concept found in a criterion, with the words that matched (as printed)."""

    concept: str
    evidence: str  # the matching words of the criterion, as printed
    cue: str  # the cue of the vocabulary that matched


@dataclass(frozen=True)
class Vocabulary:
    """Concept → label, and the compiled cues in file order."""

    labels: dict[str, str]
    cues: tuple[tuple[str, str, re.Pattern[str]], ...]  # (concept, cue, pattern on folded text)


def _cue_pattern(cue: str) -> re.Pattern[str]:
    parts = []
    for word in fold(cue).split():
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word) + r"(?!\w)")
    return re.compile(r"(?<!\w)" + r"[\s\-‐–]+".join(parts))


def parse_vocabulary(text: str, origin: str = VOCABULARY_FILE) -> Vocabulary:
    """Read the vocabulary CSV (through the one data loader: comment lines start with #); a
    bad line raises ValueError naming its line number in the file."""
    labels: dict[str, str] = {}
    cues: list[tuple[str, str, re.Pattern[str]]] = []
    for row in data.parse_rows(text, origin):
        concept, cue = (row.get("concept") or "").strip(), (row.get("cue") or "").strip()
        if not concept or not cue or concept == OTHER:
            line_no = row.where.rsplit(":", 1)[1]
            raise ValueError(f"{origin}: line {line_no} needs a concept (not {OTHER!r}) and a cue")
        label = (row.get("label") or "").strip()
        if label:
            labels[concept] = label
        labels.setdefault(concept, concept)
        cues.append((concept, cue, _cue_pattern(cue)))
    return Vocabulary(labels, tuple(cues))


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    text = resources.files("pipeline.data").joinpath(VOCABULARY_FILE).read_text("utf-8")
    return parse_vocabulary(text)


#: OCR damage ("Jamstéalldhet", "fler fin en stadsdelsförvaltning"): a cue of at least
#: FUZZY_MIN_LEN letters also matches words of the text this alike (rapidfuzz ratio, folded).
FUZZY_MIN_LEN = 10
FUZZY_MIN_RATIO = 90


def _fuzzy_find(cue: str, text: str, folded: str) -> str:
    """The printed words of `text` that approximately spell `cue` ('' = none)."""
    words = fold(cue).split()
    if len("".join(words).replace("*", "")) < FUZZY_MIN_LEN:
        return ""
    tokens = list(re.finditer(r"\w+", folded))
    n = len(words)
    target = " ".join(w.rstrip("*") for w in words)
    for i in range(len(tokens) - n + 1):
        span = tokens[i : i + n]
        got = " ".join(t.group() for t in span)
        if words[-1].endswith("*"):  # compare the last word's stem only
            got = got[: len(target) + 1]
        if fuzz.ratio(got, target) >= FUZZY_MIN_RATIO:
            return text[span[0].start() : span[-1].end()]
    return ""


def match_concepts(text: str, vocabulary: Vocabulary | None = None) -> list[ConceptMatch]:
    """The concepts of one criterion, in vocabulary order; ``[other]`` when no cue matches.

    Evidence joins every matching phrase of a concept ("evidensbaserad; förbättringsarbete").
    """
    vocab = vocabulary or load_vocabulary()
    folded = fold(text)  # length-preserving: spans index the printed text
    found: dict[str, tuple[list[str], str]] = {}
    for concept, cue, pattern in vocab.cues:
        for m in pattern.finditer(folded):
            words, first_cue = found.setdefault(concept, ([], cue))
            printed = text[m.start() : m.end()]
            if printed not in words:
                words.append(printed)
    for concept, cue, _pattern in vocab.cues:
        if concept not in found:
            hit = _fuzzy_find(cue, text, folded)
            if hit:
                found[concept] = ([hit], cue)
    if not found:
        return [ConceptMatch(OTHER, "", "")]
    return [ConceptMatch(c, "; ".join(w), cue) for c, (w, cue) in found.items()]
