"""Titles of papers that are not a nämnd's own layout: a web page printed from a browser
(the page title in the print header), a meeting portal's cover over one item's papers
("Ärende 9" over the item's subject), and a report's cover or a poster whose headline is set
in centred capitals. Pure."""

from __future__ import annotations

import itertools
import re

from pipeline.records import CleanPage
from pipeline.understand.dates import ISO_DATE
from pipeline.understand.decisions import _join
from pipeline.understand.letterhead import _Field

__all__ = [
    "ONE_ITEM",
    "cover_title",
    "headline_over_date",
    "item_cover_title",
    "print_header_title",
    "report_cover_title",
]

#: a browser's print header: "2022-05-09 14:37      <page title> - Intranätet" (the site's
#: name after the title or none)
_PRINT_HEADER = re.compile(
    rf"^\s*(?:{ISO_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}),?\s+\d{{1,2}}[:.]\d\d\s{{2,}}"
    r"(?P<title>\S.*?)(?:\s+[-–|]\s+[^-–|]{2,40})?\s*$"
)
#: one item of a meeting, its number alone on a line at the left margin: "Ärende 9" (not a
#: letterhead's reference to the agenda set in its right-hand column)
ONE_ITEM = re.compile(r"^\s{0,4}Ärende\s+(?:nr\.?\s*)?\d{1,3}\s*$")
_HEAD_LINES = 12
_MAX_SUBJECT_LINES = 3


def print_header_title(p1: CleanPage) -> _Field | None:
    """A web page printed from a browser: the page's title in the print header, when the page
    prints it again as its heading ("Sök utvecklingsmedel för 2023 - LUM och MUL")."""
    if not p1.lines:
        return None
    m = _PRINT_HEADER.match(p1.lines[0].text)
    if m is None:
        return None
    title = " ".join(m.group("title").split())
    if " " not in title:
        return None  # "ansokan_2025.xml": a file's name, no title
    # (printed again as the page's heading, maybe wrapped over two lines)
    shown = title in " ".join(" ".join(ln.text.split()) for ln in p1.lines[1:60])
    if not shown:
        return None
    return _Field(_fuller_heading(p1, title) or title, p1.lines[0].text.strip(), 0.7)


def _fuller_heading(p1: CleanPage, title: str) -> str | None:
    """The page's heading when it goes on after the print header's shorter title, wrapped
    over up to three lines ("Utvecklingsbidrag till idéburna" ⏎ "organisationer inom
    socialtjänstens" ⏎ "område" under "Utvecklingsbidrag till idéburna organisationer")."""
    texts = [" ".join(ln.text.split()) for ln in p1.lines[1:60]]
    for k, text in enumerate(texts):
        if not text or not title.startswith(text) or (k and texts[k - 1]):
            continue
        # (its wrapped lines go on in lower case: no "Publicerad 2016-05-02" under it)
        block = texts[k : k + 1] + list(
            itertools.takewhile(lambda t: t[:1].islower(), texts[k + 1 : k + 4])
        )
        heading = " ".join(block)
        if len(block) <= 3 and heading.startswith(title) and heading != title:
            return None if heading.endswith((".", ":")) else heading
    return None


def item_cover_title(p1: CleanPage) -> _Field | None:
    """A meeting portal's cover over one item's papers: "Ärende 9" over a blank line over the
    item's subject (up to three lines)."""
    lines = [ln.text for ln in p1.lines[:_HEAD_LINES]]
    for k, text in enumerate(lines):
        if ONE_ITEM.match(text) is None or k + 2 >= len(lines) or lines[k + 1].strip():
            continue
        first = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
        if first is None:
            return None
        parts = [t.strip() for t in lines[first : first + _MAX_SUBJECT_LINES]]
        parts = parts[: next((n for n, t in enumerate(parts) if not t), len(parts))]
        return _Field(_join(parts), " / ".join([text.strip(), *parts]), 0.7)
    return None


#: a centred line in capitals: part of a cover's or poster's headline
#: (set in from the margin, not as far as a letterhead's right-hand column; no number in it)
_CAPITALS_LINE = re.compile(
    r"^\s{8,30}(?=.*[A-ZÅÄÖ]{3})[A-ZÅÄÖ][A-ZÅÄÖ ,.:–&/()-]*(?:\s(?:19|20)\d\d(?:[–-](?:19|20)?\d\d)?)?$"
)
#: the city's, an office's or a committee's name, a paper's kind: no headline
_NO_HEADLINE = re.compile(
    r"^(?:STOCKHOLMS STAD|\S*FÖRVALTNINGEN|\S*FÖRVALTNING|\S*NÄMNDEN|\S*NÄMND|AVDELNING.*|"
    r"\S*ENHETEN|\S*ENHET|"
    r"\S*KONTORET|BILAGA(?:\s+\d+)?|PROTOKOLL|TJÄNSTEUTLÅTANDE|RAPPORT|PM|SID(?:A)?\b.*)$"
)
_COVER_LINES = 40
#: names kept in capitals when a headline is set in ordinary case
_ACRONYMS = {w: w for w in ("LUM", "MUST", "MUL", "FUM", "ESF", "IOP", "EU")} | {"FOU": "FoU"}


def cover_title(p1: CleanPage) -> _Field | None:
    """A report's cover or a poster: its headline in centred capitals ("LOKALA
    UTVECKLINGSPROJEKT" ⏎ "OCH STUDIEBESÖK 2009"), the lines joined and set in ordinary case."""
    lines = [ln.text for ln in p1.lines[:_COVER_LINES]]
    for k, text in enumerate(lines):
        if not _CAPITALS_LINE.match(text) or _NO_HEADLINE.match(text.strip()):
            continue
        block = [text.strip()]
        for nxt in lines[k + 1 :]:
            if re.fullmatch(r"\s{8,}(?:19|20)\d\d\s*", nxt):
                block.append(nxt.strip())  # ("… STUDIEBESÖK" ⏎ "2014": the year it is for)
                break
            if not _CAPITALS_LINE.match(nxt) or _NO_HEADLINE.match(nxt.strip()):
                break
            block.append(nxt.strip())
        words = " ".join(block).split()
        if len(words) < 3:
            continue
        title = " ".join(_ACRONYMS.get(w.strip("(),"), w.lower()) for w in words)
        return _Field(title[:1].upper() + title[1:], " / ".join(block), 0.6)
    return None


#: a plan's or report's kind and year, set alone on a cover ("Verksamhetsplan 2025")
_REPORT_KIND = re.compile(
    r"(?:Verksamhetsplan|Verksamhetsberättelse|Tertialrapport\s+\d|Delårsrapport|Årsrapport|"
    r"Årsredovisning|Budget)(?:\s+(?:med\s+budget\s+)?(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?)?"
)
#: a cover holds a few lines only
_COVER_MAX_LINES = 15


def report_cover_title(p1: CleanPage) -> _Field | None:
    """A plan's or report's cover, its kind and year set alone and in from the margin between
    blank lines ("Verksamhetsplan 2025" under the nämnd's name, over its dnr and date)."""
    lines = [ln.text for ln in p1.lines]
    if sum(1 for t in lines if t.strip()) > _COVER_MAX_LINES:
        return None
    for k, text in enumerate(lines):
        blank_around = all(not lines[j].strip() for j in (k - 1, k + 1) if 0 <= j < len(lines))
        if text.startswith("        ") and blank_around and _REPORT_KIND.fullmatch(text.strip()):
            sub = _subtitle_below(lines, k)
            title = f"{text.strip()} – {sub}" if sub else text.strip()
            return _Field(title, " / ".join(p for p in (text.strip(), sub) if p), 0.6)
    return None


def _subtitle_below(lines: list[str], k: int) -> str:
    """The lines set at the kind's own indent after one blank line, up to the next blank
    ("Forskning och utveckling inom" ⏎ "socialtjänsten i Stockholms stad"); not a dnr, a
    date or an office."""
    indent = len(lines[k]) - len(lines[k].lstrip())
    block: list[str] = []
    for text in lines[k + 2 : k + 6]:
        if not text.strip() or len(text) - len(text.lstrip()) != indent:
            break
        block.append(text.strip())
    joined = " ".join(block)
    if not block or re.match(r"(?i)(?:dnr|\d|.*(?:förvaltning|nämnd|kontoret)$)", joined):
        return ""
    return joined


#: a web page's publication line under its headline: "Nyhet  |  12 mars 2019", "Publicerad
#: 27 augusti 2025 · Uppdaterad …", "Publicerat den 7 mars 2013 av …", "Pressmeddelande · 3 maj"
PUBLISHED = re.compile(
    r"^\s*(?:(?:nyhet|pressmeddelande|artikel|inlägg|blogginlägg)\s*[|·•–-]|"
    r"(?:publicerad|publicerat|uppdaterad|uppdaterat)\b)",
    re.IGNORECASE,
)
#: a site's navigation or breadcrumb line: "Start  ›  Aktuellt  ›  Nyheter", "Start | Om …"
NAVIGATION = re.compile(r"(?:\S.*?(?:\s[|›»>]\s|\s›|›\s)){2,}")


def headline_over_date(p1: CleanPage) -> _Field | None:
    """A web page's headline: the lines (three at most) right over its publication line,
    set apart by a blank line above them."""
    lines = [ln.text.strip() for ln in p1.lines[:60]]
    at = next((k for k, t in enumerate(lines) if PUBLISHED.match(t)), None)
    if at is None:
        return None
    end = at - 1
    while end >= 0 and not lines[end]:
        end -= 1
    start = end
    while start > 0 and lines[start - 1] and end - start < _MAX_SUBJECT_LINES - 1:
        start -= 1
    parts = lines[start : end + 1]
    if not parts or (start > 0 and lines[start - 1]) or any(NAVIGATION.match(t) for t in parts):
        return None
    return _Field(_join(parts), " / ".join(parts), 0.6)
