"""Thirty-first session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* criteria lettered "a." … "d." after an introduction that ends in a modal ("Ett projekt
  bör"), the list's joining "och" no part of an item; a priority the committee "har angett"
  in a sentence of its own;
* studies under mixed-case headings after an introduction, then a part of the document under
  a capital heading: the part is no study; the districts a study's text says take part
  ("har anmält att de vill delta", "som … startade");
* a wrapped name cell that ends in a series of district names ("från Farsta, Bromma och
  Kista") keeps the series: it is the name's, no owner's.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD


def test_lettered_criteria_after_a_modal_and_a_decided_priority(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Fördelning av lokala utvecklingsmedel 2006")
        + """
Bedömningsgrunder

Ansökningarna har prövats mot de villkor som nämnden fastställde i
januari 2006. Ett projekt bör

  a.  utgå från en fråga som förvaltningen själv har formulerat,
  b.  ha stöd av en handledare med forskarutbildning,
  c.  redovisas skriftligt inom ett år, och
  d.  vara möjligt att sprida till andra stadsdelar.

För 2006 har nämnden dessutom angett att projekt som gäller unga
vuxna utan arbete ska ges företräde.

Beslut

Förvaltningen föreslår att medlen fördelas enligt bilaga.
"""
    )
    f = facts_of(tmp_path, text)
    crit = [(c.kind, c.position, c.text) for c in f.criteria]
    assert [c for c in crit if c[0] == "criterion"] == [
        ("criterion", 1, "utgå från en fråga som förvaltningen själv har formulerat"),
        ("criterion", 2, "ha stöd av en handledare med forskarutbildning"),
        ("criterion", 3, "redovisas skriftligt inom ett år"),
        ("criterion", 4, "vara möjligt att sprida till andra stadsdelar"),
    ]
    prio = [c[2] for c in crit if c[0] == "priority"]
    assert prio == ["projekt som gäller unga vuxna utan arbete ska ges företräde"]


def test_studies_under_headings_end_at_a_capital_part(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2001, title="STADSÖVERGRIPANDE STUDIER 2001")
        + """
BAKGRUND

Nämnden beställer varje år studier som är av intresse för flera
stadsdelsnämnder.

FÖRSLAG TILL NYA STUDIER

Förvaltningen föreslår att följande två studier beställs under år 2001.

Hemtjänst för äldre med demens

Studien ska beskriva hur hemtjänsten planerar insatser för äldre med
demens. Bromma och Farsta stadsdelsnämnder har anmält att de vill
delta. Kostnaden beräknas till 380 000 kronor.

Unga som lämnar familjehem

Studien ska följa upp de unga som Kista och Vantörs
stadsdelsnämnder placerade i familjehem och som startade egna
hushåll 1999. Kostnaden får uppgå till högst 260 tkr.


INRIKTNING AV ARBETET ÅR 2002

Förvaltningen föreslår att arbetet inriktas mot följande områden:

  –  barn i familjer med ekonomiskt bistånd
  –  äldres psykiska hälsa
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert "INRIKTNING AV ARBETET ÅR 2002" not in got
    assert got["Hemtjänst för äldre med demens"] == ["bromma", "farsta"]
    assert set(got) == {"Hemtjänst för äldre med demens", "Unga som lämnar familjehem"}


def test_a_name_cell_ending_in_a_series_of_districts_keeps_it(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2003, title="Redovisning av avslutade studier 2002")
        + """
Tabell 1. Avslutade studier 2002

Kostnad   Studie                            Utförare                       Klar
(tkr)
  380     Nätverksmöten i barnavårds-       Stockholms universitet         maj
          utredningar – erfarenheter från                                  2002
          Farsta, Bromma och Kista
  240     Boendestöd för unga vuxna         Ersta Sköndal högskola         juni
                                                                           2002
  620     Summa
"""
    )
    f = facts_of(tmp_path, text)
    names = [p.name for p in f.projects]
    assert (
        "Nätverksmöten i barnavårdsutredningar – erfarenheter från Farsta, Bromma och Kista"
        in names
    )
