"""Thirty-seventh session: what the rounds opened for rules showed of headings and
characters, each on a text written for the test:

* a heading that ends in a period of years ("Föreslagna studier 2010–2011") is a heading,
  not a table's row;
* a protocol's decision heading whose space OCR lost ("Socialtjanstnamndensbeslut") opens
  the decisions;
* a word whose last "l" OCR read as "1" ("til1") is the word, when it is one; a number run
  into its word ("bilaga1", "kap1") is left as printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.facts.body import body_lines
from pipeline.understand.line_numbers import drop_line_numbers
from pipeline.understand.repair_digits import fix_number_letters
from pipeline.understand.sections import heading_kind
from tests.extract_helpers import understood


def test_a_heading_ending_in_a_period_of_years(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(
        """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0101/2010
                                                 2010-03-02
Till
Socialnämnden

Forsknings- och utvecklingsstudier 2010

Förvaltningens förslag till beslut
1. Socialnämnden godkänner förslaget.


Föreslagna studier 2010–2011

Barn i skyddat boende är en kartläggning av barnens skolgång och
genomförs av Stockholms universitet under två år.
""",
        encoding="utf-8",
    )
    lines = body_lines(understood(path))
    headings = [ln.text.strip() for ln in lines if ln.heading]
    assert "Föreslagna studier 2010–2011" in headings


def test_a_decision_heading_whose_space_ocr_lost() -> None:
    assert heading_kind("Socialtjanstnamndensbeslut") == "beslut"
    assert heading_kind("Stadsdelsnämndensbeslut") == "beslut"
    assert heading_kind("Socialtjänstförvaltningen") is None


def test_a_words_last_l_read_as_one() -> None:
    assert fix_number_letters("redovisas til1 nämnden") == "redovisas till nämnden"
    assert fix_number_letters("enligt bilaga1 och kap1") == "enligt bilaga1 och kap1"


def _title(tmp_path: Path, text: str) -> str | None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path).meta.title


_MEETING = """{head}

{intro}

Närvarande
Ledamöter            Anna Exempel (S), ordförande
                     Bo Exempel (M)

Justerare            Bo Exempel

§ 1
Val av justerare

§ 2
Budget för pensionärsrådets aktiviteter 2014

Rådet informerades om budgeten.

§ 3
Bidrag till föreningen Aktiva seniorer

Rådet tillstyrkte ansökan.
"""


@pytest.mark.parametrize(
    ("head", "intro", "title"),
    [
        (  # a number in the letterhead, no year
            "Kommunstyrelsen                                         Protokoll nr 12",
            "Protokoll fört vid kommunstyrelsens sammanträde onsdagen den 4 juni 2014",
            "Protokoll nr 12",
        ),
        (  # no number: the meeting the protocol says it records
            "SKARPNÄCKS STADSDELSFÖRVALTNING                      PROTOKOLL",
            "Protokoll från sammanträde med Skarpnäcks\npensionärsråd",
            "Protokoll från sammanträde med Skarpnäcks pensionärsråd",
        ),
        (  # an extract: its ärende's heading
            "Kommunstyrelsen\nPROTOKOLL NR 12",
            "Utdrag ur protokoll fört vid kommunstyrelsens sammanträde den 4 juni 2014",
            "Budget för pensionärsrådets aktiviteter 2014",
        ),
    ],
)
def test_a_protocols_title_by_its_number_or_the_meeting_it_records(
    tmp_path: Path, head: str, intro: str, title: str
) -> None:
    assert _title(tmp_path, _MEETING.format(head=head, intro=intro)) == title


def test_line_numbers_in_a_drafts_margin_are_no_text() -> None:
    body = [
        "Inriktning för lokala utvecklingsmedel",
        "2026",
        "",
        "Förvaltningens förslag till beslut",
        "",
        "1. Socialnämnden godkänner inriktningen.",
        "2. Ärendet delges samtliga stadsdelsnämnder.",
        "",
        "Sammanfattning",
        "Förvaltningen föreslår en inriktning för 2026.",
        "",
        "Bakgrund",
    ]
    page = "Socialförvaltningen                          Tjänsteutlåtande\n\n" + "\n".join(
        f"{n:>4}    {text}" if text else f"{n:>4}" for n, text in enumerate(body, start=1)
    )
    lines = drop_line_numbers(page).split("\n")
    assert lines[2:8] == [
        "Inriktning för lokala utvecklingsmedel",
        "2026",
        "",
        "Förvaltningens förslag till beslut",
        "",
        "1. Socialnämnden godkänner inriktningen.",
    ]
    every_fifth = "\n".join(
        f"{k:>4}    rad {k} av texten" if k % 5 == 0 else f"        rad {k} av texten"
        for k in range(1, 31)
    )
    assert drop_line_numbers(every_fifth).split("\n")[4] == "rad 5 av texten"
    table = "\n".join(f"{k}    Stadsdel {k}    {k * 100} 000" for k in range(1, 13))
    assert drop_line_numbers(table) == table  # (a table's numbered rows)


def test_a_covers_headline_in_centred_capitals(tmp_path: Path) -> None:
    cover = """                                                 Bilaga 1
                                                 Socialnämnden 2011-04-19



                STOCKHOLMS STAD
                SOCIALFÖRVALTNINGEN


                LOKALA UTVECKLINGSPROJEKT
                OCH STUDIEBESÖK 2010

                Redovisning av projekt som har fått lokala
                utvecklingsmedel från socialnämnden


                Avdelningen för stadsövergripande sociala frågor
                Mars 2011
"""
    assert _title(tmp_path, cover) == "Lokala utvecklingsprojekt och studiebesök 2010"
