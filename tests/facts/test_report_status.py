"""A report on projects granted earlier gives each project the status its own text reports:
a headed paragraph that says the project ended, an end date before the report's date, one that
goes on into the next year, and a title that says the year's projects were carried out."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

HEAD = """Bromma stadsdelsförvaltning                         Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg          Dnr 3.2-0099/2019
                                                    Sida 1 (2)
                                                    2019-03-12
Handläggare                                         Till
Karin Exempel                                       Bromma stadsdelsnämnd
Telefon: 08-508 00 001                              2019-04-04
"""

BODY = """
Förslag till beslut

1. Stadsdelsnämnden godkänner redovisningen.

Sammanfattning

Under 2018 har följande projekt bedrivits:

  –  Läxhjälp på biblioteket (beviljat Bromma)
  –  Pappagrupper i öppenvården (beviljat Bromma)
  –  Stöd till anhöriga vid demens (beviljat Bromma)

Läxhjälp på biblioteket

Projektet beviljades 200 000 kronor. Projektet avslutades i oktober 2018 och arbetssättet
ingår nu i ordinarie verksamhet.

Pappagrupper i öppenvården

Projektet beviljades 150 000 kronor och fortsätter under 2019 med egna medel.

Stöd till anhöriga vid demens

Projektet beviljades 120 000 kronor och har haft sexton deltagare.
"""


def _statuses(tmp_path: Path, title: str) -> dict[str, str | None]:
    f = facts_of(tmp_path, HEAD + "\n" + title + "\n" + BODY)
    return {p.name: p.status for p in f.projects}


def test_a_report_gives_each_project_what_its_own_text_says(tmp_path: Path) -> None:
    got = _statuses(tmp_path, "Redovisning av lokala utvecklingsprojekt 2018")
    assert got["Läxhjälp på biblioteket"] == "genomförd"
    assert got["Pappagrupper i öppenvården"] == "pågående"
    assert got["Stöd till anhöriga vid demens"] == "beviljad"  # its text says neither


def test_a_title_that_says_the_projects_were_carried_out(tmp_path: Path) -> None:
    got = _statuses(tmp_path, "Redovisning av lokala utvecklingsprojekt som genomförts under 2018")
    assert got["Stöd till anhöriga vid demens"] == "genomförd"
    assert got["Pappagrupper i öppenvården"] == "pågående"
