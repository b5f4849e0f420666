"""A list item that gives its project's facts as comma-separated parts after the name, as a
compilation or a report lists projects: "Skuldfri start – Skärholmen, 2021, 2023 och 2024,
sammanlagt 1 350 tkr, avslutat." The owner stands after a dash, then the years, the sum
and what became of the project. The parts are no part of the name; the owner is split off
by the place reader. See :func:`cut_fact_tail`."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.facts.end_dates import parse_end_cell
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["bracket_end", "cut_carried", "cut_fact_tail"]

_YEAR = r"(?:19|20)\d\d"
#: a part of years: "2021–2023", "2021, 2023 och 2024", "sedan 2019", "hösten 2022"
_YEARS = re.compile(
    rf"(?:(?:sedan|fran|under|hosten|varen|ar)\s+)?{_YEAR}(?:\s*(?:[-–—]|och|,)\s*{_YEAR})*"
)
#: a part of what became of it: "avslutat", "pågår med medel för 2025", "genomfört 2022"
_STATUS = re.compile(
    r"(?:avslutat|avslutad|avslutades|genomfort|genomford|klart|klar|pagar|pagaende|"
    r"fortsatter|avbrutet|avbrutits)\b"
)
#: a part of money: "sammanlagt 1 350 tkr", "totalt 400 000 kr", "600 tkr"
_MONEY_WORDS = re.compile(r"(?:sammanlagt|totalt|sammantaget|summa|beviljat|ca|cirka)\s+")


def _fact_part(part: str) -> str | None:
    """The kind of a comma-separated part that gives a fact, not a word of the name."""
    f = fold(part).strip(" .;")
    if _YEARS.fullmatch(f):
        return "years"
    if _STATUS.match(f):
        return "status"
    amounts = find_amounts(part)
    if amounts and not _MONEY_WORDS.sub("", fold(part[: amounts[0].start]).strip() + " ").strip():
        return "money"
    return None


def cut_fact_tail(item: str) -> tuple[str, str | None]:
    """`item` without its trailing comma-separated parts of years, money and status, and
    those parts (None when it has none). A sum among them is what makes them facts: years
    or a status word alone may end a name ("Sommarlov 2022")."""
    parts = item.rstrip(" .;").split(",")
    k = len(parts)
    kinds: list[str] = []
    while k > 1:
        kind = _fact_part(parts[k - 1])
        if kind is None:
            break
        kinds.append(kind)
        k -= 1
    # (a part of years joined to the name by "och" or a comma stays when no sum follows)
    if "money" not in kinds or not kinds or k < 1:
        return item, None
    head = ",".join(parts[:k]).strip()
    if not head:
        return item, None
    return head, ",".join(parts[k:]).strip()


#: the word that leads a sum in a fact part: "…, 2021–2023, sammanlagt" before "1 350 tkr"
_MONEY_LEAD = re.compile(r",\s*(?:sammanlagt|totalt|sammantaget|beviljat|ca|cirka)\s*$")


#: a dashed part of the fund and its year before the sum: "… – LUM 2016 –", "… – MUL 2016"
_FUND_PART = re.compile(
    rf"\s+[–—-]\s+(?:LUM|MUL|MUST|FUM|FoU-medel|statsbidrag)(?:\s+{_YEAR})?(?:\s*[–—-])?\s*$"
)


def cut_head_tail(head: str) -> str:
    """An item's head before its sum ("Skuldfri start – Skärholmen, 2021, 2023 och 2024,
    sammanlagt" before "1 350 tkr") without the parts of years and the word that leads the
    sum; `head` itself when it does not end in such a word."""
    head = _FUND_PART.sub("", head)  # "Name – LUM 2016 –" before "450 000 kr"
    m = _MONEY_LEAD.search(head)
    if m is None:
        return head
    parts = head[: m.start()].split(",")
    k = len(parts)
    while k > 1 and _fact_part(parts[k - 1]) == "years":
        k -= 1
    return ",".join(parts[:k]).strip()


#: a trip named after its owners in the genitive: "Enskede-Årsta-Vantörs och Farstas
#: gemensamma resa till Glasgow, boendestöd …", "Skarpnäcks studiebesök i Tammerfors"
_GENITIVE_TRIP = re.compile(
    r"^(?P<own>\S.*?s)\s+(?:gemensamma\s+)?(?:studie)?(?:resa|resor|besök|studiebesök)\s+"
    r"(?:till|i)\s+(?=[A-ZÅÄÖ])"
)


def genitive_trip(head: str) -> tuple[str, str] | None:
    """(the owners in the genitive, the trip's name from its destination) of an item head
    "Xs resa till Y, purpose"; None when the head is not written so."""
    m = _GENITIVE_TRIP.match(head)
    return (m.group("own"), head[m.end() :]) if m else None


#: who carries the project out, told after its name: "Digitalt stöd – genomförs av
#: förvaltningens egen personal; …", "Mötesplats för unga – drivs av föreningen …"
_CARRIED = re.compile(
    r"\s[–—-]\s+(?=(?:genomförs|drivs|utförs|bedrivs|leds)\s+(?:av|i|inom|tillsammans)\b)"
)


def cut_carried(text: str) -> tuple[str, str] | None:
    """(the name, the clause of who carries it out and what follows) of an item's text whose
    name is followed by a dash and "genomförs av …"; None without such a clause."""
    m = _CARRIED.search(text)
    if m is None or m.start() == 0:
        return None
    return text[: m.start()].strip(), text[m.end() :]


#: the end a bracket after the name prints after who does the work: "(Malmö universitet,
#: klart november 2020)"
_BRACKET_END = re.compile(r"\([^()]{3,120}?,\s*(?:klar[t]?|slutrapport\w*)\s+([^()]{4,30})\)")


def bracket_end(text: str) -> dt.date | None:
    """The end date of an item whose bracket names who does it and when it is done."""
    m = _BRACKET_END.search(text)
    got = parse_end_cell(m.group(1).strip(" .")) if m is not None else None
    return got[3] if got is not None else None
