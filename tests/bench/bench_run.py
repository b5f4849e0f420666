"""Whole-run benchmarks: incremental reruns and memory as documents grow.

Run on an idle machine (see README.md beside this file)::

    python tests/bench/bench_run.py [--repeat 3] [--jobs 2]

a. ``namnd run`` over the bundled samples (raw/) from scratch, then again with nothing new:
   the rerun's share of the first run's time (target: under 5 %).
b. peak RSS of the largest process of a run over one born-digital PDF of 100, 200 and 300
   pages, and over one scanned PDF of 4, 8 and 12 pages (target: flat as pages grow —
   pages are streamed one at a time through the workers).

Timings are medians over ``--repeat`` runs, each in a fresh temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests import zoo  # noqa: E402
from tests.helpers import letter_text, scanned_pdf  # noqa: E402

NAMND = str(REPO / ".venv" / "bin" / "namnd")


def run(raw: Path, root: Path, jobs: int) -> tuple[float, int]:
    """One `namnd run` in a child process: (seconds, peak RSS in MiB of its largest process)."""
    env = dict(os.environ, NAMND_EXTRACTED=str(root / "extracted"))
    cmd = [
        NAMND,
        "run",
        "--raw",
        str(raw),
        "--db",
        str(root / "warehouse" / "namnd.duckdb"),
        "--plain",
        "--jobs",
        str(jobs),
    ]
    t0 = time.perf_counter()
    # a fresh interpreter per measurement, so RUSAGE_CHILDREN covers only this run's processes
    code = (
        "import resource, subprocess, sys; "
        f"r = subprocess.run({cmd!r}, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
        "sys.exit(r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"namnd run failed ({out.returncode}): {out.stderr[-2000:]}")
    return seconds, int(out.stdout.strip().splitlines()[-1]) // 1024


def bench_rerun(repeat: int, jobs: int) -> None:
    firsts, reruns = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            first, _ = run(REPO / "raw", Path(tmp), jobs)
            again, _ = run(REPO / "raw", Path(tmp), jobs)
            firsts.append(first)
            reruns.append(again)
    f, r = statistics.median(firsts), statistics.median(reruns)
    print(
        f"a. samples from scratch: median {f:.1f} s; rerun with nothing new: median {r:.2f} s; "
        f"rerun / first = {100 * r / f:.2f} %  (runs: {[round(x, 1) for x in firsts]}, "
        f"{[round(x, 2) for x in reruns]})"
    )


def bench_memory(repeat: int, jobs: int) -> None:
    def text_doc(d: Path, n: int) -> None:
        zoo.many_pages_pdf(d, n=n, name="long.pdf")

    def scan_doc(d: Path, n: int) -> None:
        scanned_pdf(d / "scan.pdf", [letter_text(i) for i in range(n)])

    for label, make, sizes in (
        ("born-digital", text_doc, (100, 200, 300)),
        ("scanned", scan_doc, (4, 8, 12)),
    ):
        row = []
        for n in sizes:
            peaks, secs = [], []
            for _ in range(repeat):
                with tempfile.TemporaryDirectory() as tmp:
                    raw = Path(tmp) / "raw"
                    raw.mkdir()
                    make(raw, n)
                    s, peak = run(raw, Path(tmp) / "w", jobs)
                    peaks.append(peak)
                    secs.append(s)
            row.append(
                f"{n} pages: peak {statistics.median(peaks)} MiB, {statistics.median(secs):.1f} s"
            )
        print(f"b. {label}: " + "; ".join(row))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", choices=["rerun", "memory"])
    args = ap.parse_args()
    if shutil.which("tesseract") is None:
        raise SystemExit("tesseract is not installed: run `make setup` first")
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at start")
    if args.only in (None, "rerun"):
        bench_rerun(args.repeat, args.jobs)
    if args.only in (None, "memory"):
        bench_memory(args.repeat, args.jobs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
