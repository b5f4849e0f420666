"""Forty-eighth session: rules from the rounds opened for them, each on a short text written
for the test (none of the rounds' names or sums):

* a table's performers abbreviated and spelled out in a list of abbreviations
  ("Förkortningar": "KTH/IF      Kungliga tekniska högskolan, Institutionen för …", its
  wrapped line indented under the name) are the names the list gives;
* trips listed under group labels below a heading that introduces them ("Föreslagna
  resor", a note on how sums are written between): each trip's sum is the product of
  "N delt. à X kr = Y kr", not its factor;
* items whose applicant heads them over "Resmål:", "Sökt:" and "Förslag: 3 deltagare x
  8 000 kr = 24 000 kr" lines (the applicant wrapped over two lines);
* an application's fields run together in one paragraph, as an e-service prints them
  ("Projektnamn: … Sökande: … Medsökande: … Utförare: … Belopp: …");
* a table of each funder's part beside the row's "Summa"; an audit's "Delred. | Slutred. |
  Återkrav" columns; "Projekt" over "Förening"; "Projekt och stadsdelsnämnd" with the
  owner under the name; "Delbetalning feb | Delbetalning sep"; "Beräknat 1999" beside
  "Förslag 1998";
* a budget's lines under "Budget, Name" ("Jobbcoach, 50 % i 12 månader   306 000 kr") are
  no projects;
* a trip applied for whose proposal names the applicant again ("föreslog därför att
  Södermalm beviljas 20 000 kronor");
* a project named by its quoted title before what it is ('"Name", en kartläggning av …').
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.acronyms import legend


def test_performers_abbreviated_in_a_table_are_spelled_out_by_the_legend(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2012, title="Stadsövergripande FoU-studier 2012") + (
        """
Följande studier föreslås få medel.

Nr  Studie                              Utförare    Klar          Kostnad kr
1   Skuldsatta hushåll i ytterstaden    UU/SI       dec 2013         510 000
2   Tolkning i barnavårdsutredningar    VärdAn      juni 2013        290 000
3   Äldre med missbruk                  KI-FH       mars 2014        445 000

Förkortningar

UU/SI      Uppsala universitet, Sociologiska
           institutionen
VärdAn     Värdeanalys Norden AB
KI-FH      Karolinska institutet, Institutionen för
           folkhälsovetenskap
"""
    )
    performers = {p.name: p.performer for p in facts_of(tmp_path, text).projects}
    assert performers == {
        "Skuldsatta hushåll i ytterstaden": "Uppsala universitet, Sociologiska institutionen",
        "Tolkning i barnavårdsutredningar": "Värdeanalys Norden AB",
        "Äldre med missbruk": ("Karolinska institutet, Institutionen för folkhälsovetenskap"),
    }


def test_a_legend_entry_is_read_beside_its_key_and_under_its_column() -> None:
    text = "FOU-S = FoU Södertörn\nSKL        Sveriges Kommuner och Landsting\nXY   Ej\n"
    assert legend("FOU-S", text) == "FoU Södertörn"
    assert legend("SKL", text) == "Sveriges Kommuner och Landsting"
    assert legend("Nr", text) is None  # (one capital: no abbreviation)
    assert legend("ABC", text) is None


def test_trips_under_group_labels_below_their_heading_cost_the_product(tmp_path: Path) -> None:
    text = HEAD.format(year=2011, title="Medel för studiebesök (MUST) 2011") + (
        """
Föreslagna resor

Kostnaden anges som antal deltagare gånger kostnad per deltagare.

Äldreomsorg
1. Bromma: Tallinn. Dagverksamhet för personer med demens. 3 delt.
   à 4 100 kr = 12 300 kr
2. Farsta: Bergen. Hemtjänst i egen regi. 2 delt. à 5 250 kr = 10 500 kr

Funktionsnedsättning
3. Skarpnäck: Riga. Daglig verksamhet med praktik. 4 delt. à 3 900 kr =
   15 600 kr
"""
    )
    got = {
        p.name.split(".")[0]: (p.amount_sek, tuple(d.name_as_printed for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Tallinn": (12300, ("Bromma",)),
        "Bergen": (10500, ("Farsta",)),
        "Riga": (15600, ("Skarpnäck",)),
    }


def test_applicant_over_destination_and_calculated_sums(tmp_path: Path) -> None:
    text = HEAD.format(year=2007, title="Medel för studiebesök (MUST) 2007") + (
        """
Ansökningar och förvaltningens förslag

1. Vantörs stadsdelsförvaltning, äldreomsorgen
   Resmål: Tallinn, Estland - hemtjänst på distans
   Sökt:     4 deltagare x 9 200 kr = 36 800 kr
   Förslag:  4 deltagare x 7 000 kr = 28 000 kr

2. Norrmalms stadsdelsförvaltning, med Östermalms
   stadsdelsförvaltning som medsökande
   Resmål: Bergen, Norge - stöd till unga föräldrar
   Sökt:     3 deltagare x 6 100 kr = 18 300 kr
   Förslag:  18 300 kr
"""
    )
    got = {
        p.name: (p.amount_sek, tuple(sorted(d.district_id for d in p.districts)))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Tallinn, Estland - hemtjänst på distans": (28000, ("vantor",)),
        "Bergen, Norge - stöd till unga föräldrar": (18300, ("norrmalm", "ostermalm")),
    }


def test_fields_run_together_in_one_paragraph_are_one_application_each(tmp_path: Path) -> None:
    text = HEAD.format(year=2016, title="Ansökan om lokala utvecklingsmedel 2017") + (
        """
Ansökningar

Ansökan 1. Projektnamn: Stödsamtal för unga pappor Sökande: Farsta
stadsdelsförvaltning, barn och ungdom Medsökande: Skarpnäcks stadsdelsförvaltning
Utförare: Egen regi Period: 2017-01-01 – 2017-12-31 Belopp: 410 000 kr Syfte: Att
pröva samtalsgrupper för pappor under 25 år.

Ansökan 2. Projektnamn: Digital ekonomisk rådgivning Sökande: Farsta
stadsdelsförvaltning, vuxenenheten Utförare: Rådgivarna Syd AB Period: 2017
Belopp: 260 000 kr Syfte: Att erbjuda budgetrådgivning via video.
"""
    )
    got = {
        p.name: (
            p.amount_sek,
            p.performer,
            tuple(sorted(d.district_id for d in p.districts)),
        )
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Stödsamtal för unga pappor": (410000, None, ("farsta", "skarpnack")),
        "Digital ekonomisk rådgivning": (260000, "Rådgivarna Syd AB", ("farsta",)),
    }


def test_funders_parts_beside_the_sum_and_audit_columns(tmp_path: Path) -> None:
    text = HEAD.format(year=2009, title="Verksamhetsberättelse 2008") + (
        """
Tabell 2. Projektens finansiering 2008, tkr

Projekt                               Kommunerna  Regionen   Övriga     Summa
Läsombud i hemtjänsten                     140        60          –       200
Stöd till anhöriga                          90         –         35       125

Tabell 3. Granskade bidrag 2008

Projekt                                 Beviljat  Delred.   Slutred.  Återkrav
Förening                                2008, kr
Kvällsfotboll i Flemingsberg             95 000  Ja        Ja        Nej
Sydskogens Bollklubb
Sångkör för seniorer                     40 000  Nej       Nej       Nej
Tullinge Seniorförening
"""
    )
    got = {p.name: (p.amount_sek, p.performer) for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Läsombud i hemtjänsten": (200000, None),
        "Stöd till anhöriga": (125000, None),
        "Kvällsfotboll i Flemingsberg": (95000, "Sydskogens Bollklubb"),
        "Sångkör för seniorer": (40000, "Tullinge Seniorförening"),
    }


def test_owner_under_the_name_and_instalments_and_later_years(tmp_path: Path) -> None:
    text = HEAD.format(year=1999, title="Fortsatta lokala utvecklingsmedel 1999") + (
        """
Tabell 1. Flerårsprojekt, belopp i kr

Projekt och stadsdelsnämnd          Beviljat    Förslag     Beräknat
                                    1998        1999        2000
Stödgrupper för syskon till         210 000     190 000     150 000
barn med funktionshinder
Farsta
Mentorer för unga                   260 000     240 000     200 000
Vantör
Summa                               470 000     430 000     350 000

Tabell 2. Nya projekt och delbetalningar (kronor)

                                                       Förslag   Delbetal-  Delbetal-
Nr  Projekt                   Förvaltning              totalt    ning feb   ning sep
1   Läxhjälp i samverkan      Skarpnäck                300 000    180 000    120 000
2   Uppsökande fältarbete     Bromma                   250 000    150 000    100 000
    Summa                                              550 000    330 000    220 000
"""
    )
    got = {
        p.name: (p.amount_sek, tuple(d.district_id for d in p.districts))
        for p in facts_of(tmp_path, text).projects
    }
    assert got == {
        "Stödgrupper för syskon till barn med funktionshinder": (190000, ("farsta",)),
        "Mentorer för unga": (240000, ("vantor",)),
        "Läxhjälp i samverkan": (300000, ("skarpnack",)),
        "Uppsökande fältarbete": (250000, ("bromma",)),
    }


def test_budget_lines_a_trip_proposal_naming_the_applicant_and_a_quoted_title(
    tmp_path: Path,
) -> None:
    text = HEAD.format(year=2008, title="Medel för studiebesök och lokala projekt 2008") + (
        """
Norrmalms stadsdelsförvaltning har sökt 26 000 kronor för ett studiebesök i
Helsingfors om uppsökande arbete bland äldre. En dag avser en konferens. Förvaltningen
föreslog därför att Norrmalm beviljas 21 000 kronor.

BROMMA - "Trygga övergångar", stöd till unga som lämnar familjehem

Ansökan avser 300 000 kr. Förvaltningen föreslår att projektet beviljas 280 000 kr.

KISTA - "Språkvän", samtalsstöd på modersmål

Ansökan avser 220 000 kr. Förvaltningen föreslår att projektet beviljas 220 000 kr.

Budget, Trygga övergångar
  Samordnare, 50 % i 10 månader                         190 000 kr
  Handledning, 20 timmar à 1 400 kr                      28 000 kr
  Material                                               62 000 kr
  Summa                                                 280 000 kr
"""
    )
    got = {p.name: p.amount_sek for p in facts_of(tmp_path, text).projects}
    assert got == {
        "Studiebesök i Helsingfors om uppsökande arbete bland äldre": 21000,
        "Trygga övergångar": 280000,
        "Språkvän": 220000,
    }


def test_a_checklist_of_criteria_and_another_citys_own_money(tmp_path: Path) -> None:
    checklist = HEAD.format(year=2021, title="Checklista för sökande 2022") + (
        """
Ansökningarna bedöms efter hur väl de uppfyller kriterierna nedan. Kontrollera
att ansökan visar hur projektet

☐  1. bygger på kunskap om vad som fungerar,
☐  2. involverar brukare i arbetet,
☐  3. kan spridas till fler förvaltningar.
"""
    )
    got = [(c.kind, c.position, c.text) for c in facts_of(tmp_path, checklist).criteria]
    assert got == [
        ("criterion", 1, "bygger på kunskap om vad som fungerar"),
        ("criterion", 2, "involverar brukare i arbetet"),
        ("criterion", 3, "kan spridas till fler förvaltningar"),
    ]
    other_city = """Göteborgs Stad                                         Tjänsteutlåtande
Socialförvaltningen Hisingen                           Utfärdat 2021-10-04
                                                       Diarienummer SN-H-2021-00311

Utvecklingsmedel för förebyggande arbete 2022

Förslag till beslut
1. Socialnämnden beviljar utvecklingsmedel med sammanlagt 900 000 kronor.

Ärendet
Nämndens lokala utvecklingsmedel fördelas efter ansökan. Sammanlagt 900 000 kronor
föreslås gå till tre insatser enligt tabell 1.
"""
    (away := tmp_path / "away").mkdir()
    funds = {a.fund_type for a in facts_of(away, other_city).amounts}
    assert funds == {"utvecklingsmedel"}


def test_a_form_export_with_each_label_over_its_value(tmp_path: Path) -> None:
    text = HEAD.format(year=2006, title="Ansökan om lokala utvecklingsmedel 2007") + (
        """
Ansökan 1 (lokala utvecklingsmedel)
Projektnamn:
Samtalsstöd för unga efter placering
Sökande:
Bromma stadsdelsförvaltning, barn och ungdom, tillsammans
med Kungsholmens stadsdelsförvaltning
Utförare:
Föreningen Bryggan Väst
Projektperiod:
Januari – december 2007
Belopp:
240 000 kr
Kort beskrivning:
Unga som lämnar familjehem får samtalsstöd under ett år.
"""
    )
    got = [
        (p.name, p.amount_sek, p.performer, tuple(sorted(d.district_id for d in p.districts)))
        for p in facts_of(tmp_path, text).projects
    ]
    assert got == [
        (
            "Samtalsstöd för unga efter placering",
            240000,
            "Föreningen Bryggan Väst",
            ("bromma", "kungsholmen"),
        )
    ]
