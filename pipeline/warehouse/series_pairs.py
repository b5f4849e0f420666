"""Project series, the pairs: the mentions of projects and the evidence that two are one.

`read_mentions` reads every named project of the warehouse (`Mention`), `pair_evidence`
scores one pair of mentions from its named parts (the list in `warehouse.series`), and the
candidates are the pairs worth scoring: names alike (`candidate_pairs`), one document
printing another's project name (`reference_pairs`), and the one project left in its
district in a grant and its report (`sole_pairs`). `warehouse.series` links and groups them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb
from rapidfuzz import fuzz

from pipeline.lang.fuzzy import fold

#: Pairs whose names are less alike than this are not candidates (unless their roles and
#: districts pair them, see `sole_pairs`).
CANDIDATE_NAME = 0.55
#: below this, two names with no reference between them share a topic, not a project
_TOPIC_ONLY = 0.70

#: Rows of the name-similarity matrix computed at once (500 × 20 000 mentions ≈ 40 MB).
_BLOCK = 500

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


# --------------------------------------------------------------------------- reading


def name_key(name: str) -> str:
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
            key=name_key(r[2]),
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


def document_texts(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
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
    """Where `key` occurs in `text`, left to right, not overlapping (as `re.finditer` of the
    escaped key finds them; `str.find` is several times faster on long texts)."""
    out: list[tuple[int, int]] = []
    if not key:
        return out
    at = text.find(key)
    while at >= 0:
        out.append((at, at + len(key)))
        at = text.find(key, at + len(key))
    return out


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
    if not same_decision and not ref and name < _TOPIC_ONLY:
        # names alike in their topic alone ("Våld i nära relationer", "Akuta hembesök vid
        # våld i nära relation"), nothing in the text saying one goes on from the other
        ev["names"] = "alike in topic only"
        score -= 0.10
    return max(0.0, min(1.0, score)), ev


# --------------------------------------------------------------------------- candidates


def candidate_pairs(mentions: list[Mention]) -> Iterable[tuple[int, int]]:
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


def reference_pairs(mentions: list[Mention], texts: dict[str, str]) -> set[tuple[int, int]]:
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


def sole_pairs(mentions: list[Mention], linked: set[tuple[str, str]]) -> set[tuple[int, int]]:
    """Renamed projects: in a grant document and a later report of the same fund and year,
    the one project left without a sure link in a district on each side."""
    groups: dict[tuple[str, str | None, int | None], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[(m.doc_id, m.fund_type, m.year)].append(i)
    by_id = {m.project_id: m for m in mentions}
    partners: dict[str, set[str]] = defaultdict(set)  # project -> decisions it is linked into
    shared: Counter[frozenset[str]] = Counter()  # sure links between two documents
    for a, b in linked:
        partners[a].add(by_id[b].decision_key)
        partners[b].add(by_id[a].decision_key)
        shared[frozenset((by_id[a].doc_id, by_id[b].doc_id))] += 1
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
                if not shared[frozenset((da, db))] and (len(ga) > 1 or len(gb) > 1):
                    # a report of that grant shares surely linked projects with it; another
                    # report of the same fund and year (a follow-up of other grants) does not
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
