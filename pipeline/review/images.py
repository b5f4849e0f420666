"""Page images for the review page: a whole page, or a crop around a value's box with the
box drawn, rendered from the PDF by pypdfium2 as PNG (in memory; nothing is written).

Boxes are in PDF points of the page as displayed, top-left origin
(:mod:`pipeline.text.boxes`), which is how pdfium renders a page, so a point maps to a pixel
by the render scale alone.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from pipeline.text.pdf import open_pdf

#: Resolution of the crops and of the whole-page view.
CROP_DPI = 150
PAGE_DPI = 100
#: Room around the box in a crop (points): enough for the lines above and below.
CROP_MARGIN_PT = 36.0
BOX_COLOUR = (220, 30, 30)


def _render(path: Path, page_no: int, dpi: int) -> Image.Image:
    with open_pdf(path) as pdf:
        if not 1 <= page_no <= len(pdf):
            raise ValueError(f"page {page_no} out of range 1..{len(pdf)}")
        page = pdf.doc[page_no - 1]
        try:
            bitmap = page.render(scale=dpi / 72)
            try:
                return bitmap.to_pil().convert("RGB")
            finally:
                bitmap.close()
        finally:
            page.close()


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def page_png(
    path: Path, page_no: int, box: tuple[float, float, float, float] | None = None
) -> bytes:
    """The whole page, with `box` (points) drawn when given."""
    image = _render(path, page_no, PAGE_DPI)
    if box is not None:
        _draw(image, box, PAGE_DPI / 72, (0.0, 0.0))
    return _png(image)


def crop_png(path: Path, page_no: int, box: tuple[float, float, float, float]) -> bytes:
    """The page around `box` (points, x0 y0 x1 y1), full width of the text, with the box drawn."""
    image = _render(path, page_no, CROP_DPI)
    k = CROP_DPI / 72
    x0, y0, x1, y1 = box
    left = max(0.0, x0 - CROP_MARGIN_PT) * k
    top = max(0.0, y0 - CROP_MARGIN_PT) * k
    right = min(image.width, (x1 + CROP_MARGIN_PT) * k)
    bottom = min(image.height, (y1 + CROP_MARGIN_PT) * k)
    crop = image.crop((int(left), int(top), int(right), int(bottom)))
    _draw(crop, box, k, (int(left), int(top)))
    return _png(crop)


def _draw(
    image: Image.Image,
    box: tuple[float, float, float, float],
    k: float,
    origin: tuple[float, float],
) -> None:
    x0, y0, x1, y1 = box
    ox, oy = origin
    ImageDraw.Draw(image).rectangle(
        (x0 * k - ox - 2, y0 * k - oy - 2, x1 * k - ox + 2, y1 * k - oy + 2),
        outline=BOX_COLOUR,
        width=3,
    )


def page_count(path: Path) -> int:
    with open_pdf(path) as pdf:
        return len(pdf)
