"""The OCR repair with the learned domain lexicon and Tesseract's word confidences (issue 20).

Pages are built as the text stage leaves them (`PageText` with its OCR words and their
confidences); the learned lexicon is written by the run's own `Learner` to a real file.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.lang.domain import DomainLexicon, trustworthy_counts
from pipeline.records import DocumentText, PageText, Word
from pipeline.understand.stage import understand
from pipeline.warehouse.lexicon import Learner

WORD, DAMAGED = "bryggmodellen", "bryggrnodellen"


def _ocr_page(line: str, conf: dict[str, float], default: float = 97.0) -> PageText:
    """One OCR line; each word's confidence from `conf` (by word as printed), else `default`."""
    words, x = [], 0
    for w in line.split():
        words.append(Word(w, x, 10, 10 * len(w), 20, conf.get(w, default), 1, 1, 1))
        x += 10 * len(w) + 10
    mean = sum(w.conf for w in words) / len(words)
    return PageText(page_no=1, text=line, source="ocr", confidence=mean, words=tuple(words))


def _doc(doc_id: str, *pages: PageText) -> DocumentText:
    return DocumentText(
        doc_id=doc_id,
        sha256=doc_id * 4,
        source_path=f"{doc_id}.pdf",
        media_type="application/pdf",
        text_source=pages[0].source,
        pages=pages,
    )


def _clean(doc: DocumentText, learned: object = None) -> str:
    return understand(doc, learned).pages[0].clean_text  # type: ignore[arg-type]


def test_a_word_of_a_trustworthy_page_repairs_its_damaged_copy_on_an_ocr_page(
    tmp_path: Path,
) -> None:
    born = PageText(
        page_no=1,
        text=f"Projektet prövar {WORD} i skolan.\nMed {WORD} når vi fler barn.",
        source="text-layer",
    )
    other = PageText(page_no=1, text=f"Vi prövar {WORD} nu.", source="text-layer")
    line = f"Medlen går till {DAMAGED} i förskolan."
    scanned = _doc("bbbb", _ocr_page(line, {DAMAGED: 70.0}))
    learner = Learner(DomainLexicon(), tmp_path)
    ref = learner.snapshot(
        [(_doc("aaaa", born), None), (_doc("dddd", other), None), (scanned, None)]
    )
    assert _clean(scanned) == line  # the seed and wordfreq do not know the word
    # one document's word is not used yet: a damaged text layer would vouch for its slips
    assert _clean(scanned, learner.snapshot([(_doc("aaaa", born), None), (scanned, None)])) == line
    assert _clean(scanned, ref) == f"Medlen går till {WORD} i förskolan."
    assert understand(scanned, ref).lexicon == ref.digest
    # the same damage on a born-digital page is left alone: those pages are the evidence
    layer = _doc("cccc", PageText(page_no=1, text=line, source="text-layer"))
    assert _clean(layer, ref) == line


def test_the_learned_lexicon_does_not_depend_on_the_order_documents_finished_in(
    tmp_path: Path,
) -> None:
    texts = [
        _doc("aaaa", PageText(page_no=1, text=f"Vi prövar {WORD} nu.", source="text-layer")),
        _doc("bbbb", _ocr_page("Stödet till barnen ges tidigt.", {})),
        _doc("cccc", PageText(page_no=1, text="Föräldrastöd i grupp.", source="text-layer")),
    ]
    docs = [(t, None) for t in texts]
    learner = Learner(DomainLexicon(), tmp_path)
    assert learner.snapshot(docs) == learner.snapshot(list(reversed(docs)))


def test_ocr_confidence_changes_the_choice() -> None:
    # an unknown word read with low confidence is read through dearer edits ...
    line = "Vi ska bestkka skolor."
    assert _clean(_doc("a1", _ocr_page(line, {}, default=94.0))) == line
    assert _clean(_doc("a2", _ocr_page(line, {"bestkka": 50.0}, default=94.0))) == (
        "Vi ska besöka skolor."
    )
    # ... and one Tesseract was sure of is left as printed
    line = "Projektet ska bestka skolor."
    assert _clean(_doc("b1", _ocr_page(line, {}, default=94.0))) == "Projektet ska besöka skolor."
    assert _clean(_doc("b2", _ocr_page(line, {"bestka": 98.0}, default=94.0))) == line
    # a real-word error is read as surely as the word: certainty does not protect it
    line = "Det blir fler fin en."
    assert _clean(_doc("c1", _ocr_page(line, {"fin": 98.0}))) == "Det blir fler än en."


def test_only_the_sure_words_of_a_good_ocr_page_are_learned() -> None:
    page = _ocr_page("tidigt stod till barnen", {"stod": 91.0}, default=97.0)
    counts = trustworthy_counts([page])["ocr"]
    assert counts.count("tidigt") == 1 and counts.count("stod") == 0
    assert counts.pair("tidigt", "stod") == 0 and counts.pair("till", "barnen") == 1
    assert counts.pair("stod", "till") == 0
    poor = _ocr_page("tidigt stöd till barnen", {}, default=60.0)
    transcript = PageText(page_no=2, text="tidigt stöd", source="transcript")
    assert trustworthy_counts([poor, transcript]) == {}


def test_a_born_digital_document_is_counted_as_repaired() -> None:
    """An old PDF whose text layer is an OCR reading teaches the repaired word, not its slip."""
    from pipeline.warehouse.lexicon import document_rows

    page = PageText(
        page_no=1, text="Stöd till kvinnor utsatta för vald i nära relationer.", source="text-layer"
    )
    doc = _doc("eeee", page)
    terms = {r["term"] for r in document_rows("eeee", doc, understand(doc)) if r["kind"] == 1}
    assert "våld" in terms and "vald" not in terms
    raw = {r["term"] for r in document_rows("eeee", doc) if r["kind"] == 1}
    assert "vald" in raw  # without its understanding, the layer as printed
