"""Projects each given a paragraph headed by its name and its owner.

How the documents write them
----------------------------

A proposal may comment on every application in a paragraph of its own, whose first line
or two name the project and the district that applies (no full stop, no sum), the
sentences after them its cost and the share proposed::

    Stärkt skolnärvaro genom samverkan mellan socialtjänst och skola,
    Hägersten-Älvsjö stadsdelsförvaltning
    Projektets totala kostnad är 640 000 kronor. Förvaltningen föreslår
    att LUM finansierar hälften, det vill säga 320 000 kronor.

    Trygg boendeövergång för unga vuxna, Rinkeby-Kista
    stadsdelsförvaltning (medsökande Spånga-Tensta stadsdelsförvaltning)
    Den totala kostnaden är 900 000 kronor, varav LUM föreslås bära en
    tredjedel, 300 000 kronor.

The head is the name, a comma or dash, and the owner's district phrase (a co-applicant in
brackets adds its district); the sentences are the project's description, and the sum they
grant or propose (`describe.stated_amount`) is its sum. Two such paragraphs in a row at
least make the list. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.describe import stated_amount
from pipeline.facts.item_parts import PlaceFinder, set_amount, split_owner
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join, unit_at
from pipeline.lang.amounts import AmountMatch, find_amounts

__all__ = ["find_owner_heads"]

_MAX_HEAD_LINES = 3
#: the year a project was granted, after its owner: ", beviljat 2007", "(beviljad 2008)"
_GRANT_YEAR = re.compile(
    r"\s*(?:,\s*|\(\s*)(?:bevilja[dt]s?|startat|startade)\s+(?:år\s+)?(?:19|20)\d\d\s*\)?\s*$",
    re.IGNORECASE,
)
_MIN_PARAGRAPHS = 2
_MAX_NAME_WORDS = 20


def find_owner_heads(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every run of two or more owner-headed paragraphs (module docstring)."""
    out: list[ListRow] = []
    run: list[ListRow] = []
    skipped = 0  # paragraphs of no owner's inside the run so far
    i = 0
    while i < len(lines):
        if not lines[i].text.strip():
            i += 1
            continue
        head = i if lines[i].heading else None
        if head is not None and not (
            i + 1 < len(lines) and lines[i + 1].text.strip() and not lines[i + 1].heading
        ):
            i += 1
            continue
        start = i + 1 if head is not None else i
        end = start
        while end + 1 < len(lines) and lines[end + 1].text.strip() and not lines[end + 1].heading:
            end += 1
        if head is not None:
            # (a name the layout marked as a heading, its owner on the lines under it)
            row = (
                _unit_headed(lines, head, end, find, own)
                or _paragraph(lines, i, end, find)
                or _unit_block(lines, head, end, find, own)
            )
        else:
            row = _unit_block(lines, i, end, find, own) or _paragraph(lines, i, end, find)
        if row is not None:
            run.append(row)
            skipped = 0
        elif run and not skipped and head is None:
            # one paragraph told otherwise ("Vantör och Farsta ansöker gemensamt om …") inside
            # the run does not end it
            skipped = 1
        else:
            if len(run) >= _MIN_PARAGRAPHS:
                out += run
            run, skipped = [], 0
        i = end + 1
    if len(run) >= _MIN_PARAGRAPHS:
        out += run
    return out


def _paragraph(lines: Sequence[BodyLine], a: int, b: int, find: PlaceFinder) -> ListRow | None:
    """The project of lines a..b when its first lines are a name-and-owner head."""
    run_in = _run_in(lines, a, b, find)
    if run_in is not None:
        return run_in
    for k in range(1, min(_MAX_HEAD_LINES, b - a) + 1):
        head_lines = [lines[j].text.strip() for j in range(a, a + k)]
        head = " ".join(head_lines)
        nxt = lines[a + k].text.strip()
        if find_amounts(head) or re.search(r"\w[.!?](?:\s|$)", head):
            return None  # a sentence, or money: no head
        if not nxt[:1].isupper() or head.count("(") != head.count(")"):
            continue  # the head goes on ("… (medsökande" ⏎ "Norrmalms …)")
        # the owner on a line of its own under the name ("Hägersten-Liljeholmens sdf"),
        # perhaps with the year it was granted ("Rinkeby Kista sdf, beviljat 2007")
        owner_line = _GRANT_YEAR.sub("", head_lines[-1])
        alone = (
            k > 1
            and not re.search(r"[()]", head)
            and covered_by_places(owner_line, find(owner_line))
        )
        # … or on the lines under a one-line name, a co-applicant in brackets
        # ("Enskede-Årsta-Vantörs sdf (medsökande Farsta)," ⏎ "beviljat 2008")
        below = _GRANT_YEAR.sub("", " ".join(head_lines[1:])) if k > 1 else ""
        core = re.sub(r"\s*\([^()]*\)", "", below).strip(" ,")
        under = (
            not alone
            and k > 1
            and not re.search(r"[()]", head_lines[0])
            and bool(core)
            and covered_by_places(core, find(core))
        )
        if alone:
            name, owners = " ".join(head_lines[:-1]), find(owner_line)
        elif under:
            name, owners = head_lines[0], find(below)
        else:
            name, owners = split_owner(head, find)
        if not owners or not 2 <= len(name.split()) <= _MAX_NAME_WORDS:
            continue
        if not re.search(r"[,(]|\s[–—-]\s", head) and not alone and not under:
            continue  # "Name, Owner", "Name – Owner", "Name (Owner)"
        text = "\n".join(lines[j].text for j in range(a + k, b + 1))
        stated = stated_amount(text)
        if stated is None:
            return None
        row = ListRow(
            name,
            list(owners),
            a,
            b,
            lines[a].page_no,
            head,
            description=text,
            form="intro_list",
            intro_line=a - 1 if a else None,
        )
        amount = stated[0]
        set_amount(row, amount, lines, a + k, b)
        return row
    return None


#: a paragraph that opens with its owner as a run-in head: "SPÅNGA-TENSTA SDF. Studieresa …"
_RUN_IN = re.compile(r"^(?P<owner>[^.:]{3,80}?)(?:[.:]|\s[–—-])\s+(?P<rest>[A-ZÅÄÖ].*)$")


def _run_in(lines: Sequence[BodyLine], a: int, b: int, find: PlaceFinder) -> ListRow | None:
    """A paragraph headed by its owner and a full stop, whose first sentence names the project
    (a trip's destination and purpose) and whose later sentences give its sum::

        SPÅNGA-TENSTA SDF. Studieresa till Malmö för att ta del av uppsökande arbete bland
        unga. Åtta deltagare. Sökt belopp 46 000 kr. Förvaltningen föreslår att resan
        beviljas 40 000 kr."""
    m = _RUN_IN.match(lines[a].text.strip())
    if m is None or find_amounts(m.group("owner")):
        return None
    owner = m.group("owner")
    owners = find(owner)
    if not owners or not covered_by_places(owner, owners):
        return None
    body = [m.group("rest")] + [lines[j].text.strip() for j in range(a + 1, b + 1)]
    joined = dehyphen_join(body)
    got = _name_then_sum(joined)
    if got is None:
        return None
    name, stated = got
    row = ListRow(
        name,
        list(owners),
        a,
        b,
        lines[a].page_no,
        lines[a].text.strip(),
        description="\n".join(body),
        form="intro_list",
        intro_line=a - 1 if a else None,
    )
    set_amount(row, stated[0], lines, a, b)
    return row


_MAX_UNIT_WORDS = 6
#: who travels, then where: "Tre medarbetare inom vuxenenheten vill studera <X>", "Två
#: fältassistenter ansöker om besök hos <X>, för att …"
_VISITS = re.compile(
    r"^[A-ZÅÄÖ]\w*\s+(?:(?!för\b|till\b)[\w-]+\s+){0,6}?"
    r"(?:(?:vill|ska|kommer\s+att|planerar\s+att)\s+(?:besöka|studera)"
    r"|ansöker\s+om\s+(?:ett\s+)?(?:studie)?besök\s+(?:hos|i|på))\s+"
    r"(?P<dest>[^.]{3,120}?)(?:,?\s+för\s+att\b.*|,\s+(?:där|som)\b.*)?$"
)


def _unit_headed(
    lines: Sequence[BodyLine], h: int, b: int, find: PlaceFinder, own: Sequence[Place]
) -> ListRow | None:
    """A paragraph under a short heading that names who applies (a unit of the nämnd's own,
    or a district), whose first sentence names the work and whose later ones its sum::

        Mottagningsenheten
        Digital ansökan om ekonomiskt bistånd. Enheten vill pröva att ta emot
        kompletteringar digitalt. Förvaltningen föreslår 150 000 kronor."""
    owner = lines[h].text.strip()
    if len(owner.split()) > _MAX_UNIT_WORDS or re.search(r"\d", owner) or owner.endswith("."):
        return None
    joined = dehyphen_join([lines[j].text for j in range(h + 1, b + 1)])
    got = _name_then_sum(joined)
    if got is None:
        return None
    name, stated = got
    if _STATES.search(name):
        return None  # "Antalet deltagare har minskat …": a change told, not the work named
    owners = find(owner)
    unit = not owners or not covered_by_places(owner, owners)
    if unit and not own:
        return None
    if unit and unit_at(owner) is None and not _short_name(name):
        # "Skolsocialt team i Årsta" over "Två socialsekreterare placeras på …": the heading
        # names the project, its first sentence describes it
        return None
    row = ListRow(
        name,
        list(own) if unit else list(owners),
        h,
        b,
        lines[h].page_no,
        f"{owner} {joined}",
        description=joined,
        form="intro_list",
        intro_line=h - 1 if h else None,
        unit_applicant=unit,
    )
    set_amount(row, stated[0], lines, h + 1, b)
    return row


#: the decision's line that closes a unit's block: "Beviljas: 120 000 kronor"
_DECIDED_LINE = re.compile(
    r"^(?:beviljas|beviljat|beviljat belopp|förslag|föreslås|föreslaget belopp)\s*:\s*\S",
    re.IGNORECASE,
)


def _unit_block(
    lines: Sequence[BodyLine], a: int, b: int, find: PlaceFinder, own: Sequence[Place]
) -> ListRow | None:
    """A unit of the nämnd's own over its work, set in, and the decision's line::

    Mottagningsenheten barn och unga
       Strukturerade barnsamtal vid förhandsbedömning
       Beviljas: 120 000 kronor"""
    owner = lines[a].text.strip()
    if b - a < 2 or not _DECIDED_LINE.match(lines[b].text.strip()) or owner.endswith("."):
        return None
    if len(owner.split()) > _MAX_UNIT_WORDS + 2 or unit_at(owner) is None:
        return None
    body = range(a + 1, b)
    if any(
        lines[j].indent <= lines[a].indent or lines[j].text.rstrip().endswith(".") for j in body
    ):
        return None
    sums = [x for x in find_amounts(lines[b].text) if x.per is None]
    if not sums or not own:
        return None
    name = dehyphen_join([lines[j].text.strip() for j in body])
    row = ListRow(
        name,
        list(own),
        a,
        b,
        lines[a].page_no,
        " ".join(lines[j].text.strip() for j in range(a, b + 1)),
        form="intro_list",
        intro_line=a - 1 if a else None,
        unit_applicant=True,
    )
    set_amount(row, sums[0], lines, b, b)
    return row


#: a finite verb of a sentence that tells what happened ("… har minskat", "… har ställt in")
_STATES = re.compile(r"\b(?:har|hade|har inte|ska|skall|kommer att)\s+\w+(?:ts|t|it|at)\b")
_MAX_SHORT_NAME_WORDS = 8
#: the first words of a sentence that describes the work rather than names it
_DESCRIBES = re.compile(
    r"^(?:projektet|studien|arbetet|enheten|förvaltningen|gruppen|det|den|de|vi|två|tre|fyra|"
    r"alla|under|med|i)\b",
    re.IGNORECASE,
)


def _short_name(sentence: str) -> bool:
    """A first sentence short enough to be a name, not one that describes the work."""
    return len(sentence.split()) <= _MAX_SHORT_NAME_WORDS and not _DESCRIBES.match(sentence)


#: a place alone, one or two capitalised words: "Köpenhamn", "Nya Zeeland"
_PLACE_ONLY = re.compile(r"[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?")


def _name_then_sum(text: str) -> tuple[str, tuple[AmountMatch, str]] | None:
    """The name a paragraph opens with (up to its first full stop, whatever follows) and the
    sum its later sentences state, or None."""
    stops = list(re.finditer(r"\.\s", text))
    if not stops:
        return None
    stop = stops[0]
    if _PLACE_ONLY.fullmatch(text[: stop.start()].strip()) and len(stops) > 1:
        # "Köpenhamn. Besök hos kommunens arbete med …": a trip's destination, then its
        # purpose; the two make the name
        stop = stops[1]
    name = text[: stop.start()].strip()
    visit = _VISITS.match(name)
    if visit is not None:
        # "Fyra socialsekreterare vill besöka Odense kommun för att studera …": the trip is
        # named by where it goes
        dest = visit.group("dest").strip(" ,")
        name = dest[:1].upper() + dest[1:]
    if find_amounts(name) or not 2 <= len(name.split()) <= _MAX_NAME_WORDS:
        return None
    rest = text[stop.end() :]
    stated = stated_amount(rest) or _bare_sum_last(rest)
    return None if stated is None else (name, stated)


def _bare_sum_last(text: str) -> tuple[AmountMatch, str] | None:
    """ "… i Oslo. Fem deltagare. 31 500 kr.": a paragraph that ends in its sum alone."""
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-1].strip()
    found = find_amounts(last)
    if len(found) == 1 and found[0].per is None and not last[: found[0].start].strip():
        return found[0], last
    return None
