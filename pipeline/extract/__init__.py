"""Text from every page: PDF text layers, OCR with Tesseract, existing transcripts.

Adapters around pypdfium2, pdfplumber, pdftotext and Tesseract; the orchestrator calls
`probe_pdf` once per file and `read_page` per page (in worker processes).
"""

from pipeline.extract.ocr import check_tesseract
from pipeline.extract.page import read_page
from pipeline.extract.pdf import PdfProbe, probe_pdf
from pipeline.extract.transcript import read_transcript

__all__ = ["PdfProbe", "check_tesseract", "probe_pdf", "read_page", "read_transcript"]
