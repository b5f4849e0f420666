"""Projects reported one paragraph each under a heading line that carries the project's
grant in brackets, as a follow-up or a request to move money prints them::

    Föräldracirklar i Rågsved (beviljat 240 000 kr)
    Projektet erbjuder föräldrar … Projektledaren kunde anställas först i april …

    Samverkan skola – socialtjänst i Högdalen (beviljat 150 000 kr)
    Projektet drivs tillsammans med två grundskolor …

The heading is the name, the bracket its sum; the paragraph under it describes the project
(and says what became of it). Two such headings at least make the series. The owner is
named after the name or, when not, the writing committee. See :func:`find_granted_heads`.

A plan prints its projects the same way with the sum at the right margin of the name line
("Föräldraskolan i Hagsätra      480 tkr" over its paragraph): :func:`find_priced_heads`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.lists import ListRow, Place, PlaceFinder, split_name_and_places
from pipeline.facts.money_roles import staffing_line
from pipeline.lang.amounts import find_amounts

__all__ = ["find_granted_heads", "find_priced_heads"]

#: "Name (beviljat 240 000 kr)", "Name (beviljades 1,2 mnkr 2020)", "Name (LUM 300 tkr)"
_HEAD = re.compile(
    r"^(?P<name>[A-ZÅÄÖ].{3,90}?)\s*\((?P<sum>(?:beviljat|beviljades|beviljats|beviljad|"
    r"bidrag|anslag)\b[^()]*\d[^()]*)\)\s*:?$",
    re.IGNORECASE,
)
_MIN_HEADS = 2


def find_granted_heads(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every project headed "Name (beviljat N kr)" over a paragraph of its own."""
    out: list[ListRow] = []
    for i, ln in enumerate(lines):
        text = ln.text.strip()
        m = _HEAD.match(text)
        if i > 0 and lines[i - 1].text.strip() and not lines[i - 1].heading:
            continue
        if m is None:
            if (row := _over_facts(lines, i, find, own)) is not None:
                out.append(row)  # "Name" ⏎ "LUM 2013, 380 000 kronor. Avslutat." ⏎ text
            continue
        k = i + 1
        while k < len(lines) and not lines[k].text.strip():
            k += 1
        if k >= len(lines) or lines[k].heading or not lines[k].text.strip()[:1].isupper():
            continue
        end = k
        while end + 1 < len(lines) and lines[end + 1].text.strip():
            end += 1
        row = _headed_row(lines, i, k, end, (m["name"], m["sum"]), find, own)
        if row is not None:
            out.append(row)
    return out if len(out) >= _MIN_HEADS else []


def _headed_row(
    lines: Sequence[BodyLine],
    i: int,
    k: int,
    end: int,
    head: tuple[str, str],
    find: PlaceFinder,
    own: Sequence[Place],
) -> ListRow | None:
    """The project of head line `i` (`head`: its name and sum) described by lines `k`–`end`."""
    amounts = find_amounts(head[1])
    if not amounts:
        return None
    split = split_name_and_places(head[0], find)
    name, places = split if split else (head[0].strip(), list(own))
    row = ListRow(
        name,
        places,
        i,
        end,
        lines[i].page_no,
        lines[i].text.strip(),
        " ".join(lines[x].text.strip() for x in range(k, end + 1)),
        "intro_list",
        intro_line=i,
    )
    a = amounts[0]
    row.amount, row.amount_raw, row.amount_approx, row.amount_line = a.sek, a.raw, a.approximate, i
    return row


#: the line under a project's name that states its fund, year, sum and how it stands: "LUM
#: 2013, 380 000 kronor. Avslutat.", "MUST 2014, 16 000 kr. Genomfört."
_FACTS = re.compile(
    r"^(?P<fund>LUM|MUST|MUL|FUM|FoU-medel|Statsbidrag)\s+(?:(?:19|20)\d\d)?,?\s*"
    r"(?P<sum>(?:ca\.?\s+)?\d[\d  .]*(?:,\d+)?\s*(?:kr|kronor|tkr|mnkr))\.?(?:\s+[^.]{0,40}\.?)?$"
)


def _over_facts(
    lines: Sequence[BodyLine], i: int, find: PlaceFinder, own: Sequence[Place]
) -> ListRow | None:
    """A project whose name stands alone over a line of its facts, its text under them."""
    text = lines[i].text.strip()
    if (
        i + 2 >= len(lines)
        or not text[:1].isupper()
        or not 2 <= len(text.split()) <= 14
        or text.endswith((".", ":"))
        or find_amounts(text)
    ):
        return None
    m = _FACTS.match(lines[i + 1].text.strip())
    if m is None:
        return None
    end = i + 1
    while end + 1 < len(lines) and lines[end + 1].text.strip() and not lines[end + 1].heading:
        end += 1
    row = _headed_row(lines, i, i + 1, end, (text, m["sum"]), find, own)
    if row is not None:  # (the facts' line introduces it: its year, how it stands)
        row.fund, row.intro_line = m["fund"], i + 1
    return row


#: "Föräldraskolan i Hagsätra                                     480 tkr": a name line with
#: its sum set at the right margin after a wide gap
_PRICED = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][^.:;]{3,90}?)\s{3,}(?:\.{2,}\s*)?"
    r"(?P<sum>(?:ca\s+)?\d[\d  .]*(?:,\d+)?\s*(?:kr|kronor|tkr|mkr|mnkr|:-))\s*$"
)
_NO_HEAD = re.compile(r"^(?:summa|totalt|varav|delsumma|egen|budget|kostnad|intäkt)", re.I)


def find_priced_heads(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every project printed as a name line with its sum at the right margin, over a
    paragraph of prose that describes it ("Föräldraskolan i Hagsätra   480 tkr" ⏎
    "Gruppverksamhet för föräldrar …"): two such heads at least."""
    out: list[ListRow] = []
    for i, ln in enumerate(lines):
        m = _PRICED.match(ln.text.strip())
        if (
            m is None
            or _NO_HEAD.match(m["name"])
            or i + 1 >= len(lines)
            or staffing_line(m["name"])
        ):
            continue  # ("Jobbcoach, 50 % i 12 månader   306 000 kr": a budget's line)
        nxt = lines[i + 1].text.strip()
        if not nxt[:1].isupper() or _PRICED.match(nxt) or lines[i + 1].heading:
            continue
        end = i + 1
        while (
            end + 1 < len(lines)
            and lines[end + 1].text.strip()
            and not lines[end + 1].heading
            and not _PRICED.match(lines[end + 1].text.strip())
        ):
            end += 1
        if end - i < 2 and not nxt.endswith("."):
            continue  # (a paragraph of one line that is no sentence: a table's next row)
        row = _headed_row(lines, i, i + 1, end, (m["name"], m["sum"]), find, own)
        if row is not None:
            out.append(row)
    return out if len(out) >= _MIN_HEADS else []
