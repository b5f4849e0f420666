"""Fifty-first session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* a trip table whose two-line header names its last column above only ("Förslag"), with
  time columns ("Planerad tid", "Ny tidpunkt") and verdict words "Medges"/"Återbetalas";
* a "Förvaltning/projekt" table with each owner at the margin over its projects set in,
  a co-applicant's line in brackets under one owner, "Summa <district>" subtotals and rules
  between the groups;
* a follow-up table of measures ("Insats | Finansiering | Budget | Utfall");
* a press cutting's fact box: names with their club after a comma and two or three leader
  dots before the sum;
* items "Name, Owner stadsdelsförvaltning i samarbete med <research body>" whose text
  tells what the partner does; studies named by number in the prose under a table, and a
  researcher printed before the organisation;
* a study table "Kostnad (tkr)" over "Hela perioden | Varav 2006" under "Pågående studier",
  and study blocks of aligned "Utförare:/Period:/Stadsdelar:/Kostnad:" fields;
* a call's demands table ("Krav i utlysningen") grouped as "Ska-krav"/"Bör-krav", criteria
  with "Exempel:" sub-points, and focus areas as headings after "… följande fyra
  fokusområden. Under varje område …".
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD


def test_trip_table_with_a_last_column_named_above_only(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Studiebesök 2006 som skjuts upp")
        + """
Tabell 1. Studiebesök som inte genomförts

                                           Beviljat   Planerad  Ny          Förslag
Stadsdelsnämnd  Resmål och syfte                 kr   tid       tidpunkt

Bromma          Åbo: mottagning för unga     21 000   okt 2006  mars 2007   Medges
                vuxna
Farsta          Riga: stöd till              26 000   nov 2006  –           Återbetalas
                familjehem

Summa                                        47 000
"""
    )
    got = {p.name: (p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Åbo: mottagning för unga vuxna": (21000, "beviljad"),
        "Riga: stöd till familjehem": (26000, None),
    }


def test_owners_at_the_margin_over_their_projects(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2009, title="Fördelning av lokala utvecklingsmedel 2009")
        + """
Tabell 1. Förslag per förvaltning

Förvaltning/projekt                               Medsökande        Belopp, kr
==============================================================================
Bromma stadsdelsförvaltning
   Samtalsgrupper för syskon till
   barn med funktionsnedsättning                                       240 000
   Digital kontakt med socialsekreterare          Kungsholmen          160 000
   Summa Bromma                                                        400 000
------------------------------------------------------------------------------
Farsta stadsdelsförvaltning
(medsökande Skarpnäcks stadsdelsförvaltning)
   Gemensam mottagning för unga vuxna                                  300 000
   Summa Farsta                                                        300 000
==============================================================================
Totalt                                                                 700 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, sorted(d.district_id for d in p.districts)) for p in f.projects}
    assert got == {
        "Samtalsgrupper för syskon till barn med funktionsnedsättning": (240000, ["bromma"]),
        "Digital kontakt med socialsekreterare": (160000, ["bromma", "kungsholmen"]),
        "Gemensam mottagning för unga vuxna": (300000, ["farsta", "skarpnack"]),
    }
    totals = sorted(a.sek for a in f.amounts if a.kind == "total_granted")
    assert totals == [300000, 400000, 700000]  # (the subtotals and the table's total)


def test_follow_up_table_of_measures(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Lägesbild trygghetsinsatser 2019")
        + """
Fyra insatser 2019

Insats                           Finansiering           Budget          Utfall
                                                           tkr    jan–jun, tkr

Fältgrupp kvällstid              KS trygghetsmedel         900             410
Belysning i gångtunnlar          KS trygghetsmedel         650             120
Sommarjobb för unga              Egna medel              1 200             300
Föräldrastöd i grupp             Statsbidrag               480             200

Summa                                                    3 230           1 030
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Fältgrupp kvällstid": 900000,
        "Belysning i gångtunnlar": 650000,
        "Sommarjobb för unga": 1200000,
        "Föräldrastöd i grupp": 480000,
    }


def test_fact_box_with_short_leaders_and_clubs_after_the_names(tmp_path: Path) -> None:
    text = """PRESSKLIPP                                   Farsta stadsdelsförvaltning

Nämnden delade ut pengar till unga

Farsta stadsdelsnämnd delade i går ut 330 000 kronor till fyra projekt för unga.

FAKTA / Så fördelades pengarna

Sommarcupen i Hökarängen, IK Hökarna ........ 90 000 kr
Läxhjälp i Fagersjö, Fagersjö föräldraförening ... 70 000 kr
Dans för tjejer, Föreningen Steg i Farsta .. 80 000 kr
Filmklubb för unga .............................. 90 000 kr

Summa: 330 000 kr
"""
    got = {p.name: (p.amount_sek, p.performer) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Sommarcupen i Hökarängen": (90000, "IK Hökarna"),
        "Läxhjälp i Fagersjö": (70000, "Fagersjö föräldraförening"),
        "Dans för tjejer": (80000, "Föreningen Steg i Farsta"),
        "Filmklubb för unga": (90000, None),
    }


def test_partner_who_carries_the_study_out(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2015, title="Lokala utvecklingsmedel 2015")
        + """
Förvaltningen föreslår att följande projekt beviljas medel.

1. Bedömningsstöd i utredningar, Bromma stadsdels-
   förvaltning i samarbete med Institutionen för socialt arbete
   vid Högskolan i Norrvik - 350 000 kronor
   Enheten prövar ett bedömningsstöd. Institutionen genomför
   utvärderingen och jämför utredningarna före och efter.

2. Anhörigstöd vid spelproblem, Farsta stadsdelsförvaltning i
   samarbete med Skarpnäcks stadsdelsförvaltning och Beroende-
   mottagningen Syd - 280 000 kronor
   Grupperna leds av socialsekreterare från de två stadsdelarna.

3. Brukarråd i boendestödet, Vantörs stadsdelsförvaltning i
   samarbete med Brukarföreningen Bron - 300 000 kronor
   Brukarföreningen Bron utbildar brukarrevisorer som genomför
   granskningarna.
"""
    )
    got = {
        p.name: (p.performer, sorted(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got["Bedömningsstöd i utredningar"] == (
        "Institutionen för socialt arbete vid Högskolan i Norrvik",
        ["bromma"],
    )
    assert got["Anhörigstöd vid spelproblem"] == (None, ["farsta", "skarpnack"])
    assert got["Brukarråd i boendestödet"] == ("Brukarföreningen Bron", ["vantor"])


def test_studies_named_by_number_and_researchers_before_their_organisation(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2008, title="Studier som föreslås beställas 2008")
        + """
Tabell 1. Studier 2008

Nr  Studie                                  Område            Klar      Kostnad,
                                                                             tkr
--------------------------------------------------------------------------------
1   Unga vuxna i hyreskontrakt              Boende            dec 2009       420
2   Barn i tillfälliga boenden              Hemlöshet         jun 2009       380
3   Äldre med missbruk i hemtjänsten        Missbruk          mar 2010       510
    Summa                                                                  1 310

Studierna 1 och 2 har upphandlats gemensamt. Uppdraget har tilldelats
Norrvik Utredning AB. Studie 3 utförs av Institutionen för
socialt arbete vid Högskolan i Västerby, som har studerat frågan tidigare.

Tabell 2. Pågående studie

Studie                          Utförare                        Kostnad, tkr
Kontaktpersoner för unga        Docent Lena Berg Institutet            300
                                för familjeforskning
"""
    )
    got = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Unga vuxna i hyreskontrakt": "Norrvik Utredning AB",
        "Barn i tillfälliga boenden": "Norrvik Utredning AB",
        "Äldre med missbruk i hemtjänsten": (
            "Institutionen för socialt arbete vid Högskolan i Västerby"
        ),
        "Kontaktpersoner för unga": "Institutet för familjeforskning",
    }


def test_whole_period_cost_and_ongoing_studies_and_field_blocks(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="FoU-studier 2006–2008")
        + """
Pågående studier

Tabell 1. Pågående studier

                                                                       Kostnad (tkr)
Studie                        Utförare                    Period       Hela        Varav
                                                                       perioden    2006
Skuldsatta hushåll med barn   Analysbyrån Väst AB         2005–2007    1 100         500
Unga i öppenvården            Högskolan i Västerby        2005–2007      900         400
Summa                                                                  2 000         900


Nya studier

Studie 1. Hemtjänst för äldre med demens

Utförare:      Institutet för äldrestudier, Högskolan i Västerby
Period:        maj 2006 – juni 2008
Stadsdelar:    Bromma och Farsta
Kostnad:       800 tkr för hela perioden, varav 300 tkr under 2006

Studien ska beskriva hur hemtjänsten möter äldre med demens.
"""
    )
    got = {
        p.name: (p.amount_sek, p.status, p.performer, sorted(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got["Skuldsatta hushåll med barn"][:2] == (1100000, "pågående")
    assert got["Unga i öppenvården"][:2] == (900000, "pågående")
    assert got["Hemtjänst för äldre med demens"] == (
        800000,
        "beviljad",
        "Institutet för äldrestudier, Högskolan i Västerby",
        ["bromma", "farsta"],
    )


def test_demands_table_examples_and_headed_focus_areas(tmp_path: Path) -> None:
    demands = (
        HEAD.format(year=2018, title="Ansökan om lokala utvecklingsmedel 2019")
        + """
Tabellen visar utlysningens krav och hur ansökan uppfyller dem.

Krav i utlysningen                   Så uppfyller ansökan kravet
------------------------------------------------------------------------
Ska-krav

Projektet ska ha en plan för         Planen finns i bilaga 1.
uppföljning.

Ansökan ska vara godkänd av          Ansökan godkänns av nämnden
förvaltningens ledning.              den 20 september.

Bör-krav

Projektet bör omfatta flera          Farsta är medsökande.
förvaltningar.
------------------------------------------------------------------------
"""
    )
    got = [(c.kind, c.position, c.text) for c in facts_of(tmp_path, demands).criteria]
    assert got == [
        ("criterion", 1, "Projektet ska ha en plan för uppföljning."),
        ("criterion", 2, "Ansökan ska vara godkänd av förvaltningens ledning."),
        ("priority", 1, "Projektet bör omfatta flera förvaltningar."),
    ]
    examples = (
        HEAD.format(year=2025, title="Kriterier för lokala utvecklingsmedel 2026")
        + """
Kriterier för lokala utvecklingsmedel 2026

Ansökningarna bedöms utifrån följande tre kriterier. Under varje
kriterium ges exempel på hur en ansökan kan visa att det är uppfyllt.

1. Projektet ger kunskap som kan användas i flera stadsdelar.
   Exempel:
   – arbetssättet kan spridas till andra förvaltningar
     inom staden
2. Projektet bygger på bästa tillgängliga kunskap.
   Exempel:
   – ansökan hänvisar till forskning
3. Projektet har en plan för uppföljning.
"""
    )
    sub = tmp_path / "b"
    sub.mkdir()
    got = [c.text for c in facts_of(sub, examples).criteria]
    assert got == [
        "Projektet ger kunskap som kan användas i flera stadsdelar.",
        "Projektet bygger på bästa tillgängliga kunskap.",
        "Projektet har en plan för uppföljning.",
    ]
    areas = (
        HEAD.format(year=2012, title="Fokusområden för stadsövergripande FoU-medel 2013")
        + """
Fokusområden 2013

De studier som beställs under 2013 ska rymmas inom följande tre fokusområden.
Under varje område beskrivs vad förvaltningen vill veta mer om.

Unga som lämnar samhällsvård

Många unga som lämnar en placering saknar stöd. Förvaltningen vill veta
mer om vad som hjälper dem.

Äldre med psykisk ohälsa

Kunskapen om hur hemtjänsten och psykiatrin samarbetar är liten.

Barnfamiljer i trångboddhet

Förvaltningen vill studera hur trångboddhet påverkar barnen.

Kostnader

Studierna får kosta högst 600 000 kronor var.
"""
    )
    sub2 = tmp_path / "c"
    sub2.mkdir()
    got = [(c.kind, c.text) for c in facts_of(sub2, areas).criteria]
    assert got == [
        ("focus_area", "Unga som lämnar samhällsvård"),
        ("focus_area", "Äldre med psykisk ohälsa"),
        ("focus_area", "Barnfamiljer i trångboddhet"),
    ]


def test_instalment_columns_and_run_in_paragraphs_of_the_same_projects(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=1998, title="Tvååriga lokala utvecklingsmedel 1998–1999")
        + """
Stadsdel          Projekt                         Beviljas      1:a delen     2:a delen
                                                  1998-1999     mars 1998     febr 1999
Bromma            Samtalsgrupper för pappor       300 000       160 000       140 000
Vantör            Stöd till unga i eget           260 000       130 000       130 000
                  boende
Summa                                             560 000       290 000       270 000

Kommentarer till förslaget

Samtalsgrupper för pappor, Bromma. Projektet prövar grupper för pappor
till barn i förskoleåldern.

Stöd till unga i eget boende, Vantör med Farsta som medsökande. Projektet
drivs gemensamt av de två stadsdelsförvaltningarna.
"""
    )
    got = {
        p.name: (p.amount_sek, sorted(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Samtalsgrupper för pappor": (300000, ["bromma"]),
        "Stöd till unga i eget boende": (260000, ["farsta", "vantor"]),
    }


def test_group_heading_and_owner_after_drivs_av_and_a_follower_after_the_name(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2011, title="Lokala utvecklingsmedel 2012")
        + """
Nya projekt

Förvaltningen föreslår att två nya projekt beviljas medel.

Mentorer för unga i Bagarmossen drivs av Skarpnäcks
stadsdelsförvaltning med Farsta som medsökande. Projektet har sökt
500 000 kronor. Förvaltningen föreslår 450 000 kronor.

Projektet Mentorer för unga i Bagarmossen följs av FoU-enheten, som
skriver slutrapporten.
"""
    )
    got = {
        p.name: (p.amount_sek, sorted(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {"Mentorer för unga i Bagarmossen": (450000, ["farsta", "skarpnack"])}


def test_a_report_s_cost_breakdowns_in_a_bilaga_and_a_cancelled_trip(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021, title="Redovisning av lokala utvecklingsmedel 2020")
        + """
Redovisning per projekt

Familjestöd via video

Projektet har erbjudit familjer samtal via video och avslutades i
december 2020. Projektet beviljades 300 000 kronor, som har förbrukats.


Studieresa till Tammerfors

Förvaltningen beviljades 45 000 kronor för att fyra medarbetare skulle
besöka Tammerfors. Resan planerades till maj 2020 men ställdes in på
grund av pandemin. Hela beloppet betalas tillbaka.


Bilaga 2. Ekonomisk redovisning per projekt (kronor)

Familjestöd via video
  Projektledning                                         210 000
  Utvärdering, Analysbyrån Norr AB                        90 000
  Summa förbrukat                                        300 000
"""
    )
    got = {p.name: (p.amount_sek, p.status) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Familjestöd via video": (300000, "genomförd"),
        "Studieresa till Tammerfors": (45000, "beviljad"),
    }


def test_researchers_marked_for_footnotes_that_name_their_organisation(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2024, title="Årsrapport för stadsövergripande studier 2024")
        + """
Tabell 1. Studier 2024

Nr  Studie                             Forskningsledare    Period     Kostnad, kr
---------------------------------------------------------------------------------
1   Unga i skuld                       Sara Lind¹          2023 -       900 000
                                                           okt 2024
2   Trygghet i centrum                 Omar Ali² och       2024 -     1 200 000
                                       Eva Berg³           jun 2025
3   Väntetider i mottagningen          Pia Holm⁴           2024         300 000
---------------------------------------------------------------------------------
    Summa                                                             2 400 000

____________________
¹ Docent, Institutionen för socialt arbete, Norrviks universitet.
² Fil. dr, Kriminologiska institutionen, Västerby universitet.
³ Fil. dr, Institutet för trygghetsstudier.
⁴ Utredare vid socialförvaltningens FoU-enhet.
"""
    )
    got = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Unga i skuld": "Institutionen för socialt arbete, Norrviks universitet",
        "Trygghet i centrum": (
            "Kriminologiska institutionen, Västerby universitet och Institutet för trygghetsstudier"
        ),
        "Väntetider i mottagningen": None,
    }


def test_a_report_s_trips_under_a_heading_that_says_they_were_made(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2013, title="Redovisning av studiebesök med MUST 2012")
        + """
Bakgrund

Nämnden beviljade två studiebesök med medel för studiebesök (MUST) 2012.

Genomförda studiebesök 2012

Studiebesöken redovisas nedan efter tema.

Barn och unga

Farsta: Åbo – familjeråd i skolan. Tre socialsekreterare besökte i maj
skolkuratorerna i Åbo. Beviljat 21 000 kronor, kostnad 19 800 kronor.

Vuxna

Bromma: Tammerfors – boende för unga vuxna. Två handläggare följde
boendestödet under två dagar. Beviljat 16 000 kronor, kostnad 15 100 kronor.
"""
    )
    got = {p.name: p.status for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Åbo – familjeråd i skolan": "genomförd",
        "Tammerfors – boende för unga vuxna": "genomförd",
    }
