"""Thirty-ninth session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* comments under a table of studies, each paragraph opening with the study's name said short
  as a sentence of its own ("Hemlösa kvinnor med missbruk. Studien genomförs i samarbete med
  …"): the paragraph is that study's text, and the districts it names as taking part are the
  study's;
* a study "genomförs av <performer> i <districts>": the districts take part; a body consulted
  ("i samråd med äldreförvaltningen") does not;
* a numbered item whose sum wraps onto a line of its own after a dash ("2. Name, Bromma
  stadsdelsförvaltning" ⏎ "— 320 000 kronor"): the sum is the item's;
* grants listed as "Owner: Project, sum", an entry wrapping onto the next line: the owner
  before the colon owns the project;
* "utvecklingsmedel från Länsstyrelsen" is a state grant, not the nämnd's own money.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import find_funds
from pipeline.records import Facts


def _projects(f: Facts) -> dict[str, tuple[tuple[str, ...], int | None]]:
    return {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    }


STUDIES = """
Föreslagna studier

Studie                     Utförare                 Klart        Kostnad
Hemlösa kvinnor med        Institutionen för        juni 2012    610 000 kr
missbruk - en uppföljning  socialt arbete,
av boendestödet            Lunds universitet
Skolfrånvaro och           Centrum för              maj 2012     480 000 kr
orosanmälningar - en       barnforskning,
kartläggning               Uppsala universitet
Äldre anhörigvårdare       Ersta Sköndal            mars 2012    390 000 kr
i invandrarfamiljer        högskola

Summa                                                            1 480 000 kr


Kommentarer till studierna

Hemlösa kvinnor med missbruk. Studien följer omkring 40 kvinnor
som har haft boendestöd i minst ett år. Den genomförs i samarbete
med stadsdelsförvaltningarna i Södermalm och Kungsholmen.

Skolfrånvaro och orosanmälningar. Kartläggningen görs i Farsta och
Skärholmen tillsammans med utbildningsförvaltningen.

Äldre anhörigvårdare. Studien omfattar anhöriga i hela staden,
oavsett vilken stadsdel som beviljat insatsen.
"""


def test_comments_that_name_a_study_short_give_it_its_districts(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2011, title="Beställning av stadsövergripande FoU-studier 2011") + STUDIES,
    )
    got = _projects(f)
    assert got["Hemlösa kvinnor med missbruk - en uppföljning av boendestödet"] == (
        ("kungsholmen", "sodermalm"),
        610000,
    )
    assert got["Skolfrånvaro och orosanmälningar - en kartläggning"][0][:2] == (
        "farsta",
        "skarholmen",
    )
    assert got["Äldre anhörigvårdare i invandrarfamiljer"] == ((), 390000)


STUDY_PARAGRAPHS = """
Föreslagna studier

Studie 1. Unga i öppenvård - vad händer efteråt?

Studien följer ungdomar som under 2008 fick öppenvård. Studien
genomförs av Forskningsgruppen Ungdomsvård AB i Bromma och
Farsta. Den kostar 450 000 kr.

Studie 2. Ekonomiskt bistånd till unga vuxna

Studien kartlägger vilka som söker ekonomiskt bistånd. Studien
genomförs av Sociologiska institutionen vid Lunds universitet, i
samråd med socialtjänstförvaltningen. Den kostar 520 000 kr.
"""


def test_carried_out_in_districts_but_not_those_consulted(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2008, title="Beställning av stadsövergripande FoU-studier 2008")
        + STUDY_PARAGRAPHS,
    )
    got = _projects(f)
    assert got["Unga i öppenvård - vad händer efteråt?"][0] == ("bromma", "farsta")
    assert got["Ekonomiskt bistånd till unga vuxna"][0] == ()


def test_a_numbered_items_sum_on_a_dashed_line_of_its_own(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2012, title="Fördelning av lokala utvecklingsmedel 2013")
        + """
Lokala utvecklingsmedel 2013

Följande projekt föreslås beviljas lokala utvecklingsmedel för
2013.

1. Stöd till unga anhöriga i missbruksfamiljer, Farsta
stadsdelsförvaltning - 410 000 kronor
2. Tidiga samtal vid skolfrånvaro, Bromma stadsdelsförvaltning
— 275 000 kronor
3. Gruppverksamhet för pappor, Östermalms stadsdelsförvaltning
- 190 000 kronor

Summa 875 000 kronor
""",
    )
    got = _projects(f)
    assert got["Tidiga samtal vid skolfrånvaro"] == (("bromma",), 275000)
    assert got["Gruppverksamhet för pappor"] == (("ostermalm",), 190000)


def test_grants_keyed_by_their_owner_and_a_colon(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2012, title="Medel för studiebesök (MUST) 2013")
        + """
Medel för studiebesök (MUST) 2013

En ansökan kan beviljas högst 25 000 kronor.

Skärholmen: Köpenhamn - samordnade insatser för unga i hemlöshet,
22 000 kronor
Bromma: Tammerfors - digitalt stöd i ekonomiskt bistånd, 18 000 kronor
Socialförvaltningen, Enheten för hemlösa: Edinburgh - boende
först för unga vuxna, 24 000 kronor

Summa 64 000 kronor
""",
    )
    got = _projects(f)
    assert got["Köpenhamn - samordnade insatser för unga i hemlöshet"] == (("skarholmen",), 22000)
    assert got["Tammerfors - digitalt stöd i ekonomiskt bistånd"] == (("bromma",), 18000)
    assert got["Edinburgh - boende först för unga vuxna"] == (
        ("enheten-for-hemlosa", "socialforvaltningen"),
        24000,
    )
    assert {p.fund_type for p in f.projects} == {"MUST"}


def test_development_money_from_the_county_board_is_a_state_grant() -> None:
    said = "Ansökan om utvecklingsmedel från Länsstyrelsen i Stockholms län 2014"
    assert [f[2] for f in find_funds(said)] == ["statsbidrag"]
    assert [f[2] for f in find_funds("Nämnden fördelar lokala utvecklingsmedel 2014")] == ["LUM"]
