"""Layout families of blind rounds W (genre g127–g134) and n67–n74, each on a short text
written for the test: a table whose district is printed on its group's first row only, trips
under numbered headings over labelled lines, studies named by run-in headings or in apposition
to their place in a series, a criteria table with weights, an OCR'd table whose column gaps
closed, a table printed with pipes, a promemoria's labelled head, an utlåtande's att-satser
under "… föreslår att kommunfullmäktige beslutar", and another municipality's dnr."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

from pipeline.understand.dnr import find_dnrs

SN_HEAD = """Socialförvaltningen                                          Tjänsteutlåtande
Avdelningen för stadsövergripande                            Dnr 3.2-0300/2016
sociala frågor                                               Sida 1 (2)
                                                             2016-02-02
Handläggare                                                  Till
Eva Prov                                                     Socialnämnden

"""

CARRIED = """Fördelning av lokala utvecklingsmedel 2016

Förslag till beslut
1. Socialnämnden fördelar lokala utvecklingsmedel enligt tabellen.

Stadsdelsförvaltning   Projekt                              Sökt (kr)   Förslag (kr)

Farsta                 Läxhjälp för unga i                  200 000        180 000
                       Hagsätra
                       Seniorträffar på biblioteket         120 000              –
Bromma                 Föräldracafé i Åkeshov               150 000        150 000

Summa                                                       470 000        330 000
"""


def test_a_district_printed_on_its_groups_first_row_and_a_row_only_applied_for(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD + CARRIED)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Läxhjälp för unga i Hagsätra",
        "Seniorträffar på biblioteket",
        "Föräldracafé i Åkeshov",
    }
    seniors = got["Seniorträffar på biblioteket"]
    assert [d.district_id for d in seniors.districts] == ["farsta"]
    assert (seniors.amount_sek, seniors.status) == (120_000, "ansökt")
    assert got["Läxhjälp för unga i Hagsätra"].amount_sek == 180_000


TRIPS = """Studiebesök inom MUL 2019

Förslag till beslut
1. Socialnämnden beviljar medel för studiebesök enligt förvaltningens förslag.

Studiebesök 1: Göteborg

Sökande: Spånga-Tensta stadsdelsförvaltning tillsammans med Bromma
stadsdelsförvaltning
Antal deltagare: 6
Kostnad: 24 000 kronor
Förvaltningens förslag: Beviljas 24 000 kronor.

Studiebesök 2: Helsingfors

Sökande: Skarpnäcks stadsdelsförvaltning
Antal deltagare: 5
Kostnad: 38 500 kronor
Förvaltningens förslag: Avslås.
"""


def test_trips_under_numbered_headings_over_labelled_lines(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + TRIPS)
    got = {p.name: p for p in f.projects}
    gbg = got["Göteborg"]
    assert (gbg.amount_sek, gbg.status) == (24_000, "beviljad")
    assert {d.district_id for d in gbg.districts} == {"spanga-tensta", "bromma"}
    hel = got["Helsingfors"]
    assert (hel.amount_sek, hel.status) == (38_500, "ansökt")


KS_HEAD = """Stadsledningskontoret                                       Tjänsteutlåtande
FoU-enheten                                                 Dnr 221-0400/2006
                                                            Sida 1 (2)
                                                            2006-12-05
Handläggare                                                 Till
Per Prov                                                    Kommunstyrelsen

"""

RUN_IN = """Redovisning av avslutade FoU-studier 2006

Förslag till beslut
1. Kommunstyrelsen lägger redovisningen till handlingarna.

Avslutade studier

Hemlöshet bland unga kvinnor. Studien har kartlagt vägarna in i hemlöshet.
Den genomfördes av Exempelhögskolan och redovisades i oktober 2006.

Barn i skyddat boende. Studien följde 40 barn under ett år. Spånga-Tensta
stadsdelsförvaltning deltog i studien. Den genomfördes av Provuniversitetet.
"""


def test_studies_named_by_run_in_headings(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + RUN_IN)
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Hemlöshet bland unga kvinnor", "Barn i skyddat boende"}
    assert got["Hemlöshet bland unga kvinnor"].performer == "Exempelhögskolan"
    assert got["Hemlöshet bland unga kvinnor"].status == "genomförd"
    assert [d.district_id for d in got["Barn i skyddat boende"].districts] == ["spanga-tensta"]


SERIES = """Beställning av stadsövergripande FoU-studier (FUM) 2013

Förslag till beslut
1. Kommunstyrelsen beställer två studier enligt förvaltningens förslag.

Bedömningsgrunder

Kriterium                                                  Vikt

Studien svarar mot ett behov i flera                        40 %
stadsdelsförvaltningar
Vetenskaplig kvalitet                                      60 %

Föreslagna studier

Den första studien, Tidiga insatser i förskolan, ska följa 200 barn. Studien
genomförs av Exempelhögskolan. Kostnaden är 700 000 kronor.

Den andra studien, Äldres ensamhet i hemtjänsten, ska intervjua 60 äldre.
Studien genomförs av Provinstitutet. Kostnaden är 450 000 kronor.
"""


def test_studies_in_apposition_to_their_place_and_a_weighted_criteria_table(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, KS_HEAD + SERIES)
    got = {p.name: p for p in f.projects}
    early = got["Tidiga insatser i förskolan"]
    assert (early.amount_sek, early.performer, early.status) == (
        700_000,
        "Exempelhögskolan",
        "beviljad",
    )
    assert got["Äldres ensamhet i hemtjänsten"].amount_sek == 450_000
    assert [c.text for c in f.criteria] == [
        "Studien svarar mot ett behov i flera stadsdelsförvaltningar",
        "Vetenskaplig kvalitet",
    ]


OCR_TABLE = """FORDELNING AV LOKALA UTVECKLINGSMEDEL AR 2001

Forvaltningens forslag till beslut
att godkanna fordelningen enligt tabellen.

Stadsdel         Projekt                                   Belopp

Vantor Stodgrupper for unga foraldrar                       kr 80.000
Skarholmen       Samordnad hemtjanst for aldre kr 9O.000

Summa                                                      kr 170.000

EKONOMISKA KONSEKVENSER

Resterande kr 50.000 fordelas under hosten 2001.
"""


def test_an_ocr_table_whose_column_gaps_closed(tmp_path: Path) -> None:
    f = facts_of(tmp_path, OCR_TABLE)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Stödgrupper för unga föräldrar": (80_000, ["vantor"]),
        "Samordnad hemtjänst för äldre": (90_000, ["skarholmen"]),
    }


PIPES = """Föreningsstöd 2009

Beslut
Idrottsnämnden beviljar föreningsstöd enligt tabellen.

| Förening | Verksamhet | Belopp |
|---|---|---|
| IF Exempel | Simskola för barn med funktionsnedsättning | 90 000 kr |
| Provklubben | Boccia för seniorer | 40 000 kr |
| **Summa** | | **130 000 kr** |
"""


def test_a_table_printed_with_pipes(tmp_path: Path) -> None:
    head = SN_HEAD.replace("Socialnämnden", "Idrottsnämnden")
    f = facts_of(tmp_path, head + PIPES)
    got = {p.name: (p.performer, p.amount_sek) for p in f.projects}
    assert got == {
        "Simskola för barn med funktionsnedsättning": ("IF Exempel", 90_000),
        "Boccia för seniorer": ("Provklubben", 40_000),
    }
    assert ("130 000 kr", "total_granted") in {(a.raw, a.kind) for a in f.amounts}


MEMO = """STOCKHOLMS STAD
Socialförvaltningen

PROMEMORIA

Datum:        2016-04-05
Dnr:          3.1-0088/2016
Till:         Socialnämnden
Handläggare:  Lisa Prov, utredare, tfn 08-508 00 000


Samverkan med Exempelhögskolan om forskning om ekonomiskt bistånd 2016–2018

Förvaltningen har fått i uppdrag att utveckla samarbetet med lärosätena i regionen.
Denna promemoria redovisar ett förslag till avtal och hur det ska finansieras.
"""


def test_a_promemorias_labelled_head_and_lone_subject(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(MEMO, encoding="utf-8")
    meta = understood(path).meta
    assert meta.doc_date == dt.date(2016, 4, 5)
    assert meta.handlaggare == "Lisa Prov"
    assert (
        meta.title == "Samverkan med Exempelhögskolan om forskning om ekonomiskt bistånd 2016–2018"
    )


UTLATANDE = """Utlåtande 2019:45 RI (Dnr KS 2018/0999)


Fler fritidsgårdar i ytterstaden
Motion (2018:12) av Anna Prov (V)


Kommunstyrelsen föreslår att kommunfullmäktige beslutar
att motionen ska anses besvarad,
att uppdra åt stadsdelsnämnderna att redovisa fritidsgårdarnas öppettider.

Föredragande borgarråd Per Exempel anför följande.

Ärendet
Motionen föreslår att staden öppnar fler fritidsgårdar.

Reservation anfördes av Eva Exempel (V) enligt följande.
Vi föreslår att kommunfullmäktige beslutar
att bifalla motionen.
"""


def test_an_utlatandes_att_satser_and_not_its_reservations(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(UTLATANDE, encoding="utf-8")
    doc = understood(path)
    assert [d.text for d in doc.decisions] == [
        "att motionen ska anses besvarad,",
        "att uppdra åt stadsdelsnämnderna att redovisa fritidsgårdarnas öppettider.",
    ]
    assert doc.meta.title == "Fler fritidsgårdar i ytterstaden"


def test_an_unnumbered_beslut_paragraph_is_no_list_of_decisions(tmp_path: Path) -> None:
    """The decisions are the numbered items and att-satser under a decision heading, and
    under a bare "Beslut" the deciding body's own short paragraph ("Länsstyrelsen beviljar
    …", as ../shared/realdocs r030's "Kommunstyrelsen noterar informationen." and the
    neighbours' gold count it); a paragraph whose subject is no deciding body ("Anmälan av
    delegationsbesluten läggs till handlingarna.") is prose, and a letterhead's "BESLUT"
    over "Datum" no heading."""
    text = """STOCKHOLMS STAD                               PROTOKOLL 4/2001
SOCIALTJÄNSTNÄMNDEN                           2001-04-17

§ 9

Anmälan av delegationsbeslut mars 2001

Socialtjänstnämndens beslut
Anmälan av delegationsbesluten läggs till handlingarna.

§ 10

Lokala utvecklingsmedel 2001

Socialtjänstnämndens beslut
1. Socialtjänstnämnden beviljar medel till fyra projekt.
2. Övriga ansökningar avslås.
"""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert [d.text for d in understood(path).decisions] == [
        "Socialtjänstnämnden beviljar medel till fyra projekt.",
        "Övriga ansökningar avslås.",
    ]
    letter = """BESLUT
Datum
2021-06-03

Beslut
Länsstyrelsen beviljar Farsta stadsdelsnämnd statsbidrag med 100 000 kronor.
"""
    other = tmp_path / "letter.txt"
    other.write_text(letter, encoding="utf-8")
    assert [d.text for d in understood(other).decisions] == [
        "Länsstyrelsen beviljar Farsta stadsdelsnämnd statsbidrag med 100 000 kronor."
    ]


def test_another_municipalitys_dnr_with_a_slash_and_a_colon() -> None:
    assert [d.normalized for d in find_dnrs("SN § 58      Dnr SN/2020:45")] == ["SN/2020:45"]
    assert find_dnrs("Utlåtande 2021:97 RI") == []


GROUPS = """Fördelning av lokala utvecklingsmedel 2017

Förslag till beslut
1. Socialnämnden beviljar lokala utvecklingsmedel enligt förvaltningens förslag.

Förslag till fördelning

Farsta
Läxhjälp på biblioteket – 200 000 kronor

Älvsjö
Stödgrupp för unga föräldrar med psykisk ohälsa
– 150 000 kronor

Summa 350 000 kronor

Ansökningar som föreslås avslås

Bromma – "Hundträffar för äldre"
Sökt belopp: 90 000 kronor
Skäl: Ansökan avser ordinarie verksamhet.
"""


def test_grants_grouped_under_district_names_and_applications_turned_down(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SN_HEAD + GROUPS)
    got = {
        p.name: (p.amount_sek, [d.district_id for d in p.districts], p.status) for p in f.projects
    }
    assert got["Läxhjälp på biblioteket"] == (200_000, ["farsta"], "beviljad")
    assert got["Stödgrupp för unga föräldrar med psykisk ohälsa"] == (
        150_000,
        ["alvsjo"],
        "beviljad",
    )
    assert got["Hundträffar för äldre"] == (90_000, ["bromma"], "ansökt")


PLAN = """Plan för ansökningar om lokala utvecklingsmedel 2024–2025

Förslag till beslut
1. Nämnden godkänner planen.

Planerade ansökningar

År 1 – 2024
  ▪ Familjestöd på distans (planerad start mars 2024) ......... 300 tkr
  ▪ Kvällsöppet för unga, i samarbete med Farsta .............. 200 tkr

År 2 – 2025
  ▪ Språkombud i mottagningen ................................. 250 tkr
"""


def test_planned_applications_per_year_with_dot_leaders(tmp_path: Path) -> None:
    head = SN_HEAD.replace("Socialförvaltningen  ", "Skarpnäcks sdf       ").replace(
        "Socialnämnden", "Skarpnäcks stadsdelsnämnd"
    )
    f = facts_of(tmp_path, head + PLAN)
    got = {
        p.name: (p.amount_sek, p.year, sorted(d.district_id for d in p.districts))
        for p in f.projects
    }
    assert got == {
        "Familjestöd på distans": (300_000, 2024, ["skarpnack"]),
        "Kvällsöppet för unga": (200_000, 2024, ["farsta", "skarpnack"]),
        "Språkombud i mottagningen": (250_000, 2025, ["skarpnack"]),
    }
    assert {p.status for p in f.projects} == {"ansökt"}


TRIP_LABELS = """Studiebesök inom MUST 2015

Förslag till beslut
1. Socialnämnden beviljar medel enligt förvaltningens förslag.

Resa 1  Oslo, Norge – uppsökande arbete bland unga
        vuxna i hemlöshet
        Sökande: Farsta stadsdelsförvaltning, 4 deltagare
        Förslag: 30 000 kronor

Resa 2  Malmö – samordnad individuell plan
        Sökande: Bromma stadsdelsförvaltning, 3 deltagare
        Förslag: 18 000 kronor

"""


def test_trips_labelled_resa_n_over_indented_fields(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + TRIP_LABELS)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Oslo, Norge – uppsökande arbete bland unga vuxna i hemlöshet": (30_000, ["farsta"]),
        "Malmö – samordnad individuell plan": (18_000, ["bromma"]),
    }


FINISHED = """Årsrapport för FoU-verksamheten 2009

Förslag till beslut
1. Nämnden lägger årsrapporten till handlingarna.

Studier som avslutades under 2009

1. Barn i familjehem – en uppföljning
   Genomförd av: Exempelhögskolan
   Kostnad: 400 000 kr

2. Äldres ensamhet i hemtjänsten
   Genomförd av: Provuniversitetet, institutionen för
   socialt arbete
   Kostnad: 350 000 kr
"""


def test_numbered_studies_over_their_own_field_lines(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + FINISHED)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Barn i familjehem – en uppföljning": (400_000, "Exempelhögskolan"),
        "Äldres ensamhet i hemtjänsten": (
            350_000,
            "Provuniversitetet, institutionen för socialt arbete",
        ),
    }
