"""Stage 2, understand: from a document's page text to its structure and metadata.

`stage.understand` repairs OCR damage against a Swedish lexicon (`repair`, then
`context_repair`; each pass's module docstring names the modules of its rules), marks page furniture such as letterheads, page numbers and footers
(`furniture`), splits the body into headed sections (`sections`), finds the decisions
(`decisions`; of pages flattened to one line, `flat`), and reads the document's metadata
(`metadata`: the recipe, type, dates and dnr; `committees`, `signatories` with the
handläggare, `titles`, over the head of page 1 in `letterhead`; `dates`, `dnr`). The
vocabularies it matches live in `patterns/`, read by `vocabulary` through the one data
loader. Pure: no I/O, no printing.
"""
