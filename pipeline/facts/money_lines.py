"""The lines around a money table (:mod:`pipeline.facts.money_tables`): its unit printed in a
caption or header, what the next line with text is (a row with a sum, a header of words, a
group's label, a next part, the shares of a total), and a header of money columns — with a
label column, or set in over labels that have no header of their own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.header_roles import header_role
from pipeline.facts.money_headers import aligned_header
from pipeline.facts.money_headers import cells as _cells
from pipeline.facts.money_headers import money_cells as _money_cells
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "MONEY_ROLES",
    "UNIT_CELL",
    "UNIT_WORDS",
    "group_label",
    "header_follows",
    "money_header",
    "next_with_text",
    "part_follows",
    "row_follows",
    "row_label",
    "wrapped_row_label",
    "shares_follow",
    "unlabelled_money_header",
]

UNIT_WORDS = r"tkr|kkr|ksek|tusen\s+kronor|tusentals?\s+kronor|mkr|mnkr|msek|kr|kronor|sek"
UNIT_CELL = re.compile(
    # "(tkr)", "Kronor", "Belopp, kr", "Belopp i kr"; "(mnkr, netto)": the unit first
    # (possessive runs of spaces: a table line's wide gaps cost no backtracking)
    rf"(?:^|\s{{2,}}+|\(|(?<=\w),\s|\si\s)\s*+\(?\s*+(?P<u>{UNIT_WORDS})\s*\)?\s*"
    r"(?=\s{2,}|$|\)|,\s*[^()]{1,20}\))",
    re.IGNORECASE,
)
MONEY_ROLES = ("cost", "applied", "spent")


def next_with_text(lines: Sequence[str], i: int) -> int | None:
    """The next line with text after line `i`, at most two lines on (a blank line between)."""
    return next((k for k in range(i + 1, min(len(lines), i + 3)) if lines[k].strip()), None)


def group_label(lines: Sequence[str], j: int, line: str) -> bool:
    """A short label alone on its line inside a table, the rows of its group under it."""
    if len(line.split()) > 5 or line.endswith((".", ":")) or _money_cells(_cells(line)):
        return False
    k = next_with_text(lines, j)
    return k is not None and _money_cells(_cells(lines[k])) >= 2


def part_follows(lines: Sequence[str], j: int, money: int) -> bool:
    """ "Summa kostnader", a blank, "Finansiering" over rows of as many sums: a next part."""
    k = next_with_text(lines, j)
    if k is None or not group_label(lines, k, lines[k].strip()):
        return False
    row = next_with_text(lines, k)
    return row is not None and _money_cells(_cells(lines[row])) == money


def shares_follow(lines: Sequence[str], j: int) -> bool:
    """ "Summa   560 000" over "  varav egen insats   140 000" (a blank line between or not):
    the total's parts go on."""
    k = next_with_text(lines, j)
    ok = k is not None and k - j <= 2
    return ok and re.match(r"\s*varav\b", lines[k or 0], re.IGNORECASE) is not None


def row_follows(lines: Sequence[str], i: int) -> bool:
    """Whether the next line with text is a row with a sum (not a table's header)."""
    k = next_with_text(lines, i)
    return k is not None and _money_cells(_cells(lines[k])) >= 1


def header_follows(lines: Sequence[str], i: int) -> bool:
    """Whether the next line with text is a table's header: cells of words, no sums."""
    k = next_with_text(lines, i)
    if k is None:
        return False
    cells = _cells(lines[k])
    return len(cells) >= 3 and not _money_cells(cells)


def money_header(text: str) -> bool:
    """A header line with a label column and two or more columns of money ("Sökt 2002",
    "Förslag 2002", "Beviljat 2001"), or one whose header names its year ("Förslag 2010")."""
    cells = _cells(text)
    if len(cells) < 2 or _money_cells(cells):
        return False
    roles = [header_role(c) for c in cells]
    money = sum(r in MONEY_ROLES for r in roles[1:])
    if len(cells) == 2:
        # "Förening      Förslag 2010": who, and one column of sums with its year
        return (
            roles[0] in ("name", "performer", "district")
            and money == 1
            and bool(re.search(r"\b(?:19|20)\d\d\b", cells[1]))
        )
    return roles[0] not in MONEY_ROLES and money >= 2


def unlabelled_money_header(lines: Sequence[str], i: int) -> bool:
    """A header of money columns alone, indented over the row labels' column which has no
    header of its own ("            Beviljat   Redovisad   Ej          Åter-" over
    "            2002       kostnad     förbrukat   betalas")."""
    line = lines[i]
    if len(line) - len(line.lstrip()) < LABEL_INDENT:
        return False
    cells = _cells(line)
    if len(cells) < 3 or _money_cells(cells):
        return False
    if i + 1 < len(lines) and lines[i + 1].strip():
        if UNIT_CELL.search(lines[i + 1]):
            return False  # "2009   2010   Totalt" over "Kostnadsslag   tkr   tkr": read there
        cells = aligned_header(line, lines[i + 1]) or cells
    # ("Budget 2004" beside "Utfall 2004": the year's frame is money too)
    return (
        sum(header_role(c) in MONEY_ROLES or _BUDGET.match(fold(c)) is not None for c in cells) >= 2
    )


_BUDGET = re.compile(r"\s*budget\b")
LABEL_INDENT = 12  # the width of a row label's column, the least


def row_label(text: str) -> str:
    """A table row's label: its text before the first sum."""
    found = find_amounts(text)
    return text[: found[0].start] if found else re.split(r"\s{2,}\d", text.strip(), maxsplit=1)[0]


def wrapped_row_label(texts: Sequence[str], k: int) -> str:
    """A table row's label with the line its label wraps onto ("Medel för utveckling och
    238 000 …" ⏎ "lärande (MUL)"): a short line of words alone that goes on the label."""
    label = row_label(texts[k])
    nxt = texts[k + 1].strip() if k + 1 < len(texts) else ""
    goes_on = nxt[:1].islower() or nxt.startswith("(")
    if goes_on and len(nxt.split()) <= 5 and not find_amounts(nxt) and "  " not in nxt:
        return f"{label.rstrip()} {nxt}"
    return label
