"""Blind rounds g311–g326 and n219–n234, on short texts written for the test: a table whose
column words stand over a header line of years and units; numbered items whose name and
owner are followed by sentences that describe them and a "Beviljat belopp:" line; a
delegated decision whose "… beslutar att" leads dashed items; and a form's labelled head
under the subject line."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of


def test_column_words_stacked_over_a_header_of_years(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1.1-0410/2019
                                                 2019-10-08

Föreningsbidrag 2020

Förslag till beslut
1. Socialnämnden beviljar föreningsbidrag enligt tabell 1.

Tabell 1. Förslag till föreningsbidrag 2020

                                   Beviljat      Sökt         Förslag
Organisation                       2019, kr      2020, kr     2020, kr
Kvinnojouren Exempla                 800 000      950 000      850 000
Ungdomsjouren Prov                   400 000      520 000      450 000
Summa                              1 200 000    1 470 000    1 300 000
"""
    f = facts_of(tmp_path, text)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert (kinds[850_000], kinds[950_000], kinds[1_300_000]) == (
        "project_cost",
        "other",
        "total_granted",
    )


def test_numbered_items_with_owner_description_and_granted_line(tmp_path: Path) -> None:
    text = """Socialtjänstförvaltningen                        Tjänsteutlåtande
                                                 Dnr 106-0210/2008
                                                 2008-03-11

Årsrapport 2007 för lokala utvecklingsmedel

Av de projekt som beviljades medel för 2007 har följande avslutats
och lämnat slutrapport.

1. Läxhjälp med föräldrar, Skarpnäcks stadsdelsförvaltning
   Föräldrar och elever träffades en kväll i veckan på biblioteket.
   Beviljat belopp: 210 000 kr

2. Samtalsgrupper för syskon, Bromma
   stadsdelsförvaltning
   Gruppledarna utbildades under våren och sex grupper genomfördes.
   Beviljat belopp: 160 000 kr
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Läxhjälp med föräldrar": (210_000, ["skarpnack"]),
        "Samtalsgrupper för syskon": (160_000, ["bromma"]),
    }


DELEGATED = """                                               Skarpnäcks
                                               stadsdelsförvaltning

                                               Delegationsbeslut
                                               Dnr 1.4.1-150/2022
                                               Sida 1 (1)

Beslut om bidrag till lovaktiviteter för barn och unga 2022

Beslutsfattare:      Eva Exempel, avdelningschef
Beslutsdatum:        2022-06-01
Delegation:          Skarpnäcks stadsdelsnämnds delegationsordning,
                     punkt 4.2 (bidrag till föreningar upp till
                     30 000 kronor per förening)
Handläggare:         Olle Prov
Anmäls till:         Skarpnäcks stadsdelsnämnd 2022-08-25

Beslut
Skarpnäcks stadsdelsförvaltning beslutar att
– bevilja bidrag till tre föreningar med sammanlagt 90 000 kronor
  enligt förteckningen nedan,
– avslå ansökan från Föreningen Provparken.

Bakgrund
Förvaltningen har avsatt 100 000 kronor för bidrag till föreningar.
"""


def test_a_delegated_decision_with_dashed_items_under_its_subject(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(DELEGATED, encoding="utf-8")
    doc = understood(path)
    assert doc.meta.title == "Beslut om bidrag till lovaktiviteter för barn och unga 2022"
    assert [d.text for d in doc.decisions] == [
        "bevilja bidrag till tre föreningar med sammanlagt 90 000 kronor enligt "
        "förteckningen nedan,",
        "avslå ansökan från Föreningen Provparken.",
    ]


CALL_2019 = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.2.1-0980/2018
                                                 2018-11-20

Lokala utvecklingsmedel 2019

Bakgrund
Socialnämnden fördelar varje år lokala utvecklingsmedel till
praktiknära utvecklingsarbete. I utlysningen för 2019 bedöms
ansökningarna utifrån att
projektet

-  bygger på ett behov som verksamheten har beskrivit,
-  följs upp med enkla mått.

Kriterier för lokala utvecklingsmedel 2019

Huvudkriteriet för att beviljas lokala utvecklingsmedel 2019 är att
projektet kan spridas till flera förvaltningar.

Projekt med följande inriktningar har kunnat prioriteras:

-  insatser för äldre med missbruk
-  stöd till unga vuxna i hemlöshet
"""


def test_criteria_over_the_clause_subject_and_priorities_of_their_own(tmp_path: Path) -> None:
    f = facts_of(tmp_path, CALL_2019)
    got = [(c.kind, c.text) for c in f.criteria]
    assert got[:2] == [
        ("criterion", "bygger på ett behov som verksamheten har beskrivit"),
        ("criterion", "följs upp med enkla mått"),
    ]
    assert got[-2:] == [
        ("priority", "insatser för äldre med missbruk"),
        ("priority", "stöd till unga vuxna i hemlöshet"),
    ]


def test_a_count_of_members_beside_the_money_is_no_sum(tmp_path: Path) -> None:
    text = """STOCKHOLMS STAD                                   PROTOKOLLSUTDRAG
FARSTA STADSDELSNÄMND                             Sammanträdesdatum
                                                  2001-02-15

§ 12   Bidrag till pensionärsföreningar 2001
       Dnr 502-031/2001

Nämnden fördelar bidrag efter antalet medlemmar som bor i stadsdelen.

Organisation               Medlemmar   Bidrag 2000   Förslag 2001
PRO Farsta                       310        10 500         11 000
SPF Hökarängen                   145         5 000          5 500
Summa                            455        15 500         16 500
"""
    f = facts_of(tmp_path, text)
    assert {a.sek for a in f.amounts} == {10_500, 11_000, 5_000, 5_500, 15_500, 16_500}


STUDIES_2004 = """Socialtjänstförvaltningen                        Tjänsteutlåtande
FoU-enheten                                      Dnr 106-0611/2004
                                                 2004-09-28

Beställning av studier 2004

Förslag till beslut
1. Socialtjänstnämnden godkänner att tre studier beställs.

Ärendet
Förvaltningen föreslår att följande studier beställs.

1. Unga vuxnas boende efter placering                   420 000 kr
   (Malmö högskola, Fakulteten för hälsa och samhälle,
   klar maj 2005)

2. Äldre med missbruk i hemtjänsten                     310 000 kr
   (Utredarna i Stockholm AB, klar november 2005)


Socialtjänstnämnden                                      Sida 2 (2)
2004-10-19

3. Stöd till barn i skyddat boende                      280 000 kr
   (Institutet för familjestudier, klar december 2005)

   Summa                                              1 010 000 kr
"""


def test_studies_over_a_running_head_with_performers_in_brackets(tmp_path: Path) -> None:
    f = facts_of(tmp_path, STUDIES_2004)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Unga vuxnas boende efter placering": (
            420_000,
            "Malmö högskola, Fakulteten för hälsa och samhälle",
        ),
        "Äldre med missbruk i hemtjänsten": (310_000, "Utredarna i Stockholm AB"),
        "Stöd till barn i skyddat boende": (280_000, "Institutet för familjestudier"),
    }


def test_a_head_whose_fields_name_the_subject_keeps_its_date(tmp_path: Path) -> None:
    text = """SKARPNÄCKS STADSDELSFÖRVALTNING                    BESLUT ENLIGT DELEGATION
Avdelningen för barn och ungdom                    Datum 2001-09-04
                                                   Dnr 519-211/2001

Ärende:            Ansökan om bidrag till höstlovsaktiviteter 2001

Sökande:           Föreningen Exempelgården

Anmäls till:       Skarpnäcks stadsdelsnämnd 2001-10-18


BESLUT

Föreningen Exempelgården beviljas ett bidrag om 18 000 kr.
"""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    meta = understood(path).meta
    assert (meta.title, str(meta.doc_date)) == (
        "Ansökan om bidrag till höstlovsaktiviteter 2001",
        "2001-09-04",
    )


def test_criteria_of_a_state_grant_and_no_criteria_in_a_list_of_grants(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0220/2022
                                                 2022-03-01

Fördelning av statsbidrag för barn och unga 2022

Ärendet
Socialstyrelsen har beviljat staden 4 000 000 kronor i
statsbidrag. Förvaltningen har prioriterat insatser som
• stärker barnets röst i utredningen,
• utvecklar samverkan med skolan.

Förvaltningen föreslår följande fördelning:
• Farsta 1 200 000 kr
• Skärholmen 1 500 000 kr
• Bromma 1 300 000 kr
"""
    f = facts_of(tmp_path, text)
    assert [(c.fund_type, c.text) for c in f.criteria] == [
        ("statsbidrag", "stärker barnets röst i utredningen"),
        ("statsbidrag", "utvecklar samverkan med skolan"),
    ]


def test_a_list_of_priority_areas_and_the_fund_of_the_paragraph_before(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.2.1-210/2023
                                                 2023-02-07

Fördelning av medel 2023

Bakgrund

Lokala utvecklingsmedel ska stödja praktiknära utvecklingsarbete i
stadsdelsförvaltningarna. Högst 600 000 kronor kan beviljas per ansökan.

Ansökningarna har bedömts utifrån följande kriterier:

  •  arbetet har en plan för uppföljning
  •  arbetet kan spridas i staden

Därutöver kan ansökningar som avser något av följande områden
prioriteras i urvalsprocessen:

  •  unga vuxna i hemlöshet
  •  äldre med missbruk
"""
    f = facts_of(tmp_path, text)
    assert [(c.fund_type, c.kind, c.text) for c in f.criteria] == [
        ("LUM", "criterion", "arbetet har en plan för uppföljning"),
        ("LUM", "criterion", "arbetet kan spridas i staden"),
        ("LUM", "priority", "unga vuxna i hemlöshet"),
        ("LUM", "priority", "äldre med missbruk"),
    ]
