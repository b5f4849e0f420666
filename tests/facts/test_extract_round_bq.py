"""Fifty-seventh session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* a report that sets each project under a numbered name with its fund and state in brackets
  on the next line ("(LUM 2021 - avslutat)") and answers a template's questions ("Vem
  genomför projektet?", "Vad kostar projektet?") below it: one project per numbered name, the
  questions no projects, no sections and no one who does the work;
* a catalogue's entries "Name. Body. Kostnad N kr, klar i …": the body carries the work
  out, the cost is the study's;
* a table whose rows stand under bands that say what became of them ("AVSLUTADE UNDER
  2022", "PÅGÅR UNDER 2023"), its sums on each row's second line, a name that goes on after
  a dash, and an end column headed "Slut: plan → utfall";
* a typed table with "Fr o m", "T o m" and "Läge 990301" columns in ÅÅMMDD: the date under
  "Avslutat" is no sum, and ends the work;
* "Uppdrag 2. Studien genomförs av …" comments under a numbered table: a label whose
  paragraph runs on names no project, and the rows keep their names;
* a table whose rows stand under group lines naming who carries them out ("Utförare:
  Södertörns högskola"), a dash for none;
* items "a) Name (Föreningen X), 185 000 kr," that name who carries the work out in a
  bracket before the sum ("(egen regi, …)": nobody outside);
* a table of the nämnd's decision beside the förvaltning's proposal ("Sökt | Förslag |
  Beslut"): the decided sum is the project's, the proposal another sum of it; a table whose
  footnotes stand at the foot of its page goes on at the top of the next, its header there
  taken away as the page's furniture;
* a "Klart" column beside a "Slutrapport" column: the work ends when it is done, its report
  is due later; a "Pågår t.o.m." column and an "årsskiftet 2016/2017" cell;
* bullets "Name – LUM 2016 – 450 000 kr – Pågår t.o.m. våren 2017." whose fund part is no
  part of the name, and whose end is the season's;
* the work's own end stands over a later sentence on its report or evaluation ("Projektet
  avslutas den 30 juni 2022. Slutrapporten lämnas i oktober 2022.").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_bn import SDF_HEAD
from test_extract_round_ii import HEAD

from pipeline.facts.end_in_text import end_date_in

_QUESTIONS = """Ärendet

1. Läsombud i förskolorna i Norrbacka
   (LUM 2021 - avslutat)

Vad har gjorts?
Två läsombud har besökt förskolor och läst med föräldrar och barn
under våren och hösten.

Vem har genomfört projektet?
Projektet har genomförts av förvaltningens familjebehandlare.

När avslutades projektet?
Projektet avslutades i november 2021.

Vad kostade projektet?
Beviljat 260 000 kronor. Förbrukat 251 000 kronor.


2. Stödgrupp för unga anhöriga
   (LUM 2022 - pågår)

Vad görs?
En samtalsgrupp för unga som lever med en förälder med missbruk.

Vem genomför projektet?
Gruppledarna är anställda i förvaltningen. Utvärderingen görs av
Ersta Sköndal Bräcke högskola.

När avslutas projektet?
Projektet pågår till och med mars 2023. Högskolans rapport lämnas
senast i september 2023.

Vad kostar projektet?
Beviljat 2022: 340 000 kronor.


3. Studieresa till Oslo - barnahus för äldre barn
   (MUL 2021 - genomförd)

Vem reste?
Tre socialsekreterare och en enhetschef.

När gjordes resan?
I september 2021.

Vad kostade resan?
Resan kostade 21 400 kronor av beviljade 24 000 kronor.


Förvaltningens synpunkter

Förvaltningen bedömer att projekten har gett kunskap som används i
det ordinarie arbetet.
"""


def test_a_report_of_numbered_projects_answering_a_templates_questions(tmp_path: Path) -> None:
    text = (
        SDF_HEAD.format(
            no=515, year=2022, title="Redovisning av lokala utvecklingsprojekt 2021 och 2022"
        ).replace(
            "1. Stadsdelsnämnden ansöker hos socialnämnden om lokala\n"
            "   utvecklingsmedel för de projekt som beskrivs i ärendet.",
            "1. Stadsdelsnämnden godkänner redovisningen.",
        )
        + _QUESTIONS
    )
    got = {
        p.name: (p.amount_sek, p.fund_type, p.status, p.performer, p.end_date)
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Läsombud i förskolorna i Norrbacka": (
            260_000,
            "LUM",
            "genomförd",
            None,
            dt.date(2021, 11, 1),
        ),
        "Stödgrupp för unga anhöriga": (
            340_000,
            "LUM",
            "pågående",
            "Ersta Sköndal Bräcke högskola",
            dt.date(2023, 3, 1),
        ),
        "Studieresa till Oslo - barnahus för äldre barn": (24_000, "MUL", "genomförd", None, None),
    }


def test_the_works_end_stands_over_its_reports_date() -> None:
    assert end_date_in(
        "Projektet avslutas den 30 juni 2022. Slutrapporten lämnas i oktober 2022."
    ) == dt.date(2022, 6, 30)
    assert end_date_in(
        "Insatsen pågår till och med maj 2024. Utvärderingen ska vara klar vid "
        "årsskiftet 2024/2025."
    ) == dt.date(2024, 5, 1)
    # a report's date alone is the only end printed: it stands
    assert end_date_in("Slutrapporten ska vara klar i december 2019.") == dt.date(2019, 12, 1)


def test_a_template_question_opens_with_a_question_word() -> None:
    from pipeline.facts.text_units import template_question

    assert template_question("Vem genomför projektet?")
    assert template_question("När avslutades projektet?")
    assert not template_question("Kontaktperson eller stödfamilj?")  # a study's name may ask
    assert not template_question("Vem genomför projektet")


def test_catalogue_entries_name_the_body_then_the_cost(tmp_path: Path) -> None:
    text = HEAD.format(year=2011, title="Beställning av stadsövergripande FoU-studier 2012") + (
        """
Ärendet

Förvaltningen föreslår att två nya studier beställs.

Nya studier 2012

Äldre med missbruk i hemtjänsten - en kartläggning. Institutionen för
socialt arbete, Göteborgs universitet. Kostnad 410 000 kr, klar i
maj 2013.

Placerade barns skolgång. Centrum för socialt arbete, Uppsala
universitet. Kostnad 355 000 kr, klar i november 2012.

Ekonomi

Studierna belastar anslaget med sammanlagt 765 000 kr.
"""
    )
    got = {
        p.name: (p.amount_sek, p.performer, p.end_date) for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Äldre med missbruk i hemtjänsten - en kartläggning": (
            410_000,
            "Institutionen för socialt arbete, Göteborgs universitet",
            dt.date(2013, 5, 1),
        ),
        "Placerade barns skolgång": (
            355_000,
            "Centrum för socialt arbete, Uppsala universitet",
            dt.date(2012, 11, 1),
        ),
    }


def test_rows_under_bands_of_what_became_of_them(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=77, year=2023, title="Uppföljning av utvecklingsprojekt 2022") + (
        """Ärendet

Tabell 1. Projekt och studieresor 2022

Projekt                        Finansiering     Projektperiod            Slut: plan → utfall
                                                                         eller prognos
-----------------------------------------------------------------------------------------------
AVSLUTADE UNDER 2022
Läxhjälp i samverkan med       LUM 2022,        2022-01-01–2022-12-31    Q4 2022 → december
biblioteket i Farsta           310 000 kr                                2022
Studieresa Tammerfors –        MUL 2022,        3–4 oktober 2022         oktober 2022 → genomförd
Navigatorcentrum               18 000 kr                                 4 oktober 2022

PÅGÅR UNDER 2023
Mobilt team för unga           LUM 2022,        2022-04-01–2023-09-30    2023-09-30 →
vuxna                          420 000 kr                                oförändrat
-----------------------------------------------------------------------------------------------

Förvaltningens synpunkter

Förvaltningen bedömer att projekten har gett goda resultat.
"""
    )
    got = {p.name: (p.amount_sek, p.fund_type, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp i samverkan med biblioteket i Farsta": (310_000, "LUM", "genomförd"),
        "Studieresa Tammerfors – Navigatorcentrum": (18_000, "MUL", "genomförd"),
        "Mobilt team för unga vuxna": (420_000, "LUM", "pågående"),
    }


def test_a_typed_table_of_dates_in_six_digits(tmp_path: Path) -> None:
    text = HEAD.format(year=1997, title="Lägesrapport för lokala utvecklingsprojekt 1996") + (
        """
Ärendet

Datum anges som ÅÅMMDD.

Stadsdels-    Projekt                       Beviljat   Fr o m   T o m    Läge 970215
nämnd                                       kr
-----------------------------------------------------------------------------------
Bromma        Stöd till unga mammor          190 000   960301   970228   Avslutat
                                                                         970131
Skarpnäck     Nattvandring med föräldrar     230 000   960601   970531   Pågår
-----------------------------------------------------------------------------------
Summa                                        420 000
"""
    )
    got = {p.name: (p.amount_sek, p.status, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Stöd till unga mammor": (190_000, "genomförd", dt.date(1997, 1, 31)),
        "Nattvandring med föräldrar": (230_000, "pågående", dt.date(1997, 5, 31)),
    }


def test_numbered_comments_that_run_on_name_no_project(tmp_path: Path) -> None:
    text = HEAD.format(year=1999, title="FoU-uppdrag år 2000") + (
        """
Ärendet

Tabell 1. FoU-uppdrag 2000

Nr  Uppdrag                      Ansvarig                Klart        Kostnad, kr

1   Hemlösa kvinnors vägar in    Inst. för socialt       2000-12-31       350 000
    i boende                     arbete, SU

2   Äldre med missbruk i         Utrednings- och         2000-09-30       180 000
    hemtjänsten                  statistikkontoret

    Summa                                                                530 000


Kommentarer till uppdragen

Uppdrag 1. Studien genomförs av docent Eva Lindqvist vid
Institutionen för socialt arbete. Den följer fyrtio kvinnor under
ett år.

Uppdrag 2. Utrednings- och statistikkontoret bearbetar stadens
register över hemtjänstens insatser för åren 1996-1999.
"""
    )
    names = sorted(p.name for p in facts_of(tmp_path, text).projects)
    assert names == ["Hemlösa kvinnors vägar in i boende", "Äldre med missbruk i hemtjänsten"]


def test_rows_under_the_lines_of_who_carries_them_out(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=303, year=2021, title="Förteckning över FoU-uppdrag 2021") + (
        """Ärendet

Uppdragen är ordnade efter utförare.

Uppdrag                               Finansiering  Period              Belopp   Status

Utförare: Södertörns högskola

Läsfrämjande hembesök -               LUM 2021      2021-02-01 -       280 000   Pågår
utvärdering                                         2021-12-31
Nätverksmöten i barnavården           LUM 2021      2021-03-01 -       190 000   Pågår
                                                    2021-11-30

Utförare: -

Öppen förskola för nyanlända          LUM 2021      2021-01-01 -       160 000   Pågår
                                                    2021-12-31

Summa                                                                  630 000
"""
    )
    got = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läsfrämjande hembesök - utvärdering": "Södertörns högskola",
        "Nätverksmöten i barnavården": "Södertörns högskola",
        "Öppen förskola för nyanlända": None,
    }


def test_items_with_who_carries_them_out_in_a_bracket_before_the_sum(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=88, year=2003, title="Ansökan om lokala utvecklingsmedel 2004") + (
        """Ärendet

Stadsdelsnämnden ansöker om lokala utvecklingsmedel för följande
projekt:

    a)  Läxhjälp i Hagsätra (Föreningen Läxhjälpen Söder), 120 000 kr,
    b)  Tidiga samtal med blivande föräldrar (egen regi,
        familjeenheten), 210 000 kr,
    c)  Skolsociala team - en utvärdering (Sociologiska institutionen
        vid Stockholms universitet, docent Per Åkesson), 175 000 kr.
"""
    )
    got = {p.name: (p.amount_sek, p.performer) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp i Hagsätra": (120_000, "Föreningen Läxhjälpen Söder"),
        "Tidiga samtal med blivande föräldrar": (210_000, None),
        "Skolsociala team - en utvärdering": (
            175_000,
            "Sociologiska institutionen vid Stockholms universitet",
        ),
    }


def test_decided_sums_beside_proposals_over_a_page_break(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=41, year=2021, title="Anmälan av beslut om lokala utvecklingsmedel 2021"
    ) + (
        """Ärendet

Tabell 1. Lokala utvecklingsmedel 2021 (kronor)

Projekt                    Utförare       Sökt      Förslag    Beslut
Familjeråd i              Egen regi    300 000    250 000    300 000¹
barnavården
Läsombud på                Egen regi    200 000    200 000    200 000
biblioteken



________________________
¹ Socialnämnden beviljade sökt belopp.
\f
Stödgrupp för              Egen regi    180 000    150 000    150 000
unga pappor
Summa                                  680 000    600 000    650 000

Förvaltningen tackar för beslutet.
"""
    )
    f = facts_of(tmp_path, text)
    assert {p.name: p.amount_sek for p in f.projects} == {
        "Familjeråd i barnavården": 300_000,
        "Läsombud på biblioteken": 200_000,
        "Stödgrupp för unga pappor": 150_000,
    }
    proposed = sorted(a.sek for a in f.amounts if a.raw in ("250 000", "150 000"))
    kinds = {a.sek: a.kind for a in f.amounts if a.raw == "250 000"}
    assert proposed == [150_000, 150_000, 250_000] and kinds == {250_000: "other"}


def test_the_end_column_beside_the_reports_column(tmp_path: Path) -> None:
    text = HEAD.format(year=2016, title="Årsrapport lokala utvecklingsmedel 2015") + (
        """
Ärendet

Tabell 1. Projekt som har avslutats

Förvaltning         Projekt                        Beviljat   Klart        Slutrapport
                                                   kronor
--------------------------------------------------------------------------------------
Farsta              Föräldraträffar i              310 000   2015-11-30   Väntas i
                    Hökarängen                                           mars 2016
--------------------------------------------------------------------------------------

Tabell 2. Projekt som fortsätter

Förvaltning         Projekt                        Beviljat   Pågår        Kommentar
                                                   kronor     t.o.m.
--------------------------------------------------------------------------------------
Bromma              Skolnärvaro i                  280 000   årsskiftet   Enligt plan
                    Åkeshov                                  2016/2017
--------------------------------------------------------------------------------------
"""
    )
    ends = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends == {
        "Föräldraträffar i Hökarängen": dt.date(2015, 11, 30),
        "Skolnärvaro i Åkeshov": dt.date(2016, 12, 31),
    }


def test_bullets_of_dashed_parts(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=12, year=2019, title="Redovisning av lokala utvecklingsprojekt 2018"
    ) + (
        """Ärendet

Lokala utvecklingsmedel 2018

•  Trygga skolvägar – LUM 2018 – 240 000 kr – Projekttid
   2018-01-01–2018-12-31 – Klart.

•  Budgetstöd i grupp – LUM 2018 – 180 000 kr – Pågår t.o.m.
   hösten 2019. Förlängt inom beviljad ram.
"""
    )
    got = {p.name: (p.amount_sek, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Trygga skolvägar": (240_000, dt.date(2018, 12, 31)),
        "Budgetstöd i grupp": (180_000, dt.date(2019, 12, 31)),
    }
