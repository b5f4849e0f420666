"""Projects printed as cards: the owner, the name, a description, the sum granted.

How the documents print them
----------------------------

An appendix may describe each granted project on a card of its own (often two cards side
by side, which the text stage reads column by column): the förvaltning that owns it on
the first line (a co-applicant in brackets, wrapped or not), the project's name on the
next line or two, a few sentences about it, and a labelled sum on the last line (or on the
line under the name, before the description: "Beviljat 2009: 190 000 kr")::

    Rinkeby-Kista
    Pappagrupper – föräldrastöd för
    fäder med utländsk bakgrund
    Gruppverksamhet för fäder med barn i förskoleåldern. Utvärderingen
    görs av forskare vid Ersta Sköndal högskola.
    Beviljat belopp: 180 000 kr

The name is the lines after the owner up to the first line that opens a sentence of the
description (a capital after a line that did not break a word or a phrase); a card's lines
are those between blank lines. Two cards at least make the layout. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.fund_marked import names_a_fund
from pipeline.facts.item_parts import PlaceFinder, tidy, with_own_unit
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts

__all__ = ["find_owner_cards"]

#: the card's last line: "Beviljat belopp: 180 000 kr", "Beviljas: 95 000 kronor"
_SUM_LINE = re.compile(
    r"^(?:beviljat(?:\s+belopp)?|beviljade\s+medel|beviljas|belopp|bidrag|förslag|föreslås)"
    r"(?:\s+(?:för\s+)?(?:19|20)\d\d)?\s*:\s*(?P<sum>.+)$",
    re.IGNORECASE,
)
#: a labelled field line: "Resmål: …", "Syfte: …"
_FIELD = re.compile(r"^[A-ZÅÄÖ][\wåäö -]{0,25}:\s")
_MIN_CARDS = 2
_MAX_CARD_LINES = 12
_MAX_NAME_LINES = 3


def find_owner_cards(lines: Sequence[BodyLine], find: PlaceFinder) -> list[ListRow]:
    """Every project printed as an owner card (module docstring), in reading order."""
    rows: list[ListRow] = []
    i = 0
    while i < len(lines):
        if lines[i].text.strip() and (i == 0 or not lines[i - 1].text.strip()):
            end = _block_end(lines, i)
            row = _card(lines, i, end, find)
            if row is None and end + 2 < len(lines) and not _has_sum(lines, i, end):
                # the owner and the name parted from the description by a blank line (or
                # by a line whose word the hyphenation moved up): one card with the block
                # under it, when that block ends the card with its sum
                after = _block_end(lines, end + 2)
                if lines[end + 2].text.strip() and 1 <= end - i < 1 + _MAX_NAME_LINES:
                    row = _card(lines, i, after, find)
                    end = after if row is not None else end
            if row is None and (got := _name_over_card(lines, i, end, find)) is not None:
                # a slide's or a sheet's title over its owner and its sum
                row, end = got
            if row is not None:
                rows.append(row)
            i = end + 1
            continue
        i += 1
    return rows if len(rows) >= _MIN_CARDS else []


def _block_end(lines: Sequence[BodyLine], i: int) -> int:
    end = i
    while end + 1 < len(lines) and lines[end + 1].text.strip():
        end += 1
    return end


def _has_sum(lines: Sequence[BodyLine], first: int, last: int) -> bool:
    return any(_SUM_LINE.match(lines[k].text.strip()) for k in range(first, last + 1))


def _card(lines: Sequence[BodyLine], first: int, last: int, find: PlaceFinder) -> ListRow | None:
    at_line = [k for k in range(first, last + 1) if lines[k].text.strip()]
    texts = [lines[k].text.strip() for k in at_line]
    if not 3 <= len(texts) <= _MAX_CARD_LINES:
        return None
    if any(lines[k].indent > lines[first].indent for k in at_line[1:]):
        return None  # the owner over its indented items: a group (`owner_heads` reads it)
    labelled = [k for k, t in enumerate(texts) if _SUM_LINE.match(t)]
    if len(labelled) != 1 or labelled[0] < 2:
        return None
    at = labelled[0]  # the last line, or the line under the name
    m = _SUM_LINE.match(texts[at])
    sums = [a for a in find_amounts(m.group("sum")) if a.per is None] if m else []
    if len(sums) != 1:
        return None
    owner_lines = 1
    if (
        texts[0].count("(") > texts[0].count(")")
        or texts[0].endswith(",")
        or (texts[1].startswith("(") and texts[1].endswith(")"))
    ):
        # "Södermalm (medsökande" ⏎ "Enskede-Årsta-Vantör)", "Socialförvaltningen," ⏎
        # "Socialjouren", "Hägersten-Liljeholmen" ⏎ "(medsökande Skärholmen)"
        owner_lines = 2
    owner = " ".join(texts[:owner_lines])
    places: list[Place] = find(owner)
    if not places or not (covered_by_places(owner, places) or with_own_unit(owner, places)):
        return None
    tail = texts[at + 1 :]
    k = len(tail)
    while k and _FIELD.match(tail[k - 1]):
        k -= 1  # fields that close the card ("Status: avslutat" tells what became of it)
    tail, fields_after = tail[:k], tail[k:]
    if tail:  # the sum under the name: the name is all the lines above it
        body, n = texts[owner_lines:at], at - owner_lines
        after = tail
        if not body or n > _MAX_NAME_LINES:
            return None
    else:
        body, after = texts[owner_lines:at], []
    if not body or not body[0][:1].isupper() or any(_FIELD.match(t) for t in body + after):
        return None  # (a card of labelled fields is a form: `field_blocks` reads it)
    if not after:
        n = 1
        while n < min(len(body), _MAX_NAME_LINES) and (
            body[n][:1].islower() or body[n - 1].endswith(("-", "–"))
        ):
            n += 1  # the name wraps in lower case, or after a hyphen
    name = tidy(dehyphen_join(body[:n]))
    if not name or name.endswith(".") or len(name.split()) > 16 or names_a_fund(name):
        return None
    row = ListRow(
        name,
        list(places),
        first,
        last,
        lines[first].page_no,
        " / ".join(texts),
        description=dehyphen_join(body[n:] + after + fields_after) or None,
        form="intro_list",
    )
    return _with_sum(row, sums[0], at_line[at])


def _name_over_card(
    lines: Sequence[BodyLine], first: int, last: int, find: PlaceFinder
) -> tuple[ListRow, int] | None:
    """A name standing alone (a slide's title, one or two lines) over a blank line and a
    short block of its owner and its labelled sum::

        Skolnära familjestöd

        Hässelby-Vällingby
        Beviljat: 480 tkr

    Returns the card and its last line."""
    names = [lines[k].text.strip() for k in range(first, last + 1)]
    if not 1 <= len(names) <= 2 or last + 2 >= len(lines) or not lines[last + 2].text.strip():
        return None
    if (
        not names[0][:1].isupper()
        or names[-1].endswith((".", ":"))
        or any(find_amounts(t) or _FIELD.match(t) or _SUM_LINE.match(t) for t in names)
    ):
        return None
    end = _block_end(lines, last + 2)
    block = [lines[k].text.strip() for k in range(last + 2, end + 1)]
    if not 2 <= len(block) <= 3 or not _SUM_LINE.match(block[-1]):
        return None
    owner = " ".join(block[:-1])
    places: list[Place] = find(owner)
    if not places or not (covered_by_places(owner, places) or with_own_unit(owner, places)):
        return None
    m = _SUM_LINE.match(block[-1])
    sums = [a for a in find_amounts(m.group("sum")) if a.per is None] if m else []
    name = tidy(dehyphen_join(names))
    if len(sums) != 1 or not name or len(name.split()) > 16 or names_a_fund(name):
        return None
    row = ListRow(
        name,
        list(places),
        first,
        end,
        lines[first].page_no,
        " / ".join([*names, *block]),
        form="intro_list",
    )
    return _with_sum(row, sums[0], end), end


def _with_sum(row: ListRow, a: AmountMatch, line: int) -> ListRow:
    """The card's row with its labelled sum, printed on `line`."""
    row.amount, row.amount_raw, row.amount_approx, row.amount_line = (
        a.sek,
        a.raw,
        a.approximate,
        line,
    )
    return row
