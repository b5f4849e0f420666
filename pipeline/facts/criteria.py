"""Prioritisation criteria, priorities ("inriktningar") and focus areas of a call for money.

How the documents write them: an *introducing sentence* with a cue from the
``criteria_intro`` vocabulary ("Ansökningarna prioriteras utifrån följande kriterier:",
"I år prioriteras ansökningar som", "Vidare föreslås inriktningar som kan prioriteras",
"förvaltningen ser följande fokusområden") followed by the items, which are

* bullets ("- ", "• ", "e " — OCR for a bullet, "o "), possibly wrapped over several lines
  and separated by blank lines;
* numbered items ("1. ", "2) ");
* plain short lines, one item per line: each ends in punctuation or is followed by a line
  that starts a new phrase (capital letter), never by a lower-case continuation.

The list ends at a heading, at a line that is neither an item nor its continuation, or at
a blank line followed by an ordinary paragraph. Criteria written as sentences or labelled
lines — a ``main_criterion`` cue ("Huvudkriteriet är att …"), "Särskilt prioriteras …",
"1) … 2) …" inside a sentence, "Fokusområde 1: …" — are read by
:mod:`pipeline.facts.criteria_forms`.

The kind is the cue group value with the highest weight in the introduction; fund and year
come from the introduction's sentence, then its paragraph, then the headings above.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, Context
from pipeline.facts.criteria_counted import counted_criteria
from pipeline.facts.criteria_forms import (
    CriterionItem,
    fund_year,
    inline_criteria,
    labelled_items,
    main_criterion,
    priority_sentences,
    starts_lower,
)
from pipeline.facts.criteria_lines import (
    ITEM_CODE,
    MIN_SCORE,
    TABLE_SUM,
    colon_ahead,
    cue_in_earlier_sentence,
    headed_items,
    intro_score,
    not_an_item,
    one_line_items,
    sentence_goes_on,
)
from pipeline.facts.criteria_tables import table_criteria
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.text_units import clean_item_text, dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["CriterionItem", "find_criteria", "list_items"]

_BULLET = re.compile(r"^\s*(?:[-–—•·*▪■●]|[eo](?=\s+[A-ZÅÄÖa-zåäö]))\s+\S")
#: "1." / "1)" and lettered "a)" / "a." items
_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?|[a-h][.)])\s+\S")
_PLAIN_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s")
_SUB_NUMBER = re.compile(r"^\s*(\d{1,2})\.\d{1,2}\.?\s")
_MAX_PLAIN_WORDS = 14
_MAX_ITEMS = 15
_CLAUSE_OPENERS = ("som", "att", "ar", "vilka")
#: a modal verb that ends an intro when the list follows it ("Projekt som beviljas ska" ⏎ ⏎
#: "• ha …"); a line of the same sentence after it goes on with the verb ("… ska" ⏎ "fortsätta")
_MODALS = ("ska", "skall", "bor", "maste")
_FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-ZÅÄÖ]")


def _is_bullet(s: str) -> bool:
    return bool(_BULLET.match(s))


def _is_number(s: str) -> bool:
    return bool(_NUMBER.match(s))


def _next_nonblank(lines: Sequence[BodyLine], i: int) -> int | None:
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
    if _is_bullet(first) or _is_number(first):
        return _marked_items(lines, j, _is_bullet if _is_bullet(first) else _is_number)
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
        elif cur and marker is _is_number and _is_bullet(s) and ln.indent > lines[cur[0]].indent:
            # a numbered area's own dashed sub-points ("1. Barn och unga …" / "  – barnets
            # egen berättelse …"): under the item, not part of its text
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


def _indented_block(lines: Sequence[BodyLine], end: int) -> bool:
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
    if marker is not _is_number or len(cur) < 2:
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
        if (ln.heading and not headings_ok) or _is_bullet(s) or _is_number(s) or _FOOTNOTE.match(s):
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
        nxt = _next_nonblank(lines, i)
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


_MAX_SUBJECT_WORDS = 3


def _intro_end(lines: Sequence[BodyLine], i: int) -> int | None:
    """The last line of the introduction whose cue is on line `i`: the first line that ends
    with ":" or an open clause ("… ansökningar som"), that precedes a bullet, or that ends a
    sentence before a blank line. None when no such line comes within a few lines."""
    for k in range(i, min(len(lines), i + 6)):
        s = lines[k].text.rstrip()
        if not s:
            continue
        if k > i and lines[k].heading:
            return None
        if s.endswith(":"):
            return k
        words = s.split()
        if words and fold(words[-1]) in _MODALS:
            nxt = _next_nonblank(lines, k)
            if nxt is not None and nxt == k + 1 and not _is_bullet(lines[nxt].text):
                continue  # "… hur insatsen ska" ⏎ "fortsätta efter …": the sentence goes on
            return k
        if words and fold(words[-1]).strip(",") in _CLAUSE_OPENERS:
            nxt = _next_nonblank(lines, k)
            goes_on = (
                nxt is not None
                and nxt == k + 1
                and (
                    lines[nxt].text.rstrip().endswith(":")
                    # "… de behov som" ⏎ "… föreslår" ⏎ "… följande fokusområden …:": the
                    # sentence goes on to its colon over the lines right under it
                    or colon_ahead(lines, nxt)
                    # "… samma kriterier som" ⏎ "tillämpades …. Projekt som beviljas ska"
                    or fold(lines[nxt].text.split()[-1]) in _MODALS
                    # "… utifrån att" ⏎ "projektet" ⏎ ⏎ "- omfattar …": the clause's subject
                    or len(lines[nxt].text.split()) <= _MAX_SUBJECT_WORDS
                    and not lines[nxt].text.rstrip().endswith((".", ","))
                    # "… tagit hänsyn till att" ⏎ "studiebesöken ska fördelas …." ⏎ ⏎: the
                    # clause ends its sentence on the line under it, no list follows
                    or lines[nxt].text.rstrip().endswith(".")
                    and (nxt + 1 >= len(lines) or not lines[nxt + 1].text.strip())
                )
                and not (_is_bullet(lines[nxt].text) or _is_number(lines[nxt].text))
            )
            if not goes_on:  # (", som ⏎ nämnden beslutade om i utlysningen:" goes on)
                return k
            continue
        nxt = _next_nonblank(lines, k)
        if nxt is None:
            return k
        if _is_bullet(lines[nxt].text) or _is_number(lines[nxt].text):
            return k
        if _indented_block(lines, k):
            return k  # the list set in below it, its bullets lost by the scan
        if s[-1:] in ".!?" and (nxt > k + 1 or lines[nxt].heading):
            return k
    return None


def find_criteria(lines: Sequence[BodyLine], ctx: Context) -> list[CriterionItem]:
    """Every criteria list and main criterion of a document body."""
    out: list[CriterionItem] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.text.strip():
            i += 1
            continue
        main = main_criterion(lines, i, ctx)
        if main is not None:
            out.append(main[0])
            i = main[1]
            inline = inline_criteria(lines, i, ctx) if sentence_goes_on(lines, i) else None
            if inline is not None:
                # "Huvudkriteriet är att …. Därutöver bedöms ansökningarna utifrån om a) …,
                # b) … och c) …": the main criterion heads the list
                out.extend(
                    dataclasses.replace(c, position=c.position + 1) if c.kind == main[0].kind else c
                    for c in inline[0]
                )
                i = inline[1]
            continue
        table = table_criteria(lines, i, ctx)
        if table is not None:
            out.extend(table[0])
            i = table[1]
            continue
        labelled = labelled_items(lines, i, ctx)
        if labelled is not None:
            out.extend(labelled[0])
            i = labelled[1]
            continue
        prio = priority_sentences(lines, i, ctx)
        if prio is not None:
            out.extend(prio[0])
            i = prio[1]
            continue
        if i == 0 or not lines[i - 1].text.strip() or lines[i - 1].heading:
            counted = counted_criteria(lines, i, ctx)
            if counted is not None:
                out.extend(counted[0])
                i = counted[1]
                continue
            inline = inline_criteria(lines, i, ctx)
            if inline is not None:
                out.extend(inline[0])
                i = inline[1]
                continue
        score = intro_score(lines, i)
        if _is_bullet(ln.text):
            score = {}  # an item of a list ("• kriterierna … är dokumenterade") is no intro
        if not score or max(score.values()) < MIN_SCORE:
            i += 1
            continue
        end = _intro_end(lines, i)
        if end is None:
            i += 1
            continue
        last = lines[end].text.rstrip()
        open_intro = (
            last.endswith(":")
            or fold(last.split()[-1]) in (*_CLAUSE_OPENERS, *_MODALS)
            or _indented_block(lines, end)
        )
        items, after = list_items(lines, end + 1, expect_list=open_intro, plain_ok=open_intro)
        if not items and re.search(r"\bfoljande\b[^.]*\.$", fold(last)):
            # "… inom något av följande fokusområden." ⏎ each area a short line over its text
            items, after = headed_items(lines, end + 1)
        # a table, its caption or rule, or an appendix's heading after the list: its end
        cut = next((n for n, (a, _b) in enumerate(items) if not_an_item(lines, a)), None)
        items = items if cut is None else items[:cut]
        # one bulleted item after an intro that ends in a colon is a list of one ("ansökningar
        # med följande inriktning kan ges företräde: • barn och unga i …")
        single = len(items) == 1 and open_intro and _BULLET.match(lines[items[0][0]].text)
        priced = sum(
            1
            for a, b in items
            if find_amounts(" ".join(ln.text for ln in lines[a : b + 1]))
            # "Kamratföreningen Tvärbryggan     95 000     80 000": a table's sums, no unit
            or any(TABLE_SUM.search(ln.text) for ln in lines[a : b + 1])
        )
        if (len(items) < 2 and not single) or priced * 2 > len(items):
            i += 1  # (a list of recipients with their sums is no list of criteria)
            continue
        if cue_in_earlier_sentence(dehyphen_join([lines[k].text for k in range(i, end + 1)])):
            i += 1  # "… bör prövas mot budgeten. Jag föreslår att … i enlighet med vad som"
            continue
        window = dehyphen_join([lines[k].text for k in range(max(0, i - 1), end + 1)])
        wscore = strongest(cue_hits(window, "criteria_intro"))
        kind = max(wscore.items(), key=lambda kv: kv[1])[0] if wscore else "criterion"
        fund, year = fund_year(lines, i, end, ctx)
        intro = dehyphen_join([lines[k].text for k in range(i, end + 1)])
        for pos, (a, b) in enumerate(items, start=1):
            text = clean_item_text(dehyphen_join([lines[k].text for k in range(a, b + 1)]))
            # "K1   Studien har relevans …": the criterion's code before a gap is no text of it
            if ITEM_CODE.match(lines[a].text) and len(text.split(None, 1)) == 2:
                text = text.split(None, 1)[1]
            if not text:
                continue
            out.append(
                CriterionItem(
                    fund_type=fund,
                    year=year,
                    position=pos,
                    text=text,
                    kind=kind,
                    page_no=lines[a].page_no,
                    evidence=f"{intro} … {text}",
                    confidence=0.8 if max(wscore.values(), default=0) >= 2 else 0.6,
                )
            )
        i = after
    return out
