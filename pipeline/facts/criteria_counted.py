"""Criteria announced by their number and then written out in running text (read by
:func:`pipeline.facts.criteria.find_criteria`).

How the documents write them
----------------------------

A writer who says how many criteria there are may skip the list and write them as prose:
as a series after a colon, or as the sentences that follow::

    Nämnden har angett fyra fokusområden för stadsövergripande FoU (FUM): tidiga
    insatser för barn och unga, våld i nära relationer, vräkningsförebyggande arbete
    samt digitalisering av stödet till enskilda.

    Socialnämnden bedömer ansökningarna utifrån tre kriterier. Projektet ska omfatta
    flera förvaltningar. Det ska också ha en tydlig forskningsanknytning. Slutligen ska
    det finnas en plan för hur resultaten tas tillvara.

The count ("fyra", "tre") with the kind's noun announces the items; they are read only
when exactly that many follow — the series' parts, or the rest of the paragraph's
sentences (or the next paragraph's, when the announcing sentence closes its own) where the
applications are judged "utifrån", "efter" or "mot" the counted grounds. The noun gives the
kind: fokusområden are focus areas, the rest criteria ("tre inriktningar lyfts fram: …" in a
summary restates priorities listed in full later, and is not read). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, Context
from pipeline.facts.criteria_forms import CriterionItem, fund_year, text_items
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.fuzzy import fold

__all__ = ["counted_criteria"]

_COUNTS = {"tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "atta": 8}
#: "fyra kriterier", "tre fokusområden", "två bedömningsgrunder" (folded text; a digit may be
#: a section's number, "4  Fokusområden 2024")
_COUNTED = re.compile(
    r"\b(?P<n>tva|tre|fyra|fem|sex|sju|atta)\s+(?:(?:sarskilda|overgripande)\s+)?"
    r"(?P<noun>kriterier|fokusomraden|bedomningsgrunder|prioriteringsgrunder|inriktningar|"
    r"omraden)\b"
)
_KIND = {"fokusomraden": "focus_area", "inriktningar": "priority", "omraden": "priority"}
#: orientations that give preference: "två inriktningar som kan ge förtur"
_PREFERENCE = re.compile(r"\b(?:fortur|foretrade|prioriter\w*|forst\s+hand)\b")
#: the applications are judged by the counted grounds: "bedömer ansökningarna utifrån fyra
#: kriterier", "prövas mot tre kriterier" (the sentences that follow are the grounds)
_GROUNDS_BEFORE = re.compile(r"\b(?:utifran|efter|enligt|mot)\s*$")
_MAX_ITEM_WORDS = 40
#: a sentence's end: a full stop before a capital (or the text's end)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ]|\s*$)")


def _paragraph(lines: Sequence[BodyLine], i: int) -> int:
    """The last line of the paragraph that starts on line `i`."""
    k = i
    while k + 1 < len(lines) and lines[k + 1].text.strip() and not lines[k + 1].heading:
        k += 1
    return k


def _series(text: str) -> list[str]:
    """The parts of a series ending its sentence: "a, b, c samt d." → [a, b, c, d]."""
    stop = _SENTENCE_END.search(text)
    sentence = text[: stop.start()] if stop else text
    parts = [p.strip() for p in re.split(r",\s+", sentence)]
    # the last part splits at its "samt" ("b och c samt d"), else at its last "och"
    last = parts[-1]
    joints = list(re.finditer(r"\s+samt\s+(?=\S)", last)) or list(
        re.finditer(r"\s+och\s+(?=\S)", last)
    )
    if len(joints) == 1 or (joints and "samt" in joints[-1].group()):
        cut = joints[-1]
        parts[-1:] = [last[: cut.start()], last[cut.end() :]]
    parts = [p.strip(" ,;") for p in parts if p.strip(" ,;")]
    if len(parts) >= 2 and all(re.match(r"att\s", p) for p in parts):
        # "tre kriterier: att studiebesöket …, att besöket … och att …": the clauses
        parts = [p[4:].strip() for p in parts]
    return parts


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[start : m.start()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return [s for s in out if s]


def counted_criteria(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[list[CriterionItem], int] | None:
    """The criteria a paragraph starting on line `i` announces by their number and writes
    out (see the module's docstring), and the line after the text they were read from."""
    end = _paragraph(lines, i)
    para = dehyphen_join([lines[k].text for k in range(i, end + 1)])
    m = _COUNTED.search(fold(para))
    if m is None:
        return None
    if m.group("noun") in ("inriktningar", "omraden") and not _PREFERENCE.search(fold(para)):
        return None  # ("tre inriktningar" of a plan: its parts, no grounds for a choice)
    n = _COUNTS[m.group("n")]
    rest = para[m.end() :]
    stop = _SENTENCE_END.search(rest)
    colon = rest.find(":")
    last = end
    if colon >= 0 and (stop is None or colon < stop.start()):
        items = _series(rest[colon + 1 :])  # "… fyra fokusområden (FUM): a, b, c samt d."
    elif not _GROUNDS_BEFORE.search(fold(para[: m.start()])):
        return None  # ("föreslår tre fokusområden för …. Inom fokusområdena har …": a summary)
    else:
        after = rest[stop.end() :] if stop else ""
        if not after.strip() and end + 2 < len(lines) and not lines[end + 2].heading:
            # the announcing sentence closes its paragraph: the items are the next one's
            nxt = end + 1
            while nxt < len(lines) and not lines[nxt].text.strip():
                nxt += 1
            if nxt < len(lines) and re.search(
                r"\S\s{3,}\S|^\s*(?:[-–•*]|\d{1,2}[.)])\s", lines[nxt].text
            ):
                return None  # a table or a list follows: its own reader's
            last = _paragraph(lines, nxt) if nxt < len(lines) else end
            after = dehyphen_join([lines[k].text for k in range(nxt, last + 1)])
        items = _sentences(after)
    if len(items) != n or any(len(x.split()) > _MAX_ITEM_WORDS for x in items):
        return None
    fund, year = fund_year(lines, i, end, ctx)
    kind = _KIND.get(m.group("noun"), "criterion")
    items = [re.sub(r"^(?:och|samt)\s+", "", x) for x in items]
    return text_items(items, fund, year, kind, lines[i].page_no, para), last + 1
