"""A timeline of one `namnd run`: when each step of the main process, each worker's start-up and
each worker task began and ended (issue 19, tenth round).

    python tests/bench/run_timeline.py [RAW] [--jobs 2] [--tree CHECKOUT]

Without RAW, the 204-page born-digital PDF of `bench_speed.py --only born` is written to a
temporary folder. The run goes into a fresh warehouse and cache, in a fresh process of the
checkout `--tree` (default: this one), so that several checkouts can be compared under the
same load; the spans are printed in seconds from that process's first line, with the
process that ran them, then the wall and CPU time of the whole run. A span is a wrapped
function: the wrappers are set before the workers fork, and task functions keep their
names (they are pickled by name).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: (module, attribute) wrapped in the child; a missing one (an older checkout) is skipped
SPANS = [
    ("pipeline.run.recipe", "discover"),
    ("pipeline.run.recipe", "make_plan"),
    ("pipeline.run.recipe", "_workers"),
    ("pipeline.run.recipe", "_scans"),
    ("pipeline.run.recipe", "warm_loading"),
    ("pipeline.run.recipe", "record_run"),
    ("pipeline.run.workers", "init_worker"),
    ("pipeline.run.workers", "preload"),
    ("pipeline.run.tasks", "text_task"),
    ("pipeline.run.tasks", "page_task"),
    ("pipeline.run.tasks", "parse_task"),
    ("pipeline.warehouse.db", "prepare"),
    ("pipeline.warehouse.db", "_open"),
    ("pipeline.warehouse", "load_batch"),
    ("pipeline.warehouse", "apply_overrides"),
    ("pipeline.warehouse", "load_expected"),
    ("pipeline.warehouse.longitudinal", "refresh"),
]

CHILD = r"""
import importlib, json, os, sys, time
T0 = time.time()
spans = os.environ["TIMELINE_SPANS"]

def log(name, a, b):
    with open(spans, "a") as fh:
        fh.write(json.dumps([os.getpid(), name, a - T0, b - T0]) + "\n")

t = time.time()
from pipeline.cli import main
log("import pipeline.cli", t, time.time())
for mod_name, attr in json.loads(os.environ["TIMELINE_WRAP"]):
    mod = importlib.import_module(mod_name)
    fn = getattr(mod, attr, None)
    if fn is None:
        continue
    def wrapper(*a, _fn=fn, _label=f"{mod_name.rsplit('.', 1)[-1]}.{attr}", **k):
        t = time.time()
        try:
            return _fn(*a, **k)
        finally:
            log(_label, t, time.time())
    wrapper.__name__, wrapper.__qualname__ = fn.__name__, fn.__qualname__
    wrapper.__module__ = fn.__module__
    setattr(mod, attr, wrapper)
t = time.time()
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    if exc.code:
        raise
finally:
    log("main()", t, time.time())
"""


def born_pdf(folder: Path) -> Path:
    sys.path.insert(0, str(REPO))
    from tests.helpers import letter_text, text_pdf

    out = text_pdf(folder / "born204.pdf", [letter_text(i) for i in range(204)])
    old = time.time() - 3600  # `namnd run` waits for files written in the last 2 s
    os.utime(out, (old, old))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("raw", nargs="?", help="input folder (default: the 204-page PDF)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tree", default=str(REPO), help="the checkout whose code runs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        raw = Path(args.raw) if args.raw else born_pdf(root / "raw").parent
        spans = root / "spans.jsonl"
        env = dict(
            os.environ,
            PYTHONPATH=str(Path(args.tree).resolve()),
            NAMND_EXTRACTED=str(root / "extracted"),
            TIMELINE_SPANS=str(spans),
            TIMELINE_WRAP=json.dumps(SPANS),
        )
        cmd = [sys.executable, "-c", CHILD, "run", "--raw", str(raw), "--plain"]
        cmd += ["--db", str(root / "warehouse" / "namnd.duckdb"), "--jobs", str(args.jobs)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=root)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if out.returncode != 0:
            raise SystemExit(f"namnd run failed ({out.returncode}): {out.stderr[-2000:]}")
        rows = sorted(json.loads(line) for line in spans.read_text().splitlines())
        main_pid = next(pid for pid, name, _a, _b in rows if name == "main()")
        for pid, name, a, b in sorted(rows, key=lambda r: r[2]):
            who = "main" if pid == main_pid else f"worker {pid}"
            print(f"{a:7.3f} {b:7.3f} {b - a:7.3f}  {who:13} {name}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(
            f"wall {wall:.2f} s (process start to exit), CPU {cpu:.2f} s of all processes; "
            f"load average {os.getloadavg()[0]:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
