"""Committees: the names of nämnder, styrelser and their utskott in running text (OCR-tolerant,
from ``patterns/committees.csv`` and ``patterns/administrations.csv``), and the committee of
a document, read from its letterhead (the order of precedence is in ``metadata.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from pipeline.lang.lexicon import fold
from pipeline.records import CleanPage, Section
from pipeline.understand.dates import find_dates
from pipeline.understand.letterhead import _SAMMANTRADE, _TILL, _Field, _top
from pipeline.understand.sections import HeadingLine
from pipeline.understand.vocabulary import pattern_rows

__all__ = ["CommitteeMention", "find_committees"]


@lru_cache(maxsize=1)
def _committees() -> tuple[tuple[str, str, bool], ...]:
    """(folded variant, canonical, is_abbreviation)."""
    out: list[tuple[str, str, bool]] = []
    for row in pattern_rows("committees.csv"):
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
        for row in pattern_rows("committees.csv")
        if row["kind"] == "utskott"
        for v in row["variants"].split("|")
    }
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"\s+(?P<sub>{alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _subbody_canonical() -> dict[str, str]:
    return {
        fold(v.strip()): row["canonical"]
        for row in pattern_rows("committees.csv")
        if row["kind"] == "utskott"
        for v in row["variants"].split("|")
    }


@lru_cache(maxsize=1)
def _administrations() -> tuple[tuple[str, str], ...]:
    return tuple(
        (fold(r["administration"]), r["committee"]) for r in pattern_rows("administrations.csv")
    )


@dataclass(frozen=True)
class CommitteeMention:
    canonical: str
    as_printed: str
    start: int
    end: int


_WORD = re.compile(r"[A-Za-zÅÄÖåäöéü][\wåäöÅÄÖé-]*")
_SDN = re.compile(
    r"(?P<name>[A-ZÅÄÖ][a-zåäöé]+(?:[-–][A-ZÅÄÖ][a-zåäöé]+)*(?:\s(?:stans?|innerstadens?))?)\s+"
    r"(?P<word>stadsdels(?:n|h|rn|ri)[äa]mnd(?:s|en|ens)?|stadsdelsf[öo]rvaltning(?:s|en|ens)?)\b"
)


#: the same in capitals, as letterheads print it
_SDN_CAPS = re.compile(
    r"(?P<name>[A-ZÅÄÖ]{2,}(?:[-–][A-ZÅÄÖ]{2,})*(?:\s(?:STANS?|INNERSTADENS?))?)\s+"
    r"(?P<word>STADSDELSN[ÄA]MND(?:S|EN|ENS)?|STADSDELSF[ÖO]RVALTNING(?:S|EN|ENS)?)\b"
)


#: "… för barn och unga" closing a line after a nämnd's name
_NAMED_FOR = re.compile(
    r"([ \t]+för[ \t]+(?!år\b|att\b|den\b|det\b|beslut\b|kännedom\b|yttrande\b|information\b|åtgärd\b|"
    r"handläggning\b|godkännande\b|ställningstagande\b|beredning\b|behandling\b)"
    r"[a-zåäö]{3,}(?:[ \t]+och[ \t]+[a-zåäö]{3,})?)[ \t]*$",
    re.MULTILINE,
)


def find_committees(text: str, *, administrations: bool = False) -> list[CommitteeMention]:
    """Committees named in `text` (singular forms; "stadsdelsnämnderna" is not one).
    With `administrations`, a förvaltning's name counts for its committee."""
    out: list[CommitteeMention] = []
    for pattern, canonical in _phrases(administrations):
        for m in pattern.finditer(text):
            if not any(c.start < m.end() and m.start() < c.end for c in out):
                out.append(CommitteeMention(canonical, m.group(), m.start(), m.end()))
    for m in [*_SDN.finditer(text), *_SDN_CAPS.finditer(text)]:
        if "rvaltning" in m.group("word").lower() and not administrations:
            continue
        name = m.group("name")
        if name.isupper():  # a letterhead in capitals: "FARSTA STADSDELSNÄMND"
            name = "-".join(part.capitalize() for part in name.split("-"))  # "Gamla stans"
        out.append(CommitteeMention(f"{name} stadsdelsnämnd", m.group(), m.start(), m.end()))
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
    return sorted((_named_for(c, text) for c in out), key=lambda c: c.start)


def _named_for(c: CommitteeMention, text: str) -> CommitteeMention:
    """A line "Socialnämnden för barn och unga": another municipality's nämnd, named by what
    it is for."""
    named = _NAMED_FOR.match(text, c.end)
    line_start = text.rfind("\n", 0, c.start) + 1
    if (
        named is None
        or not c.canonical.endswith("nden")
        or " " in c.canonical
        or text[line_start : c.start].strip()  # the name opens its line, as a letterhead's
    ):
        return c
    return CommitteeMention(
        f"{c.canonical}{named.group(1)}", text[c.start : named.end(1)], c.start, named.end(1)
    )


@lru_cache(maxsize=2)
def _phrases(administrations: bool) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Committees (and with `administrations` förvaltningar) whose name has several words
    ("Miljö- och hälsoskyddsnämnden"), as phrases with any spacing and case."""
    rows = [
        (v.strip(), r["canonical"])
        for r in pattern_rows("committees.csv")
        if r["kind"] != "utskott"
        for v in r["variants"].split("|")
    ]
    if administrations:
        rows += [(r["administration"], r["committee"]) for r in pattern_rows("administrations.csv")]
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


def _committee(
    pages: tuple[CleanPage, ...], sections: tuple[Section, ...], headings: list[HeadingLine]
) -> _Field | None:
    p1 = pages[0]
    top = _top(p1)
    # 1. the "Till" block: "Till <nämnd>", or the committee under/beside "Till"
    for k, text in enumerate(top):
        if _TILL.search(text) and len(text) < 120:
            after = text[_TILL.search(text).end() :]  # type: ignore[union-attr]
            # the committee's name may wrap in the right-hand column ("Skarpnäcks" /
            # "stadsdelsnämnd"): its two lines' last cells joined are a candidate too
            right = [re.split(r"\s{3,}", t.strip())[-1] for t in top[k + 1 : k + 3]]
            wrapped = re.sub(r"-\s+(?=[a-zåäö])", "", " ".join(right))  # "stadsdels-" / "nämnd"
            for cand in [after, *top[k + 1 : k + 3], wrapped]:
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
        for text in top[:6]:
            # a nämnd the vocabulary does not know, named on its own line of the letterhead
            # ("Hälso- och sjukvårdsnämnden" under "REGION STOCKHOLM")
            cell = re.split(r"\s{2,}", text.strip())[0]
            if _OTHER_NAMND.fullmatch(cell):
                return _Field((cell, cell), text, 0.7)
    # 5. the body that proposes or decides in a sentence opening the decisions
    #    ("Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande.")
    for h in headings:
        if h.kind == "forslag_till_beslut" and " " in h.text.strip():
            found = find_committees(h.text.split()[0])
            if found and re.search(r"\b(?:föreslår|beslutar)\b", h.text):
                return _Field((found[0].canonical, found[0].as_printed), h.text, 0.85)
            # "Borgarrådsberedningen föreslår att kommunstyrelsen beslutar": a body that is
            # no committee proposes, the committee it names decides
            decides = _PROPOSES_TO.search(h.text)
            found = find_committees(decides.group(1).capitalize()) if decides else []
            if found and found[0].canonical == "Kommunfullmäktige":
                # an utlåtande prepared for Kommunfullmäktige is Kommunstyrelsen's
                return _Field(("Kommunstyrelsen", found[0].as_printed), h.text, 0.75)
            if found:
                return _Field((found[0].canonical, found[0].as_printed), h.text, 0.8)
    # 5c. the same sentence inside a page flattened into running text
    flat = " ".join(ln.text for ln in p1.lines)
    for m in _PROPOSER.finditer(flat):
        found = find_committees(m.group(2).capitalize())
        if found and found[0].canonical == "Kommunfullmäktige":
            return _Field(("Kommunstyrelsen", found[0].as_printed), m.group(0), 0.7)
        if found:
            return _Field((found[0].canonical, found[0].as_printed), m.group(0), 0.7)
    # 6. the first decision
    for sec in sections:
        if sec.kind in ("forslag_till_beslut", "beslut"):
            for ln in sec.lines[:6]:
                found = find_committees(ln.text)
                if found:
                    return _Field((found[0].canonical, found[0].as_printed), ln.text, 0.8)
    # 6b. a nämnd the vocabulary does not know, deciding in its own name
    #     ("Individ- och familjeomsorgsnämnden beslutar")
    for sec in sections:
        if sec.kind in ("forslag_till_beslut", "beslut"):
            for ln in sec.lines[:3]:
                own = _DECIDES.match(ln.text.strip())
                if own:
                    return _Field((own.group(1), own.group(1)), ln.text, 0.7)
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


#: a sub-body of a nämnd: "Individ- och familjenämndens arbetsutskott"
_SUB_BODY = r"(?:s\s+(?:arbetsutskott|beslutsutskott|individutskott|utskott|presidium))?"
_OTHER_NAMND = re.compile(
    r"[A-ZÅÄÖ][\wåäö]*(?:-)?(?:\s(?:och|för)\s[\wåäö-]+)*(?:nämnden|styrelsen)" + _SUB_BODY
)
_DECIDES = re.compile(
    r"^((?:[A-ZÅÄÖ][\w-]*\s+och\s+[\w-]*|[A-ZÅÄÖ][\w-]*)nämnden"
    + _SUB_BODY
    + r"|[A-ZÅÄÖ][\w-]*utskottet)"
    r"\s+beslutar\b"
)
_PROPOSER = re.compile(
    r"\b(Borgarrådsberedningen|Kommunstyrelsen)\s+föreslår\s+att\s+(\w+)\s+"
    r"(?:för\s+egen\s+del\s+)?beslutar\b"
)
_PROPOSES_TO = re.compile(r"\bföreslår\s+att\s+(\w+)\s+(?:för\s+egen\s+del\s+)?beslutar\b")
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
        right = _right_column_wrap(top, k, row, nxt)
        if right is not None:
            out.append(right + collapsed)
        elif row and nxt and nxt[0][:1].islower() and len(nxt[0].split()) <= 2 and row[0]:
            out.append("   ".join([f"{row[0]} {nxt[0]}", *row[1:], *nxt[1:]]) + collapsed)
        elif len(row) > 1 and len(nxt) > 1 and nxt[-1][:1].islower() and len(nxt[-1].split()) <= 2:
            # the right-hand column wraps: "Till" / "Hässelby-Vällingby" / "stadsdelsnämnd"
            out.append("   ".join([*row[:-1], f"{row[-1]} {nxt[-1]}"]) + collapsed)
        else:
            out.append(top[k] + collapsed)
    return out


def _right_column_wrap(top: list[str], k: int, row: list[str], nxt: list[str]) -> str | None:
    """The right-hand column's name wrapped onto a line that holds only that column
    ("Till" … "Rinkeby-Kista stadsdels-" / "nämnd 2007-09-27"): joined, a hyphen closed."""
    if len(row) < 2 or len(nxt) != 1 or not nxt[0][:1].islower() or k + 1 >= len(top):
        return None
    col = top[k].rstrip().rfind(row[-1])
    indent = len(top[k + 1]) - len(top[k + 1].lstrip())
    if abs(indent - col) > 2:
        return None
    last = row[-1]
    joined = f"{last[:-1]}{nxt[0]}" if last.endswith("-") else f"{last} {nxt[0]}"
    return "   ".join([*row[:-1], joined])


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
