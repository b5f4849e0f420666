"""The rule-based spaCy pipeline: labels and attributes on short Swedish sentences."""

from __future__ import annotations

import pytest

from pipeline.facts.spacy_pipeline import LABELS, get_nlp


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in get_nlp()(text).ents]


def test_pipeline_components_and_labels() -> None:
    nlp = get_nlp()
    assert nlp.lang == "sv"
    assert nlp.pipe_names[0] == "fold_norm"
    assert "entity_ruler" in nlp.pipe_names
    assert set(LABELS) == {"DISTRICT", "ORG"}
    assert "money_entities" not in nlp.pipe_names and "date_entities" not in nlp.pipe_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bromma beviljades 250 000 kr.", [("Bromma", "DISTRICT")]),
        (
            "Farsta stadsdelsförvaltning fick LUM-medel.",
            [("Farsta stadsdelsförvaltning", "DISTRICT")],
        ),
        # OCR damage: lost and replaced Swedish letters
        (
            "Socialférvaltningen och Hésselby-Villingby fick lokala utvecklingsmedel",
            [
                ("Socialférvaltningen", "DISTRICT"),
                ("Hésselby-Villingby", "DISTRICT"),
            ],
        ),
        (
            "Utvarderingen gors av Ersta Skondal Bracke Hogskola.",
            [("Ersta Skondal Bracke Hogskola", "ORG")],
        ),
        ("Studien ska vara klar den 30 juni 2019.", []),
        # funds are cues (data/cues.csv, read by facts.context), not entities
        ("Statsbidraget omfattar knappt fem miljoner.", []),
        ("Medel för MUST kan sökas.", []),
    ],
)
def test_labels(text: str, expected: list[tuple[str, str]]) -> None:
    assert ents(text) == expected


def test_attributes() -> None:
    doc = get_nlp()("Skärholmen fick ca 1,2 miljoner kronor för MUL den 3 maj 2016 via Ramböll.")
    by_label = {e.label_: e for e in doc.ents}
    assert by_label["DISTRICT"]._.district_id == "skarholmen"
    assert by_label["ORG"]._.org_id == "ramboll"


def test_overlaps_prefer_the_longer_span() -> None:
    # the district's own name inside a longer förvaltning phrase is one entity, not two
    assert ents("Östermalms stadsdelsförvaltning") == [
        ("Östermalms stadsdelsförvaltning", "DISTRICT")
    ]
