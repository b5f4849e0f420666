"""Grants printed under a district's name, one project per line with its sum after a dash.

How the documents print them
----------------------------

A proposal may group its grants by district: the district's name alone on a line, then its
project or projects, each "Name – sum" (a long name wraps, the dash and sum then open the
next line)::

    Enskede-Årsta-Vantör
    Motiverande samtal i försörjningsstödet – 400 000 kronor

    Skärholmen
    Stödgrupp för unga vuxna med neuropsykiatriska svårigheter
    – 380 000 kronor

Two groups at least make the list. The district is the owner of every project under it.

A list of more than one fund marks each item with its fund's short name in a column of its
own, and an application turned down stands among the grants with its verdict after the dash
and the sum it applied for in the prose under it::

    Södermalms stadsdelsförvaltning

    MUST   Edinburgh – samordnad mottagning för hemlösa              22 000 kr

    LUM    Kvällsöppen mottagning för unga vuxna – avslag.
           Ansökan om 450 000 kronor bedöms inte ha tillräcklig plan …

Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_header import unit_multiplier
from pipeline.facts.group_items import (
    GAP_SUM,
    MAX_ITEM_LINES,
    UNIT,
    described_item,
    description_end,
    turned_down,
    untagged,
)
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy, with_own_unit
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.money_roles import breakdown_heading
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_applicant_pairs", "find_district_groups"]

_SENTENCE_END = re.compile(r"(?<=[a-zåäö])\.\s+(?=[A-ZÅÄÖ])")
#: "Name – 400 000 kronor" (or the dash and sum alone, the name on the line above)
_DASH_SUM = re.compile(r"^(?P<name>.*?)\s*[–—-]\s+(?P<sum>\S.*)$")
_MIN_GROUPS = 2
#: a page's head that says a list goes on: "Bilaga 1 (forts.)", "Tabell 2, forts."
_CONTINUED = re.compile(r"\(?\bforts(?:\.|ättning)\)?", re.IGNORECASE)
_MAX_OWNER_WORDS = 8
_MAX_NAME_LINES = 2
#: "(gemensam ansökan med Spånga-Tensta)" after a district's name
_BRACKET = re.compile(r"\s*\([^)]*\)\s*$")


def find_district_groups(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every run of two or more district groups (module docstring), in document order."""
    lines, funds = untagged(lines)
    out = _district_groups(lines, find)
    for row in out:
        tagged = [funds[k] for k in range(row.first_line, row.last_line + 1) if k in funds]
        row.fund = tagged[0] if tagged else row.fund
    return out


def _district_groups(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    out: list[ListRow] = []
    run: list[ListRow] = []
    unit = 1  # a header's "tkr" over the groups ("Stadsdelsnämnd / insats      tkr")
    i = 0
    while i < len(lines):
        text = lines[i].text.strip()
        if _UNIT_HEADER.search(text) and not find_amounts(text):
            unit = unit_multiplier(text)
        places = find(text) if text else []
        rows: list[ListRow] = []
        after = i + 1
        if (
            text
            and len(text.split()) <= _MAX_OWNER_WORDS
            and (covered_by_places(_BRACKET.sub("", text), places) or with_own_unit(text, places))
        ):
            start = i + 1
            while start < min(len(lines), i + 6) and (
                not lines[start].text.strip() or _CONTINUED.search(lines[start].text)
            ):
                start += 1  # the heading's items on the next page, after "Bilaga 1 (forts.)"
            if start > i + 1 and (
                start >= len(lines)
                or (lines[start].indent < 2 and not described_item(lines, start))
            ):
                start = i + 1
            rows, after = _group(lines, start, places, unit, find)
        if rows:
            # (the list's year and status are read above its first district, not in the
            # description of the item before)
            head = run[0].intro_line if run else i
            for row in rows:
                row.intro_line = head
            run += rows
        elif text:  # any other line ends the run ("Summa 1 460 000 kronor")
            _flush(out, run)
            run = []
        i = max(after, i + 1)
    _flush(out, run)
    return out


_MAX_APPLICANT_WORDS = 7


def find_applicant_pairs(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every run of grants printed as applicant and activity line pairs (`_applicant_pairs`)."""
    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        pairs = _applicant_pairs(lines, i, find)
        out.extend(pairs)
        i = pairs[-1].last_line + 1 if pairs else i + 1
    return out


def _applicant_pairs(lines: Sequence[BodyLine], i: int, find: PlaceFinder) -> list[ListRow]:
    """Two or more grants printed as pairs of lines: the applicant at the margin, its
    activity set in under it with the sum in a column ("Föreningen Tensta Basket" ⏎
    "      Basketläger för flickor …        85 000 kr"). A district as applicant owns the
    project; an association carries it out."""
    rows: list[ListRow] = []
    j = i
    while j + 1 < len(lines):
        head, item = lines[j], lines[j + 1]
        m = GAP_SUM.match(item.text.strip())
        if (
            not head.text.strip()
            or item.heading
            or len(head.text.split()) > _MAX_APPLICANT_WORDS
            or find_amounts(head.text)
            or breakdown_heading(head.text.strip())  # "Budget, Name" over its cost lines
            or item.indent < head.indent + 2
            or m is None
        ):
            break
        sums = [a for a in find_amounts(m.group("sum")) if a.per is None]
        if len(sums) != 1 or len(m.group("name").split()) < 2:
            break
        who = head.text.strip()
        places = find(who)
        owned = covered_by_places(who, places)
        row = ListRow(
            tidy(m.group("name")),
            list(places) if owned else [],
            j,
            j + 1,
            head.page_no,
            f"{who} | {item.text.strip()}",
            form="intro_list",
        )
        row.performer = None if owned else tidy(who)
        set_amount(row, sums[0], lines, j, j + 1)
        rows.append(row)
        j += 2
        # (a blank line may part one pair from the next)
        if j + 2 < len(lines) and not lines[j].text.strip() and lines[j + 1].text.strip():
            j += 1
    return rows if len(rows) >= _MIN_GROUPS else []


def _flush(out: list[ListRow], run: list[ListRow]) -> None:
    if len({tuple(p.district_id for p in r.places) for r in run}) >= _MIN_GROUPS:
        out.extend(run)


#: words a line of sums may hold besides its numbers: "6 deltagare à 7 250 kr = 43 500 kr,
#: föreslås 86 000 kr"
_SUM_WORDS = re.compile(
    r"^(?:deltagare|personer|pers|st|à|a|x|=|kr|kronor|totalt|summa|sammanlagt|foreslas|"
    r"forslag|beviljas|beviljat|sokt|ca|per|person|[\d\s.,:;()–-]+)$"
)
_GRANT_CUE = re.compile(r"(?:foreslas|forslag|beviljas|beviljat)(?:\s+(?:19|20)\d\d)?\s*:?\s*$")


def _sum_line(text: str) -> AmountMatch | None:
    """The sum a line of figures only states: the one a grant word introduces, else its
    last; None for a line with other words."""
    sums = [a for a in find_amounts(text) if a.per is None]
    if not sums:
        return None
    rest = text
    for a in reversed(sums):
        rest = rest[: a.start] + " " + rest[a.end :]
    # ("Beviljat 1999 … 245 000 kr   (sökt 290 000 kr)": a bracket's words count as its own)
    if not all(_SUM_WORDS.match(w.strip("()") or "-") for w in fold(rest).split()):
        return None
    cued = [a for a in sums if _GRANT_CUE.search(fold(text[: a.start]))]
    return cued[-1] if cued else sums[-1]


#: a header line that names the unit of the sums under it
_UNIT_HEADER = re.compile(
    r"\s{2,}(?:tkr|kr|kronor|mnkr)\s*$|\((?:tkr|kr|mnkr)\)\s*$", re.IGNORECASE
)
#: a co-applicant in brackets under the district ("(medsökande Skarpnäck)", "(tillsammans med …)")
_CO_APPLICANT = re.compile(
    r"^\(\s*(?:medsökande|med|tillsammans med|i samarbete med|samverkan med)\b.*\)$",
    re.IGNORECASE,
)
#: a group's own total: "Summa Rinkeby   4 850"
_SUBTOTAL = re.compile(r"^(?:summa|delsumma|totalt|s:a)\b", re.IGNORECASE)
#: a project's name in quotes on a line of its own
_QUOTED = re.compile(r'^["”“]([^"”“]{3,})["”“]$')


#: a grant stated at the end of a line of prose: "… saknar insatser. Förslag: 260 000 kronor."
_TOLD = re.compile(
    r"(?:^|[.!?]\s+)(?:förslag|föreslås|beviljas|beviljat|belopp)\s*:?\s*(?P<sum>[^.]*\d[^.]*)\.?$",
    re.IGNORECASE,
)


def _told_sum(text: str) -> AmountMatch | None:
    m = _TOLD.search(text)
    if m is None:
        return None
    sums = [a for a in find_amounts(text) if a.per is None and a.start >= m.start("sum")]
    return sums[0] if len(sums) == 1 else None


def _bare_sum(text: str, unit: int) -> AmountMatch | None:
    """The sum of a cell: with its unit as printed, or a bare number in the table's unit."""
    sums = [a for a in find_amounts(text) if a.per is None]
    if sums:
        return sums[0]
    m = re.fullmatch(r"\s*(\d{1,3}(?:[ \u00a0]\d{3})*)\s*", text)
    if m is None:
        return None
    sek = int(re.sub(r"\D", "", m.group(1))) * unit
    return AmountMatch(m.start(1), m.end(1), m.group(1), sek, False, None, False)


def _group(
    lines: Sequence[BodyLine],
    i: int,
    places: Sequence[Place],
    unit: int = 1,
    find: PlaceFinder | None = None,
) -> tuple[list[ListRow], int]:
    """The projects under one district line: "Name – sum" lines (or "Name   2 100" set in
    under it, in the unit of the table's header) until a blank line or its "Summa"."""
    rows: list[ListRow] = []
    pending: list[int] = []  # a name's lines before its "– sum"
    lead: int | None = None  # a co-applicant's line under the district: the first row's top
    j = i
    # (a name set in under the district may look like a heading after a blank line)
    while j < len(lines) and (
        not (lines[j].heading and lines[j].indent < 2) or described_item(lines, j)
    ):
        text = lines[j].text.strip()
        if not text:
            # a blank line between two items set in under the district
            nxt = j + 1 < len(lines) and lines[j + 1].text.strip() and lines[j + 1].indent >= 2
            if (rows or lead is not None) and not pending and nxt:
                j += 1
                continue
            k = j  # (one or two blank lines before the next described item)
            while k < len(lines) and k - j < 2 and not lines[k].text.strip():
                k += 1
            if not pending and (rows or lead is not None) and described_item(lines, k):
                j = k
                continue
            break
        if _SUBTOTAL.match(text):
            j += 1  # "Summa Rinkeby   4 850": the group's total, read as money elsewhere
            break
        if (
            rows
            and not pending
            and rows[-1].last_line == j - 1
            and lines[j].indent >= 2
            and text[:1].islower()
            and not find_amounts(text)
        ):
            # "Barn i skyddat boende – samordnad utredning   250 000 kr" ⏎ "och behandling":
            # the name goes on under itself after the line that gave its sum
            rows[-1].name = tidy(f"{rows[-1].name} {text}")
            rows[-1].last_line = j
            end = description_end(lines, j + 1)
            j = end if end is not None else j + 1  # (its description: read as prose only)
            continue
        cell = GAP_SUM.match(text) if not pending and lines[j].indent >= 2 else None
        bare = _bare_sum(cell.group("sum"), unit) if cell else None
        if cell is not None and bare is not None and len(cell.group("name").split()) >= 2:
            row = ListRow(
                tidy(cell.group("name")),
                list(places),
                j,
                j,
                lines[j].page_no,
                text,
                form="intro_list",
            )
            set_amount(row, bare, lines, j, j)
            rows.append(row)
            title = _QUOTED.match(lines[j + 1].text.strip()) if j + 1 < len(lines) else None
            if title is not None and lines[j + 1].indent > lines[j].indent:
                # "Föreningen Trumslaget      60 000" ⏎ '    "Rytmverkstad på fritidshemmen"':
                # the organisation's project, quoted under it; the organisation carries it out
                row.performer, row.name = row.name, tidy(title.group(1))
                row.last_line = j + 1
                j += 2
                continue
            wraps = j + 1 < len(lines) and lines[j + 1].text.strip()[:1].islower()
            end = None if wraps else description_end(lines, j + 1)
            j = end if end is not None else j + 1
            continue
        refused = turned_down(lines, j, places) if not pending else None
        if refused is not None:
            rows.append(refused)
            j = refused.last_line + 1
            continue
        m = _DASH_SUM.match(text)
        sums = find_amounts(m.group("sum")) if m else []
        line_sum = _sum_line(text) if pending else None
        told = _told_sum(text) if pending and line_sum is None else None
        if told is not None:
            line_sum = told  # "… saknar insatser. Förslag: 260 000 kronor." after the name
        if line_sum is not None and (m is None or len(sums) != 1 or sums[0].start > 3):
            # "6 deltagare à 7 250 kr = 43 500 kr" under the trip's name: its sum; a name
            # over lines that describe it ("Mötesplats för unga vuxna …" ⏎ "Gruppverksamhet
            # … insatser." ⏎ "Förslag: 260 000 kronor."): the name is its first line
            described = told is not None or any(
                lines[k].text.rstrip().endswith(".") for k in pending
            )
            first_line = lines[pending[0]].text
            # (its first sentence, when it ends on that line: "Hembesök hos äldre. Besöken …")
            ends = _SENTENCE_END.search(first_line)
            name = tidy(
                (first_line[: ends.start() + 1] if ends else first_line)
                if described
                else " ".join(lines[k].text for k in pending)
            ).strip('"”“')  # ('"Dokumentation av …"' over its sums: the quoted name)
            if len(name.split()) < 2:
                return [], i
            row = ListRow(
                name,
                list(places),
                pending[0],
                j,
                lines[pending[0]].page_no,
                text,
                form="intro_list",
            )
            set_amount(row, line_sum, lines, pending[0], j)
            rows.append(row)
            pending = []
            j += 1
            continue
        gap = GAP_SUM.match(text)
        at_margin = [a for a in find_amounts(gap.group("sum")) if a.per is None] if gap else []
        if len(pending) > _MAX_NAME_LINES and (gap is not None or m is not None):
            return [], i
        if gap is not None and len(at_margin) == 1 and UNIT.search(gap.group("sum")):
            # "Trygg skolväg – samverkan socialtjänst och skola" ⏎ "i Bredäng      380 000 kr":
            # the name (maybe wrapped), its sum with its unit in a column at the right
            name = tidy(" ".join([*(lines[k].text for k in pending), gap.group("name")]))
            first = pending[0] if pending else j
            if len(name.split()) < 2:
                return [], i
            row = ListRow(
                name, list(places), first, j, lines[first].page_no, text, form="intro_list"
            )
            set_amount(row, at_margin[0], lines, first, j)
            rows.append(row)
            end = description_end(lines, j + 1)
            pending = []
            j = end if end is not None else j + 1  # (its description: read as prose only)
            continue
        if (
            not rows
            and not pending
            and find is not None
            and _CO_APPLICANT.match(text)
            and find(text)
        ):
            # "(medsökande Skarpnäcks stadsdelsförvaltning)" under the district: it owns
            # the group's projects too
            places = [*places, *(p for p in find(text) if p not in places)]
            lead = j
            j += 1
            continue
        if m is None or len(sums) != 1 or sums[0].start > 3:
            pending.append(j)
            # (a description under the name only in items set in under the district)
            most = MAX_ITEM_LINES if lines[pending[0]].indent >= 2 else _MAX_NAME_LINES
            if len(pending) > most:
                return [], i
            j += 1
            continue
        name = tidy(" ".join([*(lines[k].text for k in pending), m.group("name")]))
        first = pending[0] if pending else j
        if len(name.split()) < 2:
            return [], i
        row = ListRow(name, list(places), first, j, lines[first].page_no, text, form="intro_list")
        set_amount(row, sums[0], lines, first, j)
        rows.append(row)
        pending = []
        j += 1
    if rows and lead is not None:
        rows[0].first_line = lead
    return (rows, j) if rows and not pending else ([], i)
