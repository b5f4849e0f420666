"""Page images for OCR: pypdfium2 rendering behind a decompression-bomb guard.

The guard looks at the page size and at the pixel size of every embedded image *before*
anything is decoded, so a page that would need gigabytes is refused with a clear reason
instead of taking a worker down.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from pipeline.config import OcrSettings
from pipeline.errors import PageError

# PIL's own bomb check is the backstop for any image opened through PIL; keep it finite and
# no looser than our render limit.
_DEFAULT_LIMIT = OcrSettings().max_render_pixels
if Image.MAX_IMAGE_PIXELS is None or Image.MAX_IMAGE_PIXELS > _DEFAULT_LIMIT:
    Image.MAX_IMAGE_PIXELS = _DEFAULT_LIMIT


def check_render_size(page: pdfium.PdfPage, settings: OcrSettings) -> None:
    """Raise `PageError` if rendering the page at `settings.dpi`, or decoding one of its
    images, would exceed `settings.max_render_pixels`."""
    width, height = page.get_size()
    if not (width > 0 and height > 0):
        raise PageError(f"render refused: page has no size ({width:g} × {height:g} pt)")
    limit = settings.max_render_pixels
    px_w, px_h = round(width * settings.dpi / 72), round(height * settings.dpi / 72)
    if px_w * px_h > limit:
        raise PageError(
            f"render refused: page would be {px_w} × {px_h} pixels "
            f"({px_w * px_h / 1e6:.0f} MP at {settings.dpi} dpi, limit {limit / 1e6:.0f} MP)"
        )
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        assert isinstance(obj, pdfium.PdfImage)
        try:
            w, h = obj.get_px_size()
        except pdfium.PdfiumError:
            continue
        if w * h > limit:
            raise PageError(
                f"render refused: embedded image of {w} × {h} pixels "
                f"({w * h / 1e6:.0f} MP, limit {limit / 1e6:.0f} MP)"
            )


def render_gray(page: pdfium.PdfPage, settings: OcrSettings) -> np.ndarray:
    """The page as displayed (its /Rotate applied), greyscale uint8 at `settings.dpi`."""
    check_render_size(page, settings)
    bitmap = page.render(scale=settings.dpi / 72, grayscale=True, may_draw_forms=True)
    try:
        image = bitmap.to_pil()
        return np.array(image.convert("L") if image.mode != "L" else image)
    finally:
        bitmap.close()


def image_cover(page: pdfium.PdfPage) -> float:
    """Share of the page covered by its largest image (a scan covers ~1.0)."""
    pw, ph = page.get_size()
    if not (pw > 0 and ph > 0):
        return 0.0
    cover = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        cover = max(cover, (right - left) * (top - bottom) / (pw * ph))
    return min(cover, 1.0)


def bilevel_scan(page: pdfium.PdfPage) -> bool:
    """Is the page a 1-bit scan (CCITT G4, JBIG2, …): one such image covering most of it?"""
    pw, ph = page.get_size()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        assert isinstance(obj, pdfium.PdfImage)
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) < 0.5 * pw * ph:
            continue
        try:
            return obj.get_metadata().bits_per_pixel == 1
        except pdfium.PdfiumError:
            return False
    return False
