"""Page images and scanned PDFs for the generated samples: a laid-out page drawn as an image
(the same geometry as the born-digital writer in ``render.py``), degraded like a scan (skew,
noise, blur; seeded), and written as an image-only PDF (CCITT G4 or JPEG), or merged with
born-digital pages into a mixed PDF.

Generation tooling, not part of the production pipeline; the same inputs always give
byte-identical outputs (given the same library versions).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import img2pdf
import numpy as np
import pikepdf
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.devtools.render import (
    _TEXT_WIDTH_PT,
    A4_PT,
    CELL_PT,
    DEJAVU_SANS,
    FONT_SIZE,
    LEADING,
    MARGIN_TOP,
    MARGIN_X,
    MIN_FONT_SIZE,
    _is_plain,
    born_digital_bytes,
    derive_seed,
    layout_runs,
    table_scale,
)

__all__ = [
    "Encoding",
    "degrade_image",
    "merge_pdfs",
    "mixed_pdf",
    "page_size_px",
    "render_page_image",
    "scan_images",
    "scanned_pdf",
    "set_page_rotation",
]


Encoding = Literal["g4", "jpeg"]


@functools.lru_cache(maxsize=64)
def _font(font_path: str, size_px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path, size=size_px)


def page_size_px(dpi: int) -> tuple[int, int]:
    """A4 size in pixels at ``dpi`` (rounded to whole pixels)."""
    return round(A4_PT[0] * dpi / 72), round(A4_PT[1] * dpi / 72)


def render_page_image(
    lines: Sequence[str], *, dpi: int = 300, font: str = DEJAVU_SANS
) -> Image.Image:
    """Render laid-out page lines as a clean greyscale (mode ``"L"``) A4 image.

    Same geometry as :func:`born_digital_pdf` (margins, baselines, font size in points), with
    the TrueType font ``font`` (anti-aliased, black on white). Lines too wide for the text
    column are drawn smaller.
    """
    scale = dpi / 72.0
    img = Image.new("L", page_size_px(dpi), 255)
    draw = ImageDraw.Draw(img)
    max_w = _TEXT_WIDTH_PT * scale
    shrink = table_scale(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        y = (MARGIN_TOP + FONT_SIZE + i * LEADING) * scale
        runs = layout_runs(line)
        if not _is_plain(runs):
            for col, text in runs:
                x = (MARGIN_X + col * CELL_PT * shrink) * scale
                size = FONT_SIZE * scale * shrink
                draw.text((x, y), text, fill=0, font=_font(font, size), anchor="ls")
            continue
        size = FONT_SIZE * scale
        width = _font(font, size).getlength(line)
        if width > max_w:
            size = max(MIN_FONT_SIZE * scale, size * max_w / width * 0.999)
        draw.text((MARGIN_X * scale, y), line, fill=0, font=_font(font, size), anchor="ls")
    return img


def degrade_image(
    img: Image.Image,
    *,
    skew_deg: float,
    noise_sigma: float,
    blur_radius: float,
    seed: int,
) -> Image.Image:
    """Simulate a scan: rotate by ``skew_deg`` (counter-clockwise, white fill), Gaussian blur
    with ``blur_radius`` pixels, then add Gaussian noise of standard deviation
    ``noise_sigma`` grey levels drawn from ``numpy.random.default_rng(seed)``.

    Returns a new greyscale image; deterministic for equal arguments.
    """
    out = img.convert("L")
    if skew_deg:
        out = out.rotate(skew_deg, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if blur_radius > 0:
        out = out.filter(ImageFilter.GaussianBlur(blur_radius))
    if noise_sigma > 0:
        rng = np.random.default_rng(seed)
        arr = np.asarray(out, dtype=np.float32)
        noise = rng.standard_normal(arr.shape, dtype=np.float32) * np.float32(noise_sigma)
        arr = np.clip(np.rint(arr + noise), 0, 255).astype(np.uint8)
        out = Image.fromarray(arr)
    return out


def scan_images(
    pages: Sequence[Sequence[str]],
    *,
    seed_key: str,
    dpi: int = 300,
    max_skew_deg: float = 1.5,
    noise_sigma: float = 6.0,
    blur_radius: float = 0.6,
    rotation: int = 0,
    font: str = DEJAVU_SANS,
) -> list[Image.Image]:
    """Render and degrade every laid-out page like a scanner would.

    Page ``i`` gets a skew drawn uniformly from ``[-max_skew_deg, max_skew_deg]`` and noise
    seeded from ``derive_seed(seed_key, i)``. ``rotation`` (0/90/180/270, clockwise) turns
    the whole page image afterwards, as if the sheet had been fed sideways or upside down.
    """
    if rotation % 90:
        raise ValueError("rotation must be a multiple of 90")
    images: list[Image.Image] = []
    for i, lines in enumerate(pages):
        rng = np.random.default_rng(derive_seed(seed_key, i, "skew"))
        skew = float(rng.uniform(-max_skew_deg, max_skew_deg)) if max_skew_deg else 0.0
        img = degrade_image(
            render_page_image(lines, dpi=dpi, font=font),
            skew_deg=round(skew, 3),
            noise_sigma=noise_sigma,
            blur_radius=blur_radius,
            seed=derive_seed(seed_key, i, "noise"),
        )
        if rotation % 360:
            img = img.rotate(-(rotation % 360), expand=True)
        images.append(img)
    return images


def _g4_tiff(img: Image.Image, dpi: int) -> bytes:
    bilevel = img.convert("L").convert("1", dither=Image.Dither.NONE)
    w, h = bilevel.size
    buf = io.BytesIO()
    # One strip for the whole page: img2pdf can only embed single-strip G4 data as-is.
    bilevel.save(
        buf,
        format="TIFF",
        compression="group4",
        dpi=(dpi, dpi),
        strip_size=((w + 7) // 8) * h + 1,
    )
    return buf.getvalue()


def _jpeg(img: Image.Image, dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    img.convert("L").save(buf, format="JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def _scanned_bytes(
    images: Sequence[Image.Image], encoding: Encoding, jpeg_quality: int, dpi: int
) -> bytes:
    if not images:
        raise ValueError("a scanned PDF needs at least one page image")
    if encoding == "g4":
        blobs = [_g4_tiff(im, dpi) for im in images]
    elif encoding == "jpeg":
        blobs = [_jpeg(im, dpi, jpeg_quality) for im in images]
    else:
        raise ValueError(f"unknown encoding {encoding!r}")
    data = img2pdf.convert(
        blobs,
        nodate=True,
        engine=img2pdf.Engine.internal,
        producer="namndarkiv devtools (img2pdf)",
    )
    assert isinstance(data, bytes)
    return data


def scanned_pdf(
    images: Sequence[Image.Image],
    path: str | Path,
    *,
    encoding: Encoding,
    jpeg_quality: int = 75,
    dpi: int = 300,
) -> Path:
    """Write an image-only PDF (no text layer), one page per image, page size from ``dpi``.

    ``"g4"``: each image is thresholded at 50 % grey and stored as a single-strip CCITT
    Group 4 TIFF that img2pdf embeds without re-encoding (``/CCITTFaxDecode``, ~50 kB per
    text page). ``"jpeg"``: greyscale JPEG at ``jpeg_quality`` (``/DCTDecode``). No creation
    date is written, so the bytes are reproducible. Returns ``path``.
    """
    path = Path(path)
    path.write_bytes(_scanned_bytes(images, encoding, jpeg_quality, dpi))
    return path


def set_page_rotation(data: bytes, degrees: int) -> bytes:
    """Return PDF ``data`` with ``/Rotate degrees`` set on every page (deterministic ``/ID``).

    Only the display rotation changes; page content (text layer, images) is untouched.
    """
    if degrees % 90:
        raise ValueError("/Rotate must be a multiple of 90")
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.obj.Rotate = degrees
        pdf.save(buf, deterministic_id=True)
    return buf.getvalue()


def merge_pdfs(parts: Sequence[tuple[bytes, int]], path: str | Path) -> Path:
    """Write a PDF made of page ``n`` of PDF ``data`` for every ``(data, n)`` in ``parts``.

    Saved by pikepdf with a deterministic ``/ID``. Returns ``path``.
    """
    path = Path(path)
    out = pikepdf.Pdf.new()
    sources: dict[int, pikepdf.Pdf] = {}
    try:
        for data, n in parts:
            key = id(data)
            if key not in sources:
                sources[key] = pikepdf.Pdf.open(io.BytesIO(data))
            out.pages.append(sources[key].pages[n])
        out.save(path, deterministic_id=True, compress_streams=True)
    finally:
        for src in sources.values():
            src.close()
        out.close()
    return path


def mixed_pdf(
    pages: Sequence[Sequence[str]],
    images: Mapping[int, Image.Image],
    path: str | Path,
    *,
    encoding: Encoding = "g4",
    jpeg_quality: int = 75,
    dpi: int = 300,
    title: str | None = None,
) -> Path:
    """Write one PDF mixing born-digital and scanned pages.

    Page ``i`` (0-based) is image-only, showing ``images[i]``, if ``i`` is a key of
    ``images``; every other page is a born-digital text page of ``pages[i]``. Pages are
    merged with pikepdf; output bytes are reproducible. Returns ``path``.
    """
    bad = sorted(k for k in images if not 0 <= k < len(pages))
    if bad:
        raise ValueError(f"image page indices out of range: {bad}")
    born = born_digital_bytes(pages, title)
    scan_idx = sorted(images)
    scanned = (
        _scanned_bytes([images[i] for i in scan_idx], encoding, jpeg_quality, dpi)
        if scan_idx
        else b""
    )
    where = {page: k for k, page in enumerate(scan_idx)}
    parts = [(scanned, where[i]) if i in where else (born, i) for i in range(len(pages))]
    return merge_pdfs(parts, path)
