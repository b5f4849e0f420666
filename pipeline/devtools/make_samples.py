"""Generate the committed sample inputs under ``raw/`` from the OCR transcript seeds.

Usage::

    python -m pipeline.devtools.make_samples [--out raw] [--seeds ../shared/seeds]

The seeds directory is, in order of precedence: ``--seeds``, the environment variable
``NAMND_SEEDS``, ``<repo>/../shared/seeds``. For every seed ``<stem>.txt`` it writes

* ``raw/transcripts/<stem>.txt`` -- the seed, copied byte for byte;
* ``raw/scanned/<stem>.scan.pdf`` -- image-only scan at 300 dpi, per-page skew within
  +-1.5 degrees, mild blur and noise; bilevel CCITT G4, except seed ``001`` which is a
  greyscale JPEG (q75) scan;
* ``raw/born/<stem>.born.pdf`` for seeds ``001`` and ``002`` -- born-digital, real text layer;
* ``raw/mixed/<stem>.mixed.pdf`` for seed ``000`` -- odd pages (1st, 3rd, ...) text layer,
  even pages scanned (G4).

All variants of one seed share one layout (:func:`seed_pages`), so page ``i`` of every
variant has the reference text ``reference_pages(seed)[i]``. Output is byte-for-byte
reproducible; ``raw/`` holds only ``.pdf`` and ``.txt`` files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.devtools import render, scans

__all__ = [
    "REPO_ROOT",
    "SCAN_BLUR",
    "SCAN_NOISE",
    "SCAN_SKEW",
    "Variants",
    "default_seeds_dir",
    "generate",
    "generate_seed",
    "main",
    "plan_for",
    "reference_pages",
    "seed_pages",
]

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Maximum absolute per-page skew of the scanned samples, degrees.
SCAN_SKEW = 1.5
#: Gaussian noise sigma (grey levels) per encoding of the scanned samples.
SCAN_NOISE: dict[scans.Encoding, float] = {"g4": 8.0, "jpeg": 5.0}
#: Gaussian blur radius (pixels at 300 dpi) of the scanned samples.
SCAN_BLUR = 0.6
SCAN_DPI = 300
JPEG_QUALITY = 75


@dataclass(frozen=True)
class Variants:
    """Which sample files to generate for one seed."""

    scan_encoding: scans.Encoding = "g4"
    born: bool = False
    mixed: bool = False


def plan_for(stem: str) -> Variants:
    """The variants generated for the seed with file stem ``stem`` (keyed by its prefix)."""
    prefix = stem.split("_", 1)[0]
    return Variants(
        scan_encoding="jpeg" if prefix == "001" else "g4",
        born=prefix in {"001", "002"},
        mixed=prefix == "000",
    )


def default_seeds_dir() -> Path:
    """``$NAMND_SEEDS`` if set, else ``<repo>/../shared/seeds``."""
    env = os.environ.get("NAMND_SEEDS")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "seeds"


def seed_pages(seed_path: str | Path) -> list[list[str]]:
    """The laid-out lines of every output page for a seed transcript (UTF-8)."""
    text = Path(seed_path).read_text(encoding="utf-8")
    return render.layout_pages(render.split_transcript_pages(text))


def reference_pages(seed_path: str | Path) -> list[str]:
    """Reference text of each page of every PDF generated from ``seed_path``.

    Index ``i`` is page ``i + 1`` of the scanned, born-digital and mixed variants alike
    (empty string for a blank page). Born-digital text is drawn through
    :func:`render.winansi_safe`, which is the identity for the five committed seeds.
    """
    return [render.reference_text(p) for p in seed_pages(seed_path)]


def generate_seed(
    seed_path: str | Path,
    out: str | Path,
    variants: Variants | None = None,
    *,
    dpi: int = SCAN_DPI,
) -> list[Path]:
    """Write all sample files for one seed under ``out``; return their paths.

    ``variants`` defaults to :func:`plan_for` of the seed's stem.
    """
    seed_path = Path(seed_path)
    out = Path(out)
    stem = seed_path.stem
    v = variants or plan_for(stem)
    pages = seed_pages(seed_path)
    written: list[Path] = []

    def target(sub: str, name: str) -> Path:
        d = out / sub
        d.mkdir(parents=True, exist_ok=True)
        return d / name

    dst = target("transcripts", f"{stem}.txt")
    shutil.copyfile(seed_path, dst)
    written.append(dst)

    images = scans.scan_images(
        pages,
        seed_key=f"{stem}:scan",
        dpi=dpi,
        max_skew_deg=SCAN_SKEW,
        noise_sigma=SCAN_NOISE[v.scan_encoding],
        blur_radius=SCAN_BLUR * dpi / SCAN_DPI,
    )
    written.append(
        scans.scanned_pdf(
            images,
            target("scanned", f"{stem}.scan.pdf"),
            encoding=v.scan_encoding,
            jpeg_quality=JPEG_QUALITY,
            dpi=dpi,
        )
    )
    if v.born:
        written.append(render.born_digital_pdf(pages, target("born", f"{stem}.born.pdf")))
    if v.mixed:
        if v.scan_encoding == "g4":
            g4_images = images
        else:
            g4_images = scans.scan_images(
                pages,
                seed_key=f"{stem}:scan",
                dpi=dpi,
                max_skew_deg=SCAN_SKEW,
                noise_sigma=SCAN_NOISE["g4"],
                blur_radius=SCAN_BLUR * dpi / SCAN_DPI,
            )
        even = {i: g4_images[i] for i in range(1, len(pages), 2)}  # 2nd, 4th, ... page
        written.append(scans.mixed_pdf(pages, even, target("mixed", f"{stem}.mixed.pdf"), dpi=dpi))
    return written


def generate(out: str | Path, seeds_dir: str | Path) -> list[Path]:
    """Generate the samples of every ``*.txt`` seed in ``seeds_dir`` (sorted) under ``out``."""
    seeds = sorted(Path(seeds_dir).glob("*.txt"))
    if not seeds:
        raise FileNotFoundError(f"no *.txt seeds in {seeds_dir}")
    written: list[Path] = []
    for seed in seeds:
        written.extend(generate_seed(seed, out))
    return written


def _page_count(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; prints every written file with its size and page count."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "raw", help="output dir (raw/)")
    ap.add_argument("--seeds", type=Path, default=None, help="seed transcripts directory")
    args = ap.parse_args(argv)
    seeds_dir = args.seeds or default_seeds_dir()
    try:
        written = generate(args.out, seeds_dir)
    except FileNotFoundError as exc:
        ap.error(f"{exc} (use --seeds or NAMND_SEEDS)")
    total = 0
    for p in written:
        size = p.stat().st_size
        total += size
        pages = f"{_page_count(p):3d} p" if p.suffix == ".pdf" else "     "
        print(f"{size:>10,d} B  {pages}  {p}")
    print(f"{total:>10,d} B  total ({total / 1e6:.2f} MB) in {len(written)} files")
    if total > 25_000_000:
        print("error: samples exceed the 25 MB budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
