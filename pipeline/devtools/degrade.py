"""Named, ordered scan degradation levels for OCR robustness benchmarks.

Usage::

    python -m pipeline.devtools.degrade OUTDIR [--levels clean300 harsh200 ...]
                                               [--seeds SEED.txt ... | --seeds-dir DIR]

writes ``OUTDIR/<stem>.<level>.pdf`` for every seed and level, plus ``OUTDIR/reference.json``
mapping each file name to the reference text of each of its pages. Every file is a
deterministic, image-only scan of the seed's standard layout
(:func:`pipeline.devtools.make_samples.seed_pages`), so CER can be compared across levels.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.devtools import render, scans
from pipeline.devtools.make_samples import default_seeds_dir, seed_pages

__all__ = ["LEVELS", "Level", "degrade_seed", "get_level", "level_images", "main"]


@dataclass(frozen=True)
class Level:
    """One degradation level.

    ``skew_deg`` is the maximum absolute per-page skew (each page draws its own, seeded);
    ``noise_sigma`` is Gaussian noise in grey levels; ``blur_radius`` is a Gaussian blur
    radius in pixels at ``dpi``; ``encoding`` is ``"g4"`` (bilevel CCITT G4) or ``"jpeg"``
    (greyscale, ``jpeg_quality``); ``rotation`` turns every page image clockwise by that
    many degrees (no ``/Rotate``: the pixels themselves are turned).
    """

    name: str
    dpi: int
    skew_deg: float
    noise_sigma: float
    blur_radius: float
    encoding: scans.Encoding
    jpeg_quality: int = 75
    rotation: int = 0


#: Levels from easiest to hardest.
LEVELS: tuple[Level, ...] = (
    Level("clean300", dpi=300, skew_deg=0.0, noise_sigma=0.0, blur_radius=0.0, encoding="g4"),
    Level("mild300", dpi=300, skew_deg=0.7, noise_sigma=8.0, blur_radius=0.6, encoding="g4"),
    Level(
        "moderate300",
        dpi=300,
        skew_deg=1.5,
        noise_sigma=14.0,
        blur_radius=0.9,
        encoding="jpeg",
        jpeg_quality=70,
    ),
    Level(
        "harsh200",
        dpi=200,
        skew_deg=2.5,
        noise_sigma=20.0,
        blur_radius=1.0,
        encoding="jpeg",
        jpeg_quality=50,
    ),
    Level(
        "harsh200_rot",
        dpi=200,
        skew_deg=2.5,
        noise_sigma=20.0,
        blur_radius=1.0,
        encoding="jpeg",
        jpeg_quality=50,
        rotation=90,
    ),
)


def get_level(name: str) -> Level:
    """The level called ``name``; ``KeyError`` listing the valid names otherwise."""
    for level in LEVELS:
        if level.name == name:
            return level
    raise KeyError(f"unknown level {name!r}; known: {', '.join(lv.name for lv in LEVELS)}")


def level_images(pages: Sequence[Sequence[str]], stem: str, lv: Level) -> list[Any]:
    """The page images of a document scanned at degrade level `lv`, seeded from its stem."""
    return scans.scan_images(
        pages,
        seed_key=f"{stem}:{lv.name}",
        dpi=lv.dpi,
        max_skew_deg=lv.skew_deg,
        noise_sigma=lv.noise_sigma,
        blur_radius=lv.blur_radius,
        rotation=lv.rotation,
    )


def degrade_seed(seed_path: str | Path, level: Level | str, out_pdf: str | Path) -> list[str]:
    """Write a scanned PDF of ``seed_path`` at ``level`` to ``out_pdf``.

    Returns the reference text of each page (identical for every level of one seed).
    """
    lv = get_level(level) if isinstance(level, str) else level
    seed_path = Path(seed_path)
    pages = seed_pages(seed_path)
    images = level_images(pages, seed_path.stem, lv)
    scans.scanned_pdf(
        images, out_pdf, encoding=lv.encoding, jpeg_quality=lv.jpeg_quality, dpi=lv.dpi
    )
    return [render.reference_text(p) for p in pages]


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description="Write seed scans at named degradation levels.")
    ap.add_argument("outdir", type=Path)
    ap.add_argument(
        "--levels",
        nargs="+",
        default=[lv.name for lv in LEVELS],
        choices=[lv.name for lv in LEVELS],
        metavar="LEVEL",
        help="levels to write (default: all): " + ", ".join(lv.name for lv in LEVELS),
    )
    ap.add_argument("--seeds", nargs="+", type=Path, default=None, help="seed .txt files")
    ap.add_argument("--seeds-dir", type=Path, default=None, help="directory of seed .txt files")
    args = ap.parse_args(argv)
    seeds: list[Path] = args.seeds or sorted((args.seeds_dir or default_seeds_dir()).glob("*.txt"))
    if not seeds:
        ap.error("no seeds found")
    out: Path = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    ref_path = out / "reference.json"
    ref: dict[str, list[str]] = (
        json.loads(ref_path.read_text(encoding="utf-8")) if ref_path.exists() else {}
    )
    for seed in seeds:
        for name in args.levels:
            pdf = out / f"{seed.stem}.{name}.pdf"
            ref[pdf.name] = degrade_seed(seed, name, pdf)
            print(f"{pdf.stat().st_size:>10,d} B  {len(ref[pdf.name])} p  {pdf}")
    ref_path.write_text(
        json.dumps(ref, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
