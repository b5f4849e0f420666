"""The decisions of a committee document: the items of its förslag-till-beslut and beslut
sections.

Decisions are the numbered items ("1. …", OCR may drop the dot) of every
förslag-till-beslut and beslut section, in document order, with continuation lines joined;
a beslut section without numbers yields its "att …" clauses, numbered in order. (Flattened
pages, a whole page on one line, are read in ``flat.py``.)
"""

from __future__ import annotations

import re

from pipeline.lang.lexicon import fold
from pipeline.records import Decision, Line, Section
from pipeline.understand.heading_shapes import FUNCTION_WORDS
from pipeline.understand.item_numbers import ITEM as _ITEM
from pipeline.understand.item_numbers import item_no
from pipeline.understand.sections import (
    _ATT,
    _OPENING_LINE,
    ATT_MARK,
    heading_kind,
)

__all__ = ["find_decisions"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")


def find_decisions(sections: tuple[Section, ...]) -> tuple[Decision, ...]:
    """Numbered items (or att-clauses) of the förslag-till-beslut and beslut sections."""
    out: list[Decision] = []
    for k, sec in enumerate(sections):
        if sec.kind not in ("forslag_till_beslut", "beslut"):
            continue
        if out and not re.search(r"beslut|beslot", fold(sec.heading)):  # ("… beslöt")
            # "Förvaltningens förslag" after the decisions were read under "Förslag till
            # beslut": the office's argued proposal (a list of projects), not decisions
            continue
        # (a protocol's next paragraph, "§ 56" on a line of its own, ends its decisions)
        stop = next((n for n, ln in enumerate(sec.lines) if _NEXT_PARAGRAPH.match(ln.text)), None)
        lines = sec.lines if stop is None else sec.lines[:stop]
        nxt = sections[k + 1] if k + 1 < len(sections) else None
        empty = not any(ln.text.strip() for ln in lines)
        if (
            nxt is not None
            and nxt.kind == "subheading"
            and (empty or lines[-1].text.rstrip().endswith(":"))
        ):
            # "… enligt följande:" then a label line read as a sub-heading, then the list
            label = Line(nxt.page_no, -1, nxt.heading)
            lines = (*lines, label, *nxt.lines)
        intro = _decision_intro(lines)
        if intro is not None:
            out.append(intro)
            continue
        items = (
            _numbered_items(lines)
            # the lead may be the heading itself ("… föreslår att kommunstyrelsen beslutar
            # följande")
            or _att_items(
                lines, need_lead=sec.kind != "beslut" and not _HEADING_LEAD.search(sec.heading)
            )
            # under an opening sentence ("… beslutar för egen del följande.") the paragraph is
            # what was decided; under a bare "Beslut" heading, the deciding body's own short
            # paragraph ("Stadsdelsnämnden lägger anmälan till handlingarna.")
            or (
                _sentence_items(lines, opened=True)
                if _OPENING_LINE.match(sec.heading) is not None
                else _sentence_items(lines, opened=False)
                if sec.kind == "beslut"
                else []
            )
        )
        out.extend(items)
    return tuple(out)


# the deciding body as a sentence's subject: "Kommunstyrelsen", "Stadsdelsnämnden",
# "Arbetsutskottet", "Nämnden", "Kommunfullmäktige"
_BODY_SUBJECT = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|fullmäktige|utskottet)|Nämnden)\s+"
    r"(?!föreslår|föreslog|har\b|hade\b|ska\b|skall\b|kan\b|beslutade\b|beslutar\s+(?:i\s+enlighet|enligt)\b)"
    r"[a-zåäö]+\b"
)
_NEXT_PARAGRAPH = re.compile(r"^\s*§\s*\d{1,3}\s*$")
_LABEL_LINE = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*s\s+förslag\s+till\s+[\wåäö-]+$")


def _sentence_items(lines: tuple[Line, ...], *, opened: bool) -> list[Decision]:
    """A decision list without numbers: the sentences of the first paragraph. Under an
    opening sentence ("… föreslår … beslutar följande.") every sentence is a decision;
    under a plain heading only when the deciding body speaks ("Kommunstyrelsen noterar
    informationen."), never a narrative proposal ("Förvaltningen föreslår …")."""
    para: list[Line] = []
    for ln in lines:
        text = ln.text.strip()
        if not text:
            if para:
                break
            continue
        if not para and _LABEL_LINE.match(text):
            continue  # "Arbetsutskottets förslag till kommunstyrelsen": the list's label
        if _ITEM.match(text) or heading_kind(text) is not None:
            break
        if re.match(r"^(?:Föredragande|Deltar ej|Justerandes|Reservation)\b", text):
            break
        para.append(ln)
    if not para:
        return []
    sentences = [s.strip() for s in _SENTENCE_END.split(_join([ln.text for ln in para]))]
    sentences = [s for s in sentences if s]
    if not sentences or not (opened or _BODY_SUBJECT.match(sentences[0])):
        return []
    if len(sentences) > 4:
        return []  # prose, not a list of decisions
    if not all(t.endswith((".", "!")) and len(t.split()) >= 4 for t in sentences):
        return []  # not sentences: a letterhead's "BESLUT" over "Datum 2021-06-03 …"
    return [
        Decision(item_no=k, text=t, page_no=para[0].page_no, evidence=para[0].text)
        for k, t in enumerate(sentences, start=1)
    ]


_DECIDES_THAT = re.compile(r"\bbeslutar\s+att\s+\w")
_SEPARATOR = re.compile(r"^[_=\-–—*]{4,}$")


def _decision_intro(lines: tuple[Line, ...]) -> Decision | None:
    """An unnumbered decision sentence that opens the section ("Stadsdelsnämnden beslutar att
    godkänna … enligt följande:") is one item; a list after its colon (a label line, numbered
    projects with amounts) is part of it, not items of its own."""
    filled = [ln for ln in lines if ln.text.strip()]
    if not filled or _ITEM.match(filled[0].text) or _ATT.match(filled[0].text):
        return None
    para: list[Line] = []
    for ln in lines:
        text = ln.text.strip()
        if not text:
            if para:
                break
            continue
        if para and (_ITEM.match(text) or _SEPARATOR.match(text) or _ATT.match(text)):
            break
        para.append(ln)
        if text.endswith(":"):
            break
    joined = _join([ln.text for ln in para])
    if not _DECIDES_THAT.search(joined):
        return None
    parts = [ln.text for ln in para]
    rest = lines[lines.index(para[-1]) + 1 :]
    if joined.endswith(":"):
        expected = 1
        for ln in rest:
            text = ln.text.strip()
            if not text:
                continue
            if _SEPARATOR.match(text):
                break
            m = _ITEM.match(text)
            if m is not None and item_no(m) == expected:
                expected += 1
            elif expected == 1 and len(text.split()) > 6:
                break  # a sentence, not the list's label
            elif expected > 1 and text[:1].isupper() and parts[-1].rstrip().endswith("."):
                break
            parts.append(text)
    elif any(_ITEM.match(ln.text.strip()) for ln in rest):
        return None
    return Decision(item_no=1, text=_join(parts), page_no=para[0].page_no, evidence=para[0].text)


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if text.endswith("-") and part[:1].islower() and part.split()[0] not in ("och", "eller"):
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return " ".join(text.split())


def _is_name_line(text: str) -> bool:
    """Two to eight words, every one capitalised letters only: names, not a sentence."""
    words = text.split()
    return 2 <= len(words) <= 8 and all(
        w[0].isupper() and w.replace("-", "").isalpha() for w in words
    )


#: a gap between two cells of a table row
_CELL_GAP = re.compile(r"\S\s{3,}(?=\S)")


def _numbered_items(lines: tuple[Line, ...]) -> list[Decision]:
    items: list[tuple[int, int, list[str], str]] = []  # (no, page, parts, evidence)
    expected = 1
    open_item = False
    blank_seen = set_in = False
    for ln in lines:
        text = ln.text.strip()
        if not text:
            blank_seen = True
            continue
        m = _ITEM.match(text)
        if (
            m is not None
            and item_no(m) == expected
            and items
            and blank_seen
            and _style(items[0][3]) != _style(text)
            and not text.endswith(".")
        ):
            break  # "1. Nämnden godkänner …" then "2 Val av justerare": the next agenda item
        if m is not None and len(_CELL_GAP.findall(m.group("text"))) >= 2:
            break  # "1   Järva stadsdels-     Mobilt team …     1 650 000": a table's row
        if m is not None and item_no(m) == expected:
            items.append((expected, ln.page_no, [m.group("text")], text))
            expected += 1
            open_item, blank_seen, set_in = True, False, False
            continue
        if m is not None and m.group("sub") not in (None, "a") and item_no(m) == expected - 1:
            items.append((expected - 1, ln.page_no, [m.group("text")], text))  # "1b. …"
            open_item, blank_seen, set_in = True, False, False
            continue
        if not open_item:
            if items:
                break
            continue
        if (
            # (a line in lower case after a page break goes on with the item's text)
            (set_in or (blank_seen and not text[0].islower()))
            and ln.text.startswith("   ")
            and not items[-1][2][-1].rstrip().endswith(":")  # (its list: below)
            and _set_in_before(lines, ln, expected)
        ):
            set_in = True  # "… enligt följande." over a table set in under it: rows, no text
            continue
        if blank_seen and not text[0].islower():
            if items[-1][2][-1].rstrip().endswith(":") and (
                _LIST_MARK.match(text) or ln.text.startswith("   ")
            ):
                # "1. att bevilja … enligt följande:" over a dash list (or rows set in under
                # it, "Tyresö Kvinnojour, verksamhetsbidrag    380 000 kr"): the item's list
                items[-1][2].append(text)
                blank_seen = False
                continue
            if _number_lost(lines, ln, expected):
                # an item whose number a page break swallowed: the next number follows it
                items.append((expected, ln.page_no, [text], text))
                expected += 1
                blank_seen = False
                continue
            open_item = False
            break
        if (
            text[0].isupper()
            and len(text.split()) >= 2  # one capitalised word is OCR damage, not a sentence
            and (items[-1][2][-1].rstrip().endswith((".", "!", "?")) or _is_name_line(text))
            and not _list_goes_on(lines, ln, expected)
        ):
            # a text layer has no blank lines: a new sentence after a finished item, or a
            # line of names (the signatures under the proposal), ends the list
            break
        items[-1][2].append(text)
        blank_seen = False
    return [
        Decision(item_no=no, text=_join(parts), page_no=page, evidence=ev)
        for no, page, parts, ev in items
    ]


#: a bulleted or dashed line of a list inside a decision item
_LIST_MARK = re.compile(r"^[-–—•·*]\s+\S")


def _style(item_line: str) -> str:
    """How an item is numbered: "1." / "1)" / a bare "1"."""
    m = re.match(r"^\s*\d{1,2}[a-h]?\s*([.)]?)", item_line)  # ("1a." as "1.")
    return m.group(1) if m is not None else ""


_DECISION_LEAD = re.compile(r"\b(?:beslutar|besluta|föreslår|föreslås)(?:\s+att)?\s*:?$")
_HEADING_LEAD = re.compile(
    r"\b(?:beslutar|besluta|beslöt|beslutade|föreslår|föreslås)(?:\s+(?:enligt\s+)?följande)?\s*[:.]?\s*$"
)


def _wraps(line: str) -> bool:
    """Whether a line of an att-clause stops mid-phrase ("… 6 miljoner kronor för"), so that an
    "att" starting the next line continues it instead of opening a new clause."""
    text = line.rstrip()
    if not text or text.endswith((",", ";", ".", ":")) or re.search(r",\s*(?:samt|och)$", text):
        return False  # ", samt" / ", och": the next att-sats follows
    return text.endswith("-") or fold(text.split()[-1]) in {fold(w) for w in FUNCTION_WORDS}


def _number_lost(lines: tuple[Line, ...], here: Line, expected: int) -> bool:
    """Whether the paragraph starting at `here` is item `expected` printed without its
    number: the next numbered line, right after the paragraph, is item `expected` + 1."""
    k = lines.index(here)
    for ln in lines[k + 1 :]:
        text = ln.text.strip()
        if not text:
            continue
        m = _ITEM.match(text)
        if m is not None:
            return item_no(m) == expected + 1
        if text[:1].isupper() and lines[lines.index(ln) - 1].text.strip() == "":
            return False  # another paragraph first
    return False


def _set_in_before(lines: tuple[Line, ...], here: Line, expected: int) -> bool:
    """Whether the lines from `here` on are set in (indented) up to item `expected`."""
    for ln in lines[lines.index(here) :]:
        if not ln.text.strip():
            continue
        m = _ITEM.match(ln.text.strip())
        if m is not None and item_no(m) == expected:
            return True
        if not ln.text.startswith("   "):
            return False
    return False


def _list_goes_on(lines: tuple[Line, ...], here: Line, expected: int) -> bool:
    """Whether the next item number still follows in the section, without a blank line
    between ("1. … enligt följande. / Skärholmens stadsdelsförvaltning beviljas … / 2. …"):
    the sentences are then part of the open item."""
    k = lines.index(here)
    blank = False
    for ln in lines[k + 1 :]:
        text = ln.text.strip()
        if not text:
            blank = True
            continue
        m = _ITEM.match(text)
        if m is not None:
            return item_no(m) == expected
        if blank and not text[0].islower():
            return False  # a new paragraph that is not the next item
        blank = False
    return False


#: a dashed item that goes on from its lead's "att": "– bevilja bidrag …"
_DASH_ITEM = re.compile(r"^[–—-]\s+(?=[a-zåäö])")
_ENDS_IN_ATT = re.compile(r"\batt\s*:?$")


def _att_items(lines: tuple[Line, ...], *, need_lead: bool = False) -> list[Decision]:
    """Att-clauses ("Kommunfullmäktige beslutar / att …, / att …"), one item each, the text
    keeping its "att". With `need_lead`, only after a line ending in a decision verb."""
    items: list[tuple[int, list[str], str]] = []
    open_item = False
    led = not need_lead
    dashed = False  # "… beslutar att" over "– bevilja …", "– avslå …": dashed items
    for ln in lines:
        text = ln.text.strip()
        if not text:
            open_item = False
            continue
        if (_ATT.match(text) and led and not (open_item and _wraps(items[-1][1][-1]))) or (
            dashed and _DASH_ITEM.match(text)
        ):
            items.append((ln.page_no, [ATT_MARK.sub("", _DASH_ITEM.sub("", text))], text))
            open_item = True
        elif open_item and (
            not text[0].isupper()
            or _ATT.match(text)
            # a clause that has not ended goes on, a name included ("… hos /
            # Stadsledningskontorets FoU-enhet …")
            or (
                not items[-1][1][-1].rstrip().endswith((".", ",", ";", ":"))
                and not _is_name_line(text)
            )
            # a title and a comma, then its owner ("… projektet ”Name”," over "Södermalms
            # stadsdelsförvaltning, beviljas …"): the clause goes on on its next line
            or (
                items[-1][1][-1].rstrip().endswith(",")
                and not _is_name_line(text)
                and len(text.split()) >= 3
                and not text.rstrip().endswith(":")
            )
        ):
            items[-1][1].append(text)
        elif items:
            open_item = False
        elif _DECISION_LEAD.search(text):
            led = True
            dashed = _ENDS_IN_ATT.search(text) is not None
    return [
        Decision(item_no=k, text=_join(parts), page_no=page, evidence=ev)
        for k, (page, parts, ev) in enumerate(items, start=1)
    ]
