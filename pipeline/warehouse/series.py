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
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from rapidfuzz import fuzz

from pipeline.errors import UsageError
from pipeline.lang.fuzzy import fold
from pipeline.warehouse.overrides import LINKS_FILE

#: Link at or above this score. On the gold links (tests/gold/longitudinal/project_links.csv)
#: the sure pairs score 0.95–1.0 and the closest different pair 0.64.
LINK_AT = 0.85
#: Reject below this score; between the two, a pair goes to the review list.
REJECT_BELOW = 0.60
#: Pairs whose names are less alike than this are not candidates (unless their roles and
#: districts pair them, see `_sole_pairs`).
CANDIDATE_NAME = 0.55

#: Rows of the name-similarity matrix computed at once (500 × 20 000 mentions ≈ 40 MB).
_BLOCK = 500

LINKS_HEADER = ("a", "b", "judgement", "expect_a", "expect_b", "note", "recorded_at")

_CONTINUATION = re.compile(
    r"\b(?:ar 2|ar tva|andra ar\w*|fortsattning\w*|tidigare beviljade?s?|hette|"
    r"nya namnet|nytt namn|bytt namn|fortsatt finansiering)\b"
)
#: A continuation word ("år 2", "fortsättning") links mentions at most this many years apart.
_CONTINUATION_GAP = 2
#: How far (folded characters) from a project's name a continuation word may stand.
_CONTINUATION_WINDOW = 80
#: Titles of documents that report on earlier grants (their projects are reported, even
#: when the list calls them "beviljade").
_REPORT_TITLE = re.compile(r"\b(?:redovisning|lagesrapport|slutrapport|uppfoljning)")
_GRANT = ("beviljad", "ansökt")
_REPORT = ("genomförd", "pågående")


@dataclass(frozen=True)
class Mention:
    """One row of `projects` with what linking needs."""

    project_id: str
    doc_id: str
    name: str
    key: str  # folded name, punctuation as spaces
    fund_type: str | None
    year: int | None
    status: str | None
    performer: str | None
    districts: frozenset[str]  # district ids in today's boundaries
    decision_key: str
    doc_date: dt.date | None
    report: bool = False  # the document reports on earlier grants (title, or status)

    @property
    def role(self) -> str:
        """grant | report | '' — what the mention's document does with the project."""
        if self.report or self.status in _REPORT:
            return "report"
        return "grant" if self.status in _GRANT else ""


@dataclass
class Link:
    a: str
    b: str
    score: float
    decision: str  # same | different | review
    decided_by: str  # rule | analyst
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Judgement:
    a: str
    b: str
    judgement: str  # same | different
    expect_a: str | None
    expect_b: str | None
    note: str
    source: str  # "project_links.csv:<line>"


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


# --------------------------------------------------------------------------- reading


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(name)).split())


def read_mentions(con: duckdb.DuckDBPyConnection) -> list[Mention]:
    """Every named project of every loaded document (copies included)."""
    rows = con.execute(
        """
        SELECT p.project_id, p.doc_id, p.name, p.fund_type,
               coalesce(p.year, year(d.doc_date)) AS year, p.status, p.performer,
               list(DISTINCT coalesce(l.district_today_id, pd.district_id))
                   FILTER (WHERE pd.district_id IS NOT NULL) AS districts,
               c.decision_key, d.doc_date, d.title
        FROM projects AS p
        JOIN documents AS d ON d.doc_id = p.doc_id
        JOIN v_document_copies AS c ON c.doc_id = p.doc_id
        LEFT JOIN project_districts AS pd ON pd.project_id = p.project_id
        LEFT JOIN v_district_lineage AS l ON l.district_id = pd.district_id
        WHERE p.name IS NOT NULL AND trim(p.name) <> ''
        GROUP BY ALL
        ORDER BY p.project_id
        """
    ).fetchall()
    return [
        Mention(
            project_id=r[0],
            doc_id=r[1],
            name=r[2],
            key=_name_key(r[2]),
            fund_type=r[3],
            year=r[4],
            status=r[5],
            performer=r[6],
            districts=frozenset(r[7] or ()),
            decision_key=r[8],
            doc_date=r[9],
            report=bool(_REPORT_TITLE.search(fold(r[10] or ""))),
        )
        for r in rows
    ]


def _document_texts(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute(
        "SELECT doc_id, string_agg(coalesce(clean_text, text), '\n' ORDER BY page_no) "
        "FROM pages GROUP BY doc_id"
    ).fetchall()
    return {d: " ".join(re.sub(r"[^\w]+", " ", fold(t or "")).split()) for d, t in rows}


# --------------------------------------------------------------------------- evidence


def name_similarity(a: Mention, b: Mention) -> float:
    """0–1: rapidfuzz ratio of the folded names (the better of as-is and word-sorted)."""
    return max(fuzz.ratio(a.key, b.key), fuzz.token_sort_ratio(a.key, b.key)) / 100.0


def _order(a: Mention, b: Mention) -> tuple[Mention, Mention]:
    """(earlier, later) by year, then document date."""
    ka = (a.year or 0, a.doc_date or dt.date.min, a.project_id)
    kb = (b.year or 0, b.doc_date or dt.date.min, b.project_id)
    return (a, b) if ka <= kb else (b, a)


def _spans(key: str, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(key), text)] if key else []


def _reference(earlier: Mention, later: Mention, texts: dict[str, str], own: list[str]) -> str:
    """How the later mention's document refers to the earlier one, next to the later
    mention's name ('' = it does not): by naming it ("hette i ansökan …") or by a
    continuation word ("år 2", "tidigare beviljades")."""
    text = texts.get(later.doc_id, "")
    here = _spans(later.key, text)
    if not here:
        return ""
    w = _CONTINUATION_WINDOW
    if earlier.key and earlier.key != later.key and len(earlier.key.split()) >= 2:
        taken = [sp for k in own if k != earlier.key for sp in _spans(k, text)]
        for start, end in _spans(earlier.key, text):
            if any(s0 <= start and end <= e0 for s0, e0 in taken):
                continue  # part of one of the document's own project names
            if any(abs(start - s0) <= 2 * w for s0, _e in here):
                return f"names {earlier.name!r}"
    for start, end in here:
        cont = _CONTINUATION.search(text[max(0, start - w) : end + w])
        if cont:
            return f"continuation: {cont.group()!r}"
    return ""


def pair_evidence(
    a: Mention, b: Mention, texts: dict[str, str], own: dict[str, list[str]]
) -> tuple[float, dict[str, Any]]:
    """The score of one candidate pair (0–1) and its evidence, each part named."""
    earlier, later = _order(a, b)
    ev: dict[str, Any] = {}
    name = name_similarity(a, b)
    ev["name"] = round(name, 3)
    score = name
    same_decision = a.decision_key == b.decision_key
    if same_decision:
        ev["copies"] = "copies of one decision"
        score += 0.30
    if a.districts and b.districts:
        if a.districts & b.districts:
            ev["districts"] = sorted(a.districts & b.districts)
            score += 0.10
        elif not same_decision:  # OCR may misread a district in one copy
            ev["districts"] = f"disjoint: {sorted(a.districts)} vs {sorted(b.districts)}"
            score -= 0.30
    if a.fund_type and b.fund_type:
        if a.fund_type == b.fund_type:
            ev["fund"] = a.fund_type
            score += 0.05
        else:
            ev["fund"] = f"different: {a.fund_type} vs {b.fund_type}"
            score -= 0.30
    if a.year is not None and b.year is not None:
        gap = abs(a.year - b.year)
        ev["years"] = f"{earlier.year}→{later.year}"
        score += 0.05 if gap <= 1 else (-0.15 if gap <= 3 else -0.40)
    if (
        a.performer
        and b.performer
        and fuzz.token_set_ratio(fold(a.performer), fold(b.performer)) >= 85
    ):
        ev["performer"] = a.performer
        score += 0.05
    ref = _reference(earlier, later, texts, own.get(later.doc_id, []))
    gap_years = abs(a.year - b.year) if a.year is not None and b.year is not None else 0
    if ref.startswith("continuation") and gap_years > _CONTINUATION_GAP:
        ref = ""  # "år 2" speaks of the year before, not of a project years earlier
    if ref:
        ev["reference"] = ref
        score += 0.35
    if earlier.role == "grant" and later.role == "report":
        ev["roles"] = "a grant, then its report"
        score += 0.10
    return max(0.0, min(1.0, score)), ev


# --------------------------------------------------------------------------- candidates


def _candidate_pairs(mentions: list[Mention]) -> Iterable[tuple[int, int]]:
    """Pairs from different documents whose names are alike enough to consider."""
    from rapidfuzz.process import cdist

    keys = [m.key for m in mentions]
    if len(keys) < 2:
        return
    for start in range(0, len(keys), _BLOCK):  # a block of rows at a time: bounded memory
        sim = cdist(
            keys[start : start + _BLOCK],
            keys,
            scorer=fuzz.ratio,
            score_cutoff=CANDIDATE_NAME * 100,
            workers=1,
        )
        for di, row in enumerate(sim):
            i = start + di
            for j in row.nonzero()[0]:
                if j > i and mentions[i].doc_id != mentions[int(j)].doc_id:
                    yield i, int(j)


def _reference_pairs(mentions: list[Mention], texts: dict[str, str]) -> set[tuple[int, int]]:
    """Pairs where one document prints the name of a project of another (two words or more)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if len(m.key.split()) >= 2:
            by_key[m.key].append(i)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, m in enumerate(mentions):
        by_doc[m.doc_id].append(j)
    out: set[tuple[int, int]] = set()
    for doc_id, ids in by_doc.items():
        text = texts.get(doc_id, "")
        own = {mentions[j].key for j in ids}
        for key, named in by_key.items():
            if key in own or key not in text:
                continue
            for i in named:
                if mentions[i].doc_id == doc_id:
                    continue
                for j in ids:
                    out.add((min(i, j), max(i, j)))
    return out


def _sole_pairs(mentions: list[Mention], linked: set[tuple[str, str]]) -> set[tuple[int, int]]:
    """Renamed projects: in a grant document and a later report of the same fund and year,
    the one project left without a sure link in a district on each side."""
    groups: dict[tuple[str, str | None, int | None], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[(m.doc_id, m.fund_type, m.year)].append(i)
    by_id = {m.project_id: m for m in mentions}
    partners: dict[str, set[str]] = defaultdict(set)  # project -> decisions it is linked into
    for a, b in linked:
        partners[a].add(by_id[b].decision_key)
        partners[b].add(by_id[a].decision_key)
    by_fund_year: dict[tuple[str | None, int | None], list[str]] = defaultdict(list)
    for doc, fund, year in groups:
        if fund is not None and year is not None:
            by_fund_year[(fund, year)].append(doc)
    out: set[tuple[int, int]] = set()
    for (fund, year), docs in by_fund_year.items():
        for da in docs:
            for db in docs:
                ga, gb = groups[(da, fund, year)], groups[(db, fund, year)]
                if da == db or mentions[ga[0]].decision_key == mentions[gb[0]].decision_key:
                    continue
                if not all(mentions[i].role == "grant" for i in ga):
                    continue
                if not all(mentions[j].role == "report" for j in gb):
                    continue
                key_a, key_b = mentions[ga[0]].decision_key, mentions[gb[0]].decision_key
                # left: linked surely to no other decision (a copy of its own is no partner)
                left_a = [i for i in ga if not partners[mentions[i].project_id] - {key_a}]
                left_b = [j for j in gb if not partners[mentions[j].project_id] - {key_b}]
                by_district_a: dict[frozenset[str], list[int]] = defaultdict(list)
                by_district_b: dict[frozenset[str], list[int]] = defaultdict(list)
                for i in left_a:
                    by_district_a[mentions[i].districts].append(i)
                for j in left_b:
                    by_district_b[mentions[j].districts].append(j)
                for dist, ia in by_district_a.items():
                    jb = by_district_b.get(dist, [])
                    if dist and len(ia) == 1 and len(jb) == 1:
                        out.add((min(ia[0], jb[0]), max(ia[0], jb[0])))
    return out


# --------------------------------------------------------------------------- judgements


def read_judgements(overrides_dir: Path) -> list[Judgement]:
    """The analysts' link judgements; a malformed line is a UsageError naming it."""
    path = overrides_dir / LINKS_FILE
    if not path.exists():
        return []
    out: list[Judgement] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ())[:3] != LINKS_HEADER[:3]:
            raise UsageError(f"{path}: the first line must be {','.join(LINKS_HEADER)}")
        for row in reader:
            a, b = (row.get("a") or "").strip(), (row.get("b") or "").strip()
            judgement = (row.get("judgement") or "").strip().lower()
            if not a or a.startswith("#"):
                continue
            if judgement not in ("same", "different") or not b:
                raise UsageError(
                    f"{path.name}:{reader.line_num}: needs two project ids and the "
                    f"judgement 'same' or 'different', got {judgement!r}"
                )
            out.append(
                Judgement(
                    a,
                    b,
                    judgement,
                    (row.get("expect_a") or "").strip() or None,
                    (row.get("expect_b") or "").strip() or None,
                    (row.get("note") or "").strip(),
                    f"{path.name}:{reader.line_num}",
                )
            )
    return out


def record_judgement(
    overrides_dir: Path,
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    judgement: str,
    note: str = "",
) -> Judgement:
    """Append one judgement (checked against the warehouse, with both names as `expect`)."""
    names = dict(
        con.execute(
            "SELECT project_id, name FROM projects WHERE project_id IN (?, ?)", [a, b]
        ).fetchall()
    )
    for pid in (a, b):
        if pid not in names:
            raise UsageError(f"no project {pid!r} in the warehouse; see `namnd links`")
    if a == b:
        raise UsageError("give two different project ids")
    path = overrides_dir / LINKS_FILE
    overrides_dir.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        if new:
            w.writerow(LINKS_HEADER)
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        w.writerow([a, b, judgement, names[a], names[b], note, now])
    return Judgement(a, b, judgement, names[a], names[b], note, f"{LINKS_FILE}:new")


def _check_judgement(j: Judgement, by_id: dict[str, Mention]) -> str:
    """'' when the judgement applies, else why it is orphaned."""
    for pid, expect in ((j.a, j.expect_a), (j.b, j.expect_b)):
        m = by_id.get(pid)
        if m is None:
            return f"no project {pid} any more"
        if expect and _name_key(expect) != m.key:
            return f"project {pid} is now {m.name!r}, the judgement was about {expect!r}"
    return ""


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
    texts = _document_texts(con)
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

    pairs = set(_candidate_pairs(mentions))
    for i, j in pairs:
        consider(i, j)
    for i, j in _reference_pairs(mentions, texts) - pairs:
        a, b = mentions[i], mentions[j]
        years_apart = abs(a.year - b.year) if a.year is not None and b.year is not None else 99
        if a.fund_type == b.fund_type and years_apart <= 3:
            consider(i, j)
    sure = {k for k, lk in links.items() if lk.decision == "same"}
    for i, j in _sole_pairs(mentions, sure):
        consider(i, j, sole=True)

    judgements = read_judgements(overrides_dir)
    groups = _Groups(mentions)
    for jd in judgements:
        why = _check_judgement(jd, by_id)
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
    for lk in ordered:
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
            con.executemany(
                "INSERT INTO project_links (project_a, project_b, score, decision, decided_by, "
                "evidence) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        con.execute("UPDATE projects SET series_id = NULL")
        if sid:
            con.execute("CREATE TEMP TABLE _series (project_id VARCHAR, series_id VARCHAR)")
            con.executemany("INSERT INTO _series VALUES (?, ?)", list(sid.items()))
            con.execute(
                "UPDATE projects SET series_id = s.series_id FROM _series AS s "
                "WHERE s.project_id = projects.project_id"
            )
            con.execute("DROP TABLE _series")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
