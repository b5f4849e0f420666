"""Blind rounds g239–g246 and n155–n162, on short texts written for the test: list items whose
first sentence is only the applicant, trip tables with the destination and what the trip is
about in two columns, a table whose name column has a header the vocabulary does not know,
rows whose cells wrap down to the sum on their last line, the sum an item's description
proposes rather than the one it applied for, the part of a sum that is no sum of its own, a
count column in the Summa row, and amount roles read from a limit, an available sum, a sum
not proposed and a state grant shared out."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

SN_PROTOCOL = """STOCKHOLMS STAD                                   PROTOKOLLSUTDRAG
Socialnämnden                                     Sammanträdesdatum
                                                  2011-09-20
                                                  Sida 1 (2)

§ 14
Medel för studiebesök (MUST) 2011, höstens fördelning
Dnr 3.1-404/2011

Beslut
1. Socialnämnden beviljar medel för studiebesök enligt förvaltningens
   förslag, sammanlagt 61 000 kr.

Ärendet
"""


def test_items_whose_first_sentence_is_only_the_applicant(tmp_path: Path) -> None:
    text = (
        SN_PROTOCOL
        + """Förvaltningen föreslår att följande ansökningar beviljas.

1. Bromma stadsdelsförvaltning. Vilnius, mottagning för unga
   med spelproblem.                                  19 000 kr

2. Farsta stadsdelsförvaltning. Turku, familjecentral i
   flerspråkiga bostadsområden.                      24 000 kr

3. Kungsholmens stadsdelsförvaltning. Bergen, stöd till
   äldre med missbruk i hemtjänsten.                 18 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Vilnius, mottagning för unga med spelproblem",
        "Turku, familjecentral i flerspråkiga bostadsområden",
        "Bergen, stöd till äldre med missbruk i hemtjänsten",
    }
    assert got["Turku, familjecentral i flerspråkiga bostadsområden"].amount_sek == 24_000
    assert [
        d.district_id for d in got["Vilnius, mottagning för unga med spelproblem"].districts
    ] == ["bromma"]


def test_a_trip_table_joins_the_destination_and_what_the_trip_is_about(tmp_path: Path) -> None:
    text = (
        SN_PROTOCOL
        + """Förvaltningen föreslog att följande ansökningar beviljas.

Förvaltning           Resmål        Syfte                            Delt.    Kronor
Bromma                Vilnius       Mottagning för unga med              3    19 000
                                    spelproblem
Farsta                Turku         Familjecentral i flerspråkiga        4    24 000
                                    bostadsområden
Kungsholmen           Bergen        Stöd till äldre med missbruk         2    18 000
Totalt                                                                   9    61 000
"""
    )
    f = facts_of(tmp_path, text)
    names = {p.name.casefold() for p in f.projects}
    assert names == {
        "vilnius, mottagning för unga med spelproblem",
        "turku, familjecentral i flerspråkiga bostadsområden",
        "bergen, stöd till äldre med missbruk",
    }
    # the count of participants in the Totalt row is no sum of money
    assert 9 not in {a.sek for a in f.amounts}


KS_UTLATANDE = """Utlåtande 2001:31 RIII (Dnr 329-118/2001)


Träffpunkter för unga vuxna i stadsdelarna – fördelning av medel
år 2001

Borgarrådsberedningen föreslår att kommunstyrelsen beslutar
följande.

1. Stadsdelsnämnderna tilldelas sammanlagt 1 450 tkr enligt bilaga 1.

Mina synpunkter
Fem stadsdelsnämnder har ansökt om sammanlagt 1 990 tkr.

"""


def test_an_unknown_header_names_the_rows_whose_cells_wrap_down_to_their_sum(
    tmp_path: Path,
) -> None:
    text = (
        KS_UTLATANDE
        + """Bilaga 1. Föreslagen fördelning år 2001

Stadsdelsnämnd    Träffpunkt                         Sökt,  Förslag,
                                                       tkr       tkr
Bromma            Kvällsöppet i Riksby fritidsgård      300       250
Kungsholmen       Ungdomscafé vid Fridhemsplan med
                  rådgivning                            450       350
Farsta            Mötesplats för unga vuxna i
                  Hökarängen                            520       400
Skarpnäck         Musikstudio i Bagarmossen             720       450
Summa                                                 1 990     1 450
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Kvällsöppet i Riksby fritidsgård",
        "Ungdomscafé vid Fridhemsplan med rådgivning",
        "Mötesplats för unga vuxna i Hökarängen",
        "Musikstudio i Bagarmossen",
    }
    assert got["Ungdomscafé vid Fridhemsplan med rådgivning"].amount_sek == 350_000
    hok = got["Mötesplats för unga vuxna i Hökarängen"]
    assert hok.amount_sek == 400_000
    assert [d.district_id for d in hok.districts] == ["farsta"]


SDN_PROTOCOL = """Hässelby-Vällingby stadsdelsnämnd                  PROTOKOLL NR 6/2013
                                                   Sida 1 (2)
Sammanträdesdatum: 2013-06-13

§ 61
Bidrag till lovaktiviteter för barn och unga 2013
Dnr 1.5-233/2013

Beslut
1. Stadsdelsnämnden fördelar 150 000 kronor till lovaktiviteter enligt
   förvaltningens förslag.

Ärendet
"""


def test_association_rows_whose_two_columns_wrap_down_to_their_sum(tmp_path: Path) -> None:
    text = (
        SDN_PROTOCOL
        + """Förening                    Aktivitet                      Kronor
Vällingby Schacksällskap    Schackläger för nybörjare      30 000
Hässelby Villastads         Paddling och friluftsdagar
Kanotklubb                  vid Mälaren                    45 000
Råcksta Dansförening        Streetdance på lovet           25 000
Somaliska kvinno-
föreningen i Hässelby       Simträning för mammor          50 000
Summa                                                     150 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p for p in f.projects}
    assert set(got) == {
        "Schackläger för nybörjare",
        "Paddling och friluftsdagar vid Mälaren",
        "Streetdance på lovet",
        "Simträning för mammor",
    }
    assert got["Paddling och friluftsdagar vid Mälaren"].amount_sek == 45_000
    assert (
        got["Paddling och friluftsdagar vid Mälaren"].performer == "Hässelby Villastads Kanotklubb"
    )
    assert got["Simträning för mammor"].amount_sek == 50_000
    assert got["Streetdance på lovet"].amount_sek == 25_000


SOTN_TU = """SOCIALTJÄNSTFÖRVALTNINGEN                            Tjänsteutlåtande
Utvecklingsenheten                                   Dnr 106-0388/99
                                                     Sida 1 (2)
                                                     1999-03-02

Lokala utvecklingsprojekt inom individ- och familjeomsorgen 1999

Förvaltningens förslag till beslut
1. Socialtjänstnämnden beviljar medel till två projekt med sammanlagt
   230 000 kr enligt förvaltningens förslag.

"""


def test_the_sum_an_item_proposes_not_the_one_it_applied_for(tmp_path: Path) -> None:
    text = (
        SOTN_TU
        + """Förvaltningens bedömning av ansökningarna

1.  Farsta stadsdelsnämnd: Stödsamtal för unga med ätstörningar.
    Sökt belopp 190 000 kr. Förslag 140 000 kr.
    Samtalen leds av två kuratorer i samarbete med ungdomsmottagningen.

2.  Bromma stadsdelsnämnd: Uppsökande arbete bland äldre
    med alkoholproblem.
    Sökt belopp 90 000 kr. Förslag 90 000 kr.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Stödsamtal för unga med ätstörningar": 140_000,
        "Uppsökande arbete bland äldre med alkoholproblem": 90_000,
    }


def test_a_part_of_an_items_sum_is_no_sum_of_its_own(tmp_path: Path) -> None:
    text = (
        SDN_PROTOCOL.replace("§ 61", "§ 62")
        + """Förvaltningen redovisar följande projekt.

•  Sommarjobb för unga i Grimsta – tjugo ungdomar arbetade i parker
   och på fritidsgårdar. Statsbidrag från Länsstyrelsen om
   640 000 kronor, varav 52 000 kronor inte förbrukades.

•  Läxläsning i Vällingby bibliotek – frivilliga studenter hjälper
   elever i årskurs 7–9. Finansierat med 85 000 kronor ur nämndens
   utvecklingsmedel.
"""
    )
    f = facts_of(tmp_path, text)
    sums = {p.name.split(" – ")[0]: p.amount_sek for p in f.projects}
    assert sums["Sommarjobb för unga i Grimsta"] == 640_000
    assert sums["Läxläsning i Vällingby bibliotek"] == 85_000


def _kinds(tmp_path: Path, body: str) -> dict[int, str]:
    f = facts_of(tmp_path, SOTN_TU.replace("1999", "2024") + body)
    return {a.sek: a.kind for a in f.amounts}


def test_amount_roles_of_a_limit_an_available_sum_and_a_sum_not_proposed(
    tmp_path: Path,
) -> None:
    kinds = _kinds(
        tmp_path,
        """Sammanfattning
För 2024 finns 2,8 miljoner kronor för lokala utvecklingsmedel.
En ansökan om MUL kan beviljas högst 70 000 kronor.
De sex ansökningar som inte föreslås beviljas omfattar sammanlagt
1 960 000 kronor.
""",
    )
    assert kinds[2_800_000] == "budget"
    assert kinds[70_000] == "max_per_application"
    assert kinds[1_960_000] == "other"


def test_a_state_grant_shared_out_to_the_districts_is_the_state_grant(tmp_path: Path) -> None:
    text = """Äldreförvaltningen                                Tjänsteutlåtande
                                                  Dnr ÄN 2019/077
                                                  2019-04-11

Fördelning av statsbidrag för äldres fysiska aktivitet 2019

Förvaltningens förslag till beslut
1. Äldrenämnden fördelar 3 000 000 kronor av statsbidraget till
   stadsdelsnämnderna enligt tabell 1.
2. Äldrenämnden avsätter 250 000 kronor för förvaltningens uppföljning.

Tabell 1. Fördelning per stadsdelsnämnd
Stadsdelsnämnd               Andel, %        Kronor
Bromma                           40,0     1 200 000
Farsta                           35,0     1 050 000
Skärholmen                       25,0       750 000
Summa                           100,0     3 000 000
"""
    f = facts_of(tmp_path, text)
    kinds = {a.sek: a.kind for a in f.amounts}
    assert kinds[1_200_000] == "state_grant"
    assert kinds[750_000] == "state_grant"
    assert kinds[250_000] == "state_grant"


def test_an_association_named_before_the_comma_with_a_place_after_it(tmp_path: Path) -> None:
    text = (
        SDN_PROTOCOL.replace("§ 61", "§ 63")
        + """Förvaltningen föreslår att följande arrangemang beviljas bidrag:

–  Vällingby Spelmansgille, folkmusik i Vällingby centrum, 7 500 kronor
–  Kurdiska Ungdomsföreningen i Hässelby, filmkväll för unga, 9 000 kronor
–  Grimstaskogens Vänner, naturvandring med guide, 4 000 kronor
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.performer for p in f.projects}
    assert got == {
        "folkmusik i Vällingby centrum": "Vällingby Spelmansgille",
        "filmkväll för unga": "Kurdiska Ungdomsföreningen i Hässelby",
        "naturvandring med guide": "Grimstaskogens Vänner",
    }


def test_associations_before_their_activity_in_a_list_without_marks(tmp_path: Path) -> None:
    text = (
        SDN_PROTOCOL.replace("§ 61", "§ 64")
        + """Förvaltningen föreslår att följande föreningar beviljas bidrag:

Grimsta Pensionärsförening, vårprogram med utflykter          21 000 kr
Hässelby IF, fotbollsskola för flickor                        34 000 kr
Vällingby Kulturförening Slottet, dockteater för barn          18 500 kr
Råcksta Bridgeklubb, verksamhetsbidrag                         12 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: p.performer for p in f.projects}
    assert got == {
        "vårprogram med utflykter": "Grimsta Pensionärsförening",
        "fotbollsskola för flickor": "Hässelby IF",
        "dockteater för barn": "Vällingby Kulturförening Slottet",
    }  # an association's operating grant names no project


def test_items_that_print_their_sum_first(tmp_path: Path) -> None:
    text = (
        SDN_PROTOCOL.replace("§ 61", "§ 65")
        + """Förvaltningen föreslår följande fördelning av statsbidraget:
• 96 000 kr – Vällingby IK, Lovbandy på Grimstafältet
• 54 000 kr – Kulturföreningen Sländan, Sommarteater i Hässelby gård
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Lovbandy på Grimstafältet": (96_000, "Vällingby IK"),
        "Sommarteater i Hässelby gård": (54_000, "Kulturföreningen Sländan"),
    }


def test_one_project_named_on_its_items_own_line_or_with_its_money(tmp_path: Path) -> None:
    page = """Din position: Hem > Stockholms stad > Skarpnäcks stadsdelsnämnd > Sammanträde 2012-03-22

Sammanträde 2012-03-22

4 Redovisning av projektet Läxhjälp i Skarpnäcks bibliotek

Socialnämnden beviljade under 2011 förvaltningen 190 000 kr ur de lokala utvecklingsmedlen för projektet. Ett sextiotal elever har deltagit.

Dnr 1.2.6-118/2012
"""
    f = facts_of(tmp_path, page)
    assert [(p.name, p.amount_sek) for p in f.projects] == [
        ("Läxhjälp i Skarpnäcks bibliotek", 190_000)
    ]
    report = """Din position: Hem > Stockholms stad > Skarpnäcks stadsdelsnämnd > Sammanträde 2012-03-22

5 Månadsrapport februari 2012

Förvaltningen prognostiserar ett överskott om 1,1 mnkr. Förvaltningen har under året fått lokala utvecklingsmedel från socialnämnden om 240 tkr för projektet Familjeverkstaden i Bagarmossen, som pågår till och med juni 2013.
"""
    (tmp_path / "report").mkdir()
    f = facts_of(tmp_path / "report", report)
    assert [(p.name, p.amount_sek) for p in f.projects] == [
        ("Familjeverkstaden i Bagarmossen", 240_000)
    ]
