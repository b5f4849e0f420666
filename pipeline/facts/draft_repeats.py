"""One project read twice is one: the same name and sum read by two readers from lines a few
apart, or a decision's item and the section on it further on. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.facts.lists import Place
from pipeline.facts.performer_tails import OTHER_BODY
from pipeline.lang.fuzzy import fold

if TYPE_CHECKING:
    from pipeline.facts.drafts import Draft

__all__ = ["completed_by", "unnumbered", "without_repeats"]


def without_repeats(drafts: Sequence[Draft]) -> list[Draft]:
    """The drafts without a second reading of one project: the same name and sum read by two
    readers from lines a few apart (an owner's line, then the quoted name under it)."""
    out: list[Draft] = []
    for d in drafts:
        if _COUNTED_WORK.match(fold(d.name)):
            continue  # "Två projekt och 47 500 kr för två studiebesök": how many, no name
        if any(
            fold(o.name) == fold(d.name)
            and o.amount_sek == d.amount_sek
            and abs(o.first_line - d.first_line) <= _REPEAT_LINES
            # (two districts' projects of one name and sum, row under row, are two)
            and _same_owners(o.places, d.places)
            for o in out
        ):
            continue
        # the decision's item and the section on it further on ("Trygg hemma – …" granted
        # 5,4 mnkr to Skärholmen with Hägersten-Liljeholmen, then a heading of that name)
        again = next(
            (
                o
                for o in out
                if _dashless(o.name) == _dashless(d.name)
                and o.amount_sek == d.amount_sek is not None
                # (or one reading without its owner: a list's item and its block further on)
                and (_overlapping_owners(o.places, d.places) or _same_owners(o.places, d.places))
            ),
            None,
        )
        # a list of names alone, each project's block with its sum further on
        bare = next(
            (
                o
                for o in out
                if fold(o.name) == fold(d.name)
                and None in (o.amount_sek, d.amount_sek)
                and _same_owners(o.places, d.places)
            ),
            None,
        )
        if again is None and bare is not None:
            _fill(bare, d)
            continue
        if again is not None:
            known = {p.district_id for p in again.places}
            again.places += [p for p in d.places if p.district_id not in known]
            if d.description and again.description in (None, again.evidence):
                # the section's text over the item's sentence: its partners, its performer
                again.description = d.description
            continue
        # a summary table's short name and the section on the project under its full name
        # ("Trygg i Sätra" 450 000, then "Trygg i Sätra - tidigt stöd vid oro för unga")
        whole = next((o for o in out if _shortened(o, d)), None)
        if whole is not None:  # (the surer reading stands, the other fills what it lacks)
            if d.confidence > whole.confidence:
                out[out.index(whole)], whole, d = d, d, whole
            _fill(whole, d)
            continue
        out.append(d)
    return out


def _shortened(a: Draft, b: Draft) -> bool:
    """Is one of two drafts' names the first words of the other's, their sums not two
    different sums, their owners one set within the other (or one's unknown)?"""
    short, long = sorted((fold(a.name).strip(" ."), fold(b.name).strip(" .")), key=len)
    if len(short.split()) < 2 or not long.startswith(f"{short} "):
        return False
    if None not in (a.amount_sek, b.amount_sek) and a.amount_sek != b.amount_sek:
        return False
    return not a.places or not b.places or _overlapping_owners(a.places, b.places)


def _fill(kept: Draft, other: Draft) -> None:
    """The fuller reading of one project: the longer name, and each value the kept draft lacks
    taken from the other reading."""
    short, long = sorted((kept.name, other.name), key=len)
    # (the longer name when what it adds is a subtitle or a place, "… – tidigt stöd …", "… i
    # Vårberg"; not a sentence's clause read into it, "Vägen vidare enligt förvaltningens …")
    tail = fold(long[len(short) :])
    named = _NAME_TAIL.match(tail) and not _CLAUSE_TAIL.match(tail) and len(tail.split()) <= 8
    kept.name = long if named else short
    if kept.amount_sek is None and other.amount_sek is not None:
        kept.amount_sek, kept.amount_raw = other.amount_sek, other.amount_raw
        kept.amount_line, kept.amount_evidence = other.amount_line, other.amount_evidence
        kept.amount_approx, kept.amount_kind = other.amount_approx, other.amount_kind
    kept.end_date = kept.end_date or other.end_date
    kept.year, kept.fund_type = kept.year or other.year, kept.fund_type or other.fund_type
    kept.performer = kept.performer or other.performer
    if other.description and kept.description in (None, kept.evidence):
        kept.description = other.description  # (its text: when it ended, who did it)
    known = {p.district_id for p in kept.places}
    kept.places += [p for p in other.places if p.district_id not in known]


#: what follows a name in a sentence, never part of the name: a clause, a sum
_CLAUSE_TAIL = re.compile(
    r"\s+(?:enligt|som|och|samt|vilket|vilka|dar|ur|fran|till|om|varav|ska|har|ar|med\s+\d)\b"
    r"|.*\d"
)
#: what goes on a name: a subtitle after a dash, a place or whom it is for
_NAME_TAIL = re.compile(r"\s*[-–—]\s|\s+(?:i|med|for|pa|vid|hos|mot|av|bland)\s")
#: a name that only counts the work: "två projekt och …", "tre studiebesök", "4 studier"
_COUNTED_WORK = re.compile(
    r"^(?:\d+|ett|en|två|tva|tre|fyra|fem|sex|sju|åtta|atta|nio|tio|elva|tolv)\s+"
    r"(?:nya\s+|olika\s+)?(?:projekt|studier|studiebesok|resor|ansokningar|insatser)\b"
)


def _dashless(name: str) -> str:
    return re.sub(r"\s*[–—-]\s*", " - ", fold(name))


def _overlapping_owners(a: Sequence[Place], b: Sequence[Place]) -> bool:
    ids_a, ids_b = {p.district_id for p in a}, {p.district_id for p in b}
    return bool(ids_a & ids_b) and (ids_a <= ids_b or ids_b <= ids_a)


_REPEAT_LINES = 3


def _same_owners(a: Sequence[Place], b: Sequence[Place]) -> bool:
    ids_a, ids_b = {p.district_id for p in a}, {p.district_id for p in b}
    return not ids_a or not ids_b or ids_a == ids_b


def completed_by(kept: Sequence[Draft], later: Sequence[Draft]) -> None:
    """A later reader's reading of a project an earlier reader already took (the same first
    line and name, or a name that starts the other) gives the end the earlier one lacks (its
    "Klar: juni 2003" field beside "Kostnad:"; its other fields the earlier reader's stand)."""
    at = {d.first_line: d for d in kept}
    for d in later:
        o = at.get(d.first_line)
        # (one name, or one the start of the other: "Medling vid ungdomsbrott" and the same
        # with its owner's line run on)
        if o is None or o is d or not _one_name(fold(o.name), fold(d.name)):
            continue
        o.end_date = o.end_date or d.end_date
        if o.performer is None and d.performer and OTHER_BODY.search(d.performer):
            o.performer = d.performer  # ("Sökande: Husby IF" under an item: a body outside)


def _one_name(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


#: a row's number printed in its name's cell: "1  Hemmaboende unga med …"
_ROW_NUMBER = re.compile(r"^(\d{1,2})\.?\s+(?=[A-ZÅÄÖ][a-zåäö])")


_ROW_LETTER = re.compile(r"^([A-H])\.\s+(?=[A-ZÅÄÖ])")


def unnumbered(drafts: Sequence[Draft]) -> None:
    """Names that open with the numbers 1, 2, 3 … of their table's rows, in order (the number
    printed in the name's own column), or with the letters A, B, C … of a list of studies:
    the names without them."""
    lettered = [(d, m) for d in drafts if (m := _ROW_LETTER.match(d.name)) is not None]
    letters = [m[1] for _d, m in sorted(lettered, key=lambda dm: dm[0].first_line)]
    if len(lettered) >= 2 and letters == sorted(set(letters)):
        for d, m in lettered:  # "A.  Unga vuxna …", "B.  Äldre …": the studies' letters
            d.name = d.name[m.end() :]
    marks = [_ROW_NUMBER.match(d.name) for d in drafts]
    numbered = [(d, m) for d, m in zip(drafts, marks, strict=True) if m is not None]
    if len(numbered) < 2 or [int(m[1]) for _d, m in numbered] != list(range(1, len(numbered) + 1)):
        return
    for d, m in numbered:
        d.name = d.name[m.end() :]
