"""Small real inputs for end-to-end tests: text PDFs, scanned PDFs, warehouse snapshots."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import duckdb
import img2pdf
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.warehouse.migrate import PER_DOCUMENT_TABLES

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

LETTER = """Socialförvaltningen
Tjänsteutlåtande
Dnr 3.1-{n}/2019

Handläggare
Eva Exempelsson
Till
Socialnämnden
2019-0{m}-12

Lokala utvecklingsmedel {year}

Förvaltningens förslag till beslut
1. Socialnämnden godkänner förslaget.
2. Ärendet delges samtliga stadsdelsnämnder.

Ärendet
Maximalt belopp som en ansökan kan beviljas är 400 000 kronor.
Farsta stadsdelsförvaltning beviljades medel för ett projekt om föräldrastöd.
"""


def letter_text(n: int) -> str:
    """A short, plausible tjänsteutlåtande, different for each n."""
    return LETTER.format(n=100 + n, m=1 + n % 9, year=2015 + n % 8)


def text_pdf(path: Path, pages: list[str]) -> Path:
    """A born-digital PDF: each string becomes one page with a real text layer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pages:
        y = A4[1] - 60
        c.setFont("Helvetica", 11)
        for line in page.splitlines():
            c.drawString(60, y, line)
            y -= 15
        c.showPage()
    c.save()
    return path


def page_image(text: str, dpi: int = 300) -> Image.Image:
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(11 * dpi / 72))
    y = int(0.8 * dpi)
    for line in text.splitlines():
        draw.text((int(0.8 * dpi), y), line, font=font, fill=0)
        y += int(16 * dpi / 72)
    return img


def scanned_pdf(path: Path, pages: list[str], dpi: int = 300) -> Path:
    """An image-only PDF (no text layer): each string rendered as a greyscale page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    blobs = []
    for text in pages:
        buf = io.BytesIO()
        page_image(text, dpi).save(buf, format="PNG")
        blobs.append(buf.getvalue())
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    path.write_bytes(img2pdf.convert(blobs, layout_fun=layout))
    return path


# Columns that legitimately differ between two runs over the same inputs.
VOLATILE = {"loaded_at", "started_at", "finished_at", "applied_at", "seconds"}
SNAPSHOT_TABLES = PER_DOCUMENT_TABLES  # every table a document's load replaces


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every per-document table's rows, sorted, without run timestamps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in SNAPSHOT_TABLES:
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if r[0] not in VOLATILE
            ]
            sel = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f"SELECT {sel} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()
