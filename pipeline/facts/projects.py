"""Projects described under their own headings, and how they join the table rows.

How the documents write them: an introducing sentence ("Följande stadsövergripande
projekt finansierade med FUM har pågått under året.") and then one sub-heading per study with
a paragraph that says who carries it out ("… har genomförts av <institution> vid <universitet>",
"Sedan <år> genomför <organisation> en utvärdering", "<Konsult> har genomfört studien") and
when it ends ("ska avslutas den 30 juni 2019", "ska vara klar senast den …", "förlängning …
t o m <datum>").
The run of study headings ends at a heading that names another fund, at a standard part
("Ärendet", "Förvaltningens synpunkter"), or after the study table. A heading that matches
a row of a project table is a study too, with or without an introduction.

Status: the end date against the document's date (ended → genomförd, later → pågående),
else the paragraph's status cues ("slutrapporterades" → genomförd, "pågår" → pågående).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.facts.context import BodyLine, Context, find_funds, sentence_year
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.tables import TableRow, header_columns, parse_end_date, season_end
from pipeline.facts.text_units import dehyphen_join, generic_heading, sentences
from pipeline.lang.fuzzy import fold

__all__ = [
    "Study",
    "canonical_org",
    "find_studies",
    "decided_status",
    "match_row",
    "performer_in",
    "status_from",
]

OrgFinder = Callable[[str], list[tuple[int, int, str]]]

_CONNECT = {"i", "vid", "för", "for", "och", "&"}
_STOP_AFTER = re.compile(r"[.,;:()]")
_AUX = {"har", "hade", "ska", "skall", "kommer", "att", "kan"}
_MAX_NAME_WORDS = 9
_CLAUSE_STOP = {
    # the verb after the subject ("… vid Stockholms universitet har ansökt om …")
    "har",
    "hade",
    "ansoker",
    "soker",
    "driver",
    "genomfor",
    "beviljas",
    "beviljades",
    "en",
    "ett",
    "som",
    "via",
    "under",
    "inom",
    "sedan",
    "med",
    "tillsammans",
    "pa",
    "och",
    "samt",
    "men",
    "kring",
    "om",
    "infor",
    "efter",
    "till",
}
_MATCH_MIN = 78.0


@dataclass
class Study:
    name: str
    heading_line: int
    last_line: int
    page_no: int
    text: str
    performer: str | None
    end_date: dt.date | None
    status: str | None
    fund_type: str | None
    year: int | None
    aliases: tuple[str, ...] = ()


def _name_after(words: list[str]) -> list[str]:
    """A proper name at the start of `words` ("Institutionen för socialt arbete vid Lunds
    universitet", "FoU i Norr"): it starts with a capital and runs to punctuation, an
    article or a clause word; trailing ordinary words are dropped."""
    if not words or not words[0].strip("\"”“'(")[:1].isupper():
        return []
    run: list[str] = []
    k = 0
    while k < min(len(words), _MAX_NAME_WORDS + 6):
        bare = words[k].strip("\"”“'")
        k += 1
        if fold(bare.strip(".,;:)")) in _CLAUSE_STOP:
            break
        if fold(bare) in ("i", "pa") and run and _org_tail(run[-1].strip(".,;:")):
            break  # "… vid Stockholms universitet i Rinkeby-Kista": where, not who
        run.append(bare)
        if bare.endswith(",") and k < len(words) and _UNIT.match(words[k]):
            continue  # "Karolinska institutet, institutionen för klinisk neurovetenskap"
        if bare.endswith(",") and _research_body_next(words[k : k + 3]):
            continue  # "Institutionen för folkhälsovetenskap, Karolinska Institutet"
        if _STOP_AFTER.search(bare[-1:]) or len(run) >= _MAX_NAME_WORDS and not _in_unit(run):
            break
    if _in_unit(run):
        return [*run[:-1], run[-1].rstrip(".,;:")]  # a department's name ends in any word
    while run and not (run[-1].strip(".,;:")[:1].isupper() or _org_tail(run[-1].strip(".,;:"))):
        run.pop()
    return run


def _research_body_next(words: list[str]) -> bool:
    """Do the next words (at most three) name a university, högskola or institute, as a
    department's name goes on after a comma ("…, Stockholms universitet")?"""
    for n, w in enumerate(words):
        bare = w.strip("\"”“'")
        if not bare[:1].isupper() and n == 0:
            return False
        if _RESEARCH_WORD.search(bare.rstrip(".,;:)")):
            return True
        if _STOP_AFTER.search(bare[-1:]):
            return False
    return False


#: a department named after its university, after a comma
_UNIT = re.compile(r"^(?:institutionen|avdelningen|enheten|centrum|centret)$", re.IGNORECASE)


def _in_unit(run: list[str]) -> bool:
    return any(_UNIT.match(w) for w in run[1:])


def _name_before(words: list[str]) -> list[str]:
    """A proper name that ends `words` (the subject before its verb)."""
    run: list[str] = []
    for w in reversed(words[-_MAX_NAME_WORDS:]):
        bare = w.strip("\"”“'")
        if not bare or _STOP_AFTER.search(bare[-1:]):
            break
        if bare[:1].isupper() or (run and bare.lower() in _CONNECT):
            run.insert(0, bare)
            continue
        break
    while run and run[0].lower() in _CONNECT:
        run.pop(0)
    return run


def _org_tail(w: str) -> bool:
    """Lower-case words that still belong to an organisation's name."""
    return bool(cue_hits(w, "performer_word")) or fold(w) in {
        "institutionen",
        "hogskola",
        "universitet",
    }


def performer_in(text: str, find_orgs: OrgFinder | None = None) -> str | None:
    """Who carries out the work described in `text`, from performer verbs."""
    for h in cue_hits(text, "performer_verb"):
        after = text[h.end :].lstrip(" :").split()
        run = _name_after(after)  # "Utförare: X" too
        if not run and h.value == "by":
            # "genomförs av docent Anna Berg vid Institutionen för …": the researcher's
            # department, named after "vid"
            vid = next((n for n, w in enumerate(after[:_PERSON_WORDS]) if w == "vid"), None)
            if vid is not None:
                run = _name_after(after[vid + 1 :])
            elif len(after) > 1 and _FIRM_NOUN.search(fold(after[0])):
                # "utförs av konsultföretaget Wessman & Lorentz AB": a noun, then the name
                run = _name_after(after[1:])
        if not run and h.value != "by":
            before = text[: h.start].split()
            while before and before[-1].lower() in _AUX:
                before.pop()
            run = _name_before(before)
        if run:
            cand = " ".join(run).strip(" .,;:")
            after = [fold(w.strip(".,;:")) for w in text[h.end :].split()[: len(run) + 1]]
            if _CITY_UNIT.search(fold(cand)) or any(_CITY_UNIT.fullmatch(w) for w in after):
                continue  # "genomförts av Vantörs stadsdelsförvaltning i samarbete med …": the owner
            return canonical_org(cand, find_orgs)
    return None


def _names_row(heading: str, r: TableRow) -> bool:
    """A heading after the table names a row when it is the row's name, near enough letter
    for letter (a loose match would take "Ekonomi" for "Digital ekonomisk rådgivning")."""
    h, n = fold(heading).strip(" .:"), fold(r.name)
    return fuzz.ratio(h, n) >= _AFTER_TABLE_MATCH


_AFTER_TABLE_MATCH = 85.0


def research_body_in(text: str, find_orgs: OrgFinder | None = None) -> str | None:
    """The first research body (a university, högskola or institute) a project's own text
    names, by its full name ("Sociologiska institutionen vid Stockholms universitet",
    "Socialhögskolan i Stockholm", "Sköndalsinstitutet"): when no performer verb says who
    carries the project out, the research body its description names does."""
    words = text.split()
    for k, w in enumerate(words):
        if not _RESEARCH_WORD.search(w):
            continue
        start = k
        # back to the capitalised word that opens the name ("Sociologiska institutionen")
        while start > 0 and not words[start].strip("\"”“'(")[:1].isupper() and k - start < 3:
            start -= 1
        run = _name_after(words[start:])
        if run and any(_RESEARCH_WORD.search(x) for x in run):
            cand = " ".join(run).strip(" .,;:")
            if not _CITY_UNIT.search(fold(cand)):
                return canonical_org(cand, find_orgs)
    return None


#: a word that ends a research body's name (not "universitetslektor", a person's title)
_RESEARCH_WORD = re.compile(
    r"(?:universitet|universitetet|högskola|hogskola|högskolan|hogskolan|institut|institutet|"
    r"institutionen)[.,;:)]*$",
    re.IGNORECASE,
)
#: a noun for a firm or body before its name ("konsultföretaget X AB", "föreningen Y"); a
#: person's title ("docent Anna Berg") is not the performer's name
_FIRM_NOUN = re.compile(
    r"(?:foretag|byra|byran|forening|stiftelse|organisation|firma|bolag|konsult)\w*$"
)
#: the words a researcher's title and name take before "vid" ("professor Anna Berg och
#: doktorand Per Holm vid …")
_PERSON_WORDS = 10

#: a name that ends like a city unit: the project's owner, never its performer
_CITY_UNIT = re.compile(r"(?:stadsdels\w*|forvaltning\w*|namnd\w*|kontoret|sdf)$")


def canonical_org(cand: str, find_orgs: OrgFinder | None) -> str:
    """A known organisation's own name when it covers the candidate."""
    if find_orgs is None:
        return cand
    for s, e, name in find_orgs(cand):
        covers = (s == 0 and e >= len(cand) - 2) or (s <= 1 and e - s >= 0.7 * len(cand))
        # the same name spelt better (OCR damage, a missing letter); another name of the
        # organisation (an alias) is not how this document prints it
        if covers and fuzz.ratio(fold(name), fold(cand)) >= _SPELLING_MIN:
            return name
    return cand


_SPELLING_MIN = 85.0


def status_from(text: str, end: dt.date | None, ref: dt.date | None) -> str | None:
    if end is not None and ref is not None:
        return "genomförd" if end <= ref else "pågående"
    score = strongest(cue_hits(text, "status"))
    score.pop("beviljad", None)
    score.pop("ansökt", None)
    if not score:
        return None
    return max(score.items(), key=lambda kv: kv[1])[0]


def end_date_in(text: str) -> dt.date | None:
    best: dt.date | None = None
    for s in sentences([text]):
        if not cue_hits(s.text, "end_cue"):
            continue
        turn = _TURN_OF_YEAR.search(s.text)
        if turn is not None:  # "avslutas vid årsskiftet 2006/2007": the last day of the first
            best = dt.date(int(turn.group(1)), 12, 31)
            continue
        d = parse_end_date(s.text)
        if d is not None and d[3] is not None:
            best = d[3]
        elif _PLANNED.search(fold(s.text)):
            # a plan ends in a season ("ska vara avslutad hösten 2008"); a report's season
            # ("Under våren 2020 slutrapporterades …") says when it was reported
            best = season_end(s.text) or best
    if best is None:
        # a period printed bare ("2025-04-01 till 2025-12-31", "2007-09-01 -- 2008-06-30"):
        # the work ends on its last day
        m = _PERIOD.search(text)
        if m is not None:
            d = parse_end_date(m.group(1))
            best = d[3] if d is not None else None
    return best


_PLANNED = re.compile(r"\b(?:ska|skall|beraknas|planeras|berakna[st])\b")
#: the turn of a year: "vid årsskiftet 2006/2007", "årsskiftet 2019–2020"
_TURN_OF_YEAR = re.compile(r"\b[åa]rsskiftet\s+((?:19|20)\d\d)\s*[/–-]\s*(?:19|20)?\d\d\b", re.I)
_PERIOD = re.compile(
    r"\b(?:19|20)\d\d-\d\d-\d\d\s*(?:till|t\.?\s?o\.?\s?m\.?|--|–|—|-)\s*"
    r"((?:19|20)\d\d-\d\d-\d\d)\b"
)


def _is_intro(text: str) -> bool:
    f = fold(text)
    if _COUNTED_GRANT.search(f):
        return True  # "… föreslagit att fyra av dem beviljas medel"
    return bool(cue_hits(text, "list_intro")) and bool(
        re.search(r"projekt|studie|uppdrag|utvardering", f)
    )


#: a sentence that says how many of the applications are granted: what follows are they
_COUNTED_GRANT = re.compile(
    r"\b(?:tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|\d{1,2})\s+"
    r"(?:av\s+(?:dem|dessa|ansokningarna|projekten)|projekt|studier|ansokningar)\b"
    r"[^.]{0,60}\b(?:beviljas|tilldelas|far medel|foreslas)\b"
)


def find_studies(
    lines: Sequence[BodyLine],
    ctx: Context,
    table_rows: Sequence[TableRow] = (),
    find_orgs: OrgFinder | None = None,
    ref_date: dt.date | None = None,
) -> list[Study]:
    """Studies under their own headings: after an introducing sentence, or matching a
    table row."""
    heads = [i for i, ln in enumerate(lines) if ln.heading]
    chosen: list[int] = []
    intro_of: dict[int, int] = {}
    # 1. runs of headings after an introducing sentence
    for i, ln in enumerate(lines):
        if ln.heading or not _is_intro(ln.text):
            continue
        nxt = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].text.strip()), None)
        if nxt is None or not lines[nxt].heading and not _next_is_heading(lines, i):
            continue
        fund = _fund_near(lines, i, ctx)
        table_at = min((r.first_line for r in table_rows if r.first_line > i), default=len(lines))
        for h in heads:
            if h <= i:
                continue
            if h > table_at:
                break  # the study table closes the run
            hl = lines[h]
            if hl.level == 1 or header_columns(hl.text):
                break
            f = find_funds(hl.text, ctx.study_fund)
            if f and fund and f[0][2] != fund:
                break
            if _is_table_line(lines, h, table_rows) or generic_heading(hl.text):
                continue
            chosen.append(h)
            intro_of[h] = i
    # 2. headings that name a table row, before the table or after it (a table, then a
    #    section on each of its projects)
    for r in table_rows:
        for h in heads:
            if (
                h not in chosen
                and not _is_table_line(lines, h, table_rows)
                and match_row(lines[h].text, r, "") >= _MATCH_MIN
                and (h < r.first_line or (h > r.last_line and _names_row(lines[h].text, r)))
            ):
                chosen.append(h)
    out: list[Study] = []
    for h in sorted(set(chosen)):
        end = next((k for k in heads if k > h), len(lines))
        end = min([end] + [r.first_line - 1 for r in table_rows if r.first_line > h])
        body = [lines[k].text for k in range(h + 1, end) if lines[k].text.strip()]
        # a header line of a table ends the paragraph
        for k, t in enumerate(body):
            if header_columns(t):
                body = body[:k]
                break
        text = dehyphen_join(body)
        if not text:
            continue
        intro = intro_of.get(h)
        fund = _fund_near(lines, intro, ctx) if intro is not None else ctx.fund_at(h)
        year = sentence_year(lines[intro].text) if intro is not None else None
        end_date = end_date_in(text)
        out.append(
            Study(
                name=_tidy_name(_LABEL_PREFIX.sub("", lines[h].text.strip())),
                heading_line=h,
                last_line=end - 1,
                page_no=lines[h].page_no,
                text=text,
                performer=performer_in(text, find_orgs) or research_body_in(text, find_orgs),
                end_date=end_date,
                status=decided_status(lines[intro].text if intro is not None else "")
                or status_from(text, end_date, ref_date),
                fund_type=fund,
                year=year or ctx.year_at(h),
                aliases=tuple(re.findall(r"\(([A-ZÅÄÖ]{2,8})\)", text)),
            )
        )
    return out


def decided_status(intro: str) -> str | None:
    """What an introduction that grants or applies ("Förvaltningen föreslår att följande
    fyra projekt beviljas medel") makes of the studies after it, whatever their end dates:
    ``beviljad`` or ``ansökt``; None for an introduction that reports on them."""
    score = strongest(cue_hits(intro, "status"))
    if not score or "genomförd" in score or "pågående" in score:
        return None
    f = fold(intro)
    if _GRANTING.search(f):
        return "beviljad"
    if _APPLYING.search(f):
        return "ansökt"
    return "beviljad" if _PROPOSING.search(f) else None


#: the present or future of granting (a past "beviljades" reports on earlier grants); an
#: application the nämnd sends; a proposal that is neither (the förvaltning's to the nämnd)
_GRANTING = re.compile(r"\b(?:beviljas|tilldelas|fordelas)\b")
_APPLYING = re.compile(r"\b(?:soker|ansoker|soks|ansokan|ansokningar|ansokningarna)\b")
_PROPOSING = re.compile(r"\b(?:foreslas|foreslar)\b")


def _next_is_heading(lines: Sequence[BodyLine], i: int) -> bool:
    k = i + 1
    while k < len(lines) and lines[k].text.strip() and not lines[k].heading:
        k += 1  # the introduction may wrap
        if k - i > 2:
            return False
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    return k < len(lines) and lines[k].heading


def _is_table_line(lines: Sequence[BodyLine], h: int, rows: Sequence[TableRow]) -> bool:
    return any(r.first_line <= h <= r.last_line for r in rows)


def _fund_near(lines: Sequence[BodyLine], i: int, ctx: Context) -> str | None:
    f = find_funds(lines[i].text, ctx.study_fund)
    if f:
        return f[-1][2]
    return ctx.fund_before(i)


#: "Studie 2: ", "Projekt B – " before a project's name in its heading
_LABEL_PREFIX = re.compile(
    r"^(?:(?:delprojekt|projekt|studie|utvärdering|uppdrag)\s+(?:\d{1,2}|[A-H])\s*[:.–-]|"
    # "Nytt projekt: Name", "Pågående studie: Name": what kind of project, then its name
    r"(?:nytt|nya|ny|pågående|fortsatt|avslutat|avslutad)\s+(?:projekt|studie|uppdrag)\s*:)"
    r"\s*(?=\S)",
    re.IGNORECASE,
)


def _tidy_name(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" .,:;")


def match_row(heading: str, row: TableRow, text: str) -> float:
    """How well a table row's name (or an acronym in it) matches a study heading."""
    a = fold(row.name)
    b = fold(heading)
    if not a or not b:
        return 0.0
    score = max(fuzz.ratio(a, b), fuzz.partial_ratio(a, b) if len(a) >= 8 else 0.0)
    # a row name cut short by the table: compare with the heading's first words
    head_words = b.split()
    row_words = a.split()
    prefix = " ".join(head_words[: len(row_words)])
    score = max(score, fuzz.ratio(a, prefix) - (0 if len(row_words) >= 2 else 15))
    first = row.name.split()[0] if row.name.split() else ""
    if re.fullmatch(r"[A-ZÅÄÖ]{2,8}", first) and re.search(rf"\({re.escape(first)}\)", text):
        score = max(score, 95.0)
    return float(score)
