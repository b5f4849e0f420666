"""Blind round g271–g278 (unusual layouts chosen by the writer), on short texts written for
the test: projects under a register-number label with their owner and a quoted name below,
whose texts tell earlier years' grants before this year's; a trip table with a rate column,
a "Sökt totalt" column and sums marked for a footnote; and tables whose caption ("Tabell 2.
Belopp i tkr") stands at the top of a page, with "Beställt" and "Status / klart" columns."""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of

SOTN_TU = """STOCKHOLMS STAD                                  TJÄNSTEUTLÅTANDE
SOCIALTJÄNSTFÖRVALTNINGEN                        1999-09-07
FoU-enheten                                      Dnr 106-611/99
                                                 Sida 1 (3)

FORTSATT FINANSIERING AV UTVECKLINGSPROJEKT ÅR 2000

Förslag till beslut

1. Socialtjänstnämnden beviljar medel till tre utvecklingsprojekt
   med sammanlagt kr 430.000 för år 2000.

"""


def test_register_labels_with_owner_quoted_names_and_earlier_years(tmp_path: Path) -> None:
    text = (
        SOTN_TU
        + """Nedan redovisas projekten var för sig.

Projekt 97:03  Farsta
"Samtalsgrupper för barn i familjer med missbruk"

Projektet har under 1998 och 1999 tilldelats kr 150.000
respektive kr 160.000. Stadsdelsnämnden söker kr 140.000 för år
2000, vilket förvaltningen tillstyrker.

Projekt 97:05  Bromma
"Uppsökande arbete bland äldre med alkoholproblem i
ordinärt boende"

Projektet har tilldelats kr 120.000 år 1998 och kr 130.000 år
1999. Ansökan för år 2000 gäller kr 150.000 och tillstyrks.

Projekt 97:06  Skärholmen
"Arbetsträning för unga vuxna med försörjningsstöd"

Projektet har tilldelats kr 200.000 per år. Förvaltningen föreslår
att projektet beviljas kr 140.000 för år 2000.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Samtalsgrupper för barn i familjer med missbruk": (140_000, ["farsta"]),
        "Uppsökande arbete bland äldre med alkoholproblem i ordinärt boende": (
            150_000,
            ["bromma"],
        ),
        "Arbetsträning för unga vuxna med försörjningsstöd": (140_000, ["skarholmen"]),
    }


def test_a_trip_table_with_a_rate_column_and_sums_marked_for_a_footnote(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0311/2010
                                                 2010-03-09

Medel för studiebesök (MUST) 2010, omgång 1

Förvaltningens förslag till beslut
1. Socialnämnden beviljar medel för studiebesök enligt bilagan.

Bilaga. Förslag till fördelning av MUST, omgång 1 2010

Sökande      Resmål / syfte            Antal   Kostnad    Sökt     Förslag
förvaltning                            delt.   per delt.  totalt
---------------------------------------------------------------------------
Farsta       Göteborgs stad, familje-    4      6 100     24 400    24 400
             centralernas öppna
             förskola
Skarpnäck    Bergen kommune, barne-      5      7 600     38 000    30 000*
             vernets akutteam
---------------------------------------------------------------------------
Summa                                          9       62 400    54 400

* Förslaget avser högsta beviljningsbara belopp.
"""
    f = facts_of(tmp_path, text)
    got = {p.name: p.amount_sek for p in f.projects}
    assert got == {
        "Göteborgs stad, familjecentralernas öppna förskola": 24_400,
        "Bergen kommune, barnevernets akutteam": 30_000,
    }
    sums = {a.sek for a in f.amounts}
    assert 6_100 not in {p.amount_sek for p in f.projects}  # a rate per participant
    assert {38_000, 30_000} <= sums


def test_a_caption_at_the_top_of_a_page_gives_its_table_the_unit(tmp_path: Path) -> None:
    text = """Stadsledningskontoret                            Tjänsteutlåtande
                                                 Dnr 325-0188/2014
                                                 Sida 1 (3)
                                                 2014-02-11

Stadsövergripande FoU-studier 2014

Förslag till beslut
1. Kommunstyrelsen beställer de studier som anges i tabell 2.

Bakgrund
Stadsledningskontoret beställer varje år studier om socialtjänsten.
\f
                                                    Sida 2 (3)
Tabell 1. Belopp i tkr

Studie                       Utförare            Beställt  Utfall   Status /
                                                 2013      2013     klart
-----------------------------------------------------------------------------
Placerade tonåringars        Stockholms          640,0     640,0    Klar
skolgång                     universitet                            dec 2013
Hemlöshet bland äldre        Ersta Sköndal       450,0     220,0    Pågår
                             högskola
-----------------------------------------------------------------------------
Summa                                            1 090,0   860,0
\f
                                                    Sida 3 (3)
Tabell 2. Belopp i tkr

Studie                       Utförare            Kostnad    Klart
-------------------------------------------------------------------
Skolfrånvaro och             Karolinska          815,0      juni 2015
socialtjänst                 institutet
-------------------------------------------------------------------
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got["Skolfrånvaro och socialtjänst"][0] == 815_000
    assert got["Placerade tonåringars skolgång"] == (640_000, "genomförd")
    assert got["Hemlöshet bland äldre"] == (450_000, "pågående")


def test_a_study_column_that_prints_its_performer_on_a_labelled_line(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.2.1-0099/2024
                                                 2024-02-06

Stadsövergripande studier (FUM) 2024

Förvaltningens förslag till beslut
1. Socialnämnden godkänner redovisningen av pågående studier.

Studier som pågår

Studie / utförare                 Kostnad      Klar
---------------------------------------------------
A. Unga i kriminella miljöer     1 200 000    dec 2024
   Utförare: Malmö universitet
---------------------------------------------------
B. Familjehem för tonåringar       640 000    maj 2025
   Utförare: Ersta Sköndal
   Bräcke högskola
---------------------------------------------------
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.performer, p.amount_sek) for p in f.projects}
    assert got == {
        "Unga i kriminella miljöer": ("Malmö universitet", 1_200_000),
        "Familjehem för tonåringar": ("Ersta Sköndal Bräcke högskola", 640_000),
    }


def test_what_remains_is_money_to_distribute(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0201/2016
                                                 2016-03-08

Medel för studiebesök (MUST) 2016

Förvaltningens förslag till beslut
1. Socialnämnden beviljar medel för studiebesök med sammanlagt 113 000 kronor.

Ekonomi
Förslaget innebär att 67 000 kronor återstår för en andra ansökningsomgång.
Efter vårens fördelning kvarstår därmed 67 000 kronor av årets medel.
"""
    kinds = [a.kind for a in facts_of(tmp_path, text).amounts if a.sek == 67_000]
    assert kinds == ["budget", "budget"]


def test_items_whose_first_line_is_the_applicant_over_labelled_costs(tmp_path: Path) -> None:
    text = """Socialförvaltningen                              Tjänsteutlåtande
                                                 Dnr 3.1-0410/2012
                                                 2012-04-17

Medel för studiebesök (MUST) 2012

Förvaltningens förslag till beslut
1. Socialnämnden beviljar medel för studiebesök enligt förslaget.

Ansökningarna

1. Bromma sdf, IFO barn och unga
   Tammerfors – familjecentraler i nya bostadsområden.
   Beräknad kostnad: 5 personer à 6 100 kr = 30 500 kr
   Förslag: 30 500 kr

2. Skärholmens stadsdelsförvaltning, vuxenenheten
   Bergen – lågtröskelboende för kvinnor.
   Beräknad kostnad: 3 personer à 8 000 kr = 24 000 kr
   Förslag: 20 000 kr
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {
        "Tammerfors – familjecentraler i nya bostadsområden": (30_500, ["bromma"]),
        "Bergen – lågtröskelboende för kvinnor": (20_000, ["skarholmen"]),
    }


def test_studies_with_their_fields_in_a_bracket_after_the_name(tmp_path: Path) -> None:
    text = """Stadsledningskontoret                            Tjänsteutlåtande
                                                 Dnr 325-0401/2016
                                                 2016-05-10

Stadsövergripande FoU-studier 2016

Förslag till beslut
1. Kommunstyrelsen beställer de studier som anges i utlåtandet.

De föreslagna studierna

Stadsledningskontoret föreslår att följande studier beställs.
Utförare, tidpunkt för slutrapport och kostnad anges inom parentes.

1.  Skolnärvaro bland placerade barn, med Farsta och Bromma
    stadsdelsförvaltningar som försöksområden (utförare: Malmö
    universitet; slutrapport juni 2017; 560 000 kr).

2.  Äldre med missbruk i hemtjänsten (utförare: Ersta Sköndal
    Bräcke högskola; slutrapport mars 2017; 410 000 kr).
"""
    f = facts_of(tmp_path, text)
    got = {p.name: p for p in f.projects}
    assert set(got) == {"Skolnärvaro bland placerade barn", "Äldre med missbruk i hemtjänsten"}
    school = got["Skolnärvaro bland placerade barn"]
    assert (school.amount_sek, school.performer) == (560_000, "Malmö universitet")
    assert sorted(d.district_id for d in school.districts) == ["bromma", "farsta"]
    assert school.end_date is not None and (school.end_date.year, school.end_date.month) == (
        2017,
        6,
    )
    assert got["Äldre med missbruk i hemtjänsten"].performer == "Ersta Sköndal Bräcke högskola"


def test_a_header_whose_first_column_is_named_on_its_second_line(tmp_path: Path) -> None:
    text = """Farsta stadsdelsförvaltning                      Tjänsteutlåtande
                                                 Dnr 600-311/2009
                                                 2009-09-01

Ansökan om lokala utvecklingsmedel 2010

Förslag till beslut
1. Stadsdelsnämnden ansöker om lokala utvecklingsmedel för två projekt.

Förvaltningen föreslår att nämnden ansöker om medel för följande projekt.

                          Total      Egen           Sökt hos
Projekt                   kostnad    finansiering   socialtjänst-
                                                    nämnden

Läxhjälp i samverkan      360 000     90 000        270 000
med biblioteket
Stöd till unga            410 000    110 000        300 000
föräldrar i Hökarängen

Summa                     770 000    200 000        570 000
"""
    f = facts_of(tmp_path, text)
    got = {p.name: (p.amount_sek, p.status) for p in f.projects}
    assert got == {
        "Läxhjälp i samverkan med biblioteket": (270_000, "ansökt"),
        "Stöd till unga föräldrar i Hökarängen": (300_000, "ansökt"),
    }
