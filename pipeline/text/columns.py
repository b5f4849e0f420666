"""Side-by-side blocks read as printed rows: a scanned table comes out row by row.

Tesseract splits a page into blocks and reads one block after the other. A table whose columns
stand apart (a wide gap between "Studie", "Utförare", "Stadsdelar" and "Belopp") becomes one
block per column, and its text one column after the other: every name first, then every
performer, then every sum — the rows are gone. A word processor's letterhead (the förvaltning
on the left, "Tjänsteutlåtande / Dnr / Sida 1 (3)" on the right) is split the same way.

Blocks that stand next to each other — they share at least half of the shorter one's height —
are therefore read together, as the page prints them: their lines are
grouped into rows by their vertical position (a line joins the nearest row whose middle is
within 0.7 of a line's height of its own, so that a slightly skewed scan keeps its rows), each row's words left to right. Blocks that stand above or
below each other keep Tesseract's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from pipeline.records import Word

__all__ = ["Line", "reading_groups"]

#: two blocks share a stretch of height when it is at least this share of the shorter one
_OVERLAP_SHARE = 0.5
#: a line joins a row when their middles are this many line heights apart or less
_ROW_TOLERANCE = 0.7


@dataclass
class Line:
    """One of Tesseract's lines: its (block, paragraph, line) key and its words."""

    key: tuple[int, int, int]
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.top + w.height for w in self.words)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def left(self) -> float:
        return min(w.left for w in self.words)

    @property
    def right(self) -> float:
        return max(w.left + w.width for w in self.words)


def _extent(lines: Sequence[Line]) -> tuple[float, float, float, float]:
    return (
        min(ln.top for ln in lines),
        max(ln.bottom for ln in lines),
        min(ln.left for ln in lines),
        max(ln.right for ln in lines),
    )


def _side_by_side(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    a_top, a_bottom, a_left, a_right = a
    b_top, b_bottom, b_left, b_right = b
    shared = min(a_bottom, b_bottom) - max(a_top, b_top)
    shorter = min(a_bottom - a_top, b_bottom - b_top)
    # blocks that also overlap horizontally are one region Tesseract cut up oddly (a cell
    # that runs into the next column): read by rows too, line by line
    return shorter > 0 and shared >= _OVERLAP_SHARE * shorter


def reading_groups(lines: Sequence[Line]) -> list[list[Line]]:
    """The page's lines in reading order, in groups: a block on its own is one group of its
    lines in Tesseract's order; blocks side by side are one group whose "lines" are the
    printed rows (each a Line holding the words of all the blocks on that row)."""
    blocks: dict[int, list[Line]] = {}
    for ln in lines:
        blocks.setdefault(ln.key[0], []).append(ln)
    order = list(blocks)
    extents = {b: _extent(blocks[b]) for b in order}
    parent = {b: b for b in order}

    def find(b: int) -> int:
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        return b

    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            if _side_by_side(extents[a], extents[b]):
                parent[find(b)] = find(a)
    # a table's column blocks each stand beside some of the others: regions that share any
    # height with a region of several blocks are one region (one row may fall between two)
    changed = True
    while changed:
        changed = False
        spans: dict[int, tuple[float, float, int]] = {}
        for b in order:
            r = find(b)
            top, bottom, _, _ = extents[b]
            t, bt, n = spans.get(r, (top, bottom, 0))
            spans[r] = (min(t, top), max(bt, bottom), n + 1)
        roots = list(spans)
        for i, a in enumerate(roots):
            for b in roots[i + 1 :]:
                (at, ab, an), (bt, bb, bn) = spans[a], spans[b]
                if max(an, bn) > 1 and min(ab, bb) > max(at, bt) and find(a) != find(b):
                    parent[find(b)] = find(a)
                    changed = True
    groups: dict[int, list[int]] = {}
    for b in order:
        groups.setdefault(find(b), []).append(b)
    out: list[list[Line]] = []
    for b in order:
        members = groups.pop(find(b), None)
        if members is None:
            continue  # emitted with the first block of its group
        if len(members) == 1:
            out.append(blocks[members[0]])
        else:
            out.append(_rows([ln for m in members for ln in blocks[m]]))
    return out


def _rows(lines: Sequence[Line]) -> list[Line]:
    """Lines of blocks side by side grouped into printed rows, top to bottom."""
    height = median(ln.bottom - ln.top for ln in lines)
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda x: x.middle):
        fits = [
            (abs(ln.middle - median(x.middle for x in row)), k)
            for k, row in enumerate(rows[-3:], start=max(0, len(rows) - 3))
            if not any(x.left < ln.right and ln.left < x.right for x in row)
        ]
        best = min(fits, default=None)
        if best is not None and best[0] <= _ROW_TOLERANCE * height:
            rows[best[1]].append(ln)  # the nearest row (a slightly skewed scan tilts rows)
        else:
            rows.append([ln])
    rows.sort(key=lambda row: median(x.middle for x in row))
    out: list[Line] = []
    for n, row in enumerate(rows):
        words = sorted((w for x in row for w in x.words), key=lambda w: w.left)
        out.append(Line((row[0].key[0], 0, n), words))
    return out
