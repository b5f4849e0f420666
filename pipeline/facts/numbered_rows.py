"""Paragraphs that speak of a numbered table row: "Studie 2 gäller …", "Projekt 3 avser …".

How the documents write it
--------------------------

A proposal often lists its applications in a table with a number column (``Nr``) and then
comments on each under the table, naming it by its number rather than its name::

    Nr  Studie                    Utförare              Ansökt   Föreslaget
    2   Äldre med missbruks-      Mälardalens högskola  620 000     450 000
        problem i hemtjänsten
    …
    Studie 2 gäller äldre personer med alkoholproblem som har hemtjänst. Ansökan omfattar
    620 000 kronor … och föreslår därför 450 000 kronor.

Such a paragraph is the row's own description: its end date ("Studien beräknas vara klar i
juni 2003"), its partners and performer, and the sums in it belong to the row's project.

A plan may instead open a paragraph under the table with the row's whole name::

    Läxhjälp i samverkan är en ny studie som prövar … tillsammans med fältgrupperna i
    Farsta och Bromma. … Studien ska vara klar i juni 2016.

That paragraph is the row's description too (`describe_named_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from pipeline.facts.context import BodyLine
from pipeline.facts.drafts import Draft
from pipeline.facts.grid import GridTable
from pipeline.facts.numbered_performers import performers_by_number
from pipeline.facts.run_in import short_name_of
from pipeline.facts.text_units import paragraphs
from pipeline.lang.fuzzy import fold

__all__ = [
    "describe_headed",
    "describe_named_rows",
    "describe_numbered_rows",
    "headed_by",
    "told_of",
]

#: how a comment names a numbered row: the kind of thing, then its number
_REFERENCE = re.compile(
    r"^(?:studie|studien|projekt|projektet|ansökan|ansökning|uppdrag|utvärdering|resa|"
    r"insats|förslag|nr|nummer)\s+(?:nr\.?\s+)?(\d{1,2})\b",
    re.IGNORECASE,
)


def describe_numbered_rows(
    drafts: Sequence[Draft], grids: Sequence[GridTable], lines: Sequence[BodyLine]
) -> None:
    """Give each project of a numbered table row the paragraph that names it by number,
    when it has no description of its own (and the performer a sentence names for it)."""
    performers_by_number(drafts, grids, lines)
    numbered: dict[str, Draft] = {}
    for t in grids:
        for r in t.rows:
            no = r.text("ordinal").strip(" .):")
            lead = re.match(r"\s*(\d{1,2})(?:\s{2,}|[.)]\s+)\S", r.evidence)
            no = no or (lead.group(1) if lead else "")  # "1  Boendekedjan" under "Studie"
            d = next((d for d in drafts if d.first_line == r.first_line), None)
            if no.isdigit() and d is not None and d.description is None:
                numbered[no.lstrip("0")] = d
    if not numbered:
        return
    texts = [ln.text for ln in lines]
    heads = [ln.heading for ln in lines]
    seen: set[str] = set()
    paras = paragraphs(texts, [ln.page_no for ln in lines], heads)
    for k, p in enumerate(paras):
        m = _REFERENCE.match(p.text.strip())
        titled = _NUMBERED_TITLE.fullmatch(p.text.strip()) if m is None else None
        if m is None and titled is None:
            continue
        no = (m or titled).group(1).lstrip("0")  # type: ignore[union-attr]
        d = numbered.get(no)
        if d is None or no in seen or d.first_line <= p.first <= d.last_line:
            continue
        if titled is not None:
            # "1. Samverkan skola–socialtjänst …" alone over its paragraph: the row's name
            # again by its number, its text the paragraph under it
            if (
                k + 1 >= len(paras)
                or fuzz.ratio(_solid(fold(titled.group(2))), _solid(fold(d.name))) < 85
            ):
                continue
            p = paras[k + 1]
        seen.add(no)
        d.description = p.text
        d.desc_lines = (p.first, p.last)
        parts = _by_reference(p.text) if titled is None else []
        if len(parts) >= 2:
            # "Studie 1 ska redovisas … Studie 3 avslutas … och genomförs i …": one paragraph
            # of several rows, each row the sentences from its number to the next
            for no_k, text in parts:
                other = numbered.get(no_k)
                if other is not None and (other is d or other.description is None):
                    other.description = text
                    other.desc_lines = (p.first, p.last)
                    seen.add(no_k)


#: a sentence that opens with a row's number: "Studie 3 avslutas i oktober 2015"
_SENTENCE_REFERENCE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:(?:I|För|Inom)\s+)?(?:studie|studien|projekt|projektet|utvärdering|"
    r"insats)\s+(\d{1,2})\b",
    re.IGNORECASE,
)


def _by_reference(text: str) -> list[tuple[str, str]]:
    """(number, its sentences) for each sentence of `text` that opens with a row's number."""
    found = list(_SENTENCE_REFERENCE.finditer(text))
    return [
        (
            m.group(1).lstrip("0"),
            text[m.start() : found[n + 1].start() if n + 1 < len(found) else len(text)].strip(),
        )
        for n, m in enumerate(found)
    ]


_MIN_NAME = 12  # a name this short could open an ordinary sentence


def describe_named_rows(
    drafts: Sequence[Draft], grids: Sequence[GridTable], lines: Sequence[BodyLine]
) -> None:
    """Give each project of a table row the paragraph after the table that opens with its
    whole name, when it has no description of its own."""
    rows: list[tuple[str, Draft, int]] = []
    for t in grids:
        for r in t.rows:
            d = next((d for d in drafts if d.first_line == r.first_line), None)
            name = fold(d.name).strip() if d is not None else ""
            if d is not None and d.description is None and len(name) >= _MIN_NAME:
                rows.append((name, d, t.last_line))
    if not rows:
        return
    texts = [ln.text for ln in lines]
    heads = [ln.heading for ln in lines]
    for p in paragraphs(texts, [ln.page_no for ln in lines], heads):
        said = re.sub(r"^\d{1,2}[.)]\s+", "", " ".join(p.text.split()))  # ("1. Name. Studien …")
        opening = fold(said)
        free = [
            (name, d)
            for name, d, table_end in rows
            if d.description is None and p.first > table_end
        ]
        whole = [d for name, d in free if opening.startswith(name)]
        # "Kvinnor i hemlöshet. Studien följer …" under a row "Kvinnor i hemlöshet – en
        # uppföljning": a run-in sentence that says one row's name short
        run_in = _RUN_IN.match(said)
        short = (
            [d for _n, d in free if short_name_of(run_in.group(1), [d])]
            if run_in and not whole
            else []
        )
        for d in whole[:1] or (short if len(short) == 1 else []):
            d.description = p.text
            d.desc_lines = (p.first, p.last)


#: a paragraph's opening sentence of a name alone, the text going on after it
_RUN_IN = re.compile(r"([A-ZÅÄÖ][^.!?:]{8,90}?)\.\s+[A-ZÅÄÖ]")


def headed_by(lines: Sequence[BodyLine], k: int, drafts: Sequence[Draft]) -> Draft | None:
    """The project a heading at line `k` names (its whole name, as the list printed it)."""
    if not (0 <= k < len(lines)):
        return None
    # ("Projekt 1. Familjeteam i förskolan", "3. Kvinnors väg ut ur missbruk" on its line)
    part = (
        _PART_NO.match(fold(t := lines[k].text.strip())) or _NUMBERED_TITLE.fullmatch(t)
    ) is not None
    if not (lines[k].heading or part):
        return None
    # ("3. Familjecentraler i Järva – …" over a row's "Familjecentraler i ⏎ Järva – …": its
    # number in the table, the name's line breaks aside)
    head = _NUMBER.sub("", fold(" ".join(lines[k].text.split())).rstrip(" .:"))
    least = _MIN_PART if part else _MIN_NAME  # ("Projekt 2. Våga fråga": numbered, so short)
    if len(head) < least:
        return None
    return next(
        (
            d
            for d in drafts
            # (a numbered part may stand before the table that sums the parts up)
            if (d.last_line < k or (part and d.first_line > k))
            and any(
                fuzz.ratio(_solid(head), _solid(n)) >= 90 for n in _name_forms(fold(d.name), least)
            )
        ),
        None,
    )


#: a row's number, or a part's ("Projekt 1. Familjeteam i förskolan", "Delprojekt 2 – …")
_NUMBER = re.compile(r"^(?:(?:del)?(?:projekt|studie|insats)\s+)?\d{1,2}(?:[.):]|\s+[-–:])?\s+")
_PART_NO = re.compile(r"(?:del)?projekt\s+\d{1,2}[.:]\s+\w")
#: where a long name's short form ends: "Familjeteam i förskolan - tidigt stöd till …"
_SUBTITLE = re.compile(r"\s+[-–—:]\s+|:\s+")


_MIN_PART = 6


def _name_forms(name: str, least: int) -> list[str]:
    """A name and its short form before its subtitle, when that is long enough to name it."""
    short = _SUBTITLE.split(name, maxsplit=1)[0]
    return [name, short] if short != name and len(short) >= least else [name]


#: a table row's number and name again on a line of their own: "3. Familjecentraler i Järva"
_NUMBERED_TITLE = re.compile(r"(\d{1,2})[.)]\s+([A-ZÅÄÖ][^\n]{5,150})")


def _solid(text: str) -> str:
    return re.sub(r"\s+", "", text)


def describe_headed(drafts: Sequence[Draft], lines: Sequence[BodyLine]) -> None:
    """A list's projects described again below it, each under a heading that repeats its
    name ("Barnens röst i utredningar" ⏎ "Samtalsmetodiken har införts …"): the text under
    the heading, up to the next heading, is the project's description when it has none. A
    project still without an owner takes in a later paragraph that opens with its name
    (`_described_later`)."""
    done: set[int] = set()
    for k in range(len(lines)):
        d = headed_by(lines, k, drafts)
        if d is None or id(d) in done:
            continue
        end, numbered = k + 1, _NUMBERED_TITLE.fullmatch(lines[k].text.strip()) is not None
        if d.description is not None and not (numbered or _PART_NO.match(fold(lines[k].text))):
            continue  # (a named heading adds to a description only as a numbered part)
        # (its own parts' headings, "Bakgrund och syfte", "Genomförande", are in its text)
        while end < len(lines) and (
            (not lines[end].heading or _project_part(lines[end].text))
            and not _PART_NO.match(fold(lines[end].text.strip()))  # ("Projekt 2. …", "2. …")
            and not (numbered and _NUMBERED_TITLE.fullmatch(lines[end].text.strip()))
        ):
            end += 1
        text = "\n".join(ln.text for ln in lines[k + 1 : end]).strip()
        if text:
            # (a project a sentence named keeps that sentence: "… ansöker om 430 000 kronor
            # för projektet ”…”", then "Projekt 1. …" and its parts)
            d.description = f"{d.description}\n{text}" if d.description else text
            done.add(id(d))
            if d.desc_lines is None and d.last_line < k:  # (its sums are its own)
                d.desc_lines = (k + 1, end - 1)
    _described_later(drafts, lines)


#: a heading of a project's own parts: "Bakgrund och syfte", "Genomförande och uppföljning",
#: "Tidplan", "Budget 2019, projekt 1 (tkr)"
_PART = re.compile(
    r"(?:bakgrund|syfte|mal|malgrupp(?:en)?|genomforande|uppfoljning|utvardering|tidplan|"
    r"tidsplan|budget|kostnad(?:er)?|metod|projektorganisation|forvantade|forvantat)\b"
)


def _project_part(text: str) -> bool:
    words = fold(text).split()
    return 0 < len(words) <= 7 and _PART.match(" ".join(words)) is not None


def _described_later(drafts: Sequence[Draft], lines: Sequence[BodyLine]) -> None:
    """A project a sentence names with no owner ("… ansöker om 1 850 000 kronor för projektet
    Familjehem i nätverk …"), told of in a later paragraph that opens with its name
    ("Projektet Familjehem i nätverk ska pröva … Södermalms och Hägersten-Liljeholmens
    stadsdelsförvaltningar deltar …"): that paragraph joins its description."""
    wanted = [d for d in drafts if not d.places and len(fold(d.name)) >= _MIN_NAME]
    if not wanted:
        return
    texts = [ln.text for ln in lines]
    for p in paragraphs(texts, [ln.page_no for ln in lines], [ln.heading for ln in lines]):
        opening = _THE_KIND.sub("", fold(" ".join(p.text.split())))
        if re.search(r"\S\s{3,}\S", p.text.strip()):
            continue  # (a table's row, not a paragraph of prose)
        for d in wanted:
            if p.first > d.last_line and opening.startswith(fold(d.name).strip()):
                if p.text not in (d.description or ""):
                    d.description = f"{d.description or ''}\n{p.text}".strip()
                break


#: the word a paragraph names its project by before the name ("Projektet X ska …")
_THE_KIND = re.compile(r"^(?:projektet|studien|satsningen|verksamheten|partnerskapet)\s+")


def told_of(lines: Sequence[BodyLine], k: int, drafts: Sequence[Draft]) -> bool:
    """Is the paragraph at line `k` a listed project's own text: under a heading that repeats
    its name, or the paragraph its row's number and name head?"""
    if headed_by(lines, k - 1, drafts) is not None:
        return True
    j = k - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    titled = _NUMBERED_TITLE.fullmatch(lines[j].text.strip()) if j >= 0 else None
    if titled is not None and any(
        d.first_line <= j and fuzz.ratio(_solid(fold(titled.group(2))), _solid(fold(d.name))) >= 85
        for d in drafts
    ):
        return True  # "2. Feriejobb som brottsförebyggande insats" over it: a row's number
    return any(d.desc_lines is not None and d.desc_lines[0] <= k <= d.desc_lines[1] for d in drafts)
