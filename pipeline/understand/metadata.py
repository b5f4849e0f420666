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
from pipeline.understand.dates import find_dates, parse_date
from pipeline.understand.decisions import _join
from pipeline.understand.dnr import find_dnrs
from pipeline.understand.flat import FLAT_LINE_CHARS, FlatPage
from pipeline.understand.sections import HeadingLine

__all__ = [
    "CommitteeMention",
    "find_committees",
    "extract_meta",
    "find_signatories",
    "role_of",
]

TOP_LINES = 18  # lines of page 1 read as "the top"


def _read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a pattern file; lines starting with "#" are comments."""
    text = resources.files("pipeline.understand").joinpath(f"patterns/{name}").read_text("utf-8")
    return list(csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#")))


@lru_cache(maxsize=1)
def _committees() -> tuple[tuple[str, str, bool], ...]:
    """(folded variant, canonical, is_abbreviation)."""
    out: list[tuple[str, str, bool]] = []
    for row in _read_csv("committees.csv"):
        if row["kind"] == "utskott":
            continue
        for v in row["variants"].split("|"):
            v = v.strip()
            out.append((v if v.isupper() else fold(v), row["canonical"], v.isupper()))
    return tuple(out)


@lru_cache(maxsize=1)
def _subbody_pattern() -> re.Pattern[str]:
    """A sub-body's word right after a committee's genitive ("Kommunstyrelsens arbetsutskott")."""
    names = {
        v.strip(): row["canonical"]
        for row in _read_csv("committees.csv")
        if row["kind"] == "utskott"
        for v in row["variants"].split("|")
    }
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"\s+(?P<sub>{alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _subbody_canonical() -> dict[str, str]:
    return {
        fold(v.strip()): row["canonical"]
        for row in _read_csv("committees.csv")
        if row["kind"] == "utskott"
        for v in row["variants"].split("|")
    }


@lru_cache(maxsize=1)
def _administrations() -> tuple[tuple[str, str], ...]:
    return tuple(
        (fold(r["administration"]), r["committee"]) for r in _read_csv("administrations.csv")
    )


@lru_cache(maxsize=1)
def _roles() -> tuple[str, ...]:
    return tuple(
        r["role"] for r in _read_csv("roles.csv") if r["kind"] in ("signatory", "protocol")
    )


@lru_cache(maxsize=1)
def _role_endings() -> tuple[str, ...]:
    return tuple(fold(r["role"]) for r in _read_csv("roles.csv") if r["kind"] == "ending")


@lru_cache(maxsize=1)
def _block_labels() -> tuple[str, ...]:
    return tuple(fold(r["role"]) for r in _read_csv("roles.csv") if r["kind"] == "label")


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
    r"(?P<word>stadsdels(?:n|h|rn|ri)[äa]mnd(?:s|en|ens)?|stadsdelsf[öo]rvaltning(?:s|en|ens)?)\b"
)


def find_committees(text: str, *, administrations: bool = False) -> list[CommitteeMention]:
    """Committees named in `text` (singular forms; "stadsdelsnämnderna" is not one).
    With `administrations`, a förvaltning's name counts for its committee."""
    out: list[CommitteeMention] = []
    for pattern, canonical in _phrases(administrations):
        for m in pattern.finditer(text):
            if not any(c.start < m.end() and m.start() < c.end for c in out):
                out.append(CommitteeMention(canonical, m.group(), m.start(), m.end()))
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
            sub = _subbody_pattern().match(text, m.end())
            if sub is not None and m.group().endswith("s") and "rvaltning" not in m.group():
                # "Kommunstyrelsens arbetsutskott": the sub-body, a body of its own
                canonical = _subbody_canonical()[fold(sub.group("sub"))]
                out.append(
                    CommitteeMention(
                        f"{found}s {canonical}", text[m.start() : sub.end()], m.start(), sub.end()
                    )
                )
                continue
            out.append(CommitteeMention(found, m.group(), m.start(), m.end()))
    return sorted(out, key=lambda c: c.start)


@lru_cache(maxsize=2)
def _phrases(administrations: bool) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Committees (and with `administrations` förvaltningar) whose name has several words
    ("Miljö- och hälsoskyddsnämnden"), as phrases with any spacing and case."""
    rows = [
        (v.strip(), r["canonical"])
        for r in _read_csv("committees.csv")
        if r["kind"] != "utskott"
        for v in r["variants"].split("|")
    ]
    if administrations:
        rows += [(r["administration"], r["committee"]) for r in _read_csv("administrations.csv")]
    return tuple(
        (
            re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, v.split())) + r"s?(?!\w)", re.I),
            canonical,
        )
        for v, canonical in rows
        if " " in v
    )


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
    if len(f) < 5 or f in _block_labels():
        return None
    for role in _roles():
        r = fold(role)
        if " " in r:
            continue
        allowed = 0 if len(r) < 7 else 1 if len(r) < 10 else 2
        if Levenshtein.distance(f, r, score_cutoff=allowed) <= allowed:
            return role
    word = word.strip(".,:;")
    if word.isalpha() and any(f.endswith(e) and len(f) > len(e) + 2 for e in _role_endings()):
        return word.lower()  # a compound role: "Ekonomidirektör", "IFO-chef"
    return None


def _role_cell(cell: str) -> str | None:
    """A column of a role line: one role word, or a role phrase that starts with one
    ("Chef för FoU-enheten"), kept as printed."""
    words = cell.split()
    if not words or len(words) > 5:
        return None
    if len(words) == 1:
        role = role_of(words[0])
        return _styled(role, words[0]) if role is not None else None
    if fold(words[0]) in ("chef", "biträdande", "bitradande", "vice", "tf", "t.f."):
        return cell
    return None


_CELL = re.compile(r"\S+(?:\s{1,2}\S+)*")


def _cells(line: str) -> list[tuple[int, str]]:
    """The columns of a line (text separated by three or more spaces), with their offsets."""
    return [(m.start(), m.group()) for m in _CELL.finditer(line)]


def _name_cell(cell: str) -> bool:
    tokens = cell.split()
    return 2 <= len(tokens) <= 4 and all(
        _NAME_TOKEN.match(t) and fold(t) not in _block_labels() for t in tokens
    )


def _role_phrases(line: str) -> list[str] | None:
    """The roles of a line whose columns OCR collapsed to single spaces ("Socialdirektör
    Chef för FoU-enheten", "ordförande justerare"): a role starts at every role word."""
    phrases: list[list[str]] = []
    for tok in line.split():
        if role_of(tok) is not None or fold(tok) in ("chef", "bitradande", "vice", "tf"):
            if phrases and fold(phrases[-1][-1]) in ("bitradande", "vice", "tf"):
                phrases[-1].append(tok)
                continue
            phrases.append([tok])
        elif phrases and fold(phrases[-1][0]) == "chef":
            phrases[-1].append(tok)
        else:
            return None
    out = [_role_cell(" ".join(p)) for p in phrases]
    return [r for r in out if r is not None] if out and all(out) else None


def _column_signatures(lines: list[str]) -> list[tuple[int, int, str, str | None]]:
    """Signatures set out in columns: a line of names (one per column) with the line of
    roles below it, or names under a block label ("Justeras", "Vid protokollet") without
    roles. Each role is matched to the name in its column; where OCR collapsed the columns
    to single spaces, two names are told apart by where a given name starts, and the roles
    go to the names in order. (name line, role line or -1, name, role)"""
    out: list[tuple[int, int, str, str | None]] = []
    labelled = -10
    for i, text in enumerate(lines):
        if fold(text.strip().rstrip(":")) in _block_labels():
            labelled = i
            continue
        cells = _cells(text)
        if not cells:
            continue
        below = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
        role_line = lines[below] if below is not None else ""
        tokens = text.split()
        if (
            len(cells) == 1
            and 4 <= len(tokens) <= 6
            and all(_NAME_TOKEN.match(t) and fold(t) not in _block_labels() for t in tokens)
        ):
            phrases = _role_phrases(role_line) if role_line.strip() else None
            if i - labelled <= 4 or (phrases is not None and len(phrases) == 2):
                names = _split_names(tokens, 2, text) or []
                roles: list[str | None] = []
                roles.extend((phrases or [])[: len(names)])
                roles += [None] * (len(names) - len(roles))
                role_at = below if phrases and below is not None else -1
                out.extend((i, role_at, n, r) for n, r in zip(names, roles, strict=True))
                continue
        if not all(_name_cell(c) for _, c in cells):
            continue
        role_cells = _cells(role_line)
        cell_roles = [_role_cell(c) for _, c in role_cells]
        if len(role_cells) == 1 and len(cells) > 1 and cell_roles[0] is None:
            # roles collapsed into one cell under names in columns
            collapsed = _role_phrases(role_line)
            if collapsed is not None and len(collapsed) == len(cells):
                role_cells = [(off, p) for (off, _), p in zip(cells, collapsed, strict=True)]
                cell_roles = list(collapsed)
        if role_cells and all(r is not None for r in cell_roles) and len(role_cells) <= len(cells):
            for off, name in cells:
                role = next(
                    (
                        r
                        for (ro, _), r in zip(role_cells, cell_roles, strict=True)
                        if abs(ro - off) <= 4
                    ),
                    None,
                )
                out.append((i, below if below is not None else -1, name, role))
        elif i - labelled <= 4 and (len(cells) > 1 or below is None or not role_cells):
            out.extend((i, -1, name, None) for _, name in cells)
    return out


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
    """Signatures, in document order: names set out in columns with their roles below (or
    under "Justeras" / "Vid protokollet" without), a role line under a name line, and in a
    proposal or decision section, bare name lines after the items."""
    found: list[tuple[int, int, Signatory]] = []
    used: set[tuple[int, int]] = set()
    for page in pages:
        texts = [ln.text for ln in page.lines]
        for i, j, name, role in _column_signatures(texts):
            found.append((page.page_no, i, Signatory(name, role, page.page_no)))
            used.update({(page.page_no, i), (page.page_no, j)})
    for page in pages:
        lines = page.lines
        for i, ln in enumerate(lines):
            if (page.page_no, i) in used:
                continue
            roles = _roles_in(ln.text)
            if roles is None:
                continue
            for j in range(i - 1, max(-1, i - 4), -1):
                cand = lines[j].text
                if not cand.strip():
                    continue
                if (page.page_no, j) in used:
                    break
                tokens = _name_run(cand)
                names = _split_names(tokens, len(roles), cand) if tokens else None
                if names is None:
                    continue
                for name, (role, printed) in zip(names, roles, strict=True):
                    found.append(
                        (page.page_no, j, Signatory(name, _styled(role, printed), page.page_no))
                    )
                used.update({(page.page_no, i), (page.page_no, j)})
                break
    for sec in sections:
        if sec.kind not in ("forslag_till_beslut", "beslut"):
            continue
        for ln in sec.lines:
            if (ln.page_no, ln.line_no) in used or not _bare_name(ln.text):
                continue
            found.append((ln.page_no, ln.line_no, Signatory(ln.text.strip(), None, ln.page_no)))
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for _, _, s in sorted(found, key=lambda f: (f[0], f[1])):
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


# "Till" of the letterhead's address block: followed by the committee (capitalised) or by
# nothing (the committee on the next line); "Till kommunstyrelsens förfogande" is prose
_TILL = re.compile(r"(?:^|\s)(?:Till|TILL)(?=\s*$|\s+[A-ZÅÄÖ])")
_HANDLAGGARE = re.compile(r"^\s*Handl[äa]ggare\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_SAMMANTRADE = re.compile(r"sammantr[äa]de(?:t|s{1,2}datum|sdag)?\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"^[§$]\s*\d+\s*")  # OCR reads "§" as "$"


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
    flat: list[FlatPage] | None = None,
) -> DocumentMeta:
    """Metadata from the repaired pages, their sections and the page-1 title lines; `flat`
    are the pages flattened to one line each (`flat.flat_pages`), if any."""
    if not pages:
        return DocumentMeta()
    p1 = pages[0]
    fields: dict[str, _Field] = {}
    meeting_page = _meeting_page(p1)
    if meeting_page is not None:
        _meeting_page_fields(fields, meeting_page, pages, sections, headings)
    else:
        _document_fields(fields, pages, sections, headings, title_lines, flat or [])

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


def _document_fields(
    fields: dict[str, _Field],
    pages: tuple[CleanPage, ...],
    sections: tuple[Section, ...],
    headings: list[HeadingLine],
    title_lines: list[int],
    flat: list[FlatPage],
) -> None:
    p1 = pages[0]
    committee = _committee(pages, sections, headings)
    if committee is not None:
        fields["committee"] = committee
    meeting = _meeting_date(p1, committee)
    if meeting is not None:
        fields["meeting_date"] = meeting
    doc_type = _doc_type(pages, headings)
    fields["doc_type"] = doc_type
    dnr = _dnr(pages, flat)
    if dnr is not None:
        fields["dnr"] = dnr
    doc_date = _doc_date(p1, headings, meeting)
    if doc_type.value in ("protokollsutdrag", "protokoll") and meeting is not None:
        doc_date = _Field(meeting.value, meeting.evidence, meeting.confidence)
    if doc_date is not None:
        fields["doc_date"] = doc_date
    title = _title(p1, title_lines, sections)
    if title is None and flat:
        title = _flat_title(flat[0].text)
    if title is not None:
        fields["title"] = title
    handl = _handlaggare(pages)
    if handl is not None:
        fields["handlaggare"] = handl


# --------------------------------------------------------------------------- meeting pages

#: a breadcrumb trail "Hem > Stockholms stad > <nämnd> > Sammanträde 2005-03-31"
_CRUMB_SEP = re.compile(r"\s+>\s+")
#: a meeting page's heading: "Sammanträde 2005-03-31", "Sammanträde den 17 juni 2015"
_MEETING_HEADING = re.compile(
    r"^(?P<head>(?:Nämndsammanträde|Sammanträde|Möte)\s+(?:den\s+)?(?P<date>[\w -]{6,24}?))\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _MeetingPage:
    heading: str
    date: dt.date
    crumbs: tuple[str, ...]


def _meeting_page(p1: CleanPage) -> _MeetingPage | None:
    """A meeting's web page (its heading is the meeting and its date, an agenda of items
    follows, each with its own dnr and handläggare), read from the breadcrumb or the
    heading at the top."""
    top = [t.strip() for t in _top(p1, 6)]
    crumbs: tuple[str, ...] = ()
    for k, t in enumerate(top):
        if " > " in t and k + 1 < len(top) and len(top[k + 1].split()) <= 2:
            t = f"{t} {top[k + 1]}"  # the trail wrapped: its last crumb on the next line
        parts = _CRUMB_SEP.split(t)
        if len(parts) >= 3:
            crumbs = tuple(p.strip() for p in parts)
            break
    for cand in [*crumbs[-1:], *top]:
        m = _MEETING_HEADING.match(cand)
        date = parse_date(m.group("date")) if m is not None else None
        if m is not None and date is not None:
            return _MeetingPage(m.group("head"), date, crumbs)
    return None


def _meeting_page_fields(
    fields: dict[str, _Field],
    page: _MeetingPage,
    pages: tuple[CleanPage, ...],
    sections: tuple[Section, ...],
    headings: list[HeadingLine],
) -> None:
    """A meeting page: its heading is the title, its date both dates; no dnr and no
    handläggare of its own (those printed belong to the items)."""
    committee: _Field | None = None
    for crumb in reversed(page.crumbs[:-1]):
        found = find_committees(crumb)
        if found:
            c = found[-1]
            committee = _Field((c.canonical, c.as_printed), " > ".join(page.crumbs), 0.9)
            break
    if committee is None:
        committee = _committee(pages, sections, headings)
    if committee is not None:
        fields["committee"] = committee
    fields["title"] = _Field(page.heading, page.heading, 0.85)
    fields["meeting_date"] = _Field(page.date, page.heading, 0.9)
    fields["doc_date"] = _Field(page.date, page.heading, 0.8)
    fields["doc_type"] = _Field("other", "meeting page: " + page.heading, 0.5)


def _as_date(v: object) -> dt.date | None:
    return v if isinstance(v, dt.date) else None


HEAD_CHARS = 400  # of a page flattened to one line, the part read as its top


def _top(page: CleanPage, n: int = TOP_LINES) -> list[str]:
    """The first non-empty lines; of a page flattened to one line only its beginning."""
    filled = [
        ln.text if len(ln.text) < FLAT_LINE_CHARS else ln.text[:HEAD_CHARS]
        for ln in page.lines
        if ln.text.strip()
    ]
    return filled[:n]


def _committee(
    pages: tuple[CleanPage, ...], sections: tuple[Section, ...], headings: list[HeadingLine]
) -> _Field | None:
    p1 = pages[0]
    top = _top(p1)
    # 1. the "Till" block: "Till <nämnd>", or the committee under/beside "Till"
    for k, text in enumerate(top):
        if _TILL.search(text) and len(text) < 120:
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
    top = _columns_joined(top)
    for text in top:
        found = find_committees(text)
        if found and (re.search(r"protokoll", text, re.IGNORECASE) or _SAMMANTRADE.search(text)):
            return _Field((found[0].canonical, found[0].as_printed), text, 0.9)
        if found and find_dates(text) and found[0].as_printed.isupper():
            return _Field((found[0].canonical, found[0].as_printed), text, 0.85)
    # 3b. a protokoll(sutdrag) whose letterhead names the nämnd on a line of its own
    if any(re.search(r"protokoll", t, re.IGNORECASE) for t in top[:4]):
        for text in top[:6]:
            found = find_committees(text)
            if found:
                return _Field((found[0].canonical, found[0].as_printed), text, 0.85)
    # 5. the body that proposes or decides in a sentence opening the decisions
    #    ("Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande.")
    for h in headings:
        if h.kind == "forslag_till_beslut" and " " in h.text.strip():
            found = find_committees(h.text.split()[0])
            if found and re.search(r"\b(?:föreslår|beslutar)\b", h.text):
                return _Field((found[0].canonical, found[0].as_printed), h.text, 0.85)
    # 6. the first decision
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
    return _own_district(pages)


_OWN = re.compile(r"\bstadsdels(?:nämnden|förvaltningen)s?\b")


def _own_district(pages: tuple[CleanPage, ...]) -> _Field | None:
    """A page without letterhead that speaks of "stadsdelsnämnden"/"stadsdelsförvaltningen"
    (its own) names its district early: that district's stadsdelsnämnd, with low
    confidence. The name takes the genitive -s after a consonant (Skärholmens, Farsta)."""
    text = "\n".join(ln.text for p in pages[:2] for ln in p.lines)
    if not _OWN.search(text):
        return None
    from pipeline.facts.districts import find_districts  # the gazetteer loads on first use

    found = [d for d in find_districts(text[:1500]) if d.kind == "stadsdelsförvaltning"]
    if not found:
        return None
    name = found[0].name
    genitive = name if name[-1].lower() in "aeiouyåäös" else f"{name}s"
    return _Field((f"{genitive} stadsdelsnämnd", found[0].name_as_printed), found[0].name, 0.4)


def _columns_joined(top: list[str]) -> list[str]:
    """Letterhead lines with a name that wraps in its column ("Enskede-Årsta-Vantör" /
    "stadsdelsnämnd") joined: the first column of the next line, when it starts in lower
    case, is appended to this line's first column."""
    cells = [re.split(r"\s{3,}", t.strip()) for t in top]
    out: list[str] = []
    for k, row in enumerate(cells):
        nxt = cells[k + 1] if k + 1 < len(cells) else []
        collapsed = _collapsed_join(top[k], top[k + 1] if k + 1 < len(top) else "")
        if row and nxt and nxt[0][:1].islower() and len(nxt[0].split()) <= 2 and row[0]:
            out.append("   ".join([f"{row[0]} {nxt[0]}", *row[1:], *nxt[1:]]) + collapsed)
        elif len(row) > 1 and len(nxt) > 1 and nxt[-1][:1].islower() and len(nxt[-1].split()) <= 2:
            # the right-hand column wraps: "Till" / "Hässelby-Vällingby" / "stadsdelsnämnd"
            out.append("   ".join([*row[:-1], f"{row[-1]} {nxt[-1]}"]) + collapsed)
        else:
            out.append(top[k] + collapsed)
    return out


_WRAPPED_WORD = re.compile(r"^stadsdels(?:n|h|rn|ri)?[äa]mnd\w*$|^stadsdelsf[öo]rvaltning\w*$")


def _collapsed_join(line: str, nxt: str) -> str:
    """Columns collapsed to single spaces (OCR): a name ending or starting this line whose
    second half ("stadsdelsnämnd") ends or starts the next line, joined and appended."""
    a, b = line.split(), nxt.split()
    if not a or not b or find_committees(nxt):
        return ""  # the next line names its committee whole
    for here, there in ((a[0], b[0]), (a[-1], b[-1])):
        if here[:1].isupper() and _WRAPPED_WORD.match(there):
            return f"   {here} {there}"
    return ""


def _meeting_date(p1: CleanPage, committee: _Field | None) -> _Field | None:
    top = _top(p1)
    for text in top:
        if len(text) >= HEAD_CHARS:  # a flattened head: "… Till Socialnämnden 2019-05-21 …"
            for m in re.finditer(r"\bTill\s+(?=[A-ZÅÄÖ])", text):
                found = find_committees(text[m.end() : m.end() + 60])
                if found and found[0].start == 0:
                    rest = text[m.end() + found[0].end : m.end() + found[0].end + 30]
                    beside = [d for d in find_dates(rest) if d.date is not None]
                    if beside and beside[0].start <= 2:
                        return _Field(beside[0].date, text[m.start() : m.end() + 90], 0.8)
    joined = _columns_joined(top)
    for k, text in enumerate(top):
        if _TILL.search(text) and len(text) < 120:
            for j in range(k, min(k + 4, len(top))):
                cand = top[j]
                dates = [d for d in find_dates(cand) if d.date is not None]
                near = joined[max(0, j - 2) : j + 1]  # the committee above, perhaps wrapped
                if dates and (find_committees(cand) or any(find_committees(t) for t in near)):
                    return _Field(dates[-1].date, cand, 0.9)
    for k, text in enumerate(top):
        found = find_committees(text)
        dates = [d for d in find_dates(text) if d.date is not None]
        if found and dates and found[0].as_printed.isupper():
            return _Field(dates[0].date, text, 0.85)
        label = _SAMMANTRADE.search(text)
        if label is None:
            continue
        after = [d for d in dates if label.end() <= d.start <= label.end() + 60]
        if after:
            # "… sammanträde onsdagen den 17 juni", "Sammanträdesdatum 2015-06-22"
            return _Field(after[0].date, text, 0.85)
        if dates and len(text) < 80:
            return _Field(dates[0].date, text, 0.8)
        if len(text.split()) <= 2:
            # a header table flattened one cell per line: the label, then its value below
            for below in top[k + 1 : k + 4]:
                value = [d for d in find_dates(below) if d.date is not None]
                if value and len(below.split()) <= 2:
                    return _Field(value[0].date, f"{text} / {below}", 0.75)
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
        head = ln.text[:HEAD_CHARS] if len(ln.text) >= FLAT_LINE_CHARS else ln.text
        for d in find_dates(head):
            if d.date is not None and (meeting is None or d.date != meeting.value):
                return _Field(d.date, head, 0.8)
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


#: a labelled dnr whose digit groups were lost ("(Dnr /2015)"): printed, but unreadable
_TRUNCATED_DNR = re.compile(r"\b(?:d\s?nr|diarienummer)\b\.?\s*:?\s*/\s*\d{2,4}\b", re.IGNORECASE)


def _dnr_alone(text: str, raw: str) -> bool:
    """Whether a line holds nothing but the dnr (in brackets, with its label)."""
    rest = text.replace(raw, " ")
    rest = re.sub(r"(?i)\b(?:d\s?[il1]?\s?nr|diarienummer)\b\.?:?", " ", rest)
    rest = re.sub(r"^\s*[§$]\s*\d+", " ", rest)  # "§ 31 KS 212/19": the paragraph's own dnr
    return not re.sub(r"[\s()\[\].,:;]", "", rest)


def _dnr(pages: tuple[CleanPage, ...], flat: list[FlatPage] | None = None) -> _Field | None:
    """The document's own dnr. None when the one printed in its head is truncated."""
    p1 = pages[0]
    head = [ln.text for ln in p1.lines[:TOP_LINES] if len(ln.text) < FLAT_LINE_CHARS]
    if flat:
        head.append(flat[0].text[:HEAD_CHARS])
    complete = [d for t in head for d in find_dnrs(t) if d.labelled]
    if not complete and any(_TRUNCATED_DNR.search(t) for t in head):
        return None
    paragraphs = {
        m.group(1) for p in pages for ln in p.lines if (m := re.match(r"^\s*§\s*(\d+)", ln.text))
    }
    numbers = {d.normalized for p in pages for ln in p.lines for d in find_dnrs(ln.text)}
    if len(paragraphs) >= 3 and len(numbers) >= 3:
        return None  # a whole protocol: every paragraph has a dnr of its own
    if flat:
        found = find_dnrs(flat[0].text[:HEAD_CHARS])
        if found:
            d = found[0]
            return _Field((d.normalized, d.raw), flat[0].text[:HEAD_CHARS], 0.8)
    cands: list[tuple[float, str, str, str]] = []
    for rank, page in enumerate(pages):
        for i, ln in enumerate(page.lines):
            if len(ln.text) >= FLAT_LINE_CHARS:
                continue
            for d in find_dnrs(ln.text):
                if page is p1 and d.labelled:
                    score = 0.95
                elif d.labelled and ln.furniture is not None:
                    score = 0.85
                elif page is p1 and ln.furniture is not None:
                    score = 0.75
                elif page is p1 and i < 2 * TOP_LINES and _dnr_alone(ln.text, d.raw):
                    score = 0.7  # "(KS-2015-00039-6)" on its own line under the heading
                elif d.labelled:
                    score = 0.5
                else:
                    continue
                cands.append((score - 0.001 * rank, d.normalized, d.raw, ln.text))
    if not cands:
        return None
    score, norm, raw, line = max(cands, key=lambda c: c[0])
    return _Field((norm, raw), line, round(score, 2))


_ITEM_LINE = re.compile(r"^\s*\d{1,2}[.)]\s")


def _signature_like(text: str) -> bool:
    """A line of names or of roles (a signature block), never a subject line."""
    cells = _cells(text)
    return bool(cells) and all(_name_cell(c) or _role_cell(c) is not None for _, c in cells)


def _title(p1: CleanPage, title_lines: list[int], sections: tuple[Section, ...]) -> _Field | None:
    parts = [p1.lines[i].text for i in title_lines]
    if parts and not any(_signature_like(t) or _ITEM_LINE.match(t) for t in parts):
        text = _PARAGRAPH.sub("", _join(parts)).strip()
        for d in find_dnrs(text):
            text = text.replace(d.raw, "").strip()
        text = re.sub(r"\s*\(\s*\)", "", text)
        text = re.sub(r"\s*\b(?:D\s?[il1]?\s?nr|Dnr)\b\s*:?\s*$", "", text).strip(" .")
        if text:
            return _Field(text, " / ".join(parts), 0.8)
    for sec in sections:
        if sec.kind == "arendet" and ":" in sec.heading:
            text = sec.heading.split(":", 1)[1].strip()
            if text:
                return _Field(text, sec.heading, 0.6)
    return None


#: a document kind printed in front of the subject ("PM: Uppföljning av budget …")
_KIND_LABEL = re.compile(
    r"^(?:PM|Promemoria|Tjänsteutlåtande|Tjänsteskrivelse|Skrivelse|Utlåtande)\s*:\s*",
    re.IGNORECASE,
)
#: a list opening, a decision sentence or a standard heading ends a flattened subject line
_SUBJECT_END = re.compile(
    r"\s(?=(?:[A-ZÅÄÖ][\wåäö-]+\s+(?:föreslår|beslutar|beslöt|har|ska)\b"
    r"|[A-ZÅÄÖ][\wåäö-]*s\s+förslag\s+till\s+beslut\b"
    r"|Förslag till beslut\b|Beslut\b|Ärendet\b|Sammanfattning\b|Bakgrund\b))"
)
#: the letterhead's parts that precede the subject: a dnr (also truncated, in brackets), a
#: date, "Sida 1 (5)", a telephone number, "Till <nämnd>"
_HEAD_TOKEN = re.compile(
    r"\(?\s*\b(?:d\s?nr|diarienummer)\b\.?\s*:?\s*[^)]{0,30}\)"
    r"|\b(?:19|20)\d\d-\d\d-\d\d\b"
    r"|\bSida\s+\d{1,3}\s*\(\s*\d{1,3}\s*\)"
    r"|\b(?:Telefon|Tfn|Tel)\b\.?:?\s*[\d\s-]{6,}\d"
    r"|§\s*\d+|\bSida\s+\d{1,3}\b",
    re.IGNORECASE,
)


def _flat_title(head: str) -> _Field | None:
    """The subject line of a page flattened to one line, by its place: before ", dnr …"
    after the item's number ("18 PM: Uppföljning av budget …, dnr /2015"), or between the
    letterhead ("Utlåtande 2016:30 RI (Dnr /2015)", "KS 155/18", "Till Socialnämnden
    2019-05-21") and the first decision sentence or standard heading."""
    text = head[:1500]
    comma = re.search(r",\s*d\s?nr\b", text, re.IGNORECASE)
    if comma is not None:
        before = text[max(0, comma.start() - 250) : comma.start()]
        numbers = list(re.finditer(r"(?:^|\s)(?:§\s*)?\d{1,3}\s+(?=[A-ZÅÄÖ])", before))
        if numbers:
            title = _KIND_LABEL.sub("", before[numbers[-1].end() :]).strip()
            if 3 <= len(title.split()) <= 30:
                return _Field(title, before, 0.6)
    end = _SUBJECT_END.search(text)
    if end is None:
        return None
    spans = [m.span() for m in _HEAD_TOKEN.finditer(text, 0, end.start())]
    spans += [(d.start, d.end) for d in find_dnrs(text[: end.start()])]
    spans += [
        (c.start, c.end)
        for c in find_committees(text[: end.start()])
        if re.search(r"\bTill\s*$", text[max(0, c.start - 8) : c.start])
    ]
    if not spans:
        return None
    spans.sort(key=lambda sp: sp[1])
    title = text[spans[-1][1] : end.start()].strip(" ()")
    if len(title.split()) < 2 and len(spans) >= 2:
        # the dnr printed after the subject: "§ 45 <subject> (KS-2016-00112-3) Beslut"
        title = text[spans[-2][1] : spans[-1][0]].strip(" ()")
    if not 2 <= len(title.split()) <= 25 or re.search(r"[.!?]\s", title):
        return None
    return _Field(title, text[: end.end()], 0.6)


def _handlaggare(pages: tuple[CleanPage, ...]) -> _Field | None:
    """The name under or after "Handläggare" in the first page's letterhead, or in that of a
    tjänsteutlåtande attached behind a protocol (the top of a following page)."""
    for rank, page in enumerate(pages[:3]):
        lines = [ln.text for ln in page.lines]
        if rank == 0 and lines and any(len(t) >= FLAT_LINE_CHARS for t in lines[:3]):
            # a flattened head: "… Handläggare Anna Svensson Telefon: 08-508 …"
            lines = [
                t[m.start() : m.start() + 80]
                for t in lines[:3]
                if (m := re.search(r"\bHandl[äa]ggare\b", t[:HEAD_CHARS]))
            ] + lines
        for k, text in enumerate(lines[:60]):
            m = _HANDLAGGARE.match(text)
            if m is None:
                continue
            cands = [m.group("rest")] + [t for t in lines[k + 1 : k + 3] if t.strip()][:1]
            for cand in cands:
                below = lines[lines.index(cand) + 1 :] if cand in lines else []
                joined = _collapsed_join(cand, next((t for t in below if t.strip()), ""))
                if joined:  # "Linnea Forsberg Hässelby-Vällingby" / "… stadsdelsnämnd"
                    cand = re.sub(rf"\s*{re.escape(joined.split()[0])}\s*", " ", cand)
                name = _name_from(cand)
                if name is not None:
                    return _Field(name, text + " / " + cand, 0.9 if rank == 0 else 0.75)
    return None


def _name_from(text: str) -> str | None:
    """A person's name at the start of a letterhead row, other columns cut off; a name
    printed in capitals ("BIRGITTA SANDELIN") in its ordinary case."""
    text = re.split(r"\s{3,}", text.strip())[0]
    if text.isupper():
        text = " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in text.split())
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
