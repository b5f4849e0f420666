"""Project series: the mentions of one project across documents and years, linked.

A project is named in several documents over its life: the application, the decision that
grants it, the annual report that lists it, the redovisning of what was done, the
application for its second year. Copies of one decision (a scan and a transcript) name it
again. Each mention is a row of `projects`; this module links the rows that are one
project and gives each group a `series_id`.

    2020-12  Fördelning av LUM 2021:   "Ungdomsjour på nätet"    Socialjouren  310 000  beviljad
    2022-04  Redovisning LUM 2021:     "Chattjouren för unga"    Socialjouren  310 000  genomförd
             ("Chattjouren för unga hette i ansökan Ungdomsjour på nätet")

Evidence for a link between two mentions in different documents (``pair_evidence``):

* the folded names (rapidfuzz ratio, 0–1) — the backbone;
* districts in today's boundaries: overlapping, or disjoint (a strong sign of two projects);
* fund and year: the same fund, a year apart at most; a gap of four years or more is rarely
  one project;
* the performer, when both name one;
* explicit references: the later document names the earlier mention ("hette", "nya
  namnet") or speaks of a continuation ("år 2", "fortsättning", "tidigare beviljade") next
  to the project;
* the documents' roles: a grant (beviljad/ansökt) and a later report (genomförd/pågående)
  of the same fund and year; within such a pair of documents, a project left alone in its
  district on both sides after the sure links is the same project renamed;
* copies of one decision (v_document_copies.decision_key): the same list read twice.

The score (0–1) links at ``LINK_AT`` and above, rejects below ``REJECT_BELOW``; pairs in
between go to the review list (`project_links.decision = 'review'`, `namnd links`).
Analysts' judgements (``warehouse/overrides/project_links.csv``: ``same`` / ``different``,
keyed by project ids) win over the score and are re-applied on every run; a judgement
whose ids are gone is reported as orphaned. Two mentions from the same document are never
one series (a list names each project once).

series_id = ``s-`` + 12 hex digits of the sha256 of the smallest project_id in the
series: content-derived, so it stays while that mention exists.

The parts: `series_pairs` reads the mentions, scores a pair (the evidence above) and
finds the candidate pairs; `series_judgements` reads and records the analysts'
judgements; this module decides each pair, applies the judgements and groups the links
into series (`link_projects`, a union that keeps two mentions of one document apart).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipeline.warehouse.db import insert_rows
from pipeline.warehouse.series_judgements import Judgement, check_judgement, read_judgements
from pipeline.warehouse.series_pairs import (
    Mention,
    candidate_pairs,
    document_texts,
    pair_evidence,
    read_mentions,
    reference_pairs,
    sole_pairs,
)

#: Link at or above this score. On the gold links (tests/gold/longitudinal/project_links.csv)
#: the sure pairs score 0.95–1.0 and the closest different pair 0.64.
LINK_AT = 0.85
#: A link at or above this score may join two series whatever their other pairs say; a
#: weaker one may not bridge two series another scored pair keeps apart.
SURE = 0.95
#: Reject below this score; between the two, a pair goes to the review list.
REJECT_BELOW = 0.60


@dataclass
class Link:
    a: str
    b: str
    score: float
    decision: str  # same | different | review
    decided_by: str  # rule | analyst
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class SeriesReport:
    """What a run of `link_projects` did, for the run summary and `namnd status`."""

    n_series: int = 0
    n_linked: int = 0
    n_review: int = 0
    applied: list[Judgement] = field(default_factory=list)
    orphaned: list[tuple[Judgement, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Summary lines when a pair waits for review or a judgement is orphaned, else none."""
        if not self.n_review and not self.orphaned:
            return []
        out = [
            f"series: {self.n_series} series, {self.n_linked} link(s), "
            f"{self.n_review} pair(s) to review (namnd links)"
        ]
        out += [
            f"  orphaned link judgement: {j.source} {j.judgement} {j.a} {j.b}: {why}"
            for j, why in self.orphaned
        ]
        return out


# --------------------------------------------------------------------------- grouping


class _Groups:
    """Union-find that refuses to join two mentions of one document or a 'different' pair."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.parent = {m.project_id: m.project_id for m in mentions}
        self.docs = {m.project_id: {m.doc_id} for m in mentions}
        self.members = {m.project_id: {m.project_id} for m in mentions}
        self.apart: dict[str, set[str]] = defaultdict(set)

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def keep_apart(self, a: str, b: str) -> None:
        self.apart[a].add(b)
        self.apart[b].add(a)

    def doubted(self, a: str, b: str, doubtful: set[tuple[str, str]]) -> bool:
        """Whether a pair of the two series (other than a, b), scored and not found the
        same, stands between them."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        return any(
            (min(p, q), max(p, q)) in doubtful
            for p in self.members[ra]
            for q in self.members[rb]
            if (p, q) != (a, b) and (p, q) != (b, a)
        )

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.docs[ra] & self.docs[rb]:
            return False
        members_b = self.members[rb]
        if any(self.apart[p] & members_b for p in self.members[ra]):
            return False
        self.parent[rb] = ra
        self.docs[ra] |= self.docs.pop(rb)
        self.members[ra] |= self.members.pop(rb)
        return True


def series_id(member_ids: Iterable[str]) -> str:
    return "s-" + hashlib.sha256(min(member_ids).encode()).hexdigest()[:12]


def link_projects(con: duckdb.DuckDBPyConnection, overrides_dir: Path) -> SeriesReport:
    """Score candidate pairs, apply judgements, write project_links and projects.series_id."""
    mentions = read_mentions(con)
    by_id = {m.project_id: m for m in mentions}
    texts = document_texts(con)
    own: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        own[m.doc_id].append(m.key)
    report = SeriesReport()

    links: dict[tuple[str, str], Link] = {}

    def consider(i: int, j: int, sole: bool = False) -> None:
        a, b = sorted((mentions[i], mentions[j]), key=lambda m: m.project_id)
        score, ev = pair_evidence(a, b, texts, own)
        if sole:
            ev["sole"] = "the only one left in its district in a grant and its report"
            score = min(1.0, score + 0.45)
        decision = "same" if score >= LINK_AT else "different" if score < REJECT_BELOW else "review"
        links[(a.project_id, b.project_id)] = Link(
            a.project_id, b.project_id, round(score, 3), decision, "rule", ev
        )

    pairs = set(candidate_pairs(mentions))
    for i, j in pairs:
        consider(i, j)
    for i, j in reference_pairs(mentions, texts) - pairs:
        a, b = mentions[i], mentions[j]
        years_apart = abs(a.year - b.year) if a.year is not None and b.year is not None else 99
        if a.fund_type == b.fund_type and years_apart <= 3:
            consider(i, j)
    sure = {k for k, lk in links.items() if lk.decision == "same"}
    for i, j in sole_pairs(mentions, sure):
        consider(i, j, sole=True)

    judgements = read_judgements(overrides_dir)
    groups = _Groups(mentions)
    for jd in judgements:
        why = check_judgement(jd, by_id)
        if why:
            report.orphaned.append((jd, why))
            continue
        report.applied.append(jd)
        key = (min(jd.a, jd.b), max(jd.a, jd.b))
        old = links.get(key)
        ev = dict(old.evidence) if old else {}
        ev["judgement"] = f"{jd.source}" + (f": {jd.note}" if jd.note else "")
        score = old.score if old else 1.0
        links[key] = Link(key[0], key[1], score, jd.judgement, "analyst", ev)
        if jd.judgement == "different":
            groups.keep_apart(jd.a, jd.b)
    ordered = sorted(  # judgements first; among equal scores, the more alike names first
        links.values(),
        key=lambda lk: (
            lk.decided_by != "analyst",
            -lk.score,
            -lk.evidence.get("name", 0),
            lk.a,
            lk.b,
        ),
    )
    doubtful = {k for k, lk in links.items() if lk.decision != "same" and lk.decided_by == "rule"}
    for lk in ordered:
        unsure = lk.score < SURE or float(lk.evidence.get("name", 1.0)) < SURE
        if lk.decision == "same" and unsure and groups.doubted(lk.a, lk.b, doubtful):
            # a link short of sure, or sure only by its years and district while the names
            # differ ("Föräldrar …" / "Föräldraskap …"), does not bridge two series whose
            # other mentions were scored against each other and not found the same: no
            # chain of look-alikes
            lk.decision = "review"
            lk.evidence["refused"] = "would bridge two series that other pairs keep apart"
            continue
        if lk.decision == "same" and not groups.union(lk.a, lk.b):
            lk.evidence["refused"] = "would join two mentions of one document or a 'different' pair"
            if lk.decided_by == "rule":  # copies: the other project of the list; else review
                lk.decision = "different" if "copies" in lk.evidence else "review"
    members: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        members[groups.find(m.project_id)].append(m.project_id)
    sid = {pid: series_id(ids) for ids in members.values() for pid in ids}
    _write(con, links.values(), sid)
    report.n_series = len(members)
    report.n_linked = sum(1 for lk in links.values() if lk.decision == "same")
    report.n_review = sum(1 for lk in links.values() if lk.decision == "review")
    return report


def _write(con: duckdb.DuckDBPyConnection, links: Iterable[Link], sid: dict[str, str]) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM project_links")
        rows = [
            (
                lk.a,
                lk.b,
                lk.score,
                lk.decision,
                lk.decided_by,
                json.dumps(lk.evidence, ensure_ascii=False),
            )
            for lk in links
        ]
        if rows:
            insert_rows(
                con,
                "project_links",
                ["project_a", "project_b", "score", "decision", "decided_by", "evidence"],
                rows,
            )
        con.execute("UPDATE projects SET series_id = NULL")
        if sid:
            con.execute("CREATE TEMP TABLE _series (project_id VARCHAR, series_id VARCHAR)")
            insert_rows(con, "_series", None, list(sid.items()))
            con.execute(
                "UPDATE projects SET series_id = s.series_id FROM _series AS s "
                "WHERE s.project_id = projects.project_id"
            )
            con.execute("DROP TABLE _series")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
