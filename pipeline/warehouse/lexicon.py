"""The domain lexicon learned from the archive, stored with the warehouse (table
``domain_terms``, migration 0007), and the snapshot of it that a run's OCR repair reads.

What is learned (`pipeline.lang.domain.trustworthy_counts`): the words and word pairs of
born-digital text layers and the sure words of good OCR pages (stored, but not read by the
repair: `USED_SOURCES`), per document; and the values
of analysts' accepted corrections (``warehouse/overrides/*.csv``: a corrected project name
is the archive's own spelling). Transcripts and unsure OCR words are never counted.

How a run uses it, and why it stays deterministic and cached correctly:

* At the start of a run (`Learner.from_warehouse`), the stored counts of every document the
  run does *not* redo are summed (documents to be redone, removed from raw/ or superseded
  are left out), and the corrections are read from their files.
* The run reads the text of all its documents first. A document that has OCR or transcript
  pages waits until every text of the run is in and every born-digital document is
  understood (those are counted from their repaired text, `trustworthy_counts`); then the
  learned lexicon is completed with the counts of the run's own documents (`Learner.snapshot`) — a sum, so the same batch
  gives the same lexicon whatever order the workers finished in — and written once to
  ``extracted/lexicon/<digest>.tsv``. Those documents are repaired with the seed plus that
  snapshot, and the snapshot's digest is part of their understanding's cache key (and is
  recorded in ``documents.lexicon_digest``): a cached repair is reused only with the very
  lexicon that made it.
* Born-digital pages are repaired with the shipped seed only (they are the evidence, not
  what needs it), so a document made of them does not wait and its cache key is unchanged.
* A document that is up to date is not redone because the lexicon grew: learned counts apply
  to the documents processed after they were learned (``namnd run --force`` redoes all with
  the current lexicon). The stage fingerprint does not include the learned lexicon, or every
  new document would make every run redo the whole archive.
* A learned word or pair is used once `MIN_DOCUMENTS` documents have it (corrections
  always): real domain words recur, a damaged text layer's slips do not.
* When a document is loaded its rows of ``domain_terms`` are replaced (`document_rows`, a
  per-document table like the others), so a reprocessed document's contribution is replaced
  and a pruned document's is deleted with it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from pipeline.lang.domain import DomainLexicon, LexiconRef, needs_learned, trustworthy_counts
from pipeline.layout import atomic_write_text
from pipeline.records import DocumentText, UnderstoodDocument
from pipeline.warehouse.overrides import read_overrides

__all__ = [
    "CORRECTION",
    "Learner",
    "LexiconRef",
    "correction_counts",
    "document_rows",
    "stored_counts",
]

CORRECTION = "correction"  # the source of words from analysts' corrections (doc_id '')


def clean_of(text: DocumentText, understood: UnderstoodDocument | None) -> dict[int, str] | None:
    """The repaired pages a document is counted from: those of a document made of text-layer
    pages only (repaired with the seed, never with a learned lexicon), else None (raw)."""
    if understood is None or needs_learned(text.pages):
        return None
    return {p.page_no: p.clean_text for p in understood.pages}


def document_rows(
    doc_id: str, text: DocumentText | None, understood: UnderstoodDocument | None = None
) -> list[dict[str, Any]]:
    """The ``domain_terms`` rows of one document (none without trustworthy text)."""
    if text is None:
        return []
    rows: list[dict[str, Any]] = []
    clean = clean_of(text, understood)
    for source, lex in sorted(trustworthy_counts(text.pages, clean).items()):
        rows += _rows(doc_id, source, lex)
    return rows


def _rows(doc_id: str, source: str, lex: DomainLexicon) -> list[dict[str, Any]]:
    return [
        {"doc_id": doc_id, "source": source, "kind": kind, "term": term, "n": n}
        for kind, counts in ((1, lex.unigrams), (2, lex.bigrams))
        for term, n in sorted(counts.items())
    ]


#: A learned word or pair is used only once this many documents have it: real words of the
#: domain recur, while a damaged text layer (an old PDF whose layer is an OCR reading) brings
#: its own slips ("vald" for "våld"), which would otherwise vouch for the same slips elsewhere.
#: Corrections count whatever their number.
MIN_DOCUMENTS = 2
#: The sources whose counts the repair reads. OCR words are stored (source 'ocr') but not
#: read: Tesseract reads a real-word error as surely as the word ("stod" for "stöd" at 95+ in
#: the samples' scans), and the learned "tidigt stod" then vouched for the damage in every
#: copy (samples: 91/102 project names letter-exact with OCR words read, against 0.96 without).
USED_SOURCES = ("text-layer",)


def stored_counts(
    con: duckdb.DuckDBPyConnection, exclude: Iterable[str] = ()
) -> tuple[DomainLexicon, DomainLexicon]:
    """The sum of the stored counts of the documents in the warehouse, but those in
    `exclude` (and the corrections, which are read from their files), and in how many
    documents each term stands."""
    rows = con.execute(
        "SELECT kind, term, sum(n)::BIGINT, count(DISTINCT doc_id) FROM domain_terms t "
        "WHERE list_contains(?::VARCHAR[], source) AND NOT list_contains(?::VARCHAR[], doc_id) "
        "AND EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = t.doc_id) "
        "GROUP BY kind, term",
        [list(USED_SOURCES), sorted(set(exclude))],
    ).fetchall()
    lex, docs = DomainLexicon(), DomainLexicon()
    for kind, term, n, nd in rows:
        (lex.unigrams if kind == 1 else lex.bigrams)[term] = int(n)
        (docs.unigrams if kind == 1 else docs.bigrams)[term] = int(nd)
    return lex, docs


def correction_counts(overrides_dir: Path) -> DomainLexicon:
    """Words and pairs of the values analysts set or added (``warehouse/overrides``)."""
    lex = DomainLexicon()
    for ov in read_overrides(overrides_dir):
        if ov.action == "set" and ov.value:
            lex.learn(ov.value)
        elif ov.action == "add" and ov.value:
            try:
                row = json.loads(ov.value)
            except ValueError:
                continue  # reported by apply_overrides
            if isinstance(row, dict):
                for value in row.values():
                    if isinstance(value, str):
                        lex.learn(value)
    return lex


def store_corrections(con: duckdb.DuckDBPyConnection, lex: DomainLexicon) -> None:
    """Replace the stored counts of the corrections (doc_id '') with `lex`."""
    con.execute("DELETE FROM domain_terms WHERE source = ?", [CORRECTION])
    rows = _rows("", CORRECTION, lex)
    if rows:
        con.executemany(
            "INSERT INTO domain_terms (doc_id, source, kind, term, n) VALUES (?, ?, ?, ?, ?)",
            [[r["doc_id"], r["source"], r["kind"], r["term"], r["n"]] for r in rows],
        )


class Learner:
    """Completes the learned lexicon with the run's own documents (see the module docstring)."""

    def __init__(
        self,
        base: DomainLexicon,
        lexicon_dir: Path,
        base_docs: DomainLexicon | None = None,
        corrections: DomainLexicon | None = None,
    ) -> None:
        self.base = base  # stored counts of the documents the run does not redo
        self.base_docs = base_docs or DomainLexicon()  # ... in how many documents each is
        self.corrections = corrections or DomainLexicon()
        self.lexicon_dir = lexicon_dir

    @classmethod
    def from_warehouse(
        cls,
        con: duckdb.DuckDBPyConnection,
        redo: Iterable[str],
        overrides_dir: Path,
        lexicon_dir: Path,
    ) -> Learner:
        """The stored counts of the documents not in `redo`, plus the corrections (stored
        anew from their files)."""
        base, docs = stored_counts(con, redo)
        corrections = correction_counts(overrides_dir)
        store_corrections(con, corrections)
        return cls(base, lexicon_dir, docs, corrections)

    def snapshot(
        self, texts: Iterable[tuple[DocumentText, UnderstoodDocument | None]]
    ) -> LexiconRef:
        """The learned lexicon with the counts of `texts` (the run's documents, with their
        understanding when it is done), written to ``<lexicon_dir>/<digest>.tsv`` (once: the
        name is the content)."""
        counts, docs = DomainLexicon(), DomainLexicon()
        counts.add(self.base)
        docs.add(self.base_docs)
        for text, understood in sorted(texts, key=lambda t: t[0].doc_id):
            mine = DomainLexicon()
            for source, part in trustworthy_counts(text.pages, clean_of(text, understood)).items():
                if source in USED_SOURCES:
                    mine.add(part)
            counts.add(mine)
            docs.add(DomainLexicon(Counter(set(mine.unigrams)), Counter(set(mine.bigrams))))
        lex = DomainLexicon(
            Counter(
                {t: n for t, n in counts.unigrams.items() if docs.unigrams[t] >= MIN_DOCUMENTS}
            ),
            Counter({t: n for t, n in counts.bigrams.items() if docs.bigrams[t] >= MIN_DOCUMENTS}),
        )
        lex.add(self.corrections)
        digest = lex.digest()
        path = self.lexicon_dir / f"{digest}.tsv"
        if not path.is_file():
            self.lexicon_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, lex.to_tsv())
        return LexiconRef(str(path), digest)
