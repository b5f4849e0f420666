"""Column headers of project tables: which column a header cell names, headers that wrap
onto a second line, units in a header, a unit line under it or a caption above it, and the
column a cell belongs to. The rows are read in :mod:`pipeline.facts.grid`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_columns import (
    DECIDED,
    MONEY_IN_CELL,
    ROW_ROLES,
    TEXT_ROLES,
    GridCell,
    GridColumn,
    applicants_beside_districts,
    assign_columns,
    column_at,
    earlier_grants,
    fund_named,
    funders_parts,
    one_end,
    placements,
    points_total,
    proposals_named,
    scored_columns,
    sought_groups,
    unheaded_names,
    unit_beside_name,
    units_above,
    unnamed_column,
)
from pipeline.facts.grid_stack import (
    money_heads_above,
    rotated_above,
    set_over,
    stacked_above,
    stacked_below,
    under,
    units_over_projects,
)
from pipeline.facts.header_roles import (
    FOLLOWUP,
    REVISED,
    SAVED,
    STATE_MONEY_HEADER,
    UNIT_ONLY,
    combined_role,
    followup_header,
    header_role,
    header_words,
    letterhead_cells,
    spent_beside,
    unit_multiplier,
)
from pipeline.facts.header_words import (
    header_word_count,
    split_cells,
    split_header_cells,
    split_over_columns,
)
from pipeline.facts.owner_lines import owner_over_rows
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = [
    "MONEY_ROLES",
    "ROW_ROLES",
    "RULE",
    "GridCell",
    "GridColumn",
    "assign_columns",
    "column_at",
    "continuation_cells",
    "followup_header",
    "header_role",
    "read_header",
    "split_cells",
    "unit_line",
    "unit_multiplier",
]

_MAX_HEADER_WORDS = 12
#: a column of counts or scores, no money ("Delt.", "Antal deltagare", "Poäng")
_COUNT_HEADER = re.compile(
    r"(?:delt\.?|deltagare|antal(?:\s+[\w.]+)?|pers\.?|personer|platser|timmar|roster|"
    # an assessment's points, maybe per criterion ("Poäng" over "K1 K2 K3 K4")
    r"poang(?:\s+[a-z]\d{1,2})*|"
    # a criterion's marks ("Kriterium 1" over crosses)
    r"kriterium\s+\d{1,2}|krit\.?\s*\d{1,2}|k\d{1,2}|"
    # the criteria's codes side by side, one column each ("K1 K2 K3 K4", "M1 M2")
    r"[a-z]\d{1,2}(?:\s[a-z]\d{1,2})+|"
    # people counted ("Mottagna 2016", "Placerade ensamkomm.")
    r"(?:mottagna|placerade|anvisade|invanare|elever|hushall)\b.*|"
    # an audit's checks per row, marked "Ja" / "Nej" ("Delred.", "Slutred.", "Återkrav")
    r"(?:del|slut)red(?:ovisning)?\.?|aterkrav|uppfoljd"
    # a count's unit under its header ("Aktiviteter" over "antal", "Deltagar-" / "tillfällen")
    r"|\w[\w-]*\s+\(?(?:antal|st\.?|personer|tillfallen)\)?)"
)
_YEAR_UNIT = re.compile(
    # "2013 (tkr)"; "t.o.m. 2004" under "Utbetalt"; "LUM 2005 kr" under "Sökt"
    rf"^(?:(?:t\.?\s?o\.?\s?m\.?|till och med|per|[A-ZÅÄÖ]{{2,5}})\s+)?(?:{YEAR}\s*[-–]\s*)?{YEAR}\s*[(,]?\s*"
    r"(?:tkr|kr|kronor|mkr|mnkr|sek)?\s*\)?$",
    re.I,
)
#: what a trip or study is about; also with its owner ("Studiebesökets inriktning", "Resans syfte")
_PURPOSE_HEADER = re.compile(
    r"(?:\w+s\s+)?(?:inriktning|syfte|tema|innehall|amne|fokus|fokusomrade|andamal)"
    r"(?:\s+(?:med|for)\s+\w+)?"
)
#: a footnote's mark after a header cell: "2012¹", "2012*", "2012 1)"
_MARK_AFTER = re.compile(r"(?:[¹²³⁴⁵*]+|\s\d\))\s*$")
_DATE_CELL = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d$")
#: the month a status column dates ("Status" over "dec 2011")
_MONTHS = r"(?:jan|feb|mars|mar|apr|maj|juni|jun|juli|jul|aug|sep|sept|okt|nov|dec)[a-zåäö]*\.?"
_MONTH_YEAR = re.compile(
    # ("23 feb" over "2010, tkr": the day of the decision a column follows)
    rf"^(?:{_MONTHS}\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTHS}(?:\s+(?:19|20)\d\d)?)$",
    re.IGNORECASE,
)
RULE = re.compile(r"^[+|=\-–—_\s]{3,}$")


#: the roles of columns of money: the grant, the sum applied for, other money (spent, paid
#: back, a proposal replaced) and the grants decided before a change
MONEY_ROLES = ("cost", "applied", "spent", "granted_before", "group_total")
#: a column of sums decided before: "Beviljat 2013-12-17", "Beslut 2008"


def read_header(lines: Sequence[BodyLine], i: int) -> list[GridColumn] | None:
    ln = lines[i]
    if ln.heading and "|" not in ln.text and "  " not in ln.text.strip():
        return None
    text = " " * ln.indent + ln.text
    if header_word_count(text) > _MAX_HEADER_WORDS:
        return None  # (the "|" of a ruled table is no word, nor "/" between two names)
    # each cell's words on the header's own line ("till 2017" under "Ombudgeteras")
    mine = split_over_columns(lines, i, split_header_cells(text))
    own_line = {c.start: c.text for c in mine}
    above = money_heads_above(lines, i, mine, split_cells)  # "Pris" / "exkl. moms" over it
    head_cells = above if len(above) > len(mine) else stacked_above(lines, i, mine, split_cells)
    rotated = rotated_above(lines, i, head_cells)  # labels set on end over it
    head_cells, stacked = stacked_below(lines, i, [*head_cells, *rotated], split_cells)
    first = {c.start: c.text for c in head_cells} | own_line
    cells = head_cells if stacked else _with_continuation(head_cells, lines, i)
    if len(cells) < 2 or any(
        MONEY_IN_CELL.search(_YEAR_BEFORE_UNIT.sub("", c.text) if _WORDED.match(c.text) else c.text)
        for c in head_cells
        if c not in rotated
    ):  # (a year before a named column's unit is no sum: "Sökt 2018 kr"; "2021 kr" alone may be)
        # a row ("Utvärdering   150 000 kr"), no header (its lines below: words, years, units)
        return None
    if len(mine) == 2 and mine[0].text.strip().endswith(":"):
        return None  # "Utförare:      Norrlid Utvärdering AB": a label and its value
    if letterhead_cells([c.text for c in mine]):
        return None  # "Farsta stadsdelsförvaltning      Tjänsteutlåtande": who writes, what
    if any(_REVIEW_HEADER.match(fold(c.text).strip()) for c in cells):
        return None  # "Rekommendation | Åtgärd | Klart": an audit's points and the measures
    columns: list[GridColumn] = []
    unknown, texts = 0, [fold(c.text).strip() for c in cells]
    # a follow-up of projects ("Projekt | Budget 2012 | Utfall 2012"): budget its sum, outcome spent
    projects_followed = (followup_header([c.text for c in cells]) or spent_beside(texts)) and any(
        # ("Enhet/projekt": the units' labels over their projects' rows)
        header_role(c.text) in ("name", "district")
        and re.search(r"projekt|studie|satsning|insats|atgard", fold(c.text))
        for c in cells
    )
    for c in cells:
        role = combined_role(c.text) or header_role(c.text)
        if role is None and c is not cells[0] and STATE_MONEY_HEADER.match(fold(c.text)):
            role = "cost"  # "Projekt | Statsbidrag 2002": the state's money for each project
        if projects_followed and (FOLLOWUP.match(fold(c.text)) or SAVED.match(fold(c.text))):
            role = "cost" if fold(c.text).strip().startswith("budget") else "spent"
        if role is None and c is cells[0] and fund_named(c.text):
            role = "name"  # "Lokala utvecklingsmedel | Sökt kr | Förslag kr": the fund's rows
        if role is None and c is not cells[0] and _PART_OF.match(fold(c.text).strip()):
            role = "cost"  # "Kostnad, kr | därav FoU-medel, kr": the fund's part of the cost
        if (
            role is None
            and c is not cells[0]
            and (_SPENT_TOTAL.fullmatch(fold(c.text).strip()) or _cost_type(c.text))
        ):
            # "Summa utfall": all a project spent; "Lön | Material | Handledning": its parts
            role = "spent"
        if role is None and _COUNT_HEADER.fullmatch(fold(c.text).strip()):
            role = "count"  # "Delt.", "Antal platser", "Poäng": numbers, but no money
        elif role is None:
            # a column the vocabulary does not know ("Syfte", "Beställs i" / "samråd med")
            own = first.get(c.start, c.text)
            purpose = _PURPOSE_HEADER.fullmatch(fold(c.text).strip()) is not None
            when = _WHEN_HEADER.search(fold(c.text).strip()) is not None
            if (len(own.split()) > 2 and not (purpose or when)) or header_words(c.text) > 4:
                return None
            if not c.text.strip()[:1].isupper():  # ("Ombudgeteras" over "till 2017")
                return None
            unknown += 0 if when else 1  # ("Ny tidpunkt")
            # "Inriktning", "Syfte" beside a trip's destination: what the trip is about
            role = "purpose" if _PURPOSE_HEADER.fullmatch(fold(c.text).strip()) else "other"
        columns.append(GridColumn(role, c.start, c.text.strip(), unit_multiplier(c.text)))
    one_end(columns)
    unknown -= funders_parts(columns)
    if followup_header([c.header for c in columns]) and not projects_followed:
        return None  # "Verksamhet | Budget 2017 | Utfall 2017": budgets followed up, no grants
    unnamed_column(columns)
    proposals_named(columns)
    if not any(c.role == "name" for c in columns) and any(
        c.role == "cost" and STATE_MONEY_HEADER.match(fold(c.header)) for c in columns
    ):
        # "Stadsdelsnämnd | Statsbidrag | Kommunal medfinansiering": a grant's shares per
        # district, no table of projects (`money_tables` reads its sums)
        return None
    if any(c.role == "cost" and REVISED.match(fold(c.header)) for c in columns):
        for col in columns:  # "Förslag 2008-04-08 | Ändring | Nytt förslag": the old sums
            if col.role == "cost" and not REVISED.match(fold(col.header)):
                # ("Beviljat 2013-12-17 | Nytt belopp": the grants decided before, still grants)
                decided = DECIDED.match(fold(col.header)) is not None
                col.role = "granted_before" if decided else "spent"
    earlier_grants(columns)
    points_total(columns)
    applicants_beside_districts(columns)
    unheaded_names(columns)
    units_over_projects(lines, i, columns)
    unit_beside_name(columns)
    unknown -= scored_columns(columns)  # ("A | B | C | Medel": assessors' points)
    # ("Sökt hos socialtjänst-" over "nämnden (tusental kr)" over the header: a group's unit)
    units_above(set_over(lines, i), columns)
    sought_groups(set_over(lines, i), columns)
    roles = [c.role for c in columns]
    known = [r for r in roles if r not in ("other", "ordinal", "count", "purpose")]
    # one column unknown, two beside three or more known ("Fokusområde" beside studies' cost)
    if unknown > max(1, len(set(known)) - 2) or not any(r in ROW_ROLES for r in roles):
        return None
    return None if len(set(known)) < 2 or placements(columns) else columns


#: a kind of cost a column sums: "Lön", "Material", "Hand-" over "ledning", "Lokaler", "Resor"
_COST_TYPE = re.compile(
    r"(?:lon|loner|lonekostnad\w*|personal\w*|material|handledning|hand- ledning|lokal\w*|"
    r"resor|resekostnad\w*|utbildning|konsult\w*|tolk\w*)"
)


_WORDED = re.compile(r"\s*(?!(?:kr|tkr|kronor)\b)[^\W\d_]{3,}")
_YEAR_BEFORE_UNIT = re.compile(r"\b(?:19|20)\d\d(?=,?\s*\(?(?:kr|tkr|kronor)\b)")
_SPENT_TOTAL = re.compile(r"(?:summa|totalt|sammanlagt)\s+(?:utfall|forbrukat)")


def _cost_type(text: str) -> bool:
    return _COST_TYPE.fullmatch(fold(" ".join(text.split())).strip(" .:")) is not None


_REVIEW_HEADER = re.compile(  # (and groups of grants counted: "Antal beviljade")
    r"(?:rekommendation|iakttagelse|revisionens|granskningens)\w*|antal\s+(?:beviljade|projekt|ansok)"
    r"|(?:roll|funktion|befattning|roll i projektet)$"  # ("Roll | Namn | Organisation": people)
)
_PART_OF = re.compile(r"(?:darav|varav)\s+\S*(?:medel|bidrag|lum|fum|mul|must)")
#: (and the date of the decision a row stands on: "SOTN-beslut", "Beslutsdatum")
_WHEN_HEADER = re.compile(
    r"\b(?:tid|tidpunkt|datum|resdatum|period|beslut|beslutsdatum)$"
    # a remark on each row ("Socialnämndens motivering"), or each row's fund ("Fond": "LUM")
    r"|^(?:\w+s\s+)?(?:motivering|kommentar\w*|anmarkning\w*|anm\.?|bedomning)$|^(?:fond|medel)$"
    # when the work began, the days of a trip, when its report came: "Fr o m", "Resdagar"
    r"|^(?:fr\.?\s?o\.?\s?m\.?|start\w*|resdag\w*|rapport(?:\s+inkom\w*)?)$"
)


def continuation_cells(lines: Sequence[BodyLine], i: int, j: int | None = None) -> list[GridCell]:
    """The cells of a header's second line, when the header wraps ("Ansökt" over "belopp"):
    the line right under it (or line `j`, a third), words only, each cell under a cell of
    the header."""
    j = i + 1 if j is None else j
    if j >= len(lines) or not lines[j].text.strip() or lines[j].heading:
        return []
    if lines[j].indent <= 1 and owner_over_rows(lines, j):
        return []  # "Rinkeby" over its projects set in: the first group's owner
    text = " " * lines[j].indent + lines[j].text
    cells = split_cells(text)
    if RULE.match(text.strip()) or any(
        ch.isdigit()
        for c in cells
        # (a footnote's mark after a cell is no part of it: "okt 2012¹")
        if not _YEAR_UNIT.match(_MARK_AFTER.sub("", c.text.strip()))
        and not _DATE_CELL.match(_MARK_AFTER.sub("", c.text.strip()))
        and not _MONTH_YEAR.match(_MARK_AFTER.sub("", c.text.strip()))
        for ch in _MARK_AFTER.sub("", c.text)
    ):
        # words only, or the year and unit of a money column ("2013 (tkr)"), or the date of
        # a decision a column follows ("Beslut" over "2017-03-21")
        return []
    head = split_cells(" " * lines[i].indent + lines[i].text)
    leading = 0  # columns named on the second line only, left of the header ("Projekt";
    # "Förening   Verksamhet" under a header that names only its money columns)
    while leading < len(cells) and head and cells[leading].end < head[0].start - 1:
        leading += 1
    if leading > 1 and any(header_role(c.text) not in TEXT_ROLES for c in cells[1:leading]):
        leading = 1  # "Sökt   Beviljat" left of "Förslag": money columns, not text columns
    # years side by side under one header cell ("Kostnad, tkr" over a rule over "2012  2013"):
    # the group's own columns, one cell of the header between them
    grouped = sum(
        1
        for a, b in zip(cells[leading:], cells[leading + 1 :], strict=False)
        if _YEAR_UNIT.match(a.text.strip())
        and _YEAR_UNIT.match(b.text.strip())
        and any(under(a, h) and under(b, h) for h in head)
    )
    # columns named on the second line only, right of the header ("Beviljat   Sökt" over
    # "(tkr)   (tkr)   Stadsdelsnämnd   Projekt")
    trailing = sum(1 for c in cells if head and c.start > head[-1].end + 1)
    if (
        not cells
        or len(cells) - max(leading - 1, 0) - grouped - max(trailing - 1, 0) > len(head) + 1
    ):
        return []
    if any(
        re.search(r"\b(?:sdf|sdn|stadsdelsförvaltning|stadsdelsnämnd)\b", c.text) for c in cells
    ):
        return []  # "Järva sdf" under "Förvaltning / projekt": the first row's owner
    if leading > 1 and leading == len(cells):
        return []  # words only left of the header: a row, not the header's names
    unit_given = any(UNIT_ONLY.match(c.text.strip()) for c in cells)
    for k, c in enumerate(cells):
        if k < leading and len(c.text.split()) <= 3:
            continue
        if (
            head
            and c.start > head[-1].end + 1
            and len(c.text.split()) <= (1 if k == len(cells) - 1 else 2)
        ):
            continue  # the last columns named on the second line only ("Totalt")
        if _between(c, head) and len(c.text.split()) == 1 and c.text.strip()[:1].isupper():
            continue  # a column named on the second line only, between two ("Ändring")
        # (words, not dashes: "(start – slut)" under "Period")
        words = [w for w in c.text.split() if re.search(r"\w", w) and not _YEAR_UNIT.match(w)]
        # (a line that gives a money column's unit is the header's: its other cells may
        # wrap longer names, "utan eget boende" beside "tkr")
        if len(words) > (4 if unit_given else 2) or not any(under(c, h) for h in head):
            return []
    return cells


def _with_continuation(cells: list[GridCell], lines: Sequence[BodyLine], i: int) -> list[GridCell]:
    """Header cells with the words of a wrapped second (and third) header line appended
    ("Egen" over "andel" over "(tkr)")."""
    more = continuation_cells(lines, i)
    if not more:
        return cells
    third = continuation_cells(lines, i, i + 2)
    if third and all(_YEAR_UNIT.match(m.text.strip()) for m in more):
        # a line of words under the header's years is the first group's label
        # ("Fortsättningsprojekt"), not a third line of the header; a unit line may be
        third = [t for t in third if UNIT_ONLY.match(t.text.strip())] and third
    # the first column named on the second line only, left of the header's cells
    out = [m for m in more if cells and m.end < cells[0].start - 1]
    for c in cells:
        subs = [m for m in more if c.start - 2 <= m.start and m.end <= c.end + 2]
        if RULE.match(c.text.strip()) and subs:
            # "Kostnad (kr)" over a rule over "varav 2016   totalt": a group's own columns
            for m in subs:
                low = [t.text.strip() for t in third if under(t, m)]
                out.append(GridCell(m.start, m.end, " ".join([m.text.strip(), *low])))
            continue
        rule = next((m for m in subs if RULE.match(m.text.strip())), None)
        split = [t for t in third if rule is not None and under(t, rule)]
        if len(split) >= 2:
            # "Kostnad, tkr" over its rule over "2012   2013": the group's own columns
            for t in split:
                out.append(GridCell(t.start, t.end, f"{c.text.strip()} {t.text.strip()}"))
            continue
        years = [m for m in more if under(m, c) and _YEAR_UNIT.match(m.text.strip())]
        if (
            len(years) >= 2
            and not third
            and len({m.text.strip() for m in years}) == len(years)
            and not any(under(m, h) for m in years for h in cells if h is not c)
        ):
            # "Medel per år" over "2018   2019   2020": one column per year under its group
            for m in years:
                out.append(GridCell(m.start, m.end, f"{c.text.strip()} {m.text.strip()}"))
            continue
        below = [m.text.strip(" |") for m in [*more, *third] if under(m, c)]
        # "Stadsdels-" over "nämnd": one word broken at a hyphen
        out.append(GridCell(c.start, c.end, dehyphen_join([c.text.strip(), *below])))
    # the last column named on the second line only
    out += [m for m in more if cells and m.start > cells[-1].end + 1]
    between = [m for m in [*more, *third] if _between(m, cells) and m.text.strip()[:1].isupper()]
    if between:  # ("Förslag" over a date, "Ändring", "Nytt" over "förslag")
        out = sorted([*out, *between], key=lambda c: c.start)
    return out


def _between(cell: GridCell, head: Sequence[GridCell]) -> bool:
    """A cell under no cell of the header, between two of them: a column named on the
    header's second line only."""
    return (
        len(head) >= 2
        and head[0].end < cell.start
        and cell.end < head[-1].start
        and not any(under(cell, h) for h in head)
    )


def unit_line(lines: Sequence[BodyLine], j: int, columns: list[GridColumn]) -> bool:
    """A line under the header of units ("(tkr)", applied to its column) or years only."""
    cells = split_cells(" " * lines[j].indent + lines[j].text)
    if len(cells) >= 2 and all(re.fullmatch(r"(?:19|20)\d\d", c.text.strip()) for c in cells):
        return True  # ("Beviljat" over "2020   2021": the money columns' years, no row)
    if not cells or not all(UNIT_ONLY.match(c.text.strip()) for c in cells):
        return False
    for c in cells:
        column_at(columns, c).multiplier = unit_multiplier(c.text)
    return True
