"""A table column that holds two things one under the other: a project's name, then on the
line or lines under it who applies for it or carries it out ("Insats och sökande", "Projekt /
projektägare"). Pure."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.facts.grid_model import GridColumn, GridRow
from pipeline.facts.lists import Place, covered_by_places
from pipeline.facts.text_units import dehyphen_join
from pipeline.lang.fuzzy import fold

__all__ = [
    "group_owner",
    "DATED_BRACKET",
    "with_own_applicant",
    "PLACED_BRACKET",
    "applicant_under_name",
    "district_over_name",
    "name_over_applicant",
    "name_over_owner",
    "owner_below",
    "split_name_applicant",
]

_NAME_OVER_APPLICANT = re.compile(
    r"(?:projekt|insats|verksamhet|aktivitet|andamal|namn|studie)\w*\s*(?:och|/|,)?\s*"
    r"(?:sokande|projektagare|ansvarig\w*|anordnare|utforare|forening)"
)
#: a line that runs on into the next: it ends in a word that needs one after it ("… för
#: unga i" over "Ryd"), or in a hyphen or comma
_RUNS_ON = re.compile(
    r"(?:\b(?:i|for|och|med|av|pa|till|mot|om|vid|en|ett|som|samt|inom|fran|under|kring|"
    r"efter|bland|hos|utan|det|den|de)|[-–,])$"
)


#: the kind of association that ends a compound name ("Kista Seniorers Kulturförening")
_CLUB = re.compile(r"forening\w*|klubb\w*|natverk\w*")


def name_over_applicant(header: str) -> bool:
    """A name column headed as holding its applicant under each name ("Insats och sökande")."""
    return bool(_NAME_OVER_APPLICANT.fullmatch(fold(header).strip()))


def name_over_owner(header: str) -> bool:
    """A name column headed "Projekt" over "Förvaltning": each name's owner on the line under
    it, a district's name alone."""
    return bool(_NAME_OVER_OWNER.fullmatch(fold(header).strip()))


_NAME_OVER_OWNER = re.compile(
    r"(?:projekt|projektnamn|insats|studie)\s*(?:/|och\s|&)?\s*"
    r"(?:forvaltning|stadsdel\w*|sdf|ansvarig\w*|projektagare|agare|huvudman)"
)


def split_name_applicant(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """A cell's lines as the name's and the applicant's: the applicant opens on the first
    line after the first that begins with a capital letter where the line above it does not
    run on ("Lördagsöppen idrottshall för unga i" / "Ryd" / "Ryds Fritidsförening": the
    third). Without such a line, all of it is the name."""
    rows = [ln.strip() for ln in lines if ln.strip()]
    for k in range(1, len(rows)):
        if rows[k][:1].isupper() and not _RUNS_ON.search(fold(rows[k - 1])):
            return rows[:k], rows[k:]
    return rows, []


def applicant_under_name(r: GridRow, places: Callable[[str], list[Place]]) -> None:
    """The applicant under a row's name: a district (or the city's own unit) owns the row, a
    förvaltning of another municipality nobody, anyone else carries it out."""
    named, who = split_name_applicant(r.cells.get("name", []))
    if not who:
        return
    r.cells["name"] = named
    # ("Utförare: Malmö universitet": the label of a labelled line is no part of who it is)
    text = re.sub(
        r"^(?:utförare|sökande|ansvarig|projektägare|anordnare)\s*:\s*",
        "",
        " ".join(who),
        flags=re.I,
    )
    # (an association named after its place is no district: "Kista Seniorers Kulturförening")
    if places(text) and not _CLUB.search(fold(text)) and not _ASSOCIATION.search(fold(text)):
        r.cells.setdefault("district", []).append(text)
    elif "forvaltning" not in fold(text):
        r.cells.setdefault("performer", []).append(text)


def owner_below(
    name_lines: Sequence[str], places: Callable[[str], list[Place]], headed: bool = False
) -> tuple[list[Place], int]:
    """The places of a name cell's last line (or last lines, the owner wrapped: "Hässelby-
    Vällingby stadsdels-" over "nämnd") when it is only an owner phrase and a bracket
    ("Hägersten-Älvsjö sdf (avslutat)", "Bromma sdf, medsökande Farsta sdf"), and how many
    lines it takes; a district's name alone under a header that says so (`headed`: "Projekt"
    over "Förvaltning")."""
    for taken in range(1, min(3, len(name_lines))):
        owner = dehyphen_join([ln.strip() for ln in name_lines[-taken:]])
        last = re.sub(r"\s*\([^()]*\)\s*$", "", owner).strip()
        last = re.sub(r",\s+[a-zåäö][\w\s-]*$", "", last)  # ("…förvaltningen, familjerätten")
        found = places(last)
        # (an owner's word: "Rinkeby" alone ends a name, "… äldre i" over "Rinkeby")
        owner_word = re.search(r"\bsdf\b|\bsdn\b|forvaltning|stadsdelsnamnd", fold(last))
        if (
            found
            and (owner_word or headed)
            and found[0].start == 0
            and covered_by_places(last, found)
        ):
            return places(owner), taken  # (with a partner in its bracket: "(medsökande …)")
    return [], 0


def district_over_name(r: GridRow, places: Callable[[str], list[Place]]) -> None:
    """A district alone on the first line of a row's name cell, the project's name on the
    lines under it ("Farsta" over "Samordnade planer för unga med …" in a column headed by
    the fund): the district owns the row."""
    lines = [ln.strip() for ln in r.cells.get("name", []) if ln.strip()]
    if len(lines) >= 2 and lines[0].count("(") > lines[0].count(")") and ")" in lines[1]:
        # "Södermalm (medsökande" over "Kungsholmen) Lågtröskelboende …": the owner's
        # bracket closes on the name's first line
        end = lines[1].index(")") + 1
        lines = [f"{lines[0]} {lines[1][:end]}", lines[1][end:].strip(), *lines[2:]]
        lines = [ln for ln in lines if ln]
    if len(lines) < 2 or not lines[1][:1].isupper() or r.cells.get("district"):
        return
    owner = lines[0].split("(")[0].strip()
    found = places(owner)
    if found and found[0].start == 0 and covered_by_places(owner, found):
        r.cells["district"], r.cells["name"] = [lines[0]], lines[1:]


def performer_cell(text: str, clean: Callable[[str], str], nobody: re.Pattern[str]) -> str | None:
    """Who a performer column's cell names (`clean` joins its lines; `nobody` says no one
    yet: "Upphandlas"), a footnote's mark and a researcher's name after the organisation
    dropped."""
    cell = re.sub(r"(?<=\w)[*¹²³†]+$", "", clean(text))  # a footnote's mark
    if not cell or nobody.match(fold(cell).strip(" .")):
        return None
    person = _PERSON_AFTER_ORG.search(cell)
    if person is not None and _ORG_WORD.search(fold(cell[: person.start()])):
        # "Institutionen för kriminologi, Stockholms universitet (Jonas Hellberg)": the
        # researcher who leads it, beside the organisation that carries it out
        cell = cell[: person.start()].rstrip(" ,")
    return cell


_PERSON_AFTER_ORG = re.compile(
    r"\s*\((?:[A-ZÅÄÖ][a-zåäöéü]+[- ]){1,2}[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?\)\s*$"
)
_ORG_WORD = re.compile(r"universitet|hogskola|institut|\bab\b|akademi|kommun|region|stiftelse")
#: a unit of a stadsdelsförvaltning's own in an "Arrangör" column ("Skarpnäcks
#: fritidsgårdar", "Fältgruppen", "Familjecentralen i Bagarmossen"), not an association
_OWN_UNIT = re.compile(
    r"\b\w*(?:fritidsgard(?:ar|en|arna)?|familjecentral(?:en)?|faltgrupp(?:en)?|"
    r"faltassistent(?:er|erna)?|ungdomsgard(?:en)?|traffpunkt(?:en)?|stadsdelsforvaltning(?:en)?)\b"
)
_ASSOCIATION = re.compile(r"\b(?:forening\w*|klubb\w*|ik|if|bk|ff|sallskap\w*|forbund\w*|ab)\b")


def own_unit(performer: str) -> bool:
    """Whether a performer cell names one of the district's own units (the district runs the
    row itself) rather than an association or company."""
    folded = fold(performer)
    return bool(_OWN_UNIT.search(folded)) and not _ASSOCIATION.search(folded)


#: a bracket after a name in its cell that gives its districts (or a co-applicant), then
#: perhaps when it ends: "(Södermalm, Norrmalm; klar juni 2010)", "(medsökande Farsta)"
PLACED_BRACKET = re.compile(
    r"\s*\((?P<co>(?:medsökande|tillsammans med|i samverkan med)\s+)?"
    r"(?P<where>[^();]{3,80}?)(?:;\s*(?P<end>[^();]{3,30}))?\)\s*$"
)
#: a bracket after a name that gives who carries it out and when it ends
DATED_BRACKET = re.compile(r"\s*\((?P<who>[^()]{3,80}),\s*(?P<end>[^(),]{4,30})\)\s*$")


#: a column of the districts applying beside the owner: "Medsökande", "Samverkanspart"
_CO_APPLICANT = re.compile(r"(?:med\s*sokande|samverkanspart\w*|samarbetspart\w*)\b")
_TOGETHER = re.compile(r"\b(?:gemensamt|tillsammans)\s+med\b")


def with_own_applicant(
    district: str | None,
    columns: Sequence[GridColumn],
    own: Sequence[Place],
    own_district: bool,
    row: str = "",
) -> str | None:
    """A row's district cell under a "Medsökande" column in a stadsdelsnämnd's own table
    names the partner; the nämnd's own district applies beside it ("Skärholmen" → Farsta and
    Skärholmen), and alone where the cell is empty ("–")."""
    headers = [fold(c.header) for c in columns if c.role == "district"]
    column = any(_CO_APPLICANT.match(h) for h in headers)
    # (or the row says its partner applies with it: "…(KOMET), gemensamt med Norrmalm")
    if not own_district or not (column or _TOGETHER.search(fold(row))):
        return district
    if not district or covered_by_places(district, own):
        return " ".join(p.name_as_printed for p in own) if column else district
    return " ".join([*(p.name_as_printed for p in own), district])


def group_owner(
    cells: Sequence[str], places: Callable[[str], list[Place]]
) -> tuple[str | None, list[str]] | None:
    """The owner a numbered line without money names over the sub-numbered rows under it
    ("2    Norra innerstadens sdf" over "2.1  Uppsökande arbete …"), and the name cells left;
    a row's own sub-number ("2.1") dropped. None when the cells begin with neither."""
    cells = list(cells)
    owner = None
    if len(cells) > 2 and re.fullmatch(r"\d{1,2}\.?", cells[0].strip()):
        found = places(cells[1])
        if found and covered_by_places(cells[1], found):
            owner, cells = cells[1].strip(), cells[2:]
    if not cells or not re.fullmatch(r"\d{1,2}\.\d{1,2}", cells[0].strip()):
        return None if owner is None else (owner, cells)
    return owner, cells[1:]
