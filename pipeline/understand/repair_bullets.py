"""List items OCR damaged: bullets read as other signs, and bullets dropped.

* **Bullets of any shape** at a line's start become "- ": the printed ones (•, ◦, ▪, –, -, ☐, the
  private-use bullets of symbol fonts) and OCR's readings of them: "e ", "o ", "¢ " or "®"
  before a capital, "~" before a word, "«" or "»«" before a word, "«" glued to the item's first word ("«projektet
  har") or before a dash ("« - Socialjouren:"), and "+" before the item ("+  resan"). A
  quotation that opens at a line's start and closes on it ("«Citat» ur rapporten") and a
  table's "+---+" rule are no bullets.
* **Bullets OCR dropped**: the unmarked lines under a line that introduces a list (see
  :func:`restore_lost_bullets`), with the capital of an item OCR read small restored where the
  letter looks alike in both cases (`LOOKALIKE_CAPITALS`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lang.lexicon import fold
from pipeline.understand.repair_tables import CELL_GAP

__all__ = [
    "LOOKALIKE_CAPITALS",
    "RUNS_ON",
    "normalise_bullet",
    "number_onto_item",
    "restore_lost_bullets",
    "restore_owner_items",
]

_BULLET = re.compile(
    r"^(?P<indent>\s*)(?:[•◦▪▫■□●○‣⁃∙·☐\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf06e\uf0e0–—-]"
    r"|[eo¢®](?=\s+[A-ZÅÄÖ0-9\"”])|[«»]{1,2}(?=\s+\w)|~(?=\s+[^\W\d_]))\s+(?=\S)"
)
# OCR readings of a printed "•" that the plain pattern cannot tell from text by itself:
# a guillemet glued to the item's first word ("«projektet har", "«Digital ansökan"), a
# guillemet before a dash ("« - Socialjouren:"), and a "+" before the item ("+  resan").
_GLUED_GUILLEMET = re.compile(r"^(?P<indent>\s*)[«»]{1,2}(?:\s*[-–—•]\s+|(?=[^\W\d_]))")
_PLUS_BULLET = re.compile(r"^(?P<indent>\s*)\+\s+(?=[^\W\d_])")


def normalise_bullet(line: str) -> str:
    """A bullet of any printed or OCR'd shape at line start becomes "- "."""
    m = _GLUED_GUILLEMET.match(line)
    if m is not None and not any(c in line[m.end() :] for c in "«»"):
        # a quotation opened at line start closes on it ("«Citat» ur rapporten")
        return m.group("indent") + "- " + line[m.end() :].lstrip()
    m = _PLUS_BULLET.match(line)
    if m is not None and "+" not in line[m.end() :]:
        # a table's "+---+" rule or "+   +" grid has more than one
        return m.group("indent") + "- " + line[m.end() :]
    if _SYMBOL_CELL.match(line):
        return line  # "●      450     Projekt …": a table's status symbol, then its cells
    if m := _BOX_OVER_NUMBER.match(line):
        return m.group("indent") + line[m.end() :]  # "☐  1. leder till …": the item's number
    return _BULLET.sub(lambda m: m.group("indent") + "- ", line, count=1)


#: a checklist's empty box before an item's own number (a box ticked, "☒", is a form's
#: answer, no item)
_BOX_OVER_NUMBER = re.compile(r"^(?P<indent>\s*)[☐□]\s+(?=\d{1,2}[.)]\s)")
#: a status symbol in a table's first column, a column gap after it and a number
_SYMBOL_CELL = re.compile(r"^\s*[●○◐◑◒◓■□▪▫•◦]\s{3,}\d")


_ITEM_START = re.compile(r"^(?P<indent>\s*)(?=[^\W\d_])")
_MARKED = re.compile(r"^\s*(?:-\s|\d{1,2}[.)]|[a-h][.)]\s)")
# words a line cannot end on when the next line starts a new item of a list
RUNS_ON = frozenset(
    (
        "och",
        "eller",
        "av",
        "för",
        "i",
        "med",
        "till",
        "att",
        "en",
        "ett",
        "som",
        "på",
        "om",
        "från",
        "den",
        "det",
        "de",
        "vid",
        "inom",
        "under",
        "mot",
        "samt",
    )
)


# Letters whose capital OCR may read as the small one (they differ only in size).
LOOKALIKE_CAPITALS = frozenset("cosuvwxz")


def _block(lines: list[str], j: int) -> list[int]:
    run: list[int] = []
    while j < len(lines) and lines[j].strip():
        run.append(j)
        j += 1
    return run


def _unmarked_items(lines: list[str], run: list[int], base: int) -> int | None:
    """The depth of a block of unmarked item lines indented deeper than `base`, or None."""
    if not 1 <= len(run) <= 12:
        return None
    depths = {len(lines[k]) - len(lines[k].lstrip()) for k in run}
    if len(depths) != 1 or next(iter(depths)) < base + 2:
        return None
    texts = [lines[k].strip() for k in run]
    if any(_MARKED.match(t) or not _ITEM_START.match(t) or CELL_GAP.search(t) for t in texts):
        return None
    if any(fold(t.split()[0]) == "att" for t in texts):
        return None
    return next(iter(depths))


def restore_lost_bullets(lines: list[str]) -> None:
    """Bullets OCR dropped: under a line that introduces a list (ends in ":"), lines indented
    deeper than the introduction, all at the same depth, each starting with a word and
    nothing marking them, are the list's items and get "- " (two or more lines; a blank
    line OCR put inside the list does not end it when the lines after it are alike).

    Which lines start an item: in a list whose items start with a capital, a line in small
    letters continues the item above when that line ran to the right margin or ends in a
    hyphen, a comma or a function word; otherwise it is an item whose capital OCR read small
    ("vägar till arbete" among "Tidiga insatser", "Jämlik skolgång") when its letter looks
    alike in both cases. In a list in small letters every line is an item, unless a line
    runs on (ends in a hyphen, a comma or a function word): a wrapped item could then not be
    told from the next one, and the block is left alone.

    Left alone: lines laid out in columns (a table), att-satser, items already marked."""
    prose = sorted(
        len(ln.rstrip()) for ln in lines if ln.strip() and not CELL_GAP.search(ln.strip())
    )
    # the right margin: the longest lines of prose (an outlier aside, on a full page)
    margin = prose[int(0.95 * (len(prose) - 1))] if len(prose) >= 20 else max(prose, default=0)
    i = 0
    while i < len(lines):
        intro = lines[i]
        i += 1
        if not intro.rstrip().endswith(":"):
            continue
        base = len(intro) - len(intro.lstrip())
        j = i + 1 if i < len(lines) and not lines[i].strip() else i
        run = _block(lines, j)
        depth = _unmarked_items(lines, run, base)
        if depth is None:
            continue
        # the list goes on past one blank line while the lines after it are alike
        while run[-1] + 2 < len(lines) and not lines[run[-1] + 1].strip():
            more = _block(lines, run[-1] + 2)
            if _unmarked_items(lines, more, base) != depth:
                break
            run += more
        if len(run) < 2:
            continue
        texts = [lines[k].strip() for k in run]

        def runs_on(t: str) -> bool:
            return t.endswith(("-", ",")) or fold(t.split()[-1]) in RUNS_ON

        capitals = [t[0].isupper() for t in texts]
        starts: list[bool] = []
        if not any(capitals):
            if any(runs_on(t) for t in texts[:-1]):
                continue
            starts = [True] * len(texts)
        else:
            if not capitals[0]:
                continue
            for n in range(len(texts)):
                prev = lines[run[n - 1]] if n else ""
                wrapped = bool(n) and (len(prev.rstrip()) >= 0.85 * margin or runs_on(texts[n - 1]))
                starts.append(capitals[n] or not wrapped)
        for n, k in enumerate(run):
            if not starts[n]:
                continue
            t = texts[n]
            if any(capitals) and not capitals[n] and t[0] in LOOKALIKE_CAPITALS:
                t = t[0].upper() + t[1:]
            lines[k] = " " * depth + "- " + t


#: an item that opens with its owner: "Rinkeby-Kista stadsdelsförvaltning: Föräldraskap …",
#: "Spånga-Tensta: Studiebesök i Köpenhamn …"
_OWNER_ITEM = re.compile(r"^(?P<indent>\s{2,})(?P<owner>[A-ZÅÄÖ][^:•]{1,70}?):\s+(?=[A-ZÅÄÖ\"”])")
_OWNER_WORD = re.compile(r"forvaltning|stadsdel|\bsdf\b|enhet|avdelning|socialjour")
_MIN_OWNER_ITEMS = 2
#: the label of a form's field that names an office ("Sökande förvaltning", "Ansvarig enhet")
_FORM_LABEL = re.compile(
    r"^(?:sokande|ansvarig|utforande|deltagande|medsokande|ansokande|berord|huvudansvarig)\b"
)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    from pipeline.understand.context_places import gazetteer_names

    return frozenset(fold(n) for n in gazetteer_names())


def _names_owner(owner: str) -> bool:
    f = fold(owner)
    if len(owner.split()) > 6:
        return False
    return bool(_OWNER_WORD.search(f)) or any(
        part.strip(" ,.") in _place_names() for part in re.split(r"[,/]| och ", f)
    )


def restore_owner_items(lines: list[str]) -> None:
    """Bullets OCR dropped before items that open with their owner ("Rinkeby-Kista
    stadsdelsförvaltning: Föräldraskap i två kulturer" / its description set in under it):
    two or more such lines at the same indentation, each opening a block (after a blank line,
    or after the lines of the item above it), get "- "."""
    found: dict[int, list[int]] = {}
    for k, ln in enumerate(lines):
        m = _OWNER_ITEM.match(ln)
        if m is None or _MARKED.match(ln.strip()) or CELL_GAP.search(ln.strip()):
            continue
        if not _names_owner(m.group("owner")) or _FORM_LABEL.match(fold(m.group("owner"))):
            continue  # ("Sökande förvaltning:  Järva": a form's field, no item)
        found.setdefault(len(m.group("indent")), []).append(k)
    for depth, ks in found.items():
        if len(ks) < _MIN_OWNER_ITEMS:
            continue
        for k in ks:
            prev = next((lines[j] for j in range(k - 1, -1, -1) if lines[j].strip()), "")
            prev_depth = len(prev) - len(prev.lstrip())
            # the line before is blank, a heading at the margin, or a line of the item above
            if prev_depth not in (depth, 0) and lines[k - 1].strip():
                continue
            lines[k] = f"{lines[k][:depth]}- {lines[k][depth:]}"
            # the item's own lines under it, set in to its text as a bullet list prints them
            j = k + 1
            while j < len(lines) and lines[j].strip() and j not in ks:
                if len(lines[j]) - len(lines[j].lstrip()) != depth:
                    break
                lines[j] = f"  {lines[j]}"
                j += 1


#: an item's number alone on its line: "1.", "2)"
_LONE_NUMBER = re.compile(r"^(?P<indent>\s*)(?P<no>\d{1,2}[.)])\s*$")


def number_onto_item(lines: list[str]) -> None:
    """An item whose number stands alone on the line above its text, as a word processor's
    numbered paragraphs print ("1." ⏎ "Nämnden beviljar …"): the number goes before the
    text, its own line is left blank (one output line for every input line)."""
    for k in range(len(lines) - 1):
        m = _LONE_NUMBER.match(lines[k])
        nxt = lines[k + 1].lstrip()
        if m is None or not nxt[:1].isupper():
            continue
        lines[k + 1] = f"{m['indent']}{m['no']} {nxt}"
        lines[k] = ""
