"""The standard parts of a Swedish committee document, and the decisions they hold.

Level-1 headings are the fixed parts of a tjänsteutlåtande or protokoll ("Förvaltningens
förslag till beslut", "Sammanfattning", "Ärendet", "Beslutsgång" …), listed with their
variants in ``patterns/headings.csv``. A line is such a heading when its folded text equals a
variant or is within a small edit distance of it (OCR: "Arendets beredning",
"Nocialndmndens Heslut"); "<Nämnd>s beslut" for any committee is a decision heading.

A sub-heading (level 2) is a line that
- starts with a capital letter, has at most 10 words, ends without punctuation (. , ; : !),
  is not a list item, a numbered item or a signature;
- stands on its own: it follows a blank line, the page start, a heading or a finished
  sentence, and is not a wrapped line of a paragraph (a line nearly as wide as the page's
  body lines followed by a lower-case continuation);
- is followed by body text: a blank line and then text, or directly by a line that is
  longer or ends a sentence (a run of short lines is a list, not headings).
A sub-heading whose first line ends in a function word ("… inom") continues on the next
short line.

Decisions are the numbered items ("1. …", OCR may drop the dot) of every
förslag-till-beslut and beslut section, in document order, with continuation lines joined;
a beslut section without numbers yields its "att …" clauses, numbered in order.
"""

from __future__ import annotations

import csv
import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold
from pipeline.records import CleanPage, Decision, Line, Section

__all__ = ["heading_kind", "split_sections", "find_decisions", "HeadingLine", "find_headings"]

LEVEL1_KINDS = (
    "forslag_till_beslut",
    "beslut",
    "sammanfattning",
    "bakgrund",
    "beredning",
    "arendet",
    "synpunkter",
    "beslutsgang",
    "sarskilt_uttalande",
    "bilagor",
)
MAX_SUBHEADING_WORDS = 10
#: a line between blank lines may be a longer heading: a project's or study's name
ISOLATED_HEADING_WORDS = 14
_FUNCTION_WORDS = frozenset(
    [
        "och",
        "i",
        "för",
        "av",
        "om",
        "till",
        "på",
        "med",
        "inom",
        "som",
        "att",
        "samt",
        "eller",
        "från",
        "vid",
        "mot",
        "under",
        "hos",
        "en",
        "ett",
        "den",
        "det",
        "de",
        "the",
    ]
)
_ITEM = re.compile(r"^\s*(?P<no>\d{1,2})\s*(?:[.)]\s*|\s+(?=[A-ZÅÄÖ]))(?P<text>\S.*)$")
_ATT = re.compile(r"^\s*(?:-\s*)?att\s+\S", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:nd[e]?ns|elsens|tiges|ktiges)$")


@lru_cache(maxsize=1)
def _variants() -> tuple[tuple[str, str], ...]:
    text = (
        resources.files("pipeline.understand").joinpath("patterns/headings.csv").read_text("utf-8")
    )
    rows = csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#"))
    return tuple((_norm(r["variant"]), r["kind"]) for r in rows)


def _norm(text: str) -> str:
    t = fold(text).split(":")[0]
    t = re.sub(r"[^a-z ]+", " ", t)
    return " ".join(t.split())


def heading_kind(line: str) -> str | None:
    """The level-1 kind of a line that is a standard heading, else None."""
    text = line.strip()
    if not text or len(text) > 60 or text.endswith((".", ",", ";")) or text[0] in "-•(":
        return None
    if not (text[0].isupper() or text[0] in "ÅÄÖ"):
        return None
    norm = _norm(text)
    if not norm or len(norm.split()) > 7:
        return None
    best: tuple[int, str] | None = None
    for variant, kind in _variants():
        if norm == variant:
            return kind
        allowed = 0 if len(variant) < 6 else 1 if len(variant) < 12 else 1 + len(variant) // 15
        if len(variant) >= 12 and norm.split()[-1] == variant.split()[-1]:
            allowed += 1  # the last word printed intact: more damage allowed before it
        d = Levenshtein.distance(norm, variant, score_cutoff=allowed)
        if d <= allowed and (best is None or d < best[0]):
            best = (d, kind)
    if best is not None:
        return best[1]
    words = norm.split()
    if (
        3 <= len(words) <= 5
        and " ".join(words[-3:]) == "forslag till beslut"
        and words[0].endswith("s")
    ):
        return "forslag_till_beslut"  # "Stadsdelsförvaltningens förslag till beslut"
    if (
        len(words) == 2
        and Levenshtein.distance(words[1], "beslut") <= 1
        and _POSSESSIVE.search(words[0])
        and len(words[0]) >= 7
    ):
        return "beslut"
    return None


# A sentence that opens a list of decisions in a line of its own: "Kommunstyrelsen föreslår
# att kommunfullmäktige beslutar följande.", "Kommunstyrelsen beslutar för egen del, under
# förutsättning att …, följande."
_OPENING_LINE = re.compile(
    r"^[A-ZÅÄÖ][\wåäö-]*\s+(?:föreslår|föreslås)\s+(?:att\s+)?[\wåäöÅÄÖ-]+\s+"
    r"besluta(?:r)?\s+(?:att\s+)?följande\s*[.:]?$"
    r"|^[A-ZÅÄÖ][\wåäö-]*\s+beslutar\s+för\s+egen\s+del\b.{0,200}?följande\s*[.:]?$"
)


def _opening(text: str, nxt: str) -> tuple[str, int] | None:
    """The decision-opening sentence on this line (or wrapped onto the next): its text and
    the number of lines it spans."""
    if _OPENING_LINE.match(text):
        return text, 1
    joined = f"{text} {nxt.strip()}"
    if nxt.strip() and not text.endswith((".", ":")) and _OPENING_LINE.match(joined):
        return joined, 2
    return None


@dataclass(frozen=True)
class HeadingLine:
    """A heading found on a page: where, which kind, how many lines it spans."""

    page_no: int
    index: int  # line index within the page
    kind: str  # a level-1 kind or "subheading"
    text: str
    span: int = 1


def _body_width(lines: list[str]) -> float:
    lengths = [len(ln.strip()) for ln in lines if len(ln.strip()) >= 30]
    return statistics.median(lengths) if lengths else 70.0


def _looks_like_subheading(text: str, max_words: int = MAX_SUBHEADING_WORDS) -> bool:
    text = text.strip().rstrip("\"”' ")
    words = text.split()
    if not words or len(words) > max_words or len(text) > 8 * max_words:
        return False
    if not text[0].isupper() or text.endswith((".", ",", ";", ":", "!")):
        return False
    if re.search(r"[.!?;]\s", text):
        return False  # holds the end of a sentence
    if _ITEM.match(text) or text.startswith(("- ", "(")) or _ATT.match(text):
        return False
    if len(re.findall(r"\d+", text)) >= 2 or re.search(r"\bkr\b|\bkronor\b", text):
        return False  # a table row, not a heading
    if re.match(r"^Bilaga\s*\d", text):
        return False  # an item of the list of bilagor
    return any(sum(c.isalpha() for c in w) >= 3 for w in words)


def find_headings(pages: list[list[str]], labels: list[list[str | None]]) -> list[HeadingLine]:
    """Every heading, level 1 and sub-headings, in reading order."""
    out: list[HeadingLine] = []
    for p, (lines, labs) in enumerate(zip(pages, labels, strict=True), start=1):
        body = [i for i, lab in enumerate(labs) if lab is None]
        width = _body_width([lines[i] for i in body])
        skip: set[int] = set()
        for pos, i in enumerate(body):
            if i in skip:
                continue
            text = lines[i].strip()
            if not text:
                continue
            kind = heading_kind(text)
            if kind is not None:
                out.append(HeadingLine(p, i, kind, text.rstrip(" _.-–")))
                continue
            opening = _opening(text, lines[body[pos + 1]] if pos + 1 < len(body) else "")
            if opening is not None:
                out.append(HeadingLine(p, i, "forslag_till_beslut", *opening))
                if opening[1] == 2:
                    skip.add(body[pos + 1])
                continue
            prev = lines[body[pos - 1]].strip() if pos > 0 else ""
            nxt_idx = body[pos + 1] if pos + 1 < len(body) else None
            sub = _subheading(text, prev, lines, body, pos, width)
            if sub is not None:
                heading_text, span = sub
                out.append(HeadingLine(p, i, "subheading", heading_text, span))
                if span == 2 and nxt_idx is not None:
                    skip.add(nxt_idx)
    return out


def _subheading(
    text: str, prev: str, lines: list[str], body: list[int], pos: int, width: float
) -> tuple[str, int] | None:
    if not _looks_like_subheading(text):
        # a longer title (a project's name) is a heading only where it stands alone
        alone = not prev and pos + 1 < len(body) and not lines[body[pos + 1]].strip()
        if not (alone and _looks_like_subheading(text, ISOLATED_HEADING_WORDS)):
            return None
    if prev and not (prev.endswith((".", "!", "?", ":")) or heading_kind(prev) is not None):
        return None
    following = [lines[j].strip() for j in body[pos + 1 : pos + 4]]
    if not following:
        return None
    nxt = following[0]
    last_word = fold(text.split()[-1])
    if last_word in _FUNCTION_WORDS:
        # a two-line heading: "Rekvirering av statsbidrag … inom" / "barn- och ungdomsområdet"
        if (
            nxt
            and nxt[0].islower()
            and len(nxt.split()) <= 6
            and not nxt.endswith((".", ",", ";", ":"))
            and len(following) > 1
            and (not following[1] or following[1][0].isupper())
        ):
            return f"{text} {nxt}", 2
        return None
    if len(text) >= 0.8 * width and nxt and nxt[0].islower():
        return None
    if not nxt:
        after = next((t for t in following[1:] if t), "")
        if not after or not after[0].isupper() or _looks_like_subheading(after) and len(after) < 40:
            return None
        return text, 1
    if nxt[0].islower() or (nxt[0].isdigit() and not re.match(r"^\d{1,2}\s*[.)]\s", nxt)):
        return None  # the sentence goes on ("… beräknas till cirka" / "600 000 kronor …")
    if len(nxt) >= 1.3 * len(text) and len(nxt) > 40 or nxt.endswith((".", ":", "!", "?")):
        return text, 1
    return None


def split_sections(
    pages: tuple[CleanPage, ...], headings: list[HeadingLine]
) -> tuple[Section, ...]:
    """The body split at the headings: a preamble, then one section per heading."""
    starts = {(h.page_no, h.index): h for h in headings}
    skip = {(h.page_no, h.index + k) for h in headings for k in range(1, h.span)}
    sections: list[Section] = []
    current: HeadingLine | None = None
    parent: str | None = None
    buf: list[Line] = []

    def flush() -> None:
        body = _trim(buf)
        if current is None:
            if body:
                sections.append(Section("preamble", "", 1, body[0].page_no, tuple(body)))
            return
        level = 2 if current.kind == "subheading" else 1
        sections.append(
            Section(
                kind=current.kind,
                heading=current.text,
                level=level,
                page_no=current.page_no,
                lines=tuple(body),
                parent=parent if level == 2 else None,
            )
        )

    for page in pages:
        for ln in page.lines:
            if ln.furniture is not None or (page.page_no, ln.line_no) in skip:
                continue
            h = starts.get((page.page_no, ln.line_no))
            if h is None:
                buf.append(ln)
                continue
            flush()
            buf = []
            if current is not None and current.kind != "subheading":
                parent = current.kind
            current = h
            if h.kind != "subheading":
                parent = None
    flush()
    return tuple(sections)


def _trim(lines: list[Line]) -> list[Line]:
    start, end = 0, len(lines)
    while start < end and not lines[start].text.strip():
        start += 1
    while end > start and not lines[end - 1].text.strip():
        end -= 1
    return lines[start:end]


# --------------------------------------------------------------------------- decisions


def find_decisions(sections: tuple[Section, ...]) -> tuple[Decision, ...]:
    """Numbered items (or att-clauses) of the förslag-till-beslut and beslut sections."""
    out: list[Decision] = []
    for k, sec in enumerate(sections):
        if sec.kind not in ("forslag_till_beslut", "beslut"):
            continue
        lines = sec.lines
        nxt = sections[k + 1] if k + 1 < len(sections) else None
        empty = not any(ln.text.strip() for ln in lines)
        if (
            nxt is not None
            and nxt.kind == "subheading"
            and (empty or lines[-1].text.rstrip().endswith(":"))
        ):
            # "… enligt följande:" then a label line read as a sub-heading, then the list
            label = Line(nxt.page_no, -1, nxt.heading)
            lines = (*lines, label, *nxt.lines)
        intro = _decision_intro(lines)
        if intro is not None:
            out.append(intro)
            continue
        items = (
            _numbered_items(lines)
            or _att_items(lines, need_lead=sec.kind != "beslut")
            or _sentence_items(lines, opened=_OPENING_LINE.match(sec.heading) is not None)
        )
        out.extend(items)
    return tuple(out)


# the deciding body as a sentence's subject: "Kommunstyrelsen", "Stadsdelsnämnden",
# "Arbetsutskottet", "Nämnden", "Kommunfullmäktige"
_BODY_SUBJECT = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|fullmäktige|utskottet)|Nämnden)\s+"
    r"(?!föreslår|föreslog|har\b|hade\b|ska\b|skall\b|kan\b|beslutade\b|beslutar\s+(?:i\s+enlighet|enligt)\b)"
    r"[a-zåäö]+\b"
)
_LABEL_LINE = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*s\s+förslag\s+till\s+[\wåäö-]+$")


def _sentence_items(lines: tuple[Line, ...], *, opened: bool) -> list[Decision]:
    """A decision list without numbers: the sentences of the first paragraph. Under an
    opening sentence ("… föreslår … beslutar följande.") every sentence is a decision;
    under a plain heading only when the deciding body speaks ("Kommunstyrelsen noterar
    informationen."), never a narrative proposal ("Förvaltningen föreslår …")."""
    para: list[Line] = []
    for ln in lines:
        text = ln.text.strip()
        if not text:
            if para:
                break
            continue
        if not para and _LABEL_LINE.match(text):
            continue  # "Arbetsutskottets förslag till kommunstyrelsen": the list's label
        if _ITEM.match(text) or heading_kind(text) is not None:
            break
        if re.match(r"^(?:Föredragande|Deltar ej|Justerandes|Reservation)\b", text):
            break
        para.append(ln)
    if not para:
        return []
    sentences = [s.strip() for s in _SENTENCE_END.split(_join([ln.text for ln in para]))]
    sentences = [s for s in sentences if s]
    if not sentences or not (opened or _BODY_SUBJECT.match(sentences[0])):
        return []
    if len(sentences) > 4:
        return []  # prose, not a list of decisions
    return [
        Decision(item_no=k, text=t, page_no=para[0].page_no, evidence=para[0].text)
        for k, t in enumerate(sentences, start=1)
    ]


_DECIDES_THAT = re.compile(r"\bbeslutar\s+att\s+\w")
_SEPARATOR = re.compile(r"^[_=\-–—*]{4,}$")


def _decision_intro(lines: tuple[Line, ...]) -> Decision | None:
    """An unnumbered decision sentence that opens the section ("Stadsdelsnämnden beslutar att
    godkänna … enligt följande:") is one item; a list after its colon (a label line, numbered
    projects with amounts) is part of it, not items of its own."""
    filled = [ln for ln in lines if ln.text.strip()]
    if not filled or _ITEM.match(filled[0].text) or _ATT.match(filled[0].text):
        return None
    para: list[Line] = []
    for ln in lines:
        text = ln.text.strip()
        if not text:
            if para:
                break
            continue
        if para and (_ITEM.match(text) or _SEPARATOR.match(text) or _ATT.match(text)):
            break
        para.append(ln)
        if text.endswith(":"):
            break
    joined = _join([ln.text for ln in para])
    if not _DECIDES_THAT.search(joined):
        return None
    parts = [ln.text for ln in para]
    rest = lines[lines.index(para[-1]) + 1 :]
    if joined.endswith(":"):
        expected = 1
        for ln in rest:
            text = ln.text.strip()
            if not text:
                continue
            if _SEPARATOR.match(text):
                break
            m = _ITEM.match(text)
            if m is not None and int(m.group("no")) == expected:
                expected += 1
            elif expected == 1 and len(text.split()) > 6:
                break  # a sentence, not the list's label
            elif expected > 1 and text[:1].isupper() and parts[-1].rstrip().endswith("."):
                break
            parts.append(text)
    elif any(_ITEM.match(ln.text.strip()) for ln in rest):
        return None
    return Decision(item_no=1, text=_join(parts), page_no=para[0].page_no, evidence=para[0].text)


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if text.endswith("-") and part[:1].islower() and part.split()[0] not in ("och", "eller"):
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return " ".join(text.split())


def _is_name_line(text: str) -> bool:
    """Two to eight words, every one capitalised letters only: names, not a sentence."""
    words = text.split()
    return 2 <= len(words) <= 8 and all(
        w[0].isupper() and w.replace("-", "").isalpha() for w in words
    )


def _numbered_items(lines: tuple[Line, ...]) -> list[Decision]:
    items: list[tuple[int, int, list[str], str]] = []  # (no, page, parts, evidence)
    expected = 1
    open_item = False
    blank_seen = False
    for ln in lines:
        text = ln.text.strip()
        if not text:
            blank_seen = True
            continue
        m = _ITEM.match(text)
        if (
            m is not None
            and int(m.group("no")) == expected
            and items
            and blank_seen
            and _style(items[0][3]) != _style(text)
            and not text.endswith(".")
        ):
            break  # "1. Nämnden godkänner …" then "2 Val av justerare": the next agenda item
        if m is not None and int(m.group("no")) == expected:
            items.append((expected, ln.page_no, [m.group("text")], text))
            expected += 1
            open_item, blank_seen = True, False
            continue
        if not open_item:
            if items:
                break
            continue
        if blank_seen and not text[0].islower():
            open_item = False
            break
        if (
            text[0].isupper()
            and len(text.split()) >= 2  # one capitalised word is OCR damage, not a sentence
            and (items[-1][2][-1].rstrip().endswith((".", "!", "?")) or _is_name_line(text))
            and not _list_goes_on(lines, ln, expected)
        ):
            # a text layer has no blank lines: a new sentence after a finished item, or a
            # line of names (the signatures under the proposal), ends the list
            break
        items[-1][2].append(text)
        blank_seen = False
    return [
        Decision(item_no=no, text=_join(parts), page_no=page, evidence=ev)
        for no, page, parts, ev in items
    ]


def _style(item_line: str) -> str:
    """How an item is numbered: "1." / "1)" / a bare "1"."""
    m = re.match(r"^\s*\d{1,2}\s*([.)]?)", item_line)
    return m.group(1) if m is not None else ""


_DECISION_LEAD = re.compile(r"\b(?:beslutar|besluta|föreslår|föreslås)\s*:?$")


def _wraps(line: str) -> bool:
    """Whether a line of an att-clause stops mid-phrase ("… 6 miljoner kronor för"), so that an
    "att" starting the next line continues it instead of opening a new clause."""
    text = line.rstrip()
    if not text or text.endswith((",", ";", ".", ":")) or re.search(r",\s*(?:samt|och)$", text):
        return False  # ", samt" / ", och": the next att-sats follows
    return text.endswith("-") or fold(text.split()[-1]) in {fold(w) for w in _FUNCTION_WORDS}


def _list_goes_on(lines: tuple[Line, ...], here: Line, expected: int) -> bool:
    """Whether the next item number still follows in the section, without a blank line
    between ("1. … enligt följande. / Skärholmens stadsdelsförvaltning beviljas … / 2. …"):
    the sentences are then part of the open item."""
    k = lines.index(here)
    blank = False
    for ln in lines[k + 1 :]:
        text = ln.text.strip()
        if not text:
            blank = True
            continue
        m = _ITEM.match(text)
        if m is not None:
            return int(m.group("no")) == expected
        if blank and not text[0].islower():
            return False  # a new paragraph that is not the next item
        blank = False
    return False


def _att_items(lines: tuple[Line, ...], *, need_lead: bool = False) -> list[Decision]:
    """Att-clauses ("Kommunfullmäktige beslutar / att …, / att …"), one item each, the text
    keeping its "att". With `need_lead`, only after a line ending in a decision verb."""
    items: list[tuple[int, list[str], str]] = []
    open_item = False
    led = not need_lead
    for ln in lines:
        text = ln.text.strip()
        if not text:
            open_item = False
            continue
        if _ATT.match(text) and led and not (open_item and _wraps(items[-1][1][-1])):
            items.append((ln.page_no, [text.lstrip("- ")], text))
            open_item = True
        elif open_item and (not text[0].isupper() or _ATT.match(text)):
            items[-1][1].append(text)
        elif items:
            open_item = False
        elif _DECISION_LEAD.search(text):
            led = True
    return [
        Decision(item_no=k, text=_join(parts), page_no=page, evidence=ev)
        for k, (page, parts, ev) in enumerate(items, start=1)
    ]


# --------------------------------------------------------------------------- flattened text

#: a body line this long is a whole page flattened to one line (a web page's copy of a PDF)
FLAT_LINE_CHARS = 400
_SIDA = re.compile(r"\bSida\s+\d{1,3}\s*\(\s*\d{1,3}\s*\)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")


@dataclass(frozen=True)
class FlatPage:
    """A page whose text is one long line: its text without the page number in front (or at
    the end) and, from page 2 on, without the running header."""

    page_no: int
    text: str


def flat_pages(
    pages: tuple[CleanPage, ...], headings: list[HeadingLine] | None = None
) -> list[FlatPage]:
    """The flattened pages of a document (empty when its pages have ordinary lines).

    A flattened page prints its page number first ("2 Kommunstyrelsen Protokoll …"), often
    again last; a running header repeats the start of the previous page up to "Sida n (m)".
    Printed or scanned, such a page is wrapped into lines of running text: a document with
    no standard heading on a line of its own, whose pages are full lines of prose, is read
    the same way, each page's lines joined."""
    out = _long_line_pages(pages)
    if out or headings is None or any(h.kind != "subheading" for h in headings):
        return out
    for page in pages:
        texts = [ln.text.strip() for ln in page.lines if ln.text.strip()]
        full = [t for t in texts if len(t) >= 60]
        if len("".join(texts)) < FLAT_LINE_CHARS or len(full) < 3 or len(full) < 0.5 * len(texts):
            continue
        number = re.compile(rf"^{len(out) + 1}\s+(?=[A-ZÅÄÖ])")
        head = ""
        for k in range(min(2, len(texts))):  # the page number, perhaps under a title line
            if number.match(texts[k]):
                texts[k] = number.sub("", texts[k])
                head = " ".join(texts[k].split()[:2])
                break
        for part in _split_printed_pages(texts, len(out) + 2, head):
            joined = _join(part)
            if out:
                joined = _strip_running_header(out[-1].text, joined)
            out.append(FlatPage(page.page_no, joined))
    return out


def _split_printed_pages(texts: list[str], following: int, head: str) -> list[list[str]]:
    """The printed pages within one page of wrapped text: a line that starts with the next
    page number and repeats the first two words of the page's header begins a new one."""
    parts: list[list[str]] = [[]]
    for t in texts:
        m = re.match(rf"^{following}\s+(?P<rest>\S.*)$", t)
        if m is not None and head and parts[-1] and m.group("rest").startswith(head):
            parts.append([m.group("rest")])
            following += 1
            continue
        parts[-1].append(t)
    return [p for p in parts if p]


def _long_line_pages(pages: tuple[CleanPage, ...]) -> list[FlatPage]:
    out: list[FlatPage] = []
    for page in pages:
        for ln in page.lines:
            text = ln.text.strip()
            number = len(out) + 1
            # after a flattened page, the next one may be short (the end of the document)
            if len(text) < FLAT_LINE_CHARS and not (
                out and len(text) >= 80 and text.startswith(f"{number} ")
            ):
                continue
            text = re.sub(rf"^{number}\s+", "", text)
            text = re.sub(rf"\s+{number}$", "", text)
            if out:
                text = _strip_running_header(out[-1].text, text)
            out.append(FlatPage(page.page_no, text))
    return out


def _strip_running_header(previous: str, text: str) -> str:
    sida = _SIDA.search(text[:120])
    if sida is not None:
        return text[sida.end() :]
    a, b = previous.split(), text.split()
    k = 0
    while k < min(len(a), len(b), 12) and a[k] == b[k]:
        k += 1
    return " ".join(b[k:]) if k >= 2 else text


@lru_cache(maxsize=1)
def _stop_pattern() -> re.Pattern[str]:
    """Where a flattened decision list ends: any standard heading that is not a decision
    heading, printed with its capital (``Ärendet``, ``Bakgrund``, ``Deltar ej i beslut``)."""
    text = (
        resources.files("pipeline.understand").joinpath("patterns/headings.csv").read_text("utf-8")
    )
    rows = csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#"))
    words = sorted(
        {
            r["variant"]
            for r in rows
            if r["kind"] not in ("forslag_till_beslut", "beslut", "bilagor")
        },
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")


# "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande." / "… föreslår
# kommunfullmäktige besluta följande" / "Kommunstyrelsen beslutar för egen del, …, följande."
_PROPOSES = re.compile(
    r"\b(?:föreslår|föreslås)\s+(?:att\s+)?[\wåäöÅÄÖ-]+\s+besluta(?:r)?\s+(?:(?:att\s+)?följande)\s*[.:]?"
    r"|\bbeslutar\s+för\s+egen\s+del\b[^.]{0,250}?följande\s*[.:]?"
)
_HEADING_TRIGGER = re.compile(
    r"(?<![\w-])(?:(?:[A-ZÅÄÖ][\wåäö-]*s\s+förslag|Förslag)\s+till\s+beslut|Beslut)"
    r"(?!\s+om\b)\s+(?=\d{1,2}\.\s|[A-ZÅÄÖ])"
)
# a sub-heading that opens a list: "Arbetsutskottets förslag till kommunstyrelsen"
_LIST_LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*s\s+förslag\s+till\s+[\wåäö-]+\s+(?=[A-ZÅÄÖ])")
_FLAT_NUMBER = re.compile(r"(?:(?<=\s)|^)(?P<no>\d{1,2})\.\s+(?=[A-ZÅÄÖ])")
_PAGE_BREAK = "\f"


def flat_decisions(flat: list[FlatPage]) -> list[Decision]:
    """Decisions of flattened pages: the text after "Beslut", "Förslag till beslut" or
    "… föreslår … besluta(r) följande" up to the next such opening or a standard heading;
    numbered items, else one item per sentence. A list repeated word for word later (the
    proposal printed again under the protocol's decision) is read once."""
    if not flat:
        return []
    text = ""
    page_at: list[tuple[int, int]] = []  # (offset, page_no)
    for fp in flat:
        if text:
            text += f" {_PAGE_BREAK} "
        page_at.append((len(text), fp.page_no))
        text += fp.text
    opens: list[tuple[int, int]] = []  # (start of the opening sentence, start of the list)
    for m in _PROPOSES.finditer(text):
        head = max(text.rfind(". ", 0, m.start()), text.rfind(": ", 0, m.start()))
        start = head + 2 if head >= 0 and m.start() - head < 250 else m.start()
        opens.append((start, m.end()))
    for m in _HEADING_TRIGGER.finditer(text):
        if not any(a <= m.start() < b for a, b in opens):
            opens.append((m.start(), m.end()))
    opens.sort()
    out: list[Decision] = []
    seen: list[str] = []
    for k, (_, begin) in enumerate(opens):
        end = opens[k + 1][0] if k + 1 < len(opens) else len(text)
        stop = _stop_pattern().search(text, begin, end)
        if stop is not None:
            end = stop.start()
        segment = _drop_signature(_LIST_LABEL.sub("", text[begin:end].strip()))
        page_no = max((p for off, p in page_at if off <= begin), default=flat[0].page_no)
        items = _flat_items(segment)
        norm = [" ".join(i.replace(_PAGE_BREAK, " ").split()) for i in items]
        if norm and all(any(s.startswith(n.rstrip(" .")) for s in seen) for n in norm):
            continue
        seen.extend(norm)
        out.extend(
            Decision(item_no=n, text=t, page_no=page_no, evidence=t[:80])
            for n, t in enumerate(norm, start=1)
            if t
        )
    return out


def _drop_signature(segment: str) -> str:
    """The list without the signatures printed after its last sentence ("… stadsdelsnämnder.
    Gunilla Berg Förvaltningschef"): a few capitalised words after the final full stop."""
    m = re.search(r"(?<=[.!?])\s+(?P<tail>[^.!?]*)$", segment)
    if m is None:
        return segment
    words = m.group("tail").split()
    if 2 <= len(words) <= 8 and all(w[:1].isupper() for w in words):
        return segment[: m.start()]
    return segment


def _flat_items(segment: str) -> list[str]:
    numbers = list(_FLAT_NUMBER.finditer(segment))
    if numbers and numbers[0].start() < 3 and numbers[0].group("no") == "1":
        return _flat_numbered(segment, numbers)
    lead = re.match(r"^(?:[A-ZÅÄÖ][\wåäö-]*\s+)?beslutar\s+(?=att\s)|^(?=att\s)", segment)
    if lead is not None:
        # att-satser: "Kommunfullmäktige beslutar att …, att …, samt att …"
        clauses = re.split(r"(?<=[,;])\s+(?=att\s)|(?<=\bsamt)\s+(?=att\s)", segment[lead.end() :])
        return [c.replace(_PAGE_BREAK, " ").strip() for c in clauses if c.strip()]
    pieces: list[str] = []
    for part in segment.split(_PAGE_BREAK):
        pieces.extend(p.strip() for p in _SENTENCE_END.split(part) if p.strip())
    return pieces


def _flat_numbered(segment: str, numbers: list[re.Match[str]]) -> list[str]:
    starts: list[tuple[int, int, int]] = []  # (item number, start of number, start of text)
    expected = 1
    for m in numbers:
        no = int(m.group("no"))
        before = segment[: m.start()].rstrip()
        if before.endswith(":"):
            continue  # "Finansiering sker ur …: 2. Till …" — a sub-list inside the item
        if no == expected or (no == expected + 1 and starts):
            starts.append((no, m.start(), m.end()))
            expected = no + 1
    items: list[tuple[int, str]] = []
    for k, (no, _, text_start) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(segment)
        if items and no == items[-1][0] + 2:
            items.extend(_split_lost(items.pop()))
        items.append((no, segment[text_start:end].strip()))
    if items:
        items[-1:] = _split_after_break(items[-1], [t for _, t in items[:-1]])
    return [t.replace(_PAGE_BREAK, " ").strip() for _, t in items]


def _split_lost(item: tuple[int, str]) -> list[tuple[int, str]]:
    """An item whose successor's number was lost ("… i bilaga Resursfördelningsmodellen
    införs …"): split before the last capitalised word that follows a lower-case word
    without punctuation and starts a clause (a lower-case word after it)."""
    no, text = item
    cands = [
        m.start("w")
        for m in re.finditer(r"[a-zåäö\d]\s+(?P<w>[A-ZÅÄÖ][a-zåäö]{3,})\s+[a-zåäö]", text)
        if not m.group("w").startswith("Stockholm")
    ]
    cands = [c for c in cands if len(text) - c >= 40 and c >= 20]
    if not cands:
        return [item]
    cut = cands[-1]
    return [(no, text[:cut].strip()), (no + 1, text[cut:].strip())]


def _split_after_break(item: tuple[int, str], earlier: list[str]) -> list[tuple[int, str]]:
    """The last item runs over a page break: what follows the break is a new item whose
    number was lost when it finished a sentence and starts as earlier items start."""
    no, text = item
    if _PAGE_BREAK not in text:
        return [item]
    before, after = text.split(_PAGE_BREAK, 1)
    before, after = before.strip(), after.strip()
    lead = " ".join(after.split()[:2])
    if (
        before.endswith(".")
        and after[:1].isupper()
        and len(lead.split()) == 2
        and any(e.startswith(lead) for e in [*earlier, before])
    ):
        return [(no, before), (no + 1, after)]
    return [(no, f"{before} {after}")]
