"""Blind rounds n267–n282 and g359–g366, on short texts written for the test: running-prose
criteria in a grant decision that is not about an FoU fund; associations' activities in a
district's own list; one project named in prose whose money the next sentence states;
"Organisation: Project" items; a funder cell wrapped under a name; a "Finansiering" column
of fund and sum; a study table with a header over two lines; budget lines under a table."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

from pipeline.facts.drafts import names_a_project
from pipeline.facts.item_orgs import organisation_first


def _kinds(f: object) -> dict[int, str]:
    return {a.sek: a.kind for a in f.amounts}  # type: ignore[attr-defined]


def test_a_grant_decisions_reasons_in_prose_are_no_criteria(tmp_path: Path) -> None:
    text = """Kulturförvaltningen                              Tjänsteutlåtande
                                                 Dnr 2.5-118/2016
                                                 2016-02-09

Medel för drogförebyggande insatser bland unga 2016

Ärendet
Beredning
Ärendet har beretts av kulturförvaltningen. Ansökningarna har
bedömts utifrån om insatsen når unga som inte deltar i föreningslivet,
om den genomförs i någon av ytterstadens stadsdelar och om föreningen
själv bidrar med
ideella insatser.

Förvaltningen föreslår att sex insatser får medel om 140 000 kronor.
"""
    assert list(facts_of(tmp_path, text).criteria) == []


def test_an_fou_calls_criteria_in_prose_are_criteria(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-220/2016
                                                 2016-02-09

Lokala utvecklingsmedel 2016

Ärendet
Ansökningarna har bedömts utifrån om projektet bygger på kunskap
om vad som ger effekt, om det följs upp och om det kan bli en del
av ordinarie verksamhet. Förvaltningen föreslår 900 000 kronor.
"""
    crit = facts_of(tmp_path, text).criteria
    assert len(crit) == 3
    assert crit[0].text.startswith("projektet bygger på kunskap")


LIST = """Vantörs stadsdelsförvaltning                     Delegationsbeslut
                                                 Dnr 1.2-301/{year}
                                                 {year}-05-20

{subject}

Förvaltningen föreslår följande fördelning:

1. Rågsveds Bollklubb, fotbollsskola på sommarlovet .... 21 000 kr

2. Högdalens Scoutkår, dagläger i Flatens naturreservat .. 9 500 kr

3. Föreningen Örby Seniorer, promenadgrupper ............ 6 000 kr
"""


def test_associations_activities_in_a_districts_grant_list_have_no_district(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, LIST.format(year=2011, subject="Föreningsbidrag 2011"))
    got = {p.name: (p.performer, [d.district_id for d in p.districts]) for p in f.projects}
    assert got["fotbollsskola på sommarlovet"] == ("Rågsveds Bollklubb", [])
    assert all(districts == [] for _who, districts in got.values())


def test_associations_activities_with_local_development_money_are_the_districts(
    tmp_path: Path,
) -> None:
    subject = "Lokala utvecklingsmedel 2011"
    f = facts_of(tmp_path, LIST.format(year=2011, subject=subject))
    assert len(f.projects) == 3
    assert all([d.district_id for d in p.districts] == ["vantor"] for p in f.projects)


def test_a_project_named_once_whose_money_the_next_sentence_states(tmp_path: Path) -> None:
    text = """Bromma stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 1.5-88/2006
                                                 2006-03-14

Remiss av handlingsplan mot hemlöshet

Förvaltningens synpunkter
Sedan 2004 driver förvaltningen tillsammans med Kungsholmens
stadsdelsförvaltning projektet Bo kvar, ett stöd till hyresgäster
med skulder. Projektet har finansierats med 380 000 kronor per år
ur socialtjänstnämndens utvecklingsmedel och avslutas i juni 2006.
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.amount_sek) for p in f.projects] == [("Bo kvar", 380000)]
    assert {d.district_id for d in f.projects[0].districts} == {"bromma", "kungsholmen"}


def test_an_office_costs_and_a_pot_are_no_project_money(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 1.5-91/2010
                                                 2010-03-14

Remiss av program för unga med missbruk

Bakgrund
I förslaget ingår en gemensam pott om 9 mnkr per år, som
stadsdelsnämnderna kan söka ur. Förvaltningens kostnader för
placeringar av unga uppgick 2009 till 3,1 mnkr. Kostnaden för
samordningen, cirka 600 000 kronor, ska belasta nämnden.
"""
    kinds = _kinds(facts_of(tmp_path, text))
    assert kinds[9_000_000] == "budget"
    assert kinds[3_100_000] == "other"
    assert kinds[600_000] == "other"


def test_an_organisation_before_a_colon_carries_the_project_out() -> None:
    assert organisation_first("Tryggare Tillsammans Norrort: Stödgrupper för unga") == (
        "Stödgrupper för unga",
        "Tryggare Tillsammans Norrort",
    )
    # a project's own title and subtitle, or a label, are no organisation and its project
    assert organisation_first("Unga i fokus: En uppföljning")[1] is None
    assert organisation_first("Projekt Bryggan: Ett samarbete")[1] is None
    # "1ovsimskola": a lower-case l that OCR read as 1 after the association's comma
    assert organisation_first("Farsta Simklubb, 1ovsimskola för barn") == (
        "1ovsimskola för barn",
        "Farsta Simklubb",
    )


def test_a_funder_cell_wrapped_under_a_name_goes_on_with_its_row(tmp_path: Path) -> None:
    text = """Bromma stadsdelsförvaltning                      Verksamhetsberättelse
                                                 Dnr 1.1-40/2016
                                                 2016-02-10

Verksamhetsberättelse 2015

Externt finansierade projekt (tkr)

Projekt                        Finansiär               Beviljat   Förbrukat
Läxhjälp på biblioteket i      Socialnämnden (LUM)          300         280
Åkeshov
Mötesplats för unga i          Kommunstyrelsen              250         250
Blackeberg                     (trygghetsmedel)
Summa                                                       550         530
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Läxhjälp på biblioteket i Åkeshov", 300000),
        ("Mötesplats för unga i Blackeberg", 250000),
    ]


def test_a_finansiering_column_holds_each_rows_fund_and_sum(tmp_path: Path) -> None:
    text = """Skärholmens stadsdelsförvaltning                 Tjänsteutlåtande
                                                 Dnr 1.2-77/2022
                                                 2022-02-15

Redovisning av utvecklingsarbete 2021

Åtgärd                 Syfte                      Finansiering        Status
Språkvänner i          Fler samtal på svenska     LUM 300 tkr         Avslutad
Bredäng                för nyanlända                                  dec 2021
Studiebesök            Uppsökande arbete          MUL 40 tkr          Genomfört
Göteborg                                                              okt 2021
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.fund_type) for p in f.projects)
    assert got == [
        ("Språkvänner i Bredäng", 300000, "LUM"),
        ("Studiebesök Göteborg", 40000, "MUL"),
    ]


def test_a_study_table_whose_header_wraps_with_a_year(tmp_path: Path) -> None:
    text = """Stadsledningskontoret                            Tjänsteutlåtande
                                                 Dnr 300-95/2009
                                                 2009-03-03

Uppföljning av stadsövergripande FoU-studier 2008

Nr   Uppdrag                  Utförare              Slut-     Ram kr       Utbetalt
                                                    rapport                t.o.m. 2008
S 1  Unga vuxna och skulder   Stockholms            juni      640 000      300 000
     - en kartläggning        universitet           2009
S 2  Anhörigstöd i            Ersta Sköndal         klar      410 000      410 000
     demensvården             högskola              dec 2008
     Summa                                                    1 050 000    710 000
Avsatt för år 2009                                            1 500 000
Ej fördelat                                                     450 000
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.performer) for p in f.projects)
    assert got == [
        ("Anhörigstöd i demensvården", 410000, "Ersta Sköndal högskola"),
        ("Unga vuxna och skulder – en kartläggning", 640000, "Stockholms universitet"),
    ]


def test_a_tables_budget_lines_name_no_project() -> None:
    assert not names_a_project("Avsatt för år 2004")
    assert not names_a_project("Ej fördelat")
    assert not names_a_project("Återstår")
    assert names_a_project("Kvarteret Trappan")


def test_an_owner_line_under_a_wrapped_name_gives_the_district(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-410/2019
                                                 2019-02-12

Uppföljning av lokala utvecklingsmedel 2018

Projekt                          Beviljat     Utbetalt    Förbrukat
Läsombud på äldreboenden i         210 000      210 000    198 000
ytterstaden
  Skarpnäcks sdf (avslutat)
Mentorer för unga vuxna i          340 000      170 000    150 000
Husby
  Rinkeby-Kista sdf (pågår)
Summa                              550 000      380 000    348 000
"""
    f = facts_of(tmp_path, text)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got == {
        "Läsombud på äldreboenden i ytterstaden": ["skarpnack"],
        "Mentorer för unga vuxna i Husby": ["rinkeby-kista"],
    }


def test_quoted_names_under_districts_with_a_description_between(tmp_path: Path) -> None:
    text = """Socialtjänstförvaltningen                        Tjänsteutlåtande
                                                 Dnr 610-77/1999
                                                 1999-03-30

Lokala utvecklingsmedel 1999, andra omgången

Förvaltningen föreslår att följande projekt beviljas medel.

Farsta sdn
"Telefonrådgivning för föräldrar"
En socionom svarar på frågor två kvällar i veckan. Under 2000 kan
projektet få kr 60 000 till efter en delrapport.
Sökt: kr 140 000                        Förslag: kr 120 000

Bromma sdn
"Gruppverksamhet för barn i växelvis boende"
Sökt: kr 90 000                         Förslag: kr 90 000

Kungsholms sdn
"Uppsökande arbete bland äldre med alkoholproblem"
Sökt: kr 175 000                        Förslag: kr 150 000
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.year, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Telefonrådgivning för föräldrar": (120000, 1999, ["farsta"]),
        "Gruppverksamhet för barn i växelvis boende": (90000, 1999, ["bromma"]),
        "Uppsökande arbete bland äldre med alkoholproblem": (150000, 1999, ["kungsholmen"]),
    }


def test_an_applications_table_of_years_and_a_total_without_a_names_header(
    tmp_path: Path,
) -> None:
    text = """Skarpnäcks stadsdelsförvaltning                  Tjänsteutlåtande
                                                 Dnr 1.2-60/2016
                                                 2016-02-02

Ansökan om lokala utvecklingsmedel 2016–2017

Budget (kronor)

                                   Sökt LUM          Sökt LUM
                                   2016              2017          Totalt
A  Språkcafé för föräldrar           120 000           100 000        220 000
B  Stödsamtal i skolan               200 000           180 000        380 000
Summa sökt LUM                       320 000           280 000        600 000
Egen insats (lokaler)                 50 000            50 000        100 000
Projektens totala kostnad            370 000           330 000        700 000
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.status) for p in f.projects)
    assert got == [
        ("Språkcafé för föräldrar", 220000, "ansökt"),
        ("Stödsamtal i skolan", 380000, "ansökt"),
    ]
    assert _kinds(f)[220000] == "other"


def test_a_sentence_with_a_sum_after_a_table_is_no_row(tmp_path: Path) -> None:
    text = """Bromma stadsdelsnämnd                            Protokoll
                                                 Dnr 1.4-33/2006
                                                 2006-04-20

Föreningsbidrag 2006

Förening                               Verksamhet                         Belopp
Riksby Boule                           Boule för seniorer                12 000 kr
Åkeshovs Scoutkår                      Hajk för nya scouter              16 000 kr

Bromma Modellflygklubb har ansökt om 45 000 kr för en ny bana.
Ansökan avser inte öppen verksamhet och föreslås avslås.
"""
    f = facts_of(tmp_path, text)
    assert sorted(p.name for p in f.projects) == ["Boule för seniorer", "Hajk för nya scouter"]


def test_outcomes_against_a_budget_are_no_budget(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Verksamhetsberättelse
                                                 Dnr 1.1-12/2015
                                                 2015-02-10

Verksamhetsberättelse 2014

Kostnaden för hemtjänst blev 2,4 mnkr högre än budgeterat.
Kostnaderna för ekonomiskt bistånd överskred budget med 0,9 mnkr.
Investeringsbudgeten för 2014 var 3,2 mnkr.
"""
    kinds = _kinds(facts_of(tmp_path, text))
    assert kinds == {2_400_000: "other", 900_000: "other", 3_200_000: "budget"}


def test_a_partner_named_after_an_items_sum(tmp_path: Path) -> None:
    text = """Skarpnäcks stadsdelsförvaltning                  Verksamhetsberättelse
                                                 Dnr 1.1-20/2015
                                                 2015-02-12

Verksamhetsberättelse 2014

Med lokala utvecklingsmedel från socialnämnden genomfördes två
projekt:

  – Läxhjälp i Bagarmossen, 240 000 kronor, i samarbete
    med Farsta stadsdelsförvaltning
  – Seniorträffar i Kärrtorp, 180 000 kronor
"""
    f = facts_of(tmp_path, text)
    got = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert got == {
        "Läxhjälp i Bagarmossen": ["farsta", "skarpnack"],
        "Seniorträffar i Kärrtorp": ["skarpnack"],
    }


def test_a_proposed_grant_column_beside_a_total_cost(tmp_path: Path) -> None:
    text = """Socialtjänstförvaltningen                        Tjänsteutlåtande
                                                 Dnr 611-40/1999
                                                 1999-03-02

Lokala utvecklingsmedel 1999

Nr  Stadsdel         Projekt                            Total       Föreslaget
                                                        kostnad kr  bidrag kr
1   Farsta           Anhöriggrupper för föräldrar         300 000     150 000
                     till unga med missbruk
2   Bromma           Samtalsgrupper för pappor            120 000     100 000
                                                      ---------   ---------
    Summa                                               420 000     250 000
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek) for p in f.projects)
    assert got == [
        ("Anhöriggrupper för föräldrar till unga med missbruk", 150000),
        ("Samtalsgrupper för pappor", 100000),
    ]
    kinds = _kinds(f)
    assert kinds[250000] == "total_granted"
    assert kinds[420000] == "other"


def test_a_list_introduced_after_the_main_criterion_on_its_line(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0101/2023
                                                 2023-02-14

Lokala utvecklingsmedel 2023

Huvudkriteriet för projekt som beviljas medel är att de prövar
arbetssätt som kan användas i hela staden. Vidare har följande
områden prioriterats i år:

-  Projekt för barn som bevittnat våld
-  Projekt som minskar långvarigt försörjningsstöd
"""
    crit = facts_of(tmp_path, text).criteria
    assert [(c.kind, c.position) for c in crit] == [
        ("criterion", 1),
        ("priority", 1),
        ("priority", 2),
    ]


DELEGATION = """HÄSSELBY-VÄLLINGBY                                  DELEGATIONSBESLUT
STADSDELSFÖRVALTNING                                Dnr 1.4-150/2015
                                                    Sida 1 (1)

Beslutsdatum:     2015-05-12
Delegation:       Hässelby-Vällingby stadsdelsnämnds
                  delegationsordning punkt 7.2
Handläggare:      Karin Ek

Bidrag till lovaktiviteter sommaren 2015

Beslut
1. Bidrag beviljas till två föreningar med sammanlagt 33 000
   kronor enligt tabellen nedan.

Ärendet
Fyra föreningar har ansökt om sammanlagt 61 000 kronor.

Förening                   Aktivitet                       Belopp, kr
Vällingby Bollklubb        Fotbollsläger för flickor           21 000
Grimsta Scoutkår           Kanothajk                           12 000
Summa                                                          33 000
"""


def test_a_stadsdelsnamnds_own_district_is_mentioned_from_its_head(tmp_path: Path) -> None:
    f = facts_of(tmp_path, DELEGATION)
    assert [m.district_id for m in f.mentions] == ["hasselby-vallingby"]
    assert f.mentions[0].page_no == 1


def test_the_rows_of_a_table_a_decision_grants_are_granted(tmp_path: Path) -> None:
    f = facts_of(tmp_path, DELEGATION)
    got = sorted((p.name, p.status, p.amount_sek) for p in f.projects)
    assert got == [
        ("Fotbollsläger för flickor", "beviljad", 21000),
        ("Kanothajk", "beviljad", 12000),
    ]


def test_the_remiss_a_subject_answers_is_no_part_of_its_title(tmp_path: Path) -> None:
    text = """                                              Farsta
                                              stadsdelsförvaltning

                                              Tjänsteutlåtande
                                              Dnr 1.5-210/2019
                                              2019-03-05

Remiss av förslag till nya regler för stadens
trygghetsmedel
Svar på remiss från kommunstyrelsen, KS 2019/101

Förvaltningens förslag till beslut
1. Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som
   svar på remissen.
"""
    p = tmp_path / "remiss.txt"
    p.write_text(text, encoding="utf-8")
    title = understood(p).meta.title
    assert title == "Remiss av förslag till nya regler för stadens trygghetsmedel"


def test_a_table_of_organisations_grants_in_year_columns_with_their_unit(
    tmp_path: Path,
) -> None:
    text = """Socialförvaltningen                              Protokollsutdrag
                                                 Dnr 3.1-900/2018
                                                 2018-11-20

Organisationsbidrag till frivilligorganisationer 2019

Organisationsbidrag           Verksamhet                    2018 kr     2019 kr
Stödcentrum Ankaret           Jourtelefon för anhöriga       410 000     430 000
Föreningen Nattljus           Natthärbärge för kvinnor     1 150 000   1 200 000
Summa                                                      1 560 000   1 630 000
"""
    f = facts_of(tmp_path, text)
    values = sorted(a.sek for a in f.amounts)
    assert 2018 not in values and 2019 not in values  # the header's years are no money
    assert {410_000, 430_000, 1_150_000, 1_200_000, 1_630_000} <= set(values)


def test_association_and_activity_pairs_parted_by_blank_lines(tmp_path: Path) -> None:
    text = """BROMMA STADSDELSFÖRVALTNING                         DELEGATIONSBESLUT
                                                    Dnr 1.4-88/2017

Bidrag till föreningar hösten 2017

Beslut
1. Bidrag beviljas till två föreningar med sammanlagt 37 000 kronor.

Fördelning

Ålstens Hembygdsförening
  Julmarknad i Ålstensgården .......................... 15 000 kr

Blackebergs Dansklubb
  Danskvällar för seniorer                              22 000 kr
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer, p.amount_sek) for p in f.projects)
    assert got == [
        ("Danskvällar för seniorer", "Blackebergs Dansklubb", 22000),
        ("Julmarknad i Ålstensgården", "Ålstens Hembygdsförening", 15000),
    ]


def test_a_carrier_after_the_name_and_the_writers_own_office(tmp_path: Path) -> None:
    text = """SKÄRHOLMENS STADSDELSNÄMND                       PROTOKOLLSUTDRAG
                                                 Sammanträde 2003-04-10

§ 12
Lokala utvecklingsavtalet 2003
Dnr 112-40/2003

Beslut
1. Stadsdelsnämnden beviljar medel till projekten enligt nedan.

Förvaltningen föreslår att följande projekt beviljas medel.

1. Mötesplats för föräldrar i Bredäng, stadsdelsförvaltningen
   Beviljas 300 000 kr

2. Simskola för vuxna, Skärholmens Simallians
   Beviljas 240 000 kr

3. Trygga gårdar, AB Familjebostäder
   Beviljas 410 000 kr
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.performer, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Mötesplats för föräldrar i Bredäng": (None, ["skarholmen"]),
        "Simskola för vuxna": ("Skärholmens Simallians", []),
        "Trygga gårdar": ("AB Familjebostäder", []),
    }


def test_sums_proposed_and_turned_down_in_tillstyrks_and_avstyrks_columns(
    tmp_path: Path,
) -> None:
    text = """Socialtjänstförvaltningen                        Tjänsteutlåtande
                                                 Dnr 610-30/1999
                                                 1999-02-23

Lokala utvecklingsmedel 1999

Nr  Stadsdel       Projekt                       Sökt     Tillstyrks  Avstyrks
1   Farsta         Samtalsgrupper för unga       200 000    150 000     50 000
                   pappor
2   Bromma         Hembesök hos äldre            180 000                180 000
    Summa                                        380 000    150 000    230 000
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.status, p.amount_sek) for p in f.projects)
    assert got == [
        ("Hembesök hos äldre", "ansökt", 180000),
        ("Samtalsgrupper för unga pappor", "beviljad", 150000),
    ]


def test_sub_numbered_rows_under_their_owners_numbered_line(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.2-0300/2024
                                                 2024-03-12

Lokala utvecklingsmedel 2024 (tkr)

                                                             Sökt   Förslag
1    Farsta sdf
     1.1  Läxhjälp för barn i familjer med                   300       250
          försörjningsstöd
     1.2  Digitala föräldragrupper                           150       150
2    Bromma sdf
     2.1  Mötesplats för anhöriga                            200       200
     ----------------------------------------------------------------------
     Summa                                                   650       600
"""
    f = facts_of(tmp_path, text)
    got = {p.name: ([d.district_id for d in p.districts], p.amount_sek) for p in f.projects}
    assert got == {
        "Läxhjälp för barn i familjer med försörjningsstöd": (["farsta"], 250000),
        "Digitala föräldragrupper": (["farsta"], 150000),
        "Mötesplats för anhöriga": (["bromma"], 200000),
    }


def test_the_remiss_line_under_a_blank_is_no_title_and_a_kind_word_no_name(
    tmp_path: Path,
) -> None:
    text = """Södermalms                                    Tjänsteutlåtande
stadsdelsförvaltning                          Dnr SÖ 2023/00410
                                              2023-05-09

Remissvar avseende förslag till handlingsplan mot
våld i nära relationer 2023–2026

Remiss från kommunstyrelsen, KS 2023/0377


Förvaltningens förslag till beslut

1. Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som
   svar på remissen.


Projektet Trygg hemma
Sedan 2022 driver förvaltningen projektet Trygg hemma med
statsbidrag om 900 000 kronor. Projektet avslutas i december 2023.
"""
    p = tmp_path / "remissvar.txt"
    p.write_text(text, encoding="utf-8")
    assert understood(p).meta.title == (
        "Remissvar avseende förslag till handlingsplan mot våld i nära relationer 2023–2026"
    )
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Trygg hemma"]
