"""Ids from content (pipeline.facts.ids): inserting, removing or reordering other rows, or OCR
noise elsewhere in the document, never changes a row's id.

The documents are the real 2022 transcript in raw/transcripts, read by the real understanding
and facts stages, before and after an edit of its text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.facts import ids
from pipeline.facts.stage import extract
from pipeline.records import DocumentText, Facts, PageText
from pipeline.text.transcript import read_transcript
from pipeline.understand.stage import understand
from tests.conftest import REPO

DOC_2022 = REPO / "raw" / "transcripts" / "002_a6dff5252f235419.txt"
FIRST_ITEM = "1. Min ekonomi, Hägersten-Älvsjö stadsdelsförvaltning\n"
NEW_ITEM = (
    "1. Trygg hemgång, Skarpnäcks stadsdelsförvaltning\nProjektet prövade stöd vid hemgång.\n"
)


def facts_of(text: str, tmp_path: Path, name: str) -> Facts:
    """The facts the pipeline finds in `text` (one transcript file, same doc_id every time)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    pages = read_transcript(path)
    doc_id = hashlib.sha256(DOC_2022.read_bytes()).hexdigest()[:16]  # the same document
    doc = DocumentText(
        doc_id=doc_id,
        sha256=doc_id,
        source_path=name,
        media_type="text/plain",
        text_source="transcript",
        pages=tuple(PageText(i + 1, t, "transcript") for i, t in enumerate(pages)),
    )
    return extract(understand(doc))


def renumbered(text: str) -> str:
    """`text` with NEW_ITEM put first in the project list and the old items moved down."""
    head, rest = text.split(FIRST_ITEM, 1)
    lst, tail = rest.split("\nSlutrapporterna", 1)
    for n in range(9, 0, -1):
        lst = lst.replace(f"\n{n}. ", f"\n{n + 1}. ")
    return head + NEW_ITEM + FIRST_ITEM.replace("1. ", "2. ") + lst + "\nSlutrapporterna" + tail


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Facts:
    return facts_of(DOC_2022.read_text(encoding="utf-8"), tmp_path_factory.mktemp("a"), "a.txt")


def test_a_project_inserted_above_leaves_the_others_ids_unchanged(
    original: Facts, tmp_path: Path
) -> None:
    text = DOC_2022.read_text(encoding="utf-8")
    after = facts_of(renumbered(text), tmp_path, "b.txt")
    before_ids = {p.name: p.project_id for p in original.projects}
    after_ids = {p.name: p.project_id for p in after.projects}
    assert len(before_ids) >= 9
    assert "Trygg hemgång" in after_ids and "Trygg hemgång" not in before_ids
    assert {n: after_ids.get(n) for n in before_ids} == before_ids


def test_a_removed_or_reordered_project_leaves_the_others_ids_unchanged(
    original: Facts, tmp_path: Path
) -> None:
    text = DOC_2022.read_text(encoding="utf-8")
    item4 = text[text.index("4. Etableringscoach") : text.index("5. Familjeorienterat")]
    item5 = text[text.index("5. Familjeorienterat") : text.index("6. Intern-SIP")]
    swapped = text.replace(
        item4 + item5, item5.replace("5.", "4.", 1) + item4.replace("4.", "5.", 1)
    )
    removed = text.replace(item5, "")
    before = {p.name: p.project_id for p in original.projects}
    for variant, name in ((swapped, "swapped.txt"), (removed, "removed.txt")):
        after = {p.name: p.project_id for p in facts_of(variant, tmp_path, name).projects}
        assert {n: i for n, i in after.items()} == {n: before[n] for n in after}, name


def test_ocr_noise_elsewhere_changes_no_other_id(original: Facts, tmp_path: Path) -> None:
    """A misread letter in one project's description changes no id; in its name, only its own."""
    text = DOC_2022.read_text(encoding="utf-8")
    noisy = text.replace("grupp- och servicebostäder", "gruPP- och servicebostader").replace(
        "6. Intern-SIP,", "6. lntern-SIP,"
    )
    after = facts_of(noisy, tmp_path, "noisy.txt")
    before = {p.project_id for p in original.projects}
    kept = {p.project_id for p in after.projects}
    assert len(before - kept) <= 1 and len(kept - before) <= 1
    assert {a.amount_id for a in after.amounts} == {a.amount_id for a in original.amounts}
    assert {(c.text, c.kind) for c in after.criteria} == {
        (c.text, c.kind) for c in original.criteria
    }


def test_an_amount_inserted_above_leaves_the_other_amounts_ids_unchanged(
    original: Facts, tmp_path: Path
) -> None:
    text = DOC_2022.read_text(encoding="utf-8")
    anchor = "Ett lokalt utvecklingsprojekt kan maximalt beviljas"
    extra = "Socialnämnden avsätter totalt 4 000 000 kronor för lokala utvecklingsprojekt 2022.\n\n"
    after = facts_of(text.replace(anchor, extra + anchor, 1), tmp_path, "amounts.txt")
    before = {a.amount_id: a.raw for a in original.amounts}
    now = {a.amount_id: a.raw for a in after.amounts}
    assert before and set(before) <= set(now)
    assert any("4 000 000" in raw for raw in now.values())


def test_equal_rows_are_told_apart_by_occurrence_only() -> None:
    doc = "0123456789abcdef"
    two = ids.project_ids(doc, [("Läxhjälp", "LUM"), ("Läxhjälp", "LUM")])
    three = ids.project_ids(doc, [("Annat", "LUM"), ("Läxhjälp", "LUM"), ("Läxhjälp", "LUM")])
    assert len(set(two)) == 2 and three[1:] == two
    assert ids.project_id(doc, "  Läxhjälp. ", "LUM") == ids.project_id(doc, "laxhjalp", "LUM")
    assert ids.project_id(doc, "Läxhjälp", "MUL") != ids.project_id(doc, "Läxhjälp", "LUM")
    assert two[0].startswith(f"{doc}-p-") and len(two[0]) == len(doc) + 3 + 8
    a = ids.amount_ids(
        doc,
        [(2, "300 000 kr", "Högst 300 000 kr per ansökan."), (2, "5 000 kr", "Resa: 5 000 kr.")],
    )
    b = ids.amount_ids(doc, [(2, "5 000 kr", "Resa: 5 000 kr.")])
    assert a[1] == b[0] and a[0].startswith(f"{doc}-a-")
    assert ids.amount_context("Ett projekt kan maximalt beviljas 500 000 kr.", "500 000 kr") == (
        "kan maximalt beviljas"
    )
    c1 = ids.criterion_ids(doc, [("Nära praktiken", "LUM", "criterion")])
    c2 = ids.criterion_ids(doc, [("Ny", None, "priority"), ("nära praktiken", "LUM", "criterion")])
    assert c2[1] == c1[0] and c1[0].startswith(f"{doc}-c-")
    assert ids.decision_id(doc, 3) == f"{doc}-d3"
