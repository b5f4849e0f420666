"""Nineteenth session: layouts of the corpus and of blind rounds g447–g470 and n347–n362, on
short texts written for the test: a ruled table whose rules OCR read as letters ("I" and "l"
for "|", "l----l" rules) with sums whose zeros are "O"."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of

from pipeline.understand.repair_digits import fix_number_letters
from pipeline.understand.tabs import read_rules


def test_a_ruled_table_whose_bars_ocr_read_as_letters_is_read_as_a_table(tmp_path: Path) -> None:
    text = """SOCIALTJANSTFORVALTNINGEN                     TJANSTEUTLATANDE
                                              Dnr 2O4-O112/2OO4
                                              2OO4-O2-l7

Fordelning av utvecklingsmedel for ar 2OO4

Tabell. Ansokningar och forslag, kr

l--------------l------------------------------l----------l
I Stadsdel     I Projekt                      I F6rslag  I
l--------------l------------------------------l----------l
I Vantor       I Stod till unga pappor i for- I 12O OOO  I
I              I skolan                       I          I
l--------------l------------------------------l----------l
I Farsta       I Samtalsgrupper for aldre     I  9O OOO  I
l--------------l------------------------------l----------l
I Summa        I                              I 2lO OOO  I
l--------------------------------------------------------l
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects)
    assert got == [(90000, ["farsta"]), (120000, ["vantor"])]


def test_only_the_columns_of_the_rules_crossings_become_bars() -> None:
    text = "\n".join(
        [
            "l--------l----------l",
            "I Summa  I l 2lO OOO I",
            "l--------------------l",
        ]
    )
    row = read_rules(text).split("\n")[1]
    assert row.startswith("| Summa  |") and "l 2lO OOO" in row  # the sum's "l" is no bar
    assert fix_number_letters(row).endswith("1 210 000 |")


def test_a_line_of_dashes_with_no_bars_under_it_is_left_alone() -> None:
    text = "Inledning\n----------------\nText som löper vidare I stycket\n----------------\n"
    assert read_rules(text) == text


def test_a_sum_in_letters_takes_its_digits_back_before_a_column_gap_or_kr() -> None:
    assert fix_number_letters("avsatt l OOO OOO kr for") == "avsatt 1 000 000 kr for"
    assert fix_number_letters("Rinkeby   28O OOO   25O OOO") == "Rinkeby   280 000   250 000"


def test_a_table_without_header_of_owner_name_and_sum_gives_its_rows(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-118/2016
                                                           2016-09-13

Medel för utveckling och lärande (MUL) 2017

Förvaltningen föreslår att följande studieresor beviljas medel.

Bromma                  Bergen – barnahus och samråd med                 22 000 kr
                        polisen
Skärholmen              Malmö – uppsökande arbete bland unga             17 500 kr
Socialförvaltningen,    Helsingfors – bostad först för unga              19 000 kr
Enheten för hemlösa

De föreslagna studieresorna omfattar totalt 58 500 kronor.
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects)
    assert got[0] == ("Bergen – barnahus och samråd med polisen", 22000, ["bromma"])
    assert got[1][:2] == ("Helsingfors – bostad först för unga", 19000)
    assert "socialforvaltningen" in got[1][2]
    assert got[2] == ("Malmö – uppsökande arbete bland unga", 17500, ["skarholmen"])


def test_a_cost_breakdown_without_districts_is_no_headless_table(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                                Tjänsteutlåtande
                                                           Dnr 1.2-77/2015
                                                           2015-03-10

Ansökan om lokala utvecklingsmedel 2015

Kostnader för projektet:

Personal                Lön för samordnare halvtid              210 000 kr
Material                Tryck av informationsblad                 15 000 kr
"""
    f = facts_of(tmp_path, text)
    assert not [p for p in f.projects if p.name.startswith(("Lön", "Tryck"))]


def test_a_name_hyphenated_in_its_column_keeps_the_words_of_its_next_line(
    tmp_path: Path,
) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-41/2018
                                                           2018-10-02

Lokala utvecklingsmedel (LUM) 2019

Förvaltning                 Projekt                                   Tkr

Bromma                      Stöd till föräldrar med                   320
                            intellektuella funktions-
                            nedsättningar i förskolan
Farsta                      Samtal med unga om skulder                250

Summa                                                                 570
"""
    f = facts_of(tmp_path, text)
    names = sorted(p.name for p in f.projects)
    assert names[1] == "Stöd till föräldrar med intellektuella funktionsnedsättningar i förskolan"


def test_a_district_is_named_as_it_was_when_the_document_was_written(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-602/2019
                                                           2019-10-22

Lokala utvecklingsmedel (LUM) 2020

Förvaltning                 Projekt                                   Tkr

Älvsjö                      Äldre som vårdar en närstående            300
Farsta                      Samtal med unga om skulder                250

Summa                                                                 550
"""
    f = facts_of(tmp_path, text)
    assert sorted(d.district_id for p in f.projects for d in p.districts) == ["alvsjo", "farsta"]


def test_a_legend_of_abbreviations_gives_a_tables_owners_their_districts(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-510/2021
                                                           2021-10-05

Lokala utvecklingsmedel 2022

Tabell 1. Förslag (tkr)

Nr  Sökande    Projekt                                     Förslag
1   BR (HV)    Tidiga samtal med blivande föräldrar            300
2   SKH        Stöd till unga i skuld                          250
    Summa                                                      550

Förkortningar i tabell 1: BR = Bromma, HV = Hässelby-Vällingby,
SKH = Skärholmen.
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.amount_sek, sorted(d.district_id for d in p.districts)) for p in f.projects)
    assert got == [(250000, ["skarholmen"]), (300000, ["bromma", "hasselby-vallingby"])]


def test_criteria_numbered_in_brackets_inside_one_sentence(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-510/2021
                                                           2021-10-05

Lokala utvecklingsmedel 2022

Bedömning

Rådet har bedömt ansökningarna utifrån i vilken grad projektet
(1) når barn som sällan får stöd, (2) görs tillsammans med
skolan och (3) har en plan för uppföljning.
"""
    f = facts_of(tmp_path, text)
    assert [c.text for c in f.criteria] == [
        "når barn som sällan får stöd",
        "görs tillsammans med skolan",
        "har en plan för uppföljning",
    ]


REVIEW = """Stockholms stad
Revisionskontoret                                   Revisionsrapport nr 4/2017
                                                    Dnr 3.1.2-0051/2017
                                                    2017-05-16



Farsta stadsdelsnämnd

Granskning av handläggningen av
ekonomiskt bistånd till unga vuxna



Rapporten har godkänts av revisorsgrupp 5 och överlämnas till Farsta
stadsdelsnämnd. Revisorerna önskar nämndens yttrande senast den 1 september 2017.

Kontaktperson: Karin Holmgren, revisor
Telefon: 08-508 29 000

\f
Revisionsrapport nr 4/2017                                      Sida 2 (2)

1 Inledning

Följande revisionsfrågor har besvarats:

• Finns rutiner för när ett ärende ska överlämnas?
• Dokumenteras bedömningen av varje ansökan?

Tabell 1. Beviljade bidrag 2016 per bidragsform

Åldersgrupp                  Antal hushåll      Belopp, kr
18–20 år                                42         1 310 000
21–24 år                                77         2 905 000
"""


def test_a_reviews_questions_are_no_projects_and_its_caption_year_no_sum(tmp_path: Path) -> None:
    f = facts_of(tmp_path, REVIEW)
    assert not [p for p in f.projects if p.name.endswith("?")]
    assert 2016 not in {a.sek for a in f.amounts}


def test_a_subject_that_wraps_once_under_its_addressee_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(REVIEW, encoding="utf-8")
    assert (
        understood(path).meta.title
        == "Granskning av handläggningen av ekonomiskt bistånd till unga vuxna"
    )


def test_money_set_aside_for_a_named_project_with_an_age_group_in_its_name(
    tmp_path: Path,
) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.1-77/2022
                                                           2022-03-02

Fördelning av statsbidrag 2022

Av statsbidraget avsätts 900 000 kr för projektet Trygg vardag 75+,
som genomförs gemensamt av Bromma och Kungsholmens
stadsdelsförvaltningar.
"""
    f = facts_of(tmp_path, text)
    got = [(p.name, p.amount_sek, sorted(d.district_id for d in p.districts)) for p in f.projects]
    assert got == [("Trygg vardag 75+", 900000, ["bromma", "kungsholmen"])]


def test_run_in_study_paragraphs_give_name_districts_and_performer_to_a_numbered_cost_table(
    tmp_path: Path,
) -> None:
    text = """STADSLEDNINGSKONTORET                                  Tjänsteutlåtande
Socialpolitiska avdelningen                            Dnr 329-0455/2006
                                                       2006-04-11
Handläggare                                            Till
Lars Ek                                                Kommunstyrelsen
Telefon 08-508 29 100

Beställning av FoU-studier 2006

Föreslagna studier

Studie 1. Vägen ut ur långvarigt bistånd. Studien följer hushåll
med försörjningsstöd i mer än tre år. Studien genomförs i Farsta
stadsdelsförvaltning. Utförare: Utrednings- och statistikkontoret
(USK). Kostnad: 350 tkr. Klar: mars 2007.

Studie 2. Unga vuxna i hemlöshet. Studien kartlägger hur unga
hemlösa får stöd. Utförare: Institutionen för socialt arbete,
Stockholms universitet. Kostnad: 400 tkr. Klar: juni 2007.

Kostnader (tkr)

Studie                               2006       2007      Totalt
1  Vägen ut                           200        150         350
2  Unga vuxna                         250        150         400
Summa                                 450        300         750
"""
    f = facts_of(tmp_path, text)
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Vägen ut ur långvarigt bistånd", "Unga vuxna i hemlöshet"}
    first = got["Vägen ut ur långvarigt bistånd"]
    assert [d.district_id for d in first.districts] == ["farsta"]
    assert (first.performer or "").startswith("Utrednings- och statistikkontoret")


def test_criteria_after_an_intro_whose_last_sentence_ends_in_a_modal_verb(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-210/2014
                                                           2014-05-06

Lokala utvecklingsmedel 2014, andra omgången

Ärendet

Ansökningarna har bedömts utifrån samma kriterier som
gällde i den första omgången. Projekt som beviljas medel ska

•  nå barn och unga i familjer med missbruk,
•  bygga på samverkan med skolan,
•  ha en plan för hur resultaten följs upp.
"""
    f = facts_of(tmp_path, text)
    assert [c.text for c in f.criteria] == [
        "nå barn och unga i familjer med missbruk",
        "bygga på samverkan med skolan",
        "ha en plan för hur resultaten följs upp",
    ]


def test_a_modal_verb_at_a_line_end_inside_a_sentence_opens_no_list(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-118/2022
                                                           2022-03-01

Fördelning av utvecklingsmedel 2022

Ärendet
Ansökningarna har bedömts utifrån behov, spridning och hur insatsen ska
fortsätta efter bidragsperioden.

Tabell 1. Förslag till fördelning 2022

Stadsdelsförvaltning      Insats                                  Belopp, kr
Farsta                    Föräldragrupper på somaliska                 450 000
Bromma                    Mobilt team för unga                         380 000
"""
    f = facts_of(tmp_path, text)
    assert not f.criteria


def test_applications_named_in_a_sentence_each_with_its_district_in_brackets(
    tmp_path: Path,
) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-0610/2018
                                                           2018-11-13

Lokala utvecklingsmedel 2019

Ansökningar som föreslås avslås
Sju ansökningar föreslås avslås. Bland dem finns Samtalsstöd för
syskon (Bromma), Nattcafé för unga vuxna (Skärholmen) och Läsombud i
hemtjänsten (Östermalm), som bedöms ligga nära ordinarie verksamhet.
"""
    f = facts_of(tmp_path, text)
    got = [(p.name, [d.district_id for d in p.districts], p.status) for p in f.projects]
    assert got == [
        ("Samtalsstöd för syskon", ["bromma"], "ansökt"),
        ("Nattcafé för unga vuxna", ["skarholmen"], "ansökt"),
        ("Läsombud i hemtjänsten", ["ostermalm"], "ansökt"),
    ]


def test_a_bracket_after_a_single_name_or_of_no_district_makes_no_series(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-0610/2018
                                                           2018-11-13

Lokala utvecklingsmedel 2019

Projektet följs av Ersta Sköndal Bräcke högskola (ESBH) och av
Stockholms universitet (SU), som båda har lämnat planer för uppföljning.
"""
    f = facts_of(tmp_path, text)
    assert not f.projects


def test_an_item_owned_by_a_forvaltning_and_its_unit_before_a_colon(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-0410/2023
                                                           2023-09-12

Lokala utvecklingsmedel 2024

Förvaltningen föreslår att följande projekt beviljas medel:

•  Farsta stadsdelsförvaltning: Samtalsgrupper för unga pappor (300 000 kr)
•  Socialförvaltningen, Enheten för hemlösa: Bostad först för unga
   (350 000 kr)
"""
    f = facts_of(tmp_path, text)
    got = sorted((p.name, [d.district_id for d in p.districts]) for p in f.projects)
    assert got == [
        # the unit is known to the gazetteer: it owns the project beside its förvaltning
        ("Bostad först för unga", ["socialforvaltningen", "enheten-for-hemlosa"]),
        ("Samtalsgrupper för unga pappor", ["farsta"]),
    ]


def test_grants_under_district_headings_with_names_wrapped_after_their_sums(
    tmp_path: Path,
) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 504-0711/2011
                                                           2011-11-08

Lokala utvecklingsmedel 2012

Bilaga 1. Förslag till beviljade projekt

Bromma stadsdelsförvaltning
    Stödsamtal för unga vuxna med skulder, år 2 av 3            310 000 kr
    Läxhjälp i samverkan med skolan och                         200 000 kr
    fritidsgården

Socialförvaltningen, Enheten för hemlösa
    Boendestöd efter vräkning                                   240 000 kr

Farsta stadsdelsförvaltning

Bilaga 1 (forts.)

    Tidiga insatser för barn i förskolan                        180 000 kr
"""
    f = facts_of(tmp_path, text)
    got = [(p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects]
    assert got == [
        ("Stödsamtal för unga vuxna med skulder", ["bromma"], 310000),
        ("Läxhjälp i samverkan med skolan och fritidsgården", ["bromma"], 200000),
        ("Boendestöd efter vräkning", ["socialforvaltningen", "enheten-for-hemlosa"], 240000),
        ("Tidiga insatser för barn i förskolan", ["farsta"], 180000),
    ]


def test_a_table_flattened_one_cell_per_line_with_four_years_and_a_total(
    tmp_path: Path,
) -> None:
    text = """Farsta stadsdelsförvaltning                                Tjänsteutlåtande
                                                           Dnr 1.5.1-201/2018
                                                           2018-04-17

Ansökan om medel från Europeiska socialfonden

Tabell 1. Finansiering per år (tkr)
Finansiär
2018
2019
2020
2021
Totalt
Europeiska socialfonden
600
1 800
1 800
1 200
5 400
Stadsdelsnämnden
300
900
900
600
2 700
"""
    f = facts_of(tmp_path, text)
    sums = sorted(a.sek for a in f.amounts)
    assert sums.count(600000) == 2 and 300000 in sums and 5400000 in sums and 2700000 in sums


def test_a_numbered_items_places_go_on_after_och_at_a_line_end(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-0140/2016
                                                           2016-03-15

Årsrapport för lokala utvecklingsmedel 2015

Följande lokala utvecklingsprojekt har genomförts under 2015 och
slutredovisats till förvaltningen.

1. Tidiga samtal med unga i skolan, Rinkeby-Kista och
   Spånga-Tensta stadsdelsförvaltningar
2. Läxhjälp på fritidsgården, Bromma
   stadsdelsförvaltning
"""
    f = facts_of(tmp_path, text)
    got = [(p.name, sorted(d.district_id for d in p.districts)) for p in f.projects]
    assert got == [
        ("Tidiga samtal med unga i skolan", ["rinkeby-kista", "spanga-tensta"]),
        ("Läxhjälp på fritidsgården", ["bromma"]),
    ]


def test_a_study_carried_out_in_four_named_districts(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2-0140/2016
                                                           2016-03-15

Årsrapport för FoU-verksamheten 2015

Stadsövergripande studier (FUM)

Under 2015 har följande studier slutförts.

Unga vuxna som lämnar familjehem

Studien har följt unga som lämnat familjehem. Den har genomförts av
Institutionen för socialt arbete vid Stockholms universitet i tre
stadsdelsförvaltningar: Bromma, Kungsholmen och Skärholmen. Studien
kostade 420 000 kronor.

Äldre med missbruk i hemtjänsten

Studien har kartlagt hur hemtjänsten möter äldre med missbruk. Den har
genomförts av Ersta Sköndal högskola och kostade 380 000 kronor.
"""
    f = facts_of(tmp_path, text)
    study = next(p for p in f.projects if p.name == "Unga vuxna som lämnar familjehem")
    assert sorted(d.district_id for d in study.districts) == ["bromma", "kungsholmen", "skarholmen"]


def test_a_reports_example_section_and_a_lists_rows_are_no_studies(tmp_path: Path) -> None:
    text = """Socialförvaltningen                                        Tjänsteutlåtande
                                                           Dnr 3.2.1-060/2018
                                                           2018-02-20

Årsrapport för lokala utvecklingsmedel 2017

Följande projekt beviljades lokala utvecklingsmedel för 2017 och har
under året genomförts och slutrapporterats.

Bromma                      Läxhjälp i samverkan med
                            fritidsgården
Farsta                      Samtal med unga om skulder

Exempel på resultat

I Farsta har projektet Samtal med unga om skulder nått 120 unga.
"""
    f = facts_of(tmp_path, text)
    assert sorted(p.name for p in f.projects) == [
        "Läxhjälp i samverkan med fritidsgården",
        "Samtal med unga om skulder",
    ]


def test_a_table_already_ruled_with_bars_keeps_a_sums_leading_one() -> None:
    text = "\n".join(
        [
            "------------------------------------------",
            "| Summa                 | 940 000 | 1 610 000 |",
            "------------------------------------------",
        ]
    )
    assert read_rules(text) == text
    lone = "----------------------------\nSumma      1 610 000\n----------------------------"
    assert read_rules(lone) == lone  # one row under rules without crossings: no columns
