"""The labelled lines of a project's form (read by :mod:`pipeline.facts.field_blocks`):
"Label:   value" or a label and its value set in two columns ("Utförare     Provhögskolan"),
a value wrapped under itself, fields run on in one line ("Kostnad: 850 000 kr. Slutrapport:
december 2017."), and the label patterns that say what a field is (name, sum, period or
end, status, who carries it out, who owns it). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.facts.context import BodyLine
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.fuzzy import fold

__all__ = [
    "AMOUNT",
    "MIN_FIELDS",
    "CO_OWNER",
    "COST",
    "END",
    "FIELD",
    "GAP_FIELD",
    "KNOWN_LABELS",
    "NAME",
    "NOT_YET",
    "OWNER",
    "PERFORMER",
    "PERIOD",
    "REPORT_DUE",
    "RUN_ON_FIELD",
    "STATUS",
    "TOTAL",
    "YEAR_COST",
    "YEAR_FIELD",
    "activity_block",
    "field_of",
    "is_field",
    "known_gap_field",
    "gap_name_field",
    "name_like",
    "read_fields",
]


#: "Label:   value" (a label of at most four words)
FIELD = re.compile(
    r"^(?P<label>[A-ZÅÄÖ][\wåäöÅÄÖ.-]*(?:\s+[\wåäöÅÄÖ.-]+){0,3})\s*:\s+(?P<value>\S.*)$"
)
NAME = re.compile(
    r"^(?:projektnamn|projektets namn|namn pa projektet|projekt|studie|studiens namn|resmal|"
    r"studiebesok|studieresa|ansokan|ansokan avser|aktivitet)$"
)
#: the year a proposal or an application is for, after its label ("Förslag 2017:")
_FOR_YEAR = r"(?:\s+(?:for\s+|ar\s+)?(?:19|20)\d\d)"
AMOUNT = re.compile(
    r"^(?:beviljat belopp|beviljade medel|beviljat|belopp|tilldelat belopp|beviljas|forslag|"
    r"ersattning|"
    r"beviljat totalt|beviljade medel totalt|beviljat belopp totalt|"
    r"forvaltningens forslag|kontorets forslag|forslag till beslut|foreslaget|foreslaget belopp|"
    rf"foreslas|(?:forslag|foreslas|foreslaget belopp|beviljas){_FOR_YEAR})$"
)
#: what the project or trip costs, or the sum sought: its sum when nothing is granted
COST = re.compile(
    r"^(?:kostnad|beraknad kostnad|total kostnad|"
    # ("Sökt belopp LUM 2022": the fund sought between)
    rf"(?:sokt belopp|sokt|ansokt belopp)(?:\s+(?:lum|mul|must|fum|fou))?{_FOR_YEAR}?)$"
)
#: "Utförare          Institutet för …": a label, a gap, the value (a form set as two columns)
GAP_FIELD = re.compile(
    r"^(?P<label>[A-ZÅÄÖ][\wåäöÅÄÖ.-]*(?:\s[\wåäöÅÄÖ.-]+){0,2})\s{2,}(?P<value>\S.*)$"
)
#: the whole sum of a project whose cost is given per year ("Totalt  900 000 kr")
TOTAL = re.compile(r"^(?:totalt|summa|total kostnad|totalkostnad|kostnad totalt|totalt belopp)$")
#: a year's cost ("Kostnad 2025")
YEAR_COST = re.compile(r"^(?:kostnad|belopp|beviljat|budget)\s+(?:ar\s+)?(?:19|20)\d\d$")
#: the year a grant was made: "Beviljat år: 2009"
YEAR_FIELD = re.compile(r"^(?:beviljat ar|beviljad ar|beviljades ar|beviljningsar|ar)$")
#: a status that dates the report: "pågår, slutrapport i juni 2011"
REPORT_DUE = re.compile(r"slutrapport|klar\b|avslutas|avslutad|rapporteras")
#: an end field that says the work goes on ("pågår", "beräknas till mars 2005")
NOT_YET = re.compile(r"\b(?:pagar|beraknas|planeras|forsenad|preliminart)\b")
PERIOD = re.compile(
    r"^(?:projektperiod|period|tidsperiod|projekttid|genomforandeperiod|tidsplan|tidsram|tid|loptid|"
    r"genomforande|genomforandetid)$"
)
#: when the work ends or reports: "Slutrapport: december 2017", "Klart: juni 2016"
END = re.compile(
    r"^(?:slutrapport|klart|klar|klar senast|avslutas|slutdatum|redovisas|rapporteras|"
    r"avrapportering|slutredovisning|(?:beraknas|planeras)(?: vara)? klart?|beraknad slutrapport|"
    # "T.o.m.", "Till och med", "Pågår till": the last month of the work
    r"t\.? ?o\.? ?m\.?|till och med|pagar till|projektslut|slut|ny(?:tt)? slut\w*)$"
)
STATUS = re.compile(r"^(?:status|lage|projektstatus|beslut)$")
#: what a trip is about, beside its destination ("Resmål: Oslo" over "Syfte: …")
PURPOSE = re.compile(r"^(?:\w+s\s+)?(?:syfte|inriktning|tema|innehall|amne|andamal)$")
DESTINATION = re.compile(r"^(?:resmal|destination|resa till)$")  # a trip's name field
PERFORMER = re.compile(
    r"^(?:utforare|utvarderas av|utvarderare|genomfors av|genomford av|genomfort av|utford av|"
    r"forskare|uppdragstagare)$"
)
OWNER = re.compile(
    r"^(?:projektagare|sokande|stadsdel|stadsdelsomrade|stadsdelsforvaltning|stadsdelsnamnd|forvaltning|ansvarig|bestallare|"
    r"ansvarig enhet|"
    r"projektansvarig|ansvarig forvaltning|deltagande stadsdelar|deltagande forvaltningar|"
    r"deltagande stadsdelsforvaltningar|medverkande stadsdelar|stadsdelar|medverkande|"
    r"medverkande forvaltningar|medverkande stadsdelsforvaltningar)$"
)
#: a district applying beside the owner: "Medsökande: Skärholmens stadsdelsförvaltning"
CO_OWNER = re.compile(
    r"^(?:medsokande(?:\s+\w+)?|samverkanspart(?:er|ner)?|i samverkan med|samverkan)$"
)
#: a second field run on in the same line: "Kostnad: 850 000 kr. Slutrapport: december 2017."
#: (after a full stop, or a column gap: "… Utredning AB      Klar: december 2003")
RUN_ON_FIELD = re.compile(
    r"(?:(?<=[.;])\s+|\s{2,})(?=[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[\wåäö-]+){0,2}\s*:\s)"
)


_MARGIN_FIELD = re.compile(r"\s{2,}(?=[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[\wåäö-]+){0,2}\s*:\s)")


def read_fields(lines: Sequence[BodyLine], i: int) -> tuple[dict[str, tuple[int, str]], int]:
    """The labelled fields from line `i` on ({folded label: (line, value)}) and the line
    after the block."""
    out: dict[str, tuple[int, str]] = {}
    last: str | None = None
    col: int | None = None  # where the values of a form set as two columns start
    right: int | None = None  # ... or end, set flush right ("Fond            LUM")
    j = i
    while j < len(lines):
        text = lines[j].text.strip()
        if not text and j == i + 1 and lines[i].heading and out and NAME.match(next(iter(out))):
            # a name field wrapped onto a second line that the heading joined to its first
            # ("Studie: Äldre med missbruk i" ⏎ "hemtjänsten – en kartläggning"): the line
            # left blank is the heading's own
            j += 1
            continue
        if (lone := _LONE_LABEL.match(text)) and j + 1 < len(lines) and lines[j + 1].text.strip():
            # "Projektnamn:" ⏎ "Tidig samverkan …": a form's label over its value, which may
            # wrap over the lines up to the next label
            k = j + 1
            while k + 1 < len(lines) and k - j < 4 and _value_goes_on(lines[k + 1].text):
                k += 1
            last = fold(lone.group("label")).strip()
            out.setdefault(
                last, (j + 1, dehyphen_join([lines[x].text for x in range(j + 1, k + 1)]))
            )
            j = k + 1
            continue
        m = (
            FIELD.match(text)
            or known_gap_field(text)
            or _aligned_field(text, lines[j].indent, col)
            or _flush_right_field(text, lines[j].indent, right)
        )
        if m is None and col is not None and text and lines[j].indent + len(text) < col - 2:
            # "Fortsättning på tidigare    ☐ Ja  ☒ Nej" ⏎ "beviljat projekt?": a form's label
            # wrapped in its own column, no value beside it
            j += 1
            continue
        # (a name field under "Ansökan 1" names it; a second one opens the next block)
        if m and not (out and NAME.match(fold(m.group("label"))) and any(map(NAME.match, out))):
            if m.re is GAP_FIELD and not _TWO_CELLS.search(m.group("value")):
                col = lines[j].indent + m.start("value")
                right = lines[j].indent + len(text)
            last = fold(m.group("label")).strip()
            # two fields side by side: "Stadsdelsnämnd: Kista      Beviljat belopp: 180 000 kr"
            value, *margin = _MARGIN_FIELD.split(m.group("value").strip(), maxsplit=1)
            out[last] = (j, value.strip())
            more = FIELD.match(margin[0]) if margin else None
            if more is not None:
                out[fold(more.group("label")).strip()] = (j, more.group("value").strip())
        elif (
            text
            and last is not None
            and (
                lines[j].indent >= 8
                # any value that breaks off after a comma or a hyphen goes on ("Avdelning:
                # Individ- och familjeomsorg," ⏎ "enheten för ekonomiskt bistånd")
                or (text[:1].islower() and out[last][1].endswith((",", "-")))
                or (
                    (
                        text[:1].islower()
                        or out[last][1].endswith((",", "-"))
                        or _field_follows(lines, j + 1, out)
                    )
                    and any(p.match(last) for p in (NAME, OWNER, PERFORMER, PURPOSE))
                )
            )
        ):
            # a value wrapped under itself, or a name wrapped onto a line of its own (in lower
            # case, or after a comma: "Resmål: Oslo kommune," ⏎ "Norge"); a field
            # at its right margin is a field of its own ("socialt arbete     Klar: juni 2003")
            wrapped, *margin = _MARGIN_FIELD.split(text, maxsplit=1)
            k, value = out[last]
            out[last] = (k, dehyphen_join([value, wrapped]))
            more = FIELD.match(margin[0]) if margin else None
            if more is not None:
                out[fold(more.group("label")).strip()] = (j, more.group("value").strip())
        else:
            break
        j += 1
    return _run_on(out), j


#: a form's label alone on its line, its value on the lines under it
_LONE_LABEL = re.compile(r"^(?P<label>[A-ZÅÄÖ][\wåäöÅÄÖ.-]*(?:\s+[\wåäöÅÄÖ.-]+){0,3})\s*:$")


def _value_goes_on(text: str) -> bool:
    """A line under a lone label's value that goes on with it (no label, no blank)."""
    t = text.strip()
    return bool(t) and not _LONE_LABEL.match(t) and not FIELD.match(t)


def _field_follows(lines: Sequence[BodyLine], j: int, seen: dict[str, tuple[int, str]]) -> bool:
    """A field of the block not yet `seen` stands at line `j` or the one after it, with no
    blank line between: the lines before it go on with the field above ("Resmål: City of
    Edinburgh" ⏎ "Council, Skottland" ⏎ "Syfte: …"). A label the block has already had opens
    the next block, and the line before it names that block ("C   Barn i …" ⏎ "Utförare:")."""
    for k in (j, j + 1):
        if k >= len(lines) or not lines[k].text.strip():
            return False
        m = FIELD.match(lines[k].text.strip())
        if m:
            return fold(m.group("label")).strip() not in seen
    return False


def _aligned_field(text: str, indent: int, col: int | None) -> re.Match[str] | None:
    """A "Label   value" line of a form set as two columns whose value starts where the
    block's other values do ("Projektår        År 1 av 2" under "Projektets namn  …"),
    whatever its label."""
    m = _ALIGNED.match(text) if col is not None else None
    if m is None or (_TWO_CELLS.search(m.group("value")) and not _TICKS.search(m.group("value"))):
        # ("Farsta    Kvällsöppen fritidsgård    1 700": a table's row; "☐ Ja  ☒ Nej": ticks)
        return None
    return m if abs(indent + m.start("value") - (col or 0)) <= 1 else None


def _flush_right_field(text: str, indent: int, right: int | None) -> re.Match[str] | None:
    """A "Label        value" line of a card whose values stand flush right, ending where the
    block's first value ends ("Fond      LUM" under "Förvaltning      Bromma"): a label of
    a word or two, a wide gap, one value."""
    m = _ALIGNED.match(text) if right is not None else None
    if m is None or len(m.group("label").split()) > 2 or _TWO_CELLS.search(m.group("value")):
        return None
    gap = m.start("value") - m.end("label")
    return m if gap >= 6 and abs(indent + len(text) - (right or 0)) <= 1 else None


#: a form's row: any label of a few words ("Om ja, ange år och"), a gap, the value
_ALIGNED = re.compile(r"^(?P<label>[A-ZÅÄÖ]\S*(?:\s\S+){0,5}?)\s{2,}(?P<value>\S.*)$")
#: a value that is two cells of a table, not one field's
_TWO_CELLS = re.compile(r"\S\s{3,}\S")
#: a form's tick boxes, checked or not
_TICKS = re.compile(r"[☐☒☑□■✓✔]|\[\s?[xX]?\s?\]")


def known_gap_field(text: str) -> re.Match[str] | None:
    """A "Label   value" line whose label is one a project's form uses."""
    m = GAP_FIELD.match(text)
    if m is None:
        return None
    label = fold(m.group("label")).strip()
    if _COLUMN_WORD.fullmatch(fold(m.group("value")).strip()):
        return None  # "Aktivitet        Datum": a table's header, no field
    return m if any(p.match(label) for p in KNOWN_LABELS) else None


#: the name of a table's column standing alone as a "value"
_COLUMN_WORD = re.compile(
    r"datum|tid|tidpunkt|nar|belopp|kostnad|kronor|tkr|ansvarig|klart|klar|period|kommentar|"
    r"status|ar|manad|vecka|plats|ort"
)


def _run_on(fields: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Fields written one after another in a line ("Kostnad: 850 000 kr. Slutrapport: december
    2017.") become fields of their own."""
    out: dict[str, tuple[int, str]] = {}
    for label, (line, value) in fields.items():
        first, *rest = RUN_ON_FIELD.split(value)
        out[label] = (line, first.strip())
        for part in rest:
            m = FIELD.match(part.strip())
            if m is None:
                out[label] = (line, f"{out[label][1]} {part.strip()}")
            else:
                out.setdefault(fold(m.group("label")).strip(), (line, m.group("value").strip()))
    return out


#: other labels of a project's or a trip's form: who takes part, who leads it, how it is
#: followed up, what the applicant pays itself
FORM = re.compile(
    r"^(?:deltagare|antal deltagare|antal resenarer|resenarer|malgrupp|uppfoljning|"
    r"egen insats|egen finansiering|medfinansiering|kontaktperson|malsattning)$"
)
#: a card's fields of the money's source, the project's former name, what followed it and how
#: a trip went: "Finansiering      …", "Tidigare namn     …", "Fortsättning      …"
_OTHER_KNOWN = re.compile(r"(?:finansiering|tidigare namn|fortsattning|genomfort)$")
KNOWN_LABELS = (
    _OTHER_KNOWN,
    NAME,
    PURPOSE,
    CO_OWNER,
    FORM,
    AMOUNT,
    COST,
    PERIOD,
    END,
    STATUS,
    PERFORMER,
    OWNER,
    TOTAL,
    YEAR_COST,
    YEAR_FIELD,
)


def field_of(
    fields: dict[str, tuple[int, str]], pattern: re.Pattern[str]
) -> tuple[int, str] | None:
    return next((v for k, v in fields.items() if pattern.match(k)), None)


def is_field(text: str) -> bool:
    return bool(FIELD.match(text.strip()) or known_gap_field(text.strip()))


#: a block has its name and this many fields at least
MIN_FIELDS = 2
_MAX_HEAD_NAME_WORDS = 10


def gap_name_field(text: str) -> bool:
    """A "Projekt      Name" line: a name's label, a gap, the name."""
    gap = known_gap_field(text.strip())
    return gap is not None and bool(NAME.match(fold(gap.group("label")).strip()))


def name_like(text: str) -> bool:
    """A short line that could name a block: a capital, a few words, no full stop."""
    return (
        text[:1].isupper() and len(text.split()) <= _MAX_HEAD_NAME_WORDS and not text.endswith(".")
    )


#: a block's field that names the activity an organisation is granted money for
_ACTIVITY = ("verksamhet", "aktivitet")


def activity_block(
    fields: dict[str, tuple[int, str]], i: int, name: str, owned: bool
) -> dict[str, tuple[int, str]] | None:
    """ "1. Föreningen Studiebryggan" over "Verksamhet: Läxhjälp och …": the activity is the
    project, the organisation numbered over it (line `i`) carries it out, a district owns it
    (`owned`); None for a block without an activity field."""
    label = next((x for x in fields if x in _ACTIVITY), None)
    if label is None or "projekt" in fields:
        return None
    rest = dict(fields)
    activity = rest.pop(label)
    return {"projekt": activity, ("sokande" if owned else "utforare"): (i, name), **rest}
