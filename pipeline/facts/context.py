"""Reading context: cue vocabularies, the body of a document as lines/paragraphs/sentences,
and the fund type and year a passage is about.

Everything the extractor knows about *how these documents are worded* lives in
``data/cues.csv`` and ``data/amount_roles.csv``; this module only compiles and applies it.
Cue matching is OCR tolerant: both the cue and the text are reduced with
:func:`pipeline.lang.fuzzy.skeleton` (lower case, å/ä/ö/a/o/é collapsed, in-word OCR symbols
repaired) and a vowel of the cue also accepts the ``d`` that OCR prints for ä/å ("ndmnden")
and ``1``/``l`` for ``i``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from pipeline.lang.fuzzy import VOWEL, loose, skeleton

__all__ = [
    "BodyLine",
    "Context",
    "Cue",
    "CueHit",
    "Sentence",
    "Paragraph",
    "clean_item_text",
    "cue_hits",
    "cues",
    "dehyphen_join",
    "find_funds",
    "find_years",
    "load_rows",
    "paragraphs",
    "sentence_year",
    "sentences",
    "strongest",
    "study_fund_of",
]

_WORD = r"[\w*]"
_FUZZY_MIN_LEN = 14
GENERIC_FUNDS = _GENERIC_FUNDS = frozenset({"FoU"})  # named only when no specific fund is
_FUZZY_MIN_SCORE = 90.0
_YEAR = re.compile(r"(?<![\d/.-])((?:19[89]|20[0-4])\d)(?![\d])")


# --------------------------------------------------------------------------- cue data


@dataclass(frozen=True)
class Cue:
    """One phrase of a vocabulary, compiled to an OCR-tolerant regex over `skeleton` text."""

    group: str
    phrase: str
    value: str
    weight: float
    scope: str = "sentence"
    case_sensitive: bool = False
    pattern: re.Pattern[str] = field(default=re.compile(""), compare=False, repr=False)
    loose: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    start: int
    end: int

    @property
    def value(self) -> str:
        return self.cue.value


def _char_class(c: str) -> str:
    if c == VOWEL:
        return r"[*d]"
    if c == "i":
        return r"[i1l|]"
    if c == "l":
        return r"[l1i|]"
    if c.isspace():
        return r"\s+"
    if c == "-":
        return r"\s*-\s*"
    if c == ".":
        return r"\.?\s*"
    return re.escape(c)


def _compile(phrase: str, case_sensitive: bool) -> re.Pattern[str]:
    words = phrase.split()
    parts: list[str] = []
    for w in words:
        if w == "*":  # any one word
            parts.append(rf"{_WORD}+")
            continue
        prefix = w.endswith("*")
        core = w.rstrip("*")
        if case_sensitive:
            body = re.escape(core)
        else:
            body = "".join(_char_class(c) for c in skeleton(core))
        parts.append(body + (rf"{_WORD}*" if prefix else ""))
    body = r"\s+".join(parts)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w*]){body}(?![\w*])", flags)


def load_rows(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in ``pipeline/data`` (lines starting with # are comments)."""
    text = resources.files("pipeline.data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


@cache
def _all_cues() -> dict[str, tuple[Cue, ...]]:
    out: dict[str, list[Cue]] = {}
    for row in load_rows("cues.csv"):
        out.setdefault(row["group"], []).append(_make_cue(row["group"], row))
    for row in load_rows("amount_roles.csv"):
        out.setdefault("role", []).append(
            _make_cue("role", {**row, "value": row["kind"]}, scope=row.get("scope") or "sentence")
        )
    return {k: tuple(v) for k, v in out.items()}


def _make_cue(group: str, row: dict[str, str], scope: str = "sentence") -> Cue:
    phrase = row["cue"].strip()
    letters = [c for c in phrase if c.isalpha()]
    case_sensitive = len(letters) <= 5 and bool(letters) and all(c.isupper() for c in letters)
    return Cue(
        group=group,
        phrase=phrase,
        value=(row.get("value") or "").strip(),
        weight=float(row.get("weight") or 1),
        scope=scope,
        case_sensitive=case_sensitive,
        pattern=_compile(phrase, case_sensitive),
        loose=loose(phrase.replace("*", "")),
    )


def cues(group: str) -> tuple[Cue, ...]:
    """The compiled cues of one vocabulary group (``fund``, ``status``, ``role`` …)."""
    return _all_cues().get(group, ())


def cue_hits(text: str, group: str, scope: str | None = None) -> list[CueHit]:
    """Every match of a group's cues in `text`, in text order (longest first on ties)."""
    skel = skeleton(text)
    lo: str | None = None
    hits: list[CueHit] = []
    for cue in cues(group):
        if scope is not None and cue.scope != scope:
            continue
        target = text if cue.case_sensitive else skel
        found = False
        for m in cue.pattern.finditer(target):
            hits.append(CueHit(cue, m.start(), m.end()))
            found = True
        if not found and _fuzzy_ok(cue):
            # OCR damage beyond the vowel classes (a letter read as another): one fuzzy look.
            lo = loose(text) if lo is None else lo
            al = (
                fuzz.partial_ratio_alignment(cue.loose, lo, score_cutoff=_FUZZY_MIN_SCORE)
                if len(lo) >= len(cue.loose)
                else None
            )
            if (
                al is not None
                and al.dest_end - al.dest_start >= 0.85 * len(cue.loose)
                and _word_edges(lo, al.dest_start, al.dest_end)
            ):
                hits.append(CueHit(cue, al.dest_start, al.dest_end))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def _fuzzy_ok(cue: Cue) -> bool:
    """May the cue be looked for fuzzily (OCR damage beyond the vowel classes)? Only long
    phrases; for amount roles not phrases with a wildcard or a short word ("ansökningar* om"
    would otherwise take "ansökningar med"), whose few letters carry the meaning."""
    if cue.case_sensitive or len(cue.phrase) < _FUZZY_MIN_LEN:
        return False
    if cue.group == "role":
        return "*" not in cue.phrase and all(len(w) >= 4 for w in cue.phrase.split())
    return True


def _word_edges(text: str, start: int, end: int) -> bool:
    """The fuzzy span starts and ends near word edges (not deep inside a word)."""
    ok_start = start == 0 or not text[start - 1].isalnum() or not text[start].isalnum()
    ok_end = end >= len(text) or not text[end].isalnum() or not text[end - 1].isalnum()
    return ok_start or ok_end


def strongest(hits: Iterable[CueHit], factor: float = 1.0) -> dict[str, float]:
    """Summed weight per value; one phrase counts once however often it occurs."""
    seen: set[str] = set()
    score: dict[str, float] = {}
    for h in hits:
        if h.cue.phrase in seen:
            continue
        seen.add(h.cue.phrase)
        score[h.value] = score.get(h.value, 0.0) + h.cue.weight * factor
    return score


# --------------------------------------------------------------------------- funds & years


def find_funds(text: str, study_fund: str = "MUL") -> list[tuple[int, int, str]]:
    """Fund mentions ``(start, end, fund_type)``; overlapping cues keep the longest, and the
    generic "FoU-medel" counts only where no specific fund (LUM, MUL …) is named."""
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for h in cue_hits(text, "fund"):
        if h.start < last_end:
            continue
        value = study_fund if h.value == "STUDY" else h.value
        out.append((h.start, h.end, value))
        last_end = h.end
    specific = [f for f in out if f[2] not in _GENERIC_FUNDS]
    return specific or out


#: a fund that takes at least this share of a document's fund mentions is what it is about
DOCUMENT_FUND_SHARE = 0.6


def document_fund(title: str | None, body: str, study_fund: str = "MUL") -> str | None:
    """The fund a whole document is about: the only fund its title names, else the fund that
    dominates its body's fund mentions (a call for LUM names LUM throughout), else None."""
    in_title = {f[2] for f in find_funds(title or "", study_fund)}
    if len(in_title) == 1:
        return in_title.pop()
    if len(in_title) > 1:
        return None
    counts: dict[str, int] = {}
    for f in find_funds(body, study_fund):
        counts[f[2]] = counts.get(f[2], 0) + 1
    total = sum(counts.values())
    if not total:
        return None
    best = max(counts, key=lambda k: counts[k])
    return (
        best if counts[best] >= DOCUMENT_FUND_SHARE * total and best not in _GENERIC_FUNDS else None
    )


def study_fund_of(text: str) -> str:
    """What a document calls its study-visit money: MUST or MUL (the default since 2016)."""
    n_must = len(re.findall(r"\bMUST\b", text))
    n_mul = len(re.findall(r"\bMUL\b", text))
    return "MUST" if n_must > n_mul else "MUL"


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Four-digit years ``(start, end, year)`` that are not part of a dnr, date or range end."""
    return [(m.start(1), m.end(1), int(m.group(1))) for m in _YEAR.finditer(text)]


_STRONG_YEAR = re.compile(
    r"(?:f[oö6é]r\s+[aåä&é]r|f[oö6é]r|under|inf[oö6é]r|[aåä&é]r)\s+((?:19[89]|20[0-4])\d)"
    r"|((?:19[89]|20[0-4])\d)\s+[aåä&é]rs",
    re.IGNORECASE,
)


def sentence_year(text: str, near: int | None = None) -> int | None:
    """The year a sentence is about: "för år 2018", "2017 års medel", "under 2018" first,
    else a bare year (the one nearest to `near` when given). Dates and dnr do not count."""
    folded = text
    strong = [
        (m.start(), int(m.group(1) or m.group(2)))
        for m in _STRONG_YEAR.finditer(folded)
        if not _in_date(folded, m.start(1) if m.group(1) else m.start(2))
    ]
    cands = strong or [(s, y) for s, _e, y in find_years(folded) if not _in_date(folded, s)]
    if not cands:
        return None
    if near is None or len(cands) == 1:
        return cands[0][1]
    return min(cands, key=lambda c: abs(c[0] - near))[1]


def _in_date(text: str, pos: int) -> bool:
    """True when the year at `pos` belongs to an ISO date, a dnr ("123/2018") or a day date."""
    before = text[max(0, pos - 12) : pos]
    after = text[pos + 4 : pos + 8]
    if re.search(r"/\s*$", before) or re.match(r"-\d\d", after):
        return True
    months = (
        r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
        r"november|december)"
    )
    return bool(re.search(rf"\d{{1,2}}\s+{months}\s+$", before, re.IGNORECASE))


# --------------------------------------------------------------------------- text units


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: its text (lines joined) and the lines it spans."""

    text: str
    first: int  # index of its first line in the caller's line list
    last: int
    page_no: int


@dataclass(frozen=True)
class Paragraph:
    first: int
    last: int
    text: str
    sentences: tuple[Sentence, ...]


_KEEP_HYPHEN_NEXT = re.compile(r"^(och|eller|samt|respektive|resp\.?|till|som)\b")


def dehyphen_join(parts: Sequence[str]) -> str:
    """Join wrapped lines: "förvalt-" + "ningen" → "förvaltningen"; "barn-" + "och" keeps
    "barn- och"; "FoU-" + "arbetet" keeps the hyphen after capitals or digits."""
    out = ""
    for raw in parts:
        part = raw.strip()
        if not part:
            continue
        if not out:
            out = part
            continue
        if out.endswith("-") and len(out) >= 2:
            prev = out[-2]
            if _KEEP_HYPHEN_NEXT.match(part):
                out = out + " " + part
            elif part[:1].isupper() and prev.isalpha():
                out = out[:-1].rstrip() + " - " + part
            elif prev.islower() and part[:1].islower():
                out = out[:-1] + part
            else:
                out = out + part
        else:
            out = out + " " + part
    return re.sub(r"[ \t]+", " ", out).strip()


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"”“'(]?[A-ZÅÄÖÉ0-9])|(?<=:)\s*\n")


def sentences(lines: Sequence[str], page_nos: Sequence[int] | None = None) -> list[Sentence]:
    """Split a run of lines into sentences (a sentence may run over several lines)."""
    text = ""
    owner: list[int] = []
    for i, ln in enumerate(lines):
        seg = ln.strip()
        if not seg:
            continue
        if text:
            text += "\n"
            owner.append(i)
        text += seg
        owner.extend([i] * len(seg))
    out: list[Sentence] = []
    start = 0
    bounds = [m.start() for m in _SENT_END.finditer(text)] + [len(text)]
    for b in bounds:
        chunk = text[start:b]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            first = owner[start + lead] if start + lead < len(owner) else owner[-1]
            last = owner[max(start, b - 1)] if owner else 0
            joined = dehyphen_join(chunk.strip().split("\n"))
            page = page_nos[first] if page_nos else 0
            out.append(Sentence(joined, first, last, page))
        start = b
    return out


def is_break(prev: str, nxt: str) -> bool:
    """Does a blank line between `prev` and `nxt` end a paragraph? Not when the sentence
    obviously goes on: the next line starts in lower case after no final punctuation, or a
    line of running text that ends in a lower-case word goes on with a number that is not
    a list enumerator ("… har nämnden avsatt totalt" / "500 000 kronor för …")."""
    p = prev.rstrip()
    n = nxt.lstrip()
    if not p or not n:
        return True
    if p[-1:] in ".!?:":
        return True
    if n[:1].islower():
        return False
    return not (
        n[:1].isdigit()
        and not _ENUMERATOR.match(n)
        and p[-1:].islower()
        and len(p.split()) >= _MIN_RUNNING_WORDS
    )


_ENUMERATOR = re.compile(r"^\d{1,2}\s?[.):]\s")
_MIN_RUNNING_WORDS = 6


def paragraphs(
    lines: Sequence[str], page_nos: Sequence[int] | None = None, headings: Sequence[bool] = ()
) -> list[Paragraph]:
    """Paragraphs of a run of lines: split at blank lines (unless the sentence goes on) and
    at headings; each with its sentences."""
    out: list[Paragraph] = []
    cur: list[int] = []

    def flush() -> None:
        if cur:
            idx = list(cur)
            sents = sentences(
                [lines[i] for i in idx], [page_nos[i] for i in idx] if page_nos else None
            )
            sents = [Sentence(s.text, idx[s.first], idx[s.last], s.page_no) for s in sents]
            text = " ".join(s.text for s in sents)
            out.append(Paragraph(idx[0], idx[-1], text, tuple(sents)))
            cur.clear()

    last_text = ""
    blank_since = False
    for i, ln in enumerate(lines):
        is_head = bool(headings) and headings[i]
        if not ln.strip():
            blank_since = True
            continue
        if is_head:
            flush()
            out.append(
                Paragraph(
                    i, i, ln.strip(), (Sentence(ln.strip(), i, i, page_nos[i] if page_nos else 0),)
                )
            )
            last_text = ""
            blank_since = False
            continue
        if blank_since and cur and is_break(last_text, ln):
            flush()
        cur.append(i)
        last_text = ln
        blank_since = False
    flush()
    return out


# --------------------------------------------------------------------------- item text


_BULLET = re.compile(r"^\s*(?:[-–—•·*▪■o●e]\s+|\d{1,2}[.)]\s+|[a-h][.)]\s+)")


def clean_item_text(s: str) -> str:
    """A list item's text without its bullet, without trailing separators, one space."""
    s = _BULLET.sub("", s, count=1)
    s = re.sub(r"\s+", " ", s).strip()
    return s.rstrip(" ,;")


# --------------------------------------------------------------------------- body & context


@dataclass(frozen=True)
class BodyLine:
    """One line of the body (page furniture removed), as the extractor reads it."""

    text: str
    page_no: int = 1
    heading: bool = False
    level: int = 0  # 1 = standard part ("Ärendet"), 2 = sub-heading; 0 = not a heading
    section: int = -1  # index of the section the line belongs to
    indent: int = 0  # leading spaces of the printed line (columns of a laid-out table)


@dataclass
class Context:
    """Document-wide reading context: the default year, what the document calls its
    study-visit money, and the headings above each line (for fund and year)."""

    lines: Sequence[BodyLine]
    default_year: int | None = None
    study_fund: str = "MUL"
    default_fund: str | None = None  # the fund the whole document is about, when it has one
    _heads: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._heads = [i for i, ln in enumerate(self.lines) if ln.heading]

    def headings_above(self, i: int) -> list[int]:
        """Indices of the headings above line `i`, nearest first, up to and including the
        nearest level-1 heading."""
        out: list[int] = []
        for h in reversed(self._heads):
            if h > i:
                continue
            out.append(h)
            if self.lines[h].level == 1:
                break
        return out

    def fund_at(self, i: int, with_default: bool = True) -> str | None:
        """The fund named by the nearest heading above line `i` that names one, else (with
        `with_default`) the fund the whole document is about."""
        for h in self.headings_above(i):
            funds = find_funds(self.lines[h].text, self.study_fund)
            if funds:
                return funds[-1][2]
        return self.default_fund if with_default else None

    def year_at(self, i: int) -> int | None:
        """The year named by the nearest heading above line `i` (any earlier heading of the
        document, the nearest first), else the document's default year."""
        for h in reversed(self._heads):
            if h > i:
                continue
            y = sentence_year(self.lines[h].text)
            if y is not None:
                return y
        return self.default_year

    def fund_before(self, i: int, limit: int = 40, with_default: bool = True) -> str | None:
        """The last fund named in the body lines before line `i` within the same section
        (at most `limit` lines back), else the heading fund."""
        j = i - 1
        stop = max(-1, i - limit)
        while j > stop:
            ln = self.lines[j]
            funds = find_funds(ln.text, self.study_fund)
            if funds:
                return funds[-1][2]
            if ln.heading:
                break
            j -= 1
        return self.fund_at(i, with_default)
