"""Understanding rules of blind rounds g183–g198 and n107–n122, on short texts written for
the test: an utlåtande's designation printed under its subject is no part of the title."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood

KF_EXTRACT = """STOCKHOLMS STAD                                       PROTOKOLL 7/2001
Kommunfullmäktige                                     Sida 1 (2)
Utdrag ur protokoll fört vid kommunfullmäktiges sammanträde
måndagen den 14 maj 2001 kl. 15.00 i Stadshuset

§ 12
Utvecklingsavtal för två stadsdelsområden
Utlåtande 2001:33 RI (Dnr 309-1001/2001)

Beslut
1. Kommunfullmäktige godkänner avtalen.
"""


def test_the_designation_under_the_subject_is_no_part_of_the_title(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(KF_EXTRACT, encoding="utf-8")
    assert understood(path).meta.title == "Utvecklingsavtal för två stadsdelsområden"
