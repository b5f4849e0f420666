"""Thirty-second session: layouts of the rounds opened for rules and of the corpus documents
read again, each on a short text written for the test (none of the rounds' names or sums):

* a header printed over three lines with the unit on its middle line ("Fördelning" over
  "tkr"), beside a column of people counted ("Antal barn i …"): only the money column is
  money;
* a header of money columns alone over two lines, cell for cell ("Beviljat   Redovisad" over
  "2003       kostnad"), with no cell over the labels: what was granted is each recipient's
  grant, what was spent, left or paid back no grant; a footnote's mark ("-*") after a cell
  and a label wrapped onto "(projektbidrag)" keep the table going;
* a unit in one column's header ("Tilldelning, kr") beside columns of counts and shares
  ("Kvinnor 20–64 år", "Andel, %"): those are no money;
* criteria after "prioriteringsgrunder", and focus areas numbered "(i)" "(ii)" "(iii)" in
  running text;
* an event grant table "Förening | Arrangemang, plats och datum | Sökt | Förslag": the event
  is the name up to its first comma, the association its carrier, and the call's criteria
  ("prioriterat arrangemang som …") are a call's;
* dash items "– Association, activity, 45 000 kr" in groups under short labels after "…
  föreslår att följande föreningar beviljas bidrag.": every item is an activity its
  association carries out, also where the association's name holds no word for one;
* a title "Uppföljning av idéburet offentligt partnerskap med <Förening> om <Namn> …": the
  partnership's activity is the document's project;
* a table of one application's costs opened by its "Total kostnad" row, the parts under it,
  and "nämnden söker medel för två projekt … med sammanlagt …": asked for, not granted;
* a tillägg's "Tidigare förslag" (with its date) beside "Nytt förslag": the earlier sums are
  no grants;
* years marked with a footnote ("2024*") head a grants table's money columns;
* "avslås" where an amount-first table's sum would stand opens a row of its own, turned down;
* a study's title as the subject that opens its paragraph ("<Titel> påbörjades … och
  genomförs av …", then "Studien beräknas kosta …"), the districts its title names taking
  part; a sentence opened by a time ("Under hösten … påbörjades") names none;
* "Fokusområde 1. …" lines each over a paragraph set apart by a blank line; criteria counted
  as clauses ("tre kriterier: att …, att … och att …") without their "att";
* an age group written as a word ("75-åringar") is part of a project's name in prose;
* a district a project's text says it got money from ("medel från …") paid, it took no part
  (the rule's pattern held a backspace for its word boundary and never matched);
* a sentence that opens with a project's whole name ("<Evenemang> arrangeras tillsammans med
  <förvaltning>") names its partner.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD
from test_extract_round_mm import DISTRICT_HEAD
from test_extract_round_nn import KS_HEAD


def _kinds(f, sek: int) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(a.kind for a in f.amounts if a.sek == sek)


def test_unit_on_the_middle_line_of_a_three_line_header_beside_a_count(tmp_path: Path) -> None:
    text = (
        KS_HEAD.format(year=2014, title="Stöd till unga vuxna i hemlöshet 2014")
        + """
Fördelningen framgår av tabellen.

Stadsdelsnämnd               Antal unga 18–24 år     Fördelning
                             utan eget boende        tkr
                             i mars 2014
Farsta                                 212                 640
Bromma                                 133                 410
Skärholmen                             187                 570
Summa                                  532               1 620
"""
    )
    f = facts_of(tmp_path, text)
    assert _kinds(f, 640_000) == ["budget"]
    assert _kinds(f, 410_000) == ["budget"]
    assert not [a for a in f.amounts if a.sek in (212_000, 133_000, 187_000, 532_000)]


def test_money_columns_headed_over_two_lines_with_none_over_the_labels(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2004, title="Redovisning av föreningsbidrag 2003")
        + """
Redovisningen

Tabellen visar beviljade bidrag, redovisade kostnader och vad som
ska betalas tillbaka.

                                Beviljat    Redovisad   Ej          Åter-
                                2003        kostnad     förbrukat   betalas
Föreningen Lindgården             410 000     410 000           0         0
Båtklubben Vågen                  130 000      96 000      34 000        -*
Kamratföreningen Ekbacken
(projektbidrag)                   175 000     160 500      14 500    14 500
Summa                             715 000     666 500      48 500    14 500

* avräknas mot 2004 års bidrag
"""
    )
    f = facts_of(tmp_path, text)
    assert _kinds(f, 410_000) == ["other", "project_cost"]  # granted, then spent
    assert _kinds(f, 130_000) == ["project_cost"]
    assert _kinds(f, 96_000) == ["other"]
    assert _kinds(f, 175_000) == ["project_cost"]
    assert _kinds(f, 160_500) == ["other"]
    assert _kinds(f, 715_000) == ["total_granted"]
    assert _kinds(f, 666_500) == ["other"]


def test_a_unit_in_one_columns_header_beside_counts_and_shares(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2017, title="Fördelning av medel mot hedersrelaterat våld 2017")
        + """
Fördelning per stadsdelsnämnd

Stadsdelsnämnd              Kvinnor 20–64 år     Andel, %    Tilldelning, kr

Kungsholmen                           21 400          31,0            515 000
Farsta                                19 250          27,9            470 000
Älvsjö                                28 310          41,1            655 000

Summa                                 68 960         100,0          1 640 000
"""
    )
    f = facts_of(tmp_path, text)
    assert [a.sek for a in f.amounts if a.sek in (515_000, 470_000, 655_000)]
    for count in (21_400, 19_250, 28_310, 68_960, 31, 27, 41, 100):
        assert not [a for a in f.amounts if a.sek == count], count


def test_prioriteringsgrunder_and_roman_numbered_focus_areas(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2000, title="Lokala utvecklingsmedel 2000")
        + """
Bedömning

Ansökningarna har prövats enligt de prioriteringsgrunder som nämnden
beslutade i december 1999:

a) projektet ska rikta sig till familjer med små barn,
b) projektet ska följas upp av en extern handledare,
c) resultaten ska redovisas vid ett seminarium.

Stadsövergripande studier

Studierna ska ge kunskap inom de fokusområden som nämnden har
angett för 2000: (i) hemlöshet bland unga, (ii) äldres missbruk
och (iii) barn i familjer med försörjningsstöd. Nämnden återkommer
om fördelningen.
"""
    )
    f = facts_of(tmp_path, text)
    crit = [(c.kind, c.position, c.text) for c in f.criteria]
    assert ("criterion", 2, "projektet ska följas upp av en extern handledare") in crit
    assert [c for c in crit if c[0] == "focus_area"] == [
        ("focus_area", 1, "hemlöshet bland unga"),
        ("focus_area", 2, "äldres missbruk"),
        ("focus_area", 3, "barn i familjer med försörjningsstöd"),
    ]


_EVENTS_HEAD = """Idrottsförvaltningen                                        Tjänsteutlåtande
Föreningsenheten                                            Dnr 300-118/2012
                                                            Sida 1 (2)
                                                            2012-03-02
Handläggare                                                 Till
Ola Exempel                                                 Idrottsnämnden

Arrangemangsstöd våren 2012

Förvaltningens förslag till beslut

1. Idrottsnämnden beviljar arrangemangsstöd enligt tabell 1.

"""


def test_events_named_before_their_place_and_date_and_a_calls_criteria(tmp_path: Path) -> None:
    text = (
        _EVENTS_HEAD
        + """Bedömning

Vid bedömningen har förvaltningen prioriterat arrangemang som

– är öppna för allmänheten utan avgift,
– engagerar unga som ledare,
– genomförs i stadens ytterområden.

Tabell 1. Arrangemangsstöd våren 2012, kronor

Förening                 Arrangemang, plats och datum            Sökt    Förslag

Vårby Orienterings-      Ekbackens nattorientering,            40 000     30 000
klubb                    Ekbacksskogen, 14 april
Gröndals Simsällskap     Sjösimmet för unga, Trekanten,        55 000     45 000
                         9 juni
Summa                                                          95 000     75 000
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer, p.amount_sek) for p in f.projects)
    assert got == [
        ("Ekbackens nattorientering", "Vårby Orienteringsklubb", 30_000),
        ("Sjösimmet för unga", "Gröndals Simsällskap", 45_000),
    ]
    assert [c.text for c in f.criteria] == [
        "är öppna för allmänheten utan avgift",
        "engagerar unga som ledare",
        "genomförs i stadens ytterområden",
    ]


def test_associations_activities_in_dash_groups_after_a_sentence(tmp_path: Path) -> None:
    text = (
        DISTRICT_HEAD.format(year=2019, title="Bidrag till sommarlovsaktiviteter 2019")
        + """
Förvaltningens förslag

Förvaltningen föreslår att följande föreningar och organisationer
beviljas bidrag.

Aktiviteter i Bagarmossen och Björkhagen

– Bagarmossens Bollklubb, fotbollsdagar för barn 8–11 år, 60 000 kr
– Björkhagens Scoutkår, kanotläger vid Drevviken, 35 000 kr
– Skarpnäcks Dans, streetdance i parken, 25 000 kr

Aktiviteter för hela stadsdelsområdet

– Föreningen Lekvänner, utflykter till skärgården, 50 000 kr
– Ekbackens Teater, sommarteater för unga,
  40 000 kr

Summa                                                      210 000 kr
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.performer, p.amount_sek) for p in f.projects)
    assert got == [
        ("fotbollsdagar för barn 8–11 år", "Bagarmossens Bollklubb", 60_000),
        ("kanotläger vid Drevviken", "Björkhagens Scoutkår", 35_000),
        ("sommarteater för unga", "Ekbackens Teater", 40_000),
        ("streetdance i parken", "Skarpnäcks Dans", 25_000),
        ("utflykter till skärgården", "Föreningen Lekvänner", 50_000),
    ]


def test_a_partnerships_follow_up_names_its_activity(tmp_path: Path) -> None:
    text = DISTRICT_HEAD.format(
        year=2023,
        title="Uppföljning av idéburet offentligt partnerskap med\n"
        "Föreningen Stenbron om Läxcaféet i Högdalen 2020–2022",
    ).replace(
        "godkänner förvaltningens ansökan om medel för\nstudiebesök", "godkänner uppföljningen"
    )
    f = facts_of(tmp_path, text + "Bakgrund\n\nPartnerskapet har pågått i tre år.\n")
    assert [p.name for p in f.projects] == ["Läxcaféet i Högdalen"]


def test_an_applications_costs_opened_by_their_total_and_the_sum_it_asks_for(
    tmp_path: Path,
) -> None:
    text = (
        DISTRICT_HEAD.format(year=2003, title="Ansökan om lokala utvecklingsmedel 2004")
        + """
Sammanfattning

Förvaltningen föreslår att nämnden söker medel för två projekt,
Ankaret och Vägvisaren, med sammanlagt 610 tkr för år 2004.

Tabell 1. Kostnader och finansiering 2004–2005
                                                          (tkr)
                                      Ankaret           Vägvisaren
                                   2004    2005       2004    2005

Total kostnad                       380     290        470     350
Sökta lokala utvecklingsmedel       260     190        350     240
Egen finansiering                   120     100        120     110
"""
    )
    f = facts_of(tmp_path, text)
    assert _kinds(f, 610_000) == ["other"]  # asked for, not granted
    for sek in (380_000, 260_000, 120_000, 470_000, 240_000, 110_000):
        assert _kinds(f, sek), sek  # every cell of the table is read, its total row first


def test_a_tillaggs_earlier_proposals_beside_the_new_ones(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2011, title="Tillägg till fördelning av lokala utvecklingsmedel 2011")
        + """
Tabell 1. Lokala utvecklingsmedel 2011

Förvaltning        Projekt                           Tidigare     Nytt
                                                     förslag      förslag
                                                     2011-02-08   2011-04-12
                                                     (kr)         (kr)

Farsta             Stöd till unga pappor              410 000      370 000
Bromma             Läxhjälp i samverkan med           290 000      260 000
                   skolan

Summa                                                 700 000      630 000
"""
    )
    f = facts_of(tmp_path, text)
    assert _kinds(f, 370_000) == ["project_cost"]
    assert _kinds(f, 410_000) == ["other"]  # the sum proposed before the change
    assert _kinds(f, 290_000) == ["other"]
    assert sorted(p.amount_sek or 0 for p in f.projects) == [260_000, 370_000]


def test_years_marked_with_a_footnote_head_a_grants_table(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2022, title="Lokala utvecklingsmedel 2023")
        + """
Bilaga 1

Förvaltning           Projekt                       2023     2024*      Totalt

Farsta                Läxhjälp i samverkan       410 000   380 000     790 000
                      med biblioteket
Bromma                Stöd till unga anhöriga    290 000         –     290 000

Summa                                            700 000   380 000   1 080 000

* Preliminärt belopp.
"""
    )
    f = facts_of(tmp_path, text)
    assert sorted(p.name for p in f.projects) == [
        "Läxhjälp i samverkan med biblioteket",
        "Stöd till unga anhöriga",
    ]


def test_a_trip_turned_down_in_the_money_column_of_an_amount_first_table(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2008, title="Medel för studiebesök (MUST) hösten 2008")
        + """
Bilaga

Belopp     Stadsdelsnämnd/            Resmål och syfte                   Antal
(kr)       förvaltning                                                   resenärer

24 000     Farsta                     Lissabon, uppsökande arbete bland     4
                                      unga vuxna
12 500     Bromma                     Åbo, familjerådslag i                 2
                                      barnavården
avslås     Skärholmen                 Toronto, konferens om                 3
                                      hemlöshet

36 500     Summa beviljat                                                6
"""
    )
    f = facts_of(tmp_path, text)
    got = sorted((p.name, p.status, tuple(d.district_id for d in p.districts)) for p in f.projects)
    assert got == [
        ("Lissabon, uppsökande arbete bland unga vuxna", "beviljad", ("farsta",)),
        ("Toronto, konferens om hemlöshet", "ansökt", ("skarholmen",)),
        ("Åbo, familjerådslag i barnavården", "beviljad", ("bromma",)),
    ]


def test_a_study_titled_at_the_head_of_its_paragraph(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2004, title="Årsrapport för stadsövergripande studier 2003")
        + """
Pågående studie

Unga vuxna i hemlöshet - en uppföljning av stödet i Farsta och Bromma
påbörjades i oktober 2003 och genomförs av Institutet för
socialforskning. Studien beräknas kosta 640 000 kronor och ska vara
klar i december 2004.

Under hösten 2003 påbörjades också arbetet med nästa års plan, som
genomförs av förvaltningen. Studien kostar inget extra.
"""
    )
    f = facts_of(tmp_path, text)
    got = [(p.name, sorted(d.district_id for d in p.districts), p.amount_sek) for p in f.projects]
    assert got == [
        (
            "Unga vuxna i hemlöshet - en uppföljning av stödet i Farsta och Bromma",
            ["bromma", "farsta"],
            640_000,
        )
    ]


def test_labelled_focus_areas_each_over_its_paragraph_and_clauses_counted(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2019, title="Inriktning för FoU-medel 2020")
        + """
Medel för studiebesök (MUST)

Ansökningar om MUST bedöms utifrån tre kriterier: att resan har ett
tydligt syfte för verksamheten, att resmålet arbetar med jämförbara
frågor och att deltagarna redovisar resan för kollegorna.

Stadsövergripande studier (FUM)

Förvaltningen föreslår följande fokusområden för FUM 2020.

Fokusområde 1. Unga vuxna utan sysselsättning

Kunskapen om vad som hjälper unga vuxna till arbete eller studier
behöver öka.

Fokusområde 2. Äldres ensamhet

Studier av hur uppsökande verksamhet når äldre som lever isolerat.

Redovisning av studier 2019

Två studier har slutförts under året.
"""
    )
    f = facts_of(tmp_path, text)
    crit = [(c.kind, c.text) for c in f.criteria]
    assert ("criterion", "resan har ett tydligt syfte för verksamheten") in crit
    assert ("criterion", "deltagarna redovisar resan för kollegorna") in crit
    assert [c for c in crit if c[0] == "focus_area"] == [
        ("focus_area", "Unga vuxna utan sysselsättning"),
        ("focus_area", "Äldres ensamhet"),
    ]


def test_an_age_group_written_as_a_word_stays_in_a_projects_name(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2008, title="Utvecklingsmedel för äldreomsorgen 2008")
        + """
Ansökningarna

Farsta stadsdelsnämnd har sökt 420 000 kronor för projektet
Hälsosamtal med 75-åringar i eget boende. Samtliga som fyller 75 år
erbjuds ett samtal. Förvaltningen föreslår att projektet beviljas
420 000 kronor.
"""
    )
    f = facts_of(tmp_path, text)
    assert [p.name for p in f.projects] == ["Hälsosamtal med 75-åringar i eget boende"]


def test_a_district_that_paid_takes_no_part() -> None:
    from pipeline.facts.finders import place_finder
    from pipeline.facts.participants import participants

    find = place_finder(2012, 2012)
    text = (
        "Projektet genomfördes i samarbete med Farsta stadsdelsförvaltning och fick "
        "medel från Skarpnäcks stadsdelsförvaltning för materialet."
    )
    assert [p.district_id for p in participants(text, find)] == ["farsta"]


def test_a_sentence_that_opens_with_a_projects_whole_name_names_its_partner(
    tmp_path: Path,
) -> None:
    text = (
        _EVENTS_HEAD
        + """Bedömning

Vårby Stafettkarneval i Sätraskogen arrangeras tillsammans med Skärholmens
stadsdelsförvaltning, som svarar för avspärrningarna.

Tabell 1. Arrangemangsstöd våren 2012, kronor

Förening                 Arrangemang, plats och datum            Sökt    Förslag

OK Pilen                 Vårby Stafettkarneval,                40 000     30 000
                         Sätraskogen, 14 april
Gröndals Simsällskap     Sjösimmet för unga, Trekanten,        55 000     45 000
                         9 juni
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    assert got == {"Vårby Stafettkarneval": ["skarholmen"], "Sjösimmet för unga": []}
