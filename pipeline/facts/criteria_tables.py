"""Criteria printed as a table: a first column headed by a criteria word ("Prioriterings-
grund | Motivering", "Kriterium | Beskrivning", "Fokusområde | Exempel"), or by "Område" under
a caption that says what the areas are. Used by :mod:`pipeline.facts.criteria`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, Context
from pipeline.facts.criteria_forms import CriterionItem, fund_year, listed_criteria, starts_lower
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.text_units import dehyphen_join, section_heading
from pipeline.lang.fuzzy import fold

__all__ = ["table_criteria"]


#: a rule drawn between a table's rows
_RULE = re.compile(r"^[-=_+|]{5,}$")
#: the gap between two columns of a table
_COLUMN_GAP = re.compile(r"\s{2,}|\s*\|\s*")
_MAX_HEADER_WORDS = 3
#: a column of grounds for a decision: "Prioriteringsgrund", "Bedömningsgrunder"
_GROUND = re.compile(r"^(?:prioriterings|bedomnings)(?:grund(?:er|erna)?|kriteri(?:um|er|erna))$")


#: a column of what an application must meet: "Krav i utlysningen", "Villkor" (a call's, not
#: a guideline's: "Krav i riktlinjerna" for a partnership)
_DEMANDS = re.compile(r"(?:krav|villkor)(?:\s+(?:i|enligt)\s+(?:utlysning|inbjudan|annons)\w*)?")
_MODAL = re.compile(r"\b(?:ska|skall|bor|maste)\b")
#: a group of the rows: the musts and the shoulds ("Ska-krav", "Bör-krav")
_DEMAND_GROUP = re.compile(r"(ska|bor)[- ]?krav(?:en)?")


def _cells(ln: BodyLine) -> list[tuple[int, str]]:
    """(start, text) of the column cells of a line, indentation counted."""
    full = " " * ln.indent + ln.text.rstrip()
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _COLUMN_GAP.finditer(full):
        if m.start() > pos:
            out.append((pos, full[pos : m.start()]))
        pos = m.end()
    if pos < len(full):
        out.append((pos, full[pos:]))
    return [(k, t) for k, t in out if t.strip()]


def table_criteria(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[list[CriterionItem], int] | None:
    """A table whose first column is headed by a criteria word ("Prioriteringsgrund |
    Motivering", "Kriterium | Beskrivning", "Fokusområde | Exempel"): each row's first cell
    is one criterion, the other columns say why. None when line `i` heads no such table."""
    head = _cells(lines[i])
    if len(head) < 2:  # (a header set off like a heading still has its column gap)
        return None
    first_start, first = head[0]
    second_start = head[1][0]
    if len(first.split()) > _MAX_HEADER_WORDS:
        return None
    score = strongest(cue_hits(first, "criteria_intro"))
    if _GROUND.match(fold(first).strip()) or _DEMANDS.fullmatch(fold(first).strip()):
        score.setdefault("criterion", 1.0)  # "Prioriteringsgrund", "Krav i utlysningen"
    if not score and re.fullmatch(r"omraden?|teman?|inriktning(?:ar)?", fold(first).strip()):
        # "Område | Exempel på frågeställningar" under "Tabell 1. Prioriterade områden i …":
        # the caption says what the areas are
        above = [k for k in range(max(0, i - 3), i) if lines[k].text.strip()]
        if above:
            score = strongest(cue_hits(lines[above[-1]].text, "criteria_intro"))
    if not score:
        return None
    kind = max(score.items(), key=lambda kv: kv[1])[0]
    items: list[tuple[int, str]] = []
    alone: set[int] = set()  # the items read as a first cell alone on its line
    groups: list[tuple[int, str]] = [(0, kind)]  # ("Ska-krav" and "Bör-krav" over their rows)
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if not ln.text.strip():
            j += 1
            continue
        cells = _cells(ln)
        if len(cells) == 1 and (group := _DEMAND_GROUP.fullmatch(fold(ln.text).strip(" :"))):
            groups.append((len(items), "priority" if group.group(1) == "bor" else "criterion"))
            j += 1
            continue
        if _RULE.match(ln.text.strip()):
            j += 1  # a drawn rule between the rows of a rubric
            continue
        # (a first cell alone on its line, its description set under the second column)
        beside = (
            len(cells) == 1
            and abs(cells[0][0] - first_start) <= 2
            and j + 1 < len(lines)
            and bool(lines[j + 1].text.strip())
            and lines[j + 1].indent >= second_start - 3
        )
        if (ln.heading and len(cells) < 2 and not beside) or not cells:
            break  # (a row set off like a heading still has its column gap)
        start, text = cells[0]
        # (a numbered criterion wraps under its text: "1. Projektet har en" ⏎ "   tydlig …")
        if items and abs(start - first_start) <= 4 and starts_lower(text):
            # the criterion wraps (its explanation may go on beside it: "funktionshinder-
            # omsorgen      delaktighet i uppföljning")
            k, t = items[-1]
            items[-1] = (k, dehyphen_join([t, text.strip()]))
        elif (
            abs(start - first_start) <= 2 and len(cells) >= 2 and cells[1][0] >= second_start - 3
        ) or beside:
            items.append((j, text.strip()))  # a new row: its first cell is the criterion
        elif (
            abs(start - first_start) <= 2
            and len(cells) == 1
            and j + 1 < len(lines)
            and starts_lower(lines[j + 1].text)
            and len(_cells(lines[j + 1])) >= 2
        ):
            # a criterion wrapped over two lines, its weight beside the second ("Projektet
            # har strategisk betydelse för stadens" ⏎ "socialtjänst        30 %")
            items.append((j, text.strip()))
        elif items and start >= second_start - 3:
            pass  # the explanation wraps in the second column
        elif (
            abs(start - first_start) <= 2
            and len(cells) == 1
            and text[:1].isupper()
            and not section_heading(text)
        ):
            # the explanations read off as a column of their own (a two-column page's
            # layout): the first cells alone, one under the other
            alone.add(len(items))
            items.append((j, text.strip()))
        else:
            break
        j += 1
    # (the explanations' column, read after the first cells, ends the table)
    demands = len(groups) > 1 or _DEMANDS.fullmatch(fold(first).strip()) is not None
    long = next(
        (
            n
            for n, (_k, t) in enumerate(items)
            if n in alone
            # (a column of demands: each one a "ska"/"bör" sentence, what meets it none)
            and (not _MODAL.search(fold(t)) if demands else len(t.split()) > 8 or t.endswith("."))
        ),
        None,
    )
    if long is not None:
        j = items[long][0]
        items = items[:long]
    if len(items) < 2:
        return None
    fund, year = fund_year(lines, max(0, i - 3), i, ctx)
    out: list[CriterionItem] = []
    for (first_item, group_kind), (end, _) in zip(
        groups, [*groups[1:], (len(items), "")], strict=True
    ):
        if items[first_item:end]:
            out += listed_criteria(lines, items[first_item:end], fund, year, group_kind, 0.7)
    return out, j
