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


KS_HEAD = """Kommunledningsförvaltningen                         Tjänsteskrivelse
                                                    2017-02-14
Handläggare                                         Till
Per Exempel                                         Kommunstyrelsen
"""


def test_grants_listed_as_association_comma_activity(tmp_path: Path) -> None:
    """ "Förvaltningen föreslår följande bidrag:" over "- Association, activity: sum" items:
    projects carried out by the association, of the document's grant programme."""
    f = facts_of(
        tmp_path,
        KS_HEAD
        + """
Föreningsbidrag 2017 till sociala föreningar

Förslag till beslut
1. Kommunstyrelsen beviljar föreningsbidrag med sammanlagt 150 000 kronor.

Kommunstyrelsen har avsatt 200 000 kronor för stöd till sociala föreningar.

Förvaltningen föreslår följande bidrag:

- Brottsofferjouren Norrort, stödsamtal för brottsutsatta: 90 000 kr
- Föreningen Gemenskap, språkcafé för nyanlända: 60 000 kr
Summa: 150 000 kr
""",
    )
    got = {p.name: (p.performer, p.amount_sek, p.fund_type) for p in f.projects}
    assert got == {
        "stödsamtal för brottsutsatta": ("Brottsofferjouren Norrort", 90_000, "föreningsbidrag"),
        "språkcafé för nyanlända": ("Föreningen Gemenskap", 60_000, "föreningsbidrag"),
    }
    # the programme's money in running text is the programme's
    budget = next(a for a in f.amounts if a.sek == 200_000)
    assert budget.fund_type == "föreningsbidrag"


def test_a_tab_table_of_measures_and_a_partner_named_below(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD
        + """
Fördelning av trygghetsmedel 2016

Förslag till beslut
1. Stadsdelsnämnden godkänner fördelningen av trygghetsmedel om 300 000 kr.

Förvaltningen föreslår att medlen fördelas enligt följande:

Insats\tAnsvarig enhet\tBelopp (kr)
Nattvandring vid tunnelbanan\tFältgruppen\t120 000
Belysning i parken\tAvdelningen för stadsmiljö\t180 000
Totalt\t\t300 000

Insatsen med nattvandring genomförs tillsammans med Farsta stadsdelsförvaltning.
""",
    )
    got = {p.name: ({d.district_id for d in p.districts}, p.amount_sek) for p in f.projects}
    assert got["Nattvandring vid tunnelbanan"] == ({"skarpnack", "farsta"}, 120_000)
    assert got["Belysning i parken"] == ({"skarpnack"}, 180_000)
