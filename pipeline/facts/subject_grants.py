"""Projects that are the subject of the sentence that gives their money.

How the documents write them
----------------------------

A report may tell each project's grant in one sentence that opens with the project's name,
often with which of its years it is in brackets, under the owner's name::

    Järva stadsdelsförvaltning
    Trygg i nätet – digitalt våld mot unga (projektår 2 av 3) fick 480 000 kronor. Projektet
    har utbildat personal på fyra fritidsgårdar … Föräldranätverk i Tensta och Rinkeby
    (projektår 1 av 2) fick 400 000 kronor och har startat sex nätverk.

The name is the sentence's subject up to the bracket that counts the project's years (a year
before its last goes on, the last is done; or up to
"fick", "har fått", "beviljades" when no bracket stands there, and then only a name of two
words or more that names no place or förvaltning). The owner comes from the heading above
(:func:`pipeline.facts.block_owners.district_heading`). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.lists import covered_by_places
from pipeline.facts.prose import PlaceFinder, ProseProject, prose_status
from pipeline.facts.text_units import Sentence
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_subject_grants", "unread_subject_grants"]

#: "Name (projektår 2 av 3) fick 480 000 kronor", "Name fick 300 000 kronor"
_SUBJECT_GRANT = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][^.():;]{3,90}?)\s*"
    r"(?P<year>\((?:(?:projektår|projektar|år|ar)\s*\d\s*(?:av|/)\s*\d|"
    r"(?:ett|två|tva|tre)årigt projekt)\))?\s+"
    r"(?:fick|har fått|har fatt|beviljades|tilldelades|har beviljats)\s+(?P<rest>.+)$",
    re.DOTALL,
)
_MIN_NAME_WORDS = 2
#: without the bracket, only "fick" / "har fått" puts the subject first
_SUBJECT_FIRST = re.compile(r"\s(?:fick|har fått|har fatt)\s")
#: an adverbial's first word: "Under året", "Av medlen", "Totalt", "Därutöver"
_NOT_A_SUBJECT = frozenset(
    {
        "under",
        "av",
        "for",
        "till",
        "i",
        "med",
        "efter",
        "sedan",
        "totalt",
        "sammanlagt",
        "darutover",
        "dessutom",
        "aven",
        "varje",
        "alla",
        "samtliga",
        "tva",
        "tre",
        "fyra",
    }
)
#: a subject that is no project's name: the nämnd, the förvaltning, a pronoun
_NOT_A_NAME = re.compile(
    r"^(?:forvaltning\w*|namnd\w*|stadsdels\w*|projekt\w*|studie\w*|den|det|de|vi|"
    r"socialforvaltning\w*|sammanlagt|totalt)\b"
)


def _year_status(bracket: str | None) -> str | None:
    """ "(projektår 2 av 3)": a year before the last goes on; the last (or a one-year
    project's) is done."""
    if bracket is None:
        return None
    m = re.search(r"(\d)\s*(?:av|/)\s*(\d)", bracket)
    if m is None:
        return "genomförd"  # "(ettårigt projekt)"
    return "pågående" if int(m.group(1)) < int(m.group(2)) else "genomförd"


def find_subject_grants(
    sents: Sequence[Sentence], lines: Sequence[BodyLine], find: PlaceFinder
) -> list[ProseProject]:
    """Every project named as the subject of the sentence that gives its money."""
    out: list[ProseProject] = []
    for s in sents:
        text = " ".join(s.text.split())
        m = _SUBJECT_GRANT.match(text)
        if m is None:
            continue
        name = m.group("name").strip(" ,–-")
        rest = m.group("rest")
        amounts = [a for a in find_amounts(rest) if a.per is None]
        if not amounts or amounts[0].start > 3:
            continue  # the money stands right after the verb
        if m.group("year") is None and (
            len(name.split()) < _MIN_NAME_WORDS
            or find(name)
            or not _SUBJECT_FIRST.search(text[: m.end("name") + 12])
            or fold(name.split()[0]) in _NOT_A_SUBJECT
        ):
            continue  # ("Under året beviljades 140 000 kronor …": the subject follows the verb)
        if m.group("year") is None and fold(name) not in fold(
            " ".join(lines[s.first].text.split())
        ):
            continue  # (a heading over the sentence ran into it: "Name" ⏎ "Enheten fick …")
        if _NOT_A_NAME.match(fold(name)):
            continue
        out.append(
            ProseProject(
                name=name,
                places=[],
                amount=amounts[0],
                status=_year_status(m.group("year")) or prose_status(fold(text)),
                sentence=s,
                fund_text=s.text,
            )
        )
    return out


def unread_subject_grants(
    found: Sequence[ProseProject],
    sents: Sequence[Sentence],
    lines: Sequence[BodyLine],
    find: PlaceFinder,
) -> list[ProseProject]:
    """The subject grants of sentences no other reader took (`found`); a sentence another
    reader took under an owner's heading ("Järva stadsdelsförvaltning") as that heading's
    project is still read for the project it names."""
    read_at = {pp.sentence.first for pp in found if not covered_by_places(pp.name, find(pp.name))}
    return [
        pp for pp in find_subject_grants(sents, lines, find) if pp.sentence.first not in read_at
    ]
