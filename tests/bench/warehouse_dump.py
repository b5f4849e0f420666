"""Dump every table of a warehouse, rows sorted, for a before/after comparison (issue 19).

    python tests/bench/warehouse_dump.py WAREHOUSE.duckdb OUT.txt [--keep-volatile]

A speed change must not change what a run loads: run the same inputs through two checkouts
(separate warehouses and caches), dump both and `diff` them. Columns that record when or how
long (timestamps, seconds, run ids) and digests over them are left out unless
``--keep-volatile``; so are the pipeline's `runs` and `ingest_log` timing columns.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

#: columns whose values are clock readings or digests of them
VOLATILE = {
    "loaded_at",
    "seconds",
    "started_at",
    "finished_at",
    "elapsed_s",
    "run_id",
    "updated_at",
    "created_at",
    "applied_at",
    "first_applied_at",
    "last_ok_at",
    "checked_at",
    "linked_at",
    "at",
}
#: (table, key) rows whose value digests clock readings
VOLATILE_ROWS = {("warehouse_meta", "longitudinal_sha256")}


def dump(db: Path, out: Path, keep_volatile: bool = False) -> int:
    con = duckdb.connect(str(db), read_only=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        tables = con.execute(
            "SELECT table_name, table_type FROM information_schema.tables "
            "WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        for table, kind in tables:
            cols = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
            ]
            if not keep_volatile:
                cols = [c for c in cols if c not in VOLATILE]
            if not cols:
                continue
            sel = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f'SELECT {sel} FROM "{table}"').fetchall()
            lines = sorted(repr(r) for r in rows)
            if not keep_volatile and table == "warehouse_meta":
                lines = [ln for ln in lines if not any(f"'{k}'" in ln for t, k in VOLATILE_ROWS)]
            fh.write(f"## {table} ({kind}) {len(lines)} rows: {', '.join(cols)}\n")
            for ln in lines:
                fh.write(ln + "\n")
            n += len(lines)
    con.close()
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("db", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--keep-volatile", action="store_true")
    a = ap.parse_args()
    n = dump(a.db, a.out, a.keep_volatile)
    print(f"{a.out}: {n} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
