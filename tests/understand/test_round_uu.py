"""Thirty-sixth session: what the rounds opened for rules showed of a document's kind, its
title and its characters, each on a text written for the test:

* a meeting's whole protocol, its ärenden under three or more §§, is a protokoll, whatever
  its letterhead's "Utdragsbestyrkande" says;
* bold type that text extraction printed twice ("SSoocciiaallnnäämmnnddeenn", "§§  1122") is
  read once; a number alone that only looks doubled ("1100") is left as printed;
* a flattened decision list whose third item lost its number after the second's full stop
  splits at that full stop;
* two pages printed side by side on one sheet (a page number on each side, a blank gutter
  between) are read as the left page, then the right;
* a label printed sideways in the margin, one character per line, is no text;
* a mainframe printout in 7-bit Swedish ("SOCIALTJ[NSTF\\RVALTNINGEN") gets its Ä, Ö, Å;
* a web page printed from a browser is titled by the page title of its print header, when
  the page prints it again as its heading; a meeting portal's cover over one item's papers
  ("Ärende 12" over the item's subject) by that subject, not by the meeting.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.understand.repair import seven_bit, undoubled
from pipeline.understand.rotated import blank_rotated_labels
from pipeline.understand.two_up import sheet_halves
from tests.extract_helpers import understood


def _meta(tmp_path: Path, text: str, name: str = "doc"):  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path).meta


_PARAGRAPH = """
§ {no}                   Dnr SOC 2019/{no}

{heading}

Socialnämndens beslut
1. Socialnämnden {verb}.

"""


def test_a_meetings_whole_protocol_is_a_protokoll(tmp_path: Path) -> None:
    head = """BYSTAD KOMMUN                          SAMMANTRÄDESPROTOKOLL
Socialnämnden                          2019-04-10                 1 (3)

Justerandes sign                                        Utdragsbestyrkande
"""
    body = "".join(
        _PARAGRAPH.format(no=no, heading=heading, verb=verb)
        for no, heading, verb in (
            (31, "Månadsrapport per mars 2019", "godkänner månadsrapporten"),
            (32, "Bidrag till ideella föreningar 2019", "beviljar bidrag enligt bilaga"),
            (33, "Svar på remiss om äldreplan", "antar förvaltningens svar som sitt"),
        )
    )
    assert _meta(tmp_path, head + body).doc_type == "protokoll"
    one = head + _PARAGRAPH.format(no=32, heading="Bidrag 2019", verb="beviljar bidrag")
    assert _meta(tmp_path, one, "utdrag").doc_type == "protokollsutdrag"


def test_bold_type_printed_twice_is_read_once() -> None:
    assert undoubled("SSoocciiaallnnäämmnnddeennss  bbeesslluutt") == "Socialnämndens beslut"
    assert undoubled("§§  1122") == "§ 12"
    assert (
        undoubled("SSuummmmaa                          224400  000000")
        == "Summa                          240 000"
    )
    assert undoubled("Summa   1100  2200") == "Summa   1100  2200"
    assert undoubled("Rotterdam: SSP-samarbetet   5   25 000") == (
        "Rotterdam: SSP-samarbetet   5   25 000"
    )


def test_a_mainframe_printouts_seven_bit_swedish() -> None:
    assert (
        seven_bit(r"SDN [LVSJ\   ANH\RIGGRUPPER F\R ]LDRE")
        == "SDN ÄLVSJÖ   ANHÖRIGGRUPPER FÖR ÅLDRE"
    )
    assert seven_bit("*** SLUT P] LISTAN ***") == "*** SLUT PÅ LISTAN ***"
    assert seven_bit("Se tabell [2] nedan") == "Se tabell [2] nedan"


def test_a_printed_web_page_is_titled_by_its_print_header(tmp_path: Path) -> None:
    text = """2021-03-02 09:15              Sök medel för studieresor 2022 - Intranätet

Stockholms stad  Intranätet                          Sök    Meny    Logga ut

Start  >  Verksamhet  >  Socialtjänst  >  Utlysningar


Sök medel för studieresor 2022

Nu kan du som arbetar inom socialtjänsten söka medel för studieresor
för 2022. Sista dag att ansöka är den 10 september 2021.
"""
    assert _meta(tmp_path, text).title == "Sök medel för studieresor 2022"


def test_a_meeting_portals_cover_over_one_items_papers(tmp_path: Path) -> None:
    text = """Socialnämnden
Sammanträde 2019-06-18



Ärende 12

Redovisning av lokala utvecklingsmedel (LUM) och medel för
utveckling och lärande (MUL) 2018

Dnr 3.1.1-220/2019


Handlingar i ärendet                                        Sida

Tjänsteutlåtande 2019-05-28                                    2
Bilaga 1. Redovisade projekt                                   5
"""
    assert _meta(tmp_path, text).title == (
        "Redovisning av lokala utvecklingsmedel (LUM) och medel för utveckling och lärande "
        "(MUL) 2018"
    )


def test_a_label_printed_sideways_in_the_margin_is_no_text() -> None:
    text = "Vid urvalet har kontoret prioriterat studier som\n4\n1\n0\n2\n\nr\nn\nD\n\n- är billiga"
    assert blank_rotated_labels(text).split("\n") == [
        "Vid urvalet har kontoret prioriterat studier som",
        *[""] * 9,
        "- är billiga",
    ]
    table = "Delt.\n5\n3\n\nSumma 8"
    assert blank_rotated_labels(table) == table


def test_a_flattened_item_whose_number_was_lost_after_a_full_stop() -> None:
    from tests.understand.test_understand import _understand_pages

    line = (
        "1 Utlåtande 2016:40 RIII (Dnr /2016) Medel mot hemlöshet 2016 Kommunstyrelsen "
        "föreslår att kommunfullmäktige beslutar följande. 1. Socialnämnden tilldelas 2,1 mnkr "
        "för uppsökande arbete bland hemlösa i innerstaden. 2. Farsta och Skärholmens "
        "stadsdelsnämnder tilldelas sammanlagt 900 tkr för boendestöd enligt bilaga 1 till "
        "utlåtandet. Bromma stadsdelsnämnd tilldelas 0,6 mnkr för försöket Trygg bostad "
        "under perioden augusti 2016 – juli 2017. 4. Nämnderna medges budgetjustering i "
        "enlighet med punkterna 1–3 ovan. Föredragande borgarrådet Namn Namnsson anför "
        "följande. Ärendet " + "Bakgrundstext om medlen. " * 15
    )
    doc = _understand_pages([f"Medel mot hemlöshet 2016\n\n{line}"])
    texts = [d.text for d in doc.decisions]
    assert texts[1].endswith("enligt bilaga 1 till utlåtandet.")
    assert texts[2].startswith("Bromma stadsdelsnämnd tilldelas 0,6 mnkr")
    assert len(texts) == 4


def test_two_pages_printed_side_by_side_are_read_one_after_the_other() -> None:
    left = [
        "Farsta stadsdelsförvaltning          Sida 1 (2)",
        "",
        "Redovisning av lokala utvecklingsmedel 2009",
        "",
        "Förvaltningen beviljades 300 000 kronor.",
    ]
    right = [
        "                                     Sida 2 (2)",
        "",
        "Projekt 1",
        "Läxhjälp på fritidsgården",
        "Beviljat: 300 000 kronor",
    ]
    sheet = "\n".join(f"{a:<60}{b}" for a, b in zip(left, right, strict=True))
    read = [ln.strip() for ln in sheet_halves(sheet).split("\n") if ln.strip()]
    assert read == [ln.strip() for ln in [*left, *right] if ln.strip()]
    one = "\n".join(left)
    assert sheet_halves(one) == one
