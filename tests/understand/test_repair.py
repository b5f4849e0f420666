"""Text repair: table cases, line structure, and the WER acceptance on a degraded seed."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold, get_lexicon
from pipeline.understand.repair import repair_line, repair_text
from pipeline.understand.repair_bullets import normalise_bullet

REPO = Path(__file__).resolve().parents[2]
SEED_DIRS = (Path("/work/shared/seeds"), REPO / "raw" / "transcripts")
CLEAN_SEED = "002_a6dff5252f235419.txt"


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("forvaltningens", "förvaltningens"),
        ("Socialndmnden", "Socialnämnden"),
        ("6ver", "över"),
        ("fér", "för"),
        ("&r", "är"),
        ("sé", "så"),
        ("pé", "på"),
        ("Forvaltningens forslag till beslut", "Förvaltningens förslag till beslut"),
        ("stadsovergripande", "stadsövergripande"),
        ("socialtjinst", "socialtjänst"),
        ("ocksd", "också"),
        ("stadsdelsforvaltningarnas", "stadsdelsförvaltningarnas"),  # unknown compound
        ("behovsbedémning", "behovsbedömning"),  # linking -s-, not "behövs"
        ("SOCIALTJANSTFORVALTNINGEN", "SOCIALTJÄNSTFÖRVALTNINGEN"),
        ("pa samma niva", "på samma nivå"),
        ("mer an tidigare", "mer än tidigare"),
        ("fran staden", "från staden"),
        ("maximalt beviljas dr 25 000 kronor", "maximalt beviljas är 25 000 kronor"),
    ],
)
def test_restores_swedish_letters(damaged: str, expected: str) -> None:
    assert repair_line(damaged) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "Nämnden har beslutat att man ska var med.",  # har/man/var are Swedish as printed
        "Förvaltningen har ansvar för år 2021 och är klar.",
        "Det gäller idé och projektidéer.",
        "Skolsociala team i Stockholms stad",
        "LUM och MUL, FoU-rådet och ESF",
        "Lisa Wallenberg och Fredrik Jurdell",  # names are left alone
        "Barnahusloggen",  # no guessed short part ("åhus")
        "Telefon 08-508 25 246, 1 miljon kr, Bilaga 1 och 2",
    ],
)
def test_leaves_clean_text_alone(clean: str) -> None:
    assert repair_line(clean) == clean


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("praktik innebér 1 det dagliga arbetet.", "praktik innebär i det dagliga arbetet."),
        ("| dialog mellan staden", "I dialog mellan staden"),
        ("for ar 2015 och tidigare ar", "för år 2015 och tidigare år"),
        ("Detta ar en plan", "Detta är en plan"),
        ("under tre ar", "under tre år"),
        ("Ar 2015 kommer", "År 2015 kommer"),
        ("pa 1 miljon kronor", "på 1 miljon kronor"),
    ],
)
def test_context_rules(damaged: str, expected: str) -> None:
    assert repair_line(damaged) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• Omfattar flera", "- Omfattar flera"),
        ("◦ Omfattar flera", "- Omfattar flera"),
        ("▪ Omfattar flera", "- Omfattar flera"),
        ("\uf0b7 Omfattar flera", "- Omfattar flera"),
        ("– Omfattar flera", "- Omfattar flera"),
        ("e Omfattar flera", "- Omfattar flera"),
        ("o Sektionen för forskning", "- Sektionen för forskning"),
        ("Belopp:\u00a0500\u00a0000 kr", "Belopp: 500 000 kr"),
        ("utveck\u00adlings\u00adarbete", "utvecklingsarbete"),
        ("ﬁnansiering", "finansiering"),
    ],
)
def test_characters_and_bullets(text: str, expected: str) -> None:
    assert repair_line(text) == expected


def test_hyphenated_line_breaks_move_the_fragment_up() -> None:
    text = "ser förvaltningen fokusområde för FoU-\narbetet år 2015.\nstöd till utvecklings-\narbete inom staden\nforsknings- och\nutvecklingsarbete"
    out = repair_text(text).split("\n")
    assert out == [
        "ser förvaltningen fokusområde för FoU-arbetet",
        "år 2015.",
        "stöd till utvecklingsarbete",
        "inom staden",
        "forsknings- och",
        "utvecklingsarbete",
    ]


def test_unknown_hyphenated_word_is_kept() -> None:
    text = "ett projekt kallat Xyzq-\nqwrt i staden"
    assert repair_text(text) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdeåäö 0123456789-.,|&é\u00a0", max_size=40), max_size=8))
def test_one_output_line_per_input_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    out = repair_text(text)
    assert out.count("\n") == text.count("\n")
    # numbers of two or more digits standing alone are never changed
    numbers = re.compile(r"(?<![\w])\d{2,}(?![\w])")
    assert numbers.findall(out.replace("\u00a0", " ")) == numbers.findall(
        text.replace("\u00a0", " ")
    )


# --------------------------------------------------------------------------- acceptance


def _seed_text(name: str) -> str:
    for folder in SEED_DIRS:
        if (folder / name).exists():
            return (folder / name).read_text(encoding="utf-8")
    pytest.fail(f"seed {name} found neither in ../shared/seeds nor in raw/transcripts/")


def _strip_letters(text: str) -> str:
    return text.translate(str.maketrans("åäöÅÄÖ", "aaoAAO"))


def _ocr_substitutions(text: str, seed: int) -> str:
    """The substitutions seen in the seeds: ä→d/a/é, ö→6/o, å→a/é, "i"→"1" between words."""
    rng = random.Random(seed)
    subs = {"ä": "daé", "ö": "6o", "å": "aé", "Ä": "A", "Ö": "O", "Å": "A"}
    out = []
    for k, ch in enumerate(text):
        if ch in subs:
            out.append(rng.choice(subs[ch]))
        elif ch == "i" and text[k - 1 : k] == " " and text[k + 1 : k + 2] == " ":
            out.append("1")
        else:
            out.append(ch)
    return "".join(out)


def _wer(reference: str, hypothesis: str) -> float:
    ref, hyp = reference.split(), hypothesis.split()
    return Levenshtein.distance(ref, hyp) / len(ref)


@pytest.mark.parametrize("degradation", ["strip", "ocr-seed-1", "ocr-seed-2", "ocr-seed-3"])
def test_wer_after_repair_is_at_most_a_quarter(degradation: str) -> None:
    clean = _seed_text(CLEAN_SEED)
    if degradation == "strip":
        damaged = _strip_letters(clean)
    else:
        damaged = _ocr_substitutions(clean, int(degradation[-1]))
    before = _wer(clean, damaged)
    after = _wer(clean, repair_text(damaged))
    print(f"\n{degradation}: WER before repair {before:.2%}, after repair {after:.2%}")
    assert before > 0.1
    assert after <= 0.25 * before


def test_clean_seed_is_unchanged() -> None:
    clean = _seed_text(CLEAN_SEED)
    repaired = repair_text(clean)
    changed = [(a, b) for a, b in zip(clean.split(), repaired.split(), strict=True) if a != b]
    print(f"\nclean seed: WER {_wer(clean, repaired):.2%}, changed words {changed}")
    assert changed == []


def test_lexicon_index_by_folded_form() -> None:
    lex = get_lexicon()
    assert fold("Förvaltningens") == "forvaltningens"
    assert lex.candidates("forvaltningens")[0][0] == "förvaltningens"
    assert lex.zipf("är") > lex.zipf("ar")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("« Studiebesöket har en tydlig koppling", "- Studiebesöket har en tydlig koppling"),
        ("»« Den verksamhet som besöks", "- Den verksamhet som besöks"),
        (
            "  « projekt som prövar samordnade insatser",
            "  - projekt som prövar samordnade insatser",
        ),
        ("«Citat» ur rapporten", "«Citat» ur rapporten"),
        ("e och en till", "e och en till"),
    ],
)
def test_bullets_that_ocr_reads_as_guillemets(line: str, expected: str) -> None:
    """Tesseract reads a printed "•" as "«" or "»«"; at line start before a word it is a bullet,
    while a quotation mark that opens a word is not."""
    assert normalise_bullet(line) == expected
