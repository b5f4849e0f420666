"""Forty-seventh session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* a table of districts by year captioned as money already granted ("Beviljade … per
  stadsdelsnämnd och år") is a compilation of grants, not frames to share out;
* a list item that gives its project's facts after the name ("Name – District, 2019–2021,
  sammanlagt 900 tkr, avslutat"): the owner after the dash, the sum, what became of it;
* a lettered list "a) b) c)" whose items carry their fields as dashes set in under them
  ("– Ansvarig: …", "– Sökt belopp: …"): one project per letter;
* "Bidrag kan beviljas en förening som" over a list: criteria; "… angett att föreningar
  som" ⏎ list ⏎ "ska prioriteras …": priorities;
* a trip named after its owners in the genitive ("Kistas och Brommas gemensamma resa till
  X, purpose");
* "Delprojekt | … | Utgift" tables;
* projects headed "Name (beviljat N kr)" over a paragraph each;
* associations' grants by district beside a count of their leaders;
* "ansökan om N kronor avser …", "i stället erbjuds …", "Alternativ B – …", "Jämförelse"
  are no projects' names;
* a plan's projects priced at the right margin of their name line over a paragraph each;
* "För MUL gäller att" conditions, "Styrelsen prioriterar under 2013 ansökningar som".
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD


def _granted(f: object) -> dict[str, tuple[int | None, str | None, tuple[str, ...]]]:
    return {
        p.name: (p.amount_sek, p.status, tuple(sorted(d.name_as_printed for d in p.districts)))
        for p in f.projects  # type: ignore[attr-defined]
    }


def test_a_compilation_of_grants_by_district_and_year_is_granted_money(tmp_path: Path) -> None:
    text = HEAD.format(year=2023, title="Sammanställning av lokala utvecklingsmedel 2020–2022") + (
        """
Bakgrund
Nämnden har bett förvaltningen sammanställa de medel som har beviljats de senaste åren.

Tabell 1. Beviljade lokala utvecklingsmedel per stadsdelsnämnd och
år, tkr

Stadsdelsnämnd              2020     2021     2022    Totalt

Farsta                       310      250        –       560
Skarpnäck                      –      400      420       820
Bromma                       280        –      300       580
Kungsholmen                  150      200      250       600

Summa                        740      850      970     2 560
"""
    )
    f = facts_of(tmp_path, text)
    cells = [a for a in f.amounts if a.sek in (310_000, 820_000, 420_000, 2_560_000)]
    assert cells and {a.kind for a in cells} == {"total_granted"}
    # a table of this year's frames, captioned so, stays a budget
    frames = text.replace("Beviljade lokala utvecklingsmedel", "Ramar för lokala utvecklingsmedel")
    (tmp_path / "frames").mkdir()
    g = facts_of(tmp_path / "frames", frames)
    assert {a.kind for a in g.amounts if a.sek == 310_000} == {"budget"}


def test_an_items_facts_after_its_name_and_owner(tmp_path: Path) -> None:
    text = HEAD.format(year=2022, title="Projekt med lokala utvecklingsmedel 2019–2021") + (
        """
Bakgrund
Tre projekt har beviljats medel under minst två av åren:

- Läxhjälp i biblioteket – Farsta, 2019–2021, sammanlagt 900 tkr,
  avslutat.
- Stödgrupp för anhöriga – Bromma (medsökande Kungsholmen), 2020
  och 2021, sammanlagt 640 tkr, avslutat.
- Digital mottagning – Skarpnäck, 2020–2022, sammanlagt 1 100 tkr,
  pågår.

Förvaltningens synpunkter
Förvaltningen har inga synpunkter.
"""
    )
    got = _granted(facts_of(tmp_path, text))
    assert got["Läxhjälp i biblioteket"] == (900_000, "genomförd", ("Farsta",))
    assert got["Stödgrupp för anhöriga"][:2] == (640_000, "genomförd")
    assert set(got["Stödgrupp för anhöriga"][2]) == {"Bromma", "Kungsholmen"}
    assert got["Digital mottagning"] == (1_100_000, "pågående", ("Skarpnäck",))


def test_a_lettered_list_with_its_fields_as_dashes_under_each_item(tmp_path: Path) -> None:
    text = HEAD.format(year=2010, title="Ansökan om lokala utvecklingsmedel 2011") + (
        """
Bakgrund
Förvaltningen ansöker om lokala utvecklingsmedel för följande projekt:

a)  Samtalsgrupper för tonåringar med skilda föräldrar
    Familjeenheten erbjuder gruppsamtal under tio veckor.
    –  Ansvarig: enhetschef Anna Exempel
    –  Tid: mars – december 2011
    –  Total kostnad: 260 000 kr, varav egen finansiering
       60 000 kr
    –  Sökt belopp: 200 000 kr

b)  Budgetrådgivning vid första besöket
    Mottagningen prövar en ny modell.
    –  Ansvarig: socialsekreterare Bo Exempel
    –  Tid: april – november 2011
    –  Sökt belopp: 140 000 kr

Förvaltningens synpunkter
Båda projekten ligger inom nämndens prioriteringar.
"""
    )
    names = set(_granted(facts_of(tmp_path, text)))
    assert names == {
        "Samtalsgrupper för tonåringar med skilda föräldrar",
        "Budgetrådgivning vid första besöket",
    }


def test_grant_conditions_and_a_list_closed_by_its_priority(tmp_path: Path) -> None:
    text = HEAD.format(year=2015, title="Organisationsbidrag 2016") + (
        """
Bakgrund
Bidrag kan beviljas en förening som

  – arbetar med stöd till personer i utsatta situationer,
  – är demokratiskt uppbyggd,
  – har sin verksamhet i Stockholms stad.

Nämnden har i verksamhetsplanen för 2016 angett att föreningar
som

  – ger stöd till unga som lämnar kriminalitet, och
  – erbjuder härbärgesplatser under vintern

ska prioriteras vid fördelningen.

Ärendets beredning
Ärendet har beretts inom avdelningen.
"""
    )
    got = [(c.kind, c.text) for c in facts_of(tmp_path, text).criteria]
    assert ("criterion", "är demokratiskt uppbyggd") in got
    assert ("priority", "erbjuder härbärgesplatser under vintern") in got
    assert sum(k == "criterion" for k, _t in got) == 3
    assert sum(k == "priority" for k, _t in got) == 2


def test_trips_named_after_their_owners_in_the_genitive(tmp_path: Path) -> None:
    text = HEAD.format(year=2008, title="Medel för studiebesök 2008") + (
        """
Bakgrund
Förvaltningen föreslår att följande studiebesök beviljas medel:

  –  Kistas och Brommas gemensamma resa till Bergen, mottagning av
     ensamkommande barn, 48 000 kr
  –  Farstas resa till Åbo, föräldrastöd i grupp, 22 000 kr

Förvaltningens synpunkter
Resorna ligger inom nämndens inriktning.
"""
    )
    got = _granted(facts_of(tmp_path, text))
    assert got["Bergen, mottagning av ensamkommande barn"][0] == 48_000
    assert len(got["Bergen, mottagning av ensamkommande barn"][2]) == 2
    assert got["Åbo, föräldrastöd i grupp"][0] == 22_000


def test_a_table_of_sub_projects_and_their_outlays(tmp_path: Path) -> None:
    text = HEAD.format(year=2018, title="Investeringsbeslut för upprustning av parker") + (
        """
Bakgrund
Delprojekten framgår av tabellen.

Tabell 1. Delprojekt (mnkr)

Nr  Delprojekt                         Område       Utgift  Klart
1   Ny lekplats i Östbergaparken       Östberga        4,2  jun 2019
2   Belysning längs Årstaviken         Årsta           3,1  dec 2019
    Summa                                              7,3
"""
    )
    got = _granted(facts_of(tmp_path, text))
    assert got["Ny lekplats i Östbergaparken"][0] == 4_200_000
    assert got["Belysning längs Årstaviken"][0] == 3_100_000


def test_projects_headed_with_their_grant_in_brackets(tmp_path: Path) -> None:
    text = HEAD.format(year=2003, title="Överföring av outnyttjade utvecklingsmedel till 2004") + (
        """
Bakgrund
Förvaltningen redovisar här hur projekten har gått under året.

Läxhjälp på biblioteket (beviljat 120 000 kr)
Projektet har pågått sedan februari. Hittills har 30 elever deltagit.

Samtalsgrupper för pappor (beviljat 95 000 kr)
Grupperna startade först i september eftersom gruppledaren var sjuk.

Förvaltningens synpunkter
Förvaltningen föreslår att outnyttjade medel förs över till 2004.
"""
    )
    got = _granted(facts_of(tmp_path, text))
    assert got["Läxhjälp på biblioteket"][0] == 120_000
    assert got["Samtalsgrupper för pappor"][0] == 95_000


def test_associations_grants_by_district_with_a_count_column(tmp_path: Path) -> None:
    text = HEAD.format(year=2004, title="Bidrag till ledarutbildning 2004") + (
        """
Bakgrund
Förvaltningen föreslår bidrag enligt tabellen.

Förening                           Stadsdel              Ledare   Bidrag, kr

Bagarmossens Bollklubb             Skarpnäck                 12       18 000
Tensta Simsällskap                 Spånga-Tensta              8       12 000
Fruängens Judoklubb                Hägersten                 10       15 000

Summa                                                        30       45 000
"""
    )
    f = facts_of(tmp_path, text)
    assert not [a for a in f.amounts if a.sek in (12, 8, 10, 30)]  # leaders counted, no money
    assert {a.kind for a in f.amounts if a.sek in (18_000, 12_000, 15_000)} == {"project_cost"}


def test_an_application_turned_down_and_an_option_are_no_names(tmp_path: Path) -> None:
    from pipeline.facts.drafts import names_a_project

    assert not names_a_project("ansökan om 450 000 kronor avser i stort samma målgrupp")
    assert not names_a_project("i stället erbjuds att delta i det projektets nätverk")
    assert not names_a_project("Alternativ B – projektet genomförs i sökt omfattning")
    assert not names_a_project("Jämförelse")
    assert names_a_project("Ansökan om stöd i vardagen – en metodutveckling")


def test_a_plans_projects_priced_at_the_right_margin_over_their_paragraphs(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2006, title="Verksamhetsplan 2007 – utvecklingsprojekt") + (
        """
Bakgrund
Projekten redovisas nedan med den beräknade kostnaden för 2007.

Läsombud i hemtjänsten                                        210 tkr
Frivilliga läsombud besöker äldre med hemtjänst varje vecka. Projektet
startar i mars 2007 och finansieras med egen budget.

Öppen mottagning för unga vuxna                               340 tkr
Mottagningen har öppet två kvällar i veckan och drivs tillsammans med
ungdomsmottagningen.

Förvaltningens synpunkter
Förvaltningen har inga synpunkter.
"""
    )
    got = _granted(facts_of(tmp_path, text))
    assert got["Läsombud i hemtjänsten"][0] == 210_000
    assert got["Öppen mottagning för unga vuxna"][0] == 340_000


def test_conditions_for_a_fund_and_a_board_that_prioritises(tmp_path: Path) -> None:
    text = HEAD.format(year=2019, title="Utlysning av medel för utveckling och lärande 2020") + (
        """
Bakgrund
Högsta belopp för en studieresa är 30 000 kr. Nämnden prioriterar under 2020 resor som

  •  knyter an till ett pågående utvecklingsarbete,
  •  sprids till kollegor efter resan.

För MUL gäller att
• resan ska genomföras inom Norden,
• ansökan ska vara godkänd av förvaltningens ledning.

Ärendets beredning
Ärendet har beretts inom avdelningen.
"""
    )
    got = {c.text for c in facts_of(tmp_path, text).criteria}
    assert "knyter an till ett pågående utvecklingsarbete" in got
    assert "resan ska genomföras inom Norden" in got
    assert len(got) == 4
