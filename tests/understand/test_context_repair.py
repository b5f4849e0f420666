"""The context repair pass (pipeline.understand.context_repair) with the real Swedish list and
the shipped domain lexicon: heavy damage, real-word errors, what is never touched, precision on
clean text, WER on the damaged seeds against careful readings, and the change log."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.matching import wer
from pipeline.evaluate.repairs import count_repairs
from pipeline.lang.domain import DomainLexicon, get_domain_lexicon, words_of
from pipeline.lang.lexicon import get_lexicon
from pipeline.records import DocumentText, PageText, UnderstoodDocument, from_jsonable, to_jsonable
from pipeline.understand.context_repair import ContextRepairer, get_context_repairer
from pipeline.understand.ocr_edits import ocr_cost
from pipeline.understand.repair import repair_text
from pipeline.understand.stage import understand

REPO = Path(__file__).resolve().parents[2]
REFERENCES = REPO / "tests" / "resources" / "repair"
CORPUS = REPO / "tests" / "resources" / "corpus"


def fix(text: str) -> str:
    """Both passes, as `understand` runs them."""
    lines, _ = get_context_repairer().repair_lines(repair_text(text).split("\n"))
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("Bestka Stavanger i Norge", "Besöka Stavanger i Norge"),
        ("har tydlig forskningssnknything.", "har tydlig forskningsanknytning."),
        ("för en sammanhaéllen stad", "för en sammanhållen stad"),
        ("Lidgesbeskriviing om projekt", "Lägesbeskrivning om projekt"),
        ("med syfte atf implementera", "med syfte att implementera"),
        ("Ett universellt gruppstod till föräldrar", "Ett universellt gruppstöd till föräldrar"),
        ("Relationsvaldscentrum i Stockholms stad", "Relationsvåldscentrum i Stockholms stad"),
        ("barn i åldern 0-2ar", "barn i åldern 0-2 år"),
        ("ska ha ett tydligt mål och haett tydligt", "ska ha ett tydligt mål och ha ett tydligt"),
    ],
)
def test_heavy_damage(damaged: str, expected: str) -> None:
    assert fix(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("Effektivt tidigt stod till familjer", "Effektivt tidigt stöd till familjer"),
        ("Vald i nära relationer", "Våld i nära relationer"),
        (
            "involverar fler fin en stadsdelsförvaltning",
            "involverar fler än en stadsdelsförvaltning",
        ),
        ("i syfte att na högre kvalitet", "i syfte att nå högre kvalitet"),
    ],
)
def test_real_word_errors_on_context(damaged: str, expected: str) -> None:
    assert fix(damaged) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "Han stod vid dörren när mötet började.",  # the verb, after a subject
        "Hon stod för planeringen.",
        "Det är en fin dag.",  # "fin" without "fler … en" around it
        "Kontakt: anna.lindqvist@stockholm.se eller www.stockholm.se/fou",
        "Dnr 3.2:275/2013, SoF 2014-1234 och 1.5.1-515/2019",
        "Beslut 2014-12-16: 750 000 kronor (11 500 kr per person), 0,5 mnkr.",
        "Handläggare Gillis Hammar och Fredrik Jurdell, ordföranden Jerlmyr (M).",
        "Projektet leds av Karin Bestrom vid Ersta Sköndal högskola.",
        "FoU-rådet, MUST, PPSS och EBP samt BBIC.",
    ],
)
def test_never_touched(clean: str) -> None:
    assert fix(clean) == clean


def test_clean_corpus_text_keeps_its_words_leave_one_out() -> None:
    """Clean documents repaired with a domain lexicon that does not contain them: at most one
    word in 200 changed (the acceptance: precision of changes >= 0.995 on clean text)."""
    docs = sorted((CORPUS / "genre" / "docs").glob("g1?_*.txt"))  # g10-g19
    docs = [d for d in docs if "ocr" not in d.name][:6]
    texts = {d: d.read_text(encoding="utf-8") for d in docs}
    lex = get_lexicon()
    words = changed = 0
    for doc, text in texts.items():
        others = DomainLexicon()
        for other, other_text in texts.items():
            if other != doc:
                others.learn(other_text)
        _, changes = ContextRepairer(lex, others).repair_lines(repair_text(text).split("\n"))
        words += sum(1 for _ in words_of(text))
        changed += len(changes)
    assert words > 3000
    assert changed / words <= 0.005


@pytest.mark.parametrize(("seed", "factor"), [("000", 0.5), ("003", 0.5)])
def test_wer_on_damaged_seeds_against_careful_readings(seed: str, factor: float) -> None:
    """WER against a careful reading written by hand: at most half of the lexicon pass alone
    (the issue's acceptance). Seed 003 is far heavier damage, much of it punctuation and
    garbage: 13.0% against 26.2% (12.97%)."""
    printed = next((REPO / "raw" / "transcripts").glob(f"{seed}_*.txt")).read_text("utf-8")
    reference = (REFERENCES / f"{seed}_reference.txt").read_text(encoding="utf-8")
    lexicon_only = wer(repair_text(printed), reference)
    both = wer(fix(printed), reference)
    print(f"\nseed {seed}: WER lexicon pass {lexicon_only:.2%}, with context pass {both:.2%}")
    assert both <= factor * lexicon_only


def test_ocr_cost_weighs_ocr_confusions() -> None:
    assert ocr_cost("stod", "stöd") < 0.5
    assert ocr_cost("bestka", "besöka") < 1.0
    assert ocr_cost("stöd", "stod") >= 1.0  # a printed ö is evidence
    assert ocr_cost("kiing", "kring") < ocr_cost("kiing", "klang")


def test_changes_are_logged_per_page_and_survive_the_cache() -> None:
    doc = DocumentText(
        doc_id="d1",
        sha256="0" * 64,
        source_path="x.txt",
        media_type="text/plain",
        text_source="transcript",
        pages=(
            PageText(1, "Ärendet\nEffektivt tidigt stod till familjer.\n", "transcript"),
            PageText(2, "Bestka Stavanger i Norge.\n", "transcript"),
        ),
    )
    und = understand(doc)
    assert [(r.before, r.after, r.reason) for r in und.pages[0].repairs] == [
        ("stod", "stöd", "context")
    ]
    assert und.pages[1].repairs[0].after == "Besöka"
    assert "stod" in und.pages[0].raw_text and "stöd" in und.pages[0].clean_text
    again = from_jsonable(UnderstoodDocument, to_jsonable(und))
    assert again.pages[0].repairs == und.pages[0].repairs


def test_eval_counts_changes_and_judges_them_by_a_careful_reading() -> None:
    printed = "tidigt stod och Bestka staden nu"
    clean = "tidigt stöd och Besöka staden nu"
    count = count_repairs(printed, clean, "tidigt stöd och besöka staden nu")
    assert (count.changed, count.judged, count.right) == (2, 2, 2)
    wrong = count_repairs("han stod där", "han stöd där", "han stod där")
    assert (wrong.changed, wrong.right) == (1, 0)
    assert count_repairs(printed, clean, None).judged == 0


def test_domain_lexicon_counts_pairs_within_phrases_and_round_trips() -> None:
    lex = DomainLexicon()
    lex.learn("Tidigt stöd till barn.\nStöd i\nskolan. 2015 stöd")
    assert lex.count("stöd") == 3
    assert lex.pair("tidigt", "stöd") == 1
    assert lex.pair("i", "skolan") == 1  # across a line break
    assert lex.pair("barn", "stöd") == 0  # not across a full stop
    assert lex.pair("2015", "stöd") == 0
    again = DomainLexicon.from_tsv(lex.to_tsv())
    assert again.unigrams == lex.unigrams and again.bigrams == lex.bigrams
    assert get_domain_lexicon().pair("tidigt", "stöd") > 0
