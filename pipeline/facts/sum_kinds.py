"""What a document's kind says of its sums, after every reader has had its say.

* A procurement's tjänsteutlåtande grants nothing: its sums are a contract's value, a price
  ceiling, the office's own costs (``other``), a frame only where its sentence says nothing of
  the contract ("Nämndens budget för boendestöd är …"), a bought study's or evaluation's
  cost its work's (``project_cost``).
* The sum an application asks for, printed as asked for ("… ansöker om 320 000 kronor för
  projektet …", "godkänner ansökan … om 280 000 kronor"), is no project's money yet: applied
  for (``other``), as the corpora's writers mark it (in the gold, 580 of the 600 applied-for
  projects' sums are printed as ``other`` at least once, 12 as ``project_cost`` only).

Pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.facts.context import OPERATING_FUNDS, BodyLine, find_funds
from pipeline.facts.drafts import Draft
from pipeline.lang.fuzzy import fold
from pipeline.records import Amount, Project

__all__ = ["PROCURES", "co_financed_costs", "procured_amounts", "sought_amounts"]

#: a subject or a sentence about a procurement
PROCURES = re.compile(r"\bupphandl|\banbud|tilldelningsbeslut")
#: what a procurement's sums are about: a contract's value, a price
_CONTRACT = re.compile(r"\b(?:avtal\w*|kontrakt\w*|anbud\w*|upphandl\w*|vard\w*|pris\w*)")
_FRAME = re.compile(r"\b(?:inom en ram|ram om|ramen|budget\w*|avsatt\w*|avsatts)\b")
_COMMISSIONED = re.compile(r"\b(?:uppdrag\w*|utvardera\w*|utvardering\w*|studie\w*)\b")
#: the sum's sentence asks for it ...
_ASKED = re.compile(r"\b(?:ansok\w*|soker|sokt\w*|soks|sokes)\b")
#: ... and does not grant it ("beviljades … på ansökan av …")
_GIVEN = re.compile(r"\b(?:bevilja\w*|tilldela\w*|foresla\w*|fick|far)\b")


def procured_amounts(amounts: Sequence[Amount], subject: str | None) -> list[Amount]:
    """`amounts` as a procurement's sums when `subject` is a procurement's (module
    docstring)."""
    if subject is None or not PROCURES.search(fold(subject)):
        return list(amounts)
    return [_procured(a) for a in amounts]


def _procured(a: Amount) -> Amount:
    said = fold(a.evidence)
    if a.project_id is not None or a.kind in ("other", "state_grant"):
        return a
    if a.kind == "budget" and (not _CONTRACT.search(said) or _FRAME.search(said)):
        return a
    if a.kind == "project_cost" and _COMMISSIONED.search(said):
        return a  # a study or evaluation bought: the work's cost ("uppdraget att utvärdera …")
    return dataclasses.replace(a, kind="other")


def sought_amounts(amounts: Sequence[Amount], projects: Sequence[Project]) -> list[Amount]:
    """`amounts` with each applied-for project's own sum, printed as asked for, applied for
    (module docstring)."""
    sought = {(p.project_id, p.amount_sek) for p in projects if p.status == "ansökt"}
    return [
        dataclasses.replace(a, kind="other")
        if a.kind == "project_cost"
        and (a.project_id, a.sek) in sought
        and _ASKED.search(_before(a))
        and not _GIVEN.search(_before(a))
        else a
        for a in amounts
    ]


def _before(a: Amount) -> str:
    """The words of the amount's evidence up to the sum (its clause, not the next one: "att
    ansöka … med 450 000 kronor …, att …, om ansökan beviljas, …")."""
    at = a.evidence.find(a.raw)
    text = a.evidence if at < 0 else a.evidence[max(0, at - _BEFORE_CHARS) : at]
    return fold(text)


_BEFORE_CHARS = 160


_CO_FINANCED = re.compile(
    r"\begen insats\w*|\bmedfinansier\w*|\bsjalv (?:star|svarar) for|\begen finansiering"
)
_WHOLE_COST = re.compile(r"\btotal\w*|\bberaknas kosta|\bkostar\b|\bsumma\b|\bsammanlagd kostnad")


def co_financed_costs(amounts: Sequence[Amount], text: str) -> list[Amount]:
    """An application paid partly by the applicant itself (`text`, the document's, says so):
    the project's whole cost is no one fund's money (the sum applied for is)."""
    if not _CO_FINANCED.search(fold(text)):
        return list(amounts)
    return [
        dataclasses.replace(a, fund_type=None) if a.kind == "project_cost" and _whole_cost(a) else a
        for a in amounts
    ]


def _whole_cost(a: Amount) -> bool:
    """The amount states a project's whole cost ("Projektets totala kostnad beräknas till …",
    a Summa row), not a part of it ("…, varav 7,3 mnkr söks")."""
    text = fold(a.evidence)
    at = text.find(fold(a.raw))
    return bool(_WHOLE_COST.search(text)) and "varav" not in (text[:at] if at >= 0 else text)


#: a grant to an organisation's running activity named ("Verksamhetsbidrag", "verksamhetsstöd")
_OPERATING = re.compile(r"\bverksamhets(?:bidrag|stod)")
#: a project said to be one ("för projektet Sommarscen Bromma")
_PROJECT_WORD = re.compile(r"\bprojekt")
#: a kind of grant named ("Utvecklingsbidrag", "projektstöd")
_GRANT = re.compile(r"\b\w{3,}(?:bidrag|stod)\b")
_CAPTION_REACH = 60  # lines from a table's caption down to its last row (a page break between)


def running_activity(d: Draft, lines: Sequence[BodyLine]) -> bool:
    """Is draft `d` an association's running activity granted money, not a project? Its
    fund is an operating grant, said in its own row ("Farsta Hembygdsförening
    Verksamhetsbidrag  45 000") or by the last line above it that names a fund ("Tabell 9.
    Verksamhetsbidrag till föreningar"), and nothing calls it a project."""
    if d.fund_type not in OPERATING_FUNDS or _PROJECT_WORD.search(fold(d.evidence)):
        return False
    if _OPERATING.search(fold(d.evidence)):
        return True
    for j in range(d.first_line - 1, max(-1, d.first_line - 1 - _CAPTION_REACH), -1):
        said = fold(lines[j].text)
        if re.search(r"\S\s{3,}\S", lines[j].text):
            continue  # another row of the table ("PRO Åkeshov  Verksamhetsbidrag  15 000")
        if _OPERATING.search(said):
            return True
        if find_funds(lines[j].text) or _GRANT.search(said):
            return False  # "Tabell 2. Utvecklingsbidrag 2022": another grant's rows
    return False


def operating_grants(
    projects: Sequence[Project], amounts: Sequence[Amount], running: set[str]
) -> tuple[list[Project], list[Amount]]:
    """An association's grant to its running activity ("Verksamhetsbidrag" in a row's
    grant-form cell, a table of "Verksamhetsbidrag till föreningar") is money, no project:
    the rows leave the projects, their sums stay, no project's cost."""
    if not running:
        return list(projects), list(amounts)
    return [p for p in projects if p.project_id not in running], [
        dataclasses.replace(
            a, project_id=None, kind="other" if a.kind == "project_cost" else a.kind
        )
        if a.project_id in running
        else a
        for a in amounts
    ]
