"""Twentieth session: layouts of blind rounds g495–g502 and n379–n386, each on a short text
written for the test: trip tables and trip blocks that name a destination and a purpose apart,
blocks of fields grouped under their owners' names, sums that end two pages alike, a
"Projekt/studieresa" column beside a column of fund codes, a table's header repeated with
its wrapped lines, a grouped money header over a rule, a procurement's award criteria and an
office's own running cost."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

from pipeline.facts.grid_header import header_role
from pipeline.understand.gutter import unfold_columns

SOTN = """SOCIALTJÄNSTFÖRVALTNINGEN                      TJÄNSTEUTLÅTANDE
Avdelningen för stöd och utveckling            Dnr 406-0099/2006
                                               Sida 1 (2)
                                               2006-02-01
Handläggare: Eva Exempel                       Till
Telefon: 08-508 00 000                         Socialtjänstnämnden
                                               2006-03-01
"""

SN = """Socialförvaltningen                            Tjänsteutlåtande
Avdelningen för stadsövergripande              Dnr 3.2-0999/2014
sociala frågor                                 Sida 1 (3)
                                               2014-05-02
Handläggare                                    Till
Eva Exempel                                    Socialnämnden
Telefon: 08-508 00 000                         2014-06-10
"""


def test_a_trip_table_names_each_trip_by_its_destination_and_its_purpose(tmp_path: Path) -> None:
    text = (
        SOTN
        + """
Studiebesöksmedel 2006

Tabell 1. Ansökningar

Resmål        Sökande             Resans                        Sökt      Förslag
              stadsdels-          syfte                         (kr)      (kr)
              nämnd
Riga          Skarpnäck           Stöd till unga föräldrar        22 000    22 000
                                  i förorten
Bergen        Bromma              Mobila team för äldre           19 000    19 000
Summa                                                             41 000    41 000
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects)
    assert got == [
        ("Bergen, Mobila team för äldre", ["bromma"], 19000),
        ("Riga, Stöd till unga föräldrar i förorten", ["skarpnack"], 22000),
    ]


def test_field_blocks_under_their_owners_names_take_them(tmp_path: Path) -> None:
    text = (
        SN
        + """
Fördelning av utvecklingsmedel 2014

Förslag per förvaltning

Skarpnäcks stadsdelsförvaltning

  Lokala utvecklingsmedel
  Projekt: Stödgrupper för unga anhöriga
  Sökt belopp: 300 000 kronor            Förslag: 250 000 kronor
  Grupperna leds av två socialsekreterare.

  Studiebesök (MUST)
  Resmål: Tammerfors, Finland
  Syfte: Familjecentraler i bostadsområden
  Sökt belopp: 21 000 kronor             Förslag: 21 000 kronor

Bromma stadsdelsförvaltning

  Lokala utvecklingsmedel
  Projekt: Digitala möten med klienter
  Sökt belopp: 280 000 kronor            Förslag: avslag
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted(
        (p.name, [d.district_id for d in p.districts], p.amount_sek, p.status) for p in f.projects
    )
    assert got == [
        ("Digitala möten med klienter", ["bromma"], 280000, "ansökt"),
        ("Stödgrupper för unga anhöriga", ["skarpnack"], 250000, "beviljad"),
        (
            "Tammerfors, Finland – Familjecentraler i bostadsområden",
            ["skarpnack"],
            21000,
            "beviljad",
        ),
    ]


def test_a_caption_over_a_block_that_names_itself_is_no_project(tmp_path: Path) -> None:
    text = (
        SN
        + """
Studiebesök 2014

  Studiebesök (MUST)
  Resmål: Oslo
  Syfte: Barnahus och samverkan
  Sökt belopp: 18 000 kronor             Förslag: 18 000 kronor
"""
    )
    names = [p.name for p in facts_of(tmp_path, text).projects]
    assert names == ["Oslo – Barnahus och samverkan"]


def test_two_pages_that_end_on_the_same_sum_keep_it(tmp_path: Path) -> None:
    page = """  Projekt: {name}
  Sökt belopp: 20 000 kronor             Förslag: 20 000 kronor
"""
    text = (
        SN
        + "\nFördelning av utvecklingsmedel 2014\n\n"
        + page.format(name="Läxhjälp i samverkan")
        + "\f                                               Tjänsteutlåtande\n"
        + "                                               Sida 2 (3)\n\n"
        + page.format(name="Samtalsgrupper för äldre")
        + "\f                                               Tjänsteutlåtande\n"
        + "                                               Sida 3 (3)\n\n"
        + "Ärendet har beretts i samråd med stadsdelsförvaltningarna.\n"
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Läxhjälp i samverkan", 20000),
        ("Samtalsgrupper för äldre", 20000),
    ]


def test_a_header_of_two_words_parted_by_a_slash_names_the_role_they_agree_on() -> None:
    assert header_role("Projekt/studieresa") == "name"
    assert header_role("Utförare/forskare") == "performer"


def test_a_table_with_a_column_of_fund_codes_reads_its_sums(tmp_path: Path) -> None:
    text = (
        SN
        + """
Ansökningar om utvecklingsmedel 2015

Nr  Medel  Projekt/studieresa          Sökande         Total      Egen       Sökt
                                                       kostnad    insats     belopp
                                                       (kr)       (kr)       (kr)
1   LUM    Föräldrastöd på            Farsta          500 000    100 000    400 000
           modersmål
2   MUL    Köpenhamn - hemlöshet      Farsta           30 000          -     30 000
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek, p.fund_type) for p in f.projects) == [
        ("Föräldrastöd på modersmål", 400000, "LUM"),
        ("Köpenhamn - hemlöshet", 30000, "MUL"),
    ]
    assert sorted({a.sek for a in f.amounts}) == [30000, 100000, 400000, 500000]


def test_a_header_repeated_with_its_wrapped_lines_continues_the_table(tmp_path: Path) -> None:
    header = """Stadsdels-      Projekt                                 Sökt        Förslag
nämnd                                                   belopp      tkr
                                                        tkr
-----------------------------------------------------------------------------
"""
    text = (
        SOTN
        + "\nFördelning av FoU-medel 2006\n\nBilaga 1\n\n"
        + header
        + """Kista           Uppföljning av familjehems-             160         140
                placerade barn
"""
        + "\f                                               Sida 2 (2)\n\nBilaga 1 (forts.)\n\n"
        + header
        + """Bromma          Kvalitet i socialpsykiatrin             200         150

Norrmalm        Brukarenkät inom ekonomiskt               95          90
                bistånd
-----------------------------------------------------------------------------
Summa                                                    455         380
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek) for p in f.projects) == [
        ("Brukarenkät inom ekonomiskt bistånd", 90000),
        ("Kvalitet i socialpsykiatrin", 150000),
        ("Uppföljning av familjehemsplacerade barn", 140000),
    ]


def test_a_grouped_money_header_over_a_rule_gives_its_own_columns(tmp_path: Path) -> None:
    text = (
        SN
        + """
Årsrapport FoU 2014

Tabell 2. Beställda studier
                                                        Kostnad (kr)
Studie                     Utförare        Period   -------------------
                                                     varav      totalt
                                                     2014
-----------------------------------------------------------------------
Äldres ensamhet i          Institutet      2013-    200 000    450 000
ytterstaden                för äldre-      2014
                           forskning
Hemlöshet bland unga       Exempel         2014     300 000    300 000
                           Analys AB
-----------------------------------------------------------------------
Summa                                               500 000    750 000
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.performer) for p in f.projects) == [
        ("Hemlöshet bland unga", "Exempel Analys AB"),
        ("Äldres ensamhet i ytterstaden", "Institutet för äldreforskning"),
    ]


def test_a_procurements_award_criteria_are_no_criteria_of_a_call(tmp_path: Path) -> None:
    text = (
        SN
        + """
Upphandling av boendestöd för personer med psykisk funktionsnedsättning

Anbuden har utvärderats och bedöms utifrån följande kriterier:

•   brukarnas delaktighet i planeringen av stödet
•   personalens kompetens och handledning
•   samverkan med anhöriga
"""
    )
    assert not facts_of(tmp_path, text).criteria


def test_an_offices_own_running_cost_is_no_projects_cost(tmp_path: Path) -> None:
    text = (
        SN
        + """
Yttrande över förslag till handlingsplan mot våld i nära relationer

Förvaltningen driver en stödgrupp för våldsutsatta. Förvaltningens kostnad för gruppen
uppgår till cirka 900 000 kronor per år.
"""
    )
    kinds = {a.sek: a.kind for a in facts_of(tmp_path, text).amounts}
    assert kinds == {900000: "other"}


TWO_COLUMNS = """Beviljade utvecklingsmedel 2014 - kortfattade beskrivningar

1. Farsta stadsdelsförvaltning             3. Bromma stadsdelsförvaltning
Läxhjälp för barn i familjer med           Stöd till anhöriga som vårdar
försörjningsstöd                           en närstående
Beviljas: 210 000 kronor                   Beviljas: 190 000 kronor
Projektet ska pröva läxhjälp i             Anhöriga erbjuds samtal i grupp
samarbete med skolorna i området           och en kontaktperson under ett
och följs av en forskare.                  år.

2. Skarpnäcks stadsdelsförvaltning         4. Norrmalms stadsdelsförvaltning
Mobilt team för unga vuxna i               Digitalt stöd i ekonomiskt
hemlöshet                                  bistånd
Beviljas: 300 000 kronor                   Beviljas: 150 000 kronor
Teamet söker upp unga vuxna och            Klienterna planerar sina
erbjuder stöd till eget boende.            ärenden i en app.
"""


def test_text_set_in_two_columns_is_read_column_by_column() -> None:
    out = unfold_columns(TWO_COLUMNS).split("\n")
    assert out.index("1. Farsta stadsdelsförvaltning") < out.index(
        "2. Skarpnäcks stadsdelsförvaltning"
    )
    assert out.index("2. Skarpnäcks stadsdelsförvaltning") < out.index(
        "3. Bromma stadsdelsförvaltning"
    )
    assert "Läxhjälp för barn i familjer med" in out and "försörjningsstöd" in out


def test_a_table_of_several_columns_is_not_read_as_two_columns() -> None:
    table = "\n".join(
        f"Projekt nummer {n} för unga       Farsta          {n}00 000      {n}50 000"
        for n in range(1, 10)
    )
    assert unfold_columns(table) == table


def test_numbered_owners_over_their_projects_names_in_two_columns(tmp_path: Path) -> None:
    f = facts_of(tmp_path, SN + "\n" + TWO_COLUMNS)
    got = sorted((p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects)
    assert got == [
        ("Digitalt stöd i ekonomiskt bistånd", ["norrmalm"], 150000),
        ("Läxhjälp för barn i familjer med försörjningsstöd", ["farsta"], 210000),
        ("Mobilt team för unga vuxna i hemlöshet", ["skarpnack"], 300000),
        ("Stöd till anhöriga som vårdar en närstående", ["bromma"], 190000),
    ]


def test_a_trip_table_with_a_purpose_column_of_three_words(tmp_path: Path) -> None:
    text = (
        SOTN
        + """
Studiebesök hösten 2006

Nr  Sökande               Resmål            Syfte med besöket               Sökt      Förslag
    stadsdelsförvaltning                                                    kr        kr

1   Bromma                Bergen, Norge     Boendestöd för unga vuxna       21 000    21 000

2   Farsta                Riga              Mobila team i förorten          18 000    15 000
                                            och på landsbygden
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects)
    assert got == [
        ("Bergen, Norge, Boendestöd för unga vuxna", ["bromma"], 21000),
        ("Riga, Mobila team i förorten och på landsbygden", ["farsta"], 15000),
    ]


def test_district_groups_of_named_items_described_before_their_sums(tmp_path: Path) -> None:
    text = (
        SOTN
        + """
Fördelning av lokala utvecklingsmedel 2007

Förslaget redovisas nedan per sökande stadsdelsnämnd.

Bromma
  Samtalsgrupper för unga anhöriga
  Gruppverksamhet för unga som har en förälder med missbruk. Förslag: 160 000 kronor.

Farsta (gemensam ansökan med Skarpnäck)
  Uppsökande arbete bland äldre
  Förslag: 200 000 kronor.

  Ekonomisk rådgivning i försörjningsstödet
  Budgetrådgivning som del av planeringen.
  Förslag: 120 000 kronor.
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, [d.district_id for d in p.districts], p.amount_sek) for p in f.projects)
    assert got == [
        ("Ekonomisk rådgivning i försörjningsstödet", ["farsta", "skarpnack"], 120000),
        ("Samtalsgrupper för unga anhöriga", ["bromma"], 160000),
        ("Uppsökande arbete bland äldre", ["farsta", "skarpnack"], 200000),
    ]


def test_a_caption_that_ends_in_its_unit_after_a_comma_gives_the_cells_unit(
    tmp_path: Path,
) -> None:
    text = (
        SN
        + """
Slutredovisning av de lokala utvecklingsavtalen

Tabell 1. Medel inom avtalen 2010–2013, mnkr

                        Statliga      Kommunala
Stadsdel                medel         medel          Totalt
Rinkeby-Kista            12,5          10,0           22,5
Skärholmen                8,0           6,5           14,5
Summa                    20,5          16,5           37,0
"""
    )
    sums = {a.sek for a in facts_of(tmp_path, text).amounts}
    assert {12_500_000, 22_500_000, 8_000_000, 37_000_000} <= sums
    assert not any(s < 1000 for s in sums)


def test_a_done_column_of_yes_and_no_says_which_trips_were_made(tmp_path: Path) -> None:
    text = (
        SN
        + """
Redovisning av studieresor 2013

Resmål                     Syfte                              Förvaltning          Beviljat    Genomförd
                                                                                   (kr)
Oslo, Norge                Bostad först för unga vuxna        Farsta               25 000      Ja, maj
Riga, Lettland             Digitala tjänster i                Bromma               19 500      Nej
                           försörjningsstödet
Totalt                                                                             44 500
"""
    )
    got = sorted((p.name, p.status) for p in facts_of(tmp_path, text).projects)
    assert got == [
        ("Oslo, Norge, Bostad först för unga vuxna", "genomförd"),
        ("Riga, Lettland, Digitala tjänster i försörjningsstödet", "beviljad"),
    ]


def test_a_budget_in_two_parts_keeps_its_unit_after_the_first_parts_total(
    tmp_path: Path,
) -> None:
    text = (
        SN
        + """
Ansökan om lokala utvecklingsmedel 2015

Budget för projektet

                                              2015         2016
                                              Tkr          Tkr
Kostnader
Projektledning                                200          200
Utvärdering                                   100           50
Summa kostnader                               300          250

Finansiering
Lokala utvecklingsmedel (sökta)               250          200
Egen insats                                    50           50
Summa finansiering                            300          250
"""
    )
    sums = sorted(a.sek for a in facts_of(tmp_path, text).amounts)
    assert 2015000 not in sums and 2016000 not in sums  # the years over their unit
    assert sums.count(250000) == 3 and sums.count(50000) == 3 and min(sums) == 50000
