"""Projects printed as blocks under their owner, with their sums in a separate list.

How the documents write them
----------------------------

A decision on study trips or small grants may print one block per applicant: the owner's name
on a line of its own, the project (a destination and purpose, a project name) on the next
line or two, ending in a full stop, and maybe a line of detail; a blank line before the next
block::

    Bromma stadsdelsförvaltning
    Köpenhamn, Københavns Kommune – bostad först för unga hemlösa.
    8 deltagare

    Socialförvaltningen, Framtid Stockholm
    Amsterdam för att studera stadens arbete med unga som återfaller i brott.
    8 deltagare

The sums then stand in a list of owners and amounts elsewhere ("Förslag till fördelning":
``Bromma   42 500 kr``). A block takes the sum of its owner when the owner appears once among
the blocks and once in such a list.

At least two blocks in a row make a list: an address or signature block ("Farsta
stadsdelsförvaltning" / "Box 4098, 123 45 Farsta") alone is not one, and lines with postal
details are never project names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts

__all__ = ["find_block_projects"]

PlaceFinder = Callable[[str], list[Place]]

#: a line of detail under a block's project: participants, a period, a sum
_DETAIL = re.compile(
    r"^(?:\d+\s+(?:deltagare|personer|medarbetare|resenärer)|antal\b|period\b|tid\b|\d)",
    re.IGNORECASE,
)
#: postal and contact details: an address block, not a project
_POSTAL = re.compile(r"\bbox\b|\d{3}\s?\d{2}\s+[A-ZÅÄÖ]|telefon|\btel\b|@|www\.|\bfax\b", re.I)
_MAX_NAME_LINES = 3
_MIN_BLOCKS = 2


def find_block_projects(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every run of at least two owner blocks, each as a list row (with its sum when the
    owner's sum is printed in a list of its own)."""
    blocks: list[ListRow] = []
    run: list[ListRow] = []
    i = 0
    while i < len(lines):
        got = _block_at(lines, i, find)
        if got is None:
            if run and lines[i].text.strip() and not _continues(lines, run[-1], i):
                blocks += run if len(run) >= _MIN_BLOCKS else []
                run = []
            i += 1
            continue
        run.append(got)
        i = got.last_line + 1
    blocks += run if len(run) >= _MIN_BLOCKS else []
    _join_sums(blocks, lines, find)
    return blocks


def _continues(lines: Sequence[BodyLine], last: ListRow, i: int) -> bool:
    """Only blank lines lie between the last block and line `i`."""
    return all(not lines[k].text.strip() for k in range(last.last_line + 1, i))


def _block_at(lines: Sequence[BodyLine], i: int, find: PlaceFinder) -> ListRow | None:
    ln = lines[i]
    text = ln.text.strip()
    if not text or ln.level == 1 or (i > 0 and lines[i - 1].text.strip()):
        return None  # (the owner's line may look like a sub-heading)
    places = find(text)
    if not places or not covered_by_places(text, places):
        return None
    parts: list[str] = []
    k = i + 1
    while k < len(lines) and lines[k].text.strip() and not lines[k].heading:
        t = lines[k].text.strip()
        if _DETAIL.match(t) or len(parts) >= _MAX_NAME_LINES:
            break
        parts.append(t)
        k += 1
        if t.endswith("."):
            break
    if not parts or not parts[-1].endswith(".") or _POSTAL.search(" ".join(parts)):
        return None
    while k < len(lines) and lines[k].text.strip() and _DETAIL.match(lines[k].text.strip()):
        k += 1  # detail lines belong to the block
    if k < len(lines) and lines[k].text.strip():
        return None  # the block must end at a blank line
    name = dehyphen_join(parts).rstrip(" .")
    if len(name.split()) < 2 or find_amounts(name):
        return None
    return ListRow(
        name=name,
        places=list(places),
        first_line=i,
        last_line=k - 1,
        page_no=ln.page_no,
        evidence=" / ".join(lines[j].text.strip() for j in range(i, k)),
        form="block",
        intro_line=i,
    )


def _owner_key(places: Sequence[Place]) -> frozenset[str]:
    return frozenset(p.district_id for p in places)


def _join_sums(blocks: list[ListRow], lines: Sequence[BodyLine], find: PlaceFinder) -> None:
    """Give each block the sum printed beside its owner in an owner | amount list."""
    if not blocks:
        return
    owners = Counter(_owner_key(b.places) for b in blocks)
    taken = {k for b in blocks for k in range(b.first_line, b.last_line + 1)}
    sums: dict[frozenset[str], list[tuple[int, str, bool, int]]] = {}
    for j, ln in enumerate(lines):
        if j in taken:
            continue
        text = ln.text.strip()
        amounts = find_amounts(text)
        if len(amounts) != 1 or not text.endswith(amounts[0].raw.strip()):
            continue
        head = text[: amounts[0].start].strip()
        places = find(head)
        if not places or not covered_by_places(head, places):
            continue
        a = amounts[0]
        sums.setdefault(_owner_key(places), []).append((a.sek, a.raw, a.approximate, j))
    for b in blocks:
        key = _owner_key(b.places)
        got = sums.get(key, [])
        if owners[key] == 1 and len(got) == 1:
            b.amount, b.amount_raw, b.amount_approx, b.amount_line = got[0]
