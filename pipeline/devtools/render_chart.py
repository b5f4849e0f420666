"""Render the main chart of ``notebooks/funding_by_year.py`` to a PNG (README's image).

Usage::

    python -m pipeline.devtools.render_chart [--db PATH] [--out notebooks/img/funding_by_year.png]

The warehouse is ``--db``, else ``$NAMND_DB``, else ``warehouse/namnd.duckdb`` (opened
read-only). The chart is drawn by the same functions the notebook calls
(``funding_by_fund_year``, ``fund_money_by_year``, ``plot_funding_by_year`` and
``shade_incomplete_years`` in
:mod:`pipeline.notebook_support`), so
the image and the notebook never disagree.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pipeline import notebook_support as ns

DEFAULT_OUT = ns.REPO_ROOT / "notebooks" / "img" / "funding_by_year.png"


def render(db_path: str | Path | None, out: Path) -> Path:
    """Draw the chart from the warehouse at `db_path` and write it to `out` atomically."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ns.use_style()
    wh = ns.open_warehouse(db_path)
    try:
        by_fund_year = ns.funding_by_fund_year(wh)
        money = ns.fund_money_by_year(wh, by_fund_year)
        fig = ns.plot_funding_by_year(by_fund_year, money)
        ns.shade_incomplete_years(fig, by_fund_year, money, ns.coverage_by_fund_year(wh))
    finally:
        wh.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.stem + ".", suffix=".png.tmp", dir=out.parent)
    os.close(fd)
    try:
        # Fixed metadata so that the same data gives byte-identical PNGs (diffs stay quiet).
        fig.savefig(tmp, format="png", metadata={"Software": None})
        os.replace(tmp, out)
    finally:
        plt.close(fig)
        Path(tmp).unlink(missing_ok=True)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.devtools.render_chart",
        description="Render the funding-by-year chart (notebooks/funding_by_year.py) to a PNG.",
    )
    parser.add_argument(
        "--db", help="warehouse file (default: $NAMND_DB or warehouse/namnd.duckdb)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"PNG to write (default: {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)
    wh_path = ns.resolve_db_path(args.db)
    if not wh_path.is_file():
        print(f"render_chart: no warehouse at {wh_path}; run `namnd run` first", file=sys.stderr)
        return 2
    out = render(wh_path, args.out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
