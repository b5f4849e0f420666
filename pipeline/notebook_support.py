"""Small helpers shared by the notebooks in ``notebooks/`` and by ``devtools.render_chart``.

* :func:`open_warehouse` opens the warehouse read-only (``NAMND_DB``, default
  ``warehouse/namnd.duckdb`` under the repo root). A missing file gives an *empty* warehouse
  with the real schema, so every notebook runs and says "Ingen data" instead of crashing.
* :func:`fmt_kr` / :func:`fmt_int` write numbers the Swedish way: ``1 234 567 kr``.
* :func:`use_style` and :data:`FUND_COLORS` give every chart the same look and colours.
* :func:`funding_by_fund_year`, :func:`fund_money_by_year` and :func:`plot_funding_by_year`
  make the main chart of ``notebooks/funding_by_year.py``; ``devtools.render_chart`` renders
  the README image with the same functions.
* :func:`criterion_key`, :func:`compare_criteria`, :func:`content_words` are the pure text
  helpers of ``notebooks/criteria_over_time.py``.

Nothing here writes to the warehouse.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from pipeline.config import REPO_ROOT

if TYPE_CHECKING:  # matplotlib is an optional ("notebooks") dependency
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DEFAULT_DB = "warehouse/namnd.duckdb"
NO_DATA = "Ingen data i lagret"

# --------------------------------------------------------------------------- the warehouse


def resolve_db_path(db_path: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file: the argument, else ``$NAMND_DB``, else the default.

    A relative path is taken relative to the repo root, so a notebook (whose kernel runs in
    ``notebooks/``) and a shell in the repo root mean the same file.
    """
    raw = db_path or os.environ.get("NAMND_DB") or DEFAULT_DB
    path = Path(raw).expanduser()
    return path if path.is_absolute() else REPO_ROOT / path


@dataclass
class Warehouse:
    """A read-only connection plus what a reader should know about it."""

    path: Path
    con: duckdb.DuckDBPyConnection
    exists: bool

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a read query and return a DataFrame (empty, with its columns, when no rows)."""
        return self.con.execute(query, params or []).df()

    def count(self, relation: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {relation}").fetchone()
        return int(row[0]) if row else 0

    @property
    def is_empty(self) -> bool:
        return self.count("v_documents_canonical") == 0

    def describe(self) -> str:
        """One line for the top of a notebook: which file, how much is in it, or why nothing."""
        if not self.exists:
            return (
                f"{NO_DATA}: filen {self.path} finns inte. Kör `namnd run` (eller sätt NAMND_DB "
                "till ett befintligt lager). Tabeller och diagram nedan blir tomma."
            )
        if self.is_empty:
            return (
                f"{NO_DATA}: {self.path} har inga inlästa dokument ännu. Kör `namnd run`. "
                "Tabeller och diagram nedan blir tomma."
            )
        n_files, n_decisions = self.count("documents"), self.count("v_documents_canonical")
        n_projects = self.count("v_projects")
        return (
            f"Lager: {self.path} — {fmt_int(n_files)} filer med {fmt_int(n_decisions)} olika "
            f"beslut/dokument och {fmt_int(n_projects)} projekt."
        )

    def close(self) -> None:
        self.con.close()


def open_warehouse(db_path: str | os.PathLike[str] | None = None) -> Warehouse:
    """Open the warehouse read-only; a missing file gives an empty in-memory warehouse.

    An open read-only connection keeps `namnd run` from writing; call ``wh.close()`` (or
    restart the kernel) before the next run.
    """
    from pipeline.warehouse import connect_read

    path = resolve_db_path(db_path)
    if path.is_file():
        return Warehouse(path=path, con=connect_read(path), exists=True)
    con = duckdb.connect(":memory:")
    create_schema(con)
    return Warehouse(path=path, con=con, exists=False)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the warehouse's tables and views (no rows) in `con`, from the package's SQL."""
    from pipeline.warehouse.migrate import install_views, migrate

    migrate(con)
    install_views(con)


# --------------------------------------------------------------------------- numbers

_MINUS = "\u2212"


def fmt_int(value: Any, unit: str = "") -> str:
    """``1234567`` → ``"1 234 567"`` (with ``unit`` appended after a space); blanks → ``"–"``."""
    try:
        if value is None or pd.isna(value):
            return "–"
    except (TypeError, ValueError):  # pd.isna of a list or array: not a number anyway
        pass
    n = round(float(value))
    text = f"{abs(n):,}".replace(",", " ")
    if n < 0:
        text = _MINUS + text
    return f"{text} {unit}" if unit else text


def fmt_kr(value: Any) -> str:
    """Kronor the Swedish way: ``1234567`` → ``"1 234 567 kr"``; blanks → ``"–"``."""
    return fmt_int(value, "kr")


def kr_axis(ax: Axes, axis: str = "y") -> None:
    """Tick labels as whole kronor with space as the thousands separator."""
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda v, _pos: fmt_int(v))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


# --------------------------------------------------------------------------- chart style

FUND_ORDER = ["LUM", "MUL", "MUST", "FUM", "ESF", "statsbidrag"]
FUND_COLORS = {
    "LUM": "#1f5f99",  # lokala utvecklingsmedel
    "MUL": "#e0902b",  # studieresor (medel för utvecklande lärande)
    "MUST": "#f2c14e",  # studieresor, äldre namn
    "FUM": "#3c9d5d",  # stadsövergripande forskningsmedel
    "ESF": "#8a63b8",
    "statsbidrag": "#b04a5a",
}
OTHER_COLOR = "#9a9a9a"
FUND_NAMES = {
    "LUM": "LUM – lokala utvecklingsmedel",
    "MUL": "MUL – studieresor",
    "MUST": "MUST – studieresor",
    "FUM": "FUM – stadsövergripande forskning",
    "ESF": "ESF – Europeiska socialfonden",
    "statsbidrag": "Statsbidrag",
}
UNKNOWN_FUND = "okänd fond"


def use_style() -> None:
    """The one look for every chart: DejaVu Sans (has å ä ö), light grid, no top/right spine."""
    import matplotlib as mpl

    mpl.rcParams.update(
        {
            "figure.figsize": (9, 4.8),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.grid.axis": "y",
            "grid.color": "#dddddd",
            "grid.linewidth": 0.8,
            "axes.axisbelow": True,
            "legend.frameon": False,
        }
    )


def fund_color(fund: str) -> str:
    return FUND_COLORS.get(fund, OTHER_COLOR)


def fund_sort_key(fund: str) -> tuple[int, str]:
    return (FUND_ORDER.index(fund) if fund in FUND_ORDER else len(FUND_ORDER), fund)


def no_data(ax: Axes, message: str = NO_DATA) -> None:
    """Mark an axes as empty with a message a reader cannot miss."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=12)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def year_table(frame: pd.DataFrame, index: str, values: str) -> pd.DataFrame:
    """Rows `index`, one column per year, cells the sum of `values` (0 where nothing).

    Rows without a year are left out; an empty `frame` gives an empty table.
    """
    rows = frame.dropna(subset=["year"])
    if rows.empty:
        return pd.DataFrame(index=pd.Index([], name=index), columns=pd.Index([], name="År"))
    table = rows.pivot_table(index=index, columns="year", values=values, aggfunc="sum")
    table = table.fillna(0).astype("int64")
    table.columns = pd.Index([int(y) for y in table.columns], name="År")
    return table


def heatmap(ax: Axes, table: pd.DataFrame, fmt: Any = fmt_int, cmap: str = "Blues") -> None:
    """A table as coloured cells with the value written in each; empty → "Ingen data"."""
    if table.empty:
        no_data(ax)
        return
    values = table.to_numpy(dtype=float)
    ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns])
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    high = values.max() or 1
    for (r, c), v in pd.DataFrame(values).stack().items():
        if v:
            ax.text(
                c,
                r,
                fmt(v),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if v > 0.6 * high else "black",
            )


# --------------------------------------------------------------------------- the main chart

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


# --------------------------------------------------------------------------- coverage

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


# --------------------------------------------------------------------------- criteria text

# Characters OCR confuses, folded the same way on both sides of a comparison.
_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s", "€": "e"})
_LEADING_FILLER = re.compile(r"^(?:\d+[.)]?\s+|[-–•*]\s*)?(?:att|är|har|ska|som|och)\s+", re.I)


def criterion_key(text: str) -> str:
    """A comparison key for a criterion: case, accents, punctuation, spacing and common OCR
    confusions (0/o, 1/l, rn/m, hyphenated line breaks) do not matter."""
    t = unicodedata.normalize("NFKC", text).strip()
    t = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", t)  # "forsknings-\nanknytning"
    t = _LEADING_FILLER.sub("", t.lower())
    t = unicodedata.normalize("NFKD", t)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.translate(_OCR_FOLD).replace("rn", "m")
    return re.sub(r"[^a-z0-9]+", "", t)


@dataclass(frozen=True)
class CriteriaChange:
    """How the criteria of one fund type and kind changed from one year to the next."""

    kept: list[tuple[str, str]]  # (earlier text, later text), fuzzy-equal
    appeared: list[str]
    disappeared: list[str]


def compare_criteria(
    before: Iterable[str], after: Iterable[str], threshold: float = 85.0
) -> CriteriaChange:
    """Pair criteria of two years one-to-one by fuzzy similarity of :func:`criterion_key`.

    Pairs are taken best first; a pair counts as the same criterion when the similarity
    (rapidfuzz ``ratio``, 0-100) reaches `threshold`. What is left over appeared or disappeared.
    """
    from rapidfuzz import fuzz

    old, new = list(before), list(after)
    scored = sorted(
        (
            (fuzz.ratio(criterion_key(a), criterion_key(b)), i, j)
            for i, a in enumerate(old)
            for j, b in enumerate(new)
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    kept: list[tuple[int, int]] = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            kept.append((i, j))
    return CriteriaChange(
        kept=[(old[i], new[j]) for i, j in sorted(kept)],
        appeared=[b for j, b in enumerate(new) if j not in used_new],
        disappeared=[a for i, a in enumerate(old) if i not in used_old],
    )


_WORD = re.compile(r"[a-zåäöéü]+(?:-[a-zåäöéü]+)*", re.I)
# Words too common in these documents to say anything about a year's priorities.
DOMAIN_STOP_WORDS = frozenset(
    {"projekt", "projektet", "staden", "stadens", "inom", "samt", "även", "genom", "utifrån"}
)


def swedish_stop_words() -> frozenset[str]:
    """spaCy's Swedish stop words plus a few that are noise in these documents."""
    from spacy.lang.sv.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | DOMAIN_STOP_WORDS


def content_words(texts: Iterable[str], min_len: int = 3) -> Counter[str]:
    """Counts of lower-cased content words (no stop words, no short words) in `texts`."""
    stop = swedish_stop_words()
    counts: Counter[str] = Counter()
    for text in texts:
        for word in _WORD.findall(unicodedata.normalize("NFKC", text).lower()):
            if len(word) >= min_len and word not in stop:
                counts[word] += 1
    return counts
