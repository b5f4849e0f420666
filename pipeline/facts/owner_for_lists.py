"""Projects listed inside one sentence as who carries each out and what it is called.

How the documents write them
----------------------------

A report may name the year's projects in running text, after a sentence part that says
projects were granted and a colon, each item its owner, "för" and the project's name::

    Under 2016 beviljades sju projekt lokala utvecklingsmedel med sammanlagt 2,9 mnkr:
    Bromma för projektet Trygga överlämningar mellan förskola och skola, Farsta och
    Skarpnäck gemensamt för Stöd till unga anhöriga, Norrmalm för Äldre med missbruk –
    uppsökande arbete samt socialförvaltningens socialjour för Nattliga hembesök …

Items are separated by commas and the last one by "samt" (or "och" before an owner that
"för" follows); an owner is one or more districts, or a unit of the city's offices, the
name opens with a capital letter after "för" (and "projektet" or "studien", if printed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.lists import ListRow, Place
from pipeline.lang.fuzzy import fold

__all__ = ["find_owner_for_lists"]

PlaceFinder = Callable[[str], list[Place]]

#: the part of the sentence before the colon: projects granted (or carried out) that year
_INTRO = re.compile(
    r"\b(?:projekt|studier|insatser)\b[^:]*\b(?:beviljade?s|fick|fatt|genomfordes|pagick|drevs)\b"
    r"|\b(?:beviljade?s|fick|fatt|genomfordes|drevs)\b[^:]*\b(?:projekt|studier)\b"
)
#: one item: its owner, "för", the name (a word such as "projektet" before it left out)
_ITEM = re.compile(
    r"^(?P<owner>[^,]{2,90}?)\s+(?:gemensamt\s+|tillsammans\s+)?för\s+"
    r"(?:(?:projektet|studien|insatsen|satsningen)\s+)?(?P<name>[A-ZÅÄÖ\"”].{2,150})$"
)
#: "… för B och Z för C": the last item joined by "och"
_AND_OWNER = re.compile(r"\s+och\s+(?=[^,]{2,90}?\s+för\s+)")
_UNIT_OWNER = re.compile(r"forvaltning|jour|enhet|mottagning")
_MIN_ITEMS = 3
_MAX_LINES = 12


def find_owner_for_lists(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every project of a list written inside one sentence as "<owner> för <name>" items."""
    out: list[ListRow] = []
    for i, ln in enumerate(lines):
        colon = ln.text.rfind(":")
        if colon < 0 or ln.heading:
            continue
        intro = " ".join(lines[k].text for k in range(max(0, i - 2), i)) + ln.text[:colon]
        if not _INTRO.search(fold(intro)):
            continue
        spans: list[tuple[int, int]] = []  # (offset in the joined text, line)
        joined = ln.text[colon + 1 :].strip()
        spans.append((0, i))
        for j in range(i + 1, min(len(lines), i + _MAX_LINES)):
            t = lines[j].text.strip()
            if not t or lines[j].heading or re.search(r"[.;:]$", joined):
                break
            spans.append((len(joined) + 1, j))
            joined = f"{joined} {t}"
        rows = _items(joined.rstrip(" ."), spans, lines, find)
        if len(rows) >= _MIN_ITEMS:
            out.extend(rows)
    return out


def _items(
    joined: str, spans: list[tuple[int, int]], lines: Sequence[BodyLine], find: PlaceFinder
) -> list[ListRow]:
    parts: list[tuple[int, str]] = []
    pos = 0
    for piece in re.split(r"(,\s+|\s+samt\s+)", joined):
        if piece and not re.fullmatch(r",\s+|\s+samt\s+", piece):
            for sub in _split_and(piece):
                parts.append((pos + piece.find(sub), sub))
        pos += len(piece)
    rows: list[ListRow] = []
    for off, text in parts:
        m = _ITEM.match(text.strip())
        if m is None:
            return []  # every item names its owner and its project
        owner = m.group("owner")
        places = find(owner)
        if not places and not _UNIT_OWNER.search(fold(owner)):
            return []
        line = max((k for o, k in spans if o <= off), default=spans[0][1])
        last = max((k for o, k in spans if o <= off + len(text)), default=line)
        rows.append(
            ListRow(
                m.group("name").strip(' ."”'),
                places,
                line,
                last,
                lines[line].page_no,
                text.strip(),
                # (the item is all its text says of it: the sum before the colon is the year's)
                description=text.strip(),
                form="intro_list",
                intro_line=spans[0][1],
            )
        )
    return rows


def _split_and(item: str) -> list[str]:
    """An item and the one "och" joined to it ("Norrmalm för A och Skärholmen för B"), when
    both name an owner before "för"."""
    if len(re.findall(r"\sför\s", item)) < 2:
        return [item]
    m = _AND_OWNER.search(item, item.find(" för ") + 5)
    return [item[: m.start()], item[m.end() :]] if m else [item]
