"""Blocks side by side (a scanned table's columns, a two-column letterhead) are read row by row
(pipeline/text/columns.py), on words laid out as Tesseract reports them."""

from __future__ import annotations

from pipeline.records import Word
from pipeline.text.tesseract import page_text


def words(block: int, rows: list[tuple[int, int, str]]) -> list[Word]:
    """Words of one block: (top, left, text) per line, 30 px tall, 20 px per character."""
    out = []
    for n, (top, left, text) in enumerate(rows, start=1):
        x = left
        for w in text.split():
            out.append(Word(w, x, top, 20 * len(w), 30, 95.0, block, 1, n))
            x += 20 * len(w) + 20
    return out


def test_a_table_whose_columns_are_blocks_reads_row_by_row() -> None:
    names = words(1, [(100, 100, "Läxhjälp"), (150, 100, "Mötesplats"), (200, 100, "Boende")])
    sums = words(2, [(102, 900, "350 000"), (152, 900, "120 000"), (204, 900, "90 000")])
    lines = page_text((*names, *sums)).splitlines()
    assert [ln.split() for ln in lines] == [
        ["Läxhjälp", "350", "000"],
        ["Mötesplats", "120", "000"],
        ["Boende", "90", "000"],
    ]
    assert "  " in lines[0]  # the cells keep their gap


def test_a_block_cut_in_the_middle_of_a_table_still_joins_its_rows() -> None:
    # the second column is two blocks; one of them shares only part of the first's height
    names = words(1, [(100, 100, "Läxhjälp"), (150, 100, "Mötesplats"), (200, 100, "Boende")])
    upper = words(2, [(100, 900, "350 000")])
    lower = words(3, [(150, 900, "120 000"), (200, 900, "90 000"), (250, 900, "560 000")])
    lines = [ln.split() for ln in page_text((*names, *upper, *lower)).splitlines()]
    assert lines == [
        ["Läxhjälp", "350", "000"],
        ["Mötesplats", "120", "000"],
        ["Boende", "90", "000"],
        ["560", "000"],
    ]


def test_blocks_above_each_other_keep_their_order_and_paragraphs() -> None:
    first = words(1, [(100, 100, "Första stycket rad ett"), (150, 100, "rad två")])
    second = words(2, [(300, 100, "Andra stycket")])
    assert page_text((*first, *second)) == "Första stycket rad ett\nrad två\n\nAndra stycket"
