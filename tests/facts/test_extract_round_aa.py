"""Project layouts of blind rounds g137–g158 and n83–n90, each on a short text written for the
test: lettered and roman-numbered study blocks with fields run on in one line, a sub-numbered
heading over a description and a two-column form (``Utförare   …``) with per-year costs and a
``Totalt``, a flattened table with a sought column before the proposed one, a table
flattened column by column, trips as blocks of applicant, destination and a line of sums,
bullets whose sum is set in under them, grants as applicant and activity line pairs, a
follow-up table of projects, and a study table with one line per year and a Summa line of
its own."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_w import KS_HEAD, SN_HEAD

LETTERED = """Stadsövergripande FoU-studier 2017

Förslag till beslut
1. Kommunstyrelsen beställer de studier som anges nedan.

Av årets budget för FUM föreslås följande studier.

  Studie A. Nattvandring och trygghet i tre
            stadsdelar
            Uppdragstagare: Provhögskolan, inst. för
            kriminologi. Deltagande stadsdelar: Bromma och
            Farsta.
            Kostnad: 640 000 kr. Slutrapport: oktober 2018.

  Studie B. Ensamkommande unga vuxna
            Uppdragstagare: Exempeluniversitetet.
            Kostnad: 510 000 kr. Slutrapport: mars 2019.
"""


def test_lettered_study_blocks_with_fields_run_on_in_a_line(tmp_path: Path) -> None:
    f = facts_of(tmp_path, KS_HEAD + LETTERED)
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Nattvandring och trygghet i tre stadsdelar", "Ensamkommande unga vuxna"}
    first = got["Nattvandring och trygghet i tre stadsdelar"]
    assert first.performer == "Provhögskolan, inst. för kriminologi"
    assert {d.district_id for d in first.districts} == {"bromma", "farsta"}
    assert (first.amount_sek, str(first.end_date)) == (640_000, "2018-10-01")
    assert got["Ensamkommande unga vuxna"].amount_sek == 510_000


ROMAN = """Lägesrapport om stadsövergripande studier 2005

Förslag till beslut
1. Socialtjänstnämnden godkänner lägesrapporten.

I. Missbruk bland äldre i hemtjänsten
Utförare: Provinstitutet
Kostnad: 300 000 kr
Klar: pågår, slutrapport maj 2006

II. Barn som anhöriga i psykiatrin
Utförare: Exempelhögskolan
Kostnad: 250 000 kr
Klar: december 2005
"""


def test_roman_numbered_studies_over_field_lines(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + ROMAN)
    got = {p.name: p for p in f.projects}
    older = got["Missbruk bland äldre i hemtjänsten"]
    assert (older.amount_sek, older.performer, older.status) == (
        300_000,
        "Provinstitutet",
        "pågående",
    )
    assert got["Barn som anhöriga i psykiatrin"].performer == "Exempelhögskolan"


SUB_NUMBERED = """Stadsövergripande FoU-studier 2024–2025

Förslag till beslut
1. Socialnämnden beställer två studier enligt förvaltningens förslag.

3.1 Boendestöd för unga vuxna med
    neuropsykiatriska diagnoser

Studien genomförs i samarbete med Skärholmens och Farsta
stadsdelsförvaltningar.

   Utförare          Provuniversitetet, Institutionen
                     för socialt arbete
   Tidsplan          mars 2024 – juni 2025
   Kostnad 2024      300 000 kr
   Kostnad 2025      200 000 kr
   Totalt            500 000 kr

3.2 Ekonomiskt bistånd och hälsa

   Utförare          Exempelhögskolan
   Tidsplan          april 2024 – december 2025
   Kostnad 2024      150 000 kr
   Kostnad 2025      250 000 kr
   Totalt            400 000 kr
"""


def test_sub_numbered_studies_over_a_two_column_form_with_costs_per_year(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + SUB_NUMBERED)
    got = {p.name: p for p in f.projects}
    first = got["Boendestöd för unga vuxna med neuropsykiatriska diagnoser"]
    assert (first.amount_sek, first.year, str(first.end_date)) == (500_000, None, "2025-06-01")
    assert first.performer == "Provuniversitetet, Institutionen för socialt arbete"
    assert {d.district_id for d in first.districts} == {"skarholmen", "farsta"}
    assert got["Ekonomiskt bistånd och hälsa"].amount_sek == 400_000


FLAT_ROWS = """Fördelning av lokala utvecklingsmedel 2026

Förslag till beslut
1. Socialnämnden beviljar LUM enligt tabellen.

Tabell 1. Föreslagna projekt
Stadsdelsförvaltning
Projekt
Sökt (kr)
Föreslås (kr)
Farsta
Språkcafé för föräldrar
200 000
180 000
Bromma
Seniorträffar i Åkeshov
150 000
150 000
Summa
350 000
330 000
"""

FLAT_COLUMNS = """Fördelning av lokala utvecklingsmedel 2026

Förslag till beslut
1. Socialnämnden beviljar LUM enligt bilagan.

Bilaga 1. Beviljade projekt
Projekt
Språkcafé för föräldrar
Seniorträffar i Åkeshov

Stadsdelsförvaltning
Farsta
Bromma

Beviljat (kr)
180 000
150 000
"""


def test_tables_flattened_by_rows_with_a_sought_column_and_by_columns(tmp_path: Path) -> None:
    for text in (FLAT_ROWS, FLAT_COLUMNS):
        f = facts_of(tmp_path, SN_HEAD + text)
        got = {p.name: p for p in f.projects}
        assert set(got) == {"Språkcafé för föräldrar", "Seniorträffar i Åkeshov"}
        cafe = got["Språkcafé för föräldrar"]
        assert (cafe.amount_sek, [d.district_id for d in cafe.districts]) == (180_000, ["farsta"])
        assert got["Seniorträffar i Åkeshov"].amount_sek == 150_000


TRIP_LINES = """Fördelning av MUST 2010

Förslag till beslut
1. Socialnämnden fördelar medel för studiebesök enligt förslaget.

Förslag till fördelning

Farsta sdf
Mottagning av unga i Malmö
5 deltagare à 6 000 kr = 30 000 kr

Bromma sdf tillsammans med Kungsholmens sdf
Hemlöshet i Helsingfors
8 deltagare à 9 000 kr = 72 000 kr, föreslås 60 000 kr
"""


def test_trips_of_applicant_destination_and_a_line_of_sums(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN_HEAD + TRIP_LINES)
    got = {p.name: p for p in f.projects}
    assert got["Mottagning av unga i Malmö"].amount_sek == 30_000
    helsinki = got["Hemlöshet i Helsingfors"]
    assert helsinki.amount_sek == 60_000
    assert {d.district_id for d in helsinki.districts} == {"bromma", "kungsholmen"}


REPORT_BULLETS = """Redovisning av lokala utvecklingsprojekt 2014

Förslag till beslut
1. Stadsdelsnämnden godkänner redovisningen.

Lokala utvecklingsprojekt 2014

•   Läxhjälp i biblioteket (enheten för barn och
    unga) – beviljat 220 000 kr, förbrukat 200 000 kr

•   Föräldrastöd på somaliska (gemensamt projekt med
    Spånga-Tensta stadsdelsförvaltning) – beviljat 180 000 kr

Studiebesök (MUST) 2014

•   Oslo, uppsökande arbete bland unga
    – 22 000 kr

•   Köpenhamn, värmestugor – 18 000 kr
"""


def test_bullets_with_a_sum_label_a_unit_bracket_and_a_sum_set_in_under_them(
    tmp_path: Path,
) -> None:
    head = SN_HEAD.replace("Socialnämnden", "Skarpnäcks stadsdelsnämnd")
    f = facts_of(tmp_path, head + REPORT_BULLETS)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Läxhjälp i biblioteket",
        "Föräldrastöd på somaliska",
        "Oslo, uppsökande arbete bland unga",
        "Köpenhamn, värmestugor",
    }
    assert got["Läxhjälp i biblioteket"].amount_sek == 220_000
    partners = {d.district_id for d in got["Föräldrastöd på somaliska"].districts}
    assert "spanga-tensta" in partners
    assert got["Oslo, uppsökande arbete bland unga"].amount_sek == 22_000
