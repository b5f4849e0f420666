"""Text units of the body: sentences and paragraphs of a run of lines, hyphenated line
breaks joined, and list items' text without its bullet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lang.fuzzy import fold
from pipeline.lang.hyphens import suspends

__all__ = [
    "Paragraph",
    "Sentence",
    "clean_item_text",
    "dehyphen_join",
    "generic_heading",
    "is_break",
    "paragraphs",
    "run_in_name",
    "section_heading",
    "sentences",
    "sum_line",
    "template_question",
]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: its text (lines joined) and the lines it spans."""

    text: str
    first: int  # index of its first line in the caller's line list
    last: int
    page_no: int


def sum_line(texts: Sequence[str], s: Sentence, raw: str) -> int:
    """The line of sentence `s` that prints the sum `raw` (its first digit group), else the
    sentence's first line."""
    number = next((w for w in raw.split() if any(c.isdigit() for c in w)), raw)
    return next((k for k in range(s.first, s.last + 1) if number in texts[k]), s.first)


@dataclass(frozen=True)
class Paragraph:
    first: int
    last: int
    text: str
    sentences: tuple[Sentence, ...]


def dehyphen_join(parts: Sequence[str]) -> str:
    """Join wrapped lines: "förvalt-" + "ningen" → "förvaltningen"; "barn-" + "och" keeps
    "barn- och"; "FoU-" + "arbetet" keeps the hyphen after capitals or digits."""
    out = ""
    for raw in parts:
        part = raw.strip()
        if not part:
            continue
        if not out:
            out = part
            continue
        if out.endswith(("--", " -", " –", ":-")):  # ":-" ends a sum ("kr 250.000:-")
            out = out + " " + part  # a dash that ends the line ("1997-03-01 --") is no hyphen
        elif out.endswith("-") and len(out) >= 2:
            prev = out[-2]
            if suspends(part, out):  # "barn- och", "Børne- og" (pipeline.lang.hyphens)
                out = out + " " + part
            elif part[:1].isupper() and prev.isalpha():
                out = out[:-1].rstrip() + " - " + part
            elif prev.islower() and part[:1].islower():
                out = out[:-1] + part
            else:
                out = out + part
        else:
            out = out + " " + part
    return re.sub(r"[ \t]+", " ", out).strip()


#: a sentence ends at . ! ? before a capital, at a colon at a line's end, and where a line
#: opens a numbered or bulleted item ("… enligt tabellen\n2. att uppdra …": an item of a
#: decision list that ends without a full stop), and at an att-sats that opens a line after a
#: comma
_SENT_END = re.compile(
    # (not after an abbreviation's stop: "pågår t.o.m. 2016-12-31", "ca. 300 000 kr")
    r"(?<=[.!?])(?<!t\.o\.m\.)(?<!fr\.o\.m\.)(?<!t\.ex\.)(?<!bl\.a\.)(?<!\bca\.)(?<!\bkl\.)"
    r"\s+(?=[\"”“'(]?[A-ZÅÄÖÉ0-9])|(?<=:)\s*\n|\n(?=(?:\d{1,2}[.)]|[–•])\s+\S)"
    r"|(?<=,)\n(?=att\s)"  # one att-sats per line: "…, \natt utöka …"
    r"|\n(?=\(?[a-h]\)\s+\S)"  # lettered items: "a) att bevilja …,\nb) att …"
    # a labelled field on a line of its own: "Beräknad kostnad: 800 000 kronor\nKlar: …"
    r"|\n(?=[A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){0,2}:\s+\S)"
)


def sentences(lines: Sequence[str], page_nos: Sequence[int] | None = None) -> list[Sentence]:
    """Split a run of lines into sentences (a sentence may run over several lines)."""
    text = ""
    owner: list[int] = []
    for i, ln in enumerate(lines):
        seg = ln.strip()
        if not seg:
            continue
        if text:
            text += "\n"
            owner.append(i)
        text += seg
        owner.extend([i] * len(seg))
    out: list[Sentence] = []
    start = 0
    bounds = [m.start() for m in _SENT_END.finditer(text)] + [len(text)]
    for b in bounds:
        chunk = text[start:b]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            first = owner[start + lead] if start + lead < len(owner) else owner[-1]
            last = owner[max(start, b - 1)] if owner else 0
            joined = dehyphen_join(chunk.strip().split("\n"))
            page = page_nos[first] if page_nos else 0
            out.append(Sentence(joined, first, last, page))
        start = b
    return out


def is_break(prev: str, nxt: str) -> bool:
    """Does a blank line between `prev` and `nxt` end a paragraph? Not when the sentence
    obviously goes on: the next line starts in lower case after no final punctuation, or a
    line of running text that ends in a lower-case word goes on with a number that is not
    a list enumerator ("… har nämnden avsatt totalt" / "500 000 kronor för …")."""
    p = prev.rstrip()
    n = nxt.lstrip()
    if not p or not n:
        return True
    if p[-1:] in ".!?:":
        return True
    if n[:1].islower():
        return False
    return not (
        n[:1].isdigit()
        and not _ENUMERATOR.match(n)
        and p[-1:].islower()
        and len(p.split()) >= _MIN_RUNNING_WORDS
    )


_ENUMERATOR = re.compile(r"^\d{1,2}\s?[.):]\s")
_MIN_RUNNING_WORDS = 6


def paragraphs(
    lines: Sequence[str], page_nos: Sequence[int] | None = None, headings: Sequence[bool] = ()
) -> list[Paragraph]:
    """Paragraphs of a run of lines: split at blank lines (unless the sentence goes on) and
    at headings; each with its sentences."""
    # several readers of one document's body ask for the same paragraphs: split them once
    pages = tuple(page_nos) if page_nos is not None else None
    return list(_paragraphs(tuple(lines), pages, tuple(headings)))


@lru_cache(maxsize=4)
def _paragraphs(
    lines: tuple[str, ...], page_nos: tuple[int, ...] | None, headings: tuple[bool, ...]
) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    cur: list[int] = []

    def flush() -> None:
        if cur:
            idx = list(cur)
            sents = sentences(
                [lines[i] for i in idx], [page_nos[i] for i in idx] if page_nos else None
            )
            sents = [Sentence(s.text, idx[s.first], idx[s.last], s.page_no) for s in sents]
            text = " ".join(s.text for s in sents)
            out.append(Paragraph(idx[0], idx[-1], text, tuple(sents)))
            cur.clear()

    last_text = ""
    blank_since = False
    for i, ln in enumerate(lines):
        is_head = bool(headings) and headings[i]
        if not ln.strip():
            blank_since = True
            continue
        if is_head:
            flush()
            out.append(
                Paragraph(
                    i, i, ln.strip(), (Sentence(ln.strip(), i, i, page_nos[i] if page_nos else 0),)
                )
            )
            last_text = ""
            blank_since = False
            continue
        if blank_since and cur and is_break(last_text, ln):
            flush()
        cur.append(i)
        last_text = ln
        blank_since = False
    flush()
    return tuple(out)


#: an item's number after the word for what it is: "Kriterium 1.", "Prioritet 2:"
NAMED_NUMBER = r"(?:[Kk]riteri(?:um|et)|[Pp]rioritet|[Vv]illkor)\s+\d{1,2}[.:)]"
_BULLET = re.compile(
    r"^\s*(?:[-–—•·*▪■o●e]\s+|\d{1,2}[.)]\s+|\d{1,2}\.\d{1,2}\.?\s+|[a-h][.)]\s+"
    rf"|{NAMED_NUMBER}\s+)"
)


_CHANGE_MARK = re.compile(
    r"\s*\((?:nytt|ny|nya|oförändrat|oförändrad|oförändrade|skärpt|ändrat|ändrad|justerat|"
    r"justerad|utökat|tidigare)\b[^()]*\)\s*$",
    re.IGNORECASE,
)


def clean_item_text(s: str) -> str:
    """A list item's text without its bullet, without trailing separators, one space."""
    s = _BULLET.sub("", s, count=1)
    s = re.sub(r"\s+", " ", s).strip()
    # "… som helhet. (nytt)", "(oförändrat)": the change from last year's list is no text of it
    s = _CHANGE_MARK.sub("", s)
    s = s.rstrip(" ,;")
    # "… tas till vara, och" ⏎ "d. kunna …": the list's joining word belongs to no item
    s = re.sub(r"[,;]?\s+(?:och|samt|eller)$", "", s)
    if s[:1].islower() and s.endswith(".") and not re.search(r"\b\w{1,3}\.\w{1,3}\.$", s):
        s = s[:-1]  # the last of a list's clauses ends the intro's sentence: no part of it
    return s


#: words of a heading that names a kind of project, not one project ("Ny studie 2018",
#: "Pågående projekt", "Övriga studier")
_GENERIC_WORDS = re.compile(
    r"^(?:nya?|nytt|pagaende|avslutade|fortsatta|fortsattning|ovriga|stadsovergripande|"
    r"(?:forsknings|utvecklings|fou-?)?projekt(?:en)?|studie[rn]?|studierna|ar|och|"
    r"(?:19|20)\d\d)$"
)


#: a year's label, no name: "År 2010", "2021–2022", "Budgetår 2019:"
_YEAR_LABEL = re.compile(
    r"(?:(?:år|året|budgetår|verksamhetsår)\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?:?"
    r"|(?:rad|nr|punkt)\s+\d{1,2}\.?",  # (a remark's label on a table's row: "Rad 2.")
    re.IGNORECASE,
)


def year_label(text: str) -> bool:
    """A year's label standing where a name would ("År 2010   620 000 kronor"), or a row's
    ("Rad 2. Projektet kom i gång …": a remark on row 2 of a table)."""
    return _YEAR_LABEL.fullmatch(text.strip()) is not None


def kind_label(text: str) -> bool:
    """A label of a kind of project alone on its line ("Nya projekt", "Fortsättningsprojekt",
    "Pågående studier")."""
    words = re.findall(r"[\w-]+", fold(text))
    if not 1 <= len(words) <= 3 or re.search(r"\d", text):
        return False
    compound = re.fullmatch(r"\w{4,}(?:projekt|studier)(?:en|na)?", words[0])
    return generic_heading(text) or (len(words) == 1 and compound is not None)


def generic_heading(text: str) -> bool:
    """A heading that names a kind of project, not one project ("Ny studie 2018")."""
    words = re.findall(r"[\w-]+", fold(text))
    return bool(words) and all(_GENERIC_WORDS.match(w) for w in words)


#: section names of the document itself, not of a project ("Ekonomi", "Bedömning av
#: ansökningarna", "Uppföljning och utvärdering")
_SECTION_WORDS = re.compile(
    r"^(?:ekonomi|ekonomin|ekonomiska|utfall(?:et)?|finansiering|kostnad(?:er|en|erna)?|budget|"
    r"kostnads(?:berakning|kalkyl|redovisning|sammanstallning|specifikation)\w*|"
    r"sammanstallning(?:en|ar)?|"
    r"bedomning(?:en|ar|arna)?|synpunkt(?:er|erna)?|beredning|bakgrund|sammanfattning|"
    r"forslag(?:et|en)?|beslut(?:et|en)?|konsekvens(?:er|erna)?|uppfoljning|utvardering|"
    r"resultat|slutsats(?:en|er|erna)?|tidplan|tidsplan|organisation|syfte|mal|metod|"
    r"ovrigt|inledning|underlag|remiss(?:en|er|erna|svar|svaret|var)?|yttrande|"
    r"ansokningar(?:na)?|kriterier|prioritering(?:en|ar|arna)?|bilag(?:a|an|or|orna)|"
    r"tabell(?:en|er)?|belopp|summa|redovisning|spridning|pagaende|kommande|planerade|"
    r"fortsatt(?:a)?|ovriga|sammanfatta(?:t|ning|nde)?|rapporter|slutrapporter|"
    r"erfarenheter|lardomar|analys|diskussion|kommentar(?:er|erna)?|publikationer|"
    r"kontakt(?:er|person|personer|uppgifter)?|referenser|kallor|litteratur|"
    r"yrkande(?:n|t|na)?|proposition(?:en|er)?|reservation(?:en|er)?|justering|omrostning|"
    # an answer's parts ("Svar på fråga 2", "Frågorna"): an interpellation's, a remiss's
    r"svar(?:et)?|frag(?:a|an|or|orna)|"
    r"beslutsgang|protokoll(?:et|santeckning|santeckningar)?|handlingar|"
    # a report's parts: staff, transfers of a result, grants to associations, key figures
    r"personal(?:en)?|resultatoverforing(?:en|ar)?|investering(?:ar|arna)?|lokaler(?:na)?|"
    r"arbetsmiljo(?:n)?|internkontroll(?:en)?|intern|nyckeltal(?:en)?|bidrag|"
    r"foreningsbidrag(?:en)?|verksamhet(?:en|er|erna)?|"
    # "Exempel på resultat", "Några exempel": the report's own illustrations
    r"exempel|nagra|"
    # a call's parts: "Inriktning för 2024", "Utlysning 2025", "Fokusområden"
    r"inriktning(?:en|ar|arna)?|utlysning(?:en|ar|arna)?|fokusomrade(?:n|na)?|"
    # an application's or a final report's parts: "Genomförande", "Målgrupp", "Sökande"
    r"genomforande(?:t)?|arbetssatt(?:et)?|malgrupp(?:en|er|erna)?|sokande(?:n)?|"
    r"projektagare(?:n)?|projektorganisation(?:en)?|styrgrupp(?:en)?|"
    # "Ändrade förutsättningar", "Förutsättningar för arbetet": the circumstances
    r"andrade?|forutsattning(?:ar|arna)?|"
    # a procurement's account ("Upphandling", "Nya beställningar", "Tilldelning")
    r"upphandling(?:en|ar|arna)?|bestallning(?:en|ar|arna)?|tilldelning(?:en)?|"
    # an agreement's clauses ("1. Parter", "3. Avtalstid", "4. Ersättning")
    r"parter(?:na)?|avtalsparter|avtalstid(?:en)?|ersattning(?:en)?|"
    # the city's parts a list groups its districts by ("VÄSTERORT", "Söderort")
    r"vasterort|soderort|innerstaden|ytterstaden|norrort)$"
)


def section_heading(text: str) -> bool:
    """A heading of the document's own parts ("Ekonomi", "Pågående arbete", "Spridning av
    resultaten"), not a project's name."""
    words = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text).split()  # "4. Bedömning …"
    if _STUDY_OF.match(fold(" ".join(words))):
        return False  # "Utvärdering av sociala insatsgrupper": a study's name
    if 0 < len(words) <= 7 and _APPLICATIONS_PART.match(fold(" ".join(words))):
        return True  # "Ansökningar som inte föreslås beviljas": the part on those turned down
    if len(words) > 1 and _WRITERS.match(fold(words[0])):
        words = words[1:]  # "Förvaltningens förslag per förvaltning": the writer's part
    if re.fullmatch(
        r"ekonomiskt?\s+(?:utfall|resultat|redovisning|uppfoljning)(?:\s+och\s+prognos)?",
        fold(" ".join(words)),
    ):
        # a report's "Ekonomiskt utfall", "Ekonomisk redovisning" ("Ekonomiskt bistånd …" is a
        # subject)
        return True
    if 0 < len(words) <= 8 and _OVERVIEW.match(fold(words[0])):
        return True  # "Sammanställning av studier finansierade med FUM": the document's table
    if 0 < len(words) <= 7 and _PART_OF.match(fold(" ".join(words))):
        return True  # "Bedömning av de kompletterade ansökningarna"
    if 0 < len(words) <= 5 and _CALL.fullmatch(fold(words[-1]).strip(".,:")):
        return True  # "Den kompletterande utlysningen": the call for applications, no project
    return 0 < len(words) <= 4 and bool(_SECTION_WORDS.match(fold(words[0]).strip(".,:")))


#: a call for applications or one of its rounds (a heading's last word)
_CALL = re.compile(r"(?:\w*utlysning|\w*ansokningsomgang|omgang)(?:en|ar|arna)?")


#: the writer's judgement or account of something, however it goes on
_PART_OF = re.compile(r"^(?:bedomning|beredning|bakgrund|sammanfattning)(?:en)?\s+(?:av|till)\s")


#: a heading over the document's own summary of its items, however long
_OVERVIEW = re.compile(r"^(?:sammanstallning|oversikt|forteckning)$")


#: the writer of the document, before the name of one of its parts
_WRITERS = re.compile(r"^\w*(?:forvaltningens|kontorets|namndens)$")


def turned_down_part(text: str) -> bool:
    """A heading or list introduction of the applications turned down ("Ansökningar som inte
    föreslås beviljas", "Avslagna ansökningar")."""
    return bool(
        _APPLICATIONS_PART.match(fold(re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text)))
    )


#: the document's part on the applications turned down
_APPLICATIONS_PART = re.compile(
    r"^(?:ansokningar(?:na)?\s+som\s+(?:inte|ej|avslas|avstyrks)\b|avslagna\s+ansokningar|"
    r"ej\s+beviljade\s+ansokningar|ansokningar\s+som\s+foreslas\s+(?:avslas|fa\s+avslag)|"
    # "Tidigare beviljade projekt som pågår": the part on those granted before
    r"tidigare\s+beviljade\s+(?:projekt|studier)(?:\s+som\s+\w+)?$)"
)


#: a study named for what it evaluates, not the document's own follow-up of its projects
_STUDY_OF = re.compile(
    r"^(?:utvardering|uppfoljning|analys|kartlaggning)\s+av\s+(?!(?:de\s+|dessa\s+)?"
    r"(?:projekten|projektet|studierna|studien|arbetet|verksamheten|resultaten|medlen|"
    r"insatserna|beslutet|ansokningarna|fou-arbetet|utvecklingsarbetet)\b)\S+"
)


#: a unit of a förvaltning ("ungdomsenheten", "Enheten för …", "äldreomsorgen",
#: "Fältassistenterna", "Mottagningsenheten för vuxna")
_UNIT_WORD = re.compile(
    r"\w*(?:enhet|avdelning|sektion|mottagning|omsorg|kansli|byra|assistent|fritidsgard)\w*\b"
)


def unit_at(text: str) -> int | None:
    """Where a förvaltning's unit is named in a text, or None."""
    m = _UNIT_WORD.search(fold(text))
    return m.start() if m else None


#: the full stop that ends a run-in heading's name ("Name. Studien följer …")
_RUN_IN_END = re.compile(r"(?<=[a-zåäö)])\.\s+(?=[A-ZÅÄÖ])")


def run_in_name(text: str) -> str:
    """A name printed run-in at the start of its paragraph ("Studie 1. Vägen ut ur
    bistånd. Studien följer …" after its label): the text to its first full stop."""
    end = _RUN_IN_END.search(text)
    return text[: end.start()] if end else text


#: a question word opening a report template's question
_ASKING = re.compile(r"^(?:vad|vem|vilka|vilken|vilket|nar|hur|varfor|var|vart|pa vilket)\b")


def template_question(text: str) -> bool:
    """A report template's question set as a heading or a label ("Vem genomför projektet?",
    "Vad kostade resan?"): no name of a project (a name may ask, "Kontaktperson eller
    stödfamilj?", but does not open with a question word)."""
    t = text.strip()
    return t.endswith("?") and _ASKING.match(fold(t)) is not None
