"""Developer tools, run with ``python -m pipeline.devtools.<tool>``; not used by a run.

Inputs: `make_samples` (the committed raw/ samples from the transcript seeds, with `render`:
page layout and born-digital PDFs, and `scans`: page images, scanned and mixed PDFs),
`corpus` (a test corpus rendered to the raw folder the quality gate reads), `harsh` and
`degrade` (scans that stress OCR). README sections: `cookbook`, `quality_report`,
`schema_doc`, `render_chart`.
"""
