"""Study visits granted one sentence each, named by what the visitors will do.

How the documents write them
----------------------------

A proposal for study-visit money (MUST, MUL) may have no table: each applicant gets a
sentence that names it, the sum and what the trip is for, in lower case after "för"::

    Farsta stadsdelsförvaltning, enheten för vuxna med missbruk, beviljas 24 000 kr för ett
    tvådagarsbesök hos Aarhus kommuns mottagning för unga vuxna med missbruk i Danmark.
    Vantörs och Skarpnäcks stadsdelsförvaltningar beviljas gemensamt 38 000 kr för att
    besöka familjecentraler i Glasgow.

The trip is named by the phrase after "för", its article or "att" dropped and its first
letter raised ("Besöka familjecentraler i Glasgow"); the districts before the verb own it. A
sentence is read so only where the money is study-visit money (the fund of the passage, or
the phrase speaks of a visit, a trip or a conference). A trip only applied for, with the
reason it is turned down, is no project (most writers count none).

An office's assessment may instead give each application a paragraph that opens with what it
applies for, and close with its proposal::

    Farsta stadsdelsförvaltning ansöker om 24 000 kronor för ett studiebesök i Köpenhamn om
    familjerådslag. ... Förvaltningen föreslår att ansökan beviljas.
    ... har lämnat en gemensam ansökan om 45 000 kronor för ett studiebesök i Oslo om ...
    ... föreslår därför att ansökan beviljas med 25 000 kronor.

The trip is granted the sum the proposal names, else the sum applied for; an application the
paragraph proposes to turn down ("avslås") is none. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pipeline.facts.lists import Place
from pipeline.facts.prose import ProseProject, prose_status
from pipeline.facts.text_units import Sentence
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_trip_grants", "listed_trip"]

#: the verb before the sum: granted or proposed
_VERB = re.compile(
    r"\b(?:beviljas|beviljades|föreslås\s+(?:beviljas|få)|får|fick|tilldelas|tilldelades)"
    r"\s+(?:gemensamt\s+|tillsammans\s+)?$",
    re.IGNORECASE,
)
#: the verb before the sum of an application: "ansöker om", "har lämnat en ansökan om"
_APPLIES = re.compile(
    r"\b(?:(?:ansöker|har\s+ansökt|ansökan)\s+om|(?:har\s+)?sök(?:er|t)(?:\s+om)?)\s+$",
    re.IGNORECASE,
)
#: the paragraph's proposal: "föreslår att ansökan beviljas (med 25 000 kronor)", "avslås"
#: (or the applicant named again: "föreslog därför att Södermalm beviljas 20 000 kronor")
_PROPOSED = re.compile(
    r"\b(?:ansökan|den|(?<=att )(?-i:[A-ZÅÄÖ])[\w-]+(?:\s+stadsdelsförvaltning|\s+sdf)?)\s+"
    r"(?:beviljas|bifalls|avslås)\b",
    re.IGNORECASE,
)
#: "… för ett tvådagarsbesök hos …", "… för att besöka …" after the sum
_FOR = re.compile(r"^\s+(?:i\s+bidrag\s+)?för\s+(?P<what>(?-i:[a-zåäö]).+)$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:att|ett|en)\s+", re.IGNORECASE)
#: "Socialnämnden beviljar Skarpnäcks stadsdelsnämnd 22 000 kronor …": the owner after the
#: verb, before the sum
_ACTIVE = re.compile(r"\bbeviljar\s+(?P<who>[^,.;]{3,80}?)\s+$", re.IGNORECASE)
#: "… i medel för utveckling och lärande för en studieresa till …": the fund, then the trip
_IN_FUND = re.compile(r"^\s+i\s+(?:medel|bidrag)\b", re.IGNORECASE)
_FOR_TRIP = re.compile(r"\bför\s+(?P<what>(?:en|ett)\s+(?-i:[a-zåäö]).+)$", re.IGNORECASE)


def _after_fund(rest: str) -> re.Match[str] | None:
    """The trip's phrase after the fund's name ("i medel för utveckling och lärande för en
    studieresa till Köpenhamn"): the first "för en/ett …" that speaks of a visit."""
    if not _IN_FUND.match(rest):
        return None
    for m in _FOR_TRIP.finditer(rest):
        if _TRIP_WORD.search(fold(m.group("what"))):
            return m
    return None


#: where the trip's phrase ends: a reason or a relative clause after a comma
_END = re.compile(r",\s+(?:eftersom|vilket|då|men|som|där)\b|\.\s*$", re.IGNORECASE)
_TRIP_WORD = re.compile(r"(?:besok|resa|resan|studie|konferens|studera|seminari|kongress)")
_MAX_WORDS = 22
#: studies or projects counted, not one named: "fyra av studierna", "samtliga projekten"
_COUNTED = re.compile(
    r"^(?:tva|tre|fyra|fem|sex|sju|atta|nio|tio|\d+|alla|samtliga|flera|nagra|de|dessa)\s+"
    r"(?:av\s+)?(?:de\s+|dessa\s+)?\w+(?:na|en)\.?$"
)


def find_trip_grants(
    sents: Sequence[Sentence],
    find: Callable[[str], list[Place]],
    fund_at: Callable[[int], str | None],
    study_fund: str,
) -> list[ProseProject]:
    """Every study visit granted or applied for in a sentence of its own (module docstring);
    `fund_at` gives the fund of the passage at a line."""
    out: list[ProseProject] = []
    for s in sents:
        amounts = [a for a in find_amounts(s.text) if a.per is None]
        cuts = _clauses(s.text) if len(amounts) > 1 else []
        for a in amounts:
            # the amount's own "att"-clause when the sentence lists several
            lo = max((c.end() for c in cuts if c.end() <= a.start), default=0)
            hi = min((c.start() for c in cuts if c.start() >= a.end), default=len(s.text))
            head, tail = s.text[lo : a.start], s.text[a.end : hi]
            verb = _VERB.search(head) or _APPLIES.search(head)
            active = _ACTIVE.search(head) if verb is None else None
            what = _FOR.match(tail) or _after_fund(tail)
            if what is None:
                continue
            # "Skarpnäck beviljas 22 000 kr …" / "Socialnämnden beviljar Skarpnäck 22 000 kr …"
            if verb is not None:
                owners = find(head[: verb.start()])
            elif active is not None:
                owners = find(active.group("who"))
            else:
                continue
            phrase = what.group("what")
            end = _END.search(phrase)
            phrase = _LEAD.sub("", (phrase[: end.start()] if end else phrase).strip(" ,"))
            study = fund_at(s.first) == study_fund or _TRIP_WORD.search(fold(phrase))
            if not owners or not study or not 2 <= len(phrase.split()) <= _MAX_WORDS:
                continue
            if _COUNTED.match(fold(phrase)):
                continue  # "… tilldelas 6,3 mnkr för fyra av studierna": the studies counted
            status = prose_status(fold(s.text))
            if _APPLIES.search(head):
                # (what a trip applies for: "ansökt om 32 000 kr för fyra deltagare" is a count)
                got = _proposal(sents, s, a) if _TRIP_WORD.search(fold(phrase)) else None
                if got is None:
                    continue
                a, status = got
            out.append(ProseProject(phrase[:1].upper() + phrase[1:], owners, a, status, s, s.text))
            if not cuts:
                break
    return out


def _proposal(
    sents: Sequence[Sentence], s: Sentence, applied: AmountMatch
) -> tuple[AmountMatch, str] | None:
    """What the rest of an application's paragraph proposes: the sum granted ("beviljas med
    25 000 kronor", else the sum applied for) and "beviljad"; None when it is turned down or
    no proposal follows before the paragraph (or the next application) ends."""
    at = sents.index(s)
    last = s.last
    for nxt in sents[at + 1 :]:
        if nxt.first > last + 1 or _APPLIES.search(nxt.text):
            return None
        last = nxt.last
        m = _PROPOSED.search(nxt.text)
        if m is None:
            continue
        if fold(m.group(0)).endswith("avslas"):
            return None
        sums = [x for x in find_amounts(nxt.text[m.end() :]) if x.per is None]
        return (sums[0] if sums else applied), "beviljad"
    return None


#: where a sentence that lists grants begins its next "att"-clause ("… att Vantörs
#: stadsdelsnämnd beviljas 18 000 kr för …, att Norrmalms … samt att Rinkeby …")
_NEXT_CLAUSE = re.compile(r",\s+(?:och\s+|samt\s+)?att\s+|\s+(?:och|samt)\s+att\s+", re.IGNORECASE)


def _clauses(text: str) -> list[re.Match[str]]:
    """The "att"-clause boundaries of a sentence that lists two or more grants (none if it
    does not)."""
    cuts = list(_NEXT_CLAUSE.finditer(text))
    return cuts if cuts else []


def listed_trip(pp: ProseProject, drafts: Sequence[Any]) -> bool:
    """Is a trip read from running text one a table or list already gave its owner: a draft
    of the same district whose name holds the trip's place ("… studiebesök i Glasgow" beside
    the row "Glasgow, Violence Reduction Unit …")?"""
    places = {p.district_id for p in pp.places}
    words = [w for w in re.findall(r"\b[A-ZÅÄÖ][a-zåäö]{3,}\b", pp.name)[1:] if w]
    return any(
        places & {p.district_id for p in d.places} and any(w in d.name for w in words)
        for d in drafts
    )
