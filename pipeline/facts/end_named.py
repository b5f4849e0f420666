"""When a project ends, said where the document names it again, away from its own row or
block.

How the documents write it
--------------------------

A table or list gives the project; a decision or a later paragraph says when it ends::

    2.  Kommunstyrelsen godkänner att studien Unga vuxna med långvarigt
        socialbidrag förlängs till och med juni 2007 inom given kostnadsram.

    Projektet Stöd i skolan för familjehemsplacerade barn beviljades 350 000 kronor.
    Två skolsocionomer har arbetat med 34 barn och deras familjehem. Projektet
    avslutades i december 2013 och slutrapporten finns i Kunskapsbanken.

A sentence that names the project and says when its work ends gives the end; so does a
later sentence of the same paragraph that speaks of it again as "Projektet"/"Studien" (the
paragraph naming no other project). An extension granted ("förlängs till och med …") gives
the new end even over one the project's own row printed. Pure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from pipeline.facts.end_dates import parse_end_date, season_end
from pipeline.facts.end_in_text import end_date_in
from pipeline.facts.text_units import Sentence, sentences
from pipeline.lang.fuzzy import fold

__all__ = ["ends_named_later"]

#: a name too short or too common to be found again as itself ("Resa 1", "Läxhjälp")
_MIN_NAME = 14
#: an extension granted: "förlängs till och med juni 2007", "får användas till och med …"
_EXTENDED = re.compile(
    r"\b(?:forlangs|forlangts|forlangdes|forlangning\w*|far anvandas|far slutforas|"
    r"far slutfora)\b[^.]*\b(?:till|t\.?\s?o\.?\s?m\.?|senast|under)\b"
)
#: a line set in columns (a table's row): a gap of three spaces or more between words
_COLUMNS = re.compile(r"\S {3,}\S")
#: a sentence that speaks of the paragraph's project again
_AGAIN = re.compile(r"^(?:projektet|studien|utvarderingen|verksamheten|arbetet|insatsen)\b")
#: not the work's end: an application's, a report's or a decision's date
_NOT_THE_WORK = re.compile(
    r"\b(?:ansok\w*|ansokningar\w*|sammantrade\w*|beslutade?s?)\s+(?:senast|den|i)\b"
)


def ends_named_later(drafts: Sequence[Any], texts: Sequence[str]) -> None:
    """Each project whose end a sentence elsewhere gives (module docstring) takes it."""
    names = [
        (d, re.compile(rf"\b{re.escape(fold(d.name))}\b"))
        for d in drafts
        if d.name and len(d.name) >= _MIN_NAME
    ]
    if not names:
        return
    sents = _paragraph_sentences(texts)
    for k, s in enumerate(sents):
        f = fold(s.text)
        named = [d for d, pat in names if pat.search(f)]
        if not named:
            continue
        extended = _EXTENDED.search(f)
        if extended is not None:
            end = _extended_to(s.text[extended.start() :])
            longer = extended.group(0).startswith("forl")  # (an extension: the new end stands)
            for d in named if end is not None else []:
                if d.end_date is None or (longer and d.end_date < end):
                    d.end_date = end
            continue
        if len(named) != 1:
            continue
        d = named[0]
        if d.end_date is not None:
            continue
        end = _end_said(s.text)
        for t in sents[k + 1 : k + 4] if end is None else []:
            if any(not texts[i].strip() for i in range(s.last, t.first)):
                break  # the paragraph ended
            ft = fold(t.text)
            if any(pat.search(ft) for _, pat in names):
                break  # another project named (or this one again, in its own sentence)
            if _AGAIN.match(ft) and (end := _end_said(t.text)) is not None:
                break
            # "… medgett att resterande 140 000 kronor får användas under första halvåret 2024"
            if (ext := _EXTENDED.search(ft)) is not None and (
                end := _extended_to(t.text[ext.start() :])
            ):
                break
        if end is not None:
            d.end_date = end


def _paragraph_sentences(texts: Sequence[str]) -> list[Sentence]:
    """The sentences of each paragraph (no sentence runs over a blank line, nor over a
    table's lines set in columns: they are no sentence)."""
    out: list[Sentence] = []
    start = 0
    for k in range(len(texts) + 1):
        if k == len(texts) or not texts[k].strip() or _COLUMNS.search(texts[k].strip()):
            out += [
                dataclasses.replace(s, first=s.first + start, last=s.last + start)
                for s in sentences(list(texts[start:k]))
            ]
            start = k + 1
    return out


def _extended_to(text: str) -> dt.date | None:
    """The end an extension gives: "till och med juni 2007", "under första halvåret 2024",
    "till och med 2013" (the year's last day); none for a year alone ("under 2017")."""
    got = parse_end_date(text)
    if got is not None and got[3] is not None:
        return got[3]
    if (season := season_end(text)) is not None:
        return season
    # ("… får användas under 2017": money kept for a year, no end of the work)
    year = re.search(r"\b(?:till och med|t\.?\s?o\.?\s?m\.?)\s+((?:19|20)\d\d)\b", fold(text))
    return dt.date(int(year.group(1)), 12, 31) if year else end_date_in(text)


def _end_said(text: str) -> dt.date | None:
    """The end a sentence says the work has, unless the date is another event's."""
    if _NOT_THE_WORK.search(fold(text)):
        return None
    return end_date_in(text)
