"""The rows and tables a column-laid-out table is read into (by :mod:`pipeline.facts.grid`):
each row's text per column role and its money, the table's columns, Summa row and subtotals;
how a money cell reads, and the unit a caption over the header gives the money columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.facts.context import BodyLine
from pipeline.facts.grid_columns import fund_named
from pipeline.facts.grid_header import MONEY_ROLES, GridColumn, read_header, unit_multiplier
from pipeline.facts.header_roles import PAID_BACK
from pipeline.facts.money_headers import counts_caption
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.amounts import AmountMatch, find_amounts
from pipeline.lang.fuzzy import fold

__all__ = [
    "GridRow",
    "GridTable",
    "caption_unit",
    "instalments",
    "row_total",
    "read_number",
    "verdict_column",
    "proposal_in_verdict",
    "remark_verdicts",
]


@dataclass
class GridRow:
    """One row: the text of each column (wrapped lines joined), and its money."""

    cells: dict[str, list[str]]
    first_line: int
    last_line: int
    page_no: int
    evidence: str
    amount: int | None = None
    amount_raw: str | None = None
    amount_approx: bool = False
    amount_line: int | None = None
    multi_year: bool = False  # the row sums its years' sums in a "Summa" line of its own
    comment: bool = False  # a "Kommentar: …" line under the row began: the rest is its comment
    applied: int | None = None  # an "Ansökt belopp" column
    applied_raw: str | None = None
    applied_line: int | None = None
    #: the row's other money cells (a second year's grant; money spent or paid back):
    #: (kronor, raw, line, year, kind)
    extra: list[tuple[int, str, int, int | None, str]] = field(default_factory=list)
    #: the row's sum came from a "Totalt" column after the years: (kronor, raw, approximate,
    #: year) of the year's cell it replaced
    instalment: tuple[int, str, bool, int | None] | None = None
    amount_year: int | None = None  # the year its money column names ("2015")
    verdict: str | None = None  # a decision line under the row ("Beviljas: 12 000 kr")

    def text(self, role: str) -> str:
        return dehyphen_join(self.cells.get(role, []))


@dataclass
class GridTable:
    header_line: int
    columns: list[GridColumn]
    rows: list[GridRow] = field(default_factory=list)
    last_line: int = 0
    total: int | None = None
    total_raw: str | None = None
    total_line: int | None = None
    total_evidence: str = ""
    applied_total: int | None = None  # the Summa row's cell in the "Ansökt belopp" column
    applied_total_raw: str | None = None
    #: the Summa row's other money cells: (kronor, raw, kind, the column's year)
    total_extra: list[tuple[int, str, str, int | None]] = field(default_factory=list)
    #: "Summa <group>" rows inside the table: (kronor, raw, line, evidence)
    subtotals: list[tuple[int, str, int, str]] = field(default_factory=list)
    ruled: bool = False  # rows separated by drawn borders

    @property
    def roles(self) -> list[str]:
        return [c.role for c in self.columns]


#: a money cell without words: "150 000", "ca 1,5", "45 000:-"
_BARE_NUMBER = re.compile(
    r"^(?P<approx>(?:ca|cirka|drygt|knappt|omkring)\.?\s+)?"
    r"(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+|\d{1,3}(?:,\d{3}){2,}|\d+(?:,\d+)?)"
    r"(?:\s*(?:kr|kronor|sek|:-))?\.?\s?(?:\*{1,3}|[¹²³]|\s\d\))?$",  # a footnote mark after it
    re.IGNORECASE,
)


def read_number(text: str, multiplier: int) -> tuple[int, str, bool] | None:
    """A money cell: (kronor, raw, approximate). A bare number takes the column's unit."""
    s = re.sub(r"^[.'`|:]+(?=\d)", "", text.strip())  # (".265 000": a speck before the sum)
    # "+120 000", "−60 000" in a column of changes: the size of the change, printed signed
    # (and "- 1 150": a status bullet read as a hyphen before the row's sum; an en dash
    # spaced from a sum is an empty cell beside it)
    sign = re.match(r"^(?:[+−–-](?=\d)|[+-]\s(?=\d))", s)
    if sign is not None:
        got = read_number(s[sign.end() :], multiplier)
        return (got[0], s.rstrip("*¹²³ "), got[2]) if got is not None else None
    m = _BARE_NUMBER.match(s)
    if m:
        digits = re.sub(r"[ \u00a0.]", "", m.group("num"))
        value: float
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) and (multiplier == 1 or "," in digits[4:]):
            value = int(digits.replace(",", ""))  # "450,000" of an English sheet: kronor
        else:
            value = float(digits.replace(",", ".")) if "," in digits else int(digits)
        has_unit = bool(re.search(r"kr|kronor|sek", s, re.I))
        sek = int(round(value * (1 if has_unit and multiplier == 1 else multiplier)))
        if sek <= 0:
            return None
        return sek, s.rstrip("*¹²³ "), bool(m.group("approx"))
    found = find_amounts(s)
    if len(found) == 1 and len(found[0].raw) >= len(s) - 6:
        a = found[0]
        return a.sek, a.raw, a.approximate
    return None


#: a caption's statement of the table's unit ("Belopp i tkr", "Tabell 2 (mnkr)")
_CAPTION_UNIT = re.compile(
    r"(?:belopp|summor|kostnad\w*)\s+(?:anges\s+)?i\s+\w+|\(\s*\w+\s*\)\s*\.?$"
    # "Tabell 1. Medel inom avtalen 1999–2003, mnkr"
    # (… "åtagande, tkr. Belopp inom parentes är …": the unit ends the caption's sentence)
    r"|[,:]\s*(?:tkr|kkr|mnkr|mkr|tusentals? kronor|miljoner kronor)\s*(?:\.?$|\.\s)"
    # "… i nära relationer 2005," ⏎ "tkr": the caption's unit wrapped onto a line of its own
    r"|^(?:tkr|kkr|mnkr|mkr|tusentals? kronor|miljoner kronor)\s*\.?$",
    re.I,
)


_CAPTION_WORDS = 8


def header_goes_on(
    lines: Sequence[BodyLine], h: int, columns: Sequence[GridColumn] | None = None
) -> bool:
    """Is line `h` the second line of a header above it, whose first cell broke off at a
    hyphen at the margin ("Stadsdels-" over "nämnd")? A table is read from its first header
    line. Or is it only the words set over the money columns of the fuller header under it
    ("Sökt,   Förslag," over "Förvaltning   Projekt   Medel   kr   kr")? That header takes
    them in."""
    below = h + 1 < len(lines) and lines[h + 1].text.strip() and not lines[h + 1].indent
    if columns is not None and below and lines[h].indent > 2:
        fuller = read_header(lines, h + 1)
        if fuller is not None and len(fuller) > len(columns):
            return True
    if h == 0 or lines[h - 1].indent or lines[h].indent or lines[h - 1].heading:
        return False
    first = lines[h - 1].text.split("  ")[0].strip()
    return first.endswith("-") and " " not in first and lines[h].text[:1].islower()


def caption_paid_back(lines: Sequence[BodyLine], h: int) -> bool:
    """Is the table under line `h` captioned as money paid back (an investment fund's
    repayment plan), or as counting ("Tabell 1. Antal deltagare …")? Its numbers are
    repayments or counts, no grants: no table of projects."""
    if counts_caption([ln.text for ln in lines[max(0, h - 3) : h + 1]], min(h, 3)):
        return True
    for k in range(h - 1, max(-1, h - 4), -1):
        text = lines[k].text.strip()
        # (a caption, not a sentence about the table: "Tabellen visar … återbetalda medel")
        short = len(text.split()) <= _CAPTION_WORDS and not text.endswith(".")
        # ("Partnerskap, ersättning och återbetalning 2023": what each was paid, and paid back)
        paid = re.search(r"\b(?:ersattning|bidrag|beviljat?)\b", fold(text))
        if text and short and PAID_BACK.search(fold(text)) and not paid:
            return True
    return False


def caption_unit(lines: Sequence[BodyLine], h: int, columns: list[GridColumn]) -> None:
    """A table whose unit is given in its caption above the header ("Belopp i tkr"): bare
    numbers in its money columns are in that unit, unless a column names its own."""
    seen = 0
    for k in range(h - 1, max(-1, h - 5), -1):
        text = lines[k].text.strip()
        if not text:
            continue
        seen += 1
        if seen > 2 or len(text) > 90:
            break
        unit = unit_multiplier(text) if _CAPTION_UNIT.search(text) else 1
        if unit > 1:
            _in_unit(columns, unit)
            return
    # … or in a sentence of the paragraph that introduces it ("… vid årets slut. Belopp i
    # tkr. En positiv avvikelse …")
    k = h - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    paragraph: list[str] = []
    while k >= 0 and lines[k].text.strip() and len(paragraph) < 12:
        paragraph.insert(0, lines[k].text.strip())
        k -= 1
    said = _UNIT_SENTENCE.search(" ".join(paragraph))
    if said is not None and unit_multiplier(said.group()) > 1:
        _in_unit(columns, unit_multiplier(said.group()))


#: a sentence that gives a table's unit: "Belopp i tkr.", "Alla belopp anges i tusental kronor."
_UNIT_SENTENCE = re.compile(
    r"(?:^|[.:]\s)(?:alla\s+)?(?:belopp(?:en)?|summor(?:na)?)\s+(?:anges\s+|redovisas\s+|är\s+)?"
    r"i\s+(?:tkr|kkr|mnkr|mkr|tusentals?\s+kronor|tusental\s+kronor|miljoner\s+kronor)\b",
    re.I,
)


def _in_unit(columns: list[GridColumn], unit: int) -> None:
    """The money columns that name no unit of their own count in `unit`."""
    for col in columns:
        own_unit = re.search(r"\bkr\b|kronor|sek", col.header, re.I)
        if col.role in MONEY_ROLES and col.multiplier == 1 and not own_unit:
            col.multiplier = unit


def instalments(table: GridTable) -> None:
    """The Summa row sums a year's column and not the "Totalt" column: the year's cells are
    what is decided now (a plan's instalments of multi-year projects), each row's total over
    all its years is one more sum of the project, for no single year."""
    for r in table.rows:
        if r.instalment is None or r.amount is None or r.amount_raw is None:
            continue
        sek, raw, approx, year = r.instalment
        line = r.amount_line if r.amount_line is not None else r.first_line
        r.extra = [e for e in r.extra if not (e[0] == sek and e[1] == raw)]
        r.extra.append((r.amount, r.amount_raw, line, None, "project_cost"))
        r.amount, r.amount_raw, r.amount_approx = sek, raw, approx
        r.instalment = None


def money_column(columns: list[GridColumn]) -> GridColumn | None:
    """The column of each row's own sum: the grant or proposal beside a total cost ("Total
    kostnad kr | Föreslaget bidrag kr"), the part the deciding body pays ("Total kostnad |
    varav KS"), else the first money column; in an application's table of sums applied for
    only ("Projekt | Verksamhet | Sökt belopp"), that column."""
    costs = [c for c in columns if c.role == "cost"]
    share = [c for c in costs[1:] if re.match(r"varav\s+(?!(?:19|20)\d\d)", fold(c.header))]
    if len(share) == 1:  # ("Total budget | varav ESF | varav staden": the payers' shares)
        return share[0]
    # ("2025 (utfall) | 2026 (förslag)": last year's outcome beside the proposal)
    granted = [c for c in costs[1:] if _GRANT_HEADER.search(fold(c.header))]
    if granted and re.search(r"kostnad|utfall", fold(costs[0].header)):
        return granted[0]
    return next(iter(costs), None) or next((c for c in columns if c.role == "applied"), None)


_GRANT_HEADER = re.compile(r"bevilja|forslag|foresla|tilldela|bidrag")


#: a footnote's mark after a cell ("250 000 1)") and the footnote under the table ("1) …")
_MARK_AFTER = re.compile(r"\d\s(\d)\)(?:\s|$)")
_FOOTNOTE = re.compile(r"^(\d)\)\s+\S")


def table_lines(t: GridTable, lines: Sequence[BodyLine]) -> range:
    """The lines of a table, with the footnotes under it that its cells' marks point to
    ("1) Bedömt belopp 300 000 kronor …" under a row "… 250 000 1)"): no list of projects."""
    marks = {
        m for ln in lines[t.header_line : t.last_line + 1] for m in _MARK_AFTER.findall(ln.text)
    }
    end = t.last_line
    for k in range(t.last_line + 1, min(len(lines), t.last_line + 12)):
        text = lines[k].text.strip()
        if not text:
            continue
        m = _FOOTNOTE.match(text)
        if m is not None and m[1] in marks:
            end = k
        elif end > t.last_line and lines[k].indent >= 2:
            end = k  # (a footnote's wrapped line, indented under its text)
        elif end == t.last_line and "  " in text:
            continue  # ("Totalt   6 140 000" under the Summa: the table's last lines)
        else:
            break
    return range(t.header_line, end + 1)


def activity_list(table: GridTable) -> bool:
    """ "Aktivitet enligt ansökan | Genomfört | Kommentar": one project's planned activities,
    each done or not, without sums or owners -- no projects."""
    name = next((c for c in table.columns if c.role == "name"), None)
    said = [fold(r.text("status")) for r in table.rows]
    if (
        name is None
        or re.match(r"(?:planerad\w*\s+)?(?:aktivitet|moment|delmoment)", fold(name.header)) is None
        or money_column(table.columns) is not None
    ):
        return False
    # "Aktivitet | Ansvarig | Plats | Tid": a project's plan, who does each step, where and when
    heads = [fold(c.header).strip() for c in table.columns]
    if "ansvarig" in heads and any(re.match(r"(?:tid|tidpunkt|period|nar)$", h) for h in heads):
        return True
    return (
        not any(c.role in ("district", "performer", "performer_name") for c in table.columns)
        # (done or not, each: "Ja", "Nej", "Delvis")
        and bool(said)
        and all(re.match(r"(?:ja|nej|delvis)\b", s) for s in said)
    )


def _year_sum(sek: int | None) -> bool:
    return sek is not None and 1990 <= sek <= 2039


def words_in_money(table: GridTable) -> GridColumn | None:
    """ "Nr | Medel | Projekt | … | Total kostnad (kr)" over rows whose "Medel" cells say
    "LUM" or "MUL": the money column holds words in every row (the fund, not a sum), so it
    is no money column; returned so that the table is read again without it."""
    col = money_column(table.columns)
    # (a row of a year alone, "2019" under "LUM", is the fund cell's second line)
    cells = [r.text("cost") for r in table.rows if r.text("cost") or not _year_sum(r.amount)]
    if col is None or col.role != "cost" or not cells:
        return None
    money = [c for c in table.columns if c.role in ("cost", "applied") and c is not col]
    # ("LUM 2019": a fund and its year)
    cells = [re.sub(r"\b(?:19|20)\d\d\b", "", c) if fund_named(c) else c for c in cells]
    if money and all(c and not any(ch.isdigit() for ch in c) for c in cells):
        return _proposals_again(table, col)
    return None


def _proposals_again(table: GridTable, col: GridColumn) -> GridColumn:
    """`col` is no column of sums: a "Förslag" column read as proposals beside it (a
    "Beslut" column, `grid_columns.proposals_named`) holds the sums again ("Förslag | Beslut"
    over "450 000 | Beviljas delvis": the proposal is the sum, the verdict the row's status)."""
    for other in table.columns:
        if other.role == "spent" and fold(other.header).startswith("forslag"):
            other.role = "cost"
    return col


#: a decision's words in a cell: "Genomförs", "Genomförs ej", "Beviljas", "Avslås", "Ja"
_VERDICT_CELL = re.compile(
    r"(?:genomfors|beviljas|bifalls|tillstyrks|avstyrks|avslas|avslag|ja|nej|bifall|vilande|"
    r"bordlaggs|bordlagd|medges|aterbetalas)(?:\s+(?:ej|inte|med villkor|delvis))?"
)
#: a cell that tells how a project went
_OUTCOME_CELL = re.compile(
    r"(?:genomfort|genomford|delvis|ej genomfort|avbrut\w*|pagar|pagaende|klart?|installt|forsenat)\b"
)
#: a cell that opens with a proposal or a decision
_VERDICT = re.compile(r"(?:tillstyrks|avstyrks|beviljas|avslas|bifalls)\b")
_DECISION_HEADER = re.compile(r"(?:\w+s\s+)?(?:forslag|beslut|bedomning|yttrande)\b")


def verdict_column(table: GridTable) -> GridColumn | None:
    """ "… | Förvaltningens förslag" over "Genomförs" / "Genomförs ej": a column of the
    decision on each row, in words; returned so that the table is read again with it as each
    row's status."""
    for col in table.columns:
        if col.role == "spent" and fold(col.header).startswith("utfall"):
            # "Utfall" over "Genomfört" / "Avbrutet": how each project went, in words
            cells = [fold(" ".join(r.cells.get(col.role, []))).strip() for r in table.rows]
            if len(cells) >= 2 and all(_OUTCOME_CELL.match(c) for c in cells):
                return col
        if col.role not in ("other", "cost") or not _DECISION_HEADER.match(fold(col.header)):
            continue
        mine = col is money_column(table.columns)  # (not a "Förslag" after "Beviljat kr")
        if col.role == "cost" and mine and any(r.amount is not None for r in table.rows):
            continue  # (a sum in a row: money, its turned-down rows' words aside)
        cells = [fold(" ".join(r.cells.get(col.role, []))).strip() for r in table.rows]
        said = [re.sub(r"\s*\(.*$", "", c) for c in cells if c]  # ("Bordlagd (förv. …")
        if len(said) * 2 >= len(cells) >= 2 and all(_VERDICT_CELL.fullmatch(c) for c in said):
            return _proposals_again(table, col)
    return None


def row_total(row: GridRow, got: tuple[int, str, bool], j: int) -> None:
    """ "Summa  800 000" at line `j` inside a ruled row under its years' sums: the row's own
    total; the sum read before it is one of its years'."""
    if row.amount is not None and row.amount_raw is not None:
        first = re.match(r"\s*((?:19|20)\d\d)", " ".join(row.cells.get("year", [])))
        year = row.amount_year or (int(first.group(1)) if first else None)
        row.extra.append((row.amount, row.amount_raw, row.amount_line or j, year, "project_cost"))
    row.amount, row.amount_raw, row.amount_approx = got
    row.amount_line, row.amount_year, row.multi_year = j, None, True


#: a column of remarks that may hold each row's proposal ("Anmärkning", "Kommentar")
_REMARK_HEADER = re.compile(r"(?:\w+s\s+)?(?:anmarkning|anm|kommentar|kommentarer)\b")


def remark_verdicts(table: GridTable, _lines: object = None) -> None:
    """A remarks column whose cells open with the proposal ("Tillstyrks. Förslag 24 000
    kr", "Avstyrks. Avser konferensdeltagande"): each row's decision, as a line under it."""
    cols = [c for c in table.columns if c.role == "other" and _REMARK_HEADER.match(fold(c.header))]
    for r in table.rows if cols else []:
        said = " ".join(r.cells.get("other", [])).strip()
        if r.verdict is None and _VERDICT.match(fold(said)):
            r.verdict = said


def proposal_in_verdict(
    r: GridRow, sums: Sequence[AmountMatch], amount: int | None, raw: str | None
) -> tuple[int, str] | None:
    """The sum a row's decision proposes ("Tillstyrks delvis … Förslag 30 000 kr", its last
    sum) where the row's own sum is the one sought: the proposal, the sum sought kept as the
    row's other money."""
    if not sums or amount is None or amount != r.applied:
        return None
    r.extra.append((amount, raw or "", r.amount_line or r.first_line, None, "other"))
    return sums[-1].sek, sums[-1].raw
