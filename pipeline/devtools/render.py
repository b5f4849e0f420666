"""Deterministic rendering helpers for generating sample PDFs from OCR transcripts.

Everything here is *generation* tooling (benchmarks, tests, sample inputs), not part of the
production pipeline. All functions are pure or write exactly one output file, and every
random choice comes from a seeded :mod:`numpy` generator, so the same inputs always produce
byte-identical outputs (given the same library versions).

Page geometry is shared by the born-digital PDF writer and the image renderer: A4, left and
right margin :data:`MARGIN_X`, first baseline at ``MARGIN_TOP + FONT_SIZE``, one line every
:data:`LEADING` points. A line that would be wider than the text column is drawn with a
smaller font size so that it fits; no text is ever clipped. Table rows and indented lines are
never wrapped: a page whose widest such line is wider than the column draws all of them
smaller by one factor (:func:`table_scale`), as a word processor prints a wide table.

The *reference text* of a laid-out page (:func:`reference_text`) is exactly the text that was
drawn on it, one line per line, which is what OCR character error rate is measured against.

Page images and scanned PDFs are drawn in ``scans.py`` with the same geometry.
"""

from __future__ import annotations

import hashlib
import io
import re
import textwrap
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "A4_PT",
    "DEJAVU_SANS",
    "FONT_SIZE",
    "LEADING",
    "MARGIN_TOP",
    "MARGIN_X",
    "born_digital_bytes",
    "born_digital_pdf",
    "derive_seed",
    "layout_pages",
    "reference_text",
    "split_transcript_pages",
    "table_scale",
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

_TEXT_WIDTH_PT = A4_PT[0] - 2 * MARGIN_X


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
    if len(line) <= width or _laid_out(line):
        # a table row is never broken: a word processor keeps a
        # table's row on its line and prints a wide table smaller (`table_scale`)
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


#: a laid-out line wider than this is running text with a double space in it, not a row
_MAX_ROW_CHARS = 150
_CELL_GAP = re.compile(r"\S {3,}\S")


def _laid_out(line: str) -> bool:
    """A table row: cells apart by three spaces or more (a double space after a full stop in
    running text is no cell gap, and an indented paragraph line wraps as running text)."""
    line = line.rstrip()
    if len(line) > _MAX_ROW_CHARS or _is_plain(layout_runs(line)):
        return False
    return bool(_CELL_GAP.search(line.strip()))


def table_scale(lines: Sequence[str], columns: int = 90) -> float:
    """How much smaller a page's laid-out lines (table rows, indented lines) are drawn so
    that the widest table row fits the text column: 1.0 when all fit. One factor per page
    keeps a table's columns aligned from row to row."""
    widest = max((len(ln.rstrip()) for ln in lines if ln.strip() and _laid_out(ln)), default=0)
    return min(1.0, columns / widest) if widest else 1.0


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
        shrink = table_scale(lines)
        for i, raw in enumerate(lines):
            line = winansi_safe(raw)
            if not line.strip():
                continue
            y = page_h - (MARGIN_TOP + FONT_SIZE + i * LEADING)
            runs = layout_runs(line)
            if not _is_plain(runs):
                c.setFont(PDF_FONT, FONT_SIZE * shrink)
                for col, text in runs:
                    c.drawString(MARGIN_X + col * CELL_PT * shrink, y, text)
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
