"""Small helpers shared by the notebooks in ``notebooks/`` and by ``devtools.render_chart``;
the notebooks import this package as ``ns`` and use its names below.

* ``db``: :func:`open_warehouse` opens the warehouse read-only (``NAMND_DB``, default
  ``warehouse/namnd.duckdb`` under the repo root). A missing file gives an *empty* warehouse
  with the real schema, so every notebook runs and says "Ingen data" instead of crashing.
* ``style``: :func:`fmt_kr` / :func:`fmt_int` write numbers the Swedish way:
  ``1 234 567 kr``; :func:`use_style` and :data:`FUND_COLORS` give every chart the same look
  and colours.
* ``funding``: :func:`funding_by_fund_year`, :func:`fund_money_by_year` and
  :func:`plot_funding_by_year` make the main chart of ``notebooks/funding_by_year.py``;
  ``devtools.render_chart`` renders the README image with the same functions.
* ``criteria``: :func:`criterion_key`, :func:`compare_criteria`, :func:`content_words` are
  the pure text helpers of ``notebooks/criteria_over_time.py``.

Nothing here writes to the warehouse.
"""

from __future__ import annotations

from pipeline.config import REPO_ROOT
from pipeline.notebook_support.criteria import (
    DOMAIN_STOP_WORDS,
    CriteriaChange,
    compare_criteria,
    content_words,
    criterion_key,
    swedish_stop_words,
)
from pipeline.notebook_support.db import (
    DEFAULT_DB,
    Warehouse,
    create_schema,
    open_warehouse,
    resolve_db_path,
)
from pipeline.notebook_support.funding import (
    COVERAGE_RANK,
    COVERAGE_SV,
    FUND_TOTALS_SQL,
    FUNDING_BY_FUND_YEAR_SQL,
    INCOMPLETE_COLOR,
    SOURCE_BUDGET,
    SOURCE_GRANTED,
    SOURCE_HATCH,
    SOURCE_PROJECTS,
    coverage_by_fund_year,
    coverage_of,
    fund_money_by_year,
    funding_by_fund_year,
    plot_funding_by_year,
    shade_incomplete_years,
    year_coverage,
    year_range,
)
from pipeline.notebook_support.style import (
    FUND_COLORS,
    FUND_NAMES,
    FUND_ORDER,
    NO_DATA,
    OTHER_COLOR,
    UNKNOWN_FUND,
    fmt_int,
    fmt_kr,
    fund_color,
    fund_sort_key,
    heatmap,
    kr_axis,
    no_data,
    use_style,
    year_table,
)

__all__ = [
    "COVERAGE_RANK",
    "COVERAGE_SV",
    "DEFAULT_DB",
    "DOMAIN_STOP_WORDS",
    "FUNDING_BY_FUND_YEAR_SQL",
    "FUND_COLORS",
    "FUND_NAMES",
    "FUND_ORDER",
    "FUND_TOTALS_SQL",
    "INCOMPLETE_COLOR",
    "NO_DATA",
    "OTHER_COLOR",
    "REPO_ROOT",
    "SOURCE_BUDGET",
    "SOURCE_GRANTED",
    "SOURCE_HATCH",
    "SOURCE_PROJECTS",
    "UNKNOWN_FUND",
    "CriteriaChange",
    "Warehouse",
    "compare_criteria",
    "content_words",
    "coverage_by_fund_year",
    "coverage_of",
    "create_schema",
    "criterion_key",
    "fmt_int",
    "fmt_kr",
    "fund_color",
    "fund_money_by_year",
    "fund_sort_key",
    "funding_by_fund_year",
    "heatmap",
    "kr_axis",
    "no_data",
    "open_warehouse",
    "plot_funding_by_year",
    "resolve_db_path",
    "shade_incomplete_years",
    "swedish_stop_words",
    "use_style",
    "year_coverage",
    "year_range",
    "year_table",
]
