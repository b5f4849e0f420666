"""Twenty-fifth session: layouts of the blind rounds g591–g598 (opened for rules once a new
sealed genre round was written), g615–g630 and n443–n450, each on a short text written for
the test (none of the rounds' names or sums):

* grants set as cards under each förvaltning's name (in capitals, or standing alone between
  blank lines), each card a name over "Beviljas: … kronor" and maybe a "Medsökande:" line,
  with the fund's caption between; a heading "Förvaltningens förslag per förvaltning" over
  them is the document's part, no study;
* labels that carry the year ("Sökt belopp 2019:", "Förslag 2019:"), one proposal "Avslag";
* a table whose applied column is headed "Sökt 2026, kr", and a table of studies with last
  year's outcome beside next year's proposal ("2025 (utfall)" | "2026 (förslag)"), a new
  study marked "(ny)" after its name;
* one paragraph per application: the sum applied for, then "… och föreslås beviljas …" or
  "… beviljas sökt belopp", and one application named without the word "projektet";
* a study's title wrapped onto a line of one word over its paragraph, and side-by-side study
  cards whose name field wraps and whose districts are "Medverkande";
* an application's cost breakdown, "Kostnadsslag | Totalt | Sökta medel | Egen
  finansiering", its items and its Summa row;
* the applications turned down, listed as "District, Name, sum." under their own heading.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD, _projects

from pipeline.records import Facts


def _district(f: Facts, name: str) -> tuple[str, ...]:
    return next(tuple(d.district_id for d in p.districts) for p in f.projects if p.name == name)


def test_cards_under_each_forvaltning_each_a_name_over_its_grant(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2018, title="Lokala utvecklingsmedel och MUST 2019 – beviljande")
        + """
Utlysningen var öppen under våren. Förvaltningen har bedömt ansökningarna
och redovisar sitt förslag nedan.

Förvaltningens förslag per förvaltning
De projekt och studiebesök som föreslås få medel redovisas under
respektive förvaltning.

BROMMA STADSDELSFÖRVALTNING

Lokala utvecklingsmedel
Familjecoacher i försörjningsstödet
Medsökande: Kungsholmens stadsdelsförvaltning
Beviljas: 340 000 kronor
Coacherna arbetar med hela familjen under ett år.

Studiebesök (MUST)
Bergen, Norge – bostad först för unga
Beviljas: 19 500 kronor


FARSTA STADSDELSFÖRVALTNING

Lokala utvecklingsmedel
Tidig kontakt med skolan vid orosanmälan
Beviljas: 270 000 kronor (sökt 310 000 kronor)


Skarpnäcks stadsdelsförvaltning

Lokala utvecklingsmedel
Gruppverksamhet för pappor
Beviljas: 150 000 kronor
"""
    )
    f = facts_of(tmp_path, text)
    names = {p.name for p in f.projects}
    assert names == {
        "Familjecoacher i försörjningsstödet",
        "Bergen, Norge – bostad först för unga",
        "Tidig kontakt med skolan vid orosanmälan",
        "Gruppverksamhet för pappor",
    }
    assert _district(f, "Familjecoacher i försörjningsstödet") == ("bromma", "kungsholmen")
    assert _district(f, "Bergen, Norge – bostad först för unga") == ("bromma",)
    assert _district(f, "Tidig kontakt med skolan vid orosanmälan") == ("farsta",)
    # a förvaltning's name alone between blank lines, a short name under it: still its owner
    assert _district(f, "Gruppverksamhet för pappor") == ("skarpnack",)
    assert {p.name: p.amount_sek for p in f.projects}[
        "Tidig kontakt med skolan vid orosanmälan"
    ] == 270000


def test_labels_that_carry_the_year_and_a_proposal_turned_down(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2018, title="Lokala utvecklingsmedel 2019 – fördelning")
        + """
Ansökningar och förslag per förvaltning


Hägersten-Liljeholmens stadsdelsförvaltning

Stödsamtal för unga anhöriga
Projekttid:              2019
Sökt belopp 2019:        390 000 kronor
Förslag 2019:            320 000 kronor

Unga anhöriga erbjuds samtal i grupp och enskilt.

Webbaserad tidsbokning inom mottagningen
Projekttid:              2019
Sökt belopp 2019:        210 000 kronor
Förslag 2019:            Avslag

Ansökan avser ett it-stöd och inte ett utvecklingsarbete.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Stödsamtal för unga anhöriga": (320000, "beviljad"),
        "Webbaserad tidsbokning inom mottagningen": (210000, "ansökt"),
    }
    assert _district(f, "Stödsamtal för unga anhöriga") == ("hagersten-liljeholmen",)


def test_applied_column_with_year_and_unit_and_outcome_beside_proposal(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2025, title="Medel för forskning och utveckling 2026")
        + """
Tabell 1. Stadsövergripande studier (FUM)

                                                                   Kostnad, kr
Studie                            Utförare              Period     2025        2026
                                                                   (utfall)    (förslag)
Ensamma äldre i storstaden        Nordiska              2025–2026  420 000     380 000
                                  högskolan
Skuldrådgivning för unga          Upphandlas            2026       –           510 000
vuxna (ny)
Summa                                                              420 000     890 000

Tabell 2. Lokala utvecklingsmedel (LUM) 2026

Förvaltning          Projekt                               Sökt 2026, kr    Förslag 2026, kr
Farsta               Trygga skolvägar                      330 000          300 000
Bromma               Anhörigstöd vid demens                250 000          250 000
Summa                                                      580 000          550 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Ensamma äldre i storstaden": 380000,
        "Skuldrådgivning för unga vuxna": 510000,
        "Trygga skolvägar": 300000,
        "Anhörigstöd vid demens": 250000,
    }
    kinds = {(a.sek, a.kind) for a in f.amounts}
    assert {(330000, "other"), (250000, "other"), (300000, "project_cost")} <= kinds


def test_one_paragraph_per_application_ending_in_the_proposal(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Lokala utvecklingsmedel 2006")
        + """
Ärendet
Nedan redovisas de ansökningar som har kommit in och förvaltningens
förslag för var och en av dem.

Farsta stadsdelsnämnd har ansökt om 300 000 kronor för projektet
Nattvandrare i samverkan. Projektet uppfyller kriterierna och föreslås
beviljas 280 000 kronor.

Bromma stadsdelsnämnd har ansökt om 190 000 kronor för projektet Äldre
med missbruk i hemtjänsten. Förvaltningen föreslår att projektet
beviljas sökt belopp.

Skarpnäcks stadsdelsnämnd har ansökt om 120 000 kronor för Utbildning i
dokumentation för baspersonal. Ansökan avser en utbildning och inte ett
utvecklingsarbete. Förvaltningen föreslår att ansökan avslås.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Nattvandrare i samverkan": (280000, "beviljad"),
        "Äldre med missbruk i hemtjänsten": (190000, "beviljad"),
        "Utbildning i dokumentation för baspersonal": (120000, "ansökt"),
    }


def test_a_wrapped_study_title_and_side_by_side_cards(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2014, title="Stadsövergripande studier 2014")
        + """
Förslag till nya studier 2014
Förvaltningen föreslår att två nya studier beställs under året.

Barn i familjer med skulder – en intervjustudie om
barnens vardag
Studien ska beskriva hur barnen påverkas av familjens skulder.
Kostnaden beräknas till 450 000 kronor.

Samordning av insatser för unga med neuropsykiatrisk
funktionsnedsättning
Studien ska jämföra arbetssätten i tre stadsdelar. Kostnaden beräknas
till 520 000 kronor.

Redovisning av studier 2013

Studie: Våld i ungas parrelationer        Studie: Hemlösa kvinnor i
– en kartläggning                         akutboenden – en uppföljning
Utförare: Nordiska högskolan              Utförare: Analysbyrån Öst
Medverkande: Farsta, Skarpnäck            Medverkande: Södermalm
Kostnad: 610 000 kr                       Kostnad: 380 000 kr
Status: Avslutad december 2013            Status: Avslutad oktober 2013
"""
    )
    f = facts_of(tmp_path, text)
    # (a dash that opens a wrapped line may come out as a hyphen: compared as one)
    by_name = {p.name.replace(" - ", " – "): p for p in f.projects}
    got = {name: p.amount_sek for name, p in by_name.items()}
    assert (
        got["Samordning av insatser för unga med neuropsykiatrisk funktionsnedsättning"] == 520000
    )
    assert got["Barn i familjer med skulder – en intervjustudie om barnens vardag"] == 450000
    assert got["Våld i ungas parrelationer – en kartläggning"] == 610000
    assert got["Hemlösa kvinnor i akutboenden – en uppföljning"] == 380000
    assert _district(f, "Hemlösa kvinnor i akutboenden – en uppföljning") == ("sodermalm",)
    wrapped = by_name["Våld i ungas parrelationer – en kartläggning"]
    assert [d.district_id for d in wrapped.districts] == ["farsta", "skarpnack"]


def test_an_applications_cost_breakdown_with_a_totals_column(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
Individ- och familjeomsorgen                     Dnr 1.2-0303/2008
                                                 Sida 1 (2)
                                                 2008-09-15
Handläggare: Kim Exempel                         Till
                                                 Farsta stadsdelsnämnd

Ansökan om lokala utvecklingsmedel för projektet Mentorer för unga

Förslag till beslut
1. Stadsdelsnämnden ansöker hos socialtjänstnämnden om 250 000 kronor.

Kostnadsberäkning år 2009

Kostnadsslag                      Totalt      Sökta medel    Egen
                                  kronor      kronor         finansiering
Projektledare 50 %               210 000      160 000         50 000
Mentorsutbildning                 70 000       60 000         10 000
Utvärdering                       40 000       30 000         10 000
Summa                            320 000      250 000         70 000
"""
    f = facts_of(tmp_path, text)
    kinds = {(a.sek, a.kind) for a in f.amounts}
    assert (210000, "other") in kinds and (70000, "other") in kinds
    assert (320000, "project_cost") in kinds
    assert not any(a.kind == "total_granted" for a in f.amounts)


def test_applications_turned_down_listed_with_their_district_first(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Lokala utvecklingsmedel 2013")
        + """
Ansökningar som föreslås beviljas

  -  Kista, Föräldrastöd på somaliska, 260 000 kronor.
  -  Vantör, Boendestöd för unga vuxna, 300 000 kronor.

Ansökningar som inte föreslås beviljas

  -  Östermalm, Digital väntelista inom mottagningen, 210 000 kronor.
     Ansökan avser ett it-stöd.
  -  Älvsjö, Sommaraktiviteter för barn, 140 000 kronor. Ansökan saknar
     plan för uppföljning.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (_district(f, p.name), p.status) for p in f.projects}
    assert got["Digital väntelista inom mottagningen"] == (("ostermalm",), "ansökt")
    assert got["Sommaraktiviteter för barn"] == (("alvsjo",), "ansökt")
    assert got["Föräldrastöd på somaliska"][1] == "beviljad"


def test_a_heading_that_names_its_kind_and_a_trip_granted_in_a_decision(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
Avdelningen för stadsövergripande                Dnr 3.1-0404/2021
sociala frågor                                   Sida 1 (2)
                                                 2021-11-02
Handläggare: Ida Exempel                         Till
                                                 Socialnämnden

Medel för utveckling och lärande 2022

Förvaltningens förslag till beslut
1. Socialnämnden beviljar Bromma stadsdelsnämnd 18 000 kronor i
   medel för utveckling och lärande för en studieresa till Tammerfors.
2. Socialnämnden noterar redovisningen av den pågående studien.

Ärendet
Förvaltningen redovisar här också den studie som pågår.

Pågående studie: Skolgång för placerade barn

Sedan våren 2020 följer Ersta Sköndal Bräcke högskola på uppdrag av
förvaltningen skolgången för barn placerade i familjehem. Studien
kostar 640 000 kronor och ska slutredovisas i juni 2022.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (tuple(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got == {
        "Studieresa till Tammerfors": (("bromma",), 18000),
        "Skolgång för placerade barn": ((), 640000),
    }


def test_a_procurements_sums_are_contract_values_and_prices(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
Avdelningen för vuxna                            Dnr 2.6-0505/2019
                                                 Sida 1 (2)
                                                 2019-04-08
Handläggare: Per Exempel                         Till
                                                 Socialnämnden

Upphandling av boendestöd för unga vuxna – tilldelning av avtal

Förvaltningens förslag till beslut
1. Socialnämnden tilldelar Exempelvård AB avtal om boendestöd.

Ärendet
Avtalet gäller i två år med möjlighet till förlängning. Det uppskattade
värdet för hela avtalsperioden uppgår till cirka 48 miljoner kronor.
Anbudspriset per timme får inte överstiga 690 kronor. Förvaltningens
egna kostnader för upphandlingen beräknas till 120 000 kronor.
Nämndens budget för boendestöd är 30 miljoner kronor per år.
"""
    f = facts_of(tmp_path, text)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[48_000_000] == "other"
    assert kinds[690] == "other"
    assert kinds[120_000] == "other"
    assert kinds[30_000_000] == "budget"


def test_a_joint_project_listed_under_each_of_its_districts_is_one(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021, title="Lokala utvecklingsmedel 2022 – fördelning")
        + """
Förvaltningens förslag per stadsdelsförvaltning

Farsta
•  Läxhjälp i bibliotekets regi - 210 tkr
•  Mötesplats för unga vuxna - 150 tkr
   (gemensamt med Skarpnäck, totalt 300 tkr)

Skarpnäck
•  Mötesplats för unga vuxna - 150 tkr
   (gemensamt med Farsta)
•  Stöd till anhöriga vid spelberoende - 180 tkr

Summa beviljade medel                                            690 tkr
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert got == [
        ("Läxhjälp i bibliotekets regi", ("farsta",), 210000),
        ("Mötesplats för unga vuxna", ("farsta", "skarpnack"), 300000),
        ("Stöd till anhöriga vid spelberoende", ("skarpnack",), 180000),
    ]
    # each share stays printed money of its own
    assert sum(1 for a in f.amounts if a.sek == 150000) == 2


def test_the_sum_an_application_asks_for_is_applied_for(tmp_path: Path) -> None:
    text = """Kungsholmens stadsdelsförvaltning                Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg       Dnr 1.2-0606/2020
                                                 Sida 1 (1)
                                                 2020-09-01
Handläggare: Lo Exempel                          Till
                                                 Kungsholmens stadsdelsnämnd

Ansökan om lokala utvecklingsmedel för 2021

Förslag till beslut
1. Stadsdelsnämnden godkänner den gemensamma ansökan med Bromma
   stadsdelsnämnd om lokala utvecklingsmedel för projektet ”Trygg hemgång
   efter sjukhusvistelse” om 260 000 kronor.

Ärendet
Projektet ska pröva en samordnad hemgång för äldre med missbruk.
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.status, p.amount_sek) for p in f.projects] == [
        ("Trygg hemgång efter sjukhusvistelse", "ansökt", 260000)
    ]
    assert [(a.sek, a.kind) for a in f.amounts if a.sek == 260000] == [(260000, "other")]
