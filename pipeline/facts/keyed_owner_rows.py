"""Projects printed one per line as "Owner: Project, sum", the owner named first.

How the documents print them
----------------------------

A decision's appendix may list its grants as plain lines, the applying district or
förvaltning first as a key with a colon, then the project or trip, then its sum; a line that
runs long wraps and the sum stands on the next line::

    Kungsholmen: Oslo - stöd till unga föräldrar, 24 000 kronor
    Skarpnäck: Reykjavik - fritidsverksamhet som förebygger alkohol-
    bruk bland unga, 25 000 kronor
    Socialförvaltningen, Socialjouren: Glasgow - akut krisstöd,
    23 000 kronor

The key is nothing but places (one or more, comma or "och" between); two such entries in a
row at least make a list. The places are the project's owners. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy
from pipeline.facts.lists import ListRow, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts

__all__ = ["find_keyed_owner_rows"]

#: "Owner: rest": a key of some length before the colon, text after it
_KEYED = re.compile(r"^(?P<who>[^:;.]{3,70}?)\s*:\s+(?P<rest>\S.*)$")
_MIN_ROWS = 2
_MAX_LINES = 3  # an entry wraps onto two lines more at most


def find_keyed_owner_rows(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every run of two or more "Owner: Project, sum" entries, in document order."""
    out: list[ListRow] = []
    run: list[ListRow] = []
    k = 0
    while k < len(lines):
        got = _entry(lines, k, find)
        if got is not None:
            run.append(got)
            k = got.last_line + 1
            continue
        if len(run) >= _MIN_ROWS:
            out.extend(run)
        run = []
        k += 1
    if len(run) >= _MIN_ROWS:
        out.extend(run)
    return out


def _key(ln: BodyLine, find: PlaceFinder) -> tuple[list, str] | None:
    """The places of a line's key, and the text after the colon."""
    if ln.heading:
        return None
    m = _KEYED.match(ln.text.strip())
    if m is None:
        return None
    who = m.group("who")
    places = find(who)
    if not places or not covered_by_places(who, places):
        return None
    return places, m.group("rest")


def _entry(lines: Sequence[BodyLine], k: int, find: PlaceFinder) -> ListRow | None:
    key = _key(lines[k], find)
    if key is None:
        return None
    places, rest = key
    parts = [rest]
    end = k
    while True:
        text = dehyphen_join(parts)
        sums = [a for a in find_amounts(text) if a.per is None]
        if sums and not text[sums[-1].end :].strip(" ."):
            break
        end += 1
        if (
            end - k >= _MAX_LINES
            or end >= len(lines)
            or not lines[end].text.strip()
            or lines[end].heading
            or _key(lines[end], find) is not None
        ):
            return None
        parts.append(lines[end].text.strip())
    if len(sums) != 1:
        return None
    name = tidy(text[: sums[0].start].rstrip(" ,–—-:"))
    if len(name.split()) < 2:
        return None
    row = ListRow(
        name,
        list(places),
        k,
        end,
        lines[k].page_no,
        dehyphen_join([lines[x].text.strip() for x in range(k, end + 1)]),
        form="intro_list",
        intro_line=k,
    )
    set_amount(row, sums[0], lines, k, end)
    return row
