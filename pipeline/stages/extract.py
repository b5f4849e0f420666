"""Stage 4: projects, amounts, criteria and district mentions from an understood document.

Placeholder until the extraction rules land: returns no facts.
"""

from __future__ import annotations

from pipeline.records import Facts, UnderstoodDocument

EXTRACT_VERSION = 0


def extract(doc: UnderstoodDocument) -> Facts:
    return Facts(doc_id=doc.doc_id)
