"""Tables run into one line of a page flattened to a single line.

How the documents print them
----------------------------

A page saved from a web view or a PDF without its layout comes out as one line, its table
with it: the caption, the header's words, then each row's label and numbers, and a Summa row,
all in a row of words::

    … Bilaga 1 Fördelning av medel Stadsdelsnämnd Antal platser Tkr Rinkeby-Kista 640 5 760
    Spånga-Tensta 520 4 680 … Summa 4 300 38 700 Fördelningen bygger på …

Such a run — three or more rows of a label (words, the first with a capital) and the same
number of numbers, up to a "Summa" row — is set out as lines of a table again: the header
(the label column's word, then as many column names as each row has numbers, each opening
with a capital: "Antal platser", "Tkr"), each row a line with its cells in columns, the
Summa row, and the text before and after it on lines of their own. A row's numbers are read
with their spaces between thousands: "640 5 760" is 640 and 5 760 when every row has two
numbers. The table readers then see columns. Pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine

__all__ = ["set_out_run_in_tables"]

_MIN_LINE = 300  # a flattened page's line: a table is run into it only there
_MIN_ROWS = 3
_MAX_COLUMNS = 4
_LABEL_WORD = r"[A-ZÅÄÖ][\wåäöÅÄÖé.-]*"
#: a row: a label of words without digits, the first with a capital, then numbers
_ROW = re.compile(
    rf"(?P<label>{_LABEL_WORD}(?:\s+(?:och|i|av|för|{_LABEL_WORD}|[a-zåäö][\wåäö-]*))*?)"
    r"\s+(?P<nums>\d{1,3}(?:\s\d{1,3})*)(?=\s|$)"
)
_TOTAL = re.compile(r"^(?:summa|totalt|total|s:a)$", re.IGNORECASE)
_GAP = "   "
_MAX_LABEL_WORDS = 4


def set_out_run_in_tables(lines: Sequence[BodyLine]) -> list[BodyLine]:
    """`lines` with each table run into a flattened line set out as lines of its own."""
    out: list[BodyLine] = []
    for ln in lines:
        got = _set_out(ln.text) if len(ln.text) >= _MIN_LINE else None
        if got is None:
            out.append(ln)
            continue
        out.extend(dataclasses.replace(ln, text=t, indent=0) for t in got)
    return out


def _numbers(tokens: list[str], n: int) -> list[str] | None:
    """The digit groups `tokens` read as `n` numbers with spaces between thousands, when
    there is exactly one such reading."""
    readings: list[list[str]] = []

    def walk(k: int, acc: list[str]) -> None:
        if len(readings) > 1:
            return
        if k == len(tokens):
            if len(acc) == n:
                readings.append(list(acc))
            return
        if len(acc) == n:
            return
        for end in range(k + 1, len(tokens) + 1):
            if end > k + 1 and len(tokens[end - 1]) != 3:
                break
            walk(end, [*acc, " ".join(tokens[k:end])])

    walk(0, [])
    return readings[0] if len(readings) == 1 else None


def _set_out(text: str) -> list[str] | None:
    rows = list(_ROW.finditer(text))
    for start in range(len(rows)):
        run = [rows[start]]
        for m in rows[start + 1 :]:
            if m.start() - run[-1].end() > 1:
                break
            run.append(m)
        total = next((k for k, m in enumerate(run) if _TOTAL.match(m.group("label"))), None)
        if total is None or total < _MIN_ROWS:
            continue
        run = run[: total + 1]
        n, cells = _columns(run)
        if not n:
            continue
        # the first row's label ran on from the header's words: "… Stadsdelsnämnd Antal
        # platser Tkr Rinkeby-Kista": the header is the label column's word and `n` names
        words = [*text[: run[0].start()].split(), *run[0].group("label").split()]
        for size in range(1, _MAX_LABEL_WORDS + 1):
            head = _header(words[: len(words) - size], n)
            if head is not None:
                break
        else:
            continue
        before, header = head
        labels = [" ".join(words[len(words) - size :]), *(m.group("label") for m in run[1:])]
        width = max(len(label) for label in [header[0], *labels]) + len(_GAP)
        # (each column as wide as its name or widest number, all set right)
        sizes = [max(len(h), *(len(cs[c]) for cs in cells)) for c, h in enumerate(header[1:])]
        body = [
            label.ljust(width) + _GAP.join(x.rjust(w) for x, w in zip(cs, sizes, strict=True))
            for label, cs in zip(labels, cells, strict=True)
        ]
        header_line = header[0].ljust(width) + _GAP.join(
            h.rjust(w) for h, w in zip(header[1:], sizes, strict=True)
        )
        after = text[run[-1].end() :].strip()
        return [t for t in (before, header_line, *body, after) if t]
    return None


def _columns(run: list[re.Match[str]]) -> tuple[int, list[list[str]]]:
    """The number of numbers every row has (the fewest with one reading each) and each row's
    numbers; (0, []) when there is none."""
    for n in range(1, _MAX_COLUMNS + 1):
        cells = [_numbers(m.group("nums").split(), n) for m in run]
        if all(c is not None for c in cells):
            return n, [c for c in cells if c is not None]
    return 0, []


def _header(words: list[str], n: int) -> tuple[str, list[str]] | None:
    """The text before the table and the header's cells (the label column's word, then `n`
    column names, each opening with a capital), read backwards from the end of `words`."""
    names: list[list[str]] = []
    k = len(words)
    while k > 0 and len(names) < n:
        j = k - 1
        while j > 0 and not words[j][:1].isupper():
            j -= 1
        if not words[j][:1].isupper() or re.search(r"\d", " ".join(words[j:k])):
            return None
        names.insert(0, words[j:k])
        k = j
    if len(names) < n or k == 0 or not words[k - 1][:1].isupper() or re.search(r"\d", words[k - 1]):
        return None
    return " ".join(words[: k - 1]), [words[k - 1], *(" ".join(c) for c in names)]
