"""Blind rounds g215–g238 and n131–n154, on short texts written for the test: projects under a
bare "Projekt 1" label with their name on the line below, sums of several years added up,
paragraphs around a name in quotation marks with the sums sought and proposed, a summary
table whose rows only name "Projekt 1", a sentence that reads like a table header, rows that
wrap upwards, run-in owners and units over their paragraphs, studies framed by their cost,
one project named in running text, and a follow-up table's money columns."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

SDF_HEAD = """Skarpnäcks stadsdelsförvaltning                    Tjänsteutlåtande
Individ- och familjeomsorgen                       Dnr 503-77/2006
                                                   Sida 1 (3)
                                                   2006-02-14
Handläggare                                        Till
Per Prov                                           Skarpnäcks stadsdelsnämnd

"""

LABELS = """Ansökan om lokala utvecklingsmedel för 2006–2007

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner ansökan om lokala utvecklingsmedel för två projekt.

Bakgrund
Skarpnäcks stadsdelsförvaltning ansöker om medel för två projekt.
Sammanlagt söks 390 000 kronor.


PROJEKT 1
Samtalsstöd för äldre anhörigvårdare

Anhöriga till äldre med demens får samtal i grupp och enskilt under
ett år. Arbetet dokumenteras av enhetens utvecklingsledare.

Kostnad: För 2006 söks 120 000 kronor och för 2007 90 000 kronor,
sammanlagt 210 000 kronor. Förvaltningen bidrar med personal.


PROJEKT 2
Kvällsöppen mottagning för unga vuxna

Mottagningen hålls öppen två kvällar i veckan för unga vuxna med
begynnande missbruk.

Kostnad: För 2006 söks 180 000 kronor.


Sammanställning av sökta medel

                               2006            2007           Totalt
Projekt 1                   120 000          90 000          210 000
Projekt 2                   180 000               –          180 000
Summa                       300 000          90 000          390 000
"""


def test_projects_under_a_bare_label_with_their_name_below_and_their_years_added_up(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SDF_HEAD + LABELS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Samtalsstöd för äldre anhörigvårdare",
        "Kvällsöppen mottagning för unga vuxna",
    }
    assert got["Samtalsstöd för äldre anhörigvårdare"].amount_sek == 210_000
    assert got["Kvällsöppen mottagning för unga vuxna"].amount_sek == 180_000
    assert all(d.district_id == "skarpnack" for p in f.projects for d in p.districts)


FIELDS = """Ansökan om lokala utvecklingsmedel 2003

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner ansökan om lokala utvecklingsmedel för två projekt.

Projekt 1
MENTORER FÖR UNGA SOM LÄMNAR FAMILJEHEM

Syfte: Att ge unga som flyttar från familjehem en vuxen kontakt under ett år.

Projekttid:           maj 2003 - april 2004
Total kostnad:        300 000 kr
Varav egen insats:    100 000 kr
Sökt belopp:          200 000 kr

Projekt 2
LÄXHJÄLP I SAMVERKAN MED BIBLIOTEKET

Syfte: Att ge barn i familjer med ekonomiskt bistånd stöd i skolarbetet.

Projekttid:           augusti 2003 - juni 2004
Total kostnad:        150 000 kr
Sökt belopp:          110 000 kr
"""


def test_a_bare_label_over_a_name_in_capitals_and_field_lines(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SDF_HEAD.replace("2006", "2003") + FIELDS)
    got = {p.name.casefold(): p for p in f.projects}
    assert set(got) == {
        "mentorer för unga som lämnar familjehem",
        "läxhjälp i samverkan med biblioteket",
    }
    assert got["mentorer för unga som lämnar familjehem"].amount_sek == 200_000
    assert got["läxhjälp i samverkan med biblioteket"].amount_sek == 110_000


QUOTED = """Fördelning av förvaltningens utvecklingsmedel 2015

Förslag till beslut
1. Stadsdelsnämnden fördelar 330 000 kronor till tre utvecklingsarbeten.

Bakgrund
Ett arbete kan få högst 150 000 kronor.

Förslag till fördelning

Äldreomsorgen, hemtjänsten
"Digitala inköpslistor för brukare med hemtjänst"
Sökt 120 000 kr. Föreslås 120 000 kr.

Socialpsykiatrin
"Träffpunkt för boende med
psykisk ohälsa"
Sökt 140 000 kr. Föreslås 110 000 kr.

Farsta stadsdelsförvaltning
”Gemensam introduktion för nya socialsekreterare”
Sökt 100 000 kr. Föreslås 100 000 kr.
"""


def test_paragraphs_around_a_quoted_name_with_the_sums_sought_and_proposed(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SDF_HEAD.replace("2006", "2015") + QUOTED)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Digitala inköpslistor för brukare med hemtjänst",
        "Träffpunkt för boende med psykisk ohälsa",
        "Gemensam introduktion för nya socialsekreterare",
    }
    assert got["Träffpunkt för boende med psykisk ohälsa"].amount_sek == 110_000
    assert [
        d.district_id for d in got["Digitala inköpslistor för brukare med hemtjänst"].districts
    ] == ["skarpnack"]
    assert [
        d.district_id for d in got["Gemensam introduktion för nya socialsekreterare"].districts
    ] == ["farsta"]
    # "Sökt 120 000 kr. Föreslås 120 000 kr.": two amounts, the sum sought and the project's
    line = [a for a in f.amounts if a.sek == 120_000]
    assert sorted(a.kind for a in line) == ["other", "project_cost"]


def test_a_sentence_that_names_a_district_money_and_projects_is_no_table_header(
    tmp_path: Path,
) -> None:
    f = facts_of(
        tmp_path,
        SDF_HEAD.replace("Skarpnäcks", "Farsta")
        + """Ansökan om medel 2006

Förslag till beslut
1. Stadsdelsnämnden godkänner ansökan.

Bakgrund
Farsta stadsdelsförvaltning ansöker om medel för två projekt.
Sammanlagt söks 300 000 kronor för 2006 och
90 000 kronor för 2007, totalt 390 000 kronor.
""",
    )
    assert not f.projects


KS_HEAD = """Arbetsmarknadsförvaltningen                        Tjänsteutlåtande
                                                   Dnr 1.4-0190/2018
                                                   Sida 1 (2)
                                                   2018-03-06
Handläggare                                        Till
Lina Prov                                          Arbetsmarknadsnämnden

"""

UPWARDS = """Statsbidrag för tidiga insatser 2018 – fördelning

Förslag till beslut
1. Arbetsmarknadsnämnden beviljar bidrag med sammanlagt 1 160 000 kronor enligt tabell 1.

Förvaltningens förslag
Tabell 1. Föreslagna bidrag 2018
Insats                          Organisation              Kronor
Promenadgrupp på lätt svenska   Friskvårdsföreningen Steg  240 000
Kvällskurs i cykling och
trafikregler                    Cykelfrämjandet Söder      180 000
Föräldraträffar om skola,       Studieförbundet
fritid och barnomsorg           Vidga                      410 000
Sommarjobbsförberedande
samtalsgrupp                    Ungdomsrådet Norr          330 000
Summa                                                    1 160 000
"""


def test_a_table_whose_rows_wrap_upwards_over_the_line_with_the_sum(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + UPWARDS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Promenadgrupp på lätt svenska",
        "Kvällskurs i cykling och trafikregler",
        "Föräldraträffar om skola, fritid och barnomsorg",
        "Sommarjobbsförberedande samtalsgrupp",
    }
    assert got["Föräldraträffar om skola, fritid och barnomsorg"].amount_sek == 410_000
    assert (
        got["Föräldraträffar om skola, fritid och barnomsorg"].performer == "Studieförbundet Vidga"
    )
    assert got["Kvällskurs i cykling och trafikregler"].amount_sek == 180_000


EVENTS = """Bidrag till arrangemang under sommarlovet 2023

Beslut
Med stöd av delegation beviljas bidrag till följande arrangemang med
sammanlagt 61 000 kronor.

Förening                     Arrangemang                    Kronor
Bagarmossens Bollklubb       Fotbollsskola för barn 6–9 år   21 000
Skarpnäcks Musikförening     Konsert i parken vid Skarpnäcks
                             gårdsväg                        28 000
Kärrtorps Läsecirkel         Högläsning på biblioteket       12 000
Summa                                                        61 000
"""


def test_an_associations_events_whose_name_wraps_onto_a_line_like_an_address(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, SDF_HEAD.replace("2006", "2023") + EVENTS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Fotbollsskola för barn 6–9 år",
        "Konsert i parken vid Skarpnäcks gårdsväg",
        "Högläsning på biblioteket",
    }
    assert got["Konsert i parken vid Skarpnäcks gårdsväg"].amount_sek == 28_000
    assert got["Konsert i parken vid Skarpnäcks gårdsväg"].performer == "Skarpnäcks Musikförening"
    # an association's event: no district owns it, the nämnd that grants it is none
    assert all(not p.districts for p in f.projects)


def test_criteria_introduced_by_what_the_priorities_took_into_account(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        SDF_HEAD.replace("2006", "2011")
        + """Medel för studiebesök 2011

Förslag till beslut
1. Stadsdelsnämnden beviljar medel för två studiebesök.

Bedömning
Vid prioriteringen har förvaltningen tagit hänsyn till om
- resan har en tydlig koppling till enhetens utvecklingsarbete
- deltagarna sprider erfarenheterna på en arbetsplatsträff

I år har ansökningar prioriterats som
  -  avser våld i nära relationer
  -  genomförs tillsammans med en annan förvaltning
""",
    )
    texts = [c.text for c in f.criteria]
    assert texts == [
        "resan har en tydlig koppling till enhetens utvecklingsarbete",
        "deltagarna sprider erfarenheterna på en arbetsplatsträff",
        "avser våld i nära relationer",
        "genomförs tillsammans med en annan förvaltning",
    ]


def test_a_study_table_with_a_three_line_header_a_years_part_and_periods_over_two_lines(
    tmp_path: Path,
) -> None:
    f = facts_of(
        tmp_path,
        KS_HEAD.replace("Arbetsmarknadsförvaltningen", "Socialförvaltningen")
        .replace("Arbetsmarknadsnämnden", "Socialnämnden")
        .replace("2018", "2019")
        + """Forsknings- och utvecklingsmedel (FUM) 2019–2020

Förslag till beslut
1. Socialnämnden godkänner de studier som redovisas i bilaga 1.

Bilaga 1. Beställda studier
Studie                      Forskare/utförare          Period        Kostnad    varav
                                                                     totalt,    2019,
                                                                     kr         kr
Hemlöshet bland äldre       Institutionen för          2019-03 –       800 000  300 000
kvinnor                     socialt arbete, Umeå       2020-12
                            universitet (Karin Ek)
Stöd till unga              Ramböll Sverige AB         2019-05 –       450 000  450 000
anhöriga                                               2019-12
                                                                   ---------  -------
Summa                                                              1 250 000  750 000
""",
    )
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Hemlöshet bland äldre kvinnor", "Stöd till unga anhöriga"}
    older = got["Hemlöshet bland äldre kvinnor"]
    assert older.amount_sek == 800_000
    assert older.performer == "Institutionen för socialt arbete, Umeå universitet"
    assert older.end_date is not None and (older.end_date.year, older.end_date.month) == (2020, 12)
    # the year's part is the same project's money of that year
    parts = [a for a in f.amounts if a.sek == 300_000]
    assert [(a.kind, a.year) for a in parts] == [("project_cost", 2019)]


def test_paragraphs_opened_by_their_owner_as_a_run_in_head(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        """PROTOKOLLSUTDRAG
Socialtjänstnämnden                               Sammanträde 2006-03-21
                                                  § 9

Medel för studiebesök (MUST) 2006
Dnr 305-0098/2006

Socialtjänstnämndens beslut
1. Socialtjänstnämnden beviljar medel för studiebesök till tre ansökningar.

Ärendet
Varje resa kan beviljas högst 50 000 kr.

BROMMA SDF. Studiebesök i Århus om familjeråd i barnavården. Sex
deltagare. Sökt belopp 52 000 kr. Resan beviljas 45 000 kr.

SKARPNÄCKS SDF. Resa till Tallinn för att studera uppsökande arbete
bland hemlösa. Fyra deltagare. Sökt belopp 31 000 kr som beviljas.

KUNGSHOLMENS SDF: Studiebesök i Bergen om mottagning av
ensamkommande barn. Sökt belopp 40 000 kr. Förvaltningen föreslår
att resan beviljas 36 000 kr.
""",
    )
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Studiebesök i Århus om familjeråd i barnavården",
        "Resa till Tallinn för att studera uppsökande arbete bland hemlösa",
        "Studiebesök i Bergen om mottagning av ensamkommande barn",
    }
    assert got["Studiebesök i Århus om familjeråd i barnavården"].amount_sek == 45_000
    assert [
        d.district_id for d in got["Studiebesök i Århus om familjeråd i barnavården"].districts
    ] == ["bromma"]
    assert got["Studiebesök i Bergen om mottagning av ensamkommande barn"].amount_sek == 36_000


def test_a_document_about_one_project_named_in_its_decisions_without_quotation_marks(
    tmp_path: Path,
) -> None:
    f = facts_of(
        tmp_path,
        SDF_HEAD.replace("2006", "2022")
        + """Idéburet offentligt partnerskap för kvällsöppen verksamhet

Förslag till beslut
1. Stadsdelsnämnden ingår ett idéburet offentligt partnerskap med Föreningen
   Kvällsbron avseende projektet Öppna kvällar i Högdalen för perioden
   2022-09-01 – 2024-08-31.
2. Nämnden avsätter 410 000 kronor per år för partnerskapet, totalt
   820 000 kronor för perioden.

Bakgrund
Föreningen Kvällsbron har sedan 2019 drivit verksamhet för unga i Högdalen.
Öppna kvällar i Högdalen ska erbjuda läxhjälp och idrott två kvällar i veckan.
""",
    )
    assert [(p.name, p.amount_sek) for p in f.projects] == [("Öppna kvällar i Högdalen", 820_000)]


def test_a_forvaltning_that_paid_for_a_reported_project_is_not_its_owner(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        SDF_HEAD.replace("2006", "2009").replace("Tjänsteutlåtande", "Verksamhetsberättelse")
        + """Verksamhetsberättelse 2008, bilaga 3: externt finansierade projekt

Förvaltningen har under året drivit två projekt med extern
finansiering. Projekten redovisas nedan.

Mötesplats för nyblivna föräldrar
Projektet har under året finansierats med 300 000 kronor i
lokala utvecklingsmedel från socialtjänst- och arbetsmarknads-
förvaltningen. Verksamheten har permanentats från januari 2009.

Läxläsning i Bagarmossen
Projektet har under året finansierats med 120 000 kronor från
Stiftelsen Barnens framtid. Projektet avslutades i december 2008.
""",
    )
    got = {p.name: p for p in f.projects}
    assert [d.district_id for d in got["Mötesplats för nyblivna föräldrar"].districts] == [
        "skarpnack"
    ]


def test_a_budget_follow_up_whose_header_names_only_its_money_columns(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        SDF_HEAD.replace("2006", "2011").replace("Tjänsteutlåtande", "Verksamhetsberättelse")
        + """Verksamhetsberättelse 2010

Ekonomi
Tabell 3 Ekonomi, individ- och familjeomsorg (mnkr)
                                Budget 2010   Utfall 2010   Avvikelse
Barn och ungdom                        38,2          37,9         0,3
Vuxna                                  24,5          25,1        -0,6
Summa                                  62,7          63,0        -0,3
""",
    )
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[38_200_000] == "budget" and kinds[62_700_000] == "budget"
    assert kinds[37_900_000] == "other" and kinds[-600_000] == "other"


def test_studies_a_decision_names_with_the_frame_of_their_cost(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        """Utlåtande 2015:64 RI (Dnr 123-0912/2015)                         Sida 1 (2)
Stadsövergripande forsknings- och utvecklingsmedel
(FUM) inom socialtjänsten år 2015
Borgarrådsberedningen föreslår att kommunstyrelsen beslutar
följande
att  ge socialnämnden i uppdrag att genomföra studien Barn som bor i
     skyddat boende - skolgång och stöd inom en ram om 1,1 mnkr,
att  ge socialnämnden i uppdrag att genomföra studien Hemlöshet bland
     unga vuxna efter placering inom en ram om 650 tkr,
att  resultaten av studierna redovisas för kommunstyrelsen senast i juni 2016.
Föredragande borgarråd Anna Prov anför följande.
Ärendet
Kommunfullmäktige har i budget för 2015 avsatt 3 mnkr för FUM.
""",
    )
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Barn som bor i skyddat boende - skolgång och stöd": 1_100_000,
        "Hemlöshet bland unga vuxna efter placering": 650_000,
    }
    assert {p.fund_type for p in f.projects} == {"FUM"}


def test_paragraphs_under_the_unit_that_applies_name_the_work_in_their_first_sentence(
    tmp_path: Path,
) -> None:
    f = facts_of(
        tmp_path,
        SDF_HEAD.replace("2006", "2016")
        + """Fördelning av förvaltningens utvecklingsmedel 2016

Förslag till beslut
1. Stadsdelsnämnden fördelar 260 000 kronor till tre utvecklingsarbeten.

Förvaltningens förslag

Mottagningsenheten
Sms-påminnelser inför besök. Enheten prövar att påminna klienter
inför bokade besök. Förvaltningen föreslår 60 000 kronor.

Familjeenheten
Föräldrautbildning på distans. Kursen ges digitalt och följs upp
med enkäter. Förvaltningen föreslår 110 000 kronor.

Vuxenenheten
Återfallsprevention i grupp. Förvaltningen föreslår 90 000 kronor.

Uppföljning
Varje enhet redovisar arbetet till avdelningschefen.
""",
    )
    got = {p.name: p for p in f.projects}
    assert {n: p.amount_sek for n, p in got.items()} == {
        "Sms-påminnelser inför besök": 60_000,
        "Föräldrautbildning på distans": 110_000,
        "Återfallsprevention i grupp": 90_000,
    }
    assert all([d.district_id for d in p.districts] == ["skarpnack"] for p in f.projects)


def test_labelled_sub_projects_whose_text_follows_the_label_line_at_once(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        SDF_HEAD.replace("2006", "2004")
        + """Ansökan om FoU-medel för projektet Trygga steg 2004–2005

Förslag till beslut
1. Stadsdelsnämnden godkänner ansökan om FoU-medel för tre delprojekt.

Bakgrund
Projektet "Trygga steg" består av två delprojekt.

Delprojekt A. Tidiga samtal med unga som begått ringa brott
Fältgruppen och ungdomssekreterarna prövar ett gemensamt första
samtal. Delprojektet kostar 300 000 kr, varav 220 000 kr söks från
socialtjänstnämnden.

Delprojekt B. Stödgrupp för syskon till unga i missbruk
Två grupper startas under hösten. För delprojektet söks 120 000 kr.
""",
    )
    got = {p.name: p.amount_sek for p in f.projects}
    assert got["Tidiga samtal med unga som begått ringa brott"] == 220_000
    assert got["Stödgrupp för syskon till unga i missbruk"] == 120_000
