"""Reading context: the fund type and year a passage is about, and the body of a document
as lines with their headings (``BodyLine``) in a ``Context`` that answers which fund and year
hold at a line and which headings stand above it.

Cue vocabularies are compiled and applied in :mod:`pipeline.facts.cues`; sentences and
paragraphs are cut in :mod:`pipeline.facts.text_units`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.facts.cues import cue_hits
from pipeline.facts.grant_forms import PROGRAM_FUNDS
from pipeline.facts.title_money import MONEY_LABEL, title_grant, title_money
from pipeline.lang.fuzzy import fold, skeleton
from pipeline.lang.numbers import YEAR

__all__ = [
    "BodyLine",
    "Context",
    "GENERIC_FUNDS",
    "document_fund",
    "find_funds",
    "find_years",
    "sentence_year",
    "specific_fund",
    "study_fund_of",
]

GENERIC_FUNDS = _GENERIC_FUNDS = frozenset({"FoU"})  # named only when no specific fund is
#: (not a statute's number: "förordningen (2010:1122)", "SFS 2001:453")
_YEAR = re.compile(rf"(?<![\d/.-])({YEAR})(?![\d])(?!:\d{{3}})")


# --------------------------------------------------------------------------- funds & years


def find_funds(text: str, study_fund: str = "MUL") -> list[tuple[int, int, str]]:
    """Fund mentions ``(start, end, fund_type)``; overlapping cues keep the longest, and the
    generic "FoU-medel" counts only where no specific fund (LUM, MUL …) is named."""
    out: list[tuple[int, int, str]] = []
    last_end = -1
    hits = cue_hits(text, "fund")
    skel = skeleton(text)
    printed = [
        h for h in hits if h.cue.pattern.match(text if h.cue.case_sensitive else skel, h.start)
    ]
    state = []  # "statliga medel": the state's money, unless a programme of it is named
    for h in hits:
        if h.start < last_end:
            continue
        if h not in printed and any(p.start < h.end and h.start < p.end for p in printed):
            continue  # a loose reading ("sociala …" of "lokala utvecklingsmedel") yields to the printed
        value = study_fund if h.value == "STUDY" else h.value
        out.append((h.start, h.end, value))
        state += out[-1:] if h.cue.phrase.startswith("statliga") else []
        last_end = h.end
    if state and any(f[2] != "statsbidrag" for f in out):  # "… inom storstadssatsningen"
        out = [f for f in out if f not in state]
    specific = [f for f in out if f[2] not in _GENERIC_FUNDS]
    return specific or out


#: a sentence that sends a fund's money to another ärende (begun only where a sentence or line
#: begins: from every position of a long line without a full stop the search is quadratic)
_ELSEWHERE = re.compile(
    r"(?<![^.\n])[^.\n]*(?:\n[^.\n]*)?\b(?:särskilt|eget|separat)\s+ärende\b[^.]*\."
)
#: a fund that takes at least this share of a document's fund mentions is what it is about
DOCUMENT_FUND_SHARE = 0.6


def document_fund(
    title: str | None,
    body: str,
    study_fund: str = "MUL",
    committee: str | None = None,
    elsewhere: bool = False,
) -> str | None:
    """The fund a whole document is about: the only fund its title names, else the fund that
    dominates its body's fund mentions (a call for LUM names LUM throughout), else None. A
    title that names only "FoU-medel" leaves it to the body ("s.k. lokala utvecklingsmedel
    (FoU-medel)")."""
    hits = find_funds(title or "", study_fund)
    if (grant := title_grant(title)) and any(
        s and (title or "")[s - 1].isalpha() for s, _e, _f in hits
    ):
        # "Evenemangsbidrag till föreningar": the grant form the title names, not the
        # associations' grants its last words read loosely as
        return grant
    in_title = {f[2] for f in hits}
    if paired_funds(title, study_fund):
        return None  # "… utvecklingsmedel och medel för studiebesök": two funds
    if len(in_title) == 1 and not in_title <= _GENERIC_FUNDS:
        return in_title.pop()
    if len(in_title) > 1:
        return None
    if not in_title and _SUMMER_JOBS.search(fold(title or "")):
        return "feriejobb"
    if not in_title and (money := title_money(title)):
        # "Fördelning av integrationsmedel för 2003", "Medel ur stadens innovationsfond":
        # money the title shares out under a name of its own
        return money
    if not in_title and (grant := title_grant(title)):
        # "Utvecklingsbidrag för integration genom idrott": the grant form the title names,
        # though the body speaks of "bidrag till föreningar"
        return grant
    counts: dict[str, int] = {}
    # ("Lokala utvecklingsmedel behandlas i ett särskilt ärende.": money dealt with elsewhere)
    for f in find_funds(_ELSEWHERE.sub(" ", body), study_fund):
        counts[f[2]] = counts.get(f[2], 0) + 1
    # "utvecklingsmedel" with no fund's name beside it: the nämnd's own money when the text
    # speaks of it most (the social committees' are LUM, though a footnote names a statsbidrag)
    bare = len(_BARE_DEVELOPMENT.findall(fold(body)))
    own = committee not in _FOU_COMMITTEES or elsewhere
    social = committee in _SOCIAL_COMMITTEES and not elsewhere
    if (own or social) and bare and counts and bare >= 2 * max(counts.values()):
        counts[_DEVELOPMENT_FUND if own else "LUM"] = bare if own else counts.get("LUM", 0) + bare
    total = sum(counts.values())
    whole = fold(f"{title}\n{body}")
    if total == 1 and _COMMISSIONS_STUDIES.search(whole):
        return "FUM"  # (one mention of another fund in passing: "har dessutom sökt … LUM")
    if elsewhere and sum(counts.values()) >= 2 and not set(counts) - _GENERIC_FUNDS:
        return "FoU-medel"  # another municipality's FoU money: its own, no fund of the city's
    if counts and not set(counts) - _GENERIC_FUNDS and "stadsdelsnamnd" in fold(committee or ""):
        return "LUM"  # a district's "FoU-medel": the local development money it applies for
    if not set(counts) - _GENERIC_FUNDS:
        # no fund named but FoU money at most: a nämnd commissioning studies from outside
        # researchers ("beställer studier", "uppdragstagare") spends the city-wide FoU money
        if _COMMISSIONS_STUDIES.search(whole):
            return "FUM"
        # another nämnd's own "utvecklingsmedel" (Utbildningsnämnden, Äldrenämnden), where
        # no FoU fund is named: the document's money keeps that name
        if _DEVELOPMENT_MONEY.search(whole):
            # the social committee's own utvecklingsmedel, shared out to the districts on
            # application, are the local development money
            return "LUM" if social else _DEVELOPMENT_FUND
        # a grant form the title names that no list knows ("Arrangörsbidrag till ideella
        # föreningar 2013"): the document's money keeps that name
        return title_grant(title)
    best = max(counts, key=lambda k: counts[k])
    return (
        best if counts[best] >= DOCUMENT_FUND_SHARE * total and best not in _GENERIC_FUNDS else None
    )


def is_program_fund(fund: str | None) -> bool:
    """Whether a fund label is a grant form of a committee (the label of money that is no
    FoU fund): a known one, or one a title named (`title_grant`, `title_money`)."""
    return fund in PROGRAM_FUNDS or bool(
        fund
        and fund != "statsbidrag"
        and fund.islower()
        and (fund.endswith("bidrag") or MONEY_LABEL.fullmatch(fund))
    )


#: money for summer jobs, a fund when a title is about it ("Fördelning av medel för feriejobb
#: 2024"); in a body it is one use among others ("feriejobb, kvällsöppna fritidsgårdar …")
_SUMMER_JOBS = re.compile(r"\bferie(?:jobb|arbet)\w*")
_DEVELOPMENT_FUND = "utvecklingsmedel"
#: the committees whose "utvecklingsmedel" are the FoU funds themselves
_FOU_COMMITTEES = frozenset({"Socialnämnden", "Socialtjänstnämnden", "Kommunstyrelsen", None})
_SOCIAL_COMMITTEES = frozenset({"Socialnämnden", "Socialtjänstnämnden"})
#: funds no cue prints, named from what a whole document is about (see `document_fund`)
NAMED_BY_DOCUMENT = frozenset({_DEVELOPMENT_FUND, "feriejobb"})
_DEVELOPMENT_MONEY = re.compile(r"\butvecklingsmed(?:el|len|lens|lets)\b")
_BARE_DEVELOPMENT = re.compile(
    r"(?<!lokala )(?<!lokal )\butvecklingsmed(?:el|len|lens|lets)\b(?!\s*\((?:lum|fou))"
)
#: studies ordered from researchers outside the förvaltning (how FUM money is spent)
_COMMISSIONS_STUDIES = re.compile(
    r"\bbestall\w*\s+(?:\w+\s+){0,3}(?:studie\w*|forskningsuppdrag\w*|utvarderingsuppdrag\w*)"
    r"|\b(?:studie\w*|uppdrag\w*)\s+(?:\w+\s+){0,3}bestall\w*"
    # studies called off under a framework agreement ("avrop 3 enligt ramavtalet")
    r"|\bavrop\w*\s+(?:\w+\s+){0,4}ramavtal\w*|\bramavtal\w*\s+(?:\w+\s+){0,4}avrop"
)


def study_fund_of(text: str, year: int | None = None) -> str:
    """What a document calls its study-visit money: MUST or MUL, whichever it names more;
    naming neither, the name of its year (MUL from 2016, MUST before)."""
    n_must = len(re.findall(r"\bMUST\b", text))
    n_mul = len(re.findall(r"\bMUL\b", text))
    if n_must == n_mul == 0 and year is not None and year < _MUL_SINCE:
        return "MUST"
    return "MUST" if n_must > n_mul else "MUL"


_MUL_SINCE = 2016  # the study-visit money's name in the documents from this year on


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Four-digit years ``(start, end, year)`` that are not part of a dnr, date or range end."""
    return [(m.start(1), m.end(1), int(m.group(1))) for m in _YEAR.finditer(text)]


_STRONG_YEAR = re.compile(
    rf"(?:f[oö6é]r\s+[aåä&é]r|f[oö6é]r|under|inf[oö6é]r|[aåä&é]r)\s+({YEAR})"
    rf"|({YEAR})\s+[aåä&é]rs",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def sentence_year(text: str, near: int | None = None) -> int | None:
    """The year a sentence is about: "för år 2018", "2017 års medel", "under 2018" first,
    else a bare year (the one nearest to `near` when given). Dates and dnr do not count.
    (Remembered: a long document's headings are asked again for every line below them.)"""
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
    before = text[max(0, pos - 14) : pos]
    after = text[pos + 4 : pos + 8]
    if re.search(r"/\s*$", before) or re.match(r"-\d\d", after):
        return True
    months = (
        r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
        r"november|december)"
    )
    # a day's date ("17 juni 2019"), or an event's month ("fastställde i december 2000"):
    # when something happened, not the year a sentence is about; so is the year a project
    # started ("som påbörjades 2024")
    return bool(
        re.search(rf"(?:\d{{1,2}}\s+|\bi\s+){months}\s+$", before, re.IGNORECASE)
        or _STARTED.search(text[max(0, pos - 24) : pos])
        or _UNTIL.search(text[max(0, pos - 30) : pos])
    )


#: when the work ends ("pågår till och med juni 2012", "t.o.m. 2014"): its end, not its year
_UNTIL = re.compile(
    r"\b(?:pågår|pagar|pågick|pagick|löper|loper)\s+(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?|"
    r"fram\s+till|till)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


_STARTED = re.compile(
    r"\b(?:påbörjades|paborjades|startade|startades|inleddes|påbörjade|paborjade)\s+(?:år\s+)?$",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- body & context


#: a protocol's paragraph mark on a line of its own: "§ 10", "§ 10  Dnr 1.4-027/2017"
_PARAGRAPH_MARK = re.compile(r"^\s*§\s*\d{1,3}\b(?:\s{2,}.*)?$")


#: a heading that ends in the period its work ran ("… uppföljning 2019–2021")
_PERIOD_END = re.compile(r"(?:19|20)\d\d\s*[–-]\s*(?:19|20)?\d\d\s*$")


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
    # the local development money and the study-visit money a title names together
    # ("Ansökan om lokala utvecklingsmedel (LUM) och medel för … (MUL) 2025")
    paired: bool = False
    _heads: list[int] = field(default_factory=list)
    _paras: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._heads = [i for i, ln in enumerate(self.lines) if ln.heading]
        # a protocol's "§ 10" over its subject ("Projektbidrag till föreningar … 2017"): the
        # subject heads the paragraph's lines, for their year
        self._paras = [
            i + 1
            for i, ln in enumerate(self.lines[:-1])
            if _PARAGRAPH_MARK.match(ln.text) and self.lines[i + 1].text.strip()
        ]

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

    def _own_budget_label(self, j: int) -> bool:
        """Is line `j` a label of its own over work paid from the committee's own budget?"""
        text, before = self.lines[j].text.strip(), self.lines[j - 1].text if j else ""
        if len(text.split()) > 8 or text.endswith(".") or before.strip():
            return False
        return _OWN_BUDGET.search(fold(text)) is not None

    def _names_both(self, j: int) -> bool:
        """Does the sentence that ends on line `j` name both of a paired paper's funds?"""
        prev = self.lines[j - 1] if j > 0 else None
        before = prev.text if prev is not None and prev.text.strip() and not prev.heading else ""
        text = f"{before} {self.lines[j].text}"
        cut = len(before) + 1
        for m in re.finditer(r"[^.!?]+(?:[.!?]|$)", text):
            if m.end() <= cut:
                continue
            named = {f[2] for f in find_funds(m.group(0), self.study_fund)}
            if len(named) > 1:
                return True
        return False

    def year_at(self, i: int) -> int | None:
        """The year named by the nearest heading above line `i` (any earlier heading of the
        document, the nearest first), else the document's default year."""
        para = next((k for k in reversed(self._paras) if k <= i), None)
        nearest = True
        for h in reversed(self._heads):
            if h > i:
                continue
            if para is not None and para > h:
                break  # the paragraph's subject is nearer than any heading
            if not nearest and _PERIOD_END.search(self.lines[h].text):
                continue  # "Sociala insatsgrupper – uppföljning 2019–2021": its own part's
            nearest = False
            y = sentence_year(self.lines[h].text)
            if y is not None:
                return y
        if para is not None and (y := sentence_year(self.lines[para].text)) is not None:
            return y
        return self.default_year

    def fund_before(self, i: int, limit: int = 40, with_default: bool = True) -> str | None:
        """The last fund named in the body lines before line `i` within the same section
        (at most `limit` lines back), else the heading fund."""
        j = i
        stop = max(-1, i - limit)
        while j > stop:
            ln = self.lines[j]
            if self._own_budget_label(j):
                return None  # "Studier inom nämndens egen budget": no fund's money
            if j == i and (j := j - 1) >= 0:
                continue
            funds = granting_funds(ln.text, self.study_fund)
            if funds:
                if self.paired and self._names_both(j):
                    break  # "… avsatt medel för LUM och MUL": the paper's two funds, no one's
                return funds[-1][2]
            if ln.heading:
                break
            j -= 1
        return self.fund_at(i, with_default)


def granting_funds(text: str, study_fund: str = "MUL") -> list[tuple[int, int, str]]:
    """The funds a text names, but for the other financiers of a project ("… total kostnad
    1 100 tkr, varav 400 tkr Allmänna arvsfonden"): only the committees' own funds there."""
    funds = find_funds(text, study_fund)
    if funds and _COFINANCED.search(fold(text)):
        return [f for f in funds if f[2] in FOU_FUNDS]
    return funds


#: a line on a project's other financiers ("total kostnad 1 100 tkr, varav 400 tkr …")
_COFINANCED = re.compile(
    r"\b(?:varav|(?:med|sam)finansi\w*|(?:egen|extern|annan|ovrig)\s+finansiering)\b"
)
#: a label over work paid from the committee's own budget, no fund's
_OWN_BUDGET = re.compile(
    r"\b(?:inom|ur|med|fran|over)\s+(?:namndens|forvaltningens|stadsdelens|egen|egna)\s+"
    r"(?:egen\s+|egna\s+|ordinarie\s+)?(?:budget|ram|medel)\b"
)


def specific_fund(fund: str | None, ctx: Context, about: str = "") -> str | None:
    """The generic "FoU-medel" names no fund of its own: it is the fund the document is
    about when it is about one, else unknown. A grant form named in passing ("projektbidrag",
    "föreningsbidrag") in a document about one FoU fund is that fund's money. In a document
    about both the local development money and the study-visit money, what a project is
    `about` says which: a trip is the study visits', any other work the local money's."""
    if is_program_fund(fund) and ctx.default_fund in FOU_FUNDS:
        return ctx.default_fund
    if fund not in GENERIC_FUNDS:
        got = fund
    else:
        got = ctx.default_fund if ctx.default_fund not in GENERIC_FUNDS else None
        if got in ("MUST", "MUL") and about and not _TRIP.search(fold(about)):
            got = None  # (the "FoU-medel" of a paper on them and the study visits: no trip's)
    if got is None and about and ctx.paired:
        return ctx.study_fund if _TRIP.search(fold(about)) else "LUM"
    return got


#: a study trip named ("Studieresa till Antwerpen", "Resmål:", "studiebesök i Oslo")
_TRIP = re.compile(r"\b(?:studieres\w*|studiebesok\w*|resa till|resmal|resan till)\b")


def paired_funds(title: str | None, study_fund: str = "MUL") -> bool:
    """Does the title name the local development money and the study-visit money, and no
    other fund? ("Fördelning av utvecklingsmedel och medel för studiebesök": the bare
    word beside the study-visit money is the local money)"""
    named = {f[2] for f in find_funds(title or "", study_fund)}
    bare = named == {study_fund} and _BARE_DEVELOPMENT.search(fold(title or "")) is not None
    return named == {"LUM", study_fund} or bare


#: the committees' own research and development funds
FOU_FUNDS = frozenset({"LUM", "MUL", "MUST", "FUM"})
#: grants to an organisation's running activity ("Verksamhetsbidrag" in a row's grant-form
#: cell, "Tabell 9. Verksamhetsbidrag till föreningar"): money, but no project
OPERATING_FUNDS = frozenset({"verksamhetsbidrag", "verksamhetsstöd"})
