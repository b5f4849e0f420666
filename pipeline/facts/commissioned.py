"""Studies a committee pays for, named in running text by what kind of study they are.

How the documents write them
----------------------------

A proposal for the city-wide research money often has no table and no name in quotes: each
study is an indefinite noun phrase, "en registerstudie om …", "en utvärdering av …", "ett
kunskapsunderlag om …", with its sum in the same sentence, either way round::

    Förvaltningen föreslår att 1,2 miljoner kronor används till en registerstudie om
    uppföljning av barn placerade i familjehem, som genomförs av …
    En kunskapsöversikt om tidiga insatser mot ekonomisk utsatthet föreslås få 450 000
    kronor. Översikten genomförs av …

The study's name is the noun phrase, up to a comma, a relative clause or the sentence's end,
with its article dropped and its first letter raised. The sentences after it that speak of it
by its definite noun ("Utvärderingen genomförs av …", "Översikten ska lämnas …") are its
description, up to the next sentence with a sum. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.lists import Place
from pipeline.facts.prose import ProseProject
from pipeline.facts.text_units import Sentence
from pipeline.lang.amounts import AmountMatch, find_amounts

__all__ = ["find_commissioned_studies"]

#: the kinds of study a research fund pays for, as the last part of a compound
_STUDY = (
    r"(?:[a-zåäö]+-?)?(?:studie|utvärdering|översikt|kartläggning|undersökning|analys|"
    r"utredning|följeforskning|uppföljning|kunskapsunderlag)"
)
#: "… 1,2 miljoner kronor används till en registerstudie om …" (after the sum)
_SUM_FIRST = re.compile(
    r"^\s*(?:\S+\s+){0,3}?(?:används|användas|avsätts|avsättas|anvisas|reserveras|"
    r"satsas|går)\s+(?:till|för)\s+(?:en|ett)\s+(?P<name>" + _STUDY + r"\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "En kunskapsöversikt om … föreslås få 450 000 kronor" (before the sum)
_NAME_FIRST = re.compile(
    r"^(?:en|ett)\s+(?P<name>" + _STUDY + r"\b.*?)\s+(?:föreslås\s+|ska\s+|kan\s+)?"
    r"(?:få|får|beviljas|tilldelas|finansieras\s+med)\s+(?:\S+\s+){0,2}?$",
    re.IGNORECASE | re.DOTALL,
)
#: where the study's noun phrase ends: a comma before a lower-case word (a comma between
#: places, "i Järva, Farsta och Skärholmen", is part of it), a relative clause, the full stop
_NAME_END = re.compile(
    r",(?=\s*(?-i:[a-zåäö]))|\s(?:som|och\s+ska|och\s+som|vilken|vilket|under\s+\d{4}|med\s+start|"
    r"till\s+en\s+kostnad)\b|\.\s*$|\.$",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 16
#: a later sentence about the same study: "Utvärderingen genomförs av …", "Studien ska …"
_DEFINITE = re.compile(
    r"^(?:[a-zåäö]+-?)?(?:studien|utvärderingen|översikten|kartläggningen|undersökningen|"
    r"analysen|utredningen|följeforskningen|uppföljningen|underlaget|projektet)\b",
    re.IGNORECASE,
)
_APPLIED = re.compile(r"\b(?:söker|sökt|ansöker|ansökan)\b", re.IGNORECASE)
#: what should have been done, or what a member or a reservation wants: no decision
_NOT_DONE = re.compile(
    r"\b(?:borde|skulle\s+ha|hade\s+behövt|yrkar|yrkade|reservation|reserverar)\b", re.IGNORECASE
)


#: "… tilldelar <utförare> uppdraget att utvärdera <X> till ett fast pris om 1 180 000 kronor":
#: a study commissioned by what it is to do, named by the noun of its verb ("Utvärdering av X")
_TASK = re.compile(
    r"\buppdrag(?:et)?\s+att\s+(?P<verb>utvärdera|kartlägga|följa\s+upp|analysera|undersöka)\s+"
    r"(?P<object>\S.*?)\s+till\s+(?:ett|en)\s+(?:fast\s+|total\s+)?(?:pris|kostnad)\s+(?:om|av|på)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_TASK_NOUN = {
    "utvärdera": "Utvärdering av",
    "kartlägga": "Kartläggning av",
    "följa upp": "Uppföljning av",
    "analysera": "Analys av",
    "undersöka": "Undersökning av",
}


def _name(text: str) -> str | None:
    """The study's name from the start of its noun phrase (module docstring)."""
    m = _NAME_END.search(text)
    name = (text[: m.start()] if m else text).strip()
    words = name.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or find_amounts(name):
        return None
    return name[:1].upper() + name[1:]


def _study_in(s: Sentence) -> tuple[str, AmountMatch] | None:
    sums = [a for a in find_amounts(s.text) if a.per is None]
    task = _TASK.search(" ".join(s.text[: sums[0].start].split()) + " ") if len(sums) == 1 else None
    if task is not None and len(task.group("object").split()) <= _MAX_NAME_WORDS:
        verb = " ".join(task.group("verb").lower().split())
        return f"{_TASK_NOUN[verb]} {task.group('object')}", sums[0]
    for a in sums:
        m = _SUM_FIRST.match(s.text[a.end :])
        if m is not None:
            name = _name(m.group("name"))
            if name is not None:
                return name, a
        m = _NAME_FIRST.match(s.text[: a.start].strip() + " ")
        if m is not None and len(sums) == 1:
            name = _name(m.group("name"))
            if name is not None:
                return name, a
    return None


#: "… i uppdrag att beställa en utvärdering av X från Institutionen för …": a study ordered
#: from its performer, its cost in a sentence after ("Kostnaden för utvärderingen, 950 000 kr,
#: finansieras …")
_ORDERED = re.compile(
    r"\b(?:beställa|beställer|beställs|upphandla|upphandlar)\s+(?:en|ett)\s+(?P<name>"
    + _STUDY
    + r"\b.*?)(?:\s+(?:från|av)\s+(?P<who>(?-i:[A-ZÅÄÖ])[^,.;]*?))?"
    r"(?:\s+enligt\b.*)?\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_ITS_COST = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?kostnaden\s+för\s+(?:[a-zåäö]+-?)?(?:studien|utvärderingen|"
    r"kartläggningen|undersökningen|analysen|utredningen|uppdraget)\b",
    re.IGNORECASE,
)


def _ordered(
    sents: Sequence[Sentence], k: int
) -> tuple[str, str | None, AmountMatch, Sentence] | None:
    """A study ordered in sentence `k` without a sum, and its cost in one of the next two."""
    s = sents[k]
    m = _ORDERED.search(" ".join(s.text.split()))
    if m is None or find_amounts(s.text):
        return None
    name = _name(m.group("name"))
    for nxt in sents[k + 1 : k + 3]:
        sums = [a for a in find_amounts(nxt.text) if a.per is None]
        if name is not None and _ITS_COST.match(nxt.text) and sums:
            return name, m.group("who"), sums[0], nxt
    return None


def find_commissioned_studies(
    sents: Sequence[Sentence], find: Callable[[str], list[Place]]
) -> list[ProseProject]:
    """Every study named by its kind with its sum in one sentence (module docstring)."""
    out: list[ProseProject] = []
    for k, s in enumerate(sents):
        got = None if _NOT_DONE.search(s.text) else _study_in(s)
        ordered = None if got or _NOT_DONE.search(s.text) else _ordered(sents, k)
        if ordered is not None:
            name, who, amount, costed = ordered
            pp = ProseProject(name, [], amount, "beviljad", costed, f"{s.text} {costed.text}")
            pp.performer, pp.description = who, s.text
            out.append(pp)
        if got is None:
            continue
        name, amount = got
        told = [s.text]
        for nxt in sents[k + 1 : k + 4]:
            if find_amounts(nxt.text) or not _DEFINITE.match(nxt.text.strip()):
                break
            told.append(nxt.text)
        status = "ansökt" if _APPLIED.search(s.text) else "beviljad"
        pp = ProseProject(name, find(s.text), amount, status, s, s.text)
        pp.description = " ".join(told)
        out.append(pp)
    return out
