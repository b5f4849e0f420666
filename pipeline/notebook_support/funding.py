"""The main chart of ``notebooks/funding_by_year.py`` (money per fund and year, by source)
and the shading of years whose coverage is incomplete; ``devtools.render_chart`` renders the
README image with the same functions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from pipeline.notebook_support.db import Warehouse
from pipeline.notebook_support.style import (
    FUND_NAMES,
    UNKNOWN_FUND,
    fund_color,
    fund_sort_key,
    kr_axis,
    no_data,
)

if TYPE_CHECKING:  # matplotlib is an optional ("notebooks") dependency
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FUNDING_BY_FUND_YEAR_SQL = """
SELECT coalesce(fund_type, ?) AS fund_type, year,
       count(*) AS n_projects,
       count(amount_sek) AS n_with_amount,
       CAST(coalesce(sum(amount_sek), 0) AS BIGINT) AS total_sek,
       count(DISTINCT doc_id) AS n_documents
FROM v_projects
WHERE year IS NOT NULL AND status IS DISTINCT FROM 'ansökt' AND counted
GROUP BY ALL
ORDER BY year, fund_type
"""


def funding_by_fund_year(wh: Warehouse) -> pd.DataFrame:
    """One row per fund type and year: granted projects, how many have an amount, their sum.

    From ``v_projects`` (each decision counted once) with the same rule as
    ``v_funding_by_district_year``: projects only applied for (status ``ansökt``) are left
    out, so the kronor here add up to that view's ``total_sek``. A project shared by several
    districts is counted once here, and so is a project granted in one decision and
    reported in a later one (``counted``: one row per series and year).
    """
    return wh.sql(FUNDING_BY_FUND_YEAR_SQL, [UNKNOWN_FUND])


def year_range(years: Iterable[Any]) -> list[int]:
    """Every year from the first to the last in `years`, so gaps show as gaps on a chart."""
    known = [int(y) for y in years if not pd.isna(y)]
    return list(range(min(known), max(known) + 1)) if known else []


FUND_TOTALS_SQL = """
SELECT a.fund_type, a.year,
       max(a.sek) FILTER (WHERE a.kind = 'total_granted') AS granted_sek,
       bool_or(a.approximate) FILTER (WHERE a.kind = 'total_granted') AS granted_approx,
       max(a.sek) FILTER (WHERE a.kind = 'budget') AS budget_sek,
       bool_or(a.approximate) FILTER (WHERE a.kind = 'budget') AS budget_approx
FROM amounts AS a
JOIN v_documents_canonical AS d ON d.doc_id = a.doc_id
WHERE a.kind IN ('total_granted', 'budget') AND a.fund_type IS NOT NULL AND a.year IS NOT NULL
  AND a.project_id IS NULL
GROUP BY ALL
"""

# How the kronor of one fund and year were found, best first (also the chart's legend).
SOURCE_GRANTED = "beviljat totalt enligt beslut"
SOURCE_BUDGET = "budget enligt beslut"
SOURCE_PROJECTS = "summa av projektens belopp"
SOURCE_HATCH = {SOURCE_GRANTED: "", SOURCE_BUDGET: "//", SOURCE_PROJECTS: ".."}


def fund_money_by_year(wh: Warehouse, by_fund_year: pd.DataFrame) -> pd.DataFrame:
    """The best known kronor per fund type and year, and where the figure comes from.

    A fund's total as a decision states it (``amounts`` of kind ``total_granted``, the
    largest if several), else its budget (kind ``budget``), else the sum of its projects'
    amounts (`by_fund_year`, from :func:`funding_by_fund_year`). Columns: fund_type, year,
    sek, source, approximate. Only canonical documents count.
    """
    stated = wh.sql(FUND_TOTALS_SQL)
    projects = by_fund_year[by_fund_year["n_with_amount"] > 0][["fund_type", "year", "total_sek"]]
    both = stated.merge(projects, on=["fund_type", "year"], how="outer")
    rows = []
    for r in both.itertuples():
        if pd.notna(r.granted_sek):
            rows.append((r.fund_type, r.year, r.granted_sek, SOURCE_GRANTED, r.granted_approx))
        elif pd.notna(r.budget_sek):
            rows.append((r.fund_type, r.year, r.budget_sek, SOURCE_BUDGET, r.budget_approx))
        elif pd.notna(r.total_sek):
            rows.append((r.fund_type, r.year, r.total_sek, SOURCE_PROJECTS, False))
    frame = pd.DataFrame(rows, columns=["fund_type", "year", "sek", "source", "approximate"])
    frame = frame.astype({"sek": "int64", "year": "int64", "approximate": "bool"})
    return frame.sort_values(["year", "fund_type"], key=_fund_or_year).reset_index(drop=True)


def _fund_or_year(col: pd.Series) -> pd.Series:
    return col.map(lambda f: fund_sort_key(f)[0]) if col.name == "fund_type" else col


def _stacked(
    ax: Axes, frame: pd.DataFrame, value: str, years: list[int], hatch_by: str | None = None
) -> None:
    """Bars per year, stacked by fund type (colour), optionally hatched by another column."""
    bottom = {y: 0.0 for y in years}
    funds = sorted(frame["fund_type"].unique(), key=fund_sort_key)
    for fund in funds:
        rows = frame[frame["fund_type"] == fund]
        for r in rows.itertuples():
            height = float(getattr(r, value))
            ax.bar(
                str(int(r.year)),
                height,
                bottom=bottom[int(r.year)],
                color=fund_color(fund),
                hatch=SOURCE_HATCH.get(getattr(r, hatch_by), "") if hatch_by else "",
                edgecolor="white",
                linewidth=0.5,
                width=0.7,
            )
            bottom[int(r.year)] += height
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_xlim(-0.6, len(years) - 0.4)


def plot_funding_by_year(by_fund_year: pd.DataFrame, money: pd.DataFrame) -> Figure:
    """Per year, stacked by fund type: number of projects (left) and kronor (right).

    `by_fund_year` from :func:`funding_by_fund_year`, `money` from :func:`fund_money_by_year`.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    fig, (ax_n, ax_kr) = plt.subplots(1, 2, figsize=(12, 4.8))
    fig.suptitle("FoU-medel per år och fond", fontsize=14, fontweight="bold", x=0.01, ha="left")
    years = year_range(list(by_fund_year["year"]) + list(money["year"]))
    if not years:
        no_data(ax_n)
        no_data(ax_kr)
        return fig
    # Draw in year order on a categorical axis that holds every year of the range.
    for ax in (ax_n, ax_kr):
        ax.bar([str(y) for y in years], [0] * len(years))
    _stacked(ax_n, by_fund_year, "n_projects", years)
    ax_n.set(title="Antal projekt", xlabel="År", ylabel="Antal projekt")
    ax_n.yaxis.get_major_locator().set_params(integer=True)
    _stacked(ax_kr, money, "sek", years, hatch_by="source")
    ax_kr.set(title="Belopp per fond", xlabel="År", ylabel="Belopp (kr)")
    kr_axis(ax_kr)
    funds = sorted(set(by_fund_year["fund_type"]) | set(money["fund_type"]), key=fund_sort_key)
    handles = [Patch(color=fund_color(f), label=FUND_NAMES.get(f, f)) for f in funds]
    handles += [
        Patch(facecolor="white", edgecolor="#555555", hatch=h, label=f"Belopp: {src}")
        for src, h in SOURCE_HATCH.items()
        if src in set(money["source"])
    ]
    fig.legend(
        handles=handles, title="Fond och källa", loc="center left", bbox_to_anchor=(1.0, 0.5)
    )
    fig.text(
        0.01,
        -0.04,
        "Projekt: beviljade, pågående och genomförda (ej bara ansökta). Belopp: fondens "
        "totalbelopp enligt beslutet, annars dess budget, annars summan av projektens belopp.",
        fontsize=8,
        color="#555555",
    )
    fig.tight_layout()
    return fig


#: v_coverage's words in Swedish, for tables and legends.
COVERAGE_SV = {
    "complete": "komplett",
    "incomplete": "ofullständig",
    "partial": "delvis läst",
    "known gap": "känd lucka",
    "no expectation recorded": "ingen förväntan registrerad",
    "not expected": "inte förväntad",
}
INCOMPLETE_COLOR = "#f3cdb8"
COVERAGE_RANK = ["incomplete", "partial", "known gap", "no expectation recorded", "complete"]


def coverage_by_fund_year(wh: Warehouse) -> pd.DataFrame:
    """One row per fund type and year that the expectations register or the archive concerns:
    ``coverage`` ('complete' only when every expected decision is present and well read) and
    ``detail`` (per series). From ``v_coverage_by_fund_year``."""
    return wh.sql("SELECT fund_type, year, coverage, detail FROM v_coverage_by_fund_year")


def coverage_of(coverage: pd.DataFrame, fund_type: str, year: Any) -> str:
    """The coverage of one fund and year; 'no expectation recorded' when nothing is known."""
    hit = coverage[(coverage["fund_type"] == fund_type) & (coverage["year"] == year)]
    return str(hit["coverage"].iloc[0]) if len(hit) else "no expectation recorded"


def year_coverage(coverage: pd.DataFrame, years: Iterable[int], funds: Iterable[str]) -> dict:
    """Per year, the worst coverage over `funds` (the funds shown on a chart)."""
    wanted = set(funds)
    out: dict[int, str] = {}
    for y in years:
        states = [coverage_of(coverage, f, y) for f in wanted] or ["no expectation recorded"]
        out[int(y)] = min(states, key=COVERAGE_RANK.index)
    return out


def shade_incomplete_years(
    fig: Figure, by_fund_year: pd.DataFrame, money: pd.DataFrame, coverage: pd.DataFrame
) -> dict[int, str]:
    """Grey out, on both axes of the chart drawn by `plot_funding_by_year` (same arguments),
    the years whose coverage for the funds shown is not 'complete', and say so under the
    chart. Returns each year's coverage."""
    years = year_range(list(by_fund_year["year"]) + list(money["year"]))
    funds = set(by_fund_year["fund_type"]) | set(money["fund_type"])
    by_year = year_coverage(coverage, years, funds)
    if not years:
        return by_year
    for ax in fig.axes[:2]:
        top = ax.get_ylim()[1]
        for i, y in enumerate(years):
            state = by_year.get(y, "no expectation recorded")
            if state == "complete":
                continue
            ax.axvspan(i - 0.5, i + 0.5, color=INCOMPLETE_COLOR, alpha=0.45, zorder=0, lw=0)
            ax.text(
                i,
                top * 0.98,
                COVERAGE_SV[state],
                rotation=90,
                ha="center",
                va="top",
                fontsize=7,
                color="#8a4b2a",
                zorder=1,
            )
    fig.text(
        0.01,
        -0.09,
        "Tonad bakgrund: år då arkivet inte är komplett enligt förväntningsregistret "
        "(warehouse/expected/, vyn v_coverage) – en låg stapel kan vara ett beslut som saknas.",
        fontsize=8,
        color="#555555",
    )
    return by_year
