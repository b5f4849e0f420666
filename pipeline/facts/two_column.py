"""Two-column district | project lists.

*Two-column lists* come out of OCR or transcripts as lines that begin with the district (the
left column) followed by two or more spaces, a "|" or just one space, and the project (the
right column). A line that begins with no place continues the project; a parenthesis with a
co-applicant cue ("(medsökande Bromma och Farsta)") adds districts; a unit printed under
a förvaltning ("Socialförvaltningen," / "<enhet>" on the next line, or the unit at the
start of the next line) belongs to the left column. The list is introduced by a sentence with a
``list_intro`` cue ("Följande stadsdelsförvaltningar beviljades medel för studieresor under 2018")
and ends at a heading, at a sentence after a finished item, or at an ordinary paragraph.

The reader works on :class:`~pipeline.facts.context.BodyLine` lists and a *place finder*
(``text -> list[Place]``), which the extractor builds from the district gazetteer; rows are
:class:`~pipeline.facts.lists.ListRow`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.cues import cue_hits
from pipeline.facts.lists import (
    _MAX_ROW_WORDS,
    ListRow,
    Place,
    PlaceFinder,
    _split_amount,
    lead_places,
)
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_two_column_lists"]


def _is_intro(text: str, heading: bool = False) -> bool:
    """A sentence that introduces a list ("Följande … beviljades …"), or a heading that names
    granted projects or a fund ("Beviljade projekt 2019", "LUM-projekt", "LOKALA
    UTVECKLINGSMEDEL")."""
    f = fold(text)
    if heading and re.search(r"bevilja|projekt|studiebesok|studieres|utvecklingsmedel", f):
        return True
    return bool(cue_hits(text, "list_intro")) and bool(
        re.search(r"bevilja|tilldela|\bfatt\b|\bfick\b|medel", f)  # ("fått", not "fattar")
    )


_RULE_LINE = re.compile(r"^[-–—_=.]{4,}$")
_LONG_INTRO = 6  # the lines of an introduction that says "följande"


#: a lettered item inside a row's text: the district is a heading over its own items
_LETTER_ITEM = re.compile(r"(?:^|\s)[a-h]\)\s+[A-ZÅÄÖ]")


def find_two_column_lists(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """District | project lists that follow an introducing sentence."""
    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        text = lines[i].text
        # (its sentence may go on on the next line: "… föreslår att följande fem" ⏎
        # "projekt beviljas bidrag för år 2002:")
        nxt = (
            lines[i + 1].text
            if i + 1 < len(lines) and not text.rstrip().endswith((".", ":"))
            else ""
        )
        if not text.strip() or not (
            _is_intro(text, lines[i].heading) or (nxt.strip() and _is_intro(f"{text} {nxt}"))
        ):
            i += 1
            continue
        # the introduction may wrap onto one more line, or go on to the end of its paragraph
        start = i + 1
        while (
            start < len(lines)
            and lines[start].text.strip()
            and not lead_places(lines[start].text, find)[0]
        ):
            start += 1
        # (no paragraph of an introduction: prose; "… beviljats följande projekt." may have
        # a few more sentences after it before its rows)
        if start > i + (_LONG_INTRO if re.search(r"\bfoljande\b", fold(text)) else 3):
            start = i + 1
        while start < len(lines) and not lines[start].text.strip():
            start += 1
        if start < len(lines) and not lead_places(lines[start].text, find)[0]:
            nxt = lines[start].text.strip()
            if (len(nxt.split()) <= 4 and not lines[start].heading) or _group_label(
                lines, start, nxt, find
            ):
                start += 1
        rows, end = _two_column_rows(lines, start, find, intro=i)
        if any(_LETTER_ITEM.search(r.name) for r in rows):
            rows = []  # "BROMMA STADSDELSNÄMND" over "a) Name", "b) Name": an owner's items
        if len(rows) >= 2:
            out.extend(rows)
            i = end
        else:
            i += 1
    return out


def _two_column_rows(
    lines: Sequence[BodyLine], start: int, find: PlaceFinder, intro: int
) -> tuple[list[ListRow], int]:
    rows: list[ListRow] = []
    cur: _Row | None = None
    blank = False
    j = start
    while j < len(lines):
        ln = lines[j]
        s = ln.text.strip()
        if not s:
            blank = True
            if cur is not None:
                cur.described = False
            j += 1
            continue
        wrapped = _wrapped_left(lines, j, find) if cur is None or not cur.described else None
        if wrapped is not None:
            # "Hässelby-   Återfallsprevention …" ⏎ "Vällingby   avslutad behandling": the
            # district's name wraps in the left column, the row's name in the right
            if cur is not None:
                rows.append(cur.finish(lines))
            cur = _Row(first=j, last=j + 1, places=wrapped[0], left_open=False, page_no=ln.page_no)
            cur.add_text(wrapped[1])
            cur.add_text(wrapped[2])
            blank = False
            j += 2
            continue
        chain, cut, comma = lead_places(s, find)
        suffix = _OWNER_SUFFIX.match(s) if cur is not None and not chain else None
        if suffix is not None:
            s = s[suffix.end() :]  # "Hässelby-Vällingby" ⏎ "sdf": the left cell's last word
        if cur is not None and cur.described and not (chain and _ROW_GAP.match(s[cut:])):
            cur.description.append(s)  # (a place in it opens no row: "Vantörs sdf har …")
            cur.last = j
        elif cur is not None and cur.paren_open:
            cur.add_coapplicants(s, find)
        elif chain and cur is not None and _continues_left_cell(cur, chain, j):
            cur.places.extend(chain)
            cur.left_open = comma
            cur.add_text(s[cut:])
            cur.last = j
        elif chain and cur is not None and _VERB_AFTER.match(fold(s[cut:])):
            break  # "Liljeholmens sdf har sökt …" after the rows: prose, the list has ended
        elif chain and (re.match(r"\s*\.\s", s[cut:]) or _VERB_AFTER.match(fold(s[cut:]))):
            # "Rinkeby stadsdelsförvaltning. Introduktion av …": an owner as a sentence of its
            # own opens a paragraph, not a column (owner_heads reads those)
            return [], j
        elif chain:
            if cur is not None:
                rows.append(cur.finish(lines))
            cur = _Row(first=j, last=j, places=list(chain), left_open=comma, page_no=ln.page_no)
            cur.add_text(s[cut:])
        elif cur is None:
            break
        elif ln.heading and find_funds(s):
            break  # "B. Studiebesök (MUST)": the next fund's part, a list of its own
        elif (blank or ln.heading) and _group_label(lines, j, s, find):
            # "Oktober", "Barn och unga" over the next rows: a group's label, the list goes on
            j += 1
            continue
        elif _RULE_LINE.match(s):
            break  # a drawn line under the sums: the list ends (a Summa may follow)
        elif _VERDICT.match(fold(s)) and cur.verdict is None:
            # "Beviljas: 12 000 kr" / "Avslås (sökt belopp 20 000 kr)" under the row
            cur.verdict = s
            cur.last = j
        elif (left := _LEFT_BRACKET.match(s)) is not None and find(left.group(1)):
            # "(med Vantör)   kuratorer och …": a partner under the district in the left
            # column, the name going on in the right
            cur.add_coapplicants(left.group(1), find)
            cur.add_text(left.group(2))
            cur.last = j
        elif s.startswith("(") and cue_hits(s, "coapplicant"):
            cur.add_coapplicants(s, find)
            cur.last = j
        elif (
            not blank
            and ln.indent >= _CELL_INDENT
            and not any(find_amounts(t) for t in cur.text_parts)
            and len(s.split()) <= _MAX_CELL_WORDS
        ):
            # "                  Trieste        26 000 kr": the right cell of the row above
            # goes on in its column, its sum at the end
            cur.add_text(s)
            cur.last = j
        elif not blank and _starts_prose(cur, s):
            # "Maria-Gamla stan: Köpenhamn – …" ⏎ "Tre socialsekreterare besökte …": the
            # row's own description, to its paragraph's end
            cur.described = True
            cur.description.append(s)
            cur.last = j
        elif _ends_list(cur, s, blank):
            break
        else:
            cur.add_text(s)
            cur.last = j
        blank = False
        j += 1
    if cur is not None:
        rows.append(cur.finish(lines))
    for r in rows:
        r.intro_line = intro
    rows = [r for r in rows if r.name]
    if any(len(r.name.split()) > _MAX_ROW_WORDS for r in rows):
        return [], start  # running prose that happens to start with a district
    return rows, (rows[-1].last_line + 1 if rows else start)


#: a bracket in the left column and the right cell beside it
_LEFT_BRACKET = re.compile(r"^(\([^()]{2,40}\))\s{2,}(\S.*)$")
#: a line's left cell (up to a column gap) and the rest
_LEFT_CELL = re.compile(r"^(?P<left>\S+(?:\s\S+)?)\s{2,}(?P<rest>\S.*)$")


def _wrapped_left(
    lines: Sequence[BodyLine], j: int, find: PlaceFinder
) -> tuple[list[Place], str, str] | None:
    """A district's name wrapped over two lines of the left column ("Hässelby-" ⏎
    "Vällingby", "Maria-Gamla" ⏎ "stan"): its place and the right cells of both lines."""
    if j + 1 >= len(lines) or lines[j + 1].indent != lines[j].indent:
        return None
    top = _LEFT_CELL.match(lines[j].text.strip())
    below = _LEFT_CELL.match(lines[j + 1].text.strip())
    if top is None or below is None:
        return None
    first, second = top.group("left"), below.group("left")
    alone = find(first)
    if (
        alone
        and alone[0].end - alone[0].start >= len(first.rstrip("-"))
        and not first.endswith("-")
    ):
        return None  # the top line's cell is a district of its own
    joined = f"{first}{second}" if first.endswith("-") else f"{first} {second}"
    places = find(joined)
    if len(places) != 1 or places[0].end - places[0].start < len(joined) - 1:
        return None
    return places, top.group("rest"), below.group("rest")


#: a unit of the förvaltning before a colon: "Uppsökarenheten: "
_UNIT_LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ-]+(?:\s+[\wåäöÅÄÖ-]+){0,2}:\s+(?=\S)")

#: the last word of an owner's name wrapped under it in the left column
_OWNER_SUFFIX = re.compile(
    r"^(?:sdf|sdn|stadsdelsförvaltning|stadsdelsnämnd|förvaltning)\s{2,}(?=\S)", re.IGNORECASE
)

#: an owner that opens a sentence ("Kungsholmens stadsdelsförvaltning beviljas 255 000 kronor
#: för …"): a verb after it, no right cell
_VERB_AFTER = re.compile(
    r"^\s*(?:beviljas|beviljades|foreslas|har|hade|far|fick|soker|sokte|ansoker|ansokte|"
    r"erhaller|erholl|tilldelas|tilldelades|ska|vill|avser|driver|drev|genomfor|genomforde)\b"
)

#: a grouped number alone in a row's right-hand column: the row's sum when the list prints no unit
_BARE_SUM = re.compile(r"(?<=\S)\s{2,}(\d{1,3}(?:[ .\u00a0]\d{3})+)\s*$")

#: a line set in under the right column (not a new row at the margin)
_CELL_INDENT = 8
_MAX_CELL_WORDS = 12

#: the decision printed under a row: "Beviljas: 12 000 kr", "Avslås (sökt belopp …)"
_VERDICT = re.compile(r"^(?:beviljas|beviljat|avslas|bifalls|tillstyrks|avstyrks)\b")


def _group_label(lines: Sequence[BodyLine], j: int, s: str, find: PlaceFinder) -> bool:
    """A short line between blank lines of a list, with no place and no sum, over a row that
    opens with a place."""
    if len(s.split()) > 3 or s[-1:] in ".:;," or re.search(r"\d", s) or lead_places(s, find)[0]:
        return False
    k = j + 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    return k < len(lines) and bool(lead_places(lines[k].text.strip(), find)[0])


def _continues_left_cell(cur: _Row, chain: list[Place], j: int) -> bool:
    """A unit printed under the förvaltning of the row above belongs to that row."""
    if chain[0].kind != "unit":
        return False
    if cur.left_open:
        return True
    has_unit = any(p.kind == "unit" for p in cur.places)
    return not has_unit and cur.places[-1].kind == "fackförvaltning" and j - cur.first <= 3


#: the words before a description's grant ("Beviljat: 21 000 kr", "beviljades 36 000 kr")
_GRANTED_BEFORE = re.compile(
    r"\b(?:beviljat|beviljades|beviljade|beviljat belopp)\b\W*(?:med\s+)?$"
)
#: what parts a row's left cell from its right one: a colon, a bar, a column gap
_ROW_GAP = re.compile(r"^\s*[:|]|^\s{2,}\S")
#: the words a wrapped right cell ends in when its name goes on under it
_GOES_ON = re.compile(r"(?:[-–,]|\b(?:och|i|för|med|till|av|om|på|vid|samt|inom))$", re.IGNORECASE)


def _starts_prose(cur: _Row, s: str) -> bool:
    """Does `s`, under a row whose right cell is complete, open the row's description (a
    sentence of five words or more starting with a capital)?"""
    prev = cur.text_parts[-1].rstrip() if cur.text_parts else ""
    return (
        bool(prev)
        and s[:1].isupper()
        and len(s.split()) >= 5
        and not _GOES_ON.search(prev)
        and not prev.endswith(".")  # (a row that ends a sentence was prose all along)
        and not any(find_amounts(t) for t in cur.text_parts)
        and not re.search(r"\S\s{2,}\S", s)  # (a row of columns, not prose)
    )


_FIELD_LINE = re.compile(r"[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?:\s+\S")


def _ends_list(cur: _Row, s: str, blank: bool) -> bool:
    """A line without a leading place ends the list when it starts a new sentence after a
    blank line or after a finished item."""
    priced = any(find_amounts(t) for t in cur.text_parts)
    if not blank and not priced and (s[:1].islower() or s[:1].isdigit()) and find_amounts(s):
        return False  # "Maria-Gamla stan: Köpenhamn - lågtröskel…" ⏎ "missbrukare, 18 500 kr"
    if find_amounts(s) or cue_hits(s, "list_end") or _FIELD_LINE.match(s):
        # the closing sentence ("Totalt beviljades … kronor"); a card's field ("Deltagare: 5")
        return True
    if s[:1].islower() or s[:1] in "(-–":
        return False
    prev = cur.text_parts[-1].rstrip() if cur.text_parts else ""
    if prev.endswith("-"):
        return False
    return blank or prev[-1:] in ".!?" or not prev


@dataclass
class _Row:
    first: int
    last: int
    places: list[Place]
    left_open: bool
    page_no: int
    text_parts: list[str] = field(default_factory=list)
    paren_open: bool = False
    verdict: str | None = None  # the decision line under the row
    described: bool = False  # the lines under the row are its description, to a blank line
    description: list[str] = field(default_factory=list)

    def add_text(self, s: str) -> None:
        s = s.strip().lstrip("|,").strip()
        if s:
            self.text_parts.append(s)

    def add_coapplicants(self, s: str, find: PlaceFinder) -> None:
        self.places.extend(
            p for p in find(s) if p.district_id not in {q.district_id for q in self.places}
        )
        opened = s.count("(") - s.count(")")
        self.paren_open = (self.paren_open or opened > 0) and ")" not in s

    def finish(self, lines: Sequence[BodyLine]) -> ListRow:
        parts = list(self.text_parts)
        bare: AmountMatch | None = None
        for k, part in enumerate(parts):
            # "Utrecht, familjecentraler     22 000 kr" ⏎ "och öppen förskola": the sum
            # stands at the end of the row's first line, the name wraps under it
            rest, sum_at_end = _split_amount(part) if k < len(parts) - 1 else (part, None)
            if sum_at_end is not None and re.search(r"\S\s{2,}\S", part):
                parts[k] = rest
                parts.append(sum_at_end.raw)
                break
            column = _BARE_SUM.search(part)
            if column is not None and not re.search(r"\d\s*$", part[: column.start()]):
                # "Berlin: tidiga insatser för      24 000" under no unit: the number in the
                # right-hand column is the row's sum in kronor (not of two columns of numbers,
                # "60 000    45 000", where which is the sum is not said)
                parts[k] = part[: column.start()].rstrip()
                value = int(re.sub(r"\D", "", column.group(1)))
                bare = AmountMatch(
                    column.start(1), column.end(1), column.group(1), value, False, None, False
                )
                break
        name, amount = _split_amount(dehyphen_join(parts))
        amount = amount or bare
        name = re.sub(
            r"^[-–—:]\s+", "", name
        )  # "Bromma sdf - Tallinn. …": the dash parts the cells
        unit = _UNIT_LABEL.match(name) if self.left_open else None
        if unit is not None:
            # "Socialtjänstförvaltningen, Uppsökarenheten: Tallinn - …": the unit under the
            # förvaltning is the left column's, the trip after the colon
            name = name[unit.end() :].strip()
        if amount is None and self.verdict is not None:
            sums = [a for a in find_amounts(self.verdict) if a.per is None]
            amount = sums[0] if sums else None
        if amount is None and self.description:
            # "Beviljat: 21 000 kr. Förbrukat: 18 740 kr." in the description: the grant
            text = " ".join(self.description)
            sums = [
                a
                for a in find_amounts(text)
                if a.per is None
                and _GRANTED_BEFORE.search(fold(text[max(0, a.start - 30) : a.start]))
            ]
            amount = sums[0] if sums else None
        ev = " / ".join(
            lines[k].text.strip() for k in range(self.first, self.last + 1) if lines[k].text.strip()
        )
        places: list[Place] = []
        for p in self.places:
            if all(q.district_id != p.district_id for q in places):
                places.append(p)
        row = ListRow(name, places, self.first, self.last, self.page_no, ev, form="two_column")
        row.description = dehyphen_join(self.description) or None
        if amount is not None:
            row.amount, row.amount_raw, row.amount_approx = (
                amount.sek,
                amount.raw,
                amount.approximate,
            )
            row.amount_line = next(
                (k for k in range(self.first, self.last + 1) if amount.raw in lines[k].text),
                self.first,
            )
        return row
