"""Who carries out the studies of a numbered table, told by number in the text under it.

How the documents write it
--------------------------

A plan lists its studies in a table with a number column and tells afterwards, in prose,
who carries each out, naming the studies by their numbers::

    Nr  Studie                                  Område            Klar      Kostnad, tkr
    1   Barnfamiljer i tillfälliga boenden      Hemlöshet         dec 2008       650
    2   Unga vuxna med aktivitetsersättning     Försörjningsstöd  jun 2008       480
    …
    Studierna 1 och 4 har upphandlats gemensamt. Fem anbud kom in och uppdraget har
    tilldelats Socialanalys Norden AB. Studie 2 utförs av Institutionen för arbetsliv och
    välfärd vid Högskolan i Västerhaninge, som … Karolinska institutets Centrum för
    beroendestudier har fått uppdraget att genomföra studie 3.

A sentence that names studies by number ("Studie 2", "studierna 1 och 4") and the one who
carries them out ("utförs av X", "har tilldelats X", "X har fått uppdraget att genomföra
…") gives each of them that performer; a sentence that names a performer and no number
speaks of the numbers of the sentence right before it. A performer a row already has is
kept. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.drafts import Draft
from pipeline.facts.grid import GridTable
from pipeline.facts.text_units import sentences

__all__ = ["performers_by_number"]

#: studies named by number: "Studie 2", "studierna 1 och 4", "projekt 3, 5 och 6"
_NUMBERS = re.compile(
    r"\b(?:studie|studien|studierna|projekt|projekten|uppdrag|uppdragen)\s+"
    r"(?:nr\.?\s+)?(\d{1,2}(?:\s*(?:,|och|samt)\s*\d{1,2})*)\b",
    re.IGNORECASE,
)
#: an organisation's name: a capital, then words up to a comma, a full stop or a clause
_ORG = r"[A-ZÅÄÖ][^,.;:()]{2,100}?"
_END = r"(?=\s*[,.;:(]|\s+(?:som|enligt|under|efter|genom|för\s+att)\b|\s*$)"
#: "utförs av X", "har tilldelats X", "genomförs av X"
_BY = re.compile(
    rf"\b(?:utförs|genomförs|görs|utfördes|genomfördes)\s+(?:[^.]{{0,40}}?,\s*)?av\s+(?P<a>{_ORG}){_END}"
    rf"|\b(?:har\s+)?tilldelats\s+(?P<b>{_ORG}){_END}"
)
#: "X har fått uppdraget att genomföra …", "X har anlitats för …"
_DOER = re.compile(
    rf"^(?P<c>{_ORG})\s+(?:har\s+fått\s+uppdraget|har\s+anlitats|ska\s+genomföra|genomför|utför)\b"
)


def performers_by_number(
    drafts: Sequence[Draft], grids: Sequence[GridTable], lines: Sequence[BodyLine]
) -> None:
    """Give each project of a numbered table row the performer the text names for its
    number, when it has none (module docstring)."""
    numbered: dict[str, Draft] = {}
    last = len(lines)  # (the text under the first numbered table)
    for t in grids:
        for r in t.rows:
            no = r.text("ordinal").strip(" .):")
            # (the row's project, or a study under its own heading that took the row's sum)
            d = next((d for d in drafts if r.first_line in (d.first_line, d.amount_line)), None)
            if no.isdigit() and d is not None:
                numbered[no.lstrip("0")] = d
                last = min(last, t.last_line)
    if len(numbered) < 2:
        return
    after = [ln.text if k > last else "" for k, ln in enumerate(lines)]
    before: list[str] = []
    for s in sentences(after):
        text = " ".join(s.text.split())
        refs = [n for m in _NUMBERS.finditer(text) for n in re.findall(r"\d{1,2}", m.group(1))]
        who = _performer(text)
        nos = refs or before
        before = refs
        if who is None:
            continue
        for no in nos:
            d = numbered.get(no.lstrip("0"))
            if d is not None and d.performer is None:
                d.performer = who


def _performer(text: str) -> str | None:
    m = _BY.search(text) or _DOER.match(text)
    if m is None:
        return None
    name = next(g for g in m.groups() if g).strip()
    if not 2 <= len(name.split()) <= 12 or _NUMBERS.search(name):
        return None
    return name
