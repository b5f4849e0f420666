"""Columns a header's words alone do not settle, settled by their neighbours: a names'
column with no header of its own, a unit's column beside the work's, one column of words the
vocabulary does not know beside a district column; and the column each cell of a row belongs
to. Used by :mod:`pipeline.facts.grid_header`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.facts.context import find_funds
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = [
    "applicants_beside_districts",
    "none_granted",
    "fund_named",
    "funders_parts",
    "DECIDED",
    "ROW_ROLES",
    "TEXT_ROLES",
    "GridCell",
    "GridColumn",
    "assign_columns",
    "column_at",
    "earlier_grants",
    "points_total",
    "proposals_named",
    "sought_groups",
    "placements",
    "unheaded_names",
    "unit_beside_name",
    "scored_columns",
    "units_above",
    "unnamed_column",
    "MONEY_IN_CELL",
]

ROW_ROLES = ("name", "district", "performer_name")
TEXT_ROLES = ("name", "performer", "district", "purpose")
_NUMBER_CELL = re.compile(r"(?:ca\.?\s*)?\d[\d\s.,]*(?:\s*(?:kr|tkr|kronor|:-))?")


#: a sum printed in a cell: "150 000 kr", "1.750.000", "45 000:-"
MONEY_IN_CELL = re.compile(
    r"\d{1,3}(?:[ \u00a0.]\d{3})+\b|\d\s*(?:kr|kronor|tkr|mnkr|mkr|sek)\b|\d:-", re.IGNORECASE
)


@dataclass(frozen=True)
class GridCell:
    start: int  # character offset in the line, indentation included
    end: int
    text: str


@dataclass
class GridColumn:
    role: str  # name | district | performer | end | cost | applied | spent | status | year | count | performer_name | ordinal | other
    start: int
    header: str
    multiplier: int = 1


def placements(columns: list[GridColumn]) -> bool:
    """ "Verksamhet | Antal platser | Kostnad, tkr": the places each of a body's activities
    offers and what they cost (summer jobs, placements) — its running work, no projects."""
    names = [c for c in columns if c.role == "name"]
    return (
        len(names) == 1
        and re.fullmatch(r"verksamhet(?:er|sområde)?", fold(names[0].header).strip()) is not None
        and any(c.role == "count" for c in columns)
        and not {c.role for c in columns} & {"district", "performer", "performer_name", "end"}
    )


def applicants_beside_districts(columns: list[GridColumn]) -> None:
    """Two district columns, the first of them the applicants: "Sökande | Projekt |
    Stadsdelsområde" (the applicants beside the districts), "Sökande / verksamhet | Stadsdel |
    Kr" (the association over its activity)."""
    districts = [c for c in columns if c.role == "district"]
    if len(districts) != 2:
        return
    first = fold(districts[0].header)
    if first.startswith("sokande") and re.match(r"(?:stadsdel|omrade)", fold(districts[1].header)):
        districts[0].role = "performer"
    if re.match(r"sokande\s*/\s*(?:verksamhet|projekt|andamal|aktivitet)", first):
        districts[0].role = "performer_name"


def fund_named(header: str) -> bool:
    """A first column headed by an FoU fund's name alone ("Lokala utvecklingsmedel", "LUM
    2011"): the names of the fund's projects under it (a column headed "Statsbidrag" lists
    the grants a förvaltning received, no projects)."""
    hits = find_funds(header)
    bare = _YEAR_OR_BRACKET.sub(" ", header).strip()
    return (
        len(hits) == 1
        and hits[0][2] in ("LUM", "MUST", "MUL", "FUM")
        and hits[0][0] == 0
        and hits[0][1] >= len(bare) - 1
    )


_YEAR_OR_BRACKET = re.compile(r"\s*(?:\([^()]*\)|(?:19|20)\d\d)\s*$")


def unheaded_names(columns: list[GridColumn]) -> None:
    """ "Sökt LUM 2013 | Sökt LUM 2014 | Totalt" over rows that begin with their names far to
    the left: money columns only, one of them the money applied for or granted; the names'
    column has no header of its own."""
    roles = {c.role for c in columns}
    if (
        columns[0].start >= _UNHEADED_INDENT
        and roles <= {"cost", "applied", "year"}
        and "applied" in roles
        and not any(r in ROW_ROLES for r in roles)
    ):
        columns.insert(0, GridColumn("name", 0, "", 1))


_UNHEADED_INDENT = 20  # the room a names' column takes left of the first money column

#: a name column of the unit or activity that carries the work, not of the work itself
_UNIT_NAME = re.compile(r"(?:verksamhet|verksamhetsomrade|aktivitet|avdelning|enhet|arbetsplats)")


def unit_beside_name(columns: list[GridColumn]) -> None:
    """ "Verksamhet | Utvecklingsarbete | Beviljas kr": two name columns, one of them the unit
    that carries each row's work; the other names the work, the unit is no part of it."""
    names = [c for c in columns if c.role == "name"]
    if len(names) == 2:
        units = [c for c in names if _UNIT_NAME.fullmatch(fold(c.header).strip())]
        if len(units) == 1:
            units[0].role = "other"
    if any(re.fullmatch(r"titel|rubrik", fold(c.header).strip()) for c in names):
        for col in names:  # "Titel | Resmål | Sökt belopp": a list's rows named by their title
            if re.fullmatch(r"resmal|destination|ort|land", fold(col.header).strip()):
                col.role = "other"
    sites = [c for c in columns if c.role == "other" and _SITE.fullmatch(fold(c.header).strip())]
    if len(sites) == 1 and names and all(_MEASURE.fullmatch(fold(c.header).strip()) for c in names):
        # "Förskola | Åtgärd | Beräknad kostnad": each site's application, what it will do
        sites[0].role, names[0].role = "name", "other"
    if any(_WORK_NAME.fullmatch(fold(c.header).strip()) for c in names):
        # "Projekt | Verksamhet | Budget 2009 | Åtgärd": the project named, then its unit and
        # what is done to it ("Minskas", "Avslutas")
        for col in names:
            if _UNIT_NAME.fullmatch(fold(col.header).strip()) or _MEASURE.fullmatch(
                fold(col.header).strip()
            ):
                col.role = "other"


#: a name column's header that names the work itself
_WORK_NAME = re.compile(r"(?:projekt|projektnamn|projektets\s+namn|studie|studiens\s+namn)")
#: a column of the sites whose measures a table lists ("Förskola | Åtgärd")
_SITE = re.compile(
    r"(?:forskol(?:a|an|or)|skol(?:a|an|or)|fritidsgard(?:ar)?|anlaggning(?:ar)?|fastighet(?:er)?|"
    r"lokal(?:er)?|motesplats(?:er)?|lekplats(?:er)?|park(?:er)?)"
)
#: ... and one of what is done to it, beside such a column
_MEASURE = re.compile(r"atgard(?:er)?")


#: headers of a column that comments on a row, never names it
_REMARK_HEADER = re.compile(
    r"(?:kommentar|anmarkning|motivering|bedomning|notering|beslut|status|ovrigt|forslag)"
)


def unnamed_column(columns: list[GridColumn]) -> None:
    """ "Stadsdelsnämnd | Mötesplats | Sökt | Förslag": a district column, one column of
    words the vocabulary does not know and money columns; the words name each row."""
    others = [c for c in columns if c.role == "other"]
    roles = {c.role for c in columns}
    if (
        len(others) == 1
        and not any(c.header.endswith(":") for c in columns)  # "Stadsdel:  Vantör" labels
        and "name" not in roles
        and "performer" not in roles
        and "district" in roles
        and roles & {"cost", "applied"}
        and not _REMARK_HEADER.match(fold(others[0].header))
        # "Statsbidrag 2005" over bare numbers: a money column whose unit the row gives
        and not re.search(rf"\b{YEAR}\b|bidrag|medel|anslag|budget", fold(others[0].header))
        and columns.index(others[0]) == [c.role for c in columns].index("district") + 1
    ):
        others[0].role = "name"


def proposals_named(columns: list[GridColumn]) -> None:
    """ "Nr | Förslag | Röster | Uppskattad kostnad (kr) | …": a bare "Förslag" as the table's
    first column of words, money columns right of it and no names' column — the proposals
    themselves (a citizens' budget), not a proposed sum."""
    lead = next((c for c in columns if c.role not in ("ordinal",)), None)
    if (
        lead is not None
        and lead.role == "cost"
        and re.fullmatch(r"forslag(?:en)?", fold(lead.header).strip())
        and "name" not in {c.role for c in columns}
        and any(c.role in ("cost", "applied") for c in columns if c is not lead)
    ):  # ("Förslag | Enhet | Sökt 2006": a district's units' proposals)
        lead.role = "name"
    # "Sökt | Förslag | Beslut": the nämnd's decided sums beside the förvaltning's proposals
    # (a "Beslut" column of words, "Bifall", is read as each row's verdict, `verdict_column`)
    proposal = next(
        (c for c in columns if c.role == "cost" and _PROPOSED.match(fold(c.header))), None
    )
    decided = next(
        (c for c in columns if c.role == "other" and _DECIDED_SUMS.fullmatch(fold(c.header))), None
    )
    if proposal and decided and columns.index(decided) > columns.index(proposal):
        decided.role, proposal.role = "cost", "spent"


#: a column of the decision itself: "Beslut", "Nämndens beslut", "SN:s beslut"
_DECIDED_SUMS = re.compile(r"\s*(?:(?:\w+s|\w+:s)\s+)?beslut(?:at)?(?:\s*[¹²³*])?\s*")


def column_at(columns: list[GridColumn], cell: GridCell) -> GridColumn:
    """The column a cell belongs to: the column whose header starts nearest to the cell.
    Text extracted from a page with a proportional font puts a column's cells a few
    characters left or right of its header, so nearest beats "starts at or before"."""
    return min(columns, key=lambda col: abs(col.start - cell.start))


def assign_columns(columns: list[GridColumn], cells: list[GridCell]) -> list[GridColumn]:
    """Columns of a row's cells: in order when the row fills every column, else nearest —
    and when two cells would share the nearest column (a row OCR set a few characters off
    its columns: "Skarholmen Uppföljning …    150 000   150 000"), the columns in order that
    lie nearest in all."""
    if len(cells) == len(columns):
        return list(columns)
    nearest = [column_at(columns, c) for c in cells]
    order = [columns.index(col) for col in nearest]
    if len(cells) > len(columns) or all(a < b for a, b in zip(order, order[1:], strict=False)):
        return nearest
    placed = [columns[k] for k in _in_order(columns, cells)]
    # (only where each cell then suits its column: words in a column of words, a number
    # elsewhere — "1    Farsta sdf" over sub-numbered rows is no row of cells)
    fits = all(
        (col.role in TEXT_ROLES) == (_NUMBER_CELL.fullmatch(c.text.strip()) is None)
        for c, col in zip(cells, placed, strict=True)
    )
    return placed if fits else nearest


def _in_order(columns: list[GridColumn], cells: list[GridCell]) -> list[int]:
    """Column indices, rising, one per cell, with the least summed distance of each cell's
    start from its column's (cells no more than columns)."""
    n, m = len(cells), len(columns)
    inf = float("inf")
    # best[i][k]: cost of cells[:i] placed in columns[:k]
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for k in range(i, m + 1):
            here = best[i - 1][k - 1] + abs(columns[k - 1].start - cells[i - 1].start)
            best[i][k] = min(best[i][k - 1], here)
    out: list[int] = []
    k = m
    for i in range(n, 0, -1):
        while best[i][k] == best[i][k - 1]:
            k -= 1  # (cells[i-1] sits in a column left of k)
        out.append(k - 1)
        k -= 1
    return out[::-1]


#: a unit of thousands or millions of kronor in a header's words ("(tusental kr)", "tkr")
_THOUSANDS = re.compile(r"\b(?:tkr|kkr|tusentals?\s+(?:kr|kronor)|tusen\s+kronor|ksek)\b")
_MILLIONS = re.compile(r"\b(?:mkr|mnkr|msek|miljoner\s+kronor)\b")
_MONEY_ROLES = ("cost", "applied", "spent", "granted_before", "group_total")


def units_above(above: list[str], columns: list[GridColumn]) -> None:
    """A unit in the words set over a group of money columns ("Sökt hos socialtjänst-" over
    "nämnden (tusental kr)" over "2005   2006   Summa"): the unit of each money column under
    that group's cell that prints no unit of its own. A cell reaches from its start to the
    start of the next cell on its line."""
    for line in above:
        cells = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]
        for k, (start, text) in enumerate(cells):
            f = fold(text)
            if any(ch.isdigit() for ch in f):
                continue  # ("3 mnkr" is a sum, no column's unit)
            unit = 1000 if _THOUSANDS.search(f) else 1_000_000 if _MILLIONS.search(f) else 1
            if unit == 1:
                continue
            # (the group's first cell may stand on the line above: its start is the group's)
            end = cells[k + 1][0] if k + 1 < len(cells) else 10_000
            for col in columns:
                if (
                    col.role in _MONEY_ROLES
                    and col.multiplier == 1
                    and start - 2 <= col.start < end
                ):
                    col.multiplier = unit


_SOUGHT_GROUP = re.compile(r"(?:an)?sokt(?:\s+belopp)?")
_DECIDED_GROUP = re.compile(r"(?:forslag|foreslas|beviljat|beviljas|beslut|tilldelat)")


def sought_groups(above: list[str], columns: list[GridColumn]) -> None:
    """ "Sökt" and "Förslag" set over two groups of money columns ("2022  2023  Totalt"
    under "Sökt", "Totalt" under "Förslag"): the columns under "Sökt" hold the sums applied
    for. A group reaches from its label's start to the next label's (the first one, set in
    the middle of its group, also to the left)."""
    for line in above:
        cells = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]
        groups = [
            (start, bool(_SOUGHT_GROUP.fullmatch(fold(text).strip())))
            for start, text in cells
            if _SOUGHT_GROUP.fullmatch(fold(text).strip())
            or _DECIDED_GROUP.fullmatch(fold(text).strip())
        ]
        if len(groups) < 2 or len(groups) != len(cells) or not any(s for _m, s in groups):
            continue
        for col in columns:
            if col.role != "cost":
                continue
            under = [g for g in groups if g[0] - 2 <= col.start] or groups[:1]
            if under[-1][1]:
                col.role = "applied"


#: a column of sums decided before ("Beviljat 2020", "Beslut 2017-01-24")
DECIDED = re.compile(r"\s*(?:beviljat|beviljade|beslut|beslutat|beslutade|bidrag)\b")
_PROPOSED = re.compile(r"\s*(?:forslag|foreslaget|foreslas|nytt\s+beslut)\b")


def _year_of(header: str) -> int | None:
    m = re.search(rf"\b({YEAR})\b", header)
    return int(m.group(1)) if m else None


def earlier_grants(columns: list[GridColumn]) -> None:
    """ "Beviljat 2020 | Beviljat 2021 | Förslag 2022": the grants of the years before the one
    proposed (or applied for) now are decided before (each row's sum is the proposal)."""
    proposed = [
        y
        for c in columns
        if c.role == "cost" and _PROPOSED.match(fold(c.header)) and (y := _year_of(c.header))
    ]
    if not proposed and not any(
        c.role == "cost" and _PROPOSED.match(fold(c.header)) for c in columns
    ):
        # "Beviljat 2014 | Sökt 2015": a district's application beside last year's grant
        proposed = [y for c in columns if c.role == "applied" and (y := _year_of(c.header))]
    if len(proposed) != 1:
        return
    for col in columns:
        year = _year_of(col.header)
        if col.role == "cost" and DECIDED.match(fold(col.header)) and year and year < proposed[0]:
            col.role = "granted_before"


def points_total(columns: list[GridColumn]) -> None:
    """A "Summa" column right after columns of counts or points ("K1  K2  K3  K4  Summa"):
    the points added up, no money. A "Summa per stadsdelsnämnd" column right of a money
    column: each group's total on its last row (`group_total`), no row's own sum."""
    for left, col in zip(columns, columns[1:], strict=False):
        if left.role == "count" and re.match(r"(?:summa|totalt?)$", fold(col.header).strip()):
            col.role = "count"
        elif left.role == "cost" and re.match(r"(?:summa|totalt?)\s+per\b", fold(col.header)):
            col.role = "group_total"


#: an assessor's column ("A", "B", "Bed. C") and the mean or sum of their points
_ASSESSOR = re.compile(r"[A-Z]\d?|bed\.?\s*[A-Z]|bedomare\s+[A-Z\d]")
_POINTS = re.compile(r"medel(?:poang|varde|tal)?|snitt|medel\s+poang|summa\s+poang|totalpoang")


def scored_columns(columns: list[GridColumn]) -> int:
    """ "A | B | C | Medel" between a project's name and its sums: each assessor's points and
    their mean, counts and no money; how many unknown columns this explains."""
    letters = [c for c in columns if c.role == "other" and _ASSESSOR.fullmatch(c.header.strip())]
    if len(letters) < 2:
        return 0
    explained = len(letters)
    for col in columns:
        if col in letters or (
            col.role in ("cost", "other") and _POINTS.fullmatch(fold(col.header).strip())
        ):
            explained += col.role == "other" and col not in letters
            col.role = "count"
    return explained


_PERIOD = re.compile(r"period|projekttid|tidsplan")
#: the date a decision moves: "Ny slutleverans" beside "Slutlev. enligt beslut"
_NEW_DATE = re.compile(r"(?:ny|nytt|reviderad|andrad)\s")


def one_end(columns: list[GridColumn]) -> None:
    """One end date per row: "Period" beside "Klart" is when the work runs, the other its end;
    "Ny slutleverans" beside "Slutlev. enligt beslut" is the end now, the other the one
    decided before."""
    ends = [col for col in columns if col.role == "end"]
    periods = [col for col in ends if _PERIOD.search(fold(col.header))]
    reports = [col for col in ends if re.match(r"slut-?\s*rapport", fold(col.header))]
    if reports and len(reports) < len(ends):
        for col in reports:  # "Period"/"Klart" beside "Slutrapport": the report is due after
            col.role = "other"  # the end
        ends = [col for col in ends if col not in reports]
    if len(ends) > 1 and len(periods) < len(ends):
        for col in periods:
            col.role = "other"
    moved = [col for col in ends if _NEW_DATE.match(fold(col.header))]
    if moved and len(moved) < len(ends):
        for col in ends:
            col.role = col.role if col in moved else "other"


def funders_parts(columns: list[GridColumn]) -> int:
    """ "Projekt | Landstinget | Socialstyrelsen | Övriga | Summa": the columns of unknown
    headers between the names and the row's sum, no other money column beside them, are
    each funder's part of the sum (other money). Returns how many columns it read so."""
    named = any(c.role == "name" for c in columns)
    money = any(c.role in _MONEY_ROLES for c in columns[:-1])
    last = columns[-1]
    if not named or money or last.role != "cost" or not _TOTAL.match(fold(last.header)):
        return 0
    parts = [c for c in columns[1:-1] if c.role == "other"]
    for col in parts:
        col.role = "spent"
    return len(parts)


_TOTAL = re.compile(r"(?:summa|totalt?)$")


def none_granted(
    cells: list[GridCell], columns: list[GridColumn], money: GridColumn | None
) -> bool:
    """A row of "Total kostnad | Sökt | Förslag" whose proposal is a dash ("260.000 |
    260.000 | –"): it sought money and was granted none (its cost is no grant)."""
    return (
        money is not None
        and any(
            col is not money and col.role == "cost" and "kostnad" in fold(col.header)
            for col in columns
        )
        and any(
            col is money and c.text.strip(" |") in ("-", "–", "—")
            for c, col in zip(cells, assign_columns(columns, cells), strict=True)
        )
    )
