"""Project names in running text: the name that follows "projektet", a sum and "för", or
"har med <sum> genomfört", and the association an activity is agreed with. Used by
:mod:`pipeline.facts.prose`. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.lists import Place, PlaceFinder
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "DONE_WITH",
    "FOR_NAME",
    "LEAD_QUOTE",
    "MAX_NAME_WORDS",
    "QUOTED",
    "association_partner",
    "at_sum",
    "named_after_done",
    "named_after_sums",
    "project_name_after",
]

QUOTED = re.compile(r"^[\"”“«»'’]([^\"”“«»]{2,150})[\"”“«»'’]")
MAX_NAME_WORDS = 14
#: words that end a project name written without quotes (verbs and relatives after it)
_NAME_STOP = re.compile(
    r"^(?:som|har|hade|genomförts|genomfördes|genomförs|drivits|drevs|bedrivits|bedrivs|"
    r"beviljas|beviljades|beviljats|vilket|vilken|där|under|sedan|tillsammans\s+med|avslutades|"
    # ("inom ramen för …" ends a name; "Brukarrevision inom socialpsykiatrin" is one)
    r"inom\s+(?:ramen|ordinarie|befintlig\w*|den|det|de|dess|sin|sitt|sina)\b|"
    r"avslutas|pågår|startade|startar|fick|får|erhöll|erhåller|ska|skall|kommer|kan|"
    # "… att projektet X inte kan genomföras": a negation after the name
    r"inte\s+\w+|ej\s+\w+|"
    # what the decision does with it: "… att projektet Farstaslussen avvecklas den 31 oktober"
    r"avvecklas|avvecklades|förlängs|förlängdes|upphör|upphörde|läggs\s+ned|lades\s+ned|"
    r"finansieras|finansierades|är|var|blev|återförs|återfördes|återbetalas|återbetalades|"
    r"avslås|avslogs|dras\s+tillbaka|drogs\s+tillbaka|med\s+(?:ett|en)\s+(?:bidrag|anslag|belopp)|"
    # a finite verb after the name: "Projektet Stegvis riktar sig till …"
    r"riktar|riktade|vänder|vände|syftar|syftade|innebär|innebar|omfattar|omfattade|handlar|"
    r"arbetar|erbjuder|erbjöd|ger|gav|består|bygger|utgår|drivs|leds|ledde|pågick|beräknas|följs|följdes|"
    r"fortsätter|fortsatte|pågår|"
    # a passive past after the name: "… samverkan med skolan rangordnades på fjärde plats"
    r"\w{4,}ades|bedömdes|"
    r"bedöms|kostar|kostade|prövar|prövade|utvecklar|utvecklade|avser|avsåg|gäller|gällde|saknar|"
    r"om\s+\d|på\s+\d|till\s+en\s+kostnad|(?:för|under)\s+(?:perioden|tiden|avtalsperioden)|"
    # "… för insatsen Rörelse i skolan enligt bilaga 1": where it is set out
    r"enligt\s+(?:bilaga|bilagan|tabell|tabellen)|"
    # "… Tidiga samtal i Järva" ⏎ "Socialnämnden beviljade …": a heading run into a sentence
    r"[A-ZÅÄÖ][\w-]*(?:nämnden|styrelsen|förvaltningen|fullmäktige)\s+(?:beviljade|beviljar|"
    r"beslutade|beslutar|godkände|godkänner|har|hade|föreslår|föreslog)|"
    # "… Matglädje i Vällingby av Hässelby-Vällingby stadsdelsförvaltning": who ran it
    r"av\s+[A-ZÅÄÖ][\w-]*(?:\s+[A-ZÅÄÖ][\w-]*)?\s+(?:stadsdels)?(?:förvaltning|nämnd))\b",
    re.IGNORECASE,
)
_MONEY_PREP = re.compile(r"med|om|på|för|till", re.IGNORECASE)

#: "har med 250 000 kronor genomfört", "har med 0,3 mnkr prövat": a sum and what was done
DONE_WITH = re.compile(
    r"\bhar\s+med\s+(?P<sum>.{3,30}?)\s+(?:genomfört|prövat|drivit|bedrivit|startat|infört)\s+"
    r"(?=[A-ZÅÄÖ])"
)


def named_after_done(
    text: str, amounts: Sequence[AmountMatch], find: PlaceFinder
) -> tuple[str, int] | None:
    """The name after "har med <sum> genomfört", when the sum is one of `amounts` and the
    name is no place: (name, where the sum stands)."""
    m = DONE_WITH.search(text)
    if m is None or not any(m.start("sum") <= a.start < m.end("sum") for a in amounts):
        return None
    got = project_name_after(text[m.end() :])
    if got is None or find(got[0]):
        return None
    return got[0], m.start("sum")


def at_sum(amounts: Sequence[AmountMatch], at: int) -> AmountMatch:
    """The amount that starts at or after `at` first."""
    return min(amounts, key=lambda a: (a.start < at, abs(a.start - at)))


def project_name_after(text: str) -> tuple[str, int, int] | None:
    """The project name that starts at the beginning of `text` (just after "projektet"):
    (name, start, end) within `text`, or None."""
    q = QUOTED.match(text)
    if q:
        return q.group(1).strip(), q.start(1), q.end(1)
    if not text[:1].isupper():
        return None
    words = list(re.finditer(r"\S+", text))
    money_at = {a.start for a in find_amounts(text[:400])}  # a sum in words ends it too
    end = 0
    for k, w in enumerate(words):
        token = w.group(0)
        if k > 0 and (
            _NAME_STOP.match(text[w.start() :])
            # a number ends the name, an age group ("Tryggare hemma 65+") is part of it
            or (
                re.match(r"^\d", token)
                and not re.fullmatch(r"\d{1,3}\+[,.;:]?", token)
                # an age group as a word ("80-åringar", "15-åriga"): part of the name
                and not re.fullmatch(r"\d{1,3}-(?:åring|årig)\w*[,.;:]?", token)
            )
            or w.start() in money_at
        ):
            if w.start() in money_at and k > 1 and _MONEY_PREP.fullmatch(words[k - 1].group(0)):
                end = words[k - 2].end()  # "… i Farsta med tvåhundratusen kronor"
            break
        end = w.end()
        if re.search(r"[,.;:!?)]$", token) and not re.search(r"\b[A-ZÅÄÖ]\.$", token):
            end = w.end() - 1
            break
        if k + 1 >= MAX_NAME_WORDS:
            return None
    name = text[:end].strip().rstrip(",.;:")
    name = re.sub(r"\s+(?:och|samt)$", "", name)  # "… A och, tillsammans med …, B"
    # "… i Farsta om sammanlagt 300 000 kronor": the words that lead to the sum
    name = _LEAD_TO_SUM.sub("", name) if end < len(text.rstrip()) else name
    if re.match(r"\s*(?:19|20)\d\d\b", text[end:]):
        # "… Tensta år 2016", "… vidare under åren 2010–2012"
        name = re.sub(
            r"\s+(?:under\s+)?(?:år|året|åren|perioden|hösten|våren)$|\s+under$", "", name
        )
    if not name or len(name) < 3:
        return None
    return name, 0, len(name)


_LEAD_TO_SUM = re.compile(
    r"(?:\s+(?:med|om|på|för|till|sammanlagt|totalt|ca|cirka|drygt|knappt|omkring|"
    r"(?:ett\s+)?(?:belopp|bidrag)))+$",
    re.IGNORECASE,
)


#: the partner named before the activity: "… partnerskap med Föreningen X avseende verksamheten"
_PARTNER_BEFORE = re.compile(
    r"\b(?:med|till|från)\s+(?P<who>(?-i:[A-ZÅÄÖ])[^,.;]{2,60}?)\s+(?:avseende|om|för)\s+$"
)


def association_partner(before: str) -> str | None:
    """The association an activity is agreed with or granted to, named just before it."""
    m = _PARTNER_BEFORE.search(before)
    if m is None or not _ASSOCIATION_WORD.search(fold(m.group("who"))):
        return None
    return m.group("who")


_ASSOCIATION_WORD = re.compile(r"forening|forbund|stiftelse|jour(?:en)?\b|\bideell")


#: a body the sentence opens with applies for the sum ("Stiftelsen Konstverkstan har sökt")
_BODY_APPLIES = re.compile(
    r"^(?P<body>[A-ZÅÄÖ][\w&.-]*(?:\s+[\w&.-]+){0,5}?)\s+(?:söker|har\s+sökt|ansöker\s+om)\s+$"
)
#: a unit of the city's, no body of its own ("Barn- och familjeenheten", "Förvaltningen")
_CITY_UNIT = re.compile(
    r"(?:enhet|enheten|namnd|namnden|forvaltning|forvaltningen|kontoret|sektionen|avdelningen|"
    r"gruppen|teamet|staden)$|^(?:stadsdels|forvaltning|namnd)"
)
FOR_NAME = re.compile(r"\s+(?:för|till)\s+(?=[A-ZÅÄÖ])")
LEAD_QUOTE = re.compile(r"\s*(?=[\"”“«][A-ZÅÄÖ])")


def named_after_sums(
    text: str, amounts: Sequence[AmountMatch], find: PlaceFinder
) -> list[tuple[str, list[Place], AmountMatch, str | None]]:
    """(name, owners, sum, body) of each sum followed by "för" and a project's capitalised name
    (no place, no year); its owners are the places between the previous name and the sum,
    or, with none, the body that opens the sentence applying for it ("Teater Tre Rum söker")."""
    out: list[tuple[str, list[Place], AmountMatch, str | None]] = []
    places = find(text)
    prev_end = 0
    for a in amounts:
        m = FOR_NAME.match(text, a.end)
        if m is None:
            continue
        got = project_name_after(text[m.end() :])
        if got is None:
            continue
        name = got[0]
        inside = [p for p in places if m.end() <= p.start < m.end() + len(name)]
        # "… i beroendevården och Enskede-Årsta-Vantör 0,3 mnkr": the next owner (a place
        # with no sum after it is where the work is done: "… i Skärholmen och Vårberg")
        if inside and any(b.start > inside[0].start for b in amounts):
            cut = re.search(r"\s+(?:och|samt)\s*$", text[m.end() : inside[0].start])
            if cut is None:
                continue
            name = text[m.end() : m.end() + cut.start()].strip()
        owners = [p for p in places if prev_end <= p.start and p.end <= a.start]
        # ("Teater Tre Rum söker 140 000 kronor för …": an association applies and does it)
        body = _BODY_APPLIES.match(text[: a.start]) if not owners else None
        if len(name.split()) < 2 or not (owners or body):
            continue
        # ("Barn- och familjeenheten söker", "Stadsdelsnämnden söker": the city's, no body)
        who = body.group("body") if body else None
        out.append((name, owners, a, None if who and _CITY_UNIT.search(fold(who)) else who))
        prev_end = m.end() + len(name)
    return out
