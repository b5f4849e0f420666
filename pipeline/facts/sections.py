"""Projects reported one per section: a report or a plan that gives each project a sub-heading
of its own and describes it in running prose.

    Projekten

    Läxhjälp i samverkan                              <- sub-heading: the project's name
    Projektet är ett samarbete mellan Farsta och … Studien genomförs av lektor … vid
    Institutionen för pedagogik … har för 2013 beviljats ytterligare 240 000 kronor …

    Trygga helger                                     <- the next project
    Bromma stadsdelsförvaltning har sedan 2012 drivit … Utvärderingen utförs av …

A run of two or more sibling sub-headings whose bodies each speak of a project or study and
of its money or who carries it out is such a list. Its sections become projects: the heading
is the name, the body the project's description (`describe.complete_from_text` reads its
owner, performer, end date and sum from it), and the body's tense gives the status.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, find_years
from pipeline.facts.describe import stated_amount
from pipeline.facts.lists import Place, covered_by_places, owners_in
from pipeline.facts.prose import PlaceFinder, ProseProject
from pipeline.facts.prose_headed import TRIP_TO, is_bare_label, title_below
from pipeline.facts.text_units import (
    Sentence,
    generic_heading,
    section_heading,
    template_question,
)
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_section_projects"]

_MAX_NAME_WORDS = 12
_MIN_RUN = 2
#: the body names a project, a study, a commissioned piece of work or a trip
_WORK = re.compile(
    r"\b(?:projekt\w*|delprojekt\w*|studie\w*|utvardering\w*|kartlaggning\w*|uppdrag\w*|"
    r"utvecklingsarbete\w*|forsok\w*|forskningsprojekt\w*|"
    # … or a trip: "vill besöka två boendestödsteam", "söker medel för resa och logi"
    r"besok\w*|resa|resan|resor|resorna)\b"
)
#: … and its money or who carries it out
_MONEY_OR_PERFORMER = re.compile(
    r"\b(?:bevilja\w*|tilldela\w*|finansiera\w*|kosta\w*|kostnad\w*|utvecklingsmedel|"
    r"fou-medel\w*|genomfors av|genomfordes av|utfors av|utfordes av|leds av|foljs av|"
    r"foljs upp av)\b"
)
#: the project has ended: "avslutades i december", "Slutrapporten lämnades i juni 2006"
_DONE = re.compile(
    r"\b(?:avslutades|har avslutats|avslutats|slutfordes|har slutforts|genomfordes|"
    r"lamnades|redovisades|ar avslutat|ar avslutad|blev klar|var klar|upphorde|"
    r"har genomforts|slutrapporterades|har slutrapporterats|genomforde|besokte)\b"
)
#: … it goes on, or ends later: "Projektet pågår", "beräknas vara avslutat i maj 2007"
_GOING = re.compile(
    r"\b(?:pagar|pagaende|fortsatter|fortgar|loper|avslutas|beraknas|planeras|kommer att|"
    r"ska lamna|ska redovisa|lamnas|redovisas|ar [2-9] av [2-9])\b"
)


def _sections(lines: Sequence[BodyLine]) -> list[tuple[int, int]]:
    """(heading line, last body line) of each sub-heading (level 2) of the body, a numbered
    line that stands as a paragraph of its own counted as one."""
    heads = [
        i
        for i, ln in enumerate(lines)
        if (ln.heading and not template_question(ln.text)) or _numbered_head(lines, i)
    ]
    out: list[tuple[int, int]] = []
    for n, i in enumerate(heads):
        if lines[i].level != 2 and not _numbered_head(lines, i):
            continue
        end = heads[n + 1] - 1 if n + 1 < len(heads) else len(lines) - 1
        out.append((i, end))
    return out


#: "2. Glasgow – uppsökande arbete bland hemlösa": a numbered name
_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=[A-ZÅÄÖ])")


#: a bracketed remark alone on its line: "(LUM 2023 och 2024 - pågår)"
_REMARK = re.compile(r"^\s*\([^()]{3,60}\)\s*$")


def _numbered_head(lines: Sequence[BodyLine], i: int) -> bool:
    """A numbered line that stands between blank lines over a paragraph, with no sum and no
    sentence of its own: a sub-heading the layout did not mark ("1. Köpenhamn – boendestöd
    till unga vuxna" over what the trip is for and what it costs)."""
    k, text = i, lines[i].text.strip()
    if lines[i].heading or not _NUMBER.match(text) or text.endswith((".", ":", ",", ";")):
        return False
    if i + 2 < len(lines) and _REMARK.match(lines[i + 1].text):
        i += 1  # "(LUM 2023 - pågår)" under the name: its fund and state, the same heading
    if i + 2 >= len(lines) or lines[i + 1].text.strip() or not lines[i + 2].text.strip():
        return False
    return (k == 0 or not lines[k - 1].text.strip()) and not find_amounts(text)


#: words of a heading over money, calls or the document's own remarks, not over one project
#: ("Medel för studiebesök", "Den kompletterande utlysningen", "Kommentarer till projekten",
#: "Stadsledningskontorets synpunkter"), and finite verbs (a sentence set as a heading)
_NOT_ONE_PROJECT = re.compile(
    r"\b(?:medel|medlen|\w+medel|\w+medlen|utlysning\w*|studiebesok\w*|studieres\w*|"
    r"bidrag\w*|anslag\w*|budget\w*|synpunkt\w*|kommentar\w*|fokusomrad\w*|kriteri\w*|"
    r"prioritering\w*|projekten|studierna|ansokningarna|ansokningar|sammanstallning\w*|"
    r"forslag\w*|beslut\w*|pagar|har|ska|skall|kommer|beviljas|beviljades|foreslas|"
    # a project named by its owner or role, not by its name ("Medsökande i Farstas projekt")
    r"medsokande|\w+s\s+(?:projekt|ansokan|studie))\b"
)
#: the writer applies for the money: "Förvaltningen söker hela beloppet", "För resan söks
#: 23 900 kr" (not "Farsta stadsdelsförvaltning ansöker om 6 400 000 kronor" in a decision on
#: the applications, nor "personer som ansöker om insatser": what a study is about)
_APPLIES = re.compile(
    r"(?:\b(?:forvaltningen|namnden|stadsdelsnamnden|vi)\s+(?:soker|ansoker)|\b(?:soks|ansoks))"
    r"\s+(?:om\s+)?(?:\d|ca\b|cirka\b|hela\b|medel\b|bidrag\b)"
)
#: "är" (not "år", which folds the same: "… bland unga under 21 år")
_IS = re.compile(r"\b[äÄ]r\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: a heading of a fund's part of the document: "Stadsövergripande studier (FUM)"
_FUND_PART = re.compile(r"\((?:LUM|MUL|MUST|FUM|FoU|ESF)\)")


def _is_name(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or not text[:1].isupper():
        return False
    if TRIP_TO.match(text):
        return not _YEAR.search(text)  # "Studiebesök i Malmö": one trip
    if text.rstrip().endswith((".", ":", "?")) or generic_heading(text):
        return False
    if re.search(r"\S\s{3,}\S", text.strip()):
        return False  # "Finansiering      Trygg hemgång   Digitala besök": a table's header
    if _NOT_ONE_PROJECT.search(fold(text)) or _IS.search(text) or _YEAR.search(text):
        return False
    if _FUND_PART.search(text):
        return False
    return not section_heading(text)


#: a heading that names its kind before the name: "Pågående studie: Name", "Nytt projekt: …"
_KIND_LABEL = re.compile(
    r"^(?:(?:pågående|pagaende|ny|nytt|nya|planerad|planerat|avslutad|avslutat)\s+)?"
    r"(?:studie|studien|projekt|projektet|utvärdering|utvardering)\s*:\s+(?P<name>[A-ZÅÄÖ].{3,})$",
    re.IGNORECASE,
)


#: "Bromma – ”Läxstöd i biblioteken”": the owner, a spaced dash, the project's name
_OWNER_DASH = re.compile(r"^(?P<owner>[^–—:]{3,40}?)\s+[–—-]\s+(?P<rest>\S.{2,})$")


def _owner_first(name: str, find: PlaceFinder) -> tuple[str, list[Place]]:
    """A section heading that names its district before the project ("Bromma – ”Läxstöd i
    biblioteken”"): the name (unquoted) and the district; else (name, [])."""
    m = _OWNER_DASH.match(name)
    if m is None:
        return name, []
    owners = find(m.group("owner"))
    if not owners or not covered_by_places(m.group("owner"), owners):
        return name, []
    return m.group("rest").strip().strip("”“\"'"), owners


def _introduced(lines: Sequence[BodyLine], i: int) -> bool:
    """Is the first section of a run introduced by a line that names projects in general
    ("Projekten", "Pågående studie", "Nya projekt")? Then one section is a list too."""
    k = i - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    return k >= 0 and len(lines[k].text.split()) <= 4 and generic_heading(lines[k].text)


def _speaks_of_a_project(body: str) -> bool:
    f = fold(body)
    if _AN_ORGANISATION.search(body) and not _A_PROJECT.search(body):
        # "Föreningen beviljades 620 000 kronor för 2023 …", "Organisationen har även fått
        # …": a follow-up's section about an organisation and its grant, no project
        return False
    money = bool(find_amounts(body)) or bool(_MONEY_OR_PERFORMER.search(f))
    # ("Projekt som beviljas LUM erbjuds handledning": projects in general, not this one)
    return bool(_WORK.search(_IN_GENERAL.sub(" ", f))) and money


#: a sentence that speaks of its subject as an organisation ("Föreningen har …")
_AN_ORGANISATION = re.compile(
    r"(?:^|[.!?]\s+)(?:Föreningen|Organisationen|Stiftelsen|Förbundet|Jouren)\s+[a-zåäö]"
)
#: ... or as a project ("Projektet har …", "Studien visar …")
_A_PROJECT = re.compile(r"(?:^|[.!?]\s+)(?:Projektet|Studien|Satsningen|Insatsen)\b")

#: projects or studies in general: "projekt som beviljas …", "studier som …"
_IN_GENERAL = re.compile(r"\b(?:projekt|studier|utvarderingar|resor)\s+som\b")


def _status(body: str, report: bool) -> str:
    f = fold(body)
    if re.search(r"\b(?:pagar|pagaende|fortsatter|fortgar)\b", f):
        return "pågående"
    if _DONE.search(f):
        return "genomförd"
    if _APPLIES.search(f) and not re.search(r"\bbevilja", f):
        return "ansökt"  # "Förvaltningen söker 23 900 kr för resa, logi och tolk"
    if _GOING.search(f) or report:
        return "pågående"
    return "beviljad"


def _remark_status(remark: str) -> str | None:
    """The state a heading's remark gives: "(LUM 2023 - avslutat)", "(MUL 2023 - genomförd)",
    "(LUM 2024 - pågår)"."""
    f = fold(remark)
    if re.search(r"\b(?:avslutad|avslutat|genomford|genomfort|slutford|slutfort|klar)\b", f):
        return "genomförd"
    return "pågående" if re.search(r"\b(?:pagar|pagaende)\b", f) else None


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def _money_year(amount: AmountMatch, sentence: str) -> int | None:
    """The year a project's sum is for: the year printed nearest to it in its sentence
    ("… 380 000 kronor år 2005 och har för 2006 beviljats ytterligare 295 000 kronor")."""
    at = sentence.find(amount.raw)
    years = find_years(sentence)
    if at < 0 or not years:
        return None
    return min(years, key=lambda y: min(abs(y[0] - at), abs(y[1] - at)))[2]


def find_section_projects(
    lines: Sequence[BodyLine],
    sents: Sequence[Sentence],
    find: PlaceFinder,
    taken: set[int],
    report: bool,
) -> list[ProseProject]:
    """Projects of a run of sibling sub-headings, one per section (see the module's
    docstring). Sections that hold lines another reader took (a table, a list) are not
    prose and stay out; so do runs with fewer than two project sections."""
    first_sentence: dict[int, Sentence] = {}
    for s in sents:
        first_sentence.setdefault(s.first, s)
    runs: list[list[tuple[int, int]]] = [[]]
    for i, end in _sections(lines):
        run = runs[-1]
        # siblings: no level-1 heading between the previous section and this one
        if run and any(lines[k].heading and lines[k].level == 1 for k in range(run[-1][1], i)):
            runs.append([])
        runs[-1].append((i, end))
    out: list[ProseProject] = []
    for run in runs:
        found: list[ProseProject] = []
        first_head: int | None = None
        for i, end in run:
            name, head_end = _NUMBER.sub("", lines[i].text.strip()), i
            kind_label = _KIND_LABEL.match(name)
            if kind_label is not None:
                # "Pågående studie: Mottagandet av …": the heading says what it heads
                name = kind_label.group("name").strip()
            if is_bare_label(name):
                # "Projekt 1" over its name: the name is the line below the label
                below = title_below(lines, i)
                if below is None or below[1] >= end:
                    continue
                name, head_end = below
            if head_end + 1 <= end and _REMARK.match(lines[head_end + 1].text):
                head_end += 1  # "(LUM 2023 - avslutat)": the body tells its fund and state
            name, owners = _owner_first(name, find)
            if not _is_name(name) or any(k in taken for k in range(i, end + 1)):
                continue
            k = next(
                (
                    j
                    for j in range(head_end + 1, end + 1)
                    if lines[j].text.strip() and not lines[j].heading
                ),
                None,
            )  # (past a template's question: "Vad har gjorts?")
            sent = first_sentence.get(k) if k is not None else None
            # (without a template's questions: "Vem genomför projektet?")
            body = "\n".join(
                lines[j].text for j in range(head_end + 1, end + 1) if not lines[j].heading
            ).strip()
            remark = lines[head_end].text.strip() if head_end > i else ""
            if _REMARK.match(remark):
                body = f"{remark}\n{body}"
            if sent is None or not _speaks_of_a_project(body):
                continue
            money = stated_amount(body)
            if money is None:
                continue  # a report's section about a theme, a method or a survey
            places: list[Place] = owners or owners_in(sent.text, find)
            first_head = i if first_head is None else first_head
            found.append(
                ProseProject(
                    name=name,
                    places=places,
                    amount=None,  # the sum the description states (describe.stated_amount)
                    status=_remark_status(remark) or _status(body, report),
                    sentence=sent,
                    fund_text=body,
                    description=body,
                    year=_money_year(*money) or next(iter(_years(remark)), None),
                    body=(head_end + 1, end),
                )
            )
        labelled = first_head is not None and _KIND_LABEL.match(lines[first_head].text.strip())
        if (
            len(found) >= _MIN_RUN
            or labelled
            or (first_head is not None and _introduced(lines, first_head))
        ):
            out += found
    return out
