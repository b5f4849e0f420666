"""Projects printed as short blocks that end in their sum at the right margin.

How the documents print them
----------------------------

A proposal or a report may list its grants with no bullet, number or table header: each
project's name on a line or two, its sum at the right of the last line (after a column gap
or a row of leader dots, which the text stage turns into a gap) or alone on the line under
it, set far in; a bracket may name the unit that carries it out or a partner district; a
sub-heading may give the year of the projects under it; a "Summa" line may close the list::

    Förvaltningen föreslår att följande projekt beviljas medel
    (ansvarig enhet inom parentes).

    Läxcafé med föräldrasamtal i Solberga
    (Fritid och förebyggande) ..................................  95 000 kr
    Boendestöd med veckoschema för personer med
    psykisk funktionsnedsättning (Socialpsykiatri) ............ 140 000 kr
    Summa ..................................................... 545 000 kr

    Beviljade projekt 2011
    Stödsamtal för föräldrar till unga i riskzon
                                                       310 000 kr

Two such blocks in a row at least make a list. A block's name is its lines up to the sum,
without a trailing bracket that names a unit; a partner named in a bracket or after
"tillsammans med" adds its district; the owner is else the writing committee's own
district. A name line never ends a sentence and never states money of its own. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_header import unit_multiplier
from pipeline.facts.item_orgs import ORG_LAST
from pipeline.facts.item_parts import ITEM, PlaceFinder, set_amount, split_owner, tidy
from pipeline.facts.lists import ListRow, Place
from pipeline.facts.money_roles import breakdown_heading, cost_item
from pipeline.facts.roles import amount_role
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["cost_rows", "find_priced_blocks"]

#: "… (Socialpsykiatri)     140 000 kr": text, a column gap, a sum with its unit
_PRICED = re.compile(
    r"^(?P<name>\S.*?)?\s{2,}(?P<sum>(?:ca\.?\s*)?\d[\d  .,]*\s*(?:kr|kronor|tkr|:-)\.?)$",
    re.IGNORECASE,
)
#: a sum alone on its line: set far in to the right margin
_SUM_ALONE = re.compile(r"^(?:ca\.?\s*)?\d[\d  .,]*\s*(?:kr|kronor|tkr|:-)\.?$", re.IGNORECASE)
_MIN_SUM_INDENT = 20
#: "Bostad först för unga vuxna (Skärholmen)        22 000": a bare sum in the caption's unit
_BARE = re.compile(r"^(?P<name>\S.*?)?\s{2,}(?P<sum>\d{1,3}(?:[ \u00a0]\d{3})+|\d{2,3})$")
#: the unit a list's caption gives its bare sums ("Belopp i kronor.", "(tkr)")
_CAPTION = re.compile(
    r"belopp(?:en)?\s+(?:anges\s+)?i\s+(?:kronor|kr|tkr|tusentals? kronor|tusen kronor)|\((?:kr|kronor|tkr)\)"
)
#: a group's label between blocks: "KÖPENHAMN", "Oslo"
_MAX_GROUP_WORDS = 3
_TOTAL = re.compile(r"^(?:summa|totalt?|s:a|sammanlagt)\b", re.IGNORECASE)
#: a unit or partner in brackets at the end of a name: "(Socialpsykiatri)",
#: "(tillsammans med Rinkeby-Kista stadsdelsförvaltning)"
_TAIL_BRACKET = re.compile(r"\s*\(([^()]{2,80})\)\s*$")
#: a partner after the name: "Gemensam mottagning för våldsutsatta, tillsammans med …"
_PARTNER = re.compile(
    r",?\s+(?:tillsammans med|i samarbete med|samverkan med)\s+(?P<who>.+)$", re.I
)
_MAX_NAME_LINES = 3
_MAX_NAME_WORDS = 25
_MIN_BLOCKS = 2
#: a sub-heading that gives the year of the blocks under it ("Beviljade projekt 2012")
_YEAR_HEAD = re.compile(r"^(?=(?:\S+\s+){0,6}\S+$).{0,60}\b(?:19|20)\d\d\s*:?$")


def find_priced_blocks(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every run of two or more priced blocks (module docstring), in document order."""
    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        before = lines[i - 1] if i else None
        if (
            before is not None
            and before.text.strip()
            and not before.heading
            and not before.text.rstrip().endswith((".", ":"))
        ):
            i += 1  # a list starts a paragraph
            continue
        rows, end = _run(lines, i, find, own)
        if rows and _under_breakdown(lines, rows[0].first_line):
            rows = []  # "Projektets kostnader 2016" over its cost items: no projects
        if len(rows) >= _MIN_BLOCKS:
            out.extend(rows)
            i = end
        else:
            i += 1
    return out


def _under_breakdown(lines: Sequence[BodyLine], first: int) -> bool:
    """Whether the heading over a run of blocks names a project's costs or financing."""
    k = first - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    return k >= 0 and lines[k].heading and breakdown_heading(lines[k].text.strip())


def _priced(line: BodyLine, unit: int | None = None) -> tuple[str, AmountMatch] | None:
    """(the text before the sum, the sum) of a line that ends in a sum with its unit in a
    column of its own (or a bare number, when the list's caption gives the `unit`); None
    for any other line."""
    text = _STARS.sub("", line.text.strip())  # ("400 000 kr *": the legend's fund mark)
    bare = _BARE.match(text) if unit else None
    if bare is not None and unit and not find_amounts(bare.group("name") or ""):
        digits = bare.group("sum")
        sek = int(re.sub(r"\D", "", digits)) * unit
        at = text.rindex(digits)
        return bare.group("name") or "", AmountMatch(
            at, at + len(digits), digits, sek, False, None, False
        )
    if _SUM_ALONE.match(text):
        if line.indent < _MIN_SUM_INDENT:
            return None
        name, tail = "", text
    else:
        m = _PRICED.match(text)
        if m is None:
            return None
        name, tail = m.group("name") or "", m.group("sum")
    sums = [a for a in find_amounts(tail) if a.per is None]
    if len(sums) != 1 or find_amounts(name) or ITEM.match(name):
        return None  # (a bulleted or numbered item is read as a list)
    return name, sums[0]


def _group_label(line: BodyLine) -> bool:
    """A short label in capitals (or set as a heading) that groups the blocks under it."""
    t = line.text.strip()
    return (
        0 < len(t.split()) <= _MAX_GROUP_WORDS
        and not find_amounts(t)
        and not _TOTAL.match(t)
        and (t.isupper() or line.heading)
    )


def _name_line(text: str) -> bool:
    """A line that may be (part of) a block's name: no sentence ends on it, no money."""
    t = text.strip()
    return bool(
        t
        and not ITEM.match(t)  # a bulleted or numbered list is read as a list
        and not t.endswith((".", ":", "!", "?"))
        and not re.search(r"\w\.\s+[A-ZÅÄÖ]", t)
        and not find_amounts(t)
        and not _TOTAL.match(t)
    )


def _run(
    lines: Sequence[BodyLine], start: int, find: PlaceFinder, own: Sequence[Place]
) -> tuple[list[ListRow], int]:
    """The blocks of a run that starts at line `start` (its first name line, or a year
    sub-heading), and the line after the run."""
    rows: list[ListRow] = []
    intro = start - 1 if start > 0 else None
    said = _CAPTION.search(fold(_intro_text(lines, start)))
    unit = unit_multiplier(said.group(0)) if said else None
    j = start
    pending: list[int] = []
    while j < len(lines):
        line = lines[j]
        text = line.text.strip()
        if not text:
            if pending:  # a blank line inside a name: no block
                break
            j += 1
            continue
        got = _priced(line, unit)
        if got is not None:
            name_part, amount = got
            if _TOTAL.match(name_part.strip()):
                j += 1  # "Summa ....... 545 000 kr": the list's total, read as money elsewhere
                break
            parts = [lines[k].text for k in pending] + ([name_part] if name_part else [])
            first = pending[0] if pending else j
            row = _row(parts, first, j, lines, amount, find, own, intro)
            if row is None:
                break
            rows.append(row)
            pending = []
            j += 1
            continue
        if not pending and rows and _YEAR_HEAD.match(text) and not line.indent:
            intro = j  # "Beviljade projekt 2012": the year of the blocks under it
            j += 1
            continue
        if not pending and not rows and _YEAR_HEAD.match(text):
            intro = j
            j += 1
            continue
        if (
            not pending
            and j + 1 < len(lines)
            and (_group_label(line) or _area_label(lines, j, unit))
        ):
            j += 1  # "KÖPENHAMN", "Barn och unga" over its blocks: a group of the list
            continue
        if not pending and text.startswith("("):
            break  # a bracket that opens a block: a co-applicant under an owner's name
        if not _name_line(text) or len(pending) >= _MAX_NAME_LINES:
            break
        if line.heading and pending:
            break
        pending.append(j)
        j += 1
    if len(rows) < _MIN_BLOCKS or not _introduces_projects(_intro_text(lines, start)):
        return [], start
    if _in_money_section(lines, start) or sum(amount_role(r.name).cued for r in rows) * 2 >= len(
        rows
    ):
        return [], start  # "Budget MUL 2024 … Återstår": the sums of the money, not projects
    if j > 0 and _TOTAL.match(lines[j - 1].text.strip()) and _COSTS.search(fold(lines[j - 1].text)):
        return [], start  # "Summa som söks", "Total projektkostnad": the items of a budget
    return rows, (pending[0] if pending else j)


#: what a list of projects is introduced by: its projects, studies or trips, or their grant
_PROJECT_WORDS = re.compile(
    r"projekt|studie|ansokning|insats|studiebesok|studieres|resor|bevilja|tilldela|forslag|fordela"
)
#: what the items of a budget are introduced (or summed up) by
_COSTS = re.compile(
    r"kostnad|budget|soks\b|sokt|finansiering(?!skall)|egen insats|utgift|forbruk|utfall"
)


#: the heading of a document's section on its money ("Ekonomi", "Ekonomiska konsekvenser")
_MONEY_SECTION = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:ekonomi|ekonomisk\w*|finansiering|budget|kostnad\w*)\b"
)


def _in_money_section(lines: Sequence[BodyLine], start: int) -> bool:
    """Whether the nearest heading above line `start` heads the document's money section."""
    k = next((k for k in range(start - 1, -1, -1) if lines[k].heading), None)
    return k is not None and bool(_MONEY_SECTION.match(fold(lines[k].text.strip())))


def _intro_text(lines: Sequence[BodyLine], start: int) -> str:
    """The paragraph or heading right above a run, and a year sub-heading it starts with."""
    k = start - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    parts: list[str] = [lines[start].text] if _YEAR_HEAD.match(lines[start].text.strip()) else []
    while k >= 0 and lines[k].text.strip() and len(parts) < 4:
        parts.insert(0, lines[k].text)
        if lines[k].heading:
            break
        k -= 1
    return " ".join(parts)


def _introduces_projects(intro: str) -> bool:
    f = fold(intro)
    return bool(_PROJECT_WORDS.search(f)) and not _COSTS.search(f)


def _row(
    parts: list[str],
    first: int,
    last: int,
    lines: Sequence[BodyLine],
    amount: AmountMatch,
    find: PlaceFinder,
    own: Sequence[Place],
    intro: int | None,
) -> ListRow | None:
    if any(re.search(r"\S\s{2,}\S", p.strip()) for p in parts):
        return None  # columns of a table, not a name
    head = " ".join(p.strip() for p in parts)
    places: list[Place] = []
    bracket = _TAIL_BRACKET.search(head)
    if bracket and bracket.start() > 0:
        # "(Socialpsykiatri)": the unit that carries it; "(tillsammans med Kista …)": a partner
        places += find(bracket.group(1))
        head = head[: bracket.start()]
    partner = _PARTNER.search(head)
    if partner and partner.start() > 0 and find(partner.group("who")):
        places += find(partner.group("who"))
        head = head[: partner.start()]
    name, owners = split_owner(head, find)
    name, performer = tidy(name), None
    if (org := ORG_LAST.search(name)) and org.start() > 0:  # ", IK Strandvalla": who runs it
        name, performer = name[: org.start()].strip(), org.group(1).strip()
    if len(name.split()) < (1 if performer else 2) or len(name.split()) > _MAX_NAME_WORDS:
        return None
    by_id = {p.district_id: p for p in [*owners, *places]}
    if not owners:
        by_id = {p.district_id: p for p in [*own, *places]}
    row = ListRow(
        name,
        list(by_id.values()),
        first,
        last,
        lines[first].page_no,
        " ".join(t.strip() for t in (lines[k].text for k in range(first, last + 1))),
        form="intro_list",
        intro_line=intro,
        performer=performer,
    )
    set_amount(row, amount, lines, first, last)
    return row


#: the fund's mark after a block's sum ("… 650 000 kr ***"), explained by a legend under it
#: (`pipeline.facts.footnote_places.marked_footnote` reads it)
_STARS = re.compile(r"\s+(\*{1,4})$")


def _area_label(lines: Sequence[BodyLine], j: int, unit: int | None) -> bool:
    """A short label in ordinary case ("Barn och unga", "Vuxna") after a blank line, over a
    block that prints a name of its own on its priced line: an area the blocks are grouped
    by, no part of a name (a name wrapped onto a second line ends on a word it goes on
    from, or goes on in lower case)."""
    t = lines[j].text.strip()
    below = _priced(lines[j + 1], unit) if lines[j + 1].text.strip() else None
    return bool(
        0 < len(t.split()) <= 3
        and (j == 0 or not lines[j - 1].text.strip())
        and _name_line(t)
        and not re.search(r"\b(?:i|på|för|och|av|med|till|om|-|–)$", t)
        and below is not None
        and below[0][:1].isupper()
    )


#: a line of a running calculation: "+ lönebikostnader", "= Summa kostnader", "./. egen insats"
_CALCULATION = re.compile(r"^\s*(?:[-–+=]\s|\./\.)")
#: a row of figures, or the rule under a column of them ("--------", "========")
_FIGURE_ROW = re.compile(
    r"\S\s{2,}(?:ca\.?\s+)?\d[\d .]*\s*(?:kr|kronor|tkr|:-)?\s*$|^\s*[-=_]{4,}\s*$"
)


def cost_rows(lines: Sequence[BodyLine], firsts: Sequence[int], names: Sequence[str]) -> set[int]:
    """The rows (by first line) of a project's cost calculation, no projects of their own:
    those under a caption that names costs or a calculation ("KALKYL PROJEKT 1   kr",
    "Kostnadsberäkning") of a run whose rows are mostly cost items or calculation lines
    ("Projektledare 40 %", "+ forskarhandledning", "= Summa kostnader")."""
    runs: dict[int, list[tuple[int, str]]] = {}
    for first, name in zip(firsts, names, strict=True):
        k = first - 1
        while k >= 0 and (not lines[k].text.strip() or _FIGURE_ROW.search(lines[k].text)):
            k -= 1
        caption = (
            re.sub(r"\s{2,}(?:kr|kronor|tkr|sek)\.?\s*$", "", lines[k].text.strip())
            if k >= 0
            else ""
        )
        # (a caption, not a table header's cells: "Total  Föreslaget" over "kostnad kr  …")
        if caption and not re.search(r"\S\s{2,}\S", caption) and breakdown_heading(caption):
            runs.setdefault(k, []).append((first, name))
    out: set[int] = set()
    for rows in runs.values():
        costs = [f for f, name in rows if cost_item(name) or _CALCULATION.match(name)]
        if len(rows) >= 2 and 2 * len(costs) >= len(rows):
            out |= {f for f, _name in rows}
    return out
