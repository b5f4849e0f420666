"""A list item whose name is followed by labelled field lines ("Sökande: …", "Utförare: …",
"Resmål: …", "Förslag: …"): its name, owner, performer, sum and end. Read by
:mod:`pipeline.facts.item_rows`. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.end_dates import parse_end_date
from pipeline.facts.item_parts import ITEM, PlaceFinder, owner_only, set_amount, split_owner, tidy
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.performer_tails import own_staff
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["LABEL", "labelled_row", "unmark_fields"]

#: the label of an item's field line
LABEL = re.compile(
    r"^(?:Sökande|Sokande|Ansökande|Projektägare|Huvudman|Utförare|Genomförs av|Belopp|"
    r"Uppdragstagare|Utvärderare|"
    r"Beviljat belopp|Beviljat|Kostnad|Beräknad kostnad|Ansvarig|Resmål|Sökt|Sökt belopp|"
    r"Ansökt belopp|Förslag)\s*:\s*",
    re.IGNORECASE,
)
#: a field of the sums only: the item's fields when its applicant opens it
_SUM_LABEL = re.compile(r"(?:Sökt|Sökt belopp|Ansökt belopp|Förslag)\s*:")


#: a sub-item's mark before a labelled field ("–  Sökande: …" under "•  Name")
_SUB_MARK = re.compile(r"^[-–•]\s+(?=[A-ZÅÄÖ][\wåäö ]{1,25}\s*:\s)")
#: the field that gives the work's period ("Tid: 2026-01-01 – 2027-12-31")
_TIME_FIELD = re.compile(r"^(?:Tid|Projekttid|Period|Projektperiod)\s*:\s*", re.IGNORECASE)


def unmark_fields(texts: list[str]) -> list[str]:
    """An item's lines with the marks of its labelled sub-items taken off: "•  Name" over
    "–  Sökande: …", "–  Belopp: …" are the item's fields, as lines without the dash are."""
    return [texts[0], *(_SUB_MARK.sub("", t, count=1) for t in texts[1:])]


def field_line(text: str) -> bool:
    """A labelled field's line other than a sum's ("Sökande: …", not "Sökt belopp: …")."""
    return bool(LABEL.match(text)) and not _SUM_LABEL.match(text)


def first_label(texts: list[str], find: PlaceFinder) -> int | None:
    """The line of an item's first labelled field, or None. "Sökt:" and "Förslag:" lines
    make fields only under an item that opens with its applicant ("1. Farsta
    stadsdelsförvaltning, vuxenenheten" ⏎ "Bergen – …" ⏎ "Sökt: …" ⏎ "Förslag: …"); under a
    name they are the item's sums, read with it."""
    # (not "Järva: ”Samlad ingång …”": the applicant's line goes on to the quoted title)
    n = next(
        (n for n, t in enumerate(texts) if n and LABEL.match(t) and not _QUOTED_VALUE.match(t)),
        None,
    )
    if n is None or not _SUM_LABEL.match(texts[n]):
        return n
    head = ITEM.sub("", texts[0], count=1)
    lead = find(head)
    between = " ".join(texts[1:n])  # (the name, its own line or two, no sentence of text)
    owner_line = not find_amounts(head) and not re.search(r":(?:\s|$)|\s[–—-]\s|[\"”“]", head)
    owner_line = owner_line and ":" not in between and ". " not in between
    owner_line = owner_line and head.count("(") == head.count(")")  # ("(medsökande" ⏎ "…)")
    return n if 2 <= n <= 4 and lead and lead[0].start == 0 and owner_line else None


_QUOTED_VALUE = re.compile(r"[^:]*:\s*[”\"“]")
_OWNER_LABEL = re.compile(r"^(?:sokande|ansokande|projektagare|huvudman|ansvarig|stadsdel\w*)\b")
#: "Stadsdelsområde: Järva", "Stadsdel: Farsta": the district a field names, among the fields
_DISTRICT_FIELD = re.compile(r"^(?:[-–•]\s*)?(?:Stadsdel|Stadsdelsområde|Stadsdelsnämnd)\s*:\s+\S")
_PERFORMER_LABEL = re.compile(r"^(?:utforare|genomfors av|uppdragstagare|utvarderare)\b")
#: a field that names the item ("Resmål: Oslo, …") under its applicant
_LABELLED_NAME = re.compile(r"\s*Resmål\s*:")
#: an applicant's name wrapped before its office: "… med Vantörs" ⏎ "stadsdelsförvaltning, …"
_OWNER_WRAP = re.compile(r"(?:stadsdelsförvaltning|stadsdelsnämnd|sdf)\w*\b")
#: "x 8 000 kr =", "à 7 500 kr": the price of one, a factor of the item's sum
_FACTOR = re.compile(r"(?:à|\bx|×|\*)\s*$")


def _name_lines(texts: list[str], find: PlaceFinder) -> tuple[list[str], list[str]]:
    """An item's lines above its fields: the name (wrapped in lower case, or its owner
    wrapped onto a line of its own), then the sentences that describe it ("2. Name, Farsta
    stadsdelsförvaltning" over "Unga vuxna stödde jämnåriga …")."""
    for k in range(1, len(texts)):
        t, above = texts[k].strip(), texts[k - 1].rstrip()
        lead = find(t)
        owner = bool(lead) and lead[0].start == 0 and covered_by_places(t, lead)
        ended = bool(above) and (above.endswith(".") or covered_by_places(above, find(above)))
        described = t[:1].isupper() and not owner and not above.endswith((",", "-", "–"))
        if (ended or described) and (k > 1 or above):
            return texts[:k], texts[k:]
    return texts, []


def _carrier_over_work(head: str, between: list[str], find: PlaceFinder) -> str | None:
    """An item's first line that is the name of who carries the work ("Husby Basket", every
    word capitalised, no place), over one line that names the work ("Kvällsbasket i Husby
    sporthall"): the carrier, else None."""
    words = head.split()
    if len(between) != 1 or not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return None
    work = between[0].strip()
    if work.endswith(".") or sum(w[:1].islower() for w in work.split()) < 2:
        return None
    found = find(head)
    return None if found and covered_by_places(head, found) else head.strip()


def labelled_row(
    lines: Sequence[BodyLine],
    a: int,
    b: int,
    texts: list[str],
    first_label: int,
    find: PlaceFinder,
    intro_k: int | None,
) -> ListRow | None:
    """An item whose name is followed by lines of labelled fields::

    • Riga – stöd till unga i hemlöshet
      Sökande: Bromma stadsdelsförvaltning. Beviljas 14 500 kronor.
    """
    head = ITEM.sub("", texts[0], count=1)
    owner_line: list[Place] = []
    while (
        first_label > 1
        and texts[1][:1].islower()
        and (_LABELLED_NAME.match(texts[first_label]) or _OWNER_WRAP.match(texts[1]))
    ):
        # "4. Liljeholmens stadsdelsförvaltning, med Hägerstens" ⏎ "stadsdelsförvaltning som
        # medsökande" over "Resmål: …": the applicant wrapped, the name in its field
        head, texts, first_label = f"{head} {texts[1]}", [texts[0], *texts[2:]], first_label - 1
    lead = find(head)
    carrier = _carrier_over_work(head, texts[1:first_label], find)
    if (
        carrier is None
        and first_label >= 2
        and lead
        and lead[0].start == 0
        and not find_amounts(head)
        and not re.search(r":\s|\s[–—-]\s", head)
    ):
        # "1. Kungsholmens stadsdelsförvaltning, vuxenenheten" over "Amsterdam – Housing
        # First …": the applicant on the item's first line, the name under it
        owner_line, head = lead, ""
    kept, told = _name_lines([head, *texts[1:first_label]], find)
    if (
        not owner_line
        and len(kept) >= 2
        and kept[-2].strip()
        and not kept[-2].rstrip().endswith((",", "-", "–", "("))
        and kept[-1].strip()[:1].isupper()  # (not "stadsdelsförvaltning (medsökande …)")
        and owner_only(kept[-1], find)
    ):
        # "1. Tjejgrupper i mellanstadiet" over "Spånga-Tensta stadsdelsförvaltning" over
        # "Beviljat: 230 000 kr": the applicant on a line of its own under the name
        owner_line, kept = find(kept[-1].strip()), kept[:-1]
    name = tidy(dehyphen_join([t for t in kept if t]))
    if carrier is not None:
        # "1. Akalla Kampsportsklubb" over "Dagläger i kampsport för barn" over "Beviljat
        # belopp: 40 000 kronor": the association, then the work its money is for
        name, told = tidy(texts[1]), []
    labelled, described = _field_lines(texts[first_label:])
    described = [*told, *described]
    fields = dehyphen_join(labelled)
    places: list[Place] = []
    performer: str | None = None
    for m in re.finditer(
        r"([A-ZÅÄÖa-zåäö ]{3,20}?)\s*:\s*([^:]*?)(?=\.\s|$|\s[A-ZÅÄÖ][a-zåäö ]{2,18}:)", fields
    ):
        label = fold(m.group(1).strip())
        if _OWNER_LABEL.match(label):
            places = find(m.group(2))
        elif _PERFORMER_LABEL.match(label):
            performer = m.group(2).strip(" .") or None
        elif _LABELLED_NAME.match(m.group(0)) and (got := find(name)) and got[0].start == 0:
            # "1. Bromma stadsdelsförvaltning, socialpsykiatrin" over "Resmål: Trieste, …"
            owner_line, name = got, tidy(m.group(2))
    performer = (None if performer and own_staff(performer) else performer) or carrier
    places = places or owner_line
    if not places:
        name, places = split_owner(name, find)
    if not name:
        return None
    description = dehyphen_join(described) if described else None
    text = f"{fields} {description or ''}"
    # ("6 personer à 7 500 kr = 45 000 kr": the price of one is no sum of the item's)
    amounts = [
        x for x in find_amounts(text) if x.per is None and not _FACTOR.search(text[: x.start])
    ]
    # "Beräknad kostnad: 6 personer à 5 200 kr = 31 200 kr" over "Förslag: 31 200 kr": the sum
    # proposed or granted
    decided = _DECIDED_FIELD.search(fields) or _DECIDED_FIELD.search(text)
    sought = _SOUGHT_FIELD.search(text) if not decided else None
    if sought and (asked := [x for x in find_amounts(sought.group(1)) if x.per is None]):
        amounts = asked  # "Total kostnad: 310 000 kr" over "Sökt belopp: 230 000 kr": the ask
    if decided:
        told_sums = find_amounts(sum_text := decided.group(1))
        amounts = [
            x for x in told_sums if not x.per and not _FACTOR.search(sum_text[: x.start])
        ] or amounts
    row = ListRow(
        name,
        places,
        a,
        b,
        lines[a].page_no,
        " ".join(texts),
        description=description,
        form="intro_list",
        intro_line=intro_k if intro_k is not None else a,
    )
    row.performer = performer
    if amounts:
        set_amount(row, amounts[0], lines, a, b)
    said = _END_SAID.search(fields)  # "Ansvarig: fil.dr Mikael Strand. Klar december 1999."
    end = parse_end_date(said.group(1)) if said else None
    span = _TIME_SPAN.search(fields) if end is None else None
    if span is not None:  # "Tid: 2026-01-01 – 2027-12-31", "Tid: januari-december 2026"
        end = parse_end_date(span.group(1))
    row.end_date = end[3] if end is not None else None
    return row


#: a field or sentence that says when the work is done: "Klar juni 2000", "Slutrapport: mars 2015"
_END_SAID = re.compile(
    r"\b(?:Klar|Klart|Slutrapport|Avslutas)\s*:?\s+(?:i\s+|senast\s+)?([^.:;]{0,25}?(?:19|20)\d\d)\b"
)


#: a period field that spans: "Tid: 2026-02-01 – 2026-12-31" (not "Tid: mars 2011", a trip's)
_TIME_SPAN = re.compile(
    r"\b(?:Tid|Projekttid|Period|Projektperiod)\s*:\s*[^:]*?(?:\s[-–]|–|(?<=[a-zåäö])-)\s*([^:]*?(?:19|20)\d\d(?:-\d\d-\d\d)?)"
    r"(?=\s[A-ZÅÄÖ][a-zåäö ]{2,18}:|[.;]|$)",
    re.IGNORECASE,
)


#: a field that states the sum proposed or granted ("Förslag: 31 200 kr", "Beviljas: …")
_DECIDED_FIELD = re.compile(
    r"\b(?:Förslag|Föreslås|Beviljas|Beviljat|Beviljat belopp)\s*:\s*([^:]*?\d[^:]*?(?::-)?)"
    r"(?=\s[A-ZÅÄÖ][a-zåäö ]{2,18}:|\s\(|$)"
)


#: a field that states the sum applied for ("Sökt belopp: 230 000 kr")
_SOUGHT_FIELD = re.compile(
    r"\b(?:Sökt belopp|Sökt|Ansökt belopp|Söks)\s*:\s*([^:]*?\d[^:]*?)(?=\s[A-ZÅÄÖ][a-zåäö ]{2,18}:|$)"
)


def _field_lines(texts: list[str]) -> tuple[list[str], list[str]]:
    """(the labelled field lines, the description lines) of an item's lines after its name.
    A field runs over the lines that continue it (a lower-case start, or after a comma or a
    hyphen); a line that starts a new sentence after a field is the description's."""
    labelled: list[str] = []
    described: list[str] = []
    in_field = False
    for t in texts:
        if field_line(t) or _TIME_FIELD.match(t) or (in_field and _DISTRICT_FIELD.match(t)):
            labelled.append(t)
            in_field = True
        elif in_field and (t[:1].islower() or labelled[-1].rstrip().endswith((",", "-", "–"))):
            labelled.append(t)
        else:
            described.append(t)
            in_field = False
    return labelled, described
