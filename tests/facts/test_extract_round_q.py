"""Layout families of blind rounds Q (genre g97–g102) and n31–n40, each on a short text
written for the test: applications described under their owner with a proposed sum, a
list whose fund only its total names, studies with labelled fields, grants in running text
without the word "projektet", recipients and projects on dashed lines, a statsbidrag
decision, and the fund words bound to their own clause."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

HEAD = """Socialförvaltningen                                 Tjänsteutlåtande
Avdelningen för stadsövergripande sociala frågor    Dnr 3.2.1-0999/2021
                                                    Sida 1 (3)
                                                    2021-11-02
Handläggare                                         Till
Eva Exempel                                         Socialnämnden
Telefon: 08-508 00 001                              2021-11-23
"""

DESCRIBED = """
Fördelning av medel för lokala utvecklingsprojekt och studieresor 2022

Förvaltningens förslag till beslut
1. Socialnämnden beviljar lokala utvecklingsmedel för år 2022 om sammanlagt
   650 000 kronor till två projekt.
2. Socialnämnden avslår ansökan från Östermalms stadsdelsförvaltning.

Ärendet

Inkomna ansökningar

  •  Vantörs stadsdelsförvaltning: Samtal i väntrummet för nyanlända
     familjer
     Familjebehandlare finns på plats i mottagningen två dagar i veckan.
     Förslag: 400 000 kronor.

  •  Bromma och Spånga-Tensta stadsdelsförvaltningar (gemensam ansökan,
     Bromma huvudsökande): Nätverk för fosterhemsföräldrar
     Förvaltningarna vill pröva gemensamma träffar. Förslag: 250 000 kronor.

  •  Östermalms stadsdelsförvaltning: Digital post till klienter
     Ansökan avser 300 000 kronor. Ansökan avslås.
"""


def test_applications_described_under_their_owner_take_the_proposed_sum(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, HEAD + DESCRIBED)
    got = {p.name: p for p in f.projects}
    assert got["Samtal i väntrummet för nyanlända familjer"].amount_sek == 400_000
    joint = got["Nätverk för fosterhemsföräldrar"]
    assert joint.amount_sek == 250_000
    assert {d.district_id for d in joint.districts} >= {"bromma", "spanga-tensta"}
    assert got["Samtal i väntrummet för nyanlända familjer"].status == "beviljad"
    assert got["Digital post till klienter"].status == "ansökt"


def test_a_list_without_a_fund_takes_the_fund_of_the_total_it_adds_up_to(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, HEAD + DESCRIBED)
    got = {p.name: p.fund_type for p in f.projects}
    assert got["Samtal i väntrummet för nyanlända familjer"] == "LUM"
    assert got["Nätverk för fosterhemsföräldrar"] == "LUM"


STUDIES = """
Beställning av studier år 2003

Förslag till beslut
1. Socialtjänstnämnden godkänner att FoU-enheten beställer två studier.

Föreslagna studier

1. Hemtjänst för äldre med demens
Uppdragstagare: Institutionen för vårdvetenskap, Exempeluniversitetet

Studien jämför två arbetssätt i Farsta och Skarpnäck. Kostnad 300 000 kr.
Slutrapport i maj 2004.

2. Unga vuxna i hemlöshet
Uppdragstagare: Exempel Utvärdering AB
Uppföljningen omfattar 40 personer. Kostnad 200 000 kr. Slutrapport i
oktober 2004.
"""


def test_studies_with_labelled_fields_and_a_description(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD.replace("Socialnämnden\n", "Socialtjänstnämnden\n") + STUDIES)
    got = {p.name: p for p in f.projects}
    first = got["Hemtjänst för äldre med demens"]
    assert first.amount_sek == 300_000
    assert first.performer == "Institutionen för vårdvetenskap, Exempeluniversitetet"
    assert str(first.end_date).startswith("2004-05")
    # commissioned studies are the city-wide FoU money
    assert first.fund_type == "FUM"
    assert got["Unga vuxna i hemlöshet"].performer == "Exempel Utvärdering AB"


PROSE = """
Fördelning av lokala utvecklingsmedel 2022

Förslag till beslut
1. Socialnämnden beviljar lokala utvecklingsmedel om totalt 0,9 mnkr.

Ärendet
Kungsholmen föreslås få 300 tkr för Stöd i egen bostad och Farsta 0,2 mnkr
för Föräldracirklar på arabiska. Älvsjö och Skärholmen har lämnat en gemensam
ansökan för projektet Barnsamtal i familjehem. Förvaltningen föreslår att de två
stadsdelsförvaltningarna tillsammans beviljas 400 tkr.
"""


def test_grants_in_running_text_without_the_word_projektet(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD + PROSE)
    got = {p.name: p for p in f.projects}
    assert got["Stöd i egen bostad"].amount_sek == 300_000
    assert [d.district_id for d in got["Stöd i egen bostad"].districts] == ["kungsholmen"]
    assert got["Föräldracirklar på arabiska"].amount_sek == 200_000
    assert [d.district_id for d in got["Föräldracirklar på arabiska"].districts] == ["farsta"]
    # the sum stands in the sentence after the one that names the project
    assert got["Barnsamtal i familjehem"].amount_sek == 400_000


DASHED = """
Fördelning av utvecklingsmedel för läsfrämjande arbete 2019

Förvaltningens förslag till beslut
1. Utbildningsnämnden beviljar utvecklingsmedel om totalt 500 000 kronor.

Förslag till fördelning

Exempelskolan – Läsombud i varje klass: 300 000 kr
Förskolan Ekorren – Sagostund med föräldrar: 200 000 kr
Summa: 500 000 kr
"""


def test_recipient_dash_project_lines_are_a_list_with_performers(tmp_path: Path) -> None:
    head = HEAD.replace("Socialnämnden\n", "Utbildningsnämnden\n")
    f = facts_of(tmp_path, head + DASHED)
    got = {p.name: p for p in f.projects}
    assert got["Läsombud i varje klass"].performer == "Exempelskolan"
    assert got["Sagostund med föräldrar"].amount_sek == 200_000
    # another nämnd's own development money keeps its name
    assert got["Läsombud i varje klass"].fund_type == "utvecklingsmedel"


CLAUSES = """
Fördelning av FoU-medel 2022

Ärendet
Förvaltningen föreslår att 1,2 miljoner kronor fördelas till två stadsövergripande
studier och att 800 000 kronor fördelas till fyra lokala utvecklingsprojekt.
"""


def test_a_fund_word_belongs_to_the_amount_of_its_own_clause(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD + CLAUSES)
    funds = {a.sek: a.fund_type for a in f.amounts}
    assert funds[1_200_000] == "FUM"
    assert funds[800_000] == "LUM"


FLAT = """
Utvecklingsmedel till föreningar 2021

Förslag till beslut
1. Socialnämnden beviljar tre föreningar utvecklingsmedel enligt tabellen.

Förvaltningen föreslår att följande projekt beviljas medel:
Projekt
Sökande
Belopp, kr
Läxhjälp på lördagar
Föreningen Exempelhjälpen
120 000
Spontanidrott i parken
Exempelstadens Idrottsklubb
95 000
Summa
215 000
"""


def test_a_table_flattened_one_cell_per_line_is_read_by_rows(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD + FLAT)
    got = {p.name: p for p in f.projects}
    assert got["Läxhjälp på lördagar"].amount_sek == 120_000
    assert got["Läxhjälp på lördagar"].performer == "Föreningen Exempelhjälpen"
    assert got["Spontanidrott i parken"].amount_sek == 95_000
    assert not got["Spontanidrott i parken"].districts


MIXED_CALL = """
Utlysning av lokala utvecklingsmedel och medel för studieresor 2022

Ärendet
Lokala utvecklingsmedel (LUM) kan sökas för projekt och medel för utveckling och lärande
(MUL) för studieresor.

Bedömning

Ansökningarna har bedömts utifrån i vilken mån projektet
  –  bygger på samverkan mellan flera förvaltningar,
  –  har en plan för uppföljning.
"""


def test_criteria_about_projects_in_a_call_for_projects_and_trips_are_lum(
    tmp_path: Path,
) -> None:
    f = facts_of(tmp_path, HEAD + MIXED_CALL)
    assert f.criteria
    assert {c.fund_type for c in f.criteria} == {"LUM"}


TABLE_UNDER_OTHER_FUND = """
Anvisning av medel till socialnämnden 2013

Förslag till beslut
1.  Kommunstyrelsen anvisar socialnämnden 1,5 mnkr ur kommunstyrelsens medel för
    stadsövergripande forsknings- och utvecklingsarbete inom socialtjänsten.

Ärendet
Nämndens egna medel för forskning och utveckling fördelas i huvudsak som lokala
utvecklingsmedel till stadsdelsförvaltningarna.

Stadsledningskontoret föreslår att medlen används till två studier enligt tabellen.

Studie                                Medverkande förvaltningar               Mnkr
Uppföljning av placerade ungdomar     Socialförvaltningen                      0,8
Tidiga insatser i förskolan           Socialförvaltningen, Farsta              0,7
Summa                                                                          1,5
"""


def test_a_table_takes_the_fund_of_the_total_its_rows_make(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD + TABLE_UNDER_OTHER_FUND)
    assert f.projects
    assert {p.fund_type for p in f.projects} == {"FUM"}


TRIP_BLOCKS = """
Medel för utveckling och lärande (MUL), höstens omgång 2017

Förslag till beslut
1. Socialnämnden beviljar medel för studieresor enligt förvaltningens förslag.

Ansökningar och förslag

Resmål:   Bergen, Norge – boendestöd för unga vuxna
Sökande:  Farsta stadsdelsförvaltning
Syfte:    Lära av arbetet med stödboende
Sökt:     18 000 kr
Beviljas: 18 000 kr

Resmål:   Åbo, Finland – socialjour nattetid
Sökande:  Bromma stadsdelsförvaltning
Syfte:    Utbyte kring uppsökande arbete
Sökt:     21 000 kr
Beviljas: 15 000 kr
"""


def test_trips_as_blocks_of_labelled_lines(tmp_path: Path) -> None:
    f = facts_of(tmp_path, HEAD + TRIP_BLOCKS)
    got = {p.name: p for p in f.projects}
    trip = got["Åbo, Finland – socialjour nattetid"]
    assert trip.amount_sek == 15_000
    assert trip.status == "beviljad"
    assert [d.district_id for d in trip.districts] == ["bromma"]
