"""How fast the guards refuse: a second run's write lock, and a decompression-bomb page.

    .venv/bin/python tests/bench/bench_guards.py [--repeat 5]

The tests check *that* they refuse (tests/run/test_concurrency.py, tests/text/test_extract_pdf.py);
this measures *how quickly*, which a test on a loaded machine cannot. Expected on an idle
machine: the lock refusal well under 0.1 s (it never waits), the bomb refusal under 1 s
(from the page size alone, nothing rendered). Exit 1 when a median exceeds its bound
(1.0 s and 10 s, the bounds the tests used to assert).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pipeline.config import OcrSettings  # noqa: E402
from pipeline.errors import WarehouseBusy  # noqa: E402
from pipeline.text.page import read_page  # noqa: E402
from pipeline.warehouse import write_lock  # noqa: E402
from tests import zoo  # noqa: E402

HOLD_LOCK = """
import sys
from pathlib import Path
from pipeline.warehouse import write_lock
with write_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


def lock_refusal(tmp: Path) -> float:
    db = tmp / "warehouse" / "namnd.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        t0 = time.perf_counter()
        try:
            with write_lock(db):
                raise SystemExit("the lock was not refused")
        except WarehouseBusy:
            return time.perf_counter() - t0
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    raise AssertionError("unreachable")


def bomb_refusal(tmp: Path) -> float:
    path = zoo.decompression_bomb_pdf(tmp, huge_mediabox=True)
    t0 = time.perf_counter()
    page = read_page(path, 1, OcrSettings())
    assert page.error and page.error.startswith("render refused"), page.error
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    bad = 0
    for name, measure, bound in (("lock", lock_refusal, 1.0), ("bomb", bomb_refusal, 10.0)):
        times = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as d:
                times.append(measure(Path(d)))
        median = statistics.median(times)
        bad += median > bound
        print(f"{name} refusal: median {median * 1000:.1f} ms over {args.repeat} (bound {bound} s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
