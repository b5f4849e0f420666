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
a blank line followed by an ordinary paragraph. A prose sentence with a ``main_criterion``
cue ("Huvudkriteriet är att …") is a criterion of its own.

The kind is the cue group value with the highest weight in the introduction; fund and year
come from the introduction's sentence, then its paragraph, then the headings above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.facts.context import BodyLine, Context, find_funds, sentence_year
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.text_units import clean_item_text, dehyphen_join
from pipeline.lang.fuzzy import fold

__all__ = ["CriterionItem", "find_criteria", "list_items"]

_BULLET = re.compile(r"^\s*(?:[-–—•·*▪■●]|[eo](?=\s+[A-ZÅÄÖa-zåäö]))\s+\S")
_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_MIN_SCORE = 1.5
_MAX_PLAIN_WORDS = 14
_MAX_ITEMS = 15
_CLAUSE_OPENERS = ("som", "att", "ar", "vilka")
_FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-ZÅÄÖ]")


@dataclass(frozen=True)
class CriterionItem:
    fund_type: str | None
    year: int | None
    position: int
    text: str
    kind: str
    page_no: int
    evidence: str
    confidence: float


def _is_bullet(s: str) -> bool:
    return bool(_BULLET.match(s))


def _is_number(s: str) -> bool:
    return bool(_NUMBER.match(s))


def _next_nonblank(lines: Sequence[BodyLine], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j if j < len(lines) else None


def _starts_lower(s: str) -> bool:
    s = s.lstrip(" \"”“'(")
    return s[:1].islower()


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
            if cur:
                items.append((cur[0], cur[-1]))
            cur = [i]
        elif cur and _continues_item(lines[cur[-1]].text, s, blank):
            cur.append(i)
        else:
            break
        blank = False
        i += 1
    if cur:
        items.append((cur[0], cur[-1]))
    end = items[-1][1] + 1 if items else j
    return items[:_MAX_ITEMS], end


def _continues_item(prev: str, nxt: str, blank: bool) -> bool:
    """An item wraps onto lines that go on with its sentence: they start in lower case (or
    follow a hyphenated break); a capitalised line is a heading or a new paragraph."""
    if prev.rstrip().endswith("-") and not blank:
        return True
    return _starts_lower(nxt) and not (blank and prev.rstrip()[-1:] in ".!?")


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
        nxt = _next_nonblank(lines, i)
        goes_on = nxt is not None and _starts_lower(lines[nxt].text) and s[-1:] not in ".,;:!?"
        if goes_on:
            break
        items.append((i, i))
        i += 1
    if len(items) < 2:
        return [], j
    return items, items[-1][1] + 1


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
        if words and fold(words[-1]).strip(",") in _CLAUSE_OPENERS:
            return k
        nxt = _next_nonblank(lines, k)
        if nxt is None:
            return k
        if _is_bullet(lines[nxt].text) or _is_number(lines[nxt].text):
            return k
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
        main = _main_criterion(lines, i, ctx)
        if main is not None:
            out.append(main[0])
            i = main[1]
            continue
        labelled = _labelled_items(lines, i, ctx)
        if labelled is not None:
            out.extend(labelled[0])
            i = labelled[1]
            continue
        prio = _priority_sentences(lines, i, ctx)
        if prio is not None:
            out.extend(prio[0])
            i = prio[1]
            continue
        if i == 0 or not lines[i - 1].text.strip() or lines[i - 1].heading:
            inline = _inline_criteria(lines, i, ctx)
            if inline is not None:
                out.extend(inline[0])
                i = inline[1]
                continue
        score = strongest(cue_hits(ln.text, "criteria_intro"))
        if not score or max(score.values()) < _MIN_SCORE:
            i += 1
            continue
        end = _intro_end(lines, i)
        if end is None:
            i += 1
            continue
        last = lines[end].text.rstrip()
        open_intro = last.endswith(":") or fold(last.split()[-1]) in _CLAUSE_OPENERS
        items, after = list_items(lines, end + 1, expect_list=open_intro, plain_ok=open_intro)
        if len(items) < 2:
            i += 1
            continue
        window = dehyphen_join([lines[k].text for k in range(max(0, i - 1), end + 1)])
        wscore = strongest(cue_hits(window, "criteria_intro"))
        kind = max(wscore.items(), key=lambda kv: kv[1])[0] if wscore else "criterion"
        fund, year = _fund_year(lines, i, end, ctx)
        intro = dehyphen_join([lines[k].text for k in range(i, end + 1)])
        for pos, (a, b) in enumerate(items, start=1):
            text = clean_item_text(dehyphen_join([lines[k].text for k in range(a, b + 1)]))
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


#: "Fokusområde 1: Tidiga insatser …", "Kriterium 2 – …": an item that carries its kind's
#: name and number
_LABELLED = re.compile(r"^\s*([A-Za-zÅÄÖåäö]{4,30})\s+(\d{1,2})\s*(?::|[.–—-])\s+(\S.*)$")


def _labelled_items(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[list[CriterionItem], int] | None:
    """Two or more lines in a row that each begin with the same criteria word and the next
    number ("Fokusområde 1: …", "Fokusområde 2: …"); None when line `i` starts no such run."""
    m = _LABELLED.match(lines[i].text)
    if m is None or m.group(2) != "1":
        return None
    score = strongest(cue_hits(m.group(1), "criteria_intro"))
    if not score:
        return None
    kind = max(score.items(), key=lambda kv: kv[1])[0]
    items: list[tuple[int, str]] = []
    j = i
    while j < len(lines):
        s = lines[j].text
        mm = _LABELLED.match(s)
        if mm and fold(mm.group(1)) == fold(m.group(1)) and int(mm.group(2)) == len(items) + 1:
            items.append((j, mm.group(3)))
        elif items and s.strip() and _starts_lower(s) and not _LABELLED.match(s):
            k, text = items[-1]
            items[-1] = (k, dehyphen_join([text, s.strip()]))
        elif s.strip():
            break
        j += 1
    if len(items) < 2:
        return None
    start = _paragraph_start(lines, max(0, i - 1))
    fund, year = _fund_year(lines, start, i, ctx)
    out = [
        CriterionItem(
            fund_type=fund,
            year=year,
            position=pos,
            text=clean_item_text(text),
            kind=kind,
            page_no=lines[k].page_no,
            evidence=lines[k].text.strip(),
            confidence=0.8,
        )
        for pos, (k, text) in enumerate(items, start=1)
    ]
    return out, j


def _paragraph_start(lines: Sequence[BodyLine], i: int) -> int:
    """First line of the paragraph that line `i` belongs to."""
    j = i
    while j > 0:
        prev = lines[j - 1]
        if prev.heading:
            break
        if not prev.text.strip():
            k = j - 2
            while k >= 0 and not lines[k].text.strip():
                k -= 1
            if k < 0 or lines[k].heading:
                break
            if not _starts_lower(lines[j].text) or lines[k].text.rstrip()[-1:] in ".!?:":
                break
            j = k
            continue
        j -= 1
    return j


def _fund_year(
    lines: Sequence[BodyLine], i: int, end: int, ctx: Context
) -> tuple[str | None, int | None]:
    intro = dehyphen_join([lines[k].text for k in range(i, end + 1)])
    start = _paragraph_start(lines, i)
    para = dehyphen_join([lines[k].text for k in range(start, end + 1)])
    funds = find_funds(intro, ctx.study_fund) or find_funds(para, ctx.study_fund)
    fund = funds[-1][2] if funds else ctx.fund_at(i)
    year = sentence_year(intro) or sentence_year(para, near=len(para)) or ctx.year_at(i)
    return fund, year


_DEFINES = re.compile(r"^\W*(?:[\w-]+\s+){0,7}?(?:ar|är|ska|skall|blir|var)\b|^\s*:")
#: a paragraph that opens "Särskilt prioriteras …", "Vidare prioriteras …" states a priority
_PRIORITY_SENTENCE = re.compile(
    r"^\s*(?:sarskilt|vidare|dessutom|aven|ocksa|framfor allt)\s+prioriteras\b|"
    r"^\s*foretrade\s+ges\b"
)
#: "1) … , 2) … samt 3) …" inside one sentence
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=:))(\d{1,2})\)\s+")


def _inline_items(text: str) -> list[str]:
    """Items numbered 1) 2) 3) inside running text, in order, or [] when there are fewer than
    two or the numbers do not count up from 1."""
    marks = list(_INLINE_NUMBER.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    items: list[str] = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        part = text[m.end() : end]
        if k + 1 == len(marks):  # the last item ends with its sentence
            stop = re.search(r"[.!?](?=\s+[A-ZÅÄÖ]|\s*$)", part)
            part = part[: stop.start()] if stop else part
        part = re.sub(r"[,;]?\s*(?:samt|och|eller)?\s*$", "", part.strip())
        items.append(part.strip(" ,;"))
    return [x for x in items if x]


def _inline_criteria(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[list[CriterionItem], int] | None:
    """Criteria enumerated inline after an introducing cue: "… bedömas utifrån följande
    kriterier: 1) projektet ska …, 2) …, samt 3) …"."""
    k = i
    while k + 1 < len(lines) and lines[k + 1].text.strip() and not lines[k + 1].heading:
        k += 1
        if k - i > 12:
            break
    para = dehyphen_join([lines[j].text for j in range(i, k + 1)])
    hit = cue_hits(para, "criteria_intro")
    if not hit:
        return None
    items = _inline_items(para[hit[0].start :])
    if len(items) < 2:
        return None
    score = strongest(hit)
    kind = max(score.items(), key=lambda kv: kv[1])[0] if score else "criterion"
    fund, year = _fund_year(lines, i, k, ctx)
    return [
        CriterionItem(
            fund_type=fund,
            year=year,
            position=pos,
            text=text,
            kind=kind,
            page_no=lines[i].page_no,
            evidence=para,
            confidence=0.6,
        )
        for pos, text in enumerate(items, start=1)
    ], k + 1


def _priority_sentences(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[list[CriterionItem], int] | None:
    """A run of paragraphs that each open with "Särskilt prioriteras …", "Vidare prioriteras
    …": each sentence is a priority of the call, numbered in order."""
    out: list[CriterionItem] = []
    j = i
    while j < len(lines):
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j >= len(lines) or not _PRIORITY_SENTENCE.match(fold(lines[j].text)):
            break
        k = j  # the paragraph: to a blank line or a heading
        while k + 1 < len(lines) and lines[k + 1].text.strip() and not lines[k + 1].heading:
            k += 1
        para = dehyphen_join([lines[x].text for x in range(j, k + 1)]).strip()
        fund, year = _fund_year(lines, j, k, ctx)
        # "Särskilt prioriteras … . Särskilt prioriteras … ." — each such sentence of the
        # paragraph, up to one that is no priority
        for text in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", para):
            if not _PRIORITY_SENTENCE.match(fold(text)):
                break
            out.append(
                CriterionItem(
                    fund_type=fund,
                    year=year,
                    position=len(out) + 1,
                    text=text.strip(),
                    kind="priority",
                    page_no=lines[j].page_no,
                    evidence=text.strip(),
                    confidence=0.6,
                )
            )
        j = k + 1
    return (out, j) if out else None


def _main_criterion(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[CriterionItem, int] | None:
    s = lines[i].text
    hits = cue_hits(s, "main_criterion")
    if not hits:
        return None
    # the sentence defines the criterion ("Huvudkriteriet är att …"), not merely names it
    after = dehyphen_join([s[hits[0].end :], lines[i + 1].text if i + 1 < len(lines) else ""])
    if not _DEFINES.match(fold(after)):
        return None
    # the sentence runs from the cue to the first full stop (possibly a few lines on)
    parts = [s[hits[0].start :]]
    k = i
    while "." not in parts[-1] and k + 1 < len(lines) and lines[k + 1].text.strip() and k - i < 4:
        k += 1
        parts.append(lines[k].text)
    text = dehyphen_join(parts)
    if "." in text:
        text = text[: text.index(".") + 1]
    fund, year = _fund_year(lines, i, k, ctx)
    item = CriterionItem(
        fund_type=fund,
        year=year,
        position=1,
        text=text,
        kind="criterion",
        page_no=lines[i].page_no,
        evidence=text,
        confidence=0.7,
    )
    return item, k + 1
