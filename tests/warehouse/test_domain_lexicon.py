"""The domain lexicon learned from the archive's trustworthy pages (issue 20, migration 0007).

Real runs of `namnd run` over born-digital PDFs and transcripts (no OCR: seconds each), real
DuckDB. The word "bryggmodellen" is in neither wordfreq's Swedish list nor the shipped seed
lexicon, so only what the run learned can repair its damaged copy "bryggrnodellen"; a learned
word is used once two documents have it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.conftest import Built, build_warehouse
from tests.helpers import letter_text, text_pdf

WORD, DAMAGED = "bryggmodellen", "bryggrnodellen"


def _born(raw: Path, times: int, name: str = "a.pdf") -> None:
    text_pdf(
        raw / "born" / name,
        [letter_text(len(name) + times) + f"Projektet prövar {WORD} i skolan.\n" * times],
    )


def _transcript(raw: Path) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "c.txt").write_text(
        letter_text(3) + f"Medlen går till {DAMAGED} i förskolan.\n", encoding="utf-8"
    )


def _rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def _learned(db: Path) -> dict[tuple[str, str], int]:
    """(source path, source) -> count of WORD in domain_terms."""
    rows = _rows(
        db,
        "SELECT d.source_path, t.source, t.n FROM domain_terms t JOIN documents d USING (doc_id) "
        "WHERE t.kind = 1 AND t.term = ?",
        WORD,
    )
    return {(str(p), str(s)): int(n) for p, s, n in rows}  # type: ignore[call-overload]


def _transcript_page(db: Path) -> tuple[str, str | None]:
    rows = _rows(
        db,
        "SELECT p.clean_text, d.lexicon_digest FROM pages p JOIN documents d USING (doc_id) "
        "WHERE d.source_path = 'c.txt'",
    )
    return str(rows[0][0]), rows[0][1]  # type: ignore[return-value]


def _run(raw: Path, root: Path, *extra: str) -> Built:
    built = build_warehouse(raw, root, *extra)
    assert built.exit_code == 0, built.output
    return built


def test_a_word_of_a_born_digital_page_repairs_its_damaged_copy_in_the_same_batch(
    tmp_path: Path,
) -> None:
    raw = tmp_path / "raw"
    _born(raw, 2)
    _born(raw, 1, "b.pdf")
    _transcript(raw)
    built = _run(raw, tmp_path)
    clean, digest = _transcript_page(built.db)
    assert f"Medlen går till {WORD} i förskolan." in clean
    assert digest  # the learned lexicon it read is recorded
    assert (tmp_path / "extracted" / "lexicon" / f"{digest}.tsv").is_file()
    assert _learned(built.db) == {
        ("born/a.pdf", "text-layer"): 2,
        ("born/b.pdf", "text-layer"): 1,
    }
    # the born-digital document is repaired with the shipped seed only
    assert _rows(built.db, "SELECT lexicon_digest FROM documents WHERE source_path = 'born/a.pdf'")[
        0
    ] == (None,)


def test_learned_counts_are_stored_replaced_on_rerun_and_removed_with_their_document(
    tmp_path: Path,
) -> None:
    raw = tmp_path / "raw"
    _transcript(raw)
    first = _run(raw, tmp_path)
    clean, digest0 = _transcript_page(first.db)
    assert DAMAGED in clean  # nothing learned yet: the damaged word stays
    assert _learned(first.db) == {}

    _born(raw, 2)
    second = _run(raw, tmp_path)
    assert _learned(second.db) == {("born/a.pdf", "text-layer"): 2}
    # the transcript is up to date: learned counts apply to documents processed after them
    assert _transcript_page(second.db) == (clean, digest0)

    # redone with the current lexicon: one document's word is not used yet
    third = _run(raw, tmp_path, "--force")
    assert _transcript_page(third.db)[0] == clean
    assert _learned(third.db) == {("born/a.pdf", "text-layer"): 2}  # replaced, not added

    _born(raw, 1, "b.pdf")  # a second document has it
    fourth = _run(raw, tmp_path, "--force")
    clean4, digest4 = _transcript_page(fourth.db)
    assert WORD in clean4 and DAMAGED not in clean4
    assert digest4 not in (None, digest0)
    both = {("born/a.pdf", "text-layer"): 2, ("born/b.pdf", "text-layer"): 1}
    assert _learned(fourth.db) == both

    _born(raw, 3)  # a document changes: its contribution is replaced
    fifth = _run(raw, tmp_path)
    assert _learned(fifth.db) == {**both, ("born/a.pdf", "text-layer"): 3}

    (raw / "born" / "a.pdf").unlink()  # a document is gone: its counts go with it
    sixth = _run(raw, tmp_path, "--prune")
    assert _learned(sixth.db) == {("born/b.pdf", "text-layer"): 1}
    left = _rows(sixth.db, "SELECT sum(n) FROM domain_terms WHERE term = ?", WORD)
    assert left == [(1,)]


def test_an_accepted_correction_teaches_the_lexicon(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _transcript(raw)
    ov = tmp_path / "overrides"
    ov.mkdir()
    (ov / "corrections.csv").write_text(
        "table,key,column,value,action,note\n"
        f"documents,nosuchdoc,title,Om {WORD} och {WORD},set,checked in the paper copy\n",
        encoding="utf-8",
    )
    built = build_warehouse(raw, tmp_path, NAMND_OVERRIDES=str(ov))
    rows = _rows(
        built.db, "SELECT doc_id, source, n FROM domain_terms WHERE kind = 1 AND term = ?", WORD
    )
    assert rows == [("", "correction", 2)]
    assert WORD in _transcript_page(built.db)[0]
