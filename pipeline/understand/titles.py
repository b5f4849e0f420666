"""A document's title: the paragraph above the first standard heading of page 1, the text of
an "Ärendet: <title>" heading, the subject line of a page flattened to one line, or the
heading of a protocol's first § of substance when its page 1 is the list of those present.
"""

from __future__ import annotations

import itertools
import re

from pipeline.lang.fuzzy import fold
from pipeline.records import CleanPage, Section
from pipeline.understand.committees import find_committees
from pipeline.understand.dates import ISO_DATE
from pipeline.understand.decisions import _join
from pipeline.understand.dnr import find_dnrs
from pipeline.understand.heading_shapes import FUNCTION_WORDS
from pipeline.understand.letterhead import _PARAGRAPH, _Field
from pipeline.understand.signatories import _cells, _name_cell, _role_cell

_ITEM_LINE = re.compile(r"^\s*\d{1,2}[.)]\s")


def _signature_like(text: str) -> bool:
    """A line of names or of roles (a signature block), never a subject line."""
    cells = _cells(text)
    return bool(cells) and all(_name_cell(c) or _role_cell(c) is not None for _, c in cells)


#: a numbered utlåtande's designation line ("Utlåtande 2008:118 RVII (Dnr 325-1877/2007)")
_DESIGNATION = re.compile(r"^\s*(?:utlåtande|utl\.)\s+(?:19|20)\d\d\s*:\s*\d{1,4}\b", re.IGNORECASE)
#: a diarienummer printed without its label, alone on a line ("SBN-2012-0388", "KS 2019/123")
_CODE_LINE = re.compile(
    r"^\s*[A-ZÅÄÖ]{2,6}[- ]?(?:(?:19|20)\d\d[-/]\d{1,6}(?:[-/.]\d{1,4})?"
    r"|(?!(?:19|20)\d\d-(?:19|20)\d\d)\d{4}-\d{4})\s*$"  # (a landsting's "HSN 1103-0288")
)


#: the motion, letter or remiss an ärende answers, on a line under its subject
_REFERRED = re.compile(
    r"^\s*(?:motion|skrivelse|medborgarförslag|interpellation|remiss)\s*(?:\(\s*(?:19|20)\d\d\s*:"
    r"\s*\d{1,4}\s*\))?\s+(?:av|från)\s+\w"
    # the date the answer is due ("Svar senast den 22 maj 2015", "Remisstid: …")
    r"|^\s*(?:svar(?:et)?\s+senast|sista\s+svarsdag|svarsdatum|remisstid)\b"
    # under the subject, what it answers ("Svar på remiss från kommunstyrelsen, KS 2018/412")
    r"|^\s*svar\s+på\s+(?:remiss|motion|skrivelse|interpellation)\s+(?:från|av)\s+\w",
    re.IGNORECASE,
)


_UNDERLINE = re.compile(r"\s*[_=\-–—]{3,}\s*")


def _title(p1: CleanPage, title_lines: list[int], sections: tuple[Section, ...]) -> _Field | None:
    # (a typed underline under the subject is no part of it)
    parts = [p1.lines[i].text for i in title_lines if not _UNDERLINE.fullmatch(p1.lines[i].text)]
    while len(parts) > 1 and _DESIGNATION.match(parts[0]):
        parts = parts[1:]  # "Utlåtande 2008:118 RVII (Dnr …)" over the subject
    while len(parts) > 1 and (
        _CODE_LINE.match(parts[-1]) or _REFERRED.match(parts[-1]) or _DESIGNATION.match(parts[-1])
    ):
        # the ärende's code under the subject ("SBN-2012-0388"), the motion or letter it
        # answers ("Motion (2020:74) av Anna Exempel m.fl. (V)"), or the utlåtande's
        # designation ("Utlåtande 2000:41 RI (Dnr 309-1174/2000)")
        parts = parts[:-1]
    cut = next((k for k in range(1, len(parts)) if _subtitle(parts[k], parts[k - 1])), None)
    if cut is not None:
        parts = parts[:cut]  # "Uppföljning av villkor för …" over "Kontroll enligt …"
    while (
        len(parts) > 1
        and _committee_only(parts[-1])
        # ("… medel för 2006 hos" ⏎ "Socialtjänstnämnden": the title's own last word)
        and not re.search(
            r"\b(?:hos|till|från|av|för|om|i|med|inom|åt|och)\s*$", parts[-2], re.IGNORECASE
        )
    ):
        parts = parts[:-1]  # "Verksamhetsberättelse 2022" over the nämnd it is the report of
    if parts and not any(_signature_like(t) or _ITEM_LINE.match(t) for t in parts):
        text = _PARAGRAPH.sub("", _join(_kind_over_subject(parts))).strip()
        for d in find_dnrs(text):
            text = text.replace(d.raw, "").strip()
        text = re.sub(r"\s*\(\s*\)", "", text)
        text = re.sub(r"\s*\b(?:D\s?[il1]?\s?nr|Dnr)\b\s*:?\s*$", "", text).strip(" .")
        if text:
            return _Field(text, " / ".join(parts), 0.8)
    for sec in sections:
        if sec.kind == "arendet" and ":" in sec.heading:
            text = sec.heading.split(":", 1)[1].strip()
            if text:
                return _Field(text, sec.heading, 0.6)
    return None


#: the first word of a subtitle: what kind of paper the subject comes as ("Interpellation
#: 2004:18 av …", "Kontroll enligt …", "Godkännande av förfrågningsunderlag") -- an action
#: noun or the name of a kind of paper, never a name
_SUBTITLE_HEAD = re.compile(
    r"(?:[a-zåäö]{4,}(?:ning|ande|ende|else|tion|sion)"
    r"|interpellation|kontroll|ansökan|begäran|yttrande|information)$"
)


def _subtitle(line: str, above: str) -> bool:
    """Is `line`, under the title's line `above`, a subtitle of its own rather than the
    title's wrapped end? `above` ends a phrase (no function word, comma or hyphen) and
    `line` opens with a capital on an action noun or a kind of paper."""
    words, prev = line.split(), above.rstrip()
    if not words or not words[0][:1].isupper() or not prev or prev.endswith((",", "-", "–")):
        return False
    if fold(prev.split()[-1]) in FUNCTION_WORDS:
        return False
    return _SUBTITLE_HEAD.match(words[0].lower().strip(",.:")) is not None


def _committee_only(line: str) -> bool:
    """A line that is only a committee's name ("Hägersten-Älvsjö stadsdelsnämnd")."""
    found = find_committees(line)
    return len(found) == 1 and not (line[: found[0].start] + line[found[0].end :]).strip(" ,.")


def _kind_over_subject(parts: list[str]) -> list[str]:
    """A short line in capitals over the subject ("ÅRSRAPPORT 2010" / "Avslutade projekt …")
    is the title's first part: "Årsrapport 2010 – avslutade projekt …"."""
    head = parts[0].strip()
    if (
        len(parts) < 2
        or not head.isupper()
        or len(head.split()) > 4
        or not any(c.islower() for c in parts[1])  # "… UTVECKLINGSMEDEL" over "2001"
    ):
        return parts
    rest = parts[1].strip()
    if re.match(r"(?:om|avseende|för|mellan|angående)\s", rest):
        # "ÖVERENSKOMMELSE" over "om samverkan och …": one phrase
        return [f"{head.capitalize()} {rest}", *parts[2:]]
    return [f"{head.capitalize()} – {rest[:1].lower()}{rest[1:]}", *parts[2:]]


#: a document kind printed in front of the subject ("PM: Uppföljning av budget …")
_KIND_LABEL = re.compile(
    r"^(?:PM|Promemoria|Tjänsteutlåtande|Tjänsteskrivelse|Skrivelse|Utlåtande)\s*:\s*",
    re.IGNORECASE,
)
#: a list opening, a decision sentence or a standard heading ends a flattened subject line
_SUBJECT_END = re.compile(
    r"\s(?=(?:[A-ZÅÄÖ][\wåäö-]+\s+(?:föreslår|beslutar|beslöt|har|ska)\b"
    r"|[A-ZÅÄÖ][\wåäö-]*s\s+förslag\s+till\s+beslut\b"
    r"|Förslag till beslut\b|Beslut\b|Ärendet\b|Sammanfattning\b|Bakgrund\b))"
)
#: the letterhead's parts that precede the subject: a dnr (also truncated, in brackets), a
#: date, "Sida 1 (5)", a telephone number, "Till <nämnd>"
_HEAD_TOKEN = re.compile(
    r"\(?\s*\b(?:d\s?nr|diarienummer)\b\.?\s*:?\s*[^)]{0,30}\)"
    rf"|\b{ISO_DATE}\b"
    r"|\bSida\s+\d{1,3}\s*\(\s*\d{1,3}\s*\)"
    r"|\b(?:Telefon|Tfn|Tel)\b\.?:?\s*[\d\s-]{6,}\d"
    r"|§\s*\d+|\bSida\s+\d{1,3}\b",
    re.IGNORECASE,
)


def _flat_title(head: str) -> _Field | None:
    """The subject line of a page flattened to one line, by its place: before ", dnr …"
    after the item's number ("18 PM: Uppföljning av budget …, dnr /2015"), or between the
    letterhead ("Utlåtande 2016:30 RI (Dnr /2015)", "KS 155/18", "Till Socialnämnden
    2019-05-21") and the first decision sentence or standard heading."""
    text = head[:1500]
    comma = re.search(r",\s*d\s?nr\b", text, re.IGNORECASE)
    if comma is not None:
        before = text[max(0, comma.start() - 250) : comma.start()]
        numbers = list(re.finditer(r"(?:^|\s)(?:§\s*)?\d{1,3}\s+(?=[A-ZÅÄÖ])", before))
        if numbers:
            title = _KIND_LABEL.sub("", before[numbers[-1].end() :]).strip()
            if 3 <= len(title.split()) <= 30:
                return _Field(title, before, 0.6)
    end = _SUBJECT_END.search(text)
    if end is None:
        return None
    spans = [m.span() for m in _HEAD_TOKEN.finditer(text, 0, end.start())]
    spans += [(d.start, d.end) for d in find_dnrs(text[: end.start()])]
    spans += [
        (c.start, c.end)
        for c in find_committees(text[: end.start()])
        if re.search(r"\bTill\s*$", text[max(0, c.start - 8) : c.start])
    ]
    # "Till borgarrådsberedningen": an addressee that is no committee
    spans += [
        m.span()
        for m in re.finditer(r"\bTill\s+\w+(?:beredningen|utskottet)\b", text[: end.start()])
    ]
    if not spans:
        return None
    spans.sort(key=lambda sp: sp[1])
    title = text[spans[-1][1] : end.start()].strip(" ()")
    if len(title.split()) < 2 and len(spans) >= 2:
        # the dnr printed after the subject: "§ 45 <subject> (KS-2016-00112-3) Beslut"
        title = text[spans[-2][1] : spans[-1][0]].strip(" ()")
    if not 2 <= len(title.split()) <= 25 or re.search(r"[.!?]\s", title):
        return None
    return _Field(title, text[: end.end()], 0.6)


#: a § mark on a line of its own, or in front of its heading ("§ 6", "§ 12 Budget 2009")
_PARAGRAPH_MARK = re.compile(r"^\s*§\s*\d{1,3}\s*(?:[a-z]\b)?\s*(?P<rest>.*)$")
#: the protocol's own business, not a subject ("Val av justerare", "Justering")
#: a § of the meeting's own business, no ärende (matched folded: OCR may have lost å/ä/ö)
_PROCEDURAL = re.compile(
    r"^(?:val av justerare|justering|protokollets justering|justerare|upprop|"
    r"(?:godkannande|faststallande) av (?:dagordning|foredragningslista)|motets oppnande|"
    r"anmalan av delegationsbeslut|anmalningsarenden|meddelanden|information|"
    r"ovriga fragor|ovrigt\b|fragor\b)",
)
_HEADING_END = re.compile(
    r"^\s*(?:$|d\s?[il1]?\s?nr\b|diarienummer|beslut\b|ärendet\b|sammanfattning\b|"
    r"förslag till beslut\b|[A-ZÅÄÖ][\wåäö-]*s förslag\b|\S+ beslutar\b)",
    re.IGNORECASE,
)
_MAX_HEADING_LINES = 3
_DNR_LINE = re.compile(r"^\s*(?:d\s?[il1]?\s?nr|diarienummer)\b", re.IGNORECASE)
_DNR_AFTER = re.compile(r"\s*\b(?:d\s?[il1]?\s?nr|diarienummer)\b.*$", re.IGNORECASE)
#: a page number standing alone ("1 (2)", "Sida 1 (3)") or a blank line
_PAGE_LINE = re.compile(r"^\s*(?:(?:sida\s*)?\d{1,3}\s*\(\s*\d{1,3}\s*\))?\s*$", re.IGNORECASE)


def paragraph_title(pages: tuple[CleanPage, ...]) -> _Field | None:
    """The heading of a protocol's first § of substance: the lines after "§ 6" up to its dnr,
    a blank line or its "Beslut" (two lines when the heading wraps)."""
    for page in pages:
        lines = [ln.text for ln in page.lines]
        for k, text in enumerate(lines):
            m = _PARAGRAPH_MARK.match(text)
            if m is None or re.match(r"\s*forts", m.group("rest"), re.IGNORECASE):
                continue
            rest = _DNR_AFTER.sub("", m.group("rest"))  # "§ 127      Dnr SN 2008/0311"
            parts = [rest] if rest.strip(" ,.;:") else []
            for nxt in lines[k + 1 : k + 1 + _MAX_HEADING_LINES + 3]:
                if not parts and (_DNR_LINE.match(nxt) or _PAGE_LINE.match(nxt)):
                    # "§ 7" / "Dnr SN 2008/0311" / the heading; a flattened header's "1 (2)"
                    # and the blank line after it
                    continue
                if len(parts) >= _MAX_HEADING_LINES:
                    break
                if not parts and _indent(text) >= _RIGHT_COLUMN <= _indent(nxt) and nxt.strip():
                    parts = []  # "§ 11" over "Sammanträde 2004-03-18" in the letterhead's
                    break  # right-hand column: the § an appendix belongs to, no heading
                if _HEADING_END.match(nxt) or (parts and nxt.rstrip().endswith(".")):
                    break
                if parts and (_CODE_LINE.match(nxt) or _subtitle(nxt, parts[-1])):
                    # the ärende's code under the heading ("SBN-2012-0388"), or what it
                    # comes as ("Interpellation 2004:18 av …")
                    break
                parts.append(nxt)
            heading = _join(parts).strip(" .")
            if (
                not heading
                or _PROCEDURAL.match(fold(heading))
                or len(heading.split()) > 25
                or re.search(r"\bforts\.?$", heading)  # "A. Verksamhetsbidrag, forts."
            ):
                continue
            return _Field(heading, " / ".join([text, *parts]), 0.6)
    return None


_RIGHT_COLUMN = 30  # a line set in this far stands in the letterhead's right-hand column


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


#: a labelled head line ("Datum:", "Till:", "Handläggare:")
_LABEL = re.compile(r"^\s*[A-ZÅÄÖ][\wåäö ]{1,20}:\s")
_MIN_SUBJECT_WORDS, _MAX_SUBJECT_WORDS = 4, 25
_MIN_PROSE_WORDS = 10
_MAX_SUBJECT_LINES = 3


def lone_subject(p1: CleanPage, head: bool = False) -> _Field | None:
    """A document with no standard heading (a promemoria under a block of labelled lines):
    its subject is the first line that stands alone between blank lines, is no label line
    and no sentence, with a paragraph of running text right under it. (`head`: lines the
    layout took for the letterhead are read too.)"""
    kept = (None, "letterhead") if head else (None,)
    texts = [ln.text.strip() if ln.furniture in kept else "" for ln in p1.lines[:40]]
    for k, text in enumerate(texts):
        end = k + 1  # the line after the subject; a subject may wrap (twice at most), each
        # line going on in lower case ("Granskning av bidrag till föreningar" ⏎ "och …")
        while (
            end + 1 < len(texts)
            and end - k < _MAX_SUBJECT_LINES
            and texts[end][:1].islower()
            and (not texts[end + 1] or texts[end + 1][:1].islower())
        ):
            text, end = f"{text} {texts[end]}", end + 1
        words = text.split()
        if not (_MIN_SUBJECT_WORDS <= len(words) <= _MAX_SUBJECT_WORDS):
            continue
        if (k and texts[k - 1]) or (end < len(texts) and texts[end]):
            continue
        if text.endswith((".", ":", ",")) or _LABEL.match(text) or text.isupper():
            continue
        if re.match(r"Till\s", text) or _NUMBERED_KIND.match(text):
            # "Till avdelningschefer för …": whom the letter is to; "Revisionsrapport nr 9,
            # 2017": the report's kind and number over its subject
            continue
        if re.match(r"\d{1,2}(?:\.\d{1,2})+\.?\s", text):
            continue  # "5.3 Externt finansierade projekt": a chapter of a longer report
        start = next((j for j in range(end, len(texts)) if texts[j]), len(texts))
        if start < len(texts) and _GREETING.fullmatch(texts[start]):
            # "Hej!" between a letter's subject and its first paragraph
            start = next((j for j in range(start + 1, len(texts)) if texts[j]), len(texts))
        para = []  # the paragraph under it, to its first blank line
        for t in texts[start:]:
            if not t:
                break
            para.append(t)
        if len(" ".join(para).split()) >= _MIN_PROSE_WORDS and (
            not _LABEL.match(para[0]) or _MEETING_LABEL.match(para[0])
        ):
            return _Field(text, text, 0.5)
        if k >= 2 and not texts[k - 2] and start - end >= 2:
            # a report's cover: the title set apart by two blank lines or more each side
            # ("Granskning av föreningsbidrag -" ⏎ "handläggning och uppföljning")
            return _Field(text, text, 0.5)
    return None


#: a meeting's time and place under the subject of its minutes or notice ("Tid och plats:")
_MEETING_LABEL = re.compile(r"\s*(?:Tid och plats|Tid|Plats|Mötestid)\s*:", re.IGNORECASE)
#: a letter's greeting on a line of its own: "Hej!", "Hej Anna,", "Bästa föreningar,"
_GREETING = re.compile(r"(?:Hej|Hejsan|Bästa|Kära|Till)(?:\s+[\w-]+){0,3}\s*[!,]")

#: a document's kind and number alone: "Revisionsrapport nr 9, 2017", "Rapport 2011:4"
_NUMBERED_KIND = re.compile(
    r"^[^\W\d_]+\s+(?:nr\.?\s*)?\d{1,4}(?:\s*[,:/]\s*(?:19|20)?\d\d(?:\s*:\s*\d{1,4})?)?$",
    re.IGNORECASE,
)

#: a head's labelled subject: "Ärende:   Ansökan om bidrag till …", "Ämne: …", "Angående: …"
_SUBJECT_LABEL = re.compile(
    # (the label a column to the left of its value, "Ärende        Bidrag till …")
    r"^(?P<pad>\s*(?:ärende|ärendet|ämne|angående|avser|rubrik|saken|e-tjänst)(?:\s*:\s+|\s{3,}))"
    r"(?P<value>\S.*)$",
    re.IGNORECASE,
)
_MAX_HEAD_LINES = 30
#: what a mail program puts before a forwarded or answered subject: "VB:", "SV:", "Fwd:", "RE:"
_MAIL_PREFIX = re.compile(r"^(?:\s*(?:VB|SV|FW|FWD|RE|AW|WG)\s*:\s*)+", re.IGNORECASE)


def labelled_subject(p1: CleanPage) -> _Field | None:
    """The subject a labelled head names ("Ärende:" over a value that may wrap onto lines
    set in at the value's column), on page 1's head."""
    lines = [ln.text for ln in p1.lines[:_MAX_HEAD_LINES]]
    for k, text in enumerate(lines):
        m = _SUBJECT_LABEL.match(text)
        if m is None:
            continue
        col = len(m.group("pad"))
        parts = [m.group("value").strip()]
        for nxt in lines[k + 1 : k + 4]:
            indent = len(nxt) - len(nxt.lstrip())
            # (or wrapped back to the margin, going on in lower case: "… och medel för" ⏎
            # "utveckling och lärande (MUL)")
            wrapped = nxt[indent : indent + 1].islower() and not parts[-1].endswith((".", ":"))
            if not nxt.strip() or (abs(indent - col) > 2 and not wrapped):
                break
            parts.append(nxt.strip())
        # ("Ämne: VB: Beslut om …": a mail forwarded or answered keeps its subject's words)
        value = _MAIL_PREFIX.sub("", _join(parts)).strip(" .")
        if len(value.split()) >= 2:
            return _Field(value, " / ".join([text.strip(), *parts[1:]]), 0.75)
    return None


#: a document's kind in capitals over its subject in lower case: "AVTAL" ⏎ "om bidrag till …"
_KIND_CAPS = re.compile(
    r"^(?:[A-ZÅÄÖ]*AVTAL|ÖVERENSKOMMELSE|SAMVERKANSAVTAL|BIDRAGSAVTAL|UPPDRAGSAVTAL|PARTNERSKAPSAVTAL|"
    r"AVSIKTSFÖRKLARING|IDÉBURET OFFENTLIGT PARTNERSKAP|OVERENSKOMMELSE)"
    # "ÖVERENSKOMMELSE OM IDÉBURET OFFENTLIGT PARTNERSKAP (IOP)": the kind and what it is
    r"(?:\s+(?:OM|AVSEENDE|MELLAN|FÖR)\b[A-ZÅÄÖÉ()\s-]*)?$"
)
_MAX_KIND_SUBJECT_LINES = 3


def kind_over_subject(p1: CleanPage) -> _Field | None:
    """An agreement's title: its kind set in capitals on a line of its own, the subject going
    on under it in lower case ("AVTAL" ⏎ "om bidrag till dagverksamhet för …" ⏎ "vuxna
    2015–2017"): "Avtal om bidrag till dagverksamhet för … vuxna 2015–2017"."""
    # (page 1's lines above its first heading were taken for letterhead)
    texts = [
        ln.text.strip() if ln.furniture in (None, "letterhead") else "" for ln in p1.lines[:30]
    ]
    for k, text in enumerate(texts):
        if not _KIND_CAPS.match(text):
            continue
        # (an acronym in brackets stays as printed: "(IOP)")
        head = re.sub(r"\(([a-zåäö]{2,6})\)", lambda m: f"({m[1].upper()})", text.capitalize())
        parts = [head]
        below = texts[k + 1 : k + 2 + _MAX_KIND_SUBJECT_LINES]
        if below[:1] == [""] and below[1:2] and below[1][:1].islower():
            below = below[1:]  # the subject under a blank line ("avseende mötesplatsen …")
        for t in below[:_MAX_KIND_SUBJECT_LINES]:
            if not t or (len(parts) == 1 and not t[:1].islower()):
                break
            parts.append(t)
        if len(parts) == 1 and below[:1] == [""] and below[1:2] and below[1][:1].isupper():
            # "PROJEKTAVTAL" ⏎ ⏎ "Processtöd och utvärdering i …" ⏎ "metodutveckling …" ⏎ ⏎:
            # a subject of its own under the kind, set apart by blank lines
            subject = list(
                itertools.takewhile(bool, texts[k + 2 : k + 3 + _MAX_KIND_SUBJECT_LINES])
            )
            if len(subject) <= _MAX_KIND_SUBJECT_LINES and k + 2 + len(subject) < len(texts):
                return _Field(_join(subject), " / ".join(subject), 0.65)
        if len(parts) > 1:
            return _Field(_join(parts), " / ".join(texts[k : k + len(parts)]), 0.7)
    return None


#: a document's kind in capitals over its subject ("CHECKLISTA FÖR SÖKANDE"); not a body's
#: name in a letterhead ("STOCKHOLMS STAD", "SOCIALFÖRVALTNINGEN")
_CAPS_KIND = re.compile(r"^[A-ZÅÄÖÉ]{4,}(?: [A-ZÅÄÖÉ]{2,}){0,4}$")
_BODY_CAPS = re.compile(
    r"(?:STAD|KOMMUN|REGION|FÖRVALTNING|NÄMND|STYRELSE|AVDELNING|ENHET|KONTOR|SEKTION)(?:EN|ET|N)?$"
)


def caps_over_subtitle(p1: CleanPage) -> _Field | None:
    """A kind in capitals over one line of its subject, between blank lines ("CHECKLISTA FÖR
    SÖKANDE" ⏎ "Lokala utvecklingsmedel (LUM) 2020"): "Checklista för sökande – Lokala …"."""
    texts = [ln.text.strip() for ln in p1.lines[:30]]
    body = [ln.furniture is None for ln in p1.lines[:30]]
    for k, text in enumerate(texts[:-2]):
        sub = texts[k + 1]
        if (
            (k == 0 or not texts[k - 1])
            and body[k]
            and body[k + 1]
            and _CAPS_KIND.match(text)
            and not _BODY_CAPS.search(text)
            and sub[:1].isupper()
            and not sub.isupper()
            and 2 <= len(sub.split()) <= 8
            and not _BODY_CAPS.search(sub.upper())
            and not sub.endswith((".", ":", ","))
            and not texts[k + 2]
        ):
            return _Field(f"{text.capitalize()} – {sub}", f"{text} / {sub}", 0.6)
    return None
