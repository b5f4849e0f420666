"""Project drafts: every reader's finding in one shape (``Draft``), and the numbered projects
they become. A draft carries what a reader found (name, fund, year, status, places, the amount
and where it was printed) and the lines it spans; ``from_list_row`` and ``from_named`` build
drafts from list rows and named projects, ``cued_status`` and ``intro_text`` read the sentence
that introduces a list, and ``number_projects`` mints the project ids (``ids.project_ids``) and
keeps each district once per project.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.facts import ids
from pipeline.facts.context import BodyLine, Context, find_funds, granting_funds, sentence_year
from pipeline.facts.cues import cue_hits, strongest
from pipeline.facts.draft_repeats import unnumbered, without_repeats
from pipeline.facts.fund_codes import district_money
from pipeline.facts.fund_marked import names_a_fund
from pipeline.facts.item_orgs import organisation_first
from pipeline.facts.lists import ListRow, Place
from pipeline.facts.named import NamedProject
from pipeline.facts.owner_names import owner_of_name
from pipeline.facts.text_units import section_heading, sentences, turned_down_part
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.records import Project, ProjectDistrict

#: "fortsätter" of work that goes on as a project (not "… fortsätter inom ordinarie budget",
#: work taken over by the operations after the project)
GOES_ON = r"fortsatter(?!(?:(?! och )[^.]){0,60}?(?:ordinarie|permanent|\w+s budget\b))"
#: an item's own decision ("Beviljas 22 000 kronor", "Avslås")
_ONGOING = re.compile(rf"\b(?:pagar|pagaende|{GOES_ON})\b")
_FINISHED = re.compile(
    r"\b(?:har genomforts|genomfort|genomfordes|ar avslutat|ar avslutad|avslutades|"
    r"har avslutats|slutrapporterades|har slutforts)\b"
    r"|(?:^|,)\s*(?:avslutat|avslutad)\W*$"  # "…, 1 350 tkr, avslutat"
)
_CALLED_OFF = re.compile(  # (the project itself, not a part of it: "ett seminarium ställdes in")
    r"\b(?:projektet|studien|resan|studiebesoket|insatsen)\b[^.]{0,60}?\b(?:avbrots|har avbrutits|"
    r"installdes|stalldes in|kunde inte (?:starta|paborjas)|aldrig (?:har )?paborjats)\b"
)
#: a card's status field: "Status: avslutat december 2010", "Status: pågår till juni 2011"
_STATUS_FIELD = re.compile(
    r"\bstatus:\s*(avslutad|avslutat|genomford|genomfort|klar|klart|pagar|pagaende)\b"
)


#: the date after a performer's name: " / mar 2015", ", klart juni 2019"
_DATED_TAIL = re.compile(
    r"\s*(?:/|,\s*(?:klar\w*|slutrapport\w*)?)\s*(?:[a-zåäö]{3,9}\.?\s+)?(?:19|20)\d\d\s*$"
)


def called_off(text: str) -> bool:
    """Whether `text` says the project itself was called off ("Resan … ställdes in")."""
    return _CALLED_OFF.search(fold(text)) is not None


def _reported(text: str) -> str | None:
    f = fold(text)
    if _ONGOING.search(f):
        return "pågående"
    if _FINISHED.search(f):
        return "genomförd"
    return "beviljad" if _CALLED_OFF.search(f) else None  # (granted, never carried out)


def reported_status(text: str, end: dt.date | None, ref: dt.date | None) -> str | None:
    """What a report says became of a project granted earlier: its own words ("pågår",
    "avslutades"), else its end date against the report's date; None when it says neither."""
    said = _reported(text)
    if said is not None:
        return said
    if end is not None and ref is not None:
        return "genomförd" if end <= ref else "pågående"
    return None


_DECIDED_HERE = re.compile(r"\b(?:beviljas|avslas|avslag)\b")
#: an item's sum labelled as the proposal ("Förslag: 420 000 kronor", "Föreslaget belopp:")
_PROPOSED_SUM = re.compile(r"\b(?:forslag|foreslaget belopp|foreslas)\s*:?\s*(?:ca\s+)?\d")
#: "avslagen": an application turned down -- no project (its sum stays an amount)
REJECTED = "avslagen"
#: no project's sum is smaller (kronor): a smaller number is a caption's or a count
LEAST_SUM = 100
_STATUS_ORDER = ("genomförd", "pågående", "beviljad", "ansökt", REJECTED)


@dataclass(kw_only=True)
class Draft:
    name: str
    fund_type: str | None
    year: int | None
    status: str | None
    amount_sek: int | None = None
    performer: str | None = None
    end_date: dt.date | None = None
    description: str | None = None
    page_no: int
    evidence: str
    confidence: float
    first_line: int
    last_line: int
    places: list[Place] = field(default_factory=list)
    amount_raw: str | None = None
    amount_approx: bool = False
    amount_line: int | None = None
    amount_evidence: str = ""
    desc_lines: tuple[int, int] | None = None
    amount_kind: str = "project_cost"
    # an association's activity whose committee's district was given only by default and
    # taken away (`ListRow.by_default`): no later reader gives it an owner
    unowned: bool = False
    # districts applying beside an owner not yet known (a card's "Medsökande" field): they
    # follow the owner once it is found, or stand alone
    partners: list[Place] = field(default_factory=list)


def intro_text(lines: Sequence[BodyLine], i: int, before: bool = False) -> str:
    """The sentence that introduces a list: the one that line `i` is part of (with a wrapped
    short last line), or with `before` the last two sentences ending just above line `i`."""
    if before:
        while i > 0 and not lines[i - 1].text.strip() and not lines[i - 1].heading:
            i -= 1  # blank lines between the introduction and its table
    first = i
    while (
        first > 0
        and lines[first - 1].text.strip()
        and not lines[first - 1].heading
        and i - first < 4
        and (before or lines[first - 1].text.rstrip()[-1:] not in ".!?:")
    ):
        first -= 1
    last = i - 1 if before else i
    if not before and i + 1 < len(lines) and len(lines[i + 1].text.split()) <= 3:
        last = i + 1
    sents = sentences([lines[k].text for k in range(first, last + 1)])
    if not sents:
        return ""
    return " ".join(x.text for x in sents[-2:]) if before else sents[-1].text


def cued_status(text: str, default: str | None) -> str | None:
    score = strongest(cue_hits(text, "status"))
    if not score:
        return default
    best = max(score.items(), key=lambda kv: (kv[1], -_STATUS_ORDER.index(kv[0])))
    return best[0]


def from_list_row(r: ListRow, lines: Sequence[BodyLine], ctx: Context) -> Draft:
    intro_line = r.intro_line if r.intro_line is not None else r.first_line
    intro = intro_text(lines, intro_line, before=r.form == "numbered")
    heading = next((lines[h].text for h in ctx.headings_above(intro_line)), "")
    funds = granting_funds(intro, ctx.study_fund)
    fund = r.fund or (funds[-1][2] if funds else ctx.fund_before(intro_line))
    above = intro_text(lines, intro_line, before=True) if r.form != "numbered" else ""
    year = (
        sentence_year(intro)
        or sentence_year(above)  # "Under 2021 beviljades följande nio projekt …"
        or sentence_year(heading)
        or ctx.year_at(intro_line)
    )
    status = cued_status(f"{heading}. {intro}", "beviljad")
    if turned_down_part(heading) or turned_down_part(intro):
        status = REJECTED  # under "Ansökningar som inte föreslås beviljas"
    own = cued_status(r.evidence, None)  # the item's own "Beviljas 22 000 kronor"
    if own in ("beviljad", REJECTED) and _DECIDED_HERE.search(fold(r.evidence)):
        status = own
    elif own != REJECTED and r.amount is not None and _PROPOSED_SUM.search(fold(r.evidence)):
        # "Förslag: 420 000 kronor" under an application: the sum proposed for the grant
        status = "beviljad"
    elif r.description and (field := _STATUS_FIELD.search(fold(r.description))):
        # a card's "Status: avslutat" / "Status: pågår till …": what it says it is
        status = "pågående" if field.group(1).startswith("pag") else "genomförd"
    elif status == "beviljad" and r.description:
        # an item that reports on itself ("Projektet … har genomförts", "… pågår under
        # 2022", "Genomfört i oktober 2021"): what it says it is
        status = _reported(r.description) or status
    name, performer = r.name, r.performer
    if performer is None:
        # "Högdalens Kulturförening, teaterverkstad för barn    42 500 kr" in any list
        name, performer = organisation_first(name)

    d = Draft(
        name=name,
        fund_type=fund,
        year=year,
        status=status,
        performer=performer,
        description=r.description,
        page_no=r.page_no,
        evidence=r.evidence,
        confidence=0.85 if r.places else 0.6,
        first_line=r.first_line,
        last_line=r.last_line,
        places=[] if (unowned := r.by_default and not district_money(fund)) else list(r.places),
        unowned=unowned,
        desc_lines=(r.first_line + 1, r.last_line) if r.description else None,
    )
    if r.end_date is not None:
        d.end_date = r.end_date
    if r.amount is not None:
        d.amount_sek, d.amount_raw, d.amount_approx = r.amount, r.amount_raw, r.amount_approx
        d.amount_line = r.amount_line
        d.amount_evidence = r.evidence
    return d


def from_named(n: NamedProject) -> Draft:
    amounts = find_amounts(n.text)
    return Draft(
        name=n.name,
        fund_type=n.fund_type,
        year=n.year,
        status=n.status,
        amount_sek=n.amount_sek or (amounts[0].sek if amounts else None),
        performer=n.performer,
        end_date=n.end_date,
        description=n.text,
        page_no=n.page_no,
        evidence=n.text,
        confidence=0.5,
        first_line=n.first_line,
        last_line=n.last_line,
        places=list(n.places),
        desc_lines=(n.first_line, n.last_line),
    )


def number_projects(doc_id: str, drafts: Sequence[Draft]) -> list[Project]:
    out: list[Project] = []
    seen: set[str] = set()
    names = [_MARK_SUFFIX.sub("", _KIND_PREFIX.sub("", d.name) or d.name) or d.name for d in drafts]
    # (a performer cell "Karolinska Institutet / mar 2015" or "…, klart juni 2019": who, and
    # then when the study ends, which is no part of who)
    pids = ids.project_ids(doc_id, [(n, d.fund_type) for n, d in zip(names, drafts, strict=True)])
    for d, pid, name in zip(drafts, pids, names, strict=True):
        districts: list[ProjectDistrict] = []
        for p in d.places:
            if p.district_id not in seen:
                districts.append(ProjectDistrict(p.district_id, p.name_as_printed))
            seen.add(p.district_id)
        seen.clear()
        out.append(
            Project(
                project_id=pid,
                name=name,
                fund_type=d.fund_type,
                year=d.year,
                status=d.status,
                amount_sek=d.amount_sek,
                performer=_DATED_TAIL.sub("", d.performer) if d.performer else None,
                end_date=d.end_date,
                description=d.description,
                page_no=d.page_no,
                evidence=d.evidence,
                confidence=d.confidence,
                districts=tuple(districts),
            )
        )
    return out


#: a kind word printed before a project's own name ("Projektet Nattlotsen"): not its name
_KIND_PREFIX = re.compile(r"^(?:[Pp]rojektet|[Ss]tudien|[Dd]elprojektet)\s+(?=[A-ZÅÄÖ])")
#: a mark after the name that the project is new or goes on ("(ny)", "(forts.)"): no name
_MARK_SUFFIX = re.compile(
    r"\s*\((?:ny|nytt|nya|ny studie|nytt projekt|forts\.?|fortsättning|fortsatt)\)\s*$",
    re.IGNORECASE,
)

#: a name that is the rest of a sentence: a lower-case kind noun and a verb after it
_SENTENCE_REST = re.compile(
    r"(?:projekt|projektet|studien|ansökan|resan)\s+(?:föreslås|beviljas|har|ska|skall|kan|"
    r"avslås|får|fick)\b|ansökan\s+om\s+\d|i\s+stället\b"  # "… i stället erbjuds att …"
    r"|att\s+(?!\w+\s*$)"  # an att-sats: "att avslå ansökningarna från …"
)

#: a name that is a kind of grant or the rest of a list, folded
_RUNNING_TAIL = re.compile(
    r",\s*(?:verksamhets|lokal|drift|organisations|aktivitets|grund|hyres)bidrag\w*$"
)
_NO_NAME = re.compile(
    r"^(?:(?:verksamhets|lokal|drift|organisations|aktivitets|grund|hyres)bidrag\w*|"
    r"(?:ovriga|ovrigt|resterande)\b"
    # a section of the document itself: "Kommentarer till tabellen", "Bakgrund"
    r"|kommentar(?:er)?\s+till\b|alternativ\s+[a-d1-4]\b"  # an option of a comparison
    r"|(?:sammanfattning|bakgrund|arendet|jamforelse|ekonomiska konsekvenser|beslutsunderlag)$"
    r"|(?:studiens|projektets|resans)\s+(?:syfte|mal|genomforande|kostnad|bakgrund)"
    # a caption's label read as a heading: "Tabell", "Bilaga 2", "Figur 1"
    r"|(?:tabell|bilaga|figur|diagram)(?:\s+\d{1,2})?\.?$"
    r"|(?:ansokan|ansokningar|projekt|studie)\s+\d{1,2}\s*[-–]\s*\d{1,2}$"  # "Ansökan 1–6": all
    r"|\((?:tom|tomt|blank|tomma)\)$"  # a spreadsheet's empty cell; a reviewer's question:
    r"|[\"”“]?(?:vilka|vilken|vilket|finns|har|foljs)\b.*\?[\"”]?$"
    # the applications turned down, counted: "Fem avstyrkta ansökningar", "Avslag, tio st"
    r"|(?:\w+\s+)?(?:avstyrkta|avslagna|avvisade|ej beviljade)\s+ansokningar\b"
    # a money table's budget lines under its rows: "Avsatt för år 2000", "Ej fördelat"
    r"|(?:avsatt|anslag|ram)\s+(?:for|ar)\b|(?:ej|inte)\s+fordela\w*$|ofordela\w*$"
    r"|(?:kvar|aterstar|aterstaende|disponibelt)(?:\s+att\s+fordela)?$"
    # an application's own share and whole cost under its projects' rows
    r"|egen\s+(?:insats|finansiering|andel|medfinansiering)\b"
    r"|(?:projektets\s+|projektens\s+)?total\w*\s+kostnad\w*$"
    # a labelled sum's label: "Preliminärt 2022: 400 000 kronor"
    r"|(?:preliminart|preliminar|beviljas|beviljat|sokt|forslag|budget|utfall|prognos|ram)"
    r"\s+(?:19|20)\d\d:?$"
    # a call's numbered focus area or criterion as a heading: "Fokusområde 2 – Hemlöshet"
    r"|(?:fokusomrade|kriterium|prioriterat\s+omrade|inriktning)\s+\d{1,2}\b)"
)
#: a nämnd's fields of activity, the headings of its budget follow-up (as a table's short
#: name, "Ekonomiskt bistånd" may stand for a project whose name begins so)
_FIELD_OF_ACTIVITY = re.compile(
    r"^(?:individ-\s+och\s+familjeomsorg(?:en)?|ekonomiskt\s+bistand|aldreomsorg(?:en)?|"
    r"socialpsykiatri(?:n)?|stod\s+och\s+service|funktionsnedsattning|forskola(?:n)?|"
    r"arbetsmarknadsatgarder|namnd\s+och\s+administration|fritid(?:sverksamhet)?)$"
)

#: two sums of a table row inside a name
_CELLS_IN_NAME = re.compile(r"\b\d{1,3}(?: \d{3})+\s+(?:\d{1,3}(?: \d{3})+|[–-])(?:\s|$)")


def field_of_activity(name: str) -> bool:
    """Is `name` one of a nämnd's fields of activity ("Individ- och familjeomsorg")?"""
    return _FIELD_OF_ACTIVITY.match(fold(name.strip())) is not None


def names_a_project(name: str) -> bool:
    """Is `name` a project's name, not the rest of a sentence ("projekt föreslås få 220 000
    kr …"), a table row's cells ("Gemensam bedömnings- 95 000 95 000 45 000 mall"), a kind
    of grant ("Vantörs Schackklubb, verksamhetsbidrag") or the others lumped together
    ("Övriga åtta organisationer")?"""
    return any(c.isalpha() for c in name) and not (
        # ("EKONOMISKT UTFALL OCH PROGNOS": a report's section heading in capitals)
        (name.isupper() and section_heading(name.capitalize()))
        or _SENTENCE_REST.match(name)
        or _CELLS_IN_NAME.search(name)
        or _NO_NAME.match(fold(name))
        # "Tyresö Kvinnojour, verksamhetsbidrag": an association's grant for its running
        or _RUNNING_TAIL.search(fold(name))
        or names_a_fund(name)
        # "2009-03-10 IF 100418": a ledger's entry, its date and voucher opening the line
        or re.match(r"\d{4}-\d\d-\d\d\b", name) is not None
    )  # (a name without a letter is a table's number)


def tidy_names(drafts: Sequence[Draft], places: Callable[[str], list[Place]]) -> list[Draft]:
    """The drafts' names without what is no part of a name (a year of several, an owner
    before a colon, a funding clause, the row's number), each project once."""
    unnumbered(drafts)
    for d in drafts:  # "…, år 2 av 3": which year of the project this is, not its name
        d.name = re.sub(r",?\s*\(?år \d av \d\)?\s*$", "", d.name) or d.name
        d.name = _NAME_LABEL.sub("", d.name) or d.name  # "Titel: Name": the form's label
        # "Föräldrastöd i öppenvården (fem sdf)¹": how many districts take part, no name
        d.name = _DISTRICT_COUNT.sub(r"\g<mark>", d.name).strip() or d.name
        # the name quoted whole, or quoted before what it is ("\"Name\", en kartläggning av …")
        d.name = re.sub(r"^[”“\"„]?([^”“\"]+)[”“\"](?:,\s+[a-zåäö].*)?$", r"\1", d.name)
        if (owned := owner_of_name(d.name, places)) is not None:  # "Farsta: Name", "Name (Farsta)"
            known = {p.district_id for p in d.places}
            d.name, d.places = (
                owned[0],
                [*d.places, *(p for p in owned[1] if p.district_id not in known)],
            )
        funding_tail(d)
        # "… enligt bilaga 1": where it is set out; "(arbetsmarknadsnämnden)": who runs it
        d.name = _REFERENCE_TAIL.sub("", d.name).strip() or d.name
        d.name = _COLOUR_TAIL.sub("", _COMMITTEE_TAIL.sub("", d.name).strip()) or d.name
        if (ran := _YEARS_TAIL.search(d.name)) and ran.start() > 0:  # "Name (2015)": its year
            d.name, d.year = d.name[: ran.start()], int(ran[1]) if ran[1] else d.year
    # (a table's header word or a label read as a name: "Kronor", "Villkor", "d:o")
    return without_repeats([d for d in drafts if not _HEADER_WORD.fullmatch(d.name.strip(" .:"))])


_HEADER_WORD = re.compile(
    r"(?i:kronor|kr|tkr|belopp|summa|totalt|medel|medlen|projekten|projekt|delprojekt|villkor|"
    r"tidsperiod|period|reserv|reserven|nämnd|betalningsplan|d:o|utvärderingar|.)"
)
_NAME_LABEL = re.compile(r"^(?:titel|projektnamn|projektets namn|studiens namn|namn):\s+", re.I)
_YEARS_TAIL = re.compile(r"\s*\((?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\)$|\s*\(((?:19|20)\d\d)\)$")
_REFERENCE_TAIL = re.compile(
    r"\s+enligt\s+(?:bilaga|bilagan|tabell|tabellen|förslaget|förvaltningens\s+förslag)\b.*$",
    re.IGNORECASE,
)
_COMMITTEE_TAIL = re.compile(  # (or a former name: "(tidigare Föräldrakraft Rinkeby)")
    r"\s+\((?:(?:[\w-]+\s+){0,2}[\w-]*(?:nämnden|nämnd)|(?:tidigare|f\.\s?d\.)\s[^()]+)\)$", re.I
)


#: its light ("(röd)"), what became of it ("(inställd)"), a bracket left open ("(medsökande")
_COLOUR_TAIL = re.compile(
    r"\s+\((?:röd|gul|grön|blå|orange|inställd|inställt|avbrutet|avbruten)\)$|\s+\((?:med)?sökande$",
    re.I,
)
_DISTRICT_COUNT = re.compile(
    r"\s*\((?:två|tva|tre|fyra|fem|sex|sju|åtta|atta|nio|tio|\d{1,2})\s+"
    r"(?:sdf|stadsdel\w*|förvaltningar|forvaltningar)\)\s*(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹*]*)\s*$"
)


#: a funding clause after a project's name: "…, finansierat av Europeiska socialfonden", "…
#: med stöd av statsbidrag för …", "… med lokala utvecklingsmedel från …"
_FUNDING_TAIL = re.compile(
    r"(?:,\s*|\s+)(?:med\s+st[öo]d\s+(?:av|fr[åa]n)|finansiera(?:t|d|s)\s+(?:av|med|genom)|"
    r"med\s+(?:medel|bidrag)\s+fr[åa]n|med)\s+(?P<what>\S.*)$",
    re.IGNORECASE,
)


def funding_tail(d: Draft) -> None:
    """A name that goes on with the money it was paid from ("Stegen – arbetsträning …,
    finansierat av Europeiska socialfonden", "Studieresa till Antwerpen (MUL)"): the name
    without it, the fund the project's when it has none."""
    # ("… (LUM 2019)": the fund and the year of its grant)
    bracket = re.search(r"\s*\(([^()]{2,12}?)(?:\s+((?:19|20)\d\d))?\)$", d.name)
    funds = find_funds(bracket.group(1)) if bracket else []
    if bracket and len(funds) == 1 and funds[0][:2] == (0, len(bracket.group(1))):
        d.name, d.year = d.name[: bracket.start()], int(bracket[2] or 0) or d.year
        d.fund_type = d.fund_type or funds[0][2]
        return
    for lead in re.finditer(r"(?:,\s*|\s+)(?=med\b|finansiera)", d.name, re.IGNORECASE):
        m = _FUNDING_TAIL.match(d.name, lead.start())
        if m is None:
            continue
        funds = find_funds(m.group("what"))
        if not funds or funds[0][0] > _FUND_LEAD or len(d.name[: m.start()].split()) < 2:
            continue
        d.name = d.name[: m.start()].rstrip(" ,–-")
        d.fund_type = d.fund_type or funds[0][2]
        return


_FUND_LEAD = 12  # the fund named within the clause's first words


def own_fund(d: Draft, study_fund: str = "MUL") -> str | None:
    """The one fund the sentence of a project's own text that states its sum names
    ("Projektet finansieras av Europeiska socialfonden med 1 900 000 kronor")."""
    if not d.description or not d.amount_raw:
        return None
    for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", d.description)):
        if d.amount_raw in s:
            if re.search(r"\b(?:varav|delvis|del av)\b", fold(s)):
                return None  # "…, varav 575 000 kronor utgjordes av statsbidrag": a part's fund
            named = {f for _s, _e, f in find_funds(s, study_fund)}
            return named.pop() if len(named) == 1 else None
    return None
