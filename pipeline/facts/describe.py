"""What a project's own paragraph says about it: who takes part, who carries it out, when it
ends.

How the documents write it
--------------------------

A project or study that is described rather than listed has a paragraph (or a section under
its own heading) of running text. The facts an analyst wants are spread over its sentences::

    Studien genomförs i Farsta och Spånga-Tensta stadsdelsförvaltningar och av
    Institutet för välfärdsanalys. Kostnaden är 1,6 mnkr och studien ska slutredovisas
    senast den 30 september 2023.

*Districts taking part* are those named in a sentence that says they take part ("genomförs
i", "i samverkan med", "deltar", "medsökande", "drivs av"); a district named for another
reason — an earlier trial elsewhere, a comparison, a district that will take part of the
results — is not ("Modellen har tidigare prövats i …", "… har visat intresse för att ta del
av resultaten"). A stadsdelsnämnd's document speaks of its own projects: a described project
with no other owner printed is the writing district's own.

*Performer*: an external organisation introduced by a performer verb ("genomförs av",
"utvärderas av", "<organisation> har genomfört …"); a city förvaltning or district is the
owner, never the performer.

*End date*: the date of a sentence that says when the work ends or is reported ("ska vara
klar senast den …", "slutredovisas i maj 2015", "pågår från januari till december 2019").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from pipeline.facts.co_applicants import PARTNERS, co_applicants
from pipeline.facts.context import find_funds
from pipeline.facts.drafts import GOES_ON, LEAST_SUM
from pipeline.facts.end_in_text import end_date_in
from pipeline.facts.lists import Place
from pipeline.facts.participants import counted_districts, participants
from pipeline.facts.performers import firm_subject
from pipeline.facts.projects import OrgFinder, performer_in, research_body_in
from pipeline.facts.text_units import sentences, sum_line
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "heading_over",
    "Description",
    "complete_from_text",
    "describe",
    "also_applies",
    "earlier_money",
    "is_application",
    "is_report",
    "participants",
    "says_ongoing",
    "stated_amount",
]

PlaceFinder = Callable[[str], list[Place]]


@dataclass(frozen=True)
class Description:
    """The facts of one project read from its own text (empty when not stated)."""

    places: list[Place] = field(default_factory=list)
    performer: str | None = None
    end_date: dt.date | None = None


def describe(
    text: str,
    find: PlaceFinder,
    find_orgs: OrgFinder | None = None,
    own: Sequence[Place] = (),
) -> Description:
    """Read a project's own text. `own` is the writing stadsdelsnämnd's district (empty for a
    central committee's document): it owns the project when the text names it, or names no
    other district taking part."""
    places = participants(text, find)
    mine = {o.district_id for o in own}
    if own and not places:
        places = list(own)
    elif own and (any(p.district_id in mine for p in find(text)) or PARTNERS.search(fold(text))):
        # the writing district named, or the others named as its partners ("driver
        # projektet tillsammans med Skärholmens stadsdelsförvaltning"): it takes part too
        places = [*own, *(p for p in places if p.district_id not in mine)]
    performer = performer_in(text, find_orgs)
    if (
        performer is not None
        and _is_city_unit(performer, find)
        # a city office under "Utförare:" (the statistics office) carries the study out
        and not re.search(rf"utförare\s*:\s*{re.escape(performer[:12])}", text, re.IGNORECASE)
    ):
        performer = None
    if performer is None:
        performer = research_body_in(text, find_orgs, supporting=False) or firm_subject(text)
    return Description(places=places, performer=performer, end_date=end_date_in(text))


def heading_over(ctx: Any, lines: Sequence[Any], i: int, said: bool = False) -> str:
    """The text of the nearest heading above line `i` ("Pågående studier"); `said`: of the
    nearest that says how projects stand ("Genomförda studiebesök 2011" over "Barn och unga",
    not "Avslutade studier" over "Pågående studier" over the next part); "" when none."""
    heads = [lines[h].text for h in ctx.headings_above(i)]
    if said:
        heads = [t for t in heads if _STANDING.search(fold(t))]
    return heads[0] if heads else ""


#: a heading's word for how its projects stand
_STANDING = re.compile(
    r"\b(?:genomfor\w*|avslut\w*|slutford\w*|pagaende|pagar|nya|planerade|kommande|beviljade)\b"
)


def _is_city_unit(name: str, find: PlaceFinder) -> bool:
    """A performer candidate that is a district or city förvaltning (the owner, not an
    external performer): a place covers most of it."""
    return any(p.end - p.start >= 0.6 * len(name.strip()) for p in find(name))


#: a sentence giving the project's own money: its grant, its cost, the sum sought ("begärt 0,8 mnkr")
_OWN_MONEY = re.compile(
    r"\b(?:bevilja\w*|tilldela\w*|kosta\w*|kostnad\w*|budget\w*|ansoker\s+om|soker\s+om|"
    r"ansokt\s+om|begart|begarde|begarts|"
    r"soks|soker|sokt\s+belopp|beraknas\s+till|foreslar|foreslas|foreslagen|foreslagna|fick|"
    r"erholl|erhallit|fatt|finansierades|finansieras|finansierats|tillstyrk\w*|"
    r"ansokan\s+(?:omfattar|avser|galler))\b"
    r"|\b(?:stats)?bidrag\w*\s+(?:uppgick|uppgar)\s+till\b"
    # "Med stimulansmedel från Socialstyrelsen om 380 000 kronor har …"
    r"|medel\b[^.]{0,40}\bom\s+\d"
    # "Uppdraget har upphandlats för 450 tkr", "genomför studien för ca 550 tkr"
    r"|\bupphandla\w*|\bgenomfor\w*\b[^.]{0,30}\bfor\s+(?:ca\.?\s+|cirka\s+)?\d"
)
#: a sentence that grants or proposes the project's sum: it beats its cost and its application
_GRANTS = re.compile(
    r"\b(?:bevilja\w*|tilldela\w*|foreslar|foreslas|foreslagen|foreslagna|fick|erholl|erhallit|"
    r"fatt|tillstyrk\w*)\b"
)
#: money not the project's own: a round's total, the frame of its cost ("ryms inom budget")
_NOT_OWN_MONEY = re.compile(r"\b(?:sammanlagt|totalt\s+for\s+alla|ryms\s+inom|ryms\s+i)\b")
#: … unless the total is the project's own: "ESF har beviljat projektet sammanlagt 2,9 mnkr"
_THIS_ONES_TOTAL = re.compile(r"\b(?:projektet|studien|satsningen)\s+(?:sammanlagt|totalt)\b")


def stated_amount(text: str) -> tuple[AmountMatch, str] | None:
    """The project's own sum in its text and the sentence that states it: the first sum of
    the first sentence that grants, costs or applies for money."""
    candidates: list[tuple[AmountMatch, str, int]] = []  # (sum, sentence, rank)
    rows = text.split("\n")
    for above, line in zip(["", *rows[:-1]], rows, strict=True):
        under = _under_label(above, line)
        if under is not None:
            candidates.append((under[0], line.strip(), under[1]))
            continue
        # "Sökt belopp          250 000": a row of a cost table, its label a column gap before
        row = _MONEY_LABEL_ROW.match(line.strip())
        row_sum = _row_sum(line.strip(), row.end()) if row else None
        if row and row_sum:
            sought = fold(row.group(1)).endswith("sokt")
            candidates.append((row_sum, line.strip(), 1 if sought else 0))
    for s in sentences(text.split("\n")):
        f = fold(s.text)
        labelled = _labelled_sums(s.text)
        if labelled:
            candidates += [(a, s.text, rank) for a, rank in labelled]
            continue
        if not _OWN_MONEY.search(f):
            continue
        found = [a for a in find_amounts(s.text) if a.per is None]
        total = _summed_total(s.text, found)
        if not found or (
            total is None and _NOT_OWN_MONEY.search(f) and not _THIS_ONES_TOTAL.search(f)
        ):
            continue
        applied = _APPLIED_FOR.search(s.text)
        grants = list(_GRANTS.finditer(f))
        if total is not None:
            # "För 2004 söks 180 000 kronor och för 2005 130 000 kronor, sammanlagt 310 000
            # kronor": the years' parts add up to the project's sum
            # (a cost that only adds up, "Kostnad: 2002 95 000 kr; … totalt 155 000 kr",
            # gives way to the sum applied for)
            candidates.append((total, s.text, 0 if grants and not applied else 1 if applied else 2))
            continue
        grant = grants[-1] if grants else None  # "beviljades 380 000 kr 2005 och har för
        # 2006 beviljats ytterligare 295 000 kr": the latest grant
        part = _FUND_PART.search(f)
        if part is not None and find_funds(s.text[part.end() : part.end() + 80]):
            # "kostade totalt 340 000 kronor, varav 300 000 kronor finansierades med lokala
            # utvecklingsmedel": the fund's part is the project's grant
            inside = [a for a in found if part.start() <= a.start < part.end()]
            if inside:
                candidates.append((inside[0], s.text, -1))
        if grant and not applied:
            # the sum beside the grant word ("Av beviljade 210 000 kronor förbrukades …")
            after = [a for a in found if a.start >= grant.end()]
            near = min(after or found, key=lambda a: abs(a.start - grant.end()))
            candidates.append((near, s.text, 0))
        elif applied:
            # "kosta 1,1 miljoner kronor varav 580 000 kronor söks": the sum applied for
            best = min(found, key=lambda a: abs(a.start - applied.start()))
            candidates.append((best, s.text, 1))
        else:
            candidates.append((found[0], s.text, 2))
    # what the project "har tilldelats" in earlier years is its history when its text also
    # states this year's money ("Stadsdelsnämnden söker kr 150.000 för år 1999")
    if any(not _EARLIER.search(fold(c[1])) for c in candidates):
        candidates = [(a, t, r + 5 if _EARLIER.search(fold(t)) else r) for a, t, r in candidates]
    # the sum granted or proposed, else the sum applied for before the whole cost, else the
    # first sum stated
    for a, sentence, _rank in sorted(candidates, key=lambda c: c[2]):
        return a, sentence
    return None


#: a sum under its label: "Sökt: 85 000 kr   Förslag: 70 000 kr", "Beviljat belopp: …"
_MONEY_LABEL = re.compile(
    r"\b(?P<label>sökt|ansökt|förslag|föreslås|beviljat|beviljas|beviljade|tilldelat)"
    r"(?:\s+belopp)?(?:\s+(?:19|20)\d\d)?\s*:\s*"  # "Beviljat 2009: 220 000 kr"
    # ... or a noun label run into a sentence: "Sökt belopp 340 000 kr. Förslag 310 000 kr."
    r"|\b(?P<noun>(?:sökt|ansökt|beviljat)\s+belopp|förslag)\s+(?=\d)",
    re.IGNORECASE,
)


def _row_sum(line: str, at: int) -> AmountMatch | None:
    """The sum that ends a row of a cost table at `at`: with its unit, or a bare number in
    thousands groups ("250 000") in a table of kronor."""
    found = [a for a in find_amounts(line) if a.start == at and a.per is None]
    if found:
        return found[0]
    bare = re.fullmatch(r"\d{1,3}(?:[ \u00a0.]\d{3})+", line[at:])
    cells = list(re.finditer(r"\d{1,3}(?:[ \u00a0.]\d{3})+", line[at:]))
    values = [int(re.sub(r"\D", "", c.group())) for c in cells]
    if bare is None and len(values) >= 3 and values[-1] == sum(values[:-1]):
        # "Sökt från SOTN    120 000    100 000    220 000": the years' sums and their total
        bare, at = cells[-1], at + cells[-1].start()
    if bare is None:
        return None
    sek = int(re.sub(r"\D", "", bare.group(0)))
    return AmountMatch(at, at + len(bare.group(0)), bare.group(0), sek, False, None, False)


def _under_label(header: str, line: str) -> tuple[AmountMatch, int] | None:
    """ "Beviljat    Utbetalt    Återförs" over "450 000     450 000     -": the number under
    the label of the sum granted (rank 0) or applied for (rank 1), a cell of its own."""
    labels = [m for m in re.finditer(r"\S+(?: \S+)*", header) if m.group().strip()]
    cells = [m for m in re.finditer(r"\S+(?: \S+)*", line)]
    if len(labels) < 2 or len(cells) != len(labels):
        return None
    if not all(re.fullmatch(r"[A-Za-zÅÄÖåäö ]+", m.group()) for m in labels):
        return None
    for lab, cell in zip(labels, cells, strict=True):
        key = _MONEY_LABEL_ROW.match(lab.group() + "  ")
        if key is None or abs(lab.start() - cell.start()) > 4:
            continue
        indent = len(line) - len(line.lstrip())
        got = _row_sum(cell.group(), 0)
        if got is not None:
            at = cell.start() - indent  # the cell's place in the stripped line
            got = dataclasses.replace(got, start=got.start + at, end=got.end + at)
            return got, 1 if fold(key.group(1)).endswith("sokt") else 0
    return None


_MONEY_LABEL_ROW = re.compile(
    # "Sökt belopp      250 000", "Varav sökt LUM     380 000"
    r"(?:varav\s+)?(sökt|ansökt|förslag|föreslås|beviljat|beviljas|beviljade|tilldelat)"
    r"(?:\s+belopp)?(?:\s+(?:LUM|FoU|FUM|MUST|MUL|medel))?(?:\s+(?:från|hos|ur)\s+\S+)?"
    r"(?:\s+(?:19|20)\d\d)?\s{2,}",
    re.IGNORECASE,
)


def _labelled_sums(sentence: str) -> list[tuple[AmountMatch, int]]:
    """The sums a line of labelled fields states, each ranked as `stated_amount` ranks
    them: what is proposed or granted (0) before what is applied for (1)."""
    found = [a for a in find_amounts(sentence) if a.per is None]
    out: list[tuple[AmountMatch, int]] = []
    for m in _MONEY_LABEL.finditer(sentence):
        after = [a for a in found if 0 <= a.start - m.end() <= 3]
        if after:
            applied = fold(m.group("label") or m.group("noun")).startswith(("sokt", "ansokt"))
            out.append((after[0], 1 if applied else 0))
    return out


#: "Projektet har under 1997 och 1998 tilldelats …": money of earlier years
_EARLIER = re.compile(
    r"\bhar\b(?:[^.]|\.\d){0,40}?\b(?:tidigare\s+)?(?:tilldelats|beviljats|fatt|erhallit)\b"
    r"(?:[^.]|\.\d){0,60}?\b(?:19|20)\d\d\b|\bhar\b(?:[^.]|\.\d){0,30}?\b(?:19|20)\d\d\b"
    r"(?:[^.]|\.\d){0,30}?\b(?:tilldelats|beviljats|fatt|erhallit)\b"
    r"|\b(?:beviljades|tilldelades|fick|erholl)\s+(?:da|forra aret|foregaende ar)\b"  # back then
)


def earlier_money(sentence: str) -> bool:
    """Does the sentence tell what the project got before ("beviljades då 380 000 kronor")?"""
    return _EARLIER.search(fold(sentence)) is not None


#: the word before a sum that adds up the sums before it
_SUMMED = re.compile(r"(?:sammanlagt|totalt|tillsammans|sammantaget|summa)\s*$", re.IGNORECASE)


def _summed_total(text: str, found: Sequence[AmountMatch]) -> AmountMatch | None:
    """The last of three or more sums when a "sammanlagt" stands before it and the sums
    before it add up to it, or None."""
    if len(found) < 3:
        return None
    last = found[-1]
    if not _SUMMED.search(text[max(0, last.start - 20) : last.start].rstrip(" ,")):
        return None
    parts = sum(a.sek for a in found[:-1])
    return last if parts == last.sek else None


#: "varav 300 000 kronor finansierades med …": a part paid from a named fund
_FUND_PART = re.compile(
    r"\bvarav\b[^.;]{0,40}?\b(?:finansierades|finansieras|bekostades|bekostas|kom|kommer)\s+"
    r"(?:med|av|fran|ur|genom)\b"
)
_APPLIED_FOR = re.compile(r"\b(?:söks|sökt|ansöker om|söker|ansöks)\b", re.IGNORECASE)


def complete_from_text(
    d: Any,
    text: str,
    find: PlaceFinder,
    find_orgs: OrgFinder | None = None,
    own: Sequence[Place] = (),
) -> None:
    """Fill what a project draft lacks (owner, performer, end date, sum) from its own text;
    what a list row or table cell already gave is kept."""
    desc = describe(text, find, find_orgs, own)
    if not d.places and desc.places and not getattr(d, "unowned", False):
        d.places = list(desc.places)
    elif not d.places and not getattr(d, "unowned", False):
        d.places = counted_districts(d.name or "", text, find)  # "… i fyra stadsdelar"
    elif d.places:
        # "Gemensam ansökan med Skärholmens stadsdelsförvaltning." in the text of a project
        # whose owner a heading or field gave: the co-applicant takes part too
        ids = {p.district_id for p in d.places}
        d.places = [*d.places, *(p for p in co_applicants(text, find) if p.district_id not in ids)]
    if d.performer is None and desc.performer is not None:
        d.performer = desc.performer
    if d.end_date is None and desc.end_date is not None:
        d.end_date = desc.end_date
    if d.amount_sek is None:
        got = stated_amount(text)
        if got is not None and got[0].sek >= LEAST_SUM:  # ("KALKYL PROJEKT 1   kr")
            a, sentence = got
            d.amount_sek, d.amount_raw, d.amount_approx = a.sek, a.raw, a.approximate
            d.amount_evidence = sentence


def sums_named_later(drafts: Sequence[Any], texts: Sequence[str]) -> None:
    """A listed project without a sum takes the one sum of a sentence elsewhere that names it
    and what it costs or is granted ("Resan till Glasgow beräknas kosta 42 000 kronor"), when
    that sentence names no other project."""
    names = [(d, re.compile(rf"\b{re.escape(fold(d.name))}\b")) for d in drafts if d.name]
    for s in sentences(list(texts)):
        f = fold(s.text)
        if not _OWN_MONEY.search(f) or _NOT_OWN_MONEY.search(f):
            continue
        named = [d for d, pat in names if pat.search(f)]
        sums = [a for a in find_amounts(s.text) if a.per is None]
        if len(named) != 1 or len(sums) != 1:
            continue
        d = named[0]
        if d.amount_sek is not None or d.first_line <= s.first <= d.last_line:
            continue
        a = sums[0]
        d.amount_sek, d.amount_raw, d.amount_approx = a.sek, a.raw, a.approximate
        d.amount_evidence = s.text
        d.amount_line = sum_line(texts, s, a.raw)


#: a document that reports on work done (its projects' end dates say what is finished or
#: still going on), as against a decision, plan or call that grants new money
_REPORT_TITLE = re.compile(
    r"\b(?:redovisning|arsredovisning|uppfoljning|verksamhetsberattelse|"
    # any report: "Månadsrapport", "Tertialrapport", "Delårsrapport", "Lägesrapport"
    r"\w*rapport|aterrapportering|lagesbeskrivning)\b"
)
_ONGOING = re.compile(
    rf"\b(?:pagar|pagaende|pagatt|har paborjats|paborjades|{GOES_ON}|startade|loper|forlangs|"
    r"ar [2-9] av [2-9])\b"  # "är nu inne på år 2 av 3"
)


_REPORT_WORDS = ("redovisning", "arsrapport", "uppfoljning", "lagesbeskrivning")


def is_application(title: str | None) -> bool:
    """The title says the document applies for money ("Ansökan om lokala utvecklingsmedel
    för två studier 2008"): what it describes is applied for, not granted."""
    return bool(_APPLICATION_TITLE.match(fold(title or "")))


_APPLICATION_TITLE = re.compile(r"^\W*(?:ansokan|ansokningar)\s+(?:om|till|for|hos)\b")


def also_applies(title: str | None) -> bool:
    """The title reports and also applies ("Redovisning av … 2001 samt ansökan om medel för
    2002"): a stadsdelsnämnd's own projects, some done, some applied for."""
    return bool(re.search(r"\b(?:samt|och)\s+ansokan\s+(?:om|till|for)\b", fold(title or "")))


def is_report(title: str | None) -> bool:
    """The title names a report (OCR-damaged long words too: "Lidgesbeskriviing")."""
    f = fold(title or "")
    if _REPORT_TITLE.search(f):
        return True
    return any(
        len(w) >= 10 and fuzz.ratio(w, r) >= _REPORT_WORD_MIN
        for w in f.split()
        for r in _REPORT_WORDS
    )


_REPORT_WORD_MIN = 80.0


def says_ongoing(*texts: str | None) -> bool:
    """Do any of the texts (a row, its description, the heading over it) say work goes on?"""
    return any(_ONGOING.search(fold(t)) for t in texts if t)
