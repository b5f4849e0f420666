"""Project tables as they come out of text extraction or OCR.

A project table starts with a *header line* whose words are column names from the
``table_header`` vocabulary (Projekt/Studie/Uppdrag, Genomförs av/Utförare, Klart/Slutdatum,
Kostnad/Belopp, Stadsdel …): at least three different column roles and little else.

Rows: the cells of a row may be separated by "|", by two or more spaces, or (in OCR) by a
single space, and a row may wrap over several lines. A row begins at a line that carries its
own cost (or, in a table without a cost column, its end date); the lines after it, up to the
next such line, continue it. Each anchor line is read by type from the right: the cost is the
last amount, the end date the date before it ("30 juni 2019", "Mars 2019", or a day
and month whose year is printed on the next line), and the text before it holds the name
and the performer. The performer starts at "|" or a wide gap when the text has one, else at
the first known organisation, else at the capitalised run that holds a performer word
("Associates", "högskola", "FoU" …), else at the first capitalised word after the first word
(Swedish titles are written in sentence case, organisations are proper names).
Continuation lines add a year to a date printed without one, lower-case words to the name
and capitalised words to the performer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.facts.context import BodyLine
from pipeline.facts.cues import cue_hits
from pipeline.facts.end_dates import parse_end_cell, parse_end_date, season_end
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import find_amounts
from pipeline.lang.numbers import PRINTED_YEAR
from pipeline.understand.dates import parse_date

__all__ = [
    "TableRow",
    "find_tables",
    "header_columns",
    "parse_end_cell",
    "parse_end_date",
    "season_end",
]

_MIN_ROLES = 3
_MAX_HEADER_WORDS = 12
_MAX_ROW_WORDS = 16
_MAX_CELL_WORDS = 5  # a wrapped cell line holds a few words
_YEAR_TOKEN = re.compile(rf"^{PRINTED_YEAR}$")
_CELL_GAP = re.compile(r"\s*\|\s*|\s{2,}")
_TOTAL_ROW = re.compile(r"^(?:summa|totalt?|sammanlagt|s:a)\b", re.IGNORECASE)

OrgFinder = Callable[[str], list[tuple[int, int, str]]]  # (start, end, canonical name)
LeadPlace = Callable[[str], int]  # end of the district name a text starts with (0: none)


@dataclass
class TableRow:
    name: str
    performer: str | None
    end_date: dt.date | None
    end_raw: str | None
    cost: int | None
    cost_raw: str | None
    approximate: bool
    first_line: int
    last_line: int
    page_no: int
    evidence: str
    header: str
    name_rest: list[str] = field(default_factory=list)  # words that may belong to the performer
    district_text: str | None = None  # the district column, when the table has one
    header_line: int | None = None  # the table's header line (its intro sentence is above it)
    amount_kind: str = "project_cost"  # what the row's amount is ("other": sums applied for)
    decided: str | None = None  # a status the row's own cells decide ("": none)
    year: int | None = None  # the row's own year (a "Beviljat år" column)
    funder: str | None = None  # the row's cell in a "Finansiär" column, when there is one
    multi_year: bool = False  # its sum is the total of several years' sums (no single year)


#: a header cell that names the part a person has ("Roll", "Funktion", "Befattning")
_PERSON_ROLE_CELL = re.compile(
    r"(?:^|\s{2,}|\|)\s*(?:Roll|Funktion|Befattning|Roll i projektet)\s*(?:\s{2,}|\||$)"
)


def header_columns(text: str) -> list[str] | None:
    """The column roles of a header line, in order, or None when it is not a header."""
    words = text.split()
    if not words or len(words) > _MAX_HEADER_WORDS:
        return None
    if not (words[0][:1].isupper() or words[0].startswith("|")):
        return None  # a wrapped line of prose ("medel till sju projekt vid nio …")
    if (text.rstrip().endswith(".") or re.search(r"\w\.\s+[A-ZÅÄÖ]", text)) and not re.search(
        r"\S\s{2,}\S|\|", text.strip()
    ):
        # a sentence ("Farsta stadsdelsförvaltning ansöker om medel för tre projekt."), or
        # one that ends inside the line ("Åtta ansökningar har kommit in. Järva …")
        return None
    if re.search(r"\d{1,3}(?:[ \u00a0.]\d{3})+\b", text):
        return None  # a row with its sum ("Forskare, utvärdering   120 000 kr")
    if _PERSON_ROLE_CELL.search(text):
        return None  # "Roll   Namn   Organisation": who had which part in a project, no projects
    hits = cue_hits(text, "table_header")
    roles: list[str] = []
    covered = 0
    last_end = -1
    for h in hits:
        if h.start < last_end:
            continue
        covered += h.end - h.start
        last_end = h.end
        if h.value not in roles:
            roles.append(h.value)
    letters = sum(1 for c in text if c.isalpha())
    if len(roles) < _MIN_ROLES or covered < 0.6 * letters:
        return None
    return roles


def find_tables(
    lines: Sequence[BodyLine],
    find_orgs: OrgFinder | None = None,
    lead_place: LeadPlace | None = None,
) -> list[TableRow]:
    """Rows of every project table in the body. `lead_place(text)` gives the end of a district
    name at the start of a text (for tables with a district column and no cell separators)."""
    out: list[TableRow] = []
    i = 0
    while i < len(lines):
        roles = header_columns(lines[i].text)
        if roles is None:
            i += 1
            continue
        rows, end = _rows(lines, i, roles, find_orgs, lead_place)
        out.extend(rows)
        i = max(end, i + 1)
    return out


def _is_anchor(text: str, roles: list[str]) -> bool:
    if "cost" in roles:
        return bool(find_amounts(text))
    if "end" in roles:
        return parse_end_date(text) is not None
    return bool(_CELL_GAP.search(text.strip()))


def _rows(
    lines: Sequence[BodyLine],
    h: int,
    roles: list[str],
    find_orgs: OrgFinder | None,
    lead_place: LeadPlace | None = None,
) -> tuple[list[TableRow], int]:
    groups: list[list[int]] = []
    delimited = "|" in lines[h].text
    j = h + 1
    while j < len(lines):
        ln = lines[j]
        s = ln.text.strip()
        if not s:
            j += 1
            continue
        if (delimited and "|" not in s) or cue_hits(s, "list_end"):
            break  # prose after a "|" table, or the closing sentence ("Sammanlagt …")
        anchor = _is_anchor(s, roles)
        if anchor and not lines[j - 1].text.strip() and _sentence_line(s) and groups:
            break  # "X har ansökt om 60 000 kr för …." after a blank line: prose, no row
        if not anchor and (
            len(s.split()) > _MAX_ROW_WORDS or _heading_after_table(lines, j, roles)
        ):
            break
        if anchor:
            groups.append([j])
            if _TOTAL_ROW.match(s.lstrip("| ")):
                break  # the Summa row closes the table: what follows is prose
        elif groups:
            if len(groups[-1]) >= 4:
                break
            groups[-1].append(j)
        else:
            break
        j += 1
    rows = [_read_row(lines, g, roles, find_orgs, lines[h].text, lead_place) for g in groups]
    return [r for r in rows if r.name], (groups[-1][-1] + 1 if groups else h + 1)


def _sentence_line(s: str) -> bool:
    """A line of running prose: no gap between cells, a full stop at its end."""
    return not _CELL_GAP.search(s) and s.rstrip().endswith(".")


def _heading_after_table(lines: Sequence[BodyLine], j: int, roles: list[str]) -> bool:
    """A capitalised line ends the table when it is a heading or is followed by prose; a
    wrapped cell has a "|", starts in lower case, or is followed by another row or cell."""
    s = lines[j].text.strip()
    if "|" in s or s[:1].islower() or not s[:1].isalpha():
        return False
    k = j + 1
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    if k >= len(lines):
        return lines[j].heading
    nxt = lines[k].text
    if _is_anchor(nxt, roles):
        return False
    # followed by prose rather than by another wrapped cell
    return lines[j].heading or len(nxt.split()) > _MAX_CELL_WORDS


def _read_row(
    lines: Sequence[BodyLine],
    group: list[int],
    roles: list[str],
    find_orgs: OrgFinder | None,
    header: str,
    lead_place: LeadPlace | None = None,
) -> TableRow:
    anchor = lines[group[0]].text.strip()
    cells = [c.strip() for c in _CELL_GAP.split(anchor)]
    if len(cells) == len(roles) and all(cells):
        return _read_delimited(lines, group, roles, cells, header)
    cost = cost_raw = None
    approximate = False
    left = anchor
    amounts = find_amounts(anchor) if "cost" in roles else []
    if amounts:
        a = amounts[-1]
        cost, cost_raw, approximate = a.sek, a.raw, a.approximate
        left = anchor[: a.start]
    end_date = None
    end_raw = None
    end_needs_year = False
    if "end" in roles:
        d = parse_end_date(left)
        if d is not None:
            end_raw, end_date = d[2], d[3]
            end_needs_year = d[3] is None
            left = left[: d[0]]
    district_text = None
    left = left.strip(" |")
    if "district" in roles and lead_place is not None:
        cut = lead_place(left)
        if cut:
            district_text, left = left[:cut].strip(" ,|"), left[cut:].strip(" ,|")
    if "performer" in roles:
        name, performer = _split_name_performer(left, find_orgs)
    else:
        name, performer = left, ""
    name_parts = [name] if name else []
    perf_parts = [performer] if performer else []
    rest: list[str] = []
    for k in group[1:]:
        cells = [c for c in _CELL_GAP.split(lines[k].text.strip()) if c]
        tokens = " ".join(cells).split()
        if tokens and _YEAR_TOKEN.match(tokens[-1]) and end_needs_year and end_raw:
            end_raw = f"{end_raw} {tokens[-1]}"
            end_date = parse_date(end_raw)
            end_needs_year = False
            tokens = tokens[:-1]
            cells = _drop_last_token(cells)
        if len(cells) >= 2 and "|" in lines[k].text:
            name_parts.append(cells[0]) if cells[0][:1].islower() else perf_parts.append(cells[0])
            perf_parts.extend(c for c in cells[1:] if not _YEAR_TOKEN.match(c))
            continue
        n_low = 0
        depth = 0
        for t in tokens:  # lower-case words (and bracketed groups) continue the name
            depth += t.count("(") - t.count(")")
            if t[:1].islower() or t[:1] in "(" or depth > 0 or t.endswith(")"):
                n_low += 1
            else:
                break
        low = tokens[:n_low]
        if low and perf_parts and n_low == len(tokens) and len(low) > 1:
            rest = low[-1:]
        if low:
            name_parts.append(" ".join(low))
        if tokens[n_low:]:
            perf_parts.append(" ".join(tokens[n_low:]))
    if rest and find_orgs is not None and perf_parts:
        # a trailing lower-case word that completes a known organisation's name
        perf = " ".join(perf_parts)
        longer = f"{perf} {' '.join(rest)}"
        if any(e > len(perf) + 1 for _s, e, _n in find_orgs(longer)):
            perf_parts.append(" ".join(rest))
            last = name_parts[-1].split()
            name_parts[-1] = " ".join(last[: len(last) - len(rest)])
            rest = []
    evidence = " / ".join(lines[k].text.strip() for k in group)
    return TableRow(
        name=_tidy(dehyphen_join(name_parts)),
        performer=_tidy(" ".join(perf_parts)) or None,
        end_date=end_date,
        end_raw=end_raw,
        cost=cost,
        cost_raw=cost_raw,
        approximate=approximate,
        first_line=group[0],
        last_line=group[-1],
        page_no=lines[group[0]].page_no,
        evidence=evidence,
        header=header,
        name_rest=rest,
        district_text=district_text,
    )


def _read_delimited(
    lines: Sequence[BodyLine], group: list[int], roles: list[str], cells: list[str], header: str
) -> TableRow:
    """A row whose cells are separated by "|" or wide gaps, one cell per header column;
    continuation lines with the same number of cells extend each column."""
    cols: dict[str, list[str]] = {r: [c] for r, c in zip(roles, cells, strict=True)}
    for k in group[1:]:
        more = [c.strip() for c in _CELL_GAP.split(lines[k].text.strip())]
        if len(more) == len(roles):
            for r, c in zip(roles, more, strict=True):
                if c:
                    cols[r].append(c)
        else:
            cols.get("name", cols[roles[0]]).append(lines[k].text.strip())
    cost = cost_raw = None
    approximate = False
    if "cost" in cols:
        amounts = find_amounts(" ".join(cols["cost"]))
        if amounts:
            cost, cost_raw, approximate = amounts[-1].sek, amounts[-1].raw, amounts[-1].approximate
    end_date = end_raw = None
    if "end" in cols:
        d = parse_end_cell(" ".join(cols["end"]))
        if d is not None:
            end_raw, end_date = d[2], d[3]
    perf = _tidy(" ".join(cols.get("performer", []))) or None
    return TableRow(
        name=_tidy(dehyphen_join(cols.get("name", []))),
        performer=perf,
        end_date=end_date,
        end_raw=end_raw,
        cost=cost,
        cost_raw=cost_raw,
        approximate=approximate,
        first_line=group[0],
        last_line=group[-1],
        page_no=lines[group[0]].page_no,
        evidence=" / ".join(lines[k].text.strip() for k in group),
        header=header,
        district_text=_tidy(" ".join(cols.get("district", []))) or None,
    )


def _drop_last_token(cells: list[str]) -> list[str]:
    if not cells:
        return cells
    last = cells[-1].split()[:-1]
    return cells[:-1] + ([" ".join(last)] if last else [])


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" |,;")


def _split_name_performer(text: str, find_orgs: OrgFinder | None) -> tuple[str, str]:
    """Split the text before the date/cost into the name cell and the performer cell."""
    if not text:
        return "", ""
    m = _CELL_GAP.search(text)
    if m:
        return text[: m.start()].strip(), text[m.end() :].strip()
    if find_orgs is not None:
        orgs = [o for o in find_orgs(text) if o[0] > 0]
        if orgs:
            return text[: orgs[0][0]].strip(), text[orgs[0][0] :].strip()
    words = [(w.start(), w.group()) for w in re.finditer(r"\S+", text)]
    for h in cue_hits(text, "performer_word"):
        # the capitalised run that holds the performer word
        k = max(i for i, (s, _w) in enumerate(words) if s <= h.start)
        while k > 1 and (words[k - 1][1][:1].isupper() or words[k - 1][1] in ("i", "för", "vid")):
            k -= 1
        if k >= 1:
            return text[: words[k][0]].strip(), text[words[k][0] :].strip()
    for s, w in words[1:]:
        if w[:1].isupper():
            return text[:s].strip(), text[s:].strip()
    return text, ""
