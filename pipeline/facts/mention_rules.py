"""Which names the gazetteer found are mentions of a unit; the rules
``Gazetteer.mention`` applies.

Which names are *mentions* (``Gazetteer.mention``)
---------------------------------------------------
The matcher finds names; a document's ``districts_mentioned`` holds only the units it names
(tests/gold/SCHEMA.md and the realdocs conventions). A found name is a mention when:

* it names the unit with an administrative word — "Vantörs stadsdelsförvaltning",
  "stadsdelsförvaltningen i Skärholmen", "Kista och Rinkeby stadsdelsförvaltningar",
  "Södermalms sdf" — whatever the year (a document may speak of units of the past); or
* it is a bare name ("Farsta", "Rinkeby Kista", "Hässelby Vällingby") and a unit of that
  very name existed in the document's year. Otherwise the bare name is an area: "Södermalm"
  in 1998, "Järva" or "Rinkeby" in 2008, "Hässelby" in 2020, "Spånga" or "Tensta" at any
  time (no unit ever had that name alone);
* it is not the first part of a longer proper name: a hyphenated compound ("Kista-Husby-
  Akalla", "Tensta-Hjulsta") or a name followed by a place or club word ("Skarpnäcks
  kulturhus", "Farsta strand", "Vällingby Centrum", "Farsta Bandy"; group ``place_word``
  of ``data/cues.csv``), or by an association's word ("Kungsholmens Fäktklubb", "Bromma
  Ridklubb", "… Scoutkår");
* it does not stand in a contact block (a letterhead or footer with Box, postcode,
  Besöksadress, Telefon, e-mail or web address);
* it is a stadsdelsförvaltning, or a city office (fackförvaltning, kontor, unit) in a
  document about FoU money (``counts_city_offices``): the FoU decisions' gold counts the
  förvaltningar that apply for and own projects, the gold of other documents (meeting
  pages, Kommunstyrelsen's utlåtanden, other municipalities) only stadsdelsnämnder and
  -förvaltningar.
"""

from __future__ import annotations

import re

from pipeline.facts.cues import cue_hits

_ADMIN = r"(?i:stadsdels(?:förvaltning|forvaltning|nämnd|namnd)\w*|sdf|sdn)"
_ADMIN_AFTER = re.compile(
    rf"^s?(?:\s*(?:,|och|samt|&)\s*[A-ZÅÄÖ][\w-]*(?:\s[a-zåäö]+)?){{0,4}}\s+{_ADMIN}\b"
)
_ADMIN_BEFORE = re.compile(rf"\b{_ADMIN}\s+(?:i\s+|för\s+)?$")
_ADMIN_IN = re.compile(rf"(?<![^\W\d_]){_ADMIN}\b")
_AREA_WORD = re.compile(r"(?i:\s*\bstadsdels(?:område|omrade)\w*)")  # "Vantörs stadsdelsområde"
_CONTACT = re.compile(
    # a postal or visiting address, phone, e-mail, web
    r"\bBox\s+\d+|\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+|Besöksadress|Postadress|Telefon\b|"
    r"\bTel\.?\s*:?\s*\d|\bFax\b|E-post|www\.|\.se\b|@|"
    # a letterhead: the document type or page number beside the sender's name (not a dnr:
    # meeting pages print one under every item)
    r"(?-i:Tjänsteutlåtande|TJÄNSTEUTLÅTANDE|Protokollsutdrag|PROTOKOLLSUTDRAG)|"
    r"\bSida\s+\d+\s*\(\s*\d+\s*\)",
    re.IGNORECASE,
)
_CONTACT_REACH = 120  # characters between a name and its address in one contact block


def _administrative(text: str, start: int, end: int) -> bool:
    """The name is printed with an administrative word (see the module docstring)."""
    if _ADMIN_IN.search(text, start, end):
        return True
    if _ADMIN_AFTER.match(text[end : end + 120]):
        return True
    return bool(_ADMIN_BEFORE.search(text[max(0, start - 40) : start]))


def _longer_name(text: str, end: int) -> bool:
    """The name is the first part of a longer proper name (see the module docstring)."""
    if re.match(r"-(?:[^\W\d_]|\s*$|\s)", text[end : end + 2]):
        return True  # "Kista-Husby-Akalla", or a compound broken at its hyphen
    m = re.match(r"s?[ \t]+([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)", text[end : end + 40])
    if m is not None and _CLUB_WORD.match(m.group(1)):
        return True  # "Kungsholmens Fäktklubb", "Bromma Ridklubb": an association's name
    return m is not None and any(h.start == 0 for h in cue_hits(m.group(1), "place_word"))


#: the word that makes a name an association's: "…klubb", "…förening", "…sällskap", "…kår"
_CLUB_WORD = re.compile(
    r"[A-ZÅÄÖ][a-zåäö]*(?:klubb|klubben|förening|föreningen|sällskap|sällskapet|kår|kåren|"
    r"allians|alliansen)\b|(?:IF|IK|BK|FF|SK|AIK|BoIS)\b"
)


# A sender block (letterhead or footer: the förvaltning on one line, its avdelning on the
# next) read as one sentence: the name runs into a capitalised sub-unit without punctuation.
_SENDER_NEXT = re.compile(
    r"^s?[ \t]*\r?\n?[ \t]*(?:Avdelningen|Avdelning|Enheten|Staben|Kansliet|Sektionen|"
    r"[A-ZÅÄÖ][a-zåäö]+enheten|[A-ZÅÄÖ][a-zåäö]+avdelningen)\b"
)


def _in_contact_block(text: str, start: int, end: int) -> bool:
    """The name stands in a letterhead or a footer's contact block (Box, postcode, Telefon,
    Tjänsteutlåtande, Dnr, Sida 1 (3) …): such a marker follows within a short reach, with
    no sentence end in between."""
    window = text[end : end + _CONTACT_REACH]
    if _SENDER_NEXT.match(window):
        return True
    m = _CONTACT.search(window)
    if m is None:
        return False
    between = window[: m.start()]
    if re.search(r"Handläggare|Dnr|Föredragande", between):
        return False  # an item of a meeting page: its handläggare's phone, not an address
    return not re.search(r"[.!?]\s+[A-ZÅÄÖ]", between)


_CITY_OFFICE_FUNDS = frozenset({"LUM", "MUL", "MUST", "FUM", "FoU", "STUDY"})
_FOU_WORD = re.compile(r"\bFoU|forskning", re.IGNORECASE)
MIN_FOU_CUES = 3


def counts_city_offices(text: str) -> bool:
    """Is this a document about FoU money, whose gold counts city offices (fackförvaltningar,
    kontor, units) as mentions? Yes when it names FoU funds or research at least
    ``MIN_FOU_CUES`` times (the genre's decisions name them dozens of times; a meeting page
    or Kommunstyrelsen's utlåtande about something else at most once or twice)."""
    funds = sum(1 for h in cue_hits(text, "fund") if h.value in _CITY_OFFICE_FUNDS)
    return funds + len(_FOU_WORD.findall(text)) >= MIN_FOU_CUES
