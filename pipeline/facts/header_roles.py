"""What a column header cell names: a project's name, its district, money granted, applied
for or spent, a year, a status, a count; its unit; and whether a table's header is a budget
follow-up's. Pure functions of the cell's string (:func:`header_role` is remembered); the
header's lines are read in :mod:`pipeline.facts.grid_header`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from pipeline.facts.cues import cue_hits
from pipeline.facts.field_lines import END as END_FIELD
from pipeline.lang.fuzzy import fold
from pipeline.lang.numbers import YEAR

__all__ = [
    "FOLLOWUP",
    "SAVED",
    "PAID_BACK",
    "REVISED",
    "STATE_MONEY_HEADER",
    "UNIT_ONLY",
    "combined_role",
    "details_after_name",
    "name_before_details",
    "followup_header",
    "spent_beside",
    "header_role",
    "letterhead_cells",
    "header_words",
    "unit_multiplier",
]

#: a header cell holds a column name and at most a unit or a qualifier
_MAX_HEADER_CELL_WORDS = 4
_UNIT_THOUSAND = re.compile(
    r"\b(?:tkr|kkr|tusentals?\s+kronor|tusen\s+kronor|1\s?000-tal\s+kr\w*|ksek|tsek)\b", re.I
)
_UNIT_MILLION = re.compile(r"\b(?:mkr|mnkr|msek|miljoner\s+kronor|miljoner)\b", re.I)
UNIT_ONLY = re.compile(r"^\(?\s*(?:tkr|kkr|kr|kronor|sek|mkr|mnkr|tusentals? kronor)\s*\)?$", re.I)
#: a header word followed by a second one it is paired with ("Resmål och syfte")
_LEADS = re.compile(r"^\s*(?:och|samt|/|&)\s+\w+\s*$", re.IGNORECASE)
#: money used, left or paid back ("Förbrukat (kr)", "Återbetalas", "Ej förbrukat")
_SPENT_HEADER = re.compile(
    r"(?:forbruka\w*|ej forbruka\w*|aterbetala\w*|aterbetalt|aterbet\.?|aterford\w*|utfall|"
    r"anvant|anvanda|kvar|outnyttja\w*|overskott|utbetal\w*|aterstar|kvarstar|intakt\w*|"
    # a running total beside each row's grant: "Ackumulerat", "Kumulativt"
    r"ackumulera\w*|kumulativ\w*|"
    # money carried from or into another year: "Överfört från 2007", "Överförs till 2009"
    r"overfor[ts]?\b(?:\s+(?:fran|till)\s+(?:19|20)\d\d)?|"
    # what differs from the budget, and what the year is expected to cost in all
    r"avvikelse|differens|prognos)\b"
)
#: (also "Genomförd" over "Ja" / "Nej": whether a trip or study was carried out)
_STATUS_HEADER = re.compile(
    r"(?:status|lage|lagesrapport|genomford|genomfort|genomford\?|genomfort\?)"
)
#: a header cell's year and unit ("2017 (kr)")
_YEAR_OR_UNIT = re.compile(rf"\(\s*(?:tkr|kr|kronor|sek|mkr|mnkr)\s*\)|\b{YEAR}\b", re.I)
#: a date or a bare unit in a header cell ("Beviljat 23 feb 2010, tkr"): no word of its name
_DATE_OR_BARE_UNIT = re.compile(
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?"
    r"|,?\s*\b(?:tkr|kr|kronor|mkr|mnkr|sek)\b\.?",
    re.I,
)


def header_words(cell: str) -> int:
    """How many words a header cell's name has, its years, dates and units aside."""
    return len(_DATE_OR_BARE_UNIT.sub(" ", _YEAR_OR_UNIT.sub(" ", cell)).split())


#: the header of a column of row numbers ("Nr", "Löpnr", "#")
_ORDINAL_HEADER = re.compile(
    r"(?:nr|nr\.|lopnr|lopnummer|#|no\.?|ordning|rang|rangordning|prio|prio\.|prioritet|plats|"
    r"diarienr\.?|diarienummer|"
    r"dnr\.?|arendenr\.?|id|"
    # an application's number ("Ansökan nr", "Ansökningsnr")
    r"ansokan\s+nr\.?|ansokningsnr\.?|ansokningsnummer|ans\.?\s*nr\.?|"
    # a rank set beside the number in one cell ("Rang Nr")
    r"rang\s+nr\.?|nr\.?\s+rang|"
    # a call-off's number under a framework agreement ("Avrop nr" over "2003:1")
    r"avrop(?:s)?\s*nr\.?|avropsnummer)"
)


#: what a cell adds after its column's name: "…, plats och datum", "…, syfte och tid"
_DETAIL = r"(?:plats|datum|tid|tidpunkt|ort|period|syfte|innehall|malgrupp|inriktning|lokal|vard|arrangor)"
_DETAIL_WORDS = re.compile(rf"{_DETAIL}(?:\s*(?:,|och|samt|/)\s*{_DETAIL})*")


_FOOTNOTE_MARK = re.compile(r"\s*(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹]|(?<=\d)\s+\d\))$")


def details_after_name(cell: str) -> bool:
    """Whether a header cell names its column, then what its cells add after a comma
    ("Arrangemang, plats och datum"): a cell's name is its text up to its first comma."""
    return "," in cell and bool(_DETAIL_WORDS.fullmatch(fold(cell.split(",", 1)[1]).strip()))


#: a trip's cost items beside its whole cost: "Resa och logi", "Logi", "Kursavgift"
_TRIP_COST_ITEM = re.compile(
    r"(?:(?:resa|resor|flyg|tag)\s*(?:och|/|&|\+)\s*(?:logi|boende|uppehalle)|logi|boende|"
    r"traktamente|(?:kurs|konferens|deltagar|seminarie)?avgift(?:er)?)"
    r"(?:,?\s*\(?(?:kr|kronor|tkr)\)?)?"
)


_TRIP_KIND = re.compile(r"(?:studie|konferens|rese?)(?:besok|resa|resor)?|seminari(?:um|er)|kurs")


def name_before_details(name: str) -> str:
    """A cell's name in a column whose header says details follow it after commas
    (`details_after_name`): "Akallapokalen, öppen tävling, Husby sporthall" is
    "Akallapokalen"; a kind of trip alone is no name ("Studiebesök, arbete mot hemlöshet,
    Glasgow, april": what it is about goes with it)."""
    parts = name.split(", ")
    return ", ".join(parts[: 2 if _TRIP_KIND.fullmatch(fold(parts[0])) else 1])


#: a bracket at a header cell's end: "Sökt totalt (kr)" (a unit when `UNIT_ONLY` says so)
_LAST_BRACKET = re.compile(r"\s*(\([^()]*\))\s*$")
#: a quarter's or tertial's column: "Kv 1", "Kvartal 2", "Q3", "T1", "Tertial 2"
_PERIOD_HEADER = re.compile(r"(?:kv|kvartal|q|t|tertial)\s*[1-4]")


#: a school term's or year's money column: "HT 2009", "Vårterminen VT 2010 kr", "Läsåret 2009/10"
_TERM_MONEY = re.compile(
    r"(?:(?:(?:host|var)terminen|hosten|varen)\s*(?:ht|vt)?|ht|vt|lasaret)\s*"
    r"(?:19|20)\d\d(?:/\d\d)?(?:\s*(?:kr|tkr|kronor))?"
)


@lru_cache(maxsize=8192)
def header_role(cell: str) -> str | None:
    """The column role a header cell names, or None (a pure function of the string:
    remembered, issue 19 — flattened-table scans ask it for the same lines again); a cell of
    two words parted by "/" ("Projekt/studieresa") names the role its words agree on."""
    # (a footnote's mark after the cell is no word of it: "2025*", "Kostnad¹"; nor is a
    # spreadsheet pivot's "Summa av" before the field it sums: "Summa av Sökt")
    cell = _PIVOT_SUM.sub("", _FOOTNOTE_MARK.sub("", cell))
    # ("Period ÅÅMM-ÅÅMM", "Klart (ÅÅMMDD)": how its dates are written)
    cell = _DATE_FORMAT.sub("", cell).strip() or cell
    cell = re.sub(r"(\w)- (?!och\b|eller\b|samt\b)([a-zåäö])", r"\1\2", cell)  # "Återbe- talas"
    role = _header_role(cell)
    unit = _LAST_BRACKET.search(cell)
    if role is None and unit is not None and UNIT_ONLY.fullmatch(unit.group(1)):
        # "Sökt totalt (kr)": the unit's bracket is no word of it
        role = _header_role(cell[: unit.start()])
    if role is None and details_after_name(cell):
        # "Arrangemang, plats och datum": the column's name, then what its cells add
        return _header_role(cell.split(",", 1)[0])
    if role is None and "/" in cell:
        parts = {_header_role(p) for p in cell.split("/") if p.strip()} - {None}
        return parts.pop() if len(parts) == 1 else None
    if role is None and _PROJECT_COMPOUND.fullmatch(fold(cell).strip()):
        return "name"  # "Doktorandprojekt", "Forskningsprojekt": a kind of project's names
    if role is None and re.fullmatch(r"[^\W\d_]{6,}", word := fold(cell).strip()):
        # one word OCR misread ("Forsleg", "Bevi1jat"): the header word it is one letter from
        near = [w for w in _HEADER_WORDS if Levenshtein.distance(word, w, score_cutoff=1) <= 1]
        return _header_role(near[0]) if len(near) == 1 else None
    return role


_DATE_FORMAT = re.compile(
    r"\s*\(?\b(?:[ÅA]{2,4}-?M{2}(?:-?D{2})?)(?:\s*[-–]\s*[ÅA]{2,4}-?M{2}(?:-?D{2})?)?\)?"
)
#: the one-word headers of a money table, for cells OCR misread by a letter
_HEADER_WORDS = tuple(
    re.findall(
        r"\w+",
        "forslag beviljat beviljas beviljade belopp kostnad projekt utforare sokande "
        "medsokande stadsdelsforvaltning forvaltning stadsdel resmal status slutdatum utfall "
        "forbrukat summa totalt kronor tidsplan genomforare",
    )
)


#: one word, a compound of a project or a study ("doktorand|projekt", "forsknings|studier")
_PROJECT_COMPOUND = re.compile(r"(?:[a-z]{4,}|del)(?:projekt|projekten|studie|studier|studien)")


_DECIDED_SUMS = re.compile(
    rf"beslut(?:at)?(?:\s+{YEAR}(?:-\d\d-\d\d)?(?:\s*\((?:kr|tkr|kronor)\))?|,?\s+\(?(?:kr|tkr|kronor)\)?)"
)
_PIVOT_SUM = re.compile(r"^\s*summa\s+av\s+(?=\S)", re.IGNORECASE)


def _header_role(cell: str) -> str | None:
    # (its year and unit are no words of its name: "Förslag till beslut 2017 (kr)")
    if header_words(cell) > _MAX_HEADER_CELL_WORDS:
        return None
    folded = fold(cell)
    if _ORDINAL_HEADER.fullmatch(folded.strip()):
        return "ordinal"
    if re.search(
        r"\begen\s*insats|\begeninsats|medfinans|\bmedfin\b|egen finansiering|egen andel|^egen$",
        folded.strip(),
    ):  # ("Egen" over "insats kr": the header's first line alone)
        return "spent"  # the applicant's own money: a sum, but not the grant
    if re.match(
        r"\d:[ae]\s+(?:utbet|delen\b)|delbetalning|delutbetalning|rat\s+\d", folded.strip()
    ) or (_PERIOD_HEADER.fullmatch(folded.strip())):
        # a grant's instalments: "1:a utbet. mars 2012", "2:a utbetalning", "Delbetalning
        # feb"; what was used in a quarter or tertial: "Kv 1", "Kvartal 3", "T2"
        return "spent"
    if _SPENT_HEADER.match(folded.strip()):
        return "spent"  # money used or paid back: amounts, but not the grant
    if _STATUS_HEADER.fullmatch(folded.strip()) or re.match(
        rf"status\s*/|(?:status|lage)(?:\s+\w+)?\s+(?:{YEAR}|\d{{4}}|\d{{6}}|{YEAR}-\d\d-\d\d|\d\d?/\d\d?\s+{YEAR})$",
        folded.strip(),
    ):  # "Status / klart", "Status april 2025", "Läge 990301"
        return "status"  # "Status", "Status / klart"
    if re.match(r"varav\b", folded.strip()) and re.search(rf"{YEAR}|\b(?:kr|kronor|tkr)\b", folded):
        return "cost"  # "varav 2020, kr" beside "Kostnad totalt": the year's part of the sum
    if re.fullmatch(r"varav\s+\w[\w.]*(?:\s+\w[\w.]*)?", folded.strip()):
        return "cost"  # "varav KS" beside "Total kostnad": the part the deciding body pays
    if re.search(r"\b(?:medel|kostnad\w*|bidrag|anslag|beviljat)\s+per\s+ar\b", folded):
        return "cost"  # "Medel per år" (over "2018   2019"): a year's money in each column
    if re.match(r"antal\b", folded.strip()) or re.fullmatch(
        r"deltagare|ledare|personer|elever|medlemmar|besokare|resenarer|"
        r"(?:arsarbetare|heltidstjanster|tjanster|anstallda|invanare)\b.*",
        folded.strip(),
    ):
        return "count"  # "Antal unga 18–24 år", "Deltagare", "Årsarbetare": people counted
    if re.search(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\s+ar\b", folded):
        return "count"  # "Ungdomar 16–18 år": people of an age counted, no year's money
    if re.fullmatch(r"belopp\s*(?:\(\w+\))?,?\s+(?:an)?sokt", folded.strip()):
        return "applied"  # "Belopp (kr)" set over "sökt" and "förslag": the sum applied for
    if re.fullmatch(r"best\.?|bestalld|bestallningsar", folded.strip()):
        return "year"  # "Best.": the year a study was ordered
    if re.search(r"\b(?:ar|år)\b", folded) and not re.search(r"belopp|kr\b|kronor|tkr|sek", folded):
        return "year"  # "Beviljat år", "År"
    if re.search(r"\bansokt\b|\bsokt belopp\b|\bansokan\b", folded) and re.search(
        r"belopp|kr|kronor|tkr|sek", folded
    ):
        return "applied"
    if re.fullmatch(
        r"(?:an)?sokt,?(?:\s*\(\w+\)|\s+(?:kr|kronor|tkr|mkr|mnkr|sek|belopp|totalt))?"
        r"(?:\s+(?:19|20)\d\d)?",
        folded.strip(),
    ):
        return "applied"  # "Sökt" beside "Beviljat"
    bare = re.sub(
        r"[,\s]+(?:kr|kronor|tkr|mkr|mnkr|sek)\.?$", "", fold(_YEAR_OR_UNIT.sub(" ", cell)).strip()
    )
    if re.fullmatch(r"(?:an)?sok[ts](?:\s+(?:belopp|bidrag|stod|medel))?", bare.strip(" ,")):
        return "applied"  # "Sökt 2026, kr", "Söks 2026": its year and unit in any order
    if re.fullmatch(r"(?:avtala[td]|overenskomm(?:et|en))(?:\s+belopp)?", bare.strip(" ,")):
        return "cost"  # "Avtalat 2021" beside "Utbetalt 2021": what a partnership is granted
    if re.match(r"(?:an)?sokt\s+av\b|(?:beviljad|beviljat|beviljats)\s+till$", folded.strip()):
        return "district"  # "Sökt av (hösten 2022)", "Beviljad till": who applied, who got it
    if re.match(
        r"(?:an)?sokt(?:\s+(?:stod|bidrag|medel))?(?:\s+(?:hos|fran|ur)\b|$)", folded.strip()
    ):
        return "applied"  # "Sökt hos socialtjänstnämnden", "Sökt stöd från ESF"
    if re.fullmatch(r"(?:total|projekt)\s*-?budget", folded.strip()):
        return "cost"  # "Total budget" beside "Sökt stöd": each project's whole sum
    if re.fullmatch(
        r"(?:for)?andring(?:\s*\((?:\W+|kr|tkr|kronor)\))?|justering|differens", folded.strip()
    ):
        return "spent"  # "Ändring (±)" beside the sums before and after: a sum, no grant
    if re.fullmatch(_DECIDED_SUMS, folded.strip()):
        return "cost"  # "Beslut 2017-01-24 (kr)" beside "Nytt belopp", "Beslut kr": sums decided
    if re.match(r"(?:ingaende|utgaende)\s+saldo\b", folded.strip()):
        return "spent"  # "Ingående saldo | Erhållet 2015 | Förbrukat": a project's balance
    if re.match(r"(?:erhallet|erhallna\s+medel|mottaget|mottagna\s+medel)\b", folded.strip()):
        return "cost"  # ... and what it received in the year: its grant
    if re.fullmatch(r"tillstyrk(?:s|t|es|ta)", folded.strip()):
        return "cost"  # "Sökt | Tillstyrks | Avstyrks": the part of the sum proposed
    if re.fullmatch(r"avstyrk(?:s|t|es|ta)", folded.strip()):
        return "spent"  # ... and the part turned down: a sum, but no grant
    if re.fullmatch(
        r"(?:totalt|total)(?:\s+(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)?\d\d))?", folded.strip()
    ):
        return "cost"  # "Totalt" after the years' columns: each row's whole sum
    if re.fullmatch(r"(?:grund|bas|tillaggs|del|bidrags|ram)belopp", folded.strip()):
        return "cost"  # "Grundbelopp", "Tilläggsbelopp": a part of each row's money
    if re.fullmatch(
        r"(?:an)?sokt\s+(?:lum|fou|mul|must|fum|medel)(?:\s+(?:19|20)\d\d)?(?:\s*,?\s*t?kr)?",
        folded.strip(),
    ):
        return "applied"  # "Sökt LUM 2013": the fund's money applied for, by year
    if _TRIP_COST_ITEM.fullmatch(folded.strip()):
        return "spent"  # "Avgift | Resa och logi | Summa kostnad": what a trip's cost is made of
    if re.fullmatch(
        r"(?:kr|kronor|kostnad|belopp)\s*/\s*(?:delt\w*|deltagare|person|pers)\.?", folded.strip()
    ):
        return "spent"  # "Kr/ person" beside "Sökt": money, but no row's own sum
    if re.search(r"\bper\s+(?:delt\w*|deltagare|person|pers|plats|dygn|manad|timme)\b", folded):
        return "count"  # "Kostnad per delt.": a rate, no sum of a row's own
    if UNIT_ONLY.match(cell.strip()) or _UNIT_THOUSAND.search(cell) or _UNIT_MILLION.search(cell):
        return "cost"
    if re.fullmatch(rf"{YEAR}(?:\s*\((?:tkr|kr|kronor|mkr|mnkr)\))?", cell.strip()):
        return "cost"  # a year's money column ("1999", unit on the line below)
    if _TERM_MONEY.fullmatch(folded.strip()):
        return "cost"  # "Höstterminen HT 2009 kr" beside "Läsåret 2009/10": a term's money
    if re.fullmatch(rf"{YEAR}\s*[-–]\s*(?:{YEAR}|\d\d)", cell.strip()):
        return "cost"  # "2021-2024" after the years' columns: the sum over all of them
    if re.fullmatch(
        rf"{YEAR}\s*\((?:utfall|forslag|budget|prognos|beslut|beviljat)\)", folded.strip()
    ):
        return "cost"  # "2025 (utfall)" beside "2026 (förslag)": each year's money
    if re.fullmatch(r"(?:ar|år|period|tidsperiod|projektperiod|tid)", folded.strip()):
        return "year" if folded.strip() in ("ar", "år") else "end"
    if re.match(
        r"planera\w*\s+(?:att\s+)?(?:an)?sokas\b|beraknat\s+(?:19|20)\d\d$", folded.strip()
    ):
        # ("Beräknat 1999" beside "Förslag 1998": a later year's money reckoned, no grant)
        return "spent"  # "Planeras sökas 2024": money to be applied for later, no grant
    if re.fullmatch(
        r"(?:pris\s+)?(?:inkl\.?|inklusive)\s*(?:moms|mervardesskatt)|moms\b.*", folded.strip()
    ):
        return "spent"  # "Pris inkl. moms", "Moms 25 %": the VAT the city gets back, no cost
    if re.fullmatch(
        r"(?:tak)?(?:pris|anbud)(?:\s+(?:exkl\.?|exklusive)\s*(?:moms|mervardesskatt))?"
        r"(?:,?\s*\(?(?:kr|kronor|tkr)\)?)?|"
        r"(?:exkl\.?|exklusive)\s*(?:moms|mervardesskatt)",
        folded.strip(),
    ):
        return "cost"  # "Pris exkl. moms": what the bought study costs
    if re.fullmatch(
        r"(?:projekt(?:en)?|studier(?:na)?|ansokningar(?:na)?|insatser(?:na)?)\s+som\s+"
        r"(?:(?:foreslas|rekommenderas|beviljas|tillstyrks|avstyrks|avslas)\s*)+",
        folded.strip(),
    ):
        return "name"  # "Projekt som rekommenderas | Stadsdelsförv. | Kr"
    if re.fullmatch(r"del(?:projekt|studie|insats)(?:ets?\s+namn)?", folded.strip()):
        return "name"  # "Delprojekt | Ansvarig | 2006": the parts of one plan (not "Delprojekt A")
    if re.fullmatch(r"(?:projekt|verksamhets|bidrags)-?ar", folded.strip()):
        return "year"  # "Projektår" ("2 av 3"): which of a project's years
    if re.fullmatch(
        r"(?:(?:forvaltningens|kontorets|namndens)\s+forslag|(?:uppskattad|beraknad)\s+kostnad)"
        r"(?:,?\s*\(?(?:kr|tkr|kronor|mnkr)\)?)?",
        folded.strip(),
    ):
        return "cost"  # "Uppskattad kostnad (kr)", "Förvaltningens förslag kr"
    if REVISED.fullmatch(folded.strip()):
        return "cost"  # "Reviderat förslag", "Justerat belopp": the sums after a change
    if re.match(r"(?:tidigare|ursprungliga?|ursprungligt|forra)\s+(?:forslag|belopp)\b", folded):
        return "cost"  # "Tidigare förslag 2009-01-27" beside "Nytt förslag": the sums before
    if END_FIELD.fullmatch(" ".join(folded.strip(" :").split())):
        return "end"  # "Beräknas klart", "Redovisas": as a card's end field is labelled
    hits = cue_hits(cell, "table_header")
    if not hits:
        return None
    letters = sum(1 for c in cell if c.isalpha())
    covered = sum(h.end - h.start for h in hits)
    if letters and covered < 0.5 * letters and not _LEADS.match(cell[hits[0].end :]):
        return None
    return {"cost": "cost", "district": "district"}.get(hits[0].value, hits[0].value)


#: a column of areas of the city: "Område", "Stadsdelsområde" (not "Verksamhetsområde")
_AREA_HEADER = re.compile(r"(?:geografiskt\s+)?(?:stadsdels)?omrade")


def combined_role(cell: str) -> str | None:
    """A column that holds two things one over the other ("Organisation / Insats": who,
    then on the line under it the project) — "performer_name" — or a column of areas
    ("Område"): districts."""
    folded = fold(cell).strip()
    if _AREA_HEADER.fullmatch(folded):
        return "district"
    if (labelled := re.match(r"(\w+):\s+\S", cell.strip())) and header_role(labelled[1]) == "end":
        return "end"  # "Slut: plan → utfall": the end, planned and as it turned out
    cell = re.sub(r"[\"”“]", "", cell)  # ("Förening" over '"Projekt"': the names quoted)
    # ("Organisation och verksamhet": the association, its activity on the line under it)
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+(?:och|samt)\s+", cell) if p.strip()]
    if len(parts) == 1 and re.fullmatch(r"[A-ZÅÄÖ]\w+ [A-ZÅÄÖa-zåäö]\w+", cell.strip()):
        parts = cell.split()  # "Förening" over "Verksamhet", a header set on two lines
    if len(parts) == 2:
        first, second = (header_role(p) for p in parts)
        if first == "performer" and second == "name":
            return "performer_name"
        if first == "name" and second == "performer":
            return "name"  # "Studie / utförare": the name, its performer on a labelled line
    return None


def unit_multiplier(cell: str) -> int:
    if _UNIT_THOUSAND.search(cell):
        return 1000
    if _UNIT_MILLION.search(cell):
        return 1_000_000
    return 1


#: the columns of a budget follow-up ("Budget 2017", "Prognos", "Utfall", "Avvikelse")
FOLLOWUP = re.compile(
    r"^\s*(?:netto|brutto)?(?:budget|prognos|helarsprognos|utfall|avvikelse|bokslut)\b"
)


#: a column of what a project saves or gives up ("Besparing 2010")
SAVED = re.compile(r"\s*(?:in)?besparing\w*\b")


def spent_beside(texts: Sequence[str]) -> bool:
    """Whether folded header cells set a project's budget beside what it spent or gives up:
    "Studie | Utförare | Budget 2016 | Förbrukat 2016", "Projekt | Budget 2009 | Åtgärd |
    Besparing 2010" (projects cut back)."""
    return any(t.startswith("forbruk") or SAVED.match(t) for t in texts) and any(
        t.startswith("budget") for t in texts
    )


def followup_header(cells: Sequence[str]) -> bool:
    """Whether a table's header cells are those of a budget follow-up ("Verksamhet | Budget
    2017 | Prognos | Avvikelse"): two columns or more of budget, forecast, outcome, deviation."""
    return sum(bool(FOLLOWUP.match(fold(c))) for c in cells) >= 2


STATE_MONEY_HEADER = re.compile(
    r"\s*(?:statsbidrag|statliga? medel|statligt (?:bidrag|stöd|stod))\b"
)
#: a column of the sums after a change: "Nytt förslag", "Nytt belopp", "Reviderat förslag"
REVISED = re.compile(
    r"\s*(?:nytt|ny|nya|reviderat|reviderad|justerat|justerad)\s+(?:forslag|belopp|beslut|bidrag)"
    r"|\s*(?:belopp\s+)?efter\s+(?:andring|justering|tillagg)"
)


#: a caption over money paid back: "Bilaga 2. Återföringsplan, mnkr", "Återbetalning per år"
PAID_BACK = re.compile(r"\bater(?:foring|betalning)\w*")


#: the kind of paper a letterhead prints beside the office that writes it
_PAPER_KIND = re.compile(
    r"(?:tjansteutlatande|ansokan|protokoll(?:sutdrag)?|promemoria|pm|skrivelse|yttrande|"
    r"rapport|projektplan|delegationsordning|utlatande|kallelse|missiv|redovisning|"
    r"verksamhetsplan|handlingsplan|meddelande)"
    # ("Protokoll nr 3/2025", "Tjänsteutlåtande 2019-03-04": the paper's number or date)
    r"(?:\s+nr\.?\s*\d[\d/ -]*|\s+(?:19|20)\d\d-\d\d-\d\d)?"
)


def letterhead_cells(cells: Sequence[str]) -> bool:
    """A letterhead's first line, not a table's header: an office or nämnd beside the kind of
    paper ("Spånga-Tensta stadsdelsförvaltning      Ansökan")."""
    return (
        len(cells) == 2
        and re.search(r"(?:forvaltning|namnd|stad|kontor)(?:en)?\b", fold(cells[0])) is not None
        and _PAPER_KIND.fullmatch(fold(cells[1]).strip()) is not None
    )
