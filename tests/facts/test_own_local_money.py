"""A stadsdelsnämnd's own "lokala utvecklingsmedel" handed to associations are its own
programme's money, labelled as printed; its förvaltning's LUM projects stay LUM."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

HEAD = """Skarpnäcks stadsdelsförvaltning                     Tjänsteutlåtande
Avdelningen för kultur och fritid                   Dnr 1.2-0311/2016
                                                    Sida 1 (2)
                                                    2016-09-01
Handläggare                                         Till
Lena Exempel                                        Skarpnäcks stadsdelsnämnd
Telefon: 08-508 00 003                              2016-09-22
"""


def _funds(tmp_path: Path, body: str) -> tuple[set[str | None], set[str | None]]:
    f = facts_of(tmp_path, HEAD + body)
    return {p.fund_type for p in f.projects}, {a.fund_type for a in f.amounts}


def test_a_district_committees_money_to_associations_keeps_its_own_name(tmp_path: Path) -> None:
    projects, amounts = _funds(
        tmp_path,
        """
Fördelning av lokala utvecklingsmedel hösten 2016

Förslag till beslut
1. Stadsdelsnämnden beviljar lokala utvecklingsmedel till tre projekt enligt förslaget.

Nämnden har avsatt 300 000 kr för lokala utvecklingsmedel 2016. Förvaltningen föreslår att
följande projekt beviljas lokala utvecklingsmedel:

  –  Pingisskola för seniorer, Skarpnäcks Bordtennisklubb, 60 000 kr
  –  Odlingslotter vid skolan, Föreningen Gröna Gården, 45 000 kr
  –  Sommarkväll på torget, Bagarmossens Vänner, 30 000 kr
""",
    )
    assert projects == {"lokala utvecklingsmedel"}
    assert "LUM" not in amounts and "lokala utvecklingsmedel" in amounts


def test_lum_projects_of_the_forvaltning_stay_lum(tmp_path: Path) -> None:
    projects, _ = _funds(
        tmp_path,
        """
Fördelning av lokala utvecklingsmedel inom individ- och familjeomsorgen 2016

Förslag till beslut
1. Stadsdelsnämnden godkänner fördelningen.

Socialnämnden har beviljat förvaltningen lokala utvecklingsmedel för 2016. Förvaltningen
föreslår att medlen fördelas till följande projekt:

  –  Familjestöd i hemmet, enheten för barn och unga, 200 000 kr
  –  Stödsamtal för unga vuxna, vuxenenheten, 150 000 kr
""",
    )
    assert projects == {"LUM"}
