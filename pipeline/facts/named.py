"""Projects the text names and describes without a list or table.

How the documents write them:

* "X-projektet" in a heading ("ABC- och XYZ-projekten", "Mål för XYZ-projektet"): the
  sentence that names "X-projektet" gives its districts, performer and fund; the sections
  under headings naming X give its end date;
* a heading H whose paragraph says "projektet H" (a funded project with a section of its
  own): that sentence gives fund, year and amount;
* 'projektet "Name"' in a sentence followed by how it was financed.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.facts.context import BodyLine, Context, find_funds, sentence_year
from pipeline.facts.end_in_text import end_date_in
from pipeline.facts.form_names import form_name
from pipeline.facts.projects import OrgFinder, status_from
from pipeline.facts.text_units import Sentence, dehyphen_join, paragraphs
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["NamedProject", "find_framed_studies", "find_named_projects", "find_one_named_project"]

PlaceFinder = Callable[[str], list[Any]]

_HEADING_NAMES = re.compile(
    r"\b([A-ZÅÄÖ][A-ZÅÄÖ0-9]+\w*)(?:-?\s+och\s+([A-ZÅÄÖ][A-ZÅÄÖ0-9]+\w*))?\s*-\s*proj[a-zåäö]*"
)
_OPEN_ENDS = {
    "fran",
    "med",
    "och",
    "for",
    "till",
    "i",
    "av",
    "om",
    "som",
    "att",
    "pa",
    "vid",
    "inom",
}
_QUOTED = re.compile(r"projekt(?:e[nt])?,?\s+[\"”“»]([^\"”“»]{4,120})[\"”“«]", re.IGNORECASE)


@dataclass
class NamedProject:
    """A project the text names and describes without a list or table."""

    name: str
    first_line: int  # the sentence that defines it
    last_line: int
    page_no: int
    text: str  # that sentence
    places: list[Any]
    performer: str | None
    end_date: dt.date | None
    status: str | None
    fund_type: str | None
    year: int | None
    amount_sek: int | None = None  # its sum, when read apart from the defining sentence


def find_named_projects(
    lines: Sequence[BodyLine],
    ctx: Context,
    find_places: PlaceFinder,
    find_orgs: OrgFinder | None = None,
    ref_date: dt.date | None = None,
) -> list[NamedProject]:
    """Projects named by the document's own headings and sentences:

    * "X-projektet" in a heading ("ABC- och XYZ-projekten", "Mål för XYZ-projektet"): the
      sentence that names "X-projektet" gives its districts, performer and fund; the
      sections under headings naming X give its end date;
    * a heading H whose paragraph says "projektet H" (a funded project with a section of
      its own): that sentence gives fund, year and amount;
    * 'projektet "Name"' in a sentence followed by how it was financed.
    """
    sents = _all_sentences(lines)
    out: list[NamedProject] = []
    heads = [i for i, ln in enumerate(lines) if ln.heading]
    # 1. X-projektet in headings
    names: list[str] = []
    for h in heads:
        for m in _HEADING_NAMES.finditer(lines[h].text):
            names += [g for g in m.groups() if g and g not in names]
    for x in names:
        if find_funds(x, ctx.study_fund):
            continue  # "Sammanställning av FUM-projekt 2023": the fund's projects, not one
        pat = re.compile(rf"\b{re.escape(x)}\w?\s*-?\s*proj", re.UNICODE)
        defining = next((s for s in sents if pat.search(s.text)), None)
        if defining is None:
            continue
        own = _owned_text(lines, heads, pat)
        end_date = end_date_in(own)
        funds = find_funds(defining.text, ctx.study_fund)
        out.append(
            _named(
                f"{x}-projektet",
                defining,
                find_places,
                find_orgs,
                end_date,
                funds[0][2] if funds else None,
                None,
                ref_date,
            )
        )
    # 2. a heading that the paragraph calls "projektet H"
    firsts = [s.first for s in sents]  # in reading order: a heading's sentences are a slice
    for j, h in enumerate(heads):
        title = lines[h].text.strip()
        if not (2 <= len(title) <= 40) or len(title.split()) > 4:
            continue
        pat = re.compile(rf"projektet\s+{re.escape(title)}\b", re.IGNORECASE)
        nxt = heads[j + 1] if j + 1 < len(heads) else len(lines)
        under = sents[bisect_right(firsts, h) : bisect_left(firsts, nxt)]
        defining = next((s for s in under if pat.search(s.text)), None)
        if defining is None:
            continue
        funds = find_funds(defining.text, ctx.study_fund)
        if not funds:
            continue
        out.append(
            _named(
                title,
                defining,
                find_places,
                find_orgs,
                None,
                funds[0][2],
                sentence_year(defining.text, near=len(defining.text)),
                ref_date,
            )
        )
    # 3. projektet "Name" with its financing in the next sentences
    for k, s in enumerate(sents):
        for m in _QUOTED.finditer(s.text):
            follow = " ".join(t.text for t in sents[k : k + 3])
            funds = find_funds(follow, ctx.study_fund)
            if not funds:
                continue
            out.append(
                _named(
                    m.group(1).strip(),
                    s,
                    find_places,
                    find_orgs,
                    end_date_in(follow),
                    funds[0][2],
                    None,
                    ref_date,
                )
            )
    # 4. an application form's name section ("B. Projektets namn och period" over the name)
    for i in range(len(lines)):
        if (got := form_name(lines, i)) is not None:
            name, last = got
            # (printed as the district is: "Första steget" is no misread "Farsta")
            places = [
                p
                for p in find_places(name)
                if getattr(p, "kind", "") == "stadsdelsförvaltning" and p.score >= 1.0
            ]
            out.append(
                NamedProject(
                    name=name,
                    first_line=i + 1,
                    last_line=last,
                    page_no=lines[i].page_no,
                    text=name,
                    places=places,
                    performer=None,
                    end_date=None,
                    status=None,
                    fund_type=ctx.fund_at(i),
                    year=ctx.year_at(i),
                )
            )
    out.sort(key=lambda n: n.first_line)
    return out


def _named(
    name: str,
    s: Sentence,
    find_places: PlaceFinder,
    find_orgs: OrgFinder | None,
    end_date: dt.date | None,
    fund: str | None,
    year: int | None,
    ref: dt.date | None,
) -> NamedProject:
    places = [p for p in find_places(s.text) if getattr(p, "kind", "") == "stadsdelsförvaltning"]
    orgs = find_orgs(s.text) if find_orgs is not None else []
    status = status_from(s.text, end_date, ref) if end_date is not None else "pågående"
    return NamedProject(
        name=name,
        first_line=s.first,
        last_line=s.last,
        page_no=s.page_no,
        text=s.text,
        places=places,
        performer=orgs[0][2] if orgs else None,
        end_date=end_date,
        status=status if end_date is not None else _status_or(s.text, "pågående"),
        fund_type=fund,
        year=year,
    )


def _status_or(text: str, default: str) -> str:
    return status_from(text, None, None) or default


def _all_sentences(lines: Sequence[BodyLine]) -> list[Sentence]:
    heads = [ln.heading for ln in lines]
    return [
        s
        for p in paragraphs([ln.text for ln in lines], [ln.page_no for ln in lines], heads)
        for s in p.sentences
        if not lines[s.first].heading
    ]


def _fragment(text: str) -> bool:
    """A line taken for a heading that is really a broken sentence: headings do not end with
    a preposition or conjunction."""
    words = text.split()
    return bool(words) and fold(words[-1]) in _OPEN_ENDS


def _owned_text(lines: Sequence[BodyLine], heads: Sequence[int], pat: re.Pattern[str]) -> str:
    """The text of the sections that belong to a project: under a heading that names it,
    and under the sub-headings that follow before a heading naming another project."""
    parts: list[str] = []
    owner = False
    for i, ln in enumerate(lines):
        if ln.heading and not _fragment(ln.text):
            owner = bool(pat.search(ln.text))
            continue
        if owner:
            parts.append(ln.text)
        _ = i
    return dehyphen_join(parts)


#: "projektet Nästa Steg Boende för perioden …", "projektplanen för Kvällsvärdar i X":
#: a name set in running text without quotation marks, up to the words that follow a name
_STOPS = (
    r"(?:under|med|som|avseende|inom|mellan|till|samt|enligt|hos|från|ur|är|har|kan|ska|"
    r"beviljas|pågår|genomförs|genomfördes|drivs|leds|startade|påbörjades|"
    r"avvecklas|avslutas|förlängs|upphör|"  # ("… att projektet Farstaslussen avvecklas …")
    r"för\s+(?:perioden|åren|år|tiden|\d))\b"
)
_UNQUOTED = re.compile(
    # ("Den stadsövergripande studien Vägar ut ur hemlöshet – … genomförs av …")
    r"\b(?:projektet|studien|projektplanen\s+för|projektansökan(?:\s+för)?)\s+"
    rf"(?P<name>[A-ZÅÄÖ][\w–-]*(?:\s+(?!{_STOPS})[\w–-]+){{0,9}})(?=\s+{_STOPS}|\s*[,.;:)]|\s*$)"
)
#: a sum and, at most two words after it, the project it is for
_SUM_FOR_PROJECT = re.compile(
    r"\d(?:[\d\s]*\d)?\s*(?:kr|kronor|tkr|mnkr|mkr)\.?\s+(?:\w+\s+){0,2}?projektet\s+[A-ZÅÄÖ]"
)
#: the words before a project's whole sum
_WHOLE = re.compile(
    r"(?:totalt|sammanlagt|total\s+projektbudget|totala\s+kostnad\w*)[\w\s:]{0,25}$"
)


def find_one_named_project(
    lines: Sequence[BodyLine],
    ctx: Context,
    find_places: PlaceFinder,
    find_orgs: OrgFinder | None = None,
    ref_date: dt.date | None = None,
) -> NamedProject | None:
    """The one project a document about a single project names in running text ("ingår ett
    idéburet offentligt partnerskap … avseende projektet Nästa Steg Boende för perioden …",
    "godkänner projektplanen för Kvällsvärdar i Bagarmossens centrum"): the first such name
    that is printed twice at least, or in a decision; its sum the whole sum stated in the
    sentences that name it and the two after ("totalt 10 050 000 kronor"), else their first
    sum that is no rate. For documents where no other reader found a project."""
    sents = _all_sentences(lines)
    # the whole text with its line breaks as spaces: a name that wraps is still printed
    text = " ".join(dehyphen_join([ln.text for ln in lines]).split())
    for k, s in enumerate(sents):
        m = _UNQUOTED.search(dehyphen_join(s.text.split("\n")))
        if m is None:
            continue
        name = m.group("name").strip(" -–")
        words = name.split()
        if not words or len(name) < 6 or fold(words[0]) in _OPEN_ENDS or find_funds(name):
            continue
        if (
            text.count(name) < 2
            and not re.match(r"\s*\d{1,2}[.)]\s", lines[s.first].text)
            # "5 Redovisning av projektet X" on a line of its own: an item's heading
            and not (s.first == s.last and not s.text.rstrip().endswith((".", ",")))
            # "… fått lokala utvecklingsmedel om 350 tkr för projektet X": named with its money
            and not (find_funds(s.text) and any(a.per is None for a in find_amounts(s.text)))
            # "… avser 600 000 kronor projektet X": the sum set right before the project
            and not _SUM_FOR_PROJECT.search(s.text)
            # "… projektet X, en mottagning för … . Projektet har finansierats med 650 000
            # kronor ur socialtjänstnämndens utvecklingsmedel": its money in the next sentence
            and not _funded_next(sents[k + 1 : k + 2])
        ):
            continue  # named once, outside a decision or heading: a passing mention
        follow = [t.text for t in sents[k : k + 3]]
        funds = find_funds(" ".join(follow), ctx.study_fund)
        named = _named(
            name,
            s,
            find_places,
            find_orgs,
            end_date_in(" ".join(follow)),
            funds[0][2] if funds else None,
            None,
            ref_date,
        )
        named.amount_sek = _whole_sum(follow)
        return named
    return None


def _funded_next(nxt: Sequence[Any]) -> bool:
    """Whether the sentence after a name speaks of it ("Projektet …", "Studien …") and
    states its money from a named fund."""
    if not nxt:
        return False
    t = dehyphen_join(nxt[0].text.split("\n"))
    return bool(
        _ANAPHOR.match(fold(t))
        and (find_funds(t) or _FUNDED.search(fold(t)))
        and any(a.per in (None, "år") for a in find_amounts(t))
    )


_FUNDED = re.compile(r"\b(?:finansier\w*|bevilja\w*|tilldela\w*|erhallit|fatt|kostar|kostade)\b")
_ANAPHOR = re.compile(r"\s*(?:projektet|studien|satsningen|insatsen|verksamheten)\b")


def _whole_sum(texts: Sequence[str]) -> int | None:
    found = [(t, a) for t in texts for a in find_amounts(t)]
    for t, a in found:
        if _WHOLE.search(fold(t[max(0, a.start - 40) : a.start])):
            return a.sek
    plain = [a.sek for _t, a in found if a.per is None]
    yearly = [a.sek for _t, a in found if a.per == "år"]  # "650 000 kronor per år"
    return next(iter(plain or yearly), None)


#: "genomföra studien Äldre personer med alkoholproblem i hemtjänsten inom en ram om 850 tkr":
#: a study (or project) named without quotation marks up to the frame of its cost
_FRAMED = re.compile(
    r"\b(?:studien|projektet|utvärderingen|kartläggningen|uppdraget)\s+"
    r"(?P<name>[A-ZÅÄÖ][^,;:]{3,140}?)\s+(?:inom\s+en\s+(?:kostnads)?ram|till\s+en\s+kostnad|"
    r"med\s+en\s+budget)\s+(?:om|av|på)\s+"
    r"(?P<sum>(?:ca\.?\s*|cirka\s+)?\d[\d\s.,]*\s*(?:kr|kronor|tkr|mkr|mnkr|miljon\w*\s+kronor)\b)"
)


def find_framed_studies(
    lines: Sequence[BodyLine],
    ctx: Context,
    find_places: PlaceFinder,
    find_orgs: OrgFinder | None = None,
    ref_date: dt.date | None = None,
) -> list[NamedProject]:
    """Studies a decision names in running text with the frame of their cost ("att ge
    socialnämnden i uppdrag att genomföra studien X inom en ram om 1,2 mnkr"): the name is the
    text up to the frame, the sum the frame's. For documents where no other reader found a
    project."""
    out: list[NamedProject] = []
    for s in _all_sentences(lines):
        joined = dehyphen_join(s.text.split("\n"))
        for m in _FRAMED.finditer(joined):
            name = m.group("name").strip(" -–")
            sums = [a for a in find_amounts(m.group("sum")) if a.per is None]
            if not sums or find_amounts(name) or any(fold(name) == fold(o.name) for o in out):
                continue
            funds = find_funds(joined, ctx.study_fund)
            named = _named(
                name,
                s,
                find_places,
                find_orgs,
                None,
                funds[0][2] if funds else ctx.fund_before(s.first),
                ctx.year_at(s.first),
                ref_date,
            )
            named.status = "beviljad"  # a decision commissions it
            named.text = m.group(0)  # the item that names it (and the places in it)
            named.places = [p for p in find_places(m.group(0)) if getattr(p, "kind", "") != "unit"]
            named.amount_sek = sums[0].sek
            out.append(named)
    return out
