"""Thirty-fifth session: what the rounds opened for rules showed of page furniture and of
characters, each on a text written for the test:

* a typesetter's accents set loose before their letters ("f¨or", "p˚a", "¨ alder"), as text
  extraction gives a TeX report, are read as the letters they make;
* the office's name and unit printed right above its postal address ("Socialförvaltningen"
  ⏎ "Avdelningen för …" ⏎ "Box 8700") are part of the address block;
* a draft's markup balloons in the right margin ("Borttaget: …", "Kommentar [AB1]: …") are
  cut from the lines they stand on;
* a protocol's "Justerandes signatur" over its row of dotted lines at a page's foot is
  furniture, while a single drawn rule over a footnote is not; so is a draft's "Sökväg:" line.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.understand.repair import normalise_chars
from tests.extract_helpers import understood


def _doc(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path)


def test_accents_set_loose_before_their_letters() -> None:
    assert normalise_chars("barn och f¨or¨ aldrar p˚a Sk¨arholmens mottagning") == (
        "barn och föräldrar på Skärholmens mottagning"
    )


_PAGE = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0101/2019
                                                 Sida 1 (2)
Handläggare: Eva Exempel                         Till
Telefon: 08-508 00 000                           Socialnämnden

Redovisning av studier 2018

Förvaltningens förslag till beslut
1. Socialnämnden godkänner redovisningen.

Studien kostade 380 000 kronor.
______________________
¹ Bromma och Farsta.

Justerandes signatur
...................   ...................

Sökväg: H:\\FoU\\2019\\Redovisning studier v3.docx

Socialförvaltningen
Avdelningen för stadsövergripande sociala frågor
Box 8700
104 20 Stockholm
"""


def test_an_address_blocks_office_lines_and_a_protocols_signature_row(tmp_path: Path) -> None:
    labels = {ln.text.strip(): ln.furniture for ln in _doc(tmp_path, _PAGE).pages[0].lines}
    assert labels["Avdelningen för stadsövergripande sociala frågor"] == "address"
    assert labels["Box 8700"] == "address"
    assert labels["Justerandes signatur"] is not None
    assert labels["...................   ..................."] is not None
    assert labels["______________________"] is None
    assert labels["Sökväg: H:\\FoU\\2019\\Redovisning studier v3.docx"] is not None
    assert labels["Studien kostade 380 000 kronor."] is None


def test_a_drafts_markup_balloons_are_cut_from_its_lines() -> None:
    from pipeline.understand.balloons import drop_markup_balloons

    page = (
        "Förvaltningen föreslår att sju ansökningar beviljas medel med       Borttaget: 142 000\n"
        "sammanlagt 139 000 kronor. En ansökan föreslås avslås.              Kommentar [AB1]: Stämmer\n"
        "                                                                    summan?\n"
        "\n"
        "Farsta            Riga, barnahus           2    21 000    21 000\n"
        "Vid bedömningen har förvaltningen prioriterat ansökningar som      Formaterat: Punktlistor och\n"
        "rör barn                                                            numrering\n"
    )
    assert drop_markup_balloons(page).split("\n") == [
        "Förvaltningen föreslår att sju ansökningar beviljas medel med",
        "sammanlagt 139 000 kronor. En ansökan föreslås avslås.",
        "",
        "",
        "Farsta            Riga, barnahus           2    21 000    21 000",
        "Vid bedömningen har förvaltningen prioriterat ansökningar som",
        "rör barn",
        "",
    ]
