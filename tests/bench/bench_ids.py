"""How many ids survive a rule change: content ids (pipeline.facts.ids) vs the old positional ids.

A "rule change" here is one extraction reader switched off (the change a rule improvement
makes in reverse: one reader finds rows that another run did not). For every document the
facts are extracted with all readers and with the reader off; a row present in both runs
(same name and page for projects; same page, printed amount and sentence for amounts) keeps
its id or not. The old scheme numbered rows by position (`<doc>-pNN`, `<doc>-aNNN-<h>`).

    PYTHONPATH=. python tests/bench/bench_ids.py                  # readers switched off

A real rule change between two versions of the code: dump the rows each version extracts
(ids are minted afterwards from the rows' content and order, so any version can be dumped),
then compare:

    git archive OTHER_BRANCH | tar -x -C /tmp/other
    PYTHONPATH=/tmp/other python tests/bench/bench_ids.py dump /tmp/other.json
    PYTHONPATH=. python tests/bench/bench_ids.py dump /tmp/this.json
    PYTHONPATH=. python tests/bench/bench_ids.py compare /tmp/other.json /tmp/this.json

Documents: raw/transcripts (5 samples), tests/resources/corpus/genre/docs (24) and
tests/resources/corpus/realdocs/docs (15), read by the real understanding stage.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pipeline.records import DocumentText, Facts, PageText, UnderstoodDocument

try:
    from pipeline.facts import stage
    from pipeline.text.transcript import read_transcript
    from pipeline.understand.stage import understand
except ImportError:  # code from before the one-package-per-stage move, for `dump`
    from pipeline.extract.transcript import read_transcript  # type: ignore[no-redef]
    from pipeline.stages import extract as stage  # type: ignore[no-redef]
    from pipeline.stages.understand import understand  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[2]
FOLDERS = (
    REPO / "raw" / "transcripts",
    REPO / "tests" / "resources" / "corpus" / "genre" / "docs",
    REPO / "tests" / "resources" / "corpus" / "realdocs" / "docs",
)
READERS = ("find_named_projects", "find_intro_lists", "find_two_column_lists", "find_studies")


def documents() -> Iterator[UnderstoodDocument]:
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            pages = read_transcript(path)
            yield understand(
                DocumentText(
                    sha[:16],
                    sha,
                    path.name,
                    "text/plain",
                    "transcript",
                    tuple(PageText(i + 1, t, "transcript") for i, t in enumerate(pages)),
                )
            )


@contextmanager
def reader_off(name: str) -> Iterator[None]:
    original: Callable[..., Any] = getattr(stage, name)
    setattr(stage, name, lambda *a, **k: [])
    try:
        yield
    finally:
        setattr(stage, name, original)


def fold_key(text: str) -> str:
    """`pipeline.facts.ids.fold_key`, imported late so that `dump` runs on any code version."""
    from pipeline.facts.ids import fold_key as fk

    return fk(text)


def project_rows(f: Facts) -> dict[tuple[str, int], tuple[str, str]]:
    """(folded name, page) -> (content id, positional id)."""
    return {
        (fold_key(p.name), p.page_no): (p.project_id, f"p{n:02d}")
        for n, p in enumerate(f.projects, start=1)
    }


def amount_rows(f: Facts) -> dict[tuple[int, str, str], tuple[str, str]]:
    """(page, raw, sentence) -> (content id, positional id)."""
    out = {}
    for n, a in enumerate(f.amounts, start=1):
        h = hashlib.sha1(f"{f.doc_id}:{a.page_no}:{n}:{a.raw}".encode()).hexdigest()[:8]
        out[(a.page_no, a.raw, a.evidence)] = (a.amount_id, f"a{n:03d}-{h}")
    return out


def kept(before: dict[Any, tuple[str, str]], after: dict[Any, tuple[str, str]]) -> list[int]:
    """[rows in both runs, content ids kept, positional ids kept]."""
    common = set(before) & set(after)
    return [
        len(common),
        sum(before[k][0] == after[k][0] for k in common),
        sum(before[k][1] == after[k][1] for k in common),
    ]


def main() -> None:
    docs = list(documents())
    base = [stage.extract(d) for d in docs]
    print(
        f"{len(docs)} documents, {sum(len(f.projects) for f in base)} projects, "
        f"{sum(len(f.amounts) for f in base)} amounts with every reader on"
    )
    print(
        "reader off              | projects in both: content kept / positional kept "
        "| amounts in both: content kept / positional kept"
    )
    for reader in READERS:
        with reader_off(reader):
            changed = [stage.extract(d) for d in docs]
        p = [0, 0, 0]
        a = [0, 0, 0]
        touched = 0
        for b, c in zip(base, changed, strict=True):
            if [x.project_id for x in b.projects] != [x.project_id for x in c.projects]:
                touched += 1
            p = [x + y for x, y in zip(p, kept(project_rows(b), project_rows(c)), strict=True)]
            a = [x + y for x, y in zip(a, kept(amount_rows(b), amount_rows(c)), strict=True)]
        print(
            f"{reader:<23} | {p[0]:>4}: {p[1]:>4} / {p[2]:>4}"
            f" | {a[0]:>4}: {a[1]:>4} / {a[2]:>4}   ({touched} documents changed)"
        )


def dump(out: Path) -> None:
    """The rows this code version extracts, in order, as JSON (for `compare`)."""
    rows = []
    for d in documents():
        f = stage.extract(d)
        rows.append(
            {
                "doc_id": f.doc_id,
                "projects": [[p.name, p.fund_type, p.page_no] for p in f.projects],
                "amounts": [[a.page_no, a.raw, a.kind, a.evidence] for a in f.amounts],
            }
        )
    out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def _minted(doc: dict[str, Any]) -> tuple[dict[Any, tuple[str, str]], dict[Any, tuple[str, str]]]:
    from pipeline.facts import ids

    d = doc["doc_id"]
    pids = ids.project_ids(d, [(n, f) for n, f, _p in doc["projects"]])
    projects = {
        (fold_key(n), page): (pid, f"p{i:02d}")
        for i, ((n, _f, page), pid) in enumerate(zip(doc["projects"], pids, strict=True), 1)
    }
    aids = ids.amount_ids(d, [(page, raw, ev) for page, raw, _kind, ev in doc["amounts"]])
    amounts = {}
    for i, ((page, raw, _kind, ev), aid) in enumerate(zip(doc["amounts"], aids, strict=True), 1):
        h = hashlib.sha1(f"{d}:{page}:{i}:{raw}".encode()).hexdigest()[:8]
        amounts[(page, raw, ev)] = (aid, f"a{i:03d}-{h}")
    return projects, amounts


def compare(a_path: Path, b_path: Path) -> None:
    a = {d["doc_id"]: d for d in json.loads(a_path.read_text(encoding="utf-8"))}
    b = {d["doc_id"]: d for d in json.loads(b_path.read_text(encoding="utf-8"))}
    p = [0, 0, 0]
    am = [0, 0, 0]
    changed = 0
    for doc_id in sorted(set(a) & set(b)):
        pa, aa = _minted(a[doc_id])
        pb, ab = _minted(b[doc_id])
        changed += a[doc_id] != b[doc_id]
        p = [x + y for x, y in zip(p, kept(pa, pb), strict=True)]
        am = [x + y for x, y in zip(am, kept(aa, ab), strict=True)]
    n_a = sum(len(d["projects"]) for d in a.values()), sum(len(d["amounts"]) for d in a.values())
    n_b = sum(len(d["projects"]) for d in b.values()), sum(len(d["amounts"]) for d in b.values())
    print(f"{len(a)} documents; {changed} extracted differently")
    print(
        f"projects {n_a[0]} -> {n_b[0]}; in both {p[0]}: content ids kept {p[1]}, "
        f"positional ids kept {p[2]}"
    )
    print(
        f"amounts  {n_a[1]} -> {n_b[1]}; in both {am[0]}: content ids kept {am[1]}, "
        f"positional ids kept {am[2]}"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"]:
        dump(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["compare"]:
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
