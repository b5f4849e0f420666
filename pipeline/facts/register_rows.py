"""Grants in a register of decisions: one row per decision, the matter written as a phrase.

How the documents print them
----------------------------

A nämnd is told of the decisions its officers took on delegation in a register: a row number,
a date (a dnr, the delegate's initials), the matter, and a sum. Among orders, leases and
statements to courts stand the grants, their matter naming who gets the money and for what::

    Nr  Datum       Ärende                                              Belopp, kr
    1   2016-03-01  MUST, Farsta sdf: studiebesök Barnahus Linköping,       12 400
                    4 delt.
    2   2016-03-03  Yttrande till förvaltningsrätten i mål om LVM                –

    Löpnr  Datum       Beslut                                   Kronor  Delegat
    1      2012-01-17  Farsta sdf beviljas medel för            18 500  AC
                       studiebesök i Malmö – uppsökande arbete
                       bland unga i Rosengård. 4 deltagare.

A matter that names a district or förvaltning as the one granted ("Owner: what", "Owner
beviljas medel för what") is a project: the owner's, named by what the money is for, with
the row's sum (a row refused, "avslag", was applied for). Every other matter is none. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_header import split_cells
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy, with_own_unit
from pipeline.facts.lists import ListRow, covered_by_places
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_register_rows"]

_MATTER = re.compile(r"^(?:arende|arendet|beslut|beslutet avser|arendemening|avser)$")  # folded
_MONEY = re.compile(r"^(?:belopp|kronor|kr|summa|bidrag)\b")
_ROW_START = re.compile(r"^\s*\d{1,3}\s{2,}(?:19|20)\d\d-\d\d-\d\d\b")
#: "MUST, Farsta sdf: what" (a fund's name first) or "Farsta sdf: what"
_KEYED = re.compile(r"^(?:[A-ZÅÄÖ]{2,5}\s*,\s*)?(?P<owner>[^:]{3,80}?)\s*:\s*(?P<what>\S.*)$")
#: "Farsta sdf beviljas medel för what"
_GRANTED = re.compile(
    r"^(?P<owner>.{3,80}?),?\s+(?:beviljas|tilldelas|får)\s+(?:\S+\s+){0,8}?för\s+(?P<what>\S.*)$"
)
#: "Avslag på ansökan från Älvsjö sdf om medel för what"
_REFUSED = re.compile(
    r"^avslag\s+på\s+(?:ansökan|ansökningen)\s+från\s+(?P<owner>.{3,80}?)\s+om\s+"
    r"(?:\S+\s+){0,3}?(?:för|till)\s+(?P<what>\S.*)$",
    re.IGNORECASE,
)
#: the participants after the matter: ", 4 delt.", ". 3 deltagare."
_PARTICIPANTS = re.compile(r"[,.]?\s*\d+\s+(?:delt\.?|deltagare)\.?\s*$")
_SOUGHT = re.compile(r"\(\s*sökt\s+([^)]*)\)", re.IGNORECASE)
#: a row's money cell: a sum, "avslag", or a dash for none
_MONEY_CELL = re.compile(
    r"(?:ca\.?\s*)?\d{1,3}(?:[ .]\d{3})*(?:\s*kr)?|avslag|[–—-]", re.IGNORECASE
)
#: a delegate's initials after the sum: "AC", "EC"
_INITIALS = re.compile(r"[A-ZÅÄÖ]{2,3}")


def find_register_rows(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """The grants of every register of decisions, in document order."""
    out: list[ListRow] = []
    matter = money = None
    for k, ln in enumerate(lines):
        head = _header(" " * ln.indent + ln.text)
        if head is not None:
            matter, money = head
            continue
        if matter is None or money is None or not _ROW_START.match(" " * ln.indent + ln.text):
            continue
        row = _row(lines, k, matter, money, find)
        if row is not None:
            out.append(row)
    return out


def _header(line: str) -> tuple[int, int] | None:
    """(the matter column's start, the money column's start) of a register's header."""
    cells = split_cells(line)
    folded = [fold(c.text.strip()).rstrip(":") for c in cells]
    if not any(f in ("datum", "beslutsdatum") for f in folded):
        return None
    matter = next((c.start for c, f in zip(cells, folded, strict=True) if _MATTER.match(f)), None)
    money = next((c.start for c, f in zip(cells, folded, strict=True) if _MONEY.match(f)), None)
    if matter is None or money is None or money <= matter:
        return None
    return matter, money


def _row(
    lines: Sequence[BodyLine], k: int, matter: int, money: int, find: PlaceFinder
) -> ListRow | None:
    texts = [" " * lines[k].indent + lines[k].text]
    end = k
    while (
        end + 1 < len(lines)
        and lines[end + 1].text.strip()
        and not _ROW_START.match(" " * lines[end + 1].indent + lines[end + 1].text)
        and lines[end + 1].indent >= matter - 2
    ):
        end += 1
        texts.append(" " * lines[end].indent + lines[end].text)
    parts: list[str] = []
    cell = ""
    for n, t in enumerate(texts):
        for c in split_cells(t):
            if c.start < matter - 2:
                continue  # the row's number, date, dnr
            text = c.text.strip()
            if n == 0 and not cell and c.start > matter and _MONEY_CELL.fullmatch(text):
                cell = text  # the row's sum (or its verdict); what stands after it is initials
            elif (not cell or n) and (c.start < money - 2 or not _INITIALS.fullmatch(text)):
                parts.append(text)
    what = re.sub(r"(\w)- (\w)", r"\1\2", " ".join(parts)).strip()
    refused = "avslag" in fold(cell) or fold(what).startswith("avslag")
    sums = find_amounts(cell if re.search(r"kr|kronor", cell) else f"{cell} kr") if cell else []
    sums = [] if refused else sums
    sought = _SOUGHT.search(what)
    if refused and sought:
        sums = find_amounts(sought.group(1) + (" kr" if "kr" not in sought.group(1) else ""))
    what = _SOUGHT.sub("", what).strip()
    what = re.sub(r"\s+([.,])", r"\1", what)
    what = re.split(r"(?<=[a-zåäö)])\.\s+(?=[A-ZÅÄÖ])", what)[0]  # its first sentence
    got = _REFUSED.match(what) or _KEYED.match(what) or _GRANTED.match(what)
    if got is None:
        return None
    owner = got.group("owner").strip(" ,")
    places = find(owner)
    if not places or not (covered_by_places(owner, places) or with_own_unit(owner, places)):
        return None  # an order, a lease, a statement: no grant to a district or förvaltning
    name = _PARTICIPANTS.sub("", got.group("what")).strip()
    name = re.sub(
        r"^(?:(?:studiebesök|studieresa)\s+(?:i|till)|en|ett)\s+", "", name, flags=re.IGNORECASE
    )
    name = tidy(name)
    if len(name.split()) < 2:
        return None
    evidence = " ".join(t.strip() for t in texts)
    row = ListRow(
        name[:1].upper() + name[1:],
        list(places),
        k,
        end,
        lines[k].page_no,
        evidence + (" avslag" if refused and "avslag" not in fold(evidence) else ""),
        form="intro_list",
        intro_line=k,
    )
    if sums:
        set_amount(row, sums[0], lines, k, end)
    return row
