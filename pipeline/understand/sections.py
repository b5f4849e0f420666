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

Decisions are read in ``decisions.py``, flattened pages in ``flat.py``.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold
from pipeline.records import CleanPage, Line, Section
from pipeline.understand.heading_shapes import (
    DATED_NAME,
    FULL_WIDTH,
    FUNCTION_WORDS,
    LABELLED,
    OWNER_ALONE,
    wrapped_title,
)
from pipeline.understand.item_numbers import ITEM as _ITEM
from pipeline.understand.vocabulary import pattern_rows

__all__ = ["heading_kind", "split_sections", "HeadingLine", "find_headings"]

MAX_SUBHEADING_WORDS = 10
#: a line between blank lines may be a longer heading: a project's or study's name
ISOLATED_HEADING_WORDS = 14
#: a line that ends on one of these verbs goes on in the next line: no heading
_GOES_ON_VERBS = frozenset(
    ["beviljas", "foreslas", "tilldelas", "avslas", "ar", "har", "ska", "kan", "bor", "maste"]
)
#: an att-sats, bare, after a dash, or lettered ("a) att bevilja …", "(b) att …")
_ATT = re.compile(r"^\s*(?:-\s*|\(?[a-h]\)\s*|[a-h]\.\s+)?att\s+\S", re.IGNORECASE)
#: what stands before an att-sats' "att": a dash or a letter
ATT_MARK = re.compile(r"^\s*(?:-\s*|\(?[a-h]\)\s*|[a-h]\.\s+)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:nd[e]?ns|mnds|elsens|tiges|ktiges|utskottets)$")
#: "Stadsdelsförvaltningens förslag till beslut", "Förslag till beslut - kommunstyrelsen"
_PROPOSAL = re.compile(
    r"\w*s(?: \w+)? forslag till beslut"
    r"|forslag till beslut (?:till )?(?:\w*namnden|\w+styrelsen|\w*fullmaktige)"
)


@lru_cache(maxsize=1)
def _variants() -> tuple[tuple[str, str], ...]:
    rows = pattern_rows("headings.csv")
    return tuple((_norm(r["variant"]), r["kind"]) for r in rows)


_REVISED = re.compile(r"\s*\((?:rättat|rättad|reviderat|reviderad|ändrat|ändrad|nytt)\)\s*$", re.I)


def _norm(text: str) -> str:
    t = fold(text).split(":")[0]
    t = re.sub(r"[^a-z ]+", " ", t)
    return " ".join(t.split())


#: the narrative headings that may be joined to more by "och" and still open their section
_CONTEXT_KINDS = {"sammanfattning": "sammanfattning", "bakgrund": "bakgrund", "arendet": "arendet"}


@lru_cache(maxsize=65536)
def heading_kind(line: str) -> str | None:
    """The level-1 kind of a line that is a standard heading, else None."""
    text = line.strip()
    if not text or len(text) > 60 or text.endswith((".", ",", ";")) or text[0] in "-•(":
        return None
    # ("Förvaltningens förslag till beslut (rättat)": a heading reprinted as corrected)
    text = _REVISED.sub("", text)
    section_no = re.match(r"\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-ZÅÄÖ])", text)
    if section_no:
        # "1. Sammanfattning": a numbered section's heading, its words a heading's exactly
        norm = _norm(text[section_no.end() :])
        return next((kind for variant, kind in _variants() if norm == variant), None)
    if not (text[0].isupper() or text[0] in "ÅÄÖ"):
        return None
    norm = _norm(text)
    if not norm or len(norm.split()) > 7:
        return None
    best: tuple[int, str] | None = None
    # "Ärende 9" in a letterhead: an agenda item's number, not "Ärendet" misread; a numbered
    # line is a heading only when its words are one exactly ("Bilaga 1")
    # (a digit inside a word is OCR's letter: "Förslag t1l1 beslut")
    numbered = bool(re.search(r"(?<![^\W\d_])\d+(?![^\W\d_])", text))
    for variant, kind in _variants():
        if norm == variant:
            return kind
        if numbered:
            continue
        allowed = 0 if len(variant) < 6 else 1 if len(variant) < 12 else 1 + len(variant) // 15
        if len(variant) >= 12 and norm.split()[-1] == variant.split()[-1]:
            allowed += 1  # the last word printed intact: more damage allowed before it
        d = Levenshtein.distance(norm, variant, score_cutoff=allowed)
        if d <= allowed and (best is None or d < best[0]):
            best = (d, kind)
    if best is not None:
        return best[1]
    words = norm.split()
    head, och, _tail = norm.partition(" och ")
    if och and len(words) <= 5 and head in _CONTEXT_KINDS:
        # "Sammanfattning och revisionell bedömning", "Bakgrund och syfte"
        return _CONTEXT_KINDS[head]
    if _PROPOSAL.fullmatch(norm):
        return "forslag_till_beslut"
    if (
        (  # ("Hägerstens stadsdelsnämnds beslut": the district's name before it)
            len(words) in (2, 3)
            and Levenshtein.distance(words[-1], "beslut") <= 1
            and _POSSESSIVE.search(words[-2])
            and len(words[-2]) >= 7
        )
        or (
            # "Social- och arbetsmarknadsnämndens beslut": a committee named by two fields (the
            # hyphen of "Social-" gone in the normal form)
            len(words) == 4
            and words[1] == "och"
            and Levenshtein.distance(words[3], "beslut") <= 1
            and _POSSESSIVE.search(words[2])
        )
        or (
            # "Socialtjanstnamndensbeslut": the space lost by OCR
            len(words) == 1
            and len(words[0]) >= 13
            and words[0].endswith("beslut")
            and _POSSESSIVE.search(words[0][: -len("beslut")]) is not None
        )
    ):
        return "beslut"
    return None


# A sentence that opens a list of decisions in a line of its own: "Kommunstyrelsen föreslår
# att kommunfullmäktige beslutar följande.", "Kommunstyrelsen beslutar för egen del, under
# förutsättning att …, följande."
_OPENING_LINE = re.compile(
    r"^[A-ZÅÄÖ][\wåäö-]*\s+(?:föreslår|föreslås)\s+(?:att\s+)?[\wåäöÅÄÖ-]+\s+"
    r"(?:för\s+egen\s+del\s+)?besluta(?:r)?\s+(?:att\s+)?följande\s*[.:]?$"
    r"|^[A-ZÅÄÖ][\wåäö-]*\s+beslutar\s+för\s+egen\s+del\b.{0,200}?följande\s*[.:]?$"
    # "Stadsdelsnämnden beslutar" ("beslöt", "beslutade" in an old protocol) on a line of its
    # own over its att-items (a protocol's § without a "Beslut" heading)
    # ("FoU-rådet beslutade": a council's minutes)
    r"|^[A-ZÅÄÖ](?:[\wåäö-]*n|[\wåäö-]{2,}et)\s+(?:beslutar|beslöt|beslutade)\s*:?$"
    # "Kommunstyrelsen beslutar följande." on a line of its own under the title (an
    # utlåtande without a "Förslag till beslut" heading)
    r"|^[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|fullmäktige|utskottet)\s+beslutar\s+följande\s*[.:]?$"
    # "Kommunstyrelsen föreslår att kommunfullmäktige beslutar" over its att-satser
    # (not "Vi föreslår …": the members who reserve themselves)
    r"|^(?!Vi\b|Jag\b)[A-ZÅÄÖ][\wåäö-]*\s+(?:föreslår|föreslås)\s+(?:att\s+)?[\wåäöÅÄÖ-]+\s+"
    r"besluta(?:r)?\s*:?$"
    # "Borgarrådsberedningen föreslår att kommunstyrelsen fattar följande beslut"
    r"|^[A-ZÅÄÖ][\wåäö-]*\s+(?:föreslår|föreslås)\s+(?:att\s+)?[\wåäöÅÄÖ-]+\s+"
    r"(?:för\s+egen\s+del\s+)?fatta(?:r)?\s+följande\s+beslut\s*[.:]?$"
)


#: lines between a decision heading and a "… beslutar" line that belongs to it
_UNDER_HEADING = 3


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


#: a project's or study's label: "Studie 2: Name", "Projekt B – Name"
_PROJECT_LABEL = re.compile(
    r"^(?:delprojekt|projekt|studie|utvärdering|uppdrag)\s+(?:\d{1,2}|[A-H])\s*[:.–-]\s*\S",
    re.IGNORECASE,
)
#: a name and its subtitle, parted by a dash between spaces
_SUBTITLE = re.compile(r"\w\s[–—-]\s\w")


_FIELD_LINE = re.compile(
    r"(?:(?:med)?sokande|samverkanspart\w*|projektledare|kontaktperson|utforare|ansvarig\w*)"
    r"\s*:\s*\S"
)


#: a heading set in capitals ("SÖDERMALMS STADSDELSFÖRVALTNING", "BARN OCH UNGA")
_CAPITALS = re.compile(r"^(?=.*[A-ZÅÄÖ]{4})[A-ZÅÄÖÉ][A-ZÅÄÖÉ0-9 ,&/–-]{3,70}$")


#: the money column's head at the end of a row of wide gaps
_MONEY_COLUMN = re.compile(r"\S\s{3,}(?:kronor|kr|tkr|sek|belopp|kostnad|summa)\.?\s*$", re.I)


#: a lettered section's mark: "A. Förutsättningar", "B. Bedömningskriterier"
LETTERED = re.compile(r"^[A-H]\.\s+(?=[A-ZÅÄÖ][a-zåäö])")


def _looks_like_subheading(text: str, max_words: int = MAX_SUBHEADING_WORDS) -> bool:
    text = LETTERED.sub("", text.strip().rstrip("\"”' "))
    words = text.split()
    if not words or len(words) > max_words or len(text) > 8 * max_words:
        return False
    if not text[0].isupper() or text.endswith((".", ",", ";", ":", "!")):
        return False
    if re.search(r"[.!?;]\s", text):
        return False  # holds the end of a sentence
    if _ITEM.match(text) or text.startswith(("- ", "(")) or _ATT.match(text):
        return False
    if _FIELD_LINE.match(fold(text)):
        return False  # "Medsökande: Spånga-Tensta stadsdelsförvaltning": a field, no heading
    # (a period ends a heading's words: "Föreslagna studier 2006–2007")
    numbers = re.sub(r"(?<!\d)(?:19|20)\d\d\s*[–-]\s*(?:19|20)?\d\d$", "", text)
    if len(re.findall(r"\d+", numbers)) >= 2 or re.search(r"\b(?:kr|tkr|mkr|mnkr|kronor)\b", text):
        return False  # a table row, not a heading
    if _MONEY_COLUMN.search(text) and not re.search(r"\d", text):
        return False  # "Kostnadspost          Kronor": a table's header row
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
                # "Stadsdelsnämnden beslutar": decided, as under a "Beslut" heading
                decided = re.search(r"\sbeslutar\s*:?$", opening[0]) is not None
                kind = "beslut" if decided else "forslag_till_beslut"
                under = (
                    out
                    and out[-1].page_no == p
                    and out[-1].kind in ("beslut", "forslag_till_beslut")
                    and i - out[-1].index <= _UNDER_HEADING
                )
                if decided and under:
                    continue  # "Beslut" / "Stadsdelsnämnden beslutar": the section is open
                out.append(HeadingLine(p, i, kind, *opening))
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
    # a name with its subtitle ("Barn i skuggan – stödgrupper för …") opening a paragraph
    titled = not prev and _SUBTITLE.search(text) is not None
    if not _looks_like_subheading(text):
        # a longer title (a project's name) is a heading only where it stands alone
        alone = not prev and pos + 1 < len(body) and not lines[body[pos + 1]].strip()
        if not ((alone or titled) and _looks_like_subheading(text, ISOLATED_HEADING_WORDS)):
            return None
    if prev and not (prev.endswith((".", "!", "?", ":")) or heading_kind(prev) is not None):
        return None
    following = [lines[j].strip() for j in body[pos + 1 : pos + 4]]
    if not following:
        return None
    nxt = following[0]
    last_word = fold(text.split()[-1])
    if (
        last_word in _GOES_ON_VERBS
        and nxt
        and (re.search(r"[”“\"]", text) or re.match(r"(?:for|till|med|enligt)\b", fold(text)))
    ):
        return None  # "För projektet ”…” beviljas" ⏎ "Bromma sdf 200 000 kronor.": a sentence
    if last_word in FUNCTION_WORDS:
        # a two-line heading: "Rekvirering av statsbidrag … inom" / "barn- och ungdomsområdet"
        if (
            nxt
            and nxt[0].islower()
            and len(nxt.split()) <= 6
            and not nxt.endswith((".", ",", ";", ":"))
            and len(following) > 1
            and (not following[1] or following[1][0].isupper())
            # (not the intro of a list whose items go on its sentence: "… utifrån om" ⏎
            # "utvecklingsarbetet" ⏎ "• utgår från …")
            and not re.match(r"[-–•*]\s+[a-zåäö]", next((t for t in following[1:] if t), ""))
        ):
            return f"{text} {nxt}", 2
        return None
    if not prev and _PROJECT_LABEL.match(text) and nxt and nxt[:1].isupper():
        return text, 1  # "Studie 2: Skolgång och …" over its paragraph
    if wrapped_title(text, prev, following):
        return f"{text} {nxt}", 2
    if len(text) >= 0.8 * width and nxt and nxt[0].islower():
        return None
    if not nxt:
        after = next((t for t in following[1:] if t), "")
        # (a lettered section's heading may stand over a list: "A. Förutsättningar" ⏎ ⏎ "☐ …")
        listed = LETTERED.match(text) is not None and after[:1] in ("-", "–", "•", "☐", "*")
        if not after or not (after[0].isupper() or listed):
            return None
        if OWNER_ALONE.match(text):
            return text, 1  # a förvaltning's name alone between blank lines heads its part
        if (
            _looks_like_subheading(after)
            and len(after) < 40
            and not _CAPITALS.match(text)
            and not LABELLED.match(after)
        ):
            # a run of short lines (a list); a line in capitals heads what follows, and so
            # does a line over a form's fields ("Redovisning av studier 2013" ⏎ ⏎ "Studie: …")
            return None
        return text, 1
    if nxt[0].islower() or (nxt[0].isdigit() and not re.match(r"^\d{1,2}\s*[.)]\s", nxt)):
        return None  # the sentence goes on ("… beräknas till cirka" / "600 000 kronor …")
    if len(nxt) >= 1.3 * len(text) and len(nxt) > 40 or nxt.endswith((".", ":", "!", "?")):
        return text, 1
    if not prev and DATED_NAME.search(text):
        return text, 1  # "Ungdomslotsar i Rågsved (2015)" over its paragraph
    if (
        width >= FULL_WIDTH  # (in a narrow column a short line is no sign)
        and len(nxt) >= max(0.8 * width, len(text) + 10)
        and len(text) + 1 + len(nxt.split()[0]) <= width
        and not LABELLED.match(nxt)  # (a name over its form's fields: the form's reader's)
    ):
        # a line with no stop over a full line that opens a paragraph, the first word of
        # which would have fitted after it: a wrapped sentence would have taken it
        # ("Socialsekreterares arbetsmiljö och personalomsättning" ⏎ "Karlstads …")
        return text, 1
    goes_on = fold(nxt.split()[-1]) in FUNCTION_WORDS or (
        len(following) > 1 and following[1][:1].islower()
    )
    if titled and len(nxt) > 40 and (goes_on or not _looks_like_subheading(nxt)):
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
