"""Shapes of the lines around a list of criteria: short lines that are each an item, a table's
sums (no criteria), an introduction's cue score (a cue after a negation or over what was
listed before it counts none) and one whose cue stands in an earlier sentence. Pure; used
by :mod:`pipeline.facts.criteria`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits, strongest
from pipeline.lang.fuzzy import fold

__all__ = [
    "ITEM_CODE",
    "MIN_SERIES_WORDS",
    "MIN_SCORE",
    "TABLE_SUM",
    "colon_ahead",
    "cue_in_earlier_sentence",
    "dels_items",
    "headed_items",
    "intro_score",
    "not_an_item",
    "one_line_items",
    "sentence_goes_on",
]

#: the least cue score of a criteria list's introduction
MIN_SCORE = 1.5

#: a sum in a table's column: a gap, then a number in groups of thousands
TABLE_SUM = re.compile(
    r"\S\s{2,}[−-]?\d{1,3}(?:[ .\u00a0]\d{3})+(?:\s|$)"
    # a row whose gaps a scan closed: a sum of hundreds of thousands at the line's end
    r"|\s\d{1,3}(?:[ .\u00a0]\d{3}){1,2}\s*$"
)


#: a line that wraps does not end on one of these words
_OPEN_WORDS = {
    "och",
    "eller",
    "samt",
    "i",
    "på",
    "för",
    "av",
    "med",
    "till",
    "om",
    "från",
    "vid",
    "inom",
    "mot",
    "att",
    "som",
    "den",
    "det",
    "de",
    "en",
    "ett",
    "under",
    "mellan",
}
_SHORT_LINE = 60


def one_line_items(line: str, nxt: str) -> bool:
    """Two lines of a list that are each an item although the second starts in lower case
    ("Barn och unga som placeras utanför det egna hemmet" over "våld i nära relationer"):
    both short of a full line, the first not ending on a word that carries on."""
    words = line.split()
    return (
        len(line.strip()) < _SHORT_LINE
        and len(nxt.strip()) < _SHORT_LINE
        and bool(words)
        and words[-1].lower() not in _OPEN_WORDS
        and not line.rstrip().endswith("-")
    )


def cue_in_earlier_sentence(intro: str, *, short: bool = False) -> bool:
    """Whether the intro's cue stands in a sentence before the one that opens the list, and
    that last sentence (a long one, not "Dessa är:"; any, when `short`) has no cue of its
    own."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", intro.strip())
    last = parts[-1]
    # ("… bedömts utifrån de kriterier som anges i fondens riktlinjer. En insats som
    # finansieras ur fonden ska" ⏎ "• vara …": the criteria named, then what they require)
    required = bool(re.search(r"\b(?:ska|skall|bör|måste)$", last.rstrip())) and bool(
        re.search(r"kriteri", fold(" ".join(parts[:-1])))
    )
    # ("… prioriteras utifrån följande kriterier. Ändringar jämfört med 2018 anges inom
    # parentes.": a note on how the list is printed, the list still the one announced)
    note = re.search(
        r"\b(?:anges|markeras|redovisas)\b.*\b(?:parentes|kursiv|fetstil|nedan)\b", last
    )
    return (
        len(parts) > 1
        and (short or len(last.split()) >= 6)
        and not last.rstrip().endswith(":")
        and not cue_hits(last, "criteria_intro")
        and not required
        and note is None
    )


#: a form's label with nothing after it, a signature line
_FORM_LABEL = re.compile(r"^(?:[\w/()–-]+\s?){1,5}:(?:\s+[\w/()–-]+:)*\s*$|^underskrift\b", re.I)
#: a decision item, no criterion: "Socialnämnden beviljar …", "Ärendet delges …"
_DECIDES = re.compile(
    r"^(?:\w+namnden|kommunstyrelsen|arendet|paragrafen)\s+(?:beviljar|beslutar|godkanner|"
    r"uppdrar|overlamnar|delges|noterar|faststaller|avslar|forklaras|lagger)\b"
)
ITEM_CODE = re.compile(r"^\s*[A-ZÅÄÖ]{1,2}(?:\d{1,2}(?:\s{2,}|\s+(?=[A-ZÅÄÖ]))|[åäö]\s{2,})")
#: a table's row or header (two column gaps), a drawn rule, an appendix's heading, a row of
#: numbers ("A 3 3 2 3 11 420 000 380 000"): no criterion
_TABLE_LINE = re.compile(r"\S\s{2,}\S.*\S\s{2,}\S|^[-=_–—\s]{6,}$|^bilaga\b", re.IGNORECASE)


def not_an_item(lines: Sequence[BodyLine], a: int) -> bool:
    text = lines[a].text.strip()
    digits = len(re.findall(r"\d+", text))
    return (
        bool(_TABLE_LINE.search(text))
        or bool(_FORM_LABEL.match(text))  # "Projekttid:" on a form to fill in
        or bool(_DECIDES.match(fold(text)))  # "Socialnämnden beviljar medel …": a decision
        or (digits >= 4 and digits * 3 >= len(text.split()))
        # a caption over a table ("Poängsättning" over "Förslag  K1  K2 …")
        or (a + 1 < len(lines) and bool(_TABLE_LINE.search(lines[a + 1].text.strip())))
    )


def colon_ahead(lines: Sequence[BodyLine], k: int) -> bool:
    """One of the (up to three) lines from `k` on, with no blank line between, ends with ":"
    and none before it ends a sentence."""
    for j in range(k, min(len(lines), k + 3)):
        s = lines[j].text.rstrip()
        if not s or s.endswith((".", "!", "?")):
            return False
        if s.endswith(":"):
            return True
    return False


def intro_score(lines: Sequence[BodyLine], i: int) -> dict[str, float]:
    """The cue score of an introduction that starts on line `i`; a cue that runs on into the
    next line ("… I årets utlysning prioriteras ⏎ ansökningar som") counts when it starts
    on this one."""
    text = lines[i].text
    score = strongest(
        h
        for h in cue_hits(text, "criteria_intro")
        if not _negated(text, h.start)
        and not _refers_back(text, h.end)
        and not _external(text, h.start)
    )
    if (score and max(score.values()) >= MIN_SCORE) or i + 1 >= len(lines):
        return score
    nxt = lines[i + 1]
    if not nxt.text.strip() or nxt.heading:
        return score
    joined = f"{text.rstrip()} {nxt.text.strip()}"
    cut = len(text.rstrip())
    return strongest(
        h
        for h in cue_hits(joined, "criteria_intro")
        if h.start < cut
        and not _negated(joined, h.start)
        and not _refers_back(joined, h.end)
        and not _external(joined, h.start)
    )


def _refers_back(text: str, end: int) -> bool:
    """ "rangordnas efter dessa inriktningar.": a cue over what was listed before it names
    no list of its own."""
    return bool(
        re.match(r"\s*(?:dessa|denna|detta|dem|ovanstaende|ovan namnda)\b", fold(text[end:]))
    )


#: a state body that sets its own priorities for its money
_STATE_BODY = re.compile(
    r"\b(?:socialstyrelsen|regeringen|lansstyrelsen|staten|folkhalsomyndigheten|skolverket|"
    r"boverket|arvsfonden|esf-radet|myndigheten for \w+(?: \w+){0,4}?)"
    r"(?:\s+\w+){0,3}\s*$"
)


def _external(text: str, start: int) -> bool:
    """ "Socialstyrelsen anger fem prioriterade områden för medlen": a state body's priorities
    for its grant, no criteria of the committee's own call."""
    return bool(_STATE_BODY.search(fold(text[:start])))


def _negated(text: str, start: int) -> bool:
    """ "bedömdes inte uppfylla kriterierna": a cue after a negation names no list."""
    return bool(re.search(r"\b(?:inte|ej|icke)\b(?:\s+\w+){0,2}\s*$", fold(text[:start])))


def sentence_goes_on(lines: Sequence[BodyLine], i: int) -> bool:
    """Does line `i` hold another sentence after the main criterion's full stop (the line
    :func:`main_criterion` hands back when its paragraph goes on)?"""
    text = lines[i].text if i < len(lines) else ""
    return "." in text and len(text.split(".", 1)[1].split()) >= 2


#: the fewest words of one ground in a series
MIN_SERIES_WORDS = 3
_DELS = re.compile(r"(?:,\s*)?\bdels\s+")


def dels_items(text: str) -> list[str]:
    """The grounds of one sentence written "dels A, dels B, dels C" (at least two), or []."""
    stop = re.search(r"[.!?](?=\s+[A-ZÅÄÖ]|\s*$)", text)
    sentence = text[: stop.start()] if stop else text
    marks = list(_DELS.finditer(sentence))
    if len(marks) < 2:
        return []
    items = [
        sentence[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(sentence)]
        for k, m in enumerate(marks)
    ]
    items = [re.sub(r"[,;]?\s*(?:och|samt)?\s*$", "", x.strip()).strip(" ,;") for x in items]
    return items if all(len(x.split()) >= MIN_SERIES_WORDS for x in items) else []


#: a list item's mark: a bullet, a number, a letter
_MARKED = re.compile(r"^\s*(?:[-–—•·*▪■●]|\d{1,2}[.)]|[a-h][.)])\s")
_MAX_HEADED = 15
_MAX_HEAD_WORDS = 12


def headed_items(lines: Sequence[BodyLine], j: int) -> tuple[list[tuple[int, int]], int]:
    """Items that each head a paragraph of their own: a short line without a full stop,
    the item's text going on below it in sentences (a capital on the next line)."""
    items: list[tuple[int, int]] = []
    after = j
    while j < len(lines) and len(items) < _MAX_HEADED:
        if not lines[j].text.strip():
            j += 1
            continue
        # (the paragraph under the item may stand after a blank line)
        k = next((k for k in range(j + 1, min(len(lines), j + 3)) if lines[k].text.strip()), j + 1)
        s, nxt = lines[j].text.strip(), lines[k].text.strip() if k < len(lines) else ""
        if (
            len(s.split()) > _MAX_HEAD_WORDS
            or s[-1:] in ".:;,!?"
            or not s[:1].isupper()
            or not nxt[:1].isupper()
            or _MARKED.match(s) is not None
            or re.match(r"^[^\W\d]+\s+\d{1,2}\s*[–:.-]", s)  # ("Fokusområde 1 – …": labelled)
        ):
            break
        items.append((j, j))
        j = k
        while j < len(lines) and lines[j].text.strip():
            j += 1
        after = j
    return (items, after) if len(items) >= 2 else ([], after)
