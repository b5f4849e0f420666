"""OCR damage to the layout of lists and tables: bullets read as other signs or dropped,
specks between a table's cells, doubled full stops after an item number, a capital read as a
small letter. Strings are invented, of the kinds the scans show."""

from __future__ import annotations

import pytest

from pipeline.understand.context_repair import context_repair_pages
from pipeline.understand.repair import get_repairer, repair_text
from pipeline.understand.repair_bullets import normalise_bullet, restore_lost_bullets
from pipeline.understand.repair_tables import (
    drop_number_specks,
    drop_table_specks,
    split_glued_cells,
)
from pipeline.understand.scan_layout import (
    capital_lookalikes,
    close_inner_blanks,
    thousands_spaces,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  «insatsen når barn i förskoleåldern", "  - insatsen når barn i förskoleåldern"),
        ("«Läxhjälp i Tensta - 120 tkr", "- Läxhjälp i Tensta - 120 tkr"),
        ("« - Bromma: Mötesplats för äldre - 90 tkr", "- Bromma: Mötesplats för äldre - 90 tkr"),
        ("  +  besöket planeras i god tid", "  - besöket planeras i god tid"),
        # a quotation, a table's rule, a sum are not bullets
        ("«Trygg hemma» heter projektet", "«Trygg hemma» heter projektet"),
        ("+----------+---------+", "+----------+---------+"),
        ("+ 12 procent", "+ 12 procent"),
    ],
)
def test_bullets_glued_or_read_as_plus(line: str, expected: str) -> None:
    assert normalise_bullet(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "2 — Läxhjälp i Husby     Rinkeby-Kista      300         250",
            "2   Läxhjälp i Husby     Rinkeby-Kista      300         250",
        ),
        (
            "4  -Familjestöd på arabiska   Bromma     410 000",
            "4   Familjestöd på arabiska   Bromma     410 000",
        ),
        (
            "Sökande          Resmål               Antal  — Beviljat (kr)",
            "Sökande          Resmål               Antal    Beviljat (kr)",
        ),
        # a dash standing for an empty cell keeps its place
        (
            "3   Seniorcaféet       Farsta        -         150        150",
            "3   Seniorcaféet       Farsta        -         150        150",
        ),
        (
            "5   Nattvandring i Farsta   Farsta      200 000       –",
            "5   Nattvandring i Farsta   Farsta      200 000       –",
        ),
        (
            "Hemtjänst för äldre = Farsta       Ersta högskola      300   jun 2019",
            "Hemtjänst för äldre   Farsta       Ersta högskola      300   jun 2019",
        ),
        (
            "               (medsökande Bromma = de äldre i hemtjänst",
            "               (medsökande Bromma   de äldre i hemtjänst",
        ),
        # prose with a dash is not a table
        ("Projekt 3 - Läxhjälp i Husby", "Projekt 3 - Läxhjälp i Husby"),
    ],
)
def test_specks_between_table_cells(line: str, expected: str) -> None:
    assert drop_table_specks(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3...  Nämnden godkänner redovisningen.", "3.    Nämnden godkänner redovisningen."),
        ("1,.  Nämnden beviljar", "1.   Nämnden beviljar"),
        ("2.  Nämnden beviljar", "2.  Nämnden beviljar"),
        ("1.5 miljoner kronor", "1.5 miljoner kronor"),
    ],
)
def test_specks_after_an_item_number(line: str, expected: str) -> None:
    assert drop_number_specks(line) == expected


def test_bullets_dropped_under_a_list_introduction() -> None:
    lines = [
        "Ansökningarna bedöms utifrån följande grunder:",
        "",
        "   insatsen vänder sig till familjer med små barn",
        "   arbetet följs upp med en enkel mätning",
        "   brukare deltar i planeringen",
        "",
        "Förslag till fördelning",
    ]
    restore_lost_bullets(lines)
    assert lines[2:5] == [
        "   - insatsen vänder sig till familjer med små barn",
        "   - arbetet följs upp med en enkel mätning",
        "   - brukare deltar i planeringen",
    ]


@pytest.mark.parametrize(
    "block",
    [
        # a wrapped item cannot be told from the next one
        ["   insatsen vänder sig till familjer och", "   barn i förskoleåldern"],
        # att-satser are decisions, not a bullet list
        ["   att bevilja 200 000 kronor", "   att uppdra åt förvaltningen"],
        # a table
        ["   Bromma        200 000", "   Farsta        150 000"],
        # not indented under the introduction
        ["insatsen vänder sig till familjer", "arbetet följs upp"],
        # one line is not a list
        ["   insatsen vänder sig till familjer"],
    ],
)
def test_lost_bullets_left_alone(block: list[str]) -> None:
    lines = ["Nämnden beslutar följande:", *block]
    restore_lost_bullets(lines)
    assert lines[1:] == block


def test_lost_bullets_in_the_page_repair() -> None:
    text = "Kriterier:\n  projekten ska vara tidsbegränsade\n  resultaten ska redovisas"
    assert repair_text(text).split("\n")[1:] == [
        "  - projekten ska vara tidsbegränsade",
        "  - resultaten ska redovisas",
    ]


def test_capital_read_as_small_at_a_heading() -> None:
    lines = ["slutsatser.", "", "vägen framåt", "", "sedan 2019 arbetar"]
    conf = [{"slutsatser": 96.0}, {}, {"vägen": 87.0, "framåt": 95.0}, {}, {"sedan": 96.0}]
    repairs = capital_lookalikes(lines, conf)
    assert lines[2] == "Vägen framåt"
    assert lines[4] == "sedan 2019 arbetar"  # read sure: left as printed
    assert [(r.before, r.after) for r in repairs] == [("vägen", "Vägen")]


def test_capital_left_inside_a_sentence_and_without_confidences() -> None:
    lines = ["Projektet drivs av", "socialtjänsten i", "vägen framåt"]
    assert capital_lookalikes(lines, [{}, {"socialtjänsten": 80.0}, {"vägen": 80.0}]) == []
    assert capital_lookalikes(["", "vägen framåt"], []) == []
    cell = ["Projekt    Institutet för     300", "", "           välfärdsanalys"]
    assert capital_lookalikes(cell, [{}, {}, {"välfärdsanalys": 80.0}]) == []
    assert lines[2] == "vägen framåt"


def test_lost_bullets_of_capitalised_items_with_a_wrapped_one() -> None:
    """Items in capitals: a line in small letters after a line that ran to the margin
    continues its item; a list broken by a blank line OCR put in goes on."""
    lines = [
        "Projekten ska uppfylla följande krav för att kunna beviljas medel ur fonden:",
        "",
        "    Projektet har betydelse för flera stadsdelar och kan spridas till andra delar",
        "    av staden",
        "    Projektet har en plan för uppföljning",
        "",
        "    Brukare deltar i arbetet",
        "",
        "Beslut",
    ]
    restore_lost_bullets(lines)
    assert lines[2:7] == [
        "    - Projektet har betydelse för flera stadsdelar och kan spridas till andra delar",
        "    av staden",
        "    - Projektet har en plan för uppföljning",
        "",
        "    - Brukare deltar i arbetet",
    ]


def test_lost_bullet_item_whose_capital_ocr_read_small() -> None:
    lines = [
        "Nämnden har beslutat om följande fokusområden:",
        "",
        "   Tidiga insatser för barn",
        "   vägar till egen försörjning",
        "   Jämlik hälsa",
    ]
    restore_lost_bullets(lines)
    assert lines[2:] == [
        "   - Tidiga insatser för barn",
        "   - Vägar till egen försörjning",
        "   - Jämlik hälsa",
    ]


def test_cells_glued_where_a_column_gap_closed() -> None:
    lex = get_repairer().lex
    line = "Farsta (medsökandeBromma)   Läxhjälp i skolan      120 000"
    assert split_glued_cells(line, lex) == (
        "Farsta (medsökande  Bromma)   Läxhjälp i skolan      120 000"
    )
    line = "Bromma      Föräldrastöd iHemmet     200 000"
    assert split_glued_cells(line, lex) == line  # "i" is too short to be a cell
    line = "SocialförvaltningenLäxhjälp i                 Bromma      1,1"
    assert split_glued_cells(line, lex, get_repairer()) == (
        "Socialförvaltningen  Läxhjälp i                 Bromma      1,1"
    )
    name = "Farsta      JobbTorget Farsta      100 000"
    assert split_glued_cells(name, lex, get_repairer()) == name  # a name with a capital inside
    prose = "projektetStegvis har genomförts"
    assert split_glued_cells(prose, lex) == prose  # not a table line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Totalt                 3127 500", "Totalt                 3 127 500"),
        (
            "Summa      1 900 000 1374 250     525 750",
            "Summa      1 900 000  1 374 250     525 750",
        ),
        ("beräknas till 1640 000 kronor", "beräknas till 1 640 000 kronor"),
        # a year and a count, a phone number, a decimal: left alone
        ("under oktober 2022 410 besök", "under oktober 2022 410 besök"),
        ("Telefon 08-5083 100", "Telefon 08-5083 100"),
        ("1,2345 000", "1,2345 000"),
        ("1 250 000 kronor", "1 250 000 kronor"),
    ],
)
def test_thousands_space_lost_by_ocr(line: str, expected: str) -> None:
    lines = [line]
    thousands_spaces(lines, [{"x": 90.0}])
    assert lines == [expected]
    untouched = [line]
    assert thousands_spaces(untouched, [{}]) == []  # not an OCR page
    assert untouched == [line]


def test_blank_line_ocr_put_inside_a_paragraph() -> None:
    lines = [
        "1.   Nämnden beviljar lokala utvecklingsmedel till projekt enligt",
        "",
        "     (bilaga 1) förvaltningens förslag.",
        "     Beslutet gäller omedelbart.",
        "",
        "Rapporten lämnas till nämnden i",
        "",
        "oktober 2024.",
        "",
        "Bakgrund",
    ]
    conf = [{"x": 95.0}] * len(lines)
    repairs = close_inner_blanks(lines, conf)
    assert lines == [
        "1.   Nämnden beviljar lokala utvecklingsmedel till projekt enligt",
        "     (bilaga 1) förvaltningens förslag.",
        "     Beslutet gäller omedelbart.",
        "",
        "",
        "Rapporten lämnas till nämnden i",
        "oktober 2024.",
        "",
        "",
        "Bakgrund",
    ]
    assert [r.reason for r in repairs] == ["blank line inside a paragraph"] * 2


@pytest.mark.parametrize(
    "block",
    [
        # a sentence ended, a heading, an att-sats, a bullet, a table: real breaks
        ["Projektet avslutades i mars.", "", "sedan dess arbetar enheten"],
        ["Bakgrund", "", "under 2023 har"],
        ["att  bevilja 200 000 kronor till projektet, samt", "", "att  justera beslutet"],
        ["Ansökningarna bedöms enligt följande grunder", "", "- projektet är nytt"],
        ["Bromma     Läxhjälp i skolan     120 000", "", "fortsättning av projektet"],
    ],
)
def test_blank_lines_that_are_breaks_stay(block: list[str]) -> None:
    lines = list(block)
    assert close_inner_blanks(lines, [{"x": 95.0}] * len(lines)) == []
    assert lines == block
    transcript = list(block[:1] + ["", "fortsätter här med mera"])
    assert close_inner_blanks(transcript, [{}] * 3) == []  # not an OCR page


def test_known_words_keep_their_letters_on_a_page_with_intact_diacritics() -> None:
    """A page printed with its å/ä/ö has lost none: "hall" there is a hall. The same line on
    a page that has lost them is restored."""
    page = (
        "Förvaltningen föreslår att nämnden beviljar medel till följande projekt för år 2016.\n"
        "- Tensta ungdomsförening – Öppen hall på lördagar, 90 000 kr\n"
        "Nämnden får en återrapport från stadsdelsförvaltningarna i början av nästa år."
    )
    assert "Öppen hall på" in repair_text(page)
    lost = page.replace("ö", "o").replace("å", "a").replace("ä", "a")
    assert "Öppen håll på" in repair_text(lost)


def test_compound_with_a_stem_first_part_is_a_word() -> None:
    lines = ["erbjuder familjecentralen gemensamma", "föräldraträffar."]
    fixed, repairs = context_repair_pages([list(lines)])
    assert fixed == [lines]
    assert repairs == [()]


def test_two_blank_lines_inside_one_paragraph() -> None:
    """Both go, the second after a function word before a name ("genomförs i / Farsta"); the
    freed lines follow the paragraph."""
    lines = [
        "Studien pågår sedan 2021 och genomförs i",
        "",
        "Farsta stadsdelsförvaltning. Slutrapporten lämnas i",
        "",
        "juni 2024.",
        "",
        "Nästa stycke.",
    ]
    repairs = close_inner_blanks(lines, [{"x": 95.0}] * len(lines))
    assert lines == [
        "Studien pågår sedan 2021 och genomförs i",
        "Farsta stadsdelsförvaltning. Slutrapporten lämnas i",
        "juni 2024.",
        "",
        "",
        "",
        "Nästa stycke.",
    ]
    assert [(r.line_no, r.after) for r in repairs] == [
        (1, "Farsta stadsdelsförvaltning. Slutrapporten lämnas i"),
        (2, "juni 2024."),
    ]
