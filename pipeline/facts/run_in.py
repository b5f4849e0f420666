"""Projects named by a run-in heading: the paragraph's first sentence is the name alone.

How the documents write them
----------------------------

A report of finished studies, or a plan's list of projects, may give each its own paragraph
that opens with the name as a sentence of its own, the text about it following::

    Äldre invandrares kontakter med hemtjänsten. Studien har kartlagt hur … Den
    genomfördes av Institutionen för socialt arbete vid Stockholms universitet …

    Ungdomar som återkommer efter placering. Studien följde 140 ungdomar …

The name is a short sentence without a verb of its own; the next sentence speaks of "Studien",
"Projektet", "Utvärderingen" …. A series of studies may instead name each in apposition to its
place: "Den andra studien, Kostnader för skyddat boende, ska …". Two such paragraphs at least make the list (one alone may be
a heading written into the text). The paragraph is the project's description: who did it,
who took part and when it ended are read from it as from any project's own text. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from pipeline.facts.context import BodyLine, Context, find_funds
from pipeline.facts.drafts import REJECTED, Draft, cued_status, reported_status
from pipeline.facts.lists import Place, covered_by_places
from pipeline.facts.text_units import Sentence, generic_heading, paragraphs, section_heading
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_run_in_projects", "short_name_of"]

#: the sentence after the name speaks of the project
_THIS_ONE = re.compile(
    r"^(?:studien|projektet|utvärderingen|kartläggningen|uppföljningen|försöket|insatsen|"
    r"satsningen|utredningen)\b",
    re.IGNORECASE,
)
#: words that make a sentence a statement, not a name
_VERB = re.compile(
    r"\b(?:är|var|har|hade|ska|skall|kan|kommer|blev|blir|beviljas|beviljades|föreslås|"
    r"genomförs|genomfördes|finns|gäller|avser)\b",
    re.IGNORECASE,
)
#: a project named in apposition to its place in a series: "Den andra studien, <name>, …"
_COUNTED = re.compile(
    r"^\s*(?:den|det)\s+(?:första|andra|tredje|fjärde|femte|sjätte|sista)\s+"
    r"(?:studien|projektet|utvärderingen|kartläggningen|uppdraget),\s+(?P<name>[^,]{4,150}),\s",
    re.IGNORECASE,
)
_MIN_WORDS, _MAX_WORDS = 2, 14
_MAX_PRICED_WORDS = 6  # a name run in before a paragraph that states its money
#: a paragraph that announces the projects after it: "Följande projekt har under 2005 …"
_ANNOUNCES = re.compile(
    r"\bföljande\s+(?:\w+\s+){0,2}(?:projekt|studier|insatser|satsningar|ansökningar)\b", re.I
)
#: "Hälsofrämjande aktiviteter för äldre, Norrmalms stadsdelsförvaltning.": the name, then
#: who applied
_OWNER_AFTER = re.compile(
    r"^(?P<name>.+?)(?:,|\s+(?:drivs|bedrivs|genomförs)\s+av)\s+"  # ("… drivs av Farsta …")
    r"(?P<who>[^,]+?(?:stadsdelsförvaltning|stadsdelsnämnd|sdf|förvaltning)\w*"
    r"(?:\s+med\s+[^,]+?\s+som\s+medsökande)?)$",
    re.IGNORECASE,
)
#: "Ungdomslots mellan skola och socialtjänst, Skärholmen.": the district alone after a comma
_BARE_OWNER = re.compile(r"^(?P<name>[^,]{6,120}?),\s+(?P<who>[^,]{3,60})$")
#: "Skolsocialt team i tre skolor, Skarpnäck, 420 000 kronor.": a catalogue's entry, the name,
#: who ran it and its sum as the paragraph's first sentence
_CATALOGUED = re.compile(
    r"^(?P<name>[^,]{6,120}?),\s+(?P<who>[^,]{3,60}(?:,\s+[^,\d]{3,60})?),\s+"
    r"(?P<sum>(?:ca\s+|cirka\s+)?\d[\d\s]*(?:,\d+)?\s*(?:kronor|kr|tkr|mnkr))$"
)

#: "Farsta stadsdelsförvaltning: Ekonomisk rådgivning för … (220 000 kronor).": a report's
#: entry the other way round, who ran it before a colon, the sum in brackets after the name
_OWNER_FIRST = re.compile(
    r"^(?P<who>[^:()]{3,90}):\s+(?P<name>[^():]{6,150}?)\s*"
    r"\((?P<sum>(?:ca\s+|cirka\s+)?\d[\d\s]*(?:,\d+)?\s*(?:kronor|kr|tkr|mnkr))\)$"
)


#: the sentence after a run-in name that states what it was granted: "Beviljat 280 000 kr,
#: förbrukat 280 000 kr.", "Beviljade medel: 150 000 kronor."
_GRANT_NEXT = re.compile(
    r"^(?:beviljat|beviljades|beviljade medel|beviljat belopp|anslag|kostnad|total kostnad)\b"
    r"[:\s]*((?:ca\.?\s+)?\d)"
)


def _org_then_cost(sentences: Sequence[Sentence]) -> tuple[str, list[AmountMatch]] | None:
    """A catalogue's entry whose second sentence names who carries the work out and whose
    third states its money: "Name. Tema Barn, Linköpings universitet. Kostnad 380 000 kr,
    klar i februari 2007." The name of the body: a few capitalised words, no verb, no
    number; else None."""
    if len(sentences) < 3:
        return None
    who, money = sentences[1].text.strip().rstrip("."), sentences[2].text.strip()
    m = _GRANT_NEXT.match(fold(money))
    if m is None or not 1 <= len(who.split()) <= 6 or not who[:1].isupper():
        return None
    if _VERB.search(who) or any(c.isdigit() for c in who) or _THIS_ONE.match(who):
        return None
    return who, find_amounts(money[m.start(1) :])[:1]


def _entry(sentence: str) -> str:
    return " ".join(sentence.split()).rstrip(".")


#: "Projektet Hemmasittare ska …": a sentence that names the project itself
_NAMES_ITSELF = re.compile(r"^(?:projektet|studien|satsningen)\s+[A-ZÅÄÖ]")
#: the first word of a clause, never of a name: "Under 2005 avslutades …", "Det …"
_OPENS_CLAUSE = re.compile(
    r"^(?:under|i|av|för|efter|med|vid|till|från|inom|det|den|de|dessa|detta|som|nämnden|"
    r"förvaltningen|vi|här|där|sammanlagt|totalt)\b",
    re.IGNORECASE,
)
_MIN_PARAGRAPHS = 2
#: a trip's run-in name, its destination and what it is about: "Köpenhamn – lågtröskel…"
_TRIP_NAME = re.compile(r"^[A-ZÅÄÖ][\wåäö]+(?:\s[A-ZÅÄÖ][\wåäö]+)?\s[–—-]\s[a-zåäö]")
_TRIP_TEXT = re.compile(r"\b(?:medarbetare|deltagare|studiebesok\w*|studieres\w*|resan)\b")
_OWNER_WORD = re.compile(r"stadsdelsförvaltning|stadsdelsnämnd|\bsdf\b|förvaltning", re.I)


def find_run_in_projects(
    lines: Sequence[BodyLine],
    ctx: Context,
    report: bool = False,
    find: Callable[[str], list[Place]] | None = None,
) -> list[Draft]:
    """Every project named by a run-in heading (module docstring), in document order.
    `report`: the document reports on finished work, so an item is done unless it says.
    `find`: the place finder, for an applicant printed after the name."""
    texts = [ln.text for ln in lines]
    found: list[Draft] = []
    # a paragraph whose name only its money tells must follow "Följande projekt …" or another
    # such paragraph
    announced = False
    verdict: str | None = None  # what the announcing paragraph does with them ("… avslås")
    heads = [k for k, ln in enumerate(lines) if ln.heading]
    for para in paragraphs(texts, [ln.page_no for ln in lines], [ln.heading for ln in lines]):
        follows, announced = announced, bool(_ANNOUNCES.search(para.text))
        # ("Projekt med extern och särskild finansiering" over the paragraphs: a heading that
        # announces projects)
        head_above = next((texts[k] for k in reversed(heads) if k < para.first), "")
        follows = follows or bool(_PROJECTS_HEADING.match(fold(head_above)))
        if announced:
            verdict = cued_status(para.text, None)
        sentences = list(para.sentences)
        if len(sentences) > 2 and sentences[0].text.rstrip().endswith(":"):
            # "Östermalms stadsdelsförvaltning, med Norrmalm som medsökande:" over the name
            joined = f"{sentences[0].text.rstrip()} {sentences[1].text.strip()}"
            if _OWNER_FIRST.match(_entry(joined)):
                sentences = [replace(sentences[0], text=joined), *sentences[2:]]
        head = sentences[0] if sentences else None
        if head is None or (len(sentences) < 2 and not _CATALOGUED.match(_entry(head.text))):
            continue  # (a catalogue's entry may be all its paragraph says)
        nxt_text = sentences[1].text.strip() if len(sentences) > 1 else ""
        counted = _COUNTED.match(head.text)
        trip = None
        priced = False
        performer: str | None = None  # (a catalogue's entry: "Name. Body. Kostnad N kr.")
        owners: list[Place] = []
        amount: list[AmountMatch] = []  # a catalogue entry's own sum
        if counted is not None:
            # "Den första studien, Äldre med missbruk i hemtjänsten, ska beskriva …"
            name = counted.group("name").strip()
            description = para.text
        else:
            name = head.text.strip().rstrip(".")
            description = " ".join(s.text for s in sentences[1:])
            owned = _OWNER_AFTER.match(name) if find is not None else None
            if owned is not None and find is not None and find(owned.group("who")):
                name, owners = owned.group("name").strip(), find(owned.group("who"))
            bare = _BARE_OWNER.match(name) if find is not None and not owners else None
            # (", Skärholmen."; "…, Kungsholmen med Norrmalm som medsökande.")
            who = re.sub(r"\b(?:med|som|medsökande)\b", " ", bare["who"]) if bare else ""
            if bare is not None and find is not None and covered_by_places(who, find(who)):
                name, owners = bare.group("name").strip(), find(bare.group("who"))
            entry = _CATALOGUED.match(_entry(name)) if find is not None else None
            who = entry.group("who") if entry is not None else ""
            if entry is not None and find is not None and covered_by_places(who, find(who)):
                name, owners = entry.group("name").strip(), find(who)
                amount = find_amounts(entry.group("sum"))
            first = _OWNER_FIRST.match(_entry(name)) if find is not None else None
            who = first.group("who") if first is not None else ""
            if first is not None and find is not None and _OWNER_WORD.search(who) and find(who):
                name, owners = first.group("name").strip(), find(who)
                amount = find_amounts(first.group("sum"))
            # (or the paragraph states the project's money: "Ung på Norr. Ett samarbete
            # med … finansierat av Allmänna arvsfonden med 1 100 000 kronor …")
            priced = (
                follows
                and len(name.split()) <= _MAX_PRICED_WORDS
                and not _OPENS_CLAUSE.match(name)
                and not any(ch.isdigit() for ch in name)
                and bool([a for a in find_amounts(description) if a.per is None])
            )
            # ("Glasgow – stöd till hemlösa kvinnor. Fyra medarbetare besökte …": a trip)
            trip = _TRIP_NAME.match(name) and _TRIP_TEXT.search(fold(description))
            granted = None if any(c.isdigit() for c in name) else _GRANT_NEXT.match(fold(nxt_text))
            if not amount and granted is not None:
                # "Motiverande samtal i försörjningsstödet. Beviljat 195 000 kr, förbrukat …"
                amount = find_amounts(nxt_text[granted.start(1) :])[:1]
            elif not amount and not any(c.isdigit() for c in name):
                performer, amount = _org_then_cost(sentences) or (None, [])
            if not head.text.rstrip().endswith(".") or not (
                _THIS_ONE.match(nxt_text) or priced or amount or trip
            ):
                continue
            if _OPENS_CLAUSE.match(name) or _NAMES_ITSELF.match(nxt_text):
                # "Under 2004 anmäldes 23 elever …" over "Projektet Hemmasittare ska …": the
                # next sentence names the project, the first one is about something else
                continue
        words = name.split()
        if not (_MIN_WORDS <= len(words) <= _MAX_WORDS) or not name[:1].isupper():
            continue
        if _VERB.search(name) or find_amounts(name) or _THIS_ONE.match(name):
            continue  # ("Projektet pågår från mars 2007 …" is a sentence about it)
        if counted is None and (section_heading(name) or generic_heading(name)):
            continue  # (named in apposition, "Ekonomisk rådgivning …" is a project's name)
        announced = announced or priced
        said = cued_status(description, None) or (verdict if priced else None)
        if counted is None and trip:
            said = _trip_status(description) or said
        if report:
            # what the report says became of it ("pågår enligt plan", "är nu avslutad") first
            status = reported_status(description, None, None) or said or "genomförd"
        else:
            # a decision's studies are what it orders, unless their text turns them down
            status = said if said in ("ansökt", REJECTED) or (trip and said) else "beviljad"
        found.append(
            Draft(
                name=name,
                fund_type=_own_fund(para.text, ctx) or ctx.fund_before(para.first),
                year=ctx.year_at(para.first),
                status=status,
                description=description,
                page_no=head.page_no,
                evidence=para.text,
                confidence=0.6,
                first_line=para.first,
                last_line=para.last,
                desc_lines=(para.first, para.last),
                places=list(owners),
                amount_sek=amount[0].sek if amount else None,
                amount_raw=amount[0].raw if amount else None,
                amount_evidence=head.text if amount else "",
                performer=performer,
            )
        )
    # a counted one ("Det tredje projektet, …") says it is one of a series; a run-in heading
    # alone may be a heading written into the text
    plain = [d for d in found if not _COUNTED.match(d.evidence)]
    # (a project heading's paragraphs may be one; each opens with a short name)
    headed = all(
        _under_projects_heading(d.first_line, heads, texts)
        and len(d.name.split()) <= _MAX_PRICED_WORDS
        for d in found
    )
    return found if len(plain) >= _MIN_PARAGRAPHS or len(plain) < len(found) or headed else []


#: a heading over a report's projects: "Projekt med extern finansiering", "Externt
#: finansierade projekt", "Pågående projekt"
_PROJECTS_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\s+)?(?:(?:(?!om\b|till\b|av\b|for\b)\w+\s+){0,2}projekt(?:en)?\s*$"
    r"|projekt\s+med\b)"
)


def _trip_status(text: str) -> str | None:
    """What a trip's paragraph says became of it: applied for ("Ansökan avser 38 000 kr"),
    called off ("kunde inte genomföras"), made ("besökte i maj …", "kostade 30 850 kr")."""
    f = fold(text)
    if re.search(r"\bansokan avser\b|\bansoker\b|\bvill\b", f):
        return "ansökt"
    if re.search(r"\b(?:kunde inte genomfor\w*|installdes|stalldes in|skots upp)\b", f):
        return "beviljad"
    if re.search(r"\b(?:besokte|genomfordes|kostade|deltog)\b", f):
        return "genomförd"
    return None


def _under_projects_heading(first: int, heads: Sequence[int], texts: Sequence[str]) -> bool:
    above = next((texts[k] for k in reversed(heads) if k < first), "")
    return bool(above) and bool(_PROJECTS_HEADING.match(fold(above)))


def _own_fund(text: str, ctx: Context) -> str | None:
    """The one fund a project's own paragraph names ("finansierat av Allmänna arvsfonden")."""
    named = {f for _s, _e, f in find_funds(text, ctx.study_fund)}
    return named.pop() if len(named) == 1 else None


_STEM = 6  # letters of a word that name it, whatever its ending ("registerstudie(n)")


def short_name_of(name: str, drafts: Sequence[Draft]) -> bool:
    """A run-in name that is another project's name said short ("Barn i skyddat boende."
    under a table row "Barn i skyddat boende – behov och insatser"; "Registerstudien om
    ekonomiskt bistånd." for "Långvarigt ekonomiskt bistånd – en registerstudie"): two
    words of four letters or more at least, each of them a word of that project's name."""
    words = {w[:_STEM] for w in re.findall(r"[^\W\d_]{4,}", fold(name))}
    if len(words) < 2:
        return False
    return any(
        words <= {w[:_STEM] for w in re.findall(r"[^\W\d_]{4,}", fold(d.name))} for d in drafts
    )
