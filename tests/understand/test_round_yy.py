"""Forty-fifth session: a council's minutes decide under "FoU-rådet beslutade"; the office
and paper kind of a letterhead repeated at each page's top is page furniture, not a table
printed one cell a line."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood

from pipeline.understand.furniture import classify_pages

MINUTES = """STOCKHOLMS STAD                                   PROTOKOLL nr 4/1999
SOCIALTJÄNSTFÖRVALTNINGEN                         Sid 1 (1)
FoU-RÅDET FÖR SOCIALTJÄNSTEN

§ 3  Ansökningar om utvecklingsmedel

Rådet har berett sju ansökningar.

FoU-rådet beslutade

att rekommendera nämnden att bevilja medel till fyra projekt,
att avstyrka övriga tre ansökningar,
att uppdra åt FoU-enheten att meddela de sökande.

§ 4  Nästa sammanträde
"""


def test_a_councils_decisions_under_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    texts = [d.text for d in understood(path).decisions]
    assert len(texts) == 3
    assert texts[0].startswith("att rekommendera nämnden att bevilja medel")


def test_a_letterhead_over_its_dnr_at_each_page_top_is_furniture() -> None:
    top = [
        "",
        "Skarpnäcks stadsdelsförvaltning                         Ansökan",
        "                                                        Dnr 1.2-300/2019",
        "                                                        Sida {n} (3)",
        "",
        "",
    ]
    pages = [
        [ln.replace("{n}", str(n)) for ln in top] + [f"Avsnitt {n}", "", "Text på sidan."]
        for n in (1, 2, 3)
    ]
    labels = classify_pages(pages)
    for labs in labels[1:]:
        assert labs[1] is not None  # the office and "Ansökan": the running header
