"""Thirty-ninth session: layouts of the rounds opened for rules, each on a short text written
for the test (none of the rounds' names or sums):

* comments under a table of studies, each paragraph opening with the study's name said short
  as a sentence of its own ("Hemlösa kvinnor med missbruk. Studien genomförs i samarbete med
  …"): the paragraph is that study's text, and the districts it names as taking part are the
  study's;
* a study "genomförs av <performer> i <districts>": the districts take part; a body consulted
  ("i samråd med äldreförvaltningen") does not;
* a numbered item whose sum wraps onto a line of its own after a dash ("2. Name, Bromma
  stadsdelsförvaltning" ⏎ "— 320 000 kronor"): the sum is the item's;
* grants listed as "Owner: Project, sum", an entry wrapping onto the next line: the owner
  before the colon owns the project;
* "utvecklingsmedel från Länsstyrelsen" is a state grant, not the nämnd's own money;
* lettered items "a)  Owner" over the project's name and sum;
* a quoted proposal set in as a block: its criteria bullets and its project bullets are two
  lists (the paragraphs between them, at the bullets' own indent, are no part of an item);
  an item's owner ending its line with a colon ("…, Stödcentrum för unga brottsoffer:") and
  a trip "District, City: purpose";
* a table whose rows are grouped under labels ("Föreningar", "Egna verksamheter"), each group
  closed by its "Summa …" row: the second group's rows are the table's too;
* quarters' columns ("Kv 1" … "Kv 4") are money used, beside the granted sum;
* residents' proposals carried out, each with its votes in brackets and its cost: projects of
  the medborgarbudget, named without the bracket;
* a register of delegated decisions ("Nr  Datum  Ärende  Belopp"): a matter that grants a
  district money ("MUST, Farsta sdf: studiebesök …", "Bromma sdf beviljas medel för
  studiebesök i Oslo – …", "Avslag på ansökan från … (sökt 20 000 kr)") is a project; orders,
  leases and statements are none;
* "Bidrag till föreningar" is the föreningsbidrag; a grant form the title names
  ("Utvecklingsbidrag för …") is the document's money though its body speaks of grants to
  associations;
* "Förv." over a column of districts' abbreviations.
"""

from __future__ import annotations

from pathlib import Path

from test_extract_layouts import facts_of
from test_extract_round_ii import HEAD

from pipeline.facts.context import document_fund, find_funds
from pipeline.facts.header_roles import header_role
from pipeline.records import Facts


def _projects(f: Facts) -> dict[str, tuple[tuple[str, ...], int | None]]:
    return {
        p.name: (tuple(sorted(d.district_id for d in p.districts)), p.amount_sek)
        for p in f.projects
    }


STUDIES = """
Föreslagna studier

Studie                     Utförare                 Klart        Kostnad
Hemlösa kvinnor med        Institutionen för        juni 2012    610 000 kr
missbruk - en uppföljning  socialt arbete,
av boendestödet            Lunds universitet
Skolfrånvaro och           Centrum för              maj 2012     480 000 kr
orosanmälningar - en       barnforskning,
kartläggning               Uppsala universitet
Äldre anhörigvårdare       Ersta Sköndal            mars 2012    390 000 kr
i invandrarfamiljer        högskola

Summa                                                            1 480 000 kr


Kommentarer till studierna

Hemlösa kvinnor med missbruk. Studien följer omkring 40 kvinnor
som har haft boendestöd i minst ett år. Den genomförs i samarbete
med stadsdelsförvaltningarna i Södermalm och Kungsholmen.

Skolfrånvaro och orosanmälningar. Kartläggningen görs i Farsta och
Skärholmen tillsammans med utbildningsförvaltningen.

Äldre anhörigvårdare. Studien omfattar anhöriga i hela staden,
oavsett vilken stadsdel som beviljat insatsen.
"""


def test_comments_that_name_a_study_short_give_it_its_districts(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2011, title="Beställning av stadsövergripande FoU-studier 2011") + STUDIES,
    )
    got = _projects(f)
    assert got["Hemlösa kvinnor med missbruk - en uppföljning av boendestödet"] == (
        ("kungsholmen", "sodermalm"),
        610000,
    )
    assert got["Skolfrånvaro och orosanmälningar - en kartläggning"][0][:2] == (
        "farsta",
        "skarholmen",
    )
    assert got["Äldre anhörigvårdare i invandrarfamiljer"] == ((), 390000)


STUDY_PARAGRAPHS = """
Föreslagna studier

Studie 1. Unga i öppenvård - vad händer efteråt?

Studien följer ungdomar som under 2008 fick öppenvård. Studien
genomförs av Forskningsgruppen Ungdomsvård AB i Bromma och
Farsta. Den kostar 450 000 kr.

Studie 2. Ekonomiskt bistånd till unga vuxna

Studien kartlägger vilka som söker ekonomiskt bistånd. Studien
genomförs av Sociologiska institutionen vid Lunds universitet, i
samråd med socialtjänstförvaltningen. Den kostar 520 000 kr.
"""


def test_carried_out_in_districts_but_not_those_consulted(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2008, title="Beställning av stadsövergripande FoU-studier 2008")
        + STUDY_PARAGRAPHS,
    )
    got = _projects(f)
    assert got["Unga i öppenvård - vad händer efteråt?"][0] == ("bromma", "farsta")
    assert got["Ekonomiskt bistånd till unga vuxna"][0] == ()


def test_a_numbered_items_sum_on_a_dashed_line_of_its_own(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2012, title="Fördelning av lokala utvecklingsmedel 2013")
        + """
Lokala utvecklingsmedel 2013

Följande projekt föreslås beviljas lokala utvecklingsmedel för
2013.

1. Stöd till unga anhöriga i missbruksfamiljer, Farsta
stadsdelsförvaltning - 410 000 kronor
2. Tidiga samtal vid skolfrånvaro, Bromma stadsdelsförvaltning
— 275 000 kronor
3. Gruppverksamhet för pappor, Östermalms stadsdelsförvaltning
- 190 000 kronor

Summa 875 000 kronor
""",
    )
    got = _projects(f)
    assert got["Tidiga samtal vid skolfrånvaro"] == (("bromma",), 275000)
    assert got["Gruppverksamhet för pappor"] == (("ostermalm",), 190000)


def test_grants_keyed_by_their_owner_and_a_colon(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2012, title="Medel för studiebesök (MUST) 2013")
        + """
Medel för studiebesök (MUST) 2013

En ansökan kan beviljas högst 25 000 kronor.

Skärholmen: Köpenhamn - samordnade insatser för unga i hemlöshet,
22 000 kronor
Bromma: Tammerfors - digitalt stöd i ekonomiskt bistånd, 18 000 kronor
Socialförvaltningen, Enheten för hemlösa: Edinburgh - boende
först för unga vuxna, 24 000 kronor

Summa 64 000 kronor
""",
    )
    got = _projects(f)
    assert got["Köpenhamn - samordnade insatser för unga i hemlöshet"] == (("skarholmen",), 22000)
    assert got["Tammerfors - digitalt stöd i ekonomiskt bistånd"] == (("bromma",), 18000)
    assert got["Edinburgh - boende först för unga vuxna"] == (
        ("enheten-for-hemlosa", "socialforvaltningen"),
        24000,
    )
    assert {p.fund_type for p in f.projects} == {"MUST"}


def test_development_money_from_the_county_board_is_a_state_grant() -> None:
    said = "Ansökan om utvecklingsmedel från Länsstyrelsen i Stockholms län 2014"
    assert [f[2] for f in find_funds(said)] == ["statsbidrag"]
    assert [f[2] for f in find_funds("Nämnden fördelar lokala utvecklingsmedel 2014")] == ["LUM"]


def test_lettered_items_under_their_owner(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=1999, title="Fördelning av lokala utvecklingsmedel 1999")
        + """
Förvaltningen föreslår följande fördelning av projektmedel för år 1999.

       a)  Kista stadsdelsförvaltning
           Läxhjälp med volontärer i Husby                 210 000 kr

       b)  Bromma och Kungsholmens stadsdelsförvaltningar
           (gemensam ansökan)
           Samordnad hemtjänst för äldre med
           missbruksproblem                                260 000 kr

       c)  Farsta stadsdelsförvaltning
           Föräldragrupper för nyanlända familjer          175 000 kr
""",
    )
    got = _projects(f)
    assert got["Läxhjälp med volontärer i Husby"] == (("kista",), 210000)
    assert got["Samordnad hemtjänst för äldre med missbruksproblem"] == (
        ("bromma", "kungsholmen"),
        260000,
    )
    assert got["Föräldragrupper för nyanlända familjer"] == (("farsta",), 175000)


def test_a_quoted_proposals_bullets(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2014, title="Lokala utvecklingsmedel och MUST 2014")
        + """
Ärendet

Socialförvaltningen anför i tjänsteutlåtande i huvudsak följande.

        Ansökningarna har prioriterats utifrån följande kriterier.

        -  Projektet omfattar flera stadsdelsförvaltningar.
        -  Projektet har en plan för hur resultaten ska tas till
           vara i ordinarie verksamhet.

        Förvaltningen föreslår att följande tre projekt beviljas
        lokala utvecklingsmedel.

        -  Farsta stadsdelsförvaltning: Samtalsstöd för unga pappor,
           310 000 kr
        -  Socialförvaltningen, Enheten för hemlösa:
           Bostadscoacher för unga vuxna, 290 000 kr
        -  Bromma stadsdelsförvaltning: Tidiga samtal vid
           skolfrånvaro, 260 000 kr

        Förvaltningen föreslår att följande två studiebesök
        beviljas medel.

        -  Kungsholmen, Bergen: barnahus och samverkan, 22 000 kr
        -  Skarpnäck, Tammerfors: mobila team för unga, 19 000 kr
""",
    )
    got = _projects(f)
    assert got["Samtalsstöd för unga pappor"] == (("farsta",), 310000)
    assert got["Bostadscoacher för unga vuxna"] == (
        ("enheten-for-hemlosa", "socialforvaltningen"),
        290000,
    )
    assert got["Bergen: barnahus och samverkan"] == (("kungsholmen",), 22000)
    assert got["Tammerfors: mobila team för unga"] == (("skarpnack",), 19000)
    assert not any(name.startswith("Projektet") for name in got)


def test_grouped_rows_under_labels_closed_by_their_summa(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2017, title="Fördelning av statsbidrag för sommarlovsaktiviteter 2017")
        + """
Aktivitet                          Arrangör                        Belopp

Föreningar

Fotbollsskola på sportlovet        Rinkeby Bollklubb               80 000
Läger i skärgården                 Scoutkåren Seglarna             95 000
Summa föreningar                                                  175 000

Egna verksamheter

Sommaröppet på fritidsgården       Fritidsgården Kupolen          140 000
Parklek med kvällsöppet            Parkleken Ekorren               60 000
Summa egna verksamheter                                           200 000

Totalt fördelat                                                   375 000
Reserv                                                             25 000
""",
    )
    names = {p.name for p in f.projects}
    assert {"Sommaröppet på fritidsgården", "Parklek med kvällsöppet"} <= names
    assert "Reserv" not in names


def test_quarters_columns_are_money_used(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2022, title="Redovisning av projekt med lokala utvecklingsmedel 2021")
        + """
Projekt                     Beviljat      Kv 1      Kv 2      Kv 3      Kv 4   Förbrukat
-----------------------------------------------------------------------------------------
Stödsamtal för unga         410 000    90 000    80 000    95 000   100 000     365 000
vuxna (LUM)

Föräldraskap i förskolan    320 000    70 000    60 000    75 000    90 000     295 000
(LUM)
-----------------------------------------------------------------------------------------
Summa                       730 000   160 000   140 000   170 000   190 000     660 000
""",
    )
    assert {p.name: p.amount_sek for p in f.projects} == {
        "Stödsamtal för unga vuxna": 410000,
        "Föräldraskap i förskolan": 320000,
    }


def test_residents_proposals_carried_out(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        """Skarpnäcks stadsdelsnämnd                        PROTOKOLLSUTDRAG
                                                 Sammanträdesdatum 2019-05-16

§ 12
Medborgarbudget för Bagarmossen 2019

Förslag som genomförs (stadsdel, antal röster): kostnad

1.  Belysning längs gångvägen vid Bagarmossens skola
    (Bagarmossen, 212 röster): 75 000 kr
2.  Bänkar och planteringar på torget (Bagarmossen,
    180 röster): 40 000 kr
3.  Sommarteater i parken (Bagarmossen, 150 röster): 30 000 kr
""",
    )
    got = {p.name: (p.amount_sek, p.fund_type) for p in f.projects}
    assert got["Belysning längs gångvägen vid Bagarmossens skola"] == (75000, "medborgarbudget")
    assert got["Bänkar och planteringar på torget"] == (40000, "medborgarbudget")


REGISTER = """
Förteckning över delegationsbeslut mars 2017

Nr  Datum       Ärende                                                  Belopp, kr

1   2017-03-02  MUST, Bromma sdf: studiebesök Familjecentralen i           14 500
                Västerås, 3 delt.
2   2017-03-06  Yttrande till förvaltningsrätten i mål om LVU                   –
3   2017-03-09  Avtal om handledning, Konsultbyrån Klara AB                 48 000
4   2017-03-14  Farsta sdf beviljas medel för studiebesök i Oslo –          21 000
                mottagning för unga med missbruk. 4 deltagare.
5   2017-03-20  Avslag på ansökan från Kungsholmens sdf om medel        avslag
                för en konferens om hemlöshet i Wien (sökt 20 000
                kr). Konferensavgifter finansieras inte.
"""


def test_grants_in_a_register_of_delegated_decisions(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2017, title="Anmälan av delegationsbeslut om medel för studiebesök")
        + REGISTER,
    )
    got = {
        p.name: (tuple(d.district_id for d in p.districts), p.amount_sek, p.status)
        for p in f.projects
    }
    assert got == {
        "Studiebesök Familjecentralen i Västerås": (("bromma",), 14500, "beviljad"),
        "Oslo – mottagning för unga med missbruk": (("farsta",), 21000, "beviljad"),
        "Konferens om hemlöshet i Wien": (("kungsholmen",), 20000, "ansökt"),
    }


def test_grants_to_associations_and_organisations_by_their_names() -> None:
    assert [f[2] for f in find_funds("Bidrag till föreningar och organisationer 2001")] == [
        "föreningsbidrag"
    ]
    assert (
        document_fund(
            "Utvecklingsbidrag för integration genom idrott 2012",
            "Nämnden lämnar bidrag till föreningar som … bidrag till föreningar …",
            committee="Idrottsnämnden",
        )
        == "utvecklingsbidrag"
    )


def test_an_abbreviated_forvaltning_column() -> None:
    assert header_role("Förv.¹") == "district"
    assert header_role("Förv.") == "district"


def test_a_compound_kind_word_before_a_quoted_name(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2012, title="Medel för forsknings- och utvecklingsprojekt 2012")
        + """
Socialnämnden beslutar

att bevilja 900 000 kronor för år 2012 till forskningsprojektet
”Unga vuxna i hemlöshet – vägar till eget boende”,

att förklara paragrafen omedelbart justerad.
""",
    )
    assert {p.name: p.amount_sek for p in f.projects} == {
        "Unga vuxna i hemlöshet – vägar till eget boende": 900000
    }


def test_a_unit_in_brackets_after_a_headers_words() -> None:
    assert header_role("Sökt totalt (kr)") == "applied"
    assert header_role("Sökt totalt") == "applied"


def test_rows_numbered_by_a_glued_number_with_their_sums_below(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2021, title="Uppföljning av lokala utvecklingsprojekt 2020")
        + """
Projekt                          Projektägare       Beviljat             Utfall
                                                    2020       2021      2020
-------------------------------------------------------------------------------
1 Digitalt stöd i                Farsta
  försörjningsstödet             sdf                250 000    230 000   240 000
2 Samtalsgrupper för             Bromma
  unga pappor                    sdf                180 000    190 000   170 000
3 Barnets röst i                 Kungsholmens
  utredningar                    sdf                300 000    280 000   295 000
-------------------------------------------------------------------------------
""",
    )
    got = _projects(f)
    assert got["Digitalt stöd i försörjningsstödet"] == (("farsta",), 250000)
    assert got["Samtalsgrupper för unga pappor"] == (("bromma",), 180000)
    assert got["Barnets röst i utredningar"] == (("kungsholmen",), 300000)
    assert not any(a.sek in (2020, 2021) for a in f.amounts)


def test_the_date_after_a_performers_name_is_no_part_of_it(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(year=2019, title="FoU-plan 2019 för stadsövergripande forskning")
        + """
Förvaltningen föreslår att följande studier beställs under 2019.

1.  Placerade barns fritid – en enkätstudie
    (Uppsala universitet, klart december 2019): 310 000 kr
2.  Samverkan kring unga med missbruk
    (Ersta Sköndal Bräcke högskola, klart juni 2020): 280 000 kr
""",
    )
    assert {p.name: p.performer for p in f.projects} == {
        "Placerade barns fritid – en enkätstudie": "Uppsala universitet",
        "Samverkan kring unga med missbruk": "Ersta Sköndal Bräcke högskola",
    }


def test_a_followed_up_tables_cells_and_mixed_summa(tmp_path: Path) -> None:
    f = facts_of(
        tmp_path,
        HEAD.format(
            year=2021, title="Redovisning av projekt med lokala utvecklingsmedel och MUL 2020"
        )
        + """
Projekt                     Beviljat      Kv 1      Kv 2   Förbrukat
---------------------------------------------------------------------
Stödsamtal för unga         400 000    90 000    80 000     170 000
vuxna (LUM)

Studieresa till Bergen -     20 000     5 000         -       5 000
mobila team (MUL)
---------------------------------------------------------------------
Summa                       420 000    95 000    80 000     175 000


Stödsamtal för unga vuxna

Projektet har genomförts i två stadsdelar och fortsätter under 2021.

Studieresa till Bergen - mobila team

Resan ställdes in och medlen återbetalas.
""",
    )
    funds = {(a.sek, a.fund_type) for a in f.amounts}
    assert (90000, "LUM") in funds and (5000, "MUL") in funds
    assert (95000, None) in funds and (175000, None) in funds
