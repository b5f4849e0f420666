"""Projects that have a heading of their own: a short heading (or a "Projekt 1: Name",
"3.2 Name" label standing as a paragraph) followed by a paragraph that opens "Projektet
beviljades 350 000 kronor …" or by field lines ("Beviljat belopp: 0,82 mnkr", "Utförare:
…", "Status: pågår"). See :func:`find_headed_projects`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine, sentence_year
from pipeline.facts.describe import earlier_money, stated_amount
from pipeline.facts.drafts import cued_status
from pipeline.facts.field_lines import known_gap_field
from pipeline.facts.lists import owners_in
from pipeline.facts.prose import DONE, GRANTED, PlaceFinder, ProseProject, prose_status
from pipeline.facts.prose_fields import FIELD, its_cost, paragraph_at, section_fields, sought_sum
from pipeline.facts.text_units import (
    Sentence,
    dehyphen_join,
    run_in_name,
    section_heading,
    sentences,
)
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "TRIP_TO",
    "find_headed_projects",
    "is_bare_label",
    "numbered_title",
    "title_below",
    "unlabelled",
]


#: the first words of a paragraph that speaks of the project its heading names
_THIS_PROJECT = re.compile(
    r"^(?:projektet|studien|satsningen|utvecklingsarbetet|försöket|forsoket|insatsen)\b",
    re.IGNORECASE,
)
_MAX_HEADING_WORDS = 12


def find_headed_projects(
    lines: Sequence[BodyLine], sents: Sequence[Sentence], find: PlaceFinder
) -> list[ProseProject]:
    """Projects that have a heading of their own: a short heading followed by a paragraph
    that opens "Projektet beviljades 350 000 kronor på ansökan av Farsta …" (or "Studien
    genomförs …"): the heading is the name, the paragraph's first sentence gives the money,
    the owner and the status."""
    out: list[ProseProject] = []
    first_sentence: dict[int, Sentence] = {}
    for s in sents:
        first_sentence.setdefault(s.first, s)
    for i, ln in enumerate(lines):
        head_end: int | None = i
        if not ln.heading or ln.level == 1:
            # "Studie 1: Name" opening a paragraph of its own, its name wrapping onto a
            # second line, a blank line after it: a heading the layout did not mark
            head_end = _label_paragraph(lines, i)
            run = _LABELLED.match(ln.text.strip()) if head_end == i else None
            head_end = None if run and run.group(1) and _runs_on(lines, i, run[1]) else head_end
        # "Unga vuxna utan sysselsättning – en uppföljning i" ⏎ "Skärholmen" as a paragraph of
        # its own over "Studien följer …": a heading the layout did not mark
        titled = head_end is None and _title_paragraph(lines, i) is not None
        head_end = _title_paragraph(lines, i) if titled else head_end
        if head_end is None:
            continue
        head_end = _wrapped_label(lines, head_end)
        name = " ".join(lines[j].text.strip() for j in range(i, head_end + 1)).rstrip(":.")
        labelled: re.Match[str] | None = _LABELLED.match(name)  # "Projekt 1: Tidiga samtal"
        bare = _BARE_LABEL.match(name)
        if bare and bare.group("owner") and not find(bare.group("owner")):
            bare = None  # "DELPROJEKT A  Gemensam planering …": a label and its name
        if bare:
            # "PROJEKT 1" over "Tidiga insatser för barn": the name is the line below
            below = title_below(lines, head_end)
            if below is None:
                continue
            name, head_end = below
            labelled = bare
        if labelled and not bare:
            name = (labelled.group(1) or labelled.group(2)).strip()
        numbered = _SECTION_NUMBER.match(name)  # "3.2 Hemmasittare – …"
        if numbered:
            name = name[numbered.end() :].strip()
        longest = _MAX_HEADING_WORDS + (2 if titled else 0)
        if not name or len(name.split()) > longest or not name[:1].isupper():
            continue
        if re.search(r"\S\s{3,}\d{1,3}(?:[ .]\d{3})+\s*$", name):
            continue  # "Studie 1   Unga vuxna …     380 000": a table's row, no heading
        k = head_end + 1
        while k < len(lines) and not lines[k].text.strip():
            k += 1
        sent = first_sentence.get(k) or next((t for t in sents if t.first < k <= t.last), None)
        end = next(
            (
                j
                for j in range(k, len(lines))
                if (lines[j].heading and not (labelled and _part_of_project(lines[j])))
                or _label_paragraph(lines, j)
            ),
            len(lines),
        )
        if labelled and k < end and lines[k].heading and not bare:
            # "Projekt A: Name" over "Syfte", "Målgrupp", "Tidsplan" …: the project's text is
            # its parts; the first sentence is the first part's
            k = next(
                (j for j in range(k + 1, end) if lines[j].text.strip() and not lines[j].heading), k
            )
            sent = first_sentence.get(k, sent)
        fields = section_fields(lines, k, end)
        if fields:
            # a numbered section that prints its project's fields ("Beviljat belopp: 0,82
            # mnkr", "Utförare: …", "Status: pågår")
            sent = fields.get("amount") or sent
            labelled = labelled or numbered
        # "Studiebesök i Edinburgh" over "Förvaltningen ansöker … om medel för ett
        # studiebesök i Edinburgh …": a paragraph that applies for what its heading names
        named_here = (
            sent is not None
            and _APPLIES_FOR.search(fold(sent.text)) is not None
            and len(name.split()) >= 2
            and not section_heading(name)
            and fold(name) in fold(" ".join(sent.text.split()))
        )
        trip = TRIP_TO.match(name) is not None  # (over "Förvaltningen söker medel för …")
        costed: Sentence | None = None  # (a paragraph ending "Studien kostade 650 000 kr.")
        if sent is not None and not (
            labelled or named_here or trip or _THIS_PROJECT.match(sent.text.strip())
        ):
            sent = costed = its_cost(sents, lines, k, name)
        if sent is None:
            continue
        if not (labelled or named_here) and section_heading(name):
            continue  # "Exempel på resultat" over "Projektet Trygg hemgång i Bromma …"
        f = fold(sent.text)
        amounts = [a for a in find_amounts(sent.text) if a.per is None]
        row: Sentence | None = None
        history = labelled and bool(amounts) and earlier_money(sent.text)
        if (bare or named_here or trip or history or ((labelled or titled) and not amounts)) and (
            "amount" not in fields
        ):
            # the sum its text states: "Kostnad: För 2004 söks 180 000 kronor och för 2005
            # 130 000 kronor, sammanlagt 310 000 kronor"
            stated = stated_amount("\n".join(lines[j].text for j in range(k, end)))
            if trip:
                # "Studiebesök i Rotterdam" over "… avsatt 200 000 kr för studiebesök … Kista
                # har ansökt om 18 000 kr för att …": the trip's sum is the one sought
                stated = sought_sum(lines, k, end) or stated
            if stated is not None:
                said = _sentence_of(lines, k, end, stated[1])
                # (a labelled row's sum: the row is its evidence, the text still its owner's)
                row = None if said is not None else _row_of(lines, k, end, stated[1])
                amounts, sent = [stated[0]], said or sent
            elif named_here:
                # "… per deltagare, sammanlagt 22 000 kronor": the last sum its text states
                text = " ".join(lines[j].text.strip() for j in range(k, end))
                amounts = [a for a in find_amounts(text) if a.per is None][-1:]
        if not labelled and not amounts and not (GRANTED.search(f) or DONE.search(f)):
            continue
        applies = _SOUGHT_HERE.search(fold(description_text(lines, k, end)))
        if titled and (not amounts or (applies and not trip)):
            # (a title over a text that states no sum: a part of the report; or over an
            # application's text, whose sum sought the application's readers take)
            continue
        status = prose_status(f)
        if "status" in fields:
            status = cued_status(fields["status"].text.split(",")[0], None) or status
        out.append(
            ProseProject(
                name=name,
                places=[
                    *(find(bare.group("owner")) if bare and bare.group("owner") else []),
                    *owners_in(paragraph_at(lines, k) if sent is costed else sent.text, find),
                ],
                amount=amounts[0] if amounts else None,
                status=status,
                sentence=row or sent,
                fund_text=sent.text,
                description="\n".join(lines[j].text for j in range(k, end)),
                year=sentence_year(fields["year"].text) if "year" in fields else None,
                performer=fields["performer"].text if "performer" in fields else None,
            )
        )
    return out


#: a sentence that applies for money, or grants it
_APPLIES_FOR = re.compile(r"\b(?:ansoker|soker|ansokt|beviljas|beviljades|tilldelas)\b")

#: the parts of an application's project under its "Projekt A: Name" label
_PROJECT_PART = re.compile(
    r"^(?:syfte|mal|malgrupp|bakgrund|metod|genomforande|tidsplan|tidplan|projektperiod|period|"
    r"uppfoljning|utvardering|kostnad\w*|budget|finansiering|samverkan|organisation|"
    r"resultat|malsattning|aktiviteter|ansvarig\w*|deltagare|forvantade resultat)$"
)


def _part_of_project(ln: BodyLine) -> bool:
    name = re.sub(r"\s*\([^)]*\)\s*$", "", fold(ln.text.strip(" :.")))  # "Budget (kronor)"
    # "Medsökande: Spånga-Tensta stadsdelsförvaltning" under the label: a field of it
    field = re.match(
        r"(medsokande|sokande|samverkanspart\w*|projektledare|kontaktperson)\s*:", name
    )
    # "Budget för år två", "Kostnader 2019": the project's money part, however worded
    money = re.match(r"(?:budget|kostnad\w*|kostnadsberakning|finansiering)\b", name)
    return ln.level != 1 and bool(
        _PROJECT_PART.match(name) or field or (money and len(name.split()) <= 5)
    )


#: a numbered section heading: "3.2 Name" (two levels at least, or "3. Name" is a list item)
#: (or a capital letter: "B.  Äldre med psykisk ohälsa i hemtjänsten")
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?|[A-H]\.)\s+(?=[A-ZÅÄÖ])")
#: a word a name cannot end in: the heading goes on on the next line
_OPEN_END = re.compile(
    r"\b(?:i|på|för|och|av|med|till|om|mot|vid|inom|kring|hos|från|utan|efter|under|som|"
    r"samt|eller|en|ett|den|det|de)$"
)


_SOUGHT_HERE = re.compile(r"\b(?:soks|soker|ansoker|sokes)\b")


def description_text(lines: Sequence[BodyLine], k: int, end: int) -> str:
    return " ".join(lines[j].text for j in range(k, end))


_NO_TITLE = re.compile(r":|\bdnr\b|\d+[-/.]\d+|\s{3,}", re.IGNORECASE)


def _title_paragraph(lines: Sequence[BodyLine], i: int) -> int | None:
    """The last line of a title standing as a paragraph of one or two lines (blank lines
    around it, a capital, no full stop, a few words) right over a paragraph that opens by
    speaking of it ("Studien följer …", "Projektet har …"), or None."""
    text = lines[i].text.strip()
    if not text[:1].isupper() or (i > 0 and lines[i - 1].text.strip()):
        return None
    last = i if i + 1 < len(lines) and not lines[i + 1].text.strip() else i + 1
    if last >= len(lines) or last + 1 >= len(lines) or lines[last + 1].text.strip():
        return None
    words = " ".join(lines[j].text.strip() for j in range(i, last + 1))
    if words.endswith((".", ":", ",")) or len(words.split()) > _MAX_HEADING_WORDS + 2:
        return None
    if section_heading(words) or find_amounts(words) or _NO_TITLE.search(words):
        return None  # (a heading of the report's own, a sum, a field, a dnr or a date)
    k = last + 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    if k >= len(lines):
        return None
    # ("Studiebesök i Göteborg – stöd till …" over "Förvaltningen söker medel för …")
    return last if _SPEAKS_OF_IT.match(lines[k].text.strip()) or TRIP_TO.match(words) else None


def _wrapped_label(lines: Sequence[BodyLine], last: int) -> int:
    """The last line of a heading that wraps: "Projekt 2. Strukturerade bedömningar i" over
    "barnavårdsutredningar" and a blank line (or the paragraph's first sentence: "Studien
    följer …")."""
    j = last + 1
    if (
        j < len(lines)
        # (a place's name after a heading's open last word: "… i Husby och" ⏎ "Akalla")
        and (lines[j].text.strip()[:1].islower() or _ENDS_OPEN.search(lines[last].text.rstrip()))
        and len(lines[j].text.split()) <= 6
        and not lines[j].text.rstrip().endswith((".", ","))
        and not lines[last].text.rstrip().endswith((".", ",", ":"))
        and (
            j + 1 >= len(lines)
            or not lines[j + 1].text.strip()
            or _RULE.match(lines[j + 1].text.strip())
            or _SPEAKS_OF_IT.match(lines[j + 1].text.strip())
            # ("… för personer med" ⏎ "missbruk": the heading cannot end on a small word)
            or _ENDS_OPEN.search(lines[last].text.rstrip())
        )
    ):
        return j
    return last


_ENDS_OPEN = re.compile(r"\s(?:med|för|och|i|av|till|om|på|mot|inom|vid|hos)$")


def _runs_on(lines: Sequence[BodyLine], last: int, text: str) -> bool:
    """A label's text runs on into its paragraph ("Uppdrag 4. USK bearbetar stadens" ⏎
    "statistik …"): no name (not "… i sex" ⏎ "stadsdelar", a name's last word, over fields)."""
    nxt = lines[last + 1].text.strip() if last + 1 < len(lines) else ""
    if len(nxt.split()) < 5 or run_in_name(text) != text or _wrapped_label(lines, last) != last:
        return False
    return nxt[:1].islower() or text.rstrip().endswith("-") or bool(_ENDS_OPEN.search(text))


#: the first sentence of a project's text speaks of it: "Studien följer …", "Projektet har …"
_SPEAKS_OF_IT = re.compile(
    r"^(?:Studien|Projektet|Utvärderingen|Kartläggningen|Uppdraget|Satsningen|Insatsen|"
    r"Försöket|Resan|Studieresan|Syftet|Målet)\b"
)


def _label_paragraph(lines: Sequence[BodyLine], i: int) -> int | None:
    """The last line of a "Studie 1: Name" or "3.2 Name" label that stands as a paragraph of
    its own (one or two lines between blank lines), or None."""
    text = lines[i].text.strip()
    labelled = _LABELLED.match(text)
    if labelled is not None and labelled.group(1) is None:
        labelled = None  # ("Projektet Trygg hemma startade …" opens a paragraph: no label)
    if not (labelled or _SECTION_NUMBER.match(text) or _BARE_LABEL.match(text)):
        return None
    above = lines[i - 1] if i > 0 else None
    if above and above.text.strip() and not (_RULE.match(above.text.strip()) or above.heading):
        return None  # (a label between blank lines, or drawn rules, or under a heading)
    if _BARE_LABEL.match(text):
        return i  # "PROJEKT 2" over its name: the name is read below the label
    if (
        labelled
        and not re.search(r"[.!?](?:\s|$)", labelled.group(1))
        and len(labelled.group(1).split()) <= _MAX_HEADING_WORDS
    ):
        return i  # "Delprojekt A. Tidig kontakt med unga" over its text, no blank between
    for last in (i, i + 1):
        if last >= len(lines) or not lines[last].text.strip():
            return None
        if last + 1 >= len(lines) or not lines[last + 1].text.strip():
            return last if not lines[last].text.rstrip().endswith(".") else None
    return None


#: a label with no name of its own: "PROJEKT 1", "Delprojekt B", "Studie nr 2"
_BARE_LABEL = re.compile(
    r"^(?:delprojekt|projekt|studie|delstudie|utvärdering|uppdrag)\s+(?:nr\.?\s*)?"
    # "Projekt 96:02  Vantör": a register number, and the owner a column gap after it
    r"(?:\d{1,2}|[A-H]|\d{2,4}[:/]\d{1,3})\s*[:.]?"
    # "Projekt 1 – LUM": the fund it applies to, the name below
    r"(?:\s*[–-]\s*(?:LUM|MUL|MUST|FUM|FoU)(?:-medel)?)?"
    r"(?:\s{2,}(?P<owner>[A-ZÅÄÖ][\w -]{2,40}))?$",
    re.IGNORECASE,
)


def is_bare_label(text: str) -> bool:
    """A project's label with no name of its own: "PROJEKT 1", "Delprojekt B"."""
    bare = _BARE_LABEL.match(text.strip())
    return bare is not None and not bare.group("owner")


def unlabelled(name: str) -> str:
    """A name without the label it was printed after ("Projekt 1: Name" → "Name")."""
    m = _LABELLED.match(name.strip())
    return (m.group(1) or m.group(2)).strip() if m else name


def numbered_title(lines: Sequence[BodyLine], name: str, row_text: str = "") -> str | None:
    """The name of the project labelled "Projekt 2" (over its name) or "Studie B. Name" that
    a table's row "2" or "B  Short name" refers to (a closing table of sums that names the
    projects by their numbers or letters), or None."""
    mark = re.match(r"\s*([A-H]|\d{1,2})(?:\s{2,}|\s*$)", row_text or name)
    if not mark or not (re.fullmatch(r"\d{1,2}", name.strip()) or row_text):
        return None
    token = mark.group(1)
    for k, ln in enumerate(lines):
        text = ln.text.strip()
        bare = _BARE_LABEL.match(text)
        if bare and not bare.group("owner") and re.search(rf"\b{token}\W*$", text):
            below = title_below(lines, k)
            return below[0] if below else None
        labelled = _LABELLED.match(text)
        if labelled and _TRIP_LABEL.match(text):
            continue  # ("Studieresa 1. Aarhus – …": a trip, named by where it goes)
        if labelled and re.match(rf"\w+\s+{token}\s*[:.–-]", text):
            end = _wrapped_label(lines, k)
            joined = " ".join(lines[j].text.strip() for j in range(k, end + 1))
            name = _LABELLED.match(joined).group(1)  # type: ignore[union-attr]
            if _runs_on(lines, end, name):
                return None
            return run_in_name(name).strip(" .:")  # ("Studie 1. Name. Studien följer …")
    return None


def title_below(lines: Sequence[BodyLine], head_end: int) -> tuple[str, int] | None:
    """The name printed on the line under a bare "Projekt 1" label, and its last line: a
    short line that is no sentence, no field and no part heading ("Syfte")."""
    j = head_end + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    if j >= len(lines):
        return None
    text = lines[j].text.strip()
    last = j
    nxt = lines[j + 1].text.strip() if j + 1 < len(lines) else ""
    if text.endswith("-") and nxt and ":" not in nxt:
        text, last = dehyphen_join([text, nxt]), j + 1  # a name hyphenated over two lines
    elif text[:1] in '"”“' and text.count(text[0]) == 1 and nxt[-1:] in '"”“':
        text, last = f"{text} {nxt}", j + 1  # a quoted name wrapped onto a second line
    elif (
        _OPEN_END.search(text)
        and nxt[:1].islower()
        and len(nxt.split()) <= 6
        and not nxt.endswith(".")
    ):
        text, last = f"{text} {nxt}", j + 1  # "… unga vuxna med" ⏎ "försörjningsstöd"
    text = text.strip('"”“ ')
    if (
        not text[:1].isupper()
        or len(text.split()) > _MAX_HEADING_WORDS
        or text.endswith(".")
        or ":" in text
        or _part_of_project(lines[j])
        or FIELD.match(text)
        or known_gap_field(text)  # ("Projekt      Name" under the label: a block of fields)
    ):
        return None
    return text, last


def _sentence_of(lines: Sequence[BodyLine], k: int, end: int, text: str) -> Sentence | None:
    """The body sentence whose text is ``text`` (its lines), or None."""
    for s in sentences([lines[j].text for j in range(k, end)]):
        if s.text == text:
            return Sentence(s.text, s.first + k, s.last + k, lines[s.first + k].page_no)
    return None


def _row_of(lines: Sequence[BodyLine], k: int, end: int, text: str) -> Sentence | None:
    """The labelled row of a cost table whose text is ``text`` ("Sökt belopp LUM
    420 000"), as a sentence of its own, or None."""
    if not text[:1].isalpha():
        return None
    j = next((j for j in range(k, end) if lines[j].text.strip() == text.strip()), None)
    return None if j is None else Sentence(lines[j].text.strip(), j, j, lines[j].page_no)


#: a heading that labels a project: "Projekt 1: Name", "Delprojekt B – Name", "Studie 2. Name"
_LABELLED = re.compile(
    # ("DELPROJEKT 2   Ekonomisk rådgivning …": the name a column gap after the label)
    r"^(?:delprojekt|projekt|studie|utvärdering|uppdrag|studiebesök|studieresa)\s+(?:\d{1,2}|[A-H])(?:\s*[:.–-]|\s{2,})"
    r"\s*(\S.+)$"
    # "Projektet Sommarvistelse för barn …" as a heading: the kind, then the name
    r"|^(?:projektet|studien)\s+((?-i:[A-ZÅÄÖ])[^.]+)$",
    re.IGNORECASE,
)
_RULE = re.compile(r"^[-–—=_]{4,}$")
_TRIP_LABEL = re.compile(r"^(?:studiebesök|studieresa)\b", re.IGNORECASE)
#: a trip named by where it went: "Studiebesök i Malmö", "Studieresa till Bergen"
TRIP_TO = re.compile(
    r"^(?:studiebesök|studieresa|studieresan)\s+(?:i|till|hos)\s+(?-i:[A-ZÅÄÖ])", re.IGNORECASE
)
