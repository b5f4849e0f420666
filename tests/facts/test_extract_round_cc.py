"""Blind rounds g367–g374, g399–g414 and n315–n330, on short texts written for the test: a
unit column beside the work's own name column; a trip item "applicant. destination. purpose.
sum"; a project heading that wraps; "Sökt belopp   250 000" under a cost table; a table of
sums applied for only, with a fund column; a state grant shared out among named projects;
a recipients' table in damaged OCR after "enligt följande"; "Ärende 9" and "Bilaga: 1" in a
letterhead; bullets grouped under unit labels; "District: destination - purpose, sum"
paragraphs that wrap."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of


def _kinds(f: object) -> dict[int, str]:
    return {a.sek: a.kind for a in f.amounts}  # type: ignore[attr-defined]


def test_a_unit_column_beside_the_works_name_column_is_no_part_of_the_name(
    tmp_path: Path,
) -> None:
    text = """Skarpnäcks stadsdelsförvaltning                  Tjänsteutlåtande
                                                 Dnr 1.2-40/2018
                                                 2018-02-06

Fördelning av lokala utvecklingsmedel 2018

Nr  Verksamhet                 Utvecklingsarbete                  Beviljas kr
1   Mottagningen               Snabbare första samtal                 90 000
2   Familjeenheten,            Nätverksmöten med skola                75 000
    utredning                  och elevhälsa
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Nätverksmöten med skola och elevhälsa", 75000),
        ("Snabbare första samtal", 90000),
    ]


def test_a_trip_item_names_destination_and_purpose_between_applicant_and_sum(
    tmp_path: Path,
) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-90/2023
                                                 2023-03-07

Medel för utveckling och lärande 2023

Förvaltningen föreslår att följande studieresor beviljas:

  •  Bromma stadsdelsförvaltning. Tammerfors, Finland. Samordnad
     vård för unga med missbruk. 22 000 kr
  •  Skärholmens stadsdelsförvaltning. Århus, Danmark. Mentorer
     i skolan. 19 500 kr
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Tammerfors, Finland. Samordnad vård för unga med missbruk", 22000),
        ("Århus, Danmark. Mentorer i skolan", 19500),
    ]


def test_a_wrapped_project_heading_and_the_sum_sought_under_a_cost_table(tmp_path: Path) -> None:
    text = """Älvsjö stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 502-88/2003
                                                 2003-09-16

Ansökan om lokala utvecklingsmedel för 2004

Projekt 1. Gruppverksamhet för barn till föräldrar med
psykisk ohälsa

Förvaltningen vill pröva samtalsgrupper för barn i åldern 8-12 år.
Grupperna leds av två socialsekreterare.

Kostnadsberäkning                                   Kronor
Gruppledare                                        110 000
Material och lokal                                  20 000
Summa                                              130 000

Sökt belopp                                        100 000
Egen finansiering                                   30 000
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.amount_sek) for p in f.projects] == [
        ("Gruppverksamhet för barn till föräldrar med psykisk ohälsa", 100000)
    ]


def test_a_table_of_sums_applied_for_with_a_fund_column(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 1.2.5-77/2014
                                                 2014-09-30

Ansökningar om lokala utvecklingsmedel och MUST 2015

Typ    Projekt                              Verksamhet          Sökt belopp
LUM    Stöd till unga föräldrar i           Barn och ungdom         310 000
       Hökarängen
MUST   Malmö: samverkan kring               Vuxenenheten             18 000
       hemlöshet
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.fund_type, p.status) for p in f.projects)
    assert got == [
        ("Malmö: samverkan kring hemlöshet", 18000, "MUST", "ansökt"),
        ("Stöd till unga föräldrar i Hökarängen", 310000, "LUM", "ansökt"),
    ]


STATE = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1.2-210/2019
                                                 2019-04-02

Fördelning av statsbidrag för insatser mot hemlöshet 2019

Förvaltningens förslag till beslut
1. Socialnämnden fördelar 1 300 000 kronor av statsbidraget enligt
   tabell 1.

Ärendet
{granter} har beviljat staden 2 000 000 kronor i statsbidrag för 2019.

Tabell 1
Mottagare                   Insats                              Kronor
Farsta                      Boendestöd för unga vuxna          700 000
stadsdelsförvaltning
Stadsmissionen              Natthärbärge för kvinnor           600 000
Summa                                                        1 300 000
"""


def test_a_state_grant_shared_out_among_named_projects(tmp_path: Path) -> None:
    f = facts_of(tmp_path, STATE.format(granter="Socialstyrelsen"))
    kinds = _kinds(f)
    assert (kinds[2000000], kinds[700000], kinds[600000]) == (
        "state_grant",
        "project_cost",
        "project_cost",
    )
    assert kinds[1300000] == "total_granted"


def test_a_state_body_granting_projects_itself_keeps_the_grant(tmp_path: Path) -> None:
    text = """Länsstyrelsen i Stockholms län                   BESLUT
                                                 2019-05-14

Beslut om statsbidrag mot hemlöshet 2019

Beslut
Länsstyrelsen beviljar Farsta stadsdelsnämnd statsbidrag med 700 000 kronor för
projektet Boendestöd för unga vuxna.
Länsstyrelsen beviljar Skarpnäcks stadsdelsnämnd statsbidrag med 450 000 kronor för
projektet Natthärbärge för kvinnor.
"""
    kinds = _kinds(facts_of(tmp_path, text))
    assert (kinds[700000], kinds[450000]) == ("state_grant", "state_grant")


def test_a_recipients_table_in_damaged_ocr_is_no_list_of_criteria(tmp_path: Path) -> None:
    text = """Maria-Gamla stans stadsdelsnamnd              PROTOKOLLSUTDRAG
                                              1998-04-16

§ 40   Bidrag t1ll frivilliga organisationer 1998

Arendet
F6rvaltningen f6reslar bidrag enligt féljande:

F6rening                              S6kt       F6rslag
Kvinnojouren Gamla stan              40 000       35 000
Kamratf6reningen Riddarholmen        25 000       20 000
Summa                                65 000       55 000
"""
    assert list(facts_of(tmp_path, text).criteria) == []


def test_an_agenda_number_and_an_attachment_note_in_the_letterhead(tmp_path: Path) -> None:
    first = """STOCKHOLMS STAD                              SOCIALTJÄNSTFÖRVALTNINGEN

                                            TJÄNSTEUTLÅTANDE
                                            2001-02-13
                                            Dnr 412-0077/01
Handläggare: Per Exempel
Tfn 508 25 000                              SOTN 2001-03-06
                                            Ärende 12


FÖRDELNING AV LOKALA UTVECKLINGSMEDEL
2001


Förslag till beslut

1.   Socialtjänstnämnden fördelar 900 000 kr enligt förslaget.
"""
    second = """                                                          Bilaga: 1
Socialförvaltningen                               Tjänsteutlåtande
                                                  Dnr 3.2-0400/2015
                                                  2015-11-10

Handläggare                                       Till
Per Exempel                                       Socialnämnden

Fördelning av medel för studiebesök 2016

Förvaltningens förslag till beslut

1. Socialnämnden beviljar 120 000 kronor enligt bilaga 1.
"""
    for n, (text, title) in enumerate(
        (
            (first, "FÖRDELNING AV LOKALA UTVECKLINGSMEDEL 2001"),
            (second, "Fördelning av medel för studiebesök 2016"),
        )
    ):
        path = tmp_path / f"doc{n}.txt"
        path.write_text(text, encoding="utf-8")
        meta = understood(path).meta
        assert meta.title == title
        assert meta.doc_date is not None


def test_bullets_grouped_under_unit_labels_after_the_lists_introduction(tmp_path: Path) -> None:
    text = """Skarpnäcks stadsdelsförvaltning                  Tjänsteutlåtande
                                                 Dnr SK 2020/00211
                                                 2020-03-03

Fördelning av lokala utvecklingsmedel 2020

Förvaltningen föreslår följande fördelning:

Barn och familj
   •  Gruppstöd för barn i skilsmässa - 60 000 kr

Vuxenenheten
   •  Digital tidsbokning - 45 000 kr
   •  Arbetsträning i köket - 70 000 kr
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Arbetsträning i köket", 70000),
        ("Digital tidsbokning", 45000),
        ("Gruppstöd för barn i skilsmässa", 60000),
    ]
    assert all([d.district_id for d in p.districts] == ["skarpnack"] for p in f.projects)


def test_district_colon_trip_paragraphs_whose_sum_wraps(tmp_path: Path) -> None:
    text = """Socialtjänstnämnden                              PROTOKOLLSUTDRAG
                                                 2004-04-20

§ 11   Medel för studiebesök 2004

Förvaltningen föreslår att följande ansökningar beviljas:

Kista: Göteborg - uppsökande arbete bland unga i
förorten, 16 000 kr

Farsta: Malmö - samverkan med polisen,
12 000 kr

Socialtjänstförvaltningen, Jourenheten: Oslo - akuta
placeringar av ungdomar, 21 000 kr
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.amount_sek) for p in f.projects] == [
        ("Göteborg - uppsökande arbete bland unga i förorten", 16000),
        ("Malmö - samverkan med polisen", 12000),
        ("Oslo - akuta placeringar av ungdomar", 21000),
    ]


def test_headed_projects_with_an_owner_line_and_the_grant_year(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.2-0200/2011
                                                 2011-03-01

Slutredovisning av lokala utvecklingsmedel 2009-2010

Redovisning per projekt

Läxhjälp för barn i familjehem
Bromma sdf, beviljat 2009
Tolv barn har fått läxhjälp varje vecka under ett läsår.
[ Beviljat 210 000 kr | Förbrukat 190 000 kr | Återbetalt 20 000 kr ]

Gemensamma rutiner för orosanmälningar
Farsta stadsdelsförvaltning (medsökande Skarpnäck),
beviljat 2010
Förvaltningarna har tagit fram en gemensam rutin.
[ Beviljat 330 000 kr | Förbrukat 330 000 kr | Återbetalt - ]
"""
    f = facts_of(tmp_path, text)
    got = sorted(
        (p.name, p.amount_sek, sorted(d.district_id for d in p.districts)) for p in f.projects
    )
    assert got == [
        ("Gemensamma rutiner för orosanmälningar", 330000, ["farsta", "skarpnack"]),
        ("Läxhjälp för barn i familjehem", 210000, ["bromma"]),
    ]


def test_district_trip_rows_under_month_labels_across_a_running_header(tmp_path: Path) -> None:
    text = """SOCIALTJÄNSTNÄMNDEN                               PROTOKOLLSUTDRAG
                                                  2005-09-20

§ 8   Medel för studieresor hösten 2005

Förvaltningen föreslår att följande resor beviljas. Resorna
redovisas efter den månad de genomförs.

September
Farsta sdf         Bergen - arbete med unga i riskzon      21 000 kr
Bromma sdf         Aarhus - barnahus och
                   samverkan med polisen                   17 500 kr
\f
SOCIALTJÄNSTNÄMNDEN                               PROTOKOLLSUTDRAG
                                                  2005-09-20
                                                  Sida 2

Oktober
Hässelby-Vällingby Tammerfors - boendestöd för
sdf                unga vuxna                              26 000 kr
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.amount_sek) for p in f.projects] == [
        ("Bergen - arbete med unga i riskzon", 21000),
        ("Aarhus - barnahus och samverkan med polisen", 17500),
        ("Tammerfors - boendestöd för unga vuxna", 26000),
    ]


def test_a_tables_rows_whose_sums_stand_on_a_line_of_their_own(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-300/2018
                                                 2018-03-06

Medel för utveckling och lärande (MUL) 2018

Sökande              Resmål och syfte                            Delt.
förvaltning
------------------------------------------------------------------------
Farsta sdf           Tallinn. Uppsökande arbete bland               4
                     unga på gatan
                                                         28 000 kronor
Skarpnäck            Bergen. Mottagning av                          3
                     ensamkommande
                                                         19 000 kronor
------------------------------------------------------------------------
"""
    f = facts_of(tmp_path, text)
    assert [(p.name, p.amount_sek) for p in f.projects] == [
        ("Tallinn. Uppsökande arbete bland unga på gatan", 28000),
        ("Bergen. Mottagning av ensamkommande", 19000),
    ]


def test_a_closing_table_names_the_projects_by_their_number_or_letter(tmp_path: Path) -> None:
    numbered = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 1.6-300/2016
                                                 2016-09-13

Ansökan om lokala utvecklingsmedel för 2017

Projekt 1
Familjeråd för barn i skolan
Socialsekreterare leder familjeråd på två skolor.

Projekt 2
Mobil fältgrupp för unga vuxna med
missbruk
Fältgruppen arbetar kvällstid i Hökarängen.

Sammanställning av sökta medel (kronor)
Projekt     Sökt 2017     Egen insats     Totalt
nr                        2017-2018       sökt
1             250 000       100 000      250 000
2             180 000        60 000      180 000
"""
    lettered = """Socialtjänstförvaltningen                        Tjänsteutlåtande
                                                 Dnr 506-0300/99
                                                 1999-09-14

Stadsövergripande FoU-studier 1999

Förvaltningen föreslår att följande två studier genomförs.

Studie A. Barn i familjer med skulder - en
kartläggning

Studien kartlägger barnens situation.
Utförare: Stockholms universitet. Klar: juni 2000.

Studie B. Äldre som vårdar en make - stöd
i hemmet

Studien bygger på intervjuer.
Utförare: Ersta Sköndal högskola. Klar: mars 2000.

Studie                                    1999        2000       Totalt
A  Barn och skulder                    200 000     100 000      300 000
B  Anhörigvårdare                      150 000      50 000      200 000
"""
    f = facts_of(tmp_path, numbered)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Familjeråd för barn i skolan", 250000),
        ("Mobil fältgrupp för unga vuxna med missbruk", 180000),
    ]
    (tmp_path / "b").mkdir()
    f = facts_of(tmp_path / "b", lettered)
    assert sorted((p.name, p.amount_sek, p.performer) for p in f.projects) == [
        ("Barn i familjer med skulder - en kartläggning", 300000, "Stockholms universitet"),
        ("Äldre som vårdar en make - stöd i hemmet", 200000, "Ersta Sköndal högskola"),
    ]


def test_no_dnr_prefix_is_read_from_inside_a_word() -> None:
    from pipeline.understand.dnr import find_dnrs

    assert find_dnrs("STADSÖVERGRIPANDE FOU-STUDIER 1999-2000") == []
    assert [d.raw for d in find_dnrs("Dnr KS 2021/00487")] == ["KS 2021/00487"]


def test_a_table_drawn_with_box_drawing_characters(tmp_path: Path) -> None:
    text = """Stadsledningskontoret                            Tjänsteutlåtande
                                                 Dnr 300-12/2007
                                                 2007-02-06

Stadsövergripande FoU-studier 2007

┌────┬──────────────────────────┬─────────────────┬──────────┬───────────┐
│ Nr │ Studie                   │ Utförare        │ Klar     │ Totalt    │
├────┼──────────────────────────┼─────────────────┼──────────┼───────────┤
│ 1  │ Skuldsatta hushåll i     │ Stockholms      │ 2008-03  │   300 000 │
│    │ ytterstaden              │ universitet     │          │           │
├────┼──────────────────────────┼─────────────────┼──────────┼───────────┤
│ 2  │ Fritid för unga med      │ Ersta Sköndal   │ 2008-06  │   250 000 │
│    │ funktionsnedsättning     │ högskola        │          │           │
└────┴──────────────────────────┴─────────────────┴──────────┴───────────┘
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek, p.performer) for p in f.projects) == [
        ("Fritid för unga med funktionsnedsättning", 250000, "Ersta Sköndal högskola"),
        ("Skuldsatta hushåll i ytterstaden", 300000, "Stockholms universitet"),
    ]


def test_an_association_over_the_work_its_grant_is_for(tmp_path: Path) -> None:
    text = """Spånga-Tensta stadsdelsförvaltning               Delegationsbeslut
                                                 Dnr 1.4-88/2019
                                                 2019-05-07

Bidrag till sommaraktiviteter 2019

Beviljade bidrag

1.  Tensta Bordtennisklubb
    Pingisläger för barn under sommarlovet
    Beviljat belopp: 30 000 kronor

2.  Spånga Konstförening
    Målarkurs i Spånga centrum
    Beviljat belopp: 18 000 kronor
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek, p.performer) for p in f.projects) == [
        ("Målarkurs i Spånga centrum", 18000, "Spånga Konstförening"),
        ("Pingisläger för barn under sommarlovet", 30000, "Tensta Bordtennisklubb"),
    ]


def test_a_studys_fields_at_the_margin_and_its_sums_in_a_small_table(tmp_path: Path) -> None:
    text = """SOCIALTJÄNSTNÄMNDEN                              PROTOKOLLSUTDRAG
                                                 2003-05-20

§ 9   Redovisning av stadsövergripande studier 2002

Studie 1. Unga vuxna i eget boende - en uppföljning
Utförare: Göteborgs universitet, Institutionen för
socialt arbete                              Klar: maj 2003
Beviljat       Utbetalt       Återförs
260 000        240 000        20 000
"""
    f = facts_of(tmp_path, text)
    (p,) = f.projects
    assert (p.amount_sek, p.performer, str(p.end_date)[:7]) == (
        260000,
        "Göteborgs universitet, Institutionen för socialt arbete",
        "2003-05",
    )


def test_units_before_a_dash_under_a_distribution_heading(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 504-30/2005
                                                 2005-03-01

Fördelning av lokala utvecklingsmedel 2005

Förvaltningen har bedömt ansökningarna utifrån om utvecklingsarbetet

  •  utgår från brukarnas behov,
  •  kan fortsätta inom ordinarie budget.

Förvaltningens förslag till fördelning

1.  Vuxenenheten - Motiverande samtal i mottagningen
    Enheten utbildar alla handläggare. Sökt belopp 90 000 kr.
    Förslag: 80 000 kr.

2.  Familjeteamet - Föräldrastöd i grupp
    Två grupper startar under hösten. Sökt belopp 70 000 kr.
    Förslag: 70 000 kr.
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Föräldrastöd i grupp", 70000),
        ("Motiverande samtal i mottagningen", 80000),
    ]
    assert [c.text.rstrip(".,") for c in f.criteria] == [
        "utgår från brukarnas behov",
        "kan fortsätta inom ordinarie budget",
    ]


def test_associations_in_a_distribution_are_no_projects(tmp_path: Path) -> None:
    text = """Katarina-Sofia stadsdelsnämnd                   PROTOKOLLSUTDRAG
                                                 1999-02-18

§ 7   Bidrag till föreningar 1999

Förvaltningen föreslår följande fördelning.

1. Sofia Bollklubb ..................................... 40 000 kr
2. Fatburens Fritidsförening ........................... 25 000 kr
3. Skansbergets Scoutkår ............................... 15 000 kr
"""
    assert list(facts_of(tmp_path, text).projects) == []


def test_a_co_applicant_line_under_a_project_label_and_a_grade_criteria_intro(
    tmp_path: Path,
) -> None:
    text = """Bromma stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 1.2.1-50/2015
                                                 2015-02-10

Ansökan om lokala utvecklingsmedel 2015

Enligt utlysningen bedöms ansökningarna efter i vilken grad
projektet

  1)  involverar flera förvaltningar,
  2)  följs av en forskare.

Projekt 1: Tidiga samtal med föräldrar till barn i
förskolan

Medsökande: Hässelby-Vällingby stadsdelsförvaltning

Socialsekreterare erbjuder samtal i förskolan.

Kostnader, kronor
Projektledare                                 200 000
Summa                                         200 000
Varav sökt LUM                                160 000
"""
    f = facts_of(tmp_path, text)
    got = [(p.name, p.amount_sek, sorted(d.district_id for d in p.districts)) for p in f.projects]
    assert got == [
        (
            "Tidiga samtal med föräldrar till barn i förskolan",
            160000,
            ["bromma", "hasselby-vallingby"],
        )
    ]
    assert len(f.criteria) == 2


def test_a_protocols_paragraphs_with_their_own_dnr_give_the_document_none(
    tmp_path: Path,
) -> None:
    text = """STOCKHOLMS STAD                               PROTOKOLL 4/2012
FARSTA STADSDELSNÄMND                         Sid 1
                                              2012-04-19

§ 12   Bidrag till föreningar 2012
       Dnr 1.2-118/2012

Nämnden beviljar 120 000 kr enligt förslaget.

§ 13   Remissvar om hemlöshet
       Dnr 1.4-062/2012

Nämnden besvarar remissen.
"""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert understood(path).meta.dnr is None


def test_sums_a_committee_shared_out_are_its_total_granted(tmp_path: Path) -> None:
    text = """Enskede-Årsta-Vantörs stadsdelsförvaltning       Tjänsteutlåtande
                                                 Dnr 1.2-300/2017
                                                 2017-05-02

Remissvar om bidrag till ideella föreningar

Socialnämnden fördelade 2016 knappt 40 miljoner kronor i bidrag till
ideella organisationer.
"""
    assert _kinds(facts_of(tmp_path, text))[40000000] == "total_granted"


def test_a_reports_own_parts_after_its_projects_are_no_projects(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 1.2-020/2015
                                                 2015-02-10

Verksamhetsberättelse 2014

Förvaltningen har under året bedrivit följande projekt med
finansiering utöver nämndens budget.

Språkstöd i förskolan
Projektet har fått 300 000 kronor i lokala utvecklingsmedel för 2014.

Bidrag till föreningar
Nämnden beviljade föreningsbidrag om sammanlagt 210 000 kronor.

Personal
Sjukfrånvaron minskade under året.
"""
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Språkstöd i förskolan"]


def test_an_owner_over_project_column_with_co_applicant_lines(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1.2-100/2024
                                                 2024-03-05

Lokala utvecklingsmedel 2024

Förvaltning / projekt                            Förslag 2024
Farsta sdf
   Läxhjälp med föräldrasamtal                       220 000
   – medsökande: Skarpnäck
Bromma sdf
   Digital mottagning för unga                       180 000
"""
    f = facts_of(tmp_path, text)
    got = sorted(
        (p.name, p.amount_sek, sorted(d.district_id for d in p.districts)) for p in f.projects
    )
    assert got == [
        ("Digital mottagning för unga", 180000, ["bromma"]),
        ("Läxhjälp med föräldrasamtal", 220000, ["farsta", "skarpnack"]),
    ]


def test_sub_projects_between_rules_with_the_sums_sought_per_year_and_in_total(
    tmp_path: Path,
) -> None:
    page = """-----------------------------------------------------------------
DELPROJEKT {n}   {name}
-----------------------------------------------------------------
                                     2005        2006       Summa
Total kostnad                     {c1}     {c2}     {c3}
Sökt från SOTN                    {s1}     {s2}     {s3}
"""
    head = """Vantörs stadsdelsförvaltning                     TJÄNSTEUTLÅTANDE
                                                  Dnr 130-40/2005
                                                  2005-02-01

Ansökan om lokala utvecklingsmedel 2005-2006

"""
    furniture = """
                                                  TJÄNSTEUTLÅTANDE
                                                  Dnr 130-40/2005
                                                  Sida {p} (3)
"""
    first = page.format(
        n=1,
        name="Läxhjälp i Högdalen",
        c1="100 000",
        c2=" 80 000",
        c3="180 000",
        s1=" 90 000",
        s2=" 70 000",
        s3="160 000",
    )
    second = page.format(
        n=2,
        name="Nattvandring med föräldrar",
        c1=" 60 000",
        c2=" 60 000",
        c3="120 000",
        s1=" 50 000",
        s2=" 50 000",
        s3="100 000",
    )
    text = head + first + furniture.format(p=1) + "\f" + second + furniture.format(p=2)
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Läxhjälp i Högdalen", 160000),
        ("Nattvandring med föräldrar", 100000),
    ]


def test_a_documents_own_part_is_no_heading_of_a_table_rows_project(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-40/2025
                                                 2025-02-04

Lokala utvecklingsmedel 2025

Uppföljning

Projekten lämnar en slutrapport senast den 31 mars 2026.

Förvaltningen föreslår att följande projekt beviljas medel.

Nr  Sökande            Projekt                            Förslag
1   Skärholmen         Sociala insatsgrupper -            380 000
                       uppföljning av skolgången
"""
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Sociala insatsgrupper - uppföljning av skolgången"]


def test_asterisk_bullets_at_a_pages_foot_are_a_list_not_footnotes(tmp_path: Path) -> None:
    body = "\n".join(f"Rad {k} i ärendet om hur statsbidraget ska användas." for k in range(12))
    text = f"""Stadsledningskontoret                            Tjänsteutlåtande
                                                 Dnr 1.5-70/2014
                                                 2014-01-21

Fördelning av statsbidrag för kunskapsutveckling 2014

{body}

Stadsledningskontoret föreslår följande fördelning:

  *  Strukturerad bedömning i barnavården
     Socialförvaltningen                            600 000 kronor

  *  Uppsökande arbete bland äldre
     Farsta stadsdelsförvaltning                    350 000 kronor
"""
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Strukturerad bedömning i barnavården", 600000),
        ("Uppsökande arbete bland äldre", 350000),
    ]


def test_units_set_out_over_their_work_and_the_decisions_line(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr FA 2021/00100
                                                 2021-04-06

Fördelning av lokala utvecklingsmedel 2021

Fördelning till enheterna

   Mottagningsenheten
      Snabbare bedömning av orosanmälningar
      Beviljas: 90 000 kronor

   Enheten för ekonomiskt bistånd
      Digitala möten med arbetssökande
      Beviljas: 60 000 kronor
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects)
    assert got == [
        ("Digitala möten med arbetssökande", 60000, ["farsta"]),
        ("Snabbare bedömning av orosanmälningar", 90000, ["farsta"]),
    ]


def test_a_decision_opened_by_fattar_foljande_beslut_and_a_numbered_first_heading(
    tmp_path: Path,
) -> None:
    utl = """Utlåtande 2010:12 RI (Dnr 325-100/2009)


Trygghetssatsningen 2010 – fördelning av medel

Borgarrådsberedningen föreslår att kommunstyrelsen fattar
följande beslut

1. Stadsdelsnämnderna tilldelas 5 000 000 kronor enligt bilaga 1.
2. Stadsdelsnämnderna ska redovisa insatserna.

Föredragande borgarrådet anför följande.
"""
    vb = """Farsta stadsdelsförvaltning                       Verksamhetsberättelse
                                                  Dnr FA 2023/00010
                                                  2023-02-06


Verksamhetsberättelse 2022
Farsta stadsdelsnämnd


1. Sammanfattning

Nämnden redovisar ett överskott om 3 mnkr.
"""
    for n, (text, title) in enumerate(
        (
            (utl, "Trygghetssatsningen 2010 – fördelning av medel"),
            (vb, "Verksamhetsberättelse 2022"),
        )
    ):
        path = tmp_path / f"doc{n}.txt"
        path.write_text(text, encoding="utf-8")
        doc = understood(path)
        assert doc.meta.title == title
    path = tmp_path / "doc0.txt"
    assert (
        len(facts_of(tmp_path / "x", utl).decisions if False else understood(path).decisions) == 2
    )


def test_applicant_fields_over_each_blocks_name_field(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr SOF 2024/0100
                                                 2024-03-05

Lokala utvecklingsmedel 2024

Ansökan 2024:01
Sökande         Bromma stadsdelsförvaltning
Projekt         Stöd till unga föräldrar
Sökt belopp     300 000 kr
Föreslaget      300 000 kr

Ansökan 2024:02
Sökande         Farsta stadsdelsförvaltning
Projekt         Digital mottagning
Sökt belopp     200 000 kr
Föreslaget      150 000 kr
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, [d.district_id for d in p.districts]) for p in f.projects)
    assert got == [("Digital mottagning", ["farsta"]), ("Stöd till unga föräldrar", ["bromma"])]


def test_a_cue_in_an_earlier_sentence_introduces_no_list(tmp_path: Path) -> None:
    text = """Utlåtande 2009:40 RI (Dnr 325-300/2009)


Fördelning av ytterstadsmedel 2009

Ärendet
Insatserna har pågått sedan 2007 och deras fortsatta
finansiering bör prövas mot nämndernas budget. Jag föreslår att kommunstyrelsen beslutar i enlighet med vad som
framgår av borgarrådsberedningens förslag ovan.
Stockholm den 11 mars 2009
På kommunstyrelsens vägnar
"""
    assert list(facts_of(tmp_path, text).criteria) == []
