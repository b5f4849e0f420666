"""Stage 1, page text: PDF text layers, OCR with Tesseract, existing transcripts.

Adapters around pypdfium2, pdfplumber, pdftotext and Tesseract, and no parsing: `stage` keys
and assembles a document's pages, the orchestrator calls `document.read_text_pages` once per
file (every page's layer judged once, the usable ones read) and `page.read_page` for each page
left for OCR (in worker processes, each holding its open PDF), `ladder` climbs from the text layer to OCR
at higher resolutions until `quality` accepts a page, and `transcript` reads `.txt` files.
The adapters are imported from their modules so that importing the stage stays cheap.
"""
