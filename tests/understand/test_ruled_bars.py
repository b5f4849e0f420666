"""The rules of a scanned ruled table OCR read as letters, digits and bars, read back as the
column gaps and rules they are (`pipeline.understand.ruled_bars`); written for the test."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood

from pipeline.facts.stage import extract
from pipeline.records import Facts
from pipeline.understand.ruled_bars import ruled_bars

#: a bordered table as OCR read it: bars as "I", "|" and "1", rules as words of "e" and "n"
SCANNED = """Tabell 1. Ansökningar och förslag, kr

I Stadsdel      I Projekt                        I Sökt    I Förslag  I
foeseeenennnnnnn |------          I      I      I
I Farsta        I Läxhjälp i samverkan med       1320 0001 300 000 I
|               I skolbiblioteket                I         I         |
|          |                      I      I      I
I Bromma        I Samtalsgrupper för unga        1210 000 1190 000 I
|               I vuxna                          I         I         |
Jeeeeeesennnnnnnn Jessen nnnnnr   |      |      |
I Kista         I Föräldraträffar på somaliska   I 150 000 I 140 000 I
|               I                                |         |         |
I Summa         I                                I 680 000 I 630 000 I
"""


def test_a_scanned_ruled_table_is_read_as_columns() -> None:
    out = ruled_bars(SCANNED).split("\n")
    assert "|" not in "".join(out[2:])
    assert out[3].strip().startswith("-") and set(out[3].strip()) == {"-"}
    assert out[4].split() == [
        "Farsta",
        "Läxhjälp",
        "i",
        "samverkan",
        "med",
        "320",
        "000",
        "300",
        "000",
    ]
    assert out[7].split() == ["Bromma", "Samtalsgrupper", "för", "unga", "210", "000", "190", "000"]
    assert out[6].strip() == "" or set(out[6].strip()) == {"-"}
    assert set(out[9].strip()) == {"-"}


def test_a_clean_bar_table_and_prose_stay_as_printed() -> None:
    clean = (
        "| Stadsdel | Projekt           | Kronor  |\n"
        "| Farsta   | Läxhjälp          | 300 000 |\n"
        "| Bromma   | Samtalsgrupper    | 190 000 |\n"
    )
    assert ruled_bars(clean) == clean
    prose = "I Farsta har projektet | enligt planen\nI Bromma 1210 000 kr.\n"
    assert ruled_bars(prose) == prose


HEAD = """Socialtjänstförvaltningen                        Tjänsteutlåtande
FoU-enheten                                      Dnr 406-0101/2006
                                                 2006-01-10
Handläggare: Eva Exempel                         Till
                                                 Socialtjänstnämnden

Fördelning av lokala utvecklingsmedel för år 2006

Förvaltningens förslag till beslut
1. Socialtjänstnämnden beviljar medel enligt förvaltningens förslag.

"""


def _facts(tmp_path: Path, text: str) -> Facts:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract(understood(path))


def test_the_table_read_back_gives_its_projects(tmp_path: Path) -> None:
    f = _facts(tmp_path, HEAD + SCANNED)
    got = {p.name: (sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got["Läxhjälp i samverkan med skolbiblioteket"] == (["farsta"], 300000)
    assert got["Samtalsgrupper för unga vuxna"] == (["bromma"], 190000)
    assert got["Föräldraträffar på somaliska"] == (["kista"], 140000)
