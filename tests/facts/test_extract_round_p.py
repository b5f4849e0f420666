"""Layout families of blind round P, each on a short text written for the test: an
application's cost breakdown announced by a sentence (its rows carry their own unit; a row is
no table header), and an autumn application whose money is for next year."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

HEAD = """Skarpnäcks stadsdelsförvaltning                     Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg          Dnr 1.2-0400/2015
                                                    Sida 1 (2)
                                                    2015-09-29
Handläggare                                         Till
Sara Exempel                                        Skarpnäcks stadsdelsnämnd
Telefon: 08-508 00 004                              2015-10-15
"""

BODY = """
Ansökan om lokala utvecklingsmedel för projektet Trygga steg

Förslag till beslut
1. Stadsdelsnämnden godkänner ansökan till socialnämnden om 300 000 kronor.
2. Stadsdelsnämnden medfinansierar projektet med 90 000 kronor under 2016.

Kostnader
Projektets kostnader beräknas enligt följande:

  Personal (samordnare 40 %)                               210 000 kr
  Handledning                                               40 000 kr
  Utvärdering                                              110 000 kr
  Material och lokaler                                      30 000 kr
  Totalt                                                   390 000 kr

Förvaltningen står för 90 000 kronor inom ordinarie budget.
"""


def test_an_announced_cost_breakdown_has_other_items_and_a_project_cost_total(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, HEAD + BODY)
    kinds = {(a.sek, a.kind) for a in f.amounts}
    for sek in (210_000, 40_000, 110_000, 30_000):
        assert (sek, "other") in kinds
    assert (390_000, "project_cost") in kinds
    # "Utvärdering  110 000 kr" is a row, not the header of a table of one row
    assert {p.name for p in f.projects} <= {"Trygga steg"}


def test_an_autumn_application_is_about_next_years_money(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD + BODY)
    assert {a.year for a in f.amounts} == {2016}
