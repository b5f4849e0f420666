"""Document metadata: committee, document type, dnr, dates, title, handläggare, signatories.

Each field records the line it came from (`evidence`) and a confidence. Where a field can be
read from several places the most specific wins:

committee     "Till <nämnd>" in the page-1 header > "<Nämnd>s beslut" heading >
              "Protokoll(sutdrag) … <nämnd>" at the top > "<ABBR> <date>" in the header
              (SOTN 2005-04-19) > the committee named in the first decision > the
              förvaltning of the letterhead (Socialförvaltningen → Socialnämnden) > the
              committee named most often.
doc_type      weighted signals of ``patterns/doc_types.csv`` read at the top of page 1, on
              the first two pages and from the kinds of page-1 sections.
dnr           a labelled dnr on page 1 > a labelled dnr in a header > an unlabelled one of
              dnr shape on page 1 > a labelled one anywhere.
meeting_date  the date beside or under the committee in the "Till" block, beside a committee
              abbreviation, or after "sammanträde" at the top of page 1.
doc_date      another date of the page-1 header; for a protokoll(sutdrag) the meeting date.
title         the paragraph just above the first standard heading of page 1, else the text
              of an "Ärendet: <title>" heading.
handlaggare   the name after "Handläggare", on the same line or the next, with a committee
              read from the neighbouring letterhead column split off.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold, get_lexicon
from pipeline.records import CleanPage, DocumentMeta, Section, Signatory
from pipeline.understand.dates import find_dates
from pipeline.understand.dnr import find_dnrs
from pipeline.understand.sections import HeadingLine, _join

__all__ = [
    "CommitteeMention",
    "find_committees",
    "extract_meta",
    "find_signatories",
    "role_of",
]

TOP_LINES = 18  # lines of page 1 read as "the top"


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("pipeline.understand").joinpath(f"patterns/{name}").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@lru_cache(maxsize=1)
def _committees() -> tuple[tuple[str, str, bool], ...]:
    """(folded variant, canonical, is_abbreviation)."""
    out: list[tuple[str, str, bool]] = []
    for row in _read_csv("committees.csv"):
        for v in row["variants"].split("|"):
            v = v.strip()
            out.append((v if v.isupper() else fold(v), row["canonical"], v.isupper()))
    return tuple(out)


@lru_cache(maxsize=1)
def _administrations() -> tuple[tuple[str, str], ...]:
    return tuple(
        (fold(r["administration"]), r["committee"]) for r in _read_csv("administrations.csv")
    )


@lru_cache(maxsize=1)
def _roles() -> tuple[str, ...]:
    return tuple(r["role"] for r in _read_csv("roles.csv"))


# --------------------------------------------------------------------------- committees


@dataclass(frozen=True)
class CommitteeMention:
    canonical: str
    as_printed: str
    start: int
    end: int


_WORD = re.compile(r"[A-Za-zÅÄÖåäöéü][\wåäöÅÄÖé-]*")
_SDN = re.compile(
    r"(?P<name>[A-ZÅÄÖ][a-zåäöé]+(?:[-–][A-ZÅÄÖ][a-zåäöé]+)*)\s+"
    r"(?P<word>stadsdelsn[äa]mnd(?:s|en|ens)?|stadsdelsf[öo]rvaltning(?:s|en|ens)?)\b"
)


def find_committees(text: str, *, administrations: bool = False) -> list[CommitteeMention]:
    """Committees named in `text` (singular forms; "stadsdelsnämnderna" is not one).
    With `administrations`, a förvaltning's name counts for its committee."""
    out: list[CommitteeMention] = []
    for m in _SDN.finditer(text):
        if "rvaltning" in m.group("word") and not administrations:
            continue
        out.append(
            CommitteeMention(f"{m.group('name')} stadsdelsnämnd", m.group(), m.start(), m.end())
        )
    for m in _WORD.finditer(text):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        found = _committee_word(m.group(), administrations)
        if found is not None:
            out.append(CommitteeMention(found, m.group(), m.start(), m.end()))
    return sorted(out, key=lambda c: c.start)


def _committee_word(word: str, administrations: bool) -> str | None:
    bare = word.rstrip(".,:;")
    for variant, canonical, abbreviation in _committees():
        if abbreviation:
            if bare == variant and len(variant) >= 3:
                return canonical
            continue
        f = fold(bare)
        for form in (f, f[:-1] if f.endswith("s") else f):
            allowed = 0 if len(variant) < 9 else 2
            if Levenshtein.distance(form, variant, score_cutoff=allowed) <= allowed:
                return canonical
    if administrations:
        f = fold(bare)
        for variant, committee in _administrations():
            for form in (f, f[:-1] if f.endswith("s") else f):
                if Levenshtein.distance(form, variant, score_cutoff=2) <= 2:
                    return committee
    return None


# --------------------------------------------------------------------------- roles


def role_of(word: str) -> str | None:
    """The canonical role a printed (possibly OCR-damaged) word stands for."""
    f = fold(word.strip(".,:;"))
    if len(f) < 5:
        return None
    for role in _roles():
        r = fold(role)
        if " " in r:
            continue
        allowed = 0 if len(r) < 7 else 1 if len(r) < 10 else 2
        if Levenshtein.distance(f, r, score_cutoff=allowed) <= allowed:
            return role
    return None


def _roles_in(line: str) -> list[tuple[str, str]] | None:
    """The roles that make up the end of a line ("… Förvaltningschef Avdelningschef"),
    as (canonical, printed); None unless the line ends in one."""
    tokens = line.split()
    found: list[tuple[str, str]] = []
    k = len(tokens)
    while k > 0:
        role = role_of(tokens[k - 1])
        if role is None:
            break
        printed = tokens[k - 1]
        if k >= 2 and fold(tokens[k - 2]) in ("biträdande", "bitradande", "vice", "tf", "t.f."):
            role = f"{fold(tokens[k - 2]).replace('bitradande', 'biträdande')} {role}"
            printed = f"{tokens[k - 2]} {printed}"
            k -= 1
        found.insert(0, (role, printed))
        k -= 1
    return found or None


def _styled(role: str, printed: str) -> str:
    return role[:1].upper() + role[1:] if printed[:1].isupper() else role


# --------------------------------------------------------------------------- names

_NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?$")


def _name_run(line: str) -> list[str]:
    """The capitalised name tokens at the end of a line (after an address or a label)."""
    tokens = line.split()
    run: list[str] = []
    for tok in reversed(tokens):
        if _NAME_TOKEN.match(tok) and fold(tok) not in ("till", "telefon", "handlaggare"):
            run.insert(0, tok)
        else:
            break
    return run


def _split_names(tokens: list[str], n: int, line: str) -> list[str] | None:
    """Split the name tokens of `n` signatures printed on one line."""
    if n == 1:
        return [" ".join(tokens)] if 2 <= len(tokens) <= 4 else None
    gap = [p.split() for p in re.split(r"\s{3,}", line.strip())]
    if len(gap) >= n and all(2 <= len(g) <= 4 for g in gap[-n:]):
        return [" ".join(g) for g in gap[-n:]]
    if n != 2 or not 4 <= len(tokens) <= 8:
        return None
    lex = get_lexicon()
    # the second name starts where a common given name follows a rare surname
    best = max(
        range(2, len(tokens) - 1),
        key=lambda k: (
            lex.zipf(tokens[k]) - lex.zipf(tokens[k - 1]),
            -abs(k - len(tokens) / 2),
        ),
    )
    return [" ".join(tokens[:best]), " ".join(tokens[best:])]


def find_signatories(
    pages: tuple[CleanPage, ...], sections: tuple[Section, ...]
) -> list[Signatory]:
    """Signatures: a role line under a name line (two of each side by side allowed), and
    in a proposal or decision section, bare name lines after the items."""
    out: list[Signatory] = []
    used: set[tuple[int, int]] = set()
    for page in pages:
        lines = page.lines
        for i, ln in enumerate(lines):
            roles = _roles_in(ln.text)
            if roles is None:
                continue
            for j in range(i - 1, max(-1, i - 4), -1):
                cand = lines[j].text
                if not cand.strip():
                    continue
                tokens = _name_run(cand)
                names = _split_names(tokens, len(roles), cand) if tokens else None
                if names is None:
                    continue
                for name, (role, printed) in zip(names, roles, strict=True):
                    out.append(Signatory(name, _styled(role, printed), page.page_no))
                used.update({(page.page_no, i), (page.page_no, j)})
                break
    for sec in sections:
        if sec.kind not in ("forslag_till_beslut", "beslut"):
            continue
        for ln in sec.lines:
            if (ln.page_no, ln.line_no) in used or not _bare_name(ln.text):
                continue
            out.append(Signatory(ln.text.strip(), None, ln.page_no))
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for s in out:
        if (s.name, s.role) not in seen:
            seen.add((s.name, s.role))
            unique.append(s)
    return unique


def _bare_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    lex = get_lexicon()
    # at least one token that is not an ordinary word: a name, not a phrase
    return any(lex.zipf(t) < 4.0 for t in tokens) and not find_committees(text)


# --------------------------------------------------------------------------- metadata


_TILL = re.compile(r"(?:^|\s)Till(?:\s|$)")
_HANDLAGGARE = re.compile(r"^\s*Handl[äa]ggare\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_SAMMANTRADE = re.compile(r"sammantr[äa]de(?:t|sdatum|sdag)?\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"^§\s*\d+\s*")


@dataclass
class _Field:
    value: object
    evidence: str
    confidence: float


def extract_meta(
    pages: tuple[CleanPage, ...],
    sections: tuple[Section, ...],
    headings: list[HeadingLine],
    title_lines: list[int],
) -> DocumentMeta:
    """Metadata from the repaired pages, their sections and the page-1 title lines."""
    if not pages:
        return DocumentMeta()
    p1 = pages[0]
    fields: dict[str, _Field] = {}
    committee = _committee(pages, sections, headings)
    if committee is not None:
        fields["committee"] = committee
    meeting = _meeting_date(p1, committee)
    if meeting is not None:
        fields["meeting_date"] = meeting
    doc_type = _doc_type(pages, headings)
    fields["doc_type"] = doc_type
    dnr = _dnr(pages)
    if dnr is not None:
        fields["dnr"] = dnr
    doc_date = _doc_date(p1, headings, meeting)
    if doc_type.value in ("protokollsutdrag", "protokoll") and meeting is not None:
        doc_date = _Field(meeting.value, meeting.evidence, meeting.confidence)
    if doc_date is not None:
        fields["doc_date"] = doc_date
    title = _title(p1, title_lines, sections)
    if title is not None:
        fields["title"] = title
    handl = _handlaggare(p1)
    if handl is not None:
        fields["handlaggare"] = handl

    def val(name: str) -> object:
        f = fields.get(name)
        return f.value if f is not None else None

    comm = val("committee")
    dnr_v = val("dnr")
    return DocumentMeta(
        committee=comm[0] if isinstance(comm, tuple) else None,
        committee_as_printed=comm[1] if isinstance(comm, tuple) else None,
        doc_type=str(val("doc_type")) if val("doc_type") else None,
        dnr=dnr_v[0] if isinstance(dnr_v, tuple) else None,
        dnr_as_printed=dnr_v[1] if isinstance(dnr_v, tuple) else None,
        doc_date=_as_date(val("doc_date")),
        meeting_date=_as_date(val("meeting_date")),
        title=str(val("title")) if val("title") else None,
        handlaggare=str(val("handlaggare")) if val("handlaggare") else None,
        evidence={k: f.evidence for k, f in fields.items()},
        confidence={k: f.confidence for k, f in fields.items()},
    )


def _as_date(v: object) -> dt.date | None:
    return v if isinstance(v, dt.date) else None


def _top(page: CleanPage, n: int = TOP_LINES) -> list[str]:
    filled = [ln.text for ln in page.lines if ln.text.strip()]
    return filled[:n]


def _committee(
    pages: tuple[CleanPage, ...], sections: tuple[Section, ...], headings: list[HeadingLine]
) -> _Field | None:
    p1 = pages[0]
    top = _top(p1)
    # 1. the "Till" block: "Till <nämnd>", or the committee under/beside "Till"
    for k, text in enumerate(top):
        if _TILL.search(text):
            after = text[_TILL.search(text).end() :]  # type: ignore[union-attr]
            for cand in [after, *top[k + 1 : k + 3]]:
                found = find_committees(cand)
                if found:
                    c = found[-1]
                    return _Field((c.canonical, c.as_printed), text + " / " + cand, 0.95)
    # 2. "<Nämnd>s beslut"
    for h in headings:
        if h.kind == "beslut":
            found = find_committees(h.text)
            if found:
                return _Field((found[0].canonical, found[0].as_printed), h.text, 0.9)
    # 3. the top of a protokoll(sutdrag), 4. an abbreviation beside a date
    for text in top:
        found = find_committees(text)
        if found and (re.search(r"protokoll", text, re.IGNORECASE) or _SAMMANTRADE.search(text)):
            return _Field((found[0].canonical, found[0].as_printed), text, 0.9)
        if found and find_dates(text) and found[0].as_printed.isupper():
            return _Field((found[0].canonical, found[0].as_printed), text, 0.85)
    # 5. the first decision
    for sec in sections:
        if sec.kind in ("forslag_till_beslut", "beslut"):
            for ln in sec.lines[:6]:
                found = find_committees(ln.text)
                if found:
                    return _Field((found[0].canonical, found[0].as_printed), ln.text, 0.8)
    # 6. the letterhead's förvaltning
    for text in top:
        found = find_committees(text, administrations=True)
        if found:
            return _Field((found[0].canonical, found[0].as_printed), text, 0.7)
    # 7. the committee named most often
    counts: Counter[tuple[str, str]] = Counter()
    for page in pages:
        for ln in page.lines:
            for c in find_committees(ln.text):
                counts[(c.canonical, c.as_printed)] += 1
    if counts:
        (canon, printed), _ = counts.most_common(1)[0]
        return _Field((canon, printed), "most frequent mention", 0.5)
    return None


def _meeting_date(p1: CleanPage, committee: _Field | None) -> _Field | None:
    top = _top(p1)
    for k, text in enumerate(top):
        if _TILL.search(text):
            for cand in top[k : k + 4]:
                dates = [d for d in find_dates(cand) if d.date is not None]
                if dates and (find_committees(cand) or _near_committee(top, cand)):
                    return _Field(dates[-1].date, cand, 0.9)
    for text in top:
        found = find_committees(text)
        dates = [d for d in find_dates(text) if d.date is not None]
        if found and dates and found[0].as_printed.isupper():
            return _Field(dates[0].date, text, 0.85)
        if _SAMMANTRADE.search(text) and dates:
            return _Field(dates[0].date, text, 0.85)
    return None


def _near_committee(top: list[str], line: str) -> bool:
    k = top.index(line)
    return any(find_committees(t) for t in top[max(0, k - 1) : k])


def _doc_date(p1: CleanPage, headings: list[HeadingLine], meeting: _Field | None) -> _Field | None:
    first = next((h.index for h in headings if h.page_no == 1 and h.kind != "subheading"), None)
    limit = first if first is not None else TOP_LINES
    for ln in p1.lines[:limit]:
        if meeting is not None and ln.text == meeting.evidence:
            continue
        if ln.furniture is None and not re.match(r"^\s*(?:19|20)\d\d-\d\d-\d\d\s*$", ln.text):
            continue
        if _SAMMANTRADE.search(ln.text):
            continue
        for d in find_dates(ln.text):
            if d.date is not None and (meeting is None or d.date != meeting.value):
                return _Field(d.date, ln.text, 0.8)
    return None


def _doc_type(pages: tuple[CleanPage, ...], headings: list[HeadingLine]) -> _Field:
    scores: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    top = _top(pages[0])
    early = [ln.text for p in pages[:2] for ln in p.lines]
    first = top[:3]
    for row in _read_csv("doc_types.csv"):
        signal, where, weight = row["signal"], row["where"], int(row["weight"])
        if where == "heading":
            hit = next((h.text for h in headings if _norm_eq(h.text, signal)), None)
        else:
            pool = {"top": top, "any": early, "first": first}[where]
            hit = next(
                (t for t in pool if _has_phrase(t, signal, start_only=where == "first")), None
            )
        if hit is not None:
            scores[row["doc_type"]] += weight
            evidence.setdefault(row["doc_type"], hit)
    page1 = [h for h in headings if h.page_no == 1]
    if any(h.kind == "beslut" for h in page1):
        scores["protokollsutdrag"] += 2
        evidence.setdefault("protokollsutdrag", "beslut heading on page 1")
    if any(h.kind == "forslag_till_beslut" for h in page1):
        scores["tjänsteutlåtande"] += 2
        evidence.setdefault("tjänsteutlåtande", "förslag till beslut on page 1")
    if not scores:
        return _Field("other", "", 0.3)
    order = ["tjänsteutlåtande", "protokollsutdrag", "protokoll", "bilaga"]
    best = max(scores, key=lambda t: (scores[t], -order.index(t)))
    conf = min(0.95, 0.4 + 0.1 * scores[best])
    return _Field(best, evidence.get(best, ""), conf)


def _norm_eq(a: str, b: str) -> bool:
    return Levenshtein.distance(fold(a), fold(b), score_cutoff=1) <= 1


def _has_phrase(text: str, phrase: str, *, start_only: bool = False) -> bool:
    words = fold(text).split()
    target = fold(phrase).split()
    n = len(target)
    spots = range(1) if start_only else range(len(words) - n + 1)
    for i in spots:
        window = words[i : i + n]
        if len(window) < n:
            break
        joined, goal = " ".join(window).strip(".,:;"), " ".join(target)
        allowed = 0 if len(goal) < 7 else 1 if len(goal) < 12 else 2
        if Levenshtein.distance(joined, goal, score_cutoff=allowed) <= allowed:
            return True
    return False


def _dnr(pages: tuple[CleanPage, ...]) -> _Field | None:
    p1 = pages[0]
    cands: list[tuple[float, str, str, str]] = []
    for rank, page in enumerate(pages):
        for ln in page.lines:
            for d in find_dnrs(ln.text):
                if page is p1 and d.labelled:
                    score = 0.95
                elif d.labelled and ln.furniture is not None:
                    score = 0.85
                elif page is p1 and ln.furniture is not None:
                    score = 0.75
                elif d.labelled:
                    score = 0.5
                else:
                    continue
                cands.append((score - 0.001 * rank, d.normalized, d.raw, ln.text))
    if not cands:
        return None
    score, norm, raw, line = max(cands, key=lambda c: c[0])
    return _Field((norm, raw), line, round(score, 2))


def _title(p1: CleanPage, title_lines: list[int], sections: tuple[Section, ...]) -> _Field | None:
    if title_lines:
        parts = [p1.lines[i].text for i in title_lines]
        text = _PARAGRAPH.sub("", _join(parts)).strip()
        for d in find_dnrs(text):
            text = text.replace(d.raw, "").strip()
        text = re.sub(r"\s*\b(?:D\s?[il1]?\s?nr|Dnr)\b\s*:?\s*$", "", text).strip(" .")
        if text:
            return _Field(text, " / ".join(parts), 0.8)
    for sec in sections:
        if sec.kind == "arendet" and ":" in sec.heading:
            text = sec.heading.split(":", 1)[1].strip()
            if text:
                return _Field(text, sec.heading, 0.6)
    return None


def _handlaggare(p1: CleanPage) -> _Field | None:
    lines = [ln.text for ln in p1.lines]
    for k, text in enumerate(lines[:40]):
        m = _HANDLAGGARE.match(text)
        if m is None:
            continue
        cands = [m.group("rest")] + [t for t in lines[k + 1 : k + 3] if t.strip()][:1]
        for cand in cands:
            name = _name_from(cand)
            if name is not None:
                return _Field(name, text + " / " + cand, 0.9)
    return None


def _name_from(text: str) -> str | None:
    """A person's name at the start of a letterhead row, other columns cut off."""
    for c in find_committees(text):
        text = text.replace(c.as_printed, " ")
    text = re.sub(r"\b(?:Till|Telefon|Tfn|Tel)\b.*$", "", text)
    tokens: list[str] = []
    for tok in text.split():
        if _NAME_TOKEN.match(tok):
            tokens.append(tok)
        elif tokens:
            break
    return " ".join(tokens) if 2 <= len(tokens) <= 4 else None
