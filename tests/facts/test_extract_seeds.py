"""Extraction on the five seed transcripts, measured against the gold annotations.

The seeds go through the real understanding stage. Projects are matched to gold by name
(``token_sort_ratio`` >= 80, aliases allowed: extra or missing words count), criteria by text (``ratio`` >= 85), as
``namnd eval`` does; the thresholds below are what the rules reach today, so a change that
loses a project, a district, an amount role or a criterion fails here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from extract_helpers import GOLD, TRANSCRIPTS, understood
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from pipeline.facts.spacy_pipeline import gazetteer
from pipeline.facts.stage import extract
from pipeline.records import Facts

SEEDS = sorted(p.stem for p in TRANSCRIPTS.glob("*.txt"))


def _gold(stem: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def _facts(stem: str) -> Facts:
    return extract(understood(TRANSCRIPTS / f"{stem}.txt"))


def _name(did: str) -> str:
    return gazetteer().district(did).name


def _match_projects(gold: list[dict[str, Any]], facts: Facts) -> list[tuple[dict[str, Any], Any]]:
    used: set[int] = set()
    pairs = []
    for gp in gold:
        names = [gp["name"], *gp.get("aliases", [])]
        scored = [
            (max(fuzz.token_sort_ratio(n, p.name, processor=default_process) for n in names), i)
            for i, p in enumerate(facts.projects)
            if i not in used
        ]
        best = max(scored, default=(0.0, -1))
        if best[0] >= 80:
            used.add(best[1])
            pairs.append((gp, facts.projects[best[1]]))
    return pairs


# Listed projects (lists and tables) must all be found with the right districts.
@pytest.mark.parametrize("stem", [s for s in SEEDS if s[:3] in ("001", "002")])
def test_listed_projects_complete(stem: str) -> None:
    gold = [p for p in _gold(stem)["projects"] if p.get("listed")]
    facts = _facts(stem)
    pairs = _match_projects(gold, facts)
    assert len(pairs) == len(gold)
    for gp, p in pairs:
        assert {_name(d.district_id) for d in p.districts} == set(gp["districts"]), gp["name"]
        assert p.fund_type == gp["fund_type"], gp["name"]
        assert p.year == gp["year"], gp["name"]
        assert p.status == gp["status"], gp["name"]
    assert len(facts.projects) == len(gold)  # and nothing else


def test_fum_studies_with_performer_end_date_and_cost() -> None:
    stem = next(s for s in SEEDS if s.startswith("001"))
    gold = [p for p in _gold(stem)["projects"] if p["fund_type"] == "FUM"]
    pairs = _match_projects(gold, _facts(stem))
    assert len(pairs) == len(gold)
    for gp, p in pairs:
        assert p.amount_sek == gp["amount_sek"], gp["name"]
        assert fuzz.ratio(p.performer or "", gp["performer"] or "") >= 85, (
            p.performer,
            gp["performer"],
        )
        got_end = p.end_date.isoformat() if p.end_date else None
        want = gp["end_date"]
        assert (got_end or "")[: len(want or "")] == (want or "") and bool(got_end) == bool(want), (
            gp["name"]
        )


@pytest.mark.parametrize("stem", SEEDS)
def test_every_amount_with_its_role(stem: str) -> None:
    gold = _gold(stem)["amounts"]
    facts = _facts(stem)
    want = Counter((a["sek"], a["kind"]) for a in gold)
    got = Counter((a.sek, a.kind) for a in facts.amounts)
    assert want == got


def _amount_year_case(stem: str) -> Any:
    if not stem.startswith("003"):
        return stem
    # Seed 003 (2013 protokollsutdrag on the 2014 ledningsprogram): its three amounts are for
    # 2014 (the programme runs over 2014, SCHEMA.md: "the year the amount applies to"), the
    # rules give 2013, the year of the document. What would fix it: taking an amount's year
    # from what the money is for (the subject line, "under 2014", the programme's period),
    # not from the document's date -- issue 14, "The year". strict: when it passes, this
    # marker must go, so the seed is then gated like the others.
    return pytest.param(
        stem,
        marks=pytest.mark.xfail(
            strict=True, reason="amount year 2013 from the document date; gold 2014 (issue 14)"
        ),
    )


@pytest.mark.parametrize("stem", [_amount_year_case(s) for s in SEEDS])
def test_amount_fund_and_year(stem: str) -> None:
    gold = _gold(stem)["amounts"]
    facts = _facts(stem)
    want = Counter((a["sek"], a["kind"], a["fund_type"], a["year"]) for a in gold)
    got = Counter((a.sek, a.kind, a.fund_type, a.year) for a in facts.amounts)
    assert want == got


@pytest.mark.parametrize("stem", [s for s in SEEDS if s[:3] in ("000", "001", "002", "003")])
def test_criteria_item_by_item(stem: str) -> None:
    gold = _gold(stem)["criteria"]
    got = list(_facts(stem).criteria)
    assert len(got) == len(gold)
    for g, c in zip(gold, got, strict=True):
        # OCR may leave a letter unrepaired; the text must still be recognisably the item
        assert fuzz.ratio(g["text"], c.text) >= 75, (g["text"], c.text)
        assert (c.kind, c.fund_type, c.year, c.position) == (
            g["kind"],
            g["fund_type"],
            g["year"],
            g["position"],
        ), g["text"]


@pytest.mark.parametrize("stem", SEEDS)
def test_district_mentions(stem: str) -> None:
    gold = set(_gold(stem)["districts_mentioned"])
    got = {_name(m.district_id) for m in _facts(stem).mentions}
    assert gold <= got
    assert len(got - gold) <= 1  # Preventionscentrum Stockholm, a unit the 2008 gold leaves out


def test_stable_ids_and_provenance() -> None:
    stem = next(s for s in SEEDS if s.startswith("001"))
    a, b = _facts(stem), extract(understood(Path(TRANSCRIPTS / f"{stem}.txt")))
    assert [p.project_id for p in a.projects] == [p.project_id for p in b.projects]
    assert len({p.project_id for p in a.projects}) == len(a.projects)
    assert len({x.amount_id for x in a.amounts}) == len(a.amounts)
    assert all(p.evidence and p.page_no >= 1 for p in a.projects)
    assert all(x.evidence and x.page_no >= 1 for x in a.amounts)
    ids = {p.project_id for p in a.projects}
    assert all(x.project_id in ids for x in a.amounts if x.project_id)


@pytest.mark.parametrize("stem", [s for s in SEEDS if s[:3] in ("000", "003")])
def test_projects_named_in_the_text(stem: str) -> None:
    gold = _gold(stem)["projects"]
    facts = _facts(stem)
    pairs = _match_projects(gold, facts)
    # the 2013 ledningsprogram is known only from a decision item and its bilaga: not found yet
    assert len(pairs) >= len(gold) - (1 if stem.startswith("003") else 0)
    assert len(facts.projects) == len(pairs)
    for gp, p in pairs:
        assert p.fund_type == gp["fund_type"], gp["name"]
        assert p.status == gp["status"], gp["name"]
        assert {_name(d.district_id) for d in p.districts} == set(gp["districts"]), gp["name"]
