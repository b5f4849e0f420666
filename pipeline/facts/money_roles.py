"""The role of a number in a money table: what its row label and column header say, else
what kind of table it stands in (a list of grants, a follow-up of budgets, an allocation per
unit, a breakdown of one project's costs). The tables themselves are read in
:mod:`pipeline.facts.money_tables`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import find_funds
from pipeline.facts.cues import cue_hits
from pipeline.facts.grid_header import followup_header
from pipeline.facts.header_roles import PAID_BACK
from pipeline.facts.roles import amount_role
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = [
    "BREAKDOWN",
    "TOTAL_LABEL",
    "YEAR_CELL",
    "breakdown_heading",
    "budget_plan",
    "cost_item",
    "table_kind",
    "table_type",
    "staffing_line",
]

#: a total row's label
TOTAL_LABEL = re.compile(r"^(?:summa|totalt?|sammanlagt|s:a)\b", re.IGNORECASE)
#: a cell that is a year alone
#: a year's column header, its unit after it or not ("2021", "2021 kr")
YEAR_CELL = re.compile(rf"^{YEAR}(?:\s?(?:t?kr|kronor))?$")

_GRANTED_COLUMN = re.compile(
    r"^\s*(?:förslag|forslag|föreslaget|beviljat|beviljas|beviljade|tilldelas|tilldelat|"
    # "Bidrag 2005" beside "Sökt 2006": what each recipient was granted that year
    r"bidrag(?=\s+(?:19|20)\d\d))\b",
    re.I,
)


_FUND_LABEL_WORDS = 4


#: a column of what was spent of a grant or is left of it
_OUTCOME_COLUMN = re.compile(
    r"\s*(?:redovisad\s+kostnad|redovisat|förbrukat|ej\s+förbrukat|använt|återbetal\w*|"
    r"kvar|ej\s+använt)\b",
    re.IGNORECASE,
)


def table_kind(
    label: str, column: str, total: bool, table: str, caption: str = "", wide: bool = False
) -> tuple[str, float]:
    """The role of a money cell (see :func:`find_money_tables`); `table` is "grants" (a
    project column), "followup" (budget beside forecast), "frame" (a body's budget),
    "per_unit", "breakdown",
    "project_budget" (a breakdown whose label column is headed "Budget 2023") or ""."""
    # a total row's own words after "Summa" say what it sums ("Summa sökt belopp")
    own = re.sub(r"^\s*(?:summa|totalt?|s:a)\b", "", label, flags=re.IGNORECASE) if total else label
    said = amount_role(f"{own} {column}".strip())
    if table == "frame":
        # a nämnd's or unit's budget ("Tabell 7.1 Budget 2019 per verksamhetsområde"): its
        # frames, whatever the column (costs, income, net), save an outcome or a deviation
        if re.match(r"\s*(?:utfall|prognos|avvikelse|förbrukat|forbrukat)", column, re.I):
            return "other", 0.55
        return "budget", 0.6
    if table == "counted":
        # "Område | Antal ansökningar | Antal beviljade | Beviljat": each row sums a group's grants
        return ("other", 0.6) if said.cued and said.kind == "other" else ("total_granted", 0.6)
    if table == "followup":
        # the budget column is the frame; forecast, outcome and deviation are other sums
        # (a plan's "Förslag 2026" beside its "Budget 2025": next year's budget)
        framed = re.match(
            r"\s*(?:netto|brutto|total|reviderad\s+|justerad\s+)?(?:budget|förslag|forslag)",
            column,
            re.I,
        )
        return ("budget", 0.65) if framed else ("other", 0.55)
    if table == "grants":
        if said.cued and said.kind in ("other", "state_grant"):
            return said.kind, 0.7
        by_label = amount_role(own) if own.strip() and not total else None
        if by_label is not None and by_label.cued and by_label.kind in ("budget", "other"):
            # a row under the grants that says what it is ("Avsatt för år 2000", "Ej fördelat")
            return by_label.kind, 0.6
        return ("total_granted", 0.7) if total else ("project_cost", 0.65)
    per_recipient = not total and not YEAR_CELL.fullmatch(label.strip())
    if (
        per_recipient
        and _GRANTED_COLUMN.search(column)
        and len(label.split()) <= _FUND_LABEL_WORDS
        and any(start == 0 for start, _e, _f in find_funds(label.strip()))
    ):
        # a fund's row ("Lokala utvecklingsprojekt (LUM) | 7 | 3 000 000"): all it granted
        return "total_granted", 0.65
    if (
        YEAR_CELL.fullmatch(column.strip())
        and _GRANTED_CAPTION.search(fold(caption))
        and (total or (len(label.split()) <= _FUND_LABEL_WORDS and find_funds(label.strip())))
    ):
        # "Beviljade medel 2014–2018, tkr" over a row per fund and a column per year: what
        # each fund granted in a year, and the Summa row what all of them did
        return "total_granted", 0.6
    if _GRANTED_COLUMN.search(column) and (
        not said.cued or (said.kind == "total_granted" and per_recipient)
    ):
        # a recipient's cell in a "Beviljat 2012" column (not a year's row, not the Summa)
        # "Förslag", "Beviljat (kr)" beside "Ansökt": what each recipient is granted
        return ("total_granted", 0.65) if total else ("project_cost", 0.6)
    breakdown = table in ("breakdown", "project_budget")
    if breakdown and said.cued and said.kind == "total_granted":
        # "Kostnadsslag | Totalt | Sökta medel | Egen finansiering": each cost item's whole
        # sum, and the Summa row the project's cost — no fund's total
        return ("project_cost", 0.65) if total else ("other", 0.6)
    if table == "per_unit" and re.match(r"\s*(?:kostnad\w*|utfall|förbruk\w*)", column, re.I):
        # "Stadsdelsnämnd | Portioner 2011 | Kostnad 2011, tkr": what each one spent, no frame
        return "other", 0.55
    if _OUTCOME_COLUMN.match(column):
        # "Redovisad kostnad", "Förbrukat", "Ej förbrukat", "Återbetalas" beside "Beviljat":
        # what a grant was used for or what is left of it, no grant and no frame
        return "other", 0.55
    if (
        table == "per_unit"
        and not total
        and said.kind == "total_granted"
        and re.match(r"\s*(?:summa|totalt?)\b", column, re.I)
    ):
        return "budget", 0.6  # "Stadsdelsnämnd | … | Summa tkr": each district's whole frame
    if said.cued:
        return said.kind, 0.7
    if table == "per_unit":
        return "budget", 0.65
    # (over a table of several columns the caption speaks only for funds' rows, above)
    told = amount_role(caption) if caption and table != "project_budget" and not wide else None
    if told is not None and told.cued and told.kind in ("budget", "total_granted", "state_grant"):
        # the caption says what every row is ("Medlen fördelas enligt följande (mnkr):",
        # "Budget 2012 (mnkr)")
        return told.kind, 0.55
    if total:
        return ("project_cost", 0.7) if breakdown else ("other", 0.4)
    return "other", 0.6 if breakdown else 0.4


#: a caption over what was granted or shared out (not what was sought beside it)
_GRANTED_CAPTION = re.compile(r"^(?!.*\bsokt)(?=.*\b(?:beviljade|beviljat|fordelade|fordelat)\b)")


def budget_plan(cells: Sequence[str]) -> bool:
    """A budget plan's header: this year's "Budget 2025" beside next year's "Förslag 2026"."""
    folded = [fold(c).strip() for c in cells]
    return any(c.startswith("budget") for c in folded) and any(
        c.startswith("forslag") for c in folded
    )


#: the words of a caption over one project's costs or financing
BREAKDOWN = re.compile(r"budget|kostnad|finansiering|utgift", re.IGNORECASE)
#: a label column of recipients beside one money column: "Förening | Kr", each row a
#: recipient and its grant
_RECIPIENTS = re.compile(r"(?:forening|organisation|bidragsmottagare|mottagare)\w*$")


def table_type(header_cells: Sequence[str], ncols: int, caption: str) -> str:
    """The kind of a money table (see :func:`table_kind`) from its header cells (`ncols` of
    them over money) and its caption."""
    first_col = header_cells[0] if header_cells else ""
    if PAID_BACK.search(fold(caption)):
        return ""  # "Återföringsplan, mnkr": money paid back to a fund, no grants
    if re.search(r"\bper (?:studie|projekt|utvardering)\b", fold(caption)):
        return "grants"  # "Kostnad per studie och år": each row a study, its cells its money
    # a follow-up of budgets ("Verksamhet | Budget | Prognos | Avvikelse"): no grants
    if followup_header(header_cells) or budget_plan(header_cells):
        return "followup"
    if any(re.match(r"antal\s+(?:beviljade|projekt|ansok)", fold(c).strip()) for c in header_cells):
        return "counted"  # each row a group of grants counted beside their sum
    folded = [fold(c).strip() for c in header_cells]
    if any(c.startswith("intakt") for c in folded) and any(c.startswith("netto") for c in folded):
        return "frame"  # "Verksamhet | Kostnader | Intäkter | Netto": a nämnd's budget
    if _FRAME_CAPTION.search(fold(caption)) and not _ONE_PROJECT.search(fold(caption)):
        return "frame"
    # a project column among the headers over the label cells (not a money column's
    # "Kommunal insats"); not "Kostnadsberäkning, projekt 1" over a project's costs
    label_heads = header_cells[: max(1, len(header_cells) - ncols)]
    if (
        not (label_heads and breakdown_heading(label_heads[0]))
        and (
            any(h.value == "name" for c in label_heads for h in cue_hits(c, "table_header"))
            or bool(
                label_heads
                and _RECIPIENTS.match(fold(label_heads[0]))
                # "Organisation | 2022 | 2023 | 2024 | Summa" under "Ersättning inom partnerskapen":
                # each partner's grant by year (not an association's verksamhetsbidrag)
                and (
                    ncols == 1
                    or (
                        all(_year_or_total(c) for c in header_cells[len(label_heads) :])
                        and _PARTNERS_MONEY.search(fold(caption)) is not None
                    )
                )
            )
        )
    ):
        return "grants"
    if len(header_cells) >= 2 and re.search(
        r"stadsdel|förvaltning|forvaltning|nämnd|namnd|enhet|^\s*(?:län|lan|kommun|region)\b",
        first_col,
        re.I,
    ):  # ("Län | Antal kommuner | … | Belopp, tkr": each county's share of a grant)
        return "per_unit"
    if len(header_cells) >= 2 and len(label_heads) == 1 and breakdown_heading(label_heads[0]):
        return "project_budget"  # "Budget 2023   Kronor" over cost items: one project's
    return "breakdown" if BREAKDOWN.search(caption) else ""


#: a caption over partners' money by year
_PARTNERS_MONEY = re.compile(r"partnerskap|overenskommelse|\biop\b|ersattning inom")


def _year_or_total(cell: str) -> bool:
    return bool(YEAR_CELL.match(cell.strip()) or TOTAL_LABEL.match(cell.strip()))


#: a caption over a body's budget: "Budget 2019 per verksamhetsområde", "Fritidsgårdarnas
#: budget 2007", "Nämndens budget"
_FRAME_CAPTION = re.compile(
    r"\bbudget\b(?:\s+\d{4})?\s+per\s+(?:verksamhet|avdelning|enhet|omrade|namnd|stadsdel|"
    r"forvaltning|forskola|skola|fritidsgard)\w*|\b\w{3,}(?:s|ns)\s+budget\b"
)
#: … not one project's ("Projektets budget", "Partnerskapets budget per år")
_ONE_PROJECT = re.compile(
    r"projekt|studie|ansokan|resa|resan|utvardering|partnerskap|overenskommelse|avtal|insats"
)


#: a line of a project's costs: staff, supervision, material, travel …
#: a share of a post over a time, hours at a price: "Jobbcoach, 50 % i 12 månader"
_POST = r"\d+\s*%\s*i\s+\d+\s*manader|timmar\s+a\s+\d"
_STAFFING = re.compile(rf"\b(?:{_POST})")
_COST_ITEM = re.compile(
    r"\b(?:projektledare|projektledning|projektsamordnare|handledning|handledare|lon|loner|"
    r"personal\w*|material|lokal\w*|resor|resa|reskostnad\w*|tolk\w*|oversattning\w*|"
    r"utbildning\w*|utvardering|administration|omkostnad\w*|forskar\w*|arvode\w*|"
    rf"konsult\w*|trycksaker|kurslitteratur|fortaring|logi|ersattning\w*|tjanst\w*|{_POST})"
)


def cost_item(label: str) -> bool:
    """A line of one project's cost breakdown ("Projektledare 50 procent", "Handledning av
    forskare", "Resor och logi")."""
    return _COST_ITEM.search(fold(label)) is not None


def staffing_line(label: str) -> bool:
    """A budget's line for a share of a post or hours worked ("Jobbcoach, 50 % i 12 månader",
    "80 timmar à 1 150 kr"): a cost item, never a project's name."""
    return _STAFFING.search(fold(label)) is not None


def breakdown_heading(text: str) -> bool:
    """A heading over a project's costs or financing: "Kostnadsberäkning, projekt 1",
    "Budget", "Finansiering 2019", "Projektets kostnader 2016"."""
    return len(text.split()) <= 6 and bool(
        re.match(
            r"(?:(?:projektets|studiens|resans|beraknade|preliminar|total)\w*\s+)?"
            r"(?:kostnad\w*|budget\w*|finansiering\w*|kalkyl\w*)\b",
            fold(text),
        )
    )


def spent_columns(heads: Sequence[str]) -> list[str]:
    """A report's "Beviljat | Kostnad | Återbetalas": beside a grant and what is left of it,
    the cost is what was spent (read as "Redovisad kostnad")."""
    if not (
        any(_GRANTED_COLUMN.search(h) for h in heads) and any(map(_OUTCOME_COLUMN.match, heads))
    ):
        return list(heads)
    return [
        "Redovisad kostnad" if re.fullmatch(r"\s*kostnad(?:er)?\s*", h, re.I) else h for h in heads
    ]
