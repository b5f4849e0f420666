"""Projects listed inside one sentence, each with its sum in brackets.

How the documents write them
----------------------------

A short protokollsutdrag may list the projects it grants in running text after an
introduction that ends in a colon::

    Efter intern utlysning föreslår förvaltningen att följande projekt beviljas medel:
    Läsfrämjande familjeträffar i Fruängen (180 000 kr), Stödsamtal för unga anhöriga
    inom socialpsykiatrin (260 tkr), Trygga lördagar, tillsammans med Skärholmens
    stadsdelsförvaltning (200 000 kr), samt Hälsofrämjande gruppverksamhet (300 000 kr).

Each item is a name followed by its sum in brackets; items are separated by commas and the
last one by "samt" or "och"; the list ends with the sentence. A partner named in the item
("tillsammans med …") takes part with the writing district.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits
from pipeline.facts.lists import ListRow, Place
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_inline_lists"]

PlaceFinder = Callable[[str], list[Place]]

#: one item: a name, then its sum in brackets
_ITEM = re.compile(
    r"\s*(?:,\s*)?(?:(?:samt|och)\s+)?(?P<name>[^()]{3,200}?)\s*\((?P<sum>[^()]{3,40})\)"
)
_PARTNER = re.compile(r",?\s*(?:tillsammans med|i samverkan med|i samarbete med)\s+(.+)$", re.I)
_PROJECT_WORD = re.compile(r"projekt|ansokning|studie|insats|satsning")
_MIN_ITEMS = 2


def find_inline_lists(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every project of a list written inside one sentence after a colon."""
    out: list[ListRow] = []
    for i, ln in enumerate(lines):
        text = ln.text.rstrip()
        if ": ”" in text or ': "' in text:
            out.extend(_quoted_items(lines, i, find, own))
            continue
        if not text.endswith(":") or not _introduces(lines, i):
            continue
        # the list: the lines after the colon up to the end of the sentence
        parts: list[tuple[int, str]] = []
        for j in range(i + 1, min(len(lines), i + 12)):
            t = lines[j].text.strip()
            if not t or lines[j].heading:
                break
            parts.append((j, t))
            if t.endswith("."):
                break
        rows = _items(parts, lines, find, own, i)
        if len(rows) >= _MIN_ITEMS:
            out.extend(rows)
    return out


#: "”Läxhjälp i Solberga”, Solberga Bollklubb, 120 000 kr": a quoted name, who runs it, its sum
_QUOTED_ITEM = re.compile(
    r"(?::\s*|,\s*|\s+(?:och|samt)\s+)[”\"](?P<name>[^”\"]{3,120})[”\"]"
    r"(?:,\s*(?P<org>[^,”\"]{2,80}?))?,\s*(?P<sum>(?:ca\.?\s+)?\d[\d \u00a0]*(?:,\d+)?\s*"
    r"(?:kr|kronor|tkr|sek)\b\.?)",
    re.IGNORECASE,
)


def _quoted_items(
    lines: Sequence[BodyLine], i: int, find: PlaceFinder, own: Sequence[Place]
) -> list[ListRow]:
    """A sentence that introduces projects, then lists them after its colon, each a quoted
    name with who runs it and its sum: "… föreslår att tre projekt beviljas medel: ”A”,
    Förening X, 120 000 kr, ”B”, Förening Y, 42 500 kr, och ”C”, …, sammanlagt …"."""
    text = lines[i].text
    colon = text.find(": ")
    intro = text[:colon]
    if not (cue_hits(intro, "list_intro") or re.search(r"beviljas|föreslås|beviljades", intro)):
        return []
    if not _PROJECT_WORD.search(fold(intro)):
        return []
    rows: list[ListRow] = []
    for m in _QUOTED_ITEM.finditer(text, colon):
        found = find_amounts(m.group("sum"))
        if len(found) != 1:
            continue
        org = (m.group("org") or "").strip()
        places = find(org) if org else []
        rest = org
        for p in sorted(places, key=lambda p: -p.start):
            rest = rest[: p.start] + rest[p.end :]
        if places and re.search(
            r"[A-ZÅÄÖ]\w+", re.sub(r"\b(?:stadsdels\w*|sdf|och|i)\b", "", rest)
        ):
            places = []  # "Nattvandrarna i Älvsjö": an association named for its place
        a = found[0]
        row = ListRow(
            m.group("name").strip(),
            places or list(own),
            i,
            i,
            lines[i].page_no,
            m.group(0).strip(" ,"),
            form="intro_list",
            intro_line=i,
            amount=a.sek,
            amount_raw=a.raw,
            amount_approx=a.approximate,
            amount_line=i,
        )
        if org and not places:
            row.performer = org  # an association or firm runs it
        rows.append(row)
    return rows if len(rows) >= _MIN_ITEMS else []


def _introduces(lines: Sequence[BodyLine], i: int) -> bool:
    intro = " ".join(lines[k].text.strip() for k in range(max(0, i - 2), i + 1))
    return bool(cue_hits(intro, "list_intro")) and bool(_PROJECT_WORD.search(fold(intro)))


def _items(
    parts: list[tuple[int, str]],
    lines: Sequence[BodyLine],
    find: PlaceFinder,
    own: Sequence[Place],
    intro: int,
) -> list[ListRow]:
    joined = ""
    starts: list[tuple[int, int]] = []  # (offset in joined, line)
    for j, t in parts:
        starts.append((len(joined) + (1 if joined else 0), j))
        joined = f"{joined} {t}" if joined else t
    rows: list[ListRow] = []
    pos = 0
    for m in _ITEM.finditer(joined):
        if m.start() != pos:
            return []  # not a list of bracketed sums throughout
        pos = m.end()
        found = find_amounts(m.group("sum"))
        if len(found) != 1:
            return []
        name = m.group("name").strip(" ,")
        places: list[Place] = []
        partner = _PARTNER.search(name)
        if partner:
            places = [*own, *find(partner.group(1))]
            name = name[: partner.start()].strip(" ,")
        line = max((k for off, k in starts if off <= m.start("name")), default=parts[0][0])
        last = max((k for off, k in starts if off <= m.start("sum")), default=line)
        a = found[0]
        rows.append(
            ListRow(
                name,
                places or list(own),
                line,
                last,
                lines[line].page_no,
                m.group(0).strip(" ,"),
                form="intro_list",
                intro_line=intro,
                amount=a.sek,
                amount_raw=a.raw,
                amount_approx=a.approximate,
                amount_line=last,
            )
        )
    rest = joined[pos:].strip()
    return rows if rest in ("", ".") else []
