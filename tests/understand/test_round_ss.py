"""Thirty-fourth session: what the rounds opened for rules showed of documents' heads and
decisions, each on a text written for the test:

* a fax cover sheet whose "T E L E F A X" stands in a cell beside the sender's name is a
  cover sheet all the same;
* "<Nämnd> beslöt" on a line of its own over att-items opens an old protocol's decisions;
* a delegation decision's "Delegation" paragraph ("Beslutet fattas med stöd av …
  delegationsordning …") between the subject and "Beslut" is no title;
* a forwarded mail's subject keeps its words, not the "VB:" the mail program put before it;
* the footer of each slide of a handout printed two slides to a page is furniture wherever
  it stands on the page;
* "Socialtjänstnämnden beslöt" read as a decision heading over its att-items, and a
  subject typed over an underline;
* a zero read for "ö" between letters ("Studiebes0k") is restored;
* a correction of a tjänsteutlåtande ("Rättelse – …" under the head, prose under it, no
  standard heading on page 1): its subject is the title, and "Förvaltningens förslag till
  beslut (rättat)" opens its decisions.
"""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import understood


def _doc(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path)


_PROTOCOL = """STOCKHOLMS STAD                              PROTOKOLLSUTDRAG
SOCIALTJÄNSTNÄMNDEN                          Sammanträdesdatum
                                             1999-03-16
                                             Sid 1 (2)


§ 11        Fördelning av medel för studiebesök 1999
            Dnr 406-0212/1999


Socialtjänstnämnden beslöt

1.  att bevilja medel för studiebesök till fem ansökningar med
    sammanlagt 96 000 kr,

2.  att avslå övriga ansökningar.


Ärendet

Nämnden har i budget för år 1999 avsatt 200 000 kr för studiebesök.
"""


def test_a_fax_cover_whose_word_stands_in_a_cell(tmp_path: Path) -> None:
    text = (
        """        STOCKHOLMS STAD
        Socialtjänstförvaltningen                      T E L E F A X
        FoU-enheten


        Till:          Stadsdelsförvaltningarna (enl. sändlista)

        Från:          Per Exempel, FoU-enheten

        Datum:         1999-03-18

        Antal sidor:   3 inkl. detta försättsblad


        Meddelande:

        Här kommer protokollsutdraget om medel för studiebesök.
\f
"""
        + _PROTOCOL
    )
    doc = _doc(tmp_path, text)
    assert doc.meta.title == "Fördelning av medel för studiebesök 1999"
    assert doc.meta.dnr == "406-0212/1999"
    # the protocol's meeting, not the day the fax was sent
    assert str(doc.meta.doc_date) == "1999-03-16"
    assert str(doc.meta.meeting_date) == "1999-03-16"


def test_nämnden_beslöt_over_att_items_opens_the_decisions(tmp_path: Path) -> None:
    doc = _doc(tmp_path, _PROTOCOL)
    assert [d.item_no for d in doc.decisions] == [1, 2]
    assert doc.decisions[1].text.startswith("att avslå övriga ansökningar")


def test_a_delegation_paragraph_is_no_title(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                    DELEGATIONSBESLUT
SOCIALTJÄNSTFÖRVALTNINGEN                          Dnr 406-0400/2005
FoU-enheten                                        Sid 1 (2)
                                                   2005-10-03

Handläggare: Eva Exempel                           Anmäls till
Tfn 508 25 000                                     Socialtjänstnämnden


MEDEL FÖR STUDIEBESÖK - HÖSTENS OMGÅNG 2005


Delegation

Beslutet fattas med stöd av socialtjänstnämndens delegationsordning,
punkt 3.2: beslut om medel för studiebesök med högst 20 000 kr per
ansökan.


Beslut

1.  Medel för studiebesök beviljas till fyra ansökningar med
    sammanlagt 61 000 kr.
"""
    assert _doc(tmp_path, text).meta.title == "MEDEL FÖR STUDIEBESÖK - HÖSTENS OMGÅNG 2005"


def test_a_forwarded_mails_subject_without_its_prefix(tmp_path: Path) -> None:
    text = """Exempel Eva
______________________________________________________________________________

Från:                 Exempel Eva
Skickat:              den 14 december 2021 09:40
Till:                 Registrator Farsta
Ämne:                 VB: Beslut om lokala utvecklingsmedel 2022 - Farsta
                      stadsdelsförvaltning

Hej!

Vidarebefordrar beslutet för diarieföring.

Hälsningar
Eva
"""
    title = _doc(tmp_path, text).meta.title
    assert title == "Beslut om lokala utvecklingsmedel 2022 - Farsta stadsdelsförvaltning"


def test_a_slide_footer_printed_twice_a_page_is_furniture(tmp_path: Path) -> None:
    slide = "    SKÄRHOLMENS STADSDELSFÖRVALTNING                           {n}\n"
    text = (
        "Skärholmens stadsdelsnämnd – ärende 7, bilaga                   2017-02-16\n\n"
        "    Utvecklingsmedel 2016\n\n    Information till nämnden\n\n"
        + slide.format(n=1)
        + "\n\n\n    Vad är LUM?\n\n    •  Lokala utvecklingsmedel från socialnämnden\n\n"
        + slide.format(n=2)
        + "\f\n"
        "Skärholmens stadsdelsnämnd – ärende 7, bilaga                   2017-02-16\n\n"
        "    Våra projekt\n\n    •  Läxhjälp i Bredäng\n\n"
        + slide.format(n=3)
        + "\n\n\n    Framåt\n\n    •  Ny ansökan i september\n\n"
        + slide.format(n=4)
    )
    doc = _doc(tmp_path, text)
    footers = [
        ln.furniture
        for page in doc.pages
        for ln in page.lines
        if "SKÄRHOLMENS STADSDELSFÖRVALTNING" in ln.text
    ]
    assert len(footers) == 4
    assert all(f is not None for f in footers)


def test_a_beslöt_heading_over_att_items_and_an_underlined_subject(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                              PROTOKOLLSUTDRAG
SOCIALTJÄNSTNÄMNDEN                          Sammanträdesdatum        Blad
                                             1998-05-19               4


§ 9         Fördelning av medel till lokala
            utvecklingsprojekt 1998
            Dnr 406-0311/98


            Socialtjänstnämnden beslöt

            att    fördela 900 000 kr till lokala utvecklings-
                   projekt enligt bilaga till protokollet,

            att    förklara paragrafen omedelbart justerad.


            Ärendet

            Nämnden har avsatt 900 000 kr för lokala projekt.
"""
    doc = _doc(tmp_path, text)
    assert [d.text.split()[1] for d in doc.decisions] == ["fördela", "förklara"]


def test_a_typed_underline_is_no_part_of_the_subject(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                  TJÄNSTEUTLÅTANDE
SOCIALTJÄNSTFÖRVALTNINGEN                        Dnr 406-1000/99
FoU-enheten                                      Sid 1 (2)
                                                 1999-09-14

Handläggare: Eva Exempel                         Till
Tfn 508 25 000                                   Socialtjänstnämnden


LOKALA FoU-MEDEL 1999 - ANDRA FÖRDELNINGEN
__________________________________________


Förslag till beslut

1. Socialtjänstnämnden beviljar medel till fem projekt.
"""
    assert _doc(tmp_path, text).meta.title == "LOKALA FoU-MEDEL 1999 - ANDRA FÖRDELNINGEN"


def test_a_zero_for_ö_between_letters() -> None:
    from pipeline.understand.repair import repair_text

    assert repair_text("Studiebes0k i Oslo och 2O00 kr").startswith("Studiebesök i Oslo")
    assert "B0" in repair_text("Lokal B0 och K0")  # codes keep their zero


def test_a_corrections_subject_and_its_corrected_decisions(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                   Tjänsteutlåtande
Avdelningen för stadsövergripande                     RÄTTELSE
sociala frågor                                        Dnr 3.2.1-0999/2020
                                                      Sida 1 (2)
                                                      2020-11-30

Handläggare                                           Till
Eva Exempel                                           Socialnämnden
Telefon: 08-508 00 000                                2020-12-15


Rättelse – Fördelning av lokala utvecklingsmedel 2021


I förvaltningens tjänsteutlåtande i ärendet, daterat 2020-11-17, har
ett fel upptäckts. Nedan anges vad som står och vad som ska stå.

Står:       Farsta      Trygga skolvägar      350 000 kr
Ska stå:    Farsta      Trygga skolvägar      305 000 kr


Förvaltningens förslag till beslut (rättat)

1.  Socialnämnden beviljar lokala utvecklingsmedel 2021 till nio
    projekt med totalt 2 905 000 kronor.
2.  Ärendet delges samtliga stadsdelsnämnder.
"""
    doc = _doc(tmp_path, text)
    assert doc.meta.title == "Rättelse – Fördelning av lokala utvecklingsmedel 2021"
    assert [d.item_no for d in doc.decisions] == [1, 2]


def test_a_candidate_of_another_length_adds_no_diacritics() -> None:
    from pipeline.understand.ocr_edits import _adds_diacritics

    assert _adds_diacritics("galler", "gäller")
    assert not _adds_diacritics("ae", "æ")  # one letter for two: no crash, no such reading
