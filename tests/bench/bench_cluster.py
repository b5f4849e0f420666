"""The same run on the local pool, on a LocalCluster, and on a Dask cluster of 2 workers.

Run on an idle machine (see README.md beside this file)::

    python tests/bench/bench_cluster.py [DIR] [--workers 2] [--repeat 1] [--only pool,cluster]

DIR defaults to ``raw/scanned`` (47 scanned pages). Each configuration runs ``namnd run`` from
scratch (fresh warehouse and cache) over the same files:

a. ``pool``: today's local default, a ProcessPoolExecutor of ``--workers`` processes;
b. ``localcluster``: ``--scheduler local``, a Dask LocalCluster of ``--workers`` processes
   (decides whether the local default should become a LocalCluster);
c. ``cluster``: a real ``dask scheduler`` and ``--workers`` ``dask worker --nthreads 1``
   processes on 127.0.0.1, started before the timing (as on a real cluster).

It prints pages/min for each (median of ``--repeat``), each one's ratio to the pool, and the
pages per worker-hour of the cluster run (the capacity model in README.md uses it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import pypdfium2  # noqa: E402

from tests.run.test_cluster import Cluster  # noqa: E402


def count_pages(raw: Path) -> int:
    return sum(len(pypdfium2.PdfDocument(p)) for p in sorted(raw.rglob("*.pdf")))


def one_run(raw: Path, workers: int, scheduler: str | None) -> float:
    """Wall seconds of `namnd run` from scratch, in a fresh process (as a user runs it)."""
    with tempfile.TemporaryDirectory(prefix="bench_cluster_") as tmp:
        cmd = [sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw)]
        cmd += ["--db", f"{tmp}/warehouse/namnd.duckdb", "--plain", "--jobs", str(workers)]
        if scheduler:
            cmd += ["--scheduler", scheduler]
        env = dict(os.environ, PYTHONPATH=str(REPO), NAMND_EXTRACTED=f"{tmp}/extracted")
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"run failed ({scheduler or 'pool'}):\n{proc.stdout}\n{proc.stderr}")
        return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", nargs="?", type=Path, default=REPO / "raw" / "scanned")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--only", default="pool,localcluster,cluster")
    args = ap.parse_args()
    pages = count_pages(args.raw)
    print(f"{pages} scanned pages in {args.raw}, {args.workers} workers, {os.cpu_count()} CPUs")
    if pages < 40:
        print("warning: fewer than 40 pages; the figures mean little")
    times: dict[str, float] = {}
    wanted = args.only.split(",")
    for name in wanted:
        runs = []
        for _ in range(args.repeat):
            if name == "cluster":
                with tempfile.TemporaryDirectory(prefix="bench_dask_") as tmp:
                    c = Cluster(Path(tmp))
                    try:
                        for i in range(args.workers):
                            c.add_worker(f"w{i + 1}")
                        runs.append(one_run(args.raw, args.workers, c.address))
                    finally:
                        c.close()
            else:
                scheduler = "local" if name == "localcluster" else None
                runs.append(one_run(args.raw, args.workers, scheduler))
        times[name] = statistics.median(runs)
        rate = pages / times[name] * 60
        print(f"{name:<13} {times[name]:7.1f} s  {rate:6.1f} pages/min", flush=True)
    if "pool" in times:
        for name in wanted:
            if name != "pool":
                print(f"{name} / pool throughput: {times['pool'] / times[name]:.2f}")
    if "cluster" in times:
        per_worker_hour = pages / times["cluster"] * 3600 / args.workers
        print(f"cluster: {per_worker_hour:.0f} pages per worker-hour")


if __name__ == "__main__":
    main()
