"""Fiftieth session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* a follow-up table whose status column holds traffic-light colours, read by the legend
  above it, and a comment heading "… (gul)" that names a study with its colour;
* a "Medel" column whose cells are a fund over its year ("LUM" ⏎ "2019"), a status cell
  "Inställd", and a paragraph heading "Name (LUM 2019)";
* a report's paragraphs "Farsta stadsdelsförvaltning: Name (220 000 kronor)." (the owner
  first, the sum in brackets), one owner wrapped over its own line ending in a colon, and a
  project that "avbröts";
* a "Förvaltning / projekt" table with "Summa förvaltningen (tak …)" under each group,
  footnote marks after sums ("250 000 1)") and the footnotes under the table;
* numbered study visits: the applicant and its unit on the item's line (wrapped "…
  tillsammans med Bromma" ⏎ "stadsdelsförvaltning, …"), the trip under it, "Sökt:" and
  "Förslag: 3 deltagare à 6 000 kr = 18 000 kr", and a row of the applications turned down.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD


def test_traffic_light_statuses_read_by_their_legend(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2011, title="Lägesrapport för stadsövergripande studier")
        + """
Färgerna i tabellen betyder:

   Blå     studien är avslutad och rapporten är klar
   Grön    studien följer tidplanen
   Gul     studien är försenad men ryms i beställningen

Tabell 1. Studier, läget i september 2011

Studie                   Utförare                Kostnad, tkr   Klart     Status

Skuldrådgivning för      Analysgruppen Norra     410            2011-05   Blå
unga vuxna               AB
Kontaktfamiljer i        Institutet för          520            2012-06   Grön
förorten                 familjestudier
Boende för äldre         Högskolan i             390            2012-03   Gul
missbrukare              Västerdal

Summa                                            1 320

Kommentar till studier med gul markering

Boende för äldre missbrukare (gul)
Studien är försenad eftersom intervjuerna tog längre tid än planerat.
"""
    )
    got = {p.name: p.status for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Skuldrådgivning för unga vuxna": "genomförd",
        "Kontaktfamiljer i förorten": "pågående",
        "Boende för äldre missbrukare": "pågående",
    }


def test_a_fund_column_over_its_year_and_a_cancelled_trip(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021, title="Redovisning av utvecklingsprojekt och studieresor")
        + """
Tabell 1. Läget den 31 december 2020

Projekt/resa                 Medel    Beviljat,   Förbrukat,   Status
                                            kr           kr

Samtal med barn i            LUM           310 000      310 000  Avslutat
ekonomiskt bistånd           2019                                maj 2020
Mobilt team för unga         LUM           270 000      150 000  Pågår till
vuxna                        2020                                juni 2021
Lissabon - hemlöshet         MUL            28 000            0  Inställd
bland unga                   2020

Summa                                      608 000      460 000

Samtal med barn i ekonomiskt bistånd (LUM 2019)
Projektet avslutades i maj 2020 och hela beloppet har förbrukats.
"""
    )
    got = {(p.name, p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        ("Samtal med barn i ekonomiskt bistånd", 310000, "genomförd"),
        ("Mobilt team för unga vuxna", 270000, "pågående"),
        ("Lissabon - hemlöshet bland unga", 28000, "beviljad"),
    }


def test_report_paragraphs_that_open_with_the_owner_and_a_colon(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2005, title="Redovisning av lokala utvecklingsprojekt 2004")
        + """
Sammanfattning

Nämnden beviljade 2004 fyra projekt lokala utvecklingsmedel. Tre har avslutats.

Avslutade projekt

Farsta stadsdelsförvaltning: Läxläsning med föräldrar (180 000 kronor).
Projektet har genomförts på två skolor och avslutades i december 2004.

Kungsholmens stadsdelsförvaltning, med Norrmalm som medsökande:
Gemensam mottagning för unga vuxna (240 000
kronor). Mottagningen har tagit emot 85 personer.

Vantörs stadsdelsförvaltning: Samtalsgrupper för pappor (150 000 kronor).
Sex grupper har hållits och en manual har skrivits.

Avbrutna projekt

Bromma stadsdelsförvaltning: Nätverksmöten i barnavården (200 000 kronor).
Projektet avbröts i juni 2004 sedan projektledaren slutat.
"""
    )
    got = {
        p.name: (p.amount_sek, p.status, sorted(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Läxläsning med föräldrar": (180000, "genomförd", ["farsta"]),
        "Gemensam mottagning för unga vuxna": (240000, "genomförd", ["kungsholmen", "norrmalm"]),
        "Samtalsgrupper för pappor": (150000, "genomförd", ["vantor"]),
        "Nätverksmöten i barnavården": (200000, "beviljad", ["bromma"]),
    }


def test_owner_groups_with_their_sums_and_footnotes_under_the_table(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Lokala utvecklingsmedel 2013")
        + """
Tabell 1. Ansökningar som föreslås beviljas, per förvaltning

Förvaltning / projekt                                     Sökt     Förslag
                                                          kronor   kronor

Bromma stadsdelsförvaltning
  Läsombud i förskolan                                    200 000   150 000
  Stöd till unga föräldrar                                350 000   250 000 1)
  Summa förvaltningen (tak 400 000)                       550 000   400 000

Farsta stadsdelsförvaltning
  Samverkan kring skolfrånvaro                            300 000   300 000

Älvsjö stadsdelsförvaltning
  Digital mottagning                                      180 000    90 000 2)

Summa fyra projekt                                      1 030 000   790 000
Totalt                                                  1 030 000   790 000

1) Bedömt belopp 300 000 kronor. Förslaget har minskats så att förvaltningens
   medel ryms inom taket.
2) Bedömt belopp 120 000 kronor, minskat av samma skäl.
"""
    )
    got = {p.name: (p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läsombud i förskolan": (150000, "beviljad"),
        "Stöd till unga föräldrar": (250000, "beviljad"),
        "Samverkan kring skolfrånvaro": (300000, "beviljad"),
        "Digital mottagning": (90000, "beviljad"),
    }


def test_numbered_trips_with_applicant_lines_and_proposed_sums(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Studiebesök inom MUST, våren 2006")
        + """
Bilaga 1

Förvaltningens förslag till fördelning av MUST-medel, våren 2006

1.  Farsta stadsdelsförvaltning, barn- och ungdomsenheten
    Bergen – familjeråd i barnavården
    Sökt:    4 deltagare à 6 000 kr = 24 000 kr
    Förslag: 3 deltagare à 6 000 kr = 18 000 kr

2.  Skarpnäcks stadsdelsförvaltning tillsammans med Bromma
    stadsdelsförvaltning, vuxenenheten
    Tammerfors – boende för hemlösa kvinnor
    Sökt:    5 deltagare à 7 000 kr = 35 000 kr
    Förslag: 4 deltagare à 7 000 kr = 28 000 kr

3.  Vantörs stadsdelsförvaltning, fältgruppen
    Aarhus – uppsökande arbete bland unga
    Sökt:    3 deltagare à 6 500 kr = 19 500 kr
    Förslag: 3 deltagare à 6 500 kr = 19 500 kr

                                         Sökt          Förslag
Summa tre resor                       78 500 kr      65 500 kr
Två avstyrkta ansökningar             41 000 kr           0 kr
"""
    )
    got = {
        p.name: (p.amount_sek, sorted(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Bergen – familjeråd i barnavården": (18000, ["farsta"]),
        "Tammerfors – boende för hemlösa kvinnor": (28000, ["bromma", "skarpnack"]),
        "Aarhus – uppsökande arbete bland unga": (19500, ["vantor"]),
    }


def test_a_decision_column_in_words_beside_the_proposed_sums(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Lokala utvecklingsmedel 2024 – andra omgången")
        + """
Tabell 1. Ansökningar och förvaltningens förslag

Nr  Sökande               Projekt                      Sökt, kr   Förslag, kr  Förslag
                                                                                till beslut

1   Farsta                Läxhjälp i samverkan med     320 000    300 000      Bifall
                          biblioteket
2   Bromma                Digital mottagning för       260 000          –      Avslag
                          unga vuxna
3   Skärholmen            Pappagrupper på arabiska     240 000    200 000      Bifall med
                                                                               villkor
4   Kungsholmen           Nattjour för unga            410 000          –      Vilande

    Summa                                            1 230 000    500 000
"""
    )
    got = {p.name: (p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läxhjälp i samverkan med biblioteket": (300000, "beviljad"),
        "Digital mottagning för unga vuxna": (260000, "ansökt"),
        "Pappagrupper på arabiska": (200000, "beviljad"),
        "Nattjour för unga": (410000, "ansökt"),
    }


def test_an_outcome_column_in_words_and_activity_tables_that_are_no_projects(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2025, title="Slutredovisning av lokala utvecklingsprojekt")
        + """
Tabell 1. Projekt beviljade 2023–2024, tkr

År    Ursprunglig     Projekt                     Beviljat  Åter-   Utfall
      sökande                                               betalt

2023  Bromma          Föräldracafé i Traneberg         300       -  Genomfört,
                                                                    fortsätter
2024  Farsta          Stöd till unga i eget            450     200  Avbrutet
                      boende

      Summa                                            750     200

Föräldracafé i Traneberg

Aktivitet enligt ansökan                    Genomfört   Kommentar
Träffar varje vecka                         Ja          38 träffar
Föreläsningar för föräldrar                 Delvis      Två av fyra
"""
    )
    got = {p.name: (p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Föräldracafé i Traneberg": (300000, "genomförd"),
        "Stöd till unga i eget boende": (450000, "beviljad"),
    }


def test_a_reviewers_question_is_no_project_and_an_association_after_the_name(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2005, title="Svar på revisionens frågor om utvecklingsmedel")
        + """
FRÅGA 1

   "Vilka projekt har fått mer än 40 000 kronor under 2004 och hur
   har de följts upp?"

Svar

Följande projekt har fått lokala utvecklingsmedel:

- Läxhjälp på Fittjagården, Föreningen Unga i Fittja: 120 000 kr.
  Genomfört. Redovisning godkänd i februari 2005.
- Trygghetsvandringar i Vårberg, Skärholmens trygghetsråd: 90 000 kr.
  Genomfört. Redovisning godkänd.
"""
    )
    got = {(p.name, p.performer) for p in facts_of(tmp_path, text).projects}
    assert got == {
        ("Läxhjälp på Fittjagården", "Föreningen Unga i Fittja"),
        ("Trygghetsvandringar i Vårberg", "Skärholmens trygghetsråd"),
    }


def test_a_district_field_among_an_items_fields(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2025, title="Bidrag till idrottsprojekt 2025")
        + """
Bilaga 1  Förslag till bidrag till idrottsprojekt 2025

1.  Kvällsfotboll i Hjulsta
    Sökande: IK Hjulsta Stjärna
    Stadsdelsområde: Järva
    Förslag: 250 000 kronor

2.  Simskola i Högdalen
    Sökande: Simsällskapet Söder
    Stadsdelsområde: Enskede-Årsta-Vantör
    Förslag: 140 000 kronor
"""
    )
    got = {
        p.name: tuple(d.district_id for d in p.districts) for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Kvällsfotboll i Hjulsta": ("jarva",),
        "Simskola i Högdalen": ("enskede-arsta-vantor",),
    }


def test_late_projects_still_run_and_an_owner_in_brackets_after_a_heading(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2017, title="Uppföljning av lokala utvecklingsprojekt 2016")
        + """
Tabell 1. Läget i december 2016

Nr  Stadsdel            Projekt                          Belopp   Status

1   Bromma              Familjestöd på förskolan         300 000  Klart
2   Södermalm           Stöd till unga i eget            250 000  Försenat
                        boende

Stöd till unga i eget boende (Södermalm)
Projektet är försenat eftersom rekryteringen av projektledare drog ut på tiden.
"""
    )
    got = {
        p.name: (p.status, tuple(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Familjestöd på förskolan": ("genomförd", ("bromma",)),
        "Stöd till unga i eget boende": ("pågående", ("sodermalm",)),
    }
