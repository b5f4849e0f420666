"""A cheap guess, in the main process, at whether a PDF will need OCR (issue 19: only the
run's start-up depends on it, never what is read; `text.pdf` judges every page)."""

from __future__ import annotations

from pathlib import Path


def first_page_blank(path: Path) -> bool:
    """True when the PDF's first page has no text layer at all (a scan, most likely); False
    when it has one, or the file cannot be opened here (the workers will say why)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 — a guess only: the text task reports a bad file
        return False
    try:
        if len(doc) == 0:
            return False
        page = doc[0]
        try:
            textpage = page.get_textpage()
            try:
                return textpage.count_chars() == 0
            finally:
                textpage.close()
        finally:
            page.close()
    except Exception:  # noqa: BLE001
        return False
    finally:
        doc.close()
