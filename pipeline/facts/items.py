"""Projects printed as list items: numbered or bulleted, one project (or trip) per item.

How the documents print them
----------------------------

An introducing sentence ("Förvaltningen föreslår att följande projekt beviljas medel:",
"Följande studiebesök har beviljats:") or a heading, then one item per project. The first
part of an item, its *head*, names the project, its owner and often its money; a
description may follow in the same item::

    1. Läxhjälp i samverkan, hur når vi fler?, Farsta stadsdelsförvaltning, 260 000 kr
       Projektet prövar …                                   (the description)
    – Riga, stöd till unga i hemlöshet, Bromma och Skarpnäck stadsdelsförvaltningar
      (gemensam ansökan), 14 500 kronor
    2. Mötesplats för föräldrar, Kungsholmens stadsdelsförvaltning (medsökande Norrmalm)
       – 480 000 kronor
    • Farsta stadsdelsförvaltning: Trygga övergångar, 300 000 kronor

* The head runs over the item's wrapped lines up to its amount, or, without an amount, to
  the end of its first sentence or line group.
* The owner is the run of district names at the end of the head (after its last comma or
  dash, or in brackets), or at its start before a colon or dash. A name may itself hold
  commas and dashes; only a tail made of places (and the words stadsdelsförvaltning,
  förvaltning, och, medsökande, gemensam ansökan …) is the owner.
* A run of items is a project list when it is introduced as one (the ``list_intro`` cues
  with a word for projects, trips or applications), or when most of its items carry both an
  owner and an amount. Items of a decision list or a list of criteria are not projects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.cues import cue_hits
from pipeline.facts.item_parts import (
    ITEM,
    LABEL,
    PlaceFinder,
    granted_instead,
    labelled_row,
    quoted_name,
    set_amount,
    split_owner,
    tidy,
)
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join, sentences
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_item_projects", "split_owner"]

#: a head is short: a name and its owner, not a paragraph
_MAX_HEAD_CHARS = 320
#: a drawn line (____, ----) closes a list
_RULE_LINE = re.compile(r"^[_\-–—=*]{4,}$")
#: a line that ends in one of these words continues on the next line, even before a capital
_OPEN_END = re.compile(
    r"\b(?:och|samt|eller|i|på|för|med|av|till|om|mot|vid|från|inom|utan|efter|mellan|"
    r"den|det|de|en|ett|som|att)$",
    re.IGNORECASE,
)
_MIN_ITEMS = 1
#: a Summa line under a list closes it: the total is no item's
_TOTAL_LINE = re.compile(r"^(?:summa|totalt|sammanlagt)\b", re.IGNORECASE)
_DECISION_HEADING = re.compile(r"beslut|forslag till beslut|beslutar|foreslar", re.I)
_PROJECT_WORD = re.compile(
    r"projekt|ansokning|ansokan|insats|studiebesok|studieresor|resor|satsning|utvecklingsarbete|"
    r"studie|utvardering|bidrag"
)
_POINTER = re.compile(r"\bfoljande\b|\bnedan|\bdessa\b|\bde\s+\w+\s+projekt|\b\d+\s+\w*\s*projekt")
_GRANT_WORD = re.compile(r"bevilja|tilldela|fordela|redovis|genomfor|fatt|fick|foresla")


#: "Organisation; project": an organisation's name before a semicolon (a förening, a
#: company, a foundation, a congregation …) is who carries the project out
_ORG_FIRST = re.compile(
    r"^([^;]{3,80}?\b(?:förening\w*|forening\w*|förbund\w*|forbund\w*|AB|stiftelse\w*|"
    r"församling\w*|forsamling\w*|kyrka\w*|klubb\w*|IF|BK|FF|organisation\w*|råd\w*|"
    r"akademi\w*|universitet\w*|högskola\w*)\b[^;]{0,40});\s*"
    # "Akalla schackklubb – Schack i parken": an association, a spaced dash, the project
    r"|^([^;–—]{0,60}?\w*(?i:föreningen|förening|klubben|klubb|nätverket|nätverk|alliansen|"
    r"allians|jouren|jour|förbundet|förbund|sällskapet|sällskap|scouterna|folkets hus|"
    r"församling)\b[^;–—]{0,30}?)\s[–—-]\s+"
    # "Brottsofferjouren Sigtunabygden, stödsamtal för brottsutsatta": the association, a
    # comma, what it does with the money
    r"|^((?:[A-ZÅÄÖ][\w-]*\s+){0,3}?[\w-]*(?i:föreningen|förening|klubben|klubb|jouren|"
    r"förbundet|sällskapet|scouterna|nätverket|stiftelsen)(?:\s+[A-ZÅÄÖ][\w-]*){0,3}),\s+"
    r"(?=[a-zåäö])"
)


#: an association named after the project, behind its last comma
_ORG_LAST = re.compile(
    r",\s*((?:[A-ZÅÄÖ][\w-]*\s+){0,4}?\w*(?i:föreningen|förening|klubben|klubb|"
    r"sällskapet|sällskap|vänner|förbundet|förbund|stiftelsen|nätverket|scouterna|jouren)"
    r"(?:\s+[A-ZÅÄÖ][\w-]*){0,3})\s*$"
)


def _enumerated(text: str) -> re.Match[str] | None:
    return ITEM.match(text)


def _item_blocks(lines: Sequence[BodyLine], start: int) -> tuple[list[tuple[int, int]], int]:
    """The items of the run that starts at line `start`: (first, last) line pairs; and the
    line after the run."""
    blocks: list[tuple[int, int]] = []
    kind = _kind(lines[start].text)
    j = start
    number = 0
    while j < len(lines):
        m = _enumerated(lines[j].text)
        if m is None or _kind(lines[j].text) != kind or lines[j].heading:
            break
        if m.group(1) or m.group(2):  # numbered items count up; "1." again starts another list
            got = int(m.group(1) or m.group(2))
            if blocks and got != number + 1:
                break
            number = got
        first = j
        j += 1
        while j < len(lines):
            t = lines[j].text
            if not t.strip():
                # a blank line inside a run: the next item or an indented continuation goes on
                k = j + 1
                while k < len(lines) and not lines[k].text.strip():
                    k += 1
                if k < len(lines) and (
                    (_enumerated(lines[k].text) and _kind(lines[k].text) == kind)
                    or lines[k].indent >= 2
                    or (
                        kind == "number"
                        and any(LABEL.match(lines[x].text.strip()) for x in range(first, j))
                        and _next_number_after(lines, k, number + 1)
                    )
                ):
                    if _enumerated(lines[k].text):
                        break
                    j = k
                    continue
                break
            if (
                _enumerated(t)
                or lines[j].heading
                or _RULE_LINE.match(t.strip())
                or (_TOTAL_LINE.match(t.strip()) and t.strip()[:1].isupper())
            ):  # a wrapped "…, totalt 29 500 kronor" goes on
                break
            j += 1
        last = j - 1
        while last > first and not lines[last].text.strip():
            last -= 1
        blocks.append((first, last))
        while j < len(lines) and not lines[j].text.strip():
            nxt = j + 1
            while nxt < len(lines) and not lines[nxt].text.strip():
                nxt += 1
            if nxt < len(lines) and _enumerated(lines[nxt].text):
                j = nxt
            else:
                break
    return blocks, j


def _next_number_after(lines: Sequence[BodyLine], k: int, want: int) -> bool:
    """Is the paragraph at line `k` (no item, no heading) followed, after blank lines, by
    item number `want`? Then it describes the item above it, when that item prints labelled
    fields ("3. Name" / "Uppdragstagare: …" / a blank line / its description / a blank line
    / "4. Name")."""
    if _enumerated(lines[k].text) or lines[k].heading:
        return False
    j = k
    while j < len(lines) and lines[j].text.strip():
        if lines[j].heading or _enumerated(lines[j].text):
            return False
        j += 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    m = _enumerated(lines[j].text) if j < len(lines) else None
    return m is not None and m.group(1) is not None and int(m.group(1)) == want


#: a word that names a seat of learning or research, also inside a compound
#: ("Linnéuniversitetet", "Sophiahemmet högskola")
_ORG_WORD = re.compile(r"\w*(?:universitet|högskola|hogskola|institut)\w*", re.IGNORECASE)
#: a bracket that ends a project's name
_PERFORMER_AFTER = re.compile(r"\s*\(([^()]{3,90})\)\s*$")


def _owner_heading(lines: Sequence[BodyLine], k: int | None, find: PlaceFinder) -> list[Place]:
    """The places a line above a list names when it is nothing but an owner's name (a
    förvaltning's or district's heading over its projects)."""
    if k is None:
        return []
    text = lines[k].text.strip()
    if not text or len(text) > 80 or text.endswith((".", ":")):
        return []
    places = find(text)
    return list(places) if covered_by_places(text, places) else []


def _kind(text: str) -> str:
    m = _enumerated(text)
    if m is None:
        return ""
    return "number" if m.group(1) else "sub" if m.group(2) else "bullet"


def _head(text: str) -> tuple[str, AmountMatch | None, str]:
    """(head without its amount, the amount, the rest of the item) of an item's text."""
    amounts = [a for a in find_amounts(text) if a.start <= _MAX_HEAD_CHARS and a.per is None]
    sentence_end = re.search(r"[.!?](?=\s+[A-ZÅÄÖ])|\n", text)
    if amounts and (sentence_end is None or amounts[0].start < sentence_end.start() + 2):
        a = amounts[0]
        after = text[a.end :]
        tail = re.match(r"^[\s.,;)]*", after)
        rest = after[tail.end() if tail else 0 :]
        head = text[: a.start]
        # "Name, Farsta sdf (totalt 400 000 kr)": the bracket that holds the sum goes with it
        head = re.sub(r"\s*\([^()]{0,30}$", "", head)
        return head.rstrip(" ,;:–—-("), a, rest
    if sentence_end is not None:
        return text[: sentence_end.start()], None, text[sentence_end.end() :]
    return text, None, ""


def _intro_line(lines: Sequence[BodyLine], first: int) -> int | None:
    k = first - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    return k if k >= 0 else None


def _intro_text(lines: Sequence[BodyLine], k: int | None) -> str:
    if k is None:
        return ""
    a = k
    while a > 0 and lines[a - 1].text.strip() and k - a < 3 and not lines[a - 1].heading:
        if lines[a - 1].text.rstrip().endswith((".", ":")):
            break
        a -= 1
    return " ".join(lines[x].text.strip() for x in range(a, k + 1))


def _heading_above(lines: Sequence[BodyLine], k: int) -> str:
    for j in range(k, -1, -1):
        if lines[j].heading:
            return lines[j].text
    return ""


def _introduces_projects(intro: str, heading: str) -> bool:
    if cue_hits(intro, "criteria_intro") or re.search(r"priorit|kriteri", fold(intro)):
        return False
    f = fold(intro)
    if (
        not intro.rstrip().endswith((".", ";"))
        and 2 <= len(intro.split()) <= 8
        and re.match(rf"^(?:[a-zåäö]+\s+)?(?:{_PROJECT_WORD.pattern})", f)
        and (_GRANT_WORD.search(f) or "avsla" in f)
    ):
        # a line of its own over the items: "Ansökningar som föreslås beviljas",
        # "Föreslagna studier"
        return True
    if (
        intro.rstrip().endswith(":")
        and _POINTER.search(f)
        and _PROJECT_WORD.search(f)
        and _GRANT_WORD.search(f)
    ):
        return True
    return bool(cue_hits(intro, "list_intro")) and bool(_PROJECT_WORD.search(f))


def find_item_projects(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every project printed as a list item, in document order. An item of an introduced
    list that names no owner belongs to the committee that writes (`own`: the districts of a
    stadsdelsnämnd, which lists its own projects without naming itself)."""
    out: list[ListRow] = []
    i = 0
    while i < len(lines):
        if _enumerated(lines[i].text) is None or lines[i].heading:
            i += 1
            continue
        blocks, after = _item_blocks(lines, i)
        intro_k = _intro_line(lines, i)
        intro = _intro_text(lines, intro_k)
        heading = _heading_above(lines, i)
        rows = [_row(lines, a, b, find, intro_k) for a, b in blocks]
        introduced = _introduces_projects(intro, heading)
        if _kind(lines[i].text) == "sub" and (
            find_funds(heading) or (len(intro.split()) <= 8 and find_funds(intro))
        ):
            # "2 Lokala utvecklingsmedel (LUM)" over "2.1 …", "2.2 …": the fund's projects
            introduced = True
        owner = _owner_heading(lines, intro_k, find)
        if owner and all(r is not None and r.amount is not None for r in rows):
            # items with their sums under an owner's name ("Socialförvaltningen" over
            # "– Name (Performer), 1,2 mnkr"): that owner's projects
            introduced = True
            for r in rows:
                if r is not None and not r.places:
                    r.places = list(owner)
        if not introduced and _applications_described(rows, find):
            # "1. Aarhus – barnahus …" over a paragraph "Bromma stadsdelsförvaltning vill
            # besöka … totalt 18 000 kronor": each item's text names its applicant and money
            introduced = True
            for r in rows:
                if r is not None and not r.places and r.description:
                    r.places = find(sentences(r.description.split("\n"))[0].text)
        typed = sum(1 for r in rows if r is not None and r.places and r.amount is not None)
        priced = sum(1 for r in rows if r is not None and r.amount is not None)
        # "Godkänna projektförslagen" over items that each carry their sum: a list of projects
        # even inside a decision
        if not introduced and priced == len(rows) and re.search(r"projekt", fold(intro)):
            introduced = not cue_hits(intro, "criteria_intro")
        decision = bool(_DECISION_HEADING.search(fold(heading))) and not introduced
        if cue_hits(intro, "criteria_intro"):
            pass
        elif not decision and (introduced or (typed >= 2 and typed * 2 >= len(rows))):
            kept = [r for r in rows if r is not None and (introduced or r.places)]
            for r in kept:
                if not r.places:
                    r.places = list(own)
                elif getattr(r, "unit_applicant", False):
                    # "Vuxenenheten tillsammans med Rinkeby-Kista sdf": the writer's own unit
                    # and its partner
                    r.places = [*own, *(p for p in r.places if p not in own)]
            if len(kept) >= _MIN_ITEMS:
                out.extend(kept)
        i = max(after, i + 1)
    return out


def _applications_described(rows: Sequence[ListRow | None], find: PlaceFinder) -> bool:
    """Items of a title line each, every one followed by a paragraph whose first sentence
    names a district or förvaltning and which states a sum: applications or projects
    described one by one."""
    if len(rows) < 2 or any(r is None or not r.description for r in rows):
        return False
    for r in rows:
        assert r is not None and r.description is not None
        first = sentences(r.description.split("\n"))
        if not first or not find(first[0].text) or not find_amounts(r.description):
            return False
    return True


def _row(
    lines: Sequence[BodyLine], a: int, b: int, find: PlaceFinder, intro_k: int | None
) -> ListRow | None:
    texts = [lines[k].text.strip() for k in range(a, b + 1)]
    text = dehyphen_join(texts) if len(texts) > 1 else texts[0]
    text = ITEM.sub("", text, count=1)
    labelled = next((n for n, t in enumerate(texts) if n and LABEL.match(t)), None)
    if labelled is not None:
        return labelled_row(lines, a, b, texts, labelled, find, intro_k)
    mark = ITEM.match(texts[0])
    if mark is not None and mark.group(2):
        prose = _sentence_item(text, a, b, lines, find, intro_k)
        if prose is not None:
            return prose
    # keep the line structure for the head: a description starts on a line of its own
    head_text = _join_head_lines(texts)
    head, amount, rest = _head(head_text)
    quoted = quoted_name(head)
    unit_applicant = False
    if quoted is not None:
        # "Fältgruppen, ”Trygga helger”, 120 000 kronor": the title in quotation marks is
        # the name; what stands around it is the applicant and its partners
        around = head[: quoted.start()] + " " + head[quoted.end() :]
        name, places = tidy(quoted.group(1)), find(around)
        first = min((p.start for p in places), default=len(around))
        unit_applicant = bool(tidy(around[:first])) or not places
    else:
        name, places = split_owner(head, find)
    performer = None
    by = _PERFORMER_AFTER.search(name)
    if (
        by
        and not find(by.group(1))
        and (cue_hits(by.group(1), "performer_word") or _ORG_WORD.search(by.group(1)))
    ):
        # "Name (Karolinska Institutet)": who carries it out, in brackets after the name
        performer, name = by.group(1).strip(), name[: by.start()].strip()
    org = _ORG_FIRST.match(name)
    last = _ORG_LAST.search(name) if performer is None else None
    if org:  # "Föreningen X; Name of the project": the organisation carries it out
        who = org.group(1) or org.group(2) or org.group(3)
        performer, name = who.strip(), name[org.end() :].strip()
    elif last:  # "Pingisskola för seniorer, Skarpnäcks Bordtennisklubb"
        performer, name = last.group(1).strip(), name[: last.start()].strip()
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
    row.performer = performer
    row.unit_applicant = unit_applicant
    amount = granted_instead(text, amount) or _described_sum(rest)
    if amount is not None:
        set_amount(row, amount, lines, a, b)
    return row


#: the label or verb that states an item's sum inside its description ("Förslag: 420 000
#: kronor", "Föreslås beviljas 300 000 kr", "Ansökan avser 500 000 kronor")
_SUM_CUE = re.compile(
    r"(?:forslag|foreslas|foreslar|bevilja\w*|tilldela\w*|belopp|ansokan avser|soker|sokt|"
    r"ansoker|beslut)\b[^.]{0,40}$"
)


def _described_sum(rest: str) -> AmountMatch | None:
    """The sum an item's description states when its head has none: the only sum of the
    description, else the one a proposal, grant or application word introduces."""
    if not rest:
        return None
    sums = [m for m in find_amounts(rest) if m.per is None]
    if len({m.sek for m in sums}) == 1:
        return sums[0]
    cued = [m for m in sums if _SUM_CUE.search(fold(rest[max(0, m.start - 60) : m.start]))]
    return cued[0] if cued else None


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


def _join_head_lines(texts: list[str]) -> str:
    """The item's lines, wrapped lines joined; a line that starts a new sentence after a
    finished one (a description) is kept apart by a newline."""
    first = ITEM.sub("", texts[0], count=1)
    out = first
    for t in texts[1:]:
        prev = out.rstrip()
        wrapped = (
            prev.endswith((",", "–", "-", "—", "(", "/"))
            or bool(_OPEN_END.search(prev))
            or prev.count("(") > prev.count(")")  # inside a bracket
        )
        if t[:1].isupper() and not wrapped:
            out += "\n" + t
        else:
            out = dehyphen_join([out, t])
    return out
