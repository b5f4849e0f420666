"""Blind rounds g279–g286 and n187–n194 (typical documents), on short texts written for the
test: applications as paragraphs headed "Organisation – ”Project”" and closed by a line
"Sökt belopp: … Förslag: …"; a name cell that goes on to describe the project ("Projekt och
syfte"); study items "Title, research body, sum"; a later "Förvaltningens förslag" listing
projects after the decisions; the social committees' bare "utvecklingsmedel"; criteria
introduced "enligt de villkor … Ett projekt ska"; a project named like a section
("Bedömningsstöd …"); tables grouped under capitalised labels with "Delsumma" rows and a
"Sökande" column of associations; a wrapped name whose second line starts with a capital;
and the förvaltning that paid for a project, which is no district of it."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

SN_TU = """Socialförvaltningen                              Tjänsteutlåtande
Avdelningen för stadsövergripande                Dnr 3.1.2-112/2016
sociala frågor                                   Sida 1 (3)
                                                 2016-02-02
Handläggare
Maja Ekdahl
                                                 Till
                                                 Socialnämnden

"""


def test_applications_headed_by_organisation_and_quoted_project(tmp_path: Path) -> None:
    text = (
        SN_TU
        + """Projektbidrag 2016 till idéburna organisationer

Förvaltningens förslag till beslut
1. Socialnämnden beviljar projektbidrag med sammanlagt 610 000 kronor.

Ärendet
Förvaltningens bedömning av ansökningarna:

Föreningen Läxkompisar – ”Läsglädje i Bagarmossen”
Läsecirklar för barn i årskurs 3–5 på biblioteket, i samarbete med
Skarpnäcks stadsdelsförvaltning.
Sökt belopp: 260 000 kronor. Förslag: 240 000 kronor.

Stiftelsen Nattljus – ”Nattcafé”
Ett öppet café för unga på fredagskvällar i hela staden.
Sökt belopp: 200 000 kronor. Förslag: 170 000 kronor.

Brygga Söder – ”Föräldrar som resurs i Hökarängen”
Föräldrautbildning i samverkan med Farsta stadsdelsförvaltning.
Sökt belopp: 220 000 kronor. Förslag: 200 000 kronor.
"""
    )
    f = facts_of(tmp_path, text)
    got = {
        p.name: (p.amount_sek, p.performer, [d.district_id for d in p.districts])
        for p in f.projects
    }
    assert got == {
        "Läsglädje i Bagarmossen": (240_000, "Föreningen Läxkompisar", ["skarpnack"]),
        "Nattcafé": (170_000, "Stiftelsen Nattljus", []),
        "Föräldrar som resurs i Hökarängen": (200_000, "Brygga Söder", ["farsta"]),
    }


def test_a_name_cell_that_goes_on_to_describe_the_project(tmp_path: Path) -> None:
    text = """SKARPNÄCKS STADSDELSFÖRVALTNING                   TJÄNSTEUTLÅTANDE
Avdelningen för individ- och familjeomsorg       Sida 1 (2)
                                                 Dnr 304-88/2006
                                                 2006-02-01

Fördelning av stadsdelsnämndens utvecklingsmedel 2006

Förslag till beslut

1.   Stadsdelsnämnden fördelar 210 000 kr till tre projekt enligt
     förvaltningens förslag.

Enhet                  Projekt och syfte                        Belopp kr

Vuxenenheten           Återfallsprevention i grupp. Sex          80 000
                       träffar för klienter som avslutat
                       behandling.

Familjeenheten         Nätverksmöten före placering. Metoden     70 000
                       prövas i alla nya ärenden under
                       hösten.

Mottagningen           Digital tidsbokning för besök.            60 000
                       Klienterna bokar själva sina tider.

Summa                                                           210 000
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Digital tidsbokning för besök", 60_000),
        ("Nätverksmöten före placering", 70_000),
        ("Återfallsprevention i grupp", 80_000),
    ]


def test_study_items_that_name_their_research_body_after_a_comma(tmp_path: Path) -> None:
    text = (
        SN_TU
        + """Forsknings- och utvecklingsmedel 2016

Förvaltningens förslag till beslut
1. Socialnämnden beviljar medel till två studier enligt förslaget.

Ärendet
Förvaltningen föreslår medel till följande studier:

-  Barns boendeförhållanden vid placering, Malmö universitet,
   institutionen för socialt arbete, 410 000 kr
-  Äldres ensamhet i innerstaden, Institutet för äldreforskning,
   290 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Barns boendeförhållanden vid placering": (
            410_000,
            "Malmö universitet, institutionen för socialt arbete",
        ),
        "Äldres ensamhet i innerstaden": (290_000, "Institutet för äldreforskning"),
    }


SOTN_2000 = """STOCKHOLMS STAD
SOCIALTJÄNSTFÖRVALTNINGEN                              TJÄNSTEUTLÅTANDE
Utvecklingsenheten                                     2000-02-08
                                                       Dnr 106-077/00

                                                       Till
                                                       Socialtjänstnämnden

UTVECKLINGSMEDEL FÖR ÅR 2000 TILL STADSDELSNÄMNDERNA

Förslag till beslut

1.  Socialtjänstnämnden beviljar utvecklingsmedel för år 2000 till tre
    projekt med sammanlagt 420 000 kr.

2.  Socialtjänstnämnden avslår övriga ansökningar.

BEDÖMNING

Förvaltningen har prövat ansökningarna enligt de villkor
som angavs i inbjudan. Ett projekt ska

-   gälla arbetet med klienter,
-   dokumenteras och följas upp,
-   kunna spridas till andra stadsdelsnämnder.

FÖRVALTNINGENS FÖRSLAG

Förvaltningen föreslår att följande projekt beviljas medel för
2000.

1.  Spånga: Bedömningsstöd för orosanmälningar
    ......................................... 150 000 kr

2.  Farsta: Gruppstöd för tonårsföräldrar
    ......................................... 140 000 kr

3.  Kungsholmen: Uppsökande arbete på härbärgen
    ......................................... 130 000 kr
"""


def test_a_later_office_proposal_lists_projects_not_decisions(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(SOTN_2000, encoding="utf-8")
    doc = understood(path)
    assert [d.text for d in doc.decisions] == [
        "Socialtjänstnämnden beviljar utvecklingsmedel för år 2000 till tre projekt med "
        "sammanlagt 420 000 kr.",
        "Socialtjänstnämnden avslår övriga ansökningar.",
    ]


def test_bare_development_money_of_the_social_committee_is_local_money(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SOTN_2000)
    got = {p.name: (p.amount_sek, p.fund_type) for p in f.projects}
    # "Bedömningsstöd …" opens like a section "Bedömning", but it is a project's name
    assert got == {
        "Bedömningsstöd för orosanmälningar": (150_000, "LUM"),
        "Gruppstöd för tonårsföräldrar": (140_000, "LUM"),
        "Uppsökande arbete på härbärgen": (130_000, "LUM"),
    }
    assert [(c.fund_type, c.text) for c in f.criteria] == [
        ("LUM", "gälla arbetet med klienter"),
        ("LUM", "dokumenteras och följas upp"),
        ("LUM", "kunna spridas till andra stadsdelsnämnder"),
    ]


def test_groups_under_labels_with_subtotals_and_associations_applying(tmp_path: Path) -> None:
    text = """Idrottsförvaltningen                             Tjänsteutlåtande
                                                 Dnr 5.1-0330/2010
                                                 2010-04-13

Projektstöd till föreningar 2010

Förslag till beslut
1. Idrottsnämnden beviljar projektstöd enligt bilagan.

Bilaga 1

Sökande                       Projekt                          Kronor

BOLLSPORT
IK Nordstjärnan               Fotboll för flickor i              40 000
                              Hagsätra
Rågsveds Basket               Basket efter skolan                35 000
                                                  Delsumma      75 000

SIM OCH VATTEN
Simklubben Vågen Kista        Simskola för vuxna                 30 000
Kanotföreningen Strömmen      Paddla i sommar                    25 000
                                                  Delsumma      55 000

Totalt                                                         130 000
"""
    f = facts_of(tmp_path, text)
    got = {
        p.name: (p.amount_sek, p.performer, [d.district_id for d in p.districts])
        for p in f.projects
    }
    assert got == {
        "Fotboll för flickor i Hagsätra": (40_000, "IK Nordstjärnan", []),
        "Basket efter skolan": (35_000, "Rågsveds Basket", []),
        "Simskola för vuxna": (30_000, "Simklubben Vågen Kista", []),
        "Paddla i sommar": (25_000, "Kanotföreningen Strömmen", []),
    }


def test_a_wrapped_name_whose_second_line_starts_with_a_capital(tmp_path: Path) -> None:
    text = """SKÄRHOLMENS STADSDELSFÖRVALTNING                 Tjänsteutlåtande
                                                 Dnr 1.2-045/2017
                                                 2017-02-14

Verksamhetsberättelse 2016, externt finansierade projekt

Projekt                        Finansiär              Belopp     Period
Språkstöd för nyanlända        Länsstyrelsen,         640 000    2016–2017
Stockholmsfamiljer             statsbidrag
Läxhjälp i Bredäng             Allmänna arvsfonden    520 000    2016
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Läxhjälp i Bredäng", 520_000),
        ("Språkstöd för nyanlända Stockholmsfamiljer", 640_000),
    ]


def test_the_administration_that_paid_is_no_district_of_the_project(tmp_path: Path) -> None:
    text = """HÄSSELBY-VÄLLINGBY STADSDELSFÖRVALTNING          TJÄNSTEUTLÅTANDE
                                                 Dnr 502-210/2006
                                                 2006-05-02

Remissvar om stadens plan mot hemlöshet

Sammanfattning
Förvaltningen ställer sig bakom planens inriktning.

Förvaltningen har goda erfarenheter av projektet Boende med stöd i
Vällingby, som under 2005 fick 280 000 kronor i utvecklingsmedel från
socialtjänstförvaltningen och genomfördes tillsammans med Bromma
stadsdelsförvaltning.
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, [d.district_id for d in p.districts]) for p in f.projects] == [
        ("Boende med stöd i Vällingby", ["hasselby-vallingby", "bromma"])
    ]
