"""The review page (`namnd review`): each extracted value beside the page it came from, to
accept or correct in the browser. Corrections are written to ``warehouse/overrides/`` as
`namnd correct` writes them; acceptances to ``warehouse/overrides/reviews.jsonl``.
"""
