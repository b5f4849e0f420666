"""Projects named in running text with their money, and the project an ärende is about.

How the documents write them
----------------------------

*Grants in prose*: a sentence names the owner, the verb, the sum and the project::

    Farsta stadsdelsförvaltning beviljas 320 000 kronor för projektet ”Trygga vägar”.
    Bromma beviljas tillsammans med Kungsholmens stadsdelsförvaltning 150 000 kr till
    projektet Läxhjälp i samverkan.
    Vantör och Enskede har gemensamt drivit projektet Öppna samtal, som beviljades
    200.000 kronor.
    I Skarpnäck har projektet Mötesplats Bagis genomförts med ett bidrag på 90 000 kronor.

The name follows "projektet" (or "studien", "försöket"): a quoted string, or the words that
start with a capital letter and run to a comma, a full stop, a number or a verb that ends
the noun phrase ("som", "har", "genomförts" …). The owner is the districts of the sentence
outside the name. A sentence is read only when it holds a sum of money and a verb of
granting, receiving or carrying out; its status follows the verb's tense.

*The ärende's own project*: a title such as "Ansökan om lokala utvecklingsmedel för
projektet Föräldrakraft" names one project that the whole document is about: applied for
when the title is an application, and owned by the stadsdelsnämnd that writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pipeline.facts.finders import office_of_committee
from pipeline.facts.lists import Place
from pipeline.facts.paragraph_proposals import proposed_in_paragraph
from pipeline.facts.prose_names import (
    DONE_WITH,
    LEAD_QUOTE,
    QUOTED,
    association_partner,
    at_sum,
    named_after_done,
    named_after_sums,
    project_name_after,
)
from pipeline.facts.text_units import Sentence
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "DONE",
    "GRANTED",
    "TURNED_DOWN",
    "ProseProject",
    "find_prose_grants",
    "project_name_after",
    "prose_status",
]

PlaceFinder = Callable[[str], list[Place]]

_PROJECT_NOUN = re.compile(
    r"\b(?:projektet|utvecklingsprojektet|försöksverksamheten|forsoksverksamheten|studien|"
    r"förstudien|forstudien|pilotprojektet|delprojektet|"
    # "samverkansprojektet Integrerat team …", "forskningsprojektet ”Unga i …”"
    r"\w{4,}sprojektet(?=\s+(?:[”\"“]|(?-i:[A-ZÅÄÖ])))|"
    r"försöket|forsoket|(?<!inom\s)satsningen|arbetsnamnet|"
    # "utvärderingen Våldsmottagningarna i Stockholm", "Studien, Barn i …, genomförs"
    # "investeringen Familjeteam Husby gård", "insatsen Mobilt team"
    r"(?:utvärderingen|utvarderingen|kartläggningen|kartlaggningen|investeringen|"
    r"insatsen)(?=\s+(?-i:[A-ZÅÄÖ]))|"
    # "ansökan om IOP för verksamheten Ringen – …" (a named activity the money is for)
    r"(?:(?<=för\s)|(?<=om\s)|(?<=till\s)|(?<=avseende\s))(?:dag|natt)?verksamheten(?=\s+(?-i:[A-ZÅÄÖ]))|"
    r"studien,(?=\s+(?-i:[A-ZÅÄÖ])[^,.]{3,100},\s)|"
    # 'Bromma stadsdelsnämnds ansökan "Anhöriggrupper för …" (195 000 kr)': an application
    # named in quotes
    r"ans[oö]kan(?:\s+om)?(?=\s+[\"”“«])|"
    # 'Farsta stadsdelsförvaltnings projekt ”Tidigt stöd …”, som beviljades …': an owner's
    # project named in quotes
    r"(?<=s\s)projekt(?=\s+[\"”“«])|"
    # "Vantörs stadsdelsnämnds projekt Barn i familjer med missbruk beviljades …": a
    # committee's project named after it
    r"(?:(?<=nämnds\s)|(?<=namnds\s)|(?<=ltnings\s))projekt(?=\s+(?-i:[A-ZÅÄÖ]))|"
    # 'Ett exempel på ett projekt som fått medel är "Name", som …': a quoted name the
    # sentence says is a project
    r"projekt\w*\b[^.\"”“«]{0,80}?\s(?:är|heter|kallas)(?=\s+[\"”“«])|"
    # "ansökt om medel för ett nytt projekt, Digital kontaktväg för unga, med 280 000 kronor"
    r"(?:ett|ett\s+nytt|ett\s+eget|det\s+nya)\s+projekt(?:et)?,(?=\s+(?-i:[A-ZÅÄÖ])[^,.]{3,100},\s)|"
    r"(?:projekt|studie|utredning|kartläggning|kartlaggning)\s+(?:kallad|kallat|benämnd|"
    r"benämnt|benamnd|benamnt|med\s+(?:namnet|titeln|arbetsnamnet))|"
    # "Partnerskapet avser Nattljusets värmestuga …": what an agreement is about
    r"(?:partnerskapet|överenskommelsen|overenskommelsen|avtalet)\s+avser(?=\s+(?-i:[A-ZÅÄÖ])))"
    r"(?:\s+|,\s+(?=[\"”“«]))",
    re.IGNORECASE,
)
#: what members propose in a debate, or a reservation, is not what the committee decides
_NOT_DECIDED = re.compile(
    r"\b(?:ledamot\w*|ordforanden|yrkar|yrkade\w*|yrkande\w*|reserver\w*|reservation|foreslog att namnden)\b"
)
#: a member moves that the decision be changed ("X (M) yrkar att … beviljas 90 000 kronor")
_MOVES = re.compile(r"\byrka(?:r|de)(?:\s+att\b|,)")
_FOR_QUOTED = re.compile(r"\b(?:för|till)\s+(?=[\"”“«])", re.IGNORECASE)
GRANTED = re.compile(r"bevilja|tilldela|foreslas|fordela|far\b|erhall|bestall")
DONE = re.compile(
    r"beviljades|genomfort|genomfordes|drivit|drivits|bedrivit|avslutat|avslutades|fick|erholl"
)
#: money received, said with the sum ("… och som i år har fått 800 000 kronor ur satsningen")
_RECEIVED = re.compile(r"\bfatt\b")
_APPLIED = re.compile(r"ansok|soker|sokt|\bsoka\b")
#: what a named study costs or goes on with ("beräknas kosta 1,2 mnkr", "fortsätter under
#: 2025 med 0,6 mnkr")
_COSTS = re.compile(
    r"\bkosta\w*\b|\bfortsatter\b[^.]*\bmed\s+\d"
    # "teckna avtal … om studien "X" till en kostnad av högst 1 150 000 kr"
    r"|\btill\s+en\s+(?:\w+\s+)?kostnad\s+(?:av|om|pa)\b"
    # money set aside for a named project ("avsätts 1 200 000 kr för projektet X",
    # "1,2 miljoner kronor används för projektet X")
    r"|\b(?:avsatts|avsattes|anvands|reserveras)\b[^.]*\bfor\s+projektet\b"
    # "Projektet X, som …, finansierades med statsbidrag … med 450 000 kronor"
    r"|\bfinansier(?:ades|as)\s+med\b"
)
#: a grant made now (present or proposed), which a past grant in a subordinate clause
#: ("som påbörjades 2024 och då beviljades 300 tkr") does not undo
TURNED_DOWN = re.compile(r"\b(?:avslas|avslaas|avstyrks|avslag)\b")
#: a sentence that turns an application down (any tense)
_REFUSES = re.compile(r"\b(?:avslar|avslas|avslaas|avslog|avslogs|avstyrker|avstyrks|avslag)\b")
_GRANTED_NOW = re.compile(r"\b(?:foreslas|beviljas|tilldelas)\b")
_CAN_BE = re.compile(r"\b(?:kan|far|kunde|ska|maste)\s+(?:\w+\s+)?(?:beviljas|tilldelas)\b")
_BRACKET_GAP = 4  # characters between a quoted name and the sum in brackets after it


@dataclass
class ProseProject:
    name: str
    places: list[Place]
    amount: AmountMatch | None
    status: str
    sentence: Sentence
    fund_text: str = ""
    aliases: list[str] = field(default_factory=list)
    description: str = ""  # the project's own section, when it has one
    year: int | None = None  # a "Beviljat år: 2009" field
    performer: str | None = None  # an "Utförare: …" field
    body: tuple[int, int] | None = None  # the lines of its own section, when it has one


#: an unquoted name set off by a comma and a relative clause: "projektet Trygg start i
#: vuxenlivet, som genomförs av …", "arbetsnamnet Mobil närvaro, har upphandlats"
_APPOSITION = re.compile(r"^[A-ZÅÄÖ][^,.;:]{3,80},\s+(?:som|har|och\s+som)\b")
_FUNDED = re.compile(r"finansier|bevilja|kosta|kostnad|budget|genomfor|tilldela")


#: "ansöka om … hos Stadsledningskontorets FoU-enhet": the unit applied to, not the owner
_APPLIED_TO = re.compile(r"\b(?:an)?s[oö]k\w*\b[^.;]*\bhos\s+$", re.IGNORECASE)


#: "fick 350 000 kronor i utvecklingsmedel från socialtjänstförvaltningen": who paid
_PAID_BY = re.compile(r"\b(?:kronor|kr|\w*medel|\w*bidrag\w*)\s+från\s+$", re.IGNORECASE)


def _owners_only(find: PlaceFinder) -> PlaceFinder:
    """The place finder without the units an application is addressed to."""

    def owners(text: str) -> list[Place]:
        return [
            p
            for p in find(text)
            if not _APPLIED_TO.search(text[max(0, p.start - 200) : p.start])
            and not _PAID_BY.search(text[max(0, p.start - 40) : p.start])
            # ("Stadsledningskontoret får i uppdrag att beställa studien …": who orders it)
            and not (p.kind == "fackförvaltning" and _ORDERS.match(text[p.end : p.end + 40]))
        ]

    return owners


#: an office told to order or proposing the work: "… får i uppdrag att beställa", "… föreslår"
_ORDERS = re.compile(r"\s+(?:får\s+i\s+uppdrag|föreslår|ges\s+i\s+uppdrag)\b")
#: "2. Socialnämnden tilldelas 1,8 mnkr för projektet …": a social nämnd granted the money
_GRANTED_NAMND = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?(?P<n>Social[\wåäö-]*?nämnden)\s+(?:tilldelas|beviljas|får)\b"
)


def _granted_committee(before: str, find: PlaceFinder) -> list[Place]:
    """The förvaltning of a social nämnd that a decision grants the project's money (in
    Kommunstyrelsen's decision to share money among nämnder): it owns the project."""
    m = _GRANTED_NAMND.match(before)
    office = office_of_committee(m.group("n"), None) if m else None
    return find(office) if office else []


def _own_sums(text: str) -> list[AmountMatch]:
    """The sums of a sentence that can be a project's: no rate per participant or per unit;
    a yearly sum only when the sentence has no other ("omfattar 1 350 000 kronor per år")."""
    found = find_amounts(text)
    whole = [a for a in found if a.per is None]
    if whole:
        return whole
    return [a for a in found if a.per is not None and fold(a.per) in ("ar", "aret")]


def _granted_first(text: str, amounts: list[AmountMatch]) -> list[AmountMatch]:
    """ "Förvaltningen ansökte om 740 000 kr men beviljades 560 000 kronor": the sum granted
    after the one applied for comes first."""
    f = fold(text)
    if len(amounts) < 2 or not _APPLIED.search(f):
        return amounts
    verb = GRANTED.search(f, amounts[0].end) or DONE.search(f, amounts[0].end)
    later = [a for a in amounts if verb is not None and a.start > verb.start()]
    return [*later[:1], *(a for a in amounts if a not in later[:1])]


def find_prose_grants(
    sents: Sequence[Sentence], find: PlaceFinder, paragraph_of: Mapping[int, str] | None = None
) -> list[ProseProject]:
    """Projects granted, received or carried out with a sum, each in one sentence; and
    studies named in quotes in a paragraph that says what they cost (`paragraph_of`: the
    paragraph text of each sentence, by the sentence's first line)."""
    out: list[ProseProject] = []
    paragraph_of = paragraph_of or {}
    find = _owners_only(find)
    for k, s in enumerate(sents):
        text = s.text
        f = fold(text)
        if _NOT_DECIDED.search(f):
            continue
        amounts = _own_sums(text)
        money_from = s
        # (not after an application turned down: "2. … avslår ansökan … för projektet X.
        # 3. … beviljar MUL med sammanlagt 248 000 kronor" is the next item's money)
        if (
            not amounts
            and k + 1 < len(sents)
            and _PROJECT_NOUN.search(text)
            and not _REFUSES.search(f)
        ):
            # "… beviljats medel för projektet X. Nämnden beslutade att bevilja 80 000
            # kronor för projektets fortsättning": the sum follows in the next sentence
            # (past a decision item's number printed as a sentence of its own: "2.")
            # (the next decision item's, when this sentence is an item of its own)
            enumerator = re.compile(r"\s*\d{1,2}[.)]\s*")
            item = k > 0 and enumerator.fullmatch(sents[k - 1].text) is not None
            step = 2 if item and enumerator.fullmatch(sents[k + 1].text) else 1
            nxt = sents[min(k + step, len(sents) - 1)]
            # (or applied for, after a sentence about the application: "… inkom med en
            # ansökan om IOP för verksamheten X. Föreningen ansöker om 2 200 000 kronor …")
            applied = _APPLIED.search(f) and _APPLIED.search(fold(nxt.text))
            # "Kommunens bidrag till partnerskapet uppgår till 1 380 000 kronor per år, …"
            paid = _PARTNERSHIP_SUM.search(fold(nxt.text))
            if (
                _own_sums(nxt.text)
                and not _MOVES.search(fold(nxt.text))  # (a member's motion)
                and (GRANTED.search(fold(nxt.text)) or applied or paid)
                and (
                    _THE_PROJECT.search(fold(nxt.text))
                    or paid
                    # "… en gemensam ansökan för projektet X. Förvaltningen föreslår att de två
                    # stadsdelsförvaltningarna tillsammans beviljas 450 tkr.": a grant that names
                    # no project and no district of its own is the one just named
                    or (not _PROJECT_NOUN.search(nxt.text) and not find(nxt.text))
                )
            ):
                amounts = _granted_first(nxt.text, _own_sums(nxt.text))
                money_from = nxt
            elif (
                k + 2 < len(sents)
                and not find_amounts(nxt.text)
                and _FUNDED_PROJECT.match(fold(sents[k + 2].text))
            ):
                # "… bedriver projektet X tillsammans med … . Barnen erbjuds … . Projektet
                # finansieras med 1,2 mnkr ur …": the project's money two sentences on
                amounts = _own_sums(sents[k + 2].text)
                money_from = sents[k + 2]
        quoted = [
            m
            for m in _PROJECT_NOUN.finditer(text)
            if QUOTED.match(text[m.end() :]) or _APPOSITION.match(text[m.end() :])
        ]
        if quoted and not amounts:
            # a quoted study name in a paragraph that gives its cost a sentence later; one
            # turned down ("Begäran om medel för studien ”X” avslås") is (applied for, and
            # the paragraph's sums are the others' grants)
            if _REFUSES.search(f):
                for m in quoted:
                    got = project_name_after(text[m.end() :])
                    if got is not None:
                        out.append(ProseProject(got[0], [], None, "avslagen", s, description=text))
                continue
            para = paragraph_of.get(s.first, text)
            amounts = [a for a in find_amounts(para) if a.per is None]
            if amounts and _FUNDED.search(fold(para)):
                for m in quoted:
                    got = project_name_after(text[m.end() :])
                    if got is not None:
                        # the paragraph is about this study: its districts are the study's,
                        # and what it ends with ("föreslås beviljas") is its status
                        places = [
                            p for p in find(para) if fold(p.name_as_printed) not in fold(got[0])
                        ]
                        status = prose_status(f)
                        if status == "ansökt" and GRANTED.search(fold(para)):
                            status = "beviljad"  # applied for, and proposed for a grant
                        out.append(ProseProject(got[0], places, amounts[0], status, s, text))
            continue
        # granted, carried out, or applied for ("godkänner ansökan om en halv miljon kronor
        # för projektet X": a project applied for is a project too)
        said = f if money_from is s else fold(money_from.text)  # (the verb of the sum's)
        if not (
            GRANTED.search(said)
            or DONE.search(said)
            or _APPLIED.search(said)
            or _COSTS.search(f)
            or DONE_WITH.search(text)
            or (money_from is not s and _FUNDED_PROJECT.match(said))
            or _AGREED.search(f)
            or (money_from is not s and _PARTNERSHIP_SUM.search(said))
            or _RECEIVED.search(said)
        ):
            continue
        if not amounts:
            continue
        if money_from is not s:
            for m in _PROJECT_NOUN.finditer(text):
                got = project_name_after(text[m.end() :])
                if got is not None:
                    # the owners around the name ('"Name", som Spånga-Tensta … driver')
                    end = m.end() + got[2]
                    places = [p for p in find(text) if p.end <= m.start() or p.start >= end]
                    status = prose_status(fold(money_from.text))
                    pp = ProseProject(got[0], places, amounts[0], status, money_from, text)
                    pp.performer = association_partner(text[: m.start()])
                    out.append(pp)
                    break
            continue
        anchors = list(_PROJECT_NOUN.finditer(text))
        # (or applied for: "Farsta stadsdelsnämnd har ansökt om 200 000 kronor för Utbildning
        # i motiverande samtal …")
        if not anchors and (GRANTED.search(f) or _APPLIED.search(f)):
            # "Södermalm föreslås få 350 tkr för Digital uppföljning i beroendevården och
            # Enskede-Årsta-Vantör 0,3 mnkr för Anhöriggrupper vid spelberoende": a sum
            # followed by "för" and a capitalised name that is no place
            named = named_after_sums(text, amounts, find)
            out += [
                ProseProject(name, owners, amount, prose_status(f), s, text, performer=body)
                for name, owners, amount, body in named
            ]
            if named:
                continue
        if not anchors and DONE_WITH.search(text):
            # "Spånga-Tensta har med 250 000 kronor genomfört Tidiga samtal efter
            # polisanmälan, som …": the work carried out with the sum, named after the verb
            done = named_after_done(text, amounts, find)
            if done is not None:
                name, at = done
                out.append(
                    ProseProject(name, find(text[:at]), at_sum(amounts, at), "genomförd", s, text)
                )
                continue
        if not anchors:
            # "X beviljas 240 000 kr för ”Name”": a quoted name after the sum stands for
            # the project without the word "projektet"
            anchors = [
                m for m in _FOR_QUOTED.finditer(text) if any(a.end <= m.start() for a in amounts)
            ]
        if not anchors and GRANTED.search(f) and (lead := LEAD_QUOTE.match(text)):
            # '”Tidiga insatser för …” beviljas 300 000 kronor.': the name opens the sentence
            anchors = [lead]
        for n, m in enumerate(anchors):
            got = project_name_after(text[m.end() :])
            if got is None:
                continue
            name, a, b = got
            if _AGREEMENT_ANCHOR.match(m.group(0)):
                # "Partnerskapet avser Nattljusets värmestuga för personer i hemlöshet …": the
                # activity, not whom it is for
                head = re.split(r"\s+(?:för|vid)\s+", name, maxsplit=1)[0]
                name = head if len(head.split()) >= 2 else name
            end = m.end() + b
            places = [p for p in find(text) if p.end <= m.start() or p.start >= end]
            places = places or _granted_committee(text[: m.start()], find)
            if n + 1 < len(anchors) and n > 0:
                # "… 480 000 kronor för projektet A och, tillsammans med Skärholmen, 350 000
                # kronor för projektet B": each its own stretch of the sentence
                places = [
                    p for p in places if anchors[n - 1].end() <= p.start < anchors[n + 1].start()
                ]
            elif n + 1 < len(anchors):
                places = [p for p in places if p.end <= m.start()]
            elif n > 0:
                places = [p for p in places if p.start >= anchors[n - 1].end()]
            # the sum in brackets right after the name ('"Name" (195 000 kr)'), else the
            # sum nearest the name's cue
            after = [x for x in amounts if 0 <= x.start - end <= _BRACKET_GAP]
            amount = after[0] if after else min(amounts, key=lambda x: abs(x.start - m.start()))
            out.append(
                ProseProject(
                    name=name,
                    places=places,
                    amount=amount,
                    status=prose_status(f),
                    sentence=s,
                    fund_text=text,
                    performer=association_partner(text[: m.start()]),
                )
            )
    proposed_in_paragraph(out, paragraph_of)  # (last year's sum in its sentence)
    return out


#: an agreement's anchor ("Partnerskapet avser …"): what it is about
_AGREEMENT_ANCHOR = re.compile(
    r"(?:partnerskapet|överenskommelsen|overenskommelsen|avtalet)\s", re.I
)
#: the sum of a partnership in the sentence after it ("Kommunens bidrag till partnerskapet
#: uppgår till …")
_PARTNERSHIP_SUM = re.compile(
    r"\b(?:bidrag\w*|ersattning\w*)\s+till\s+(?:partnerskapet|verksamheten|projektet|"
    r"overenskommelsen)\b.*\buppgar\b|"
    # "Socialnämndens bidrag uppgår till 1 600 000 kronor per år": the payer's own share
    r"\b\w+(?:namndens|styrelsens|kommunens|stadens)\s+(?:bidrag|ersattning)\w*\s+uppgar\b"
)
#: an agreement's subject and its sum: "Partnerskapet avser X … och omfattar 1 350 000 kr"
_AGREED = re.compile(r"\b(?:partnerskapet|overenskommelsen|avtalet)\s+avser\b.*\bomfatta")
#: a sentence that opens on the project and says what pays for it
_FUNDED_PROJECT = re.compile(
    r"^(?:projektet|studien|satsningen|verksamheten)\s+(?:finansieras|bekostas|har\s+beviljats|"
    r"beviljades|har\s+tilldelats|tilldelades|far|foreslas\s+fa)\b"
)
#: the next sentence speaks of the same project
_THE_PROJECT = re.compile(r"\b(?:projektets|projektet|studiens|studien|dess)\b")


def prose_status(folded: str) -> str:
    # (a limit is no grant: "… avslås, eftersom det sökta beloppet överstiger det som kan
    # beviljas per projekt")
    granted = _GRANTED_NOW.search(_CAN_BE.sub("", folded.replace("foreslas", "")))
    if TURNED_DOWN.search(folded) and not granted:
        # "… ansökan om 240 000 kronor för … föreslås avslås": an application turned down
        return "avslagen"
    if _APPLIED.search(folded) and not GRANTED.search(folded):
        return "ansökt"
    if _GRANTED_NOW.search(folded):
        return "beviljad"  # "föreslås få 250 tkr för en fortsättning …, som då beviljades"
    if DONE.search(folded):
        return "genomförd"
    if re.search(r"\bpagar\b", folded):
        return "pågående"  # "Projektet finansieras med … och pågår till och med juni 2012"
    return "beviljad"
