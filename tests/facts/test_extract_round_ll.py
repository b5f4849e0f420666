"""Twenty-seventh session: layouts of the rounds opened for rules (g631–g638 once a new
sealed round was written; g663–g670, g671–g678 and n459–n466 once measured), each on a
short text written for the test (none of the rounds' names or sums):

* project cards side by side whose labelled sum stands under the name with a year
  ("Beviljat 2011: …"), the description under it; cards that end in a "Status:" field after
  the sum; a card whose name and description a blank line parts; an owner over a unit
  after a comma, and a co-applicant in brackets on the owner's second line;
* a fund's name with its year as a heading ("Lokala utvecklingsmedel 2011") names no
  project, and an owner over indented items is a group, not a card.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD, _projects

from pipeline.facts.drafts import Draft, names_a_fund, names_a_project


def _draft(name: str) -> Draft:
    """A project draft of `name` alone, as a reader leaves it before its names are tidied."""
    return Draft(
        name=name,
        fund_type=None,
        year=2020,
        status="beviljad",
        page_no=1,
        evidence=name,
        confidence=0.6,
        first_line=0,
        last_line=0,
    )


def test_cards_side_by_side_with_the_sum_under_the_name_and_a_status_field(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2012, title="Redovisning av lokala utvecklingsprojekt 2011")
        + """
Lokala utvecklingsmedel 2011

Elva projekt fick lokala utvecklingsmedel 2011. De redovisas kortfattat nedan.
\f
Bilaga                                                     Sida 2 (3)

Spånga-Tensta                              Östermalm
Läsombud på fritids-                       Digital tidbokning i
gårdarna                                   mottagningen
Beviljat 2011: 140 000 kr                  Beviljat 2011: 95 000 kr
Ungdomsledare har utbildats till           Klienter bokar själva sin första
läsombud och ordnar bokcirklar             tid via webben. Väntetiden har
varje vecka under terminerna.              halverats under året.
Status: avslutat                           Status: pågår till maj 2012

Socialförvaltningen,                       Hässelby-Vällingby
Uppsökarenheten                            (medsökande Bromma)
Kvällsöppen rådgivning för                 Cykelverkstad som
unga vuxna i hemlöshet                     arbetsträning
Beviljat 2011: 170 000 kr                  Beviljat 2011: 120 000 kr
Rådgivningen har varit öppen två           Deltagarna har rustat cyklar
kvällar i veckan under hela året.          åt stadens förskolor.
Status: avslutat                           Status: avslutat
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert ("Läsombud på fritidsgårdarna", ("spanga-tensta",), 140000) in got
    assert ("Digital tidbokning i mottagningen", ("ostermalm",), 95000) in got
    assert (
        "Kvällsöppen rådgivning för unga vuxna i hemlöshet",
        ("socialforvaltningen", "uppsokarenheten"),
        170000,
    ) in got
    assert ("Cykelverkstad som arbetsträning", ("bromma", "hasselby-vallingby"), 120000) in got
    assert not [p for p in f.projects if p.name.startswith("Lokala utvecklingsmedel")]
    status = {p.name: p.status for p in f.projects}
    assert status["Läsombud på fritidsgårdarna"] == "genomförd"
    assert status["Digital tidbokning i mottagningen"] == "pågående"
    assert sorted(a.sek for a in f.amounts if a.kind == "project_cost") == [
        95000,
        120000,
        140000,
        170000,
    ]


def test_a_card_whose_name_and_description_a_blank_line_parts(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2013, title="Redovisning av lokala utvecklingsmedel 2012")
        + """
Projektkatalog

Skarpnäck
Mentorer för nyanlända

Volontärer har mött elva ungdomar
varje vecka under läsåret.
Beviljat belopp: 80 000 kr

Farsta
Samtalsstöd i skolan

Skolkuratorer och socialsekreterare
har haft gemensamma mottagningstider.
Beviljat belopp: 60 000 kr
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert ("Mentorer för nyanlända", ("skarpnack",), 80000) in got
    assert ("Samtalsstöd i skolan", ("farsta",), 60000) in got


def test_an_owner_over_indented_items_is_a_group_not_a_card(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2014, title="Fördelning av lokala utvecklingsmedel 2015")
        + """
Förslaget redovisas nedan per sökande stadsdelsnämnd.

Älvsjö
  Föräldracirklar på lördagar
  Träffar för föräldrar med barn i mellanstadiet. Förslag: 70 000 kronor.

  Stöd till unga anhöriga
  Samtalsgrupper i skolan.
  Förslag: 50 000 kronor.

Vantör
  Tidiga samtal om skulder
  Förslag: 40 000 kronor.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    names = [g[0] for g in got]
    assert "Föräldracirklar på lördagar" in names
    assert "Stöd till unga anhöriga" in names
    assert "Tidiga samtal om skulder" in names


def test_a_funds_name_with_its_year_names_no_project() -> None:
    for heading in ("Lokala utvecklingsmedel 2011", "MUST 2009", "Medel för studiebesök 2016"):
        assert names_a_fund(heading) and not names_a_project(heading)
    for name in ("Stöd till LUM-projekt i Farsta", "Studiebesök i Bergen", "Läsombud"):
        assert not names_a_fund(name)


def test_criteria_tables_under_column_headings_and_focus_areas_under_labels(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2016, title="Utlysning av lokala utvecklingsmedel 2017")
        + """
Kriterier

Ansökningarna prövas mot tre kriterier. Förvaltningens kommentar står intill.

Kriterium                              Kommentar

Projektet omfattar fler än en          Flera stadsdelar kan ansöka
förvaltning                            gemensamt.

Projektet följs av en forskare         Forskarstödet kan ingå i
                                       kostnaden.

Resultaten kan användas i den          Planen för detta ska bifogas.
ordinarie verksamheten

Förvaltningen föreslår därutöver att ansökningar inom följande områden
ges företräde i urvalet 2017.

Prioriterat område                     Exempel

Äldre som utsätts för våld             Samverkan med hemtjänsten och
                                       vården

Skuldsatta barnfamiljer                Budgetrådgivning, tidiga
                                       kontakter med kronofogden

Fokusområden för stadsövergripande forskning 2017

Förvaltningen föreslår följande fokusområden för FoU-arbetet 2017.

Fokusområde 1 – Barns delaktighet i utredningar
Hur barnens egna berättelser tas till vara i bedömningarna.

Fokusområde 2 – Vräkningar av barnfamiljer
Vad som föregår en vräkning och vilka insatser som hjälper.

Fokusområde 3 – Digitala kontakter med socialtjänsten
Erfarenheter av videosamtal och digitala ansökningar.
"""
    )
    f = facts_of(tmp_path, text)
    got = [(c.kind, c.position, c.text) for c in f.criteria]
    assert ("criterion", 1, "Projektet omfattar fler än en förvaltning") in got
    assert ("criterion", 2, "Projektet följs av en forskare") in got
    assert ("criterion", 3, "Resultaten kan användas i den ordinarie verksamheten") in got
    assert ("priority", 1, "Äldre som utsätts för våld") in got
    assert ("priority", 2, "Skuldsatta barnfamiljer") in got
    assert ("focus_area", 1, "Barns delaktighet i utredningar") in got
    assert ("focus_area", 3, "Digitala kontakter med socialtjänsten") in got
    assert not [p for p in f.projects if p.name.startswith("Fokusområde")]


def test_a_change_table_whose_new_sums_stand_last_and_changes_told_under_owners(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2010, title="Tillägg till fördelning av MUST 2010")
        + """
Ändringar sedan förra beslutet

Farsta
Resan till Göteborg har kortats med en dag. Förvaltningen föreslår
18 000 kronor i stället för 22 000 kronor.

Bromma
Arrangören i Tammerfors har ändrat programmet. Kostnaden ökar med
2 000 kronor, till 21 000 kronor.

Sammanställning efter ändringar (kronor)

                     Resmål och syfte                 Förslag               Nytt
Förvaltning                                        2010-03-02  Ändring   förslag

Farsta               Göteborg – mottagning för        22 000    –4 000    18 000
                     unga vuxna
Bromma               Tammerfors – stöd till           19 000    +2 000    21 000
                     familjehem
Kungsholmen          Århus – boendestöd för           24 000         –    24 000
                     unga hemlösa

Summa                                                 65 000    –2 000    63 000
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert ("Göteborg – mottagning för unga vuxna", ("farsta",), 18000) in got
    assert ("Tammerfors – stöd till familjehem", ("bromma",), 21000) in got
    assert ("Århus – boendestöd för unga hemlösa", ("kungsholmen",), 24000) in got
    assert not [p for p in f.projects if "har kortats" in p.name or "har ändrat" in p.name]


def test_a_total_row_after_money_columns_that_come_first(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2008, title="Stadsövergripande studier 2009")
        + """
Tabell 1. Föreslagna studier

    Kostnad, tkr
  2009     2010   Totalt    Studie                              Utförare

   200      300      500    Hemtjänst och ensamhet bland        Upphandlas
                            äldre med missbruk
   350      150      500    Placerade syskon – en               Institutionen för
                            registerstudie                      socialt arbete

    550      450    1 000   Summa
"""
    )
    f = facts_of(tmp_path, text)
    names = [p.name for p in f.projects]
    assert "Summa" not in names
    assert any(n.startswith("Hemtjänst och ensamhet") for n in names)


def test_work_carried_out_with_a_sum_and_named_after_the_verb_under_theme_headings(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2020, title="Årsrapport om lokala utvecklingsmedel 2019")
        + """
Lokala utvecklingsmedel 2019

Projekten presenteras här efter tema.

Äldre

Farsta har med 210 000 kronor genomfört Träffpunkt för anhörigvårdare,
som erbjuder samtal en gång i veckan. Norrmalm har med 190 000 kronor
prövat Digital tillsyn nattetid, ett samarbete med hemtjänsten.

Barn och familj

Skarpnäck har med 260 000 kronor genomfört Föräldrastöd i förskolan,
där familjebehandlare finns på plats två dagar i veckan.
"""
    )
    f = facts_of(tmp_path, text)
    got = {
        p.name: (tuple(d.district_id for d in p.districts), p.amount_sek, p.performer)
        for p in f.projects
    }
    assert got["Träffpunkt för anhörigvårdare"] == (("farsta",), 210000, None)
    assert got["Digital tillsyn nattetid"] == (("norrmalm",), 190000, None)
    assert got["Föräldrastöd i förskolan"] == (("skarpnack",), 260000, None)
    assert "Äldre" not in got and "Barn och familj" not in got


def test_two_fields_on_one_line_under_a_numbered_heading(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Redovisning av lokala utvecklingsprojekt 2005")
        + """
REDOVISNING AV PROJEKTEN

1. Samtalsgrupper för pappor med
   små barn

Stadsdelsnämnd: Bromma                 Beviljat belopp: 130 000 kr

Projektet har samlat elva pappor i två grupper under året.

2. Stöd till unga med skolfrånvaro

Stadsdelsnämnd: Katarina-Sofia         Beviljat belopp: 210 000 kr

Projektet har prövat hembesök inom en vecka efter anmälan.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert ("Samtalsgrupper för pappor med små barn", ("bromma",), 130000) in got
    assert ("Stöd till unga med skolfrånvaro", ("katarina-sofia",), 210000) in got


def test_sought_and_proposed_on_a_field_line_and_the_money_left_over(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Medel för studiebesök (MUST) 2012")
        + """
Förvaltningen föreslår att följande studiebesök beviljas medel.

1. Bergen – barnahus och samverkan kring barn som utsatts för våld
   Sökande: Farsta stadsdelsförvaltning
   Deltagare: 3          Sökt: 26 000 kr      Förslag: 21 000 kr

2. Åbo – uppsökande arbete bland äldre
   Sökande: Bromma stadsdelsförvaltning
   Deltagare: 2          Sökt: 15 500 kr      Förslag: 15 500 kr

Återstående 63 500 kronor föreslås användas till en andra ansökningsomgång.
"""
    )
    f = facts_of(tmp_path, text)
    got = _projects(f)
    assert (
        "Bergen – barnahus och samverkan kring barn som utsatts för våld",
        ("farsta",),
        21000,
    ) in got
    roles = [(a.sek, a.kind) for a in f.amounts]
    assert (26000, "other") in roles and (21000, "project_cost") in roles
    assert (63500, "budget") in roles


def test_a_row_whose_district_breaks_at_its_hyphen_beside_a_capitalised_name_line(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2024, title="Medel för utveckling och lärande (MUL) 2025")
        + """
Tabell 1. Ansökningar

Resmål och syfte                Sökande             Sökt       Förslag
Gdańsk – stöd till unga         Farsta             21 000      21 000
vuxna i hemlöshet
Wien – Social Policy            Hägersten-         23 000           0
Forum (konferens)               Älvsjö

Summa                                              44 000      21 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    names = [g[0] for g in got]
    assert "Wien – Social Policy Forum (konferens)" in names
    assert not [n for n in names if n.startswith("Forum")]


def test_an_iop_named_in_the_title_and_a_co_applicant_named_as_subject(tmp_path: Path) -> None:
    text = (
        HEAD.format(
            year=2023,
            title="Idéburet offentligt partnerskap med Föreningen Ljusglimten om "
            "stödverksamheten Öppna dörren 2024–2026",
        )
        + """
Förvaltningen föreslår att nämnden ingår ett idéburet offentligt partnerskap
(IOP) med föreningen. Ersättningen föreslås uppgå till 900 000 kronor per år.
"""
    )
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Öppna dörren"]


def test_a_co_applicant_named_as_the_subject_of_its_sentence() -> None:
    from pipeline.facts.co_applicants import partners_in
    from pipeline.facts.finders import place_finder

    find = place_finder(2015)
    own = find("Skarpnäcks stadsdelsförvaltning")
    text = (
        "Projektet prövar en gemensam mottagning. Farsta stadsdelsförvaltning är medsökande "
        "och deltar med en socialsekreterare."
    )
    assert [p.district_id for p in partners_in(text, find, own)] == ["farsta"]
    assert partners_in("Farsta stadsdelsförvaltning har lämnat synpunkter.", find, own) == []


NEIGHBOUR_HEAD = """Stadsledningskontoret                              Tjänsteutlåtande
Social hållbarhet                                  Dnr KS 2019/0101
                                                   Sida 1 (3)
Handläggare                                        Till
Eva Exempel                                        Kommunstyrelsen

{title}

"""


def test_an_investment_table_with_a_year_span_total_and_its_repayment_plan(
    tmp_path: Path,
) -> None:
    text = (
        NEIGHBOUR_HEAD.format(title="Medel ur den sociala investeringsfonden 2019")
        + """
Tabell 1. Föreslagna investeringar, tkr

                                                                          Totalt
Investering              Förvaltning          2019    2020    2021   2019-2021

Läxhjälp i Rinkeby       Rinkeby-Kista sdf   1 200   1 500   1 300      4 000
Tidiga hembesök i        Farsta sdf            900   1 100       -      2 000
Hökarängen

Summa                                        2 100   2 600   1 300      6 000


Bilaga 2. Återföringsplan, tkr

Investering                         2022    2023    2024    Summa
Läxhjälp i Rinkeby                   1 000   1 500   1 500   4 000
Tidiga hembesök i Hökarängen           800     600     600   2 000
Summa                                1 800   2 100   2 100   6 000
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (tuple(d.district_id for d in p.districts), p.amount_sek) for p in f.projects}
    assert got["Läxhjälp i Rinkeby"] == (("rinkeby-kista",), 4000000)
    assert got["Tidiga hembesök i Hökarängen"] == (("farsta",), 2000000)
    assert len(f.projects) == 2
    assert (2200000, "project_cost") not in [(a.sek, a.kind) for a in f.amounts]


def test_a_budget_follow_up_table_under_a_header_set_over_two_lines(tmp_path: Path) -> None:
    text = (
        NEIGHBOUR_HEAD.format(title="Tertialrapport 1 2018")
        + """
Tabell 1. Prognos per verksamhetsområde, netto (tkr)

                                         Budget        Prognos
Verksamhetsområde                        2018          2018         Avvikelse

Nämnd och administration                  21 300        21 000           300
Förskola                                 305 600       307 900        -2 300
Ekonomiskt bistånd                        88 100        87 600           500

Tabell 2. Nettokostnader, mnkr

Verksamhetsområde                          Nettobudget     Prognos
                                           2018            helår
Äldreomsorg                                     198,6       199,4
Individ- och familjeomsorg                      140,2       139,0
"""
    )
    roles = [(a.sek, a.kind) for a in facts_of(tmp_path, text).amounts]
    assert (305600000, "budget") in roles and (307900000, "other") in roles
    assert (198600000, "budget") in roles and (199400000, "other") in roles


def test_a_state_grant_column_over_projects_grouped_by_district(tmp_path: Path) -> None:
    text = (
        NEIGHBOUR_HEAD.format(title="Fördelning av statsbidrag inom storstadssatsningen 2003")
        + """
Fördelning av statsbidrag 2003
(tkr)

Stadsdelsnämnd     Projekt                                   Statsbidrag
                                                             2003

Hässelby-Vällingby Lärcentrum i Vällingby                         3 100
                   Föräldrar i skolan                             1 200
Summa Hässelby-Vällingby                                          4 300

Skärholmen         Sommarjobb i Vårberg                           2 400
                   Trygga trapphus i Bredäng                        900
Summa Skärholmen                                                  3 300
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert ("Lärcentrum i Vällingby", ("hasselby-vallingby",), 3100000) in got
    assert ("Föräldrar i skolan", ("hasselby-vallingby",), 1200000) in got
    assert ("Trygga trapphus i Bredäng", ("skarholmen",), 900000) in got


def test_headings_that_name_the_owner_before_a_colon() -> None:
    from pipeline.facts.drafts import tidy_names
    from pipeline.facts.finders import place_finder

    find = place_finder(2020)
    (d,) = tidy_names([_draft("Bromma: Mötesplats för äldre i Åkeslund")], find)
    assert d.name == "Mötesplats för äldre i Åkeslund"
    assert [p.district_id for p in d.places] == ["bromma"]
    (kept,) = tidy_names([_draft("Stöd till unga: en modell för Farsta")], find)
    assert kept.name == "Stöd till unga: en modell för Farsta" and not kept.places
    # (or in brackets after the name: "… (Södermalm)")
    (after,) = tidy_names([_draft("Digitalt stöd i försörjningsstödet (Södermalm)")], find)
    assert after.name == "Digitalt stöd i försörjningsstödet"
    assert [p.district_id for p in after.places] == ["sodermalm"]


def test_a_state_funder_makes_a_projects_grant_a_state_grant(tmp_path: Path) -> None:
    text = (
        NEIGHBOUR_HEAD.format(title="Verksamhetsberättelse 2017")
        + """
Externt finansierade projekt

Under 2017 bedrev förvaltningen tre projekt med extern finansiering.
Projekten redovisas i tabell 2.

Tabell 2. Externt finansierade projekt 2017, tkr

Projekt                     Finansiär               Period       Beviljat   Utfall
Sommarläsning i Bagarmossen Statens kulturråd       2017              420      410
Körer för seniorer          Allmänna arvsfonden     2016–2018         900      300
Dans i skolan               Länsstyrelsen i         2017              250      250
                            Stockholms län

Sommarläsning i Bagarmossen

Projektet har erbjudit läsgrupper under sommarlovet i Skarpnäck.

Körer för seniorer

Projektet har startat två körer i Bromma.

Dans i skolan

Projektet har gett dansworkshops i Farstas skolor.
"""
    )
    f = facts_of(tmp_path, text)
    roles = [(a.sek, a.kind) for a in f.amounts]
    assert (420000, "state_grant") in roles and (250000, "state_grant") in roles
    assert (900000, "state_grant") not in roles


def test_an_owner_wrapped_inside_its_bracket_over_a_block(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2009, title="Fördelning av lokala utvecklingsmedel 2010")
        + """
Förvaltningens förslag per stadsdelsförvaltning

Bromma stadsdelsförvaltning

Läxhjälp i samverkan med biblioteket
Sökt belopp: 150 000 kronor
Förslag: 150 000 kronor
Projektet ska pröva läxhjälp två kvällar i veckan.

Spånga-Tensta stadsdelsförvaltning (medsökande Rinkeby-Kista
stadsdelsförvaltning)

Gemensamt fältteam kvällstid
Sökt belopp: 320 000 kronor
Förslag: 300 000 kronor
Två stadsdelar bygger upp ett gemensamt fältteam.
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert ("Gemensamt fältteam kvällstid", ("rinkeby-kista", "spanga-tensta"), 300000) in got
    assert ("Läxhjälp i samverkan med biblioteket", ("bromma",), 150000) in got


def test_a_labelled_next_year_sum_is_no_project_and_one_project_is_read_once(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2022, title="Lokala utvecklingsmedel 2023")
        + """
Förvaltningens förslag per projekt

Farsta sdf
"Samtal med unga om spel och skulder"
Beviljas 2023:          240 000 kronor
Preliminärt 2024:       200 000 kronor

Bromma sdf
"Seniorer som volontärer i förskolan"
Beviljas 2023:          180 000 kronor
"""
    )
    names = [p.name for p in facts_of(tmp_path, text).projects]
    assert names.count("Samtal med unga om spel och skulder") == 1
    assert "Seniorer som volontärer i förskolan" in names
    assert not [n for n in names if n.startswith("Preliminärt")]


def test_trips_a_district_applies_for_in_a_table(tmp_path: Path) -> None:
    text = """Skarpnäcks stadsdelsförvaltning                  Tjänsteutlåtande
Socialtjänstavdelningen                          Dnr 1.2-0301/2021
                                                 Sida 1 (2)
Handläggare: Eva Exempel                         Till
                                                 Skarpnäcks stadsdelsnämnd

Ansökan om medel för utveckling och lärande (MUL) 2022

Förvaltningens förslag till beslut
1. Stadsdelsnämnden godkänner ansökan om medel för studieresor.

Förvaltningen ansöker om medel för följande studieresor:

Resmål och syfte                     Verksamhet        Belopp
Tammerfors, mottagning för unga      Barn och ungdom   19 000 kr
vuxna med missbruk
Göteborg, boendestöd för unga        Socialpsykiatri   14 000 kr
vuxna
Summa                                                  33 000 kr
"""
    f = facts_of(tmp_path, text)
    roles = [(a.sek, a.kind) for a in f.amounts]
    assert (19000, "other") in roles and (14000, "other") in roles
    assert {p.status for p in f.projects} == {"ansökt"}


def test_two_districts_projects_of_one_name_and_sum_stay_two(tmp_path: Path) -> None:
    text = (
        NEIGHBOUR_HEAD.format(title="Fördelning av hemlöshetsmedel 2006")
        + """
Tabell 1. Föreslagen fördelning, kronor

Stadsdelsnämnd      Insats                                     Belopp
Farsta              Vräkningsförebyggande team              1 050 000
Skärholmen          Vräkningsförebyggande team              1 050 000
Norrmalm            Kvällsöppen dagverksamhet                 800 000
Summa                                                       2 900 000
"""
    )
    got = _projects(facts_of(tmp_path, text))
    assert ("Vräkningsförebyggande team", ("farsta",), 1050000) in got
    assert ("Vräkningsförebyggande team", ("skarholmen",), 1050000) in got


def test_a_priority_told_as_ges_foretrade_at(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2009, title="Medel för studiebesök (MUST) 2010")
        + """
Kriterier

Huvudkriteriet för MUST är att studiebesöket har en tydlig koppling till
ett pågående utvecklingsarbete i den egna verksamheten.
Liksom tidigare år ges företräde åt studiebesök som flera förvaltningar
gör tillsammans, eftersom erfarenheterna då sprids bredare.
"""
    )
    got = [(c.kind, c.text[:40]) for c in facts_of(tmp_path, text).criteria]
    assert ("priority", "Liksom tidigare år ges företräde åt stud") in got


def test_a_funding_clause_after_a_name_is_its_fund_not_its_name() -> None:
    from pipeline.facts.drafts import funding_tail

    d = _draft(
        "Vägen in – arbetsträning för nyanlända med försörjningsstöd, finansierat av Europeiska socialfonden"
    )
    funding_tail(d)
    assert (d.name, d.fund_type) == (
        "Vägen in – arbetsträning för nyanlända med försörjningsstöd",
        "ESF",
    )
    d = _draft("Språkglädje i förskolan med stöd av statsbidrag för kvalitetssatsningar")
    funding_tail(d)
    assert (d.name, d.fund_type) == ("Språkglädje i förskolan", "statsbidrag")
    kept = _draft("Samtal med unga med missbruk")
    funding_tail(kept)
    assert kept.name == "Samtal med unga med missbruk"


def test_criteria_lists_end_before_a_table_a_form_or_a_decision(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2006, title="Stadsövergripande studier 2007")
        + """
Bedömningskriterier
Varje förslag har fått 1–3 poäng per kriterium:
K1   Studien har betydelse för flera stadsdelsnämnder.
K2   Studien har en tydlig vetenskaplig metod.
K3   Resultaten kan användas inom två år.

Poängsättning
Förslag  K1  K2  K3  Summa   Sökt kr     Förslag kr
A         3   3   2      8   420 000        380 000
B         3   2   3      8   350 000        350 000

Med utgångspunkt i stadens budget och de behov som
stadsdelsförvaltningarna lyft fram i FoU-rådet föreslår
förvaltningen följande fokusområden för FoU-arbetet 2007:

•   Äldre med missbruk
•   Barn i familjer med skulder

I årets utlysning har förvaltningen dessutom kunnat prioritera
ansökningar inom

–  stöd till anhöriga
–  digitala kontakter med socialtjänsten.
"""
    )
    got = [(c.kind, c.position, c.text) for c in facts_of(tmp_path, text).criteria]
    assert ("criterion", 1, "Studien har betydelse för flera stadsdelsnämnder.") in got
    assert ("criterion", 3, "Resultaten kan användas inom två år.") in got
    assert not [t for _k, _p, t in got if "Poängsättning" in t or "420 000" in t]
    assert ("focus_area", 1, "Äldre med missbruk") in got
    assert not [t for _k, _p, t in got if t.startswith("stadsdelsförvaltningarna lyft")]
    assert ("priority", 1, "stöd till anhöriga") in got


def test_a_form_and_decision_items_are_no_criteria() -> None:
    from extract_helpers import body as body_of

    from pipeline.facts.criteria_lines import not_an_item

    lines = body_of(
        "Projekttid:\nSökt belopp (kr):\nUnderskrift av avdelningschef\n"
        "Socialnämnden beviljar medel enligt förslaget.\nProjektet har en plan för uppföljning."
    )
    assert [not_an_item(lines, k) for k in range(5)] == [True, True, True, True, False]


def test_criteria_introduced_by_what_was_prioritised_or_required(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2012, title="Fördelning av lokala utvecklingsmedel 2013")
        + """
Bedömning

Förvaltningen har i bedömningen prioriterat utvecklingsarbeten som

- omfattar fler än en enhet
- har en plan för uppföljning

Enligt utlysningen ska ett projekt

-  avse socialtjänstens verksamhet,
-  ha en forskare knuten till sig.
"""
    )
    got = [c.text for c in facts_of(tmp_path, text).criteria]
    assert "omfattar fler än en enhet" in got
    assert "ha en forskare knuten till sig" in got
