"""Columns set with tabs keep their columns: each run of tab lines is padded so that a column
starts at one position in every line."""

from __future__ import annotations

from pipeline.understand.tabs import align_tab_columns


def test_a_tab_table_is_laid_out_in_columns() -> None:
    text = (
        "Före\nInsats\tAnsvarig\tBelopp (kr)\nLång insats i parken\tFältgruppen\t260 000\nEfter\tx"
    )
    out = align_tab_columns(text).split("\n")
    assert len(out) == 4 and out[0] == "Före"
    assert out[1].index("Ansvarig") == out[2].index("Fältgruppen")
    assert out[1].index("Belopp") == out[2].index("260 000")
    assert "  " in out[2] and "\t" not in "".join(out)


def test_leading_tabs_continue_a_run_and_lone_tabs_become_a_gap() -> None:
    text = "NÄMNDEN\t\tPROTOKOLL 3/2009\n\t\tSida 1 (9)\n\nTid:\tkl. 15.00"
    out = align_tab_columns(text).split("\n")
    assert out[0].index("PROTOKOLL") == out[1].index("Sida")
    assert out[3] == "Tid:  kl. 15.00"


def test_text_without_tabs_is_returned_as_it_is() -> None:
    assert align_tab_columns("a  b\nc") == "a  b\nc"
