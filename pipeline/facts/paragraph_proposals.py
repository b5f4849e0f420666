"""A project's sum for the coming year, proposed later in the paragraph that names it.

How the documents write it
--------------------------

A decision on continued money often tells each project's story first, last year's grant
included, and ends its paragraph with what the office proposes now::

    Vantörs stadsdelsnämnds projekt Barn i familjer med missbruk beviljades 280 000 kronor
    för 2001. ... Förvaltningen föreslår därför att projektet får 200 000 kronor för året.
    Projektet föreslås få samma belopp som förra året, 150 000 kronor.
    ... och föreslås få en ökning med 50 000 kronor till 325 000 kronor, ...

The proposed sum (after "en ökning med … till", the sum it rises to) is the project's, and
the project is granted ("… beviljas hela det sökta beloppet": the sum applied for). Read
only where the paragraph is about one project. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.lang.amounts import AmountMatch, find_amounts

__all__ = ["proposed_in_paragraph"]

#: "föreslås (nu) få", "föreslår (därför) att projektet får", "… att stadsdelsnämnden beviljas"
_PROPOSES = re.compile(
    r"\b(?:föreslås\s+(?:nu\s+|därför\s+|också\s+)?(?:få|beviljas)|"
    r"föreslår\s+(?:därför\s+|nu\s+)?att\s+(?:projektet|det|studien|\w*nämnden|"
    r"\w+\s+stadsdelsnämnd)\s+(?:får|beviljas)|"
    # "Förvaltningen föreslår 160 000 kronor.", "… föreslår att ansökan beviljas med 60 000
    # kronor", "… föreslår att det sökta beloppet beviljas"
    r"föreslår(?=\s+\d)|föreslår\s+att\s+ansökan\s+beviljas\s+med|föreslår\s+att(?=\s+det\s+sökta))\s",
    re.IGNORECASE,
)
#: "… beviljas hela det sökta beloppet": the sum applied for
_WHOLE = re.compile(r"^(?:hela\s+)?det\s+sökta\s+beloppet\b", re.IGNORECASE)
#: "en ökning med 50 000 kronor till …": a change, then the sum it comes to
_CHANGE = re.compile(r"\b(?:ökning|höjning|minskning|sänkning)\s+med\s+$", re.IGNORECASE)
_TO = re.compile(r"^\s+till\s+$", re.IGNORECASE)


def _proposed(para: str) -> tuple[AmountMatch | None] | None:
    """The sum the one proposal of a paragraph names ((None,) when it grants the sum applied
    for), or None when no proposal, or several, are made."""
    found = list(_PROPOSES.finditer(para))
    if len(found) != 1:
        return None
    rest = para[found[0].end() :]
    if _WHOLE.match(rest):
        return (None,)
    sentence = re.split(r"(?<=[.;])\s", rest, maxsplit=1)[0]
    sums = [a for a in find_amounts(sentence) if a.per is None]
    if not sums or sums[0].start > 40:
        return None
    if (
        len(sums) > 1
        and _CHANGE.search(sentence[: sums[0].start])
        and _TO.match(sentence[sums[0].end : sums[1].start])
    ):
        return (sums[1],)
    return (sums[0],)


def proposed_in_paragraph(found: Sequence[Any], para_of: Mapping[int, str]) -> None:
    """Give each prose project alone in its paragraph the sum that paragraph proposes for
    it (module docstring), and the status "beviljad"."""
    paras = [para_of.get(pp.sentence.first) for pp in found]
    for pp, para in zip(found, paras, strict=True):
        if para is None or paras.count(para) != 1 or pp.status == "avslagen":
            continue
        got = _proposed(para)
        if got is None or (got[0] and pp.amount and got[0].sek == pp.amount.sek):
            continue  # (the same sum: what was read of it stands)
        pp.status = "beviljad"
        pp.amount = got[0] or pp.amount
