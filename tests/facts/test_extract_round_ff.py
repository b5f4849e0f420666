"""Twenty-first session: a layout of the blind round n403–n410, on a short text written for
the test: a grants table whose header names only its money columns on its first line and
its text columns (association, activity) on the second, with a year and a unit under the
money columns."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

SDN = """FARSTA STADSDELSFÖRVALTNING                    TJÄNSTEUTLÅTANDE
Kultur- och fritidsavdelningen                 Dnr 310-144/2001
                                               Sida 1 (2)
                                               2001-03-02
Handläggare: Per Exempel                       Till
Telefon: 08-508 00 000                         Farsta stadsdelsnämnd
                                               2001-03-22
"""


def test_text_columns_named_under_a_header_of_money_columns(tmp_path: Path) -> None:
    text = (
        SDN
        + """
Föreningsbidrag 2001

Förvaltningen föreslår att nämnden beviljar bidrag enligt tabellen.

                                                    Ansökt      Förslag
Förening               Verksamhet                   belopp      2001
                                                    kr          kr

Farsta Bordtennisklubb Träningsläger för            60 000      45 000
                       nybörjare
Gubbängens Fältbiologer Naturskola på lördagar      25 000      20 000
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer, p.amount_sek) for p in f.projects)
    assert got == [
        ("Naturskola på lördagar", "Gubbängens Fältbiologer", 20000),
        ("Träningsläger för nybörjare", "Farsta Bordtennisklubb", 45000),
    ]


def test_a_header_whose_second_line_holds_words_only_left_of_it_is_a_row_above(
    tmp_path: Path,
) -> None:
    """Words only, left of a header of money columns, with no cell under it: the first row of
    the table wrapped, not the names of two more columns."""
    text = (
        SDN
        + """
Föreningsbidrag 2001

Projekt                                      Förslag
Sommarkollo i skärgården                     45 000
Läxhjälp för                                 20 000
mellanstadiet
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Läxhjälp för mellanstadiet", 20000),
        ("Sommarkollo i skärgården", 45000),
    ]


def test_money_columns_named_left_of_a_unit_line_are_no_text_columns(tmp_path: Path) -> None:
    """A unit over three money columns over the association's column: operating grants to
    associations, which are no projects; the money names are not read as text columns."""
    text = (
        SDN
        + """
Föreningsbidrag 2001

Förvaltningen föreslår att nämnden beviljar bidrag enligt tabellen.

                                                         Kronor
                                 Sökt        Beviljat    Förslag
Förening                         2001        2000        2001

Farsta Bordtennisklubb           60 000      40 000      45 000
Gubbängens Fältbiologer          25 000      18 000      20 000
"""
    )
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == []
