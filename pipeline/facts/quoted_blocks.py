"""Projects printed as short paragraphs around a name in quotation marks.

How the documents print them
----------------------------

A district sharing its own development money among its units, or a committee listing the
applications it grants, may give each project a paragraph of its own: who applies on the
first line, the project's name in quotation marks, then a line with its sums; a blank line
before the next one::

    Barn och ungdom, mottagningen
    "Strukturerad förhandsbedömning med checklista"
    Sökt 150 000 kr. Föreslås 130 000 kr.

    Skärholmens stadsdelsförvaltning
    ”Läxhjälp med föräldramöten på
    biblioteket”
    Beviljas 80 000 kronor.

The applicant may also open the name's own line, a dash before the quote, and a few lines
describing the project may stand between the name and a money line that opens with its
label::

    Föreningen Exempel – ”Läxhjälp i centrum”
    Unga i årskurs 7–9 får stöd två kvällar i veckan, i samverkan med
    Farsta stadsdelsförvaltning.
    Sökt belopp: 300 000 kronor. Förslag: 250 000 kronor.

The applicant is then an organisation that carries the project out, and the districts are
those the description names as taking part.

The quoted name may wrap. The lines above it name the applicant: a district, else a unit
of the writing committee's own administration. The sum granted or proposed is the project's;
without one, the sum applied for. Two such paragraphs in a row at least make a list. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.item_parts import PlaceFinder, set_amount, tidy
from pipeline.facts.lists import ListRow, Place, in_runs
from pipeline.facts.participants import participants
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = ["find_quoted_blocks"]

_OPEN = "\"”“„«»'"
_MIN_BLOCKS = 2
_MAX_OWNER_LINES = 2
_MAX_NAME_LINES = 3
_MAX_MONEY_LINES = 3
_MIN_NAME_WORDS = 2
_MAX_DESCRIPTION_LINES = 6
_MAX_GAP = 4  # blank lines and page furniture between two blocks of one run
#: an applicant printed before the quoted name on its line: "Föreningen X – ”Name …"
_RUN_IN_OWNER = re.compile(r"^(?P<owner>[A-ZÅÄÖ][^\"”“„«»:]{2,80}?)\s+[–—-]\s+(?=[\"”“„«»])")
#: a money line's label: "Sökt belopp: …", "Förslag: …", "Beviljas …"
_MONEY_LABEL = re.compile(
    r"^(?:sokt|ansokt|ansokan|forslag|foreslas|foreslaget|bevilja\w*|belopp|bidrag)\b"
)
#: the words before a sum that grant or propose it
_GRANTED = re.compile(
    r"(?:bevilja\w*|tilldela\w*|foreslas|foreslagen|foreslaget|forslag|beslut\w*|bifall\w*)"
    r"[\w\s:]{0,12}$"
)


def find_quoted_blocks(
    lines: Sequence[BodyLine], find: PlaceFinder, own: Sequence[Place] = ()
) -> list[ListRow]:
    """Every run of two or more quoted-name paragraphs (see the module's docstring)."""
    rows = in_runs(
        (_block(lines, first, last, find, own) for first, last in _paragraphs(lines)), _MIN_BLOCKS
    )
    # every block of a run is introduced by what stands above the run's first one (a block's
    # own sentence about a later year is no intro of the next block)
    start: ListRow | None = None
    last_line = 0
    for r in rows:
        if start is None or r.first_line - last_line > _MAX_GAP:
            start = r
        r.intro_line = start.first_line
        last_line = r.last_line
    return rows


def _paragraphs(lines: Sequence[BodyLine]) -> list[tuple[int, int]]:
    """(first, last line) of each run of non-blank lines."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i, ln in enumerate(lines):
        if ln.text.strip():
            start = i if start is None else start
        elif start is not None:
            out.append((start, i - 1))
            start = None
    if start is not None:
        out.append((start, len(lines) - 1))
    return out


def _block(
    lines: Sequence[BodyLine], first: int, last: int, find: PlaceFinder, own: Sequence[Place]
) -> ListRow | None:
    """The project of one paragraph: applicant lines, a quoted name, money lines; or None."""
    texts = [lines[k].text.strip() for k in range(first, last + 1)]
    run_in = _RUN_IN_OWNER.match(texts[0])
    if run_in is not None:
        texts = [run_in["owner"], texts[0][run_in.end() :], *texts[1:]]
    opened = next((n for n, t in enumerate(texts) if t[:1] in _OPEN), None)
    if opened is None or opened > _MAX_OWNER_LINES or (run_in is not None and opened != 1):
        return None
    closed = next(
        (n for n in range(opened, len(texts)) if texts[n].rstrip(" .,")[-1:] in _OPEN), None
    )
    if run_in is not None and (closed is None or closed == len(texts) - 1):
        got = _run_in_paragraph(texts[1:])  # 'BROMMA – "Name". Description … (Sökt …)'
        if got is None:
            return None
        name_lines, described, money_lines = got
        owner_lines = texts[:1]
    else:
        if closed is None or closed - opened >= _MAX_NAME_LINES or closed == len(texts) - 1:
            return None
        owner_lines, name_lines = texts[:opened], texts[opened : closed + 1]
        described, money = _description_and_money(texts[closed + 1 :])
        if money is None:
            return None
        money_lines = money
    # lines describing the project stand under a run-in applicant's name, or under a
    # district's name on its own line ("Vantör sdn" over the quoted name)
    owned = run_in is not None or bool(owner_lines and find(" ".join(owner_lines)))
    if (
        money_lines is None
        or len(money_lines) > _MAX_MONEY_LINES
        or (described and not owned)
        or any(find_amounts(t) or t.endswith(".") for t in owner_lines)
    ):
        return None
    name = tidy(" ".join(name_lines).strip(_OPEN + " .,"))
    least = 1 if run_in is not None else _MIN_NAME_WORDS
    if len(name.split()) < least or any(c in name for c in '"”“„«»'):
        return None
    amount = _own_sum(" ".join(money_lines))
    if amount is None:
        return None
    places = find(" ".join(owner_lines)) if owner_lines else []
    performer = None
    if run_in is not None and not places:
        performer = owner_lines[0]
        places = participants(" ".join(described), find)
    row = ListRow(
        name,
        places or list(own),
        first,
        last,
        lines[first].page_no,
        " ".join(texts),
        description=" ".join(described) or None,
        form="intro_list",
        performer=performer,
        unit_applicant=bool(owner_lines) and not places and performer is None,
    )
    set_amount(row, amount, lines, first, last)
    return row


def _description_and_money(rest: Sequence[str]) -> tuple[list[str], list[str] | None]:
    """The lines after a quoted name: those describing the project, then the money lines
    (all of them when the first has a sum; else from the first line that opens with a money
    label). None for the money lines when there are none or the description is too long."""
    if not rest:
        return [], None
    if find_amounts(rest[0]):
        return [], list(rest)
    at = next((k for k, t in enumerate(rest) if _MONEY_LABEL.match(fold(t))), None)
    if at is None or at > _MAX_DESCRIPTION_LINES:
        return [], None
    return list(rest[:at]), list(rest[at:])


#: the quoted name that opens a run-in paragraph, and what follows it on its lines
_QUOTED_OPENING = re.compile(r"^[\"”“„«»]([^\"”“„«»]{3,200})[\"”“„«»]\s*[.,]?\s*(.*)$", re.S)
#: where a run-in paragraph's money starts: "(Sökt 420 tkr; föreslås 420 tkr; …)"
_MONEY_START = re.compile(r"\(?\b(?:sökt|ansökt|förslag|föreslås|beviljas|belopp)\b", re.I)


def _run_in_paragraph(texts: Sequence[str]) -> tuple[list[str], list[str], list[str]] | None:
    """(name, description, money) of a paragraph that goes on after its quoted name on the
    name's own line, its sums last: '"Digitalt stöd". Klienter erbjuds … (Sökt 420 tkr;
    föreslås 420 tkr.)'; None when it is not written so."""
    m = _QUOTED_OPENING.match(dehyphen_join(list(texts)))
    if m is None:
        return None
    rest = m.group(2)
    money = [s for s in _MONEY_START.finditer(rest) if find_amounts(rest[s.start() :])]
    if not money:
        return None
    at = money[0].start()
    described = rest[:at].strip()
    if len(described) > 600:
        return None
    return [m.group(1)], [described] if described else [], [rest[at:].strip(" ()")]


def _own_sum(text: str) -> AmountMatch | None:
    """The sum granted or proposed in a block's money lines, else the first sum."""
    found = [a for a in find_amounts(text) if a.per is None]
    if not found:
        return None
    granted = [a for a in found if _GRANTED.search(fold(text[max(0, a.start - 30) : a.start]))]
    return granted[-1] if granted else found[0]
