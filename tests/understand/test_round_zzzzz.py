"""Fiftieth session: decision items numbered with a part's letter ("1a.", "1b.", "2.")."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood


def test_decision_items_with_lettered_parts(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(
        """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0202/2014
                                                 Sida 1 (2)
Till Socialnämnden

Fördelning av utvecklingsmedel och medel för studiebesök 2015

Förvaltningens förslag till beslut

1a. Socialnämnden beviljar lokala utvecklingsmedel för 2015 till fyra
    projekt med sammanlagt 1 400 000 kronor enligt tabell 1.

1b. Socialnämnden beviljar medel för studiebesök för 2015 till tre
    resor med sammanlagt 72 000 kronor enligt tabell 2.

2.  Socialnämnden avslår övriga ansökningar.

3.  Socialnämnden uppdrar åt förvaltningen att redovisa projektens
    resultat i juni 2016.


Sammanfattning

Förvaltningen föreslår att fyra projekt och tre resor beviljas medel.
""",
        encoding="utf-8",
    )
    got = [(d.item_no, d.text.split()[2]) for d in understood(path).decisions]
    assert got == [(1, "lokala"), (1, "medel"), (2, "övriga"), (3, "åt")]
