"""Fifty-sixth session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* in a paper on both the local development money and the study-visit money, a sentence that
  names both funds gives no list below it either fund;
* an item "Name (who; when)" over its sum: who carries it out and when it ends, unlabelled;
  "(genomfört …)"/"(planerat till …)" after a trip; a list under a fund's label with its
  total in brackets ("(sammanlagt 38 000 kr)"); work "inom nämndens egen budget" is no
  fund's;
* a researcher after a comma ("FoU-centrum X, fil. dr A B") or before the institution
  ("docent A B, Institutionen för …") is no part of who carries the work out;
* ends as the typed era wrote them ("981231", "940401-941231", "dec -99", "1 kv 2000"), and
  an earlier or a requested end in brackets beside the cell's ("(tid. 2010-12-31)");
* paragraphs 'OWNER – "Name". Description … (Sökt …; föreslås …; total kostnad …, varav …
  Allmänna arvsfonden …)': each a project, the co-financier no fund of the next one;
* a ruled table with a "Fond" and a "Socialnämndens motivering" column; a unit table whose
  first column is "Förslag" beside "Sökt";
* run-in names whose next sentence states the grant ("Beviljat 210 000 kr, förbrukat …");
* "+ 90 000 (tillägg)" under a row's sum goes on in that row;
* a box "Ekonomi   kr" under a project's numbered heading is that project's, not one named
  "Ekonomi".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_bn import SDF_HEAD
from test_extract_round_ii import HEAD

from pipeline.facts.end_dates import parse_end_cell
from pipeline.facts.performer_tails import bare_performer


def test_a_sentence_on_both_funds_gives_the_list_below_neither(tmp_path: Path) -> None:
    text = HEAD.format(
        year=2023, title="Lokala utvecklingsmedel och medel för utveckling och lärande 2024"
    ) + (
        """
Ärendet

Socialnämnden har i budget 2024 avsatt 2,4 miljoner kronor för
lokala utvecklingsmedel (LUM) och medel för utveckling och lärande
(MUL). Ansökningarna har bedömts av FoU-rådet.

Förvaltningen föreslår att följande ansökningar beviljas.

Ettåriga projekt 2024

•  Farsta stadsdelsförvaltning: Stödsamtal för unga pappor,
   310 000 kronor
•  Bromma stadsdelsförvaltning: Budgetrådgivning i grupp,
   260 000 kronor
"""
    )
    funds = {p.name: p.fund_type for p in facts_of(tmp_path, text).projects}
    assert funds == {"Stödsamtal för unga pappor": "LUM", "Budgetrådgivning i grupp": "LUM"}


def test_items_with_who_and_when_in_a_bracket_over_their_sums(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=88, year=2011, title="Lägesrapport om projekt och studier 2011") + (
        """Projekt och studier 2011

Lokala utvecklingsmedel 2011 (sammanlagt 540 000 kr)

-  Föräldrastöd i öppenvården (egen regi, barnenheten; pågår t.o.m.
   mars 2012)
   300 000 kr

-  Mentorer för unga vuxna (Stiftelsen Brobyggarna; slutrapport
   2012-01-31), gemensamt med Skarpnäck
   240 000 kr

Medel för studiebesök (MUST) 2011 (sammanlagt 44 000 kr)

-  Oslo kommune, Uteseksjonen - fältarbete bland unga (genomfört
   10-12 maj 2011)
   24 000 kr

-  Malmö stad, Rosengård - sociala insatsgrupper (planerat till
   oktober 2011)
   20 000 kr

Studier inom nämndens egen budget

-  Enkät till föräldrar i förskolan (docent Lena Prov, Institutionen
   för socialt arbete, Exempeluniversitetet; klar ht 2011)
   90 000 kr
"""
    )
    got = {
        p.name: (p.amount_sek, p.performer, p.end_date, p.fund_type)
        for p in facts_of(tmp_path, text).projects
    }
    assert got["Föräldrastöd i öppenvården"] == (300_000, None, dt.date(2012, 3, 1), "LUM")
    assert got["Mentorer för unga vuxna"] == (
        240_000,
        "Stiftelsen Brobyggarna",
        dt.date(2012, 1, 31),
        "LUM",
    )
    trips = [n for n in got if n.startswith(("Oslo", "Malmö"))]
    assert len(trips) == 2 and all(got[n][3] == "MUST" for n in trips)
    assert got["Enkät till föräldrar i förskolan"] == (
        90_000,
        "Institutionen för socialt arbete, Exempeluniversitetet",
        dt.date(2011, 12, 31),
        None,
    )


def test_a_researcher_beside_the_organisation_is_no_part_of_it() -> None:
    assert bare_performer("FoU-centrum Exempelstad, fil. dr Sara Prov") == "FoU-centrum Exempelstad"
    assert (
        bare_performer("docent Per Prov, Institutionen för pedagogik, Exempeluniversitetet")
        == "Institutionen för pedagogik, Exempeluniversitetet"
    )


def test_ends_as_the_typed_era_wrote_them() -> None:
    def end(cell: str) -> dt.date | None:
        got = parse_end_cell(cell)
        return got[3] if got is not None else None

    assert end("981231") == dt.date(1998, 12, 31)
    assert end("950101-951130") == dt.date(1995, 11, 30)
    assert end("dec -99") == dt.date(1999, 12, 1)
    assert end("hösten -98") == dt.date(1998, 12, 31)
    assert end("1 kv 2000") == dt.date(2000, 3, 31)
    assert end("2:a kvartalet 2021") == dt.date(2021, 6, 30)
    assert end("2012-09-30 (tid. 2012-03-31)") == dt.date(2012, 9, 30)
    assert end("990630 (begärt 991231)") == dt.date(1999, 6, 30)
    assert end("123456") is None  # (no month 34: no date)


def test_owner_paragraphs_with_a_quoted_name_and_their_sums_in_a_bracket(tmp_path: Path) -> None:
    text = HEAD.format(year=2016, title="Lokala utvecklingsmedel 2017") + (
        """
Förvaltningens bedömning av ansökningarna

Under varje ansökan anges inom parentes det sökta beloppet och det
belopp som förvaltningen föreslår. Belopp i tusental kronor (tkr).

FARSTA – "Stöd till syskon i familjer med missbruk". Gruppverksamhet
för barn 7–12 år i samarbete med skolan.
(Sökt 310 tkr; föreslås 280 tkr; total kostnad 900 tkr, varav
300 tkr Allmänna arvsfonden och 320 tkr egen finansiering.)

BROMMA – "Budgetcoacher i försörjningsstödet". Tre handläggare
utbildas till budgetcoacher.
(Sökt 200 tkr; föreslås 200 tkr; total kostnad 200 tkr.)

SKARPNÄCK, medsökande FARSTA – "Unga vuxna i egen bostad". Ett
boendestöd för unga som lämnar familjehem. Förvaltningen föreslår
att ansökan avslås.
(Sökt 400 tkr; föreslås 0 tkr.)
"""
    )
    got = {p.name: (p.amount_sek, p.fund_type, p.status) for p in facts_of(tmp_path, text).projects}
    assert got["Stöd till syskon i familjer med missbruk"] == (280_000, "LUM", "beviljad")
    assert got["Budgetcoacher i försörjningsstödet"] == (200_000, "LUM", "beviljad")
    assert got["Unga vuxna i egen bostad"][:2] == (400_000, "LUM")


def test_a_ruled_table_with_a_fund_and_a_motivation_column(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=514, year=2014, title="Beslut om lokala utvecklingsmedel 2015") + (
        """Socialnämndens beslut

Tabell 1. Sökta och beviljade medel 2015, kronor

Ansökan                    Fond   Sökt 2015  Beviljat  Socialnämndens
                                                 2015  motivering
-------------------------  ----  ----------  --------  ------------------------
Samtalsgrupper för unga    LUM      280 000   280 000  Beviljas. Tydlig plan
som vårdar en förälder                                 för uppföljning.

Ekonomisk rådgivning i     LUM      240 000   150 000  Beviljas delvis.
hemtjänsten                                            Utbildningen bör bäras
                                                       av förvaltningen.

Studiebesök i Bergen -     MUST      20 000    20 000  Beviljas.
familjeråd i barnavården
"""
    )
    got = {p.name: (p.amount_sek, p.fund_type) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Samtalsgrupper för unga som vårdar en förälder": (280_000, "LUM"),
        "Ekonomisk rådgivning i hemtjänsten": (150_000, "LUM"),
        "Studiebesök i Bergen - familjeråd i barnavården": (20_000, "MUST"),
    }


def test_units_proposals_in_a_table_headed_forslag(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=251, year=2009, title="Ansökan om lokala utvecklingsmedel 2010") + (
        """Enheternas förslag

Förvaltningen bad enheterna om förslag. Tre förslag kom in.

Förslag                       Enhet            Sökt 2010  Förvaltningens
                                                          bedömning
----------------------------  ---------------  ---------  --------------
Familjesamtal på BVC          Barn och           210 000  Sök
                              ungdom
Motivationsgrupp för unga     Vuxenenheten       180 000  Sök
vuxna med missbruk
Uppsökande arbete bland       Äldreenheten       120 000  Sök ej
äldre med alkoholproblem
----------------------------  ---------------  ---------  --------------
Summa att söka                                   390 000
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Familjesamtal på BVC": 210_000,
        "Motivationsgrupp för unga vuxna med missbruk": 180_000,
        "Uppsökande arbete bland äldre med alkoholproblem": 120_000,
    }


def test_run_in_names_whose_next_sentence_states_the_grant(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=112, year=2008, title="Redovisning av lokala utvecklingsmedel 2007"
    ) + (
        """Redovisning per projekt

Föräldraskola för nyanlända familjer med barn i förskolan. Beviljat
210 000 kr, förbrukat 198 000 kr. Fyra grupper med sammanlagt 36 föräldrar har genomförts.
Projektet avslutades i december 2007.

Uppsökande arbete bland äldre med missbruk i hemtjänsten. Beviljat
170 000 kr, förbrukat 170 000 kr. Hemtjänsten och socialtjänsten har arbetat i
gemensamma team. Projektet fortsätter under 2008.
"""
    )
    got = {p.name: (p.amount_sek, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got["Föräldraskola för nyanlända familjer med barn i förskolan"] == (
        210_000,
        dt.date(2007, 12, 1),
    )
    assert got["Uppsökande arbete bland äldre med missbruk i hemtjänsten"][0] == 170_000


def test_an_addition_under_a_rows_sum_goes_on_in_that_row(tmp_path: Path) -> None:
    text = HEAD.format(year=2019, title="Förlängning av FoU-studier") + (
        """
Tabell 1. Studier med förlängd tid

Studie                           Utförare           Tidigare    Nytt         Beställt
                                                    slut        slut         2018, kr
Ensamhet bland äldre i           Exempel            2019-06-30  2019-12-31    450 000
hemtjänsten - en enkätstudie     högskola
Digitalt stöd i försörjnings-    Prov Analys AB     Q2 2019     Q1 2020       380 000
stödet - en utvärdering                                                     + 90 000
                                                                           (tillägg)
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Ensamhet bland äldre i hemtjänsten - en enkätstudie": 450_000,
        "Digitalt stöd i försörjningsstödet - en utvärdering": 380_000,
    }


def test_an_economy_box_belongs_to_the_numbered_project_above_it(tmp_path: Path) -> None:
    text = SDF_HEAD.format(
        no=41, year=2005, title="Redovisning av lokala utvecklingsmedel 2004"
    ) + (
        """1. Samtalsgrupper för tonårsföräldrar

Syfte. Projektet skulle ge föräldrar till ungdomar stöd i grupp.

Resultat. Projektet avslutades i december 2004.

     Ekonomi                                kr
     Beviljat 2004                     220 000
     Förbrukat                         214 000
     Återbetalas                         6 000

2. Skuldrådgivning för unga vuxna

Syfte. Unga vuxna med skulder får rådgivning.

     Ekonomi                                kr
     Beviljat 2004                     160 000
     Förbrukat                         160 000
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Samtalsgrupper för tonårsföräldrar": 220_000,
        "Skuldrådgivning för unga vuxna": 160_000,
    }


def test_names_over_a_line_of_their_fund_year_sum_and_state(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=77, year=2016, title="Lägesrapport om LUM och MUST 2016") + (
        """Projekt och studiebesök

Stödgrupper för unga anhöriga
LUM 2015, 320 000 kronor. Avslutat.
Projektet har erbjudit unga anhöriga samtal i grupp. Projektet
avslutades i maj 2016 enligt plan.

Budgetrådgivning på biblioteket
LUM 2016, 210 000 kronor. Pågår.
Rådgivningen ges två eftermiddagar i veckan.

Studiebesök i Aarhus
MUST 2016, 18 000 kronor. Genomfört.
Tre socialsekreterare besökte kommunens ungdomsenhet i april 2016.
"""
    )
    got = {p.name: (p.amount_sek, p.fund_type, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Stödgrupper för unga anhöriga": (320_000, "LUM", "genomförd"),
        "Budgetrådgivning på biblioteket": (210_000, "LUM", "pågående"),
        "Studiebesök i Aarhus": (18_000, "MUST", "genomförd"),
    }


def test_a_new_end_field_and_a_stop_dated_in_the_status(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=305, year=2018, title="Lägesrapport om lokala utvecklingsmedel") + (
        """Projekt 1

Projektnamn:        Läxstöd i samverkan med biblioteket
Beviljat belopp:    260 000 kr
Projektperiod:      2017-08-15 - 2018-06-30
Ny slutpunkt:       2018-12-31 (förlängning medgiven av social-
                    förvaltningen 2018-05-02)
Status:             Pågår, förlängt

Projekt 2

Projektnamn:        Uppsökande arbete bland unga vuxna
Beviljat belopp:    300 000 kr
Projektperiod:      2017-09-01 - 2018-08-31
Ny slutpunkt:       -
Status:             Avbrutet 2018-03-16
"""
    )
    ends = {p.name: p.end_date for p in facts_of(tmp_path, text).projects}
    assert ends == {
        "Läxstöd i samverkan med biblioteket": dt.date(2018, 12, 31),
        "Uppsökande arbete bland unga vuxna": dt.date(2018, 3, 16),
    }


def test_a_short_name_in_a_table_and_the_full_name_of_its_section(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=19, year=2021, title="Slutredovisning av lokala utvecklingsmedel") + (
        """Tabell 1. Läget i augusti 2021

Projekt                          Status
Trygga kvällar - fältarbete      Avslutat
med föreningslivet               2021-06-30
Samordnare för nyanlända -       Avslutat
stöd till familjer               2021-03-31

Tabell 2. Ekonomi

Projekt                     Fond   Beviljat    Förbrukat   Återbetalt
Trygga kvällar              LUM     410 000     402 000        8 000
Samordnare för nyanlända    LUM     350 000     350 000            0
Summa                               760 000     752 000        8 000

Trygga kvällar - fältarbete med föreningslivet
Projektet avslutades den 30 juni 2021 enligt plan.

Samordnare för nyanlända - stöd till familjer
Projektet avslutades den 31 mars 2021.
"""
    )
    got = {p.name: (p.amount_sek, p.end_date) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Trygga kvällar - fältarbete med föreningslivet": (410_000, dt.date(2021, 6, 30)),
        "Samordnare för nyanlända - stöd till familjer": (350_000, dt.date(2021, 3, 31)),
    }


def test_a_count_of_projects_is_no_projects_name(tmp_path: Path) -> None:
    text = SDF_HEAD.format(no=33, year=2013, title="Beviljade lokala utvecklingsmedel 2013") + (
        """Ärendet

Socialnämnden beslutade den 19 februari 2013 om fördelning av
lokala utvecklingsmedel och medel för studiebesök för 2013.
Farsta stadsdelsförvaltning beviljades 520 000 kr för två projekt
och 36 000 kr för två studiebesök.

Stödsamtal för unga pappor                           300 000 kr
Budgetrådgivning i grupp                             220 000 kr
Summa                                                520 000 kr
"""
    )
    names = {p.name for p in facts_of(tmp_path, text).projects}
    assert not any(n.lower().startswith("två ") for n in names)


def test_an_applicant_field_naming_a_body_of_its_own_is_who_does_the_work(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2001, title="Folkhälsoanslag 2001 – fördelning") + (
        """
Bilaga. Ansökningarna

Projekt:            Läxhjälp i Fittja
Sökande:            Huddinge kommun, socialförvaltningen
Beviljat:           240 000 kr

Projekt:            Samtalsgrupper för unga män
Sökande:            Föreningen Unga Röster
Beviljat:           150 000 kr

Projekt:            Trygga äldre i Bromma
Sökande:            Bromma stadsdelsförvaltning
Beviljat:           200 000 kr
"""
    )
    who = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert who == {
        "Läxhjälp i Fittja": "Huddinge kommun",
        "Samtalsgrupper för unga män": "Föreningen Unga Röster",
        "Trygga äldre i Bromma": None,
    }


def test_a_deviation_column_with_plus_signs_is_no_addition(tmp_path: Path) -> None:
    text = HEAD.format(year=2012, title="Uppföljning av externt finansierade projekt") + (
        """
Belopp i tkr.

Projekt                   Finansiär               Beviljat   Avvikelse
                                                      2012     prognos

Läxhjälp i biblioteket    Statens kulturråd            300           –
Arbetsträning för unga    Europeiska                 1 400        +120
                          socialfonden
Nattfotboll i Husby       Allmänna arvsfonden          800         +35
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp i biblioteket": 300_000,
        "Arbetsträning för unga": 1_400_000,
        "Nattfotboll i Husby": 800_000,
    }
