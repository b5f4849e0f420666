"""Thirty-third session: what the rounds opened for rules showed of documents' heads and
decisions, each on a text written for the test:

* a meeting page's link texts under an item ("Ärendedokument", "Läs dokument (PDF)") are no
  words of its decisions;
* "Kommunstyrelsen beslutar följande." on a line of its own under an utlåtande's title opens
  its numbered decisions;
* a fax's cover sheet ("T E L E F A X", "Till:", "Från:", "Antal sidor inkl. denna:") is no
  head of the document it carries: committee, kind, dnr, dates, handläggare and title are read
  on the next page;
* another municipality's "<Nämnd>s arbetsutskott" in a protocol's letterhead is the
  committee;
* a code of a capital and a digit ("K4", "A4") is no word whose "4" was an "ä";
* a table's status symbol ("●      450     <name>") is no bullet: its column gap stays.
"""

from __future__ import annotations

from pathlib import Path

from tests.extract_helpers import understood


def _doc(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path)


def test_a_meeting_pages_link_texts_end_its_decisions(tmp_path: Path) -> None:
    text = """Hem > Stockholms stad > Farsta stadsdelsnämnd > Sammanträde 2012-09-20

Sammanträde 2012-09-20

5 Tertialrapport 2 2012

Dnr: 1.2.1-311/12
Handläggare: Eva Exempel Tel: 08-508 00 000

Förslag till beslut

1. Stadsdelsnämnden godkänner tertialrapporten.

2. Stadsdelsnämnden överlämnar rapporten till kommunstyrelsen.
Ärendedokument
Läs dokument (PDF)

6 Föreningsbidrag hösten 2012

Dnr: 1.6-212/12
Handläggare: Per Exempel Tel: 08-508 00 001

Förslag till beslut

1. Stadsdelsnämnden beviljar föreningsbidrag om 96 000 kronor enligt bilaga.
Ärendedokument
Läs dokument (PDF)
"""
    texts = [d.text for d in _doc(tmp_path, text).decisions]
    assert "Stadsdelsnämnden överlämnar rapporten till kommunstyrelsen." in texts
    assert not [t for t in texts if "Läs dokument" in t or "Ärendedokument" in t]


def test_kommunstyrelsen_beslutar_foljande_under_the_title(tmp_path: Path) -> None:
    text = """Utlåtande 2018:33 RI (Dnr 123-0999/2018)


Medel till stadsdelsnämnderna för sommarlovsaktiviteter
2018

Kommunstyrelsen beslutar följande.

1. Stadsdelsnämnderna medges budgetjustering med sammanlagt 9,0 mnkr
   för sommarlovsaktiviteter 2018 enligt bilaga 1.
2. Stadsdelsnämnderna redovisar aktiviteterna i verksamhetsberättelsen.

Föredragande borgarrådet Per Exempel anför följande.

Ärendet

Kommunfullmäktige har avsatt 9,0 mnkr för sommarlovsaktiviteter.
"""
    doc = _doc(tmp_path, text)
    assert [d.item_no for d in doc.decisions] == [1, 2]
    assert doc.decisions[1].text.startswith("Stadsdelsnämnderna redovisar")
    assert doc.meta.title == "Medel till stadsdelsnämnderna för sommarlovsaktiviteter 2018"


def test_a_fax_cover_sheet_is_no_head(tmp_path: Path) -> None:
    text = """03/11 '99  09:12 FAX 08 508 11 222        FARSTA SDF                 @001


FARSTA STADSDELSFÖRVALTNING
Individ- och familjeomsorgen


                    T E L E F A X


Till:        Socialtjänstförvaltningen, FoU-enheten

Faxnr:       08-508 00 999

Från:        Per Exempel

Datum:       1999-11-03

Antal sidor inkl. denna:   3


Meddelande:

Här kommer vår ansökan. Originalet kommer med internposten.

\f
03/11 '99  09:13 FAX 08 508 11 222        FARSTA SDF                 @002

FARSTA STADSDELSFÖRVALTNING                TJÄNSTEUTLÅTANDE
Individ- och familjeomsorgen               Dnr 502-211/1999
                                           Sid 1 (2)
                                           1999-10-20

Handläggare: Eva Exempel                   Till
Tfn 508 11 214                             Farsta stadsdelsnämnd
                                           1999-10-28


ANSÖKAN OM LOKALA UTVECKLINGSMEDEL FÖR ÅR 2000


Förslag till beslut

1. Stadsdelsnämnden ansöker hos socialtjänstnämnden om 260 000 kr
   för projektet Familjeråd i Farsta.

2. Paragrafen justeras omedelbart.
"""
    meta = _doc(tmp_path, text).meta
    assert meta.committee == "Farsta stadsdelsnämnd"
    assert meta.doc_type == "tjänsteutlåtande"
    assert meta.dnr == "502-211/1999"
    assert str(meta.doc_date) == "1999-10-20"
    assert str(meta.meeting_date) == "1999-10-28"
    assert meta.handlaggare == "Eva Exempel"
    assert meta.title == "ANSÖKAN OM LOKALA UTVECKLINGSMEDEL FÖR ÅR 2000"


def test_another_municipalitys_arbetsutskott_is_the_committee(tmp_path: Path) -> None:
    text = """SUNDSBERGS KOMMUN                                   PROTOKOLLSUTDRAG
Barn- och familjenämndens arbetsutskott             Sida 1 (1)

Sammanträdesdatum: 2017-05-09


§ 40     Fördelning av utvecklingsmedel 2017

Beslut

Barn- och familjenämndens arbetsutskott beslutar

1. att bevilja Föreningen Kvällsljus 90 000 kronor för projektet
   Nattcafé i centrum.
"""
    assert _doc(tmp_path, text).meta.committee == "Barn- och familjenämndens arbetsutskott"


def test_a_code_of_a_capital_and_a_digit_keeps_its_digit() -> None:
    from pipeline.understand.repair import get_repairer

    rep = get_repairer()
    line = "Varje ansökan fick poäng för kriterierna K1-K4 och A4-sidor"
    assert rep.repair_words(line, sentence_start=True, intact=True) == line
    # (a damaged word keeps its repair: "R4gsved" is Rågsved)
    assert rep.repair_words("i R4gsved", sentence_start=False) == "i Rågsved"


def test_a_status_symbol_in_a_tables_first_column_is_no_bullet() -> None:
    from pipeline.understand.repair_bullets import normalise_bullet

    row = "●        450     Stöd till anhöriga — Norra innerstaden"
    assert normalise_bullet(row) == row  # the column gap after the symbol stays
    assert normalise_bullet("●  Stöd till anhöriga") == "- Stöd till anhöriga"
