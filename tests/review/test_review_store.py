"""The review page's parts without a browser: typed form fields, the reviews file, the queue
order, and an accepted value that a rerun changes coming back to the queue (real DuckDB, a
copy of the samples' warehouse)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from pipeline.review import forms
from pipeline.review.queue import LOW_CONFIDENCE, load_items
from pipeline.review.store import Store
from pipeline.warehouse.override_apply import correction_states
from tests.review_helpers import copy_samples, samples_root

KRONOR = forms.FIELDS["amounts"][0]
DATE = next(f for f in forms.FIELDS["projects"] if f.kind == "date")
FUND = next(f for f in forms.FIELDS["projects"] if f.kind == "fund")
DISTRICT = next(f for f in forms.FIELDS["projects"] if f.kind == "district")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("450000", "450000"),
        ("450 000", "450000"),
        ("450\u00a0000 kr", "450000"),
        ("1.250.000 kronor", "1250000"),
        ("", ""),
    ],
)
def test_kronor_are_whole_numbers(typed: str, value: str) -> None:
    assert forms.parse(KRONOR, typed, {}) == (value, None)


@pytest.mark.parametrize("typed", ["tolv tusen", "450,5", "45 00", "-3", "450000 euro"])
def test_what_is_not_kronor_is_said(typed: str) -> None:
    value, problem = forms.parse(KRONOR, typed, {})
    assert value is None and problem is not None and "whole number of kronor" in problem


def test_dates_funds_and_districts_come_from_their_vocabularies() -> None:
    assert forms.parse(DATE, "2021-12-31", {}) == ("2021-12-31", None)
    assert forms.parse(DATE, "31/12/2021", {})[1] == "'31/12/2021' is not a date as YYYY-MM-DD"
    assert forms.parse(FUND, "LUM", {}) == ("LUM", None)
    assert "not a fund of the vocabulary" in str(forms.parse(FUND, "XYZ", {})[1])
    assert forms.parse(DISTRICT, "jarva", {"jarva": "Järva"}) == ("jarva", None)
    assert forms.parse(DISTRICT, "atlantis", {"jarva": "Järva"})[1] is not None


def test_acceptances_are_withdrawn_by_undo_and_survive_damaged_lines(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.accept("amounts", "k1", "f1")
    store.accept("amounts", "k2", "f2")
    assert store.accepted() == {("amounts", "k1"): "f1", ("amounts", "k2"): "f2"}
    undone = store.undo()
    assert undone is not None and undone.key == "k2"
    with store.reviews_path.open("a", encoding="utf-8") as fh:
        fh.write('{"table": "amounts", "key": \n')  # a line cut short by a crash
    assert store.accepted() == {("amounts", "k1"): "f1"}
    assert Store(tmp_path).undo() is None  # undo is per server: a new one has nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", "reviews.jsonl"]


@pytest.fixture
def copy(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Path]:
    if os.environ.get("NAMND_TEST_SAMPLES_ROOT"):
        root = samples_root(Path())
    else:
        built = request.getfixturevalue("samples_warehouse")
        assert built.exit_code == 0, built.output
        root = samples_root(built.db)
    return copy_samples(root, tmp_path / "copy")


def _items(paths: dict[str, Path], store: Store) -> list:
    con = duckdb.connect(str(paths["db"]), read_only=True)
    try:
        return load_items(con, store.accepted(), correction_states(con, paths["overrides"]))
    finally:
        con.close()


def test_queue_order_and_a_changed_value_returns_to_the_queue(copy: dict[str, Path]) -> None:
    store = Store(copy["overrides"])
    items = _items(copy, store)
    assert {i.table for i in items} == {"projects", "amounts", "criteria"}
    ranks = [0 if i.checks else 1 if i.confidence < LOW_CONFIDENCE else 2 for i in items]
    assert ranks == sorted(ranks)
    low = [i.confidence for i, r in zip(items, ranks, strict=True) if r == 1]
    assert low == sorted(low)
    assert [i.key for i in _items(copy, store)] == [i.key for i in items]  # stable order

    target = next(i for i in items if i.table == "amounts")
    store.accept("amounts", target.key, target.fingerprint)
    again = {i.key: i for i in _items(copy, store)}
    assert again[target.key].accepted and again[target.key].status == "accepted"

    con = duckdb.connect(str(copy["db"]))  # a rerun that reads the amount differently
    try:
        con.execute("UPDATE amounts SET sek = sek + 1 WHERE amount_id = ?", [target.key])
    finally:
        con.close()
    after = {i.key: i for i in _items(copy, store)}
    assert not after[target.key].accepted and after[target.key].status == "to review"
