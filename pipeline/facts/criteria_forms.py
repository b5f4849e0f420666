"""Criteria written as sentences or labelled lines rather than as a list under an
introduction (read by :func:`pipeline.facts.criteria.find_criteria`):

* "Fokusområde 1: …", "Fokusområde 2: …" — lines that carry their kind's name and number;
* "Särskilt prioriteras projekt som …" — priority sentences, several to a paragraph;
* "1) … , 2) … samt 3) …" — items numbered inside one sentence;
* "Huvudkriteriet är att …" — a main criterion stated in prose.

Fund and year come from the sentence, then its paragraph, then the headings above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.facts.context import FOU_FUNDS, GENERIC_FUNDS, BodyLine, Context
from pipeline.facts.criteria_funds import (
    fund_by_subject,
    fund_year,
    paragraph_start,
    starts_lower,
)
from pipeline.facts.criteria_lines import MIN_SERIES_WORDS, dels_items
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.text_units import clean_item_text, dehyphen_join
from pipeline.lang.fuzzy import fold

__all__ = [
    "CriterionItem",
    "fund_year",
    "inline_criteria",
    "labelled_items",
    "listed_criteria",
    "text_items",
    "main_criterion",
    "priority_sentences",
    "starts_lower",
]


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


#: "Fokusområde 1: Tidiga insatser …", "Kriterium 2 – …": an item that carries its kind's
#: name and number
_LABELLED = re.compile(r"^\s*([A-Za-zÅÄÖåäö]{4,30})\s+(\d{1,2})\s*(?::|[.–—-])\s+(\S.*)$")


def labelled_items(
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
    described = False
    j = i
    while j < len(lines):
        s = lines[j].text
        mm = _LABELLED.match(s)
        if mm and fold(mm.group(1)) == fold(m.group(1)) and int(mm.group(2)) == len(items) + 1:
            items.append((j, mm.group(3)))
            described = False
        elif items and s.strip() and starts_lower(s) and not _LABELLED.match(s) and not described:
            k, text = items[-1]
            items[-1] = (k, dehyphen_join([text, s.strip()]))
        elif items and s.strip() and lines[j - 1].text.strip():
            # "Fokusområde 2 – Hemlöshet" over a paragraph that describes it: the item is
            # the labelled line, the paragraph under it (up to a blank line) its explanation
            described = True
        elif items and s.strip() and _next_label_after(lines, j, m.group(1), len(items) + 1):
            described = True  # the paragraph set apart under its item, the next item after it
        elif s.strip():
            break
        j += 1
    if len(items) < 2:
        return None
    start = paragraph_start(lines, max(0, i - 1))
    fund, year = fund_year(lines, start, i, ctx)
    return listed_criteria(lines, items, fund, year, kind, 0.8), j


def _next_label_after(lines: Sequence[BodyLine], j: int, word: str, number: int) -> bool:
    """Does the paragraph at line `j` end before the labelled item `number` ("Fokusområde
    2. …"), blank lines between?"""
    k = j
    while k < len(lines) and lines[k].text.strip():
        k += 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    mm = _LABELLED.match(lines[k].text) if k < len(lines) else None
    return mm is not None and fold(mm.group(1)) == fold(word) and int(mm.group(2)) == number


def listed_criteria(
    lines: Sequence[BodyLine],
    items: list[tuple[int, str]],
    fund: str | None,
    year: int | None,
    kind: str,
    confidence: float,
) -> list[CriterionItem]:
    """Criteria of one list, each `(line, text)` of `items` at its position, the line its
    evidence."""
    return [
        CriterionItem(
            fund_type=fund,
            year=year,
            position=pos,
            text=clean_item_text(text),
            kind=kind,
            page_no=lines[k].page_no,
            evidence=lines[k].text.strip(),
            confidence=confidence,
        )
        for pos, (k, text) in enumerate(items, start=1)
    ]


#: (on the text as printed: "samma huvudkriterium som tidigare år." names no criterion)
_DEFINES = re.compile(r"^\W*(?:[\w-]+\s+){0,7}?(?:ar|är|ska|skall|blir|var)\b|^\s*:", re.I)
#: a paragraph that opens "Särskilt prioriteras …", "Vidare prioriteras …" states a priority
_PRIORITY_SENTENCE = re.compile(
    r"^\s*(?:sarskilt|vidare|dessutom|aven|ocksa|framfor allt)\s+prioriteras\b|"
    r"^\s*foretrade\s+ges\b|"
    # "Liksom tidigare år ges företräde åt studiebesök i de nordiska länderna, …"
    r"^\s*(?:(?:liksom|som)\s+tidigare\s+ar\s+|i\s+ar\s+|aven\s+i\s+ar\s+)?ges\s+foretrade\s+"
    r"(?:at|till)\b|"
    # "I bedömningen har projekt som rör tidiga insatser … prioriterats."
    r"^\s*(?:i|vid)\s+(?:bedomningen|urvalet|prioriteringen)\s+har\s+"
    r"(?:projekt|ansokningar|insatser)\s+som\b[^.]*\bprioriterats\b"
)
#: "Därutöver kan projekt som rör … prioriteras i urvalsprocessen": the projects named
_CAN_PRIORITISE = re.compile(
    r"^\s*(?:(?:darutover|dessutom|aven|vidare|ocksa|slutligen)\s+)?kan\s+"
    r"(?P<what>(?:projekt|ansokningar|insatser|studiebesok|aktiviteter|studier)\s+som\s+.+?)"
    r"\s+(?:ocksa\s+|aven\s+|sarskilt\s+)?prioriteras\b"
)
#: "För 2004 har nämnden dessutom angett att projekt som rör … ska ges företräde": what the
#: committee said shall go first
_DECIDED_PRIORITY = re.compile(
    r"^[^.]{0,60}?\b(?:angett|angivit|beslutat|bestamt|uttalat|markerat)\s+att\s+"
    r"(?P<what>(?:projekt|ansokningar|insatser|studiebesok|aktiviteter|studier)\s+som\s+[^.]+?"
    r"\s+(?:ska|skall|bor)\s+(?:ges\s+foretrade|prioriteras|ga\s+fore))\b"
)
#: "1) … , 2) … samt 3) …" (or "(1) …, (2) …") inside one sentence
_INLINE_NUMBER = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=:))\(?(\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3}|ix)\)\s+"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


def _ordinal(mark: str) -> int:
    """The place of an inline item's mark: "2)" → 2, "b)" → 2, "(ii)" → 2."""
    if mark.isdigit():
        return int(mark)
    return _ROMAN[mark] if mark in _ROMAN else ord(mark) - ord("a") + 1


def _inline_items(text: str) -> list[str]:
    """Items numbered 1) 2) 3) (or lettered a) b) c)) inside running text, in order, or [] when there are fewer than
    two or the numbers do not count up from 1."""
    marks = list(_INLINE_NUMBER.finditer(text))
    if len(marks) < 2 or [_ordinal(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
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


def _semicolon_items(text: str) -> list[str]:
    """Items after the cue's colon parted by semicolons, to the end of the sentence ("…
    särskilt kan prioriteras: tidiga insatser för barn och unga; brukarinflytande; våld i
    nära relationer."), or [] when there are fewer than three or one is long."""
    m = re.match(r"^[^.:;]{0,40}:\s*", text)
    if m is None:
        return []
    stop = re.search(r"[.!?](?=\s+[A-ZÅÄÖ]|\s*$)", text[m.end() :])
    sentence = text[m.end() : m.end() + stop.start()] if stop else text[m.end() :]
    parts = [re.sub(r"^(?:och|samt|eller)\s+", "", p.strip()) for p in sentence.split(";")]
    if len(parts) < 3 or any(not p or len(p.split()) > 14 for p in parts):
        return []
    return parts


#: the words between a cue and the colon its series follows ("… de kriterier som …:")
_MAX_LEAD = 100
#: a cue that the grounds follow as a series ("bedömts utifrån A, B och C")
_ON_GROUNDS = re.compile(r"utifran|\bmot\b")


def _series_items(text: str) -> list[str]:
    """The grounds of one sentence as a series parted by commas, the last after "och" or
    "samt" ("utifrån projektets betydelse för …, möjligheten att följa upp …, och att
    tidsplanen är realistisk"), or [] when it is no such series: fewer than three items, or
    an item of fewer than three words."""
    stop = re.search(r"[.!?](?=\s+[A-ZÅÄÖ]|\s*$)", text)
    sentence = text[: stop.start()] if stop else text
    colon = sentence.find(":")
    led = 0 <= colon < _MAX_LEAD and "," not in sentence[:colon]
    if led:
        # ("… utifrån de kriterier som nämnden beslutade om i april 2013: A, B och C")
        sentence = sentence[colon + 1 :]
    parts = [p.strip() for p in re.split(r",\s+", sentence)]
    if len(parts) < 2:
        return []
    last = re.match(r"^(?:och|samt|eller)\s+(.*)$", parts[-1])
    if last:
        parts[-1] = last.group(1)
    else:
        tail = re.split(r"\s+(?:och|samt)\s+(?=\S)", parts[-1])
        if len(tail) != 2:
            return []
        parts[-1:] = tail
    if all(re.match(r"om\s", p) for p in parts) and len(parts) >= 2:
        # "utifrån om projektet är förankrat …, om det har … och om …": the questions asked
        return [p[3:].strip() for p in parts]
    if all(re.match(r"att\s", p) for p in parts) and len(parts) >= 2:
        # "utifrån tre kriterier: att studiebesöket …, att besöket … och att …": the clauses
        return [p[4:].strip() for p in parts]
    # (four grounds or more may be short: "konstnärlig kvalitet, barns delaktighet, …")
    # (and so may grounds after the colon that announces them: "…: A, B och tydlig
    # forskningsanknytning")
    least = MIN_SERIES_WORDS if len(parts) < 4 and not led else 2
    if len(parts) < 3 or any(len(p.split()) < least for p in parts):
        return []
    return parts


def _research_money(fund: str | None, ctx: Context) -> bool:
    research = FOU_FUNDS | GENERIC_FUNDS
    return fund in research or ctx.default_fund in research


def inline_criteria(
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
    hit = sorted(
        [*cue_hits(para, "criteria_intro"), *cue_hits(para, "criteria_inline")],
        key=lambda h: h.start,
    )
    if not hit:
        return None
    items = _inline_items(para[hit[0].start :])
    end = hit[0].end
    while end < len(para) and para[end - 1].isalnum() and para[end].isalnum():
        end += 1  # a cue matched loosely ("bedöms utifrån" in "bedömts utifrån") ends at its word
    fund, year = fund_year(lines, i, k, ctx)
    if len(items) < 2:
        items = _semicolon_items(para[end:])
    if len(items) < 2 and _research_money(fund, ctx):
        # an unnumbered series in running prose ("bedömts utifrån om …, om … och om …") is a
        # criteria list of a research fund's call; in a grant decision of another kind it is
        # the reasoning of one decision, no standing criteria
        if _ON_GROUNDS.search(fold(para[hit[0].start : end])):
            items = _series_items(para[end:])
        if len(items) < 2:
            items = dels_items(para[end:])
    if len(items) < 2:
        return None
    score = strongest(hit)
    kind = max(score.items(), key=lambda kv: kv[1])[0] if score else "criterion"
    return text_items(items, fund, year, kind, lines[i].page_no, para), k + 1


def text_items(
    texts: Sequence[str],
    fund: str | None,
    year: int | None,
    kind: str,
    page_no: int,
    evidence: str,
    confidence: float = 0.6,
) -> list[CriterionItem]:
    """One criterion per text, numbered in order, all with one paragraph's evidence."""
    return [
        CriterionItem(
            fund_type=fund,
            year=year,
            position=pos,
            text=text,
            kind=kind,
            page_no=page_no,
            evidence=evidence,
            confidence=confidence,
        )
        for pos, text in enumerate(texts, start=1)
    ]


def _priority_start(text: str) -> bool:
    folded = fold(text)
    return bool(
        _PRIORITY_SENTENCE.match(folded)
        or re.match(r"^\s*(?:\w+\s+)?kan\s+\w+\s+som\b", folded)
        or _DECIDED_PRIORITY.match(folded)
    )


def _priority_text(sentence: str) -> str | None:
    """The priority a sentence states: the whole "Särskilt prioriteras …" sentence, or what
    "Därutöver kan projekt som … prioriteras" names; None for another sentence."""
    folded = fold(sentence)
    if _PRIORITY_SENTENCE.match(folded):
        return sentence
    m = _CAN_PRIORITISE.match(folded) or _DECIDED_PRIORITY.match(folded)
    if m is None or len(folded) != len(sentence) or sentence.rstrip().endswith(":"):
        return None  # (one that ends in a colon introduces a list of them)
    return sentence[m.start("what") : m.end("what")]


def priority_sentences(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[list[CriterionItem], int] | None:
    """A run of paragraphs that each open with "Särskilt prioriteras …", "Vidare prioriteras
    …": each sentence is a priority of the call, numbered in order."""
    out: list[CriterionItem] = []
    j = i
    while j < len(lines):
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j >= len(lines):
            break
        k = j  # the paragraph: to a blank line or a heading
        while k + 1 < len(lines) and lines[k + 1].text.strip() and not lines[k + 1].heading:
            k += 1
        para = dehyphen_join([lines[x].text for x in range(j, k + 1)]).strip()
        if not _priority_start(para):
            break
        fund, year = fund_year(lines, j, k, ctx)
        # "Särskilt prioriteras … . Särskilt prioriteras … ." — each such sentence of the
        # paragraph, up to one that is no priority
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", para):
            text = _priority_text(sentence)
            if text is None:
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


def main_criterion(
    lines: Sequence[BodyLine], i: int, ctx: Context
) -> tuple[CriterionItem, int] | None:
    s = lines[i].text
    hits = cue_hits(s, "main_criterion")
    if not hits:
        return None
    # the sentence defines the criterion ("Huvudkriteriet är att …"), not merely names it
    after = dehyphen_join([s[hits[0].end :], lines[i + 1].text if i + 1 < len(lines) else ""])
    if not _DEFINES.match(after):
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
    fund, year = fund_year(lines, i, k, ctx)
    if fund in ("LUM", ctx.study_fund):  # ("… LUM och MUL 2024. Huvudkriteriet är att projektet")
        fund = fund_by_subject(text, ctx) or fund
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
    # a sentence that begins after the full stop ("… i hela staden. Därutöver har följande
    # inriktningar prioriterats:") may introduce a list of its own
    rest = lines[k].text.split(".", 1)[1] if "." in lines[k].text else ""
    return item, (k if k > i and len(rest.split()) >= 2 else k + 1)
