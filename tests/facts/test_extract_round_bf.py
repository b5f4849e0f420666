"""Forty-sixth session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* an audit report's yardsticks and questions are no call's criteria;
* study visits applied for one paragraph each, the paragraph ending in the office's
  proposal ("föreslår att ansökan beviljas (med …)" / "avslås");
* a committee's project named after it ("Farsta stadsdelsnämnds projekt Name …"), last
  year's grant in its sentence and this year's proposal later in the paragraph;
* tables: the words over the money columns on a line of their own over the fuller header;
  a "Totalt" row first, under the header; a "Deltar" column of districts; a column named
  on the header's third line only; rows whose sums stand in the middle of their wrapped
  lines, between rules; "(medsökande X)" in a name cell; "Inv. | Drift | Summa"; a
  partnership's "Partner | Ersättning | Återbetalas"; "Ny slutleverans" beside the end
  decided before;
* areas counted instead of "följande" ("ska inriktas mot tre områden:");
* money agreed between the government and SKR, paid out by Kammarkollegiet, is state money;
* "Svar på fråga 2" is an answer's part, no project.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import find_funds
from pipeline.facts.text_units import section_heading

DISTRICT_HEAD = """Bromma stadsdelsförvaltning                      Tjänsteutlåtande
Avdelningen för individ och familj               Dnr 1.5-301/{year}
                                                 Sida 1 (2)
                                                 {year}-09-14
Handläggare: Per Exempel                         Till
Telefon: 08-508 00 000                           Bromma stadsdelsnämnd

{title}

Förslag till beslut
1. Stadsdelsnämnden godkänner förvaltningens förslag.
"""


def _names(f: object) -> dict[str, tuple[int | None, str | None]]:
    return {p.name: (p.amount_sek, p.status) for p in f.projects}  # type: ignore[attr-defined]


def test_an_audit_reports_yardsticks_are_no_criteria(tmp_path: Path) -> None:
    text = """REVISIONSKONTORET                                   RAPPORT NR 4/2012
Stockholms stad                                     Dnr 3.4-0111/2012
                                                    Sida 1 (3)
                                                    2012-05-10

Till Skarpnäcks stadsdelsnämnd

Granskning av nämndens bidrag till föreningar

Revisionskontoret har granskat hur nämnden följer upp sina bidrag.

Revisionskriterier

Granskningen har utgått från följande bedömningsgrunder:

   •  kommunallagens bestämmelser om intern kontroll,
   •  nämndens riktlinjer för bidrag till föreningar,
   •  stadens regler för ekonomisk förvaltning.
"""
    assert facts_of(tmp_path, text).criteria == ()


TRIPS = """
Förvaltningens bedömning

Bromma stadsdelsförvaltning ansöker om 26 000 kronor för ett studiebesök i
Århus om mobila team för unga. Tre socialsekreterare ska besöka kommunens
team under två dagar. Förvaltningen föreslår att ansökan beviljas.

Farsta och Skarpnäcks stadsdelsförvaltningar har lämnat en gemensam ansökan
om 48 000 kronor för ett studiebesök i Tammerfors om boendestöd. Förvaltningen
föreslår att ansökan beviljas med 30 000 kronor.

Norrmalms stadsdelsförvaltning söker 41 000 kronor för en resa till Chicago
om våldsprevention. Förvaltningen föreslår att ansökan avslås, eftersom
konferensavgifter inte kan ersättas.

Vantörs stadsdelsförvaltning har ansökt om 18 000 kronor för tre deltagare.
Förvaltningen föreslår att ansökan beviljas.
"""


def test_study_visits_applied_for_one_paragraph_each(tmp_path: Path) -> None:
    title = "Medel för studiebesök (MUST) 2014"
    f = facts_of(tmp_path, HEAD.format(year=2014, title=title) + TRIPS)
    assert _names(f) == {
        "Studiebesök i Århus om mobila team för unga": (26_000, "beviljad"),
        "Studiebesök i Tammerfors om boendestöd": (30_000, "beviljad"),
    }
    owners = {p.name: {d.district_id for d in p.districts} for p in f.projects}
    assert owners["Studiebesök i Tammerfors om boendestöd"] == {"farsta", "skarpnack"}


CONTINUED = """
Ärendet

Farsta stadsdelsnämnds projekt Stöd till unga föräldrar beviljades 240 000 kronor
för 2003. Projektet avslutas i juni 2004. Förvaltningen föreslår därför att
projektet får 120 000 kronor för året.

Skarpnäcks stadsdelsnämnds projekt Nätverksmöten i skolan har byggt upp ett
samarbete med skolorna och föreslås få en ökning med 40 000 kronor till
290 000 kronor.

Det nya projektet, Språkcaféer för äldre, är en ansökan från Bromma
stadsdelsnämnd. Projektet föreslås få 150 000 kronor.
"""


def test_this_years_sum_is_the_one_the_paragraph_proposes(tmp_path: Path) -> None:
    title = "Fortsatt finansiering av lokala utvecklingsprojekt 2004"
    f = facts_of(tmp_path, HEAD.format(year=2004, title=title) + CONTINUED)
    assert _names(f) == {
        "Stöd till unga föräldrar": (120_000, "beviljad"),
        "Nätverksmöten i skolan": (290_000, "beviljad"),
        "Språkcaféer för äldre": (150_000, "beviljad"),
    }


TOPS = """
Tabell 1. Ansökningar och förslag 2024

                                                                        Sökt,   Förslag,
Förvaltning         Projekt                          Medel  Typ            kr         kr
----------------------------------------------------------------------------------------
Farsta              Läxhjälp i samverkan med         LUM    Ny        300 000    280 000
                    biblioteket
                    Aarhus – mobila team             MUL    –          22 000     22 000
Bromma              Digitala samtal med unga         LUM    Ny        410 000    400 000
----------------------------------------------------------------------------------------
Summa                                                                 732 000    702 000
"""


def test_words_over_the_money_columns_stand_over_the_fuller_header(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD.format(year=2023, title="Fördelning av FoU-medel 2024") + TOPS)
    got = {p.name: (p.amount_sek, tuple(d.district_id for d in p.districts)) for p in f.projects}
    assert got == {
        "Läxhjälp i samverkan med biblioteket": (280_000, ("farsta",)),
        "Aarhus – mobila team": (22_000, ("farsta",)),
        "Digitala samtal med unga": (400_000, ("bromma",)),
    }


TOTAL_FIRST = """
Studier år 2001

                                                                  Kostnad
Nr   Studie                        Deltar              Utförare          tkr
------------------------------------------------------------------------------
     Totalt beställt år 2001                                             930
------------------------------------------------------------------------------

1    Äldre med missbruk i          Farsta              Mälarstrands      510
     hemtjänsten                   Vantör              högskola

2    Unga vuxna som lämnar         Bromma              Analysgruppen     420
     familjehem                    Kungsholmen         Norrtull AB
"""


def test_a_total_printed_first_and_the_districts_taking_part(tmp_path: Path) -> None:
    title = "Stadsövergripande studier år 2001"
    f = facts_of(tmp_path, HEAD.format(year=2001, title=title) + TOTAL_FIRST)
    got = {p.name: (p.amount_sek, {d.district_id for d in p.districts}) for p in f.projects}
    assert got == {
        "Äldre med missbruk i hemtjänsten": (510_000, {"farsta", "vantor"}),
        "Unga vuxna som lämnar familjehem": (420_000, {"bromma", "kungsholmen"}),
    }


def test_areas_counted_instead_of_following_are_focus_areas(tmp_path: Path) -> None:
    text = HEAD.format(year=2007, title="Stadsövergripande FoU-medel 2008") + (
        "\nKommunstyrelsen beslöt i december att medlen år 2008 ska inriktas mot tre områden:\n\n"
        "   –  barn i familjer med ekonomiskt bistånd,\n"
        "   –  äldre med psykisk ohälsa,\n"
        "   –  unga i hemlöshet.\n\n"
        "Förslagen har tagits fram tillsammans med stadsdelsförvaltningarna.\n"
    )
    got = [(c.text, c.kind) for c in facts_of(tmp_path, text).criteria]
    assert got == [
        ("barn i familjer med ekonomiskt bistånd", "focus_area"),
        ("äldre med psykisk ohälsa", "focus_area"),
        ("unga i hemlöshet", "focus_area"),
    ]


THIRD_LINE = """
Tabell 1. Ansökningar om lokala utvecklingsmedel 2007

     Sökande                                                Sökt     Förvalt-   Bedöm-
     stadsdels-                                          belopp,      ningens   ning
 Nr  förvaltning           Projekt                            kr  förslag, kr
--------------------------------------------------------------------------------------
  1  Farsta                Stödgrupper för syskon        300 000      250 000   Delvis
                                                                                bifall
  2  Hässelby-             Samordnade                    200 000      200 000   Bifall
     Vällingby             barnavårdsutredningar
"""


def test_a_column_named_on_the_headers_third_line_only(tmp_path: Path) -> None:
    title = "Lokala utvecklingsmedel 2007"
    f = facts_of(tmp_path, HEAD.format(year=2006, title=title) + THIRD_LINE)
    got = {p.name: (p.amount_sek, tuple(d.district_id for d in p.districts)) for p in f.projects}
    assert got == {
        "Stödgrupper för syskon": (250_000, ("farsta",)),
        "Samordnade barnavårdsutredningar": (200_000, ("hasselby-vallingby",)),
    }


CENTRED = """
Tabell 1. Projekt som förvaltningen söker lokala utvecklingsmedel för

                                                          Total     Sökt LUM,
Prio  Projekt                       Ansvarig enhet    kostnad, kr          kr
------------------------------------------------------------------------------
      Samtalsgrupper för pappor     Familje-
1     med utländsk bakgrund         enheten              500 000      300 000
      i öppenvården
------------------------------------------------------------------------------
2     Unga vuxna i arbete           Försörjnings-        400 000      250 000
                                    stödsenheten
------------------------------------------------------------------------------
"""


def test_rows_between_rules_whose_sums_stand_in_their_middle(tmp_path: Path) -> None:
    title = "Ansökan om lokala utvecklingsmedel 2016"
    f = facts_of(tmp_path, DISTRICT_HEAD.format(year=2015, title=title) + CENTRED)
    assert {p.name: p.amount_sek for p in f.projects} == {
        "Samtalsgrupper för pappor med utländsk bakgrund i öppenvården": 300_000,
        "Unga vuxna i arbete": 250_000,
    }


CO_APPLICANT = """
Tabell 1. Ansökningar 2020

Enhet            Projekt                          Sökt, kr
Vuxenenheten     Bostad först för unga             450 000
                 (medsökande Farsta
                 stadsdelsförvaltning)
Enheten för      Digitalt stöd i ekonomiskt        200 000
försörjning      bistånd
"""


def test_a_co_applicant_in_brackets_in_a_name_cell(tmp_path: Path) -> None:
    title = "Ansökan om lokala utvecklingsmedel 2020"
    f = facts_of(tmp_path, DISTRICT_HEAD.format(year=2019, title=title) + CO_APPLICANT)
    got = {p.name: {d.district_id for d in p.districts} for p in f.projects}
    assert got == {
        "Bostad först för unga": {"bromma", "farsta"},
        "Digitalt stöd i ekonomiskt bistånd": {"bromma"},
    }


PARTS = """
Tabell 1. Pilotprojekt som föreslås få utvecklingsmedel 2020, tkr

Nr  Projekt                 Stadsdelsområde    Inv.   Drift   Summa

1   Lånecykelpool för       Bromma              600     200     800
    förskolor
2   Trygga skolvägar        Farsta              350     150     500

    Summa                                       950     350   1 300
"""


def test_investment_and_running_costs_beside_their_sum(tmp_path: Path) -> None:
    title = "Utvecklingsmedel för hållbart resande 2020"
    f = facts_of(tmp_path, HEAD.format(year=2020, title=title) + PARTS)
    assert {p.name: p.amount_sek for p in f.projects} == {
        "Lånecykelpool för förskolor": 800_000,
        "Trygga skolvägar": 500_000,
    }


PARTNERS = """
Tabell 1. Partnerskap, ersättning och återbetalning 2022

Nr  Verksamhet               Partner                Period      Ersättning   Återbetalas
                                                                  2022, kr            kr

1   Nattcafé för unga        Föreningen             2021–2024    1 200 000             –
                             Gatljuset
2   Stöd till anhöriga       Stiftelsen Vägvisaren  2020–2022      800 000        60 000

    Summa                                                        2 000 000        60 000
"""


def test_a_partnerships_payments_and_the_partner_carrying_them_out(tmp_path: Path) -> None:
    title = "Uppföljning av idéburet offentligt partnerskap 2022"
    f = facts_of(tmp_path, HEAD.format(year=2023, title=title) + PARTNERS)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Nattcafé för unga": (1_200_000, "Föreningen Gatljuset"),
        "Stöd till anhöriga": (800_000, "Stiftelsen Vägvisaren"),
    }


DELIVERY = """
Tabell 1. Förlängda uppdrag

Uppdrag                 Utförare               Beslutat  Utökning,       Nytt  Slutlev.  Ny slut-
                                                belopp,         kr    belopp,  enligt    leverans
                                                     kr                    kr  beslut
Utvärdering av          Norrviks högskola       500 000    100 000    600 000  maj 2021  nov 2021
familjestöd online
"""


def test_the_new_delivery_date_is_the_end(tmp_path: Path) -> None:
    title = "Förlängning av stadsövergripande studier"
    f = facts_of(tmp_path, HEAD.format(year=2021, title=title) + DELIVERY)
    got = [(p.name, p.amount_sek, p.end_date) for p in f.projects]
    assert got == [("Utvärdering av familjestöd online", 600_000, dt.date(2021, 11, 1))]


def test_money_the_government_and_skr_agree_on_is_state_money() -> None:
    text = (
        "Regeringen och Sveriges Kommuner och Regioner (SKR) har kommit överens om stöd. "
        "Medlen rekvireras från Kammarkollegiet."
    )
    assert {f for _s, _e, f in find_funds(text)} == {"statsbidrag"}


def test_an_answers_parts_are_no_projects() -> None:
    assert section_heading("Svar på fråga 2")
    assert section_heading("Frågorna")
    assert not section_heading("Stöd till unga föräldrar")


def test_study_visit_money_named_by_its_years_name(tmp_path: Path) -> None:
    # a 1999 document naming neither MUST nor MUL: the study-visit money of its time
    text = HEAD.format(year=1999, title="Fördelning av medel för studieresor hösten 1999") + (
        "\nFarsta stadsdelsnämnd beviljas 23 000 kr för att besöka familjecentraler i Malmö.\n"
    )
    assert {a.fund_type for a in facts_of(tmp_path, text).amounts} == {"MUST"}


SHEET = """
Tabell 1. Doktorandprojekt

Projekt                            Anställd vid               Period
Barnets röst i                     Farsta                     2017–2021
utredningar                        stadsdelsförvaltning
Ekonomiskt bistånd och             Bromma                     2017–2021
arbete                             stadsdelsförvaltning

Ärendet redovisas för nämnden i mars.
\f
Bilaga 1. Kostnadsberäkning (kr)

Doktorandprojekt                    2017        2018      Totalt
Barnets röst i
utredningar (Farsta sdf)         300 000     300 000     600 000
Ekonomiskt bistånd och
arbete (Bromma sdf)              250 000     250 000     500 000
Summa                            550 000     550 000   1 100 000
"""


def test_a_spreadsheets_rows_aligned_at_the_bottom(tmp_path: Path) -> None:
    # the sums on each row's last line, its name wrapped over it; the rows repeat the
    # body's table of the same projects, which has no sums
    title = "Kommundoktorander inom socialtjänsten 2017–2021"
    f = facts_of(tmp_path, HEAD.format(year=2017, title=title) + SHEET)
    got = {p.name: (p.amount_sek, {d.district_id for d in p.districts}) for p in f.projects}
    assert got == {
        "Barnets röst i utredningar": (600_000, {"farsta"}),
        "Ekonomiskt bistånd och arbete": (500_000, {"bromma"}),
    }


OPENING = """
Ärendet

Läxhjälp på fritidsgården startade i mars 2023 och leds av enhetschef Anna Exempel.
Projektet har nått ett sextiotal elever. Projektet beviljades 250 000 kronor för 2023.
För 2024 söker förvaltningen 200 000 kronor.

Trygga hem för äldre är en gemensam ansökan från Bromma och Skarpnäcks
stadsdelsförvaltningar. Projektet ska pröva hembesök av brandvärnet. Förvaltningen
söker 300 000 kronor.

Förvaltningen har under året arbetat med att följa upp projektet. Kostnaden var
120 000 kronor.
"""


def test_a_project_named_as_its_paragraphs_opening_subject(tmp_path: Path) -> None:
    title = "Ansökan om lokala utvecklingsmedel 2024"
    f = facts_of(tmp_path, DISTRICT_HEAD.format(year=2023, title=title) + OPENING)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Läxhjälp på fritidsgården": (200_000, "ansökt"),
        "Trygga hem för äldre": (300_000, "ansökt"),
    }


def test_a_negation_after_a_name_ends_it() -> None:
    from pipeline.facts.prose_names import project_name_after

    got = project_name_after("Läxhjälp i Bagarmossen inte kan genomföras under 2014.")
    assert got is not None and got[0] == "Läxhjälp i Bagarmossen"


def test_a_ledgers_entry_is_no_projects_name() -> None:
    from pipeline.facts.drafts import names_a_project

    assert not names_a_project("2011-04-12 IF 200311")
    assert names_a_project("Familjestöd 2011")
