"""Layout families of blind rounds U (genre g119–g126) and n59–n66, each on a short text
written for the test: lettered att-satser granting projects, a study table with a Tidsplan
column, an applicant's paragraph that completes a listed project, criteria written "dels …,
dels …", a 1990s district column with short names, a block name wrapped onto its next line,
a budget follow-up table, an agenda, ranges of money and the year printed after a sum."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

from pipeline.lang.amounts import find_amounts
from pipeline.understand.repair_digits import fix_digit_letters

SDN_HEAD = """STOCKHOLMS STAD                                         PROTOKOLLSUTDRAG
Bromma stadsdelsnämnd                                   Sida 1 (2)
                                                        Sammanträdesdatum
                                                        2021-02-18

§ 7
Fördelning av lokala utvecklingsmedel (LUM) 2021
Dnr BR 2021/0033

"""

LETTERED = """Beslut

Bromma stadsdelsnämnd beslutar

a) att bevilja Barn- och ungdomsenheten 120 000 kr för projektet
   "Sommarkollo i egen regi",

b) att bevilja Vuxenenheten tillsammans med Kungsholmens
   stadsdelsförvaltning 95 000 kr för projektet "Bostadsguide för unga",

c) att förklara paragrafen omedelbart justerad.
"""


def test_lettered_att_satser_are_decisions_each_granting_its_own_project(
    tmp_path: Path,
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(SDN_HEAD + LETTERED, encoding="utf-8")
    decisions = understood(path).decisions
    assert [d.item_no for d in decisions] == [1, 2, 3]
    assert decisions[0].text.startswith("att bevilja Barn- och ungdomsenheten 120 000 kr")
    f = facts_of(tmp_path, SDN_HEAD + LETTERED)
    got = {p.name: p for p in f.projects}
    assert got["Sommarkollo i egen regi"].amount_sek == 120_000
    partners = got["Bostadsguide för unga"]
    assert partners.amount_sek == 95_000
    assert {d.district_id for d in partners.districts} == {"bromma", "kungsholmen"}
    assert {p.year for p in f.projects} == {2021}


KS_HEAD = """Stadsledningskontoret                                       Tjänsteutlåtande
Avdelningen för analys                                      Dnr KS 2016/0777
                                                            Sida 1 (2)
                                                            2016-03-08
Handläggare                                                 Till
Eva Prov                                                    Kommunstyrelsen

Stadsövergripande FoU-medel (FUM) 2016 – studier

Förslag till beslut
1. Kommunstyrelsen fördelar 1,6 mnkr till två studier enligt tabell 1.

"""

TIDSPLAN = """Tabell 1.

Område        Studie                       Utförare              Tidsplan       Mnkr

Äldre         Digital tillsyn nattetid     Exempelhögskolan      våren 2017     0,90
Missbruk      Återfall efter behandling    Provuniversitetet     2016–2018      0,70
Summa                                                                          1,60
"""


def test_a_study_table_with_an_area_column_and_a_tidsplan(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + TIDSPLAN)
    got = {p.name: p for p in f.projects}
    night = got["Digital tillsyn nattetid"]
    assert (night.amount_sek, night.performer) == (900_000, "Exempelhögskolan")
    assert night.end_date is not None and night.end_date.year == 2017
    relapse = got["Återfall efter behandling"]
    assert relapse.end_date is not None and relapse.end_date.year == 2018


SN_HEAD = """Socialförvaltningen                                          Tjänsteutlåtande
Avdelningen för stadsövergripande                            Dnr 3.1.2-0100/2019
sociala frågor                                               Sida 1 (2)
                                                             2019-10-01
Handläggare                                                  Till
Olle Prov                                                    Socialnämnden

"""

APPLICANT = """Tillägg till fördelning av lokala utvecklingsmedel 2019

Förvaltningens förslag till beslut
1. Socialnämnden beviljar Vantörs stadsdelsnämnd 150 000 kronor för
   projektet Trygga kvällar i Rågsved.
2. Socialnämnden beviljar Farsta stadsdelsnämnd 90 000 kronor för
   projektet Läxhjälp på biblioteket.

Ärendet
Farsta stadsdelsförvaltning har ansökt om 120 000 kronor för läxhjälp på
två bibliotek. Arbetet genomförs tillsammans med Skarpnäcks
stadsdelsförvaltning. Projektet avslutas den 30 april 2020.
"""


def test_a_listed_project_is_completed_from_its_applicants_paragraph(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + APPLICANT)
    got = {p.name: p for p in f.projects}
    homework = got["Läxhjälp på biblioteket"]
    assert homework.end_date == dt.date(2020, 4, 30)
    assert {d.district_id for d in homework.districts} == {"farsta", "skarpnack"}
    other = got["Trygga kvällar i Rågsved"]
    assert other.end_date is None and [d.district_id for d in other.districts] == ["vantor"]


DELS = """Fördelning av lokala utvecklingsmedel 2021

Förvaltningens förslag till beslut
1. Socialnämnden beviljar lokala utvecklingsmedel enligt förvaltningens förslag.

Bedömning
Vid bedömningen har förvaltningen särskilt beaktat att projektet dels
utgår från ett behov som verksamheten har beskrivit, dels låter brukarna
delta i utvärderingen, dels kan föras över till ordinarie drift.
"""


def test_criteria_written_dels_dels_dels(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + DELS)
    assert [c.text for c in f.criteria] == [
        "utgår från ett behov som verksamheten har beskrivit",
        "låter brukarna delta i utvärderingen",
        "kan föras över till ordinarie drift",
    ]
    assert {(c.fund_type, c.year, c.kind) for c in f.criteria} == {("LUM", 2021, "criterion")}


OLD_HEAD = """STOCKHOLMS STAD                                        TJÄNSTEUTLÅTANDE
SOCIALTJÄNSTFÖRVALTNINGEN                              DNR 603-0200/1999
                                                       1999-03-09
Handläggare: Bo Prov                                   SOTN 1999-03-23

FÖRDELNING AV FoU-MEDEL TILL STADSDELARNA ÅR 1999

Förvaltningens förslag till beslut
att godkänna fördelningen enligt tabellen.

"""

SHORT_NAMES = """Stadsdel        Projekt                               Belopp kr

Maria           Stödgrupper för unga vuxna med        110.000
                psykisk ohälsa
Katarina        Mammaträffar på familjecentralen       85.000
Summa                                                 195.000
"""


def test_a_1999_district_column_with_short_names(tmp_path: Path) -> None:
    f = facts_of(tmp_path, OLD_HEAD + SHORT_NAMES)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got == {
        "Stödgrupper för unga vuxna med psykisk ohälsa": ["maria-gamla-stan"],
        "Mammaträffar på familjecentralen": ["katarina-sofia"],
    }


BLOCKS = """Redovisning av lokala utvecklingsprojekt 2014

Projekt: Tidigt stöd till föräldrar med barn i
förskoleåldern
Projektledare: Kim Prov, familjeenheten
Period: januari 2014 – december 2014
Beviljade medel: 240 000 kr
Resultat: Projektet har genomförts enligt plan.

Projekt: Digitala samtal
Projektledare: Ali Prov, vuxenenheten
Period: mars 2014 – juni 2015
Beviljade medel: 180 000 kr
Resultat: Projektet pågår.
"""


def test_a_field_blocks_name_wrapped_onto_the_next_line(tmp_path: Path) -> None:
    head = SN_HEAD.replace("Socialförvaltningen ", "Farsta stadsdelsförvaltning ")
    f = facts_of(tmp_path, head + BLOCKS)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Tidigt stöd till föräldrar med barn i förskoleåldern": 240_000,
        "Digitala samtal": 180_000,
    }


FOLLOWUP = """Delårsrapport 2022

Tabell 2. Budget och prognos per verksamhet (mnkr, netto)

Verksamhet                         Budget     Prognos    Avvikelse
Individ- och familjeomsorg          80,5       82,0         −1,5
Äldreomsorg                        300,0      297,5          2,5
Summa                              380,5      379,5          1,0
"""


def test_a_budget_follow_up_table_in_mnkr_with_deficits(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + FOLLOWUP)
    got = {(a.raw, a.sek, a.kind) for a in f.amounts}
    assert ("80,5", 80_500_000, "budget") in got
    assert ("82,0", 82_000_000, "other") in got
    assert ("−1,5", -1_500_000, "other") in got
    assert ("380,5", 380_500_000, "budget") in got
    assert not f.projects


AGENDA = """Hässelby-Vällingby stadsdelsnämnd                                Sida 1 (2)

FÖREDRAGNINGSLISTA

Sammanträde med Hässelby-Vällingby stadsdelsnämnd

Tid        Torsdagen den 20 oktober 2022 kl. 18.30
Plats      Hässelby-Vällingby stadsdelsförvaltning, sessionssalen

1.   Val av justerare

2.   Tertialrapport 2 2022
     Dnr HV 2022/00412
     Handläggare: Lena Prov

3.   Yttrande över remiss om äldreomsorgsplan
     Dnr HV 2022/00398
     Handläggare: Omar Prov
"""


def test_an_agenda_has_no_dnr_or_handlaggare_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(AGENDA, encoding="utf-8")
    meta = understood(path).meta
    assert meta.title == "Föredragningslista"
    assert (meta.dnr, meta.handlaggare) == (None, None)
    assert meta.meeting_date == dt.date(2022, 10, 20)
    assert meta.committee == "Hässelby-Vällingby stadsdelsnämnd"


def test_a_range_of_money_gives_both_ends_the_unit() -> None:
    got = [(a.raw, a.sek) for a in find_amounts("kostar mellan 2 och 3 miljoner kronor")]
    assert got == [("2", 2_000_000), ("3 miljoner kronor", 3_000_000)]
    got = [(a.raw, a.sek) for a in find_amounts("beräknas till 150 000–200 000 kr per år")]
    assert got == [("150 000", 150_000), ("200 000 kr", 200_000)]
    # a year or a count before a sum is no lower end
    assert [a.sek for a in find_amounts("ökade från 2019 till 300 000 kr")] == [300_000]
    assert [a.sek for a in find_amounts("projekt 3 och 400 000 kr")] == [400_000]


def test_the_year_printed_right_after_an_amount(tmp_path: Path) -> None:
    text = SN_HEAD + (
        "Uppföljning av lokala utvecklingsmedel\n\n"
        "Nämnden beviljades 900 000 kronor. Av beloppet avsåg 400 000 kronor år 2017 "
        "och 500 000 kronor år 2018.\n"
    )
    f = facts_of(tmp_path, text)
    got = {a.sek: a.year for a in f.amounts}
    assert (got[400_000], got[500_000]) == (2017, 2018)


def test_a_lists_first_number_read_as_l() -> None:
    assert fix_digit_letters("l. Nämnden godkänner förslaget.", "") == (
        "1. Nämnden godkänner förslaget."
    )
    assert fix_digit_letters("l) att bevilja medel", "") == "1) att bevilja medel"
    assert fix_digit_letters("lagen gäller", "") == "lagen gäller"


def test_a_grant_form_only_the_title_names_labels_the_money(tmp_path: Path) -> None:
    text = """Kulturförvaltningen                                          Tjänsteutlåtande
                                                             Dnr 2.1-0400/2015
                                                             2015-05-05
Handläggare                                                  Till
Siv Prov                                                     Kulturnämnden

Evenemangsbidrag till föreningar 2015

Förslag till beslut
1. Kulturnämnden beviljar bidrag om sammanlagt 90 000 kr enligt förslaget.

Ärendet
Nämnden har avsatt 400 000 kr för året. Högsta bidrag är 50 000 kr.
"""
    f = facts_of(tmp_path, text)
    assert {a.fund_type for a in f.amounts} == {"evenemangsbidrag"}


def test_a_list_announced_by_its_size_and_a_name_ending_before_återförs(
    tmp_path: Path,
) -> None:
    head = SN_HEAD.replace("Socialförvaltningen ", "Älvsjö stadsdelsförvaltning ")
    text = head + (
        "Lokala utvecklingsmedel 2022, andra omgången\n\n"
        "Förslag till beslut\n"
        "1. Nämnden beviljar medel enligt förvaltningens förslag.\n\n"
        "Ärendet\n"
        "Fem ansökningar har kommit in. Förvaltningen föreslår att två ansökningar "
        "beviljas med sammanlagt 130 000 kronor:\n"
        "• Kvällsfotboll i Solberga, 70 000 kronor\n"
        "• Språkcafé för seniorer, 60 000 kronor\n\n"
        "De 50 000 kronor som beviljades projektet Sommarjobb i parken återförs till årets "
        "medel.\n"
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got["Kvällsfotboll i Solberga"] == 70_000
    assert got["Språkcafé för seniorer"] == 60_000
    assert "Sommarjobb i parken" in got
