"""README's "Extraction quality" section: figures on the samples and the degradation curve.

    python -m pipeline.devtools.quality_report --db warehouse/namnd.duckdb \\
        [--degrade --seeds-dir raw/transcripts --work /tmp/degrade] --write README.md

Part 1 evaluates the samples' warehouse against tests/gold (`namnd eval`). Part 2 scans
seeds at each level of `pipeline.devtools.degrade.LEVELS`, runs the real pipeline on each
level, and reports OCR error rates and extraction F1 per level — the curve users read to know
how far to trust worse scans. Part 2 OCRs every page of every level: run it on an idle
machine (minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from pipeline.evaluate import FIELDS, EvalReport, evaluate

START = "<!-- quality:start -->"
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
CURVE_FIELDS = ("amounts.value_kind", "projects.name_listed", "projects.districts", "criteria.text")
DEGRADE_SEEDS = ("001", "002")  # the seeds with project lists, tables and criteria


def _f(x: float) -> str:
    return f"{x:.3f}"


def samples_table(report: EvalReport) -> str:
    fields = report.fields
    variants = report.by_variant
    names = sorted(variants)
    out = [
        "| field | precision | recall | F1 | " + " | ".join(f"F1 {v}" for v in names) + " |",
        "|---|---|---|---|" + "---|" * len(names),
    ]
    for name in KEY_FIELDS:
        s = fields.get(name)
        if s is None:
            continue
        per = [_f(variants[v][name].f1) if name in variants[v] else "" for v in names]
        out.append(
            f"| {name} | {_f(s.precision)} | {_f(s.recall)} | {_f(s.f1)} | "
            + " | ".join(per)
            + " |"
        )
    ocr = report.ocr_by_variant
    cer = ", ".join(f"{v} {100 * ocr[v].cer:.2f}%" for v in sorted(ocr))
    wer = ", ".join(f"{v} {100 * ocr[v].wer:.2f}%" for v in sorted(ocr))
    out.append("")
    out.append(f"Text against the transcripts the samples were made from: CER {cer}; WER {wer}.")
    return "\n".join(out)


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


def render(samples: str, curve: str | None) -> str:
    parts = [
        "Measured with `namnd eval --gold tests/gold` on the bundled samples (13 files: five "
        "decisions as transcript, scan, and some as born-digital or mixed PDF), against gold "
        "annotations written by reading the documents (`tests/gold/SCHEMA.md`). "
        "Regenerate with `python -m pipeline.devtools.quality_report`. The test suite fails "
        "when these drop below the floors in `tests/quality_thresholds.json`.",
        samples,
    ]
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("warehouse/namnd.duckdb"))
    ap.add_argument("--degrade", action="store_true", help="also measure the degradation curve")
    ap.add_argument("--seeds-dir", type=Path, default=REPO / "raw" / "transcripts")
    ap.add_argument("--work", type=Path, default=Path("/tmp/namnd-degrade"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write", type=Path, help="README file to update in place")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    samples = samples_table(evaluate(GOLD, args.db))
    curve = degradation_curve(args.seeds_dir, args.work, args.jobs) if args.degrade else None
    section = render(samples, curve)
    if args.write:
        args.write.write_text(splice(args.write.read_text("utf-8"), section), "utf-8")
    else:
        print(section)
    print(f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
