"""Thirty-sixth session: two grants of the same owners in consecutive years whose names share
a topic only ("Våld i nära relationer", "Akuta hembesök vid våld i nära relation") are two
projects, unless the text says one goes on from the other."""

from __future__ import annotations

import datetime as dt

from pipeline.warehouse.series import LINK_AT
from pipeline.warehouse.series_pairs import Mention, name_key, pair_evidence


def _grant(pid: str, doc: str, name: str, year: int) -> Mention:
    return Mention(
        project_id=pid,
        doc_id=doc,
        name=name,
        key=name_key(name),
        fund_type="LUM",
        year=year,
        status="beviljad",
        performer=None,
        districts=frozenset({"socialforvaltningen", "socialjouren"}),
        decision_key=doc,
        doc_date=dt.date(year - 1, 12, 10),
    )


def test_names_alike_in_topic_only_are_no_link() -> None:
    a = _grant("p1", "d1", "Akuta hembesök vid våld i nära relation", 2019)
    b = _grant("p2", "d2", "Våld i nära relationer", 2020)
    texts = {"d1": "akuta hembesok vid vald i nara relation", "d2": "vald i nara relationer"}
    score, ev = pair_evidence(a, b, texts, {"d1": [a.key], "d2": [b.key]})
    assert score < LINK_AT
    assert ev["names"] == "alike in topic only"


def test_a_reference_still_links_names_alike_in_topic_only() -> None:
    a = _grant("p1", "d1", "Akuta hembesök vid våld i nära relation", 2019)
    b = _grant("p2", "d2", "Våld i nära relationer", 2020)
    texts = {
        "d1": "akuta hembesok vid vald i nara relation",
        "d2": "vald i nara relationer ar 2 av projektet som tidigare beviljades",
    }
    score, ev = pair_evidence(a, b, texts, {"d1": [a.key], "d2": [b.key]})
    assert "names" not in ev
    assert score >= LINK_AT
