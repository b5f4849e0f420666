"""Issue 19's figures: fixed cost, born-digital rate, no-op reruns, loading, peak memory.

Run on an idle machine (see README.md beside this file)::

    python tests/bench/bench_speed.py [--repeat 3] [--jobs 2] [--only noop,transcripts,born,ocr]
                                      [--baseline /path/to/other/checkout]

Every figure is the median of ``--repeat`` runs, each `namnd run` in a fresh process (its
peak RSS from RUSAGE_CHILDREN). With ``--baseline``, the same inputs go through that
checkout too (``PYTHONPATH`` pointed at it), interleaved run by run, and the ratio
baseline / this tree is printed: that is the before → after of a change, measured under the
same load.

noop         a rerun of the bundled samples (raw/) with nothing new (target ≤ 0.5 s)
transcripts  100 transcripts (the 5 bundled ones, 20 variants each) from scratch: the whole
             run and the time spent in the warehouse (target: loading ≤ 5 s)
born         a 204-page born-digital PDF: whole-run pages/s (target ≥ 100), the text stage
             alone in one process (`text.document.read_text_pages`, target ≥ 500) and
             pypdfium2's raw rate (open + every page's text), for scale
scans        3 one-page scans from scratch: the whole run, the first page and the first
             understanding task (what a run that OCRs costs besides Tesseract)
ocr          the scanned samples against a serial ``OMP_THREAD_LIMIT=1 tesseract PAGE - -l swe``
             loop over the same pages pre-rendered at 300 dpi: the ratio on all pages (≥ 40)
             and on the first 17, and the fixed cost per run fitted from the two
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

PY = sys.executable
#: --pycache: where `namnd run` keeps compiled bytecode (None: as the environment says)
PYCACHE: str | None = None

# Runs `namnd run` in this process, timing what the warehouse takes (load_batch in this tree,
# load_document + log_attempt before it), and prints {"s", "load_s", "rss_mib"}.
CHILD = r"""
import json, resource, sys, time
from pipeline import warehouse
from pipeline.warehouse import load
spent = [0.0]
def timed(fn):
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            spent[0] += time.perf_counter() - t
    return wrapper
from pipeline.warehouse import db
for mod in (warehouse, load):
    for name in ("load_batch", "load_document", "log_attempt"):
        if hasattr(mod, name):
            setattr(mod, name, timed(getattr(load, name)))
db._open = timed(db._open)
db.prepare = timed(db.prepare)
import os
from pipeline.run import tasks
stamps = os.environ["BENCH_STAMPS"]
def stamped(fn):  # the wall-clock time each worker task starts, appended to a file
    def wrapper(*a, **k):
        with open(stamps, "a") as fh:
            fh.write(f"{fn.__name__} {time.time()}\n")
        return fn(*a, **k)
    wrapper.__name__, wrapper.__qualname__, wrapper.__module__ = (
        fn.__name__, fn.__qualname__, fn.__module__)  # pickled by name: workers fork
    return wrapper
for name in ("text_task", "page_task", "parse_task"):
    if hasattr(tasks, name):
        setattr(tasks, name, stamped(getattr(tasks, name)))
from pipeline.cli import main
t0 = time.time()
t = time.perf_counter()
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    if exc.code:
        raise
finally:
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024
    first = {}
    if os.path.exists(stamps):
        for line in open(stamps):
            kind, at = line.split()
            first.setdefault(kind, float(at) - t0)
    print(json.dumps({"s": time.perf_counter() - t, "load_s": spent[0], "rss_mib": rss,
                      "first_page_s": min([first.get("text_task", 1e9),
                                           first.get("page_task", 1e9)]),
                      "first_parse_s": first.get("parse_task")}),
          file=sys.stderr)
"""


def namnd_run(tree: Path, raw: Path, root: Path, jobs: int, *extra: str) -> dict[str, float]:
    """One `namnd run` of `tree`'s code in a fresh process; wall time includes start-up."""
    stamps = root / f"stamps-{time.time_ns()}.txt"
    env = dict(
        os.environ,
        PYTHONPATH=str(tree),
        NAMND_EXTRACTED=str(root / "extracted"),
        BENCH_STAMPS=str(stamps),
    )
    if PYCACHE:  # bytecode cached as in an installed package, kept outside the trees
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
    db = root / "warehouse" / "namnd.duckdb"
    args = ["run", "--raw", str(raw), "--db", str(db), "--plain", "--jobs", str(jobs), *extra]
    t0 = time.perf_counter()
    out = subprocess.run(
        [PY, "-c", CHILD, *args], env=env, capture_output=True, text=True, cwd=root
    )  # cwd: `python -c` puts the current directory before PYTHONPATH
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"namnd run failed ({out.returncode}): {out.stderr[-2000:]}")
    stats = json.loads(out.stderr.strip().splitlines()[-1])
    stats["wall"] = wall
    return stats


def settled(*paths: Path) -> None:
    """Date freshly written inputs an hour back: `namnd run` waits 2 s for files written in
    the last 2 s (are they still growing? `run.discover`), which an analyst's files dropped
    a while before the run never pay."""
    old = time.time() - 3600
    for p in paths:
        for f in [p] if p.is_file() else p.rglob("*"):
            os.utime(f, (old, old))


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def trees(args: argparse.Namespace) -> list[tuple[str, Path]]:
    out = [("this tree", REPO)]
    if args.baseline:
        out.append(("baseline", Path(args.baseline).resolve()))
    return out


def compare(
    label: str, figures: dict[str, list[float]], unit: str, fmt: str = ".2f", rate: bool = False
) -> None:
    """One line of medians; with a baseline, how many times faster this tree is."""
    parts = [
        f"{name} {med(v):{fmt}} {unit} {[round(x, 2) for x in v]}" for name, v in figures.items()
    ]
    line = f"{label}: " + "; ".join(parts)
    if "baseline" in figures and med(figures["this tree"]) > 0 and med(figures["baseline"]) > 0:
        this, base = med(figures["this tree"]), med(figures["baseline"])
        line += f"  -> {(this / base if rate else base / this):.2f}x the baseline's speed"
    print(line, flush=True)


# --------------------------------------------------------------------------- noop


def bench_noop(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.cache:  # a warm extracted/ from an earlier run: no OCR needed to get started
            shutil.copytree(args.cache, root / "extracted")
        first = namnd_run(REPO, REPO / "raw", root, args.jobs)  # builds caches and warehouse
        what = "from the cache in --cache" if args.cache else "from scratch"
        print(f"noop: first run over the samples {what}: {first['wall']:.1f} s", flush=True)
        got: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
        for _ in range(args.repeat):
            for name, tree in trees(args):
                got[name].append(namnd_run(tree, REPO / "raw", root, args.jobs)["wall"])
        compare("noop: rerun with nothing new (13 files, process start included)", got, "s")


# --------------------------------------------------------------------------- transcripts


def transcripts(raw: Path, n: int = 100) -> None:
    seeds = sorted((REPO / "raw" / "transcripts").glob("*.txt"))
    raw.mkdir(parents=True)
    for i in range(n):
        src = seeds[i % len(seeds)]
        text = src.read_text(encoding="utf-8")
        (raw / f"{i:03d}_{src.name}").write_text(f"{text}\nBilaga {i}\n", encoding="utf-8")
    settled(raw)


def bench_transcripts(args: argparse.Namespace) -> None:
    whole: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
    loading: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
    for _ in range(args.repeat):
        for name, tree in trees(args):
            with tempfile.TemporaryDirectory() as tmp:
                transcripts(Path(tmp) / "raw")
                r = namnd_run(tree, Path(tmp) / "raw", Path(tmp), args.jobs)
                whole[name].append(r["wall"])
                loading[name].append(r["load_s"])
                print(f"  ({name}: {r['wall']:.1f} s, {r['load_s']:.1f} s loading)", flush=True)
    compare("transcripts: 100 files from scratch, whole run", whole, "s")
    compare("transcripts: of which in the warehouse (connect, prepare, load, log)", loading, "s")


# --------------------------------------------------------------------------- born-digital


def born_pdf(path: Path, n: int = 204) -> Path:
    from tests.helpers import letter_text, text_pdf

    out = text_pdf(path, [letter_text(i) for i in range(n)])
    settled(out)
    return out


def rate(fn: Callable[[], int], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        n = fn()
        out.append(n / (time.perf_counter() - t))
    return out


def bench_born(args: argparse.Namespace) -> None:
    import pypdfium2 as pdfium

    from pipeline.config import OcrSettings
    from pipeline.text import pdf as pdf_mod
    from pipeline.text.document import read_text_pages

    with tempfile.TemporaryDirectory() as tmp:
        src = born_pdf(Path(tmp) / "raw" / "born204.pdf")

        def raw_rate() -> int:
            doc = pdfium.PdfDocument(str(src))
            for i in range(len(doc)):
                page = doc[i]
                tp = page.get_textpage()
                tp.get_text_range()
                tp.close()
                page.close()
            n = len(doc)
            doc.close()
            return n

        def text_stage() -> int:
            pdf_mod.release_worker_pdf()
            return read_text_pages(src, OcrSettings()).n_pages

        raw = rate(raw_rate, args.repeat)
        stage = rate(text_stage, args.repeat)
        print(
            f"born: pypdfium2 raw {med(raw):.0f} pages/s; text stage alone (this tree, one "
            f"process) {med(stage):.0f} pages/s = {med(stage) / med(raw):.2f} of raw",
            flush=True,
        )
        got: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
        rss: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
        for _ in range(args.repeat):
            for name, tree in trees(args):
                with tempfile.TemporaryDirectory() as w:
                    r = namnd_run(tree, src.parent, Path(w), args.jobs)
                    got[name].append(204 / r["wall"])
                    rss[name].append(r["rss_mib"])
                    print(f"  ({name}: {r['wall']:.1f} s, {r['rss_mib']} MiB)", flush=True)
        compare("born: whole run, 204 pages", got, "pages/s", ".1f", rate=True)
        compare("born: peak RSS of the largest process", rss, "MiB", ".0f")


# --------------------------------------------------------------------------- small batch


def bench_small(args: argparse.Namespace) -> None:
    """A handful of born-digital PDFs (5 × 4 pages), as an analyst drops them: the whole run,
    and when the first page and the first understanding start (process start included)."""
    from tests.helpers import letter_text, text_pdf

    def make(raw: Path) -> None:
        for k in range(5):
            text_pdf(raw / f"small{k}.pdf", [letter_text(4 * k + i) for i in range(4)])

    first_tasks(args, "small: 5 born-digital PDFs (20 pages) from scratch", "small", make)


def bench_scans(args: argparse.Namespace) -> None:
    """A handful of one-page scans (3, rendered from letters): what a run that OCRs costs
    besides Tesseract — the whole run, when the first page and the first understanding
    start."""
    from tests.helpers import letter_text, scanned_pdf

    def make(raw: Path) -> None:
        for k in range(3):
            scanned_pdf(raw / f"scan{k}.pdf", [letter_text(k)])

    first_tasks(args, "scans: 3 one-page scans from scratch", "scans", make)


def first_tasks(
    args: argparse.Namespace, label: str, short: str, make: Callable[[Path], None]
) -> None:
    """`namnd run` over the files `make` writes, from scratch, `--repeat` times per tree: the
    whole run, and when the first page and the first understanding task start. With
    `--keep DIR`, each tree's last warehouse is kept in DIR/<tree>/ (to compare with
    `warehouse_dump.py`)."""
    whole: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
    first_page: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
    first_parse: dict[str, list[float]] = {name: [] for name, _ in trees(args)}
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        make(raw)
        settled(raw)
        for _ in range(args.repeat):
            for name, tree in trees(args):
                with tempfile.TemporaryDirectory() as w:
                    r = namnd_run(tree, raw, Path(w), args.jobs)
                    if args.keep:
                        keep = Path(args.keep) / name
                        shutil.rmtree(keep, ignore_errors=True)
                        shutil.copytree(Path(w) / "warehouse", keep)
                whole[name].append(r["wall"])
                first_page[name].append(r["first_page_s"])
                first_parse[name].append(r["first_parse_s"] or float("nan"))
                print(
                    f"  ({name}: {r['wall']:.1f} s; first page at {r['first_page_s']:.1f} s, "
                    f"first understanding at {r['first_parse_s'] or float('nan'):.1f} s)",
                    flush=True,
                )
    compare(f"{label}, whole run", whole, "s")
    compare(f"{short}: first page read at", first_page, "s")
    compare(f"{short}: first understanding task at", first_parse, "s")


# --------------------------------------------------------------------------- OCR


def bench_ocr(args: argparse.Namespace) -> None:
    from PIL import Image

    from pipeline.config import OcrSettings
    from pipeline.text.pdf import open_pdf
    from pipeline.text.render import render_gray

    scans = sorted((REPO / "raw" / "scanned").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        images: list[tuple[Path, Path]] = []  # (pdf, image)
        for src in scans:
            with open_pdf(src) as pdf:
                for i in range(len(pdf)):
                    page = pdf.doc[i]
                    img = tmpd / f"{src.stem}-{i:03d}.pgm"
                    Image.fromarray(render_gray(page, OcrSettings())).save(img, format="PPM")
                    page.close()
                    images.append((src, img))
        small_files: list[Path] = []
        small_pages = 0
        for src in scans:  # whole files up to 17 pages: the small batch
            n = sum(1 for s, _ in images if s == src)
            if small_pages + n <= 17:
                small_files.append(src)
                small_pages += n
        env = dict(os.environ, OMP_THREAD_LIMIT="1")

        def serial(files: list[Path]) -> float:
            t = time.perf_counter()
            for s, img in images:
                if s in files:
                    subprocess.run(
                        ["tesseract", str(img), "-", "-l", "swe", "--dpi", "300"],
                        check=True,
                        capture_output=True,
                        env=env,
                    )
            return time.perf_counter() - t

        fits: dict[str, list[float]] = {}
        for label, files in (("all", scans), ("small", small_files)):
            n_pages = sum(1 for s, _ in images if s in files)
            raw = tmpd / f"raw-{label}"
            raw.mkdir()
            for f in files:
                shutil.copy(f, raw / f.name)
            base = [serial(files) for _ in range(args.repeat)]
            for name, tree in trees(args):
                runs = []
                for _ in range(args.repeat):
                    with tempfile.TemporaryDirectory() as w:
                        runs.append(namnd_run(tree, raw, Path(w), args.jobs)["wall"])
                fits.setdefault(name, []).extend([n_pages, med(runs)])
                print(
                    f"ocr ({name}): {n_pages} pages: serial tesseract loop {med(base):.1f} s, "
                    f"namnd run {med(runs):.1f} s {[round(x, 1) for x in runs]} -> "
                    f"{med(base) / med(runs):.2f}x",
                    flush=True,
                )
        for name, (n1, t1, n2, t2) in fits.items():
            per_page = (t1 - t2) / (n1 - n2)
            print(
                f"ocr ({name}): fitted {per_page:.2f} s per page, fixed cost "
                f"{t2 - per_page * n2:.1f} s per run",
                flush=True,
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", default="small,born,noop,transcripts,ocr")
    ap.add_argument("--baseline", help="another checkout to run on the same inputs")
    ap.add_argument("--cache", help="noop: an extracted/ folder of the samples to start from")
    ap.add_argument("--keep", help="small, scans: keep each tree's last warehouse in KEEP/<tree>/")
    ap.add_argument(
        "--pycache",
        help="keep bytecode in this folder (PYTHONPYCACHEPREFIX) even where the environment "
        "sets PYTHONDONTWRITEBYTECODE: with it, every run compiles every module it imports "
        "again (a quarter of a no-op rerun), which an installed package never does",
    )
    args = ap.parse_args()
    global PYCACHE
    PYCACHE = args.pycache
    print(
        f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at start; "
        f"median of {args.repeat}; bytecode "
        + (
            f"cached in {PYCACHE}"
            if PYCACHE
            else "not written"
            if os.environ.get("PYTHONDONTWRITEBYTECODE")
            else "cached beside the sources"
        ),
        flush=True,
    )
    benches = {
        "noop": bench_noop,
        "transcripts": bench_transcripts,
        "born": bench_born,
        "small": bench_small,
        "scans": bench_scans,
        "ocr": bench_ocr,
    }
    for name in args.only.split(","):
        benches[name](args)
    print(f"load average {os.getloadavg()[0]:.2f} at the end", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
