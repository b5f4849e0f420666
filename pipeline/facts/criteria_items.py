"""Criteria lists item by item: bulleted, numbered or lettered items and plain short lines
under an introducing sentence, each item possibly wrapped over several lines (see
:mod:`pipeline.facts.criteria` for how the documents write them). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.criteria_forms import starts_lower
from pipeline.facts.criteria_lines import one_line_items
from pipeline.facts.cues import cue_hits
from pipeline.facts.text_units import NAMED_NUMBER
from pipeline.lang.fuzzy import fold

__all__ = [
    "CLAUSE_OPENERS",
    "MODALS",
    "closed_by_priority",
    "indented_block",
    "is_bullet",
    "is_number",
    "list_items",
    "next_nonblank",
]

_BULLET = re.compile(r"^\s*(?:[-–—•·*▪■●]|[eo](?=\s+[A-ZÅÄÖa-zåäö]))\s+\S")
#: "1." / "1)", lettered "a)" / "a." and named "Kriterium 1." items
_NUMBER = re.compile(
    rf"^\s*(?:\d{{1,2}}[.)]|\d{{1,2}}\.\d{{1,2}}\.?|[a-h][.)]|{NAMED_NUMBER})\s+\S"
)
_PLAIN_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s")
_SUB_NUMBER = re.compile(r"^\s*(\d{1,2})\.\d{1,2}\.?\s")
_MAX_PLAIN_WORDS = 14
_MAX_ITEMS = 15
CLAUSE_OPENERS = ("som", "att", "ar", "vilka")
#: a modal verb that ends an intro when the list follows it ("Projekt som beviljas ska" ⏎ ⏎
#: "• ha …"); a line of the same sentence after it goes on with the verb ("… ska" ⏎ "fortsätta")
MODALS = ("ska", "skall", "bor", "maste")
_FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-ZÅÄÖ]")


def is_bullet(s: str) -> bool:
    return bool(_BULLET.match(s))


def is_number(s: str) -> bool:
    return bool(_NUMBER.match(s))


def next_nonblank(lines: Sequence[BodyLine], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j if j < len(lines) else None


def list_items(
    lines: Sequence[BodyLine], start: int, expect_list: bool = False, plain_ok: bool = True
) -> tuple[list[tuple[int, int]], int]:
    """Items of a list that begins at or after line `start` (blank lines skipped).

    `expect_list`: the introduction announces a list (ends with ":" or an open clause), so
    short lines that a layout reader took for sub-headings are still items.
    Returns the items as ``(first_line, last_line)`` ranges and the index after the list.
    """
    j = start
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    if j >= len(lines) or (lines[j].heading and not expect_list):
        return [], start
    first = lines[j].text
    if is_bullet(first) or is_number(first):
        return _marked_items(lines, j, is_bullet if is_bullet(first) else is_number)
    if not plain_ok:
        return [], start
    return _plain_items(lines, j, expect_list)


def _marked_items(
    lines: Sequence[BodyLine], j: int, marker: object
) -> tuple[list[tuple[int, int]], int]:
    is_marker = marker  # callable
    first_major: str | None = None  # "2" of a sub-numbered list "2.1 …", "2.2 …"
    last_no: int | None = None  # the number of the last "N." item
    items: list[tuple[int, int]] = []
    cur: list[int] = []
    blank = False
    sub: int | None = None  # the indent of a sub-point's wrapped lines
    i = j
    while i < len(lines):
        ln = lines[i]
        s = ln.text
        if not s.strip():
            blank = True
            i += 1
            continue
        if ln.heading:
            break
        if sub is not None and ln.indent >= sub and not is_marker(s):  # type: ignore[operator]
            i += 1  # a sub-point's wrapped line
            continue
        sub = None
        if is_marker(s):  # type: ignore[operator]
            major = _SUB_NUMBER.match(s)
            if first_major is None and not items and not cur:
                first_major = major.group(1) if major else ""
            elif first_major and (major is None or major.group(1) != first_major):
                break  # "2.1 …", "2.2 …" then "3. Föreslagna studier": the next part
            plain = _PLAIN_NUMBER.match(s) if not major else None
            if plain is not None:
                if last_no is not None and int(plain.group(1)) != last_no + 1:
                    break  # "1. …", "2. …" then "2. Fokusområden": another list
                last_no = int(plain.group(1))
            if cur:
                items.append((cur[0], cur[-1]))
            cur = [i]
        elif (
            cur
            and marker is is_number
            and ln.indent > lines[cur[0]].indent
            and (is_bullet(s) or (s.strip().endswith(":") and len(s.split()) <= 4))
        ):
            # a numbered area's own dashed sub-points ("1. Barn och unga …" / "  – barnets
            # egen berättelse …"), and the label over them ("Exempel:"): under the item, not
            # part of its text
            sub = ln.indent + 1
            i += 1
            blank = False
            continue
        elif cur and _continues_item(lines[cur[-1]].text, s, blank):
            cur.append(i)
        elif (
            cur
            and not blank
            and ln.indent >= lines[cur[0]].indent + 2
            and lines[cur[-1]].text.rstrip()[-1:] not in ".!?"
        ):
            cur.append(i)  # wrapped under the item's text: "… med ⏎   FoU-enheten"
        elif cur and _lost_number(lines, cur, i, marker):
            items.append((cur[0], cur[-1]))  # a numbered item whose number the scan lost
            cur = [i]
        else:
            break
        blank = False
        i += 1
    if cur:
        items.append((cur[0], cur[-1]))
    end = items[-1][1] + 1 if items else j
    return items[:_MAX_ITEMS], end


def indented_block(lines: Sequence[BodyLine], end: int) -> bool:
    """Do two or more lines set in from the intro follow it, each ending in a comma, a
    semicolon or a full stop? A list whose bullets the scan lost ("beaktat att projekten
    ⏎ har en tydlig anknytning …, ⏎ bedrivs i samarbete med …,")."""
    j = end + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    run = 0
    indent = lines[j].indent if j < len(lines) else 0
    while j < len(lines) and lines[j].text.strip() and lines[j].indent == indent:
        if not lines[j].text.rstrip().endswith((",", ";", ".")):
            return False
        run += 1
        j += 1
    return run >= 2 and indent >= lines[end].indent + 2


def _lost_number(lines: Sequence[BodyLine], cur: list[int], i: int, marker: object) -> bool:
    """A line of a numbered list that starts a sentence at the indentation of the items'
    wrapped text, after an item that ended one: the next item, its number lost in the scan
    ("1.  Studien ska … ⏎     den sökande förvaltningen. ⏎     Studien ska ledas av …")."""
    if marker is not is_number or len(cur) < 2:
        return False
    ln, prev = lines[i], lines[cur[-1]]
    return (
        ln.indent >= 2
        and ln.indent == prev.indent
        and ln.text.strip()[:1].isupper()
        and prev.text.rstrip().endswith(".")
    )


def _continues_item(prev: str, nxt: str, blank: bool) -> bool:
    """An item wraps onto lines that go on with its sentence: they start in lower case (or
    follow a hyphenated break); a capitalised line is a heading or a new paragraph."""
    if prev.rstrip().endswith("-") and not blank:
        return True
    return starts_lower(nxt) and not (blank and prev.rstrip()[-1:] in ".!?")


def _plain_items(
    lines: Sequence[BodyLine], j: int, headings_ok: bool = False
) -> tuple[list[tuple[int, int]], int]:
    items: list[tuple[int, int]] = []
    i = j
    while i < len(lines) and len(items) < _MAX_ITEMS:
        ln = lines[i]
        s = ln.text.strip()
        if not s:
            i += 1
            continue
        if (ln.heading and not headings_ok) or is_bullet(s) or is_number(s) or _FOOTNOTE.match(s):
            break
        if len(s.split()) > _MAX_PLAIN_WORDS:
            break
        if items and s.endswith(":") and cue_hits(s, "criteria_intro"):
            break  # "Projekt med följande inriktningar har prioriterats:": a list of its own
        if (
            items
            and s.endswith(".")
            and i > items[-1][1] + 1
            and not any(lines[b].text.rstrip().endswith(".") for _, b in items)
        ):
            break  # a sentence after a blank line, below items that carry no full stop
        if items and lines[items[0][0]].indent >= 2 and ln.indent < lines[items[0][0]].indent - 1:
            break  # the text goes on at the margin after a list set in
        nxt = next_nonblank(lines, i)
        goes_on = nxt is not None and starts_lower(lines[nxt].text) and s[-1:] not in ".,;:!?"
        if goes_on and nxt is not None and one_line_items(s, lines[nxt].text):
            goes_on = False  # short lines, each whole: a scan read a capital as lower case
        if goes_on and nxt == i + 1 and ln.indent >= 2 and lines[nxt].indent == ln.indent:
            # a list set in whose bullets the scan lost: an item wraps onto lines in lower case
            last = i + 1
            while last + 1 < len(lines) and lines[last + 1].indent == ln.indent:
                if not starts_lower(lines[last + 1].text) or not lines[last + 1].text.strip():
                    break
                last += 1
            items.append((i, last))
            i = last + 1
            continue
        if goes_on:
            break
        items.append((i, i))
        i += 1
    if len(items) < 2:
        return [], j
    return items, items[-1][1] + 1


#: the words after a list that finish its intro's sentence: "ska prioriteras vid fördelningen."
_CLOSING_PRIORITY = re.compile(
    r"^(?:ska|skall|bor|bör|kan|kommer att)\s+(?:särskilt\s+)?(?:prioriteras|ges företräde)\b",
    re.IGNORECASE,
)


def closed_by_priority(lines: Sequence[BodyLine], i: int) -> int | None:
    """Line `i` ends an unfinished sentence on "som" ("… angett att organisationer som"), a
    bulleted list follows, and the sentence ends after it on a priority ("ska prioriteras
    vid fördelningen."): the list's items are priorities. The closing line, else None."""
    words = [fold(w) for w in lines[i].text.split()]
    # ("… angett att ansökningar som gäller" ⏎ "☐ barn som …": the verb of "som" before it)
    if "som" not in words[-2:] or words[-1] not in ("som", "galler", "avser", "ror"):
        return None
    items, _after = list_items(lines, i + 1, expect_list=True, plain_ok=False)
    if len(items) < 2 or not is_bullet(lines[items[0][0]].text):
        return None
    # (the closing words read as the last item's continuation, or standing after it)
    a, b = items[-1]
    k = next(
        (x for x in range(a + 1, b + 1) if _CLOSING_PRIORITY.match(lines[x].text.strip())), None
    )
    k = k if k is not None else next_nonblank(lines, b)
    return k if k is not None and _CLOSING_PRIORITY.match(lines[k].text.strip()) else None
