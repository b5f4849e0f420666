"""A project named as the subject of its paragraph's first sentence.

How the documents write it
--------------------------

An application or a report may give each project a paragraph of its own that opens with the
project's name as the subject, no "projektet" before it, and goes on about "Projektet"::

    Fritidscoacher för barn i familjehem startade i januari 2025 och leds av … Projektet
    beviljades 320 000 kronor för 2025. För 2026 söker förvaltningen 280 000 kronor, …
    Digitala familjesamtal i barnavårdsutredningar är en gemensam ansökan från Bromma och
    Hässelby-Vällingby stadsdelsförvaltningar … Förvaltningen söker 400 000 kronor.
    Digitalt stöd i handläggningen har letts av enhetschef … Projektet fick 260 000 kronor …

The name runs up to the verb that tells the project's story (started, is led, is a joint
application, is a collaboration); the paragraph must speak of "projektet" after it and give a
sum. The sum applied for is the project's when the paragraph applies, else the sum granted.
Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from pipeline.facts.lists import Place
from pipeline.facts.prose import ProseProject, prose_status
from pipeline.facts.text_units import Sentence
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_opening_names"]

#: the verb after the name: the project's story
_STORY = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][^.,;:()\"”]{8,100}?)\s+(?:startade|startar|inleddes|har\s+letts|leds|"
    r"har\s+drivits|drivs|har\s+pågått|pågår|avslutades|"
    r"är\s+(?:en\s+(?:gemensam\s+|ny\s+)?ansökan|ett\s+(?:nytt\s+)?(?:samarbete|projekt|"
    r"samverkansprojekt|utvecklingsprojekt)))\b"
)
#: a subject that is no name: the writer, the document, a time, a pronoun
_NO_NAME = re.compile(
    r"^(?:projektet|projekten|förvaltningen|nämnden|stadsdels\w*|det|den|detta|dessa|under|"
    r"efter|sedan|arbetet|verksamheten|studien|utvärderingen|ansökan|syftet|målet)\b",
    re.IGNORECASE,
)
_THE_PROJECT = re.compile(r"\bprojektet\b", re.IGNORECASE)
_APPLIES = re.compile(r"\b(?:söker|ansöker\s+om|ansökan\s+om)(?:\s+\w+)?\s+$", re.IGNORECASE)
_GRANTED = re.compile(r"\b(?:beviljades|beviljats|fick|tilldelades|har\s+fått)\s+$", re.IGNORECASE)
_MAX_WORDS = 12


def find_opening_names(
    sents: Sequence[Sentence],
    find: Callable[[str], list[Place]],
    para_of: Mapping[int, str],
) -> list[ProseProject]:
    """Every project named as its paragraph's opening subject (module docstring)."""
    out: list[ProseProject] = []
    seen: set[str] = set()
    for s in sents:
        para = para_of.get(s.first)
        if para is None or para in seen or not para.startswith(s.text[:40]):
            continue
        seen.add(para)
        m = _STORY.match(s.text)
        if m is None or _NO_NAME.match(m["name"]) or len(m["name"].split()) > _MAX_WORDS:
            continue
        name = m["name"].strip()
        rest = para[len(name) :]
        if not _THE_PROJECT.search(rest) or find(name):
            continue  # (no project told of; or a place opens it: "Farsta stadsdelsförvaltning …")
        sums = [a for a in find_amounts(rest) if a.per is None]
        applied = [a for a in sums if _APPLIES.search(rest[max(0, a.start - 30) : a.start])]
        granted = [a for a in sums if _GRANTED.search(rest[max(0, a.start - 30) : a.start])]
        if not applied and not granted:
            continue
        amount = (applied or granted)[0]
        status = "ansökt" if applied else prose_status(fold(para))
        out.append(ProseProject(name, find(rest), amount, status, s, para))
    return out
