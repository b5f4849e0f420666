"""Quality of the longitudinal layer against gold: project links and criterion concepts.

Gold (written by reading the documents, tests/gold/longitudinal/):

* ``project_links.csv`` — pairs of project mentions in two documents, ``same`` or
  ``different``; every ``same`` pair among the listed documents is given, so any other
  pair of their projects is different.
* ``criterion_concepts.csv`` — each criterion of the samples and the genre corpus with its
  concepts.

A gold mention is found in the warehouse by its document's file stem (the part of the
file name before the first dot, so ``001_….scan.pdf`` is a copy of ``001_…``) and the
closest project name in the canonical copy (rapidfuzz ratio ≥ ``NAME_MIN``). Link
precision and recall count pairs of gold mentions: a pair is predicted ``same`` when both
mentions have one series_id. Copies are measured apart: the share of gold mentions whose
copies all share the canonical copy's series.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from rapidfuzz import fuzz

from pipeline.lang.fuzzy import fold

#: A gold name is found in its document when the closest warehouse name is this alike.
NAME_MIN = 0.6


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines)


def _key(s: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in fold(s)).split())


@dataclass
class LinkScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    not_found: list[str] = field(default_factory=list)
    false_links: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    copies_total: int = 0
    copies_joined: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _documents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, int]]]:
    """File stem -> [(doc_id, copy_rank)] of the loaded documents."""
    out: dict[str, list[tuple[str, int]]] = {}
    for doc_id, path, rank in con.execute(
        "SELECT d.doc_id, d.source_path, c.copy_rank FROM documents AS d "
        "JOIN v_document_copies AS c USING (doc_id)"
    ).fetchall():
        stem = Path(path).name.split(".")[0]
        out.setdefault(stem, []).append((doc_id, rank))
    return out


def _find(con: duckdb.DuckDBPyConnection, doc_id: str, name: str) -> tuple[str, str | None] | None:
    best: tuple[float, str, str | None] | None = None
    for pid, pname, sid in con.execute(
        "SELECT project_id, name, series_id FROM projects WHERE doc_id = ? AND name IS NOT NULL",
        [doc_id],
    ).fetchall():
        r = fuzz.ratio(_key(name), _key(pname)) / 100.0
        if best is None or r > best[0]:
            best = (r, pid, sid)
    if best is None or best[0] < NAME_MIN:
        return None
    return best[1], best[2]


def evaluate_links(con: duckdb.DuckDBPyConnection, gold_csv: Path) -> LinkScore:
    """Pairwise precision and recall of the series against the gold links."""
    docs = _documents(con)
    score = LinkScore()
    same: set[frozenset[tuple[str, str]]] = set()
    mentions: set[tuple[str, str]] = set()
    for r in _rows(gold_csv):
        a, b = (r["doc_a"], r["name_a"]), (r["doc_b"], r["name_b"])
        mentions |= {a, b}
        if r["judgement"] == "same":
            same.add(frozenset((a, b)))
    found: dict[tuple[str, str], tuple[str, str | None]] = {}
    for stem, name in sorted(mentions):
        copies = sorted(docs.get(stem, []), key=lambda d: d[1])
        hit = _find(con, copies[0][0], name) if copies else None
        if hit is None:
            score.not_found.append(f"{stem}: {name}")
            continue
        found[(stem, name)] = hit
        for doc_id, _rank in copies[1:]:
            other = _find(con, doc_id, name)
            score.copies_total += 1
            score.copies_joined += int(other is not None and other[1] == hit[1])
    # every pair of listed mentions in different documents (gold names all `same` pairs)
    for x, y in itertools.combinations(sorted(found), 2):
        if x[0] == y[0]:
            continue
        linked = found[x][1] is not None and found[x][1] == found[y][1]
        gold_same = frozenset((x, y)) in same
        if linked and gold_same:
            score.tp += 1
        elif linked:
            score.fp += 1
            score.false_links.append((f"{x[0]}: {x[1]}", f"{y[0]}: {y[1]}"))
    for pair in same:
        x, y = sorted(pair)
        if x in found and y in found and not (found[x][1] and found[x][1] == found[y][1]):
            score.fn += 1
            score.missed.append((f"{x[0]}: {x[1]}", f"{y[0]}: {y[1]}"))
        elif x not in found or y not in found:
            score.fn += 1
            score.missed.append((f"{x[0]}: {x[1]}", f"{y[0]}: {y[1]} (not extracted)"))
    return score


@dataclass
class ConceptScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched: int = 0
    not_found: list[str] = field(default_factory=list)
    wrong: list[tuple[str, set[str], set[str]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def evaluate_concepts(con: duckdb.DuckDBPyConnection, gold_csv: Path) -> ConceptScore:
    """Per gold criterion found in the warehouse (canonical copy, closest text), the
    concepts mapped against the gold concepts ('other' counts as a concept)."""
    docs = _documents(con)
    score = ConceptScore()
    for r in _rows(gold_csv):
        copies = sorted(docs.get(r["source"], []), key=lambda d: d[1])
        if not copies:
            score.not_found.append(f"{r['source']}: {r['text']}")
            continue
        best: tuple[float, str] | None = None
        for cid, text in con.execute(
            "SELECT criterion_id, text FROM criteria WHERE doc_id = ? AND kind = ?",
            [copies[0][0], r["kind"]],
        ).fetchall():
            ratio = fuzz.ratio(_key(r["text"]), _key(text or "")) / 100.0
            if best is None or ratio > best[0]:
                best = (ratio, cid)
        if best is None or best[0] < NAME_MIN:
            score.not_found.append(f"{r['source']}: {r['text']}")
            continue
        score.matched += 1
        gold = set(r["concepts"].split(";"))
        pred = {
            c
            for (c,) in con.execute(
                "SELECT concept FROM criterion_concepts WHERE criterion_id = ?", [best[1]]
            ).fetchall()
        }
        score.tp += len(gold & pred)
        score.fp += len(pred - gold)
        score.fn += len(gold - pred)
        if gold != pred:
            score.wrong.append((r["text"], gold, pred))
    return score
