"""A money table's cells and the header lines set over or under its header line: a sum in
a cell ("1 200 000", "ca 350", "−1,2"), and the words of a header that wraps onto the line
under it or stands over its money columns on the line above."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.money_roles import YEAR_CELL
from pipeline.facts.text_units import dehyphen_join

__all__ = [
    "DASH_CELL",
    "MONEY_CELL",
    "cells",
    "column_units",
    "counts_caption",
    "money_cells",
    "aligned_header",
    "header_block",
    "stacked_header",
    "wrapped_header",
    "years_under",
]

_CELL_SPLIT = re.compile(r"\s{2,}|\s*\|\s*")

MONEY_CELL = re.compile(
    r"^(?P<approx>(?:ca|c:a|cirka|drygt|knappt|omkring|ungefär)\.?\s+)?"
    r"(?P<neg>[−-](?=\d)|\((?=\d))?"  # a deficit: "−1,2", "(18 640,00)" (a lone dash: empty)
    r"(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(?P<dec>\d{1,3}))?"
    r"(?(neg)\)?)"
    # "42 300*", "302 450 1)": a footnote's mark
    r"(?:\s*(?:kr|kronor|sek|:-))?\.?(?:\*|(?P<mark>\s[1-9]\)))?$",
    re.IGNORECASE,
)
#: an empty money cell: a dash, or the verdict where a refused row's sum would stand
DASH_CELL = re.compile(r"^(?:[-–—]\*?|(?i:avslag|avslås|avslagen|avslaget))$")


def wrapped_header(header: str, below: str) -> list[str] | None:
    """The header's cells with the words of the line under it added to the cells they stand
    under, when that line is the header wrapped (words only, each under a header cell)."""
    tail = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", below)]
    years = bool(tail) and all(YEAR_CELL.match(t) for _s, t in tail)
    if not tail or (not years and any(MONEY_CELL.match(t) or DASH_CELL.match(t) for _s, t in tail)):
        return None
    heads = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", header)]
    # (a row label opens at the margin: a row, not the header's second line — unless it ends
    # a word the header broke off: "Stadsdels-" over "nämnd")
    broken = heads[0][1].endswith("-") and tail[0][0] == 0 and tail[0][1][:1].islower()
    if len(tail) >= len(heads) or not (below.startswith(" ") or broken):
        return None
    cells = [t for _s, t in heads]
    for start, text in tail:
        # (under its cell's first letter, or right-aligned under its last: "Tilldelning,"
        # over "kr")
        def off(x: int, start: int = start, text: str = text) -> int:
            h_start, h_text = heads[x]
            return min(abs(h_start - start), abs(h_start + len(h_text) - start - len(text)))

        at = min(range(len(heads)), key=off)
        if off(at) > 4:
            return None
        cells[at] = (
            dehyphen_join([cells[at], text]) if cells[at].endswith("-") else f"{cells[at]} {text}"
        )
    return cells


def aligned_header(header: str, below: str) -> list[str] | None:
    """The cells of a header of money columns alone, printed over two lines cell for cell
    ("Beviljat   Redovisad   Ej          Åter-" over "2002       kostnad     förbrukat
    betalas"): each cell with the words under it; None unless every cell of each line
    stands over one of the other's and the line under holds no sum."""
    heads = [(m.start(), m.group()) for m in _HEAD_CELL.finditer(header)]
    tail = [(m.start(), m.group()) for m in _HEAD_CELL.finditer(below)]
    if len(heads) < 2 or len(tail) != len(heads):
        return None
    if any(MONEY_CELL.match(t) and not YEAR_CELL.match(t) for _s, t in tail):
        return None
    if any(abs(a - b) > 4 for (a, _h), (b, _t) in zip(heads, tail, strict=False)):
        return None
    return [dehyphen_join([h, t]) for (_a, h), (_b, t) in zip(heads, tail, strict=False)]


def header_block(lines: Sequence[str], top: int) -> tuple[list[str], int] | None:
    """A header printed over several lines ("Stadsdelsnämnd   Antal barn i   Tilldelning" over
    "familjer med   tkr" over "bistånd, dec 2012"): the cells of line `top` with the words of
    each line under it added to the cells they stand under, and the index of the first line
    after the header; None when the line under `top` is no part of it."""
    cells_now: list[str] | None = None
    k = top + 1
    while k < len(lines) and lines[k].strip():
        wrapped = wrapped_header(lines[top], lines[k])
        if wrapped is None:
            break
        base = cells_now or [c for c in _HEAD_CELL.findall(lines[top])]
        added = [
            w[len(h) :].strip()
            for h, w in zip(_HEAD_CELL.findall(lines[top]), wrapped, strict=False)
        ]
        cells_now = [f"{b} {a}" if a else b for b, a in zip(base, added, strict=False)]
        k += 1
    return (cells_now, k) if cells_now is not None else None


_HEAD_CELL = re.compile(r"\S+(?: \S+)*")


def stacked_header(above: str, header: str) -> list[str] | None:
    """The header's cells with the words set over them on the line above added in front,
    when that line holds only words, each over a money cell of the header."""
    heads = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", header)]
    tops = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", above)]
    if len(tops) < 2 or not above.startswith(" ") or any(MONEY_CELL.match(t) for _s, t in tops):
        return None
    return _attached(heads, tops, over=True)


def _attached(
    heads: list[tuple[int, str]], extra: list[tuple[int, str]], *, over: bool
) -> list[str] | None:
    """The header cells with each extra cell (a line over or under the header) joined to the
    cell it stands at, in front or after; None when one stands at the first (the labels')
    cell or at none."""
    cells = [t for _s, t in heads]
    for start, text in extra:
        at = min(range(len(heads)), key=lambda x: abs(heads[x][0] - start))
        if at == 0 or abs(heads[at][0] - start) > 4:
            return None
        cells[at] = f"{text} {cells[at]}" if over else f"{cells[at]} {text}"
    return cells


#: a table's caption that says it counts ("Tabell 1. Antal hemlösa personer per situation"):
#: its year columns hold no money
_COUNTS = re.compile(r"^(?:tabell|tab\.|figur|diagram)?\s*\d*[.:]?\s*(?:antal|andel)\b", re.I)


def counts_caption(lines: Sequence[str], i: int) -> bool:
    """The caption over header line `i` says its table counts (people, shares), no money."""
    above = next(
        (lines[k].strip() for k in range(i - 1, max(-1, i - 3), -1) if lines[k].strip()), ""
    )
    # (not the header's own first line: "Antal      Resa och    Summa" over "delt.  logi  kostnad")
    return bool(_COUNTS.match(above)) and not re.search(r"\S\s{3,}\S", above)


def years_under(header: str, below: str) -> list[str] | None:
    """The header's cells with the years printed under its money cells added ("Beviljat
    Ansökt   Förslag" over "2018   2019   2019" over "tkr   tkr   tkr"), when the line under
    the header holds only years, each under a cell right of the first."""
    heads = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", header)]
    years = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", below)]
    if len(years) < 2 or not all(YEAR_CELL.match(y) for _s, y in years):
        return None
    return _attached(heads, years, over=False)


#: a column's unit printed under its header: of money ("tkr", "(kr)") or of a count ("antal")
_UNIT_CELL = re.compile(
    r"\(?\s*(?P<u>tkr|kkr|ksek|tusentals?\s+kronor|mkr|mnkr|msek|kr|kronor|sek|antal|st\.?|"
    r"personer|tillfällen|timmar|procent|%)\s*\)?",
    re.IGNORECASE,
)


def column_units(line: str) -> list[int] | None:
    """The unit each money column's header gives on the line under it ("Tilldelat
    Förbrukat  Aktiviteter" over "tkr   tkr   antal"): a sum's multiplier, or 0 for a column
    of counts; None when the line holds anything but units."""
    cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
    found = [_UNIT_CELL.fullmatch(c) for c in cells]
    if not cells or not all(found):
        return None
    out: list[int] = []
    for m in found:
        u = m.group("u").lower() if m else ""
        if u in ("tkr", "kkr", "ksek") or u.startswith("tusen"):
            out.append(1000)
        elif u in ("mkr", "mnkr", "msek"):
            out.append(1_000_000)
        else:
            out.append(1 if u in ("kr", "kronor", "sek") else 0)
    return out


def cells(line: str) -> list[str]:
    """A table line's cells, set apart by runs of spaces or rules (a sum run into its
    label by OCR split off)."""
    cells = [c for c in _CELL_SPLIT.split(line.strip()) if c]
    out: list[str] = []
    for c in cells:
        run_in = _RUN_IN_SUM.match(c) if out else None
        if run_in is not None and not _QUALIFIER_END.search(run_in.group(1)):
            # "Socialstyrelsen 1 150 000": the gap before a sum closed to one space
            out += [run_in.group(1), run_in.group(2)]
        else:
            out.append(c)
    return out


#: a sum's own qualifier before it ("ca 110 000"): no label
_QUALIFIER_END = re.compile(
    r"(?:^|\s)(?:ca\.?|cirka|drygt|knappt|omkring|ungefär|närmare|högst|minst)$", re.IGNORECASE
)
#: a label cell with a sum run into its end ("Socialstyrelsen 1 150 000")
_RUN_IN_SUM = re.compile(r"^(.*[^\W\d_]\w*)\s((?:−|-)?\d{1,3}(?:[ \u00a0]\d{3})+)$")


def money_cells(cells: list[str]) -> int:
    """How many cells at the end of a row are money (a number or a dash)."""
    n = 0
    for c in reversed(cells):
        m = MONEY_CELL.match(c)
        if DASH_CELL.match(c) or (m and not YEAR_CELL.match(c)):
            n += 1
        else:
            break
    return n
