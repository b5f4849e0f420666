"""OCR throughput and fidelity on the scanned samples.

Run on an idle machine (see README.md beside this file)::

    python tests/bench/bench_ocr.py [DIR] [--jobs 2] [--repeat 3] [--pages N]

DIR defaults to ``raw/scanned``. Every page is rendered once (300 dpi greyscale PGM), then:

a. a plain serial loop of ``tesseract IMG out -l swe`` (Tesseract's defaults) over the images;
b. our ``read_page`` over the same pages in a ``ProcessPoolExecutor(jobs)``;
c. CER of (b) against the reference text (``make_samples.reference_pages``);
d. ``read_page`` with the retry ladder off vs on (the ladder should cost < 10 % here);
e. the image hand-off: pytesseract given a PIL image (PNG temp file) vs our PGM temp file.

Each timing is repeated ``--repeat`` times; medians are printed.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import pytesseract  # noqa: E402
from PIL import Image  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from pipeline.config import OcrSettings  # noqa: E402
from pipeline.records import PageText  # noqa: E402
from pipeline.text.page import read_page  # noqa: E402
from pipeline.text.pdf import open_pdf, probe_pdf  # noqa: E402
from pipeline.text.render import render_gray  # noqa: E402
from pipeline.text.tesseract import recognise  # noqa: E402

Page = tuple[Path, int]


def cer(reference: str, text: str) -> float:
    ref, hyp = (re.sub(r"\s+", " ", s).strip() for s in (reference, text))
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def render_all(pages: list[Page], out: Path) -> list[Path]:
    settings = OcrSettings()
    images = []
    for pdf_path, no in pages:
        with open_pdf(pdf_path) as pdf:
            page = pdf.doc[no - 1]
            gray = render_gray(page, settings)
            page.close()
        img = out / f"{pdf_path.stem}-{no:03d}.pgm"
        Image.fromarray(gray).save(img, format="PPM")
        images.append(img)
    return images


def cli_loop(images: list[Path], out: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}  # Tesseract defaults
    for img in images:
        subprocess.run(
            ["tesseract", str(img), str(out / img.stem), "-l", "swe", "--dpi", "300"],
            check=True,
            capture_output=True,
            env=env,
        )


def _read(job: tuple[str, int, bool]) -> PageText:
    return read_page(Path(job[0]), job[1], OcrSettings(retry=job[2]))


def pool_run(pages: list[Page], jobs: int, retry: bool) -> list[PageText]:
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_read, [(str(p), n, retry) for p, n in pages]))


def references(pages: list[Page], seeds: Path) -> list[str | None]:
    try:
        from pipeline.devtools.make_samples import reference_pages
    except ImportError:
        return [None] * len(pages)
    cache: dict[str, list[str]] = {}
    refs: list[str | None] = []
    for pdf_path, no in pages:
        stem = pdf_path.name.split(".")[0]
        seed = seeds / f"{stem}.txt"
        if not seed.exists():
            refs.append(None)
            continue
        cache.setdefault(stem, reference_pages(seed))
        refs.append(cache[stem][no - 1] if no <= len(cache[stem]) else None)
    return refs


def hand_off(images: list[Path], repeat: int) -> tuple[float, float, float, float]:
    """Seconds per page: pytesseract with a PIL image (it writes PNG) vs our PGM path, and
    the encoding alone (PNG vs PGM)."""
    png = pgm = enc_png = enc_pgm = 0.0
    for img in images:
        with Image.open(img) as opened:
            arr = np.asarray(opened)
        pil = Image.fromarray(arr)  # no .format: pytesseract writes it as PNG, as for a render

        def via_png(pil: Image.Image = pil) -> object:
            return pytesseract.image_to_data(pil, lang="swe", config="--psm 3 --dpi 300")

        def via_pgm(arr: np.ndarray = arr) -> object:
            return recognise(arr, lang="swe", dpi=300, psm=3, timeout=600)

        png += timed(via_png, repeat)
        pgm += timed(via_pgm, repeat)
        enc_png += timed(lambda pil=pil: pil.save(io.BytesIO(), format="PNG"), repeat)
        enc_pgm += timed(lambda pil=pil: pil.save(io.BytesIO(), format="PPM"), repeat)
    n = len(images)
    return png / n, pgm / n, enc_png / n, enc_pgm / n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dir", nargs="?", type=Path, default=REPO / "raw" / "scanned")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pages", type=int, default=0, help="use only the first N pages (0 = all)")
    ap.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    ap.add_argument("--handoff-pages", type=int, default=3)
    args = ap.parse_args(argv)

    pdfs = sorted(args.dir.glob("*.pdf"))
    if not pdfs:
        ap.error(f"no PDFs in {args.dir} (run `python -m pipeline.devtools.make_samples`)")
    pages: list[Page] = [
        (p, n) for p in pdfs for n in range(1, probe_pdf(p, OcrSettings()).n_pages + 1)
    ]
    if args.pages:
        pages = pages[: args.pages]
    n = len(pages)
    load = os.getloadavg()[0]
    print(f"{n} pages from {len(pdfs)} files in {args.dir}; jobs={args.jobs}, repeat={args.repeat}")
    print(f"load average at start: {load:.2f} on {os.cpu_count()} cores (run on an idle machine)")

    with tempfile.TemporaryDirectory(prefix="bench_ocr_") as tmp:
        tmp_path = Path(tmp)
        images = render_all(pages, tmp_path)

        # interleaved, so a change in machine load hits all three alike
        runs: dict[str, list[float]] = {"cli": [], "on": [], "off": []}
        results: list[PageText] = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            cli_loop(images, tmp_path)
            runs["cli"].append(time.perf_counter() - start)
            start = time.perf_counter()
            results = pool_run(pages, args.jobs, True)
            runs["on"].append(time.perf_counter() - start)
            start = time.perf_counter()
            pool_run(pages, args.jobs, False)
            runs["off"].append(time.perf_counter() - start)
        t_cli, t_on, t_off = (statistics.median(runs[k]) for k in ("cli", "on", "off"))
        ppm_cli, ppm_ours = 60 * n / t_cli, 60 * n / t_on
        print(f"(a) tesseract CLI, serial:        {ppm_cli:7.1f} pages/min ({t_cli:.1f} s)")
        print(
            f"(b) read_page, {args.jobs} workers:         {ppm_ours:7.1f} pages/min ({t_on:.1f} s)"
        )
        print(f"    ratio (b)/(a):                 {ppm_ours / ppm_cli:7.2f}")

        refs = references(pages, args.seeds)
        scored = [
            (cer(ref, page.text), page)
            for ref, page in zip(refs, results, strict=True)
            if ref is not None
        ]
        if scored:
            errs = sorted(e for e, _ in scored)
            print(
                f"(c) CER vs reference over {len(errs)} pages: median {100 * statistics.median(errs):.3f} %, "
                f"mean {100 * statistics.mean(errs):.3f} %, worst {100 * errs[-1]:.3f} %"
            )
            flagged = sum(1 for _, p in scored if p.quality != "good")
            retried = sum(1 for _, p in scored if p.retries)
            print(
                f"    pages flagged doubtful/failed: {flagged}; pages that climbed the ladder: {retried}"
            )
        else:
            print("(c) CER: no reference text found (pipeline.devtools.make_samples, --seeds)")

        print(f"(d) ladder off {t_off:.1f} s, on {t_on:.1f} s: on/off = {t_on / t_off:.3f}")

        sample = images[: args.handoff_pages]
        png, pgm, enc_png, enc_pgm = hand_off(sample, args.repeat)
        print(
            f"(e) hand-off over {len(sample)} pages: PIL→PNG {png:.2f} s/page, "
            f"PGM {pgm:.2f} s/page (PNG/PGM = {png / pgm:.2f}); "
            f"encoding alone: PNG {enc_png:.3f} s, PGM {enc_pgm:.3f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
