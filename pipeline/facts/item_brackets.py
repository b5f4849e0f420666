"""An item whose name is followed by a bracket of its facts, separated by semicolons: labelled
fields ("(utförare: Ersta Sköndal Bräcke högskola; slutrapport november 2017; 380 000 kr)"), or
who carries it out and when it ends, unlabelled ("Föräldraskap efter separation (Föreningen
Familjeforum Väst; avslutas i december)" over its sum). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits
from pipeline.facts.end_dates import parse_end_cell, season_end, status_end
from pipeline.facts.item_parts import PlaceFinder, set_amount, split_owner
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.performer_tails import NOBODY, bare_performer
from pipeline.facts.tables import parse_end_date
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["bracketed_row"]


def bracketed_row(
    text: str,
    lines: Sequence[BodyLine],
    a: int,
    b: int,
    find: PlaceFinder,
    intro_k: int | None,
) -> ListRow | None:
    """The row of an item written "Name (fields; …)", or None when it is not written so."""
    if (bracket := _FIELD_BRACKET.search(text)) is not None:
        return _bracketed_fields(text, bracket, lines, a, b, find, intro_k)
    if (bracket := _WHO_WHEN.search(text)) is not None:
        return _who_and_when(text, bracket, lines, a, b, find, intro_k)
    if (bracket := _WHO_THEN_SUM.search(text)) is not None and _BODY.search(fold(bracket["who"])):
        # "Pappagrupper i Fruängen (Föreningen Pappaverkstan i Hägersten), 185 000 kr,"
        name, places = split_owner(text[: bracket.start()], find)
        row = _item(name, places, lines, (a, b), text, None, intro_k) if name else None
        if row is not None:
            who = bracket["who"].strip()
            row.performer = None if NOBODY.match(fold(who)) else bare_performer(who) or None
            set_amount(row, find_amounts(bracket["sum"])[0], lines, a, b)
        return row
    return None


#: who carries the item out in a bracket after its name, then its sum: "(Institutionen för
#: socialt arbete vid Stockholms universitet, fil. lic. A B), 160 000 kr" ("(egen regi,
#: ungdomsenheten)": the förvaltning's own staff)
_WHO_THEN_SUM = re.compile(
    r"\s*\((?P<who>[^()]{3,160})\)\s*,\s*(?P<sum>(?:ca\.?\s+)?\d[\d\s.]*\s*(?:kr|kronor|tkr))\s*[,.;]?\s*$"
)
#: … a body that carries work out (not an owner, a partner or a remark)
_BODY = re.compile(
    r"^(?:egen regi|foreningen|stiftelsen|institutionen|\w+ska institutionen)\b|"
    r"(?:hogskola|universitet|institut|fou-\w+|\bab)\b"
)


#: a bracket of fields after an item's name: "(utförare: Ersta Sköndal Bräcke högskola;
#: slutrapport november 2017; 380 000 kr)"
_FIELD_BRACKET = re.compile(r"\s*\(([^()]*:[^()]*;[^()]*)\)\s*\.?\s*$")


def _bracketed_fields(
    text: str,
    bracket: re.Match[str],
    lines: Sequence[BodyLine],
    a: int,
    b: int,
    find: PlaceFinder,
    intro_k: int | None,
) -> ListRow | None:
    """An item whose name is followed by a bracket of its fields, separated by semicolons:
    who carries it out (a labelled field), when it reports, and its sum."""
    name, places = split_owner(text[: bracket.start()], find)
    if not name:
        return None
    fields = [f.strip() for f in bracket.group(1).split(";")]
    # (the fields are read here; "slutrapport …" tells no status)
    row = _item(name, places, lines, (a, b), text, None, intro_k)
    for f in fields:
        label, colon, value = f.partition(":")
        if (
            colon
            and cue_hits(label, "performer_word")
            or re.match(r"(?i)utf[öo]rare|genomf", label)
        ):
            row.performer = value.strip() or None
        sums = [m for m in find_amounts(f) if m.per is None]
        if sums and row.amount is None:
            set_amount(row, sums[0], lines, a, b)
        end = parse_end_date(f) if _END_FIELD.match(fold(f)) else None
        if end is not None and end[3] is not None:
            row.end_date = end[3]
    return row


#: a field of the bracket that says when the work reports or ends
_END_FIELD = re.compile(r"(?:slutrapport|klar|klart|avslutas|rapport)\b")


#: an unlabelled bracket after a name: who does the work, a semicolon, and when it ends
#: ("(FoU-centrum Väst, fil. dr Sara Ek; slutrapport 2009-02-28)"), then perhaps a partner
#: (", gemensamt med Hässelby-Vällingby") and the item's sum
_WHO_WHEN = re.compile(
    r"\s*\((?:(?P<who>[^();:]{3,160});\s*)?(?P<when>[^();:]{3,80})\)"
    r"(?P<with>,?\s*(?:gemensamt|tillsammans|i\s+samarbete|i\s+samverkan)\s+med\s+[^\d()]{3,80}?)?"
    r"\s*[,.]?\s*(?P<sum>(?:ca\.?\s+)?\d[\d\s.,]*\s*(?:kr|kronor|tkr)\.?)?\s*$"
)
#: the words of the bracket's second part that date an end ("pågår t.o.m. juni 2009", "klar vt
#: 2009", "resultat i december 2008", "slutrapport 2009-02-28", "avslutas i maj 2010")
_WHEN_CUE = re.compile(
    r"^(?:pagar|klar|klart|avslut\w*|slutrapport\w*|slutredovis\w*|resultat|rapport\w*|"
    r"beraknas|ska vara klar|fardig\w*|genomfor[dt]|planera[dt])\b"
)


def _who_and_when(
    text: str,
    bracket: re.Match[str],
    lines: Sequence[BodyLine],
    a: int,
    b: int,
    find: PlaceFinder,
    intro_k: int | None,
) -> ListRow | None:
    when = bracket.group("when").strip()
    if not _WHEN_CUE.match(fold(when)) or not (bracket.group("who") or bracket.group("sum")):
        return None  # (a bare "(klar 2009)" with no sum after it: the head's reader's)
    name, places = split_owner(text[: bracket.start()], find)
    if not name:
        return None
    who = (bracket.group("who") or "").strip()
    owners = find(who)
    if owners and covered_by_places(who, owners):
        places, who = places + owners, ""  # "(Rinkeby sdf; klart 2009)": the owner
    if bracket.group("with"):
        places += [p for p in find(bracket.group("with")) if p not in places]
    # ("pågår t.o.m. juni 2009": the status the bracket tells)
    row = _item(name, places, lines, (a, b), text, when, intro_k)
    if who and not NOBODY.match(fold(who)):
        row.performer = bare_performer(who) or None
    said = re.sub(
        r"^(?:resultat|rapport\w*|beräknas|planera[dt])\s+(?:i|under|till)\s+", "", when, flags=re.I
    )
    got = status_end(said) or parse_end_cell(said) or parse_end_date(said)
    row.end_date = season_end(said) or (got[3] if got is not None else None)
    sums = [m for m in find_amounts(bracket.group("sum") or "") if m.per is None]
    if sums:
        set_amount(row, sums[0], lines, a, b)
    return row


def _item(
    name: str,
    places: list[Place],
    lines: Sequence[BodyLine],
    span: tuple[int, int],
    text: str,
    description: str | None,
    intro_k: int | None,
) -> ListRow:
    """The list row of an item on lines `span` (first, last)."""
    a, b = span
    return ListRow(
        name,
        places,
        a,
        b,
        lines[a].page_no,
        text,
        description=description,
        form="intro_list",
        intro_line=intro_k if intro_k is not None else a,
    )
