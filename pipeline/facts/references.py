"""References to earlier decisions: a decision implies the decisions it builds on.

Committee documents say where they come from. A tjänsteutlåtande or protokoll names the
meeting where something was decided before, the tjänsteutlåtande a protokoll was based on,
or another ärende where something is reported. Each such sentence implies that a document
exists (or existed) which the archive should hold. Invented examples of what is read:

=====================================================================  =====================
sentence                                                               what it refers to
=====================================================================  =====================
"Socialnämnden beslutade vid sammanträdet 2014-12-16 att uppdra …"     decision, SN 2014-12-16
"Kommunfullmäktige beslutade 2014-12-15, § 76, att inrätta …"          decision, KF 2014-12-15 § 76
"Socialnämnden beslutade den 14 december 2010 om fördelning av …"      decision, SN 2010-12-14
"Utlysningen för 2018 beslutades av socialnämnden i april 2017."       decision, SN april 2017
"Vid nämndens sammanträde 2014-12-16 fattades beslut om medel …"       decision, (own nämnd)
"Nämnden tog beslut om dessa ansökningar vid junisammanträdet."        decision, (own nämnd) June
"… i enlighet med kommunstyrelsens beslut den 3 maj 2011 …"            decision, KS 2011-05-03
"Förvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat    tjänsteutlåtande
 15 maj 2013."                                                          2013-05-15
"Resultaten redovisas i ärendet om årsrapport för FoU-medel 2019."      ärende (no date)
=====================================================================  =====================

Not references (each is a rule below, not a special case):

* the document's own decision: "Nämnden beslutade i enlighet med ordförandens förslag." (no
  time given), or a date that is the document's own meeting;
* preparation, not decision: "Ärendet har behandlats i förvaltningsgruppen den 10 februari",
  "Rådet för funktionshinderfrågor har haft möjlighet att behandla ärendet den 11 februari";
* decisions to come: "beslut ska fattas 22 januari 2015", "behandlas av socialnämnden våren
  2015" (past tense is required);
* other authorities' decisions (regeringen, Socialstyrelsen, EU): only municipal bodies —
  nämnd, styrelse, fullmäktige, utskott, råd — are deciders here, because only their
  decisions belong in this archive; budget and verksamhetsplan mentions ("efter beslut i
  budget 2005") are steering documents, not decisions of the series the archive holds;
* "redovisas i ärendet och i bilagan" — this ärende, not another ("ärendet om …" is another).

The text is OCR output as often as not: the patterns run on `loose` text (every vowel, å/ä/ö
and their OCR stand-ins collapsed to ``*``, length-preserving so spans index the original)
and accept the common damage ("Socialndmnden", "bestut", "sammantrdde", "jinsteutldtande").
A whole document is read at once (pages joined), because a sentence may cross a page break.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.lang.fuzzy import fold, loose
from pipeline.lang.numbers import PRINTED_YEAR
from pipeline.understand.committees import find_committees
from pipeline.understand.dates import MONTHS, find_dates

__all__ = ["Reference", "find_references"]

#: How far (characters) a sentence reaches either way from a trigger at most.
SENTENCE_REACH = 260
#: Evidence shown to the analyst: the sentence, clipped to this many characters.
EVIDENCE_CHARS = 240


@dataclass(frozen=True)
class Reference:
    """One sentence that refers to an earlier decision or decision document.

    kind: ``decision`` (a body decided), ``tjänsteutlåtande`` (a dated report to a nämnd)
    or ``ärende`` (another matter, named by its subject). decider: the canonical body when
    it could be named (the document's own committee for "nämnden"), else None. date: the
    day when printed; otherwise year/month as far as printed. page_no: where the sentence
    starts. confidence: 0–1, lower when the day is missing or the decider is unresolved.
    """

    kind: str
    decider: str | None
    decider_as_printed: str
    date: dt.date | None
    year: int | None
    month: int | None
    paragraph: str | None
    subject: str | None
    page_no: int
    start: int
    end: int
    evidence: str
    confidence: float

    @property
    def when(self) -> str:
        """The time as precisely as printed: 2014-12-16, 2017-04, 2013, or ''."""
        if self.date:
            return self.date.isoformat()
        if self.year and self.month:
            return f"{self.year}-{self.month:02d}"
        return str(self.year) if self.year else ""


# --------------------------------------------------------------------------- patterns
# All patterns run on `loose(text)`: lower case, every vowel → "*". OCR reads ä/å as "d"
# ("ndmnden"), hence [*d] where a Swedish letter with diacritics stands.

_BODY_WORD = (
    r"(?:n[*d]mnd(?:[*]n(?:s)?|s)?"  # nämnd, nämnden, nämndens, nämnds
    r"|st[*]r[*]ls[*]n(?:s)?"  # kommunstyrelsen
    r"|f[*]llm[*]kt[*]g[*]s?"  # kommunfullmäktige
    r"|[*]tsk[*]tt[*]t(?:s)?"  # arbetsutskottet
    r"|r[*d]d[*]t(?:s)?)"  # FoU-rådet
)
#: A deciding body: one word ending in one of the body words (Socialnämnden, nämndens …),
#: or "<Name> stadsdelsnämnd".
_BODY = rf"(?P<body>(?:[\w*-]+[ \t]+)?[\w*-]*{_BODY_WORD})(?![\w*])"
_MEETING = r"s[*]mm[*]ntr[*d]{1,2}d[*](?:t|ts|ns)?"  # sammanträde(t)(s), OCR sammantrdde
_BESLUTADE = r"b[*]s[lt]{1,2}[*]t[*]d[*]"  # beslutade, OCR bestutade
_BESLUT = r"b[*]s[lt]{1,2}[*]t(?:[*]t)?"  # beslut, beslutet, OCR bestut
_PAST_DECISION = (
    rf"(?:{_BESLUTADE}(?!s)"
    rf"|(?:t[*]g|f[*]tt[*]d[*])\s+(?:{_BESLUT})"  # tog beslut, fattade beslut
    r"|(?:h[*]r|h[*]d[*])\s+b[*]sl[*]t[*]t"  # har/hade beslutat
    r"|[*]tl[*]st[*]"  # utlyste (the call for applications is the nämnd's decision)
    r"|b[*]v[*]lj[*]d[*](?!s))"  # beviljade
)
_PASSIVE_DECISION = (
    rf"(?:{_BESLUTADE}s|f[*]tt[*]d[*]s\s+{_BESLUT}|[*]ppdr[*]gs|g[*]dk[*]nd[*]s|[*]nt[*]gs)"
)
_AT_MEETING_VERB = (
    rf"(?:{_PASSIVE_DECISION}|{_BESLUTADE}|g[*]dk[*]nd[*]|[*]nt[*]g|g[*]v|t[*]g\s+{_BESLUT})"
)
_TU = r"t?j[*d]?nst[*]+tl[*d]t[*]nd[*](?:t)?"  # tjänsteutlåtande(t), OCR jinsteutldtande
_DATERAT = r"d[*]t[*]r[*][td]"  # daterat, daterad
#: "ärendet om …", "i ett separat/särskilt/eget ärende": another matter than this one
_ARENDET_OM = (
    r"(?<![\w*])(?:[*d]r[*]nd[*]t\s+[*]m\s+"
    r"|[*]tt\s+(?:s[*]p[*]r[*]t|s[*]rsk[*]lt|[*]g[*]t)\s+[*d]r[*]nd[*](?![\w*]))"
)

_P_ACTIVE = re.compile(rf"(?<![\w*-]){_BODY}\s+(?:h[*]r\s+)?(?P<verb>{_PAST_DECISION})")
_P_PASSIVE = re.compile(rf"(?P<verb>{_PASSIVE_DECISION})\s+[*]v\s+{_BODY}")
_P_MEETING = re.compile(
    rf"(?<![\w*])v[*]d\s+{_BODY}\s+{_MEETING}(?P<gap>[^.]{{0,40}}?)\s(?P<verb>{_AT_MEETING_VERB})"
)
_P_ACCORDING = re.compile(
    rf"(?<![\w*])(?:[*]nl[*]gt|[*]\s+[*]nl[*]gh[*]t\s+m[*]d)\s+{_BODY}\s+(?P<verb>{_BESLUT})"
)
_P_TU = re.compile(rf"(?<![\w*])(?P<verb>{_TU})\s+(?P<dated>{_DATERAT})")
_P_MATTER = re.compile(_ARENDET_OM)

_MONTH_WORD = "|".join(MONTHS)
_MONTH_YEAR = re.compile(rf"\b(?:i|under)\s+(?P<mon>{_MONTH_WORD})\s+(?P<y>{PRINTED_YEAR})\b")
_MONTH_MEETING = re.compile(rf"\b(?P<mon>{_MONTH_WORD})s[a-z]{{0,3}}mm[a-z]{{0,3}}ntr")
_PARAGRAPH = re.compile(r"§\s?(\d{1,4})")
_SENTENCE_END = re.compile(r"(?<=[a-zåäö0-9)”\"])[.!?](?=\s+[A-ZÅÄÖ\d])|\n\s*\n")
#: A short line without final punctuation followed by a capitalised line: a heading ends.
_HEADING_END = re.compile(r"(?m)^[^\n.!?]{1,50}(?<![,\-–])\n(?=\s?[A-ZÅÄÖ][a-zåäö])")
_NOT_MUNICIPAL = re.compile(r"regering|riksdag|socialstyrels|kommissionen|\beu\b")


def _loose_text(text: str) -> str:
    """`loose` of `text`, lower case, same length (spans index `text`)."""
    out = loose(text).lower()
    return out if len(out) == len(text) else text.lower()


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from the previous sentence end to the next one."""
    lo = max(0, start - SENTENCE_REACH)
    a = lo
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 3)):
        if m.end() <= start:
            a = m.end()
    for m in _HEADING_END.finditer(text, lo, min(len(text), start + 3)):
        if m.end() <= start:
            a = max(a, m.end())
    m2 = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    b = m2.end() if m2 else min(len(text), end + SENTENCE_REACH)
    return a, b


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _evidence(text: str, a: int, b: int) -> str:
    s = _clean(text[a:b])
    return s if len(s) <= EVIDENCE_CHARS else s[: EVIDENCE_CHARS - 1] + "…"


@dataclass(frozen=True)
class _When:
    date: dt.date | None
    year: int | None
    month: int | None
    start: int


def _when(text: str, a: int, b: int, anchor: int, default_year: int | None) -> _When | None:
    """The time printed in text[a:b] nearest after `anchor` (else before it)."""
    chunk = text[a:b]
    found: list[_When] = []
    for d in find_dates(chunk, default_year):
        if d.date is not None:
            found.append(_When(d.date, d.date.year, d.date.month, a + d.start))
    folded = fold(chunk)
    for m in _MONTH_YEAR.finditer(folded):
        if not any(w.start <= a + m.start("mon") < w.start + 20 for w in found):
            found.append(_When(None, int(m.group("y")), MONTHS[m.group("mon")], a + m.start()))
    for m in _MONTH_MEETING.finditer(folded):
        found.append(_When(None, default_year, MONTHS[m.group("mon")], a + m.start()))
    if not found:
        return None
    after = [w for w in found if w.start >= anchor]
    return min(after, key=lambda w: w.start) if after else max(found, key=lambda w: w.start)


def _body(printed: str, own_committee: str | None) -> str | None:
    """Canonical name of the deciding body, the document's own for 'nämnden'."""
    words = printed.split()
    for text in (printed, words[-1] if words else printed):
        found = find_committees(text)
        if found:
            return found[-1].canonical
    f = fold(words[-1] if words else printed)
    if re.fullmatch(r"n[a-z]mnd(en|ens)?", f):
        return own_committee
    return None


def _subject(text: str, start: int, b: int) -> str | None:
    m = re.search(r"\b(om|att|angående)\s", text[start:b])
    if not m:
        return None
    s = _clean(text[start + m.start() : b]).rstrip(".")
    return s[:160] if s else None


def find_references(
    pages: Sequence[tuple[int, str]],
    *,
    own_committee: str | None = None,
    own_dates: Sequence[dt.date] = (),
    default_year: int | None = None,
) -> list[Reference]:
    """Every reference to an earlier decision in a document's pages, in reading order.

    pages: (page_no, text). own_committee resolves "nämnden"; own_dates are the document's
    own meeting/document dates (a decision on one of them by the own committee is this
    document itself, not an earlier one); default_year completes "vid junisammanträdet".
    """
    text = "\n".join(t for _, t in pages)
    starts: list[tuple[int, int]] = []
    pos = 0
    for page_no, t in pages:
        starts.append((pos, page_no))
        pos += len(t) + 1
    lz = _loose_text(text)

    def page_of(i: int) -> int:
        page = starts[0][1] if starts else 1
        for s, p in starts:
            if s <= i:
                page = p
        return page

    found: list[Reference] = []

    def add(kind: str, m: re.Match[str], body: str | None, printed: str) -> None:
        a, b = _sentence(text, m.start(), m.end())
        if _NOT_MUNICIPAL.search(fold(printed)):
            return
        when = _when(text, a, b, m.end("verb"), default_year)
        paragraph = _PARAGRAPH.search(text, m.end("verb"), b)
        if kind != "ärende" and when is None and paragraph is None:
            return  # "Nämnden beslutade i enlighet med …": the document's own decision
        date = when.date if when else None
        if kind == "decision" and date in own_dates and body == own_committee:
            return
        conf = 0.9 if date else 0.7
        if body is None:
            conf -= 0.2
        found.append(
            Reference(
                kind=kind,
                decider=body,
                decider_as_printed=_clean(printed),
                date=date,
                year=when.year if when else None,
                month=when.month if when else None,
                paragraph=f"§ {paragraph.group(1)}" if paragraph else None,
                subject=_subject(text, m.end("verb"), b) if kind == "decision" else None,
                page_no=page_of(a if text[a : m.start()].strip() else m.start()),
                start=a,
                end=b,
                evidence=_evidence(text, a, b),
                confidence=round(conf, 2),
            )
        )

    for pattern in (_P_ACTIVE, _P_PASSIVE, _P_MEETING, _P_ACCORDING):
        for m in pattern.finditer(lz):
            printed = text[m.start("body") : m.end("body")]
            add("decision", m, _body(printed, own_committee), printed)
    for m in _P_TU.finditer(lz):
        add("tjänsteutlåtande", m, own_committee, text[m.start() : m.end("verb")])
    for m in _P_MATTER.finditer(lz):
        a, b = _sentence(text, m.start(), m.end())
        subject = _clean(text[m.end() : b]).rstrip(".")
        if len(subject) < 12:  # "… behandlas i ett särskilt ärende.": the sentence says what
            subject = _clean(text[a : m.start()])
        if not subject:
            continue
        found.append(
            Reference(
                kind="ärende",
                decider=own_committee,
                decider_as_printed="",
                date=None,
                year=None,
                month=None,
                paragraph=None,
                subject=subject[:160],
                page_no=page_of(m.start()),
                start=a,
                end=b,
                evidence=_evidence(text, a, b),
                confidence=0.6,
            )
        )
    # one reference per sentence (several patterns may read the same one)
    best: dict[tuple[int, int], Reference] = {}
    for r in found:
        key = (r.start, r.end)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return sorted(best.values(), key=lambda r: r.start)
