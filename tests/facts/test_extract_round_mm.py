"""Twenty-eighth session: layouts of the rounds opened for rules (g655–g662, last session's
sealed round; g679–g686, this session's first sealed round, once measured on two codes;
g687–g694, n467–n474 and g695–g702), each on a short text written for the test (none of
the rounds' names or sums):

* trips applied for as numbered lines standing as paragraphs, a visit reported under a
  heading of its own; the call's guidelines after "riktlinjer … ska" or "mot de riktlinjer";
* criteria announced by their number, lettered inline, a main criterion heading the
  grounds after it, a ranking order, a criteria table with weights;
* grants decided before a change, a revised column, a cost breakdown under a project, a
  table in "tusentals kronor", a share someone else pays, a footnote under a table;
* applications under verdict labels with associations and the sums sought in brackets,
  cards with the name on top of the owner, an owner with a partner on an item's wrapped
  lines, grants told one sentence each under owner headings;
* understanding: a repaired word keeps a table row's column gaps, "projektår" is no OCR
  damage, an agreement's title, a damaged "Till", a clause that ends on the next line.
"""

from __future__ import annotations

from pathlib import Path

from extract_helpers import understood
from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

DISTRICT_HEAD = """Skarpnäcks stadsdelsförvaltning                  Tjänsteutlåtande
Individ- och familjeomsorgen                     Dnr 502-77/{year}
                                                 Sida 1 (2)
                                                 {year}-10-14
Handläggare: Per Exempel                         Till
Tfn: 508 00 000                                  Skarpnäcks stadsdelsnämnd

{title}

Förslag till beslut

1. Stadsdelsnämnden godkänner förvaltningens ansökan om medel för
studiebesök enligt detta tjänsteutlåtande.

2. Paragrafen förklaras omedelbart justerad.

"""


def test_trips_applied_for_as_numbered_paragraph_heads_and_a_visit_reported(
    tmp_path: Path,
) -> None:
    text = (
        DISTRICT_HEAD.format(year=2006, title="Ansökan om medel för studiebesök (MUST) 2007")
        + """
Bakgrund

Socialtjänstnämnden fördelar varje år medel för studiebesök till
stadsdelarnas individ- och familjeomsorg.

Enligt nämndens riktlinjer ska ett studiebesök
- knyta an till ett utvecklingsarbete i stadsdelen,
- ge kunskap som kan spridas till fler enheter,
- följas av en skriftlig rapport till nämnden.

Förvaltningens ansökan

1. Oslo - mottagning för unga med spelproblem

Två behandlare i vuxengruppen vill hälsa på en mottagning i Oslo
som arbetar med unga spelare och deras anhöriga. Resa och logi
beräknas till 5 200 kr per person, totalt 10 400 kr.

2. Tammerfors - skolsociala team i grundskolan

Tre skolsocialsekreterare vill följa de skolsociala teamen i
Tammerfors under två dagar. Förvaltningen söker 21 300 kr för
resa, logi och tolk.

Genomförda studiebesök

Aarhus - familjeklasser för barn med oro i skolan

Socialtjänstnämnden beviljade i mars 2006 förvaltningen 16 500 kr
för ett studiebesök i Aarhus. Fyra medarbetare besökte kommunens
familjeklasser i maj och rapporten har lämnats till nämnden.
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.status, p.amount_sek) for p in f.projects}
    assert got.get("Oslo - mottagning för unga med spelproblem") == ("ansökt", 10400)
    assert got.get("Tammerfors - skolsociala team i grundskolan") == ("ansökt", 21300)
    assert got.get("Aarhus - familjeklasser för barn med oro i skolan") == ("genomförd", 16500)
    kinds = {a.sek: a.kind for a in f.amounts}
    # the trip's cost summed from its parts, and the visit's grant, are the projects' sums
    assert kinds[10400] == "project_cost"
    assert kinds[16500] == "project_cost"
    assert kinds[5200] == "other"  # per person
    assert [c.text for c in f.criteria] == [
        "knyta an till ett utvecklingsarbete i stadsdelen",
        "ge kunskap som kan spridas till fler enheter",
        "följas av en skriftlig rapport till nämnden",
    ]


def test_numbered_decision_items_and_list_lines_are_no_trip_heads(tmp_path: Path) -> None:
    """A numbered line with its sum, or a numbered sentence, is a list item, not a heading
    over a section."""
    text = (
        DISTRICT_HEAD.format(year=2006, title="Fördelning av medel för studiebesök 2007")
        + """
Förvaltningen föreslår att följande studiebesök beviljas.

1. Studiebesök i Bergen, Skarpnäcks stadsdelsförvaltning, 18 000 kr

2. Studiebesök i Umeå, Farsta stadsdelsförvaltning, 12 000 kr

Resorna ska redovisas till nämnden senast i december 2007.
"""
    )
    f = facts_of(tmp_path, text)
    names = sorted(p.name for p in f.projects)
    assert names == ["Studiebesök i Bergen", "Studiebesök i Umeå"], names


def test_criteria_announced_by_their_number_in_sentences_and_in_a_series(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2016, title="Lokala utvecklingsmedel och FUM 2017")
        + """
Lokala utvecklingsmedel 2017

Socialnämnden bedömer ansökningarna om lokala utvecklingsmedel utifrån tre
kriterier. Projektet ska pröva ett arbetssätt som är nytt för förvaltningen.
Det ska också följas av en forskare eller en FoU-miljö. Slutligen ska
resultaten kunna spridas till andra stadsdelsförvaltningar.

Stadsövergripande studier

Nämnden har för 2017 angett tre fokusområden för stadsövergripande studier
(FUM): hemlöshet bland unga vuxna, ekonomiskt bistånd till äldre samt
barns delaktighet i utredningar.

Förvaltningen har formulerat fem kriterier. Dessa finns i bilaga 2.
"""
    )
    f = facts_of(tmp_path, text)
    got = [(c.kind, c.fund_type, c.position, c.text.rstrip(".")) for c in f.criteria]
    assert got == [
        ("criterion", "LUM", 1, "Projektet ska pröva ett arbetssätt som är nytt för förvaltningen"),
        ("criterion", "LUM", 2, "Det ska också följas av en forskare eller en FoU-miljö"),
        (
            "criterion",
            "LUM",
            3,
            "Slutligen ska resultaten kunna spridas till andra stadsdelsförvaltningar",
        ),
        ("focus_area", "FUM", 1, "hemlöshet bland unga vuxna"),
        ("focus_area", "FUM", 2, "ekonomiskt bistånd till äldre"),
        ("focus_area", "FUM", 3, "barns delaktighet i utredningar"),
    ], got  # (five announced, one sentence after: no list)


def test_a_main_criterion_heading_lettered_grounds_and_a_ranking_order(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2019, title="Medel för studiebesök och LUM 2020")
        + """
Kriterier för MUST 2020

Huvudkriteriet för att beviljas MUST är att resan knyter an till ett
utvecklingsarbete i den egna verksamheten. Därutöver bedöms ansökningarna
utifrån om a) besöket avser en verksamhet som har utvärderats, b) deltagarna
kommer från fler än en enhet och c) resan är planerad i god tid.

Därutöver kan ansökningar om LUM prioriteras som rör a) barn som bor i
skyddat boende eller b) äldre med ekonomiskt bistånd. Ansökningar som får
samma bedömning rangordnas efter dessa inriktningar.

Inför fördelningen av LUM har FoU-rådet tillämpat följande prioriteringsordning:

1. Projekt som redan har lämnat en delrapport.
2. Projekt som omfattar fler än en förvaltning.
"""
    )
    f = facts_of(tmp_path, text)
    got = [(c.kind, c.fund_type, c.position, c.text[:40]) for c in f.criteria]
    assert got[:4] == [
        ("criterion", "MUST", 1, "Huvudkriteriet för att beviljas MUST är "),
        ("criterion", "MUST", 2, "besöket avser en verksamhet som har utvä"),
        ("criterion", "MUST", 3, "deltagarna kommer från fler än en enhet"),
        ("criterion", "MUST", 4, "resan är planerad i god tid"),
    ], got
    assert [(c.kind, c.text) for c in f.criteria if c.kind == "priority"] == [
        ("priority", "barn som bor i skyddat boende"),
        ("priority", "äldre med ekonomiskt bistånd"),
    ]
    # "rangordnas efter dessa inriktningar." refers back: no list of its own
    assert not [c for c in f.criteria if "samma bedömning" in c.text]
    assert [c.text.rstrip(".") for c in f.criteria if c.fund_type == "LUM"][-2:] == [
        "Projekt som redan har lämnat en delrapport",
        "Projekt som omfattar fler än en förvaltning",
    ]


def test_grants_decided_before_a_change_stay_grants_and_a_share_paid_by_another(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2015, title="Tillägg till fördelning av lokala utvecklingsmedel 2015")
        + """
Ändrade belopp (tkr)

Projekt                          Beviljat 2014-12-09    Nytt belopp
Stöd till unga anhöriga                  300                 250
Läxläsning på biblioteket                180                 180
Summa                                    480                 430

Kvällsöppen mottagning
Projektet drivs av socialpsykiatrin under 2015. Projektets totala kostnad
beräknas till 500 tkr, varav 150 000 kronor från Bromma stadsdelsnämnd.
Förvaltningen föreslår att projektet beviljas 350 tkr.

Skrivstuga för nyanlända
Projektet drivs av vuxenenheten under 2015. Förvaltningen föreslår att
projektet beviljas 120 tkr.
"""
    )
    f = facts_of(tmp_path, text)
    kinds = sorted((a.sek, a.kind) for a in f.amounts)
    # the old grants are grants (project_cost), the new sums the projects'
    assert kinds.count((180000, "project_cost")) == 2, kinds
    assert (300000, "project_cost") in kinds
    assert (480000, "total_granted") in kinds and (430000, "total_granted") in kinds
    assert {p.name: p.amount_sek for p in f.projects}.get("Stöd till unga anhöriga") == 250000
    assert (150000, "other") in kinds  # a share someone else pays


def test_applications_under_verdict_labels_with_associations_and_sums_sought(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2022, title="Fördelning av projektbidrag för spontanidrott 2023")
        + """
Bilaga 1. Ansökningar och förvaltningens förslag

Förslag: beviljas

•  Ekbackens Bollklubb, ”Fotboll på fredagar”, Hökarängen:
   120 000 kronor (sökt 150 000)
•  Sjövikens Kanotförening, ”Paddla tillsammans”, Liljeholmen, i samverkan
   med Hägersten-Älvsjö stadsdelsförvaltning: 90 000 kronor (sökt 90 000)

Förslag: avslås

•  Norrviks Golfklubb, ”Golf för alla”, Bromma: sökt 200 000 kronor
"""
    )
    f = facts_of(tmp_path, text)
    got = {p.name: (p.status, p.amount_sek, p.performer) for p in f.projects}
    assert got == {
        "Fotboll på fredagar": ("beviljad", 120000, "Ekbackens Bollklubb"),
        "Paddla tillsammans": ("beviljad", 90000, "Sjövikens Kanotförening"),
        "Golf för alla": ("ansökt", 200000, "Norrviks Golfklubb"),
    }, got
    districts = {p.name: [d.district_id for d in p.districts] for p in f.projects}
    # the venue and the association's own place name own nothing; a partner förvaltning does
    assert districts["Fotboll på fredagar"] == []
    assert districts["Paddla tillsammans"] == ["hagersten-alvsjo"]
    kinds = sorted((a.sek, a.kind) for a in f.amounts)
    assert (150000, "other") in kinds  # the sum sought, in brackets after the grant
    assert kinds.count((90000, "other")) == 1 and (90000, "project_cost") in kinds


def test_a_footnote_under_a_table_is_no_row(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2016, title="Stadsövergripande studier 2016 – lägesrapport")
        + """
Tabell 1. Studier finansierade med FUM

Studie                      Genomförs av                 Klart         Kostnad
                                                                        (tkr)
Unga vuxna i                Lindvik Analys AB            maj 2016          480
hemlöshet
Föräldrastöd i              Institutionen för socialt    2018              950
öppenvården (tre sdf)¹      arbete, Norrtuna högskola

¹ Bromma, Farsta och Skärholmen.
"""
    )
    f = facts_of(tmp_path, text)
    names = sorted(p.name for p in f.projects)
    assert names == ["Föräldrastöd i öppenvården", "Unga vuxna i hemlöshet"], names
    districts = {p.name: sorted(d.district_id for d in p.districts) for p in f.projects}
    assert districts["Föräldrastöd i öppenvården"] == ["bromma", "farsta", "skarholmen"]


def test_cards_with_the_name_on_top_of_the_owner_on_top_of_the_fields(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021, title="Redovisning av lokala utvecklingsprojekt 2020")
        + """
Avslutade projekt

Följande projekt fick lokala utvecklingsmedel 2020 och har nu redovisats.

Läsfrämjande i öppna förskolan
Skärholmens stadsdelsförvaltning
Beviljat belopp: 240 000 kronor
Resultat: Fler familjer lånar böcker och metoden sprids.

Budgetrådgivning för unga vuxna
Farsta stadsdelsförvaltning (medsökande Skarpnäck)
Beviljat belopp: 310 000 kronor
Resultat: Trettio unga vuxna fick rådgivning under året.

Digital tidbokning i mottagningen
Kungsholmens stadsdelsförvaltning
Beviljat belopp: 150 000 kronor
Resultat: Väntetiden till ett första samtal har halverats.
"""
    )
    f = facts_of(tmp_path, text)
    got = {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    }
    assert got == {
        "Läsfrämjande i öppna förskolan": (("skarholmen",), 240000),
        "Budgetrådgivning för unga vuxna": (("farsta", "skarpnack"), 310000),
        "Digital tidbokning i mottagningen": (("kungsholmen",), 150000),
    }, got


def test_an_applications_cost_breakdown_and_a_revised_column(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2021, title="Lokala utvecklingsmedel 2022 – reviderat förslag")
        + """
Projekt 1: Läsombud i förskolan

Förvaltningen söker 300 000 kronor för projektets andra år.

Budget 2022 (kronor)
Projektledare 40 procent                         210 000
Handledning av forskare                           60 000
Material och tryck                                30 000
Summa                                            300 000

Tabell 2. Förslag efter omprioritering (kronor)

Förvaltning       Projekt                        Förslag i       Reviderat
                                                 TJUT            förslag
Bromma            Kvällsöppet för unga vuxna     250 000         200 000
Farsta            Hemmaplan för tonåringar       320 000         300 000
"""
    )
    f = facts_of(tmp_path, text)
    kinds = sorted((a.sek, a.kind) for a in f.amounts)
    # the breakdown's lines are cost items, its Summa the project's cost, no budget
    assert (210000, "other") in kinds and (60000, "other") in kinds, kinds
    assert not [k for k in kinds if k[1] == "budget"], kinds
    got = {p.name: p.amount_sek for p in f.projects}
    assert got.get("Kvällsöppet för unga vuxna") == 200000, got  # the revised sum
    assert (250000, "other") in kinds  # the sum before the revision


def test_a_partner_after_the_owner_on_an_items_wrapped_lines(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2009, title="Lokala utvecklingsmedel 2010")
        + """
Ansökningarna

1. Kvällsöppet för unga vuxna,
Bromma stadsdelsförvaltning i samverkan med Kungsholmens
stadsdelsförvaltning
Projektet ska pröva kvällsöppen rådgivning. Förvaltningen föreslår att
projektet beviljas 200 000 kronor (sökt 240 000 kronor).

2. Hemmaplan för tonåringar,
Farsta stadsdelsförvaltning
Projektet ska pröva öppenvård i stället för placering. Förvaltningen
föreslår att projektet beviljas 300 000 kronor.
"""
    )
    f = facts_of(tmp_path, text)
    got = {
        p.name: (p.amount_sek, tuple(sorted(d.district_id for d in p.districts)))
        for p in f.projects
    }
    assert got == {
        "Kvällsöppet för unga vuxna": (200000, ("bromma", "kungsholmen")),
        "Hemmaplan för tonåringar": (300000, ("farsta",)),
    }, got


def test_an_agreement_is_titled_by_its_kind_over_its_subject(tmp_path: Path) -> None:
    text = """                                                  Bilaga 2
                                                  Dnr 1.2-300/2016
                                                  Sida 1 (2)


ÖVERENSKOMMELSE
om idéburet offentligt partnerskap för stödboende för unga
kvinnor 2017–2019


§ 1  Parter

Mellan Södermalms stadsdelsnämnd och Föreningen Trappan har följande
överenskommelse träffats.


§ 2  Ersättning

Föreningen erhåller 900 000 kronor per år under avtalstiden.
"""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = understood(path)
    assert doc.meta.title == (
        "Överenskommelse om idéburet offentligt partnerskap för stödboende för unga kvinnor "
        "2017–2019"
    )


def test_a_repaired_word_keeps_a_table_rows_column_gaps(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2005, title="Medel för studiebesök (MUST) 2006")
        + """
Resmål och syfte                      Sökande                 Delt.   Förslag
                                                                      (tkr)
Glasgow – Women's Aid, stöd           Farsta                     3     16,0
till våldsutsatta kvinnor
Oslo – familjeråd i barnavården       Vantör                     4     12,5
"""
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    rows = [ln.text for page in understood(path).pages for ln in page.lines if "Glasgow" in ln.text]
    assert rows and "   " in rows[0].split("Aid,", 1)[1], rows  # the gaps between columns stay
    f = facts_of(tmp_path, text)
    got = {p.name[:6]: (p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects}
    assert got == {"Glasgo": (16000, ["farsta"]), "Oslo –": (12500, ["vantor"])}, got


def test_a_clause_that_ends_its_sentence_on_the_next_line_introduces_no_list(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2005, title="Medel för studiebesök (MUST) 2006")
        + """
Förvaltningen har i bedömningen också tagit hänsyn till att
resorna ska fördelas över stadens olika delar.


EKONOMISKA KONSEKVENSER

Förslaget ryms inom de 200 000 kr som nämnden har avsatt.
Efter fördelningen återstår 40 000 kr.
"""
    )
    f = facts_of(tmp_path, text)
    assert [c.text for c in f.criteria if "återstår" in c.text or "KONSEKVENSER" in c.text] == []


def test_a_districts_report_that_also_applies_owns_its_projects_under_a_damaged_till(
    tmp_path: Path,
) -> None:
    text = """FARSTA STADSDELSFORVALTNING                     TJANSTEUTLATANDE
Individ- och familjeomsorgen                    Dnr 504-101/03
                                                2003-03-11
Handlaggare: Per Exempel                        T1ll
Tfn 08-508 00 000                               Farsta stadsdelsnamnd
                                                2003-03-27


REDOVISNING AV DROGFOREBYGGANDE PROJEKT 2002 SAMT ANSOKAN OM
MEDEL FOR 2003


Forslag till beslut

1. Stadsdelsnamnden godkanner redovisningen och overlamnar den till
   kommunstyrelsen.


Genomforda projekt 2002

- Kvallsoppet pa fritidsgarden Dalen, 110 000 kr. Projektet avslutades
  i december 2002.
- Samtalsgrupp for unga i Hokarangen, 90 000 kr. Projektet avslutades
  i juni 2002.
"""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert understood(path).meta.committee == "Farsta stadsdelsnämnd"
    f = facts_of(tmp_path, text)
    owners = {p.name[:12]: [d.district_id for d in p.districts] for p in f.projects}
    assert owners and all(v == ["farsta"] for v in owners.values()), owners


def test_a_report_of_grants_told_one_sentence_each_under_owner_headings(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2025, title="Årsrapport för lokala utvecklingsmedel 2024")
        + """
Lokala utvecklingsmedel 2024

Medlen gick till sex projekt. Under året beviljades 90 000 kronor till
handledning av projektledarna.

Farsta stadsdelsförvaltning
Läxhjälp på biblioteket (projektår 1 av 2) fick 210 000 kronor. Projektet
har nått fyrtio elever.

Södermalms stadsdelsförvaltning
Kvällsöppen rådgivning (projektår 2 av 2) fick 330 000 kronor. Projektet
har avslutats och arbetssättet ingår nu i ordinarie verksamhet.
"""
    )
    f = facts_of(tmp_path, text)
    got = {
        p.name: (p.status, p.amount_sek, [d.district_id for d in p.districts]) for p in f.projects
    }
    assert got == {
        "Läxhjälp på biblioteket": ("pågående", 210000, ["farsta"]),
        "Kvällsöppen rådgivning": ("genomförd", 330000, ["sodermalm"]),
    }, got


def test_a_table_in_thousands_of_kronor_and_a_criteria_table_with_weights(
    tmp_path: Path,
) -> None:
    text = (
        HEAD.format(year=2023, title="Utlysning av lokala utvecklingsmedel 2024")
        + """
Bedömning

Ansökningarna poängsätts utifrån tre bedömningskriterier enligt tabellen.

Bedömningskriterium                                         Vikt

Projektet har strategisk betydelse för stadens
socialtjänst                                                 40 %
Projektet utgår från brukarnas behov                         30 %
Projektet har en plan för implementering                     30 %

Förvaltningen har prövat ansökningarna mot de riktlinjer som nämnden
fastställde:

  -  projektet ska pröva en ny metod
  -  resultaten ska kunna spridas

Projekt 1: Samtal i hemmet

Budget, tusentals kronor            2024       2025     Totalt

Projektledare, 50 procent            210        220        430
Handledning                           40         40         80

Summa                                250        260        510
"""
    )
    f = facts_of(tmp_path, text)
    crit = [c.text for c in f.criteria]
    assert crit[:3] == [
        "Projektet har strategisk betydelse för stadens socialtjänst",
        "Projektet utgår från brukarnas behov",
        "Projektet har en plan för implementering",
    ], crit
    assert "projektet ska pröva en ny metod" in crit
    sums = {a.sek for a in f.amounts}
    assert {210000, 430000, 510000} <= sums, sorted(sums)  # thousands, not kronor


def test_a_compound_of_a_common_word_and_ar_is_no_ocr_damage(tmp_path: Path) -> None:
    text = (
        HEAD.format(year=2025, title="Årsrapport 2024")
        + """
Projektet är inne på sitt andra projektår. Budgetåret 2024 avslutades med
ett litet överskott.
"""
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    body = " ".join(ln.text for page in understood(path).pages for ln in page.lines)
    assert "projektår" in body and "projektor" not in body
