"""Build a small, deterministic *harsh* test set of PDFs that stress OCR and page handling.

Usage::

    python -m pipeline.devtools.harsh OUTDIR [--seeds DIR]

Writes into ``OUTDIR`` (7 pages in total):

* ``harsh_noisy_jpeg.pdf`` -- the first 3 pages of seed ``002`` at 200 dpi, skew up to
  +-2 degrees, blur, Gaussian noise sigma 20, greyscale JPEG q50;
* ``harsh_sideways.pdf`` -- one scanned page (seed ``004``) whose *image* is turned 90 degrees
  clockwise, landscape page, no ``/Rotate``;
* ``harsh_upside_down.pdf`` -- one scanned page (seed ``000``) turned 180 degrees in the image;
* ``harsh_rotate90_text.pdf`` -- one born-digital text page (seed ``001``) with ``/Rotate 90``
  set on the page, so the text layer is displayed sideways;
* ``harsh_near_blank.pdf`` -- a near-blank scan: a few specks and a faint line, no text;
* ``reference.json`` -- ``{file name: [reference text of each page]}`` (``""`` when blank).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from pipeline.devtools import render, scans
from pipeline.devtools.make_samples import default_seeds_dir, seed_pages

__all__ = ["build_harsh", "main", "near_blank_image"]


def _seed(seeds_dir: Path, prefix: str) -> Path:
    found = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not found:
        raise FileNotFoundError(f"no seed {prefix}_*.txt in {seeds_dir}")
    return found[0]


def near_blank_image(*, dpi: int = 200, seed: int = 7) -> Image.Image:
    """A greyscale A4 page with no text: paper noise, a few dark specks and a faint line."""
    w, h = scans.page_size_px(dpi)
    rng = np.random.default_rng(seed)
    img = Image.new("L", (w, h), 250)
    draw = ImageDraw.Draw(img)
    # A faint, slightly slanted line, like the shadow of a fold or the scanner lid edge.
    y = int(h * 0.62)
    draw.line([(int(w * 0.08), y), (int(w * 0.93), y + int(h * 0.004))], fill=218, width=3)
    for _ in range(7):
        cx, cy = int(rng.integers(40, w - 40)), int(rng.integers(40, h - 40))
        r = int(rng.integers(1, 5))
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=int(rng.integers(20, 120)))
    return scans.degrade_image(img, skew_deg=0.0, noise_sigma=3.0, blur_radius=0.5, seed=seed)


def build_harsh(out_dir: str | Path, seeds_dir: str | Path | None = None) -> dict[str, list[str]]:
    """Write the harsh set into ``out_dir`` and return the reference mapping (also written
    to ``out_dir/reference.json``)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    seeds = Path(seeds_dir) if seeds_dir else default_seeds_dir()
    ref: dict[str, list[str]] = {}

    # (a) noisy low-resolution JPEG scan.
    pages = seed_pages(_seed(seeds, "002"))[:3]
    imgs = scans.scan_images(
        pages,
        seed_key="harsh:noisy",
        dpi=200,
        max_skew_deg=2.0,
        noise_sigma=20.0,
        blur_radius=1.0,
    )
    scans.scanned_pdf(imgs, out / "harsh_noisy_jpeg.pdf", encoding="jpeg", jpeg_quality=50, dpi=200)
    ref["harsh_noisy_jpeg.pdf"] = [render.reference_text(p) for p in pages]

    # (b) sideways image, (c) upside-down image; both bilevel G4 at 300 dpi.
    for name, prefix, index, rotation in (
        ("harsh_sideways.pdf", "004", 0, 90),
        ("harsh_upside_down.pdf", "000", 1, 180),
    ):
        page = seed_pages(_seed(seeds, prefix))[index]
        imgs = scans.scan_images(
            [page],
            seed_key=f"harsh:{name}",
            max_skew_deg=0.8,
            noise_sigma=8.0,
            blur_radius=0.6,
            rotation=rotation,
        )
        scans.scanned_pdf(imgs, out / name, encoding="g4")
        ref[name] = [render.reference_text(page)]

    # (d) born-digital text page displayed with /Rotate 90.
    page = seed_pages(_seed(seeds, "001"))[2]
    rotated = scans.set_page_rotation(render.born_digital_bytes([page]), 90)
    (out / "harsh_rotate90_text.pdf").write_bytes(rotated)
    ref["harsh_rotate90_text.pdf"] = [render.winansi_safe(render.reference_text(page))]

    # (e) near-blank page.
    scans.scanned_pdf(
        [near_blank_image(dpi=200)],
        out / "harsh_near_blank.pdf",
        encoding="jpeg",
        jpeg_quality=75,
        dpi=200,
    )
    ref["harsh_near_blank.pdf"] = [""]

    (out / "reference.json").write_text(
        json.dumps(ref, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return ref


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description="Write the harsh OCR test set.")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seeds", type=Path, default=None, help="seed transcripts directory")
    args = ap.parse_args(argv)
    ref = build_harsh(args.outdir, args.seeds)
    for name, pages in sorted(ref.items()):
        size = (args.outdir / name).stat().st_size
        print(f"{size:>10,d} B  {len(pages)} p  {args.outdir / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
