"""Deterministic rendering helpers for generating sample PDFs from OCR transcripts.

Everything here is *generation* tooling (benchmarks, tests, sample inputs), not part of the
production pipeline. All functions are pure or write exactly one output file, and every
random choice comes from a seeded :mod:`numpy` generator, so the same inputs always produce
byte-identical outputs (given the same library versions).

Page geometry is shared by the born-digital PDF writer and the image renderer: A4, left and
right margin :data:`MARGIN_X`, first baseline at ``MARGIN_TOP + FONT_SIZE``, one line every
:data:`LEADING` points. A line that would be wider than the text column is drawn with a
smaller font size so that it fits; no text is ever clipped.

The *reference text* of a laid-out page (:func:`reference_text`) is exactly the text that was
drawn on it, one line per line, which is what OCR character error rate is measured against.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import textwrap
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import img2pdf
import numpy as np
import pikepdf
from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = [
    "A4_PT",
    "DEJAVU_SANS",
    "FONT_SIZE",
    "LEADING",
    "MARGIN_TOP",
    "MARGIN_X",
    "Encoding",
    "born_digital_bytes",
    "born_digital_pdf",
    "degrade_image",
    "derive_seed",
    "layout_pages",
    "merge_pdfs",
    "mixed_pdf",
    "reference_text",
    "render_page_image",
    "set_page_rotation",
    "page_size_px",
    "scan_images",
    "scanned_pdf",
    "split_transcript_pages",
    "winansi_safe",
]

#: A4 page size in PDF points (width, height).
A4_PT: tuple[float, float] = (595.2755905511812, 841.8897637795277)
#: Left and right margin in points.
MARGIN_X = 56.0
#: Distance from the top edge of the page to the top of the first text line, in points.
MARGIN_TOP = 60.0
#: Nominal font size in points (shrunk per line only when a line would not fit).
FONT_SIZE = 10.5
#: Baseline-to-baseline distance in points.
LEADING = 13.0
#: Smallest font size a too-wide line is shrunk to.
MIN_FONT_SIZE = 6.0
#: Default TrueType font for rendered page images.
DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#: Standard PDF font used for born-digital pages (WinAnsiEncoding: covers å/ä/ö/é).
PDF_FONT = "Helvetica"

Encoding = Literal["g4", "jpeg"]

_TEXT_WIDTH_PT = A4_PT[0] - 2 * MARGIN_X


# --------------------------------------------------------------------------- text layout


def _starts_with_one_space(line: str) -> bool:
    return line.startswith(" ") and not line.startswith("  ")


def split_transcript_pages(text: str) -> list[str]:
    """Split an OCR transcript into its pages.

    If the text contains form feeds, pages are separated by form feeds. Otherwise a new page
    begins at every line that starts with exactly one space (two or more spaces do not count);
    that single leading space is removed. The first line of the text may also start with one
    space: it is stripped, but does not produce an empty page before it. A trailing line that
    is just ``" "`` yields a final empty page (a blank page in the source document).
    """
    if "\f" in text:
        return text.split("\f")
    pages: list[list[str]] = [[]]
    for i, line in enumerate(text.split("\n")):
        if _starts_with_one_space(line):
            if i > 0:
                pages.append([])
            line = line[1:]
        pages[-1].append(line)
    return ["\n".join(p) for p in pages]


def _trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _wrap_line(line: str, width: int) -> list[str]:
    line = line.rstrip().expandtabs(8)
    if len(line) <= width:
        return [line]
    return textwrap.wrap(
        line,
        width=width,
        break_on_hyphens=False,
        break_long_words=True,
        replace_whitespace=False,
    )


def layout_pages(
    page_texts: list[str], *, chars_per_line: int = 90, lines_per_page: int = 56
) -> list[list[str]]:
    """Lay transcript pages out as output pages; return the lines of every output page.

    The transcript's own line breaks are kept; lines longer than ``chars_per_line`` are
    wrapped at word boundaries; trailing whitespace is dropped. Each transcript page starts a
    new output page, and a transcript page with more than ``lines_per_page`` lines continues
    on further output pages. Blank lines at the top and bottom of an output page are removed.
    A transcript page with no text becomes one empty output page (``[]``).
    """
    if chars_per_line < 1 or lines_per_page < 1:
        raise ValueError("chars_per_line and lines_per_page must be positive")
    out: list[list[str]] = []
    for page in page_texts:
        lines: list[str] = []
        for raw in page.split("\n"):
            lines.extend(_wrap_line(raw, chars_per_line))
        lines = _trim_blank(lines)
        if not lines:
            out.append([])
            continue
        for start in range(0, len(lines), lines_per_page):
            chunk = _trim_blank(lines[start : start + lines_per_page])
            if chunk:
                out.append(chunk)
    return out


#: width of one character column of a laid-out table (90 columns fill the text width)
CELL_PT = _TEXT_WIDTH_PT / 90
_RUN_GAP = re.compile(r"\s{2,}")


def layout_runs(line: str) -> list[tuple[int, str]]:
    """A line as (character column, text) runs. A transcript lays out tables and indented
    continuation lines with runs of spaces, as a word processor does with tab stops and table
    cells; each run is drawn at its column so that columns stay columns on the page."""
    runs: list[tuple[int, str]] = []
    pos = 0
    for m in _RUN_GAP.finditer(line):
        if m.start() > pos:
            runs.append((pos, line[pos : m.start()]))
        pos = m.end()
    if pos < len(line):
        runs.append((pos, line[pos:]))
    return runs


def _is_plain(runs: list[tuple[int, str]]) -> bool:
    return len(runs) <= 1 and (not runs or runs[0][0] == 0)


def reference_text(page_lines: Sequence[str]) -> str:
    """The exact text drawn on a laid-out page: its lines joined with ``"\\n"``."""
    return "\n".join(page_lines)


def winansi_safe(text: str) -> str:
    """Make ``text`` drawable with a standard PDF font (WinAnsi / cp1252).

    Characters cp1252 cannot encode are replaced by their NFKC form when that is encodable
    (``"ﬁ"`` becomes ``"fi"``), otherwise by ``"?"``. Text that is already cp1252 is returned
    unchanged, so for such text the born-digital reference text equals the layout text.
    """
    out: list[str] = []
    for ch in text:
        for cand in (ch, unicodedata.normalize("NFKC", ch)):
            try:
                cand.encode("cp1252")
            except UnicodeEncodeError:
                continue
            out.append(cand)
            break
        else:
            out.append("?")
    return "".join(out)


def derive_seed(*parts: object) -> int:
    """A stable 64-bit RNG seed from arbitrary parts (unlike ``hash()``, not salted per run)."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


# --------------------------------------------------------------------- born-digital PDF


def _canvas(target: str | Path | io.BytesIO, title: str | None) -> Any:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=A4_PT,
        invariant=1,
        pageCompression=1,
    )
    c.setAuthor("namndarkiv devtools")
    c.setCreator("pipeline.devtools.render")
    if title:
        c.setTitle(title)
    return c


def born_digital_bytes(pages: Sequence[Sequence[str]], title: str | None = None) -> bytes:
    """The bytes of :func:`born_digital_pdf` (same arguments, no file written)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buf = io.BytesIO()
    c = _canvas(buf, title)
    page_h = A4_PT[1]
    for lines in pages:
        for i, raw in enumerate(lines):
            line = winansi_safe(raw)
            if not line.strip():
                continue
            y = page_h - (MARGIN_TOP + FONT_SIZE + i * LEADING)
            runs = layout_runs(line)
            if not _is_plain(runs):
                c.setFont(PDF_FONT, FONT_SIZE)
                for col, text in runs:
                    c.drawString(MARGIN_X + col * CELL_PT, y, text)
                continue
            size = FONT_SIZE
            width = stringWidth(line, PDF_FONT, size)
            if width > _TEXT_WIDTH_PT:
                size = max(MIN_FONT_SIZE, size * _TEXT_WIDTH_PT / width * 0.999)
            c.setFont(PDF_FONT, size)
            y = page_h - (MARGIN_TOP + FONT_SIZE + i * LEADING)
            c.drawString(MARGIN_X, y, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def born_digital_pdf(
    pages: Sequence[Sequence[str]], path: str | Path, *, title: str | None = None
) -> Path:
    """Write a born-digital PDF (A4, Helvetica 10.5 pt, real text layer) of laid-out pages.

    ``pages`` is the output of :func:`layout_pages`. Text is passed through
    :func:`winansi_safe`. Uses reportlab's ``invariant=1`` so the bytes are reproducible.
    Returns ``path``.
    """
    path = Path(path)
    path.write_bytes(born_digital_bytes(pages, title))
    return path


# ------------------------------------------------------------------------ page images


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
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        y = (MARGIN_TOP + FONT_SIZE + i * LEADING) * scale
        runs = layout_runs(line)
        if not _is_plain(runs):
            for col, text in runs:
                x = (MARGIN_X + col * CELL_PT) * scale
                draw.text((x, y), text, fill=0, font=_font(font, FONT_SIZE * scale), anchor="ls")
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


# ------------------------------------------------------------------------ scanned PDFs


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
