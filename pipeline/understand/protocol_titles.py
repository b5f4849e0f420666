"""A whole protocol's title: a meeting's protocol of two or more §§ of business is named by its
letterhead ("Protokoll 6/2009") or by its own heading ("Minnesanteckningar från sammanträde
med …"), not by the heading of one of its §§.
"""

from __future__ import annotations

import re

from pipeline.lang.fuzzy import fold
from pipeline.records import CleanPage
from pipeline.understand.letterhead import _Field
from pipeline.understand.titles import _PARAGRAPH_MARK, _PROCEDURAL

__all__ = ["protocol_title"]

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
    marks = [k for k, t in enumerate(lines) if _PARAGRAPH_MARK.match(t)]
    business: dict[str, str] = {}  # § number -> its heading, procedural §§ left out
    for k in marks:
        m = _PARAGRAPH_MARK.match(lines[k])
        number = re.sub(r"\D", "", lines[k].split("§", 1)[1][:5])
        heading = (m.group("rest") if m else "").strip() or next(
            (t.strip() for t in lines[k + 1 : k + 3] if t.strip()), ""
        )
        if (
            number
            and not _PROCEDURAL.match(fold(heading))
            and not heading.lower().startswith("forts")
        ):
            business.setdefault(number, heading)
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
