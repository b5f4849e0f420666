"""Fifty-second session: rules from the rounds opened for them, each on a short text written for
the test (none of the rounds' names or sums):

* a conference-trip table whose two-line header sets "Antal" over "delt." at the end of a
  long name column, with cost items ("Avgift", "Resa och logi") beside the whole cost and a
  proposal column where "0" turns a trip down; a "Kr/ person" column beside the sums;
* a report's dash items "Unit: Destination, purpose. N deltagare …" under the headings
  "Genomförda resor", "Inställd resa", "Uppskjuten resa";
* study blocks whose "Beslut:" field comes before the "Läge:" field that says how the study
  stands, "Ej upphandlad" as no performer, "Uppskjuten"/"Avbruten" as granted;
* trips told one paragraph each, run in as "Destination – purpose." with what became of them.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD


def test_conference_trip_table_with_cost_items_and_a_proposal_of_nothing(tmp_path: Path) -> None:
    text = HEAD.format(year=2007, title="Medel för konferensresor 2007") + (
        """
Ansökningarna framgår av tabellen nedan.

                                                  Antal          Resa och   Summa
Förvaltning       Konferens/studiebesök, ort, tid  delt.  Avgift   logi    kostnad  Förslag
Vantörs sdf       Nordisk konferens om barn som     3     4 500    9 900    14 400   14 400
                  anhöriga, Reykjavik, juni
Kista sdf         Studiebesök, mobila team i         4         -   22 800    22 800        0
                  förorten, Lyon, mars
Älvsjö sdf        Seminarium om boendestöd,          2     2 200    7 300     9 500    9 500
                  Åbo, september
Summa                                                9     6 700   40 000    46 700   23 900
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.amount_sek, p.status) for p in f.projects)
    assert got == [
        ("Nordisk konferens om barn som anhöriga", 14400, "beviljad"),
        ("Seminarium om boendestöd", 9500, "beviljad"),
        ("Studiebesök, mobila team i förorten", 22800, "ansökt"),
    ]
    # the cost items are money of the rows, not their grants
    kinds = {(a.sek, a.kind) for a in f.amounts}
    assert (4500, "other") in kinds and (9900, "other") in kinds


def test_a_cost_per_person_column_is_no_row_sum(tmp_path: Path) -> None:
    text = HEAD.format(year=2019, title="Fördelning av MUL-medel 2019") + (
        """
Nr  Enhet                 Resmål och syfte               Antal   Kr/     Sökt   Förslag
                                                                 person
1   Familjeenheten        Tromsø – barnahus i norr          3    5 100   15 300   15 300
2   Vuxenenheten          Aalborg – bostad först            2    6 400   12 800        0

    Summa                                                   5           28 100   15 300
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek, p.status) for p in f.projects) == [
        ("Aalborg – bostad först", 12800, "ansökt"),
        ("Tromsø – barnahus i norr", 15300, "beviljad"),
    ]


def test_report_items_with_the_unit_before_a_colon_under_how_they_stand(tmp_path: Path) -> None:
    text = HEAD.format(year=2012, title="Redovisning av studieresor 2011") + (
        """
Resorna har redovisats enligt följande.

Genomförda resor

–  Barn och familj, mottagningsgruppen: Tallinn, skolsocialt arbete
   i Lasnamäe. 3 deltagare, 12–14 april. Beviljat 16 500 kr,
   förbrukat 15 900 kr.

–  Socialpsykiatrin: Trondheim, arbete med boendestöd. 4 deltagare,
   3–5 oktober. Beviljat 21 000 kr, förbrukat 21 000 kr.

Inställd resa

–  Vuxenenheten: Gdańsk, härbärgen i hamnområdet. Beviljat 11 200 kr.
   Resan ställdes in. Beloppet återbetalas.
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek, p.status) for p in f.projects) == [
        ("Gdańsk, härbärgen i hamnområdet", 11200, "beviljad"),
        ("Tallinn, skolsocialt arbete i Lasnamäe", 16500, "genomförd"),
        ("Trondheim, arbete med boendestöd", 21000, "genomförd"),
    ]


def test_study_blocks_whose_decision_field_comes_before_their_standing(tmp_path: Path) -> None:
    text = HEAD.format(year=2009, title="Slutredovisning av FoU-studier") + (
        """
Studie 1     Unga vuxna i stadens härbärgen
             Utförare:      Institutionen för socialt arbete,
                            Umeå universitet
             Beslut:        KS 2007-05-16
             Beviljat:      540 000 kr
             Läge:          Avslutad. Slutrapport mars 2009

Studien har följt 60 unga vuxna under två år.

Studie 2     Barn i familjer med skulder
             Utförare:      Ej upphandlad
             Beslut:        KS 2008-02-13
             Beviljat:      310 000 kr
             Läge:          Uppskjuten till 2010

Studien skjuts upp i väntan på en nationell kartläggning.

Studie 3     Anhöriga till äldre med missbruk
             Utförare:      Provhögskolan
             Beslut:        KS 2008-02-13
             Beviljat:      280 000 kr
             Läge:          Avbruten

Upphandlingen avbröts då inget anbud kom in.
"""
    )
    f = facts_of(tmp_path, text)
    by_name = {p.name: p for p in f.projects}
    assert by_name["Unga vuxna i stadens härbärgen"].status == "genomförd"
    assert by_name["Barn i familjer med skulder"].status == "beviljad"
    assert by_name["Barn i familjer med skulder"].performer is None
    assert by_name["Anhöriga till äldre med missbruk"].status == "beviljad"


def test_trips_told_one_paragraph_each_run_in_as_destination_and_purpose(tmp_path: Path) -> None:
    text = HEAD.format(year=2010, title="Studiebesök 2009 och ansökan för 2010") + (
        """
Nämnden beviljades för 2009 medel för tre studiebesök.

Riga - stöd till unga föräldrar. Tre medarbetare från familjeenheten
besökte i maj 2009 två familjecentraler. Studiebesöket beviljades
24 000 kr och kostade 23 100 kr.

Vilnius - uppsökande arbete bland äldre. Studiebesöket kunde inte
genomföras under hösten. De beviljade 17 000 kr har återbetalats.

Förvaltningen föreslår att nämnden ansöker om medel för följande
studiebesök år 2010.

Tammerfors - familjerådgivning på nätet. Fyra medarbetare vill
studera hur rådgivningen organiseras. Ansökan avser 29 000 kr.
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted((p.name, p.amount_sek, p.status) for p in f.projects) == [
        ("Riga - stöd till unga föräldrar", 24000, "genomförd"),
        ("Tammerfors - familjerådgivning på nätet", 29000, "ansökt"),
        ("Vilnius - uppsökande arbete bland äldre", 17000, "beviljad"),
    ]
