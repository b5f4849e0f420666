"""`db.insert_rows` (one INSERT through an Arrow table) stores what `executemany` of the same
statement stores, for the value kinds the warehouse writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb

from pipeline.warehouse.db import insert_rows

_TABLE = """CREATE TABLE t (a VARCHAR, n BIGINT, x DOUBLE, d DATE, ids VARCHAR[],
    sek DECIMAL(18, 2), ok BOOLEAN)"""

ROWS = [
    ("a", 1, 1.5, dt.date(2024, 1, 2), ["p1", "p2"], Decimal("12.50"), True),
    (None, None, None, None, None, None, None),
    ("å ä ö", 2**40, 2, dt.date(2023, 12, 31), [], Decimal("3"), False),  # an int for a double
    ("x", 3, 0.1, dt.date(2020, 2, 29), ["p3"], Decimal("0.01"), None),
]


def _stored(fill: str) -> list[tuple[object, ...]]:
    con = duckdb.connect()
    con.execute(_TABLE)
    if fill == "executemany":
        con.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", ROWS)
    else:
        insert_rows(con, "t", None, ROWS)
    return con.execute("SELECT * FROM t ORDER BY ALL").fetchall()


def test_same_rows_as_executemany() -> None:
    import pyarrow as pa

    for column in zip(*ROWS, strict=True):
        pa.array(list(column))  # every column goes through Arrow (no fallback)
    assert _stored("arrow") == _stored("executemany")


def test_named_columns_and_a_column_arrow_cannot_type() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE u (k VARCHAR, v VARCHAR, w INTEGER DEFAULT 7)")
    insert_rows(con, "u", ["k", "v"], [("a", 1), ("b", "two")])  # mixed int/str: executemany
    assert con.execute("SELECT * FROM u ORDER BY k").fetchall() == [("a", "1", 7), ("b", "two", 7)]
    insert_rows(con, "u", ["k"], [])
    assert con.execute("SELECT count(*) FROM u").fetchone() == (2,)
