"""Stage 1, page text: PDF text layers, OCR with Tesseract, existing transcripts.

Adapters around pypdfium2, pdfplumber, pdftotext and Tesseract, and no parsing: `stage` keys
and assembles a document's pages, the orchestrator calls `document.read_text_pages` once per
file (every page's layer judged once, the usable ones read) and `page.read_page` for each page
left for OCR (in worker processes, each holding its open PDF), `ladder` climbs from the text layer to OCR
at higher resolutions until `quality` accepts a page, and `transcript` reads `.txt` files.
`pdf` reads a text layer: with pdfium through `layer` where pdfplumber's words can be
reproduced exactly (`layer_pdfminer` pdfminer's arithmetic, `layer_words` pdfplumber's
word grouping), otherwise with pdfplumber. The adapters are imported from their modules so that importing the stage stays cheap.
"""
