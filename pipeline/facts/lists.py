"""Project lists: numbered "Name, District" lists and two-column district | project lists.

How the documents print them
----------------------------

*Numbered lists* ("1. Trygg start, Farsta stadsdelsförvaltning", then a paragraph
describing the project). The name is the text before the trailing district phrase, which is
one or more comma/"och"-separated districts or förvaltningar, possibly with a unit
("Socialförvaltningen, <enhet>"). The name itself may contain commas: only the trailing
segments made of places are the district phrase.

*Two-column lists* (district | project) are read in :mod:`pipeline.facts.two_column`.
The readers work on body lines and a *place finder* (``text -> list[Place]``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits
from pipeline.facts.item_tails import cut_fact_tail
from pipeline.facts.text_units import dehyphen_join, section_heading
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import ONES

__all__ = [
    "ListRow",
    "covered_by_places",
    "Place",
    "PlaceFinder",
    "find_intro_lists",
    "find_numbered_projects",
    "in_runs",
    "lead_places",
    "split_name_and_places",
]


@dataclass(frozen=True)
class Place:
    """A district, förvaltning or unit found in a text."""

    start: int
    end: int
    district_id: str
    name_as_printed: str
    kind: str = "stadsdelsförvaltning"  # | "fackförvaltning" | "unit"
    score: float = 1.0


PlaceFinder = Callable[[str], list[Place]]

#: "… medel från socialtjänst- och arbetsmarknadsförvaltningen": who pays, not who owns
_FUNDER_BEFORE = re.compile(r"\b(?:från|ur|av)\s+(?:\w+-?\s+och\s+)?$", re.IGNORECASE)
_MONEY_WORDS = re.compile(r"medel|finansier|bidrag|kronor|\bkr\b|anslag", re.IGNORECASE)


def owners_in(text: str, find: PlaceFinder) -> list[Place]:
    """The places of a sentence about a project, without a förvaltning it names as the
    source of its money ("finansierats med 650 000 kronor i lokala utvecklingsmedel från
    socialtjänst- och arbetsmarknadsförvaltningen")."""
    places = find(text)
    if not _MONEY_WORDS.search(text):
        return places
    return [
        p
        for p in places
        if p.kind == "stadsdelsförvaltning"
        or not _FUNDER_BEFORE.search(text[max(0, p.start - 40) : p.start])
    ]


@dataclass
class ListRow:
    """One project of a list, before fund/year/status are attached."""

    name: str
    places: list[Place]
    first_line: int
    last_line: int
    page_no: int
    evidence: str
    description: str | None = None
    form: str = "two_column"
    intro_line: int | None = None
    amount: int | None = None  # an amount printed in the row (a granted or cost column)
    amount_raw: str | None = None
    amount_approx: bool = False
    amount_line: int | None = None
    performer: str | None = None  # an organisation that carries the project out
    end_date: dt.date | None = None  # a table's "Klart" cell
    unit_applicant: bool = False  # the applicant is a unit of the writing committee
    fund: str | None = None  # the row's own fund, printed in a column of its own ("LUM")
    # an association's activity given the committee's district only because the list names
    # no owner: the district's when it is the district's development money, else no district's
    by_default: bool = False


# Words that may sit between or after places in a district phrase.
_FILLER = re.compile(
    r"^(?:[\s,;&|()/]|och\b|samt\b|stadsdelsforvaltning\w*|stadsdelsnamnd\w*|sdf\b|"
    r"forvaltning\w*|medsokande\b|s\b|tillsammans med\b)*$"
)
_MAX_ROW_WORDS = 45  # a list row names a project or a trip, not a paragraph
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")


def in_runs(rows: Iterable[ListRow | None], least: int) -> list[ListRow]:
    """The rows that stand in runs of `least` or more, in order (None breaks a run): the
    projects of a layout that only makes a list when it repeats."""
    out: list[ListRow] = []
    run: list[ListRow] = []
    for row in (*rows, None):
        if row is not None:
            run.append(row)
            continue
        if len(run) >= least:
            out += run
        run = []
    return out


def covered_by_places(text: str, places: Sequence[Place], offset: int = 0) -> bool:
    """`text` (which starts at `offset` of the line) is only places and filler words."""
    if not places:
        return False
    rest = []
    pos = offset
    for p in sorted(places, key=lambda p: p.start):
        if p.end <= offset or p.start >= offset + len(text):
            continue
        rest.append(text[max(0, pos - offset) : max(0, p.start - offset)])
        pos = max(pos, p.end)
    rest.append(text[max(0, pos - offset) :])
    return all(_FILLER.match(fold(r)) for r in rest) and any(
        p.start >= offset and p.end <= offset + len(text) for p in places
    )


def split_name_and_places(line: str, find: PlaceFinder) -> tuple[str, list[Place]] | None:
    """Split "Name, District phrase" at the comma before the trailing run of places (or
    "Name (District phrase)")."""
    money = _MONEY_PAREN.search(line)
    if money and money.start() > 0 and find_amounts(money.group(0)):
        line = line[: money.start()]  # "Name, Farsta stadsdelsförvaltning (totalt 400 000 kr)"
    places = find(line)
    if not places:
        return None
    dash = list(re.finditer(r"\s[–—]\s", line))
    if dash and dash[-1].start() > 0:  # "Name – District (medsökande District)"
        at = dash[-1].end()
        inner = [p for p in places if p.start >= at]
        if inner and covered_by_places(line[at:].rstrip(" .,;"), inner, at):
            return _clean_name(line[: dash[-1].start()]), inner
    paren = re.search(r"\(([^()]*)\)\s*[.,;]?\s*$", line)
    if paren and paren.start() > 0:  # "Name (District och District)"
        inner = [p for p in places if p.start >= paren.start(1)]
        if covered_by_places(paren.group(1), inner, paren.start(1)):
            return _clean_name(line[: paren.start()]), inner
    commas = [m.start() for m in re.finditer(",", line)]
    for c in commas:  # the leftmost comma whose tail is only places
        tail = line[c + 1 :]
        if covered_by_places(tail, places, c + 1):
            name = line[:c].strip()
            if not name:
                return None
            inside = [p for p in places if p.start > c]
            return _clean_name(name), inside
    return None


#: a trailing parenthesis that gives the row's sum ("(totalt 400 000 kr)", "(350 tkr)")
_MONEY_PAREN = re.compile(r"\s*\((?=[^()]*\d)[^()]*\)\s*[.,;]?\s*$")


def _clean_name(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,;:|").rstrip(".").strip()


# --------------------------------------------------------------------------- numbered


def find_numbered_projects(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Numbered lists whose items name a project and end with its district phrase."""
    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        m = _NUMBERED.match(lines[i].text)
        if not m or int(m.group(1)) != 1:
            i += 1
            continue
        run = _numbered_run(lines, i)
        rows: list[ListRow] = []
        for k, (a, b) in enumerate(run):
            head = _NUMBERED.match(lines[a].text)
            assert head is not None
            if section_heading(head.group(2)):
                continue  # a report's numbered part ("4. Bedömning och rekommendationer")
            title_parts = [head.group(2)]
            j = a + 1
            # a title may wrap onto the next line or two: join until it ends in places
            split = split_name_and_places(title_parts[0], find)
            while (
                (split is None or re.search(r"(?:\boch|\bsamt|,|&)\s*$", title_parts[-1]))
                and j <= b
                and j - a < 3
                and lines[j].text.strip()
                # (a title that ends its sentence: the next line opens its description)
                and not (title_parts[-1].rstrip().endswith(".") and lines[j].text[:1].isupper())
            ):  # ("…, Spånga-Tensta och" ⏎ "Bromma stadsdelsförvaltningar": the places go on)
                title_parts.append(lines[j].text)
                split = split_name_and_places(dehyphen_join(title_parts), find)
                j += 1
            if split is not None and j <= b and _SUM_LINE.match(lines[j].text):
                title_parts.append(
                    lines[j].text
                )  # "…, Bromma stadsdelsförvaltning" ⏎ "- 320 000 kr"
                j += 1
            got = None
            if split is None:
                # "1.  ENSKEDE   190 000 kr" over the project's name on the lines set in under
                # it: the item's head is its district and sum, the name follows
                split, j, title_parts, got = _district_head(lines, a, b, head.group(2), find)
            if split is None:
                continue
            name, places = split
            desc = dehyphen_join([lines[x].text for x in range(j, b + 1)]) or None
            rows.append(
                ListRow(
                    name=name,
                    places=places,
                    first_line=a,
                    last_line=b,
                    page_no=lines[a].page_no,
                    evidence=dehyphen_join(title_parts),
                    description=desc,
                    form="numbered",
                    intro_line=i,
                    amount=got.sek if got else None,
                    amount_raw=got.raw if got else None,
                    amount_approx=got.approximate if got else False,
                    amount_line=a if got else None,
                )
            )
            _ = k
        if len(rows) >= max(2, (len(run) + 1) // 2):
            out.extend(rows)
        i = run[-1][1] + 1 if run else i + 1
    return out


#: a line that holds only an item's sum, perhaps after a dash
_SUM_LINE = re.compile(
    r"^\s*[-–—]?\s*(?:ca\.?\s+)?\d{1,3}(?:[ .\u00a0]\d{3})*(?:,\d+)?\s*(?:kr|kronor|tkr|sek)\.?\s*$",
    re.IGNORECASE,
)


def _district_head(
    lines: Sequence[BodyLine], a: int, b: int, head: str, find: PlaceFinder
) -> tuple[tuple[str, list[Place]] | None, int, list[str], AmountMatch | None]:
    """An item whose head is only its district (a partner in brackets) and its sum, and the
    lines under it up to a blank line its name: ((name, places), the line after the name,
    the evidence's parts, its sum); (None, a + 1, [head], None) when the item is not so."""
    owner, amount = _split_amount(head)
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", owner)  # ("HÄSSELBY (tillsammans med Vällingby)")
    places = find(owner)
    if amount is None or not covered_by_places(bare, [p for p in places if p.end <= len(bare)]):
        return None, a + 1, [head], None
    j = a + 1
    while j <= b and lines[j].text.strip() and not lines[j].text.strip().startswith("-" * 4):
        j += 1
    name = _clean_name(dehyphen_join([lines[x].text for x in range(a + 1, j)]))
    if not name or len(name.split()) < 2:
        return None, a + 1, [head], None
    return (name, places), j, [name, amount.raw], amount


def _numbered_run(lines: Sequence[BodyLine], i: int) -> list[tuple[int, int]]:
    """Items 1, 2, 3 … starting at line `i`, each with its following lines."""
    items: list[tuple[int, int]] = []
    expect = 1
    start = i
    j = i + 1
    while j <= len(lines):
        if j == len(lines):
            items.append((start, _trim(lines, start, j - 1)))
            break
        ln = lines[j]
        m = _NUMBERED.match(ln.text)
        if m and int(m.group(1)) == expect + 1:
            items.append((start, _trim(lines, start, j - 1)))
            start = j
            expect += 1
        elif ln.heading:
            items.append((start, _trim(lines, start, j - 1)))
            break
        elif not ln.text.strip():
            # a blank line followed by an unnumbered capitalised paragraph may still be the
            # item's description; end only when the following line is far from the list form
            pass
        j += 1
    return items


def _trim(lines: Sequence[BodyLine], a: int, b: int) -> int:
    while b > a and not lines[b].text.strip():
        b -= 1
    return b


# --------------------------------------------------------------------------- two columns


def lead_places(text: str, find: PlaceFinder) -> tuple[list[Place], int, bool]:
    """Places at the start of a line (a chain joined by "," / "och"), where the chain ends,
    and whether it ends with a comma (the left cell goes on on the next line)."""
    stripped = len(text) - len(text.lstrip(" |"))
    places = sorted(find(text), key=lambda p: p.start)
    chain: list[Place] = []
    pos = stripped
    for p in places:
        gap = text[pos : p.start]
        if p.start < pos:
            continue
        if chain and not re.fullmatch(r"\s*(?:,|och|samt)\s*", gap):
            break
        if not chain and gap.strip(" |"):
            break
        chain.append(p)
        pos = p.end
    if not chain:
        return [], 0, False
    # a genitive s or "stadsdelsförvaltning" glued to the last place stays in the cell
    tail = re.match(r"s?(?:\s+stadsdelsf\S*)?", text[pos:])
    if tail:
        pos += tail.end()
    comma = bool(re.match(r"\s*,\s*$", text[pos:])) or bool(re.match(r"\s*,", text[pos:]))
    return chain, pos, comma


def _split_amount(text: str) -> tuple[str, AmountMatch | None]:
    """A row's text without the amount printed at its end ("Läxhjälp  150 000 kr")."""
    amounts = find_amounts(text)
    if amounts and not text[amounts[-1].end :].strip(" .,;|"):
        a = amounts[-1]
        return _clean_name(text[: a.start].rstrip(" ,;:|–-")), a
    return _clean_name(text), None


# --------------------------------------------------------------------------- introduced lists


#: "… att tre ansökningar beviljas med sammanlagt 285 000 kronor:": the list's size announced
_COUNTED_PROJECTS = re.compile(
    rf"\b(?:\d{{1,2}}|{'|'.join(fold(w) for w in ONES[2:13])})\s+(?:\w+\s+)?"
    r"(?:projekt|ansokningar|insatser|studiebesok|studieresor)\b"
)


def _is_project_intro(text: str) -> bool:
    """A sentence that announces granted or reported projects (not criteria)."""
    f = fold(text)
    return (
        bool(cue_hits(text, "list_intro") or _COUNTED_PROJECTS.search(f))
        and bool(re.search(r"projekt|ansokningar|insatser|studiebesok|studieresor", f))
        and bool(re.search(r"bevilja|tilldela|redovis|genomfor|fatt|fick", f))
        and not cue_hits(text, "criteria_intro")
    )


#: an item's name, then what its money came to: "…: beviljat 24 000 kr, utfall 21 350 kr"
_MONEY_TOLD = re.compile(
    r":\s+(?=(?:beviljat|beviljats|beviljades|beviljas|sökt|utfall|kostnad|kostnaden)\b)", re.I
)
_GRANT_WORD = re.compile(r"bevilja\w*\s*$", re.I)


def _granted(text: str) -> AmountMatch | None:
    """The sum granted in "beviljat 24 000 kr, utfall 21 350 kr", else the first sum."""
    sums = find_amounts(text)
    return next(iter([a for a in sums if _GRANT_WORD.search(text[: a.start])] or sums), None)


def _sentence_to(lines: Sequence[BodyLine], i: int) -> str:
    """The sentence ending at line `i` ("… två studiebesök, sammanlagt" ⏎ "49 000 kr:")."""
    k = i
    while k > 0 and i - k < 3 and lines[k - 1].text.strip() and not lines[k - 1].heading:
        if re.search(r"[.:;!?]\s*$", lines[k - 1].text):
            break
        k -= 1
    return re.split(r"(?<=[.!?])\s+", dehyphen_join([lines[j].text for j in range(k, i + 1)]))[-1]


def find_intro_lists(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Bulleted or numbered project lists after an introducing sentence ("Stadsdelsnämnden
    beviljar följande projekt lokala utvecklingsmedel:"), as a stadsdelsnämnd writes its own
    list: items name the project (and maybe its amount); a trailing district phrase is used
    when printed, else the districts of the document's own committee (`own`)."""
    from pipeline.facts.criteria_items import list_items  # shared list reader

    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        text = lines[i].text.strip()
        if not (text.endswith(":") and _is_project_intro(_sentence_to(lines, i))):
            i += 1
            continue
        items, after = list_items(lines, i + 1, plain_ok=False)
        rows: list[ListRow] = []
        for a, b in items:
            item = dehyphen_join([lines[k].text for k in range(a, b + 1)])
            item = re.sub(r"^\s*(?:[-–—•·*▪■●]|[eo](?=\s)|\d{1,2}[.)])\s+", "", item)
            item, tail = cut_fact_tail(item)  # ", 2021–2023, sammanlagt 1 350 tkr, avslutat"
            name, amount = _split_amount(item)
            if (told := _MONEY_TOLD.search(item)) is not None:
                # "Köpenhamn, uppsökande arbete: beviljat 24 000 kr, utfall 21 350 kr, …"
                name, amount = _clean_name(item[: told.start()]), _granted(item[told.end() :])
            if tail is not None:
                amount = next(iter(find_amounts(tail)), amount)
            split = split_name_and_places(name, find)
            places = list(split[1]) if split else list(own)
            name = split[0] if split else name
            if not name:
                continue
            row = ListRow(
                name, places, a, b, lines[a].page_no, item, tail, "intro_list", intro_line=i
            )
            if amount is not None:
                row.amount, row.amount_raw, row.amount_approx = (
                    amount.sek,
                    amount.raw,
                    amount.approximate,
                )
                row.amount_line = a
            rows.append(row)
        if len(rows) >= 2:
            out.extend(rows)
            i = after
        else:
            i += 1
    return out
