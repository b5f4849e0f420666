"""Thirty-eighth session: what a word processor's PDF export leaves in the text, each on a
line written for the test:

* a soft hyphen shown as "¬" ("utveck¬" at a line's end, "sam¬ordning" inside a word) is a
  hyphen at the end and nothing inside;
* a Wingdings bullet extracted as the letter of its code ("Ø  …", "§  …" before a line of
  text) is a bullet; a paragraph sign before its number ("§ 12") or a table header's cells
  ("§  Ärende  Beslut") is left as printed;
* a table set in under a decision item that ends "enligt följande." is the item's rows, and
  the items after it still belong to the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.understand.furniture import classify_line
from pipeline.understand.repair import normalise_chars
from tests.extract_helpers import understood


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("forsknings- och utveck¬", "forsknings- och utveck-"),
        ("en sam¬ordnad insats", "en samordnad insats"),
        ("kostnad 5 ¬ 3", "kostnad 5 ¬ 3"),
        ("Ø  placerade barns skolgång", "•  placerade barns skolgång"),
        (
            "§  Unga vuxna med försörjningsstöd – vägar",
            "•  Unga vuxna med försörjningsstöd – vägar",
        ),
        ("§ 12", "§ 12"),
        ("§  Ärende                    Beslut", "§  Ärende                    Beslut"),
        ("Ø  7 platser", "Ø  7 platser"),
    ],
)
def test_export_artefacts_of_soft_hyphens_and_symbol_bullets(printed: str, read: str) -> None:
    assert normalise_chars(printed) == read


def test_a_table_set_in_under_a_decision_item_is_no_end_of_the_list(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(
        """STOCKHOLMS STAD                                  PROTOKOLLSUTDRAG
Socialtjänstnämnden                              Nr 3/2005
                                                 Sammanträdesdag 2005-03-15

§ 7
Medel för studiebesök (MUST) våren 2005

Socialtjänstnämndens beslut

1.  Socialtjänstnämnden beviljar medel för studiebesök (MUST)
    våren 2005 till tre studiebesök med sammanlagt 41 000 kr
    enligt följande.

    Stadsdelsnämnd        Resmål och syfte                    Kronor

    Farsta                Aarhus: samordnad hemtjänst         12 000
    Kungsholmen           Tammerfors: ungdomsmottagning       15 500
                          för unga män
    Vantör                Bergen: öppen förskola              13 500

                          Summa                              41 000

2.  Socialtjänstnämnden avslår övriga ansökningar.

3.  Paragrafen förklaras omedelbart justerad.

Ärendet

Nämnden har avsatt 150 000 kr till MUST för år 2005.
""",
        encoding="utf-8",
    )
    decisions = understood(path).decisions
    assert [d.item_no for d in decisions] == [1, 2, 3]
    assert decisions[0].text.endswith("enligt följande.")
    assert decisions[1].text == "Socialtjänstnämnden avslår övriga ansökningar."


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Sheet1                                                    Page 1 of 2", True),
        ("                              LUM MUST 2011 förslag.xlsx", True),
        ("A. Verksamhetsbidrag", False),
        ("Bilaga 1 till protokollet", False),
    ],
)
def test_a_spreadsheets_printout_furniture(line: str, furniture: bool) -> None:
    # a spreadsheet printed to PDF: its sheet's name and its file name (its column letters
    # tell the reading of its row numbers, `tabs`)
    assert (classify_line(line) is not None) is furniture


def test_a_subject_over_a_paragraph_typed_in_a_narrow_column(tmp_path: Path) -> None:
    # no line of the paragraph under the subject has ten words; the paragraph, read whole,
    # is running prose, so the subject above it is the title
    path = tmp_path / "doc.txt"
    path.write_text(
        """STOCKHOLMS STAD                                  SKRIVELSE
Socialtjänstnämnden                              2001-09-12
                                                 Dnr 401-0733/2001
Handläggare: Eva Exempel
Tfn 508 25 000                                   Till Kommunstyrelsen


Hemställan om särskilda medel år 2002 för två
försöksverksamheter inom socialtjänsten


Socialtjänstnämnden beslutade vid sitt sammanträde den
21 augusti 2001 att hos kommunstyrelsen hemställa om
medel för år 2002 till två försöksverksamheter som
nämnden inte ryms inom sin budgetram.

Socialtjänstnämnden föreslår att kommunstyrelsen beslutar
följande

1. Socialtjänstnämnden tilldelas 2 100 000 kr för år 2002.

Bakgrund

Nämnden har i sin budget för 2002 inga medel för försöksverksamhet.
""",
        encoding="utf-8",
    )
    assert understood(path).meta.title == (
        "Hemställan om särskilda medel år 2002 för två försöksverksamheter inom socialtjänsten"
    )


def test_an_item_going_on_after_a_page_break_keeps_its_text(tmp_path: Path) -> None:
    # (the set-in lines after a page break are the item's own text when they go on in lower
    # case, no table under it)
    path = tmp_path / "doc.txt"
    path.write_text(
        """Kommunstyrelsen                        Protokoll nr 4                        Sida 1 (2)

§ 9
Medel för stadsövergripande utvärderingar 2013

Kommunstyrelsens beslut

1.  Socialnämnden tilldelas 2,0 mnkr för utvärderingar 2013.

2.  Av medlen ska högst 0,8 mnkr användas till en utvärdering av stadens arbete mot
    ensamhet bland äldre. Utvärderingen genomförs i samverkan mellan
    stadsdelsförvaltningarna i Bromma och Farsta och

\f
Kommunstyrelsen                        Protokoll nr 4                        Sida 2 (2)

    ska redovisas till kommunstyrelsen senast den 30 april 2014.

3.  Paragrafen förklaras omedelbart justerad.
""",
        encoding="utf-8",
    )
    decisions = understood(path).decisions
    assert [d.item_no for d in decisions] == [1, 2, 3]
    assert decisions[1].text.endswith(
        "ska redovisas till kommunstyrelsen senast den 30 april 2014."
    )
