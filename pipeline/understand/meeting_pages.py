"""Meeting pages and agendas: a nämnd's web page for one meeting (breadcrumb
"Hem > … > <nämnd> > Sammanträde YYYY-MM-DD") and its föredragningslista. Their heading is the
title, the meeting's date both dates; the dnr and handläggare printed belong to the items, so
the document has none of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.records import CleanPage, Section
from pipeline.understand.committees import _committee, find_committees
from pipeline.understand.dates import find_dates, parse_date
from pipeline.understand.letterhead import _Field, _top
from pipeline.understand.page_titles import ONE_ITEM
from pipeline.understand.sections import HeadingLine

__all__ = ["agenda", "meeting_page", "meeting_page_fields"]


#: a breadcrumb trail "Hem > Stockholms stad > <nämnd> > Sammanträde 2005-03-31"
_CRUMB_SEP = re.compile(r"\s+>\s+")
#: a meeting page's heading: "Sammanträde 2005-03-31", "Sammanträde den 17 juni 2015"
_MEETING_HEADING = re.compile(
    r"^(?P<head>(?:Nämndsammanträde|Sammanträde|Möte)\s+(?:den\s+)?(?P<date>[\w -]{6,24}?))\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _MeetingPage:
    heading: str
    date: dt.date
    crumbs: tuple[str, ...]


def meeting_page(p1: CleanPage) -> _MeetingPage | None:
    """A meeting's web page (its heading is the meeting and its date, an agenda of items
    follows, each with its own dnr and handläggare), read from the breadcrumb or the
    heading at the top."""
    top = [t.strip() for t in _top(p1, 6)]
    crumbs: tuple[str, ...] = ()
    for k, t in enumerate(top):
        if " > " in t and k + 1 < len(top) and len(top[k + 1].split()) <= 2:
            t = f"{t} {top[k + 1]}"  # the trail wrapped: its last crumb on the next line
        parts = _CRUMB_SEP.split(t)
        if len(parts) >= 3:
            crumbs = tuple(p.strip() for p in parts)
            break
    if not crumbs and any(re.search(r"protokoll", t, re.IGNORECASE) for t in top):
        return None  # a protokoll's head names its meeting too; its § is the subject
    if any(ONE_ITEM.match(t) for t in _top(p1, 10)):
        return None  # a portal's cover of one item's papers ("Ärende 9" over its subject)
    for cand in [*crumbs[-1:], *top]:
        m = _MEETING_HEADING.match(cand)
        date = parse_date(m.group("date")) if m is not None else None
        if m is not None and date is not None:
            return _MeetingPage(m.group("head"), date, crumbs)
    return None


#: an agenda's kind line: "FÖREDRAGNINGSLISTA", "Kallelse och föredragningslista"
_AGENDA = re.compile(r"^(?:kallelse\s+(?:och|med)\s+)?föredragningslista$", re.IGNORECASE)


def agenda(p1: CleanPage) -> _MeetingPage | None:
    """A nämnd's agenda (föredragningslista): like a meeting page, its items each have their
    own dnr and handläggare; titled by its kind, dated by the meeting its "Tid" line names."""
    top = [t.strip() for t in _top(p1, 10)]
    kind = next((t for t in top if _AGENDA.match(t)), None)
    if kind is None:
        return None
    # ("Kallelse till sammanträde i X stadsdelsnämnd" over it: the notice's own subject)
    title = next((t for t in top if _NOTICE.match(t)), kind[:1].upper() + kind[1:].lower())
    for t in top:
        for d in find_dates(t):
            if d.date is not None:
                return _MeetingPage(title, d.date, ())
    return None


#: a notice's subject line: "Kallelse till sammanträde i Skarpnäcks stadsdelsnämnd"
_NOTICE = re.compile(r"^kallelse\s+till\s+\S.{8,}$", re.IGNORECASE)


def meeting_page_fields(
    fields: dict[str, _Field],
    page: _MeetingPage,
    pages: tuple[CleanPage, ...],
    sections: tuple[Section, ...],
    headings: list[HeadingLine],
) -> None:
    """A meeting page: its heading is the title, its date both dates; no dnr and no
    handläggare of its own (those printed belong to the items)."""
    committee: _Field | None = None
    for crumb in reversed(page.crumbs[:-1]):
        found = find_committees(crumb)
        if found:
            c = found[-1]
            committee = _Field((c.canonical, c.as_printed), " > ".join(page.crumbs), 0.9)
            break
    if committee is None:
        committee = _committee(pages, sections, headings)
    if committee is not None:
        fields["committee"] = committee
    fields["title"] = _Field(page.heading, page.heading, 0.85)
    fields["meeting_date"] = _Field(page.date, page.heading, 0.9)
    fields["doc_date"] = _Field(page.date, page.heading, 0.8)
    fields["doc_type"] = _Field("other", "meeting page: " + page.heading, 0.5)
