"""Thirty-third session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* a unit's heading ("Stadsbiblioteket") before the headed projects of a table whose rows it
  carries: each row goes to the heading that names it best, not to the first near it;
* "Studie 2. <name>" whose name wraps onto a short line right above "Studien …": the name
  goes on;
* slides (or sheets) that print a project's title alone, then its owner and "Beviljat: …";
* a final report's numbered parts ("4. Genomförande", "6. Ekonomisk redovisning") and an
  application's "1. Sökande" over its fields are no projects;
* a nämnd's own call of utvecklingsmedel or verksamhetsbidrag states criteria ("Enligt
  kriterierna ska insatsen", "prioriteras föreningar som", "Ansökningar prioriteras om de");
* what a member moves ("X (M) yrkar att … beviljas 90 000 kronor") is not granted;
* "Socialnämnden" in a table's "Ansvarig nämnd" column owns the row as Socialförvaltningen,
  while another facknämnd ("Kulturnämnden") gives no district;
* a cue in one sentence, then "Insatser som" ⏎ "…," ⏎ "har inte prioriterats.": running
  prose, no list of criteria;
* a numbered decision "2. … fastställer fokusområden …" over "3. …", "4. …": the next
  decisions, no focus areas;
* sentences that run on from the cue ("… de kriterier som" ⏎ "… . Enligt" ⏎ "dessa ska ett
  projekt") to a lettered list under them;
* priorities parted by semicolons after the cue's colon;
* a header word broken over two lines ("Del-" over "tagare") and a group's label set over
  two money columns ("Belopp (kr)" over "sökt" and "förslag");
* "… för en studieresa till <Ort>" in an application's att-sats: the trip named as printed,
  its heading's "(MUL)" no part of the name;
* a points table ("Poäng" over "K1 K2 K3 K4  Σ"): the points are no money;
* owner-headed paragraphs of trips ("<District>. Tre socialsekreterare vill besöka <X> för
  att …"): each trip named by where it goes; one paragraph told otherwise between them does
  not end the run;
* a numbered item "N. Name, <District> stadsdelsförvaltning. 250 000 kr.": the owner that
  ends the sentence before the sum is no part of the name;
* a payment plan beside the grants ("1:a utbet." over "mars 2014", "2:a utbet." over "okt
  2014¹"): the instalments are no grants, and a footnote's mark after a header's year keeps
  the header's second line.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_mm import DISTRICT_HEAD
from test_extract_round_nn import KS_HEAD

from pipeline.records import Facts


def _projects(f: Facts) -> dict[str, tuple[tuple[str, ...], int | None]]:
    return {
        p.name: (tuple(sorted(d.name_as_printed for d in p.districts)), p.amount_sek)
        for p in f.projects
    }


def test_a_units_heading_does_not_take_the_row_of_the_project_that_names_it_best(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2016, title="Verksamhetsberättelse 2015 för biblioteken")
        + """
Verksamheten

Stadsarkivet
Stadsarkivet tog emot 9 000 besökare under året.

Projekt med extern finansiering

Förvaltningen har drivit följande projekt med extern finansiering.

Projekt                 Ansvarig enhet     Finansiär           Bidrag 2015, kr

Läsglädje i förskolan   Stadsarkivet       Statens kulturråd          310 000
Jobbsök på              Stadsarkivet       Europeiska                 940 000
stadsarkivet                               socialfonden

Läsglädje i förskolan
Projektet genomförs tillsammans med Farsta stadsdelsförvaltning.

Jobbsök på stadsarkivet
Projektet har drivits med Bromma stadsdelsförvaltning och avslutades
i december 2015.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Jobbsök på stadsarkivet"][1] == 940_000
    assert got.get("Stadsarkivet", ((), None))[1] is None  # the unit's heading takes no row


def test_a_study_label_whose_name_wraps_above_its_first_sentence(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2005, title="Stadsövergripande studier 2006")
        + """
Studierna

Stadsledningskontoret föreslår att följande studier genomförs.

Studie 1. Barn som bor i jourhem längre än sex
månader
Studien kartlägger hur länge barn bor i jourhem och varför.
Beräknad kostnad 700 tkr.

Studie 2. Äldre med hemtjänst och ensamhet i
ytterstaden
Studien beskriver hur ensamhet bland äldre med hemtjänst kan mätas.
Beräknad kostnad 450 tkr.
"""
    )
    names = set(_projects(facts_of(tmp_path, text)))
    assert "Barn som bor i jourhem längre än sex månader" in names
    assert "Äldre med hemtjänst och ensamhet i ytterstaden" in names


def test_slides_with_a_title_over_its_owner_and_sum(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2011, title="Redovisning av lokala utvecklingsprojekt 2010")
        + """
Bilaga 1. Bilder från redovisningsdagen


    Samtal med pappor i förskolan

    Kungsholmen
    Beviljat: 260 tkr

    • Tio pappagrupper under året


    Läxstöd på fritidsgården

    Farsta (medsökande Skarpnäck)
    Beviljat: 310 tkr

    • 45 elever deltog
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Samtal med pappor i förskolan"] == (("Kungsholmen",), 260_000)
    assert got["Läxstöd på fritidsgården"] == (("Farsta", "Skarpnäck"), 310_000)


def test_a_reports_numbered_parts_are_no_projects(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2013, title="Slutrapport – Tidigt stöd i skolan")
        + """
1. Bakgrund

Projektet Tidigt stöd i skolan beviljades 380 000 kronor i lokala
utvecklingsmedel för 2012.

4. Genomförande

Två skolkuratorer arbetade i projektet. Ett studiebesök i Malmö
kostade 14 000 kronor.

6. Ekonomisk redovisning

Projektets budget var 520 000 kronor, varav 380 000 kronor lokala
utvecklingsmedel.
"""
    )
    names = set(_projects(facts_of(tmp_path, text)))
    assert "Genomförande" not in names
    assert "Ekonomisk redovisning" not in names


def test_an_applications_numbered_part_over_its_fields_is_no_project(tmp_path: Path) -> None:
    text = """SOCIALTJÄNSTFÖRVALTNINGEN                                ANSÖKAN
                                                         2005-03-01

Ansökan om utvecklingsmedel för vården av unga vuxna 2005–2006


1. Sökande

Organisation          Stockholms stad, Socialtjänstnämnden
Projektägare          Socialtjänstförvaltningen
Kontaktperson         Eva Exempel

2. Bakgrund

Socialtjänstnämnden söker 900 000 kronor för att pröva en samordnad
vårdkedja i söderort.
"""
    names = set(_projects(facts_of(tmp_path, text)))
    assert "Sökande" not in names


def test_a_nämnds_own_calls_state_criteria(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2019, title="Verksamhetsbidrag till föreningar 2020")
        + """
Bedömning

Verksamhetsbidrag lämnas till föreningens löpande verksamhet med högst
100 000 kronor per förening.

Vid bedömningen av ansökningarna för 2020 prioriteras föreningar som

-  ordnar läxhjälp för barn i stadsdelsområdet,
-  bjuder in äldre till gemensamma måltider,
-  arbetar med unga som inte deltar i annan fritidsverksamhet.
"""
    )
    texts = [c.text for c in facts_of(tmp_path, text).criteria]
    assert texts == [
        "ordnar läxhjälp för barn i stadsdelsområdet",
        "bjuder in äldre till gemensamma måltider",
        "arbetar med unga som inte deltar i annan fritidsverksamhet",
    ]


def test_another_municipalitys_utvecklingsmedel_criteria(tmp_path: Path) -> None:
    text = """SUNDSBERGS KOMMUN                                   PROTOKOLLSUTDRAG
Omsorgsnämndens arbetsutskott                       Sida 1 (2)

Sammanträdesdatum: 2018-03-06


§ 21     Fördelning av utvecklingsmedel 2018

Beslut

Omsorgsnämndens arbetsutskott beslutar

1. att bevilja Föreningen Kvällsljus 150 000 kronor för projektet
   Nattcafé i centrum,

2. att avslå övriga ansökningar.


Ärendebeskrivning

Ansökningarna har bedömts utifrån nämndens kriterier för utvecklings-
medel. Enligt kriterierna ska insatsen

-  nå barn eller unga som riskerar att fara illa,
-  genomföras tillsammans med en förening,
-  följas upp med mätbara mål.

Ansökningar prioriteras om de

-  når flickor,
-  pågår under sommarlovet.
"""
    f = facts_of(tmp_path, text)
    texts = [c.text for c in f.criteria]
    assert "nå barn eller unga som riskerar att fara illa" in texts
    assert "genomföras tillsammans med en förening" in texts
    assert "når flickor" in texts


def test_what_a_member_moves_is_not_granted(tmp_path: Path) -> None:
    text = """SUNDSBERGS KOMMUN                                   PROTOKOLLSUTDRAG
Omsorgsnämndens arbetsutskott                       Sida 1 (2)

Sammanträdesdatum: 2018-03-06


§ 22     Fördelning av utvecklingsmedel 2018, andra omgången

Beslut

Omsorgsnämndens arbetsutskott beslutar

1. att bevilja Föreningen Kvällsljus 150 000 kronor för projektet
   Nattcafé i centrum,

2. att avslå ansökan från Studiecirkeln Väst om medel för projektet
   Surfplatta för nybörjare.


Yrkanden

Karin Exempel (M) yrkar att beslutspunkt 2 ändras så att Studiecirkeln
Väst beviljas 60 000 kronor för projektet Surfplatta för nybörjare.
"""
    f = facts_of(tmp_path, text)
    assert not [p for p in f.projects if p.status == "beviljad" and p.amount_sek == 60_000]
    assert not [a for a in f.amounts if a.sek == 60_000 and a.kind == "project_cost"]


def test_socialnamnden_as_the_responsible_namnd_of_a_row(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2016, title="Medel för social hållbarhet 2016")
        + """
Fördelning

Tabell 1. Pilotprojekt 2016

Projekt                          Ansvarig nämnd            Sökt, kr   Beviljas, kr

Familjestöd i                    Farsta                     820 000        800 000
Hökarängen
Stödboende för unga efter        Socialnämnden              640 000        640 000
placering
Läsfrämjande i                   Kulturnämnden              300 000        250 000
Husby
Summa                                                     1 760 000      1 690 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Stödboende för unga efter placering"][0] == ("Socialförvaltningen",)
    assert got["Läsfrämjande i Husby"][0] == ()
    assert got["Familjestöd i Hökarängen"][0] == ("Farsta",)


def test_a_clause_of_running_prose_after_the_cue_is_no_list(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2018, title="Medel för trygghetsinsatser 2018")
        + """
Ärendet

Stadsledningskontoret har bedömt ansökningarna utifrån hur väl de
bygger på lokala lägesbilder och om de följs upp. Insatser som
ersätter ordinarie verksamhet, till exempel öppen fritidsverksamhet,
har inte prioriterats.
"""
    )
    assert not facts_of(tmp_path, text).criteria


def test_a_numbered_decision_that_sets_focus_areas_has_no_list_of_them(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Inriktning för FoU-medel 2025").replace(
            "1. Socialnämnden beviljar medel enligt förvaltningens förslag.\n",
            "1. Socialnämnden godkänner inriktningen för lokala utvecklingsmedel 2025.\n"
            "2. Socialnämnden fastställer fokusområden för stadsövergripande\n"
            "   forsknings- och utvecklingsmedel (FUM) 2025.\n"
            "3. Ärendet delges samtliga stadsdelsnämnder.\n"
            "4. Förvaltningen redovisar fördelningen för nämnden i mars 2025.\n",
        )
        + """
Fokusområden

Förvaltningen föreslår följande fokusområden för FUM 2025:

• Unga vuxna i långvarigt ekonomiskt bistånd
• Äldre med missbruk
"""
    )
    texts = [c.text for c in facts_of(tmp_path, text).criteria]
    assert texts == ["Unga vuxna i långvarigt ekonomiskt bistånd", "Äldre med missbruk"]


def test_criteria_announced_in_sentences_that_run_on_to_a_lettered_list(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2012, title="Lokala utvecklingsmedel 2013")
        + """
Bedömning

Förvaltningen har prövat ansökningarna mot de kriterier som
nämnden beslutade om i FoU-planen för 2013. Enligt
dessa ska ett projekt

a) nå barn i familjer med ekonomiskt bistånd,
b) ha en plan för uppföljning,
c) kunna spridas till andra stadsdelar.
"""
    )
    texts = [c.text for c in facts_of(tmp_path, text).criteria]
    assert texts == [
        "nå barn i familjer med ekonomiskt bistånd",
        "ha en plan för uppföljning",
        "kunna spridas till andra stadsdelar",
    ]


def test_priorities_parted_by_semicolons_after_a_colon(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2015, title="Redovisning av studiebesök 2015")
        + """
Inriktning för studiebesök 2015

Nämnden beslutade i FoU-planen att studiebesök som rör något av
följande teman särskilt kan prioriteras: hemlöshet bland unga;
samverkan med skolan; stöd till anhöriga.
"""
    )
    texts = [c.text for c in facts_of(tmp_path, text).criteria]
    assert texts == ["hemlöshet bland unga", "samverkan med skolan", "stöd till anhöriga"]


def test_a_header_word_broken_over_two_lines_and_a_group_label_over_two_columns(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2016, title="Medel för studiebesök 2016")
        + """
Tabell 1. Ansökningar om medel för studiebesök 2016

                                                       Del-     Belopp (kr)
Förvaltning           Resmål och tema                  tagare   sökt       förslag
Farsta                Bergen - brukarråd i                3     21 800     20 000
                      socialpsykiatrin
Bromma                Oslo - skolsocialt                  4     18 000     18 000
                      arbete
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert got["Bergen - brukarråd i socialpsykiatrin"] == (("Farsta",), 20_000)
    assert got["Oslo - skolsocialt arbete"] == (("Bromma",), 18_000)
    assert not [a for a in f.amounts if a.sek in (3, 4, 3000, 4000)]


def test_a_study_trip_applied_for_in_an_att_sats_as_printed(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(
            year=2024, title="Ansökan om medel för utveckling och lärande 2025"
        ).replace(
            "1. Stadsdelsnämnden godkänner förvaltningens ansökan om medel för\n"
            "studiebesök enligt detta tjänsteutlåtande.\n",
            "1. Stadsdelsnämnden godkänner förvaltningens ansökan om medel för\n"
            "   utveckling och lärande (MUL) för en studieresa till Trondheim om\n"
            "   19 500 kronor.\n",
        )
        + """
Studieresa till Trondheim (MUL)

Tre socialsekreterare ska studera kommunens arbete med unga i
skolan. Kostnaden är 19 500 kronor för resa och logi.
"""
    )
    trip = next(p for p in facts_of(tmp_path, text).projects if "Trondheim" in p.name)
    assert trip.name == "Studieresa till Trondheim"
    assert (trip.amount_sek, trip.status) == (19_500, "ansökt")
    assert [d.district_id for d in trip.districts] == ["skarpnack"]


def test_a_points_table_with_a_column_per_criterion(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2001, title="Lokala utvecklingsmedel 2001")
        + """
Tabell 1. Poängbedömning av ansökningar 2001

                                               Poäng               Sökt     Förslag
Stadsdel      Projekt                       K1 K2 K3 K4  Σ          kr          kr
-----------------------------------------------------------------------------------
Farsta        Läxhjälp för unga               3  2  3  2  10     210 000     190 000
              i Hökarängen
Bromma        Stöd till anhöriga              2  3  2  3  10     160 000     160 000
Vantör        Boendestöd för unga             1  2  1  1   5     240 000          -
-----------------------------------------------------------------------------------
Summa                                                          610 000     350 000
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert got["Läxhjälp för unga i Hökarängen"] == (("Farsta",), 190_000)
    assert got["Stöd till anhöriga"] == (("Bromma",), 160_000)
    assert not [a for a in f.amounts if a.sek < 100]  # the points are no money


def test_owner_headed_trip_paragraphs_named_by_where_they_go(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2003, title="Medel för studiebesök 2003")
        + """
Ansökningar och förvaltningens förslag

Bromma stadsdelsförvaltning. Tre socialsekreterare vid barn- och ungdoms-
enheten vill besöka Aalborg kommun för att studera familjeråd. Kostnaden
beräknas till 6 500 kr per deltagare. Förvaltningen föreslår 19 500 kr.

Farsta och Skarpnäck ansöker gemensamt om en resa där fem deltagare ska
ta del av arbetet med unga. Förvaltningen föreslår 35 000 kr.

Kungsholmens stadsdelsförvaltning. Två fältassistenter ansöker om besök hos
fältgruppen i Bergsjön, Göteborg, för att studera samverkan med skolan.
Sökt belopp 8 200 kr. Förvaltningen föreslår att ansökan beviljas.

Norrmalms stadsdelsförvaltning. Fyra medarbetare vill studera Tammerfors
stads bostadsrådgivning, som arbetar med unga vuxna. Kostnad 24 000 kr.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Aalborg kommun"][1] == 19_500
    assert got["Fältgruppen i Bergsjön, Göteborg"][1] == 8_200
    assert got["Tammerfors stads bostadsrådgivning"][1] == 24_000


def test_a_numbered_item_whose_owner_ends_a_sentence_before_the_sum(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2000, title="Lokala utvecklingsprojekt 2000")
        + """
Förvaltningens förslag

Förvaltningen föreslår att följande projekt beviljas medel år 2000.

1. Samtalsgrupper för barn i familjer med missbruk,
Farsta stadsdelsförvaltning. 250 000 kr.

2. Stöd till unga vuxna i eget boende, Maria-Gamla
stans stadsdelsförvaltning. 180 000 kr.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert got["Samtalsgrupper för barn i familjer med missbruk"][1] == 250_000
    assert got["Stöd till unga vuxna i eget boende"][1] == 180_000


def test_a_payment_plan_beside_the_grants_with_a_footnoted_header(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2013, title="Lokala utvecklingsmedel 2014")
        + """
Tabell 1. Förslag till fördelning och utbetalningsplan 2014 (kr)

Nr  Projekt                    Projektägare       Förslag   1:a utbet.  2:a utbet.
                                                     2014   mars 2014   okt 2014¹

1   Läxstöd för unga i         Farsta             300 000     180 000     120 000
    Hökarängen
2   Stöd till anhöriga         Bromma             250 000     150 000     100 000

    Summa                                         550 000     330 000     220 000

¹ Den andra utbetalningen görs när delrapporten har godkänts.
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert got["Läxstöd för unga i Hökarängen"] == (("Farsta",), 300_000)
    assert got["Stöd till anhöriga"] == (("Bromma",), 250_000)
    assert sorted(a.kind for a in f.amounts if a.sek == 180_000) == ["other"]
