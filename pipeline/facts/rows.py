"""Table rows of the column-laid-out reader (``grid``) in the shape of the other table
readers' rows (``tables.TableRow``), and tables continued further on in the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.drafts import REJECTED, cued_status
from pipeline.facts.end_dates import row_end
from pipeline.facts.finders import office_of_committee, short_district
from pipeline.facts.grid import GridTable
from pipeline.facts.grid_model import GridRow, proposal_in_verdict
from pipeline.facts.header_roles import SAVED, details_after_name, name_before_details
from pipeline.facts.item_rows import bracketed_performer
from pipeline.facts.items import split_owner
from pipeline.facts.lists import Place, covered_by_places
from pipeline.facts.performer_tails import (
    NOBODY,
    RESEARCHER_LINE,
    applicants_in_name,
    places_apart,
)
from pipeline.facts.stacked_cells import (
    DATED_BRACKET,
    PLACED_BRACKET,
    applicant_under_name,
    district_over_name,
    group_owner,
    name_over_applicant,
    name_over_owner,
    own_unit,
    owner_below,
    performer_cell,
    with_own_applicant,
)
from pipeline.facts.tables import TableRow, parse_end_cell
from pipeline.facts.text_units import dehyphen_join, unit_at
from pipeline.lang.amounts import find_amounts
from pipeline.lang.fuzzy import fold
from pipeline.lang.hyphens import suspends

#: a destination and no more: a city, maybe its country ("Tammerfors, Finland")
_BARE_PLACE = re.compile(r"[A-ZÅÄÖ][\w.-]*(?: [A-ZÅÄÖ][\w.-]*)?(?:, [A-ZÅÄÖ][\w.-]*)?")


def continue_tables(grids: Sequence[GridTable], rows: list[TableRow]) -> None:
    """A table without its Summa row and one with the same columns further on (in a Bilaga)
    are one table: the later rows are read in the light of the first one's introduction."""
    for prev, nxt in zip(grids, grids[1:], strict=False):
        if prev.total is None and prev.roles == nxt.roles:
            for r in rows:
                if r.header_line == nxt.header_line:
                    r.header_line = prev.header_line


def grid_rows(
    t: GridTable, year: int | None, places: Callable[[str], list[Place]], own: Sequence[Place] = ()
) -> list[TableRow]:
    """The rows of a column-laid-out table as other readers' rows; without a district column
    the owner is the committee's district, with any "(medsökande …)" under the name."""
    out: list[TableRow] = []
    # "Enhet", "Ansvarig enhet": the district column holds the nämnd's own units
    unit_column = any(
        c.role == "district" and re.match(r"(?:ansvarig\s+)?enhet", fold(c.header).strip())
        for c in t.columns
    )
    granted_column = any(
        c.role == "cost"
        and re.search(r"\b(?:bevilja(?:t|de|s)|forslag|foreslas)\b", fold(c.header))
        for c in t.columns
    )
    totals = [fold(c.header).strip() for c in t.columns if c.role == "cost"]
    applied_totals = "applied" in t.roles and bool(totals) and set(totals) <= {"totalt", "total"}
    single = [c.role for c in t.columns].count("cost") == 1  # (its year the rows': "Budget 2009")
    # (a follow-up's budget; beside "Besparing 2010" the sum each project had: its cost)
    budget_column = any(
        c.role == "cost" and fold(c.header).strip().startswith("budget") for c in t.columns
    ) and not any(c.role == "spent" and SAVED.match(fold(c.header)) for c in t.columns)
    # the money column is a cost, not a grant ("Total kostnad" beside "Sökt belopp")
    cost_only = (
        any(
            c.role == "cost"
            and "kostnad" in fold(c.header)
            and not re.search(r"bevilja|forslag|foreslas|tilldela", fold(c.header))
            for c in t.columns
        )
        and not granted_column
    )
    # "Förening", "Arrangör": associations' own projects, which no district owns
    association_column = any(
        c.role in ("performer", "performer_name")
        and re.match(r"(?:sokande\s+)?(?:forening|arrangor|organisation)", fold(c.header))
        for c in t.columns
    )
    # "Genomförd" over "Ja, maj" / "Nej": whether the work was done
    done = any(c.role == "status" and fold(c.header).startswith("genomf") for c in t.columns)
    # a follow-up's state ("Läge 0630", or beside each row's period): "Vilande" is paused work
    paused = any(c.role == "end" or fold(c.header).startswith("lage") for c in t.columns)
    # a trip's destination in the name column, what it is about in a column of its own
    destination_column = any(
        c.role == "name" and re.match(r"(?:resmal|resa|destination|ort)\b", fold(c.header))
        for c in t.columns
    )
    # "Arrangemang, plats och datum": a name, then the place and the date after commas
    detailed = any(c.role == "name" and details_after_name(c.header) for c in t.columns)
    # a "Sökande" column of associations, not districts: they carry their projects out
    applicant_orgs = _organisations_apply(t, places)
    carried: str | None = None  # a district printed only on its first row
    stacked_owner: str | None = None  # an owner's line over its projects' lines
    first_is_district = bool(t.columns) and t.columns[0].role == "district"
    # "Förvaltning / projekt": each row's owner on its first line, the project under it
    stacked = any(
        c.role == "district" and re.search(r"/\s*(?:projekt|insats|studie)", fold(c.header))
        for c in t.columns
    )
    # "Insats och sökande": each row's name, its applicant on the lines under it
    applicant_below = any(c.role == "name" and name_over_applicant(c.header) for c in t.columns)
    owner_under = any(c.role == "name" and name_over_owner(c.header) for c in t.columns)
    for r in t.rows:
        if stacked and r.cells.get("district") and "name" not in r.cells:
            stacked_owner = _unstack(r, places, stacked_owner)
        if applicant_below:
            applicant_under_name(r, places)
        if "district" not in t.roles:
            district_over_name(r, places)
        district = r.text("district") or None
        if applicant_orgs:
            if district and not covered_by_places(district, places(district)):
                if not r.text("performer"):
                    r.cells["performer"] = [district]
                district = None
        elif first_is_district:
            district = district or carried
            carried = district
        elif (group := group_owner(r.cells.get("name", []), places)) is not None:
            # "1    Järva stadsdelsförvaltning" over "1.1  Name …   450": the owner of the
            # sub-numbered rows under it
            carried, r.cells["name"] = group[0] or carried, group[1]
        if district is None and not first_is_district and "district" not in t.roles:
            district = carried
        if district and (not r.text("name") or len(r.cells.get("district", [])) == 1):
            # "Vantör Gruppverksamhet för barn …": OCR closed the gap after the district (the
            # name may go on in its own column on the next line)
            lead = places(district)[:1]
            rest = district[lead[0].end :].strip() if lead and lead[0].start == 0 else ""
            if rest[:1].isupper() and len(rest.split()) >= 2:
                district = district[: lead[0].end]
                r.cells["name"] = [rest, *r.cells.get("name", [])]
        both = r.cells.pop("performer_name", [])
        if both:
            # "Föreningen Startgropen" over "Jobbcoacher i centrum": who, then the project
            r.cells.setdefault("performer", []).insert(0, both[0])
            r.cells.setdefault("name", []).extend(both[1:] or both[:1])
        if len(r.cells.get("name", [])) >= 2 and _COMMITTEE_LINE.fullmatch(r.cells["name"][-1]):
            # "Familjeteam Fornhöjden" over "Socialnämnden" under "Projekt" over "Ansvarig
            # nämnd": the nämnd that answers for the project, no part of its name
            r.cells["name"] = r.cells["name"][:-1]
        below, taken = owner_below(r.cells.get("name", []), places, owner_under)
        if below and district is None:
            # "Farsta sdf (avslutat)" on its own line under a project's wrapped name: the owner
            r.cells["name"] = r.cells["name"][:-taken]
            district = " ".join(p.name_as_printed for p in below)
        name_only, owners = split_owner(r.text("name"), places)
        if district is None and owners:
            r.cells["name"] = [name_only]
            district = " ".join(p.name_as_printed for p in owners)
        # a stadsdelsnämnd's own table: its district owns the rows, also when an association
        # in a performer column carries them out
        own_district = (
            bool(own)
            and all(p.kind == "stadsdelsförvaltning" for p in own)
            and not association_column
        )
        district = with_own_applicant(district, t.columns, own, own_district, r.evidence)
        if (
            district is None
            and "district" not in t.roles
            and own
            and (("performer" not in t.roles and not association_column) or own_district)
        ):
            district = " ".join(p.name_as_printed for p in own)
        if district and not places(district):
            district = (
                short_district(district, year) or office_of_committee(district, year) or district
            )
        if (
            district
            and own
            and not places(district)
            and (
                unit_at(district) is not None or own_unit(district) or own_district and unit_column
            )
        ):
            # "Mottagningsenheten för vuxna" in the Sökande column, "Barn och ungdom,
            # utredning" in an "Enhet" column: a unit of the nämnd's own
            district = " ".join(p.name_as_printed for p in own)
        end = parse_end_cell(r.text("end"), year) if r.text("end") else None
        amount, raw, approx = r.amount, r.amount_raw, r.amount_approx
        # a follow-up's "Budget 2012" column: each project's budget
        kind = "budget" if budget_column else "project_cost"
        decided = None
        if applied_totals:
            # "Sökt 2013 | Sökt 2014 | Totalt": the whole sum each row applies for
            decided, kind = "ansökt", "other"
        elif r.applied is not None and cost_only:
            # "Total kostnad | Egen insats | Sökt belopp": an application; its sum is the
            # one it seeks (the cost stays printed money of the row)
            decided = "ansökt"
            if amount is not None and raw is not None and r.amount_line is not None:
                r.extra.append((amount, raw, r.amount_line, r.amount_year, "project_cost"))
            amount, raw, approx, kind = r.applied, r.applied_raw, False, "other"
        elif r.applied is not None and "cost" in t.roles:
            # sums applied for beside sums granted (or proposed): the row decides its status,
            # and an empty or dashed granted cell is an application not granted
            decided = "beviljad" if amount is not None else "ansökt"
            if amount is None:
                # turned down ("0", "–"): the sum it applied for is its only sum
                amount, raw, approx, kind = r.applied, r.applied_raw, False, "other"
        elif amount is None and r.applied is not None:
            amount, raw, approx, kind = r.applied, r.applied_raw, False, "other"
            if "cost" not in t.roles:
                decided = "ansökt"  # "Projekt | Sökt belopp | Egen insats": applications
        if (
            decided is None
            and granted_column
            and amount is None
            and re.search(r"\bavsla", fold(r.text("cost")))
        ):
            decided = REJECTED  # a "Beviljat (kr)" column whose cell says "avslag"
        if decided is None and len(totals) > 1 and re.fullmatch(r"0(?::-|\s*kr)?", r.text("cost")):
            decided = "ansökt"  # "Summa kostnad 18 000 | Förslag 0": its cost, nothing proposed
        if r.verdict is not None:
            decided = cued_status(r.verdict, None) or decided
            sums = [a for a in find_amounts(r.verdict) if a.per is None]
            if decided == "beviljad" and (got := proposal_in_verdict(r, sums, amount, raw)):
                amount, raw, approx, kind = *got, False, "project_cost"
            if amount is None and sums:
                amount, raw, approx = sums[0].sek, sums[0].raw, sums[0].approximate
                kind = "project_cost" if decided != REJECTED else "other"
        if r.text("status"):
            # a status column decides; a word it does not know ("avbrutet") leaves none
            said = fold(r.text("status"))
            decided = (
                ("pågående" if paused and said.startswith("vilande") else _carried_out(said))
                or cued_status(r.text("status"), None)
                or (
                    "genomförd"
                    if re.match(r"klar[t]?\b", said) or (done and said[:2] == "ja")
                    else "beviljad"
                    if done and said[:3] == "nej"
                    else ""
                )
            )  # "Klar dec 2012" in a status column, "Ja, maj" under "Genomförd": done
        end = row_end(end, r.text("status"), r.text("other"), year)
        row_year = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", r.text("year") or "")
        name = _clean_cell(r.cells.get("name", []))
        purpose = _clean_cell(r.cells.get("purpose", []))
        if name and purpose and destination_column and _BARE_PLACE.fullmatch(name):
            # a bare city ("Glasgow", "Oslo") beside "Housing First för …": the trip is both
            name = f"{name}, {purpose}"
        if "ordinal" not in t.roles:
            name = _ENUMERATOR.sub("", name)  # "1. Boendesegregation …" in the name column
        if not destination_column:
            name = _first_sentence(name)
        name = name_before_details(name) if detailed else name
        performer = performer_cell(r.text("performer"), _clean_cell, NOBODY)
        if performer and own and district is None and own_unit(performer):
            performer, district = None, " ".join(p.name_as_printed for p in own)
        elif performer and district is None:  # ("X högskola och Farsta sdf": Farsta takes part)
            performer, district = places_apart(performer, places(performer))
        if applied := applicants_in_name(name):  # "Huvudsökande: …" lines under the title
            name, told, main, main_here = applied  # (the city's units own it, others do it)
            district = district or " ".join(p.name_as_printed for p in places(told)) or None
            if performer is None and main and not places(main_here):
                performer = main
        labelled = _PERFORMER_LABEL.search(name)
        if performer is None and labelled:
            # "Barns delaktighet i LVU-utredningar Utförare: Göteborgs universitet" in a
            # "Studie / utförare" column
            name, performer = name[: labelled.start()].strip(" ,;–-"), labelled.group(1).strip()
        dated = DATED_BRACKET.search(name) if performer is None and end is None else None
        if dated and (end := parse_end_cell(dated.group("end"), year)) and not places(dated[1]):
            # "(Karolinska Institutet, juni 2024)" in a "Studie, utförare och slutdatum"
            # column: who carries it out, then when it ends
            name, performer = name[: dated.start()].strip(), dated.group("who").strip()
        placed = PLACED_BRACKET.search(name)
        placed = placed if placed and (district is None or placed["co"]) else None
        if placed and covered_by_places(placed["where"], places(placed["where"])):
            # "Name (Södermalm, Norrmalm; klar juni 2010)", "Name (medsökande Farsta)": where
            name, district = name[: placed.start()].strip(), f"{district or ''} {placed['where']}"
            end = end or (parse_end_cell(placed["end"], year) if placed["end"] else None)
        if performer is None:
            # "Name (Institutet för framtidsstudier)" in a "Studie / utförare" column
            name, performer = bracketed_performer(name, places)
        if not name:
            continue
        out.append(
            TableRow(
                name=name,
                performer=performer,
                end_date=end[3] if end else None,
                end_raw=end[2] if end else None,
                cost=amount,
                cost_raw=raw,
                approximate=approx,
                first_line=r.first_line,
                last_line=r.last_line,
                page_no=r.page_no,
                evidence=r.evidence,
                header=" | ".join(c.header for c in t.columns),
                district_text=_clean_cell(district) if district else None,
                header_line=t.header_line,
                amount_kind=kind,
                decided=decided,
                year=int(row_year.group(1)) if row_year else (r.amount_year if single else None),
                funder=r.text("funder") if "funder" in t.roles else None,
                multi_year=r.multi_year,
            )
        )
    return out


_ENUMERATOR = re.compile(
    r"^(?:\d{1,2}|[A-H])[.)]\s+(?=[A-ZÅÄÖ])|^\d{1,2}[.)]\s+(?=\S)|^\d{1,2}\.\d{1,2}\s+(?=\S)"
    r"|^[A-H]\s+(?=[A-ZÅÄÖ][a-zåäö])"  # "A  Språkcafé …": a lettered row, no Swedish word
)


_COAPPLICANT_LINE = re.compile(r"^[–—(-]?\s*medsökande\s*:?\s*", re.IGNORECASE)


def _unstack(r: GridRow, places: Callable[[str], list[Place]], before: str | None) -> str | None:
    """A "Förvaltning / projekt" cell: the owner (over two lines when the first ends in a
    comma: "Socialtjänstförvaltningen," / "Socialjouren"), the project's name, "– medsökande:
    X" or "(medsökande X)"; a number set in the cell before them ("07": the diary's) dropped.
    A cell that opens with no owner is a project of the owner `before` (its line over the
    group's rows). The row's owner is returned."""
    cells = list(r.cells["district"])
    while len(cells) > 2 and re.fullmatch(r"\d{1,3}", cells[0].strip()):
        cells = cells[1:]
    head = cells[0].rstrip(" ,")
    wrapped = all(c.strip()[:1].islower() for c in cells[1:])  # (one name over its lines)
    if before and wrapped and not covered_by_places(head, places(head)):
        r.cells["name"], r.cells["district"] = cells, [before]
        return before
    if len(cells) < 2:
        return before
    owner, *rest = cells
    if owner.rstrip().endswith(",") and len(rest) > 1:  # ("socialjouren: Name …" goes on)
        unit, colon, name = rest[0].partition(":")
        owner, rest = f"{owner.rstrip()} {unit.strip()}", [name.strip()] * bool(colon) + rest[1:]
    partners = [
        _COAPPLICANT_LINE.sub("", x.strip()).rstrip(")")
        for x in rest
        if _COAPPLICANT_LINE.match(x.strip())
    ]
    r.cells["name"] = [x for x in rest if not _COAPPLICANT_LINE.match(x.strip())]
    r.cells["district"] = [", ".join([owner, *partners])]
    head = owner.rstrip(" ,")
    return owner if covered_by_places(head, places(head)) else before


#: a line that is only a nämnd's name: "Barn- och utbildningsnämnden", "Socialnämnden"
_COMMITTEE_LINE = re.compile(
    r"\s*[A-ZÅÄÖ][\w-]*(?:\s+(?:och|för)\s+[\w-]+)*(?:nämnden|styrelsen)\s*"
)


def _organisations_apply(t: GridTable, places: Callable[[str], list[Place]]) -> bool:
    """Is the table's district column a "Sökande" column whose cells are mostly
    organisations (no district named in most rows)?"""
    col = next((c for c in t.columns if c.role == "district"), None)
    if col is None or not fold(col.header).startswith("sokande"):
        return False
    cells = [r.text("district") for r in t.rows if r.text("district")]
    # ("Ungdomsenheten", "Vuxenenheten": units of the nämnd's own, no organisations)
    orgs = [c for c in cells if not places(c) and unit_at(c) != 0]
    return len(cells) >= 2 and len(orgs) * 2 > len(cells)


#: a sentence end inside a name cell: "Barnsamtal i utredningen. Handläggarna prövar …"
_SENTENCE_END = re.compile(r"(?<=[a-zåäö]{2})\.\s+(?=[A-ZÅÄÖ][a-zåäö])")
_MIN_SENTENCE_WORDS = 3


def _first_sentence(name: str) -> str:
    """A name cell that goes on to describe the project ("Projekt och syfte"): the name is its
    first sentence, when both it and the rest are sentences of a few words."""
    m = _SENTENCE_END.search(name)
    if m is None:
        return name
    head, rest = name[: m.start()], name[m.end() :]
    if len(head.split()) < _MIN_SENTENCE_WORDS or len(rest.split()) < _MIN_SENTENCE_WORDS:
        return name
    return head


def _clean_cell(cell: str | Sequence[str]) -> str:
    """A cell's text (or its wrapped lines) joined: a word broken at a hyphen whole again
    ("förvalt- ningen"), a suspended compound with its hyphen ("barn- och", "Børne- og"), no
    trailing full stop. Dashes stay as printed ("Tensta - stödgrupper", a "–" for nothing);
    a dash opening a continuation line is the printed "–" the repair read as a bullet
    ("Barn som bevittnat våld" / "– gruppverksamhet …"): typeset text opens no line with one."""
    if isinstance(cell, str):
        s = cell
    else:
        lines = [c.strip() for c in cell if c.strip() and not RESEARCHER_LINE.match(c.strip())]
        s = (
            dehyphen_join([lines[0]] + [re.sub(r"^- ", "– ", c) for c in lines[1:]])
            if lines
            else ""
        )
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"(?<=\w)[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", s)  # a footnote mark ("Name¹", "Name *)")
    s = re.sub(r"\s+(?:\*+\)?|\d\))$", "", s) if s.count("(") < s.count(")") else s
    s = re.sub(
        r"(\w)- (?=[a-zåäöæø])",
        lambda m: m.group() if suspends(s[m.end() :], s[: m.start() + 1]) else m.group(1),
        s,
    )
    s = re.sub(r"(\w)- (?=[A-ZÅÄÖÆØ])", r"\1-", s)  # "Hägersten- Liljeholmen"
    return s.rstrip(" .,;")


#: who carries a study out, on a labelled line inside its name cell
_PERFORMER_LABEL = re.compile(r"\s*\b(?:Utförare|Genomförs av|Utförs av)\s*:\s*(\S.*)$")


def _carried_out(said: str) -> str | None:
    """ "Genomförs" / "Genomförs ej": granted, or turned down; "Inställd": never carried out."""
    if hit := re.match(_SAID, said):  # ("Vilande": decided later; "Försenat": still running)
        return next((s for s, g in zip(_SAID_AS, hit.groups(), strict=True) if g), "ansökt")
    if said.startswith("genomfors"):
        return REJECTED if re.search(r"\b(?:ej|inte)\b", said) else "beviljad"
    return None


_SAID = r"(installd|installt|ej\s+pabor|(?:ej|inte)\s+genomf|bifall|avbrut|medges)|(genomfort\b)|(forsena)|vilande|bordl"
_SAID_AS = ("beviljad", "genomförd", "pågående")
