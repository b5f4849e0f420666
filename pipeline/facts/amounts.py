"""Amount facts of a document: every amount of the body with its role, fund, year, project.

Amounts printed in project list and table rows are their project's (``project_cost``, or
``other`` for an applied-for sum); a table's Summa row is the total granted; budget,
financing and per-district tables without a project column take the unit from their header
(``roles.find_money_tables``); every other amount in running text gets its role from
``roles.amount_role``, its fund from ``roles.amount_fund`` and its year from
``roles.amount_year``, and belongs to the project whose description paragraph holds it.
Ids are minted by ``ids.amount_ids``. (Not to be confused with ``pipeline.lang.amounts``,
which finds the sums in a text.)"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from pipeline.facts import ids
from pipeline.facts.context import (
    FOU_FUNDS,
    BodyLine,
    Context,
    find_funds,
    is_program_fund,
    sentence_year,
)
from pipeline.facts.cost_parts import cost_part
from pipeline.facts.drafts import REJECTED, Draft
from pipeline.facts.fund_codes import coded_funds, fund_codes
from pipeline.facts.fund_totals import fund_totals
from pipeline.facts.grid import GridTable
from pipeline.facts.grid_amounts import grid_amounts
from pipeline.facts.item_amounts import list_item_over
from pipeline.facts.money_lines import row_label, wrapped_row_label
from pipeline.facts.money_tables import find_money_tables
from pipeline.facts.roles import Role, amount_fund, amount_role, amount_year, paired_subject
from pipeline.facts.text_units import Paragraph, paragraphs
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.records import Amount, Project


def all_amounts(
    doc_id: str,
    lines: Sequence[BodyLine],
    ctx: Context,
    drafts: Sequence[Draft],
    projects: Sequence[Project],
    grids: Sequence[GridTable] = (),
) -> list[Amount]:
    out: list[Amount] = []
    # (line, sek) of amounts printed in list/table rows, with how many of them
    row_lines: Counter[tuple[int, int]] = Counter()
    found: list[tuple[int, Amount]] = []
    heads = [ln.heading for ln in lines]
    money_tables = find_money_tables([" " * ln.indent + ln.text for ln in lines], heads)
    announced = {ta.line for ta in money_tables if ta.announced}
    whole_budgets = {ta.anchor for ta in money_tables if ta.sek >= 100_000_000 and ta.anchor >= 0}
    for t in grids:
        for line, a in grid_amounts(t, lines, ctx, drafts, projects):
            if line in announced:
                continue  # a breakdown's rows: read as the breakdown below
            row_lines[(line, a.sek)] += 1
            found.append((line, a))
    # the table cells already read (a grant decided before a change, equal to the new sum, is
    # no reading of the project's own sum; it is a grant all the same)
    in_cells = {(line, a.sek, a.kind) for line, a in found if a.kind != "granted_before"}
    found = [
        (line, dataclasses.replace(a, kind="project_cost") if a.kind == "granted_before" else a)
        for line, a in found
    ]
    for d, p in zip(drafts, projects, strict=True):
        if d.amount_sek is None or d.amount_line is None:
            continue
        if (
            d.amount_kind != "project_cost"
            and (d.amount_line, d.amount_sek, d.amount_kind) in in_cells
        ):
            continue  # the sum applied for of a row turned down: read as its cell
        # (a row's grant beside an equal cell of another column, "480   480": two printed sums)
        kind = d.amount_kind
        if (
            kind == "project_cost"
            and d.status in ("ansökt", REJECTED)  # (turned down: what it applied for)
            and _applied_for(d.amount_raw, d.amount_evidence)
        ):
            # "För studien söks 480 000 kronor": the project's sum, but one applied for
            kind = "state_grant" if d.fund_type == "statsbidrag" else "other"
        row_lines[(d.amount_line, d.amount_sek)] += 1
        found.append(
            (
                d.amount_line,
                Amount(
                    amount_id="",
                    sek=d.amount_sek,
                    raw=d.amount_raw or str(d.amount_sek),
                    approximate=d.amount_approx,
                    kind=kind,
                    fund_type=d.fund_type,
                    year=d.year,
                    project_id=p.project_id,
                    page_no=d.page_no,
                    evidence=d.amount_evidence,
                    confidence=0.85,
                ),
            )
        )
    in_grid = {k for t in grids for k in range(t.header_line, t.last_line + 1)} - announced
    # a table by fund ("MUST  350  318", "Summa U" under "U = lokala utv…"): each row is the
    # money of the fund it names, a row naming none (Övrigt, Summa) of no one fund
    texts = [ln.text for ln in lines]
    codes = fund_codes(texts, ctx.study_fund)
    row_funds = {
        ta.line: coded_funds(wrapped_row_label(texts, ta.line), codes, ctx.study_fund)
        for ta in money_tables
    }
    by_fund = {
        ta.evidence.split(" | ")[0]
        for ta in money_tables
        if len(
            {
                f
                for other in money_tables
                if other.evidence.split(" | ")[0] == ta.evidence.split(" | ")[0]
                for f in row_funds[other.line]
            }
        )
        >= 2
    }
    # a sum a project row or a grid cell read already is not read again; two equal cells of
    # one row ("1 920 000   1 920 000" granted and spent) are two amounts
    read_before = Counter(set(row_lines))
    for ta in money_tables:
        # budget, financing and per-district tables (no project column): unit from the header
        if ta.line in in_grid:
            continue
        if read_before[(ta.line, ta.sek)] > 0:
            read_before[(ta.line, ta.sek)] -= 1
            continue
        row_lines[(ta.line, ta.sek)] += 1
        found.append(
            (
                ta.line,
                Amount(
                    amount_id="",
                    sek=ta.sek,
                    raw=ta.raw,
                    approximate=ta.approximate,
                    kind=ta.kind,
                    fund_type=(
                        # the applicant's own money ("Personalinsats (egen insats)", a column
                        # "Egen insats") is no fund's
                        None
                        if _OWN_MONEY.search(fold(f"{row_label(lines[ta.line].text)} {ta.column}"))
                        else (
                            next(iter(row_funds[ta.line])) if len(row_funds[ta.line]) == 1 else None
                        )
                        if ta.evidence.split(" | ")[0] in by_fund
                        # a row naming its fund ("Projektledare (LUM)"), else the table's
                        else next(iter(row_funds[ta.line]))
                        if len(row_funds[ta.line]) == 1
                        else None
                        # (a nämnd's whole budget, a table with a cell of 100 mnkr or more,
                        # is no fund's money)
                        if ta.frame or ta.anchor in whole_budgets
                        else ctx.fund_before(ta.anchor if ta.anchor >= 0 else ta.line)
                    ),
                    year=ta.year or ctx.year_at(ta.line),
                    project_id=None,
                    page_no=lines[ta.line].page_no,
                    evidence=ta.evidence,
                    confidence=ta.confidence,
                ),
            )
        )
    totals = fund_totals(lines, ctx.study_fund)
    for para in paragraphs([ln.text for ln in lines], [ln.page_no for ln in lines], heads):
        found += _paragraph_amounts(para, lines, ctx, drafts, projects, row_lines, totals)
    found.sort(key=lambda t: t[0])
    aids = ids.amount_ids(doc_id, [(a.page_no, a.raw, a.evidence) for _line, a in found])
    out += [
        dataclasses.replace(a, amount_id=aid) for (_line, a), aid in zip(found, aids, strict=True)
    ]
    return out


#: the words of an applicant's own money: "egen insats", "medfinansierar", "bidrar med",
#: "svarar själv för", "inom avdelningens budget"
_OWN_MONEY = re.compile(
    r"\b(?:egen|egna|eget|medfinansier\w*|svarar sjalv|star sjalv|ordinarie budget\w*)\b"
    r"|\b(?:forvaltning\w*|stadsdel\w*|namnd\w*)\s+(?:\w+\s+)?bidrar\b"
    r"|\b(?:inom|ur)\s+(?:\w+\s+){0,4}budget"
)


def _applied_for(raw: str | None, sentence: str | None) -> bool:
    """Does the sentence that states a project's sum say the sum is applied for?"""
    if not raw or not sentence:
        return False
    at = sentence.find(raw)
    if at < 0:
        return False
    others = [(a.start, a.end) for a in find_amounts(sentence) if a.start != at]
    role = amount_role(sentence, "", "", None, (at, at + len(raw)), others)
    if role.cued and bool(role.scores) and role.scores[0][0] == "applied":
        return True
    # "För 2004 söks 180 000 kronor och för 2005 130 000 kronor, sammanlagt 310 000 kronor":
    # the sum of what the sentence applies for
    before = fold(sentence[:at])
    if re.match(r"\s*(?:varav\s+)?(?:sokt|ansokt)\b", before):
        return True  # a cost table's row "Sökt belopp LUM      420 000"
    return bool(re.search(r"\b(?:sammanlagt|totalt)\s*$", before)) and bool(
        re.search(r"\b(?:soks|sokes|soker om|ansoker om|ansoks)\b", before)
    )


#: a sentence about one of the document's studies or projects (its cost is that fund's money)
_ABOUT_PROJECT = re.compile(
    r"\b(?:studien|studierna|projektet|projekten|utvarderingen|kartlaggningen|forstudien)\b"
)


#: what is left of, spent of or paid back from the money a document allots
_THE_MONEY = re.compile(
    r"\b(?:aterstar|aterstod|resterande|aterbetala\w*|forbruka\w*|outnyttjade|"
    r"de avsatta medlen|summa (?:foreslagna|beviljade) medel)\b"
)
#: several projects or studies as the subject of a sum
_MANY_PROJECTS = re.compile(
    r"\b(?:studierna|projekten|utvarderingarna|resorna|studieresorna|(?:tva|tre|fyra|fem|sex|sju|"
    r"atta|nio|tio|\d{1,2})\s+(?:\w+\s+)?(?:studier|projekt|utvarderingar|resor))\b"
)
#: a sentence about parts of the sum before it ("Av dessa gick …", "Därav …")
_PART_OF = re.compile(r"^\s*(?:av dessa|av detta|av dem|av beloppet|darav)\b")
#: words that make a part of a sum someone else's or an application's ("Av detta söks …",
#: "Av detta finansierar förvaltningen hälften …")
_OTHERS_MONEY = re.compile(
    r"\b(?:sok\w*|ansok\w*|finansier\w*|sjalv|egen|egna|bidra\w*|forbruka\w*|aterbetal\w*|"
    r"outnyttja\w*|kvar\w*|aterst\w*)\b"
)
#: the words before a sum applied for ("Sökt 150 000 kr")
#: the money left over, named right before its sum: "Återstående 560 000 kr föreslås …"
_REMAINDER_BEFORE = re.compile(
    r"\b(?:aterstaende|resterande|kvarvarande|kvarstaende)\s+"
    r"(?:(?:ca|cirka|knappt|drygt|omkring|nara|narmare)\.?\s+)?$"
)
_SOUGHT_BEFORE = re.compile(r"\b(?:sokt|sokte|ansokt|soks|soker|ansoker)\b[\w\s:]{0,12}$")
#: a sum applied for
_ASKED = re.compile(r"^\s*(?:sokt|ansokt|sokt belopp|ansokt belopp)\s*:")
#: words that make a sum a total of several grants
#: "varav 100 000 kronor från …": a share of a sum that someone else pays
_SHARE_FROM = re.compile(r"\b(?:varav|darav)\s+[^,.;]{1,20}?\s(?:kr|kronor|tkr|mnkr)\s+fran\b")
_AGGREGATE = re.compile(r"\b(?:sammanlagt|totalt|summa|sammanlagd|sammantaget|tillsammans)\b", re.I)


def _paragraph_amounts(
    para: Paragraph,
    lines: Sequence[BodyLine],
    ctx: Context,
    drafts: Sequence[Draft],
    projects: Sequence[Project],
    row_lines: Counter[tuple[int, int]],
    totals: dict[int, str],
) -> list[tuple[int, Amount]]:
    out: list[tuple[int, Amount]] = []
    heading = next((lines[h].text for h in ctx.headings_above(para.first)), "")
    offset = 0
    before: tuple[str, int | None] | None = None  # the last sentence's (kind, year)
    skipped: Counter[tuple[int, int]] = Counter()  # row sums passed over, per line
    for s in para.sentences:
        # "Av dessa gick 4,2 mnkr till …": parts of the sum just stated, of its kind and year
        part_of = before if _PART_OF.match(fold(s.text)) else None
        said_before = before
        pos_in_para = para.text.find(s.text, offset)
        offset = max(offset, pos_in_para) if pos_in_para >= 0 else offset
        found = find_amounts(s.text)
        for m in found:
            k = next(
                (
                    k
                    for k in _row_lines_of(m.raw, m.sek, s.first, s.last, lines, row_lines)
                    if skipped[(k, m.sek)] < row_lines[(k, m.sek)]
                ),
                None,
            )
            if (
                k is not None
                and sum(o.sek == m.sek for o in find_amounts(lines[k].text)) > row_lines[(k, m.sek)]
                and _SOUGHT_BEFORE.search(fold(s.text[max(0, m.start - 25) : m.start]))
            ):
                k = None  # "Sökt 150 000 kr. Föreslås 150 000 kr.": the row's is the later one
            if k is not None:
                # a row's own sum, read with its project ("Sökt 150 000 kr. Föreslås 150 000
                # kr.": the row read one of the two)
                skipped[(k, m.sek)] += 1
                continue
            owner = _owner(s.first, drafts, projects)
            spans = [(o.start, o.end) for o in found if o is not m]
            role = amount_role(s.text, para.text, heading, m.per, (m.start, m.end), spans)
            item = list_item_over(m.raw, s.first, s.last, lines)
            if item is not None and m.per is None:
                # an amount that ends a list item: read from the item alone; uncued, it is
                # the item's (a project's) sum
                at = item.rfind(m.raw.strip())
                role = amount_role(item, "", "", None, (at, at + len(m.raw.strip())), [])
                if not role.cued:
                    role = Role("project_cost", 0.6, role.scores, False)
            kind = role.kind
            if (
                kind == "project_cost"
                and _AGGREGATE.search(s.text)
                and _MANY_PROJECTS.search(fold(s.text))
            ):
                kind = "total_granted"  # "De fyra studierna beräknas kosta sammanlagt …"
            if part_of is not None and (
                not role.cued or (kind == "other" and not _OTHERS_MONEY.search(fold(s.text)))
            ):
                kind = part_of[0]
            if owner is not None and kind == "other" and not role.cued and m.per is None:
                kind = "project_cost"
            if kind == "project_cost" and (
                _SHARE_FROM.search(fold(s.text[max(0, m.start - 12) : m.end + 24]))
                or cost_part(s.text, m.start, m.end)
                or re.search(r"(?:à|\bx|×)\s*$", s.text[max(0, m.start - 4) : m.start])
            ):
                # "…, varav 100 000 kr från Älvsjö sdn", "varav resor 9 600 kr", "à 5 600 kr ="
                kind = "other"
            if (
                owner is not None
                and kind == "total_granted"
                and (
                    not _AGGREGATE.search(s.text)
                    # its parts summed: "ca 4 400 kr per person, totalt 17 600 kr"
                    or any(o.per is not None for o in found if o is not m)
                )
            ):
                kind = "project_cost"  # granted in the project's own paragraph: its sum
            if kind == "total_granted" and _REMAINDER_BEFORE.search(
                fold(s.text[max(0, m.start - 30) : m.start])
            ):
                kind = "budget"  # "Återstående knappt 400 000 kronor reserveras för …"
            # the applicant's own money (co-financing, own staff time, "inom ordinarie
            # budget") is no fund's money, whatever fund the text around it speaks of
            own_money = (
                role.cued
                and bool(role.scores)
                and role.scores[0][0] == "other"
                and bool(_OWN_MONEY.search(fold(s.text)))
            )
            paired_only = ctx.paired and not find_funds(s.text, ctx.study_fund)
            fund = amount_fund(
                s.text,
                m.start,
                "" if own_money else para.text,
                (pos_in_para + m.start) if pos_in_para >= 0 else None,
                None
                if own_money
                # a total that repeats one stated with its fund ("beviljar lokala
                # utvecklingsmedel om sammanlagt 2 310 000 kronor") is that fund's money
                else (totals.get(m.sek) if kind == "total_granted" else None)
                # an amount in running text takes no document-wide fund: a city-wide budget
                # in a LUM decision is not LUM money
                or _list_fund_before(s.first, drafts)
                # (a document of both funds: what a sentence naming none says the sum is for)
                or (paired_subject(s.text, m.start, ctx.study_fund) if paired_only else None)
                or ctx.fund_before(s.first, with_default=False)
                or (owner.fund_type if owner is not None else None)
                # ... but the cost of a study or project the document is about is its money
                or (ctx.default_fund if _ABOUT_PROJECT.search(fold(s.text)) else None)
                # ... and the most one application can get is the call's: the document's fund
                or (ctx.default_fund if kind == "max_per_application" else None)
                # ... and so is the total granted of a call for one FoU fund
                or (
                    ctx.default_fund
                    if kind == "total_granted" and ctx.default_fund in FOU_FUNDS
                    else None
                )
                # ... and what is left of, spent of or paid back from the money just granted
                or (ctx.default_fund if _THE_MONEY.search(fold(s.text)) else None)
                # ... and what an application asks of a call for one FoU fund ("Sökt: 24 800")
                or (
                    ctx.default_fund
                    if _ASKED.search(fold(s.text)) and ctx.default_fund in FOU_FUNDS
                    else None
                )
                # ... and a grant programme's document (föreningsbidrag, trygghetsmedel) is
                # about that money only
                or (ctx.default_fund if is_program_fund(ctx.default_fund) else None),
                kind,
                ctx.study_fund,
                spans,
            )
            year = amount_year(s.text, m.start, ctx.year_at(s.first))
            if part_of is not None and part_of[1] is not None and sentence_year(s.text) is None:
                year = part_of[1]
            if said_before is before:
                before = (kind, year)
            out.append(
                (
                    s.first,
                    Amount(
                        amount_id="",
                        sek=m.sek,
                        raw=m.raw,
                        approximate=m.approximate,
                        kind=kind,
                        fund_type=fund,
                        year=year,
                        project_id=owner.project_id if owner is not None else None,
                        page_no=s.page_no,
                        evidence=s.text,
                        confidence=role.confidence,
                    ),
                )
            )
    return out


def _row_lines_of(
    raw: str,
    sek: int,
    first: int,
    last: int,
    lines: Sequence[BodyLine],
    rows: Counter[tuple[int, int]],
) -> list[int]:
    """The lines of rows whose own sum (recorded with its project) the amount may be."""
    number = next((w for w in raw.split() if any(c.isdigit() for c in w)), raw.split()[0])
    return [
        k
        for k in range(first, last + 1)
        if rows[(k, sek)] and (raw in lines[k].text or number in lines[k].text)
    ]


def _list_fund_before(line: int, drafts: Sequence[Draft]) -> str | None:
    """The fund of a project list that ends just above `line` (its closing sentence)."""
    for d in drafts:
        if d.desc_lines is None and 0 < line - d.last_line <= 4 and d.fund_type:
            return d.fund_type
    return None


def _owner(line: int, drafts: Sequence[Draft], projects: Sequence[Project]) -> Project | None:
    """The project whose description paragraph holds line `line`, if any."""
    for d, p in zip(drafts, projects, strict=True):
        if d.desc_lines is not None and d.desc_lines[0] <= line <= d.desc_lines[1]:
            return p
    return None
