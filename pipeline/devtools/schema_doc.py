"""Rewrite README's list of tables, views and macros from the SQL files.

    python -m pipeline.devtools.schema_doc --write README.md

The list sits between ``<!-- schema:start -->`` and ``<!-- schema:end -->``; it is rendered
by `pipeline.warehouse.schema`, the same code as `namnd schema`, and a test checks it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.warehouse.schema import render_markdown, write_readme


def main() -> None:
    ap = argparse.ArgumentParser(description="README's list of tables and views")
    ap.add_argument("--write", type=Path, help="rewrite this README's list in place")
    args = ap.parse_args()
    if args.write:
        write_readme(args.write)
    else:
        print(render_markdown(), end="")


if __name__ == "__main__":
    main()
