"""A whole protocol's title: a meeting's protocol of two or more §§ of business is named by its
letterhead ("Protokoll 6/2009") or by its own heading ("Minnesanteckningar från sammanträde
med …"), not by the heading of one of its §§.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.lang.fuzzy import fold
from pipeline.records import CleanPage
from pipeline.understand.dnr import find_dnrs
from pipeline.understand.letterhead import _Field
from pipeline.understand.titles import _PARAGRAPH_MARK, _PROCEDURAL

__all__ = ["GenreParagraph", "genre_paragraph", "protocol_title"]

#: the protocol's own name in its letterhead: "PROTOKOLL NR 6/2013", "Protokoll 2016:3"
_PROTOCOL_NAME = re.compile(
    r"\bprotokoll\s+(?P<no>(?:nr\.?\s*)?\d{1,3}\s*/\s*(?:19|20)?\d\d|(?:19|20)\d\d\s*:\s*\d{1,3}"
    r"|nr\.?\s*\d{1,3}(?![\d/]))\b",
    re.IGNORECASE,
)
#: the frame of a meeting's whole protocol, above its first §
_FRAME_LINE = re.compile(
    r"^\s*(?:tid och plats|plats och tid|tid|plats|närvarande|närvarolista|beslutande|justerare|"
    r"justering|justerat|justeringsdag|sammanträdesdag|sammanträde|paragrafer|ledamöter|"
    r"ersättare|övriga närvarande|vid protokollet|protokoll fört vid|utdrag ur protokoll)\b",
    re.IGNORECASE,
)
_MIN_FRAME_LINES = 2


def _last_cell(line: str) -> str:
    """The last cell of a line whose cells are set apart by runs of spaces."""
    return re.split(r"\s{2,}", line.strip())[-1]


def protocol_title(pages: tuple[CleanPage, ...]) -> _Field | None:
    """A meeting's whole protocol (its frame of "Tid och plats", "Beslutande", "Justerare"
    above two or more §§ of business) is named by its letterhead, as a meeting page is by its
    heading: "Protokoll 6/2009". An extract of one §, or a protocol of one ärende beside its
    procedural §§ (Val av justerare …), keeps that ärende's heading."""
    lines = [ln.text for page in pages for ln in page.lines]
    first_mark = next((k for k, t in enumerate(lines) if _PARAGRAPH_MARK.match(t)), None)
    if first_mark is None:
        return None
    frame = {m.group(0).strip().lower() for t in lines[:first_mark] if (m := _FRAME_LINE.match(t))}
    if len(frame) < _MIN_FRAME_LINES:
        return None
    business = _business(lines)
    if len(business) < 2:
        return None  # one ärende among procedural §§: its heading is the title
    head = lines[:first_mark]
    # "PROTOKOLL" over "Nr 3/2011" in the letterhead's right-hand column
    stacked = [f"{_last_cell(a)} {_last_cell(b)}" for a, b in zip(head, head[1:], strict=False)]
    name = next((m for t in (*head, *stacked) for m in [_PROTOCOL_NAME.search(t)] if m), None)
    if name is None:
        # no number printed: "Protokoll fört vid sammanträde med pensionärsrådet", if it says so
        return _stated_meeting(head)
    if not re.search(r"[/:]", name.group("no")) and any("utdrag" in h.lower() for h in head):
        return None  # "Utdrag ur protokoll …" under "PROTOKOLL NR 11": its ärende's heading
    number = re.sub(r"\s+", " ", name.group("no")).lower().replace(" /", "/").replace("/ ", "/")
    return _Field(f"Protokoll {number}", name.group(0), 0.6)


def _first_cell(text: str) -> str:
    """A heading line's first cell, or "" for a line of a dnr alone ("DNR 421-0112/97")."""
    cell = re.split(r"\s{3,}", text.strip())[0]
    return "" if re.fullmatch(r"(?i)d\s?[il1]?\s?nr\.?:?\s*\S+", cell) else cell


def _business(lines: list[str]) -> dict[str, tuple[str, int, int]]:
    """§ number -> its heading, the heading's line and the mark's, procedural §§ left out."""
    business: dict[str, tuple[str, int, int]] = {}
    for k, text in enumerate(lines):
        if (m := _PARAGRAPH_MARK.match(text)) is None:
            continue
        number = re.sub(r"\D", "", text.split("§", 1)[1][:5])
        # (its first cell: the decision may stand beside it; a line of its dnr alone before it)
        ahead = range(k + 1, min(k + 4, len(lines)))
        at = (
            k
            if _first_cell(m.group("rest"))
            else next((j for j in ahead if _first_cell(lines[j])), k)
        )
        heading = _first_cell(m.group("rest") if at == k else lines[at])
        if (
            number
            and not _PROCEDURAL.match(fold(heading))
            and not heading.lower().startswith("forts")
        ):
            business.setdefault(number, (heading, at, k))
    return business


#: the city's research and development money named in a §'s heading: "Ansökan om lokala
#: utvecklingsmedel 2006", "Medel för utveckling och lärande (MUL) 2017", "FoU-studier 2016"
_FOU_MONEY = re.compile(
    r"\b(?:lokala\s+utvecklingsmedel|fou[- ](?:medel|studier|pengar)|lum|must|mul|fum|"
    r"medel\s+for\s+(?:studiebesok|utveckling och larande))\b"
)


class GenreParagraph(NamedTuple):
    title: _Field
    dnr: _Field | None
    main: bool  # the protocol's longest § of business: what its facts are about


def genre_paragraph(pages: tuple[CleanPage, ...]) -> GenreParagraph | None:
    """A whole protocol's first § of business about research and development money: its
    heading names the document (what an archive of that money files it under) and its dnr
    is the document's. None for a protocol with no such §, or for no whole protocol."""
    if protocol_title(pages) is None:
        return None
    lines = [ln.text for page in pages for ln in page.lines]
    marks = [k for k, t in enumerate(lines) if _PARAGRAPH_MARK.match(t)] + [len(lines)]
    size = {k: b - k for k, b in zip(marks, marks[1:], strict=False)}
    business = _business(lines)
    longest = max((size.get(m, 0) for _h, _a, m in business.values()), default=0)
    for heading, at, mark in business.values():
        for nxt in (_first_cell(t) for t in lines[at + 1 : at + 3]):
            if not (nxt[:1].islower() or nxt[:1] == "(" or re.match(r"(?:och|samt)\s", nxt)):
                break
            heading = f"{heading} {nxt}"  # "… år 2006 hos" ⏎ "socialtjänstnämnden"
        if not _FOU_MONEY.search(fold(heading)) or fold(heading).startswith("anmalan"):
            continue  # (a district's own "utvecklingsmedel" are no FoU fund; "Anmälan av …"
            # reports another nämnd's decision)
        own = lines[mark : at + 4]
        ends = next((j for j in range(1, len(own)) if _PARAGRAPH_MARK.match(own[j])), len(own))
        dnr = next(((d, t) for t in own[:ends] for d in find_dnrs(t) if d.labelled), None)
        return GenreParagraph(
            _Field(heading, heading, 0.6),
            _Field((dnr[0].normalized, dnr[0].raw), dnr[1].strip(), 0.7) if dnr else None,
            size.get(mark, 0) >= longest,
        )
    return None


#: a protocol's own heading that says which meeting it records: "Protokoll fört vid
#: sammanträde med …", "Minnesanteckningar från sammanträde med …"
_MEETING_HEADING = re.compile(
    r"^(?:Protokoll|Minnesanteckningar|Anteckningar)\s+(?:fört\s+vid|från|vid)\s+sammanträde\s+med\b"
)


def _stated_meeting(head: list[str]) -> _Field | None:
    for k, text in enumerate(head):
        if _MEETING_HEADING.match(text.strip()) and not text.startswith(" "):
            wrapped = head[k + 1].strip() if k + 1 < len(head) else ""
            more = f" {wrapped}" if wrapped[:1].islower() and "  " not in wrapped else ""
            return _Field(f"{text.strip()}{more}", text, 0.6)
    return None
