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
from collections.abc import Callable, Sequence

from pipeline.facts.context import BodyLine, find_funds
from pipeline.facts.item_checks import applications_described, carriers_first, own_unit
from pipeline.facts.item_fields import field_line
from pipeline.facts.item_intros import (
    GRANT_WORD,
    POINTER,
    PROJECT_WORD,
    criteria_intro,
    introduces_projects,
)
from pipeline.facts.item_parts import (
    ITEM,
    PlaceFinder,
    associations,
    split_owner,
    tidy_tail,
)
from pipeline.facts.item_rows import item_row
from pipeline.facts.lists import ListRow, Place, covered_by_places
from pipeline.facts.text_units import section_heading, sentences
from pipeline.lang.fuzzy import fold

__all__ = ["find_item_projects", "split_owner"]

#: a drawn line (____, ----) closes a list
_RULE_LINE = re.compile(r"^[_\-–—=*]{4,}$")
_MIN_ITEMS = 1
#: a Summa line under a list closes it: the total is no item's
_TOTAL_LINE = re.compile(r"^(?:summa|totalt|sammanlagt)\b", re.IGNORECASE)
_DECISION_HEADING = re.compile(r"beslut|forslag till beslut|beslutar|foreslar", re.I)


def _enumerated(text: str) -> re.Match[str] | None:
    return ITEM.match(text)


#: a dash before a field of its item: "–  Tid: mars 2004 – februari 2005"
_FIELD_ITEM = re.compile(r"^\s*[-–—•]\s+[A-ZÅÄÖ][\wåäö]*(?: [\wåäö]+){0,2}\s*:\s")

#: a line that is a dash and a sum only
_DASHED_SUM = re.compile(
    r"^[–—-]\s*(?:ca\.?\s*|cirka\s+)?\d[\d  .,]*\s*(?:kr|kronor|tkr|mkr|mnkr|:-)\.?$"
)


def _item_blocks(
    lines: Sequence[BodyLine], start: int, owner: Callable[[int], bool] = lambda k: False
) -> tuple[list[tuple[int, int]], int]:
    """The items of the run that starts at line `start`: (first, last) line pairs; and the
    line after the run. A line that is only an `owner`'s name right over the next item ends
    the run (each item under its own förvaltning's name)."""
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
                    # (set in further than the item's mark: an indented quotation's
                    # paragraphs go on at the mark's own indent, and are no part of it)
                    or lines[k].indent >= max(2, lines[first].indent + 2)
                    or (
                        kind == "number"
                        and any(field_line(lines[x].text.strip()) for x in range(first, j))
                        and _next_number_after(lines, k, number + 1)
                    )
                ):
                    if _enumerated(lines[k].text):
                        break
                    j = k
                    continue
                break
            if _DASHED_SUM.match(t.strip()) and (
                lines[j].indent > lines[first].indent or kind != "bullet"
            ):
                # "•  Köpenhamn, … ⏎     – 24 000 kr": the item's sum set in under it; under
                # a numbered item at any indent ("2. Name, Bromma sdf" ⏎ "— 320 000 kronor")
                j += 1
                continue
            if (
                kind == "bullet"
                and lines[j].indent > lines[first].indent
                and re.match(r"[-–—]\s+[a-zåäö]", t.strip())
                and not lines[j - 1].text.rstrip().endswith((".", ":", ";"))
            ):  # "– Name – en ⏎ förstudie (medsökande …) ⏎ – genomförs av …": the item goes on
                j += 1
                continue
            if _FIELD_ITEM.match(t) and lines[j].indent > lines[first].indent:
                # "a)  Name" ⏎ "    –  Ansvarig: …" ⏎ "    –  Sökt belopp: 230 000 kr": the
                # item's fields set in under it as dashes of their own
                j += 1
                continue
            if (
                _enumerated(t)
                or lines[j].heading
                or _RULE_LINE.match(t.strip())
                or (
                    _TOTAL_LINE.match(t.strip())
                    and t.strip()[:1].isupper()
                    # (a "Summa" set in further than the item's own text, right under its cost
                    # lines, sums them: "Kalkyl:  Flyg  3 x 2 900 kr = 8 700 kr" ⏎ "…
                    # Summa  21 300 kr" over its "Sökt: … Förslag: …" line)
                    and (
                        lines[j].indent <= max(lines[first].indent, lines[first + 1].indent) + 2
                        or not lines[j - 1].text.strip()
                    )
                )
                or (
                    lines[j].indent <= lines[first].indent
                    and j + 1 < len(lines)
                    and _kind(lines[j + 1].text) == kind
                    and owner(j)
                )
            ):  # a wrapped "…, totalt 29 500 kronor" goes on
                break
            j += 1
        last = j - 1
        while last > first and not lines[last].text.strip():
            last -= 1
        if not _QUOTED.search(" ".join(lines[x].text for x in range(first, last + 1))):
            blocks.append((first, last))  # (not a news page's "– Många …, säger X.")
        while j < len(lines) and not lines[j].text.strip():
            nxt = j + 1
            while nxt < len(lines) and not lines[nxt].text.strip():
                nxt += 1
            if nxt < len(lines) and _enumerated(lines[nxt].text):
                j = nxt
            else:
                break
    return blocks, j


#: a quotation set with a dash, as news pages print them: "– …, säger stadsdelsdirektör X."
_QUOTED = re.compile(
    r"[,.!?]\s+(?:säger|berättar|konstaterar|förklarar|menar)\s+[a-zåäö]*\s*[A-ZÅÄÖ]"
)


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
    if m.group(1):
        return "number"
    # ("a)" items are a list of their own, "–" items under them another)
    return "sub" if m.group(2) else "letter" if m.group(0).strip()[-1:] == ")" else "bullet"


#: a year's label over a group of items: "År 1 – 2023", "2024", "År 2024:"
_YEAR_LABEL = re.compile(r"^(?:år\s+\d\s*[–—-]\s*)?(?:år\s+)?(?:19|20)\d\d\s*:?$", re.IGNORECASE)


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


def _grouped_under_intro(lines: Sequence[BodyLine], k: int | None) -> bool:
    """ "Förvaltningen föreslår följande fördelning:" over unit labels ("Barn och ungdom",
    "Vuxenenheten"), each over its priced items: the introduced list goes on under each label."""
    while k is not None and k >= 0:
        text = lines[k].text.strip()
        if not text or _enumerated(text) or lines[k].indent > 0:
            k -= 1  # a blank or an item of the group above (or its wrapped line)
            continue
        if text.endswith(":"):
            f = fold(text)
            return bool(POINTER.search(f) and (GRANT_WORD.search(f) or PROJECT_WORD.search(f)))
        if text.endswith("."):
            # "Förvaltningen föreslår att följande föreningar … beviljas bidrag." (its last
            # sentence, the one that points at the list)
            last = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", _intro_text(lines, k))[-1]
            f = fold(last)
            if re.search(r"\bfoljande\b", f) and re.search(r"bevilja|tilldela", f):
                return True
            # "Föreslagna resor" ⏎ "Beloppen anges som …" (a note on the list): the heading
            top = k
            while top > 0 and lines[top].text.strip() and not lines[top].heading:
                top -= 1
            while top > 0 and not lines[top].text.strip():
                top -= 1
            head = lines[top].text.strip() if lines[top].heading else ""
            return bool(head) and introduces_projects(head, head)
        if len(text.split()) > 7 or text[-1:] in ".,;" or not text[:1].isupper():
            return False
        k -= 1  # a group's label
    return False


def _heading_above(lines: Sequence[BodyLine], k: int) -> str:
    for j in range(k, -1, -1):
        if lines[j].heading:
            return lines[j].text
    return ""


#: grants to an organisation's running costs, not to a project ("organisationsbidrag")
_OPERATING = re.compile(r"\b(?:organisations|verksamhets|drifts?)(?:bidrag|stod)\w*")


#: an item's own verdict after its name: "Name - beviljas 450 000 kr", "Name - avslås"
_VERDICT_IN_ITEM = re.compile(r"\s[–—-]\s+(?:beviljas|avslas|bifalls|tillstyrks|avstyrks)\b")


#: a field that names an organisation's activity: "Verksamhet:  Läxhjälp i Husby"
_ACTIVITY_FIELD = re.compile(r"^(?:verksamhet|aktivitet)\s*:\s", re.IGNORECASE)


def _activities(lines: Sequence[BodyLine], blocks: Sequence[tuple[int, int]]) -> bool:
    return bool(blocks) and all(
        any(_ACTIVITY_FIELD.match(lines[x].text.strip()) for x in range(a + 1, b + 1))
        for a, b in blocks
    )


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
        blocks, after = _item_blocks(lines, i, lambda k: bool(_owner_heading(lines, k, find)))
        intro_k = _intro_line(lines, i)
        intro = _intro_text(lines, intro_k)
        if intro_k is not None and _YEAR_LABEL.match(lines[intro_k].text.strip()):
            # "År 1 – 2023" over the items: the heading above introduces them ("Planerade
            # ansökningar"); the label (the rows' intro line) gives their year
            head = next(
                (j for j in range(intro_k, max(-1, intro_k - 20), -1) if lines[j].heading), None
            )
            intro = lines[head].text if head is not None else intro
        heading = _heading_above(lines, i)
        rows = [item_row(lines, a, b, find, intro_k) for a, b in blocks]
        introduced = introduces_projects(intro, heading)
        if _kind(lines[i].text) == "sub" and (
            find_funds(heading) or (len(intro.split()) <= 8 and find_funds(intro))
        ):
            # "2 Lokala utvecklingsmedel (LUM)" over "2.1 …", "2.2 …": the fund's projects
            introduced = True
        if not introduced and rows and all(r is not None and r.amount for r in rows):
            introduced = _grouped_under_intro(lines, intro_k)
        owner = _owner_heading(lines, intro_k, find)
        if owner and all(r is not None and r.amount is not None for r in rows):
            # items with their sums under an owner's name ("Socialförvaltningen" over
            # "– Name (Performer), 1,2 mnkr"): that owner's projects
            introduced = True
            for r in rows:
                if r is not None and not r.places:
                    r.places = list(owner)
        if not introduced and applications_described(rows, find):
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
        if (
            not introduced
            and priced == len(rows)
            and (
                re.search(r"projekt", fold(intro))
                # "Förslag som genomförs (stadsdel, antal röster): kostnad": residents'
                # proposals carried out, each with its cost
                or re.search(r"\bforslag(?:en)? som\b", fold(intro))
                # "Förvaltningens förslag till fördelning" over work items (not associations)
                or (re.search(r"fordelning", fold(intro)) and not associations(rows))
                or (
                    # "Studiebesök (MUST) 2012" over items that each carry their sum (not in
                    # labelled lines under them: field blocks, read elsewhere)
                    len(re.sub(r"\([^()]*\)", "", intro).split()) <= 8  # ("(sammanlagt …)")
                    and (PROJECT_WORD.search(fold(intro)) or find_funds(intro))
                    and not any(
                        field_line(lines[x].text.strip())
                        for a, b in blocks
                        for x in range(a + 1, b + 1)
                    )
                )
            )
        ):
            introduced = not criteria_intro(intro)
        if (
            not introduced
            and len(rows) >= 2
            and all(r is not None and _VERDICT_IN_ITEM.search(fold(r.evidence)) for r in rows)
        ):
            # "1. Name - beviljas 450 000 kr." ⏎ "2. Name - avslås.": each item its verdict
            introduced = not criteria_intro(intro)
        performed = sum(1 for r in rows if r is not None and r.performer is not None)
        if performed and len(rows) >= 2 and performed * 2 >= len(rows):
            performed += carriers_first(rows, find)
        if (
            not introduced
            and len(rows) >= 2
            and priced == len(rows)
            and (performed == len(rows) or performed * 2 >= len(rows) and intro.endswith(":"))
        ):
            # "Förvaltningen föreslår följande fördelning:" over "1. Söders Fotbollsförening,
            # fotboll på lördagskvällar .... 60 000 kr": associations' activities and sums
            introduced = not criteria_intro(intro)
        decision = bool(_DECISION_HEADING.search(fold(heading))) and not introduced
        if criteria_intro(intro) or _OPERATING.search(fold(intro)) or _activities(lines, blocks):
            # criteria, "… följande organisationsbidrag:" (organisations' operating grants), or
            # organisations over their "Verksamhet:" fields (`field_blocks` reads them)
            pass
        elif not decision and (introduced or (typed >= 2 and typed * 2 >= len(rows))):
            kept = [
                r
                for r in rows
                # a report's numbered part ("4. Bedömning och rekommendationer") is no project
                if r is not None and (introduced or r.places) and not section_heading(r.name)
            ]
            # associations' activities, each under its association's name: the committee's
            # district only by default (see `ListRow.by_default`)
            carriers = performed * 4 >= len(rows) * 3
            for r in kept:
                if not r.places:
                    r.places = list(own)
                    # (a unit of the district's own förvaltning is the district's)
                    carried = carriers or r.performer is not None
                    r.by_default = carried and not own_unit(r.performer or "", find)
                elif getattr(r, "unit_applicant", False):
                    # "Vuxenenheten tillsammans med Rinkeby-Kista sdf": the writer's own unit
                    # and its partner
                    r.places = [*own, *(p for p in r.places if p not in own)]
                tidy_tail(r, find)
            lone_part = (
                len(blocks) == 1
                and _kind(lines[i].text) == "sub"
                and not re.match(r"^\s*\d{1,2}\.1\b", lines[i].text)
            )
            # "5.5 Äldreomsorg" alone: a report's numbered part, not a list of one project
            if len(kept) >= _MIN_ITEMS and not lone_part:
                out.extend(kept)
        i = max(after, i + 1)
    return out
