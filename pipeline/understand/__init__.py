"""Stage 2, understand: from a document's page text to its structure and metadata.

`stage.understand` repairs OCR damage against a Swedish lexicon (`repair`), marks page
furniture such as letterheads, page numbers and footers (`furniture`), splits the body into
headed sections and finds the decisions (`sections`), and reads the document's metadata:
type, committee, date, diarienummer and signatories (`metadata`, `dates`, `dnr`). The
vocabularies it matches live in `patterns/`. Pure: no I/O, no printing.
"""
