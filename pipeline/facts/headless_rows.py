"""Projects in a table printed without a header row: owner, name and sum in three columns.

How the documents print them
----------------------------

A proposal often sets its grants out as a small table under an introduction ("föreslår att
följande studieresor beviljas medel."), without a header line: the applying district or
förvaltning in the first column, the project (or a trip's destination and purpose) in the
second, the sum with its unit in the last. A long name wraps in its column; an owner that
wraps ("Socialförvaltningen," / "Socialjouren") goes on in the first::

    Enskede-Årsta-Vantör    Köpenhamn – stöd till unga mammor i              24 000 kr
                            föräldraskapet
    Farsta                  Edinburgh – familjerådslag i barnavården         25 000 kr
    Socialförvaltningen,    Tallinn – krisjour för barn och unga             21 000 kr
    Socialjouren

Two such rows at least, their names starting in one column, make a table; each row's first
cell must name districts or förvaltningar only (a cost breakdown "Personal  lön  200 000 kr"
has none) — or, in a nämnd's grants to associations, most first cells name an association
("Aspuddens Scoutkår   Sommarläger för barn   8500:-"): it carries the project out. The sum must carry its unit: with no header there is nothing else to say that
"410" is money.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy
from pipeline.facts.lists import ListRow, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_headless_rows"]

_GAP = re.compile(r"\s{2,}")
_UNIT = re.compile(r"(?:kr|kronor|tkr|:-)\.?$", re.IGNORECASE)
_MIN_ROWS = 2
_SLACK = 2  # columns a wrapped cell may stand off its column's start


@dataclass
class _Row:
    owner: list[str]
    name: list[str]
    k: int
    last: int
    page_no: int
    name_col: int
    amount_text: str


def find_headless_rows(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every run of two or more "owner | name | sum" rows without a header, document order."""
    out: list[ListRow] = []
    run: list[_Row] = []
    for k, ln in enumerate(lines):
        row = _row(ln, k, find)
        if row is not None and (not run or abs(row.name_col - run[0].name_col) <= _SLACK):
            run.append(row)
            continue
        if run and _goes_on(run[-1], ln, k):
            continue
        out += _rows(run, lines, find)
        run = [row] if row is not None else []
    out += _rows(run, lines, find)
    return out


def _cells(ln: BodyLine) -> list[tuple[int, str]]:
    text = ln.text.rstrip()
    cells, pos = [], 0
    for m in _GAP.finditer(text):
        if m.start() > pos:
            cells.append((ln.indent + pos, text[pos : m.start()]))
        pos = m.end()
    if pos < len(text):
        cells.append((ln.indent + pos, text[pos:]))
    return cells


def _row(ln: BodyLine, k: int, find: PlaceFinder) -> _Row | None:
    if ln.heading or ln.indent > _SLACK:
        return None
    cells = _cells(ln)
    if len(cells) != 3:
        return None
    (_, owner), (name_col, name), (_, money) = cells
    sums = find_amounts(money)
    if len(sums) != 1 or money[sums[0].end :].strip(" .") or not _UNIT.search(money.strip()):
        return None
    if sums[0].start > 0 or find_amounts(name) or len(name.split()) < 2:
        return None
    if not covered_by_places(owner.rstrip(","), find(owner.rstrip(","))) and not (
        len(owner.split()) <= _MAX_ORG_WORDS and owner[:1].isupper()
    ):
        return None
    return _Row([owner], [name], k, k, ln.page_no, name_col, money.strip())


def _goes_on(row: _Row, ln: BodyLine, k: int) -> bool:
    """`ln` continues `row`: a wrapped name under the name column, or the owner's cell
    going on under the first (after a comma, or in brackets)."""
    if k != row.last + 1 or not ln.text.strip() or ln.heading or find_amounts(ln.text):
        return False
    cells = _cells(ln)
    if len(cells) != 1:
        return False
    col, text = cells[0]
    if abs(col - row.name_col) <= _SLACK:
        row.name.append(text)
    elif col <= _SLACK and (row.owner[-1].endswith(",") or text.startswith("(")):
        row.owner.append(text)
    else:
        return False
    row.last = k
    return True


#: an association's name ("Gröndals Hembygdsförening", "Midsommarkransens PRO")
_ASSOCIATION = re.compile(
    r"forening|klubb|sallskap|scout|forbund|stiftelse|vanner\b|jour(?:en)?\b|gille|"
    r"forsamling|\b(?:if|ik|bk|ff|pro|rf)\b"
)
_MAX_ORG_WORDS = 5


def _rows(run: list[_Row], lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    if len(run) < _MIN_ROWS:
        return []
    placed = [
        covered_by_places(" ".join(r.owner).rstrip(","), find(" ".join(r.owner))) for r in run
    ]
    associations = sum(bool(_ASSOCIATION.search(fold(" ".join(r.owner)))) for r in run)
    if not all(placed) and 2 * associations < len(run):
        # owners that are neither places nor associations ("Personal  Lön  …"): only the runs
        # of rows that name places make tables
        out: list[ListRow] = []
        start = 0
        for k in range(len(run) + 1):
            if k == len(run) or not placed[k]:
                out += _rows(run[start:k], lines, find) if k - start >= _MIN_ROWS else []
                start = k + 1
        return out
    out = []
    for r, has_place in zip(run, placed, strict=True):
        owner = " ".join(r.owner)
        places = find(owner) if has_place else []
        text = " ".join(lines[k].text.strip() for k in range(r.k, r.last + 1))
        row = ListRow(
            tidy(dehyphen_join(r.name)),
            list(places),
            r.k,
            r.last,
            r.page_no,
            text,
            form="intro_list",
            intro_line=r.k,
        )
        if not has_place:
            row.performer = tidy(owner)  # the association carries the project out
        (m,) = find_amounts(r.amount_text)
        set_amount(row, m, lines, r.k, r.last)
        out.append(row)
    return out
