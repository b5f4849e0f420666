"""Numbers written the Swedish way (``1 234 567 kr``), and the one look of every chart: style,
fund colours and names, the "no data" panel, year tables and heatmaps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:  # matplotlib is an optional ("notebooks") dependency
    from matplotlib.axes import Axes


NO_DATA = "Ingen data i lagret"

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
