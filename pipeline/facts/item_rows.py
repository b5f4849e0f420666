"""One list item read into a project row (see :mod:`pipeline.facts.items` for how the
documents print them): its head (name, owner and sum), a title in quotation marks, an
organisation named before or after the name (who carries it out), labelled field lines, a
prose item whose first sentence is the name, and the sum its description states when the
head has none."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits
from pipeline.facts.item_brackets import bracketed_row
from pipeline.facts.item_fields import first_label, labelled_row, unmark_fields
from pipeline.facts.item_labels import item_label, item_period, performed_by
from pipeline.facts.item_orgs import LEAD_DATE, ORG_FIRST, ORG_LAST
from pipeline.facts.item_parts import (
    ITEM,
    PlaceFinder,
    association_before,
    granted_instead,
    owner_only,
    partner_office,
    quoted_name,
    set_amount,
    split_owner,
    tidy,
)
from pipeline.facts.item_tails import bracket_end, cut_carried, cut_head_tail
from pipeline.facts.lists import ListRow, Place
from pipeline.facts.text_units import dehyphen_join, unit_at
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["bracketed_performer", "item_row"]


#: a head is short: a name and its owner, not a paragraph
_MAX_HEAD_CHARS = 320

#: a line that ends in one of these words continues on the next line, even before a capital
_OPEN_END = re.compile(
    r"\b(?:och|samt|eller|i|på|för|med|av|till|om|mot|vid|från|inom|utan|efter|mellan|"
    r"den|det|de|en|ett|som|att)$",
    re.IGNORECASE,
)

#: a research body after the last commas of a study's item: ", Stockholms universitet,
#: institutionen för socialt arbete", ", Centrum för psykiatriforskning"
_RESEARCH_LAST = re.compile(
    r",\s*((?:[A-ZÅÄÖ][\w-]*\s+){0,3}?[\w-]*(?i:universitet|högskola|hogskola|institut)\w*"
    r"(?:[ ,]+[\w-]+){0,6}"
    r"|(?:Centrum|Centret|Institutet|Forskningscentrum|Enheten)\s+för(?:\s+[\w-]+){1,4})\s*$"
)

#: a word that names a seat of learning or research, also inside a compound
#: ("Linnéuniversitetet", "Sophiahemmet högskola")
_ORG_WORD = re.compile(r"\w*(?:universitet|högskola|hogskola|institut)\w*", re.IGNORECASE)
#: a name of its own, every word capitalised ("Björkhagens Seniorträff", "Föreningen
#: Musikverket Bagarmossen")
_PROPER_NAME = re.compile(r"[A-ZÅÄÖ][\w&-]*(?:\s+[A-ZÅÄÖ][\w&-]*){1,4}")
#: a bracket that ends a project's name
_PERFORMER_AFTER = re.compile(r"\s*\(([^()]{3,90})\)\s*$")


#: a word labelling the sum that follows it, at the end of an item's head
_SUM_LABEL_TAIL = re.compile(
    # ("…, sökt belopp 350 tkr": both words)
    r"(?:\s+[–—-]|,)?\s+(?:(?:sökt|ansökt|beviljat|begärt|föreslaget|totalt)\s+)?"
    r"(?:beviljat|beviljats|beviljas|beviljade|sökt|ansökt|förslag|föreslås|"
    r"tilldelat|kostnad|totalt|belopp)\s*:?\s*$",
    re.IGNORECASE,
)


_COUNT_TAIL = re.compile(
    r"[,.]\s*(?:ca\s+)?\d{1,3}\s+(?:deltagare|personer|resenärer|medarbetare|anställda)[\s,;:–—-]*$",
    re.IGNORECASE,
)
_UNIT_END = re.compile(
    r"(?:enheten|teamet|assistenterna|mottagningen|avdelningen|sektionen|gruppen|psykiatrin)$"
)
#: a unit before a dash or colon and the name: "Familjeteamet - Föräldrastöd i grupp",
#: "Barn och ungdom, utredningsgruppen: Bergen, familjeråd i barnevernet"
_UNIT_FIRST = re.compile(
    r"^([A-ZÅÄÖ][\w-]*(?:,?\s+(?:och|för|i)?\s*[\w-]+){0,4})(?:\s+[–—-]|:)\s+(?=\S)"
)


def _head(text: str) -> tuple[str, AmountMatch | None, str]:
    """(head without its amount, the amount, the rest of the item) of an item's text."""
    amounts = [a for a in find_amounts(text) if a.start <= _MAX_HEAD_CHARS and a.per is None]
    # (also before a count: "Oslo, NAV-kontorens service. 3 deltagare, 22–23 oktober.")
    sentence_end = re.search(
        r"[.!?](?=\s+[A-ZÅÄÖ])|(?<=[a-zåäö]{3})\.(?=\s+\d+ (?:delt|pers))|\n", text
    )
    lead = re.match(r"\s*[–—-]\s+|\s*:\s*", text[amounts[0].end :]) if amounts else None
    if amounts and lead and not text[: amounts[0].start].strip():
        # "312 000 kr – Aspuddens IF, Lovfotboll i Aspudden": the sum first, the name after
        a, after = amounts[0], text[amounts[0].end + lead.end() :]
        end = re.search(r"[.!?](?=\s+[A-ZÅÄÖ])|\n", after)
        return (
            (after[: end.start()] if end else after).strip(),
            a,
            after[end.end() :] if end else "",
        )
    if amounts and (sentence_end is None or amounts[0].start < sentence_end.start() + 2):
        a = amounts[0]
        after = text[a.end :]
        tail = re.match(r"^[\s.,;)]*", after)
        rest = after[tail.end() if tail else 0 :]
        head = text[: a.start]
        # "Name, Farsta sdf (totalt 400 000 kr)": the bracket that holds the sum goes with it
        head = re.sub(r"\s*\([^()]{0,30}$", "", head)
        # "Name (enheten …) – beviljat 420 000 kr": the word that labels the sum goes with it
        head = _SUM_LABEL_TAIL.sub("", head)
        # "Köpenhamn, bostad först (Norrmalm), 4 deltagare, 21 000 kr": the count before the
        # sum is no part of the name
        head = _COUNT_TAIL.sub("", head)
        return head.rstrip(" ,;:–—-("), a, rest
    if sentence_end is not None:
        return text[: sentence_end.start()], None, text[sentence_end.end() :]
    return text, None, ""


def bracketed_performer(name: str, find: PlaceFinder) -> tuple[str, str | None]:
    """ "Name (Karolinska Institutet)": the name and who carries it out, in brackets after
    it (an organisation, not a district); else the name and None."""
    by = _PERFORMER_AFTER.search(name)
    if (
        by
        and not find(by.group(1))
        and (cue_hits(by.group(1), "performer_word") or _ORG_WORD.search(by.group(1)))
    ):
        # ("(Stockholms universitet, klart december 2019)": the date it ends is no part of who)
        who = re.sub(r",\s*(?:klar|slutrapport)\w*\b.*$", "", by.group(1))
        return name[: by.start()].strip(), who.strip()
    return name, None


#: a bracket that opens the text under an item's name: "(Karolinska institutet, Inst. för
#: folkhälsovetenskap, klar mars 2005)", the end or report date last
_BRACKET_FIRST = re.compile(
    r"^\((?P<who>[^()]{3,120}?)(?:,\s*(?:klar|slutrapport|rapport)\w*\b[^()]*)?\)"
)


def _bracket_under_name(desc: str | None) -> str | None:
    """Who carries out a study whose item prints it in a bracket under the name."""
    m = _BRACKET_FIRST.match(desc or "")
    dated = m is not None and m.group("who") != m.group(0)[1:-1]
    if m is None or not (dated or _ORG_WORD.search(m.group("who"))):
        return None
    return m.group("who").strip(" ,")


def item_row(
    lines: Sequence[BodyLine], a: int, b: int, find: PlaceFinder, intro_k: int | None
) -> ListRow | None:
    texts = unmark_fields([lines[k].text.strip() for k in range(a, b + 1)])
    text = dehyphen_join(texts) if len(texts) > 1 else texts[0]
    text = ITEM.sub("", text, count=1)
    carried = cut_carried(re.sub(r"\s+", " ", _join_head_lines(texts)))
    labelled = first_label(texts, find) if carried is None else None
    if labelled is not None:
        return labelled_row(lines, a, b, texts, labelled, find, intro_k)
    mark = ITEM.match(texts[0])
    if mark is not None and mark.group(2):
        prose = _sentence_item(text, a, b, lines, find, intro_k)
        if prose is not None:
            return prose
    bracket = bracketed_row(text, lines, a, b, find, intro_k)
    if bracket is not None:
        return bracket
    # keep the line structure for the head: a description starts on a line of its own
    head_text = _join_head_lines(texts)
    head, amount, rest = (*carried[:1], None, carried[1]) if carried else _head(head_text)
    if carried and (got := _head(carried[0]))[1] is not None and got[0].strip():
        # "Name (Naturvårdsverket, 620 000 kronor) – utförs av …": the sum before the clause
        head, amount = got[0], got[1]
    lead_owner = ""
    if amount is None and rest.strip() and owner_only(head, find):
        # "1. Kista stadsdelsförvaltning. Malmö, samverkan kring skolfrånvaro.   12 000 kr":
        # the applicant as a sentence of its own, the name and the sum after it
        lead_owner = head
        head, amount, rest = _head(rest.replace("\n", " ", 1))
        more = _head(re.sub(r"\s+", " ", rest)) if amount is None else None
        if more and more[1] is not None and not more[2].strip() and 0 < len(more[0].split()) <= 12:
            # "Farsta sdf. Köpenhamn, Danmark. Uppsökande arbete bland unga vuxna. 28 000 kr":
            # every sentence between the applicant and the sum names the trip or project
            head, amount, rest = f"{head}. {more[0].strip().rstrip('.')}", more[1], ""
    carrier = ""
    if (
        amount is None
        and _PROPER_NAME.fullmatch(head.strip())
        and len(head.split()) >= 2
        and find_amounts(rest.strip().split("\n")[0])
    ):
        # "1. Skarpnäcks Fotbollsförening" over "Spontanfotboll på fältet .... 25 000 kr":
        # the association on the item's line, its activity and sum under it
        got = _head(rest.replace("\n", " ", 1))
        if got[1] is not None and got[0].strip():
            carrier, (head, amount, rest) = head.strip(), got
    quoted = quoted_name(head)
    below = _QUOTED_FIRST.match(rest) if quoted is None and amount is not None else None
    if below is not None and find(head) and len(head.split()) <= _MAX_OWNER_HEAD_WORDS:
        # "1.  Vantörs sdf      180.000:-" over '"Föräldrastöd i grupp för …"': the owner and
        # the sum on the item's line, the title in quotation marks under them
        head, rest = f"{head}, {below.group(0)}", rest[below.end() :]
        quoted = quoted_name(head)
    unit_applicant = False
    until: int | None = None
    if quoted is not None:
        # "Fältgruppen, ”Trygga helger”, 120 000 kronor": the title in quotation marks is
        # the name; what stands around it is the applicant and its partners
        around = head[: quoted.start()] + " " + head[quoted.end() :]
        name, places = tidy(quoted.group(1)), find(around)
        first = min((p.start for p in places), default=len(around))
        unit_applicant = bool(tidy(around[:first])) or not places
        by = association_before(head[: quoted.start()], _MAX_OWNER_HEAD_WORDS)
        if by is not None:  # "Husby Basketförening, ”Tjejbasket efter skolan”, Husby"
            carrier, places = by, [p for p in places if partner_office(p)]
    else:  # (", 2021–2023, sammanlagt" before the sum: the project's facts, no owner)
        name, places = split_owner(cut_head_tail(head) if amount else head, find)
        if not places and (dated := item_period(head)) is not None:
            # "Sommarskola i Sätra, Skärholmens stadsdelsnämnd, 2004–2005": the owner, then
            # the years the project ran
            owned, owners = split_owner(dated[0], find)
            if owners:
                name, places, until = owned, owners, dated[1]
        unit = _UNIT_FIRST.match(name) if not places else None
        if unit and (unit_at(unit.group(1)) == 0 or _UNIT_END.search(fold(unit.group(1)))):
            # "Vuxenenheten - Strukturerad uppföljning …": the nämnd's own unit applies
            name, unit_applicant = name[unit.end() :].strip(), True
    if lead_owner:
        places = find(lead_owner)
    if not places and quoted is None:
        places = _applicant_below(rest, find)
    name, performer = bracketed_performer(name, find)
    org = ORG_FIRST.match(name)
    last = ORG_LAST.search(name) if performer is None else None
    if org:  # "Föreningen X; Name of the project": the organisation carries it out
        who = next(g for g in org.groups() if g)
        performer, name = who.strip(), name[org.end() :].strip()
    elif last:  # "Pingisskola för seniorer, Skarpnäcks Bordtennisklubb"
        performer, name = last.group(1).strip(), name[: last.start()].strip()
    elif performer is None and (body := _RESEARCH_LAST.search(name)) and body.start() > 0:
        # "Hemlösa kvinnors vägar till eget boende, Ersta Sköndal högskola, 320 000 kr"
        performer, name = body.group(1).strip(), name[: body.start()].strip()
    elif performer is None:  # "Name, som Ersta Sköndal högskola genomför i Bromma för …"
        name, performer = performed_by(name)
    performer = performer or carrier or None
    if performer and places:
        # "Rinkeby Idrottsallians": a place in the performer's own name owns nothing
        in_name = {p.district_id for p in find(name)}
        in_performer = {p.district_id for p in find(performer)}
        places = [
            p for p in places if p.district_id in in_name or p.district_id not in in_performer
        ]
    if name.count("(") > name.count(")"):
        # "Name (Havs- och vattenmyndigheten, LOVA-bidrag," ⏎ "2,3 miljoner kronor) – …": a
        # bracket of the funder and the sum, opened before the sum, is no part of the name
        name = name[: name.rfind("(")].strip()
    name, label_fund = item_label(name)
    if not name or len(name) > 200:
        return None
    desc = re.sub(r"\s+", " ", rest).strip() or None
    row = ListRow(
        name,
        places,
        a,
        b,
        lines[a].page_no,
        text,
        description=desc,
        form="intro_list",
        intro_line=intro_k if intro_k is not None else a,
    )
    row.performer = performer or _bracket_under_name(desc)
    row.end_date = dt.date(until, 12, 31) if until else bracket_end(text)
    row.unit_applicant = unit_applicant
    row.fund = row.fund or label_fund
    amount = granted_instead(text, amount or _described_sum(rest))
    if amount is not None:
        set_amount(row, amount, lines, a, b)
    return row


#: the label or verb that states an item's sum inside its description ("Förslag: 420 000
#: kronor", "Föreslås beviljas 300 000 kr", "Ansökan avser 500 000 kronor")
_SUM_CUE = re.compile(
    r"(?:forslag|foreslas|foreslar|bevilja\w*|tilldela\w*|belopp|ansokan avser|soker|sokt|"
    r"ansoker|beslut)\b[^.]{0,40}$"
)
_DECIDED_CUE = re.compile(r"(?:forslag|foreslas|bevilja\w*|tilldela\w*|beslut)\b[^.]{0,20}$")


def _described_sum(rest: str) -> AmountMatch | None:
    """The sum an item's description states when its head has none: the only sum of the
    description, else the one a proposal, grant or application word introduces."""
    if not rest:
        return None
    sums = [m for m in find_amounts(rest) if m.per is None]
    if len({m.sek for m in sums}) > 1:
        # "… om 1 150 000 kronor, varav 96 000 kronor inte förbrukades": the part is no sum
        # of the item's own
        sums = [
            m for m in sums if not re.search(r"\bvarav\s*$", rest[max(0, m.start - 12) : m.start])
        ]
    if len({m.sek for m in sums}) == 1:
        return sums[0]
    if sums and re.match(r"\s*=\s*$", rest[sums[-1].start - 3 : sums[-1].start]):
        return sums[-1]  # "4 delt. à 5 600 kr = 22 400 kr": the product, not its factor
    cued = [m for m in sums if _SUM_CUE.search(fold(rest[max(0, m.start - 60) : m.start]))]
    # "Sökt belopp 240 000 kr. Förslag 180 000 kr.": the sum proposed or granted, not the one
    # applied for
    decided = [m for m in cued if _DECIDED_CUE.search(fold(rest[max(0, m.start - 25) : m.start]))]
    return (decided or cued)[0] if cued else None


_MAX_NAME_SENTENCE = 16


def _sentence_item(
    text: str, a: int, b: int, lines: Sequence[BodyLine], find: PlaceFinder, intro_k: int | None
) -> ListRow | None:
    """A sub-numbered item written as prose: its first sentence is the name (with the owner
    after a comma: "Brukarråd i boendestödet, Norrmalms stadsdelsförvaltning."), the rest
    describes it and states its sum."""
    first, dot, rest = text.partition(". ")
    if not dot or len(first.split()) > _MAX_NAME_SENTENCE or not rest[:1].isupper():
        return None
    if find_amounts(first):
        return None  # "Name, District, 18 000 kronor. …": the usual item
    name, places = split_owner(first, find)
    sums = [m for m in find_amounts(rest) if m.per is None]
    if not tidy(name) or owner_only(first, find):
        # "1. Kista stadsdelsförvaltning. Malmö, samverkan kring skolfrånvaro.  12 000 kr":
        # the first sentence is the applicant, the name is the next
        head, amount, rest = _head(rest)
        name, places = tidy(head), find(first)
        sums = [amount] if amount is not None else [m for m in find_amounts(rest) if m.per is None]
        if not name:
            return None
    row = ListRow(
        tidy(name),
        places,
        a,
        b,
        lines[a].page_no,
        text,
        description=rest.strip(),
        form="intro_list",
        intro_line=intro_k if intro_k is not None else a,
    )
    if sums:
        set_amount(row, sums[0], lines, a, b)
    return row


#: a title in quotation marks that opens the rest of an item (the line under its head)
_QUOTED_FIRST = re.compile(r'^\s*[”“"«][^”“"«»]{3,160}[”“"»]')
_MAX_OWNER_HEAD_WORDS = 6


def _applicant_below(rest: str, find: PlaceFinder) -> list[Place]:
    """ "1. Närvaroteamet i Husby" over "Ängsbottenskolan och Rinkeby-Kista
    stadsdelsförvaltning" over its sums: the applicants' line under the name, its
    förvaltning the district's."""
    said: list[str] = []
    for line in rest.split("\n")[:2]:
        if find_amounts(line):
            break
        said.append(line)
    text = " ".join(" ".join(said).split())
    if not text or len(text.split()) > _MAX_APPLICANT_WORDS:
        return []
    if not re.search(r"förvaltning\w*\b|\bsdf\b|stadsdelsnämnd", text, re.IGNORECASE):
        return []
    return [p for p in find(text) if p.kind == "stadsdelsförvaltning"]


_MAX_APPLICANT_WORDS = 10


def _join_head_lines(texts: list[str]) -> str:
    """The item's lines, wrapped lines joined; a line that starts a new sentence after a
    finished one (a description) is kept apart by a newline."""
    out = LEAD_DATE.sub("", ITEM.sub("", texts[0], count=1), count=1)
    for t in texts[1:]:
        prev = out.rstrip()
        wrapped = (
            prev.endswith((",", "–", "-", "—", "(", "/", ":"))
            or bool(_OPEN_END.search(prev))
            or prev.count("(") > prev.count(")")  # inside a bracket
            # ("… tillsammans med BUP" ⏎ "Järva: ”Samlad ingång …”": on to the quoted title)
            or bool(not re.search(r"[”“\"]", prev) and re.match(r"[^.!?”“\"]{0,40}[”“\"]", t))
        )
        if t[:1].isupper() and not wrapped:
            out += "\n" + t
        else:
            out = dehyphen_join([out, t])
    return out
