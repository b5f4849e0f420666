"""README's "Extraction quality" section: figures per test set, fuzzy and strict, the
degradation curve, and the gate's floors.

    python -m pipeline.devtools.quality_report --db warehouse/namnd.duckdb \\
        [--corpus realdocs=DIR --corpus genre=DIR --corpus neighbours=DIR] \\
        [--degrade --seeds-dir raw/transcripts --work /tmp/degrade] \\
        [--write README.md] [--floors tests/quality_thresholds.json]

Part 1 evaluates the samples' warehouse against tests/gold (`namnd eval`), and each corpus
given by ``--corpus NAME=DIR``, where DIR is a folder made by
``python -m pipeline.devtools.corpus tests/resources/corpus/NAME DIR`` and then
``namnd run --raw DIR/raw --db DIR/warehouse/namnd.duckdb`` (the genre corpus is reported as
its dev and held-out parts). ``--floors FILE`` writes the gate's floors from these figures
(pipeline/evaluate/gate.py), replacing only the sets and variants measured. Part 2 scans
seeds at each level of `pipeline.devtools.degrade.LEVELS`, runs the real pipeline on each
level, and reports OCR error rates and extraction F1 per level — the curve users read to know
how far to trust worse scans. Part 2 OCRs every page of every level: run it on an idle
machine (minutes).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from pipeline.devtools.corpus import in_gate
from pipeline.evaluate import FIELDS, EvalReport, evaluate
from pipeline.evaluate.gate import SETS, STRICT_FIELDS, thresholds_from

START = "<!-- quality:start -->"
CURVE_START = "**Worse scans.**"
END = "<!-- quality:end -->"
REPO = Path(__file__).resolve().parent.parent.parent
GOLD = REPO / "tests" / "gold"
# README shows every evaluated field but the per-item attributes repeated under each list
HIDDEN = {
    "documents.doc_type",
    "decisions.item_no",
    "signatories.role",
    "projects.fund_type",
    "projects.year",
    "projects.status",
    "criteria.fund_type",
    "criteria.year",
    "criteria.kind",
    "criteria.position",
}
KEY_FIELDS = tuple(f for f in FIELDS if f not in HIDDEN)
SET_TITLES = {
    "samples": "Samples (five seeds as transcript, scan, born-digital, mixed; `tests/gold`)",
    "realdocs": "Realdocs (15 real documents; `tests/resources/corpus/realdocs`)",
    "genre_dev": "Genre corpus, dev (g01–g18; `tests/resources/corpus/genre`; born-digital copies of g03, g15)",
    "genre_heldout": "Genre corpus, later rounds (g19–g1974: two hundred and forty-three rounds written blind after the first rules; their first, blind figures are under Generality below; born-digital copies of every twelfth document, 161 of 1926 counting the dev set's (g03, g15, …), and scans of every fourth, 482 (g01, g05, …), as the gate runs them, the scans with NAMND_GATE_GENRE_SCANS=1; transcripts of every document here, the gate's floors on the odd-numbered ones)",
    "neighbours": "Neighbouring kinds (1354 documents written blind in a hundred and sixty-eight rounds: Kommunstyrelsen, other nämnder and municipalities, meeting pages; `tests/resources/corpus/neighbours`; born-digital copies of every twelfth document, 113 (n03, n15, …), and scans of every thirty-second, 43 (n01, n33, …), as the gate runs them; transcripts of every document here, the gate's floors on the odd-numbered ones)",
}
CURVE_FIELDS = ("amounts.value_kind", "projects.name_listed", "projects.districts", "criteria.text")
DEGRADE_SEEDS = ("001", "002")  # the seeds with project lists, tables and criteria


def _f(x: float) -> str:
    return f"{x:.3f}"


def set_table(report: EvalReport) -> str:
    """Per field: F1 per variant, fuzzy and strict side by side (strict only where it can
    differ), and the CER/WER of each variant."""
    fuzzy, strict = report.by_variant, report.strict_by_variant
    names: list[str] = [v for v in ("txt", "born", "mixed", "scan") if v in fuzzy]
    names += sorted(set(fuzzy) - set(names))
    head = []
    for v in names:
        head += [f"{v} fuzzy", f"{v} strict"]
    out = ["| field | " + " | ".join(head) + " |", "|---|" + "---|" * len(head)]
    for name in KEY_FIELDS:
        cells = []
        for v in names:
            s = fuzzy[v][name]
            measured = bool(s.tp or s.fp or s.fn)
            cells.append(_f(s.f1) if measured else "–")
            cells.append(_f(strict[v][name].f1) if measured and name in STRICT_FIELDS else "")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    ocr = report.ocr_by_variant
    if ocr:
        cer = ", ".join(f"{v} {100 * ocr[v].cer:.2f}%" for v in names if v in ocr)
        wer = ", ".join(f"{v} {100 * ocr[v].wer:.2f}%" for v in names if v in ocr)
        out += ["", f"Text against the transcripts: CER {cer}; WER {wer}."]
    return "\n".join(out)


def set_reports(samples_db: Path, corpora: list[tuple[str, Path]]) -> dict[str, EvalReport]:
    """Reports per gate set: the samples' warehouse, and every corpus folder given (several
    folders of one corpus, say one with its transcripts and one with its scans, are joined)."""
    reports = {"samples": evaluate(GOLD, samples_db)}
    for test_set in SETS:
        corpus = test_set.name.split("_")[0]
        for name, root in corpora:
            if name != corpus:
                continue
            gold = root / "gold" if (root / "gold").is_dir() else REPO / test_set.gold
            report = evaluate(gold, root / "warehouse" / "namnd.duckdb").select(test_set.keep)
            if test_set.name in reports:
                joined = reports[test_set.name].documents + report.documents
                report = dataclasses.replace(report, documents=joined)
            reports[test_set.name] = report
    return reports


def write_floors(path: Path, reports: dict[str, EvalReport]) -> None:
    """The gate's floors from the documents the gate renders (`corpus.in_gate`): a large
    corpus's figures in README count every transcript, its gate only a part of them. Each
    document's recorded errors are kept for every document measured (they do not depend on
    the batch, and a test that runs one document alone checks against them)."""
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    for name, report in reports.items():
        corpus = name.split("_")[0]
        gated = tuple(
            d for d in report.documents if d.variant is None or in_gate(corpus, d.variant, d.gold)
        )
        floors = thresholds_from(dataclasses.replace(report, documents=gated))
        for variant, entry in thresholds_from(report).items():
            if variant in floors and "per_document" in entry:
                floors[variant]["per_document"] = entry["per_document"]
        data.setdefault(name, {}).update(floors)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def degradation_curve(seeds_dir: Path, work: Path, jobs: int) -> str:
    from pipeline.devtools.degrade import LEVELS, degrade_seed

    seeds = sorted(p for p in seeds_dir.glob("*.txt") if p.name[:3] in DEGRADE_SEEDS)
    gold = work / "gold"  # only these seeds' annotations: the others are not in the curve
    gold.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        data = json.loads((GOLD / f"{seed.stem}.json").read_text("utf-8"))
        data["reference"] = str(seed.resolve())  # relative in the original; absolute here
        (gold / f"{seed.stem}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    rows = [
        "| level | dpi | skew ° | noise σ | blur | encoding | CER | WER | "
        + " | ".join(f"F1 {f}" for f in CURVE_FIELDS)
        + " | doubtful/failed pages |",
        "|---|---|---|---|---|---|---|---|" + "---|" * len(CURVE_FIELDS) + "---|",
    ]
    for level in LEVELS:
        raw = work / level.name / "raw"
        raw.mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            out_pdf = raw / f"{seed.stem}.scan.pdf"
            if not out_pdf.exists():
                degrade_seed(seed, level, out_pdf)
        db = work / level.name / "warehouse" / "namnd.duckdb"
        env = dict(os.environ, NAMND_EXTRACTED=str(work / level.name / "extracted"))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline.cli",
                "run",
                "--raw",
                str(raw),
                "--db",
                str(db),
                "--plain",
                "--jobs",
                str(jobs),
            ],
            env=env,
            check=False,
            capture_output=True,
        )
        report = evaluate(gold, db)
        ocr = report.ocr_by_variant.get("scan")
        flagged = _flagged_pages(db)
        f1s = " | ".join(
            _f(report.fields[f].f1) if f in report.fields else "" for f in CURVE_FIELDS
        )
        cer = f"{100 * ocr.cer:.2f}%" if ocr else ""
        wer = f"{100 * ocr.wer:.2f}%" if ocr else ""
        rows.append(
            f"| {level.name} | {level.dpi} | {level.skew_deg} | {level.noise_sigma} | "
            f"{level.blur_radius} | {level.encoding}"
            + (f" q{level.jpeg_quality}" if level.encoding == "jpeg" else "")
            + (f", page turned {level.rotation}°" if level.rotation else "")
            + f" | {cer} | {wer} | {f1s} | {flagged} |"
        )
    return "\n".join(rows)


def _flagged_pages(db: Path) -> str:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        n, bad = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE quality <> 'good') FROM pages"
        ).fetchone()  # type: ignore[misc]
    finally:
        con.close()
    return f"{bad}/{n}"


def render(tables: dict[str, str], curve: str | None) -> str:
    parts = [
        "Measured with `namnd eval` against gold annotations written by reading the documents "
        "(`tests/gold/SCHEMA.md`), per test set and variant. **fuzzy** is F1 as matched by the "
        "evaluator (titles and list items by `ratio`, project names by `token_sort_ratio`); "
        "**strict** counts a value right only when it is letter-exact (case and whitespace "
        "aside) — a title with one OCR slip or a project name with a word too many is wrong "
        "there. txt = transcript, born = born-digital PDF, scan = scanned PDF (`mild300`), "
        "mixed = text and scanned pages; the corpora's PDFs are made by the project's own "
        "renderer (`python -m pipeline.devtools.corpus`). Regenerate with "
        "`python -m pipeline.devtools.quality_report`. The test suite fails when a figure "
        "drops below its floor in `tests/quality_thresholds.json` (fuzzy and strict, per set "
        "and variant).",
    ]
    for name, table in tables.items():
        parts += [f"**{SET_TITLES.get(name, name)}**", table]
    if curve:
        parts += [
            "**Worse scans.** Seeds 001 and 002 scanned at each level of "
            "`pipeline/devtools/degrade.py`, processed by the real pipeline; CER/WER against "
            "the text the scans were made from, F1 against the gold annotations:",
            curve,
        ]
    return "\n\n".join(parts)


def splice(readme: str, section: str, start: str = START, end: str = END) -> str:
    a, b = readme.index(start) + len(start), readme.index(end)
    return readme[:a] + "\n" + section + "\n" + readme[b:]


def _named_path(text: str) -> tuple[str, Path]:
    name, sep, path = text.partition("=")
    if not sep or name not in ("realdocs", "genre", "neighbours"):
        raise argparse.ArgumentTypeError("expected realdocs=DIR, genre=DIR or neighbours=DIR")
    return name, Path(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("warehouse/namnd.duckdb"))
    ap.add_argument(
        "--corpus", type=_named_path, action="append", default=[], help="NAME=DIR (see above)"
    )
    ap.add_argument("--degrade", action="store_true", help="also measure the degradation curve")
    ap.add_argument("--seeds-dir", type=Path, default=REPO / "raw" / "transcripts")
    ap.add_argument("--work", type=Path, default=Path("/tmp/namnd-degrade"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write", type=Path, help="README file to update in place")
    ap.add_argument("--floors", type=Path, help="thresholds JSON to update from these figures")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    reports = set_reports(args.db, args.corpus)
    tables = {name: set_table(report) for name, report in reports.items()}
    curve = degradation_curve(args.seeds_dir, args.work, args.jobs) if args.degrade else None
    if args.floors:
        write_floors(args.floors, reports)
    if args.write:
        readme = args.write.read_text("utf-8")
        if not args.degrade and CURVE_START in readme:  # keep the curve measured before
            curve = readme[readme.index(CURVE_START) :].split(END)[0].strip()
            curve = curve.split("\n", 2)[2] if curve.count("\n") >= 2 else None
        args.write.write_text(splice(readme, render(tables, curve)), "utf-8")
    else:
        print(render(tables, curve))
    print(f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
