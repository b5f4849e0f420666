"""Twenty-fourth session: layouts of the blind round g567–g574 (opened for rules once a new
sealed genre round was written), each on a short text written for the test (none of the
round's names or sums):

* grants grouped under each applicant's heading, each item marked with its fund in a column
  of its own ("LUM", "MUST"), names that wrap under their sum, descriptions under the items,
  a co-applicant in brackets under the heading, and an application turned down printed as
  "Name – avslag." with the sum it applied for in the prose under it;
* city-wide studies granted in running prose only, each named by the kind of study it is
  ("… används till en registerstudie om …", "En kunskapsöversikt om … föreslås få …"), and a
  reservation's study that should have been paid for;
* two project sheets side by side on an attachment page, under a numbered list of the
  attachments, one with a co-applicant field and a value that breaks off after a comma;
* a new project named in apposition ("för ett nytt projekt, Name, med 280 000 kronor");
* a trip table whose "Sökande enhet" column names the nämnd's own units;
* a damaged-OCR table row set a few characters left of its columns, its district run into
  its name.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

from pipeline.records import Facts

HEAD = """Socialförvaltningen                              Tjänsteutlåtande
Avdelningen för stadsövergripande                Dnr 3.1-0101/{year}
sociala frågor                                   Sida 1 (3)
                                                 {year}-10-02
Handläggare: Eva Exempel                         Till
Telefon: 08-508 00 000                           Socialnämnden

{title}

Förvaltningens förslag till beslut
1. Socialnämnden beviljar medel enligt förvaltningens förslag.
"""


def _projects(f: Facts) -> list[tuple[str, tuple[str, ...], int | None]]:
    return sorted(
        (p.name, tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    )


def test_grants_under_applicant_headings_marked_with_their_fund_and_one_turned_down(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2016, title="Lokala utvecklingsmedel och MUST 2017 – fördelning")
        + """
Förslag per sökande förvaltning

Farsta stadsdelsförvaltning

LUM    Samordnad introduktion för nyanlända                  310 000 kr
       ensamkommande
       Socialtjänst och skola prövar gemensamma
       introduktionssamtal under höstterminen.

MUST   Tammerfors – mobila mottagningar för unga             21 000 kr

Bromma stadsdelsförvaltning
(medsökande Kungsholmens stadsdelsförvaltning)

LUM    Gruppstöd för föräldrar till tonåringar               260 000 kr

LUM    Läxhjälp på fritidsgården – avslag.
       Ansökan om 180 000 kronor avser ordinarie
       verksamhet och faller utanför medlens syfte.

Skarpnäcks stadsdelsförvaltning

MUST   Århus – uppsökande arbete i bostadsområden            18 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Gruppstöd för föräldrar till tonåringar", ("bromma", "kungsholmen"), 260000),
        ("Läxhjälp på fritidsgården", ("bromma", "kungsholmen"), 180000),
        ("Samordnad introduktion för nyanlända ensamkommande", ("farsta",), 310000),
        ("Tammerfors – mobila mottagningar för unga", ("farsta",), 21000),
        ("Århus – uppsökande arbete i bostadsområden", ("skarpnack",), 18000),
    ]
    by_name = {p.name: p for p in f.projects}
    assert by_name["Tammerfors – mobila mottagningar för unga"].fund_type == "MUST"
    assert by_name["Gruppstöd för föräldrar till tonåringar"].fund_type == "LUM"
    assert by_name["Samordnad introduktion för nyanlända ensamkommande"].year == 2017
    assert by_name["Läxhjälp på fritidsgården"].status != "beviljad"
    # the sum turned down was applied for: no project's money
    assert [(a.sek, a.kind) for a in f.amounts if a.sek == 180000] == [(180000, "other")]


def test_studies_granted_in_prose_each_named_by_the_kind_of_study(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2023, title="Stadsövergripande FoU-projekt (FUM) 2024")
        + """
Föreslagna studier
Förvaltningen föreslår att 800 000 kronor används till en intervjustudie
om ungas väg till självförsörjning, som genomförs av Exempelhögskolan och
ska redovisas senast den 30 november 2024.

Vidare föreslås att 650 000 kronor används till en utvärdering av
mottagningsteamen i Farsta, Skarpnäck och Bromma. Utvärderingen genomförs
av Institutet för exempelstudier.

En kartläggning av stödet till anhöriga inom socialpsykiatrin föreslås få
300 000 kronor.

Reservation
Ledamoten anser att minst 400 000 kronor borde ha avsatts till en studie
om äldres ensamhet.
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Intervjustudie om ungas väg till självförsörjning", (), 800000),
        ("Kartläggning av stödet till anhöriga inom socialpsykiatrin", (), 300000),
        (
            "Utvärdering av mottagningsteamen i Farsta, Skarpnäck och Bromma",
            ("bromma", "farsta", "skarpnack"),
            650000,
        ),
    ]
    by_name = {p.name: p for p in f.projects}
    assert by_name["Intervjustudie om ungas väg till självförsörjning"].performer == (
        "Exempelhögskolan"
    )
    assert all(p.fund_type == "FUM" and p.status == "beviljad" for p in f.projects)


SHEETS = """
Bilaga
1. Projektblad, lokala utvecklingsprojekt 2014
\f
Bilaga 1                                             Dnr 1.5.1-0101/2015
Projektblad – lokala utvecklingsprojekt 2014

Samtalsgrupper för pappor                    Digitalt stöd i hemtjänsten
Avdelning: Individ- och familjeomsorg        Avdelning: Äldreomsorg,
Beviljat: 210 000 kr (LUM 2014)              enheten för hemtjänst
Projekttid: mars 2014 – dec 2014             Beviljat: 340 000 kr (LUM 2014)
Projektledare: Eva Exempel                   Projekttid: feb 2014 – jan 2015
                                             Medsökande: Farsta
Syfte                                        stadsdelsförvaltning
Att pröva samtalsgrupper för pappor som      Projektledare: Per Exempel
har kontakt med socialtjänsten och vill
stärka sitt föräldraskap.                    Syfte
                                             Att pröva surfplattor för
Resultat                                     kontakt mellan brukare och
Tolv pappor deltog i två grupper under       anhöriga i hemtjänsten.
hösten.
                                             Resultat
Kostnad totalt: 260 000 kr                   Fyrtio brukare deltog.

                                             Kostnad totalt: 390 000 kr
"""


def test_two_project_sheets_side_by_side_under_a_list_of_attachments(tmp_path: Path) -> None:
    text = (
        """Skarpnäcks stadsdelsförvaltning                     Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg          Dnr 1.5.1-0101/2015
                                                    2015-02-10
Handläggare                                         Till
Eva Exempel                                         Skarpnäcks stadsdelsnämnd

Redovisning av lokala utvecklingsprojekt 2014

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner redovisningen.

Ärendet
Förvaltningen beviljades 550 000 kronor i lokala utvecklingsmedel för två
projekt som båda har avslutats. Projekten beskrivs i bilaga 1.
"""
        + SHEETS
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Digitalt stöd i hemtjänsten", ("farsta", "skarpnack"), 340000),
        ("Samtalsgrupper för pappor", ("skarpnack",), 210000),
    ]


def test_a_new_project_named_in_apposition(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Redovisning av lokala utvecklingsmedel 2012")
        + """
Ny ansökan
Farsta stadsdelsförvaltning har i januari 2013 ansökt om lokala
utvecklingsmedel för ett nytt projekt, Kvällsöppet stöd för unga vuxna,
med 240 000 kronor. Socialnämnden beslutar om ansökan i april.
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [("Kvällsöppet stöd för unga vuxna", ("farsta",), 240000)]
    assert f.projects[0].status == "ansökt"


def test_a_trip_table_whose_applicants_are_units_of_the_nämnd(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                        Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg         Dnr 1.2.4-0101/2019
                                                   2019-09-12
Handläggare                                        Till
Eva Exempel                                        Farsta stadsdelsnämnd

Ansökan om medel för studiebesök (MUL) 2020

Förvaltningens förslag till beslut
1. Stadsdelsnämnden ansöker hos socialnämnden om medel för studiebesök.

Sökta studiebesök

Resmål och syfte                        Sökande enhet        Antal      Sökt
                                                             resenärer  belopp
Malmö – samordnade insatser             Barnenheten          3          12 000
för barn i skyddat boende
Köpenhamn – uppsökande arbete           Vuxenenheten         4          19 000
bland hemlösa
Summa                                                                   31 000
"""
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert [(n.split(" – ")[0], d, s) for n, d, s in got] == [
        ("Köpenhamn", ("farsta",), 19000),
        ("Malmö", ("farsta",), 12000),
    ]
    assert all(p.performer is None for p in f.projects)


def test_a_damaged_row_set_left_of_its_columns(tmp_path: Path) -> None:
    text = """SOCIALTJANSTFORVALTNINGEN                                TJANSTEUTLATANDE
Utvecklingsenheten                                       Dnr 406-0101/2002
                                                         2002-03-05
Till Socialtjanstnamnden

Lokala utvecklingsmedel ar 2002

F6rvaltningens f6rslag till beslut
1. Socialtjanstnamnden beviljar medel enligt f6rvaltningens f6rslag.

Tabell 1. F6rslag till f6rdelning

Stadsdels-      Projekt                                 S6kt      F6reslaget
f6rvaltning                                             belopp    belopp
                                                        kr        kr
Farsta          Samtalsgrupper f6r unga                 150 000   120 000
                pappor
Kista Kartlaggning av hemlosa                   90 000    80 000
                familjer
Bromma          Stod till anh6riga inom                 110 000   100 000
                socialpsykiatrin
Summa                                                   350 000   300 000
"""
    f = facts_of(tmp_path, text)
    got = {(n, d, s) for n, d, s in _projects(f)}
    assert ("Kartläggning av hemlösa familjer", ("kista",), 80000) in got
    assert len(got) == 3


# --- rounds g583–g590 (h129), g599–g606 (h132) and n435–n442 (h131), opened for rules ---


def test_study_visits_granted_one_sentence_each_named_by_what_the_visitors_do(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2004, title="Medel för studiebesök (MUST) – fördelning hösten 2004")
        + """
Förvaltningens förslag
Bromma stadsdelsförvaltning beviljas 19 000 kr för ett besök hos
ungdomsmottagningen i Tammerfors.
Farsta och Skarpnäcks stadsdelsförvaltningar beviljas gemensamt 36 000 kr för
att studera uppsökande arbete bland unga i Köpenhamn.
Kista stadsdelsförvaltning har ansökt om 28 000 kr för att delta i en nordisk
konferens om barnskydd i Bergen. Ansökan avslås, eftersom medlen inte får
användas till konferenser.
"""
    )
    f = facts_of(tmp_path, text)
    # (the trip turned down with its reason is no project: most writers count none)
    assert _projects(f) == [
        ("Besök hos ungdomsmottagningen i Tammerfors", ("bromma",), 19000),
        ("Studera uppsökande arbete bland unga i Köpenhamn", ("farsta", "skarpnack"), 36000),
    ]
    assert all(p.fund_type == "MUST" and p.status == "beviljad" for p in f.projects)
    assert [(a.sek, a.kind) for a in f.amounts if a.sek == 28000] == [(28000, "other")]


def test_an_application_whose_forms_put_labels_and_values_in_two_columns(
    tmp_path: Path,
) -> None:
    text = """Farsta stadsdelsförvaltning                        Tjänsteutlåtande
Avdelningen för individ- och familjeomsorg         Dnr 1.2.4-0101/2018
                                                   2018-08-21
Handläggare                                        Till
Eva Exempel                                        Farsta stadsdelsnämnd

Ansökan om lokala utvecklingsmedel (LUM) och medel för utveckling och
lärande (MUL) för 2019

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner förvaltningens ansökningar.

Projekt 1: Samtalsstöd i hemmet

Syfte          Att erbjuda nyblivna föräldrar samtal i hemmet.
Medsökande     Skarpnäcks stadsdelsförvaltning
Projekttid     2019-01-01 - 2019-12-31
Total kostnad  540 000 kr
Egen insats    190 000 kr (personaltid)
Sökt belopp    350 000 kr

Studieresa (MUL)

Resmål         Odense kommune, Danmark
Syfte          Att lära av kommunens arbete med unga i riskzon.
Deltagare      3 (socialsekreterare)
Kostnad        17 000 kr
Sökt belopp    17 000 kr
"""
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Odense kommune, Danmark", ("farsta",), 17000),
        ("Samtalsstöd i hemmet", ("farsta", "skarpnack"), 350000),
    ]


def test_a_stadsdelsnamnds_application_names_the_project_under_its_fund_label(
    tmp_path: Path,
) -> None:
    text = """Farsta stadsdelsförvaltning                        Tjänsteutlåtande
                                                   Dnr 1.2.6-0101/2021
                                                   2021-08-24
Handläggare                                        Till
Eva Exempel                                        Farsta stadsdelsnämnd

Ansökan om lokala utvecklingsmedel för 2022

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner ansökan.

Projekt 1 – LUM
Mobilt stöd för unga föräldrar
Projektet ska pröva hembesök och sms-stöd för föräldrar under 25 år. Projektet
genomförs tillsammans med Skarpnäcks stadsdelsförvaltning, som är medsökande.
Förvaltningen ansöker om 310 000 kronor för 2022.
"""
    f = facts_of(tmp_path, text)
    assert _projects(f) == [("Mobilt stöd för unga föräldrar", ("farsta", "skarpnack"), 310000)]


def test_a_report_with_projects_and_a_trip_under_their_own_headings(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                        Tjänsteutlåtande
                                                   Dnr 1.2.1-0101/2015
                                                   2015-09-10
Handläggare                                        Till
Eva Exempel                                        Farsta stadsdelsnämnd

Tertialrapport 2 2015

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner tertialrapporten.

Ekonomi
Nämnden prognostiserar ett överskott på 1,2 mnkr.

Bättre start
Bättre start är ett samarbete mellan Farsta och Skarpnäcks
stadsdelsförvaltningar. Projektet finansieras av Europeiska socialfonden.
ESF har beviljat projektet sammanlagt 1,8 mnkr för perioden 2014–2015.

Familjestöd på lördagar
Socialnämnden beviljade lokala utvecklingsmedel om 260 000 kronor för 2015
till förvaltningens projekt Familjestöd på lördagar.

Studiebesök i Göteborg
Med medel för studiebesök (MUST) om 18 000 kronor genomförde fyra
socialsekreterare ett studiebesök hos Göteborgs stad.
"""
    f = facts_of(tmp_path, text)
    got = {n: (d, s) for n, d, s in _projects(f)}
    assert got["Bättre start"] == (("farsta", "skarpnack"), 1800000)
    assert got["Familjestöd på lördagar"][1] == 260000
    assert got["Studiebesök i Göteborg"] == (("farsta",), 18000)


def test_grants_in_prose_after_a_district_and_a_past_tense_verb(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021, title="Årsrapport forskning och utveckling 2020")
        + """
Beviljade lokala utvecklingsmedel 2020
Under 2020 beviljades tre projekt lokala utvecklingsmedel.

Farsta stadsdelsförvaltning beviljades 410 000 kronor för projektet
Trygga kvällar, som prövar uppsökande arbete i centrum.

Bromma stadsdelsförvaltning beviljades 290 000 kronor för projektet
Stöd till anhöriga i hemtjänsten.

Ett exempel på ett projekt som fått medel tidigare är "Läxhjälp i
biblioteket", som Kista stadsdelsförvaltning driver. Projektet beviljades
180 000 kronor för 2019.
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Läxhjälp i biblioteket", ("kista",), 180000),
        ("Stöd till anhöriga i hemtjänsten", ("bromma",), 290000),
        ("Trygga kvällar", ("farsta",), 410000),
    ]


def test_applications_turned_down_named_in_quotes_or_before_their_applicant(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2018, title="Lokala utvecklingsmedel 2019")
        + """
Förvaltningen föreslår att följande ansökningar avslås.

Simskola för vuxna, Norrmalms stadsdelsförvaltning. Ansökan omfattar 150 000
kronor. Verksamheten ligger utanför socialtjänstens ansvar.

Datorkurser för äldre, Bromma stadsdelsförvaltning. Ansökan omfattar 90 000
kronor och avser ordinarie verksamhet.

Två ansökningar avslås också: Kista stadsdelsnämnds ansökan "Kvällsöppet
fritids" (120 000 kr) och Farsta stadsdelsnämnds ansökan "Resor för
personal" (60 000 kr).
"""
    )
    f = facts_of(tmp_path, text)
    assert _projects(f) == [
        ("Datorkurser för äldre", ("bromma",), 90000),
        ("Kvällsöppet fritids", ("kista",), 120000),
        ("Resor för personal", ("farsta",), 60000),
        ("Simskola för vuxna", ("norrmalm",), 150000),
    ]
    assert all(p.status != "beviljad" for p in f.projects)


def test_an_iop_for_a_named_activity_and_one_applied_for_in_prose(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                        Tjänsteutlåtande
                                                   Dnr 1.4-0101/2024
                                                   2024-09-10
Handläggare                                        Till
Eva Exempel                                        Farsta stadsdelsnämnd

Idéburet offentligt partnerskap med Föreningen Exempelgården om verksamheten
Kvällsöppet 2025–2026

Förvaltningens förslag till beslut
1. Stadsdelsnämnden ingår ett idéburet offentligt partnerskap med föreningen.

Ärendet
Idrottsklubben Exempel inkom i april 2024 med en ansökan om IOP för
verksamheten Bollkul – idrott och läxhjälp för barn. Föreningen ansöker om
sammanlagt 900 000 kronor för åren 2025–2026.
"""
    f = facts_of(tmp_path, text)
    names = sorted(p.name for p in f.projects)
    assert names == ["Bollkul – idrott och läxhjälp för barn", "Kvällsöppet"]
    bollkul = next(p for p in f.projects if p.name.startswith("Bollkul"))
    assert (bollkul.amount_sek, bollkul.status) == (900000, "ansökt")


def test_a_table_header_wrapped_under_a_slash_and_a_period(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Årsrapport FUM 2018")
        + """
Tabell 1. Studier 2018

Studie /                     Utförare                    Period            Kostnad
utvärdering                                              (start – slut)    (kr)
Ekonomiskt bistånd och       Exempelhögskolan            mars 2018 –         900 000
arbete                                                   juni 2019
Barn i skyddat boende        Exempel Analys AB           jan 2018 –          450 000
                                                         dec 2018
Totalt                                                                     1 350 000
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted(p.name for p in f.projects) == [
        "Barn i skyddat boende",
        "Ekonomiskt bistånd och arbete",
    ]
