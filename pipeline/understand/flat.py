"""Flattened pages: a whole page printed as one long line (a web page's copy of a PDF), or
wrapped into lines of running text with no heading on a line of its own, and the decisions
read from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.records import CleanPage, Decision
from pipeline.understand.decisions import _SENTENCE_END, _join
from pipeline.understand.sections import HeadingLine
from pipeline.understand.vocabulary import pattern_rows

__all__ = ["FLAT_LINE_CHARS", "FlatPage", "flat_decisions", "flat_pages"]

#: a body line this long is a whole page flattened to one line (a web page's copy of a PDF)
FLAT_LINE_CHARS = 400
_SIDA = re.compile(r"\bSida\s+\d{1,3}\s*\(\s*\d{1,3}\s*\)\s*")


@dataclass(frozen=True)
class FlatPage:
    """A page whose text is one long line: its text without the page number in front (or at
    the end) and, from page 2 on, without the running header."""

    page_no: int
    text: str


def flat_pages(
    pages: tuple[CleanPage, ...], headings: list[HeadingLine] | None = None
) -> list[FlatPage]:
    """The flattened pages of a document (empty when its pages have ordinary lines).

    A flattened page prints its page number first ("2 Kommunstyrelsen Protokoll …"), often
    again last; a running header repeats the start of the previous page up to "Sida n (m)".
    Printed or scanned, such a page is wrapped into lines of running text: a document with
    no standard heading on a line of its own, whose pages are full lines of prose, is read
    the same way, each page's lines joined."""
    out = _long_line_pages(pages)
    if out or headings is None or any(h.kind != "subheading" for h in headings):
        return out
    for page in pages:
        texts = [ln.text.strip() for ln in page.lines if ln.text.strip()]
        full = [t for t in texts if len(t) >= 60]
        if len("".join(texts)) < FLAT_LINE_CHARS or len(full) < 3 or len(full) < 0.5 * len(texts):
            continue
        number = re.compile(rf"^{len(out) + 1}\s+(?=[A-ZÅÄÖ])")
        head = ""
        for k in range(min(2, len(texts))):  # the page number, perhaps under a title line
            if number.match(texts[k]):
                texts[k] = number.sub("", texts[k])
                head = " ".join(texts[k].split()[:2])
                break
        for part in _split_printed_pages(texts, len(out) + 2, head):
            joined = _join(part)
            if out:
                joined = _strip_running_header(out[-1].text, joined)
            out.append(FlatPage(page.page_no, joined))
    return out


def _split_printed_pages(texts: list[str], following: int, head: str) -> list[list[str]]:
    """The printed pages within one page of wrapped text: a line that starts with the next
    page number and repeats the first two words of the page's header begins a new one."""
    parts: list[list[str]] = [[]]
    for t in texts:
        m = re.match(rf"^{following}\s+(?P<rest>\S.*)$", t)
        if m is not None and head and parts[-1] and m.group("rest").startswith(head):
            parts.append([m.group("rest")])
            following += 1
            continue
        parts[-1].append(t)
    return [p for p in parts if p]


def _long_line_pages(pages: tuple[CleanPage, ...]) -> list[FlatPage]:
    out: list[FlatPage] = []
    for page in pages:
        for ln in page.lines:
            text = ln.text.strip()
            number = len(out) + 1
            # after a flattened page, the next one may be short (the end of the document)
            if len(text) < FLAT_LINE_CHARS and not (
                out and len(text) >= 80 and text.startswith(f"{number} ")
            ):
                continue
            text = re.sub(rf"^{number}\s+", "", text)
            text = re.sub(rf"\s+{number}$", "", text)
            if out:
                text = _strip_running_header(out[-1].text, text)
            out.append(FlatPage(page.page_no, text))
    return out


def _strip_running_header(previous: str, text: str) -> str:
    sida = _SIDA.search(text[:120])
    if sida is not None:
        return text[sida.end() :]
    a, b = previous.split(), text.split()
    k = 0
    while k < min(len(a), len(b), 12) and a[k] == b[k]:
        k += 1
    return " ".join(b[k:]) if k >= 2 else text


@lru_cache(maxsize=1)
def _stop_pattern() -> re.Pattern[str]:
    """Where a flattened decision list ends: any standard heading that is not a decision
    heading, printed with its capital (``Ärendet``, ``Bakgrund``, ``Deltar ej i beslut``)."""
    rows = pattern_rows("headings.csv")
    words = sorted(
        {
            r["variant"]
            for r in rows
            if r["kind"] not in ("forslag_till_beslut", "beslut", "bilagor")
        },
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")


# "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande." / "… föreslår
# kommunfullmäktige besluta följande" / "Kommunstyrelsen beslutar för egen del, …, följande."
_PROPOSES = re.compile(
    r"\b(?:föreslår|föreslås)\s+(?:att\s+)?[\wåäöÅÄÖ-]+\s+(?:för\s+egen\s+del\s+)?"
    r"besluta(?:r)?\s+(?:(?:att\s+)?följande)\s*[.:]?"
    r"|\bbeslutar\s+för\s+egen\s+del\b[^.]{0,250}?följande\s*[.:]?"
)
_HEADING_TRIGGER = re.compile(
    r"(?<![\w-])(?:(?:[A-ZÅÄÖ][\wåäö-]*s\s+förslag|Förslag)\s+till\s+beslut|Beslut)"
    r"(?!\s+om\b)\s+(?=\d{1,2}\.\s|[A-ZÅÄÖ])"
)
# a sub-heading that opens a list: "Arbetsutskottets förslag till kommunstyrelsen"
_LIST_LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*s\s+förslag\s+till\s+[\wåäö-]+\s+(?=[A-ZÅÄÖ])")
_FLAT_NUMBER = re.compile(r"(?:(?<=\s)|^)(?P<no>\d{1,2})\.\s+(?=[A-ZÅÄÖ])")
_PAGE_BREAK = "\f"


def flat_decisions(flat: list[FlatPage]) -> list[Decision]:
    """Decisions of flattened pages: the text after "Beslut", "Förslag till beslut" or
    "… föreslår … besluta(r) följande" up to the next such opening or a standard heading;
    numbered items, else one item per sentence. A list repeated word for word later (the
    proposal printed again under the protocol's decision) is read once."""
    if not flat:
        return []
    text = ""
    page_at: list[tuple[int, int]] = []  # (offset, page_no)
    for fp in flat:
        if text:
            text += f" {_PAGE_BREAK} "
        page_at.append((len(text), fp.page_no))
        text += fp.text
    opens: list[tuple[int, int]] = []  # (start of the opening sentence, start of the list)
    for m in _PROPOSES.finditer(text):
        head = max(text.rfind(". ", 0, m.start()), text.rfind(": ", 0, m.start()))
        start = head + 2 if head >= 0 and m.start() - head < 250 else m.start()
        opens.append((start, m.end()))
    for m in _HEADING_TRIGGER.finditer(text):
        if not any(a <= m.start() < b for a, b in opens):
            opens.append((m.start(), m.end()))
    opens.sort()
    out: list[Decision] = []
    seen: list[str] = []
    for k, (_, begin) in enumerate(opens):
        end = opens[k + 1][0] if k + 1 < len(opens) else len(text)
        stop = _stop_pattern().search(text, begin, end)
        if stop is not None:
            end = stop.start()
        segment = _drop_signature(_LIST_LABEL.sub("", text[begin:end].strip()))
        page_no = max((p for off, p in page_at if off <= begin), default=flat[0].page_no)
        items = _flat_items(segment)
        norm = [" ".join(i.replace(_PAGE_BREAK, " ").split()) for i in items]
        if norm and all(any(s.startswith(n.rstrip(" .")) for s in seen) for n in norm):
            continue
        seen.extend(norm)
        out.extend(
            Decision(item_no=n, text=t, page_no=page_no, evidence=t[:80])
            for n, t in enumerate(norm, start=1)
            if t
        )
    return out


def _drop_signature(segment: str) -> str:
    """The list without the signatures printed after its last sentence ("… stadsdelsnämnder.
    Gunilla Berg Förvaltningschef"): a few capitalised words after the final full stop."""
    m = re.search(r"(?<=[.!?])\s+(?P<tail>[^.!?]*)$", segment)
    if m is None:
        return segment
    words = m.group("tail").split()
    if 2 <= len(words) <= 8 and all(w[:1].isupper() for w in words):
        return segment[: m.start()]
    return segment


def _flat_items(segment: str) -> list[str]:
    numbers = list(_FLAT_NUMBER.finditer(segment))
    if numbers and numbers[0].start() < 3 and numbers[0].group("no") == "1":
        return _flat_numbered(segment, numbers)
    lead = re.match(r"^(?:[A-ZÅÄÖ][\wåäö-]*\s+)?beslutar\s+(?=att\s)|^(?=att\s)", segment)
    if lead is not None:
        # att-satser: "Kommunfullmäktige beslutar att …, att …, samt att …"
        clauses = re.split(r"(?<=[,;])\s+(?=att\s)|(?<=\bsamt)\s+(?=att\s)", segment[lead.end() :])
        return [c.replace(_PAGE_BREAK, " ").strip() for c in clauses if c.strip()]
    pieces: list[str] = []
    for part in segment.split(_PAGE_BREAK):
        pieces.extend(p.strip() for p in _SENTENCE_END.split(part) if p.strip())
    return pieces


def _flat_numbered(segment: str, numbers: list[re.Match[str]]) -> list[str]:
    starts: list[tuple[int, int, int]] = []  # (item number, start of number, start of text)
    expected = 1
    for m in numbers:
        no = int(m.group("no"))
        before = segment[: m.start()].rstrip()
        if before.endswith(":"):
            continue  # "Finansiering sker ur …: 2. Till …" — a sub-list inside the item
        if no == expected or (no == expected + 1 and starts):
            starts.append((no, m.start(), m.end()))
            expected = no + 1
    items: list[tuple[int, str]] = []
    for k, (no, _, text_start) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(segment)
        if items and no == items[-1][0] + 2:
            items.extend(_split_lost(items.pop()))
        items.append((no, segment[text_start:end].strip()))
    if items:
        items[-1:] = _split_after_break(items[-1], [t for _, t in items[:-1]])
    return [t.replace(_PAGE_BREAK, " ").strip() for _, t in items]


def _split_lost(item: tuple[int, str]) -> list[tuple[int, str]]:
    """An item whose successor's number was lost ("… i bilaga Resursfördelningsmodellen
    införs …"): split before the last capitalised word that follows a lower-case word
    without punctuation and starts a clause (a lower-case word after it)."""
    no, text = item
    # the lost item opens a sentence of its own ("… enligt bilaga 1. Enskede-Årsta-Vantörs
    # stadsdelsnämnd tilldelas …"), else a clause
    ends = [m.start("w") for m in re.finditer(r"[a-zåäö\d)]\.\s+(?P<w>[A-ZÅÄÖ][\wåäö-]{2,})", text)]
    ends = [c for c in ends if len(text) - c >= 40 and c >= 20]
    if ends:
        return [(no, text[: ends[-1]].strip()), (no + 1, text[ends[-1] :].strip())]
    cands = [
        m.start("w")
        for m in re.finditer(r"[a-zåäö\d]\s+(?P<w>[A-ZÅÄÖ][a-zåäö]{3,})\s+[a-zåäö]", text)
        if not m.group("w").startswith("Stockholm")
    ]
    cands = [c for c in cands if len(text) - c >= 40 and c >= 20]
    if not cands:
        return [item]
    cut = cands[-1]
    return [(no, text[:cut].strip()), (no + 1, text[cut:].strip())]


def _split_after_break(item: tuple[int, str], earlier: list[str]) -> list[tuple[int, str]]:
    """The last item runs over a page break: what follows the break is a new item whose
    number was lost when it finished a sentence and starts as earlier items start."""
    no, text = item
    if _PAGE_BREAK not in text:
        return [item]
    before, after = text.split(_PAGE_BREAK, 1)
    before, after = before.strip(), after.strip()
    lead = " ".join(after.split()[:2])
    if (
        before.endswith(".")
        and after[:1].isupper()
        and len(lead.split()) == 2
        and any(e.startswith(lead) for e in [*earlier, before])
    ):
        return [(no, before), (no + 1, after)]
    return [(no, f"{before} {after}")]
