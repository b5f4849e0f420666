"""`cue_hits` (literal prefilter, one LCS bound for the fuzzy look, remembered answers) finds
exactly what trying every cue's regex and fuzzy look on every text finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz import fuzz

from pipeline.facts import cues as C
from pipeline.lang.fuzzy import loose, skeleton

CORPUS = Path(__file__).resolve().parents[1] / "resources" / "corpus" / "genre" / "docs"


def _reference(text: str, group: str, scope: str | None = None) -> list[C.CueHit]:
    """Every cue of the group tried in turn, as `cue_hits` first did it."""
    skel, lo = skeleton(text), loose(text)
    hits: list[C.CueHit] = []
    for cue in C.cues(group):
        if scope is not None and cue.scope != scope:
            continue
        found = False
        for m in cue.pattern.finditer(text if cue.case_sensitive else skel):
            hits.append(C.CueHit(cue, m.start(), m.end()))
            found = True
        if not found and C._fuzzy_ok(cue) and len(lo) >= len(cue.loose):
            al = fuzz.partial_ratio_alignment(cue.loose, lo, score_cutoff=C._FUZZY_MIN_SCORE)
            if (
                al is not None
                and al.dest_end - al.dest_start >= 0.85 * len(cue.loose)
                and C._word_edges(lo, al.dest_start, al.dest_end)
                and C._same_ending(cue, lo, al.dest_end)
            ):
                hits.append(C.CueHit(cue, al.dest_start, al.dest_end))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def _texts() -> list[str]:
    lines = [
        ln.strip()
        for p in sorted(CORPUS.glob("*.txt"))[::3]
        for ln in p.read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    damaged = [
        "Lokala utvecklinqsmedel för 2004",  # a letter read as another: the fuzzy look
        "Medel fdr utveckling och lärande ſkall",  # d for ä, the long s
        "LUM-medel och MUST; FoU-medlen",  # case-sensitive cues
        "Projektnamn | Belopp | Genomförs av",
        "",
    ]
    return lines[:400] + damaged + ["\n".join(lines[:60])]


@pytest.mark.parametrize("group", sorted(C._all_cues()))
def test_cue_hits_equal_trying_every_cue(group: str) -> None:
    for text in _texts():
        assert C.cue_hits(text, group) == _reference(text, group), text
    assert C.cue_hits("x", group) is not C.cue_hits("x", group)  # callers get their own list


def test_scoped_role_cues() -> None:
    for text in _texts()[:150]:
        for scope in ("clause", "paragraph", "sentence"):
            assert C.cue_hits(text, "role", scope) == _reference(text, "role", scope)


def test_required_literals_are_in_every_match() -> None:
    cue = next(c for c in C.cues("fund") if c.phrase == "lokala utvecklingsmedel*")
    assert C._required_literals(cue) == ("ngsmede", "utveck", "k")
    skel = skeleton("Lokala utvecklingsmedlen")
    assert cue.pattern.search(skel) is None  # "medlen" is not "medel*"
    assert all(r in skel.lower() for r in C._required_literals(cue)[1:])


@pytest.mark.parametrize(
    ("text", "fund"),
    [
        ("Forsknings- och utvecklingsmedel 2001", "FUM"),
        ("forskn1ngs- och utveck1ingsmedei till", "FUM"),  # damaged, but money all the same
        ("medel för praktiknära forsknings- och utvecklingsarbete inom", None),
        ("stadsdelsanknutna forsknings- och utvecklingsprojekt", None),
    ],
)
def test_a_fuzzy_cue_must_end_like_its_last_word(text: str, fund: str | None) -> None:
    """The shared first part of a compound is no match: "utvecklingsarbete" is work, not
    "utvecklingsmedel" (money), however many letters the two share."""
    found = {h.value for h in C.cue_hits(text, "fund") if h.value != "FoU"}
    assert found == ({fund} if fund else set())
